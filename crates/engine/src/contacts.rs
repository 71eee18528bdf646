//! Contact details: what moves a user to another app, however it is spelled (the `contacts`
//! check of contract v2). Each kind has its own detector, all reading the text as the links
//! check does (`folded_text.rs`: invisible characters skipped, full-width and every
//! script's digits as ASCII):
//!
//! - **phone**: a run of digits with at most three separator characters (spaces, `-`, `.`,
//!   brackets, emoji...) between any two, its digits written as digits, Chinese numerals
//!   (`一三八`, `壹叁捌`, `幺`) or English words (`one three eight`). It is a phone number when it
//!   is a mainland mobile number (11 digits from `13`–`19`, with or without `86`/`+86`/`0086`), an
//!   international one (`+` or `00`, then 8–15 digits), a Chinese landline (`0` and an area code
//!   set apart, 10–12 digits), or a North American one written `(415) 555-2671` / `415-555-2671`.
//!   Prices, dates, times and order numbers are none of these.
//! - **email**: `name@domain` with a real top-level domain; `@` may be `＠`, `(at)`, `[at]`,
//!   `艾特`, or ` at ` when the name has a digit, `.` or `_` or the domain's dot is spelled
//!   (`name at example dot com`); the domain is read as the links check reads one.
//! - **wechat** / **qq**: an id right after a cue (`微信`, `vx`, `wx`, `v信`, `加v`, `weixin`... /
//!   `qq`, `扣扣`, `企鹅`, `🐧`): a WeChat id (6–20 letters, digits, `_`, `-`, from a letter) or a
//!   number; a QQ number (5–11 digits, not from `0`), spelled any way a phone number may be.
//! - **telegram**: `@handle` (5–32 letters, digits, `_`) right after a cue (`telegram`, `tg`,
//!   `电报`, `飞机`, `✈`). `t.me/...` is a link (the links check).
//! - **crypto**: Bitcoin (base58check `1…`/`3…`, bech32 `bc1…`), Ethereum (`0x` and 40 hex
//!   digits; EIP-55's checksum when the case is mixed) and TRON (base58check `T…`) addresses,
//!   with their checksums verified, so a random token of the right length is not one.
//!
//! Linear in the text: one pass to read it, one over the characters for numbers, one for cues,
//! one for `@` (the text's hosts read once, as the links check reads them), one over ASCII
//! tokens for wallets.

use crate::folded_text::{read, Read};
use crate::links::LinkFinder;

/// What a contact detail is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactKind {
    /// A phone number.
    Phone,
    /// An e-mail address.
    Email,
    /// A WeChat id after a cue.
    Wechat,
    /// A QQ number after a cue.
    Qq,
    /// A Telegram handle after a cue.
    Telegram,
    /// A crypto wallet address.
    Crypto,
}

impl ContactKind {
    /// Every kind.
    pub const ALL: [ContactKind; 6] = [
        ContactKind::Phone,
        ContactKind::Email,
        ContactKind::Wechat,
        ContactKind::Qq,
        ContactKind::Telegram,
        ContactKind::Crypto,
    ];

    /// The check's name in logs and review events: `contacts:phone`...
    pub fn check_name(self) -> &'static str {
        match self {
            ContactKind::Phone => "contacts:phone",
            ContactKind::Email => "contacts:email",
            ContactKind::Wechat => "contacts:wechat",
            ContactKind::Qq => "contacts:qq",
            ContactKind::Telegram => "contacts:telegram",
            ContactKind::Crypto => "contacts:crypto",
        }
    }
}

/// One contact detail found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// What it is.
    pub kind: ContactKind,
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// As read: the digits of a number (`+` first for an international one), the address, the id.
    pub value: String,
}

/// Finds the contact details of the kinds it was made for.
#[derive(Debug, Clone)]
pub struct ContactFinder {
    kinds: Vec<ContactKind>,
    domains: LinkFinder,
}

/// Separator characters that may stand between the digits of one number.
const MAX_DIGIT_GAP: usize = 3;
/// Characters between a cue and the id after it (`微信号：`, `vx: `, `QQ是`).
const MAX_CUE_GAP: usize = 4;

const WECHAT_CUES: &[&str] = &["微信", "威信", "薇信", "徽信", "vx", "wx", "v信", "weixin", "wechat", "加v", "+v"];
const QQ_CUES: &[&str] = &["qq", "扣扣", "企鹅", "🐧"];
const TELEGRAM_CUES: &[&str] = &["telegram", "tg", "电报", "飞机", "✈"];

impl ContactFinder {
    /// A finder for `kinds` (every kind when empty).
    pub fn new(kinds: &[ContactKind]) -> Self {
        let kinds = if kinds.is_empty() { ContactKind::ALL.to_vec() } else { kinds.to_vec() };
        ContactFinder { kinds, domains: LinkFinder::every_tld() }
    }

    /// Every contact detail in `text`, in text order.
    pub fn find(&self, text: &str) -> Vec<Contact> {
        let reads = read(text);
        let chars: Vec<char> = reads.iter().map(|r| r.c).collect();
        let mut out = Vec::new();
        let runs = numbers(&chars);
        let wants = |k: ContactKind| self.kinds.contains(&k);
        if wants(ContactKind::Phone) {
            for run in &runs {
                if let Some(value) = phone(run) {
                    out.push(run.contact(ContactKind::Phone, &reads, value));
                }
            }
        }
        if wants(ContactKind::Qq) || wants(ContactKind::Wechat) || wants(ContactKind::Telegram) {
            self.after_cues(&reads, &chars, &runs, &mut out);
        }
        if wants(ContactKind::Email) {
            self.emails(text, &reads, &chars, &mut out);
        }
        if wants(ContactKind::Crypto) {
            wallets(text, &mut out);
        }
        out.sort_by_key(|c| (c.start, c.end, c.kind == ContactKind::Phone));
        // A number found as a phone and as a QQ number is reported once, as the cue says.
        out.dedup_by(|later, earlier| later.start == earlier.start && later.end == earlier.end);
        out
    }

    /// QQ numbers, WeChat ids and Telegram handles right after their cues.
    fn after_cues(&self, reads: &[Read], chars: &[char], runs: &[Run], out: &mut Vec<Contact>) {
        for (i, &c) in chars.iter().enumerate() {
            // Every cue starts with one of these, and a Latin one starts a word.
            let latin_start = c.is_ascii() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric());
            if !(matches!(c, 'q' | 'v' | 'w' | '+' | 't') && latin_start
                || matches!(c, '扣' | '企' | '🐧' | '微' | '威' | '薇' | '徽' | '加' | '电' | '飞' | '✈'))
            {
                continue;
            }
            for (kind, cues) in
                [(ContactKind::Qq, QQ_CUES), (ContactKind::Wechat, WECHAT_CUES), (ContactKind::Telegram, TELEGRAM_CUES)]
            {
                if !self.kinds.contains(&kind) {
                    continue;
                }
                let Some(cue) = cues.iter().find(|cue| starts_with(&chars[i..], cue)) else { continue };
                let end = i + cue.chars().count();
                // A Latin cue is a word of its own (`wx`, not `wax`; `tg`, not `stg`).
                let latin = cue.chars().all(|c| c.is_ascii_alphanumeric() || c == '+');
                if latin
                    && (i > 0 && chars[i - 1].is_ascii_alphanumeric()
                        || chars.get(end).is_some_and(|c| c.is_ascii_lowercase()))
                {
                    continue;
                }
                let mut at = end;
                while at < chars.len()
                    && at - end < MAX_CUE_GAP
                    && !chars[at].is_ascii_alphanumeric()
                    && chars[at] != '@'
                    && digit_at(chars, at).is_none()
                {
                    at += 1;
                }
                let run = runs.binary_search_by_key(&at, |r| r.from).ok().and_then(|k| runs.get(k));
                match kind {
                    ContactKind::Qq => {
                        if let Some(run) = run {
                            let n = run.digits.len();
                            if (5..=11).contains(&n) && !run.digits.starts_with('0') {
                                out.push(run.contact(kind, reads, run.digits.clone()));
                            }
                        }
                    }
                    ContactKind::Wechat => {
                        if let Some(run) = run {
                            if (5..=15).contains(&run.digits.len()) {
                                out.push(run.contact(kind, reads, run.digits.clone()));
                            }
                        } else if let Some((to, id)) = word_id(chars, at, 6, 20, &['_', '-']) {
                            // After a Latin cue with nothing but a space (`wx widget`), only an id
                            // that is no word (a digit, `_` or `-` in it) is one.
                            let colon = chars[end..at].iter().any(|c| matches!(c, ':' | '：' | '号'));
                            let wordlike = id.chars().all(|c| c.is_ascii_lowercase());
                            if !(latin && !colon && wordlike) {
                                out.push(span(kind, reads, at, to, id));
                            }
                        }
                    }
                    _ => {
                        if chars.get(at) == Some(&'@') {
                            if let Some((to, id)) = word_id(chars, at + 1, 5, 32, &['_']) {
                                out.push(span(kind, reads, at, to, format!("@{id}")));
                            }
                        }
                    }
                }
            }
        }
    }

    /// E-mail addresses: a name, an `@` of any spelling, a domain.
    fn emails(&self, text: &str, reads: &[Read], chars: &[char], out: &mut Vec<Contact>) {
        // Every host of the text, read once (when there is an `@` of some spelling at all).
        let mut hosts: Option<Vec<crate::links::Link>> = None;
        let mut i = 0;
        while i < chars.len() {
            let Some((at_len, spelled)) = at_sign(chars, i) else {
                i += 1;
                continue;
            };
            // The name before it.
            let mut from = i;
            while from > 0 && i - from < 64 && is_local_char(chars[from - 1]) {
                from -= 1;
            }
            while from < i && chars[from] == '.' {
                from += 1;
            }
            let name: String = chars[from..i].iter().collect();
            let after = i + at_len;
            if name.is_empty() || after >= reads.len() {
                i += 1;
                continue;
            }
            let domain_start = reads[after].start as usize;
            let hosts = hosts.get_or_insert_with(|| self.domains.find(text));
            // The host that starts right after it (spaces aside).
            let found = hosts
                .get(hosts.partition_point(|l| l.start < domain_start))
                .filter(|l| text.get(domain_start..l.start).is_some_and(|gap| gap.trim().is_empty()));
            if let Some(link) = found {
                let spelled_dot =
                    text[link.start..link.end].contains(|c: char| !c.is_ascii_alphanumeric() && c != '.' && c != '-');
                let plain_name = !name.contains(|c: char| c.is_ascii_digit() || c == '.' || c == '_');
                if !(spelled && plain_name && !spelled_dot) {
                    let start = reads[from].start as usize;
                    let end = link.end;
                    out.push(Contact { kind: ContactKind::Email, start, end, value: format!("{name}@{}", link.host) });
                    let next = reads.partition_point(|r| (r.start as usize) < end);
                    i = next.max(i + 1);
                    continue;
                }
            }
            i += 1;
        }
    }
}

/// `@` of any spelling at `i`: its length in characters, and whether it was spelled as a word.
fn at_sign(chars: &[char], i: usize) -> Option<(usize, bool)> {
    match chars[i] {
        '@' => return Some((1, false)),
        ' ' if chars.get(i + 1) != Some(&'a') => return None,
        '(' | '[' | '{' | '艾' | ' ' => {}
        _ => return None,
    }
    for (form, spelled) in [("(at)", false), ("[at]", false), ("{at}", false), ("艾特", false), (" at ", true)] {
        if starts_with(&chars[i..], form) {
            // ` at ` needs a name right before it.
            if spelled && (i == 0 || !is_local_char(chars[i - 1])) {
                return None;
            }
            return Some((form.chars().count(), spelled));
        }
    }
    None
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn starts_with(chars: &[char], s: &str) -> bool {
    let mut n = 0;
    for (a, b) in chars.iter().zip(s.chars()) {
        if *a != b {
            return false;
        }
        n += 1;
    }
    n == s.chars().count()
}

/// An id of `min..=max` ASCII letters, digits and `extra` from a letter at `at`: its end and text.
fn word_id(chars: &[char], at: usize, min: usize, max: usize, extra: &[char]) -> Option<(usize, String)> {
    if !chars.get(at)?.is_ascii_lowercase() {
        return None;
    }
    let mut to = at;
    while to < chars.len() && (chars[to].is_ascii_alphanumeric() || extra.contains(&chars[to])) {
        to += 1;
    }
    let n = to - at;
    (min..=max).contains(&n).then(|| (to, chars[at..to].iter().collect()))
}

fn span(kind: ContactKind, reads: &[Read], from: usize, to: usize, value: String) -> Contact {
    let start = reads.get(from).map_or(0, |r| r.start as usize);
    let end = reads.get(to.saturating_sub(1)).map_or(start, |r| r.end as usize);
    Contact { kind, start, end, value }
}

/// A run of digits (of any spelling) with separators between them.
#[derive(Debug, Clone)]
struct Run {
    /// The digits.
    digits: String,
    /// First and last read of the run (inclusive start, exclusive end).
    from: usize,
    to: usize,
    /// A `+` before the first digit.
    plus: bool,
    /// The sizes of the groups of digits that touch.
    groups: Vec<usize>,
}

impl Run {
    fn contact(&self, kind: ContactKind, reads: &[Read], value: String) -> Contact {
        let from = if self.plus { self.from.saturating_sub(1) } else { self.from };
        let start = reads.get(from).map_or(0, |r| r.start as usize);
        let end = reads.get(self.to - 1).map_or(start, |r| r.end as usize);
        Contact { kind, start, end, value }
    }
}

/// The digit a read character (and, for a number word, the characters after it) stands for, and
/// how many characters it takes.
fn digit_at(chars: &[char], i: usize) -> Option<(u8, usize)> {
    let c = chars[i];
    if c.is_ascii_digit() {
        return Some((c as u8 - b'0', 1));
    }
    if c.is_ascii() {
        return number_word(chars, i);
    }
    let cjk = match c {
        '〇' | '零' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' => 2,
        '三' | '叁' | '参' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => 10,
    };
    (cjk < 10).then_some((cjk, 1))
}

/// The digit an English number word at `i` stands for (`one`), and its length.
fn number_word(chars: &[char], i: usize) -> Option<(u8, usize)> {
    let c = chars[i];
    // Number words start with one of these letters, at the start of a word.
    if !matches!(c, 'z' | 'o' | 't' | 'f' | 's' | 'e' | 'n') || (i > 0 && chars[i - 1].is_ascii_lowercase()) {
        return None;
    }
    const WORDS: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    for (d, w) in WORDS.iter().enumerate() {
        let n = w.len();
        if starts_with(&chars[i..], w) && chars.get(i + n).is_none_or(|c| !c.is_ascii_lowercase()) {
            return Some((d as u8, n));
        }
    }
    None
}

/// Whether a read character may stand between two digits of one number.
fn is_digit_separator(c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_alphanumeric() && c != '@'
    } else {
        !c.is_alphanumeric()
    }
}

/// Every run of digits in the text (`chars` as read).
fn numbers(chars: &[char]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    let mut gap = 0usize;
    let mut i = 0;
    while i < chars.len() {
        if let Some((d, len)) = digit_at(chars, i) {
            match current.as_mut() {
                Some(run) if gap <= MAX_DIGIT_GAP => {
                    if gap == 0 && len == 1 {
                        if let Some(g) = run.groups.last_mut() {
                            *g += 1;
                        }
                    } else {
                        run.groups.push(1);
                    }
                    run.digits.push(char::from(b'0' + d));
                    run.to = i + len;
                }
                _ => {
                    runs.extend(current.take());
                    let plus = i > 0 && chars[i - 1] == '+';
                    current = Some(Run {
                        digits: char::from(b'0' + d).to_string(),
                        from: i,
                        to: i + len,
                        plus,
                        groups: vec![1],
                    });
                }
            }
            gap = 0;
            i += len;
            continue;
        }
        if is_digit_separator(chars[i]) {
            gap += 1;
        } else {
            gap = MAX_DIGIT_GAP + 1;
        }
        i += 1;
    }
    runs.extend(current);
    runs
}

/// The phone number a run is, if it is one.
fn phone(run: &Run) -> Option<String> {
    let d = run.digits.as_str();
    let n = d.len();
    let mobile =
        |m: &str| m.len() == 11 && m.starts_with('1') && m.as_bytes().get(1).is_some_and(|b| (b'3'..=b'9').contains(b));
    if mobile(d) {
        return Some(d.to_owned());
    }
    for prefix in ["86", "0086"] {
        if let Some(rest) = d.strip_prefix(prefix) {
            if mobile(rest) {
                return Some(format!("+86{rest}"));
            }
        }
    }
    if run.plus && (8..=15).contains(&n) {
        return Some(format!("+{d}"));
    }
    if let Some(rest) = d.strip_prefix("00") {
        if (8..=15).contains(&rest.len()) && !rest.starts_with('0') {
            return Some(format!("+{rest}"));
        }
    }
    // A landline: 0, an area code set apart, the number.
    if d.starts_with('0')
        && !d.starts_with("00")
        && (10..=12).contains(&n)
        && run.groups.len() >= 2
        && (3..=4).contains(&run.groups[0])
    {
        return Some(d.to_owned());
    }
    // North America: (415) 555-2671, 415-555-2671, 1 415 555 2671.
    let nanp = |g: &[usize], ten: &str| {
        g == [3, 3, 4] && (b'2'..=b'9').contains(&ten.as_bytes()[0]) && (b'2'..=b'9').contains(&ten.as_bytes()[3])
    };
    if n == 10 && nanp(&run.groups, d) {
        return Some(format!("+1{d}"));
    }
    if n == 11 && d.starts_with('1') && run.groups.first() == Some(&1) && nanp(&run.groups[1..], &d[1..]) {
        return Some(format!("+{d}"));
    }
    None
}

/// Crypto wallet addresses: ASCII tokens of the right shape whose checksum holds.
fn wallets(text: &str, out: &mut Vec<Contact>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
            j += 1;
        }
        let token = &text[i..j];
        if wallet(token) {
            out.push(Contact { kind: ContactKind::Crypto, start: i, end: j, value: token.to_owned() });
        }
        i = j;
    }
}

/// Whether `token` is a Bitcoin, Ethereum or TRON address with a valid checksum.
pub fn wallet(token: &str) -> bool {
    let n = token.len();
    if !(26..=74).contains(&n) {
        return false;
    }
    if let Some(hex) = token.strip_prefix("0x").or_else(|| token.strip_prefix("0X")) {
        return hex.len() == 40 && hex.bytes().all(|b| b.is_ascii_hexdigit()) && eip55(hex);
    }
    if token.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("bc1")) {
        return bech32::segwit::decode(token).is_ok();
    }
    let base58 = |version: u8| bs58::decode(token).with_check(Some(version)).into_vec().is_ok_and(|v| v.len() == 21);
    match token.as_bytes().first() {
        Some(b'1') if (26..=35).contains(&n) => base58(0x00),
        Some(b'3') if (26..=35).contains(&n) => base58(0x05),
        Some(b'T') if n == 34 => base58(0x41),
        _ => false,
    }
}

/// EIP-55: an address in one case has no checksum; in mixed case each letter's case is the
/// checksum (uppercase where the Keccak-256 of the lowercase address has a nibble ≥ 8).
fn eip55(hex: &str) -> bool {
    use sha3::{Digest, Keccak256};
    let letters = hex.bytes().filter(u8::is_ascii_alphabetic);
    if letters.clone().all(|b| b.is_ascii_lowercase()) || letters.clone().all(|b| b.is_ascii_uppercase()) {
        return true;
    }
    let hash = Keccak256::digest(hex.to_ascii_lowercase().as_bytes());
    hex.bytes().enumerate().all(|(i, b)| {
        let nibble = (hash[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0x0f;
        !b.is_ascii_alphabetic() || b.is_ascii_uppercase() == (nibble >= 8)
    })
}
