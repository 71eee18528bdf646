//! The only clock: `std::time` panics on wasm32-unknown-unknown, so the engine is handed the
//! time from here.

/// Milliseconds since the unix epoch.
pub fn now_millis() -> f64 {
    worker::Date::now().as_millis() as f64
}

/// Seconds since the unix epoch.
pub fn now_seconds() -> i64 {
    (now_millis() / 1000.0) as i64
}
