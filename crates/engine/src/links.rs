//! Links: every URL or bare domain a reader would recognise in a text, however it is spelled
//! (the `links` check of contract v2).
//!
//! The text is read through the same Unicode data as the term matcher
//! ([`timgate_matcher::unicode_data`]): invisible characters and combining marks are read as
//! nothing, full-width and other compatibility forms as ASCII (`ｅｘａｍｐｌｅ．ｃｏｍ`), case
//! folded. A **dot** is one of three spellings:
//!
//! - **plain**: `.` as typed. With a space on one side only it ends a sentence (`hi. im new`,
//!   `learning .net`) and joins nothing; with spaces on both sides or none it joins two labels.
//! - **weak**: what ordinary text also puts between words: `。` `｡` `︒`, the middle dots and
//!   bullets `·` `・` `•` `∙` `⋅` `‧`, and `dot` alone between spaces (`example dot com`).
//! - **spelled**: what only someone dodging a filter writes: a dot in brackets (`[.]`, `(dot)`,
//!   `【点】`, `{.}`), `点`/`點`, and characters read as `.` (`．` `․` `﹒`).
//!
//! A **host** is two labels or more (letters, digits, `-`) joined by dots; it is a link when
//!
//! - it ends in a real top-level domain (IANA's root zone, from the `tld` crate) or one the
//!   operator lists (`tlds`), or it is an IPv4 address (four numbers up to 255, one of two digits
//!   or more: `1.2.3.4` is a version number as often); and
//! - the reader has a reason to take it for a link: a scheme (`https://`), `www.`, a path, query
//!   or port after it (`t.me/name`, `evil.top?ref=1`, `example.com:8080`), a user part before it
//!   (`https://example.com@evil.top`), a spelled dot, or, for a bare `name.tld` (plain or weak
//!   dots), a top-level domain that is rarely anything else in chat ([`bare_tld`]).
//!
//! Once a run of labels makes a link, the link is the whole host up to its outermost real
//! top-level domain (`example.com.evil.top` is not `example.com`).
//!
//! What is left out, and why: `e.g.`, `U.S.`, `3.14` (no real top-level domain); `ok.so`,
//! `there.it`, `readme.md` (a two-letter domain that is also an English word or a file extension,
//! with nothing else suggesting a link); `great.today`, `red dot design`, `Love • Life` (a
//! top-level domain that is an English word after a plain or weak dot); `end.Next`, `Tom·Cruise`
//! (a capitalised last label: a sentence or a name); `name@example.com` (an e-mail address: the
//! `contacts` check's business). The operator can add any top-level domain to the bare ones
//! (`tlds`). Known misses (2026-11-30 review): schemes spelled loosely (`https ://`, `h t t p s`,
//! `hxxps[:]//`), look-alike letters in the top-level domain (`evil.сom` with a Cyrillic `с`),
//! `evil dot top` (a weak dot before a word-like domain), and a bare two-letter domain typed
//! without a space (`ok.im coming` is a link to `ok.im`).
//!
//! Linear in the text: one byte scan for the windows around dots, then for each window one pass
//! to read it, one to cut it into tokens, one over the tokens.

use timgate_matcher::unicode_data::{self, Class, Info};

use crate::folded_text::{fold_str, read, Read};

/// Two-letter country domains that are also English words or common file extensions: bare
/// (`ok.so`, `there.it`, `readme.md`) they are read as text; with a scheme, `www.`, a path or an
/// obfuscated dot they are links like any other.
pub const BARE_EXCLUDED: &[&str] = &[
    "am", "as", "at", "be", "by", "do", "id", "in", "is", "it", "me", "my", "no", "so", "to", "us", // words
    "cc", "md", "pl", "ps", "py", "rs", "sh", // file extensions
];

/// Generic top-level domains that are links even bare (`example.com`): the original ones and
/// those that are not English words and carry most of the spam of the newer ones.
pub const BARE_GENERIC: &[&str] =
    &["com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "xyz", "icu", "cyou", "sbs", "cfd", "vip", "ltd"];

/// Whether a top-level domain makes a bare `name.tld` a link: every two-letter country domain
/// but the ones in [`BARE_EXCLUDED`], [`BARE_GENERIC`], and internationalised ones written in
/// punycode (`xn--fiqs8s`, nobody's word).
pub fn bare_tld(tld: &str) -> bool {
    (tld.len() == 2 && !BARE_EXCLUDED.contains(&tld)) || BARE_GENERIC.contains(&tld) || tld.starts_with("xn--")
}

/// Characters a reader takes for a dot between two labels.
fn is_dot_char(c: char) -> bool {
    matches!(c, '.' | '。' | '·' | '・' | '•' | '∙' | '⋅' | '‧' | '点')
}

/// Schemes that make what follows `://` a link.
fn is_scheme(label: &[Read]) -> bool {
    ["http", "https", "hxxp", "hxxps", "ftp", "ws", "wss"].iter().any(|s| label.iter().map(|r| r.c).eq(s.chars()))
}

/// The links settings a finder needs (from the rule document's `links`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkFinder {
    /// Hosts that pass as they are (`example.com`; `www.` in front is the same host).
    exact: Vec<String>,
    /// Hosts whose subdomains pass, and themselves (`*.example.org`).
    suffixes: Vec<String>,
    /// Top-level domains the operator added (also bare links).
    tlds: Vec<String>,
    /// Finding hosts for addresses: every real top-level domain counts bare, and a host after an
    /// `@` is one (the domain of an e-mail address).
    every_tld: bool,
}

/// One link found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Byte range of the link in the text, scheme and path included.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The host as read: lowercase labels joined by `.` (`example.com` for `ＥＸＡＭＰＬＥ dot com`).
    pub host: String,
    /// Whether `allow_domains` lets it pass.
    pub allowed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Label,
    /// A dot of some spelling, with the spaces taken in before (`SPACE_BEFORE`) and after it.
    Dot {
        spelling: DotSpelling,
        spaces: u8,
    },
    Space,
    /// A line or paragraph break (between two pieces of a message, too): ends a link.
    Break,
    Slash,
    Colon,
    At,
    Open,
    Close,
    Other,
}

/// How a dot was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DotSpelling {
    /// `.`: with a space on one side only it ends a sentence (`hi. im`, `learning .net`).
    Plain,
    /// What ordinary text also puts between words: `。`, middle dots and bullets, `dot` alone.
    /// A link only where a bare `name.tld` would be one.
    Weak,
    /// What only someone dodging a filter writes: `[.]`, `(dot)`, `点`, `．`, `․`, `﹒`. Any real
    /// top-level domain after it makes a link.
    Spelled,
}

const SPACE_BEFORE: u8 = 1;
const SPACE_AFTER: u8 = 2;

/// A run of read characters `from..to` of one kind.
#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    from: usize,
    to: usize,
}

impl LinkFinder {
    /// A finder; `allow_domains` as in the document (`example.com`, `*.example.org`), `tlds`
    /// extra top-level domains (without the dot). Entries are read like text (case, full-width).
    pub fn new<S: AsRef<str>>(allow_domains: &[S], tlds: &[S]) -> Self {
        let mut finder = LinkFinder::default();
        for entry in allow_domains {
            let folded = fold_str(entry.as_ref().trim());
            match folded.strip_prefix("*.") {
                Some(suffix) => finder.suffixes.push(suffix.to_owned()),
                None => finder.exact.push(folded.strip_prefix("www.").unwrap_or(&folded).to_owned()),
            }
        }
        finder.tlds = tlds.iter().map(|t| fold_str(t.as_ref().trim().trim_start_matches('.'))).collect();
        finder
    }

    /// Every link in `text`, allowed ones included, in text order.
    ///
    /// Only the parts of the text near something a link needs are read (`windows`): most
    /// messages hold a few sentence ends and no link, and are passed over at the speed of a byte
    /// scan.
    pub fn find(&self, text: &str) -> Vec<Link> {
        let mut links = Vec::new();
        for (from, to) in windows(text) {
            for mut link in self.find_all(&text[from..to]) {
                link.start += from;
                link.end += from;
                links.push(link);
            }
        }
        links
    }

    /// Every link in `text`, reading all of it.
    fn find_all(&self, text: &str) -> Vec<Link> {
        self.find_in_read(&read(text))
    }

    /// Every link in a text already read (`folded_text::read` of the whole text: offsets are
    /// the text's); the same links as [`Self::find`].
    pub(crate) fn find_in_read(&self, read: &[Read]) -> Vec<Link> {
        let tokens = tokens(read);
        let mut links = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let (link, next) = self.link_at(read, &tokens, i);
            links.extend(link);
            i = next.max(i + 1);
        }
        links
    }

    /// A finder of the hosts of addresses: every real top-level domain counts, bare too, and the
    /// domain after an `@` is found.
    pub(crate) fn every_tld() -> Self {
        LinkFinder { every_tld: true, ..LinkFinder::default() }
    }

    /// Whether `host` (lowercase labels joined by `.`) passes `allow_domains`.
    pub fn allows(&self, host: &str) -> bool {
        let bare = host.strip_prefix("www.").unwrap_or(host);
        self.exact.iter().any(|e| e == bare)
            || self
                .suffixes
                .iter()
                .any(|s| host == s || host.strip_suffix(s.as_str()).is_some_and(|head| head.ends_with('.')))
    }

    /// The link whose host starts at token `i`, if there is one, and the token to go on from
    /// (after the link, or after the chain of labels that was not one).
    fn link_at(&self, read: &[Read], tokens: &[Token], i: usize) -> (Option<Link>, usize) {
        let kind = |k: usize| tokens.get(k).map(|t| t.kind);
        // A dot joins two labels, except a plain one with a space on one side only.
        let chained = |k: usize| match kind(k + 1) {
            Some(Kind::Dot { spelling, spaces }) => {
                kind(k + 2) == Some(Kind::Label)
                    && !(spelling == DotSpelling::Plain && (spaces == SPACE_BEFORE || spaces == SPACE_AFTER))
            }
            _ => false,
        };
        let after_slashes = i >= 3
            && kind(i - 1) == Some(Kind::Slash)
            && kind(i - 2) == Some(Kind::Slash)
            && kind(i - 3) == Some(Kind::Colon);
        // Most words are neither a label followed by a dot nor after `://`: nothing to build.
        if kind(i) != Some(Kind::Label) || !(chained(i) || after_slashes) {
            return (None, i + 1);
        }
        // The chain of labels joined by dots.
        let mut labels = vec![i];
        let mut obfuscated_before: Vec<bool> = vec![false];
        let mut k = i;
        while chained(k) {
            let spelled = matches!(kind(k + 1), Some(Kind::Dot { spelling: DotSpelling::Spelled, .. }));
            let before = obfuscated_before.last().copied().unwrap_or(false);
            obfuscated_before.push(before || spelled);
            labels.push(k + 2);
            k += 2;
        }
        let chain_end = k + 1;
        let after_at = i.checked_sub(1).and_then(kind) == Some(Kind::At);
        let after_userinfo = after_at && userinfo(read, tokens, i - 1);
        if after_at && !after_userinfo && !self.every_tld {
            return (None, chain_end); // an e-mail address's domain
        }
        let label = |t: usize| tokens.get(t).map_or(&[][..], |t| &read[t.from..t.to]);
        let scheme = after_slashes && i >= 4 && kind(i - 4) == Some(Kind::Label) && is_scheme(label(i - 4));
        let first = if scheme { i - 4 } else { i };
        let numeric = labels.iter().all(|&t| label(t).iter().all(|r| r.c.is_ascii_digit()));
        // After a scheme, any host (`http://localhost`); an IPv4 address: four numbers up to 255.
        // (`1.2.3.4` is a version number as often: an address has a number of two digits or more.)
        let ip = numeric
            && labels.len() == 4
            && labels.iter().all(|&t| octet(label(t)))
            && labels.iter().any(|&t| label(t).len() >= 2);
        if scheme || ip {
            let last = self.path_end(read, tokens, k);
            return (Some(self.link(read, tokens, first, last, host(read, tokens, &labels))), last + 1);
        }
        if numeric || labels.len() < 2 {
            return (None, chain_end);
        }
        // The longest run of labels ending in a top-level domain that makes it a link.
        let first_label = label(i);
        let www = first_label.len() >= 3
            && first_label[..3].iter().all(|r| r.c == 'w')
            && first_label[3..].iter().all(|r| r.c.is_ascii_digit());
        let mut name = String::new();
        // The outermost label that is a real top-level domain: once a shorter run of labels makes a
        // link, the link is the whole host up to it (`example.com.evil.top` is not `example.com`).
        let mut outermost: Option<usize> = None;
        for last in (1..labels.len()).rev() {
            let tld = label(labels[last]);
            let candidate = tld.len() >= 2
                && tld.len() <= 63
                && (tld.iter().all(|r| r.c.is_ascii_lowercase()) || tld.iter().take(4).map(|r| r.c).eq("xn--".chars()));
            if !candidate {
                continue;
            }
            name.clear();
            name.extend(tld.iter().map(|r| r.c));
            if !(tld::exist(&name) || self.tlds.contains(&name)) {
                continue;
            }
            let outer = *outermost.get_or_insert(last);
            let end_label = labels[last];
            let after = self.path_end(read, tokens, end_label);
            let strong = www || after_userinfo || after != end_label || obfuscated_before[last];
            let bare = || {
                let titled = tld[0].upper && tld[1..].iter().all(|r| !r.upper);
                (self.every_tld || bare_tld(&name) || self.tlds.contains(&name)) && !titled
            };
            if strong || bare() {
                let after = if outer == last { after } else { self.path_end(read, tokens, labels[outer]) };
                let host = host(read, tokens, &labels[..=outer]);
                return (Some(self.link(read, tokens, first, after, host)), after + 1);
            }
        }
        (None, chain_end)
    }

    /// The last token of a link whose host ends at token `last`: a port (`:8080`) and a path
    /// (`/join/abc`, `?x=1`) run on until a space, a line break or CJK text; punctuation that ends
    /// a sentence is left out of the end.
    fn path_end(&self, read: &[Read], tokens: &[Token], last: usize) -> usize {
        let kind = |k: usize| tokens.get(k).map(|t| t.kind);
        let mut end = last;
        if kind(end + 1) == Some(Kind::Colon)
            && kind(end + 2) == Some(Kind::Label)
            && tokens.get(end + 2).is_some_and(|t| read[t.from..t.to].iter().all(|r| r.c.is_ascii_digit()))
        {
            end += 2;
        }
        let query = |k: usize| {
            kind(k) == Some(Kind::Other)
                && tokens.get(k).is_some_and(|t| matches!(read[t.from].c, '?' | '#'))
                && !matches!(kind(k + 1), None | Some(Kind::Space | Kind::Break))
        };
        if kind(end + 1) == Some(Kind::Slash) || query(end + 1) {
            let mut k = end + 1;
            while let Some(next) = tokens.get(k + 1) {
                let ideo = read.get(next.from).is_some_and(|r| Info::of(r.c).class() == Class::Ideo);
                if matches!(next.kind, Kind::Space | Kind::Break) || ideo {
                    break;
                }
                k += 1;
            }
            // Trailing closers and dots are the sentence's, not the link's (a bare `/` stays).
            while k > end + 1 && matches!(kind(k), Some(Kind::Close | Kind::Dot { .. } | Kind::Other)) {
                k -= 1;
            }
            end = k;
        }
        end
    }

    fn link(&self, read: &[Read], tokens: &[Token], first: usize, last: usize, host: String) -> Link {
        let start = tokens.get(first).and_then(|t| read.get(t.from)).map_or(0, |r| r.start as usize);
        let end = tokens.get(last).and_then(|t| read.get(t.to - 1)).map_or(start, |r| r.end as usize);
        let allowed = self.allows(&host);
        Link { start, end, host, allowed }
    }
}

/// The labels `labels` (token numbers) as a host: joined by `.`.
fn host(read: &[Read], tokens: &[Token], labels: &[usize]) -> String {
    let mut out = String::new();
    for (n, t) in labels.iter().filter_map(|&t| tokens.get(t)).enumerate() {
        if n > 0 {
            out.push('.');
        }
        out.extend(read[t.from..t.to].iter().map(|r| r.c));
    }
    out
}

/// Whether the `@` at token `at` ends the user part of a URL (`https://user@host`,
/// `example.com@evil.top`: the host is after it) rather than an e-mail address's name.
fn userinfo(read: &[Read], tokens: &[Token], at: usize) -> bool {
    let kind = |k: usize| tokens.get(k).map(|t| t.kind);
    // What stands right before it is a host: its last label a real top-level domain.
    let before = at.checked_sub(1).and_then(|k| tokens.get(k)).filter(|t| t.kind == Kind::Label);
    if let Some(t) = before {
        let name: String = read[t.from..t.to].iter().map(|r| r.c).collect();
        if at >= 2 && matches!(kind(at - 2), Some(Kind::Dot { .. })) && tld::exist(&name) {
            return true;
        }
    }
    // A scheme's `//` before it, in the same word.
    let mut k = at;
    for _ in 0..64 {
        let Some(previous) = k.checked_sub(1) else { break };
        match kind(previous) {
            Some(Kind::Space | Kind::Break) | None => break,
            Some(Kind::Slash) if previous > 0 && kind(previous - 1) == Some(Kind::Slash) => return true,
            _ => k = previous,
        }
    }
    false
}

/// A number from 0 to 255 of at most three digits, without a leading zero.
fn octet(label: &[Read]) -> bool {
    label.len() <= 3
        && (label.len() == 1 || label.first().is_some_and(|r| r.c != '0'))
        && label.iter().try_fold(0u32, |n, r| r.c.to_digit(10).map(|d| n * 10 + d)).is_some_and(|n| n <= 255)
}

/// Words on either side of a word that may hold a dot (or `://`) that a window takes in: enough
/// for `example [ dot ] com`.
const WINDOW_WORDS: usize = 2;

/// The byte ranges of `text` where a link can be: every run of [`WINDOW_WORDS`] words around a
/// word that holds a dot of any spelling, a `:`, or `dot`, merged where they touch. Words are
/// separated by white space, line breaks and CJK characters (none of which a host holds; `点`
/// is a dot); a link's labels, dots, scheme and path are all inside the words of one window, so
/// reading the windows alone finds what reading the whole text finds (tested).
fn windows(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut w = Windows::default();
    // The last two characters as read (folded, invisible ones left out): `dot` is an anchor
    // however it is written (`DOT`, `𝐝𝐨𝐭`, `d\u{200B}ot`).
    let mut previous = ['\0'; 2];
    let mut anchor_of = |c: char| {
        let anchor = c == ':' || is_dot_char(c) || (c == 't' && previous == ['d', 'o']);
        previous = [previous[1], c];
        anchor
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // ASCII, the common case, without the general step: a letter inside a word that is
            // not an anchor changes nothing.
            if b.is_ascii_whitespace() {
                w.end_word(i);
                anchor_of(' ');
            } else {
                let anchor = anchor_of(char::from(b.to_ascii_lowercase()));
                if anchor || !w.inside {
                    w.in_word(i, anchor);
                }
            }
            i += 1;
            continue;
        }
        let c = text.get(i..).and_then(|rest| rest.chars().next()).unwrap_or(' ');
        let info = Info::of(c);
        if !matches!(info.class(), Class::Ignorable | Class::Mark) {
            let mut anchor = false;
            let mut dot = false;
            unicode_data::fold(c, |f| {
                dot |= is_dot_char(f);
                anchor |= anchor_of(f);
            });
            if c.is_whitespace() || (!dot && info.class() == Class::Ideo) {
                w.end_word(i);
            } else {
                // Full-width forms (`．`, `ｃｏｍ`) too.
                w.in_word(i, anchor || matches!(c, '\u{FF00}'..='\u{FFEF}'));
            }
        }
        i += c.len_utf8();
    }
    w.end_word(text.len());
    if let Some(start) = w.open {
        w.out.push((start, text.len()));
    }
    w.out
}

/// The state of [`windows`] between two characters.
#[derive(Default)]
struct Windows {
    out: Vec<(usize, usize)>,
    /// Starts of the last `WINDOW_WORDS + 1` words (a ring), and how many words there were.
    recent: [usize; WINDOW_WORDS + 1],
    words: usize,
    /// Inside a word.
    inside: bool,
    /// The current word holds an anchor.
    anchor_word: bool,
    /// The window being built: its start.
    open: Option<usize>,
    /// Words it still takes after its last anchor's word.
    pending: usize,
}

impl Windows {
    /// A character of a word at byte `at`.
    #[inline]
    fn in_word(&mut self, at: usize, anchor: bool) {
        let ring = self.recent.len();
        if !self.inside {
            self.inside = true;
            self.recent[self.words % ring] = at;
            self.words += 1;
        }
        if !anchor || self.anchor_word {
            return;
        }
        self.anchor_word = true;
        self.pending = WINDOW_WORDS;
        if self.open.is_none() {
            let back = (self.words - 1).min(WINDOW_WORDS);
            let start = self.recent[(self.words - 1 - back) % ring];
            // A window that starts where the last one ended, or before, is that window.
            self.open = Some(match self.out.last() {
                Some(&(s, e)) if start <= e => {
                    self.out.pop();
                    s
                }
                _ => start,
            });
        }
    }

    /// A boundary at byte `at`: ends the word, and the window once it has its words.
    #[inline]
    fn end_word(&mut self, at: usize) {
        if !std::mem::take(&mut self.inside) || self.open.is_none() {
            return;
        }
        if std::mem::take(&mut self.anchor_word) {
            return;
        }
        self.pending = self.pending.saturating_sub(1);
        if self.pending == 0 {
            if let Some(start) = self.open.take() {
                self.out.push((start, at));
            }
        }
    }
}

fn is_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && Info::of(c).class() == Class::Letter)
}

fn char_kind(c: char) -> Kind {
    match c {
        c if is_label_char(c) => Kind::Label,
        c if is_dot_char(c) => Kind::Dot { spelling: DotSpelling::Weak, spaces: 0 },
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' => Kind::Break,
        c if c.is_whitespace() => Kind::Space,
        '/' => Kind::Slash,
        ':' => Kind::Colon,
        '@' => Kind::At,
        '[' | '(' | '{' | '<' | '【' | '〔' | '〖' | '「' | '『' | '《' | '〈' | '«' | '‹' | '⟨' => {
            Kind::Open
        }
        ']' | ')' | '}' | '>' | '】' | '〕' | '〗' | '」' | '』' | '》' | '〉' | '»' | '›' | '⟩' => {
            Kind::Close
        }
        _ => Kind::Other,
    }
}

/// The read text cut into tokens: runs of label characters and of spaces, one token for each
/// other character; then dots spelled to dodge a filter become dots, and the spaces around a dot
/// go into it.
fn tokens(read: &[Read]) -> Vec<Token> {
    let mut raw: Vec<Token> = Vec::new();
    for (i, r) in read.iter().enumerate() {
        let kind = match char_kind(r.c) {
            // `.` as written is plain; a character folded to one (`．`, `․`, `﹒`) is spelled to dodge.
            Kind::Dot { spaces, .. } if r.c == '.' => {
                let spelling = if r.end - r.start == 1 { DotSpelling::Plain } else { DotSpelling::Spelled };
                Kind::Dot { spelling, spaces }
            }
            Kind::Dot { spaces, .. } if r.c == '点' => Kind::Dot { spelling: DotSpelling::Spelled, spaces },
            kind => kind,
        };
        match raw.last_mut() {
            Some(last) if last.kind == kind && matches!(kind, Kind::Label | Kind::Space) => last.to = i + 1,
            _ => raw.push(Token { kind, from: i, to: i + 1 }),
        }
    }
    let is_dot_word = |t: &Token| t.kind == Kind::Label && read[t.from..t.to].iter().map(|r| r.c).eq("dot".chars());
    let mut out: Vec<Token> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let t = raw[i];
        let kind = |k: usize| raw.get(k).map(|t| t.kind);
        // `[.]`, `( dot )`, `{.}`, `<dot>`.
        if t.kind == Kind::Open {
            let mut k = i + 1;
            if kind(k) == Some(Kind::Space) {
                k += 1;
            }
            let inner = raw.get(k).filter(|x| matches!(x.kind, Kind::Dot { .. }) || is_dot_word(x)).is_some();
            let mut close = k + 1;
            if kind(close) == Some(Kind::Space) {
                close += 1;
            }
            if inner && kind(close) == Some(Kind::Close) {
                let dot = Kind::Dot { spelling: DotSpelling::Spelled, spaces: 0 };
                push_dot(&mut out, Token { kind: dot, from: t.from, to: raw[close].to });
                i = close + 1;
                continue;
            }
        }
        // `dot` alone between spaces.
        if is_dot_word(&t)
            && kind(i.wrapping_sub(1)) == Some(Kind::Space)
            && kind(i + 1) == Some(Kind::Space)
            && i >= 2
            && kind(i - 2) == Some(Kind::Label)
            && kind(i + 2) == Some(Kind::Label)
        {
            push_dot(
                &mut out,
                Token { kind: Kind::Dot { spelling: DotSpelling::Weak, spaces: 0 }, from: t.from, to: t.to },
            );
            i += 1;
            continue;
        }
        match t.kind {
            Kind::Dot { .. } => push_dot(&mut out, t),
            Kind::Space if matches!(out.last(), Some(Token { kind: Kind::Dot { .. }, .. })) => {
                // Spaces after a dot: part of it, when a label follows.
                if kind(i + 1) == Some(Kind::Label) || is_dot_word(&raw[(i + 1).min(raw.len() - 1)]) {
                    if let Some(last) = out.last_mut() {
                        last.to = t.to;
                        if let Kind::Dot { spaces, .. } = &mut last.kind {
                            *spaces |= SPACE_AFTER;
                        }
                    }
                } else {
                    out.push(t);
                }
            }
            _ => out.push(t),
        }
        i += 1;
    }
    out
}

/// Adds a dot, taking in the spaces before it when a label stands before them.
fn push_dot(out: &mut Vec<Token>, dot: Token) {
    let n = out.len();
    if n >= 2 && out[n - 1].kind == Kind::Space && out[n - 2].kind == Kind::Label {
        let space = out.pop();
        let from = space.map_or(dot.from, |s| s.from);
        let kind = match dot.kind {
            Kind::Dot { spelling, spaces } => Kind::Dot { spelling, spaces: spaces | SPACE_BEFORE },
            other => other,
        };
        out.push(Token { kind, from, ..dot });
    } else {
        out.push(dot);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(finder: &LinkFinder, text: &str) -> Vec<String> {
        finder.find(text).into_iter().map(|l| format!("{}={}", &text[l.start..l.end], l.host)).collect()
    }

    fn plain() -> LinkFinder {
        LinkFinder::new::<&str>(&[], &[])
    }

    #[test]
    fn the_listed_top_level_domains_are_real_ones() {
        for tld in BARE_EXCLUDED.iter().chain(BARE_GENERIC) {
            assert!(tld::exist(tld), "{tld} is not in IANA's root zone: the list means nothing");
        }
    }

    #[test]
    fn spans_cover_scheme_host_and_path() {
        let f = plain();
        assert_eq!(hosts(&f, "see https://example.com/a?b=1."), ["https://example.com/a?b=1=example.com"]);
        assert_eq!(hosts(&f, "(t.me/spam)"), ["t.me/spam=t.me"]);
        assert_eq!(hosts(&f, "example.com:8080/x"), ["example.com:8080/x=example.com"]);
    }

    /// Reading only the windows finds exactly what reading the whole text finds, on texts made
    /// of the pieces links and their look-alikes are made of.
    #[test]
    fn windows_find_what_the_whole_text_holds() {
        const PIECES: &[&str] = &[
            "a",
            "b",
            "𝐝𝐨𝐭",
            "ᴅᴏᴛ",
            "d\u{200B}ot",
            "︒",
            "\u{0387}",
            "【",
            "】",
            "?",
            "#",
            "//",
            "top",
            "So",
            "x1",
            "com",
            "net",
            "so",
            "today",
            "Next",
            "www",
            "http",
            "https",
            "://",
            ":",
            "/",
            "8080",
            "255",
            "1",
            " ",
            "  ",
            ".",
            "。",
            "．",
            "·",
            " dot ",
            "dot",
            "DOT",
            "[.]",
            "(",
            ")",
            "[",
            "]",
            "@",
            "-",
            "\u{200B}",
            "Ｅ",
            "ｃｏｍ",
            "点",
            "我",
            "\n",
            "\u{2029}",
            "\u{3000}",
            "e\u{301}",
            "!",
            "?",
            ",",
        ];
        let f = LinkFinder::new(&["a.com"], &["today"]);
        let mut state = 0x5EED_u64;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        let mut with_links = 0;
        for _ in 0..20_000 {
            let text: String = (0..1 + next(24)).map(|_| PIECES[next(PIECES.len())]).collect();
            let whole = f.find_all(&text);
            assert_eq!(f.find(&text), whole, "{text:?}");
            with_links += usize::from(!whole.is_empty());
        }
        assert!(with_links > 1000, "the texts hold links ({with_links})");
    }

    #[test]
    fn allow_domains_exact_www_and_suffix() {
        let f = LinkFinder::new(&["example.com", "*.example.org"], &[]);
        let allowed = |t: &str| f.find(t).iter().map(|l| l.allowed).collect::<Vec<_>>();
        assert_eq!(allowed("example.com www.example.com a.example.com"), [true, true, false]);
        assert_eq!(allowed("example.org x.example.org y.x.example.org badexample.org"), [true, true, true, false]);
    }
}
