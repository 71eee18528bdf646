//! Ban records, cached per isolate by KV key (negative answers too: most users are not banned).

use worker::kv::KvStore;
use worker::Context;

use crate::edge::kv_cache::{self, KvCache, Loaded, Loading, Read, Source};
use timgate_engine::ban::BanRecord;

thread_local! {
    static BANS: KvCache<BanRecord> = KvCache::default();
}

/// The ban record at `key` (`ban:<UserID>` or `ban:<GroupId>:<UserID>`).
pub async fn read(source: &Source, ctx: &Context, key: &str, now: f64) -> Read<BanRecord> {
    kv_cache::read(&BANS, load, source, ctx, key, now).await
}

fn load(kv: KvStore, key: String, _previous: Option<BanRecord>) -> Loading<BanRecord> {
    Box::pin(async move {
        let text = kv_cache::get_text(&kv, &key).await?;
        // An unreadable record is still a ban (see BanRecord::parse_or_plain).
        Ok(Loaded::plain(text.map(|t| BanRecord::parse_or_plain(&t).0)))
    })
}

/// Puts a ban record this isolate just wrote in its cache, so its next callback sees it at once
/// (other isolates read it when their cached answer is older than `CACHE_SECONDS`).
pub fn remember(key: &str, record: BanRecord, now: f64) {
    kv_cache::store(&BANS, key, Some(record), now);
}
