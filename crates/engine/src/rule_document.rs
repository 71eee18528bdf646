//! The rule document operators write to KV (`rules`, `rules:group:<GroupId>`), as the contract
//! defines it. Parsing is tolerant of fields it does not know (a newer rules tool may write
//! them) but strict about the values of fields it does.

use crate::sender_behaviour::{Behaviour, BehaviourError, ExemptRule, FloodRule, RepeatRule, StrikesRule};
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::command::Conversation;

/// A rule document that cannot be used. The worker keeps its last good rules when it sees one.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// Not JSON, or a known field with the wrong type or value.
    #[error("rule document is not valid: {0}")]
    Json(#[from] serde_json::Error),
    /// A term is empty (after trimming).
    #[error("{list}[{index}]: the term is empty")]
    EmptyTerm {
        /// Which list.
        list: &'static str,
        /// Position in that list.
        index: usize,
    },
    /// A custom code outside both of Tencent's ranges.
    #[error("{list}[{index}]: code {code} is outside 10100..=10200 (groups), 120001..=130000 (C2C) and 38000..=39000 (friend requests)")]
    BadCode {
        /// Which list.
        list: &'static str,
        /// Position in that list.
        index: usize,
        /// The code.
        code: u32,
    },
    /// A term or allowed word with nothing to match once normalised (only punctuation, spaces or
    /// invisible characters).
    #[error("{list}[{index}]: the term has no letter, digit, CJK character or emoji to match")]
    Unmatchable {
        /// Which list (`allow` for allowed words).
        list: &'static str,
        /// Position in that list.
        index: usize,
    },
    /// A term or allowed word longer than a term can be once normalised.
    #[error("{list}[{index}]: the term is longer than {} letters once normalised", timgate_matcher::MAX_TERM_SYMBOLS)]
    TooLong {
        /// Which list (`allow` for allowed words).
        list: &'static str,
        /// Position in that list.
        index: usize,
    },
    /// An entry of `links.allow_domains` or `links.tlds` that is not a domain.
    #[error("{list}[{index}]: not a domain (labels of letters, digits and '-' joined by dots; '*.' in front for subdomains)")]
    BadDomain {
        /// Which list.
        list: &'static str,
        /// Position in that list.
        index: usize,
    },
    /// A pattern that cannot be compiled (the rules tool; the worker never compiles one).
    #[error("patterns[{index}]: {error}")]
    Pattern {
        /// Position in `patterns`.
        index: usize,
        /// Why.
        error: crate::patterns::PatternError,
    },
    /// The terms' automaton could not be built.
    #[error("the terms cannot be compiled: {0}")]
    Compile(String),
    /// A sender-behaviour field with a value it cannot have.
    #[error("{0}")]
    Behaviour(#[from] BehaviourError),
}

/// What a matching term does, weakest first (`Ord` follows strength).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Deliver, and send a review event to the origin.
    Review,
    /// Deliver with the matched text masked.
    Mask,
    /// Discard silently (`ErrorCode 2`).
    Discard,
    /// Forbid (`ErrorCode 1` or the term's custom code).
    Block,
}

impl Action {
    /// Every action, with the document list that holds its terms.
    pub const LISTS: [(Action, &'static str); 4] =
        [(Action::Block, "block"), (Action::Discard, "discard"), (Action::Mask, "mask"), (Action::Review, "review")];

    /// The lowercase name used in documents, logs and review events.
    pub fn name(self) -> &'static str {
        match self {
            Action::Review => "review",
            Action::Mask => "mask",
            Action::Discard => "discard",
            Action::Block => "block",
        }
    }
}

/// Whether a document's verdicts are carried out or only reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Verdicts are carried out.
    #[default]
    Enforce,
    /// Nothing is blocked; every would-be verdict is reported to the origin as a review event.
    Monitor,
}

/// One term of a list: `"word"` or `{"term": "word", "code": 10101, "info": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum TermEntry {
    /// Just the term.
    Plain(String),
    /// A term with a custom answer.
    Detailed {
        /// The term.
        term: String,
        /// Custom forbid code shown to the sender (block only).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        code: Option<u32>,
        /// `ErrorInfo` sent with the custom code.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        info: Option<String>,
    },
}

impl TermEntry {
    /// The term's text.
    pub fn term(&self) -> &str {
        match self {
            TermEntry::Plain(t) | TermEntry::Detailed { term: t, .. } => t,
        }
    }

    /// The custom code, if any.
    pub fn code(&self) -> Option<u32> {
        match self {
            TermEntry::Detailed { code, .. } => *code,
            TermEntry::Plain(_) => None,
        }
    }

    /// The custom `ErrorInfo`, if any.
    pub fn info(&self) -> Option<&str> {
        match self {
            TermEntry::Detailed { info, .. } => info.as_deref(),
            TermEntry::Plain(_) => None,
        }
    }
}

/// The `links` check (contract v2): every link a reader would recognise gets `action`, unless its
/// domain is allowed ([`crate::links`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct LinksRule {
    /// What a link does.
    pub action: Action,
    /// Domains that pass: `example.com` (and `www.example.com`), `*.example.org` (it and every
    /// subdomain).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow_domains: Vec<String>,
    /// Top-level domains that count even in a bare `name.tld` (`"top"`, `"shop"`), or that are
    /// not in IANA's list at all (`"pdf"`, an internal one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tlds: Vec<String>,
    /// Custom forbid code (block only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    /// `ErrorInfo` sent with the custom code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<String>,
}

/// One entry of `patterns` (contract v2): a regular expression whose matches get `action`
/// ([`crate::patterns`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct PatternRule {
    /// The regular expression.
    pub pattern: String,
    /// What a match does.
    pub action: Action,
    /// Custom forbid code (block only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    /// `ErrorInfo` sent with the custom code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<String>,
    /// Matched on the text as sent instead of the folded text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub raw: bool,
}

/// `scopes` (contract v2): what a document applies to besides messages
/// ([`crate::other_commands`]). Absent fields: messages on, everything else off (passed to the
/// origin, as before `scopes` existed). Only the global document's `scopes` turn a command on;
/// a group document's terms then apply too where the command names a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct Scopes {
    /// Before-send message callbacks (always decided; `false` is kept for the contract's shape).
    pub messages: bool,
    /// Group and topic names at creation; edited group/topic info, name cards and nicknames
    /// (review events).
    pub group_profile: bool,
    /// Join applications and invitations (bans only: they carry no text).
    pub join_requests: bool,
    /// Friend requests and responses (`AddWording`, `Remark`, `GroupName`, `TagName`).
    pub friend_requests: bool,
}

impl Default for Scopes {
    fn default() -> Self {
        Scopes { messages: true, group_profile: false, join_requests: false, friend_requests: false }
    }
}

/// The `contacts` check (contract v2): contact details of the listed kinds get `action`
/// ([`crate::contacts`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ContactsRule {
    /// What a contact detail does.
    pub action: Action,
    /// Which detectors run (every one when absent or empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<crate::contacts::ContactKind>,
    /// Custom forbid code (block only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    /// `ErrorInfo` sent with the custom code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<String>,
}

/// A rule document. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct RuleDocument {
    /// Forbid.
    pub block: Vec<TermEntry>,
    /// Discard silently.
    pub discard: Vec<TermEntry>,
    /// Mask the matched text.
    pub mask: Vec<TermEntry>,
    /// Deliver and report.
    pub review: Vec<TermEntry>,
    /// Words that contain a listed term but must never match (Scunthorpe).
    pub allow: Vec<String>,
    /// The masking character; `*` when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mask_char: Option<char>,
    /// `enforce` (default) or `monitor`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<Mode>,
    /// The links check; absent: links are not looked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<LinksRule>,
    /// The contacts check; absent: contact details are not looked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts: Option<ContactsRule>,
    /// The operator's regular expressions ([`crate::patterns`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patterns: Vec<PatternRule>,
    /// What the document applies to besides messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Scopes>,
    /// Sender behaviour: messages per window ([`crate::sender_behaviour`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flood: Option<FloodRule>,
    /// Sender behaviour: at most one message per sender per this many seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slow_mode_seconds: Option<u32>,
    /// Sender behaviour: the same text again and again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat: Option<RepeatRule>,
    /// Sender behaviour: block/discard verdicts that mute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strikes: Option<StrikesRule>,
    /// Who skips every check, bans included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt: Option<ExemptRule>,
    /// Fields this version does not know; reported by the rules tool, ignored by the worker.
    #[serde(flatten, skip_serializing)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl RuleDocument {
    /// The sender-behaviour fields together.
    pub fn behaviour(&self) -> Behaviour {
        Behaviour {
            flood: self.flood.clone(),
            slow_mode_seconds: self.slow_mode_seconds,
            repeat: self.repeat.clone(),
            strikes: self.strikes.clone(),
            exempt: self.exempt.clone(),
        }
    }

    /// Parses and checks a document.
    pub fn parse(text: &str) -> Result<Self, DocumentError> {
        let doc: RuleDocument = serde_json::from_str(&crate::jsonc::to_json(text))?;
        doc.check()?;
        Ok(doc)
    }

    /// The terms of `action`'s list.
    pub fn terms(&self, action: Action) -> &[TermEntry] {
        match action {
            Action::Block => &self.block,
            Action::Discard => &self.discard,
            Action::Mask => &self.mask,
            Action::Review => &self.review,
        }
    }

    fn check(&self) -> Result<(), DocumentError> {
        for (action, list) in Action::LISTS {
            for (index, entry) in self.terms(action).iter().enumerate() {
                if entry.term().trim().is_empty() {
                    return Err(DocumentError::EmptyTerm { list, index });
                }
                check_code(entry.code(), list, index)?;
            }
        }
        for (index, pattern) in self.patterns.iter().enumerate() {
            check_code(pattern.code, "patterns", index)?;
        }
        if let Some(contacts) = &self.contacts {
            check_code(contacts.code, "contacts", 0)?;
        }
        let behaviour = self.behaviour();
        behaviour.check()?;
        if let Some(flood) = &behaviour.flood {
            check_code(flood.code, "flood", 0)?;
        }
        if let Some(repeat) = &behaviour.repeat {
            check_code(repeat.code, "repeat", 0)?;
        }
        if let Some(strikes) = &behaviour.strikes {
            check_code(strikes.code, "strikes", 0)?;
        }
        if let Some(links) = &self.links {
            check_code(links.code, "links", 0)?;
            for (index, domain) in links.allow_domains.iter().enumerate() {
                if !valid_allow_domain(domain) {
                    return Err(DocumentError::BadDomain { list: "links.allow_domains", index });
                }
            }
            for (index, tld) in links.tlds.iter().enumerate() {
                if !valid_tld(tld) {
                    return Err(DocumentError::BadDomain { list: "links.tlds", index });
                }
            }
        }
        Ok(())
    }
}

/// A custom code must be in one of Tencent's ranges.
fn check_code(code: Option<u32>, list: &'static str, index: usize) -> Result<(), DocumentError> {
    match code {
        Some(code) if !Conversation::is_custom_code(code) => Err(DocumentError::BadCode { list, index, code }),
        _ => Ok(()),
    }
}

/// A domain: labels of letters, digits and `-` joined by dots (an IPv4 address is one too).
fn valid_domain(domain: &str) -> bool {
    !domain.is_empty()
        && domain.split('.').all(|label| !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// An entry of `links.allow_domains`: a domain, `*.` in front for its subdomains.
pub fn valid_allow_domain(entry: &str) -> bool {
    valid_domain(entry.strip_prefix("*.").unwrap_or(entry))
}

/// An entry of `links.tlds`: one label of letters, digits and `-`.
pub fn valid_tld(entry: &str) -> bool {
    valid_domain(entry) && !entry.contains('.')
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const CONTRACT_EXAMPLE: &str = r#"{
      "block":   [{"term": "buy followers"}, {"term": "傻逼", "code": 10101, "info": "Watch your language"}],
      "discard": [{"term": "free crypto"}],
      "mask":    [{"term": "damn"}],
      "review":  [{"term": "telegram"}],
      "allow":   ["scunthorpe"],
      "mask_char": "*",
      "mode": "enforce"
    }"#;

    #[test]
    fn contract_example_parses() {
        let d = RuleDocument::parse(CONTRACT_EXAMPLE).unwrap();
        assert_eq!(d.block.len(), 2);
        assert_eq!(d.block[1].code(), Some(10101));
        assert_eq!(d.block[1].info(), Some("Watch your language"));
        assert_eq!(d.mode, Some(Mode::Enforce));
        assert_eq!(d.mask_char, Some('*'));
        assert!(d.unknown.is_empty());
    }

    #[test]
    fn plain_strings_and_unknown_fields() {
        let d = RuleDocument::parse(r#"{"mask":["darn"],"mode":"monitor","owner":"t&s"}"#).unwrap();
        assert_eq!(d.mask[0].term(), "darn");
        assert_eq!(d.mode, Some(Mode::Monitor));
        assert!(d.unknown.contains_key("owner"));
    }

    /// Documents the parser refuses, one per way of being broken (a JSON array of the documents'
    /// texts, shared with the rules tool's check, which must refuse each of them too).
    pub(crate) fn broken_documents() -> Vec<String> {
        serde_json::from_str(include_str!("../../../tests/fixtures/rules/broken-documents.json")).unwrap_or_default()
    }

    #[test]
    fn the_broken_documents_are_refused() {
        let docs = broken_documents();
        assert!(docs.len() >= 10, "the fixture is read");
        for bad in &docs {
            assert!(RuleDocument::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn comments_and_a_byte_order_mark_are_read_past() {
        let doc =
            RuleDocument::parse("\u{FEFF}{ // spam\n \"block\": [\"buy followers\"] /* more */ }").expect("JSONC");
        assert_eq!(doc.terms(Action::Block)[0].term(), "buy followers");
    }

    #[test]
    fn action_strength_order() {
        assert!(Action::Block > Action::Discard && Action::Discard > Action::Mask && Action::Mask > Action::Review);
    }
}
