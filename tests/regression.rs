//! Hostile input that once got through, or could have: each case is named after what it showed,
//! and found by the bad-input review of issue 7 or by a fuzz target (`fuzz/`, `scripts/fuzz.sh`).
//! Body bytes in, answer out, through the engine's public API only.

use serde_json::value::RawValue;
use timgate_engine::callback::MessageCallback;
use timgate_engine::command::Conversation;
use timgate_engine::decision::{Basis, Lookup};
use timgate_engine::gate::{self, Context, Inputs, Request};
use timgate_engine::message_text::MessageText;
use timgate_engine::rule_set::RuleSet;
use timgate_engine::settings::FailMode;

const RULES: &str = r#"{"block":["buy followers"],"mask":["damn"]}"#;

/// The answer's fields, read without recursing into `MsgBody` (which may be deeper than
/// serde_json's limit: it is returned as deep as it came).
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Answer {
    error_code: u64,
    error_info: String,
    msg_body: Option<Box<RawValue>>,
}

impl PartialEq for Answer {
    fn eq(&self, other: &Self) -> bool {
        let body = |a: &Self| a.msg_body.as_ref().map(|b| b.get().to_owned());
        (self.error_code, &self.error_info, body(self)) == (other.error_code, &other.error_info, body(other))
    }
}

impl PartialEq<u64> for Answer {
    fn eq(&self, code: &u64) -> bool {
        self.error_code == *code
    }
}

/// Decides `body` with [`RULES`] through the engine's one entry point; returns the answer and the
/// basis.
fn decide_body(body: &[u8], fail_mode: FailMode) -> (Answer, Basis) {
    let rules = RuleSet::from_json(RULES).expect("rules parse");
    let context =
        Context { now_seconds: 1_700_000_000, fail_mode, sdk_app_id: "1400000000", event_nonce: "t", with_text: false };
    let request = Request { command: "Group.CallbackBeforeSendMsg", conversation: Conversation::Group, body };
    let outcome = gate::decide(request, |_| Inputs { global_rules: Lookup::Found(&rules), ..Inputs::none() }, &context)
        .expect("not refused");
    let basis = outcome.decision.as_ref().map_or(Basis::FailMode, |d| d.basis);
    (serde_json::from_str(&outcome.answer).expect("answer is JSON"), basis)
}

fn code(body: &[u8]) -> u64 {
    decide_body(body, FailMode::Open).0.error_code
}

fn text_element(text_json: &str) -> String {
    format!(r#"{{"MsgType":"TIMTextElem","MsgContent":{{"Text":{text_json}}}}}"#)
}

/// A merged-forward message `depth` levels deep with `inner` at the bottom.
fn relay(depth: usize, inner: &str) -> String {
    let mut element = inner.to_owned();
    for _ in 0..depth {
        element = format!(
            r#"{{"MsgType":"TIMRelayElem","MsgContent":{{"Title":"History","MsgList":[{{"From_Account":"a","MsgBody":[{element}]}}]}}}}"#
        );
    }
    element
}

fn body_with(elements: &[String], extra: &str) -> Vec<u8> {
    format!(r#"{{"GroupId":"@TGS#1","From_Account":"u"{extra},"MsgBody":[{}]}}"#, elements.join(",")).into_bytes()
}

/// serde_json refuses `\ud800` alone; the element holding it used to be skipped without a word,
/// so a block term next to half an emoji pair was delivered as if the rules had allowed it.
#[test]
fn lone_surrogate_in_text_no_longer_hides_the_element() {
    for text in [r#""buy followers \ud800""#, r#""\udc00buy followers""#, r#""buy \ud83d followers \ud83d""#] {
        let body = body_with(&[text_element(text)], "");
        // A lone surrogate reads as U+FFFD, which the matcher treats as a gap between words,
        // so even one wedged between the words of a term does not hide it.
        assert_eq!(code(&body), 1, "{text}");
    }
}

/// A lone surrogate in a descriptive field used to fail the whole body: the fail mode answered,
/// and with FAIL_MODE=open a block term in the text went through.
#[test]
fn lone_surrogate_in_a_descriptive_field_keeps_the_body_readable() {
    let body =
        body_with(&[text_element(r#""buy followers""#)], r#","CloudCustomData":"\udc00","Operator_Account":"\ud800""#);
    let (answer, basis) = decide_body(&body, FailMode::Open);
    assert_eq!((answer.error_code, basis), (1, Basis::Rules));
}

/// Invalid UTF-8 used to make the body unreadable (fail mode): it is read as U+FFFD now.
#[test]
fn invalid_utf8_is_read_as_replacement_characters() {
    let mut body = body_with(&[text_element(r#""buy followers XX""#)], "");
    let at = body.windows(2).position(|w| w == b"XX").expect("marker");
    body[at] = 0xff;
    body[at + 1] = 0xc3;
    assert_eq!(code(&body), 1);
    let callback = MessageCallback::parse(&body).expect("readable");
    let message = MessageText::collect(&callback);
    assert_eq!(message.segments[0].text, "buy followers \u{fffd}\u{fffd}");
}

/// Past 25 levels of merged-forward messages serde_json's recursion limit (128) refused the
/// element, and it was skipped without a word: the text at the bottom was never checked.
#[test]
fn relay_nested_past_serde_json_depth_limit_is_read() {
    for depth in [25, 26, 30, 100] {
        let element = relay(depth, &text_element(r#""buy followers""#));
        let (answer, basis) = decide_body(&body_with(&[element], ""), FailMode::Closed);
        assert_eq!((answer.error_code, basis), (1, Basis::Rules), "depth {depth}");
        let clean = relay(depth, &text_element(r#""hello""#));
        let (answer, basis) = decide_body(&body_with(&[clean], ""), FailMode::Closed);
        assert_eq!((answer.error_code, basis), (0, Basis::Rules), "depth {depth}: complete, so decided");
    }
}

/// Masking deep inside such an element writes into the original bytes: only the matched string
/// token changes, every other byte of the element stays as it was.
#[test]
fn masking_100_levels_deep_rewrites_only_the_matched_token() {
    let element = relay(100, &text_element(r#""oh damn \u00e9""#));
    let body = body_with(&[element.clone(), text_element(r#""untouched""#)], "");
    let (answer, _) = decide_body(&body, FailMode::Closed);
    assert_eq!(answer, 0);
    let masked = answer.msg_body.expect("masked body").get().to_owned();
    let expected =
        format!("[{},{}]", element.replace(r#""oh damn \u00e9""#, r#""oh **** é""#), text_element(r#""untouched""#));
    assert_eq!(masked, expected);
}

/// Custom `Data` holding JSON, deep in a relay: the strings inside are read and masked too.
#[test]
fn custom_data_deep_in_a_relay_is_read_and_masked() {
    let custom = r#"{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{\"text\":\"damn it\",\"n\":1}","Desc":"d"}}"#;
    let (answer, basis) = decide_body(&body_with(&[relay(40, custom)], ""), FailMode::Closed);
    assert_eq!((answer.error_code, basis), (0, Basis::Rules));
    let masked = answer.msg_body.expect("masked body");
    assert!(masked.get().contains(r#"\"text\":\"**** it\""#), "{masked}");
}

/// A shape no sender makes (thousands of values, each thousands of levels deep) used to be left
/// unread past a scan budget, and the fail mode answered. The lenient reader reads any shape in
/// one linear pass, and visible text is chosen by element type at every depth: strings under no
/// `MsgType` are not text a client shows, so the message is decided (allowed), in both fail modes,
/// and a block elsewhere in it still applies.
#[test]
fn adversarial_depth_is_read_whole_and_decided() {
    let mut deep = format!(r#"{{"Text":[{}]}}"#, vec![r#""buy followers""#; 40].join(","));
    for _ in 0..3000 {
        deep = format!(r#"{{"MsgContent":{deep}}}"#);
    }
    let body = body_with(&[deep.clone()], "");
    assert!(body.len() <= 64 * 1024);
    let callback = MessageCallback::parse(&body).expect("readable");
    assert!(MessageText::collect(&callback).segments.is_empty(), "no MsgType: nothing a client displays");
    for fail_mode in [FailMode::Open, FailMode::Closed] {
        assert_eq!(
            decide_body(&body, fail_mode),
            (Answer { error_code: 0, error_info: String::new(), msg_body: None }, Basis::Rules)
        );
    }
    let with_block = body_with(&[deep, text_element(r#""buy followers""#)], "");
    assert_eq!(decide_body(&with_block, FailMode::Open).0, 1);
}

/// serde_json refuses `NaN`, `Infinity` and numbers beyond `f64`, which JavaScript clients send;
/// a body with one anywhere was unreadable, and with FAIL_MODE=open a banned term in the same
/// message went through (issue 11).
#[test]
fn nan_infinity_and_huge_numbers_anywhere_leave_the_text_readable() {
    for slip in ["NaN", "-Infinity", "Infinity", "1e999", "123456789012345678901234567890123456789"] {
        let body = body_with(&[text_element(r#""buy followers""#)], &format!(r#","Random":{slip},"X":[{slip}]"#));
        assert!(serde_json::from_slice::<serde_json::Value>(&body).is_err() || slip.starts_with('1'), "{slip}");
        assert_eq!(
            decide_body(&body, FailMode::Open),
            (Answer { error_code: 1, error_info: String::new(), msg_body: None }, Basis::Rules),
            "{slip}"
        );
        let inside = format!(r#"{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"oh damn","N":{slip}}}}}"#);
        let (answer, _) = decide_body(&body_with(&[inside], ""), FailMode::Open);
        let masked: serde_json::Value =
            serde_json::from_str(answer.msg_body.expect("masked").get()).expect("strict JSON back");
        assert_eq!(masked[0]["MsgContent"]["Text"], "oh ****", "{slip}");
    }
}

/// Descriptive fields nested past the depth limit used to fail the whole body.
#[test]
fn descriptive_field_nested_too_deeply_is_ignored() {
    let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
    let body =
        body_with(&[text_element(r#""buy followers""#)], &format!(r#","CloudCustomData":{deep},"Random":{deep}"#));
    assert_eq!(code(&body), 1);
}

/// 10,000 elements (the most that fit in 64 KB): every one is read, the last one too.
#[test]
fn ten_thousand_elements_are_all_read() {
    let mut elements = vec!["{}".to_owned(); 9_999];
    elements.push(text_element(r#""buy followers""#));
    let body = body_with(&elements, "");
    assert!(body.len() <= 64 * 1024);
    assert_eq!(code(&body), 1);
}

/// Found by the `callback` fuzz target: a body that is JSON only to a lenient reader (a raw
/// control character in a key of another element, which masking copies as it came) gave a
/// masked `MsgBody` that was not JSON, and the answer left it out: the message went through
/// unmasked. Such a message is refused now; the same body as strict JSON is masked.
#[test]
fn a_mask_that_cannot_be_written_back_as_json_refuses_the_message() {
    let odd = |key: &str| format!(r#"{{"Odd":{{"{key}":"v"}}}}"#);
    let lenient = body_with(&[text_element(r#""damn it""#), odd("k\u{1}")], "");
    let (answer, _) = decide_body(&lenient, FailMode::Open);
    assert_eq!(answer.error_code, 1, "{answer:?}");
    assert!(answer.msg_body.is_none());
    let strict = body_with(&[text_element(r#""damn it""#), odd("k\\u0001")], "");
    let (answer, _) = decide_body(&strict, FailMode::Open);
    assert_eq!(answer.error_code, 0);
    let body = answer.msg_body.map(|b| b.get().to_owned()).unwrap_or_default();
    assert!(body.contains(r#""Text":"**** it""#) && body.contains(r#""k\u0001":"v""#), "{body}");
}

/// Found by the `callback` fuzz target (2026-11-30): a lone surrogate escape in a key of another
/// element (`"\ud800x"`) passed the check that the masked body is JSON (serde's skipping reader
/// does not pair surrogates), and the answer was not JSON: such a message is refused.
#[test]
fn a_mask_next_to_a_lone_surrogate_escape_refuses_the_message() {
    let odd = |key: &str| format!(r#"{{"Odd":{{"{key}":"v"}}}}"#);
    let body = body_with(&[text_element(r#""damn it""#), odd(r"\ud800x")], "");
    let (answer, _) = decide_body(&body, FailMode::Open);
    assert_eq!(answer.error_code, 1, "{answer:?}");
    assert!(answer.msg_body.is_none());
}
