//! The dead-letter store in KV (`DELIVERY_STATE`, keys `dead:<id>`): write, list, show one,
//! delete one, replay.

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

/// One stored dead letter, whole: the event as it would be delivered (its body as text when it
/// is UTF-8, else base64), why it is here and when. `None` when there is none with that id.
pub async fn show(env: &Env, id: &str) -> Result<Option<serde_json::Value>, EdgeError> {
    let kv = env.kv(DELIVERY_STATE_KV)?;
    let Some(letter) = kv.get(&dead_letter::key(id)).json::<DeadLetter>().await? else { return Ok(None) };
    let body = match std::str::from_utf8(&letter.envelope.body) {
        Ok(text) => serde_json::json!({"text": text}),
        Err(_) => {
            serde_json::json!({"base64": serde_json::to_value(&letter.envelope).ok().and_then(|e| e.get("body").cloned())})
        }
    };
    Ok(Some(serde_json::json!({
        "id": letter.envelope.id,
        "kind": letter.envelope.kind.name(),
        "query": letter.envelope.query,
        "received_at": letter.envelope.received_at,
        "reason": letter.reason,
        "dead_at": letter.dead_at,
        "body": body,
    })))
}

/// Deletes one dead letter; whether there was one.
pub async fn delete(env: &Env, id: &str) -> Result<bool, EdgeError> {
    let kv = env.kv(DELIVERY_STATE_KV)?;
    let key = dead_letter::key(id);
    let existed = kv.get(&key).bytes().await?.is_some();
    if existed {
        kv.delete(&key).await?;
        console_log!("{}", serde_json::json!({"event": "dead_letter_deleted", "id": id}));
    }
    Ok(existed)
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
