//! Rule documents as operators write them: JSON with comments (`//` to the end of the line,
//! `/* ... */`) and an optional UTF-8 byte order mark, as editors save "JSON with comments"
//! (JSONC). [`to_json`] blanks those out and leaves everything else byte for byte where it was,
//! so that every byte offset, line and column of the result is the original's: the worker, the
//! parser's error positions and the rules tool's locations all read the same text.

use std::borrow::Cow;

/// The byte order mark's UTF-8 bytes.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `text` with a leading byte order mark and every comment outside strings replaced by spaces
/// (newlines inside a block comment are kept). Text without either is returned as it is. A block
/// comment left open runs to the end. Strings are left alone, `"//"` and `"/*"` inside them
/// included. One pass, linear in the text.
pub fn to_json(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    if !bytes.starts_with(BOM) && !bytes.contains(&b'/') {
        return Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    let mut i = 0;
    if bytes.starts_with(BOM) {
        out[..BOM.len()].fill(b' ');
        i = BOM.len();
    }
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1, // the escaped byte is part of the string
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        match (b, bytes.get(i + 1)) {
            (b'"', _) => {
                in_string = true;
                i += 1;
            }
            (b'/', Some(b'/')) => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    out[i] = b' ';
                    i += 1;
                }
            }
            (b'/', Some(b'*')) => {
                out[i] = b' ';
                out[i + 1] = b' ';
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    if bytes[i] != b'\n' {
                        out[i] = b' ';
                    }
                    i += 1;
                }
                if let Some(close) = out.get_mut(i..(i + 2).min(bytes.len())) {
                    close.fill(b' ');
                }
                i += 2;
            }
            _ => i += 1,
        }
    }
    // Only ASCII bytes and whole characters (every byte of one) were replaced by spaces.
    match String::from_utf8(out) {
        Ok(json) => Cow::Owned(json),
        Err(_) => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_a_bom_become_spaces_in_place() {
        let text = "\u{FEFF}{ // the global rules\n  \"block\": [\"x\"], /* two\nlines */ \"mode\": \"enforce\" }";
        let json = to_json(text);
        assert_eq!(json.len(), text.len());
        assert_eq!(json.lines().count(), text.lines().count());
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(value["block"][0], "x");
        assert_eq!(value["mode"], "enforce");
        assert_eq!(json.find("\"mode\""), text.find("\"mode\""), "offsets kept");
    }

    #[test]
    fn strings_are_left_alone() {
        for text in [
            r#"{"block":["http://x.com","a/*b*/c","\"//\""]}"#,
            r#"{"block":["\\"] // after a backslash at a string's end
}"#,
        ] {
            let value: serde_json::Value = serde_json::from_str(&to_json(text)).expect(text);
            assert!(value["block"].is_array(), "{text}");
        }
        let value: serde_json::Value =
            serde_json::from_str(&to_json(r#"{"block":["http://x.com","a/*b*/c"]}"#)).expect("JSON");
        assert_eq!(value["block"][0], "http://x.com");
        assert_eq!(value["block"][1], "a/*b*/c");
    }

    #[test]
    fn plain_json_is_borrowed_and_odd_input_never_panics() {
        assert!(matches!(to_json(r#"{"block":["a"]}"#), Cow::Borrowed(_)));
        for text in ["/", "/*", "/* é", "//", "\"", "\"\\", "{\"a\":1}/", "\u{FEFF}", "é/*é*/é"] {
            let json = to_json(text);
            assert_eq!(json.len(), text.len(), "{text:?}");
        }
        assert_eq!(to_json("é/*é*/é"), "é      é");
    }
}
