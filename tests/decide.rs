//! Decisions, end to end through the engine's public API: body bytes in, answer JSON out.
//! One table per concern; each case names what it shows.

use timgate_engine::ban::BanRecord;
use timgate_engine::command::Conversation;
use timgate_engine::decision::{Basis, Lookup, Verdict};
use timgate_engine::gate::{self, Context, Inputs, Request};
use timgate_engine::rule_set::RuleSet;
use timgate_engine::settings::FailMode;

const NOW: i64 = 1_700_000_000;

struct World {
    global: Lookup<RuleSet>,
    group: Lookup<RuleSet>,
    global_ban: Lookup<BanRecord>,
    group_ban: Lookup<BanRecord>,
    fail_mode: FailMode,
    conversation: Conversation,
}

impl Default for World {
    fn default() -> Self {
        Self {
            global: Lookup::Found(rules(
                r#"{"block":[{"term":"buy followers"},{"term":"傻逼","code":10101,"info":"Watch your language"}],"discard":["free crypto"],"mask":["damn"],"review":["telegram"],"allow":["scunthorpe"]}"#,
            )),
            group: Lookup::Absent,
            global_ban: Lookup::Absent,
            group_ban: Lookup::Absent,
            fail_mode: FailMode::Open,
            conversation: Conversation::Group,
        }
    }
}

fn rules(json: &str) -> RuleSet {
    RuleSet::from_json(json).expect("test rules parse")
}

fn ban(json: &str) -> Lookup<BanRecord> {
    Lookup::Found(BanRecord::parse_or_plain(json).0)
}

fn text_body(text: &str) -> Vec<u8> {
    serde_json::json!({
        "CallbackCommand": "Group.CallbackBeforeSendMsg", "GroupId": "@TGS#1", "From_Account": "jared",
        "MsgBody": [{"MsgType": "TIMTextElem", "MsgContent": {"Text": text}}]
    })
    .to_string()
    .into_bytes()
}

fn as_ref(l: &Lookup<RuleSet>) -> Lookup<&RuleSet> {
    match l {
        Lookup::Found(s) => Lookup::Found(s),
        Lookup::Absent => Lookup::Absent,
        Lookup::Unavailable => Lookup::Unavailable,
    }
}

/// Decides `text` in `world` through the engine's one entry point and returns (answer JSON, basis).
fn run(world: &World, text: &str) -> (serde_json::Value, Basis) {
    let body = text_body(text);
    let command = match world.conversation {
        Conversation::Group => "Group.CallbackBeforeSendMsg",
        Conversation::C2c | Conversation::Friend => "C2C.CallbackBeforeSendMsg",
    };
    let body = String::from_utf8(body).expect("utf-8").replace("Group.CallbackBeforeSendMsg", command).into_bytes();
    let context = Context {
        now_seconds: NOW,
        fail_mode: world.fail_mode,
        sdk_app_id: "1400000000",
        event_nonce: "t",
        with_text: false,
    };
    let outcome = gate::decide(
        Request { command, conversation: world.conversation, body: &body },
        |_| Inputs {
            global_rules: as_ref(&world.global),
            group_rules: as_ref(&world.group),
            global_ban: world.global_ban.clone(),
            group_ban: world.group_ban.clone(),
            rest_api: false,
        },
        &context,
    )
    .expect("not refused");
    let basis = outcome.decision.as_ref().map_or(Basis::FailMode, |d| d.basis);
    (serde_json::from_str(&outcome.answer).expect("answer is JSON"), basis)
}

fn code(world: &World, text: &str) -> u64 {
    run(world, text).0["ErrorCode"].as_u64().expect("ErrorCode")
}

#[test]
fn verdicts_of_the_contract() {
    let w = World::default();
    let cases = [
        ("clean", "hello there", 0),
        ("block", "buy followers now", 1),
        ("custom code", "你傻逼", 10101),
        ("discard", "free crypto", 2),
        ("review delivers", "telegram me", 0),
        ("mask delivers", "damn", 0),
        ("allow-listed word", "Scunthorpe United", 0),
        ("block beats discard", "free crypto, buy followers", 1),
        ("discard beats mask", "damn free crypto", 2),
    ];
    for (name, text, expected) in cases {
        assert_eq!(code(&w, text), expected, "{name}");
    }
    let (custom, _) = run(&w, "你傻逼");
    assert_eq!(custom["ErrorInfo"], "Watch your language");
}

#[test]
fn the_first_block_term_in_the_message_sets_the_code() {
    let w = World {
        global: Lookup::Found(rules(r#"{"block":[{"term":"alpha","code":10111},{"term":"beta","code":10122}]}"#)),
        ..World::default()
    };
    assert_eq!(code(&w, "beta then alpha"), 10122);
    assert_eq!(code(&w, "alpha then beta"), 10111);
}

#[test]
fn bans() {
    let cases: [(&str, World, u64); 5] = [
        ("global ban", World { global_ban: ban(r#"{"reason":"spam","code":10110}"#), ..World::default() }, 10110),
        ("group ban", World { group_ban: ban(r#"{"until":1700000600}"#), ..World::default() }, 1),
        ("expired ban", World { global_ban: ban(r#"{"until":1699999999}"#), ..World::default() }, 0),
        ("ban ends exactly at until", World { global_ban: ban(r#"{"until":1700000000}"#), ..World::default() }, 0),
        (
            "C2C ban with a group code falls back to 1",
            World { global_ban: ban(r#"{"code":10110}"#), conversation: Conversation::C2c, ..World::default() },
            1,
        ),
    ];
    for (name, world, expected) in cases {
        assert_eq!(code(&world, "hello"), expected, "{name}");
    }
    let banned = World { global_ban: ban(r#"{"reason":"spam"}"#), ..World::default() };
    assert_eq!(
        run(&banned, "hello"),
        (serde_json::json!({"ActionStatus":"OK","ErrorInfo":"spam","ErrorCode":1}), Basis::GlobalBan)
    );
}

#[test]
fn unavailable_inputs_follow_the_fail_mode_but_never_hide_a_known_forbid() {
    for (fail_mode, clean_code) in [(FailMode::Open, 0), (FailMode::Closed, 1)] {
        let no_rules = World { global: Lookup::Unavailable, fail_mode, ..World::default() };
        assert_eq!(run(&no_rules, "hello").1, Basis::FailMode);
        assert_eq!(code(&no_rules, "hello"), clean_code, "{fail_mode:?}");

        let no_group_rules = World { group: Lookup::Unavailable, fail_mode, ..World::default() };
        assert_eq!(code(&no_group_rules, "hello"), clean_code, "{fail_mode:?}");
        assert_eq!(code(&no_group_rules, "buy followers"), 1, "global block still applies ({fail_mode:?})");
        assert_eq!(code(&no_group_rules, "free crypto"), 2, "global discard still applies ({fail_mode:?})");

        let no_bans = World { global_ban: Lookup::Unavailable, fail_mode, ..World::default() };
        assert_eq!(code(&no_bans, "hello"), clean_code, "{fail_mode:?}");
    }
}

#[test]
fn group_documents_merge_over_the_global_one() {
    let w = World {
        group: Lookup::Found(rules(r##"{"block":["spoiler"],"allow":["damnation"],"mask_char":"#"}"##)),
        ..World::default()
    };
    assert_eq!(code(&w, "spoiler"), 1, "group term");
    assert_eq!(code(&w, "buy followers"), 1, "global term still applies");
    assert_eq!(run(&w, "damn").0["MsgBody"][0]["MsgContent"]["Text"], "####", "group mask_char wins");
    assert_eq!(run(&w, "damnation").0.get("MsgBody"), None, "group allow-list protects against global terms");
}

#[test]
fn allowed_words_excuse_terms_anywhere_in_a_long_message() {
    // The allowed words are read only around terms and sleep in between (the matcher's
    // dependent lanes): a term far into the text, inside an allowed word, after others that are
    // not, is still excused, and the terms around it still masked.
    let w = World {
        group: Lookup::Found(rules(r##"{"block":["spoiler"],"allow":["damn fine coffee"],"mask_char":"#"}"##)),
        ..World::default()
    };
    let filler = "the quick brown fox jumps over the lazy dog ".repeat(12);
    let text = format!("damn {filler}damn fine coffee {filler}damn it, damn fine coffee, damn");
    let masked = format!("#### {filler}damn fine coffee {filler}#### it, damn fine coffee, ####");
    assert_eq!(run(&w, &text).0["MsgBody"][0]["MsgContent"]["Text"], masked.as_str());
}

#[test]
fn monitor_documents_report_but_do_not_act() {
    let w = World { group: Lookup::Found(rules(r#"{"block":["spoiler"],"mode":"monitor"}"#)), ..World::default() };
    assert_eq!(code(&w, "spoiler"), 0);
    assert_eq!(code(&w, "spoiler and buy followers"), 1, "the enforcing global document still acts");
}

#[test]
fn masking_returns_only_changed_fields() {
    let (answer, basis) = run(&World::default(), "well damn, DAMN");
    assert_eq!(basis, Basis::Rules);
    assert_eq!(answer["MsgBody"][0]["MsgContent"]["Text"], "well ****, ****");
    assert!(answer.get("CloudCustomData").is_none());
}

#[test]
fn verdict_names_are_stable() {
    // Log pipelines and review events match on these.
    assert_eq!(Verdict::Deliver.name(), "allow");
    assert_eq!(Verdict::Discard.name(), "discard");
}
