//! Writes `crates/matcher/src/unicode_tables.rs`: what timgate's normaliser needs to know about
//! every code point, taken from Unicode's own data rather than typed by hand:
//!
//! - General_Category, Script, Line_Break, Bidi_Class, Default_Ignorable_Code_Point,
//!   Sentence_Terminal and Extended_Pictographic from ICU4X (`icu_properties`);
//! - compatibility decomposition (NFKD, `icu_normalizer`) and full case folding (`icu_casemap`);
//! - character names (`unicode_names2`) for letter-like symbols Unicode does not decompose
//!   (`🅰` NEGATIVE SQUARED LATIN CAPITAL LETTER A, `🇦` REGIONAL INDICATOR SYMBOL LETTER A,
//!   `ᴀ` LATIN LETTER SMALL CAPITAL A);
//! - UTS #39 confusables (`unicode-security`'s skeletons) for look-alike letters, and with the
//!   names for symbols drawn as an asterisk (`✱`, `∗`, `٭`: read as `*`);
//! - character names for the shapes a censor prints over a hidden character (`CENSOR_MARKS`:
//!   `○`, `■`, `×`, `※`), read as asterisks between two Han characters;
//! - Chinese variants (semantic, old, equal and wrongly written forms) → the standard form from
//!   the IRG's kVariants dictionary (`irg-kvariants`, hfhchan/irg, as Meilisearch's tokenizer uses
//!   it), then Traditional and variant Chinese → Simplified from OpenCC's and MediaWiki's tables
//!   (`zhconv` with its `opencc` feature, which adds OpenCC's TSCharacters and its Taiwan and Hong
//!   Kong variant tables reversed: `峯` → `峰`, `衹` → `只`);
//! - look-alikes UTS #39 leaves out (`ƈ`, `ⱥ` as Latin letters; `ᗯ`, `ф` as weak look-alikes,
//!   read only in a word with ASCII letters) from the table the npm package obscenity 0.4.6
//!   ships (`dist/transformer/resolve-confusables/confusables.js`, from gc/confusables, MIT),
//!   and for other scripts' letters neither lists, the letters `decancer` 4 cures to an ASCII
//!   letter (`ψ` as `w`; and `μ`, the micro sign's fold, as `u`, a case UTS #39 leaves out);
//! - upside-down letters (`UPSIDE_DOWN`: `f` drawn `ɟ`, `u` drawn `n`) from the npm package
//!   flip-text 1.2.0's table (`node_modules/flip-text/lib/chars.js`): a convention Unicode has no
//!   data for, taken from a package rather than typed here; and another generator's upside-down
//!   and mirrored letters and capitals (`LUNICODE_UPSIDE_DOWN`: `i` drawn `ı`;
//!   `LUNICODE_MIRRORED`: `s` drawn `ꙅ`; and their `_CAPITALS`) from the npm package lunicode
//!   2.0.1 (`node_modules/lunicode/lunicode.js`).
//!
//! Usage: `cargo run -p timgate-unicode-gen --release > crates/matcher/src/unicode_tables.rs`.
//! The rules that combine the data are in `fold` and `class_of` below; DESIGN.md of the matcher
//! crate explains them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use icu_casemap::CaseMapper;
use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use icu_properties::props::{
    Alphabetic, BidiClass, DefaultIgnorableCodePoint, EmojiModifier, ExtendedPictographic, GeneralCategory,
    GeneralCategoryGroup, LineBreak, QuotationMark, RegionalIndicator, Script, SentenceTerminal,
};
use icu_properties::{CodePointMapData, CodePointSetData};

/// The classes of `crates/matcher/src/unicode_data.rs` (keep in step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
enum Class {
    Gap = 0,
    Ignorable = 1,
    Mark = 2,
    Letter = 3,
    Ideo = 4,
    Digit = 5,
    Emoji = 6,
    Terminal = 7,
    Newline = 8,
    Break = 9,
    /// A mark of one script (an Indic vowel sign, a Thai tone mark): part of a letter of its
    /// script, a decoration after anything else (decided at run time).
    ScriptMark = 10,
}

const FOLD: u8 = 0x10;
const SKELETON: u8 = 0x20;
const RTL: u8 = 0x40;
/// Alphabetic or General_Category N* (what std's `char::is_alphanumeric` asks, from ICU4X's data).
const ALNUM: u8 = 0x80;
/// The script byte of a look-alike only obscenity's table lists (`unicode_data::LookAlike::Weak`).
const WEAK_LOOK_ALIKE: u8 = 0x80;

/// The table covers planes 0–3 (CJK extension H ends at U+323AF); above it the only code points
/// that are not gaps are the ignorable ones (tags, variation selectors), listed separately.
const LIMIT: u32 = 0x32400;

struct Data {
    gc: CodePointMapData<GeneralCategory>,
    script: CodePointMapData<Script>,
    line_break: CodePointMapData<LineBreak>,
    bidi: CodePointMapData<BidiClass>,
    ignorable: CodePointSetData,
    terminal: CodePointSetData,
    pictographic: CodePointSetData,
    emoji_modifier: CodePointSetData,
    nfkd: DecomposingNormalizerBorrowed<'static>,
    nfkc: ComposingNormalizerBorrowed<'static>,
    nfc: ComposingNormalizerBorrowed<'static>,
    case: icu_casemap::CaseMapperBorrowed<'static>,
    /// Han characters `zhconv` simplifies to one other character, and those it simplifies to.
    simplified_either_way: BTreeSet<char>,
    /// Letters and the one ASCII letter the confusables table of the npm package obscenity says
    /// each is drawn as ([`drawn_as`]).
    drawn_as: BTreeMap<char, char>,
    /// Letters flip-text draws a letter upside down with (`ʇ`, `ɟ`): the normaliser's
    /// upside-down reading needs them as written.
    upside_down: BTreeSet<char>,
    /// Latin letters UTS #39 draws as one of `upside_down` (the same skeleton: `ə` SCHWA as `ǝ`
    /// TURNED E, which other upside-down generators write for `e`), and that letter.
    drawn_upside_down: BTreeMap<char, char>,
    /// Han characters UTS #39 gives as the look-alike of a mathematical symbol: `丨`, which the
    /// bracket pieces `⎜` `⎟` `⎢` `⎥` `⎪` `⎮` look like.
    han_drawn_as_symbols: BTreeSet<char>,
    /// The skeleton of each lowercase ASCII letter ([`Data::skeleton_of`]), and the letter.
    lower_letters: BTreeMap<String, u8>,
}

impl Data {
    fn new() -> Self {
        let flips = upside_down_letters();
        let upside_down: BTreeSet<char> = flips.iter().flat_map(|(_, drawn)| drawn.chars()).collect();
        let mut data = Data {
            gc: CodePointMapData::<GeneralCategory>::new().static_to_owned(),
            script: CodePointMapData::<Script>::new().static_to_owned(),
            line_break: CodePointMapData::<LineBreak>::new().static_to_owned(),
            bidi: CodePointMapData::<BidiClass>::new().static_to_owned(),
            ignorable: CodePointSetData::new::<DefaultIgnorableCodePoint>().static_to_owned(),
            terminal: CodePointSetData::new::<SentenceTerminal>().static_to_owned(),
            pictographic: CodePointSetData::new::<ExtendedPictographic>().static_to_owned(),
            emoji_modifier: CodePointSetData::new::<EmojiModifier>().static_to_owned(),
            nfkd: DecomposingNormalizerBorrowed::new_nfkd(),
            nfkc: ComposingNormalizerBorrowed::new_nfkc(),
            nfc: ComposingNormalizerBorrowed::new_nfc(),
            case: CaseMapper::new(),
            simplified_either_way: simplified_either_way(),
            han_drawn_as_symbols: BTreeSet::new(),
            lower_letters: BTreeMap::new(),
            drawn_as: drawn_as(&upside_down),
            drawn_upside_down: BTreeMap::new(),
            upside_down,
        };
        data.drawn_upside_down = drawn_upside_down(&data, &flips);
        data.han_drawn_as_symbols = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| data.gc(c) == GeneralCategory::MathSymbol)
            .filter_map(skeleton_char)
            .filter(|&k| data.script(k) == Script::Han && data.is(GeneralCategoryGroup::Letter, k))
            .collect();
        data.lower_letters = (b'a'..=b'z').map(|b| (data.skeleton_of(&char::from(b).to_string()), b)).collect();
        data
    }

    /// A form's UTS #39 skeleton without decorating marks (`Ꮎ`'s is `O` with a stroke overlay).
    fn skeleton_of(&self, form: &str) -> String {
        let skeleton: String = unicode_security::confusable_detection::skeleton(form).collect();
        self.nfkd_without_decorations(&skeleton)
    }

    fn gc(&self, c: char) -> GeneralCategory {
        self.gc.as_borrowed().get(c)
    }

    /// Whether a character's UTS #39 skeleton is one punctuation or symbol character other than
    /// itself.
    fn looks_like_punctuation(&self, c: char) -> bool {
        skeleton_char(c).filter(|&k| k != c).is_some_and(|k| {
            let gc = self.gc(k);
            GeneralCategoryGroup::Punctuation.contains(gc) || GeneralCategoryGroup::Symbol.contains(gc)
        })
    }

    /// A Latin letter, or a Hangul compatibility jamo (a letter no syllable is written with):
    /// what may be read as the punctuation UTS #39 draws it as (`fold`, `class_of`).
    fn stands_alone(&self, c: char) -> bool {
        self.script(c) == Script::Latin || ('\u{3131}'..='\u{318E}').contains(&c)
    }

    fn script(&self, c: char) -> Script {
        self.script.as_borrowed().get(c)
    }

    fn is(&self, group: GeneralCategoryGroup, c: char) -> bool {
        group.contains(self.gc(c))
    }

    /// A combining mark that only decorates (accents, enclosing circles, kana voicing marks):
    /// script Inherited or Common. Script-specific marks (Indic vowel signs, Thai vowels) are
    /// part of their letters.
    fn is_decoration(&self, c: char) -> bool {
        self.is(GeneralCategoryGroup::Mark, c)
            && (matches!(self.script(c), Script::Inherited | Script::Common)
                || self.gc(c) == GeneralCategory::EnclosingMark)
    }

    /// Scripts written without spaces between words (Unicode's Line_Break classes for them).
    fn is_spaceless(&self, c: char) -> bool {
        let lb = self.line_break.as_borrowed().get(c);
        matches!(
            lb,
            LineBreak::Ideographic
                | LineBreak::ComplexContext
                | LineBreak::H2
                | LineBreak::H3
                | LineBreak::JL
                | LineBreak::JV
                | LineBreak::JT
                | LineBreak::ConditionalJapaneseStarter
        ) || matches!(
            self.script(c),
            Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul | Script::Bopomofo | Script::Yi
        )
    }

    fn nfkd_without_decorations(&self, s: &str) -> String {
        self.nfkd.normalize(s).chars().filter(|&c| !self.is_decoration(c)).collect()
    }

    /// The class of a character as it stands (after folding).
    fn class_of(&self, c: char) -> Class {
        let gc = self.gc(c);
        if c == '\u{2029}' {
            return Class::Break;
        }
        if matches!(c, '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}') {
            return Class::Newline;
        }
        if c == '\t' {
            return Class::Gap;
        }
        if self.ignorable.as_borrowed().contains(c)
            || matches!(gc, GeneralCategory::Control | GeneralCategory::Format | GeneralCategory::Surrogate)
        {
            return Class::Ignorable;
        }
        if self.emoji_modifier.as_borrowed().contains(c) {
            return Class::Mark; // skin tones belong to the emoji before them
        }
        if self.is(GeneralCategoryGroup::Mark, c) {
            if self.is_decoration(c) {
                return Class::Mark;
            }
            return Class::ScriptMark;
        }
        // A modifier letter of no script of its own (Common or Inherited) that stands for no
        // letter: an apostrophe or a stress, length or tone mark (`ʼ`, `ˈ`, `ː`), the Arabic
        // tatweel that stretches a word (`ـ`), the kana length and repeat marks (`ー`, `〱`).
        // Writers put them inside a word and between letters without changing what it says
        // (`fʼuʼcʼk`, `fuـck`, `阴ー茎`), so they are read as nothing: `ゲーム` reads as `ゲム` as its
        // term does. (Those that fold to a letter, `ʰ` or `ᵃ`, are read as it: this runs on the
        // folded character.)
        if gc == GeneralCategory::ModifierLetter && matches!(self.script(c), Script::Common | Script::Inherited) {
            return Class::Ignorable;
        }
        if self.is(GeneralCategoryGroup::Letter, c) {
            // A Latin letter or a Hangul letter standing alone (a compatibility jamo) drawn as a
            // length mark, `ㅡ` and `ꟷ` as `ー` by UTS #39: a line between letters or words, a gap
            // (2026-12-05; read as nothing at first, it glued `fuckㅡㅡyou` into one word).
            if self.stands_alone(c) && skeleton_char(c).is_some_and(|k| k != c && self.class_of(k) == Class::Ignorable)
            {
                return Class::Gap;
            }
            if !self.is_spaceless(c) {
                return Class::Letter;
            }
            // A Han character that looks like punctuation by UTS #39 (its skeleton is one
            // punctuation or symbol character) is read as the gap it looks like: `丶` (`\`), `丿`
            // (`/`), `𡿨` (`❬`). Writers put `丶` between characters as a decoration or to hide
            // a term (`傻丶逼`); it is a radical, not a word. Kana stay letters (`く` looks like
            // `<`).
            // So is one drawn as a line that mathematical symbols are drawn with: `丨`, the
            // skeleton of the bracket pieces `⎜` `⎥` and of the stroke `㇑`, put between
            // characters as a bar is (`加丨微丨信`, a title's `新闻丨要闻`); and `ㅣ`, `ᅵ`, `⼁`,
            // whose skeleton it is, fold to it (2026-12-05).
            let punctuation = self.script(c) == Script::Han
                && (self.looks_like_punctuation(c) || self.han_drawn_as_symbols.contains(&c));
            return if punctuation { Class::Gap } else { Class::Ideo };
        }
        if gc == GeneralCategory::DecimalNumber {
            return Class::Digit;
        }
        if self.pictographic.as_borrowed().contains(c) {
            return Class::Emoji;
        }
        if matches!(gc, GeneralCategory::LetterNumber | GeneralCategory::OtherNumber) && self.script(c) == Script::Han {
            // Written as ideographs; the Hangzhou numerals fold to their digits (`fold`: `〡` is
            // `1`; not `〇`).
            return Class::Ideo;
        }
        if self.terminal.as_borrowed().contains(c) {
            return Class::Terminal;
        }
        Class::Gap
    }
}

/// The value of a decimal digit: Unicode encodes each script's digits 0–9 in a row.
fn digit_value(data: &Data, c: char) -> Option<char> {
    if data.gc(c) != GeneralCategory::DecimalNumber {
        return None;
    }
    let mut start = c as u32;
    while start > 0 && char::from_u32(start - 1).is_some_and(|p| data.gc(p) == GeneralCategory::DecimalNumber) {
        start -= 1;
    }
    char::from_digit((c as u32 - start) % 10, 10)
}

/// The digit a number sign's name ends with (`HANGZHOU NUMERAL ONE` is `1`, `IDEOGRAPHIC NUMBER
/// ZERO` is `0`).
fn digit_by_name(c: char) -> Option<char> {
    let name = unicode_names2::name(c)?.to_string();
    let last = name.rsplit(' ').next()?;
    let at = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"]
        .iter()
        .position(|&word| word == last)?;
    char::from_digit(u32::try_from(at).ok()?, 10)
}

/// Letter-like symbols Unicode does not decompose, by their names.
fn letter_by_name(c: char) -> Option<String> {
    let name = unicode_names2::name(c)?.to_string();
    let last = name.rsplit(' ').next()?;
    let letter = (last.len() == 1 && last.as_bytes()[0].is_ascii_uppercase()).then(|| last.to_ascii_lowercase());
    for prefix in [
        "LATIN CAPITAL LETTER ",
        "LATIN SMALL LETTER ",
        "REGIONAL INDICATOR SYMBOL LETTER ",
        "LATIN LETTER SMALL CAPITAL ",
        "MODIFIER LETTER CAPITAL ",
        "MODIFIER LETTER SMALL ",
    ] {
        if name.contains(prefix) && name.ends_with(&format!("{prefix}{last}")) {
            return letter;
        }
    }
    const DIGITS: [&str; 10] = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];
    if name.contains("DIGIT ") {
        if let Some(d) = DIGITS.iter().position(|d| name.ends_with(&format!("DIGIT {d}"))) {
            return char::from_digit(d as u32, 10).map(String::from);
        }
    }
    None
}

/// The ASCII letter a Latin letter's name decorates: `LATIN SMALL LETTER C WITH RETROFLEX HOOK`
/// (`𝼝`), `LATIN SMALL LETTER VISIGOTHIC Z` (`ꝣ`), `MODIFIER LETTER SMALL S WITH CURL` (`𐞺`),
/// `LATIN LETTER STRETCHED C WITH CURL` (`𝼏`): the letter after one word of style at most and
/// before `WITH` anything. Not where the word
/// redraws the letter (`TURNED`, `REVERSED`, `INVERTED`, `SIDEWAYS`: upside-down text's letters;
/// `GLOTTAL`, `HALF`, `DOUBLE`, `SHARP`, `OPEN`: other letters), nor a digraph (`ǋ` N WITH SMALL
/// LETTER J). The last of `fold`'s readings of a Latin letter: UTS #39, obscenity's table and
/// decancer come first.
fn decorated_letter_by_name(c: char) -> Option<char> {
    const REDRAWN: [&str; 9] =
        ["TURNED", "REVERSED", "INVERTED", "SIDEWAYS", "GLOTTAL", "HALF", "DOUBLE", "SHARP", "OPEN"];
    let name = unicode_names2::name(c)?.to_string();
    let rest = [
        "LATIN SMALL LETTER ",
        "LATIN CAPITAL LETTER ",
        "LATIN LETTER SMALL CAPITAL ",
        "MODIFIER LETTER SMALL ",
        "MODIFIER LETTER CAPITAL ",
        "LATIN SUBSCRIPT SMALL LETTER ",
        "LATIN LETTER ",
    ]
    .iter()
    .find_map(|prefix| name.strip_prefix(prefix))?;
    let (letter, with) = rest.split_once(" WITH ").unwrap_or((rest, ""));
    if with.contains("LETTER") {
        return None;
    }
    let words: Vec<&str> = letter.split(' ').collect();
    let (style, last) = match words.as_slice() {
        [last] => (None, *last),
        [style, last] => (Some(*style), *last),
        _ => return None,
    };
    if style.is_some_and(|w| REDRAWN.contains(&w)) {
        return None;
    }
    let &[b] = last.as_bytes() else { return None };
    b.is_ascii_uppercase().then(|| char::from(b.to_ascii_lowercase()))
}

/// Whether a symbol is an asterisk: its UTS #39 skeleton is `*`, or its name says it is a single
/// asterisk.
fn is_asterisk(c: char) -> bool {
    if unicode_security::confusable_detection::skeleton(&c.to_string()).eq("*".chars()) {
        return true;
    }
    let Some(name) = unicode_names2::name(c).map(|n| n.to_string()) else { return false };
    (name.ends_with(" ASTERISK") || name.ends_with(" ASTERISK OPERATOR")) && !name.contains(" WITH ")
}

/// Whether `c` is a shape a censor prints over a hidden character: a symbol read as a gap whose
/// name, style words aside, is a circle, a square, a cross or the reference mark (`WHITE CIRCLE`
/// `○`, `BLACK SQUARE` `■`, `MULTIPLICATION SIGN` `×`, `HEAVY BALLOT X` `✘`, `REFERENCE MARK` `※`).
fn is_censor_mark(data: &Data, c: char) -> bool {
    const STYLE: [&str; 12] = [
        "WHITE",
        "BLACK",
        "LARGE",
        "MEDIUM",
        "SMALL",
        "VERY",
        "SLIGHTLY",
        "LIGHT",
        "BOLD",
        "HEAVY",
        "HALFWIDTH",
        "FULLWIDTH",
    ];
    const SHAPES: [&str; 8] = [
        "CIRCLE",
        "SQUARE",
        "MULTIPLICATION SIGN",
        "MULTIPLICATION X",
        "BALLOT X",
        "SALTIRE",
        "CROSS MARK",
        "REFERENCE MARK",
    ];
    if data.class_of(c) != Class::Gap {
        return false;
    }
    name_without(c, &STYLE).is_some_and(|core| SHAPES.contains(&core.as_str()) || core.ends_with(" DIAGONAL CROSS"))
}

/// Writes `pub(crate) static NAME: [u32; N] = [...]` of `values` in hex, ten to a line.
fn write_hex_array(out: &mut String, name: &str, values: impl ExactSizeIterator<Item = u32>) {
    let _ = write!(out, "pub(crate) static {name}: [u32; {}] = [", values.len());
    for (i, v) in values.enumerate() {
        if i % 10 == 0 {
            out.push_str("\n   ");
        }
        let _ = write!(out, " {v:#x},");
    }
    out.push_str("\n];\n");
}

/// `c`'s Unicode name without the words of `style` (`HEAVY BALLOT X` without `HEAVY` is
/// `BALLOT X`), if it has a name.
fn name_without(c: char, style: &[&str]) -> Option<String> {
    let name = unicode_names2::name(c)?.to_string();
    Some(name.split(' ').filter(|w| !style.contains(w)).collect::<Vec<_>>().join(" "))
}

/// The ASCII leet symbol (`$ ! @ + #`) an emoji draws, by its name: the symbol's own name with
/// only style words around it (`HEAVY DOLLAR SIGN`, `WHITE EXCLAMATION MARK ORNAMENT`).
fn leet_symbol_by_name(c: char) -> Option<char> {
    const STYLE: [&str; 6] = ["HEAVY", "WHITE", "BLACK", "LARGE", "SYMBOL", "ORNAMENT"];
    let core = name_without(c, &STYLE)?;
    ['$', '!', '@', '+', '#']
        .into_iter()
        .find(|&symbol| unicode_names2::name(symbol).is_some_and(|n| n.to_string() == core))
}

/// What `zhconv` simplifies a Han character to, when that is one character (itself when it
/// leaves it alone), followed to the end: OpenCC's tables chain (`麼` → `么`, and Taiwan's `么`
/// → `幺`), and a character must read as its reading does. A cycle reads as its lowest code point.
fn simplified(c: char) -> Option<char> {
    let once = |c: char| {
        let simple = zhconv::zhconv(&c.to_string(), zhconv::Variant::ZhHans);
        only_char(&simple)
    };
    let mut path = vec![c];
    loop {
        let at = path[path.len() - 1];
        let next = once(at)?;
        if next == at {
            return Some(at);
        }
        if let Some(seen) = path.iter().position(|&p| p == next) {
            return path[seen..].iter().copied().min();
        }
        path.push(next);
    }
}

/// Every Han character `zhconv` changes, and every one it changes a character to.
fn simplified_either_way() -> BTreeSet<char> {
    let han = [0x3400..=0x4DBF, 0x4E00..=0x9FFF, 0xF900..=0xFAFF, 0x20000..=0x3134F];
    let mut set = BTreeSet::new();
    for c in han.into_iter().flatten().filter_map(char::from_u32) {
        if let Some(s) = simplified(c).filter(|&s| s != c) {
            set.insert(c);
            set.insert(s);
        }
    }
    set
}

/// The standard form of a Han character the IRG's kVariants dictionary lists as a variant of
/// another one: semantic variants (`儍` → `傻`), old forms, equal forms (`呉` → `吳`, `伱` → `你`)
/// and wrongly written forms. Only for characters `zhconv` leaves out on both sides, so that no
/// fold zhconv makes changes (`录`, which `錄` simplifies to, is not moved to its old form `彔`);
/// a compatibility ideograph or radical whose decomposition is such a form follows it. Its `simp`
/// entries (a Simplified form and its Traditional one) are left to `zhconv`.
fn standard_form(data: &Data, c: char) -> char {
    use irg_kvariants::{KVariantClass, KVARIANTS};
    // A standard form may itself be listed as a form of another (`㒨` → `𠑗` → ...): followed to
    // the end, so that a character and its standard form read the same. irg-kvariants 0.1.1 has
    // no cycle; should a later one have one, its lowest code point is the reading.
    let mut path = vec![c];
    loop {
        let at = path[path.len() - 1];
        if data.simplified_either_way.contains(&at) {
            return at;
        }
        let next = match KVARIANTS.get(&at) {
            Some(v)
                if v.classification != KVariantClass::Simplified
                    && data.script(v.destination_ideograph) == Script::Han =>
            {
                v.destination_ideograph
            }
            _ => return at,
        };
        if let Some(seen) = path.iter().position(|&p| p == next) {
            return path[seen..].iter().copied().min().unwrap_or(at);
        }
        path.push(next);
    }
}

/// [`fold`], applied again to what it gives until nothing changes: a character reads as its
/// reading does (`𐞄` folds to the small capital `ʙ`, which is `b`; `麼` to `么`, which OpenCC's
/// Taiwan table reads as `幺`). The matcher folds once.
fn fold_fully(data: &Data, c: char) -> String {
    let mut s = fold(data, c);
    for _ in 0..4 {
        let again: String = s.chars().map(|f| fold(data, f)).collect();
        if again == s {
            break;
        }
        s = again;
    }
    s
}

/// The characters of the look-alike table the npm package obscenity 0.4.6 ships
/// (`dist/transformer/resolve-confusables/confusables.js`, taken from gc/confusables, MIT), each
/// with the lowercase ASCII letter it is listed under: a `new Map([['A', '…'], …])` of single
/// quoted strings without escapes. A character listed under two different letters is left out,
/// and so are those listed under a digit or a space. The table is a moderation convention, not
/// Unicode's: it lists Han characters (`乃` as `B`) and Cyrillic letters (`д` as `A`) whose own
/// text must stay itself, so it is only used for Latin letters UTS #39 leaves alone (a fold) and
/// for other scripts' letters inside a word with ASCII letters (a weak look-alike).
fn drawn_as(upside_down: &BTreeSet<char>) -> BTreeMap<char, char> {
    let gc = CodePointMapData::<GeneralCategory>::new();
    // Letters flip-text draws a letter upside down with (`ʇ` for `t`, `ɟ` for `f`) are read by
    // the normaliser's upside-down reading, which needs them as written.
    let table = obscenity_confusables(|c| {
        !c.is_ascii() && GeneralCategoryGroup::Letter.contains(gc.get(c)) && !upside_down.contains(&c)
    });
    assert!(table.len() > 500, "obscenity's confusables: {} letters read", table.len());
    table
}

/// The characters `keep` takes from obscenity's confusables table, each with the one lowercase
/// ASCII letter it is listed under (see [`drawn_as`]).
fn obscenity_confusables(keep: impl Fn(char) -> bool) -> BTreeMap<char, char> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../node_modules/obscenity/dist/transformer/resolve-confusables/confusables.js"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (run `npm install`)"));
    let body = text.split_once("new Map([").map_or("", |(_, b)| b);
    let quoted: Vec<&str> = body.split('\'').skip(1).step_by(2).collect();
    let mut found: BTreeMap<char, BTreeSet<char>> = BTreeMap::new();
    for pair in quoted.chunks_exact(2) {
        let mut key = pair[0].chars();
        let (Some(key), None) = (key.next(), key.next()) else { continue };
        if !key.is_ascii_alphabetic() {
            continue;
        }
        for c in pair[1].chars() {
            found.entry(c).or_default().insert(key.to_ascii_lowercase());
        }
    }
    found
        .into_iter()
        .filter(|&(c, _)| keep(c))
        .filter_map(|(c, keys)| {
            let mut keys = keys.into_iter();
            match (keys.next(), keys.next()) {
                (Some(one), None) => Some((c, one)),
                _ => None,
            }
        })
        .collect()
}

/// Currency signs drawn as a Latin letter, read as that letter where they touch a word's
/// letters (`₣Ʉ₵₭`, the "currency" font of fancy-text generators; since 2026-12-05), as the
/// normaliser reads `$` and `€` (`leet.rs`). A sign of no script (General_Category Sc, Script
/// Common; not a Bengali or N'Ko sign inside its own script's words) is read as the ASCII letter
/// its UTS #39 skeleton is, once its overlays are dropped (`₭` is `K` with a stroke, `₥` is `rn`
/// with one, so `m`), else the one letter obscenity's confusables table lists it under (`₳`,
/// `₵`, `₱`), else the one ASCII letter decancer cures it to (`₹`, `₮`, `₽`). Where `leet.rs`
/// lists a sign (`$` `€` `£` `¢`), its own entry wins. Not `₴`, which decancer reads as `2` and
/// nothing lists.
fn symbol_letters(data: &Data) -> Vec<(char, char)> {
    let listed = obscenity_confusables(|c| data.gc(c) == GeneralCategory::CurrencySymbol);
    (0..LIMIT)
        .filter_map(char::from_u32)
        .filter(|&c| {
            data.gc(c) == GeneralCategory::CurrencySymbol
                && data.script(c) == Script::Common
                && data.nfkc.normalize(&c.to_string()) == c.to_string()
        })
        .filter_map(|c| {
            let skeleton = data.case.fold_string(&data.skeleton_of(&c.to_string())).into_owned();
            let by_skeleton = if skeleton.len() == 1 && skeleton.bytes().all(|b| b.is_ascii_lowercase()) {
                skeleton.chars().next()
            } else {
                data.lower_letters.get(&skeleton).map(|&b| char::from(b))
            };
            let letter = by_skeleton
                .or_else(|| listed.get(&c).copied())
                .or_else(|| Some(cured(&c.to_string())).filter(|&b| b != 0).map(char::from))?;
            Some((c, letter))
        })
        .collect()
}

/// The lowercase ASCII letter decancer 4 (null8626/decancer, MIT: the characters of fancy-text
/// generators and name spoofers, cured) reads `form` as, when `form` is one character that it
/// reads as one ASCII letter; else 0.
fn cured(form: &str) -> u8 {
    let Some(one) = only_char(form) else { return 0 };
    match decancer::cure_char(one, decancer::Options::default()) {
        decancer::Translation::Character(letter) if letter.is_ascii_alphabetic() => letter.to_ascii_lowercase() as u8,
        _ => 0,
    }
}

/// Latin letters that are not ASCII and not among `data.upside_down` whose UTS #39 skeleton is that
/// of a non-ASCII drawing of `flips` (flip-text's letters, [`upside_down_letters`]) (`ə` SCHWA and `ǝ` TURNED E both have `ə`), each with that
/// letter: upside-down text of other generators writes them (`əɹoɥʍ`), and a reader sees the same.
/// Not a letter whose name makes it a decorated ASCII letter (`ɉ` J WITH STROKE stays a `j`, though
/// drawn like `ɟ`, flip-text's `f`: [`decorated_letter_by_name`]), nor one decancer reads as the
/// letter the drawing stands for (`ↄ` REVERSED C is a `c`, in ordinary text too).
fn drawn_upside_down(data: &Data, flips: &[(char, String)]) -> BTreeMap<char, char> {
    let upside_down = &data.upside_down;
    let skeleton = |c: char| unicode_security::confusable_detection::skeleton(&c.to_string()).collect::<String>();
    // Each non-ASCII drawing by its skeleton, with the letter it draws upside down.
    let flips: BTreeMap<String, (char, u8)> = flips
        .iter()
        .filter_map(|(letter, drawn)| only_char(drawn).map(|g| (g, *letter)))
        .filter(|(g, _)| !g.is_ascii() && upside_down.contains(g))
        .map(|(g, letter)| (skeleton(g), (g, letter as u8)))
        // A drawing UTS #39 draws as ASCII letters (`ɯ` as `w`) has look-alikes read as those.
        .filter(|(k, _)| !k.chars().all(|x| x.is_ascii_alphabetic()))
        .collect();
    (0..LIMIT)
        .filter_map(char::from_u32)
        .filter(|&c| {
            !c.is_ascii()
                && !upside_down.contains(&c)
                && data.script(c) == Script::Latin
                && data.is(GeneralCategoryGroup::Letter, c)
        })
        .filter(|&c| decorated_letter_by_name(c).is_none())
        .filter_map(|c| flips.get(&skeleton(c)).map(|&(g, letter)| (c, g, letter)))
        // A letter decancer reads as the very letter the drawing stands for keeps that reading
        // (`ↄ` REVERSED C, `ᴐ`: `c` either way, and a `c` in ordinary text).
        .filter(|&(c, _, letter)| cured(&c.to_string()) != letter)
        .map(|(c, g, _)| (c, g))
        .collect()
}

/// The lowercase Latin letters of flip-text's table and what each is drawn as upside down: the
/// package's `'x':'y'` lines whose key is one letter `a`–`z`.
fn upside_down_letters() -> Vec<(char, String)> {
    let flips = flip_text_letters(|k| k.is_ascii_lowercase());
    assert!(flips.len() >= 20, "flip-text: {} lowercase letters", flips.len());
    flips
}

/// The capital Latin letters of flip-text's table (`'F':'Ⅎ'`; the package calls its list of them
/// incomplete: a capital it lacks, `S`, is written as it is).
fn upside_down_capitals() -> Vec<(char, String)> {
    let flips = flip_text_letters(|k| k.is_ascii_uppercase());
    assert!(flips.len() >= 15, "flip-text: {} capitals", flips.len());
    flips
}

/// The `'x':'y'` lines of flip-text's table whose key is one character `keep` takes, and, as the
/// package's `index.js` adds them, each value that is no key drawn back as its key (`'M':'W'`
/// makes `W` drawn `M`; among the letters only that one).
fn flip_text_letters(keep: impl Fn(char) -> bool) -> Vec<(char, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../node_modules/flip-text/lib/chars.js");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (run `npm install`)"));
    let mut pairs = Vec::new();
    for line in text.lines() {
        let line = line.trim().trim_end_matches(',');
        let Some((key, value)) = line.split_once(':') else { continue };
        let (Some(key), Some(value)) = (
            key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')),
            value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')),
        ) else {
            continue;
        };
        if let Some(k) = only_char(key) {
            pairs.push((k, value.to_string()));
        }
    }
    drawn_with_backs(&pairs, keep)
}

/// A generator's table of drawings from its `(key, value)` pairs, as both packages build theirs:
/// each key `keep` takes with a value, the later line winning, and each one-character value `keep`
/// takes that no key names drawn back as the first key drawn as it (`'M':'W'` makes `W` drawn `M`).
fn drawn_with_backs(pairs: &[(char, String)], keep: impl Fn(char) -> bool) -> Vec<(char, String)> {
    let keys: BTreeSet<char> = pairs.iter().map(|&(k, _)| k).collect();
    let mut table: BTreeMap<char, String> =
        pairs.iter().filter(|(k, v)| keep(*k) && !v.is_empty()).map(|(k, v)| (*k, v.clone())).collect();
    for (k, v) in pairs {
        if let Some(v) = only_char(v).filter(|v| keep(*v) && !keys.contains(v)) {
            table.entry(v).or_insert_with(|| k.to_string());
        }
    }
    table.into_iter().collect()
}

/// Sorted ranges `(first, last)` of the code points of `code_points` that `keep` accepts.
fn ranges_of(code_points: std::ops::RangeInclusive<u32>, keep: impl Fn(char) -> bool) -> Vec<(u32, u32)> {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in code_points.filter_map(char::from_u32).filter(|&c| keep(c)) {
        match ranges.last_mut() {
            Some((_, last)) if *last + 1 == c as u32 => *last = c as u32,
            _ => ranges.push((c as u32, c as u32)),
        }
    }
    ranges
}

/// The Han letters (Script=Han, General_Category=Lo: the ideographs, not `〇`, `々` or the
/// radicals), as ranges: the characters a filler between two of them may split (`傻の逼`).
fn han_letter_ranges(data: &Data) -> Vec<(u32, u32)> {
    ranges_of(0..=LIMIT - 1, |c| data.script(c) == Script::Han && data.gc(c) == GeneralCategory::OtherLetter)
}

/// The ASCII letters `keep` takes (lowercase or capitals) of one of the npm package lunicode's
/// tools (`flip`, `mirror`: another generator of upside-down text than flip-text, and one of
/// mirrored text): the `'x' : 'y'` lines of the tool's `map` whose key is one such letter and
/// whose value is one literal (`\uXXXX` escapes read), and, as the tool's `init` adds them, each
/// value that is such a letter no key names drawn back as its key (`'b' : 'q'` draws `q` as `b`,
/// `'M' : 'W'` `W` as `M`). Lines that join literals
/// (`'ä' : 'ɒ'+'\u0308'`) are not letters `a`–`z` and are left out.
fn lunicode_letters(tool: &str, keep: impl Fn(char) -> bool) -> Vec<(char, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../node_modules/lunicode/lunicode.js");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (run `npm install`)"));
    let opening = format!("{tool}: {{");
    let map = text
        .lines()
        .skip_while(|l| l.trim() != opening)
        .skip_while(|l| !l.trim().starts_with("map: {"))
        .skip(1)
        .take_while(|l| l.trim() != "}");
    let literal = |s: &str| -> Option<String> {
        let inner = s.trim().strip_prefix('\'')?.strip_suffix('\'')?;
        let mut out = String::new();
        let mut rest = inner;
        while let Some(c) = rest.chars().next() {
            if let Some(hex) = rest.strip_prefix("\\u") {
                out.push(hex.get(..4).and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32)?);
                rest = &hex[4..];
            } else if c == '\'' || c == '\\' {
                return None;
            } else {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        Some(out)
    };
    let mut pairs = Vec::new();
    for line in map {
        let line = line.split("//").next().unwrap_or("").trim().trim_end_matches(',');
        let Some((key, value)) = line.split_once(" : ") else { continue };
        if let (Some(key), Some(value)) = (literal(key).as_deref().and_then(only_char), literal(value)) {
            pairs.push((key, value));
        }
    }
    let flips = drawn_with_backs(&pairs, keep);
    assert!(flips.len() >= 14, "lunicode {tool}: {} letters", flips.len());
    flips
}

/// The one character `s` is, if it is one.
fn only_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// CLDR's Chinese financial numerals, 0 to 9 (`%spellout-cardinal-financial` of `zh` in the npm
/// package cldr-rbnf, the CLDR project's JSON: `零壹贰叁肆伍陆柒捌玖`), the numerals cheques
/// write digits with.
fn financial_digits() -> Vec<char> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../node_modules/cldr-rbnf/rbnf/zh.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (run `npm install`)"));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rules = json
        .pointer("/rbnf/rbnf/SpelloutRules/%spellout-cardinal-financial")
        .and_then(|r| r.as_array())
        .unwrap_or_else(|| panic!("{path}: no %spellout-cardinal-financial"));
    (0..10)
        .map(|d| {
            let rule = rules
                .iter()
                .filter_map(|r| r.as_array())
                .find(|r| r.first().and_then(|k| k.as_str()) == Some(&d.to_string()))
                .and_then(|r| r.get(1).and_then(|v| v.as_str()))
                .unwrap_or_else(|| panic!("{path}: no financial rule for {d}"));
            only_char(rule.trim_end_matches(';')).unwrap_or_else(|| panic!("{path}: financial {d} is {rule}"))
        })
        .collect()
}

/// The Han numerals of the digits, as the normaliser reads them, with their digit, sorted: CLDR's
/// decimal Han digits (`hanidec`: `〇一二三四五六七八九`) and its Chinese financial numerals
/// (`零壹贰叁肆伍陆柒捌玖`). A term's numeral matches any of its digit's, or the digit
/// (`陆肆` and `64` for `六四`; the matcher's `number_spellings`). Not Unihan's other numerals
/// (Numeric_Value: `两`, `仨`, `幺`, `拐`, `漆`): each is a word of its own in ordinary text
/// (`一两个`, `人参`, `什么` read as `什幺`, `黑漆漆`), and a review found them in hundreds of
/// real lines.
fn han_digits(data: &Data, decimal: &[char]) -> Vec<(u32, u8)> {
    let mut rows = BTreeMap::new();
    for (digit, &c) in (0u8..).zip(decimal.iter().chain(&financial_digits())).map(|(i, c)| (i % 10, c)) {
        let read = fold(data, c);
        let r = only_char(&read).unwrap_or_else(|| panic!("{c} reads as {read}"));
        rows.insert(r as u32, digit);
    }
    rows.into_iter().collect()
}

/// CLDR's decimal Han digits, 0 to 9: the digits of the `hanidec` numbering system (`八九六四`
/// for 8964), as ICU4X formats them. The other Han numerals of a digit (`陆`, `两`) are words of
/// their own as well (land, two of): a number term's spelling mixes ASCII digits with these only.
fn han_decimal_digits() -> Vec<char> {
    let locale = icu_locale_core::locale!("zh-u-nu-hanidec");
    let Ok(format) = icu_decimal::DecimalFormatter::try_new(locale.into(), Default::default()) else {
        panic!("ICU4X has no hanidec numbering system");
    };
    (0..10)
        .map(|d| {
            let digits = format.format(&icu_decimal::input::Decimal::from(d)).to_string();
            only_char(&digits).unwrap_or_else(|| panic!("hanidec {d} is {digits}"))
        })
        .collect()
}

/// Phonetic letters of East Asian scripts: kana, Bopomofo and Hangul letters that are no
/// syllable block (Script=Hiragana, Katakana, Bopomofo or Hangul, General_Category L*, not
/// U+AC00–U+D7A3, the precomposed syllables), as ranges: one of them alone between two Han
/// letters is a filler (`傻の逼`, `傻ㄉ逼`, `操你ㅋ妈`).
fn phonetic_letter_ranges(data: &Data) -> Vec<(u32, u32)> {
    ranges_of(0..=LIMIT - 1, |c| {
        is_hangul_letter(data, c)
            || (matches!(data.script(c), Script::Hiragana | Script::Katakana | Script::Bopomofo)
                && data.is(GeneralCategoryGroup::Letter, c))
    })
}

/// Hangul letters that are no syllable block (Script=Hangul, General_Category L*, not
/// U+AC00–U+D7A3), as ranges: a run of up to three of them between two Han letters is one filler
/// (`操你ㅋㅋ妈`, Korean laughter).
fn hangul_letter_ranges(data: &Data) -> Vec<(u32, u32)> {
    ranges_of(0..=LIMIT - 1, |c| is_hangul_letter(data, c))
}

/// Bopomofo letters (Script=Bopomofo, General_Category L*), as ranges: like Hangul letters, a
/// run of them between two Han letters is one filler (`傻ㄉㄜ逼`); Japanese writes none.
fn bopomofo_letter_ranges(data: &Data) -> Vec<(u32, u32)> {
    ranges_of(0..=LIMIT - 1, |c| data.script(c) == Script::Bopomofo && data.is(GeneralCategoryGroup::Letter, c))
}

/// A Hangul letter that is no syllable block (Script=Hangul, L*, not U+AC00–U+D7A3).
fn is_hangul_letter(data: &Data, c: char) -> bool {
    data.script(c) == Script::Hangul
        && data.is(GeneralCategoryGroup::Letter, c)
        && !('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Hangul letters as someone spelling a syllable out types them (`ㅆㅣㅂㅏㄹ`): the
/// compatibility jamo (U+3131–U+318E) and their half-width forms (U+FFA0–U+FFDC), each with the
/// conjoining jamo it stands for as a syllable's lead consonant, vowel or final consonant. NFKD
/// gives one of them; a lead's final (an old lead's too) is the JONGSEONG of the same name as its CHOSEONG (`ㄱ` is
/// `ᄀ` or `ᆨ`). Only modern jamo, those the Standard's arithmetic composes into U+AC00–U+D7A3.
/// Rows `(code point, lead, vowel, final)`, 0 for none, sorted.
fn spelled_jamo(data: &Data) -> Vec<(u32, u32, u32, u32)> {
    let final_named_as = |lead: char| -> u32 {
        let Some(name) = unicode_names2::name(lead).map(|n| n.to_string()) else { return 0 };
        let Some(rest) = name.strip_prefix("HANGUL CHOSEONG ") else { return 0 };
        unicode_names2::character(&format!("HANGUL JONGSEONG {rest}"))
            .map(u32::from)
            .filter(|t| (0x11A8..=0x11C2).contains(t))
            .unwrap_or(0)
    };
    let mut rows = Vec::new();
    for cp in (0x3131..=0x318E).chain(0xFFA0..=0xFFDC) {
        let Some(c) = char::from_u32(cp) else { continue };
        let jamo: Vec<char> = data.nfkd.normalize(&c.to_string()).chars().collect();
        let [j] = jamo[..] else { continue };
        match u32::from(j) {
            // An old lead (`ㅀ` is CHOSEONG RIEUL-HIEUH) still spells a modern final.
            lead @ 0x1100..=0x115E => {
                let modern_lead = if lead <= 0x1112 { lead } else { 0 };
                let tail = final_named_as(j);
                if modern_lead != 0 || tail != 0 {
                    rows.push((cp, modern_lead, 0, tail));
                }
            }
            vowel @ 0x1161..=0x1175 => rows.push((cp, 0, vowel, 0)),
            tail @ 0x11A8..=0x11C2 => rows.push((cp, 0, 0, tail)),
            _ => {}
        }
    }
    rows
}

/// Katakana → hiragana (Unicode lays them out in parallel).
fn hiragana(c: char) -> char {
    match c as u32 {
        0x30A1..=0x30F6 | 0x30FD | 0x30FE => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// What `c` reads as (see the module docs), or `c` itself.
fn fold(data: &Data, c: char) -> String {
    if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
        return c.to_string(); // a Hangul syllable stays whole (NFKD would spell it in jamo)
    }
    if matches!(data.script(c), Script::Hiragana | Script::Katakana) {
        // Kana keep their voicing marks (ガス "gas" is not カス "scum"): composed (NFKC, which
        // also widens half-width kana), then katakana as hiragana.
        return data.nfkc.normalize(&c.to_string()).chars().map(hiragana).collect();
    }
    let mut s = data.nfkd_without_decorations(&c.to_string());
    s = data.case.fold_string(&s).into_owned();
    s = data.nfkd_without_decorations(&s);
    // A Han symbol or a Hangul letter drawn as a Han character, by UTS #39, is read as it: the
    // CJK radicals NFKC leaves alone (`⻢` for `马`, `⻩` for `黄`; NFKC folds the Kangxi
    // radicals already), the Hangul vowel `ㅣ` drawn as `丨` (2026-12-05). (Not the CJK strokes,
    // symbols of no script: `㇠` stays the gap it is, not `乙`.)
    // (Not a Han letter drawn as another: UTS #39 has `士` as `土`, `末` as `未`, `那` as a
    // compatibility form; those stay what they are.)
    // A Hangzhou numeral is read as the digit its name gives (`〡` HANGZHOU NUMERAL ONE: Unicode's
    // Numeric_Value, which NFKC does not apply), so between the characters of a term it is the
    // filler a digit is (`加〡微〡信`, `〡` drawn as the bar `丨`; 2026-12-05); the tens, `〸`,
    // NFKC makes Han characters. Not `〇` IDEOGRAPHIC NUMBER ZERO: Chinese writes it among the
    // Han numerals (`六〇四`, room 604), where a digit filler would make `六四`.
    let han_number = data.script(c) == Script::Han && data.gc(c) == GeneralCategory::LetterNumber;
    if han_number && s == c.to_string() {
        if let Some(digit) = digit_by_name(c).filter(|&d| d != '0') {
            return digit.to_string();
        }
    }
    let drawn_as_han = match data.script(c) {
        Script::Han => data.is(GeneralCategoryGroup::Symbol, c) || han_number,
        Script::Hangul => data.is(GeneralCategoryGroup::Letter, c),
        _ => false,
    };
    if s == c.to_string() && drawn_as_han {
        let han = skeleton_char(c)
            .filter(|&k| k != c && data.script(k) == Script::Han && data.is(GeneralCategoryGroup::Letter, k));
        if let Some(han) = han {
            s = han.to_string();
        }
    }
    // A letter of another script that looks like an ASCII letter keeps that look where its
    // compatibility form loses it: `ϲ`, the lunate sigma, looks like `c`, NFKC makes it `ς`, and
    // case folding `σ`, which does not. It folds only to its lowercase (`Ϲ` to `ϲ`), and is then
    // read by the look-alike tables as `c` is.
    if let Some(own) = keeps_its_look(data, c, &s) {
        s = own;
    }
    if s == c.to_string() {
        if let Some(letter) = letter_by_name(c) {
            s = letter;
        }
    }
    // Chinese variants → their standard form, Traditional → Simplified, katakana → hiragana,
    // digits → ASCII.
    s = s
        .chars()
        .map(|ch| {
            if data.script(ch) == Script::Han {
                let standard = standard_form(data, ch);
                if let Some(one) = simplified(standard) {
                    return one;
                }
                if standard != ch {
                    return standard;
                }
            }
            digit_value(data, ch).unwrap_or_else(|| hiragana(ch))
        })
        .collect();
    // A Latin letter that looks like ASCII letters is read as them (`ɑ`, `ı`, `ø`, `æ`): UTS #39.
    if let Some(one) = only_char(&s) {
        if !one.is_ascii() && data.script(one) == Script::Latin && data.is(GeneralCategoryGroup::Letter, one) {
            let skeleton: String = unicode_security::confusable_detection::skeleton(&one.to_string()).collect();
            let skeleton = data.nfkd_without_decorations(&data.case.fold_string(&skeleton));
            if let Some(letter) = ascii_look(c).filter(|_| c != one) {
                // An uppercase letter that looks like an ASCII letter is read as it, whatever its
                // lowercase looks like (`Ꞵ` like `B`, `ꞵ` like `ß`). UTS #39's prototype of `I`
                // is `l`: an uppercase letter with it is an `I` (`Ɩ`).
                s = if letter == 'l' { 'i' } else { letter }.to_string();
            } else if !skeleton.is_empty() && skeleton.chars().all(|k| k.is_ascii_lowercase()) {
                // A skeleton is a prototype: the letter whose skeleton it is, if one is (`m`'s is
                // `rn`, so `ɱ` is `m`, not `rn`; since 2026-12-05), else its letters.
                s = data.lower_letters.get(&skeleton).map_or(skeleton, |&b| char::from(b).to_string());
            } else if let Some(&glyph) = data.drawn_upside_down.get(&one) {
                // Else a letter drawn as one upside-down text is written with (`ə` as `ǝ`, which
                // other generators than flip-text write for `e`; since the twentieth session):
                // read as that letter, so a term's upside-down spelling finds either.
                s = glyph.to_string();
            } else if let Some(letter) = data.drawn_as.get(&c).or_else(|| data.drawn_as.get(&one)) {
                // Else a letter with a hook, a stroke or a tail that UTS #39 leaves alone (`ƈ`,
                // `ʃ`, `ⱥ`), by the look-alike table obscenity ships.
                s = letter.to_string();
            } else if let Some(letter) = [c, one]
                .into_iter()
                .map(|x| cured(&x.to_string()))
                .find(|&l| l != 0)
                .filter(|_| !data.upside_down.contains(&one))
            {
                // Else what decancer cures it to (`ɬ` `t`, `ƚ` `l`, `ꞓ` `c`: fancy-text
                // generators' letters), but for the letters upside-down text is drawn with.
                s = char::from(letter).to_string();
            } else if let Some(letter) = decorated_letter_by_name(c).filter(|_| !data.upside_down.contains(&one)) {
                // Else the letter its name decorates (`𝼝` C WITH RETROFLEX HOOK, `ꝣ` VISIGOTHIC
                // Z: none of the above reads them; since the twentieth session). Decancer reads
                // some such letters by their look as another (`ꞃ` INSULAR R as `n`): kept.
                s = letter.to_string();
            }
        }
        // A letter of no script that UTS #39 gives an ASCII look (`ᳵ`, a Vedic sign, like `x`).
        if one == c && data.script(c) == Script::Common && data.gc(c) == GeneralCategory::OtherLetter {
            if let Some(letter) = ascii_look(c) {
                s = letter.to_string();
            }
        }
    }
    // A Latin letter or a Hangul letter standing alone (a compatibility jamo, which no syllable
    // is written with) that UTS #39 draws as punctuation, a symbol or a length mark is read as it
    // (since 2026-12-05): the click `ǃ` is `!` (a leet `i`), `ꞏ` is `·`; `ㅡ`, drawn as the length
    // mark `ー`, is a gap (`class_of`): `fㅡuㅡcㅡk`, `shǃt`. (Not the letters of other
    // scripts so drawn, Lisu's tone letters `ꓸ` `ꓹ`, Canadian finals `ᐧ`: their own words hold
    // them.)
    // (Read from its fold so far, one character: NFKD writes a compatibility jamo as the
    // conjoining one, `ㅡ` as `ᅳ`; `Ɂ` is case folded to `ɂ`; `º` decomposes to `o`, a letter.)
    if let Some(one) = only_char(&s) {
        if data.stands_alone(c) && data.is(GeneralCategoryGroup::Letter, c) {
            let drawn = skeleton_char(one)
                .filter(|&k| k != one && matches!(data.class_of(k), Class::Gap | Class::Terminal | Class::Ignorable));
            if let Some(k) = drawn {
                // One drawn as a length mark is a gap of its own (`class_of`), not read as
                // nothing: `fuckㅡㅡyou` is two words.
                return if data.class_of(k) == Class::Ignorable { c.to_string() } else { k.to_string() };
            }
        }
    }
    // An emoji that draws an ASCII leet symbol bigger or outlined is read as it: by its name, the
    // symbol's own with only style words around it (`💲` HEAVY DOLLAR SIGN is `$`, `❗` HEAVY
    // EXCLAMATION MARK SYMBOL and `❕` are `!`; not `❣` HEAVY HEART EXCLAMATION MARK ORNAMENT;
    // since 2026-12-05).
    if s == c.to_string() && data.pictographic.as_borrowed().contains(c) {
        if let Some(symbol) = leet_symbol_by_name(c) {
            return symbol.to_string();
        }
    }
    // A symbol drawn as an asterisk is one (`∗`, `⁎`, `✱`, `٭`): the normaliser reads `*` between
    // two letters as a hidden letter. By UTS #39 (its skeleton is `*`) or by its name (a single
    // asterisk: `HEAVY ASTERISK`, `ASTERISK OPERATOR`; not `EQUALS WITH ASTERISK`).
    if s == c.to_string() && data.class_of(c) == Class::Gap && c != '*' && is_asterisk(c) {
        s = "*".to_owned();
    }
    // Parentheses, dots and slashes around a letter or digit are decoration: `⒜`, `⒈`, `½`.
    if s.chars().any(|ch| !matches!(data.class_of(ch), Class::Gap | Class::Terminal)) {
        s.retain(|ch| !matches!(data.class_of(ch), Class::Gap | Class::Terminal));
    }
    s
}

/// The one character a character's UTS #39 skeleton is, if it is one.
fn skeleton_char(c: char) -> Option<char> {
    let one = c.to_string();
    let mut skeleton = unicode_security::confusable_detection::skeleton(&one);
    match (skeleton.next(), skeleton.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// The ASCII letter a character looks like by UTS #39, lowercase, if its skeleton is one.
fn ascii_look(c: char) -> Option<char> {
    skeleton_char(c).filter(char::is_ascii_alphabetic).map(|one| one.to_ascii_lowercase())
}

/// `c`'s lowercase, when `c` is a letter of a script other than Latin whose lowercase looks like
/// an ASCII letter and `folded` (its fold so far) is one character that is not ASCII and does
/// not look like that letter: the fold would hide the look (`ϲ` → `σ`).
fn keeps_its_look(data: &Data, c: char, folded: &str) -> Option<String> {
    if !data.is(GeneralCategoryGroup::Letter, c) || matches!(data.script(c), Script::Latin | Script::Common) {
        return None;
    }
    let mut lower = c.to_lowercase();
    let (Some(own), None) = (lower.next(), lower.next()) else { return None };
    let look = ascii_look(own)?;
    let f = only_char(folded)?;
    (f != own && !f.is_ascii() && ascii_look(f) != Some(look)).then(|| own.to_string())
}

/// Scripts whose letters have Latin look-alikes, by the number the tables use.
fn script_id(script: Script) -> u8 {
    match script {
        Script::Cyrillic => 1,
        Script::Greek => 2,
        Script::Armenian => 3,
        Script::Cherokee => 4,
        Script::Georgian => 5,
        Script::Coptic => 6,
        Script::Lisu => 7,
        Script::CanadianAboriginal => 8,
        Script::Tifinagh => 9,
        Script::Vai => 10,
        Script::Bamum => 11,
        Script::Adlam => 12,
        Script::OldItalic => 13,
        Script::Runic => 14,
        _ => 15,
    }
}

fn main() {
    let data = Data::new();
    let mut classes = vec![0u8; LIMIT as usize];
    let mut folds: BTreeMap<u32, String> = BTreeMap::new();
    let mut mixed = Vec::new();
    let alphabetic = CodePointSetData::new::<Alphabetic>();
    for cp in 0..LIMIT {
        let Some(c) = char::from_u32(cp) else {
            classes[cp as usize] = Class::Ignorable as u8;
            continue;
        };
        // An apostrophe drawn as another punctuation mark or symbol, whose UTS #39 skeleton is
        // `'` (`′`, `` ` ``, `՚`, `׳`, `΄`): read as the apostrophe, so that a word holds it as it
        // holds `'` (`Who′re` and ``He`ll`` are contractions as `Who're` and `He'll` are, not `whore`
        // and `hell`, which one symbol inside a word is, `f#ck`; `fuck′s` is `fuck's`). Not a
        // letter: the modifier letters of no script (`ʼ`, `ʻ`, `ˈ`) stay read as nothing
        // (`fʼuʼcʼk`, `spʻam`), and a script's own (Hebrew `י`, NKo's tone apostrophes) are its
        // words'.
        let apostrophe = c != '\''
            && skeleton_char(c) == Some('\'')
            && !data.is(GeneralCategoryGroup::Letter, c)
            && !data.is(GeneralCategoryGroup::Mark, c);
        let own = if apostrophe { data.class_of('\'') } else { data.class_of(c) };
        let mut byte = own as u8;
        if matches!(own, Class::Gap | Class::Letter | Class::Ideo | Class::Digit | Class::Emoji | Class::Terminal) {
            let mut folded = if apostrophe { "'".to_owned() } else { fold_fully(&data, c) };
            // What is read as nothing is left out of a fold (`ŉ` is `ʼn`: `n`; `㌀` is `アパート`).
            folded.retain(|f| data.class_of(f) != Class::Ignorable);
            // A gap read as several characters (`‼` is `!!`) is still one gap to a reader: it keeps
            // its own class, and no piece of it is read as leetspeak.
            let gap = |x: char| matches!(data.class_of(x), Class::Gap | Class::Terminal);
            if folded.chars().count() > 1 && folded.chars().all(gap) {
                // Its class is its first piece's (`…` ends a sentence as `.` does).
                if let Some(first) = folded.chars().next() {
                    byte = data.class_of(first) as u8;
                }
                folded = c.to_string();
            }
            if folded.is_empty() {
                byte = Class::Ignorable as u8;
            } else if folded != c.to_string() {
                let class = folded.chars().next().map_or(Class::Ignorable, |f| data.class_of(f));
                if folded.chars().any(|f| data.class_of(f) != class) {
                    mixed.push((cp, folded.clone()));
                }
                byte = class as u8 | FOLD;
                folds.insert(cp, folded);
            }
        }
        if matches!(data.bidi.as_borrowed().get(c), BidiClass::RightToLeft | BidiClass::ArabicLetter) {
            byte |= RTL;
        }
        if alphabetic.contains(c) || data.is(GeneralCategoryGroup::Number, c) {
            byte |= ALNUM;
        }
        classes[cp as usize] = byte;
    }

    // Decorating marks that change a (folded) letter when they compose with it: kana voicing
    // marks (か + ゛ is が). Found by composing every hiragana with every decorating mark (NFC).
    let marks: Vec<char> = (0..0x10000u32)
        .filter_map(char::from_u32)
        .filter(|&m| classes[m as usize] & 0x0F == Class::Mark as u8 && classes[m as usize] & FOLD == 0)
        .collect();
    let mut compositions: Vec<(u32, u32, u32)> = Vec::new();
    for h in ('\u{3041}'..='\u{3096}').chain('\u{309D}'..='\u{309E}') {
        for &m in &marks {
            let composed = data.nfc.normalize(&format!("{h}{m}")).into_owned();
            if let Some(x) = only_char(&composed) {
                let folded = fold(&data, x);
                if folded != h.to_string() && folded.chars().count() == 1 {
                    compositions.push((h as u32, m as u32, folded.chars().next().unwrap_or(x) as u32));
                }
            }
        }
    }
    compositions.sort();
    let composing: BTreeSet<u32> = compositions.iter().map(|&(_, m, _)| m).collect();
    // Spacing and half-width forms of those marks (ﾞ) decompose to them: marks that fold.
    for cp in 0..LIMIT {
        let Some(c) = char::from_u32(cp) else { continue };
        let class = classes[cp as usize] & 0x0F;
        if !(class == Class::Ignorable as u8 || class == Class::Gap as u8) || data.ignorable.as_borrowed().contains(c) {
            continue;
        }
        let raw = data.nfkd.normalize(&c.to_string()).into_owned();
        // The spacing forms (゛ is a space and the combining mark) are the mark to a reader.
        let raw = raw.trim_start_matches(' ').to_owned();
        if let Some(m) = only_char(&raw) {
            if composing.contains(&(m as u32)) {
                classes[cp as usize] = Class::Mark as u8 | FOLD;
                folds.insert(cp, m.to_string());
            }
        }
    }

    // Look-alikes of non-Latin letters, keyed by the folded letter as the text holds it: what the
    // letter looks like written lowercase (`ι` is `i`; `κ` is `ĸ`, a small capital, read as `Κ`)
    // and written uppercase (`Κ` is `K`), from UTS #39; the text's own case picks one.
    let mut skeletons: BTreeMap<u32, (u8, u8, u8)> = BTreeMap::new();
    let mut look_alike_scripts = BTreeSet::new();
    // The skeleton without decorating marks (`Ꮎ`'s is `O` with a stroke overlay).
    let skeleton_of = |form: &str| data.skeleton_of(form);
    // A skeleton is a prototype, not a reading (`I` and `l` share one): the reading is the ASCII
    // letter of the same case whose skeleton it is, else of the other case.
    let lower_letters = &data.lower_letters;
    let upper_letters: BTreeMap<String, u8> =
        (b'A'..=b'Z').rev().map(|b| (skeleton_of(&char::from(b).to_string()), b.to_ascii_lowercase())).collect();
    let is_latin_letter = |form: &str| -> bool {
        let mut chars = form.chars();
        matches!((chars.next(), chars.next()), (Some(one), None)
            if data.script(one) == Script::Latin && data.is(GeneralCategoryGroup::Letter, one))
    };
    // What obscenity's look-alike table reads a form as (`drawn`), else what decancer cures it to
    // (`either`).
    let drawn = |form: &str| {
        let mut chars = form.chars();
        match (chars.next(), chars.next()) {
            (Some(one), None) => data.drawn_as.get(&one).map_or(0, |&l| l as u8),
            _ => 0,
        }
    };
    let either = |form: &str| match drawn(form) {
        0 => cured(form),
        letter => letter,
    };
    let reading = |form: &str, upper: bool| -> u8 {
        let skeleton = skeleton_of(form);
        let (first, second) = if upper { (&upper_letters, lower_letters) } else { (lower_letters, &upper_letters) };
        first.get(&skeleton).or_else(|| second.get(&skeleton)).copied().unwrap_or(0)
    };
    for cp in 0..LIMIT {
        let Some(c) = char::from_u32(cp) else { continue };
        if classes[cp as usize] & 0x0F != Class::Letter as u8 || classes[cp as usize] & FOLD != 0 {
            continue; // only letters as they stand after folding
        }
        let script = data.script(c);
        if matches!(script, Script::Latin | Script::Common | Script::Inherited) {
            continue;
        }
        // The letter as the text holds it after folding, and its uppercase form: what it looks
        // like written each way (`ι` like `i`, `Κ` like `K`).
        let upper_form: String = c.to_uppercase().collect();
        let upper = reading(&upper_form, true);
        // A lowercase letter that looks like a Latin letter of no ASCII form (`в` like `ʙ`, `к`
        // like `ĸ`, `т` like `ᴛ`: small capitals) is read as its uppercase form is (`В` is `B`).
        let lower = match reading(&c.to_string(), false) {
            0 if is_latin_letter(&skeleton_of(&c.to_string())) => upper,
            lower => lower,
        };
        if lower != 0 || upper != 0 {
            // A case UTS #39 has no reading for takes the table's (`Ш` as `W`, as `ш` is `w`),
            // else decancer's (`μ` as `u`, as `Μ` is `M`; `Σ` as `E`, as `σ` is `o`).
            let (lower, upper) = (
                if lower == 0 { either(&c.to_string()) } else { lower },
                if upper == 0 { either(&upper_form) } else { upper },
            );
            skeletons.insert(cp, (lower, upper, script_id(script)));
            classes[cp as usize] |= SKELETON;
            look_alike_scripts.insert(script_id(script));
            continue;
        }
        // A weak look-alike: a letter obscenity's table lists and UTS #39 does not (`ᗯ` as `w`,
        // `ሁ` as `u`, `ф` as `o`), else one decancer cures to an ASCII letter (`ψ` as `w`, `Ց`
        // as `g`), read as it only inside a word with ASCII letters; it says nothing of whether
        // its script is in use.
        let (mut lower, mut upper) = (drawn(&c.to_string()), drawn(&upper_form));
        if lower == 0 && upper == 0 {
            (lower, upper) = (cured(&c.to_string()), cured(&upper_form));
        }
        if lower != 0 || upper != 0 {
            let (lower, upper) = (if lower == 0 { upper } else { lower }, if upper == 0 { lower } else { upper });
            skeletons.insert(cp, (lower, upper, script_id(script) | WEAK_LOOK_ALIKE));
            classes[cp as usize] |= SKELETON;
        }
    }
    // Letters whose fold reads otherwise than they do (`ς` folds to `σ`, an `o`, but is drawn
    // like a `c`; `ϖ` folds to `π` but is drawn like a `w`): a weak look-alike of their own,
    // keyed by the letter as written, which the normaliser looks up only in a word with ASCII
    // letters (`fuςk`). A fold to a Latin letter is NFKC's own reading and stays (`ſ` is `s`).
    let folded_look_alikes: Vec<(u32, (u8, u8, u8))> = folds
        .iter()
        .filter_map(|(&cp, folded)| {
            let c = char::from_u32(cp)?;
            let f = only_char(folded)?;
            if classes[cp as usize] & 0x0F != Class::Letter as u8
                || matches!(data.script(f), Script::Latin | Script::Common | Script::Inherited)
            {
                return None;
            }
            let upper = c.is_uppercase();
            let own = match reading(&c.to_string(), upper) {
                0 => either(&c.to_string()),
                letter => letter,
            };
            let fold_reads = skeletons.get(&(f as u32)).map_or(0, |&(lower, up, _)| if upper { up } else { lower });
            (own != 0 && own != fold_reads).then(|| (cp, (own, own, script_id(data.script(f)) | WEAK_LOOK_ALIKE)))
        })
        .collect();
    skeletons.extend(folded_look_alikes);
    // The letters of those scripts, as ranges, so that a letter without a look-alike shows the
    // script is really in use.
    let mut script_ranges: Vec<(u32, u32, u8)> = Vec::new();
    for cp in 0..LIMIT {
        let Some(c) = char::from_u32(cp) else { continue };
        if classes[cp as usize] & 0x0F != Class::Letter as u8 {
            continue;
        }
        let id = script_id(data.script(c));
        if id == 15 || !look_alike_scripts.contains(&id) {
            continue;
        }
        match script_ranges.last_mut() {
            Some((_, end, last)) if *last == id && *end + 1 == cp => *end = cp,
            _ => script_ranges.push((cp, cp, id)),
        }
    }

    // Scripts with marks of their own: a mark joins a letter of its script only, so the runtime
    // needs the script of both (ranges of every code point of those scripts, by script number).
    let mut mark_scripts: Vec<Script> = Vec::new();
    for cp in 0..LIMIT {
        let Some(c) = char::from_u32(cp) else { continue };
        if classes[cp as usize] & 0x0F == Class::ScriptMark as u8 {
            let script = data.script(c);
            if !mark_scripts.contains(&script) {
                mark_scripts.push(script);
            }
        }
    }
    let mut mark_script_ranges: Vec<(u32, u32, u16)> = Vec::new();
    for cp in 0..LIMIT {
        let Some(c) = char::from_u32(cp) else { continue };
        let Some(id) = mark_scripts.iter().position(|&s| s == data.script(c)) else { continue };
        let id = id as u16 + 1;
        match mark_script_ranges.last_mut() {
            Some((_, end, last)) if *last == id && *end + 1 == cp => *end = cp,
            _ => mark_script_ranges.push((cp, cp, id)),
        }
    }

    // Regional indicators: letters, except that a pair of them is a flag (UTS #51).
    let regional = CodePointSetData::new::<RegionalIndicator>();
    let regional: Vec<u32> =
        (0..0x110000u32).filter(|&cp| char::from_u32(cp).is_some_and(|c| regional.contains(c))).collect();
    let regional_range = (regional.first().copied().unwrap_or(0), regional.last().copied().unwrap_or(0));
    assert_eq!(regional.len() as u32, regional_range.1 - regional_range.0 + 1, "regional indicators are contiguous");

    // Ignorable code points beyond the table.
    let ignorable_beyond = ranges_of(LIMIT..=0x10FFFF, |c| data.class_of(c) == Class::Ignorable);
    // The explicit bidi formatting characters (UAX #9).
    let mut bidi_controls = Vec::new();
    for cp in 0..0x10000u32 {
        let Some(c) = char::from_u32(cp) else { continue };
        let kind = match data.bidi.as_borrowed().get(c) {
            BidiClass::LeftToRightEmbedding => "Lre",
            BidiClass::RightToLeftEmbedding => "Rle",
            BidiClass::LeftToRightOverride => "Lro",
            BidiClass::RightToLeftOverride => "Rlo",
            BidiClass::PopDirectionalFormat => "Pdf",
            BidiClass::LeftToRightIsolate => "Lri",
            BidiClass::RightToLeftIsolate => "Rli",
            BidiClass::FirstStrongIsolate => "Fsi",
            BidiClass::PopDirectionalIsolate => "Pdi",
            _ => continue,
        };
        bidi_controls.push((cp, kind));
    }

    // Two-stage class table: the block size that makes it smallest.
    let (shift, index, blocks) = (4..=8)
        .map(|shift| {
            let size = 1usize << shift;
            let mut unique: BTreeMap<Vec<u8>, u16> = BTreeMap::new();
            let mut blocks: Vec<u8> = Vec::new();
            let mut index: Vec<u16> = Vec::new();
            for chunk in classes.chunks(size) {
                let next = unique.len() as u16;
                let id = *unique.entry(chunk.to_vec()).or_insert_with(|| {
                    blocks.extend_from_slice(chunk);
                    next
                });
                index.push(id);
            }
            (shift, index, blocks)
        })
        .min_by_key(|(_, index, blocks)| index.len() * 2 + blocks.len())
        .expect("block sizes");

    // Kana drawn like a Han character (UTS #39: `ロ` like `口`, `ハ` like `八`, `エ` like `工`), as
    // (the Han character as folded, the kana as folded): a CJK term is also looked for with such
    // a kana for its Han character (`pattern.rs`), where the segmentation decides what a reader saw.
    let mut kana_look_alikes: BTreeSet<(u32, u32)> = BTreeSet::new();
    for cp in (0x3040..=0x30FF).chain(0x31F0..=0x31FF).chain(0xFF66..=0xFF9F) {
        let Some(c) = char::from_u32(cp) else { continue };
        let skeleton: String = unicode_security::confusable_detection::skeleton(&c.to_string()).collect();
        let Some(like) = only_char(&skeleton) else { continue };
        // A radical or compatibility ideograph reads as its Han character.
        let (han, kana) = (fold(&data, like), fold(&data, c));
        let (mut han_chars, mut kana_chars) = (han.chars(), kana.chars());
        let (Some(h), None, Some(k), None) = (han_chars.next(), han_chars.next(), kana_chars.next(), kana_chars.next())
        else {
            continue;
        };
        if data.script(h) == Script::Han && h != k {
            kana_look_alikes.insert((h as u32, k as u32));
        }
    }
    eprintln!(
        "apostrophes: {}",
        folds.iter().filter(|(_, f)| f.as_str() == "'").filter_map(|(&cp, _)| char::from_u32(cp)).collect::<String>()
    );
    eprintln!(
        "drawn as an upside-down letter: {}",
        data.drawn_upside_down.iter().map(|(c, g)| format!("{c}{g}")).collect::<Vec<_>>().join(" ")
    );
    eprintln!(
        "kana look-alikes: {:?}",
        kana_look_alikes
            .iter()
            .map(|&(h, k)| format!("{}{}", char::from_u32(h).unwrap_or('?'), char::from_u32(k).unwrap_or('?')))
            .collect::<Vec<_>>()
    );

    // Folds: one char, or a string in the pool.
    let mut pool = String::new();
    let fold_entries: Vec<(u32, u32)> = folds
        .iter()
        .map(|(&cp, s)| {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(one), None) => (cp, one as u32),
                _ => {
                    let at = pool.find(s.as_str()).unwrap_or_else(|| {
                        pool.push_str(s);
                        pool.len() - s.len()
                    });
                    assert!(s.len() < 32 && at < (1 << 26), "pool entry too large");
                    (cp, 0x8000_0000 | (at as u32) << 5 | s.len() as u32)
                }
            }
        })
        .collect();

    let mut out = String::new();
    let (u1, u2, u3) = unicode_security::UNICODE_VERSION;
    let _ = writeln!(
        out,
        "// @generated by crates/unicode-gen (`cargo run -p timgate-unicode-gen --release`); do not edit."
    );
    let _ =
        writeln!(out, "// Sources: ICU4X icu_properties/icu_normalizer/icu_casemap 2 (Unicode character database),");
    let _ = writeln!(out, "// unicode-security {u1}.{u2}.{u3} confusables (UTS #39), unicode_names2 (names), irg-kvariants 0.1 (IRG kVariants),");
    let _ = writeln!(out, "// zhconv 0.3 (OpenCC, MediaWiki).");
    let _ = writeln!(
        out,
        "// {} code points fold, {} look-alikes, {} mixed folds kept whole.",
        fold_entries.len(),
        skeletons.len(),
        mixed.len()
    );
    let _ = writeln!(out, "#![allow(clippy::unreadable_literal)]\n");
    let _ = writeln!(out, "/// Code points below this are in the class table.");
    let _ = writeln!(out, "pub(crate) const TABLE_LIMIT: u32 = {LIMIT:#x};");
    let _ = writeln!(out, "/// log2 of the class table's block size.");
    let _ = writeln!(out, "pub(crate) const BLOCK_SHIFT: u32 = {shift};");
    let _ = writeln!(out, "/// Block of each run of code points.");
    let _ = write!(out, "pub(crate) static BLOCK_INDEX: [u16; {}] = [", index.len());
    for (i, v) in index.iter().enumerate() {
        if i % 24 == 0 {
            out.push_str("\n   ");
        }
        let _ = write!(out, " {v},");
    }
    out.push_str("\n];\n");
    let _ = writeln!(
        out,
        "/// Class byte of each code point, by block: class in the low 4 bits, then FOLD, SKELETON, RTL, ALNUM."
    );
    let _ = write!(out, "pub(crate) static BLOCKS: [u8; {}] = [", blocks.len());
    for (i, v) in blocks.iter().enumerate() {
        if i % 32 == 0 {
            out.push_str("\n   ");
        }
        let _ = write!(out, " {v},");
    }
    out.push_str("\n];\n");
    // Two arrays rather than one of pairs: the sorted code points, searched, compress well apart
    // from what they fold to (12 KB less of the gzipped worker, 2026-12-07).
    let _ = writeln!(out, "/// Sorted code points that fold (what each folds to: [`FOLD_TO`]).");
    write_hex_array(&mut out, "FOLD_FROM", fold_entries.iter().map(|&(cp, _)| cp));
    let _ = writeln!(
        out,
        "/// What each code point of [`FOLD_FROM`] folds to: a char, or (high bit) offset << 5 | length in FOLD_POOL."
    );
    write_hex_array(&mut out, "FOLD_TO", fold_entries.iter().map(|&(_, v)| v));
    let _ = writeln!(out, "/// Strings that code points fold to when longer than one char.");
    let _ = writeln!(out, "pub(crate) static FOLD_POOL: &str = {pool:?};");
    let _ = writeln!(
        out,
        "/// Sorted letters with a Latin look-alike (UTS #39; script id with 0x80: only obscenity's table): the ASCII letters (lowercase, uppercase form) and the letter's script id."
    );
    let _ = write!(out, "pub(crate) static SKELETONS: [(u32, u8, u8, u8); {}] = [", skeletons.len());
    for (i, (cp, (lower, upper, script))) in skeletons.iter().enumerate() {
        if i % 6 == 0 {
            out.push_str("\n   ");
        }
        let _ = write!(out, " ({cp:#x}, {lower}, {upper}, {script}),");
    }
    out.push_str("\n];\n");
    let _ = writeln!(
        out,
        "/// Kana drawn like a Han character (UTS #39), sorted: (the Han character, the kana), both as folded."
    );
    let _ = write!(out, "pub(crate) static KANA_LOOK_ALIKES: [(u32, u32); {}] = [", kana_look_alikes.len());
    for (i, (han, kana)) in kana_look_alikes.iter().enumerate() {
        if i % 6 == 0 {
            out.push_str("\n   ");
        }
        let _ = write!(out, " ({han:#x}, {kana:#x}),");
    }
    out.push_str("\n];\n");
    let _ =
        writeln!(out, "/// Sorted ranges of the letters of scripts that have look-alikes: (first, last, script id).");
    let _ = write!(out, "pub(crate) static SCRIPT_RANGES: [(u32, u32, u8); {}] = [", script_ranges.len());
    for (i, (a, b, s)) in script_ranges.iter().enumerate() {
        if i % 6 == 0 {
            out.push_str("\n   ");
        }
        let _ = write!(out, " ({a:#x}, {b:#x}, {s}),");
    }
    out.push_str("\n];\n");
    let _ = writeln!(
        out,
        "/// Sorted (letter, decorating mark, the letter they compose to), from NFC: kana voicing marks."
    );
    let _ = writeln!(
        out,
        "pub(crate) static COMPOSITIONS: [(u32, u32, u32); {}] = {:?};",
        compositions.len(),
        compositions
    );
    let _ = writeln!(
        out,
        "/// Sorted ranges of the code points of scripts with marks of their own: (first, last, script number)."
    );
    let _ = writeln!(
        out,
        "pub(crate) static MARK_SCRIPT_RANGES: [(u32, u32, u16); {}] = {:?};",
        mark_script_ranges.len(),
        mark_script_ranges
    );
    let _ = writeln!(out, "/// The regional indicator symbols (Regional_Indicator), first and last.");
    let _ = writeln!(
        out,
        "pub(crate) const REGIONAL_INDICATORS: (u32, u32) = ({:#x}, {:#x});",
        regional_range.0, regional_range.1
    );
    let _ = writeln!(out, "/// Default-ignorable code points beyond the table.");
    let _ = writeln!(
        out,
        "pub(crate) static IGNORABLE_BEYOND: [(u32, u32); {}] = {:?};",
        ignorable_beyond.len(),
        ignorable_beyond
    );
    // Quotation marks (the apostrophe among them): a gap of one such mark inside a word is a
    // contraction (`it's`, `we'd`), never a letter hidden behind a symbol.
    // With the apostrophes drawn otherwise (above): ASCII's `` ` `` is read by the fast path as
    // written, and a fold is the reading of one character, so the table names them too.
    let mut quotation_marks: Vec<u32> = CodePointSetData::new::<QuotationMark>().iter_ranges().flatten().collect();
    quotation_marks.extend(folds.iter().filter(|(_, f)| f.as_str() == "'").map(|(&cp, _)| cp));
    quotation_marks.sort_unstable();
    quotation_marks.dedup();
    let _ = writeln!(out, "/// Quotation_Mark code points and the characters read as `'`, sorted.");
    let _ =
        writeln!(out, "pub(crate) static QUOTATION_MARKS: [u32; {}] = {:?};", quotation_marks.len(), quotation_marks);
    // Modifier letters of no script drawn as the apostrophe (UTS #39 skeleton `'`: `ʼ`, which
    // some keyboards type for it, `ʹ`): read as nothing inside a word (`fʼuʼcʼk`, above), but as
    // the apostrophe before the ending of an English contraction (`Whoʼre`, `Heʼll`), which the
    // normaliser looks for after one.
    let apostrophe_letters: Vec<u32> = (0..LIMIT)
        .filter_map(char::from_u32)
        .filter(|&c| {
            data.is(GeneralCategoryGroup::Letter, c)
                && data.class_of(c) == Class::Ignorable
                && skeleton_char(c) == Some('\'')
        })
        .map(u32::from)
        .collect();
    let _ = writeln!(out, "/// Modifier letters of no script whose UTS #39 skeleton is `'`, sorted.");
    let _ = writeln!(
        out,
        "pub(crate) static APOSTROPHE_LETTERS: [u32; {}] = {:?};",
        apostrophe_letters.len(),
        apostrophe_letters
    );
    // The shapes a censor prints over a hidden character (`操○妈`, `他××的`): read between two
    // Han letters as asterisks are, one to three of them hiding one or two characters of a term
    // (not between kana, where `○` stands for a name: `ねえ○○ちゃん`). No property says so; by name, style words aside: a circle, a square,
    // a cross (multiplication sign, multiplication X, ballot X, saltire, diagonal cross) or the
    // reference mark, among the symbols read as a gap (`⚫`, `❌`, `⬜` are emoji: not read so).
    let censor_marks: Vec<u32> =
        (0..LIMIT).filter_map(char::from_u32).filter(|&c| is_censor_mark(&data, c)).map(u32::from).collect();
    let _ = writeln!(out, "/// Symbols a censor prints over a hidden character, by name (`○`, `×`, `□`), sorted.");
    let _ = writeln!(out, "pub(crate) static CENSOR_MARKS: [u32; {}] = {:?};", censor_marks.len(), censor_marks);
    // The circles among them (by name): the fuseji of Japanese, one alone between two kana
    // (`ま○こ`), where `×` marks a pairing (`ひろし×たけし`) and two circles a name (`○○ちゃん`).
    let censor_circles: Vec<u32> = censor_marks
        .iter()
        .copied()
        .filter(|&cp| {
            char::from_u32(cp).and_then(unicode_names2::name).is_some_and(|n| n.to_string().contains("CIRCLE"))
        })
        .collect();
    let _ = writeln!(out, "/// The circles among CENSOR_MARKS, by name (`○`, `●`, `◯`), sorted.");
    let _ = writeln!(out, "pub(crate) static CENSOR_CIRCLES: [u32; {}] = {:?};", censor_circles.len(), censor_circles);
    // Upside-down letters, from the npm package flip-text 1.2.0 (`lib/chars.js`, installed by
    // `npm install`): Unicode has no data for this convention (`ʞ` is a TURNED K, but `ɟ` for `f`
    // and `n` for `u` are drawings, not properties). Only the lowercase Latin letters.
    let flips = upside_down_letters();
    let _ = writeln!(out, "/// Lowercase Latin letters drawn upside down (flip-text 1.2.0), sorted.");
    let _ = writeln!(out, "pub(crate) static UPSIDE_DOWN: [(char, &str); {}] = {:?};", flips.len(), flips);
    let capitals = upside_down_capitals();
    let _ = writeln!(out, "/// Capital Latin letters drawn upside down (flip-text 1.2.0), sorted.");
    let _ =
        writeln!(out, "pub(crate) static UPSIDE_DOWN_CAPITALS: [(char, &str); {}] = {:?};", capitals.len(), capitals);
    for (name, tool, what, case, capitals) in [
        ("LUNICODE_UPSIDE_DOWN", "flip", "upside down", "Lowercase", false),
        ("LUNICODE_UPSIDE_DOWN_CAPITALS", "flip", "upside down", "Capital", true),
        ("LUNICODE_MIRRORED", "mirror", "mirrored", "Lowercase", false),
        ("LUNICODE_MIRRORED_CAPITALS", "mirror", "mirrored", "Capital", true),
    ] {
        let letters =
            lunicode_letters(tool, |c| if capitals { c.is_ascii_uppercase() } else { c.is_ascii_lowercase() });
        let _ = writeln!(out, "/// {case} Latin letters drawn {what} (lunicode 2.0.1, its `{tool}` tool), sorted.");
        let _ = writeln!(out, "pub(crate) static {name}: [(char, &str); {}] = {:?};", letters.len(), letters);
    }
    let han = han_letter_ranges(&data);
    let _ = writeln!(out, "/// Han letters (Script=Han, Lo), sorted ranges.");
    let _ = writeln!(out, "pub(crate) static HAN_LETTERS: [(u32, u32); {}] = {:?};", han.len(), han);
    let phonetic = phonetic_letter_ranges(&data);
    let _ = writeln!(out, "/// Kana, Bopomofo and Hangul letters other than the syllable blocks, sorted ranges.");
    let _ = writeln!(out, "pub(crate) static PHONETIC_LETTERS: [(u32, u32); {}] = {:?};", phonetic.len(), phonetic);
    let jamo = hangul_letter_ranges(&data);
    let _ = writeln!(out, "/// Hangul letters other than the syllable blocks, sorted ranges.");
    let _ = writeln!(out, "pub(crate) static HANGUL_LETTERS: [(u32, u32); {}] = {:?};", jamo.len(), jamo);
    let bopomofo = bopomofo_letter_ranges(&data);
    let _ = writeln!(out, "/// Bopomofo letters, sorted ranges.");
    let _ = writeln!(out, "pub(crate) static BOPOMOFO_LETTERS: [(u32, u32); {}] = {:?};", bopomofo.len(), bopomofo);
    let decimal = han_decimal_digits();
    let han_digits = han_digits(&data, &decimal);
    let _ = writeln!(
        out,
        "/// Han numerals of the digits 0-9 as read (CLDR's decimal and financial), with their digit, sorted."
    );
    let _ = writeln!(out, "pub(crate) static HAN_DIGITS: [(u32, u8); {}] = {:?};", han_digits.len(), han_digits);
    let _ = writeln!(out, "/// CLDR's decimal Han digits (hanidec), 0 to 9.");
    let _ = writeln!(out, "pub(crate) static HAN_DECIMAL_DIGITS: [char; 10] = {:?};", decimal);
    let spelled = spelled_jamo(&data);
    let _ = writeln!(
        out,
        "/// Compatibility and half-width Hangul letters: (code point, lead, vowel, final conjoining jamo or 0), sorted."
    );
    let _ = writeln!(out, "pub(crate) static SPELLED_JAMO: [(u32, u32, u32, u32); {}] = {:?};", spelled.len(), spelled);
    let symbols = symbol_letters(&data);
    let _ =
        writeln!(out, "/// Currency signs drawn as a lowercase ASCII letter (UTS #39, obscenity, decancer), sorted.");
    let _ = writeln!(out, "pub(crate) static SYMBOL_LETTERS: [(char, char); {}] = {:?};", symbols.len(), symbols);
    let _ = writeln!(out, "/// The explicit bidi formatting characters (UAX #9).");
    let _ = write!(out, "pub(crate) static BIDI_CONTROLS: [(char, super::BidiControl); {}] = [", bidi_controls.len());
    for (cp, kind) in &bidi_controls {
        let _ = write!(out, " ('\\u{{{cp:x}}}', super::BidiControl::{kind}),");
    }
    out.push_str(" ];\n");
    // A fingerprint of everything above: precompiled matchers record it and are refused by a
    // build with other tables.
    let fingerprint =
        out.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let _ = writeln!(out, "/// FNV-1a of the tables above.");
    let _ = writeln!(out, "pub(crate) const FINGERPRINT: u64 = {fingerprint:#018x};");
    print!("{out}");
    eprintln!(
        "classes: {} index + {} blocks (shift {shift}); {} folds ({} pool bytes); {} skeletons; {} script ranges; {} mixed folds: {:?}",
        index.len() * 2,
        blocks.len(),
        fold_entries.len(),
        pool.len(),
        skeletons.len(),
        script_ranges.len(),
        mixed.len(),
        &mixed[..mixed.len().min(20)]
    );
}
