//! The matcher on arbitrary Unicode, through its public API only (`Matcher::build` / `find`), so
//! this target keeps working whatever the matcher does inside (normalisation, automaton).
//!
//! Input: UTF-8 (lossy) text whose first line is the text to search and whose other lines are
//! the terms. Checked besides "no panic": every match names a term that exists and covers a
//! non-empty range of the text that starts and ends on character boundaries; and a text that
//! is exactly one of the terms (lowercase ASCII letters) is found.
#![no_main]

use libfuzzer_sys::fuzz_target;
use timgate::engine::matcher::Matcher;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let mut lines = input.split('\n');
    let text = lines.next().unwrap_or_default();
    let terms: Vec<&str> = lines.take(64).collect();
    // A term with nothing to match (only punctuation) is refused; that refusal is the answer.
    let Ok(matcher) = Matcher::build(terms.iter().copied()) else { return };
    assert_eq!(matcher.len(), terms.len());
    for found in matcher.find(text) {
        assert!(found.term < terms.len(), "term index {} of {}", found.term, terms.len());
        assert!(found.start < found.end, "empty match {found:?}");
        assert!(found.end <= text.len(), "match past the end {found:?} in {} bytes", text.len());
        assert!(text.is_char_boundary(found.start) && text.is_char_boundary(found.end), "{found:?} in {text:?}");
    }
    // A text that is exactly one of the terms (plain lowercase ASCII) is found, whatever
    // normalisation the matcher does and however it reports duplicate terms.
    let found = matcher.find(text);
    if text.len() >= 3 && text.bytes().all(|b| b.is_ascii_lowercase()) && terms.contains(&text) {
        assert!(!found.is_empty(), "{text:?} is a term but was not found");
    }
    // The same matcher twice gives the same answer (no hidden state).
    assert_eq!(matcher.find(text), matcher.find(text));
});
