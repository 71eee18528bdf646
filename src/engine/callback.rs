//! The JSON body of a message callback (`Group.*SendMsg`, `C2C.*SendMsg`), parsed tolerantly:
//! unknown fields are ignored, and fields that only describe the message (`Random`, `EventTime`,
//! `MsgSeq`...) become `None` when they have the wrong type instead of failing the whole body.
//! Only what a decision cannot do without is strict: the body is an object and `MsgBody`, when
//! present, is an array.

use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::engine::{json_comments, json_scan};

/// A body that cannot be used for a decision.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    /// Not JSON, not an object, or a decisive field of the wrong type.
    #[error("the callback body is not usable JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Valid JSON, but not an object.
    #[error("the callback body is not a JSON object")]
    NotAnObject,
}

/// A message callback body. Field names follow Tencent's spelling.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct MessageCallback {
    /// `CallbackCommand`, cross-checked with the query string.
    #[serde(rename = "CallbackCommand", deserialize_with = "lenient")]
    pub command: Option<String>,
    /// `GroupId` (group and room messages).
    #[serde(rename = "GroupId", deserialize_with = "lenient")]
    pub group_id: Option<String>,
    /// `Type`: Public, Private, ChatRoom, AVChatRoom, Community, Live.
    #[serde(rename = "Type", deserialize_with = "lenient")]
    pub group_type: Option<String>,
    /// `From_Account`: the sender.
    #[serde(rename = "From_Account", deserialize_with = "lenient")]
    pub from_account: Option<String>,
    /// `To_Account`: the receiver of a C2C message.
    #[serde(rename = "To_Account", deserialize_with = "lenient")]
    pub to_account: Option<String>,
    /// `Operator_Account`: who made the request (an admin, for REST API sends).
    #[serde(rename = "Operator_Account", deserialize_with = "lenient")]
    pub operator_account: Option<String>,
    /// `Random` (group) as a u32.
    #[serde(rename = "Random", deserialize_with = "lenient")]
    pub random: Option<u32>,
    /// `MsgRandom` (C2C) as a u32.
    #[serde(rename = "MsgRandom", deserialize_with = "lenient")]
    pub msg_random: Option<u32>,
    /// `MsgId`: absent from older senders.
    #[serde(rename = "MsgId", deserialize_with = "lenient")]
    pub msg_id: Option<String>,
    /// `MsgKey` (C2C).
    #[serde(rename = "MsgKey", deserialize_with = "lenient")]
    pub msg_key: Option<String>,
    /// `MsgSeq` (after-send).
    #[serde(rename = "MsgSeq", deserialize_with = "lenient")]
    pub msg_seq: Option<u64>,
    /// `MsgTime` in seconds (after-send).
    #[serde(rename = "MsgTime", deserialize_with = "lenient")]
    pub msg_time: Option<u64>,
    /// `TopicId` (communities).
    #[serde(rename = "TopicId", deserialize_with = "lenient")]
    pub topic_id: Option<String>,
    /// `EventTime` in milliseconds, sent as a number or as a string.
    #[serde(rename = "EventTime", deserialize_with = "lenient_event_time")]
    pub event_time: Option<u64>,
    /// `CloudCustomData`: may carry quoted text (TUIKit replies).
    #[serde(rename = "CloudCustomData", deserialize_with = "lenient")]
    pub cloud_custom_data: Option<String>,
    /// `MsgBody`: the elements, kept as raw JSON so untouched ones are returned byte for byte.
    #[serde(rename = "MsgBody", deserialize_with = "msg_body")]
    pub msg_body: Vec<Box<RawValue>>,
}

impl MessageCallback {
    /// Parses a body; a body with `//` comments (a documentation sample) is read without them.
    ///
    /// What a sender controls never makes a body unreadable: invalid UTF-8 is read as U+FFFD,
    /// `\u` escapes of lone surrogates as `\ufffd`, and a descriptive field of the wrong type
    /// or shape (even nested past serde_json's depth limit) as absent.
    pub fn parse(body: &[u8]) -> Result<Self, BodyError> {
        let text = String::from_utf8_lossy(body);
        match Self::parse_strict(&text) {
            Err(BodyError::Json(e)) => match json_comments::blank_comments(text.as_bytes()) {
                Some(stripped) => Self::parse_strict(&String::from_utf8_lossy(&stripped)),
                None => Err(BodyError::Json(e)),
            },
            other => other,
        }
    }

    fn parse_strict(text: &str) -> Result<Self, BodyError> {
        // serde would also accept a struct written as an array of its fields: refuse that.
        if text.trim_start().starts_with('[') {
            return Err(BodyError::NotAnObject);
        }
        Ok(serde_json::from_str(&json_scan::repair_lone_surrogates(text))?)
    }
}

/// Deserialises `T`, or `None` when the value is null, of another type, or too deep to read.
fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    // Capturing the raw text never recurses, so no value can fail the whole body.
    let raw = Box::<RawValue>::deserialize(deserializer)?;
    Ok(serde_json::from_str(raw.get()).ok())
}

/// `EventTime` as a number (`1670574414123`) or a string (`"1670574414123"`).
fn lenient_event_time<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    Ok(match lenient::<D, serde_json::Value>(deserializer)?.unwrap_or_default() {
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// `MsgBody` must be an array when present: an object here means we cannot see the text,
/// which is a parse failure (the fail mode answers), not an empty message.
fn msg_body<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Box<RawValue>>, D::Error> {
    Option::<Vec<Box<RawValue>>>::deserialize(deserializer).map(Option::unwrap_or_default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_fields_and_unknown_ones() {
        let body = br#"{"CallbackCommand":"Group.CallbackBeforeSendMsg","GroupId":"@TGS#2J4SZEAEL","Type":"Live",
            "From_Account":"jared","Operator_Account":"admin","Random":123456,
            "MsgId":"144115233406643804-1727580296-4026038328",
            "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}],
            "CloudCustomData":"your cloud custom data","EventTime":"1670574414123","FieldFrom2030":{"x":1}}"#;
        let m = MessageCallback::parse(body).unwrap();
        assert_eq!(m.group_id.as_deref(), Some("@TGS#2J4SZEAEL"));
        assert_eq!(m.random, Some(123456));
        assert_eq!(m.event_time, Some(1670574414123));
        assert_eq!(m.msg_body.len(), 1);
        assert_eq!(m.msg_body[0].get(), r#"{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}"#);
    }

    #[test]
    fn event_time_as_number() {
        let m = MessageCallback::parse(br#"{"EventTime":1670574414123}"#).unwrap();
        assert_eq!(m.event_time, Some(1670574414123));
    }

    #[test]
    fn descriptive_fields_of_the_wrong_type_become_none() {
        let m = MessageCallback::parse(
            br#"{"Random":-1,"MsgSeq":"x","EventTime":{"t":1},"MsgId":7,"From_Account":"a","MsgBody":[]}"#,
        )
        .unwrap();
        assert_eq!((m.random, m.msg_seq, m.event_time, m.msg_id), (None, None, None, None));
        assert_eq!(m.from_account.as_deref(), Some("a"));
        let big = MessageCallback::parse(br#"{"Random":4294967296}"#).unwrap();
        assert_eq!(big.random, None);
    }

    #[test]
    fn older_bodies_without_msg_id_and_event_time() {
        let m =
            MessageCallback::parse(br#"{"CallbackCommand":"Group.CallbackAfterSendMsg","MsgSeq":123,"MsgBody":[]}"#)
                .unwrap();
        assert_eq!((m.msg_id, m.event_time, m.msg_seq), (None, None, Some(123)));
    }

    #[test]
    fn unusable_bodies_fail() {
        for body in
            [&b""[..], b"not json", b"[]", b"42", b"\"s\"", br#"{"MsgBody":{"Text":"x"}}"#, br#"{"MsgBody":"x"}"#]
        {
            assert!(MessageCallback::parse(body).is_err(), "{}", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn null_msg_body_is_empty() {
        assert!(MessageCallback::parse(br#"{"MsgBody":null}"#).unwrap().msg_body.is_empty());
    }
}
