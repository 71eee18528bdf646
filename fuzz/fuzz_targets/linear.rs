//! Time: the text pipeline on the largest inputs a callback can carry (64 KB), against a fixed
//! list of terms of every kind, so that `-timeout` (scripts/fuzz.sh passes 1 second for this
//! target) turns any input that costs more than linear time into a failure. The coverage guide
//! steers libFuzzer towards the normaliser's rare paths (mixed scripts, leet, marks, bidi
//! controls, spelled-out letters, CJK context), where a quadratic step would hide.
//!
//! The `links` and `contacts` checks (`timgate_engine::links`, `::contacts`) read each input too,
//! and so do patterns (`timgate_engine::patterns`) chosen for their worst cases: one whose every
//! search reads to the end of the text (`[a-z]*x|a`), a cue and an id, counted repetitions,
//! folded and raw.
//!
//! Input: the text (UTF-8, lossy). Checked: no panic, and no input slower than the timeout.
#![no_main]

use std::sync::OnceLock;

#[path = "../../benches/common/worst_patterns.rs"]
mod worst_patterns;

use libfuzzer_sys::fuzz_target;
use timgate_engine::contacts::ContactFinder;
use timgate_engine::links::LinkFinder;
use timgate_engine::patterns::{CompiledPattern, PatternText};
use timgate_matcher::{Matcher, MatcherBuilder, Scan, Segmenter};

fn matchers() -> &'static [Matcher] {
    static MATCHERS: OnceLock<Vec<Matcher>> = OnceLock::new();
    MATCHERS.get_or_init(|| {
        let terms = [
            "bad",
            "ass",
            "ass*",
            "fuck*",
            "red packet",
            "buy cheap followers now",
            "傻逼",
            "他妈",
            "口交",
            "🖕",
            "b00bs",
            "l10n",
            "cop",
            "хуй",
            "バカ",
            "바보",
            "a",
            "aa",
            "aaa",
            "ab ab ab",
            "1000",
            "x y z",
        ];
        let lexicon = |w: &str| ["其他", "妈妈", "出口", "交易", "他", "妈", "口", "交"].contains(&w).then_some(1000);
        let alphabet: Vec<char> = "其他妈出口交易".chars().collect();
        let segmenter = Segmenter::select(terms.iter().copied(), &lexicon, 60_000_000, &alphabet);
        let many: Vec<String> = (0..5000).map(|i| format!("w{}x{}", i % 97, i)).collect();
        vec![
            MatcherBuilder::new().terms(terms).segmenter(segmenter).build().expect("terms"),
            MatcherBuilder::new().terms(many).build().expect("terms"),
        ]
    })
}

fn patterns() -> &'static [(CompiledPattern, bool)] {
    static PATTERNS: OnceLock<Vec<(CompiledPattern, bool)>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        worst_patterns::WORST_PATTERNS
            .iter()
            .map(|&(p, raw)| (CompiledPattern::compile(p, !raw).expect("pattern"), raw))
            .collect()
    })
}

// Built before the first input: compiling the patterns (with minimisation) and the matchers
// takes longer than the one-second timeout this target runs under.
fuzz_target!(
    init: {
        matchers();
        patterns();
    },
    |data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for (_, m) in Scan::new(matchers(), &text) {
        assert!(m.start < m.end && m.end <= text.len());
    }
    // The links check reads the same text (engine/links.rs).
    let links = LinkFinder::new(&["example.com", "*.example.org"], &["top"]);
    for link in links.find(&text) {
        assert!(link.start < link.end && text.is_char_boundary(link.start) && text.is_char_boundary(link.end));
    }
    // And the contacts check (`timgate_engine::contacts`).
    for c in ContactFinder::new(&[]).find(&text) {
        assert!(c.start < c.end && text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
    }
    // And patterns, the text folded once for them (`timgate_engine::patterns`).
    let mut folded = PatternText::new(&text);
    for (pattern, raw) in patterns() {
        for (start, end) in folded.find(pattern, *raw).0 {
            assert!(start < end && text.is_char_boundary(start) && text.is_char_boundary(end));
        }
    }
}
);
