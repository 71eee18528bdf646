//! A compiled matcher as bytes, so that a large term list is compiled once (by a tool) and loaded
//! where it is used. Loading never trusts the bytes: every length is checked, the automata are
//! validated by `daachorse`, the tables are checked for consistency, and every lookup during a
//! search is checked again, so a damaged blob is refused or finds less, and never panics. A
//! checksum over all the bytes before it (format 7, 2026-12-05) refuses a damaged blob before
//! any of that: `daachorse` checks an automaton's bounds, not its failure links, and one flipped
//! bit there made a search loop for ever (`tests/rule_blob_properties.rs` found it). The checksum
//! finds damage, not forgery: bytes crafted to match it are trusted as the tool's own.
//!
//! Layout (little-endian): magic `TGMATCH\0`, format, normaliser revision, Unicode tables
//! fingerprint, term count, the aliases (format 9: count, then each one's term, as u32s: an
//! index past the terms is the spelling of a term with emoji it has not), the three automata (main, emoji, spelled; each: present flag, daachorse bytes whose values
//! are a key's first pattern, patterns, run counts shared between patterns), the segmenter's
//! words (one string, then each word's end and cost), the spaceless-script letters side by side
//! in a main key (those of the Basic Multilingual Plane: count, then two u16s each; the others:
//! count, then two u32s each; each part ascending), the terms of one
//! character matched only as written (count, then each term's index and character, as u32s, by
//! index), the terms that mix emoji and text (format 8, the sixteenth session: count, then each
//! term's or alias's index and its emoji before, among and after its text, each a count and
//! u32s, by index), and the checksum (two u64s, `checksum`).

use std::fmt;
use std::sync::Arc;

use daachorse::{CharwiseDoubleArrayAhoCorasick, MatchKind};

use crate::matcher::{Automaton, IdeoPairs, Inner, Matcher, PatternEntry, LAST_OF_KEY};
use crate::pattern::EmojiParts;
use crate::segmentation::Segmenter;

const MAGIC: &[u8; 8] = b"TGMATCH\0";
/// Layout version of this module's bytes.
const FORMAT: u32 = 9;
/// Revision of the normaliser's rules (`normalize.rs`, `pattern.rs`, `encoding.rs`, `leet.rs`,
/// `reading_order.rs`): bump it whenever a change makes any text or term read differently.
pub const NORMALIZER_REVISION: u32 = 68;

/// Why bytes are not a matcher this build can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlobError {
    /// The bytes end early.
    Truncated,
    /// Not a matcher blob.
    NotABlob,
    /// Made by a build with another format, normaliser or Unicode tables.
    OtherVersion,
    /// A value that cannot be right.
    Corrupt(&'static str),
}

impl fmt::Display for BlobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlobError::Truncated => f.write_str("matcher blob is truncated"),
            BlobError::NotABlob => f.write_str("not a matcher blob"),
            BlobError::OtherVersion => f.write_str("matcher blob was made by another version of the matcher"),
            BlobError::Corrupt(what) => write!(f, "matcher blob is corrupt: {what}"),
        }
    }
}

impl std::error::Error for BlobError {}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        for &x in v {
            self.u32(x);
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BlobError> {
        if n > self.0.len() {
            return Err(BlobError::Truncated);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, BlobError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, BlobError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, BlobError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, BlobError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    /// A length, which cannot exceed what is left divided by `unit` bytes per item.
    fn len(&mut self, unit: usize) -> Result<usize, BlobError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(unit) > self.0.len() {
            return Err(BlobError::Truncated);
        }
        Ok(n)
    }
    fn bytes(&mut self) -> Result<&'a [u8], BlobError> {
        let n = self.len(1)?;
        self.take(n)
    }
    fn u32s(&mut self) -> Result<Vec<u32>, BlobError> {
        let n = self.len(4)?;
        let words = self.take(n * 4)?.chunks_exact(4);
        Ok(words.map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]])).collect())
    }
}

impl Matcher {
    /// The matcher as bytes ([`Matcher::from_bytes`] reads them back).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.0.extend_from_slice(MAGIC);
        w.u32(FORMAT);
        w.u32(NORMALIZER_REVISION);
        w.u64(crate::unicode_data::FINGERPRINT);
        w.len(self.inner.terms);
        w.len(self.inner.aliases.len());
        for &term in &self.inner.aliases {
            w.u32(term);
        }
        for automaton in self.inner.automata() {
            match automaton {
                None => w.u8(0),
                Some(a) => {
                    w.u8(1);
                    w.bytes(&a.ac.serialize());
                    w.len(a.patterns.len());
                    for p in &a.patterns {
                        w.u32(p.term);
                        w.u32(p.counts_at);
                        w.u16(p.len);
                        w.u16(p.key_len);
                        w.u8(p.flags);
                    }
                    w.u32s(&a.counts);
                }
            }
        }
        let (text, ends) = self.inner.segmenter.text_and_ends();
        w.len(ends.len());
        w.bytes(text.as_bytes());
        for &(end, cost) in ends {
            w.u32(end);
            w.u16(cost);
        }
        // Most pairs are of the Basic Multilingual Plane: two u16s each; the rest two u32s.
        let bmp = |&&(a, b): &&(char, char)| u16::try_from(u32::from(a)).is_ok() && u16::try_from(u32::from(b)).is_ok();
        let pairs = &self.inner.ideo_pairs.pairs;
        w.len(pairs.iter().filter(bmp).count());
        for &(a, b) in pairs.iter().filter(bmp) {
            w.u16(u32::from(a) as u16);
            w.u16(u32::from(b) as u16);
        }
        w.len(pairs.iter().filter(|p| !bmp(p)).count());
        for &(a, b) in pairs.iter().filter(|p| !bmp(p)) {
            w.u32(u32::from(a));
            w.u32(u32::from(b));
        }
        w.len(self.inner.written.len());
        for &(term, c) in &self.inner.written {
            w.u32(term);
            w.u32(u32::from(c));
        }
        w.len(self.inner.emoji_parts.len());
        for (term, parts) in &self.inner.emoji_parts {
            w.u32(*term);
            for emoji in [&parts.before, &parts.inside, &parts.after] {
                w.len(emoji.len());
                for &c in emoji {
                    w.u32(u32::from(c));
                }
            }
        }
        let sum = checksum(&w.0);
        w.0.extend_from_slice(&sum);
        w.0
    }

    /// Reads a matcher written by [`Matcher::to_bytes`] of this build (same format, normaliser
    /// and Unicode tables); anything else is an error, and the caller compiles the terms instead.
    pub fn from_bytes(bytes: &[u8]) -> Result<Matcher, BlobError> {
        let mut r = Reader(bytes);
        if r.take(MAGIC.len()).map_err(|_| BlobError::NotABlob)? != MAGIC {
            return Err(BlobError::NotABlob);
        }
        if r.u32()? != FORMAT || r.u32()? != NORMALIZER_REVISION || r.u64()? != crate::unicode_data::FINGERPRINT {
            return Err(BlobError::OtherVersion);
        }
        let body = bytes.len().checked_sub(CHECKSUM_BYTES).ok_or(BlobError::Truncated)?;
        let (covered, sum) = bytes.split_at(body);
        if sum != checksum(covered) {
            return Err(BlobError::Corrupt("checksum"));
        }
        let rest = r.0.len().checked_sub(CHECKSUM_BYTES).ok_or(BlobError::Truncated)?;
        let mut r = Reader(r.0.get(..rest).ok_or(BlobError::Truncated)?);
        let terms = r.u32()? as usize;
        let n = r.len(4)?;
        let mut aliases: Vec<u32> = Vec::with_capacity(n);
        for _ in 0..n {
            let term = r.u32()?;
            if term as usize >= terms {
                return Err(BlobError::Corrupt("alias"));
            }
            aliases.push(term);
        }
        // A pattern's index is a term's or an alias's.
        let indices = terms + aliases.len();
        let mut automata = [None, None, None];
        for slot in &mut automata {
            *slot = match r.u8()? {
                0 => None,
                1 => Some(read_automaton(&mut r, indices)?),
                _ => return Err(BlobError::Corrupt("automaton tag")),
            };
        }
        let n = r.len(WORD_BYTES)?;
        let text = std::str::from_utf8(r.bytes()?).map_err(|_| BlobError::Corrupt("segmenter word"))?.to_owned();
        let ends = r
            .take(n.checked_mul(WORD_BYTES).ok_or(BlobError::Truncated)?)?
            .chunks_exact(WORD_BYTES)
            .map(|b| (u32::from_le_bytes([b[0], b[1], b[2], b[3]]), u16::from_le_bytes([b[4], b[5]])))
            .collect();
        let segmenter = Segmenter::from_text_and_ends(text, ends).ok_or(BlobError::Corrupt("segmenter words"))?;
        let n = r.len(4)?;
        let mut pairs: Vec<(char, char)> = Vec::with_capacity(n);
        for _ in 0..n {
            let a = char::from_u32(u32::from(r.u16()?)).ok_or(BlobError::Corrupt("ideo pair"))?;
            let b = char::from_u32(u32::from(r.u16()?)).ok_or(BlobError::Corrupt("ideo pair"))?;
            pairs.push((a, b));
        }
        let n = r.len(8)?;
        for _ in 0..n {
            let a = char::from_u32(r.u32()?).ok_or(BlobError::Corrupt("ideo pair"))?;
            let b = char::from_u32(r.u32()?).ok_or(BlobError::Corrupt("ideo pair"))?;
            pairs.push((a, b));
        }
        if !pairs.is_sorted_by(|x, y| x < y) {
            // (Each part is written ascending; together they are sorted again.)
            pairs.sort_unstable();
            if pairs.windows(2).any(|w| w[0] == w[1]) {
                return Err(BlobError::Corrupt("ideo pairs"));
            }
        }
        let ideo_pairs = IdeoPairs::sorted(pairs);
        let n = r.len(8)?;
        let mut written: Vec<(u32, char)> = Vec::with_capacity(n);
        for _ in 0..n {
            let term = r.u32()?;
            let c = char::from_u32(r.u32()?).ok_or(BlobError::Corrupt("written character"))?;
            if term as usize >= terms || written.last().is_some_and(|&(before, _)| before >= term) {
                return Err(BlobError::Corrupt("written term"));
            }
            written.push((term, c));
        }
        let n = r.len(16)?;
        let mut emoji_parts: Vec<(u32, EmojiParts)> = Vec::with_capacity(n);
        for _ in 0..n {
            let term = r.u32()?;
            if term as usize >= indices || emoji_parts.last().is_some_and(|&(before, _)| before >= term) {
                return Err(BlobError::Corrupt("emoji term"));
            }
            let mut parts = EmojiParts::default();
            for emoji in [&mut parts.before, &mut parts.inside, &mut parts.after] {
                let k = r.len(4)?;
                for _ in 0..k {
                    emoji.push(char::from_u32(r.u32()?).ok_or(BlobError::Corrupt("emoji"))?);
                }
            }
            emoji_parts.push((term, parts));
        }
        if !r.0.is_empty() {
            return Err(BlobError::Corrupt("trailing bytes"));
        }
        let [main, emoji, spelled] = automata;
        let readings = Default::default();
        let inner =
            Inner { terms, main, emoji, spelled, segmenter, ideo_pairs, written, emoji_parts, aliases, readings };
        Ok(Matcher { inner: Arc::new(inner) })
    }
}

const CHECKSUM_BYTES: usize = 16;

/// A Fletcher-style checksum of `bytes` as little-endian u64 words (the last one padded with
/// zeros): the running sum and the sum of the running sums, both kept. Any one flipped bit
/// changes the first (by a power of two); two flips in different words rarely cancel in both.
/// Two adds a word.
fn checksum(bytes: &[u8]) -> [u8; CHECKSUM_BYTES] {
    let (mut a, mut b) = (0u64, 0u64);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        a = a.wrapping_add(u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]));
        b = b.wrapping_add(a);
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    a = a.wrapping_add(u64::from_le_bytes(last));
    b = b.wrapping_add(a);
    let mut sum = [0u8; CHECKSUM_BYTES];
    sum[..8].copy_from_slice(&a.to_le_bytes());
    sum[8..].copy_from_slice(&b.to_le_bytes());
    sum
}

/// A segmenter word's bytes: its end u32 in the words' string, its cost u16.
const WORD_BYTES: usize = 6;

/// A pattern's bytes: term u32, counts_at u32, len u16, key_len u16, flags u8.
const PATTERN_BYTES: usize = 13;

fn read_automaton(r: &mut Reader<'_>, terms: usize) -> Result<Automaton, BlobError> {
    let (ac, rest) =
        CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(r.bytes()?).map_err(|_| BlobError::Corrupt("automaton"))?;
    if !rest.is_empty() {
        return Err(BlobError::Corrupt("automaton length"));
    }
    // daachorse reads any match kind; a stepper needs the standard one (it asserts it).
    if !matches!(ac.match_kind(), MatchKind::Standard) {
        return Err(BlobError::Corrupt("automaton match kind"));
    }
    let n = r.len(PATTERN_BYTES)?;
    let patterns: Vec<PatternEntry> = r
        .take(n * PATTERN_BYTES)?
        .chunks_exact(PATTERN_BYTES)
        .map(|b| PatternEntry {
            term: u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            counts_at: u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
            len: u16::from_le_bytes([b[8], b[9]]),
            key_len: u16::from_le_bytes([b[10], b[11]]),
            flags: b[12],
        })
        .collect();
    let counts = r.u32s()?;
    let consistent = patterns.last().is_some_and(|p| p.flags & LAST_OF_KEY != 0)
        && patterns.iter().all(|p| {
            (p.term as usize) < terms
                && p.len > 0
                && (p.counts_at as usize).checked_add(usize::from(p.len)).is_some_and(|end| end <= counts.len())
        });
    if !consistent {
        return Err(BlobError::Corrupt("matcher tables"));
    }
    let max_len = patterns.iter().map(|p| usize::from(p.len)).max().unwrap_or(0);
    Ok(Automaton { ac, patterns, counts, max_len })
}

#[cfg(test)]
mod tests {
    use crate::MatcherBuilder;

    #[test]
    fn round_trip_and_damage() {
        let m = MatcherBuilder::new().terms(["bad", "傻逼", "ass*", "red packet", "🖕", "𠀀逼"]).build().unwrap();
        let bytes = m.to_bytes();
        let back = crate::Matcher::from_bytes(&bytes).unwrap();
        let text = "b4d 傻逼 assholes redpacket 🖕";
        assert_eq!(back.find_iter(text).collect::<Vec<_>>(), m.find_iter(text).collect::<Vec<_>>());
        assert_eq!(back.find_iter(text).count(), 5);
        // The letters side by side in a term come back too (one pair outside the BMP): a filler
        // between them is read again.
        assert_eq!(back.inner.ideo_pairs, m.inner.ideo_pairs);
        assert_eq!(m.inner.ideo_pairs.pairs, [('傻', '逼'), ('𠀀', '逼')]);
        assert_eq!(back.find_iter("你个傻a逼啊 𠀀1逼").count(), 2);
        for cut in [0, 1, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(crate::Matcher::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        // A flipped bit is refused (the checksum): before it, a flip in a failure link of an
        // automaton (which daachorse does not check) made a search loop for ever. Every bit of
        // about 2,000 bytes spread over the blob, its first and last 64 bytes included.
        let mut flipped = bytes.clone();
        let stride = (bytes.len() / 2_000).max(1);
        let chosen = (0..bytes.len()).filter(|&at| at < 64 || at + 64 >= bytes.len() || at % stride == 0);
        for at in chosen {
            for bit in 0..8 {
                flipped[at] ^= 1 << bit;
                assert!(crate::Matcher::from_bytes(&flipped).is_err(), "bit {bit} of byte {at}");
                flipped[at] ^= 1 << bit;
            }
        }
        let written = MatcherBuilder::new().terms(["幹", "干", "幹你"]).build().unwrap();
        let back = crate::Matcher::from_bytes(&written.to_bytes()).unwrap();
        let text = "干杯 幹 干你 幹你";
        assert_eq!(back.find_iter(text).collect::<Vec<_>>(), written.find_iter(text).collect::<Vec<_>>());
        assert_eq!(back.find_iter(text).filter(|m| m.term == 0).count(), 2, "幹 as written only, after loading");
        // A term that mixes emoji and text keeps its emoji (format 8).
        let mixed = MatcherBuilder::new().terms(["你好🐶", "🍆 emoji", "go🔥away🔥", "plain"]).build().unwrap();
        let back = crate::Matcher::from_bytes(&mixed.to_bytes()).unwrap();
        assert_eq!(back.inner.emoji_parts, mixed.inner.emoji_parts);
        assert_eq!(back.inner.emoji_parts.iter().map(|(t, _)| *t).collect::<Vec<_>>(), [0, 1, 2]);
        let text = "你好 你好🐶 emoji 🍆emoji go away go🔥away🔥 plain";
        assert_eq!(back.find_iter(text).collect::<Vec<_>>(), mixed.find_iter(text).collect::<Vec<_>>());
        assert_eq!(
            back.find_iter(text).map(|m| &text[m.start..m.end]).collect::<Vec<_>>(),
            ["你好🐶", "🍆emoji", "go🔥away🔥", "plain"]
        );
        // A spelling with emoji its term has not: an alias past the terms (format 9).
        let spelled = MatcherBuilder::new()
            .terms(["plain", "操你妈"])
            .spellings(|t| if t == "操你妈" { vec!["操你🐴".to_owned()] } else { Vec::new() })
            .build()
            .unwrap();
        assert_eq!(spelled.inner.aliases, [1]);
        let back = crate::Matcher::from_bytes(&spelled.to_bytes()).unwrap();
        assert_eq!(back.inner.aliases, [1]);
        let text = "操你 操你🐴 操你妈";
        let found: Vec<(usize, &str)> = back.find_iter(text).map(|m| (m.term, &text[m.start..m.end])).collect();
        assert_eq!(found, [(1, "操你🐴"), (1, "操你妈")]);
        assert_eq!(back.find_iter(text).collect::<Vec<_>>(), spelled.find_iter(text).collect::<Vec<_>>());
        let mut other = bytes.clone();
        other[12] ^= 1;
        assert!(crate::Matcher::from_bytes(&other).is_err(), "another normaliser revision");
    }
}
