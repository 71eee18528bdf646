//! Tencent's optional callback authentication: query parameters `RequestTime` (unix seconds)
//! and `Sign` = lowercase hex SHA-256 of `Token + RequestTime`. A plain hash, not an HMAC.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::settings::CallbackToken;

/// How far `RequestTime` may be from now, in seconds (protocol.md).
pub const MAX_SKEW_SECONDS: i64 = 60;

/// Why a request's signature was refused. Every variant is answered with HTTP 401.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum SignError {
    /// `Sign` or `RequestTime` is missing.
    #[error("Sign and RequestTime are required")]
    Missing,
    /// `RequestTime` is not an integer.
    #[error("RequestTime is not a unix time in seconds")]
    BadRequestTime,
    /// `RequestTime` is too far from now (a replay, or a badly wrong clock).
    #[error("RequestTime is {skew} s from now; at most {MAX_SKEW_SECONDS} s is accepted")]
    Stale {
        /// Seconds between `RequestTime` and now.
        skew: i64,
    },
    /// `Sign` is not 64 hex digits.
    #[error("Sign is not a 64-digit hex SHA-256")]
    Malformed,
    /// `Sign` does not match any configured token.
    #[error("Sign does not match")]
    Mismatch,
}

/// SHA-256 of `token + request_time`.
pub fn expected_sign(token: &str, request_time: &str) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(token.as_bytes());
    hash.update(request_time.as_bytes());
    hash.finalize().into()
}

/// Checks `sign`/`request_time` against every accepted token, in constant time per token.
pub fn verify(
    tokens: &[CallbackToken],
    sign: Option<&str>,
    request_time: Option<&str>,
    now_seconds: i64,
) -> Result<(), SignError> {
    let (Some(sign), Some(request_time)) = (sign, request_time) else {
        return Err(SignError::Missing);
    };
    let time: i64 = request_time.parse().map_err(|_| SignError::BadRequestTime)?;
    let skew = now_seconds.saturating_sub(time).saturating_abs();
    if skew > MAX_SKEW_SECONDS {
        return Err(SignError::Stale { skew });
    }
    // Length first: decoding fails on anything but exactly 32 bytes of hex.
    let mut given = [0u8; 32];
    hex::decode_to_slice(sign, &mut given).map_err(|_| SignError::Malformed)?;
    let matched = tokens
        .iter()
        .fold(subtle::Choice::from(0), |any, token| any | expected_sign(token.expose(), request_time).ct_eq(&given));
    if bool::from(matched) {
        Ok(())
    } else {
        Err(SignError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    const VECTOR_SIGN: &str = "17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061";
    const VECTOR_TIME: &str = "1669872112";
    const NOW: i64 = 1669872112;

    fn tokens(list: &str) -> Vec<CallbackToken> {
        Settings::from_lookup(|k| match k {
            "SDKAPPID" => Some("1".into()),
            "CALLBACK_TOKEN" => Some(list.into()),
            _ => None,
        })
        .unwrap()
        .callback_tokens
    }

    #[test]
    fn protocol_test_vector() {
        assert_eq!(hex::encode(expected_sign("xxxxyyyy", VECTOR_TIME)), VECTOR_SIGN);
        assert_eq!(verify(&tokens("xxxxyyyy"), Some(VECTOR_SIGN), Some(VECTOR_TIME), NOW), Ok(()));
    }

    #[test]
    fn uppercase_hex_is_the_same_signature() {
        let upper = VECTOR_SIGN.to_ascii_uppercase();
        assert_eq!(verify(&tokens("xxxxyyyy"), Some(&upper), Some(VECTOR_TIME), NOW), Ok(()));
    }

    #[test]
    fn refusals() {
        let t = tokens("xxxxyyyy");
        struct Case {
            name: &'static str,
            sign: Option<&'static str>,
            time: Option<&'static str>,
            now: i64,
            expected: SignError,
        }
        let cases = [
            Case { name: "no sign", sign: None, time: Some(VECTOR_TIME), now: NOW, expected: SignError::Missing },
            Case { name: "no time", sign: Some(VECTOR_SIGN), time: None, now: NOW, expected: SignError::Missing },
            Case {
                name: "time garbage",
                sign: Some(VECTOR_SIGN),
                time: Some("yesterday"),
                now: NOW,
                expected: SignError::BadRequestTime,
            },
            Case {
                name: "replayed later",
                sign: Some(VECTOR_SIGN),
                time: Some(VECTOR_TIME),
                now: NOW + 61,
                expected: SignError::Stale { skew: 61 },
            },
            Case {
                name: "from the future",
                sign: Some(VECTOR_SIGN),
                time: Some(VECTOR_TIME),
                now: NOW - 61,
                expected: SignError::Stale { skew: 61 },
            },
            Case {
                name: "short",
                sign: Some("17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d48406"),
                time: Some(VECTOR_TIME),
                now: NOW,
                expected: SignError::Malformed,
            },
            Case { name: "empty", sign: Some(""), time: Some(VECTOR_TIME), now: NOW, expected: SignError::Malformed },
            Case {
                name: "long",
                sign: Some("17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d48406100"),
                time: Some(VECTOR_TIME),
                now: NOW,
                expected: SignError::Malformed,
            },
            Case {
                name: "not hex",
                sign: Some("zz773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061"),
                time: Some(VECTOR_TIME),
                now: NOW,
                expected: SignError::Malformed,
            },
            Case {
                name: "one bit off",
                sign: Some("17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484060"),
                time: Some(VECTOR_TIME),
                now: NOW,
                expected: SignError::Mismatch,
            },
        ];
        for c in cases {
            assert_eq!(verify(&t, c.sign, c.time, c.now), Err(c.expected), "{}", c.name);
        }
    }

    #[test]
    fn boundary_of_the_window_is_accepted() {
        let t = tokens("xxxxyyyy");
        assert_eq!(verify(&t, Some(VECTOR_SIGN), Some(VECTOR_TIME), NOW + 60), Ok(()));
        assert_eq!(verify(&t, Some(VECTOR_SIGN), Some(VECTOR_TIME), NOW - 60), Ok(()));
    }

    #[test]
    fn either_token_verifies_during_rotation() {
        assert_eq!(verify(&tokens("new xxxxyyyy"), Some(VECTOR_SIGN), Some(VECTOR_TIME), NOW), Ok(()));
        assert_eq!(verify(&tokens("new other"), Some(VECTOR_SIGN), Some(VECTOR_TIME), NOW), Err(SignError::Mismatch));
    }
}
