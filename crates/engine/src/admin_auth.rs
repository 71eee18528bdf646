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
