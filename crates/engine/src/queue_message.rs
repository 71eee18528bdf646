//! What travels on a delivery queue, and on which one. A message is an envelope with the number
//! of its next delivery attempt (the queue consumer sends a failed event again with the number
//! raised, so the retry schedule knows how many attempts came before without the runtime's
//! count). An event travels on the shard its id picks, so every retry of it lands on the same
//! queue; with one shard (the default) that is the `DELIVERY` queue.

use serde::{Deserialize, Serialize};

use crate::envelope::Envelope;

/// The message format's version, written into every message.
pub const FORMAT: u32 = 1;

/// The longest delay a queue message can be sent or retried with (Cloudflare Queues: 12 hours).
pub const MAX_QUEUE_DELAY_SECONDS: u32 = 12 * 3600;

/// One event on a delivery queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueMessage {
    /// [`FORMAT`].
    pub v: u32,
    /// The number of the delivery attempt this message is for (1 for the first).
    pub attempt: u32,
    /// The event.
    pub envelope: Envelope,
}

impl QueueMessage {
    /// The first attempt of an event.
    pub fn first(envelope: Envelope) -> Self {
        Self { v: FORMAT, attempt: 1, envelope }
    }

    /// The message for the attempt after this one.
    pub fn next_attempt(&self) -> Self {
        Self { v: FORMAT, attempt: self.attempt.saturating_add(1), envelope: self.envelope.clone() }
    }

    /// Reads a message given as JSON text: this format, or a bare envelope as versions before it
    /// queued them (their attempt is taken as the first). `Err` says why it is unreadable.
    pub fn from_json(text: &str) -> Result<Self, String> {
        match serde_json::from_str::<Self>(text) {
            Ok(message) => message.checked(),
            Err(typed) => match serde_json::from_str::<Envelope>(text) {
                Ok(envelope) => Ok(Self::first(envelope)),
                Err(_) => Err(format!("not a delivery message: {typed}")),
            },
        }
    }

    /// This message if its format is one this version reads.
    pub fn checked(self) -> Result<Self, String> {
        if self.v == FORMAT {
            Ok(self)
        } else {
            Err(format!("delivery message format {} (this version reads {FORMAT})", self.v))
        }
    }
}

/// The shard (0-based) that carries event `id` when there are `shards` of them: FNV-1a of the id,
/// so the same event always picks the same one and ids spread evenly.
pub fn shard(id: &str, shards: u32) -> u32 {
    let hash = id.bytes().fold(0x811C_9DC5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    hash % shards.max(1)
}

/// The producer binding of shard `n`: `DELIVERY`, then `DELIVERY_1`, `DELIVERY_2`, ...
pub fn binding(n: u32) -> String {
    match n {
        0 => "DELIVERY".to_owned(),
        n => format!("DELIVERY_{n}"),
    }
}

/// The queue name `wrangler.toml` gives shard `n`: `timgate-delivery`, then `timgate-delivery-1`, ...
pub fn queue_name(n: u32) -> String {
    match n {
        0 => "timgate-delivery".to_owned(),
        n => format!("timgate-delivery-{n}"),
    }
}

/// The shards to try for an event, in order: its own, then each other one (when its own refuses
/// a message, the next takes it; a retry later goes back to its own).
pub fn shards_to_try(id: &str, shards: u32) -> impl Iterator<Item = u32> {
    let shards = shards.max(1);
    let own = shard(id, shards);
    (0..shards).map(move |k| (own + k) % shards)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope(n: usize) -> Envelope {
        Envelope::callback("Group.CallbackAfterSendMsg", "a=b", format!("{{\"MsgSeq\":{n}}}").as_bytes(), 1)
    }

    #[test]
    fn messages_round_trip_and_older_bare_envelopes_still_read() {
        let m = QueueMessage::first(envelope(1)).next_attempt();
        assert_eq!(m.attempt, 2);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(QueueMessage::from_json(&json).unwrap(), m);
        let bare = serde_json::to_string(&envelope(1)).unwrap();
        assert_eq!(QueueMessage::from_json(&bare).unwrap(), QueueMessage::first(envelope(1)));
        for bad in ["", "null", "{}", "[1]", "{\"v\":1,\"attempt\":1}", "\"text\""] {
            assert!(QueueMessage::from_json(bad).is_err(), "{bad:?}");
        }
        let future = json.replacen("\"v\":1", "\"v\":2", 1);
        assert_eq!(QueueMessage::from_json(&future).unwrap_err(), "delivery message format 2 (this version reads 1)");
    }

    #[test]
    fn every_shard_gets_a_fair_share_and_an_event_keeps_its_own() {
        let ids: Vec<String> = (0..64_000).map(|n| envelope(n).id).collect();
        for shards in 1..=crate::settings::MAX_DELIVERY_SHARDS {
            let mut counts = vec![0usize; shards as usize];
            for id in &ids {
                let s = shard(id, shards);
                assert_eq!(s, shard(id, shards));
                counts[s as usize] += 1;
            }
            let fair = ids.len() / shards as usize;
            assert!(counts.iter().all(|&c| c * 10 >= fair * 8 && c * 10 <= fair * 12), "{shards}: {counts:?}");
        }
        assert_eq!(shard("x", 0), 0, "0 shards is 1");
    }

    #[test]
    fn the_fallback_order_starts_at_the_events_own_shard_and_visits_each_once() {
        for n in 0..50 {
            let id = envelope(n).id;
            let order: Vec<u32> = shards_to_try(&id, 4).collect();
            assert_eq!(order[0], shard(&id, 4));
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, [0, 1, 2, 3]);
        }
        assert_eq!((binding(0), binding(3)), ("DELIVERY".to_owned(), "DELIVERY_3".to_owned()));
        assert_eq!((queue_name(0), queue_name(2)), ("timgate-delivery".to_owned(), "timgate-delivery-2".to_owned()));
    }
}
