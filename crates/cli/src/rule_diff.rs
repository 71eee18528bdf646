//! What changes between two rule documents, term by term, as an operator reads it before a push.

use std::fmt;

use timgate_engine::rule_document::{Action, Mode, RuleDocument, TermEntry};

/// One difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A term or allowed word that only the new document has.
    Added {
        /// `block`, ..., `allow`.
        list: &'static str,
        /// The term, with its code and info.
        entry: String,
    },
    /// A term or allowed word that only the old document has.
    Removed {
        /// `block`, ..., `allow`.
        list: &'static str,
        /// The term, with its code and info.
        entry: String,
    },
    /// A setting or a term's code or info.
    Changed {
        /// What changed: `mode`, `mask_char`, `block "x" code`.
        what: String,
        /// Before.
        from: String,
        /// After.
        to: String,
    },
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Added { list, entry } => write!(f, "+ {list} {entry}"),
            Change::Removed { list, entry } => write!(f, "- {list} {entry}"),
            Change::Changed { what, from, to } => write!(f, "~ {what}: {from} → {to}"),
        }
    }
}

/// The changes from `old` to `new`: settings first, then each list in strength order, removals
/// before additions. Terms are compared as written (a change of case is a removal and an addition).
pub fn diff(old: &RuleDocument, new: &RuleDocument) -> Vec<Change> {
    let mut changes = Vec::new();
    let mode = |d: &RuleDocument| match d.mode.unwrap_or_default() {
        Mode::Enforce => "enforce",
        Mode::Monitor => "monitor",
    };
    if mode(old) != mode(new) {
        changes.push(Change::Changed { what: "mode".into(), from: mode(old).into(), to: mode(new).into() });
    }
    let mask_char = |d: &RuleDocument| format!("{:?}", d.mask_char.unwrap_or('*'));
    if mask_char(old) != mask_char(new) {
        changes.push(Change::Changed { what: "mask_char".into(), from: mask_char(old), to: mask_char(new) });
    }
    for (action, list) in Action::LISTS {
        let (before, after) = (old.terms(action), new.terms(action));
        for entry in before.iter().filter(|e| find(after, e.term()).is_none()) {
            changes.push(Change::Removed { list, entry: describe(entry) });
        }
        for entry in after {
            match find(before, entry.term()) {
                None => changes.push(Change::Added { list, entry: describe(entry) }),
                Some(was) => {
                    let what = |field: &str| format!("{list} {:?} {field}", entry.term());
                    let show = |v: Option<String>| v.unwrap_or_else(|| "none".into());
                    if was.code() != entry.code() {
                        let (from, to) =
                            (show(was.code().map(|c| c.to_string())), show(entry.code().map(|c| c.to_string())));
                        changes.push(Change::Changed { what: what("code"), from, to });
                    }
                    if was.info() != entry.info() {
                        let (from, to) =
                            (show(was.info().map(|i| format!("{i:?}"))), show(entry.info().map(|i| format!("{i:?}"))));
                        changes.push(Change::Changed { what: what("info"), from, to });
                    }
                }
            }
        }
    }
    for word in old.allow.iter().filter(|w| !new.allow.contains(w)) {
        changes.push(Change::Removed { list: "allow", entry: format!("{word:?}") });
    }
    for word in new.allow.iter().filter(|w| !old.allow.contains(w)) {
        changes.push(Change::Added { list: "allow", entry: format!("{word:?}") });
    }
    changes
}

fn find<'e>(entries: &'e [TermEntry], term: &str) -> Option<&'e TermEntry> {
    entries.iter().find(|e| e.term() == term)
}

fn describe(entry: &TermEntry) -> String {
    let mut out = format!("{:?}", entry.term());
    if let Some(code) = entry.code() {
        out.push_str(&format!(" (code {code})"));
    }
    if let Some(info) = entry.info() {
        out.push_str(&format!(" (info {info:?})"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(old: &str, new: &str) -> Vec<String> {
        diff(&RuleDocument::parse(old).unwrap(), &RuleDocument::parse(new).unwrap())
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn term_by_term() {
        let old = r#"{"block":[{"term":"傻逼","code":10101},"spam"],"mask":["heck"],"allow":["a"],"mode":"monitor"}"#;
        let new = r##"{"block":[{"term":"傻逼","code":10102,"info":"No"},"spam","spoiler"],"allow":["a","b"],"mask_char":"#"}"##;
        assert_eq!(
            lines(old, new),
            [
                "~ mode: monitor → enforce",
                "~ mask_char: '*' → '#'",
                "~ block \"傻逼\" code: 10101 → 10102",
                "~ block \"傻逼\" info: none → \"No\"",
                "+ block \"spoiler\"",
                "- mask \"heck\"",
                "+ allow \"b\"",
            ]
        );
    }

    #[test]
    fn formatting_is_not_a_change() {
        assert_eq!(
            lines(r#"{"mask":["x"]}"#, "{\n  \"mask\": [{\"term\": \"x\"}],\n  \"mode\": \"enforce\"\n}"),
            Vec::<String>::new()
        );
    }
}
