//! Each command: read its inputs, call the library, print. Problems and results go to stdout
//! (through `out!`/`outln!`, so that a closed pipe is not a panic); failures to stderr; the exit
//! code is 0 (done, or nothing wrong), 1 (problems found, or a failure) or 2 (bad command line,
//! from clap).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use timgate_cli::ban_records::{self, BanRequest};
use timgate_cli::deployment_check::{self, Finding, Severity};
use timgate_cli::document_check::{check, CheckContext};
use timgate_cli::durations::{format_span, format_utc, parse_duration};
use timgate_cli::errors::ToolError;
use timgate_cli::explain::{self, Message};
use timgate_cli::kv_store::KvStore;
use timgate_cli::live_logs;
use timgate_cli::rule_push::{self, PushOutcome};
use timgate_cli::term_import::{self, Defaults};
use timgate_cli::verdict_tail::{self, TailFilter, WorkerLine};
use timgate_cli::wrangler_kv::{run_wrangler, wrangler_program, KvLocation, WranglerKv};
use timgate_engine::rule_document::{Action, Mode};
use timgate_engine::rule_set::RuleSet;

use crate::args::{Cli, Command, KvArgs};

/// Runs a command and turns its outcome into an exit code.
pub fn run(cli: Cli) -> ExitCode {
    match dispatch(cli.command) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `Ok(false)`: the command ran and found something wrong (problems, differences).
fn dispatch(command: Command) -> Result<bool, ToolError> {
    match command {
        Command::Validate { files, global } => validate(&files, global.as_deref()),
        Command::Explain { file, text, body, global, c2c, bans, kv } => {
            let bans = match (bans, kv.local || kv.remote || kv.persist_to.is_some()) {
                (Some(path), _) => BanSource::File(read_bans(&path)?),
                (None, true) => BanSource::Kv(store(&kv)),
                (None, false) => BanSource::None,
            };
            explain(&file, text.as_deref(), body.as_deref(), global.as_deref(), c2c, &bans)
        }
        Command::Push { file, group, kv } => push(&file, group.as_deref(), &store(&kv)),
        Command::Import { file, action, code, info, into, yes, kv } => {
            let group = document_group(&into, "--into")?;
            let action = Action::LISTS.iter().find(|(_, name)| name.eq_ignore_ascii_case(&action)).map(|(a, _)| *a);
            let Some(action) = action else {
                return Err(ToolError::Usage("--action is block, discard, mask or review".into()));
            };
            import(&file, &Defaults { action, code, info }, group.as_deref(), yes, &store(&kv))
        }
        Command::Ls { kv } => list(&store(&kv)),
        Command::Doctor { config, kv } => doctor(&config, kv.remote, &store(&kv)),
        Command::Rm { document, yes, kv } => {
            let group = document_group(&document, "the document")?;
            let kv = store(&kv);
            let key = rule_push::rules_key(group.as_deref());
            if !yes && !confirm(&format!("delete {key} and its blob from {}? [y/N] ", kv.describe())) {
                outln!("nothing deleted (give --yes to delete without asking)");
                return Ok(false);
            }
            match rule_push::remove(&kv, group.as_deref())? {
                true => outln!("deleted {key} from {}", kv.describe()),
                false => outln!("{} had no {key}; nothing to delete", kv.describe()),
            }
            Ok(true)
        }
        Command::Tail { remote, inspector, verdicts, group, user, json, limit, env } => {
            if let Some(unknown) = verdicts.iter().find(|v| !verdict_tail::OUTCOMES.contains(&v.as_str())) {
                return Err(ToolError::Usage(format!(
                    "--verdict {unknown}: the outcomes are {}",
                    verdict_tail::OUTCOMES.join(", ")
                )));
            }
            let filter = TailFilter { verdicts, group, user };
            let mut printed = 0_usize;
            let mut on_line = |line: WorkerLine| {
                if filter.accepts(&line.line) {
                    let text = if json { line.line.to_string() } else { verdict_tail::render(&line) };
                    if crate::output::write(format_args!("{text}\n")).is_err() || crate::output::reader_gone() {
                        return false;
                    }
                    printed += 1;
                }
                limit.is_none_or(|limit| printed < limit)
            };
            if remote {
                let extra: Vec<std::ffi::OsString> = env.iter().flat_map(|e| ["--env".into(), e.into()]).collect();
                eprintln!("(reading the deployed worker's logs through `wrangler tail`; Ctrl-C stops)");
                live_logs::follow_wrangler_tail(&wrangler_program(), &extra, &mut on_line)?;
            } else {
                eprintln!("(reading the logs of wrangler dev through its inspector at {inspector}; Ctrl-C stops)");
                live_logs::follow_inspector(&inspector, &mut on_line)?;
            }
            Ok(true)
        }
        Command::Pull { group, kv } => {
            out!("{}", rule_push::pull(&store(&kv), group.as_deref())?);
            Ok(true)
        }
        Command::Diff { file, group, exit_code, kv } => {
            let report = rule_push::diff_with_kv(&store(&kv), group.as_deref(), &read_text(&file)?)?;
            out!("{report}");
            Ok(!(exit_code && report.differs()))
        }
        Command::Ban { user, group, duration, reason, code, kv } => {
            let duration =
                duration.as_deref().map(parse_duration).transpose().map_err(|e| ToolError::Usage(e.to_string()))?;
            let request = BanRequest {
                user: &user,
                group: group.as_deref(),
                duration,
                reason: reason.as_deref(),
                code,
                now: now(),
            };
            ban(&request, &store(&kv))
        }
        Command::Unban { user, group, kv } => {
            let kv = store(&kv);
            let key = ban_records::ban_key(&user, group.as_deref());
            match ban_records::unban(&kv, &user, group.as_deref())? {
                Some(record) => outln!("lifted {key} (was {record}) in {}", kv.describe()),
                None => outln!("no ban at {key} in {}", kv.describe()),
            }
            Ok(true)
        }
        Command::Bans { group, kv } => {
            out!("{}", ban_records::render_bans(&ban_records::list_bans(&store(&kv), group.as_deref())?, now()));
            Ok(true)
        }
    }
}

fn validate(files: &[PathBuf], global: Option<&Path>) -> Result<bool, ToolError> {
    let global = global.map(compile_file).transpose()?;
    let mut all_good = true;
    for file in files {
        let text = read_text(file)?;
        let name = file.display().to_string();
        let words = timgate_cli::english_words::words();
        let problems =
            check(&text, &CheckContext { global: global.as_ref(), normalize: None, words: words.as_deref() });
        for problem in &problems {
            outln!("{}", problem.render(&name));
        }
        let failing = problems.iter().filter(|p| !p.kind.is_warning()).count();
        let warnings = problems.len() - failing;
        let warned = if warnings > 0 { format!(", {warnings} warning(s)") } else { String::new() };
        match RuleSet::from_json(&text) {
            Ok(set) if failing == 0 => {
                outln!("{name}: ok (version {}, {} terms, {}){warned}", set.version(), set.len(), mode_name(set.mode()))
            }
            _ => {
                all_good = false;
                outln!("{name}: {failing} problem(s){warned}");
            }
        }
    }
    Ok(all_good)
}

/// `push`'s note on the CJK terms past the budget of those whose inner characters are looked
/// for behind asterisks (nothing when there are none).
fn hidden_han_note(past_budget: usize) -> Result<(), ToolError> {
    if past_budget > 0 {
        outln!("  note: {past_budget} CJK terms of three characters or more come after the first {}: their inner characters are not looked for behind asterisks (操*妈), which would make the precompiled value too large; list the ones that matter most first", timgate_matcher::matcher::MAX_HIDDEN_HAN_TERMS);
    }
    Ok(())
}

/// Where `explain` reads bans from.
enum BanSource {
    None,
    File(BTreeMap<String, String>),
    Kv(WranglerKv),
}

/// A bans file: an object of KV keys to ban records (objects, or the stored text as a string).
fn read_bans(path: &Path) -> Result<BTreeMap<String, String>, ToolError> {
    let text = read_text(path)?;
    let value: serde_json::Value = serde_json::from_str(&timgate_engine::jsonc::to_json(&text))
        .map_err(|e| ToolError::Usage(format!("{}: {e} (expected {{\"ban:<UserID>\": {{...}}}})", path.display())))?;
    let Some(object) = value.as_object() else {
        return Err(ToolError::Usage(format!("{}: expected an object of ban keys to records", path.display())));
    };
    Ok(object
        .iter()
        .map(|(key, record)| (key.clone(), record.as_str().map_or_else(|| record.to_string(), str::to_owned)))
        .collect())
}

fn explain(
    file: &Path,
    text: Option<&str>,
    body: Option<&Path>,
    global: Option<&Path>,
    c2c: bool,
    bans: &BanSource,
) -> Result<bool, ToolError> {
    let named = compile_file(file)?;
    let global = global.map(compile_file).transpose()?;
    let (global, group) = match &global {
        Some(global) => (Some(global), Some(&named)),
        None => (Some(&named), None),
    };
    let body =
        body.map(|path| fs::read(user_path(path)).map_err(|source| ToolError::Read { path: path.to_owned(), source }));
    let body = body.transpose()?;
    let message = match (&body, text) {
        (Some(bytes), _) => Message::Body(bytes),
        (None, Some(text)) => Message::Text { text, c2c },
        (None, None) => return Err(ToolError::Usage("give the message text, or --body FILE".into())),
    };
    let lookup = |key: &str| -> Result<Option<String>, String> {
        match bans {
            BanSource::None => Ok(None),
            BanSource::File(map) => Ok(map.get(key).cloned()),
            BanSource::Kv(kv) => kv.get(key).map_err(|e| e.to_string()),
        }
    };
    let request = explain::Request {
        global,
        group,
        bans: &lookup,
        message,
        now: now(),
        fail_mode: timgate_engine::settings::FailMode::Open,
    };
    // A command besides messages (group names, joins, friend requests...): `scopes`.
    if let Some(other) = explain::explain_other(&request) {
        out!("{}", other?);
    } else {
        let explanation = explain::explain(&request)?;
        out!("{explanation}");
    }
    match bans {
        BanSource::None => {
            outln!("bans        not consulted (give --bans FILE, or --local/--remote to read them from KV)")
        }
        BanSource::File(_) => outln!("bans        from the --bans file"),
        BanSource::Kv(kv) => outln!("bans        read from {}", kv.describe()),
    }
    Ok(true)
}

fn doctor(config: &Path, remote: bool, kv: &WranglerKv) -> Result<bool, ToolError> {
    let text = read_text(config)?;
    let mut found = deployment_check::check_config(&text, remote);
    // The deployed worker's secrets (by name: their values cannot be read back).
    if remote {
        match run_wrangler(&wrangler_program(), &["secret".into(), "list".into(), "--format".into(), "json".into()]) {
            Ok(listed) => found.extend(deployment_check::check_secrets(&listed)),
            Err(e) => found.push(Finding {
                severity: Severity::Problem,
                message: format!("the deployed worker's secrets could not be listed: {e}"),
                fix: "deploy the worker first (npx wrangler deploy), and check the login".to_owned(),
            }),
        }
    }
    // The rule documents, as the worker would read them.
    match rule_push::list_documents(kv) {
        Ok(documents) => {
            for d in documents {
                if let Err(e) = d.contents {
                    found.push(Finding {
                        severity: Severity::Problem,
                        message: format!("{} in {} cannot be used by the worker: {e}", d.key, kv.describe()),
                        fix: "npm run rules -- pull > doc.json, fix it (validate says where), push it again".to_owned(),
                    });
                }
            }
        }
        Err(e) => found.push(Finding {
            severity: Severity::Problem,
            message: format!("the rule documents in {} cannot be read: {e}", kv.describe()),
            fix: "for --remote: npx wrangler login, and the RULES namespace id in wrangler.toml".to_owned(),
        }),
    }
    let problems = found.iter().filter(|f| f.severity == Severity::Problem).count();
    for f in &found {
        let label = match f.severity {
            Severity::Problem => "problem",
            Severity::Note => "note",
        };
        outln!("{label:<8} {}\n         fix: {}", f.message, f.fix);
    }
    outln!("{}: {problems} problem(s), {} note(s)", config.display(), found.len() - problems);
    Ok(problems == 0)
}

/// `rules` (the global document) or `group:<GROUP_ID>`.
fn document_group(name: &str, what: &str) -> Result<Option<String>, ToolError> {
    match name {
        "rules" => Ok(None),
        other => match other.strip_prefix("group:").filter(|g| !g.is_empty()) {
            Some(group) => Ok(Some(group.to_owned())),
            None => Err(ToolError::Usage(format!("{what} is `rules` or `group:<GROUP_ID>`, not {other:?}"))),
        },
    }
}

/// Asks on the terminal; anything but `y`/`yes` (or no terminal) is no.
fn confirm(question: &str) -> bool {
    use std::io::{BufRead, IsTerminal, Write};
    if !std::io::stdin().is_terminal() {
        return false;
    }
    print!("{question}");
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

fn list(kv: &WranglerKv) -> Result<bool, ToolError> {
    let documents = rule_push::list_documents(kv)?;
    if documents.is_empty() {
        outln!("{} has no rule documents", kv.describe());
        return Ok(true);
    }
    outln!(
        "{:<32} {:<12} {:>9}  {:<8} {:<40} blob",
        "document",
        "version",
        "bytes",
        "mode",
        "terms block/discard/mask/review, checks"
    );
    for d in &documents {
        let blob = if d.has_blob { "yes" } else { "no" };
        match &d.contents {
            Ok(c) => {
                let mut what = format!("{}/{}/{}/{}", c.terms[0], c.terms[1], c.terms[2], c.terms[3]);
                let extras = [
                    (c.allow > 0, format!(" allow {}", c.allow)),
                    (c.patterns > 0, format!(" patterns {}", c.patterns)),
                    (c.links, " links".to_owned()),
                    (c.contacts, " contacts".to_owned()),
                ];
                extras.iter().filter(|(on, _)| *on).for_each(|(_, text)| what.push_str(text));
                let mode = match c.mode {
                    Mode::Enforce => "enforce",
                    Mode::Monitor => "monitor",
                };
                outln!("{:<32} {:<12} {:>9}  {mode:<8} {what:<40} {blob}", d.key, d.version, d.bytes);
            }
            Err(e) => outln!("{:<32} {:<12} {:>9}  the worker cannot use it: {e}", d.key, d.version, d.bytes),
        }
    }
    Ok(true)
}

fn import(
    file: &Path,
    defaults: &Defaults,
    group: Option<&str>,
    yes: bool,
    kv: &WranglerKv,
) -> Result<bool, ToolError> {
    let name = file.display().to_string();
    let (format, terms) =
        term_import::read_terms(&name, &read_text(file)?).map_err(|e| ToolError::Usage(format!("{name}: {e}")))?;
    let key = rule_push::rules_key(group);
    let current = kv.get(&key)?;
    let merged = term_import::merge(current.as_deref(), &terms, defaults)
        .map_err(|e| ToolError::Usage(format!("{key}: {e}")))?;
    outln!(
        "{name}: {} terms ({}); {} new, {} already in {key} in {} or repeated",
        terms.len(),
        format.name(),
        merged.added,
        merged.already,
        kv.describe()
    );
    if merged.comments_dropped {
        outln!("note: the stored document has comments; the imported one is written without them");
    }
    if merged.added == 0 {
        outln!("nothing to import");
        return Ok(true);
    }
    out!("{}", rule_push::diff_with_kv(kv, group, &merged.text)?);
    if !yes {
        outln!("not written: run again with --yes to validate and push it");
        return Ok(true);
    }
    push_text(&format!("{name} (imported)"), &merged.text, group, kv)
}

fn push(file: &Path, group: Option<&str>, kv: &WranglerKv) -> Result<bool, ToolError> {
    push_text(&file.display().to_string(), &read_text(file)?, group, kv)
}

/// Pushes `text`, named `name` in what is printed.
fn push_text(name: &str, text: &str, group: Option<&str>, kv: &WranglerKv) -> Result<bool, ToolError> {
    let name = name.to_owned();
    match rule_push::push(kv, group, text)? {
        PushOutcome::Refused(problems) => {
            for problem in &problems {
                outln!("{}", problem.render(&name));
            }
            outln!("nothing pushed: {} problem(s) in {name}", problems.len());
            Ok(false)
        }
        PushOutcome::Unchanged { key, version, blob_bytes, hidden_han_past_budget } => {
            match blob_bytes {
                Some(bytes) => outln!(
                    "{key} in {} is already version {version}: the document is unchanged; its precompiled blob written again ({bytes} bytes, as this tool compiles it)",
                    kv.describe()
                ),
                None => outln!("{key} in {} is already version {version}: nothing to do", kv.describe()),
            }
            hidden_han_note(hidden_han_past_budget)?;
            Ok(true)
        }
        PushOutcome::Written {
            key,
            version,
            previous,
            terms,
            mode,
            changes,
            blob_bytes,
            warnings,
            hidden_han_past_budget,
        } => {
            for warning in &warnings {
                outln!("{}", warning.render(&name));
            }
            outln!("pushed {name} to {key} in {}", kv.describe());
            let was = previous.map_or_else(|| "new".to_owned(), |p| format!("was {p}"));
            outln!("  version {version} ({was}), {terms} terms, {}", mode_name(mode));
            if let Some(bytes) = blob_bytes {
                outln!("  precompiled: {key}:compiled, {bytes} bytes (the worker loads it instead of compiling; it holds what only this tool computes: the compiled patterns, the readings its English words decide, the words CJK terms are checked against)");
            }
            if let Some(n) = timgate_cli::push_compile::too_many_to_spell(text) {
                outln!("  note: {n} Chinese terms, more than {}: not spelled by their characters' parts (女表子) nor by their sound (pinyin), which would make the precompiled value too large for KV", timgate_cli::push_compile::SPELLING_LIMIT);
            }
            hidden_han_note(hidden_han_past_budget)?;
            for change in changes {
                outln!("  {change}");
            }
            outln!("the worker uses it within CACHE_SECONDS (30 s unless set otherwise)");
            Ok(true)
        }
    }
}

fn ban(request: &BanRequest<'_>, kv: &WranglerKv) -> Result<bool, ToolError> {
    let banned = ban_records::ban(kv, request)?;
    let place = request.group.map_or_else(|| "everywhere".to_owned(), |g| format!("in {g}"));
    let how_long = match (request.duration, banned.until) {
        (Some(seconds), Some(until)) => format!("for {}, until {}", format_span(seconds as i64), format_utc(until)),
        _ => "until lifted".to_owned(),
    };
    outln!("banned {} {place} {how_long}", request.user);
    outln!("  {} = {} in {}", banned.key, banned.record, kv.describe());
    if let Some(expiration) = banned.kv_expiration {
        outln!("  KV deletes the key at {} (the worker stops applying it at `until`)", format_utc(expiration));
    }
    for note in &banned.notes {
        outln!("  note: {note}");
    }
    Ok(true)
}

fn store(args: &KvArgs) -> WranglerKv {
    let location = if args.remote {
        KvLocation::Remote
    } else {
        KvLocation::Local { persist_to: args.persist_to.as_deref().map(user_path) }
    };
    WranglerKv::new(location)
}

/// Compiles a document as `push` stores it (with the tool's dictionaries: the Chinese words its CJK
/// terms need, ordinary English words), so that `explain` decides as the worker does with the
/// pushed blob.
fn compile_file(path: &Path) -> Result<RuleSet, ToolError> {
    let text = read_text(path)?;
    timgate_cli::push_compile::compile(&text)
        .map_err(|e| ToolError::Usage(format!("{}: {e} (run `validate` for every problem)", path.display())))
}

fn read_text(path: &Path) -> Result<String, ToolError> {
    fs::read_to_string(user_path(path)).map_err(|source| ToolError::Read { path: path.to_owned(), source })
}

/// `npm run` starts the tool in the project root; a relative path the operator typed is
/// relative to where they typed it (npm's INIT_CWD).
fn user_path(path: &Path) -> PathBuf {
    match std::env::var_os("INIT_CWD") {
        Some(dir) if path.is_relative() => Path::new(&dir).join(path),
        _ => path.to_owned(),
    }
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Enforce => "enforce",
        Mode::Monitor => "monitor",
    }
}
