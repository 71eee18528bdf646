//! `cargo bench --bench callback`: what one before-send callback costs the engine, from the
//! body's bytes to the rendered answer (`gate::decide`: parse, visible text, normalise, search,
//! verdict, answer), against reading the same body with `serde_json` into a `Value` in the same
//! run (the least any JSON webhook server does with a callback). The worker's own glue (the
//! runtime, the request, KV) is not in it: `npm run load` measures that in workerd.
//!
//! The callbacks are made as `bench/load.mjs` makes its mix: 2,000 group before-send callbacks,
//! each one text element of chat text up to 200 bytes (words, emoji, Chinese), 4% with a term of
//! the document hidden in it by one evasion trick; the document is the 10,000 generated terms of
//! `benches/matcher.rs`, compiled as `push` stores it (with the English words and Chinese
//! segmentation words it selects: what the worker loads from the blob). Each column is the median over
//! rounds (`CALLBACK_ROUNDS`, default 15) of the mean over one pass of every callback; the parts
//! (reading the body, finding the terms in its text) are timed alone, on the same callbacks.
//! Timings are measured, never asserted.

#[path = "common/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Instant;

use corpus::{CjkPools, Rng};
use timgate_cli::push_compile;
use timgate_engine::callback::MessageCallback;
use timgate_engine::command::Conversation;
use timgate_engine::decision::Lookup;
use timgate_engine::gate::{self, Context, Inputs, Request};
use timgate_engine::settings::FailMode;

const CALLBACKS: usize = 2_000;
const TERMS: usize = 10_000;
const COMMAND: &str = "Group.CallbackBeforeSendMsg";

/// The callbacks' bodies and their texts.
fn callbacks(terms: &[String]) -> Vec<(String, String)> {
    let mut rng = Rng::new(0xCA11_BAC4);
    let pools = CjkPools::new();
    (0..CALLBACKS)
        .map(|i| {
            let bytes = 20 + rng.below(181);
            let text = if rng.chance(4) {
                let term = rng.pick(terms).clone();
                corpus::dirty_message(&mut rng, &pools, bytes, &term)
            } else {
                corpus::clean_message(&mut rng, &pools, bytes)
            };
            let body = serde_json::json!({
                "CallbackCommand": COMMAND,
                "GroupId": format!("@TGS#load{}", i % 50),
                "Type": "Public",
                "From_Account": format!("user{}", i % 200),
                "Operator_Account": format!("user{}", i % 200),
                "Random": rng.next() as u32,
                "MsgId": format!("144115233406643804-1727580296-{}", 4_026_038_328u64 + i as u64),
                "MsgBody": [{ "MsgType": "TIMTextElem", "MsgContent": { "Text": text } }],
                "CloudCustomData": "",
                "EventTime": "1670574414123",
            })
            .to_string();
            (body, text)
        })
        .collect()
}

/// Mean nanoseconds of `f` over every callback, once each.
fn pass(callbacks: &[(String, String)], mut f: impl FnMut(&str, &str) -> usize) -> f64 {
    let started = Instant::now();
    let mut sink = 0;
    for (body, text) in callbacks {
        sink += f(body, text);
    }
    black_box(sink);
    started.elapsed().as_nanos() as f64 / callbacks.len() as f64
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::var("CALLBACK_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(15).max(1);
    let terms = corpus::terms(TERMS, 0x7E_0000 + TERMS as u64);
    let set = match push_compile::compile(&corpus::rules_json(&terms)) {
        Ok(set) => set,
        Err(e) => {
            eprintln!("callback: the generated document does not compile: {e}");
            return;
        }
    };
    let callbacks = callbacks(&terms);
    let context = Context {
        now_seconds: 1_670_574_414,
        fail_mode: FailMode::Open,
        sdk_app_id: "1400000000",
        event_nonce: "bench",
        with_text: false,
    };
    let decide = |body: &str, _: &str| {
        let request = Request { command: COMMAND, conversation: Conversation::Group, body: body.as_bytes() };
        gate::decide(request, |_| Inputs { global_rules: Lookup::Found(&set), ..Inputs::none() }, &context)
            .map_or(0, |outcome| outcome.answer.len())
    };
    let serde = |body: &str, _: &str| {
        serde_json::from_str::<serde_json::Value>(body).map_or(0, |v| v.as_object().map_or(1, |o| o.len()))
    };
    let parse = |body: &str, _: &str| MessageCallback::parse(body.as_bytes()).map_or(0, |c| c.elements().len());
    let find = |_: &str, text: &str| set.find(text).len();
    let blocked = callbacks.iter().filter(|(_, text)| !set.find(text).is_empty()).count();
    let (mut whole, mut baseline, mut parsing, mut finding) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        whole.push(pass(&callbacks, decide));
        baseline.push(pass(&callbacks, serde));
        parsing.push(pass(&callbacks, parse));
        finding.push(pass(&callbacks, find));
    }
    let (whole, baseline, parsing, finding) = (median(whole), median(baseline), median(parsing), median(finding));
    let mean_bytes = callbacks.iter().map(|(body, _)| body.len()).sum::<usize>() as f64 / callbacks.len() as f64;
    println!(
        "callback: {CALLBACKS} before-send callbacks (mean body {mean_bytes:.0} bytes; {blocked} with a term found), {TERMS} terms, {rounds} rounds\n"
    );
    println!("| per callback | ns | ÷ serde_json::Value |");
    println!("|---|---|---|");
    for (name, ns) in [
        ("`gate::decide` (the whole engine)", whole),
        ("of which reading the body (`MessageCallback::parse`)", parsing),
        ("of which normalise + search of the text (`RuleSet::find`)", finding),
        ("`serde_json::from_str::<Value>` of the body (the baseline)", baseline),
    ] {
        println!("| {name} | {ns:.0} | {:.2}× |", ns / baseline);
    }
}
