//! The verdict of a before-send group callback whose only element is a text element holding a
//! given text, through the whole-callback entry point `gate::decide` (shared by the table tests).

use timgate_engine::command::Conversation;
use timgate_engine::decision::{Lookup, Verdict};
use timgate_engine::gate::{self, Context, Inputs, Request};
use timgate_engine::rule_set::RuleSet;
use timgate_engine::settings::FailMode;

/// The verdict on `text` sent in a group whose global document is `set`.
pub fn verdict(set: &RuleSet, text: &str) -> Verdict {
    let body = serde_json::json!({
        "CallbackCommand": "Group.CallbackBeforeSendMsg",
        "GroupId": "@TGS#tables",
        "From_Account": "sender",
        "MsgId": "m",
        "MsgBody": [{ "MsgType": "TIMTextElem", "MsgContent": { "Text": text } }],
    })
    .to_string();
    let request =
        Request { command: "Group.CallbackBeforeSendMsg", conversation: Conversation::Group, body: body.as_bytes() };
    let context = Context {
        now_seconds: 1_700_000_000,
        fail_mode: FailMode::Open,
        sdk_app_id: "1400000000",
        event_nonce: "n",
        with_text: false,
    };
    gate::decide(request, |_| Inputs { global_rules: Lookup::Found(set), ..Inputs::none() }, &context)
        .expect("the command matches")
        .verdict
}
