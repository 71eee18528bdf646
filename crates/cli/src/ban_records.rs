//! `ban`, `unban`, `bans`: ban records at `ban:<UserID>` and `ban:<GroupId>:<UserID>`.
//!
//! A timed ban is written twice over: `until` in the record, exactly now + the duration (the
//! worker checks it on every callback), and a KV expiration, so that the key disappears by
//! itself. KV expiry is lazy, which is why `until` is what counts; the expiration only needs to
//! come after it, and to be far enough away for KV to accept it (`kv_expiration`). The record is also the key's metadata, so `bans` lists every
//! ban in one KV call instead of one read per key.

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::durations::{format_span, format_utc};
use crate::errors::ToolError;
use crate::kv_store::{KvStore, PutOptions};
use timgate_engine::ban::BanRecord;
use timgate_engine::command::Conversation;
use timgate_engine::kv_keys;

/// KV refuses expirations less than 60 s away.
pub const MIN_KV_TTL_SECONDS: i64 = 60;
/// Added to the KV expiration. KV measures its 60 s against its own clock, read a moment after
/// the tool's (wrangler takes seconds to start) and not necessarily in step with the operator's;
/// an expiration of exactly now + 60 s was refused (issue 11: `ban --for 1m`).
pub const KV_EXPIRATION_MARGIN_SECONDS: i64 = 60;
/// KV metadata is at most 1024 bytes of JSON.
const MAX_METADATA_BYTES: usize = 1024;

/// A ban to write.
#[derive(Debug, Clone, Copy)]
pub struct BanRequest<'a> {
    /// Tencent UserID.
    pub user: &'a str,
    /// Only in this group (a mute); everywhere when `None`.
    pub group: Option<&'a str>,
    /// How long, in seconds; until lifted when `None`.
    pub duration: Option<u64>,
    /// Shown to the sender as `ErrorInfo`.
    pub reason: Option<&'a str>,
    /// Custom forbid code shown to the sender.
    pub code: Option<u32>,
    /// Unix seconds now.
    pub now: i64,
}

/// A ban that was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Banned {
    /// The KV key.
    pub key: String,
    /// The record's JSON, as written.
    pub record: String,
    /// When the ban ends (`until`).
    pub until: Option<i64>,
    /// When KV deletes the key.
    pub kv_expiration: Option<i64>,
    /// Things the operator should know (a code that only one kind of conversation can show).
    pub notes: Vec<String>,
}

/// The KV key of a ban.
pub fn ban_key(user: &str, group: Option<&str>) -> String {
    match group {
        Some(group) => kv_keys::group_ban(group, user),
        None => kv_keys::global_ban(user),
    }
}

/// Writes a ban record.
pub fn ban(kv: &dyn KvStore, request: &BanRequest<'_>) -> Result<Banned, ToolError> {
    check_id("user", request.user)?;
    if let Some(group) = request.group {
        check_id("group", group)?;
    }
    let mut notes = Vec::new();
    if let Some(code) = request.code {
        let group_code = Conversation::Group.custom_code_range().contains(&code);
        let c2c_code = Conversation::C2c.custom_code_range().contains(&code);
        match (request.group, group_code, c2c_code) {
            (_, false, false) => {
                return Err(ToolError::Usage(format!(
                    "code {code} is outside 10100–10200 (groups) and 120001–130000 (C2C)"
                )))
            }
            (Some(_), false, true) => {
                return Err(ToolError::Usage(format!("code {code} is a C2C code; a group ban needs 10100–10200")))
            }
            (None, true, false) => notes.push(format!("code {code} is a group code: C2C messages are answered with 1")),
            (None, false, true) => notes.push(format!("code {code} is a C2C code: group messages are answered with 1")),
            _ => {}
        }
    }
    let until = request.duration.map(|seconds| request.now.saturating_add(i64::try_from(seconds).unwrap_or(i64::MAX)));
    let mut record = json!({ "until": until, "reason": request.reason.unwrap_or("") });
    if let (Some(code), Value::Object(fields)) = (request.code, &mut record) {
        fields.insert("code".into(), json!(code));
    }
    let text = record.to_string();
    let kv_expiration = until.map(|until| kv_expiration(until, request.now));
    let metadata = (text.len() <= MAX_METADATA_BYTES).then(|| record.clone());
    let key = ban_key(request.user, request.group);
    kv.put(&key, &text, &PutOptions { expiration: kv_expiration, metadata })?;
    Ok(Banned { key, record: text, until, kv_expiration, notes })
}

/// When KV deletes a ban that ends at `until`: a minute after it, and never sooner than two
/// minutes from `now`. Later than `until` costs nothing (the worker stops applying the ban at
/// `until`); sooner would lift it early, and less than 60 s away KV refuses the write.
pub fn kv_expiration(until: i64, now: i64) -> i64 {
    until.max(now.saturating_add(MIN_KV_TTL_SECONDS)).saturating_add(KV_EXPIRATION_MARGIN_SECONDS)
}

/// Deletes a ban; returns the record that was there, if any.
pub fn unban(kv: &dyn KvStore, user: &str, group: Option<&str>) -> Result<Option<String>, ToolError> {
    check_id("user", user)?;
    if let Some(group) = group {
        check_id("group", group)?;
    }
    let key = ban_key(user, group);
    let existing = kv.get(&key)?;
    if existing.is_some() {
        kv.delete(&key)?;
    }
    Ok(existing)
}

/// One ban in KV.
#[derive(Debug, Clone, PartialEq)]
pub struct BanListing {
    /// The key.
    pub key: String,
    /// The banned user.
    pub user: String,
    /// The group, for a group ban.
    pub group: Option<String>,
    /// The record (a record that is not valid JSON still bans: it reads as a ban until lifted).
    pub record: BanRecord,
    /// Whether the record was valid JSON.
    pub readable: bool,
}

/// Every ban (in one group, with `group`), read from the keys' metadata where it was written by
/// this tool, and from the values otherwise.
pub fn list_bans(kv: &dyn KvStore, group: Option<&str>) -> Result<Vec<BanListing>, ToolError> {
    let prefix = match group {
        Some(group) => format!("ban:{group}:"),
        None => "ban:".to_owned(),
    };
    let keys = kv.list(&prefix)?;
    let from_metadata: Vec<Option<BanRecord>> =
        keys.iter().map(|k| k.metadata.clone().and_then(|m| serde_json::from_value::<BanRecord>(m).ok())).collect();
    let unread: Vec<String> =
        keys.iter().zip(&from_metadata).filter(|(_, m)| m.is_none()).map(|(k, _)| k.name.clone()).collect();
    let mut values = kv.get_many(&unread)?.into_iter();
    let mut listings = Vec::new();
    for (key, metadata) in keys.into_iter().zip(from_metadata) {
        let (record, readable) = match metadata {
            Some(record) => (record, true),
            // A key deleted between the listing and the read is no longer a ban.
            None => match values.next().flatten() {
                Some(text) => BanRecord::parse_or_plain(&text),
                None => continue,
            },
        };
        let rest = key.name.strip_prefix("ban:").unwrap_or(&key.name);
        let (group, user) = match rest.split_once(':') {
            Some((group, user)) => (Some(group.to_owned()), user.to_owned()),
            None => (None, rest.to_owned()),
        };
        listings.push(BanListing { key: key.name, user, group, record, readable });
    }
    Ok(listings)
}

/// The listing as a table, with each ban's state at `now`.
pub fn render_bans(listings: &[BanListing], now: i64) -> String {
    if listings.is_empty() {
        return "no bans\n".to_owned();
    }
    let rows: Vec<[String; 5]> = listings
        .iter()
        .map(|b| {
            let until = match b.record.until {
                None => "until lifted".to_owned(),
                Some(until) if until > now => format!("{} (in {})", format_utc(until), format_span(until - now)),
                Some(until) => format!("{} (ended; KV deletes it soon)", format_utc(until)),
            };
            let reason = if b.readable {
                format!("{:?}", b.record.reason.as_deref().unwrap_or(""))
            } else {
                "(record is not valid JSON: bans until lifted)".to_owned()
            };
            let code = b.record.code.map_or_else(|| "1".to_owned(), |c| c.to_string());
            [b.user.clone(), b.group.clone().unwrap_or_else(|| "(everywhere)".into()), until, code, reason]
        })
        .collect();
    let header = ["USER", "WHERE", "UNTIL", "CODE", "REASON"].map(str::to_owned);
    let widths: Vec<usize> =
        (0..5).map(|i| rows.iter().chain([&header]).map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for row in [&header].into_iter().chain(&rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let _ = write!(line, "{cell:<width$}  ", width = widths[i]);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Tencent UserIDs and GroupIds contain no `:`, which is what keeps `ban:<G>:<U>` and
/// `ban:<U>` apart; an id with one would write a key the worker reads as something else.
fn check_id(what: &str, id: &str) -> Result<(), ToolError> {
    let bad = id.is_empty() || id.contains(':') || id.starts_with('-') || id.chars().any(char::is_control);
    if bad {
        return Err(ToolError::Usage(format!(
            "{id:?} is not a usable {what} id (empty, or contains `:`, or starts with `-`)"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kv_store::MemoryKv;

    const NOW: i64 = 1_767_225_600;

    fn request<'a>(user: &'a str) -> BanRequest<'a> {
        BanRequest { user, group: None, duration: None, reason: None, code: None, now: NOW }
    }

    #[test]
    fn timed_group_ban_has_until_and_expiration() {
        let kv = MemoryKv::default();
        let banned = ban(
            &kv,
            &BanRequest { group: Some("@TGS#1"), duration: Some(600), reason: Some("Cool down"), ..request("jared") },
        )
        .unwrap();
        assert_eq!(banned.key, "ban:@TGS#1:jared");
        assert_eq!(banned.record, format!(r#"{{"until":{},"reason":"Cool down"}}"#, NOW + 600));
        assert_eq!(kv.options(&banned.key).unwrap().expiration, Some(NOW + 660), "a minute after until");
        let (record, readable) = BanRecord::parse_or_plain(&kv.get(&banned.key).unwrap().unwrap());
        assert!(readable && record.is_active(NOW + 599) && !record.is_active(NOW + 600));
    }

    /// Issue 11: `ban --for 1m` asked KV for an expiration exactly 60 s away, which wrangler
    /// refused by the time it ran. `until` stays exact; the KV expiration keeps a margin.
    #[test]
    fn short_bans_keep_until_but_expire_where_kv_accepts() {
        for (seconds, expiration) in
            [(1, NOW + 120), (10, NOW + 120), (59, NOW + 120), (60, NOW + 120), (61, NOW + 121)]
        {
            let kv = MemoryKv::default();
            let banned = ban(&kv, &BanRequest { duration: Some(seconds), ..request("a") }).unwrap();
            assert_eq!(banned.until, Some(NOW + seconds as i64), "{seconds}s");
            assert_eq!(banned.kv_expiration, Some(expiration), "{seconds}s");
            assert_eq!(kv.options("ban:a").unwrap().expiration, Some(expiration), "{seconds}s: what KV was given");
            assert!(expiration >= NOW + MIN_KV_TTL_SECONDS + KV_EXPIRATION_MARGIN_SECONDS);
        }
    }

    #[test]
    fn permanent_ban_with_code() {
        let kv = MemoryKv::default();
        let banned =
            ban(&kv, &BanRequest { reason: Some("Spamming"), code: Some(10110), ..request("spammer42") }).unwrap();
        assert_eq!(banned.record, r#"{"until":null,"reason":"Spamming","code":10110}"#);
        assert_eq!(banned.kv_expiration, None);
        assert_eq!(banned.notes, ["code 10110 is a group code: C2C messages are answered with 1"]);
    }

    #[test]
    fn refuses_bad_ids_and_codes() {
        let kv = MemoryKv::default();
        for user in ["", "a:b", "-x"] {
            assert!(ban(&kv, &request(user)).is_err(), "{user:?}");
        }
        assert!(ban(&kv, &BanRequest { code: Some(10016), ..request("a") }).is_err());
        assert!(ban(&kv, &BanRequest { code: Some(120001), group: Some("g"), ..request("a") }).is_err());
        assert!(kv.list("").unwrap().is_empty());
    }

    #[test]
    fn list_and_unban() {
        let kv = MemoryKv::default();
        ban(&kv, &BanRequest { reason: Some("Spamming"), ..request("spammer42") }).unwrap();
        ban(&kv, &BanRequest { group: Some("@TGS#1"), duration: Some(600), ..request("jared") }).unwrap();
        // Written by hand, without metadata, and not even JSON: still a ban.
        kv.put("ban:typo", "banned!", &PutOptions::default()).unwrap();

        let all = list_bans(&kv, None).unwrap();
        let summary: Vec<(&str, Option<&str>, bool)> =
            all.iter().map(|b| (b.user.as_str(), b.group.as_deref(), b.readable)).collect();
        assert_eq!(summary, [("jared", Some("@TGS#1"), true), ("spammer42", None, true), ("typo", None, false)]);
        let table = render_bans(&all, NOW);
        assert!(table.starts_with("USER       WHERE         UNTIL"), "{table}");
        assert!(table.contains("2026-01-01T00:10:00Z (in 10m)"), "{table}");
        assert!(table.contains("(record is not valid JSON: bans until lifted)"), "{table}");
        assert_eq!(list_bans(&kv, Some("@TGS#1")).unwrap().len(), 1);

        assert!(unban(&kv, "jared", Some("@TGS#1")).unwrap().is_some());
        assert_eq!(unban(&kv, "jared", Some("@TGS#1")).unwrap(), None);
        assert_eq!(list_bans(&kv, None).unwrap().len(), 2);
        assert_eq!(render_bans(&[], NOW), "no bans\n");
    }
}
