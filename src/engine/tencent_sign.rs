//! Tencent's optional callback authentication: query parameters `RequestTime` (unix seconds)
//! and `Sign` = lowercase hex SHA-256 of `Token + RequestTime`. A plain hash, not an HMAC.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::engine::settings::CallbackToken;

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
    let matched = tokens.iter().fold(subtle::Choice::from(0), |any, token| {
        any | expected_sign(token.expose(), request_time).ct_eq(&given)
    });
    if bool::from(matched) {
        Ok(())
    } else {
        Err(SignError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::settings::Settings;

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
        let cases: &[(&str, Option<&str>, Option<&str>, i64, SignError)] = &[
            ("no sign", None, Some(VECTOR_TIME), NOW, SignError::Missing),
            ("no time", Some(VECTOR_SIGN), None, NOW, SignError::Missing),
            ("time garbage", Some(VECTOR_SIGN), Some("yesterday"), NOW, SignError::BadRequestTime),
            ("replayed later", Some(VECTOR_SIGN), Some(VECTOR_TIME), NOW + 61, SignError::Stale { skew: 61 }),
            ("from the future", Some(VECTOR_SIGN), Some(VECTOR_TIME), NOW - 61, SignError::Stale { skew: 61 }),
            ("short", Some(&VECTOR_SIGN[..63]), Some(VECTOR_TIME), NOW, SignError::Malformed),
            ("empty", Some(""), Some(VECTOR_TIME), NOW, SignError::Malformed),
            ("long", Some("17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d48406100"), Some(VECTOR_TIME), NOW, SignError::Malformed),
            ("not hex", Some("zz773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061"), Some(VECTOR_TIME), NOW, SignError::Malformed),
            ("one bit off", Some("17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484060"), Some(VECTOR_TIME), NOW, SignError::Mismatch),
        ];
        for (name, sign, time, now, expected) in cases {
            assert_eq!(verify(&t, *sign, *time, *now), Err(expected.clone()), "{name}");
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
        assert_eq!(
            verify(&tokens("new other"), Some(VECTOR_SIGN), Some(VECTOR_TIME), NOW),
            Err(SignError::Mismatch)
        );
    }
}
