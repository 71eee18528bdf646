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

/// Retry delays: from `min_seconds`, growing with the message's age, capped at `max_seconds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// First delay.
    pub min_seconds: u32,
    /// Largest delay.
    pub max_seconds: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Self { min_seconds: 5, max_seconds: 600 }
    }
}

impl Backoff {
    /// The delay for a message first queued `age_seconds` ago. Waiting as long again as the
    /// message has already waited doubles the gap on every attempt without needing an attempt
    /// counter (worker 0.8 does not expose one): 5, 5, 10, 20, 40 ... 600 s.
    pub fn delay(self, age_seconds: u64) -> u32 {
        let age = u32::try_from(age_seconds).unwrap_or(u32::MAX);
        age.clamp(self.min_seconds, self.max_seconds.max(self.min_seconds))
    }
}

/// Network errors, timeouts, 5xx, 408 and 429 are worth another attempt; other 4xx are not.
pub fn retryable(status: u16) -> bool {
    status >= 500 || status == 408 || status == 429
}

/// The longest wait a `Retry-After` can ask for that is honoured: a queue's retry delay is at
/// most 12 hours.
pub const MAX_RETRY_AFTER_SECONDS: u32 = 12 * 3600;

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

/// Decides what follows an attempt on a message first queued `age_seconds` ago. An origin that
/// answered 429 or 503 with `Retry-After` (`retry_after`, seconds, [`parse_retry_after`]) gets
/// its next attempt no sooner than it asked.
pub fn next(attempt: &Attempt, age_seconds: u64, backoff: Backoff, retry_after: Option<u32>) -> Next {
    match attempt {
        Attempt::Answered(status) if (200..300).contains(status) => Next::Ack,
        Attempt::Answered(status) if retryable(*status) => {
            let asked = retry_after.filter(|_| matches!(status, 429 | 503)).unwrap_or(0);
            let delay_seconds = backoff.delay(age_seconds).max(asked.min(MAX_RETRY_AFTER_SECONDS));
            let reason = match asked {
                0 => format!("origin answered HTTP {status}"),
                s => format!("origin answered HTTP {status}, Retry-After {s} s"),
            };
            Next::Retry { delay_seconds, reason }
        }
        Attempt::Answered(status) => Next::DeadLetter { reason: format!("origin refused it with HTTP {status}") },
        Attempt::Failed(problem) => Next::Retry { delay_seconds: backoff.delay(age_seconds), reason: problem.clone() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes() {
        let b = Backoff::default();
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
        for (attempt, expected) in cases {
            let got = match next(&attempt, 0, b, None) {
                Next::Ack => "ack",
                Next::Retry { .. } => "retry",
                Next::DeadLetter { .. } => "dead",
            };
            assert_eq!(got, expected, "{attempt:?}");
        }
    }

    #[test]
    fn retry_after_is_honoured_on_429_and_503() {
        let b = Backoff { min_seconds: 5, max_seconds: 600 };
        let delay = |status, retry_after| match next(&Attempt::Answered(status), 0, b, retry_after) {
            Next::Retry { delay_seconds, .. } => delay_seconds,
            other => panic!("{other:?}"),
        };
        assert_eq!(delay(429, Some(30)), 30);
        assert_eq!(delay(503, Some(3)), 5, "never sooner than the schedule");
        assert_eq!(delay(500, Some(30)), 5, "only 429 and 503 carry it");
        assert_eq!(delay(429, Some(u32::MAX)), MAX_RETRY_AFTER_SECONDS);
        assert_eq!(delay(429, None), 5);
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
    fn delays_grow_with_age_within_bounds() {
        let b = Backoff { min_seconds: 5, max_seconds: 600 };
        let delays: Vec<u32> = [0, 5, 10, 20, 40, 80, 160, 320, 640, 100_000].iter().map(|&age| b.delay(age)).collect();
        assert_eq!(delays, [5, 5, 10, 20, 40, 80, 160, 320, 600, 600]);
        assert_eq!(Backoff { min_seconds: 0, max_seconds: 0 }.delay(99), 0);
        assert_eq!(b.delay(u64::MAX), 600);
    }
}
