//! The engine inside WebAssembly, for the wasm-to-native ratio of the README's performance
//! section: the same generated inputs and the same message mix as `find_200B` / `find_12KB` and
//! `build` of `cargo bench`, timed by node around loops that run inside wasm (V8, as in workerd).
//!
//! ```sh
//! cargo build --release --target wasm32-unknown-unknown --example wasm_bench
//! node bench/wasm-bench.mjs
//! ```
//!
//! A plain `cdylib` with C-ABI exports (no wasm-bindgen), so node can call it without glue.

#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::cell::RefCell;
use std::hint::black_box;

use timgate_engine::rule_set::{document_version, RuleSet};

struct Inputs {
    set: RuleSet,
    json: String,
    blob: Vec<u8>,
    short: Vec<String>,
    long: Vec<String>,
}

thread_local! {
    static INPUTS: RefCell<Option<Inputs>> = const { RefCell::new(None) };
}

/// Generates the inputs for `terms` terms and compiles them; returns the number of terms.
#[no_mangle]
pub extern "C" fn prepare(terms: u32) -> u32 {
    // Generated exactly as benches/matcher.rs does, so the messages are the same ones.
    let clean = corpus::clean_messages(2000, 20);
    let inputs = corpus::inputs(terms as usize, 1000, 10);
    let Ok(set) = RuleSet::from_json(&inputs.rules_json) else { return 0 };
    let blob = set.to_blob();
    // The benchmark's mix: clean messages, then messages with a hidden term.
    let short =
        clean.short.into_iter().take(200).chain(inputs.dirty_200.into_iter().take(100).map(|(m, _)| m)).collect();
    let long = clean.long.into_iter().chain(inputs.dirty_12k.into_iter().map(|(m, _)| m)).collect();
    let count = set.len() as u32;
    INPUTS.with(|cell| *cell.borrow_mut() = Some(Inputs { set, json: inputs.rules_json, blob, short, long }));
    count
}

/// Searches `count` messages in turn (200 B ones, or 12 KB ones when `long` is 1); returns the
/// number of matches, so that the work cannot be optimised away.
#[no_mangle]
pub extern "C" fn find_messages(long: u32, count: u32) -> u32 {
    INPUTS.with(|cell| {
        let inputs = cell.borrow();
        let Some(inputs) = inputs.as_ref() else { return 0 };
        let messages = if long == 1 { &inputs.long } else { &inputs.short };
        let mut found = 0;
        for i in 0..count as usize {
            found += inputs.set.find(&messages[i % messages.len()]).len() as u32;
        }
        found
    })
}

/// Compiles the rule document `count` times; returns the terms compiled.
#[no_mangle]
pub extern "C" fn compile(count: u32) -> u32 {
    INPUTS.with(|cell| {
        let inputs = cell.borrow();
        let Some(inputs) = inputs.as_ref() else { return 0 };
        (0..count).map(|_| black_box(RuleSet::from_json(&inputs.json)).map_or(0, |s| s.len() as u32)).sum()
    })
}

/// Loads the precompiled blob `count` times; returns the terms loaded.
#[no_mangle]
pub extern "C" fn load_blob(count: u32) -> u32 {
    INPUTS.with(|cell| {
        let inputs = cell.borrow();
        let Some(inputs) = inputs.as_ref() else { return 0 };
        let version = document_version(&inputs.json);
        (0..count).map(|_| black_box(RuleSet::from_blob(&inputs.blob, &version)).map_or(0, |s| s.len() as u32)).sum()
    })
}

/// Works out the rule document's version (SHA-256 in software, as the engine does) `count` times;
/// returns a byte of the last one. The bench compares it with the runtime's Web Crypto on the same
/// bytes ([`document_ptr`], [`document_len`]), which the worker uses instead.
#[no_mangle]
pub extern "C" fn hash_document(count: u32) -> u32 {
    INPUTS.with(|cell| {
        let inputs = cell.borrow();
        let Some(inputs) = inputs.as_ref() else { return 0 };
        (0..count).map(|_| black_box(document_version(&inputs.json)).bytes().next().map_or(0, u32::from)).sum()
    })
}

/// Where the rule document's bytes are in the wasm memory.
#[no_mangle]
pub extern "C" fn document_ptr() -> u32 {
    INPUTS.with(|cell| cell.borrow().as_ref().map_or(0, |inputs| inputs.json.as_ptr() as u32))
}

/// How many bytes the rule document has.
#[no_mangle]
pub extern "C" fn document_len() -> u32 {
    INPUTS.with(|cell| cell.borrow().as_ref().map_or(0, |inputs| inputs.json.len() as u32))
}
