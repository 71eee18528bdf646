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

    // A secret written into [vars] is in the repository and in every deploy log.
    for (name, _) in SECRETS {
        if vars.contains_key(*name) {
            found.push(Finding::problem(
                format!("{name} is in [vars] of wrangler.toml: a secret there is in your repository and readable in the dashboard"),
                format!("delete it from [vars]; npx wrangler secret put {name}"),
            ));
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

/// The secrets the worker reads, and what a deployment without each one lacks.
pub const SECRETS: &[(&str, &str)] = &[
    ("FORWARD_SECRET", "what goes to the origin is not signed: the origin cannot tell it from a forgery"),
    ("ADMIN_TOKEN", "the operator endpoints (/__timgate/health, dead letters) answer 404: dead letters cannot be seen or replayed"),
    ("CALLBACK_TOKEN", "Tencent's Sign/RequestTime are not checked: anyone who knows the URL can post callbacks, and their after-events reach the origin"),
];

/// Findings about the deployed worker's secrets, from the names `wrangler secret list --format
/// json` printed (`[{"name": "...", "type": "secret_text"}]`): FORWARD_SECRET and ADMIN_TOKEN
/// missing are problems; CALLBACK_TOKEN missing is a note (it needs callback authentication
/// turned on in the Chat console as well).
pub fn check_secrets(listed: &str) -> Vec<Finding> {
    // wrangler may print a banner line before the list.
    let names: Option<Vec<String>> = crate::wrangler_kv::first_json(listed, '[').and_then(|v| {
        v.as_array().map(|items| {
            items.iter().filter_map(|i| i.get("name").and_then(serde_json::Value::as_str).map(str::to_owned)).collect()
        })
    });
    let Some(names) = names else {
        return vec![Finding::problem(
            "the deployed worker's secrets could not be listed (`wrangler secret list` printed no JSON list)",
            "npx wrangler secret list: deploy the worker first, and check the login",
        )];
    };
    SECRETS
        .iter()
        .filter(|(name, _)| !names.iter().any(|n| n == name))
        .map(|(name, lacks)| {
            let message = format!("secret {name} is not set: {lacks}");
            let fix = format!("npx wrangler secret put {name}");
            if *name == "CALLBACK_TOKEN" {
                Finding::note(message, format!("{fix} (the token of the Chat console's callback authentication)"))
            } else {
                Finding::problem(message, fix)
            }
        })
        .collect()
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
    fn secrets_missing_from_the_deployment_or_written_into_vars() {
        let listed = r#"[{"name": "ADMIN_TOKEN", "type": "secret_text"}]"#;
        let found = check_secrets(listed);
        assert_eq!(
            messages(&found, Severity::Problem),
            ["secret FORWARD_SECRET is not set: what goes to the origin is not signed: the origin cannot tell it from a forgery"]
        );
        assert_eq!(messages(&found, Severity::Note).len(), 1);
        assert!(messages(&found, Severity::Note)[0].starts_with("secret CALLBACK_TOKEN is not set"));
        let all = "⛅️ wrangler 4.86.0\n[{\"name\":\"ADMIN_TOKEN\"},{\"name\":\"FORWARD_SECRET\"},{\"name\":\"CALLBACK_TOKEN\"}]";
        assert!(check_secrets(all).is_empty());
        assert_eq!(check_secrets("Not logged in").len(), 1);

        let config = include_str!("../../../wrangler.toml")
            .replace("[vars]\n", "[vars]\nFORWARD_SECRET = \"whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD\"\n");
        let found = check_config(&config, false);
        assert!(
            messages(&found, Severity::Problem)
                .iter()
                .any(|m| m.starts_with("FORWARD_SECRET is in [vars] of wrangler.toml")),
            "{found:?}"
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
