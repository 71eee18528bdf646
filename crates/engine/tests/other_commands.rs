//! The commands besides messages (`scopes`), on the samples of Tencent's pages as printed
//! (`tests/fixtures/seeds/other/`, comments and all), and on variants of them.

use serde_json::Value;
use timgate_engine::ban::BanRecord;
use timgate_engine::decision::Lookup;
use timgate_engine::gate::Context;
use timgate_engine::other_commands::{OtherCallback, OtherCommand, OtherInputs, OtherOutcome};
use timgate_engine::rule_document::Scopes;
use timgate_engine::rule_set::RuleSet;
use timgate_engine::settings::FailMode;

const RULES: &str = r#"{
  "block": [{"term": "buy followers", "code": 10110, "info": "No ads"}, {"term": "scam", "code": 38500, "info": "Not here"}],
  "mask": ["damn"],
  "review": ["telegram"],
  "scopes": {"group_profile": true, "join_requests": true, "friend_requests": true}
}"#;

fn sample(name: &str) -> String {
    let path = format!("{}/../../tests/fixtures/seeds/other/{name}.jsonc", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn context(fail_mode: FailMode) -> Context<'static> {
    Context { now_seconds: 1_000, fail_mode, sdk_app_id: "1400000000", event_nonce: "nonce", with_text: false }
}

fn run(command: OtherCommand, body: &str, bans: &[(&str, Option<u32>)]) -> OtherOutcome {
    let rules = RuleSet::from_json(RULES).expect("rules");
    let callback = OtherCallback::parse(command, body.as_bytes()).expect("readable");
    let keys = callback.keys();
    let bans = keys
        .bans
        .iter()
        .map(|key| {
            let found = bans.iter().find(|(k, _)| k == key).map(|(_, code)| BanRecord {
                until: None,
                reason: Some("banned here".into()),
                code: *code,
                by: None,
            });
            (key.clone(), found.map_or(Lookup::Absent, Lookup::Found))
        })
        .collect();
    let inputs = OtherInputs { global_rules: Lookup::Found(&rules), group_rules: Lookup::Absent, bans };
    callback.decide(&inputs, &context(FailMode::Open), body.as_bytes())
}

fn answer(outcome: &OtherOutcome) -> Value {
    serde_json::from_str(&outcome.answer).expect("the answer is JSON")
}

#[test]
fn every_sample_reads_and_is_allowed_as_printed() {
    for (command, file) in [
        (OtherCommand::CreateGroup, "before-create-group"),
        (OtherCommand::CreateTopic, "before-create-topic"),
        (OtherCommand::ApplyJoin, "before-apply-join-group"),
        (OtherCommand::InviteJoin, "before-invite-join-group"),
        (OtherCommand::FriendAdd, "prev-friend-add"),
        (OtherCommand::FriendResponse, "prev-friend-response"),
    ] {
        let body = sample(file);
        assert!(body.contains(command.name()), "{file} is {}", command.name());
        let outcome = run(command, &body, &[]);
        assert_eq!(outcome.outcome, "allow", "{file}: {:?}", outcome.matched);
        assert_eq!(answer(&outcome)["ErrorCode"], 0, "{file}");
        assert!(outcome.reviews.is_empty(), "{file}");
    }
    // Friend answers name every item, allowed.
    let friends = answer(&run(OtherCommand::FriendAdd, &sample("prev-friend-add"), &[]));
    assert_eq!(friends["ResultItem"].as_array().map(Vec::len), Some(2));
    assert_eq!(friends["ResultItem"][1]["To_Account"], "id2");
    assert_eq!(friends["ResultItem"][1]["ResultCode"], 0);
}

#[test]
fn a_group_or_topic_name_with_a_listed_term_however_spelled_is_refused_with_the_documents_code() {
    for (command, file, name) in [
        (OtherCommand::CreateGroup, "before-create-group", "MyFirstGroup"),
        (OtherCommand::CreateTopic, "before-create-topic", "MyFirstTopic"),
    ] {
        for spelling in
            ["buy followers", "B.U.Y f0ll0wers", "ｂｕｙ ｆｏｌｌｏｗｅｒｓ", "buy\u{200b}followers", "BUY-FOLLOWERS!!"]
        {
            let body = sample(file).replace(name, spelling);
            let outcome = run(command, &body, &[]);
            assert_eq!(outcome.outcome, "block", "{file} {spelling}");
            assert_eq!(outcome.answer, r#"{"ActionStatus":"OK","ErrorInfo":"No ads","ErrorCode":10110}"#);
            assert_eq!(outcome.matched, ["Name: global/block:buy followers"]);
        }
        // A mask term cannot be masked in a name: refused with the generic code.
        let masked = run(command, &sample(file).replace(name, "damn group"), &[]);
        assert_eq!(answer(&masked)["ErrorCode"], 1);
        // A review term allows the name and reports it, naming the field.
        let reviewed = run(command, &sample(file).replace(name, "telegram fans"), &[]);
        assert_eq!(reviewed.outcome, "allow");
        assert_eq!(reviewed.reviews.len(), 1);
        let event: Value = serde_json::from_slice(&reviewed.reviews[0].body).expect("JSON");
        assert_eq!(event["Field"], "Name");
        assert_eq!(event["OriginalCommand"], command.name());
        assert_eq!(event["MsgBody"][0]["MsgContent"]["Text"], "telegram fans");
    }
}

#[test]
fn a_banned_creator_or_applicant_is_refused_with_the_bans_code() {
    let banned = run(OtherCommand::CreateGroup, &sample("before-create-group"), &[("ban:leckie", Some(10150))]);
    assert_eq!(banned.answer, r#"{"ActionStatus":"OK","ErrorInfo":"banned here","ErrorCode":10150}"#);
    assert_eq!(banned.basis, "global_ban");
    let everywhere = run(OtherCommand::ApplyJoin, &sample("before-apply-join-group"), &[("ban:jared", None)]);
    assert_eq!(answer(&everywhere)["ErrorCode"], 1);
    let here =
        run(OtherCommand::ApplyJoin, &sample("before-apply-join-group"), &[("ban:@TGS#2J4SZEAEL:jared", Some(10160))]);
    assert_eq!(answer(&here)["ErrorCode"], 10160);
    assert_eq!(here.basis, "group_ban");
    let elsewhere =
        run(OtherCommand::ApplyJoin, &sample("before-apply-join-group"), &[("ban:@TGS#other:jared", Some(10160))]);
    assert_eq!(answer(&elsewhere)["ErrorCode"], 0);
    // A C2C-range code on a group refusal would be rejected by Tencent: the generic code instead.
    let odd = run(OtherCommand::ApplyJoin, &sample("before-apply-join-group"), &[("ban:jared", Some(120001))]);
    assert_eq!(answer(&odd)["ErrorCode"], 1);
}

#[test]
fn banned_invitees_are_dropped_and_the_others_join() {
    let body = sample("before-invite-join-group");
    let outcome = run(OtherCommand::InviteJoin, &body, &[("ban:@TGS#2J4SZEAEL:jared", None)]);
    assert_eq!(outcome.outcome, "partial");
    assert_eq!(
        answer(&outcome),
        serde_json::json!({"ActionStatus": "OK", "ErrorInfo": "", "ErrorCode": 0, "RefusedMembers_Account": ["jared"]})
    );
    // The inviter banned: the whole invitation is refused.
    let inviter = run(
        OtherCommand::InviteJoin,
        &body.replace("\"Operator_Account\": \"leckie\"", "\"Operator_Account\": \"mallory\""),
        &[("ban:mallory", Some(10170))],
    );
    assert_eq!(answer(&inviter)["ErrorCode"], 10170);
}

#[test]
fn friend_requests_are_answered_per_item() {
    let body = sample("prev-friend-add").replace("this is id2!", "buy followers from me");
    let outcome = run(OtherCommand::FriendAdd, &body, &[]);
    assert_eq!(outcome.outcome, "partial");
    let items = &answer(&outcome)["ResultItem"];
    assert_eq!(items[0], serde_json::json!({"To_Account": "id1", "ResultCode": 0, "ResultInfo": ""}));
    // 10110 is a group code: a friend refusal gets the default 38000, with the document's info.
    assert_eq!(items[1], serde_json::json!({"To_Account": "id2", "ResultCode": 38000, "ResultInfo": "No ads"}));
    assert_eq!(outcome.matched, ["FriendItem[1].AddWording: global/block:buy followers"]);
    // A code in 38000–39000 is kept; Remark and GroupName are read too.
    let remark = sample("prev-friend-add").replace("remark1", "s c a m");
    assert_eq!(answer(&run(OtherCommand::FriendAdd, &remark, &[]))["ResultItem"][0]["ResultCode"], 38500);
    let group_name = sample("prev-friend-add").replace("\"GroupName\": \"group1\",\n      \"AddSource\": \"AddSource_Type_Android\",\n      \"AddWording\": \"this is id1!\"", "\"GroupName\": \"scam\",\n      \"AddSource\": \"AddSource_Type_Android\",\n      \"AddWording\": \"this is id1!\"");
    assert_ne!(group_name, sample("prev-friend-add"));
    assert_eq!(answer(&run(OtherCommand::FriendAdd, &group_name, &[]))["ResultItem"][0]["ResultCode"], 38500);
    // Responses: TagName; a rejection (the sample's second item) is never refused, whatever its
    // texts or the responder's bans: refusing it would leave the request pending.
    let response = sample("prev-friend-response").replace("group1", "buy followers").replace("group2", "buy followers");
    let items = &answer(&run(OtherCommand::FriendResponse, &response, &[]))["ResultItem"];
    assert_eq!((items[0]["ResultCode"].as_u64(), items[1]["ResultCode"].as_u64()), (Some(38000), Some(0)));
    let banned = run(OtherCommand::FriendResponse, &sample("prev-friend-response"), &[("ban:id", None)]);
    let items = &answer(&banned)["ResultItem"];
    assert_eq!((items[0]["ResultCode"].as_u64(), items[1]["ResultCode"].as_u64()), (Some(38000), Some(0)));
    // A banned requester: every item refused.
    let banned = run(OtherCommand::FriendAdd, &sample("prev-friend-add"), &[("ban:id", Some(38900))]);
    let items = &answer(&banned)["ResultItem"];
    assert_eq!((items[0]["ResultCode"].as_u64(), items[1]["ResultCode"].as_u64()), (Some(38900), Some(38900)));
    assert_eq!(items[0]["ResultInfo"], "banned here");
}

#[test]
fn after_notifications_are_answered_ok_and_report_the_field_that_matched() {
    let group_info = r#"{"CallbackCommand":"Group.CallbackAfterGroupInfoChanged","GroupId":"@TGS#2J4SZEAEL","Type":"Public",
        "Operator_Account":"leckie","Name":"NewGroupName","Notification":"buy followers here","EventTime":1670574414123,"Extra":{"x":[1]}}"#;
    let outcome = run(OtherCommand::GroupInfoChanged, group_info, &[("ban:leckie", None)]);
    assert_eq!(outcome.answer, r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#);
    assert_eq!(outcome.reviews.len(), 1, "a match in a notification is always reported");
    let event: Value = serde_json::from_slice(&outcome.reviews[0].body).expect("JSON");
    assert_eq!((event["Field"].as_str(), event["GroupId"].as_str()), (Some("Notification"), Some("@TGS#2J4SZEAEL")));
    let card = r#"{"CallbackCommand":"Group.CallbackAfterMemberFieldChanged","GroupId":"@TGS#1","Member_Account":"bob","NameCard":"s.c.a.m","EventTime":"1670574414123"}"#;
    let event: Value =
        serde_json::from_slice(&run(OtherCommand::MemberFieldChanged, card, &[]).reviews[0].body).expect("JSON");
    assert_eq!((event["Field"].as_str(), event["From_Account"].as_str()), (Some("NameCard"), Some("bob")));
    let nick = r#"{"CallbackCommand":"Profile.CallbackPortraitSet","From_Account":"bob","ProfileItem":[{"Tag":"Tag_Profile_IM_Level","Value":3},{"Tag":"Tag_Profile_IM_Nick","Value":"telegram_seller"}]}"#;
    let outcome = run(OtherCommand::PortraitSet, nick, &[]);
    let event: Value = serde_json::from_slice(&outcome.reviews[0].body).expect("JSON");
    assert_eq!(event["Field"], "ProfileItem[1].Value");
    let clean = run(
        OtherCommand::TopicInfoChanged,
        r#"{"CallbackCommand":"Group.CallbackAfterTopicInfoChanged","Name":"TestTopic"}"#,
        &[],
    );
    assert!(clean.reviews.is_empty());
}

#[test]
fn event_time_as_a_string_or_a_number_and_unknown_fields_change_nothing() {
    let base = sample("before-apply-join-group");
    for variant in [
        base.replace("\"EventTime\":\"1670574414123\"", "\"EventTime\":1670574414123"),
        base.replace("\"Type\": \"Public\",", "\"Type\": \"Public\", \"NewField\": {\"a\": [1, 2e999]},"),
    ] {
        assert_ne!(variant, base);
        let outcome = run(OtherCommand::ApplyJoin, &variant, &[("ban:jared", Some(10150))]);
        assert_eq!(answer(&outcome)["ErrorCode"], 10150, "{variant}");
    }
    assert!(OtherCallback::parse(OtherCommand::ApplyJoin, b"[1,2]").is_err());
    assert!(OtherCallback::parse(OtherCommand::ApplyJoin, b"{\"GroupId\":").is_err());
}

#[test]
fn scopes_turn_each_command_on_and_default_to_off() {
    let off = Scopes::default();
    assert!(off.messages && !off.group_profile && !off.join_requests && !off.friend_requests);
    for (command, name) in OtherCommand::ALL {
        assert_eq!(OtherCommand::from_name(name), Some(command));
        assert!(!command.is_on(off), "{name}");
    }
    let rules = RuleSet::from_json(RULES).expect("rules");
    let blob = RuleSet::from_blob(&rules.to_blob(), rules.version()).expect("blob");
    assert_eq!(blob.scopes(), rules.scopes(), "scopes survive the blob");
    let joins = Scopes { join_requests: true, ..Scopes::default() };
    assert!(
        OtherCommand::InviteJoin.is_on(joins)
            && !OtherCommand::FriendAdd.is_on(joins)
            && !OtherCommand::CreateGroup.is_on(joins)
    );
    assert!(RuleSet::from_json(r#"{"scopes": {"join_requests": "yes"}}"#).is_err());
}

#[test]
fn invitees_are_checked_once_each_and_those_beyond_the_limit_are_refused() {
    use timgate_engine::other_commands::MAX_INVITEES_CHECKED;
    let invitation = |members: &[String]| {
        let list: Vec<Value> = members.iter().map(|m| serde_json::json!({"Member_Account": m})).collect();
        serde_json::json!({"CallbackCommand": "Group.CallbackBeforeInviteJoinGroup", "GroupId": "@g",
            "Operator_Account": "op", "DestinationMembers": list})
        .to_string()
    };
    // Padding with one repeated id does not push a banned invitee past the checked ones.
    let mut members = vec!["pad".to_owned(); 300];
    members.push("evil".into());
    let outcome = run(OtherCommand::InviteJoin, &invitation(&members), &[("ban:evil", None)]);
    assert_eq!(answer(&outcome)["RefusedMembers_Account"], serde_json::json!(["evil"]));
    // Distinct padding: those beyond the limit are refused unchecked.
    let mut members: Vec<String> = (0..MAX_INVITEES_CHECKED).map(|i| format!("user{i}")).collect();
    members.push("evil".into());
    let outcome = run(OtherCommand::InviteJoin, &invitation(&members), &[]);
    assert_eq!(answer(&outcome)["RefusedMembers_Account"], serde_json::json!(["evil"]));
    assert_eq!(outcome.outcome, "partial");
    // Every invitee banned: the outcome says block, with the ban's basis.
    let all = run(
        OtherCommand::InviteJoin,
        &sample("before-invite-join-group"),
        &[("ban:jared", None), ("ban:leckie", None)],
    );
    assert_eq!((all.outcome, all.basis), ("block", "global_ban"));
}

#[test]
fn unreadable_bodies_get_the_fail_mode_answer_in_the_commands_shape() {
    use timgate_engine::other_commands::undecidable_answer;
    assert_eq!(
        undecidable_answer(OtherCommand::CreateGroup, FailMode::Open),
        r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#
    );
    assert_eq!(
        undecidable_answer(OtherCommand::ApplyJoin, FailMode::Closed),
        r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":1}"#
    );
    let friend: Value =
        serde_json::from_str(&undecidable_answer(OtherCommand::FriendAdd, FailMode::Closed)).expect("JSON");
    assert_eq!((friend["ErrorCode"].as_u64(), friend["ResultItem"].as_array().map(Vec::len)), (Some(38000), Some(0)));
}

#[test]
fn review_events_per_callback_are_bounded() {
    use timgate_engine::other_commands::MAX_REVIEWS;
    let items: Vec<Value> =
        (0..200).map(|i| serde_json::json!({"Tag": format!("Tag_Profile_Custom_{i}"), "Value": "telegram"})).collect();
    let body = serde_json::json!({"CallbackCommand": "Profile.CallbackPortraitSet", "From_Account": "bob", "ProfileItem": items}).to_string();
    let outcome = run(OtherCommand::PortraitSet, &body, &[]);
    assert_eq!(outcome.reviews.len(), MAX_REVIEWS);
    assert!(outcome.problems.iter().any(|p| p.starts_with("184 more field(s) matched")), "{:?}", outcome.problems);
    assert!(outcome.matched.len() <= 64);
}

#[test]
fn a_group_created_with_a_banned_initial_member_is_refused_without_the_members_reason() {
    let body = sample("before-create-group");
    let outcome = run(OtherCommand::CreateGroup, &body, &[("ban:peter", Some(10150))]);
    assert_eq!(outcome.answer, r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":1}"#);
    assert_eq!(outcome.basis, "global_ban");
    assert_eq!(answer(&run(OtherCommand::CreateGroup, &body, &[]))["ErrorCode"], 0);
}
