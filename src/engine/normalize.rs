//! Text as the matcher reads it: the same steps for rule terms and for message text, with every
//! normalised character keeping the byte range of the original characters it came from, so that a
//! match is reported (and masked) in the original text exactly.
//!
//! The steps, in order:
//! 1. **Fold** each character: Traditional → Simplified Chinese (`simplified_chinese.rs`, from
//!    `fast2s`), compatibility
//!    decomposition (NFKD: full-width forms, ligatures, circled and mathematical letters), removal of
//!    accents and of invisible characters, lowercasing, and the always-applied look-alikes of
//!    `confusables.txt`. An accent that is removed widens the range of the letter before it.
//! 2. **Join spelled-out letters**: single letters (or single CJK characters) separated by spaces or
//!    light punctuation (`b a d`, `b.a.d`, `b-a-d`, `傻 逼`) become one word. Three letters at least
//!    (two for CJK), so that ordinary text (`a b` in a list) is left alone. Between two CJK
//!    characters a short gap of such separators goes wherever it is (`你个傻 逼`): those scripts
//!    are written without spaces. Step 1 notes what later steps could change; a text without
//!    spelled-out letters, leet or mixed scripts (most messages) skips steps 2 to 4.
//! 3. **Leetspeak**: symbols next to letters (`@ss`, `sh!t`, `a$$`) are read as letters, and so are
//!    digits *between* letters of a word with at least three letters (`sh1t`, `c0ck`, `b00bs`).
//!    Digits at a word's edge, in a number or in a short code are not, so `mp3`, `1st`, `1000`,
//!    `l10n` and `k8s` cannot become a term.
//! 4. **Mixed-script look-alikes**: inside a word that has a Latin letter, Cyrillic/Greek look-alikes
//!    are read as Latin (`fuсk` with a Cyrillic `с`); a word wholly in Cyrillic stays Cyrillic.
//! 5. **Gaps**: every run of spaces, punctuation and symbols reads as one space (emoji are kept, as
//!    characters that match anywhere, so that a term can be one).
//! 6. **Runs**: equal letters in a row are one [`Run`] with a count, so the matcher can accept
//!    `baaad` for `bad` while keeping `good` apart from `god` (see `matcher.rs`).

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use crate::engine::automaton_text;
use crate::engine::confusables::Tables;
use crate::engine::simplified_chinese;

/// Revision of the normalisation steps below. Bump it whenever a change makes any text normalise
/// differently: precompiled blobs record it and are refused by an engine with another revision.
pub const REVISION: u32 = 1;

/// What a normalised character is, for word boundaries and repeated letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A letter of a script written with spaces between words (Latin, Cyrillic, Greek...).
    Letter,
    /// A character of a script written without spaces between words (Chinese, Japanese, Korean,
    /// Thai...): terms in these scripts match anywhere.
    Cjk,
    /// A digit that is not read as a letter.
    Digit,
    /// An emoji or pictograph: matched anywhere, like CJK, so that a term can be one (`🖕`).
    Symbol,
    /// The gap between words: spaces, punctuation and other symbols. Never two in a row.
    Space,
}

impl Class {
    /// Whether this class continues a word (so a word boundary cannot fall next to it), and so
    /// whether a term that starts or ends with it must start or end at a word boundary.
    pub fn is_word(self) -> bool {
        matches!(self, Class::Letter | Class::Digit)
    }
}

/// One normalised character and the original bytes it stands for. A gap between words is one
/// unit per original character (the run that groups them reads as one space).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// The normalised character (for a gap, the original one, lowercased).
    pub ch: char,
    kind: Kind,
    /// First byte of the original text it comes from.
    pub start: u32,
    /// End of the original bytes it comes from.
    pub end: u32,
}

impl Unit {
    /// What it is.
    pub fn class(&self) -> Class {
        match self.kind {
            Kind::Letter => Class::Letter,
            Kind::Cjk => Class::Cjk,
            Kind::Digit => Class::Digit,
            Kind::Symbol => Class::Symbol,
            Kind::Other | Kind::Dropped => Class::Space,
        }
    }
}

/// Equal consecutive units (letters, CJK characters and emoji), or one digit, or one gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// The character repeated.
    pub ch: char,
    /// Its class.
    pub class: Class,
    /// How many times the character repeats (1 for digits and gaps).
    pub count: u32,
    /// How many units the run covers (`count`, except for a gap: all of its characters).
    pub units: u32,
    /// Index of its first unit.
    pub first: u32,
}

/// A normalised text: its units, and the same units grouped into runs.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// Every normalised character, in order.
    pub units: Vec<Unit>,
    /// The units grouped into runs of equal letters.
    pub runs: Vec<Run>,
    /// The runs as the automaton reads them (`automaton_text.rs`), and where each run starts in it.
    automaton_text: String,
    automaton_at: Vec<u32>,
    /// Units where step 1 saw what steps 3 and 4 may change: a letter after digits after a
    /// letter, a letter with a mixed-script look-alike.
    digit_words: Vec<u32>,
    mixed_words: Vec<u32>,
}

impl Normalized {
    /// Normalises `text` (a message, or a rule term). Offsets are 32-bit: beyond 4 GiB (which a
    /// message of at most 64 KB never approaches) the text is not read.
    pub fn new(text: &str) -> Self {
        let mut normalized = Self::default();
        normalized.fill(text);
        normalized
    }

    /// Normalises `text` into `self`, reusing its buffers: the matcher keeps one per thread, so a
    /// search allocates nothing once warm, and calls [`Self::trim`] after each search, so that a
    /// very long text does not hold memory for good.
    pub fn fill(&mut self, text: &str) {
        let text = clip(text);
        let tables = Tables::get();
        let seen = fold(text, tables, &mut self.units, &mut self.digit_words, &mut self.mixed_words);
        // Most messages have no spelled-out letters, no leet, no non-Latin look-alike: those steps
        // run only where step 1 saw what they look for (gaps between CJK characters, the commonest,
        // are closed by step 1 itself). Symbols go first: a symbol read as a letter counts among a
        // word's letters.
        if seen.singles {
            join_spelled_out(&mut self.units);
        }
        if seen.symbols {
            read_leet_symbols(&mut self.units, tables);
            // Reading symbols can put digits between letters anywhere (joining never does: a
            // digit is no item), so every word is looked at.
            read_leet_digits(&mut self.units, tables);
            if !self.mixed_words.is_empty() {
                read_mixed_lookalikes(&mut self.units, tables);
            }
        } else {
            // Otherwise only the words step 1 pointed at can change.
            for &at in &self.digit_words {
                let word = word_around(&self.units, at as usize, is_leet_word_kind);
                if let Some(word) = self.units.get_mut(word) {
                    read_leet_digits_in_word(word, tables);
                }
            }
            for &at in &self.mixed_words {
                let word = word_around(&self.units, at as usize, is_mixed_word_kind);
                if let Some(word) = self.units.get_mut(word) {
                    read_mixed_lookalikes_in_word(word, tables);
                }
            }
        }
        group(&mut self.units, &mut self.runs, &mut self.automaton_text, &mut self.automaton_at);
    }

    /// The runs as the automaton reads them, and the byte offset where each run starts in it.
    pub(crate) fn automaton_text(&self) -> (&str, &[u32]) {
        (&self.automaton_text, &self.automaton_at)
    }

    /// Releases buffers grown beyond [`KEPT_CAPACITY`] characters.
    pub fn trim(&mut self) {
        if self.units.capacity() > KEPT_CAPACITY || self.automaton_text.capacity() > 4 * KEPT_CAPACITY {
            *self = Self::default();
        }
    }

    /// The runs' characters, one per run (a gap reads as one space).
    pub fn run_text(&self) -> String {
        self.runs.iter().map(|r| r.ch).collect()
    }
}

/// The longest prefix of `text` whose offsets fit in a u32, cut at a character boundary.
fn clip(text: &str) -> &str {
    let max = u32::MAX as usize;
    if text.len() <= max {
        return text;
    }
    let cut = (0..=max).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    text.get(..cut).unwrap_or("")
}

/// What a folded character is, before gaps are closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Letter,
    Cjk,
    Digit,
    /// Emoji and pictographs.
    Symbol,
    /// Punctuation, spaces and other symbols: gaps, unless read as leetspeak.
    Other,
    /// A gap between spelled-out letters, removed by step 2 before any later step runs.
    Dropped,
}

/// Characters of working space kept between searches (a 12 KB message of Latin text).
pub const KEPT_CAPACITY: usize = 16 * 1024;

/// What step 1 saw, so that later steps run only on texts they can change.
#[derive(Default)]
struct Seen {
    /// Two single letters close together (step 2 may join them).
    singles: bool,
    /// A leet symbol next to a letter (step 3 may read it).
    symbols: bool,
    /// Index of the last single letter seen.
    last_single: Option<usize>,
    /// Units of spelling separators since a CJK character, plus one (0: not after one).
    gap_after_cjk: usize,
    /// The digits being pushed follow a letter.
    digits_after_letter: bool,
}

/// A gap between words: what the later steps see as "not a letter" (a unit already dropped from
/// between two CJK characters stands for the separator it was).
#[inline(always)]
fn is_gap(kind: Kind) -> bool {
    matches!(kind, Kind::Other | Kind::Dropped)
}

impl Seen {
    /// Notes what pushing `next` after `out` shows. Cheap: it looks at the last two units only.
    #[inline(always)]
    fn note(&mut self, out: &[Unit], next: &Unit, tables: &Tables, digit_words: &mut Vec<u32>) {
        let n = out.len();
        let prev = out.last().map_or(Kind::Other, |u| u.kind);
        let is_item = |k: Kind| k == Kind::Letter || k == Kind::Cjk;
        if !is_item(next.kind) && is_item(prev) && (n < 2 || is_gap(out[n - 2].kind)) {
            self.single(n - 1);
        }
        // A CJK character, a short gap of spelling separators, a CJK character: `你个傻 逼`.
        self.gap_after_cjk = match next.kind {
            Kind::Cjk => 1,
            Kind::Other if self.gap_after_cjk > 0 && is_spelling_separator(next.ch) => self.gap_after_cjk + 1,
            _ => 0,
        };
        match next.kind {
            Kind::Digit => {
                self.digits_after_letter = prev == Kind::Letter || (prev == Kind::Digit && self.digits_after_letter)
            }
            Kind::Letter => {
                if prev == Kind::Digit && self.digits_after_letter {
                    digit_words.push(n as u32);
                }
                self.symbols |= prev == Kind::Other && out.last().is_some_and(|u| tables.leet_symbol(u.ch).is_some());
            }
            Kind::Other => {
                self.symbols |= prev == Kind::Letter && tables.leet_symbol(next.ch).is_some_and(|(_, at)| at.end);
            }
            _ => {}
        }
    }

    fn single(&mut self, index: usize) {
        if let Some(previous) = self.last_single {
            self.singles |= index - previous <= MAX_SPELLING_GAP + 1;
        }
        self.last_single = Some(index);
    }

    /// The end of the text may end a single letter.
    fn finish(&mut self, out: &[Unit]) {
        let n = out.len();
        let is_item = |k: Kind| k == Kind::Letter || k == Kind::Cjk;
        if n > 0 && is_item(out[n - 1].kind) && (n < 2 || is_gap(out[n - 2].kind)) {
            self.single(n - 1);
        }
    }
}

/// Step 1, and the part of step 2 that closes gaps between CJK characters.
struct Folder<'a> {
    out: &'a mut Vec<Unit>,
    seen: Seen,
    tables: &'a Tables,
    digit_words: &'a mut Vec<u32>,
}

impl Folder<'_> {
    #[inline(always)]
    fn push(&mut self, unit: Unit) {
        let gap = self.seen.gap_after_cjk;
        self.seen.note(self.out, &unit, self.tables, self.digit_words);
        self.out.push(unit);
        // Chinese and Japanese are written without spaces: a short gap of spelling separators
        // between two CJK characters is an evasion (`你个傻 逼`), whatever stands around them.
        if unit.kind == Kind::Cjk && (2..=MAX_SPELLING_GAP + 1).contains(&gap) {
            let end = self.out.len() - 1;
            for r in self.out.get_mut(end + 1 - gap..end).unwrap_or_default() {
                r.kind = Kind::Dropped;
            }
        }
    }
}

fn fold(
    text: &str,
    tables: &Tables,
    out: &mut Vec<Unit>,
    digit_words: &mut Vec<u32>,
    mixed_words: &mut Vec<u32>,
) -> Seen {
    out.clear();
    out.reserve(text.len());
    digit_words.clear();
    mixed_words.clear();
    let mut folder = Folder { out, seen: Seen::default(), tables, digit_words };
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // `clip` keeps texts within u32 offsets.
        let start = at as u32;
        if byte.is_ascii() {
            // Most text is ASCII: one table lookup per byte, no decoding.
            let kind = ASCII_KINDS[usize::from(byte)];
            at += 1;
            folder.push(Unit { ch: char::from(byte.to_ascii_lowercase()), kind, start, end: at as u32 });
            // The rest of the word or gap changes none of what `Seen::note` watches but digits
            // between letters and gaps after CJK characters: a tighter loop.
            if kind == Kind::Other {
                while let Some(&b) =
                    bytes.get(at).filter(|b| b.is_ascii() && ASCII_KINDS[usize::from(**b)] == Kind::Other)
                {
                    let ch = char::from(b);
                    let seen = &mut folder.seen;
                    seen.gap_after_cjk =
                        if seen.gap_after_cjk > 0 && is_spelling_separator(ch) { seen.gap_after_cjk + 1 } else { 0 };
                    folder.out.push(Unit { ch, kind, start: at as u32, end: at as u32 + 1 });
                    at += 1;
                }
            } else {
                let mut prev = kind;
                while let Some(&b) = bytes.get(at).filter(|b| b.is_ascii_alphanumeric()) {
                    let kind = ASCII_KINDS[usize::from(b)];
                    let seen = &mut folder.seen;
                    if kind == Kind::Digit {
                        seen.digits_after_letter =
                            prev == Kind::Letter || (prev == Kind::Digit && seen.digits_after_letter);
                    } else if prev == Kind::Digit && seen.digits_after_letter {
                        folder.digit_words.push(folder.out.len() as u32);
                    }
                    folder.out.push(Unit {
                        ch: char::from(b.to_ascii_lowercase()),
                        kind,
                        start: at as u32,
                        end: at as u32 + 1,
                    });
                    prev = kind;
                    at += 1;
                }
            }
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
        at += c.len_utf8();
        let end = at as u32;
        if matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF) {
            // Unified Han ideographs have no compatibility decomposition and no case.
            folder.push(Unit { ch: simplified_chinese::simplify(c), kind: Kind::Cjk, start, end });
            continue;
        }
        if tables.is_invisible(c) {
            continue;
        }
        if is_accent(c) {
            // The accent belongs to the letter before it: masking that letter masks the accent too.
            if let Some(last) = folder.out.last_mut() {
                last.end = end;
            }
            continue;
        }
        if is_hangul_syllable(c) {
            // Kept whole: decomposing would split one syllable into two or three jamo.
            folder.push(Unit { ch: c, kind: Kind::Cjk, start, end });
            continue;
        }
        decompose_compatible(c, |d| {
            if is_accent(d) || tables.is_invisible(d) {
                return;
            }
            // Compatibility ideographs decompose to unified ones, which may be Traditional.
            let d = simplified_chinese::simplify(d);
            for lower in d.to_lowercase() {
                if is_accent(lower) {
                    continue;
                }
                match tables.lookalike(lower) {
                    Some(replacement) => {
                        for ch in replacement.chars() {
                            folder.push(Unit { ch, kind: Kind::Letter, start, end });
                        }
                    }
                    None => {
                        let kind = kind_of(lower, folder.out.last());
                        if kind == Kind::Letter && tables.lookalike_mixed(lower).is_some() {
                            mixed_words.push(folder.out.len() as u32);
                        }
                        folder.push(Unit { ch: lower, kind, start, end });
                    }
                }
            }
        });
    }
    let Folder { out, mut seen, .. } = folder;
    seen.finish(out);
    seen
}

/// The kind of every ASCII character.
const ASCII_KINDS: [Kind; 128] = {
    let mut kinds = [Kind::Other; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        kinds[i] = if b.is_ascii_alphabetic() {
            Kind::Letter
        } else if b.is_ascii_digit() {
            Kind::Digit
        } else {
            Kind::Other
        };
        i += 1;
    }
    kinds
};

fn kind_of(c: char, previous: Option<&Unit>) -> Kind {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            Kind::Letter
        } else if c.is_ascii_digit() {
            Kind::Digit
        } else {
            Kind::Other
        };
    }
    if is_combining_mark(c) {
        // A mark that is not an accent (a kana voicing mark, an Indic vowel sign) is part of the
        // character it follows.
        return match previous {
            Some(p) if p.kind != Kind::Other => p.kind,
            _ => Kind::Other,
        };
    }
    if is_pictograph(c) {
        Kind::Symbol
    } else if c.is_alphanumeric() && is_spaceless_script(c) {
        Kind::Cjk
    } else if c.is_alphabetic() {
        Kind::Letter
    } else if c.is_numeric() {
        Kind::Digit
    } else {
        Kind::Other
    }
}

/// Accents and vowel points: removed, so that `bäd` reads as `bad`. Other combining marks (kana
/// voicing marks, Indic vowel signs) change the letter and are kept.
fn is_accent(c: char) -> bool {
    matches!(u32::from(c),
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x064B..=0x065F | 0x0670
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        && is_combining_mark(c)
}

/// Emoji and pictographs (skin-tone modifiers included; variation selectors and joiners are
/// invisible and already gone).
fn is_pictograph(c: char) -> bool {
    matches!(u32::from(c), 0x1F000..=0x1FAFF | 0x2300..=0x23FF | 0x2600..=0x27BF | 0x2B00..=0x2BFF)
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Han ideographs (what Traditional → Simplified conversion applies to).
fn is_han(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

/// Scripts written without spaces between words, where a term matches anywhere.
fn is_spaceless_script(c: char) -> bool {
    is_han(c)
        || matches!(u32::from(c),
            0x0E00..=0x0EFF       // Thai, Lao
            | 0x1000..=0x109F     // Myanmar
            | 0x1100..=0x11FF     // Hangul Jamo
            | 0x1780..=0x17FF     // Khmer
            | 0x2E80..=0x2FDF     // CJK and Kangxi radicals
            | 0x3005..=0x3007     // 々 〆 〇
            | 0x3021..=0x3029 | 0x3031..=0x3035 | 0x3038..=0x303C
            | 0x3040..=0x30FA | 0x30FC..=0x30FF // Hiragana, Katakana (not the middle dot)
            | 0x3100..=0x318F     // Bopomofo, Hangul compatibility jamo
            | 0x31A0..=0x31FF
            | 0xA960..=0xA97F
            | 0xAC00..=0xD7FF     // Hangul syllables and Jamo extended-B
            | 0xFF66..=0xFFDC) // half-width Katakana and Hangul
}

/// Punctuation that people put between the letters of a spelled-out word.
fn is_spelling_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '.' | '-' | '_' | '*' | '~' | '/' | '\\' | '|' | '+' | '\'' | '"' | '·' | '•' | '‧' | '・' | '^')
}

/// The longest gap between two spelled-out letters (`b . a`).
const MAX_SPELLING_GAP: usize = 3;

/// Step 2: `b a d` → `bad`, by removing the gaps between single letters (their units become
/// `Dropped`, and are left out when runs are made). A unit already dropped (from a gap between
/// CJK characters, by step 1) counts as the separator it was.
fn join_spelled_out(raw: &mut [Unit]) {
    // Items: single letters (or CJK characters) with a gap or the text's edge on each side.
    let n = raw.len();
    let is_single = |raw: &[Unit], i: usize| {
        let kind = raw[i].kind;
        (kind == Kind::Letter || kind == Kind::Cjk)
            && (i == 0 || is_gap(raw[i - 1].kind))
            && (i + 1 == n || is_gap(raw[i + 1].kind))
    };
    let mut i = 0;
    while i < n {
        if !is_single(raw, i) {
            i += 1;
            continue;
        }
        // Extend a chain from item i as far as single items and spelling gaps allow.
        let (mut items, mut last, mut all_cjk) = (1, i, raw[i].kind == Kind::Cjk);
        let mut j = i + 1;
        loop {
            let gap_start = j;
            while j < n && is_gap(raw[j].kind) && is_spelling_separator(raw[j].ch) && j - gap_start < MAX_SPELLING_GAP {
                j += 1;
            }
            if j == gap_start || j >= n || !is_single(raw, j) {
                break;
            }
            items += 1;
            last = j;
            all_cjk &= raw[j].kind == Kind::Cjk;
            j += 1;
        }
        if items >= 3 || (all_cjk && items >= 2) {
            // Everything between the first and last item that is not an item is a gap.
            for r in &mut raw[i..last] {
                if r.kind == Kind::Other {
                    r.kind = Kind::Dropped;
                }
            }
        }
        i = last + 1;
    }
}

/// Step 3, symbols: leet symbols next to letters become letters.
fn read_leet_symbols(raw: &mut [Unit], tables: &Tables) {
    let is_symbol = |r: &Unit| r.kind == Kind::Other && tables.leet_symbol(r.ch).is_some();
    let position = |r: &Unit| tables.leet_symbol(r.ch).map(|(_, p)| p).unwrap_or_default();
    let n = raw.len();
    let mut i = 0;
    while i < n {
        if !is_symbol(&raw[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && is_symbol(&raw[j]) {
            j += 1;
        }
        let letter_before = i > 0 && raw[i - 1].kind == Kind::Letter;
        let letter_after = j < n && raw[j].kind == Kind::Letter;
        let range = match (letter_before, letter_after) {
            (true, true) => raw[i..j].iter().all(|r| position(r).inner).then_some(i..j),
            // At a word's start: the symbols next to the word that may start it.
            (false, true) => Some(j - raw[i..j].iter().rev().take_while(|r| position(r).start).count()..j),
            // At a word's end: the symbols next to the word that may end it.
            (true, false) => Some(i..i + raw[i..j].iter().take_while(|r| position(r).end).count()),
            (false, false) => None,
        };
        for r in &mut raw[range.unwrap_or(0..0)] {
            if let Some((letter, _)) = tables.leet_symbol(r.ch) {
                *r = Unit { ch: letter, kind: Kind::Letter, ..*r };
            }
        }
        i = j;
    }
}

/// Fewest letters a word needs before digits inside it are read as letters: `sh1t`, `c0ck` and
/// `h3llo` qualify; numeronyms and codes (`l10n` is not `lion`, `k8s`, `w3c`) do not.
const LEET_WORD_LETTERS: usize = 3;

/// Step 3, digits: digits between letters of a long enough word become letters.
fn read_leet_digits(raw: &mut [Unit], tables: &Tables) {
    for_each_word(raw, is_leet_word_kind, is_leet_word_kind, |word| read_leet_digits_in_word(word, tables));
}

/// Calls `step` on each word of `raw`: a unit whose kind `starts` one, and the units after it
/// whose kinds `continue_it`.
fn for_each_word(
    raw: &mut [Unit],
    starts: impl Fn(Kind) -> bool,
    continue_it: impl Fn(Kind) -> bool,
    mut step: impl FnMut(&mut [Unit]),
) {
    let mut i = 0;
    while i < raw.len() {
        if !starts(raw[i].kind) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < raw.len() && continue_it(raw[j].kind) {
            j += 1;
        }
        step(&mut raw[i..j]);
        i = j;
    }
}

/// Step 3, digits, in one word (letters and digits).
fn read_leet_digits_in_word(word: &mut [Unit], tables: &Tables) {
    if word.iter().filter(|r| r.kind == Kind::Letter).count() < LEET_WORD_LETTERS {
        return;
    }
    let mut i = 0;
    while i < word.len() {
        if word[i].kind != Kind::Digit {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < word.len() && word[j].kind == Kind::Digit {
            j += 1;
        }
        // Only digits with a letter on both sides, and only when each one reads as a letter.
        let between_letters = i > 0 && j < word.len();
        if between_letters && word[i..j].iter().all(|r| tables.leet_digit(r.ch).is_some()) {
            for r in &mut word[i..j] {
                if let Some(letter) = tables.leet_digit(r.ch) {
                    *r = Unit { ch: letter, kind: Kind::Letter, ..*r };
                }
            }
        }
        i = j;
    }
}

/// The units around `at` whose kinds satisfy `part` (empty when `at` itself does not).
fn word_around(units: &[Unit], at: usize, part: impl Fn(Kind) -> bool) -> std::ops::Range<usize> {
    if !units.get(at).is_some_and(|u| part(u.kind)) {
        return at..at;
    }
    let start = units[..at].iter().rposition(|u| !part(u.kind)).map_or(0, |i| i + 1);
    let end = units[at..].iter().position(|u| !part(u.kind)).map_or(units.len(), |i| at + i);
    start..end
}

/// What step 3 reads as one word: letters and digits.
fn is_leet_word_kind(kind: Kind) -> bool {
    matches!(kind, Kind::Letter | Kind::Digit)
}

/// What step 4 reads as one word: letters and digits, and the gaps step 2 removed from inside it.
fn is_mixed_word_kind(kind: Kind) -> bool {
    matches!(kind, Kind::Letter | Kind::Digit | Kind::Dropped)
}

/// Step 4: inside a word with a Latin letter, Cyrillic/Greek look-alikes are read as Latin.
fn read_mixed_lookalikes(raw: &mut [Unit], tables: &Tables) {
    for_each_word(
        raw,
        |kind| kind == Kind::Letter,
        is_mixed_word_kind,
        |word| read_mixed_lookalikes_in_word(word, tables),
    );
}

/// Step 4 in one word: from its first letter on (digits before it are not part of it).
fn read_mixed_lookalikes_in_word(word: &mut [Unit], tables: &Tables) {
    let first_letter = word.iter().position(|r| r.kind == Kind::Letter).unwrap_or(word.len());
    let word = &mut word[first_letter..];
    if word.iter().any(|r| r.kind != Kind::Dropped && r.ch.is_ascii_lowercase()) {
        for r in word.iter_mut() {
            if r.kind == Kind::Dropped {
                continue;
            }
            if let Some(latin) = tables.lookalike_mixed(r.ch) {
                r.ch = latin;
            }
        }
    }
}

/// Steps 5 and 6: equal letters (CJK characters, emoji) in a row become one run, and so does
/// every gap between words, which the run text reads as one space. Digits are runs of one. Units
/// dropped by step 2 are removed here. The automaton text (`automaton_text.rs`) is written as the
/// runs are made.
fn group(units: &mut Vec<Unit>, runs: &mut Vec<Run>, automaton_text: &mut String, automaton_at: &mut Vec<u32>) {
    runs.clear();
    automaton_text.clear();
    automaton_at.clear();
    runs.reserve(units.len());
    automaton_text.reserve(units.len() + units.len() / 4);
    automaton_at.reserve(units.len());
    // The last run, waiting for the next one to know whether it ends a word.
    let mut pending: Option<(char, bool)> = None;
    let mut before_is_word = false;
    let mut write = 0;
    for read in 0..units.len() {
        let unit = units[read];
        if unit.kind == Kind::Dropped {
            continue;
        }
        units[write] = unit;
        let index = write as u32;
        write += 1;
        let class = unit.class();
        let ch = if class == Class::Space { ' ' } else { unit.ch };
        match runs.last_mut() {
            Some(run) if run.class == class && class == Class::Space => run.units += 1,
            Some(run) if run.ch == ch && run.class == class && class != Class::Digit => {
                run.count += 1;
                run.units += 1;
            }
            _ => {
                let is_word = class.is_word();
                if let Some((ch, was_word)) = pending {
                    automaton_at.push(automaton_text.len() as u32);
                    automaton_text::push(automaton_text, ch, automaton_text::edge(before_is_word, was_word, is_word));
                    before_is_word = was_word;
                }
                pending = Some((ch, is_word));
                runs.push(Run { ch, class, count: 1, units: 1, first: index });
            }
        }
    }
    units.truncate(write);
    if let Some((ch, was_word)) = pending {
        automaton_at.push(automaton_text.len() as u32);
        automaton_text::push(automaton_text, ch, automaton_text::edge(before_is_word, was_word, false));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        let n = Normalized::new(s);
        n.runs.iter().map(|r| r.ch.to_string().repeat(r.count as usize)).collect()
    }

    #[test]
    fn steps() {
        let cases = [
            ("BAD Word", "bad word"),
            ("ｂａｄ", "bad"),
            ("b\u{200B}a\u{200D}d", "bad"),
            ("bäd ba\u{0308}d", "bad bad"),
            ("ﬁne", "fine"),
            ("b a d", "bad"),
            ("b.a.d!", "bad "),
            ("a b", "a b"),
            ("sh1t b00bs b4d l10n mp3 1st 1000", "shit boobs b4d l10n mp3 1st 1000"),
            ("@ss a$$ sh!t damn!", "ass ass shit damn "),
            ("fu\u{0441}k \u{0441}\u{043E}\u{0440}", "fuck \u{0441}\u{043E}\u{0440}"),
            ("這個傻逼", "这个傻逼"),
            ("傻 逼", "傻逼"),
            ("ガス", "カ\u{3099}ス"),
            ("\u{1D41B}\u{1D41A}\u{1D41D}", "bad"),
            ("ꜱᴛᴜᴘɪᴅ", "stupid"),
        ];
        for (input, expected) in cases {
            assert_eq!(text(input), expected, "{input}");
        }
    }

    #[test]
    fn units_cover_original_bytes() {
        let s = "ｂa\u{0308}\u{200B}d";
        let n = Normalized::new(s);
        assert_eq!(n.units.len(), 3);
        assert_eq!((n.units[0].start, n.units[0].end), (0, 3));
        assert_eq!((n.units[1].start, n.units[1].end), (3, 6), "accent widens the letter");
        assert_eq!(&s[n.units[2].start as usize..n.units[2].end as usize], "d");
    }

    #[test]
    fn runs_group_letters_not_digits() {
        let n = Normalized::new("baaad 1000");
        let counts: Vec<(char, u32)> = n.runs.iter().map(|r| (r.ch, r.count)).collect();
        assert_eq!(counts, [('b', 1), ('a', 3), ('d', 1), (' ', 1), ('1', 1), ('0', 1), ('0', 1), ('0', 1)]);
        assert_eq!(n.run_text(), "bad 1000");
    }
}
