//! What to do with one delivery attempt's outcome: done, try again later, or give up into the
//! dead-letter store. The queue consumer carries this out; the policy itself is pure.

/// The outcome of one attempt to deliver an envelope to the origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempt {
    /// The origin answered with this HTTP status.
    Answered(u16),
    /// No answer: network error, timeout, or no origin configured.
    Failed(String),
}

/// What happens to the queue message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Delivered: acknowledge.
    Ack,
    /// Try again after this many seconds (the queue's `max_retries` caps the attempts; after
    /// the last one the message goes to the dead-letter queue).
    Retry {
        /// Delay before the next attempt.
        delay_seconds: u32,
        /// Why, for the log.
        reason: String,
    },
    /// The origin refused it for good (a 4xx other than 408/429): keep it in the dead-letter
    /// store for the operator instead of retrying something that cannot succeed.
    DeadLetter {
        /// Why, for the operator.
        reason: String,
    },
}

/// The one retry schedule, used by queued and direct delivery alike: attempt `n` failed, the
/// next comes after a delay drawn uniformly from `0..=min(cap, base × 2^(n-1))` seconds ("full
/// jitter": retries of many events that failed together spread out instead of arriving together),
/// never sooner than an origin's `Retry-After`; after `max_attempts` attempts the event goes to the
/// dead-letter store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// The ceiling of the first retry's delay (`RETRY_DELAY_SECONDS`).
    pub base_seconds: u32,
    /// The largest ceiling (`RETRY_DELAY_MAX_SECONDS`).
    pub cap_seconds: u32,
    /// Attempts before giving up (`DELIVERY_ATTEMPTS`), at least 1.
    pub max_attempts: u32,
}

impl Default for Schedule {
    fn default() -> Self {
        Self { base_seconds: 5, cap_seconds: 600, max_attempts: 20 }
    }
}

impl Schedule {
    /// The longest delay after failed attempt `attempt` (1 for the first): `base × 2^(attempt-1)`,
    /// at most the cap.
    pub fn ceiling(self, attempt: u32) -> u32 {
        let doublings = attempt.saturating_sub(1).min(31);
        let grown = u64::from(self.base_seconds) << doublings;
        u32::try_from(grown).unwrap_or(u32::MAX).min(self.cap_seconds.max(self.base_seconds))
    }

    /// The delay after failed attempt `attempt`, `random` a uniformly drawn `u32` (the worker
    /// draws it; tests pass their own): `ceiling × random / u32::MAX`, rounded down.
    pub fn delay(self, attempt: u32, random: u32) -> u32 {
        let ceiling = u64::from(self.ceiling(attempt));
        u32::try_from(ceiling * u64::from(random) / u64::from(u32::MAX)).unwrap_or(u32::MAX)
    }

    /// The longest the schedule can take from the first attempt to the last one (the sum of every
    /// ceiling), seconds: what an operator plans the origin's longest outage against.
    pub fn longest_seconds(self) -> u64 {
        (1..self.max_attempts.max(1)).map(|n| u64::from(self.ceiling(n))).sum()
    }
}

/// Network errors, timeouts, 5xx, 408 and 429 are worth another attempt; other 4xx are not.
pub fn retryable(status: u16) -> bool {
    status >= 500 || status == 408 || status == 429
}

/// The longest wait a `Retry-After` can ask for that is honoured: a queue's retry delay is at
/// most 12 hours.
pub const MAX_RETRY_AFTER_SECONDS: u32 = crate::queue_message::MAX_QUEUE_DELAY_SECONDS;

/// The seconds an origin's `Retry-After` header asks to wait, from now (`now_seconds`): a number
/// of seconds, or an HTTP date (RFC 9110: IMF-fixdate, and the obsolete RFC 850 and asctime
/// forms). `None` when it is neither; a date in the past is 0; at most
/// [`MAX_RETRY_AFTER_SECONDS`].
pub fn parse_retry_after(value: &str, now_seconds: i64) -> Option<u32> {
    let value = value.trim();
    let seconds: u64 = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        value.parse().unwrap_or(u64::MAX)
    } else {
        let at = httpdate::parse_http_date(value).ok()?;
        let at = at.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
        at.saturating_sub(u64::try_from(now_seconds).unwrap_or(0))
    };
    Some(u32::try_from(seconds).unwrap_or(u32::MAX).min(MAX_RETRY_AFTER_SECONDS))
}

/// Decides what follows attempt number `attempt` (1 for the first) of an event. `retry_after`:
/// the seconds an origin's 429 or 503 asked to wait ([`parse_retry_after`]); `random`: a uniformly
/// drawn `u32` for the jitter ([`Schedule::delay`]).
pub fn next(outcome: &Attempt, attempt: u32, schedule: Schedule, retry_after: Option<u32>, random: u32) -> Next {
    let (reason, asked) = match outcome {
        Attempt::Answered(status) if (200..300).contains(status) => return Next::Ack,
        Attempt::Answered(status) if retryable(*status) => {
            let asked = retry_after.filter(|_| matches!(status, 429 | 503)).map(|s| s.min(MAX_RETRY_AFTER_SECONDS));
            let reason = match asked {
                None => format!("origin answered HTTP {status}"),
                Some(s) => format!("origin answered HTTP {status}, Retry-After {s} s"),
            };
            (reason, asked.unwrap_or(0))
        }
        Attempt::Answered(status) => {
            return Next::DeadLetter { reason: format!("origin refused it with HTTP {status}") };
        }
        Attempt::Failed(problem) => (problem.clone(), 0),
    };
    if attempt >= schedule.max_attempts.max(1) {
        return Next::DeadLetter { reason: format!("gave up after {attempt} attempts; the last: {reason}") };
    }
    Next::Retry { delay_seconds: schedule.delay(attempt, random).max(asked), reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes() {
        let schedule = Schedule::default();
        let cases = [
            (Attempt::Answered(200), "ack"),
            (Attempt::Answered(204), "ack"),
            (Attempt::Answered(500), "retry"),
            (Attempt::Answered(503), "retry"),
            (Attempt::Answered(408), "retry"),
            (Attempt::Answered(429), "retry"),
            (Attempt::Answered(400), "dead"),
            (Attempt::Answered(401), "dead"),
            (Attempt::Answered(404), "dead"),
            (Attempt::Answered(301), "dead"),
            (Attempt::Failed("timeout".into()), "retry"),
        ];
        for (outcome, expected) in cases {
            let got = match next(&outcome, 1, schedule, None, u32::MAX / 2) {
                Next::Ack => "ack",
                Next::Retry { .. } => "retry",
                Next::DeadLetter { .. } => "dead",
            };
            assert_eq!(got, expected, "{outcome:?}");
        }
    }

    #[test]
    fn the_last_attempt_gives_up_into_the_dead_letter_store() {
        let schedule = Schedule { base_seconds: 1, cap_seconds: 4, max_attempts: 3 };
        for attempt in 1..3 {
            assert!(matches!(next(&Attempt::Answered(503), attempt, schedule, None, 7), Next::Retry { .. }));
        }
        match next(&Attempt::Failed("connection refused".into()), 3, schedule, None, 7) {
            Next::DeadLetter { reason } => assert_eq!(reason, "gave up after 3 attempts; the last: connection refused"),
            other => panic!("{other:?}"),
        }
        assert_eq!(next(&Attempt::Answered(200), 3, schedule, None, 7), Next::Ack, "a success on the last attempt");
        let once = Schedule { max_attempts: 0, ..schedule };
        assert!(matches!(next(&Attempt::Answered(500), 1, once, None, 7), Next::DeadLetter { .. }), "0 means 1");
    }

    #[test]
    fn retry_after_is_honoured_on_429_and_503() {
        let schedule = Schedule { base_seconds: 5, cap_seconds: 600, max_attempts: 20 };
        let delay =
            |status, retry_after, random| match next(&Attempt::Answered(status), 1, schedule, retry_after, random) {
                Next::Retry { delay_seconds, .. } => delay_seconds,
                other => panic!("{other:?}"),
            };
        assert_eq!(delay(429, Some(30), u32::MAX), 30);
        assert_eq!(delay(503, Some(3), u32::MAX), 5, "never sooner than the draw");
        assert_eq!(delay(503, Some(3), 0), 3, "never sooner than asked");
        assert_eq!(delay(500, Some(30), 0), 0, "only 429 and 503 carry it");
        assert_eq!(delay(429, Some(u32::MAX), 0), MAX_RETRY_AFTER_SECONDS);
        assert_eq!(delay(429, None, u32::MAX), 5);
    }

    #[test]
    fn retry_after_values() {
        let now = 784_111_777; // Sun, 06 Nov 1994 08:49:37 GMT
        assert_eq!(parse_retry_after("120", now), Some(120));
        assert_eq!(parse_retry_after(" 3 ", now), Some(3));
        assert_eq!(parse_retry_after("99999999999999999999", now), Some(MAX_RETRY_AFTER_SECONDS));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:50:37 GMT", now), Some(60), "IMF-fixdate");
        assert_eq!(parse_retry_after("Sunday, 06-Nov-94 08:50:37 GMT", now), Some(60), "RFC 850");
        assert_eq!(parse_retry_after("Sun Nov  6 08:50:37 1994", now), Some(60), "asctime");
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now), Some(0), "in the past");
        for bad in ["", "-1", "1.5", "soon", "Sun, 32 Nov 1994 08:50:37 GMT"] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
        }
    }

    #[test]
    fn ceilings_double_up_to_the_cap() {
        let schedule = Schedule { base_seconds: 5, cap_seconds: 600, max_attempts: 20 };
        let ceilings: Vec<u32> = (1..=10).map(|n| schedule.ceiling(n)).collect();
        assert_eq!(ceilings, [5, 10, 20, 40, 80, 160, 320, 600, 600, 600]);
        assert_eq!(schedule.ceiling(0), 5);
        assert_eq!(schedule.ceiling(u32::MAX), 600);
        assert_eq!(Schedule { base_seconds: 0, cap_seconds: 0, max_attempts: 3 }.ceiling(9), 0);
        assert_eq!(Schedule { base_seconds: u32::MAX, cap_seconds: 1, max_attempts: 3 }.ceiling(40), u32::MAX);
        // 5 + 10 + ... + 320 + 12 × 600 s: the wrangler.toml default's longest outage.
        assert_eq!(schedule.longest_seconds(), 635 + 12 * 600);
    }

    #[test]
    fn full_jitter_covers_zero_to_the_ceiling() {
        let schedule = Schedule { base_seconds: 4, cap_seconds: 64, max_attempts: 20 };
        for attempt in 1..12 {
            let ceiling = schedule.ceiling(attempt);
            assert_eq!(schedule.delay(attempt, 0), 0);
            assert_eq!(schedule.delay(attempt, u32::MAX), ceiling);
            // An even spread of draws gives every whole second up to the ceiling.
            let mut seen = vec![false; ceiling as usize + 1];
            for k in 0..=4096u64 {
                let random = u32::try_from(k * u64::from(u32::MAX) / 4096).unwrap_or(u32::MAX);
                let d = schedule.delay(attempt, random);
                assert!(d <= ceiling);
                seen[d as usize] = true;
            }
            assert!(seen.iter().all(|&s| s), "attempt {attempt}: {seen:?}");
        }
    }
}
