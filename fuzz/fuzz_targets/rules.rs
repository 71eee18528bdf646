//! The rule-document compiler on arbitrary bytes, then a decision on an arbitrary message.
//!
//! Input: `<flags byte><rule document>\0<message body>` (without `\0`, the message is the
//! Live-room sample with the document's text as its text). Flags: bit 0 C2C, bit 1 the document
//! is also the group's, bit 2 the group ban is unavailable, bit 3 fail closed.
//!
//! Checked besides "no panic": a forbid carries code 1 or a code of the conversation's range; a
//! block, discard or mask decided from the rules has an enforced hit of that action behind it; no
//! hit and everything readable means deliver; hits lie on character boundaries of their text; a
//! masked `MsgBody` is a JSON array of the message's length.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
use timgate_engine::callback::MessageCallback;
use timgate_engine::command::Conversation;
use timgate_engine::decision::{Basis, Lookup, Verdict, FORBID};
use timgate_engine::gate::{self, Context, Inputs, Request};
use timgate_engine::message_text::MessageText;
use timgate_engine::rule_document::{Action, Mode};
use timgate_engine::rule_set::RuleSet;
use timgate_engine::settings::FailMode;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let (document, body) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (String::from_utf8_lossy(&rest[..i]).into_owned(), rest[i + 1..].to_vec()),
        None => {
            let document = String::from_utf8_lossy(rest).into_owned();
            let text = serde_json::to_string(&document).unwrap_or_default();
            let body = format!(
                r#"{{"GroupId":"@TGS#1","From_Account":"u","MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":{text}}}}}]}}"#
            );
            (document, body.into_bytes())
        }
    };
    let Ok(rules) = RuleSet::from_json(&document) else { return };
    assert_eq!(rules.version().len(), 12);
    for i in 0..rules.len() {
        let term = rules.term(i).expect("index below len");
        assert!(!term.text.trim().is_empty(), "an empty term was accepted");
    }

    let Ok(callback) = MessageCallback::parse(&body) else { return };
    let message = MessageText::collect(&callback);
    let conversation = if flags & 1 == 1 { Conversation::C2c } else { Conversation::Group };
    let command = match conversation {
        Conversation::Group => "Group.CallbackBeforeSendMsg",
        Conversation::C2c | Conversation::Friend => "C2C.CallbackBeforeSendMsg",
    };
    let group_rules = if flags & 2 == 2 { Lookup::Found(&rules) } else { Lookup::Absent };
    let ban_unavailable = flags & 4 == 4;
    let group_ban = if ban_unavailable { Lookup::Unavailable } else { Lookup::Absent };
    let fail_mode = if flags & 8 == 8 { FailMode::Closed } else { FailMode::Open };
    let context =
        Context { now_seconds: 1_700_000_000, fail_mode, sdk_app_id: "1400000000", event_nonce: "f", with_text: false };
    let Ok(outcome) = gate::decide(
        Request { command, conversation, body: &body },
        |_| Inputs { global_rules: Lookup::Found(&rules), group_rules, global_ban: Lookup::Absent, group_ban, rest_api: false },
        &context,
    ) else {
        return; // the body's command is not the query's: refused, not decided
    };
    let Some(decision) = outcome.decision else { return };
    assert!(serde_json::from_str::<serde_json::Value>(&outcome.answer).is_ok(), "the answer is strict JSON");

    for hit in &decision.hits {
        for &(segment, start, end) in &hit.pieces {
            let text = &message.segments[segment].text;
            assert!(start < end && end <= text.len(), "{hit:?}");
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{hit:?}");
        }
        assert_eq!(hit.enforced, rules.mode() == Mode::Enforce);
    }
    let enforced = |action: Action| decision.hits.iter().any(|h| h.enforced && h.action == action);
    match &decision.verdict {
        Verdict::Forbid { code, .. } => {
            assert!(*code == FORBID || conversation.custom_code_range().contains(code), "code {code}");
            if decision.basis == Basis::Rules {
                assert!(enforced(Action::Block), "forbid without a block hit");
            } else {
                assert!(decision.basis == Basis::FailMode && fail_mode == FailMode::Closed || enforced(Action::Block));
            }
        }
        Verdict::Discard => assert!(enforced(Action::Discard), "discard without a discard hit"),
        Verdict::Modify(masked) => {
            assert!(enforced(Action::Mask), "mask without a mask hit");
            if let Some(body) = masked.msg_body.as_deref() {
                let parsed: Vec<Box<RawValue>> = serde_json::from_str(body).expect("masked MsgBody is an array");
                assert_eq!(parsed.len(), callback.elements().len());
            }
        }
        Verdict::Deliver => {}
    }
    if decision.hits.is_empty() && !ban_unavailable {
        assert_eq!(decision.verdict, Verdict::Deliver, "nothing matched, everything readable");
    }
    let _ = decision.wants_review();
});
