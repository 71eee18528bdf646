//! Before-send callbacks: parse, read rules and bans (cached), decide, answer, report.

use std::rc::Rc;

use futures_util::future::join4;
use worker::{Context, Env};

use crate::edge::bindings::RULES_KV;
use crate::edge::clock;
use crate::edge::delivery;
use crate::edge::event_nonce;
use crate::edge::group_state;
use crate::edge::kv_cache::{Read, Source};
use crate::edge::rule_cache::Compiled;
use crate::edge::verdict_log;
use crate::edge::{ban_cache, rule_cache};
use timgate_engine::admission::{Admitted, Rejection};
use timgate_engine::ban::BanRecord;
use timgate_engine::command::Conversation;
use timgate_engine::decision::{self, Check, Decision, Lookup, Verdict};
use timgate_engine::gate;
use timgate_engine::kv_keys::{self, DecisionKeys};
use timgate_engine::log_line::CallbackLog;
use timgate_engine::recent_verdicts::RecentVerdict;
use timgate_engine::review_event;
use timgate_engine::review_event::monitored_action;
use timgate_engine::rule_document::Action;
use timgate_engine::settings::Settings;

/// Decides a before-send callback through the engine's one entry point (`engine::gate`).
/// `Err` is a refused request (HTTP error); every other outcome, including failures, is a verdict.
pub async fn decide(
    env: &Env,
    ctx: &Context,
    settings: &Settings,
    admitted: &Admitted,
    conversation: Conversation,
    body: &[u8],
    log: &mut CallbackLog,
) -> Result<Verdict, Rejection> {
    let request = gate::Request { command: &admitted.query.command, conversation, body };
    let pending = gate::read(request)?;
    let nonce = event_nonce::fresh();
    let context = gate_context(settings, &nonce, settings.log_message_text);
    let Some(callback) = pending.callback() else {
        // Unreadable: the fail mode answers, without reading KV.
        let outcome = pending.decide(&gate::Inputs::none(), &context);
        log.problems.extend(outcome.problems);
        log.basis = Some("fail_mode");
        return Ok(outcome.verdict);
    };
    log.group = callback.group_id.clone();
    log.sender = callback.from_account.clone();
    log.peer = callback.to_account.clone();
    let kv = match env.kv(RULES_KV) {
        Ok(kv) => kv,
        Err(e) => {
            log.problems.push(format!("KV binding {RULES_KV}: {e}"));
            log.basis = Some("fail_mode");
            return Ok(decision::undecidable(settings.fail_mode));
        }
    };
    let source = Source { kv, max_age_seconds: settings.cache_seconds };
    let read = read_inputs(&source, ctx, &pending.keys()).await;
    for problem in read.problems() {
        log.problems.push(problem);
    }
    let inputs = gate::Inputs {
        global_rules: rule_cache::borrowed(&read.global_rules.lookup),
        group_rules: rule_cache::borrowed(&read.group_rules.lookup),
        global_ban: read.global_ban.lookup.clone(),
        group_ban: read.group_ban.lookup.clone(),
        rest_api: admitted.query.platform.as_deref() == Some("RESTAPI"),
    };
    let mut outcome = pending.decide(&inputs, &context);
    if pending.needs_behaviour_state(&inputs, &outcome) {
        outcome = sender_behaviour(env, ctx, settings, &pending, &inputs, &context, outcome, &source, log).await;
    }
    if settings.log_message_text {
        log.text = Some(outcome.text.iter().map(|(_, text)| text.clone()).collect());
    }
    if let Some(decision) = &outcome.decision {
        describe(decision, &read, log);
        let at = clock::now_millis() as u64;
        let entry =
            RecentVerdict::of(decision, &admitted.query.command, log.group.as_deref(), log.sender.as_deref(), at);
        if let Some(entry) = entry {
            verdict_log::append(env, ctx, entry);
        }
    }
    if let Some(envelope) = outcome.review {
        log.event_id = Some(envelope.id.clone());
        // The verdict does not wait on the origin; a review event that cannot be queued is logged.
        if let Err(e) = delivery::dispatch(env, ctx, settings, envelope).await {
            log.problems.push(format!("review event not queued: {e}"));
        }
    }
    Ok(outcome.verdict)
}

/// Asks the group's `GROUP_STATE` object about the message (one round trip) and adds what it
/// found; a mute it reports is written as a ban record and sent to the origin as an `auto_mute`
/// review event. When the object cannot answer in time, `FAIL_MODE` decides these checks alone.
#[allow(clippy::too_many_arguments)]
async fn sender_behaviour(
    env: &Env,
    ctx: &Context,
    settings: &Settings,
    pending: &gate::Pending<'_>,
    inputs: &gate::Inputs<'_>,
    context: &gate::Context<'_>,
    outcome: gate::Outcome,
    source: &Source,
    log: &mut CallbackLog,
) -> gate::Outcome {
    let Some(callback) = pending.callback() else { return outcome };
    let Some(sender) = callback.from_account.clone() else { return outcome };
    let mut rules = inputs.behaviour();
    let (enforced, strikes_enforced) = inputs.behaviour_enforced();
    if !strikes_enforced {
        // A monitor-mode document's `strikes` mute nobody: not counted.
        rules.strikes = None;
    }
    // The object needs the windows, not who is exempt (decided here, before the call).
    rules.exempt = None;
    let group_id = match pending.conversation() {
        Conversation::Group => callback.group_id.clone(),
        _ => None,
    };
    let request = group_state::RecordRequest {
        sender: sender.clone(),
        fingerprint: if rules.repeat.is_some() { pending.fingerprint() } else { None },
        strike: gate::Pending::is_strike(&outcome),
        enforced,
        rules,
    };
    let name = group_state::object_name(group_id.as_deref(), &sender);
    let tally = match group_state::record(env, &name, &request).await {
        Ok(tally) => tally,
        Err(e) => {
            log.problems.push(format!("{}: {e}; FAIL_MODE decides flood, slow mode and repeat", group_state::BINDING));
            log.behaviour = Some("unavailable");
            return pending.with_behaviour(outcome, inputs, context, gate::BehaviourState::Unavailable);
        }
    };
    log.behaviour = Some("checked");
    if let (Some(until), Some(strikes)) = (tally.mute_until, request.rules.strikes.as_ref()) {
        let key = match &group_id {
            Some(group) => kv_keys::group_ban(group, &sender),
            None => kv_keys::global_ban(&sender),
        };
        let record = BanRecord {
            until: Some(until),
            reason: strikes.info.clone(),
            code: strikes.code,
            by: Some("strikes".to_owned()),
        };
        match write_ban(&source.kv, &key, &record, until).await {
            Ok(()) => {
                ban_cache::remember(&key, record.clone(), clock::now_millis());
                log.muted = Some(key.clone());
                let event = review_event::auto_mute_envelope(
                    &settings.sdk_app_id,
                    group_id.as_deref(),
                    &sender,
                    &key,
                    &record,
                    strikes.count,
                    clock::now_seconds(),
                );
                if let Err(e) = delivery::dispatch(env, ctx, settings, event).await {
                    log.problems.push(format!("auto_mute event not queued: {e}"));
                }
            }
            Err(e) => log.problems.push(format!("auto-mute ban {key} not written: {e}")),
        }
    }
    pending.with_behaviour(outcome, inputs, context, gate::BehaviourState::Tally(tally))
}

/// Writes a ban record that KV forgets a minute after it ends (KV's shortest expiry is 60 s).
async fn write_ban(kv: &worker::kv::KvStore, key: &str, record: &BanRecord, until: i64) -> Result<(), String> {
    let text = serde_json::to_string(record).map_err(|e| e.to_string())?;
    let put = kv.put(key, text).map_err(|e| e.to_string())?;
    let expires = u64::try_from(until.saturating_add(60)).unwrap_or(0);
    let put = if expires > 0 { put.expiration(expires) } else { put };
    put.execute().await.map_err(|e| e.to_string())
}

struct Inputs {
    global_rules: Read<Rc<Compiled>>,
    group_rules: Read<Rc<Compiled>>,
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
async fn read_inputs(source: &Source, ctx: &Context, keys: &DecisionKeys) -> Inputs {
    let now = clock::now_millis();
    let global_rules = rule_cache::read(source, ctx, keys.global_rules, now);
    let group_rules = async {
        match &keys.group_rules {
            Some(key) => rule_cache::read(source, ctx, key, now).await,
            None => Read::absent(),
        }
    };
    let global_ban = async {
        match &keys.global_ban {
            Some(key) => ban_cache::read(source, ctx, key, now).await,
            None => Read::absent(),
        }
    };
    let group_ban = async {
        match &keys.group_ban {
            Some(key) => ban_cache::read(source, ctx, key, now).await,
            None => Read::absent(),
        }
    };
    let (global_rules, group_rules, global_ban, group_ban) =
        join4(global_rules, group_rules, global_ban, group_ban).await;
    Inputs { global_rules, group_rules, global_ban, group_ban }
}

/// What a decision depends on besides its inputs: now, the fail mode, the app, a fresh nonce
/// for the review event's id.
pub fn gate_context<'a>(settings: &'a Settings, nonce: &'a str, with_text: bool) -> gate::Context<'a> {
    gate::Context {
        now_seconds: clock::now_seconds(),
        fail_mode: settings.fail_mode,
        sdk_app_id: &settings.sdk_app_id,
        event_nonce: nonce,
        with_text,
    }
}

fn describe(decision: &Decision, inputs: &Inputs, log: &mut CallbackLog) {
    log.basis = Some(decision.basis.name());
    log.would_be = monitored_action(&decision.hits).map(Action::name);
    log.matched = decision
        .hits
        .iter()
        .map(|h| {
            // A term is the operator's text; a link or a contact detail is the sender's, and the
            // log line holds no message text: only the check is named.
            let what = match h.check {
                Check::Term => h.term.as_str().into(),
                other => other.name(),
            };
            format!("{}/{}{}:{what}", h.scope.name(), h.action.name(), if h.enforced { "" } else { "(monitor)" })
        })
        .collect();
    for (scope, read) in [("global", &inputs.global_rules), ("group", &inputs.group_rules)] {
        if let Lookup::Found(set) = &read.lookup {
            log.rules.push(format!("{scope}@{}", set.set().version()));
        }
    }
}
