//! A per-isolate cache of KV values, so that the hot path of a callback does no KV round trip.
//!
//! Each key is read at most once per `max_age`. A value older than that is still used while a
//! background read (`ctx.wait_until`) refreshes it, up to [`STALE_FACTOR`] × `max_age`; beyond
//! that, or with `max_age` 0, the read happens before answering. A value that fails to load
//! (a broken rule document) never replaces the last good one.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::thread::LocalKey;

use worker::kv::KvStore;
use worker::Context;

use timgate_engine::decision::Lookup;

/// How many times `max_age` a value may be served while it is being refreshed.
pub const STALE_FACTOR: f64 = 10.0;
/// Entries kept per cache; most are negative (no group document, no ban), and cheap.
const MAX_ENTRIES: usize = 20_000;
/// Edge cache time for KV reads; KV refuses less than 60.
const KV_CACHE_TTL_SECONDS: u64 = 60;

/// Reads a key from KV (and whatever else its value needs) and turns it into a value (`None`
/// when the key is absent), or says why it cannot. It is handed the value cached so far, so
/// that an unchanged document is not compiled again on every refresh.
pub type Loader<T> = fn(KvStore, String, Option<T>) -> Loading<T>;

/// A load under way.
pub type Loading<T> = Pin<Box<dyn Future<Output = Result<Loaded<T>, String>>>>;

/// What a loader made of a key.
pub struct Loaded<T> {
    /// The value, `None` when the key is absent.
    pub value: Option<T>,
    /// Something worth logging that did not stop the load (a precompiled blob that could not be used).
    pub note: Option<String>,
}

impl<T> Loaded<T> {
    /// A value and nothing to say about it.
    pub fn plain(value: Option<T>) -> Self {
        Self { value, note: None }
    }
}

/// The text stored at `key`, through KV's edge cache.
pub async fn get_text(kv: &KvStore, key: &str) -> Result<Option<String>, String> {
    kv.get(key).cache_ttl(KV_CACHE_TTL_SECONDS).text().await.map_err(|e| format!("reading {key}: {e}"))
}

/// The bytes stored at `key`, through KV's edge cache.
pub async fn get_bytes(kv: &KvStore, key: &str) -> Result<Option<Vec<u8>>, String> {
    kv.get(key).cache_ttl(KV_CACHE_TTL_SECONDS).bytes().await.map_err(|e| format!("reading {key}: {e}"))
}

struct Slot<T> {
    value: Option<T>,
    read_at: f64,
    refreshing: bool,
}

/// One cache per kind of value.
pub struct KvCache<T> {
    slots: RefCell<HashMap<String, Slot<T>>>,
}

impl<T> Default for KvCache<T> {
    fn default() -> Self {
        Self { slots: RefCell::new(HashMap::new()) }
    }
}

/// What a read found.
pub struct Read<T> {
    /// The value, or why there is none.
    pub lookup: Lookup<T>,
    /// A problem worth logging (a broken document, a KV error).
    pub problem: Option<String>,
}

impl<T> Read<T> {
    /// No key to read: absent, nothing to say.
    pub fn absent() -> Self {
        Read { lookup: Lookup::Absent, problem: None }
    }
}

/// Where the cache and the store are, and how fresh values must be.
#[derive(Clone)]
pub struct Source {
    /// The KV namespace.
    pub kv: KvStore,
    /// Seconds a value is used before it is read again.
    pub max_age_seconds: f64,
}

/// Reads `key` through `cache`.
pub async fn read<T: Clone + 'static>(
    cache: &'static LocalKey<KvCache<T>>,
    loader: Loader<T>,
    source: &Source,
    ctx: &Context,
    key: &str,
    now: f64,
) -> Read<T> {
    let max_age_ms = source.max_age_seconds * 1000.0;
    let cached = cache.with(|c| {
        let mut slots = c.slots.borrow_mut();
        let slot = slots.get_mut(key)?;
        let age = now - slot.read_at;
        let fresh = age <= max_age_ms;
        let servable = max_age_ms > 0.0 && age <= max_age_ms * STALE_FACTOR;
        if !fresh && !servable {
            return None;
        }
        let refresh = !fresh && !slot.refreshing;
        slot.refreshing |= refresh;
        Some((slot.value.clone(), refresh))
    });
    match cached {
        Some((value, refresh)) => {
            if refresh {
                let (source, key) = (source.clone(), key.to_owned());
                ctx.wait_until(async move {
                    load(cache, loader, &source, &key, now).await;
                });
            }
            Read { lookup: value.map_or(Lookup::Absent, Lookup::Found), problem: None }
        }
        None => load(cache, loader, source, key, now).await,
    }
}

/// Puts `value` in `cache` as if it had just been read from KV.
pub fn store<T>(cache: &'static LocalKey<KvCache<T>>, key: &str, value: Option<T>, now: f64) {
    cache.with(|c| {
        c.slots.borrow_mut().insert(key.to_owned(), Slot { value, read_at: now, refreshing: false });
    });
}

async fn load<T: Clone + 'static>(
    cache: &'static LocalKey<KvCache<T>>,
    loader: Loader<T>,
    source: &Source,
    key: &str,
    now: f64,
) -> Read<T> {
    let previous = cache.with(|c| c.slots.borrow().get(key).and_then(|slot| slot.value.clone()));
    let outcome = loader(source.kv.clone(), key.to_owned(), previous).await.map_err(|e| format!("{key}: {e}"));
    cache.with(|c| {
        let mut slots = c.slots.borrow_mut();
        if slots.len() >= MAX_ENTRIES && !slots.contains_key(key) {
            // Drop what is stale first; only a cache full of fresh entries is emptied.
            let max_age_ms = source.max_age_seconds * 1000.0;
            slots.retain(|_, slot| now - slot.read_at <= max_age_ms);
            if slots.len() >= MAX_ENTRIES {
                slots.clear();
            }
        }
        match outcome {
            Ok(Loaded { value, note }) => {
                slots.insert(key.to_owned(), Slot { value: value.clone(), read_at: now, refreshing: false });
                Read { lookup: value.map_or(Lookup::Absent, Lookup::Found), problem: note }
            }
            Err(problem) => match slots.get_mut(key) {
                // Keep the last good value, and do not try again before max_age.
                Some(slot) if slot.value.is_some() => {
                    slot.read_at = now;
                    slot.refreshing = false;
                    let lookup = slot.value.clone().map_or(Lookup::Absent, Lookup::Found);
                    Read { lookup, problem: Some(problem) }
                }
                // A key that was absent and now cannot be read has no last good value: "absent"
                // is not a document the operator wrote. Unavailable, and read again next time.
                _ => {
                    slots.remove(key);
                    Read { lookup: Lookup::Unavailable, problem: Some(problem) }
                }
            },
        }
    })
}
