//! Operator endpoints under `/__timgate/`, behind `Authorization: Bearer <ADMIN_TOKEN>`:
//! `GET dead-letters` lists the dead-letter store, `GET dead-letters/<id>` shows one whole,
//! `DELETE dead-letters/<id>` deletes one, `POST dead-letters/replay` queues them again.
//! Without `ADMIN_TOKEN` they answer 404, as if they did not exist.

use worker::Env;

use crate::edge::incoming::Incoming;
use crate::edge::{dead_letters, responses};
use timgate_engine::admin_auth::{self, ADMIN_PREFIX};
use timgate_engine::settings::Settings;

/// Whether `path` belongs to the operator endpoints.
pub fn is_admin_path(path: &str) -> bool {
    path.starts_with(ADMIN_PREFIX)
}

/// Answers an operator request.
pub async fn handle(req: &Incoming, env: &Env, settings: &Settings) -> worker::Response {
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
        ("GET", "dead-letters", _) => dead_letters::list(env).await,
        ("POST", "dead-letters/replay", _) => dead_letters::replay(env).await,
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
