//! Request parsing and text extraction on hostile input.
//!
//! Input: `<query string>\n<body bytes>` (no newline: the whole input is the body, with the
//! sample query). The query goes through `admission::admit` (with a callback token when it
//! carries a `Sign`), the body through `MessageCallback::parse`, `MessageText::collect` and
//! `MessageText::masked`.
//!
//! Checked besides "no panic": refusals carry a documented status; every segment points at an
//! element that exists; a masked `MsgBody` is a JSON array with as many elements as the message;
//! masking every segment whole and reading the result again gives only mask characters; the
//! after-send envelope of the same input round-trips through its queue JSON byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
use timgate::engine::admission::{self, MAX_BODY_BYTES};
use timgate::engine::callback::MessageCallback;
use timgate::engine::envelope::{self, Envelope};
use timgate::engine::message_text::{mask_spans, MessageText, SegmentMask, Source};
use timgate::engine::settings::Settings;
use timgate::engine::webhook_signature::SigningKey;

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
    let Ok(callback) = MessageCallback::parse(body) else { return };
    let _ = admission::check_command_matches("Group.CallbackBeforeSendMsg", callback.command.as_deref());
    let text = MessageText::collect(&callback.msg_body, callback.cloud_custom_data.as_deref());
    for segment in &text.segments {
        match segment.source {
            Source::Element(i) => assert!(i < callback.msg_body.len(), "segment outside MsgBody"),
            Source::CloudCustomData => assert!(callback.cloud_custom_data.is_some()),
        }
        let _ = segment.to_string();
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
    check_body(out.msg_body.as_deref(), callback.msg_body.len());

    // Every segment masked whole: read again, only mask characters remain.
    let whole: Vec<SegmentMask> = text
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| SegmentMask { segment: i, spans: vec![(0, s.text.len())] })
        .collect();
    let out = text.masked(&whole, '*');
    check_body(out.msg_body.as_deref(), callback.msg_body.len());
    let elements: Vec<Box<RawValue>> = match out.msg_body.as_deref() {
        Some(body) => serde_json::from_str(body).expect("checked above"),
        None => callback.msg_body.clone(),
    };
    let cloud = out.cloud_custom_data.as_deref().or(callback.cloud_custom_data.as_deref());
    let again = MessageText::collect(&elements, cloud);
    for s in &again.segments {
        assert!(s.text.chars().all(|c| c == '*'), "{s} still reads {:?} after masking", s.text);
    }
});

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
            Ok(admitted) => assert!(timgate::engine::command::is_well_formed(&admitted.query.command)),
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

/// A masked `MsgBody` is a JSON array with one item per element of the message.
fn check_body(body: Option<&str>, elements: usize) {
    if let Some(body) = body {
        let parsed: Vec<Box<RawValue>> = serde_json::from_str(body).expect("masked MsgBody is a JSON array");
        assert_eq!(parsed.len(), elements);
    }
}
