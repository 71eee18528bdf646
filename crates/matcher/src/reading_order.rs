//! The order a reader sees a text in, when it holds explicit bidi controls.
//!
//! `U+202E RIGHT-TO-LEFT OVERRIDE` displays the letters after it from right to left, so
//! `"\u{202E}kcuf"` is stored backwards and read `fuck`. A matcher that reads the stored order
//! misses it. This module applies the parts of the Unicode Bidirectional Algorithm (UAX #9) that
//! such controls drive: paragraph level (P2–P3), explicit embeddings, overrides and isolates
//! (X1–X10, depth 125), implicit levels of strong characters (I1–I2), neutrals between strong
//! characters of one direction (N1–N2), and reversal (L2). Runs of naturally right-to-left letters
//! (Hebrew, Arabic) are then put back in their logical order, which is how their readers read them.
//! Numbers' weak types (W1–W7) are not modelled: digits take the level of their embedding.
//!
//! Only texts with explicit controls are reordered (the caller checks); every other text is read
//! as stored. Cost: linear in the text times the depth of nesting (at most 125).

use crate::unicode_data::{bidi_control, BidiControl, Class, Info};

const MAX_DEPTH: u8 = 125;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    L,
    R,
    Neutral,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    level: u8,
    force: Option<Dir>,
    isolate: bool,
}

fn strong(c: char) -> Dir {
    let info = Info::of(c);
    if info.is_rtl() {
        Dir::R
    } else if matches!(info.class(), Class::Letter | Class::Ideo) {
        Dir::L
    } else {
        Dir::Neutral
    }
}

fn is_paragraph_end(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2029}')
}

/// The characters of `text` in reading order with their byte ranges, or `None` when that is the
/// stored order.
pub fn reorder(text: &str) -> Option<Vec<(char, u32, u32)>> {
    let chars: Vec<(char, u32, u32)> =
        text.char_indices().map(|(i, c)| (c, i as u32, (i + c.len_utf8()) as u32)).collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut changed = false;
    let mut start = 0;
    while start < chars.len() {
        let end =
            chars[start..].iter().position(|(c, _, _)| is_paragraph_end(*c)).map_or(chars.len(), |p| start + p + 1);
        changed |= paragraph(&chars[start..end], &mut out);
        start = end;
    }
    changed.then_some(out)
}

/// Appends one paragraph in reading order; whether that differs from the stored order.
fn paragraph(chars: &[(char, u32, u32)], out: &mut Vec<(char, u32, u32)>) -> bool {
    // P2–P3: the first strong character outside isolates sets the paragraph level.
    let mut isolates = 0u32;
    let mut base = 0u8;
    for &(c, _, _) in chars {
        match bidi_control(c) {
            Some(BidiControl::Lri | BidiControl::Rli | BidiControl::Fsi) => isolates += 1,
            Some(BidiControl::Pdi) => isolates = isolates.saturating_sub(1),
            _ if isolates == 0 => match strong(c) {
                Dir::L => break,
                Dir::R => {
                    base = 1;
                    break;
                }
                Dir::Neutral => {}
            },
            _ => {}
        }
    }
    // X1–X10: explicit levels and overrides. Controls themselves are left out.
    let mut stack = vec![Entry { level: base, force: None, isolate: false }];
    let mut kept: Vec<(char, u32, u32)> = Vec::with_capacity(chars.len());
    let mut levels: Vec<u8> = Vec::with_capacity(chars.len());
    let mut dirs: Vec<Dir> = Vec::with_capacity(chars.len());
    let mut forced: Vec<bool> = Vec::with_capacity(chars.len());
    let mut embedding: Vec<u8> = Vec::with_capacity(chars.len());
    for &(c, s, e) in chars {
        let top = *stack.last().unwrap_or(&Entry { level: base, force: None, isolate: false });
        let next_odd = (top.level + 1) | 1;
        let next_even = (top.level + 2) & !1;
        let push = |stack: &mut Vec<Entry>, level: u8, force: Option<Dir>, isolate: bool| {
            if level <= MAX_DEPTH {
                stack.push(Entry { level, force, isolate });
            }
        };
        match bidi_control(c) {
            Some(BidiControl::Rle) => push(&mut stack, next_odd, None, false),
            Some(BidiControl::Lre) => push(&mut stack, next_even, None, false),
            Some(BidiControl::Rlo) => push(&mut stack, next_odd, Some(Dir::R), false),
            Some(BidiControl::Lro) => push(&mut stack, next_even, Some(Dir::L), false),
            Some(BidiControl::Rli) => push(&mut stack, next_odd, None, true),
            Some(BidiControl::Lri | BidiControl::Fsi) => push(&mut stack, next_even, None, true),
            Some(BidiControl::Pdf) => {
                if stack.len() > 1 && stack.last().is_some_and(|t| !t.isolate) {
                    stack.pop();
                }
            }
            Some(BidiControl::Pdi) => {
                if stack.iter().skip(1).any(|t| t.isolate) {
                    while let Some(t) = stack.pop() {
                        if t.isolate {
                            break;
                        }
                    }
                }
            }
            // L1: a paragraph separator is at the paragraph's level, whatever embedding it ends.
            None if is_paragraph_end(c) => {
                kept.push((c, s, e));
                levels.push(base);
                embedding.push(base);
                dirs.push(Dir::Neutral);
                forced.push(true);
            }
            None => {
                let dir = top.force.unwrap_or_else(|| strong(c));
                kept.push((c, s, e));
                levels.push(top.level);
                embedding.push(top.level);
                dirs.push(dir);
                forced.push(top.force.is_some());
            }
        }
    }
    let n = kept.len();
    // N1–N2: a neutral between strong characters of one direction (in the same embedding) takes
    // it; otherwise the embedding's.
    let mut before = vec![None; n];
    let mut last: Option<(Dir, u8)> = None;
    for i in 0..n {
        if dirs[i] != Dir::Neutral {
            last = Some((dirs[i], embedding[i]));
        }
        before[i] = last.filter(|&(_, level)| level == embedding[i]).map(|(d, _)| d);
    }
    let mut after: Option<(Dir, u8)> = None;
    for i in (0..n).rev() {
        if dirs[i] != Dir::Neutral {
            after = Some((dirs[i], embedding[i]));
            continue;
        }
        let next = after.filter(|&(_, level)| level == embedding[i]).map(|(d, _)| d);
        dirs[i] = match (before[i], next) {
            (Some(a), Some(b)) if a == b => a,
            _ if embedding[i] % 2 == 1 => Dir::R,
            _ => Dir::L,
        };
    }
    // I1–I2: implicit levels (a paragraph separator keeps the paragraph's).
    for i in 0..n {
        if is_paragraph_end(kept[i].0) {
            continue;
        }
        let level = levels[i];
        levels[i] = match (dirs[i], level % 2) {
            (Dir::R, 0) | (Dir::L, 1) => level.saturating_add(1),
            _ => level,
        };
    }
    // L2: from the highest level down to the lowest odd one, reverse every run at or above it.
    let mut order: Vec<usize> = (0..n).collect();
    let highest = levels.iter().copied().max().unwrap_or(0);
    let lowest_odd = levels.iter().copied().filter(|l| l % 2 == 1).min().unwrap_or(highest + 1);
    let mut level = highest;
    while level >= lowest_odd && level > 0 {
        let mut i = 0;
        while i < n {
            if levels[order[i]] < level {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && levels[order[j]] >= level {
                j += 1;
            }
            order[i..j].reverse();
            i = j;
        }
        level -= 1;
    }
    // Right-to-left letters are read right to left: their runs go back to logical order.
    let natural_rtl = |k: usize| !forced[k] && Info::of(kept[k].0).is_rtl();
    let mut i = 0;
    while i < n {
        if !natural_rtl(order[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && natural_rtl(order[j]) {
            j += 1;
        }
        order[i..j].reverse();
        i = j;
    }
    let changed = order.iter().enumerate().any(|(i, &k)| i != k);
    out.extend(order.iter().map(|&k| kept[k]));
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        match reorder(text) {
            Some(chars) => chars.iter().map(|(c, _, _)| c).collect(),
            None => text.chars().filter(|&c| bidi_control(c).is_none()).collect(),
        }
    }

    #[test]
    fn overrides_are_read_as_displayed() {
        assert_eq!(read("\u{202E}kcuf\u{202C}"), "fuck");
        assert_eq!(read("you \u{202E}kcuf\u{202C} off"), "you fuck off");
        assert_eq!(read("\u{202E}drow dab\u{202C}"), "bad word");
        assert_eq!(read("\u{2067}\u{202E}kcuf"), "fuck");
        assert_eq!(read("\u{202E}ab\u{202D}cd\u{202C}ef\u{202C}"), "fecdba");
        assert_eq!(read("\u{202E}kcuf\nok"), "fuck\nok", "a paragraph ends the override where it stands");
    }

    #[test]
    fn embeddings_without_overrides_keep_latin_in_order() {
        assert_eq!(read("\u{202B}abc def\u{202C}"), "abc def");
        assert_eq!(read("\u{2067}abc\u{2069} x"), "abc x");
    }

    #[test]
    fn hebrew_reads_in_logical_order() {
        assert_eq!(read("\u{202B}שלום\u{202C}"), "שלום");
        assert_eq!(reorder("plain text"), None);
    }

    #[test]
    fn ranges_follow_the_characters() {
        let text = "a\u{202E}bc";
        let chars = reorder(text).unwrap();
        let spans: Vec<&str> = chars.iter().map(|&(_, s, e)| &text[s as usize..e as usize]).collect();
        assert_eq!(spans, ["a", "c", "b"]);
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let text = format!("{}x{}", "\u{202E}".repeat(1000), "\u{202C}".repeat(1000));
        assert_eq!(read(&text), "x");
    }
}
