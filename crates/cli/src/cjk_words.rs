//! The Chinese words around a document's CJK terms, from jieba's dictionary (the `jieba-rs`
//! crate), so that the worker does not report `他妈` in `其他妈妈` or `口交` in `出口交易` (see
//! `timgate_matcher::segmentation`). Only the rules tool has the dictionary (5 MB, native only):
//! it keeps the words the segmentation around the terms uses (`Segmenter::select`; about 25,000
//! for the 293 terms of naughty-words `zh`) and stores them in the precompiled blob, which `push`
//! therefore writes for every document with CJK terms.
//!
//! jieba-rs does not expose its word list, so the words are found by asking it: each CJK Unified
//! Ideograph that is a word alone is tried next to a term's edge characters and next to the
//! outer characters of the words found there (`Jieba::has_word`; a few seconds for a list like
//! naughty-words `zh`), and each word found gets its frequency from `Jieba::suggest_freq`, which
//! for a dictionary word is the word's own frequency (plus one). The dictionary's total
//! frequency, which turns frequencies into probabilities, is recovered the same way from two
//! characters that are not a word together (see [`total`]).

use std::sync::OnceLock;

use jieba_rs::Jieba;
use timgate_matcher::Segmenter;

use timgate_engine::rule_document::{Action, RuleDocument};

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// A word's frequency in jieba's dictionary.
fn frequency(word: &str) -> Option<u64> {
    let jieba = jieba();
    jieba.has_word(word).then(|| (jieba.suggest_freq(word) as u64).saturating_sub(1).max(1))
}

/// Whether `word` is a word of jieba's dictionary.
pub fn is_word(word: &str) -> bool {
    jieba().has_word(word)
}

/// The dictionary's total frequency. `suggest_freq` of two characters that are not a word
/// together is `f(a) · f(b) / total + 1` (jieba's estimate for joining them), so the total is
/// `f(a) · f(b) / (suggest_freq(ab) − 1)`; the median over a few frequent pairs.
pub fn total() -> u64 {
    static TOTAL: OnceLock<u64> = OnceLock::new();
    *TOTAL.get_or_init(|| {
        let pairs = [("的", "了"), ("是", "在"), ("我", "他"), ("不", "人"), ("这", "有")];
        let mut estimates: Vec<u64> = pairs
            .iter()
            .filter(|(a, b)| !jieba().has_word(&format!("{a}{b}")))
            .filter_map(|(a, b)| {
                let (fa, fb) = (frequency(a)?, frequency(b)?);
                let joined = (jieba().suggest_freq(&format!("{a}{b}")) as u64).checked_sub(1).filter(|&j| j > 0)?;
                Some(fa.saturating_mul(fb) / joined)
            })
            .collect();
        estimates.sort_unstable();
        estimates.get(estimates.len() / 2).copied().unwrap_or(60_000_000)
    })
}

/// The CJK Unified Ideographs: the characters tried next to a term's edges (`Segmenter::select`
/// tries those that are words alone).
fn alphabet() -> &'static [char] {
    static ALPHABET: OnceLock<Vec<char>> = OnceLock::new();
    ALPHABET.get_or_init(|| ('\u{4E00}'..='\u{9FFF}').collect())
}

/// Whether `term` has two CJK characters or more (a term [`segmenter_for`] selects words for).
pub fn has_cjk_word(term: &str) -> bool {
    timgate_matcher::normalize::Normalizer::new(term)
        .filter(|s| s.kind == timgate_matcher::normalize::SymbolKind::Ideo)
        .map(|s| s.count as usize)
        .sum::<usize>()
        >= 2
}

/// The words of jieba's dictionary around the CJK terms of `doc`; `None` when the document has no
/// CJK term of two characters or more.
pub fn segmenter_for(doc: &RuleDocument) -> Option<Segmenter> {
    let terms: Vec<&str> = Action::LISTS.iter().flat_map(|(action, _)| doc.terms(*action)).map(|t| t.term()).collect();
    let segmenter = Segmenter::select(terms.iter().copied(), &frequency, total(), alphabet())
        .with_numbers_before(terms.iter().filter_map(|t| numeral_start(t)));
    (!segmenter.is_empty()).then_some(segmenter)
}

/// How often jieba's corpus must have `一` + a unit (`一日`: 2,277, `一月`: 623) for a number
/// glued before the unit to count as one word with it; the numerals, which jieba also tags `m`,
/// stay under it (`一九`: 25, `一十`: 36, `一三`: 19, `一几`: 10).
const UNIT_AFTER_ONE: u64 = 100;

/// The first character of a CJK term of two characters or more, if it is a unit of dates and
/// times: jieba's dictionary tags it as a numeral (`m`), as it tags `日`, `月`, `年`, `号`,
/// `点`, and has it after `一` often enough (`UNIT_AFTER_ONE`; `九`, `十`, `几` are numerals
/// themselves). A number glued before it makes one word with it
/// (`Segmenter::with_numbers_before`). Measure words (`q`: `口`, `个`) are left out: `1口交` is
/// no count of mouths.
fn numeral_start(term: &str) -> Option<char> {
    if !has_cjk_word(term) {
        return None;
    }
    let first = term.chars().next()?;
    let mut buf = [0u8; 4];
    let alone: &str = first.encode_utf8(&mut buf);
    let tags = jieba().tag(alone, false);
    let tagged = matches!(tags.as_slice(), [tag] if tag.word == alone && tag.tag == "m");
    (tagged && frequency(&format!("一{first}")).is_some_and(|f| f >= UNIT_AFTER_ONE)).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use timgate_engine::rule_set::RuleSet;

    #[test]
    fn the_total_is_jiebas() {
        // jieba's dictionary sums to about 60 million; the estimate must be close.
        let t = total();
        assert!((55_000_000..65_000_000).contains(&t), "{t}");
    }

    #[test]
    fn words_that_straddle_terms_are_kept_and_used() {
        let doc = RuleDocument::parse(r#"{"block":["他妈","口交","傻逼"],"mask":["damn"]}"#).unwrap();
        let segmenter = segmenter_for(&doc).expect("CJK terms");
        let words: Vec<&str> = segmenter.words().map(|(w, _)| w).collect();
        for word in ["其他", "妈妈", "出口", "交易"] {
            assert!(words.contains(&word), "{word} in {} words", words.len());
        }
        let set = RuleSet::compile_with(&doc, "v".into(), Some(segmenter)).unwrap();
        for text in ["其他妈妈都来了", "扩大出口交易额", "出口 交易"] {
            assert!(set.find(text).is_empty(), "{text}: {:?}", set.find(text));
        }
        for text in ["你他妈的", "你是傻逼", "傻 逼", "他妈", "口交"] {
            assert_eq!(set.find(text).len(), 1, "{text}");
        }
        assert!(segmenter_for(&RuleDocument::parse(r#"{"block":["damn","傻"]}"#).unwrap()).is_none());
    }

    #[test]
    fn a_number_and_a_date_unit_are_one_word() {
        // naughty-words `zh` has `日你` (`日`: "to fuck"); `5日` is the 5th of a month. After a
        // number, a two-character match that starts with a unit jieba tags as a numeral is not
        // reported; anywhere else, or longer, or after a measure word's number, it still is.
        let doc = RuleDocument::parse(r#"{"block":["日你","日你老娘","口交","操你","几巴","九游","月经"]}"#).unwrap();
        let segmenter = segmenter_for(&doc).expect("CJK terms");
        let numbered: Vec<&str> = segmenter.words().map(|(w, _)| w).filter(|w| w.starts_with('0')).collect();
        // 口 is a measure word, 操 a verb, 几 and 九 numerals.
        assert_eq!(numbered, ["0日", "0月"]);
        let set = RuleSet::compile_with(&doc, "v".into(), Some(segmenter)).unwrap();
        for text in
            ["3月5日你有空吗", "12月25日你在哪", "12月25日，你在哪", "本月15日你要来", "５日你好", "2024年5月1日你好"]
        {
            assert!(set.find(text).is_empty(), "{text}: {:?}", set.find(text));
        }
        for text in [
            "日你",
            "我日你",
            "5 日你",
            "5.日你",
            "a日你",
            "5日你老娘",
            "3口交",
            "5操你",
            "日你，5日你老娘",
            "1几巴",
            "9九游",
        ] {
            assert!(!set.find(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_segmentation_around_a_match_is_jiebas() {
        // From 围城 (examples/chinese_prose_check.rs): a run at the match's edge (`爸爸妈妈|的`,
        // `你|妈妈`), two characters outside (`小姑娘|的`), a neighbour word (`山水|花柳`, not
        // `山|水花|柳`), a word holding the match (`他妈的`, `老处女`).
        let doc = RuleDocument::parse(r#"{"block":["妈的","你妈","娘的","花柳","成人","他妈","处女"]}"#).unwrap();
        let set = RuleSet::compile_with(&doc, "v".into(), segmenter_for(&doc)).unwrap();
        for text in ["没得到爸爸妈妈的同意", "你妈妈混帐！", "天真妩媚小姑娘的风致"] {
            assert!(set.find(text).is_empty(), "{text}: {:?}", set.find(text));
        }
        for text in ["没有山水花柳作为春的安顿处", "猴子没进化成人以前", "滚你妈的蛋", "说一两个他妈的", "做老处女了"]
        {
            assert!(!set.find(text).is_empty(), "{text}");
        }
    }
}
