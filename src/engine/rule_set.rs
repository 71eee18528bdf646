//! A rule document compiled for matching: built once per document version and reused for
//! every callback until the document changes.

use sha2::{Digest, Sha256};

use crate::engine::matcher::{Matcher, TermMatch};
use crate::engine::rule_document::{Action, DocumentError, Mode, RuleDocument};

/// One term of a compiled rule set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleTerm {
    /// What a match does.
    pub action: Action,
    /// The term as written.
    pub text: String,
    /// Custom forbid code.
    pub code: Option<u32>,
    /// Custom `ErrorInfo`.
    pub info: Option<String>,
}

/// A compiled rule document.
#[derive(Debug, Clone)]
pub struct RuleSet {
    version: String,
    mode: Mode,
    mask_char: Option<char>,
    terms: Vec<RuleTerm>,
    matcher: Matcher,
    allow: Matcher,
}

impl RuleSet {
    /// Parses and compiles a document as stored in KV. The version is derived from the bytes,
    /// so the same document always has the same version.
    pub fn from_json(text: &str) -> Result<Self, DocumentError> {
        Ok(Self::compile(&RuleDocument::parse(text)?, document_version(text)))
    }

    /// Compiles a parsed document.
    pub fn compile(doc: &RuleDocument, version: String) -> Self {
        let terms: Vec<RuleTerm> = Action::LISTS
            .iter()
            .flat_map(|&(action, _)| {
                doc.terms(action).iter().map(move |entry| RuleTerm {
                    action,
                    text: entry.term().to_owned(),
                    code: entry.code(),
                    info: entry.info().map(str::to_owned),
                })
            })
            .collect();
        let matcher = Matcher::build(terms.iter().map(|t| t.text.as_str()));
        let allow = Matcher::build(doc.allow.iter().map(String::as_str));
        Self { version, mode: doc.mode.unwrap_or_default(), mask_char: doc.mask_char, terms, matcher, allow }
    }

    /// A stable short identifier of the document this was compiled from.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Enforce or monitor.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The document's mask character, if it set one.
    pub fn mask_char(&self) -> Option<char> {
        self.mask_char
    }

    /// The term behind a match.
    pub fn term(&self, index: usize) -> Option<&RuleTerm> {
        self.terms.get(index)
    }

    /// How many terms the document has.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the document has no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Term matches in `text` (allow-listed words are not applied here: see [`Self::allowed`]).
    pub fn find(&self, text: &str) -> Vec<TermMatch> {
        self.matcher.find(text)
    }

    /// Byte ranges of `text` covered by this document's allowed words.
    pub fn allowed(&self, text: &str) -> Vec<(usize, usize)> {
        self.allow.find(text).into_iter().map(|m| (m.start, m.end)).collect()
    }
}

/// The first 12 hex digits of the SHA-256 of a document's bytes.
pub fn document_version(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    hex::encode(&digest[..6])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_every_list_in_strength_order() {
        let set = RuleSet::from_json(
            r#"{"review":["r"],"mask":["m"],"block":[{"term":"b","code":10101,"info":"no"}],"discard":["d"]}"#,
        )
        .unwrap();
        let actions: Vec<Action> = (0..set.len()).map(|i| set.term(i).unwrap().action).collect();
        assert_eq!(actions, [Action::Block, Action::Discard, Action::Mask, Action::Review]);
        assert_eq!(set.term(0).unwrap().code, Some(10101));
        assert_eq!(set.find("x m y").len(), 1);
    }

    #[test]
    fn version_follows_the_bytes() {
        let a = RuleSet::from_json(r#"{"block":["x"]}"#).unwrap();
        let b = RuleSet::from_json(r#"{"block":["x"]}"#).unwrap();
        let c = RuleSet::from_json(r#"{"block":["y"]}"#).unwrap();
        assert_eq!(a.version(), b.version());
        assert_ne!(a.version(), c.version());
        assert_eq!(a.version().len(), 12);
    }

    #[test]
    fn allow_ranges() {
        let set = RuleSet::from_json(r#"{"block":["cunt"],"allow":["scunthorpe"]}"#).unwrap();
        assert_eq!(set.allowed("in Scunthorpe"), [(3, 13)]);
    }
}
