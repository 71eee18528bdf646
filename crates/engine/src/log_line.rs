//! One structured JSON log line per callback, readable in `wrangler tail`. Message text appears
//! only when `LOG_MESSAGE_TEXT=true`; secrets never do.

use serde::Serialize;

use crate::settings::PER_MILLION;

/// Everything worth knowing about one callback, after the fact.
#[derive(Debug, Default, Serialize)]
pub struct CallbackLog {
    /// Always `callback`, so log pipelines can filter.
    pub event: &'static str,
    /// `CallbackCommand` (when the query had a well-formed one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// HTTP status answered.
    pub status: u16,
    /// allow, mask, block, discard; queued, direct, duplicate, no_origin; proxied, proxy_failed_open, rejected.
    pub outcome: &'static str,
    /// `ErrorCode` answered (before-send).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    /// Why: global_ban, group_ban, rules, fail_mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<&'static str>,
    /// Matched terms as `scope/action:term`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub matched: Vec<String>,
    /// The strongest action a monitor-mode document asked for and did not carry out: what the
    /// outcome would have been in enforce mode (a pilot's "would have blocked").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub would_be: Option<&'static str>,
    /// Versions of the rule documents used.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    /// `GroupId`, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// `From_Account`: the sender, when the body names one (a user id, not message text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// `To_Account`: the receiver of a one-to-one (C2C) message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peer: Option<String>,
    /// `webhook-id` of the event passed on, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The sender-behaviour state: `checked` (the `GROUP_STATE` object answered) or `unavailable`
    /// (it did not in time: `FAIL_MODE` decided those checks); absent when not needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub behaviour: Option<&'static str>,
    /// The ban key written when `strikes` muted the sender.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub muted: Option<String>,
    /// What went wrong, when something did (parse errors, unreadable KV, origin failures).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// The message text (only with `LOG_MESSAGE_TEXT=true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Vec<String>>,
    /// Milliseconds spent in the worker.
    pub ms: f64,
    /// Routine lines written per million (`LOG_ROUTINE_SAMPLE`); not part of the line.
    #[serde(skip)]
    pub routine_per_million: u32,
}

impl CallbackLog {
    /// A new line for a callback.
    pub fn new() -> Self {
        Self { event: "callback", outcome: "unknown", routine_per_million: PER_MILLION, ..Self::default() }
    }

    /// A callback that went as most do: a message allowed with nothing found (no term, link,
    /// contact or pattern, no monitor-mode match, no review), an event passed on, a before-type
    /// command relayed to the origin; answered 200 with no problem, no mute, no ban, no exemption,
    /// no `FAIL_MODE`. `LOG_ROUTINE_SAMPLE` thins out these lines only; every other line is
    /// always written.
    pub fn is_routine(&self) -> bool {
        matches!(self.outcome, "allow" | "queued" | "direct" | "proxied")
            && self.status == 200
            && matches!(self.basis, None | Some("rules"))
            && self.matched.is_empty()
            && self.would_be.is_none()
            && self.muted.is_none()
            && self.behaviour != Some("unavailable")
            && self.problems.is_empty()
    }

    /// Whether this line is written: always when it is not routine; otherwise as `sample` says.
    pub fn is_written(&self, sample: &mut RoutineSample) -> bool {
        !self.is_routine() || sample.keep(self.routine_per_million)
    }

    /// The line as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{\"event\":\"callback\"}"))
    }
}

/// Which routine lines are written, one isolate's count: each routine line adds its share (per
/// million) to a credit and is written when the credit reaches a whole line. A share of 0.25
/// writes exactly every fourth; no random numbers, so a test can count.
#[derive(Debug, Default)]
pub struct RoutineSample {
    credit: u32,
}

impl RoutineSample {
    /// Whether the next routine line is written, at `per_million` lines per million.
    pub fn keep(&mut self, per_million: u32) -> bool {
        self.credit = self.credit.saturating_add(per_million.min(PER_MILLION));
        if self.credit >= PER_MILLION {
            self.credit -= PER_MILLION;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed() -> CallbackLog {
        CallbackLog { outcome: "allow", status: 200, basis: Some("rules"), ..CallbackLog::new() }
    }

    #[test]
    fn only_what_went_as_most_do_is_routine() {
        assert!(allowed().is_routine());
        for outcome in ["queued", "direct", "proxied"] {
            assert!(CallbackLog { outcome, basis: None, ..allowed() }.is_routine(), "{outcome}");
        }
        let noteworthy = [
            CallbackLog { outcome: "block", ..allowed() },
            CallbackLog { outcome: "mask", ..allowed() },
            CallbackLog { outcome: "discard", ..allowed() },
            CallbackLog { outcome: "rejected", status: 401, ..allowed() },
            CallbackLog { outcome: "duplicate", basis: None, ..allowed() },
            CallbackLog { outcome: "no_origin", basis: None, ..allowed() },
            CallbackLog { outcome: "proxy_failed_open", basis: None, ..allowed() },
            CallbackLog { outcome: "misconfigured", status: 500, basis: None, ..allowed() },
            CallbackLog { status: 500, ..allowed() },
            CallbackLog { basis: Some("fail_mode"), ..allowed() },
            CallbackLog { basis: Some("exempt"), ..allowed() },
            CallbackLog { matched: vec!["global/review:spoiler".into()], ..allowed() },
            CallbackLog { would_be: Some("block"), ..allowed() },
            CallbackLog { muted: Some("ban:group:g:u".into()), ..allowed() },
            CallbackLog { behaviour: Some("unavailable"), ..allowed() },
            CallbackLog { problems: vec!["KV: timeout".into()], ..allowed() },
        ];
        for line in noteworthy {
            assert!(!line.is_routine(), "{}", line.to_json());
            assert!(line.is_written(&mut RoutineSample::default()), "{}", line.to_json());
        }
        assert!(CallbackLog { behaviour: Some("checked"), ..allowed() }.is_routine());
    }

    #[test]
    fn a_share_writes_exactly_that_share_of_routine_lines() {
        for (per_million, of_1000) in [(0, 0), (1, 0), (1_000, 1), (250_000, 250), (333_333, 333), (PER_MILLION, 1000)]
        {
            let line = CallbackLog { routine_per_million: per_million, ..allowed() };
            let mut sample = RoutineSample::default();
            let written = (0..1000).filter(|_| line.is_written(&mut sample)).count();
            assert_eq!(written, of_1000, "{per_million} per million");
        }
        // Evenly spread: at 0.25, every fourth line.
        let line = CallbackLog { routine_per_million: 250_000, ..allowed() };
        let mut sample = RoutineSample::default();
        let pattern: Vec<bool> = (0..8).map(|_| line.is_written(&mut sample)).collect();
        assert_eq!(pattern, [false, false, false, true, false, false, false, true]);
    }

    #[test]
    fn the_share_is_not_part_of_the_line() {
        assert!(!allowed().to_json().contains("routine"));
    }
}
