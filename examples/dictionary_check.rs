//! How many words of an English dictionary an English profanity list flags: the false-positive
//! check of issue 12 (target: no false positive). Reads the npm packages
//! `an-array-of-english-words` (274,937 words) and `naughty-words` (`en.json`), installed by
//! `npm install`, compiles the list as one rule document (`RuleSet::from_json`, as the worker
//! does) and searches every word on its own:
//!
//! ```sh
//! cargo run --release --example dictionary_check
//! ```
//!
//! Every flagged word is printed with the terms that flagged it and the part of the word each
//! covered. A dictionary word that *is* a listed term (`bastard`) is a correct match, not a false
//! positive; only the others count as false positives. Exits 1 when there is a false positive.

use std::collections::HashSet;
use std::process::ExitCode;

use timgate::engine::rule_set::RuleSet;

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
    let set = RuleSet::from_json(&doc).map_err(|e| format!("naughty-words/en.json: {e}"))?;
    let listed: HashSet<String> = terms.iter().map(|t| t.to_lowercase()).collect();
    let flagged: Vec<&String> = words.iter().filter(|w| !set.find(w).is_empty()).collect();
    let (exact, other): (Vec<&String>, Vec<&String>) = flagged.iter().partition(|w| listed.contains(&w.to_lowercase()));
    let percent = |n: usize| n as f64 * 100.0 / words.len() as f64;
    println!("dictionary: {} words; list: {} terms (naughty-words en)", words.len(), terms.len());
    println!("flagged: {} ({:.4}%)", flagged.len(), percent(flagged.len()));
    println!("  the word is itself a listed term (correct): {} ({:.4}%)", exact.len(), percent(exact.len()));
    for word in &exact {
        println!("    {word}: {}", matches(&set, word));
    }
    println!(
        "  false positives (the word only contains or resembles a term): {} ({:.4}%)",
        other.len(),
        percent(other.len())
    );
    for word in &other {
        println!("    {word}: {}", matches(&set, word));
    }
    Ok(other.is_empty())
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
