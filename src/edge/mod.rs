//! The Cloudflare Workers glue: request in, engine, KV / fetch out. Nothing here decides
//! anything; it gathers inputs for the engine and carries out what the engine returns.
//!
//! Panics: worker 0.8 installs its own panic hook at start-up (it logs the panic and marks
//! the instance for re-initialisation). We keep that hook and do not install
//! `console_error_panic_hook`, which would replace it.

mod admin;
mod ban_cache;
mod bindings;
mod clock;
mod console_api;
mod console_page;
mod dead_letters;
mod delivery;
mod document_version;
mod env_settings;
mod errors;
mod event_nonce;
mod fetch_handler;
mod group_state;
mod incoming;
mod kv_cache;
mod message_decision;
mod message_trial;
mod metrics;
mod origin;
mod other_decision;
mod queue_consumer;
mod request_body;
mod responses;
mod rule_cache;
mod verdict_log;

use worker::{event, web_sys, Context, Env, Response, ScheduleContext, ScheduledEvent};

/// Takes the runtime's request as it is (see `incoming.rs` for why not `worker::Request`).
#[event(fetch)]
async fn fetch(req: web_sys::Request, env: Env, ctx: Context) -> worker::Result<Response> {
    Ok(fetch_handler::handle(incoming::Incoming::new(req), env, ctx).await)
}

/// The queue handler, exported by hand rather than with `#[event(queue)]`: that macro hands over
/// a `MessageBatch` without each message's `attempts` (how many times the queue has delivered it,
/// which the retry schedule goes by), so it is read here from the runtime's own batch first.
mod queue_export {
    use worker::wasm_bindgen::prelude::wasm_bindgen;
    use worker::wasm_bindgen::JsValue;
    use worker::{js_sys, worker_sys, Env, MessageBatch};

    /// The attempt number of each message of `batch`, in its order (1 when the runtime gives none,
    /// said in a log line: retries then stay at the first delays, and the queue's `max_retries`
    /// ends them).
    fn attempts(batch: &worker_sys::MessageBatch) -> Vec<u32> {
        let Ok(messages) = batch.messages() else { return Vec::new() };
        let mut missing = 0;
        let attempts = messages
            .iter()
            .map(|m| {
                let attempt = js_sys::Reflect::get(&m, &JsValue::from_str("attempts"))
                    .ok()
                    .and_then(|a| a.as_f64())
                    .filter(|a| a.is_finite() && *a >= 1.0);
                missing += usize::from(attempt.is_none());
                attempt.map_or(1, |a| a.min(f64::from(u32::MAX)) as u32)
            })
            .collect();
        if missing > 0 {
            worker::console_log!(
                "{}",
                serde_json::json!({"event": "queue", "problem": "no attempts count from the runtime", "messages": missing})
            );
        }
        attempts
    }

    #[wasm_bindgen(wasm_bindgen = ::worker::wasm_bindgen, wasm_bindgen_futures = ::worker::wasm_bindgen_futures, js_sys = ::worker::js_sys)]
    pub async fn queue(
        batch: worker_sys::MessageBatch,
        env: Env,
        _ctx: worker_sys::Context,
    ) -> Result<JsValue, JsValue> {
        let attempts = attempts(&batch);
        // Always Ok: an Err here would fail (and redeliver) the whole batch.
        super::queue_consumer::consume(MessageBatch::from(batch), attempts, env).await;
        Ok(JsValue::UNDEFINED)
    }
}

/// The cron trigger (`wrangler.toml` `[triggers]`): moves events every delivery queue refused
/// from the spill store onto the queues.
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let settings = match env_settings::settings(&env) {
        Ok(settings) => settings,
        Err(e) => {
            worker::console_log!("{}", serde_json::json!({"event": "drain", "problem": format!("settings: {e}")}));
            return;
        }
    };
    if let Err(e) = delivery::drain_spilled(&env, &settings).await {
        worker::console_log!("{}", serde_json::json!({"event": "drain", "problem": e.to_string()}));
    }
}
