//! The last decisions worth a moderator's look, for the console's "Recent verdicts": every
//! verdict other than allow, and every allow a monitor-mode document would have acted on. The
//! worker's `VERDICT_LOG` Durable Object keeps them in a ring of [`CAPACITY`] entries; this module
//! is what an entry holds, which decisions make one, and the filter the console asks for.
//!
//! An entry holds what decided (verdict, basis, the checks that fired with the operator's terms
//! and patterns, the documents' scopes), who and where (sender, group), never anything of the
//! message's text: a `links` or `contacts` hit is kept as its check alone (its "term" is the
//! sender's link or contact as written, as the callback's log line leaves it out too). A
//! moderator who needs the text finds it in the origin's review event or, with
//! `LOG_MESSAGE_TEXT`, in the logs.

use serde::{Deserialize, Serialize};

use crate::decision::{Basis, Check, Decision, Verdict};
use crate::review_event::monitored_action;
use crate::rule_document::Action;

/// How many entries the ring keeps.
pub const CAPACITY: usize = 1000;

/// The most entries one listing returns.
pub const MAX_LIST: usize = 200;

/// One decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentVerdict {
    /// Unix milliseconds.
    pub at: u64,
    /// `CallbackCommand`.
    pub command: String,
    /// `allow`, `block`, `discard`, `mask`.
    pub verdict: String,
    /// What decided: `rules`, `global_ban`, `group_ban`, `fail_mode`.
    pub basis: String,
    /// What a monitor-mode document would have done.
    #[serde(default)]
    pub would_be: Option<String>,
    /// `GroupId`, for group messages.
    #[serde(default)]
    pub group: Option<String>,
    /// `From_Account`.
    #[serde(default)]
    pub sender: Option<String>,
    /// Each hit: `check`, `term`, `action`, `scope`, whether enforced.
    #[serde(default)]
    pub hits: Vec<RecentHit>,
}

/// One check that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentHit {
    /// `term`, `links`, `contacts.*`, `patterns[n]`, or a sender-behaviour check.
    pub check: String,
    /// The term (or what stands for it: a domain, a pattern's name).
    pub term: String,
    /// Its action.
    pub action: String,
    /// `global` or `group`.
    pub scope: String,
    /// Whether its document enforces it (false: monitor mode).
    pub enforced: bool,
}

/// Terms longer than this are cut (a pattern's source can be long).
const MAX_TERM_CHARS: usize = 200;
/// Hits kept per entry.
const MAX_HITS: usize = 20;

impl RecentVerdict {
    /// The entry for a decision, or `None` when it is not worth keeping: an allow that no
    /// monitor-mode document would have acted on, or an exempt sender.
    pub fn of(decision: &Decision, command: &str, group: Option<&str>, sender: Option<&str>, at: u64) -> Option<Self> {
        let would_be = monitored_action(&decision.hits).map(Action::name);
        if decision.basis == Basis::Exempt || (decision.verdict == Verdict::Deliver && would_be.is_none()) {
            return None;
        }
        Some(RecentVerdict {
            at,
            command: command.to_owned(),
            verdict: decision.verdict.name().to_owned(),
            basis: decision.basis.name().to_owned(),
            would_be: would_be.map(str::to_owned),
            group: group.map(str::to_owned),
            sender: sender.map(str::to_owned),
            hits: decision
                .hits
                .iter()
                .take(MAX_HITS)
                .map(|h| RecentHit {
                    check: h.check.name().into_owned(),
                    // The operator's own terms and patterns; what links and contacts found is the
                    // sender's text.
                    term: match h.check {
                        Check::Term | Check::Pattern(_) => h.term.chars().take(MAX_TERM_CHARS).collect(),
                        _ => String::new(),
                    },
                    action: h.action.name().to_owned(),
                    scope: h.scope.name().to_owned(),
                    enforced: h.enforced,
                })
                .collect(),
        })
    }

    /// Whether it passes the console's filter: `verdict` (`block`, ..., or `monitor` for the
    /// allows a monitor-mode document would have acted on) and `group` (exact), each optional.
    pub fn matches(&self, verdict: Option<&str>, group: Option<&str>) -> bool {
        let verdict_ok = match verdict {
            None | Some("") => true,
            Some("monitor") => self.verdict == "allow" && self.would_be.is_some(),
            Some(v) => self.verdict == v,
        };
        verdict_ok && group.is_none_or(|g| g.is_empty() || self.group.as_deref() == Some(g))
    }
}

/// The newest `limit` (at most [`MAX_LIST`]) entries of `entries` (oldest first) that pass the
/// filter, newest first.
pub fn select<'a>(
    entries: impl DoubleEndedIterator<Item = &'a RecentVerdict>,
    verdict: Option<&str>,
    group: Option<&str>,
    limit: usize,
) -> Vec<&'a RecentVerdict> {
    entries.rev().filter(|e| e.matches(verdict, group)).take(limit.min(MAX_LIST)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::{Hit, Scope};

    fn hit(action: Action, enforced: bool) -> Hit {
        Hit {
            check: Check::Term,
            scope: Scope::Global,
            rules_version: "v".into(),
            term_index: 0,
            term: "buy followers".into(),
            action,
            enforced,
            segment: 0,
            location: "MsgBody[0]".into(),
            start: 0,
            end: 3,
            pieces: Vec::new(),
        }
    }

    fn decision(verdict: Verdict, basis: Basis, hits: Vec<Hit>) -> Decision {
        Decision { verdict, basis, hits, allowed: Vec::new() }
    }

    #[test]
    fn which_decisions_are_kept() {
        let block =
            decision(Verdict::Forbid { code: 1, info: String::new() }, Basis::Rules, vec![hit(Action::Block, true)]);
        let entry = RecentVerdict::of(&block, "Group.CallbackBeforeSendMsg", Some("@TGS#a"), Some("u"), 5).unwrap();
        assert_eq!((entry.verdict.as_str(), entry.hits[0].term.as_str()), ("block", "buy followers"));
        let clean = decision(Verdict::Deliver, Basis::Rules, Vec::new());
        assert_eq!(RecentVerdict::of(&clean, "c", None, None, 5), None, "a plain allow is not kept");
        let monitored = decision(Verdict::Deliver, Basis::Rules, vec![hit(Action::Block, false)]);
        let entry = RecentVerdict::of(&monitored, "c", None, None, 5).unwrap();
        assert_eq!(entry.would_be.as_deref(), Some("block"));
        let exempt = decision(Verdict::Deliver, Basis::Exempt, vec![hit(Action::Block, true)]);
        assert_eq!(RecentVerdict::of(&exempt, "c", None, None, 5), None);
    }

    #[test]
    fn what_links_and_contacts_found_is_not_kept() {
        let mut phone = hit(Action::Block, true);
        phone.check = Check::Contacts(crate::contacts::ContactKind::Phone);
        phone.term = "13800138000".into();
        let mut link = hit(Action::Block, true);
        link.check = Check::Links;
        link.term = "evil.example".into();
        let block = decision(Verdict::Forbid { code: 1, info: String::new() }, Basis::Rules, vec![phone, link]);
        let entry = RecentVerdict::of(&block, "c", None, None, 1).unwrap();
        let json = serde_json::to_string(&entry).unwrap();
        assert!(!json.contains("13800138000") && !json.contains("evil.example"), "{json}");
        assert_eq!(entry.hits.len(), 2);
    }

    #[test]
    fn the_filter_and_the_order() {
        let make = |at, verdict: &str, group: &str, would_be: Option<&str>| RecentVerdict {
            at,
            command: "c".into(),
            verdict: verdict.into(),
            basis: "rules".into(),
            would_be: would_be.map(Into::into),
            group: Some(group.into()),
            sender: None,
            hits: Vec::new(),
        };
        let entries = [
            make(1, "block", "a", None),
            make(2, "mask", "b", None),
            make(3, "allow", "a", Some("block")),
            make(4, "block", "b", None),
        ];
        let at = |v: Vec<&RecentVerdict>| v.iter().map(|e| e.at).collect::<Vec<_>>();
        assert_eq!(at(select(entries.iter(), None, None, 10)), [4, 3, 2, 1]);
        assert_eq!(at(select(entries.iter(), Some("block"), None, 10)), [4, 1]);
        assert_eq!(at(select(entries.iter(), Some("block"), Some("a"), 10)), [1]);
        assert_eq!(at(select(entries.iter(), Some("monitor"), None, 10)), [3]);
        assert_eq!(at(select(entries.iter(), None, Some(""), 2)), [4, 3]);
        assert_eq!(select(entries.iter(), None, None, 100_000).len(), 4, "capped, not failing");
    }
}
