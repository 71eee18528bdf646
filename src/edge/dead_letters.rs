//! The dead-letter store in KV (`DELIVERY_STATE`, keys `dead:<id>`): write, list, show one,
//! delete one, replay.

use worker::{console_log, Env};

use crate::edge::bindings::DELIVERY_STATE_KV;
use crate::edge::clock;
use crate::edge::delivery;
use crate::edge::errors::EdgeError;
use timgate_engine::dead_letter::{self, DeadLetter};
use timgate_engine::envelope::Envelope;
use timgate_engine::queue_message::QueueMessage;

/// Most dead letters one list call reads (a list and a read each: within an invocation's 1,000
/// operations).
const LIST_PAGE: u64 = 500;
/// Most dead letters one replay call moves (a list, then per letter a read, up to three sends and
/// a delete).
const REPLAY_PAGE: u64 = 150;

/// Keeps an envelope the origin never accepted. `Err` means it is not stored: the caller
/// must not acknowledge the queue message.
pub async fn store(env: &Env, envelope: Envelope, reason: &str) -> Result<(), EdgeError> {
    keep(env, DeadLetter::event(envelope, reason, clock::now_seconds())).await
}

/// Keeps a queue message that is no delivery message, with its bytes and why.
pub async fn store_unreadable(env: &Env, message_id: &str, bytes: Vec<u8>, reason: &str) -> Result<(), EdgeError> {
    keep(env, DeadLetter::unreadable(message_id, bytes, reason, clock::now_seconds())).await
}

async fn keep(env: &Env, letter: DeadLetter) -> Result<(), EdgeError> {
    let kv = env.kv(DELIVERY_STATE_KV)?;
    let json = serde_json::to_string(&letter).map_err(|e| EdgeError::Encode(e.to_string()))?;
    kv.put(&letter.key(), json)?.execute().await?;
    console_log!(
        "{}",
        serde_json::json!({"event": "dead_letter", "id": letter.id(), "kind": kind(&letter), "reason": letter.reason})
    );
    Ok(())
}

/// What a dead letter is, for lists and log lines: the event's kind, or `unreadable`.
fn kind(letter: &DeadLetter) -> &'static str {
    letter.envelope.as_ref().map_or("unreadable", |e| e.kind.name())
}

/// Bytes as text when they are UTF-8, else base64.
fn bytes_json(bytes: &[u8]) -> serde_json::Value {
    match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::json!({"text": text}),
        Err(_) => serde_json::json!({"base64": timgate_engine::envelope::base64(bytes)}),
    }
}

/// A summary of the stored dead letters (at most one page).
pub async fn list(env: &Env) -> Result<serde_json::Value, EdgeError> {
    let kv = env.kv(DELIVERY_STATE_KV)?;
    let page = kv.list().prefix(dead_letter::KEY_PREFIX.to_owned()).limit(LIST_PAGE).execute().await?;
    let mut items = Vec::new();
    for key in &page.keys {
        if let Some(letter) = kv.get(&key.name).json::<DeadLetter>().await.ok().flatten() {
            let (query, bytes) = match (&letter.envelope, &letter.unreadable) {
                (Some(e), _) => (e.query.as_str(), e.body.len()),
                (None, Some(u)) => ("", u.bytes.len()),
                (None, None) => ("", 0),
            };
            items.push(serde_json::json!({
                "id": letter.id(),
                "kind": kind(&letter),
                "query": query,
                "reason": letter.reason,
                "dead_at": letter.dead_at,
                "bytes": bytes,
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
    let mut shown = serde_json::json!({
        "id": letter.id(),
        "kind": kind(&letter),
        "reason": letter.reason,
        "dead_at": letter.dead_at,
    });
    if let (Some(fields), Some(envelope)) = (shown.as_object_mut(), &letter.envelope) {
        fields.insert("query".into(), envelope.query.clone().into());
        fields.insert("received_at".into(), envelope.received_at.into());
        fields.insert("body".into(), bytes_json(&envelope.body));
    }
    if let (Some(fields), Some(unreadable)) = (shown.as_object_mut(), &letter.unreadable) {
        fields.insert("message_id".into(), unreadable.message_id.clone().into());
        fields.insert("body".into(), bytes_json(&unreadable.bytes));
    }
    Ok(Some(shown))
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

/// Puts every stored dead letter (one page) back on the delivery queues, from a first attempt,
/// and removes it from the store once queued. A letter that cannot be queued stays where it is;
/// so does an unreadable message (there is no event to deliver: `show` it, then delete it).
pub async fn replay(env: &Env, shards: u32) -> Result<serde_json::Value, EdgeError> {
    let kv = env.kv(DELIVERY_STATE_KV)?;
    let page = kv.list().prefix(dead_letter::KEY_PREFIX.to_owned()).limit(REPLAY_PAGE).execute().await?;
    let (mut replayed, mut failed, mut not_removed) = (0, 0, 0);
    for key in &page.keys {
        let Some(envelope) = kv.get(&key.name).json::<DeadLetter>().await.ok().flatten().and_then(|l| l.envelope)
        else {
            failed += 1;
            continue;
        };
        match delivery::enqueue(env, shards, &QueueMessage::new(envelope)).await {
            Ok(_) => {
                replayed += 1;
                // Queued: a letter that cannot be removed now is replayed again next time (a
                // duplicate), never lost; the other letters go on.
                if kv.delete(&key.name).await.is_err() {
                    not_removed += 1;
                }
            }
            Err(_) => failed += 1,
        }
    }
    Ok(
        serde_json::json!({"replayed": replayed, "failed": failed, "not_removed": not_removed, "more": !page.list_complete}),
    )
}
