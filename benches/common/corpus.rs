//! Deterministic benchmark inputs, shared by `benches/matcher.rs` and the examples that write them
//! to files for the JavaScript baseline: term lists that mix Latin and CJK, clean messages, and
//! messages with one term hidden by an evasion trick. The same seed gives the same bytes on every
//! machine (a small SplitMix64 generator, no `rand`).
//!
//! Clean messages are English words, numbers and codes (`mp3`, `l10n`), emoji and Chinese text.
//! Terms are made-up words and phrases, CJK strings, and *traps*: strings that a careless filter
//! finds in clean text (`ass` inside `class`, `god` for `good`, `lion` for `l10n`, `mpe` for
//! `mp3`). Clean text never contains a term as a whole word, and its CJK characters are drawn from
//! a pool disjoint (after normalisation) from the terms' pool, so any clean message flagged is a
//! false positive.

#![allow(dead_code)] // each bench or example uses part of it

use std::collections::HashSet;

use timgate_matcher::normalize::Normalizer;

/// SplitMix64: tiny, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Everyday English, including the words that contain short profanities (the traps' sources).
pub const CLEAN_WORDS: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "in",
    "is",
    "it",
    "you",
    "that",
    "was",
    "for",
    "on",
    "are",
    "with",
    "as",
    "I",
    "his",
    "they",
    "be",
    "at",
    "one",
    "have",
    "this",
    "from",
    "by",
    "hot",
    "word",
    "but",
    "what",
    "some",
    "we",
    "can",
    "out",
    "other",
    "were",
    "all",
    "there",
    "when",
    "up",
    "use",
    "your",
    "how",
    "said",
    "an",
    "each",
    "she",
    "which",
    "do",
    "their",
    "time",
    "if",
    "will",
    "way",
    "about",
    "many",
    "then",
    "them",
    "write",
    "would",
    "like",
    "so",
    "these",
    "her",
    "long",
    "make",
    "thing",
    "see",
    "him",
    "two",
    "has",
    "look",
    "more",
    "day",
    "could",
    "go",
    "come",
    "did",
    "number",
    "sound",
    "no",
    "most",
    "people",
    "my",
    "over",
    "know",
    "water",
    "than",
    "call",
    "first",
    "who",
    "may",
    "down",
    "side",
    "been",
    "now",
    "find",
    "any",
    "new",
    "work",
    "part",
    "take",
    "get",
    "place",
    "made",
    "live",
    "where",
    "after",
    "back",
    "little",
    "only",
    "round",
    "man",
    "year",
    "came",
    "show",
    "every",
    "good",
    "me",
    "give",
    "our",
    "under",
    "name",
    "very",
    "through",
    "just",
    "form",
    "sentence",
    "great",
    "think",
    "say",
    "help",
    "low",
    "line",
    "differ",
    "turn",
    "cause",
    "much",
    "mean",
    "before",
    "move",
    "right",
    "boy",
    "old",
    "too",
    "same",
    "tell",
    "does",
    "set",
    "three",
    "want",
    "air",
    "well",
    "also",
    "play",
    "small",
    "end",
    "put",
    "home",
    "read",
    "hand",
    "port",
    "large",
    "spell",
    "add",
    "even",
    "land",
    "here",
    "must",
    "big",
    "high",
    "such",
    "follow",
    "act",
    "why",
    "ask",
    "men",
    "change",
    "went",
    "light",
    "kind",
    "off",
    "need",
    "house",
    "picture",
    "try",
    "us",
    "again",
    "animal",
    "point",
    "mother",
    "world",
    "near",
    "build",
    "self",
    "earth",
    "father",
    "head",
    "stand",
    "own",
    "page",
    "should",
    "country",
    "found",
    "answer",
    "school",
    "grow",
    "study",
    "still",
    "learn",
    "plant",
    "cover",
    "food",
    "sun",
    "four",
    "between",
    "state",
    "keep",
    "eye",
    "never",
    "last",
    "let",
    "thought",
    "city",
    "tree",
    "cross",
    "farm",
    "hard",
    "start",
    "might",
    "story",
    "saw",
    "far",
    "sea",
    "draw",
    "left",
    "late",
    "run",
    "while",
    "press",
    "close",
    "night",
    "real",
    "life",
    "few",
    "north",
    "open",
    "seem",
    "together",
    "next",
    "white",
    "children",
    "begin",
    "got",
    "walk",
    "example",
    "ease",
    "paper",
    "group",
    "always",
    "music",
    "those",
    "both",
    "mark",
    "often",
    "letter",
    "until",
    "mile",
    "river",
    "car",
    "feet",
    "care",
    "second",
    "book",
    "carry",
    "took",
    "science",
    "eat",
    "room",
    "friend",
    "began",
    "idea",
    "fish",
    "mountain",
    "stop",
    "once",
    "base",
    "hear",
    "horse",
    "cut",
    "sure",
    "watch",
    "color",
    "face",
    "wood",
    "main",
    "enough",
    "plain",
    "girl",
    "usual",
    "young",
    "ready",
    "above",
    "ever",
    "red",
    "list",
    "though",
    "feel",
    "talk",
    "bird",
    "soon",
    "body",
    "dog",
    "family",
    "direct",
    "leave",
    "song",
    "measure",
    "door",
    "product",
    "black",
    "short",
    "class",
    "wind",
    "question",
    "happen",
    "complete",
    "ship",
    "area",
    "half",
    "rock",
    "order",
    "fire",
    "south",
    "problem",
    "piece",
    "told",
    "knew",
    "pass",
    "since",
    "top",
    "whole",
    "king",
    "space",
    "heard",
    "best",
    "hour",
    "better",
    "true",
    "during",
    "hundred",
    "five",
    "remember",
    "step",
    "early",
    "hold",
    "west",
    "ground",
    "interest",
    "reach",
    "fast",
    "sing",
    "listen",
    "six",
    "table",
    "travel",
    "less",
    "morning",
    "ten",
    "simple",
    "several",
    "toward",
    "war",
    "lay",
    "against",
    "pattern",
    "slow",
    "center",
    "love",
    "person",
    "money",
    "serve",
    "appear",
    "road",
    "map",
    "rain",
    "rule",
    "pull",
    "cold",
    "notice",
    "voice",
    "power",
    "town",
    "fine",
    "certain",
    "fly",
    "fall",
    "lead",
    "cry",
    "dark",
    "machine",
    "note",
    "wait",
    "plan",
    "figure",
    "star",
    "box",
    "field",
    "rest",
    "correct",
    "able",
    "done",
    "beauty",
    "drive",
    "stood",
    "contain",
    "front",
    "teach",
    "week",
    "final",
    "gave",
    "green",
    "oh",
    "quick",
    "develop",
    "ocean",
    "warm",
    "free",
    "minute",
    "strong",
    "special",
    "mind",
    "behind",
    "clear",
    "tail",
    "produce",
    "fact",
    "street",
    "inch",
    "nothing",
    "course",
    "stay",
    "wheel",
    "full",
    "force",
    "blue",
    "object",
    "decide",
    "surface",
    "deep",
    "moon",
    "island",
    "foot",
    "system",
    "busy",
    "test",
    "record",
    "boat",
    "common",
    "gold",
    "possible",
    "plane",
    "dry",
    "wonder",
    "laugh",
    "thousand",
    "ago",
    "ran",
    "check",
    "game",
    "shape",
    "miss",
    "brought",
    "heat",
    "snow",
    "bring",
    "yes",
    "distant",
    "fill",
    "east",
    "paint",
    "language",
    "among",
    "coffee",
    "apple",
    "happy",
    "summer",
    "dinner",
    "bottle",
    "sheep",
    "classic",
    "classes",
    "assistant",
    "assess",
    "passage",
    "grape",
    "grapes",
    "therapist",
    "Scunthorpe",
    "cocktail",
    "Essex",
    "Sussex",
    "Dickens",
    "cockpit",
    "peacock",
    "button",
    "butter",
    "title",
    "analysis",
    "arsenal",
    "basement",
    "hello",
    "shell",
    "shuttle",
    "cumulative",
    "document",
    "specialist",
    "pianist",
    "circumstances",
    "raccoon",
    "sextet",
    "Hancock",
    "scrap",
    "grass",
    "bass",
    "mass",
    "glass",
    "shiitake",
    "Matsushita",
    "title",
    "hitchhiker",
    "wittiest",
    "assassin",
    "embarrass",
    "cassette",
    "massage",
    "harass",
];

/// Ordinary tokens with digits: a filter that reads every digit as a letter flags them.
pub const CLEAN_TOKENS: &[&str] = &[
    "mp3", "4k", "1st", "2nd", "3rd", "10am", "covid19", "l10n", "k8s", "i18n", "w3c", "b2b", "h2o", "x86", "b4",
    "gr8", "l8r", "100", "2024", "3.5", "1,000", "24/7", "7pm", "5g",
];

const EMOJI: &[&str] = &["😀", "👍", "👍🏻", "🎉", "❤️", "🔥", "😂", "🙏"];
const PUNCTUATION: &[&str] = &[",", ".", "!", "?", " -", ":", "..."];

/// The leet reading a naive filter applies to every digit (the traps' decoding of CLEAN_TOKENS).
fn naive_leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        c if c.is_ascii_alphabetic() => c,
        _ => return None,
    })
}

/// CJK characters that normalise to themselves, split in two pools by code point parity:
/// terms use one pool, clean text the other, so clean text never contains a CJK term.
pub struct CjkPools {
    pub terms: Vec<char>,
    pub clean: Vec<char>,
}

impl CjkPools {
    pub fn new() -> Self {
        let mut pools = CjkPools { terms: Vec::new(), clean: Vec::new() };
        for c in ('\u{4E00}'..='\u{9FA5}').step_by(3) {
            let n: Vec<_> = Normalizer::new(&c.to_string()).collect();
            if n.len() != 1 || n[0].ch != c || n[0].count != 1 {
                continue;
            }
            if u32::from(c) % 2 == 0 {
                pools.terms.push(c);
            } else {
                pools.clean.push(c);
            }
        }
        pools
    }
}

const ONSETS: &[&str] = &[
    "b", "br", "d", "dr", "f", "fl", "g", "gr", "k", "kl", "m", "n", "p", "pl", "r", "s", "sk", "st", "t", "tr", "v",
    "z", "zh", "ch", "sh", "j", "w", "x", "qu",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "ee", "oo", "ei"];
const CODAS: &[&str] = &["", "", "n", "r", "k", "x", "st", "m", "l", "zz", "ck"];

fn pseudo_word(rng: &mut Rng) -> String {
    let syllables = 2 + rng.below(2);
    (0..syllables).map(|_| format!("{}{}{}", rng.pick(ONSETS), rng.pick(VOWELS), rng.pick(CODAS))).collect()
}

fn normal(text: &str) -> String {
    Normalizer::new(text).flat_map(|s| std::iter::repeat_n(s.ch, s.count as usize)).collect()
}

/// The classic false-positive traps, first in every term list.
pub const CLASSIC_TRAPS: &[&str] = &["ass", "rape", "cunt", "cock", "sex", "dick", "the rapist", "god", "hell", "tit"];

/// Traps: the classics, clean tokens with every digit read as a letter, clean words with a doubled
/// letter made single, and substrings of clean words (shuffled). None is itself a clean word.
pub fn traps() -> Vec<String> {
    let clean: HashSet<String> = CLEAN_WORDS.iter().map(|w| w.to_lowercase()).collect();
    let mut out: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let mut add = |t: String, out: &mut Vec<String>| {
        if t.len() >= 2 && !clean.contains(&t) && seen.insert(t.clone()) {
            out.push(t);
        }
    };
    for t in CLASSIC_TRAPS {
        add(t.to_string(), &mut out);
    }
    for token in CLEAN_TOKENS {
        if let Some(decoded) = token.chars().map(naive_leet).collect::<Option<String>>() {
            if decoded.chars().all(|c| c.is_ascii_alphabetic()) {
                add(decoded, &mut out);
            }
        }
    }
    let mut substrings = Vec::new();
    for word in CLEAN_WORDS {
        let w: Vec<char> = word.to_lowercase().chars().collect();
        for i in 1..w.len() {
            if w[i] == w[i - 1] {
                let mut single = w.clone();
                single.remove(i);
                add(single.into_iter().collect(), &mut out);
            }
        }
        for len in 3..w.len() {
            for start in 0..=w.len() - len {
                substrings.push(w[start..start + len].iter().collect::<String>());
            }
        }
    }
    let mut rng = Rng::new(0x7A9);
    for i in (1..substrings.len()).rev() {
        substrings.swap(i, rng.below(i + 1));
    }
    for s in substrings {
        add(s, &mut out);
    }
    out
}

/// `n` rule terms: traps (up to 5%), phrases (5%), prefix terms (3%), CJK strings (30%) and made-up words.
pub fn terms(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let pools = CjkPools::new();
    let clean: Vec<String> = CLEAN_WORDS.iter().map(|w| normal(w)).collect();
    let clean_set: HashSet<&str> = clean.iter().map(String::as_str).collect();
    let mut out: Vec<String> = Vec::with_capacity(n);
    let traps = traps();
    let mut trap_iter = traps.iter();
    while out.len() < n {
        let roll = rng.below(100);
        let term = if roll < 5 {
            match trap_iter.next() {
                Some(t) => t.clone(),
                None => continue,
            }
        } else if roll < 10 {
            format!("{} {}", pseudo_word(&mut rng), pseudo_word(&mut rng))
        } else if roll < 13 {
            let stem = pseudo_word(&mut rng);
            if clean.iter().any(|w| w.starts_with(&stem)) {
                continue;
            }
            format!("{stem}*")
        } else if roll < 43 {
            let len = 2 + rng.below(3);
            (0..len).map(|_| *rng.pick(&pools.terms)).collect()
        } else {
            let w = pseudo_word(&mut rng);
            if clean_set.contains(normal(&w).as_str()) {
                continue;
            }
            w
        };
        out.push(term);
    }
    out
}

/// The rule document for `terms`: all of them `block` terms.
pub fn rules_json(terms: &[String]) -> String {
    serde_json::json!({ "block": terms }).to_string()
}

/// A clean message of about `bytes` bytes (never more).
pub fn clean_message(rng: &mut Rng, pools: &CjkPools, bytes: usize) -> String {
    let mut text = String::new();
    let mut sentence_start = true;
    loop {
        let piece = match rng.below(100) {
            0..=3 => rng.pick(CLEAN_TOKENS).to_string(),
            4..=6 => rng.pick(EMOJI).to_string(),
            7..=11 => (0..2 + rng.below(7)).map(|_| *rng.pick(&pools.clean)).collect(),
            _ => {
                let w = rng.pick(CLEAN_WORDS).to_string();
                if sentence_start {
                    let mut c = w.chars();
                    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or(w)
                } else {
                    w
                }
            }
        };
        let separator = if text.is_empty() { "" } else { " " };
        if text.len() + separator.len() + piece.len() + 1 > bytes {
            break;
        }
        text.push_str(separator);
        text.push_str(&piece);
        sentence_start = false;
        if rng.chance(12) {
            let mark = PUNCTUATION[rng.below(PUNCTUATION.len())];
            text.push_str(mark);
            sentence_start = true;
        }
    }
    text
}

/// One evasion trick applied to a term, as a sender would type it.
pub fn evade(rng: &mut Rng, term: &str) -> String {
    let (body, prefix) = match term.strip_suffix('*') {
        Some(b) => (b, true),
        None => (term, false),
    };
    let cjk = body.chars().any(|c| c > '\u{2E80}');
    let chars: Vec<char> = body.chars().collect();
    let evaded: String = if cjk {
        match rng.below(4) {
            0 => body.to_string(),
            1 => chars.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("\u{200B}"),
            2 => chars.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(" "),
            _ => format!("{0}{0}{1}", chars[0], body),
        }
    } else {
        let phrase = body.contains(' ');
        match rng.below(9) {
            0 => body.to_string(),
            1 => body.to_uppercase(),
            2 => body
                .chars()
                .map(|c| {
                    if c.is_ascii_lowercase() {
                        char::from_u32(c as u32 - 'a' as u32 + 0xFF41).unwrap_or(c)
                    } else {
                        c
                    }
                })
                .collect(),
            3 => chars.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("\u{200B}"),
            4 if !phrase => {
                chars.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(if rng.chance(50) { " " } else { "." })
            }
            5 => {
                // Triple the first vowel.
                let mut out = String::new();
                let mut done = false;
                for c in body.chars() {
                    out.push(c);
                    if !done && "aeiou".contains(c) {
                        out.push(c);
                        out.push(c);
                        done = true;
                    }
                }
                out
            }
            6 => {
                // Leet for interior vowels of words with three letters or more.
                body.split(' ')
                    .map(|w| {
                        let n = w.chars().count();
                        w.chars()
                            .enumerate()
                            .map(|(i, c)| match c {
                                'o' if i > 0 && i + 1 < n && n >= 4 => '0',
                                'e' if i > 0 && i + 1 < n && n >= 4 => '3',
                                'i' if i > 0 && i + 1 < n && n >= 4 => '1',
                                _ => c,
                            })
                            .collect::<String>()
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            7 => body
                .chars()
                .map(|c| match c {
                    'a' => '\u{0430}',
                    'o' => '\u{043E}',
                    'e' => '\u{0435}',
                    'p' => '\u{0440}',
                    'x' => '\u{0445}',
                    _ => c,
                })
                .collect(),
            _ => body.chars().flat_map(|c| if "aeiou".contains(c) { vec![c, '\u{0301}'] } else { vec![c] }).collect(),
        }
    };
    if prefix {
        format!("{evaded}ing")
    } else {
        evaded
    }
}

/// A message of about `bytes` bytes with `term` hidden in it by one trick.
pub fn dirty_message(rng: &mut Rng, pools: &CjkPools, bytes: usize, term: &str) -> String {
    let hidden = evade(rng, term);
    let filler = clean_message(rng, pools, bytes.saturating_sub(hidden.len() + 2));
    let words: Vec<&str> = filler.split(' ').collect();
    let at = rng.below(words.len() + 1);
    let mut parts: Vec<&str> = words[..at].to_vec();
    parts.push(&hidden);
    parts.extend_from_slice(&words[at..]);
    parts.join(" ")
}

/// Everything a benchmark run needs for one term-list size.
pub struct Inputs {
    pub terms: Vec<String>,
    pub rules_json: String,
    /// `(message, index of the hidden term)`.
    pub dirty_200: Vec<(String, usize)>,
    pub dirty_12k: Vec<(String, usize)>,
}

/// Clean messages do not depend on the terms: the same for every size.
pub struct CleanMessages {
    pub short: Vec<String>,
    pub long: Vec<String>,
}

pub const SHORT: usize = 200;
pub const LONG: usize = 12 * 1024;

pub fn clean_messages(short: usize, long: usize) -> CleanMessages {
    let mut rng = Rng::new(0xC1EA);
    let pools = CjkPools::new();
    CleanMessages {
        short: (0..short).map(|_| clean_message(&mut rng, &pools, SHORT)).collect(),
        long: (0..long).map(|_| clean_message(&mut rng, &pools, LONG)).collect(),
    }
}

pub fn inputs(n: usize, dirty_short: usize, dirty_long: usize) -> Inputs {
    let terms = terms(n, 0x7E_0000 + n as u64);
    let mut rng = Rng::new(0xD1_0000 + n as u64);
    let pools = CjkPools::new();
    let mut dirty = |count: usize, bytes: usize| -> Vec<(String, usize)> {
        (0..count)
            .map(|_| {
                let t = rng.below(terms.len());
                (dirty_message(&mut rng, &pools, bytes, &terms[t]), t)
            })
            .collect()
    };
    let dirty_200 = dirty(dirty_short, SHORT);
    let dirty_12k = dirty(dirty_long, LONG);
    Inputs { rules_json: rules_json(&terms), terms, dirty_200, dirty_12k }
}
