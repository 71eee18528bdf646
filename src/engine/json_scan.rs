//! Reading message JSON that `serde_json::Value` refuses, because a sender controls it:
//! `\u` escapes of lone UTF-16 surrogates (half an emoji pair, which JavaScript strings allow),
//! and nesting deeper than serde_json's recursion limit of 128 (a merged-forward message
//! forwarded into another, 26 times over). Neither may hide a message's text from the rules.
//!
//! [`repair_lone_surrogates`] makes the first readable; [`visible_strings`] reads the string
//! values of any JSON text without recursion, each with its path and the byte range of its
//! token, so that a masked value can be written back into the original bytes.

use std::borrow::Cow;
use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::engine::message_text::Step;

/// The escape written in place of a lone surrogate: U+FFFD REPLACEMENT CHARACTER.
const REPLACEMENT_ESCAPE: &str = "\\ufffd";

/// Object keys whose string values a user can see, in any element type (protocol.md,
/// "Message elements"). `AbstractList` holds an array of strings.
pub const VISIBLE_KEYS: [&str; 8] =
    ["Text", "Data", "Desc", "Ext", "FileName", "Title", "CompatibleText", "AbstractList"];

/// `text` with every `\u` escape of a lone surrogate (inside a JSON string) replaced by
/// `\ufffd`, which has the same length, so byte offsets are kept. Borrowed when there is none.
pub fn repair_lone_surrogates(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match (in_string, bytes[i]) {
            (false, b'"') => in_string = true,
            (false, _) => {}
            (true, b'"') => in_string = false,
            (true, b'\\') => {
                let Some(unit) = unicode_escape(bytes, i) else {
                    i += 2; // another escape; a malformed one is the parser's to report
                    continue;
                };
                let lone = match unit {
                    0xD800..=0xDBFF => match unicode_escape(bytes, i + 6) {
                        Some(0xDC00..=0xDFFF) => {
                            i += 12; // a proper pair
                            continue;
                        }
                        _ => true,
                    },
                    0xDC00..=0xDFFF => true,
                    _ => false,
                };
                if lone {
                    out.push_str(text.get(copied..i).unwrap_or_default());
                    out.push_str(REPLACEMENT_ESCAPE);
                    copied = i + 6;
                }
                i += 6;
                continue;
            }
            (true, _) => {}
        }
        i += 1;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// The code unit of a `\uXXXX` escape starting at `at`.
fn unicode_escape(bytes: &[u8], at: usize) -> Option<u32> {
    if bytes.get(at) != Some(&b'\\') || bytes.get(at + 1) != Some(&b'u') {
        return None;
    }
    let digits = bytes.get(at + 2..at + 6)?;
    let digits = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(digits, 16).ok()
}

/// Parses JSON text, reading lone surrogate escapes as U+FFFD; `None` when it is not JSON (or,
/// for a `serde_json::Value`, nested too deeply).
pub fn from_str_lenient<T: DeserializeOwned>(text: &str) -> Option<T> {
    match serde_json::from_str(text) {
        Ok(value) => Some(value),
        Err(_) => match repair_lone_surrogates(text) {
            Cow::Owned(repaired) => serde_json::from_str(&repaired).ok(),
            Cow::Borrowed(_) => None,
        },
    }
}

/// A string value found by [`visible_strings`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringValue {
    /// Keys and indices from the root of the JSON text to the value.
    pub path: Vec<Step>,
    /// Byte range of the string token, quotes included, in the JSON text.
    pub token: Range<usize>,
    /// The decoded value.
    pub text: String,
}

/// Why [`visible_strings`] stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ScanError {
    /// The paths to the values would hold more than the budget of steps (an adversarial shape:
    /// thousands of values, each thousands of levels deep).
    #[error("nested too deeply to read ({0} path steps)")]
    OverBudget(usize),
}

enum Frame {
    Object { key: Option<String>, expect_key: bool },
    Array { index: usize },
}

/// Every string value of `json` held by a [`VISIBLE_KEYS`] key (directly, or in an array under
/// it), in document order, whatever the nesting depth. `json` is expected to be valid JSON
/// (a `RawValue`); on anything else this returns what it could make out, and never panics.
/// Each value found costs its depth + 1 steps of `budget`, which is spent even when the scan
/// stops over budget, so one budget can bound the scans of a whole message.
pub fn visible_strings(json: &str, budget: &mut usize) -> Result<Vec<StringValue>, ScanError> {
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut found = Vec::new();
    let mut spent = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: None, expect_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let end = string_end(bytes, i);
                let token = json.get(i..end).unwrap_or_default();
                match stack.last_mut() {
                    Some(Frame::Object { key, expect_key }) if *expect_key => {
                        *key = from_str_lenient(token);
                        *expect_key = false;
                    }
                    _ => {
                        if is_visible(&stack) {
                            spent = spent.saturating_add(stack.len() + 1);
                            if spent > *budget {
                                *budget = 0;
                                return Err(ScanError::OverBudget(spent));
                            }
                            if let Some(text) = from_str_lenient(token) {
                                found.push(StringValue { path: path_of(&stack), token: i..end, text });
                            }
                        }
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    *budget -= spent;
    Ok(found)
}

/// The index just past the closing quote of the string starting at `start` (or the end).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Whether the innermost object around the current value holds it under a visible key.
fn is_visible(stack: &[Frame]) -> bool {
    stack.iter().rev().find_map(|frame| match frame {
        Frame::Object { key, .. } => Some(key.as_deref().is_some_and(|k| VISIBLE_KEYS.contains(&k))),
        Frame::Array { .. } => None,
    }) == Some(true)
}

fn path_of(stack: &[Frame]) -> Vec<Step> {
    stack
        .iter()
        .filter_map(|frame| match frame {
            Frame::Object { key, .. } => key.clone().map(Step::Key),
            Frame::Array { index } => Some(Step::Index(*index)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let cases = [
            (r#""a\ud800b""#, r#""a\ufffdb""#),
            (r#""\uDC00""#, r#""\ufffd""#),
            (r#""\ud800\ud800\udc00""#, r#""\ufffd\ud800\udc00""#),
            (r#""\ud83d""#, r#""\ufffd""#),
        ];
        for (input, expected) in cases {
            let repaired = repair_lone_surrogates(input);
            assert_eq!(repaired, expected, "{input}");
            assert_eq!(repaired.len(), input.len());
            assert!(serde_json::from_str::<String>(&repaired).is_ok());
        }
    }

    #[test]
    fn nothing_to_repair_is_borrowed() {
        for text in [r#""\ud83d\ude00 ok""#, r#""\\ud800""#, r#"{"a":"\u00e9"}"#, "not json \\ud800", "\"\\"] {
            assert!(matches!(repair_lone_surrogates(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn visible_strings_with_paths_and_tokens() {
        let json = r#"{"MsgType":"TIMRelayElem","MsgContent":{"Title":"t","AbstractList":["a","b"],
            "MsgList":[{"From_Account":"x","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"deep \"q\""}}]}]}}"#;
        let found = visible_strings(json, &mut 1000).unwrap();
        let texts: Vec<&str> = found.iter().map(|v| v.text.as_str()).collect();
        assert_eq!(texts, ["t", "a", "b", "deep \"q\""]);
        let last = &found[3];
        assert_eq!(&json[last.token.clone()], r#""deep \"q\"""#);
        let key = |k: &str| Step::Key(k.to_owned());
        assert_eq!(
            last.path,
            [
                key("MsgContent"),
                key("MsgList"),
                Step::Index(0),
                key("MsgBody"),
                Step::Index(0),
                key("MsgContent"),
                key("Text")
            ]
        );
        assert_eq!(found[2].path, [key("MsgContent"), key("AbstractList"), Step::Index(1)]);
    }

    #[test]
    fn any_depth_and_a_budget() {
        let mut json = r#"{"Text":"bottom"}"#.to_owned();
        for _ in 0..5000 {
            json = format!(r#"{{"MsgContent":{json}}}"#);
        }
        let mut budget = 10_000;
        let found = visible_strings(&json, &mut budget).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path.len(), 5001);
        assert_eq!(budget, 10_000 - 5002);
        assert_eq!(visible_strings(&json, &mut budget), Err(ScanError::OverBudget(5002)));
        assert_eq!(budget, 0, "spent even when refused");
    }

    #[test]
    fn garbage_does_not_panic() {
        for text in ["", "\"", "{\"Text\":\"", "]]]}}}", "{\"Text\":[\"a\\", "{,,,\"Text\"", "\"\\u12"] {
            let _ = visible_strings(text, &mut 100);
            let _ = repair_lone_surrogates(text);
        }
    }
}
