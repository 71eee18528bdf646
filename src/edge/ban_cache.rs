//! Ban records, cached per isolate by KV key (negative answers too: most users are not banned).

use worker::Context;

use crate::edge::kv_cache::{self, KvCache, Read, Source};
use crate::engine::ban::BanRecord;

thread_local! {
    static BANS: KvCache<BanRecord> = KvCache::default();
}

/// The ban record at `key` (`ban:<UserID>` or `ban:<GroupId>:<UserID>`).
pub async fn read(source: &Source, ctx: &Context, key: &str, now: f64) -> Read<BanRecord> {
    kv_cache::read(&BANS, parse, source, ctx, key, now).await
}

fn parse(text: Option<String>) -> Result<Option<BanRecord>, String> {
    // An unreadable record is still a ban (see BanRecord::parse_or_plain).
    Ok(text.map(|t| BanRecord::parse_or_plain(&t).0))
}
