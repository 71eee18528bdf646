//! Review events: what timgate tells the origin when a `review` term matched or a document in
//! monitor mode would have acted. Sent like callbacks, with `CallbackCommand=Timgate.Review`.

use serde::Serialize;

use crate::engine::callback::MessageCallback;
use crate::engine::decision::{Decision, Hit};
use crate::engine::envelope::{event_id, event_key, Envelope, EventKind};

/// The `CallbackCommand` of review events, so origins that route on it can tell them apart.
pub const REVIEW_COMMAND: &str = "Timgate.Review";

#[derive(Serialize)]
struct ReviewBody<'a> {
    #[serde(rename = "CallbackCommand")]
    command: &'static str,
    /// The callback that was decided.
    #[serde(rename = "OriginalCommand")]
    original_command: &'a str,
    #[serde(rename = "GroupId", skip_serializing_if = "Option::is_none")]
    group_id: Option<&'a str>,
    #[serde(rename = "From_Account", skip_serializing_if = "Option::is_none")]
    from_account: Option<&'a str>,
    #[serde(rename = "To_Account", skip_serializing_if = "Option::is_none")]
    to_account: Option<&'a str>,
    #[serde(rename = "MsgId", skip_serializing_if = "Option::is_none")]
    msg_id: Option<&'a str>,
    /// What Tencent was told: allow, mask, block, discard.
    verdict: &'static str,
    /// Whether any match came from a document in monitor mode.
    monitor: bool,
    matches: Vec<ReviewMatch<'a>>,
}

#[derive(Serialize)]
struct ReviewMatch<'a> {
    term: &'a str,
    action: &'static str,
    enforced: bool,
    scope: &'static str,
    rules_version: &'a str,
    location: &'a str,
    start: usize,
    end: usize,
}

impl<'a> From<&'a Hit> for ReviewMatch<'a> {
    fn from(h: &'a Hit) -> Self {
        Self {
            term: &h.term,
            action: h.action.name(),
            enforced: h.enforced,
            scope: h.scope.name(),
            rules_version: &h.rules_version,
            location: &h.location,
            start: h.start,
            end: h.end,
        }
    }
}

/// The review event for a decision, ready to be delivered like any other envelope.
pub fn review_envelope(
    sdk_app_id: &str,
    original_command: &str,
    callback: &MessageCallback,
    raw_body: &[u8],
    decision: &Decision,
    now: i64,
) -> Envelope {
    let body = ReviewBody {
        command: REVIEW_COMMAND,
        original_command,
        group_id: callback.group_id.as_deref(),
        from_account: callback.from_account.as_deref(),
        to_account: callback.to_account.as_deref(),
        msg_id: callback.msg_id.as_deref(),
        verdict: decision.verdict.name(),
        monitor: decision.hits.iter().any(|h| !h.enforced),
        matches: decision.hits.iter().map(ReviewMatch::from).collect(),
    };
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("SdkAppid", sdk_app_id)
        .append_pair("CallbackCommand", REVIEW_COMMAND)
        .append_pair("contenttype", "json")
        .finish();
    Envelope {
        id: event_id(REVIEW_COMMAND, &format!("{original_command}\n{}", event_key(raw_body))),
        kind: EventKind::Review,
        query,
        body: serde_json::to_vec(&body).unwrap_or_default(),
        received_at: now,
        batch_size: None,
    }
}
