//! What the normaliser knows about a code point, looked up in tables generated from Unicode's own
//! data by `crates/unicode-gen` (see its module docs for the sources, and DESIGN.md for the
//! rules). One lookup gives a character's class and whether it folds; folding gives what it
//! reads as.

#[path = "unicode_tables.rs"]
mod tables;

/// A fingerprint of the generated tables (precompiled matchers record it).
pub const FINGERPRINT: u64 = tables::FINGERPRINT;

/// What a character is to the normaliser (after folding, see [`fold`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    /// Spaces, punctuation, symbols, unassigned and private-use code points: between words.
    Gap = 0,
    /// Default-ignorable, format and control characters: read as nothing at all.
    Ignorable = 1,
    /// A combining mark that decorates the character before it (accents, enclosing circles).
    Mark = 2,
    /// A letter of a script written with spaces between words (and its own combining marks).
    Letter = 3,
    /// A letter of a script written without spaces (Han, kana, Hangul, Thai...).
    Ideo = 4,
    /// A decimal digit (folded to ASCII).
    Digit = 5,
    /// An emoji or pictograph.
    Emoji = 6,
    /// Punctuation that can end a sentence (Sentence_Terminal).
    Terminal = 7,
    /// A line break.
    Newline = 8,
    /// A paragraph break.
    Break = 9,
    /// A mark of one script (an Indic vowel sign, a Thai tone mark): part of a letter of its
    /// script, a decoration after anything else (`bàd` with a Devanagari nukta is `bad`).
    ScriptMark = 10,
}

const CLASSES: [Class; 16] = [
    Class::Gap,
    Class::Ignorable,
    Class::Mark,
    Class::Letter,
    Class::Ideo,
    Class::Digit,
    Class::Emoji,
    Class::Terminal,
    Class::Newline,
    Class::Break,
    Class::ScriptMark,
    Class::Gap,
    Class::Gap,
    Class::Gap,
    Class::Gap,
    Class::Gap,
];

const FOLD: u8 = 0x10;
const SKELETON: u8 = 0x20;
const RTL: u8 = 0x40;
const ALNUM: u8 = 0x80;

/// An explicit bidi formatting character (UAX #9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BidiControl {
    /// LEFT-TO-RIGHT EMBEDDING.
    Lre,
    /// RIGHT-TO-LEFT EMBEDDING.
    Rle,
    /// LEFT-TO-RIGHT OVERRIDE.
    Lro,
    /// RIGHT-TO-LEFT OVERRIDE.
    Rlo,
    /// POP DIRECTIONAL FORMATTING.
    Pdf,
    /// LEFT-TO-RIGHT ISOLATE.
    Lri,
    /// RIGHT-TO-LEFT ISOLATE.
    Rli,
    /// FIRST STRONG ISOLATE.
    Fsi,
    /// POP DIRECTIONAL ISOLATE.
    Pdi,
}

/// The class byte of a code point.
#[inline(always)]
fn byte(c: char) -> u8 {
    let cp = c as u32;
    if cp < tables::TABLE_LIMIT {
        let block = tables::BLOCK_INDEX[(cp >> tables::BLOCK_SHIFT) as usize] as usize;
        tables::BLOCKS[(block << tables::BLOCK_SHIFT) + (cp as usize & ((1 << tables::BLOCK_SHIFT) - 1))]
    } else if in_ranges(&tables::IGNORABLE_BEYOND, c) {
        Class::Ignorable as u8
    } else {
        Class::Gap as u8
    }
}

/// A code point's properties, from one table lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Info(u8);

impl Info {
    /// The properties of `c`.
    #[inline(always)]
    pub fn of(c: char) -> Self {
        Info(byte(c))
    }

    /// Its class (after folding: `Ａ` is a letter, `①` a digit).
    #[inline(always)]
    pub fn class(self) -> Class {
        CLASSES[usize::from(self.0 & 0x0F)]
    }

    /// Whether it reads as something else ([`fold`]).
    #[inline(always)]
    pub fn folds(self) -> bool {
        self.0 & FOLD != 0
    }

    /// Whether it is a non-Latin letter with a Latin look-alike ([`skeleton`]).
    #[inline(always)]
    pub fn has_skeleton(self) -> bool {
        self.0 & SKELETON != 0
    }

    /// Whether it is a strong right-to-left character (Bidi_Class R or AL).
    #[inline(always)]
    pub fn is_rtl(self) -> bool {
        self.0 & RTL != 0
    }

    /// Whether it is alphabetic or a number (Alphabetic, General_Category N*): what std's
    /// `char::is_alphanumeric` says of the Unicode version of the other tables, from the
    /// generated table (std's own lookup costs hundreds
    /// of instructions a non-ASCII character; `tests/evasion_generators.rs` compares the bit with
    /// regex-syntax's `\p{Alphabetic}` and `\p{N}` on every code point).
    #[inline(always)]
    pub fn is_alphanumeric(self) -> bool {
        self.0 & ALNUM != 0
    }
}

/// What `c` reads as, when [`Info::folds`]: compatibility decomposition, case folding, accents
/// removed, letter-like symbols as letters, Traditional and variant Chinese as Simplified,
/// katakana as hiragana, digits of every script as ASCII. Calls `each` with every character (a
/// fold can be several: `ß` is `ss`, `㍿` is `株式会社`); nothing when `c` does not fold.
#[inline]
pub fn fold(c: char, mut each: impl FnMut(char)) {
    let cp = c as u32;
    let Ok(at) = tables::FOLD_FROM.binary_search(&cp) else {
        each(c);
        return;
    };
    let Some(&to) = tables::FOLD_TO.get(at) else {
        each(c);
        return;
    };
    if to & 0x8000_0000 == 0 {
        each(char::from_u32(to).unwrap_or(c));
        return;
    }
    let (offset, len) = (((to >> 5) & ((1 << 26) - 1)) as usize, (to & 31) as usize);
    for folded in tables::FOLD_POOL.get(offset..offset + len).unwrap_or_default().chars() {
        each(folded);
    }
}

/// The ASCII letter a non-Latin letter looks like (UTS #39 confusables: Cyrillic `а` → `a`,
/// Greek `ο` → `o`, Cherokee `Ꭺ` → `a`), with the script's number, when [`Info::has_skeleton`].
/// `c` is the letter as folded (lowercase); `upper` says whether the text wrote it uppercase,
/// which is what a reader saw (`Ι` looks like `I`, `ι` like `i`). A lowercase letter that looks
/// like a Latin small capital (`κ` like `ĸ`, `в` like `ʙ`) reads as its uppercase form does.
#[inline]
pub fn skeleton(c: char, upper: bool) -> Option<(char, u8)> {
    match look_alike(c, upper)? {
        LookAlike::Unicode(letter, script) => Some((letter, script)),
        LookAlike::Weak(_) => None,
    }
}

/// What a non-Latin letter looks like ([`look_alike`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookAlike {
    /// By UTS #39: the ASCII letter and the letter's script number ([`skeleton`]).
    Unicode(char, u8),
    /// Only by the look-alike table of the npm package obscenity (from gc/confusables), where
    /// UTS #39 lists none: Canadian syllabics `ᗯ` as `w`, Ethiopic `ሁ` as `u`, Cyrillic `ф` as
    /// `o`; or, where that table lists none either, by what the crate decancer cures the letter
    /// to (`ψ` as `w`, `ζ` as `z`). A moderation convention, not Unicode's, so the normaliser
    /// reads it only inside a word that has ASCII letters (`ᖴᑌᑕK`, `pфrn`), and it never tells
    /// whether the text uses the letter's script.
    Weak(char),
}

/// [`skeleton`], or else the weak look-alike of `c`: one lookup for both.
#[inline]
pub fn look_alike(c: char, upper: bool) -> Option<LookAlike> {
    let cp = c as u32;
    let at = match SKELETONS_NEAR.get(cp.wrapping_sub(NEAR_FIRST) as usize) {
        Some(&at) => usize::from(at).checked_sub(1)?,
        None => skeleton_index(cp)?,
    };
    look_alike_at(at, upper)
}

/// What row `at` of [`tables::SKELETONS`] says the letter looks like, written `upper` or not.
fn look_alike_at(at: usize, upper: bool) -> Option<LookAlike> {
    let (_, lower, upper_form, script) = *tables::SKELETONS.get(at)?;
    let letter = if upper { upper_form } else { lower };
    match (letter, script & WEAK_LOOK_ALIKE) {
        (0, _) => None,
        (letter, 0) => Some(LookAlike::Unicode(char::from(letter), script)),
        (letter, _) => Some(LookAlike::Weak(char::from(letter))),
    }
}

/// The script byte of a [`LookAlike::Weak`] (generated with the tables' `WEAK_LOOK_ALIKE`).
const WEAK_LOOK_ALIKE: u8 = 0x80;

/// What a lowercase Latin letter is drawn as upside down (`f` as `ɟ`, `u` as `n`, `k` as `ʞ`),
/// from the npm package flip-text's table (Unicode has no data for it); `None` for a letter that
/// looks the same (`l`, `o`, `s`, `x`, `z`) and for anything else.
#[inline]
pub fn upside_down(c: char) -> Option<&'static str> {
    drawn_in(&tables::UPSIDE_DOWN, c)
}

/// What a capital Latin letter is drawn as upside down (`F` as `Ⅎ`, `T` as `⊥`, `W` as `M`), from
/// the same table; `None` for a capital it has no drawing for (`K`, `S`: the package draws its
/// small letter, `ʞ`, or writes it as it is) and for anything else.
#[inline]
pub fn upside_down_capital(c: char) -> Option<&'static str> {
    drawn_in(&tables::UPSIDE_DOWN_CAPITALS, c)
}

/// What a lowercase Latin letter is drawn as upside down by another generator than flip-text, the
/// npm package lunicode's `flip` tool (`i` as `ı` DOTLESS I, `g` as `ɓ`; the others as flip-text
/// draws them); `None` for a letter it writes as it is.
#[inline]
pub fn upside_down_lunicode(c: char) -> Option<&'static str> {
    drawn_in(&tables::LUNICODE_UPSIDE_DOWN, c)
}

/// What a lowercase Latin letter is drawn as mirrored, by the npm package lunicode's `mirror`
/// tool (`a` as `ɒ`, `s` as `ꙅ`, `l` as `|`; text mirrored is also written backwards); `None` for
/// a letter that looks the same (`i`, `o`, `x`).
#[inline]
pub fn mirrored_lunicode(c: char) -> Option<&'static str> {
    drawn_in(&tables::LUNICODE_MIRRORED, c)
}

/// What a capital Latin letter is drawn as upside down by lunicode's `flip` tool (`B` as `ᙠ`, `D`
/// as `ᗡ`, `T` as `⊥`); `None` for a capital it writes as it is (`H`, `S`).
#[inline]
pub fn upside_down_capital_lunicode(c: char) -> Option<&'static str> {
    drawn_in(&tables::LUNICODE_UPSIDE_DOWN_CAPITALS, c)
}

/// What a capital Latin letter is drawn as mirrored by lunicode's `mirror` tool (`S` as `Ꙅ`, `R`
/// as `Я`); `None` for a capital it writes as it is (`A`, `H`).
#[inline]
pub fn mirrored_capital_lunicode(c: char) -> Option<&'static str> {
    drawn_in(&tables::LUNICODE_MIRRORED_CAPITALS, c)
}

/// What `c` is drawn as in `table` (letters sorted, each with its drawing).
#[inline]
fn drawn_in(table: &[(char, &'static str)], c: char) -> Option<&'static str> {
    let at = table.binary_search_by_key(&c, |&(letter, _)| letter).ok()?;
    table.get(at).map(|&(_, drawn)| drawn)
}

/// Whether `c` is in one of the sorted, disjoint `ranges`.
#[inline]
fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    let at = ranges.partition_point(|&(first, _)| first <= cp);
    at.checked_sub(1).and_then(|i| ranges.get(i)).is_some_and(|&(_, last)| cp <= last)
}

/// Whether `c` is a Han letter: an ideograph (Script=Han, General_Category=Lo), not `〇`, `々` or
/// a radical.
#[inline]
pub fn is_han_letter(c: char) -> bool {
    in_ranges(&tables::HAN_LETTERS, c)
}

/// Whether `c` is a phonetic letter of an East Asian script: a kana, a Bopomofo letter or a
/// Hangul letter other than a syllable block (`の`, `ㄉ`, `ㅋ`): one alone between two Han
/// letters is a filler (`傻の逼`).
#[inline]
pub fn is_phonetic_letter(c: char) -> bool {
    // Asked of every ideo letter: the Han ideographs, most of them, ruled out at once.
    if (HAN_BLOCKS.0..HAN_BLOCKS.1).contains(&(c as u32)) {
        return false;
    }
    in_ranges(&tables::PHONETIC_LETTERS, c)
}

/// Whether `c` is a Hangul letter other than a syllable block (`ㅋ`, `ㅎ`, `ㅠ`): a run of them
/// between two Han letters is one filler (`操你ㅋㅋ妈`). Asked only of an ideo letter held or
/// after a held one.
#[inline]
pub fn is_hangul_letter(c: char) -> bool {
    in_ranges(&tables::HANGUL_LETTERS, c)
}

/// Whether `c` is a Bopomofo letter (`ㄉ`, `ㄜ`): like Hangul letters, a run of them between two
/// Han letters is one filler (`傻ㄉㄜ逼`). Asked only of a phonetic letter held.
#[inline]
pub fn is_bopomofo_letter(c: char) -> bool {
    in_ranges(&tables::BOPOMOFO_LETTERS, c)
}

/// CJK Unified Ideographs Extension A to the end of the Unified Ideographs (U+3400–U+9FFF) and
/// Yi (to U+A95F): no phonetic letter among them (checked below, at compile time).
const HAN_BLOCKS: (u32, u32) = (0x3400, 0xA960);
const _: () = {
    let mut i = 0;
    while i < tables::PHONETIC_LETTERS.len() {
        let (first, last) = tables::PHONETIC_LETTERS[i];
        assert!(last < HAN_BLOCKS.0 || first >= HAN_BLOCKS.1, "a phonetic letter among the Han blocks");
        i += 1;
    }
};

/// The lowercase ASCII letter a currency sign is drawn as (`₣` `f`, `₵` `c`, `₭` `k`, `¥` `y`),
/// by UTS #39's skeletons, the confusables table of the npm package obscenity, and decancer (see
/// the generator's `symbol_letters`); `None` for anything else.
#[inline]
pub fn symbol_letter(c: char) -> Option<char> {
    if c < '\u{A2}' {
        return None;
    }
    let at = tables::SYMBOL_LETTERS.binary_search_by_key(&c, |&(sign, _)| sign).ok()?;
    tables::SYMBOL_LETTERS.get(at).map(|&(_, letter)| letter)
}

/// The digit a Han numeral as read stands for: CLDR's decimal Han digits (`〇一二三四五六七八九`)
/// and Chinese financial numerals (`零壹贰叁肆伍陆柒捌玖`; `陸` reads `陆`), or `None` (Unihan's
/// other numerals, `两`, `仨`, are words of their own).
#[inline]
pub fn han_digit(c: char) -> Option<u8> {
    let at = tables::HAN_DIGITS.binary_search_by_key(&(c as u32), |&(numeral, _)| numeral).ok()?;
    tables::HAN_DIGITS.get(at).map(|&(_, digit)| digit)
}

/// Every Han numeral (as read) of `digit`, in code point order.
pub fn han_numerals(digit: u8) -> impl Iterator<Item = char> {
    tables::HAN_DIGITS.iter().filter(move |&&(_, d)| d == digit).filter_map(|&(numeral, _)| char::from_u32(numeral))
}

/// CLDR's decimal Han digit for `digit` (the `hanidec` numbering system: `〇一二三四五六七八九`),
/// the Han numerals Chinese writes digits with; `None` above 9.
pub fn han_decimal_digit(digit: u8) -> Option<char> {
    tables::HAN_DECIMAL_DIGITS.get(usize::from(digit)).copied()
}

/// Whether `c` is a quotation mark (Quotation_Mark: `'`, `’`, `"`, `«`, `「`...) or a punctuation
/// mark or symbol read as `'` (UTS #39 draws it so: `′`, `` ` ``, `՚`; since 2026-12-07), whose
/// one character inside a word makes a contraction (`it's`, `we'd`), not a hidden letter.
#[inline]
pub fn is_quotation_mark(c: char) -> bool {
    let cp = c as u32;
    if cp < 128 {
        return ASCII_QUOTATION_MARKS >> cp & 1 != 0; // most gaps: one shift, no search
    }
    tables::QUOTATION_MARKS.binary_search(&cp).is_ok()
}

/// Whether `c` is a modifier letter of no script drawn as the apostrophe (UTS #39 skeleton `'`:
/// `ʼ`, which some keyboards type for it, `ʹ`). Inside a word it is read as nothing
/// (`fʼuʼcʼk`), except before the ending of an English contraction (`Whoʼre`).
pub fn is_apostrophe_letter(c: char) -> bool {
    let cp = c as u32;
    cp >= 0x80 && tables::APOSTROPHE_LETTERS.binary_search(&cp).is_ok()
}

/// Whether `c` is a shape a censor prints over a hidden character (`○`, `●`, `□`, `■`, `×`,
/// `✕`, `※`: by name, `CENSOR_MARKS` in the generated tables). Between two Han letters one to
/// three of them are read as asterisks are (`操○妈`, `他××的`; between kana only one circle alone, `ま○こ`: [`is_censor_circle`]; not `ねえ○○ちゃん`).
pub fn is_censor_mark(c: char) -> bool {
    let cp = c as u32;
    cp >= 0xD7 && tables::CENSOR_MARKS.binary_search(&cp).is_ok()
}

/// Whether `c` is a circle among the censor's shapes ([`is_censor_mark`]: `○`, `●`, `◯`, by
/// name): one alone between two kana is a fuseji, a hidden kana (`ま○こ`).
pub fn is_censor_circle(c: char) -> bool {
    tables::CENSOR_CIRCLES.binary_search(&(c as u32)).is_ok()
}

/// Whether `c` is a kana letter (as folded, hiragana): a phonetic letter neither Bopomofo nor
/// Hangul ([`is_phonetic_letter`]).
pub fn is_kana_letter(c: char) -> bool {
    is_phonetic_letter(c) && !is_hangul_letter(c) && !is_bopomofo_letter(c)
}

/// The ASCII members of [`tables::QUOTATION_MARKS`], one bit each.
const ASCII_QUOTATION_MARKS: u128 = {
    let mut bits = 0u128;
    let mut i = 0;
    while i < tables::QUOTATION_MARKS.len() {
        if tables::QUOTATION_MARKS[i] < 128 {
            bits |= 1 << tables::QUOTATION_MARKS[i];
        }
        i += 1;
    }
    bits
};

/// The kana (as folded: hiragana) drawn like the Han character `han` (as folded), from UTS #39:
/// `ロ` like `口`, `ハ` like `八`, `エ` like `工` (12 of them).
#[inline]
pub fn kana_look_alike(han: char) -> Option<char> {
    let at = tables::KANA_LOOK_ALIKES.binary_search_by_key(&(han as u32), |&(han, _)| han).ok()?;
    tables::KANA_LOOK_ALIKES.get(at).and_then(|&(_, kana)| char::from_u32(kana))
}

/// Whether `c`, as written, is katakana (full- or half-width) drawn like a Han character: the
/// text's `ロ`, `ﾛ`, not the hiragana `ろ` it folds to.
#[inline]
pub fn is_katakana_look_alike(c: char, folded: char) -> bool {
    matches!(c as u32, 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
        && tables::KANA_LOOK_ALIKES.iter().any(|&(_, kana)| kana == folded as u32)
}

/// Where `cp` is in [`tables::SKELETONS`].
fn skeleton_index(cp: u32) -> Option<usize> {
    tables::SKELETONS.binary_search_by_key(&cp, |&(cp, _, _, _)| cp).ok()
}

/// The first code point of [`SKELETONS_NEAR`].
const NEAR_FIRST: u32 = 0x300;
/// For U+0300–U+05FF (Greek, Cyrillic, Armenian: the look-alikes met most), each code point's
/// index in [`tables::SKELETONS`] plus one (0: none): one load instead of a binary search, for the
/// scripts whose text is full of look-alikes.
const _: () = assert!(tables::SKELETONS.len() < u16::MAX as usize, "SKELETONS_NEAR's indices are u16");
static SKELETONS_NEAR: [u16; 0x300] = {
    let mut near = [0u16; 0x300];
    let mut i = 0;
    while i < tables::SKELETONS.len() {
        let at = tables::SKELETONS[i].0.wrapping_sub(NEAR_FIRST) as usize;
        if at < near.len() {
            near[at] = i as u16 + 1;
        }
        i += 1;
    }
    near
};

/// Scripts that have letters with Latin look-alikes are numbered 1 to 15 (15: any other).
pub const SCRIPTS: usize = 16;

/// The script number (1 to 14) of a letter of a script with Latin look-alikes; 0 for any other,
/// including the scripts numbered 15 in [`skeleton`] (Hebrew, Arabic...), which have no ranges.
#[inline]
pub fn look_alike_script(c: char) -> u8 {
    let cp = c as u32;
    let ranges = &tables::SCRIPT_RANGES;
    let at = ranges.partition_point(|&(first, _, _)| first <= cp);
    match at.checked_sub(1).and_then(|i| ranges.get(i)) {
        Some(&(_, last, script)) if cp <= last => script,
        _ => 0,
    }
}

/// The letter that `letter` followed by decorating mark `mark` reads as, when the mark changes
/// it (kana voicing marks: `か` + U+3099 is `が`); from Unicode's canonical composition.
#[inline]
pub fn compose(letter: char, mark: char) -> Option<char> {
    let key = (letter as u32, mark as u32);
    let at = tables::COMPOSITIONS.binary_search_by_key(&key, |&(l, m, _)| (l, m)).ok()?;
    char::from_u32(tables::COMPOSITIONS[at].2)
}

// The Standard's constants of Hangul composition (section 3.12).
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;

/// Whether `c` is a precomposed Hangul syllable (U+AC00–U+D7A3, the Standard's `SBase` to
/// `SBase + SCount`: every syllable is there, by construction).
#[inline]
pub fn is_hangul_syllable(c: char) -> bool {
    (c as u32).wrapping_sub(S_BASE) < L_COUNT * N_COUNT
}

/// The Hangul syllable that `held` (a leading consonant jamo, or a syllable with no final
/// consonant) followed by the conjoining jamo `next` (a vowel, or a final consonant) composes to,
/// by the Unicode Standard's own arithmetic (section 3.12, "Conjoining Jamo Behavior"): text in
/// NFD spells `씨발` as five jamo, which read as one syllable each otherwise.
#[inline]
pub fn compose_hangul(held: char, next: char) -> Option<char> {
    let (h, n) = (held as u32, next as u32);
    if (L_BASE..L_BASE + L_COUNT).contains(&h) && (V_BASE..V_BASE + V_COUNT).contains(&n) {
        return char::from_u32(S_BASE + (h - L_BASE) * N_COUNT + (n - V_BASE) * T_COUNT);
    }
    if is_hangul_syllable(held) && (h - S_BASE) % T_COUNT == 0 && (T_BASE + 1..T_BASE + T_COUNT).contains(&n) {
        return char::from_u32(h + (n - T_BASE));
    }
    None
}

/// What a compatibility or half-width Hangul letter (`ㅆ`, `ㅣ`, `ﾾ`) is when someone types a
/// syllable out letter by letter (`ㅆㅣㅂㅏㄹ` for `씨발`): the conjoining jamo it is as a
/// syllable's lead consonant, its vowel or its final consonant (most consonants can be a lead or
/// a final; `ㄸ` only a lead, `ㄳ` only a final). Generated from NFKD and the jamo's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpelledJamo {
    /// As a lead consonant (CHOSEONG).
    pub lead: Option<char>,
    /// As a vowel (JUNGSEONG).
    pub vowel: Option<char>,
    /// As a final consonant (JONGSEONG).
    pub tail: Option<char>,
}

/// What `c` spells if it is a modern compatibility or half-width Hangul letter (see
/// [`SpelledJamo`]).
#[inline]
pub fn spelled_jamo(c: char) -> Option<SpelledJamo> {
    let cp = c as u32;
    if !matches!(cp, 0x3131..=0x318E | 0xFFA0..=0xFFDC) {
        return None;
    }
    let table = &tables::SPELLED_JAMO;
    let at = table.binary_search_by_key(&cp, |&(letter, ..)| letter).ok()?;
    let &(_, lead, vowel, tail) = table.get(at)?;
    let jamo = |j: u32| if j == 0 { None } else { char::from_u32(j) };
    Some(SpelledJamo { lead: jamo(lead), vowel: jamo(vowel), tail: jamo(tail) })
}

/// Whether mark `mark` (class [`Class::ScriptMark`]) belongs to the script of letter `letter`
/// (a Devanagari vowel sign after a Devanagari letter; not a Thai mark after a Han character).
#[inline]
pub fn same_mark_script(letter: char, mark: char) -> bool {
    let script = |c: char| {
        let cp = c as u32;
        let ranges = &tables::MARK_SCRIPT_RANGES;
        let at = ranges.partition_point(|&(first, _, _)| first <= cp);
        match at.checked_sub(1).and_then(|i| ranges.get(i)) {
            Some(&(_, last, script)) if cp <= last => script,
            _ => 0,
        }
    };
    let of_mark = script(mark);
    of_mark != 0 && of_mark == script(letter)
}

/// Whether `c` is a regional indicator symbol: a letter to a reader (`🇫🇺🇨🇰`), except that two of
/// them alone are a flag (`🇺🇸`).
#[inline]
pub fn is_regional_indicator(c: char) -> bool {
    let (first, last) = tables::REGIONAL_INDICATORS;
    (first..=last).contains(&(c as u32))
}

/// COMBINING ENCLOSING KEYCAP: after a digit, `#` or `*` it makes an emoji keycap (UTS #51's
/// emoji keycap sequence), not a digit.
pub const KEYCAP: char = '\u{20E3}';

/// The explicit bidi control `c` is, if any.
#[inline]
pub fn bidi_control(c: char) -> Option<BidiControl> {
    if !matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069) {
        return None;
    }
    tables::BIDI_CONTROLS.iter().find(|(ch, _)| *ch == c).map(|&(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(c: char) -> String {
        let mut out = String::new();
        fold(c, |f| out.push(f));
        out
    }

    /// The normaliser folds once, so every fold must be final: what a character folds to folds
    /// to itself (before 2026-12-03, `麼` folded to `么` and `么` to `幺`, and 11 Latin letters to
    /// small capitals that fold on to ASCII).
    #[test]
    fn every_fold_is_final() {
        let mut not_final = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if !Info::of(c).folds() {
                continue;
            }
            let once = folded(c);
            let twice: String =
                once.chars().map(|f| if Info::of(f).folds() { folded(f) } else { f.to_string() }).collect();
            if twice != once {
                not_final.push(format!("{c} U+{:04X}: {once:?} then {twice:?}", c as u32));
            }
        }
        assert!(not_final.is_empty(), "{} folds not final:\n{}", not_final.len(), not_final.join("\n"));
    }

    #[test]
    fn classes_from_unicode_data() {
        let cases = [
            ('a', Class::Letter),
            ('Ａ', Class::Letter),
            ('é', Class::Letter),
            ('д', Class::Letter),
            ('傻', Class::Ideo),
            ('カ', Class::Ideo),
            ('한', Class::Ideo),
            ('ก', Class::Ideo),
            ('7', Class::Digit),
            ('٣', Class::Digit),
            ('①', Class::Digit),
            ('🅰', Class::Letter),
            ('🇦', Class::Letter),
            ('😀', Class::Emoji),
            ('🖕', Class::Emoji),
            (' ', Class::Gap),
            ('\u{3000}', Class::Gap),
            ('\u{2009}', Class::Gap),
            ('、', Class::Gap),
            ('★', Class::Gap),
            ('.', Class::Terminal),
            ('。', Class::Terminal),
            ('？', Class::Terminal),
            ('\n', Class::Newline),
            ('\u{2029}', Class::Break),
            ('\u{200B}', Class::Ignorable),
            ('\u{00AD}', Class::Ignorable),
            ('\u{202E}', Class::Ignorable),
            ('\u{E0041}', Class::Ignorable),
            ('\u{1}', Class::Ignorable),
            ('\u{0301}', Class::Mark),
            ('\u{20DD}', Class::Mark),
            ('\u{10FFFD}', Class::Gap),
        ];
        for (c, class) in cases {
            assert_eq!(Info::of(c).class(), class, "U+{:04X} {c}", c as u32);
        }
    }

    #[test]
    fn folds() {
        let cases = [
            ('A', "a"),
            ('Ａ', "a"),
            ('𝐀', "a"),
            ('🅰', "a"),
            ('🇦', "a"),
            ('ᴀ', "a"),
            ('ı', "i"),
            ('ø', "o"),
            ('é', "e"),
            ('ß', "ss"),
            ('ﬁ', "fi"),
            ('①', "1"),
            ('٣', "3"),
            ('⒜', "a"),
            ('這', "这"),
            ('裏', "里"),
            ('カ', "か"),
            ('ｶ', "か"),
            ('ガ', "が"),
            ('㍿', "株式会社"),
            ('С', "с"),
            ('＠', "@"),
        ];
        for (c, expected) in cases {
            assert_eq!(folded(c), expected, "U+{:04X} {c}", c as u32);
        }
        assert_eq!(folded('a'), "a");
        assert_eq!(folded('傻'), "傻");
    }

    #[test]
    fn look_alikes_and_scripts() {
        assert_eq!(skeleton('а', false).map(|(l, _)| l), Some('a'));
        assert_eq!(skeleton('ο', false).map(|(l, _)| l), Some('o'));
        assert_eq!(skeleton('κ', true).map(|(l, _)| l), Some('k'), "Κ looks like K");
        assert_eq!(skeleton('κ', false).map(|(l, _)| l), Some('k'), "κ looks like ĸ, a small capital K");
        assert_eq!(skeleton('в', false).map(|(l, _)| l), Some('b'), "в looks like ʙ, a small capital B");
        assert_eq!(skeleton('ι', true).map(|(l, _)| l), Some('i'), "Ι looks like I");
        assert_eq!(skeleton('ι', false).map(|(l, _)| l), Some('i'), "ι looks like i");
        assert_eq!(skeleton('и', false), None, "и looks like ᴎ, no Latin letter");
        assert_eq!(look_alike('ᗯ', false), Some(LookAlike::Weak('w')), "obscenity's table only");
        assert_eq!(look_alike('ф', true), Some(LookAlike::Weak('o')));
        assert_eq!(skeleton('ф', false), None);
        assert_eq!(look_alike('а', false), Some(LookAlike::Unicode('a', look_alike_script('а'))));
    }

    #[test]
    fn the_near_skeleton_table_agrees_with_the_search() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let searched = skeleton_index(c as u32);
            for upper in [false, true] {
                let expected = searched.and_then(|at| look_alike_at(at, upper));
                assert_eq!(look_alike(c, upper), expected, "{c:?}");
                let unicode = match expected {
                    Some(LookAlike::Unicode(letter, script)) => Some((letter, script)),
                    _ => None,
                };
                assert_eq!(skeleton(c, upper), unicode, "{c:?}");
            }
        }
        assert_eq!(skeleton('к', true).map(|(l, _)| l), Some('k'), "К looks like K");
        assert!(Info::of('а').has_skeleton());
        assert!(!Info::of('a').has_skeleton());
        assert_eq!(skeleton('я', false), None);
        let cyrillic = look_alike_script('я');
        assert_ne!(cyrillic, 0);
        assert_eq!(look_alike_script('а'), cyrillic);
        assert_eq!(look_alike_script('a'), 0);
        assert_ne!(look_alike_script('λ'), cyrillic);
    }

    #[test]
    fn bidi_controls() {
        assert_eq!(bidi_control('\u{202E}'), Some(BidiControl::Rlo));
        assert_eq!(bidi_control('\u{2069}'), Some(BidiControl::Pdi));
        assert_eq!(bidi_control('\u{200F}'), None);
        assert!(Info::of('א').is_rtl());
        assert!(!Info::of('a').is_rtl());
    }
}
