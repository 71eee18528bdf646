//! JSON as a sender may write it, read without refusing anything.
//!
//! A callback body, a `TIMCustomElem.Data` string or a `CloudCustomData` string is written by a
//! client; JavaScript clients accept JSON that `serde_json` refuses (`NaN`, `Infinity`, numbers
//! beyond `f64`, lone surrogate escapes, nesting past 128 levels), and a sender who knows that can
//! hide text from a strict reader. [`Document::parse`] reads any text into a flat list of values
//! ("a tape", in document order) in one pass without recursion, so nothing a sender writes makes a
//! body unreadable or costs more than linear time:
//!
//! - literals other than `true`/`false`/`null` and JSON numbers (`NaN`, `-Infinity`, `1e999`,
//!   `0x1F`) are read as scalars; a number beyond `f64` is still a number;
//! - `\u` escapes of lone surrogates decode to U+FFFD; an unknown escape to the escaped character;
//! - `//` and `/* */` comments, missing or doubled commas, a missing colon, unquoted keys and an
//!   unterminated value or container are tolerated;
//! - any depth: containers are a stack of indices, not a recursion.
//!
//! Each value remembers whether it (or anything inside it) needed such leniency, so that a value
//! that is strict JSON can be copied byte for byte into an answer and any other one is written
//! again in canonical JSON ([`Document::write`]), which Tencent's parser accepts.

use std::borrow::Cow;

/// Index of a value in a [`Document`].
pub type ValueId = usize;

/// What kind of value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `{...}`.
    Object,
    /// `[...]`.
    Array,
    /// `"..."`.
    String,
    /// Anything else: numbers, `true`, `false`, `null`, and the literals JavaScript adds.
    Scalar,
}

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Node {
    kind: Kind,
    /// The value, or anything inside it, needed leniency (see the module docs).
    lenient: bool,
    /// Byte range of the value's text (a container: from its bracket to past its closing one).
    start: u32,
    end: u32,
    /// Byte range of the member's key token, quotes included ([`NONE`] outside objects).
    key_start: u32,
    key_end: u32,
    /// Index just past this value's subtree.
    after: u32,
    parent: u32,
}

/// A JSON text read leniently. Owns its text; values are addressed by [`ValueId`].
#[derive(Debug, Clone, Default)]
pub struct Document {
    text: String,
    nodes: Vec<Node>,
    /// Text after the first value that is not whitespace or a comment.
    trailing: bool,
    /// The text ended inside a value (an open container or string).
    truncated: bool,
}

/// Texts longer than this are not read (offsets are 32-bit); bodies are at most 64 KB.
const MAX_TEXT: usize = (u32::MAX - 1) as usize;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A byte that ends a bare literal.
fn ends_literal(b: u8) -> bool {
    is_space(b) || matches!(b, b',' | b':' | b'[' | b']' | b'{' | b'}' | b'"' | b'/')
}

/// Whether `token` is a literal every JSON reader accepts: `true`, `false`, `null`, or a number
/// in JSON's grammar that fits an `f64` (`1e999` is in the grammar, but serde_json and RapidJSON
/// refuse it, and an answer Tencent cannot read is an answer lost).
fn is_strict_literal(token: &[u8]) -> bool {
    if matches!(token, b"true" | b"false" | b"null") {
        return true;
    }
    if !is_json_number(token) {
        return false;
    }
    std::str::from_utf8(token).ok().and_then(|t| t.parse::<f64>().ok()).is_some_and(f64::is_finite)
}

/// Whether `token` is a number in JSON's grammar.
fn is_json_number(token: &[u8]) -> bool {
    let at = |i: usize| token.get(i).copied();
    // Where the run of digits from `i` ends.
    let digits_end = |mut i: usize| {
        while at(i).is_some_and(|b| b.is_ascii_digit()) {
            i += 1;
        }
        i
    };
    let mut i = usize::from(at(0) == Some(b'-'));
    match at(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i = digits_end(i),
        _ => return false,
    }
    if at(i) == Some(b'.') {
        let end = digits_end(i + 1);
        if end == i + 1 {
            return false;
        }
        i = end;
    }
    if matches!(at(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(at(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let end = digits_end(i);
        if end == i {
            return false;
        }
        i = end;
    }
    i == token.len()
}

/// One open container while parsing.
struct Open {
    node: usize,
    /// In an object: the next token is a key.
    expect_key: bool,
    /// A value (an object: a member) since the last comma or the opening bracket.
    has_item: bool,
    /// Anything (a value or a comma) since the opening bracket.
    any: bool,
}

impl Document {
    /// Reads `text`. Never fails: see the module docs for what is tolerated. A text with no
    /// value at all has no [`Self::root`].
    pub fn parse(text: impl Into<String>) -> Self {
        let mut text: String = text.into();
        if text.len() > MAX_TEXT {
            text.clear();
        }
        let mut doc = Document { text, nodes: Vec::new(), trailing: false, truncated: false };
        doc.read();
        doc
    }

    /// Reads `body` as [`Self::parse`] does, its invalid UTF-8 (if any) replaced by U+FFFD. A
    /// valid body (every callback Tencent sends) is checked and copied once, not chunked.
    pub fn parse_bytes(body: &[u8]) -> Self {
        Self::parse(match std::str::from_utf8(body) {
            Ok(valid) => valid.to_owned(),
            Err(_) => String::from_utf8_lossy(body).into_owned(),
        })
    }

    fn read(&mut self) {
        let bytes = self.text.as_bytes();
        let mut nodes: Vec<Node> = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        let mut key: Option<(u32, u32)> = None;
        let mut lenient_here = false;
        let mut trailing = false;
        let mut i = 0usize;
        let mut done = false;
        // Marks the innermost open container (or the root-to-be) as needing leniency.
        let mark = |nodes: &mut Vec<Node>, stack: &[Open], lenient_here: &mut bool| match stack.last() {
            Some(open) => nodes[open.node].lenient = true,
            None => *lenient_here = true,
        };
        while i < bytes.len() {
            let b = bytes[i];
            if is_space(b) {
                i += 1;
                continue;
            }
            if b == b'/' && matches!(bytes.get(i + 1), Some(b'/' | b'*')) {
                i = skip_comment(bytes, i);
                mark(&mut nodes, &stack, &mut lenient_here);
                continue;
            }
            if done {
                trailing = true;
                break;
            }
            // Closing brackets and separators.
            match b {
                b'}' | b']' => {
                    i += 1;
                    match stack.pop() {
                        Some(open) => {
                            let expected = if nodes[open.node].kind == Kind::Object { b'}' } else { b']' };
                            let trailing_comma = open.any && !open.has_item;
                            close(&mut nodes, open.node, i as u32, b != expected || key.is_some() || trailing_comma);
                            key = None;
                            if stack.is_empty() {
                                done = true;
                            }
                        }
                        None => lenient_here = true,
                    }
                    continue;
                }
                b',' => {
                    i += 1;
                    match stack.last_mut() {
                        Some(open) => {
                            if !open.has_item || key.is_some() {
                                // `[,`, `1,,2` or `{"a",`: a comma with no value before it.
                                nodes[open.node].lenient = true;
                            }
                            open.expect_key = nodes[open.node].kind == Kind::Object;
                            open.has_item = false;
                            open.any = true;
                            key = None;
                        }
                        None => mark(&mut nodes, &stack, &mut lenient_here),
                    }
                    continue;
                }
                b':' => {
                    i += 1;
                    match stack.last_mut() {
                        Some(open) if nodes[open.node].kind == Kind::Object && key.is_some() && !open.expect_key => {}
                        _ => mark(&mut nodes, &stack, &mut lenient_here),
                    }
                    continue;
                }
                _ => {}
            }
            // A key?
            if let Some(open) = stack.last_mut() {
                if nodes[open.node].kind == Kind::Object && open.expect_key {
                    if open.has_item {
                        // Two members without a comma between them.
                        nodes[open.node].lenient = true;
                    }
                    let start = i;
                    if b == b'"' {
                        i = string_end(bytes, i);
                        if bytes.get(i - 1) != Some(&b'"') || i - start < 2 {
                            nodes[open.node].lenient = true;
                        }
                    } else {
                        // An unquoted key (JavaScript object syntax) or garbage: read as a key.
                        i = literal_end(bytes, i);
                        nodes[open.node].lenient = true;
                    }
                    key = Some((start as u32, i as u32));
                    open.expect_key = false;
                    continue;
                }
            }
            if !matches!(b, b'{' | b'[' | b'"') && literal_end(bytes, i) == i {
                // A character that starts nothing (a single quote, a stray byte): skipped.
                i += self.text.get(i..).and_then(|rest| rest.chars().next()).map_or(1, char::len_utf8);
                mark(&mut nodes, &stack, &mut lenient_here);
                continue;
            }
            // A value.
            let (key_start, key_end) = key.take().unwrap_or((NONE, NONE));
            if let Some(open) = stack.last_mut() {
                let object = nodes[open.node].kind == Kind::Object;
                if (object && key_start == NONE) || (!object && open.has_item) {
                    // A value without a key, or two items without a comma between them.
                    nodes[open.node].lenient = true;
                }
                open.has_item = true;
                open.any = true;
                open.expect_key = object;
            }
            let parent = stack.last().map_or(NONE, |o| o.node as u32);
            let index = nodes.len();
            let start = i as u32;
            let mut node = Node {
                kind: Kind::Scalar,
                lenient: false,
                start,
                end: start,
                key_start,
                key_end,
                after: index as u32 + 1,
                parent,
            };
            match b {
                b'{' | b'[' => {
                    node.kind = if b == b'{' { Kind::Object } else { Kind::Array };
                    i += 1;
                    node.end = i as u32;
                    nodes.push(node);
                    stack.push(Open { node: index, expect_key: b == b'{', has_item: false, any: false });
                    continue;
                }
                b'"' => {
                    node.kind = Kind::String;
                    i = string_end(bytes, i);
                    node.lenient = bytes.get(i - 1) != Some(&b'"')
                        || i - (start as usize) < 2
                        || !strict_string(bytes, start as usize, i);
                }
                _ => {
                    let end = literal_end(bytes, i);
                    node.lenient = !is_strict_literal(&bytes[i..end]);
                    i = end;
                }
            }
            node.end = i as u32;
            if node.lenient {
                if let Some(p) = nodes.get_mut(parent as usize) {
                    p.lenient = true;
                }
            }
            nodes.push(node);
            if stack.is_empty() {
                done = true;
            }
        }
        // Unterminated containers end with the text.
        let truncated = !stack.is_empty()
            || nodes.last().is_some_and(|n| n.kind == Kind::String && !bytes[..n.end as usize].ends_with(b"\""));
        while let Some(open) = stack.pop() {
            close(&mut nodes, open.node, bytes.len() as u32, true);
        }
        if let Some(root) = nodes.first_mut() {
            root.lenient |= lenient_here;
        }
        self.nodes = nodes;
        self.trailing = trailing;
        self.truncated = truncated;
    }

    /// Whether the text ended inside a value: a container or string never closed. What a
    /// truncated text held is unknown, so a callback body like that is not decided on.
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The first value of the text, if there is one.
    pub fn root(&self) -> Option<ValueId> {
        (!self.nodes.is_empty()).then_some(0)
    }

    /// Whether something other than whitespace or comments follows the first value.
    pub fn has_trailing_text(&self) -> bool {
        self.trailing
    }

    /// The kind of `id`.
    pub fn kind(&self, id: ValueId) -> Option<Kind> {
        self.nodes.get(id).map(|n| n.kind)
    }

    /// Byte range of `id`'s text in [`Self::text`].
    pub fn range(&self, id: ValueId) -> std::ops::Range<usize> {
        self.nodes.get(id).map_or(0..0, |n| n.start as usize..n.end as usize)
    }

    /// The text of `id` as written.
    pub fn raw(&self, id: ValueId) -> &str {
        self.text.get(self.range(id)).unwrap_or_default()
    }

    /// Whether `id`'s text is strict JSON (so it can be copied into an answer as it is).
    pub fn is_strict(&self, id: ValueId) -> bool {
        self.nodes.get(id).is_some_and(|n| !n.lenient)
    }

    /// The ids of `id` and everything inside it: `id..` the returned end.
    pub fn subtree_end(&self, id: ValueId) -> ValueId {
        self.nodes.get(id).map_or(id, |n| n.after as usize)
    }

    /// The container `id` is in.
    pub fn parent(&self, id: ValueId) -> Option<ValueId> {
        self.nodes.get(id).map(|n| n.parent).filter(|&p| p != NONE).map(|p| p as usize)
    }

    /// The values directly inside `id`, in order (members of an object, items of an array).
    pub fn children(&self, id: ValueId) -> Children<'_> {
        let (next, end) = match self.nodes.get(id) {
            Some(n) if matches!(n.kind, Kind::Object | Kind::Array) => (id + 1, n.after as usize),
            _ => (0, 0),
        };
        Children { doc: self, next, end }
    }

    /// The key of member `id` (decoded), if it is an object member.
    pub fn key(&self, id: ValueId) -> Option<Cow<'_, str>> {
        let n = self.nodes.get(id)?;
        if n.key_start == NONE {
            return None;
        }
        let token = self.text.get(n.key_start as usize..n.key_end as usize)?;
        Some(if token.starts_with('"') { decode_string_token(token) } else { Cow::Borrowed(token) })
    }

    /// The member of object `id` named `name`; the last one when the name repeats (as in
    /// JavaScript's `JSON.parse`, which is what a client displays from).
    pub fn get(&self, id: ValueId, name: &str) -> Option<ValueId> {
        let [member] = self.get_many(id, [name]);
        member
    }

    /// The members of object `id` named `names`, each as [`Self::get`] finds it (the last one
    /// when a name repeats), in one pass over the object: each key decoded once, however many
    /// names are asked for. (A callback's fields looked up one by one, each lookup decoding
    /// every key, were most of a callback's parse until 2026-12-06: 10.9k of the 23.4k
    /// instructions a load-test callback took natively.)
    pub fn get_many<const N: usize>(&self, id: ValueId, names: [&str; N]) -> [Option<ValueId>; N] {
        let mut found = [None; N];
        if self.kind(id) != Some(Kind::Object) {
            return found;
        }
        for member in self.children(id) {
            let Some(key) = self.key(member) else { continue };
            for (slot, &name) in found.iter_mut().zip(&names) {
                if name == key {
                    *slot = Some(member);
                }
            }
        }
        found
    }

    /// Item `index` of array `id`.
    pub fn item(&self, id: ValueId, index: usize) -> Option<ValueId> {
        if self.kind(id) != Some(Kind::Array) {
            return None;
        }
        self.children(id).nth(index)
    }

    /// The decoded text of string `id`.
    pub fn str(&self, id: ValueId) -> Option<Cow<'_, str>> {
        (self.kind(id)? == Kind::String).then(|| decode_string_token(self.raw(id)))
    }

    /// Scalar `id` as an unsigned integer, when it is one (written as a number).
    pub fn as_u64(&self, id: ValueId) -> Option<u64> {
        (self.kind(id)? == Kind::Scalar).then(|| self.raw(id).parse().ok())?
    }

    /// Writes `id` as canonical JSON: strings re-encoded (with `replace` deciding a string's
    /// new text, by its id), literals strict JSON does not have written as `null`, no
    /// comments, no whitespace. Linear in the value's size, without recursion.
    pub fn write(&self, id: ValueId, out: &mut String, replace: &dyn Fn(ValueId) -> Option<String>) {
        let Some(first) = self.nodes.get(id) else { return };
        let end = first.after as usize;
        // Containers still open, by the index just past their subtree and their closing bracket.
        let mut open: Vec<(usize, char)> = Vec::new();
        let mut at = id;
        while at < end {
            while let Some(&(after, bracket)) = open.last() {
                if at < after {
                    break;
                }
                out.push(bracket);
                open.pop();
            }
            let node = &self.nodes[at];
            let in_object = at != id && self.kind(node.parent as usize) == Some(Kind::Object);
            if in_object && node.key_start == NONE {
                // A value without a key has no place in an object: left out.
                at = node.after as usize;
                continue;
            }
            // Every value but the first written in its container follows a comma.
            if at != id && out.as_bytes().last().is_some_and(|&b| b != b'[' && b != b'{') {
                out.push(',');
            }
            if in_object {
                encode_string(&self.key(at).unwrap_or_default(), out);
                out.push(':');
            }
            match node.kind {
                Kind::Object | Kind::Array => {
                    let (opening, closing) = if node.kind == Kind::Object { ('{', '}') } else { ('[', ']') };
                    out.push(opening);
                    open.push((node.after as usize, closing));
                }
                Kind::String => match replace(at) {
                    Some(text) => encode_string(&text, out),
                    None => encode_string(&self.str(at).unwrap_or_default(), out),
                },
                Kind::Scalar => {
                    let raw = self.raw(at);
                    out.push_str(if is_strict_literal(raw.as_bytes()) { raw } else { "null" });
                }
            }
            at += 1;
        }
        while let Some((_, bracket)) = open.pop() {
            out.push(bracket);
        }
    }
}

/// The values inside a container, in order.
#[derive(Debug, Clone)]
pub struct Children<'d> {
    doc: &'d Document,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_> {
    type Item = ValueId;

    fn next(&mut self) -> Option<ValueId> {
        if self.next >= self.end || self.next == 0 {
            return None;
        }
        let id = self.next;
        self.next = self.doc.nodes.get(id).map_or(self.end, |n| n.after as usize);
        Some(id)
    }
}

/// Ends container `index`; leniency inside it makes its parent lenient too (children are done
/// before their parent, so this passes it all the way up).
fn close(nodes: &mut [Node], index: usize, end: u32, lenient: bool) {
    let after = nodes.len() as u32;
    let node = &mut nodes[index];
    node.end = end;
    node.after = after;
    node.lenient |= lenient;
    let (parent, lenient) = (node.parent, node.lenient);
    if lenient {
        if let Some(p) = nodes.get_mut(parent as usize) {
            p.lenient = true;
        }
    }
}

fn skip_comment(bytes: &[u8], i: usize) -> usize {
    if bytes.get(i + 1) == Some(&b'/') {
        bytes[i..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |p| i + p + 1)
    } else {
        bytes[i + 2..].windows(2).position(|w| w == b"*/").map_or(bytes.len(), |p| i + 2 + p + 2)
    }
}

/// The index just past the closing quote of the string token starting at `start` (or the end).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn literal_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() && !ends_literal(bytes[i]) && bytes[i].is_ascii() && bytes[i] != b'\'' {
        i += 1;
    }
    i
}

/// Whether the string token `bytes[start..end]` is strict JSON: no raw control characters, only
/// JSON's escapes, no lone surrogates.
fn strict_string(bytes: &[u8], start: usize, end: usize) -> bool {
    let inner = &bytes[start + 1..end - 1];
    let mut i = 0;
    while i < inner.len() {
        match inner[i] {
            0x00..=0x1F => return false,
            b'\\' => match inner.get(i + 1) {
                Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 2,
                Some(b'u') => {
                    let Some(unit) = hex4(inner, i + 2) else { return false };
                    match unit {
                        0xD800..=0xDBFF => {
                            if inner.get(i + 6) != Some(&b'\\') || inner.get(i + 7) != Some(&b'u') {
                                return false;
                            }
                            if !matches!(hex4(inner, i + 8), Some(0xDC00..=0xDFFF)) {
                                return false;
                            }
                            i += 12;
                        }
                        0xDC00..=0xDFFF => return false,
                        _ => i += 6,
                    }
                }
                _ => return false,
            },
            _ => i += 1,
        }
    }
    true
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let mut value = 0;
    for &d in digits {
        value = value * 16 + char::from(d).to_digit(16)?;
    }
    Some(value)
}

/// Decodes a string token (quotes included; an unterminated one runs to its end). Lone
/// surrogates become U+FFFD, unknown escapes the escaped character.
pub fn decode_string_token(token: &str) -> Cow<'_, str> {
    let inner = token.strip_prefix('"').unwrap_or(token);
    let inner = inner.strip_suffix('"').filter(|_| !ends_with_escaped_quote(token)).unwrap_or(inner);
    if !inner.contains('\\') {
        return Cow::Borrowed(inner);
    }
    let bytes = inner.as_bytes();
    let mut out = String::with_capacity(inner.len());
    let mut i = 0;
    while i < bytes.len() {
        let Some(backslash) = bytes[i..].iter().position(|&b| b == b'\\') else {
            out.push_str(&inner[i..]);
            break;
        };
        out.push_str(&inner[i..i + backslash]);
        i += backslash + 1;
        let Some(&escaped) = bytes.get(i) else { break };
        i += 1;
        match escaped {
            b'n' => out.push('\n'),
            b't' => out.push('\t'),
            b'r' => out.push('\r'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'u' => match hex4(bytes, i) {
                Some(high @ 0xD800..=0xDBFF) => {
                    let low = (bytes.get(i + 4) == Some(&b'\\') && bytes.get(i + 5) == Some(&b'u'))
                        .then(|| hex4(bytes, i + 6))
                        .flatten()
                        .filter(|low| (0xDC00..=0xDFFF).contains(low));
                    match low {
                        Some(low) => {
                            let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                            i += 10;
                        }
                        None => {
                            out.push('\u{FFFD}');
                            i += 4;
                        }
                    }
                }
                Some(unit) => {
                    out.push(char::from_u32(unit).unwrap_or('\u{FFFD}'));
                    i += 4;
                }
                None => out.push('u'),
            },
            _ => {
                // `\"`, `\\`, `\/`, or an escape JSON does not have: the character itself.
                let rest = &inner[i - 1..];
                if let Some(c) = rest.chars().next() {
                    out.push(c);
                    i += c.len_utf8() - 1;
                }
            }
        }
    }
    Cow::Owned(out)
}

/// Whether a token's final quote is escaped (so the token is unterminated): an odd number of
/// backslashes before it.
fn ends_with_escaped_quote(token: &str) -> bool {
    let bytes = token.as_bytes();
    if bytes.len() < 2 || bytes[bytes.len() - 1] != b'"' {
        return false;
    }
    let backslashes = bytes[1..bytes.len() - 1].iter().rev().take_while(|&&b| b == b'\\').count();
    backslashes % 2 == 1
}

/// Appends `text` as a JSON string token.
pub fn encode_string(text: &str, out: &mut String) {
    out.reserve(text.len() + 2);
    out.push('"');
    let mut copied = 0;
    for (i, b) in text.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x00..=0x1F => "",
            _ => continue,
        };
        out.push_str(&text[copied..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{b:04x}"));
        } else {
            out.push_str(escape);
        }
        copied = i + 1;
    }
    out.push_str(&text[copied..]);
    out.push('"');
}

/// Whether JSON text holds a `\u` escape of a UTF-16 surrogate that is not one half of a pair
/// (`"\ud800x"`): JavaScript takes it, a strict reader (serde_json's `Value`) does not. Linear,
/// no recursion.
pub fn has_lone_surrogate_escape(json: &str) -> bool {
    let bytes = json.as_bytes();
    let unit = |at: usize| -> Option<u16> {
        let hex = bytes.get(at..at + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(high @ 0xD800..=0xDBFF) => {
                let _ = high;
                if !matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) {
                    return true;
                }
                i += 12;
            }
            Some(0xDC00..=0xDFFF) => return true,
            Some(_) => i += 6,
            None => i += 2,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_numbers_by_the_grammar() {
        for good in ["0", "-0", "12", "1.5", "1e5", "1E+5", "-1.25e-3", "10.0e10"] {
            assert!(is_json_number(good.as_bytes()), "{good}");
        }
        for bad in ["", "-", "01", "1.", ".5", "1e", "1e+", "+1", "1.5.5", "--1", "1x", "0x10", "1e5.0"] {
            assert!(!is_json_number(bad.as_bytes()), "{bad}");
        }
    }

    fn canonical(text: &str) -> String {
        let doc = Document::parse(text);
        let mut out = String::new();
        if let Some(root) = doc.root() {
            doc.write(root, &mut out, &|_| None);
        }
        out
    }

    #[test]
    fn strict_json_reads_as_serde_does() {
        let cases = [
            r#"{"a":1,"b":[true,false,null,"x"],"c":{"d":-1.5e3}}"#,
            r#"[]"#,
            r#"{}"#,
            r#""\u00e9\n\"\\""#,
            r#"[[[],[{}]],{"k":[1,{"z":"\ud83d\ude00"}]}]"#,
        ];
        for text in cases {
            let doc = Document::parse(text);
            let root = doc.root().unwrap();
            assert!(doc.is_strict(root), "{text}");
            let ours: serde_json::Value = serde_json::from_str(&canonical(text)).unwrap();
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn what_serde_refuses_is_read() {
        let cases = [
            (r#"{"a":NaN,"t":"x"}"#, r#"{"a":null,"t":"x"}"#),
            (r#"{"a":-Infinity,"t":"x"}"#, r#"{"a":null,"t":"x"}"#),
            (r#"{"a":1e999,"t":"x"}"#, r#"{"a":null,"t":"x"}"#),
            (r#"{"a":123456789012345678901234567890,"t":"x"}"#, r#"{"a":123456789012345678901234567890,"t":"x"}"#),
            (r#"{"t":"a\ud800b"}"#, "{\"t\":\"a\u{FFFD}b\"}"),
            ("{\"t\":\"x\" // comment\n,/* c */\"u\":1}", r#"{"t":"x","u":1}"#),
            (r#"{"t":"x",,"u":1,}"#, r#"{"t":"x","u":1}"#),
            (r#"{"t" "x", u: 2}"#, r#"{"t":"x","u":2}"#),
            (r#"{"t":"x""#, r#"{"t":"x"}"#),
            (r#"{"t":"unterminated"#, r#"{"t":"unterminated"}"#),
            (r#"{"t":'x'}"#, r#"{"t":null}"#),
        ];
        for (text, expected) in cases {
            let doc = Document::parse(text);
            assert!(
                !doc.is_strict(doc.root().unwrap()) || text.contains("1e999") || text.contains("1234567890"),
                "{text}"
            );
            let out = canonical(text);
            assert_eq!(out, expected, "{text}");
        }
    }

    #[test]
    fn numbers_beyond_f64_are_not_copied_into_answers() {
        let text = r#"{"n":1e999,"big":123456789012345678901234567890}"#;
        assert!(serde_json::from_str::<serde_json::Value>(text).is_err());
        let doc = Document::parse(text);
        assert!(!doc.is_strict(0), "1e999 is in JSON's grammar but not every reader takes it");
        let mut out = String::new();
        doc.write(0, &mut out, &|_| None);
        assert_eq!(out, r#"{"n":null,"big":123456789012345678901234567890}"#);
        assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
    }

    #[test]
    fn any_depth_without_recursion() {
        let depth = 200_000;
        let text = format!("{}\"deep\"{}", "[".repeat(depth), "]".repeat(depth));
        let doc = Document::parse(text);
        let mut at = doc.root().unwrap();
        for _ in 0..depth {
            at = doc.item(at, 0).unwrap();
        }
        assert_eq!(doc.str(at).as_deref(), Some("deep"));
        let mut out = String::new();
        doc.write(0, &mut out, &|_| None);
        assert_eq!(out.len(), doc.text().len());
    }

    #[test]
    fn last_member_wins_like_json_parse() {
        let doc = Document::parse(r#"{"a":"first","a":"second"}"#);
        let a = doc.get(0, "a").unwrap();
        assert_eq!(doc.str(a).as_deref(), Some("second"));
        let doc = Document::parse(r#"{"\u0061":"escaped key"}"#);
        assert_eq!(doc.get(0, "a").and_then(|a| doc.str(a)).as_deref(), Some("escaped key"));
    }

    #[test]
    fn lookups_by_name_agree_with_the_decoded_keys() {
        // Keys escaped, repeated, unquoted, unterminated, empty, or a prefix of a name; a
        // name asked twice; an array and a scalar, which have no members.
        let texts = [
            r#"{"MsgBody":[1],"Msg\u0042ody":[2],"GroupId":"g","GroupId":"h"}"#,
            r#"{"a\"b":1,"a\\":2,"":3,"MsgBod":4,"MsgBodyX":5,MsgBody:6}"#,
            r#"{"t":"x", u: 2, "u":3, "\u0075":4}"#,
            r#"{"GroupId":"g","GroupId"#,
            r#"{"a":{"MsgBody":1},"b":[{"MsgBody":2}]}"#,
            r#"["MsgBody", {"MsgBody": 1}]"#,
            r#""MsgBody""#,
            r#"{"""#,
        ];
        let names = ["MsgBody", "GroupId", "a\"b", "a\\", "", "u", "t", "MsgBody", "MsgBod", "b"];
        for text in texts {
            let doc = Document::parse(text);
            for id in 0..doc.nodes.len() {
                let reference: Vec<Option<ValueId>> = names
                    .iter()
                    .map(|&name| {
                        let object = doc.kind(id) == Some(Kind::Object);
                        doc.children(id).filter(|&c| object && doc.key(c).as_deref() == Some(name)).last()
                    })
                    .collect();
                let one_by_one: Vec<Option<ValueId>> = names.iter().map(|&name| doc.get(id, name)).collect();
                assert_eq!(one_by_one, reference, "get in {text} at {id}");
                assert_eq!(doc.get_many(id, names).to_vec(), reference, "get_many in {text} at {id}");
            }
        }
        // The reference finds something, so the comparison above can fail.
        let doc = Document::parse(texts[0]);
        let [body, group] = doc.get_many(0, ["MsgBody", "GroupId"]);
        assert_eq!(body.map(|b| doc.raw(b)), Some("[2]"));
        assert_eq!(group.and_then(|g| doc.str(g)).as_deref(), Some("h"));
    }

    #[test]
    fn children_parents_and_ranges() {
        let text = r#" {"a": [1, "x", {"b": null}], "c": "y"} "#;
        let doc = Document::parse(text);
        let root = doc.root().unwrap();
        let members: Vec<String> = doc.children(root).map(|c| doc.key(c).unwrap().into_owned()).collect();
        assert_eq!(members, ["a", "c"]);
        let a = doc.get(root, "a").unwrap();
        let items: Vec<&str> = doc.children(a).map(|c| doc.raw(c)).collect();
        assert_eq!(items, ["1", r#""x""#, r#"{"b": null}"#]);
        assert_eq!(doc.parent(doc.item(a, 2).unwrap()), Some(a));
        assert_eq!(doc.parent(root), None);
        assert_eq!(doc.as_u64(doc.item(a, 0).unwrap()), Some(1));
    }

    #[test]
    fn replacing_strings() {
        let doc = Document::parse(r#"{"a":"x","b":["y","z"]}"#);
        let z = doc.item(doc.get(0, "b").unwrap(), 1).unwrap();
        let mut out = String::new();
        doc.write(0, &mut out, &|id| (id == z).then(|| "new \"q\"".to_owned()));
        assert_eq!(out, r#"{"a":"x","b":["y","new \"q\""]}"#);
    }

    #[test]
    fn encoding_round_trips() {
        for text in ["", "plain", "quote \" backslash \\ nl \n tab \t ctl \u{1} nul \0", "é 傻 😀", "\u{7f}\u{2028}"]
        {
            let mut token = String::new();
            encode_string(text, &mut token);
            assert_eq!(serde_json::from_str::<String>(&token).unwrap(), text);
            assert_eq!(decode_string_token(&token), text);
        }
    }

    #[test]
    fn garbage_never_panics_and_has_no_root_when_empty() {
        for text in [
            "",
            "   ",
            "// only a comment",
            "]]]}}}",
            "\"",
            "\\",
            "{\"",
            "{\"a",
            "{\"a\":",
            "[,,,]",
            "{:}",
            "\"\\u12",
            "/*",
            "\u{0}\u{1}é",
        ] {
            let doc = Document::parse(text);
            let mut out = String::new();
            if let Some(root) = doc.root() {
                doc.write(root, &mut out, &|_| None);
                assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok() || out.is_empty(), "{text:?} -> {out}");
            }
        }
        assert!(Document::parse("  ").root().is_none());
        assert!(Document::parse(r#"{"a":[1,"#).is_truncated());
        assert!(Document::parse(r#"["abc"#).is_truncated());
        assert!(!Document::parse(r#"{"a":[1]} // done"#).is_truncated());
        assert!(Document::parse(r#"{"a":1} tail"#).has_trailing_text());
    }

    #[test]
    fn lone_surrogate_escapes_are_told_from_pairs() {
        for (json, lone) in [
            (r#"{"k":"\ud83d\ude00"}"#, false),
            (r#"{"k":"\ud800x"}"#, true),
            (r#"{"k":"\udc00"}"#, true),
            (r#"{"k":"\ud800\u0041"}"#, true),
            (r#"{"k":"\\ud800"}"#, false),
            (r#"{"k":"\u0041\n"}"#, false),
            (r#"{"k":"\ud800"#, true),
        ] {
            assert_eq!(has_lone_surrogate_escape(json), lone, "{json}");
        }
    }
}
