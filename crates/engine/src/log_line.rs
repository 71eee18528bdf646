//! One structured JSON log line per callback, readable in `wrangler tail`. Message text appears
//! only when `LOG_MESSAGE_TEXT=true`; secrets never do.

use serde::Serialize;

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
}

impl CallbackLog {
    /// A new line for a callback.
    pub fn new() -> Self {
        Self { event: "callback", outcome: "unknown", ..Self::default() }
    }

    /// The line as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{\"event\":\"callback\"}"))
    }
}
