//! The verdict the worker would give a message, and why: what the rules tool's `explain` prints
//! (and what an operator page served by the worker can show).
//!
//! It decides through the worker's own entry point ([`crate::gate`]): the same body reading,
//! documents, bans, normalisation, matching, verdict and answer. Only the presentation (the
//! `Display` of [`Explanation`]) is its own, so what it shows is what the worker does with the
//! same documents and bans.

use std::collections::BTreeMap;
use std::fmt;

use crate::ban::BanRecord;
use crate::callback::{BodyError, MessageCallback};
use crate::command::{self, Conversation, Route};
use crate::decision::{Check, Decision, Hit, Lookup, Scope, Verdict};
use crate::gate::{self, Context, Inputs};
use crate::normalized_view::normalized_view;
use crate::other_commands::{OtherCallback, OtherCommand, OtherInputs, OtherOutcome};
use crate::patterns::folded;
use crate::review_event;
use crate::rule_document::{Action, Mode};
use crate::rule_set::RuleSet;
use crate::settings::FailMode;

/// Why a message cannot be explained.
#[derive(Debug, thiserror::Error)]
pub enum ExplainError {
    /// The body is not one the worker can decide; it would answer with its `FAIL_MODE`.
    #[error("{0} (the worker answers such a callback with its FAIL_MODE answer)")]
    Body(#[from] BodyError),
    /// The body is a callback timgate does not decide.
    #[error("`{0}` is not a before-send callback; explain decides Group.CallbackBeforeSendMsg and C2C.CallbackBeforeSendMsg")]
    NotBeforeSend(String),
    /// The body's command differs from the one it was sent as (the worker refuses it).
    #[error("the worker refuses this body: {0}")]
    Refused(String),
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
/// The sender of text messages (a ban of this user applies to them).
pub const EXPLAIN_SENDER: &str = "explain";

/// Where ban records come from: their value by KV key (`ban:<UserID>`, `ban:<GroupId>:<UserID>`)
/// as stored, `Ok(None)` when there is none, `Err` when it cannot be read.
pub type Bans<'a> = &'a dyn Fn(&str) -> Result<Option<String>, String>;

/// No bans at all.
pub fn no_bans(_: &str) -> Result<Option<String>, String> {
    Ok(None)
}

/// Bans from a map of KV keys to records as stored.
pub fn bans_from(map: &BTreeMap<String, String>) -> impl Fn(&str) -> Result<Option<String>, String> + '_ {
    |key| Ok(map.get(key).cloned())
}

/// What to explain: the documents and bans, as the worker would read them from KV.
#[derive(Clone, Copy)]
pub struct Request<'a> {
    /// `rules`.
    pub global: Option<&'a RuleSet>,
    /// `rules:group:<GroupId>`.
    pub group: Option<&'a RuleSet>,
    /// The ban records.
    pub bans: Bans<'a>,
    /// The message.
    pub message: Message<'a>,
    /// Unix seconds (a timed ban applies until its `until`).
    pub now: i64,
    /// The worker's `FAIL_MODE`: what it answers when a document or ban cannot be read or a
    /// pattern was not compiled (the rules tool explains with `open`).
    pub fail_mode: FailMode,
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
    /// The action of its `links` check, if it has one.
    pub links: Option<Action>,
    /// The action of its `contacts` check, if it has one.
    pub contacts: Option<Action>,
    /// How many `patterns` it has.
    pub patterns: usize,
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
    /// The ban that applied, by key, if one did.
    pub ban: Option<(String, BanRecord)>,
    /// Why a document that was given did not apply.
    pub notes: Vec<String>,
    /// The engine's decision.
    pub decision: Decision,
    /// The exact answer the worker sends Tencent.
    pub answer: String,
    /// `(location, text)` of each piece of visible text (a hit's `segment` indexes it).
    pub segments: Vec<(String, String)>,
}

/// Explains how the worker decides `request.message`.
pub fn explain(request: &Request<'_>) -> Result<Explanation, ExplainError> {
    let body = match request.message {
        Message::Body(bytes) => bytes.to_vec(),
        Message::Text { text, c2c } => text_body(text, c2c),
    };
    // Routing, as the worker routes on the query's command (here: the body's).
    let peek = MessageCallback::parse(&body)?;
    let (conversation, command) = match peek.command.as_deref().map(command::route) {
        Some(Route::DecideMessage(Conversation::Group)) | None => (Conversation::Group, command::GROUP_BEFORE_SEND),
        Some(Route::DecideMessage(Conversation::C2c)) => (Conversation::C2c, command::C2C_BEFORE_SEND),
        Some(_) => return Err(ExplainError::NotBeforeSend(peek.command.clone().unwrap_or_default())),
    };
    let mut notes = Vec::new();
    let mut notes_from_bans: Vec<String> = Vec::new();
    let mut applied_ban = None;
    let mut group_applies = false;
    let context = Context {
        now_seconds: request.now,
        fail_mode: request.fail_mode,
        sdk_app_id: "explain",
        event_nonce: "explain",
        with_text: true,
    };
    let outcome = gate::decide(
        gate::Request { command, conversation, body: &body },
        |keys| {
            group_applies = keys.group_rules.is_some();
            if request.group.is_some() && !group_applies {
                notes.push(match conversation {
                    Conversation::C2c | Conversation::Friend => {
                        "the group document does not apply: C2C messages use the global document only"
                    }
                    Conversation::Group => "the group document does not apply: the callback has no GroupId",
                });
            }
            let mut ban = |key: &Option<String>| {
                let Some(key) = key else { return Lookup::Absent };
                match (request.bans)(key) {
                    Ok(Some(value)) => {
                        // Read as the worker reads it (`edge/ban_cache.rs`).
                        let (record, _) = BanRecord::parse_or_plain(&value);
                        if record.is_active(request.now) && applied_ban.is_none() {
                            applied_ban = Some((key.clone(), record.clone()));
                        }
                        Lookup::Found(record)
                    }
                    Ok(None) => Lookup::Absent,
                    Err(e) => {
                        notes_from_bans
                            .push(format!("{key} could not be read ({e}): the worker would answer its FAIL_MODE"));
                        Lookup::Unavailable
                    }
                }
            };
            Inputs {
                global_rules: request.global.map_or(Lookup::Absent, Lookup::Found),
                group_rules: request.group.filter(|_| group_applies).map_or(Lookup::Absent, Lookup::Found),
                global_ban: ban(&keys.global_ban),
                group_ban: ban(&keys.group_ban),
                // The query (OptPlatform) is not part of an explained message.
                rest_api: false,
            }
        },
        &context,
    )
    .map_err(|r| ExplainError::Refused(r.message))?;
    let Some(decision) = outcome.decision else {
        // `parse` succeeded above, so the gate read the body too; this cannot be reached.
        return Err(ExplainError::Body(BodyError::NotAnObject));
    };
    let documents = [(Scope::Global, request.global), (Scope::Group, request.group.filter(|_| group_applies))]
        .into_iter()
        .filter_map(|(scope, set)| {
            let set = set?;
            Some(DocumentSummary {
                scope,
                version: set.version().to_owned(),
                mode: set.mode(),
                terms: set.len(),
                links: set.links().map(|l| l.rule.action),
                contacts: set.contacts().map(|c| c.rule.action),
                patterns: set.patterns().len(),
            })
        })
        .collect();
    let behaviour = crate::sender_behaviour::Behaviour::merged(
        request.global.map(|s| s.behaviour()),
        request.group.filter(|_| group_applies).map(|s| s.behaviour()),
    );
    let mut notes: Vec<String> = notes.into_iter().map(str::to_owned).chain(notes_from_bans).collect();
    if decision.basis == crate::decision::Basis::Exempt {
        notes.push("the sender is exempt (`exempt`): nothing is checked, bans included".to_owned());
    } else if behaviour.needs_state() {
        let mut fields = Vec::new();
        if behaviour.flood.is_some() {
            fields.push("flood");
        }
        if behaviour.slow_mode() > 0 {
            fields.push("slow_mode_seconds");
        }
        if behaviour.repeat.is_some() {
            fields.push("repeat");
        }
        if behaviour.strikes.is_some() {
            fields.push("strikes");
        }
        notes.push(format!(
            "needs state: {} depend on the sender's earlier messages (the worker's GROUP_STATE Durable Object); not simulated here",
            fields.join(", ")
        ));
    }
    Ok(Explanation {
        command,
        // Only a message the worker treats as a group message is shown with its group.
        group_id: peek.group_id.clone().filter(|_| group_applies),
        documents,
        ban: applied_ban.filter(|_| decision.basis != crate::decision::Basis::Rules),
        notes,
        answer: outcome.answer,
        segments: outcome.text,
        decision,
    })
}

/// A before-send body carrying `text` (in [`EXPLAIN_GROUP`], or one-to-one), as a client sends it.
fn text_body(text: &str, c2c: bool) -> Vec<u8> {
    text_message(text, None, c2c)
}

/// A before-send body carrying `text` from [`EXPLAIN_SENDER`]: in group `group_id` (default
/// [`EXPLAIN_GROUP`]), or one-to-one with `c2c`.
pub fn text_message(text: &str, group_id: Option<&str>, c2c: bool) -> Vec<u8> {
    let element = serde_json::json!([{ "MsgType": "TIMTextElem", "MsgContent": { "Text": text } }]);
    let body = if c2c {
        serde_json::json!({
            "CallbackCommand": command::C2C_BEFORE_SEND, "From_Account": EXPLAIN_SENDER, "To_Account": "someone",
            "MsgBody": element,
        })
    } else {
        serde_json::json!({
            "CallbackCommand": command::GROUP_BEFORE_SEND, "GroupId": group_id.unwrap_or(EXPLAIN_GROUP),
            "From_Account": EXPLAIN_SENDER, "MsgBody": element,
        })
    };
    body.to_string().into_bytes()
}

/// Every KV key a before-send body's decision reads (documents and bans), read from the body as
/// the worker reads it (leniently), so that a caller reading KV asynchronously can read them
/// before [`explain`]; `None` for a body that cannot be read.
pub fn decision_keys(body: &[u8]) -> Option<crate::kv_keys::DecisionKeys> {
    let callback = MessageCallback::parse(body).ok()?;
    let conversation = match callback.command.as_deref().map(command::route) {
        Some(Route::DecideMessage(conversation)) => conversation,
        _ => Conversation::Group,
    };
    Some(crate::kv_keys::DecisionKeys::for_message(
        conversation,
        callback.group_id.as_deref(),
        callback.from_account.as_deref(),
    ))
}

impl Explanation {
    /// As JSON, for the worker's `POST /__timgate/api/try` (the console's "Try a message"): each
    /// hit's `start..end` are byte offsets into the text of `segments[segment]`, and each segment
    /// comes with its normalised view.
    pub fn to_json(&self) -> serde_json::Value {
        let hit = |h: &Hit| {
            serde_json::json!({
                "check": h.check.name(), "scope": h.scope.name(), "rules_version": h.rules_version,
                "term": h.term, "action": h.action.name(), "enforced": h.enforced, "segment": h.segment,
                "location": h.location, "start": h.start, "end": h.end,
                "pieces": h.pieces.iter().map(|&(segment, start, end)| serde_json::json!({"segment": segment, "start": start, "end": end})).collect::<Vec<_>>(),
            })
        };
        serde_json::json!({
            "command": self.command,
            "group_id": self.group_id,
            "verdict": self.decision.verdict.name(),
            "basis": self.decision.basis.name(),
            "would_be": self.would_be().map(Action::name),
            "answer": self.answer,
            "documents": self.documents.iter().map(|d| serde_json::json!({
                "scope": d.scope.name(), "version": d.version, "mode": serde_json::to_value(d.mode).unwrap_or_default(), "terms": d.terms,
                "links": d.links.map(Action::name), "contacts": d.contacts.map(Action::name), "patterns": d.patterns,
            })).collect::<Vec<_>>(),
            "ban": self.ban.as_ref().map(|(key, record)| serde_json::json!({"key": key, "until": record.until, "reason": record.reason})),
            "notes": self.notes,
            "segments": self.segments.iter().map(|(location, text)| serde_json::json!({
                "location": location, "text": text, "normalized": normalized_view(text),
            })).collect::<Vec<_>>(),
            "hits": self.decision.hits.iter().map(hit).collect::<Vec<_>>(),
            "allowed": self.decision.allowed.iter().map(hit).collect::<Vec<_>>(),
        })
    }
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
            let mut links = doc.links.map_or(String::new(), |a| format!(", links: {}", a.name()));
            links.extend(doc.contacts.map(|a| format!(", contacts: {}", a.name())));
            if doc.patterns > 0 {
                links.push_str(&format!(", {} patterns", doc.patterns));
            }
            writeln!(
                f,
                "{label:<11} {:<6} version {} ({mode}, {} terms{links})",
                doc.scope.name(),
                doc.version,
                doc.terms
            )?;
        }
        for note in &self.notes {
            writeln!(f, "note        {note}")?;
        }
        if let Some((key, record)) = &self.ban {
            let until = record.until.map_or_else(|| "until lifted".to_owned(), |u| format!("until unix {u}"));
            writeln!(
                f,
                "ban         {key} ({until}, reason {:?}): the sender may not send",
                record.reason.as_deref().unwrap_or("")
            )?;
        }
        if self.decision.hits.is_empty() {
            writeln!(f, "matches     none")?;
        } else {
            writeln!(f, "matches")?;
        }
        for hit in &self.decision.hits {
            write_hit(f, hit, &self.segments)?;
        }
        for allowed in &self.decision.allowed {
            let (what, why) = match allowed.check {
                Check::Term => ("", "inside an allowed word, not a match"),
                _ => ("link ", "an allowed domain (links.allow_domains)"),
            };
            writeln!(
                f,
                "allowed     {} {what}{:?} ({} document) at {} bytes {}..{}: {why}",
                allowed.action.name(),
                allowed.term,
                allowed.scope.name(),
                allowed.location,
                allowed.start,
                allowed.end
            )?;
            if let Some((_, text)) = self.segments.get(allowed.segment) {
                write_match(f, text, allowed.start, allowed.end, View::Normalised)?;
            }
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

fn write_hit(f: &mut fmt::Formatter<'_>, hit: &Hit, segments: &[(String, String)]) -> fmt::Result {
    let how = if hit.enforced { "enforced" } else { "monitor: reported, not carried out" };
    let what = match hit.check {
        Check::Term => "",
        Check::Links => "link ",
        Check::Contacts(_) => "contact ",
        Check::Pattern(_) => "pattern ",
        Check::Behaviour(_) => "sender behaviour ",
    };
    writeln!(f, "  {} {what}{:?} ({} document, {how})", hit.action.name(), hit.term, hit.scope.name())?;
    for &(segment, start, end) in &hit.pieces {
        let location = segments.get(segment).map_or("?", |(l, _)| l.as_str());
        writeln!(f, "    at          {location} bytes {start}..{end}")?;
        if let Some((_, text)) = segments.get(segment) {
            // A pattern reads the folded text (raw: the text as sent), not the term matcher's.
            let view = match hit.check {
                Check::Pattern(_) => View::Folded,
                _ => View::Normalised,
            };
            write_match(f, text, start, end, view)?;
        }
    }
    match hit.check {
        Check::Term => writeln!(f, "    term        {} → {}", quoted(&hit.term), quoted(&term_view(&hit.term))),
        Check::Links => writeln!(f, "    check       links: a link to {}", hit.term),
        Check::Contacts(_) | Check::Pattern(_) | Check::Behaviour(_) => {
            writeln!(f, "    check       {}: {}", hit.check.name(), hit.term)
        }
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
/// Which reading of the text to show under it.
#[derive(Clone, Copy)]
enum View {
    /// The term matcher's (`normalized_view`).
    Normalised,
    /// The folded text patterns read (`crate::patterns::folded`).
    Folded,
}

fn write_match(f: &mut fmt::Formatter<'_>, text: &str, start: usize, end: usize, view: View) -> fmt::Result {
    let (Some(before), Some(inside), Some(after)) = (text.get(..start), text.get(start..end), text.get(end..)) else {
        return Ok(());
    };
    let (cut_before, cut_after) = (tail(before, CONTEXT_CHARS), head(after, CONTEXT_CHARS));
    let (open, close) =
        (if cut_before.len() < before.len() { "…" } else { "" }, if cut_after.len() < after.len() { "…" } else { "" });
    let (before, after) = (cut_before, cut_after);
    let show = |b: &str, i: &str, a: &str| format!("{open}{}[{}]{}{close}", visible(b), visible(i), visible(a));
    writeln!(f, "    text        {}", show(before, inside, after))?;
    match view {
        View::Normalised => {
            writeln!(
                f,
                "    normalised  {}",
                show(&normalized_view(before), &normalized_view(inside), &normalized_view(after))
            )
        }
        View::Folded => writeln!(f, "    folded      {}", show(&folded(before), &folded(inside), &folded(after))),
    }
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

/// What the worker does with a command besides messages (`scopes`, `engine::other_commands`).
#[derive(Debug, Clone)]
pub struct OtherExplanation {
    /// The command.
    pub command: OtherCommand,
    /// Whether the global document's `scopes` turn it on; off, the worker passes it to the
    /// origin and nothing below applies.
    pub in_scope: bool,
    /// The body as read: the acting user, the texts with their fields.
    pub callback: OtherCallback,
    /// The outcome, as the worker would answer it (also computed when the scope is off, to show
    /// what turning it on would do).
    pub outcome: OtherOutcome,
    /// Bans that could not be read.
    pub notes: Vec<String>,
}

/// Explains a callback body of a command besides messages; `None` when the body is not one.
pub fn explain_other(request: &Request<'_>) -> Option<Result<OtherExplanation, ExplainError>> {
    let Message::Body(body) = request.message else { return None };
    let command = MessageCallback::parse(body).ok()?.command.and_then(|c| OtherCommand::from_name(&c))?;
    let callback = match OtherCallback::parse(command, body) {
        Ok(callback) => callback,
        Err(e) => return Some(Err(ExplainError::Refused(e.to_string()))),
    };
    let in_scope = request.global.is_some_and(|g| command.is_on(g.scopes()));
    let keys = callback.keys();
    let mut notes = Vec::new();
    let bans = keys
        .bans
        .iter()
        .map(|key| {
            let lookup = match (request.bans)(key) {
                Ok(Some(value)) => Lookup::Found(BanRecord::parse_or_plain(&value).0),
                Ok(None) => Lookup::Absent,
                Err(e) => {
                    notes.push(format!("{key} could not be read ({e})"));
                    Lookup::Unavailable
                }
            };
            (key.clone(), lookup)
        })
        .collect();
    let inputs = OtherInputs {
        global_rules: request.global.map_or(Lookup::Absent, Lookup::Found),
        group_rules: request.group.filter(|_| keys.group_rules.is_some()).map_or(Lookup::Absent, Lookup::Found),
        bans,
    };
    let context = Context {
        now_seconds: request.now,
        fail_mode: request.fail_mode,
        sdk_app_id: "explain",
        event_nonce: "explain",
        with_text: false,
    };
    let outcome = callback.decide(&inputs, &context, body);
    Some(Ok(OtherExplanation { command, in_scope, callback, outcome, notes }))
}

impl fmt::Display for OtherExplanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "command     {}", self.command.name())?;
        if !self.in_scope {
            writeln!(
                f,
                "scope       off in the global document's `scopes`: the worker passes this callback to the origin{}",
                if self.command.decides() { ", which decides it" } else { "" }
            )?;
            writeln!(f, "            (what follows is what it would do with the scope on)")?;
        }
        if let Some(actor) = &self.callback.actor {
            writeln!(f, "user        {actor}")?;
        }
        for typed in &self.callback.texts {
            writeln!(f, "text        {}: {}", typed.field, quoted(&typed.text))?;
        }
        for invitee in &self.callback.invitees {
            writeln!(f, "invitee     {invitee}")?;
        }
        for matched in &self.outcome.matched {
            writeln!(f, "matched     {matched}")?;
        }
        for note in self.notes.iter().chain(&self.outcome.problems) {
            writeln!(f, "note        {note}")?;
        }
        writeln!(f, "verdict     {} (basis {})", self.outcome.outcome, self.outcome.basis)?;
        writeln!(f, "answer      {}", self.outcome.answer)?;
        if !self.outcome.reviews.is_empty() {
            writeln!(f, "review      {} event(s) to the origin", self.outcome.reviews.len())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"{"block":[{"term":"buy followers"},{"term":"傻逼","code":10101,"info":"Watch your language"}],
        "discard":["free crypto"],"mask":["damn"],"review":["telegram"],"allow":["sextant"]}"#;

    fn text(global: &RuleSet, group: Option<&RuleSet>, text: &str) -> Explanation {
        explain(&Request {
            global: Some(global),
            group,
            bans: &no_bans,
            message: Message::Text { text, c2c: false },
            now: 0,
            fail_mode: FailMode::Open,
        })
        .unwrap()
    }

    fn body<'a>(
        global: Option<&'a RuleSet>,
        group: Option<&'a RuleSet>,
        bans: Bans<'a>,
        body: &'a [u8],
    ) -> Request<'a> {
        Request { global, group, bans, message: Message::Body(body), now: 0, fail_mode: FailMode::Open }
    }

    #[test]
    fn the_json_points_each_hit_at_its_bytes_in_its_segment() {
        let global = RuleSet::from_json(RULES).unwrap();
        let group = RuleSet::from_json(r#"{"mode":"monitor","block":["spoiler"]}"#).unwrap();
        let message = text_message("ok B.U.Y  f0ll0wers, and a sp0iler", Some("@TGS#room"), false);
        let ban = BTreeMap::from([("ban:explain".to_owned(), r#"{"until":4102444800,"reason":"spam"}"#.to_owned())]);
        let bans = bans_from(&ban);
        let keys = decision_keys(&message).unwrap();
        assert_eq!(keys.group_rules.as_deref(), Some("rules:group:@TGS#room"));
        assert_eq!(
            [keys.global_ban.as_deref(), keys.group_ban.as_deref()],
            [Some("ban:explain"), Some("ban:@TGS#room:explain")]
        );
        // Without the ban: the rules decide.
        let json = explain(&body(Some(&global), Some(&group), &no_bans, &message)).unwrap().to_json();
        assert_eq!(json["verdict"], "block");
        assert_eq!(json["group_id"], "@TGS#room");
        let segment = json["segments"][0]["text"].as_str().unwrap();
        let spans: Vec<(&str, &str, bool)> = json["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                let (start, end) = (h["start"].as_u64().unwrap() as usize, h["end"].as_u64().unwrap() as usize);
                (h["term"].as_str().unwrap(), &segment[start..end], h["enforced"].as_bool().unwrap())
            })
            .collect();
        assert!(spans.contains(&("buy followers", "B.U.Y  f0ll0wers", true)), "{spans:?}");
        assert!(spans.contains(&("spoiler", "sp0iler", false)), "{spans:?}");
        assert_eq!(json["documents"][1]["mode"], "monitor");
        assert!(json["segments"][0]["normalized"].as_str().unwrap().contains("followers"), "{json}");
        // With it: the ban decides, and says so.
        let json = explain(&body(Some(&global), Some(&group), &bans, &message)).unwrap().to_json();
        assert_eq!(json["basis"], "global_ban");
        assert_eq!(json["ban"]["key"], "ban:explain");
        assert_eq!(json["ban"]["reason"], "spam");
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
    fn sender_behaviour_needs_state_and_exempt_senders_are_said() {
        let global = RuleSet::from_json(r#"{"block":["scam"],"flood":{"messages":5,"seconds":10},"repeat":{"messages":3,"seconds":60},"exempt":{"accounts":["explain"]}}"#).unwrap();
        let e = text(&global, None, "scam");
        assert_eq!(e.decision.basis, crate::decision::Basis::Exempt, "the explained message's sender is `explain`");
        assert!(e.notes.iter().any(|n| n.contains("exempt")), "{:?}", e.notes);
        let group = RuleSet::from_json(r#"{"exempt":{"accounts":[]}}"#).unwrap();
        let e = text(&global, Some(&group), "scam");
        assert_eq!(e.answer, r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":1}"#);
        let note = e.notes.iter().find(|n| n.starts_with("needs state")).expect("a needs-state note");
        assert!(note.contains("flood, repeat") && !note.contains("strikes"), "{note}");
        let plain = RuleSet::from_json(RULES).unwrap();
        assert!(text(&plain, None, "hi").notes.iter().all(|n| !n.starts_with("needs state")));
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
            // The normalised view leaves gaps out between words, and shows the sentence end.
            "    normalised  want to [buy followers] cheap / add me on telegram",
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
        assert_eq!(e.decision.allowed.len(), 1);
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
        let none = &no_bans;
        let sample = include_bytes!("../../../tests/fixtures/seeds/before-room-message-sent.jsonc");
        let e = explain(&body(Some(&global), Some(&group), &none, sample)).unwrap();
        assert_eq!(e.answer, r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":1}"#);
        assert_eq!(e.group_id.as_deref(), Some("@TGS#2J4SZEAEL"));

        let c2c =
            br#"{"CallbackCommand":"C2C.CallbackBeforeSendMsg","From_Account":"a","To_Account":"b","GroupId":"@TGS#x",
            "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi jonh"}}]}"#;
        let e = explain(&body(Some(&global), Some(&group), &none, c2c)).unwrap();
        assert_eq!(e.decision.verdict, Verdict::Deliver, "a group document never applies to C2C");
        assert_eq!(e.notes.len(), 1);

        let after = br#"{"CallbackCommand":"Group.CallbackAfterSendMsg","MsgBody":[]}"#;
        assert!(matches!(explain(&body(Some(&global), None, &none, after)), Err(ExplainError::NotBeforeSend(_))));
        assert!(matches!(explain(&body(None, None, &none, b"{\"MsgBody\":{}}")), Err(ExplainError::Body(_))));
    }

    #[test]
    fn bans_apply_as_in_the_worker() {
        let global = RuleSet::from_json(r#"{"block":["spam"]}"#).unwrap();
        let sample = include_bytes!("../../../tests/fixtures/seeds/before-room-message-sent.jsonc");
        let mut bans = BTreeMap::new();
        bans.insert(
            "ban:@TGS#2J4SZEAEL:jared".to_owned(),
            r#"{"until":null,"reason":"Muted for spam","code":10150}"#.to_owned(),
        );
        let e = explain(&body(Some(&global), None, &bans_from(&bans), sample)).unwrap();
        assert_eq!(e.answer, r#"{"ActionStatus":"OK","ErrorInfo":"Muted for spam","ErrorCode":10150}"#);
        assert!(
            e.to_string().contains("ban         ban:@TGS#2J4SZEAEL:jared (until lifted, reason \"Muted for spam\")"),
            "{e}"
        );
        bans.clear();
        bans.insert("ban:jared".to_owned(), r#"{"until":5,"reason":"expired"}"#.to_owned());
        let e = explain(&Request { now: 10, ..body(Some(&global), None, &bans_from(&bans), sample) }).unwrap();
        assert_eq!(e.answer, r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#, "an expired ban does not apply");
        assert!(e.ban.is_none());
        let unreadable = |_: &str| Err("wrangler failed".to_owned());
        let e = explain(&body(Some(&global), None, &unreadable, sample)).unwrap();
        assert_eq!(e.decision.basis, crate::decision::Basis::FailMode);
        assert!(e.notes.iter().any(|n| n.contains("wrangler failed")), "{:?}", e.notes);
    }

    #[test]
    fn other_commands_are_explained_with_their_scope() {
        let on = RuleSet::from_json(
            r#"{"block":[{"term":"buy followers","code":10110,"info":"No ads"}],"scopes":{"group_profile":true}}"#,
        )
        .unwrap();
        let off = RuleSet::from_json(r#"{"block":["buy followers"]}"#).unwrap();
        let body = br#"{"CallbackCommand":"Group.CallbackBeforeCreateGroup","Operator_Account":"leckie","Name":"B.U.Y followers"}"#;
        let explain = |global: &RuleSet| {
            let request = Request {
                global: Some(global),
                group: None,
                bans: &no_bans,
                message: Message::Body(body),
                now: 0,
                fail_mode: FailMode::Open,
            };
            explain_other(&request).expect("a command besides messages").expect("readable").to_string()
        };
        let shown = explain(&on);
        assert!(shown.contains("text        Name: \"B.U.Y followers\""), "{shown}");
        assert!(shown.contains("matched     Name: global/block:buy followers"), "{shown}");
        assert!(
            shown.contains(r#"answer      {"ActionStatus":"OK","ErrorInfo":"No ads","ErrorCode":10110}"#),
            "{shown}"
        );
        assert!(!shown.contains("scope       off"), "{shown}");
        assert!(explain(&off).contains("scope       off in the global document's `scopes`"));
        let message = Request {
            global: Some(&on),
            group: None,
            bans: &no_bans,
            message: Message::Text { text: "x", c2c: false },
            now: 0,
            fail_mode: FailMode::Open,
        };
        assert!(explain_other(&message).is_none(), "a message is explained by `explain`");
    }

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(visible("a\u{200B}b\n"), "a\\u{200b}b\\u{a}");
        assert_eq!(tail("abcdef", 2), "ef");
        assert_eq!(head("傻逼啊", 2), "傻逼");
    }
}
