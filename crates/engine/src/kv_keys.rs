//! The KV layout of the contract, in one place, so the worker and the rules tool agree.

use crate::command::Conversation;

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

/// The keys one before-send callback is decided from. The worker reads exactly these, and the
/// rules tool's `explain` applies exactly the documents they name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionKeys {
    /// `rules`: always.
    pub global_rules: &'static str,
    /// `rules:group:<GroupId>`: group messages with a `GroupId` only.
    pub group_rules: Option<String>,
    /// `ban:<UserID>`: when the sender is known.
    pub global_ban: Option<String>,
    /// `ban:<GroupId>:<UserID>`: group messages with both.
    pub group_ban: Option<String>,
}

impl DecisionKeys {
    /// The keys for a callback in `conversation` from `from_account`, in `group_id`. Group
    /// inputs exist only for group messages: a C2C body that carries a `GroupId` is not in a group.
    pub fn for_message(conversation: Conversation, group_id: Option<&str>, from_account: Option<&str>) -> Self {
        let group = match conversation {
            Conversation::Group => group_id.filter(|g| !g.is_empty()),
            Conversation::C2c | Conversation::Friend => None,
        };
        let user = from_account.filter(|u| !u.is_empty());
        Self {
            global_rules: GLOBAL_RULES,
            group_rules: group.map(group_rules),
            global_ban: user.map(global_ban),
            group_ban: group.zip(user).map(|(g, u)| group_ban(g, u)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_keys_follow_the_conversation() {
        let group = DecisionKeys::for_message(Conversation::Group, Some("@TGS#1"), Some("jared"));
        assert_eq!(group.group_rules.as_deref(), Some("rules:group:@TGS#1"));
        assert_eq!(group.group_ban.as_deref(), Some("ban:@TGS#1:jared"));
        assert_eq!(group.global_ban.as_deref(), Some("ban:jared"));
        let c2c = DecisionKeys::for_message(Conversation::C2c, Some("@TGS#1"), Some("jared"));
        assert_eq!((c2c.group_rules, c2c.group_ban), (None, None));
        let anonymous = DecisionKeys::for_message(Conversation::Group, Some(""), Some(""));
        assert_eq!(
            anonymous,
            DecisionKeys { global_rules: "rules", group_rules: None, global_ban: None, group_ban: None }
        );
    }

    #[test]
    fn keys_follow_the_contract() {
        assert_eq!(group_rules("@TGS#2J4SZEAEL"), "rules:group:@TGS#2J4SZEAEL");
        assert_eq!(global_ban("jared"), "ban:jared");
        assert_eq!(compiled(GLOBAL_RULES), "rules:compiled");
        assert_eq!(compiled(&group_rules("@TGS#2J4SZEAEL")), "rules:group:@TGS#2J4SZEAEL:compiled");
        assert_eq!(group_ban("@TGS#2J4SZEAEL", "jared"), "ban:@TGS#2J4SZEAEL:jared");
    }
}
