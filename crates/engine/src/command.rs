//! Routing by `CallbackCommand`: which commands timgate decides itself, and how the rest
//! travel to the origin.

/// Whether a message goes to a group (or Live room) or one-to-one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversation {
    /// `Group.*`: groups, communities and Live (AVChatRoom) rooms.
    Group,
    /// `C2C.*`: one-to-one messages.
    C2c,
    /// `Sns.*`: friend requests and responses (refused per item).
    Friend,
}

impl Conversation {
    /// Every kind, for checks that hold for all of them.
    pub const ALL: [Conversation; 3] = [Conversation::Group, Conversation::C2c, Conversation::Friend];

    /// Whether `code` is a custom refusal code of some kind of conversation (what a rule
    /// document's `code` may be).
    pub fn is_custom_code(code: u32) -> bool {
        Self::ALL.iter().any(|c| c.custom_code_range().contains(&code))
    }

    /// The range of custom forbid codes Tencent passes to the sender's client.
    pub fn custom_code_range(self) -> std::ops::RangeInclusive<u32> {
        match self {
            Conversation::Group => 10100..=10200,
            Conversation::C2c => 120001..=130000,
            Conversation::Friend => 38000..=39000,
        }
    }
}

/// What timgate does with a callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// A before-send message callback: decided here, from rules and bans.
    DecideMessage(Conversation),
    /// An after-send message callback: answered at once, passed on to the origin.
    ForwardMessage(Conversation),
    /// Another before-type command (`...Before...`, `...Prev...`): the origin decides,
    /// synchronously, within Tencent's budget.
    AskOrigin,
    /// Any other notification: answered at once, passed on to the origin.
    Forward,
}

/// Group before-send (groups and Live rooms).
pub const GROUP_BEFORE_SEND: &str = "Group.CallbackBeforeSendMsg";
/// Group after-send.
pub const GROUP_AFTER_SEND: &str = "Group.CallbackAfterSendMsg";
/// One-to-one before-send.
pub const C2C_BEFORE_SEND: &str = "C2C.CallbackBeforeSendMsg";
/// One-to-one after-send.
pub const C2C_AFTER_SEND: &str = "C2C.CallbackAfterSendMsg";

/// Longest command name accepted; Tencent's longest is about 40 characters.
const MAX_COMMAND_LEN: usize = 64;

/// Routes a command name. Unknown names are notifications unless they wait for an answer.
pub fn route(command: &str) -> Route {
    match command {
        GROUP_BEFORE_SEND => Route::DecideMessage(Conversation::Group),
        C2C_BEFORE_SEND => Route::DecideMessage(Conversation::C2c),
        GROUP_AFTER_SEND => Route::ForwardMessage(Conversation::Group),
        C2C_AFTER_SEND => Route::ForwardMessage(Conversation::C2c),
        other if waits_for_answer(other) => Route::AskOrigin,
        _ => Route::Forward,
    }
}

/// Tencent's naming rule: commands whose callback name starts with `Before` or `Prev` wait for
/// an answer that decides (`Group.CallbackBeforeCreateGroup`, `Sns.CallbackPrevFriendAdd`).
fn waits_for_answer(command: &str) -> bool {
    let name = command.rsplit('.').next().unwrap_or(command);
    let name = name.strip_prefix("Callback").unwrap_or(name);
    name.starts_with("Before") || name.starts_with("Prev")
}

/// A command name we are willing to route and log: ASCII letters, digits, `.` and `_`.
pub fn is_well_formed(command: &str) -> bool {
    !command.is_empty()
        && command.len() <= MAX_COMMAND_LEN
        && command.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        let cases = [
            ("Group.CallbackBeforeSendMsg", Route::DecideMessage(Conversation::Group)),
            ("C2C.CallbackBeforeSendMsg", Route::DecideMessage(Conversation::C2c)),
            ("Group.CallbackAfterSendMsg", Route::ForwardMessage(Conversation::Group)),
            ("C2C.CallbackAfterSendMsg", Route::ForwardMessage(Conversation::C2c)),
            ("Group.CallbackBeforeCreateGroup", Route::AskOrigin),
            ("Group.CallbackBeforeApplyJoinGroup", Route::AskOrigin),
            ("Group.CallbackBeforeInviteJoinGroup", Route::AskOrigin),
            ("Group.CallbackBeforeCreateTopic", Route::AskOrigin),
            ("Sns.CallbackPrevFriendAdd", Route::AskOrigin),
            ("Sns.CallbackPrevFriendResponse", Route::AskOrigin),
            ("State.StateChange", Route::Forward),
            ("Profile.CallbackPortraitSet", Route::Forward),
            ("Group.CallbackAfterCreateGroup", Route::Forward),
            ("Some.FutureCommand", Route::Forward),
        ];
        for (command, expected) in cases {
            assert_eq!(route(command), expected, "{command}");
        }
    }

    #[test]
    fn command_names_are_checked() {
        assert!(is_well_formed("Group.CallbackBeforeSendMsg"));
        for bad in ["", "Group CallbackBeforeSendMsg", "Group.<script>", &"x".repeat(65)] {
            assert!(!is_well_formed(bad), "{bad}");
        }
    }

    #[test]
    fn custom_code_ranges_follow_the_conversation() {
        assert!(Conversation::Group.custom_code_range().contains(&10101));
        assert!(!Conversation::Group.custom_code_range().contains(&120001));
        assert!(Conversation::C2c.custom_code_range().contains(&120001));
    }
}
