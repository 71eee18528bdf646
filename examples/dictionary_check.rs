//! How many words of an English dictionary an English profanity list flags: the false-positive
//! check of issue 4 (target: at most 0.03% of the dictionary). Reads the npm packages
//! `an-array-of-english-words` (274,937 words) and `naughty-words` (`en.json`), installed by
//! `npm install`:
//!
//! ```sh
//! cargo run --release --example dictionary_check
//! ```
//!
//! A dictionary word that *is* a listed term (`bastard`) is a correct match, not a false
//! positive; the report counts both.

use std::collections::HashSet;
use std::process::ExitCode;

use timgate::engine::rule_set::RuleSet;

fn read_list(path: &str) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e} (run `npm install` first)"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}

fn run() -> Result<(), String> {
    let words = read_list("node_modules/an-array-of-english-words/index.json")?;
    let terms = read_list("node_modules/naughty-words/en.json")?;
    let doc = serde_json::json!({ "block": terms }).to_string();
    let set = RuleSet::from_json(&doc).map_err(|e| format!("naughty-words/en.json: {e}"))?;
    let listed: HashSet<String> = terms.iter().map(|t| t.to_lowercase()).collect();
    let flagged: Vec<&String> = words.iter().filter(|w| !set.find(w).is_empty()).collect();
    let (exact, other): (Vec<&String>, Vec<&String>) = flagged.iter().partition(|w| listed.contains(&w.to_lowercase()));
    let percent = |n: usize| n as f64 * 100.0 / words.len() as f64;
    println!("dictionary: {} words; list: {} terms", words.len(), terms.len());
    println!("flagged: {} ({:.4}%)", flagged.len(), percent(flagged.len()));
    println!("  of which the word is itself a listed term: {} ({:.4}%)", exact.len(), percent(exact.len()));
    println!(
        "  false positives (the word only contains or resembles a term): {} ({:.4}%)",
        other.len(),
        percent(other.len())
    );
    for word in other {
        let found: Vec<String> =
            set.find(word).iter().filter_map(|m| set.term(m.term)).map(|t| t.text.to_owned()).collect();
        println!("    {word}: {}", found.join(", "));
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
