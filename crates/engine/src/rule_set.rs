//! A rule document compiled for matching: built once per document version and reused for
//! every callback until the document changes, and storable as a precompiled blob
//! ([`RuleSet::to_blob`]) that a cold isolate loads instead of compiling a large document.

use crate::sender_behaviour::Behaviour;
use sha2::{Digest, Sha256};

use timgate_matcher::{BuildError, Matcher, MatcherBuilder, Segmenter};

use crate::blob_codec::{BlobError, Reader, Writer};
use crate::contacts::ContactFinder;
use crate::links::LinkFinder;
use crate::patterns::{CompiledPattern, Prefilter};
use crate::rule_document::{Action, ContactsRule, DocumentError, LinksRule, Mode, PatternRule, RuleDocument, Scopes};
pub use crate::term_table::RuleTerm;
use crate::term_table::TermTable;

/// First bytes of every precompiled rule blob.
const BLOB_MAGIC: &[u8; 8] = b"TGRULES\0";
/// Version of the blob layout; bump when [`RuleSet::to_blob`] changes. The matchers inside carry
/// their own format, normaliser revision and Unicode tables fingerprint (`timgate-matcher`).
const BLOB_FORMAT: u32 = 10;

/// A compiled rule document.
#[derive(Debug, Clone)]
pub struct RuleSet {
    version: String,
    mode: Mode,
    mask_char: Option<char>,
    terms: TermTable,
    matcher: Matcher,
    allow: Matcher,
    links: Option<LinksCheck>,
    contacts: Option<ContactsCheck>,
    scopes: Scopes,
    /// Sender behaviour (`flood`, `slow_mode_seconds`, `repeat`, `strikes`, `exempt`).
    behaviour: Behaviour,
    patterns: Vec<PatternCheck>,
    /// Which patterns a message may match ([`Prefilter`]).
    prefilter: Prefilter,
}

/// One entry of the document's `patterns`, ready to search when it is compiled.
#[derive(Debug, Clone)]
pub struct PatternCheck {
    /// As the document has it.
    pub rule: PatternRule,
    /// Its DFAs; `None` in a worker that compiled the document without its blob (the worker
    /// cannot compile a pattern: [`crate::patterns`]).
    pub compiled: Option<CompiledPattern>,
}

/// The document's `links` check, ready to search.
#[derive(Debug, Clone)]
pub struct LinksCheck {
    /// As the document has it.
    pub rule: LinksRule,
    /// Built from it.
    pub finder: LinkFinder,
}

impl LinksCheck {
    fn new(rule: &LinksRule) -> Self {
        LinksCheck { finder: LinkFinder::new(&rule.allow_domains, &rule.tlds), rule: rule.clone() }
    }
}

/// The document's `contacts` check, ready to search.
#[derive(Debug, Clone)]
pub struct ContactsCheck {
    /// As the document has it.
    pub rule: ContactsRule,
    /// Built from it.
    pub finder: ContactFinder,
}

impl ContactsCheck {
    fn new(rule: &ContactsRule) -> Self {
        ContactsCheck { finder: ContactFinder::new(&rule.kinds), rule: rule.clone() }
    }
}

/// Dictionaries that only the rules tool holds, for compiling a document as `push` stores it.
#[derive(Clone, Default)]
pub struct Dictionaries {
    /// The Chinese words the document's CJK terms may straddle.
    pub segmenter: Option<Segmenter>,
    /// Ordinary words (lowercase): readings of a term that are one are not looked for
    /// ([`timgate_matcher::MatcherBuilder::words`]); ordered, so that the words a prefix term's
    /// reading begins are found too ([`timgate_matcher::MatcherBuilder::word_beginnings`]).
    pub words: Option<std::sync::Arc<std::collections::BTreeSet<String>>>,
    /// Other spellings of a term, matched as the term
    /// ([`timgate_matcher::MatcherBuilder::spellings`]): the rules tool's Chinese terms with a
    /// character written as its two parts.
    pub spellings: Option<std::sync::Arc<Spellings>>,
}

/// Other spellings of a term ([`Dictionaries::spellings`]).
pub use timgate_matcher::matcher::Spellings;

impl std::fmt::Debug for Dictionaries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionaries")
            .field("segmenter", &self.segmenter.as_ref().map(|s| s.words().len()))
            .field("words", &self.words.as_ref().map(|w| w.len()))
            .field("spellings", &self.spellings.is_some())
            .finish()
    }
}

impl RuleSet {
    /// Parses and compiles a document as stored in KV. The version is derived from the bytes,
    /// so the same document always has the same version.
    pub fn from_json(text: &str) -> Result<Self, DocumentError> {
        Self::compile(&RuleDocument::parse(text)?, document_version(text))
    }

    /// Compiles a parsed document. Fails when a term has nothing to match once normalised.
    pub fn compile(doc: &RuleDocument, version: String) -> Result<Self, DocumentError> {
        Self::compile_with(doc, version, None)
    }

    /// Compiles a parsed document; `segmenter` holds the dictionary words its CJK terms may
    /// straddle (the rules tool selects them from jieba's dictionary; see
    /// [`timgate_matcher::segmentation`]), so that a CJK term across two words is not reported.
    pub fn compile_with(
        doc: &RuleDocument,
        version: String,
        segmenter: Option<Segmenter>,
    ) -> Result<Self, DocumentError> {
        Self::compile_with_dictionaries(doc, version, Dictionaries { segmenter, words: None, spellings: None })
    }

    /// Compiles a parsed document with what only the rules tool has ([`Dictionaries`]); what they
    /// change is in the compiled matcher, and so in its blob.
    pub fn compile_with_dictionaries(
        doc: &RuleDocument,
        version: String,
        dictionaries: Dictionaries,
    ) -> Result<Self, DocumentError> {
        let Dictionaries { segmenter, words, spellings } = dictionaries;
        let mut terms = TermTable::default();
        for (action, _) in Action::LISTS {
            for entry in doc.terms(action) {
                terms.push(action, entry.term(), entry.code(), entry.info());
            }
        }
        let all_terms = Action::LISTS.iter().flat_map(|&(action, _)| doc.terms(action)).map(|entry| entry.term());
        let mut builder = MatcherBuilder::new().terms(all_terms);
        if let Some(segmenter) = segmenter {
            builder = builder.segmenter(segmenter);
        }
        if let Some(words) = words {
            let beginnings = std::sync::Arc::clone(&words);
            builder = builder.words(move |w| words.contains(w)).word_beginnings(move |prefix| {
                beginnings
                    .range::<str, _>((std::ops::Bound::Included(prefix), std::ops::Bound::Unbounded))
                    .next()
                    .is_some_and(|w| w.starts_with(prefix))
            });
        }
        if let Some(spellings) = spellings {
            builder = builder.spellings(move |term| spellings(term));
        }
        let matcher = builder.build().map_err(|e| match e {
            BuildError::NothingToMatch { index } | BuildError::TooLong { index } => {
                // Terms are numbered across the lists in `Action::LISTS` order; name the list.
                let mut index = index;
                let mut list = "block";
                for (action, name) in Action::LISTS {
                    let n = doc.terms(action).len();
                    list = name;
                    if index < n {
                        break;
                    }
                    index -= n;
                }
                document_error(&e, list, index)
            }
            BuildError::Automaton(e) => DocumentError::Compile(e),
        })?;
        let allow = MatcherBuilder::new().terms(doc.allow.iter()).build().map_err(|e| match e {
            BuildError::NothingToMatch { index } | BuildError::TooLong { index } => document_error(&e, "allow", index),
            BuildError::Automaton(e) => DocumentError::Compile(e),
        })?;
        let (mode, mask_char) = (doc.mode.unwrap_or_default(), doc.mask_char);
        let links = doc.links.as_ref().map(LinksCheck::new);
        let contacts = doc.contacts.as_ref().map(ContactsCheck::new);
        let patterns = compile_patterns(&doc.patterns)?;
        let prefilter = prefilter(&patterns);
        let scopes = doc.scopes.unwrap_or_default();
        let behaviour = doc.behaviour();
        Ok(Self {
            version,
            mode,
            mask_char,
            terms,
            matcher,
            allow,
            links,
            contacts,
            scopes,
            behaviour,
            patterns,
            prefilter,
        })
    }

    /// The compiled rule set as a precompiled blob, for KV key [`crate::kv_keys::compiled`]
    /// next to the document it was compiled from. A cold isolate that finds a blob made from the
    /// document's current version by this engine loads it ([`Self::from_blob`]) instead of
    /// compiling the document, which matters from about ten thousand terms on. The rules tool
    /// (`push`) writes it; `cargo run --release --example compile_rules -- rules.json` does too.
    ///
    /// Layout: magic, blob format, normaliser revision, Unicode version, fingerprint of the
    /// normalisation tables, document version, then the document's settings, terms and both
    /// compiled matchers.
    pub fn to_blob(&self) -> Vec<u8> {
        let mut out = Writer::default();
        write_header(&mut out, &self.version);
        out.u8(match self.mode {
            Mode::Enforce => 0,
            Mode::Monitor => 1,
        });
        out.u32(self.mask_char.map_or(u32::MAX, u32::from));
        self.terms.write(&mut out);
        out.bytes(&self.matcher.to_bytes());
        out.bytes(&self.allow.to_bytes());
        let links = self.links.as_ref().and_then(|l| serde_json::to_string(&l.rule).ok());
        out.opt_str(links.as_deref());
        let contacts = self.contacts.as_ref().and_then(|c| serde_json::to_string(&c.rule).ok());
        out.opt_str(contacts.as_deref());
        out.u8(scope_bits(self.scopes));
        let behaviour = (!self.behaviour.is_empty()).then(|| serde_json::to_string(&self.behaviour).ok()).flatten();
        out.opt_str(behaviour.as_deref());
        // Only compiled patterns can be stored; a rule set with uncompiled ones (the worker's)
        // makes no blob a worker would take for complete.
        out.length(self.patterns.len());
        for p in &self.patterns {
            out.str(&serde_json::to_string(&p.rule).unwrap_or_default());
            let compiled = p.compiled.as_ref();
            // Only a build that compiles patterns serialises them (the worker never writes a
            // blob); without, the pattern is written empty and a reader refuses the blob.
            #[cfg(feature = "compile-patterns")]
            let (forward, reverse) = compiled.map(CompiledPattern::to_bytes).unwrap_or_default();
            #[cfg(not(feature = "compile-patterns"))]
            let (forward, reverse) = (Vec::new(), Vec::new());
            out.raw(&pattern_digest(&forward, &reverse));
            out.bytes(&forward);
            out.bytes(&reverse);
            match compiled.and_then(CompiledPattern::literals) {
                None => out.u32(u32::MAX),
                Some(literals) => {
                    out.length(literals.len());
                    literals.iter().for_each(|l| out.bytes(l));
                }
            }
        }
        out.into_bytes()
    }

    /// Loads a blob made by [`Self::to_blob`], provided it was made by this engine (same format and
    /// normalisation) from the document whose version is `expected_version`
    /// ([`document_version`] of the document's bytes as stored). Anything else is an error, and the
    /// caller compiles the document instead: a stale blob is never used.
    pub fn from_blob(bytes: &[u8], expected_version: &str) -> Result<Self, BlobError> {
        let (mut input, version) = read_header(bytes)?;
        if version != expected_version {
            return Err(BlobError::StaleDocument { found: version.to_owned(), expected: expected_version.to_owned() });
        }
        let mode = match input.u8()? {
            0 => Mode::Enforce,
            1 => Mode::Monitor,
            _ => return Err(BlobError::Corrupt("mode")),
        };
        let mask_char = match input.u32()? {
            u32::MAX => None,
            c => Some(char::from_u32(c).ok_or(BlobError::Corrupt("mask_char"))?),
        };
        let terms = TermTable::read(&mut input)?;
        let matcher = Matcher::from_bytes(input.bytes()?).map_err(matcher_blob_error)?;
        let allow = Matcher::from_bytes(input.bytes()?).map_err(matcher_blob_error)?;
        let links = read_check(&mut input, "links", LinksCheck::new)?;
        let contacts = read_check(&mut input, "contacts", ContactsCheck::new)?;
        let scopes = scopes_from_bits(input.u8()?).ok_or(BlobError::Corrupt("scopes"))?;
        let behaviour = read_check(&mut input, "behaviour", |b: &Behaviour| b.clone())?.unwrap_or_default();
        let patterns = read_patterns(&mut input, bytes.len())?;
        if matcher.len() != terms.len() {
            return Err(BlobError::Corrupt("term count"));
        }
        if !input.is_empty() {
            return Err(BlobError::Corrupt("trailing bytes"));
        }
        let prefilter = prefilter(&patterns);
        Ok(Self {
            version: version.to_owned(),
            mode,
            mask_char,
            terms,
            matcher,
            allow,
            links,
            contacts,
            scopes,
            behaviour,
            patterns,
            prefilter,
        })
    }

    /// The compiled patterns of a blob this engine made from *any* version of a document: what a
    /// worker that cannot compile patterns takes from a stale blob ([`Self::adopt_patterns`]).
    pub fn patterns_in_blob(bytes: &[u8]) -> Result<Vec<PatternCheck>, BlobError> {
        let (mut input, _) = read_header(bytes)?;
        input.u8()?;
        input.u32()?;
        TermTable::read(&mut input)?;
        input.bytes()?;
        input.bytes()?;
        input.opt_str()?;
        input.opt_str()?;
        input.u8()?; // scopes
        input.opt_str()?; // behaviour
        read_patterns(&mut input, bytes.len())
    }

    /// Takes, for each of this document's uncompiled patterns, a compiled one with the same
    /// pattern and the same `raw` from `compiled` (the patterns of an earlier version's blob: a
    /// document edited by hand keeps the patterns it did not change). Returns how many it took.
    pub fn adopt_patterns(&mut self, compiled: &[PatternCheck]) -> usize {
        let mut taken = 0;
        for own in self.patterns.iter_mut().filter(|p| p.compiled.is_none()) {
            let same = |p: &&PatternCheck| p.rule.pattern == own.rule.pattern && p.rule.raw == own.rule.raw;
            if let Some(found) = compiled.iter().find(same).and_then(|p| p.compiled.clone()) {
                own.compiled = Some(found);
                taken += 1;
            }
        }
        self.prefilter = prefilter(&self.patterns);
        taken
    }

    /// Bytes of heap held by the compiled matchers and patterns (terms' texts not included).
    pub fn matcher_heap_bytes(&self) -> usize {
        let patterns: usize =
            self.patterns.iter().filter_map(|p| p.compiled.as_ref()).map(CompiledPattern::heap_bytes).sum();
        self.matcher.heap_bytes() + self.allow.heap_bytes() + patterns
    }

    /// A stable short identifier of the document this was compiled from.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Enforce or monitor.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The document's mask character, if it set one.
    pub fn mask_char(&self) -> Option<char> {
        self.mask_char
    }

    /// The term behind a match.
    pub fn term(&self, index: usize) -> Option<RuleTerm<'_>> {
        self.terms.get(index)
    }

    /// How many terms the document has.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the document has no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The compiled terms (a match's `term` is the index for [`Self::term`]).
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The compiled allowed words.
    pub fn allow_matcher(&self) -> &Matcher {
        &self.allow
    }

    /// The `links` check, when the document has one.
    pub fn links(&self) -> Option<&LinksCheck> {
        self.links.as_ref()
    }

    /// The document's `patterns`, in order.
    pub fn patterns(&self) -> &[PatternCheck] {
        &self.patterns
    }

    /// Which of the document's patterns a text may match.
    pub fn prefilter(&self) -> &Prefilter {
        &self.prefilter
    }

    /// How many of the document's patterns are not compiled, and so not looked for: a worker
    /// that read the document without its blob ([`crate::patterns`]).
    pub fn uncompiled_patterns(&self) -> usize {
        self.patterns.iter().filter(|p| p.compiled.is_none()).count()
    }

    /// The document's sender-behaviour fields.
    pub fn behaviour(&self) -> &Behaviour {
        &self.behaviour
    }

    /// What the document applies to besides messages (`scopes`).
    pub fn scopes(&self) -> Scopes {
        self.scopes
    }

    /// The `contacts` check, when the document has one.
    pub fn contacts(&self) -> Option<&ContactsCheck> {
        self.contacts.as_ref()
    }

    /// Term matches in `text`, ordered by position (allowed words are not applied here: see
    /// [`Self::allowed`]).
    pub fn find(&self, text: &str) -> Vec<timgate_matcher::Match> {
        let mut found: Vec<_> = self.matcher.find_iter(text).collect();
        found.sort_by_key(|m| (m.start, m.term, m.end));
        found
    }

    /// Byte ranges of `text` covered by this document's allowed words.
    pub fn allowed(&self, text: &str) -> Vec<(usize, usize)> {
        let mut found: Vec<(usize, usize)> = self.allow.find_iter(text).map(|m| (m.start, m.end)).collect();
        found.sort();
        found
    }
}

/// A check's rule as [`RuleSet::to_blob`] stores it (its JSON, or nothing), built by `build`.
fn read_check<R: serde::de::DeserializeOwned, C>(
    input: &mut Reader<'_>,
    what: &'static str,
    build: fn(&R) -> C,
) -> Result<Option<C>, BlobError> {
    match input.opt_str()? {
        Some(json) => serde_json::from_str(json).map(|rule| Some(build(&rule))).map_err(|_| BlobError::Corrupt(what)),
        None => Ok(None),
    }
}

/// The document's patterns compiled, where this build can compile them (the `compile-patterns`
/// feature: the rules tool and native builds); the worker's build leaves them uncompiled.
fn compile_patterns(rules: &[PatternRule]) -> Result<Vec<PatternCheck>, DocumentError> {
    #[cfg(feature = "compile-patterns")]
    let mut total = 0;
    rules
        .iter()
        .enumerate()
        .map(|(index, rule)| {
            #[cfg(feature = "compile-patterns")]
            let compiled = {
                let compiled = CompiledPattern::compile(&rule.pattern, !rule.raw)
                    .map_err(|error| DocumentError::Pattern { index, error })?;
                total += compiled.heap_bytes();
                if total > crate::patterns::MAX_DOCUMENT_PATTERN_BYTES {
                    let error = crate::patterns::PatternError::DocumentTooBig(total / 1024);
                    return Err(DocumentError::Pattern { index, error });
                }
                Some(compiled)
            };
            #[cfg(not(feature = "compile-patterns"))]
            let compiled = {
                let _ = index;
                None
            };
            Ok(PatternCheck { rule: rule.clone(), compiled })
        })
        .collect()
}

/// The first 8 bytes of SHA-256 over a pattern's two DFAs, as the blob stores them.
fn pattern_digest(forward: &[u8], reverse: &[u8]) -> [u8; 8] {
    let mut hash = Sha256::new();
    hash.update((forward.len() as u64).to_le_bytes());
    hash.update(forward);
    hash.update(reverse);
    let digest = hash.finalize();
    let mut out = [0; 8];
    out.copy_from_slice(&digest[..8]);
    out
}

fn prefilter(patterns: &[PatternCheck]) -> Prefilter {
    Prefilter::new(patterns.iter().map(|p| (p.compiled.as_ref(), p.rule.raw)))
}

/// Checks a blob's magic and engine, and returns the reader past the header with the version of
/// the document it was made from.
fn read_header(bytes: &[u8]) -> Result<(Reader<'_>, &str), BlobError> {
    let mut input = Reader::new(bytes);
    let magic = input.raw(BLOB_MAGIC.len()).map_err(|_| BlobError::NotABlob)?;
    if magic != BLOB_MAGIC {
        return Err(BlobError::NotABlob);
    }
    let mut expected = Writer::default();
    write_header(&mut expected, "");
    let engine = expected.into_bytes();
    // The engine part of the header: everything after the magic up to the version string.
    let engine = engine.get(BLOB_MAGIC.len()..engine.len() - 4).unwrap_or(&[]);
    if input.raw(engine.len())? != engine {
        return Err(BlobError::OtherEngine);
    }
    let version = input.str()?;
    Ok((input, version))
}

/// A blob's compiled patterns.
fn read_patterns(input: &mut Reader<'_>, blob_len: usize) -> Result<Vec<PatternCheck>, BlobError> {
    let count = input.length()?;
    // Each pattern takes at least 12 bytes (three lengths).
    let mut patterns = Vec::with_capacity(count.min(blob_len / 12));
    for _ in 0..count {
        let rule = serde_json::from_str(input.str()?).map_err(|_| BlobError::Corrupt("pattern"))?;
        let digest = input.raw(8)?;
        let (forward, reverse) = (input.bytes()?, input.bytes()?);
        // The DFAs are checked by their loader, but two DFAs each valid on its own may still
        // disagree (a reverse DFA from another pattern): the digest says they are the ones made.
        if digest != pattern_digest(forward, reverse) {
            return Err(BlobError::Corrupt("pattern digest"));
        }
        let literals = match input.u32()? {
            u32::MAX => None,
            count => {
                // Each literal takes at least 5 bytes.
                let mut literals = Vec::with_capacity((count as usize).min(blob_len / 5));
                for _ in 0..count {
                    literals.push(input.bytes()?.to_vec());
                }
                Some(literals)
            }
        };
        let compiled =
            CompiledPattern::from_bytes(forward, reverse, literals).map_err(|_| BlobError::Corrupt("pattern"))?;
        patterns.push(PatternCheck { rule, compiled: Some(compiled) });
    }
    Ok(patterns)
}

fn write_header(out: &mut Writer, version: &str) {
    out.raw(BLOB_MAGIC);
    out.u32(BLOB_FORMAT);
    out.u32(timgate_matcher::blob::NORMALIZER_REVISION);
    out.raw(&timgate_matcher::unicode_data::FINGERPRINT.to_le_bytes());
    out.str(version);
}

fn document_error(e: &BuildError, list: &'static str, index: usize) -> DocumentError {
    match e {
        BuildError::TooLong { .. } => DocumentError::TooLong { list, index },
        _ => DocumentError::Unmatchable { list, index },
    }
}

fn matcher_blob_error(e: timgate_matcher::BlobError) -> BlobError {
    match e {
        timgate_matcher::BlobError::OtherVersion => BlobError::OtherEngine,
        timgate_matcher::BlobError::Truncated => BlobError::Truncated,
        _ => BlobError::Corrupt("matcher"),
    }
}

/// `scopes` in one byte of the blob.
fn scope_bits(scopes: Scopes) -> u8 {
    u8::from(scopes.messages)
        | u8::from(scopes.group_profile) << 1
        | u8::from(scopes.join_requests) << 2
        | u8::from(scopes.friend_requests) << 3
}

fn scopes_from_bits(bits: u8) -> Option<Scopes> {
    (bits < 16).then_some(Scopes {
        messages: bits & 1 != 0,
        group_profile: bits & 2 != 0,
        join_requests: bits & 4 != 0,
        friend_requests: bits & 8 != 0,
    })
}

/// The first 12 hex digits of the SHA-256 of a document's bytes.
pub fn document_version(text: &str) -> String {
    version_from_sha256(&Sha256::digest(text.as_bytes())).unwrap_or_default()
}

/// A document's version (see [`document_version`]) from the SHA-256 of its bytes worked out
/// elsewhere: the worker asks the runtime's Web Crypto, native code, for it. `None` unless
/// `digest` has SHA-256's 32 bytes.
pub fn version_from_sha256(digest: &[u8]) -> Option<String> {
    (digest.len() == 32).then(|| hex::encode(&digest[..6]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_is_the_first_six_bytes_of_the_sha256_and_only_a_sha256_makes_one() {
        // The SHA-256 of "abc" (FIPS 180-2, appendix B.1), as Web Crypto would give it.
        let abc = hex::decode("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad").unwrap();
        assert_eq!(version_from_sha256(&abc).as_deref(), Some("ba7816bf8f01"));
        assert_eq!(document_version("abc"), "ba7816bf8f01");
        assert_eq!(version_from_sha256(&abc[..31]), None);
        assert_eq!(version_from_sha256(&[abc.clone(), vec![0]].concat()), None);
        assert_eq!(version_from_sha256(&[]), None);
    }

    #[cfg(feature = "compile-patterns")]
    #[test]
    fn patterns_travel_in_the_blob_and_a_later_version_adopts_the_unchanged_ones() {
        let doc =
            r#"{"patterns":[{"pattern":"v\\s*x","action":"block"},{"pattern":"abc","action":"mask","raw":true}]}"#;
        let set = RuleSet::from_json(doc).unwrap();
        let blob = set.to_blob();
        let loaded = RuleSet::from_blob(&blob, set.version()).unwrap();
        assert_eq!(loaded.patterns().len(), 2);
        assert_eq!(loaded.uncompiled_patterns(), 0);
        assert!(loaded.patterns()[1].rule.raw);

        // A later version, as the worker compiles it (patterns uncompiled): the first pattern
        // is unchanged, the second is now folded rather than raw, the third is new.
        let later = r#"{"block":["x"],"patterns":[{"pattern":"v\\s*x","action":"review"},{"pattern":"abc","action":"mask"},{"pattern":"new","action":"block"}]}"#;
        let mut worker = RuleSet::from_json(later).unwrap();
        worker.patterns.iter_mut().for_each(|p| p.compiled = None);
        assert!(matches!(RuleSet::from_blob(&blob, worker.version()), Err(BlobError::StaleDocument { .. })));
        let earlier = RuleSet::patterns_in_blob(&blob).unwrap();
        assert_eq!(worker.adopt_patterns(&earlier), 1);
        assert_eq!(worker.uncompiled_patterns(), 2);
        assert!(worker.patterns()[0].compiled.is_some());

        // Damaged bytes are an error, not a panic.
        for cut in [blob.len() - 1, blob.len() / 2, 20] {
            assert!(RuleSet::patterns_in_blob(&blob[..cut]).is_err());
        }
    }

    #[test]
    fn compiles_every_list_in_strength_order() {
        let set = RuleSet::from_json(
            r#"{"review":["r"],"mask":["m"],"block":[{"term":"b","code":10101,"info":"no"}],"discard":["d"]}"#,
        )
        .unwrap();
        let actions: Vec<Action> = (0..set.len()).map(|i| set.term(i).unwrap().action).collect();
        assert_eq!(actions, [Action::Block, Action::Discard, Action::Mask, Action::Review]);
        assert_eq!(set.term(0).unwrap().code, Some(10101));
        assert_eq!(set.find("the m word").len(), 1);
    }

    #[test]
    fn version_follows_the_bytes() {
        let a = RuleSet::from_json(r#"{"block":["x"]}"#).unwrap();
        let b = RuleSet::from_json(r#"{"block":["x"]}"#).unwrap();
        let c = RuleSet::from_json(r#"{"block":["y"]}"#).unwrap();
        assert_eq!(a.version(), b.version());
        assert_ne!(a.version(), c.version());
        assert_eq!(a.version().len(), 12);
    }

    #[test]
    fn unmatchable_terms_name_their_list() {
        let e = RuleSet::from_json(r#"{"block":["a"],"mask":["b","..."]}"#).unwrap_err();
        assert_eq!(e.to_string(), "mask[1]: the term has no letter, digit, CJK character or emoji to match");
        let e = RuleSet::from_json(r#"{"allow":["ok","\u200b"]}"#).unwrap_err();
        assert!(e.to_string().starts_with("allow[1]"), "{e}");
    }

    #[test]
    fn blob_round_trip() {
        let json = r##"{"block":[{"term":"bad","code":10101,"info":"no"}],"mask":["傻逼"],"allow":["badminton"],"mask_char":"#","mode":"monitor"}"##;
        let set = RuleSet::from_json(json).unwrap();
        let blob = set.to_blob();
        let back = RuleSet::from_blob(&blob, &document_version(json)).unwrap();
        assert_eq!(back.version(), set.version());
        assert_eq!((back.mode(), back.mask_char()), (Mode::Monitor, Some('#')));
        let block = RuleTerm { action: Action::Block, text: "bad", code: Some(10101), info: Some("no") };
        assert_eq!((set.term(0), back.term(0)), (Some(block), Some(block)));
        let mask = RuleTerm { action: Action::Mask, text: "傻逼", code: None, info: None };
        assert_eq!((set.term(1), back.term(1)), (Some(mask), Some(mask)));
        assert_eq!(back.term(2), None);
        let text = "b.a.d 傻逼 badminton";
        assert_eq!(back.find(text), set.find(text));
        assert_eq!(back.allowed(text), set.allowed(text));
        assert_eq!(blob, back.to_blob(), "deterministic");
    }

    #[test]
    fn sender_behaviour_travels_in_the_blob() {
        let json = r#"{"block":["bad"],"flood":{"messages":5,"seconds":10,"code":10121},"slow_mode_seconds":3,"repeat":{"messages":3,"seconds":60},"strikes":{"count":3,"seconds":600,"mute_seconds":3600},"exempt":{"accounts":["admin"]}}"#;
        let set = RuleSet::from_json(json).unwrap();
        assert!(set.behaviour().needs_state() && set.behaviour().slow_mode() == 3);
        let back = RuleSet::from_blob(&set.to_blob(), &document_version(json)).unwrap();
        assert_eq!(back.behaviour(), set.behaviour());
        let plain = RuleSet::from_json(r#"{"block":["bad"]}"#).unwrap();
        assert!(plain.behaviour().is_empty());
        let back = RuleSet::from_blob(&plain.to_blob(), &document_version(r#"{"block":["bad"]}"#)).unwrap();
        assert!(back.behaviour().is_empty());
    }

    #[test]
    fn blobs_that_must_not_be_used() {
        let json = r#"{"block":["bad"]}"#;
        let blob = RuleSet::from_json(json).unwrap().to_blob();
        let stale = RuleSet::from_blob(&blob, "000000000000").unwrap_err();
        assert!(matches!(stale, BlobError::StaleDocument { .. }), "{stale}");
        assert_eq!(RuleSet::from_blob(b"{\"block\":[]}", "x").unwrap_err(), BlobError::NotABlob);
        let mut other_engine = blob.clone();
        other_engine[8] ^= 1;
        assert_eq!(RuleSet::from_blob(&other_engine, &document_version(json)).unwrap_err(), BlobError::OtherEngine);
        for cut in (0..blob.len()).step_by(blob.len() / 300 + 1) {
            assert!(RuleSet::from_blob(&blob[..cut], &document_version(json)).is_err(), "cut at {cut}");
        }
        let mut longer = blob.clone();
        longer.push(0);
        assert!(RuleSet::from_blob(&longer, &document_version(json)).is_err());
    }

    #[test]
    fn allow_ranges() {
        let set = RuleSet::from_json(r#"{"block":["cunt"],"allow":["scunthorpe"]}"#).unwrap();
        assert_eq!(set.allowed("in Scunthorpe"), [(3, 13)]);
    }
}
