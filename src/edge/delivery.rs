//! Passing events on to the origin. With a `DELIVERY` queue binding, an event is durably kept
//! before Tencent gets its answer: on its shard's queue (`DELIVERY_SHARDS`, the shard picked by
//! the event id), on the next shard when that one refuses it, or in the spill store
//! (`spill:<id>` in `DELIVERY_STATE`) when every shard refuses it, drained into the queues by the
//! cron trigger (`drain_spilled`). The queue consumer (`queue_consumer.rs`) delivers it, retrying
//! on the engine's schedule until the origin accepts it or it is dead-lettered. Without a queue,
//! delivery is direct (`ctx.wait_until`, at most three attempts on the same schedule) and not
//! durable; that is logged once per isolate.

use std::cell::Cell;
use std::time::Duration;

use worker::{console_log, Context, Delay, Env};

use crate::edge::bindings::{DELIVERY_QUEUE, DELIVERY_STATE_KV};
use crate::edge::errors::EdgeError;
use crate::edge::origin;
use timgate_engine::delivery_policy::{self, Attempt, Next};
use timgate_engine::envelope::{Envelope, EventKind};
use timgate_engine::queue_message::{self, QueueMessage};
use timgate_engine::settings::Settings;

/// Per-attempt deadline for deliveries.
pub const ATTEMPT_TIMEOUT_MS: u64 = 10_000;
/// Direct delivery's attempts (it runs after the answer, within the request's lifetime).
const DIRECT_ATTEMPTS: u32 = 3;
/// Direct delivery never waits longer than this between two attempts.
const DIRECT_MAX_PAUSE_SECONDS: u32 = 5;
/// Prefix of dedupe markers in `DELIVERY_STATE`.
const SEEN_PREFIX: &str = "seen:";
/// Prefix of spilled events in `DELIVERY_STATE`: events every shard refused, waiting to be queued.
pub const SPILL_PREFIX: &str = "spill:";
/// Spilled events listed at a time by the drain.
const DRAIN_PAGE: u64 = 100;
/// Operations on other services one drain may make (an invocation may make 1,000: lists, and per
/// event a read, one to three sends, a delete).
const DRAIN_OPERATIONS: usize = 950;
/// The most operations one spilled event costs the drain: a read, three sends, a delete.
const DRAIN_EVENT_OPERATIONS: usize = 2 + queue_message::MAX_SHARDS_TRIED as usize;

thread_local! {
    static ANNOUNCED: Cell<bool> = const { Cell::new(false) };
}

/// What became of an event handed to [`dispatch`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dispatched {
    /// On a delivery queue.
    Queued,
    /// Every delivery queue refused it: in the spill store, to be queued by the next drain.
    Spilled,
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
            Dispatched::Spilled => "spilled",
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
    // One shard and no queue: direct delivery (small apps, local runs). With DELIVERY_SHARDS set
    // above 1, events always take the durable path: a missing binding is a refusing shard.
    if settings.delivery.shards == 1 && env.queue(DELIVERY_QUEUE).is_err() {
        // No dedupe here: direct delivery is not durable, so Tencent's retry is a second chance.
        announce("direct", "no DELIVERY queue binding: deliveries are direct and not durable");
        deliver_directly(ctx, settings, envelope);
        return Ok(Dispatched::Direct);
    }
    announce("queue", "");
    // Dedupe only what is durably queued: a marker is written once the event is on the queue.
    let dedupe = envelope.kind == EventKind::Callback && settings.delivery.dedupe_seconds > 0;
    if dedupe && seen(env, &envelope.id).await {
        return Ok(Dispatched::Duplicate);
    }
    let message = QueueMessage::new(envelope);
    let dispatched = match enqueue(env, settings.delivery.shards, &message).await {
        Ok(_) => Dispatched::Queued,
        Err(refusal) => {
            // Every shard refused it: the spill store keeps it until a drain queues it.
            spill(env, &message).await.map_err(|e| EdgeError::Queue(format!("{refusal}; spill store: {e}")))?;
            Dispatched::Spilled
        }
    };
    if dedupe {
        mark_seen(env, &message.envelope.id, settings.delivery.dedupe_seconds).await;
    }
    Ok(dispatched)
}

/// Puts a message (JSON text) on its event's shard, or on one of the next two when that refuses
/// it (each refusal is logged as a fallback). The shard that took it, or `Err` with the last
/// refusal when every shard tried refused.
pub async fn enqueue(env: &Env, shards: u32, message: &QueueMessage) -> Result<u32, EdgeError> {
    enqueue_counting(env, shards, message, &mut 0).await
}

/// [`enqueue`], adding the sends it made to `sends`.
async fn enqueue_counting(env: &Env, shards: u32, message: &QueueMessage, sends: &mut usize) -> Result<u32, EdgeError> {
    let json = message.to_json().map_err(EdgeError::Encode)?;
    let mut last = EdgeError::Queue("no delivery queue".into());
    for shard in queue_message::shards_to_try(&message.envelope.id, shards) {
        *sends += 1;
        let sent = match env.queue(&queue_message::binding(shard)) {
            Ok(queue) => queue.send(json.as_str()).await.map_err(EdgeError::from),
            Err(_) => Err(EdgeError::Queue(format!("no {} binding", queue_message::binding(shard)))),
        };
        match sent {
            Ok(()) => return Ok(shard),
            Err(e) => {
                console_log!(
                    "{}",
                    serde_json::json!({"event": "delivery", "id": message.envelope.id, "outcome": "fallback", "shard": shard, "problem": e.to_string()})
                );
                last = e;
            }
        }
    }
    Err(last)
}

/// Keeps a message every shard refused in the spill store. `Err`: it is not kept anywhere.
async fn spill(env: &Env, message: &QueueMessage) -> Result<(), EdgeError> {
    let kv = env.kv(DELIVERY_STATE_KV)?;
    let json = message.to_json().map_err(EdgeError::Encode)?;
    kv.put(&format!("{SPILL_PREFIX}{}", message.envelope.id), json)?.execute().await?;
    console_log!("{}", serde_json::json!({"event": "delivery", "id": message.envelope.id, "outcome": "spilled"}));
    Ok(())
}

/// Moves spilled events onto the queues, page by page, each deleted once queued, within one
/// invocation's budget of operations (at least 180 events a run, about 300 when their own shards
/// take them). The run ends at the first event no shard takes (the queues are still refusing:
/// reading on would only spend KV reads), and one that is no delivery message goes to the
/// dead-letter store. A KV problem with one event does not stop the others. Run by the cron
/// trigger. Delivery stays at-least-once: two runs that overlap, or a key KV still lists after
/// its delete, queue an event twice (the origin dedupes on `webhook-id`).
pub async fn drain_spilled(env: &Env, settings: &Settings) -> Result<serde_json::Value, EdgeError> {
    let kv = env.kv(DELIVERY_STATE_KV)?;
    let (mut queued, mut kept, mut unreadable, mut failed) = (0, 0, 0, 0);
    let mut operations = 0;
    let mut cursor: Option<String> = None;
    let mut more = true;
    'pages: while more && operations + 1 + DRAIN_EVENT_OPERATIONS <= DRAIN_OPERATIONS {
        let mut list = kv.list().prefix(SPILL_PREFIX.to_owned()).limit(DRAIN_PAGE);
        if let Some(cursor) = cursor.take() {
            list = list.cursor(cursor);
        }
        let page = list.execute().await?;
        operations += 1;
        more = !page.list_complete;
        cursor = page.cursor.clone();
        for key in &page.keys {
            if operations + DRAIN_EVENT_OPERATIONS > DRAIN_OPERATIONS {
                more = true;
                break 'pages;
            }
            operations += 1;
            let text = match kv.get(&key.name).text().await {
                Ok(Some(text)) => text,
                Ok(None) => continue, // drained meanwhile
                Err(_) => {
                    failed += 1;
                    continue;
                }
            };
            let message = match QueueMessage::from_json(&text) {
                Ok(message) => message,
                Err(reason) => {
                    // Not something timgate wrote: kept for the operator, out of the way.
                    operations += 2;
                    let id = key.name.trim_start_matches(SPILL_PREFIX);
                    if crate::edge::dead_letters::store_unreadable(env, id, text.into_bytes(), &reason).await.is_ok() {
                        let _ = kv.delete(&key.name).await;
                    }
                    unreadable += 1;
                    continue;
                }
            };
            let mut sends = 0;
            let result = enqueue_counting(env, settings.delivery.shards, &message, &mut sends).await;
            operations += sends;
            match result {
                Ok(_) => {
                    operations += 1;
                    match kv.delete(&key.name).await {
                        Ok(()) => queued += 1,
                        // Queued, but still spilled: the next run queues it again (a duplicate).
                        Err(_) => failed += 1,
                    }
                }
                Err(_) => {
                    // The queues still refuse: the rest waits for the next run.
                    kept += 1;
                    more = true;
                    break 'pages;
                }
            }
        }
        if cursor.is_none() {
            break;
        }
    }
    let summary = serde_json::json!({
        "event": "drain", "queued": queued, "kept": kept, "unreadable": unreadable, "failed": failed, "more": more,
    });
    if queued + kept + unreadable + failed > 0 {
        console_log!("{summary}");
    }
    Ok(summary)
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

/// Direct delivery after the answer: the queue's schedule, at most three attempts and pauses of
/// at most 5 s (it runs within the request's lifetime), then the event is logged as failed.
fn deliver_directly(ctx: &Context, settings: &Settings, envelope: Envelope) {
    let Some(origin_url) = settings.origin_url.clone() else { return };
    let keys = settings.forward_keys.clone();
    let schedule = delivery_policy::Schedule {
        max_attempts: settings.delivery.schedule.max_attempts.min(DIRECT_ATTEMPTS),
        ..settings.delivery.schedule
    };
    ctx.wait_until(async move {
        for attempt in 1..=DIRECT_ATTEMPTS {
            let (outcome, retry_after) = attempt_delivery(&origin_url, &envelope, &keys).await;
            match delivery_policy::next(&outcome, attempt, schedule, retry_after, random_u32()) {
                Next::Ack => return log(&envelope, "delivered", "", attempt),
                Next::DeadLetter { reason } => return log(&envelope, "failed", &reason, attempt),
                Next::Retry { delay_seconds, reason } => {
                    log(&envelope, "retrying", &reason, attempt);
                    let pause = delay_seconds.min(DIRECT_MAX_PAUSE_SECONDS);
                    Delay::from(Duration::from_secs(u64::from(pause))).await;
                }
            }
        }
    });
}

/// A uniformly drawn `u32`, for the retry schedule's jitter (`Math.random`: jitter needs no
/// cryptographic randomness).
pub fn random_u32() -> u32 {
    (worker::js_sys::Math::random() * f64::from(u32::MAX)) as u32
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

/// One log line per delivery outcome, with the attempt's number (0 leaves the field out).
pub fn log(envelope: &Envelope, outcome: &str, problem: &str, attempt: u32) {
    console_log!("{}", line(envelope, outcome, problem, attempt));
}

/// The log line of a failed attempt: why, and the delay before the next one.
pub fn log_retry(envelope: &Envelope, problem: &str, attempt: u32, delay_seconds: u32) {
    let mut line = line(envelope, "retrying", problem, attempt);
    if let Some(fields) = line.as_object_mut() {
        fields.insert("delay_seconds".to_owned(), delay_seconds.into());
    }
    console_log!("{line}");
}

/// A delivery log line; `attempt` 0 leaves the attempt out.
fn line(envelope: &Envelope, outcome: &str, problem: &str, attempt: u32) -> serde_json::Value {
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
    line
}

/// Says once per isolate how deliveries travel (there is no start-up hook with `env`).
fn announce(mode: &str, warning: &str) {
    if !ANNOUNCED.with(|a| a.replace(true)) {
        console_log!("{}", serde_json::json!({"event": "startup", "delivery": mode, "warning": warning}));
    }
}
