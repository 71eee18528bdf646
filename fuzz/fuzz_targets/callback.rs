//! Request parsing and text extraction on hostile input.
//!
//! Input: `<query string>\n<body bytes>` (no newline: the whole input is the body, with the
//! sample query). The query goes through `admission::admit` (with a callback token when it
//! carries a `Sign`), the body through the engine's one entry point (`gate::decide`, with a
//! mask rule; then with sender-behaviour rules and every state the `GROUP_STATE` object can
//! answer, or none, under both fail modes), and through `MessageCallback::parse`,
//! `MessageText::collect` and `MessageText::masked`.
//!
//! Checked besides "no panic": refusals carry a documented status; the answer is strict JSON;
//! every segment points at an element that exists; a masked `MsgBody` is a JSON array with as
//! many elements as the message; masking every segment whole and reading the result again gives
//! only mask characters; the after-send envelope of the same input round-trips through its queue
//! JSON byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
use std::sync::OnceLock;
use timgate_engine::admission::{self, MAX_BODY_BYTES};
use timgate_engine::callback::MessageCallback;
use timgate_engine::command::Conversation;
use timgate_engine::decision::Lookup;
use timgate_engine::envelope::{self, Envelope};
use timgate_engine::gate::{self, BehaviourState, Context, Inputs, Request};
use timgate_engine::sender_behaviour::Tally;
use timgate_engine::message_text::{mask_spans, MessageText, SegmentMask, Source};
use timgate_engine::rule_set::RuleSet;
use timgate_engine::settings::{FailMode, Settings};
use timgate_engine::webhook_signature::SigningKey;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::from_json(r#"{"mask":["a","damn","red packet","傻逼"],"review":["b"],"links":{"action":"mask","allow_domains":["example.com"]},"contacts":{"action":"mask"}}"#).expect("static rules"))
}

const SAMPLE_QUERY: &str =
    "SdkAppid=1400000000&CallbackCommand=Group.CallbackBeforeSendMsg&contenttype=json&ClientIP=127.0.0.1&OptPlatform=iOS";
/// The protocol's test vector time, so seeds signed with token `xxxxyyyy` are admitted.
const NOW: i64 = 1669872112;

fuzz_target!(|data: &[u8]| {
    let (query, body) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (String::from_utf8_lossy(&data[..i]).into_owned(), &data[i + 1..]),
        None => (SAMPLE_QUERY.to_owned(), data),
    };
    admit(&query);
    if admission::check_body_size(body.len()).is_err() || body.len() > MAX_BODY_BYTES {
        return;
    }
    forward(&query, body);
    decide(body);
    let Ok(callback) = MessageCallback::parse(body) else { return };
    let elements = callback.elements().len();
    // Whether the body is strict JSON (what Tencent sends), not JSON only a lenient reader takes.
    // (Decoded, not only scanned: a lone surrogate escape such as "\ud8de" is JSON's syntax but
    // no string, and what masking keeps of it the re-read below cannot decode.)
    let strict = serde_json::from_slice::<serde_json::Value>(body).is_ok();
    let text = MessageText::collect(&callback);
    for (i, segment) in text.segments.iter().enumerate() {
        match segment.source {
            Source::Element(e) => assert!(e < elements, "segment outside MsgBody"),
            Source::CloudCustomData => assert!(callback.cloud_custom_data.is_some()),
        }
        let _ = text.location(i);
    }

    // Arbitrary spans, derived from the input (not necessarily on character boundaries).
    let seed = data.iter().fold(0u64, |h, &b| h.rotate_left(5) ^ u64::from(b));
    let arbitrary: Vec<SegmentMask> = text
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = s.text.len() + 1;
            let a = (seed as usize).wrapping_add(i * 7) % n;
            let b = ((seed >> 16) as usize).wrapping_add(i * 13) % n;
            SegmentMask { segment: i, spans: vec![(a.min(b), a.max(b)), (b, a)] }
        })
        .collect();
    for s in &text.segments {
        let masked = mask_spans(&s.text, &[(0, s.text.len())], '#');
        assert_eq!(masked.chars().count(), s.text.chars().count(), "masking keeps the number of characters");
    }
    let out = text.masked(&arbitrary, '"');
    check_body(out.msg_body.as_deref(), elements, strict);

    // Every segment masked whole: read again, only mask characters remain.
    let whole: Vec<SegmentMask> = text
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| SegmentMask { segment: i, spans: vec![(0, s.text.len())] })
        .collect();
    let out = text.masked(&whole, '*');
    check_body(out.msg_body.as_deref(), elements, strict);
    if !strict || (out.msg_body.is_none() && out.cloud_custom_data.is_none()) {
        return; // a lenient-only body is refused when masked, not masked (decision.rs)
    }
    // The masked message as a client would send it again: the rest of the body as it was.
    let mut again = serde_json::Map::new();
    if let Some(b) = out.msg_body.as_deref() {
        again.insert("MsgBody".into(), serde_json::from_str(b).expect("checked above"));
    } else {
        // The body as sent may be JSON only a lenient reader takes (a raw control character in a
        // string, NaN...): the client would send it so again, but serde_json cannot rebuild it.
        let Ok(body) = serde_json::from_str(&callback.msg_body_json()) else { return };
        again.insert("MsgBody".into(), body);
    }
    if let Some(c) = out.cloud_custom_data.as_deref().or(callback.cloud_custom_data.as_deref()) {
        again.insert("CloudCustomData".into(), c.into());
    }
    let again = serde_json::to_vec(&again).expect("serialises");
    let again = MessageCallback::parse(&again).expect("readable");
    let read = MessageText::collect(&again);
    for (i, s) in read.segments.iter().enumerate() {
        assert!(s.text.chars().all(|c| c == '*'), "{} still reads {:?} after masking", read.location(i), s.text);
    }
});

/// The one entry point: any body gets an answer that is strict JSON with an `ErrorCode`.
fn decide(body: &[u8]) {
    let context = Context {
        now_seconds: NOW,
        fail_mode: FailMode::Open,
        sdk_app_id: "1400000000",
        event_nonce: "f",
        with_text: true,
    };
    let request = Request { command: "Group.CallbackBeforeSendMsg", conversation: Conversation::Group, body };
    if let Ok(outcome) =
        gate::decide(request, |_| Inputs { global_rules: Lookup::Found(rules()), ..Inputs::none() }, &context)
    {
        let answer: serde_json::Value = serde_json::from_str(&outcome.answer).expect("the answer is strict JSON");
        assert!(answer["ErrorCode"].is_u64());
    }
    // Sender behaviour on the same body: what the state might answer, or no answer.
    let Ok(pending) = gate::read(request) else { return };
    let inputs = Inputs { global_rules: Lookup::Found(behaviour_rules()), ..Inputs::none() };
    let _ = pending.fingerprint();
    for state in [
        BehaviourState::Tally(Tally { flood: true, slow: true, repeat: true, mute_until: Some(i64::MAX), strikes: 3 }),
        BehaviourState::Tally(Tally::default()),
        BehaviourState::Unavailable,
    ] {
        for fail_mode in [FailMode::Open, FailMode::Closed] {
            let context = Context { fail_mode, ..context };
            let outcome = pending.decide(&inputs, &context);
            let outcome = pending.with_behaviour(outcome, &inputs, &context, state);
            let answer: serde_json::Value = serde_json::from_str(&outcome.answer).expect("the answer is strict JSON");
            assert!(answer["ErrorCode"].is_u64());
        }
    }
}

fn behaviour_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        RuleSet::from_json(r#"{"block":["b"],"flood":{"messages":5,"seconds":10,"code":10121},"repeat":{"messages":3,"seconds":60},"slow_mode_seconds":5,"strikes":{"count":3,"seconds":600,"mute_seconds":60}}"#)
            .expect("static rules")
    })
}

fn admit(query: &str) {
    let token = query.contains("Sign").then_some("xxxxyyyy");
    let settings = Settings::from_lookup(|name| match name {
        "SDKAPPID" => Some("1400000000".to_owned()),
        "CALLBACK_TOKEN" => token.map(str::to_owned),
        _ => None,
    })
    .expect("static settings");
    for method in ["POST", "GET"] {
        match admission::admit(&settings, method, query, NOW) {
            Ok(admitted) => assert!(timgate_engine::command::is_well_formed(&admitted.query.command)),
            Err(r) => {
                assert!([400, 401, 403, 405].contains(&r.status), "undocumented status {}", r.status);
                assert!(serde_json::from_str::<serde_json::Value>(&r.to_json()).is_ok());
            }
        }
    }
}

/// What an after-send callback becomes: an envelope whose queue JSON round-trips exactly (the
/// origin gets the same bytes), with a stable, header-safe id, alone or in a batch.
fn forward(query: &str, body: &[u8]) {
    let envelope = Envelope::callback("Group.CallbackAfterSendMsg", query, body, NOW);
    assert_eq!(envelope.id, Envelope::callback("Group.CallbackAfterSendMsg", query, body, NOW + 60).id);
    assert!(envelope.id.starts_with("evt_") && envelope.id.len() == 36, "{}", envelope.id);
    let queued = serde_json::to_string(&envelope).expect("an envelope serialises");
    let back: Envelope = serde_json::from_str(&queued).expect("and reads back");
    assert_eq!(back, envelope);
    assert_eq!(back.body, body);
    let key = SigningKey::from_secret("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").expect("static secret");
    let _ = envelope.headers(std::slice::from_ref(&key), NOW);
    let _ = envelope.url("https://origin.example/tencent?x=1");
    let batch = envelope::batch(&[envelope.clone(), envelope], NOW);
    assert!(serde_json::from_slice::<serde_json::Value>(&batch.body).is_ok(), "a batch body is JSON");
}

/// A masked `MsgBody` is a JSON array with one item per element of the message, when the body
/// came as strict JSON (what the masking keeps of a lenient one stays lenient: `decide` refuses
/// such a message instead of masking it, `tests/regression.rs`).
fn check_body(body: Option<&str>, elements: usize, strict: bool) {
    if let (Some(body), true) = (body, strict) {
        let parsed: Vec<Box<RawValue>> = serde_json::from_str(body).expect("masked MsgBody is a JSON array");
        assert_eq!(parsed.len(), elements);
    }
}
