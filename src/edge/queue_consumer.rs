//! The queue consumer: delivers queued events to the origin, each message acknowledged on its
//! own, and turns dead-letter-queue messages into stored dead letters. A failed attempt is sent
//! again to the event's shard with its attempt number raised and the schedule's delay
//! (`delivery_policy::next`), and the message in hand is acknowledged once that is done; when no
//! shard takes it, the runtime's own retry keeps it (the queue's `max_retries` bounds that).

use futures_util::stream::{self, StreamExt};
use worker::wasm_bindgen::JsCast;
use worker::{console_log, js_sys, Context, Env, MessageBatch, MessageExt, QueueRetryOptionsBuilder, RawMessage};

use crate::edge::{clock, dead_letters, delivery, env_settings, origin};
use timgate_engine::delivery_policy::{self, Attempt, Next};
use timgate_engine::envelope;
use timgate_engine::queue_message::{QueueMessage, MAX_QUEUE_DELAY_SECONDS};
use timgate_engine::settings::Settings;

/// Deliveries in flight at once per batch (bounded, to be gentle with the origin).
const CONCURRENCY: usize = 8;

/// Handles one batch. Never fails the batch: every message is acked or retried on its own.
pub async fn consume(batch: MessageBatch<QueueMessage>, env: Env, _ctx: Context) {
    let settings = match env_settings::settings(&env) {
        Ok(settings) => settings,
        Err(e) => {
            console_log!("{}", serde_json::json!({"event": "queue", "problem": format!("settings: {e}")}));
            batch.retry_all();
            return;
        }
    };
    let queue = batch.queue();
    let mut readable = Vec::new();
    let mut count = 0usize;
    for message in batch.raw_iter() {
        count += 1;
        match read(&message) {
            Ok(typed) => readable.push((message, typed)),
            Err(reason) => keep_unreadable(&env, &message, &reason).await,
        }
    }
    console_log!("{}", serde_json::json!({"event": "queue_batch", "queue": queue, "messages": count}));
    if queue == settings.delivery.dead_letter_queue {
        for (message, typed) in readable {
            keep_dead_letter(&env, message, typed).await;
        }
    } else if settings.delivery.batch {
        deliver_as_batch(&env, &settings, readable).await;
    } else {
        stream::iter(readable)
            .for_each_concurrent(CONCURRENCY, |(message, typed)| deliver_one(&env, &settings, message, typed))
            .await;
    }
}

/// A queue message as this version writes it (an object), or as JSON text (what versions before
/// it wrote). `Err` says why it is not a delivery message.
fn read(message: &RawMessage) -> Result<QueueMessage, String> {
    let body = message.body();
    match body.as_string() {
        Some(text) => QueueMessage::from_json(&text),
        None => serde_wasm_bindgen::from_value::<QueueMessage>(body)
            .map_err(|e| format!("not a delivery message: {e}"))
            .and_then(QueueMessage::checked),
    }
}

/// A message body's bytes: text as UTF-8, bytes as they are, anything else as its JSON.
fn body_bytes(message: &RawMessage) -> Vec<u8> {
    let body = message.body();
    if let Some(text) = body.as_string() {
        return text.into_bytes();
    }
    if let Some(bytes) = body.dyn_ref::<js_sys::Uint8Array>() {
        return bytes.to_vec();
    }
    if body.is_instance_of::<js_sys::ArrayBuffer>() {
        return js_sys::Uint8Array::new(&body).to_vec();
    }
    js_sys::JSON::stringify(&body).ok().and_then(|s| s.as_string()).unwrap_or_default().into_bytes()
}

fn retry(message: &RawMessage, delay_seconds: u32) {
    let delay_seconds = delay_seconds.min(MAX_QUEUE_DELAY_SECONDS);
    message.retry_with_options(&QueueRetryOptionsBuilder::new().with_delay_seconds(delay_seconds).build());
}

/// The next attempt of `typed` after `delay_seconds`, on its shard; the message in hand is
/// acknowledged once that is queued, else retried by the runtime.
async fn again(env: &Env, settings: &Settings, message: &RawMessage, typed: &QueueMessage, delay_seconds: u32) {
    let delay = delay_seconds.min(MAX_QUEUE_DELAY_SECONDS);
    match delivery::enqueue(env, settings.delivery.shards, &typed.next_attempt(), delay).await {
        Ok(_) => message.ack(),
        Err(_) => retry(message, delay),
    }
}

async fn deliver_one(env: &Env, settings: &Settings, message: RawMessage, typed: QueueMessage) {
    let envelope = &typed.envelope;
    let Some(origin_url) = settings.origin_url.as_deref() else {
        delivery::log(envelope, "waiting", "ORIGIN_URL is not set", typed.attempt);
        retry(&message, settings.delivery.schedule.cap_seconds);
        return;
    };
    let (outcome, retry_after) = delivery::attempt_delivery(origin_url, envelope, &settings.forward_keys).await;
    match delivery_policy::next(
        &outcome,
        typed.attempt,
        settings.delivery.schedule,
        retry_after,
        delivery::random_u32(),
    ) {
        Next::Ack => {
            delivery::log(envelope, "delivered", "", typed.attempt);
            message.ack();
        }
        Next::Retry { delay_seconds, reason } => {
            delivery::log_retry(envelope, &reason, typed.attempt, delay_seconds);
            again(env, settings, &message, &typed, delay_seconds).await;
        }
        Next::DeadLetter { reason } => match dead_letters::store(env, typed.envelope.clone(), &reason).await {
            Ok(()) => message.ack(),
            Err(e) => {
                delivery::log(envelope, "retrying", &format!("{reason}; dead-letter store: {e}"), typed.attempt);
                retry(&message, settings.delivery.schedule.cap_seconds);
            }
        },
    }
}

/// Batch mode: the whole batch in one request; the origin's answer applies to every message, and
/// the batch's attempt number is its most tried message's.
async fn deliver_as_batch(env: &Env, settings: &Settings, readable: Vec<(RawMessage, QueueMessage)>) {
    if readable.is_empty() {
        return;
    }
    let envelopes: Vec<_> = readable.iter().map(|(_, typed)| typed.envelope.clone()).collect();
    let combined = envelope::batch(&envelopes, clock::now_seconds());
    let (outcome, retry_after) = match settings.origin_url.as_deref() {
        Some(url) => match origin::post(url, &combined, &settings.forward_keys, delivery::ATTEMPT_TIMEOUT_MS).await {
            Ok(reply) => (Attempt::Answered(reply.status), delivery::retry_after(&reply)),
            Err(e) => (Attempt::Failed(e.to_string()), None),
        },
        None => (Attempt::Failed("ORIGIN_URL is not set".into()), None),
    };
    let attempt = readable.iter().map(|(_, typed)| typed.attempt).max().unwrap_or(1);
    match delivery_policy::next(&outcome, attempt, settings.delivery.schedule, retry_after, delivery::random_u32()) {
        Next::Ack => {
            delivery::log(&combined, "delivered", "", attempt);
            readable.iter().for_each(|(m, _)| m.ack());
        }
        Next::Retry { delay_seconds, reason } => {
            delivery::log_retry(&combined, &reason, attempt, delay_seconds);
            for (message, typed) in &readable {
                again(env, settings, message, typed, delay_seconds).await;
            }
        }
        Next::DeadLetter { reason } => {
            delivery::log(&combined, "refused", &reason, attempt);
            for (message, typed) in readable {
                match dead_letters::store(env, typed.envelope, &reason).await {
                    Ok(()) => message.ack(),
                    Err(_) => retry(&message, settings.delivery.schedule.cap_seconds),
                }
            }
        }
    }
}

/// A message the runtime gave up on (the queue's `max_retries`): kept in the dead-letter store.
async fn keep_dead_letter(env: &Env, message: RawMessage, typed: QueueMessage) {
    match dead_letters::store(env, typed.envelope, "the queue's retries ran out").await {
        Ok(()) => message.ack(),
        Err(e) => {
            console_log!(
                "{}",
                serde_json::json!({"event": "dead_letter", "problem": e.to_string(), "id": message.id()})
            );
            message.retry();
        }
    }
}

/// A message that is no delivery message: kept as its bytes, with why, under its queue id.
async fn keep_unreadable(env: &Env, message: &RawMessage, reason: &str) {
    match dead_letters::store_unreadable(env, &message.id(), body_bytes(message), reason).await {
        Ok(()) => message.ack(),
        Err(_) => message.retry(),
    }
}
