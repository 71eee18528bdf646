//! The dead-letter store in KV (`DELIVERY_STATE`, keys `dead:<id>`): write, list, replay.

use worker::{console_log, Env};

use crate::edge::bindings::{DELIVERY_QUEUE, DELIVERY_STATE_KV};
use crate::edge::clock;
use crate::edge::delivery;
use crate::edge::errors::EdgeError;
use timgate_engine::dead_letter::{self, DeadLetter};
use timgate_engine::envelope::Envelope;

/// Most dead letters handled by one list or replay call (KV lists 1000 keys per page).
const PAGE: u64 = 1000;

/// Keeps an envelope the origin never accepted. `Err` means it is not stored: the caller
/// must not acknowledge the queue message.
pub async fn store(env: &Env, envelope: Envelope, reason: &str) -> Result<(), EdgeError> {
    let kv = env.kv(DELIVERY_STATE_KV)?;
    let letter = DeadLetter { envelope, reason: reason.to_owned(), dead_at: clock::now_seconds() };
    let json = serde_json::to_string(&letter).map_err(|e| EdgeError::Encode(e.to_string()))?;
    kv.put(&letter.key(), json)?.execute().await?;
    console_log!(
        "{}",
        serde_json::json!({"event": "dead_letter", "id": letter.envelope.id, "kind": letter.envelope.kind.name(), "reason": reason})
    );
    Ok(())
}

/// A summary of the stored dead letters (at most one page).
pub async fn list(env: &Env) -> Result<serde_json::Value, EdgeError> {
    let kv = env.kv(DELIVERY_STATE_KV)?;
    let page = kv.list().prefix(dead_letter::KEY_PREFIX.to_owned()).limit(PAGE).execute().await?;
    let mut items = Vec::new();
    for key in &page.keys {
        if let Some(letter) = kv.get(&key.name).json::<DeadLetter>().await.ok().flatten() {
            items.push(serde_json::json!({
                "id": letter.envelope.id,
                "kind": letter.envelope.kind.name(),
                "query": letter.envelope.query,
                "reason": letter.reason,
                "dead_at": letter.dead_at,
                "bytes": letter.envelope.body.len(),
            }));
        }
    }
    Ok(serde_json::json!({"count": items.len(), "more": !page.list_complete, "dead_letters": items}))
}

/// Puts every stored dead letter (one page) back on the delivery queue and removes it from
/// the store once queued. A letter that cannot be queued stays where it is.
pub async fn replay(env: &Env) -> Result<serde_json::Value, EdgeError> {
    let kv = env.kv(DELIVERY_STATE_KV)?;
    let queue = env.queue(DELIVERY_QUEUE)?;
    let page = kv.list().prefix(dead_letter::KEY_PREFIX.to_owned()).limit(PAGE).execute().await?;
    let (mut replayed, mut failed) = (0, 0);
    for key in &page.keys {
        let Some(letter) = kv.get(&key.name).json::<DeadLetter>().await.ok().flatten() else {
            failed += 1;
            continue;
        };
        match delivery::enqueue(&queue, &letter.envelope).await {
            Ok(()) => {
                kv.delete(&key.name).await?;
                replayed += 1;
            }
            Err(_) => failed += 1,
        }
    }
    Ok(serde_json::json!({"replayed": replayed, "failed": failed, "more": !page.list_complete}))
}
