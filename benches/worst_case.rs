//! `cargo bench --bench worst_case`: what the most hostile 64 KB a sender can make costs the
//! matcher, against 64 KB of English prose, in the same run (issue 12: every input ≤ 3× prose).
//!
//! Each input is made by a deterministic generator (`benches/common/corpus.rs`'s SplitMix64) and
//! cut to 64 KB at a character boundary. The rule document is every list of the npm package
//! `naughty-words` (all its languages) and the 10,000 generated terms of `benches/matcher.rs`,
//! compiled with `RuleSet::from_json`. For each input the table gives the time of
//! `RuleSet::find` (normalise + search) and of the normaliser alone (`Normalizer::count`), the
//! median over rounds in which every input takes its turn (so a slower moment of the machine
//! falls on all of them), and the ratio of `find` to `find` on the prose. Timings are measured,
//! never asserted. The last columns time the `links` and `contacts` checks (`LinkFinder::find`,
//! `ContactFinder::find`) and six patterns chosen for their worst cases (`patterns()` below,
//! searched as `decision.rs` searches them: prefilter, then each pattern it leaves in) on the same
//! input, against the prose's normalise + search.
//!
//! A second table times the same document as `push` compiles it (with the Chinese segmentation
//! words the rules tool selects, so each CJK match is checked against the likely segmentation of
//! its surroundings) on the prose and on 64 KB of the document's CJK terms, back to back and
//! between CJK commas (skipped when `WORST_CASE_ONLY` is set, unless to `segmenter`).
//!
//! Reads `node_modules` (`npm install`): the prose is words of `an-array-of-english-words` with
//! punctuation. `WORST_CASE_ROUNDS` (default 15) and `WORST_CASE_SLICE_MS` (default 40) set the
//! rounds and the time each input is run per round; `WORST_CASE_ONLY` keeps only the inputs whose
//! name contains it (with the reference).

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/worst_patterns.rs"]
mod worst_patterns;

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use corpus::Rng;
use regex::Regex;
use timgate_engine::contacts::ContactFinder;
use timgate_engine::links::LinkFinder;
use timgate_engine::patterns::{CompiledPattern, PatternText, Prefilter};
use timgate_engine::rule_set::RuleSet;
use timgate_matcher::normalize::Normalizer;

const SIZE: usize = 64 * 1024;
const TARGET_RATIO: f64 = 3.0;

/// Cuts `text` to at most `SIZE` bytes at a character boundary.
fn cut(mut text: String) -> String {
    if text.len() > SIZE {
        let mut end = SIZE;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// Appends pieces from `piece` until the text holds `SIZE` bytes.
fn fill(mut piece: impl FnMut(&mut String)) -> String {
    let mut text = String::with_capacity(SIZE + 64);
    while text.len() < SIZE {
        piece(&mut text);
    }
    cut(text)
}

fn letter(rng: &mut Rng) -> char {
    (b'a' + rng.below(26) as u8) as char
}

fn code_points(keep: impl Fn(char) -> bool) -> Vec<char> {
    (0u32..=0x10_FFFF).filter_map(char::from_u32).filter(|&c| keep(c)).collect()
}

const CYRILLIC: &[char] = &['а', 'е', 'о', 'р', 'с', 'у', 'х', 'і', 'ј', 'ѕ', 'к', 'м', 'н', 'т', 'в', 'д'];
const GREEK: &[char] = &['α', 'ο', 'ρ', 'ν', 'ι', 'κ', 'τ', 'υ', 'ε', 'β', 'μ', 'λ'];
const LEET: &[char] = &['@', '$', '!', '|', '+', '€', '£', '¡', '(', '§', '0', '1', '3', '4', '5', '7', '8', '9'];
const CJK_PUNCTUATION: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '…', '—', '·', '「', '」', '《', '》', '（', '）', '〜', '～', '.', ' ',
];
/// Letters of scripts that a reader tells apart, one after the other.
const SCRIPTS: &[&[char]] = &[
    &['a', 'b', 'c', 'd', 'e'],
    CYRILLIC,
    GREEK,
    &['ա', 'բ', 'գ', 'դ', 'ե'],
    &['傻', '逼', '他', '妈', '的'],
    &['ا', 'ب', 'ت', 'ث', 'ج'],
    &['א', 'ב', 'ג', 'ד', 'ה'],
    &['한', '국', '어', '바', '보'],
    &['ก', 'ข', 'ค', 'ง', 'จ'],
    &['क', 'ख', 'ग', 'घ', 'ङ'],
    &['か', 'カ', 'ｶ', 'バ', 'ば'],
    &['Ａ', 'Ｂ', '🅰', '🇦', 'ⓐ'],
];
const BIDI_OPEN: &[char] = &['\u{202A}', '\u{202B}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}'];
const BIDI_CLOSE: &[char] = &['\u{202C}', '\u{2069}'];

/// The adversarial inputs: a name and the text.
fn adversarial(words: &[String], terms: &[String]) -> Vec<(&'static str, String)> {
    let mut rng = Rng::new(0x0BAD_0064);
    let mut inputs: Vec<(&'static str, String)> = Vec::new();

    inputs.push((
        "long words mixing letters and digits (a1b22c3...)",
        fill(|t| {
            for _ in 0..200 + rng.below(800) {
                if rng.chance(50) {
                    t.push(letter(&mut rng));
                } else {
                    t.push((b'0' + rng.below(10) as u8) as char);
                }
            }
            t.push(' ');
        }),
    ));
    inputs.push((
        "long words mixing Latin and look-alike Cyrillic/Greek",
        fill(|t| {
            for _ in 0..200 + rng.below(800) {
                t.push(match rng.below(3) {
                    0 => letter(&mut rng),
                    1 => *rng.pick(CYRILLIC),
                    _ => *rng.pick(GREEK),
                });
            }
            t.push(' ');
        }),
    ));
    // Every assigned separator, punctuation and symbol (General_Category Z*, P*, S*), shuffled,
    // one between each pair of letters.
    let separator = Regex::new(r"^[\p{Z}\p{P}\p{S}]$").expect("regex");
    let mut separators = code_points(|c| separator.is_match(c.encode_utf8(&mut [0; 4])));
    for i in (1..separators.len()).rev() {
        separators.swap(i, rng.below(i + 1));
    }
    let separator_count = separators.len();
    let mut next = 0;
    inputs.push((
        "every separator between single letters",
        fill(|t| {
            t.push(letter(&mut rng));
            t.push(separators[next % separators.len()]);
            next += 1;
        }),
    ));
    // Every combining mark (General_Category Mn, Mc, Me), in code point order.
    let mark = Regex::new(r"^\p{M}$").expect("regex");
    let marks = code_points(|c| mark.is_match(c.encode_utf8(&mut [0; 4])));
    let mark_count = marks.len();
    let mut next = 0;
    inputs.push((
        "every combining mark, 1-3 on each letter",
        fill(|t| {
            t.push(letter(&mut rng));
            for _ in 0..1 + rng.below(3) {
                t.push(marks[next % marks.len()]);
                next += 1;
            }
            if rng.chance(10) {
                t.push(' ');
            }
        }),
    ));
    let mut next = 0;
    let mut first = true;
    inputs.push((
        "one letter under 64 KB of combining marks",
        fill(|t| {
            if first {
                t.push('a');
                first = false;
            }
            t.push(marks[next % marks.len()]);
            next += 1;
        }),
    ));
    inputs.push((
        "alternating scripts, character by character",
        fill(|t| {
            for i in 0..20 + rng.below(200) {
                let script = SCRIPTS[(i + rng.below(2)) % SCRIPTS.len()];
                t.push(*rng.pick(script));
            }
            t.push(' ');
        }),
    ));
    inputs.push((
        "bidi controls: overrides nested, never closed",
        fill(|t| {
            t.push(*rng.pick(BIDI_OPEN));
            t.push(letter(&mut rng));
            if rng.chance(20) {
                t.push(' ');
            }
        }),
    ));
    let mut depth = 0usize;
    inputs.push((
        "bidi controls: nested and closed at random, words inside",
        fill(|t| {
            if depth > 0 && rng.chance(40) {
                t.push(*rng.pick(BIDI_CLOSE));
                depth -= 1;
            } else {
                t.push(*rng.pick(BIDI_OPEN));
                depth += 1;
            }
            t.push_str(rng.pick(words).as_str());
            t.push(' ');
        }),
    ));
    // A letter at each level from 1 to 125, then words at 125: the most a level by level L2
    // (a pass over the paragraph per level) can cost. No random numbers are drawn, so the other
    // inputs stay the same.
    let mut step = 0usize;
    inputs.push((
        "bidi controls: a letter at each level 1 to 125, then words at 125",
        fill(|t| {
            if step < 125 {
                t.push(if step % 2 == 0 { '\u{202E}' } else { '\u{202D}' });
            } else if step % 7 == 0 {
                t.push(' ');
            }
            t.push((b'a' + (step * 11 % 26) as u8) as char);
            step += 1;
        }),
    ));
    inputs.push((
        "spelled-out letters (a b c d ...)",
        fill(|t| {
            t.push(letter(&mut rng));
            t.push_str(["  ", " ", ".", "-", " . "][rng.below(5)]);
        }),
    ));
    inputs.push((
        "leet symbols and digits between letters",
        fill(|t| {
            for _ in 0..10 + rng.below(300) {
                if rng.chance(50) {
                    t.push(letter(&mut rng));
                } else {
                    t.push(*rng.pick(LEET));
                }
            }
            t.push(' ');
        }),
    ));
    inputs.push((
        "CJK with punctuation between every character",
        fill(|t| {
            t.push(char::from_u32(0x4E00 + rng.below(0x51A5) as u32).unwrap_or('傻'));
            t.push(*rng.pick(CJK_PUNCTUATION));
        }),
    ));
    inputs.push(("one very long word (random letters)", fill(|t| t.push(letter(&mut rng)))));
    inputs.push(("one run of one letter (aaaa...)", fill(|t| t.push('a'))));
    inputs.push((
        "runs of 3-30 equal letters in one word",
        fill(|t| {
            let c = letter(&mut rng);
            for _ in 0..3 + rng.below(28) {
                t.push(c);
            }
        }),
    ));
    inputs.push((
        "regional indicators and emoji sequences",
        fill(|t| {
            match rng.below(3) {
                0 => t.push(char::from_u32(0x1F1E6 + rng.below(26) as u32).unwrap_or('🇦')),
                1 => t.push_str("👨\u{200D}👩\u{200D}👧"),
                _ => t.push_str("👍🏻"),
            }
            if rng.chance(30) {
                t.push(letter(&mut rng));
            }
        }),
    ));
    eprintln!("separators cycled through: {separator_count} code points; marks: {mark_count} code points");
    // What the links check reads: labels and dots in every spelling, back to back.
    inputs.push((
        "dotted letters (a.b.c.d...)",
        fill(|t| {
            t.push(letter(&mut rng));
            t.push('.');
        }),
    ));
    inputs.push((
        "dots spelled out and bracketed (a dot b [.] c (dot) ...)",
        fill(|t| {
            t.push(letter(&mut rng));
            t.push_str(rng.pick::<&str>(&[" dot ", "[.]", "(dot)", " . ", "。", "{.}"]));
        }),
    ));
    inputs.push((
        "domains back to back (x1.com.y2.net/..., www., schemes)",
        fill(|t| {
            t.push_str(rng.pick::<&str>(&["", "", "www.", "http://", "https://"]));
            t.push(letter(&mut rng));
            t.push((b'0' + rng.below(10) as u8) as char);
            t.push_str(rng.pick::<&str>(&[".com", ".net", ".today", ".so", ".Next", ".top/", ":80/"]));
            t.push_str(rng.pick::<&str>(&["", ".", "/", " ", "@"]));
        }),
    ));
    // What the contacts check reads: numbers of every spelling, cues, `@`.
    inputs.push((
        "digits, numerals and number words with separators (1-二 three ...)",
        fill(|t| {
            t.push_str(rng.pick::<&str>(&["1", "二", "three", "壹", "９", "0", "+86", "⑤"]));
            t.push_str(rng.pick::<&str>(&["", " ", "-", ".", "🔥", "  "]));
        }),
    ));
    inputs.push((
        "cues, at signs and ids (qq 微信 @ tg a@b ...)",
        fill(|t| {
            t.push_str(
                rng.pick::<&str>(&["qq ", "微信", "vx:", "tg @", "@", "a@b", " at ", "(at)", "abc_12 ", "12345 "]),
            );
        }),
    ));
    // What patterns read at their worst: cues each followed by an id (and `aaaa...` above, where
    // each search of `[a-z]*x|a` reads to the end).
    inputs.push((
        "cues and ids for a pattern (vx: abc_123 VX：...)",
        fill(|t| {
            t.push_str(rng.pick::<&str>(&["vx: ", "VX：", "v x ", "vx"]));
            t.push_str(rng.pick::<&str>(&["abc_123 ", "a", "zz9-", "1 ", "@b "]));
        }),
    ));
    inputs.push((
        "numbers and dots (1.2.3.4.5...)",
        fill(|t| {
            t.push_str(&rng.below(300).to_string());
            t.push('.');
        }),
    ));
    // Leet symbols that could also separate two words (`buy!followers`): each such word is read
    // a second time with the symbol as a gap, and a match of that reading must touch one.
    let joins: &[char] = &['@', '!', '$', '|', '+', '('];
    inputs.push((
        "a leet symbol between every two words (lorem@ipsum!dolor ...)",
        fill(|t| {
            for _ in 0..1 + rng.below(4) {
                t.push_str(rng.pick::<String>(words));
                t.push(*rng.pick(joins));
            }
            t.push_str(rng.pick::<String>(words));
            t.push(' ');
        }),
    ));
    inputs.push((
        "a term on each side of a leet symbol (com@com com!com ...)",
        fill(|t| {
            t.push_str(rng.pick::<String>(terms));
            t.push(*rng.pick(joins));
            t.push_str(rng.pick::<String>(terms));
            t.push(' ');
        }),
    ));
    // Each letter or digit alone between two CJK characters is a filler (`傻a逼`): the text is
    // read a second time, whole, with the fillers as nothing.
    inputs.push((
        "a letter or digit between every two CJK characters (傻a逼1...)",
        fill(|t| {
            t.push(char::from_u32(0x4E00 + rng.below(0x51A5) as u32).unwrap_or('傻'));
            t.push(if rng.chance(50) { letter(&mut rng) } else { (b'0' + rng.below(10) as u8) as char });
        }),
    ));
    // Since 2026-12-05 a leet symbol between two letters on each side of a word is read a second
    // time as nothing (`fu!ck`), and two keycaps alone close together as digits (`8️⃣ 9️⃣`): each
    // such word, each such pair, is read twice. (Last, so the inputs above stay as they were.)
    inputs.push((
        "a leet symbol put in every short word (zu!cx fu$ck ...)",
        fill(|t| {
            let n = 4 + rng.below(3);
            for k in 0..n {
                if k == 2 {
                    t.push(*rng.pick(joins));
                }
                t.push(letter(&mut rng));
            }
            t.push(' ');
        }),
    ));
    inputs.push((
        "keycaps apart (8️⃣ 9️⃣ 6️⃣ 4️⃣ ...)",
        fill(|t| {
            t.push((b'0' + rng.below(10) as u8) as char);
            t.push_str("\u{FE0F}\u{20E3}");
            t.push_str(rng.pick::<&str>(&[" ", ".", "、", "-"]));
        }),
    ));
    // Since 2026-12-05 currency signs drawn as letters are read as them beside a word's letters,
    // in runs of up to 16 (`₣₳₲₲ot`): words of 3 to 20 characters, most of them signs.
    let signs: Vec<char> =
        ('\u{A0}'..='\u{FFFF}').filter(|&c| timgate_matcher::unicode_data::symbol_letter(c).is_some()).collect();
    inputs.push((
        "currency signs drawn as letters in every word (₣u₵₭ ...)",
        fill(|t| {
            for _ in 0..3 + rng.below(18) {
                if rng.chance(80) {
                    t.push(*rng.pick(&signs));
                } else {
                    t.push(letter(&mut rng));
                }
            }
            t.push(' ');
        }),
    ));
    // Since 2026-12-06 (twelfth session) Korean spelled out in compatibility jamo composes
    // (`ㅆㅣㅂㅏㄹ`), and whether a consonant closes a syllable or leads the next asks what
    // follows it past anything read as nothing: consonants and vowels at random with runs of
    // zero-width characters between (last, so the inputs above stay as they were).
    let consonants: Vec<char> = ('\u{3131}'..='\u{314E}').collect();
    let vowels: Vec<char> = ('\u{314F}'..='\u{3163}').collect();
    inputs.push((
        "Korean spelled out in jamo, zero-width characters between (ㅆ\u{200B}ㅣ...)",
        fill(|t| {
            t.push(if rng.chance(55) { *rng.pick(&consonants) } else { *rng.pick(&vowels) });
            for _ in 0..rng.below(4) {
                t.push(*rng.pick(&['\u{200B}', '\u{200D}', '\u{FEFF}', '\u{3164}']));
            }
            if rng.chance(5) {
                t.push(' ');
            }
        }),
    ));
    // Later that session a run spelled out with separators reads as glued (`ㅆ ㅣ ㅂ ㅏ ㄹ`): jamo
    // at random with a space or a dot after each, under a right-to-left override (a review
    // measured such text at 3.4 times prose at 256 KB; last, as above).
    let separators = [' ', ' ', ' ', '.', '-'];
    let mut spaced = String::from("\u{202E}");
    while spaced.len() < SIZE {
        spaced.push(if rng.chance(55) { *rng.pick(&consonants) } else { *rng.pick(&vowels) });
        spaced.push(*rng.pick(&separators));
    }
    inputs.push(("Korean jamo spaced out under a right-to-left override (\u{202E}ㅆ ㅣ ㅂ ...)", cut(spaced)));
    inputs
}

/// The same document as `push` compiles it, with the Chinese segmentation words the rules tool
/// selects: a CJK match is then kept only if no likely word crosses its edges, a check per
/// candidate that the document compiled without them skips. The prose and CJK text made of the
/// document's CJK terms, back to back and between CJK commas, timed with it.
fn segmenter_table(out: &mut String, doc: &str, terms: &[String], prose: &str, rounds: usize, per: Duration) {
    let pushed = match timgate_cli::push_compile::compile(doc) {
        Ok(set) => set,
        Err(e) => {
            let _ = writeln!(out, "\nsegmenter: the document does not compile as push compiles it: {e}");
            return;
        }
    };
    let inputs = segmenter_inputs(terms, prose);
    if inputs.len() < 2 {
        return;
    }
    let cjk = terms.iter().filter(|t| is_cjk_term(t)).count();
    let mut times = vec![Vec::new(); inputs.len()];
    for _ in 0..rounds {
        for (i, (_, text)) in inputs.iter().enumerate() {
            times[i].push(slice(&mut || pushed.find(black_box(text)).len(), per));
        }
    }
    let times: Vec<f64> = times.into_iter().map(median).collect();
    let _ =
        writeln!(out, "\nAs `push` compiles the document (with the Chinese segmentation words; {cjk} CJK terms):\n");
    let _ = writeln!(out, "| input (64 KB) | matches | normalise + search | ÷ prose | ≤ {TARGET_RATIO}× |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for (i, (name, text)) in inputs.iter().enumerate() {
        let ratio = times[i] / times[0];
        let met = if ratio <= TARGET_RATIO { "yes" } else { "**no**" };
        let _ = writeln!(out, "| {name} | {} | {} | {ratio:.2}× | {met} |", pushed.find(text).len(), time(times[i]));
    }
}

/// A hiragana letter (U+3041–U+3096), at random.
fn hiragana(rng: &mut Rng) -> char {
    char::from_u32(0x3041 + rng.below(0x56) as u32).unwrap_or('の')
}

/// A term of two CJK Unified Ideographs or more.
fn is_cjk_term(term: &str) -> bool {
    term.chars().count() >= 2 && term.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// The segmenter table's inputs: the prose, then 64 KB made of the document's CJK terms three
/// ways (only the prose when it has none).
fn segmenter_inputs(terms: &[String], prose: &str) -> Vec<(&'static str, String)> {
    let cjk: Vec<&String> = terms.iter().filter(|t| is_cjk_term(t)).collect();
    let mut inputs = vec![("English prose (the reference)", prose.to_string())];
    if cjk.is_empty() {
        return inputs;
    }
    let mut rng = Rng::new(0x5E6_0064);
    inputs.extend([
        ("CJK terms back to back", fill(|t| t.push_str(rng.pick::<&String>(&cjk)))),
        (
            "CJK terms between CJK commas",
            fill(|t| {
                t.push_str(rng.pick::<&String>(&cjk));
                t.push('，');
            }),
        ),
        (
            "CJK terms with a letter or digit between every two characters",
            fill(|t| {
                for c in rng.pick::<&String>(&cjk).chars() {
                    t.push(c);
                    t.push(if rng.chance(50) { letter(&mut rng) } else { (b'0' + rng.below(10) as u8) as char });
                }
            }),
        ),
    ]);
    // Since 2026-12-06 a kana alone between two Han characters is a filler, but only in text
    // with no other kana: two more after each term make every filler one the matcher drops at
    // the end of the first reading (asking each dropped one of all the others was quadratic).
    // (Last, so the inputs above stay as they were.)
    let kana_between = fill(|t| {
        for (i, c) in rng.pick::<&String>(&cjk).chars().enumerate() {
            if i > 0 {
                t.push(hiragana(&mut rng));
            }
            t.push(c);
        }
        t.push(hiragana(&mut rng));
        t.push(hiragana(&mut rng));
    });
    inputs.push(("CJK terms with a kana between every two characters and two after (傻の逼のの...)", kana_between));
    // Since 2026-12-06 a run of up to 16 Hangul letters between two Han characters is a filler
    // (`操你ㅋㅋ妈`): a term in every few bytes, each found by the second reading (a review
    // measured about 10-13 times prose on such text; last, as above).
    let laughter = fill(|t| {
        for (i, c) in rng.pick::<&String>(&cjk).chars().enumerate() {
            if i > 0 {
                t.push_str(["ㅋ", "ㅋㅋ", "ㅠㅠ", "ㅎㅎㅎ"][rng.below(4)]);
            }
            t.push(c);
        }
    });
    inputs.push(("CJK terms with Korean laughter between every two characters (操你ㅋㅋ妈...)", laughter));
    inputs
}

/// The worst-case patterns (`common/worst_patterns.rs`), compiled, with their prefilter.
fn patterns() -> (Vec<(CompiledPattern, bool)>, Prefilter) {
    let compiled: Vec<(CompiledPattern, bool)> = worst_patterns::WORST_PATTERNS
        .iter()
        .map(|&(p, raw)| (CompiledPattern::compile(p, !raw).unwrap_or_else(|e| panic!("{p}: {e}")), raw))
        .collect();
    let prefilter = Prefilter::new(compiled.iter().map(|(c, raw)| (Some(c), *raw)));
    (compiled, prefilter)
}

fn find_patterns((patterns, prefilter): &(Vec<(CompiledPattern, bool)>, Prefilter), text: &str) -> usize {
    let found = PatternText::new(text).find_all(prefilter, patterns.iter().map(|(p, raw)| (Some(p), *raw)));
    found.iter().map(|m| m.ranges.len()).sum()
}

/// 64 KB of English prose: dictionary words in sentences, with commas and sentence ends.
fn prose(words: &[String]) -> String {
    let mut rng = Rng::new(0x0000_9105E);
    let mut start = true;
    fill(|t| {
        let w = rng.pick(words);
        if start {
            let mut c = w.chars();
            t.extend(c.next().map(|f| f.to_ascii_uppercase()));
            t.push_str(c.as_str());
            start = false;
        } else {
            t.push_str(w);
        }
        match rng.below(100) {
            0..=7 => t.push_str(", "),
            8..=13 => {
                t.push_str(rng.pick::<&str>(&[". ", ". ", "! ", "? ", ".\n"]));
                start = true;
            }
            _ => t.push(' '),
        }
    })
}

fn read_list(path: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Times `f` in slices: returns the time per call of each slice.
fn slice(f: &mut dyn FnMut() -> usize, slice: Duration) -> f64 {
    let started = Instant::now();
    let mut calls = 0u32;
    while started.elapsed() < slice || calls == 0 {
        black_box(f());
        calls += 1;
    }
    started.elapsed().as_nanos() as f64 / f64::from(calls)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.0} µs", ns / 1e3)
    }
}

fn main() {
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules");
    let words = match read_list(&modules.join("an-array-of-english-words/index.json")) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("worst_case skipped: {e} (run `npm install`)");
            return;
        }
    };
    let mut terms: Vec<String> = Vec::new();
    let mut lists: Vec<_> = std::fs::read_dir(modules.join("naughty-words"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    lists.sort();
    for path in lists.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        if let Ok(list) = read_list(path) {
            terms.extend(list);
        }
    }
    let listed = terms.len();
    terms.extend(corpus::terms(10_000, 0x7E_0000 + 10_000));
    let doc = serde_json::json!({ "block": terms }).to_string();
    let set = match RuleSet::from_json(&doc) {
        Ok(set) => set,
        Err(e) => {
            eprintln!("worst_case: the rule document does not compile: {e}");
            return;
        }
    };
    let dictionary: Vec<String> = words.iter().filter(|w| w.len() <= 12).cloned().collect();
    let mut inputs = vec![("English prose (the reference)", prose(&dictionary))];
    // The document's terms that are one plain word of three letters or more (`com`, `spam`).
    let plain_terms: Vec<String> =
        terms.iter().filter(|t| t.len() >= 3 && t.bytes().all(|b| b.is_ascii_lowercase())).cloned().collect();
    inputs.extend(adversarial(&dictionary, &plain_terms));
    // `WORST_CASE_ONLY=leet` keeps the inputs whose name contains it (and the reference).
    if let Ok(only) = std::env::var("WORST_CASE_ONLY") {
        let mut index = 0;
        inputs.retain(|(name, _)| {
            index += 1;
            index == 1 || name.contains(only.as_str())
        });
    }

    // `WORST_CASE_DUMP=dir` writes the rule document and each input there (to profile one input
    // outside the bench, e.g. under valgrind) and stops.
    if let Some(dir) = std::env::var_os("WORST_CASE_DUMP") {
        let dir = Path::new(&dir);
        let written = std::fs::create_dir_all(dir).and_then(|()| {
            std::fs::write(dir.join("rules.json"), &doc)?;
            for (i, (_, text)) in inputs.iter().enumerate() {
                std::fs::write(dir.join(format!("input-{i:02}.txt")), text)?;
            }
            // The segmenter table's CJK inputs (after the prose, which is input-00).
            for (i, (_, text)) in segmenter_inputs(&terms, &inputs[0].1).iter().enumerate().skip(1) {
                std::fs::write(dir.join(format!("segmenter-{i:02}.txt")), text)?;
            }
            Ok(())
        });
        match written {
            Ok(()) => eprintln!("worst_case: rules.json and {} inputs written to {}", inputs.len(), dir.display()),
            Err(e) => eprintln!("worst_case: cannot write to {}: {e}", dir.display()),
        }
        return;
    }
    let rounds: usize = std::env::var("WORST_CASE_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(15);
    let slice_ms: u64 = std::env::var("WORST_CASE_SLICE_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(40);
    let per = Duration::from_millis(slice_ms);
    // `WORST_CASE_FIND_ONLY=1` times the matcher alone (for profiling it): the links, contacts and
    // patterns columns are then not measured.
    let find_only = std::env::var_os("WORST_CASE_FIND_ONLY").is_some();
    let mut find_ns = vec![Vec::new(); inputs.len()];
    let mut norm_ns = vec![Vec::new(); inputs.len()];
    let mut links_ns = vec![Vec::new(); inputs.len()];
    let mut contacts_ns = vec![Vec::new(); inputs.len()];
    let mut patterns_ns = vec![Vec::new(); inputs.len()];
    let patterns = patterns();
    let links = LinkFinder::new(&["example.com", "*.example.org"], &["top"]);
    let contacts = ContactFinder::new(&[]);
    eprintln!(
        "worst_case: {} inputs × {rounds} rounds × {slice_ms} ms × 2; {} terms ({listed} from naughty-words, 10,000 generated)",
        inputs.len(),
        set.len()
    );
    for _ in 0..rounds {
        for (i, (_, text)) in inputs.iter().enumerate() {
            find_ns[i].push(slice(&mut || set.find(black_box(text)).len(), per));
            norm_ns[i].push(slice(&mut || Normalizer::new(black_box(text)).count(), per));
            if find_only {
                continue;
            }
            links_ns[i].push(slice(&mut || links.find(black_box(text)).len(), per));
            contacts_ns[i].push(slice(&mut || contacts.find(black_box(text)).len(), per));
            patterns_ns[i].push(slice(&mut || find_patterns(&patterns, black_box(text)), per));
        }
    }
    let find: Vec<f64> = find_ns.into_iter().map(median).collect();
    let norm: Vec<f64> = norm_ns.into_iter().map(median).collect();
    let median_or_zero = |v: Vec<f64>| if v.is_empty() { 0.0 } else { median(v) };
    let link_times: Vec<f64> = links_ns.into_iter().map(median_or_zero).collect();
    let contact_times: Vec<f64> = contacts_ns.into_iter().map(median_or_zero).collect();
    let pattern_times: Vec<f64> = patterns_ns.into_iter().map(median_or_zero).collect();
    let reference = find[0];

    let mut out = String::new();
    let _ = writeln!(
        out,
        "| input (64 KB) | bytes | chars | matches | normalise + search | normalise alone | ÷ prose | ≤ {TARGET_RATIO}× | links found | links check | links ÷ prose's normalise + search | contacts found | contacts check | contacts ÷ prose's normalise + search | pattern matches | 6 patterns | patterns ÷ prose's normalise + search |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut over = 0;
    for (i, (name, text)) in inputs.iter().enumerate() {
        let ratio = find[i] / reference;
        let met = ratio <= TARGET_RATIO;
        over += usize::from(!met);
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} | {} | {ratio:.2}× | {} | {} | {} | {:.2}× | {} | {} | {:.2}× | {} | {} | {:.2}× |",
            text.len(),
            text.chars().count(),
            set.find(text).len(),
            time(find[i]),
            time(norm[i]),
            if met { "yes" } else { "**no**" },
            links.find(text).len(),
            time(link_times[i]),
            link_times[i] / reference,
            contacts.find(text).len(),
            time(contact_times[i]),
            contact_times[i] / reference,
            find_patterns(&patterns, text),
            time(pattern_times[i]),
            pattern_times[i] / reference
        );
    }
    let _ = writeln!(out, "\n{over} of {} inputs above {TARGET_RATIO}× the prose", inputs.len() - 1);
    if std::env::var("WORST_CASE_ONLY").map_or(true, |only| "segmenter".contains(only.as_str())) {
        segmenter_table(&mut out, &doc, &terms, &inputs[0].1, rounds, per);
    }
    println!("\n{out}");
    let _ = std::fs::create_dir_all("target/criterion");
    let _ = std::fs::write("target/criterion/worst-case-report.md", &out);
}
