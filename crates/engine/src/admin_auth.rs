//! Authentication of the operator endpoints (`/__timgate/...`): `Authorization: Bearer <ADMIN_TOKEN>`.
//! Without `ADMIN_TOKEN` the endpoints do not exist.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Path prefix reserved for operator endpoints; Tencent callbacks never use it.
pub const ADMIN_PREFIX: &str = "/__timgate/";

/// Whether `authorization` carries one of the tokens in `token` (several, separated by
/// whitespace, during a rotation). Both sides are hashed first, and every token is compared,
/// so the comparison takes the same time whatever the lengths and whichever token matched.
pub fn authorized(token: Option<&str>, authorization: Option<&str>) -> bool {
    let (Some(tokens), Some(header)) = (token, authorization) else {
        return false;
    };
    let Some(given) = header.strip_prefix("Bearer ") else { return false };
    let given = Sha256::digest(given.trim().as_bytes());
    let matched = tokens
        .split_whitespace()
        .fold(subtle::Choice::from(0), |any, token| any | given.ct_eq(&Sha256::digest(token.as_bytes())));
    bool::from(matched)
}

/// Why an operator request was refused, for the message it gets (never which token was near).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No `Authorization: Bearer ...` header at all.
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

/// [`authorized`], saying why not.
pub fn check(token: Option<&str>, authorization: Option<&str>) -> Result<(), Refusal> {
    let bearer = authorization.is_some_and(|h| h.strip_prefix("Bearer ").is_some_and(|t| !t.trim().is_empty()));
    match (authorized(token, authorization), bearer) {
        (true, _) => Ok(()),
        (false, true) => Err(Refusal::WrongToken),
        (false, false) => Err(Refusal::NoBearer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_tokens_during_a_rotation() {
        assert!(authorized(Some("old new"), Some("Bearer old")));
        assert!(authorized(Some(" old\tnew "), Some("Bearer new")));
        assert!(!authorized(Some("old new"), Some("Bearer other")));
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
        assert!(authorized(Some("s3cret"), Some("Bearer s3cret")));
        for (token, header) in [
            (Some("s3cret"), Some("Bearer s3cre")),
            (Some("s3cret"), Some("s3cret")),
            (Some("s3cret"), None),
            (None, Some("Bearer ")),
            (Some(""), Some("Bearer ")),
            (Some("  "), Some("Bearer  ")),
            (Some("old new"), Some("Bearer old new")),
        ] {
            assert!(!authorized(token, header), "{token:?} {header:?}");
        }
    }
}
