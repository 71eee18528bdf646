//! The commands besides messages that a rule document can take over with `scopes` (contract v2;
//! `../shared/reference/other-callbacks.md`): group and topic names at creation, join
//! applications and invitations, friend requests and responses, decided here; and the
//! after-notifications that carry edited text (group and topic info, name cards, nicknames),
//! which cannot be refused, so a match only sends a review event.
//!
//! Each user-typed text is checked exactly as a message of one text element is (the same
//! normalisation, terms, links, contacts, patterns, allow list, monitor mode), through
//! [`decision::decide`]. What Tencent cannot do with these commands changes the answer: a name
//! cannot be masked or dropped silently, so a `mask` or `discard` match refuses it like a `block`
//! with the generic code; `review` allows it and reports it.
//!
//! Like [`crate::gate`], deciding takes two steps: [`OtherCallback::parse`] reads the body and
//! [`OtherCallback::keys`] names the KV keys; the caller reads them and calls
//! [`OtherCallback::decide`]. A body that cannot be read is answered by the fail mode (the
//! caller does that: it has no callback to decide).

use crate::answer;
use crate::ban::BanRecord;
use crate::callback::MessageCallback;
use crate::command::Conversation;
use crate::decision::{self, Basis, Check, Decision, DecisionInput, Lookup, Verdict, FORBID};
use crate::envelope::Envelope;
use crate::gate::Context;
use crate::lenient_json::{Document, Kind, ValueId};
use crate::message_text::MessageText;
use crate::review_event::field_review_envelope;
use crate::rule_document::Scopes;
use crate::rule_set::RuleSet;
use crate::settings::FailMode;

/// Refusal code of a friend-request item when the document gives none in 38000–39000.
pub const FRIEND_REFUSED: u32 = 38000;
/// Distinct invitees whose bans are read (two KV keys each); invitees beyond them are refused
/// (`RefusedMembers_Account`), whatever the fail mode: unchecked, they could hide a banned user
/// behind padding. An app inviting more at once sends several invitations.
pub const MAX_INVITEES_CHECKED: usize = 200;
/// Review events one callback may send; more matches are counted in `problems`.
pub const MAX_REVIEWS: usize = 16;
/// Entries of `matched` kept for the log line.
const MAX_MATCHED: usize = 64;

/// A command other than a message that `scopes` can turn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherCommand {
    /// `Group.CallbackBeforeCreateGroup`: `Name`.
    CreateGroup,
    /// `Group.CallbackBeforeCreateTopic`: `Name`.
    CreateTopic,
    /// `Group.CallbackBeforeApplyJoinGroup`: bans of the applicant.
    ApplyJoin,
    /// `Group.CallbackBeforeInviteJoinGroup`: bans of the inviter and of each invitee.
    InviteJoin,
    /// `Sns.CallbackPrevFriendAdd`: `AddWording`, `Remark`, `GroupName` per item.
    FriendAdd,
    /// `Sns.CallbackPrevFriendResponse`: `Remark`, `TagName` per item.
    FriendResponse,
    /// `Group.CallbackAfterGroupInfoChanged`: `Name`, `Introduction`, `Notification`.
    GroupInfoChanged,
    /// `Group.CallbackAfterTopicInfoChanged`: `Name`, `Introduction`, `Notification`.
    TopicInfoChanged,
    /// `Group.CallbackAfterMemberFieldChanged`: `NameCard`.
    MemberFieldChanged,
    /// `Profile.CallbackPortraitSet`: string `Value`s of `ProfileItem` (`Tag_Profile_IM_Nick`...).
    PortraitSet,
}

impl OtherCommand {
    /// Every one, with its `CallbackCommand`.
    pub const ALL: [(OtherCommand, &'static str); 10] = [
        (OtherCommand::CreateGroup, "Group.CallbackBeforeCreateGroup"),
        (OtherCommand::CreateTopic, "Group.CallbackBeforeCreateTopic"),
        (OtherCommand::ApplyJoin, "Group.CallbackBeforeApplyJoinGroup"),
        (OtherCommand::InviteJoin, "Group.CallbackBeforeInviteJoinGroup"),
        (OtherCommand::FriendAdd, "Sns.CallbackPrevFriendAdd"),
        (OtherCommand::FriendResponse, "Sns.CallbackPrevFriendResponse"),
        (OtherCommand::GroupInfoChanged, "Group.CallbackAfterGroupInfoChanged"),
        (OtherCommand::TopicInfoChanged, "Group.CallbackAfterTopicInfoChanged"),
        (OtherCommand::MemberFieldChanged, "Group.CallbackAfterMemberFieldChanged"),
        (OtherCommand::PortraitSet, "Profile.CallbackPortraitSet"),
    ];

    /// The command for a `CallbackCommand`, if it is one of these.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
    }

    /// Its `CallbackCommand`.
    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(c, _)| *c == self).map_or("", |(_, n)| n)
    }

    /// Whether Tencent waits for the answer and follows it (the other four are notifications).
    pub fn decides(self) -> bool {
        !matches!(
            self,
            OtherCommand::GroupInfoChanged
                | OtherCommand::TopicInfoChanged
                | OtherCommand::MemberFieldChanged
                | OtherCommand::PortraitSet
        )
    }

    /// Whether the global document's `scopes` turn it on.
    pub fn is_on(self, scopes: Scopes) -> bool {
        match self {
            OtherCommand::ApplyJoin | OtherCommand::InviteJoin => scopes.join_requests,
            OtherCommand::FriendAdd | OtherCommand::FriendResponse => scopes.friend_requests,
            _ => scopes.group_profile,
        }
    }

    fn conversation(self) -> Conversation {
        match self {
            OtherCommand::FriendAdd | OtherCommand::FriendResponse => Conversation::Friend,
            _ => Conversation::Group,
        }
    }
}

/// One text a user typed, and where it is in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedText {
    /// The field: `Name`, `FriendItem[1].AddWording`, `ProfileItem[0].Value`...
    pub field: String,
    /// The friend-request item it belongs to.
    pub item: Option<usize>,
    /// The text.
    pub text: String,
}

/// A body of one of these commands, read leniently (unknown fields ignored, `EventTime` a number
/// or a string, JSON that only a lenient reader takes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherCallback {
    /// Which command.
    pub command: OtherCommand,
    /// The body's own `CallbackCommand` (the caller checks it against the query's).
    pub body_command: Option<String>,
    /// `GroupId`, when the body has one.
    pub group_id: Option<String>,
    /// Who acts: `Operator_Account` (creation, invitation, info changes), `Requestor_Account`
    /// (application), `From_Account` (friends, profile).
    pub actor: Option<String>,
    /// Every user-typed text.
    pub texts: Vec<TypedText>,
    /// Invitees (`DestinationMembers[].Member_Account`), or the initial members of a group being
    /// created (`MemberList[].Member_Account`); each once.
    pub invitees: Vec<String>,
    /// Friend-request items' `To_Account`, in order.
    pub targets: Vec<String>,
    /// Per friend response item: whether it rejects the request (`Response_Action_Reject`),
    /// which is never refused: a refusal would leave the unwanted request pending.
    pub rejects: Vec<bool>,
}

/// Why a body could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OtherBodyError {
    /// Not a JSON object (or cut short).
    #[error("the body is not a JSON object")]
    NotAnObject,
}

/// The KV keys a decision needs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OtherKeys {
    /// `rules:group:<GroupId>`, when the body names a group.
    pub group_rules: Option<String>,
    /// Every ban key to read: the actor's, and each checked invitee's.
    pub bans: Vec<String>,
}

/// The inputs the keys name, as read.
#[derive(Debug, Clone)]
pub struct OtherInputs<'a> {
    /// `rules`.
    pub global_rules: Lookup<&'a RuleSet>,
    /// `rules:group:<GroupId>`.
    pub group_rules: Lookup<&'a RuleSet>,
    /// `(key, record)` for every key of [`OtherKeys::bans`].
    pub bans: Vec<(String, Lookup<BanRecord>)>,
}

/// What came of one of these commands.
#[derive(Debug, Clone)]
pub struct OtherOutcome {
    /// The answer's JSON, exactly as sent (for a notification: Tencent's plain OK).
    pub answer: String,
    /// For the log: allow, block (refused), `partial` (some invitees or friend items refused).
    pub outcome: &'static str,
    /// `ErrorCode` answered.
    pub code: u32,
    /// rules, global_ban, group_ban, fail_mode.
    pub basis: &'static str,
    /// What matched, as `field: scope/action:term` (for a link, contact or pattern, the check's
    /// name instead of the text).
    pub matched: Vec<String>,
    /// Review events for the origin (review terms, monitor mode, edited text that matched).
    pub reviews: Vec<Envelope>,
    /// What went wrong.
    pub problems: Vec<String>,
}

fn text_at(doc: &Document, id: ValueId, name: &str) -> Option<String> {
    doc.get(id, name).and_then(|v| doc.str(v)).map(|s| s.into_owned()).filter(|s| !s.is_empty())
}

fn items(doc: &Document, id: ValueId, name: &str) -> Vec<ValueId> {
    match doc.get(id, name) {
        Some(list) if doc.kind(list) == Some(Kind::Array) => {
            doc.children(list).filter(|&v| doc.kind(v) == Some(Kind::Object)).collect()
        }
        _ => Vec::new(),
    }
}

impl OtherCallback {
    /// Reads a body of `command`.
    pub fn parse(command: OtherCommand, body: &[u8]) -> Result<Self, OtherBodyError> {
        let doc = Document::parse_bytes(body);
        let root = doc.root().filter(|&r| doc.kind(r) == Some(Kind::Object)).ok_or(OtherBodyError::NotAnObject)?;
        if doc.is_truncated() {
            return Err(OtherBodyError::NotAnObject);
        }
        let text = |name: &str| text_at(&doc, root, name);
        let mut callback = OtherCallback {
            command,
            body_command: text("CallbackCommand"),
            group_id: text("GroupId"),
            actor: None,
            texts: Vec::new(),
            invitees: Vec::new(),
            targets: Vec::new(),
            rejects: Vec::new(),
        };
        let mut typed = |field: String, item: Option<usize>, value: Option<String>| {
            if let Some(text) = value {
                callback.texts.push(TypedText { field, item, text });
            }
        };
        let actor = match command {
            OtherCommand::CreateGroup | OtherCommand::CreateTopic => {
                typed("Name".into(), None, text("Name"));
                text("Operator_Account").or_else(|| text("Owner_Account"))
            }
            OtherCommand::ApplyJoin => text("Requestor_Account"),
            OtherCommand::InviteJoin => text("Operator_Account"),
            OtherCommand::GroupInfoChanged | OtherCommand::TopicInfoChanged => {
                for field in ["Name", "Introduction", "Notification", "FaceUrl"] {
                    typed(field.into(), None, text(field));
                }
                for (i, entry) in items(&doc, root, "UserDefinedDataList").into_iter().enumerate() {
                    typed(format!("UserDefinedDataList[{i}].Value"), None, text_at(&doc, entry, "Value"));
                }
                text("Operator_Account")
            }
            OtherCommand::MemberFieldChanged => {
                typed("NameCard".into(), None, text("NameCard"));
                text("Member_Account").or_else(|| text("Operator_Account"))
            }
            OtherCommand::PortraitSet => {
                for (i, entry) in items(&doc, root, "ProfileItem").into_iter().enumerate() {
                    typed(format!("ProfileItem[{i}].Value"), None, text_at(&doc, entry, "Value"));
                }
                text("From_Account").or_else(|| text("Operator_Account"))
            }
            OtherCommand::FriendAdd | OtherCommand::FriendResponse => text("From_Account"),
        };
        let (list, fields): (&str, &[&str]) = match command {
            OtherCommand::FriendAdd => ("FriendItem", &["AddWording", "Remark", "GroupName"]),
            OtherCommand::FriendResponse => ("ResponseFriendItem", &["Remark", "TagName"]),
            _ => ("", &[]),
        };
        let mut targets = Vec::new();
        let mut rejects = Vec::new();
        let mut texts = Vec::new();
        for (i, entry) in items(&doc, root, list).into_iter().enumerate() {
            targets.push(text_at(&doc, entry, "To_Account").unwrap_or_default());
            rejects.push(text_at(&doc, entry, "ResponseAction").as_deref() == Some("Response_Action_Reject"));
            for field in fields {
                if let Some(text) = text_at(&doc, entry, field) {
                    texts.push(TypedText { field: format!("{list}[{i}].{field}"), item: Some(i), text });
                }
            }
        }
        callback.texts.extend(texts);
        callback.targets = targets;
        callback.rejects = rejects;
        let members = match command {
            OtherCommand::InviteJoin => "DestinationMembers",
            OtherCommand::CreateGroup => "MemberList",
            _ => "",
        };
        if !members.is_empty() {
            // Each member once: repeating one id must not push another past the checked ones.
            let mut seen = std::collections::HashSet::new();
            callback.invitees = items(&doc, root, members)
                .into_iter()
                .filter_map(|m| text_at(&doc, m, "Member_Account"))
                .filter(|m| seen.insert(m.clone()))
                .collect();
        }
        callback.actor = actor;
        Ok(callback)
    }

    /// Whether friend-response item `item` rejects the request.
    fn rejects(&self, item: usize) -> bool {
        self.rejects.get(item).copied().unwrap_or(false)
    }

    fn group(&self) -> Option<&str> {
        match self.command.conversation() {
            Conversation::Group => self.group_id.as_deref(),
            _ => None,
        }
    }

    fn ban_keys(&self, user: &str) -> Vec<String> {
        let mut keys = vec![crate::kv_keys::global_ban(user)];
        if let Some(group) = self.group() {
            keys.push(crate::kv_keys::group_ban(group, user));
        }
        keys
    }

    /// The KV keys the decision needs.
    pub fn keys(&self) -> OtherKeys {
        let mut bans = Vec::new();
        if self.command.decides() {
            if let Some(actor) = &self.actor {
                bans.extend(self.ban_keys(actor));
            }
            for invitee in self.invitees.iter().take(MAX_INVITEES_CHECKED) {
                bans.extend(self.ban_keys(invitee));
            }
        }
        OtherKeys { group_rules: self.group().map(crate::kv_keys::group_rules), bans }
    }

    /// The first ban in force among `user`'s keys: (record, basis name).
    fn ban<'i>(
        &self,
        inputs: &'i OtherInputs<'_>,
        user: &str,
        now: i64,
    ) -> (Option<(&'i BanRecord, &'static str)>, bool) {
        let keys = self.ban_keys(user);
        let mut unavailable = false;
        for (i, key) in keys.iter().enumerate() {
            match inputs.bans.iter().find(|(k, _)| k == key).map(|(_, l)| l) {
                Some(Lookup::Found(record)) if record.is_active(now) => {
                    return (Some((record, if i == 0 { "global_ban" } else { "group_ban" })), false)
                }
                Some(Lookup::Unavailable) => unavailable = true,
                _ => {}
            }
        }
        (None, unavailable)
    }

    /// Decides (a decide-type command) or looks for what to report (a notification).
    pub fn decide(&self, inputs: &OtherInputs<'_>, context: &Context<'_>, raw_body: &[u8]) -> OtherOutcome {
        let conversation = self.command.conversation();
        let mut out = OtherOutcome {
            answer: answer::OK.to_owned(),
            outcome: "allow",
            code: 0,
            basis: "rules",
            matched: Vec::new(),
            reviews: Vec::new(),
            problems: Vec::new(),
        };
        // Bans first: of whoever acts (not for notifications: what is done is done).
        if self.command.decides() {
            if let Some(actor) = &self.actor {
                let (ban, unavailable) = self.ban(inputs, actor, context.now_seconds);
                if let Some((record, basis)) = ban {
                    out.basis = basis;
                    return self.refuse_all(out, conversation, record.code, record.reason.clone().unwrap_or_default());
                }
                if unavailable {
                    out.problems.push(format!("the ban of {actor} could not be read"));
                    if context.fail_mode == FailMode::Closed {
                        out.basis = "fail_mode";
                        return self.refuse_all(out, conversation, None, String::new());
                    }
                }
            }
        }
        // A group created with a banned initial member is refused (it cannot be created without
        // them): generic code, no reason (the reason is the member's, not the creator's).
        if self.command == OtherCommand::CreateGroup {
            let mut unreadable = false;
            for member in self.invitees.iter().take(MAX_INVITEES_CHECKED) {
                let (ban, unavailable) = self.ban(inputs, member, context.now_seconds);
                if let Some((_, basis)) = ban {
                    out.basis = basis;
                    out.problems.push(format!("initial member {member} is banned"));
                    return self.refuse_all(out, conversation, None, String::new());
                }
                unreadable |= unavailable;
            }
            if unreadable && context.fail_mode == FailMode::Closed {
                out.basis = "fail_mode";
                return self.refuse_all(out, conversation, None, String::new());
            }
            if self.invitees.len() > MAX_INVITEES_CHECKED {
                out.problems.push(format!(
                    "{} initial members: those after the first {MAX_INVITEES_CHECKED} were not checked for bans",
                    self.invitees.len()
                ));
            }
        }
        // Each text, as a message of one text element.
        let mut refused_items: Vec<(usize, u32, String)> = Vec::new();
        let mut skipped_reviews = 0_usize;
        for typed in &self.texts {
            let Some((decision, callback)) = self.check_text(typed, inputs, context) else { continue };
            let room = MAX_MATCHED.saturating_sub(out.matched.len());
            out.matched.extend(decision.hits.iter().take(room).map(|h| {
                let mode = if h.enforced { "" } else { "(monitor)" };
                // A term is the operator's text; a link, contact detail or pattern match is the
                // user's, which a log line never holds: only the check is named.
                let what = match h.check {
                    Check::Term => h.term.clone(),
                    other => other.name().into_owned(),
                };
                format!("{}: {}/{}{mode}:{what}", typed.field, h.scope.name(), h.action.name())
            }));
            let wants_review = decision.wants_review() || (!self.command.decides() && !decision.hits.is_empty());
            if wants_review && out.reviews.len() >= MAX_REVIEWS {
                skipped_reviews += 1;
            } else if wants_review {
                out.reviews.push(field_review_envelope(
                    context.sdk_app_id,
                    self.command.name(),
                    &callback,
                    Some(&typed.field),
                    raw_body,
                    &decision,
                    context.now_seconds,
                    &format!("{}\n{}", context.event_nonce, typed.field),
                ));
            }
            if decision.basis == Basis::FailMode {
                out.basis = "fail_mode";
            }
            if !self.command.decides() {
                continue;
            }
            let refusal = match &decision.verdict {
                Verdict::Deliver => None,
                Verdict::Forbid { code, info } => Some((*code, info.clone())),
                // A name cannot be masked or dropped silently: refused with the generic code.
                Verdict::Modify(_) | Verdict::Discard => Some((FORBID, String::new())),
            };
            let Some((code, info)) = refusal else { continue };
            match typed.item {
                // A rejection is never refused (see `rejects`).
                Some(item) if self.rejects(item) => {}
                Some(item) => {
                    if !refused_items.iter().any(|(i, _, _)| *i == item) {
                        refused_items.push((item, code, info));
                    }
                }
                None => return self.refuse_all(out, conversation, Some(code), info),
            }
        }
        if skipped_reviews > 0 {
            out.problems.push(format!(
                "{skipped_reviews} more field(s) matched: at most {MAX_REVIEWS} review events per callback"
            ));
        }
        if self.command.decides() {
            self.answer_per_item(&mut out, inputs, context, &refused_items);
        }
        out
    }

    /// The text checked as a one-element message, with the synthetic callback it was read as.
    fn check_text(
        &self,
        typed: &TypedText,
        inputs: &OtherInputs<'_>,
        context: &Context<'_>,
    ) -> Option<(Decision, MessageCallback)> {
        let to_account = typed.item.and_then(|i| self.targets.get(i)).filter(|t| !t.is_empty());
        let synthetic = serde_json::json!({
            "CallbackCommand": self.command.name(),
            "GroupId": self.group(),
            "From_Account": self.actor,
            "To_Account": to_account,
            "MsgBody": [{"MsgType": "TIMTextElem", "MsgContent": {"Text": typed.text}}],
        });
        let callback = MessageCallback::parse(synthetic.to_string().as_bytes()).ok()?;
        let message = MessageText::collect(&callback);
        let decision = decision::decide(&DecisionInput {
            conversation: self.command.conversation(),
            message: &message,
            global_rules: inputs.global_rules.clone(),
            group_rules: inputs.group_rules.clone(),
            global_ban: Lookup::Absent,
            group_ban: Lookup::Absent,
            now_seconds: context.now_seconds,
            fail_mode: context.fail_mode,
        });
        Some((decision, callback))
    }

    /// Refuses the whole request: `ErrorCode` (groups), or every item (friends).
    fn refuse_all(
        &self,
        mut out: OtherOutcome,
        conversation: Conversation,
        code: Option<u32>,
        info: String,
    ) -> OtherOutcome {
        let code = code.filter(|c| conversation.custom_code_range().contains(c));
        out.outcome = "block";
        if conversation == Conversation::Friend {
            let code = code.unwrap_or(FRIEND_REFUSED);
            out.code = 0;
            out.answer = friend_answer(self.targets.iter().enumerate().map(|(i, t)| {
                if self.rejects(i) {
                    (t.as_str(), 0, "")
                } else {
                    (t.as_str(), code, info.as_str())
                }
            }));
        } else {
            out.code = code.unwrap_or(FORBID);
            out.answer = answer::render(&Verdict::Forbid { code: out.code, info });
        }
        out
    }

    /// Invitations drop banned invitees; friend requests answer per item.
    fn answer_per_item(
        &self,
        out: &mut OtherOutcome,
        inputs: &OtherInputs<'_>,
        context: &Context<'_>,
        refused_items: &[(usize, u32, String)],
    ) {
        match self.command {
            OtherCommand::InviteJoin => {
                let mut refused = Vec::new();
                let mut basis = None;
                let mut unreadable = 0_usize;
                for invitee in self.invitees.iter().take(MAX_INVITEES_CHECKED) {
                    let (ban, unavailable) = self.ban(inputs, invitee, context.now_seconds);
                    if let Some((_, ban_basis)) = ban {
                        refused.push(invitee.as_str());
                        basis.get_or_insert(ban_basis);
                    } else if unavailable && context.fail_mode == FailMode::Closed {
                        refused.push(invitee.as_str());
                        basis = Some("fail_mode");
                    }
                    unreadable += usize::from(unavailable);
                }
                if unreadable > 0 {
                    out.problems.push(format!("the bans of {unreadable} invitee(s) could not be read"));
                }
                if self.invitees.len() > MAX_INVITEES_CHECKED {
                    refused.extend(self.invitees[MAX_INVITEES_CHECKED..].iter().map(String::as_str));
                    basis.get_or_insert("rules");
                    out.problems.push(format!(
                        "{} invitees: those after the first {MAX_INVITEES_CHECKED} were refused unchecked",
                        self.invitees.len()
                    ));
                }
                if !refused.is_empty() {
                    out.outcome = if refused.len() == self.invitees.len() { "block" } else { "partial" };
                    out.basis = basis.unwrap_or("group_ban");
                    out.answer = serde_json::json!({
                        "ActionStatus": "OK", "ErrorInfo": "", "ErrorCode": 0, "RefusedMembers_Account": refused,
                    })
                    .to_string();
                }
            }
            OtherCommand::FriendAdd | OtherCommand::FriendResponse => {
                let results = self.targets.iter().enumerate().map(|(i, target)| {
                    match refused_items.iter().find(|(item, _, _)| *item == i) {
                        Some((_, code, info)) => {
                            let code = if Conversation::Friend.custom_code_range().contains(code) {
                                *code
                            } else {
                                FRIEND_REFUSED
                            };
                            (target.as_str(), code, info.as_str())
                        }
                        None => (target.as_str(), 0, ""),
                    }
                });
                out.answer = friend_answer(results);
                if !refused_items.is_empty() {
                    out.outcome = if refused_items.len() == self.targets.len() { "block" } else { "partial" };
                }
            }
            _ => {}
        }
    }
}

/// The answer when a body of `command` cannot be read (or its inputs cannot be known), by the
/// fail mode: allow, or refuse. A friend request's answer keeps its shape with no items (the
/// items cannot be read, so none can be refused one by one); under `closed` its top-level
/// `ErrorCode` is 38000, which Tencent ignores unless the app turns that on.
pub fn undecidable_answer(command: OtherCommand, fail_mode: FailMode) -> String {
    let code = match (command.conversation(), fail_mode) {
        (_, FailMode::Open) => 0,
        (Conversation::Friend, FailMode::Closed) => FRIEND_REFUSED,
        (_, FailMode::Closed) => FORBID,
    };
    if command.conversation() == Conversation::Friend {
        let items: Vec<serde_json::Value> = Vec::new();
        return serde_json::json!({"ActionStatus": "OK", "ErrorCode": code, "ErrorInfo": "", "ResultItem": items})
            .to_string();
    }
    answer::render(&if code == 0 { Verdict::Deliver } else { Verdict::Forbid { code, info: String::new() } })
}

/// `{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{To_Account, ResultCode, ResultInfo}]}`.
fn friend_answer<'a>(results: impl Iterator<Item = (&'a str, u32, &'a str)>) -> String {
    let items: Vec<serde_json::Value> = results
        .map(|(to, code, info)| serde_json::json!({"To_Account": to, "ResultCode": code, "ResultInfo": info}))
        .collect();
    serde_json::json!({"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "ResultItem": items}).to_string()
}
