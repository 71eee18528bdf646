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

/// Decides what follows an attempt on a message first queued `age_seconds` ago.
pub fn next(attempt: &Attempt, age_seconds: u64, backoff: Backoff) -> Next {
    match attempt {
        Attempt::Answered(status) if (200..300).contains(status) => Next::Ack,
        Attempt::Answered(status) if retryable(*status) => {
            Next::Retry { delay_seconds: backoff.delay(age_seconds), reason: format!("origin answered HTTP {status}") }
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
            let got = match next(&attempt, 0, b) {
                Next::Ack => "ack",
                Next::Retry { .. } => "retry",
                Next::DeadLetter { .. } => "dead",
            };
            assert_eq!(got, expected, "{attempt:?}");
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
