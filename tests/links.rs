//! The `links` check as a table: links a spammer writes, spelled every way we could think of to
//! get past a link filter (each must be found, with the host it stands for and the exact bytes),
//! and ordinary text with dots that must not be taken for a link. Each case also runs through the
//! whole-callback entry point `gate::decide` with a document that blocks links (code 10120):
//! forbidden when a link is expected, delivered when none is.

#[path = "common/text_callback.rs"]
mod text_callback;

use timgate_engine::decision::Verdict;
use timgate_engine::links::LinkFinder;
use timgate_engine::rule_set::RuleSet;

fn decide(text: &str, rules: &RuleSet) -> Verdict {
    text_callback::verdict(rules, text)
}

/// `(message, [(exact bytes found, host)])`.
type Case = (&'static str, &'static [(&'static str, &'static str)]);

const LINKS: &[Case] = &[
    ("visit example.com now", &[("example.com", "example.com")]),
    ("https://example.com", &[("https://example.com", "example.com")]),
    ("go to http://localhost:3000/admin", &[("http://localhost:3000/admin", "localhost")]),
    ("www.example.co.uk", &[("www.example.co.uk", "www.example.co.uk")]),
    ("EXAMPLE.COM", &[("EXAMPLE.COM", "example.com")]),
    ("ｅｘａｍｐｌｅ．ｃｏｍ", &[("ｅｘａｍｐｌｅ．ｃｏｍ", "example.com")]),
    ("example。com", &[("example。com", "example.com")]),
    ("example｡com", &[("example｡com", "example.com")]),
    ("example dot com", &[("example dot com", "example.com")]),
    ("example DOT com", &[("example DOT com", "example.com")]),
    ("example[.]com", &[("example[.]com", "example.com")]),
    ("example(.)com", &[("example(.)com", "example.com")]),
    ("example [dot] com", &[("example [dot] com", "example.com")]),
    ("example(dot)com", &[("example(dot)com", "example.com")]),
    ("example{.}net", &[("example{.}net", "example.net")]),
    ("example . com", &[("example . com", "example.com")]),
    ("exa\u{200B}mple.c\u{2060}om", &[("exa\u{200B}mple.c\u{2060}om", "example.com")]),
    ("t.me/spamchannel", &[("t.me/spamchannel", "t.me")]),
    ("wa.me/8613800138000", &[("wa.me/8613800138000", "wa.me")]),
    ("join discord.gg/abcdef!", &[("discord.gg/abcdef", "discord.gg")]),
    ("discord.gg", &[("discord.gg", "discord.gg")]),
    ("server 192.168.1.20 is up", &[("192.168.1.20", "192.168.1.20")]),
    ("http://45.33.12.9:8080/login", &[("http://45.33.12.9:8080/login", "45.33.12.9")]),
    ("example点com", &[("example点com", "example.com")]),
    ("example點com", &[("example點com", "example.com")]),
    ("spam-site.xyz", &[("spam-site.xyz", "spam-site.xyz")]),
    ("buy.cheap-pills.top/now", &[("buy.cheap-pills.top/now", "buy.cheap-pills.top")]),
    ("hxxps://evil.example/path", &[("hxxps://evil.example/path", "evil.example")]),
    ("ⓔⓧⓐⓜⓟⓛⓔ.ⓒⓞⓜ", &[("ⓔⓧⓐⓜⓟⓛⓔ.ⓒⓞⓜ", "example.com")]),
    ("加我 example.cn 谢谢", &[("example.cn", "example.cn")]),
    ("example·com", &[("example·com", "example.com")]),
    ("example • com", &[("example • com", "example.com")]),
    ("deals at mysite.shop/deal", &[("mysite.shop/deal", "mysite.shop")]),
    ("sub.domain.example.org", &[("sub.domain.example.org", "sub.domain.example.org")]),
    ("it is example.com.", &[("example.com", "example.com")]),
    ("(see example.com)", &[("example.com", "example.com")]),
    ("www.great.today", &[("www.great.today", "www.great.today")]),
    ("ＷＷＷ。ｅｘａｍｐｌｅ。ｔｏｐ", &[("ＷＷＷ。ｅｘａｍｐｌｅ。ｔｏｐ", "www.example.top")]),
    ("example.xn--fiqs8s", &[("example.xn--fiqs8s", "example.xn--fiqs8s")]),
    ("https://t.me/+AbCdEf 来", &[("https://t.me/+AbCdEf", "t.me")]),
    ("two: a.com and b.net/x", &[("a.com", "a.com"), ("b.net/x", "b.net")]),
    ("HTTPS：／／example．com", &[("HTTPS：／／example．com", "example.com")]),
    ("e\u{0301}xample.com", &[("e\u{0301}xample.com", "example.com")]),
    ("go to example.so/promo", &[("example.so/promo", "example.so")]),
    ("example (dot) so", &[("example (dot) so", "example.so")]),
    // From the adversarial review of 2026-11-30.
    ("ｅｖｉｌ．ｔｏｐ", &[("ｅｖｉｌ．ｔｏｐ", "evil.top")]),
    ("evil﹒top", &[("evil﹒top", "evil.top")]),
    ("evil․top", &[("evil․top", "evil.top")]),
    ("evil 𝐝𝐨𝐭 com", &[("evil 𝐝𝐨𝐭 com", "evil.com")]),
    ("evil d\u{200B}ot com", &[("evil d\u{200B}ot com", "evil.com")]),
    ("example︒com", &[("example︒com", "example.com")]),
    ("example\u{0387}com", &[("example\u{0387}com", "example.com")]),
    ("evil【.】top", &[("evil【.】top", "evil.top")]),
    ("evil 【点】 top", &[("evil 【点】 top", "evil.top")]),
    ("evil.top?ref=1 now", &[("evil.top?ref=1", "evil.top")]),
    ("evil.top#x", &[("evil.top#x", "evil.top")]),
    ("example.com.evil.top", &[("example.com.evil.top", "example.com.evil.top")]),
    ("https://example.com@evil.top/login", &[("https://example.com", "example.com"), ("evil.top/login", "evil.top")]),
    ("example.com@evil.top", &[("example.com", "example.com"), ("evil.top", "evil.top")]),
];

const NOT_LINKS: &[&str] = &[
    "e.g. this one",
    "i.e. that one",
    "U.S. policy",
    "pi is 3.14",
    "version 1.2.3",
    "build 1.2.3.4.5",
    "at 10:30 today",
    "ok.so what now",
    "I was there.It was fun",
    "the end.Next time",
    "it was great.today we rest",
    "see readme.md",
    "run main.py",
    "open report.pdf",
    "photo.jpg",
    "unzip archive.zip",
    "Mr.Smith is here",
    "St.Louis",
    "at 9 a.m. or 5 p.m.",
    "No.1 fan",
    "see fig.3",
    "mail me: name@example.com",
    "it costs $9.99",
    "Ph.D. student",
    "a.k.a. the boss",
    "J.R.R. Tolkien",
    "hello...world",
    "lol.no way",
    "yes.it works",
    "rock.and roll",
    "v2.0 released",
    "node.js rocks",
    "index.html",
    "config.json",
    "love.it",
    "dot com bubble",
    "polka dot dress",
    "你好。谢谢。",
    "我有2.5公斤",
    "A.I. is here",
    "a.b.c",
    "5.30pm",
    "the dot . and the line",
    "wait.....what",
    "ok . so",
    // From the adversarial review of 2026-11-30: sentence ends, separators, version numbers.
    "hi. im new here",
    "lol. im dead",
    "ok. tv later?",
    "thanks. ai is cool",
    "good game. gg",
    "merci. ca va?",
    "Lakers vs. LA Clippers",
    "123 Main St. CA 90210",
    "Love • Life • Travel",
    "Tom·Cruise",
    "我买了iPhone。Apple真贵",
    "I'm learning .net core",
    "the .com era",
    "red dot design award",
    "blue dot app",
    "version 1.2.3.4",
    "10.30.15.00",
    "wwwww.no",
    "I met Dot today",
    "Music · Art · Design",
];

fn finder() -> LinkFinder {
    LinkFinder::new::<&str>(&[], &[])
}

fn blocking_links() -> RuleSet {
    RuleSet::from_json(r#"{"links": {"action": "block", "code": 10120, "info": "Links are not allowed"}}"#)
        .expect("links document")
}

#[test]
fn links_are_found_with_their_exact_bytes_and_host() {
    let f = finder();
    let rules = blocking_links();
    let mut failures = Vec::new();
    for (text, expected) in LINKS {
        let found: Vec<(&str, String)> = f.find(text).into_iter().map(|l| (&text[l.start..l.end], l.host)).collect();
        let want: Vec<(&str, String)> = expected.iter().map(|(s, h)| (*s, h.to_string())).collect();
        if found != want {
            failures.push(format!("{text:?}: found {found:?}, expected {want:?}"));
        }
        let verdict = decide(text, &rules);
        if verdict != (Verdict::Forbid { code: 10120, info: "Links are not allowed".into() }) {
            failures.push(format!("{text:?}: decide gave {verdict:?}"));
        }
    }
    assert!(LINKS.len() >= 30);
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), LINKS.len(), failures.join("\n"));
}

#[test]
fn ordinary_text_with_dots_is_not_a_link() {
    let f = finder();
    let rules = blocking_links();
    let mut failures = Vec::new();
    for text in NOT_LINKS {
        let found: Vec<&str> = f.find(text).into_iter().map(|l| &text[l.start..l.end]).collect();
        if !found.is_empty() {
            failures.push(format!("{text:?}: found {found:?}"));
        }
        let verdict = decide(text, &rules);
        if verdict != Verdict::Deliver {
            failures.push(format!("{text:?}: decide gave {verdict:?}"));
        }
    }
    assert!(NOT_LINKS.len() >= 30);
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), NOT_LINKS.len(), failures.join("\n"));
}

#[test]
fn allowed_domains_pass_and_their_look_alikes_do_not() {
    let rules =
        RuleSet::from_json(r#"{"links": {"action": "block", "allow_domains": ["example.com", "*.example.org"]}}"#)
            .expect("document");
    for text in ["example.com", "https://www.example.com/x", "EXAMPLE dot COM", "a.example.org", "example.org"] {
        assert_eq!(decide(text, &rules), Verdict::Deliver, "{text:?} is allowed");
    }
    // Cyrillic а in `exаmple`, another registrable domain, a suffix that is not a subdomain.
    for text in [
        "exаmple.com",
        "example.com.evil.net",
        "badexample.org",
        "example.co",
        "example.com.evil.top",
        "https://example.com@evil.top/login",
        "example.com@evil.top",
        "example.com．evil.top",
        "a.example.org.evil.top",
    ] {
        assert!(matches!(decide(text, &rules), Verdict::Forbid { .. }), "{text:?} is not allowed");
    }
}

#[test]
fn operator_top_level_domains_count_bare() {
    let rules = RuleSet::from_json(r#"{"links": {"action": "block", "tlds": ["pdf", "today"]}}"#).expect("document");
    assert!(matches!(decide("open report.pdf", &rules), Verdict::Forbid { .. }));
    assert!(matches!(decide("great.today", &rules), Verdict::Forbid { .. }));
    assert_eq!(decide("open report.doc", &rules), Verdict::Deliver);
}
