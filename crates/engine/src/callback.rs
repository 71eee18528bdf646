//! The JSON body of a message callback (`Group.*SendMsg`, `C2C.*SendMsg`), read leniently
//! (`lenient_json.rs`): nothing a sender writes outside what makes a body a body (an object, and
//! `MsgBody` an array when present) makes it unreadable. A field of the wrong type reads as
//! absent; `NaN`, `Infinity`, numbers beyond `f64`, lone surrogates, comments and any nesting
//! depth are read as a JavaScript client reads them, so that the text a user sees is the text
//! decided on.

use crate::lenient_json::{Document, Kind, ValueId};

/// A body that cannot be used for a decision.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BodyError {
    /// No JSON value at all, or a value that is not an object.
    #[error("the callback body is not a JSON object")]
    NotAnObject,
    /// `MsgBody` is there but is not an array: the text cannot be seen.
    #[error("the callback body's MsgBody is not an array")]
    MsgBodyNotArray,
    /// The body ends inside a value: what it held is unknown.
    #[error("the callback body ends before its JSON does")]
    Truncated,
}

/// A message callback body. Field names follow Tencent's spelling.
#[derive(Debug, Clone, Default)]
pub struct MessageCallback {
    doc: Document,
    msg_body: Option<ValueId>,
    /// `CallbackCommand`, cross-checked with the query string.
    pub command: Option<String>,
    /// `GroupId` (group and room messages).
    pub group_id: Option<String>,
    /// `Type`: Public, Private, ChatRoom, AVChatRoom, Community, Live.
    pub group_type: Option<String>,
    /// `From_Account`: the sender.
    pub from_account: Option<String>,
    /// `To_Account`: the receiver of a C2C message.
    pub to_account: Option<String>,
    /// `Operator_Account`: who made the request (an admin, for REST API sends).
    pub operator_account: Option<String>,
    /// `Random` (group) as a u32.
    pub random: Option<u32>,
    /// `MsgRandom` (C2C) as a u32.
    pub msg_random: Option<u32>,
    /// `MsgId`: absent from older senders.
    pub msg_id: Option<String>,
    /// `MsgKey` (C2C).
    pub msg_key: Option<String>,
    /// `MsgSeq` (after-send).
    pub msg_seq: Option<u64>,
    /// `MsgTime` in seconds (after-send).
    pub msg_time: Option<u64>,
    /// `TopicId` (communities).
    pub topic_id: Option<String>,
    /// `EventTime` in milliseconds, sent as a number or as a string.
    pub event_time: Option<u64>,
    /// `CloudCustomData`: may carry quoted text (TUIKit replies).
    pub cloud_custom_data: Option<String>,
}

impl MessageCallback {
    /// Reads a body. Invalid UTF-8 reads as U+FFFD; everything else is as in the module docs.
    pub fn parse(body: &[u8]) -> Result<Self, BodyError> {
        let doc = Document::parse_bytes(body);
        let root = doc.root().filter(|&r| doc.kind(r) == Some(Kind::Object)).ok_or(BodyError::NotAnObject)?;
        if doc.is_truncated() {
            return Err(BodyError::Truncated);
        }
        // Every field in one pass over the root's members (each key decoded once).
        let [msg_body, event_time, command, group_id, group_type, from_account, to_account, operator_account, random, msg_random, msg_id, msg_key, msg_seq, msg_time, topic_id, cloud_custom_data] =
            doc.get_many(
                root,
                [
                    "MsgBody",
                    "EventTime",
                    "CallbackCommand",
                    "GroupId",
                    "Type",
                    "From_Account",
                    "To_Account",
                    "Operator_Account",
                    "Random",
                    "MsgRandom",
                    "MsgId",
                    "MsgKey",
                    "MsgSeq",
                    "MsgTime",
                    "TopicId",
                    "CloudCustomData",
                ],
            );
        let msg_body = match msg_body {
            Some(v) if doc.kind(v) == Some(Kind::Array) => Some(v),
            Some(v) if doc.kind(v) == Some(Kind::Scalar) && doc.raw(v) == "null" => None,
            Some(_) => return Err(BodyError::MsgBodyNotArray),
            None => None,
        };
        let text = |v: Option<ValueId>| v.and_then(|v| doc.str(v)).map(|s| s.into_owned());
        let number = |v: Option<ValueId>| v.and_then(|v| doc.as_u64(v));
        let event_time = event_time.and_then(|v| match doc.kind(v) {
            Some(Kind::String) => doc.str(v).and_then(|s| s.trim().parse().ok()),
            _ => doc.as_u64(v),
        });
        Ok(MessageCallback {
            command: text(command),
            group_id: text(group_id),
            group_type: text(group_type),
            from_account: text(from_account),
            to_account: text(to_account),
            operator_account: text(operator_account),
            random: number(random).and_then(|n| u32::try_from(n).ok()),
            msg_random: number(msg_random).and_then(|n| u32::try_from(n).ok()),
            msg_id: text(msg_id),
            msg_key: text(msg_key),
            msg_seq: number(msg_seq),
            msg_time: number(msg_time),
            topic_id: text(topic_id),
            event_time,
            cloud_custom_data: text(cloud_custom_data),
            msg_body,
            doc,
        })
    }

    /// The body as read.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The `MsgBody` array, when there is one.
    pub fn msg_body(&self) -> Option<ValueId> {
        self.msg_body
    }

    /// The `CloudCustomData` string's value in [`Self::document`].
    pub fn cloud_custom_data_value(&self) -> Option<ValueId> {
        let root = self.doc.root()?;
        self.doc.get(root, "CloudCustomData").filter(|&v| self.doc.kind(v) == Some(Kind::String))
    }

    /// The elements of `MsgBody`, in order.
    pub fn elements(&self) -> Vec<ValueId> {
        self.msg_body.map(|b| self.doc.children(b).collect()).unwrap_or_default()
    }

    /// `MsgBody` as JSON an answer can carry: the original bytes when they are strict JSON,
    /// else written again in canonical JSON (`[]` when there is none).
    pub fn msg_body_json(&self) -> String {
        match self.msg_body {
            Some(b) if self.doc.is_strict(b) => self.doc.raw(b).to_owned(),
            Some(b) => {
                let mut out = String::new();
                self.doc.write(b, &mut out, &|_| None);
                out
            }
            None => "[]".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_from_its_own_key() {
        // Each field a value no other has, so that two names swapped in `parse` would show.
        let body = br#"{"CallbackCommand":"Group.CallbackBeforeSendMsg","GroupId":"g1","Type":"Public",
            "From_Account":"from","To_Account":"to","Operator_Account":"op","Random":11,"MsgRandom":12,
            "MsgId":"id","MsgKey":"key","MsgSeq":13,"MsgTime":14,"TopicId":"topic","EventTime":"15",
            "CloudCustomData":"ccd","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}"#;
        let c = MessageCallback::parse(body).unwrap();
        let texts = [
            &c.command,
            &c.group_id,
            &c.group_type,
            &c.from_account,
            &c.to_account,
            &c.operator_account,
            &c.msg_id,
            &c.msg_key,
            &c.topic_id,
            &c.cloud_custom_data,
        ];
        let expected = ["Group.CallbackBeforeSendMsg", "g1", "Public", "from", "to", "op", "id", "key", "topic", "ccd"];
        assert_eq!(texts.map(|t| t.as_deref()), expected.map(Some));
        assert_eq!((c.random, c.msg_random), (Some(11), Some(12)));
        assert_eq!((c.msg_seq, c.msg_time, c.event_time), (Some(13), Some(14), Some(15)));
        assert_eq!(c.elements().len(), 1);
    }

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
        assert_eq!(m.elements().len(), 1);
        assert_eq!(m.msg_body_json(), r#"[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}]"#);
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
    fn what_json_parse_accepts_and_serde_refuses_leaves_the_body_readable() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let body = format!(
            r#"{{"Random":NaN,"Big":1e999,"Deep":{deep},
            "X":Infinity,"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"still \u0062ad"}},"N":-Infinity}}]}}"#
        );
        let body = body.as_bytes();
        assert!(serde_json::from_slice::<serde_json::Value>(body).is_err());
        let m = MessageCallback::parse(body).unwrap();
        assert_eq!(m.random, None);
        assert_eq!(m.elements().len(), 1);
        let out: serde_json::Value = serde_json::from_str(&m.msg_body_json()).expect("answerable JSON");
        assert_eq!(out[0]["MsgContent"]["Text"], "still bad");
        assert_eq!(out[0]["N"], serde_json::Value::Null);
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
        for body in [
            &b""[..],
            b"not json",
            b"[]",
            b"42",
            b"\"s\"",
            br#"{"MsgBody":{"Text":"x"}}"#,
            br#"{"MsgBody":"x"}"#,
            br#"{"MsgBody": [ {"MsgType": "TIMTextElem", "#,
        ] {
            assert!(MessageCallback::parse(body).is_err(), "{}", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn null_msg_body_is_empty_and_documentation_comments_are_read_past() {
        assert!(MessageCallback::parse(br#"{"MsgBody":null}"#).unwrap().elements().is_empty());
        let sample = b"{\n\"GroupId\": \"@TGS#1\", // Group ID\n\"MsgBody\": [] // Message body\n}";
        assert_eq!(MessageCallback::parse(sample).unwrap().group_id.as_deref(), Some("@TGS#1"));
    }
}
