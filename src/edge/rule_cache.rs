//! Compiled rule documents, cached per isolate by KV key.
//!
//! A document is read together with its precompiled blob (`<key>:compiled`, see
//! `RuleSet::to_blob`). The blob is used when it was made by this engine from exactly the
//! document's current bytes; otherwise (absent, stale, from another engine version, damaged) the
//! document is compiled, and an unusable blob is logged. A blob without a document is ignored.
//!
//! A refresh compares the document's bytes with those it was compiled from before anything else:
//! the same bytes are the same document, kept without hashing them again for their version.

use std::rc::Rc;

use futures_util::future::join;
use worker::kv::KvStore;
use worker::Context;

use crate::edge::document_version;
use crate::edge::kv_cache::{self, KvCache, Loaded, Loading, Read, Source};
use timgate_engine::blob_codec::BlobError;
use timgate_engine::decision::Lookup;
use timgate_engine::kv_keys;
use timgate_engine::rule_document::RuleDocument;
use timgate_engine::rule_set::RuleSet;

thread_local! {
    static RULES: KvCache<Rc<Compiled>> = KvCache::default();
}

/// A compiled document and the text it was compiled from. Keeping the text (about the size of
/// the terms' own texts in the compiled set) lets a refresh that reads the same bytes skip their
/// SHA-256: for a 100,000-term document (1.3 MB) that is about 4.4 ms of the isolate's CPU in
/// wasm at every refresh (`CACHE_SECONDS`), against a comparison of the bytes.
pub struct Compiled {
    set: RuleSet,
    text: String,
}

impl Compiled {
    /// The compiled document.
    pub fn set(&self) -> &RuleSet {
        &self.set
    }
}

/// The compiled document at `key` (`rules` or `rules:group:<GroupId>`).
pub async fn read(source: &Source, ctx: &Context, key: &str, now: f64) -> Read<Rc<Compiled>> {
    kv_cache::read(&RULES, load, source, ctx, key, now).await
}

/// A read document, borrowed, as the engine takes it.
pub fn borrowed(lookup: &Lookup<Rc<Compiled>>) -> Lookup<&RuleSet> {
    match lookup {
        Lookup::Found(compiled) => Lookup::Found(compiled.set()),
        Lookup::Absent => Lookup::Absent,
        Lookup::Unavailable => Lookup::Unavailable,
    }
}

fn load(kv: KvStore, key: String, previous: Option<Rc<Compiled>>) -> Loading<Rc<Compiled>> {
    Box::pin(async move {
        let blob_key = kv_keys::compiled(&key);
        // A refresh first reads the document alone: when its bytes are the ones already compiled
        // (the usual case, every CACHE_SECONDS), neither the blob (megabytes for a large list)
        // is read nor anything compiled. A first read fetches both at once.
        let (text, blob) = match previous {
            Some(_) => (kv_cache::get_text(&kv, &key).await?, None),
            None => {
                let (text, blob) = join(kv_cache::get_text(&kv, &key), kv_cache::get_bytes(&kv, &blob_key)).await;
                (text?, Some(blob))
            }
        };
        let Some(text) = text else { return Ok(Loaded::plain(None)) };
        if let Some(unchanged) = previous.filter(|p| p.text == text) {
            // Compiled without some of its patterns (no blob of this version when it was read:
            // the blob written a moment after the document, or an earlier one still in KV's edge
            // cache), the same bytes are not left in FAIL_MODE for the isolate's life: the blob
            // is read again at each refresh and used once it is this version's. Nothing is
            // compiled again.
            if unchanged.set.uncompiled_patterns() > 0 {
                if let Ok(Some(bytes)) = kv_cache::get_bytes(&kv, &blob_key).await {
                    if let Ok(set) = RuleSet::from_blob(&bytes, unchanged.set.version()) {
                        return Ok(Loaded::plain(Some(Rc::new(Compiled { set, text }))));
                    }
                }
            }
            return Ok(Loaded::plain(Some(unchanged)));
        }
        let version = document_version::of(&text).await;
        let blob = match blob {
            Some(blob) => blob,
            None => kv_cache::get_bytes(&kv, &blob_key).await,
        };
        let (note, bytes) = match blob {
            Ok(None) => (None, None),
            Ok(Some(bytes)) => match RuleSet::from_blob(&bytes, &version) {
                Ok(set) => return Ok(Loaded::plain(Some(Rc::new(Compiled { set, text })))),
                Err(e) => (Some(unusable(&blob_key, &e)), Some(bytes)),
            },
            // The document alone is enough: a blob that cannot be read only costs compile time.
            Err(e) => (Some(e), None),
        };
        let mut set =
            RuleDocument::parse(&text).and_then(|doc| RuleSet::compile(&doc, version)).map_err(|e| e.to_string())?;
        // The worker cannot compile patterns (timgate_engine::patterns): it takes those it can
        // from the blob of an earlier version (a document edited by hand keeps the patterns it
        // did not change); without them every decision under this document follows FAIL_MODE.
        if set.uncompiled_patterns() > 0 {
            if let Some(earlier) = bytes.as_deref().and_then(|b| RuleSet::patterns_in_blob(b).ok()) {
                set.adopt_patterns(&earlier);
            }
        }
        let note = match set.uncompiled_patterns() {
            0 => note,
            n => Some(format!(
                "{key}: {n} pattern(s) not compiled (no usable blob {blob_key} for this version{}); decisions follow FAIL_MODE until the document is pushed with the rules tool",
                note.map(|n| format!(": {n}")).unwrap_or_default()
            )),
        };
        Ok(Loaded { value: Some(Rc::new(Compiled { set, text })), note })
    })
}

fn unusable(blob_key: &str, error: &BlobError) -> String {
    format!("{blob_key}: {error}; compiled the document instead")
}
