//! `explain`: the verdict the worker would give a message, and why.
//!
//! It takes the worker's own path through the engine: `MessageCallback::parse`,
//! `DecisionKeys::for_message` (which documents apply), `MessageText::collect`,
//! `decision::decide` and `answer::render`. Only the presentation is the tool's own, so what it
//! prints is what the worker does with the same documents.

use std::fmt;

use crate::engine::answer;
use crate::engine::callback::{BodyError, MessageCallback};
use crate::engine::command::{self, Conversation, Route};
use crate::engine::decision::{self, Decision, DecisionInput, Lookup, Scope, Verdict};
use crate::engine::kv_keys::DecisionKeys;
use crate::engine::message_text::MessageText;
use crate::engine::normalized_view::normalized_view;
use crate::engine::review_event;
use crate::engine::rule_document::{Action, Mode};
use crate::engine::rule_set::RuleSet;
use crate::engine::settings::FailMode;

/// Why a message cannot be explained.
#[derive(Debug, thiserror::Error)]
pub enum ExplainError {
    /// The body is not one the worker can decide; it would answer with its `FAIL_MODE`.
    #[error("{0} (the worker answers such a callback with its FAIL_MODE answer)")]
    Body(#[from] BodyError),
    /// The body is a callback timgate does not decide.
    #[error("`{0}` is not a before-send callback; explain decides Group.CallbackBeforeSendMsg and C2C.CallbackBeforeSendMsg")]
    NotBeforeSend(String),
}

/// The message to explain.
#[derive(Debug, Clone, Copy)]
pub enum Message<'a> {
    /// Text, sent as one `TIMTextElem` in a group (or, with `c2c`, one-to-one).
    Text {
        /// The text.
        text: &'a str,
        /// A C2C message rather than a group message.
        c2c: bool,
    },
    /// A callback body, byte for byte (documentation samples with `//` comments work too).
    Body(&'a [u8]),
}

/// The group used for text messages, so that a group document applies to them.
pub const EXPLAIN_GROUP: &str = "@TGS#explain";

/// What to explain: the documents, as the worker would read them from KV.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// `rules`.
    pub global: Option<&'a RuleSet>,
    /// `rules:group:<GroupId>`.
    pub group: Option<&'a RuleSet>,
    /// The message.
    pub message: Message<'a>,
    /// Unix seconds (bans are not consulted, but the decision takes the time).
    pub now: i64,
}

/// A term found and then set aside because an allowed word covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    /// Which document's term.
    pub scope: Scope,
    /// The term.
    pub term: String,
    /// Its action.
    pub action: Action,
    /// Where.
    pub location: String,
    /// The text of that segment.
    pub text: String,
    /// Byte range of the term in it.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
}

/// One document taken into account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSummary {
    /// Global or group.
    pub scope: Scope,
    /// The version the worker would log.
    pub version: String,
    /// Enforce or monitor.
    pub mode: Mode,
    /// How many terms.
    pub terms: usize,
}

/// The verdict and everything behind it.
#[derive(Debug, Clone)]
pub struct Explanation {
    /// `CallbackCommand` decided.
    pub command: &'static str,
    /// `GroupId`, for group messages.
    pub group_id: Option<String>,
    /// The documents that applied.
    pub documents: Vec<DocumentSummary>,
    /// Why a document that was given did not apply.
    pub notes: Vec<String>,
    /// The engine's decision.
    pub decision: Decision,
    /// The exact answer the worker sends Tencent.
    pub answer: String,
    /// Text of each segment the hits point into (by the hit's `segment`).
    pub segments: Vec<(String, String)>,
    /// Matches that an allowed word suppressed.
    pub allowed: Vec<Allowed>,
}

/// Explains how the worker decides `request.message`.
pub fn explain(request: &Request<'_>) -> Result<Explanation, ExplainError> {
    let body = match request.message {
        Message::Body(bytes) => bytes.to_vec(),
        Message::Text { text, c2c } => text_body(text, c2c),
    };
    let callback = MessageCallback::parse(&body)?;
    let (conversation, command) = match callback.command.as_deref().map(command::route) {
        Some(Route::DecideMessage(Conversation::Group)) | None => (Conversation::Group, command::GROUP_BEFORE_SEND),
        Some(Route::DecideMessage(Conversation::C2c)) => (Conversation::C2c, command::C2C_BEFORE_SEND),
        Some(_) => return Err(ExplainError::NotBeforeSend(callback.command.clone().unwrap_or_default())),
    };
    let keys = DecisionKeys::for_message(conversation, callback.group_id.as_deref(), callback.from_account.as_deref());
    let mut notes = Vec::new();
    let group = match (request.group, &keys.group_rules) {
        (Some(set), Some(_)) => Some(set),
        (Some(_), None) => {
            notes.push(match conversation {
                Conversation::C2c => "the group document does not apply: C2C messages use the global document only",
                Conversation::Group => "the group document does not apply: the callback has no GroupId",
            });
            None
        }
        (None, _) => None,
    };
    let text = MessageText::collect(&callback.msg_body, callback.cloud_custom_data.as_deref());
    let decision = decision::decide(&DecisionInput {
        conversation,
        message: &text,
        global_rules: lookup(request.global),
        group_rules: lookup(group),
        global_ban: Lookup::Absent,
        group_ban: Lookup::Absent,
        now_seconds: request.now,
        fail_mode: FailMode::Open,
    });
    let answer = answer::render(&decision.verdict);

    let sets: Vec<(Scope, &RuleSet)> = [(Scope::Global, request.global), (Scope::Group, group)]
        .into_iter()
        .filter_map(|(s, set)| Some((s, set?)))
        .collect();
    let allowed = allowed_matches(&text, &sets, &decision);
    Ok(Explanation {
        command,
        // Only a message the worker treats as a group message is shown with its group.
        group_id: keys.group_rules.as_ref().and(callback.group_id.clone()),
        documents: sets
            .iter()
            .map(|(scope, set)| DocumentSummary {
                scope: *scope,
                version: set.version().to_owned(),
                mode: set.mode(),
                terms: set.len(),
            })
            .collect(),
        notes: notes.into_iter().map(str::to_owned).collect(),
        answer,
        segments: text.segments.iter().map(|s| (s.to_string(), s.text.clone())).collect(),
        allowed,
        decision,
    })
}

fn lookup(set: Option<&RuleSet>) -> Lookup<&RuleSet> {
    set.map_or(Lookup::Absent, Lookup::Found)
}

/// A before-send body carrying `text` (in [`EXPLAIN_GROUP`], or one-to-one), as a client sends it.
fn text_body(text: &str, c2c: bool) -> Vec<u8> {
    let element = serde_json::json!([{ "MsgType": "TIMTextElem", "MsgContent": { "Text": text } }]);
    let body = if c2c {
        serde_json::json!({
            "CallbackCommand": command::C2C_BEFORE_SEND, "From_Account": "explain", "To_Account": "someone",
            "MsgBody": element,
        })
    } else {
        serde_json::json!({
            "CallbackCommand": command::GROUP_BEFORE_SEND, "GroupId": EXPLAIN_GROUP, "From_Account": "explain",
            "MsgBody": element,
        })
    };
    body.to_string().into_bytes()
}

/// Terms the matcher found that the decision left out: an allowed word covered them. The
/// decision does not report these; they are recomputed from the same rule sets.
fn allowed_matches(text: &MessageText<'_>, sets: &[(Scope, &RuleSet)], decision: &Decision) -> Vec<Allowed> {
    let mut out = Vec::new();
    for (index, segment) in text.segments.iter().enumerate() {
        for &(scope, set) in sets {
            for m in set.find(&segment.text) {
                let counted = decision
                    .hits
                    .iter()
                    .any(|h| h.segment == index && h.scope == scope && h.term_index == m.term && h.start == m.start);
                let Some(term) = set.term(m.term) else { continue };
                if !counted {
                    out.push(Allowed {
                        scope,
                        term: term.text.to_owned(),
                        action: term.action,
                        location: segment.to_string(),
                        text: segment.text.clone(),
                        start: m.start,
                        end: m.end,
                    });
                }
            }
        }
    }
    out
}

impl Explanation {
    /// The strongest action a monitor-mode document asked for (what it would have done).
    pub fn would_be(&self) -> Option<Action> {
        review_event::monitored_action(&self.decision.hits)
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = &self.decision.verdict;
        writeln!(f, "verdict     {} ({})", verdict.name(), verdict_detail(verdict))?;
        writeln!(f, "answer      {}", self.answer)?;
        match &self.group_id {
            Some(group) => writeln!(f, "message     {} in {group}", self.command)?,
            None => writeln!(f, "message     {}", self.command)?,
        }
        if self.documents.is_empty() {
            writeln!(f, "rules       none")?;
        }
        for (n, doc) in self.documents.iter().enumerate() {
            let label = if n == 0 { "rules" } else { "" };
            let mode = match doc.mode {
                Mode::Enforce => "enforce",
                Mode::Monitor => "monitor",
            };
            writeln!(f, "{label:<11} {:<6} version {} ({mode}, {} terms)", doc.scope.name(), doc.version, doc.terms)?;
        }
        for note in &self.notes {
            writeln!(f, "note        {note}")?;
        }
        if self.decision.hits.is_empty() {
            writeln!(f, "matches     none")?;
        } else {
            writeln!(f, "matches")?;
        }
        for hit in &self.decision.hits {
            let how = if hit.enforced { "enforced" } else { "monitor: reported, not carried out" };
            writeln!(f, "  {} {:?} ({} document, {how})", hit.action.name(), hit.term, hit.scope.name())?;
            writeln!(f, "    at          {} bytes {}..{}", hit.location, hit.start, hit.end)?;
            if let Some((_, text)) = self.segments.get(hit.segment) {
                write_match(f, text, hit.start, hit.end)?;
            }
            writeln!(f, "    term        {} → {}", quoted(&hit.term), quoted(&term_view(&hit.term)))?;
        }
        for allowed in &self.allowed {
            writeln!(
                f,
                "allowed     {} {:?} ({} document) at {} bytes {}..{}: inside an allowed word, not a match",
                allowed.action.name(),
                allowed.term,
                allowed.scope.name(),
                allowed.location,
                allowed.start,
                allowed.end
            )?;
            write_match(f, &allowed.text, allowed.start, allowed.end)?;
        }
        if let Some(action) = self.would_be() {
            writeln!(f, "monitor     a monitor-mode document would have answered: {}", action.name())?;
        }
        if self.decision.wants_review() {
            writeln!(f, "review      a review event goes to the origin (CallbackCommand=Timgate.Review)")?;
        }
        Ok(())
    }
}

fn verdict_detail(verdict: &Verdict) -> String {
    match verdict {
        Verdict::Deliver => "ErrorCode 0: delivered unchanged".to_owned(),
        Verdict::Modify(_) => "ErrorCode 0: delivered with the matches masked".to_owned(),
        Verdict::Forbid { code, .. } => format!("ErrorCode {code}: forbidden, the sender sees an error"),
        Verdict::Discard => "ErrorCode 2: discarded, the sender sees success, nobody receives it".to_owned(),
    }
}

/// Prints the matched span in context, as received and as the matcher sees it. The normalised
/// line normalises the text before, inside and after the match separately, so the brackets stay
/// where the match is.
fn write_match(f: &mut fmt::Formatter<'_>, text: &str, start: usize, end: usize) -> fmt::Result {
    let (Some(before), Some(inside), Some(after)) = (text.get(..start), text.get(start..end), text.get(end..)) else {
        return Ok(());
    };
    let (cut_before, cut_after) = (tail(before, CONTEXT_CHARS), head(after, CONTEXT_CHARS));
    let (open, close) =
        (if cut_before.len() < before.len() { "…" } else { "" }, if cut_after.len() < after.len() { "…" } else { "" });
    let (before, after) = (cut_before, cut_after);
    let show = |b: &str, i: &str, a: &str| format!("{open}{}[{}]{}{close}", visible(b), visible(i), visible(a));
    writeln!(f, "    text        {}", show(before, inside, after))?;
    writeln!(f, "    normalised  {}", show(&normalized_view(before), &normalized_view(inside), &normalized_view(after)))
}

/// Characters of context shown on each side of a match.
const CONTEXT_CHARS: usize = 40;

fn tail(text: &str, chars: usize) -> &str {
    let skip = text.chars().count().saturating_sub(chars);
    text.char_indices().nth(skip).map_or(text, |(i, _)| &text[i..])
}

fn head(text: &str, chars: usize) -> &str {
    text.char_indices().nth(chars).map_or(text, |(i, _)| &text[..i])
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", visible(text))
}

/// Invisible characters are how evasions hide: print them as escapes so the operator sees them.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if c.is_control() => c.escape_unicode().to_string(),
            '\u{00AD}'
            | '\u{034F}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}' => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// A term as the matcher reads it: a prefix term (`sex*`) keeps its star, which the normaliser
/// alone would read as a gap.
fn term_view(term: &str) -> String {
    match term.trim_end().strip_suffix('*') {
        Some(body) => format!("{}*", normalized_view(body)),
        None => normalized_view(term),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"{"block":[{"term":"buy followers"},{"term":"傻逼","code":10101,"info":"Watch your language"}],
        "discard":["free crypto"],"mask":["damn"],"review":["telegram"],"allow":["sextant"]}"#;

    fn text(global: &RuleSet, group: Option<&RuleSet>, text: &str) -> Explanation {
        explain(&Request { global: Some(global), group, message: Message::Text { text, c2c: false }, now: 0 }).unwrap()
    }

    #[test]
    fn prefix_terms_keep_their_star() {
        assert_eq!(term_view("SEX*"), "sex*");
        assert_eq!(term_view("sex* "), "sex*");
        assert_eq!(term_view("b.a.d"), "bad");
    }

    #[test]
    fn verdicts_are_the_workers_answers() {
        let global = RuleSet::from_json(RULES).unwrap();
        let cases = [
            ("hello", r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#),
            ("want to BUY FOLLOWERS?", r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":1}"#),
            ("你这个傻逼", r#"{"ActionStatus":"OK","ErrorInfo":"Watch your language","ErrorCode":10101}"#),
            ("free crypto", r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":2}"#),
            (
                "oh Damn",
                r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"oh ****"}}]}"#,
            ),
        ];
        for (message, answer) in cases {
            assert_eq!(text(&global, None, message).answer, answer, "{message}");
        }
    }

    #[test]
    fn prints_where_each_term_matched() {
        let global = RuleSet::from_json(RULES).unwrap();
        let out = text(&global, None, "want to BUY FOLLOWERS cheap? add me on telegram").to_string();
        let expected = [
            "verdict     block (ErrorCode 1: forbidden, the sender sees an error)",
            "message     Group.CallbackBeforeSendMsg in @TGS#explain",
            "  block \"buy followers\" (global document, enforced)",
            "    at          MsgBody[0].MsgContent.Text bytes 8..21",
            "    text        want to [BUY FOLLOWERS] cheap? add me on telegram",
            // The normalised view reads punctuation as a gap.
            "    normalised  want to [buy followers] cheap add me on telegram",
            "  review \"telegram\" (global document, enforced)",
            "review      a review event goes to the origin",
        ];
        for line in expected {
            assert!(out.contains(line), "missing {line:?} in\n{out}");
        }
    }

    #[test]
    fn allowed_words_and_monitor_documents() {
        let global = RuleSet::from_json(r#"{"block":["sex*"],"allow":["sextant"]}"#).unwrap();
        let group = RuleSet::from_json(r#"{"block":["spoiler"],"mode":"monitor"}"#).unwrap();
        let e = text(&global, Some(&group), "Sextant spoiler");
        assert_eq!(e.decision.verdict, Verdict::Deliver);
        assert_eq!(e.allowed.len(), 1);
        assert_eq!(e.would_be(), Some(Action::Block));
        let out = e.to_string();
        assert!(
            out.contains("allowed     block \"sex*\" (global document) at MsgBody[0].MsgContent.Text bytes 0..3"),
            "{out}"
        );
        assert!(out.contains("monitor     a monitor-mode document would have answered: block"), "{out}");
        assert!(out.contains("  block \"spoiler\" (group document, monitor: reported, not carried out)"), "{out}");
    }

    #[test]
    fn bodies_decide_like_the_worker() {
        let global = RuleSet::from_json(r#"{"block":["red packet"]}"#).unwrap();
        let group = RuleSet::from_json(r#"{"mask":["jonh"]}"#).unwrap();
        let sample = include_bytes!("../../tests/fixtures/seeds/before-room-message-sent.jsonc");
        let e =
            explain(&Request { global: Some(&global), group: Some(&group), message: Message::Body(sample), now: 0 })
                .unwrap();
        assert_eq!(e.answer, r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":1}"#);
        assert_eq!(e.group_id.as_deref(), Some("@TGS#2J4SZEAEL"));

        let c2c =
            br#"{"CallbackCommand":"C2C.CallbackBeforeSendMsg","From_Account":"a","To_Account":"b","GroupId":"@TGS#x",
            "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi jonh"}}]}"#;
        let e = explain(&Request { global: Some(&global), group: Some(&group), message: Message::Body(c2c), now: 0 })
            .unwrap();
        assert_eq!(e.decision.verdict, Verdict::Deliver, "a group document never applies to C2C");
        assert_eq!(e.notes.len(), 1);

        let after = br#"{"CallbackCommand":"Group.CallbackAfterSendMsg","MsgBody":[]}"#;
        let refused = explain(&Request { global: Some(&global), group: None, message: Message::Body(after), now: 0 });
        assert!(matches!(refused, Err(ExplainError::NotBeforeSend(_))));
        let broken =
            explain(&Request { global: None, group: None, message: Message::Body(b"{\"MsgBody\":{}}"), now: 0 });
        assert!(matches!(broken, Err(ExplainError::Body(_))));
    }

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(visible("a\u{200B}b\n"), "a\\u{200b}b\\u{a}");
        assert_eq!(tail("abcdef", 2), "ef");
        assert_eq!(head("傻逼啊", 2), "傻逼");
    }
}
