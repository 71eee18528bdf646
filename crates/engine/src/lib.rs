//! The decision engine: everything timgate knows, without any of the Workers runtime.
//!
//! Pure Rust, no `worker` dependency, no clock, no I/O: it admits requests, parses callbacks,
//! compiles rule documents, decides verdicts (`gate::decide`, the one entry point from callback
//! bytes to the answer) and builds what goes to the origin. The worker (the `timgate` crate at the
//! workspace's top), the rules tool (`timgate-cli`), the tests, benches and fuzz targets all call
//! it; it builds, tests and fuzzes natively (`cargo test -p timgate-engine`).
#![deny(missing_docs)]

pub mod admin_auth;
pub mod admission;
pub mod answer;
pub mod ban;
pub mod blob_codec;
pub mod callback;
pub mod command;
pub mod contacts;
pub mod dead_letter;
pub mod decision;
pub mod delivery_policy;
pub mod document_check;
pub mod envelope;
pub mod explanation;
mod folded_text;
pub mod gate;
pub mod json_locations;
pub mod jsonc;
pub mod kv_keys;
pub mod lenient_json;
pub mod links;
pub mod log_line;
pub mod message_text;
pub mod normalized_view;
pub mod other_commands;
pub mod patterns;
pub mod queue_message;
pub mod recent_verdicts;
pub mod request_url;
pub mod review_event;
pub mod rule_document;
pub mod rule_set;
pub mod sender_behaviour;
pub mod settings;
pub mod tencent_sign;
pub mod term_table;
pub mod verdict_metrics;
pub mod webhook_signature;
