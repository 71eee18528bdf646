//! The before-send decision: bans first, then the rule documents, strongest action wins.
//! Pure: everything it needs is passed in, including the time.

use timgate_matcher::{Matcher, Scan};

use crate::ban::BanRecord;
use crate::command::Conversation;
use crate::contacts::ContactKind;
use crate::message_text::{MaskedMessage, MessageText, SegmentMask};
use crate::patterns::{PatternMatches, PatternText};
use crate::rule_document::{Action, Mode};
use crate::rule_set::{RuleSet, RuleTerm};
use crate::settings::FailMode;

/// The generic forbid code (the sender's client sees 10016, C2C 20006).
pub const FORBID: u32 = 1;
/// Mask character when no document sets one.
pub const DEFAULT_MASK_CHAR: char = '*';

/// The outcome of reading one input from storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<T> {
    /// The value exists.
    Found(T),
    /// There is no such key.
    Absent,
    /// It could not be read (storage error, or a broken document with no last good one).
    Unavailable,
}

impl<T> Lookup<T> {
    /// The value, when it was found.
    pub fn found(&self) -> Option<&T> {
        match self {
            Lookup::Found(v) => Some(v),
            _ => None,
        }
    }

    fn is_unavailable(&self) -> bool {
        matches!(self, Lookup::Unavailable)
    }
}

/// Which rule document a match came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `rules`.
    Global,
    /// `rules:group:<GroupId>`.
    Group,
}

impl Scope {
    /// `global` or `group`.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Group => "group",
        }
    }
}

/// Everything a decision depends on.
#[derive(Debug)]
pub struct DecisionInput<'a> {
    /// Group or C2C (decides the range of custom codes).
    pub conversation: Conversation,
    /// The message's visible text.
    pub message: &'a MessageText<'a>,
    /// `rules`.
    pub global_rules: Lookup<&'a RuleSet>,
    /// `rules:group:<GroupId>` (always `Absent` for C2C).
    pub group_rules: Lookup<&'a RuleSet>,
    /// `ban:<UserID>`.
    pub global_ban: Lookup<BanRecord>,
    /// `ban:<GroupId>:<UserID>` (always `Absent` for C2C).
    pub group_ban: Lookup<BanRecord>,
    /// Current unix time in seconds.
    pub now_seconds: i64,
    /// What to answer when an input is unavailable.
    pub fail_mode: FailMode,
}

/// What Tencent is told to do with the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Deliver unchanged (`ErrorCode 0`).
    Deliver,
    /// Deliver with these fields replaced (`ErrorCode 0` + `MsgBody`/`CloudCustomData`).
    Modify(MaskedMessage),
    /// Forbid (`ErrorCode` 1 or a custom code, with `ErrorInfo`).
    Forbid {
        /// `ErrorCode`.
        code: u32,
        /// `ErrorInfo`.
        info: String,
    },
    /// Discard silently (`ErrorCode 2`).
    Discard,
}

impl Verdict {
    /// Short name for logs and review events.
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Deliver => "allow",
            Verdict::Modify(_) => "mask",
            Verdict::Forbid { .. } => "block",
            Verdict::Discard => "discard",
        }
    }
}

/// Why the verdict is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// `ban:<UserID>` is in force.
    GlobalBan,
    /// `ban:<GroupId>:<UserID>` is in force.
    GroupBan,
    /// A rule matched (or none did, and everything was readable).
    Rules,
    /// An input was unavailable and nothing that was readable forbade the message:
    /// the fail mode decided.
    FailMode,
    /// The sender is exempt (`exempt`): nothing was checked, bans included.
    Exempt,
}

impl Basis {
    /// Short name for logs.
    pub fn name(self) -> &'static str {
        match self {
            Basis::GlobalBan => "global_ban",
            Basis::GroupBan => "group_ban",
            Basis::Rules => "rules",
            Basis::FailMode => "fail_mode",
            Basis::Exempt => "exempt",
        }
    }
}

/// Which check of a document found something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// A term of `block`/`discard`/`mask`/`review`.
    Term,
    /// The `links` check.
    Links,
    /// The `contacts` check, with the kind of contact detail.
    Contacts(ContactKind),
    /// One of the document's `patterns`, by its index.
    Pattern(usize),
    /// A sender-behaviour check: `flood`, `slow_mode`, `repeat`, or `behaviour_unavailable`
    /// (the state could not be reached and the fail mode is closed).
    Behaviour(&'static str),
}

impl Check {
    /// `term`, `links`, `contacts:phone`, `patterns[2]`..., as logs and review events name it.
    pub fn name(self) -> std::borrow::Cow<'static, str> {
        match self {
            Check::Term => "term".into(),
            Check::Links => "links".into(),
            Check::Contacts(kind) => kind.check_name().into(),
            Check::Pattern(index) => format!("patterns[{index}]").into(),
            Check::Behaviour(name) => name.into(),
        }
    }
}

/// One thing found in the message: a term, or a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Which check found it.
    pub check: Check,
    /// Which document.
    pub scope: Scope,
    /// That document's version.
    pub rules_version: String,
    /// The term's index in its rule set; a pattern's index in `patterns`; 0 for a link or a
    /// contact detail.
    pub term_index: usize,
    /// The term as written in the document; for a link, its host as read (`example.com`); for a
    /// contact detail, its value as read (`13800138000`, `name@example.com`); for a pattern, the
    /// pattern as written.
    pub term: String,
    /// The term's action.
    pub action: Action,
    /// `false` when the document is in monitor mode: reported, not carried out.
    pub enforced: bool,
    /// Index into the message's segments (the first one the match covers).
    pub segment: usize,
    /// Where in the body (`MsgBody[0].MsgContent.Text`).
    pub location: String,
    /// Byte range in that segment's text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Every piece of text the match covers, `(segment, start, end)`: more than one when a term
    /// runs across adjacent text elements.
    pub pieces: Vec<(usize, usize, usize)>,
}

/// A decision and what it was based on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The answer.
    pub verdict: Verdict,
    /// Why.
    pub basis: Basis,
    /// Every term found, in message order.
    pub hits: Vec<Hit>,
    /// Terms found inside an allowed word, and links to an allowed domain, and so left out
    /// (shown by `explain`).
    pub allowed: Vec<Hit>,
}

impl Decision {
    /// Whether the origin gets a review event: a `review` term matched, or a monitor-mode
    /// document would have acted.
    pub fn wants_review(&self) -> bool {
        self.hits.iter().any(|h| h.action == Action::Review || !h.enforced)
    }
}

/// Decides a before-send callback.
pub fn decide(input: &DecisionInput<'_>) -> Decision {
    for (ban, basis) in [(&input.global_ban, Basis::GlobalBan), (&input.group_ban, Basis::GroupBan)] {
        if let Some(record) = ban.found().filter(|r| r.is_active(input.now_seconds)) {
            let verdict = forbid(input.conversation, record.code, record.reason.clone());
            return Decision { verdict, basis, hits: Vec::new(), allowed: Vec::new() };
        }
    }

    let sets: Vec<(Scope, &RuleSet)> = [(Scope::Global, &input.global_rules), (Scope::Group, &input.group_rules)]
        .into_iter()
        .filter_map(|(scope, lookup)| lookup.found().map(|set| (scope, *set)))
        .collect();
    let (hits, allowed) = find_hits(input.message, &sets);

    let strongest = hits.iter().filter(|h| h.enforced).map(|h| h.action).max();
    let verdict = match strongest {
        Some(Action::Block) => {
            let first = hits.iter().find(|h| h.enforced && h.action == Action::Block);
            let (code, info) = first.map(|h| custom_answer(&sets, h)).unwrap_or_default();
            forbid(input.conversation, code, info)
        }
        Some(Action::Discard) => Verdict::Discard,
        Some(Action::Mask) => {
            let masked = mask(input.message, &hits, mask_char(&sets));
            // A body Tencent would not send (JSON only a lenient reader takes: a raw control
            // character in a string, NaN...) keeps its other bytes as they came, so the masked
            // MsgBody would not be JSON and could not be answered: refuse the message rather
            // than let it through unmasked. (serde's skipping reader lets a lone surrogate escape
            // such as `\ud800` pass, which a strict reader refuses: looked for apart.)
            let not_json = |b: &str| {
                serde_json::from_str::<serde::de::IgnoredAny>(b).is_err()
                    || crate::lenient_json::has_lone_surrogate_escape(b)
            };
            if masked.msg_body.as_deref().is_some_and(not_json) {
                Verdict::Forbid { code: FORBID, info: String::new() }
            } else {
                Verdict::Modify(masked)
            }
        }
        Some(Action::Review) | None => Verdict::Deliver,
    };

    // A document whose patterns the worker could not compile (read without its blob) was not
    // fully checked, as if it were unavailable.
    let uncompiled = sets.iter().any(|(_, set)| set.uncompiled_patterns() > 0);
    let incomplete = [&input.global_rules, &input.group_rules].iter().any(|l| l.is_unavailable())
        || uncompiled
        || input.global_ban.is_unavailable()
        || input.group_ban.is_unavailable();
    let forbids = matches!(verdict, Verdict::Forbid { .. } | Verdict::Discard);
    if incomplete && !forbids {
        let verdict = match input.fail_mode {
            FailMode::Open => verdict,
            FailMode::Closed => forbid(input.conversation, None, None),
        };
        return Decision { verdict, basis: Basis::FailMode, hits, allowed };
    }
    Decision { verdict, basis: Basis::Rules, hits, allowed }
}

/// The answer when a callback cannot be decided at all (body unreadable, internal error).
pub fn undecidable(fail_mode: FailMode) -> Verdict {
    match fail_mode {
        FailMode::Open => Verdict::Deliver,
        FailMode::Closed => Verdict::Forbid { code: FORBID, info: String::new() },
    }
}

/// Adds the sender-behaviour checks that fired to a decision on the message's content: the
/// strongest enforced action of all wins (block, then discard), as between documents. A decision
/// on a ban or on an exemption is left as it is.
pub fn add_behaviour(
    decision: &mut Decision,
    conversation: Conversation,
    hits: Vec<(Hit, Option<u32>, Option<String>)>,
) {
    if matches!(decision.basis, Basis::GlobalBan | Basis::GroupBan | Basis::Exempt) {
        return;
    }
    for (hit, code, info) in hits {
        if hit.enforced {
            let stronger = match (&decision.verdict, hit.action) {
                (Verdict::Forbid { .. }, _) => false,
                (_, Action::Block) => true,
                (Verdict::Discard, _) => false,
                (_, Action::Discard) => true,
                _ => false,
            };
            if stronger {
                decision.verdict = match hit.action {
                    Action::Block => forbid(conversation, code, info),
                    _ => Verdict::Discard,
                };
                decision.basis = Basis::Rules;
            }
        }
        decision.hits.push(hit);
    }
}

fn forbid(conversation: Conversation, code: Option<u32>, info: Option<String>) -> Verdict {
    // A custom code outside this conversation's range would be rejected by Tencent;
    // fall back to the generic forbid rather than risk the message going through.
    let code = code.filter(|c| conversation.custom_code_range().contains(c)).unwrap_or(FORBID);
    Verdict::Forbid { code, info: info.unwrap_or_default() }
}

/// Every term of every document found in the message's reading text, normalised once and read
/// by every document's matchers together; a match inside an allowed word of any applicable
/// document is left out.
fn find_hits(message: &MessageText<'_>, sets: &[(Scope, &RuleSet)]) -> (Vec<Hit>, Vec<Hit>) {
    let text = message.reading_text();
    if text.is_empty() || sets.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let (mut hits, mut allowed) = find_terms(message, sets);
    hits.extend(find_patterns(message, sets));
    for &(scope, set) in sets {
        if let Some(links) = set.links() {
            for link in links.finder.find(text) {
                let found = Found::other(Check::Links, links.rule.action, link.host, (link.start, link.end));
                let hit = found.hit(message, scope, set);
                if link.allowed {
                    allowed.extend(hit)
                } else {
                    hits.extend(hit)
                }
            }
        }
        if let Some(contacts) = set.contacts() {
            for c in contacts.finder.find(text) {
                let found = Found::other(Check::Contacts(c.kind), contacts.rule.action, c.value, (c.start, c.end));
                hits.extend(found.hit(message, scope, set));
            }
        }
    }
    hits.sort_by_key(|h| (h.segment, h.start));
    (hits, allowed)
}

/// The matches of every document's compiled patterns in the message's reading text, folded once
/// for all of them (unless every pattern is `raw`).
fn find_patterns(message: &MessageText<'_>, sets: &[(Scope, &RuleSet)]) -> Vec<Hit> {
    let mut text = PatternText::new(message.reading_text());
    let mut hits = Vec::new();
    for &(scope, set) in sets {
        if set.patterns().is_empty() {
            continue;
        }
        let checks = set.patterns().iter().map(|p| (p.compiled.as_ref(), p.rule.raw));
        for PatternMatches { index, ranges, more } in text.find_all(set.prefilter(), checks) {
            let Some(check) = set.patterns().get(index) else { continue };
            // A mask pattern with more matches than are looked for would deliver the rest
            // unmasked: the message is forbidden instead (patterns::MAX_HITS_PER_PATTERN).
            let overflow = (more && check.rule.action == Action::Mask).then(|| ranges.last().copied()).flatten();
            let actions = ranges.into_iter().map(|r| (r, check.rule.action));
            for (range, action) in actions.chain(overflow.map(|r| (r, Action::Block))) {
                let found = Found {
                    check: Check::Pattern(index),
                    term_index: index,
                    term: check.rule.pattern.clone(),
                    action,
                    range,
                };
                hits.extend(found.hit(message, scope, set));
            }
        }
    }
    hits
}

/// The terms of every document found in the message's reading text (see [`find_hits`]).
fn find_terms(message: &MessageText<'_>, sets: &[(Scope, &RuleSet)]) -> (Vec<Hit>, Vec<Hit>) {
    let text = message.reading_text();
    // Matchers in pairs: a document's terms, then its allowed words.
    let matchers: Vec<Matcher> =
        sets.iter().flat_map(|(_, set)| [set.matcher().clone(), set.allow_matcher().clone()]).collect();
    let mut found: Vec<(usize, timgate_matcher::Match)> = Vec::new();
    let mut allowed: Vec<(usize, usize)> = Vec::new();
    // Allowed words matter only around a term (they excuse a term inside them): they are read
    // only from shortly before the first term found on, so a clean text costs nothing more.
    for (index, m) in Scan::with_dependents(&matchers, text, |index| index % 2 == 1) {
        if index % 2 == 1 {
            allowed.push((m.start, m.end));
        } else {
            found.push((index / 2, m));
        }
    }
    found.sort_by_key(|(set, m)| (m.start, *set, m.term, m.end));
    found.dedup();
    let mut hits = Vec::new();
    let mut inside_allowed = Vec::new();
    for (set_index, m) in found {
        let (scope, set) = sets[set_index];
        let Some(rule) = set.term(m.term) else { continue };
        let found = Found {
            check: Check::Term,
            term_index: m.term,
            term: rule.text.to_owned(),
            action: rule.action,
            range: (m.start, m.end),
        };
        let Some(hit) = found.hit(message, scope, set) else { continue };
        if allowed.iter().any(|&(s, e)| s <= m.start && m.end <= e) {
            inside_allowed.push(hit);
        } else {
            hits.push(hit);
        }
    }
    (hits, inside_allowed)
}

/// What one check found, before it is placed in the message.
struct Found {
    check: Check,
    term_index: usize,
    term: String,
    action: Action,
    /// Byte range in the reading text.
    range: (usize, usize),
}

impl Found {
    /// What a check other than terms found (no term index).
    fn other(check: Check, action: Action, term: String, range: (usize, usize)) -> Self {
        Found { check, term_index: 0, term, action, range }
    }

    /// The hit, placed in the message's pieces (none if the range covers no text).
    fn hit(self, message: &MessageText<'_>, scope: Scope, set: &RuleSet) -> Option<Hit> {
        let pieces = message.pieces(self.range.0, self.range.1);
        let &(segment, start, end) = pieces.first()?;
        Some(Hit {
            check: self.check,
            scope,
            rules_version: set.version().to_owned(),
            term_index: self.term_index,
            term: self.term,
            action: self.action,
            enforced: set.mode() == Mode::Enforce,
            segment,
            location: message.location(segment),
            start,
            end,
            pieces,
        })
    }
}

/// The custom code and `ErrorInfo` of what a hit found.
fn custom_answer(sets: &[(Scope, &RuleSet)], hit: &Hit) -> (Option<u32>, Option<String>) {
    let Some((_, set)) = sets.iter().find(|(scope, _)| *scope == hit.scope) else { return (None, None) };
    match hit.check {
        Check::Term => {
            set.term(hit.term_index).map_or((None, None), |t: RuleTerm<'_>| (t.code, t.info.map(str::to_owned)))
        }
        Check::Links => set.links().map_or((None, None), |l| (l.rule.code, l.rule.info.clone())),
        Check::Contacts(_) => set.contacts().map_or((None, None), |c| (c.rule.code, c.rule.info.clone())),
        Check::Pattern(index) => set.patterns().get(index).map_or((None, None), |p| (p.rule.code, p.rule.info.clone())),
        // Added after the content decision, with their answers (`add_behaviour`).
        Check::Behaviour(_) => (None, None),
    }
}

/// The group document's mask character wins over the global one.
fn mask_char(sets: &[(Scope, &RuleSet)]) -> char {
    sets.iter().rev().find_map(|(_, set)| set.mask_char()).unwrap_or(DEFAULT_MASK_CHAR)
}

fn mask(message: &MessageText<'_>, hits: &[Hit], mask_char: char) -> MaskedMessage {
    let mut masks: Vec<SegmentMask> = Vec::new();
    for hit in hits.iter().filter(|h| h.enforced && h.action == Action::Mask) {
        for &(segment, start, end) in &hit.pieces {
            match masks.iter_mut().find(|m| m.segment == segment) {
                Some(m) => m.spans.push((start, end)),
                None => masks.push(SegmentMask { segment, spans: vec![(start, end)] }),
            }
        }
    }
    message.masked(&masks, mask_char)
}
