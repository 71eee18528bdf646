//! The text a user can see in a message, where it lives, the whole message as a reader reads
//! it, and how to return the message with parts of that text masked.
//!
//! One rule at every depth: an element's visible text is chosen by its `MsgType` (protocol.md,
//! "Message elements"), whether it is in `MsgBody` or in a merged-forward message nested any
//! number of times (`TIMRelayElem.MsgList[].MsgBody`, read without recursion). Strings that hold
//! JSON (`TIMCustomElem.Data`/`Ext`, `CloudCustomData` at every level) are read with the same
//! lenient reader as the body, escapes decoded, and each string value inside is text (keys are
//! not), down to [`MAX_EMBEDDING`] levels of JSON inside JSON.
//!
//! The **reading text** is every piece of text in display order: consecutive text elements run
//! together (a term split across two of them is one term to a reader), through a face element
//! between them too (shown among the text: [`INLINE_OBJECT`] stands for it, and its `Data` is a
//! piece of its own after the line) and through an element that shows nothing
//! (`shows_nothing`: an empty custom element, an unknown type), and other pieces are separated
//! by a paragraph break
//! (U+2029), which no phrase crosses. A match in the reading text
//! maps back to the byte ranges of each piece it covers; masking rewrites only those bytes, and
//! only the elements (or `CloudCustomData`) that changed are written again.

use std::collections::HashMap;

use crate::callback::MessageCallback;
use crate::lenient_json::{encode_string, Document, Kind, ValueId};
use timgate_matcher::unicode_data::{Class, Info};

/// Levels of JSON inside a JSON string that are read as JSON (deeper: read as text).
pub const MAX_EMBEDDING: usize = 4;
/// What separates pieces of text that a reader does not read as one line.
pub const PIECE_BREAK: char = '\u{2029}';
/// What stands for a face element in the line of text elements around it (U+FFFC, OBJECT
/// REPLACEMENT CHARACTER): an image the reader reads on past, which the matcher reads as it reads
/// an emoji (nothing inside a word, a gap between two).
pub const INLINE_OBJECT: char = '\u{FFFC}';
/// Path steps shown in a location before its middle is left out.
const MAX_LOCATION_STEPS: usize = 24;

/// Which document a [`Place`] is in: 0 is the callback body, `n` the `n`-th embedded one.
type DocRef = usize;

/// A string value: which document, and which value in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    doc: DocRef,
    value: ValueId,
}

/// Where a segment's text came from, at the top level of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `MsgBody[i]`.
    Element(usize),
    /// `CloudCustomData`.
    CloudCustomData,
}

/// A piece of text a user can see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Which part of the body.
    pub source: Source,
    /// The text.
    pub text: String,
    /// Where the text starts in the reading text.
    pub offset: usize,
    place: Place,
}

/// A JSON document read from a string of another one.
#[derive(Debug)]
struct Embedded {
    parent: Place,
    doc: Document,
    depth: usize,
}

/// A message's visible text, ready to be scanned and (if need be) masked.
#[derive(Debug)]
pub struct MessageText<'c> {
    callback: &'c MessageCallback,
    embedded: Vec<Embedded>,
    /// Every piece of visible text, in reading order.
    pub segments: Vec<Segment>,
    reading: String,
    /// The `Data` of the face elements in the line being read: pieces of their own after it.
    deferred: Vec<(Source, Place)>,
}

/// Byte ranges to mask in one segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentMask {
    /// Index into [`MessageText::segments`].
    pub segment: usize,
    /// Byte ranges `(start, end)` in the segment's text, on character boundaries.
    pub spans: Vec<(usize, usize)>,
}

/// What a masked message looks like: the fields that changed, ready for the answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MaskedMessage {
    /// The whole `MsgBody` array as JSON, when any element changed.
    pub msg_body: Option<String>,
    /// The new `CloudCustomData`, when it changed.
    pub cloud_custom_data: Option<String>,
}

/// One element list being read (a `MsgBody`), or a merged-forward message's `MsgList`.
enum Frame {
    Elements { array: ValueId, next: usize, top: bool },
    MsgList { array: ValueId, next: usize },
}

/// Whether `element` of a `MsgBody` shows nothing a reader sees: not an object, no `MsgContent`
/// object, a text element without a string `Text`, a custom element whose `Data`, `Desc` and
/// `Ext` are all missing or empty, or a type clients do not display. An image, sound, video, file
/// or location element shows something (an image, a player, a file, a map) even without text.
/// `kind` is its `MsgType` and `content` its `MsgContent`, as the caller looked them up.
fn shows_nothing(doc: &Document, kind: &str, content: Option<ValueId>) -> bool {
    let content = content.filter(|&c| doc.kind(c) == Some(Kind::Object));
    let text = |name: &str| content.and_then(|c| doc.get(c, name)).filter(|&v| doc.kind(v) == Some(Kind::String));
    let empty = |name: &str| text(name).and_then(|v| doc.str(v)).is_none_or(|s| s.is_empty());
    match kind {
        "TIMTextElem" => text("Text").is_none(),
        "TIMCustomElem" => empty("Data") && empty("Desc") && empty("Ext"),
        // Shown whatever their content (a client draws the element, if only as a placeholder).
        "TIMFaceElem" | "TIMLocationElem" | "TIMFileElem" | "TIMRelayElem" | "TIMImageElem" | "TIMSoundElem"
        | "TIMVideoFileElem" => false,
        _ => true,
    }
}

impl<'c> MessageText<'c> {
    /// Collects the visible text of a callback's `MsgBody` and `CloudCustomData`.
    pub fn collect(callback: &'c MessageCallback) -> Self {
        let mut text = MessageText {
            callback,
            embedded: Vec::new(),
            segments: Vec::new(),
            reading: String::new(),
            deferred: Vec::new(),
        };
        let doc = callback.document();
        let mut stack: Vec<Frame> = Vec::new();
        if let Some(body) = callback.msg_body() {
            stack.push(Frame::Elements { array: body, next: 0, top: true });
        }
        // The text or face element just read (or the last element of nothing after one): a text
        // element after it runs on from it.
        let mut last_text: Option<(ValueId, usize)> = None;
        let mut top_element = 0;
        while let Some(frame) = stack.last_mut() {
            match frame {
                Frame::Elements { array, next, top } => {
                    let (array, position, top) = (*array, *next, *top);
                    let Some(element) = doc.item(array, position) else {
                        stack.pop();
                        continue;
                    };
                    *next += 1;
                    if top {
                        top_element = position;
                    }
                    let source = Source::Element(top_element);
                    // Whether the element before it in the same list was a text or a face, or one
                    // that shows nothing after such an element.
                    let joins = last_text == Some((array, position.wrapping_sub(1)));
                    let kind = doc.get(element, "MsgType").and_then(|t| doc.str(t)).unwrap_or_default();
                    let content = doc.get(element, "MsgContent");
                    // An element that shows nothing (no content, a text element without text, a
                    // custom element whose `Data`, `Desc` and `Ext` are all empty, a type clients do
                    // not display) does not end the line: `fu`, an empty custom element, `ck` is
                    // read `fuck` (an adversarial pass, 2026-12-07, found 15 such elements hiding a
                    // term split around them).
                    if shows_nothing(doc, &kind, content) {
                        if joins {
                            last_text = Some((array, position));
                        }
                        continue;
                    }
                    let Some(content) = content else { continue };
                    let field = |name: &str| doc.get(content, name).filter(|&v| doc.kind(v) == Some(Kind::String));
                    match kind.as_ref() {
                        "TIMTextElem" => {
                            if let Some(v) = field("Text") {
                                text.add(source, Place { doc: 0, value: v }, joins);
                                last_text = Some((array, position));
                            }
                            continue;
                        }
                        "TIMCustomElem" => {
                            for (name, json) in [("Data", true), ("Ext", true), ("Desc", false)] {
                                if let Some(v) = field(name) {
                                    text.add_string(source, Place { doc: 0, value: v }, json, 0);
                                }
                            }
                        }
                        "TIMFaceElem" => {
                            // Shown among the text elements around it: the line runs on through
                            // it (`fu`, a face, `ck` is read `fu\u{FFFC}ck`), and its `Data` is a
                            // piece of its own once the line ends.
                            text.push_object(joins);
                            if let Some(v) = field("Data") {
                                text.deferred.push((source, Place { doc: 0, value: v }));
                            }
                            last_text = Some((array, position));
                            continue;
                        }
                        "TIMLocationElem" => {
                            if let Some(v) = field("Desc") {
                                text.add(source, Place { doc: 0, value: v }, false);
                            }
                        }
                        "TIMFileElem" => {
                            if let Some(v) = field("FileName") {
                                text.add(source, Place { doc: 0, value: v }, false);
                            }
                        }
                        "TIMRelayElem" => {
                            for name in ["Title", "CompatibleText"] {
                                if let Some(v) = field(name) {
                                    text.add(source, Place { doc: 0, value: v }, false);
                                }
                            }
                            if let Some(list) = doc.get(content, "AbstractList") {
                                for item in doc.children(list).filter(|&v| doc.kind(v) == Some(Kind::String)) {
                                    text.add(source, Place { doc: 0, value: item }, false);
                                }
                            }
                            if let Some(list) =
                                doc.get(content, "MsgList").filter(|&l| doc.kind(l) == Some(Kind::Array))
                            {
                                stack.push(Frame::MsgList { array: list, next: 0 });
                            }
                        }
                        // Image, sound and video elements carry URLs only; unknown types are not
                        // displayed by clients.
                        _ => {}
                    }
                    last_text = None;
                }
                Frame::MsgList { array, next } => {
                    let (array, position) = (*array, *next);
                    let Some(message) = doc.item(array, position) else {
                        stack.pop();
                        continue;
                    };
                    *next += 1;
                    last_text = None;
                    let source = Source::Element(top_element);
                    if let Some(v) = doc.get(message, "CloudCustomData").filter(|&v| doc.kind(v) == Some(Kind::String))
                    {
                        text.add_string(source, Place { doc: 0, value: v }, true, 0);
                    }
                    if let Some(body) = doc.get(message, "MsgBody").filter(|&b| doc.kind(b) == Some(Kind::Array)) {
                        stack.push(Frame::Elements { array: body, next: 0, top: false });
                    }
                }
            }
        }
        if let Some(v) = callback.cloud_custom_data_value() {
            text.add_string(Source::CloudCustomData, Place { doc: 0, value: v }, true, 0);
        }
        text.flush_deferred();
        text
    }

    fn doc(&self, doc: DocRef) -> Option<&Document> {
        match doc {
            0 => Some(self.callback.document()),
            n => self.embedded.get(n - 1).map(|e| &e.doc),
        }
    }

    /// A string that may hold JSON (`json`): its string values are text, else the string is.
    fn add_string(&mut self, source: Source, place: Place, json: bool, depth: usize) {
        let Some(value) = self.doc(place.doc).and_then(|d| d.str(place.value)).map(|s| s.into_owned()) else {
            return;
        };
        // (White space and characters read as nothing, a byte order mark among them, are skipped
        // before it: an adversarial pass, 2026-12-07, hid `\u0066uck` behind a BOM.)
        let invisible = |c: char| c.is_whitespace() || Info::of(c).class() == Class::Ignorable;
        let trimmed = value.trim_start_matches(invisible);
        // An object or an array, or a string literal (`"\u0066uck"`, JSON encoded twice: a client
        // that parses it shows the string; an adversarial pass, 2026-12-07, found it unread).
        if json && depth < MAX_EMBEDDING && trimmed.starts_with(['{', '[', '"']) {
            let inner = Document::parse(value.clone());
            let whole = inner.root().is_some_and(|r| {
                matches!(inner.kind(r), Some(Kind::Object | Kind::Array | Kind::String))
                    && !inner.has_trailing_text()
                    && !inner.is_truncated()
            });
            if whole {
                let strings: Vec<ValueId> =
                    (0..inner.subtree_end(0)).filter(|&v| inner.kind(v) == Some(Kind::String)).collect();
                self.embedded.push(Embedded { parent: place, doc: inner, depth: depth + 1 });
                let doc = self.embedded.len();
                for v in strings {
                    self.add_string(source, Place { doc, value: v }, true, depth + 1);
                }
                return;
            }
        }
        self.push_segment(source, place, value, false);
    }

    /// A plain string; `joins`: it runs on from the previous piece.
    fn add(&mut self, source: Source, place: Place, joins: bool) {
        if let Some(value) = self.doc(place.doc).and_then(|d| d.str(place.value)).map(|s| s.into_owned()) {
            self.push_segment(source, place, value, joins);
        }
    }

    fn push_segment(&mut self, source: Source, place: Place, text: String, joins: bool) {
        self.start_piece(joins);
        let offset = self.reading.len();
        self.reading.push_str(&text);
        self.segments.push(Segment { source, text, offset, place });
    }

    /// Before a piece: unless it runs on from the previous one (`joins`), the line before it
    /// ends (the faces' `Data` read in it are put out) and a break separates them.
    fn start_piece(&mut self, joins: bool) {
        if joins {
            return;
        }
        self.flush_deferred();
        if !self.reading.is_empty() {
            self.reading.push(PIECE_BREAK);
        }
    }

    /// A face element in the line ([`INLINE_OBJECT`]); not a segment (there is nothing to mask).
    fn push_object(&mut self, joins: bool) {
        self.start_piece(joins);
        self.reading.push(INLINE_OBJECT);
    }

    /// The `Data` of the faces of the line just read, each a piece of its own.
    fn flush_deferred(&mut self) {
        for (source, place) in std::mem::take(&mut self.deferred) {
            self.add(source, place, false);
        }
    }

    /// The whole message as a reader reads it (see the module docs).
    pub fn reading_text(&self) -> &str {
        &self.reading
    }

    /// The pieces of the reading text's byte range `start..end`: `(segment, start, end)` with
    /// offsets in each segment's text.
    pub fn pieces(&self, start: usize, end: usize) -> Vec<(usize, usize, usize)> {
        let first = self.segments.partition_point(|s| s.offset + s.text.len() <= start);
        self.segments[first..]
            .iter()
            .enumerate()
            .take_while(|(_, s)| s.offset < end)
            .filter_map(|(i, s)| {
                let from = start.max(s.offset) - s.offset;
                let to = end.min(s.offset + s.text.len()) - s.offset;
                (from < to).then_some((first + i, from, to))
            })
            .collect()
    }

    /// Where segment `index` is: `MsgBody[0].MsgContent.Text`,
    /// `CloudCustomData#messageReply.messageAbstract` (a very deep path has its middle left out).
    pub fn location(&self, index: usize) -> String {
        let Some(segment) = self.segments.get(index) else { return String::new() };
        let place = segment.place;
        let mut parts: Vec<String> = Vec::new();
        let mut at = place;
        while let Some(doc) = self.doc(at.doc) {
            let mut steps: Vec<String> = Vec::new();
            let mut v = at.value;
            while let Some(parent) = doc.parent(v) {
                steps.push(match doc.key(v) {
                    Some(k) => format!(".{k}"),
                    None => format!("[{}]", doc.children(parent).position(|c| c == v).unwrap_or(0)),
                });
                v = parent;
            }
            steps.reverse();
            if steps.len() > MAX_LOCATION_STEPS {
                let tail = steps.split_off(steps.len() - MAX_LOCATION_STEPS / 2);
                steps.truncate(MAX_LOCATION_STEPS / 2);
                steps.push(".…".to_owned());
                steps.extend(tail);
            }
            let mut path = steps.concat();
            if at.doc == 0 {
                path = path.trim_start_matches('.').to_owned();
            } else if let Some(stripped) = path.strip_prefix('.') {
                path = stripped.to_owned();
            }
            parts.push(path);
            match at.doc {
                0 => break,
                n => match self.embedded.get(n - 1) {
                    Some(e) => at = e.parent,
                    None => break,
                },
            }
        }
        parts.reverse();
        parts.join("#")
    }

    /// The message with `masks` applied, each masked character replaced by `mask_char`.
    pub fn masked(&self, masks: &[SegmentMask], mask_char: char) -> MaskedMessage {
        let mut edits: HashMap<Place, String> = HashMap::new();
        for mask in masks {
            let Some(segment) = self.segments.get(mask.segment) else { continue };
            let current = edits.get(&segment.place).cloned().unwrap_or_else(|| segment.text.clone());
            let replacement = mask_spans(&current, &mask.spans, mask_char);
            if replacement != segment.text {
                edits.insert(segment.place, replacement);
            }
        }
        // Embedded documents, innermost first: their edited strings are spliced into their
        // text, which becomes the new value of the string they were read from.
        for (index, embedded) in self.embedded.iter().enumerate().rev() {
            let doc = index + 1;
            let mut inner: Vec<(ValueId, String)> =
                edits.iter().filter(|(p, _)| p.doc == doc).map(|(p, t)| (p.value, t.clone())).collect();
            if inner.is_empty() {
                continue;
            }
            inner.sort_by_key(|(v, _)| embedded.doc.range(*v).start);
            let source = embedded.doc.text();
            let mut out = String::with_capacity(source.len());
            let mut copied = 0;
            for (value, text) in inner {
                let range = embedded.doc.range(value);
                out.push_str(source.get(copied..range.start).unwrap_or_default());
                encode_string(&text, &mut out);
                copied = range.end;
            }
            out.push_str(source.get(copied..).unwrap_or_default());
            let _ = embedded.depth;
            edits.insert(embedded.parent, out);
        }
        let body: HashMap<ValueId, String> =
            edits.iter().filter(|(p, _)| p.doc == 0).map(|(p, t)| (p.value, t.clone())).collect();
        if body.is_empty() {
            return MaskedMessage::default();
        }
        let doc = self.callback.document();
        let elements = self.callback.elements();
        let changed = |e: ValueId| body.keys().any(|&v| (e..doc.subtree_end(e)).contains(&v));
        let msg_body = elements.iter().any(|&e| changed(e)).then(|| {
            let mut out = String::from("[");
            for (i, &e) in elements.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if !changed(e) && doc.is_strict(e) {
                    out.push_str(doc.raw(e));
                } else {
                    doc.write(e, &mut out, &|v| body.get(&v).cloned());
                }
            }
            out.push(']');
            out
        });
        let cloud_custom_data = self.callback.cloud_custom_data_value().and_then(|v| body.get(&v).cloned());
        MaskedMessage { msg_body, cloud_custom_data }
    }
}

/// Replaces every character inside `spans` with `mask_char`. Spans that are out of range or
/// not on character boundaries are ignored rather than trusted.
pub fn mask_spans(text: &str, spans: &[(usize, usize)], mask_char: char) -> String {
    let mut valid: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(s, e)| s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
        .collect();
    valid.sort_unstable();
    // One pass over the text with a cursor into the sorted spans: linear, however many spans.
    let mut out = String::with_capacity(text.len());
    let mut next = valid.iter().peekable();
    let mut covered_until = 0;
    for (offset, c) in text.char_indices() {
        while let Some(&&(s, e)) = next.peek() {
            if s > offset {
                break;
            }
            covered_until = covered_until.max(e);
            next.next();
        }
        out.push(if offset < covered_until { mask_char } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn callback(json: &str) -> MessageCallback {
        MessageCallback::parse(json.as_bytes()).unwrap()
    }

    fn texts(m: &MessageText<'_>) -> Vec<(String, String)> {
        m.segments.iter().enumerate().map(|(i, s)| (m.location(i), s.text.clone())).collect()
    }

    #[test]
    fn every_documented_element_type() {
        let c = callback(
            r#"{"MsgBody":[
            {"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}},
            {"MsgType":"TIMCustomElem","MsgContent":{"Data":"plain data","Desc":"desc","Ext":"ext"}},
            {"MsgType":"TIMFaceElem","MsgContent":{"Index":1,"Data":"face"}},
            {"MsgType":"TIMLocationElem","MsgContent":{"Desc":"where","Latitude":1.5,"Longitude":2.5}},
            {"MsgType":"TIMFileElem","MsgContent":{"Url":"https://x/f","FileName":"file.txt"}},
            {"MsgType":"TIMImageElem","MsgContent":{"UUID":"u","ImageInfoArray":[{"URL":"https://x/i"}]}},
            {"MsgType":"TIMSoundElem","MsgContent":{"Url":"https://x/s"}},
            {"MsgType":"TIMVideoFileElem","MsgContent":{"VideoUrl":"https://x/v"}},
            {"MsgType":"TIMFutureElem","MsgContent":{"Text":"unknown types are not read"}}
        ],"CloudCustomData":"cloud"}"#,
        );
        let m = MessageText::collect(&c);
        let expected = [
            ("MsgBody[0].MsgContent.Text", "hello"),
            ("MsgBody[1].MsgContent.Data", "plain data"),
            ("MsgBody[1].MsgContent.Ext", "ext"),
            ("MsgBody[1].MsgContent.Desc", "desc"),
            ("MsgBody[2].MsgContent.Data", "face"),
            ("MsgBody[3].MsgContent.Desc", "where"),
            ("MsgBody[4].MsgContent.FileName", "file.txt"),
            ("CloudCustomData", "cloud"),
        ];
        let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(texts(&m), expected);
    }

    #[test]
    fn adjacent_text_elements_read_as_one_line() {
        let c = callback(
            r#"{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"bu"}},{"MsgType":"TIMTextElem","MsgContent":{"Text":"y now"}},
            {"MsgType":"TIMFaceElem","MsgContent":{"Data":"x"}},{"MsgType":"TIMTextElem","MsgContent":{"Text":"later"}}]}"#,
        );
        let m = MessageText::collect(&c);
        // A face runs the line on (an image among the text), its `Data` a piece after the line.
        assert_eq!(m.reading_text(), "buy now\u{FFFC}later\u{2029}x");
        assert_eq!(m.pieces(0, 3), [(0, 0, 2), (1, 0, 1)]);
        assert_eq!(m.pieces(4, 15), [(1, 2, 5), (2, 0, 5)], "a match across the face maps to the texts");
        assert_eq!(m.segments.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(), ["bu", "y now", "later", "x"]);
    }

    #[test]
    fn a_json_string_literal_is_read_and_masked_as_its_string() {
        // A string literal, and JSON encoded twice (a string holding an object).
        let c = callback(
            r#"{"MsgBody":[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"\"\\u0064amn\"","Ext":"\"{\\\"text\\\":\\\"damn it\\\"}\""}}]}"#,
        );
        let m = MessageText::collect(&c);
        let t = texts(&m);
        assert!(t.iter().any(|(_, text)| text == "damn"), "{t:?}");
        assert!(t.iter().any(|(_, text)| text == "damn it"), "{t:?}");
        let data = m.segments.iter().position(|s| s.text == "damn").unwrap();
        let out = m.masked(&[SegmentMask { segment: data, spans: vec![(0, 4)] }], '#');
        let body = out.msg_body.unwrap_or_default();
        assert!(body.contains(r#####""Data":"\"####\"""#####), "{body}");
        // Text that only starts with a quote stays text.
        let c = callback(r#"{"MsgBody":[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"\"damn\" he said"}}]}"#);
        assert!(texts(&MessageText::collect(&c)).iter().any(|(_, text)| text == "\"damn\" he said"));
    }

    #[test]
    fn json_after_a_byte_order_mark_is_read() {
        // (And after any character read as nothing: a zero-width space, a word joiner.)
        for (field, mark) in [("Data", "\\ufeff"), ("Ext", "\\ufeff"), ("Data", "\\u200b"), ("Ext", "\\u2060")] {
            let c = callback(&format!(
                r#"{{"MsgBody":[{{"MsgType":"TIMCustomElem","MsgContent":{{"{field}":"{mark}{{\"text\":\"\\u0062ad\"}}"}}}}],
                "CloudCustomData":"{mark}{{\"messageReply\":{{\"messageAbstract\":\"\\u0062ad too\"}}}}"}}"#
            ));
            let t = texts(&MessageText::collect(&c));
            assert!(t.iter().any(|(_, text)| text == "bad"), "{field}: {t:?}");
            assert!(t.iter().any(|(_, text)| text == "bad too"), "{field}: {t:?}");
        }
    }

    #[test]
    fn an_element_that_shows_nothing_does_not_end_the_line() {
        // Each of them between `fu` and `ck` (an adversarial pass, 2026-12-07, found 15 such
        // elements ending the line, so that a term split around one was never found).
        let nothing = [
            r#"{"MsgType":"TIMCustomElem","MsgContent":{"Data":""}}"#,
            r#"{"MsgType":"TIMCustomElem","MsgContent":{"Data":"","Desc":"","Ext":""}}"#,
            r#"{"MsgType":"TIMCustomElem","MsgContent":{}}"#,
            r#"{"MsgType":"TIMTextElem","MsgContent":{}}"#,
            r#"{"MsgType":"TIMTextElem","MsgContent":{"Text":null}}"#,
            r#"{"MsgType":"TIMTextElem"}"#,
            r#"{"MsgType":"TIMTextElem","MsgContent":null}"#,
            r#"{"MsgType":"TIMNoSuchElem","MsgContent":{"Text":"x"}}"#,
            r#"{}"#,
            r#"null"#,
        ];
        for (k, middle) in nothing.iter().enumerate() {
            let c = callback(&format!(
                r#"{{"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"fu"}}}},{middle},{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"ck"}}}}]}}"#
            ));
            let m = MessageText::collect(&c);
            assert_eq!(m.reading_text(), "fuck", "{middle}");
            assert_eq!(m.pieces(0, 4), [(0, 0, 2), (1, 0, 2)], "{k}: the match maps to both texts");
        }
        // Two of them in a row, and one after a face.
        let c = callback(
            r#"{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"fu"}},{"MsgType":"TIMCustomElem","MsgContent":{"Data":""}},{},
            {"MsgType":"TIMTextElem","MsgContent":{"Text":"ck"}},{"MsgType":"TIMFaceElem","MsgContent":{"Index":1}},null,
            {"MsgType":"TIMTextElem","MsgContent":{"Text":"off"}}]}"#,
        );
        assert_eq!(MessageText::collect(&c).reading_text(), "fuck\u{FFFC}off");
        // An element that shows something still ends it: an image, a sound, a video, a file, a
        // location (a map), a custom element with data, which the app draws.
        let something = [
            r#"{"MsgType":"TIMImageElem","MsgContent":{"UUID":"u"}}"#,
            r#"{"MsgType":"TIMImageElem"}"#,
            r#"{"MsgType":"TIMFaceElem","MsgContent":null}"#,
            r#"{"MsgType":"TIMSoundElem","MsgContent":{"Url":"https://x/s"}}"#,
            r#"{"MsgType":"TIMVideoFileElem","MsgContent":{"VideoUrl":"https://x/v"}}"#,
            r#"{"MsgType":"TIMFileElem","MsgContent":{"FileName":""}}"#,
            r#"{"MsgType":"TIMLocationElem","MsgContent":{"Desc":"","Latitude":1,"Longitude":2}}"#,
            r#"{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{\"type\":\"card\"}"}}"#,
        ];
        for middle in something {
            let c = callback(&format!(
                r#"{{"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"fu"}}}},{middle},{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"ck"}}}}]}}"#
            ));
            assert!(!MessageText::collect(&c).reading_text().contains("fuck"), "{middle}");
        }
    }

    #[test]
    fn json_inside_custom_data_and_cloud_custom_data_with_escapes_and_what_serde_refuses() {
        let c = callback(
            r#"{"MsgBody":[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{\"businessID\":\"text\",\"text\":\"inner \\u0062ad\",\"n\":1e999}"}}],
            "CloudCustomData":"{\"messageReply\":{\"messageAbstract\":\"quoted text\",\"messageSender\":\"bob\",\"version\":NaN}}"}"#,
        );
        let m = MessageText::collect(&c);
        let t = texts(&m);
        assert!(t.contains(&("MsgBody[0].MsgContent.Data#text".into(), "inner bad".into())), "{t:?}");
        assert!(t.contains(&("CloudCustomData#messageReply.messageAbstract".into(), "quoted text".into())), "{t:?}");
        assert!(!t.iter().any(|(_, text)| text == "businessID" || text == "messageReply"), "keys are not text");
    }

    #[test]
    fn relay_messages_nest_with_their_own_cloud_custom_data() {
        let c = callback(
            r#"{"MsgBody":[{"MsgType":"TIMRelayElem","MsgContent":{
            "Title":"Chat history","AbstractList":["a: first","b: second"],"CompatibleText":"upgrade",
            "MsgList":[{"From_Account":"a","CloudCustomData":"{\"messageReply\":{\"messageAbstract\":\"nested quote\"}}","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"nested"}},
                {"MsgType":"TIMRelayElem","MsgContent":{"Title":"deeper","MsgList":[{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"deepest"}}]}]}}]}]}}]}"#,
        );
        let m = MessageText::collect(&c);
        let t: Vec<String> = m.segments.iter().map(|s| s.text.clone()).collect();
        assert_eq!(
            t,
            ["Chat history", "upgrade", "a: first", "b: second", "nested quote", "nested", "deeper", "deepest"]
        );
        assert_eq!(
            m.location(7),
            "MsgBody[0].MsgContent.MsgList[0].MsgBody[1].MsgContent.MsgList[0].MsgBody[0].MsgContent.Text"
        );
        assert_eq!(m.location(4), "MsgBody[0].MsgContent.MsgList[0].CloudCustomData#messageReply.messageAbstract");
    }

    #[test]
    fn masking_rewrites_only_what_matched() {
        let c = callback(
            r#"{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"oh damn it"}},  {"MsgType" : "TIMTextElem","MsgContent":{"Text":"clean"}}],"CloudCustomData":"untouched"}"#,
        );
        let m = MessageText::collect(&c);
        let out = m.masked(&[SegmentMask { segment: 0, spans: vec![(3, 7)] }], '*');
        assert_eq!(
            out.msg_body.as_deref(),
            Some(
                r#"[{"MsgType":"TIMTextElem","MsgContent":{"Text":"oh **** it"}},{"MsgType" : "TIMTextElem","MsgContent":{"Text":"clean"}}]"#
            )
        );
        assert_eq!(out.cloud_custom_data, None);
    }

    #[test]
    fn masking_counts_characters_not_bytes() {
        assert_eq!(mask_spans("你好傻逼啊", &[(6, 12)], '*'), "你好**啊");
        assert_eq!(mask_spans("abc", &[(1, 99)], '*'), "abc", "out of range spans are ignored");
        assert_eq!(mask_spans("你好", &[(1, 3)], '*'), "你好", "spans off character boundaries are ignored");
        assert_eq!(mask_spans("abcdef", &[(3, 5), (0, 2), (1, 4)], '#'), "#####f", "overlapping, unsorted spans");
    }

    #[test]
    fn masking_inside_embedded_json_keeps_the_rest_of_it() {
        let c = callback(
            r#"{"MsgBody":[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{\"text\":\"damn\", \"n\": NaN}","Desc":"d"}}],
            "CloudCustomData":"{\"messageReply\":{\"messageAbstract\":\"damn again\"}}"}"#,
        );
        let m = MessageText::collect(&c);
        let data = m.segments.iter().position(|s| s.text == "damn").unwrap();
        let quote = m.segments.iter().position(|s| s.text == "damn again").unwrap();
        let out = m.masked(
            &[SegmentMask { segment: data, spans: vec![(0, 4)] }, SegmentMask { segment: quote, spans: vec![(0, 4)] }],
            '#',
        );
        assert_eq!(
            out.msg_body.as_deref(),
            Some(
                r#####"[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{\"text\":\"####\", \"n\": NaN}","Desc":"d"}}]"#####
            )
        );
        assert_eq!(
            out.cloud_custom_data.as_deref(),
            Some(r#####"{"messageReply":{"messageAbstract":"#### again"}}"#####)
        );
    }

    #[test]
    fn a_masked_element_with_what_serde_refuses_is_written_as_strict_json() {
        let c = callback(
            r#"{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"damn"},"X":NaN},{"MsgType":"TIMTextElem","MsgContent":{"Text":"ok"},"Y":Infinity}]}"#,
        );
        let m = MessageText::collect(&c);
        let out = m.masked(&[SegmentMask { segment: 0, spans: vec![(0, 4)] }], '*');
        let body: serde_json::Value = serde_json::from_str(out.msg_body.as_deref().unwrap()).unwrap();
        assert_eq!(body[0]["MsgContent"]["Text"], "****");
        assert_eq!(body[1]["MsgContent"]["Text"], "ok");
    }

    #[test]
    fn nesting_of_any_depth_is_read() {
        let mut element = r#"{"MsgType":"TIMTextElem","MsgContent":{"Text":"bottom"}}"#.to_owned();
        for _ in 0..3000 {
            element = format!(r#"{{"MsgType":"TIMRelayElem","MsgContent":{{"MsgList":[{{"MsgBody":[{element}]}}]}}}}"#);
        }
        let c = callback(&format!(r#"{{"MsgBody":[{element}]}}"#));
        let m = MessageText::collect(&c);
        assert_eq!(m.segments.len(), 1);
        assert_eq!(m.segments[0].text, "bottom");
        assert!(m.location(0).contains('…'), "long locations are shortened");
    }
}
