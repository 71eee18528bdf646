//! Text as the matcher compares it, for people and tools to look at (the rules tool's
//! `explain`, and its check for terms that normalise to nothing).
//!
//! It is the normaliser's run text (`engine/normalize.rs`): case, width, accents and invisible
//! characters folded, spelled-out letters joined, leet and look-alikes read, runs of a letter
//! collapsed to one, every gap one space. Word boundaries are the matcher's business, so a view
//! containing another is necessary for a match, not sufficient.

use crate::engine::normalize::Normalized;

/// `text` after the normalisation the matcher applies to both terms and messages.
pub fn normalized_view(text: &str) -> String {
    Normalized::new(text).run_text().to_owned()
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
    fn punctuation_alone_normalises_to_nothing() {
        assert_eq!(normalized_view("!!! ...").trim(), "");
        assert!(Matcher::build(["!!! ..."]).is_err(), "the matcher refuses it too");
    }
}
