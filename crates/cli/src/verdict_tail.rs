//! `tail`: the worker's own log lines (`{"event":"callback",...}`, `{"event":"fail_mode",...}`)
//! picked out of what a log source delivers, filtered, and printed one line per decision.
//!
//! Two sources deliver them ([`crate::live_logs`]): `wrangler tail --format json` for a deployed
//! worker (a stream of JSON events, each with `logs[].message[]`), and the DevTools inspector of
//! `wrangler dev` (`Runtime.consoleAPICalled` messages). This module only reads their JSON; it
//! does no I/O, so every shape is tested without a network.

use serde_json::Value;

/// Every `outcome` a callback's log line can have (README, "Metrics", blob2).
pub const OUTCOMES: &[&str] = &[
    "allow",
    "mask",
    "block",
    "discard",
    "queued",
    "direct",
    "duplicate",
    "no_origin",
    "proxied",
    "proxy_failed_open",
    "rejected",
    "misconfigured",
    "admin",
    "error",
];

/// One log line of the worker, with the time it was written (milliseconds since the epoch, when
/// the source says).
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerLine {
    /// When, in milliseconds since 1970 (UTC).
    pub at_ms: Option<i64>,
    /// The line, parsed.
    pub line: Value,
}

/// Which lines to print.
#[derive(Debug, Clone, Default)]
pub struct TailFilter {
    /// Only these outcomes (`allow`, `block`, `discard`, `mask`, `queued`...); a monitor-mode
    /// line also passes when its `would_be` is one of them. Empty: every outcome.
    pub verdicts: Vec<String>,
    /// Only callbacks of this group.
    pub group: Option<String>,
    /// Only callbacks sent by, or to (C2C), this user.
    pub user: Option<String>,
}

impl TailFilter {
    /// Whether a line is printed. `fail_mode` lines (the gate is not checking) always are,
    /// whatever the filter: they concern every group and every verdict.
    pub fn accepts(&self, line: &Value) -> bool {
        match line.get("event").and_then(Value::as_str) {
            Some("fail_mode") => return true,
            Some("callback") => {}
            _ => return false,
        }
        let text = |key: &str| line.get(key).and_then(Value::as_str);
        if !self.verdicts.is_empty() {
            let wanted = |value: Option<&str>| value.is_some_and(|v| self.verdicts.iter().any(|w| w == v));
            if !wanted(text("outcome")) && !wanted(text("would_be")) {
                return false;
            }
        }
        if let Some(group) = &self.group {
            if text("group") != Some(group.as_str()) {
                return false;
            }
        }
        if let Some(user) = &self.user {
            if text("sender") != Some(user.as_str()) && text("peer") != Some(user.as_str()) {
                return false;
            }
        }
        true
    }
}

/// The worker's line in one console message, if it is one: a JSON object whose `event` is a
/// string. Other console output (wrangler's own, a panic message) is not.
pub fn worker_line(message: &str, at_ms: Option<i64>) -> Option<WorkerLine> {
    let trimmed = message.trim();
    if !trimmed.starts_with('{') {
        return None;
    }
    let line: Value = serde_json::from_str(trimmed).ok()?;
    line.get("event").and_then(Value::as_str)?;
    Some(WorkerLine { at_ms, line })
}

/// The worker's lines in one event of `wrangler tail --format json`:
/// `{"logs":[{"message":["<line>"],"level":"log","timestamp":1700000000000}], ...}`.
pub fn from_wrangler_tail(event: &Value) -> Vec<WorkerLine> {
    let Some(logs) = event.get("logs").and_then(Value::as_array) else {
        return Vec::new();
    };
    let event_time = event.get("eventTimestamp").and_then(Value::as_i64);
    logs.iter()
        .filter_map(|log| {
            let at = log.get("timestamp").and_then(Value::as_i64).or(event_time);
            let message = log.get("message")?.as_array()?;
            match message.as_slice() {
                [Value::String(text)] => worker_line(text, at),
                _ => None,
            }
        })
        .collect()
}

/// The worker's line in one message of the DevTools protocol, as `wrangler dev`'s inspector
/// sends it: `{"method":"Runtime.consoleAPICalled","params":{"args":[{"type":"string",
/// "value":"<line>"}],"timestamp":1700000000000.0}}`.
pub fn from_inspector(message: &str) -> Option<WorkerLine> {
    let message: Value = serde_json::from_str(message).ok()?;
    if message.get("method").and_then(Value::as_str) != Some("Runtime.consoleAPICalled") {
        return None;
    }
    let params = message.get("params")?;
    // The protocol's timestamp is a float of milliseconds; whole milliseconds are enough here.
    #[allow(clippy::cast_possible_truncation)]
    let at = params.get("timestamp").and_then(Value::as_f64).map(|ms| ms as i64);
    match params.get("args")?.as_array()?.as_slice() {
        [arg] => worker_line(arg.get("value")?.as_str()?, at),
        _ => None,
    }
}

/// One printed line: time (UTC), command, group or C2C peer, sender, verdict and code, what
/// decided it (matched terms and checks, or the basis), milliseconds in the worker; then any
/// problems. A `fail_mode` line says that the gate is not checking and why.
pub fn render(entry: &WorkerLine) -> String {
    let line = &entry.line;
    let text = |key: &str| line.get(key).and_then(Value::as_str);
    let time = entry.at_ms.map_or_else(|| String::from("--:--:--.---"), clock_time);
    let strings = |key: &str| -> Vec<String> {
        line.get(key)
            .and_then(Value::as_array)
            .map(|items| items.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)).collect())
            .unwrap_or_default()
    };
    if text("event") == Some("fail_mode") {
        return format!("{time}  FAIL_MODE: not checking messages: {}", strings("problems").join("; "));
    }
    let place = match (text("group"), text("peer")) {
        (Some(group), _) => group.to_owned(),
        (None, Some(peer)) => format!("to {peer}"),
        (None, None) => String::from("-"),
    };
    let mut verdict = text("outcome").unwrap_or("?").to_owned();
    if let Some(code) = line.get("code").and_then(Value::as_u64) {
        if code != 0 {
            verdict.push_str(&format!(" {code}"));
        }
    }
    if let Some(would_be) = text("would_be") {
        verdict.push_str(&format!(" (monitor: would {would_be})"));
    }
    let matched = strings("matched");
    let why = match (matched.is_empty(), text("basis")) {
        (false, _) => matched.join(", "),
        (true, Some("rules") | None) => String::from("-"),
        (true, Some(basis)) => basis.to_owned(),
    };
    let ms = line.get("ms").and_then(Value::as_f64).map_or_else(|| String::from("?"), |ms| format!("{ms}"));
    let mut out = format!(
        "{time}  {}  {place}  from {}  {verdict}  {why}  {ms} ms",
        text("command").unwrap_or("-"),
        text("sender").unwrap_or("-"),
    );
    let problems = strings("problems");
    if !problems.is_empty() {
        out.push_str(&format!("  problems: {}", problems.join("; ")));
    }
    out
}

/// `HH:MM:SS.mmm` in UTC.
fn clock_time(at_ms: i64) -> String {
    match jiff::Timestamp::from_millisecond(at_ms) {
        Ok(at) => at.strftime("%H:%M:%S%.3f").to_string(),
        Err(_) => String::from("--:--:--.---"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BLOCK: &str = r#"{"event":"callback","command":"Group.CallbackBeforeSendMsg","status":200,"outcome":"block","code":10102,"basis":"rules","matched":["group/block:spoiler"],"rules":["global@ef8e55ab95d2"],"group":"@TGS#2J4SZEAEL","sender":"leo","ms":5.0}"#;

    #[test]
    fn a_wrangler_tail_event_gives_the_worker_lines_and_nothing_else() {
        let event = json!({
            "outcome": "ok", "scriptName": "timgate", "eventTimestamp": 1_796_090_503_000_i64,
            "logs": [
                {"message": [BLOCK], "level": "log", "timestamp": 1_796_090_503_037_i64},
                {"message": ["panicked at src/lib.rs"], "level": "error", "timestamp": 1},
                {"message": ["two", "parts"], "level": "log", "timestamp": 1},
            ],
            "exceptions": [],
        });
        let lines = from_wrangler_tail(&event);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].at_ms, Some(1_796_090_503_037));
        assert_eq!(
            render(&lines[0]),
            "02:01:43.037  Group.CallbackBeforeSendMsg  @TGS#2J4SZEAEL  from leo  block 10102  group/block:spoiler  5 ms"
        );
        assert!(from_wrangler_tail(&json!({"outcome": "ok"})).is_empty());
    }

    #[test]
    fn an_inspector_message_gives_the_worker_line() {
        let message = json!({
            "method": "Runtime.consoleAPICalled",
            "params": {"type": "log", "args": [{"type": "string", "value": BLOCK}], "timestamp": 1_796_090_503_037.6},
        });
        let line = from_inspector(&message.to_string());
        assert_eq!(line.map(|l| l.line["outcome"].clone()), Some(json!("block")));
        let other = json!({"method": "Runtime.executionContextCreated", "params": {}});
        assert_eq!(from_inspector(&other.to_string()), None);
        let not_ours = json!({"method": "Runtime.consoleAPICalled", "params": {"args": [{"type": "string", "value": "[wrangler] hi"}]}});
        assert_eq!(from_inspector(&not_ours.to_string()), None);
        assert_eq!(from_inspector("not json"), None);
    }

    #[test]
    fn filters_by_verdict_including_monitor_mode_group_and_user() {
        let line = |v: Value| WorkerLine { at_ms: None, line: v };
        let block = line(serde_json::from_str(BLOCK).unwrap_or_default());
        let monitor =
            line(json!({"event": "callback", "outcome": "allow", "would_be": "block", "group": "g2", "sender": "ann"}));
        let c2c = line(json!({"event": "callback", "outcome": "allow", "sender": "ann", "peer": "bob"}));
        let delivery = line(json!({"event": "delivery", "outcome": "delivered"}));
        let fail = line(json!({"event": "fail_mode", "problems": ["KV binding RULES: missing"]}));
        let pass = |filter: &TailFilter, entry: &WorkerLine| filter.accepts(&entry.line);

        let all = TailFilter::default();
        assert!(pass(&all, &block) && pass(&all, &monitor) && pass(&all, &c2c) && pass(&all, &fail));
        assert!(!pass(&all, &delivery));
        let blocks = TailFilter { verdicts: vec!["block".into()], ..TailFilter::default() };
        assert!(pass(&blocks, &block) && pass(&blocks, &monitor) && !pass(&blocks, &c2c) && pass(&blocks, &fail));
        let group = TailFilter { group: Some("@TGS#2J4SZEAEL".into()), ..TailFilter::default() };
        assert!(pass(&group, &block) && !pass(&group, &monitor) && !pass(&group, &c2c));
        let bob = TailFilter { user: Some("bob".into()), ..TailFilter::default() };
        assert!(pass(&bob, &c2c) && !pass(&bob, &block));
    }

    #[test]
    fn renders_monitor_mode_bans_c2c_and_fail_mode() {
        let render_json = |v: Value| render(&WorkerLine { at_ms: Some(0), line: v });
        assert_eq!(
            render_json(json!({"event": "callback", "command": "C2C.CallbackBeforeSendMsg", "outcome": "allow", "code": 0,
                "basis": "rules", "would_be": "block", "matched": ["global/block(monitor):x"], "sender": "ann", "peer": "bob", "ms": 1.5})),
            "00:00:00.000  C2C.CallbackBeforeSendMsg  to bob  from ann  allow (monitor: would block)  global/block(monitor):x  1.5 ms"
        );
        assert_eq!(
            render_json(json!({"event": "callback", "command": "Group.CallbackBeforeSendMsg", "outcome": "block", "code": 1,
                "basis": "group_ban", "group": "g", "sender": "ann", "ms": 2.0, "problems": ["KV read failed"]})),
            "00:00:00.000  Group.CallbackBeforeSendMsg  g  from ann  block 1  group_ban  2 ms  problems: KV read failed"
        );
        assert_eq!(
            render_json(json!({"event": "fail_mode", "level": "error", "problems": ["a", "b"]})),
            "00:00:00.000  FAIL_MODE: not checking messages: a; b"
        );
    }
}
