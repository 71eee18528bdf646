//! The `GROUP_STATE` Durable Object: one per group (C2C: one per sender), holding every
//! sender's recent activity for the sender-behaviour checks (`flood`, `slow_mode_seconds`,
//! `repeat`, `strikes`; `timgate_engine::sender_behaviour` decides, this only stores).
//!
//! One round trip per message: the worker posts the sender, the time, the text's fingerprint,
//! whether the content verdict is a strike and the rules; the object records the message and
//! answers the tally. Each sender's state is its own storage key (`s:<sender>`), written before the
//! answer leaves (the output gate), so counts survive a restart of the object. An alarm one
//! longest window after the first message forgets senders seen no more since, and sets the next
//! while senders remain (memory and storage stay bounded by the senders active within about two
//! windows; `MAX_SENDERS` caps it).

use std::cell::{Cell, RefCell};
use std::time::Duration;

use futures_util::future::{select, Either};
use serde::{Deserialize, Serialize};
use worker::{durable_object, DurableObject, Env, Method, Request, RequestInit, Response, Result, State};

use crate::edge::clock;
use timgate_engine::sender_behaviour::{Behaviour, GroupState, SenderState, Tally};

/// How long a callback waits for the object before `FAIL_MODE` decides these checks.
pub const TIMEOUT_MS: u64 = 500;
/// The binding.
pub const BINDING: &str = "GROUP_STATE";
/// Storage key prefix of a sender's state.
const SENDER_PREFIX: &str = "s:";
/// Storage key of the rules last used (for the alarm's expiry).
const RULES_KEY: &str = "rules";

/// What the worker posts for one message.
#[derive(Debug, Serialize, Deserialize)]
pub struct RecordRequest {
    /// `From_Account`.
    pub sender: String,
    /// The normalised text's fingerprint.
    pub fingerprint: Option<u64>,
    /// Whether the content verdict is a strike.
    pub strike: bool,
    /// Whether the documents that set flood, slow mode and repeat enforce them (monitor mode:
    /// their hits are no strikes).
    pub enforced: bool,
    /// The merged rules.
    pub rules: Behaviour,
}

/// Asks the object of `name` about one message; `Err` when it cannot answer within
/// [`TIMEOUT_MS`] (or is not bound).
pub async fn record(env: &Env, name: &str, request: &RecordRequest) -> std::result::Result<Tally, String> {
    let namespace = env.durable_object(BINDING).map_err(|e| format!("binding {BINDING}: {e}"))?;
    let stub = namespace.id_from_name(name).and_then(|id| id.get_stub()).map_err(|e| e.to_string())?;
    let body = serde_json::to_string(request).map_err(|e| e.to_string())?;
    let mut init = RequestInit::new();
    init.with_method(Method::Post).with_body(Some(body.into()));
    let req = Request::new_with_init("https://group-state/record", &init).map_err(|e| e.to_string())?;
    let exchange = Box::pin(async move {
        let mut response = stub.fetch_with_request(req).await?;
        if response.status_code() != 200 {
            return Err(worker::Error::RustError(format!("HTTP {}", response.status_code())));
        }
        // JSON text read by serde_json on both sides: a fingerprint is a u64, which a JavaScript
        // number cannot hold exactly.
        let text = response.text().await?;
        serde_json::from_str::<Tally>(&text).map_err(|e| worker::Error::RustError(e.to_string()))
    });
    let deadline = Box::pin(worker::Delay::from(Duration::from_millis(TIMEOUT_MS)));
    match select(exchange, deadline).await {
        Either::Left((Ok(tally), _)) => Ok(tally),
        Either::Left((Err(e), _)) => Err(e.to_string()),
        Either::Right(_) => Err(format!("no answer within {TIMEOUT_MS} ms")),
    }
}

/// The object's name for a message: the group, or for C2C the sender.
pub fn object_name(group_id: Option<&str>, sender: &str) -> String {
    match group_id {
        Some(group) => format!("group:{group}"),
        None => format!("c2c:{sender}"),
    }
}

/// The Durable Object.
#[durable_object(alarm)]
pub struct GroupStateObject {
    state: State,
    /// Every sender's state, loaded from storage on the first request.
    memory: RefCell<Option<GroupState>>,
    /// The rules last written under `RULES_KEY` (as JSON).
    rules: RefCell<Option<String>>,
    /// Whether an expiry alarm is known to be pending.
    alarm_set: Cell<bool>,
}

impl GroupStateObject {
    async fn load(&self) -> Result<()> {
        if self.memory.borrow().is_some() {
            return Ok(());
        }
        let storage = self.state.storage();
        let stored = storage.list_with_options(worker::ListOptions::new().prefix(SENDER_PREFIX)).await?;
        let mut loaded = GroupState::default();
        for entry in stored.entries() {
            let Ok(pair) = entry else { continue };
            let pair: worker::js_sys::Array = pair.into();
            let (Some(key), Some(json)) = (pair.get(0).as_string(), pair.get(1).as_string()) else { continue };
            // A value this version cannot read is dropped: that sender starts afresh.
            let Ok(value) = serde_json::from_str::<SenderState>(&json) else { continue };
            if let Some(sender) = key.strip_prefix(SENDER_PREFIX) {
                loaded.senders.insert(sender.to_owned(), value);
            }
        }
        let mut memory = self.memory.borrow_mut();
        if memory.is_none() {
            *memory = Some(loaded);
        }
        Ok(())
    }

    async fn handle_record(&self, mut req: Request) -> Result<Response> {
        let text = req.text().await?;
        let request = match serde_json::from_str::<RecordRequest>(&text) {
            Ok(request) => request,
            Err(e) => return Response::error(format!("bad record request: {e}"), 400),
        };
        self.load().await?;
        let (tally, sender_state, evicted) = {
            let mut memory = self.memory.borrow_mut();
            let group = memory.get_or_insert_with(GroupState::default);
            // The object's own clock: every message of the group is timed by one clock.
            let now = clock::now_millis() as u64;
            let tally = group.record(
                &request.sender,
                now,
                request.fingerprint,
                request.strike,
                request.enforced,
                &request.rules,
            );
            (tally, group.senders.get(&request.sender).cloned(), std::mem::take(&mut group.evicted))
        };
        let storage = self.state.storage();
        // Senders forgotten to stay under MAX_SENDERS leave storage too.
        delete_senders(&storage, &evicted).await?;
        if let Some(sender_state) = sender_state {
            storage.put(&format!("{SENDER_PREFIX}{}", request.sender), to_json(&sender_state)).await?;
        }
        // The rules the expiry alarm uses, written when they change; the alarm, set when none is
        // pending (it sets the next one itself while senders remain).
        let rules = to_json(&request.rules);
        if self.rules.borrow().as_deref() != Some(rules.as_str()) {
            storage.put(RULES_KEY, rules.clone()).await?;
            *self.rules.borrow_mut() = Some(rules);
        }
        let horizon = request.rules.horizon_ms();
        if horizon > 0 && !self.alarm_set.get() {
            if storage.get_alarm().await?.is_none() {
                storage.set_alarm(Duration::from_millis(horizon + 1000)).await?;
            }
            self.alarm_set.set(true);
        }
        Response::ok(to_json(&tally))
    }

    async fn handle_stats(&self) -> Result<Response> {
        self.load().await?;
        let (senders, bytes) = self.memory.borrow().as_ref().map_or((0, 0), |g| (g.senders.len(), to_json(g).len()));
        let stored =
            self.state.storage().list_with_options(worker::ListOptions::new().prefix(SENDER_PREFIX)).await?.size();
        Response::ok(to_json(&serde_json::json!({ "senders": senders, "stored": stored, "bytes": bytes })))
    }
}

/// Deletes the storage keys of `senders` (128 keys a call).
async fn delete_senders(storage: &worker::Storage, senders: &[String]) -> Result<()> {
    for chunk in senders.chunks(128) {
        let keys: Vec<String> = chunk.iter().map(|s| format!("{SENDER_PREFIX}{s}")).collect();
        storage.delete_multiple(keys).await?;
    }
    Ok(())
}

/// Values are stored as JSON text (read back with `serde_json` when the object loads).
fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

impl DurableObject for GroupStateObject {
    fn new(state: State, _env: Env) -> Self {
        Self { state, memory: RefCell::new(None), rules: RefCell::new(None), alarm_set: Cell::new(false) }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        let path = req.path();
        match (req.method(), path.as_str()) {
            (Method::Post, "/record") => self.handle_record(req).await,
            (Method::Get, "/stats") => self.handle_stats().await,
            _ => Response::error("not found", 404),
        }
    }

    async fn alarm(&self) -> Result<Response> {
        // Whatever happens below, the next message sets an alarm again if none is pending.
        self.alarm_set.set(false);
        self.load().await?;
        let storage = self.state.storage();
        let rules: Option<String> = storage.get(RULES_KEY).await?;
        let rules: Behaviour = rules.and_then(|r| serde_json::from_str(&r).ok()).unwrap_or_default();
        let now = clock::now_millis() as u64;
        let gone: Vec<String> = {
            let mut memory = self.memory.borrow_mut();
            let group = memory.get_or_insert_with(GroupState::default);
            let before: Vec<String> = group.senders.keys().cloned().collect();
            group.expire(now, &rules);
            before.into_iter().filter(|s| !group.senders.contains_key(s)).collect()
        };
        delete_senders(&storage, &gone).await?;
        // While senders remain, the next expiry one window from now; else none until a message.
        let remaining = self.memory.borrow().as_ref().map_or(0, |g| g.senders.len());
        let horizon = rules.horizon_ms();
        if remaining > 0 && horizon > 0 {
            storage.set_alarm(Duration::from_millis(horizon + 1000)).await?;
            self.alarm_set.set(true);
        }
        Response::ok("expired")
    }
}
