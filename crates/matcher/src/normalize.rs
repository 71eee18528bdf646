//! Text as the matcher reads it: one pass over the text, in the order a reader sees it, turning
//! every character into what it reads as and every word into runs of letters with its edges
//! marked. Rule terms and message text go through the same steps, so a term matches whatever a
//! reader would take for it.
//!
//! The steps, each a stage of one streaming pass (time linear in the text; the buffers are bounded
//! except the one-letter words of a spelled-out word, held until it ends, and the reordered
//! characters of a text with bidi controls):
//!
//! 0. **Reading order.** A text with explicit bidi controls (overrides, embeddings, isolates) is
//!    read in the order it is displayed (`reading_order.rs`), so `RLO kcuf PDF` reads `fuck`.
//! 1. **Characters** (`unicode_data.rs`, generated from Unicode's data): default-ignorable,
//!    format and control characters are dropped; decorating marks (accents, enclosing circles)
//!    join the character before them; everything else is folded (compatibility decomposition,
//!    case folding, letter-like symbols, Traditional and variant Chinese → Simplified, katakana →
//!    hiragana, every script's digits → ASCII) and classed as a letter, a spaceless-script letter
//!    ("ideo"), a digit, an emoji, a gap (spaces, punctuation, symbols) or a line/paragraph break.
//! 2. **Words.** Letters and digits make words. Inside a word, leetspeak is read: symbols next to
//!    letters (`@ss`, `sh!t`, `a$$`, `leet.rs`), digits between two letters (`r3d`, `sh1t`,
//!    `b00bs`, `f00t`) and a single digit at the edge of a word of three letters or more (`5lut`).
//!    Look-alike letters of other scripts (UTS #39: Cyrillic `а`, Greek `ο`, Cherokee `Ꭺ`) are read
//!    as Latin in a word that mixes them with Latin letters, and in a word made only of look-alikes
//!    of a script the text does not otherwise use (`сор` in an English message; not in Russian,
//!    nor alone in a text of no Latin letter unless in capitals: `Сор!` is Russian, `ΝΑΖΙ` Latin).
//! 3. **Spelled-out words.** Three or more one-letter words with short gaps between them (`b a d`,
//!    `b.a.d`, `b★a★d`) are one word.
//! 4. **Symbols.** Equal letters in a row are one run with a count; a word's first and last runs
//!    carry its edges; gaps are left out (phrases match whatever stands between their words), except
//!    that the end of a sentence (`red. Packet`) and a paragraph break are a [`SymbolKind::Break`].
//!    Spaceless-script letters are symbols of their own (no word edges); emoji are symbols too,
//!    matched apart from the rest (an emoji between two words does not separate them).

use crate::leet;
use crate::reading_order;
use crate::unicode_data::{self, Class, Info, LookAlike, SCRIPTS};

/// What a [`Symbol`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum SymbolKind {
    /// A run of a letter or a digit of a word.
    Word,
    /// A run of a letter of a script written without spaces (Han, kana, Hangul, Thai...).
    Ideo,
    /// A run of an emoji.
    Emoji,
    /// A sentence end or a paragraph break: no phrase is read across it.
    Break,
}

/// What stood between a symbol and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(u8)]
pub enum Gap {
    /// Nothing: the characters touch.
    #[default]
    None,
    /// Only whitespace.
    Space,
    /// Punctuation, symbols or emoji (with or without whitespace).
    Other,
    /// One punctuation mark, symbol or emoji and nothing else, not a quotation mark (`f#ck`,
    /// `f.ck`; not `it's`): where a word's letter may hide (a term's spelling needs it).
    Symbol,
    /// Two or three punctuation marks, symbols or emoji and nothing else, no whitespace
    /// (`ass--hole`; not `hand -- job`): where a known word may be split into two words (a
    /// term's spelling needs it). Otherwise read as [`Gap::Other`].
    Symbols,
}

/// A word's first run ([`Symbol::edge`]).
pub const START: u8 = 1;
/// A word's last run ([`Symbol::edge`]).
pub const END: u8 = 2;
/// A run read from a number that starts with `1` or `8` (`10`, `86`; not `00` or `33`) or from an
/// `8` alone in a word of fewer than three letters ([`Symbol::edge`]): `p00f` is `poof` and `b33f`
/// is `beef`, but `l10n`, `i18n`, `k8s` and `l8r` are numeronyms and codes as often as leet, so
/// the matcher accepts such a run only in a term of several words (`b00 b00`) or in a term written
/// with such digits itself (`k8s`). A digit alone that stands for the letter beside it is not
/// marked (`b8w` is `bbw`: one of a doubled letter in leet).
pub const SHORT_LEET: u8 = 4;
/// A run read from one digit other than `8` between the two letters of a two-letter word
/// ([`Symbol::edge`]): `s3x` is `sex` and `w7f` is `wtf` as often as `w3c` is a code, so the
/// matcher accepts it for a term of several words, a term written with such a digit, and (when the
/// matcher was built with a word list, [`crate::MatcherBuilder::words`]) a one-word term that is
/// an ordinary word (`sex`, not `wec`) or an initialism, a term with no vowel (`wtf`). Without a
/// word list every term accepts it.
pub const SHORT_DIGIT: u8 = 8;
/// A run read from digits at the edge of a word of one or two letters ([`Symbol::edge`]): `5h17`
/// is `shit`, `ki11` is `kill` and `8uy` is `buy`, but `4k`, `5th`, `mp3` and `10am` are
/// codes and numbers far more often, so the matcher accepts such a run only in a term of several
/// words (`8uy f0ll0w3rs`), in a term written with such digits itself, and in a one-word term of
/// four letters or more that (when the matcher was built with a word list,
/// [`crate::MatcherBuilder::words`]) is an ordinary word.
pub const SHORT_EDGE: u8 = 32;
/// A run read as `i` from a `1` or a `|` inside a word ([`Symbol::edge`]), which writers use for
/// `l` as often as for `i` (`s1ut`, `ki11`): a term's `l` matches such a run (and only such a run:
/// `siut` is not `slut`).
pub const FROM_ONE: u8 = 16;
/// A run read as `a` from an `@` ([`Symbol::edge`]), which writers use for `o` too (`p@rn`,
/// `wh@re`): a term's `o` in a word the word list knows matches such a run (and only such a run:
/// `parn` is not `porn`).
pub const FROM_AT: u8 = 128;
/// The same bit on an ideo symbol ([`Symbol::edge`]): a run read from katakana drawn like a Han
/// character (`ロ` like `口`, UTS #39), which a term's spelling with that kana for its Han
/// character needs (`ロ交` for `口交`; the hiragana `ろ` it folds to looks like no Han character).
pub const FROM_KATAKANA: u8 = FROM_ONE;
/// The [`FROM_AT`] bit on an ideo symbol ([`Symbol::edge`]): the letter follows one to three
/// asterisks and nothing else right after another ideo letter, and the asterisks close no
/// emphasis that asterisks opened before the ideo letters in between (`操*妈`, `他**的`; not the
/// `*他*的` or `**他奶**的` of Markdown): where a censor hid a character of a CJK term, which a
/// term's spelling with that character left out needs.
pub const AFTER_STARS: u8 = FROM_AT;

/// One run of equal characters as the matcher reads it, and where it came from.
///
/// (Laid out as 32 aligned bytes, the one-byte fields last: a symbol is copied whole at every
/// step of the search, and a layout the compiler copies in odd-sized pieces stalls each copy.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(16))]
pub struct Symbol {
    /// The character, as read (`a` for `Ａ`, `@` or `4`).
    pub ch: char,
    /// How many times it repeats (`baaad`: 3 for the `a`).
    pub count: u32,
    /// First byte of the original text it covers.
    pub start: u32,
    /// End of the original bytes it covers.
    pub end: u32,
    /// Start of its last repetition in the original text.
    pub last_start: u32,
    /// End of its first repetition in the original text.
    pub first_end: u32,
    /// What it is.
    pub kind: SymbolKind,
    /// [`START`] and/or [`END`] for a word's first and last runs; [`SHORT_LEET`] for a run read
    /// from a number or an `8` in a short word.
    pub edge: u8,
    /// What stood before it.
    pub gap: Gap,
    /// The letters of the word it belongs to (word symbols only; 0 when more than 255).
    pub word_letters: u8,
    /// [`BEFORE_DIGIT`] and/or [`AFTER_DIGIT`]: a digit read as a letter is glued to the run's
    /// word beside it, which the matcher also reads as a number of its own (`Scan`); and
    /// [`SPELLED`], the one mark here not about digits (the matcher tests these marks together,
    /// and a field of its own would make every symbol's copy dearer).
    pub digit: u8,
}

/// On [`Symbol::digit`]: the run ends where one digit, read as a letter, ends a word of three
/// letters or more (the `k` of `fuck1`, the `r` of `wh0r3`): a term may end here as well as
/// with that letter.
pub const BEFORE_DIGIT: u8 = 1;
/// On [`Symbol::digit`]: the run starts where one digit, read as a letter, starts a word of
/// three letters or more (the `f` of `1fuck`): a term may start here as well as with that
/// letter.
pub const AFTER_DIGIT: u8 = 2;
/// On [`Symbol::digit`], with [`BEFORE_DIGIT`] or [`AFTER_DIGIT`]: the run's first (last)
/// repetition is that digit, read as the letter beside it (`0orgy` is `oorgy`, `boob8` is
/// `boobb`, `bosss5` is `bossss`): the run without it is the rest.
pub const DIGIT_IN_RUN: u8 = 4;
/// On [`Symbol::digit`]: the run belongs to a word spelled out letter by letter (`f u c k u`,
/// joined in stage 3), whose word boundaries the sender hid: the matcher also looks for terms
/// anywhere inside such a word (its spelled stream).
pub const SPELLED: u8 = 16;

/// The most digits spelled out one by one that join into one number (`8 9 6 4`); the next starts
/// another. Number terms are short, and a long row of single digits is a list, not a number.
const MAX_SPELLED_DIGITS: usize = 8;

/// The most leet digits alone in a row that a word spelled out takes as letters (`b 0 0 b s`);
/// more are a number (`f u 1 0 0 0`).
const MAX_LEET_SINGLES: usize = 2;

/// The [`Symbol::digit`] marks of the run `units`: those of its first and last units, or, in a run
/// whose first (last) unit is a digit that reads as its letter, those of the letter beside it
/// ([`DIGIT_IN_RUN`]: `0orgy`, `bosss5`).
fn digit_marks(units: &[Unit]) -> u8 {
    let (Some(first), Some(last)) = (units.first(), units.last()) else { return 0 };
    let mut marks = if last.before_digit { BEFORE_DIGIT } else { 0 } | if first.after_digit { AFTER_DIGIT } else { 0 };
    // The mark on the unit after (before) the run's first (last): the digit is that unit.
    if units.len() >= 2 {
        if units[1].after_digit {
            marks |= AFTER_DIGIT | DIGIT_IN_RUN;
        }
        if units[units.len() - 2].before_digit {
            marks |= BEFORE_DIGIT | DIGIT_IN_RUN;
        }
    }
    marks
}

/// A character after folding, with the original bytes it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unit {
    ch: char,
    class: Class,
    start: u32,
    end: u32,
    /// The leet symbol it was read from (`'\0'`: none). A leet symbol whose role is not known
    /// yet (`Normalizer::symbols`) carries here the letter it would read as.
    symbol: char,
    /// It was written as an uppercase letter (look-alikes and sentence starts depend on it).
    upper: bool,
    /// It was a regional indicator symbol (two alone are a flag, not letters).
    regional: bool,
    /// It is a keycap (`1️⃣`): alone an emoji, in a row a number.
    keycap: bool,
    /// For a digit read as a letter in a word of fewer than [`LEET_WORD_LETTERS`] letters, its
    /// mark: [`SHORT_LEET`] (part of a number, or an `8`) or [`SHORT_DIGIT`] (another lone digit);
    /// 0 otherwise (see `read_leet_digits`); [`FROM_ONE`] for a `1` or `|` read as a letter,
    /// [`FROM_AT`] for an `@`; on an
    /// ideo unit, [`FROM_KATAKANA`].
    short: u8,
    /// A single digit read as a letter follows it at the end of its word (`fuck1`).
    before_digit: bool,
    /// A single digit read as a letter stands before it at the start of its word (`1fuck`).
    after_digit: bool,
}

impl Unit {
    /// Takes in a mark at `start..end`. In text read in display order (bidi overrides) the mark
    /// may come from before its letter in the bytes, so the range grows both ways.
    fn widen(&mut self, start: u32, end: u32) {
        self.start = self.start.min(start);
        self.end = self.end.max(end);
    }
}

/// What an ASCII byte is to the fast path (`Normalizer::fast_ascii`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AsciiKind {
    Letter,
    Space,
    Terminal,
    Newline,
    Ignorable,
    /// Punctuation and symbols that are plain gaps.
    Gap,
    /// Plain gaps that may begin symbols drawn as a letter (`leet::begins_sequence`: `/`, `\`,
    /// `[`, `}`, `>`), which the general path reads.
    Drawn,
    /// Digits and leet symbols: the general path reads them.
    Other,
}

/// The class of each ASCII character: what `Info::of` says, one load instead of the two-level
/// lookup (the general path reads every digit and leet symbol of a text through it; a test checks
/// it against the generated tables).
const ASCII_CLASSES: [Class; 128] = {
    let mut classes = [Class::Gap; 128];
    let mut b = 0usize;
    while b < 128 {
        let c = b as u8;
        classes[b] = if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c == b'\n' || c == b'\r' || c == 0x0B || c == 0x0C {
            Class::Newline
        } else if c == b'\t' {
            Class::Gap
        } else if c < 0x20 || c == 0x7F {
            Class::Ignorable
        } else if matches!(c, b'.' | b'?' | b'!') {
            Class::Terminal
        } else {
            Class::Gap
        };
        b += 1;
    }
    classes
};

/// The fast path's view of each ASCII byte, from its class and the leet tables; it agrees with
/// the generated tables (a test checks).
const ASCII_KINDS: [AsciiKind; 128] = {
    let mut kinds = [AsciiKind::Gap; 128];
    let mut b = 0usize;
    while b < 128 {
        let c = b as u8;
        kinds[b] = match ASCII_CLASSES[b] {
            Class::Letter => AsciiKind::Letter,
            Class::Digit => AsciiKind::Other,
            Class::Newline => AsciiKind::Newline,
            Class::Ignorable => AsciiKind::Ignorable,
            _ if c == b' ' || c == b'\t' => AsciiKind::Space,
            // (`!` ends a sentence, and is a leet symbol first.)
            _ if leet::is_symbol_byte(c) => AsciiKind::Other,
            Class::Terminal => AsciiKind::Terminal,
            _ if leet::begins_sequence(c) => AsciiKind::Drawn,
            _ => AsciiKind::Gap,
        };
        b += 1;
    }
    kinds
};

/// The script number [`unicode_data::skeleton`] gives look-alikes of the scripts it does not name.
const OTHER_LOOK_ALIKE_SCRIPT: usize = SCRIPTS - 1;

/// Units of a word kept before it is passed on: a longer word is passed on in parts (no edge
/// between them). Terms are never that long, so nothing that can match is cut.
const WORD_CAP: usize = 64;
/// Units a run of one letter is read as at most (the rest join its last unit): more change
/// nothing (`render` writes eight, the matcher and the segmenter read fewer).
const LONG_RUN: usize = 8;

/// Symbols the ASCII fast path puts out in one go at most (plus a word): fewer, larger batches
/// for a search ([`Normalizer::take_batch`]).
const BATCH: usize = 32;
/// Leet symbols in a row that can still be read as letters (more are punctuation: `!!!!`,
/// `a****le`).
pub const MAX_LEET_SYMBOLS: usize = 3;
/// Currency signs drawn as letters in a row that can still be read as letters (`₣₳₲₲ot`): each
/// stands for its own letter, as a letter does, so a word of the "currency" font has runs of them
/// (`leet::drawn_sign`).
const MAX_DRAWN_SIGNS: usize = 16;
/// Gap characters that may separate the letters of a spelled-out word.
const MAX_SPELLING_GAP: u32 = 3;
/// Fewest letters a word needs for every run of digits inside it to be read as plain letters (in a
/// shorter word a number from `1` or `8`, or an `8`, is marked [`SHORT_LEET`]: `l10n`, `k8s`), and for
/// a digit at its edge to be read at all.
pub(crate) const LEET_WORD_LETTERS: usize = 3;
/// Longest run of digits at the edge of a word of one or two letters that reads as letters
/// ([`SHORT_EDGE`]: `5h17`; `100mg` keeps its number).
const MAX_SHORT_EDGE_DIGITS: usize = 2;

/// Most letters and digits a word between two ideo letters may have and be a filler (`傻12逼`,
/// `他妈abc的`; `Normalizer::fillers`).
pub(crate) const MAX_FILLER_UNITS: usize = 3;
/// Most Hangul letters in a row between two Han letters that are one filler (`操你ㅋㅋㅋㅋ妈`:
/// Korean laughter runs long); more are a word.
const MAX_JAMO_FILLER: usize = 16;

/// `〇` IDEOGRAPHIC NUMBER ZERO: a filler between two ideo letters after one that is no Han
/// numeral (`傻〇逼`, `老〇二`), a digit after a numeral (`六〇四`).
const IDEOGRAPHIC_ZERO: char = '\u{3007}';

/// Whether `c` is an ideographic iteration mark, which writes the Han letter before it again:
/// the characters of the Han script Unicode names `ITERATION MARK` (`々`, `〻`, `𖿣`; a generator
/// of `tests/evasion_generators.rs` asks Unicode's names for them). Japanese writes one after a
/// kanji all the time (`色々な情報`, where reading it as `色` would hold `色情`), Chinese hardly
/// ever: one alone between two Han letters is a filler as a kana is, in text with no kana
/// (`傻々逼`; sixteenth session).
fn is_iteration_mark(c: char) -> bool {
    matches!(c, '\u{3005}' | '\u{303B}' | '\u{16FE3}')
}

/// The white circle `○` and the large circle `◯`, which Chinese writes for the zero of a number
/// as often as `〇` (`二○○八年`, `六○四室`, room 604; GB/T 15835 asks for `〇`): no Unicode data
/// reads them as a zero (UTS #39 draws `○` as `°`), so this is a convention, named here. After a
/// Han numeral (or another of them) each is read as `〇`, the zero it is there; elsewhere it is
/// the symbol it is (`傻○逼` is `傻逼` spaced with a symbol).
const CIRCLES_FOR_ZERO: [char; 2] = ['\u{25CB}', '\u{25EF}'];

/// Whether `c` (as read: Simplified, `fold`) is a Han numeral: a digit's
/// ([`unicode_data::han_digit`]: CLDR's decimal and financial numerals, `六`, `陆`; the
/// Traditional ones fold to them, `陸` is `陆`), a unit's (Unihan's `kPrimaryNumeric` or
/// `kAccountingNumeric` 10, 100, 1,000, 10,000 or 10^8, Simplified: `萬` is `万`), or `两`.
/// Asked of an ideo letter beside `〇` or a circle read as it, and by the rules tool of a term's
/// characters (a numeral beside another is part of a number, not written as a digit alone).
pub fn is_han_numeral(c: char) -> bool {
    is_han_digit_or_unit(c) || c == '两'
}

/// Whether `c` (as read) is a Han numeral of a number's digits or units: [`is_han_numeral`]
/// without `两` (a couple of; also what a number term inside a longer number is checked
/// against, `matcher::inside_a_longer_han_number`).
pub(crate) fn is_han_digit_or_unit(c: char) -> bool {
    unicode_data::han_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿' | '拾' | '佰' | '仟')
}

/// A word of one to three (`MAX_FILLER_UNITS`) ASCII letters or digits alone between two
/// spaceless-script letters (`傻a逼`, `傻12逼`, `Normalizer::fillers`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filler {
    /// Its bytes in the text.
    pub bytes: std::ops::Range<u32>,
    /// The ideo letter before it, as read.
    pub before: char,
    /// The ideo letter after it, as read.
    pub after: char,
    /// How many kana or Bopomofo letters it is (`傻の逼`: 1; 0 for any other, Hangul letters
    /// too, `操你ㅋㅋ妈`): such a filler counts only in text that has no other such letter
    /// (`Normalizer::kana_letters`).
    pub kana: u8,
}

/// What lay between two items (words, ideo letters, emoji).
#[derive(Debug, Clone, Copy, Default)]
struct GapInfo {
    chars: u32,
    other: bool,
    terminal: bool,
    /// The terminal was a full stop or an ellipsis, which ends a sentence only before a word
    /// that does not start lowercase (UAX #29's ATerm: `red. packet` runs on, `red. Packet` ends).
    full_stop: bool,
    /// The terminal stood apart from the word before it, whitespace before it too (a chat's
    /// `kill ! yourself`, French `quoi ? oui`): like a full stop, it ends a sentence only before
    /// a word that does not start lowercase.
    detached: bool,
    sentence_end: bool,
    /// (u8, saturating: with the flags the gap stays 16 bytes, which a copy of it moves whole.)
    newlines: u8,
    /// The last character was a carriage return (CR LF is one line break).
    after_cr: bool,
    paragraph: bool,
    /// A quotation mark was among the characters.
    quote: bool,
    /// A filler (a short word alone between two ideo letters) was among them (`Normalizer::filler`).
    filler: bool,
    /// Whitespace or a line break was among them.
    space: bool,
    /// Whether every character was an asterisk (`*`, or read as one: `＊`, `✱`) or a shape a
    /// censor prints over a hidden character (`○`, `×`, `■`: [`unicode_data::is_censor_mark`]):
    /// 0 if not, [`STARS`] if all were asterisks, [`MARKS`] if a shape was among them (which
    /// hides a character only between two Han letters: `ねえ○○ちゃん` holds no `え○ち`).
    stars: u8,
}

/// [`GapInfo::stars`]: every character an asterisk.
const STARS: u8 = 1;
/// [`GapInfo::stars`]: every character an asterisk or a censor's shape, one of them a shape.
const MARKS: u8 = 2;
/// [`GapInfo::stars`]: as [`MARKS`], one of the shapes a circle (`○`: a kana's fuseji when alone
/// between two kana, `ま○こ`).
const CIRCLE: u8 = 3;

// A gap is copied at every word: 16 bytes move as one.
const _: () = assert!(std::mem::size_of::<GapInfo>() == 16);

/// The most characters of a [`Gap::Symbols`].
const MAX_JOINING_SYMBOLS: u32 = 3;

impl GapInfo {
    /// [`Self::add`] of an ASCII space or tab (the fast path's most common gap byte), inline.
    #[inline(always)]
    fn add_space(&mut self) {
        self.chars = self.chars.saturating_add(1);
        self.stars = 0;
        self.after_cr = false;
        self.sentence_end |= self.terminal;
        self.space = true;
    }

    fn add(&mut self, unit: &Unit) {
        self.chars = self.chars.saturating_add(1);
        let star = if unit.ch == '*' {
            STARS
        } else if unicode_data::is_censor_mark(unit.ch) {
            if unicode_data::is_censor_circle(unit.ch) {
                CIRCLE
            } else {
                MARKS
            }
        } else {
            0
        };
        self.stars = match (self.chars, self.stars) {
            (1, _) => star,
            (_, 0) => 0,
            (_, before) if star != 0 => before.max(star),
            _ => 0,
        };
        let after_cr = std::mem::replace(&mut self.after_cr, unit.ch == '\r');
        match unit.class {
            Class::Terminal => {
                self.terminal = true;
                self.full_stop = matches!(unit.ch, '.' | '…' | '‥');
                self.detached = self.space;
                self.other = true;
            }
            Class::Newline => {
                self.space = true;
                if !(after_cr && unit.ch == '\n') {
                    self.newlines = self.newlines.saturating_add(1);
                }
                self.paragraph |= self.newlines >= 2;
                self.sentence_end |= self.terminal;
            }
            Class::Break => {
                self.paragraph = true;
                self.space = true;
            }
            _ if unit.ch.is_whitespace() => {
                self.sentence_end |= self.terminal;
                self.space = true;
            }
            _ => {
                self.other = true;
                // Only a gap of one character asks (the quotation marks and apostrophes are ~50 code points).
                self.quote |= self.chars == 1 && unicode_data::is_quotation_mark(unit.ch);
            }
        }
    }

    /// This gap followed by `after` (a character read as a gap between them).
    fn then(mut self, after: &GapInfo) -> GapInfo {
        if after.chars == 0 {
            return self;
        }
        self.stars =
            if (self.chars == 0 || self.stars != 0) && after.stars != 0 { self.stars.max(after.stars) } else { 0 };
        self.chars = self.chars.saturating_add(after.chars);
        self.other |= after.other;
        if after.terminal {
            self.terminal = true;
            self.full_stop = after.full_stop;
            self.detached = after.detached || self.space;
        }
        self.sentence_end |= after.sentence_end;
        self.newlines = self.newlines.saturating_add(after.newlines);
        self.after_cr = after.after_cr;
        self.paragraph |= after.paragraph;
        self.quote |= after.quote;
        self.filler |= after.filler;
        self
    }

    /// Whether letters this gap separates may spell a word: a few gap characters, or across blank
    /// lines a few more, all whitespace (letters written down the screen, `f⏎⏎u⏎⏎c⏎⏎k`).
    fn spells(&self) -> bool {
        if self.paragraph {
            !self.other && self.chars <= 2 * MAX_SPELLING_GAP
        } else {
            self.chars <= MAX_SPELLING_GAP
        }
    }

    fn kind(&self) -> Gap {
        if self.chars == 0 {
            Gap::None
        } else if self.other {
            // (One character that set `other` is no line break.)
            if self.chars == 1 && !self.quote {
                Gap::Symbol
            } else if self.chars <= MAX_JOINING_SYMBOLS && !self.space && !self.quote && !self.filler {
                Gap::Symbols
            } else {
                Gap::Other
            }
        } else {
            Gap::Space
        }
    }
}

/// An item on its way from the word stage to the spelling stage.
#[derive(Debug, Clone, Copy)]
enum Item {
    Ideo(Unit),
    Emoji(Unit),
}

/// Whether a word-stage part continues the word before it, or is continued by the next one.
#[derive(Debug, Clone, Copy, Default)]
struct Cut {
    continues: bool,
    continued: bool,
}

/// The characters of the text, in reading order, with their byte ranges.
enum Source<'t> {
    /// A text read in byte order (from byte `at`).
    Text { text: &'t str, at: usize },
    /// A text with bidi controls, in the order it is read: its characters with their byte
    /// ranges, and each one's byte when it is ASCII (`0xFF` otherwise) for the fast path.
    Reordered { chars: Vec<(char, u32, u32)>, bytes: Vec<u8>, at: usize },
}

impl Source<'_> {
    fn reordered(chars: Vec<(char, u32, u32)>) -> Self {
        let bytes = chars
            .iter()
            .map(|&(c, _, _)| u8::try_from(u32::from(c)).ok().filter(u8::is_ascii).unwrap_or(0xFF))
            .collect();
        Source::Reordered { chars, bytes, at: 0 }
    }

    /// Moves the reading position to `to` (a byte offset of the text, or a position in the
    /// reading order).
    fn seek(&mut self, to: usize) {
        match self {
            Source::Text { at, .. } | Source::Reordered { at, .. } => *at = to,
        }
    }
}

/// Where the fast path's positions are in the text: a text read in byte order, whose positions
/// are its byte offsets, or one read in another order ([`Source::Reordered`]'s characters).
trait Positions: Copy {
    /// Positions are byte offsets, in order.
    const IN_ORDER: bool;
    /// The byte offset of the (ASCII) character at position `i`.
    fn offset(self, i: usize) -> u32;
}

#[derive(Clone, Copy)]
struct InOrder;

impl Positions for InOrder {
    const IN_ORDER: bool = true;
    #[inline(always)]
    fn offset(self, i: usize) -> u32 {
        i as u32
    }
}

/// Byte offsets in order, with `len` bytes left out at byte `at` (the letters of a word whose
/// leet symbols the second reading drops, `fu!ck`: position 2 is the `c` at byte 3).
#[derive(Clone, Copy)]
struct Skipping {
    at: usize,
    len: u32,
}

impl Positions for Skipping {
    const IN_ORDER: bool = true;
    #[inline(always)]
    fn offset(self, i: usize) -> u32 {
        i as u32 + if i >= self.at { self.len } else { 0 }
    }
}

impl Positions for &[(char, u32, u32)] {
    const IN_ORDER: bool = false;
    #[inline(always)]
    fn offset(self, i: usize) -> u32 {
        self.get(i).map_or(0, |&(_, start, _)| start)
    }
}

impl Source<'_> {
    #[inline(always)]
    fn next(&mut self) -> Option<(char, u32, u32)> {
        match self {
            Source::Text { text, at } => {
                let rest = text.get(*at..)?;
                let c = rest.chars().next()?;
                let start = *at as u32;
                *at += c.len_utf8();
                Some((c, start, *at as u32))
            }
            Source::Reordered { chars, at, .. } => {
                let item = chars.get(*at).copied();
                *at += 1;
                item
            }
        }
    }
}

impl Source<'_> {
    /// The next `N` characters to read that are neither read as nothing (a default-ignorable
    /// code point, a control) nor decorate the one before (a mark), nor are `skip` (the
    /// separator of a run spelled out with one between its letters), without reading them (`None`
    /// past the text's end). The characters it passes over are read next anyway, so asking
    /// costs at most what reading them does, times the `N` characters that may ask.
    fn next_visible<const N: usize>(&self, skip: Option<char>) -> [Option<char>; N] {
        let mut found = [None; N];
        for (slot, c) in found.iter_mut().zip(self.upcoming().filter(|&c| Some(c) != skip && is_visible(c))) {
            *slot = Some(c);
        }
        found
    }

    /// The characters after the one read that ends at byte `end` (one read a few characters
    /// back at most; none if it is not found there), without reading them.
    fn after(&self, end: u32) -> impl Iterator<Item = char> + '_ {
        let (text, chars): (&str, &[(char, u32, u32)]) = match self {
            Source::Text { text, .. } => (text.get(end as usize..).unwrap_or_default(), &[]),
            Source::Reordered { chars, at, .. } => {
                let back = chars.get(..(*at).min(chars.len())).unwrap_or_default();
                let from = back.iter().rev().take(16).position(|&(_, _, e)| e == end).map(|k| back.len() - k);
                ("", from.and_then(|k| chars.get(k..)).unwrap_or_default())
            }
        };
        text.chars().chain(chars.iter().map(|&(c, _, _)| c))
    }

    /// The next character to read, without reading it.
    fn peek(&self) -> Option<char> {
        self.upcoming().next()
    }

    /// The next visible character (see [`Self::next_visible`]) and the next one that is not the
    /// same again or read as nothing, without reading them: a separator and what follows it.
    fn separator_and_letter(&self) -> Option<(char, char)> {
        let mut ahead = self.upcoming().filter(|&c| is_visible(c));
        let gap = ahead.next()?;
        let letter = ahead.find(|&c| c != gap)?;
        Some((gap, letter))
    }

    /// Whether the next characters to read are the ending of an English contraction after the
    /// letter `before` (`s`, `d`, `re`, `ll`, `ve`; `t` after `n`, `m` after `i`; in either case)
    /// and then no letter or digit: what follows the apostrophe of `it's`, `we'd`, `who're`,
    /// `he'll`, `we've`, `don't`, `I'm` (and not of `spa'm`). Looks at three characters at most
    /// (no skipping: a run of invisible characters is no contraction).
    fn contraction_ending_follows(&self, before: char) -> bool {
        let mut ending = [0u8; 2];
        let mut n = 0;
        for c in self.upcoming().take(3) {
            if !c.is_alphanumeric() {
                break;
            }
            if n == ending.len() || !c.is_ascii_alphabetic() {
                return false;
            }
            ending[n] = c.to_ascii_lowercase() as u8;
            n += 1;
        }
        match &ending[..n] {
            b"s" | b"d" | b"re" | b"ll" | b"ve" => true,
            b"t" => before.eq_ignore_ascii_case(&'n'),
            b"m" => before.eq_ignore_ascii_case(&'i'),
            _ => false,
        }
    }

    /// The characters still to read, in reading order, without reading them.
    fn upcoming(&self) -> impl Iterator<Item = char> + '_ {
        // (One of the two is empty: one iterator type for both sources.)
        let (text, chars): (&str, &[(char, u32, u32)]) = match self {
            Source::Text { text, at } => (text.get(*at..).unwrap_or_default(), &[]),
            Source::Reordered { chars, at, .. } => ("", chars.get(*at..).unwrap_or_default()),
        };
        text.chars().chain(chars.iter().map(|&(c, _, _)| c))
    }
}

/// Whether `c` is neither read as nothing (a default-ignorable code point, a control) nor
/// decorates the character before it (a mark): what a spelled run's look-ahead reads.
fn is_visible(c: char) -> bool {
    !matches!(Info::of(c).class(), Class::Ignorable | Class::Mark | Class::ScriptMark)
}

/// The vowels of the tears and the frown that Korean chat puts after a word and in faces (`ㅠ`,
/// `ㅜ`, `ㅡ`; `ㅠㅠ`, `ㅠㅅㅠ`), as conjoining jamo: a convention of chat, not of Unicode, named
/// here ([`Normalizer::spell`]).
const TEARS_AND_FROWN: [char; 3] = ['\u{1172}', '\u{116E}', '\u{1173}'];

/// Whether vowel `vowel`, after a lead that follows letters fitting no syllable, makes a syllable
/// with it, given the next four spelled letters `ahead`: a consonant follows it that is not
/// laughter, and it is not a tear or the frown again after that consonant, ending the run or
/// before laughter (a face: `ㅅㅂㅠㅅㅠ`, `ㅅㅂㅠㅅㅠㅋㅋ`; not `ㅋㅋㄱㅡㄱㅡㄱ`).
fn late_vowel_composes(vowel: Option<char>, ahead: [Option<unicode_data::SpelledJamo>; 4]) -> bool {
    let [next, after, third, fourth] = ahead;
    let face = vowel.is_some_and(|v| TEARS_AND_FROWN.contains(&v))
        && after.and_then(|j| j.vowel) == vowel
        && (third.is_none_or(|j| j.vowel.is_some()) || laughter(third, fourth, None));
    next.is_some_and(|j| j.vowel.is_none()) && !laughter(next, after, third) && !face
}

/// Whether `c` may stand between the letters of a run spelled out with separators: a character
/// between words (a space, punctuation, a symbol).
fn is_separator(c: char) -> bool {
    matches!(Info::of(c).class(), Class::Gap | Class::Terminal)
}

/// Whether spelled letters `a`, `b` are laughter: the same consonant twice (`ㅋㅋ`), with no
/// vowel `after` them, which would make the second the lead of a syllable and the first a final
/// (`ㄱㄱㅏ` in `ㄱㅏㄱㄱㅏ`).
fn laughter(
    a: Option<unicode_data::SpelledJamo>,
    b: Option<unicode_data::SpelledJamo>,
    after: Option<unicode_data::SpelledJamo>,
) -> bool {
    a.is_some_and(|j| j.vowel.is_none()) && a == b && after.is_none_or(|j| j.vowel.is_none())
}

/// Where a run of Hangul letters spelling syllables out (`ㅆㅣㅂㅏㄹ`) stands: what the held
/// unit is, built from it ([`Normalizer::spell`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// A lead consonant, waiting for its vowel.
    Lead,
    /// A lead consonant after letters that fit no syllable (`ㅆ` in `ㅋㅋㅆㅣ`, `ㅂ` in `ㅅㅂㅠㅠ`),
    /// with the vowel right before it, if one (`ㅅ` in `ㅠㅅㅠ`): its vowel makes a syllable only
    /// if a consonant follows the vowel, not laughter (doubled, no vowel after), and the vowel is not the one
    /// before the lead (a face), so that initials and the emoticons around them stay as written
    /// (`ㅅㅂㅠㅠ`, `ㅅㅂㅠ`, `ㅅㅂㅠㅋㅋ`, `ㅠㅅㅠㅅㅂ`; not `ㅅ뷰`).
    LateLead(Option<char>),
    /// A syllable without a final consonant (`씨`), which the next consonant may close.
    Open,
    /// A syllable with its final consonant (`발`).
    Closed,
    /// A vowel (that vowel's conjoining jamo) or a final consonant (`None`) that fits no
    /// syllable (`ㅠ` in `ㅠㅠ`, `ㄳ` alone).
    Broken(Option<char>),
}

/// A normaliser's heap buffers, kept between texts by a search ([`crate::Scan`]).
#[derive(Default)]
pub(crate) struct Buffers {
    ambiguous: Vec<std::ops::Range<u32>>,
    word: Vec<Unit>,
    symbols: Vec<Unit>,
    singles: Vec<(Unit, GapInfo)>,
    out: Vec<Symbol>,
    scratch: Vec<Unit>,
}

impl Buffers {
    fn clear(&mut self) {
        self.ambiguous.clear();
        self.word.clear();
        self.symbols.clear();
        self.singles.clear();
        self.out.clear();
        self.scratch.clear();
    }

    /// The bytes they hold on the heap.
    pub(crate) fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.ambiguous.capacity() * size_of::<std::ops::Range<u32>>()
            + (self.word.capacity() + self.symbols.capacity() + self.scratch.capacity()) * size_of::<Unit>()
            + self.singles.capacity() * size_of::<(Unit, GapInfo)>()
            + self.out.capacity() * size_of::<Symbol>()
    }
}

/// The symbols of a text, one at a time (an iterator).
pub struct Normalizer<'t> {
    source: Source<'t>,
    text: &'t str,
    /// Scripts with Latin look-alikes that the text uses for real (a letter without a look-alike),
    /// and whether it has a Latin letter, found when a word first needs to know.
    genuine: Option<TextScripts>,
    /// Read a term as written: look-alikes of other scripts stay (the pattern builder adds their
    /// Latin reading itself).
    as_written: bool,
    /// The second reading: leet symbols between long pieces separate words.
    split_symbols: bool,
    /// Byte ranges of symbols that could be read either way.
    ambiguous: Vec<std::ops::Range<u32>>,
    /// The furthest byte of the words those symbols are in.
    ambiguous_word_end: u32,
    /// The bytes of the last keycap read alone (`8️⃣`): one within a separator or two of it makes
    /// both ambiguous, keycaps apart that may spell a number (`8️⃣ 9️⃣`).
    last_keycap: Option<(u32, u32)>,
    /// Letters or digits alone between two spaceless-script letters (`傻a逼`), which the second
    /// reading reads as nothing.
    fillers: Vec<Filler>,
    /// The word being read has symbols drawn as a letter (`leet::sequence`), recorded as
    /// ambiguous: its end is the furthest byte the second reading needs.
    drawn_in_word: bool,
    /// The last two runs of leet symbols read as a gap because too many came in a row.
    overflows: [std::ops::Range<u32>; 2],
    /// How many such runs there were.
    overflows_recorded: u32,
    /// Stage 1's unit that marks may still widen.
    held: Option<Unit>,
    /// The start of the held unit if a run of Hangul letters spelling syllables out made it,
    /// and what it is.
    spelling: Option<(u32, Spelling)>,
    /// The separator of that run if it is spelled out with one between its letters (`ㅆ ㅣ ㅂ ㅏ
    /// ㄹ`, `ㅆ.ㅣ.ㅂ.ㅏ.ㄹ`).
    spelling_gap: Option<char>,
    // Stage 2: the word being read, and leet-capable symbols after it (or before the next).
    word: Vec<Unit>,
    word_cut: bool,
    /// Letters the run at the end of `word` has had (a hint: pieces pushed another way are not
    /// counted), and whether one of `word`'s runs passed `LONG_RUN` (`shorten_long_runs`).
    run: usize,
    long_run: bool,
    symbols: Vec<Unit>,
    // Stage 3: one-letter words that may be spelling a word out, and the gaps between them.
    singles: Vec<(Unit, GapInfo)>,
    joining: bool,
    /// The first of `singles` came right after an ideo letter (`加 Q Q`).
    singles_after_ideo: bool,
    /// `singles` holds the units of one word of two to [`MAX_FILLER_UNITS`] ASCII letters or
    /// digits right after an ideo letter (`傻12`): a filler if an ideo letter follows (`傻12逼`),
    /// put out as the word it is otherwise.
    held_word: bool,
    /// An ideo letter that may be a filler, right after a Han letter (`傻の`, `傻〇`), with the
    /// gap before it, held in `singles`: a kana or a Hangul letter alone (no syllable), or `〇`
    /// IDEOGRAPHIC NUMBER ZERO after a Han letter that is no Han numeral. A filler if a Han
    /// letter follows (`傻の逼`, `操你ㅋ妈`, `傻〇逼`; for `〇`, one that is no Han numeral),
    /// put out as the ideo letter it is otherwise (`六〇四`, `日本の`).
    held_ideo: Option<(Unit, GapInfo)>,
    /// Kana and Bopomofo letters read (ideo letters: `Filler::kana`, `Self::kana_letters`).
    kana_letters: u32,
    /// A leet digit glued before the first of `singles` (`1f u c k`): a gap before the word
    /// when they join, the first single's own when they do not (`5g`).
    lead_digit: Option<Unit>,
    /// Leet digits alone after one-letter words (`s h 1` of `s h 1 t`), each with the gap
    /// before it, held until the next word says what they are: before a letter alone, letters
    /// of the word spelled out (`shit`); before anything else, read as they would have been at
    /// once (`a 5 5` stays `a` and the number `55`). At most [`MAX_LEET_SINGLES`].
    leet_singles: Vec<(Unit, GapInfo)>,
    /// A leet symbol alone after one-letter words (`!` of `s h ! t`), read as its letter, with
    /// the gap before it: it went into the gap as any symbol alone does, and a letter alone
    /// right after it takes it back into the spelled-out word (`word_stage_out`).
    gap_leet: Option<(Unit, GapInfo)>,
    /// A second leet symbol alone right after the first (`$` of `p u $ $ y`), likewise.
    gap_leet_second: Option<(Unit, GapInfo)>,
    /// A leet symbol alone that may start a word (`$` of `$ h i t`), read as its letter, with the
    /// gap before it, noted as it went into the gap with no one-letter words before it; and,
    /// once a letter alone came close after it, that letter's first byte. The next letter alone
    /// takes it back as the first letter of the spelled-out word (`lead_leet_symbol`): with three
    /// letters the word is spelled out, so the symbol never stands for a letter alone.
    gap_lead: Option<(Unit, GapInfo, Option<u32>)>,
    gap: GapInfo,
    /// Where the last circle read as `〇` ends ([`CIRCLES_FOR_ZERO`]; 0 for none): a run of them
    /// after a numeral is asked of once each, not again back to the numeral.
    circle_zero_end: u32,
    // Stage 4: the output, the last ideo/emoji symbol (runs), and what came before.
    out: Vec<Symbol>,
    /// The next symbol of `out` to hand out.
    out_at: usize,
    pending: Option<Symbol>,
    last_word_letters: usize,
    last_was_word: bool,
    /// The last word or ideo letter put out was an ideo letter.
    last_was_ideo: bool,
    /// The last ideo letter put out.
    last_ideo: char,
    /// Asterisks before the last ideo letters, with nothing but ideo letters since, may open an
    /// emphasis (`*他` of `*他*的`): the next asterisks close it, and are no censor's mask.
    emphasis_open: bool,
    /// The pending ideo letter came right after another, with no gap (`他奶` of `他奶 奶`), or
    /// after spaces following one that stood alone (`他 奶` of `他 奶 奶`): the same letter after
    /// a few spaces is then one run with it.
    pending_follows_ideo: bool,
    /// The pending ideo letter came right after another, with no gap (`杯` of `干杯 幹 干`).
    pending_glued: bool,
    /// A word or ideo letter came after the pending emoji (so the next one is not the same run).
    interrupted: bool,
    scratch: Vec<Unit>,
    done: bool,
    /// Off: every character goes through the general path (the tests' reference).
    #[cfg(test)]
    fast_path: bool,
}

impl<'t> Normalizer<'t> {
    /// Starts reading `text`. Texts beyond 4 GiB are read up to there (offsets are 32-bit).
    pub fn new(text: &'t str) -> Self {
        Self::with_buffers(text, Buffers::default())
    }

    /// [`Self::new`] with heap buffers a normaliser used before ([`Self::into_buffers`]), so that
    /// a search allocates nothing when they are large enough.
    pub(crate) fn with_buffers(text: &'t str, buffers: Buffers) -> Self {
        let text = clip(text);
        let source = match has_bidi_controls(text).then(|| reading_order::reorder(text)).flatten() {
            Some(chars) => Source::reordered(chars),
            None => Source::Text { text, at: 0 },
        };
        let mut normalizer = Self::with_source(text, source, buffers);
        normalizer.word.reserve(WORD_CAP);
        normalizer.out.reserve(16);
        normalizer
    }

    /// A normaliser of no text that allocates nothing (to stand in for one taken elsewhere).
    pub(crate) fn empty() -> Self {
        Self::with_source("", Source::Text { text: "", at: 0 }, Buffers::default())
    }

    /// Takes over what `window` (a reading of part of the same text) learnt about the whole
    /// text, so that it is not learnt again: the scripts the text uses.
    pub(crate) fn learn_from(&mut self, window: &Normalizer<'t>) {
        if self.genuine.is_none() {
            self.genuine = window.genuine;
        }
    }

    /// The heap buffers, emptied, for another normaliser ([`Self::with_buffers`]).
    pub(crate) fn into_buffers(mut self) -> Buffers {
        self.take_buffers()
    }

    /// [`Self::into_buffers`] without moving the normaliser (one that is done with: it holds
    /// empty buffers after).
    pub(crate) fn take_buffers(&mut self) -> Buffers {
        let mut buffers = Buffers {
            ambiguous: std::mem::take(&mut self.ambiguous),
            word: std::mem::take(&mut self.word),
            symbols: std::mem::take(&mut self.symbols),
            singles: std::mem::take(&mut self.singles),
            out: std::mem::take(&mut self.out),
            scratch: std::mem::take(&mut self.scratch),
        };
        buffers.clear();
        buffers
    }

    fn with_source(text: &'t str, source: Source<'t>, buffers: Buffers) -> Self {
        let Buffers { ambiguous, word, symbols, singles, out, scratch } = buffers;
        Normalizer {
            source,
            text,
            genuine: None,
            as_written: false,
            split_symbols: false,
            ambiguous,
            ambiguous_word_end: 0,
            last_keycap: None,
            fillers: Vec::new(),
            drawn_in_word: false,
            overflows: [0..0, 0..0],
            overflows_recorded: 0,
            held: None,
            spelling: None,
            spelling_gap: None,
            word,
            word_cut: false,
            run: 0,
            long_run: false,
            symbols,
            singles,
            joining: false,
            singles_after_ideo: false,
            held_word: false,
            held_ideo: None,
            kana_letters: 0,
            lead_digit: None,
            leet_singles: Vec::new(),
            gap_leet: None,
            gap_leet_second: None,
            gap_lead: None,
            gap: GapInfo::default(),
            circle_zero_end: 0,
            out,
            out_at: 0,
            pending: None,
            last_word_letters: 0,
            last_was_word: false,
            last_was_ideo: false,
            last_ideo: '\0',
            pending_follows_ideo: false,
            pending_glued: false,
            emphasis_open: false,
            interrupted: false,
            scratch,
            done: false,
            #[cfg(test)]
            fast_path: true,
        }
    }

    /// Reads a rule term: as [`Self::new`], except that letters of other scripts stay as written
    /// (`сука` is the Russian word; `pattern.rs` adds the reading with Latin look-alikes).
    pub fn as_written(text: &'t str) -> Self {
        Self::as_written_with(text, Buffers::default())
    }

    /// [`Self::as_written`] with heap buffers a normaliser used before.
    pub(crate) fn as_written_with(text: &'t str, buffers: Buffers) -> Self {
        Normalizer { as_written: true, ..Self::with_buffers(text, buffers) }
    }

    // ---- Stage 1: characters ----------------------------------------------------------------

    /// Reads characters until some symbol is ready or the text ends.
    fn advance(&mut self) {
        self.out.clear();
        self.out_at = 0;
        while self.out.is_empty() {
            // Inside a word the fast path has nothing to do (it would say so after a call).
            if !self.inside_word() && self.fast_ascii_words() {
                continue;
            }
            let Some((c, start, end)) = self.source.next() else {
                self.finish();
                return;
            };
            if c.is_ascii() {
                // One table lookup, no branch on what the byte is: in a text that mixes letters,
                // digits and symbols at random such branches are mispredicted.
                let b = c as u8;
                let class = ASCII_CLASSES[usize::from(b & 0x7F)];
                if class == Class::Ignorable {
                    continue;
                }
                if leet::begins_sequence(b) && self.drawn_letter(start) {
                    continue;
                }
                let unit = ascii_unit(b, class, start, end);
                // Before a byte that is ASCII and no ignorable control, no mark can follow: the
                // unit is complete and goes on at once (holding it costs a store and a load).
                if self.next_completes() {
                    if let Some(previous) = self.held.take() {
                        self.unit(previous);
                    }
                    self.unit(unit);
                    self.ascii_inside_word();
                } else {
                    self.hold(unit);
                }
                continue;
            }
            // A conjoining vowel or final jamo after the jamo or syllable it completes (text in
            // NFD): one syllable, as NFC writes it.
            if (0x1161..=0x11C2).contains(&(c as u32)) {
                if let Some(held) = &mut self.held {
                    if let Some(syllable) = unicode_data::compose_hangul(held.ch, c) {
                        held.ch = syllable;
                        held.class = Info::of(syllable).class();
                        held.widen(start, end);
                        continue;
                    }
                }
            }
            if let Some(jamo) = unicode_data::spelled_jamo(c) {
                if self.spell(jamo, start, end) {
                    continue;
                }
            }
            let c = if CIRCLES_FOR_ZERO.contains(&c) && self.after_han_numeral(start) {
                self.circle_zero_end = end;
                IDEOGRAPHIC_ZERO
            } else {
                c
            };
            // A modifier letter drawn as the apostrophe, after a letter and before the ending of
            // an English contraction (`Whoʼre`, `Heʼll`, `donʼt`), is the apostrophe those words
            // are written with; elsewhere it is read as nothing (`fʼuʼcʼk`).
            let c = if unicode_data::is_apostrophe_letter(c)
                && self
                    .held
                    .is_some_and(|held| held.class == Class::Letter && self.source.contraction_ending_follows(held.ch))
            {
                '\''
            } else {
                c
            };
            let info = Info::of(c);
            match info.class() {
                Class::Ignorable => {}
                Class::ScriptMark => {
                    // A script's own mark is part of a letter of its script (a Devanagari vowel
                    // sign); after anything else it only decorates.
                    // Letters of spaceless scripts are one symbol each: their marks (Thai tones, the
                    // Vietnamese reading marks on Han) decorate them, as accents do.
                    match self.held {
                        Some(held) if held.class == Class::Letter && unicode_data::same_mark_script(held.ch, c) => self
                            .hold(Unit {
                                ch: c,
                                class: held.class,
                                start,
                                end,
                                symbol: '\0',
                                upper: false,
                                regional: false,
                                keycap: false,
                                short: 0,
                                before_digit: false,
                                after_digit: false,
                            }),
                        Some(ref mut held) => held.widen(start, end),
                        None => {}
                    }
                }
                Class::Mark => {
                    // A decoration belongs to the character before it: masking that character
                    // masks the mark too. A voicing mark after kana voices it (`ﾊﾞ` is `ば`).
                    let mut mark = c;
                    if info.folds() {
                        unicode_data::fold(c, |f| mark = f);
                    }
                    if let Some(held) = &mut self.held {
                        held.widen(start, end);
                        if let Some(composed) = unicode_data::compose(held.ch, mark) {
                            held.ch = composed;
                        }
                        // A keycap (`1️⃣`): alone an emoji, in a row a number (`8️⃣9️⃣6️⃣4️⃣`).
                        if mark == unicode_data::KEYCAP && held.class == Class::Digit {
                            held.keycap = true;
                        }
                    }
                }
                _ if info.folds() => {
                    let upper = c.is_uppercase();
                    let mut folded = [Unit {
                        ch: c,
                        class: Class::Gap,
                        start,
                        end,
                        symbol: '\0',
                        upper,
                        regional: unicode_data::is_regional_indicator(c),
                        keycap: false,
                        short: 0,
                        before_digit: false,
                        after_digit: false,
                    }; 8];
                    let mut n = 0;
                    unicode_data::fold(c, |f| {
                        if n < folded.len() {
                            folded[n] = Unit {
                                ch: f,
                                class: Info::of(f).class(),
                                start,
                                end,
                                symbol: '\0',
                                upper: upper && n == 0,
                                regional: unicode_data::is_regional_indicator(c),
                                keycap: false,
                                short: 0,
                                before_digit: false,
                                after_digit: false,
                            };
                            n += 1;
                        }
                    });
                    let mut previous: Option<Class> = None;
                    for unit in &mut folded[..n] {
                        if unit.class == Class::Ideo && unicode_data::is_katakana_look_alike(c, unit.ch) {
                            unit.short = FROM_KATAKANA;
                        }
                        if unit.class == Class::ScriptMark {
                            // A script's mark in a decomposition (`ऩ` is `न` + nukta) is part of its letter.
                            match previous {
                                Some(class @ (Class::Letter | Class::Ideo)) => unit.class = class,
                                _ => continue,
                            }
                        }
                        if unit.class != Class::Ignorable && unit.class != Class::Mark {
                            previous = Some(unit.class);
                            self.hold(*unit);
                        }
                    }
                }
                class => self.hold(Unit {
                    ch: c,
                    class,
                    start,
                    end,
                    symbol: '\0',
                    upper: c.is_uppercase(),
                    regional: false,
                    keycap: false,
                    short: 0,
                    before_digit: false,
                    after_digit: false,
                }),
            }
        }
    }

    /// Inside a word of text read in byte order, the ASCII characters that follow, straight from
    /// the bytes: each makes the unit the loop of [`Self::advance`] makes of it, without decoding
    /// it or holding it (the next byte is ASCII and no ignorable control, so no mark can follow).
    /// Stops where that loop has more to do: a symbol ready, the word ended, a byte that is not
    /// ASCII, an ignorable control, or may begin symbols drawn as a letter, or one whose unit a
    /// mark could still widen (the text's last byte too).
    #[inline(always)]
    fn ascii_inside_word(&mut self) {
        // Off with the fast path in tests: the general path is then the loop of `advance` alone,
        // which these units must agree with (`the_fast_path_gives_the_general_paths_symbols`).
        #[cfg(test)]
        if !self.fast_path {
            return;
        }
        let Source::Text { text, at } = &self.source else { return };
        let (bytes, mut i) = (text.as_bytes(), *at);
        while self.out.is_empty() && self.inside_word() {
            let Some(&b) = bytes.get(i) else { break };
            if (b >= 0x80) | !completes(bytes.get(i + 1).copied()) {
                break;
            }
            let class = ASCII_CLASSES[usize::from(b)];
            // A byte that may begin symbols drawn as a letter is the loop's business only where
            // such symbols begin (`drawn_letter` reads nothing else: `|` before a letter is a leet
            // symbol).
            if class == Class::Ignorable || (leet::begins_sequence(b) && drawn_at(bytes, i)) {
                break;
            }
            self.unit(ascii_unit(b, class, i as u32, i as u32 + 1));
            i += 1;
        }
        self.source.seek(i);
    }

    /// Whether a word is being read (in part, or cut at `WORD_CAP` and going on), or the leet
    /// symbols after one: the general path's business.
    fn inside_word(&self) -> bool {
        // (One branch where this is asked: `|`, not `||`.)
        !self.word.is_empty() | !self.symbols.is_empty() | self.word_cut
    }

    /// [`Self::fast_ascii`], then more plain words while there is room: the fast path changes
    /// nothing a reader of the symbols asks the normaliser about between them (ambiguous
    /// symbols, overflows), so a batch of several words reads as they would one by one. Whether
    /// it consumed anything. (One call for the batch: the fast path inlined in one loop.)
    #[inline(never)]
    fn fast_ascii_words(&mut self) -> bool {
        let mut consumed = false;
        while self.fast_ascii() {
            consumed = true;
            if self.out.len() >= BATCH || self.held.is_some() {
                break;
            }
        }
        consumed
    }

    /// Most text is ASCII words and gaps: a word of ASCII letters followed by a plain gap (or the
    /// end) is emitted straight from its bytes, and plain gap bytes are counted, without going
    /// through the units of the general path. Anything else (digits, leet symbols, a non-ASCII
    /// byte that could be a mark on the word's last letter) is left to the general path, which
    /// gives the same symbols. Returns whether it consumed anything.
    #[inline(always)]
    fn fast_ascii(&mut self) -> bool {
        #[cfg(test)]
        if !self.fast_path {
            return false;
        }
        if self.held.is_some() {
            // No ASCII character is a mark, so the held unit is complete before one: passed on
            // here, it lets the fast path take over again after a character it does not read.
            // (An ignorable control is read through: a mark after it still belongs to the unit.)
            if !self.next_completes() {
                return false;
            }
            if let Some(held) = self.held.take() {
                self.unit(held);
            }
        }
        // Inside a word (read in part, or cut at WORD_CAP and going on), the general path goes on.
        if self.inside_word() {
            return false;
        }
        let to = match &mut self.source {
            Source::Text { text, at } => {
                let (text, at) = (*text, *at);
                self.fast_ascii_at(text.as_bytes(), at, InOrder)
            }
            Source::Reordered { chars, bytes, at } => {
                // Taken out of the source while the symbols are put out, then put back.
                let (chars, bytes, at) = (std::mem::take(chars), std::mem::take(bytes), *at);
                let to = self.fast_ascii_at(&bytes, at, chars.as_slice());
                self.source = Source::Reordered { chars, bytes, at };
                to
            }
        };
        let Some(to) = to else { return false };
        self.source.seek(to);
        true
    }

    /// The fast path from position `start` of `bytes` (the text's bytes, or the ASCII bytes of
    /// its characters in reading order): where it stopped, or `None` when it consumed nothing.
    #[inline(always)]
    fn fast_ascii_at<P: Positions>(&mut self, bytes: &[u8], start: usize, positions: P) -> Option<usize> {
        let mut i = start;
        // Plain gap bytes.
        while let Some(&b) = bytes.get(i) {
            let kind = ASCII_KINDS[usize::from(b & 0x7F)];
            if b >= 0x80 || kind == AsciiKind::Letter || kind == AsciiKind::Other {
                break;
            }
            if kind == AsciiKind::Drawn && P::IN_ORDER && drawn_at(bytes, i) {
                break; // symbols drawn as a letter (`\/\/hore`): the general path's
            }
            if kind == AsciiKind::Space {
                self.gap.add_space();
            } else if kind != AsciiKind::Ignorable {
                let class = match kind {
                    AsciiKind::Terminal => Class::Terminal,
                    AsciiKind::Newline => Class::Newline,
                    _ => Class::Gap,
                };
                self.gap.add(&byte_unit(char::from(b), positions.offset(i) as usize, class));
            }
            i += 1;
        }
        // A word of letters, then a plain gap or the end.
        let word_start = i;
        // No further than WORD_CAP letters: a word that long is the general path's (which cuts
        // it there), and scanning all of it here on every call would be quadratic.
        let within = bytes.get(word_start..bytes.len().min(word_start + WORD_CAP)).unwrap_or(&[]);
        i += ascii_letters(within);
        let after = bytes.get(i).copied();
        // `ends_plain_word`, with a byte that may begin a drawn run asked whether one does. (Written
        // out: `ends_plain_word(b) || drawn...` cost prose 1.5% more instructions, 2026-12-04.)
        let plain_end = match after {
            None => true,
            Some(b) if b >= 0x80 => false,
            Some(b) => match ASCII_KINDS[usize::from(b)] {
                AsciiKind::Letter | AsciiKind::Other | AsciiKind::Ignorable => false,
                AsciiKind::Drawn => !(P::IN_ORDER && drawn_at(bytes, i)),
                _ => true,
            },
        };
        let word_len = i - word_start;
        // Pieces of letters joined by leet symbols (`pronaoi+stagecoaches`). In the second
        // reading the symbols separate words: words and gaps, put out here too. In the first
        // they are letters. (A reader of the first asks about ambiguous symbols before each
        // batch of symbols, so there such a word starts a batch, as it does on the general path.)
        // Byte order only: their ranges are the text's.
        if P::IN_ORDER
            && !plain_end
            && (SPLIT_PIECE..WORD_CAP).contains(&word_len)
            && (self.split_symbols || self.out.is_empty())
        {
            if let Some(end) = split_compound(bytes, word_start, i) {
                if self.split_symbols {
                    self.emit_compound(bytes, word_start, i, end);
                } else {
                    self.emit_leet_compound(bytes, word_start, i, end);
                }
                return Some(end);
            }
        }
        // Two letters or more on each side of one run of leet symbols put in among them (`fu!ck`,
        // `zu!cx`; pieces of three or more on both sides are a compound, above): the first reading
        // reads the symbols as letters, the second drops them (`symbol_joins`). After a space or
        // nothing only, and the same batch rule as a compound's.
        if P::IN_ORDER
            && !plain_end
            && (2..WORD_CAP).contains(&word_len)
            && !self.gap.other
            && (self.split_symbols || self.out.is_empty())
        {
            if let Some((run, end)) = split_join(bytes, word_start, i) {
                self.emit_join(bytes, word_start, run, end);
                return Some(end);
            }
        }
        if word_len == 0 || !plain_end || word_len >= WORD_CAP {
            // Only the gap was plain (or nothing was): the general path takes it from here.
            return (word_start > start).then_some(word_start);
        }
        self.emit_ascii_word(&bytes[word_start..i], word_start, positions);
        Some(i)
    }

    /// The fast path's word of ASCII letters, starting at byte `word_start`: the symbols the
    /// general path gives a whole word of plain letters after `self.gap`.
    #[inline(always)]
    fn emit_ascii_word<P: Positions>(&mut self, word: &[u8], word_start: usize, positions: P) {
        let Some(&lead) = word.first() else { return };
        if word.len() == 1 {
            let unit = ascii_letter_unit(lead, positions.offset(word_start));
            self.word_stage_out(std::slice::from_ref(&unit), Cut::default());
            return;
        }
        // A short word right after an ideo letter may be a filler (`傻 ab 逼`): the word stage's.
        if word.len() <= MAX_FILLER_UNITS && self.last_was_ideo {
            self.emit_short_ascii_word(word, word_start, positions);
            return;
        }
        self.emit_ascii_runs::<false, P>(word, word_start, positions);
    }

    /// A word of two or three ASCII letters as the word stage gets it from the general path.
    #[cold]
    #[inline(never)]
    fn emit_short_ascii_word<P: Positions>(&mut self, word: &[u8], word_start: usize, positions: P) {
        let mut units = [byte_unit('a', 0, Class::Letter); MAX_FILLER_UNITS];
        for ((unit, &b), k) in units.iter_mut().zip(word).zip(word_start..) {
            *unit = ascii_letter_unit(b, positions.offset(k));
        }
        self.word_stage_out(units.get(..word.len()).unwrap_or(&[]), Cut::default());
    }

    /// The first reading's word `bytes[start..end]` of pieces of letters joined by runs of leet
    /// symbols (found by [`split_compound`], the first piece ending at `first_end`): what the
    /// general path gives it. Each run is recorded as ambiguous (`symbol_separators`: the second
    /// reading reads it as a gap), each symbol is read as its letter (`symbols_before_letter`,
    /// `as_letter`), and the word is put out as `emit_word` puts out a whole word (no digits,
    /// no look-alikes, no spelling: nothing else of the word stage applies to it).
    fn emit_leet_compound(&mut self, bytes: &[u8], start: usize, first_end: usize, end: usize) {
        for run in compound_runs(bytes, first_end, end) {
            self.ambiguous.push(run.start as u32..run.end as u32);
        }
        self.ambiguous_word_end = self.ambiguous_word_end.max(end as u32);
        self.emit_ascii_runs::<true, InOrder>(&bytes[start..end], start, InOrder);
    }

    /// The word `bytes[start..end]` of two pieces of two letters or more around one run of leet
    /// symbols, `run` (found by [`split_join`]): what the general path gives it. The run is
    /// recorded as ambiguous; the first reading reads its symbols as letters
    /// ([`Self::emit_leet_compound`], whose runs hold pieces of any length), the second reads the word without them (`fuck` for
    /// `fu!ck`), each letter at its own byte.
    fn emit_join(&mut self, bytes: &[u8], start: usize, run: std::ops::Range<usize>, end: usize) {
        if !self.split_symbols {
            self.emit_leet_compound(bytes, start, run.start, end);
            return;
        }
        self.ambiguous.push(run.start as u32..run.end as u32);
        self.ambiguous_word_end = self.ambiguous_word_end.max(end as u32);
        let mut letters = [0u8; WORD_CAP];
        let (before, after) = (&bytes[start..run.start], &bytes[run.end..end]);
        let kept = before.len() + after.len();
        letters[..before.len()].copy_from_slice(before);
        letters[before.len()..kept].copy_from_slice(after);
        let skip = Skipping { at: run.start, len: (run.end - run.start) as u32 };
        self.emit_ascii_runs::<false, Skipping>(&letters[..kept], start, skip);
    }

    /// What `word_stage_out` and `emit_word` put out for a whole word of two ASCII letters or
    /// more starting at byte `start` (with `LEET`, leet symbols too, each read as its letter and
    /// marked as `as_letter` marks it): one symbol a run of one letter.
    #[inline(always)]
    fn emit_ascii_runs<const LEET: bool, P: Positions>(&mut self, word: &[u8], start: usize, positions: P) {
        let Some(&lead) = word.first() else { return };
        self.interrupted = true;
        // A word put out here, past the word stage, ends what a note of a symbol alone before
        // spelled-out letters waits for (`word_stage_out` drops it for the stage's own words).
        self.gap_lead = None;
        let gap = std::mem::take(&mut self.gap);
        self.flush_singles();
        self.emit_break_for(&gap, lead.is_ascii_lowercase());
        self.flush_pending();
        // Each unit as the word stage reads it: its letter (`| 0x20` is an ASCII letter's
        // lowercase), and the mark of its symbol.
        let read = |b: u8| {
            if LEET {
                if let Some((letter, _)) = leet::symbol(char::from(b)) {
                    return (letter, symbol_mark(char::from(b)));
                }
            }
            (char::from(b | 0x20), 0)
        };
        let word_letters = u8::try_from(word.len()).unwrap_or(0);
        let mut first_gap = gap.kind();
        let mut r = 0;
        while let Some(&first) = word.get(r) {
            let (ch, mut edge) = read(first);
            let mut e = r + 1;
            while let Some(&b) = word.get(e) {
                let (next, mark) = read(b);
                if next != ch {
                    break;
                }
                edge |= mark;
                e += 1;
            }
            edge |= if r == 0 { START } else { 0 } | if e == word.len() { END } else { 0 };
            if ch == 'i' && (first == b'I' || e > r + 1) {
                edge |= ascii_capital_i_for_l(word, r, e, LEET);
            }
            let (first, last) = (positions.offset(start + r), positions.offset(start + e - 1));
            // In byte order a run's bytes are those of its first and last letters and between;
            // in reading order, wherever its letters are.
            let (run_start, run_end) = if P::IN_ORDER {
                (first, last + 1)
            } else {
                (start + r..start + e)
                    .map(|k| positions.offset(k))
                    .fold((u32::MAX, 0), |(s, e), at| (s.min(at), e.max(at + 1)))
            };
            self.out.push(Symbol {
                ch,
                kind: SymbolKind::Word,
                count: (e - r) as u32,
                edge,
                gap: first_gap,
                start: run_start,
                end: run_end,
                last_start: last,
                first_end: first + 1,
                word_letters,
                digit: 0,
            });
            first_gap = Gap::None;
            r = e;
        }
        self.last_word_letters = word.len();
        self.last_was_word = true;
        self.last_was_ideo = false;
    }

    /// The second reading's word `bytes[start..end]` of pieces of letters joined by runs of
    /// leet symbols (found by [`split_compound`], the first piece ending at `first_end`): what
    /// the general path gives it (`pass_word` with `symbol_separators`): each run is recorded
    /// as ambiguous and read as a gap between the pieces, each piece as a word.
    fn emit_compound(&mut self, bytes: &[u8], start: usize, first_end: usize, end: usize) {
        self.ambiguous_word_end = self.ambiguous_word_end.max(end as u32);
        let mut piece_start = start;
        for run in compound_runs(bytes, first_end, end) {
            self.emit_ascii_word(&bytes[piece_start..run.start], piece_start, InOrder);
            self.ambiguous.push(run.start as u32..run.end as u32);
            for at in run.clone() {
                self.gap.add(&byte_unit(char::from(bytes[at]), at, Class::Gap));
            }
            piece_start = run.end;
        }
        self.emit_ascii_word(&bytes[piece_start..end], piece_start, InOrder);
    }

    /// Symbols drawn together as one letter (`leet::sequence`: `f|_|ck`, `p()rn`, `\/\/hore`,
    /// `fuc|<`) starting at byte `start` (the symbol just read), where they touch a word: between
    /// two letters, at the start of a word of two letters or more after a space or nothing, or
    /// (without a digit) at the end of a word of two letters or more before no letter or digit. Read as their letter
    /// (one plain letter, bytes of all of them) and recorded as ambiguous: the second reading
    /// reads them as the gap they also are (`fuck()`, `()fuck`). Whether it read them; only text
    /// read in byte order, and never in the second reading.
    fn drawn_letter(&mut self, start: u32) -> bool {
        if self.split_symbols || self.as_written {
            return false;
        }
        let Source::Text { text, .. } = &self.source else { return false };
        let bytes = text.as_bytes();
        let from = start as usize;
        let Some((letter, len)) = bytes.get(from..bytes.len().min(from + 4)).and_then(leet::sequence) else {
            return false;
        };
        let after = from + len;
        let letter_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
        let (next, second) = (letter_at(after), letter_at(after + 1));
        let ends_here = !bytes.get(after).is_some_and(|b| b.is_ascii_alphanumeric() || leet::begins_sequence(*b));
        let space_before = from == 0 || bytes.get(from - 1).is_some_and(u8::is_ascii_whitespace);
        // Whatever the symbol follows is complete (it is ASCII and no mark).
        if let Some(previous) = self.held.take() {
            self.unit(previous);
        }
        let letter_before = self.symbols.is_empty() && self.word.last().is_some_and(|u| u.class == Class::Letter);
        let long_before = letter_before && self.word.len() >= 2;
        let inner = letter_before && next;
        let starts = self.word.is_empty() && self.symbols.is_empty() && space_before && next && second;
        // (A digit drawn into a letter at a word's end is a number glued to it: `slut|2`.)
        let ends = long_before && ends_here && !bytes[from..after].iter().any(u8::is_ascii_digit);
        if !(inner || starts || ends) {
            return false;
        }
        self.source.seek(after);
        self.ambiguous.push(start..after as u32);
        self.drawn_in_word = true;
        self.unit(Unit { end: after as u32, ..byte_unit(letter, from, Class::Letter) });
        true
    }

    /// Whether the next character the source gives is ASCII and not ignorable (so that nothing
    /// after it can belong to the character before it).
    #[inline(always)]
    fn next_completes(&self) -> bool {
        let next = match &self.source {
            Source::Text { text, at } => text.as_bytes().get(*at).copied(),
            Source::Reordered { chars, at, .. } => {
                chars.get(*at).and_then(|&(c, _, _)| u8::try_from(u32::from(c)).ok())
            }
        };
        completes(next)
    }

    #[inline(always)]
    fn hold(&mut self, unit: Unit) {
        if let Some(previous) = self.held.take() {
            self.unit(previous);
        }
        self.held = Some(unit);
    }

    /// A compatibility or half-width Hangul letter (`jamo`, at `start..end`) in a run that may
    /// spell syllables out (`ㅆㅣㅂㅏㄹ` for `씨발`, as a Korean keyboard's input method composes
    /// it): a vowel after a lead consonant makes a syllable of the held lead, and a consonant
    /// after that syllable closes it unless it leads the next one or is laughter (see
    /// [`Self::stays_open`]). Whether it was taken into the held unit; if
    /// not, the letter is read as written. After letters that fit no syllable (a consonant
    /// after a lead, a vowel after no lead), a lead's vowel makes a syllable only if a consonant
    /// follows it that is not laughter (`ㅋㅋ`), and not in a face (`ㅠㅅㅠ`)
    /// ([`Spelling::LateLead`]): initials and emoticons stay themselves (`ㅅㅂㅠㅠ`, `ㅅㅂㅠㅋㅋ`,
    /// `ㅠㅅㅠㅅㅂ`, `ㅅㅂㅠㅅㅠ`) and laughter before a spelled word hides nothing (`ㅋㅋㅆㅣㅂㅏㄹ`).
    /// A vowel doubled is never a syllable's (`ㅋㅗㅗ`). A run is
    /// the letters in a row, with nothing but what is read as nothing or decorates between them.
    fn spell(&mut self, jamo: unicode_data::SpelledJamo, start: u32, end: u32) -> bool {
        let state = match (self.spelling, &self.held) {
            (Some((at, state)), Some(held)) if held.start == at => Some(state),
            _ => None,
        };
        if state.is_none() {
            self.spelling_gap = None;
        }
        // The jamo the letter adds to the held unit, and what the unit becomes.
        let step = match state {
            // Not before the same vowel again, which no syllable could hold: an emoticon
            // (`ㅋㅗㅗ` is `ㅋ` and the finger; but tears after a syllable of theirs are tears,
            // `ㄱㅠㅠㅠ` is `규ㅠㅠ`).
            Some(Spelling::Lead)
                if jamo.vowel.is_none_or(|v| TEARS_AND_FROWN.contains(&v))
                    || self.source.next_visible::<1>(self.spelling_gap)[0]
                        .and_then(unicode_data::spelled_jamo)
                        .and_then(|j| j.vowel)
                        != jamo.vowel =>
            {
                Some((jamo.vowel, Spelling::Open))
            }
            Some(Spelling::LateLead(before))
                if jamo.vowel.is_some()
                    && jamo.vowel != before
                    && late_vowel_composes(
                        jamo.vowel,
                        self.source.next_visible(self.spelling_gap).map(|c| c.and_then(unicode_data::spelled_jamo)),
                    ) =>
            {
                Some((jamo.vowel, Spelling::Open))
            }
            Some(Spelling::Open) if jamo.tail.is_some() && !self.stays_open(jamo) => {
                Some((jamo.tail, Spelling::Closed))
            }
            _ => None,
        };
        let taken = step.and_then(|(added, now)| {
            let held = self.held.as_ref()?;
            Some((unicode_data::compose_hangul(held.ch, added?)?, now))
        });
        if let (Some((syllable, now)), Some(held)) = (taken, &mut self.held) {
            held.ch = syllable;
            held.class = Info::of(syllable).class();
            held.widen(start, end);
            self.spelling = Some((held.start, now));
            self.take_spelling_gap(false, start);
            return true;
        }
        // Read as written, held at `start`: a lead where one may stand (the run's first letter,
        // or after a syllable), a late lead after letters that fit no syllable.
        let now = match (jamo.lead, state) {
            (Some(_), None | Some(Spelling::Open | Spelling::Closed)) => Spelling::Lead,
            (Some(_), Some(Spelling::Broken(vowel))) => Spelling::LateLead(vowel),
            (Some(_), Some(Spelling::Lead | Spelling::LateLead(_))) => Spelling::LateLead(None),
            (None, _) => Spelling::Broken(jamo.vowel),
        };
        self.spelling = Some((start, now));
        self.take_spelling_gap(state.is_none() && now == Spelling::Lead, start);
        false
    }

    /// Whether the character right before byte `start` (in byte order, nothing between) is a Han
    /// numeral as read (`六`, `陸`) or a circle read as `〇` ([`CIRCLES_FOR_ZERO`]). Constant time.
    fn after_han_numeral(&self, start: u32) -> bool {
        let Some(before) = self.text.get(..start as usize).and_then(|t| t.chars().next_back()) else { return false };
        if CIRCLES_FOR_ZERO.contains(&before) {
            return self.circle_zero_end == start;
        }
        let mut read = before;
        unicode_data::fold(before, |f| read = f);
        is_han_numeral(read)
    }

    /// The compatibility or half-width Hangul letter before byte `start` with separators (one
    /// or more of the same) between: the run before a spaced-out run's first letter (`ㅅ` before
    /// `ㅂ` in `ㅅ ㅂ ㅠ ㅠ`, `ㅋ` before `ㅆ` in `ㅋㅋ ㅆ ㅣ ㅂ ㅏ ㄹ`), if any.
    fn spaced_letter_before(&self, start: u32) -> Option<unicode_data::SpelledJamo> {
        let mut before = self.text.get(..start as usize).unwrap_or_default().chars().rev();
        let gap = before.next().filter(|&c| is_separator(c))?;
        before.find(|&c| c != gap).and_then(unicode_data::spelled_jamo)
    }

    /// After a letter of a spelled run at `start`: if a separator follows it and then another
    /// letter, reads the separator now (read as nothing), so that the letter reads as glued,
    /// when the run is spelled out with that separator between its letters (`ㅆ ㅣ ㅂ ㅏ ㄹ`,
    /// `ㅆ.ㅣ.ㅂ.ㅏ.ㄹ`; repeated, `ㅆ  ㅣ`, or with invisibles beside it, as one). A run is, from
    /// its first letter (`first_lead`), if a separator (a character between words, `Class::Gap`
    /// or `Class::Terminal`) and a vowel follow it, and stays so while the same separator and a
    /// letter follow each letter. After another letter and separators (spaced initials or
    /// laughter, `ㅅ ㅂ ㅠ ㅠ`, `시작ㅅ ㅂ ㅠ ㅠ`, `ㅋ ㅋ ㅆ ㅣ ㅂ ㅏ ㄹ`), only if the vowel would make a
    /// syllable after letters that fit none ([`late_vowel_composes`]; and no face: `ㅠ ㅅ ㅠ`). The separators lie inside the syllables'
    /// bytes.
    fn take_spelling_gap(&mut self, first_lead: bool, start: u32) {
        if !first_lead && self.spelling_gap.is_none() {
            return;
        }
        let Some((gap, letter)) = self.source.separator_and_letter() else { return };
        let Some(jamo) = unicode_data::spelled_jamo(letter) else { return };
        let starts = || {
            // After another spaced letter, as after letters that fit no syllable (not the
            // vowel of a face either side: `ㅠ ㅅ ㅠ`).
            let composes_late = |before: unicode_data::SpelledJamo| {
                let [_, next, after, third, fourth] =
                    self.source.next_visible(Some(gap)).map(|c| c.and_then(unicode_data::spelled_jamo));
                before.vowel.is_none_or(|v| jamo.vowel != Some(v) || !TEARS_AND_FROWN.contains(&v))
                    && late_vowel_composes(jamo.vowel, [next, after, third, fourth])
            };
            jamo.vowel.is_some()
                && is_separator(gap)
                && unicode_data::spelled_jamo(gap).is_none()
                && self.spaced_letter_before(start).is_none_or(composes_late)
        };
        if self.spelling_gap == Some(gap) || (first_lead && starts()) {
            self.spelling_gap = Some(gap);
            // Through the separators and what is read as nothing beside them, to the letter.
            while self.source.peek().is_some_and(|c| c != letter) {
                self.source.next();
            }
        }
    }

    /// Whether consonant `jamo`, read after an open syllable of a spelled run, does not close it
    /// (it leads the next syllable, or is laughter): it leads if a vowel follows it, but not
    /// one that no syllable could hold (a second vowel right after it: `ㅆㅣㅂㅏㄹㅠㅠ`,
    /// `ㅆㅣㅂㅏㄹㅗㅗ` close `발`), nor one of the tears or the frown that Korean chat puts after a
    /// word (`ㅠ`, `ㅜ`, `ㅡ`) ending the run or before laughter (`ㅆㅣㅂㅏㄹㅠ` is `씨발ㅠ`, not
    /// `씨바류`; `ㅎㅏㄹㅜ` reads `할ㅜ`, a known miss). It is laughter if the same consonant follows
    /// it and no vowel after that (`ㄲㅣㅋㅋ` is `끼ㅋㅋ`; `ㅎㅏㅂㅂㅕㅇ` is `합병`).
    fn stays_open(&self, jamo: unicode_data::SpelledJamo) -> bool {
        let [next, after, third, fourth] =
            self.source.next_visible(self.spelling_gap).map(|c| c.and_then(unicode_data::spelled_jamo));
        if laughter(Some(jamo), next, after) {
            return true;
        }
        let vowel = |j: Option<unicode_data::SpelledJamo>| j.and_then(|j| j.vowel);
        let Some(v) = vowel(next) else { return false };
        if jamo.lead.is_none() || vowel(after).is_some() {
            return false;
        }
        let ends_run = after.is_none() || laughter(after, third, fourth);
        !(ends_run && TEARS_AND_FROWN.contains(&v))
    }

    fn finish(&mut self) {
        if self.done {
            return;
        }
        if let Some(previous) = self.held.take() {
            self.unit(previous);
        }
        self.end_word();
        if !self.symbols.is_empty() {
            self.signs_as_word();
        }
        self.flush_singles();
        if let Some(symbol) = self.pending.take() {
            self.out.push(symbol);
        }
        self.done = true;
    }

    // ---- Stage 2: words ---------------------------------------------------------------------

    /// Takes one unit into the word stage. Most units are a letter or digit that goes on the word
    /// being read: that case here, inlined where units are made; the rest in [`Self::other_unit`].
    #[inline(always)]
    fn unit(&mut self, unit: Unit) {
        if self.takes_letter(unit.class) {
            self.push_letter(unit);
            return;
        }
        self.other_unit(unit);
    }

    /// Whether a unit of class `class` goes straight onto the word: a letter or digit, no leet
    /// symbols pending, room in the word. One branch (`&`, not `&&`): where letters, digits and
    /// symbols come at random, each condition apart is a branch mispredicted as often as not.
    #[inline(always)]
    fn takes_letter(&self, class: Class) -> bool {
        matches!(class, Class::Letter | Class::Digit) & self.symbols.is_empty() & (self.word.len() + 1 < WORD_CAP)
    }

    /// A letter or digit onto the word, counting the run of one letter it ends.
    #[inline(always)]
    fn push_letter(&mut self, unit: Unit) {
        self.run = if self.word.last().is_some_and(|last| last.ch == unit.ch) { self.run + 1 } else { 1 };
        self.long_run |= self.run > LONG_RUN;
        self.word.push(unit);
    }

    /// [`Self::unit`] for a unit that is no letter or digit, follows leet symbols, or fills the
    /// word buffer.
    #[inline(never)]
    fn other_unit(&mut self, unit: Unit) {
        match unit.class {
            Class::Letter | Class::Digit => {
                if !self.symbols.is_empty() {
                    self.symbols_before_letter();
                }
                self.push_letter(unit);
                if self.word.len() >= WORD_CAP && !(self.long_run && self.shorten_long_runs()) {
                    self.pass_word(true);
                }
            }
            Class::Gap | Class::Terminal => {
                let Some((letter, _)) = leet::symbol(unit.ch) else {
                    self.gap_unit(unit);
                    return;
                };
                let full = self.symbols.len() >= MAX_LEET_SYMBOLS
                    && (self.symbols.len() >= MAX_DRAWN_SIGNS
                        || !leet::drawn_sign(unit.ch)
                        || !self.symbols.iter().all(|s| leet::drawn_sign(s.ch)));
                if full {
                    self.end_word();
                    if let Some(first) = self.symbols.first() {
                        // A reading that starts among these symbols reads them otherwise.
                        self.overflows = [self.overflows[1].clone(), first.start..unit.start];
                        self.overflows_recorded += 1;
                    }
                    self.flush_symbols_as_gap();
                }
                // Pending, it carries the letter it stands for (read back by `as_letter`).
                self.symbols.push(Unit { symbol: letter, ..unit });
            }
            Class::Ideo | Class::Emoji => {
                self.end_word();
                self.flush_symbols_as_gap();
                let item = if unit.class == Class::Ideo { Item::Ideo(unit) } else { Item::Emoji(unit) };
                self.item(item);
            }
            _ => self.gap_unit(unit),
        }
    }

    /// A character between words.
    fn gap_unit(&mut self, unit: Unit) {
        self.end_word();
        self.flush_symbols_as_gap();
        self.gap.add(&unit);
    }

    /// Leet symbols followed by a letter: inside the word, or the start of the next one.
    fn symbols_before_letter(&mut self) {
        // Every leet symbol may stand inside a word (`leet::EVERY_SYMBOL_INNER`): inside one,
        // they are its letters.
        if !self.word.is_empty() {
            self.word.extend(self.symbols.drain(..).map(as_letter));
            return;
        }
        self.end_word();
        // What is left may start the next word: its trailing start-capable symbols.
        let starters =
            self.symbols.iter().rev().take_while(|s| leet::symbol(s.ch).is_some_and(|(_, p)| p.start)).count();
        let cut = self.symbols.len() - starters;
        let symbols = std::mem::take(&mut self.symbols);
        for unit in &symbols[..cut] {
            self.gap.add(unit);
        }
        self.word.extend(symbols[cut..].iter().map(|s| as_letter(*s)));
        self.symbols = symbols;
        self.symbols.clear();
    }

    /// At `WORD_CAP` units: each run of one letter longer than `LONG_RUN` units becomes
    /// `LONG_RUN` (its last unit takes in the rest, bytes too). Every run of three letters or more
    /// reads alike (`EVASIVE_RUN`), so `f`, 70 `u`s and `ck` stays one word instead of being cut
    /// at `WORD_CAP`. Whether that freed `LONG_RUN` units or more (otherwise the word is cut):
    /// a word shortened here reads at least `LONG_RUN` more units before it is shortened again,
    /// so the work stays linear. A word under `WORD_CAP` units is not touched, and reads as the
    /// ASCII path reads it.
    fn shorten_long_runs(&mut self) -> bool {
        let plain = |u: &Unit| u.class == Class::Letter && u.symbol == '\0' && !u.regional && !u.keycap && u.short == 0;
        let before = self.word.len();
        let mut kept = 0;
        let mut run = 0;
        for i in 0..before {
            let unit = self.word[i];
            let same = kept > 0 && plain(&unit) && plain(&self.word[kept - 1]) && self.word[kept - 1].ch == unit.ch;
            run = if same { run + 1 } else { 1 };
            if run > LONG_RUN {
                let last = &mut self.word[kept - 1];
                last.start = last.start.min(unit.start);
                last.end = last.end.max(unit.end);
            } else {
                self.word[kept] = unit;
                kept += 1;
            }
        }
        self.word.truncate(kept);
        self.long_run = false;
        before - kept >= LONG_RUN
    }

    #[inline(always)]
    fn flush_symbols_as_gap(&mut self) {
        if self.symbols.is_empty() {
            return;
        }
        self.flush_held_symbols_as_gap();
    }

    #[inline(never)]
    fn flush_held_symbols_as_gap(&mut self) {
        if self.signs_as_word() {
            return;
        }
        self.note_lone_leet_symbol();
        let symbols = std::mem::take(&mut self.symbols);
        for unit in &symbols {
            self.gap.add(unit);
        }
        self.symbols = symbols;
        self.symbols.clear();
    }

    /// A word of currency signs drawn as letters alone (`₳₴₴`, the "currency" font with no
    /// plain letter in the word): two to `MAX_DRAWN_SIGNS` of them, at least one beyond ASCII
    /// (`$$$` stays punctuation), read as the word they spell. `$` counts among three or more
    /// (`₳$$`; since 2026-12-06), the `s` people type where the font has `₴`; not among two
    /// (`$€`, dollars and euros). Whether it was one (then put out).
    fn signs_as_word(&mut self) -> bool {
        let signs = self.word.is_empty()
            && !self.as_written
            && (2..=MAX_DRAWN_SIGNS).contains(&self.symbols.len())
            && self.symbols.iter().any(|s| !s.ch.is_ascii())
            && self.symbols.iter().all(|s| leet::drawn_sign(s.ch) || (s.ch == '$' && self.symbols.len() >= 3));
        if !signs {
            return false;
        }
        let symbols = std::mem::take(&mut self.symbols);
        self.word.extend(symbols.iter().map(|s| as_letter(*s)));
        self.symbols = symbols;
        self.symbols.clear();
        self.pass_word(false);
        true
    }

    /// Notes a leet symbol alone after one-letter words, with the gap before it (`gap_leet`),
    /// as it goes into the gap, and a second one close after it (`gap_leet_second`); anything
    /// else clears the notes.
    #[cold]
    #[inline(never)]
    fn note_lone_leet_symbol(&mut self) {
        let lone = match self.symbols[..] {
            [unit] if unit.symbol != leet::STAR && self.word.is_empty() && !self.as_written => Some(unit),
            _ => None,
        };
        // (After leet digits held after them too: `b 1 + c h`.)
        let after_letters = self.spelling_letters();
        // Before any one-letter word: a symbol that may start a word may start one spelled out.
        // (After the first of them, a note stays: `$ h ! t`.)
        if self.singles.is_empty() && self.leet_singles.is_empty() {
            self.gap_lead = lone
                .filter(|unit| leet::symbol(unit.ch).is_some_and(|(_, at)| at.start))
                .map(|unit| (as_letter(unit), self.gap, None));
        }
        let noted = lone.filter(|_| after_letters).map(|unit| (as_letter(unit), self.gap));
        match (noted, self.gap_leet, self.gap_leet_second) {
            (Some(first), None, _) if self.gap.spells() => self.gap_leet = Some(first),
            (Some(second), Some((_, before)), None) if gap_after(&self.gap, &before) => {
                self.gap_leet_second = Some(second);
            }
            _ => {
                self.gap_leet = None;
                self.gap_leet_second = None;
            }
        }
    }

    /// Ends the word being read, taking the leet symbols after it that may end a word.
    /// (No word, the common case between characters that are no letters: inline.)
    #[inline(always)]
    fn end_word(&mut self) {
        if self.word.is_empty() {
            // A word cut at WORD_CAP letters exactly ends here: the next one is a word of its own.
            self.word_cut = false;
            return;
        }
        self.end_held_word();
    }

    #[inline(never)]
    fn end_held_word(&mut self) {
        // Up to the last symbol that may end a word: the ones before it stand inside the word
        // (`leet::EVERY_SYMBOL_INNER`), so `sh!+` is `shit` and `a$$` is `ass`.
        let enders =
            self.symbols.iter().rposition(|s| leet::symbol(s.ch).is_some_and(|(_, p)| p.end)).map_or(0, |i| i + 1);
        if enders > 0 {
            let symbols = std::mem::take(&mut self.symbols);
            self.word.extend(symbols[..enders].iter().map(|s| as_letter(*s)));
            self.symbols = symbols;
            self.symbols.drain(..enders);
        }
        self.pass_word(false);
    }

    /// Reads the word's leet digits and look-alikes and passes it on (`continued`: the word goes
    /// on past the buffer).
    fn pass_word(&mut self, continued: bool) {
        if !continued && !self.word_cut && self.word.len() == 1 && self.word[0].keycap {
            if self.split_symbols {
                // The second reading reads it as its digit, so that keycaps apart spell a number
                // as digits apart do (`8️⃣ 9️⃣ 6️⃣ 4️⃣`).
                self.word[0].keycap = false;
            } else {
                // A keycap alone (`1️⃣`) is an emoji, so a gap for the words around it (`red 1️⃣
                // packet`). Two within a few bytes of each other (a separator or two between:
                // `8️⃣ 9️⃣`, `8️⃣、9️⃣`) are ambiguous: the second reading reads them as digits.
                // (Each keycap alone would be read twice: `qq 5️⃣` over and over cost 3.8×
                // English prose.)
                let unit = self.word[0];
                if let Some((start, _)) = self.last_keycap.filter(|&(_, end)| unit.start.saturating_sub(end) <= 3) {
                    self.ambiguous.push(start..unit.end);
                    self.ambiguous_word_end = self.ambiguous_word_end.max(unit.end);
                }
                self.last_keycap = Some((unit.start, unit.end));
                self.word.clear();
                self.item(Item::Emoji(Unit { class: Class::Emoji, ..unit }));
                return;
            }
        }
        // A whole word of one plain ASCII letter or digit (a spelled-out letter, a filler between
        // CJK characters, `a`, `I`): no rule of the word stage reads such a word otherwise (no leet
        // digit between or beside letters, no look-alike, no cut), so it goes on at once.
        if !continued && !self.word_cut && !self.drawn_in_word {
            if let [unit] = self.word[..] {
                if unit.ch.is_ascii_alphanumeric()
                    && unit.symbol == '\0'
                    && !unit.keycap
                    && !unit.regional
                    && unit.short == 0
                    && !unit.before_digit
                    && !unit.after_digit
                {
                    self.long_run = false;
                    let word = std::mem::take(&mut self.word);
                    self.word_stage_out(&word, Cut::default());
                    self.word = word;
                    self.word.clear();
                    return;
                }
            }
        }
        // Single letters with leet symbols between them (`u*c` in `f.u*c.k`, `f*u*c` in `f*u*c k`):
        // the symbols may be letters or separators of letters spelled out with other separators
        // around; the first reading reads them as before, the second as gaps (`spelled_apart`).
        // Only beside a letter spelled out (one held before it, or one alone after it): elsewhere
        // such a word is a code's or a formula's (`a@b`, `x+y`), and each would be read twice.
        let whole = !continued && !self.word_cut;
        let spelled_apart = if whole && spelled_apart(&self.word) && self.beside_spelled_letter() {
            runs(WordBits::of(&self.word).symbols).collect()
        } else {
            Vec::new()
        };
        for run in &spelled_apart {
            if let (Some(first), Some(last)) = (self.word.get(run.start), self.word.get(run.end - 1)) {
                self.ambiguous.push(first.start.min(last.start)..first.end.max(last.end));
            }
        }
        if !spelled_apart.is_empty() {
            let end = self.word.iter().map(|u| u.end).max().unwrap_or(0);
            self.ambiguous_word_end = self.ambiguous_word_end.max(end);
        }
        let split_apart = self.split_symbols && !spelled_apart.is_empty();
        if !split_apart {
            spelled_with_symbols(&mut self.word);
        }
        let mut bits = WordBits::of(&self.word);
        // Before digits are read as letters: numbers glued to the word's edges.
        let numbers = if whole { glued_numbers(&self.word, &bits) } else { Vec::new() };
        let digit_runs = if whole { digit_separators(&self.word, &bits) } else { 0 };
        read_leet_digits(&mut self.word, &mut bits);
        if !continued && !self.word_cut {
            read_edge_digits(&mut self.word, &mut bits);
        }
        self.read_look_alikes();
        let cut = Cut { continues: self.word_cut, continued };
        self.word_cut = continued;
        self.long_run = false;
        let mut word = std::mem::take(&mut self.word);
        // Where the word is cut: two regional indicators alone are a flag (`🇺🇸`, an emoji), a
        // number glued to the word is a word of its own (`slut69`), and in the second reading (see
        // `Self::splitting_symbols`) leet symbols between two pieces of three letters or more
        // separate words (`buy!followers`).
        let mut cuts: Vec<(std::ops::Range<usize>, CutAs)> =
            flags(&word, &bits).into_iter().map(|r| (r, CutAs::Emoji)).collect();
        let mut dropped: Vec<std::ops::Range<usize>> = Vec::new();
        cuts.extend(numbers.into_iter().map(|r| (r, CutAs::Word)));
        if !cut.continues && !cut.continued {
            // At the word's edges only after a space or nothing (a mention, not a domain's `.@`).
            let separators = symbol_separators(&bits, !self.gap.other, digit_runs);
            // Symbols put in among letters (`fu!ck`, `symbol_joins`): not in a word the second
            // reading splits, where a symbol between short pieces stays the letter it stands for
            // (`b!tch5please`: `bitch please`; one reading cannot read the word both ways); only
            // in a word of letters and leet symbols (no digit, none read as a letter: `x.com@u2`,
            // `Next@u2:80` are an address, a code) after a space or nothing, as a mention's
            // symbol (`d9.so@https` is a domain's).
            let plain = |u: &Unit| {
                u.class == Class::Letter
                    && (u.symbol != '\0' || u.short == 0)
                    && !u.before_digit
                    && !u.after_digit
                    && !u.keycap
                    && !u.regional
            };
            let joins = if separators.is_empty() && !self.gap.other && word.iter().all(plain) {
                symbol_joins(&bits)
            } else {
                Vec::new()
            };
            for run in separators.iter().chain(&joins) {
                if let (Some(first), Some(last)) = (word.get(run.start), word.get(run.end - 1)) {
                    self.ambiguous.push(first.start.min(last.start)..first.end.max(last.end));
                }
            }
            if !separators.is_empty() || !joins.is_empty() || self.drawn_in_word {
                let end = word.iter().map(|u| u.end).max().unwrap_or(0);
                self.ambiguous_word_end = self.ambiguous_word_end.max(end);
            }
            if self.split_symbols {
                cuts.extend(separators.into_iter().map(|r| (r, CutAs::Gap)));
                dropped = joins;
            }
        }
        if split_apart {
            cuts.extend(spelled_apart.into_iter().map(|r| (r, CutAs::Gap)));
        }
        // The second reading drops the symbols put in among a word's letters (`fu!ck`): the
        // word without them, the other cuts moved back by the units dropped before them.
        // (In place: the word's buffer is kept for the next word.)
        if !dropped.is_empty() {
            let shift = |k: usize| k - dropped.iter().map(|d| d.end.min(k).saturating_sub(d.start)).sum::<usize>();
            for (run, _) in &mut cuts {
                *run = shift(run.start)..shift(run.end);
            }
            let mut k = 0;
            word.retain(|_| {
                let keep = !dropped.iter().any(|d| d.contains(&k));
                k += 1;
                keep
            });
        }
        self.drawn_in_word = false;
        if cuts.is_empty() {
            self.word_stage_out(&word, cut);
        } else {
            cuts.sort_by_key(|(r, _)| r.start);
            let mut from = 0;
            let pieces = cuts.len();
            for (n, (run, cut_as)) in cuts.into_iter().enumerate() {
                if from < run.start {
                    let piece = Cut { continues: cut.continues && from == 0, continued: false };
                    self.word_stage_out(&word[from..run.start], piece);
                }
                if cut_as == CutAs::Word {
                    self.word_stage_out(&word[run.clone()], Cut { continues: false, continued: false });
                }
                for unit in &word[run.clone()] {
                    match cut_as {
                        CutAs::Emoji => self.item(Item::Emoji(Unit { class: Class::Emoji, ..*unit })),
                        CutAs::Gap => {
                            // The symbol written, or the digit's letter (a gap character either way).
                            let ch = if unit.symbol != '\0' { unit.symbol } else { unit.ch };
                            self.gap.add(&Unit { ch, class: Class::Gap, ..*unit })
                        }
                        CutAs::Word => {}
                    }
                }
                from = run.end;
                let _ = (n, pieces);
            }
            if from < word.len() {
                self.word_stage_out(&word[from..], Cut { continues: false, continued: cut.continued });
            }
        }
        self.word = word;
        self.word.clear();
    }

    /// Whether the word that just ended stands beside a letter spelled out: one-letter words held
    /// before it with a gap that spells, or after it a few characters that are no letter or
    /// digit, one letter, and then no letter or digit (`f.u*c.k`: `f` before `u*c`, `k` after).
    /// Looks at five visible characters at most; characters read as nothing or marks between
    /// them are passed over, each by at most the look-ahead of the word before it and its own
    /// reading, so the normaliser stays linear.
    #[cold]
    #[inline(never)]
    fn beside_spelled_letter(&self) -> bool {
        // (Not a short word held after an ideo letter as a filler, `微信 at`.)
        if !self.held_word && self.singles_class() == Some(Class::Letter) && self.gap.spells() {
            return true;
        }
        let Some(last) = self.word.last() else { return false };
        let mut ahead = self.source.after(last.end).filter(|&c| is_visible(c));
        let mut gap = 0;
        loop {
            match ahead.next() {
                Some(c) if c.is_alphabetic() => break,
                Some(c) if !c.is_numeric() && gap < MAX_SPELLING_GAP => gap += 1,
                _ => return false,
            }
        }
        !ahead.next().is_some_and(char::is_alphanumeric)
    }

    /// Whether the text has leet symbols that could also separate two words
    /// (`buy!followers`): the matcher then reads it a second time with them as separators
    /// ([`Self::splitting_symbols`]) and reports what that reading finds there too.
    pub fn ambiguous(&self) -> &[std::ops::Range<u32>] {
        &self.ambiguous
    }

    /// Whether a fresh reading from byte `at` reads what this one read up to byte `to` (the start
    /// of a word it has put out; it has read at most one word past it): not when it would start
    /// among leet symbols this reading read as a gap because too many came in a row, since it
    /// would count them otherwise; nor at a filler of two letters or more (`傻ab逼`), which only
    /// a reading that has read the ideo letter before it reads as nothing.
    pub(crate) fn restarts_cleanly(&self, at: u32, to: u32) -> bool {
        let [a, b] = &self.overflows;
        // `&` rather than `&&`: no branch (this is asked for every word start).
        // A filler's word comes out right after the filler is recorded: only the newest may start
        // at `to` (`starts_filler` asks them all, for symbols read before).
        !((a.start < to) & (a.end > at) | (b.start < to) & (b.end > at))
            && self.fillers.last().is_none_or(|f| f.bytes.start != to)
    }

    /// How many kana and Bopomofo letters the text has had so far, fillers among them:
    /// Japanese puts one between two kanji all the time (`中に出し`, `噴き出す`), so a kana or
    /// Bopomofo filler counts only in text that has no other. (Hangul letters are not counted:
    /// Japanese puts none between kanji, and Korean laughter elsewhere in a message hides
    /// nothing, `操你ㅋㅋ妈 ㅋㅋ`.)
    pub(crate) fn kana_letters(&self) -> u32 {
        self.kana_letters
    }

    /// Whether byte `to` starts one of the fillers found so far.
    pub(crate) fn starts_filler(&self, to: u32) -> bool {
        self.fillers.binary_search_by_key(&to, |f| f.bytes.start).is_ok()
    }

    /// How many runs of leet symbols were read as a gap because too many came in a row (only
    /// the last two are kept for [`Self::restarts_cleanly`]).
    pub(crate) fn overflows_recorded(&self) -> u32 {
        self.overflows_recorded
    }

    /// The furthest byte of the words that hold [`Self::ambiguous`] symbols (0: none yet).
    pub(crate) fn ambiguous_word_end(&self) -> u32 {
        self.ambiguous_word_end
    }

    /// The words of one to three letters or digits alone between two ideo letters found so far
    /// (`傻a逼`, `傻12逼`), in the order of the text: fillers,
    /// which the second reading reads as nothing, in windows around those that stand between two
    /// letters side by side in a term (the matcher asks).
    pub fn fillers(&self) -> &[Filler] {
        &self.fillers
    }

    /// Reads `text` with leet symbols between two pieces of three letters or more read as gaps
    /// between two words (`buy!followers` is `buy followers`), not as letters (`buyifollowers`).
    pub fn splitting_symbols(text: &'t str) -> Self {
        Normalizer { split_symbols: true, ..Self::new(text) }
    }

    /// [`Self::splitting_symbols`] from byte `at` of `text` (the first byte of a word), read as if
    /// the text began there (text-wide facts, such as the scripts it uses, are still the whole
    /// text's), in `buffers` (the previous window's: a text with many windows allocates for the
    /// first only). `None` for text read in display order (bidi controls), which is read whole.
    /// `first` is the normaliser that read the text first (in byte order): the scripts the text
    /// uses, if it read them, are taken over; otherwise a window reads them only if one of its
    /// words needs them, and the caller hands them on with [`Self::learn_from`] after each
    /// window, so that reading many windows never reads the whole text again.
    pub(crate) fn splitting_symbols_from(first: &Normalizer<'t>, at: usize, buffers: Buffers) -> Option<Self> {
        let text = first.text;
        if !first.in_byte_order() || !text.is_char_boundary(at) {
            return None;
        }
        Some(Normalizer {
            split_symbols: true,
            // The scripts the text uses, if the first reading needed them: a window that needs
            // them too reads them, and `learn_from` hands them on to the windows after it.
            genuine: first.genuine,
            ..Self::with_source(text, Source::Text { text, at }, buffers)
        })
    }

    /// Whether the text is read in byte order (no bidi controls reorder it).
    pub fn in_byte_order(&self) -> bool {
        matches!(self.source, Source::Text { .. })
    }

    fn read_look_alikes(&mut self) {
        // Only a letter outside ASCII may be a look-alike (most words have none: one test each).
        if self.as_written || self.word.iter().all(|u| u.ch.is_ascii()) {
            return;
        }
        let mut latin = false;
        let mut look_alikes = false;
        let mut weak = false;
        let mut others = false;
        let mut capitals = true;
        for unit in self.word.iter().filter(|u| u.class == Class::Letter) {
            capitals &= unit.upper;
            if unit.ch.is_ascii() {
                latin = true;
            } else {
                match unicode_data::look_alike(unit.ch, unit.upper) {
                    Some(LookAlike::Unicode(..)) => look_alikes = true,
                    Some(LookAlike::Weak(_)) => weak = true,
                    // A letter whose fold looks like nothing may itself (`ﻣ`, an initial form).
                    None if written_look_alike(self.text, unit).is_some() => weak = true,
                    None => others = true,
                }
            }
        }
        // A word of letters of two look-alike scripts or more (Greek and Cyrillic: `ωнσяє`, `сυпт`)
        // is no word of either: read as a word with ASCII letters is (since 2026-12-07, an
        // adversarial pass; before, a weak look-alike in it, `я` as `r`, left it unread).
        // (Asked only of a word with look-alikes and no ASCII letter: a second look at its letters.)
        let mixed = latin || ((look_alikes || weak) && self.word_scripts() >= 2);
        // A weak look-alike is one only in a word with ASCII letters (`ᗯhore`; `фото` stays Russian).
        if mixed {
            look_alikes |= weak;
        } else {
            others |= weak;
        }
        if !look_alikes {
            return;
        }
        let map_word = mixed || !others;
        let genuine = if mixed || !map_word {
            TextScripts::default() // not consulted
        } else {
            *self.genuine.get_or_insert_with(|| genuine_scripts(self.text))
        };
        let text = self.text;
        for unit in self.word.iter_mut().filter(|u| u.class == Class::Letter && !u.ch.is_ascii()) {
            // In a Latin word, a letter whose fold reads otherwise is read as written (`ς` is
            // drawn like a `c`, its fold `σ` like an `o`): its own weak look-alike.
            if let (true, Some(letter)) = (mixed, written_look_alike(text, unit)) {
                unit.ch = letter;
                continue;
            }
            let look_alike = unicode_data::look_alike(unit.ch, unit.upper);
            if let Some(LookAlike::Unicode(letter, script)) = look_alike {
                // A word only of look-alikes of a script without ranges (15: Arabic, Hebrew...)
                // cannot be told from that script's own text (`اها` is not `lol`): only a Latin
                // letter in the word makes it Latin. In a text of no Latin letter at all, only a
                // word in capitals is (`ΝΑΖΙ`; `Сор!` alone is Russian, `what a соск` is not).
                let whole_word = map_word
                    && (genuine.latin || capitals)
                    && usize::from(script) != OTHER_LOOK_ALIKE_SCRIPT
                    && !genuine.genuine[usize::from(script)];
                if mixed || whole_word {
                    unit.ch = letter;
                }
            } else if let (Some(LookAlike::Weak(letter)), true) = (look_alike, mixed) {
                unit.ch = letter;
            }
        }
    }

    /// How many look-alike scripts (`unicode_data::look_alike_script`) the word's letters are of.
    #[cold]
    #[inline(never)]
    fn word_scripts(&self) -> u32 {
        let scripts = self
            .word
            .iter()
            .filter(|u| u.class == Class::Letter && !u.ch.is_ascii())
            .fold(0u32, |bits, u| bits | 1 << unicode_data::look_alike_script(u.ch));
        (scripts & !1).count_ones()
    }

    // ---- Stage 3: spelled-out words ---------------------------------------------------------

    fn word_stage_out(&mut self, word: &[Unit], cut: Cut) {
        // (Symbols alone after the first letter first: `$ h ! t`.)
        let lead = self.gap_lead.take();
        if let Some(noted) = self.gap_leet.take() {
            let second = self.gap_leet_second.take();
            self.lone_leet_symbol(noted, second, word, cut);
        }
        if let Some(lead) = lead {
            self.lead_leet_symbol(lead, word, cut);
        }
        // (A word of one digit, or any word after held leet digits: rare, so asked apart.)
        if let [unit] = word {
            if (unit.class == Class::Digit || !self.leet_singles.is_empty()) && self.leet_single(*unit, cut) {
                return;
            }
        }
        if !self.leet_singles.is_empty() {
            self.read_leet_singles_as_digits();
        }
        self.word_stage_out_now(word, cut);
    }

    /// A word of one unit, `unit`, when it is a digit or comes after held `leet_singles`: a leet
    /// digit alone after one-letter words, or after such digits, is held (returns true); a letter
    /// alone after them makes them letters of the list (and goes on as any letter alone does).
    #[cold]
    #[inline(never)]
    fn leet_single(&mut self, unit: Unit, cut: Cut) -> bool {
        let whole = !cut.continues && !cut.continued;
        // The gap read holds the symbols of a note kept for this digit (`b ! 7`): after them, it
        // spells as one between letters does.
        let noted = match (self.gap_leet, self.gap_leet_second) {
            (_, Some((s, before))) | (Some((s, before)), None) => {
                self.leet_singles.is_empty() && s.end <= unit.start && gap_after(&self.gap, &before)
            }
            _ => false,
        };
        let alone = whole && !unit.keycap && !unit.regional && !self.as_written && (self.gap.spells() || noted);
        if !alone || !self.spelling_letters() {
            return false;
        }
        if unit.class == Class::Digit && leet::digit(unit.ch).is_some() && self.leet_singles.len() < MAX_LEET_SINGLES {
            self.interrupted = true;
            let gap = std::mem::take(&mut self.gap);
            self.leet_singles.push((unit, gap));
            return true;
        }
        if unit.class == Class::Letter {
            self.take_leet_singles_as_letters();
        }
        false
    }

    /// A leet symbol alone noted in the gap (`gap_leet`: `letter`, the gap `before` it), maybe a
    /// second one (`second`), and then `word`: a letter alone, close, right after them and after
    /// one-letter words makes them letters of the list (`s h ! t`, `p u $ $ y`). Otherwise they
    /// stay the gap characters they were read as. Leet digits alone held beside them
    /// (`leet_singles`) are letters too, before them (`b 1 + c h`: taken in first) or after them
    /// (`b ! 7 c h`: a leet digit alone after the symbols keeps the note, and the letter takes the
    /// symbols in before the digits); the gaps between are checked as between letters.
    #[cold]
    #[inline(never)]
    fn lone_leet_symbol(
        &mut self,
        (letter, before): (Unit, GapInfo),
        second: Option<(Unit, GapInfo)>,
        word: &[Unit],
        cut: Cut,
    ) {
        let whole = !cut.continues && !cut.continued;
        let Some(&(last, _)) = self.singles.last() else { return };
        // The noted symbols stand in order between the last single and the word (byte offsets:
        // a stale note never matches).
        let (end, last_before) = match second {
            Some((s, b)) if letter.end <= s.start => (s.end, b),
            Some(_) => return,
            None => (letter.end, before),
        };
        let [unit] = word else { return };
        if !whole
            || unit.keycap
            || unit.regional
            || !self.spelling_letters()
            || last.end > letter.start
            || end > unit.start
        {
            return;
        }
        // Digits held after the symbols (`b ! 7`), or before them (`b 1 +`); none: `s h ! t`.
        let digits_after = self.leet_singles.first().is_some_and(|&(d, _)| end <= d.start);
        let digits_before = self.leet_singles.iter().all(|&(d, _)| d.end <= letter.start);
        if unit.class == Class::Digit {
            // A leet digit alone after the symbols (and after held ones only if they came after
            // them too): held by `leet_single`, with the note kept for the letter after it.
            let held_after = self.leet_singles.is_empty() || digits_after;
            let first_after = self.leet_singles.is_empty() && gap_after(&self.gap, &last_before);
            if leet::digit(unit.ch).is_some()
                && self.leet_singles.len() < MAX_LEET_SINGLES
                && held_after
                && (first_after || (digits_after && self.gap.spells()))
            {
                self.gap_leet = Some((letter, before));
                self.gap_leet_second = second;
            }
            return;
        }
        if unit.class != Class::Letter {
            return;
        }
        if digits_after {
            // `b ! 7 c h`: the symbols, then the digits (`leet_single` takes them in next, if the
            // gap before the letter spells as it asks), the first digit's gap the symbols' own.
            let symbol_to_digit = self.leet_singles.first().is_some_and(|(_, gap)| gap_after(gap, &last_before));
            if !symbol_to_digit || !self.gap.spells() {
                return;
            }
            self.push_noted(letter, before, second);
            if let Some((_, gap)) = self.leet_singles.first_mut() {
                *gap = before;
            }
            return;
        }
        if !digits_before || !gap_after(&self.gap, &last_before) {
            return;
        }
        // `b 1 + c h`: the digits (their gaps as held), then the symbols.
        self.take_leet_singles_as_letters();
        self.push_noted(letter, before, second);
        // The letter's gap is the one after the symbol, as short as the one before it (which
        // stands in for it): the gap read so far holds the symbol too, which may end a
        // sentence (`!` at a line's end). With the symbol a letter, the list joins.
        self.gap = before;
    }

    /// The noted leet symbols (`lone_leet_symbol`) onto the list as letters.
    fn push_noted(&mut self, letter: Unit, before: GapInfo, second: Option<(Unit, GapInfo)>) {
        self.singles.push((letter, before));
        if let Some((s, _)) = second {
            self.singles.push((s, before));
        }
    }

    /// The held `leet_singles` onto the list as the letters they stand for.
    fn take_leet_singles_as_letters(&mut self) {
        for (digit, gap) in self.leet_singles.drain(..) {
            let ch = leet::digit(digit.ch).unwrap_or(digit.ch);
            let letter = Unit { ch, class: Class::Letter, short: symbol_mark(digit.ch), ..digit };
            self.singles.push((letter, gap));
        }
    }

    /// A leet symbol alone that may start a word, noted in the gap (`gap_lead`: `letter`, the gap
    /// `before` it, and `armed`: the first byte of the letter alone that came close after it),
    /// and then `word`. A first letter alone, right and close after it, arms the note; a leet
    /// digit alone after that keeps it (`$ h 1 t`); a second letter alone, with that first
    /// letter the first one-letter word (and at most leet symbols alone taken in after it, `$ h
    /// ! t`), makes the symbol the first letter of the list
    /// (`$ h i t`, `@ s s`), which then holds three letters and spells a word. Anything else
    /// drops the note: the symbol stays the gap character it was read as, and the letters after
    /// it read as before.
    #[cold]
    #[inline(never)]
    fn lead_leet_symbol(&mut self, (letter, before, armed): (Unit, GapInfo, Option<u32>), word: &[Unit], cut: Cut) {
        let whole = !cut.continues && !cut.continued;
        let Some(&unit) = word.first().filter(|_| word.len() == 1 && whole) else { return };
        if unit.keycap || unit.regional || self.held_word || self.lead_digit.is_some() || self.last_was_ideo {
            return;
        }
        match armed {
            None if unit.class == Class::Letter
                && self.singles.is_empty()
                && self.leet_singles.is_empty()
                && letter.end <= unit.start
                && gap_after(&self.gap, &before) =>
            {
                self.gap_lead = Some((letter, before, Some(unit.start)));
            }
            Some(at) => {
                // That letter first, maybe with leet symbols alone after it taken in (`$ h ! t`).
                let first_alone = self.singles.first().is_some_and(|(first, _)| first.start == at)
                    && self.singles.len() <= 3
                    && self.spelling_letters();
                if !first_alone || !self.gap.spells() {
                    return;
                }
                if unit.class == Class::Digit && leet::digit(unit.ch).is_some() {
                    self.gap_lead = Some((letter, before, armed));
                } else if unit.class == Class::Letter && self.spelled_alike(letter, unit) {
                    self.singles.insert(0, (letter, before));
                }
            }
            None => {}
        }
    }

    /// Whether the noted lead symbol `letter` stands apart from the first single as the first
    /// single stands apart from what follows it (the next single, held digit or `next`): the
    /// same characters between, or whitespace both times. `$ h i t` and `$.h.i.t` spell; the
    /// dollars of `$ e^x $` do not (mathematics, not `sex`). In text read in display order the
    /// bytes between need not be the gap, and nothing is asked.
    fn spelled_alike(&self, letter: Unit, next: Unit) -> bool {
        let Some(&(first, _)) = self.singles.first() else { return false };
        if !self.in_byte_order() {
            return true;
        }
        let after = self.singles.get(1).map(|(u, _)| u).or(self.leet_singles.first().map(|(u, _)| u)).unwrap_or(&next);
        let between = |from: u32, to: u32| self.text.get(from as usize..to as usize);
        match (between(letter.end, first.start), between(first.end, after.start)) {
            (Some(a), Some(b)) => a == b || (a.chars().all(char::is_whitespace) && b.chars().all(char::is_whitespace)),
            _ => false,
        }
    }

    /// Reads the held `leet_singles` as they would have been read when they came: digits (no
    /// letter alone came after them).
    #[cold]
    #[inline(never)]
    fn read_leet_singles_as_digits(&mut self) {
        let mut held = std::mem::take(&mut self.leet_singles);
        // The gap gathered since, before what comes next.
        let next_gap = std::mem::take(&mut self.gap);
        for (digit, gap) in held.drain(..) {
            self.gap = gap;
            self.word_stage_out_now(&[digit], Cut::default());
        }
        self.gap = next_gap;
        self.leet_singles = held;
    }

    fn word_stage_out_now(&mut self, word: &[Unit], cut: Cut) {
        self.interrupted = true;
        if self.held_word || self.held_ideo.is_some() {
            self.flush_singles();
        }
        let whole = !cut.continues && !cut.continued;
        // A word of one letter, or of one digit (`8 9 6 4` spells a number as `f u c k` a word:
        // digits join digits, letters letters).
        let single =
            whole && word.len() == 1 && matches!(word[0].class, Class::Letter | Class::Digit) && !word[0].keycap;
        let same_kind = self.singles_class().is_some_and(|class| {
            single && class == word[0].class && (class == Class::Letter || self.singles.len() < MAX_SPELLED_DIGITS)
        });
        // A leet digit, which beside a letter alone may stand outside a spelled-out word.
        let leet_digit = |u: &Unit| u.class == Class::Digit && leet::digit(u.ch).is_some();
        let gap = std::mem::take(&mut self.gap);
        // A one-letter word is never a sentence (`b. a. d.` spells, `J. R. R.` abbreviates).
        let close = gap.spells();
        // A leet digit glued to the last of three or more spelled-out letters (`f u c k1`,
        // `b.i.t.c.h3`): the letter is the word's last, the digit a gap after it (as `fuck1` is
        // `fuck` too).
        if let [letter, digit] = word {
            let letters = self.singles_class() == Some(Class::Letter);
            if whole
                && close
                && self.singles.len() >= 2
                && letters
                && letter.class == Class::Letter
                && leet_digit(digit)
            {
                self.singles.push((*letter, gap));
                self.joining = true;
                self.flush_singles();
                self.gap.add(&Unit { class: Class::Gap, ..*digit });
                return;
            }
        }
        if close && same_kind {
            self.singles.push((word[0], gap));
            // Three letters spell a word; next to CJK, two do (`加 Q Q`: Latin text is full of
            // two one-letter words in a row, Chinese text next to Latin letters is not).
            if self.singles.len() >= 3 || self.singles_after_ideo {
                self.joining = true;
            }
            return;
        }
        self.flush_singles();
        if single {
            self.singles_after_ideo = self.last_was_ideo && close;
            self.singles.push((word[0], gap));
            return;
        }
        // A leet digit glued before a letter alone may start a spelled-out word (`1f u c k`):
        // the letter is held as the first single.
        if let [digit, letter] = word {
            if whole && letter.class == Class::Letter && leet_digit(digit) {
                self.singles_after_ideo = self.last_was_ideo && close;
                self.lead_digit = Some(*digit);
                self.singles.push((*letter, gap));
                return;
            }
        }
        // A short word of letters or digits right after an ideo letter may be a filler (`傻12逼`;
        // Greek or Cyrillic too since 2026-12-05, `傻ωω逼`): held until the next item says.
        if whole
            && close
            && self.last_was_ideo
            && (2..=MAX_FILLER_UNITS).contains(&word.len())
            && word.iter().all(|u| {
                matches!(u.class, Class::Letter | Class::Digit)
                    && !u.keycap
                    && !u.regional
                    && Info::of(u.ch).is_alphanumeric()
            })
        {
            self.singles
                .extend(word.iter().enumerate().map(|(k, u)| (*u, if k == 0 { gap } else { GapInfo::default() })));
            self.held_word = true;
            return;
        }
        self.emit_word(word, gap, cut);
    }

    /// The letters or digits of `singles` (one, `傻a逼`; a held word, `傻12逼`; up to three
    /// spelled out, `傻 a b 逼`; with `lead_digit`, `傻3a逼`), alone between two ideo letters with
    /// short gaps around them (`A片` and `T恤` are words): a filler the first reading reads as a word
    /// and records ([`Self::fillers`]), the second reading as nothing between the two ideo
    /// letters. A term's own letters stay as written.
    #[cold]
    #[inline(never)]
    fn filler(&mut self, after: char) {
        let Some(&(unit, before)) = self.singles.first() else { return };
        if self.as_written {
            return;
        }
        // Its units: a held word's, or one letter and the digit glued before it (`傻3a逼`).
        let lead = self.lead_digit.into_iter();
        if !self.split_symbols {
            let units = || lead.clone().chain(self.singles.iter().map(|(u, _)| *u));
            let start = units().map(|u| u.start).min().unwrap_or(unit.start);
            let end = units().map(|u| u.end).max().unwrap_or(unit.end);
            // A run with a Hangul letter counts as a Latin letter does: Japanese puts none
            // between kanji (`操你ㅋの妈` too). Kana and Bopomofo count.
            let kana = match self.held_ideo {
                Some((held, _))
                    if held.ch != IDEOGRAPHIC_ZERO
                        && !self.singles.iter().any(|(u, _)| unicode_data::is_hangul_letter(u.ch)) =>
                {
                    self.singles.len() as u8
                }
                _ => 0,
            };
            self.fillers.push(Filler { bytes: start..end, before: self.last_ideo, after, kana });
            return;
        }
        // Touching both characters, the filler is read as nothing at all (the segmentation check
        // reads `你真傻a逼` as `你真傻逼`); with gaps around it, as characters more of the gap. A
        // lone `x` touching both is the mask a censor types for a character (`他x的`, `操X妈`):
        // read as a censor's shape `×`, after which a term's character may be hidden between
        // two Han letters (twenty-second session); so is a lone `〇` (held only after a Han
        // letter that is no numeral: `操〇妈`, `他〇的`, as `○` is; twenty-third session).
        let mut gap = before;
        if before.chars > 0 || self.gap.chars > 0 {
            for u in lead.chain(self.singles.iter().map(|(u, _)| *u)) {
                gap.add(&Unit { class: Class::Gap, ..u });
            }
        } else if self.lead_digit.is_none()
            && matches!(self.singles.as_slice(), [(u, _)] if u.ch == 'x' || u.ch == IDEOGRAPHIC_ZERO)
        {
            gap.add(&Unit { class: Class::Gap, ch: '×', ..unit });
        }
        self.singles.clear();
        self.lead_digit = None;
        self.held_word = false;
        self.held_ideo = None;
        self.joining = false;
        gap.filler = true;
        self.gap = gap.then(&self.gap);
    }

    /// Whether `singles` are one-letter words spelling a word out (not a held word): what a leet
    /// digit or symbol alone may join as a letter.
    fn spelling_letters(&self) -> bool {
        !self.held_word && self.singles_class() == Some(Class::Letter)
    }

    /// What the held one-character words are: `Letter`s or `Digit`s (never both), or `None`.
    fn singles_class(&self) -> Option<Class> {
        self.singles.first().map(|(u, _)| u.class)
    }

    fn item(&mut self, item: Item) {
        self.gap_lead = None;
        if !self.leet_singles.is_empty() {
            self.read_leet_singles_as_digits();
        }
        if let Item::Ideo(next) = item {
            if self.held_ideo.is_some() && self.holds_another_jamo(next) {
                // Korean laughter and tears come in runs (`操你ㅋㅋ妈`), Bopomofo spells a
                // syllable out (`傻ㄉㄜ逼`): the run is held whole.
                let gap = std::mem::take(&mut self.gap);
                self.singles.push((Unit { class: Class::Digit, ..next }, gap));
                self.kana_letters += u32::from(!unicode_data::is_hangul_letter(next.ch));
                return;
            }
            let close = self.gap.spells();
            // Two one-letter words right before an ideo letter spell a word too (`Q Q 群`).
            if !self.held_word && self.singles.len() == 2 && close {
                self.joining = true;
            }
            // A filler between two ideo letters: a held short word (`傻12逼`), or one to three
            // letters or digits alone or spelled out (`傻a逼`, `草1泥1马`, `傻 a b 逼`; a Latin
            // one, as read: `Ｑ`, `𝐚`; since 2026-12-05 any script's written with spaces, `傻ω逼`,
            // `傻д逼`, a piece of a kaomoji).
            let filler = self.held_word
                || (self.singles_after_ideo
                    && self.singles.len() + usize::from(self.lead_digit.is_some())
                        <= if self.held_ideo.is_some() { MAX_JAMO_FILLER } else { MAX_FILLER_UNITS }
                    && self.lead_digit.is_none_or(|d| d.ch.is_ascii_digit())
                    // (A held ideo letter is a kana, Bopomofo or Hangul letter, or `〇`: no need
                    // to ask; std's `is_alphanumeric` took 3,000 instructions a Hangul letter,
                    // 9 times English prose's cost on 64 KB of terms with laughter between.)
                    && (self.held_ideo.is_some() || self.singles.iter().all(|(u, _)| Info::of(u.ch).is_alphanumeric())));
            // A held ideo letter is a filler only before a Han letter; `〇` (held after a Han
            // letter that is no numeral) before a numeral too since 2026-12-06: `老〇二` hid `老二`
            // (a number after a word, `编号〇六四`, reads `编号六四`: a number term is found at the
            // start or end of a longer run of Han numerals anyway, though not inside one since
            // the sixteenth session, `七八九六四三九`).
            let held_stays = self.held_ideo.is_some() && !unicode_data::is_han_letter(next.ch);
            if close && filler && !held_stays {
                self.filler(next.ch);
            }
            self.flush_singles();
            // A kana or Hangul letter alone right after a Han letter (`傻の`, `操你ㅋ`), or `〇`
            // right after one that is no Han numeral (`傻〇`): held, as a letter or digit alone
            // between two ideo letters is, until the next item says whether it is a filler
            // (`傻の逼`, `傻〇逼`). Among Han numerals `〇` is the zero it is (`六〇四`).
            // (Asked of every ideo letter: the kana and jamo test first rules out a Han
            // ideograph with one comparison.)
            let zero = next.ch == IDEOGRAPHIC_ZERO;
            // (An iteration mark counts as a kana: a filler only in text with no other.)
            let kana = !zero && (unicode_data::is_phonetic_letter(next.ch) || is_iteration_mark(next.ch));
            self.kana_letters += u32::from(kana && !unicode_data::is_hangul_letter(next.ch));
            let may_fill = if zero { !is_han_numeral(self.last_ideo) } else { kana };
            if may_fill
                && self.last_was_ideo
                && close
                && !self.as_written
                && self.singles.is_empty()
                && unicode_data::is_han_letter(self.last_ideo)
            {
                let gap = std::mem::take(&mut self.gap);
                self.held_ideo = Some((next, gap));
                self.singles.push((Unit { class: Class::Digit, ..next }, gap));
                self.singles_after_ideo = true;
                return;
            }
        } else if self.held_word || self.singles_class() == Some(Class::Digit) {
            // An emoji ends digits spelled out (`8🔥9🔥6🔥4` stays four numbers): joined across
            // emoji, the worst-case bench's 64 KB of digits, number words and emoji cost 1.33
            // times the instructions (35% more words went through the word stage: more of the
            // text was read twice; the cause is not pinned down).
            self.flush_singles();
        }
        let gap = std::mem::take(&mut self.gap);
        match item {
            Item::Ideo(unit) => self.emit_ideo(unit, gap),
            Item::Emoji(unit) => self.emit_emoji(unit, gap),
        }
    }

    /// Whether `next`, glued to a held phonetic letter, is another one that joins the run held:
    /// up to `MAX_JAMO_FILLER` of them, between two Han letters one filler, if the run has a
    /// letter Japanese never writes between kanji, Hangul or Bopomofo (`操你ㅋㅋ妈`, `傻ㄉㄜ逼`,
    /// and mixed, `操你ㅋの妈`, since the twelfth session). Kana alone stay one alone (`傻のの逼` is
    /// Japanese as often as not).
    #[cold]
    fn holds_another_jamo(&self, next: Unit) -> bool {
        // (The run is `singles`, the held letter first.)
        let foreign = |c: char| unicode_data::is_hangul_letter(c) || unicode_data::is_bopomofo_letter(c);
        self.gap.chars == 0
            && self.singles.len() < MAX_JAMO_FILLER
            && self.held_ideo.is_some_and(|(held, _)| held.ch != IDEOGRAPHIC_ZERO)
            && unicode_data::is_phonetic_letter(next.ch)
            && (foreign(next.ch) || self.singles.iter().any(|(u, _)| foreign(u.ch)))
    }

    /// Puts out the one-letter words held (most calls find none: that case inline).
    #[inline(always)]
    fn flush_singles(&mut self) {
        // (A held word is never empty: `filler` clears both. Held leet digits follow singles:
        // `leet_single` holds one only after letters, and `item` reads them before `filler`.)
        if self.singles.is_empty() {
            debug_assert!(self.leet_singles.is_empty(), "leet digits held without singles");
            return;
        }
        self.flush_held_singles();
    }

    #[inline(never)]
    fn flush_held_singles(&mut self) {
        if !self.leet_singles.is_empty() {
            self.read_leet_singles_as_digits();
        }
        // A held ideo letter that is no filler: the ideo letter it is (alone in `singles`), or a
        // run of Hangul letters held: the letters they are.
        if let Some((unit, _)) = self.held_ideo.take() {
            self.joining = false;
            let singles = std::mem::take(&mut self.singles);
            for &(u, gap) in &singles {
                self.emit_ideo(Unit { class: unit.class, ..u }, gap);
            }
            self.singles = singles;
            self.singles.clear();
            return;
        }
        let held_word = std::mem::take(&mut self.held_word);
        let singles = std::mem::take(&mut self.singles);
        let lead = self.lead_digit.take();
        // A held word (put out as it would have been at once) or a spelled-out one: one word.
        if held_word || self.joining {
            let mut word = std::mem::take(&mut self.scratch);
            word.clear();
            word.extend(singles.iter().map(|(u, _)| *u));
            let mut gap = singles[0].1;
            if let Some(digit) = lead {
                gap.add(&Unit { class: Class::Gap, ..digit });
            }
            let from = self.out.len();
            self.emit_word(&word, gap, Cut::default());
            // (emit_word may put out a break or a pending symbol first: only the word's runs.)
            // Spelled-out digits are a number, not letters the spelled stream looks inside; a
            // held word was written as one.
            if !held_word && word.first().is_some_and(|u| u.class == Class::Letter) {
                for s in self.out.get_mut(from..).into_iter().flatten().filter(|s| s.kind == SymbolKind::Word) {
                    s.digit |= SPELLED;
                }
            }
            self.scratch = word;
        } else {
            for (k, (unit, gap)) in singles.iter().enumerate() {
                match lead.filter(|_| k == 0) {
                    Some(digit) => self.emit_word(&[digit, *unit], *gap, Cut::default()),
                    None => self.emit_word(std::slice::from_ref(unit), *gap, Cut::default()),
                }
            }
        }
        self.joining = false;
        self.singles = singles;
        self.singles.clear();
    }

    // ---- Stage 4: symbols -------------------------------------------------------------------

    /// A break before the next word when the gap ends a paragraph, or a sentence: a terminal
    /// then whitespace after a word of two letters or more (`J. R.` and `b. a. d.` are no
    /// sentences), where a full stop, or a terminal with whitespace on both sides, needs the next
    /// word not to start lowercase (`kill ! yourself` runs on, `red ! Packet` ends).
    /// (The common case, no break, inline: it is asked before every word.)
    #[inline(always)]
    fn emit_break_for(&mut self, gap: &GapInfo, next_lowercase: bool) {
        if (gap.paragraph || gap.sentence_end) && self.last_was_word {
            self.emit_break_now(gap, next_lowercase);
        }
    }

    #[inline(never)]
    fn emit_break_now(&mut self, gap: &GapInfo, next_lowercase: bool) {
        let runs_on = (gap.full_stop || gap.detached) && next_lowercase;
        let sentence = gap.sentence_end && self.last_word_letters >= 2 && !runs_on;
        if (gap.paragraph || sentence) && self.last_was_word {
            self.flush_pending();
            self.out.push(Symbol {
                ch: '\n',
                kind: SymbolKind::Break,
                count: 1,
                edge: 0,
                gap: Gap::Other,
                start: 0,
                end: 0,
                last_start: 0,
                first_end: 0,
                word_letters: 0,
                digit: 0,
            });
            self.last_was_word = false;
            self.last_was_ideo = false;
        }
    }

    #[inline(always)]
    fn flush_pending(&mut self) {
        if let Some(symbol) = self.pending.take() {
            self.out.push(symbol);
        }
    }

    fn emit_word(&mut self, word: &[Unit], gap: GapInfo, cut: Cut) {
        if !cut.continues {
            let lowercase = word.first().is_some_and(|u| u.class == Class::Letter && !u.upper && u.symbol == '\0');
            self.emit_break_for(&gap, lowercase);
        }
        self.flush_pending();
        let letters = word.len();
        let word_letters = u8::try_from(letters).unwrap_or(0);
        let mut first_gap = if cut.continues { Gap::None } else { gap.kind() };
        let mut i = 0;
        while i < word.len() {
            let unit = word[i];
            let mut j = i + 1;
            // Whether the next unit is the same letter, as one branch (`&`, not `&&`): in a word of
            // letters, digits and symbols at random, a branch on the unit's class alone is
            // mispredicted, and most runs are one unit.
            let same = |k: usize| {
                word.get(k).is_some_and(|next| (next.ch == unit.ch) & (next.class == Class::Letter))
                    & (unit.class == Class::Letter)
            };
            while same(j) {
                j += 1;
            }
            // Most runs are one unit: that case without going over the run.
            let (mut edge, start, end, last_start, digit, upper) = match word.get(i..j) {
                Some([_]) | None => {
                    (unit.short, unit.start, unit.end, unit.start, digit_marks(std::slice::from_ref(&unit)), unit.upper)
                }
                // In text read in display order, the units' bytes need not be in order.
                Some(run) => (
                    run.iter().fold(0, |e, u| e | u.short),
                    run.iter().map(|u| u.start).min().unwrap_or(unit.start),
                    run.iter().map(|u| u.end).max().unwrap_or(unit.end),
                    run.last().map_or(unit.start, |u| u.start),
                    digit_marks(run),
                    run.iter().any(|u| u.upper),
                ),
            };
            if i == 0 && !cut.continues {
                edge |= START;
            }
            if j == word.len() && !cut.continued {
                edge |= END;
            }
            // (Case first: in lowercase text it is never taken, where the letter, an `i` read
            // from `!`, `|` or `1` as often as not, would be mispredicted.)
            if upper && unit.ch == 'i' {
                edge |= capital_i_for_l(word, i, j);
            }
            self.out.push(Symbol {
                ch: unit.ch,
                kind: SymbolKind::Word,
                count: (j - i) as u32,
                edge,
                gap: first_gap,
                start,
                end,
                last_start,
                first_end: unit.end,
                word_letters,
                digit,
            });
            first_gap = Gap::None;
            i = j;
        }
        self.last_word_letters = letters;
        self.last_was_word = true;
        self.last_was_ideo = false;
    }

    // Always inlined: it is the hot path of CJK text, and its second caller (a held ideo letter
    // that is no filler, `flush_held_singles`) made the compiler call it out of line (CJK text
    // cost 3% more instructions).
    #[inline(always)]
    fn emit_ideo(&mut self, unit: Unit, gap: GapInfo) {
        self.interrupted = true;
        let spaces = !gap.other && gap.newlines == 0 && gap.chars <= MAX_SPELLING_GAP;
        if let Some(p) = &mut self.pending {
            // A doubled character split by a filler is one run too (`他奶a奶` in the second
            // reading), and so is one split by a few spaces on one line right after another ideo
            // letter (`他奶 奶`) or after one spelled out (`他 奶 奶`); `哈 哈` and `幹 干` stay
            // two, and so does `干杯 幹 干`; split by punctuation it is not (`鸡，鸡腿` holds no
            // `鸡鸡`).
            if p.kind == SymbolKind::Ideo
                && p.ch == unit.ch
                && (gap.chars == 0 || gap.filler || (spaces && self.pending_follows_ideo))
            {
                p.count += 1;
                p.edge |= unit.short;
                p.start = p.start.min(unit.start);
                p.end = p.end.max(unit.end);
                p.last_start = unit.start;
                return;
            }
        }
        self.flush_pending();
        // Ideo letters spelled out one by one (`他 奶 奶`) join a doubled one across spaces; after
        // a word of two or more (`干杯 幹 干`) they do not.
        let glued = self.last_was_ideo && gap.chars == 0;
        self.pending_follows_ideo = glued || (self.last_was_ideo && spaces && !self.pending_glued);
        self.pending_glued = glued;
        // Asterisks after an ideo letter open an emphasis or hide a character (`*他*的`: both
        // at `他`), and the next ones close it.
        let stars = gap.stars != 0;
        let open = self.emphasis_open && self.last_was_ideo && (gap.chars == 0 || stars);
        // A censor's shape (not an asterisk) hides a character between two Han letters; in kana
        // text `○` and `×` stand for names and marks (`ねえ○○ちゃん`, `○とか×とか`, `ひろし×たけし`),
        // so there only one circle alone hides one, a fuseji (`ま○こ`; since the twenty-fourth
        // session).
        let han = || unicode_data::is_han_letter(self.last_ideo) && unicode_data::is_han_letter(unit.ch);
        let fuseji = || {
            gap.stars == CIRCLE
                && gap.chars == 1
                && unicode_data::is_kana_letter(self.last_ideo)
                && unicode_data::is_kana_letter(unit.ch)
        };
        let masked = stars
            && gap.chars <= MAX_JOINING_SYMBOLS
            && self.last_was_ideo
            && !open
            && (gap.stars == STARS || han() || fuseji());
        self.emphasis_open = open != stars;
        self.pending = Some(Symbol {
            ch: unit.ch,
            kind: SymbolKind::Ideo,
            count: 1,
            edge: unit.short | if masked { AFTER_STARS } else { 0 },
            gap: gap.kind(),
            start: unit.start,
            end: unit.end,
            last_start: unit.start,
            first_end: unit.end,
            word_letters: 0,
            digit: 0,
        });
        self.last_was_word = false;
        self.last_was_ideo = true;
        self.last_ideo = unit.ch;
    }

    fn emit_emoji(&mut self, unit: Unit, gap: GapInfo) {
        // An emoji is a gap for whatever is around it: the gap before it carries on past it.
        let mut carried = gap;
        carried.add(&Unit { ch: unit.ch, class: Class::Gap, ..unit });
        self.gap = carried;
        if let Some(p) = self.pending.as_mut().filter(|_| !self.interrupted) {
            if p.kind == SymbolKind::Emoji && p.ch == unit.ch && gap.chars == 0 {
                p.count += 1;
                p.start = p.start.min(unit.start);
                p.end = p.end.max(unit.end);
                p.last_start = unit.start;
                return;
            }
        }
        self.flush_pending();
        self.interrupted = false;
        self.pending = Some(Symbol {
            ch: unit.ch,
            kind: SymbolKind::Emoji,
            count: 1,
            edge: 0,
            gap: gap.kind(),
            start: unit.start,
            end: unit.end,
            last_start: unit.start,
            first_end: unit.end,
            word_letters: 0,
            digit: 0,
        });
    }
}

impl Normalizer<'_> {
    /// The symbols [`Iterator::next`] would hand out one by one before the normaliser reads on,
    /// all at once, as `batch[from..]` (counted as handed out); `None` at the end of the text.
    /// The vector is the normaliser's own buffer: hand it back with [`Self::give_back`] before
    /// reading on, so that reading never allocates a new one.
    #[inline]
    pub(crate) fn take_batch(&mut self) -> Option<(Vec<Symbol>, usize)> {
        if self.out_at >= self.out.len() {
            if self.done {
                return None;
            }
            self.advance();
            if self.out.is_empty() {
                return None;
            }
        }
        let from = self.out_at;
        self.out_at = self.out.len();
        Some((std::mem::take(&mut self.out), from))
    }

    /// Returns the buffer [`Self::take_batch`] took (its symbols stay handed out).
    #[inline]
    pub(crate) fn give_back(&mut self, batch: Vec<Symbol>) {
        self.out_at = batch.len();
        self.out = batch;
    }
}

impl Iterator for Normalizer<'_> {
    type Item = Symbol;

    #[inline]
    fn next(&mut self) -> Option<Symbol> {
        if self.out_at >= self.out.len() {
            if self.done {
                return None;
            }
            self.advance();
        }
        let symbol = self.out.get(self.out_at).copied();
        self.out_at += 1;
        symbol
    }
}

/// 0x01 in each byte of a `u64`, and 0x80 in each: the constants of reading eight bytes at a
/// time ([`ascii_letters`], [`has_bidi_controls`]).
const BYTE_ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const BYTE_HIGHS: u64 = 0x80 * BYTE_ONES;

/// How many ASCII letters `bytes` starts with, found eight bytes at a time (one branch a chunk
/// rather than one a byte: a word's length is what a branch predictor cannot guess).
#[inline]
fn ascii_letters(bytes: &[u8]) -> usize {
    let mut count = 0;
    for chunk in bytes.chunks(8) {
        // A whole chunk loads as one word; the last, shorter one is padded with zeros (not
        // letters). (Copying every chunk into a padded word called memcpy for each.)
        let word: [u8; 8] = match chunk.try_into() {
            Ok(whole) => whole,
            Err(_) => {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                word
            }
        };
        let v = u64::from_le_bytes(word);
        // Lowercased 7-bit lanes; a letter is 0x61..=0x7A there, with its high bit clear in `v`.
        // Adding 0x1F sets a lane's bit 7 from 0x61 up, adding 0x05 from 0x7B up; no lane carries.
        let x = (v | (0x20 * BYTE_ONES)) & !BYTE_HIGHS;
        let letters = (x + 0x1F * BYTE_ONES) & !(x + 0x05 * BYTE_ONES) & !v & BYTE_HIGHS;
        let others = !letters & BYTE_HIGHS;
        if others != 0 {
            return count + (others.trailing_zeros() / 8) as usize;
        }
        count += 8;
    }
    count
}

/// Letters a piece of a word needs on each side of a run of leet symbols for the run to
/// separate two words in the second reading (`symbol_separators`: `buy!followers`, not `sh!t`).
const SPLIT_PIECE: usize = 3;

/// Whether a byte is an ASCII leet symbol (no digit): `@`, `$`, `!`, `|`, `+`, `(`, `*`.
#[inline]
fn is_leet_symbol_byte(b: u8) -> bool {
    b < 0x80 && leet::is_symbol_byte(b)
}

/// Whether symbols drawn as a letter (`leet::sequence`) start at `bytes[i]`: the general path
/// reads them (`Normalizer::drawn_letter`). Asked only of a byte of kind `AsciiKind::Drawn`.
#[inline(never)]
fn drawn_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i..bytes.len().min(i + 4)).and_then(leet::sequence).is_some()
}

/// Whether an ASCII letter followed by byte `b` ends a word the fast path may put out whole: `b`
/// is ASCII and no letter, digit, leet symbol or ignorable control (which inside a word joins its
/// two halves: the general path's business), nor a symbol that may begin symbols drawn as a
/// letter (the main fast path asks [`drawn_at`] of those itself).
#[inline]
fn ends_plain_word(b: u8) -> bool {
    b < 0x80
        && !matches!(
            ASCII_KINDS[usize::from(b)],
            AsciiKind::Letter | AsciiKind::Other | AsciiKind::Ignorable | AsciiKind::Drawn
        )
}

/// The byte ranges of the runs of leet symbols in a word [`split_compound`] found, from the first
/// piece's end `first_end` to the word's `end`.
fn compound_runs(bytes: &[u8], first_end: usize, end: usize) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut at = first_end;
    std::iter::from_fn(move || {
        let rest = bytes.get(at..end).filter(|rest| !rest.is_empty())?;
        let symbols = rest.iter().take_while(|&&b| is_leet_symbol_byte(b)).count();
        let run = at..at + symbols;
        at = run.end + ascii_letters(bytes.get(run.end..end).unwrap_or(&[]));
        Some(run)
    })
}

/// The unit of ASCII letter `b` at byte `at`, as the general path reads it (lowercased, `upper`
/// kept).
#[inline(always)]
fn ascii_letter_unit(b: u8, at: u32) -> Unit {
    ascii_unit(b, Class::Letter, at, at + 1)
}

/// Whether a unit is complete before the byte `next`: before an ASCII byte other than an
/// ignorable control no mark can follow it. Before anything else a mark may, and at the text's
/// end (`None`) the unit is held too, for the end to pass on.
#[inline(always)]
fn completes(next: Option<u8>) -> bool {
    // (`&`: no branch on whether the byte is ASCII, which a text of ASCII letters and symbols
    // outside ASCII at random mispredicts.)
    next.is_some_and(|b| (b < 0x80) & (ASCII_KINDS[usize::from(b & 0x7F)] != AsciiKind::Ignorable))
}

/// The unit of ASCII character `b` of class `class` at bytes `start..end`: lowercase, marked
/// with its case only.
#[inline(always)]
fn ascii_unit(b: u8, class: Class, start: u32, end: u32) -> Unit {
    Unit {
        ch: char::from(b.to_ascii_lowercase()),
        class,
        start,
        end,
        symbol: '\0',
        upper: b.is_ascii_uppercase(),
        regional: false,
        keycap: false,
        short: 0,
        before_digit: false,
        after_digit: false,
    }
}

/// A unit of one ASCII byte at `at`, marked with nothing.
fn byte_unit(ch: char, at: usize, class: Class) -> Unit {
    Unit {
        ch,
        class,
        start: at as u32,
        end: at as u32 + 1,
        symbol: '\0',
        upper: false,
        regional: false,
        keycap: false,
        short: 0,
        before_digit: false,
        after_digit: false,
    }
}

/// [`FROM_ONE`] when a unit of the run `word[from..to]` of `i` is a capital `I` (or a capital
/// read as one: `Ⅰ`, Greek `Ι`) inside a word next to a lowercase letter (`sIut`, `foIIowers`,
/// `SIut`; not `AIDS`, nor `I` alone or first), else 0: drawn like an `l` in most sans-serif
/// fonts, it is marked as a `1` read as `i` is, so a term's `l` matches it too.
#[cold]
fn capital_i_for_l(word: &[Unit], from: usize, to: usize) -> u8 {
    let lower = |u: Option<&Unit>| u.is_some_and(|u| u.class == Class::Letter && !u.upper);
    let capital = |k: usize| {
        k > 0
            && word.get(k).is_some_and(|u| u.upper && u.ch == 'i' && u.class == Class::Letter)
            && (lower(word.get(k - 1)) || lower(word.get(k + 1)))
    };
    if (from..to).any(capital) {
        FROM_ONE
    } else {
        0
    }
}

/// [`capital_i_for_l`] for a run `word[from..to]` of `i` in a word of ASCII letters (with
/// `leet`, and leet symbols, which are lowercase letters there as `as_letter` makes them: `ali+III`).
#[cold]
fn ascii_capital_i_for_l(word: &[u8], from: usize, to: usize, leet: bool) -> u8 {
    let lower = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_lowercase() || (leet && leet::is_symbol_byte(b)));
    let capital = |k: usize| k > 0 && word.get(k) == Some(&b'I') && (lower(word.get(k - 1)) || lower(word.get(k + 1)));
    if (from..to).any(capital) {
        FROM_ONE
    } else {
        0
    }
}

/// The weak look-alike of the letter `unit` was written as, when folding changed it (`ς` is
/// drawn like a `c`, its fold `σ` like an `o`; `ﻣ`, an initial form, like an `o`): the table
/// keys such a letter as written (`crates/unicode-gen`).
fn written_look_alike(text: &str, unit: &Unit) -> Option<char> {
    let written = text.get(unit.start as usize..)?.chars().next()?;
    if written == unit.ch {
        return None;
    }
    match unicode_data::look_alike(written, unit.upper)? {
        LookAlike::Weak(letter) => Some(letter),
        LookAlike::Unicode(..) => None,
    }
}

/// For the second reading's fast path: the end of a whole word that is pieces of
/// `SPLIT_PIECE` ASCII letters or more joined by runs of at most `MAX_LEET_SYMBOLS` ASCII leet
/// symbols, then a plain gap or the text's end, shorter than `WORD_CAP` (`pronaoi+stagecoaches`,
/// `free@money!now`): every run separates two words there. `first_end` is the first piece's end
/// (the caller has its letters). `None` for any other word, which the general path reads.
fn split_compound(bytes: &[u8], word_start: usize, first_end: usize) -> Option<usize> {
    let mut at = first_end;
    loop {
        at += leet_run(bytes.get(at..)?)?;
        let letters = ascii_letters(bytes.get(at..bytes.len().min(at + WORD_CAP))?);
        if letters < SPLIT_PIECE {
            return None;
        }
        at += letters;
        if at - word_start >= WORD_CAP {
            return None;
        }
        match bytes.get(at) {
            None => return Some(at),
            Some(&b) if is_leet_symbol_byte(b) => continue,
            Some(&b) if ends_plain_word(b) => return Some(at),
            Some(_) => return None,
        }
    }
}

/// The length of the run of ASCII leet symbols `rest` starts with, when it is one to
/// `MAX_LEET_SYMBOLS` (a longer run is read as a gap: the general path's).
fn leet_run(rest: &[u8]) -> Option<usize> {
    let symbols = rest.iter().take(MAX_LEET_SYMBOLS + 1).take_while(|&&b| is_leet_symbol_byte(b)).count();
    (1..=MAX_LEET_SYMBOLS).contains(&symbols).then_some(symbols)
}

/// For the fast path: the run of leet symbols and the word's end when the word from
/// `word_start` is two pieces of two ASCII letters or more joined by one run of at most
/// `MAX_LEET_SYMBOLS` leet symbols, none of them the start of symbols drawn as a letter, then a
/// plain gap or the text's end, shorter than `WORD_CAP` (`fu!ck`, `zu!cx`: [`symbol_joins`]).
/// `first_end` is the first piece's end. `None` for any other word.
fn split_join(bytes: &[u8], word_start: usize, first_end: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let run = first_end..first_end + leet_run(bytes.get(first_end..)?)?;
    if run.clone().any(|k| bytes.get(k).is_some_and(|&b| leet::begins_sequence(b)) && drawn_at(bytes, k)) {
        return None;
    }
    let letters = ascii_letters(bytes.get(run.end..bytes.len().min(run.end + WORD_CAP))?);
    let end = run.end + letters;
    if letters < 2 || end - word_start >= WORD_CAP {
        return None;
    }
    match bytes.get(end) {
        None => Some((run, end)),
        Some(&b) if ends_plain_word(b) => Some((run, end)),
        Some(_) => None,
    }
}

/// Whether `text` has an explicit bidi embedding, override or isolate (U+202A–U+202E: UTF-8
/// `E2 80 AA`–`E2 80 AE`; U+2066–U+2069: `E2 81 A6`–`E2 81 A9`), found from its bytes: eight at a
/// time for the lead byte `E2` (every text is scanned once before it is read, so this is a
/// search's fixed cost).
fn has_bidi_controls(text: &str) -> bool {
    let bytes = text.as_bytes();
    let is_control = |at: usize| {
        matches!(
            (bytes.get(at + 1), bytes.get(at + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        )
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        // Zero where a byte is E2; the test can also flag a byte after such a zero, never miss one.
        let x = u64::from_ne_bytes(word) ^ (0xE2 * BYTE_ONES);
        if x.wrapping_sub(BYTE_ONES) & !x & BYTE_HIGHS != 0
            && (at..at + 8).any(|i| bytes.get(i) == Some(&0xE2) && is_control(i))
        {
            return true;
        }
        at += 8;
    }
    (at..bytes.len()).any(|i| bytes.get(i) == Some(&0xE2) && is_control(i))
}

/// What a text's letters say about its scripts (see [`genuine_scripts`]).
#[derive(Debug, Clone, Copy, Default)]
struct TextScripts {
    /// The scripts with Latin look-alikes that the text uses for real.
    genuine: [bool; SCRIPTS],
    /// Whether the text has a Latin letter (after folding: `é` is one).
    latin: bool,
}

/// The scripts with Latin look-alikes that `text` uses for real: it has a letter of theirs that
/// looks like no Latin letter (`убери` is Russian, so `сор` in it is too); and whether it has a
/// Latin letter at all.
fn genuine_scripts(text: &str) -> TextScripts {
    let mut scripts = TextScripts::default();
    for c in text.chars() {
        if c.is_ascii() {
            scripts.latin |= c.is_ascii_alphabetic();
            continue;
        }
        let info = Info::of(c);
        if info.class() == Class::Letter {
            let mut first = c;
            if info.folds() {
                let mut taken = false;
                unicode_data::fold(c, |f| {
                    if !taken {
                        first = f;
                        taken = true;
                    }
                });
            }
            if first.is_ascii_alphabetic() {
                scripts.latin = true;
            } else if unicode_data::skeleton(first, c.is_uppercase()).is_none() {
                scripts.genuine[usize::from(unicode_data::look_alike_script(first))] = true;
            }
        }
    }
    scripts
}

/// A pending leet symbol read as the letter it carries (it remembers that it was a symbol: see
/// [`spelled_with_symbols`]).
/// Whether the gap read so far, `gap`, holds after a symbol noted with the gap `before` it
/// (the symbol itself counted between) a gap that spells as one between two letters would: a few
/// characters, or a few more across a paragraph break (`s⏎h⏎!⏎t`; the symbol's own line is not a
/// paragraph break between letters).
fn gap_after(gap: &GapInfo, before: &GapInfo) -> bool {
    let after = gap.chars.saturating_sub(before.chars.saturating_add(1));
    let paragraph = gap.newlines.saturating_sub(before.newlines) >= 2;
    after <= if paragraph { 2 * MAX_SPELLING_GAP } else { MAX_SPELLING_GAP }
}

fn as_letter(unit: Unit) -> Unit {
    Unit { ch: unit.symbol, class: Class::Letter, symbol: unit.ch, short: unit.short | symbol_mark(unit.ch), ..unit }
}

/// [`FROM_ONE`] for a `1` or a `|` read as a letter, [`FROM_AT`] for an `@`, else 0.
fn symbol_mark(c: char) -> u8 {
    match c {
        '1' | '|' => FROM_ONE,
        '@' => FROM_AT,
        _ => 0,
    }
}

/// Letters with the same leet-capable symbol between each two (`b|a|d`, `b+a+d+`) spell a word
/// out; the symbols are separators, not letters.
fn spelled_with_symbols(word: &mut Vec<Unit>) {
    // Letters one at a time, each pair separated by a run of one and the same symbol.
    let separator = match word.get(1) {
        Some(u) if u.symbol != '\0' => u.symbol,
        _ => return,
    };
    let mut letters = 0;
    let mut i = 0;
    while i < word.len() {
        if word[i].symbol != '\0' || word[i].class != Class::Letter {
            return;
        }
        letters += 1;
        i += 1;
        let run = word[i..].iter().take_while(|u| u.symbol == separator).count();
        if run == 0 && i < word.len() {
            return;
        }
        i += run;
    }
    if letters >= 3 {
        word.retain(|u| u.symbol == '\0');
    }
}

/// Whether a word is single letters with a run of leet symbols between each two (`u*c`, `f*u*c`,
/// `s|h/i`: letters and symbols alternate, the word starts and ends with a letter, at most
/// [`MAX_LEET_SYMBOLS`] symbols in a run, any symbols): letters spelled out, the symbols their
/// separators, among other separators (`f.u*c.k`, `f*u.c.k`, `f*u*c k`), which the spelling stage
/// reads as one word only when each letter is a word of its own. The second reading cuts the runs
/// of symbols as gaps; the first reads the word as before (`spelled_with_symbols`, leet).
fn spelled_apart(word: &[Unit]) -> bool {
    // (Most words: their second unit is no symbol.)
    if word.get(1).is_none_or(|u| u.symbol == '\0') {
        return false;
    }
    let plain = |u: &Unit| u.class == Class::Letter && u.symbol == '\0' && !u.keycap && !u.regional;
    let symbol = |u: &Unit| u.class == Class::Letter && u.symbol != '\0';
    if word.len() < 3 || !word.first().is_some_and(plain) || !word.last().is_some_and(plain) {
        return false;
    }
    let mut i = 1;
    while i < word.len() {
        let run = word[i..].iter().take_while(|u| symbol(u)).count();
        let next = i + run;
        // A run of one to MAX_LEET_SYMBOLS, then one letter, then a run or the word's end.
        if run == 0
            || run > MAX_LEET_SYMBOLS
            || !word.get(next).is_some_and(plain)
            || word.get(next + 1).is_some_and(plain)
        {
            return false;
        }
        i = next + 1;
    }
    true
}

/// Bits a word's units fit in: a word holds at most `WORD_CAP` units and the leet symbols taken
/// in at its end.
const UNIT_BITS: usize = 128;
const _: () = assert!(WORD_CAP + 2 * MAX_LEET_SYMBOLS < UNIT_BITS && WORD_CAP + 2 * MAX_DRAWN_SIGNS < UNIT_BITS);

/// A word's units as bits (bit k: `word[k]`), taken in one pass. The word-stage rules below
/// work on these rather than branch on each unit: in a text that mixes letters, digits and symbols
/// at random, a branch per unit is mispredicted half the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordBits {
    /// Units (at most `UNIT_BITS`).
    len: usize,
    /// Units of class letter (leet symbols read as letters too).
    letters: u128,
    /// Units of class digit.
    digits: u128,
    /// Leet symbols read as letters.
    symbols: u128,
    /// Regional indicators.
    regional: u128,
}

impl WordBits {
    fn of(word: &[Unit]) -> Self {
        debug_assert!(word.len() <= UNIT_BITS, "a word of {} units", word.len());
        let word = &word[..word.len().min(UNIT_BITS)];
        // Two 64-bit halves: wasm has 64-bit integers, not 128-bit ones.
        let (low, high) = word.split_at(word.len().min(64));
        let (low, high) = (Self::half(low), Self::half(high));
        let join = |k: usize| u128::from(high[k]) << 64 | u128::from(low[k]);
        WordBits { len: word.len(), letters: join(0), digits: join(1), symbols: join(2), regional: join(3) }
    }

    #[inline]
    fn half(units: &[Unit]) -> [u64; 4] {
        let mut bits = [0u64; 4];
        for (k, u) in units.iter().enumerate() {
            bits[0] |= u64::from(u.class == Class::Letter) << k;
            bits[1] |= u64::from(u.class == Class::Digit) << k;
            bits[2] |= u64::from(u.symbol != '\0') << k;
            bits[3] |= u64::from(u.regional) << k;
        }
        bits
    }

    /// Bit k of the first: the three units ending at k are letters not read from symbols; of the
    /// second: the three starting at k are.
    fn three_letters(&self) -> (u128, u128) {
        threes(self.letters & !self.symbols)
    }

    /// How many units at the word's start, and at its end, `mask` holds in a row.
    fn edge_runs(&self, mask: u128) -> (usize, usize) {
        let n = self.len.min(UNIT_BITS);
        let lead = (mask.trailing_ones() as usize).min(n);
        // Checked shift: an empty word shifts by the width of the mask.
        let trail = mask.checked_shl((UNIT_BITS - n) as u32).map_or(0, |m| m.leading_ones() as usize).min(n);
        (lead, trail)
    }

    /// The digits of `run` are read as letters now.
    fn read_as_letters(&mut self, run: std::ops::Range<usize>) {
        let span = span(run);
        self.digits &= !span;
        self.letters |= span;
    }
}

/// Bit k of the first: the three bits ending at k are set in `mask`; of the second: the three
/// starting at k are.
fn threes(mask: u128) -> (u128, u128) {
    (mask & (mask << 1) & (mask << 2), mask & (mask >> 1) & (mask >> 2))
}

/// The bits of the units `run`. Checked shifts: a run is never empty nor longer than the word,
/// and no input may panic.
fn span(run: std::ops::Range<usize>) -> u128 {
    let ones = u128::MAX.checked_shr(UNIT_BITS.saturating_sub(run.len()) as u32).unwrap_or(0);
    ones.checked_shl(run.start as u32).unwrap_or(0)
}

/// The positions of the set bits, lowest first.
fn ones(mut bits: u128) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let at = bits.trailing_zeros() as usize;
        bits &= bits.wrapping_sub(1);
        (at < UNIT_BITS).then_some(at)
    })
}

/// The runs of set bits, lowest first.
fn runs(mut bits: u128) -> impl Iterator<Item = std::ops::Range<usize>> {
    std::iter::from_fn(move || {
        let start = bits.trailing_zeros() as usize;
        if start >= UNIT_BITS {
            return None;
        }
        let end = start + (!(bits >> start)).trailing_zeros() as usize;
        // Clear the run (and nothing above it).
        bits &= u128::MAX.checked_shl(end as u32).unwrap_or(0);
        Some(start..end)
    })
}

/// Runs of exactly two regional indicators in a word: flags (`🇺🇸`, alone or between plain
/// letters: `fuck🇺🇸buttons`), where four or more spell letters (`🇫🇺🇨🇰`), and so do two next to
/// other letter-like symbols (`🇯🇺🆥🇬🅴`).
fn flags(word: &[Unit], bits: &WordBits) -> Vec<std::ops::Range<usize>> {
    if bits.regional == 0 {
        return Vec::new();
    }
    let plain = |u: Option<&Unit>| u.is_none_or(|u| u.end - u.start == 1);
    runs(bits.regional)
        .filter(|run| {
            let before = run.start.checked_sub(1).and_then(|b| word.get(b));
            run.len() == 2 && plain(before) && plain(word.get(run.end))
        })
        .collect()
}

/// Where a run of leet symbols stands between two runs of three letters or more: there it
/// separates two words (`buy!followers`, `free@money`), while a symbol next to a short piece is a
/// letter (`sh!t`, `a$$hole`, `b!tch`). So may a run at the word's start before three letters or
/// at its end after three: a mention or a tag (`@bitch`, `$hit`, `fuck$`), when `at_edges` (the
/// word follows a space or nothing: in `x.com@ www./@https` the symbols are a domain's). Returns
/// the symbol runs that split the word (the second reading reads them as a gap; the first, as
/// letters), then the runs of `digit_runs` ([`digit_separators`]).
fn symbol_separators(bits: &WordBits, at_edges: bool, digit_runs: u128) -> Vec<std::ops::Range<usize>> {
    let symbols = bits.symbols;
    if symbols == 0 {
        return if digit_runs == 0 { Vec::new() } else { runs(digit_runs).collect() };
    }
    // A run of digits that separates two words (`digit_runs`) is not letters beside a symbol
    // either, though read as letters by now (`cheap88p!lls`: the `!` is inside `p!lls`).
    let (three_before, three_after) = threes(bits.letters & !bits.symbols & !digit_runs);
    // The runs that start right after three letters or at the word's start, then those of them
    // followed by three letters, or (after three letters) ending the word.
    let starts = symbols & !(symbols << 1) & ((three_before << 1) | u128::from(at_edges));
    ones(starts)
        .map(|start| start..start + (!(symbols >> start)).trailing_zeros() as usize)
        .filter(|run| {
            let after = run.end < UNIT_BITS && three_after >> run.end & 1 == 1;
            after || (at_edges && run.start > 0 && run.end == bits.len)
        })
        .chain(runs(digit_runs))
        .collect()
}

/// Runs of leet symbols inside a word, each with two letters written as letters on each side:
/// `fu!ck`, `bit|ch`, `wh€ore`. A symbol there may stand for a letter (`wh!te`, the first
/// reading's) or for none, put in among the letters to break the word (`fu!ck`): the second
/// reading drops it (`fuck`, `whte`).
fn symbol_joins(bits: &WordBits) -> Vec<std::ops::Range<usize>> {
    let symbols = bits.symbols;
    // One symbol run or two put in a word (`fu!ck`, `bi!tc@hes`); three or more are a code's or
    // an address's (`a@ba@babc`), or spell letters already read as such (`f!u!c!k`).
    if symbols == 0 || runs(symbols).nth(2).is_some() {
        return Vec::new();
    }
    // Two letters of the word's own on each side (`fu!ck`; not `f!uck`, nor an address's
    // `today@g8`, read twice for nothing).
    let own = bits.letters & !bits.symbols;
    let two_before = own & (own << 1);
    let two_after = own & (own >> 1);
    let starts = symbols & !(symbols << 1) & (two_before << 1);
    ones(starts)
        .map(|start| start..start + (!(symbols >> start)).trailing_zeros() as usize)
        .filter(|run| run.end < bits.len && run.end < UNIT_BITS && two_after >> run.end & 1 == 1)
        .collect()
}

/// Runs of digits between two pieces of three letters or more (leet symbols read as letters
/// count, `ch€@p88p!lls`; regional indicators do not, nor digits, but see below): like a leet symbol there, a
/// separator too (`fuck1you`, `slut69slut`, `fuck11you`), which the second reading reads as a gap
/// (so a phrase across it is found, and each piece as a word); the first reads the digits as
/// letters where they stand for some (`fuckiyou`). To be found before the digits are read as
/// letters. Beside a run of two digits or more, leet digits between two letters count among the
/// three too (`kill99y0urs€lf`, since 2026-12-05): a word's own leet digits seldom stand two in a row
/// between three letters on each side, while a single digit so placed is as often a leet letter
/// of the word (`al4$k4n7p!p3line`), and one reading cannot split a word both ways.
fn digit_separators(word: &[Unit], bits: &WordBits) -> u128 {
    let digits = bits.digits;
    // (Three letters, a digit, three letters: seven units at least.)
    if digits == 0 || bits.len < 7 {
        return 0;
    }
    let own = bits.letters & !bits.regional;
    let (three_before, three_after) = threes(own);
    // With leet digits among the letters, for runs of two digits or more (asked only when the
    // word has two digits side by side): those between two letters of the word (`y0u`, `r3d`),
    // not one at a piece's edge (`3be11fa9` is a code, not `3be` and `fag`) nor beside another
    // digit (`abc11d55efg` has no piece of three between its runs).
    let (wide_before, wide_after) = if digits & (digits >> 1) != 0 {
        let leet = word
            .iter()
            .take(UNIT_BITS)
            .enumerate()
            .filter(|(_, u)| (u.class == Class::Digit) & leet::digit(u.ch).is_some())
            .fold(0u128, |bits, (k, _)| bits | 1 << k);
        threes(own | (leet & (own << 1) & (own >> 1)))
    } else {
        (three_before, three_after)
    };
    // The runs that start right after three letters (with leet digits between letters, for a
    // long run), then those of them followed by three more (most words with digits are numbers:
    // no run starts so).
    let starts = digits & !(digits << 1) & (wide_before << 1);
    let mut separators = 0;
    for start in ones(starts) {
        let end = start + (!(digits >> start)).trailing_zeros() as usize;
        let (before, after) = if end - start >= 2 { (wide_before, wide_after) } else { (three_before, three_after) };
        let before = start >= 1 && before >> (start - 1) & 1 == 1;
        if before && end < UNIT_BITS && after >> end & 1 == 1 {
            separators |= span(start..end);
        }
    }
    separators
}

/// What a cut piece of a word becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CutAs {
    /// An emoji (a flag).
    Emoji,
    /// Gap characters (leet symbols read as a separator).
    Gap,
    /// A word of its own (a number).
    Word,
}

/// Runs of two digits or more at a word's start before three letters, and at its end after
/// three (none read from a digit or a symbol): a number glued to a word (`slut69`, `69slut`,
/// `covid19`) is a word of its own, so the word's edge is where the letters end. So is a single
/// digit there that stands for no letter, beside three letters of any kind (`fuck2`, `6slut`,
/// `sh!t2`). A single digit that stands for one
/// reads as a letter (`5lut`, `wh0r3`: `read_edge_digits`), and at the end the letter before it
/// is marked so that a term may end there too (`fuck1`).
fn glued_numbers(word: &[Unit], bits: &WordBits) -> Vec<std::ops::Range<usize>> {
    let (digits, n) = (bits.digits, bits.len);
    // (A digit beside three letters: four units at least.)
    if digits == 0 || !(4..=UNIT_BITS).contains(&n) {
        return Vec::new();
    }
    let (lead, trail) = bits.edge_runs(digits);
    // Two digits or more beside three letters not read from symbols, or one digit that is no
    // leet letter beside three letters of any kind (`sh!t2`).
    let (plain_before, plain_after) = bits.three_letters();
    let (any_before, any_after) = threes(bits.letters);
    let number = |run: std::ops::Range<usize>, beside: usize, (plain, any): (u128, u128)| {
        let three = |mask: u128| mask >> beside & 1 == 1;
        match word.get(run) {
            Some([one]) => leet::digit(one.ch).is_none() && three(any),
            Some(units) => units.len() >= 2 && three(plain),
            None => false,
        }
    };
    let mut runs = Vec::new();
    if lead >= 1 && lead < n && number(0..lead, lead, (plain_after, any_after)) {
        runs.push(0..lead);
    }
    if trail >= 1 && trail < n && number(n - trail..n, n - trail - 1, (plain_before, any_before)) {
        runs.push(n - trail..n);
    }
    runs
}

/// A single digit at the edge of a word of three letters or more reads as a letter too (`5lut`,
/// `wh0r3`); a run of digits there is part of a code or a number (`covid19`), and stays digits.
/// In a word of one or two letters and three characters or more, runs of up to
/// [`MAX_SHORT_EDGE_DIGITS`] digits at its edges read as letters marked [`SHORT_EDGE`] (`5h17`,
/// `ki11`, `8uy`; and `5th`, `mp3`, `10am`, which the matcher accepts only where that mark says).
/// A word of two characters (`4k`, `b4`, `3d`) keeps its digits.
fn read_edge_digits(word: &mut [Unit], bits: &mut WordBits) {
    let digits = bits.digits;
    let letters = bits.letters.count_ones() as usize;
    let n = bits.len;
    if letters == 0 || digits == 0 || (letters < LEET_WORD_LETTERS && n < LEET_WORD_LETTERS) {
        return;
    }
    let (longest, short) = if letters < LEET_WORD_LETTERS { (MAX_SHORT_EDGE_DIGITS, SHORT_EDGE) } else { (1, 0) };
    // The word has a letter, so neither run is the whole word.
    let (lead, trail) = bits.edge_runs(digits);
    let first = (1..=longest).contains(&lead).then_some(0..lead);
    let last = (1..=longest).contains(&trail).then_some(n - trail..n);
    for range in first.into_iter().chain(last) {
        let leet = word[range.clone()].iter().all(|u| leet::digit(u.ch).is_some());
        if leet {
            for unit in &mut word[range.clone()] {
                if let Some(letter) = leet::digit(unit.ch) {
                    *unit = Unit { ch: letter, class: Class::Letter, short: short | symbol_mark(unit.ch), ..*unit };
                }
            }
        }
        // One digit after three letters (`fuck1`, `wh0r3`): the letter before it is marked, for a
        // term that ends there (`BEFORE_DIGIT`; past leet symbols before the digit, `fuck!1`).
        // After leet symbols, so is a digit that stands for no letter (`2`, `6`) and stays a
        // digit (`asshole|2`, `fuck!6`): the symbols are punctuation before a number.
        if short == 0 && range.end == n && range.start > 0 && (leet || word[range.start - 1].symbol != '\0') {
            if let Some(before) = before_glued_digit(word, range.start).and_then(|k| word.get_mut(k)) {
                before.before_digit = true;
            }
        }
        if leet {
            // One before three letters (`1fuck`): the letter after it, for a term that starts
            // there (`AFTER_DIGIT`).
            if short == 0 && range.start == 0 && range.end < n {
                if let Some(after) = word.get_mut(range.end) {
                    after.after_digit = true;
                }
            }
            bits.read_as_letters(range);
        }
    }
}

/// Leet symbols a letter and a digit glued to the word's end may stand between (`fuck!1`,
/// `fuck!!1`): the symbols are then read as letters of the word, or as punctuation before the
/// digit.
const MAX_SYMBOLS_BEFORE_DIGIT: usize = 2;

/// The unit a term may end with when a single digit, read as a letter, at `digit` ends the word:
/// the one before it, or the letter before up to [`MAX_SYMBOLS_BEFORE_DIGIT`] leet symbols there
/// when three letters not read from symbols lead up to it (`fuck!1`; not `sh!1`).
fn before_glued_digit(word: &[Unit], digit: usize) -> Option<usize> {
    let symbols = word.get(..digit)?.iter().rev().take_while(|u| u.symbol != '\0').count();
    if symbols == 0 {
        return digit.checked_sub(1);
    }
    let k = digit.checked_sub(symbols + 1).filter(|_| symbols <= MAX_SYMBOLS_BEFORE_DIGIT)?;
    let own = word.get(..=k)?.iter().filter(|u| u.class == Class::Letter && u.symbol == '\0').count();
    (own >= LEET_WORD_LETTERS).then_some(k)
}

/// Digits between two letters of a word read as letters when each of them stands for one
/// (`r3d`, `sh1t`, `b00bs`, `f00t`, `l394l`). Codes written the same way (`k8s`, `l10n`) are read
/// the same way in terms and in text, so a term with digits still matches itself; in a word of two
/// letters they are marked [`SHORT_LEET`] or [`SHORT_DIGIT`], so they do not match every one-word
/// term spelled as their reading (`lion`, `wec`).
fn read_leet_digits(word: &mut [Unit], bits: &mut WordBits) {
    let digits = bits.digits;
    if digits == 0 {
        return;
    }
    // Runs of digits are maximal: reading one as letters changes none of the letters beside another.
    let letters = bits.letters;
    let short_word = (letters.count_ones() as usize) < LEET_WORD_LETTERS;
    for run in runs(digits) {
        let (i, j) = (run.start, run.end);
        let between = i > 0 && j < bits.len && letters >> (i - 1) & 1 == 1 && letters >> j & 1 == 1;
        if between && word[i..j].iter().all(|u| leet::digit(u.ch).is_some()) {
            read_digit_run(word, i..j, short_word);
            bits.read_as_letters(run);
        }
    }
}

/// Reads the digits `run` (between two letters, each standing for one) as their letters, marked
/// as `read_leet_digits` says in a word of fewer than [`LEET_WORD_LETTERS`] letters.
fn read_digit_run(word: &mut [Unit], run: std::ops::Range<usize>, short_word: bool) {
    let (i, j) = (run.start, run.end);
    // In a short word, a number of two digits or more from `1` or `8` (`l10n`, `i18n`, `a11y`,
    // `x86s`: a numeronym counts the letters it leaves out, ten to nineteen as a rule) is a
    // numeronym as often as leet; digits from `0`, `3`, `4`, `5`, `7` or `9` (`p00f`, `b33f`,
    // `y40i`) are leet.
    // An `8` alone (`l8r`, `k8s`: "ate" as often as `b`) is a code as often as leet too.
    // One other digit alone (`s3x`, `w3c`) is marked: leet for an ordinary word or an
    // initialism, a code for anything else (the matcher decides, see SHORT_DIGIT).
    // A digit alone that stands for the letter beside it is one of a doubled letter written in
    // leet (`b8w`, `a5s`, `t0o`): codes do not double a letter that way.
    let (Some(first), Some(before), Some(after)) =
        (word.get(i), i.checked_sub(1).and_then(|b| word.get(b)), word.get(j))
    else {
        return;
    };
    let first = first.ch;
    let doubles = j - i == 1 && leet::digit(first).is_some_and(|l| l == before.ch || l == after.ch);
    let short = match (short_word, j - i > 1) {
        (false, _) => 0,
        (true, true) if matches!(first, '1' | '8') => SHORT_LEET,
        (true, true) => 0,
        (true, false) if doubles => 0,
        (true, false) if first == '8' => SHORT_LEET,
        (true, false) => SHORT_DIGIT,
    };
    for unit in word.get_mut(run).unwrap_or_default() {
        if let Some(letter) = leet::digit(unit.ch) {
            *unit = Unit { ch: letter, class: Class::Letter, short: short | symbol_mark(unit.ch), ..*unit };
        }
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

/// The symbols of `text` written out, for tests and for showing an operator what the matcher
/// reads: word runs as their letters (repeated), `|` between words, `^` for a break, ideo letters
/// as themselves, emoji in `{}`.
pub fn render(text: &str) -> String {
    let mut out = String::new();
    for symbol in Normalizer::new(text) {
        match symbol.kind {
            SymbolKind::Word => {
                if symbol.edge & START != 0 && !out.is_empty() && !out.ends_with('^') {
                    out.push('|');
                }
                for _ in 0..symbol.count.min(8) {
                    out.push(symbol.ch);
                }
            }
            SymbolKind::Ideo => {
                for _ in 0..symbol.count.min(8) {
                    out.push(symbol.ch);
                }
            }
            SymbolKind::Emoji => {
                out.push('{');
                out.push(symbol.ch);
                out.push('}');
            }
            SymbolKind::Break => out.push('^'),
        }
    }
    out
}

#[cfg(test)]
mod tests {

    /// The word-stage rules as they were written before they worked on bits, one unit at a time:
    /// the references the bit versions are checked against.
    mod per_unit {
        use super::super::*;
        pub(super) fn flags_per_unit(word: &[Unit]) -> Vec<std::ops::Range<usize>> {
            let plain = |u: Option<&Unit>| u.is_none_or(|u| u.end - u.start == 1);
            let mut out = Vec::new();
            let mut i = 0;
            while i < word.len() {
                if !word[i].regional {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < word.len() && word[i].regional {
                    i += 1;
                }
                let before = start.checked_sub(1).and_then(|b| word.get(b));
                if i - start == 2 && plain(before) && plain(word.get(i)) {
                    out.push(start..i);
                }
            }
            out
        }

        pub(super) fn symbol_separators_per_unit(word: &[Unit], at_edges: bool) -> Vec<std::ops::Range<usize>> {
            let mut out = Vec::new();
            if !word.iter().any(|u| u.symbol != '\0') {
                return out;
            }
            let is_letter = |u: &Unit| u.symbol == '\0' && u.class == Class::Letter;
            let mut i = 0;
            while i < word.len() {
                if word[i].symbol == '\0' {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < word.len() && word[i].symbol != '\0' {
                    i += 1;
                }
                let before = word[..start].iter().rev().take_while(|u| is_letter(u)).count();
                let after = word[i..].iter().take_while(|u| is_letter(u)).count();
                let (first, last) = (start == 0 && at_edges, i == word.len() && at_edges);
                if (before >= 3 && (after >= 3 || last)) || (first && after >= 3) {
                    out.push(start..i);
                }
            }
            out
        }

        pub(super) fn read_edge_digits_per_unit(word: &mut [Unit]) {
            let letters = word.iter().filter(|u| u.class == Class::Letter).count();
            let n = word.len();
            let short_word = letters < LEET_WORD_LETTERS;
            if letters == 0 || (short_word && n < 3) || word.iter().all(|u| u.class != Class::Digit) {
                return;
            }
            let (longest, short) = if short_word { (MAX_SHORT_EDGE_DIGITS, SHORT_EDGE) } else { (1, 0) };
            let lead = word.iter().take_while(|u| u.class == Class::Digit).count();
            let trail = word.iter().rev().take_while(|u| u.class == Class::Digit).count();
            let first = (lead >= 1 && lead <= longest).then_some(0..lead);
            let last = (trail >= 1 && trail <= longest).then_some(n - trail..n);
            for range in first.into_iter().chain(last) {
                let leet = word[range.clone()].iter().all(|u| leet::digit(u.ch).is_some());
                if leet {
                    for unit in &mut word[range.clone()] {
                        if let Some(letter) = leet::digit(unit.ch) {
                            let short = short | super::symbol_mark(unit.ch);
                            *unit = Unit { ch: letter, class: Class::Letter, short, ..*unit };
                        }
                    }
                }
                // The letter before a leet digit, or before leet symbols and a digit of no letter,
                // past up to two leet symbols after three letters of its own.
                if !short_word && range.end == n && range.start > 0 && (leet || word[range.start - 1].symbol != '\0') {
                    let mut k = range.start - 1;
                    let mut symbols = 0;
                    while word[k].symbol != '\0' && k > 0 {
                        k -= 1;
                        symbols += 1;
                    }
                    let own = word[..=k].iter().filter(|u| u.class == Class::Letter && u.symbol == '\0').count();
                    if symbols == 0 || (symbols <= 2 && word[k].symbol == '\0' && own >= LEET_WORD_LETTERS) {
                        word[k].before_digit = true;
                    }
                }
                if leet && !short_word && range.start == 0 && range.end < n {
                    word[range.end].after_digit = true;
                }
            }
        }

        pub(super) fn read_leet_digits_per_unit(word: &mut [Unit]) {
            if !word.iter().any(|u| u.class == Class::Digit) {
                return;
            }
            let short_word = word.iter().filter(|u| u.class == Class::Letter).count() < LEET_WORD_LETTERS;
            let mut i = 0;
            while i < word.len() {
                if word[i].class != Class::Digit {
                    i += 1;
                    continue;
                }
                let mut j = i;
                while j < word.len() && word[j].class == Class::Digit {
                    j += 1;
                }
                let between =
                    i > 0 && j < word.len() && word[i - 1].class == Class::Letter && word[j].class == Class::Letter;
                if between && word[i..j].iter().all(|u| leet::digit(u.ch).is_some()) {
                    read_digit_run(word, i..j, short_word);
                }
                i = j;
            }
        }
    }

    #[test]
    fn the_word_rules_on_bits_agree_with_the_rules_per_unit() {
        use super::{flags, read_edge_digits, read_leet_digits, symbol_separators, Class, Unit, WordBits};
        // Units of every kind the rules tell apart: letters (plain, or wider than one byte), leet
        // and other digits, symbols read as letters, regional indicators.
        let kind = |k: usize, at: u32| {
            let plain = Unit {
                ch: 'a',
                class: Class::Letter,
                start: at,
                end: at + 1,
                symbol: '\0',
                upper: false,
                regional: false,
                keycap: false,
                short: 0,
                before_digit: false,
                after_digit: false,
            };
            match k {
                0 => plain,
                1 => Unit { ch: '3', class: Class::Digit, ..plain },
                2 => Unit { ch: '2', class: Class::Digit, ..plain },
                3 => Unit { symbol: '@', ..plain },
                4 => Unit { ch: '\u{1F1FA}', regional: true, end: at + 4, ..plain },
                5 => Unit { ch: 'é', end: at + 2, ..plain },
                6 => Unit { ch: '1', class: Class::Digit, ..plain },
                _ => Unit { ch: 'i', symbol: '!', ..plain },
            }
        };
        let check = |word: Vec<Unit>| {
            // As `pass_word` calls them: the digit rules first, then the others on their result.
            let mut read = word.clone();
            let mut bits = WordBits::of(&read);
            read_leet_digits(&mut read, &mut bits);
            let mut reference = word.clone();
            per_unit::read_leet_digits_per_unit(&mut reference);
            assert_eq!(read, reference, "{word:?}");
            assert_eq!(bits, WordBits::of(&read), "{word:?}");
            read_edge_digits(&mut read, &mut bits);
            per_unit::read_edge_digits_per_unit(&mut reference);
            assert_eq!(read, reference, "{word:?}");
            assert_eq!(bits, WordBits::of(&read), "{word:?}");
            assert_eq!(flags(&read, &bits), per_unit::flags_per_unit(&read), "{word:?}");
            for at_edges in [false, true] {
                let per_unit = per_unit::symbol_separators_per_unit(&read, at_edges);
                assert_eq!(symbol_separators(&bits, at_edges, 0), per_unit, "{word:?}");
            }
        };
        // Every word of up to six units of the eight kinds.
        for len in 0..=6u32 {
            for n in 0..8usize.pow(len) {
                check((0..len).map(|i| kind(n / 8usize.pow(i) % 8, i)).collect());
            }
        }
        // Longer words, up to the most units a word holds, with kinds drawn at random.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 129) as u32;
            let mut draws = state;
            check(
                (0..len)
                    .map(|i| {
                        draws = draws.rotate_left(3) ^ u64::from(i).wrapping_mul(0x2545_F491_4F6C_DD1D);
                        // Letters half the time, so that runs of three letters come up.
                        let k = if draws % 2 == 0 { 0 } else { (draws >> 8) as usize % 8 };
                        kind(k, i)
                    })
                    .collect(),
            );
        }
    }
    #[test]
    fn ascii_letters_counts_the_leading_letters_of_every_byte_string() {
        // Every byte value at every offset of runs of letters 0–20 long, against the plain count.
        let plain = |b: &[u8]| b.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        for len in 0..20 {
            for other in 0..=255u8 {
                for at in 0..=len {
                    let mut bytes: Vec<u8> = (0..len).map(|k| b"aZqM"[k % 4]).collect();
                    bytes.insert(at, other);
                    assert_eq!(super::ascii_letters(&bytes), plain(&bytes), "{bytes:?}");
                    assert_eq!(super::ascii_letters(&bytes[..at]), at);
                }
            }
        }
    }

    #[test]
    fn bidi_controls_are_found_at_every_offset_and_nothing_else_is() {
        // Every character whose UTF-8 starts with E2 next to the controls (U+2000–U+2FFF's
        // neighbours of them), and others, at every offset of texts of 0–24 other characters.
        let controls: Vec<char> = ('\u{202A}'..='\u{202E}').chain('\u{2066}'..='\u{2069}').collect();
        let others = ['\u{2029}', '\u{202F}', '\u{2065}', '\u{206A}', '—', '…', '€', '\u{2E80}', 'a', 'é', '傻', '🍆'];
        let fillers = ["a", "é", "—", "傻", "\u{E2}"];
        for filler in fillers {
            for len in 0..24 {
                for at in 0..=len {
                    for &c in controls.iter().chain(&others) {
                        let text = format!("{}{c}{}", filler.repeat(at), filler.repeat(len - at));
                        assert_eq!(super::has_bidi_controls(&text), controls.contains(&c), "{text:?}");
                    }
                }
            }
        }
    }

    use super::*;

    #[test]
    fn steps() {
        let cases = [
            ("BAD Word", "bad|word"),
            ("ｂａｄ", "bad"),
            ("b\u{200B}a\u{200D}d", "bad"),
            ("bäd ba\u{0308}d", "bad|bad"),
            ("ﬁne", "fine"),
            ("b a d", "bad"),
            ("b.a.d!", "bad"),
            ("b★a★d", "bad"),
            ("b|a|d", "bad"),
            ("sh!t", "shit"),
            ("b!!a!!d", "bad"),
            ("buy!followers a$$hole squir+ing", "buyifollowers|asshole|squirting"),
            ("5lut wh0r3 8uy 1st mp3 4k covid19", "slut|whore|buy|ist|mpe|4k|covid|19"),
            ("5h17 ki11 100mg 10am b4 1337", "shit|kiii|100mg|ioam|b4|1337"),
            ("red. packet red. Packet red... packet red… Packet", "red|packet|red^packet|red|packet|red^packet"),
            ("buy\r\nfollowers", "buy|followers"),
            ("red 🇺🇸 packet 🇫🇺🇨🇰 red🇺🇸packet", "red{u}{s}|packet|fuck|red{u}{s}|packet"),
            ("red 1\u{FE0F}\u{20E3} packet 8\u{FE0F}\u{20E3}9\u{FE0F}\u{20E3}", "red{1}|packet|89"),
            ("d. a - m _ n", "damn"),
            ("a b", "a|b"),
            ("sh1t b00bs b4d r3d f00t l394l mp3 1st 1000", "shit|boobs|bad|red|foot|legal|mpe|ist|1000"),
            ("@ss a$$ sh!t damn!", "ass|ass|shit|damn"),
            ("fu\u{0441}k \u{0441}\u{043E}\u{0440}", "fuck|cop"),
            ("я \u{0441}\u{043E}\u{0440}", "я|сор"),
            ("這個傻逼", "这个傻逼"),
            ("傻 逼", "傻逼"),
            ("ガス", "がす"),
            ("カス", "かす"),
            ("ﾊﾞｶ", "ばか"),
            ("か\u{3099}", "が"),
            ("\u{1D41B}\u{1D41A}\u{1D41D}", "bad"),
            ("ꜱᴛᴜᴘɪᴅ", "stupid"),
            ("🅱🅰🅳", "bad"),
            ("red. Packet", "red^packet"),
            ("red.packet", "red|packet"),
            ("e.g. red", "e|g|red"),
            ("b🙂a🙂d", "{🙂}{🙂}|bad"),
            ("red 🧧 packet", "red{🧧}|packet"),
            ("baaad", "baaad"),
        ];
        for (input, expected) in cases {
            assert_eq!(render(input), expected, "{input}");
        }
    }

    #[test]
    fn a_one_or_a_pipe_read_as_i_is_marked() {
        let marked = |text: &str| -> Vec<(char, bool)> {
            Normalizer::new(text).map(|s| (s.ch, s.edge & FROM_ONE != 0)).collect()
        };
        let i = |from_one| ('i', from_one);
        assert_eq!(marked("s1ut"), [('s', false), i(true), ('u', false), ('t', false)]);
        assert_eq!(marked("s|ut"), [('s', false), i(true), ('u', false), ('t', false)]);
        assert_eq!(marked("siut"), [('s', false), i(false), ('u', false), ('t', false)]);
        assert_eq!(marked("1ess"), [i(true), ('e', false), ('s', false)], "at a word's edge");
        assert_eq!(marked("sh!t"), [('s', false), ('h', false), i(false), ('t', false)], "`!` is an i only");
        assert!(marked("k8s 1000 mp3").iter().all(|&(_, m)| !m), "numbers and codes stay digits");
        assert_eq!(marked("1st"), [i(true), ('s', false), ('t', false)], "read at the edge of a short word");
    }

    #[test]
    fn edge_digits_of_a_short_word_are_marked() {
        let marks = |text: &str| -> Vec<(char, bool)> {
            Normalizer::new(text).map(|s| (s.ch, s.edge & SHORT_EDGE != 0)).collect()
        };
        assert_eq!(marks("5h17"), [('s', true), ('h', false), ('i', true), ('t', true)]);
        assert_eq!(marks("8uy"), [('b', true), ('u', false), ('y', false)]);
        assert_eq!(
            marks("5lut"),
            [('s', false), ('l', false), ('u', false), ('t', false)],
            "three letters: plain leet"
        );
        for code in ["4k", "b4", "100mg", "2024", "a1234"] {
            assert_eq!(render(code), code, "two characters, or a longer run of digits, stays as written");
        }
        // A number glued to three letters or more is a word of its own (since 2026-12-03).
        assert_eq!(render("covid19"), "covid|19");
    }

    #[test]
    fn symbols_cover_original_bytes() {
        let s = "ｂa\u{0308}\u{200B}d";
        let symbols: Vec<Symbol> = Normalizer::new(s).collect();
        assert_eq!(symbols.len(), 3);
        assert_eq!((symbols[0].start, symbols[0].end), (0, 3));
        assert_eq!((symbols[1].start, symbols[1].end), (3, 6), "the accent widens the letter");
        assert_eq!(&s[symbols[2].start as usize..symbols[2].end as usize], "d");
        assert_eq!((symbols[0].edge, symbols[1].edge, symbols[2].edge), (START, 0, END));
    }

    #[test]
    fn a_space_added_to_a_gap_is_what_adding_its_unit_gives() {
        // Every gap a few characters may leave before a space or tab: each flag set or not.
        for before in ["", "a", ".", "!", "\r", "\n", "\r\n", ". ", "\n\n", "\"", "--", "…"] {
            for c in [' ', '\t'] {
                let mut gap = GapInfo::default();
                for (k, ch) in before.char_indices() {
                    let b = u8::try_from(u32::from(ch)).unwrap_or(b'a');
                    let class = if ch == '…' { Class::Terminal } else { ASCII_CLASSES[usize::from(b & 0x7F)] };
                    gap.add(&byte_unit(ch, k, class));
                }
                let (mut fast, mut general) = (gap, gap);
                fast.add_space();
                general.add(&byte_unit(c, 9, ASCII_CLASSES[c as usize]));
                assert_eq!(format!("{fast:?}"), format!("{general:?}"), "{before:?} then {c:?}");
            }
        }
        assert_eq!(ASCII_KINDS[usize::from(b' ')], AsciiKind::Space);
        assert_eq!(ASCII_KINDS[usize::from(b'\t')], AsciiKind::Space);
    }

    #[test]
    fn the_fast_paths_ascii_table_agrees_with_the_unicode_tables_and_leet() {
        for b in 0u8..128 {
            let c = char::from(b);
            let class = Info::of(c).class();
            let expected = if leet::symbol(c).is_some() || c.is_ascii_digit() {
                AsciiKind::Other
            } else {
                match class {
                    Class::Letter => AsciiKind::Letter,
                    Class::Terminal => AsciiKind::Terminal,
                    Class::Newline => AsciiKind::Newline,
                    Class::Ignorable => AsciiKind::Ignorable,
                    Class::Gap if c == ' ' || c == '\t' => AsciiKind::Space,
                    Class::Gap if leet::begins_sequence(b) => AsciiKind::Drawn,
                    Class::Gap => AsciiKind::Gap,
                    other => panic!("{c:?} is {other:?}"),
                }
            };
            assert_eq!(ASCII_KINDS[usize::from(b)], expected, "{c:?}");
            assert_eq!(ASCII_CLASSES[usize::from(b)], class, "{c:?}");
        }
    }

    /// The symbols and ambiguous ranges of `text` read as usual (fast path where it applies)
    /// and with the fast path off; in the first reading, or the second (`split`).
    fn fast_and_general(text: &str, split: bool) {
        let start = |text| if split { Normalizer::splitting_symbols(text) } else { Normalizer::new(text) };
        let mut fast = start(text);
        let fast_symbols: Vec<Symbol> = fast.by_ref().collect();
        let mut slow = start(text);
        slow.fast_path = false;
        let slow_symbols: Vec<Symbol> = slow.by_ref().collect();
        let first_difference = fast_symbols.iter().zip(&slow_symbols).position(|(a, b)| a != b);
        assert!(
            fast_symbols.len() == slow_symbols.len() && first_difference.is_none(),
            "{text:?} (split: {split}): {} and {} symbols; first difference at {first_difference:?}: {:?} / {:?}",
            fast_symbols.len(),
            slow_symbols.len(),
            first_difference.and_then(|i| fast_symbols.get(i)),
            first_difference.and_then(|i| slow_symbols.get(i)),
        );
        assert_eq!(fast.ambiguous(), slow.ambiguous(), "{text:?} (split: {split})");
        assert_eq!(fast.ambiguous_word_end(), slow.ambiguous_word_end(), "{text:?} (split: {split})");
    }

    #[test]
    fn the_fast_path_gives_the_general_paths_symbols() {
        for text in [
            "Hello, world. Red packet!",
            "a b c dd",
            "the  quick\tbrown\nfox?",
            "x",
            "aaa bbb. C",
            "s\u{7}p\u{1b}am x",
            "buy!followers now",
            "Free@Money+now. x",
            "abc$$$def ab+cde abc+de abc+def$ abc++++def",
            "data@alpha ali|iii+tot Ass$sss(cco",
            // One run put in among two letters or more on each side (`symbol_joins`).
            "zu!cx fu$ck ki!ik ab+cd, ab!cd. ab@@cd ab(cd Ab|Id fu!ckk abc!de ab!cde x:ab!cd ab!!!!cd",
            "ab|<cd ab()cd ab!cd1 ab!cd\u{301} ab!c ab!cd!ef a b!cd",
            // Notes of leet symbols alone around spelled-out letters, and plain words after them.
            "paid $ for e x",
            "$ is cheap. h i t",
            "$ h i t $ h then",
            "b ! 7 c h b 1 + c h b ! 7 then",
            // Read in display order (the fast path reads the characters in that order).
            "\u{202E}kcuf uoy\u{202C} ok",
            "\u{202E}dda \u{202D}baaad\u{202C} x\u{202C}",
            "\u{2067}olleh\u{2069} \u{202B}abc שלום def\u{202C}",
            "\u{202E}a\u{202D}b\u{202E}c\u{202D}d ee\u{301}f",
        ] {
            fast_and_general(text, false);
            fast_and_general(text, true);
        }
        // Generated: words longer than WORD_CAP, non-ASCII characters and marks between ASCII
        // words (where the fast path takes over again), digits and leet symbols, pieces of
        // letters joined by them, bidi controls and right-to-left letters.
        let pieces = [
            "a", "b", "ab", "abc", "Qrst", "data", "ali", " ", ". ", "1", "!", "@", "+", "$$", "*", "(", "é", "傻",
            "\u{301}", "\u{200B}", "\u{7}", "Q", "\n\n", "\u{202E}", "\u{202D}", "\u{202C}", "\u{2067}", "\u{2069}",
            "ש", "0", "3", "|", "\\/", "I", "£", "55", "$", " h ", " e x",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..6000 {
            let mut text = String::new();
            for _ in 0..next(12) {
                let piece = pieces[next(pieces.len())];
                let most = if next(2) == 0 { 4 } else { 150 };
                let times = if next(4) == 0 { 1 + next(most) } else { 1 };
                text.push_str(&piece.repeat(times));
            }
            fast_and_general(&text, false);
            fast_and_general(&text, true);
        }
    }

    /// The ambiguous ranges of `text` after the first reading.
    fn ambiguous_of(text: &str) -> Vec<std::ops::Range<u32>> {
        let mut n = Normalizer::new(text);
        for _ in n.by_ref() {}
        n.ambiguous().to_vec()
    }

    #[test]
    fn symbols_between_single_letters_are_ambiguous_only_beside_a_letter_spelled_out() {
        // Beside a held letter, or before a lone one: the runs are ambiguous (read twice).
        assert_eq!(ambiguous_of("f.u*c.k"), vec![3u32..4]);
        assert_eq!(ambiguous_of("f*u.c.k"), vec![1u32..2]);
        assert_eq!(ambiguous_of("f*u*c k"), vec![1u32..2, 3..4]);
        // Within three gap characters of the letter after, not four.
        assert_eq!(ambiguous_of("f*u   c k"), vec![1u32..2]);
        assert_eq!(ambiguous_of("f*u    c k"), vec![]);
        // Between ordinary words, or before a word of two letters or more: read once.
        assert_eq!(ambiguous_of("mail a@b now"), vec![]);
        assert_eq!(ambiguous_of("vx:a@b at 12345"), vec![]);
        assert_eq!(ambiguous_of("x+y is z2"), vec![]);
        // The second reading reads the letters apart, each a word of its own.
        let second: String = Normalizer::splitting_symbols("f.u*c.k").map(|s| s.ch).collect();
        let first: String = Normalizer::new("f.u*c.k").map(|s| s.ch).collect();
        assert_ne!(first, second, "the second reading must read the symbol as a gap");
    }

    #[test]
    fn the_second_reading_splits_words_at_symbols() {
        let split: Vec<String> = Normalizer::splitting_symbols("buy!followers sh!t")
            .filter(|s| s.kind == SymbolKind::Word)
            .map(|s| s.ch.to_string())
            .collect();
        // `!` between two long pieces separates two words; beside a piece of one letter it is
        // the letter it stands for in both readings (`sh!t`; `fu!ck`: the next test).
        assert_eq!(split.concat(), "buyfolowersshit");
        let n = Normalizer::new("buy!followers sh!t");
        let mut n = n;
        for _ in n.by_ref() {}
        assert_eq!(n.ambiguous().to_vec(), vec![3u32..4]);
    }

    #[test]
    fn the_second_reading_drops_a_symbol_put_in_among_letters() {
        let second = |text: &str| -> String {
            Normalizer::splitting_symbols(text).filter(|s| s.kind == SymbolKind::Word).map(|s| s.ch).collect()
        };
        let first = |text: &str| -> String {
            Normalizer::new(text).filter(|s| s.kind == SymbolKind::Word).map(|s| s.ch).collect()
        };
        assert_eq!(second("fu!ck"), "fuck");
        assert_eq!(second("FU$CK"), "fuck");
        assert_eq!(second("wh€ore"), "whore");
        assert_eq!(second("bit||ch"), "bitch");
        assert_eq!(second("bi!tc@hes"), "bitches");
        assert_eq!(first("fu!ck"), "fuick", "the first reading reads it as its letter");
        // Not beside a piece of one letter (`sh!t` is `shit`; an address's `today@g`), not at a
        // word's edge (a mention, a tag: `symbol_separators`), not in a word with a digit.
        assert_eq!(second("sh!t"), "shit");
        assert_eq!(second("f!uck"), first("f!uck"));
        assert_eq!(second("$hit"), "hit");
        assert_eq!(second("fu!ck1"), first("fu!ck1"));
        // Each dropped run is ambiguous, so the matcher reads the word again around it.
        let mut n = Normalizer::new("ab fu!ck sh$$t wh€€ore");
        for _ in n.by_ref() {}
        assert_eq!(n.ambiguous().to_vec(), vec![5u32..6, 17..23]);
    }

    #[test]
    fn a_number_glued_to_a_word_is_a_word_of_its_own() {
        let words = |text: &str| render(text);
        assert_eq!(words("slut69"), "slut|69");
        assert_eq!(words("69slut"), "69|slut");
        assert_eq!(words("12abc345"), "12|abc|345");
        assert_eq!(words("covid19 x"), "covid|19|x");
        // Not one digit (a letter: `5lut`), nor by fewer than three letters, nor by digits read as
        // letters, nor inside a word; and nothing is read twice for it.
        for (text, read) in [
            ("fuck1", "fucki"),
            ("5lut", "slut"),
            ("ab12", "ab12"),
            ("a1b22c3", "aib22ce"),
            ("100mg", "100mg"),
            ("x86s", "x86s"),
        ] {
            assert_eq!(words(text), read, "{text}");
            let mut n = Normalizer::new(text);
            for _ in n.by_ref() {}
            assert_eq!(n.ambiguous(), [], "{text}");
        }
    }

    #[test]
    fn runs_group_letters_not_digits() {
        let symbols: Vec<(char, u32)> = Normalizer::new("baaad 1000").map(|s| (s.ch, s.count)).collect();
        assert_eq!(symbols, [('b', 1), ('a', 3), ('d', 1), ('1', 1), ('0', 1), ('0', 1), ('0', 1)]);
    }

    #[test]
    fn a_long_run_is_long_run_units_covering_all_its_bytes() {
        for times in [LONG_RUN, LONG_RUN + 1, WORD_CAP, 1000] {
            // Through the general path (an accent before the run) and the ASCII one.
            for lead in ["f", "é"] {
                let text = format!("{lead}{}ck", "u".repeat(times));
                let symbols: Vec<Symbol> = Normalizer::new(&text).collect();
                let got: Vec<(char, u32, u32, u32, u8)> =
                    // The ASCII path counts a short word's run whole; past LONG_RUN it reads alike.
                    symbols.iter().map(|s| (s.ch, s.count.min(LONG_RUN as u32), s.start, s.end, s.edge & (START | END))).collect();
                let u_end = (lead.len() + times) as u32;
                let first = if lead == "f" { 'f' } else { 'e' };
                assert_eq!(
                    got,
                    [
                        (first, 1, 0, lead.len() as u32, START),
                        ('u', times.min(LONG_RUN) as u32, lead.len() as u32, u_end, 0),
                        ('c', 1, u_end, u_end + 1, 0),
                        ('k', 1, u_end + 1, u_end + 2, END),
                    ],
                    "{times} after {lead}"
                );
            }
        }
    }
}
