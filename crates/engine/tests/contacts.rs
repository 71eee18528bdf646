//! The `contacts` check, one table per detector: contact details written every way a spammer
//! tries (generated: each base value under each spelling), and ordinary chat that holds numbers,
//! `@` and cue words, which must not be taken for one. Crypto addresses are generated with their
//! checksums (base58check, bech32, EIP-55) and then broken one character at a time.

use timgate_engine::contacts::{wallet, ContactFinder, ContactKind};

/// The kinds found in `text`, with the exact bytes.
fn found(text: &str) -> Vec<(ContactKind, String)> {
    ContactFinder::new(&[]).find(text).into_iter().map(|c| (c.kind, text[c.start..c.end].to_owned())).collect()
}

/// Checks every positive (the detail must be found as `kind`, covering `must_cover`) and every
/// negative (nothing of `kind` found); reports all failures at once.
fn check(kind: ContactKind, positives: &[(String, String)], negatives: &[&str]) {
    let mut failures = Vec::new();
    for (text, must_cover) in positives {
        let hits: Vec<(ContactKind, String)> = found(text);
        if !hits.iter().any(|(k, s)| *k == kind && s.contains(must_cover.as_str())) {
            failures.push(format!("missed {kind:?} in {text:?}: found {hits:?}"));
        }
    }
    for text in negatives {
        let hits: Vec<(ContactKind, String)> = found(text).into_iter().filter(|(k, _)| *k == kind).collect();
        if !hits.is_empty() {
            failures.push(format!("false {kind:?} in {text:?}: {hits:?}"));
        }
    }
    assert!(
        positives.len() >= 30 && negatives.len() >= 30,
        "{} positives, {} negatives",
        positives.len(),
        negatives.len()
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

const CJK_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const FINANCIAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const WORDS: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

fn digit(c: char) -> usize {
    c.to_digit(10).unwrap_or(0) as usize
}

/// A mobile number spelled every way the detector claims to read.
fn spellings(n: &str) -> Vec<String> {
    let (a, b, c) = (&n[..3], &n[3..7], &n[7..]);
    vec![
        n.to_owned(),
        format!("{a}-{b}-{c}"),
        n.chars().map(|c| c.to_string()).collect::<Vec<_>>().join(" "),
        n.chars().map(|c| char::from_u32(0xFF10 + c.to_digit(10).unwrap_or(0)).unwrap_or(c)).collect(),
        n.chars().map(|c| CJK_DIGITS[digit(c)]).collect(),
        n.chars().map(|c| FINANCIAL_DIGITS[digit(c)]).collect(),
        n.chars().map(|c| WORDS[digit(c)]).collect::<Vec<_>>().join(" "),
        format!("+86 {a} {b} {c}"),
        format!("{a}.{b}.{c}"),
        format!("{a}🔥{b}🔥{c}"),
        n.chars().map(|c| format!("{c}\u{200B}")).collect(),
        n.chars().enumerate().map(|(i, c)| if i % 2 == 0 { c } else { CJK_DIGITS[digit(c)] }).collect(),
        n.chars().map(|c| if c == '1' { '幺' } else { c }).collect(),
        format!("({a}){b}-{c}"),
        n.chars()
            .map(|c| if c == '0' { '⓪' } else { char::from_u32(0x2460 + c.to_digit(10).unwrap_or(1) - 1).unwrap_or(c) })
            .collect(),
        n.chars().map(|c| format!("{c}\u{FE0F}\u{20E3}")).collect(),
    ]
}

#[test]
fn phone_numbers() {
    let mut positives: Vec<(String, String)> = Vec::new();
    for n in ["13800138000", "15912345678", "18688889999", "17012345678", "19900001111"] {
        for s in spellings(n) {
            // The match runs from the first digit to the last: an opening bracket before it and
            // invisible characters after it are not part of it.
            let cover = s.trim_start_matches('(').trim_end_matches(['\u{200B}', '\u{FE0F}', '\u{20E3}']).to_owned();
            positives.push((format!("call me {s} ok"), cover));
        }
    }
    // From the adversarial review of 2026-11-30: a digit next to the number, two numbers
    // together, other numerals, separators that are letters.
    for (text, cover) in [
        ("13800138000 24h", "13800138000"),
        ("tel 13800138000 24小时在线", "13800138000"),
        ("1. 13800138000", "13800138000"),
        ("13800138000 13900139000", "13900139000"),
        ("么三八零零么三八零零零", "么三八零零么三八零零零"),
        ("幺三八洞洞幺三八洞洞洞", "幺三八洞洞幺三八洞洞洞"),
        ("138丨0013丨8000", "138丨0013丨8000"),
        ("13800138000一起玩", "13800138000"),
    ] {
        positives.push((text.to_owned(), cover.to_owned()));
    }
    for s in [
        "+44 20 7946 0958",
        "+1 (415) 555-2671",
        "0044 20 7946 0958",
        "(415) 555-2671",
        "415-555-2671",
        "010-12345678",
        "0755-8888 6666",
        "8613800138000",
    ] {
        positives.push((format!("tel {s}"), s.trim_start_matches("+1 (").trim_start_matches('(').to_owned()));
    }
    let negatives = [
        "¥1380.00 only",
        "it costs $13.99",
        "price 12,800 yuan",
        "on 2024-11-30",
        "2024/11/30 13:45",
        "30.11.2024",
        "at 13:45",
        "10:30-11:45 meeting",
        "订单号 20241130123456789",
        "order #1234567",
        "tracking 1Z999AA10123456784",
        "身份证 110101199001011234",
        "card 6222 0212 3456 7890 123",
        "v13.8.0 released",
        "138 + 0013 = 151",
        "years 1999 2000 2001",
        "up 13.8%",
        "won 3:1",
        "一二三四五",
        "我有三个苹果",
        "1 3 8",
        "room 1380",
        "code 13800",
        "I'm 13 and she's 15",
        "1920x1080",
        "39.9042, 116.4074",
        "1,380,013,800 views",
        "15:38 0013 8000",
        "第一二三章",
        "13 apples, 8 pears, 0 plums",
        "ISBN 978-7-115-42545-5",
        "pi 3.14159265358979",
        "prices: 13.50, 8.99, 12.00",
        "15.99 12.50 8.99",
        "on 15.03.2024 9:30",
        "Bus 13:45, 14:30, 9:15",
        "00:15 12:30 18:45",
        "ping 142.250.190.78",
        "tiers 299 399 1299",
        "尺寸 600*600*1200mm",
        "scores 250 500 1000",
        "Stock +125.50 (+3.45%)",
        "0-0 1-2 3-1 2-2 4-1",
        "13 × 7 = 91, 8 × 9 = 72, 12",
    ];
    check(ContactKind::Phone, &positives, &negatives);
}

#[test]
fn email_addresses() {
    let mut positives: Vec<(String, String)> = Vec::new();
    // ` at ` needs a name that looks like one (from a letter, two letters, a digit, `.` or `_`).
    for name in ["spam_king99", "bob.smith", "xy1"] {
        for domain in ["example.com", "example dot com", "example[.]com", "example。com", "ｅｘａｍｐｌｅ．ｃｏｍ"]
        {
            for at in ["@", "＠", "(at)", "[at]", " at "] {
                let text = format!("{name}{at}{domain}");
                positives.push((format!("mail {text} now"), text));
            }
        }
    }
    positives.push(("write alice at example dot com".into(), "alice at example dot com".into()));
    // `@` set apart by spaces (adversarial review, 2026-11-30).
    positives.push(("mail spam_king99 @ gmail.com".into(), "spam_king99 @ gmail.com".into()));
    positives.push(("mail spam_king99 ＠ gmail.com".into(), "spam_king99 ＠ gmail.com".into()));
    let negatives = [
        "meet at example.com",
        "@alice hello",
        "a@b",
        "user@localhost",
        "price @ 5.00",
        "email me at home",
        "I'm at work.so",
        "x@y.z",
        "version@1.2.3",
        "@@@",
        "foo@bar",
        "look at this.it is fine",
        "see you at noon",
        "@everyone meeting",
        "rate: 3 @ $4",
        "cc @bob @carol",
        "at at at",
        "me@",
        "@example.com",
        "hello (at) home",
        "@ home",
        "alice at example",
        "stay at home.Next",
        "a @ b . c",
        "name at example.today",
        "Good at math.so",
        "user@@example.com",
        "t@",
        "艾特我一下",
        "arrive at 9.30",
        "see 3 at booking.com",
        "Get 20% at amazon.com",
        "version 2.0 at python.org",
        "docs for v1.2 at github.com",
        "Sale ends 5pm at amazon.com",
    ];
    check(ContactKind::Email, &positives, &negatives);
}

#[test]
fn wechat_ids() {
    let mut positives: Vec<(String, String)> = Vec::new();
    for cue in ["微信", "微信号：", "vx:", "VX:", "wx：", "v信", "加v", "薇信", "weixin: ", "WeChat: "] {
        for id in ["wxid_abc123", "spam_king88", "138 0013 8000"] {
            positives.push((format!("{cue}{id}"), id.to_owned()));
        }
    }
    for (text, cover) in [
        ("wxid_k3j4h5g6f7", "wxid_k3j4h5g6f7"),
        ("WeChat ID: spam_king88", "spam_king88"),
        ("加微信 spam_king88", "spam_king88"),
    ] {
        positives.push((text.to_owned(), cover.to_owned()));
    }
    let negatives = [
        "wax123456",
        "vxlan config",
        "微信支付成功",
        "我的微信",
        "vx: ab",
        "wechat is great",
        "微信 123",
        "wx widget",
        "the vx engine",
        "微信群聊",
        "wxyz 123456",
        "download wechat now",
        "微信：",
        "twx abcdef1",
        "vx1000 model",
        "加油",
        "v8 engine",
        "weixin",
        "微信好友",
        "wx.login()",
        "vx 5",
        "微信 you",
        "wechat:",
        "微信公众号",
        "wx 12",
        "vx: 1",
        "lovx 123456",
        "微信红包",
        "v信号",
        "the wx code",
        "微信支付12000元",
        "微信转账20000",
        "微信红包 88888",
        "微信运动 12000 步",
        "微信群里有12345人",
        "微信 8.0.47.2560",
        "威信县 123456",
        "微信里 google了一下",
        "微信好友 michael",
        "wx 12345 lines",
        "加v 100000",
    ];
    check(ContactKind::Wechat, &positives, &negatives);
}

#[test]
fn qq_numbers() {
    let mut positives: Vec<(String, String)> = Vec::new();
    for cue in ["QQ", "qq:", "QQ号：", "扣扣", "企鹅", "🐧", "加qq"] {
        for number in ["12345678", "987654321", "一二三四五六七八", "1 2 3 4 5 6 7 8", "１２３４５６７８"]
        {
            positives.push((format!("{cue}{number}"), number.to_owned()));
        }
    }
    for (text, cover) in
        [("Q: 12345678", "12345678"), ("QQ群号 123456789", "123456789"), ("qq 12345678 24h", "12345678")]
    {
        positives.push((text.to_owned(), cover.to_owned()));
    }
    let negatives = [
        "qq 0123",
        "QQ音乐 2024",
        "qqq 123456",
        "faqq 123456",
        "qq群很多",
        "企鹅 3 只",
        "QQ",
        "qq: 01234567",
        "🐧 12",
        "扣扣 ab",
        "qq 1234",
        "qq123456789012",
        "the qq app",
        "企鹅很可爱",
        "qq飞车",
        "扣扣子",
        "qqqq",
        "aqq 12345",
        "qq. 1",
        "企鹅 0000",
        "QQ空间",
        "qq is down",
        "qq 12 34",
        "Q Q",
        "qqbot",
        "企鹅 一",
        "扣扣 三",
        "qq 01",
        "🐧🐧",
        "qq 0 1 2 3 4",
        "QQ飞车 100000分",
    ];
    check(ContactKind::Qq, &positives, &negatives);
}

#[test]
fn telegram_handles() {
    let mut positives: Vec<(String, String)> = Vec::new();
    // `飞机` and `✈` are planes as often: their handle is found with a colon or right after them.
    for cue in ["telegram ", "Telegram: ", "TG ", "tg:", "电报", "飞机", "纸飞机：", "✈️", "✈ ：", "TG："]
    {
        for handle in ["@spam_king", "@cheapfollowers", "@Crypto_Deals_2024"] {
            positives.push((format!("{cue}{handle}"), handle.to_owned()));
        }
    }
    for (text, cover) in [("tg: spam_king", "spam_king"), ("Telegram: spam_king88", "spam_king88")] {
        positives.push((text.to_owned(), cover.to_owned()));
    }
    let negatives = [
        "@alice",
        "stg @hello_there",
        "telegram is down",
        "tg @abc",
        "飞机 @",
        "@cheapfollowers",
        "hi @bob_smith_99",
        "telegram",
        "tg",
        "飞机场",
        "坐飞机去北京",
        "tg: hello",
        "✈ paris",
        "telegram @a",
        "@ telegram",
        "etg @spam_king",
        "tgif @friday_fun",
        "电报 hello",
        "the telegram app @",
        "飞机 hello_world",
        "ttg @spam_king",
        "tg @1abcdef",
        "✈️ @_x",
        "telegram: @ab",
        "email@telegram.org",
        "@tg",
        "tg2 @spam_king",
        "纸飞机很好玩",
        "telegraph @spam_king",
        "✈ @1234567",
        "坐飞机 @zhang_san 到了吗",
        "刚下飞机 @david_chen",
        "✈️ @travelbuddy",
        "tg: hello",
    ];
    check(ContactKind::Telegram, &positives, &negatives);
}

/// Deterministic bytes (SplitMix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

fn eip55(hex: &str) -> String {
    use sha3::{Digest, Keccak256};
    let hash = Keccak256::digest(hex.as_bytes());
    hex.chars()
        .enumerate()
        .map(|(i, c)| {
            let nibble = (hash[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0x0f;
            if c.is_ascii_alphabetic() && nibble >= 8 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

/// Valid addresses of every format, generated with their checksums.
fn addresses() -> Vec<String> {
    let mut rng = Rng(0xC0FFEE);
    let mut out = vec![
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa".to_owned(),
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4".to_owned(),
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".to_owned(),
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359".to_owned(),
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB".to_owned(),
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb".to_owned(),
    ];
    for version in [0x00u8, 0x05, 0x41] {
        for _ in 0..8 {
            let payload = rng.bytes(20);
            out.push(bs58::encode(&payload).with_check_version(version).into_string());
        }
    }
    for _ in 0..8 {
        let program = rng.bytes(20);
        let hrp = bech32::hrp::BC;
        if let Ok(a) = bech32::segwit::encode_v0(hrp, &program) {
            out.push(a);
        }
    }
    for _ in 0..8 {
        let hex: String = rng.bytes(20).iter().map(|b| format!("{b:02x}")).collect();
        out.push(format!("0x{}", eip55(&hex)));
    }
    out
}

#[test]
fn crypto_addresses_with_their_checksums() {
    let valid = addresses();
    let mut positives: Vec<(String, String)> = valid.iter().map(|a| (format!("send to {a} now"), a.clone())).collect();
    // Invisible characters inside, full-width letters, a prefix that touches.
    let eth = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    positives.push((format!("pay {}\u{200B}{}", &eth[..10], &eth[10..]), eth[10..].to_owned()));
    positives.push((format!("USDT{eth}"), eth[2..].to_owned()));
    let btc = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
    let wide: String = btc.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)).collect();
    positives.push((format!("btc {wide}"), wide.clone()));
    // Each address with one character changed (another of its alphabet) fails its checksum.
    let mut broken: Vec<String> = Vec::new();
    for a in &valid {
        let chars: Vec<char> = a.chars().collect();
        let at = chars.len() - 5;
        let replacement = if a.starts_with("bc1") {
            if chars[at] == 'q' {
                'p'
            } else {
                'q'
            }
        } else if a.starts_with("0x") {
            // Flip the case of a letter (mixed case) or change a digit.
            match chars[at] {
                c if c.is_ascii_lowercase() => c.to_ascii_uppercase(),
                c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
                '0' => '1',
                _ => '0',
            }
        } else if chars[at] == 'z' {
            'y'
        } else {
            'z'
        };
        let mut b = chars.clone();
        b[at] = replacement;
        let b: String = b.into_iter().collect();
        // An Ethereum address in one case has no checksum: such a change is not detectable.
        let one_case = b.starts_with("0x")
            && (b[2..].chars().all(|c| !c.is_ascii_uppercase()) || b[2..].chars().all(|c| !c.is_ascii_lowercase()));
        if !one_case {
            broken.push(b);
        }
    }
    let mut negatives: Vec<&str> = broken.iter().map(String::as_str).collect();
    negatives.extend([
        "0x1234",
        "1A1zP1",
        "Tesla2024ModelYPerformanceEditionX",
        "bc1 is great",
        "#ff0000",
        "0xdeadbeef",
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNL",
        "TRONTRONTRONTRONTRONTRONTRONTRON12",
        "11111111111111111111111111111111",
    ]);
    for a in &valid {
        assert!(wallet(a), "{a} is valid");
    }
    check(ContactKind::Crypto, &positives, &negatives);
}

#[test]
fn a_number_after_a_cue_is_reported_as_the_cue_says() {
    let hits = ContactFinder::new(&[]).find("微信 13800138000");
    assert_eq!(hits.iter().map(|c| c.kind).collect::<Vec<_>>(), [ContactKind::Wechat]);
    let phones_only = ContactFinder::new(&[ContactKind::Phone]).find("微信 13800138000 qq 12345678");
    assert_eq!(
        phones_only.iter().map(|c| (c.kind, c.value.as_str())).collect::<Vec<_>>(),
        [(ContactKind::Phone, "13800138000")]
    );
}
