//! Tencent's documentation shows callback bodies with `// comments`. Real callbacks never carry
//! them, but operators paste those samples into curl; rather than failing open on them, a body
//! that is not strict JSON is read once more with comments blanked out.

/// `text` with `//` and `/* */` comments outside strings replaced by spaces (offsets kept),
/// or `None` when there was no comment to remove.
pub fn blank_comments(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = text.to_vec();
    let mut changed = false;
    let mut i = 0;
    let mut in_string = false;
    while i < out.len() {
        let b = out[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b'/' && out.get(i + 1) == Some(&b'/') {
            while i < out.len() && out[i] != b'\n' {
                out[i] = b' ';
                i += 1;
            }
            changed = true;
            continue;
        } else if b == b'/' && out.get(i + 1) == Some(&b'*') {
            let end = out[i + 2..].windows(2).position(|w| w == b"*/").map_or(out.len(), |p| i + 2 + p + 2);
            out[i..end].iter_mut().filter(|c| **c != b'\n').for_each(|c| *c = b' ');
            changed = true;
            i = end;
            continue;
        }
        i += 1;
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_outside_strings_only() {
        let text = b"{\"a\": \"http://x\", // note\n\"b\": 1 /* more */}";
        let out = blank_comments(text).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["a"], "http://x");
        assert_eq!(v["b"], 1);
        assert_eq!(out.len(), text.len());
    }

    #[test]
    fn nothing_to_do() {
        assert_eq!(blank_comments(b"{\"a\":\"//not a comment\"}"), None);
        assert_eq!(blank_comments(b"{\"a\":\"\\\"//\"}"), None);
    }

    #[test]
    fn unterminated_pieces_do_not_panic() {
        for text in [&b"/*"[..], b"//", b"\"", b"\\", b"\"\\", b"{/"] {
            let _ = blank_comments(text);
        }
    }
}
