//! The glue's one error type. Every variant is logged; none reaches Tencent as a verdict.

/// Something the runtime could not do.
#[derive(Debug, thiserror::Error)]
pub enum EdgeError {
    /// A Workers API call failed.
    #[error("worker: {0}")]
    Worker(#[from] worker::Error),
    /// A KV call failed.
    #[error("kv: {0}")]
    Kv(#[from] worker::kv::KvError),
    /// The origin took longer than allowed.
    #[error("the origin did not answer within {0} ms")]
    OriginTimeout(u64),
    /// Something could not be encoded for the queue or KV.
    #[error("encoding: {0}")]
    Encode(String),
    /// No delivery queue took an event.
    #[error("queue: {0}")]
    Queue(String),
    /// No `ORIGIN_URL` is configured.
    #[error("ORIGIN_URL is not set")]
    NoOrigin,
}
