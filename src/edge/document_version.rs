//! A rule document's version (the first 12 hex digits of the SHA-256 of its bytes, see
//! `timgate_engine::rule_set::document_version`) worked out by the runtime's Web Crypto
//! (`crypto.subtle.digest`, native code) rather than by the engine's SHA-256 compiled to wasm.
//! A cold isolate hashes each document it loads, before it may use the document's blob: for the
//! 100,000-term bench document (1.3 MB) the wasm SHA-256 was more CPU than loading the blob
//! itself (README, Performance, "Document versions by Web Crypto").
//! Should the runtime refuse the call (Workers always has Web Crypto), the engine's own SHA-256
//! gives the same version, only slower.

use timgate_engine::rule_set::{document_version, version_from_sha256};
use worker::js_sys::{Promise, Uint8Array};
use worker::wasm_bindgen::prelude::wasm_bindgen;
use worker::wasm_bindgen::JsValue;
use worker::wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `crypto.subtle.digest(algorithm, data)`: the runtime copies `data` out of the wasm memory
    /// during the call, as Web Crypto requires, and resolves to the digest's `ArrayBuffer`.
    #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = digest, catch)]
    fn subtle_digest(algorithm: &str, data: &[u8]) -> Result<Promise, JsValue>;
}

/// The version of the document whose text is `text`.
pub async fn of(text: &str) -> String {
    match by_web_crypto(text).await {
        Some(version) => version,
        None => document_version(text),
    }
}

async fn by_web_crypto(text: &str) -> Option<String> {
    let promise = subtle_digest("SHA-256", text.as_bytes()).ok()?;
    let digest = JsFuture::from(promise).await.ok()?;
    version_from_sha256(&Uint8Array::new(&digest).to_vec())
}
