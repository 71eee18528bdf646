//! Contact details: what moves a user to another app, however it is spelled (the `contacts`
//! check of contract v2). Each kind has its own detector, all reading the text as the links
//! check does (`folded_text.rs`: invisible characters skipped, full-width and every
//! script's digits as ASCII):
//!
//! - **phone**: runs of digits written as digits, Chinese numerals (`一三八`, `壹叁捌`, `幺`/`么`,
//!   the radio forms `洞` `拐` `勾`) or English words (`one three eight`), with at most three
//!   separator characters (spaces, `-`, `.`, brackets, emoji, `丨`...) between two groups. A run
//!   ends at `,` `:` `;` `×` `*` `=` `%` `+` and currency signs (lists, times, sums, prices). A
//!   phone number is a mainland mobile number (11 digits from `13`–`19`, looked for inside longer
//!   runs too: `13800138000 24h`), or, as a whole run, the same with `86`/`+86`/`0086`, an
//!   international one (`+` or a leading `00`, then 8–15 digits), a Chinese landline (`0` and an
//!   area code set apart, 10–12 digits) or a North American one written with `-`, `.` or brackets
//!   (`(415) 555-2671`). Runs with two decimals (`15.99 12.50`) or four dotted numbers of up to
//!   three digits (an IP address) are none.
//! - **email**: `name@domain` with a real top-level domain; `@` (set apart by spaces or not) may
//!   be `＠`, `(at)`, `[at]`,
//!   `艾特`, or ` at ` when the domain's dot is spelled (`name at example dot com`) or the name
//!   looks like one (from a letter, two letters or more, a digit, `.` or `_`: not `3 at
//!   booking.com`); the domain is read as the links check reads one.
//! - **wechat** / **qq**: an id right after a cue, with spaces, punctuation, `号` `码` `是` or `id`
//!   between (`微信`, `vx`, `wx`, `v信`, `加v`, `加微`, `v:`, `weixin`... / `qq`, `扣扣`, `企鹅`,
//!   `🐧`, `q:`, `群号`), and `wxid_...` alone: a WeChat id (6–20 letters, digits, `_`, `-`, from a
//!   letter) or a phone number; a QQ number (5–11 digits, not from `0`, or single digits set apart).
//! - **telegram**: `@handle` (5–32 letters, digits, `_`) right after a cue (`telegram`, `tg`,
//!   `电报`; `飞机`, `✈` only with a colon or the `@` touching them: they are planes too), or a
//!   handle with a digit or `_` after a cue and a colon (`tg: spam_king`). `t.me/...` is a link.
//! - **crypto**: Bitcoin (base58check `1…`/`3…`, bech32 `bc1…`), Ethereum (`0x` and 40 hex
//!   digits; EIP-55's checksum when the case is mixed) and TRON (base58check `T…`) addresses,
//!   read with invisible characters skipped and full-width forms as ASCII (case kept), a prefix
//!   touching `0x` read past, checksums verified, so a random token of the right shape is not one.
//!
//! Linear in the text: one pass to read it, one over the characters for numbers, one for cues,
//! one for `@` (the text's hosts read once, as the links check reads them), one over the read
//! characters for wallets.

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

    /// Its name in rule documents (`kinds`): `phone`...
    pub fn name(self) -> &'static str {
        self.check_name().trim_start_matches("contacts:")
    }

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
/// Characters between a cue and the id after it (`微信号：`, `vx: `, `QQ是`, `WeChat ID: `).
const MAX_CUE_GAP: usize = 6;

const WECHAT_CUES: &[&str] =
    &["微信", "威信", "薇信", "徽信", "vx", "wx", "v信", "weixin", "wechat", "加v", "+v", "加微", "+微", "v:", "v："];
const QQ_CUES: &[&str] = &["qq", "扣扣", "企鹅", "🐧", "q:", "q：", "q号", "群号"];
const TELEGRAM_CUES: &[&str] = &["telegram", "tg", "电报", "纸飞机", "飞机", "✈"];

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
                let mut s = 0;
                while s < run.groups.len() {
                    match phone_from(run, s) {
                        Some((e, value)) => {
                            out.push(run.contact(ContactKind::Phone, &reads, s, e, value));
                            s = e + 1;
                        }
                        None => s += 1,
                    }
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
            wallets(&reads, &mut out);
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
                || matches!(c, '扣' | '企' | '🐧' | '微' | '威' | '薇' | '徽' | '加' | '电' | '飞' | '纸' | '✈' | '群'))
            {
                continue;
            }
            // `wxid_...` is a WeChat id by itself.
            if latin_start && starts_with(&chars[i..], "wxid_") && self.kinds.contains(&ContactKind::Wechat) {
                if let Some((to, id)) = word_id(chars, i, 6, 30, &['_', '-']) {
                    out.push(span(ContactKind::Wechat, reads, i, to, id));
                    continue;
                }
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
                // What may stand between a cue and its id: spaces, punctuation, `号` `码` `是`, `id`.
                let mut at = end;
                while at < chars.len() && at - end < MAX_CUE_GAP && chars[at] != '@' && digit_at(chars, at).is_none() {
                    let c = chars[at];
                    if starts_with(&chars[at..], "id") && chars.get(at + 2).is_none_or(|c| !c.is_ascii_alphanumeric()) {
                        at += 2;
                    } else if !c.is_alphanumeric() || matches!(c, '号' | '码' | '是') {
                        at += 1;
                    } else {
                        break;
                    }
                }
                let colon = chars[end..at].iter().any(|c| matches!(c, ':' | '：' | '号'));
                // The run of digits whose first group starts there.
                let run = runs
                    .get(runs.partition_point(|r| r.groups.last().is_some_and(|g| g.to <= at)))
                    .filter(|r| r.groups.first().is_some_and(|g| g.from == at));
                match kind {
                    ContactKind::Qq => {
                        if let Some(run) = run {
                            if let Some((e, digits)) = qq_number(run) {
                                out.push(run.contact(kind, reads, 0, e, digits));
                            }
                        }
                    }
                    ContactKind::Wechat => {
                        if let Some(run) = run {
                            // A WeChat id written as a number is a phone number.
                            if let Some((e, value)) = phone_from(run, 0) {
                                out.push(run.contact(kind, reads, 0, e, value));
                            }
                        } else if let Some((to, id)) = word_id(chars, at, 6, 20, &['_', '-']) {
                            // After a Latin cue with nothing but a space (`wx widget`), only an id
                            // that is no word (a digit, `_` or `-` in it) is one.
                            let wordlike = id.chars().all(|c| c.is_ascii_lowercase());
                            if !(latin && !colon && wordlike) {
                                out.push(span(kind, reads, at, to, id));
                            }
                        }
                    }
                    _ => {
                        // `飞机` and `✈` are planes too (`坐飞机 @zhang_san`): their handle needs a
                        // colon after them, or the `@` right after them.
                        let plane = matches!(c, '飞' | '纸' | '✈');
                        if chars.get(at) == Some(&'@') && (colon || !plane || at == end) {
                            if let Some((to, id)) = word_id(chars, at + 1, 5, 32, &['_']) {
                                out.push(span(kind, reads, at, to, format!("@{id}")));
                            }
                        } else if colon {
                            // `tg: spam_king`: after a colon, a handle that is no word needs no `@`.
                            if let Some((to, id)) = word_id(chars, at, 5, 32, &['_']) {
                                if id.contains(|c: char| c == '_' || c.is_ascii_digit()) {
                                    out.push(span(kind, reads, at, to, format!("@{id}")));
                                }
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
            // The name before it (`@` may stand apart: `spam_king99 @ gmail.com`).
            let name_end = if chars[i] == '@' && i > 0 && chars[i - 1] == ' ' { i - 1 } else { i };
            let mut from = name_end;
            while from > 0 && name_end - from < 64 && is_local_char(chars[from - 1]) {
                from -= 1;
            }
            while from < name_end && chars[from] == '.' {
                from += 1;
            }
            let name: String = chars[from..name_end].iter().collect();
            let after = i + at_len;
            if name.is_empty() || after >= reads.len() {
                i += 1;
                continue;
            }
            let domain_start = reads[after].start as usize;
            let hosts = hosts.get_or_insert_with(|| self.domains.find_in_read(reads));
            // The host that starts right after it (spaces aside).
            let found = hosts
                .get(hosts.partition_point(|l| l.start < domain_start))
                .filter(|l| text.get(domain_start..l.start).is_some_and(|gap| gap.trim().is_empty()));
            if let Some(link) = found {
                let spelled_dot =
                    text[link.start..link.end].contains(|c: char| !c.is_ascii_alphanumeric() && c != '.' && c != '-');
                // ` at ` is English too (`3 at booking.com`, `v2.0 at python.org`): it makes an
                // address when the domain's dot is spelled, or the name looks like one (from a
                // letter, two letters or more, and a digit, `.` or `_`).
                let letters = name.chars().filter(char::is_ascii_alphabetic).count();
                let name_like = name.starts_with(|c: char| c.is_ascii_alphabetic())
                    && letters >= 2
                    && name.contains(|c: char| c.is_ascii_digit() || c == '.' || c == '_');
                if !spelled || spelled_dot || name_like {
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

/// A run of digits (of any spelling): groups of touching digits, with the separators between them.
#[derive(Debug, Clone)]
struct Run {
    groups: Vec<Group>,
    /// A `+` before the first digit.
    plus: bool,
}

/// Digits that touch (`138`, `一三八`), or one number word.
#[derive(Debug, Clone)]
struct Group {
    digits: String,
    /// First read and the read after the last (of `chars`).
    from: usize,
    to: usize,
    /// The first separator before it that is not a space (`' '` for spaces only).
    sep: char,
}

impl Run {
    /// Groups `s..=e` as a contact detail.
    fn contact(&self, kind: ContactKind, reads: &[Read], s: usize, e: usize, value: String) -> Contact {
        let from = self.groups.get(s).map_or(0, |g| g.from);
        let from = if s == 0 && self.plus { from.saturating_sub(1) } else { from };
        let to = self.groups.get(e).map_or(from + 1, |g| g.to);
        span(kind, reads, from, to, value)
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
        '〇' | '零' | '洞' => 0,
        '一' | '壹' | '幺' | '么' => 1,
        '二' | '贰' | '两' | '弍' => 2,
        '三' | '叁' | '参' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' | '拐' => 7,
        '八' | '捌' => 8,
        '九' | '玖' | '勾' => 9,
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
        !c.is_alphanumeric() || matches!(c, '丨' | '丶' | 'ー' | '⼀' | '々')
    }
}

/// Separators that end a number: lists (`13.50, 8.99`), times (`13:45`), arithmetic, money.
fn ends_number(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | ':' | '：' | ';' | '；' | '×' | '*' | '=' | '%' | '+' | '$' | '¥' | '€' | '£' | '#')
}

/// Every run of digits in the text (`chars` as read).
fn numbers(chars: &[char]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    let mut gap = 0usize;
    let mut sep = ' ';
    let mut i = 0;
    while i < chars.len() {
        if let Some((d, len)) = digit_at(chars, i) {
            let digit = char::from(b'0' + d);
            match current.as_mut() {
                Some(run) if gap <= MAX_DIGIT_GAP => match run.groups.last_mut() {
                    // A digit right after the last one joins its group, if written the same way
                    // (ASCII or not: `13800138000一起` is a number and a word).
                    Some(g)
                        if gap == 0
                            && len == 1
                            && g.to == i
                            && g.digits.len() < 64
                            && chars[i - 1].is_ascii() == chars[i].is_ascii() =>
                    {
                        g.digits.push(digit);
                        g.to = i + len;
                    }
                    _ => run.groups.push(Group { digits: digit.to_string(), from: i, to: i + len, sep }),
                },
                _ => {
                    keep(&mut runs, current.take());
                    let plus = i > 0 && chars[i - 1] == '+';
                    let group = Group { digits: digit.to_string(), from: i, to: i + len, sep: '\0' };
                    current = Some(Run { groups: vec![group], plus });
                }
            }
            gap = 0;
            sep = ' ';
            i += len;
            continue;
        }
        let c = chars[i];
        if ends_number(c) {
            keep(&mut runs, current.take());
            gap = 0;
        } else if is_digit_separator(c) {
            gap += 1;
            if sep == ' ' && !c.is_whitespace() {
                sep = c;
            }
        } else {
            gap = MAX_DIGIT_GAP + 1;
        }
        i += 1;
    }
    keep(&mut runs, current);
    runs
}

/// Keeps a run that can be a contact detail (five digits or more: a QQ number's fewest).
fn keep(runs: &mut Vec<Run>, run: Option<Run>) {
    if let Some(run) = run.filter(|r| r.groups.iter().map(|g| g.digits.len()).sum::<usize>() >= 5) {
        runs.push(run);
    }
}

/// The longest phone number made of groups `s..` of a run: its last group and its value.
fn phone_from(run: &Run, s: usize) -> Option<(usize, String)> {
    let mut digits = String::new();
    let mut best = None;
    for e in s..run.groups.len() {
        digits.push_str(&run.groups[e].digits);
        if digits.len() > 15 {
            break;
        }
        // Inside a longer run only a mobile number is looked for (`13800138000 24h`); the other
        // shapes are the whole run (`6222 0212 3456 7890` is a card, not a landline).
        let whole = s == 0 && e + 1 == run.groups.len();
        if let Some(value) = phone(&run.groups[s..=e], &digits, run.plus && s == 0, whole) {
            best = Some((e, value));
        }
    }
    best
}

/// The phone number that groups holding `d` are, if they are one.
fn phone(groups: &[Group], d: &str, plus: bool, whole: bool) -> Option<String> {
    let n = d.len();
    // Prices (`13.50 8.99`) and addresses (`142.250.190.78`) are not numbers to call.
    let decimals = groups.iter().skip(1).filter(|g| g.sep == '.' && g.digits.len() == 2).count();
    let dotted = groups.iter().skip(1).filter(|g| g.sep == '.').count();
    if decimals >= 2 || (dotted >= 3 && groups.iter().all(|g| g.digits.len() <= 3)) {
        return None;
    }
    let mobile =
        |m: &str| m.len() == 11 && m.starts_with('1') && m.as_bytes().get(1).is_some_and(|b| (b'3'..=b'9').contains(b));
    if mobile(d) {
        return Some(d.to_owned());
    }
    if !whole {
        return None;
    }
    for prefix in ["86", "0086"] {
        if let Some(rest) = d.strip_prefix(prefix) {
            if mobile(rest) {
                return Some(format!("+86{rest}"));
            }
        }
    }
    if plus && (8..=15).contains(&n) {
        return Some(format!("+{d}"));
    }
    let first = groups.first().map_or("", |g| g.digits.as_str());
    if let Some(rest) = d.strip_prefix("00") {
        if first.starts_with("00") && (8..=15).contains(&rest.len()) && !rest.starts_with('0') {
            return Some(format!("+{rest}"));
        }
    }
    // A landline: 0, an area code set apart, the number.
    if d.starts_with('0')
        && !d.starts_with("00")
        && (10..=12).contains(&n)
        && groups.len() >= 2
        && (3..=4).contains(&first.len())
    {
        return Some(d.to_owned());
    }
    // North America: (415) 555-2671, 415-555-2671, 415.555.2671 (spaces alone are a list).
    let sizes: Vec<usize> = groups.iter().map(|g| g.digits.len()).collect();
    let nanp = |g: &[Group], ten: &str| {
        g.len() == 3
            && g[0].digits.len() == 3
            && g[1].digits.len() == 3
            && g[2].digits.len() == 4
            && matches!(g[1].sep, '-' | '.' | ')' | '(')
            && matches!(g[2].sep, '-' | '.')
            && (b'2'..=b'9').contains(&ten.as_bytes()[0])
            && (b'2'..=b'9').contains(&ten.as_bytes()[3])
    };
    if n == 10 && nanp(groups, d) {
        return Some(format!("+1{d}"));
    }
    if n == 11 && sizes.first() == Some(&1) && d.starts_with('1') && nanp(&groups[1..], &d[1..]) {
        return Some(format!("+{d}"));
    }
    None
}

/// A QQ number starting at a run's first group: the group itself (5–11 digits), or single digits
/// set apart (`1 2 3 4 5 6 7 8`); its last group and digits.
fn qq_number(run: &Run) -> Option<(usize, String)> {
    let first = run.groups.first()?;
    let (e, digits) = if first.digits.len() > 1 {
        (0, first.digits.clone())
    } else {
        let e = run.groups.iter().take_while(|g| g.digits.len() == 1).count().max(1) - 1;
        (e, run.groups[..=e].iter().map(|g| g.digits.as_str()).collect())
    };
    ((5..=11).contains(&digits.len()) && !digits.starts_with('0')).then_some((e, digits))
}

/// Crypto wallet addresses: tokens of ASCII letters and digits as read (invisible characters
/// inside skipped, full-width forms as ASCII, case as written) whose checksum holds; a prefix
/// touching an Ethereum address (`USDT0x...`) is read past.
fn wallets(reads: &[Read], out: &mut Vec<Contact>) {
    let mut i = 0;
    while i < reads.len() {
        if !reads[i].c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut token = String::new();
        while j < reads.len() && reads[j].c.is_ascii_alphanumeric() {
            let r = reads[j];
            token.push(if r.upper { r.c.to_ascii_uppercase() } else { r.c });
            j += 1;
        }
        let skip = if wallet(&token) { Some(0) } else { token.find("0x").filter(|&p| p > 0 && wallet(&token[p..])) };
        if let Some(p) = skip {
            out.push(span(ContactKind::Crypto, reads, i + p, j, token[p..].to_owned()));
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
