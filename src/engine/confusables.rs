//! The normalisation tables of `confusables.txt`: invisible characters, look-alike letters and
//! leetspeak. The data lives in that file (documented there, one entry a line) so that it can be
//! read and reviewed as a table; this module only parses it, once per isolate.

use std::sync::OnceLock;

use sha2::{Digest, Sha256};

/// The table file, as shipped in the binary.
pub const SOURCE: &str = include_str!("confusables.txt");

/// Where in a word a leet symbol may stand for a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Positions {
    /// Before a letter, at the start of a word (`@ss`).
    pub start: bool,
    /// Between two letters (`sh!t`).
    pub inner: bool,
    /// After a letter, at the end of a word (`a$$`).
    pub end: bool,
}

/// The parsed tables. Lookups run for most characters of every message, so they are sorted
/// arrays (binary search, no hashing) with a direct table for ASCII symbols and digits.
#[derive(Debug)]
pub struct Tables {
    invisible: Vec<(u32, u32)>,
    lookalike: Vec<(char, &'static str)>,
    lookalike_mixed: Vec<(char, char)>,
    leet_digit: [Option<char>; 10],
    leet_symbol_ascii: [Option<(char, Positions)>; 128],
    leet_symbol: Vec<(char, (char, Positions))>,
    problems: Vec<String>,
}

fn lookup<V: Copy>(table: &[(char, V)], c: char) -> Option<V> {
    table.binary_search_by_key(&c, |&(k, _)| k).ok().and_then(|i| table.get(i)).map(|&(_, v)| v)
}

/// Adds or replaces an entry (a later line wins, as in a map), keeping the table sorted.
fn insert<V>(table: &mut Vec<(char, V)>, c: char, value: V) {
    match table.binary_search_by_key(&c, |(k, _)| *k) {
        Ok(i) => table[i].1 = value,
        Err(i) => table.insert(i, (c, value)),
    }
}

impl Tables {
    /// The tables of [`SOURCE`], parsed on first use.
    pub fn get() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(|| Tables::parse(SOURCE))
    }

    /// Whether `c` is dropped wherever it appears.
    pub fn is_invisible(&self, c: char) -> bool {
        let c = u32::from(c);
        // Ranges are sorted and disjoint (checked by a test), so a binary search finds the one
        // that could contain `c`.
        let i = self.invisible.partition_point(|&(_, hi)| hi < c);
        self.invisible.get(i).is_some_and(|&(lo, _)| lo <= c)
    }

    /// The replacement of a letter that is always read as a Latin letter.
    pub fn lookalike(&self, c: char) -> Option<&'static str> {
        if c.is_ascii() {
            return None;
        }
        lookup(&self.lookalike, c)
    }

    /// The Latin letter a Cyrillic/Greek/... letter stands for inside a mixed-script word.
    pub fn lookalike_mixed(&self, c: char) -> Option<char> {
        if c.is_ascii() {
            return None;
        }
        lookup(&self.lookalike_mixed, c)
    }

    /// The letter a digit stands for between letters.
    pub fn leet_digit(&self, c: char) -> Option<char> {
        let digit = c.to_digit(10).filter(|_| c.is_ascii_digit())?;
        self.leet_digit.get(digit as usize).copied().flatten()
    }

    /// The letter a symbol stands for, and where.
    pub fn leet_symbol(&self, c: char) -> Option<(char, Positions)> {
        match self.leet_symbol_ascii.get(c as usize) {
            Some(entry) => *entry,
            None => lookup(&self.leet_symbol, c),
        }
    }

    /// Lines of the file that could not be read (empty for the shipped file; a test checks).
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    fn parse(source: &'static str) -> Tables {
        let mut tables = Tables {
            invisible: Vec::new(),
            lookalike: Vec::new(),
            lookalike_mixed: Vec::new(),
            leet_digit: [None; 10],
            leet_symbol_ascii: [None; 128],
            leet_symbol: Vec::new(),
            problems: Vec::new(),
        };
        let mut section = "";
        for (number, raw) in source.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            // `#` also starts comments, so a `#` entry is impossible; none is needed.
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            if let Err(problem) = tables.entry(section, line) {
                tables.problems.push(format!("line {}: {problem}: {raw}", number + 1));
            }
        }
        tables.invisible.sort_unstable();
        tables
    }

    fn entry(&mut self, section: &str, line: &'static str) -> Result<(), &'static str> {
        let mut fields = line.split_whitespace();
        let from = fields.next().ok_or("empty")?;
        match section {
            "invisible" => {
                let (lo, hi) = match from.split_once("..") {
                    Some((lo, hi)) => (code_point(lo)?, code_point(hi)?),
                    None => (code_point(from)?, code_point(from)?),
                };
                if lo > hi {
                    return Err("range ends before it starts");
                }
                self.invisible.push((u32::from(lo), u32::from(hi)));
            }
            "lookalike" => {
                let to = fields.next().filter(|t| t.is_ascii()).ok_or("replacement must be ASCII")?;
                insert(&mut self.lookalike, code_point(from)?, to);
            }
            "lookalike-mixed" => {
                insert(&mut self.lookalike_mixed, code_point(from)?, one_letter(fields.next())?);
            }
            "leet-digit" => {
                let digit = code_point(from)?;
                let index = digit.to_digit(10).filter(|_| digit.is_ascii_digit()).ok_or("not a digit")?;
                self.leet_digit[index as usize] = Some(one_letter(fields.next())?);
            }
            "leet-symbol" => {
                let symbol = code_point(from)?;
                if symbol.is_alphanumeric() {
                    return Err("a letter or digit is not a symbol");
                }
                let letter = one_letter(fields.next())?;
                let mut positions = Positions::default();
                for place in fields.next().ok_or("positions missing")?.split(',') {
                    match place {
                        "start" => positions.start = true,
                        "inner" => positions.inner = true,
                        "end" => positions.end = true,
                        _ => return Err("unknown position"),
                    }
                }
                match self.leet_symbol_ascii.get_mut(symbol as usize) {
                    Some(slot) => *slot = Some((letter, positions)),
                    None => insert(&mut self.leet_symbol, symbol, (letter, positions)),
                }
            }
            _ => return Err("entry outside a known section"),
        }
        if fields.next().is_some() {
            return Err("extra fields");
        }
        Ok(())
    }
}

/// A short fingerprint of the tables, part of every precompiled blob: a blob built with other
/// tables would match differently, so it must not be used.
pub fn fingerprint() -> [u8; 8] {
    let digest = Sha256::digest(SOURCE.as_bytes());
    let mut out = [0; 8];
    out.copy_from_slice(&digest[..8]);
    out
}

/// `U+XXXX`, or a single ASCII character written as itself.
fn code_point(text: &str) -> Result<char, &'static str> {
    if let Some(hex) = text.strip_prefix("U+") {
        let value = u32::from_str_radix(hex, 16).map_err(|_| "bad code point")?;
        return char::from_u32(value).ok_or("not a character");
    }
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii() => Ok(c),
        _ => Err("write a non-ASCII character as U+XXXX"),
    }
}

fn one_letter(text: Option<&str>) -> Result<char, &'static str> {
    let text = text.ok_or("replacement missing")?;
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => Ok(c),
        _ => Err("replacement must be one lowercase ASCII letter"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_parses_without_problems() {
        let t = Tables::get();
        assert_eq!(t.problems(), [] as [String; 0]);
        assert!(t.lookalike_mixed.len() > 30 && t.lookalike.len() > 40);
        assert!(t.lookalike.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn invisible_ranges_are_disjoint_and_found() {
        let t = Tables::get();
        assert!(t.invisible.windows(2).all(|w| w[0].1 < w[1].0));
        for c in ['\u{200B}', '\u{200D}', '\u{FEFF}', '\u{00AD}', '\u{2060}', '\u{E0041}', '\u{FE0F}'] {
            assert!(t.is_invisible(c), "{:04X}", u32::from(c));
        }
        for c in ['a', ' ', '\u{2000}', '傻', '\u{E1000}'] {
            assert!(!t.is_invisible(c), "{:04X}", u32::from(c));
        }
    }

    #[test]
    fn lookups() {
        let t = Tables::get();
        assert_eq!(t.lookalike_mixed('\u{0441}'), Some('c'));
        assert_eq!(t.lookalike('\u{00DF}'), Some("ss"));
        assert_eq!(t.leet_digit('0'), Some('o'));
        assert_eq!(t.leet_digit('2'), None);
        let (letter, at) = t.leet_symbol('$').unwrap();
        assert_eq!(letter, 's');
        assert!(at.start && at.inner && at.end);
        assert!(!t.leet_symbol('!').unwrap().1.end);
    }

    #[test]
    fn bad_lines_are_reported() {
        let t = Tables::parse("[lookalike-mixed]\nU+0430 ab\n[nowhere]\nx y\n[invisible]\nU+20..U+10\n");
        assert_eq!(t.problems().len(), 3, "{:?}", t.problems());
    }
}
