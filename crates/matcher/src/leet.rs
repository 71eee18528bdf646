//! Leetspeak: digits and symbols written for letters. Unicode has no data for this (it is a
//! habit, not a property of the characters), so this is the one hand-written table of the
//! normaliser; every other rule comes from Unicode's data (`unicode_data.rs`).

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

/// Symbols read as letters, with the positions where they are (as folded: `＠` is `@`).
const SYMBOLS: [(char, char, u8); 10] = [
    ('@', 'a', START | INNER),
    ('$', 's', START | INNER | END),
    ('!', 'i', INNER),
    ('|', 'i', INNER),
    ('+', 't', INNER | END),
    ('€', 'e', INNER),
    ('£', 'l', INNER),
    ('¡', 'i', START | INNER),
    ('(', 'c', INNER),
    ('§', 's', START | INNER),
];

/// The letter a symbol stands for, and where it may.
#[inline]
pub fn symbol(c: char) -> Option<(char, Positions)> {
    SYMBOLS.iter().find(|(s, _, _)| *s == c).map(|&(_, letter, at)| {
        (letter, Positions { start: at & START != 0, inner: at & INNER != 0, end: at & END != 0 })
    })
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
