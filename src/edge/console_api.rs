//! The moderator console's data endpoints for rule documents and bans (`/__timgate/api/...`,
//! behind the operator token like every operator endpoint; see `admin.rs`):
//!
//! - `GET api/rules`: every rule document (`rules`, `rules:group:<GroupId>`) with its version,
//!   mode, term count and size.
//! - `GET api/rules/<key>`: one document's text and version.
//! - `POST api/rules/validate` `{"key", "text"}`: the rules tool's `validate` check
//!   (`engine::document_check`), with its messages and positions.
//! - `PUT api/rules/<key>` `{"text", "version"}`: checks and stores a document; refused (409) when
//!   the stored version is no longer the one the editor started from, and (422) when the check
//!   finds a problem (warnings do not stop it). The worker picks it up as it picks up a `push`.
//! - `GET api/bans?q=`: ban records whose key holds `q`; `PUT api/bans`
//!   `{"user", "group", "seconds", "reason"}` bans; `DELETE api/bans/<key>` lifts one.
//!
//! Every write is logged (`"event":"operator_write"`) with who, what and when.

use serde::Deserialize;
use worker::kv::KvStore;
use worker::{Context, Env};

use crate::edge::bindings::RULES_KV;
use crate::edge::clock;
use crate::edge::document_version;
use crate::edge::kv_cache::{self, Source};
use crate::edge::rule_cache::{self, Compiled};
use timgate_engine::ban::BanRecord;
use timgate_engine::document_check::{self, CheckContext, Problem};
use timgate_engine::kv_keys;
use timgate_engine::request_url;
use timgate_engine::settings::Settings;

/// What can go wrong, with the HTTP status it is answered with.
#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// The request is not one these endpoints read (400).
    #[error("{0}")]
    Request(String),
    /// The message to try cannot be decided (400): what the worker would answer it with is said.
    #[error("{0}")]
    Undecidable(String),
    /// No such document or ban (404).
    #[error("{0}")]
    NotFound(String),
    /// The document changed since the editor read it (409).
    #[error("{0}")]
    Conflict(String),
    /// The document has problems (422); they are in the answer.
    #[error("the document has {0} problem(s); nothing was stored")]
    Invalid(usize, serde_json::Value),
    /// KV cannot be read or written (500).
    #[error("{0}")]
    Storage(String),
}

impl ConsoleError {
    /// The HTTP status and the `error` field of the answer.
    pub fn status(&self) -> (u16, &'static str) {
        match self {
            ConsoleError::Request(_) => (400, "bad_request"),
            ConsoleError::Undecidable(_) => (400, "undecidable"),
            ConsoleError::NotFound(_) => (404, "not_found"),
            ConsoleError::Conflict(_) => (409, "conflict"),
            ConsoleError::Invalid(..) => (422, "invalid"),
            ConsoleError::Storage(_) => (500, "internal"),
        }
    }
}

/// The most documents or bans one listing reads (one KV read each).
const LIST_LIMIT: usize = 200;
/// The most pages of 1,000 ban keys a search goes through.
const LIST_PAGES: usize = 10;

fn kv(env: &Env) -> Result<KvStore, ConsoleError> {
    env.kv(RULES_KV).map_err(|e| ConsoleError::Storage(format!("KV binding {RULES_KV}: {e}")))
}

fn storage(e: impl std::fmt::Display) -> ConsoleError {
    ConsoleError::Storage(e.to_string())
}

/// Whether `key` names a rule document the worker reads: `rules`, or `rules:group:<GroupId>` with
/// a valid group id (so not a compiled blob, nothing else).
fn is_document_key(key: &str) -> bool {
    key == kv_keys::GLOBAL_RULES || key.strip_prefix("rules:group:").is_some_and(valid_id)
}

/// `GET api/rules`.
pub async fn list_rules(env: &Env) -> Result<serde_json::Value, ConsoleError> {
    let kv = kv(env)?;
    let page = kv.list().prefix("rules".to_owned()).limit(1000).execute().await.map_err(storage)?;
    let mut documents = Vec::new();
    for key in page.keys.iter().filter(|k| is_document_key(&k.name)).take(LIST_LIMIT) {
        let Some(text) = kv_cache::get_text(&kv, &key.name).await.map_err(ConsoleError::Storage)? else { continue };
        let json = timgate_engine::jsonc::to_json(&text);
        let value: Option<serde_json::Value> = serde_json::from_str(json.as_ref()).ok();
        let terms: usize = ["block", "discard", "mask", "review"]
            .iter()
            .filter_map(|list| value.as_ref()?.get(*list)?.as_array().map(Vec::len))
            .sum();
        let mode = value.as_ref().and_then(|v| v.get("mode")?.as_str().map(str::to_owned));
        documents.push(serde_json::json!({
            "key": key.name,
            "group_id": key.name.strip_prefix("rules:group:"),
            "version": document_version::of(&text).await,
            "mode": mode.unwrap_or_else(|| "enforce".to_owned()),
            "terms": terms,
            "bytes": text.len(),
            "readable": value.is_some(),
        }));
    }
    Ok(serde_json::json!({ "documents": documents, "more": !page.list_complete }))
}

/// `GET api/rules/<key>`.
pub async fn get_rules(env: &Env, key: &str) -> Result<serde_json::Value, ConsoleError> {
    if !is_document_key(key) {
        return Err(ConsoleError::Request(format!(
            "{key} is not a rule document's key (rules, rules:group:<GroupId>)"
        )));
    }
    // Past KV's edge cache: the editor starts from what is stored now (the save compares with it).
    match kv(env)?.get(key).text().await.map_err(storage)? {
        Some(text) => Ok(serde_json::json!({ "key": key, "version": document_version::of(&text).await, "text": text })),
        None => Err(ConsoleError::NotFound(format!("no document {key}"))),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentRequest {
    key: Option<String>,
    text: String,
    /// The version the editor started from (`null`: a new document).
    #[serde(default)]
    version: Option<String>,
}

fn read_request<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ConsoleError> {
    serde_json::from_slice(bytes).map_err(|e| ConsoleError::Request(format!("request: {e}")))
}

/// The check of `text` as the document at `key`: a group document is checked against the global
/// one, as `validate` checks it.
async fn check(
    env: &Env,
    ctx: &Context,
    settings: &Settings,
    key: &str,
    text: &str,
) -> Result<Vec<Problem>, ConsoleError> {
    let global = if key == kv_keys::GLOBAL_RULES {
        None
    } else {
        let source = Source { kv: kv(env)?, max_age_seconds: settings.cache_seconds };
        rule_cache::read(&source, ctx, kv_keys::GLOBAL_RULES, clock::now_millis()).await.lookup.found().cloned()
    };
    let context = CheckContext { global: global.as_deref().map(Compiled::set), normalize: None, words: None };
    Ok(document_check::check(text, &context))
}

fn problems_json(problems: &[Problem]) -> serde_json::Value {
    serde_json::json!(problems
        .iter()
        .map(|p| serde_json::json!({
            "line": p.position.map(|at| at.line),
            "column": p.position.map(|at| at.column),
            "path": p.path.to_string(),
            "message": p.kind.to_string(),
            "warning": p.kind.is_warning(),
        }))
        .collect::<Vec<_>>())
}

/// `POST api/rules/validate`.
pub async fn validate_rules(
    env: &Env,
    ctx: &Context,
    settings: &Settings,
    request: &[u8],
) -> Result<serde_json::Value, ConsoleError> {
    let request: DocumentRequest = read_request(request)?;
    let key = request.key.as_deref().unwrap_or(kv_keys::GLOBAL_RULES);
    if !is_document_key(key) {
        return Err(not_a_document_key(key));
    }
    let problems = check(env, ctx, settings, key, &request.text).await?;
    let ok = problems.iter().all(|p| p.kind.is_warning());
    let version = document_version::of(&request.text).await;
    Ok(serde_json::json!({ "ok": ok, "version": version, "problems": problems_json(&problems) }))
}

/// `PUT api/rules/<key>`.
pub async fn put_rules(
    env: &Env,
    ctx: &Context,
    settings: &Settings,
    key: &str,
    request: &[u8],
) -> Result<serde_json::Value, ConsoleError> {
    if !is_document_key(key) {
        return Err(not_a_document_key(key));
    }
    let request: DocumentRequest = read_request(request)?;
    if request.key.as_deref().is_some_and(|k| k != key) {
        return Err(ConsoleError::Request(format!("the body names {:?}, the path {key}", request.key)));
    }
    let problems = check(env, ctx, settings, key, &request.text).await?;
    let errors = problems.iter().filter(|p| !p.kind.is_warning()).count();
    if errors > 0 {
        return Err(ConsoleError::Invalid(errors, problems_json(&problems)));
    }
    // The worker cannot compile patterns, and a blob pushed by the rules tool holds them and the
    // tool's word lists: a document saved here beside such a blob would lose both (its patterns
    // would follow FAIL_MODE). Those documents are edited with the tool.
    if has_patterns(&request.text) {
        return Err(ConsoleError::Conflict(
            "a document with `patterns` is saved with the rules tool (`npm run rules -- push`), which compiles them"
                .to_owned(),
        ));
    }
    let kv = kv(env)?;
    let blob = kv_keys::compiled(key);
    if kv.get(&blob).bytes().await.map_err(storage)?.is_some() {
        return Err(ConsoleError::Conflict(format!(
            "{key} was pushed by the rules tool with a precompiled blob ({blob}: its patterns and word lists); edit it with `npm run rules -- pull` and `push`"
        )));
    }
    // Read past KV's edge cache: the version check compares with what is stored now. (Still not
    // atomic: two saves in the same instant can both pass; KV has no compare-and-set.)
    let stored = match kv.get(key).text().await.map_err(storage)? {
        Some(text) => Some(document_version::of(&text).await),
        None => None,
    };
    if stored != request.version {
        return Err(ConsoleError::Conflict(format!(
            "{key} changed since it was opened (stored version {}, opened {}): reload it and edit again",
            stored.as_deref().unwrap_or("none"),
            request.version.as_deref().unwrap_or("none")
        )));
    }
    kv.put(key, request.text.as_str()).map_err(storage)?.execute().await.map_err(storage)?;
    let version = document_version::of(&request.text).await;
    Ok(
        serde_json::json!({ "key": key, "previous_version": stored, "version": version, "warnings": problems_json(&problems) }),
    )
}

fn not_a_document_key(key: &str) -> ConsoleError {
    ConsoleError::Request(format!("{key} is not a rule document's key (rules, rules:group:<GroupId>)"))
}

/// Whether a document's text has a non-empty `patterns` list.
fn has_patterns(text: &str) -> bool {
    let json = timgate_engine::jsonc::to_json(text);
    serde_json::from_str::<serde_json::Value>(json.as_ref())
        .ok()
        .and_then(|v| v.get("patterns")?.as_array().map(|p| !p.is_empty()))
        .unwrap_or(false)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BanRequest {
    user: String,
    #[serde(default)]
    group: Option<String>,
    /// How long; `null` or absent: until lifted.
    #[serde(default)]
    seconds: Option<i64>,
    #[serde(default)]
    reason: Option<String>,
    /// Replace a ban the user already has there (otherwise 409, saying what it is).
    #[serde(default)]
    replace: bool,
}

/// The longest ban with an end (ten years; longer is "until lifted").
const MAX_BAN_SECONDS: i64 = 10 * 366 * 86_400;

/// A user or group id as a key holds it: not empty, no `:` (the keys' separator), no control
/// characters, no surrounding spaces, at most 200 bytes (two of them and `ban:` stay under KV's
/// 512-byte keys).
fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 200 && id.trim() == id && !id.contains(':') && !id.chars().any(char::is_control)
}

/// `GET api/bans?q=`.
pub async fn list_bans(env: &Env, query: &str) -> Result<serde_json::Value, ConsoleError> {
    let q = request_url::query_value(query, "q").unwrap_or_default().to_lowercase();
    let kv = kv(env)?;
    // Up to LIST_PAGES pages of keys are searched (one KV list each).
    let mut names = Vec::new();
    let mut cursor: Option<String> = None;
    let mut complete = false;
    for _ in 0..LIST_PAGES {
        let mut list = kv.list().prefix("ban:".to_owned()).limit(1000);
        if let Some(c) = cursor.take() {
            list = list.cursor(c);
        }
        let page = list.execute().await.map_err(storage)?;
        names.extend(page.keys.into_iter().map(|k| k.name).filter(|n| n.to_lowercase().contains(&q)));
        complete = page.list_complete;
        cursor = page.cursor;
        if complete || cursor.is_none() || names.len() > LIST_LIMIT {
            break;
        }
    }
    let more = !complete || names.len() > LIST_LIMIT;
    let now = clock::now_seconds();
    let mut bans = Vec::new();
    for name in names.iter().take(LIST_LIMIT) {
        let Some(text) = kv_cache::get_text(&kv, name).await.map_err(ConsoleError::Storage)? else { continue };
        let (record, readable) = BanRecord::parse_or_plain(&text);
        let rest = name.strip_prefix("ban:").unwrap_or(name);
        let (group, user) = match rest.split_once(':') {
            Some((group, user)) => (Some(group), user),
            None => (None, rest),
        };
        bans.push(serde_json::json!({
            "key": name, "user": user, "group": group, "until": record.until, "reason": record.reason,
            "code": record.code, "by": record.by, "active": record.is_active(now), "readable": readable,
        }));
    }
    Ok(serde_json::json!({ "bans": bans, "more": more }))
}

/// `PUT api/bans`.
pub async fn put_ban(env: &Env, request: &[u8]) -> Result<serde_json::Value, ConsoleError> {
    let request: BanRequest = read_request(request)?;
    let group = request.group.as_deref().filter(|g| !g.is_empty());
    if !valid_id(&request.user) || group.is_some_and(|g| !valid_id(g)) {
        return Err(ConsoleError::Request(
            "user and group are ids of 1 to 200 bytes without `:`, control characters or surrounding spaces".to_owned(),
        ));
    }
    if request.seconds.is_some_and(|s| s <= 0 || s > MAX_BAN_SECONDS) {
        return Err(ConsoleError::Request(
            "seconds must be 1 to 316224000 (ten years), or absent: until lifted".to_owned(),
        ));
    }
    let key = match group {
        Some(group) => kv_keys::group_ban(group, &request.user),
        None => kv_keys::global_ban(&request.user),
    };
    let now = clock::now_seconds();
    let until = request.seconds.map(|s| now.saturating_add(s));
    let record = BanRecord {
        until,
        reason: request.reason.filter(|r| !r.is_empty()),
        code: None,
        by: Some("console".to_owned()),
    };
    let value = serde_json::to_string(&record).map_err(storage)?;
    let kv = kv(env)?;
    if !request.replace {
        let existing = kv.get(&key).text().await.map_err(storage)?.map(|t| BanRecord::parse_or_plain(&t).0);
        // A ban that has ended (KV keeps it a while longer) is simply replaced.
        if let Some(existing) = existing.filter(|b| b.is_active(now)) {
            return Err(ConsoleError::Conflict(format!(
                "{key} is already banned ({}{}): lift it first, or replace it",
                existing.until.map_or("until lifted".to_owned(), |u| format!("for {} more", remaining(u - now))),
                existing.reason.map(|r| format!(", {r}")).unwrap_or_default()
            )));
        }
    }
    let mut put = kv.put(&key, value).map_err(storage)?;
    if let Some(until) = until {
        // KV forgets it a day after it ends (the worker checks `until` itself; KV's expiry is lazy
        // and at least 60 seconds away).
        put = put.expiration(u64::try_from(until.saturating_add(86_400)).unwrap_or(u64::MAX));
    }
    put.execute().await.map_err(storage)?;
    Ok(serde_json::json!({ "key": key, "until": until }))
}

/// A time left, roughly: `40 min`, `5 h`, `12 days`.
fn remaining(seconds: i64) -> String {
    match seconds {
        s if s < 3600 => format!("{} min", (s + 59) / 60),
        s if s < 2 * 86_400 => format!("{} h", (s + 3599) / 3600),
        s => format!("{} days", (s + 86_399) / 86_400),
    }
}

/// `DELETE api/bans/<key>`.
pub async fn delete_ban(env: &Env, key: &str) -> Result<serde_json::Value, ConsoleError> {
    if !key.starts_with("ban:") {
        return Err(ConsoleError::Request(format!("{key} is not a ban key (ban:<UserID>, ban:<GroupId>:<UserID>)")));
    }
    let kv = kv(env)?;
    if kv_cache::get_text(&kv, key).await.map_err(ConsoleError::Storage)?.is_none() {
        return Err(ConsoleError::NotFound(format!("no ban {key}")));
    }
    kv.delete(key).await.map_err(storage)?;
    Ok(serde_json::json!({ "lifted": key }))
}
