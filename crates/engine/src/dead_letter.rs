//! The dead-letter store: envelopes the origin never accepted, kept for the operator to list
//! and replay. Stored in KV under `dead:<webhook-id>`, one record per event.

use serde::{Deserialize, Serialize};

use crate::envelope::Envelope;

/// Prefix of dead-letter keys.
pub const KEY_PREFIX: &str = "dead:";

/// One event that could not be delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadLetter {
    /// The event, exactly as it would have been delivered.
    pub envelope: Envelope,
    /// Why it is here.
    pub reason: String,
    /// When it got here (unix seconds).
    pub dead_at: i64,
}

impl DeadLetter {
    /// The KV key. Keyed by event id, so the same event dead-lettered twice is stored once.
    pub fn key(&self) -> String {
        key(&self.envelope.id)
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
        let d = DeadLetter {
            envelope: Envelope::callback("Group.CallbackAfterSendMsg", "a=b", b"{\"MsgId\":\"m\"}", 1),
            reason: "origin refused it with HTTP 400".into(),
            dead_at: 2,
        };
        assert!(d.key().starts_with("dead:evt_"));
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<DeadLetter>(&json).unwrap(), d);
    }
}
