//! Traditional → Simplified Chinese, one character at a time.
//!
//! The mapping is `fast2s`'s (about 2,700 characters). `fast2s` converts whole strings, which
//! would cost an allocation and a pass over every message; instead its conversion of every Han
//! character, each on its own, is taken once per isolate into a sorted table (a few milliseconds
//! natively, done lazily on the first text that has a Han character). Converting characters on
//! their own drops `fast2s`'s handful of context rules (`乾隆` keeps `乾`), which do not matter
//! for finding words.

use std::sync::OnceLock;

/// The Han blocks `fast2s` converts (its table covers BMP characters only).
const HAN_BLOCKS: [(char, char); 3] = [('\u{3400}', '\u{4DBF}'), ('\u{4E00}', '\u{9FFF}'), ('\u{F900}', '\u{FAFF}')];

/// The simplified form of `c`, or `c` itself.
pub fn simplify(c: char) -> char {
    if !is_convertible(c) {
        return c;
    }
    let table = table();
    match table.binary_search_by_key(&c, |&(t, _)| t) {
        Ok(i) => table.get(i).map_or(c, |&(_, s)| s),
        Err(_) => c,
    }
}

fn is_convertible(c: char) -> bool {
    HAN_BLOCKS.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

fn table() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Each character between newlines, so that no character is another's context.
        let mut all = String::new();
        for &(lo, hi) in &HAN_BLOCKS {
            for c in lo..=hi {
                all.push(c);
                all.push('\n');
            }
        }
        let converted = fast2s::convert(&all);
        let mut table: Vec<(char, char)> = all.chars().zip(converted.chars()).filter(|(t, s)| t != s).collect();
        table.sort_unstable();
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_traditional_and_keeps_the_rest() {
        let converted: String = "這個媽媽說話傻逼 abc ｱ".chars().map(simplify).collect();
        assert_eq!(converted, "这个妈妈说话傻逼 abc ｱ");
        assert!(table().len() > 2000, "{}", table().len());
    }
}
