//! The rules tool's one error type. Every variant says what to do next where there is something
//! to do.

use std::path::PathBuf;

/// Something the rules tool could not do.
#[derive(Debug, thiserror::Error)]
pub enum ToolError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A temporary file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// wrangler could not be started.
    #[error("cannot run `{program}`: {source} (run `npm install`, or set TIMGATE_WRANGLER to wrangler's path)")]
    Spawn {
        /// What was run.
        program: String,
        /// Why.
        source: std::io::Error,
    },
    /// wrangler ran and failed.
    #[error("`wrangler {args}` failed ({status}):\n{output}{}", .hint.as_deref().map(|h| format!("\nwhat to do: {h}")).unwrap_or_default())]
    Wrangler {
        /// Its arguments.
        args: String,
        /// Its exit status.
        status: String,
        /// What it printed on stderr (or stdout).
        output: String,
        /// What to do about it, when the output says ([`wrangler_hint`]).
        hint: Option<&'static str>,
    },
    /// wrangler answered something the tool does not understand.
    #[error("unexpected output from `wrangler {args}`: {problem}")]
    WranglerOutput {
        /// Its arguments.
        args: String,
        /// What was wrong.
        problem: String,
    },
    /// The document has problems; they have been printed.
    #[error("{count} problem(s) in {file}")]
    Invalid {
        /// The file.
        file: String,
        /// How many problems.
        count: usize,
    },
    /// A message could not be explained.
    #[error(transparent)]
    Explain(#[from] crate::explain::ExplainError),
    /// KV has no document at the key.
    #[error("KV has nothing at `{0}`")]
    NotFound(String),
    /// A command-line value is not acceptable.
    #[error("{0}")]
    Usage(String),
}

/// What an operator does next about a wrangler failure, from what wrangler printed: the two
/// that every new operator meets are a run outside the project (npx cannot find the project's
/// wrangler) and `--remote` without a login.
pub fn wrangler_hint(output: &str) -> Option<&'static str> {
    let lower = output.to_ascii_lowercase();
    if lower.contains("cloudflare_api_token") || lower.contains("not authenticated") || lower.contains("wrangler login")
    {
        Some("run `npx wrangler login` on this machine (or set CLOUDFLARE_API_TOKEN where there is no browser), then try again")
    } else if lower.contains("npx canceled due to missing packages")
        || lower.contains("could not find") && lower.contains("wrangler")
    {
        Some("run the tool inside the project (where wrangler.toml and node_modules are, after `npm install`)")
    } else if local_store_busy(output) {
        Some("the local KV store was busy (another wrangler, or `npm start`, was writing it) each time the tool tried: run it again")
    } else if lower.contains("no kv namespaces") || lower.contains("binding") && lower.contains("rules") {
        Some("check that wrangler.toml binds the RULES namespace ([[kv_namespaces]] binding = \"RULES\")")
    } else {
        None
    }
}

/// Whether wrangler failed because the local KV store (an SQLite database under `.wrangler/` or
/// `--persist-to`) was locked by another process that had it open: `wrangler dev` under
/// `npm start`, or another wrangler command. Trying again a moment later succeeds.
pub fn local_store_busy(output: &str) -> bool {
    output.contains("SQLITE_BUSY") || output.contains("database is locked")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_local_store_is_told_apart() {
        // What wrangler 4.86.0 printed when `kv key put --local` met the store locked by the
        // worker under Miniflare (a fresh-clone `npm test`, 2026-12-02).
        let busy = "workerd/jsg/util.c++:405: error: e = workerd/util/sqlite.c++:842: failed: SENTRY_DO SQLite failed; NOSENTRY database is locked: SQLITE_BUSY\n✘ [ERROR] Network connection lost.";
        assert!(local_store_busy(busy));
        assert!(wrangler_hint(busy).is_some_and(|h| h.contains("busy")));
        for other in ["✘ [ERROR] Network connection lost.", "✘ [ERROR] Not authenticated", "SQLITE_CORRUPT", ""] {
            assert!(!local_store_busy(other), "{other}");
        }
    }

    #[test]
    fn wrangler_failures_an_operator_meets_first_say_what_to_do() {
        let login = "✘ [ERROR] In a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN environment variable";
        assert!(wrangler_hint(login).is_some_and(|h| h.contains("wrangler login")));
        let outside = "npm error npx canceled due to missing packages and no YES option: [\"wrangler@4.86.0\"]";
        assert!(wrangler_hint(outside).is_some_and(|h| h.contains("inside the project")));
        assert_eq!(wrangler_hint("✘ [ERROR] something else"), None);
        let e = ToolError::Wrangler {
            args: "kv".into(),
            status: "exit status: 1".into(),
            output: login.into(),
            hint: wrangler_hint(login),
        };
        assert!(e.to_string().ends_with("what to do: run `npx wrangler login` on this machine (or set CLOUDFLARE_API_TOKEN where there is no browser), then try again"));
    }
}
