//! Authentication of the operator endpoints (`/__timgate/...`): `Authorization: Bearer <ADMIN_TOKEN>`.
//! Without `ADMIN_TOKEN` the endpoints do not exist.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Path prefix reserved for operator endpoints; Tencent callbacks never use it.
pub const ADMIN_PREFIX: &str = "/__timgate/";

/// Whether `authorization` carries `token`. Both sides are hashed first, so the comparison
/// takes the same time whatever the lengths.
pub fn authorized(token: Option<&str>, authorization: Option<&str>) -> bool {
    let (Some(token), Some(header)) = (token.filter(|t| !t.is_empty()), authorization) else {
        return false;
    };
    let Some(given) = header.strip_prefix("Bearer ") else { return false };
    bool::from(Sha256::digest(given.trim().as_bytes()).ct_eq(&Sha256::digest(token.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_tokens() {
        assert!(authorized(Some("s3cret"), Some("Bearer s3cret")));
        for (token, header) in [
            (Some("s3cret"), Some("Bearer s3cre")),
            (Some("s3cret"), Some("s3cret")),
            (Some("s3cret"), None),
            (None, Some("Bearer ")),
            (Some(""), Some("Bearer ")),
        ] {
            assert!(!authorized(token, header), "{token:?} {header:?}");
        }
    }
}
