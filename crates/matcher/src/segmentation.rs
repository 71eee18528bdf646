//! Word boundaries in Chinese text, for CJK terms.
//!
//! Chinese is written without spaces, so a CJK term is found anywhere in a text, including where
//! it straddles two words: `他妈` in `其他妈妈` ("other moms"), `口交` in `出口交易` ("export
//! trade"). A reader sees the words, not the term. A [`Segmenter`] holds the dictionary words
//! around a matcher's CJK terms, with their frequencies, and segments the text around a CJK match
//! ([`CONTEXT`] symbols on each side) the way a dictionary segmenter does (the most probable
//! sequence of words, as jieba does): a match that a word of that segmentation crosses is not
//! reported, unless the word holds the whole match (`他妈` in `他妈的`, `处女` in `老处女`: the
//! term with more to it). The term itself is a word of the segmentation, as likely as a typical
//! dictionary word (`TERM_FREQUENCY`), so a rare word across its edge does not hide it (`真傻`
//! in `你真傻逼`). The match's edges are where its characters are, also inside a run of
//! one character, which the normaliser reads as one symbol: `妈的` in `爸爸妈妈的` takes the
//! second `妈`, and `爸爸妈妈` crosses it. A gap in the text (a space, punctuation) is a word
//! boundary: `出口 交易` is two words, and `傻 逼` (two single characters spaced out) is still
//! found.
//!
//! The dictionary is not in the matcher: [`Segmenter::select`] takes any lexicon (the rules tool
//! uses jieba's) and keeps only the words the segmentation around the terms is likely to use, so
//! a precompiled rule blob carries those instead of a 5 MB dictionary. Measured on 2026-11-30
//! with `cargo run --release --example chinese_prose_check -- target/chinese-corpus/weicheng.utf8`
//! (`bash bench/chinese-corpus.sh` fetches the corpus): for the 293 terms of naughty-words `zh` of
//! two characters or more, 24,645 words of jieba's dictionary, about 300 KB of the blob (1,050,647
//! bytes, against 751,304 without them) and 940,113 bytes of heap ([`Segmenter::heap_bytes`];
//! 197,160 more once the first CJK match is checked, each word's characters packed in a number,
//! and 131,072 for the pairs of characters side by side in its words),
//! selected in 3.2 s; the segmentation then agrees with jieba's on every match of those terms in
//! the novel 围城 (246,630 characters): the 10 that straddle two words are dropped, and the 63
//! whole words and 4 parts of a longer word are reported. A matcher without a segmenter reports
//! every CJK match.

use std::collections::{HashMap, HashSet};
use std::ops::{Range, RangeInclusive};
use std::sync::OnceLock;

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

/// In a segmenter's words, a number: the digits glued before a window. A word `NUMBER` + unit
/// ([`Segmenter::with_numbers_before`]) makes a number and a unit of dates and times one word,
/// as a reader reads them (`5日`, the 5th), so that `日你` is not reported in `3月5日你有空吗`
/// ("are you free on 5 March?"). It is read only before a match of two characters: a longer
/// term says more than a unit and the first character of the next word.
pub const NUMBER: char = '0';

/// Dictionary words around CJK terms, with their costs (−ln p × 100).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmenter {
    /// Every word, one after another, in order.
    text: String,
    /// Each word's end in `text` and its cost, in the words' order (sorted, no duplicates): a
    /// word starts where the previous one ends. One string instead of a `String` per word: a
    /// blob's words load with one allocation and one UTF-8 check.
    words: Vec<(u32, u16)>,
    /// The lookup tables made from the words on the first check ([`Made`]): a worker that reads
    /// no CJK text never pays for them, and loading a blob reads only the words.
    derived: Derived,
}

/// What [`Segmenter`] makes from its words when first needed. Two segmenters with the same words
/// are equal whether or not either has made it.
#[derive(Debug, Clone, Default)]
struct Derived(OnceLock<Made>);

#[derive(Debug, Clone)]
struct Made {
    /// Each first character of the words, in order, with the index of the first word that
    /// starts with it: a lookup searches that character's words only.
    firsts: Vec<(char, u32)>,
    /// For each bucket of `1 << BUCKET_SHIFT` code points from `INDEX_FROM` to `INDEX_TO` (the
    /// CJK Unified Ideographs and Extension A), the first entry of `firsts` at or past it: a
    /// lookup of such a character reads a few entries instead of searching them all.
    first_index: Vec<u32>,
    /// Each word's characters after its first, packed in order into one number (`tail`), in
    /// the words' order: among the words that start with one character, these are sorted too,
    /// so a lookup compares numbers instead of decoding the words' UTF-8.
    tails: Vec<u64>,
    /// A bit for each pair of characters side by side among the first `MAX_WORD` of some word
    /// ([`pair_bit`]; other pairs may share a bit): a word across an edge of a match holds the
    /// two characters on each side of that edge, so where neither pair's bit is set no word
    /// crosses, and the match is kept without reading its window.
    pairs: Vec<u64>,
}

impl PartialEq for Derived {
    fn eq(&self, _: &Self) -> bool {
        true // made from the words, which the segmenters compare
    }
}

impl Eq for Derived {}

/// Bits of [`Made::pairs`]: 2^20 (128 KB). The worst-case bench's document as `push` compiles it
/// has 54,650 words holding 46,204 pairs, which set 4.3% of them (2026-12-05).
const PAIR_BITS: u32 = 20;

/// The bit of [`Made::pairs`] that stands for the characters `a` then `b`.
fn pair_bit(a: char, b: char) -> usize {
    pair_hash(a, b, PAIR_BITS)
}

/// The characters `a` then `b` hashed to `bits` bits (Fibonacci hashing), for a table of
/// `1 << bits` entries: [`Made::pairs`], and the matcher's table of ideo pairs.
pub(crate) fn pair_hash(a: char, b: char, bits: u32) -> usize {
    let mixed = (u64::from(a) << 32 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - bits)) as usize
}

/// Sets the bits of [`Made::pairs`] for the pairs of characters side by side among the first
/// `MAX_WORD` of `word`.
fn add_pairs(pairs: &mut [u64], word: &str) {
    let mut chars = word.chars().take(MAX_WORD);
    let mut before = chars.next();
    for c in chars {
        if let Some(a) = before {
            let bit = pair_bit(a, c);
            if let Some(bits) = pairs.get_mut(bit / 64) {
                *bits |= 1 << (bit % 64);
            }
        }
        before = Some(c);
    }
}

/// Bits of a character in a `tail`.
const TAIL_BITS: u32 = 21;

/// The characters of `word` after its first, as one number ordered as the words are: the second,
/// third and fourth characters' code points plus one, from the highest bits down (0 where the
/// word is shorter: a word sorts before the longer words it begins, U+0000 included, hence the
/// one added), then one bit set when the word is longer than `MAX_WORD` (it sorts after the word
/// of its first `MAX_WORD` characters).
fn tail(word: &str) -> u64 {
    let mut chars = word.chars().skip(1);
    let mut packed = 0u64;
    for i in 1..MAX_WORD {
        let c = chars.next().map_or(0, tail_char);
        packed |= c << tail_shift(i);
    }
    packed | u64::from(chars.next().is_some())
}

/// A character as its `tail` holds it: its code point plus one (at most 0x110000, within
/// `TAIL_BITS`), so that no character is the 0 of "no character here".
fn tail_char(c: char) -> u64 {
    u64::from(c) + 1
}

/// Where the `i`th character of a word (from 0; 1 to `MAX_WORD - 1`) stands in its `tail`.
const fn tail_shift(i: usize) -> u32 {
    1 + TAIL_BITS * (MAX_WORD - 1 - i) as u32
}

/// The code points [`Segmenter`]'s `first_index` covers, and its buckets' size (a power of two).
const INDEX_FROM: u32 = 0x3400;
const INDEX_TO: u32 = 0xA000;
const BUCKET_SHIFT: u32 = 3;

impl Segmenter {
    /// A segmenter from `(word, cost)` pairs (as stored in a blob).
    pub fn from_words(mut words: Vec<(String, u16)>) -> Self {
        words.sort();
        words.dedup_by(|a, b| a.0 == b.0);
        let mut text = String::with_capacity(words.iter().map(|(w, _)| w.len()).sum());
        let mut ends = Vec::with_capacity(words.len());
        for (word, cost) in &words {
            text.push_str(word);
            ends.push((u32::try_from(text.len()).unwrap_or(u32::MAX), *cost));
        }
        Segmenter { text, words: ends, derived: Derived::default() }
    }

    /// A segmenter from its words one after another and each one's end and cost, as
    /// [`Self::text_and_ends`] gives them; `None` unless the words are in order, without
    /// duplicates, each non-empty and on character boundaries.
    pub(crate) fn from_text_and_ends(text: String, words: Vec<(u32, u16)>) -> Option<Self> {
        let mut start = 0u32;
        let mut previous: Option<&str> = None;
        for &(end, _) in &words {
            let word = text.get(start as usize..end as usize).filter(|w| !w.is_empty())?;
            if previous.is_some_and(|p| p >= word) {
                return None;
            }
            previous = Some(word);
            start = end;
        }
        if start as usize != text.len() {
            return None;
        }
        Some(Segmenter { text, words, derived: Derived::default() })
    }

    /// Its words one after another, and each one's end and cost.
    pub(crate) fn text_and_ends(&self) -> (&str, &[(u32, u16)]) {
        (&self.text, &self.words)
    }

    /// The words and costs, sorted.
    pub fn words(&self) -> impl ExactSizeIterator<Item = (&str, u16)> + '_ {
        // Every index is in range and its bounds checked when the segmenter was made.
        (0..self.words.len()).map(|i| self.word(i).unwrap_or_default())
    }

    /// The `i`th word (in order) and its cost.
    fn word(&self, i: usize) -> Option<(&str, u16)> {
        let start = if i == 0 { 0 } else { self.words.get(i - 1)?.0 };
        let &(end, cost) = self.words.get(i)?;
        Some((self.text.get(start as usize..end as usize)?, cost))
    }

    /// The segmenter with a word [`NUMBER`] + `unit` for each of `units` (characters that a number
    /// glued before them makes one word with: the rules tool takes the first characters of the
    /// terms that are units of dates and times by jieba's dictionary, `日`, `月`, `年`, `号`,
    /// `点`; see `timgate_cli::cjk_words`). The word costs what the unit alone costs, so the segmentation takes `5日` as one
    /// word rather than an unknown `5` and `日`. A unit the segmenter has no word for is left out.
    pub fn with_numbers_before(self, units: impl IntoIterator<Item = char>) -> Self {
        let mut words: Vec<(String, u16)> = self.words().map(|(w, cost)| (w.to_owned(), cost)).collect();
        let mut buf = [0u8; 4];
        for unit in units {
            let alone: &str = unit.encode_utf8(&mut buf);
            if let Some(cost) = words.iter().find(|(w, _)| w == alone).map(|&(_, cost)| cost) {
                words.push((format!("{NUMBER}{unit}"), cost));
            }
        }
        Segmenter::from_words(words)
    }

    /// What is made from the words, made on the first call.
    fn made(&self) -> &Made {
        self.derived.0.get_or_init(|| {
            // One walk over the words for all of it.
            let mut firsts: Vec<(char, u32)> = Vec::new();
            let mut tails = Vec::with_capacity(self.words.len());
            let mut pairs = vec![0u64; (1 << PAIR_BITS) / 64];
            for (i, (word, _)) in self.words().enumerate() {
                // Each first character with the index of the first word that starts with it.
                if let Some(c) = word.chars().next().filter(|&c| firsts.last().is_none_or(|&(last, _)| last != c)) {
                    firsts.push((c, i as u32));
                }
                tails.push(tail(word));
                add_pairs(&mut pairs, word);
            }
            let first_index = first_index(&firsts);
            Made { firsts, first_index, tails, pairs }
        })
    }

    /// Whether some word may hold `a` then `b` side by side (`false`: none does).
    fn may_hold_pair(&self, a: char, b: char) -> bool {
        let bit = pair_bit(a, b);
        self.made().pairs.get(bit / 64).is_none_or(|bits| bits & (1 << (bit % 64)) != 0)
    }

    /// Whether it holds no word (every CJK match is then reported).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Bytes of heap held.
    pub fn heap_bytes(&self) -> usize {
        self.words.capacity() * std::mem::size_of::<(u32, u16)>()
            + self.derived.0.get().map_or(0, |m| {
                m.firsts.capacity() * std::mem::size_of::<(char, u32)>()
                    + m.first_index.capacity() * std::mem::size_of::<u32>()
                    + (m.tails.capacity() + m.pairs.capacity()) * std::mem::size_of::<u64>()
            })
            + self.text.capacity()
    }

    /// The cost of `word`, if it is one of the words (the searches above ask `cost_among`).
    #[cfg(test)]
    fn cost(&self, word: &str) -> Option<u16> {
        self.cost_among(self.starting_with(word.chars().next()?)?, word)
    }

    /// The indices of the words that start with `c` (the first characters tell), if any does.
    fn starting_with(&self, c: char) -> Option<Range<usize>> {
        let cp = u32::from(c);
        let Made { firsts, first_index, .. } = self.made();
        let k = if (INDEX_FROM..INDEX_TO).contains(&cp) {
            let bucket = ((cp - INDEX_FROM) >> BUCKET_SHIFT) as usize;
            let (&low, &high) = (first_index.get(bucket)?, first_index.get(bucket + 1)?);
            low as usize + firsts.get(low as usize..high as usize)?.iter().position(|&(f, _)| f == c)?
        } else {
            firsts.binary_search_by_key(&c, |&(f, _)| f).ok()?
        };
        let end = firsts.get(k + 1).map_or(self.words.len(), |&(_, i)| i as usize);
        Some(firsts.get(k)?.1 as usize..end)
    }

    /// The cost of `word`, searched among the words of `among` (by index; those that start with
    /// its first character).
    #[cfg(test)]
    fn cost_among(&self, among: Range<usize>, word: &str) -> Option<u16> {
        let (mut low, mut high) = (among.start, among.end);
        // A binary search over the words by index (each read from `text`).
        while low < high {
            let mid = low + (high - low) / 2;
            let (here, cost) = self.word(mid)?;
            match here.cmp(word) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(cost),
            }
        }
        None
    }

    /// Keeps the words of `lexicon` that the segmentation around the CJK terms among `terms` is
    /// likely to use, up to `MAX_WORD` characters (a term of other letters too is not checked,
    /// and needs none):
    ///
    /// - the words inside a term, and the words across its first or last characters with one
    ///   character outside (`其他`, `妈妈` for `他妈`) or holding it (`他妈的`, `老处女`);
    /// - the same for the term with its first or last character doubled, since a run of it at a
    ///   match's edge is read around the match (`爸爸妈妈的` for `妈的`);
    /// - words with two characters outside a term's edge, when each outside character makes a
    ///   word with its neighbour (`爸爸妈妈`: `爸爸` and `爸妈`; `小姑娘` for `娘的`);
    /// - frequent words (`NEIGHBOUR_COST`) that end (start) with the outer character of a word
    ///   across a term's edge, and compete with it (`山水` against `水花` in `山水花柳`);
    /// - the single characters of all of them.
    ///
    /// `lexicon` gives a word's frequency, `total` the sum of all frequencies. `alphabet` is the
    /// characters tried next to known ones (the CJK Unified Ideographs, for a Chinese lexicon):
    /// words are found by asking `lexicon` about each, so the cost is a few lookups per character
    /// of the alphabet for each distinct edge of a term and each distinct outer character.
    pub fn select<'a>(
        terms: impl IntoIterator<Item = &'a str>,
        lexicon: &dyn Fn(&str) -> Option<u64>,
        total: u64,
        alphabet: &[char],
    ) -> Self {
        let mut selection = Selection::new(lexicon, total, alphabet);
        for term in terms {
            let symbols: Vec<_> =
                Normalizer::new(term).filter(|s| matches!(s.kind, SymbolKind::Ideo | SymbolKind::Word)).collect();
            if symbols.iter().any(|s| s.kind != SymbolKind::Ideo) {
                continue; // not an all-CJK term: the segmentation is not checked
            }
            let chars: Vec<char> = symbols.iter().flat_map(|s| std::iter::repeat_n(s.ch, s.count as usize)).collect();
            let (Some(&first), Some(&last)) = (chars.first(), chars.last()) else { continue };
            if chars.len() < 2 {
                continue;
            }
            selection.crossing = false;
            selection.around(&chars);
            selection.around(&[&[first], &chars[..]].concat());
            selection.around(&[&chars[..], &[last]].concat());
            if selection.crossing {
                selection.term(&chars); // (with no word across its edges, it is kept anyway)
            }
        }
        selection.neighbours();
        selection.finish()
    }

    /// Whether the CJK match of symbols `first..=last` (held in `ring`), covering the bytes
    /// `span` of the text, stands as a word of the likely segmentation of its surroundings, rather
    /// than straddling two words. `lookups` holds the words already looked up in this reading.
    pub(crate) fn keeps(&self, ring: &Ring, first: u64, last: u64, span: Range<usize>, lookups: &mut Lookups) -> bool {
        // The characters on each side of the edges, straight from the ring: where no word holds
        // either pair side by side, none crosses, and the window need not be read (2026-12-05:
        // most candidates of CJK terms back to back end here). Tests check it against the
        // window's answer.
        if !self.edge_pairs_may_cross(ring, first, last, &span) {
            debug_assert!(!self.crossing_word_in_window(ring, first, last, &span, lookups), "{first}..={last}");
            return true;
        }
        // Only a word across an edge of the match can drop it, and such a word lies within
        // `MAX_WORD - 1` characters of the edge: where the dictionary has none (at most six
        // starts looked at, in a window that narrow), the segmentation need not be found (about
        // 44 lookups, in the whole window). On the worst-case bench's 64 KB of CJK terms back to
        // back: 55.7 ms before, 20.6 ms after (7.3 ms once a lookup searched only the words with
        // its first character).
        if !self.crossing_word_in_window(ring, first, last, &span, lookups) {
            return true;
        }
        let Lookups { slots, chars, at, best } = lookups;
        let Some((n, match_start, match_end)) = window(ring, first, last, &span, CONTEXT as u64, chars, at) else {
            return true;
        };
        let mut cost = |span: Range<usize>| remembered_cost(self, slots, chars, at, span);
        best_path_keeps(n, match_start, match_end, best, &mut cost)
    }

    /// Whether the narrow window (`MAX_WORD - 1` characters on each side) finds a word across an
    /// edge of the match: what `keeps` asks once the edge pairs say one may cross, and, in builds
    /// with debug assertions, where they say none can (the check that they miss none).
    fn crossing_word_in_window(
        &self,
        ring: &Ring,
        first: u64,
        last: u64,
        span: &Range<usize>,
        lookups: &mut Lookups,
    ) -> bool {
        let Lookups { slots, chars, at, .. } = lookups;
        let Some((n, match_start, match_end)) = window(ring, first, last, span, MAX_WORD as u64 - 1, chars, at) else {
            return false;
        };
        has_crossing_word(n, match_start, match_end, &mut |start| remembered_costs(self, slots, chars, at, start))
    }

    /// Whether a word may cross an edge of the CJK match of symbols `first..=last` (held in
    /// `ring`) covering the bytes `span`, as [`window`] would read it: whether some word may hold
    /// the characters on each side of its start, or of its end, side by side (`false`: no word
    /// crosses). The character before the start is the run's own where the match starts inside a
    /// run, the CJK symbol before it where they are glued, or a number's `NUMBER`; none after a
    /// gap. Likewise after the end. A symbol the ring no longer holds is read as the window
    /// reads it: none before the match, and the match kept when it is one of its own.
    fn edge_pairs_may_cross(&self, ring: &Ring, first: u64, last: u64, span: &Range<usize>) -> bool {
        // A symbol of the match no longer held: the window would keep the match too.
        let (Some((head, _)), Some((end, _))) = (ring.get(first), ring.get(last)) else { return false };
        let before = if head.last_start > head.start && span.start == head.last_start as usize {
            Some(head.ch) // the match takes the last character of a run
        } else if head.gap != Gap::None || first == 0 {
            None
        } else {
            match ring.get(first - 1) {
                Some((s, _)) if s.kind == SymbolKind::Ideo => Some(s.ch),
                Some((s, _)) if s.kind == SymbolKind::Word && s.ch.is_ascii_digit() => Some(NUMBER),
                _ => None,
            }
        };
        if before.is_some_and(|b| self.may_hold_pair(b, head.ch)) {
            return true;
        }
        let after = if end.first_end < end.end && span.end == end.first_end as usize {
            Some(end.ch) // the match takes the first character of a run
        } else {
            match ring.get(last + 1) {
                Some((s, _)) if s.kind == SymbolKind::Ideo && s.gap == Gap::None => Some(s.ch),
                _ => None,
            }
        };
        after.is_some_and(|a| self.may_hold_pair(end.ch, a))
    }

    /// The cost of each word that `chars` starts with (of one character, of two, … up to
    /// `MAX_WORD`; `None` where none is, or where the word would hold a gap of the text), among
    /// the words `among` (those that start with its first character). Their tails are sorted, and
    /// the words that go on with the same characters stand together: each character adds to the
    /// tail sought, a binary search from where the last one ended finds the first word with it,
    /// and the search stops where none is.
    fn costs_from(&self, among: Range<usize>, chars: &[(char, bool)]) -> [Option<u16>; MAX_WORD] {
        let mut costs = [None; MAX_WORD];
        let tails = &self.made().tails;
        let (Some(tails), Some(words)) = (tails.get(among.clone()), self.words.get(among)) else {
            return costs;
        };
        if chars.is_empty() {
            return costs;
        }
        // The word of the first character alone sorts first, with nothing after it.
        if tails.first() == Some(&0) {
            costs[0] = words.first().map(|&(_, cost)| cost);
        }
        let mut sought = 0u64;
        let mut low = 0;
        for (i, &(c, gap)) in chars.iter().enumerate().take(MAX_WORD).skip(1) {
            if gap {
                break;
            }
            let shift = tail_shift(i);
            sought |= tail_char(c) << shift;
            low += tails.get(low..).map_or(0, |rest| rest.partition_point(|&t| t < sought));
            // The first word going on with these characters, if one does.
            let Some(&found) = tails.get(low).filter(|&&t| t >> shift == sought >> shift) else { break };
            if found == sought {
                costs[i] = words.get(low).map(|&(_, cost)| cost);
            }
        }
        costs
    }

    /// The cost of `chars[span]` as a word, searched among the words `among` (those that start
    /// with its first character); `None` when it is not one or holds a gap of the text. The
    /// plain search, for the tests of `costs_from`.
    #[cfg(test)]
    fn word_cost(
        &self,
        chars: &[(char, bool)],
        span: Range<usize>,
        among: Option<Range<usize>>,
        word: &mut String,
    ) -> Option<u16> {
        let among = among?;
        if chars.get(span.start + 1..span.end)?.iter().any(|&(_, boundary)| boundary) {
            return None;
        }
        word.clear();
        word.extend(chars.get(span)?.iter().map(|&(c, _)| c));
        self.cost_among(among, word)
    }
}

/// Characters of a reading whose lookups [`Lookups`] keeps at once: those of 32 symbols.
const SLOTS: usize = 32 * MAX_RUN as usize;

/// What is known of the words that start at one character of a reading.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The character's position in the reading (symbol × `MAX_RUN` + place in its run;
    /// `u64::MAX`: none).
    at: u64,
    /// How many of `costs` are known (a window may end before `MAX_WORD` characters from here).
    known: usize,
    /// The cost of the word of each length from here, if one is.
    costs: [Option<u16>; MAX_WORD],
}

const EMPTY_SLOT: Slot = Slot { at: u64::MAX, known: 0, costs: [None; MAX_WORD] };

/// The dictionary lookups of one reading of a text, kept from one CJK match to the next: the
/// windows of matches close together share most of their characters (of CJK terms back to back,
/// about six windows hold each character), so a word is looked up once, not once per window.
/// It also holds a window's buffers. Cleared when a reading starts again (its symbols are
/// numbered from 0 again).
#[derive(Debug, Default)]
pub(crate) struct Lookups {
    /// By position modulo `SLOTS` (made on the first lookup).
    slots: Vec<Slot>,
    /// The window's characters, `true` where the text has a gap before one.
    chars: Vec<(char, bool)>,
    /// Each character's position in the reading.
    at: Vec<u64>,
    /// The segmentation's table (see [`best_path_keeps`]).
    best: Vec<(u32, usize)>,
}

impl Lookups {
    /// Forgets what was looked up (the next reading numbers its symbols from 0 again).
    pub(crate) fn clear(&mut self) {
        self.slots.clear();
    }

    /// The bytes its buffers hold on the heap.
    pub(crate) fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.slots.capacity() * size_of::<Slot>()
            + self.chars.capacity() * size_of::<(char, bool)>()
            + self.at.capacity() * size_of::<u64>()
            + self.best.capacity() * size_of::<(u32, usize)>()
    }
}

/// Puts in `chars` the window of the CJK match of symbols `first..=last` (held in `ring`),
/// covering the bytes `span` of the text: the CJK symbols around the match, up to `reach` on each
/// side and up to a gap (no word crosses a gap, so nothing beyond one changes the segmentation of
/// the match's edges), each as its characters, marking where the text had a gap; in `at`, each
/// character's position in the reading. Returns the number of characters and where the match
/// starts and ends among them (`None`: a symbol is no longer held).
fn window(
    ring: &Ring,
    first: u64,
    last: u64,
    span: &Range<usize>,
    reach: u64,
    chars: &mut Vec<(char, bool)>,
    at: &mut Vec<u64>,
) -> Option<(usize, usize, usize)> {
    let mut from = first;
    let mut symbol = &ring.get(first)?.0;
    while from + reach > first && from > 0 && symbol.gap == Gap::None {
        match ring.get(from - 1) {
            Some((before, _)) if before.kind == SymbolKind::Ideo => symbol = before,
            _ => break,
        }
        from -= 1;
    }
    chars.clear();
    at.clear();
    let mut match_start = 0;
    let mut match_end = 0;
    // The symbols from `from` to the match's end, then on while they are CJK and glued, up to
    // `reach` past it.
    let mut k = from;
    while let Some((symbol, _)) = ring.get(k) {
        if k > last && (k > last + reach || symbol.kind != SymbolKind::Ideo || symbol.gap != Gap::None) {
            break;
        }
        let run = chars.len();
        let position = k * u64::from(MAX_RUN);
        let count = symbol.count.min(MAX_RUN);
        if count > 0 {
            chars.push((symbol.ch, symbol.gap != Gap::None));
            at.push(position);
        }
        for r in 1..count {
            chars.push((symbol.ch, false));
            at.push(position + u64::from(r));
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
        k += 1;
    }
    if k <= last {
        return None; // a symbol of the match is no longer held
    }
    // A number glued before a match of two characters that starts the window: the number reads
    // as one character, `NUMBER`, before the window (`5日你` is `0日你`, and the word `0日`
    // crosses the match's start where the segmenter has it). It stands at the digit's own
    // position, where no window has a character of its own (windows hold only CJK symbols).
    if from == first && match_start == 0 && match_end == 2 && from > 0 {
        let glued = ring.get(from).is_some_and(|(s, _)| s.gap == Gap::None);
        let number = ring.get(from - 1).is_some_and(|(s, _)| s.kind == SymbolKind::Word && s.ch.is_ascii_digit());
        if glued && number {
            chars.insert(0, (NUMBER, true));
            at.insert(0, (from - 1) * u64::from(MAX_RUN));
            match_start += 1;
            match_end += 1;
        }
    }
    Some((chars.len(), match_start, match_end))
}

/// The costs of the words that start at `chars[start]` (of one character, of two, … up to
/// `MAX_WORD`; `None` where none is, where the word would hold a gap of the text, or where it
/// would run past the window), from `slots` when the window of an earlier match asked (`at` gives
/// the position of each character in the reading: the same position is the same text, so the
/// same answer). Otherwise every length from `start` that the window holds is looked up at once
/// ([`Segmenter::costs_from`]).
fn remembered_costs(
    segmenter: &Segmenter,
    slots: &mut Vec<Slot>,
    chars: &[(char, bool)],
    at: &[u64],
    start: usize,
) -> [Option<u16>; MAX_WORD] {
    let none = [None; MAX_WORD];
    let Some(ahead) = chars.get(start..) else { return none };
    let (Some(&(c, _)), Some(&position)) = (ahead.first(), at.get(start)) else { return none };
    if slots.is_empty() {
        slots.resize(SLOTS, EMPTY_SLOT);
    }
    let Some(slot) = slots.get_mut((position % SLOTS as u64) as usize) else { return none };
    if slot.at != position {
        *slot = Slot { at: position, ..EMPTY_SLOT };
    }
    // The window may end before `MAX_WORD` characters from here; a later one may hold more.
    let within = ahead.len().min(MAX_WORD);
    if slot.known < within {
        slot.costs = segmenter.starting_with(c).map_or(none, |among| segmenter.costs_from(among, ahead));
        slot.known = within;
    }
    let mut costs = slot.costs;
    for cost in costs.iter_mut().skip(within) {
        *cost = None; // past this window
    }
    costs
}

/// The cost of `chars[span]` as a word (`None`: none, one across a gap of the text, or one past
/// the window), as [`remembered_costs`] has it.
fn remembered_cost(
    segmenter: &Segmenter,
    slots: &mut Vec<Slot>,
    chars: &[(char, bool)],
    at: &[u64],
    span: Range<usize>,
) -> Option<u16> {
    let costs = remembered_costs(segmenter, slots, chars, at, span.start);
    *costs.get(span.len().checked_sub(1)?)?
}

/// Whether some word of the dictionary, of two to `MAX_WORD` characters, crosses `match_start`
/// or `match_end` without holding the match. `costs_at(start)` gives the cost of the word of each
/// length that starts at `start` of the window's `n` characters (`Some` for a word); it is asked
/// only for starts such a word may have, at most six.
fn has_crossing_word(
    n: usize,
    match_start: usize,
    match_end: usize,
    costs_at: &mut impl FnMut(usize) -> [Option<u16>; MAX_WORD],
) -> bool {
    let mut any_word = |start: usize, ends: RangeInclusive<usize>| {
        !ends.is_empty() && {
            let costs = costs_at(start);
            ends.into_iter().any(|end| costs.get(end - start - 1).is_some_and(Option::is_some))
        }
    };
    // Across the start: a word from before it that ends inside the match (one that reaches the
    // match's end holds it). A word of `MAX_WORD` characters at most starts within reach.
    let across_start = (match_start.saturating_sub(MAX_WORD - 1)..match_start).any(|start| {
        let ends = (start + 2).max(match_start + 1)..=(start + MAX_WORD).min(n).min(match_end.saturating_sub(1));
        any_word(start, ends)
    });
    // Across the end: a word from inside the match, after its start (one from its start holds
    // it), that ends after it.
    across_start
        || (match_end.saturating_sub(MAX_WORD - 1).max(match_start + 1)..match_end).any(|start| {
            let ends = (start + 2).max(match_end + 1)..=(start + MAX_WORD).min(n);
            any_word(start, ends)
        })
}

/// Whether the lowest-cost segmentation of the window's `n` characters (`cost` of a span: its
/// cost as a word, `None` for no word or one across a gap of the text) has no word across
/// `match_start` or `match_end` that does not hold the whole match. `best` is the table's buffer.
fn best_path_keeps(
    n: usize,
    match_start: usize,
    match_end: usize,
    best: &mut Vec<(u32, usize)>,
    cost: &mut impl FnMut(Range<usize>) -> Option<u16>,
) -> bool {
    // Lowest total cost of segmenting the first i characters, and the length of the last word.
    best.clear();
    best.resize(n + 1, (u32::MAX, 0));
    best[0] = (0, 0);
    for i in 1..=n {
        for len in 1..=MAX_WORD.min(i) {
            let start = i - len;
            if best[start].0 == u32::MAX {
                continue;
            }
            let cost = match cost(start..i) {
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
    // Walk the best path back: does a word cross the match's start or end without holding the
    // whole match? A word that holds it (`他妈的` for `他妈`) is the term with more to it.
    let mut i = n;
    while i > 0 {
        let start = i - best[i].1.max(1);
        if straddles(start..i, match_start, match_end) {
            return false;
        }
        i = start;
    }
    true
}

/// Whether a word of two characters or more at `word` crosses an edge of the match
/// `match_start..match_end` (the edge inside it) without holding the whole match: a segmentation
/// with such a word drops the match.
fn straddles(word: Range<usize>, match_start: usize, match_end: usize) -> bool {
    let crosses = |edge: usize| word.start < edge && edge < word.end;
    let holds = word.start <= match_start && match_end <= word.end;
    word.len() > 1 && (crosses(match_start) || crosses(match_end)) && !holds
}

/// `Made::first_index` of `firsts`: one entry per bucket, and the end.
fn first_index(firsts: &[(char, u32)]) -> Vec<u32> {
    let buckets = ((INDEX_TO - INDEX_FROM) >> BUCKET_SHIFT) as usize;
    let mut index = Vec::with_capacity(buckets + 1);
    let mut k = 0;
    for bucket in 0..=buckets as u32 {
        let from = INDEX_FROM + (bucket << BUCKET_SHIFT);
        k += firsts.get(k..).map_or(0, |rest| rest.iter().take_while(|&&(c, _)| u32::from(c) < from).count());
        index.push(k as u32);
    }
    index
}

/// Highest cost (−ln p × 100) of a neighbour word kept by [`Segmenter::select`]: a frequency of
/// about 1,000 in jieba's 60 million. Rarer ones seldom win against a word across a term's edge,
/// and there are many: for naughty-words `zh`, every neighbour would make 117,530 words instead of
/// about 24,600, with the same readings on 围城, where none would make 20,637 and drop `花柳` in
/// `山水花柳` and `成人` in `进化成人以前` (2026-11-30, with jieba's dictionary).
const NEIGHBOUR_COST: u16 = 1100;

/// The frequency a CJK term of up to `MAX_WORD` characters has as a word of the segmentation
/// ([`Segmenter::select`]), in a lexicon of jieba's size: the median frequency of jieba's
/// dictionary (3 of its 60 million; 159,317 of its 349,046 words have it), so the term is as
/// likely a word as the typical word a dictionary lists. Without it a term that is no word of the
/// lexicon (`傻逼`) lost against any word across its edge, however rare (`真傻`, frequency 3,
/// in `你真傻逼`: "you're a real 傻逼"); with it, a straddling word still wins where both words
/// it leaves are common (`其他|妈妈` against `其|他妈|妈`, `出口|交易` against `出|口交|易`).
/// Costs are relative to `total`, so the value suits a lexicon of about jieba's total.
const TERM_FREQUENCY: u64 = 3;

/// The words [`Segmenter::select`] has found so far, and what it asked the lexicon.
struct Selection<'l> {
    lexicon: &'l dyn Fn(&str) -> Option<u64>,
    total: u64,
    /// The characters of the alphabet that are words alone.
    alphabet: Vec<char>,
    words: HashMap<String, u16>,
    /// `x` and the frequency of `x + s`, for every `x` of the alphabet making `x + s` a word.
    before: HashMap<String, Vec<(char, u64)>>,
    /// `y` and the frequency of `s + y`.
    after: HashMap<String, Vec<(char, u64)>>,
    /// Outer characters of the words across a term's start (end).
    outer_before: HashSet<char>,
    outer_after: HashSet<char>,
    /// Whether a word across an edge of the term being selected for was found (only then is the
    /// term a word of its own: [`Selection::term`]).
    crossing: bool,
    buf: String,
}

impl<'l> Selection<'l> {
    fn new(lexicon: &'l dyn Fn(&str) -> Option<u64>, total: u64, alphabet: &[char]) -> Self {
        // A character that is no word alone is seldom in one (834 rare words of jieba's 349,046):
        // trying only the others halves the lookups.
        let mut buf = [0u8; 4];
        let alphabet = alphabet.iter().copied().filter(|c| lexicon(c.encode_utf8(&mut buf)).is_some()).collect();
        Selection {
            lexicon,
            total,
            alphabet,
            words: HashMap::new(),
            before: HashMap::new(),
            after: HashMap::new(),
            outer_before: HashSet::new(),
            outer_after: HashSet::new(),
            crossing: false,
            buf: String::new(),
        }
    }

    fn cost(&self, freq: u64) -> u16 {
        let p = (freq.max(1) as f64) / (self.total.max(1) as f64);
        ((-p.ln()) * 100.0).round().clamp(0.0, f64::from(u16::MAX - 1)) as u16
    }

    fn insert(&mut self, word: String, freq: u64) {
        let cost = self.cost(freq);
        self.words.insert(word, cost);
    }

    /// The term `chars` as a word of its own, as likely as a word of frequency `TERM_FREQUENCY`
    /// (or its own, if the lexicon has it more often): the segmentation then weighs the term
    /// against the words across its edges instead of reading it only as its characters.
    fn term(&mut self, chars: &[char]) {
        if chars.len() > MAX_WORD {
            return; // no word of the segmentation is longer
        }
        let word: String = chars.iter().collect();
        let cost = self.cost(TERM_FREQUENCY);
        let known = self.words.get(&word).copied().or_else(|| (self.lexicon)(&word).map(|f| self.cost(f)));
        self.words.insert(word, known.map_or(cost, |k| k.min(cost)));
    }

    /// Keeps `chars` if it is a word.
    fn add(&mut self, chars: &[char]) {
        if chars.is_empty() || chars.len() > MAX_WORD {
            return;
        }
        let word: String = chars.iter().collect();
        if !self.words.contains_key(&word) {
            if let Some(freq) = (self.lexicon)(&word) {
                self.insert(word, freq);
            }
        }
    }

    /// The characters `x` of the alphabet that make `x + s` (`before`) or `s + x` a word.
    fn extensions(&mut self, s: &[char], before: bool) -> Vec<(char, u64)> {
        let key: String = s.iter().collect();
        let cache = if before { &self.before } else { &self.after };
        if let Some(found) = cache.get(&key) {
            return found.clone();
        }
        let mut found = Vec::new();
        if s.len() < MAX_WORD {
            for &x in &self.alphabet {
                self.buf.clear();
                if before {
                    self.buf.push(x);
                    self.buf.push_str(&key);
                } else {
                    self.buf.push_str(&key);
                    self.buf.push(x);
                }
                if let Some(freq) = (self.lexicon)(&self.buf) {
                    found.push((x, freq));
                }
            }
        }
        let cache = if before { &mut self.before } else { &mut self.after };
        cache.insert(key, found.clone());
        found
    }

    /// The words inside `term`, across its edges and holding it (see [`Segmenter::select`]).
    fn around(&mut self, term: &[char]) {
        let n = term.len();
        for a in 0..n {
            for b in a + 2..=n.min(a + MAX_WORD) {
                self.add(&term[a..b]);
            }
        }
        // One character outside: across the start (`其他`), or holding the term at its end.
        for j in 1..=n.min(MAX_WORD - 1) {
            for (x, freq) in self.extensions(&term[..j], true) {
                self.insert([&[x], &term[..j]].concat().iter().collect(), freq);
                self.outer_before.insert(x);
                self.crossing |= j < n;
            }
        }
        for i in n.saturating_sub(MAX_WORD - 1)..n {
            for (y, freq) in self.extensions(&term[i..], false) {
                self.insert([&term[i..], &[y]].concat().iter().collect(), freq);
                self.outer_after.insert(y);
                self.crossing |= i > 0;
            }
        }
        // Holding the term with a character on each side.
        if n + 2 <= MAX_WORD {
            for (x, _) in self.extensions(term, true) {
                let held = [&[x], term].concat();
                for (y, freq) in self.extensions(&held, false) {
                    self.insert([&held[..], &[y]].concat().iter().collect(), freq);
                }
            }
        }
        // Two characters outside, each making a word with its neighbour (`爸爸|妈妈`: `爸爸`,
        // `爸妈`).
        for (y, _) in self.extensions(&term[..1], true) {
            for (x, _) in self.extensions(&[y], true) {
                for j in 1..=n.min(MAX_WORD - 2) {
                    self.add(&[&[x, y], &term[..j]].concat());
                }
            }
        }
        for (y, _) in self.extensions(&term[n - 1..], false) {
            for (z, _) in self.extensions(&[y], false) {
                for i in n.saturating_sub(MAX_WORD - 2)..n {
                    self.add(&[&term[i..], &[y, z]].concat());
                }
            }
        }
    }

    /// Frequent words that end (start) with the outer character of a word across a term's start
    /// (end): they compete with it for that character.
    fn neighbours(&mut self) {
        let mut outer: Vec<char> = self.outer_before.iter().copied().collect();
        outer.sort_unstable();
        for c in outer {
            for (v, freq) in self.extensions(&[c], true) {
                if self.cost(freq) <= NEIGHBOUR_COST {
                    self.insert([v, c].iter().collect(), freq);
                }
            }
        }
        let mut outer: Vec<char> = self.outer_after.iter().copied().collect();
        outer.sort_unstable();
        for c in outer {
            for (w, freq) in self.extensions(&[c], false) {
                if self.cost(freq) <= NEIGHBOUR_COST {
                    self.insert([c, w].iter().collect(), freq);
                }
            }
        }
    }

    /// The words found, with the single characters of each.
    fn finish(mut self) -> Segmenter {
        let mut singles: Vec<char> = self.words.keys().flat_map(|w| w.chars()).collect();
        singles.sort_unstable();
        singles.dedup();
        for c in singles {
            self.add(&[c]);
        }
        Segmenter::from_words(self.words.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MatcherBuilder;

    /// A segmenter of `words` (indices into `alphabet`, with costs), for the property tests.
    fn segmenter_over(alphabet: &[char], words: &[(Vec<usize>, u16)]) -> Segmenter {
        Segmenter::from_words(words.iter().map(|(w, cost)| (w.iter().map(|&i| alphabet[i]).collect(), *cost)).collect())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// A lookup through the first characters finds what a search of every word finds.
        #[test]
        fn a_lookup_finds_what_every_word_finds(
            words in proptest::collection::vec((proptest::collection::vec(0usize..6, 1..=MAX_WORD), 1u16..3000), 0..40),
            asked in proptest::collection::vec(proptest::collection::vec(0usize..6, 1..=MAX_WORD), 1..20),
        ) {
            const ALPHABET: [char; 6] = ['他', '妈', '的', '其', '你', 'a'];
            let spell = |w: &[usize]| -> String { w.iter().map(|&i| ALPHABET[i]).collect() };
            let segmenter = segmenter_over(&ALPHABET, &words);
            let (text, ends) = segmenter.text_and_ends();
            let loaded = Segmenter::from_text_and_ends(text.to_string(), ends.to_vec());
            proptest::prop_assert_eq!(loaded.as_ref(), Some(&segmenter));
            for w in words.iter().map(|(w, _)| w).chain(&asked) {
                let word = spell(w);
                let every = segmenter.words().find(|&(x, _)| x == word).map(|(_, cost)| cost);
                proptest::prop_assert_eq!(segmenter.cost(&word), every);
            }
        }

        /// Every cost `costs_from` gives is that of the word of those characters, found by
        /// reading every word: words longer than `MAX_WORD` among them (never found; they sort
        /// after their first `MAX_WORD` characters), characters of every width in UTF-8 and at
        /// both ends of the code points (U+0000 at the end of a word is not the end of the
        /// word: a review found it was, 2026-12-05), gaps anywhere.
        #[test]
        fn costs_from_finds_what_reading_every_word_finds(
            words in proptest::collection::vec((proptest::collection::vec(0usize..7, 1..=MAX_WORD + 2), 1u16..3000), 0..40),
            asked in proptest::collection::vec((0usize..7, proptest::bool::weighted(0.15)), 1..=MAX_WORD + 1),
        ) {
            const ALPHABET: [char; 7] = ['\0', '0', 'é', '他', '妈', '\u{20000}', '\u{10FFFF}'];
            let segmenter = segmenter_over(&ALPHABET, &words);
            let tails: Vec<u64> = segmenter.words().map(|(w, _)| tail(w)).collect();
            proptest::prop_assert_eq!(&segmenter.made().tails, &tails);
            let chars: Vec<(char, bool)> = asked.iter().map(|&(i, gap)| (ALPHABET[i], gap)).collect();
            let found = segmenter.starting_with(chars[0].0).map_or([None; MAX_WORD], |among| segmenter.costs_from(among, &chars));
            for (len, cost) in found.iter().enumerate() {
                let span = &chars[..(len + 1).min(chars.len())];
                let word: String = span.iter().map(|&(c, _)| c).collect();
                let whole = span.len() == len + 1 && !span.iter().skip(1).any(|&(_, gap)| gap);
                let every = segmenter.words().find(|&(w, _)| w == word).map(|(_, cost)| cost).filter(|_| whole);
                proptest::prop_assert_eq!(*cost, every, "{:?} length {}", chars, len + 1);
            }
        }

        /// The check of the pairs at a match's edges misses no word across them: searches of
        /// texts over a few characters, in runs, with digits glued before and gaps, with terms
        /// and words made of the same characters (`keeps` asserts, in builds with debug
        /// assertions, that the window finds no crossing word wherever the pairs say none can
        /// be; this test fails in such a build when the check misses one; without them it
        /// checks nothing, so it is built only with them, as `cargo test` builds).
        #[cfg(debug_assertions)]
        #[test]
        fn the_edge_pairs_miss_no_crossing_word(
            words in proptest::collection::vec((proptest::collection::vec(0usize..5, 1..=MAX_WORD), 1u16..3000), 0..30),
            terms in proptest::collection::vec(proptest::collection::vec(0usize..5, 2..4), 1..6),
            text in proptest::collection::vec((0usize..5, 1usize..4, 0usize..8), 2..40),
        ) {
            const ALPHABET: [char; 5] = ['他', '妈', '的', '其', '日'];
            let segmenter = segmenter_over(&ALPHABET, &words).with_numbers_before(['日']);
            let terms: Vec<String> = terms.iter().map(|t| t.iter().map(|&i| ALPHABET[i]).collect()).collect();
            let Ok(matcher) = MatcherBuilder::new().terms(terms.iter().map(String::as_str)).segmenter(segmenter).build()
            else {
                return Ok(());
            };
            let mut written = String::new();
            for &(i, run, between) in &text {
                for _ in 0..run {
                    written.push(ALPHABET[i]);
                }
                match between {
                    0 => written.push(' '),
                    1 => written.push('5'),
                    _ => {}
                }
            }
            // (`keeps` panics where the pairs miss a crossing word.)
            let found = matcher.find_iter(&written).count();
            proptest::prop_assert!(found <= written.chars().count());
        }

        /// The shortcut `keeps` takes is exact: where no dictionary word crosses an edge of the
        /// match, the lowest-cost segmentation keeps it. Words and text over five characters, so
        /// that words across the edges are common.
        #[test]
        fn no_word_across_an_edge_means_the_segmentation_keeps_the_match(
            words in proptest::collection::vec((proptest::collection::vec(0usize..5, 1..=MAX_WORD), 1u16..3000), 0..40),
            text in proptest::collection::vec((0usize..5, proptest::bool::weighted(0.15)), 2..16),
            at in 0usize..16,
            len in 2usize..5,
        ) {
            const ALPHABET: [char; 5] = ['他', '妈', '的', '其', '你'];
            let segmenter = segmenter_over(&ALPHABET, &words);
            let chars: Vec<(char, bool)> = text.iter().map(|&(i, gap)| (ALPHABET[i], gap)).collect();
            let match_start = at % (chars.len() - 1);
            let match_end = (match_start + len).min(chars.len());
            let mut cost = direct_cost(&segmenter, &chars);
            let mut costs_at = |start: usize| std::array::from_fn(|i| cost(start..start + i + 1).filter(|_| start + i < chars.len()));
            let crossing = has_crossing_word(chars.len(), match_start, match_end, &mut costs_at);
            // What the check asks is the definition: a word of two characters or more across an
            // edge that does not hold the match.
            let mut cost = direct_cost(&segmenter, &chars);
            let defined = (0..chars.len()).any(|a| {
                (a + 2..=(a + MAX_WORD).min(chars.len()))
                    .any(|b| straddles(a..b, match_start, match_end) && cost(a..b).is_some())
            });
            proptest::prop_assert_eq!(crossing, defined);
            if !crossing {
                proptest::prop_assert!(best_path_keeps(chars.len(), match_start, match_end, &mut Vec::new(), &mut cost));
            }
        }

        /// What `Lookups` remembers is what a lookup finds: windows of a text over five
        /// characters longer than `SLOTS` (positions `SLOTS` apart share a slot), in any order,
        /// each asked every span.
        #[test]
        fn remembered_lookups_are_what_a_lookup_finds(
            words in proptest::collection::vec((proptest::collection::vec(0usize..5, 1..=MAX_WORD), 1u16..3000), 0..40),
            text in proptest::collection::vec((0usize..5, proptest::bool::weighted(0.15)), 2..3 * SLOTS),
            windows in proptest::collection::vec((0usize..3 * SLOTS, 1usize..12), 1..40),
        ) {
            const ALPHABET: [char; 5] = ['他', '妈', '的', '其', '你'];
            let segmenter = segmenter_over(&ALPHABET, &words);
            let whole: Vec<(char, bool)> = text.iter().map(|&(i, gap)| (ALPHABET[i], gap)).collect();
            let mut lookups = Lookups::default();
            for (start, len) in windows {
                let start = start % whole.len();
                let end = (start + len).min(whole.len());
                let chars = &whole[start..end];
                let at: Vec<u64> = (start..end).map(|p| p as u64).collect();
                for from in 0..chars.len() {
                    for to in from + 1..=(from + MAX_WORD).min(chars.len()) {
                        let remembered = remembered_cost(&segmenter, &mut lookups.slots, chars, &at, from..to);
                        let found = direct_cost(&segmenter, chars)(from..to);
                        proptest::prop_assert_eq!(remembered, found, "{:?} {}..{}", chars, from, to);
                    }
                }
            }
        }
    }

    #[test]
    fn the_first_character_index_finds_what_a_search_finds() {
        // First characters at the index's edges and its buckets' edges, inside and outside it,
        // some in runs of neighbours, some alone in their bucket.
        let firsts: Vec<u32> = vec![
            0x3000, 0x33FF, 0x3400, 0x3401, 0x3407, 0x3408, 0x4E00, 0x4E01, 0x4E02, 0x4E07, 0x4E08, 0x4E10, 0x5000,
            0x9FF7, 0x9FF8, 0x9FFF, 0xA000, 0xA001, 0xAC00, 0x20000,
        ];
        let words: Vec<(String, u16)> = firsts
            .iter()
            .filter_map(|&cp| char::from_u32(cp))
            .flat_map(|c| [(c.to_string(), 10), (format!("{c}{c}"), 20), (format!("{c}好"), 30)])
            .collect();
        let segmenter = Segmenter::from_words(words);
        for cp in (0x2F00..0xA100).chain(0xAB00..0xAD00).chain(0x1FF00..0x20100) {
            let Some(c) = char::from_u32(cp) else { continue };
            let made = &segmenter.made().firsts;
            let searched = made.binary_search_by_key(&c, |&(f, _)| f).ok().map(|k| {
                let end = made.get(k + 1).map_or(segmenter.words.len(), |&(_, i)| i as usize);
                made[k].1 as usize..end
            });
            assert_eq!(segmenter.starting_with(c), searched, "U+{cp:04X}");
            if firsts.contains(&cp) {
                assert_eq!(searched.map(|r| r.len()), Some(3), "U+{cp:04X}");
            }
        }
        assert_eq!(Segmenter::default().starting_with('他'), None);
    }

    /// The cost of a span of `chars` as a word, looked up each time.
    fn direct_cost<'a>(
        segmenter: &'a Segmenter,
        chars: &'a [(char, bool)],
    ) -> impl FnMut(Range<usize>) -> Option<u16> + 'a {
        let mut word = String::new();
        move |span: Range<usize>| {
            let among = segmenter.starting_with(chars.get(span.start)?.0);
            segmenter.word_cost(chars, span, among, &mut word)
        }
    }

    #[test]
    fn words_in_one_string_read_back_and_bad_ones_are_refused() {
        let pairs = [("妈妈", 300), ("其他", 200), ("他妈", 900), ("其他", 5), ("a", 1)];
        let s = Segmenter::from_words(pairs.iter().map(|&(w, c)| (w.to_owned(), c)).collect());
        let words: Vec<(&str, u16)> = s.words().collect();
        assert_eq!(words, [("a", 1), ("他妈", 900), ("其他", 5), ("妈妈", 300)], "sorted, one of each");
        for (word, cost) in &words {
            assert_eq!(s.cost(word), Some(*cost));
        }
        assert_eq!(s.cost("其"), None);
        assert_eq!(s.cost(""), None);
        let (text, ends) = s.text_and_ends();
        assert_eq!(Segmenter::from_text_and_ends(text.to_owned(), ends.to_vec()), Some(s.clone()));
        let mut cut = ends.to_vec();
        cut[1].0 = 2; // inside `他`
        assert_eq!(Segmenter::from_text_and_ends(text.to_owned(), cut), None);
        let mut unsorted = ends.to_vec();
        unsorted.swap(0, 1);
        assert_eq!(Segmenter::from_text_and_ends(text.to_owned(), unsorted), None);
        let mut empty = ends.to_vec();
        empty.insert(1, (1, 7));
        assert_eq!(Segmenter::from_text_and_ends(text.to_owned(), empty), None, "an empty word");
        assert_eq!(Segmenter::from_text_and_ends(text.to_owned(), ends[..3].to_vec()), None, "text left over");
        let m = MatcherBuilder::new().term("他妈").segmenter(s.clone()).build().unwrap();
        let back = crate::Matcher::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.inner.segmenter, s);
        assert!(back.find_iter("其他妈妈").next().is_none(), "他妈 straddles 其他|妈妈");
    }

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
            ("真", 19988),
            ("真傻", 3),
            ("操", 3353),
            ("妈呀", 3),
            ("呀", 9580),
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
            "其他妈妈他妈的出口交易口交傻逼你是的吗说爸爸妈妈混帐山水花柳山峰老处女小姑娘真操呀".chars().collect();
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

    /// A term that is no word of the lexicon still wins against a rare word across its edge
    /// (`真傻` in `你真傻逼`, `妈呀` in `操你妈呀`, both of frequency 3 in jieba's dictionary),
    /// and still loses where the words it straddles are common (`TERM_FREQUENCY`).
    #[test]
    fn a_term_is_a_word_against_rare_words_across_its_edges() {
        let m = matcher(&["他妈", "口交", "傻逼", "操你妈"]);
        for text in ["你真傻逼", "真傻逼", "操你妈呀", "你真傻逼呀"] {
            assert!(m.is_match(text), "{text}");
        }
        for text in ["其他妈妈", "出口交易", "其他妈妈说"] {
            assert!(!m.is_match(text), "{text}");
        }
    }

    #[test]
    fn only_what_the_terms_need_is_kept() {
        let s = Segmenter::select(["他妈"], &lexicon, 60_000_000, &"其他妈".chars().collect::<Vec<_>>());
        let words: Vec<&str> = s.words().map(|(w, _)| w).collect();
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

    #[test]
    fn a_word_holding_the_match_keeps_it() {
        let m = matcher(&["他妈", "处女"]);
        for text in ["你他妈的", "老处女", "她真要做老处女了"] {
            assert!(m.is_match(text), "{text}");
        }
    }

    #[test]
    fn words_around_the_edges_and_their_neighbours_are_kept() {
        let words = |terms: &[&str]| -> Vec<String> { select(terms).words().map(|(w, _)| w.to_owned()).collect() };
        // Holding the term; two characters outside (`爸爸` and `爸妈` are words), with the run
        // `妈妈` at the match's start; a frequent neighbour of `水花` (across `花柳`'s start), and
        // not a rare one.
        let found = words(&["处女", "妈的", "花柳", "娘的"]);
        for word in ["老处女", "爸爸妈妈", "水花", "山水", "小姑娘", "姑娘"] {
            assert!(found.iter().any(|w| w == word), "{word} in {found:?}");
        }
        assert!(!found.iter().any(|w| w == "山峰" || w == "出口"), "{found:?}");
        // With `山水`, `山水|花柳` is read, not `山|水花|柳`.
        let m = matcher(&["花柳", "妈的"]);
        assert!(m.is_match("没有山水花柳作为"));
        assert!(!m.is_match("爸爸妈妈的同意"));
    }
}
