//! Properties of precompiled rule blobs: arbitrary bytes are refused, and a damaged blob is
//! refused or finds less, never panics; masking keeps a text's length in characters.

use proptest::prelude::*;
use timgate_engine::message_text::mask_spans;
use timgate_engine::rule_set::RuleSet;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_blobs_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        prop_assert!(RuleSet::from_blob(&bytes, "000000000000").is_err());
    }

    #[test]
    fn masking_keeps_the_length_in_characters(text in "\\PC{0,80}", a in 0usize..100, b in 0usize..100) {
        let masked = mask_spans(&text, &[(a.min(b), a.max(b))], '*');
        prop_assert_eq!(masked.chars().count(), text.chars().count());
    }
}

const JSON: &str = r#"{"block":["bad","傻逼"],"mask":["ass*"],"allow":["assistant"]}"#;

fn blob() -> &'static [u8] {
    static BLOB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BLOB.get_or_init(|| RuleSet::from_json(JSON).unwrap().to_blob())
}

proptest! {
    // Each case validates a whole automaton in a debug build: fewer cases, each flipping one bit.
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn damaged_blobs_never_panic(flip in 0usize..1_000_000, bit in 0u8..8) {
        let mut blob = blob().to_vec();
        let at = flip % blob.len();
        blob[at] ^= 1 << bit;
        if let Ok(set) = RuleSet::from_blob(&blob, &timgate_engine::rule_set::document_version(JSON)) {
            let text = "b.a.d 傻逼 assistant asshole";
            for m in set.find(text) {
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.end <= text.len());
                prop_assert!(m.term < set.len(), "a match names a term of the set");
            }
            // Every term reads back (its text is checked as UTF-8 only now), whatever the flip.
            for i in 0..set.len() {
                prop_assert!(set.term(i).is_some(), "term {i} of {}", set.len());
            }
            prop_assert!(set.term(set.len()).is_none());
        }
    }
}
