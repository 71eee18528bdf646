//! Finding terms in text: the one interface the rest of the engine uses.
//!
//! Terms and text are normalised the same way (`normalize.rs`: case, compatibility forms, accents,
//! invisible characters, spelled-out letters, leetspeak, look-alikes, Traditional → Simplified
//! Chinese), then every term is found in one pass of a character-wise double-array Aho-Corasick
//! automaton (`daachorse`) over the normalised text, with runs of a repeated letter searched as
//! one letter. Each candidate is then checked against what the automaton cannot see:
//!
//! - **Word boundaries.** A term's edge that is a letter or digit must sit at a word boundary of
//!   the text (`ass` does not match `class`, `rape` does not match `grape`); an edge in a CJK script
//!   matches anywhere (Chinese has no spaces). A term ending in `*` has no boundary at its end
//!   (`fuck*` matches `fucking`).
//! - **Repeated letters.** A run of a letter in the text matches the same run in the term, or any
//!   run of three or more (`baaad` is `bad`, `asssss` is `ass`); a doubled letter in the text never
//!   matches a single one in the term, because ordinary words double letters (`good` is not `god`).
//!
//! A match is reported as the byte range of the *original* text it covers, on character
//! boundaries, so `b.a.d` masks as `*****` and `ｂａｄ` as `***`.
//!
//! The automaton reads the runs of the normalised text through a small encoding (see
//! [`Encoder`]): a letter or digit that starts or ends a word is written as a character of its
//! own, so a term that must start (end) at a word boundary is only found there. Without it, a
//! long term list reports a candidate at nearly every character (`oth` inside `other`), each of
//! which had to be turned down.
//!
//! Searching is linear in the text (one automaton step per normalised character, plus the
//! candidates, at most one per term length per position) and never fails.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

use daachorse::CharwiseDoubleArrayAhoCorasick;

use crate::engine::automaton_text;
use crate::engine::blob_codec::{BlobError, Reader, Writer};
use crate::engine::normalize::{Class, Normalized, Run};

/// A term found in a text: which term, and the byte range of the original text it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TermMatch {
    /// Index of the term, in the order given to [`Matcher::build`].
    pub term: usize,
    /// Start byte offset in the original text (a character boundary).
    pub start: usize,
    /// End byte offset in the original text (a character boundary).
    pub end: usize,
}

/// A term that cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    /// After normalisation nothing is left to match (only punctuation, spaces or invisible characters).
    #[error("term {index} has no letter, digit or CJK character to match")]
    NothingToMatch {
        /// Index of the term.
        index: usize,
    },
    /// The automaton could not be built (more states than it can address).
    #[error("the terms cannot be compiled: {0}")]
    Automaton(String),
}

/// A run of three or more equal letters is read as an evasion of the letter (`baaad`); shorter runs
/// must match exactly, since ordinary words double letters.
const EVASIVE_RUN: u32 = 3;

const START_BOUNDED: u32 = 1;
const END_BOUNDED: u32 = 2;

/// A compiled set of terms: build once, search many times. Searching never fails.
#[derive(Clone, Default)]
pub struct Matcher {
    /// Over each distinct encoded pattern (run-collapsed term with its word edges, see
    /// [`Encoder`]); the value packs the group index with the pattern's encoded length (see
    /// [`pack`]). `None` with no terms.
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// Group `g`'s terms are `group_terms[groups[g]..groups[g + 1]]` (terms that collapse alike
    /// and have the same edges; a prefix term belongs to two groups, see [`Self::build`]).
    groups: Vec<u32>,
    group_terms: Vec<u32>,
    /// Term `t`'s run counts are `counts[count_at[t]..count_at[t + 1]]`.
    count_at: Vec<u32>,
    counts: Vec<u32>,
    /// `START_BOUNDED | END_BOUNDED` per term.
    flags: Vec<u32>,
}

impl fmt::Debug for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Matcher").field("terms", &self.len()).field("heap_bytes", &self.heap_bytes()).finish()
    }
}

impl Matcher {
    /// Compiles `terms`; a term's index in this sequence is its [`TermMatch::term`].
    ///
    /// ```
    /// use timgate::engine::matcher::Matcher;
    /// let m = Matcher::build(["bad", "傻逼"]).unwrap();
    /// let text = "so b.a.d, 你傻逼";
    /// let found: Vec<&str> = m.find(text).iter().map(|t| &text[t.start..t.end]).collect();
    /// assert_eq!(found, ["b.a.d", "傻逼"]);
    /// ```
    pub fn build<'a>(terms: impl IntoIterator<Item = &'a str>) -> Result<Self, BuildError> {
        let mut matcher = Matcher { count_at: vec![0], groups: vec![0], ..Matcher::default() };
        let mut group_of: HashMap<String, u32> = HashMap::new();
        // Patterns in order of first appearance, so the same terms always build the same blob.
        let mut patterns: Vec<String> = Vec::new();
        let mut members: Vec<Vec<u32>> = Vec::new();
        for (index, term) in terms.into_iter().enumerate() {
            let (body, prefix) = match term.trim_end().strip_suffix('*') {
                Some(body) => (body, true),
                None => (term, false),
            };
            let normalized = Normalized::new(body);
            let runs = trim_gaps(&normalized.runs);
            let (Some(first), Some(last)) = (runs.first(), runs.last()) else {
                return Err(BuildError::NothingToMatch { index });
            };
            let mut flags = 0;
            if first.class.is_word() {
                flags |= START_BOUNDED;
            }
            if !prefix && last.class.is_word() {
                flags |= END_BOUNDED;
            }
            matcher.flags.push(flags);
            matcher.counts.extend(runs.iter().map(|r| r.count));
            matcher.count_at.push(to_u32(matcher.counts.len()));
            // A term starting with a letter or digit is only looked for at a word's start. One
            // ending with one is looked for at a word's end; a prefix term (`ass*`) at both a
            // word's end and inside a word, as two patterns.
            let mut variants = vec![automaton_text::pattern(runs, true)];
            if prefix && last.class.is_word() {
                variants.push(automaton_text::pattern(runs, false));
            }
            for pattern in variants {
                let next = to_u32(members.len());
                let group = *group_of.entry(pattern.clone()).or_insert(next);
                if group == next {
                    members.push(Vec::new());
                    patterns.push(pattern);
                }
                if let Some(list) = members.get_mut(group as usize) {
                    list.push(to_u32(index));
                }
            }
        }
        for list in members {
            matcher.group_terms.extend(list);
            matcher.groups.push(to_u32(matcher.group_terms.len()));
        }
        if patterns.len() > MAX_GROUPS {
            return Err(BuildError::Automaton(format!("more than {MAX_GROUPS} distinct terms")));
        }
        if !patterns.is_empty() {
            let values = patterns.into_iter().enumerate().map(|(group, pattern)| {
                let value = pack(group as u32, pattern.len());
                (pattern, value)
            });
            let automaton = CharwiseDoubleArrayAhoCorasick::with_values(values)
                .map_err(|e| BuildError::Automaton(e.to_string()))?;
            matcher.automaton = Some(automaton);
        }
        Ok(matcher)
    }

    /// How many terms were compiled.
    pub fn len(&self) -> usize {
        self.flags.len()
    }

    /// Whether no term was compiled.
    pub fn is_empty(&self) -> bool {
        self.flags.is_empty()
    }

    /// Bytes of heap the compiled matcher holds (automaton and term tables).
    pub fn heap_bytes(&self) -> usize {
        let tables = [&self.groups, &self.group_terms, &self.count_at, &self.counts, &self.flags];
        self.automaton.as_ref().map_or(0, |a| a.heap_bytes())
            + tables.iter().map(|t| t.capacity() * std::mem::size_of::<u32>()).sum::<usize>()
    }

    /// Every occurrence of every term in `text`, ordered by start offset then term.
    pub fn find(&self, text: &str) -> Vec<TermMatch> {
        thread_local! {
            // The normaliser's buffers, reused by every search on this thread.
            static SCRATCH: RefCell<Normalized> = RefCell::new(Normalized::default());
        }
        if self.automaton.is_none() {
            return Vec::new();
        }
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => {
                scratch.fill(text);
                let found = self.search(&scratch);
                scratch.trim();
                found
            }
            // Only a search from inside a search could find it busy; it gets its own buffers.
            Err(_) => self.search(&Normalized::new(text)),
        })
    }

    fn search(&self, normalized: &Normalized) -> Vec<TermMatch> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let (text, run_at) = normalized.automaton_text();
        let mut found = Vec::new();
        // Candidates come by increasing end: the run they end in is found by walking forward.
        let mut end = 0;
        for candidate in automaton.find_overlapping_iter(text) {
            let read = candidate.end() as u32;
            while run_at.get(end).is_some_and(|&at| at < read) {
                end += 1;
            }
            let (group, length) = unpack(candidate.value());
            // A pattern that does not start where a run's encoding starts is not made of whole runs
            // (the encoding is prefix-free per run: only a damaged blob could report one). Its
            // start is taken from the value, which a damaged blob could make wrong, never unsafe.
            let start = read.checked_sub(length as u32);
            if length > 0 && start.is_none_or(|start| run_at.binary_search(&start).is_err()) {
                continue;
            }
            let (Some(&from), Some(&to)) = (self.groups.get(group), self.groups.get(group + 1)) else { continue };
            for &term in self.group_terms.get(from as usize..to as usize).unwrap_or(&[]) {
                if let Some(m) = self.confirm(term as usize, normalized, end) {
                    found.push(m);
                }
            }
        }
        found.sort_unstable_by_key(|m| (m.start, m.term, m.end));
        found.dedup();
        found
    }

    /// Checks a candidate (the runs of the text ending before run `end` spell term `term` with runs
    /// collapsed) against the term's boundaries and run lengths, and finds the original bytes it
    /// covers.
    fn confirm(&self, term: usize, text: &Normalized, end: usize) -> Option<TermMatch> {
        let flags = *self.flags.get(term)?;
        let (from, to) = (*self.count_at.get(term)? as usize, *self.count_at.get(term + 1)? as usize);
        let want = self.counts.get(from..to)?;
        let first = end.checked_sub(want.len())?;
        let runs = text.runs.get(first..end)?;
        if want.len() != runs.len() || runs.is_empty() {
            return None;
        }
        let start_bounded = flags & START_BOUNDED != 0;
        let end_bounded = flags & END_BOUNDED != 0;
        if start_bounded && first > 0 && text.runs.get(first - 1).is_some_and(|r| r.class.is_word()) {
            return None;
        }
        if end_bounded && text.runs.get(end).is_some_and(|r| r.class.is_word()) {
            return None;
        }
        let exact_or_evasive = |have: u32, want: u32| have == want || have >= EVASIVE_RUN;
        let last = runs.len() - 1;
        for (k, (run, &want)) in runs.iter().zip(want).enumerate() {
            let open_edge = (k == 0 && !start_bounded) || (k == last && !end_bounded);
            let ok = exact_or_evasive(run.count, want) || (open_edge && run.count > want);
            if !ok {
                return None;
            }
        }
        // Units covered: whole runs, except that an open edge takes only the units it needs from
        // a run that is longer than the term's and not evasive (`傻傻逼` masks as `傻**`).
        let (head, tail) = (runs.first()?, runs.last()?);
        let (want_head, want_tail) = (*want.first()?, *want.last()?);
        let mut start_unit = head.first as usize;
        let mut end_unit = tail.first as usize + tail.units as usize;
        let partial = |run: &Run, want: u32| !exact_or_evasive(run.count, want);
        if !start_bounded && partial(head, want_head) {
            start_unit = head.first as usize + (head.count - want_head) as usize;
        } else if !end_bounded && partial(tail, want_tail) {
            end_unit = tail.first as usize + want_tail as usize;
        }
        let start = text.units.get(start_unit)?.start as usize;
        let end = text.units.get(end_unit.checked_sub(1)?)?.end as usize;
        Some(TermMatch { term, start, end })
    }

    /// Appends the compiled matcher to a blob (see [`crate::engine::rule_set::RuleSet::to_blob`]).
    pub fn write(&self, out: &mut Writer) {
        for table in [&self.groups, &self.group_terms, &self.count_at, &self.counts, &self.flags] {
            out.u32s(table);
        }
        match &self.automaton {
            Some(a) => {
                out.u8(1);
                out.bytes(&a.serialize());
            }
            None => out.u8(0),
        }
    }

    /// Reads a matcher written by [`Self::write`]. The automaton is validated by `daachorse`; the
    /// tables are checked for consistency here, and every lookup during a search is checked too,
    /// so a damaged blob can make a search find less, never panic.
    pub fn read(input: &mut Reader<'_>) -> Result<Self, BlobError> {
        let groups = input.u32s()?;
        let group_terms = input.u32s()?;
        let count_at = input.u32s()?;
        let counts = input.u32s()?;
        let flags = input.u32s()?;
        let automaton = match input.u8()? {
            0 => None,
            1 => {
                let bytes = input.bytes()?;
                let (automaton, rest) = CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(bytes)
                    .map_err(|_| BlobError::Corrupt("automaton"))?;
                if !rest.is_empty() {
                    return Err(BlobError::Corrupt("automaton length"));
                }
                Some(automaton)
            }
            _ => return Err(BlobError::Corrupt("automaton tag")),
        };
        let consistent = count_at.len() == flags.len() + 1
            && count_at.first() == Some(&0)
            && count_at.windows(2).all(|w| w[0] <= w[1])
            && count_at.last().is_some_and(|&n| n as usize == counts.len())
            && groups.first() == Some(&0)
            && groups.windows(2).all(|w| w[0] <= w[1])
            && groups.last().is_some_and(|&n| n as usize == group_terms.len())
            && group_terms.iter().all(|&t| (t as usize) < flags.len());
        if !consistent {
            return Err(BlobError::Corrupt("matcher tables"));
        }
        Ok(Matcher { automaton, groups, group_terms, count_at, counts, flags })
    }
}

/// Bits of an automaton value: group index and encoded pattern length in bytes (0 when longer
/// than 255).
const LENGTH_BITS: u32 = 8;
/// Distinct encoded patterns one matcher can hold: far beyond what fits in a KV value.
const MAX_GROUPS: usize = 1 << (32 - LENGTH_BITS);

fn pack(group: u32, length: usize) -> u32 {
    let length = u32::try_from(length).ok().filter(|&l| l < 1 << LENGTH_BITS).unwrap_or(0);
    (group << LENGTH_BITS) | length
}

/// `(group, length in bytes or 0)`.
fn unpack(value: u32) -> (usize, usize) {
    ((value >> LENGTH_BITS) as usize, (value & ((1 << LENGTH_BITS) - 1)) as usize)
}

/// A term's runs without gaps at either end (`" bad "` is `bad`).
fn trim_gaps(runs: &[Run]) -> &[Run] {
    let start = runs.iter().position(|r| r.class != Class::Space).unwrap_or(runs.len());
    let end = runs.iter().rposition(|r| r.class != Class::Space).map_or(start, |i| i + 1);
    &runs[start..end.max(start)]
}

/// Term and run counts are bounded by the rule document's size, far below `u32::MAX`.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans<'t>(m: &Matcher, text: &'t str) -> Vec<(usize, &'t str)> {
        m.find(text).iter().map(|x| (x.term, &text[x.start..x.end])).collect()
    }

    #[test]
    fn original_offsets() {
        let m = Matcher::build(["damn", "傻逼"]).unwrap();
        assert_eq!(spans(&m, "Oh DAMN, 你傻逼"), [(0, "DAMN"), (1, "傻逼")]);
    }

    #[test]
    fn overlapping_cjk_occurrences() {
        let m = Matcher::build(["傻傻"]).unwrap();
        assert_eq!(spans(&m, "傻傻"), [(0, "傻傻")]);
        let m = Matcher::build(["逼", "傻逼"]).unwrap();
        assert_eq!(spans(&m, "傻逼"), [(1, "傻逼"), (0, "逼")]);
    }

    #[test]
    fn terms_that_collapse_alike_are_told_apart() {
        let m = Matcher::build(["god", "good"]).unwrap();
        assert_eq!(spans(&m, "god good gooood"), [(0, "god"), (1, "good"), (0, "gooood"), (1, "gooood")]);
    }

    #[test]
    fn emoji_terms() {
        let m = Matcher::build(["🖕", "bad"]).unwrap();
        assert_eq!(spans(&m, "bad🖕🏻 x🖕"), [(1, "bad"), (0, "🖕"), (0, "🖕")]);
    }

    #[test]
    fn unmatchable_terms_are_refused_and_an_empty_matcher_finds_nothing() {
        assert_eq!(Matcher::build(["x", "!!"]).unwrap_err(), BuildError::NothingToMatch { index: 1 });
        assert_eq!(Matcher::build(["*"]).unwrap_err(), BuildError::NothingToMatch { index: 0 });
        assert!(Matcher::build([]).unwrap().find("anything").is_empty());
    }

    #[test]
    fn blob_round_trip_and_damage() {
        let m = Matcher::build(["bad", "傻逼", "ass*"]).unwrap();
        let mut w = Writer::default();
        m.write(&mut w);
        let bytes = w.into_bytes();
        let back = Matcher::read(&mut Reader::new(&bytes)).unwrap();
        let text = "b4d 傻逼 assholes";
        assert_eq!(back.find(text), m.find(text));
        for cut in [0, 1, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(Matcher::read(&mut Reader::new(&bytes[..cut])).is_err(), "cut at {cut}");
        }
    }
}
