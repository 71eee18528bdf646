//! The matcher on arbitrary Unicode, through its public API only (`MatcherBuilder`, `find_iter`,
//! `Matcher::to_bytes`/`from_bytes`), so this target keeps working whatever the matcher does
//! inside (normalisation, automaton).
//!
//! Input: UTF-8 (lossy) text whose first line is the text to search and whose other lines are
//! the terms. Checked besides "no panic": every match names a term that exists and covers a
//! non-empty range of the text that starts and ends on character boundaries; a text that is
//! exactly one of the terms (lowercase ASCII letters) is found; the matcher read back from its
//! bytes finds the same; searching twice finds the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use timgate_matcher::{Match, Matcher, MatcherBuilder};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let mut lines = input.split('\n');
    let text = lines.next().unwrap_or_default();
    let terms: Vec<&str> = lines.take(64).collect();
    // A term with nothing to match (only punctuation) is refused; that refusal is the answer.
    let Ok(matcher) = MatcherBuilder::new().terms(terms.iter().copied()).build() else { return };
    assert_eq!(matcher.len(), terms.len());
    let found: Vec<Match> = matcher.find_iter(text).collect();
    for m in &found {
        assert!(m.term < terms.len(), "term index {} of {}", m.term, terms.len());
        assert!(m.start < m.end, "empty match {m:?}");
        assert!(m.end <= text.len(), "match past the end {m:?} in {} bytes", text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "{m:?} in {text:?}");
    }
    if text.len() >= 3 && text.bytes().all(|b| b.is_ascii_lowercase()) && terms.contains(&text) {
        assert!(!found.is_empty(), "{text:?} is a term but was not found");
    }
    assert_eq!(found, matcher.find_iter(text).collect::<Vec<_>>(), "no hidden state");
    let back = Matcher::from_bytes(&matcher.to_bytes()).expect("its own bytes");
    assert_eq!(found, back.find_iter(text).collect::<Vec<_>>(), "the same from its bytes");
});
