//! timgate answers Tencent Chat / TRTC Live webhooks at the edge: this crate is the Cloudflare
//! Workers glue (wasm32 only). Request in, call the engine, KV / Queue / fetch out; see
//! `ARCHITECTURE.md` for the flow of one callback.
//!
//! The workspace's other crates hold everything else, each buildable and testable natively:
//! - `timgate-matcher` (`crates/matcher`): text → hits. The evasion-aware normaliser, the
//!   automaton and the precompiled blob; knows nothing of Tencent.
//! - `timgate-engine` (`crates/engine`): the Tencent protocol, rule documents, bans, the one
//!   `decide`, verdicts and what goes to the origin. No `worker` dependency, no clock, no I/O.
//! - `timgate-cli` (`crates/cli`): the operator's rules tool behind the `timgate` binary:
//!   validate, explain, push/pull/diff rule documents, manage bans.
#![deny(missing_docs)]

#[cfg(target_arch = "wasm32")]
mod edge;
