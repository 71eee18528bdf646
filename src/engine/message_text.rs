//! The text a user can see in a message, where it lives, and how to return the message with
//! parts of that text masked.
//!
//! Each piece of visible text is a [`Segment`] with the path that leads to it, so a mask can
//! be written back exactly there. Elements that are not masked are returned byte for byte.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::value::RawValue;
use serde_json::Value;

use crate::engine::json_scan;

/// One step of the way from an element (or `CloudCustomData`) to a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// An object member.
    Key(String),
    /// An array item.
    Index(usize),
    /// The string at this point holds JSON; the following steps lead inside it.
    Embedded,
}

/// Where a segment's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `MsgBody[i]`.
    Element(usize),
    /// `CloudCustomData`.
    CloudCustomData,
}

/// A piece of text a user can see, and the path to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Which part of the body.
    pub source: Source,
    /// The path inside that part.
    pub path: Vec<Step>,
    /// The text.
    pub text: String,
}

impl fmt::Display for Segment {
    /// `MsgBody[0].MsgContent.Text`, `CloudCustomData#messageReply.messageAbstract`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.source {
            Source::Element(i) => write!(f, "MsgBody[{i}]")?,
            Source::CloudCustomData => f.write_str("CloudCustomData")?,
        }
        let mut embedded_start = false;
        for step in &self.path {
            match step {
                Step::Key(k) if embedded_start => {
                    f.write_str(k)?;
                    embedded_start = false;
                }
                Step::Key(k) => write!(f, ".{k}")?,
                Step::Index(i) => write!(f, "[{i}]")?,
                Step::Embedded => {
                    f.write_str("#")?;
                    embedded_start = true;
                }
            }
        }
        Ok(())
    }
}

/// How one `MsgBody` element was read.
#[derive(Debug)]
enum Element {
    /// As a JSON value, walked by element type (the usual case).
    Parsed(Value),
    /// Too deep for a JSON value: its visible strings were read from the text itself
    /// ([`json_scan::visible_strings`]); masks are written into the original bytes.
    Scanned,
    /// Not read at all (an adversarial shape beyond the scan budget): the message is incomplete.
    Unread,
}

/// Where a segment read by the scan lives in its element's JSON: the byte range of its string
/// token, and how many path steps lead to that token (the rest lead inside it).
#[derive(Debug, Clone)]
struct Token {
    range: std::ops::Range<usize>,
    depth: usize,
}

/// Path steps the scan of deep elements may record in all, so that an adversarial body
/// (thousands of values, each thousands of levels deep) cannot cost more than a few MB.
const SCAN_BUDGET: usize = 100_000;

/// A message's visible text, ready to be scanned and (if need be) masked.
#[derive(Debug)]
pub struct MessageText<'a> {
    elements: &'a [Box<RawValue>],
    read: Vec<Element>,
    tokens: Vec<Option<Token>>,
    cloud_custom_data: Option<&'a str>,
    /// Every piece of visible text, in message order.
    pub segments: Vec<Segment>,
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

impl<'a> MessageText<'a> {
    /// Collects the visible text of `elements` and `cloud_custom_data`.
    ///
    /// An element `serde_json` cannot hold as a value (a lone surrogate escape, nesting past
    /// its limit of 128) is still read: lone surrogates as U+FFFD, deep elements by scanning
    /// their visible strings ([`json_scan::visible_strings`]). Only an element beyond the scan
    /// budget stays unread, and then [`Self::is_complete`] is false.
    pub fn collect(elements: &'a [Box<RawValue>], cloud_custom_data: Option<&'a str>) -> Self {
        let mut segments = Vec::new();
        let mut tokens = Vec::new();
        let mut read = Vec::with_capacity(elements.len());
        let mut budget = SCAN_BUDGET;
        for (i, raw) in elements.iter().enumerate() {
            if let Some(element) = parse_value(raw.get()) {
                let mut path = Vec::new();
                collect_element(&element, &mut path, &mut |path, text| {
                    segments.push(Segment { source: Source::Element(i), path, text });
                    tokens.push(None);
                });
                read.push(Element::Parsed(element));
                continue;
            }
            match json_scan::visible_strings(raw.get(), &mut budget) {
                Ok(values) => {
                    for value in values {
                        let mut path = value.path;
                        let depth = path.len();
                        let data = matches!(path.last(), Some(Step::Key(k)) if k == "Data" || k == "Ext");
                        let mut sink = |path, text| {
                            segments.push(Segment { source: Source::Element(i), path, text });
                            tokens.push(Some(Token { range: value.token.clone(), depth }));
                        };
                        if data {
                            collect_maybe_json(&value.text, &mut path, &mut sink);
                        } else {
                            sink(path, value.text);
                        }
                    }
                    read.push(Element::Scanned);
                }
                Err(_) => read.push(Element::Unread),
            }
        }
        if let Some(data) = cloud_custom_data {
            collect_maybe_json(data, &mut Vec::new(), &mut |path, text| {
                segments.push(Segment { source: Source::CloudCustomData, path, text });
                tokens.push(None);
            });
        }
        Self { elements, read, tokens, cloud_custom_data, segments }
    }

    /// Whether every element was read. An incomplete message is not a verdict on its own:
    /// the decision applies what it found and answers the fail mode for the rest.
    pub fn is_complete(&self) -> bool {
        !self.read.iter().any(|e| matches!(e, Element::Unread))
    }

    /// Where the elements that could not be read are (`MsgBody[3]`), for logs.
    pub fn unread(&self) -> Vec<String> {
        (0..self.read.len())
            .filter(|&i| matches!(self.read[i], Element::Unread))
            .map(|i| format!("MsgBody[{i}]"))
            .collect()
    }

    /// The message with `masks` applied, each masked character replaced by `mask_char`.
    pub fn masked(&self, masks: &[SegmentMask], mask_char: char) -> MaskedMessage {
        let mut elements: Vec<Option<Value>> = vec![None; self.elements.len()];
        // Scanned elements: the new value of each string token, by element and token start.
        let mut token_edits: Vec<BTreeMap<usize, (usize, Value)>> = vec![BTreeMap::new(); self.elements.len()];
        let mut cloud: Option<String> = None;
        for mask in masks {
            let Some(segment) = self.segments.get(mask.segment) else { continue };
            let replacement = mask_spans(&segment.text, &mask.spans, mask_char);
            if replacement == segment.text {
                continue;
            }
            match (segment.source, self.tokens.get(mask.segment)) {
                (Source::Element(i), Some(Some(token))) => {
                    let (Some(edits), Some(raw)) = (token_edits.get_mut(i), self.elements.get(i)) else {
                        continue;
                    };
                    let Some(original) = raw.get().get(token.range.clone()).and_then(json_scan::from_str_lenient)
                    else {
                        continue;
                    };
                    let (_, value) =
                        edits.entry(token.range.start).or_insert_with(|| (token.range.end, Value::String(original)));
                    write_string(value, segment.path.get(token.depth..).unwrap_or_default(), replacement);
                }
                (Source::Element(i), _) => {
                    let Some(slot) = elements.get_mut(i) else { continue };
                    if slot.is_none() {
                        if let Some(Element::Parsed(value)) = self.read.get(i) {
                            *slot = Some(value.clone());
                        }
                    }
                    if let Some(value) = slot {
                        write_string(value, &segment.path, replacement);
                    }
                }
                (Source::CloudCustomData, _) => {
                    let current = cloud.take().or_else(|| self.cloud_custom_data.map(str::to_owned));
                    if let Some(current) = current {
                        let mut root = Value::String(current);
                        write_string(&mut root, &segment.path, replacement);
                        if let Value::String(updated) = root {
                            cloud = Some(updated);
                        }
                    }
                }
            }
        }
        let changed = |i: usize| elements[i].is_some() || !token_edits[i].is_empty();
        let msg_body = (0..self.elements.len()).any(changed).then(|| {
            let parts: Vec<String> = self
                .elements
                .iter()
                .enumerate()
                .map(|(i, raw)| match &elements[i] {
                    Some(value) => value.to_string(),
                    None if !token_edits[i].is_empty() => splice(raw.get(), &token_edits[i]),
                    None => raw.get().to_owned(),
                })
                .collect();
            format!("[{}]", parts.join(","))
        });
        MaskedMessage { msg_body, cloud_custom_data: cloud }
    }
}

/// `json` with the string tokens at the given ranges replaced by the JSON of their new values.
fn splice(json: &str, edits: &BTreeMap<usize, (usize, Value)>) -> String {
    let mut out = String::with_capacity(json.len());
    let mut copied = 0;
    for (&start, (end, value)) in edits {
        out.push_str(json.get(copied..start).unwrap_or_default());
        out.push_str(&value.to_string());
        copied = *end;
    }
    out.push_str(json.get(copied..).unwrap_or_default());
    out
}

/// A JSON value, reading lone surrogate escapes as U+FFFD; `None` when too deep or not JSON.
fn parse_value(text: &str) -> Option<Value> {
    json_scan::from_str_lenient(text)
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

type Sink<'s> = dyn FnMut(Vec<Step>, String) + 's;

fn key(name: &str) -> Step {
    Step::Key(name.to_owned())
}

/// Visits the visible text of one element (protocol.md, "Message elements").
fn collect_element(element: &Value, path: &mut Vec<Step>, sink: &mut Sink<'_>) {
    let Some(kind) = element.get("MsgType").and_then(Value::as_str) else { return };
    let Some(content) = element.get("MsgContent") else { return };
    path.push(key("MsgContent"));
    let plain = |field: &str, path: &mut Vec<Step>, sink: &mut Sink<'_>| {
        if let Some(text) = content.get(field).and_then(Value::as_str) {
            let mut p = path.clone();
            p.push(key(field));
            sink(p, text.to_owned());
        }
    };
    match kind {
        "TIMTextElem" => plain("Text", path, sink),
        "TIMCustomElem" => {
            for field in ["Data", "Ext"] {
                if let Some(text) = content.get(field).and_then(Value::as_str) {
                    path.push(key(field));
                    collect_maybe_json(text, path, sink);
                    path.pop();
                }
            }
            plain("Desc", path, sink);
        }
        "TIMFaceElem" => plain("Data", path, sink),
        "TIMLocationElem" => plain("Desc", path, sink),
        "TIMFileElem" => plain("FileName", path, sink),
        "TIMRelayElem" => collect_relay(content, path, sink),
        // Image, sound and video elements carry URLs only; unknown types carry nothing we know.
        _ => {}
    }
    path.pop();
}

/// A merged-forward message: title, abstracts, compatible text, and nested message bodies.
fn collect_relay(content: &Value, path: &mut Vec<Step>, sink: &mut Sink<'_>) {
    for field in ["Title", "CompatibleText"] {
        if let Some(text) = content.get(field).and_then(Value::as_str) {
            let mut p = path.clone();
            p.push(key(field));
            sink(p, text.to_owned());
        }
    }
    if let Some(list) = content.get("AbstractList").and_then(Value::as_array) {
        for (i, item) in list.iter().enumerate() {
            if let Some(text) = item.as_str() {
                let mut p = path.clone();
                p.extend([key("AbstractList"), Step::Index(i)]);
                sink(p, text.to_owned());
            }
        }
    }
    let Some(messages) = content.get("MsgList").and_then(Value::as_array) else { return };
    for (i, message) in messages.iter().enumerate() {
        let Some(body) = message.get("MsgBody").and_then(Value::as_array) else { continue };
        for (j, element) in body.iter().enumerate() {
            path.extend([key("MsgList"), Step::Index(i), key("MsgBody"), Step::Index(j)]);
            collect_element(element, path, sink);
            path.truncate(path.len() - 4);
        }
    }
}

/// A string that often holds JSON (`TIMCustomElem.Data`, `CloudCustomData`): when it is a JSON
/// object or array, each string value inside is a segment (keys are not user text); otherwise the
/// whole string is one.
fn collect_maybe_json(text: &str, path: &mut Vec<Step>, sink: &mut Sink<'_>) {
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        if let Some(inner) = parse_value(text) {
            path.push(Step::Embedded);
            collect_strings(&inner, path, sink);
            path.pop();
            return;
        }
    }
    sink(path.clone(), text.to_owned());
}

fn collect_strings(value: &Value, path: &mut Vec<Step>, sink: &mut Sink<'_>) {
    match value {
        Value::String(s) => sink(path.clone(), s.clone()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                collect_strings(item, path, sink);
                path.pop();
            }
        }
        Value::Object(members) => {
            for (k, v) in members {
                path.push(Step::Key(k.clone()));
                collect_strings(v, path, sink);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Writes `replacement` at `path` inside `value`, decoding and re-encoding embedded JSON.
fn write_string(value: &mut Value, path: &[Step], replacement: String) {
    let mut here = value;
    for (n, step) in path.iter().enumerate() {
        here = match step {
            Step::Key(k) => match here.get_mut(k.as_str()) {
                Some(next) => next,
                None => return,
            },
            Step::Index(i) => match here.get_mut(*i) {
                Some(next) => next,
                None => return,
            },
            Step::Embedded => {
                let Value::String(encoded) = here else { return };
                let Some(mut inner) = parse_value(encoded) else { return };
                write_string(&mut inner, &path[n + 1..], replacement);
                *encoded = inner.to_string();
                return;
            }
        };
    }
    if let Value::String(s) = here {
        *s = replacement;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(json: &str) -> Vec<Box<RawValue>> {
        serde_json::from_str(json).unwrap()
    }

    fn texts(m: &MessageText<'_>) -> Vec<(String, String)> {
        m.segments.iter().map(|s| (s.to_string(), s.text.clone())).collect()
    }

    #[test]
    fn every_documented_element_type() {
        let body = raw(r#"[
            {"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}},
            {"MsgType":"TIMCustomElem","MsgContent":{"Data":"plain data","Desc":"desc","Ext":"ext"}},
            {"MsgType":"TIMFaceElem","MsgContent":{"Index":1,"Data":"face"}},
            {"MsgType":"TIMLocationElem","MsgContent":{"Desc":"where","Latitude":1.5,"Longitude":2.5}},
            {"MsgType":"TIMFileElem","MsgContent":{"Url":"https://x/f","FileName":"file.txt"}},
            {"MsgType":"TIMImageElem","MsgContent":{"UUID":"u","ImageInfoArray":[{"URL":"https://x/i"}]}},
            {"MsgType":"TIMSoundElem","MsgContent":{"Url":"https://x/s"}},
            {"MsgType":"TIMVideoFileElem","MsgContent":{"VideoUrl":"https://x/v"}},
            {"MsgType":"TIMFutureElem","MsgContent":{"Text":"unknown types are not read"}}
        ]"#);
        let m = MessageText::collect(&body, Some("cloud"));
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
    fn json_inside_custom_data_and_cloud_custom_data() {
        let body = raw(
            r#"[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{\"businessID\":\"text\",\"text\":\"inner words\",\"n\":3}"}}]"#,
        );
        let cloud = r#"{"messageReply":{"messageAbstract":"quoted text","messageSender":"bob","version":1}}"#;
        let m = MessageText::collect(&body, Some(cloud));
        let t = texts(&m);
        assert!(t.contains(&("MsgBody[0].MsgContent.Data#text".into(), "inner words".into())), "{t:?}");
        assert!(t.contains(&("CloudCustomData#messageReply.messageAbstract".into(), "quoted text".into())), "{t:?}");
        assert!(!t.iter().any(|(_, text)| text == "businessID" || text == "messageReply"), "keys are not text");
    }

    #[test]
    fn relay_messages_nest() {
        let body = raw(r#"[{"MsgType":"TIMRelayElem","MsgContent":{
            "Title":"Chat history","AbstractList":["a: first","b: second"],"CompatibleText":"upgrade",
            "MsgList":[{"From_Account":"a","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"nested"}},
                {"MsgType":"TIMRelayElem","MsgContent":{"Title":"deeper","MsgList":[{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"deepest"}}]}]}}]}]}}]"#);
        let m = MessageText::collect(&body, None);
        let t: Vec<String> = m.segments.iter().map(|s| s.text.clone()).collect();
        assert_eq!(t, ["Chat history", "upgrade", "a: first", "b: second", "nested", "deeper", "deepest"]);
        assert_eq!(
            m.segments[6].to_string(),
            "MsgBody[0].MsgContent.MsgList[0].MsgBody[1].MsgContent.MsgList[0].MsgBody[0].MsgContent.Text"
        );
    }

    #[test]
    fn masking_rewrites_only_what_matched() {
        let body = raw(
            r#"[{"MsgType":"TIMTextElem","MsgContent":{"Text":"oh damn it"}},  {"MsgType" : "TIMTextElem","MsgContent":{"Text":"clean"}}]"#,
        );
        let m = MessageText::collect(&body, Some("untouched"));
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
    fn masking_inside_embedded_json() {
        let body = raw(r#"[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{\"text\":\"damn\"}","Desc":"d"}}]"#);
        let cloud = r#"{"messageReply":{"messageAbstract":"damn again"}}"#;
        let m = MessageText::collect(&body, Some(cloud));
        let data = m.segments.iter().position(|s| s.text == "damn").unwrap();
        let quote = m.segments.iter().position(|s| s.text == "damn again").unwrap();
        let out = m.masked(
            &[SegmentMask { segment: data, spans: vec![(0, 4)] }, SegmentMask { segment: quote, spans: vec![(0, 4)] }],
            '#',
        );
        assert_eq!(
            out.msg_body.as_deref(),
            Some(r#####"[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{\"text\":\"####\"}","Desc":"d"}}]"#####)
        );
        assert_eq!(
            out.cloud_custom_data.as_deref(),
            Some(r#####"{"messageReply":{"messageAbstract":"#### again"}}"#####)
        );
    }
}
