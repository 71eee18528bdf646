//! Verdict counters: one Workers Analytics Engine data point per callback, derived from the
//! callback's log line so that the counters and the logs never disagree.
//!
//! The layout is part of what operators query, so it only ever grows at the end:
//!
//! | field | value |
//! |---|---|
//! | index1 | `GroupId`, or the command when there is none (the sampling key: a flood in one room does not thin out the others) |
//! | blob1 | command (`Group.CallbackBeforeSendMsg`...; empty when the query had none) |
//! | blob2 | outcome: allow, mask, block, discard, queued, direct, duplicate, no_origin, proxied, proxy_failed_open, rejected... |
//! | blob3 | basis: rules, global_ban, group_ban, fail_mode (empty when not a decision) |
//! | blob4 | would_be: what a monitor-mode document would have done (empty when none) |
//! | blob5 | `GroupId` (empty when none) |
//! | blob6 | sender behaviour: `checked` (the `GROUP_STATE` object answered), `unavailable` (it did not: `FAIL_MODE` decided those checks), empty when not asked |
//! | double1 | 1 (one callback) |
//! | double2 | milliseconds spent |
//! | double3 | HTTP status answered |
//! | double4 | `ErrorCode` answered, or -1 when the callback was not decided here |
//! | double5 | number of matched terms |

use crate::log_line::CallbackLog;

/// Analytics Engine limits an index to 96 bytes.
const MAX_INDEX_BYTES: usize = 96;

/// One data point, ready for `writeDataPoint`.
#[derive(Debug, Clone, PartialEq)]
pub struct DataPoint {
    /// The single index (sampling key).
    pub index: String,
    /// blob1..blob6.
    pub blobs: Vec<String>,
    /// double1..double5.
    pub doubles: Vec<f64>,
}

/// The data point for a finished callback.
pub fn data_point(log: &CallbackLog) -> DataPoint {
    let command = log.command.clone().unwrap_or_default();
    let group = log.group.clone().unwrap_or_default();
    let index = if group.is_empty() { command.clone() } else { group.clone() };
    DataPoint {
        index: truncate(&index, MAX_INDEX_BYTES).to_owned(),
        blobs: vec![
            command,
            log.outcome.to_owned(),
            log.basis.unwrap_or_default().to_owned(),
            log.would_be.unwrap_or_default().to_owned(),
            group,
            log.behaviour.unwrap_or_default().to_owned(),
        ],
        doubles: vec![1.0, log.ms, f64::from(log.status), log.code.map_or(-1.0, f64::from), log.matched.len() as f64],
    }
}

fn truncate(text: &str, max_bytes: usize) -> &str {
    let end = (0..=max_bytes.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_monitored_allow() {
        let log = CallbackLog {
            command: Some("Group.CallbackBeforeSendMsg".into()),
            status: 200,
            outcome: "allow",
            code: Some(0),
            basis: Some("rules"),
            would_be: Some("block"),
            matched: vec!["group/block(monitor):spoiler".into()],
            group: Some("@TGS#2J4SZEAEL".into()),
            ms: 1.5,
            ..CallbackLog::new()
        };
        assert_eq!(
            data_point(&log),
            DataPoint {
                index: "@TGS#2J4SZEAEL".into(),
                blobs: ["Group.CallbackBeforeSendMsg", "allow", "rules", "block", "@TGS#2J4SZEAEL", ""]
                    .map(String::from)
                    .to_vec(),
                doubles: vec![1.0, 1.5, 200.0, 0.0, 1.0],
            }
        );
    }

    #[test]
    fn a_forwarded_c2c_event_and_a_rejection() {
        let forwarded = CallbackLog {
            command: Some("C2C.CallbackAfterSendMsg".into()),
            status: 200,
            outcome: "forwarded",
            ..CallbackLog::new()
        };
        let point = data_point(&forwarded);
        assert_eq!(point.index, "C2C.CallbackAfterSendMsg");
        assert_eq!(point.blobs[1..], ["forwarded", "", "", "", ""].map(String::from));
        assert_eq!(point.doubles[3], -1.0);

        let rejected = CallbackLog { status: 403, outcome: "rejected", ..CallbackLog::new() };
        assert_eq!(data_point(&rejected).index, "");
    }

    #[test]
    fn long_indexes_are_cut_on_a_character_boundary() {
        let index = "傻".repeat(40);
        assert_eq!(truncate(&index, MAX_INDEX_BYTES).len(), 96);
        assert_eq!(truncate("ab傻", 3), "ab");
    }
}
