//! The KV operations the rules tool needs, behind one small trait, so that push, pull, diff and
//! bans are the same code whether they go through wrangler (local or remote) or a map in tests.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::Value;

use crate::errors::ToolError;

/// One key of a listing.
#[derive(Debug, Clone, PartialEq)]
pub struct KvKey {
    /// The key.
    pub name: String,
    /// Unix seconds when KV deletes it, if it was written with an expiration.
    pub expiration: Option<i64>,
    /// The metadata written with it.
    pub metadata: Option<Value>,
}

/// How a value is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PutOptions {
    /// Unix seconds when KV deletes the key (at least 60 s from now: KV refuses less).
    pub expiration: Option<i64>,
    /// Metadata shown by listings without reading the value (at most 1024 bytes as JSON).
    pub metadata: Option<Value>,
}

/// A KV namespace: the one bound as `RULES`.
pub trait KvStore {
    /// The text at `key`, or `None` when there is no such key.
    fn get(&self, key: &str) -> Result<Option<String>, ToolError>;

    /// The texts at several keys, in the same order (one round trip where the store allows).
    fn get_many(&self, keys: &[String]) -> Result<Vec<Option<String>>, ToolError> {
        keys.iter().map(|k| self.get(k)).collect()
    }

    /// Writes `value` at `key`.
    fn put(&self, key: &str, value: &str, options: &PutOptions) -> Result<(), ToolError>;

    /// Writes binary `value` at `key` (a precompiled rule set).
    fn put_bytes(&self, key: &str, value: &[u8]) -> Result<(), ToolError>;

    /// Deletes `key` (no error when it does not exist).
    fn delete(&self, key: &str) -> Result<(), ToolError>;

    /// Every key that starts with `prefix`, in key order.
    fn list(&self, prefix: &str) -> Result<Vec<KvKey>, ToolError>;

    /// Where the values go, for messages: "local KV", "remote KV".
    fn describe(&self) -> String;
}

/// A namespace in memory: for tests, and to show what a command would do.
#[derive(Debug, Default)]
pub struct MemoryKv {
    entries: RefCell<BTreeMap<String, (String, PutOptions)>>,
    binary: RefCell<BTreeMap<String, Vec<u8>>>,
}

impl MemoryKv {
    /// The options a key was last written with.
    pub fn options(&self, key: &str) -> Option<PutOptions> {
        self.entries.borrow().get(key).map(|(_, options)| options.clone())
    }

    /// The binary value at `key`, if one was written with `put_bytes`.
    pub fn bytes(&self, key: &str) -> Option<Vec<u8>> {
        self.binary.borrow().get(key).cloned()
    }
}

impl KvStore for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, ToolError> {
        Ok(self.entries.borrow().get(key).map(|(value, _)| value.clone()))
    }

    fn put(&self, key: &str, value: &str, options: &PutOptions) -> Result<(), ToolError> {
        self.entries.borrow_mut().insert(key.to_owned(), (value.to_owned(), options.clone()));
        Ok(())
    }

    fn put_bytes(&self, key: &str, value: &[u8]) -> Result<(), ToolError> {
        self.binary.borrow_mut().insert(key.to_owned(), value.to_vec());
        Ok(())
    }

    fn delete(&self, key: &str) -> Result<(), ToolError> {
        self.entries.borrow_mut().remove(key);
        self.binary.borrow_mut().remove(key);
        Ok(())
    }

    fn list(&self, prefix: &str) -> Result<Vec<KvKey>, ToolError> {
        // Text and binary values alike, in key order, as KV lists them.
        let mut keys: BTreeMap<String, KvKey> = self
            .entries
            .borrow()
            .iter()
            .map(|(name, (_, options))| {
                let key =
                    KvKey { name: name.clone(), expiration: options.expiration, metadata: options.metadata.clone() };
                (name.clone(), key)
            })
            .collect();
        for name in self.binary.borrow().keys() {
            keys.entry(name.clone()).or_insert_with(|| KvKey { name: name.clone(), expiration: None, metadata: None });
        }
        Ok(keys.into_values().filter(|k| k.name.starts_with(prefix)).collect())
    }

    fn describe(&self) -> String {
        "memory KV".to_owned()
    }
}
