//! `import`: word lists as operators find them, merged into a rule document.
//!
//! Three formats, told apart by the file's name and first character:
//! - a JSON array of strings (the `naughty-words` package's format; comments and a byte order
//!   mark allowed, as everywhere the tool reads JSON): a `.json` name, or a text that starts
//!   with `[`;
//! - CSV with a header naming its columns (`term` required; `action`, `code`, `info` optional, in
//!   any order), read with the `csv` crate (quoted fields, commas inside quotes): a `.csv` name;
//! - otherwise one term per line: blank lines and lines starting with `#` skipped, a byte order
//!   mark and CRLF line ends accepted, spaces around a term trimmed (inside it they stay: `red
//!   packet` is a phrase).
//!
//! Merging ([`merge`]) adds each term to the list of its action (the row's, else `--action`) in
//! the document as it is in KV (or an empty one), leaves out terms the document already has in
//! any list (compared as the matcher reads them, `normalized_view`) and repeats within the file,
//! and writes the document back as formatted JSON. The caller then shows the diff and pushes as
//! `push` does, so everything `validate` checks is checked.

use std::collections::HashSet;

use serde_json::{Map, Value};
use timgate_engine::jsonc;
use timgate_engine::normalized_view::normalized_view;
use timgate_engine::rule_document::Action;

/// One term read from an import file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedTerm {
    /// The term.
    pub term: String,
    /// Its action, when the file gives one (a CSV `action` column).
    pub action: Option<Action>,
    /// Its custom code, when the file gives one.
    pub code: Option<u32>,
    /// Its `ErrorInfo`, when the file gives one.
    pub info: Option<String>,
}

/// The format a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// One term per line.
    Lines,
    /// CSV with a header.
    Csv,
    /// A JSON array of strings.
    JsonArray,
}

impl ImportFormat {
    /// How `import` names it.
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Lines => "one term per line",
            ImportFormat::Csv => "CSV",
            ImportFormat::JsonArray => "a JSON array",
        }
    }
}

/// Why a file could not be imported; `line` counts from 1 (for a JSON array, the item's index).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The JSON is not an array of strings.
    #[error("{0}")]
    Json(String),
    /// A CSV problem.
    #[error("CSV: {0}")]
    Csv(String),
    /// A CSV row names an action that is not one.
    #[error("line {line}: action must be block, discard, mask or review, not {found:?}")]
    BadAction {
        /// The row's line.
        line: u64,
        /// What it says.
        found: String,
    },
    /// A CSV row's code is not a number.
    #[error("line {line}: code must be a whole number, not {found:?}")]
    BadCode {
        /// The row's line.
        line: u64,
        /// What it says.
        found: String,
    },
    /// The stored document is not a JSON object.
    #[error("the document in KV is not a JSON object; fix it with `pull` and `push` first")]
    NotADocument,
}

/// Reads the terms of `text`, a file named `name`.
pub fn read_terms(name: &str, text: &str) -> Result<(ImportFormat, Vec<ImportedTerm>), ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lower = name.to_ascii_lowercase();
    if text.trim_start().starts_with('[') || lower.ends_with(".json") || lower.ends_with(".jsonc") {
        return read_json(text).map(|terms| (ImportFormat::JsonArray, terms));
    }
    if lower.ends_with(".csv") {
        return read_csv(text).map(|terms| (ImportFormat::Csv, terms));
    }
    let terms = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|term| ImportedTerm { term: term.to_owned(), action: None, code: None, info: None })
        .collect();
    Ok((ImportFormat::Lines, terms))
}

fn read_json(text: &str) -> Result<Vec<ImportedTerm>, ImportError> {
    let value: Value = serde_json::from_str(&jsonc::to_json(text)).map_err(|e| ImportError::Json(e.to_string()))?;
    let Value::Array(items) = value else { return Err(ImportError::Json("not a JSON array".to_owned())) };
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| match item {
            Value::String(term) => {
                Ok(ImportedTerm { term: term.trim().to_owned(), action: None, code: None, info: None })
            }
            other => Err(ImportError::Json(format!("item {index} is not a string but {other}"))),
        })
        .filter(|t| t.as_ref().map_or(true, |t| !t.term.is_empty()))
        .collect()
}

fn read_csv(text: &str) -> Result<Vec<ImportedTerm>, ImportError> {
    let mut reader =
        csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).comment(Some(b'#')).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| ImportError::Csv(e.to_string()))?.clone();
    let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(term_at) = column("term") else {
        return Err(ImportError::Csv(format!(
            "the header names no `term` column: {:?}",
            headers.iter().collect::<Vec<_>>()
        )));
    };
    let (action_at, code_at, info_at) = (column("action"), column("code"), column("info"));
    let mut terms = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv(e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let field = |at: Option<usize>| at.and_then(|i| record.get(i)).filter(|f| !f.is_empty());
        let Some(term) = field(Some(term_at)) else { continue };
        let action = match field(action_at) {
            None => None,
            Some(a) => Some(
                Action::LISTS
                    .iter()
                    .find(|(_, name)| name.eq_ignore_ascii_case(a))
                    .map(|(action, _)| *action)
                    .ok_or_else(|| ImportError::BadAction { line, found: a.to_owned() })?,
            ),
        };
        let code = match field(code_at) {
            None => None,
            Some(c) => Some(c.parse().map_err(|_| ImportError::BadCode { line, found: c.to_owned() })?),
        };
        terms.push(ImportedTerm { term: term.to_owned(), action, code, info: field(info_at).map(str::to_owned) });
    }
    Ok(terms)
}

/// What `--action`, `--code` and `--info` give the terms whose file says nothing.
#[derive(Debug, Clone)]
pub struct Defaults {
    /// The action.
    pub action: Action,
    /// A custom code.
    pub code: Option<u32>,
    /// A custom `ErrorInfo`.
    pub info: Option<String>,
}

/// A document with imported terms added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The new document, formatted JSON.
    pub text: String,
    /// Terms added.
    pub added: usize,
    /// Terms the document already had (as the matcher reads them), or that the file repeats.
    pub already: usize,
    /// Whether the stored document had comments, which the new text does not keep.
    pub comments_dropped: bool,
}

/// `terms` added to the document `current` (the text in KV; `None`: an empty document).
pub fn merge(current: Option<&str>, terms: &[ImportedTerm], defaults: &Defaults) -> Result<Merged, ImportError> {
    let (mut doc, comments_dropped) = match current {
        None => (Map::new(), false),
        Some(text) => {
            // `to_json` blanks comments (and a byte order mark) in place: any other difference
            // is a comment.
            let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
            let json = jsonc::to_json(text);
            let comments = json.as_ref() != text;
            match serde_json::from_str(&json) {
                Ok(Value::Object(map)) => (map, comments),
                _ => return Err(ImportError::NotADocument),
            }
        }
    };
    let mut seen: HashSet<String> = HashSet::new();
    for (_, list) in Action::LISTS {
        if let Some(Value::Array(items)) = doc.get(list) {
            for item in items {
                let term = match item {
                    Value::String(t) => Some(t.as_str()),
                    Value::Object(fields) => fields.get("term").and_then(Value::as_str),
                    _ => None,
                };
                seen.extend(term.map(normalized_view));
            }
        }
    }
    let (mut added, mut already) = (0, 0);
    for t in terms {
        if !seen.insert(normalized_view(&t.term)) {
            already += 1;
            continue;
        }
        let action = t.action.unwrap_or(defaults.action);
        let (code, info) = (t.code.or(defaults.code), t.info.clone().or_else(|| defaults.info.clone()));
        let entry = if code.is_none() && info.is_none() {
            Value::String(t.term.clone())
        } else {
            let mut fields = Map::new();
            fields.insert("term".to_owned(), Value::String(t.term.clone()));
            if let Some(code) = code {
                fields.insert("code".to_owned(), Value::from(code));
            }
            if let Some(info) = info {
                fields.insert("info".to_owned(), Value::String(info));
            }
            Value::Object(fields)
        };
        let list = Action::LISTS.iter().find(|(a, _)| *a == action).map_or("block", |(_, name)| name);
        match doc.entry(list).or_insert_with(|| Value::Array(Vec::new())) {
            Value::Array(items) => items.push(entry),
            other => *other = Value::Array(vec![entry]),
        }
        added += 1;
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default();
    text.push('\n');
    Ok(Merged { text, added, already, comments_dropped })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(name: &str, text: &str) -> (ImportFormat, Vec<String>) {
        let (format, terms) = read_terms(name, text).expect("reads");
        (format, terms.into_iter().map(|t| t.term).collect())
    }

    #[test]
    fn one_term_per_line_with_comments_blank_lines_a_bom_and_crlf() {
        let text = "\u{FEFF}# spam words\r\n\r\nbuy followers\r\n  cheap likes  \r\n# done\r\n傻逼\r\n";
        assert_eq!(
            terms("list.txt", text),
            (ImportFormat::Lines, vec!["buy followers".into(), "cheap likes".into(), "傻逼".into()])
        );
    }

    #[test]
    fn csv_with_a_header_in_any_order_and_quoted_fields() {
        let text = "info,term,code,action\n\"No spam, please\",buy followers,10101,block\n,free crypto,,discard\n# a comment\n,\"a, b\",,\n";
        let (format, read) = read_terms("list.csv", text).expect("reads");
        assert_eq!(format, ImportFormat::Csv);
        assert_eq!(
            read,
            vec![
                ImportedTerm {
                    term: "buy followers".into(),
                    action: Some(Action::Block),
                    code: Some(10101),
                    info: Some("No spam, please".into())
                },
                ImportedTerm { term: "free crypto".into(), action: Some(Action::Discard), code: None, info: None },
                ImportedTerm { term: "a, b".into(), action: None, code: None, info: None },
            ]
        );
        assert!(matches!(read_terms("x.csv", "term,action\nx,ban\n"), Err(ImportError::BadAction { line: 2, .. })));
        assert!(matches!(read_terms("x.csv", "term,code\nx,ten\n"), Err(ImportError::BadCode { line: 2, .. })));
        assert!(matches!(read_terms("x.csv", "word\nx\n"), Err(ImportError::Csv(_))));
    }

    #[test]
    fn json_arrays_as_the_naughty_words_package_has_them() {
        assert_eq!(
            terms("en.json", "\u{FEFF}[\"a b\", \"c\" /* note */]"),
            (ImportFormat::JsonArray, vec!["a b".into(), "c".into()])
        );
        assert!(matches!(read_terms("x.json", "[1]"), Err(ImportError::Json(_))));
        // The package itself, when `npm install` put it there: every word is read.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../node_modules/naughty-words/en.json");
        if let Ok(text) = std::fs::read_to_string(path) {
            let expected: Vec<String> = serde_json::from_str(&text).expect("the package's JSON");
            let expected: Vec<String> =
                expected.into_iter().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
            assert_eq!(terms("en.json", &text).1, expected);
        }
    }

    #[test]
    fn merging_adds_to_each_actions_list_and_leaves_out_what_is_there() {
        let defaults = Defaults { action: Action::Block, code: None, info: None };
        let current = "// ours\n{\"block\": [\"buy followers\"], \"mode\": \"monitor\"}";
        let read = vec![
            ImportedTerm { term: "BUY  followers".into(), action: None, code: None, info: None },
            ImportedTerm { term: "free crypto".into(), action: Some(Action::Discard), code: None, info: None },
            ImportedTerm { term: "cheap likes".into(), action: None, code: Some(10101), info: Some("No".into()) },
            ImportedTerm { term: "free crypto".into(), action: None, code: None, info: None },
        ];
        let merged = merge(Some(current), &read, &defaults).expect("merges");
        assert_eq!((merged.added, merged.already, merged.comments_dropped), (2, 2, true));
        let doc: Value = serde_json::from_str(&merged.text).expect("JSON");
        assert_eq!(
            doc,
            serde_json::json!({
                "block": ["buy followers", {"term": "cheap likes", "code": 10101, "info": "No"}],
                "mode": "monitor",
                "discard": ["free crypto"],
            })
        );
        let fresh = merge(None, &read[1..2], &defaults).expect("merges");
        assert_eq!((fresh.added, fresh.comments_dropped), (1, false));
        assert!(matches!(merge(Some("[1]"), &read, &defaults), Err(ImportError::NotADocument)));
    }
}
