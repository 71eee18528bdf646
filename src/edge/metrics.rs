//! Verdict counters in Workers Analytics Engine, when the `METRICS` binding exists. Without the
//! binding nothing is written and nothing is said: metrics are optional.

use worker::{AnalyticsEngineDataPointBuilder, Env};

use crate::edge::bindings::METRICS;
use timgate_engine::log_line::CallbackLog;
use timgate_engine::verdict_metrics;

/// Writes the data point for a finished callback. A failed write (a `METRICS` binding that is
/// not a dataset) is added to the log line's problems; it never changes the answer.
pub fn record(env: &Env, log: &mut CallbackLog) {
    let Ok(dataset) = env.analytics_engine(METRICS) else { return };
    let point = verdict_metrics::data_point(log);
    let written = AnalyticsEngineDataPointBuilder::new()
        .indexes([point.index.as_str()])
        .blobs(point.blobs)
        .doubles(point.doubles)
        .write_to(&dataset);
    if let Err(e) = written {
        log.problems.push(format!("{METRICS}: {e}"));
    }
}
