//! What goes to the origin: the original query string and body bytes, an event id that stays
//! the same across retries, and Standard Webhooks headers.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::callback::MessageCallback;
use crate::webhook_signature::{self, SigningKey};

/// Whether an envelope carries a Tencent callback or a timgate review event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// A callback from Tencent, passed on unchanged.
    Callback,
    /// A review or monitor event produced by timgate.
    Review,
    /// Several envelopes in one request (batch delivery mode).
    Batch,
}

impl EventKind {
    /// Value of the `timgate-event` header.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Callback => "callback",
            EventKind::Review => "review",
            EventKind::Batch => "batch",
        }
    }
}

/// Header telling the origin whether this is a callback or a review event.
pub const HEADER_EVENT: &str = "timgate-event";

/// One event for the origin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// `webhook-id`: the same for every delivery of the same event.
    pub id: String,
    /// Callback or review event.
    pub kind: EventKind,
    /// The query string to send (for callbacks: exactly as received, without the leading `?`).
    pub query: String,
    /// The body bytes to send (for callbacks: exactly as received).
    #[serde(with = "base64_bytes")]
    pub body: Vec<u8>,
    /// When timgate received the event (unix seconds).
    pub received_at: i64,
    /// For a batch: how many events it holds (sent as `timgate-batch`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_size: Option<usize>,
}

impl Envelope {
    /// Wraps a callback as received.
    pub fn callback(command: &str, query: &str, body: &[u8], received_at: i64) -> Self {
        Self {
            id: event_id(command, &event_key(body)),
            kind: EventKind::Callback,
            query: query.trim_start_matches('?').to_owned(),
            body: body.to_vec(),
            received_at,
            batch_size: None,
        }
    }

    /// The URL to post to: `origin` with this envelope's query string appended.
    pub fn url(&self, origin: &str) -> String {
        if self.query.is_empty() {
            origin.to_owned()
        } else if origin.contains('?') {
            format!("{origin}&{}", self.query)
        } else {
            format!("{origin}?{}", self.query)
        }
    }

    /// Headers for one delivery attempt at `now` (unix seconds). The signature covers the
    /// attempt's timestamp, so a retried delivery is fresh for the origin's replay window.
    pub fn headers(&self, keys: &[SigningKey], now: i64) -> Vec<(&'static str, String)> {
        let mut headers = vec![
            ("content-type", "application/json".to_owned()),
            ("user-agent", concat!("timgate/", env!("CARGO_PKG_VERSION")).to_owned()),
            (HEADER_EVENT, self.kind.name().to_owned()),
            (webhook_signature::HEADER_ID, self.id.clone()),
            (webhook_signature::HEADER_TIMESTAMP, now.to_string()),
        ];
        if let Some(size) = self.batch_size {
            headers.push((HEADER_BATCH, size.to_string()));
        }
        if !keys.is_empty() {
            headers.push((
                webhook_signature::HEADER_SIGNATURE,
                webhook_signature::signature_header(keys, &self.id, now, &self.body),
            ));
        }
        headers
    }
}

/// Header carrying the number of events in a batch delivery.
pub const HEADER_BATCH: &str = "timgate-batch";

#[derive(Serialize)]
struct BatchItem<'a> {
    id: &'a str,
    kind: EventKind,
    query: &'a str,
    /// The original body when it is UTF-8 (almost always JSON text).
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    /// The original body in base64 when it is not UTF-8, so no byte is lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    body_base64: Option<String>,
}

/// Several envelopes as one: a JSON array of `{id, kind, query, body | body_base64}`, with its
/// own id derived from the members' ids (so a retried batch of the same events keeps it).
pub fn batch(envelopes: &[Envelope], now: i64) -> Envelope {
    use base64::Engine as _;
    let items: Vec<BatchItem<'_>> = envelopes
        .iter()
        .map(|e| {
            let text = std::str::from_utf8(&e.body).ok();
            BatchItem {
                id: &e.id,
                kind: e.kind,
                query: &e.query,
                body: text,
                body_base64: text.is_none().then(|| base64::engine::general_purpose::STANDARD.encode(&e.body)),
            }
        })
        .collect();
    let ids: Vec<&str> = envelopes.iter().map(|e| e.id.as_str()).collect();
    Envelope {
        id: event_id("Timgate.Batch", &ids.join(",")),
        kind: EventKind::Batch,
        query: "CallbackCommand=Timgate.Batch".to_owned(),
        body: serde_json::to_vec(&items).unwrap_or_default(),
        received_at: now,
        batch_size: Some(envelopes.len()),
    }
}

/// What identifies an event across Tencent's retries (contract v2, "Event identity"): what the
/// server assigned first, because a client chooses its own `MsgId` and a modified client can
/// reuse one to hide its next message. Groups: `GroupId` (+ `TopicId` in a community, whose
/// topics number their messages apart) + `MsgSeq`; C2C: `MsgKey`, else `From_Account` +
/// `To_Account` + `MsgSeq` + `MsgRandom`; only then `MsgId`; else the body bytes themselves.
pub fn event_key(body: &[u8]) -> String {
    if let Ok(m) = MessageCallback::parse(body) {
        let present = |s: &Option<String>| s.clone().filter(|s| !s.is_empty());
        if let (Some(group), Some(seq)) = (present(&m.group_id), m.msg_seq) {
            return match present(&m.topic_id) {
                Some(topic) => format!("GroupSeq:{group}:{topic}:{seq}"),
                None => format!("GroupSeq:{group}:{seq}"),
            };
        }
        if let Some(key) = present(&m.msg_key) {
            return format!("MsgKey:{key}");
        }
        if let (Some(from), Some(to), Some(seq), Some(random)) =
            (present(&m.from_account), present(&m.to_account), m.msg_seq, m.msg_random)
        {
            return format!("C2C:{from}:{to}:{seq}:{random}");
        }
        if let Some(id) = present(&m.msg_id) {
            return format!("MsgId:{id}");
        }
    }
    format!("Body:{}", hex::encode(Sha256::digest(body)))
}

/// `evt_` + 32 hex digits of SHA-256(command, key): header-safe, and distinct per command so
/// that an after-send event and a review event of the same message never share an id.
pub fn event_id(command: &str, key: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(command.as_bytes());
    hash.update(b"\n");
    hash.update(key.as_bytes());
    format!("evt_{}", &hex::encode(hash.finalize())[..32])
}

/// Bytes in standard base64 (how envelopes and dead letters carry bytes that are not UTF-8).
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub(crate) mod base64_bytes {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD.decode(text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_what_the_server_assigned() {
        // A Tencent retry of the same event: same id, whatever else differs.
        let a = br#"{"MsgId":"m1","GroupId":"g","MsgSeq":1,"Random":1}"#;
        let b = br#"{"MsgId":"m1","GroupId":"g","MsgSeq":1,"Random":2}"#;
        assert_eq!(event_key(a), "GroupSeq:g:1");
        assert_eq!(
            Envelope::callback("Group.CallbackAfterSendMsg", "", a, 0).id,
            Envelope::callback("Group.CallbackAfterSendMsg", "", b, 99).id
        );
        // A client reusing its MsgId for another message: another event.
        let reused = br#"{"MsgId":"m1","GroupId":"g","MsgSeq":2,"Random":1}"#;
        assert_ne!(event_key(a), event_key(reused));
        assert_ne!(event_id("Group.CallbackAfterSendMsg", "GroupSeq:g:1"), event_id("Timgate.Review", "GroupSeq:g:1"));
    }

    #[test]
    fn keys_for_topics_c2c_older_and_unparseable_bodies() {
        assert_eq!(event_key(br#"{"GroupId":"g","MsgSeq":123}"#), "GroupSeq:g:123");
        assert_eq!(event_key(br#"{"GroupId":"g","TopicId":"t","MsgSeq":1}"#), "GroupSeq:g:t:1");
        assert_ne!(
            event_key(br#"{"GroupId":"g","TopicId":"t1","MsgSeq":1}"#),
            event_key(br#"{"GroupId":"g","TopicId":"t2","MsgSeq":1}"#)
        );
        assert_eq!(event_key(br#"{"MsgKey":"k","MsgId":"m"}"#), "MsgKey:k");
        assert_eq!(
            event_key(br#"{"From_Account":"a","To_Account":"b","MsgSeq":7,"MsgRandom":9,"MsgId":"m"}"#),
            "C2C:a:b:7:9"
        );
        assert_eq!(event_key(br#"{"MsgId":"m","GroupId":"g"}"#), "MsgId:m", "a before-send body has no MsgSeq");
        assert!(event_key(b"not json").starts_with("Body:"));
        assert_ne!(event_key(b"x"), event_key(b"y"));
    }

    #[test]
    fn urls_keep_the_query_string() {
        let e = Envelope::callback("X.Y", "?SdkAppid=1&CallbackCommand=X.Y", b"{}", 0);
        assert_eq!(e.url("http://127.0.0.1:9/hook"), "http://127.0.0.1:9/hook?SdkAppid=1&CallbackCommand=X.Y");
        assert_eq!(e.url("http://o/h?k=v"), "http://o/h?k=v&SdkAppid=1&CallbackCommand=X.Y");
    }

    #[test]
    fn headers_sign_only_with_keys() {
        let e = Envelope::callback("X.Y", "", b"{}", 0);
        assert!(!e.headers(&[], 5).iter().any(|(k, _)| *k == "webhook-signature"));
        let key = SigningKey::from_secret("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").unwrap();
        let headers = e.headers(std::slice::from_ref(&key), 5);
        let sig = &headers.iter().find(|(k, _)| *k == "webhook-signature").unwrap().1;
        assert_eq!(webhook_signature::verify_ignoring_timestamp(&[key], &e.id, 5, b"{}", sig), Ok(()));
    }

    #[test]
    fn batches_keep_every_byte() {
        let a = Envelope::callback("X.Y", "q=1", b"{\"MsgId\":\"a\"}", 0);
        let b = Envelope::callback("X.Y", "q=2", &[0xff, 0xfe], 0);
        let batch = batch(&[a.clone(), b.clone()], 9);
        assert_eq!(batch.kind, EventKind::Batch);
        let items: serde_json::Value = serde_json::from_slice(&batch.body).unwrap();
        assert_eq!(items[0]["body"], "{\"MsgId\":\"a\"}");
        assert_eq!(items[0]["id"], a.id.as_str());
        assert_eq!(items[1]["body_base64"], "//4=");
        assert_eq!(batch.id, super::batch(&[a, b], 10).id, "same members, same id");
    }

    #[test]
    fn envelopes_survive_a_queue_round_trip_with_arbitrary_bytes() {
        let e = Envelope::callback("X.Y", "a=b", &[0xff, 0x00, b'{'], 7);
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<Envelope>(&json).unwrap(), e);
    }
}
