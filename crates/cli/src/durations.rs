//! Durations as operators type them (`10m`, `1h30m`, `7d`) and times as they read them (dates
//! by `jiff`).

/// A duration that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// Nothing, or no unit after a number.
    #[error("{0:?} is not a duration: write a number and a unit (s, m, h, d, w), e.g. 10m or 1h30m")]
    Malformed(String),
    /// Zero.
    #[error("{0:?} is no time: a duration is at least 1s")]
    Zero(String),
    /// More than 100 years (of 365 days).
    #[error("{0:?} is too long: a duration is at most 100 years")]
    TooLong(String),
}

const MAX_SECONDS: u64 = 100 * 365 * 86_400;

/// Seconds in `text`: one or more `<number><unit>` parts, units `s`, `m`, `h`, `d`, `w`.
pub fn parse_duration(text: &str) -> Result<u64, DurationError> {
    let malformed = || DurationError::Malformed(text.to_owned());
    let mut total: u64 = 0;
    let mut number: Option<u64> = None;
    for c in text.trim().chars() {
        match c {
            '0'..='9' => {
                let digit = u64::from(c) - u64::from('0');
                let value = number.unwrap_or(0).checked_mul(10).and_then(|n| n.checked_add(digit));
                number = Some(value.ok_or_else(|| DurationError::TooLong(text.to_owned()))?);
            }
            's' | 'm' | 'h' | 'd' | 'w' => {
                let unit = match c {
                    's' => 1,
                    'm' => 60,
                    'h' => 3_600,
                    'd' => 86_400,
                    _ => 604_800,
                };
                let part = number.take().ok_or_else(malformed)?.checked_mul(unit);
                total =
                    part.and_then(|p| total.checked_add(p)).ok_or_else(|| DurationError::TooLong(text.to_owned()))?;
            }
            _ => return Err(malformed()),
        }
    }
    if number.is_some() || text.trim().is_empty() {
        return Err(malformed());
    }
    if total == 0 {
        return Err(DurationError::Zero(text.to_owned()));
    }
    if total > MAX_SECONDS {
        return Err(DurationError::TooLong(text.to_owned()));
    }
    Ok(total)
}

/// `2026-11-25T14:30:00Z` for unix seconds (jiff's RFC 3339 form of the instant); a time
/// outside jiff's range (years -9999 to 9999) is shown as the number of seconds.
pub fn format_utc(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds).map_or_else(|_| format!("{seconds} s since 1970"), |t| t.to_string())
}

/// `1h30m`, `9m58s`, `45s`: the largest two units of a span of seconds.
pub fn format_span(seconds: i64) -> String {
    let s = seconds.max(0);
    let parts = [(s / 86_400, "d"), (s % 86_400 / 3_600, "h"), (s % 3_600 / 60, "m"), (s % 60, "s")];
    let shown: Vec<String> = parts
        .iter()
        .skip_while(|(n, _)| *n == 0)
        .take(2)
        .filter(|(n, _)| *n > 0)
        .map(|(n, u)| format!("{n}{u}"))
        .collect();
    if shown.is_empty() {
        "0s".to_owned()
    } else {
        shown.concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        for (text, seconds) in
            [("10m", 600), ("1h30m", 5_400), ("45s", 45), ("7d", 604_800), ("2w", 1_209_600), (" 1m ", 60)]
        {
            assert_eq!(parse_duration(text), Ok(seconds), "{text}");
        }
        for text in ["", "10", "m", "10x", "1.5h", "-5m", "h10"] {
            assert!(matches!(parse_duration(text), Err(DurationError::Malformed(_))), "{text}");
        }
        for text in ["0s", "0m", "0h0s"] {
            assert_eq!(parse_duration(text), Err(DurationError::Zero(text.into())), "{text}");
        }
        for text in ["99999999999999999999s", "36600d"] {
            assert_eq!(parse_duration(text), Err(DurationError::TooLong(text.into())), "{text}");
        }
        assert_eq!(parse_duration("1s"), Ok(1), "the shortest ban");
        assert!(parse_duration("200w00").is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_utc(1_767_225_600), "2026-01-01T00:00:00Z");
        assert_eq!(format_utc(4_102_444_800), "2100-01-01T00:00:00Z");
        assert_eq!(format_utc(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(format_utc(-1), "1969-12-31T23:59:59Z");
        assert_eq!(format_utc(i64::MAX), "9223372036854775807 s since 1970");
    }

    #[test]
    fn spans() {
        assert_eq!(format_span(598), "9m58s");
        assert_eq!(format_span(5_400), "1h30m");
        assert_eq!(format_span(86_400 + 5), "1d");
        assert_eq!(format_span(0), "0s");
        assert_eq!(format_span(-3), "0s");
    }
}
