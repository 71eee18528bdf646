//! The ASCII letter a Latin letter's Unicode name decorates, read by the tests' own pattern (the
//! generator's rule, `decorated_letter_by_name` in `crates/unicode-gen`, written again from the
//! names so that a test can catch it): `LATIN SMALL LETTER C WITH RETROFLEX HOOK` is `c`, `LATIN
//! SMALL LETTER VISIGOTHIC Z` is `z`; not where the one word of style redraws the letter
//! (`TURNED`, `REVERSED`, `OPEN` ...), nor a digraph (`N WITH SMALL LETTER J`).

/// Words of style that make another letter of the one they name.
const REDRAWN: [&str; 9] = ["TURNED", "REVERSED", "INVERTED", "SIDEWAYS", "GLOTTAL", "HALF", "DOUBLE", "SHARP", "OPEN"];

/// The pattern, compiled once.
pub struct LetterNames(regex::Regex);

impl LetterNames {
    pub fn new() -> Self {
        LetterNames(
            regex::Regex::new(
                r"^(?:LATIN (?:SMALL |CAPITAL )?LETTER |LATIN LETTER SMALL CAPITAL |MODIFIER LETTER (?:SMALL |CAPITAL )|LATIN SUBSCRIPT SMALL LETTER )(?:([A-Z-]+) )?([A-Z])(?: WITH (.*))?$",
            )
            .expect("a valid pattern"),
        )
    }

    /// The lowercase ASCII letter `name` decorates, if it names one so.
    pub fn decorated(&self, name: &str) -> Option<char> {
        let parts = self.0.captures(name)?;
        let redrawn = parts.get(1).is_some_and(|w| REDRAWN.contains(&w.as_str()));
        let digraph = parts.get(3).is_some_and(|w| w.as_str().contains("LETTER"));
        if redrawn || digraph {
            return None;
        }
        parts.get(2)?.as_str().to_ascii_lowercase().chars().next()
    }
}
