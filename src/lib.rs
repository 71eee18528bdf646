//! timgate answers Tencent Chat / TRTC Live webhooks at the edge.
//!
//! The crate has two halves:
//! - [`engine`]: pure Rust, no `worker` dependency, no clock, no I/O. It admits requests,
//!   parses callbacks, compiles rules, decides verdicts and builds what goes to the origin.
//!   It builds and tests natively (`cargo test`, `cargo bench`, `cargo fuzz`).
//! - `edge` (wasm32 only): the Cloudflare Workers glue. Request in, call the engine,
//!   KV / fetch out. See `ARCHITECTURE.md` for the flow of one callback.
//! - `tool` (native only): the operator's rules tool behind the `timgate` binary: validate,
//!   explain, push/pull/diff rule documents, manage bans.
#![deny(missing_docs)]

pub mod engine;

#[cfg(target_arch = "wasm32")]
mod edge;

#[cfg(not(target_arch = "wasm32"))]
pub mod tool;
