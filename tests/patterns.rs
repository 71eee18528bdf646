//! The `patterns` check as tables and generators.
//!
//! - An operator's pattern for a WeChat id after its cue (contract.md's example), against ids
//!   written every way a spammer tries (each must be found, through the whole callback, with the
//!   document's code), and chat that is close but holds no such id (each must be delivered).
//! - Generators: every invisible character Unicode defines, inserted inside the id; every
//!   combining mark of the Inherited script on every letter; every full-width form. The folded
//!   text leaves the first two out and reads the third as ASCII, so each must still match.
//! - A differential property test: on random text, the DFAs the rules tool compiles find exactly
//!   the matches the `regex` crate finds (leftmost-first, non-overlapping, the first
//!   `MAX_HITS_PER_PATTERN`), raw and folded.

#[path = "common/text_callback.rs"]
mod text_callback;
#[path = "common/unicode_classes.rs"]
mod unicode_classes;

use std::sync::OnceLock;

use proptest::prelude::*;
use timgate_engine::decision::Verdict;
use timgate_engine::patterns::{CompiledPattern, PatternText, Prefilter, MAX_HITS_PER_PATTERN};
use timgate_engine::rule_set::RuleSet;

/// contract.md's example: `vx`/`VX`/`v x` and a colon, then an id of 6 to 20 characters.
const WECHAT_ID: &str = r"\bv\s*x\s*[:：]?\s*[a-z][a-z0-9_-]{5,19}\b";

fn rules() -> RuleSet {
    let doc = serde_json::json!({
        "patterns": [{"pattern": WECHAT_ID, "action": "block", "code": 10130, "info": "No contact details"}]
    });
    RuleSet::from_json(&doc.to_string()).expect("the example compiles")
}

fn blocked(set: &RuleSet, text: &str) -> bool {
    match text_callback::verdict(set, text) {
        Verdict::Forbid { code: 10130, info } => info == "No contact details",
        _ => false,
    }
}

/// Full-width form of ASCII (U+FF01..U+FF5E), a space as the ideographic space.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

const IDS: [&str; 4] = ["alice_88", "bob-2024x", "wx_lucky7", "zq12345"];

fn positives() -> Vec<String> {
    let mut out = Vec::new();
    for id in IDS {
        out.extend([
            format!("vx: {id}"),
            format!("VX:{}", id.to_uppercase()),
            format!("加vx {id} 聊"),
            format!("有事加 v x ： {id}"),
            full_width(&format!("vx:{id}")),
            format!("vx\u{3000}{id}"),
            format!("vx\n{id}"),
            format!("my Vx\t{id}!"),
            format!("v\u{200B}x: {id}"),
            format!("vx: {}", id.replace('_', "\u{2060}_")),
        ]);
    }
    out
}

const NEGATIVES: &[&str] = &[
    "the vx is out",
    "avx: alice88",
    "vx: 88alice",
    "vx: abc",
    "vxlan config here",
    "I love vx",
    "v.x: alice88",
    "vy: alice_88",
    "wx: alice_88",
    "vx",
    "vx:",
    "vx: a",
    "vx: ab-c",
    "vx: _alice88",
    "x v alice88",
    "evx alice88",
    "vx 123456789",
    "vx: 一二三四五六",
    "vx：你好朋友们",
    "vx: alice88abcdefghijklmn",
    "nvx alice_88",
    "the deluxe vx2 is here",
    "vxx",
    "call me at 5pm",
    "see you tomorrow",
    "加微信",
    "价格 100 元",
    "v: alice_88",
    "x: alice_88",
    "vz: alice_88",
    "vvx",
];

#[test]
fn wechat_ids_spelled_every_way_are_blocked() {
    let set = rules();
    let positives = positives();
    let missed: Vec<&String> = positives.iter().filter(|t| !blocked(&set, t)).collect();
    assert!(positives.len() >= 30, "{} positives", positives.len());
    assert!(missed.is_empty(), "missed {} of {}: {missed:?}", missed.len(), positives.len());
}

#[test]
fn close_but_clean_chat_is_delivered() {
    let set = rules();
    let blocked_ones: Vec<&&str> =
        NEGATIVES.iter().filter(|t| !matches!(text_callback::verdict(&set, t), Verdict::Deliver)).collect();
    assert!(NEGATIVES.len() >= 30, "{} negatives", NEGATIVES.len());
    assert!(blocked_ones.is_empty(), "{} of {} blocked: {blocked_ones:?}", blocked_ones.len(), NEGATIVES.len());
}

/// A mask pattern masks each match; with more matches than are looked for in one message
/// (`MAX_HITS_PER_PATTERN`) the rest would go out unmasked, so the message is forbidden instead.
#[test]
fn a_mask_pattern_with_more_matches_than_are_looked_for_forbids() {
    let doc = serde_json::json!({"patterns": [{"pattern": "1[3-9][0-9]{9}", "action": "mask"}]});
    let set = RuleSet::from_json(&doc.to_string()).expect("compiles");
    let numbers = |n: usize| (0..n).map(|i| format!("1380013{:04}", 8000 + i)).collect::<Vec<_>>().join(" ");
    match text_callback::verdict(&set, &format!("call {}", numbers(MAX_HITS_PER_PATTERN))) {
        Verdict::Modify(masked) => {
            let body = masked.msg_body.unwrap_or_default();
            assert!(!body.contains("138"), "every number masked: {body}");
        }
        other => panic!("{} numbers are masked, not {other:?}", MAX_HITS_PER_PATTERN),
    }
    let decoys = format!("{} call 13912345678", numbers(MAX_HITS_PER_PATTERN));
    assert!(matches!(text_callback::verdict(&set, &decoys), Verdict::Forbid { .. }), "the 17th is not delivered");
}

/// Every character the folded text leaves out, inserted inside the id (after its first letter),
/// and every member of a class the folded text reads as ASCII: the pattern still matches.
#[test]
fn every_invisible_character_and_combining_mark_and_full_width_form() {
    let set = rules();
    let mut tallies = Vec::new();
    let classes = [
        ("invisible (Default_Ignorable, Cf, Cc; not White_Space)", unicode_classes::invisibles()),
        ("Inherited nonspacing marks", unicode_classes::members(r"[\p{Mn}&&\p{sc=Inherited}]")),
    ];
    for (name, chars) in classes {
        let missed: Vec<String> = chars
            .iter()
            .filter(|&&c| !blocked(&set, &format!("vx: a{c}lice_88")))
            .map(|c| format!("U+{:04X}", *c as u32))
            .collect();
        tallies.push(format!("{name}: {}/{}", chars.len() - missed.len(), chars.len()));
        assert!(missed.is_empty(), "{name}: missed {missed:?}");
    }
    let ascii: Vec<char> = ('!'..='~').filter(char::is_ascii_alphanumeric).collect();
    let missed: Vec<char> =
        ascii.iter().filter(|&&c| !blocked(&set, &full_width(&format!("vx:a{c}lice8")))).copied().collect();
    tallies.push(format!("full-width letters and digits: {}/{}", ascii.len() - missed.len(), ascii.len()));
    assert!(missed.is_empty(), "full-width: missed {missed:?}");
    println!("{}", tallies.join("\n"));
}

/// Patterns an operator writes, with `\b` written as the ASCII boundary the check reads it as.
const DIFFERENTIAL: [&str; 8] = [
    WECHAT_ID,
    r"\d{3}-?\d{4}",
    r"(?:cheap|free)\s+(?:likes|followers)",
    r"[a-z]*x|a",
    r"v+x+",
    r"\bab\b",
    r"a.b",
    r"^vx|x$",
];

/// Each differential pattern compiled once (raw, then for the folded text),
/// with its oracle: compiling with minimisation in a debug build is the slow part of this test.
fn compiled(case_insensitive: bool) -> &'static [(&'static str, CompiledPattern, regex::Regex)] {
    static RAW: OnceLock<Vec<(&str, CompiledPattern, regex::Regex)>> = OnceLock::new();
    static FOLDED: OnceLock<Vec<(&str, CompiledPattern, regex::Regex)>> = OnceLock::new();
    let cell = if case_insensitive { &FOLDED } else { &RAW };
    cell.get_or_init(|| {
        DIFFERENTIAL
            .iter()
            .map(|&p| {
                (p, CompiledPattern::compile(p, case_insensitive).expect("compiles"), oracle(p, case_insensitive))
            })
            .collect()
    })
}

fn oracle(pattern: &str, case_insensitive: bool) -> regex::Regex {
    let ascii = pattern.replace(r"\b", r"(?-u:\b)");
    regex::RegexBuilder::new(&ascii).case_insensitive(case_insensitive).build().expect("the oracle compiles")
}

/// The first `MAX_HITS_PER_PATTERN` matches, and whether there are more.
fn oracle_find(re: &regex::Regex, text: &str) -> (Vec<(usize, usize)>, bool) {
    let all: Vec<(usize, usize)> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let more = all.len() > MAX_HITS_PER_PATTERN;
    (all.into_iter().take(MAX_HITS_PER_PATTERN).collect(), more)
}

/// Patterns with literals for the prefilter, folded and raw, among them letters that other
/// characters fold to (`ſ` and `ﬆ` to `s`/`st`, the Kelvin sign to `k`, full-width forms).
const PREFILTERED: [(&str, bool); 10] = [
    ("VX", false),
    ("st", false),
    ("k+b", false),
    ("(?:cheap|free) likes", false),
    (r"\d{3}-\d{4}\s*off", false),
    (r"a\d", false),
    ("VX", true),
    ("st", true),
    ("Kb", true),
    (r"\d-\d", true),
];

fn prefiltered() -> &'static (Vec<(CompiledPattern, bool)>, Prefilter) {
    static SET: OnceLock<(Vec<(CompiledPattern, bool)>, Prefilter)> = OnceLock::new();
    SET.get_or_init(|| {
        let compiled: Vec<(CompiledPattern, bool)> =
            PREFILTERED.iter().map(|&(p, raw)| (CompiledPattern::compile(p, !raw).expect("compiles"), raw)).collect();
        let prefilter = Prefilter::new(compiled.iter().map(|(c, raw)| (Some(c), *raw)));
        (compiled, prefilter)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The prefilter never leaves out a pattern that matches.
    #[test]
    fn the_prefilter_never_hides_a_match(text in "[abvxkstVXKS\u{17F}\u{FB06}\u{212A}\u{FF36}\u{FF58}0-9 \\-]{0,60}") {
        let (compiled, prefilter) = prefiltered();
        let mut reading = PatternText::new(&text);
        let wanted = prefilter.candidates(&mut reading);
        for (index, (pattern, raw)) in compiled.iter().enumerate() {
            let (found, _) = reading.find(pattern, *raw);
            prop_assert!(wanted[index] || found.is_empty(), "{:?} (raw {}) matches {:?} but was left out", PREFILTERED[index].0, raw, text);
        }
    }

    #[test]
    fn raw_matches_are_the_regex_crates(text in "[abvxAVX12345 _:\\-\n中é\u{200B}]{0,80}") {
        for (pattern, compiled, oracle) in compiled(false) {
            prop_assert_eq!(compiled.find(&text).expect("searches"), oracle_find(oracle, &text), "{}", pattern);
        }
    }

    /// On ASCII text the folded text is the text in lowercase, byte for byte: a folded pattern
    /// finds what the `regex` crate finds ignoring case.
    #[test]
    fn folded_matches_on_ascii_are_the_regex_crates_ignoring_case(text in "[abvxABVX12345 _:\\-\n]{0,80}") {
        for (pattern, compiled, oracle) in compiled(true) {
            prop_assert_eq!(PatternText::new(&text).find(compiled, false), oracle_find(oracle, &text), "{}", pattern);
        }
    }
}
