//! The `patterns` check (contract v2): an operator's regular expressions, matched in time linear
//! in the text.
//!
//! A pattern is compiled where there is time and room to compile it: by the rules tool when it
//! pushes a document ([`CompiledPattern::compile`], behind the `compile-patterns` feature), into a
//! forward and a reverse DFA (`regex-automata`) that go into the document's blob. The worker only
//! loads those DFAs ([`CompiledPattern::from_bytes`]) and searches with them: the search code adds
//! about 12 KB gzipped to the wasm, the compiler (parser, Unicode tables, determiniser) about
//! 236 KB, more than the whole rest of the worker's budget. A document written to KV without its
//! blob therefore has its patterns *uncompiled* in the worker, and the decision follows
//! `FAIL_MODE` for it (see `decision.rs`); the worker logs why.
//!
//! What a pattern may be:
//! - the syntax of the `regex` crate without backreferences or look-around (which a DFA cannot
//!   do, and which the parser refuses with their position);
//! - at most [`MAX_PATTERN_BYTES`] long, and small enough that each DFA stays under
//!   [`MAX_DFA_BYTES`];
//! - unable to match the empty string (it would match everywhere) and able to match something.
//!
//! How it is matched:
//! - on the *folded* text unless the entry says `"raw": true`: case folded, full-width and other
//!   compatibility forms as ASCII, every script's digits as ASCII digits, Traditional Chinese as
//!   Simplified, invisible characters and combining marks left out (`crate::folded_text`); the
//!   pattern itself is compiled case-insensitively for it. With `raw`, the text as sent;
//! - on the whole message's reading text, so a match may run across adjacent text elements;
//! - `\b` and its kin are ASCII word boundaries (a DFA cannot look at Unicode word boundaries;
//!   in chat, where Chinese has no spaces, `加vx` has the boundary an operator means before `vx`);
//! - leftmost-first, non-overlapping, at most [`MAX_HITS_PER_PATTERN`] matches per pattern per
//!   message: a search for the next match may read to the end of the text, so the bound is what
//!   keeps a message's cost linear in its length (the verdict needs only one match; masking
//!   masks the first sixteen);
//! - a document's patterns are searched only when the text holds one of the literals every match
//!   of theirs starts or ends with ([`Prefilter`]: one Aho-Corasick pass for all of them), so a
//!   clean message costs about one pass, not one per pattern.

use std::sync::Arc;

use regex_automata::dfa::dense::DFA;
use regex_automata::dfa::regex::Regex;
use regex_automata::Input;

use crate::folded_text::FoldedText;

/// Longest pattern accepted, in bytes.
pub const MAX_PATTERN_BYTES: usize = 1000;
/// Largest DFA (each of the forward and reverse ones) a pattern may compile to.
pub const MAX_DFA_BYTES: usize = 1 << 20;
/// Matches of one pattern looked for in one message.
pub const MAX_HITS_PER_PATTERN: usize = 16;

/// Why a pattern cannot be used. Offsets are bytes into the pattern.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    /// The parser refused it: a syntax error or an unsupported feature.
    #[error("{message}")]
    Syntax {
        /// Where in the pattern.
        offset: usize,
        /// The parser's message.
        message: String,
    },
    /// Longer than [`MAX_PATTERN_BYTES`].
    #[error("the pattern is {0} bytes long; at most {MAX_PATTERN_BYTES} are accepted")]
    TooLong(usize),
    /// Its automaton would be larger than [`MAX_DFA_BYTES`].
    #[error("the pattern is too big: its automaton would exceed {} KiB (use fewer or smaller repetitions and classes)", MAX_DFA_BYTES / 1024)]
    TooBig,
    /// It matches the empty string, so it would match every message.
    #[error("the pattern can match the empty string, so it would match every message")]
    MatchesEmpty,
    /// It matches nothing at all.
    #[error("the pattern can never match anything")]
    NeverMatches,
    /// Anything else the compiler refused.
    #[error("the pattern cannot be compiled: {0}")]
    Compile(String),
}

impl PatternError {
    /// Where in the pattern the problem is (bytes), when it is at one place.
    pub fn offset(&self) -> Option<usize> {
        match self {
            PatternError::Syntax { offset, .. } => Some(*offset),
            _ => None,
        }
    }
}

/// A serialised DFA could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a compiled pattern is not usable: {0}")]
pub struct LoadError(String);

/// A pattern ready to search: its forward and reverse DFAs, and their bytes as serialised
/// (little-endian, the byte order of wasm and of the machines the tool runs on) for the blob.
#[derive(Debug, Clone)]
pub struct CompiledPattern {
    regex: Regex<DFA<Vec<u32>>>,
    forward: Arc<[u8]>,
    reverse: Arc<[u8]>,
    /// Literals one of which every match starts (or ends) with, in the text the pattern reads;
    /// `None` when the pattern has no small set of them (see [`Prefilter`]).
    literals: Option<Vec<Vec<u8>>>,
}

impl CompiledPattern {
    /// Loads the DFAs [`Self::forward_bytes`] and [`Self::reverse_bytes`] made. The bytes are
    /// checked (a corrupt DFA is an error, never undefined behaviour), once per document version.
    pub fn from_bytes(forward: &[u8], reverse: &[u8], literals: Option<Vec<Vec<u8>>>) -> Result<Self, LoadError> {
        let regex = Regex::builder().build_from_dfas(load(forward)?, load(reverse)?);
        if literals.as_ref().is_some_and(|l| l.is_empty() || l.iter().any(Vec::is_empty)) {
            return Err(LoadError("an empty literal".to_owned()));
        }
        Ok(Self { regex, forward: forward.into(), reverse: reverse.into(), literals })
    }

    /// The literals one of which every match starts or ends with ([`Prefilter`]).
    pub fn literals(&self) -> Option<&[Vec<u8>]> {
        self.literals.as_deref()
    }

    /// The forward DFA as serialised.
    pub fn forward_bytes(&self) -> &[u8] {
        &self.forward
    }

    /// The reverse DFA as serialised.
    pub fn reverse_bytes(&self) -> &[u8] {
        &self.reverse
    }

    /// Bytes of heap held by both DFAs and their serialised copies.
    pub fn heap_bytes(&self) -> usize {
        self.regex.forward().memory_usage()
            + self.regex.reverse().memory_usage()
            + self.forward.len()
            + self.reverse.len()
            + self.literals.iter().flatten().map(Vec::len).sum::<usize>()
    }

    /// The byte ranges of the first [`MAX_HITS_PER_PATTERN`] non-overlapping matches in
    /// `haystack`, leftmost first. `Err` when the DFA cannot search this text: never for a DFA
    /// this module compiled (it has no quit bytes), so the decision takes it as no match.
    pub fn find(&self, haystack: &str) -> Result<Vec<(usize, usize)>, LoadError> {
        let mut found = Vec::new();
        let mut at = 0;
        while at < haystack.len() && found.len() < MAX_HITS_PER_PATTERN {
            let input = Input::new(haystack).range(at..);
            match self.regex.try_search(&input) {
                Ok(Some(m)) if m.end() > at => {
                    found.push((m.start(), m.end()));
                    at = m.end();
                }
                Ok(_) => break,
                Err(e) => return Err(LoadError(e.to_string())),
            }
        }
        Ok(found)
    }
}

/// A message's text as patterns read it: as sent for a `raw` pattern, else folded, once for every
/// pattern that reads it so ([`crate::folded_text`]).
pub struct PatternText<'t> {
    text: &'t str,
    folded: Option<FoldedText>,
}

impl<'t> PatternText<'t> {
    /// `text` (a message's reading text), folded when a pattern first asks for it.
    pub fn new(text: &'t str) -> Self {
        PatternText { text, folded: None }
    }

    /// The matches of `pattern` ([`CompiledPattern::find`]), as byte ranges of the text as sent.
    /// A DFA that cannot search (see there) finds nothing.
    pub fn find(&mut self, pattern: &CompiledPattern, raw: bool) -> Vec<(usize, usize)> {
        if raw {
            return pattern.find(self.text).unwrap_or_default();
        }
        let found = pattern.find(self.folded()).unwrap_or_default();
        let folded = self.folded.as_ref();
        found.into_iter().filter_map(|(start, end)| folded?.original(start, end)).collect()
    }

    /// The folded text, made on first use.
    fn folded(&mut self) -> &str {
        let text = self.text;
        self.folded.get_or_insert_with(|| FoldedText::new(text)).as_str()
    }
}

/// Which patterns of a document may match a text, from one pass of an Aho-Corasick automaton
/// (daachorse, already in the worker for terms) over it: a pattern whose every match starts (or
/// ends) with one of a few literals cannot match a text that holds none of them, and is not
/// searched. A pattern without such literals (`\d{3}-\d{4}`) is always searched. The literals of
/// a folded pattern are lowercase ASCII (the folded text's case); of a raw one, as written.
/// Built when a document version is loaded, never per message.
#[derive(Clone, Default)]
pub struct Prefilter {
    /// For the folded text, then for the raw text: the automaton over the literals, and for each
    /// literal the patterns (indices) that have it.
    texts: [Option<Literals>; 2],
    /// Patterns searched whatever the text holds.
    always: Vec<bool>,
}

/// An automaton over literals, and for each literal the patterns (indices) that have it.
type Literals = (daachorse::DoubleArrayAhoCorasick<u32>, Vec<Vec<u32>>);

impl std::fmt::Debug for Prefilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let literals = |i: usize| self.texts[i].as_ref().map_or(0, |(_, owners)| owners.len());
        f.debug_struct("Prefilter")
            .field("folded_literals", &literals(0))
            .field("raw_literals", &literals(1))
            .field("always", &self.always)
            .finish()
    }
}

impl Prefilter {
    /// For the patterns of one document: `(compiled, raw)`, in order; an uncompiled one is
    /// never searched anyway.
    pub fn new<'a>(patterns: impl IntoIterator<Item = (Option<&'a CompiledPattern>, bool)>) -> Self {
        let mut always = Vec::new();
        let mut reads_raw = Vec::new();
        let mut literals: [Vec<(Vec<u8>, Vec<u32>)>; 2] = [Vec::new(), Vec::new()];
        for (index, (compiled, raw)) in patterns.into_iter().enumerate() {
            let found = compiled.and_then(CompiledPattern::literals);
            always.push(found.is_none());
            reads_raw.push(raw);
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            let list = &mut literals[usize::from(raw)];
            for literal in found.into_iter().flatten() {
                match list.iter_mut().find(|(l, _)| l == literal) {
                    Some((_, owners)) => owners.push(index),
                    None => list.push((literal.clone(), vec![index])),
                }
            }
        }
        let texts = literals.map(|list| {
            if list.is_empty() {
                return None;
            }
            let automaton = daachorse::DoubleArrayAhoCorasick::new(list.iter().map(|(l, _)| l.as_slice())).ok()?;
            Some((automaton, list.into_iter().map(|(_, owners)| owners).collect()))
        });
        // An automaton that cannot be built (never for distinct non-empty literals) filters
        // nothing: every pattern of that text is searched.
        for (wanted, raw) in always.iter_mut().zip(reads_raw) {
            if texts[usize::from(raw)].is_none() {
                *wanted = true;
            }
        }
        Prefilter { texts, always }
    }

    /// For each pattern, whether it is to be searched in `text`.
    pub fn candidates(&self, text: &mut PatternText<'_>) -> Vec<bool> {
        let mut wanted = self.always.clone();
        for (raw, built) in self.texts.iter().enumerate() {
            let Some((automaton, owners)) = built else { continue };
            let haystack = if raw == 1 { text.text } else { text.folded() };
            for m in automaton.find_overlapping_iter(haystack) {
                for &owner in owners.get(m.value() as usize).into_iter().flatten() {
                    if let Some(w) = wanted.get_mut(owner as usize) {
                        *w = true;
                    }
                }
            }
        }
        wanted
    }
}

/// A DFA from its serialised bytes, copied to a 4-byte aligned place first (the bytes come from
/// anywhere in a blob, and the DFA is read as `u32`s).
fn load(bytes: &[u8]) -> Result<DFA<Vec<u32>>, LoadError> {
    let mut buffer = vec![0u8; bytes.len() + 3];
    let offset = buffer.as_ptr().align_offset(4).min(3);
    let place = buffer.get_mut(offset..offset + bytes.len()).ok_or_else(|| LoadError("alignment".to_owned()))?;
    place.copy_from_slice(bytes);
    let (dfa, _) = DFA::from_bytes(place).map_err(|e| LoadError(e.to_string()))?;
    Ok(dfa.to_owned())
}

#[cfg(feature = "compile-patterns")]
mod compile {
    use regex_automata::dfa::{dense, StartKind};
    use regex_automata::nfa::thompson;
    use regex_automata::MatchKind;
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};

    use super::{CompiledPattern, PatternError, MAX_DFA_BYTES, MAX_PATTERN_BYTES};

    impl CompiledPattern {
        /// Compiles `pattern`; `folded` for the folded text (case-insensitive), `!folded` for
        /// `"raw": true`.
        pub fn compile(pattern: &str, folded: bool) -> Result<Self, PatternError> {
            if pattern.len() > MAX_PATTERN_BYTES {
                return Err(PatternError::TooLong(pattern.len()));
            }
            let hir = regex_syntax::ParserBuilder::new()
                .case_insensitive(folded)
                .nest_limit(64)
                .build()
                .parse(pattern)
                .map_err(syntax_error)?;
            match hir.properties().minimum_len() {
                Some(0) => return Err(PatternError::MatchesEmpty),
                None => return Err(PatternError::NeverMatches),
                Some(_) => {}
            }
            let hir = ascii_boundaries(&hir);
            let nfa = |reverse: bool| {
                thompson::Compiler::new()
                    .configure(
                        thompson::Config::new()
                            .reverse(reverse)
                            .which_captures(thompson::WhichCaptures::None)
                            .nfa_size_limit(Some(MAX_DFA_BYTES)),
                    )
                    .build_from_hir(&hir)
                    .map_err(|e| too_big_or(e.to_string()))
            };
            let limits = || {
                dense::Config::new()
                    .dfa_size_limit(Some(MAX_DFA_BYTES))
                    .determinize_size_limit(Some(4 * MAX_DFA_BYTES))
                    .minimize(true)
            };
            let forward = dense::Builder::new()
                .configure(limits().match_kind(MatchKind::LeftmostFirst).start_kind(StartKind::Unanchored))
                .build_from_nfa(&nfa(false)?)
                .map_err(|e| too_big_or(e.to_string()))?;
            // What `regex_automata::dfa::regex::Builder` makes for finding where a match starts.
            let reverse = dense::Builder::new()
                .configure(
                    limits()
                        .prefilter(None)
                        .specialize_start_states(false)
                        .start_kind(StartKind::Anchored)
                        .match_kind(MatchKind::All),
                )
                .build_from_nfa(&nfa(true)?)
                .map_err(|e| too_big_or(e.to_string()))?;
            let (forward, forward_pad) = forward.to_bytes_little_endian();
            let (reverse, reverse_pad) = reverse.to_bytes_little_endian();
            let (forward, reverse) = (&forward[forward_pad..], &reverse[reverse_pad..]);
            Self::from_bytes(forward, reverse, required_literals(pattern, folded))
                .map_err(|e| PatternError::Compile(e.to_string()))
        }
    }

    /// A small set of literals one of which starts (or else ends) every match, in the text the
    /// pattern reads, for the [`super::Prefilter`]; `None` when there is none. A folded pattern is
    /// matched without case against lowercase text: its literals are taken from the pattern as
    /// written (case-sensitive, so `VX` gives one literal, not four) and lowercased, and only
    /// ASCII ones are used (a non-ASCII letter's case forms are the folded text's business).
    fn required_literals(pattern: &str, folded: bool) -> Option<Vec<Vec<u8>>> {
        let hir = regex_syntax::ParserBuilder::new().nest_limit(64).build().parse(pattern).ok()?;
        [ExtractKind::Prefix, ExtractKind::Suffix].into_iter().find_map(|kind| {
            let mut extractor = Extractor::new();
            extractor.kind(kind).limit_total(64).limit_literal_len(32);
            let seq = extractor.extract(&hir);
            let found = seq.literals()?;
            if found.is_empty() || found.iter().any(|l| l.as_bytes().is_empty()) {
                return None;
            }
            if folded && found.iter().any(|l| !l.as_bytes().is_ascii()) {
                return None;
            }
            let mut literals: Vec<Vec<u8>> = found
                .iter()
                .map(|l| if folded { l.as_bytes().to_ascii_lowercase() } else { l.as_bytes().to_vec() })
                .collect();
            literals.sort_unstable();
            literals.dedup();
            Some(literals)
        })
    }

    fn too_big_or(message: String) -> PatternError {
        if message.contains("exceeded") || message.contains("limit") {
            PatternError::TooBig
        } else {
            PatternError::Compile(message)
        }
    }

    fn syntax_error(e: regex_syntax::Error) -> PatternError {
        let (offset, message) = match &e {
            regex_syntax::Error::Parse(e) => (e.span().start.offset, e.kind().to_string()),
            regex_syntax::Error::Translate(e) => (e.span().start.offset, e.kind().to_string()),
            _ => (0, e.to_string()),
        };
        PatternError::Syntax { offset, message }
    }

    /// `hir` with every Unicode word boundary made an ASCII one (see the module's docs). The
    /// parser's nest limit bounds the recursion.
    fn ascii_boundaries(hir: &Hir) -> Hir {
        match hir.kind() {
            HirKind::Look(look) => Hir::look(match look {
                Look::WordUnicode => Look::WordAscii,
                Look::WordUnicodeNegate => Look::WordAsciiNegate,
                Look::WordStartUnicode => Look::WordStartAscii,
                Look::WordEndUnicode => Look::WordEndAscii,
                Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
                Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
                other => *other,
            }),
            HirKind::Repetition(r) => {
                Hir::repetition(Repetition { sub: Box::new(ascii_boundaries(&r.sub)), ..r.clone() })
            }
            HirKind::Capture(c) => Hir::capture(Capture { sub: Box::new(ascii_boundaries(&c.sub)), ..c.clone() }),
            HirKind::Concat(subs) => Hir::concat(subs.iter().map(ascii_boundaries).collect()),
            HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(ascii_boundaries).collect()),
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => hir.clone(),
        }
    }
}

#[cfg(all(test, feature = "compile-patterns"))]
mod tests {
    use super::*;

    fn spans(pattern: &str, folded: bool, text: &str) -> Vec<(usize, usize)> {
        let p = CompiledPattern::compile(pattern, folded).expect("compiles");
        p.find(text).expect("searches")
    }

    #[test]
    fn finds_leftmost_first_non_overlapping_matches() {
        assert_eq!(spans("ab|abc", false, "xxabcab"), vec![(2, 4), (5, 7)]);
        assert_eq!(spans("[0-9]{3}", false, "1234567"), vec![(0, 3), (3, 6)]);
        assert_eq!(spans("v\\s*x", true, "加 V X 号"), vec![(4, 7)]);
    }

    #[test]
    fn folded_patterns_ignore_case_raw_ones_do_not() {
        assert_eq!(spans("VX", true, "vx"), vec![(0, 2)]);
        assert!(spans("VX", false, "vx").is_empty());
    }

    #[test]
    fn word_boundaries_are_ascii_ones() {
        // 加 is a Unicode word character: a Unicode \b would not stand between it and `v`.
        assert_eq!(spans(r"\bvx\b", true, "加vx:abc"), vec![(3, 5)]);
        assert!(spans(r"\bvx\b", true, "avx").is_empty());
    }

    #[test]
    fn what_is_refused_and_where() {
        let err = |p: &str| CompiledPattern::compile(p, true).err();
        assert!(matches!(err("a(?=b)"), Some(PatternError::Syntax { offset: 1, .. })), "{:?}", err("a(?=b)"));
        assert!(matches!(err(r"(a)\1"), Some(PatternError::Syntax { offset: 3, .. })), "{:?}", err(r"(a)\1"));
        assert!(matches!(err("ab[c"), Some(PatternError::Syntax { offset: 2, .. })), "{:?}", err("ab[c"));
        assert_eq!(err("a*"), Some(PatternError::MatchesEmpty));
        assert_eq!(err("x|"), Some(PatternError::MatchesEmpty));
        assert_eq!(err(r"[^\s\S]"), Some(PatternError::NeverMatches));
        assert_eq!(err(&"a".repeat(MAX_PATTERN_BYTES + 1)), Some(PatternError::TooLong(MAX_PATTERN_BYTES + 1)));
        assert_eq!(err(r"\w{200}"), Some(PatternError::TooBig));
    }

    #[test]
    fn the_bytes_load_back_into_the_same_matcher() {
        let p = CompiledPattern::compile(r"(?i)\bv\s*x\s*[:：]?\s*[a-z][a-z0-9_-]{5,19}\b", true).expect("compiles");
        // Loaded from an odd offset, as from the middle of a blob.
        let mut forward = vec![7u8];
        forward.extend_from_slice(p.forward_bytes());
        let loaded = CompiledPattern::from_bytes(&forward[1..], p.reverse_bytes(), None).expect("loads");
        let text = "hi 加vx：alice_88 ok";
        assert_eq!(loaded.find(text), p.find(text));
        assert_eq!(p.find(text).expect("searches").len(), 1);
    }

    #[test]
    fn corrupt_bytes_are_an_error() {
        let p = CompiledPattern::compile("abc", true).expect("compiles");
        let mut bytes = p.forward_bytes().to_vec();
        let n = bytes.len();
        bytes.truncate(n / 2);
        assert!(CompiledPattern::from_bytes(&bytes, p.reverse_bytes(), None).is_err());
        assert!(CompiledPattern::from_bytes(b"", b"", None).is_err());
        let whole = p.forward_bytes();
        assert!(
            CompiledPattern::from_bytes(whole, p.reverse_bytes(), Some(vec![Vec::new()])).is_err(),
            "an empty literal"
        );
        assert!(CompiledPattern::from_bytes(whole, p.reverse_bytes(), Some(Vec::new())).is_err(), "no literal at all");
    }

    #[test]
    fn literals_every_match_starts_or_ends_with() {
        let literals = |p: &str, folded: bool| {
            CompiledPattern::compile(p, folded).expect("compiles").literals().map(<[_]>::to_vec)
        };
        let bytes = |l: &[&str]| Some(l.iter().map(|s| s.as_bytes().to_vec()).collect::<Vec<_>>());
        assert_eq!(
            literals("VX[0-9]", true),
            bytes(&["vx0", "vx1", "vx2", "vx3", "vx4", "vx5", "vx6", "vx7", "vx8", "vx9"])
        );
        assert_eq!(literals("(?:cheap|free) likes", true), bytes(&["cheap likes", "free likes"]));
        assert_eq!(literals(r"\d{3}-\d{4}\s*off", false), bytes(&["off"]), "a suffix when there is no prefix");
        assert_eq!(literals(r"\d{3}-\d{4}", false), None);
        assert_eq!(literals("VIP", false), bytes(&["VIP"]), "raw literals keep their case");
        assert_eq!(literals("微信[0-9]", true), None, "non-ASCII literals of a folded pattern are not used");
    }

    #[test]
    fn a_message_costs_at_most_a_bounded_number_of_searches() {
        // `[a-z]*x|a` reads to the end of the text for each `a`: unbounded, n searches of n.
        let text = "a".repeat(10_000);
        assert_eq!(spans("[a-z]*x|a", false, &text).len(), MAX_HITS_PER_PATTERN);
    }
}
