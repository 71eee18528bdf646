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
    #[error("`wrangler {args}` failed ({status}):\n{output}")]
    Wrangler {
        /// Its arguments.
        args: String,
        /// Its exit status.
        status: String,
        /// What it printed on stderr (or stdout).
        output: String,
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
