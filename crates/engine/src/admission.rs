//! The checks a request passes before its body is read: method, query string, app id,
//! Tencent's signature, and (once read) the body size. A refused request gets an HTTP error
//! with a JSON body; everything after admission is answered with HTTP 200.

use serde::Serialize;

use crate::command::{self, Route};
use crate::settings::Settings;
use crate::tencent_sign::{self, SignError};

/// Largest body accepted. A Tencent message is at most 12 KB; the rest is headroom for
/// envelopes, escapes and merged-forward messages.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The query parameters timgate reads. Everything else in the query string is passed on untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackQuery {
    /// `SdkAppid`.
    pub sdk_app_id: String,
    /// `CallbackCommand`.
    pub command: String,
    /// `ClientIP`, when present.
    pub client_ip: Option<String>,
    /// `OptPlatform`, when present (any value is accepted).
    pub platform: Option<String>,
}

/// A request that passed admission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admitted {
    /// What the query string said.
    pub query: CallbackQuery,
    /// Where the callback goes.
    pub route: Route,
}

/// Why a request was refused: the HTTP status and the JSON body that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// HTTP status.
    #[serde(skip)]
    pub status: u16,
    /// Stable machine-readable reason (documented in the README).
    pub error: &'static str,
    /// Human-readable detail.
    pub message: String,
}

impl Rejection {
    fn new(status: u16, error: &'static str, message: impl Into<String>) -> Self {
        Self { status, error, message: message.into() }
    }

    /// The JSON body.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{\"error\":\"internal\"}"))
    }
}

/// Parameters that must not appear twice: a second copy could smuggle a different app or command
/// past a proxy that reads the first one.
const SINGLE_VALUED: [&str; 4] = ["SdkAppid", "CallbackCommand", "Sign", "RequestTime"];

/// Checks method, query string and signature. `now_seconds` is the current unix time.
pub fn admit(settings: &Settings, method: &str, query: &str, now_seconds: i64) -> Result<Admitted, Rejection> {
    if !method.eq_ignore_ascii_case("POST") {
        return Err(Rejection::new(405, "method_not_allowed", "Tencent callbacks are POST requests"));
    }
    let params = QueryParams::parse(query)?;
    let sdk_app_id = params.get("SdkAppid");
    if sdk_app_id != Some(settings.sdk_app_id.as_str()) {
        return Err(Rejection::new(
            403,
            "wrong_sdkappid",
            format!("SdkAppid {:?} is not this app's", sdk_app_id.unwrap_or("")),
        ));
    }
    if !settings.callback_tokens.is_empty() {
        tencent_sign::verify(&settings.callback_tokens, params.get("Sign"), params.get("RequestTime"), now_seconds)
            .map_err(|e: SignError| Rejection::new(401, "bad_signature", e.to_string()))?;
    }
    let command = params.get("CallbackCommand").unwrap_or("");
    if !command::is_well_formed(command) {
        return Err(Rejection::new(400, "bad_command", "CallbackCommand is missing or malformed"));
    }
    Ok(Admitted {
        route: command::route(command),
        query: CallbackQuery {
            sdk_app_id: settings.sdk_app_id.clone(),
            command: command.to_owned(),
            client_ip: params.get("ClientIP").map(str::to_owned),
            platform: params.get("OptPlatform").map(str::to_owned),
        },
    })
}

/// Refuses a body over [`MAX_BODY_BYTES`] (checked on `Content-Length` and again while reading).
pub fn check_body_size(len: usize) -> Result<(), Rejection> {
    if len > MAX_BODY_BYTES {
        Err(Rejection::new(413, "body_too_large", format!("bodies over {MAX_BODY_BYTES} bytes are refused")))
    } else {
        Ok(())
    }
}

/// Refuses a body whose `CallbackCommand` differs from the query string's.
pub fn check_command_matches(query_command: &str, body_command: Option<&str>) -> Result<(), Rejection> {
    match body_command {
        Some(body) if body != query_command => Err(Rejection::new(
            400,
            "command_mismatch",
            format!("CallbackCommand is {query_command:?} in the query but {body:?} in the body"),
        )),
        _ => Ok(()),
    }
}

struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    fn parse(query: &str) -> Result<Self, Rejection> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        for name in SINGLE_VALUED {
            if pairs.iter().filter(|(k, _)| k == name).count() > 1 {
                return Err(Rejection::new(400, "duplicate_parameter", format!("{name} appears more than once")));
            }
        }
        Ok(Self(pairs))
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Conversation;

    fn settings(token: Option<&str>) -> Settings {
        Settings::from_lookup(|k| match k {
            "SDKAPPID" => Some("1400000000".into()),
            "CALLBACK_TOKEN" => token.map(String::from),
            _ => None,
        })
        .unwrap()
    }

    const Q: &str = "SdkAppid=1400000000&CallbackCommand=Group.CallbackBeforeSendMsg&contenttype=json&ClientIP=127.0.0.1&OptPlatform=iOS";

    #[test]
    fn admits_a_plain_callback() {
        let a = admit(&settings(None), "POST", Q, 0).unwrap();
        assert_eq!(a.route, Route::DecideMessage(Conversation::Group));
        assert_eq!(a.query.command, "Group.CallbackBeforeSendMsg");
        assert_eq!(a.query.platform.as_deref(), Some("iOS"));
    }

    #[test]
    fn refusals_carry_status_and_reason() {
        let signed = "SdkAppid=1400000000&CallbackCommand=Group.CallbackBeforeSendMsg&RequestTime=1669872112&Sign=17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061";
        struct Case {
            name: &'static str,
            token: Option<&'static str>,
            method: &'static str,
            query: &'static str,
            now: i64,
            status: u16,
            error: &'static str,
        }
        let cases = [
            Case {
                name: "GET",
                token: None,
                method: "GET",
                query: Q,
                now: 0,
                status: 405,
                error: "method_not_allowed",
            },
            Case {
                name: "other app",
                token: None,
                method: "POST",
                query: "SdkAppid=1&CallbackCommand=X.Y",
                now: 0,
                status: 403,
                error: "wrong_sdkappid",
            },
            Case {
                name: "no app",
                token: None,
                method: "POST",
                query: "CallbackCommand=X.Y",
                now: 0,
                status: 403,
                error: "wrong_sdkappid",
            },
            Case {
                name: "no command",
                token: None,
                method: "POST",
                query: "SdkAppid=1400000000",
                now: 0,
                status: 400,
                error: "bad_command",
            },
            Case {
                name: "two apps",
                token: None,
                method: "POST",
                query: "SdkAppid=1400000000&SdkAppid=1&CallbackCommand=X.Y",
                now: 0,
                status: 400,
                error: "duplicate_parameter",
            },
            Case {
                name: "unsigned",
                token: Some("xxxxyyyy"),
                method: "POST",
                query: Q,
                now: 1669872112,
                status: 401,
                error: "bad_signature",
            },
            Case {
                name: "replayed",
                token: Some("xxxxyyyy"),
                method: "POST",
                query: signed,
                now: 1669872112 + 3600,
                status: 401,
                error: "bad_signature",
            },
            Case {
                name: "other token",
                token: Some("zzzz"),
                method: "POST",
                query: signed,
                now: 1669872112,
                status: 401,
                error: "bad_signature",
            },
        ];
        for c in cases {
            let r = admit(&settings(c.token), c.method, c.query, c.now).unwrap_err();
            assert_eq!((r.status, r.error), (c.status, c.error), "{}", c.name);
            assert!(r.to_json().contains(c.error), "{}", c.name);
        }
    }

    #[test]
    fn signed_request_is_admitted() {
        let signed = "SdkAppid=1400000000&CallbackCommand=Group.CallbackBeforeSendMsg&RequestTime=1669872112&Sign=17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061";
        assert!(admit(&settings(Some("xxxxyyyy")), "post", signed, 1669872112 + 5).is_ok());
    }

    #[test]
    fn body_size_limit_is_inclusive() {
        assert!(check_body_size(MAX_BODY_BYTES).is_ok());
        assert_eq!(check_body_size(MAX_BODY_BYTES + 1).unwrap_err().status, 413);
    }

    #[test]
    fn command_cross_check() {
        assert!(check_command_matches("A.B", None).is_ok());
        assert!(check_command_matches("A.B", Some("A.B")).is_ok());
        assert_eq!(check_command_matches("A.B", Some("A.C")).unwrap_err().error, "command_mismatch");
    }
}
