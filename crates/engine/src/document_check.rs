//! The strict check of a rule document, done before anything reaches KV.
//!
//! The worker is tolerant (it ignores fields it does not know, so a newer tool can write them)
//! and stops at the first fault it finds. An operator needs the opposite: every problem, each
//! with its place in the file, including mistakes the worker would silently accept (a misspelt
//! list name, a duplicate term, an allow entry that protects nothing).
//!
//! The rules tool's `validate` and `push` run it, and so does the worker's console endpoint
//! (`POST /__timgate/api/rules/validate`), with the same messages and positions; only a
//! `patterns` entry's syntax is checked by the tool alone (compiling one needs the
//! `compile-patterns` feature, which the worker is built without).

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use crate::command::Conversation;
use crate::contacts::ContactKind;
use crate::json_locations::{JsonLocations, JsonPath, Position};
use crate::normalized_view::normalized_view;
#[cfg(feature = "compile-patterns")]
use crate::patterns::{CompiledPattern, PatternError, MAX_DOCUMENT_PATTERN_BYTES};
use crate::rule_document::{valid_allow_domain, valid_tld, Action};
use crate::rule_set::RuleSet;
use timgate_matcher::MatcherBuilder;

/// What is wrong with one part of a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// The text is not JSON.
    #[error("not valid JSON: {0}")]
    Syntax(String),
    /// The document is JSON, but not an object.
    #[error("a rule document is a JSON object, not {0}")]
    NotAnObject(&'static str),
    /// A field the worker does not know (and would ignore).
    #[error("unknown field `{field}`{}", hint(.suggestion))]
    UnknownField {
        /// The field as written.
        field: String,
        /// The known field it probably meant.
        suggestion: Option<&'static str>,
    },
    /// A top-level list whose name is not an action.
    #[error("`{name}` is not a list: the lists are block, discard, mask, review and allow{}", hint(.suggestion))]
    UnknownList {
        /// The name as written.
        name: String,
        /// The list it probably meant.
        suggestion: Option<&'static str>,
    },
    /// An `action` field in a term: a term's action is the list it is in.
    #[error("a term's action is the list it is in, not an `action` field: {}", action_hint(.0))]
    ActionField(String),
    /// A key given twice in one object: only the last one counts, and the worker refuses
    /// the document when it is a field it knows.
    #[error("`{0}` is given more than once")]
    DuplicateKey(String),
    /// A value of the wrong JSON type.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// What the field takes.
        expected: &'static str,
        /// What it has.
        found: &'static str,
    },
    /// `mode` is neither `enforce` nor `monitor`.
    #[error("mode must be \"enforce\" or \"monitor\", not {0}")]
    BadMode(String),
    /// `mask_char` is not exactly one character.
    #[error("mask_char must be exactly one character, not {0:?}")]
    BadMaskChar(String),
    /// A term object without `term`.
    #[error("the entry has no `term`")]
    MissingTerm,
    /// A term that is empty or only whitespace.
    #[error("the term is empty")]
    EmptyTerm,
    /// A term with text that the matcher's normalisation removes entirely.
    #[error("the term {0:?} normalises to nothing, so it can never match")]
    NormalisesToNothing(String),
    /// The same term (after normalisation) appears earlier in the document.
    #[error("the term {term:?} is the same as {first} after normalisation; {consequence}")]
    DuplicateTerm {
        /// The term as written here.
        term: String,
        /// Where it appeared first.
        first: String,
        /// Why that matters.
        consequence: &'static str,
    },
    /// A custom code outside both of Tencent's ranges.
    #[error("code {0} is outside 10100–10200 (groups), 120001–130000 (C2C) and 38000–39000 (friend requests)")]
    CodeOutOfRange(String),
    /// `code` or `info` on a list other than `block`, where the worker ignores it.
    #[error("`{field}` applies to block terms only; a {list} term ignores it")]
    OnlyForBlock {
        /// `code` or `info`.
        field: &'static str,
        /// The list the entry is in.
        list: &'static str,
    },
    /// A check without its `action`.
    #[error("the check has no `action` (block, discard, mask or review)")]
    MissingAction,
    /// An `action` that is not one of the four.
    #[error("action must be \"block\", \"discard\", \"mask\" or \"review\", not {0}")]
    BadAction(String),
    /// An entry of `contacts.kinds` that is not a detector.
    #[error("{kind} is not a kind of contact detail (phone, email, wechat, qq, telegram, crypto){}", hint(.suggestion))]
    BadKind {
        /// The kind as written (quoted).
        kind: String,
        /// The kind it probably meant.
        suggestion: Option<&'static str>,
    },
    /// An entry of `links.allow_domains` or `links.tlds` that is not a domain.
    #[error(
        "{0:?} is not a domain: labels of letters, digits and '-' joined by dots ('*.' in front for every subdomain)"
    )]
    NotADomain(String),
    /// A `patterns` entry without its `pattern`.
    #[error("the entry has no `pattern`")]
    MissingPattern,
    /// A pattern the compiler refuses (the position is where in the pattern, when it is at one
    /// place).
    #[error("{0}")]
    BadPattern(String),
    /// An empty allow entry.
    #[error("the allow entry is empty")]
    EmptyAllow,
    /// The same allowed word twice.
    #[error("the allow entry {word:?} is the same as {first} after normalisation")]
    DuplicateAllow {
        /// The word as written here.
        word: String,
        /// Where it appeared first.
        first: String,
    },
    /// An allowed word that contains no term, so it never suppresses a match.
    #[error("the allow entry {0:?} contains no listed term, so it can never apply")]
    AllowNeverApplies(String),
    /// A warning, not a problem: an allowed word that is a term of the document after
    /// normalisation (accents, case and look-alikes folded: `cúm` is `cum`), so that term is
    /// allowed wherever it stands and never applies.
    #[error("warning: the allow entry {word:?} is the term at {term} after normalisation (accents, case and look-alikes are folded), so that term is allowed wherever it stands and never applies")]
    AllowIsATerm {
        /// The allowed word.
        word: String,
        /// Where the term is.
        term: String,
    },
    /// The worker's own parser refuses the document (a safety net: the checks above should
    /// have said why already).
    #[error("the worker would refuse this document: {0}")]
    RefusedByWorker(String),
    /// A warning, not a problem: the words of a phrase joined make an ordinary English word, so
    /// `push` does not look for them joined or spelled out (as `therapist` is not `the rapist`).
    #[error("warning: the words of {term:?} joined make the English word {word:?}, which is not looked for (so that \"therapist\" is not \"the rapist\"); list {word:?} as a term too if it should be")]
    JoinedIntoWord {
        /// The term.
        term: String,
        /// The ordinary word its words make.
        word: String,
    },
    /// A warning, not a problem: characters of a term that the matcher reads as a gap, so the
    /// term matches without them (`13.` matches every `13`).
    #[error("warning: the term {term:?} is matched without {dropped:?} (punctuation and symbols read as gaps), so it matches {view:?} wherever it stands")]
    CharactersIgnored {
        /// The term.
        term: String,
        /// The characters left out, in order.
        dropped: String,
        /// What is matched.
        view: String,
    },
}

impl ProblemKind {
    /// Whether this is only a warning: printed, but it neither fails `validate` nor stops `push`.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            ProblemKind::CharactersIgnored { .. }
                | ProblemKind::JoinedIntoWord { .. }
                | ProblemKind::AllowIsATerm { .. }
        )
    }
}

fn action_hint(action: &str) -> String {
    match Action::LISTS.iter().find(|(_, list)| *list == action) {
        Some((_, list)) => format!("move the entry to `{list}`"),
        None => format!("{action:?} is not an action (block, discard, mask, review)"),
    }
}

fn hint(suggestion: &Option<&'static str>) -> String {
    suggestion.map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default()
}

/// One problem, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The path of the value (or member) at fault.
    pub path: JsonPath,
    /// Its line and column, when known.
    pub position: Option<Position>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// `file:line:column: path: message`, the format editors and CI annotate.
    pub fn render(&self, file: &str) -> String {
        let at = self.position.map(|p| format!("{file}:{p}")).unwrap_or_else(|| file.to_owned());
        if self.path.is_root() {
            format!("{at}: {}", self.kind)
        } else {
            format!("{at}: {}: {}", self.path, self.kind)
        }
    }
}

/// What a document is checked against, besides itself.
#[derive(Debug, Default, Clone, Copy)]
pub struct CheckContext<'a> {
    /// The global document a group document is merged over: its terms count for the
    /// allow-entry check, because allowed words protect against the terms of both.
    pub global: Option<&'a RuleSet>,
    /// The normalisation that decides duplicates and empty terms; [`normalized_view`] unless a
    /// test substitutes another.
    pub normalize: Option<fn(&str) -> String>,
    /// Ordinary English words (`english_words::words`, as `push` compiles with): a phrase whose
    /// words join into one is warned about, since that joined reading is not looked for.
    pub words: Option<&'a BTreeSet<String>>,
}

const LISTS: [&str; 5] = ["block", "discard", "mask", "review", "allow"];
const TOP_LEVEL: [&str; 16] = [
    "block",
    "discard",
    "mask",
    "review",
    "allow",
    "mask_char",
    "mode",
    "links",
    "contacts",
    "patterns",
    "scopes",
    "flood",
    "slow_mode_seconds",
    "repeat",
    "strikes",
    "exempt",
];
const LINKS_FIELDS: [&str; 5] = ["action", "allow_domains", "tlds", "code", "info"];
const CONTACTS_FIELDS: [&str; 4] = ["action", "kinds", "code", "info"];
const SCOPES_FIELDS: [&str; 4] = ["messages", "group_profile", "join_requests", "friend_requests"];
const PATTERN_FIELDS: [&str; 5] = ["pattern", "action", "code", "info", "raw"];
const ENTRY_FIELDS: [&str; 3] = ["term", "code", "info"];
const FLOOD_FIELDS: [&str; 5] = ["messages", "seconds", "action", "code", "info"];
const REPEAT_FIELDS: [&str; 5] = ["messages", "seconds", "action", "code", "info"];
const STRIKES_FIELDS: [&str; 5] = ["count", "seconds", "mute_seconds", "code", "info"];
const EXEMPT_FIELDS: [&str; 2] = ["accounts", "rest_api"];

/// Every problem of the document `text`, in the order they appear. Empty means the document is
/// good: the worker accepts it and every entry in it can take effect.
pub fn check(text: &str, context: &CheckContext<'_>) -> Vec<Problem> {
    // Comments and a byte order mark are blanked in place: every position stays the file's.
    let original = text;
    let json = crate::jsonc::to_json(text);
    let text = json.as_ref();
    let bom = if original.starts_with('\u{FEFF}') { 3 } else { 0 };
    let locations = JsonLocations::scan(text).hiding_on_line_one(bom);
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            let position = locations.position_of_error(e.line(), e.column());
            let message = strip_position(&e.to_string());
            return vec![Problem {
                path: JsonPath::root(),
                position: Some(position),
                kind: ProblemKind::Syntax(message),
            }];
        }
    };
    let mut checker = Checker {
        locations: &locations,
        normalize: context.normalize.unwrap_or(normalized_view),
        problems: Vec::new(),
        terms: HashMap::new(),
        term_texts: Vec::new(),
        words: context.words,
        joined: Vec::new(),
    };
    checker.document(&value);
    for (path, term, word) in std::mem::take(&mut checker.joined) {
        // Listed as a term of its own, the joined word is looked for anyway.
        if !checker.terms.contains_key(&(checker.normalize)(&word)) {
            checker.problem(&path, ProblemKind::JoinedIntoWord { term, word });
        }
    }
    for member in locations.duplicate_keys() {
        let key = member.last_key().unwrap_or_default().to_owned();
        checker.problem_at_key(member, ProblemKind::DuplicateKey(key));
    }
    checker.allow_entries(&value, context.global);

    let mut problems = checker.problems;
    if let Err(e) = RuleSet::from_json(text) {
        if problems.is_empty() {
            problems.push(Problem {
                path: JsonPath::root(),
                position: None,
                kind: ProblemKind::RefusedByWorker(e.to_string()),
            });
        }
    }
    problems.sort_by_key(|p| p.position.map(|p| (p.line, p.column)));
    problems
}

struct Checker<'l> {
    locations: &'l JsonLocations,
    normalize: fn(&str) -> String,
    problems: Vec<Problem>,
    /// Normalised term → where it first appeared and in which list.
    terms: HashMap<String, (JsonPath, Action)>,
    /// Every usable term, for the allow-entry check.
    term_texts: Vec<String>,
    words: Option<&'l BTreeSet<String>>,
    /// A phrase whose words join into an ordinary word: where, the term, the word.
    joined: Vec<(JsonPath, String, String)>,
}

impl Checker<'_> {
    fn problem(&mut self, path: &JsonPath, kind: ProblemKind) {
        self.problems.push(Problem { path: path.clone(), position: self.locations.value(path), kind });
    }

    fn problem_at_key(&mut self, path: &JsonPath, kind: ProblemKind) {
        self.problems.push(Problem { path: path.clone(), position: self.locations.key(path), kind });
    }

    fn document(&mut self, value: &Value) {
        let root = JsonPath::root();
        let Value::Object(members) = value else {
            self.problem(&root, ProblemKind::NotAnObject(type_name(value)));
            return;
        };
        for (name, value) in members {
            let path = root.key(name);
            match name.as_str() {
                "mode" => self.mode(&path, value),
                "mask_char" => self.mask_char(&path, value),
                "allow" => self.allow_shape(&path, value),
                "links" => self.check_object(&path, value, &LINKS_FIELDS),
                "contacts" => self.check_object(&path, value, &CONTACTS_FIELDS),
                "scopes" => self.check_scopes(&path, value),
                "patterns" => self.patterns(&path, value),
                "flood" => self.behaviour_object(&path, value, &FLOOD_FIELDS),
                "repeat" => self.behaviour_object(&path, value, &REPEAT_FIELDS),
                "strikes" => self.behaviour_object(&path, value, &STRIKES_FIELDS),
                "exempt" => self.behaviour_object(&path, value, &EXEMPT_FIELDS),
                // Its type and range, as every value above, the worker's own parser checks
                // (reported as "the worker would refuse this document").
                "slow_mode_seconds" => {}
                _ => match Action::LISTS.iter().find(|(_, list)| list == name) {
                    Some(&(action, list)) => self.list(&path, value, action, list),
                    None => self.unknown_top_level(&path, name, value),
                },
            }
        }
    }

    fn unknown_top_level(&mut self, path: &JsonPath, name: &str, value: &Value) {
        let kind = if value.is_array() {
            ProblemKind::UnknownList { name: name.to_owned(), suggestion: closest(name, &LISTS) }
        } else {
            ProblemKind::UnknownField { field: name.to_owned(), suggestion: closest(name, &TOP_LEVEL) }
        };
        self.problem_at_key(path, kind);
    }

    /// `scopes`: an object of known names, each `true` or `false`.
    fn check_scopes(&mut self, path: &JsonPath, value: &Value) {
        let Value::Object(fields) = value else {
            self.problem(path, wrong_type("an object ({\"join_requests\": true, ...})", value));
            return;
        };
        for (name, value) in fields {
            let field = path.key(name);
            if !SCOPES_FIELDS.contains(&name.as_str()) {
                let suggestion = closest(name, &SCOPES_FIELDS);
                self.problem_at_key(&field, ProblemKind::UnknownField { field: name.clone(), suggestion });
            } else if !value.is_boolean() {
                self.problem(&field, wrong_type("true or false", value));
            }
        }
    }

    /// A check's object: `links` (`{"action": ..., "allow_domains": [...], "tlds": [...], "code":
    /// ..., "info": ...}`) or `contacts` (`{"action": ..., "kinds": [...], "code": ..., "info": ...}`);
    /// `known` is its fields.
    /// A sender-behaviour field (`flood`, `repeat`, `strikes`, `exempt`): an object of known names
    /// with a `code` in range; the numbers' ranges are the worker parser's to check.
    fn behaviour_object(&mut self, path: &JsonPath, value: &Value, known: &[&'static str]) {
        let Value::Object(fields) = value else {
            self.problem(path, wrong_type("an object", value));
            return;
        };
        let action = match fields.get("action").and_then(Value::as_str) {
            Some("discard") => "discard",
            _ => "block",
        };
        for (name, value) in fields {
            let field = path.key(name);
            if !known.contains(&name.as_str()) {
                let suggestion = closest(name, known);
                self.problem_at_key(&field, ProblemKind::UnknownField { field: name.clone(), suggestion });
            } else if name == "code" {
                self.code(&field, value, action);
            }
        }
    }

    fn check_object(&mut self, path: &JsonPath, value: &Value, known: &[&'static str]) {
        let Value::Object(fields) = value else {
            self.problem(path, wrong_type("an object ({\"action\": \"block\", ...})", value));
            return;
        };
        let action = match fields.get("action") {
            None => {
                self.problem(path, ProblemKind::MissingAction);
                None
            }
            Some(Value::String(a)) => match Action::LISTS.iter().find(|(_, name)| name == a) {
                Some(&(_, name)) => Some(name),
                None => {
                    self.problem(&path.key("action"), ProblemKind::BadAction(format!("{a:?}")));
                    None
                }
            },
            Some(other) => {
                self.problem(&path.key("action"), ProblemKind::BadAction(other.to_string()));
                None
            }
        };
        for (name, value) in fields {
            let field = path.key(name);
            match name.as_str() {
                "action" => {}
                _ if !known.contains(&name.as_str()) => {
                    let suggestion = closest(name, known);
                    self.problem_at_key(&field, ProblemKind::UnknownField { field: name.clone(), suggestion });
                }
                "kinds" => self.kinds(&field, value),
                "raw" if !value.is_boolean() => self.problem(&field, wrong_type("true or false", value)),
                "code" => self.code(&field, value, action.unwrap_or("block")),
                "info" => self.info(&field, value, action.unwrap_or("block")),
                "allow_domains" | "tlds" => {
                    let Value::Array(items) = value else {
                        self.problem(&field, wrong_type("a list of strings", value));
                        continue;
                    };
                    for (index, item) in items.iter().enumerate() {
                        let at = field.index(index);
                        let Value::String(entry) = item else {
                            self.problem(&at, wrong_type("a string", item));
                            continue;
                        };
                        // The worker's own rules (it refuses a document with such an entry).
                        let valid = if name == "tlds" { valid_tld(entry) } else { valid_allow_domain(entry) };
                        if !valid {
                            self.problem(&at, ProblemKind::NotADomain(entry.clone()));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// `patterns`: a list of `{"pattern": ..., "action": ..., "code": ..., "info": ..., "raw": ...}`,
    /// each pattern compiled as `push` compiles it, a refusal placed where it is in the pattern.
    fn patterns(&mut self, path: &JsonPath, value: &Value) {
        let Value::Array(items) = value else {
            self.problem(path, wrong_type("a list of {\"pattern\": ..., \"action\": ...}", value));
            return;
        };
        let mut total = 0;
        for (index, item) in items.iter().enumerate() {
            let at = path.index(index);
            self.check_object(&at, item, &PATTERN_FIELDS);
            let Value::Object(fields) = item else { continue };
            let raw = fields.get("raw").and_then(Value::as_bool).unwrap_or(false);
            let field = at.key("pattern");
            match fields.get("pattern") {
                None => self.problem(&at, ProblemKind::MissingPattern),
                #[cfg(not(feature = "compile-patterns"))]
                Some(Value::String(_)) => {
                    // The worker cannot compile a pattern (the rules tool compiles it into the
                    // blob): its syntax is checked by `validate` and `push`.
                    let _ = (raw, &mut total);
                }
                #[cfg(feature = "compile-patterns")]
                Some(Value::String(pattern)) => {
                    let compiled = CompiledPattern::compile(pattern, !raw).and_then(|c| {
                        // The document's total, as the worker's compile counts it.
                        total += c.heap_bytes();
                        match total > MAX_DOCUMENT_PATTERN_BYTES {
                            true => Err(PatternError::DocumentTooBig(total / 1024)),
                            false => Ok(c),
                        }
                    });
                    if let Err(e) = compiled {
                        let position = match e.offset() {
                            Some(offset) => self.locations.position_in_string(&field, offset),
                            None => self.locations.value(&field),
                        };
                        let kind = ProblemKind::BadPattern(e.to_string());
                        self.problems.push(Problem { path: field, position, kind });
                    }
                }
                Some(other) => self.problem(&field, wrong_type("a string", other)),
            }
        }
    }

    /// `contacts.kinds`: a list of detector names.
    fn kinds(&mut self, path: &JsonPath, value: &Value) {
        let Value::Array(items) = value else {
            self.problem(path, wrong_type("a list of strings", value));
            return;
        };
        let kinds = ContactKind::ALL.map(ContactKind::name);
        for (index, item) in items.iter().enumerate() {
            let at = path.index(index);
            match item {
                Value::String(kind) if kinds.contains(&kind.as_str()) => {}
                Value::String(kind) => self.problem(
                    &at,
                    ProblemKind::BadKind { kind: format!("{kind:?}"), suggestion: closest(kind, &kinds) },
                ),
                other => self.problem(&at, wrong_type("a string", other)),
            }
        }
    }

    fn mode(&mut self, path: &JsonPath, value: &Value) {
        match value {
            Value::Null => {}
            Value::String(s) if s == "enforce" || s == "monitor" => {}
            other => self.problem(path, ProblemKind::BadMode(other.to_string())),
        }
    }

    fn mask_char(&mut self, path: &JsonPath, value: &Value) {
        match value {
            Value::Null => {}
            Value::String(s) if s.chars().count() == 1 => {}
            Value::String(s) => self.problem(path, ProblemKind::BadMaskChar(s.clone())),
            other => self.problem(path, wrong_type("a one-character string", other)),
        }
    }

    fn list(&mut self, path: &JsonPath, value: &Value, action: Action, list: &'static str) {
        let Value::Array(items) = value else {
            self.problem(path, wrong_type("a list (JSON array)", value));
            return;
        };
        for (index, item) in items.iter().enumerate() {
            let path = path.index(index);
            let term = match item {
                Value::String(term) => Some(term.as_str()),
                Value::Object(fields) => self.entry_fields(&path, fields, list),
                other => {
                    self.problem(&path, wrong_type("a term (string) or {\"term\": ...}", other));
                    None
                }
            };
            let term_path = if item.is_object() { path.key("term") } else { path };
            if let Some(term) = term {
                self.term(&term_path, term, action);
            }
        }
    }

    /// Checks the fields of `{"term": ..., "code": ..., "info": ...}`; returns the term if usable.
    fn entry_fields<'v>(
        &mut self,
        path: &JsonPath,
        fields: &'v Map<String, Value>,
        list: &'static str,
    ) -> Option<&'v str> {
        for (name, value) in fields {
            let field = path.key(name);
            match name.as_str() {
                "term" => {}
                "code" => self.code(&field, value, list),
                "info" => self.info(&field, value, list),
                "action" => {
                    let action = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
                    self.problem_at_key(&field, ProblemKind::ActionField(action));
                }
                other => {
                    let suggestion = closest(other, &ENTRY_FIELDS);
                    self.problem_at_key(&field, ProblemKind::UnknownField { field: other.to_owned(), suggestion });
                }
            }
        }
        match fields.get("term") {
            Some(Value::String(term)) => Some(term),
            Some(other) => {
                self.problem(&path.key("term"), wrong_type("a string", other));
                None
            }
            None => {
                self.problem(path, ProblemKind::MissingTerm);
                None
            }
        }
    }

    /// An `info`: a string, and only where a block answer can carry it.
    fn info(&mut self, path: &JsonPath, value: &Value, list: &'static str) {
        match value {
            Value::String(_) | Value::Null if list != "block" => {
                self.problem_at_key(path, ProblemKind::OnlyForBlock { field: "info", list })
            }
            Value::String(_) | Value::Null => {}
            other => self.problem(path, wrong_type("a string", other)),
        }
    }

    fn code(&mut self, path: &JsonPath, value: &Value, list: &'static str) {
        match value {
            Value::Null => {}
            Value::Number(n) => match n.as_u64() {
                Some(code) if Conversation::is_custom_code(u32::try_from(code).unwrap_or(0)) => {
                    if list != "block" {
                        self.problem_at_key(path, ProblemKind::OnlyForBlock { field: "code", list });
                    }
                }
                _ => self.problem(path, ProblemKind::CodeOutOfRange(n.to_string())),
            },
            other => self.problem(path, wrong_type("a whole number", other)),
        }
    }

    fn term(&mut self, path: &JsonPath, term: &str, action: Action) {
        if term.trim().is_empty() {
            self.problem(path, ProblemKind::EmptyTerm);
            return;
        }
        let normalized = (self.normalize)(term);
        if normalized.trim().is_empty() {
            self.problem(path, ProblemKind::NormalisesToNothing(term.to_owned()));
            return;
        }
        let dropped = ignored_characters(term);
        if !dropped.is_empty() {
            let view = normalized.trim().to_owned();
            self.problem(path, ProblemKind::CharactersIgnored { term: term.to_owned(), dropped, view });
        }
        if let Some(words) = self.words {
            if let Some(word) = joined_word(&normalized, words) {
                self.joined.push((path.clone(), term.to_owned(), word));
            }
        }
        match self.terms.get(&normalized) {
            Some((first, first_action)) => {
                let consequence = if *first_action == action {
                    "the second entry never decides anything"
                } else if *first_action > action {
                    "the stronger action always wins, so this entry never decides anything"
                } else {
                    "this stronger action always wins, so the first entry never decides anything"
                };
                let kind = ProblemKind::DuplicateTerm { term: term.to_owned(), first: first.to_string(), consequence };
                self.problem(path, kind);
            }
            None => {
                self.terms.insert(normalized, (path.clone(), action));
                self.term_texts.push(term.to_owned());
            }
        }
    }

    fn allow_shape(&mut self, path: &JsonPath, value: &Value) {
        let Value::Array(items) = value else {
            self.problem(path, wrong_type("a list (JSON array) of words", value));
            return;
        };
        for (index, item) in items.iter().enumerate() {
            if !item.is_string() {
                self.problem(&path.index(index), wrong_type("a word (string)", item));
            }
        }
    }

    /// Allow entries are checked last, against every term of the document (and of the global
    /// document), using the worker's own matcher: an entry that contains no term never
    /// suppresses a match.
    fn allow_entries(&mut self, value: &Value, global: Option<&RuleSet>) {
        let Some(Value::Array(items)) = value.get("allow") else { return };
        // Terms that normalise to nothing are reported on their own; leave them out here so
        // that the matcher can be built from the rest.
        let normalize = self.normalize;
        let matchable = self.term_texts.iter().map(String::as_str).filter(|t| !normalize(t).trim().is_empty());
        let Ok(local) = MatcherBuilder::new().terms(matchable).build() else { return };
        let mut seen: HashMap<String, JsonPath> = HashMap::new();
        for (index, item) in items.iter().enumerate() {
            let Value::String(word) = item else { continue };
            let path = JsonPath::root().key("allow").index(index);
            if word.trim().is_empty() {
                self.problem(&path, ProblemKind::EmptyAllow);
                continue;
            }
            let normalized = (self.normalize)(word);
            if let Some(first) = seen.get(&normalized) {
                let kind = ProblemKind::DuplicateAllow { word: word.clone(), first: first.to_string() };
                self.problem(&path, kind);
                continue;
            }
            let term = self.terms.get(&normalized).map(|(at, _)| at.to_string());
            seen.insert(normalized, path.clone());
            let applies = local.is_match(word) || global.is_some_and(|set| set.matcher().is_match(word));
            if !applies {
                self.problem(&path, ProblemKind::AllowNeverApplies(word.clone()));
            } else if let Some(term) = term {
                self.problem(&path, ProblemKind::AllowIsATerm { word: word.clone(), term });
            }
        }
    }
}

/// The first run of two words or more of `normalized` (a term's normalised view) that joined
/// makes a word of `words`.
fn joined_word(normalized: &str, words: &BTreeSet<String>) -> Option<String> {
    let parts: Vec<&str> = normalized.split_whitespace().collect();
    (0..parts.len()).find_map(|from| {
        (from + 2..=parts.len()).find_map(|to| {
            let joined = parts[from..to].concat();
            words.contains(&joined).then_some(joined)
        })
    })
}

/// The characters of `term` that no symbol of the matcher covers (punctuation and symbols read
/// as gaps), leaving out whitespace, invisible characters and a prefix term's final `*`.
fn ignored_characters(term: &str) -> String {
    let body = term.trim_end().strip_suffix('*').unwrap_or(term);
    let mut covered = vec![false; body.len()];
    for symbol in timgate_matcher::normalize::Normalizer::new(body) {
        for flag in covered.get_mut(symbol.start as usize..symbol.end as usize).into_iter().flatten() {
            *flag = true;
        }
    }
    body.char_indices()
        .filter(|&(i, c)| {
            !covered.get(i).copied().unwrap_or(true)
                && !c.is_whitespace()
                && timgate_matcher::unicode_data::Info::of(c).class() != timgate_matcher::unicode_data::Class::Ignorable
        })
        .map(|(_, c)| c)
        .collect()
}

fn wrong_type(expected: &'static str, found: &Value) -> ProblemKind {
    ProblemKind::WrongType { expected, found: type_name(found) }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// serde_json ends its messages with " at line L column C"; the tool prints positions itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message.to_owned(),
    }
}

/// The known name closest to a misspelt one: same letters in another case, a plural, or at
/// most two edits away.
fn closest(name: &str, known: &[&'static str]) -> Option<&'static str> {
    let lower = name.to_lowercase();
    let trimmed = lower.trim_end_matches('s');
    known
        .iter()
        .map(|&k| (k, if k == lower || k == trimmed { 0 } else { strsim::levenshtein(&lower, k) }))
        .filter(|&(_, d)| d <= 2)
        .min_by_key(|&(_, d)| d)
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<ProblemKind> {
        check(text, &CheckContext::default()).into_iter().map(|p| p.kind).collect()
    }

    fn rendered(text: &str) -> Vec<String> {
        check(text, &CheckContext::default()).iter().map(|p| p.render("r.json")).collect()
    }

    #[test]
    fn terms_whose_punctuation_is_read_as_a_gap_are_warned_about() {
        // `c++` is read as `ctt` (a `+` ends a word as a `t`), so nothing of it is left out.
        let document = r#"{"block":["13.","c++","a$$","sex*","buy followers","傻，逼","1.0.0","c#"]}"#;
        let problems = check(document, &CheckContext::default());
        let warned: Vec<(String, String)> = problems
            .iter()
            .filter_map(|p| match &p.kind {
                ProblemKind::CharactersIgnored { term, dropped, .. } => Some((term.clone(), dropped.clone())),
                _ => None,
            })
            .collect();
        let expected = [("13.", "."), ("傻，逼", "，"), ("1.0.0", ".."), ("c#", "#")];
        let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(warned, expected);
        assert!(problems.iter().all(|p| p.kind.is_warning()), "warnings only: {problems:?}");
        assert_eq!(
            problems[0].render("r.json"),
            r#"r.json:1:11: block[0]: warning: the term "13." is matched without "." (punctuation and symbols read as gaps), so it matches "13" wherever it stands"#
        );
    }

    #[test]
    fn phrases_that_join_into_a_word_are_warned_about() {
        let words: BTreeSet<String> = ["blowjob", "therapist", "redpacket"].iter().map(|w| w.to_string()).collect();
        let context = CheckContext { words: Some(&words), ..CheckContext::default() };
        let document = r#"{"block":["blow job","the rapist","red packet","big red packet","lone"],"allow":["therapist"],"review":["redpacket"]}"#;
        let shown: Vec<String> = check(document, &context).iter().map(|p| p.render("r.json")).collect();
        assert_eq!(
            shown,
            [
                r#"r.json:1:11: block[0]: warning: the words of "blow job" joined make the English word "blowjob", which is not looked for (so that "therapist" is not "the rapist"); list "blowjob" as a term too if it should be"#,
                r#"r.json:1:22: block[1]: warning: the words of "the rapist" joined make the English word "therapist", which is not looked for (so that "therapist" is not "the rapist"); list "therapist" as a term too if it should be"#,
            ],
            "a joined word listed as a term is not warned about; an allowed one is"
        );
        assert!(check(document, &CheckContext::default()).is_empty(), "without the word list, nothing to say");
    }

    #[test]
    fn sender_behaviour_fields_are_known_and_checked() {
        let good = r#"{"flood":{"messages":5,"seconds":10,"code":10121},"slow_mode_seconds":0,"repeat":{"messages":3,"seconds":60,"action":"discard"},"strikes":{"count":3,"seconds":600,"mute_seconds":3600},"exempt":{"accounts":["admin"],"rest_api":true}}"#;
        assert_eq!(rendered(good), Vec::<String>::new());
        for (doc, says) in [
            (r#"{"strikes":{"count":1,"seconds":600,"mute_seconds":3600}}"#, "strikes.count: must be 2 to 1000"),
            (r#"{"flood":{"messages":5,"seconds":0}}"#, "flood.seconds: must be 1 to 2592000 (30 days)"),
            (r#"{"strikes":{"count":3,"seconds":600,"mute_seconds":9999999}}"#, "strikes.mute_seconds"),
            (r#"{"flood":{"messages":5,"seconds":10,"code":5}}"#, "flood.code: code 5 is outside"),
            (r#"{"flood":{"messages":5,"second":10}}"#, "unknown field `second` (did you mean `seconds`?)"),
        ] {
            let shown = rendered(doc);
            assert!(shown.len() == 1 && shown[0].contains(says), "{doc}: {shown:?}");
        }
    }

    #[test]
    fn scopes_are_checked() {
        let text = r#"{"scopes": {"join_request": true, "friend_requests": "yes"}}"#;
        let shown: Vec<String> = check(text, &CheckContext::default()).iter().map(|p| p.render("r.json")).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[0].starts_with("r.json:1:13: scopes.join_request: unknown field `join_request`"), "{shown:?}");
        assert!(shown[0].contains("join_requests"), "a suggestion: {shown:?}");
        assert_eq!(shown[1], "r.json:1:54: scopes.friend_requests: expected true or false, found a string");
    }

    #[test]
    fn the_example_rules_are_good() {
        let text = include_str!("../../../examples/rules.json");
        assert_eq!(check(text, &CheckContext::default()), []);
    }

    #[test]
    fn the_contract_example_allows_a_word_no_term_is_in() {
        // contract.md's example allows "scunthorpe", but Latin terms match whole words, so no
        // term of the example can occur inside it; the examples file allows words that its
        // prefix term `sex*` would otherwise catch ("sextant", "sextet").
        let contract = r#"{"block":[{"term":"buy followers"},{"term":"傻逼","code":10101,"info":"Watch your language"}],
            "discard":[{"term":"free crypto"}],"mask":[{"term":"damn"}],"review":[{"term":"telegram"}],
            "allow":["scunthorpe"],"mask_char":"*","mode":"enforce"}"#;
        assert_eq!(kinds(contract), [ProblemKind::AllowNeverApplies("scunthorpe".into())]);
    }

    /// One case per problem class: (name, document, expected messages).
    #[test]
    fn every_problem_class_with_its_location() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("syntax", "{\"block\": [\"a\",]}", &["r.json:1:16: not valid JSON: trailing comma"]),
            (
                "comments and a byte order mark are allowed; positions stay the file's",
                "\u{FEFF}// global rules\n{\"block\": [\"a\"], /* x */ \"modes\": 1}",
                &["r.json:2:26: modes: unknown field `modes` (did you mean `mode`?)"],
            ),
            ("not an object", "[\"a\"]", &["r.json:1:1: a rule document is a JSON object, not a list"]),
            (
                "unknown field",
                "{\"mode\": \"enforce\", \"modes\": 1, \"owner\": \"t&s\"}",
                &[
                    "r.json:1:21: modes: unknown field `modes` (did you mean `mode`?)",
                    "r.json:1:33: owner: unknown field `owner`",
                ],
            ),
            (
                "bad list name",
                "{\"blocks\": [\"x\"], \"ban\": [\"y\"]}",
                &[
                    "r.json:1:2: blocks: `blocks` is not a list: the lists are block, discard, mask, review and allow (did you mean `block`?)",
                    "r.json:1:19: ban: `ban` is not a list: the lists are block, discard, mask, review and allow",
                ],
            ),
            ("bad mode", "{\"mode\": \"block\"}", &["r.json:1:10: mode: mode must be \"enforce\" or \"monitor\", not \"block\""]),
            (
                "unknown entry field",
                "{\"block\": [{\"term\": \"x\", \"cod\": 10101}]}",
                &["r.json:1:26: block[0].cod: unknown field `cod` (did you mean `code`?)"],
            ),
            (
                "bad action",
                "{\"block\": [{\"term\": \"x\", \"action\": \"discard\"}, {\"term\": \"y\", \"action\": \"ban\"}]}",
                &[
                    "r.json:1:26: block[0].action: a term's action is the list it is in, not an `action` field: move the entry to `discard`",
                    "r.json:1:62: block[1].action: a term's action is the list it is in, not an `action` field: \"ban\" is not an action (block, discard, mask, review)",
                ],
            ),
            (
                "code out of range",
                "{\"block\": [{\"term\": \"x\", \"code\": 10016}, {\"term\": \"y\", \"code\": 130001}]}",
                &[
                    "r.json:1:34: block[0].code: code 10016 is outside 10100–10200 (groups), 120001–130000 (C2C) and 38000–39000 (friend requests)",
                    "r.json:1:64: block[1].code: code 130001 is outside 10100–10200 (groups), 120001–130000 (C2C) and 38000–39000 (friend requests)",
                ],
            ),
            (
                "links",
                "{\"links\": {\"action\": \"ban\", \"allow_domains\": [\"ok.com\", \"*.\", \"a b.com\"], \"tlds\": [\"a.b\"], \"allow\": 1}}",
                &[
                    "r.json:1:22: links.action: action must be \"block\", \"discard\", \"mask\" or \"review\", not \"ban\"",
                    "r.json:1:57: links.allow_domains[1]: \"*.\" is not a domain: labels of letters, digits and '-' joined by dots ('*.' in front for every subdomain)",
                    "r.json:1:63: links.allow_domains[2]: \"a b.com\" is not a domain: labels of letters, digits and '-' joined by dots ('*.' in front for every subdomain)",
                    "r.json:1:84: links.tlds[0]: \"a.b\" is not a domain: labels of letters, digits and '-' joined by dots ('*.' in front for every subdomain)",
                    "r.json:1:92: links.allow: unknown field `allow`",
                ],
            ),
            (
                "contacts",
                "{\"contacts\": {\"action\": \"review\", \"kinds\": [\"phone\", \"phnoe\", \"fax\"], \"allow_domains\": []}}",
                &[
                    "r.json:1:54: contacts.kinds[1]: \"phnoe\" is not a kind of contact detail (phone, email, wechat, qq, telegram, crypto) (did you mean `phone`?)",
                    "r.json:1:63: contacts.kinds[2]: \"fax\" is not a kind of contact detail (phone, email, wechat, qq, telegram, crypto)",
                    "r.json:1:71: contacts.allow_domains: unknown field `allow_domains`",
                ],
            ),
            (
                "links without an action, info on a review check",
                "{\"links\": {\"info\": 1}, \"mode\": \"enforce\"}",
                &["r.json:1:11: links: the check has no `action` (block, discard, mask or review)", "r.json:1:20: links.info: expected a string, found a number"],
            ),
            (
                "code not a number",
                "{\"block\": [{\"term\": \"x\", \"code\": \"10101\"}]}",
                &["r.json:1:34: block[0].code: expected a whole number, found a string"],
            ),
            (
                "code on a non-block list",
                "{\"mask\": [{\"term\": \"x\", \"code\": 10101, \"info\": \"no\"}]}",
                &[
                    "r.json:1:25: mask[0].code: `code` applies to block terms only; a mask term ignores it",
                    "r.json:1:40: mask[0].info: `info` applies to block terms only; a mask term ignores it",
                ],
            ),
            (
                "empty terms",
                "{\"block\": [\"\", {\"term\": \"  \"}, {\"code\": 10101}]}",
                &[
                    "r.json:1:12: block[0]: the term is empty",
                    "r.json:1:25: block[1].term: the term is empty",
                    "r.json:1:32: block[2]: the entry has no `term`",
                ],
            ),
            (
                "duplicate terms",
                "{\"block\": [\"damn\"], \"mask\": [\"DAMN\"], \"review\": [\"x\", \"x\"]}",
                &[
                    "r.json:1:30: mask[0]: the term \"DAMN\" is the same as block[0] after normalisation; the stronger action always wins, so this entry never decides anything",
                    "r.json:1:55: review[1]: the term \"x\" is the same as review[0] after normalisation; the second entry never decides anything",
                ],
            ),
            (
                "allow entries",
                "{\"block\": [\"sex*\"], \"allow\": [\"sextant\", \"Sextant\", \"\", \"hello\", \"essex\"]}",
                &[
                    "r.json:1:42: allow[1]: the allow entry \"Sextant\" is the same as allow[0] after normalisation",
                    "r.json:1:53: allow[2]: the allow entry is empty",
                    "r.json:1:57: allow[3]: the allow entry \"hello\" contains no listed term, so it can never apply",
                    "r.json:1:66: allow[4]: the allow entry \"essex\" contains no listed term, so it can never apply",
                ],
            ),
            (
                "wrong types",
                "{\"block\": \"x\", \"mask\": [1], \"allow\": [{\"term\": \"x\"}], \"mask_char\": \"**\"}",
                &[
                    "r.json:1:11: block: expected a list (JSON array), found a string",
                    "r.json:1:25: mask[0]: expected a term (string) or {\"term\": ...}, found a number",
                    "r.json:1:39: allow[0]: expected a word (string), found an object",
                    "r.json:1:68: mask_char: mask_char must be exactly one character, not \"**\"",
                ],
            ),
            (
                "duplicate keys",
                "{\"block\": [\"a\"],\n \"block\": [\"b\"]}",
                &["r.json:2:2: block: `block` is given more than once"],
            ),
        ];
        let mut wrong = Vec::new();
        for (name, text, expected) in cases {
            if rendered(text) != *expected {
                wrong.push(format!("{name}: {:#?}", rendered(text)));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    #[cfg(feature = "compile-patterns")] // without it the check leaves pattern syntax out
    fn patterns_are_refused_where_they_fail_in_the_file_a_byte_order_mark_not_counted() {
        let doc = "{\"patterns\": [{\"pattern\": \"ab(?=c)\", \"action\": \"block\"}, {\"pattern\": \"\\\\u00e9x*|\", \"action\": \"mask\"}]}";
        let expected = [
            "r.json:1:30: patterns[0].pattern: look-around, including look-ahead and look-behind, is not supported",
            "r.json:1:70: patterns[1].pattern: the pattern can match the empty string, so it would match every message",
        ];
        assert_eq!(rendered(doc), expected);
        assert_eq!(rendered(&format!("\u{FEFF}{doc}")), expected, "an editor does not show the mark");
    }

    #[test]
    fn terms_that_normalise_to_nothing() {
        // The matcher drops zero-width characters, and reads punctuation between words as a
        // gap: such a term could never match, and is reported once, at its place.
        let text = "{\"block\": [\"\u{200B}\u{200D}\", \"ok\"]}";
        assert_eq!(kinds("{\"mask\": [\"?!\"]}"), [ProblemKind::NormalisesToNothing("?!".into())]);
        let problems = check(text, &CheckContext::default());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, ProblemKind::NormalisesToNothing("\u{200B}\u{200D}".into()));
        assert_eq!(problems[0].path.to_string(), "block[0]");
    }

    #[test]
    fn an_allow_entry_that_is_a_term_is_warned_about() {
        // An adversarial pass's false positive: Vietnamese `cúm` (flu) is `cum`. Allowing it
        // allows `cum` itself, since the allow list is read as the terms are.
        let document = r#"{"block":["cum","tit"],"allow":["cúm","CUM","tít tắp"]}"#;
        let problems = check(document, &CheckContext::default());
        let shown: Vec<String> = problems.iter().map(|p| p.render("r.json")).collect();
        assert_eq!(
            shown,
            [
                r#"r.json:1:33: allow[0]: warning: the allow entry "cúm" is the term at block[0] after normalisation (accents, case and look-alikes are folded), so that term is allowed wherever it stands and never applies"#,
                r#"r.json:1:39: allow[1]: the allow entry "CUM" is the same as allow[0] after normalisation"#,
            ]
        );
        assert!(problems[0].kind.is_warning());
    }

    #[test]
    fn allow_entries_of_a_group_document_count_global_terms() {
        let global = RuleSet::from_json(r#"{"block":["sex*"]}"#).unwrap();
        let group = r#"{"mask":["heck"],"allow":["sextant"]}"#;
        assert_eq!(kinds(group), [ProblemKind::AllowNeverApplies("sextant".into())]);
        let context = CheckContext { global: Some(&global), ..CheckContext::default() };
        assert_eq!(check(group, &context), []);
    }

    #[test]
    fn whatever_the_worker_refuses_is_a_problem() {
        // Every document the worker's parser refuses must fail the check too.
        let docs: Vec<String> =
            serde_json::from_str(include_str!("../../../tests/fixtures/rules/broken-documents.json"))
                .unwrap_or_default();
        assert!(docs.len() >= 10, "the fixture is read");
        for text in &docs {
            assert!(RuleSet::from_json(text).is_err(), "the worker accepts {text}");
            assert!(!kinds(text).is_empty(), "the check accepts {text}");
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(closest("Block", &LISTS), Some("block"));
        assert_eq!(closest("reveiw", &LISTS), Some("review"));
        assert_eq!(closest("masks", &LISTS), Some("mask"));
        assert_eq!(closest("whitelist", &LISTS), None);
    }
}
