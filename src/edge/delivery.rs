//! Passing events on to the origin. With a `DELIVERY` queue binding, an event is on the queue
//! before Tencent gets its answer, and the queue consumer (`queue_consumer.rs`) delivers it,
//! retrying with backoff until the origin accepts it or it is dead-lettered. Without one,
//! delivery is direct (`ctx.wait_until`, three attempts) and not durable; that is logged once
//! per isolate.

use std::cell::Cell;
use std::time::Duration;

use worker::{console_log, Context, Delay, Env, Queue};

use crate::edge::bindings::{DELIVERY_QUEUE, DELIVERY_STATE_KV};
use crate::edge::errors::EdgeError;
use crate::edge::origin;
use timgate_engine::delivery_policy::{self, Attempt, Next};
use timgate_engine::envelope::{Envelope, EventKind};
use timgate_engine::settings::Settings;

/// Per-attempt deadline for deliveries.
pub const ATTEMPT_TIMEOUT_MS: u64 = 10_000;
/// Pauses before the second and third direct attempts.
const DIRECT_BACKOFF_MS: [u64; 2] = [500, 2_000];
/// Prefix of dedupe markers in `DELIVERY_STATE`.
const SEEN_PREFIX: &str = "seen:";

thread_local! {
    static ANNOUNCED: Cell<bool> = const { Cell::new(false) };
}

/// What became of an event handed to [`dispatch`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dispatched {
    /// On the delivery queue.
    Queued,
    /// Being delivered directly, after the answer.
    Direct,
    /// Seen within the dedupe window: already on its way.
    Duplicate,
    /// No `ORIGIN_URL`: nowhere to send it.
    NoOrigin,
}

impl Dispatched {
    /// Name for the log line.
    pub fn name(self) -> &'static str {
        match self {
            Dispatched::Queued => "queued",
            Dispatched::Direct => "direct",
            Dispatched::Duplicate => "duplicate",
            Dispatched::NoOrigin => "no_origin",
        }
    }
}

/// Hands `envelope` to the queue (or to direct delivery). `Err` means the event is NOT safe:
/// the caller must answer with an error so that Tencent sends it again.
pub async fn dispatch(
    env: &Env,
    ctx: &Context,
    settings: &Settings,
    envelope: Envelope,
) -> Result<Dispatched, EdgeError> {
    if settings.origin_url.is_none() {
        announce("none", "ORIGIN_URL is not set: events are not passed on");
        return Ok(Dispatched::NoOrigin);
    }
    let Ok(queue) = env.queue(DELIVERY_QUEUE) else {
        // No dedupe here: direct delivery is not durable, so Tencent's retry is a second chance.
        announce("direct", "no DELIVERY queue binding: deliveries are direct and not durable");
        deliver_directly(ctx, settings, envelope);
        return Ok(Dispatched::Direct);
    };
    announce("queue", "");
    // Dedupe only what is durably queued: a marker is written once the event is on the queue.
    let dedupe = envelope.kind == EventKind::Callback && settings.delivery.dedupe_seconds > 0;
    if dedupe && seen(env, &envelope.id).await {
        return Ok(Dispatched::Duplicate);
    }
    enqueue(&queue, &envelope).await?;
    if dedupe {
        mark_seen(env, &envelope.id, settings.delivery.dedupe_seconds).await;
    }
    Ok(Dispatched::Queued)
}

/// Puts an envelope on the delivery queue (as JSON text, which any consumer can read).
pub async fn enqueue(queue: &Queue, envelope: &Envelope) -> Result<(), EdgeError> {
    let json = serde_json::to_string(envelope).map_err(|e| EdgeError::Encode(e.to_string()))?;
    queue.send(json).await?;
    Ok(())
}

/// Whether this event was passed on within the window. A KV problem counts as "not seen":
/// a duplicate delivery is better than a lost event.
async fn seen(env: &Env, id: &str) -> bool {
    let Ok(kv) = env.kv(DELIVERY_STATE_KV) else { return false };
    matches!(kv.get(&format!("{SEEN_PREFIX}{id}")).text().await, Ok(Some(_)))
}

async fn mark_seen(env: &Env, id: &str, window_seconds: u32) {
    let Ok(kv) = env.kv(DELIVERY_STATE_KV) else { return };
    let put = kv.put(&format!("{SEEN_PREFIX}{id}"), "1").map(|p| p.expiration_ttl(u64::from(window_seconds)));
    if let Ok(put) = put {
        if let Err(e) = put.execute().await {
            console_log!("{}", serde_json::json!({"event": "dedupe", "id": id, "problem": e.to_string()}));
        }
    }
}

/// Direct delivery after the answer: three attempts, then the event is logged as failed.
fn deliver_directly(ctx: &Context, settings: &Settings, envelope: Envelope) {
    let Some(origin_url) = settings.origin_url.clone() else { return };
    let keys = settings.forward_keys.clone();
    ctx.wait_until(async move {
        for attempt in 1.. {
            // Direct delivery keeps its own short pauses (it runs after the answer, within the
            // request's lifetime): a Retry-After is not waited for here.
            let (outcome, _) = attempt_delivery(&origin_url, &envelope, &keys).await;
            let next = delivery_policy::next(&outcome, 0, Default::default(), None);
            let give_up = DIRECT_BACKOFF_MS.get(attempt - 1).is_none();
            match next {
                Next::Ack => return log(&envelope, "delivered", "", attempt),
                Next::DeadLetter { reason } => return log(&envelope, "refused", &reason, attempt),
                Next::Retry { reason, .. } if give_up => return log(&envelope, "failed", &reason, attempt),
                Next::Retry { .. } => Delay::from(Duration::from_millis(DIRECT_BACKOFF_MS[attempt - 1])).await,
            }
        }
    });
}

/// One POST to the origin, reduced to what the delivery policy needs: the outcome, and the
/// seconds its `Retry-After` asks for.
pub async fn attempt_delivery(
    origin_url: &str,
    envelope: &Envelope,
    keys: &[timgate_engine::webhook_signature::SigningKey],
) -> (Attempt, Option<u32>) {
    match origin::post(origin_url, envelope, keys, ATTEMPT_TIMEOUT_MS).await {
        Ok(reply) => (Attempt::Answered(reply.status), retry_after(&reply)),
        Err(e) => (Attempt::Failed(e.to_string()), None),
    }
}

/// The seconds an origin's `Retry-After` asks to wait.
pub fn retry_after(reply: &origin::OriginReply) -> Option<u32> {
    let value = reply.retry_after.as_deref()?;
    delivery_policy::parse_retry_after(value, crate::edge::clock::now_seconds())
}

/// One log line per delivery outcome. `attempt` is known for direct delivery only (worker 0.8
/// does not expose a queue message's attempt count); 0 leaves the field out of the line.
pub fn log(envelope: &Envelope, outcome: &str, problem: &str, attempt: usize) {
    let mut line = serde_json::json!({
        "event": "delivery",
        "id": envelope.id,
        "kind": envelope.kind.name(),
        "outcome": outcome,
        "problem": problem,
    });
    if let (Some(fields), true) = (line.as_object_mut(), attempt > 0) {
        fields.insert("attempt".to_owned(), attempt.into());
    }
    console_log!("{line}");
}

/// Says once per isolate how deliveries travel (there is no start-up hook with `env`).
fn announce(mode: &str, warning: &str) {
    if !ANNOUNCED.with(|a| a.replace(true)) {
        console_log!("{}", serde_json::json!({"event": "startup", "delivery": mode, "warning": warning}));
    }
}
