//! Word boundaries in Chinese text, for CJK terms.
//!
//! Chinese is written without spaces, so a CJK term is found anywhere in a text, including where
//! it straddles two words: `他妈` in `其他妈妈` ("other moms"), `口交` in `出口交易` ("export
//! trade"). A reader sees the words, not the term. A [`Segmenter`] holds the few dictionary words
//! that can straddle the edges of a matcher's CJK terms, with their frequencies, and segments the
//! text around a CJK match the way a dictionary segmenter does (the most probable sequence of
//! words, as jieba does): a match that a word of that segmentation crosses is not reported. A gap
//! in the text (a space, punctuation) is a word boundary: `出口 交易` is two words, and `傻 逼`
//! (two single characters spaced out) is still found.
//!
//! The dictionary is not in the matcher: [`Segmenter::select`] takes any lexicon (the rules tool
//! uses jieba's) and keeps only the words the terms need, so a precompiled rule blob carries a
//! few kilobytes instead of a 5 MB dictionary. A matcher without a segmenter reports every CJK
//! match.

use std::ops::Range;

use crate::matcher::Ring;
use crate::normalize::{Gap, Normalizer, SymbolKind};

/// Symbols of text read on each side of a CJK match.
pub const CONTEXT: usize = 4;
/// Longest word considered (characters).
const MAX_WORD: usize = 4;
/// Characters of a run taken into the window (`哈哈哈哈哈` is not read as 50 characters).
const MAX_RUN: u32 = 4;

/// Cost (negative log probability × 100) of a character the lexicon does not know.
const UNKNOWN_COST: u16 = 2000;

/// Dictionary words around CJK terms, with their costs (−ln p × 100).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmenter {
    /// Sorted by word.
    words: Vec<(String, u16)>,
}

impl Segmenter {
    /// A segmenter from `(word, cost)` pairs (as stored in a blob).
    pub fn from_words(mut words: Vec<(String, u16)>) -> Self {
        words.sort();
        words.dedup_by(|a, b| a.0 == b.0);
        Segmenter { words }
    }

    /// The words and costs, sorted.
    pub fn words(&self) -> &[(String, u16)] {
        &self.words
    }

    /// Whether it holds no word (every CJK match is then reported).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Bytes of heap held.
    pub fn heap_bytes(&self) -> usize {
        self.words.capacity() * std::mem::size_of::<(String, u16)>()
            + self.words.iter().map(|(w, _)| w.capacity()).sum::<usize>()
    }

    fn cost(&self, word: &str) -> Option<u16> {
        self.words.binary_search_by(|(w, _)| w.as_str().cmp(word)).ok().map(|i| self.words[i].1)
    }

    /// Keeps the words of `lexicon` that a segmentation around the CJK terms among `terms` can
    /// use: the terms themselves, two- and three-character words that overlap a term's first or
    /// last characters (`其他`, `妈妈` for `他妈`), and the single characters of all of them.
    /// `lexicon` gives a word's frequency, `total` the sum of all frequencies. `alphabet` is the
    /// characters tried next to a term's edges (the CJK Unified Ideographs, for a Chinese
    /// lexicon).
    pub fn select<'a>(
        terms: impl IntoIterator<Item = &'a str>,
        lexicon: &dyn Fn(&str) -> Option<u64>,
        total: u64,
        alphabet: &[char],
    ) -> Self {
        let cost = |freq: u64| -> u16 {
            let p = (freq.max(1) as f64) / (total.max(1) as f64);
            ((-p.ln()) * 100.0).round().clamp(0.0, f64::from(u16::MAX - 1)) as u16
        };
        let mut words: Vec<(String, u16)> = Vec::new();
        let add = |word: String, words: &mut Vec<(String, u16)>| {
            if let Some(freq) = lexicon(&word) {
                words.push((word, cost(freq)));
            }
        };
        for term in terms {
            let chars: Vec<char> = Normalizer::new(term)
                .filter(|s| s.kind == SymbolKind::Ideo)
                .flat_map(|s| std::iter::repeat_n(s.ch, s.count as usize))
                .collect();
            if chars.len() < 2 {
                continue;
            }
            add(chars.iter().collect(), &mut words);
            for i in 1..chars.len() {
                let head: String = chars[..i].iter().collect();
                let tail: String = chars[i..].iter().collect();
                for &x in alphabet {
                    add(format!("{x}{head}"), &mut words);
                    add(format!("{tail}{x}"), &mut words);
                }
            }
        }
        let singles: Vec<char> = words.iter().flat_map(|(w, _)| w.chars().collect::<Vec<_>>()).collect();
        for c in singles {
            add(c.to_string(), &mut words);
        }
        Self::from_words(words)
    }

    /// Whether the CJK match of symbols `first..=last` (held in `ring`), covering the bytes
    /// `span` of the text, stands as a word of the likely segmentation of its surroundings, rather
    /// than straddling two words.
    pub(crate) fn keeps(&self, ring: &Ring, first: u64, last: u64, span: Range<usize>) -> bool {
        // The window: the CJK symbols around the match up to a gap (no word crosses a gap, so
        // nothing beyond one changes the segmentation of the match's edges), each as its
        // characters, marking where the text had a gap.
        let is_ideo = |k: u64| ring.get(k).is_some_and(|(s, _)| s.kind == SymbolKind::Ideo);
        let no_gap = |k: u64| ring.get(k).is_some_and(|(s, _)| s.gap == Gap::None);
        let mut from = first;
        while from + (CONTEXT as u64) > first && from > 0 && no_gap(from) && is_ideo(from - 1) {
            from -= 1;
        }
        let mut to = last;
        while to < last + CONTEXT as u64 && is_ideo(to + 1) && no_gap(to + 1) {
            to += 1;
        }
        let mut chars: Vec<(char, bool)> = Vec::with_capacity(2 * CONTEXT + 8);
        let mut match_start = 0;
        let mut match_end = 0;
        for k in from..=to {
            let Some((symbol, _)) = ring.get(k) else { return true };
            let run = chars.len();
            let boundary = symbol.gap != Gap::None;
            for r in 0..symbol.count.min(MAX_RUN) {
                chars.push((symbol.ch, r == 0 && boundary));
            }
            // A run at the match's start (end) may be longer than the term's: the match then takes
            // only its last (first) character (`他妈` in `其他妈妈`; see `confirm` in the matcher),
            // and starts (ends) inside the run. Otherwise it takes the whole run.
            if k == first {
                let last_only = symbol.last_start > symbol.start && span.start == symbol.last_start as usize;
                match_start = if last_only { chars.len().saturating_sub(1).max(run) } else { run };
            }
            if k == last {
                let first_only = symbol.first_end < symbol.end && span.end == symbol.first_end as usize;
                match_end = if first_only { (run + 1).min(chars.len()) } else { chars.len() };
            }
        }
        let n = chars.len();
        // Lowest total cost of segmenting chars[..i], and the length of the last word.
        let mut best: Vec<(u32, usize)> = vec![(u32::MAX, 0); n + 1];
        best[0] = (0, 0);
        for i in 1..=n {
            for len in 1..=MAX_WORD.min(i) {
                let start = i - len;
                if best[start].0 == u32::MAX {
                    continue;
                }
                // No word across a gap of the text.
                if chars[start + 1..i].iter().any(|&(_, boundary)| boundary) {
                    continue;
                }
                let word: String = chars[start..i].iter().map(|&(c, _)| c).collect();
                let cost = match self.cost(&word) {
                    Some(c) => c,
                    None if len == 1 => UNKNOWN_COST,
                    None => continue,
                };
                let total = best[start].0 + u32::from(cost);
                if total < best[i].0 {
                    best[i] = (total, len);
                }
            }
        }
        // Walk the best path back: does a word cross the match's start or end?
        let mut i = n;
        while i > 0 {
            let len = best[i].1.max(1);
            let start = i - len;
            let crosses = |edge: usize| start < edge && edge < i;
            if len > 1 && (crosses(match_start) || crosses(match_end)) {
                return false;
            }
            i = start;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MatcherBuilder;

    /// A toy lexicon with jieba-like frequencies (the real one is jieba's, in the rules tool).
    fn lexicon(word: &str) -> Option<u64> {
        let words = [
            ("其他", 25753),
            ("妈妈", 4525),
            ("他妈的", 850),
            ("出口", 8237),
            ("交易", 4060),
            ("口交", 3),
            ("傻", 2114),
            ("逼", 3617),
            ("其", 9000),
            ("他", 50000),
            ("妈", 3000),
            ("出", 20000),
            ("口", 5000),
            ("交", 4000),
            ("易", 3000),
            ("你", 60000),
            ("是", 700000),
            ("的", 300000),
            ("吗", 20000),
            ("说", 40000),
            // jieba's frequencies.
            ("爸", 1670),
            ("爸爸", 2456),
            ("爸妈", 3),
            ("爸爸妈妈", 3),
            ("混", 2882),
            ("帐", 3376),
            ("混帐", 108),
            ("山", 23539),
            ("水", 24314),
            ("花", 12710),
            ("柳", 2495),
            ("山水", 1500),
            ("水花", 130),
            ("花柳", 12),
            ("山峰", 783),
            ("老", 33423),
            ("处", 24967),
            ("女", 27951),
            ("处女", 135),
            ("老处女", 11),
            ("小", 57969),
            ("姑", 1684),
            ("娘", 3971),
            ("姑娘", 8853),
            ("小姑", 76),
            ("小姑娘", 891),
        ];
        words.iter().find(|(w, _)| *w == word).map(|&(_, f)| f)
    }

    /// Every character of the toy lexicon.
    fn alphabet() -> Vec<char> {
        let mut chars: Vec<char> =
            "其他妈妈他妈的出口交易口交傻逼你是的吗说爸爸妈妈混帐山水花柳山峰老处女小姑娘".chars().collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    }

    fn select(terms: &[&str]) -> Segmenter {
        Segmenter::select(terms.iter().copied(), &lexicon, 60_000_000, &alphabet())
    }

    fn matcher(terms: &[&str]) -> crate::Matcher {
        MatcherBuilder::new().terms(terms.iter().copied()).segmenter(select(terms)).build().unwrap()
    }

    #[test]
    fn straddling_matches_are_not_reported() {
        let m = matcher(&["他妈", "口交", "傻逼"]);
        for text in ["其他妈妈", "出口交易", "出口 交易", "其他 妈妈说"] {
            assert!(!m.is_match(text), "{text}");
        }
        for text in ["他妈的", "你他妈", "你是傻逼吗", "傻 逼", "你是傻 逼吗", "口交"] {
            assert!(m.is_match(text), "{text}");
        }
    }

    #[test]
    fn only_what_the_terms_need_is_kept() {
        let s = Segmenter::select(["他妈"], &lexicon, 60_000_000, &"其他妈".chars().collect::<Vec<_>>());
        let words: Vec<&str> = s.words().iter().map(|(w, _)| w.as_str()).collect();
        assert!(words.contains(&"其他") && words.contains(&"妈妈"), "{words:?}");
        assert!(!words.contains(&"出口"));
    }

    #[test]
    fn a_run_at_the_edge_of_a_match_is_cut_where_the_match_is() {
        // The normaliser reads `妈妈` as one symbol; the match takes one of its characters, and a
        // word across that character straddles the match.
        let m = matcher(&["他妈", "妈的", "你妈"]);
        for text in ["你他妈妈的", "爸爸妈妈的同意", "你妈妈混帐", "其他妈妈"] {
            assert!(!m.is_match(text), "{text}: {:?}", m.find_iter(text).collect::<Vec<_>>());
        }
        // `其他|他妈的`: the word before ends where the match starts, inside the run `他他`.
        for text in ["其他他妈的", "他妈的", "你妈的", "你他妈"] {
            assert!(m.is_match(text), "{text}");
        }
        let found: Vec<&str> = m.find_iter("其他他妈的").map(|x| &"其他他妈的"[x.start..x.end]).collect();
        assert!(found.contains(&"他妈"), "{found:?}");
    }
}
