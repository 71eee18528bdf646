//! `doctor`: what is wrong with a deployment's configuration, every problem at once, each with
//! its fix. It reads `wrangler.toml` (the `toml` crate) as wrangler deploys it and checks what
//! the worker needs: the `RULES` namespace bound under that name, the delivery queue with its
//! state namespace and a consumer for its dead-letter queue, and every `[vars]` setting as the
//! worker reads it (`timgate_engine::settings`). For `--remote` it is stricter: the example
//! `SDKAPPID`, an example namespace id and a loopback `ORIGIN_URL` are problems there, notes
//! locally. The rule documents in KV are checked by the command itself (`rule_push::list_documents`).

use timgate_engine::settings::Settings;
use toml::Value;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The worker will not do its job: `doctor` exits 1.
    Problem,
    /// Works, but is likely not what production wants.
    Note,
}

/// One thing `doctor` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Problem or note.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub fix: String,
}

impl Finding {
    fn problem(message: impl Into<String>, fix: impl Into<String>) -> Self {
        Finding { severity: Severity::Problem, message: message.into(), fix: fix.into() }
    }

    fn note(message: impl Into<String>, fix: impl Into<String>) -> Self {
        Finding { severity: Severity::Note, message: message.into(), fix: fix.into() }
    }
}

/// The example values `wrangler.toml` ships with.
const EXAMPLE_APP_ID: &str = "1400000000";
const EXAMPLE_ID_PREFIX: &str = "0000000000000000000000000000000";

/// Every finding for the configuration `text` (a `wrangler.toml`), for a deployed worker when
/// `remote`.
pub fn check_config(text: &str, remote: bool) -> Vec<Finding> {
    let config: Value = match toml::from_str(text) {
        Ok(config) => config,
        Err(e) => return vec![Finding::problem(format!("wrangler.toml is not TOML: {e}"), "fix the file")],
    };
    let mut found = Vec::new();
    let list = |path: &[&str]| -> Vec<Value> {
        let mut at = &config;
        for step in path {
            match at.get(step) {
                Some(next) => at = next,
                None => return Vec::new(),
            }
        }
        at.as_array().cloned().unwrap_or_default()
    };
    let text_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);

    // KV namespaces.
    let namespaces = list(&["kv_namespaces"]);
    let bindings: Vec<String> = namespaces.iter().filter_map(|n| text_of(n, "binding")).collect();
    let namespace = |name: &str| namespaces.iter().find(|n| text_of(n, "binding").as_deref() == Some(name));
    match namespace("RULES") {
        None => {
            let near =
                bindings.iter().find(|b| b.eq_ignore_ascii_case("rules") || b.to_ascii_uppercase().starts_with("RULE"));
            let hint =
                near.map(|b| format!(" (`{b}` is bound: the worker looks for `RULES` exactly)")).unwrap_or_default();
            found.push(Finding::problem(
                format!("no KV namespace bound as RULES{hint}: every message would be decided without rules or bans (FAIL_MODE)"),
                "in wrangler.toml: [[kv_namespaces]] binding = \"RULES\", id = the id `npx wrangler kv namespace create RULES` prints",
            ));
        }
        Some(n) if remote && text_of(n, "id").is_some_and(|id| id.starts_with(EXAMPLE_ID_PREFIX)) => {
            found.push(Finding::problem(
                "the RULES namespace has the example id",
                "npx wrangler kv namespace create RULES, and put its id in wrangler.toml",
            ));
        }
        Some(_) => {}
    }

    // Delivery: the producer, its state, its consumer's dead-letter queue, and that queue's consumer.
    let vars = config.get("vars").and_then(Value::as_table).cloned().unwrap_or_default();
    let producers = list(&["queues", "producers"]);
    let consumers = list(&["queues", "consumers"]);
    match producers.iter().find(|p| text_of(p, "binding").as_deref() == Some("DELIVERY")) {
        None => found.push(Finding::note(
            "no queue producer bound as DELIVERY: events go to the origin directly, retried only while the isolate lives",
            "add the [[queues.producers]] and [[queues.consumers]] sections of the README's wrangler.toml",
        )),
        Some(producer) => {
            if namespace("DELIVERY_STATE").is_none() {
                found.push(Finding::problem(
                    "the DELIVERY queue has no KV namespace bound as DELIVERY_STATE: events that die cannot be kept",
                    "[[kv_namespaces]] binding = \"DELIVERY_STATE\", id from `npx wrangler kv namespace create DELIVERY_STATE`",
                ));
            }
            let queue = text_of(producer, "queue").unwrap_or_default();
            let dead_letters = vars
                .get("DEAD_LETTER_QUEUE")
                .and_then(Value::as_str)
                .unwrap_or("timgate-dead-letters")
                .to_owned();
            match consumers.iter().find(|c| text_of(c, "queue").as_deref() == Some(queue.as_str())) {
                None => found.push(Finding::problem(
                    format!("nothing consumes the delivery queue `{queue}`: events would never reach the origin"),
                    format!("[[queues.consumers]] queue = \"{queue}\", dead_letter_queue = \"{dead_letters}\""),
                )),
                Some(c) if text_of(c, "dead_letter_queue").as_deref() != Some(dead_letters.as_str()) => {
                    found.push(Finding::problem(
                        format!("the consumer of `{queue}` does not send what it gives up on to `{dead_letters}` (DEAD_LETTER_QUEUE)"),
                        format!("dead_letter_queue = \"{dead_letters}\" in that [[queues.consumers]] section"),
                    ))
                }
                Some(_) => {}
            }
            if !consumers.iter().any(|c| text_of(c, "queue").as_deref() == Some(dead_letters.as_str())) {
                found.push(Finding::problem(
                    format!("nothing consumes the dead-letter queue `{dead_letters}`: dead events would never reach the dead-letter store"),
                    format!("[[queues.consumers]] queue = \"{dead_letters}\" (this worker moves them into DELIVERY_STATE)"),
                ));
            }
        }
    }

    // Settings, as the worker reads them (secrets are not in the file: they count as unset).
    let var = |name: &str| match vars.get(name) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Integer(n)) => Some(n.to_string()),
        Some(Value::Boolean(b)) => Some(b.to_string()),
        _ => None,
    };
    match Settings::from_lookup(var) {
        Err(errors) => found.extend(errors.0.iter().map(|e| Finding::problem(e.to_string(), "fix it in [vars]"))),
        Ok(settings) => {
            if settings.sdk_app_id == EXAMPLE_APP_ID {
                let message = "SDKAPPID is the example 1400000000: your app's callbacks would be refused with 403";
                let fix = "SDKAPPID = your SDKAppID from the Chat console, in [vars]";
                found.push(if remote { Finding::problem(message, fix) } else { Finding::note(message, fix) });
            }
            match settings.origin_url.as_deref() {
                None => found.push(Finding::note(
                    "ORIGIN_URL is not set: after-send events and every other callback are not passed on",
                    "ORIGIN_URL = your callback server's https URL, in [vars]",
                )),
                Some(url) if is_loopback(url) && remote => found.push(Finding::problem(
                    format!("ORIGIN_URL {url} is a loopback address: a deployed worker cannot reach it, and every event would be retried for hours, then dead-lettered"),
                    "ORIGIN_URL = your callback server's public https URL",
                )),
                Some(_) => {}
            }
        }
    }
    found
}

/// Whether `url` points at this machine.
pub fn is_loopback(url: &str) -> bool {
    let host = url.split("://").nth(1).unwrap_or(url).split(['/', '?']).next().unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let name = if host.starts_with('[') {
        host.split(']').next().map(|h| format!("{h}]"))
    } else {
        host.split(':').next().map(str::to_owned)
    };
    matches!(name.as_deref(), Some("localhost" | "[::1]" | "0.0.0.0")) || name.is_some_and(|n| n.starts_with("127."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(found: &[Finding], severity: Severity) -> Vec<String> {
        found.iter().filter(|f| f.severity == severity).map(|f| f.message.clone()).collect()
    }

    #[test]
    fn the_projects_own_configuration_has_no_problem_locally() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../wrangler.toml"))
            .expect("wrangler.toml");
        let local = check_config(&text, false);
        assert_eq!(messages(&local, Severity::Problem), Vec::<String>::new());
        assert_eq!(
            messages(&local, Severity::Note),
            ["SDKAPPID is the example 1400000000: your app's callbacks would be refused with 403"]
        );
        // Deployed as it is, it would not work: the example app id, namespace ids, loopback origin.
        let remote = messages(&check_config(&text, true), Severity::Problem);
        assert_eq!(remote.len(), 3, "{remote:#?}");
    }

    #[test]
    fn every_seeded_misconfiguration_is_found_in_one_run() {
        let text = r#"
            name = "timgate"
            [vars]
            SDKAPPID = "1400000000"
            ORIGIN_URL = "origin.example.com"
            FAIL_MODE = "shut"
            [[kv_namespaces]]
            binding = "RULE"
            id = "abc"
            [[kv_namespaces]]
            binding = "DELIVERY_STATE"
            id = "def"
            [[queues.producers]]
            binding = "DELIVERY"
            queue = "timgate-delivery"
            [[queues.consumers]]
            queue = "timgate-delivery"
            dead_letter_queue = "timgate-dead-letters"
        "#;
        let problems = messages(&check_config(text, true), Severity::Problem);
        let expect = [
            "no KV namespace bound as RULES (`RULE` is bound",
            "nothing consumes the dead-letter queue `timgate-dead-letters`",
            "ORIGIN_URL must start with http:// or https://",
            "FAIL_MODE must be \"open\" or \"closed\", not \"shut\"",
        ];
        for e in expect {
            assert!(problems.iter().any(|p| p.starts_with(e)), "{e:?} not in {problems:#?}");
        }
        assert_eq!(problems.len(), expect.len(), "{problems:#?}");
        // With a usable ORIGIN_URL and FAIL_MODE, the example SDKAPPID and a loopback origin count.
        let fixed = text.replace("origin.example.com", "http://localhost:8788/x").replace("shut", "open");
        let problems = messages(&check_config(&fixed, true), Severity::Problem);
        assert!(problems.iter().any(|p| p.starts_with("SDKAPPID is the example")), "{problems:#?}");
        assert!(
            problems.iter().any(|p| p.starts_with("ORIGIN_URL http://localhost:8788/x is a loopback")),
            "{problems:#?}"
        );
    }

    #[test]
    fn loopback_urls() {
        for url in ["http://127.0.0.1:8788/x", "http://localhost/x", "https://[::1]:1/", "http://user@127.1.2.3"] {
            assert!(is_loopback(url), "{url}");
        }
        for url in ["https://origin.example.com/tencent", "http://127example.com/", "https://localhost.example.com"] {
            assert!(!is_loopback(url), "{url}");
        }
    }
}
