//! Leetspeak: digits and symbols written for letters. Unicode has no data for this (it is a
//! habit, not a property of the characters), so this is the one hand-written table of the
//! normaliser; every other rule comes from Unicode's data (`unicode_data.rs`), the currency signs
//! drawn as letters (`₣`, `₵`, `₭`) included: [`symbol`] reads them from there, after this
//! table.

/// Where in a word a symbol may stand for a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Positions {
    /// Before a letter, at the start of a word (`@ss`, `$hit`).
    pub start: bool,
    /// Between two letters (`sh!t`, `a$$hole`).
    pub inner: bool,
    /// After a letter, at the end of a word (`a$$`).
    pub end: bool,
}

const START: u8 = 1;
const INNER: u8 = 2;
const END: u8 = 4;

/// What an asterisk between two letters is read as: a letter that stands for any letter
/// (`f*ck`, `f**k`). It is no letter a text writes (U+2217 ASTERISK OPERATOR is a symbol, so a gap):
/// only a term's spellings that hide a letter behind it (made with a word list) match it.
pub const STAR: char = '\u{2217}';

/// Symbols read as letters, with the positions where they are (as folded: `＠` is `@`).
const SYMBOLS: [(char, char, u8); 13] = [
    ('@', 'a', START | INNER | END),
    ('$', 's', START | INNER | END),
    ('!', 'i', INNER),
    ('|', 'i', INNER),
    ('+', 't', INNER | END),
    // At a word's end too (`whor€`, since 2026-12-04): a price puts digits before it (`5€`).
    // At a word's start too (`€scort`, since 2026-12-05): a price puts digits after it (`€5`),
    // and a sign stands for a letter only before a letter.
    ('€', 'e', START | INNER | END),
    ('£', 'l', INNER),
    ('¡', 'i', START | INNER),
    ('(', 'c', INNER),
    ('§', 's', START | INNER),
    // A cent sign for a `c` (`¢unt`, `fu¢k`; since 2026-12-04): after digits it ends a price
    // (`50¢`), and no word of letters starts or goes on with one.
    ('¢', 'c', START | INNER),
    ('*', STAR, INNER),
    // A number sign hides a letter as an asterisk does (`f##k`, `a##hole`, `sh#t`; since
    // 2026-12-04): censors and grawlixes write it so. A tag starts with one, a key ends with one
    // (`#fuck`, `C#`): those stay gaps.
    ('#', STAR, INNER),
];

/// Every symbol may stand between two letters (`sh!t`, `a$$hole`): the normaliser reads the
/// symbols inside a word as its letters without asking each.
pub const EVERY_SYMBOL_INNER: bool = {
    let mut i = 0;
    while i < SYMBOLS.len() && SYMBOLS[i].2 & INNER != 0 {
        i += 1;
    }
    i == SYMBOLS.len()
};
const _: () =
    assert!(EVERY_SYMBOL_INNER, "a leet symbol that cannot stand inside a word: `symbols_before_letter` must ask");

/// The letter a symbol stands for, and where it may.
#[inline]
pub fn symbol(c: char) -> Option<(char, Positions)> {
    // Every symbol but `€` is below U+0100: a table lookup there, one comparison elsewhere
    // (this runs for every punctuation character of every text).
    let at = match SYMBOL_AT.get(c as usize) {
        Some(&at) => at,
        None if c == EURO => EURO_AT,
        None => NONE,
    };
    let Some(&(_, letter, positions)) = SYMBOLS.get(usize::from(at)) else {
        // Else a currency sign drawn as a letter, by Unicode's and fancy-text tables (`₣`, `₵`,
        // `₭`, `¥`): read where `$` is.
        let letter = crate::unicode_data::symbol_letter(c)?;
        return Some((letter, Positions { start: true, inner: true, end: true }));
    };
    Some((
        letter,
        Positions { start: positions & START != 0, inner: positions & INNER != 0, end: positions & END != 0 },
    ))
}

/// Whether `c` is a currency sign drawn as a letter (`₣`, `₵`, `₭`, `€`, `¢`; from
/// `unicode_data`): a letter of the "currency" font, so runs of them are words.
#[inline]
pub fn drawn_sign(c: char) -> bool {
    crate::unicode_data::symbol_letter(c).is_some()
}

/// Whether an ASCII byte is a leet symbol (for tables built at compile time).
pub const fn is_symbol_byte(b: u8) -> bool {
    SYMBOL_AT[b as usize] != NONE
}

/// No symbol here ([`SYMBOL_AT`]).
const NONE: u8 = u8::MAX;

const EURO: char = '€';
/// The index of `€` in [`SYMBOLS`].
const EURO_AT: u8 = {
    let mut i = 0;
    while SYMBOLS[i].0 != EURO {
        i += 1;
    }
    i as u8
};

/// For each code point below U+0100, its index in [`SYMBOLS`] or [`NONE`].
const SYMBOL_AT: [u8; 256] = {
    let mut table = [NONE; 256];
    let mut i = 0;
    while i < SYMBOLS.len() {
        let c = SYMBOLS[i].0 as usize;
        if c < 256 {
            table[c] = i as u8;
        } else {
            assert!(SYMBOLS[i].0 == EURO, "a symbol above U+00FF other than the euro sign");
        }
        i += 1;
    }
    table
};

/// Two to four ASCII symbols drawn together as one letter (`|_|` for `u`, `()` for `o`, `\\/\\/`
/// for `w`, `|<` for `k`). Grouped by first byte, longest first in each group (the first that
/// fits is the longest). The normaliser reads one as its letter where it touches letters of a
/// word (see [`sequence`]).
const SEQUENCES: [(&[u8], char); 20] = [
    (b"|\\/|", 'm'),
    (b"|_|", 'u'),
    (b"|-|", 'h'),
    (b"|\\|", 'n'),
    (b"|)", 'd'),
    (b"|>", 'p'),
    (b"|<", 'k'),
    (b"|{", 'k'),
    (b"|_", 'l'),
    (b"|3", 'b'),
    (b"|2", 'r'),
    (b"/\\/\\", 'm'),
    (b"/\\", 'a'),
    (b"\\/\\/", 'w'),
    (b"\\/", 'v'),
    (b"(_)", 'u'),
    (b"()", 'o'),
    (b"[]", 'o'),
    (b"}{", 'h'),
    (b"><", 'x'),
];

/// For each ASCII byte, the first index in [`SEQUENCES`] of the runs it begins and how many
/// there are (0: it begins none).
const GROUPS: [(u8, u8); 128] = {
    let mut groups = [(0u8, 0u8); 128];
    let mut i = 0;
    while i < SEQUENCES.len() {
        let first = SEQUENCES[i].0[0] as usize;
        assert!(first < 128, "ASCII only");
        if groups[first].1 == 0 {
            groups[first].0 = i as u8;
        } else {
            assert!(groups[first].0 as usize + groups[first].1 as usize == i, "grouped by first byte");
            let previous = SEQUENCES[i - 1].0.len();
            assert!(SEQUENCES[i].0.len() <= previous, "longest first");
        }
        groups[first].1 += 1;
        i += 1;
    }
    groups
};

/// For each ASCII byte, the second bytes of the runs it begins, as bits (one test rules out most
/// texts: a `|` before a letter begins none).
const SECONDS: [u128; 128] = {
    let mut seconds = [0u128; 128];
    let mut i = 0;
    while i < SEQUENCES.len() {
        let drawn = SEQUENCES[i].0;
        assert!(drawn.len() >= 2 && drawn[1] < 128, "two ASCII bytes or more");
        seconds[drawn[0] as usize] |= 1u128 << drawn[1];
        i += 1;
    }
    seconds
};

/// Every run of symbols drawn as one letter, with its letter.
pub fn sequences() -> &'static [(&'static [u8], char)] {
    &SEQUENCES
}

/// Whether an ASCII byte may begin one of the runs of [`sequences`] (one load).
#[inline(always)]
pub const fn begins_sequence(b: u8) -> bool {
    (b as usize) < GROUPS.len() && GROUPS[b as usize].1 != 0
}

/// The letter the symbols at the start of `bytes` draw together, and how many bytes they take:
/// the longest of the runs of [`sequences`] that begins `bytes`.
#[inline]
pub fn sequence(bytes: &[u8]) -> Option<(char, usize)> {
    let (&first, &second) = (bytes.first()?, bytes.get(1)?);
    if second >= 128 || SECONDS.get(usize::from(first))? >> second & 1 == 0 {
        return None;
    }
    let &(at, n) = GROUPS.get(usize::from(first))?;
    let group = SEQUENCES.get(usize::from(at)..usize::from(at) + usize::from(n))?;
    // Byte by byte (a slice comparison calls `memcmp` for two to four bytes).
    let fits = |drawn: &[u8]| drawn.len() <= bytes.len() && drawn.iter().zip(bytes).all(|(a, b)| a == b);
    group.iter().find(|(drawn, _)| fits(drawn)).map(|&(drawn, letter)| (letter, drawn.len()))
}

/// The letter an ASCII digit stands for, when it stands for one.
#[inline]
pub fn digit(c: char) -> Option<char> {
    match c {
        '0' => Some('o'),
        '1' => Some('i'),
        '3' => Some('e'),
        '4' => Some('a'),
        '5' => Some('s'),
        '7' => Some('t'),
        '8' => Some('b'),
        '9' => Some('g'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sequence_begins_with_a_listed_byte_and_is_found_whole() {
        for &(drawn, letter) in &SEQUENCES {
            assert!(
                drawn.len() >= 2 && drawn.iter().all(|b| b.is_ascii_punctuation() || b.is_ascii_digit()),
                "{drawn:?}"
            );
            assert!(begins_sequence(drawn[0]), "{drawn:?}");
            let mut text = drawn.to_vec();
            text.extend_from_slice(b"ab");
            assert_eq!(sequence(&text), Some((letter, drawn.len())), "{drawn:?}");
        }
        assert_eq!(sequence(b"|\\/|x"), Some(('m', 4)), "the longest first");
        assert_eq!(sequence(b"\\/\\/x"), Some(('w', 4)));
        assert_eq!(sequence(b"\\/x"), Some(('v', 2)));
        assert_eq!(sequence(b"|x"), None);
    }

    #[test]
    fn the_lookup_table_agrees_with_the_symbol_list() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            // The list's own entries, else the currency signs drawn as letters, anywhere in a word.
            let drawn = crate::unicode_data::symbol_letter(c).map(|letter| (letter, START | INNER | END));
            let listed = SYMBOLS.iter().find(|(s, _, _)| *s == c).map(|&(_, letter, at)| (letter, at)).or(drawn);
            let found = symbol(c).map(|(letter, p)| {
                (letter, (u8::from(p.start) * START) | (u8::from(p.inner) * INNER) | (u8::from(p.end) * END))
            });
            assert_eq!(found, listed, "{c:?}");
        }
    }
}
