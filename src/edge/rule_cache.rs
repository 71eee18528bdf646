//! Compiled rule documents, cached per isolate by KV key.

use std::rc::Rc;

use worker::Context;

use crate::edge::kv_cache::{self, KvCache, Read, Source};
use crate::engine::rule_set::RuleSet;

thread_local! {
    static RULES: KvCache<Rc<RuleSet>> = KvCache::default();
}

/// The compiled document at `key` (`rules` or `rules:group:<GroupId>`).
pub async fn read(source: &Source, ctx: &Context, key: &str, now: f64) -> Read<Rc<RuleSet>> {
    kv_cache::read(&RULES, compile, source, ctx, key, now).await
}

fn compile(text: Option<String>) -> Result<Option<Rc<RuleSet>>, String> {
    match text {
        None => Ok(None),
        Some(text) => RuleSet::from_json(&text).map(|set| Some(Rc::new(set))).map_err(|e| e.to_string()),
    }
}
