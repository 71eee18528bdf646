//! The JSON answer Tencent expects: always HTTP 200 with
//! `{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":N}`, plus the modified fields of a masked message.

use serde::Serialize;
use serde_json::value::RawValue;

use crate::decision::Verdict;

#[derive(Serialize)]
struct Answer<'a> {
    #[serde(rename = "ActionStatus")]
    action_status: &'static str,
    #[serde(rename = "ErrorInfo")]
    error_info: &'a str,
    #[serde(rename = "ErrorCode")]
    error_code: u32,
    #[serde(rename = "MsgBody", skip_serializing_if = "Option::is_none")]
    msg_body: Option<&'a RawValue>,
    #[serde(rename = "CloudCustomData", skip_serializing_if = "Option::is_none")]
    cloud_custom_data: Option<&'a str>,
}

/// `ErrorCode` for a silently discarded message.
pub const DISCARD: u32 = 2;

/// The answer that lets a message (or any notification) through unchanged.
pub const OK: &str = r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#;

/// Renders a verdict.
pub fn render(verdict: &Verdict) -> String {
    let mut answer =
        Answer { action_status: "OK", error_info: "", error_code: 0, msg_body: None, cloud_custom_data: None };
    let raw_body;
    match verdict {
        Verdict::Deliver => {}
        Verdict::Modify(masked) => {
            // decision::decide refuses a message whose masked body is not JSON; should one
            // reach here anyway, the answer stays JSON (the body is left out).
            raw_body = masked.msg_body.as_deref().and_then(|b| RawValue::from_string(b.to_owned()).ok());
            answer.msg_body = raw_body.as_deref();
            answer.cloud_custom_data = masked.cloud_custom_data.as_deref();
        }
        Verdict::Forbid { code, info } => {
            answer.error_code = *code;
            answer.error_info = info;
        }
        Verdict::Discard => answer.error_code = DISCARD,
    }
    serde_json::to_string(&answer).unwrap_or_else(|_| OK.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message_text::MaskedMessage;

    #[test]
    fn answers() {
        assert_eq!(render(&Verdict::Deliver), OK);
        assert_eq!(render(&Verdict::Discard), r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":2}"#);
        assert_eq!(
            render(&Verdict::Forbid { code: 10101, info: "Watch \"it\"".into() }),
            r#"{"ActionStatus":"OK","ErrorInfo":"Watch \"it\"","ErrorCode":10101}"#
        );
        let masked = MaskedMessage {
            msg_body: Some(r#"[{"MsgType":"TIMTextElem","MsgContent":{"Text":"****"}}]"#.into()),
            cloud_custom_data: Some("c".into()),
        };
        assert_eq!(
            render(&Verdict::Modify(masked)),
            r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"****"}}],"CloudCustomData":"c"}"#
        );
    }
}
