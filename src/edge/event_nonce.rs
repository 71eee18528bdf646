//! A value no other event gets: what makes each review event's `webhook-id` its own.

use worker::wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// The runtime's `crypto.randomUUID()` (Web Crypto, available in every Workers isolate).
    #[wasm_bindgen(js_namespace = crypto, js_name = randomUUID)]
    fn random_uuid() -> String;
}

/// A fresh random UUID for one event.
pub fn fresh() -> String {
    random_uuid()
}
