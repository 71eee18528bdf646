//! Text as the matcher reads it, for people and tools to look at (the rules tool's `explain`,
//! and its checks for duplicate terms and terms that normalise to nothing).
//!
//! It is what the normaliser (`timgate_matcher::normalize`) makes of a text: characters folded,
//! invisible ones gone, spelled-out letters joined, leet and look-alikes read. Words are separated
//! by one space (whatever stood between them: the matcher reads a phrase across any gap), a
//! sentence end or paragraph break shows as ` / `, CJK letters and emoji as themselves. Runs keep
//! their length (the matcher compares it), so two terms with the same view are the same term.

use timgate_matcher::normalize::{Normalizer, SymbolKind, START};
use timgate_matcher::unicode_data::{Class, Info};

/// `text` after the normalisation the matcher applies to both terms and messages. A gap at either
/// end of `text` shows as one space (so that views of the parts of a text can be put together).
pub fn normalized_view(text: &str) -> String {
    let is_gap = |c: Option<char>| {
        c.is_some_and(|c| matches!(Info::of(c).class(), Class::Gap | Class::Terminal | Class::Newline | Class::Break))
    };
    let mut view = String::with_capacity(text.len());
    if is_gap(text.chars().next()) {
        view.push(' ');
    }
    let mut previous: Option<SymbolKind> = None;
    for symbol in Normalizer::new(text) {
        let separate = match (previous, symbol.kind) {
            (None, _) => false,
            (_, SymbolKind::Break) => {
                view.push_str(" /");
                previous = Some(SymbolKind::Break);
                continue;
            }
            (Some(SymbolKind::Break), _) => true,
            (Some(SymbolKind::Word), SymbolKind::Word) => symbol.edge & START != 0,
            (Some(a), b) => a != b,
        };
        if separate {
            view.push(' ');
        }
        (0..symbol.count.max(1)).for_each(|_| view.push(symbol.ch));
        previous = Some(symbol.kind);
    }
    if is_gap(text.chars().next_back()) && !view.ends_with(' ') {
        view.push(' ');
    }
    view
}

#[cfg(test)]
mod tests {
    use super::*;
    use timgate_matcher::MatcherBuilder;

    /// For single words, a term matches a text exactly when its view is one of the text's words.
    #[test]
    fn agrees_with_the_matcher_for_single_words() {
        let cases = [
            ("damn", "Oh DAMN it", true),
            ("damn", "ｄａｍｎ", true),
            ("bad", "so b.a.d", true),
            ("Straße", "STRAẞE", true),
            ("hello", "goodbye", false),
            ("ass", "classic", false),
        ];
        for (term, text, expected) in cases {
            let by_matcher = MatcherBuilder::new().term(term).build().unwrap().is_match(text);
            let by_view = normalized_view(text).split(' ').any(|w| w == normalized_view(term));
            assert_eq!(by_matcher, expected, "matcher: {term:?} in {text:?}");
            assert_eq!(by_view, expected, "view: {term:?} in {text:?}");
        }
    }

    #[test]
    fn views() {
        assert_eq!(normalized_view("buy  FOLLOWERS"), "buy followers");
        assert_eq!(normalized_view("你这个傻逼"), "你这个傻逼");
        assert_eq!(normalized_view("red. Packet"), "red / packet");
        assert_ne!(normalized_view("good"), normalized_view("god"));
        assert_eq!(normalized_view("B.A.D"), normalized_view("bad"));
    }

    #[test]
    fn punctuation_alone_normalises_to_nothing() {
        assert_eq!(normalized_view("!!! ...").trim(), "");
        assert_eq!(normalized_view(" b.a.d "), " bad ");
        assert!(MatcherBuilder::new().term("!!! ...").build().is_err(), "the matcher refuses it too");
    }
}
