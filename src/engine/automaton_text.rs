//! How runs are written for the automaton: one character per run, except that a letter or digit
//! that starts or ends a word is written differently (ASCII: as another character; anything else:
//! with a marker before or after it). Text and terms are written the same way, so a term that must
//! start (end) at a word boundary is only ever found there, and the automaton reports almost no
//! candidate that word boundaries would turn down (`oth` inside `other`, which a long term list
//! otherwise reports at nearly every character).
//!
//! The encoding of one run is prefix-free and uses only characters the normaliser never puts in a
//! run (capitals, ASCII punctuation and controls, C1 controls); should one appear all the same, it
//! is escaped. So a pattern found where a run's encoding starts covers whole runs, with their
//! characters.

use crate::engine::normalize::Run;

/// Characters the normaliser never puts in a run (ASCII other than lowercase letters, digits and
/// the space, and the C1 controls: capitals are lowercased, everything else is a gap).
const RESERVED: [char; 123] = {
    let mut out = ['\0'; 123];
    let (mut code, mut n) = (0u8, 0);
    while code < 0xA0 {
        if !(code.is_ascii_lowercase() || code.is_ascii_digit() || code == b' ') {
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
/// Before a run character that happens to be reserved.
const ESCAPE: char = RESERVED[2];
/// First of the 3 × 36 characters for `[a-z0-9]` at a word's start, end, or both.
const EDGE_BASE: usize = 3;
const _: () = assert!(EDGE_BASE + 3 * 36 <= RESERVED.len());

/// A run's place in its word: [`START`] | [`END`] (a one-letter word is both), or 0.
pub(crate) type Edge = usize;
/// The run is a letter or digit with no letter or digit before it.
pub(crate) const START: Edge = 1;
/// The run is a letter or digit with no letter or digit after it.
pub(crate) const END: Edge = 2;

/// The encoding of ASCII runs by `edge * 128 + character`, or 0 where it takes more than one
/// character (reserved characters, which never occur).
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
                None if c == b' ' => c,
                None => 0,
            };
            c += 1;
        }
        edge += 1;
    }
    table
};

/// The edge of a run from whether it, the run before and the run after are letters or digits.
#[inline(always)]
pub(crate) fn edge(before: bool, this: bool, after: bool) -> Edge {
    usize::from(this) * (usize::from(!before) | usize::from(!after) << 1)
}

/// Writes run character `ch` at `edge` into `out`.
#[inline(always)]
pub(crate) fn push(out: &mut String, ch: char, edge: Edge) {
    let code = u32::from(ch);
    if code < 128 {
        match ASCII.get(edge * 128 + code as usize) {
            Some(&fast) if fast != 0 => out.push(char::from(fast)),
            _ => push_slow(out, ch, edge),
        }
    } else if edge == 0 && code >= 0xA0 {
        out.push(ch);
    } else {
        push_slow(out, ch, edge);
    }
}

#[cold]
fn push_slow(out: &mut String, ch: char, edge: Edge) {
    if edge & START != 0 {
        out.push(WORD_START);
    }
    if u32::from(ch) < 0xA0 && !(ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == ' ') {
        out.push(ESCAPE);
    }
    out.push(ch);
    if edge & END != 0 {
        out.push(WORD_END);
    }
}

/// A term's runs (gaps at either end already trimmed) as the automaton looks for them: from a
/// word's start when the first run is a letter or digit, and up to a word's end when the last
/// one is and `bounded_end` (a prefix term, `ass*`, is also looked for inside words).
pub(crate) fn pattern(runs: &[Run], bounded_end: bool) -> String {
    let mut out = String::with_capacity(runs.len() + 2);
    let is_word = |i: usize| runs.get(i).is_some_and(|r| r.class.is_word());
    for (i, run) in runs.iter().enumerate() {
        let mut at = edge(i > 0 && is_word(i - 1), is_word(i), is_word(i + 1));
        if i + 1 == runs.len() && !bounded_end {
            at &= !END;
        }
        push(&mut out, run.ch, at);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_characters_never_occur_in_runs() {
        for c in RESERVED {
            let n = crate::engine::normalize::Normalized::new(&c.to_string());
            assert!(n.runs.iter().all(|r| r.ch != c), "{:04X}", u32::from(c));
        }
    }

    #[test]
    fn edges_are_told_apart_and_escapes_are_prefix_free() {
        let mut seen = std::collections::HashSet::new();
        for ch in ['a', 'z', '0', '9', 'é', 'д', '傻', 'A', '\u{1}', '\u{85}'] {
            for at in 0..4 {
                let mut out = String::new();
                push(&mut out, ch, at);
                assert!(seen.insert(out.clone()), "{ch:?} at {at} is written like another run: {out:?}");
            }
        }
    }
}
