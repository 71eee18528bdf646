//! The queue consumer: delivers queued envelopes to the origin, each message acknowledged or
//! retried on its own, and turns dead-letter-queue messages into stored dead letters.

use futures_util::stream::{self, StreamExt};
use worker::{console_log, Context, Env, MessageBatch, MessageExt, QueueRetryOptionsBuilder, RawMessage};

use crate::edge::{clock, dead_letters, delivery, env_settings, origin};
use timgate_engine::delivery_policy::{self, Attempt, Next};
use timgate_engine::envelope::{self, Envelope};
use timgate_engine::settings::Settings;

/// Deliveries in flight at once per batch (bounded, to be gentle with the origin).
const CONCURRENCY: usize = 8;

/// Handles one batch. Never fails the batch: every message is acked or retried on its own.
pub async fn consume(batch: MessageBatch<serde_json::Value>, env: Env, _ctx: Context) {
    let settings = match env_settings::settings(&env) {
        Ok(settings) => settings,
        Err(e) => {
            console_log!("{}", serde_json::json!({"event": "queue", "problem": format!("settings: {e}")}));
            batch.retry_all();
            return;
        }
    };
    let messages: Vec<RawMessage> = batch.raw_iter().collect();
    if batch.queue() == settings.delivery.dead_letter_queue {
        for message in messages {
            keep_dead_letter(&env, message).await;
        }
    } else if settings.delivery.batch {
        deliver_as_batch(&env, &settings, messages).await;
    } else {
        stream::iter(messages).for_each_concurrent(CONCURRENCY, |message| deliver_one(&env, &settings, message)).await;
    }
}

fn read(message: &RawMessage) -> Option<Envelope> {
    serde_json::from_str(&message.body().as_string()?).ok()
}

fn age_seconds(message: &RawMessage) -> u64 {
    let queued = message.timestamp().as_millis() / 1000;
    u64::try_from(clock::now_seconds()).unwrap_or(0).saturating_sub(queued)
}

fn retry(message: &RawMessage, delay_seconds: u32) {
    message.retry_with_options(&QueueRetryOptionsBuilder::new().with_delay_seconds(delay_seconds).build());
}

async fn deliver_one(env: &Env, settings: &Settings, message: RawMessage) {
    let Some(envelope) = read(&message) else {
        // Nothing we wrote, or a body from an older version we cannot read: keep it for the
        // operator rather than retrying forever or dropping it.
        poison(env, &message).await;
        return;
    };
    let Some(origin_url) = settings.origin_url.as_deref() else {
        delivery::log(&envelope, "waiting", "ORIGIN_URL is not set", 0);
        retry(&message, settings.delivery.backoff.max_seconds);
        return;
    };
    let (outcome, retry_after) = delivery::attempt_delivery(origin_url, &envelope, &settings.forward_keys).await;
    match delivery_policy::next(&outcome, age_seconds(&message), settings.delivery.backoff, retry_after) {
        Next::Ack => {
            delivery::log(&envelope, "delivered", "", 0);
            message.ack();
        }
        Next::Retry { delay_seconds, reason } => {
            delivery::log(&envelope, "retrying", &reason, 0);
            retry(&message, delay_seconds);
        }
        Next::DeadLetter { reason } => match dead_letters::store(env, envelope.clone(), &reason).await {
            Ok(()) => message.ack(),
            Err(e) => {
                delivery::log(&envelope, "retrying", &format!("{reason}; dead-letter store: {e}"), 0);
                retry(&message, settings.delivery.backoff.max_seconds);
            }
        },
    }
}

/// Batch mode: the whole batch in one request; the origin's answer applies to every message.
async fn deliver_as_batch(env: &Env, settings: &Settings, messages: Vec<RawMessage>) {
    let (readable, unreadable): (Vec<_>, Vec<_>) = messages.into_iter().partition(|m| read(m).is_some());
    for message in unreadable {
        console_log!("{}", serde_json::json!({"event": "queue", "problem": "unreadable message", "id": message.id()}));
        retry(&message, settings.delivery.backoff.max_seconds);
    }
    if readable.is_empty() {
        return;
    }
    let envelopes: Vec<Envelope> = readable.iter().filter_map(read).collect();
    let combined = envelope::batch(&envelopes, clock::now_seconds());
    let (outcome, retry_after) = match settings.origin_url.as_deref() {
        Some(url) => match origin::post(url, &combined, &settings.forward_keys, delivery::ATTEMPT_TIMEOUT_MS).await {
            Ok(reply) => (Attempt::Answered(reply.status), delivery::retry_after(&reply)),
            Err(e) => (Attempt::Failed(e.to_string()), None),
        },
        None => (Attempt::Failed("ORIGIN_URL is not set".into()), None),
    };
    let oldest = readable.iter().map(age_seconds).max().unwrap_or(0);
    match delivery_policy::next(&outcome, oldest, settings.delivery.backoff, retry_after) {
        Next::Ack => {
            delivery::log(&combined, "delivered", "", 0);
            readable.iter().for_each(|m| m.ack());
        }
        Next::Retry { delay_seconds, reason } => {
            delivery::log(&combined, "retrying", &reason, 0);
            readable.iter().for_each(|m| retry(m, delay_seconds));
        }
        Next::DeadLetter { reason } => {
            delivery::log(&combined, "refused", &reason, 0);
            for (message, envelope) in readable.iter().zip(envelopes) {
                match dead_letters::store(env, envelope, &reason).await {
                    Ok(()) => message.ack(),
                    Err(_) => retry(message, settings.delivery.backoff.max_seconds),
                }
            }
        }
    }
}

async fn keep_dead_letter(env: &Env, message: RawMessage) {
    let Some(envelope) = read(&message) else {
        poison(env, &message).await;
        return;
    };
    match dead_letters::store(env, envelope, "retries exhausted").await {
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

/// A message that is not an envelope: stored as-is under its queue message id.
async fn poison(env: &Env, message: &RawMessage) {
    let raw = message.body().as_string().unwrap_or_default();
    let envelope = Envelope::callback("Timgate.Unreadable", "", raw.as_bytes(), clock::now_seconds());
    match dead_letters::store(env, envelope, "unreadable queue message").await {
        Ok(()) => message.ack(),
        Err(_) => message.retry(),
    }
}
