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
mod dead_letters;
mod delivery;
mod env_settings;
mod errors;
mod event_nonce;
mod fetch_handler;
mod group_state;
mod incoming;
mod kv_cache;
mod message_decision;
mod metrics;
mod origin;
mod other_decision;
mod queue_consumer;
mod request_body;
mod responses;
mod rule_cache;

use worker::{event, web_sys, Context, Env, MessageBatch, Response, ScheduleContext, ScheduledEvent};

/// Takes the runtime's request as it is (see `incoming.rs` for why not `worker::Request`).
#[event(fetch)]
async fn fetch(req: web_sys::Request, env: Env, ctx: Context) -> worker::Result<Response> {
    Ok(fetch_handler::handle(incoming::Incoming::new(req), env, ctx).await)
}

#[event(queue)]
async fn queue(
    batch: MessageBatch<timgate_engine::queue_message::QueueMessage>,
    env: Env,
    ctx: Context,
) -> worker::Result<()> {
    // Always Ok: an Err here would fail (and redeliver) the whole batch.
    queue_consumer::consume(batch, env, ctx).await;
    Ok(())
}

/// The cron trigger (`wrangler.toml` `[triggers]`): moves events every delivery queue refused
/// from the spill store onto the queues.
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let Ok(settings) = env_settings::settings(&env) else { return };
    if let Err(e) = delivery::drain_spilled(&env, &settings).await {
        worker::console_log!("{}", serde_json::json!({"event": "drain", "problem": e.to_string()}));
    }
}
