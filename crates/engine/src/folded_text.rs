//! A text as the `links` and `contacts` checks read it: one entry per character read, with the
//! bytes of the original text it came from. Invisible characters (default-ignorable, format and
//! control characters) and combining marks are read as nothing; everything else is folded with
//! the term matcher's Unicode data ([`timgate_matcher::unicode_data::fold`]): full-width and
//! other compatibility forms as ASCII, every script's digits as ASCII digits, case folded,
//! Traditional Chinese as Simplified.

use timgate_matcher::unicode_data::{self, Class, Info};

/// One character as read, with the bytes it came from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Read {
    /// The character, folded.
    pub(crate) c: char,
    /// First byte of the original character.
    pub(crate) start: u32,
    /// End of the original character.
    pub(crate) end: u32,
    /// Written as an uppercase letter.
    pub(crate) upper: bool,
}

/// One character as read, appended to `out` (nothing for an invisible character or a mark,
/// several characters for some: `ß` is `ss`).
#[cfg(feature = "compile-patterns")]
pub(crate) fn fold_char(ch: char, out: &mut String) {
    folded(ch, |c| out.push(c));
}

/// `s` as read, as a string.
pub(crate) fn fold_str(s: &str) -> String {
    read(s).iter().map(|r| r.c).collect()
}

/// A text as read, as one string, with the way back to the original's bytes: what the `patterns`
/// check searches.
pub(crate) struct FoldedText {
    /// Length of the original text.
    original_len: usize,
    text: String,
    reads: Vec<Read>,
    /// Where each read character starts in `text`.
    offsets: Vec<u32>,
}

impl FoldedText {
    pub(crate) fn new(original: &str) -> Self {
        let reads = read(original);
        let mut text = String::with_capacity(original.len());
        let mut offsets = Vec::with_capacity(reads.len());
        for r in &reads {
            offsets.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
            text.push(r.c);
        }
        FoldedText { original_len: original.len(), text, reads, offsets }
    }

    /// The folded text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The original bytes a range of the folded text (on character boundaries) came from,
    /// with the characters read as nothing that follow it (a combining mark on its last letter,
    /// an invisible character) up to the next character read.
    pub(crate) fn original(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let index = |offset: usize| {
            if offset == self.text.len() {
                Some(self.reads.len())
            } else {
                self.offsets.binary_search(&u32::try_from(offset).ok()?).ok()
            }
        };
        let (first, next) = (index(start)?, index(end)?);
        let end = self.reads.get(next).map_or(self.original_len, |r| r.start as usize);
        Some((self.reads.get(first)?.start as usize, end.max(self.reads.get(next.checked_sub(1)?)?.end as usize)))
    }
}

/// The text's characters as read.
pub(crate) fn read(text: &str) -> Vec<Read> {
    let mut out = Vec::with_capacity(text.len());
    for (i, ch) in text.char_indices() {
        let (start, end) = (i as u32, (i + ch.len_utf8()) as u32);
        let upper = if ch.is_ascii() { ch.is_ascii_uppercase() } else { ch.is_uppercase() };
        folded(ch, |c| out.push(Read { c, start, end, upper }));
    }
    out
}

/// Each character `ch` is read as: ASCII folds to lowercase and its control characters but
/// white space read as nothing; invisible characters and marks read as nothing; the rest is
/// folded with the matcher's Unicode data (one character, or several: `ß` is `ss`).
fn folded(ch: char, mut each: impl FnMut(char)) {
    if ch.is_ascii() {
        if !ch.is_ascii_control() || ch.is_ascii_whitespace() {
            each(ch.to_ascii_lowercase());
        }
        return;
    }
    let info = Info::of(ch);
    match info.class() {
        Class::Ignorable | Class::Mark => {}
        _ if info.folds() => unicode_data::fold(ch, each),
        _ => each(ch),
    }
}
