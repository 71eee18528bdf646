//! The commands besides messages (`other_commands`) on hostile bodies: every command reads any
//! bytes without a panic, and its answer is strict JSON in Tencent's shape for that command.
//!
//! Input: one byte choosing the command, then the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use timgate_engine::ban::BanRecord;
use timgate_engine::decision::Lookup;
use timgate_engine::gate::Context;
use timgate_engine::other_commands::{OtherCallback, OtherCommand, OtherInputs};
use timgate_engine::rule_set::RuleSet;
use timgate_engine::settings::FailMode;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        RuleSet::from_json(r#"{"block":["a",{"term":"bb","code":38500}],"mask":["damn"],"review":["c"],"links":{"action":"block"},"contacts":{"action":"review"},"scopes":{"group_profile":true,"join_requests":true,"friend_requests":true}}"#)
            .expect("static rules")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else { return };
    let (command, _) = OtherCommand::ALL[usize::from(pick) % OtherCommand::ALL.len()];
    let Ok(callback) = OtherCallback::parse(command, body) else { return };
    let keys = callback.keys();
    // Every other ban in force, some unreadable.
    let bans = keys
        .bans
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let lookup = match i % 3 {
                0 => Lookup::Found(BanRecord { until: None, reason: Some("r".into()), code: Some(10150 + i as u32) }),
                1 => Lookup::Unavailable,
                _ => Lookup::Absent,
            };
            (key.clone(), lookup)
        })
        .collect();
    let inputs = OtherInputs { global_rules: Lookup::Found(rules()), group_rules: Lookup::Found(rules()), bans };
    for fail_mode in [FailMode::Open, FailMode::Closed] {
        let context = Context { now_seconds: 1, fail_mode, sdk_app_id: "1400000000", event_nonce: "n", with_text: false };
        let outcome = callback.decide(&inputs, &context, body);
        let answer: serde_json::Value = serde_json::from_str(&outcome.answer).expect("the answer is JSON");
        assert!(answer["ErrorCode"].is_u64(), "{}", outcome.answer);
        if matches!(command, OtherCommand::FriendAdd | OtherCommand::FriendResponse) {
            let items = answer["ResultItem"].as_array().expect("friend answers have items");
            assert_eq!(items.len(), callback.targets.len());
            for item in items {
                let code = item["ResultCode"].as_u64().expect("a code");
                assert!(code == 0 || (38000..=39000).contains(&code), "{code}");
            }
        }
        if !command.decides() {
            assert_eq!(outcome.answer, r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#);
        }
        for review in &outcome.reviews {
            let _: serde_json::Value = serde_json::from_slice(&review.body).expect("review bodies are JSON");
        }
    }
});
