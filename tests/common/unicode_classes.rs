//! Unicode character classes from regex-syntax's copy of the UCD: an oracle for the tests'
//! generators that is not the matcher's own tables (those come from ICU4X).

use regex_syntax::hir::{Class, HirKind};

/// The code points of a regex character class (`\p{Mn}`, `[\p{Mn}&&\p{sc=Inherited}]`).
pub fn members(class: &str) -> Vec<char> {
    let hir = regex_syntax::ParserBuilder::new().build().parse(class).unwrap_or_else(|e| panic!("{class}: {e}"));
    match hir.kind() {
        HirKind::Class(Class::Unicode(set)) => set.ranges().iter().flat_map(|r| r.start()..=r.end()).collect(),
        HirKind::Class(Class::Bytes(set)) if set.ranges().is_empty() => Vec::new(),
        HirKind::Literal(literal) => std::str::from_utf8(&literal.0).expect("UTF-8").chars().collect(),
        other => panic!("{class} is not a class: {other:?}"),
    }
}

/// Default_Ignorable_Code_Point, format (Cf) and control (Cc) characters that are not whitespace.
pub fn invisibles() -> Vec<char> {
    let mut chars = members(r"[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]");
    chars.retain(|c| !c.is_whitespace());
    chars
}
