//! One callback, from request to answer: admission, body, route, log line.

use std::cell::{Cell, RefCell};

use worker::{console_error, console_log, Context, Env, Response};

use crate::edge::errors::EdgeError;
use crate::edge::incoming::Incoming;
use crate::edge::{
    admin, clock, delivery, env_settings, message_decision, metrics, origin, other_decision, request_body, responses,
};
use timgate_engine::admission::{self, Admitted};
use timgate_engine::answer;
use timgate_engine::command::Route;
use timgate_engine::decision::Verdict;
use timgate_engine::envelope::Envelope;
use timgate_engine::log_line::{CallbackLog, RoutineSample};
use timgate_engine::other_commands::OtherCommand;
use timgate_engine::settings::Settings;

/// Tencent waits 2 s; the origin gets 1.5 s of it for commands it decides.
const ASK_ORIGIN_TIMEOUT_MS: u64 = 1_500;

thread_local! {
    /// Whether this isolate has said, at error level, that it answers by FAIL_MODE.
    static FAIL_MODE_SAID: Cell<bool> = const { Cell::new(false) };
    /// Which of this isolate's routine callbacks get a log line (`LOG_ROUTINE_SAMPLE`).
    static ROUTINE_SAMPLE: RefCell<RoutineSample> = RefCell::new(RoutineSample::default());
}

/// Handles one request and writes its log line. Never fails: every error becomes an answer.
pub async fn handle(req: Incoming, env: Env, ctx: Context) -> Response {
    let started = clock::now_millis();
    let mut log = CallbackLog::new();
    let response = answer_request(req, &env, &ctx, &mut log).await;
    log.status = response.status_code();
    log.ms = clock::now_millis() - started;
    metrics::record(&env, &mut log);
    // Every callback is counted above; routine ones are logged as LOG_ROUTINE_SAMPLE says.
    if ROUTINE_SAMPLE.with(|sample| log.is_written(&mut sample.borrow_mut())) {
        console_log!("{}", log.to_json());
    }
    // Answering by FAIL_MODE means the gate is not checking: said loudly, once per isolate (each
    // such answer is also counted: the log line's and the metrics' basis `fail_mode`).
    if log.basis == Some("fail_mode") && !FAIL_MODE_SAID.with(|said| said.replace(true)) {
        let line = serde_json::json!({
            "event": "fail_mode",
            "level": "error",
            "message": "answering by FAIL_MODE: a callback could not be decided by its rules; see problems",
            "outcome": log.outcome,
            "problems": log.problems,
        });
        console_error!("{line}");
    }
    response
}

async fn answer_request(req: Incoming, env: &Env, ctx: &Context, log: &mut CallbackLog) -> Response {
    // The health report is answered whatever the settings: it is what says what is wrong.
    if req.method() == "GET" && req.path() == admin::HEALTH_PATH {
        log.outcome = "admin";
        return admin::health(&req, env);
    }
    let settings = match env_settings::settings(env) {
        Ok(settings) => settings,
        Err(e) => {
            log.outcome = "misconfigured";
            log.problems.push(e.to_string());
            return responses::misconfigured(&e.to_string());
        }
    };
    log.routine_per_million = settings.log_routine_per_million;
    if admin::is_admin_path(req.path()) {
        log.outcome = "admin";
        return admin::handle(&req, env, ctx, &settings).await;
    }
    let query = req.query().to_owned();
    let method = req.method();
    let admitted = match admission::admit(&settings, &method, &query, clock::now_seconds()) {
        Ok(admitted) => admitted,
        Err(rejection) => {
            log.outcome = "rejected";
            log.problems.push(rejection.error.to_owned());
            return responses::rejection(&rejection);
        }
    };
    log.command = Some(admitted.query.command.clone());
    let body = match request_body::read_limited(req).await {
        Ok(Some(body)) => body,
        Ok(None) => {
            log.outcome = "rejected";
            let too_large = admission::check_body_size(admission::MAX_BODY_BYTES + 1).err();
            return too_large.map_or_else(|| responses::misconfigured("body limit"), |r| responses::rejection(&r));
        }
        Err(e) => return failure(&settings, &admitted, log, e),
    };

    // A command besides messages that the global document's `scopes` turn on is decided here
    // (a notification is checked, then passed on as below).
    if let Some(command) = OtherCommand::from_name(&admitted.query.command) {
        if let Some(response) = other_decision::handle(env, ctx, &settings, &admitted, command, &body, log).await {
            return response;
        }
    }
    match admitted.route {
        Route::DecideMessage(conversation) => {
            match message_decision::decide(env, ctx, &settings, &admitted, conversation, &body, log).await {
                Ok(verdict) => {
                    log.outcome = verdict.name();
                    log.code = Some(error_code(&verdict));
                    responses::answer(answer::render(&verdict))
                }
                Err(rejection) => {
                    log.outcome = "rejected";
                    log.problems.push(rejection.error.to_owned());
                    responses::rejection(&rejection)
                }
            }
        }
        Route::ForwardMessage(_) | Route::Forward => {
            let envelope = Envelope::callback(&admitted.query.command, &query, &body, clock::now_seconds());
            log.event_id = Some(envelope.id.clone());
            match delivery::dispatch(env, ctx, &settings, envelope).await {
                Ok(dispatched) => {
                    log.outcome = dispatched.name();
                    responses::answer(answer::OK.to_owned())
                }
                // Not safely on its way: an error makes Tencent (with retries on) send it again.
                Err(e) => failure(&settings, &admitted, log, e),
            }
        }
        Route::AskOrigin => ask_origin(&settings, &admitted, &query, &body, log).await,
    }
}

/// A before-type command the origin decides: relay its answer, or fail open like Tencent.
async fn ask_origin(
    settings: &Settings,
    admitted: &Admitted,
    query: &str,
    body: &[u8],
    log: &mut CallbackLog,
) -> Response {
    let envelope = Envelope::callback(&admitted.query.command, query, body, clock::now_seconds());
    log.event_id = Some(envelope.id.clone());
    let reply = match settings.origin_url.as_deref() {
        Some(url) => origin::post(url, &envelope, &settings.forward_keys, ASK_ORIGIN_TIMEOUT_MS).await,
        None => Err(EdgeError::NoOrigin),
    };
    match reply {
        Ok(reply) if reply.status == 200 && is_tencent_answer(&reply.body) => {
            log.outcome = "proxied";
            responses::json(200, String::from_utf8_lossy(&reply.body).into_owned())
        }
        Ok(reply) => {
            log.outcome = "proxy_failed_open";
            log.problems.push(format!("origin answered HTTP {} without a Tencent answer", reply.status));
            responses::answer(answer::OK.to_owned())
        }
        Err(e) => {
            log.outcome = "proxy_failed_open";
            log.problems.push(e.to_string());
            responses::answer(answer::OK.to_owned())
        }
    }
}

/// The origin's answer is relayed only if it is a JSON object with a numeric `ErrorCode`.
fn is_tencent_answer(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body).is_ok_and(|v| v.get("ErrorCode").is_some_and(|c| c.is_u64()))
}

fn error_code(verdict: &Verdict) -> u32 {
    match verdict {
        Verdict::Deliver | Verdict::Modify(_) => 0,
        Verdict::Forbid { code, .. } => *code,
        Verdict::Discard => answer::DISCARD,
    }
}

/// The runtime failed us mid-request: before-send gets the fail mode, anything else HTTP 500
/// so that Tencent (where retries are enabled) sends it again rather than it being lost.
fn failure(settings: &Settings, admitted: &Admitted, log: &mut CallbackLog, error: EdgeError) -> Response {
    log.problems.push(error.to_string());
    match admitted.route {
        Route::DecideMessage(_) => {
            let verdict = timgate_engine::decision::undecidable(settings.fail_mode);
            log.outcome = verdict.name();
            log.basis = Some("fail_mode");
            responses::answer(answer::render(&verdict))
        }
        _ => {
            log.outcome = "error";
            responses::json(
                500,
                serde_json::json!({"error": "internal", "message": "could not read the request"}).to_string(),
            )
        }
    }
}
