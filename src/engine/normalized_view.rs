//! Text as the matcher compares it, for people and tools to look at (the rules tool's
//! `explain`, and its check for terms that normalise to nothing).
//!
//! It is what the normaliser (`engine/normalize.rs`) makes of a text: case, width, accents and
//! invisible characters folded, spelled-out letters joined, leet and look-alikes read, every gap
//! one space. Runs keep their length (the matcher compares it: `good` is not `god`), so two
//! terms with the same view are the same term. Word boundaries are the matcher's business, so a
//! view containing another is necessary for a match, not sufficient.

use crate::engine::normalize::{Class, Normalized};

/// `text` after the normalisation the matcher applies to both terms and messages.
pub fn normalized_view(text: &str) -> String {
    let normalized = Normalized::new(text);
    let mut view = String::with_capacity(text.len());
    for run in &normalized.runs {
        let count = if run.class == Class::Space { 1 } else { run.count.max(1) };
        (0..count).for_each(|_| view.push(run.ch));
    }
    view
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::matcher::Matcher;

    /// For whole words, a term matches a text exactly when its view occurs in the text's view.
    #[test]
    fn agrees_with_the_matcher() {
        let cases = [
            ("damn", "Oh DAMN it", true),
            ("damn", "ｄａｍｎ", true),
            ("bad", "so b.a.d", true),
            ("傻逼", "你这个傻逼", true),
            ("buy followers", "buy  followers", true),
            ("Straße", "STRAẞE", true),
            ("hello", "goodbye", false),
        ];
        for (term, text, expected) in cases {
            let by_matcher = !Matcher::build([term]).map(|m| m.find(text)).unwrap_or_default().is_empty();
            let by_view = normalized_view(text).contains(&normalized_view(term));
            assert_eq!(by_matcher, expected, "matcher: {term:?} in {text:?}");
            assert_eq!(by_view, expected, "view: {term:?} in {text:?}");
        }
    }

    #[test]
    fn runs_keep_their_length() {
        assert_ne!(normalized_view("good"), normalized_view("god"));
        assert_ne!(normalized_view("term11x"), normalized_view("term1x"));
        assert_eq!(normalized_view("B.A.D"), normalized_view("bad"));
    }

    #[test]
    fn punctuation_alone_normalises_to_nothing() {
        assert_eq!(normalized_view("!!! ...").trim(), "");
        assert!(Matcher::build(["!!! ..."]).is_err(), "the matcher refuses it too");
    }
}
