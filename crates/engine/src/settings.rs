//! Deployment settings (`wrangler.toml` `[vars]` and secrets), parsed once per request
//! from whatever the host hands us. Names and meanings are the public contract.

use std::fmt;

use crate::delivery_policy::Schedule;
use crate::webhook_signature::{SecretError, SigningKey};

/// Names of the settings, as operators write them in `wrangler.toml` or `wrangler secret put`.
pub mod names {
    /// The app's SDKAppID.
    pub const SDKAPPID: &str = "SDKAPPID";
    /// Tencent callback token; enables `Sign`/`RequestTime` checks.
    pub const CALLBACK_TOKEN: &str = "CALLBACK_TOKEN";
    /// Where events are passed on.
    pub const ORIGIN_URL: &str = "ORIGIN_URL";
    /// Standard Webhooks signing secret(s) for what goes to the origin.
    pub const FORWARD_SECRET: &str = "FORWARD_SECRET";
    /// `open` (default) or `closed`.
    pub const FAIL_MODE: &str = "FAIL_MODE";
    /// Set to `true` to include message text in log lines (never in production).
    pub const LOG_MESSAGE_TEXT: &str = "LOG_MESSAGE_TEXT";
    /// Share of routine callbacks (allowed with nothing found, passed on, relayed: see
    /// [`crate::log_line::CallbackLog::is_routine`]) that get a log line: `0` to `1`, default `1`.
    pub const LOG_ROUTINE_SAMPLE: &str = "LOG_ROUTINE_SAMPLE";
    /// Ceiling of the first retry delay of a failed delivery, seconds (full jitter below it).
    pub const RETRY_DELAY_SECONDS: &str = "RETRY_DELAY_SECONDS";
    /// Largest retry delay ceiling, seconds.
    pub const RETRY_DELAY_MAX_SECONDS: &str = "RETRY_DELAY_MAX_SECONDS";
    /// Delivery attempts of an event before it goes to the dead-letter store.
    pub const DELIVERY_ATTEMPTS: &str = "DELIVERY_ATTEMPTS";
    /// Delivery queues the events are spread over (`DELIVERY`, `DELIVERY_1`, ...); default 1.
    pub const DELIVERY_SHARDS: &str = "DELIVERY_SHARDS";
    /// Window in which the same event from Tencent is passed on once; 0 turns dedupe off.
    pub const DEDUPE_SECONDS: &str = "DEDUPE_SECONDS";
    /// `single` (default): one request per event. `batch`: one request per queue batch.
    pub const DELIVERY_MODE: &str = "DELIVERY_MODE";
    /// Name of the dead-letter queue, so the consumer knows which batches are dead letters.
    pub const DEAD_LETTER_QUEUE: &str = "DEAD_LETTER_QUEUE";
    /// [`DEAD_LETTER_QUEUE`]'s value when it is not set.
    pub const DEFAULT_DEAD_LETTER_QUEUE: &str = "timgate-dead-letters";
    /// Bearer token(s) of the operator endpoints (`/__timgate/...`); several, space-separated,
    /// during a rotation; unset = no such endpoints.
    pub const ADMIN_TOKEN: &str = "ADMIN_TOKEN";
    /// Seconds a cached rule document or ban is used before it is read again.
    pub const CACHE_SECONDS: &str = "CACHE_SECONDS";
}

/// The most delivery queues `DELIVERY_SHARDS` may name.
pub const MAX_DELIVERY_SHARDS: u32 = 64;

/// KV refuses expirations shorter than this.
const KV_MIN_TTL_SECONDS: u32 = 60;

/// What the before-send answer is when timgate cannot decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailMode {
    /// Deliver (`ErrorCode 0`), as Tencent itself does when a callback fails.
    #[default]
    Open,
    /// Forbid (`ErrorCode 1`).
    Closed,
}

/// A secret token (Tencent callback token, admin token). `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct CallbackToken(String);

impl CallbackToken {
    /// The token's text, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for CallbackToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CallbackToken(<redacted>)")
    }
}

/// A setting that is present but unusable. The worker answers HTTP 500 for these,
/// because guessing would either open or close the gate behind the operator's back.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SettingsError {
    /// `SDKAPPID` is missing or empty.
    #[error("SDKAPPID is not set")]
    MissingAppId,
    /// `FAIL_MODE` is neither `open` nor `closed`.
    #[error("FAIL_MODE must be \"open\" or \"closed\", not {0:?}")]
    BadFailMode(String),
    /// `ORIGIN_URL` is not an http(s) URL.
    #[error("ORIGIN_URL must start with http:// or https://")]
    BadOriginUrl,
    /// `FORWARD_SECRET` cannot be decoded.
    #[error("FORWARD_SECRET: {0}")]
    BadForwardSecret(#[from] SecretError),
    /// A numeric setting is not a whole number of seconds.
    #[error("{0} must be a whole number of seconds")]
    BadNumber(&'static str),
    /// `LOG_ROUTINE_SAMPLE` is not a number from 0 to 1.
    #[error("LOG_ROUTINE_SAMPLE must be a number from 0 to 1")]
    BadSample,
    /// `DELIVERY_MODE` is neither `single` nor `batch`.
    #[error("DELIVERY_MODE must be \"single\" or \"batch\", not {0:?}")]
    BadDeliveryMode(String),
}

/// `result`'s value, or `fallback` with its error noted.
fn noted<T>(errors: &mut Vec<SettingsError>, result: Result<T, SettingsError>, fallback: T) -> T {
    result.unwrap_or_else(|e| {
        errors.push(e);
        fallback
    })
}

/// Every unusable setting of a worker, in the order they are read.
#[derive(Debug, PartialEq, Eq)]
pub struct SettingsErrors(pub Vec<SettingsError>);

impl fmt::Display for SettingsErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, e) in self.0.iter().enumerate() {
            if n > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SettingsErrors {}

/// How events travel to the origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliverySettings {
    /// The retry schedule.
    pub schedule: Schedule,
    /// Delivery queues (shards) in use, 1 to [`MAX_DELIVERY_SHARDS`].
    pub shards: u32,
    /// Dedupe window in seconds (0 = off; otherwise at least KV's minimum of 60).
    pub dedupe_seconds: u32,
    /// Post a whole queue batch as one JSON array.
    pub batch: bool,
    /// Name of the dead-letter queue.
    pub dead_letter_queue: String,
}

/// All settings, validated.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The app's SDKAppID, compared with the `SdkAppid` query parameter.
    pub sdk_app_id: String,
    /// Accepted callback tokens. Several (whitespace-separated) during a rotation; empty = no checks.
    pub callback_tokens: Vec<CallbackToken>,
    /// Where events are passed on; `None` = nowhere (logged, events are not kept).
    pub origin_url: Option<String>,
    /// Keys that sign what goes to the origin; several during a rotation.
    pub forward_keys: Vec<SigningKey>,
    /// The before-send answer when timgate cannot decide.
    pub fail_mode: FailMode,
    /// Whether log lines may carry message text.
    pub log_message_text: bool,
    /// Routine callbacks logged per million (`LOG_ROUTINE_SAMPLE` × 10⁶; default all).
    pub log_routine_per_million: u32,
    /// How events travel to the origin.
    pub delivery: DeliverySettings,
    /// Seconds a cached rule document or ban lookup is used before it is read again
    /// (default 30; 0 reads KV on every callback, for tests).
    pub cache_seconds: f64,
    /// Bearer token(s) of the operator endpoints, as set (whitespace-separated during a rotation).
    pub admin_token: Option<CallbackToken>,
}

impl Settings {
    /// Reads every setting through `lookup` (the worker passes `env.var`/`env.secret`). Every
    /// unusable setting is reported, not only the first: an operator fixes them in one go.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsErrors> {
        let get = |name: &str| lookup(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let mut errors = Vec::new();
        let sdk_app_id = noted(&mut errors, get(names::SDKAPPID).ok_or(SettingsError::MissingAppId), String::new());
        let callback_tokens = get(names::CALLBACK_TOKEN)
            .map(|v| v.split_whitespace().map(|t| CallbackToken(t.to_owned())).collect())
            .unwrap_or_default();
        let origin_url = noted(
            &mut errors,
            match get(names::ORIGIN_URL) {
                Some(url) if url.starts_with("http://") || url.starts_with("https://") => Ok(Some(url)),
                Some(_) => Err(SettingsError::BadOriginUrl),
                None => Ok(None),
            },
            None,
        );
        let forward_keys = noted(
            &mut errors,
            match get(names::FORWARD_SECRET) {
                Some(v) => v
                    .split_whitespace()
                    .map(SigningKey::from_secret)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(SettingsError::from),
                None => Ok(Vec::new()),
            },
            Vec::new(),
        );
        let fail_mode = noted(
            &mut errors,
            match get(names::FAIL_MODE).map(|v| v.to_ascii_lowercase()) {
                None => Ok(FailMode::Open),
                Some(v) if v == "open" => Ok(FailMode::Open),
                Some(v) if v == "closed" => Ok(FailMode::Closed),
                Some(v) => Err(SettingsError::BadFailMode(v)),
            },
            FailMode::Open,
        );
        let log_message_text = get(names::LOG_MESSAGE_TEXT).is_some_and(|v| v == "true");
        let log_routine_per_million = noted(
            &mut errors,
            match get(names::LOG_ROUTINE_SAMPLE) {
                None => Ok(PER_MILLION),
                Some(v) => per_million(&v).ok_or(SettingsError::BadSample),
            },
            PER_MILLION,
        );
        let seconds = |name: &'static str, default: u32| match get(name) {
            None => Ok(default),
            Some(v) => v.parse::<u32>().map_err(|_| SettingsError::BadNumber(name)),
        };
        let defaults = Schedule::default();
        let schedule = Schedule {
            base_seconds: noted(&mut errors, seconds(names::RETRY_DELAY_SECONDS, defaults.base_seconds), 0),
            cap_seconds: noted(&mut errors, seconds(names::RETRY_DELAY_MAX_SECONDS, defaults.cap_seconds), 0),
            max_attempts: noted(
                &mut errors,
                seconds(names::DELIVERY_ATTEMPTS, defaults.max_attempts).and_then(|n| {
                    if n >= 1 {
                        Ok(n)
                    } else {
                        Err(SettingsError::BadNumber(names::DELIVERY_ATTEMPTS))
                    }
                }),
                1,
            ),
        };
        let shards = noted(
            &mut errors,
            seconds(names::DELIVERY_SHARDS, 1).and_then(|n| {
                if (1..=MAX_DELIVERY_SHARDS).contains(&n) {
                    Ok(n)
                } else {
                    Err(SettingsError::BadNumber(names::DELIVERY_SHARDS))
                }
            }),
            1,
        );
        let dedupe_seconds = match noted(&mut errors, seconds(names::DEDUPE_SECONDS, 600), 0) {
            0 => 0,
            n => n.max(KV_MIN_TTL_SECONDS),
        };
        let batch = noted(
            &mut errors,
            match get(names::DELIVERY_MODE).map(|v| v.to_ascii_lowercase()) {
                None => Ok(false),
                Some(v) if v == "single" => Ok(false),
                Some(v) if v == "batch" => Ok(true),
                Some(v) => Err(SettingsError::BadDeliveryMode(v)),
            },
            false,
        );
        let dead_letter_queue =
            get(names::DEAD_LETTER_QUEUE).unwrap_or_else(|| names::DEFAULT_DEAD_LETTER_QUEUE.to_owned());
        let delivery = DeliverySettings { schedule, shards, dedupe_seconds, batch, dead_letter_queue };
        let admin_token = get(names::ADMIN_TOKEN).map(CallbackToken);
        let cache_seconds = noted(
            &mut errors,
            match get(names::CACHE_SECONDS) {
                None => Ok(30.0),
                Some(v) => v
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .ok_or(SettingsError::BadNumber(names::CACHE_SECONDS)),
            },
            0.0,
        );
        if !errors.is_empty() {
            return Err(SettingsErrors(errors));
        }
        Ok(Self {
            sdk_app_id,
            cache_seconds,
            callback_tokens,
            origin_url,
            forward_keys,
            fail_mode,
            log_message_text,
            log_routine_per_million,
            delivery,
            admin_token,
        })
    }
}

/// One million: `LOG_ROUTINE_SAMPLE=1`.
pub const PER_MILLION: u32 = 1_000_000;

/// A share from 0 to 1 (`0.01`, `1`, `0`) in parts per million, rounded to the nearest; `None`
/// for anything else (a percentage, a negative number, `NaN`).
fn per_million(value: &str) -> Option<u32> {
    let share = value.parse::<f64>().ok().filter(|s| (0.0..=1.0).contains(s))?;
    // In range by the filter: 0 ..= 1e6 fits a u32 exactly.
    Some((share * f64::from(PER_MILLION)).round() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The settings, or the first thing wrong with them.
    fn settings(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        all_problems(pairs).map_err(|e| e.0.into_iter().next().expect("an error names a setting"))
    }

    fn all_problems(pairs: &[(&str, &str)]) -> Result<Settings, SettingsErrors> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn every_bad_setting_is_reported_at_once() {
        let errors = all_problems(&[("ORIGIN_URL", "origin.example"), ("FAIL_MODE", "shut"), ("CACHE_SECONDS", "-1")])
            .expect_err("three problems");
        assert_eq!(
            errors.0,
            [
                SettingsError::MissingAppId,
                SettingsError::BadOriginUrl,
                SettingsError::BadFailMode("shut".into()),
                SettingsError::BadNumber("CACHE_SECONDS"),
            ]
        );
        assert_eq!(
            errors.to_string(),
            "SDKAPPID is not set; ORIGIN_URL must start with http:// or https://; FAIL_MODE must be \"open\" or \"closed\", not \"shut\"; CACHE_SECONDS must be a whole number of seconds"
        );
    }

    #[test]
    fn log_routine_sample_is_a_share_from_0_to_1() {
        let sample =
            |v: &str| settings(&[("SDKAPPID", "1"), ("LOG_ROUTINE_SAMPLE", v)]).map(|s| s.log_routine_per_million);
        assert_eq!(settings(&[("SDKAPPID", "1")]).unwrap().log_routine_per_million, PER_MILLION);
        assert_eq!(sample("1"), Ok(PER_MILLION));
        assert_eq!(sample("0"), Ok(0));
        assert_eq!(sample(" 0.01 "), Ok(10_000));
        assert_eq!(sample("0.0000004"), Ok(0));
        assert_eq!(sample("1e-3"), Ok(1_000));
        for bad in ["2", "-0.5", "50%", "NaN", "inf", "half"] {
            assert_eq!(sample(bad), Err(SettingsError::BadSample), "{bad}");
        }
    }

    #[test]
    fn defaults_are_fail_open_without_checks() {
        let s = settings(&[("SDKAPPID", "1400000000")]).unwrap();
        assert_eq!(s.sdk_app_id, "1400000000");
        assert_eq!(s.fail_mode, FailMode::Open);
        assert!(s.callback_tokens.is_empty());
        assert!(s.forward_keys.is_empty());
        assert!(s.origin_url.is_none());
    }

    #[test]
    fn missing_or_blank_app_id_is_an_error() {
        assert_eq!(settings(&[]).unwrap_err(), SettingsError::MissingAppId);
        assert_eq!(settings(&[("SDKAPPID", "  ")]).unwrap_err(), SettingsError::MissingAppId);
    }

    #[test]
    fn fail_mode_is_case_insensitive_and_strict() {
        let s = settings(&[("SDKAPPID", "1"), ("FAIL_MODE", "Closed")]).unwrap();
        assert_eq!(s.fail_mode, FailMode::Closed);
        assert!(matches!(settings(&[("SDKAPPID", "1"), ("FAIL_MODE", "shut")]), Err(SettingsError::BadFailMode(_))));
    }

    #[test]
    fn tokens_and_secrets_rotate_as_whitespace_separated_lists() {
        let s = settings(&[
            ("SDKAPPID", "1"),
            ("CALLBACK_TOKEN", "old new"),
            ("FORWARD_SECRET", "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
        ])
        .unwrap();
        assert_eq!(s.callback_tokens.len(), 2);
        assert_eq!(s.forward_keys.len(), 2);
    }

    #[test]
    fn delivery_settings() {
        let s = settings(&[("SDKAPPID", "1")]).unwrap();
        assert_eq!(s.delivery.dedupe_seconds, 600);
        assert!(!s.delivery.batch);
        assert_eq!(s.delivery.dead_letter_queue, "timgate-dead-letters");
        let s = settings(&[
            ("SDKAPPID", "1"),
            ("DEDUPE_SECONDS", "5"),
            ("DELIVERY_MODE", "batch"),
            ("RETRY_DELAY_SECONDS", "0"),
            ("ADMIN_TOKEN", "t"),
        ])
        .unwrap();
        assert_eq!(s.delivery.dedupe_seconds, 60, "KV cannot expire sooner");
        assert!(s.delivery.batch);
        assert_eq!(s.delivery.schedule.base_seconds, 0);
        assert!(s.admin_token.is_some());
        assert_eq!(settings(&[("SDKAPPID", "1"), ("DEDUPE_SECONDS", "0")]).unwrap().delivery.dedupe_seconds, 0);
        assert_eq!(
            settings(&[("SDKAPPID", "1"), ("RETRY_DELAY_SECONDS", "-1")]).unwrap_err(),
            SettingsError::BadNumber("RETRY_DELAY_SECONDS")
        );
        assert!(matches!(
            settings(&[("SDKAPPID", "1"), ("DELIVERY_MODE", "x")]),
            Err(SettingsError::BadDeliveryMode(_))
        ));
        let d = settings(&[("SDKAPPID", "1")]).unwrap().delivery;
        assert_eq!((d.shards, d.schedule), (1, Schedule::default()));
        let d = settings(&[("SDKAPPID", "1"), ("DELIVERY_SHARDS", "4"), ("DELIVERY_ATTEMPTS", "7")]).unwrap().delivery;
        assert_eq!((d.shards, d.schedule.max_attempts), (4, 7));
        for (name, bad) in [
            ("DELIVERY_SHARDS", "0"),
            ("DELIVERY_SHARDS", "65"),
            ("DELIVERY_SHARDS", "two"),
            ("DELIVERY_ATTEMPTS", "0"),
        ] {
            assert_eq!(
                settings(&[("SDKAPPID", "1"), (name, bad)]).unwrap_err(),
                SettingsError::BadNumber(name),
                "{name}={bad}"
            );
        }
    }

    #[test]
    fn origin_must_be_http() {
        assert_eq!(settings(&[("SDKAPPID", "1"), ("ORIGIN_URL", "ftp://x")]).unwrap_err(), SettingsError::BadOriginUrl);
    }

    #[test]
    fn debug_never_prints_a_token() {
        let s = settings(&[("SDKAPPID", "1"), ("CALLBACK_TOKEN", "hunter2")]).unwrap();
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
