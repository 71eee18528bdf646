//! Standard Webhooks signatures for what timgate passes on to the origin
//! (<https://www.standardwebhooks.com>): `webhook-id`, `webhook-timestamp`, and
//! `webhook-signature` = `v1,` + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)).
//!
//! Several keys may be configured during a secret rotation: the header then carries one
//! space-separated signature per key, and a receiver accepts the message if any verifies.

use std::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// Header carrying the stable event id.
pub const HEADER_ID: &str = "webhook-id";
/// Header carrying the unix time (seconds) of this delivery attempt.
pub const HEADER_TIMESTAMP: &str = "webhook-timestamp";
/// Header carrying the signatures.
pub const HEADER_SIGNATURE: &str = "webhook-signature";

const SECRET_PREFIX: &str = "whsec_";
const SIGNATURE_VERSION: &str = "v1,";
/// How far a receiver's clock may differ from the signer's, as in the Standard Webhooks reference.
pub const TOLERANCE_SECONDS: i64 = 5 * 60;

/// A signing secret that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SecretError {
    /// The secret decodes to no bytes.
    #[error("the secret is empty")]
    Empty,
    /// The secret is not base64 (after an optional `whsec_` prefix).
    #[error("the secret is not base64 (expected whsec_<base64>)")]
    NotBase64,
}

/// Why a signature did not verify.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum VerifyError {
    /// The timestamp is not a unix time in seconds.
    #[error("the timestamp is not a number")]
    BadTimestamp,
    /// The timestamp is further than [`TOLERANCE_SECONDS`] from now.
    #[error("the timestamp is outside the tolerance window")]
    StaleTimestamp,
    /// No signature in the header matches.
    #[error("no signature matches")]
    NoMatch,
}

/// An HMAC key. `Debug` never prints it.
#[derive(Clone)]
pub struct SigningKey(Vec<u8>);

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

impl SigningKey {
    /// Decodes `whsec_<base64>` (the prefix is optional).
    pub fn from_secret(secret: &str) -> Result<Self, SecretError> {
        let encoded = secret.strip_prefix(SECRET_PREFIX).unwrap_or(secret);
        let bytes = BASE64.decode(encoded).map_err(|_| SecretError::NotBase64)?;
        if bytes.is_empty() {
            return Err(SecretError::Empty);
        }
        Ok(Self(bytes))
    }

    fn mac(&self, id: &str, timestamp: i64, body: &[u8]) -> [u8; 32] {
        // new_from_slice accepts keys of any length for HMAC, so this cannot fail.
        let mut mac = match Hmac::<Sha256>::new_from_slice(&self.0) {
            Ok(mac) => mac,
            Err(_) => unreachable!("HMAC takes keys of any length"),
        };
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        mac.finalize().into_bytes().into()
    }

    /// One `v1,<base64>` signature.
    pub fn sign(&self, id: &str, timestamp: i64, body: &[u8]) -> String {
        format!("{SIGNATURE_VERSION}{}", BASE64.encode(self.mac(id, timestamp, body)))
    }
}

/// The `webhook-signature` header value for `keys` (one signature per key, space-separated).
pub fn signature_header(keys: &[SigningKey], id: &str, timestamp: i64, body: &[u8]) -> String {
    keys.iter().map(|k| k.sign(id, timestamp, body)).collect::<Vec<_>>().join(" ")
}

/// Verifies a `webhook-signature` header as a receiver would, including the timestamp window.
pub fn verify(
    keys: &[SigningKey],
    id: &str,
    timestamp: &str,
    body: &[u8],
    header: &str,
    now: i64,
) -> Result<(), VerifyError> {
    let ts: i64 = timestamp.parse().map_err(|_| VerifyError::BadTimestamp)?;
    if (now - ts).abs() > TOLERANCE_SECONDS {
        return Err(VerifyError::StaleTimestamp);
    }
    verify_ignoring_timestamp(keys, id, ts, body, header)
}

/// Verifies the signatures only.
pub fn verify_ignoring_timestamp(
    keys: &[SigningKey],
    id: &str,
    timestamp: i64,
    body: &[u8],
    header: &str,
) -> Result<(), VerifyError> {
    for candidate in header.split_whitespace() {
        let Some(encoded) = candidate.strip_prefix(SIGNATURE_VERSION) else { continue };
        let Ok(given) = BASE64.decode(encoded) else { continue };
        for key in keys {
            let expected = key.mac(id, timestamp, body);
            // Length first: a truncated signature must never compare equal (svix #1190).
            if given.len() == expected.len() && bool::from(given.ct_eq(&expected)) {
                return Ok(());
            }
        }
    }
    Err(VerifyError::NoMatch)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Known-answer vector published with the Standard Webhooks / svix libraries.
    const SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    const ID: &str = "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk";
    const TS: i64 = 1649367553;
    const BODY: &[u8] = br#"{"email":"test@example.com","username":"test_user"}"#;
    const EXPECTED: &str = "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=";

    fn key() -> SigningKey {
        SigningKey::from_secret(SECRET).unwrap()
    }

    #[test]
    fn known_answer() {
        assert_eq!(key().sign(ID, TS, BODY), EXPECTED);
    }

    #[test]
    fn prefix_is_optional() {
        let bare = SigningKey::from_secret(SECRET.trim_start_matches("whsec_")).unwrap();
        assert_eq!(bare.sign(ID, TS, BODY), EXPECTED);
    }

    #[test]
    fn bad_secrets_are_refused() {
        assert_eq!(SigningKey::from_secret("whsec_").unwrap_err(), SecretError::Empty);
        assert_eq!(SigningKey::from_secret("whsec_***").unwrap_err(), SecretError::NotBase64);
    }

    #[test]
    fn verify_accepts_and_rejects() {
        let keys = [key()];
        assert_eq!(verify(&keys, ID, "1649367553", BODY, EXPECTED, TS + 10), Ok(()));
        assert_eq!(verify(&keys, ID, "1649367553", b"{}", EXPECTED, TS), Err(VerifyError::NoMatch));
        assert_eq!(
            verify(&keys, ID, "1649367553", BODY, EXPECTED, TS + TOLERANCE_SECONDS + 1),
            Err(VerifyError::StaleTimestamp)
        );
        assert_eq!(verify(&keys, ID, "soon", BODY, EXPECTED, TS), Err(VerifyError::BadTimestamp));
    }

    #[test]
    fn partial_signature_never_verifies() {
        // Regression in the spirit of svix #1190: an empty or truncated signature is not a prefix match.
        let keys = [key()];
        for header in ["v1,", "v1,tZ1I4/hDygAJgO5T", "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kk"] {
            assert_eq!(verify_ignoring_timestamp(&keys, ID, TS, BODY, header), Err(VerifyError::NoMatch), "{header}");
        }
    }

    #[test]
    fn rotation_signs_with_every_key_and_verifies_with_either() {
        let old = key();
        let new = SigningKey::from_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let header = signature_header(&[old.clone(), new.clone()], ID, TS, BODY);
        assert_eq!(header.split(' ').count(), 2);
        assert_eq!(verify_ignoring_timestamp(&[new], ID, TS, BODY, &header), Ok(()));
        assert_eq!(verify_ignoring_timestamp(&[old], ID, TS, BODY, &header), Ok(()));
    }

    #[test]
    fn debug_redacts() {
        assert_eq!(format!("{:?}", key()), "SigningKey(<redacted>)");
    }
}
