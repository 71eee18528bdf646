//! Passing events on to the origin. Today: after the answer, within `ctx.wait_until`, with a
//! few quick retries. This is the one place that changes when delivery becomes durable.

use std::time::Duration;

use worker::{console_log, Context, Delay};

use crate::edge::origin;
use crate::engine::envelope::Envelope;
use crate::engine::settings::Settings;

/// Per-attempt deadline for background deliveries.
const ATTEMPT_TIMEOUT_MS: u64 = 10_000;
/// Pauses before the second and third attempts.
const BACKOFF_MS: [u64; 2] = [500, 2_000];

/// Sends `envelope` to the origin after the answer has gone out.
pub fn dispatch(ctx: &Context, settings: &Settings, envelope: Envelope) {
    let Some(origin_url) = settings.origin_url.clone() else {
        console_log!("{}", delivery_log(&envelope, "dropped", "ORIGIN_URL is not set", 0));
        return;
    };
    let keys = settings.forward_keys.clone();
    ctx.wait_until(async move {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let outcome = origin::post(&origin_url, &envelope, &keys, ATTEMPT_TIMEOUT_MS).await;
            let problem = match outcome {
                Ok(reply) if (200..300).contains(&reply.status) => {
                    console_log!("{}", delivery_log(&envelope, "delivered", "", attempt));
                    return;
                }
                Ok(reply) if !retryable(reply.status) => {
                    console_log!("{}", delivery_log(&envelope, "refused", &format!("HTTP {}", reply.status), attempt));
                    return;
                }
                Ok(reply) => format!("HTTP {}", reply.status),
                Err(e) => e.to_string(),
            };
            match BACKOFF_MS.get(attempt - 1) {
                Some(ms) => Delay::from(Duration::from_millis(*ms)).await,
                None => {
                    console_log!("{}", delivery_log(&envelope, "failed", &problem, attempt));
                    return;
                }
            }
        }
    });
}

/// Network errors, timeouts, 5xx, 408 and 429 are worth another attempt; other 4xx are not.
pub fn retryable(status: u16) -> bool {
    status >= 500 || status == 408 || status == 429
}

fn delivery_log(envelope: &Envelope, outcome: &str, problem: &str, attempts: usize) -> String {
    serde_json::json!({
        "event": "delivery",
        "id": envelope.id,
        "kind": envelope.kind.name(),
        "outcome": outcome,
        "attempts": attempts,
        "problem": problem,
    })
    .to_string()
}
