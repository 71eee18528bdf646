//! The `timgate` binary as an operator runs it: arguments in, text and exit code out.
//! Commands that need KV (push, pull, diff, ban...) run against wrangler's local KV in
//! `tests/integration/rules-tool.test.mjs`; these need no KV.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The project's root, where an operator runs the tool (`npm run rules`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn timgate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_timgate"))
        .args(args)
        .current_dir(root())
        .env_remove("INIT_CWD")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn lines(output: &Output) -> Vec<String> {
    stdout(output).lines().map(str::to_owned).collect()
}

#[test]
fn validate_accepts_the_examples() {
    let out = timgate(&["validate", "examples/rules.json", "examples/group-rules.json"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("examples/rules.json: ok (version "), "{text}");
    assert!(text.contains("examples/group-rules.json: ok (version "), "{text}");
    assert!(text.contains(", 2 terms, monitor)"), "{text}");
}

#[test]
fn validate_reports_every_problem_with_its_place() {
    let out = timgate(&["validate", "tests/fixtures/rules/broken.json"]);
    assert_eq!(out.status.code(), Some(1));
    let f = "tests/fixtures/rules/broken.json";
    let expected = [
        format!("{f}:2:3: blocks: `blocks` is not a list: the lists are block, discard, mask, review and allow (did you mean `block`?)"),
        format!("{f}:4:40: block[0].code: code 10016 is outside 10100–10200 (groups), 120001–130000 (C2C) and 38000–39000 (friend requests)"),
        format!("{f}:5:15: block[1].term: the term \"BUY FOLLOWERS\" is the same as block[0].term after normalisation; the second entry never decides anything"),
        format!("{f}:6:15: block[2].term: the term is empty"),
        format!("{f}:7:23: block[3].action: a term's action is the list it is in, not an `action` field: move the entry to `discard`"),
        format!("{f}:9:30: mask[0].code: `code` applies to block terms only; a mask term ignores it"),
        format!("{f}:10:26: review[1]: expected a term (string) or {{\"term\": ...}}, found a number"),
        format!("{f}:11:13: allow[0]: the allow entry \"sextant\" contains no listed term, so it can never apply"),
        format!("{f}:12:16: mask_char: mask_char must be exactly one character, not \"##\""),
        format!("{f}:13:11: mode: mode must be \"enforce\" or \"monitor\", not \"dry-run\""),
        format!("{f}:14:3: owner: unknown field `owner`"),
        format!("{f}: 11 problem(s)"),
    ];
    assert_eq!(lines(&out), expected);
}

#[test]
fn validate_reports_syntax_errors_and_keeps_going() {
    let out = timgate(&["validate", "tests/fixtures/rules/not-json.json", "examples/rules.json"]);
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got[0], "tests/fixtures/rules/not-json.json:2:20: not valid JSON: trailing comma");
    assert!(got[2].starts_with("examples/rules.json: ok"), "{got:?}");
}

#[test]
fn validate_a_group_document_against_its_global_one() {
    let dir = std::env::temp_dir().join(format!("timgate-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let group = dir.join("group.json");
    std::fs::write(&group, r#"{"mask":["heck"],"allow":["sextant"]}"#).unwrap();
    let group = group.to_str().unwrap();
    assert_eq!(timgate(&["validate", group]).status.code(), Some(1), "alone, the allow entry protects nothing");
    let out = timgate(&["validate", group, "--global", "examples/rules.json"]);
    assert!(out.status.success(), "{}", stdout(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn explain_prints_the_answer_and_each_match() {
    let out = timgate(&["explain", "examples/rules.json", "you 傻逼, buy followers for my sextant"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let expected = [
        "verdict     block (ErrorCode 10101: forbidden, the sender sees an error)",
        r#"answer      {"ActionStatus":"OK","ErrorInfo":"Watch your language","ErrorCode":10101}"#,
        "message     Group.CallbackBeforeSendMsg in @TGS#explain",
        "  block \"傻逼\" (global document, enforced)",
        "    at          MsgBody[0].MsgContent.Text bytes 4..10",
        "    text        you [傻逼], buy followers for my sextant",
        "  block \"buy followers\" (global document, enforced)",
        // Punctuation is a gap: what the matcher compares.
        "    normalised  you 傻逼 [buy followers] for my sextant",
        "    term        \"buy followers\" → \"buy followers\"",
        "allowed     review \"sex*\" (global document) at MsgBody[0].MsgContent.Text bytes 33..36: inside an allowed word, not a match",
        "    text        you 傻逼, buy followers for my [sex]tant",
    ];
    for line in expected {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn explain_a_group_document_in_monitor_mode() {
    let out =
        timgate(&["explain", "examples/group-rules.json", "big spoiler: he dies", "--global", "examples/rules.json"]);
    let text = stdout(&out);
    for line in [
        "verdict     allow (ErrorCode 0: delivered unchanged)",
        "  block \"spoiler\" (group document, monitor: reported, not carried out)",
        "monitor     a monitor-mode document would have answered: block",
        "review      a review event goes to the origin (CallbackCommand=Timgate.Review)",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn explain_a_callback_body_and_a_masked_answer() {
    let seed = "tests/fixtures/seeds/before-room-message-sent.jsonc";
    assert!(root().join(seed).is_file());
    let out = timgate(&["explain", "examples/rules.json", "--body", seed]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).contains("message     Group.CallbackBeforeSendMsg in @TGS#2J4SZEAEL"));
    assert!(stdout(&out).contains("matches     none"));

    let out = timgate(&["explain", "examples/rules.json", "well DAMN"]);
    assert!(stdout(&out).contains(r#""MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"well ****"}}]"#));
}

#[test]
fn command_line_mistakes() {
    assert_eq!(timgate(&["explain", "examples/rules.json"]).status.code(), Some(2), "no text and no body");
    assert_eq!(timgate(&["push", "examples/rules.json", "--local", "--remote"]).status.code(), Some(2));
    let missing = timgate(&["validate", "no/such/file.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).starts_with("error: cannot read no/such/file.json"));
    let broken = timgate(&["explain", "tests/fixtures/rules/not-json.json", "x"]);
    assert!(String::from_utf8_lossy(&broken.stderr).contains("run `validate` for every problem"));
    let bad_duration = timgate(&["ban", "jared", "--for", "10", "--persist-to", "/nonexistent"]);
    assert_eq!(bad_duration.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad_duration.stderr).contains("is not a duration"));
}

/// `explain` used to ignore bans and answer `allow` for a banned sender (issue 11): it decides
/// through the worker's entry point, with the bans of a file (or of KV with --local/--remote).
#[test]
fn explain_applies_bans_like_the_worker() {
    let body = "tests/fixtures/seeds/before-room-message-sent.jsonc";
    let bans = "tests/fixtures/bans/muted-jared.json";
    let out = timgate(&["explain", "examples/rules.json", "--body", body, "--bans", bans]);
    assert!(out.status.success(), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains(r#"answer      {"ActionStatus":"OK","ErrorInfo":"Muted for spamming","ErrorCode":10150}"#),
        "{text}"
    );
    assert!(text.contains("ban         ban:@TGS#2J4SZEAEL:jared (until lifted"), "{text}");
    assert!(text.contains("bans        from the --bans file"), "{text}");
    let without = stdout(&timgate(&["explain", "examples/rules.json", "--body", body]));
    assert!(without.contains("bans        not consulted"), "{without}");
    assert!(!without.contains("Muted for spamming"), "{without}");
}

/// `timgate explain … | head -1` (issue 11): when the reader goes away, the tool drops the rest
/// of its output and ends with its usual exit code, without a panic. The read end is closed
/// before the child writes anything, so its first write already finds the pipe closed.
#[test]
fn a_closed_stdout_is_not_a_panic() {
    let seed = "tests/fixtures/seeds/before-room-message-sent.jsonc";
    let cases: [(&[&str], i32); 5] = [
        (&["explain", "examples/rules.json", "you 傻逼, buy followers for my sextant"], 0),
        (&["explain", "examples/rules.json", "--body", seed], 0),
        (&["validate", "tests/fixtures/rules/broken.json", "examples/rules.json"], 1),
        (&["--help"], 0),
        (&["explain", "--help"], 0),
    ];
    for (args, code) in cases {
        let mut child = Command::new(env!("CARGO_BIN_EXE_timgate"))
            .args(args)
            .current_dir(root())
            .env_remove("INIT_CWD")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("the binary ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    }
}

/// wrangler refuses a KV expiration less than 60 s after *its* clock, read a moment after the
/// tool's (issue 11: `ban --for 1m` failed). `until` is exactly now + the duration; the KV
/// expiration is a minute past `until`, and never sooner than two minutes from now.
/// `tests/fixtures/bin/fake-wrangler` records what the tool asked of KV.
#[cfg(unix)]
#[test]
fn a_ban_of_any_duration_gets_a_kv_expiration_wrangler_accepts() {
    let dir = std::env::temp_dir().join(format!("timgate-cli-ban-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fake = root().join("tests/fixtures/bin/fake-wrangler");
    for (duration, seconds) in [("1s", 1), ("59s", 59), ("1m", 60), ("90s", 90), ("10m", 600)] {
        let log = dir.join(format!("wrangler-{duration}.log"));
        let started = unix_now();
        let out = Command::new(env!("CARGO_BIN_EXE_timgate"))
            .args(["ban", "jared", "--for", duration, "--persist-to"])
            .arg(&dir)
            .current_dir(root())
            .env_remove("INIT_CWD")
            .env("TIMGATE_WRANGLER", &fake)
            .env("FAKE_WRANGLER_LOG", &log)
            .output()
            .expect("the binary runs");
        let finished = unix_now();
        assert!(out.status.success(), "{duration}: {}", String::from_utf8_lossy(&out.stderr));
        let logged = std::fs::read_to_string(&log).unwrap();
        let args: Vec<&str> = logged.lines().collect();
        let after = |flag: &str| args.iter().position(|a| *a == flag).map(|i| args[i + 1]).unwrap();
        let expiration: i64 = after("--expiration").parse().unwrap();
        let record: serde_json::Value = serde_json::from_str(after("--metadata")).unwrap();
        let until = record["until"].as_i64().unwrap();
        let now = until - seconds;
        assert!(started <= now && now <= finished, "{duration}: until is now + {seconds}: {logged}");
        assert_eq!(expiration, until.max(now + 60) + 60, "{duration}: {logged}");
    }
    let zero = timgate(&["ban", "jared", "--for", "0s", "--persist-to", "/nonexistent"]);
    assert_eq!(zero.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&zero.stderr).contains("\"0s\" is no time: a duration is at least 1s"));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn unix_now() -> i64 {
    let since_epoch = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
    i64::try_from(since_epoch.as_secs()).unwrap()
}
