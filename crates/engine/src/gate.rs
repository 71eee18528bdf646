//! The one way a before-send callback is decided: body bytes, the query's command, rule
//! documents, bans and the clock in; Tencent's answer, the review event and what to log out. The
//! worker, the rules tool's `explain`, the fuzz targets and the tests all come through here;
//! nothing else wires parse → visible text → normalise once → search every document → verdict →
//! answer.
//!
//! Deciding takes two steps because the inputs depend on the body: [`read`] reads the body and
//! says which KV keys the decision needs ([`Pending::keys`]); the caller reads them (the worker
//! from KV, concurrently; `explain` from files or KV) and calls [`Pending::decide`]. [`decide`]
//! does both for callers that have their inputs at hand.
//!
//! Failures are never verdicts: a body that cannot be read, an input that is unavailable, gets
//! the `FAIL_MODE` answer, except that a block or discard found in what *was* readable still
//! applies. A body whose `CallbackCommand` is not the query's is refused (HTTP 400), not decided.

use crate::admission::{self, Rejection};
use crate::answer;
use crate::ban::BanRecord;
use crate::callback::{BodyError, MessageCallback};
use crate::command::Conversation;
use crate::decision::{self, Check, Decision, DecisionInput, Hit, Lookup, Scope, Verdict};
use crate::envelope::Envelope;
use crate::kv_keys::DecisionKeys;
use crate::message_text::MessageText;
use crate::normalized_view::normalized_view;
use crate::review_event::review_envelope;
use crate::rule_document::{Action, Mode};
use crate::rule_set::RuleSet;
use crate::sender_behaviour::{self, Behaviour, ExemptRule, Tally};
use crate::settings::FailMode;

/// A before-send callback as received.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// `CallbackCommand` from the query string (already admitted).
    pub command: &'a str,
    /// Group or C2C (from the command's route).
    pub conversation: Conversation,
    /// The body, byte for byte.
    pub body: &'a [u8],
}

/// What the decision may depend on besides the body and the documents.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Current unix time in seconds.
    pub now_seconds: i64,
    /// What to answer when something is unavailable.
    pub fail_mode: FailMode,
    /// `SDKAPPID`, for the review event's query string.
    pub sdk_app_id: &'a str,
    /// A value no other event gets (the worker: `crypto.randomUUID()`): the review event's id.
    pub event_nonce: &'a str,
    /// Also return every piece of visible text with its location (explain, `LOG_MESSAGE_TEXT`).
    pub with_text: bool,
}

/// The documents and bans the keys of [`Pending::keys`] name, as read.
#[derive(Debug, Clone)]
pub struct Inputs<'a> {
    /// `rules`.
    pub global_rules: Lookup<&'a RuleSet>,
    /// `rules:group:<GroupId>`.
    pub group_rules: Lookup<&'a RuleSet>,
    /// `ban:<UserID>`.
    pub global_ban: Lookup<BanRecord>,
    /// `ban:<GroupId>:<UserID>`.
    pub group_ban: Lookup<BanRecord>,
    /// The callback came through the REST API (`OptPlatform=RESTAPI`): `exempt.rest_api`.
    pub rest_api: bool,
}

impl Inputs<'_> {
    /// No documents, no bans.
    pub fn none() -> Self {
        Inputs {
            global_rules: Lookup::Absent,
            group_rules: Lookup::Absent,
            global_ban: Lookup::Absent,
            group_ban: Lookup::Absent,
            rest_api: false,
        }
    }

    /// Whether the documents that set the sender-behaviour checks (`flood`, `slow_mode_seconds`,
    /// `repeat`) and `strikes` enforce them: a monitor-mode document's checks are reported, are
    /// no strikes, and its `strikes` mute nobody.
    pub fn behaviour_enforced(&self) -> (bool, bool) {
        let enforced = |has: fn(&Behaviour) -> bool| {
            let group = self.group_rules.found().filter(|s| has(s.behaviour()));
            group.or(self.global_rules.found()).is_none_or(|s| s.mode() == Mode::Enforce)
        };
        (
            enforced(|b| b.flood.is_some() || b.slow_mode_seconds.is_some() || b.repeat.is_some()),
            enforced(|b| b.strikes.is_some()),
        )
    }

    /// The `exempt` that applies (the group document's in place of the global's), without
    /// merging the rest: every message asks, most documents have none.
    fn exempt(&self) -> Option<&ExemptRule> {
        let group = self.group_rules.found().and_then(|s| s.behaviour().exempt.as_ref());
        group.or_else(|| self.global_rules.found().and_then(|s| s.behaviour().exempt.as_ref()))
    }

    /// Whether a message from `sender` skips every check (`exempt`).
    pub fn is_exempt(&self, sender: Option<&str>) -> bool {
        self.exempt().is_some_and(|e| e.covers(sender, self.rest_api))
    }

    /// The documents' sender-behaviour fields, the group document's in place of the global's.
    pub fn behaviour(&self) -> Behaviour {
        Behaviour::merged(
            self.global_rules.found().map(|s| s.behaviour()),
            self.group_rules.found().map(|s| s.behaviour()),
        )
    }
}

/// What the sender-behaviour state said about a message ([`Pending::with_behaviour`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BehaviourState {
    /// The state's answer.
    Tally(Tally),
    /// The state could not be reached in time: `FAIL_MODE` decides these checks (closed: the
    /// message is refused; open: they pass), the content verdict stands.
    Unavailable,
}

/// Everything that came of a callback.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// What Tencent is told.
    pub verdict: Verdict,
    /// The answer's JSON, exactly as sent.
    pub answer: String,
    /// The decision and what it was based on (`None` when the body could not be read).
    pub decision: Option<Decision>,
    /// The review event for the origin, when a `review` term matched or a monitor-mode
    /// document would have acted.
    pub review: Option<Envelope>,
    /// What went wrong, for the log line.
    pub problems: Vec<String>,
    /// `(location, text)` of every piece of visible text, when asked for.
    pub text: Vec<(String, String)>,
}

/// A body that was read, waiting for its inputs.
#[derive(Debug)]
pub struct Pending<'a> {
    request: Request<'a>,
    read: Result<MessageCallback, BodyError>,
}

/// Reads a callback body. `Err` is a refusal (the body's `CallbackCommand` is not the query's);
/// an unreadable body is not an error: it is decided by the fail mode.
pub fn read<'a>(request: Request<'a>) -> Result<Pending<'a>, Rejection> {
    let read = MessageCallback::parse(request.body);
    if let Ok(callback) = &read {
        admission::check_command_matches(request.command, callback.command.as_deref())?;
    }
    Ok(Pending { request, read })
}

/// [`read`] and [`Pending::decide`] in one call, with `inputs` made from the keys.
pub fn decide<'d>(
    request: Request<'_>,
    inputs: impl FnOnce(&DecisionKeys) -> Inputs<'d>,
    context: &Context<'_>,
) -> Result<Outcome, Rejection> {
    let pending = read(request)?;
    let inputs = inputs(&pending.keys());
    Ok(pending.decide(&inputs, context))
}

impl Pending<'_> {
    /// The conversation the query's command names.
    pub fn conversation(&self) -> Conversation {
        self.request.conversation
    }

    /// The callback, when its body could be read.
    pub fn callback(&self) -> Option<&MessageCallback> {
        self.read.as_ref().ok()
    }

    /// The KV keys the decision needs (none when the body could not be read).
    pub fn keys(&self) -> DecisionKeys {
        match &self.read {
            Ok(c) => {
                DecisionKeys::for_message(self.request.conversation, c.group_id.as_deref(), c.from_account.as_deref())
            }
            Err(_) => DecisionKeys::for_message(self.request.conversation, None, None),
        }
    }

    /// Whether the sender-behaviour state must be asked about this message: its documents use
    /// it and the content decision was not an exemption or a ban.
    pub fn needs_behaviour_state(&self, inputs: &Inputs<'_>, outcome: &Outcome) -> bool {
        let decided = outcome.decision.as_ref().map(|d| d.basis);
        // A group message without its GroupId has no group to count in.
        let counted = |c: &MessageCallback| {
            c.from_account.is_some() && (self.request.conversation != Conversation::Group || c.group_id.is_some())
        };
        self.callback().is_some_and(counted)
            && inputs.behaviour().needs_state()
            && matches!(decided, Some(decision::Basis::Rules | decision::Basis::FailMode))
    }

    /// The fingerprint of the normalised text of the message's elements (`repeat`; not of
    /// `CloudCustomData`, which a client can vary unseen), `None` without text.
    pub fn fingerprint(&self) -> Option<u64> {
        let callback = self.callback()?;
        let message = MessageText::collect(callback);
        let texts: Vec<&str> = message
            .segments
            .iter()
            .filter(|s| matches!(s.source, crate::message_text::Source::Element(_)))
            .map(|s| s.text.as_str())
            .collect();
        let view = normalized_view(&texts.join(" "));
        (!view.trim().is_empty()).then(|| sender_behaviour::fingerprint(view.trim()))
    }

    /// Whether the content decision counts as a strike: an enforced block or discard.
    pub fn is_strike(outcome: &Outcome) -> bool {
        outcome.decision.as_ref().is_some_and(|d| d.basis == decision::Basis::Rules)
            && matches!(outcome.verdict, Verdict::Forbid { .. } | Verdict::Discard)
    }

    /// `outcome` (from [`Self::decide`] with the same inputs) with the sender-behaviour checks
    /// added: what the state found, or, when it could not be reached, the fail mode for these
    /// checks alone. The answer and the review event are made again.
    pub fn with_behaviour(
        &self,
        mut outcome: Outcome,
        inputs: &Inputs<'_>,
        context: &Context<'_>,
        state: BehaviourState,
    ) -> Outcome {
        let (Some(callback), Some(decision)) = (self.callback(), outcome.decision.as_mut()) else { return outcome };
        let rules = inputs.behaviour();
        let scope_of = |in_group: bool| if in_group { Scope::Group } else { Scope::Global };
        let source = |field: fn(&Behaviour) -> bool| -> (Scope, String, bool) {
            let group = inputs.group_rules.found().filter(|s| field(s.behaviour()));
            let set = group.or(inputs.global_rules.found());
            (
                scope_of(group.is_some()),
                set.map(|s| s.version().to_owned()).unwrap_or_default(),
                set.is_none_or(|s| s.mode() == Mode::Enforce),
            )
        };
        let hit = |check: &'static str, action: Action, field: fn(&Behaviour) -> bool| {
            let (scope, rules_version, enforced) = source(field);
            Hit {
                check: Check::Behaviour(check),
                scope,
                rules_version,
                term_index: 0,
                term: check.to_owned(),
                action,
                enforced,
                segment: 0,
                location: String::new(),
                start: 0,
                end: 0,
                pieces: Vec::new(),
            }
        };
        let hits: Vec<(Hit, Option<u32>, Option<String>)> = match state {
            BehaviourState::Tally(tally) => tally
                .hits(&rules)
                .into_iter()
                .map(|h| {
                    let field: fn(&Behaviour) -> bool = match h.check {
                        "flood" => |b| b.flood.is_some(),
                        "slow_mode" => |b| b.slow_mode_seconds.is_some(),
                        _ => |b| b.repeat.is_some(),
                    };
                    (hit(h.check, h.action, field), h.code, h.info)
                })
                .collect(),
            BehaviourState::Unavailable if context.fail_mode == FailMode::Closed => {
                vec![(hit("behaviour_unavailable", Action::Block, |b| b.needs_state()), None, None)]
            }
            BehaviourState::Unavailable => Vec::new(),
        };
        decision::add_behaviour(decision, self.request.conversation, hits);
        outcome.verdict = decision.verdict.clone();
        outcome.answer = answer::render(&outcome.verdict);
        // Made again: the verdict it reports may have changed.
        outcome.review = None;
        if decision.wants_review() {
            outcome.review = Some(review_envelope(
                context.sdk_app_id,
                self.request.command,
                callback,
                self.request.body,
                decision,
                context.now_seconds,
                context.event_nonce,
            ));
        }
        outcome
    }

    /// Decides with the inputs the keys name.
    pub fn decide(&self, inputs: &Inputs<'_>, context: &Context<'_>) -> Outcome {
        let callback = match &self.read {
            Ok(callback) => callback,
            Err(e) => {
                // A body we cannot read is not a verdict on the message: the fail mode answers.
                let verdict = decision::undecidable(context.fail_mode);
                return Outcome {
                    answer: answer::render(&verdict),
                    verdict,
                    decision: None,
                    review: None,
                    problems: vec![e.to_string()],
                    text: Vec::new(),
                };
            }
        };
        let message = MessageText::collect(callback);
        if inputs.is_exempt(callback.from_account.as_deref()) {
            let decision = Decision {
                verdict: Verdict::Deliver,
                basis: decision::Basis::Exempt,
                hits: Vec::new(),
                allowed: Vec::new(),
            };
            return Outcome {
                answer: answer::render(&decision.verdict),
                verdict: decision.verdict.clone(),
                decision: Some(decision),
                review: None,
                problems: Vec::new(),
                text: Vec::new(),
            };
        }
        let decision = decision::decide(&DecisionInput {
            conversation: self.request.conversation,
            message: &message,
            global_rules: inputs.global_rules.clone(),
            group_rules: inputs.group_rules.clone(),
            global_ban: inputs.global_ban.clone(),
            group_ban: inputs.group_ban.clone(),
            now_seconds: context.now_seconds,
            fail_mode: context.fail_mode,
        });
        let review = decision.wants_review().then(|| {
            review_envelope(
                context.sdk_app_id,
                self.request.command,
                callback,
                self.request.body,
                &decision,
                context.now_seconds,
                context.event_nonce,
            )
        });
        let text = if context.with_text {
            (0..message.segments.len()).map(|i| (message.location(i), message.segments[i].text.clone())).collect()
        } else {
            Vec::new()
        };
        Outcome {
            answer: answer::render(&decision.verdict),
            verdict: decision.verdict.clone(),
            decision: Some(decision),
            review,
            problems: Vec::new(),
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"{"CallbackCommand":"Group.CallbackBeforeSendMsg","GroupId":"@TGS#1","From_Account":"jared","MsgId":"m",
        "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"spam"}}]}"#;

    fn context() -> Context<'static> {
        Context {
            now_seconds: 100,
            fail_mode: FailMode::Open,
            sdk_app_id: "1400000000",
            event_nonce: "n",
            with_text: true,
        }
    }

    fn request(body: &str) -> Request<'_> {
        Request { command: "Group.CallbackBeforeSendMsg", conversation: Conversation::Group, body: body.as_bytes() }
    }

    #[test]
    fn keys_rules_and_bans() {
        let rules = RuleSet::from_json(r#"{"block":[{"term":"spam","code":10101,"info":"no"}]}"#).unwrap();
        let outcome = decide(
            request(BODY),
            |keys| {
                assert_eq!(keys.group_ban.as_deref(), Some("ban:@TGS#1:jared"));
                Inputs { global_rules: Lookup::Found(&rules), ..Inputs::none() }
            },
            &context(),
        )
        .unwrap();
        assert_eq!(outcome.answer, r#"{"ActionStatus":"OK","ErrorInfo":"no","ErrorCode":10101}"#);
        assert_eq!(outcome.text, [("MsgBody[0].MsgContent.Text".to_owned(), "spam".to_owned())]);
        let ban = BanRecord { until: None, reason: Some("banned".into()), code: Some(10150), by: None };
        let banned =
            decide(request(BODY), |_| Inputs { global_ban: Lookup::Found(ban), ..Inputs::none() }, &context()).unwrap();
        assert_eq!(banned.answer, r#"{"ActionStatus":"OK","ErrorInfo":"banned","ErrorCode":10150}"#);
    }

    #[test]
    fn unreadable_bodies_follow_the_fail_mode_and_mismatches_are_refused() {
        let open = decide(request("not json"), |_| Inputs::none(), &context()).unwrap();
        assert_eq!(open.verdict, Verdict::Deliver);
        assert!(open.decision.is_none() && !open.problems.is_empty());
        let closed =
            decide(request("[1]"), |_| Inputs::none(), &Context { fail_mode: FailMode::Closed, ..context() }).unwrap();
        assert!(matches!(closed.verdict, Verdict::Forbid { code: 1, .. }));
        let other = r#"{"CallbackCommand":"C2C.CallbackBeforeSendMsg","MsgBody":[]}"#;
        assert_eq!(decide(request(other), |_| Inputs::none(), &context()).unwrap_err().error, "command_mismatch");
    }

    #[test]
    fn nan_elsewhere_in_the_body_does_not_hide_the_text() {
        let rules = RuleSet::from_json(r#"{"block":["spam"]}"#).unwrap();
        let body = r#"{"CallbackCommand":"Group.CallbackBeforeSendMsg","Random":NaN,"Weird":1e999,
            "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"spam"},"N":-Infinity}]}"#;
        let outcome =
            decide(request(body), |_| Inputs { global_rules: Lookup::Found(&rules), ..Inputs::none() }, &context())
                .unwrap();
        assert!(matches!(outcome.verdict, Verdict::Forbid { code: 1, .. }), "{:?}", outcome.verdict);
    }
}
