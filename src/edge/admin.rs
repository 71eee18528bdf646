//! Operator endpoints under `/__timgate/`, behind `Authorization: Bearer <ADMIN_TOKEN>`:
//! `GET dead-letters` lists the dead-letter store, `GET dead-letters/<id>` shows one whole,
//! `DELETE dead-letters/<id>` deletes one, `POST dead-letters/replay` queues them again;
//! `POST api/try` decides a message as the worker would now and says why (`message_trial.rs`).
//! `GET health` reports every problem of the deployment at once, and answers even when the
//! settings are unusable (every other path then answers 500 `misconfigured`).
//! Without `ADMIN_TOKEN` they answer 404, as if they did not exist.

use worker::{Context, Env};

use crate::edge::bindings::{DELIVERY_QUEUE, DELIVERY_STATE_KV, RULES_KV};
use crate::edge::incoming::Incoming;
use crate::edge::{dead_letters, env_settings, message_trial, responses};
use timgate_engine::admin_auth::{self, ADMIN_PREFIX};
use timgate_engine::settings::Settings;

/// Whether `path` belongs to the operator endpoints.
pub fn is_admin_path(path: &str) -> bool {
    path.starts_with(ADMIN_PREFIX)
}

/// The largest request `POST api/try` reads (a callback body is at most 12 KB of text in JSON).
const MAX_TRIAL_BYTES: usize = 256 * 1024;

/// The path of the health report.
pub const HEALTH_PATH: &str = "/__timgate/health";

/// `GET /__timgate/health`: the settings' problems (every one), the bindings that are missing,
/// and notes on settings that work but are likely wrong in production. `ADMIN_TOKEN` is read on
/// its own, so that the report is there when the settings are not.
pub fn health(req: &Incoming, env: &Env) -> worker::Response {
    let token = env_settings::read(env, timgate_engine::settings::names::ADMIN_TOKEN);
    if token.is_none() {
        return error(404, "not_found", "operator endpoints are off (ADMIN_TOKEN is not set)");
    }
    if let Err(refusal) = admin_auth::check(token.as_deref(), req.header("authorization").as_deref()) {
        return error(401, "unauthorized", refusal.message());
    }
    let settings = Settings::from_lookup(|name| env_settings::read(env, name));
    let mut problems: Vec<String> = match &settings {
        Ok(_) => Vec::new(),
        Err(errors) => errors.0.iter().map(ToString::to_string).collect(),
    };
    let mut notes = Vec::new();
    if env.kv(RULES_KV).is_err() {
        problems.push(format!("no KV binding {RULES_KV}: rules and bans cannot be read, so every message follows FAIL_MODE (wrangler.toml [[kv_namespaces]] binding = \"{RULES_KV}\")"));
    }
    // Queued delivery needs its state (dedupe, dead letters); without the queue, delivery is
    // direct and needs neither.
    match (env.queue(DELIVERY_QUEUE).is_ok(), env.kv(DELIVERY_STATE_KV).is_ok()) {
        (true, false) => problems.push(format!("queue {DELIVERY_QUEUE} without KV binding {DELIVERY_STATE_KV}: events that die cannot be kept (wrangler.toml [[kv_namespaces]] binding = \"{DELIVERY_STATE_KV}\")")),
        (false, _) => notes.push(format!("no queue producer {DELIVERY_QUEUE}: events go to the origin directly, retried only while the isolate lives")),
        (true, true) => {}
    }
    if let Ok(settings) = &settings {
        let missing: Vec<String> = (0..settings.delivery.shards)
            .map(timgate_engine::queue_message::binding)
            .filter(|name| env.queue(name).is_err())
            .collect();
        if settings.delivery.shards > 1 && !missing.is_empty() {
            problems.push(format!(
                "DELIVERY_SHARDS is {} but there is no queue producer {}: their events go to the other shards, or to the spill store when none is left (wrangler.toml [[queues.producers]], README \"Delivery at scale\")",
                settings.delivery.shards,
                missing.join(", ")
            ));
        }
        if settings.sdk_app_id == "1400000000" {
            notes.push("SDKAPPID is the demo's 1400000000: set your app's before deploying".to_owned());
        }
        match settings.origin_url.as_deref() {
            None => notes.push("ORIGIN_URL is not set: after-events are not passed on".to_owned()),
            Some(url) if ["://127.", "://localhost", "://[::1]", "://0.0.0.0"].iter().any(|l| url.contains(l)) => {
                notes.push("ORIGIN_URL is a loopback address: a deployed worker cannot reach it".to_owned())
            }
            Some(_) => {}
        }
    }
    let body = serde_json::json!({"ok": problems.is_empty(), "problems": problems, "notes": notes});
    responses::json(200, body.to_string())
}

/// Answers an operator request.
pub async fn handle(req: &Incoming, env: &Env, ctx: &Context, settings: &Settings) -> worker::Response {
    let token = settings.admin_token.as_ref().map(|t| t.expose());
    if token.is_none() {
        return error(404, "not_found", "operator endpoints are off (ADMIN_TOKEN is not set)");
    }
    let authorization = req.header("authorization");
    if let Err(refusal) = admin_auth::check(token, authorization.as_deref()) {
        return error(401, "unauthorized", refusal.message());
    }
    let route = req.path();
    let method = req.method();
    let endpoint = route.trim_start_matches(ADMIN_PREFIX);
    // One dead letter: `dead-letters/<id>` (an event id has no `/`).
    let one =
        endpoint.strip_prefix("dead-letters/").filter(|id| !id.is_empty() && !id.contains('/') && *id != "replay");
    let result = match (method.as_str(), endpoint, one) {
        ("POST", "api/try", _) => {
            let request = match req.bytes().await {
                Ok(bytes) if bytes.len() <= MAX_TRIAL_BYTES => bytes,
                Ok(_) => {
                    return error(413, "too_large", &format!("a message to try is at most {MAX_TRIAL_BYTES} bytes"))
                }
                Err(e) => return error(400, "bad_request", &e.to_string()),
            };
            return match message_trial::try_message(env, ctx, settings, &request).await {
                Ok(body) => responses::json(200, body.to_string()),
                Err(e) => {
                    let (status, kind) = e.status();
                    error(status, kind, &e.to_string())
                }
            };
        }
        ("GET", "dead-letters", _) => dead_letters::list(env).await,
        ("POST", "dead-letters/replay", _) => dead_letters::replay(env, settings.delivery.shards).await,
        ("GET", _, Some(id)) => match dead_letters::show(env, id).await {
            Ok(Some(letter)) => Ok(letter),
            Ok(None) => return error(404, "not_found", &format!("no dead letter {id}")),
            Err(e) => Err(e),
        },
        ("DELETE", _, Some(id)) => match dead_letters::delete(env, id).await {
            Ok(true) => Ok(serde_json::json!({"deleted": id})),
            Ok(false) => return error(404, "not_found", &format!("no dead letter {id}")),
            Err(e) => Err(e),
        },
        _ => return error(404, "not_found", "unknown operator endpoint"),
    };
    match result {
        Ok(body) => responses::json(200, body.to_string()),
        Err(e) => error(500, "internal", &e.to_string()),
    }
}

fn error(status: u16, error: &str, message: &str) -> worker::Response {
    responses::json(status, serde_json::json!({"error": error, "message": message}).to_string())
}
