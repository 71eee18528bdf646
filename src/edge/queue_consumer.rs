//! The queue consumer: delivers queued events to the origin, each message acknowledged or
//! retried on its own, and turns dead-letter-queue messages into stored dead letters. A failed
//! attempt is retried by the queue after the schedule's delay (`delivery_policy::next`, by the
//! message's attempt number, which the queue counts: `attempts`, read in `mod.rs`).

use futures_util::stream::{self, StreamExt};
use worker::wasm_bindgen::JsCast;
use worker::{console_log, js_sys, Env, MessageBatch, MessageExt, QueueRetryOptionsBuilder, RawMessage};

use crate::edge::{clock, dead_letters, delivery, env_settings, origin};
use timgate_engine::delivery_policy::{self, Attempt, Next};
use timgate_engine::envelope;
use timgate_engine::queue_message::{QueueMessage, MAX_QUEUE_DELAY_SECONDS};
use timgate_engine::settings::{names, Settings};

/// Deliveries in flight at once per batch (bounded, to be gentle with the origin).
const CONCURRENCY: usize = 8;
/// How long a batch waits when the settings cannot be read (a bad deploy): long enough that the
/// queue's retries are not used up before someone fixes them.
const MISCONFIGURED_RETRY_SECONDS: u32 = 600;

/// Handles one batch; `attempts[i]` is the attempt number of the batch's message `i` (1 for the
/// first). Never fails the batch: every message is acked or retried on its own.
pub async fn consume(batch: MessageBatch<QueueMessage>, attempts: Vec<u32>, env: Env) {
    let queue = batch.queue();
    let settings = match env_settings::settings(&env) {
        Ok(settings) => settings,
        Err(e) => {
            console_log!(
                "{}",
                serde_json::json!({"event": "queue", "queue": queue, "problem": format!("settings: {e}")})
            );
            // Dead letters need no settings to be kept: kept. Deliveries wait for a fix.
            let dead_letter_queue = env_settings::read(&env, names::DEAD_LETTER_QUEUE)
                .unwrap_or_else(|| names::DEFAULT_DEAD_LETTER_QUEUE.to_owned());
            if queue == dead_letter_queue {
                for delivery in readable(&batch, &attempts, &env).await {
                    keep_dead_letter(&env, delivery).await;
                }
            } else {
                let wait = QueueRetryOptionsBuilder::new().with_delay_seconds(MISCONFIGURED_RETRY_SECONDS).build();
                batch.retry_all_with_options(&wait);
            }
            return;
        }
    };
    let readable = readable(&batch, &attempts, &env).await;
    console_log!("{}", serde_json::json!({"event": "queue_batch", "queue": queue, "messages": batch.raw_iter().len()}));
    if queue == settings.delivery.dead_letter_queue {
        for delivery in readable {
            keep_dead_letter(&env, delivery).await;
        }
    } else if settings.delivery.batch {
        deliver_as_batch(&env, &settings, readable).await;
    } else {
        stream::iter(readable)
            .for_each_concurrent(CONCURRENCY, |delivery| deliver_one(&env, &settings, delivery))
            .await;
    }
}

/// The batch's delivery messages with their attempt numbers; a message that is none is kept in the
/// dead-letter store as its bytes (which needs no settings) and left out.
async fn readable(batch: &MessageBatch<QueueMessage>, attempts: &[u32], env: &Env) -> Vec<Delivery> {
    let mut readable = Vec::new();
    for (i, message) in batch.raw_iter().enumerate() {
        let attempt = attempts.get(i).copied().unwrap_or(1).max(1);
        match read(&message) {
            Ok(typed) => readable.push(Delivery { message, typed, attempt }),
            Err(reason) => keep_unreadable(env, &message, &reason).await,
        }
    }
    readable
}

/// One readable message of a batch, with its attempt number.
struct Delivery {
    message: RawMessage,
    typed: QueueMessage,
    attempt: u32,
}

/// A queue message's JSON text (what timgate writes; a body sent as an object is read through its
/// JSON). `Err` says why it is not a delivery message.
fn read(message: &RawMessage) -> Result<QueueMessage, String> {
    let body = message.body();
    match body.as_string() {
        Some(text) => QueueMessage::from_json(&text),
        None if body.is_object() => match js_sys::JSON::stringify(&body).ok().and_then(|s| s.as_string()) {
            Some(text) => QueueMessage::from_json(&text),
            None => Err("not a delivery message: an object without JSON".to_owned()),
        },
        None => Err("not a delivery message: neither text nor JSON".to_owned()),
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

async fn deliver_one(env: &Env, settings: &Settings, delivery: Delivery) {
    let Delivery { message, typed, attempt } = delivery;
    let envelope = &typed.envelope;
    let Some(origin_url) = settings.origin_url.as_deref() else {
        delivery::log(envelope, "waiting", "ORIGIN_URL is not set", attempt);
        retry(&message, settings.delivery.schedule.cap_seconds);
        return;
    };
    let (outcome, retry_after) = delivery::attempt_delivery(origin_url, envelope, &settings.forward_keys).await;
    match delivery_policy::next(&outcome, attempt, settings.delivery.schedule, retry_after, delivery::random_u32()) {
        Next::Ack => {
            delivery::log(envelope, "delivered", "", attempt);
            message.ack();
        }
        Next::Retry { delay_seconds, reason } => {
            delivery::log_retry(envelope, &reason, attempt, delay_seconds);
            retry(&message, delay_seconds);
        }
        Next::DeadLetter { reason } => match dead_letters::store(env, typed.envelope.clone(), &reason).await {
            Ok(()) => message.ack(),
            Err(e) => {
                delivery::log(envelope, "retrying", &format!("{reason}; dead-letter store: {e}"), attempt);
                retry(&message, settings.delivery.schedule.cap_seconds);
            }
        },
    }
}

/// Batch mode: the whole batch in one request. The origin's answer applies to every message, and
/// what follows is decided for each by its own attempt number (one near the last attempt does not
/// drag the others into the dead-letter store).
async fn deliver_as_batch(env: &Env, settings: &Settings, readable: Vec<Delivery>) {
    if readable.is_empty() {
        return;
    }
    let envelopes: Vec<_> = readable.iter().map(|d| d.typed.envelope.clone()).collect();
    let combined = envelope::batch(&envelopes, clock::now_seconds());
    let (outcome, retry_after) = match settings.origin_url.as_deref() {
        Some(url) => match origin::post(url, &combined, &settings.forward_keys, delivery::ATTEMPT_TIMEOUT_MS).await {
            Ok(reply) => (Attempt::Answered(reply.status), delivery::retry_after(&reply)),
            Err(e) => (Attempt::Failed(e.to_string()), None),
        },
        None => (Attempt::Failed("ORIGIN_URL is not set".into()), None),
    };
    let first = readable.iter().map(|d| d.attempt).min().unwrap_or(1);
    let mut logged = false;
    for Delivery { message, typed, attempt } in readable {
        let next =
            delivery_policy::next(&outcome, attempt, settings.delivery.schedule, retry_after, delivery::random_u32());
        match next {
            Next::Ack => {
                if !logged {
                    delivery::log(&combined, "delivered", "", first);
                    logged = true;
                }
                message.ack();
            }
            Next::Retry { delay_seconds, reason } => {
                delivery::log_retry(&typed.envelope, &reason, attempt, delay_seconds);
                retry(&message, delay_seconds);
            }
            Next::DeadLetter { reason } => match dead_letters::store(env, typed.envelope, &reason).await {
                Ok(()) => message.ack(),
                Err(_) => retry(&message, settings.delivery.schedule.cap_seconds),
            },
        }
    }
}

/// A message the runtime gave up on (the queue's `max_retries`): kept in the dead-letter store.
async fn keep_dead_letter(env: &Env, delivery: Delivery) {
    let Delivery { message, typed, .. } = delivery;
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
