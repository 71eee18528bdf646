//! The decision engine: everything timgate knows, without any of the Workers runtime.

pub mod admission;
pub mod answer;
pub mod ban;
pub mod blob_codec;
pub mod callback;
pub mod command;
pub mod confusables;
pub mod decision;
pub mod envelope;
pub mod json_comments;
pub mod kv_keys;
pub mod log_line;
pub mod matcher;
pub mod message_text;
pub mod normalize;
pub mod review_event;
pub mod rule_document;
pub mod rule_set;
pub mod settings;
pub mod simplified_chinese;
pub mod tencent_sign;
pub mod webhook_signature;
