//! `POST /__timgate/api/try`: the verdict the worker would give a message now, and why (the
//! console's "Try a message"). The rule documents come from the same cache as the worker's
//! verdicts; the ban records are read from KV as stored. The engine's `explain` decides through
//! the worker's own entry point (`engine::gate`), so what this answers is what a callback gets.
//!
//! The request is JSON: `{"text": "...", "group_id": "@TGS#...", "c2c": false}` (a text message
//! from the user `explain`, in that group, or one-to-one), `{"body": {...}}` (a whole before-send
//! callback body) or `{"raw": "..."}` (one as text, byte for byte), at most as large as a callback
//! may be. It is decided with the worker's `FAIL_MODE`. The answer is [`Explanation::to_json`]; a
//! body that cannot be decided is a 400 with the reason.

use serde::Deserialize;
use worker::{Context, Env};

use crate::edge::bindings::RULES_KV;
use crate::edge::clock;
use crate::edge::console_api::ConsoleError;
use crate::edge::kv_cache::{self, Source};
use crate::edge::rule_cache::{self, Compiled};
use timgate_engine::admission;
use timgate_engine::decision::Lookup;
use timgate_engine::explanation::{self, Explanation, Message, Request};
use timgate_engine::kv_keys;
use timgate_engine::settings::Settings;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TrialRequest {
    text: Option<String>,
    group_id: Option<String>,
    #[serde(default)]
    c2c: bool,
    body: Option<serde_json::Value>,
    /// A callback body as text, byte for byte (what `body` cannot carry: JSON that only the
    /// worker's lenient reader reads, such as `NaN`, duplicate keys or deep nesting).
    raw: Option<String>,
}

/// Decides the message of `request` (the bytes of the HTTP body) with the stored documents and
/// bans.
pub async fn try_message(
    env: &Env,
    ctx: &Context,
    settings: &Settings,
    request: &[u8],
) -> Result<serde_json::Value, ConsoleError> {
    let request: TrialRequest = serde_json::from_slice(request).map_err(|e| {
        ConsoleError::Request(format!("expected {{\"text\", \"group_id\", \"c2c\"}}, {{\"body\"}} or {{\"raw\"}}: {e}"))
    })?;
    let body = match (&request.text, &request.body, &request.raw) {
        (Some(text), None, None) => {
            explanation::text_message(text, request.group_id.as_deref().filter(|g| !g.is_empty()), request.c2c)
        }
        (None, Some(body), None) => body.to_string().into_bytes(),
        (None, None, Some(raw)) => raw.clone().into_bytes(),
        _ => return Err(ConsoleError::Request("give one of `text`, `body` or `raw`".to_owned())),
    };
    // What a callback may carry, no more.
    admission::check_body_size(body.len()).map_err(|r| ConsoleError::Request(r.message))?;
    let kv = env.kv(RULES_KV).map_err(|e| ConsoleError::Storage(format!("KV binding {RULES_KV}: {e}")))?;
    let source = Source { kv, max_age_seconds: settings.cache_seconds };
    let now = clock::now_millis();
    // The group's document is read when the body names a group (explain says when it does not
    // apply: a C2C message).
    let keys = explanation::decision_keys(&body);
    let global = rule_cache::read(&source, ctx, kv_keys::GLOBAL_RULES, now).await;
    let group = match keys.as_ref().and_then(|k| k.group_rules.as_ref()) {
        Some(key) => Some(rule_cache::read(&source, ctx, key, now).await),
        None => None,
    };
    let mut problems: Vec<String> =
        [Some(&global), group.as_ref()].into_iter().flatten().filter_map(|read| read.problem.clone()).collect();
    let mut bans = std::collections::BTreeMap::new();
    for key in keys.iter().flat_map(|k| k.global_ban.iter().chain(&k.group_ban)).cloned() {
        match kv_cache::get_text(&source.kv, &key).await {
            Ok(Some(value)) => {
                bans.insert(key, value);
            }
            Ok(None) => {}
            Err(e) => problems.push(e),
        }
    }
    let found = |lookup: &Lookup<std::rc::Rc<Compiled>>| lookup.found().cloned();
    let (global, group) = (found(&global.lookup), group.as_ref().and_then(|g| found(&g.lookup)));
    let explained: Explanation = explanation::explain(&Request {
        global: global.as_deref().map(Compiled::set),
        group: group.as_deref().map(Compiled::set),
        bans: &explanation::bans_from(&bans),
        message: Message::Body(&body),
        now: clock::now_seconds(),
        fail_mode: settings.fail_mode,
    })
    .map_err(|e| ConsoleError::Undecidable(e.to_string()))?;
    let mut json = explained.to_json();
    json["problems"] = serde_json::json!(problems);
    Ok(json)
}
