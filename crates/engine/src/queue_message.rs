//! What travels on a delivery queue, and on which one. A message is JSON text: the envelope's
//! own fields with the format's version `v` beside them, so the previous version of timgate
//! (which read a bare envelope from JSON text) still reads every message this one queues: rolling
//! back loses nothing. Attempts are counted by the queue itself (the runtime's `attempts`, read
//! by the worker's queue handler). An event travels on the shard its id picks, so every retry of
//! it stays on the same queue; with one shard (the default) that is the `DELIVERY` queue.

use serde::{Deserialize, Serialize};

use crate::envelope::Envelope;

/// The message format's version, written into every message.
pub const FORMAT: u32 = 1;

/// The longest delay a queue message can be sent or retried with (Cloudflare Queues: 12 hours).
pub const MAX_QUEUE_DELAY_SECONDS: u32 = 12 * 3600;

/// One event on a delivery queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueMessage {
    /// [`FORMAT`]; absent in what the previous version queued (a bare envelope).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub v: Option<u32>,
    /// The event.
    #[serde(flatten)]
    pub envelope: Envelope,
}

impl QueueMessage {
    /// An event as this version queues it.
    pub fn new(envelope: Envelope) -> Self {
        Self { v: Some(FORMAT), envelope }
    }

    /// The message as JSON text.
    pub fn to_json(&self) -> Result<String, String> {
        serde_json::to_string(self).map_err(|e| e.to_string())
    }

    /// Reads a message's JSON text: this format, or a bare envelope as the previous version
    /// queued it. `Err` says why it is no delivery message.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let message: Self = serde_json::from_str(text).map_err(|e| format!("not a delivery message: {e}"))?;
        match message.v {
            None | Some(FORMAT) => Ok(message),
            Some(v) => Err(format!("delivery message format {v} (this version reads {FORMAT})")),
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

/// The most shards one event is offered to before it is spilled: its own and two more (each
/// refusal costs a round trip while Tencent waits for an answer).
pub const MAX_SHARDS_TRIED: u32 = 3;

/// The shards to try for an event, in order: its own, then the next ones, at most
/// [`MAX_SHARDS_TRIED`] in all (when its own refuses a message, the next takes it; a retry later
/// goes back to its own).
pub fn shards_to_try(id: &str, shards: u32) -> impl Iterator<Item = u32> {
    let shards = shards.max(1);
    let own = shard(id, shards);
    (0..shards.min(MAX_SHARDS_TRIED)).map(move |k| (own + k) % shards)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope(n: usize) -> Envelope {
        Envelope::callback("Group.CallbackAfterSendMsg", "a=b", format!("{{\"MsgSeq\":{n}}}").as_bytes(), 1)
    }

    #[test]
    fn messages_round_trip_and_the_previous_version_reads_them_as_envelopes() {
        let m = QueueMessage::new(envelope(1));
        let json = m.to_json().unwrap();
        assert_eq!(QueueMessage::from_json(&json).unwrap(), m);
        // What the previous version does with a message: read it as a bare envelope.
        assert_eq!(serde_json::from_str::<Envelope>(&json).unwrap(), envelope(1));
        // What it queued: a bare envelope, read here too.
        let bare = serde_json::to_string(&envelope(1)).unwrap();
        assert_eq!(QueueMessage::from_json(&bare).unwrap(), QueueMessage { v: None, envelope: envelope(1) });
        for bad in ["", "null", "{}", "[1]", "{\"v\":1}", "\"text\"", "{\"v\":\"1\",\"id\":\"x\"}"] {
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
            assert_eq!(order.len(), 3, "its own and two more");
            let mut sorted = order.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), 3, "each once: {order:?}");
            assert_eq!(shards_to_try(&id, 2).count(), 2);
        }
        assert_eq!((binding(0), binding(3)), ("DELIVERY".to_owned(), "DELIVERY_3".to_owned()));
    }
}
