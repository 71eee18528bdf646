//! How symbols are written for the automaton: one character per symbol, except that a letter or
//! digit that starts or ends a word is written differently (ASCII: as another character; anything
//! else: with a marker before or after it). Text and terms are written the same way, so a term
//! that must start (end) at a word boundary is only ever found there, and the automaton reports
//! almost no candidate that word boundaries would turn down (`oth` inside `other`).
//!
//! A symbol is written as one character, with a start marker before it and an end marker after
//! it where needed; markers and the edge characters are characters the normaliser never puts in a
//! symbol (ASCII other than lowercase letters and digits, and the C1 controls). So a string of
//! encodings splits into symbols one way only, and a match that ends where a symbol ends starts
//! where a symbol starts exactly when the encoded lengths of the symbols it covers add up to the
//! pattern's (the matcher checks this).

use crate::normalize::{Symbol, SymbolKind, END, START};

/// Characters the normaliser never puts in a symbol.
const RESERVED: [char; 126] = {
    let mut out = ['\0'; 126];
    let (mut code, mut n) = (0u8, 0);
    while code < 0xA0 {
        if !(code.is_ascii_lowercase() || code.is_ascii_digit()) {
            out[n] = code as char;
            n += 1;
        }
        code += 1;
    }
    out
};
/// Before a letter or digit outside `[a-z0-9]` that starts a word.
const WORD_START: char = RESERVED[0];
/// After a letter or digit outside `[a-z0-9]` that ends a word.
const WORD_END: char = RESERVED[1];
/// A sentence end or paragraph break.
const BREAK: char = RESERVED[2];
/// First of the 3 × 36 characters for `[a-z0-9]` at a word's start, end, or both.
const EDGE_BASE: usize = 3;
const _: () = assert!(EDGE_BASE + 3 * 36 <= RESERVED.len());

/// The encoding of ASCII word symbols by `edge * 128 + character` (0: not a single character).
const ASCII: [u8; 4 * 128] = {
    let mut table = [0u8; 4 * 128];
    let mut edge = 0;
    while edge < 4 {
        let mut c = 0u8;
        while c < 128 {
            let k = if c.is_ascii_lowercase() {
                Some((c - b'a') as usize)
            } else if c.is_ascii_digit() {
                Some((c - b'0') as usize + 26)
            } else {
                None
            };
            table[edge * 128 + c as usize] = match k {
                Some(k) if edge > 0 => RESERVED[EDGE_BASE + (edge - 1) * 36 + k] as u8,
                Some(_) => c,
                None => 0,
            };
            c += 1;
        }
        edge += 1;
    }
    table
};

/// Whether `c` is a marker before or after a symbol's character, not a symbol's character itself.
pub(crate) fn is_marker(c: char) -> bool {
    c == WORD_START || c == WORD_END
}

/// The characters a symbol is written as (at most three).
#[derive(Debug, Clone, Copy)]
pub struct Encoded {
    chars: [char; 3],
    len: u8,
}

impl Encoded {
    /// The characters.
    #[inline(always)]
    pub fn chars(&self) -> &[char] {
        &self.chars[..usize::from(self.len)]
    }

    /// How many.
    #[inline(always)]
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Never: every symbol is written as one character at least.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Writes one symbol of the main stream (words, ideo letters, breaks; emoji are written as
/// themselves in their own stream).
#[inline(always)]
pub fn encode(symbol: &Symbol) -> Encoded {
    // Most symbols are a run of an ASCII letter of a word: one table lookup, before the kind is
    // matched (the same answer `encode_any` gives them).
    let code = u32::from(symbol.ch);
    if symbol.kind == SymbolKind::Word && code < 128 {
        let edge = usize::from(symbol.edge & (START | END));
        if let Some(&fast) = ASCII.get(edge * 128 + code as usize).filter(|&&b| b != 0) {
            return Encoded { chars: [char::from(fast), '\0', '\0'], len: 1 };
        }
    }
    encode_any(symbol)
}

/// [`encode`] of any symbol.
#[inline]
fn encode_any(symbol: &Symbol) -> Encoded {
    let ch = symbol.ch;
    match symbol.kind {
        SymbolKind::Break => Encoded { chars: [BREAK, '\0', '\0'], len: 1 },
        SymbolKind::Ideo | SymbolKind::Emoji => Encoded { chars: [ch, '\0', '\0'], len: 1 },
        SymbolKind::Word => {
            let edge = usize::from(symbol.edge & (START | END));
            let code = u32::from(ch);
            if code < 128 {
                if let Some(&fast) = ASCII.get(edge * 128 + code as usize).filter(|&&b| b != 0) {
                    return Encoded { chars: [char::from(fast), '\0', '\0'], len: 1 };
                }
            }
            let mut out = Encoded { chars: ['\0'; 3], len: 0 };
            let mut push = |c: char| {
                out.chars[usize::from(out.len)] = c;
                out.len += 1;
            };
            if edge & usize::from(START) != 0 {
                push(WORD_START);
            }
            push(ch);
            if edge & usize::from(END) != 0 {
                push(WORD_END);
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Gap;

    fn symbol(ch: char, kind: SymbolKind, edge: u8) -> Symbol {
        Symbol {
            ch,
            kind,
            count: 1,
            edge,
            gap: Gap::None,
            start: 0,
            end: 0,
            last_start: 0,
            first_end: 0,
            word_letters: 1,
            digit: 0,
        }
    }

    #[test]
    fn edges_are_told_apart_and_encodings_decode_one_way() {
        let mut seen: Vec<Vec<char>> = Vec::new();
        for ch in ['a', 'z', '0', '9', 'д', 'я'] {
            for edge in 0..4 {
                seen.push(encode(&symbol(ch, SymbolKind::Word, edge)).chars().to_vec());
            }
        }
        seen.push(encode(&symbol('傻', SymbolKind::Ideo, 0)).chars().to_vec());
        seen.push(encode(&symbol('\n', SymbolKind::Break, 0)).chars().to_vec());
        for (i, a) in seen.iter().enumerate() {
            assert!(!seen[..i].contains(a), "{a:?} is written like another symbol");
            // One character that is not a marker per symbol: a run of encodings splits one way.
            let cores = a.iter().filter(|&&c| c != WORD_START && c != WORD_END).count();
            assert_eq!(cores, 1, "{a:?}");
            assert!(a.iter().skip(1).all(|&c| c != WORD_START), "{a:?}: a start marker only first");
            assert!(a.iter().rev().skip(1).all(|&c| c != WORD_END), "{a:?}: an end marker only last");
        }
    }

    #[test]
    fn reserved_characters_are_never_read_from_text() {
        for c in RESERVED {
            let symbols: Vec<Symbol> = crate::normalize::Normalizer::new(&c.to_string()).collect();
            assert!(symbols.iter().all(|s| s.ch != c || s.kind == SymbolKind::Break), "U+{:04X}", c as u32);
        }
    }
}
