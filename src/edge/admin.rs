//! Operator endpoints under `/__timgate/`, behind `Authorization: Bearer <ADMIN_TOKEN>`:
//! `GET dead-letters` lists the dead-letter store, `GET dead-letters/<id>` shows one whole,
//! `DELETE dead-letters/<id>` deletes one, `POST dead-letters/replay` queues them again;
//! `POST api/try` decides a message as the worker would now and says why (`message_trial.rs`);
//! `api/rules...` and `api/bans...` read and write rule documents and bans (`console_api.rs`);
//! `api/verdicts` lists the recent decisions (`verdict_log.rs`);
//! `console` is the moderator console's page (`console_page.rs`, served without the token: it
//! holds no data). Every write is logged with who, what and when.
//! `GET health` reports every problem of the deployment at once, and answers even when the
//! settings are unusable (every other path then answers 500 `misconfigured`).
//! Without `ADMIN_TOKEN` they answer 404, as if they did not exist.

use worker::{Context, Env};

use crate::edge::bindings::{DELIVERY_QUEUE, DELIVERY_STATE_KV, RULES_KV};
use crate::edge::clock;
use crate::edge::console_api::{self, ConsoleError};
use crate::edge::incoming::Incoming;
use crate::edge::{console_page, dead_letters, env_settings, message_trial, request_body, responses, verdict_log};
use timgate_engine::admin_auth::{self, ADMIN_PREFIX};
use timgate_engine::request_url;
use timgate_engine::settings::Settings;

/// Whether `path` belongs to the operator endpoints.
pub fn is_admin_path(path: &str) -> bool {
    path.starts_with(ADMIN_PREFIX)
}

/// The largest request a console endpoint reads (a callback body to try, a rule document).
const MAX_REQUEST_BYTES: usize = 256 * 1024;

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
    let route = req.path();
    let method = req.method();
    let endpoint = route.trim_start_matches(ADMIN_PREFIX);
    // The console's page holds no data and no secret: it asks for the token itself.
    if let Some(asset) = console_page::asset(endpoint) {
        return match method.as_str() {
            "GET" | "HEAD" => console_page::serve(asset),
            _ => error(405, "method_not_allowed", "the console's files are read with GET"),
        };
    }
    let authorization = req.header("authorization");
    if let Err(refusal) = admin_auth::check(token, authorization.as_deref()) {
        return error(401, "unauthorized", refusal.message());
    }
    let (response, detail) = match console_route(req, env, ctx, settings, &method, endpoint).await {
        Some(routed) => routed,
        None => (dead_letter_route(env, settings, &method, endpoint).await, None),
    };
    // Reads, trials and checks change nothing; every other request is a write, logged whatever
    // its answer (a refused write says what was tried).
    let reads = matches!((method.as_str(), endpoint), ("GET" | "HEAD", _) | ("POST", "api/try" | "api/rules/validate"));
    if !reads {
        log_write(req, &method, endpoint, authorization.as_deref().unwrap_or_default(), response.status_code(), detail);
    }
    response
}

/// The dead-letter endpoints.
async fn dead_letter_route(env: &Env, settings: &Settings, method: &str, endpoint: &str) -> worker::Response {
    // One dead letter: `dead-letters/<id>` (an event id has no `/`).
    let one =
        endpoint.strip_prefix("dead-letters/").filter(|id| !id.is_empty() && !id.contains('/') && *id != "replay");
    let result = match (method, endpoint, one) {
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

/// The console's data endpoints (`api/...`), or `None` for another path.
async fn console_route(
    req: &Incoming,
    env: &Env,
    ctx: &Context,
    settings: &Settings,
    method: &str,
    endpoint: &str,
) -> Option<(worker::Response, Option<serde_json::Value>)> {
    let api = endpoint.strip_prefix("api/")?;
    let body = || async {
        // A declared length over the limit is refused before anything is read.
        // Never more than the limit is read (a declared length is checked first; a chunked
        // body is given up past the limit).
        match request_body::read_up_to(req, MAX_REQUEST_BYTES).await {
            Ok(Some(bytes)) => Ok(bytes),
            Ok(None) => Err(error(413, "too_large", &format!("a request is at most {MAX_REQUEST_BYTES} bytes"))),
            Err(e) => Err(error(400, "bad_request", &e.to_string())),
        }
    };
    let key = |prefix: &str| api.strip_prefix(prefix).filter(|k| !k.is_empty()).map(request_url::path_segment);
    let result: Result<serde_json::Value, ConsoleError> = match (method, api) {
        ("POST", "try") => match body().await {
            Ok(bytes) => message_trial::try_message(env, ctx, settings, &bytes).await,
            Err(response) => return Some((response, None)),
        },
        ("GET", "rules") => console_api::list_rules(env).await,
        ("POST", "rules/validate") => match body().await {
            Ok(bytes) => console_api::validate_rules(env, ctx, settings, &bytes).await,
            Err(response) => return Some((response, None)),
        },
        ("GET", _) if api.starts_with("rules/") => match key("rules/") {
            Some(Some(key)) => console_api::get_rules(env, &key).await,
            _ => Err(ConsoleError::Request("a document's key, percent-encoded".to_owned())),
        },
        ("PUT", _) if api.starts_with("rules/") => match (key("rules/"), body().await) {
            (Some(Some(key)), Ok(bytes)) => console_api::put_rules(env, ctx, settings, &key, &bytes).await,
            (_, Err(response)) => return Some((response, None)),
            _ => Err(ConsoleError::Request("a document's key, percent-encoded".to_owned())),
        },
        ("GET", "verdicts") => verdict_log::list(env, req.query()).await.map_err(ConsoleError::Storage),
        ("GET", "bans") => console_api::list_bans(env, req.query()).await,
        ("PUT", "bans") => match body().await {
            Ok(bytes) => console_api::put_ban(env, &bytes).await,
            Err(response) => return Some((response, None)),
        },
        ("DELETE", _) if api.starts_with("bans/") => match key("bans/") {
            Some(Some(key)) => console_api::delete_ban(env, &key).await,
            _ => Err(ConsoleError::Request("a ban's key, percent-encoded".to_owned())),
        },
        _ => return Some((error(404, "not_found", "unknown console endpoint"), None)),
    };
    // What a write did, for its log line (the ban's key and end, the document's versions).
    let detail = match &result {
        Ok(body) if method != "GET" => {
            let mut detail = body.clone();
            if let Some(fields) = detail.as_object_mut() {
                fields.remove("warnings");
            }
            Some(detail)
        }
        _ => None,
    };
    let response = match result {
        Ok(body) => responses::json(200, body.to_string()),
        Err(ConsoleError::Invalid(count, problems)) => {
            let message = ConsoleError::Invalid(count, serde_json::Value::Null).to_string();
            responses::json(
                422,
                serde_json::json!({"error": "invalid", "message": message, "problems": problems}).to_string(),
            )
        }
        Err(e) => {
            let (status, kind) = e.status();
            error(status, kind, &e.to_string())
        }
    };
    Some((response, detail))
}

/// Logs an operator's write: who (the name the console sends, percent-encoded, in
/// `x-timgate-operator`, as typed: a label, not a proof; and which token, by fingerprint), what
/// (method, path, the answer's status, what it did) and when.
fn log_write(
    req: &Incoming,
    method: &str,
    endpoint: &str,
    authorization: &str,
    status: u16,
    detail: Option<serde_json::Value>,
) {
    let operator = req.header("x-timgate-operator").map(|name| {
        let decoded = request_url::path_segment(&name).unwrap_or(name);
        decoded.chars().filter(|c| !c.is_control()).take(64).collect::<String>()
    });
    let line = serde_json::json!({
        "event": "operator_write",
        "method": method,
        "path": endpoint,
        "status": status,
        "detail": detail,
        "operator": operator,
        "token": admin_auth::fingerprint(authorization),
        "at": clock::now_seconds(),
    });
    worker::console_log!("{line}");
}

fn error(status: u16, error: &str, message: &str) -> worker::Response {
    responses::json(status, serde_json::json!({"error": error, "message": message}).to_string())
}
