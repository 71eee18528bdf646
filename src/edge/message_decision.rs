//! Before-send callbacks: parse, read rules and bans (cached), decide, answer, report.

use std::rc::Rc;

use futures_util::future::join4;
use worker::{Context, Env};

use crate::edge::bindings::RULES_KV;
use crate::edge::clock;
use crate::edge::delivery;
use crate::edge::event_nonce;
use crate::edge::kv_cache::{Read, Source};
use crate::edge::{ban_cache, rule_cache};
use crate::engine::admission::{self, Admitted, Rejection};
use crate::engine::ban::BanRecord;
use crate::engine::callback::MessageCallback;
use crate::engine::command::Conversation;
use crate::engine::decision::{self, Decision, DecisionInput, Lookup, Verdict};
use crate::engine::kv_keys::DecisionKeys;
use crate::engine::log_line::CallbackLog;
use crate::engine::message_text::MessageText;
use crate::engine::review_event::{monitored_action, review_envelope};
use crate::engine::rule_document::Action;
use crate::engine::rule_set::RuleSet;
use crate::engine::settings::Settings;

/// Decides a before-send callback. `Err` is a refused request (HTTP error); every other
/// outcome, including failures, is a verdict.
pub async fn decide(
    env: &Env,
    ctx: &Context,
    settings: &Settings,
    admitted: &Admitted,
    conversation: Conversation,
    body: &[u8],
    log: &mut CallbackLog,
) -> Result<Verdict, Rejection> {
    let callback = match MessageCallback::parse(body) {
        Ok(callback) => callback,
        Err(e) => {
            // A body we cannot read is not a verdict on the message: the fail mode answers.
            log.problems.push(e.to_string());
            log.basis = Some("fail_mode");
            return Ok(decision::undecidable(settings.fail_mode));
        }
    };
    admission::check_command_matches(&admitted.query.command, callback.command.as_deref())?;
    log.group = callback.group_id.clone();
    let text = MessageText::collect(&callback.msg_body, callback.cloud_custom_data.as_deref());
    for location in text.unread() {
        log.problems.push(format!("{location} could not be read (nested too deeply)"));
    }
    if settings.log_message_text {
        log.text = Some(text.segments.iter().map(|s| s.text.clone()).collect());
    }

    let kv = match env.kv(RULES_KV) {
        Ok(kv) => kv,
        Err(e) => {
            log.problems.push(format!("KV binding {RULES_KV}: {e}"));
            log.basis = Some("fail_mode");
            return Ok(decision::undecidable(settings.fail_mode));
        }
    };
    let source = Source { kv, max_age_seconds: settings.cache_seconds };
    let inputs = read_inputs(&source, ctx, conversation, &callback).await;
    for problem in inputs.problems() {
        log.problems.push(problem);
    }

    let decision = decision::decide(&DecisionInput {
        conversation,
        message: &text,
        global_rules: as_ref(&inputs.global_rules.lookup),
        group_rules: as_ref(&inputs.group_rules.lookup),
        global_ban: inputs.global_ban.lookup.clone(),
        group_ban: inputs.group_ban.lookup.clone(),
        now_seconds: clock::now_seconds(),
        fail_mode: settings.fail_mode,
    });
    describe(&decision, &inputs, log);
    if decision.wants_review() {
        let envelope = review_envelope(
            &settings.sdk_app_id,
            &admitted.query.command,
            &callback,
            body,
            &decision,
            clock::now_seconds(),
            &event_nonce::fresh(),
        );
        log.event_id = Some(envelope.id.clone());
        // The verdict does not wait on the origin; a review event that cannot be queued is logged.
        if let Err(e) = delivery::dispatch(env, ctx, settings, envelope).await {
            log.problems.push(format!("review event not queued: {e}"));
        }
    }
    Ok(decision.verdict)
}

struct Inputs {
    global_rules: Read<Rc<RuleSet>>,
    group_rules: Read<Rc<RuleSet>>,
    global_ban: Read<BanRecord>,
    group_ban: Read<BanRecord>,
}

impl Inputs {
    fn problems(&self) -> Vec<String> {
        [&self.global_rules.problem, &self.group_rules.problem, &self.global_ban.problem, &self.group_ban.problem]
            .into_iter()
            .flatten()
            .cloned()
            .collect()
    }
}

/// Reads the four inputs concurrently; group inputs exist only for group messages with a GroupId.
async fn read_inputs(source: &Source, ctx: &Context, conversation: Conversation, callback: &MessageCallback) -> Inputs {
    let now = clock::now_millis();
    let keys = DecisionKeys::for_message(conversation, callback.group_id.as_deref(), callback.from_account.as_deref());
    let global_rules = rule_cache::read(source, ctx, keys.global_rules, now);
    let group_rules = async {
        match &keys.group_rules {
            Some(key) => rule_cache::read(source, ctx, key, now).await,
            None => absent(),
        }
    };
    let global_ban = async {
        match &keys.global_ban {
            Some(key) => ban_cache::read(source, ctx, key, now).await,
            None => absent(),
        }
    };
    let group_ban = async {
        match &keys.group_ban {
            Some(key) => ban_cache::read(source, ctx, key, now).await,
            None => absent(),
        }
    };
    let (global_rules, group_rules, global_ban, group_ban) =
        join4(global_rules, group_rules, global_ban, group_ban).await;
    Inputs { global_rules, group_rules, global_ban, group_ban }
}

fn absent<T>() -> Read<T> {
    Read { lookup: Lookup::Absent, problem: None }
}

fn as_ref(lookup: &Lookup<Rc<RuleSet>>) -> Lookup<&RuleSet> {
    match lookup {
        Lookup::Found(set) => Lookup::Found(set.as_ref()),
        Lookup::Absent => Lookup::Absent,
        Lookup::Unavailable => Lookup::Unavailable,
    }
}

fn describe(decision: &Decision, inputs: &Inputs, log: &mut CallbackLog) {
    log.basis = Some(decision.basis.name());
    log.would_be = monitored_action(&decision.hits).map(Action::name);
    log.matched = decision
        .hits
        .iter()
        .map(|h| {
            format!("{}/{}{}:{}", h.scope.name(), h.action.name(), if h.enforced { "" } else { "(monitor)" }, h.term)
        })
        .collect();
    for (scope, read) in [("global", &inputs.global_rules), ("group", &inputs.group_rules)] {
        if let Lookup::Found(set) = &read.lookup {
            log.rules.push(format!("{scope}@{}", set.version()));
        }
    }
}
