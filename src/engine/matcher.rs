//! Finding terms in text: the one interface the rest of the engine uses.
//!
//! This first matcher is a case-insensitive substring search; it is the
//! behaviour baseline that the evasion-aware engine (normalisation + automaton) replaces.

/// A term found in a text: which term, and the byte range of the original text it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMatch {
    /// Index of the term, in the order given to [`Matcher::build`].
    pub term: usize,
    /// Start byte offset in the original text (a character boundary).
    pub start: usize,
    /// End byte offset in the original text (a character boundary).
    pub end: usize,
}

/// A compiled set of terms. Searching never fails.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    terms: Vec<Vec<char>>,
}

impl Matcher {
    /// Compiles `terms`; a term's index in this sequence is its [`TermMatch::term`].
    pub fn build<'a>(terms: impl IntoIterator<Item = &'a str>) -> Self {
        Self { terms: terms.into_iter().map(|t| fold(t).into_iter().map(|(c, _)| c).collect()).collect() }
    }

    /// How many terms were compiled.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether no term was compiled.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every occurrence of every term in `text`, ordered by start offset then term.
    pub fn find(&self, text: &str) -> Vec<TermMatch> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let folded = fold(text);
        let chars: Vec<char> = folded.iter().map(|(c, _)| *c).collect();
        let byte_at = |i: usize| folded.get(i).map_or(text.len(), |(_, offset)| *offset);
        let mut found: Vec<TermMatch> = Vec::new();
        for (term, pattern) in self.terms.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
            for start in occurrences(&chars, pattern) {
                found.push(TermMatch { term, start: byte_at(start), end: byte_at(start + pattern.len()) });
            }
        }
        found.sort_by_key(|m| (m.start, m.term));
        found
    }
}

/// Lowercases `text` character by character, keeping each folded character's original offset.
fn fold(text: &str) -> Vec<(char, usize)> {
    let mut out = Vec::with_capacity(text.len());
    for (offset, c) in text.char_indices() {
        // Multi-character lowercase forms (e.g. 'İ') keep only their first character, so that
        // every folded character maps back to exactly one original character.
        out.push((c.to_lowercase().next().unwrap_or(c), offset));
    }
    out
}

fn occurrences<'h>(haystack: &'h [char], needle: &'h [char]) -> impl Iterator<Item = usize> + 'h {
    haystack.windows(needle.len().max(1)).enumerate().filter(move |(_, w)| *w == needle).map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_substrings_with_original_offsets() {
        let m = Matcher::build(["damn", "傻逼"]);
        let text = "Oh DAMN, 你傻逼";
        let found = m.find(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].start..found[0].end], "DAMN");
        assert_eq!(&text[found[1].start..found[1].end], "傻逼");
        assert_eq!(found[1].term, 1);
    }

    #[test]
    fn overlapping_and_repeated_occurrences() {
        let m = Matcher::build(["aa"]);
        assert_eq!(m.find("aaa").iter().map(|x| x.start).collect::<Vec<_>>(), [0, 1]);
    }

    #[test]
    fn empty_terms_never_match_and_keep_indices() {
        let m = Matcher::build(["", "x"]);
        assert_eq!(m.find("x"), [TermMatch { term: 1, start: 0, end: 1 }]);
        assert!(Matcher::build([]).find("anything").is_empty());
    }
}
