//! The Chinese characters emoji stand for, by the names Unicode's CLDR gives them in Chinese
//! (npm `cldr-annotations-full` 48.2.0, `annotations/zh/annotations.json`, which `npm install`
//! puts in `node_modules`): an emoji whose name begins with one of its one-character keywords
//! stands for that character (`🐴`, named `马头`, "horse head", keyword `马`; `🐔`, `鸡`;
//! `🐍`, `蛇`). `character_sounds` spells a Chinese term with such an emoji for a character of
//! the same sound (`操你🐴` for `操你妈`, `🐔巴` for `鸡巴`). Only an emoji of one code point
//! (and its presentation selector) that the normaliser reads as one emoji: not a sequence
//! (`👨‍⚕`, "man doctor", is no `男`), nor a symbol CLDR also names (`«`, `+`, `°`).

use std::sync::{Arc, OnceLock};

use timgate_matcher::normalize::{Normalizer, SymbolKind};
use timgate_matcher::unicode_data::is_han_letter;

/// The annotations, relative to the project root.
const ANNOTATIONS: &str = "node_modules/cldr-annotations-full/annotations/zh/annotations.json";

/// Each emoji with the character it stands for, in CLDR's order (`("🐴", '马')`).
pub fn parse(annotations: &str) -> Vec<(String, char)> {
    let Ok(json) = serde_json::from_str::<serde_json::Value>(annotations) else { return Vec::new() };
    let Some(entries) = json.pointer("/annotations/annotations").and_then(|v| v.as_object()) else {
        return Vec::new();
    };
    let strings = |v: Option<&serde_json::Value>| -> Vec<String> {
        v.and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    };
    let mut found = Vec::new();
    for (emoji, names) in entries {
        if !reads_as_one_emoji(emoji) {
            continue;
        }
        let Some(name) = strings(names.get("tts")).into_iter().next() else { continue };
        let keyword = strings(names.get("default")).into_iter().find_map(|k| {
            let mut chars = k.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if is_han_letter(c) && name.starts_with(c) => Some(c),
                _ => None,
            }
        });
        if let Some(c) = keyword {
            found.push((emoji.clone(), c));
        }
    }
    found
}

/// Whether `emoji` is one code point (its presentation selector aside) that the normaliser reads
/// as one emoji.
fn reads_as_one_emoji(emoji: &str) -> bool {
    let mut chars = emoji.chars().filter(|&c| c != '\u{FE0F}');
    if chars.next().is_none() || chars.next().is_some() {
        return false;
    }
    let symbols: Vec<SymbolKind> = Normalizer::as_written(emoji).map(|s| s.kind).collect();
    symbols == [SymbolKind::Emoji]
}

/// Each emoji with the character it stands for.
pub type EmojiNames = Arc<Vec<(String, char)>>;

/// The emoji and their characters, loaded once; `None` when the package is not installed.
pub fn emoji_names() -> Option<EmojiNames> {
    static NAMES: OnceLock<Option<EmojiNames>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            let text = std::fs::read_to_string(crate::package_data::data_file(ANNOTATIONS)?).ok()?;
            Some(Arc::new(parse(&text)))
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_emoji_named_after_one_character_of_its_keywords_stands_for_it() {
        let sample = r#"{"annotations":{"identity":{},"annotations":{
            "🐴":{"default":["盛装舞步","马","马头"],"tts":["马头"]},
            "🐶":{"default":["宠物","狗","狗脸","脸"],"tts":["狗脸"]},
            "🐸":{"default":["动物","头","脸","青蛙"],"tts":["青蛙"]},
            "«":{"default":["左"],"tts":["左燕尾号"]},
            "👨‍⚕":{"default":["男"],"tts":["男医生"]},
            "❤️":{"default":["爱","心"],"tts":["红心"]},
            "☺️":{"default":["微笑"],"tts":["微笑"]}}}}"#;
        let found = parse(sample);
        assert_eq!(
            found,
            [("🐴".to_owned(), '马'), ("🐶".to_owned(), '狗')],
            "not 🐸 (头 is not its name's first), «, 👨‍⚕, ❤️ (红心), ☺️ (no one-character keyword)"
        );
        assert!(parse("not json").is_empty());
    }

    #[test]
    fn cldr_names_the_animals_of_chinese_insults() {
        let Some(names) = emoji_names() else {
            eprintln!("skipped: cldr-annotations-full is not installed (npm install)");
            return;
        };
        for (emoji, c) in [("🐴", '马'), ("🐔", '鸡'), ("🐍", '蛇'), ("🐷", '猪'), ("🐶", '狗')] {
            assert!(names.iter().any(|(e, k)| e == emoji && *k == c), "{emoji} for {c}");
        }
        assert!(names.len() >= 100 && names.len() <= 400, "{} emoji", names.len());
        assert!(names.iter().all(|(e, _)| e.chars().filter(|&c| c != '\u{FE0F}').count() == 1));
    }
}
