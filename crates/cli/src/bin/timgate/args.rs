//! The command line, as `timgate --help` shows it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Rule documents and bans for timgate: check them, see what the worker would do, and write
/// them to the RULES KV namespace through wrangler.
#[derive(Debug, Parser)]
#[command(name = "timgate", version, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Which copy of the RULES namespace.
#[derive(Debug, Args)]
pub struct KvArgs {
    /// Local KV: the state `npm start` (wrangler dev) uses. This is the default.
    #[arg(long, conflicts_with = "remote")]
    pub local: bool,
    /// The deployed namespace (the id in wrangler.toml; needs `npx wrangler login`).
    #[arg(long)]
    pub remote: bool,
    /// Local KV in another state directory (wrangler's --persist-to).
    #[arg(long, value_name = "DIR", conflicts_with = "remote")]
    pub persist_to: Option<PathBuf>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check rule documents strictly: every problem, with line:column and path. Exit 1 on any.
    Validate {
        /// Rule documents (JSON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The files are group documents merged over this global document (its terms count
        /// when checking allow entries).
        #[arg(long, value_name = "GLOBAL_FILE")]
        global: Option<PathBuf>,
    },
    /// Show the verdict the worker would give a message, and which term matched where.
    Explain {
        /// The rule document (the global one, or a group's with --global).
        file: PathBuf,
        /// The message text (sent as one text element in a group).
        #[arg(required_unless_present = "body")]
        text: Option<String>,
        /// A before-send callback body instead of text (Tencent's samples, comments and all).
        #[arg(long, value_name = "CALLBACK_JSON", conflicts_with = "text")]
        body: Option<PathBuf>,
        /// FILE is a group document merged over this global document.
        #[arg(long, value_name = "GLOBAL_FILE")]
        global: Option<PathBuf>,
        /// Send the text as a one-to-one (C2C) message.
        #[arg(long, conflicts_with = "body")]
        c2c: bool,
        /// Bans from a JSON file: `{"ban:<UserID>": {"until": null, "reason": "..."}, ...}`
        /// (the text's sender is `explain`, its group `@TGS#explain`).
        #[arg(long, value_name = "BANS_JSON", conflicts_with_all = ["local", "remote", "persist_to"])]
        bans: Option<PathBuf>,
        /// Bans from KV: with --local, --remote or --persist-to the sender's ban records are read
        /// from the RULES namespace, as the worker reads them. Without these or --bans, bans are
        /// not consulted.
        #[command(flatten)]
        kv: KvArgs,
    },
    /// Validate a rule document and write it to KV: `rules`, or `rules:group:<ID>`.
    Push {
        /// The rule document; its bytes are written unchanged.
        file: PathBuf,
        /// For this group only (merged over the global document).
        #[arg(long, value_name = "GROUP_ID")]
        group: Option<String>,
        #[command(flatten)]
        kv: KvArgs,
    },
    /// Add a word list to a rule document in KV: one term per line (`#` comments), CSV with a
    /// header (`term`, and `action`, `code`, `info` if wanted), or a JSON array of strings.
    /// Shows the diff; writes only with --yes.
    Import {
        /// The word list (.txt, .csv, .json).
        file: PathBuf,
        /// The action of terms whose file gives none: block, discard, mask or review.
        #[arg(long)]
        action: String,
        /// Custom error code for those terms (block only).
        #[arg(long)]
        code: Option<u32>,
        /// ErrorInfo for those terms (block only).
        #[arg(long)]
        info: Option<String>,
        /// Which document: `rules` (the global one, the default) or `group:<GROUP_ID>`.
        #[arg(long, value_name = "rules|group:ID", default_value = "rules")]
        into: String,
        /// Write the result (validated as `push` does); without it, only show the diff.
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        kv: KvArgs,
    },
    /// List the rule documents in KV: version, size, term counts, checks, mode, blob.
    Ls {
        #[command(flatten)]
        kv: KvArgs,
    },
    /// Delete a rule document (and its precompiled blob) from KV.
    Rm {
        /// `group:<GROUP_ID>`, or `rules` for the global document.
        document: String,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        kv: KvArgs,
    },
    /// Check a deployment's configuration: every problem at once, each with its fix (bindings,
    /// queues, vars as the worker reads them, the rule documents in KV). Exit 1 on any problem.
    Doctor {
        /// The wrangler configuration.
        #[arg(long, value_name = "FILE", default_value = "wrangler.toml")]
        config: PathBuf,
        #[command(flatten)]
        kv: KvArgs,
    },
    /// Show the worker's decisions live, one line each: time (UTC), command, group or C2C
    /// peer, sender, verdict and code, the terms or checks that decided, milliseconds. Local:
    /// from the inspector of a running `npm start`/`wrangler dev`; --remote: `wrangler tail`.
    Tail {
        /// The deployed worker, through `wrangler tail --format json` (needs `npx wrangler login`).
        #[arg(long)]
        remote: bool,
        /// wrangler dev's inspector (its --inspector-port; 9229 unless told otherwise).
        #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:9229", conflicts_with = "remote")]
        inspector: String,
        /// Only this outcome (allow, block, discard, mask, queued, proxied...; a monitor-mode
        /// line passes when it would have been this). Repeat for several.
        #[arg(long = "verdict", value_name = "OUTCOME")]
        verdicts: Vec<String>,
        /// Only callbacks of this group.
        #[arg(long, value_name = "GROUP_ID")]
        group: Option<String>,
        /// Only messages sent by, or to (C2C), this user.
        #[arg(long, value_name = "USER_ID")]
        user: Option<String>,
        /// Print the worker's log lines as JSON, one per line, instead.
        #[arg(long)]
        json: bool,
        /// Stop after this many lines.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// The wrangler environment (--remote only).
        #[arg(long, value_name = "ENV", requires = "remote")]
        env: Option<String>,
    },
    /// Print the rule document in KV exactly as stored.
    Pull {
        /// The group's document instead of the global one.
        #[arg(long, value_name = "GROUP_ID")]
        group: Option<String>,
        #[command(flatten)]
        kv: KvArgs,
    },
    /// Show, term by term, how a file differs from the rule document in KV.
    Diff {
        /// The rule document.
        file: PathBuf,
        /// Compare with the group's document instead of the global one.
        #[arg(long, value_name = "GROUP_ID")]
        group: Option<String>,
        /// Exit 1 when they differ (for scripts).
        #[arg(long)]
        exit_code: bool,
        #[command(flatten)]
        kv: KvArgs,
    },
    /// Ban a user everywhere, or mute them in one group.
    Ban {
        /// The Tencent UserID.
        user: String,
        /// Only in this group.
        #[arg(long, value_name = "GROUP_ID")]
        group: Option<String>,
        /// How long, 1s or more: 30s, 10m, 2h, 7d, 1h30m. Until lifted when absent.
        #[arg(long = "for", value_name = "DURATION")]
        duration: Option<String>,
        /// Shown to the sender as ErrorInfo.
        #[arg(long)]
        reason: Option<String>,
        /// Custom error code shown to the sender: 10100–10200 (groups), 120001–130000 (C2C).
        #[arg(long)]
        code: Option<u32>,
        #[command(flatten)]
        kv: KvArgs,
    },
    /// Lift a ban.
    Unban {
        /// The Tencent UserID.
        user: String,
        /// The group of a group ban.
        #[arg(long, value_name = "GROUP_ID")]
        group: Option<String>,
        #[command(flatten)]
        kv: KvArgs,
    },
    /// List bans.
    Bans {
        /// Only the bans in this group.
        #[arg(long, value_name = "GROUP_ID")]
        group: Option<String>,
        #[command(flatten)]
        kv: KvArgs,
    },
}
