//! The operator's rules tool (`cargo run -p timgate-cli --bin timgate`, `npm run rules`), native only.
//!
//! Everything here is built on the engine the worker runs: a document passes `validate` only if
//! the worker's parser accepts it, and `explain` decides through the same functions as the
//! worker. KV is reached through wrangler (`wrangler_kv`), behind a trait (`kv_store`) so that
//! the commands are tested without it.
#![deny(missing_docs)]

pub mod ban_records;
pub mod character_parts;
pub mod character_sounds;
pub mod cjk_words;
pub mod deployment_check;
pub mod digit_spellings;
pub mod package_data;
pub use timgate_engine::document_check;
pub mod durations;
pub mod emoji_names;
pub mod english_words;
pub mod errors;
/// `explain`: the engine's explanation of a verdict (`timgate_engine::explanation`), which the
/// worker can give too.
pub use timgate_engine::explanation as explain;
pub use timgate_engine::json_locations;
pub mod kv_store;
pub mod live_logs;
pub mod push_compile;
pub mod rule_diff;
pub mod rule_push;
pub mod term_import;
pub mod verdict_tail;
pub mod wrangler_kv;
