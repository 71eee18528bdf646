//! The commands besides messages that the global document's `scopes` turn on
//! (`engine::other_commands`): group and topic creation, join requests and invitations, friend
//! requests, decided here; after-notifications with edited text, checked and reported. A command
//! whose scope is off (or whose scopes cannot be known: no global document, or one that cannot
//! be read) takes the route it had before `scopes` existed.

use std::rc::Rc;

use futures_util::future::{join, join_all};
use worker::{Context, Env, Response};

use crate::edge::bindings::RULES_KV;
use crate::edge::kv_cache::{Read, Source};
use crate::edge::message_decision::gate_context;
use crate::edge::{ban_cache, clock, delivery, event_nonce, responses, rule_cache};
use timgate_engine::admission::{self, Admitted};
use timgate_engine::decision::{self, Lookup};
use timgate_engine::kv_keys;
use timgate_engine::log_line::CallbackLog;
use timgate_engine::other_commands::{undecidable_answer, OtherCallback, OtherCommand, OtherInputs};
use timgate_engine::settings::{FailMode, Settings};

/// Decides `command` when its scope is on: `Some(answer)`. `None`: not in scope, or a
/// notification (checked, its review events sent); the caller passes it on as before.
pub async fn handle(
    env: &Env,
    ctx: &Context,
    settings: &Settings,
    admitted: &Admitted,
    command: OtherCommand,
    body: &[u8],
    log: &mut CallbackLog,
) -> Option<Response> {
    let kv = match env.kv(RULES_KV) {
        Ok(kv) => kv,
        Err(e) => {
            log.problems.push(format!("KV binding {RULES_KV}: {e}; scopes unknown, passed on"));
            return None;
        }
    };
    let source = Source { kv, max_age_seconds: settings.cache_seconds };
    let now = clock::now_millis();
    let global = rule_cache::read(&source, ctx, kv_keys::GLOBAL_RULES, now).await;
    let global_set = match &global.lookup {
        Lookup::Found(set) if command.is_on(set.set().scopes()) => Rc::clone(set),
        Lookup::Found(_) | Lookup::Absent => return None,
        Lookup::Unavailable => {
            log.problems.extend(global.problem.clone());
            // FAIL_MODE=closed refuses what it cannot check, as for messages; open passes it on.
            if command.decides() && settings.fail_mode == FailMode::Closed {
                log.problems.push("the global document could not be read: FAIL_MODE closed refuses".into());
                log.outcome = "block";
                log.basis = Some("fail_mode");
                return Some(responses::answer(undecidable_answer(command, settings.fail_mode)));
            }
            log.problems.push("the global document could not be read: scopes unknown, passed on".into());
            return None;
        }
    };
    let nonce = event_nonce::fresh();
    let context = gate_context(settings, &nonce, false);
    let callback = match OtherCallback::parse(command, body) {
        Ok(callback) => callback,
        Err(e) => {
            log.problems.push(e.to_string());
            if !command.decides() {
                return None;
            }
            // Not a verdict on anyone: the fail mode answers, in the command's shape.
            log.outcome = decision::undecidable(settings.fail_mode).name();
            log.basis = Some("fail_mode");
            return Some(responses::answer(undecidable_answer(command, settings.fail_mode)));
        }
    };
    if let Err(rejection) = admission::check_command_matches(&admitted.query.command, callback.body_command.as_deref())
    {
        log.outcome = "rejected";
        log.problems.push(rejection.error.to_owned());
        return Some(responses::rejection(&rejection));
    }
    log.group = callback.group_id.clone();
    log.sender = callback.actor.clone();
    let keys = callback.keys();
    let group_rules = async {
        match &keys.group_rules {
            Some(key) => rule_cache::read(&source, ctx, key, now).await,
            None => Read::absent(),
        }
    };
    let bans = join_all(keys.bans.iter().map(|key| ban_cache::read(&source, ctx, key, now)));
    let (group_rules, bans) = join(group_rules, bans).await;
    log.problems.extend(group_rules.problem.clone());
    let inputs = OtherInputs {
        global_rules: Lookup::Found(global_set.set()),
        group_rules: rule_cache::borrowed(&group_rules.lookup),
        bans: keys
            .bans
            .iter()
            .zip(bans)
            .map(|(key, read)| {
                log.problems.extend(read.problem);
                (key.clone(), read.lookup)
            })
            .collect(),
    };
    let outcome = callback.decide(&inputs, &context, body);
    log.rules.push(format!("global@{}", global_set.set().version()));
    if let Lookup::Found(set) = &group_rules.lookup {
        log.rules.push(format!("group@{}", set.set().version()));
    }
    log.matched = outcome.matched.clone();
    log.basis = Some(outcome.basis);
    log.problems.extend(outcome.problems.iter().cloned());
    for envelope in outcome.reviews {
        log.event_id.get_or_insert_with(|| envelope.id.clone());
        if let Err(e) = delivery::dispatch(env, ctx, settings, envelope).await {
            log.problems.push(format!("review event not queued: {e}"));
        }
    }
    if !command.decides() {
        return None;
    }
    log.outcome = outcome.outcome;
    log.code = Some(outcome.code);
    Some(responses::answer(outcome.answer))
}
