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
//! as stored. Cost: linear in the text, whatever the nesting (L2 reverses a tree of level runs
//! in one walk rather than the text once per level).

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

fn strong(info: Info) -> Dir {
    if info.is_rtl() {
        Dir::R
    } else if matches!(info.class(), Class::Letter | Class::Ideo) {
        Dir::L
    } else {
        Dir::Neutral
    }
}

/// The paragraph separators (Bidi_Class B).
const PARAGRAPH_ENDS: [char; 7] = ['\n', '\r', '\u{1C}', '\u{1D}', '\u{1E}', '\u{85}', '\u{2029}'];

fn is_paragraph_end(c: char) -> bool {
    PARAGRAPH_ENDS.contains(&c)
}

/// The first byte of each paragraph separator's UTF-8, from [`PARAGRAPH_ENDS`].
const PARAGRAPH_END_LEADS: [bool; 256] = {
    let mut leads = [false; 256];
    let mut i = 0;
    while i < PARAGRAPH_ENDS.len() {
        let mut utf8 = [0u8; 4];
        let encoded = PARAGRAPH_ENDS[i].encode_utf8(&mut utf8);
        leads[encoded.as_bytes()[0] as usize] = true;
        i += 1;
    }
    leads
};

/// The end of the first paragraph of `text` (after its separator), or the text's length. Looks
/// at bytes: a separator can only start at one of its first bytes.
fn paragraph_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) =
        bytes.get(from..).and_then(|rest| rest.iter().position(|&b| PARAGRAPH_END_LEADS[usize::from(b)]))
    {
        let at = from + at;
        let c = text.get(at..).and_then(|rest| rest.chars().next());
        if let Some(c) = c.filter(|&c| is_paragraph_end(c)) {
            return at + c.len_utf8();
        }
        from = at + 1;
    }
    text.len()
}

/// The characters of `text` in reading order with their byte ranges, or `None` when that is the
/// stored order. Texts beyond 4 GiB are read up to there (offsets are 32-bit).
pub fn reorder(text: &str) -> Option<Vec<(char, u32, u32)>> {
    let text = clip(text);
    let chars = text.chars().count();
    let mut out = Vec::with_capacity(chars);
    // Room for the longest paragraph at once (no copying as the buffers grow).
    let mut scratch = Scratch {
        kept: Vec::with_capacity(chars),
        levels: Vec::with_capacity(chars),
        order: Vec::with_capacity(chars),
        ..Scratch::default()
    };
    let mut changed = false;
    let mut rest = text;
    let mut offset = 0;
    while !rest.is_empty() {
        let end = paragraph_end(rest);
        let Some((paragraph, tail)) = rest.split_at_checked(end) else { break };
        changed |= scratch.paragraph(paragraph, offset, &mut out);
        offset += end;
        rest = tail;
    }
    changed.then_some(out)
}

/// `text` up to 4 GiB, so that byte offsets and positions fit in 32 bits.
fn clip(text: &str) -> &str {
    let mut end = text.len().min(u32::MAX as usize - 1);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// A character kept by the explicit rules (controls are dropped).
#[derive(Debug, Clone, Copy)]
struct Kept {
    c: char,
    /// Byte offset in the text.
    at: u32,
    dir: Dir,
    /// The direction of the last strong character before it in the same embedding (rule N1).
    before: Option<Dir>,
    /// A paragraph separator (L1: it keeps the paragraph's level).
    end: bool,
    /// A right-to-left letter whose direction no override sets, read in logical order.
    natural_rtl: bool,
}

/// The buffers of one paragraph, reused by the next (a text of many short paragraphs allocates
/// them once).
#[derive(Default)]
struct Scratch {
    stack: Vec<Entry>,
    kept: Vec<Kept>,
    /// The level of each kept character: its embedding's, then (I1–I2) its own.
    levels: Vec<u8>,
    order: Vec<u32>,
    tree: Tree,
}

impl Scratch {
    /// Appends one paragraph (at byte `offset` of the text) in reading order; whether that
    /// differs from the stored order.
    fn paragraph(&mut self, text: &str, offset: usize, out: &mut Vec<(char, u32, u32)>) -> bool {
        let Scratch { stack, kept, levels, order, tree } = self;
        // Only a paragraph's last character can be its separator.
        let separator_at = text.char_indices().next_back().filter(|&(_, c)| is_paragraph_end(c)).map(|(i, _)| i);
        stack.clear();
        kept.clear();
        levels.clear();
        // P2–P3: the first strong character outside isolates sets the paragraph level.
        let mut isolates = 0u32;
        let mut base = 0u8;
        for c in text.chars() {
            match bidi_control(c) {
                Some(BidiControl::Lri | BidiControl::Rli | BidiControl::Fsi) => isolates += 1,
                Some(BidiControl::Pdi) => isolates = isolates.saturating_sub(1),
                _ if isolates == 0 => match strong(Info::of(c)) {
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
        // X1–X10: explicit levels and overrides. Controls themselves are left out. N1's look
        // back at the last strong character is taken on the way.
        let bottom = Entry { level: base, force: None, isolate: false };
        stack.push(bottom);
        // The entry at the top of `stack`, kept at hand (most characters are not controls).
        let mut top = bottom;
        // How many entries of `stack` are isolates (so that a PDI need not search it).
        let mut open_isolates = 0usize;
        let mut last_strong: Option<(Dir, u8)> = None;
        let mut any_natural_rtl = false;
        for (i, c) in text.char_indices() {
            let Some(control) = bidi_control(c) else {
                let at = (offset + i) as u32;
                // L1: a paragraph separator is at the paragraph's level, whatever embedding it
                // ends. An override sets the direction (no need to look the character up).
                let end = Some(i) == separator_at;
                let (level, dir, natural_rtl) = match top.force {
                    _ if end => (base, Dir::Neutral, false),
                    Some(force) => (top.level, force, false),
                    None => {
                        let info = Info::of(c);
                        (top.level, strong(info), info.is_rtl())
                    }
                };
                any_natural_rtl |= natural_rtl;
                let before = last_strong.filter(|&(_, l)| l == level).map(|(d, _)| d);
                if dir != Dir::Neutral {
                    last_strong = Some((dir, level));
                }
                kept.push(Kept { c, at, dir, before, end, natural_rtl });
                levels.push(level);
                continue;
            };
            let next_odd = (top.level + 1) | 1;
            let next_even = (top.level + 2) & !1;
            let (level, force, isolate) = match control {
                BidiControl::Rle => (next_odd, None, false),
                BidiControl::Lre => (next_even, None, false),
                BidiControl::Rlo => (next_odd, Some(Dir::R), false),
                BidiControl::Lro => (next_even, Some(Dir::L), false),
                BidiControl::Rli => (next_odd, None, true),
                BidiControl::Lri | BidiControl::Fsi => (next_even, None, true),
                BidiControl::Pdf => {
                    if stack.len() > 1 && !top.isolate {
                        stack.pop();
                    }
                    top = stack.last().copied().unwrap_or(bottom);
                    continue;
                }
                BidiControl::Pdi => {
                    if open_isolates > 0 {
                        while let Some(t) = stack.pop() {
                            if t.isolate {
                                open_isolates -= 1;
                                break;
                            }
                        }
                    }
                    top = stack.last().copied().unwrap_or(bottom);
                    continue;
                }
            };
            if level <= MAX_DEPTH {
                top = Entry { level, force, isolate };
                stack.push(top);
                open_isolates += usize::from(isolate);
            }
        }
        // N1–N2: a neutral between strong characters of one direction (in the same embedding)
        // takes it; otherwise the embedding's. I1–I2: then the implicit levels (a paragraph
        // separator keeps the paragraph's).
        let mut after: Option<(Dir, u8)> = None;
        let mut lowest_odd = u8::MAX;
        for (k, level) in kept.iter_mut().zip(levels.iter_mut()).rev() {
            let embedding = *level;
            if k.dir == Dir::Neutral {
                let next = after.filter(|&(_, l)| l == embedding).map(|(d, _)| d);
                k.dir = match (k.before, next) {
                    (Some(a), Some(b)) if a == b => a,
                    _ if embedding % 2 == 1 => Dir::R,
                    _ => Dir::L,
                };
            } else {
                after = Some((k.dir, embedding));
            }
            // A strong character against its embedding's direction goes one level up.
            if !k.end && (k.dir == Dir::R) != (embedding % 2 == 1) {
                *level = embedding.saturating_add(1);
            }
            if *level % 2 == 1 {
                lowest_odd = lowest_odd.min(*level);
            }
        }
        let lowest_odd = (lowest_odd != u8::MAX).then_some(lowest_odd);
        // L2: reversal.
        tree.visual_order(levels, lowest_odd, order);
        // Right-to-left letters are read right to left: their runs go back to logical order.
        let natural_rtl = |k: u32| kept.get(k as usize).is_some_and(|k| k.natural_rtl);
        let n = if any_natural_rtl { order.len() } else { 0 };
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
        let changed = order.iter().enumerate().any(|(i, &k)| i != k as usize);
        out.extend(
            order.iter().filter_map(|&k| kept.get(k as usize)).map(|k| (k.c, k.at, k.at + k.c.len_utf8() as u32)),
        );
        changed
    }
}

/// Rule L2 in time linear in the paragraph: "from the highest level to the lowest odd level,
/// reverse every run at that level or higher" done level by level costs the length times the
/// number of levels.
///
/// Counted from the lowest odd level (depth 1) up, the maximal runs at depth `d` or deeper nest
/// in each other: they form a tree, each node holding its own characters (exactly at its depth)
/// and its children (deeper runs). L2 reverses a node once for every depth from just below its
/// own down to just above its parent's, its children inside it before that, so the display order
/// is a walk of the tree in which a node reversed an odd number of times (counting its
/// ancestors') is read backwards. A run many levels deeper than its surroundings is one node, not
/// a chain, so the tree has at most one node per run of equal levels, plus the root.
#[derive(Default)]
struct Tree {
    nodes: Vec<Node>,
    /// The nodes not yet closed, outermost first, with their depths (strictly increasing).
    open: Vec<(u32, u8)>,
    walk: Vec<Walk>,
}

/// No node (an index past every node: a paragraph holds fewer than `u32::MAX` characters).
const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Node {
    /// The positions of the run: `start..end`.
    start: u32,
    end: u32,
    /// Whether the depths between its parent's (excluded) and its own (included) are odd in
    /// number, that is whether they reverse it.
    flip: bool,
    first: u32,
    last: u32,
    prev: u32,
    next: u32,
}

impl Node {
    fn at(start: u32) -> Self {
        Node { start, end: start, flip: false, first: NONE, last: NONE, prev: NONE, next: NONE }
    }
}

/// A node being read: whether backwards, the next position, where it stops and the next child
/// in that direction.
#[derive(Debug, Clone, Copy)]
struct Walk {
    backwards: bool,
    pos: u32,
    stop: u32,
    child: u32,
}

impl Walk {
    fn of(node: &Node, backwards: bool) -> Self {
        if backwards {
            Walk { backwards, pos: node.end, stop: node.start, child: node.last }
        } else {
            Walk { backwards, pos: node.start, stop: node.end, child: node.first }
        }
    }
}

impl Tree {
    /// Fills `order` with the positions `0..levels.len()` in the order UAX #9 rule L2 displays
    /// characters at `levels` (at most `u32::MAX - 1` of them), the lowest odd of which is
    /// `lowest_odd`.
    fn visual_order(&mut self, levels: &[u8], lowest_odd: Option<u8>, order: &mut Vec<u32>) {
        order.clear();
        let n = levels.len().min(NONE as usize - 1) as u32;
        let levels = levels.get(..n as usize).unwrap_or_default();
        let Some(lowest_odd) = lowest_odd else {
            order.extend(0..n);
            return;
        };
        // Depth 1 is the lowest odd level; levels below it are never reversed (depth 0).
        let depth = |level: u8| level.saturating_sub(lowest_odd - 1);
        let Tree { nodes, open, walk } = self;
        nodes.clear();
        open.clear();
        nodes.push(Node::at(0));
        open.push((0, 0));
        let mut previous = 0;
        for (i, &level) in (0..n).zip(levels) {
            let d = depth(level);
            if d == previous {
                continue;
            }
            previous = d;
            // Close the runs deeper than this character.
            while let Some(&(top, top_depth)) = open.last() {
                if top_depth <= d {
                    break;
                }
                open.pop();
                let start = nodes.get_mut(top as usize).map_or(0, |node| {
                    node.end = i;
                    node.start
                });
                let parent = match open.last() {
                    Some(&parent) if parent.1 >= d => parent,
                    // The character is deeper than the run around the closed one: a run at its
                    // depth began where the closed one did.
                    _ => {
                        let id = nodes.len() as u32;
                        nodes.push(Node::at(start));
                        open.push((id, d));
                        (id, d)
                    }
                };
                attach(nodes, parent.0, top, (top_depth - parent.1) % 2 == 1);
            }
            if open.last().is_none_or(|&(_, top_depth)| top_depth < d) {
                open.push((nodes.len() as u32, d));
                nodes.push(Node::at(i));
            }
        }
        while let Some((top, top_depth)) = open.pop() {
            if let Some(node) = nodes.get_mut(top as usize) {
                node.end = n;
            }
            if let Some(&(parent, parent_depth)) = open.last() {
                attach(nodes, parent, top, (top_depth - parent_depth) % 2 == 1);
            }
        }
        // Read the tree: each node's own characters between its children, backwards when it is
        // reversed.
        walk.clear();
        walk.extend(nodes.first().map(|root| Walk::of(root, false)));
        while let Some(w) = walk.last_mut() {
            let child = nodes.get(w.child as usize);
            if w.backwards {
                let until = child.map_or(w.stop, |c| c.end);
                order.extend((until..w.pos).rev());
                w.pos = until;
            } else {
                let until = child.map_or(w.stop, |c| c.start);
                order.extend(w.pos..until);
                w.pos = until;
            }
            let Some(c) = child else {
                walk.pop();
                continue;
            };
            let backwards = w.backwards != c.flip;
            if w.backwards {
                w.pos = c.start;
                w.child = c.prev;
            } else {
                w.pos = c.end;
                w.child = c.next;
            }
            walk.push(Walk::of(c, backwards));
        }
    }
}

/// Appends `child` to `parent`'s children.
fn attach(nodes: &mut [Node], parent: u32, child: u32, flip: bool) {
    let Some(last) = nodes.get_mut(parent as usize).map(|p| std::mem::replace(&mut p.last, child)) else { return };
    match nodes.get_mut(last as usize) {
        Some(previous) => previous.next = child,
        None => {
            if let Some(p) = nodes.get_mut(parent as usize) {
                p.first = child;
            }
        }
    }
    if let Some(c) = nodes.get_mut(child as usize) {
        c.prev = last;
        c.flip = flip;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str) -> String {
        match reorder(text) {
            Some(chars) => chars.iter().map(|(c, _, _)| c).collect(),
            None => text.chars().filter(|&c| bidi_control(c).is_none()).collect(),
        }
    }

    #[test]
    fn paragraph_ends_are_found_by_their_bytes() {
        // Every character starting with C2 or E2 (and the ASCII ones), at every offset.
        let probes: Vec<char> =
            (0u32..0x80).chain(0x80..0x800).chain(0x2000..0x3000).filter_map(char::from_u32).collect();
        for &probe in &probes {
            for at in 0..4 {
                let text: String = "ab€".chars().cycle().take(at).chain([probe]).chain("x\u{2029}y".chars()).collect();
                let expected = text
                    .char_indices()
                    .find(|&(_, c)| is_paragraph_end(c))
                    .map_or(text.len(), |(i, c)| i + c.len_utf8());
                assert_eq!(super::paragraph_end(&text), expected, "{text:?}");
            }
        }
        assert_eq!(super::paragraph_end("no end"), 6);
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

    /// The implementation before the linear one (main at 33cecce), L2 apart: the oracle for
    /// whole texts.
    mod original {
        use crate::reading_order::{is_paragraph_end, strong, Dir, Entry, MAX_DEPTH};
        use crate::unicode_data::{bidi_control, BidiControl, Info};

        fn strong_char(c: char) -> Dir {
            strong(Info::of(c))
        }

        /// The characters of `text` in reading order with their byte ranges, or `None` when that is the
        /// stored order.
        pub(super) fn reorder(text: &str) -> Option<Vec<(char, u32, u32)>> {
            let chars: Vec<(char, u32, u32)> =
                text.char_indices().map(|(i, c)| (c, i as u32, (i + c.len_utf8()) as u32)).collect();
            let mut out = Vec::with_capacity(chars.len());
            let mut changed = false;
            let mut start = 0;
            while start < chars.len() {
                let end = chars[start..]
                    .iter()
                    .position(|(c, _, _)| is_paragraph_end(*c))
                    .map_or(chars.len(), |p| start + p + 1);
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
                    _ if isolates == 0 => match strong_char(c) {
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
                        let dir = top.force.unwrap_or_else(|| strong_char(c));
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
            // L2, level by level.
            let mut order32 = Vec::new();
            super::naive_visual_order(&levels, &mut order32);
            let mut order: Vec<usize> = order32.into_iter().map(|k| k as usize).collect();
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
    }

    /// Rule L2 as UAX #9 words it, level by level (the implementation before [`Tree`]): the
    /// oracle the tree is checked against.
    fn naive_visual_order(levels: &[u8], order: &mut Vec<u32>) {
        let n = levels.len();
        order.clear();
        order.extend(0..n as u32);
        let highest = levels.iter().copied().max().unwrap_or(0);
        let lowest_odd = levels.iter().copied().filter(|l| l % 2 == 1).min().unwrap_or(highest + 1);
        let mut level = highest;
        while level >= lowest_odd && level > 0 {
            let mut i = 0;
            while i < n {
                if levels[order[i] as usize] < level {
                    i += 1;
                    continue;
                }
                let mut j = i;
                while j < n && levels[order[j] as usize] >= level {
                    j += 1;
                }
                order[i..j].reverse();
                i = j;
            }
            level -= 1;
        }
    }

    fn tree_order(levels: &[u8]) -> Vec<u32> {
        let mut order = Vec::new();
        let lowest_odd = levels.iter().copied().filter(|l| l % 2 == 1).min();
        Tree::default().visual_order(levels, lowest_odd, &mut order);
        order
    }

    fn naive_order(levels: &[u8]) -> Vec<u32> {
        let mut order = Vec::new();
        naive_visual_order(levels, &mut order);
        order
    }

    #[test]
    fn tree_reverses_like_l2() {
        assert_eq!(tree_order(&[]), Vec::<u32>::new());
        assert_eq!(tree_order(&[1, 1, 1]), [2, 1, 0]);
        assert_eq!(tree_order(&[0, 2, 2, 0]), [0, 1, 2, 3], "no odd level: nothing is reversed");
        assert_eq!(tree_order(&[0, 1, 2, 2, 1]), [0, 4, 2, 3, 1]);
        assert_eq!(tree_order(&[2, 3, 4, 4, 3, 2]), [0, 4, 2, 3, 1, 5], "levels below the lowest odd one stay");
        assert_eq!(tree_order(&[0, 125, 124, 0]), [0, 1, 2, 3], "124 is below the lowest odd level");
        assert_eq!(tree_order(&[0, 125, 126, 0]), [0, 2, 1, 3]);
        assert_eq!(tree_order(&[1, 126, 126, 0]), [1, 2, 0, 3], "2 to 126 reverse the pair 125 times");
    }

    #[test]
    fn tree_matches_l2_on_long_deep_paragraphs() {
        let flat = vec![125u8; 20_000];
        let saw: Vec<u8> = (0..20_000).map(|i| (i % 127) as u8).collect();
        let zigzag: Vec<u8> = (0..20_000).map(|i| if i % 2 == 0 { 0 } else { 1 + (i % 126) as u8 }).collect();
        let mountain: Vec<u8> = (0..20_000usize).map(|i| 126 - (i % 253).abs_diff(126) as u8).collect();
        for levels in [flat, saw, zigzag, mountain] {
            assert_eq!(tree_order(&levels), naive_order(&levels));
        }
    }

    /// Levels as a random walk: nested runs opening and closing a few levels at a time.
    fn walk_levels() -> impl Strategy<Value = Vec<u8>> {
        (0u8..=126, prop::collection::vec(-3i16..=3, 0..300)).prop_map(|(start, steps)| {
            let mut level = i16::from(start);
            steps
                .into_iter()
                .map(|step| {
                    level = (level + step).clamp(0, 126);
                    level as u8
                })
                .collect()
        })
    }

    /// Runs of random lengths at random levels: deep jumps between neighbours.
    fn run_levels() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec((0u8..=126, 1usize..8), 0..40)
            .prop_map(|runs| runs.into_iter().flat_map(|(level, len)| std::iter::repeat_n(level, len)).collect())
    }

    /// Texts of letters (Latin, Hebrew, Arabic), digits, neutrals, marks, paragraph ends and
    /// every explicit bidi control, with the controls often nested deep (past the 125 limit).
    fn bidi_text() -> impl Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
            "\u{200E}", "\u{200F}", "a", "b", "c", "x", "\u{5D0}", "\u{5D1}", "\u{627}", "\u{628}", " ", "1", ".", "!",
            "\n", "\u{2029}",
        ];
        const OPEN: &[&str] = &["\u{202A}", "\u{202B}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}"];
        (
            prop::collection::vec((prop::sample::select(OPEN), 0usize..140), 0..3),
            prop::collection::vec(prop::sample::select(PIECES), 0..120),
            prop::collection::vec(prop::sample::select(PIECES), 0..40),
        )
            .prop_map(|(deep, middle, tail)| {
                let mut text = String::new();
                for (open, times) in deep {
                    text.push_str(&open.repeat(times));
                    text.extend(middle.iter().copied());
                }
                text.extend(middle.iter().copied());
                text.extend(tail.iter().copied());
                text
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn tree_matches_l2_on_random_levels(levels in prop::collection::vec(0u8..=126, 0..120)) {
            prop_assert_eq!(tree_order(&levels), naive_order(&levels));
        }

        #[test]
        fn tree_matches_l2_on_few_levels(levels in prop::collection::vec(0u8..5, 0..120)) {
            prop_assert_eq!(tree_order(&levels), naive_order(&levels));
        }

        #[test]
        fn tree_matches_l2_on_nested_walks(levels in walk_levels()) {
            prop_assert_eq!(tree_order(&levels), naive_order(&levels));
        }

        #[test]
        fn tree_matches_l2_on_runs(levels in run_levels()) {
            prop_assert_eq!(tree_order(&levels), naive_order(&levels));
        }

        #[test]
        fn reading_order_matches_l2_on_random_nestings(text in bidi_text()) {
            prop_assert_eq!(reorder(&text), original::reorder(&text));
        }
    }
}
