//! The KV layout of the contract, in one place, so the worker and the rules tool agree.

/// The rule document for every group and C2C conversation.
pub const GLOBAL_RULES: &str = "rules";

/// The rule document for one group, merged over [`GLOBAL_RULES`].
pub fn group_rules(group_id: &str) -> String {
    format!("rules:group:{group_id}")
}

/// Where the precompiled blob of the rule document at `rules_key` is kept
/// (`rules:compiled`, `rules:group:<GroupId>:compiled`). Tencent GroupIds contain no `:`, so no
/// group's document key can end in `:compiled`. See `RuleSet::to_blob`.
pub fn compiled(rules_key: &str) -> String {
    format!("{rules_key}:compiled")
}

/// A ban on sending anywhere.
pub fn global_ban(user_id: &str) -> String {
    format!("ban:{user_id}")
}

/// A ban on sending in one group (a mute). Tencent UserIDs and GroupIds contain no `:`,
/// so this key cannot be confused with a global ban.
pub fn group_ban(group_id: &str, user_id: &str) -> String {
    format!("ban:{group_id}:{user_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_contract() {
        assert_eq!(group_rules("@TGS#2J4SZEAEL"), "rules:group:@TGS#2J4SZEAEL");
        assert_eq!(global_ban("jared"), "ban:jared");
        assert_eq!(compiled(GLOBAL_RULES), "rules:compiled");
        assert_eq!(compiled(&group_rules("@TGS#2J4SZEAEL")), "rules:group:@TGS#2J4SZEAEL:compiled");
        assert_eq!(group_ban("@TGS#2J4SZEAEL", "jared"), "ban:@TGS#2J4SZEAEL:jared");
    }
}
