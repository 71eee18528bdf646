//! Ban records (`ban:<UserID>`, `ban:<GroupId>:<UserID>`):
//! `{"until": <unix seconds or null>, "reason": "<text>", "code": <optional>, "by": <optional>}`.

use serde::{Deserialize, Serialize};

/// A ban on a user, everywhere or in one group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct BanRecord {
    /// Unix seconds when the ban ends; `None` = until lifted.
    #[serde(default)]
    pub until: Option<i64>,
    /// Shown to the sender as `ErrorInfo`.
    #[serde(default)]
    pub reason: Option<String>,
    /// Custom forbid code shown to the sender.
    #[serde(default)]
    pub code: Option<u32>,
    /// Who wrote it, when not the rules tool: `strikes` (an auto-mute of sender behaviour) or
    /// `console` (the moderator console). Shown by the console; not part of any decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl BanRecord {
    /// Parses a record. A record that is present but unreadable is still a ban: the operator
    /// wrote the key to stop this user, and a typo in the JSON must not let them through.
    /// The second value says whether the record was readable.
    pub fn parse_or_plain(text: &str) -> (Self, bool) {
        match serde_json::from_str::<BanRecord>(text) {
            Ok(record) => (record, true),
            Err(_) => (BanRecord::default(), false),
        }
    }

    /// Whether the ban is in force at `now_seconds`. KV expiry is lazy, so `until` is checked here.
    pub fn is_active(&self, now_seconds: i64) -> bool {
        self.until.is_none_or(|until| now_seconds < until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records() {
        let (r, ok) = BanRecord::parse_or_plain(r#"{"until":100,"reason":"spam","code":10110}"#);
        assert!(ok);
        assert_eq!(r.reason.as_deref(), Some("spam"));
        assert!(r.is_active(99));
        assert!(!r.is_active(100), "a ban ends at `until`");
        let (forever, _) = BanRecord::parse_or_plain(r#"{"until":null,"reason":"abuse"}"#);
        assert!(forever.is_active(i64::MAX));
    }

    #[test]
    fn unreadable_record_is_still_a_ban() {
        for text in ["", "yes", "{\"until\":\"tomorrow\"}"] {
            let (r, ok) = BanRecord::parse_or_plain(text);
            assert!(!ok, "{text}");
            assert!(r.is_active(0), "{text}");
        }
    }
}
