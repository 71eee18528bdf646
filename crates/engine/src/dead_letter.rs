//! The dead-letter store: envelopes the origin never accepted, kept for the operator to list
//! and replay. Stored in KV under `dead:<webhook-id>`, one record per event. A queue message that
//! is no event at all is kept too, as its bytes, under `dead:unreadable-<queue message id>`.

use serde::{Deserialize, Serialize};

use crate::envelope::Envelope;

/// Prefix of dead-letter keys.
pub const KEY_PREFIX: &str = "dead:";

/// One event that could not be delivered, or one queue message that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadLetter {
    /// The event, exactly as it would have been delivered (`None` for an unreadable message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<Envelope>,
    /// An unreadable queue message, as it came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<Unreadable>,
    /// Why it is here.
    pub reason: String,
    /// When it got here (unix seconds).
    pub dead_at: i64,
}

/// A queue message that is not a delivery message: its bytes (text as UTF-8; anything else as
/// the runtime's JSON of it) and its queue message id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreadable {
    /// The queue's id of the message.
    pub message_id: String,
    /// The body's bytes.
    #[serde(with = "crate::envelope::base64_bytes")]
    pub bytes: Vec<u8>,
}

impl DeadLetter {
    /// An event the origin never accepted.
    pub fn event(envelope: Envelope, reason: &str, dead_at: i64) -> Self {
        Self { envelope: Some(envelope), unreadable: None, reason: reason.to_owned(), dead_at }
    }

    /// A queue message that could not be read, kept with its bytes and why.
    pub fn unreadable(message_id: &str, bytes: Vec<u8>, reason: &str, dead_at: i64) -> Self {
        Self {
            envelope: None,
            unreadable: Some(Unreadable { message_id: message_id.to_owned(), bytes }),
            reason: reason.to_owned(),
            dead_at,
        }
    }

    /// The id it is listed under: the event's id, or `unreadable-<queue message id>`.
    pub fn id(&self) -> String {
        match (&self.envelope, &self.unreadable) {
            (Some(envelope), _) => envelope.id.clone(),
            (None, Some(u)) => format!("unreadable-{}", u.message_id),
            (None, None) => "unreadable-".to_owned(),
        }
    }

    /// The KV key. Keyed by event id, so the same event dead-lettered twice is stored once.
    pub fn key(&self) -> String {
        key(&self.id())
    }
}

/// The KV key of the dead letter for event `id`.
pub fn key(id: &str) -> String {
    format!("{KEY_PREFIX}{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let envelope = Envelope::callback("Group.CallbackAfterSendMsg", "a=b", b"{\"MsgId\":\"m\"}", 1);
        let d = DeadLetter::event(envelope.clone(), "origin refused it with HTTP 400", 2);
        assert!(d.key().starts_with("dead:evt_"));
        let json = serde_json::to_string(&d).unwrap();
        assert!(!json.contains("unreadable"));
        assert_eq!(serde_json::from_str::<DeadLetter>(&json).unwrap(), d);
        // Records stored before unreadable messages were kept this way read the same.
        let older = format!(r#"{{"envelope":{},"reason":"x","dead_at":3}}"#, serde_json::to_string(&envelope).unwrap());
        assert_eq!(serde_json::from_str::<DeadLetter>(&older).unwrap().envelope, Some(envelope));
    }

    #[test]
    fn an_unreadable_message_keeps_its_bytes() {
        let d = DeadLetter::unreadable("q-1", vec![0xFF, b'{', 0], "not a delivery message", 5);
        assert_eq!(d.key(), "dead:unreadable-q-1");
        let back: DeadLetter = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back.unreadable.map(|u| u.bytes), Some(vec![0xFF, b'{', 0]));
    }
}
