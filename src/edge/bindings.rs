//! Binding names, as written in `wrangler.toml`.

/// KV namespace holding rule documents and bans.
pub const RULES_KV: &str = "RULES";

/// Analytics Engine dataset for verdict counters (optional).
pub const METRICS: &str = "METRICS";
