//! KV through `wrangler kv`: local (the state `wrangler dev` and `npm start` use, or another
//! `--persist-to` directory) or remote (the namespace in `wrangler.toml`).
//!
//! Values always travel through files (`--path`, `bulk get`), never the command line, so that
//! any bytes of any length arrive unchanged, and so that a missing key is told apart from one
//! whose value happens to be wrangler's "Value not found".

use std::ffi::OsString;
use std::fs;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

use crate::errors::ToolError;
use crate::kv_store::{KvKey, KvStore, PutOptions};

/// The binding rule documents and bans live in (`wrangler.toml`).
pub const BINDING: &str = "RULES";

/// Which copy of the namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KvLocation {
    /// wrangler's local state: `.wrangler/state` (what `wrangler dev` reads), or `persist_to`.
    Local {
        /// Another state directory (tests use a temporary one).
        persist_to: Option<PathBuf>,
    },
    /// The deployed namespace.
    Remote,
}

/// `wrangler kv` for the `RULES` binding.
#[derive(Debug, Clone)]
pub struct WranglerKv {
    program: Vec<OsString>,
    location: KvLocation,
}

impl WranglerKv {
    /// `kv key put KEY --path FILE`: the value travels in a file, so its bytes (text or a
    /// binary blob) reach KV unchanged.
    fn put_contents(&self, key: &str, contents: &[u8], options: &PutOptions) -> Result<(), ToolError> {
        let file = TempFile::write("value", contents)?;
        let mut args: Vec<OsString> = vec![
            "kv".into(),
            "key".into(),
            "put".into(),
            key.into(),
            "--path".into(),
            file.path.clone().into_os_string(),
        ];
        if let Some(expiration) = options.expiration {
            args.extend(["--expiration".into(), expiration.to_string().into()]);
        }
        if let Some(metadata) = &options.metadata {
            args.extend(["--metadata".into(), metadata.to_string().into()]);
        }
        self.run(&args).map(drop)
    }

    /// `wrangler kv` through [`wrangler_program`].
    pub fn new(location: KvLocation) -> Self {
        Self { program: wrangler_program(), location }
    }

    fn run(&self, args: &[OsString]) -> Result<String, ToolError> {
        let mut all: Vec<OsString> = args.to_vec();
        all.extend(["--binding".into(), BINDING.into()]);
        match &self.location {
            KvLocation::Local { persist_to } => {
                all.push("--local".into());
                if let Some(dir) = persist_to {
                    all.extend(["--persist-to".into(), dir.clone().into_os_string()]);
                }
            }
            KvLocation::Remote => all.push("--remote".into()),
        }
        // The local store is an SQLite database that `wrangler dev` (`npm start`) and other
        // wrangler commands open too; one that finds it locked fails. Every command the tool
        // runs can be run again (puts and deletes of the same key and value, reads).
        let local = matches!(self.location, KvLocation::Local { .. });
        let mut waits = LOCAL_BUSY_WAITS.iter();
        loop {
            let result = run_wrangler(&self.program, &all);
            let busy = matches!(&result, Err(ToolError::Wrangler { output, .. }) if local && crate::errors::local_store_busy(output));
            match waits.next() {
                Some(&wait) if busy => std::thread::sleep(wait),
                _ => return result,
            }
        }
    }
}

/// How long to wait before each new try of a local command that found the store locked: five
/// tries in all, 1.75 s of waiting; the last one's result stands.
const LOCAL_BUSY_WAITS: [std::time::Duration; 4] = [
    std::time::Duration::from_millis(100),
    std::time::Duration::from_millis(250),
    std::time::Duration::from_millis(500),
    std::time::Duration::from_millis(900),
];

/// Runs wrangler (`program`, from [`wrangler_program`]) with `args`; its stdout, or the failure
/// with what it printed and what to do.
pub fn run_wrangler(program: &[OsString], all: &[OsString]) -> Result<String, ToolError> {
    let shown = all.iter().map(|a| a.to_string_lossy()).collect::<Vec<_>>().join(" ");
    let (program, leading) = program.split_first().ok_or_else(|| ToolError::Usage("no wrangler".into()))?;
    let output = Command::new(program)
        .args(leading)
        .args(all)
        // No telemetry prompt or upload from a tool run.
        .env("WRANGLER_SEND_METRICS", "false")
        .output()
        .map_err(|source| ToolError::Spawn { program: program.to_string_lossy().into_owned(), source })?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        let stderr = strip_ansi(&String::from_utf8_lossy(&output.stderr));
        let text = if stderr.trim().is_empty() { strip_ansi(&stdout) } else { stderr };
        return Err(ToolError::Wrangler {
            args: shown,
            status: output.status.to_string(),
            hint: crate::errors::wrangler_hint(&text),
            output: text.trim().to_owned(),
        });
    }
    Ok(stdout)
}

impl KvStore for WranglerKv {
    fn get(&self, key: &str) -> Result<Option<String>, ToolError> {
        Ok(self.get_many(&[key.to_owned()])?.into_iter().next().flatten())
    }

    fn get_many(&self, keys: &[String]) -> Result<Vec<Option<String>>, ToolError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let file = TempFile::write("keys.json", serde_json::to_string(keys).unwrap_or_default())?;
        let args: Vec<OsString> = vec!["kv".into(), "bulk".into(), "get".into(), file.path.clone().into_os_string()];
        let stdout = self.run(&args)?;
        let shown = || "kv bulk get".to_owned();
        let found = first_json(&stdout, '{').ok_or_else(|| ToolError::WranglerOutput {
            args: shown(),
            problem: "no JSON object in its output".into(),
        })?;
        keys.iter()
            .map(|key| match found.get(key).and_then(|entry| entry.get("value")) {
                Some(Value::String(text)) => Ok(Some(text.clone())),
                Some(Value::Null) | None => Ok(None),
                Some(other) => Ok(Some(other.to_string())),
            })
            .collect()
    }

    fn put(&self, key: &str, value: &str, options: &PutOptions) -> Result<(), ToolError> {
        self.put_contents(key, value.as_bytes(), options)
    }

    fn put_bytes(&self, key: &str, value: &[u8]) -> Result<(), ToolError> {
        self.put_contents(key, value, &PutOptions::default())
    }

    fn delete(&self, key: &str) -> Result<(), ToolError> {
        self.run(&["kv".into(), "key".into(), "delete".into(), key.into()]).map(drop)
    }

    fn list(&self, prefix: &str) -> Result<Vec<KvKey>, ToolError> {
        let stdout = self.run(&["kv".into(), "key".into(), "list".into(), "--prefix".into(), prefix.into()])?;
        let problem = |p: &str| ToolError::WranglerOutput { args: "kv key list".into(), problem: p.into() };
        let Some(Value::Array(items)) = first_json(&stdout, '[') else {
            return Err(problem("no JSON list in its output"));
        };
        let mut keys: Vec<KvKey> = items
            .iter()
            .filter_map(|item| {
                Some(KvKey {
                    name: item.get("name")?.as_str()?.to_owned(),
                    expiration: item.get("expiration").and_then(Value::as_i64),
                    metadata: item.get("metadata").cloned(),
                })
            })
            .collect();
        keys.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(keys)
    }

    fn describe(&self) -> String {
        match &self.location {
            KvLocation::Local { persist_to: None } => "local KV (.wrangler/state, as used by npm start)".to_owned(),
            KvLocation::Local { persist_to: Some(dir) } => format!("local KV ({})", dir.display()),
            KvLocation::Remote => "remote KV".to_owned(),
        }
    }
}

/// `node_modules/.bin/wrangler` in this directory or the nearest parent that has one.
/// How to run wrangler: `TIMGATE_WRANGLER`, else the project's `node_modules/.bin/wrangler`,
/// else `npx wrangler` (the program and its leading arguments).
pub fn wrangler_program() -> Vec<OsString> {
    match std::env::var_os("TIMGATE_WRANGLER") {
        Some(path) if !path.is_empty() => vec![path],
        _ => match local_wrangler() {
            Some(path) => vec![path.into_os_string()],
            None => vec!["npx".into(), "wrangler".into()],
        },
    }
}

fn local_wrangler() -> Option<PathBuf> {
    let name = if cfg!(windows) { "wrangler.cmd" } else { "wrangler" };
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors().map(|dir| dir.join("node_modules").join(".bin").join(name)).find(|p| p.is_file())
}

/// The first JSON value in wrangler's output that starts a line with `open` (wrangler prints
/// banners and a trailing "Success!" around it).
pub(crate) fn first_json(stdout: &str, open: char) -> Option<Value> {
    let start = stdout.lines().scan(0, |offset, line| {
        let here = *offset;
        *offset += line.len() + 1;
        Some((here, line))
    });
    let (offset, _) = start.into_iter().find(|(_, line)| line.starts_with(open))?;
    serde_json::Deserializer::from_str(stdout.get(offset..)?).into_iter::<Value>().next()?.ok()
}

pub(crate) fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI sequences end with a letter.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A file that exists until dropped.
struct TempFile {
    path: PathBuf,
}

impl TempFile {
    fn write(purpose: &str, contents: impl AsRef<[u8]>) -> Result<Self, ToolError> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("timgate-{}-{n}-{purpose}", std::process::id()));
        fs::write(&path, contents).map_err(|source| ToolError::Write { path: path.clone(), source })?;
        Ok(Self { path })
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_json_between_banners() {
        let out = "\n ⛅️ wrangler 4.86.0\n───\n{\n  \"k\": {\n    \"value\": \"v\"\n  }\n}\n\nSuccess!\n";
        assert_eq!(first_json(out, '{'), Some(serde_json::json!({"k": {"value": "v"}})));
        assert_eq!(first_json("[\n]\n", '['), Some(serde_json::json!([])));
        assert_eq!(first_json("Value not found", '{'), None);
    }

    #[test]
    fn strips_colours() {
        assert_eq!(strip_ansi("\u{1b}[33m▲ \u{1b}[43;33m[WARNING]\u{1b}[0m x"), "▲ [WARNING] x");
    }

    /// A stand-in for wrangler, run as the tool runs wrangler (a process): it counts its runs in
    /// `dir/count`, says the local store is locked for the first `locked` of them, then prints
    /// `value`.
    fn locked_then_fine(dir: &std::path::Path, locked: u32, location: KvLocation) -> WranglerKv {
        let count = dir.join("count");
        let script = format!(
            "n=$(cat '{c}' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '{c}'; \
             if [ $n -le {locked} ]; then echo 'failed: SENTRY_DO SQLite failed; NOSENTRY database is locked: SQLITE_BUSY' >&2; exit 1; fi; \
             printf value",
            c = count.display()
        );
        WranglerKv { program: vec!["sh".into(), "-c".into(), script.into(), "wrangler".into()], location }
    }

    #[test]
    #[cfg(unix)]
    fn a_local_store_found_locked_is_tried_again_a_few_times() {
        let runs =
            |dir: &std::path::Path| std::fs::read_to_string(dir.join("count")).unwrap_or_default().trim().to_owned();
        let local = || KvLocation::Local { persist_to: None };
        for (locked, location, expect_ok, expect_runs) in [
            (0, local(), true, "1"),
            (3, local(), true, "4"),
            (4, local(), true, "5"),
            (5, local(), false, "5"),
            (1, KvLocation::Remote, false, "1"),
        ] {
            let dir = std::env::temp_dir().join(format!("timgate-busy-{}-{locked}-{expect_runs}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            let kv = locked_then_fine(&dir, locked, location);
            let result = kv.run(&["kv".into(), "key".into(), "get".into(), "rules".into()]);
            assert_eq!(runs(&dir), expect_runs, "locked {locked} times");
            match result {
                Ok(out) => assert!(expect_ok && out == "value", "locked {locked} times: {out}"),
                Err(e) => {
                    assert!(!expect_ok, "locked {locked} times: {e}");
                    assert!(e.to_string().contains("SQLITE_BUSY"), "{e}");
                }
            }
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}
