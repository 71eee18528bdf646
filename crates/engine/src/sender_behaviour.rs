//! Sender behaviour (contract v2: `flood`, `slow_mode_seconds`, `repeat`, `strikes`, `exempt`):
//! checks over a sender's recent messages rather than one message.
//!
//! The rules ([`Behaviour`]) come from the rule documents; the state ([`GroupState`]) is one
//! group's (or, for C2C, one sender's) and lives in a Durable Object in the worker, which calls
//! [`GroupState::record`] once per message. Everything here is pure: the clock is an argument,
//! state is plain data that serialises to JSON, and every list it holds is bounded by the rules
//! (a window never holds more entries than its limit needs) and expires with time
//! ([`GroupState::expire`]).

use std::collections::{BTreeMap, VecDeque};

use serde::{Deserialize, Serialize};

use crate::rule_document::Action;

/// Longest window any rule may set (seconds): 30 days, as for `mute_seconds`.
pub const MAX_SECONDS: u32 = 30 * 24 * 3600;
/// Largest `messages` a `flood` or `repeat` rule may set (what a window holds per sender).
pub const MAX_MESSAGES: u32 = 1000;
/// Senders one group's state keeps; past this the least recently seen are forgotten first.
pub const MAX_SENDERS: usize = 20_000;
/// Texts a sender's repeat window keeps at most, so `repeat.messages` is at most one more.
const MAX_TEXTS: usize = 63;
/// Largest `repeat.messages`: the window holds the `messages - 1` earlier copies.
pub const MAX_REPEAT: u32 = MAX_TEXTS as u32 + 1;
/// After a mute, strikes are not counted for this long: other isolates may still pass the muted
/// sender's messages on to the object until their cached "no ban" answer is read again.
pub const MUTE_GRACE_MS: u64 = 120_000;

/// `flood`: more than `messages` from one sender within `seconds` gets `action` (the extra
/// messages).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct FloodRule {
    /// Messages allowed in the window.
    pub messages: u32,
    /// The window.
    pub seconds: u32,
    /// What an extra message gets (`block` when absent).
    #[serde(default = "block")]
    pub action: Action,
    /// Custom forbid code (block only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    /// `ErrorInfo` sent with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<String>,
}

/// `repeat`: the same normalised text from one sender `messages` times within `seconds` gets
/// `action` from that repetition on.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct RepeatRule {
    /// The repetition that gets the action (3: the third time the same text is sent).
    pub messages: u32,
    /// The window.
    pub seconds: u32,
    /// What it gets (`discard` when absent).
    #[serde(default = "discard")]
    pub action: Action,
    /// Custom forbid code (block only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    /// `ErrorInfo` sent with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<String>,
}

/// `strikes`: `count` block/discard verdicts within `seconds` mute the sender for
/// `mute_seconds` (a ban record, contract v1).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct StrikesRule {
    /// Strikes that mute.
    pub count: u32,
    /// The window.
    pub seconds: u32,
    /// How long the mute lasts.
    pub mute_seconds: u32,
    /// The ban record's code (what the muted sender's messages are refused with).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    /// The ban record's reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<String>,
}

/// `exempt`: who skips every check, bans included.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct ExemptRule {
    /// Accounts (`From_Account`) that are never checked.
    pub accounts: Vec<String>,
    /// Callbacks sent through the REST API (`OptPlatform` `RESTAPI`) are never checked.
    pub rest_api: bool,
}

/// A document's sender-behaviour fields. A group document's field replaces the global
/// document's ([`Behaviour::merged`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct Behaviour {
    /// `flood`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flood: Option<FloodRule>,
    /// `slow_mode_seconds` (0 or absent: off).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slow_mode_seconds: Option<u32>,
    /// `repeat`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat: Option<RepeatRule>,
    /// `strikes`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strikes: Option<StrikesRule>,
    /// `exempt`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt: Option<ExemptRule>,
}

/// A field of [`Behaviour`] with a value it cannot have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct BehaviourError {
    /// The field (`flood.seconds`).
    pub field: &'static str,
    /// What is wrong.
    pub problem: &'static str,
}

impl ExemptRule {
    /// Whether a message from `sender` (sent through the REST API when `rest_api`) is exempt.
    pub fn covers(&self, sender: Option<&str>, rest_api: bool) -> bool {
        (rest_api && self.rest_api) || sender.is_some_and(|s| self.accounts.iter().any(|a| a == s))
    }
}

fn block() -> Action {
    Action::Block
}

fn discard() -> Action {
    Action::Discard
}

impl Behaviour {
    /// Whether any field needs the per-group state (everything but `exempt`).
    pub fn needs_state(&self) -> bool {
        self.flood.is_some() || self.slow_mode() > 0 || self.repeat.is_some() || self.strikes.is_some()
    }

    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        !self.needs_state() && self.exempt.is_none()
    }

    /// `slow_mode_seconds`, 0 when off.
    pub fn slow_mode(&self) -> u32 {
        self.slow_mode_seconds.unwrap_or(0)
    }

    /// The global document's fields with the group document's in their place where it has them.
    pub fn merged(global: Option<&Behaviour>, group: Option<&Behaviour>) -> Behaviour {
        let (g, l) = (global.cloned().unwrap_or_default(), group.cloned().unwrap_or_default());
        Behaviour {
            flood: l.flood.or(g.flood),
            slow_mode_seconds: l.slow_mode_seconds.or(g.slow_mode_seconds),
            repeat: l.repeat.or(g.repeat),
            strikes: l.strikes.or(g.strikes),
            exempt: l.exempt.or(g.exempt),
        }
    }

    /// Whether a message from `sender` (sent through the REST API when `rest_api`) skips every
    /// check.
    pub fn is_exempt(&self, sender: Option<&str>, rest_api: bool) -> bool {
        self.exempt.as_ref().is_some_and(|e| e.covers(sender, rest_api))
    }

    /// Checks the values (the worker refuses a document that fails, as for a bad code).
    pub fn check(&self) -> Result<(), BehaviourError> {
        let bad = |field, problem| Err(BehaviourError { field, problem });
        if let Some(f) = &self.flood {
            if f.messages == 0 || f.messages > MAX_MESSAGES {
                return bad("flood.messages", "must be 1 to 1000");
            }
            if f.seconds == 0 || f.seconds > MAX_SECONDS {
                return bad("flood.seconds", "must be 1 to 2592000 (30 days)");
            }
            if !matches!(f.action, Action::Block | Action::Discard) {
                return bad("flood.action", "must be block or discard");
            }
        }
        if self.slow_mode() > MAX_SECONDS {
            return bad("slow_mode_seconds", "must be at most 2592000 (30 days)");
        }
        if let Some(r) = &self.repeat {
            if r.messages < 2 || r.messages > MAX_REPEAT {
                return bad("repeat.messages", "must be 2 to 64");
            }
            if r.seconds == 0 || r.seconds > MAX_SECONDS {
                return bad("repeat.seconds", "must be 1 to 2592000 (30 days)");
            }
            if !matches!(r.action, Action::Block | Action::Discard) {
                return bad("repeat.action", "must be block or discard");
            }
        }
        if let Some(s) = &self.strikes {
            if s.count < 2 || s.count > MAX_MESSAGES {
                return bad("strikes.count", "must be 2 to 1000");
            }
            if s.seconds == 0 || s.seconds > MAX_SECONDS {
                return bad("strikes.seconds", "must be 1 to 2592000 (30 days)");
            }
            if s.mute_seconds == 0 || s.mute_seconds > MAX_SECONDS {
                return bad("strikes.mute_seconds", "must be 1 to 2592000 (30 days)");
            }
        }
        Ok(())
    }

    /// The longest window of any rule, in milliseconds: older entries never matter.
    pub fn horizon_ms(&self) -> u64 {
        let seconds = [
            self.flood.as_ref().map_or(0, |f| f.seconds),
            self.slow_mode(),
            self.repeat.as_ref().map_or(0, |r| r.seconds),
            self.strikes.as_ref().map_or(0, |s| s.seconds),
        ];
        u64::from(seconds.into_iter().max().unwrap_or(0)) * 1000
    }
}

/// One sender's recent activity in one group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct SenderState {
    /// When its recent messages came (milliseconds), oldest first, at most `flood.messages`.
    #[serde(default, skip_serializing_if = "VecDeque::is_empty")]
    pub sent: VecDeque<u64>,
    /// When its last message came (slow mode).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last: u64,
    /// Its recent texts: fingerprint and when each was sent, oldest first.
    #[serde(default, skip_serializing_if = "VecDeque::is_empty")]
    pub texts: VecDeque<(u64, u64)>,
    /// When its recent strikes came, oldest first, at most `strikes.count`.
    #[serde(default, skip_serializing_if = "VecDeque::is_empty")]
    pub strikes: VecDeque<u64>,
    /// When it was last muted (milliseconds): strikes are not counted for [`MUTE_GRACE_MS`] after.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub muted_at: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl SenderState {
    /// The last time anything was recorded (for expiry and eviction).
    fn seen(&self) -> u64 {
        [self.last, self.sent.back().copied().unwrap_or(0), self.strikes.back().copied().unwrap_or(0)]
            .into_iter()
            .chain(self.texts.back().map(|t| t.1))
            .max()
            .unwrap_or(0)
    }
}

/// What [`GroupState::record`] found about one message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Tally {
    /// More than `flood.messages` in the window.
    pub flood: bool,
    /// Inside `slow_mode_seconds` of the sender's last message.
    pub slow: bool,
    /// The `repeat.messages`th (or later) time of the same text in the window.
    pub repeat: bool,
    /// The strikes reached `strikes.count`: mute the sender until this time (seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mute_until: Option<i64>,
    /// Strikes in the window after this message.
    pub strikes: u32,
}

/// One check that fired, as a verdict source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BehaviourHit {
    /// `flood`, `slow_mode` or `repeat`.
    pub check: &'static str,
    /// What it does.
    pub action: Action,
    /// Custom code (block only).
    pub code: Option<u32>,
    /// `ErrorInfo`.
    pub info: Option<String>,
}

impl Tally {
    /// The checks that fired, with their rules' actions.
    pub fn hits(&self, rules: &Behaviour) -> Vec<BehaviourHit> {
        let mut out = Vec::new();
        if let (true, Some(f)) = (self.flood, &rules.flood) {
            out.push(BehaviourHit { check: "flood", action: f.action, code: f.code, info: f.info.clone() });
        }
        if self.slow {
            // Slow mode answers as flood does when there is a flood rule; otherwise a plain block.
            let (code, info) = rules.flood.as_ref().map_or((None, None), |f| (f.code, f.info.clone()));
            out.push(BehaviourHit { check: "slow_mode", action: Action::Block, code, info });
        }
        if let (true, Some(r)) = (self.repeat, &rules.repeat) {
            out.push(BehaviourHit { check: "repeat", action: r.action, code: r.code, info: r.info.clone() });
        }
        out
    }
}

/// The state of one group (or, for C2C, of one sender's conversations): every sender's recent
/// activity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct GroupState {
    /// Per sender.
    pub senders: BTreeMap<String, SenderState>,
    /// Senders forgotten to stay under [`MAX_SENDERS`] since the holder last took this list (the
    /// Durable Object deletes their storage keys).
    #[serde(skip)]
    pub evicted: Vec<String>,
}

impl GroupState {
    /// Records one message from `sender` at `now_ms` whose normalised text has `fingerprint`
    /// (`None`: no text, such as an image alone) and says which checks it trips. `strike` says
    /// whether the keyword verdict already counts as a strike (block or discard, enforced); a
    /// block or discard from these checks counts too when `enforced` (their document is not in
    /// monitor mode). When the strikes reach `strikes.count` the tally carries the mute's end,
    /// and the sender's strikes start again from nothing (none count for [`MUTE_GRACE_MS`]).
    #[allow(clippy::too_many_arguments)]
    pub fn record(
        &mut self,
        sender: &str,
        now_ms: u64,
        fingerprint: Option<u64>,
        strike: bool,
        enforced: bool,
        rules: &Behaviour,
    ) -> Tally {
        let mut tally = Tally::default();
        if !self.senders.contains_key(sender) && self.senders.len() >= MAX_SENDERS {
            self.evict_oldest();
        }
        let state = self.senders.entry(sender.to_owned()).or_default();
        if let Some(f) = &rules.flood {
            let window = u64::from(f.seconds) * 1000;
            while state.sent.front().is_some_and(|&t| t + window <= now_ms) {
                state.sent.pop_front();
            }
            tally.flood = state.sent.len() >= f.messages as usize;
            state.sent.push_back(now_ms);
            while state.sent.len() > f.messages as usize {
                state.sent.pop_front();
            }
        }
        let slow = u64::from(rules.slow_mode()) * 1000;
        if slow > 0 && state.last > 0 && now_ms < state.last + slow {
            tally.slow = true;
        }
        state.last = now_ms;
        if let (Some(r), Some(fingerprint)) = (&rules.repeat, fingerprint) {
            let window = u64::from(r.seconds) * 1000;
            while state.texts.front().is_some_and(|&(_, t)| t + window <= now_ms) {
                state.texts.pop_front();
            }
            let earlier = state.texts.iter().filter(|&&(f, _)| f == fingerprint).count();
            tally.repeat = earlier + 1 >= r.messages as usize;
            state.texts.push_back((fingerprint, now_ms));
            // Keep what a repeat needs: the last `messages - 1` of each text, at most MAX_TEXTS.
            let keep = r.messages as usize;
            if earlier + 1 >= keep {
                if let Some(at) = state.texts.iter().position(|&(f, _)| f == fingerprint) {
                    state.texts.remove(at);
                }
            }
            while state.texts.len() > MAX_TEXTS {
                state.texts.pop_front();
            }
        }
        if let Some(s) = &rules.strikes {
            let window = u64::from(s.seconds) * 1000;
            while state.strikes.front().is_some_and(|&t| t + window <= now_ms) {
                state.strikes.pop_front();
            }
            let checks_strike =
                enforced && tally.hits(rules).iter().any(|h| matches!(h.action, Action::Block | Action::Discard));
            let in_grace = state.muted_at > 0 && now_ms < state.muted_at + MUTE_GRACE_MS;
            if (strike || checks_strike) && !in_grace {
                state.strikes.push_back(now_ms);
            }
            tally.strikes = state.strikes.len() as u32;
            if state.strikes.len() >= s.count as usize {
                let now_seconds = i64::try_from(now_ms / 1000).unwrap_or(i64::MAX);
                tally.mute_until = Some(now_seconds.saturating_add(i64::from(s.mute_seconds)));
                state.strikes.clear();
                state.muted_at = now_ms;
            }
        }
        tally
    }

    /// Forgets `sender`'s strikes (an operator lifted the mute).
    pub fn clear_strikes(&mut self, sender: &str) {
        if let Some(state) = self.senders.get_mut(sender) {
            state.strikes.clear();
        }
    }

    /// Forgets every sender not seen within the rules' longest window. Returns how many.
    pub fn expire(&mut self, now_ms: u64, rules: &Behaviour) -> usize {
        let horizon = rules.horizon_ms();
        let before = self.senders.len();
        self.senders.retain(|_, s| s.seen() + horizon > now_ms);
        before - self.senders.len()
    }

    /// Forgets the least recently seen eighth of the senders at once, so that a stream of new
    /// senders into a full state costs O(log n) each, amortised, not a scan of every sender each.
    fn evict_oldest(&mut self) {
        let mut seen: Vec<(u64, &String)> = self.senders.iter().map(|(k, s)| (s.seen(), k)).collect();
        let drop = (seen.len() / 8).max(1);
        if drop < seen.len() {
            seen.select_nth_unstable(drop - 1);
        }
        let gone: Vec<String> = seen.into_iter().take(drop).map(|(_, k)| k.clone()).collect();
        for key in gone {
            self.senders.remove(&key);
            self.evicted.push(key);
        }
    }
}

/// A 64-bit fingerprint of a message's normalised text (FNV-1a): equal texts, equal prints.
pub fn fingerprint(normalised: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in normalised.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(json: &str) -> Behaviour {
        let b: Behaviour = serde_json::from_str(json).unwrap();
        b.check().unwrap();
        b
    }

    #[test]
    fn flood_trips_on_the_message_past_the_limit_and_recovers_after_the_window() {
        let r = rules(r#"{"flood":{"messages":5,"seconds":10,"code":10121,"info":"too fast"}}"#);
        let mut g = GroupState::default();
        let tripped: Vec<bool> = (0..7).map(|i| g.record("u", 1_000 + i * 100, None, false, true, &r).flood).collect();
        assert_eq!(tripped, [false, false, false, false, false, true, true]);
        assert!(!g.record("v", 1_700, None, false, true, &r).flood, "another sender has its own window");
        assert!(!g.record("u", 12_000, None, false, true, &r).flood, "ten seconds later the window is empty again");
        assert!(g.senders["u"].sent.len() <= 5, "the window holds no more than the limit");
    }

    #[test]
    fn slow_mode_trips_inside_the_interval_only() {
        let r = rules(r#"{"slow_mode_seconds":30}"#);
        let mut g = GroupState::default();
        assert!(!g.record("u", 1_000, None, false, true, &r).slow);
        assert!(g.record("u", 30_999, None, false, true, &r).slow);
        assert!(!g.record("u", 61_000, None, false, true, &r).slow);
    }

    #[test]
    fn repeats_trip_from_the_nth_time_of_the_same_text() {
        let r = rules(r#"{"repeat":{"messages":3,"seconds":60}}"#);
        let mut g = GroupState::default();
        let (a, b) = (fingerprint("buy followers"), fingerprint("hello"));
        let seen: Vec<bool> = [a, b, a, b, a, a]
            .iter()
            .enumerate()
            .map(|(i, &f)| g.record("u", 1_000 + i as u64, Some(f), false, true, &r).repeat)
            .collect();
        assert_eq!(seen, [false, false, false, false, true, true]);
        assert!(!g.record("u", 120_000, Some(a), false, true, &r).repeat, "outside the window it starts again");
        assert_eq!(Tally { repeat: true, ..Tally::default() }.hits(&r)[0].action, Action::Discard);
    }

    #[test]
    fn strikes_mute_at_the_count_and_start_again() {
        let r = rules(r#"{"strikes":{"count":3,"seconds":600,"mute_seconds":3600,"code":10122}}"#);
        let mut g = GroupState::default();
        assert_eq!(g.record("u", 1_000_000, None, true, true, &r).mute_until, None);
        assert_eq!(g.record("u", 1_001_000, None, false, true, &r).strikes, 1, "an allowed message is no strike");
        assert_eq!(g.record("u", 1_002_000, None, true, true, &r).mute_until, None);
        assert_eq!(g.record("u", 1_003_000, None, true, true, &r).mute_until, Some(1_003 + 3600));
        assert_eq!(g.senders["u"].strikes.len(), 0, "muted: the strikes start again");
        g.record("u", 1_004_000, None, true, true, &r);
        g.clear_strikes("u");
        assert_eq!(g.senders["u"].strikes.len(), 0);
    }

    #[test]
    fn a_flood_block_counts_as_a_strike() {
        let r = rules(r#"{"flood":{"messages":1,"seconds":60},"strikes":{"count":2,"seconds":600,"mute_seconds":60}}"#);
        let mut g = GroupState::default();
        g.record("u", 1_000, None, false, true, &r);
        let second = g.record("u", 2_000, None, false, true, &r);
        assert!(second.flood && second.mute_until.is_none() && second.strikes == 1);
        assert_eq!(g.record("u", 3_000, None, false, true, &r).mute_until, Some(3 + 60));
    }

    #[test]
    fn monitor_mode_checks_are_no_strikes_and_a_mute_has_a_grace() {
        let r = rules(r#"{"flood":{"messages":1,"seconds":60},"strikes":{"count":2,"seconds":600,"mute_seconds":60}}"#);
        let mut g = GroupState::default();
        for t in 0..5u64 {
            let tally = g.record("u", 1_000 + t, None, false, false, &r);
            assert!(tally.mute_until.is_none() && tally.strikes == 0, "monitor: reported, never a strike");
        }
        let mut g = GroupState::default();
        g.record("u", 1_000, None, true, true, &r);
        assert!(g.record("u", 2_000, None, true, true, &r).mute_until.is_some());
        let stale = g.record("u", 3_000, None, true, true, &r);
        assert_eq!((stale.strikes, stale.mute_until), (0, None), "strikes from isolates that missed the mute");
        let later = 2_000 + MUTE_GRACE_MS;
        assert_eq!(g.record("u", later, None, true, true, &r).strikes, 1, "counted again after the grace");
    }

    #[test]
    fn the_largest_repeat_count_is_reached() {
        let r = rules(&format!(r#"{{"repeat":{{"messages":{MAX_REPEAT},"seconds":600}}}}"#));
        let mut g = GroupState::default();
        let f = fingerprint("same");
        let first = (0..200u64).position(|t| g.record("u", 1_000 + t, Some(f), false, true, &r).repeat);
        assert_eq!(first, Some(MAX_REPEAT as usize - 1));
        let over: Behaviour =
            serde_json::from_str(&format!(r#"{{"repeat":{{"messages":{},"seconds":600}}}}"#, MAX_REPEAT + 1)).unwrap();
        assert!(over.check().is_err(), "a count the window cannot reach is refused");
    }

    #[test]
    fn state_expires_and_stays_bounded() {
        let r = rules(r#"{"flood":{"messages":5,"seconds":10},"repeat":{"messages":2,"seconds":10}}"#);
        let mut g = GroupState::default();
        for i in 0..10_000u64 {
            g.record(&format!("user{i}"), 1_000 + i, Some(i), false, true, &r);
        }
        assert_eq!(g.senders.len(), 10_000);
        assert_eq!(g.expire(1_000 + 10_000 + 10_000, &r), 10_000, "ten seconds after the last, all gone");
        for i in 0..(MAX_SENDERS as u64 + 50) {
            g.record(&format!("u{i}"), 100_000 + i, None, false, true, &r);
        }
        assert!(g.senders.len() <= MAX_SENDERS && g.senders.len() > MAX_SENDERS * 7 / 8, "{}", g.senders.len());
        assert!(!g.senders.contains_key("u0") && g.senders.contains_key(&format!("u{}", MAX_SENDERS + 49)));
        assert!(g.senders.contains_key(&format!("u{}", MAX_SENDERS / 8 + 60)), "only the least recently seen went");
        assert_eq!(g.evicted.len() + g.senders.len(), MAX_SENDERS + 50, "every sender forgotten is listed");
    }

    #[test]
    fn merged_takes_the_group_field_where_it_has_one() {
        let global = rules(r#"{"flood":{"messages":5,"seconds":10},"exempt":{"accounts":["admin"]}}"#);
        let group = rules(r#"{"flood":{"messages":2,"seconds":10}}"#);
        let m = Behaviour::merged(Some(&global), Some(&group));
        assert_eq!(m.flood.as_ref().map(|f| f.messages), Some(2));
        assert!(m.is_exempt(Some("admin"), false) && !m.is_exempt(Some("bob"), true));
        let api = rules(r#"{"exempt":{"rest_api":true}}"#);
        assert!(api.is_exempt(None, true) && !api.is_exempt(Some("bob"), false));
        assert!(Behaviour::merged(None, None).is_empty());
    }

    #[test]
    fn bad_values_are_refused() {
        for (json, field) in [
            (r#"{"flood":{"messages":0,"seconds":10}}"#, "flood.messages"),
            (r#"{"flood":{"messages":5,"seconds":0}}"#, "flood.seconds"),
            (r#"{"flood":{"messages":5,"seconds":10,"action":"mask"}}"#, "flood.action"),
            (r#"{"repeat":{"messages":1,"seconds":10}}"#, "repeat.messages"),
            (r#"{"strikes":{"count":1,"seconds":10,"mute_seconds":10}}"#, "strikes.count"),
            (r#"{"strikes":{"count":3,"seconds":10,"mute_seconds":2592001}}"#, "strikes.mute_seconds"),
            (r#"{"slow_mode_seconds":2592001}"#, "slow_mode_seconds"),
        ] {
            let b: Behaviour = serde_json::from_str(json).unwrap();
            assert_eq!(b.check().map_err(|e| e.field), Err(field), "{json}");
        }
    }
}
