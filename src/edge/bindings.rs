//! Binding names, as written in `wrangler.toml`.

/// KV namespace holding rule documents and bans.
pub const RULES_KV: &str = "RULES";
/// Queue producer for deliveries to the origin (optional: without it, delivery is direct).
pub const DELIVERY_QUEUE: &str = "DELIVERY";
/// KV namespace for dedupe markers (`seen:<id>`) and dead letters (`dead:<id>`).
pub const DELIVERY_STATE_KV: &str = "DELIVERY_STATE";

/// Analytics Engine dataset for verdict counters (optional).
pub const METRICS: &str = "METRICS";
