//! Evasion cases, as a table: the spellings people use to slip a term past a filter, and the
//! ordinary words a filter must leave alone. Each case gives the terms, the allowed words, the
//! message, and the exact original substrings that must be found (after the allow-list), in order.
//! Collections follow the tricks of `normalize.rs`; a new trick or a fixed miss gets its own case.

use timgate::engine::rule_set::RuleSet;

struct Case {
    name: &'static str,
    terms: &'static [&'static str],
    allow: &'static [&'static str],
    haystack: &'static str,
    expected: &'static [&'static str],
}

/// `t!(name, terms, haystack, expected)` or `t!(name, terms, allow, haystack, expected)`.
macro_rules! t {
    ($name:expr, $terms:expr, $haystack:expr, $expected:expr) => {
        Case { name: $name, terms: &$terms, allow: &[], haystack: $haystack, expected: &$expected }
    };
    ($name:expr, $terms:expr, $allow:expr, $haystack:expr, $expected:expr) => {
        Case { name: $name, terms: &$terms, allow: &$allow, haystack: $haystack, expected: &$expected }
    };
}

const NONE: [&str; 0] = [];

const BASICS: &[Case] = &[
    t!("case-insensitive", ["damn"], "Oh DAMN it", ["DAMN"]),
    t!("plain miss", ["damn"], "hello world", NONE),
    t!("phrase", ["buy followers"], "want to BUY  followers?", ["BUY  followers"]),
    t!("phrase across punctuation", ["buy followers"], "buy, followers", ["buy, followers"]),
    t!("prefix term", ["fuck*"], "fucking hell", ["fuck"]),
    t!("several terms in message order", ["worse", "bad"], "bad and worse", ["bad", "worse"]),
    t!("digits term next to CJK", ["8964"], "六四8964事件", ["8964"]),
    t!("a number is not inside a longer number", ["100"], "1000 or 100", ["100"]),
    t!("term at both ends of the text", ["spam"], "spam spam", ["spam", "spam"]),
];

const CJK: &[Case] = &[
    t!("inside running text", ["傻逼"], "你这个傻逼啊", ["傻逼"]),
    t!("traditional text, simplified term", ["你妈"], "操你媽的", ["你媽"]),
    t!("simplified text, traditional term", ["你媽"], "操你妈的", ["你妈"]),
    t!("traditional both", ["這個"], "這個人", ["這個"]),
    t!("japanese", ["バカ"], "お前はバカだ", ["バカ"]),
    t!("half-width katakana", ["バカ"], "ﾊﾞｶ", ["ﾊﾞｶ"]),
    t!("korean", ["바보"], "너 바보야", ["바보"]),
    t!("tripled head", ["傻逼"], "傻傻傻逼", ["傻傻傻逼"]),
    t!("doubled head keeps the extra character", ["傻逼"], "傻傻逼", ["傻逼"]),
    t!("latin and CJK in one term", ["qq群"], "加我QQ群", ["QQ群"]),
    t!("spaced out", ["傻逼"], "傻 逼", ["傻 逼"]),
    t!("spaced out inside running text", ["傻逼"], "你个傻 逼啊", ["傻 逼"]),
    t!("chinese punctuation between single characters is a gap (issue 12)", ["傻逼"], "傻，逼", ["傻，逼"]),
    t!("dotted", ["傻逼"], "傻.逼", ["傻.逼"]),
    t!("ideographic space", ["傻逼"], "傻\u{3000}逼", ["傻\u{3000}逼"]),
    t!("zero width inside", ["傻逼"], "傻\u{200B}逼", ["傻\u{200B}逼"]),
    t!("every occurrence", ["垃圾"], "垃圾，真垃圾", ["垃圾", "垃圾"]),
];

const FULLWIDTH: &[Case] = &[
    t!("full-width", ["bad"], "ｂａｄ", ["ｂａｄ"]),
    t!("full-width capitals", ["bad"], "so ＢＡＤ!", ["ＢＡＤ"]),
    t!("mathematical bold", ["bad"], "\u{1D41B}\u{1D41A}\u{1D41D}", ["\u{1D41B}\u{1D41A}\u{1D41D}"]),
    t!("circled letters", ["bad"], "ⓑⓐⓓ", ["ⓑⓐⓓ"]),
    t!("ligature", ["fine"], "ﬁne", ["ﬁne"]),
    t!("small capitals", ["stupid"], "ꜱᴛᴜᴘɪᴅ", ["ꜱᴛᴜᴘɪᴅ"]),
    t!("full-width digits", ["8964"], "８９６４", ["８９６４"]),
    t!("full-width phrase", ["free crypto"], "ｆｒｅｅ　ｃｒｙｐｔｏ", ["ｆｒｅｅ　ｃｒｙｐｔｏ"]),
];

const ZERO_WIDTH: &[Case] = &[
    t!("zero width space", ["bad"], "b\u{200B}ad", ["b\u{200B}ad"]),
    t!("zero width joiners", ["bad"], "b\u{200D}a\u{200D}d", ["b\u{200D}a\u{200D}d"]),
    t!("soft hyphen", ["bad"], "ba\u{00AD}d", ["ba\u{00AD}d"]),
    t!("byte order mark", ["bad"], "\u{FEFF}bad", ["bad"]),
    t!("variation selector", ["bad"], "ba\u{FE0F}d", ["ba\u{FE0F}d"]),
    t!("precomposed accents", ["bad"], "bäd", ["bäd"]),
    t!(
        "combining accents, trailing one included",
        ["bad"],
        "b\u{0301}a\u{0308}d\u{0323}",
        ["b\u{0301}a\u{0308}d\u{0323}"]
    ),
    t!(
        "zalgo",
        ["bad"],
        "b\u{0338}\u{0321}a\u{0334}\u{031B}d\u{0337}\u{035D}",
        ["b\u{0338}\u{0321}a\u{0334}\u{031B}d\u{0337}\u{035D}"]
    ),
    t!("word joiner", ["spam"], "sp\u{2060}am", ["sp\u{2060}am"]),
];

const LEET: &[Case] = &[
    t!("digit between letters", ["shit"], "sh1t", ["sh1t"]),
    t!("zero for o", ["cock"], "c0ck", ["c0ck"]),
    t!("two digits", ["boobs"], "b00bs", ["b00bs"]),
    t!("three for e", ["hello"], "h3llo", ["h3llo"]),
    t!("at sign at the start", ["ass"], "you @ss", ["@ss"]),
    t!("dollars at the end", ["ass"], "a$$ hat", ["a$$"]),
    t!("exclamation inside", ["shit"], "sh!t happens", ["sh!t"]),
    t!("exclamation at the end is punctuation", ["damn"], "damn!", ["damn"]),
    t!("leet and capitals", ["bitch"], "B1TCH", ["B1TCH"]),
    t!("leet in CJK-adjacent latin", ["fuck"], "你fu\u{0441}k", ["fu\u{0441}k"]),
];

const SEPARATORS: &[Case] = &[
    t!("spaces", ["bad"], "so b a d", ["b a d"]),
    t!("dots", ["bad"], "b.a.d.", ["b.a.d"]),
    t!("hyphens", ["bad"], "b-a-d", ["b-a-d"]),
    t!("underscores", ["bad"], "b_a_d", ["b_a_d"]),
    t!("asterisks", ["bad"], "b*a*d", ["b*a*d"]),
    t!("pipes", ["bad"], "b|a|d", ["b|a|d"]),
    t!("mixed gaps", ["damn"], "d. a - m _ n", ["d. a - m _ n"]),
    t!("spelled-out prefix", ["fuck*"], "f u c k i n g", ["f u c k"]),
    t!("spelled out, then a word", ["bad"], "b a d word", ["b a d"]),
    t!("full-width dots", ["bad"], "ｂ．ａ．ｄ", ["ｂ．ａ．ｄ"]),
];

const REPEATS: &[Case] = &[
    t!("tripled letter", ["bad"], "baaad", ["baaad"]),
    t!("every letter repeated", ["damn"], "daaaammmnnnn", ["daaaammmnnnn"]),
    t!("double letter in the term", ["ass"], "asssss", ["asssss"]),
    t!("repeated at the end", ["no"], "nooooo", ["nooooo"]),
    t!("repeats, capitals and full-width", ["bad"], "ＢＡＡＡＤ", ["ＢＡＡＡＤ"]),
    t!("repeats and separators", ["bad"], "b a a a d", ["b a a a d"]),
];

const LOOKALIKES: &[Case] = &[
    t!("cyrillic es", ["fuck"], "fu\u{0441}k", ["fu\u{0441}k"]),
    t!("cyrillic o and a", ["cocaine"], "c\u{043E}c\u{0430}ine", ["c\u{043E}c\u{0430}ine"]),
    t!("greek omicron", ["porn"], "p\u{03BF}rn", ["p\u{03BF}rn"]),
    t!("capital cyrillic", ["scam"], "S\u{0421}AM", ["S\u{0421}AM"]),
    t!("stroked o", ["porn"], "pørn", ["pørn"]),
    t!("ipa alpha", ["bad"], "bɑd", ["bɑd"]),
    t!("russian term in russian text", ["сука"], "ты сука", ["сука"]),
];

const ALLOW: &[Case] = &[
    t!(
        "prefix term, allowed words",
        ["ass*"],
        ["assistant", "assess*"],
        "my assistant will assess the asshole",
        ["ass"]
    ),
    t!("allowed word in evasive spelling", ["ass*"], ["assistant"], "ＡＳＳＩＳＴＡＮＴ", NONE),
    t!("CJK allowed word", ["傻"], ["傻瓜"], "你是傻瓜还是傻子", ["傻"]),
    t!("allowed word protects only itself", ["damn*"], ["damnation"], "damnation, damn it", ["damn"]),
    t!("allowed phrase", ["rapist"], ["the rapist was"], "news: the rapist was caught; a rapist", ["rapist"]),
    t!("traditional allowed word", ["傻"], ["傻瓜"], "傻瓜", NONE),
];

const FALSE_POSITIVES: &[Case] = &[
    t!("Scunthorpe", ["cunt"], "Scunthorpe United", NONE),
    t!("assistant", ["ass"], "my assistant", NONE),
    t!("classic", ["ass"], "a classic", NONE),
    t!("grape", ["rape"], "grape juice", NONE),
    t!(
        "therapist: a phrase joined into a real word needs an allowed word",
        ["the rapist"],
        ["therapist"],
        "my therapist",
        NONE
    ),
    t!("cocktail", ["cock"], "a cocktail", NONE),
    t!("Essex", ["sex"], "Essex", NONE),
    t!("Dickens", ["dick"], "Charles Dickens", NONE),
    t!("good is not god", ["god"], "good morning", NONE),
    t!("mp3 is not mpe", ["mpe"], "an mp3 file", NONE),
    t!("1st is not ist", ["ist"], "the 1st one", NONE),
    t!("100 is not ioo", ["ioo"], "100 apples", NONE),
    t!("l10n is not lion", ["lion"], "l10n and k8s", NONE),
    t!("a list of letters spells nothing it does not hold", ["abc"], "options a, b, d", NONE),
    t!("two single letters", ["ab"], "a b", NONE),
    t!("russian cop is not english cop", ["cop"], "убери этот \u{0441}\u{043E}\u{0440}", NONE),
    t!("japanese voiced kana", ["カス"], "ガス", NONE),
    t!("an e-mail address", ["bob"], "bobby@example.com", NONE),
    t!("hello!", ["helloi"], "hello!", NONE),
];

fn run(collection: &str, cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let doc = serde_json::json!({ "block": case.terms, "allow": case.allow }).to_string();
        let set = RuleSet::from_json(&doc).unwrap_or_else(|e| panic!("{collection}/{}: {e}", case.name));
        let allowed = set.allowed(case.haystack);
        let found: Vec<&str> = set
            .find(case.haystack)
            .into_iter()
            .filter(|m| !allowed.iter().any(|&(s, e)| s <= m.start && m.end <= e))
            .map(|m| &case.haystack[m.start..m.end])
            .collect();
        if found != case.expected {
            failures.push(format!(
                "{collection}/{}: {:?} in {:?}: found {found:?}, expected {:?}",
                case.name, case.terms, case.haystack, case.expected
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn basics() {
    run("BASICS", BASICS);
}

#[test]
fn cjk() {
    run("CJK", CJK);
}

#[test]
fn fullwidth() {
    run("FULLWIDTH", FULLWIDTH);
}

#[test]
fn zero_width() {
    run("ZERO_WIDTH", ZERO_WIDTH);
}

#[test]
fn leet() {
    run("LEET", LEET);
}

#[test]
fn separators() {
    run("SEPARATORS", SEPARATORS);
}

#[test]
fn repeats() {
    run("REPEATS", REPEATS);
}

#[test]
fn lookalikes() {
    run("LOOKALIKES", LOOKALIKES);
}

#[test]
fn allow() {
    run("ALLOW", ALLOW);
}

#[test]
fn false_positives() {
    run("FALSE_POSITIVES", FALSE_POSITIVES);
}

#[test]
fn there_are_enough_cases() {
    let all = [BASICS, CJK, FULLWIDTH, ZERO_WIDTH, LEET, SEPARATORS, REPEATS, LOOKALIKES, ALLOW, FALSE_POSITIVES];
    assert!(all.iter().map(|c| c.len()).sum::<usize>() >= 60);
}
