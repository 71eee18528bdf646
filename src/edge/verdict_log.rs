//! The `VERDICT_LOG` Durable Object: the last [`CAPACITY`] decisions worth a moderator's look
//! (`timgate_engine::recent_verdicts` says which and what an entry holds), for the console's
//! "Recent verdicts". One object (`recent`) for the whole app.
//!
//! A decision is appended after the answer has gone to Tencent (`ctx.wait_until`), so it costs a
//! callback no time; an append that fails is lost (the log line of the callback has everything).
//! Each entry is its own storage key (`v:<sequence>`), the oldest deleted as a new one comes, so
//! storage stays at [`CAPACITY`] entries. Without the binding nothing is kept and the console
//! says so.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use worker::{durable_object, Context, DurableObject, Env, Method, Request, RequestInit, Response, Result, State};

use timgate_engine::recent_verdicts::{self, RecentVerdict, CAPACITY};
use timgate_engine::request_url;

/// The binding.
pub const BINDING: &str = "VERDICT_LOG";
/// The one object's name.
const OBJECT: &str = "recent";
/// Storage key prefix of an entry.
const ENTRY_PREFIX: &str = "v:";

fn stub(env: &Env) -> std::result::Result<worker::Stub, String> {
    let namespace = env.durable_object(BINDING).map_err(|e| format!("binding {BINDING}: {e}"))?;
    namespace.id_from_name(OBJECT).and_then(|id| id.get_stub()).map_err(|e| e.to_string())
}

/// Appends `entry` once the callback has been answered; a failure is logged and dropped.
pub fn append(env: &Env, ctx: &Context, entry: RecentVerdict) {
    let Ok(stub) = stub(env) else { return }; // not bound: nothing is kept
    ctx.wait_until(async move {
        let outcome = async {
            let body = serde_json::to_string(&entry).map_err(|e| worker::Error::RustError(e.to_string()))?;
            let mut init = RequestInit::new();
            init.with_method(Method::Post).with_body(Some(body.into()));
            let req = Request::new_with_init("https://verdict-log/append", &init)?;
            let response = stub.fetch_with_request(req).await?;
            match response.status_code() {
                200 => Ok(()),
                status => Err(worker::Error::RustError(format!("the object answered HTTP {status}"))),
            }
        };
        if let Err(e) = outcome.await {
            worker::console_error!(
                "{}",
                serde_json::json!({"event": "verdict_log", "level": "error", "message": e.to_string()})
            );
        }
    });
}

/// The newest entries passing the filter in `query` (`verdict`, `group`, `limit`), newest first.
pub async fn list(env: &Env, query: &str) -> std::result::Result<serde_json::Value, String> {
    let stub = match stub(env) {
        Ok(stub) => stub,
        Err(_) => return Ok(serde_json::json!({"configured": false, "verdicts": []})),
    };
    let mut response =
        stub.fetch_with_str(&format!("https://verdict-log/list?{query}")).await.map_err(|e| e.to_string())?;
    let text = response.text().await.map_err(|e| e.to_string())?;
    let verdicts: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{e}: {text}"))?;
    Ok(serde_json::json!({"configured": true, "capacity": CAPACITY, "verdicts": verdicts}))
}

/// The Durable Object.
#[durable_object]
pub struct VerdictLogObject {
    state: State,
    /// The entries, oldest first, with their sequence numbers (loaded on the first request).
    memory: RefCell<Option<VecDeque<(u64, RecentVerdict)>>>,
    next: Cell<u64>,
}

impl VerdictLogObject {
    async fn load(&self) -> Result<()> {
        if self.memory.borrow().is_some() {
            return Ok(());
        }
        let stored = self.state.storage().list_with_options(worker::ListOptions::new().prefix(ENTRY_PREFIX)).await?;
        let mut loaded: Vec<(u64, RecentVerdict)> = Vec::new();
        let mut dropped: Vec<String> = Vec::new();
        let mut last = None;
        for entry in stored.entries() {
            let Ok(pair) = entry else { continue };
            let pair: worker::js_sys::Array = pair.into();
            let (Some(key), Some(json)) = (pair.get(0).as_string(), pair.get(1).as_string()) else { continue };
            let Some(seq) = key.strip_prefix(ENTRY_PREFIX).and_then(|s| s.parse::<u64>().ok()) else {
                dropped.push(key);
                continue;
            };
            last = last.max(Some(seq));
            // An entry this version cannot read is dropped from storage too.
            match serde_json::from_str::<RecentVerdict>(&json) {
                Ok(value) => loaded.push((seq, value)),
                Err(_) => dropped.push(key),
            }
        }
        loaded.sort_by_key(|(seq, _)| *seq);
        // Storage holds at most CAPACITY entries (more when the capacity was lowered: trimmed).
        let excess = loaded.len().saturating_sub(CAPACITY);
        dropped.extend(loaded.drain(..excess).map(|(seq, _)| key(seq)));
        // Another request may have loaded (and appended) while this one listed: its state stands.
        if self.memory.borrow().is_some() {
            return Ok(());
        }
        self.next.set(last.map_or(0, |seq| seq + 1));
        *self.memory.borrow_mut() = Some(loaded.into());
        delete_keys(&self.state.storage(), dropped).await
    }

    async fn handle_append(&self, mut req: Request) -> Result<Response> {
        let text = req.text().await?;
        let Ok(entry) = serde_json::from_str::<RecentVerdict>(&text) else {
            return Response::error("bad entry", 400);
        };
        self.load().await?;
        let seq = self.next.get();
        self.next.set(seq + 1);
        let evicted: Vec<u64> = {
            let mut memory = self.memory.borrow_mut();
            let ring = memory.get_or_insert_with(VecDeque::new);
            ring.push_back((seq, entry));
            let mut evicted = Vec::new();
            while ring.len() > CAPACITY {
                if let Some((old, _)) = ring.pop_front() {
                    evicted.push(old);
                }
            }
            evicted
        };
        let storage = self.state.storage();
        storage.put(&key(seq), text).await?;
        delete_keys(&storage, evicted.iter().map(|&s| key(s)).collect()).await?;
        Response::ok("{}")
    }

    async fn handle_list(&self, req: &Request) -> Result<Response> {
        self.load().await?;
        // The query from the URL string (parsing it with the `url` crate would add its IDNA
        // tables to the wasm).
        let url = req.inner().url();
        let (_, query) = request_url::split_url(&url);
        let verdict = request_url::query_value(query, "verdict");
        let group = request_url::query_value(query, "group");
        let limit = request_url::query_value(query, "limit").and_then(|l| l.parse().ok()).unwrap_or(100);
        let memory = self.memory.borrow();
        let entries = memory.iter().flatten().map(|(_, e)| e);
        let selected = recent_verdicts::select(entries, verdict.as_deref(), group.as_deref(), limit);
        Response::ok(serde_json::to_string(&selected).unwrap_or_else(|_| "[]".to_owned()))
    }
}

/// Deletes storage keys, 128 a call (the storage API's limit for several keys).
async fn delete_keys(storage: &worker::Storage, keys: Vec<String>) -> Result<()> {
    for chunk in keys.chunks(128) {
        storage.delete_multiple(chunk.to_vec()).await?;
    }
    Ok(())
}

/// An entry's storage key: zero-padded so that keys sort by sequence.
fn key(seq: u64) -> String {
    format!("{ENTRY_PREFIX}{seq:020}")
}

impl DurableObject for VerdictLogObject {
    fn new(state: State, _env: Env) -> Self {
        Self { state, memory: RefCell::new(None), next: Cell::new(0) }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        let path = req.path();
        match (req.method(), path.as_str()) {
            (Method::Post, "/append") => self.handle_append(req).await,
            (Method::Get, "/list") => self.handle_list(&req).await,
            _ => Response::error("not found", 404),
        }
    }
}
