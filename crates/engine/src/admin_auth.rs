//! Authentication of the operator endpoints (`/__timgate/...`): `Authorization: Bearer <ADMIN_TOKEN>`.
//! Without `ADMIN_TOKEN` the endpoints do not exist.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Path prefix reserved for operator endpoints; Tencent callbacks never use it.
pub const ADMIN_PREFIX: &str = "/__timgate/";

/// Why an operator request was refused, for the message it gets (never which token was near).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No `Authorization: Bearer ...` header with a token in it.
    NoBearer,
    /// A bearer token that is not one of the configured tokens.
    WrongToken,
}

impl Refusal {
    /// What the operator is told.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::NoBearer => "Authorization: Bearer <ADMIN_TOKEN> required",
            Refusal::WrongToken => "the bearer token sent is not the worker's ADMIN_TOKEN",
        }
    }
}

/// Whether `authorization` carries one of the tokens in `token` (several, separated by
/// whitespace, during a rotation), and if not, why. Both sides are hashed first, and every token
/// is compared, so the comparison takes the same time whatever the lengths and whichever token
/// matched.
pub fn check(token: Option<&str>, authorization: Option<&str>) -> Result<(), Refusal> {
    let given = authorization
        .and_then(|header| header.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|given| !given.is_empty())
        .ok_or(Refusal::NoBearer)?;
    let given = Sha256::digest(given.as_bytes());
    let matched = token
        .unwrap_or_default()
        .split_whitespace()
        .fold(subtle::Choice::from(0), |any, token| any | given.ct_eq(&Sha256::digest(token.as_bytes())));
    if bool::from(matched) {
        Ok(())
    } else {
        Err(Refusal::WrongToken)
    }
}

/// Which token an accepted `authorization` carried, for the log of operator writes: the first
/// 12 hex digits of its SHA-256 (tells the tokens of a rotation apart, reveals nothing usable).
pub fn fingerprint(authorization: &str) -> String {
    let given = authorization.strip_prefix("Bearer ").unwrap_or(authorization).trim();
    hex::encode(Sha256::digest(given.as_bytes())).chars().take(12).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_tell_tokens_apart_without_showing_them() {
        let a = fingerprint("Bearer first-token");
        assert_eq!(a.len(), 12);
        assert_eq!(a, fingerprint("Bearer  first-token "));
        assert_ne!(a, fingerprint("Bearer second-token"));
        assert!(!a.contains("first"));
    }

    #[test]
    fn several_tokens_during_a_rotation() {
        assert!(check(Some("old new"), Some("Bearer old")).is_ok());
        assert!(check(Some(" old\tnew "), Some("Bearer new")).is_ok());
        assert!(check(Some("old new"), Some("Bearer other")).is_err());
    }

    #[test]
    fn a_refusal_says_whether_a_token_was_sent() {
        assert_eq!(check(Some("s3cret"), Some("Bearer s3cret")), Ok(()));
        assert_eq!(check(Some("s3cret"), Some("Bearer nope")), Err(Refusal::WrongToken));
        for header in [None, Some("s3cret"), Some("Basic czNjcmV0"), Some("Bearer "), Some("Bearer   ")] {
            assert_eq!(check(Some("s3cret"), header), Err(Refusal::NoBearer), "{header:?}");
        }
    }

    #[test]
    fn bearer_tokens() {
        assert!(check(Some("s3cret"), Some("Bearer s3cret")).is_ok());
        for (token, header) in [
            (Some("s3cret"), Some("Bearer s3cre")),
            (Some("s3cret"), Some("s3cret")),
            (Some("s3cret"), None),
            (None, Some("Bearer ")),
            (Some(""), Some("Bearer ")),
            (Some("  "), Some("Bearer  ")),
            (Some("old new"), Some("Bearer old new")),
        ] {
            assert!(check(token, header).is_err(), "{token:?} {header:?}");
        }
    }
}
