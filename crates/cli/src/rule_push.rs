//! `push`, `pull` and `diff`: rule documents between files and KV.
//!
//! A push writes the file's bytes unchanged, so the version `explain` and `push` print is the
//! version the worker logs (it is derived from the bytes).

use std::fmt;

use crate::document_check::{check, CheckContext, Problem};
use crate::errors::ToolError;
use crate::kv_store::{KvStore, PutOptions};
use crate::push_compile;
use crate::rule_diff::{diff, Change};
use timgate_engine::kv_keys;
use timgate_engine::rule_document::{Mode, RuleDocument};
use timgate_engine::rule_set::{document_version, RuleSet};

/// The KV key of the global document, or of one group's.
pub fn rules_key(group: Option<&str>) -> String {
    group.map_or_else(|| kv_keys::GLOBAL_RULES.to_owned(), kv_keys::group_rules)
}

/// What a push did.
#[derive(Debug)]
pub enum PushOutcome {
    /// The document has problems; nothing was written.
    Refused(Vec<Problem>),
    /// KV already holds these exact bytes; the document was not written. Its blob was, when it
    /// needs one: this tool may compile the document differently from the one that pushed it (a
    /// document pushed before a change to what the English words decide had no blob).
    Unchanged {
        /// The key.
        key: String,
        /// The document's version.
        version: String,
        /// The size of the blob written again, if any.
        blob_bytes: Option<usize>,
        /// As for [`PushOutcome::Written`].
        hidden_han_past_budget: usize,
    },
    /// Written.
    Written {
        /// The key.
        key: String,
        /// The new version.
        version: String,
        /// The version it replaced, if there was a document.
        previous: Option<String>,
        /// How many terms the worker compiles.
        terms: usize,
        /// Enforce or monitor.
        mode: Mode,
        /// What changed (empty for a first push or when only formatting changed).
        changes: Vec<Change>,
        /// Size of the precompiled blob written beside it (large documents, and documents with
        /// CJK terms).
        blob_bytes: Option<usize>,
        /// What `validate` warns about (nothing that stops a push).
        warnings: Vec<Problem>,
        /// CJK terms of three characters or more past the first
        /// [`timgate_matcher::matcher::MAX_HIDDEN_HAN_TERMS`], whose inner characters are not
        /// looked for behind asterisks (`操*妈`).
        hidden_han_past_budget: usize,
    },
}

/// Checks `text` strictly, compiles it as the worker will, and writes it at the key for `group`.
/// A group document is checked against the global document in KV (its terms count for the
/// allow-entry check).
pub fn push(kv: &dyn KvStore, group: Option<&str>, text: &str) -> Result<PushOutcome, ToolError> {
    let key = rules_key(group);
    // One read for both: wrangler takes a second or more per call.
    let mut keys = vec![key.clone()];
    if group.is_some() {
        keys.push(kv_keys::GLOBAL_RULES.to_owned());
    }
    let mut values = kv.get_many(&keys)?.into_iter();
    let current = values.next().flatten();
    let global = values.next().flatten().and_then(|t| RuleSet::from_json(&t).ok());
    let words = crate::english_words::words();
    let (warnings, problems): (Vec<Problem>, Vec<Problem>) =
        check(text, &CheckContext { global: global.as_ref(), normalize: None, words: words.as_deref() })
            .into_iter()
            .partition(|p| p.kind.is_warning());
    if !problems.is_empty() {
        return Ok(PushOutcome::Refused(problems));
    }
    let compiled = match push_compile::compile(text) {
        Ok(set) => set,
        // `check` already runs the worker's parser; this only guards against the two drifting.
        Err(e) => return Err(ToolError::Usage(format!("the worker would refuse this document: {e}"))),
    };
    let version = compiled.version().to_owned();
    let hidden_han_past_budget = compiled.matcher().terms_over_hidden_han_budget();
    if current.as_deref() == Some(text) {
        let blob_bytes = if push_compile::needs_blob(&compiled) {
            let blob = compiled.to_blob();
            kv.put_bytes(&kv_keys::compiled(&key), &blob)?;
            Some(blob.len())
        } else {
            None
        };
        return Ok(PushOutcome::Unchanged { key, version, blob_bytes, hidden_han_past_budget });
    }
    let changes = match current.as_deref().map(RuleDocument::parse) {
        Some(Ok(old)) => RuleDocument::parse(text).map(|new| diff(&old, &new)).unwrap_or_default(),
        _ => Vec::new(),
    };
    // The blob goes first: the worker uses it only once the document with the same bytes is
    // there, so in between it compiles the old document, never a mismatched pair.
    // Small documents go without one, unless the tool's dictionaries changed how they compile
    // (CJK terms, readings that are ordinary words): those live only in the blob.
    let blob_bytes = if push_compile::needs_blob(&compiled) {
        let blob = compiled.to_blob();
        kv.put_bytes(&kv_keys::compiled(&key), &blob)?;
        Some(blob.len())
    } else {
        // A blob left from an earlier version would be read (and refused) on every refresh.
        let had_blob = current.as_deref().is_some_and(push_compile::may_have_had_blob);
        if had_blob {
            kv.delete(&kv_keys::compiled(&key))?;
        }
        None
    };
    kv.put(&key, text, &PutOptions::default())?;
    Ok(PushOutcome::Written {
        key,
        version,
        previous: current.as_deref().map(document_version),
        terms: compiled.len(),
        mode: compiled.mode(),
        changes,
        blob_bytes,
        warnings,
        hidden_han_past_budget,
    })
}

/// The document at the key for `group`, exactly as stored.
pub fn pull(kv: &dyn KvStore, group: Option<&str>) -> Result<String, ToolError> {
    let key = rules_key(group);
    kv.get(&key)?.ok_or(ToolError::NotFound(key))
}

/// One rule document in KV, as `ls` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    /// Its key: `rules`, `rules:group:<ID>`.
    pub key: String,
    /// Its version (what the worker logs).
    pub version: String,
    /// Its size in bytes.
    pub bytes: usize,
    /// What is in it, or why the worker cannot use it.
    pub contents: Result<DocumentCounts, String>,
    /// Whether a precompiled blob is stored beside it.
    pub has_blob: bool,
}

/// The counts of a rule document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentCounts {
    /// Terms in each list, in `Action::LISTS` order (block, discard, mask, review).
    pub terms: [usize; 4],
    /// Allowed words.
    pub allow: usize,
    /// Patterns.
    pub patterns: usize,
    /// Whether it has a links check, a contacts check.
    pub links: bool,
    /// Whether it has a contacts check.
    pub contacts: bool,
    /// Enforce or monitor.
    pub mode: Mode,
}

/// Every rule document in KV (the global one first, then groups in key order).
pub fn list_documents(kv: &dyn KvStore) -> Result<Vec<StoredDocument>, ToolError> {
    let names: Vec<String> = kv.list(kv_keys::GLOBAL_RULES)?.into_iter().map(|k| k.name).collect();
    let documents: Vec<String> = names
        .iter()
        .filter(|k| *k == kv_keys::GLOBAL_RULES || k.starts_with("rules:group:") && !k.ends_with(":compiled"))
        .cloned()
        .collect();
    let texts = kv.get_many(&documents)?;
    Ok(documents
        .into_iter()
        .zip(texts)
        .filter_map(|(key, text)| {
            let text = text?;
            let contents = RuleDocument::parse(&text).map_err(|e| e.to_string()).map(|doc| DocumentCounts {
                terms: timgate_engine::rule_document::Action::LISTS.map(|(action, _)| doc.terms(action).len()),
                allow: doc.allow.len(),
                patterns: doc.patterns.len(),
                links: doc.links.is_some(),
                contacts: doc.contacts.is_some(),
                mode: doc.mode.unwrap_or_default(),
            });
            let has_blob = names.contains(&kv_keys::compiled(&key));
            Some(StoredDocument { version: document_version(&text), bytes: text.len(), contents, has_blob, key })
        })
        .collect())
}

/// Deletes the document for `group` (the global one when `None`) and its blob.
pub fn remove(kv: &dyn KvStore, group: Option<&str>) -> Result<bool, ToolError> {
    let key = rules_key(group);
    let existed = kv.get(&key)?.is_some();
    kv.delete(&key)?;
    kv.delete(&kv_keys::compiled(&key))?;
    Ok(existed)
}

/// How the document in KV differs from a file.
#[derive(Debug)]
pub struct DiffReport {
    /// The key.
    pub key: String,
    /// Version of what KV holds, if anything.
    pub kv_version: Option<String>,
    /// Why the worker cannot use what KV holds, if it cannot.
    pub kv_problem: Option<String>,
    /// Version of the file.
    pub file_version: String,
    /// Term-by-term changes from KV to the file.
    pub changes: Vec<Change>,
}

impl DiffReport {
    /// Whether pushing the file would change anything the worker does.
    pub fn differs(&self) -> bool {
        self.kv_version.is_none() || self.kv_problem.is_some() || !self.changes.is_empty()
    }
}

/// Compares the document at the key for `group` with `text`.
pub fn diff_with_kv(kv: &dyn KvStore, group: Option<&str>, text: &str) -> Result<DiffReport, ToolError> {
    let key = rules_key(group);
    let file_version = document_version(text);
    let new = RuleDocument::parse(text)
        .map_err(|e| ToolError::Usage(format!("the file is not a usable rule document: {e}")))?;
    let current = kv.get(&key)?;
    let (kv_problem, changes) = match current.as_deref().map(RuleDocument::parse) {
        None => (None, Vec::new()),
        Some(Ok(old)) => (None, diff(&old, &new)),
        Some(Err(e)) => (Some(e.to_string()), Vec::new()),
    };
    Ok(DiffReport { key, kv_version: current.as_deref().map(document_version), kv_problem, file_version, changes })
}

impl fmt::Display for DiffReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(kv_version) = &self.kv_version else {
            return writeln!(
                f,
                "{}: KV has no document; pushing would create it (version {})",
                self.key, self.file_version
            );
        };
        writeln!(f, "{}: KV version {kv_version} → file version {}", self.key, self.file_version)?;
        if let Some(problem) = &self.kv_problem {
            writeln!(
                f,
                "  the document in KV is refused by the worker ({problem}); it uses its last good version, if any"
            )?;
        }
        if self.changes.is_empty() && self.kv_problem.is_none() {
            let same =
                if *kv_version == self.file_version { "identical" } else { "the same rules (formatting differs)" };
            writeln!(f, "  {same}")?;
        }
        for change in &self.changes {
            writeln!(f, "  {change}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kv_store::MemoryKv;

    #[test]
    fn documents_are_listed_with_their_counts_and_removed_with_their_blob() {
        let kv = MemoryKv::default();
        let global = r#"{"block":["a","b"],"mask":["c"],"patterns":[{"pattern":"x+y","action":"review"}]}"#;
        push(&kv, None, global).unwrap();
        push(&kv, Some("@TGS#1"), r#"{"review":["d"],"mode":"monitor","links":{"action":"block"}}"#).unwrap();
        kv.put("rules:group:@TGS#bad", "{", &PutOptions::default()).unwrap();
        kv.put("ban:x", "{}", &PutOptions::default()).unwrap();
        let listed = list_documents(&kv).unwrap();
        let keys: Vec<&str> = listed.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(keys, ["rules", "rules:group:@TGS#1", "rules:group:@TGS#bad"]);
        let counts = listed[0].contents.as_ref().unwrap();
        assert_eq!((counts.terms, counts.patterns, counts.mode), ([2, 0, 1, 0], 1, Mode::Enforce));
        assert!(listed[0].has_blob, "a document with patterns is pushed with its blob");
        assert_eq!((listed[0].bytes, listed[0].version.clone()), (global.len(), document_version(global)));
        let group = listed[1].contents.as_ref().unwrap();
        assert_eq!(
            (group.terms, group.links, group.mode, listed[1].has_blob),
            ([0, 0, 0, 1], true, Mode::Monitor, false)
        );
        assert!(listed[2].contents.is_err());

        assert!(remove(&kv, None).unwrap());
        assert_eq!((kv.get("rules").unwrap(), kv.bytes("rules:compiled")), (None, None));
        assert!(!remove(&kv, None).unwrap(), "nothing left to remove");
        assert_eq!(list_documents(&kv).unwrap().len(), 2);
    }

    #[test]
    fn push_checks_writes_and_reports_changes() {
        let kv = MemoryKv::default();
        let PushOutcome::Refused(problems) = push(&kv, None, r#"{"blocks":["x"]}"#).unwrap() else { panic!() };
        assert_eq!(problems.len(), 1);
        assert_eq!(kv.get("rules").unwrap(), None, "nothing written");

        let first = r#"{"block":["spoiler"],"mode":"monitor"}"#;
        let PushOutcome::Written { key, previous, terms, mode, changes, .. } =
            push(&kv, Some("@TGS#1"), first).unwrap()
        else {
            panic!()
        };
        assert_eq!(
            (key.as_str(), previous, terms, mode, changes.len()),
            ("rules:group:@TGS#1", None, 1, Mode::Monitor, 0)
        );
        assert_eq!(kv.get("rules:group:@TGS#1").unwrap().as_deref(), Some(first), "the bytes, unchanged");
        kv.delete("rules:group:@TGS#1:compiled").unwrap();
        assert!(matches!(
            push(&kv, Some("@TGS#1"), first).unwrap(),
            PushOutcome::Unchanged { blob_bytes: Some(_), .. }
        ));
        assert!(kv.bytes("rules:group:@TGS#1:compiled").is_some(), "an unchanged document's missing blob is written");

        let second = r#"{"block":["spoiler"]}"#;
        let PushOutcome::Written { changes, previous, .. } = push(&kv, Some("@TGS#1"), second).unwrap() else {
            panic!()
        };
        assert_eq!(previous, Some(document_version(first)));
        assert_eq!(changes.iter().map(ToString::to_string).collect::<Vec<_>>(), ["~ mode: monitor → enforce"]);
    }

    #[test]
    fn large_documents_carry_their_precompiled_blob() {
        let kv = MemoryKv::default();
        let terms: Vec<String> = (0..push_compile::PRECOMPILE_FROM_TERMS).map(|i| format!("\"term{i}x\"")).collect();
        let large = format!("{{\"block\":[{}]}}", terms.join(","));
        let outcome = push(&kv, None, &large).unwrap();
        let PushOutcome::Written { blob_bytes: Some(size), version, .. } = outcome else {
            panic!("a large document is written with its blob: {outcome:?}")
        };
        let blob = kv.bytes("rules:compiled").expect("blob stored");
        assert_eq!(blob.len(), size);
        let loaded = RuleSet::from_blob(&blob, &version).expect("the worker can load it for this version");
        assert_eq!(loaded.len(), push_compile::PRECOMPILE_FROM_TERMS);

        let PushOutcome::Written { blob_bytes: None, .. } = push(&kv, None, r#"{"block":["x"]}"#).unwrap() else {
            panic!("a small document is written without a blob")
        };
        assert_eq!(kv.bytes("rules:compiled"), None, "the stale blob is removed");
    }

    #[test]
    fn group_push_counts_global_terms_for_allow_entries() {
        let kv = MemoryKv::default();
        let group = r#"{"allow":["sextant"]}"#;
        assert!(matches!(push(&kv, Some("g"), group).unwrap(), PushOutcome::Refused(_)));
        kv.put("rules", r#"{"block":["sex*"]}"#, &PutOptions::default()).unwrap();
        assert!(matches!(push(&kv, Some("g"), group).unwrap(), PushOutcome::Written { .. }));
    }

    #[test]
    fn pull_and_diff() {
        let kv = MemoryKv::default();
        assert!(matches!(pull(&kv, None), Err(ToolError::NotFound(_))));
        let report = diff_with_kv(&kv, None, r#"{"mask":["x"]}"#).unwrap();
        assert!(report.differs());
        assert!(report.to_string().contains("KV has no document"));

        kv.put("rules", r#"{"mask":["x"]}"#, &PutOptions::default()).unwrap();
        assert_eq!(pull(&kv, None).unwrap(), r#"{"mask":["x"]}"#);
        let same = diff_with_kv(&kv, None, "{ \"mask\": [\"x\"] }").unwrap();
        assert!(!same.differs());
        assert!(same.to_string().contains("the same rules (formatting differs)"));
        let changed = diff_with_kv(&kv, None, r#"{"mask":["y"]}"#).unwrap();
        assert!(changed.to_string().contains("  - mask \"x\"\n  + mask \"y\"\n"), "{changed}");

        kv.put("rules", "{broken", &PutOptions::default()).unwrap();
        assert!(diff_with_kv(&kv, None, r#"{"mask":["y"]}"#).unwrap().to_string().contains("refused by the worker"));
    }
}
