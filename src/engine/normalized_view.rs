//! Text as the matcher compares it, for people and tools to look at (the rules tool's
//! `explain`, and its check for terms that normalise to nothing).
//!
//! This is a view, not the matcher's input: `matcher.rs` keeps its own folding, and only this
//! function's output is promised to agree with it. Today the matcher lowercases character by
//! character; when the evasion-aware matcher lands with its normaliser, this body becomes a
//! call to that normaliser, and the tests below keep the two in step.

/// `text` after the normalisation the matcher applies to both terms and messages.
pub fn normalized_view(text: &str) -> String {
    // The same folding as the matcher: one lowercase character per original character
    // (multi-character lowercase forms keep their first character).
    text.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::matcher::Matcher;

    /// A term matches a text exactly when its view occurs in the text's view.
    #[test]
    fn agrees_with_the_matcher() {
        let cases = [
            ("damn", "Oh DAMN it", true),
            ("傻逼", "你这个傻逼", true),
            ("İstanbul", "istanbul", true),
            ("Straße", "STRASSE", false),
            ("buy followers", "buy  followers", false),
        ];
        for (term, text, expected) in cases {
            let by_matcher = !Matcher::build([term]).find(text).is_empty();
            let by_view = normalized_view(text).contains(&normalized_view(term));
            assert_eq!(by_matcher, expected, "matcher: {term:?} in {text:?}");
            assert_eq!(by_view, expected, "view: {term:?} in {text:?}");
        }
    }

    #[test]
    fn keeps_one_character_per_character() {
        assert_eq!(normalized_view("ABC 傻逼"), "abc 傻逼");
        assert_eq!(normalized_view("İ").chars().count(), 1);
    }
}
