//! Reads the engine's settings from the Workers environment.

use worker::Env;

use crate::engine::settings::{Settings, SettingsError};

/// Seconds a cached rule document or ban lookup is used before it is read again
/// (`CACHE_SECONDS`, default 30; 0 reads KV on every callback, for tests).
pub fn cache_seconds(env: &Env) -> f64 {
    read(env, "CACHE_SECONDS").and_then(|v| v.parse::<f64>().ok()).filter(|v| *v >= 0.0).unwrap_or(30.0)
}

/// All settings, from `[vars]` and secrets.
pub fn settings(env: &Env) -> Result<Settings, SettingsError> {
    Settings::from_lookup(|name| read(env, name))
}

/// A var or secret as text. Numbers in `[vars]` (an unquoted SDKAPPID) are accepted too.
fn read(env: &Env, name: &str) -> Option<String> {
    if let Ok(value) = env.var(name) {
        let text = value.to_string();
        if !text.is_empty() {
            return Some(text);
        }
    }
    match env.object_var::<serde_json::Value>(name).ok()? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
