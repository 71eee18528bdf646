//! Where each value of a JSON text is, by path, so that problems can be reported as
//! `file:line:column` as well as by path.
//!
//! serde_json parses the document (and reports syntax errors with their position); this scanner
//! then walks the same text once more only to record offsets. It also sees what `serde_json::Value`
//! hides: a key given twice in one object.

use std::collections::HashMap;
use std::fmt;

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    /// An object member.
    Key(String),
    /// An array item.
    Index(usize),
}

/// A path into a JSON document: `block[1].code`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct JsonPath(Vec<Step>);

impl JsonPath {
    /// The document itself.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path, one member further.
    pub fn key(&self, name: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Key(name.to_owned()));
        Self(steps)
    }

    /// This path, one item further.
    pub fn index(&self, index: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Self(steps)
    }

    /// The member name this path ends with, if it ends with one.
    pub fn last_key(&self) -> Option<&str> {
        match self.0.last() {
            Some(Step::Key(k)) => Some(k),
            _ => None,
        }
    }

    /// Whether this is the document itself.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(document)");
        }
        for (n, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(k) if n == 0 => f.write_str(k)?,
                Step::Key(k) => write!(f, ".{k}")?,
                Step::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// A position in a text, as editors count: lines and columns (characters) from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// The positions of every value (and every member's key) of a JSON text.
#[derive(Debug, Default)]
pub struct JsonLocations {
    values: HashMap<JsonPath, usize>,
    keys: HashMap<JsonPath, usize>,
    duplicates: Vec<JsonPath>,
    line_starts: Vec<usize>,
    text: String,
    /// Columns of line 1 an editor does not show: a byte order mark, blanked to three spaces
    /// by `crate::jsonc` before the text gets here.
    hidden_on_line_one: usize,
}

/// serde_json's own nesting limit; deeper input never reaches the scanner.
const MAX_DEPTH: usize = 128;

impl JsonLocations {
    /// Scans `text`. Best effort: on malformed input it keeps what it found before the fault.
    pub fn scan(text: &str) -> Self {
        let mut scanner = Scanner { text, bytes: text.as_bytes(), pos: 0, found: Self::default() };
        scanner.value(&JsonPath::root(), 0);
        let mut found = scanner.found;
        found.line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(offset, _)| offset + 1)).collect();
        found.text = text.to_owned();
        found
    }

    /// The same, for a text whose first `columns` columns (a blanked byte order mark) an editor
    /// does not show: positions on line 1 are counted without them.
    pub fn hiding_on_line_one(mut self, columns: usize) -> Self {
        self.hidden_on_line_one = columns;
        self
    }

    /// Where the value at `path` starts.
    pub fn value(&self, path: &JsonPath) -> Option<Position> {
        self.values.get(path).map(|&offset| self.position(offset))
    }

    /// Where the key of the member at `path` is (the value's position for array items).
    pub fn key(&self, path: &JsonPath) -> Option<Position> {
        self.keys.get(path).or_else(|| self.values.get(path)).map(|&offset| self.position(offset))
    }

    /// Members whose key already appeared in the same object, in text order (each path is the
    /// member; its key position is that of the repeated key).
    pub fn duplicate_keys(&self) -> &[JsonPath] {
        &self.duplicates
    }

    /// Line and column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let line = self.line_starts.partition_point(|&start| start <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let column = self.text.get(start..offset).map_or(1, |before| before.chars().count() + 1);
        let column = if line == 1 { column.saturating_sub(self.hidden_on_line_one).max(1) } else { column };
        Position { line, column }
    }

    /// Where byte `offset` of the string value at `path` (counted in the string as decoded) is
    /// in the text, escapes read as JSON reads them; the value's own position when `offset` is
    /// past its end or the value is not a string.
    pub fn position_in_string(&self, path: &JsonPath, offset: usize) -> Option<Position> {
        let start = *self.values.get(path)?;
        let bytes = self.text.as_bytes();
        if bytes.get(start) != Some(&b'"') {
            return Some(self.position(start));
        }
        let (mut at, mut decoded) = (start + 1, 0);
        while decoded < offset {
            match bytes.get(at) {
                None | Some(b'"') => return Some(self.position(start)),
                Some(b'\\') => {
                    let (width, length) = match bytes.get(at + 1) {
                        Some(b'u') => {
                            let unit = self.text.get(at + 2..at + 6).and_then(|h| u32::from_str_radix(h, 16).ok());
                            match unit {
                                // A surrogate pair is one character of four bytes.
                                Some(0xD800..=0xDBFF) => (12, 4),
                                Some(u) => (6, char::from_u32(u).map_or(3, char::len_utf8)),
                                None => (6, 1),
                            }
                        }
                        _ => (2, 1),
                    };
                    at += width;
                    decoded += length;
                }
                Some(_) => {
                    let width = self.text.get(at..).and_then(|rest| rest.chars().next()).map_or(1, char::len_utf8);
                    at += width;
                    decoded += width;
                }
            }
        }
        Some(self.position(at.min(self.text.len())))
    }

    /// Line and column of serde_json's 1-based (line, column-in-bytes) error position.
    pub fn position_of_error(&self, line: usize, byte_column: usize) -> Position {
        let start = self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        let offset = (start + byte_column.saturating_sub(1)).min(self.text.len());
        // serde_json counts bytes; step back to a character boundary before counting characters.
        let offset = (0..=offset).rev().find(|&o| self.text.is_char_boundary(o)).unwrap_or(0);
        self.position(offset)
    }
}

struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    found: JsonLocations,
}

impl Scanner<'_> {
    fn skip_whitespace(&mut self) {
        while self.bytes.get(self.pos).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let found = self.bytes.get(self.pos) == Some(&byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Records and skips one value. `None` when the text is malformed here.
    fn value(&mut self, path: &JsonPath, depth: usize) -> Option<()> {
        self.skip_whitespace();
        self.found.values.insert(path.clone(), self.pos);
        match *self.bytes.get(self.pos)? {
            b'{' if depth < MAX_DEPTH => self.object(path, depth),
            b'[' if depth < MAX_DEPTH => self.array(path, depth),
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => None,
            _ => {
                // A number or a literal: everything up to the next delimiter.
                while self.bytes.get(self.pos).is_some_and(|b| !b",]} \t\r\n".contains(b)) {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }

    fn object(&mut self, path: &JsonPath, depth: usize) -> Option<()> {
        self.pos += 1;
        if self.eat(b'}') {
            return Some(());
        }
        let mut seen: Vec<String> = Vec::new();
        loop {
            self.skip_whitespace();
            let key_at = self.pos;
            let key = self.string()?;
            let member = path.key(&key);
            if seen.contains(&key) {
                self.found.duplicates.push(member.clone());
            } else {
                seen.push(key);
            }
            // A repeated key is where the value that counts (the last one) is.
            self.found.keys.insert(member.clone(), key_at);
            if !self.eat(b':') {
                return None;
            }
            self.value(&member, depth + 1)?;
            if self.eat(b'}') {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn array(&mut self, path: &JsonPath, depth: usize) -> Option<()> {
        self.pos += 1;
        if self.eat(b']') {
            return Some(());
        }
        let mut index = 0;
        loop {
            self.value(&path.index(index), depth + 1)?;
            index += 1;
            if self.eat(b']') {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// Skips a string token and returns its decoded text.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        if self.bytes.get(self.pos) != Some(&b'"') {
            return None;
        }
        self.pos += 1;
        loop {
            match *self.bytes.get(self.pos)? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    break;
                }
                _ => self.pos += 1,
            }
        }
        serde_json::from_str(self.text.get(start..self.pos)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str =
        "{\n  \"block\": [\n    \"a\",\n    {\"term\": \"傻逼\", \"code\": 99}\n  ],\n  \"mode\": \"x\"\n}\n";

    #[test]
    fn paths_display_like_the_engine_locations() {
        let path = JsonPath::root().key("block").index(1).key("code");
        assert_eq!(path.to_string(), "block[1].code");
        assert_eq!(JsonPath::root().to_string(), "(document)");
    }

    #[test]
    fn values_and_keys_have_positions() {
        let found = JsonLocations::scan(DOC);
        let block = JsonPath::root().key("block");
        assert_eq!(found.key(&block), Some(Position { line: 2, column: 3 }));
        assert_eq!(found.value(&block), Some(Position { line: 2, column: 12 }));
        assert_eq!(found.value(&block.index(0)), Some(Position { line: 3, column: 5 }));
        // Columns count characters, not bytes: "傻逼" is two columns.
        assert_eq!(found.value(&block.index(1).key("code")), Some(Position { line: 4, column: 28 }));
        assert_eq!(found.key(&JsonPath::root().key("mode")), Some(Position { line: 6, column: 3 }));
    }

    #[test]
    fn repeated_keys_are_reported() {
        let found = JsonLocations::scan(r#"{"mask":["a"],"x":{"k":1,"k":2},"mask":[]}"#);
        let dups: Vec<String> = found.duplicate_keys().iter().map(ToString::to_string).collect();
        assert_eq!(dups, ["x.k", "mask"]);
        assert_eq!(found.key(&JsonPath::root().key("mask")), Some(Position { line: 1, column: 33 }));
    }

    #[test]
    fn escaped_keys_and_strings() {
        let found = JsonLocations::scan(r#"{"a\"b": "c\\", "\u0064": [1, true, null]}"#);
        assert!(found.value(&JsonPath::root().key("a\"b")).is_some());
        assert!(found.value(&JsonPath::root().key("d").index(2)).is_some());
    }

    #[test]
    fn malformed_text_does_not_panic() {
        for text in ["", "{", "{\"a\"", "{\"a\":", "[1,", "\"open", "{\"a\":1 \"b\":2}", "]"] {
            let _ = JsonLocations::scan(text);
        }
    }

    #[test]
    fn serde_error_positions_become_character_columns() {
        let found = JsonLocations::scan("{\"傻\": x}");
        // serde_json reports byte column 9 for the `x`; it is the 7th character.
        assert_eq!(found.position_of_error(1, 9), Position { line: 1, column: 7 });
    }
}
