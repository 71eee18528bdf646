//! Review events: what timgate tells the origin when a `review` term matched or a document in
//! monitor mode would have acted. Sent like callbacks, with `CallbackCommand=Timgate.Review`.

use serde::Serialize;
use serde_json::value::RawValue;

use crate::callback::MessageCallback;
use crate::decision::{Decision, Hit};
use crate::envelope::{event_id, event_key, Envelope, EventKind};
use crate::rule_document::Action;

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
    /// C2C messages are identified by `MsgKey` rather than `MsgId`.
    #[serde(rename = "MsgKey", skip_serializing_if = "Option::is_none")]
    msg_key: Option<&'a str>,
    /// What Tencent was told: allow, mask, block, discard.
    verdict: &'static str,
    /// The strongest action any match asked for, carried out or not: with a monitor-mode
    /// document, what would have happened had it been enforced.
    action: &'static str,
    /// Whether any match came from a document in monitor mode.
    monitor: bool,
    matches: Vec<ReviewMatch<'a>>,
    /// The message as received (elements byte for byte when they are strict JSON), so that
    /// `location`, `start` and `end` can be resolved without the after-send event (which a
    /// forbidden message never has).
    #[serde(rename = "MsgBody", skip_serializing_if = "Option::is_none")]
    msg_body: Option<Box<RawValue>>,
    #[serde(rename = "CloudCustomData", skip_serializing_if = "Option::is_none")]
    cloud_custom_data: Option<&'a str>,
    /// For a command other than a message ([`crate::other_commands`]): the field the text was
    /// in (`Name`, `FriendItem[0].AddWording`, `ProfileItem[0].Value`...), whose text is then
    /// the `MsgBody`'s one text element.
    #[serde(rename = "Field", skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
}

/// The strongest action any match asked for, carried out or not.
pub fn strongest_action(hits: &[Hit]) -> Option<Action> {
    hits.iter().map(|h| h.action).max()
}

/// The strongest action a monitor-mode document asked for: reported, not carried out.
pub fn monitored_action(hits: &[Hit]) -> Option<Action> {
    hits.iter().filter(|h| !h.enforced).map(|h| h.action).max()
}

#[derive(Serialize)]
struct ReviewMatch<'a> {
    /// `term`, `links`, `contacts:phone`, `patterns[2]`...
    check: std::borrow::Cow<'static, str>,
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
            check: h.check.name(),
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

/// The query string every review event is sent with.
fn review_query(sdk_app_id: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("SdkAppid", sdk_app_id)
        .append_pair("CallbackCommand", REVIEW_COMMAND)
        .append_pair("contenttype", "json")
        .finish()
}

/// The review event for a decision, ready to be delivered like any other envelope.
///
/// Its id is its own (contract v2, "Event identity"): two callbacks can describe the same message
/// (every sample in the docs carries the same `MsgId`, and a before-send callback has nothing the
/// server assigned yet), so `nonce` must differ for every event made; the glue passes
/// `crypto.randomUUID()`. Retries of the event carry the envelope, and so the id, unchanged.
pub fn review_envelope(
    sdk_app_id: &str,
    original_command: &str,
    callback: &MessageCallback,
    raw_body: &[u8],
    decision: &Decision,
    now: i64,
    nonce: &str,
) -> Envelope {
    field_review_envelope(sdk_app_id, original_command, callback, None, raw_body, decision, now, nonce)
}

/// [`review_envelope`] for the text of one `field` of a command other than a message, checked as
/// the one text element of `callback` ([`crate::other_commands`]).
#[allow(clippy::too_many_arguments)]
pub fn field_review_envelope(
    sdk_app_id: &str,
    original_command: &str,
    callback: &MessageCallback,
    field: Option<&str>,
    raw_body: &[u8],
    decision: &Decision,
    now: i64,
    nonce: &str,
) -> Envelope {
    let body = ReviewBody {
        field,
        command: REVIEW_COMMAND,
        original_command,
        group_id: callback.group_id.as_deref(),
        from_account: callback.from_account.as_deref(),
        to_account: callback.to_account.as_deref(),
        msg_id: callback.msg_id.as_deref(),
        msg_key: callback.msg_key.as_deref(),
        verdict: decision.verdict.name(),
        action: strongest_action(&decision.hits).map_or("none", Action::name),
        monitor: decision.hits.iter().any(|h| !h.enforced),
        matches: decision.hits.iter().map(ReviewMatch::from).collect(),
        msg_body: RawValue::from_string(callback.msg_body_json()).ok(),
        cloud_custom_data: callback.cloud_custom_data.as_deref(),
    };
    let query = review_query(sdk_app_id);
    Envelope {
        id: event_id(REVIEW_COMMAND, &format!("{original_command}\n{}\n{nonce}", event_key(raw_body))),
        kind: EventKind::Review,
        query,
        body: serde_json::to_vec(&body).unwrap_or_default(),
        received_at: now,
        batch_size: None,
    }
}

#[derive(Serialize)]
struct AutoMuteBody<'a> {
    #[serde(rename = "CallbackCommand")]
    command: &'static str,
    /// `auto_mute`.
    #[serde(rename = "Event")]
    event: &'static str,
    #[serde(rename = "GroupId", skip_serializing_if = "Option::is_none")]
    group_id: Option<&'a str>,
    /// The muted sender.
    #[serde(rename = "From_Account")]
    from_account: &'a str,
    /// The ban record written (`ban:<GroupId>:<UserID>` or `ban:<UserID>`).
    ban_key: &'a str,
    /// The ban record's fields.
    until: i64,
    reason: Option<&'a str>,
    code: Option<u32>,
    /// Strikes that led to it.
    strikes: u32,
}

/// The review event sent when `strikes` muted a sender (contract v2): the ban record written and
/// why. Its id is made from the ban key and the mute's end, so a retry is the same event.
pub fn auto_mute_envelope(
    sdk_app_id: &str,
    group_id: Option<&str>,
    sender: &str,
    ban_key: &str,
    record: &crate::ban::BanRecord,
    strikes: u32,
    now: i64,
) -> Envelope {
    let until = record.until.unwrap_or(0);
    let body = AutoMuteBody {
        command: REVIEW_COMMAND,
        event: "auto_mute",
        group_id,
        from_account: sender,
        ban_key,
        until,
        reason: record.reason.as_deref(),
        code: record.code,
        strikes,
    };
    let query = review_query(sdk_app_id);
    Envelope {
        id: event_id(REVIEW_COMMAND, &format!("auto_mute\n{ban_key}\n{until}")),
        kind: EventKind::Review,
        query,
        body: serde_json::to_vec(&body).unwrap_or_default(),
        received_at: now,
        batch_size: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Conversation;
    use crate::decision::{decide, DecisionInput, Lookup};
    use crate::message_text::MessageText;
    use crate::rule_set::RuleSet;
    use crate::settings::FailMode;

    fn envelope(
        conversation: Conversation,
        body: &[u8],
        global: &RuleSet,
        group: Option<&RuleSet>,
        nonce: &str,
    ) -> Envelope {
        let callback = MessageCallback::parse(body).unwrap();
        let text = MessageText::collect(&callback);
        let decision = decide(&DecisionInput {
            conversation,
            message: &text,
            global_rules: Lookup::Found(global),
            group_rules: group.map_or(Lookup::Absent, Lookup::Found),
            global_ban: Lookup::Absent,
            group_ban: Lookup::Absent,
            now_seconds: 0,
            fail_mode: FailMode::Open,
        });
        let command = callback.command.clone().unwrap_or_default();
        let envelope = review_envelope("1400000000", &command, &callback, body, &decision, 0, nonce);
        assert_eq!(envelope.kind, EventKind::Review);
        envelope
    }

    fn event(conversation: Conversation, body: &[u8], global: &RuleSet, group: Option<&RuleSet>) -> serde_json::Value {
        serde_json::from_slice(&envelope(conversation, body, global, group, "n").body).unwrap()
    }

    #[test]
    fn every_review_event_has_its_own_id() {
        let global = RuleSet::from_json(r#"{"review":["telegram"]}"#).unwrap();
        let body = br#"{"CallbackCommand":"Group.CallbackBeforeSendMsg","GroupId":"@TGS#1","MsgId":"same",
            "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"telegram"}}]}"#;
        let first = envelope(Conversation::Group, body, &global, None, "a");
        let second = envelope(Conversation::Group, body, &global, None, "b");
        assert_ne!(first.id, second.id, "two callbacks sharing a MsgId make two events");
        let after_send = Envelope::callback("Group.CallbackAfterSendMsg", "", body, 0);
        assert_ne!(first.id, after_send.id);
    }

    #[test]
    fn a_monitor_event_says_what_would_have_happened_and_where() {
        let global = RuleSet::from_json(r#"{"review":["telegram"]}"#).unwrap();
        let group = RuleSet::from_json(r#"{"block":["spoiler"],"mode":"monitor"}"#).unwrap();
        let body = br#"{"CallbackCommand":"Group.CallbackBeforeSendMsg","GroupId":"@TGS#1","From_Account":"jared",
            "MsgId":"1-2-3","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"spoiler on telegram"}}],
            "CloudCustomData":"cc"}"#;
        let e = event(Conversation::Group, body, &global, Some(&group));
        assert_eq!(e["CallbackCommand"], "Timgate.Review");
        assert_eq!(e["OriginalCommand"], "Group.CallbackBeforeSendMsg");
        assert_eq!(
            (&e["GroupId"], &e["From_Account"], &e["MsgId"]),
            (&"@TGS#1".into(), &"jared".into(), &"1-2-3".into())
        );
        assert_eq!((&e["verdict"], &e["action"], &e["monitor"]), (&"allow".into(), &"block".into(), &true.into()));
        let matches: Vec<(&str, &str, bool, &str, u64, u64)> = e["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                let s = |k: &str| m[k].as_str().unwrap();
                (
                    s("term"),
                    s("scope"),
                    m["enforced"].as_bool().unwrap(),
                    s("rules_version"),
                    m["start"].as_u64().unwrap(),
                    m["end"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            matches,
            [
                ("spoiler", "group", false, group.version(), 0, 7),
                ("telegram", "global", true, global.version(), 11, 19)
            ],
            "in message order"
        );
        assert_eq!(e["MsgBody"][0]["MsgContent"]["Text"], "spoiler on telegram");
        assert_eq!(e["CloudCustomData"], "cc");
    }

    #[test]
    fn a_link_is_named_by_its_check_and_host() {
        let global = RuleSet::from_json(r#"{"review":["telegram"],"links":{"action":"review"}}"#).unwrap();
        let body = br#"{"CallbackCommand":"C2C.CallbackBeforeSendMsg","From_Account":"a","To_Account":"b",
            "MsgKey":"k","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"telegram: t.me/x"}}]}"#;
        let e = event(Conversation::C2c, body, &global, None);
        let matches: Vec<(&str, &str, u64, u64)> = e["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["check"].as_str().unwrap(),
                    m["term"].as_str().unwrap(),
                    m["start"].as_u64().unwrap(),
                    m["end"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(matches, [("term", "telegram", 0, 8), ("links", "t.me", 10, 16)]);
    }

    #[test]
    fn a_c2c_event_carries_the_receiver_and_msg_key() {
        let global = RuleSet::from_json(r#"{"review":["telegram"]}"#).unwrap();
        let body = br#"{"CallbackCommand":"C2C.CallbackBeforeSendMsg","From_Account":"a","To_Account":"b",
            "MsgKey":"2837546_1490686222","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"telegram?"}}]}"#;
        let e = event(Conversation::C2c, body, &global, None);
        assert_eq!(
            (&e["To_Account"], &e["MsgKey"], &e["action"]),
            (&"b".into(), &"2837546_1490686222".into(), &"review".into())
        );
        assert!(e.get("GroupId").is_none() && e.get("MsgId").is_none() && e.get("CloudCustomData").is_none());
    }
}
