//! Does the segmentation check agree with jieba about CJK terms glued to common characters?
//!
//! A reader of `你真傻逼` ("you're a real 傻逼") sees the insult; a reader of `其他妈妈` ("other
//! moms") sees no `他妈`. The oracle is jieba itself (the dictionary the rules tool selects its
//! words from) with every term added as a word of `TERM_FREQUENCY`, as a moderation team adds its
//! list to a segmenter's user dictionary: a term is there when jieba's cut of the text has no word
//! across its edges that does not hold it. Every term of naughty-words `zh` of two to four
//! characters (the segmenter's longest word) is put after and before each of the 100 characters
//! jieba has most often as words alone (taken from jieba's dictionary, not typed here), and the
//! matcher compiled as `push` compiles the list must agree with the oracle on ≥ 99.9% of the
//! texts; the disagreements are printed (terms in Traditional characters, which the normaliser
//! reads as Simplified and jieba's dictionary does not know).
//!
//! Measured 2026-12-04 (`cargo test --release -p timgate-cli --test segmenter_agreement --
//! --nocapture`): 278 terms, 55,600 texts, jieba reads the term in 55,299; timgate finds 55,284
//! of those and agrees on 55,585 texts (99.97%). Before the terms were words of the segmenter
//! (`segmentation::TERM_FREQUENCY`) it found 54,810 and agreed on 55,110 (99.12%): `你个傻比`
//! after `好`, `他妈地` before `上`.

use std::path::Path;

use jieba_rs::Jieba;
use timgate_cli::cjk_words;

/// The frequency a term has as a word in the oracle: `segmentation::TERM_FREQUENCY`.
const TERM_FREQUENCY: usize = 3;
/// Characters put before and after every term.
const NEIGHBOURS: usize = 100;

fn naughty_zh() -> Option<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/naughty-words/zh.json");
    let text = std::fs::read_to_string(&path).ok()?;
    serde_json::from_str(&text).ok()
}

/// Whether a word of `words` (a cut of the text, in order) crosses the edges of the term at
/// characters `start..end` without holding it.
fn straddled(words: &[&str], start: usize, end: usize) -> bool {
    let mut at = 0;
    for word in words {
        let (from, to) = (at, at + word.chars().count());
        let crosses = |edge: usize| from < edge && edge < to;
        let holds = from <= start && end <= to;
        if (crosses(start) || crosses(end)) && !holds {
            return true;
        }
        at = to;
    }
    false
}

#[test]
fn cjk_terms_beside_common_characters_are_read_as_jieba_reads_them() {
    let Some(list) = naughty_zh() else {
        eprintln!("segmenter_agreement skipped: node_modules/naughty-words/zh.json missing (run `npm install`)");
        return;
    };
    let terms: Vec<String> = list
        .into_iter()
        .filter(|t| (2..=4).contains(&t.chars().count()) && t.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)))
        .collect();
    let mut oracle = Jieba::new();
    // The most frequent single characters of jieba's dictionary.
    let mut singles: Vec<(usize, char)> = ('\u{4E00}'..='\u{9FFF}')
        .filter(|c| oracle.has_word(&c.to_string()))
        .map(|c| (oracle.suggest_freq(&c.to_string()), c))
        .collect();
    singles.sort_unstable_by(|a, b| b.cmp(a));
    let neighbours: Vec<char> = singles.iter().take(NEIGHBOURS).map(|&(_, c)| c).collect();
    for term in &terms {
        // A term the dictionary has more often keeps its own frequency (as `select` does).
        if !oracle.has_word(term) || oracle.suggest_freq(term) <= TERM_FREQUENCY + 1 {
            oracle.add_word(term, Some(TERM_FREQUENCY), None);
        }
    }
    let doc = serde_json::json!({ "block": terms }).to_string();
    let set = timgate_cli::push_compile::compile(&doc).expect("naughty-words zh compiles");
    assert!(cjk_words::has_cjk_word(&terms[0]));
    let (mut texts, mut agree, mut found, mut expected) = (0, 0, 0, 0);
    let mut disagreements = Vec::new();
    for term in &terms {
        let n = term.chars().count();
        for &c in &neighbours {
            for (text, start) in [(format!("{c}{term}"), 1), (format!("{term}{c}"), 0)] {
                let cut = oracle.cut(&text, false);
                let wanted = !straddled(&cut, start, start + n);
                let byte_start = text.char_indices().nth(start).map_or(0, |(b, _)| b);
                // The term's span (a term that reads the same, `妳妈的` for `你妈的`, counts too).
                let got = set.find(&text).iter().any(|m| m.start == byte_start && m.end == byte_start + term.len());
                texts += 1;
                expected += usize::from(wanted);
                found += usize::from(got && wanted);
                if got == wanted {
                    agree += 1;
                } else {
                    disagreements.push(format!("{text}: jieba {} ({}), timgate {}", wanted, cut.join("|"), got));
                }
            }
        }
    }
    let rate = agree as f64 / texts as f64;
    eprintln!(
        "{} terms × {NEIGHBOURS} characters × 2 sides: {texts} texts; jieba (terms as words) reads the term in {expected}, \
         timgate finds {found} of those; agreement {agree} of {texts} ({:.2}%)",
        terms.len(),
        rate * 100.0
    );
    for d in disagreements.iter().take(40) {
        eprintln!("  {d}");
    }
    assert!(rate >= 0.999, "agreement {:.2}% < 99.9% ({} disagreements)", rate * 100.0, disagreements.len());
}
