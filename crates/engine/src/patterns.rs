//! The `patterns` check (contract v2): an operator's regular expressions, matched in time linear
//! in the text.
//!
//! A pattern is compiled where there is time and room to compile it: by the rules tool when it
//! pushes a document (`CompiledPattern::compile`, behind the `compile-patterns` feature), into a
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
//!   [`MAX_DFA_BYTES`] and a document's under [`MAX_DOCUMENT_PATTERN_BYTES`];
//! - unable to match the empty string (it would match everywhere) and able to match something.
//!
//! How it is matched:
//! - on the *folded* text unless the entry says `"raw": true`: case folded, full-width and other
//!   compatibility forms as ASCII, every script's digits as ASCII digits, Traditional Chinese as
//!   Simplified, invisible characters and combining marks left out (`crate::folded_text`); the
//!   pattern's literals and classes are folded the same way, so it ignores case and nothing
//!   folding changes is dead in it (`東京` matches `東京`, `\d` is `[0-9]`, `x[^Y]` does not
//!   match `xy`). With `raw`, the text as sent;
//! - on the whole message's reading text, so a match may run across adjacent text elements;
//! - `\b` and its kin are ASCII word boundaries (a DFA cannot look at Unicode word boundaries;
//!   in chat, where Chinese has no spaces, `加vx` has the boundary an operator means before `vx`);
//! - leftmost-first, non-overlapping, at most [`MAX_HITS_PER_PATTERN`] matches per pattern per
//!   message: a search for the next match may read to the end of the text, so the bound is what
//!   keeps a message's cost linear in its length (the verdict needs only one match; a `mask`
//!   pattern with more matches forbids the message, `decision.rs`);
//! - a document's patterns are searched only when the text holds one of the literals every match
//!   of theirs starts or ends with ([`Prefilter`]: one Aho-Corasick pass for all of them), so a
//!   clean message costs about one pass, not one per pattern.

use regex_automata::dfa::dense::DFA;
use regex_automata::dfa::regex::Regex;
use regex_automata::dfa::Automaton;
use regex_automata::{Anchored, Input};

use crate::folded_text::FoldedText;

/// Longest pattern accepted, in bytes.
pub const MAX_PATTERN_BYTES: usize = 1000;
/// Largest DFA (each of the forward and reverse ones) a pattern may compile to.
pub const MAX_DFA_BYTES: usize = 1 << 20;
/// Largest total of a document's compiled patterns (their DFAs in memory, about their size in
/// the blob): KV holds at most 25 MiB in one value, and the worker's isolate 128 MB.
pub const MAX_DOCUMENT_PATTERN_BYTES: usize = 8 << 20;
/// Most literals a pattern gives the prefilter (more, and it is searched in every message).
pub const MAX_LITERALS: usize = 64;
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
    #[error("the pattern is too big: its automaton would exceed {} KiB (fewer or smaller repetitions and classes; in a raw pattern `[0-9]` rather than `\\d`, `[^\\n]` is Unicode too)", MAX_DFA_BYTES / 1024)]
    TooBig,
    /// With the patterns before it, more than [`MAX_DOCUMENT_PATTERN_BYTES`].
    #[error("the document's patterns up to this one compile to {0} KiB, more than the {limit} KiB a document may hold (fewer, or smaller, patterns; `[0-9]` rather than `\\d` in a raw pattern)", limit = MAX_DOCUMENT_PATTERN_BYTES / 1024)]
    DocumentTooBig(usize),
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

/// A pattern ready to search: its forward and reverse DFAs. They are serialised little-endian,
/// the byte order of wasm and of the machines the tool runs on.
#[derive(Debug, Clone)]
pub struct CompiledPattern {
    regex: Regex<DFA<Vec<u32>>>,
    /// Literals one of which every match starts (or ends) with, in the text the pattern reads;
    /// `None` when the pattern has no small set of them (see [`Prefilter`]).
    literals: Option<Vec<Vec<u8>>>,
}

impl CompiledPattern {
    /// Loads the DFAs `to_bytes` made (with the `compile-patterns` feature). The bytes are
    /// checked (a corrupt DFA is an error, never undefined behaviour), once per document version.
    pub fn from_bytes(forward: &[u8], reverse: &[u8], literals: Option<Vec<Vec<u8>>>) -> Result<Self, LoadError> {
        let regex = Regex::builder().build_from_dfas(load(forward)?, load(reverse)?);
        if literals.as_ref().is_some_and(|l| l.is_empty() || l.len() > MAX_LITERALS || l.iter().any(Vec::is_empty)) {
            return Err(LoadError("no literal, an empty one, or too many".to_owned()));
        }
        Ok(Self { regex, literals })
    }

    /// The literals one of which every match starts or ends with ([`Prefilter`]).
    pub fn literals(&self) -> Option<&[Vec<u8>]> {
        self.literals.as_deref()
    }

    /// Bytes of heap held by both DFAs and the literals.
    pub fn heap_bytes(&self) -> usize {
        self.regex.forward().memory_usage()
            + self.regex.reverse().memory_usage()
            + self.literals.iter().flatten().map(Vec::len).sum::<usize>()
    }

    /// The byte ranges of the first [`MAX_HITS_PER_PATTERN`] non-overlapping matches in
    /// `haystack`, leftmost first, and whether there were more. `Err` when the DFAs cannot search
    /// this text or disagree (never for DFAs this module compiled and the blob's checksum let
    /// through: they have no quit bytes, and the reverse DFA finds a start for every match of the
    /// forward one), so that a damaged blob is an error, never a panic.
    pub fn find(&self, haystack: &str) -> Result<(Vec<(usize, usize)>, bool), LoadError> {
        let (forward, reverse) = (self.regex.forward(), self.regex.reverse());
        let mut found = Vec::new();
        let mut at = 0;
        while at < haystack.len() {
            let input = Input::new(haystack).range(at..);
            let end = match forward.try_search_fwd(&input).map_err(|e| LoadError(e.to_string()))? {
                Some(end) if end.offset() > at => end.offset(),
                _ => break,
            };
            if found.len() == MAX_HITS_PER_PATTERN {
                return Ok((found, true));
            }
            let back = Input::new(haystack).anchored(Anchored::Yes).range(at..end);
            let start = match reverse.try_search_rev(&back).map_err(|e| LoadError(e.to_string()))? {
                Some(start) if start.offset() < end => start.offset(),
                _ => return Err(LoadError("the reverse DFA finds no start for a match".to_owned())),
            };
            found.push((start, end));
            at = end;
        }
        Ok((found, false))
    }
}

/// `text` as a (non-raw) pattern reads it, for people to look at (`explain`).
pub fn folded(text: &str) -> String {
    crate::folded_text::fold_str(text)
}

/// What one pattern found in a text ([`PatternText::find_all`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternMatches {
    /// The pattern's index in its document's `patterns`.
    pub index: usize,
    /// Its matches, in the bytes of the text as sent ([`PatternText::find`]).
    pub ranges: Vec<(usize, usize)>,
    /// Whether it has more than [`MAX_HITS_PER_PATTERN`].
    pub more: bool,
}

/// A message's text as patterns read it: as sent for a `raw` pattern, else folded, once for every
/// pattern that reads it so (`folded_text`).
pub struct PatternText<'t> {
    text: &'t str,
    folded: Option<FoldedText>,
}

impl<'t> PatternText<'t> {
    /// `text` (a message's reading text), folded when a pattern first asks for it.
    pub fn new(text: &'t str) -> Self {
        PatternText { text, folded: None }
    }

    /// The matches of `pattern` ([`CompiledPattern::find`]), as byte ranges of the text as sent,
    /// and whether it has more than [`MAX_HITS_PER_PATTERN`]. A DFA that cannot search (see
    /// there) finds nothing.
    pub fn find(&mut self, pattern: &CompiledPattern, raw: bool) -> (Vec<(usize, usize)>, bool) {
        if raw {
            return pattern.find(self.text).unwrap_or_default();
        }
        let (found, more) = pattern.find(self.folded()).unwrap_or_default();
        let folded = self.folded.as_ref();
        let mut ranges: Vec<(usize, usize)> =
            found.into_iter().filter_map(|(start, end)| folded?.original(start, end)).collect();
        // Two matches inside what one character folds to (`s` twice in `ß`) are one range.
        ranges.dedup();
        (ranges, more)
    }

    /// The matches of every pattern of a document that `prefilter` (made from the same
    /// patterns, in the same order) leaves in, for the patterns that match.
    pub fn find_all<'p>(
        &mut self,
        prefilter: &Prefilter,
        patterns: impl IntoIterator<Item = (Option<&'p CompiledPattern>, bool)>,
    ) -> Vec<PatternMatches> {
        let wanted = prefilter.candidates(self);
        let mut found = Vec::new();
        for (index, (pattern, raw)) in patterns.into_iter().enumerate() {
            let Some(pattern) = pattern.filter(|_| wanted.get(index) == Some(&true)) else { continue };
            let (ranges, more) = self.find(pattern, raw);
            if !ranges.is_empty() {
                found.push(PatternMatches { index, ranges, more });
            }
        }
        found
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
        // Where each literal is in its list, so that a document's thousands of literals are
        // merged in linear time.
        let mut places: [std::collections::HashMap<Vec<u8>, usize>; 2] = Default::default();
        for (index, (compiled, raw)) in patterns.into_iter().enumerate() {
            let found = compiled.and_then(CompiledPattern::literals);
            always.push(found.is_none());
            reads_raw.push(raw);
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            let (list, place) = (&mut literals[usize::from(raw)], &mut places[usize::from(raw)]);
            for literal in found.into_iter().flatten() {
                match place.get(literal) {
                    Some(&at) => list.get_mut(at).into_iter().for_each(|(_, owners)| owners.push(index)),
                    None => {
                        place.insert(literal.clone(), list.len());
                        list.push((literal.clone(), vec![index]));
                    }
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
    use regex_syntax::hir::{
        Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Literal, Look,
        Repetition,
    };

    use super::{CompiledPattern, PatternError, MAX_DFA_BYTES, MAX_PATTERN_BYTES};

    impl CompiledPattern {
        /// Compiles `pattern`; `folded` for the folded text (case-insensitive), `!folded` for
        /// `"raw": true`.
        pub fn compile(pattern: &str, folded: bool) -> Result<Self, PatternError> {
            if pattern.len() > MAX_PATTERN_BYTES {
                return Err(PatternError::TooLong(pattern.len()));
            }
            // A folded pattern is parsed as written and then folded as the text is (`prepare`),
            // which makes it ignore case: `ẞ` and `ß` fold to `ss` where a case-insensitive
            // parse would keep them a class that matches nothing in folded text.
            let hir = regex_syntax::ParserBuilder::new().nest_limit(64).build().parse(pattern).map_err(syntax_error)?;
            // Checked as written and as folded: a part that folds to nothing (`\x{200B}`, a
            // lone mark) leaves an empty or impossible pattern.
            let hir = [hir.clone(), prepare(&hir, folded)];
            for hir in &hir {
                match hir.properties().minimum_len() {
                    Some(0) => return Err(PatternError::MatchesEmpty),
                    None => return Err(PatternError::NeverMatches),
                    Some(_) => {}
                }
            }
            let [_, hir] = hir;
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
                    .minimize(false)
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

        /// The forward and the reverse DFA as serialised, for the blob ([`Self::from_bytes`]).
        pub fn to_bytes(&self) -> (Vec<u8>, Vec<u8>) {
            let bytes = |dfa: &regex_automata::dfa::dense::DFA<Vec<u32>>| {
                let (bytes, pad) = dfa.to_bytes_little_endian();
                bytes.get(pad..).map(<[u8]>::to_vec).unwrap_or_default()
            };
            (bytes(self.regex.forward()), bytes(self.regex.reverse()))
        }
    }

    /// A small set of literals one of which starts (or else ends) every match, in the text the
    /// pattern reads, for the [`super::Prefilter`]; `None` when there is none. A folded pattern is
    /// matched without case against lowercase text: its literals are taken from the pattern as
    /// written (case-sensitive, so `VX` gives one literal, not four) and folded as the text is,
    /// and only ASCII ones are used (a non-ASCII letter's case forms are the folded text's
    /// business).
    fn required_literals(pattern: &str, folded: bool) -> Option<Vec<Vec<u8>>> {
        let hir = regex_syntax::ParserBuilder::new().nest_limit(64).build().parse(pattern).ok()?;
        [ExtractKind::Prefix, ExtractKind::Suffix].into_iter().find_map(|kind| {
            let mut extractor = Extractor::new();
            extractor.kind(kind).limit_total(super::MAX_LITERALS).limit_literal_len(32);
            let seq = extractor.extract(&hir);
            let found = seq.literals()?;
            if found.is_empty() || found.iter().any(|l| l.as_bytes().is_empty()) {
                return None;
            }
            if folded && found.iter().any(|l| !l.as_bytes().is_ascii()) {
                return None;
            }
            let fold = |bytes: &[u8]| {
                let mut out = String::new();
                bytes.iter().for_each(|&b| crate::folded_text::fold_char(char::from(b), &mut out));
                out.into_bytes()
            };
            let mut literals: Vec<Vec<u8>> =
                found.iter().map(|l| if folded { fold(l.as_bytes()) } else { l.as_bytes().to_vec() }).collect();
            if literals.iter().any(Vec::is_empty) {
                return None;
            }
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

    /// `hir` made ready for the DFA: every Unicode word boundary an ASCII one (see the module's
    /// docs), and, for the folded text, its literals and classes folded as the text is, so that
    /// what folding changes in a text is not dead in a pattern (`東京` matches `東京`, read
    /// `东京`; `\d` is `[0-9]`, which is all the digits the folded text has). The parser's nest
    /// limit bounds the recursion.
    fn prepare(hir: &Hir, folded: bool) -> Hir {
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
            HirKind::Literal(Literal(bytes)) if folded => match std::str::from_utf8(bytes) {
                Ok(text) => {
                    let mut out = String::with_capacity(text.len());
                    text.chars().for_each(|c| crate::folded_text::fold_char(c, &mut out));
                    Hir::literal(out.into_bytes())
                }
                Err(_) => hir.clone(),
            },
            HirKind::Class(Class::Unicode(class)) if folded => fold_class(class),
            HirKind::Class(Class::Bytes(class)) if folded => Hir::class(Class::Bytes(fold_bytes(class))),
            HirKind::Repetition(r) => {
                Hir::repetition(Repetition { sub: Box::new(prepare(&r.sub, folded)), ..r.clone() })
            }
            HirKind::Capture(c) => Hir::capture(Capture { sub: Box::new(prepare(&c.sub, folded)), ..c.clone() }),
            HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| prepare(h, folded)).collect()),
            HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(|h| prepare(h, folded)).collect()),
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => hir.clone(),
        }
    }

    /// Classes of at most this many members turn members that fold to several characters into
    /// alternatives ([`fold_class`]).
    const MULTI_FOLD_CLASS_LIMIT: usize = 64;

    /// A class as the folded text has it. A class of at most half of Unicode is what its
    /// members fold to: `[A-Z]` is `[a-z]`, `\d` is `[0-9]` (all the digits the folded text has),
    /// `[東京]` is `[东京]`, and a member that folds to several characters (`ß`, in `(?i)ß`'s
    /// `[ßẞ]`) becomes an alternative (`ss`). A larger class is the negation of a smaller one
    /// (`[^Y]`, `.`, `\W`): it is everything but what the smaller one folds to, so `[^Y]` does not
    /// match the `y` that `Y` is read as. Members that fold to nothing (marks, invisible
    /// characters) match nothing, as the text holds none.
    fn fold_class(class: &ClassUnicode) -> Hir {
        let size: usize = class.ranges().iter().map(|r| r.len()).sum();
        let negated = size > 0x10_FFFF / 2;
        let mut members = class.clone();
        if negated {
            members.negate();
        }
        let mut single = Vec::new();
        let mut several: Vec<String> = Vec::new();
        let mut out = String::new();
        for c in members.ranges().iter().flat_map(|r| r.start()..=r.end()) {
            out.clear();
            crate::folded_text::fold_char(c, &mut out);
            let mut chars = out.chars();
            match (chars.next(), chars.next()) {
                (Some(f), None) => single.push(ClassUnicodeRange::new(f, f)),
                // Only for a small class (`(?i)ß`'s `[ßẞ]`): in a large one (`\w`) the letters
                // they fold to are members anyway, and hundreds of alternatives would swell the
                // automaton.
                (Some(_), Some(_)) if size <= MULTI_FOLD_CLASS_LIMIT && !several.contains(&out) => {
                    several.push(out.clone())
                }
                _ => {}
            }
        }
        // The members' image, or the members and their image: the same on folded text (folding
        // is idempotent: a character the text holds is its own fold), so the one with fewer
        // ranges, the smaller automaton (`\d`: the image; `\p{Han}`: with the members).
        let image = ClassUnicode::new(single);
        let mut with_members = members.clone();
        with_members.union(&image);
        let mut image = if image.ranges().len() <= with_members.ranges().len() { image } else { with_members };
        if negated {
            // Everything but what the excluded characters fold to.
            image.negate();
            return Hir::class(Class::Unicode(image));
        }
        if several.is_empty() {
            return Hir::class(Class::Unicode(image));
        }
        // An empty class among the alternatives would make the whole impossible.
        let class = (!image.ranges().is_empty()).then(|| Hir::class(Class::Unicode(image)));
        Hir::alternation(class.into_iter().chain(several.into_iter().map(|s| Hir::literal(s.into_bytes()))).collect())
    }

    /// A byte class (`(?-u:[A-Z])`) as the folded text has it: ASCII letters lowercase, ASCII
    /// control characters but white space gone; other bytes as they are.
    fn fold_bytes(class: &ClassBytes) -> ClassBytes {
        let bytes = class.ranges().iter().flat_map(|r| r.start()..=r.end());
        let folded = bytes.filter(|b| !b.is_ascii_control() || b.is_ascii_whitespace()).map(|b| b.to_ascii_lowercase());
        ClassBytes::new(folded.map(|b| ClassBytesRange::new(b, b)))
    }
}

#[cfg(all(test, feature = "compile-patterns"))]
mod tests {
    use super::*;

    /// The matches in `text` as the decision finds them: folded (unless `!folded`, raw), in
    /// the text's bytes.
    fn spans(pattern: &str, folded: bool, text: &str) -> Vec<(usize, usize)> {
        let p = CompiledPattern::compile(pattern, folded).expect("compiles");
        PatternText::new(text).find(&p, !folded).0
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
    fn a_folded_pattern_means_what_its_characters_fold_to() {
        // The text is folded; so is the pattern: nothing folding changes is dead in a pattern.
        for (pattern, text) in [
            ("東京", "東京"),
            ("东京", "東京"),
            ("微信號", "微信号"),
            ("カジノ", "カジノ"),
            ("señor", "SEÑOR"),
            ("naïve", "naïve"),
            ("καζίνο", "ΚΑΖΊΝΟ"),
            ("straße", "STRASSE"),
            ("ｖｘ", "vx"),
            ("ﬁre", "fire"),
            ("[東京]{2}", "东京"),
            (r"1[3-9]\d{9}", "１３８００１３８０００"),
        ] {
            assert_eq!(spans(pattern, true, text).len(), 1, "{pattern} in {text}");
        }
    }

    #[test]
    fn classes_large_negated_case_insensitive_and_of_bytes_are_folded_too() {
        let matches = |pattern: &str, text: &str| !spans(pattern, true, text).is_empty();
        // A large class keeps its uppercase and Traditional members (read lowercase, Simplified).
        assert!(matches(r"^[0-9A-Z\x{4e00}-\x{9fa5}]{3}$", "ABC"));
        assert!(matches(r"^[A-Z\p{Han}]{3}$", "a東b"));
        assert!(matches(r"^(?:\p{Lu}|\p{Han}){3}$", "XYZ"));
        // A negated class excludes what its members are read as.
        assert!(!matches("x[^Y]", "xY"));
        assert!(!matches("x[^Y]", "xy"));
        assert!(matches("x[^Y]", "xz"));
        assert!(!matches("x[^東]", "x東"));
        assert!(!matches("^[^A-Z]+$", "abc"));
        assert!(matches("^[^A-Z]+$", "123"));
        // (?i) with letters that fold to several characters.
        assert!(matches("(?i)straße", "STRASSE"));
        assert!(matches("(?i)straße", "straße"));
        assert!(matches("(?i)ǆ", "ǅ"));
        // Byte classes.
        assert!(matches("(?-u:[A-Z])x", "Ax"));
    }

    #[test]
    fn a_pattern_whose_parts_fold_to_nothing_is_refused() {
        let err = |p: &str| CompiledPattern::compile(p, true).err();
        assert_eq!(err(r"vx|\x{200B}"), Some(PatternError::MatchesEmpty));
        assert_eq!(err(r"ab|\x01"), Some(PatternError::MatchesEmpty));
        assert_eq!(err(r"\x{200B}+"), Some(PatternError::MatchesEmpty));
        // Raw patterns read the text as sent: there they are fine.
        assert!(CompiledPattern::compile(r"vx|\x{200B}", false).is_ok());
    }

    #[test]
    fn digits_in_a_folded_pattern_are_ascii_digits_and_small() {
        // `\d` is Unicode's 680 digits; the folded text has only ASCII ones: the smaller class.
        let unicode = CompiledPattern::compile(r"\d{3}-?\d{4}", false).expect("compiles");
        let folded = CompiledPattern::compile(r"\d{3}-?\d{4}", true).expect("compiles");
        let size = |p: &CompiledPattern| p.heap_bytes();
        assert!(size(&folded) * 10 < size(&unicode), "{} vs {}", size(&folded), size(&unicode));
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
        let (forward_bytes, reverse_bytes) = p.to_bytes();
        let mut forward = vec![7u8];
        forward.extend_from_slice(&forward_bytes);
        let loaded = CompiledPattern::from_bytes(&forward[1..], &reverse_bytes, None).expect("loads");
        let text = "hi 加vx:alice_88 ok";
        assert_eq!(loaded.find(text), p.find(text));
        assert_eq!(p.find(text).expect("searches").0.len(), 1);
    }

    #[test]
    fn corrupt_bytes_are_an_error() {
        let p = CompiledPattern::compile("abc", true).expect("compiles");
        let (forward, reverse) = p.to_bytes();
        let mut bytes = forward.clone();
        let n = bytes.len();
        bytes.truncate(n / 2);
        assert!(CompiledPattern::from_bytes(&bytes, &reverse, None).is_err());
        assert!(CompiledPattern::from_bytes(b"", b"", None).is_err());
        let whole = &forward;
        assert!(CompiledPattern::from_bytes(whole, &reverse, Some(vec![Vec::new()])).is_err(), "an empty literal");
        assert!(CompiledPattern::from_bytes(whole, &reverse, Some(Vec::new())).is_err(), "no literal at all");

        // Two DFAs each valid alone but from different patterns: an error when searched, not a
        // panic (the blob's digest refuses them before that).
        let other = CompiledPattern::compile("xyz", true).expect("compiles");
        let mixed = CompiledPattern::from_bytes(&forward, &other.to_bytes().1, None).expect("each DFA is valid");
        assert!(mixed.find("say abc").is_err());
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
        let p = CompiledPattern::compile("[a-z]*x|a", false).expect("compiles");
        assert!(p.find(&text).expect("searches").1, "more than the bound");
        assert!(!p.find(&"a".repeat(MAX_HITS_PER_PATTERN)).expect("searches").1, "exactly the bound");
    }
}
