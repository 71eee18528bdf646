//! A term as the automaton looks for it: the term is read by the same normaliser as the text,
//! and written as one or more patterns (encoded symbols with the run count each must have).
//!
//! - **Phrases.** A term of several words matches whatever stands between them (the normaliser
//!   leaves gaps out), and also the words written as one (`red packet` in `redpacket`): each
//!   junction between two words is looked for both with its word edges and without them.
//! - **Prefix terms** (`fuck*`) are looked for with and without an edge after their last letter.
//! - **Look-alikes.** A term with letters that have Latin look-alikes (`хуй`) is also looked for as
//!   the normaliser reads it in a Latin context (`xyй`).
//! - **Emoji terms** (only emoji) are looked for among the text's emoji.

use crate::encoding::encode;
use std::cell::Cell;

use crate::leet;
use crate::normalize::{
    Buffers, Gap, Normalizer, Symbol, SymbolKind, AFTER_STARS, END, FROM_AT, FROM_KATAKANA, FROM_ONE, MAX_LEET_SYMBOLS,
    SHORT_DIGIT, SHORT_EDGE, SHORT_LEET, START,
};
use crate::unicode_data;

/// Set on a count when the run may have one repeat more than the term's (one such repeat a text
/// word), in a word of [`LENIENT_WORD_LETTERS`] letters or more. Without a word list: a doubled
/// final letter (`fuckk`, `shitt`, `bitchh`), but not the final letters English doubles itself
/// ([`ENGLISH_FINAL_DOUBLES`]: `small`, `class`, `three`, `staff`, `buzz`, `too`); elsewhere a
/// doubled letter matches only a doubled letter, or a run of three or more, because ordinary words
/// double their letters (`rapping` is not `raping`). With one ([`patterns_with`]), any letter of a
/// word the list knows, unless the word so doubled is an ordinary word.
pub const LENIENT: u32 = 1 << 31;

/// Set on a count when the text's run must have been read from a `1` or a `|`
/// ([`FROM_ONE`]): the run of `i` that stands for a term's `l` (`s1ut`, `ki11`).
pub const NEEDS_ONE: u32 = 1 << 30;

/// Set on a count when the gap before the text's run must be one symbol ([`crate::normalize::Gap::Symbol`]): the
/// run after a letter hidden behind a symbol (`f#ck`, `f.ck`).
pub const NEEDS_SYMBOL_GAP: u32 = 1 << 29;

/// Set on a count when the text's run must have been read from an `@` ([`FROM_AT`]): the run of
/// `a` that stands for a term's `o` (`p@rn`, `wh@re`).
pub const NEEDS_AT: u32 = 1 << 28;

/// Set on a count when the gap before the text's run must hold punctuation, a symbol or an
/// emoji, not whitespace alone nor nothing ([`crate::normalize::Gap::Symbol`],
/// [`crate::normalize::Gap::Symbols`] or [`crate::normalize::Gap::Other`]): the piece after a
/// known word's first letter split off where that letter is English's own one-letter word
/// (`a.nal`, `a%%nal`; not `a nal`).
pub const NEEDS_PUNCTUATION_GAP: u32 = 1 << 26;

/// Set on a count when the gap before the text's run must be one, two or three symbols and
/// nothing else ([`crate::normalize::Gap::Symbol`] or [`crate::normalize::Gap::Symbols`]): the
/// second piece of a known word split into two words (`ass-hole`, `ass--hole`; not `ass hole`).
pub const NEEDS_SYMBOLS_GAP: u32 = 1 << 27;

/// The flags a count may carry; the rest is the run length.
pub const COUNT_FLAGS: u32 =
    LENIENT | NEEDS_ONE | NEEDS_SYMBOL_GAP | NEEDS_AT | NEEDS_PUNCTUATION_GAP | NEEDS_SYMBOLS_GAP;

/// On a pattern's symbol only (the normaliser never sets it): [`NEEDS_SYMBOL_GAP`] on its count.
const AFTER_ONE_SYMBOL: u8 = 64;
const _: () =
    assert!(AFTER_ONE_SYMBOL & (START | END | SHORT_LEET | SHORT_DIGIT | FROM_ONE | SHORT_EDGE | FROM_AT) == 0);

/// Final letters English words double (`-ll`, `-ss`, `-ff`, `-zz`, `-ee`, `-oo`): without a word
/// list, a term ending in one does not match a word ending in two (with one, a word the list knows
/// does, when the doubled word is not one: `followerss`). Measured on the bench corpus's clean messages, where
/// `smal`, `clas`, `thre` otherwise matched `small`, `class`, `three` in 1308 of 2000 messages.
pub const ENGLISH_FINAL_DOUBLES: [char; 6] = ['l', 's', 'f', 'z', 'e', 'o'];
/// Letters a term's word needs before one extra repeat of a letter still matches it.
pub const LENIENT_WORD_LETTERS: u8 = 4;

/// Runs of `l` in a term's known words each looked for alone as a `1` or `|`; beyond this, only
/// all of them at once (the same for a letter for a letter and for kana: [`each_and_all`]).
const MAX_ONE_FOR_L_RUNS: usize = 3;

/// Which of `runs` a respelling changes: each alone while there are at most
/// [`MAX_ONE_FOR_L_RUNS`], then all of them at once when there are two or more.
fn each_and_all<T>(runs: &[T]) -> impl Iterator<Item = &[T]> {
    let alone = runs.iter().filter(|_| runs.len() <= MAX_ONE_FOR_L_RUNS).map(std::slice::from_ref);
    alone.chain((runs.len() > 1).then_some(runs))
}

/// Letters written as another letter of a like shape, in a known word: `v` for `u` (`fvck`,
/// `cvnt`: the Latin inscriptions' letter, a disguise as old as leet), `q` for `g` (`niqqer`,
/// `faqqot`: the slurs' usual disguise, a `g` whose tail is straightened) and `l` for `i`
/// (`shlt`, `bltch`, `nlgger`: a capital `I` and a small `l` are one stroke in most fonts).
const LETTER_FOR_LETTER: &[(char, char)] = &[('u', 'v'), ('g', 'q'), ('i', 'l')];
/// Letters written as two letters that draw them together, in a known word: `vv` for `w`
/// (`vvhore`, `follovvers`). (`rn` for `m` is not read: `homo` so written is Spanish `horno`.)
const LETTERS_FOR_LETTER: &[(char, [char; 2])] = &[('w', ['v', 'v'])];
/// The most inner characters of a CJK term left out behind one run of asterisks: one (`操*妈`
/// for `操你妈`) or two in a row (`操*逼`, `操**逼` for `操你妈逼`).
const MAX_HIDDEN_IDEO_CHARS: usize = 2;

/// Vowels a censor hides behind a mask, in a known word.
const MASKED_VOWELS: [char; 5] = ['a', 'e', 'i', 'o', 'u'];
/// What hides an inner vowel of a known word (`fxck`, `bxtch`; `f@ck`, `c@nt`), as the normaliser
/// reads it, with the mark the run must carry: an `x`, and an `@`, read as an `a` marked
/// [`FROM_AT`] (a letter `a` does not hide a vowel: `fack` is not `fuck`).
const VOWEL_MASKS: [(char, u8); 2] = [('x', 0), ('a', FROM_AT)];
/// A letter of a known word, what the normaliser reads the symbol written for it as, and the
/// mark that run carries: `1` and `|` are read as `i` but stand for `l` too (`s1ut`, [`FROM_ONE`]),
/// `@` is read as `a` but stands for `o` too (`p@rn`, [`FROM_AT`]).
const SYMBOL_FOR_LETTER: &[(char, char, u8)] = &[('l', 'i', FROM_ONE), ('o', 'a', FROM_AT)];
/// The marks of [`SYMBOL_FOR_LETTER`], which a term's own symbols do not keep.
const SYMBOL_MARKS: u8 = {
    let mut marks = 0;
    let mut i = 0;
    while i < SYMBOL_FOR_LETTER.len() {
        marks |= SYMBOL_FOR_LETTER[i].2;
        i += 1;
    }
    marks
};
/// Junctions whose every combination is looked for; beyond this, only all kept and all joined.
const MAX_JUNCTION_COMBINATIONS: usize = 3;
/// Symbols a term may have once normalised.
pub const MAX_TERM_SYMBOLS: usize = 128;
// `patterns_with` writes a choice of joined junctions (one fewer than the symbols) as a u128.
const _: () = assert!(MAX_TERM_SYMBOLS <= 129);

/// Which stream a pattern is looked for in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Words, ideo letters and breaks.
    Main,
    /// Emoji.
    Emoji,
    /// The letters of words spelled out letter by letter (`f u c k u`), without word edges: a
    /// term is found anywhere inside such a word ([`SPELLED_MIN_LETTERS`] letters or more, all
    /// words and letters).
    Spelled,
}

/// The fewest letters a term needs to be looked for inside spelled-out words (a spelled-out word
/// has three letters or more; a shorter term inside one is mostly chance: `r u ok` holds `ru`).
pub const SPELLED_MIN_LETTERS: u32 = 3;

/// One way a term is looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Where.
    pub stream: Stream,
    /// The encoded symbols.
    pub key: String,
    /// Run count of each symbol.
    pub counts: Vec<u32>,
    /// Whether the first symbol's run may be longer than wanted and only partly covered (no
    /// word edge there: ideo letters, emoji).
    pub open_start: bool,
    /// The same for the last symbol (ideo letters, emoji, a prefix term's end).
    pub open_end: bool,
    /// Whether the term begins or ends with an ideo letter (the CJK word-boundary check applies
    /// at those edges).
    pub ideo: bool,
    /// Whether text with a run marked [`SHORT_LEET`] (a number or an `8` read as letters in a
    /// short word: `k8s`, `l10n`) matches it: yes for a term of several words (or of a word and
    /// CJK) and for a term written with such digits itself (`k8s`); no for a one-word term
    /// spelled as their reading (`kbs`, `lion`).
    pub short_leet: bool,
    /// Whether text with a run marked [`SHORT_DIGIT`] (one digit read as a letter between the
    /// two letters of a word: `s3x`, `w7f`, `w3c`) matches it: as for `short_leet`, and also for a
    /// one-word term that is an ordinary word (`sex`, not `wec`) or an initialism (`wtf`), or any
    /// term when no word list was given.
    pub short_digit: bool,
    /// Whether text with a run marked [`SHORT_EDGE`] (digits read as letters at the edge of a
    /// word of one or two letters: `5h17`, `ki11`, `8uy`, `5th`) matches it: yes for a term of
    /// several words and for a term written with such digits; for a one-word term of four letters
    /// or more, yes when no word list was given and only for an ordinary word with one.
    pub short_edge: bool,
}

/// Why a term cannot be looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermError {
    /// Nothing to match once normalised (only punctuation, spaces or invisible characters).
    NothingToMatch,
    /// More than [`MAX_TERM_SYMBOLS`] symbols once normalised.
    TooLong,
}

/// Ordinary words of the language, for the readings of a term that could be one
/// ([`patterns_with`]).
pub type IsWord<'a> = &'a dyn Fn(&str) -> bool;

/// What a word list decided for a term's readings ([`patterns_with`]).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WordReadings {
    /// Readings not looked for because they are ordinary words (`therapist`, `scatt`, `rapping`).
    pub left_out: usize,
    /// Letters that match doubled only because the word list says the word so doubled is not an
    /// ordinary one (`fuuck`): without the list they match only their own count.
    pub added: usize,
    /// Spellings of a CJK term with inner characters hidden behind asterisks (`操*妈`).
    pub hidden_han: usize,
    /// 1 if the term would have had such spellings but came after the document's budget
    /// ([`crate::matcher::MAX_HIDDEN_HAN_TERMS`]); the builder sums it once a term.
    pub hidden_han_over_budget: usize,
}

/// Whether a term's inner Han characters are also looked for behind asterisks (`操*妈`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HiddenHan {
    /// Not for this spelling: another spelling of a term (its sound, its characters' parts).
    Never,
    /// The term as written (or its numerals written otherwise), within the document's budget.
    Spelled,
    /// The term as written, past the budget: counted, not spelled.
    OverBudget,
}

/// What the builder knows of the language's ordinary words (lowercase), consulted only while
/// building ([`patterns_with`]).
#[derive(Clone, Copy)]
pub struct Words<'a> {
    /// Whether a string is an ordinary word.
    pub is_word: IsWord<'a>,
    /// Whether some ordinary word begins with a string. Without it, the letters of a prefix
    /// term's last word do not take an extra repeat (`rappe` begins `rapper`).
    pub begins_word: Option<IsWord<'a>>,
}

thread_local! {
    /// The term normaliser's heap buffers, between terms.
    static TERM_BUFFERS: Cell<Option<Buffers>> = const { Cell::new(None) };
}

/// The patterns for `term` (a trailing `*` makes it a prefix term).
pub fn patterns(term: &str) -> Result<Vec<Pattern>, TermError> {
    patterns_with(term, None).map(|(patterns, _)| patterns)
}

/// The character a term of one Chinese character matches only as written, when its reading is
/// another character: Traditional and variant forms fold to a Simplified character that is often
/// an ordinary word of its own (`幹` reads as `干`, as in `干杯` and `干净`; `爛` as the `烂` of
/// `灿烂`; `鳩` as the `鸠` of `斑鸠`), where a term of several characters has its context.
/// Such a term (`幹`) matches the text's `幹`, not its `干` (nor `乾`, which also reads as `干`);
/// a term written as its reading (`干`) matches every character that reads as it.
pub fn written_only(term: &str) -> Option<char> {
    let mut chars = term.trim().chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return None };
    let info = unicode_data::Info::of(c);
    if info.class() != unicode_data::Class::Ideo || !info.folds() {
        return None;
    }
    let (mut first, mut count) = (c, 0);
    unicode_data::fold(c, |f| {
        first = f;
        count += 1;
    });
    (count == 1 && first != c).then_some(c)
}

/// How far from a match of a term that mixes emoji and text the emoji before or after its text
/// may stand (bytes): only what stands between them is read, and only emoji and gaps may.
pub(crate) const EMOJI_REACH: usize = 64;

/// The emoji of a term that also has text (`你好🐶`, `🍆emoji`, `go🔥away`), as the normaliser
/// reads them: those before its first letter, among its letters, and after its last. A match of
/// the term's text counts only with them there ([`EmojiParts::holds`]); without this, the emoji
/// were read as the gaps they are in text, and `你好🐶` matched every `你好`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct EmojiParts {
    pub(crate) before: Vec<char>,
    pub(crate) inside: Vec<char>,
    pub(crate) after: Vec<char>,
}

impl EmojiParts {
    /// The emoji parts of `term`, if it has both emoji and text (the builder reads them with the
    /// patterns, [`patterns_and_emoji`]).
    #[cfg(test)]
    pub(crate) fn of(term: &str) -> Option<EmojiParts> {
        let body = term.trim_end().strip_suffix('*').unwrap_or(term);
        let mut parts = EmojiPartsReader::default();
        for s in Normalizer::as_written(body) {
            parts.read(&s);
        }
        parts.finish()
    }

    /// Whether the text around a match of the term's text (bytes `start..end` of `text`) holds
    /// its emoji: those before it among the emoji right before it (only white space, other emoji
    /// and characters read as nothing between, within [`EMOJI_REACH`] bytes: `你好 🐶`, not
    /// `你好，🐶` nor `骑🐴的` for `🐴的`), those inside among the match's own, in order; likewise
    /// after. Returns the match's bytes widened to the emoji before and after it (the whole run
    /// of emoji after it, presentation selectors and skin tones too, so that masking hides them).
    pub(crate) fn holds(&self, text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
        let (mut new_start, mut new_end) = (start, end);
        if !self.before.is_empty() {
            let mut from = start;
            for (at, c) in text.get(..start)?.char_indices().rev() {
                if start - at > EMOJI_REACH || !beside_emoji(c) {
                    break;
                }
                from = at;
            }
            let wanted: Vec<char> = self.before.iter().rev().copied().collect();
            let first = find_emoji(text.get(from..start)?, &wanted, true)?;
            new_start = (from + first.0).min(start);
        }
        if !self.inside.is_empty() {
            find_emoji(text.get(start..end)?, &self.inside, false)?;
        }
        if !self.after.is_empty() {
            let rest = text.get(end..)?;
            let to = end
                + rest
                    .char_indices()
                    .find(|&(at, c)| at >= EMOJI_REACH || !beside_emoji(c))
                    .map_or(rest.len(), |(at, _)| at);
            let last = end + find_emoji(text.get(end..to)?, &self.after, false)?.1;
            // On over the rest of that emoji's run (`🐴🐴`, `🐴\u{FE0F}`), not the spaces after it.
            let tail = text.get(last..to)?;
            new_end = last + tail.find(char::is_whitespace).unwrap_or(tail.len());
        }
        Some((new_start, new_end))
    }
}

/// [`EmojiParts`] read from a term's symbols one by one: the emoji before its first letter,
/// those between letters, and those after its last.
#[derive(Default)]
struct EmojiPartsReader {
    parts: EmojiParts,
    /// Emoji after the last letter read so far: inside if a letter follows, else after.
    pending: Vec<char>,
    text: bool,
}

impl EmojiPartsReader {
    fn read(&mut self, s: &Symbol) {
        match s.kind {
            SymbolKind::Emoji if self.text => self.pending.push(s.ch),
            SymbolKind::Emoji => self.parts.before.push(s.ch),
            SymbolKind::Word | SymbolKind::Ideo => {
                self.text = true;
                self.parts.inside.append(&mut self.pending);
            }
            SymbolKind::Break => {}
        }
    }

    /// The parts, if the term has both emoji and text.
    fn finish(mut self) -> Option<EmojiParts> {
        self.parts.after = self.pending;
        let parts = self.parts;
        let no_emoji = parts.before.is_empty() && parts.inside.is_empty() && parts.after.is_empty();
        (self.text && !no_emoji).then_some(parts)
    }
}

/// Where `wanted` stand in order among the emoji of `zone` (`backwards`: read from its end, and
/// `wanted` given last first), each taken as early as it can be: the bytes of the last one taken.
/// The emoji as written first (most are read as themselves: no normaliser, which allocates, for
/// most candidates), then, if that finds them not, as the normaliser reads them.
fn find_emoji(zone: &str, wanted: &[char], backwards: bool) -> Option<(usize, usize)> {
    if !zone.chars().any(is_emoji) {
        return None;
    }
    let mut written: Vec<(char, usize, usize)> =
        zone.char_indices().filter(|&(_, c)| is_emoji(c)).map(|(at, c)| (c, at, at + c.len_utf8())).collect();
    if backwards {
        written.reverse();
    }
    if let Some(found) = in_order(wanted, &written) {
        return Some(found);
    }
    let mut read: Vec<(char, usize, usize)> = Normalizer::as_written(zone)
        .filter(|s| s.kind == SymbolKind::Emoji)
        .map(|s| (s.ch, s.start as usize, s.end as usize))
        .collect();
    if backwards {
        read.reverse();
    }
    in_order(wanted, &read)
}

/// Whether `wanted` is a subsequence of `run`'s characters, each taken as early as it can be:
/// the bytes of the last one taken.
fn in_order(wanted: &[char], run: &[(char, usize, usize)]) -> Option<(usize, usize)> {
    let mut last = None;
    let mut at = run.iter();
    for &w in wanted {
        let &(_, start, end) = at.find(|&&(c, _, _)| c == w)?;
        last = Some((start, end));
    }
    last
}

/// Whether `c` is read as an emoji (its class).
fn is_emoji(c: char) -> bool {
    unicode_data::Info::of(c).class() == unicode_data::Class::Emoji
}

/// Whether `c` may stand between a term's text and its emoji, or inside an emoji's run: white
/// space, an emoji, or a character read as nothing (a presentation selector, a joiner, a skin
/// tone).
fn beside_emoji(c: char) -> bool {
    c.is_whitespace()
        || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
        || matches!(unicode_data::Info::of(c).class(), unicode_data::Class::Emoji | unicode_data::Class::Ignorable)
}

/// Most spellings [`number_spellings`] makes of one term's numerals in every combination; a
/// term with more (six numerals or more) is spelled in fewer combinations (see there).
pub const MAX_NUMBER_SPELLINGS: usize = 1024;

/// Fewest numerals of a number term spelled with digits, or decimal and financial numerals,
/// mixed ([`number_spellings`]).
pub const MIXED_DIGITS_NUMERALS: usize = 3;

/// How a numeral of a number term is written ([`number_spellings`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numeral {
    /// An ASCII digit (or a character that reads as one: `８`).
    Digit,
    /// One of CLDR's decimal Han digits (`〇一二三四五六七八九`).
    Decimal,
    /// A financial numeral (`陆`, `肆`), often a word of its own too (`大陆`, `肆意`).
    Financial,
    /// Not a numeral (a space between two).
    None,
}

/// The spellings of a number term, one of two numerals or more written in Han numerals of the
/// digits 0-9 (and digits): each numeral written every way a reader reads as the same digit, as
/// CLDR's decimal Han digit or Chinese financial numeral of it ([`unicode_data::han_numerals`]:
/// `六四` as `陆肆`; not Unihan's other numerals, `两` for `二`, words of their own in `一两个`)
/// or as the digit, in every combination up to
/// [`MAX_NUMBER_SPELLINGS`] that mixes digits with CLDR's decimal Han digits only (`89六四`,
/// `8九6四`; not `陆4`, the `陆` of `大陆4月`, "the mainland in April"; and only in a term of
/// [`MIXED_DIGITS_NUMERALS`] numerals or more, as decimal and financial numerals mixed: `6四` is
/// the `（6）四` of a numbered list, `陆四` the `着陆四小时` of "landed four hours ago"), and not
/// in digits alone (`64` in `64岁` is an age: a term of digits, `8964`, says when digits are
/// meant). The
/// term as written comes first; `None` for any other term (its only spelling is itself: no
/// allocation for the thousands of terms a document has). (Not a term of numerals and
/// other characters: `老二` spelled `老两` is found in `老两口`, an old couple, and `鸡八` spelled
/// `鸡8` in `鸡8块钱`.)
pub fn number_spellings(term: &str) -> Option<Vec<String>> {
    let kind = |c: char, digit: u8| {
        if c.is_ascii_digit() {
            Numeral::Digit
        } else if unicode_data::han_decimal_digit(digit) == Some(c) {
            Numeral::Decimal
        } else {
            Numeral::Financial
        }
    };
    let mut choices: Vec<Vec<(char, Numeral)>> = Vec::new();
    let (mut numerals, mut han) = (0, false);
    let mut spellings = 1usize;
    for c in term.chars() {
        let mut read = c;
        unicode_data::fold(c, |f| read = f);
        let digit = match unicode_data::han_digit(read) {
            Some(digit) => {
                han = true;
                digit
            }
            None if read.is_ascii_digit() => read as u8 - b'0',
            None if c.is_whitespace() => {
                choices.push(vec![(c, Numeral::None)]);
                continue;
            }
            None => return None,
        };
        numerals += 1;
        let mut alternatives = vec![(c, kind(read, digit))];
        // (The digit's Han numerals, decimal first: its code point is the lower.)
        let others = std::iter::once(char::from(b'0' + digit)).chain(unicode_data::han_numerals(digit));
        for other in others {
            if other != read && alternatives.iter().all(|&(a, _)| a != other) {
                alternatives.push((other, kind(other, digit)));
            }
        }
        spellings = spellings.saturating_mul(alternatives.len());
        choices.push(alternatives);
    }
    if numerals < 2 || !han {
        return None;
    }
    let mixed = numerals >= MIXED_DIGITS_NUMERALS;
    if !mixed {
        // `6四` is the `（6）四` of a numbered list: two numerals are spelled in Han numerals only.
        for a in &mut choices {
            let mut first = true;
            a.retain(|&(_, n)| std::mem::take(&mut first) || n != Numeral::Digit);
        }
        spellings = choices.iter().map(Vec::len).product();
    }
    if spellings <= MAX_NUMBER_SPELLINGS {
        let mut out = Vec::with_capacity(spellings);
        combine(&choices, mixed, &mut out);
        return Some(out);
    }
    // Too many to combine: the written numeral, its digit and its decimal Han digit in every
    // combination (`1989六四`, `一九八九六四`), then every numeral financial (`壹玖捌玖陆肆`).
    let mut out = Vec::new();
    let plain: Vec<Vec<(char, Numeral)>> = choices
        .iter()
        .map(|a| {
            a.iter().enumerate().filter(|&(i, &(_, n))| i == 0 || n != Numeral::Financial).map(|(_, &x)| x).collect()
        })
        .collect();
    if plain.iter().map(Vec::len).try_fold(1usize, |n, l| n.checked_mul(l)).is_some_and(|n| n <= MAX_NUMBER_SPELLINGS) {
        combine(&plain, mixed, &mut out);
    } else {
        out.push(term.to_string());
    }
    let financial: String = choices
        .iter()
        .filter_map(|a| a.iter().find(|&&(_, n)| n == Numeral::Financial).or(a.first()))
        .map(|&(c, _)| c)
        .collect();
    if !out.contains(&financial) {
        out.push(financial);
    }
    Some(out)
}

/// Every spelling of [`number_spellings`]' `choices` in turn, the first position varying slowest
/// (the term as written first), but for digits alone (`64` is a number of its own: a term of
/// digits says so), digits beside a financial numeral, and, unless `mixed`, decimal and
/// financial numerals together (`陆四` is the `着陆四小时` of "landed four hours ago").
fn combine(choices: &[Vec<(char, Numeral)>], mixed: bool, out: &mut Vec<String>) {
    let first = out.len();
    let mut at = vec![0usize; choices.len()];
    loop {
        let picked = choices.iter().zip(&at).filter_map(|(a, &i)| a.get(i));
        let has = |k: Numeral| picked.clone().any(|&(_, n)| n == k);
        let (digits, decimal, financial) = (has(Numeral::Digit), has(Numeral::Decimal), has(Numeral::Financial));
        let kept = if digits { decimal && !financial } else { mixed || !(decimal && financial) };
        if out.len() == first || kept {
            out.push(picked.clone().map(|&(c, _)| c).collect());
        }
        let mut position = choices.len();
        loop {
            let Some(p) = position.checked_sub(1) else { return };
            position = p;
            let (Some(i), Some(a)) = (at.get_mut(p), choices.get(p)) else { return };
            *i += 1;
            if *i < a.len() {
                break;
            }
            *i = 0;
        }
    }
}

/// The patterns for `term`, leaving out the readings that `words` says are ordinary words: a
/// phrase's words joined into one (`therapist` is not `the rapist`, `goddamn` is a word of its
/// own) and a letter doubled (`scatt`, `rapping`). With `words`, in a word the list knows (or, a
/// prefix term's last word, begins) of [`LENIENT_WORD_LETTERS`] letters or more, any letter the
/// term has once may be doubled in the text (`fuuck`, `ffuck`) unless the word so doubled is (or
/// begins) an ordinary word, and its `l` may be written `1` or `|` (`s1ut`). Also returns what
/// the words decided.
pub fn patterns_with(term: &str, words: Option<Words<'_>>) -> Result<(Vec<Pattern>, WordReadings), TermError> {
    patterns_and_emoji(term, words, HiddenHan::Spelled).map(|(patterns, readings, _)| (patterns, readings))
}

/// [`patterns_with`], and the term's emoji parts if it mixes emoji and text ([`EmojiParts`]),
/// read from the same normalised symbols (the builder needs both: a second reading of every
/// term cost 14% of a 100k-term compile). `hidden`: whether `term`'s Han characters are also
/// looked for behind asterisks ([`HiddenHan`]).
pub(crate) fn patterns_and_emoji(
    term: &str,
    words: Option<Words<'_>>,
    hidden: HiddenHan,
) -> Result<(Vec<Pattern>, WordReadings, Option<EmojiParts>), TermError> {
    let is_word = words.map(|w| w.is_word);
    let mut readings = WordReadings::default();
    let (body, prefix) = match term.trim_end().strip_suffix('*') {
        Some(body) => (body, true),
        None => (term, false),
    };
    // A rule document has thousands of terms: the normaliser's buffers serve them all.
    let buffers = TERM_BUFFERS.try_with(Cell::take).ok().flatten().unwrap_or_default();
    let mut normalizer = Normalizer::as_written_with(body, buffers);
    let (mut main, mut emoji) = (Vec::with_capacity(body.len().min(MAX_TERM_SYMBOLS + 1)), Vec::new());
    // A term's own gaps say nothing (`buy, followers` matches `buy followers`): a spelling marks
    // the gap it needs (`AFTER_ONE_SYMBOL`, `Gap::Symbols`, `Gap::Other`).
    let mut parts = EmojiPartsReader::default();
    for s in normalizer.by_ref().map(|s| Symbol { gap: Gap::None, ..s }) {
        parts.read(&s);
        match s.kind {
            SymbolKind::Word | SymbolKind::Ideo => main.push(s),
            SymbolKind::Emoji => emoji.push(s),
            SymbolKind::Break => {}
        }
    }
    let _ = TERM_BUFFERS.try_with(|cell| cell.set(Some(normalizer.into_buffers())));
    let parts = parts.finish();
    if main.len() > MAX_TERM_SYMBOLS || emoji.len() > MAX_TERM_SYMBOLS {
        return Err(TermError::TooLong);
    }
    if main.is_empty() {
        if emoji.is_empty() {
            return Err(TermError::NothingToMatch);
        }
        return Ok((vec![build(Stream::Emoji, &emoji, true, true, None, false).0], WordReadings::default(), None));
    }
    // The segmentation check reads a match at its CJK edges: a term of CJK characters alone, or
    // one that begins or ends with one (`加qq`, a spelling `傻b`: `体操B组` holds `操b` across
    // `体操`).
    let ideo = main.first().is_some_and(|s| s.kind == SymbolKind::Ideo)
        || main.last().is_some_and(|s| s.kind == SymbolKind::Ideo);
    let word_count = main.iter().filter(|s| s.kind == SymbolKind::Word && s.edge & START != 0).count();
    let has_ideo = main.iter().any(|s| s.kind == SymbolKind::Ideo);
    let several = word_count + usize::from(has_ideo) > 1;
    // The term's words (their ranges and letters), and its first when the term is all words: its
    // only one where that matters (several words accept short leet and short edges anyway).
    let term_words = words_of(&main);
    let one_word = main
        .iter()
        .all(|s| s.kind == SymbolKind::Word)
        .then(|| term_words.first().map_or("", |(_, text)| text.as_str()));
    let short_leet = several || main.iter().any(|s| s.edge & (SHORT_LEET | SHORT_DIGIT) != 0);
    let short_edge = several
        || main.iter().any(|s| s.edge & SHORT_EDGE != 0)
        || one_word.is_some_and(|word| {
            word.chars().count() >= usize::from(LENIENT_WORD_LETTERS) && is_word.is_none_or(|is_word| is_word(word))
        });
    let short_digit = short_leet
        || match (is_word, one_word) {
            (Some(is_word), Some(word)) => {
                let ordinary = is_word(word) || is_initialism(word);
                // Only a word of three letters can be read from a two-letter word and a digit.
                if !ordinary && word.chars().count() == 3 {
                    readings.left_out += 1;
                }
                ordinary
            }
            _ => true,
        };
    // The term as written, and with Latin look-alikes if it has letters that have some.
    let look_alike = |s: &Symbol| match unicode_data::skeleton(s.ch, false) {
        Some((letter, _)) if s.kind == SymbolKind::Word && letter != s.ch => Some(letter),
        _ => None,
    };
    let skeleton = main
        .iter()
        .any(|s| look_alike(s).is_some())
        .then(|| merge_runs(main.iter().map(|s| Symbol { ch: look_alike(s).unwrap_or(s.ch), ..*s }).collect()));
    // `1` and `|` read as `i` stand for `l` too: with a word list, the `l` of a word it knows is
    // also looked for as such a run (`s1ut`, `ki11`; a document of made-up strings, codes or names
    // would grow by a third for an evasion written in words). A term written with `1` itself
    // reads it as any `i`.
    // Likewise an `@` read as `a` stands for `o` (`p@rn`, `wh@re`).
    for s in &mut main {
        s.edge &= !SYMBOL_MARKS;
    }
    let mut word_spellings: Vec<Vec<Symbol>> = Vec::new();
    if let Some(is_word) = is_word {
        // Clearing the marks above changed no word's range or letters.
        for &(letter, read, mark) in SYMBOL_FOR_LETTER {
            let runs: Vec<usize> = term_words
                .iter()
                .filter(|(_, text)| text.contains(letter) && is_word(text))
                .flat_map(|(range, _)| range.clone().filter(|&i| main[i].ch == letter))
                .collect();
            let as_symbol = |at: &[usize]| {
                let mut spelled = main.clone();
                for &i in at {
                    if let Some(s) = spelled.get_mut(i) {
                        *s = Symbol { ch: read, edge: s.edge | mark, ..*s };
                    }
                }
                merge_runs(spelled)
            };
            // Each run alone (`go1dless`), and all of them (`1o11ipop`); with many, all only.
            word_spellings.extend(each_and_all(&runs).map(as_symbol));
            // One letter of a doubled run so written, first or last, and the rest as itself
            // (`ki1l`, `kil1`, `pi|ls`, `foIlowers`; since 2026-12-05).
            let doubled = runs.iter().filter(|&&i| main.get(i).is_some_and(|s| s.count >= 2));
            for &i in doubled.take(MAX_ONE_FOR_L_RUNS) {
                let Some(&run) = main.get(i) else { continue };
                let rest = Symbol { count: run.count - 1, ..run };
                let one = Symbol { ch: read, count: 1, ..run };
                for (first, second) in [(one, rest), (rest, one)] {
                    let first = Symbol { edge: first.edge & !END | if first.ch == read { mark } else { 0 }, ..first };
                    let second =
                        Symbol { edge: second.edge & !START | if second.ch == read { mark } else { 0 }, ..second };
                    let mut spelled = main.clone();
                    spelled.splice(i..=i, [first, second]);
                    word_spellings.push(merge_runs(spelled));
                }
            }
        }
        readings.added += word_spellings.len();
        // The words of LENIENT_WORD_LETTERS letters or more that the list knows: a censored or
        // split word is the word (a term of made-up strings or codes gets no such spelling).
        let known: Vec<&(std::ops::Range<usize>, String)> = term_words
            .iter()
            .filter(|(_, text)| text.chars().count() >= usize::from(LENIENT_WORD_LETTERS) && is_word(text))
            .collect();
        // Asterisks for one to MAX_LEET_SYMBOLS inner letters in a row, of the inner runs (never
        // of the first or last run), a doubled letter's too (`f*ck`, `f**k`, `b***h`, `n**ger`,
        // `p**sy`: the censor hides letters, not runs).
        let before = word_spellings.len();
        for (range, _) in &known {
            let inner = range.start + 1..range.end.saturating_sub(1);
            // Each inner letter as (run, place in the run).
            let letters: Vec<(usize, u32)> =
                inner.clone().flat_map(|i| (0..main.get(i).map_or(0, |s| s.count)).map(move |k| (i, k))).collect();
            for from in 0..letters.len() {
                for hidden in 1..=MAX_LEET_SYMBOLS.min(letters.len() - from) {
                    let span = &letters[from..from + hidden];
                    word_spellings.push(merge_runs(starred(&main, span)));
                }
            }
        }
        // Two vowels hidden apart, each a run of one (`f*ck*ng`, `b*tch*s`, `sh*tt*r`): a censor
        // hides vowels; any two letters would add a reading for every pair.
        for (range, _) in &known {
            let vowels: Vec<usize> = (range.start + 1..range.end.saturating_sub(1))
                .filter(|&i| main.get(i).is_some_and(|s| s.count == 1 && MASKED_VOWELS.contains(&s.ch)))
                .collect();
            for (k, &first) in vowels.iter().enumerate() {
                for &second in vowels.get(k + 1..).unwrap_or_default().iter().filter(|&&v| v > first + 1) {
                    word_spellings.push(merge_runs(starred(&main, &[(first, 0), (second, 0)])));
                }
            }
        }
        readings.added += word_spellings.len() - before;
        // An asterisk added between two runs, hiding nothing (`f*uck`, `fu*ck`, `sh*it`).
        let before = word_spellings.len();
        for (range, _) in &known {
            for at in range.start + 1..range.end {
                let Some(&next) = main.get(at) else { continue };
                let mut spelled = main.clone();
                spelled.insert(at, Symbol { ch: leet::STAR, count: 1, edge: 0, gap: Gap::None, ..next });
                word_spellings.push(spelled);
            }
        }
        readings.added += word_spellings.len() - before;
        // A letter written as another it looks like (`fvck`, `niqqer`; see LETTER_FOR_LETTER) in
        // a known word: each run of the letter alone and all at once, unless the word so written
        // is a word of the list.
        let before = word_spellings.len();
        for (range, _) in &known {
            for &(letter, written) in LETTER_FOR_LETTER {
                let runs: Vec<usize> = range.clone().filter(|&i| main.get(i).is_some_and(|s| s.ch == letter)).collect();
                for at in each_and_all(&runs) {
                    let mut spelled = main.clone();
                    for &i in at {
                        if let Some(s) = spelled.get_mut(i) {
                            s.ch = written;
                        }
                    }
                    let word = spelled.get(range.clone()).map(|w| letters(w, None)).unwrap_or_default();
                    if is_word(&word) {
                        readings.left_out += 1;
                        continue;
                    }
                    word_spellings.push(merge_runs(spelled));
                }
            }
        }
        readings.added += word_spellings.len() - before;
        // A letter written as two (see LETTERS_FOR_LETTER) in a known word: each run of one such
        // letter alone and all at once, unless the word so written is a word of the list.
        let before = word_spellings.len();
        for (range, _) in &known {
            for &(letter, [first, second]) in LETTERS_FOR_LETTER {
                let runs: Vec<usize> =
                    range.clone().filter(|&i| main.get(i).is_some_and(|s| s.ch == letter && s.count == 1)).collect();
                for at in each_and_all(&runs) {
                    let mut spelled = main.clone();
                    // From the last, so that the indices before stay.
                    for &i in at.iter().rev() {
                        let Some(&s) = spelled.get(i) else { continue };
                        spelled[i] = Symbol { ch: first, edge: s.edge & !END, ..s };
                        spelled.insert(i + 1, Symbol { ch: second, edge: s.edge & !START, ..s });
                    }
                    let end = range.end + at.len();
                    let word = spelled.get(range.start..end).map(|w| letters(w, None)).unwrap_or_default();
                    if is_word(&word) {
                        readings.left_out += 1;
                        continue;
                    }
                    word_spellings.push(merge_runs(spelled));
                }
            }
        }
        readings.added += word_spellings.len() - before;
        // An inner vowel masked (see VOWEL_MASKS): one vowel run of a known word that is neither
        // its first run nor its last, each alone (a censor hides one: `fxck`, `pxssy`, `f@ck`,
        // `b@tch`), unless the word so written with an `x` is a word of the list. An `a` behind
        // an `@` is the `@`'s own reading, and an `o` SYMBOL_FOR_LETTER's.
        let before = word_spellings.len();
        for (range, _) in &known {
            for i in range.start + 1..range.end.saturating_sub(1) {
                let Some(&vowel) = main.get(i).filter(|s| MASKED_VOWELS.contains(&s.ch)) else { continue };
                for (mask, mark) in VOWEL_MASKS {
                    if mark != 0 && matches!(vowel.ch, 'a' | 'o') {
                        continue;
                    }
                    let mut spelled = main.clone();
                    if let Some(s) = spelled.get_mut(i) {
                        *s = Symbol { ch: mask, edge: vowel.edge | mark, ..vowel };
                    }
                    let word = spelled.get(range.clone()).map(|w| letters(w, None)).unwrap_or_default();
                    if mark == 0 && is_word(&word) {
                        readings.left_out += 1;
                        continue;
                    }
                    word_spellings.push(merge_runs(spelled));
                }
            }
        }
        readings.added += word_spellings.len() - before;
        // A known word split in two (`fu ck`), between two runs or inside a doubled letter
        // (`nig ger`, `fag-got`), where neither piece is a word the list knows (`sp ic` is read,
        // and `co ck`).
        let before = word_spellings.len();
        // A first letter is split off behind a space only where the rest is no word the list
        // knows and the letter is not `a` or `i` (`f uck`, `c unt`: since 2026-12-06); a last
        // letter, `a` and `i` only behind punctuation, a symbol or an emoji (`fuc-k`, `a.nal`;
        // not `fuc k`, French `qui m'a`, Spanish `por n`, `a nal`); where the rest is a word,
        // only behind one symbol (`s.hit`), never a space (`k ill`, `u rock`, `s hit`).
        // Where a piece of two letters or more is a word, the split is read only at one symbol
        // and nothing else, not a quotation mark (`sh-it`, `ass.hole`, `pus-sy`, `s.hit`), or
        // at two or three symbols and nothing else when both pieces have two letters or more
        // (`ass--hole`, since 2026-12-05):
        // `let's hit`, `po rn`, `on the other hand, job` and `U.S. hit` are ordinary text.
        let phrase = term_words.len() >= 2;
        for (range, _) in &known {
            for at in range.start..range.end {
                let Some(&run) = main.get(at) else { continue };
                // Before the run (`k` 0), or after `k` of its letters.
                for k in u32::from(at == range.start)..run.count {
                    let (Some(head), Some(tail)) = (main.get(range.start..at), main.get(at + 1..range.end)) else {
                        continue;
                    };
                    let repeat = |n: u32| std::iter::repeat_n(run.ch, n as usize);
                    let left: String = letters(head, None).chars().chain(repeat(k)).collect();
                    let right: String = repeat(run.count - k).chain(letters(tail, None).chars()).collect();
                    let (short_left, short_right) = (left.chars().count() < 2, right.chars().count() < 2);
                    let one_letter = short_left || short_right;
                    let (word_left, word_right) = (!short_left && is_word(&left), !short_right && is_word(&right));
                    // A piece of one letter that is English's own word (`a`, `i`; the lists hold
                    // every letter, as a name of it) splits off behind punctuation only.
                    let english_letter = |piece: &str, short: bool| short && matches!(piece, "a" | "i");
                    // A last letter split off by a space alone is a word of its own as often as not
                    // (`qui m'a`, `por n`, `org y`): behind punctuation only, as the letters `a`, `i`.
                    let letter_word = english_letter(&left, short_left) || short_right;
                    if short_left && short_right {
                        readings.left_out += 1;
                        continue;
                    }
                    let mut split = main.clone();
                    if k > 0 {
                        // The run in two: its first `k` letters end the first piece.
                        split.insert(at, Symbol { count: k, edge: run.edge & !END, ..run });
                        if let Some(s) = split.get_mut(at + 1) {
                            *s = Symbol { count: run.count - k, edge: run.edge & !START, ..run };
                        }
                    }
                    let at = at + usize::from(k > 0);
                    if let Some(s) = split.get_mut(at - 1) {
                        s.edge |= END;
                    }
                    if let Some(s) = split.get_mut(at) {
                        s.edge |= START;
                        // In a term of several words, a word split into two pieces of two
                        // letters or more, one or both a word, is read as a split into no
                        // words is, behind a space or a line break too (`kill your self`): the
                        // term's other words are around it, as `let's hit` has none.
                        let in_phrase = phrase && !one_letter;
                        if (word_left || word_right) && !in_phrase {
                            s.edge |= AFTER_ONE_SYMBOL;
                            if !one_letter {
                                // Both pieces of two letters or more: up to three symbols
                                // (`ass--hole`, `sh__it`; `s..hit` stays prose). The gap marks
                                // it for `NEEDS_SYMBOLS_GAP`.
                                s.gap = Gap::Symbols;
                            }
                        } else if letter_word {
                            s.gap = Gap::Other;
                        }
                    }
                    word_spellings.push(split);
                }
            }
        }
        readings.added += word_spellings.len() - before;
        // One symbol for an inner letter of a known word (`f#ck`, `f.ck`, `b-tch`): the word
        // without that letter, split there, the gap before the piece after it one symbol and not
        // a quotation mark (`it's`, `we'd` are contractions). A doubled run is not hidden (`coon`
        // is not `c.n`, `boob` not `b/b`: part and page numbers); pieces that are both words of two letters or more are a
        // compound (`co-op`), left out.
        let before = word_spellings.len();
        let word = |piece: &str| piece.chars().count() >= 2 && is_word(piece);
        for (range, _) in &known {
            for at in range.start + 1..range.end.saturating_sub(1) {
                // (A known word has four letters or more: one hidden leaves three.)
                if main.get(at).is_none_or(|s| s.count != 1) {
                    continue;
                }
                let (Some(left), Some(right)) = (main.get(range.start..at), main.get(at + 1..range.end)) else {
                    continue;
                };
                if word(&letters(left, None)) && word(&letters(right, None)) {
                    readings.left_out += 1;
                    continue;
                }
                let mut hidden = main.clone();
                if let Some(s) = hidden.get_mut(at - 1) {
                    s.edge |= END;
                }
                if let Some(s) = hidden.get_mut(at + 1) {
                    s.edge |= START | AFTER_ONE_SYMBOL;
                }
                hidden.remove(at);
                word_spellings.push(hidden);
            }
        }
        readings.added += word_spellings.len() - before;
        // Upside down (`ʞɔnɟ` for `fuck`, `noʎ ʞɔnɟ` for `fuck you`): the term written backwards,
        // each letter drawn upside down (`unicode_data::upside_down`), when every word of the
        // term is a word the list knows and the drawing, as the normaliser reads it, has a letter
        // that is not ASCII (a word upside down in plain letters is ordinary text: `pun` drawn
        // `und`, and `mou` drawn `noɯ`, which reads `now`). Not for a prefix term. Also as a
        // sentence starts it, its first letter a capital, and with every word's first letter one
        // (`noʎ ʞɔnℲ`, `ɟɟO ʞɔnℲ`: a capital drawn as flip-text draws it,
        // `unicode_data::upside_down_capital`);
        // each reading once; not where a capital is drawn as a symbol (`T` as `⊥`, read as a
        // gap). All in capitals is not tried (`⊥IHS` reads `ihs`).
        let all_known = !term_words.is_empty() && term_words.iter().all(|(_, text)| is_word(text));
        // One letter drawn upside down or mirrored is a lone symbol, not a word (`ᗡ`, lunicode's
        // `D`; `ʞ`, flip-text's `k`): not looked for (since the twenty-first session).
        let letters = body.chars().filter(|c| c.is_alphabetic()).count();
        if all_known && letters >= 2 && !prefix && main.iter().all(|s| s.kind == SymbolKind::Word) {
            let lower: Vec<char> = body.chars().flat_map(char::to_lowercase).collect();
            let capitalised = |every_word: bool| -> Vec<char> {
                let mut after_space = true;
                let mut first = true;
                lower
                    .iter()
                    .map(|&c| {
                        let capital = c.is_alphabetic() && after_space && (first || every_word);
                        if c.is_alphabetic() {
                            first = false;
                        }
                        after_space = c.is_whitespace();
                        if capital {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect()
            };
            let before = word_spellings.len();
            // As flip-text draws it, in small letters and with capitals (a capital it has no
            // drawing for as its small letter's, `K` as `ʞ`, or as it is, `S`); as another
            // generator draws it upside down, lunicode's `flip` (`ʇıɥs`: `ı` DOTLESS I, which UTS
            // #39 reads as `i`, for flip-text's `ᴉ`), and mirrored, lunicode's `mirror` (`ꙅꙅɒ`),
            // in small letters and with its capitals (one it has no drawing for as it is) (since
            // the twenty-first session).
            type Drawing = fn(char) -> Option<&'static str>;
            let flip_text_capital: Drawing =
                |c| unicode_data::upside_down_capital(c).or_else(|| unicode_data::upside_down(c.to_ascii_lowercase()));
            let casings = [(lower.clone(), false), (capitalised(false), true), (capitalised(true), true)];
            let generators: [(Drawing, Drawing, bool); 3] = [
                (unicode_data::upside_down, flip_text_capital, false),
                (unicode_data::upside_down_lunicode, unicode_data::upside_down_capital_lunicode, true),
                (unicode_data::mirrored_lunicode, unicode_data::mirrored_capital_lunicode, true),
            ];
            let drawings = generators.into_iter().flat_map(|(draw, draw_capital, other)| {
                casings.iter().map(move |(cased, capitals)| (cased, *capitals || other, draw, draw_capital))
            });
            for (cased, as_text, draw, draw_capital) in drawings {
                let drawing = |c: char| if c.is_ascii_uppercase() { draw_capital(c) } else { draw(c) };
                let drawn_as_symbol = |c: char| drawing(c).is_some_and(|d| !d.chars().all(char::is_alphabetic));
                // A letter drawn as a symbol at a word's edge (the capital `T` as `⊥`, `Y` as
                // `⅄`; `l` mirrored as `|` ending `anal`) would be read as a gap, leaving a
                // shorter word that is ordinary text (`Tits` drawn `sʇᴉ⊥` reads `its`): no such
                // reading (a review found it the day it was written). Inside a word the symbol
                // is read as the leet letter it stands for, as the text's would be (`ɘ|oʜꙅꙅɒ`).
                let at_edge = |i: usize| {
                    let space = |j: Option<usize>| j.and_then(|j| cased.get(j)).is_none_or(|c| c.is_whitespace());
                    space(i.checked_sub(1)) || space(i.checked_add(1))
                };
                if cased.iter().enumerate().any(|(i, &c)| at_edge(i) && drawn_as_symbol(c)) {
                    continue;
                }
                let flipped: String = cased
                    .iter()
                    .rev()
                    .flat_map(|&c| {
                        let drawn = drawing(c);
                        drawn.into_iter().flat_map(str::chars).chain(drawn.is_none().then_some(c))
                    })
                    .collect();
                if flipped.is_ascii() {
                    continue;
                }
                // Capitals, and other generators' letters, read as the text's are (`פ`,
                // flip-text's `G`, is the `g` it looks like beside Latin letters, not the Hebrew
                // letter a term keeps as written; lunicode mirrors `f` as the Cherokee `Ꮈ`).
                let reader = if as_text { Normalizer::new(&flipped) } else { Normalizer::as_written(&flipped) };
                let read: Vec<Symbol> = reader.collect();
                // A symbol inside a word that is not read as a letter of it (`||`, two of them,
                // may be a gap) splits the word: no reading unless the drawing reads as many
                // words as the term has.
                let symbol_inside = cased.iter().any(|&c| drawn_as_symbol(c));
                let words = cased.split(|c| c.is_whitespace()).filter(|w| !w.is_empty()).count();
                let starts = read.iter().filter(|s| s.kind != SymbolKind::Word || s.edge & START != 0).count();
                if symbol_inside && starts != words {
                    continue;
                }
                let symbols: Vec<Symbol> = read
                    .into_iter()
                    .filter(|s| s.kind == SymbolKind::Word)
                    .map(|s| Symbol { edge: s.edge & !SYMBOL_MARKS, gap: Gap::None, ..s })
                    .collect();
                let plain = symbols.iter().all(|s| s.ch.is_ascii());
                if !plain && symbols.len() <= MAX_TERM_SYMBOLS && !word_spellings[before..].contains(&symbols) {
                    word_spellings.push(symbols);
                }
            }
            readings.added += word_spellings.len() - before;
        }
        // Katakana drawn like a Han character of the term (`ロ交` for `口交`, `ハ九六四`): each such
        // run alone, and all of them at once, as the kana, which the text must have written in
        // katakana (FROM_KATAKANA). Only with the rules tool's dictionaries: its segmenter drops
        // the kana of a Japanese word (`日ロ交渉`, Japan–Russia talks, holds `ロ交`).
        let before = word_spellings.len();
        let kana: Vec<(usize, char)> = main
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == SymbolKind::Ideo)
            .filter_map(|(i, s)| unicode_data::kana_look_alike(s.ch).map(|k| (i, k)))
            .collect();
        let as_kana = |at: &[(usize, char)]| {
            let mut spelled = main.clone();
            for &(i, k) in at {
                if let Some(s) = spelled.get_mut(i) {
                    *s = Symbol { ch: k, edge: s.edge | FROM_KATAKANA, ..*s };
                }
            }
            spelled
        };
        word_spellings.extend(each_and_all(&kana).map(as_kana));
        readings.added += word_spellings.len() - before;
        // Inner characters of a CJK term hidden behind asterisks (`操*妈`, `他**的`; never the
        // first or last, `草泥*`): each inner character alone, and two in a row, left out, the
        // run after them marked to follow asterisks (AFTER_STARS, which the text's asterisks
        // right after another ideo letter set). Only with the rules tool's dictionaries, as the
        // Latin masks (`f*ck`), and only of the term as written within the document's budget
        // (`hidden`).
        let before = word_spellings.len();
        let chars: Vec<Symbol> = if hidden != HiddenHan::Never && main.iter().all(|s| s.kind == SymbolKind::Ideo) {
            main.iter().flat_map(|s| std::iter::repeat_n(Symbol { count: 1, ..*s }, s.count as usize)).collect()
        } else {
            Vec::new()
        };
        if chars.len() >= 3 && hidden == HiddenHan::OverBudget {
            readings.hidden_han_over_budget = 1;
        } else if chars.len() >= 3 {
            for from in 1..chars.len() - 1 {
                for hidden in 1..=MAX_HIDDEN_IDEO_CHARS.min(chars.len() - 1 - from) {
                    let mut left = chars.clone();
                    left.drain(from..from + hidden);
                    if let Some(s) = left.get_mut(from) {
                        s.edge |= AFTER_STARS;
                    }
                    // Runs again (`奶奶的熊` as `奶*熊`), not across the asterisks.
                    let mut spelled: Vec<Symbol> = Vec::with_capacity(left.len());
                    for s in left {
                        match spelled.last_mut() {
                            Some(last) if last.ch == s.ch && s.edge & AFTER_STARS == 0 => last.count += 1,
                            _ => spelled.push(s),
                        }
                    }
                    if !word_spellings[before..].contains(&spelled) {
                        word_spellings.push(spelled);
                    }
                }
            }
        }
        readings.hidden_han = word_spellings.len() - before;
        readings.added += readings.hidden_han;
    }
    let mut out: Vec<Pattern> = Vec::with_capacity(4);
    // Looked for inside spelled-out words too: a term of letters only (none read from a digit:
    // `k8s`), long enough, and with a word list only a term of words it knows (what people spell
    // out is words; made-up strings, codes and names would grow a large document's blob by half:
    // 13.5 MB to 21.4 MB at the bench's 100k terms, and KV holds 25 MiB a value).
    let from_digit = SHORT_LEET | SHORT_DIGIT | SHORT_EDGE;
    let spelled_too =
        main.iter().all(|s| s.kind == SymbolKind::Word && !s.ch.is_ascii_digit() && s.edge & from_digit == 0)
            && main.iter().map(|s| s.count).sum::<u32>() >= SPELLED_MIN_LETTERS
            && is_word.is_none_or(|is_word| term_words.iter().all(|(_, text)| is_word(text)));
    let spellings = std::iter::once((&main, true)).chain(skeleton.iter().map(|s| (s, true)));
    for (spelling, may_join) in spellings.chain(word_spellings.iter().map(|s| (s, false))) {
        // A `1` for `l` (or an asterisk) is looked for in the words as written, not joined
        // (`b1ow job`, not `b1owjob`: the joined word is the list's to judge, and it was not asked).
        let junctions: Vec<usize> = (1..spelling.len())
            .filter(|&i| {
                let (a, b) = (&spelling[i - 1], &spelling[i]);
                a.kind == SymbolKind::Word && b.kind == SymbolKind::Word && a.edge & END != 0 && b.edge & START != 0
            })
            .collect();
        // Which junctions are joined, junction `j` as bit `j`: every combination, or with many
        // junctions none and all.
        // (A term has at most MAX_TERM_SYMBOLS symbols, so at most 127 junctions.)
        let all = u128::MAX.checked_shr(128 - junctions.len().min(128) as u32).unwrap_or(0);
        let choices: &mut dyn Iterator<Item = u128> = if !may_join {
            &mut std::iter::once(0)
        } else if junctions.len() <= MAX_JUNCTION_COMBINATIONS {
            &mut (0..=all)
        } else {
            &mut [0, all].into_iter()
        };
        let joined_here = |choice: u128, j: usize| j < 128 && choice & (1 << j) != 0;
        for choice in choices {
            let mut joined = spelling.clone();
            for (j, &at) in junctions.iter().enumerate() {
                if joined_here(choice, j) {
                    joined[at - 1].edge &= !END;
                    joined[at].edge &= !START;
                }
            }
            if let Some(is_word) = is_word {
                // Words joined into an ordinary word are that word (`therapist`, `blackcock`).
                let ordinary = words_of(&joined).iter().any(|(range, text)| {
                    junctions
                        .iter()
                        .enumerate()
                        .any(|(j, &at)| joined_here(choice, j) && range.start < at && at < range.end)
                        && is_word(text)
                });
                if ordinary {
                    readings.left_out += 1;
                    continue;
                }
            }
            let joined = merge_runs(joined);
            let first_open = joined.first().is_some_and(|s| s.kind != SymbolKind::Word);
            let last_open = joined.last().is_some_and(|s| s.kind != SymbolKind::Word);
            let (p, decided) = build(Stream::Main, &joined, first_open, last_open, words, prefix);
            readings.left_out += decided.left_out;
            readings.added += decided.added;
            out.push(Pattern { ideo, ..p });
            // All its words joined, the term as the spelled stream looks for it: no edge, so
            // anywhere inside a spelled-out word (`f u c k u`, `u r a b i t c h`), each end
            // open (`f u c k k`).
            if spelled_too && may_join && choice == all {
                out.push(spelled_pattern(&joined, words, prefix));
            }
            if prefix && joined.last().is_some_and(|s| s.kind == SymbolKind::Word) {
                let mut open = joined.clone();
                if let Some(last) = open.last_mut() {
                    last.edge &= !END;
                }
                out.push(Pattern { ideo, ..build(Stream::Main, &open, first_open, true, words, prefix).0 });
            }
        }
    }
    // A prefix term's pattern with the edge is still a prefix match: its last run may be longer.
    if prefix {
        for p in &mut out {
            p.open_end = true;
        }
    }
    for p in &mut out {
        p.short_leet = short_leet;
        p.short_digit = short_digit;
        p.short_edge = short_edge;
    }
    out.dedup();
    Ok((out, readings, parts))
}

/// The spelled stream's pattern of a term's `joined` symbols (all its words joined): the run
/// counts [`build`] gives them, written without word edges.
fn spelled_pattern(joined: &[Symbol], words: Option<Words<'_>>, prefix: bool) -> Pattern {
    let (p, _) = build(Stream::Spelled, joined, true, true, words, prefix);
    let key = joined.iter().flat_map(|s| encode(&Symbol { edge: 0, ..*s }).chars().to_vec()).collect();
    Pattern { key, ..p }
}

/// The words of `symbols` (from a word's first run to its last): their symbol ranges and their
/// letters (each run written out).
fn words_of(symbols: &[Symbol]) -> Vec<(std::ops::Range<usize>, String)> {
    word_ranges(symbols, false).into_iter().map(|(range, _)| (range.clone(), letters(&symbols[range], None))).collect()
}

/// The letters of `word` (each run written out), with one more of its `extra`th run.
fn letters(word: &[Symbol], extra: Option<usize>) -> String {
    word.iter()
        .enumerate()
        .flat_map(|(k, s)| std::iter::repeat_n(s.ch, s.count as usize + usize::from(extra == Some(k))))
        .collect()
}

/// Whether a one-word term is an initialism: Latin letters with no vowel (`wtf`, `std`, `kys`).
/// Codes with one digit other than `8` between two letters (`w3c`, `m4a`) read with a vowel, so
/// such a term takes a lone digit as leet (`w7f`) even though it is not an ordinary word.
fn is_initialism(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'))
}

/// `main` with the letters `hidden` (each a run's index and a place in the run, in order, and
/// those of one run in a row) written as `leet::STAR`: a run wholly hidden becomes a run of stars, one hidden in part
/// is split into its letters shown and its stars (runs not merged yet).
fn starred(main: &[Symbol], hidden: &[(usize, u32)]) -> Vec<Symbol> {
    let mut spelled = Vec::with_capacity(main.len() + 2);
    for (i, s) in main.iter().enumerate() {
        let stars = hidden.iter().filter(|&&(run, _)| run == i).count() as u32;
        if stars == 0 {
            spelled.push(*s);
            continue;
        }
        // Hidden letters are in a row: they are the run's first, its last, or all of it.
        let first_hidden = hidden.iter().find(|&&(run, _)| run == i).map_or(0, |&(_, k)| k);
        let shown_before = first_hidden;
        let shown_after = s.count - shown_before - stars;
        if shown_before > 0 {
            spelled.push(Symbol { count: shown_before, edge: s.edge & !END, ..*s });
        }
        let edge_before = if shown_before > 0 { s.edge & !START } else { s.edge };
        let edge = if shown_after > 0 { edge_before & !END } else { edge_before };
        spelled.push(Symbol { ch: leet::STAR, count: stars, edge, ..*s });
        if shown_after > 0 {
            spelled.push(Symbol { count: shown_after, edge: s.edge & !START, ..*s });
        }
    }
    spelled
}

/// Equal adjacent letters without an edge between them are one run (`red dog` joined is `redog`
/// with a double `d`).
fn merge_runs(mut symbols: Vec<Symbol>) -> Vec<Symbol> {
    let letter = |x: &Symbol| x.kind == SymbolKind::Word && !x.ch.is_ascii_digit();
    // In place: `kept` symbols are done, the next is merged into the last of them or kept.
    let mut kept = 0usize;
    for i in 0..symbols.len() {
        let s = symbols[i];
        if let Some(last) = kept.checked_sub(1).and_then(|k| symbols.get_mut(k)) {
            if letter(last) && letter(&s) && last.ch == s.ch && last.edge & END == 0 && s.edge & START == 0 {
                last.count += s.count;
                last.edge |= s.edge;
                continue;
            }
        }
        symbols[kept] = s;
        kept += 1;
    }
    symbols.truncate(kept);
    symbols
}

/// A pattern of `symbols`, and what the words decided: how many doubled letters were not allowed
/// because the word with that letter doubled is an ordinary word (`scatt` for `scat`, `rapping`
/// for `raping`), and how many inner letters were. The last word of a prefix term (`prefix`) is
/// looked up as the beginning of a word.
fn build(
    stream: Stream,
    symbols: &[Symbol],
    open_start: bool,
    open_end: bool,
    words: Option<Words<'_>>,
    prefix: bool,
) -> (Pattern, WordReadings) {
    let mut decided = WordReadings::default();
    let mut lenient = vec![false; symbols.len()];
    for (range, open) in word_ranges(symbols, prefix) {
        let word = &symbols[range.clone()];
        let spelled = |extra: Option<usize>| letters(word, extra);
        // Whether the list knows the word (or, open, words it begins): where it does not (a
        // name's fragment, `esex` of `Essex`; a code), it cannot tell an evasion from a word.
        let known = words.is_some_and(|w| {
            let text = spelled(None);
            if open {
                w.begins_word.is_some_and(|begins| begins(&text))
            } else {
                (w.is_word)(&text)
            }
        });
        let last = word.len() - 1;
        for (k, s) in word.iter().enumerate() {
            // One asterisk inside a word may be two (`f**uck`, `f**ck` for `f*ck`; three or more
            // are an evasive run already): the word's one extra repeat.
            if s.ch == leet::STAR && s.count == 1 && k != 0 && k != last {
                lenient[range.start + k] = true;
                continue;
            }
            if s.word_letters != 0 && s.word_letters < LENIENT_WORD_LETTERS {
                continue;
            }
            if k == last {
                if s.edge & END == 0 {
                    continue; // an open end takes any longer run
                }
                // A doubled final letter (`fuckk`), unless English doubles it itself (`small`,
                // `class`) or the word so doubled is one (`scatt`); with the list, a doubled
                // `-s` of a word it knows that is not one (`followerss`).
                let english = ENGLISH_FINAL_DOUBLES.contains(&s.ch);
                match words {
                    None => lenient[range.start + k] = !english,
                    Some(w) if (w.is_word)(&spelled(Some(k))) => decided.left_out += usize::from(!english),
                    Some(_) if english && !known => {}
                    Some(_) => {
                        lenient[range.start + k] = true;
                        decided.added += usize::from(english);
                    }
                }
                continue;
            }
            // A letter inside (`fuuck`, `ffuck`): only with the list, in a word it knows, where
            // the word so doubled is not one (`rapping` for `raping`; in a prefix term's last
            // word, begins none: `rapper` for `rape*`).
            let Some(w) = words else { continue };
            if !known || s.count != 1 || s.ch.is_ascii_digit() {
                continue;
            }
            let doubled = spelled(Some(k));
            let ordinary =
                if open { w.begins_word.is_none_or(|begins| begins(&doubled)) } else { (w.is_word)(&doubled) };
            if ordinary {
                decided.left_out += 1;
            } else {
                lenient[range.start + k] = true;
                decided.added += 1;
            }
        }
    }
    let mut key = String::with_capacity(4 * symbols.len() + 8);
    for s in symbols {
        for &c in encode(s).chars() {
            key.push(c);
        }
    }
    let counts = symbols
        .iter()
        .zip(&lenient)
        .map(|(s, &lenient)| {
            s.count
                | if lenient { LENIENT } else { 0 }
                | if s.edge & FROM_ONE != 0 { NEEDS_ONE } else { 0 }
                | if s.edge & FROM_AT != 0 { NEEDS_AT } else { 0 }
                | match (s.edge & AFTER_ONE_SYMBOL != 0, s.gap) {
                    (true, Gap::Symbols) => NEEDS_SYMBOLS_GAP,
                    (true, _) => NEEDS_SYMBOL_GAP,
                    (false, _) => 0,
                }
                | if s.gap == Gap::Other { NEEDS_PUNCTUATION_GAP } else { 0 }
        })
        .collect();
    (
        Pattern {
            stream,
            key,
            counts,
            open_start,
            open_end,
            ideo: false,
            short_leet: false,
            short_digit: false,
            short_edge: false,
        },
        decided,
    )
}

/// The words of `symbols` as symbol ranges, from a word's first run to its last, and whether
/// the word is open: the last word of a prefix term (`prefix`), which may go on in the text.
fn word_ranges(symbols: &[Symbol], prefix: bool) -> Vec<(std::ops::Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, s) in symbols.iter().enumerate() {
        if s.kind != SymbolKind::Word {
            start = None;
            continue;
        }
        if s.edge & START != 0 {
            start = Some(i);
        }
        let last = i + 1 == symbols.len();
        if s.edge & END != 0 || (last && prefix) {
            if let Some(from) = start.take() {
                out.push((from..i + 1, prefix && last));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_that_mixes_emoji_and_text_keeps_its_emoji() {
        let parts = |t: &str| EmojiParts::of(t).map(|p| (p.before, p.inside, p.after));
        assert_eq!(parts("你好🐶"), Some((vec![], vec![], vec!['🐶'])));
        assert_eq!(parts("🍆 emoji*"), Some((vec!['🍆'], vec![], vec![])));
        assert_eq!(parts("go 🔥 away 🐶🐱"), Some((vec![], vec!['🔥'], vec!['🐶', '🐱'])));
        assert_eq!(parts("🔥🔥"), None, "emoji alone: the emoji stream's");
        assert_eq!(parts("go away"), None);
        // Skin tones and presentation selectors are read as the emoji's own.
        assert_eq!(parts("hi👍🏽\u{FE0F}"), parts("hi👍"));
        fn holds<'t>(term: &str, text: &'t str, at: &str) -> Option<&'t str> {
            let start = text.find(at).unwrap();
            EmojiParts::of(term).unwrap().holds(text, start, start + at.len()).map(|(s, e)| &text[s..e])
        }
        assert_eq!(holds("你好🐶", "你好🐶", "你好"), Some("你好🐶"));
        assert_eq!(holds("你好🐶", "你好  🐶!", "你好"), Some("你好  🐶"));
        assert_eq!(holds("你好🐶", "你好 , 🐶!", "你好"), None, "punctuation between");
        assert_eq!(holds("你好🐶", "你好。🐶", "你好"), None, "a sentence's end between");
        assert_eq!(holds("你好🐶", "你好🐶🐶 呀", "你好"), Some("你好🐶🐶"), "the run, not the space after");
        assert_eq!(holds("你好🐶", "你好🐶\u{FE0F}🏽", "你好"), Some("你好🐶\u{FE0F}🏽"));
        assert_eq!(holds("你好🐶", "你好", "你好"), None);
        assert_eq!(holds("你好🐶", "你好🐱", "你好"), None);
        assert_eq!(holds("你好🐶", "你好 呀🐶", "你好"), None, "a letter between");
        assert_eq!(holds("🍆emoji", "🍆 🔥 emoji", "emoji"), Some("🍆 🔥 emoji"));
        assert_eq!(holds("🍆emoji", "🍆, emoji", "emoji"), None);
        assert_eq!(holds("🍆emoji", "🍆 x emoji", "emoji"), None);
        assert_eq!(holds("go🔥away", "go 🔥 away", "go 🔥 away"), Some("go 🔥 away"));
        assert_eq!(holds("go🔥away", "go , away", "go , away"), None);
        assert_eq!(holds("go🐶🔥away", "go🔥🐶away", "go🔥🐶away"), None, "in order");
        // Only within reach: far emoji say nothing.
        let far = format!("你好{}🐶", " ".repeat(EMOJI_REACH));
        assert_eq!(holds("你好🐶", &far, "你好"), None);
    }

    #[test]
    fn a_number_term_is_spelled_in_every_numeral_of_its_digits() {
        let six_four = number_spellings("六四").unwrap_or_default();
        assert_eq!(six_four.first().map(String::as_str), Some("六四"));
        assert!(six_four.contains(&"陆肆".to_string()));
        // Unihan's other numerals are words of their own (`亖` is an old four, `两` the two of
        // `一两个`).
        for not in ["六亖", "两五"] {
            assert!(!six_four.contains(&not.to_string()), "{not}");
        }
        // Digits alone are a number of their own; digits beside an accounting or other numeral
        // are the `陆` of `大陆4月`; two numerals with a digit are the `（6）四` of a list.
        // (and `陆四`: `着陆四小时`, "landed four hours ago").
        for not in ["64", "陆4", "6肆", "6四", "六4", "陆四", "六肆"] {
            assert!(!six_four.contains(&not.to_string()), "{not}");
        }
        let unique: std::collections::BTreeSet<_> = six_four.iter().collect();
        assert_eq!(unique.len(), six_four.len());
        // Terms that are no number term keep their one spelling.
        for term in ["老二", "鸡八", "8964", "四", "傻逼", "六 and 四"] {
            assert_eq!(number_spellings(term), None, "{term}");
        }
        assert!(number_spellings("六 四").unwrap_or_default().contains(&"陆 肆".to_string()));
        // A long number: the written numerals, digits and decimal digits in every combination.
        let long = number_spellings("一九八九六四").unwrap_or_default();
        assert!(long.len() <= MAX_NUMBER_SPELLINGS + 8, "{}", long.len());
        for found in ["1989六四", "一九八九6四", "一9八9六4"] {
            assert!(long.contains(&found.to_string()), "{found}");
        }
        assert!(!long.contains(&"198964".to_string()));
    }

    /// How many of `p` are the main stream's (the spelled stream's are checked on their own).
    fn main_count(p: &[Pattern]) -> usize {
        p.iter().filter(|p| p.stream != Stream::Spelled).count()
    }

    fn spelled_keys(p: &[Pattern]) -> Vec<String> {
        p.iter().filter(|p| p.stream == Stream::Spelled).map(|p| p.key.clone()).collect()
    }

    #[test]
    fn terms_of_three_letters_or_more_are_looked_for_inside_spelled_out_words() {
        // All words joined, no edge (plain letters, not the edge characters), both ends open.
        let p = patterns("red packet").unwrap();
        assert_eq!(spelled_keys(&p), ["redpacket"]);
        assert!(p.iter().filter(|p| p.stream == Stream::Spelled).all(|p| p.open_start && p.open_end));
        assert_eq!(spelled_keys(&patterns("fuck*").unwrap()), ["fuck"]);
        assert_eq!(spelled_keys(&patterns("хуй").unwrap()).len(), 2, "as written and with Latin look-alikes");
        // Too short, a digit, CJK, emoji: none.
        for term in ["ok", "k8s", "傻逼", "加qq", "🖕"] {
            assert_eq!(spelled_keys(&patterns(term).unwrap()), Vec::<String>::new(), "{term}");
        }
        // A phrase joined into an ordinary word is that word, spelled out too.
        let is_word = |w: &str| matches!(w, "therapist" | "the" | "rapist" | "idiot");
        let words = Some(Words { is_word: &is_word, begins_word: None });
        assert!(spelled_keys(&patterns_with("the rapist", words).unwrap().0).is_empty());
        // With a word list, only terms of words it knows.
        assert_eq!(spelled_keys(&patterns_with("idiot", words).unwrap().0), ["idiot"]);
        assert!(spelled_keys(&patterns_with("idiotx", words).unwrap().0).is_empty());
    }

    #[test]
    fn phrases_have_a_pattern_per_junction_choice() {
        // Each twice: as written, and ending before a glued digit (the last word has three
        // letters or more).
        let p = patterns("red packet").unwrap();
        assert_eq!(main_count(&p), 2);
        let p = patterns("buy cheap followers now").unwrap();
        assert_eq!(main_count(&p), 8);
        let p = patterns("one two three four five").unwrap();
        assert_eq!(main_count(&p), 2, "many junctions: all kept, all joined");
        // `no go` kept ends in a word of two letters; joined, `nogo` has four.
        assert_eq!(main_count(&patterns("no go").unwrap()), 2);
    }

    #[test]
    fn joined_junctions_merge_equal_letters() {
        let p = patterns("red dog").unwrap();
        let counts: Vec<Vec<u32>> = p.iter().map(|p| p.counts.iter().map(|c| c & !COUNT_FLAGS).collect()).collect();
        assert!(counts.contains(&vec![1, 1, 2, 1, 1]), "{counts:?}");
    }

    #[test]
    fn readings_that_are_ordinary_words_are_left_out() {
        let is_word = |w: &str| matches!(w, "therapist" | "scatt" | "goddamn");
        let words = Some(Words { is_word: &is_word, begins_word: None });
        let (p, left_out) = patterns_with("the rapist", words).unwrap();
        assert_eq!((main_count(&p), left_out.left_out), (1, 1), "the joined reading is left out");
        let (p, left_out) = patterns_with("red packet", words).unwrap();
        assert_eq!((main_count(&p), left_out.left_out), (2, 0));
        let lenient = |term: &str| {
            let (p, _) = patterns_with(term, words).unwrap();
            p[0].counts.last().is_some_and(|c| c & LENIENT != 0)
        };
        assert!(!lenient("scat") && lenient("shit"), "a doubled final letter that makes a word");
        let (p, left_out) = patterns_with("god damn", words).unwrap();
        assert_eq!((main_count(&p), left_out.left_out), (1, 1));
    }

    #[test]
    fn a_terms_own_punctuation_asks_nothing_of_the_texts_gaps() {
        let needs_symbol = |p: &Pattern| p.counts.iter().any(|c| c & (NEEDS_SYMBOL_GAP | NEEDS_SYMBOLS_GAP) != 0);
        for term in ["buy, followers", "🖕, 🖕", "red -- packet"] {
            assert!(!patterns(term).unwrap().iter().any(needs_symbol), "{term}");
        }
    }

    #[test]
    fn prefix_terms_and_look_alikes_and_emoji() {
        assert_eq!(main_count(&patterns("ass*").unwrap()), 2);
        assert!(patterns("ass*").unwrap().iter().all(|p| p.open_end));
        assert_eq!(main_count(&patterns("хуй").unwrap()), 2, "as written and with Latin look-alikes");
        let e = patterns("🖕").unwrap();
        assert_eq!(e[0].stream, Stream::Emoji);
        assert_eq!(patterns("!!"), Err(TermError::NothingToMatch));
        assert!(patterns("傻逼").unwrap()[0].ideo);
    }
}
