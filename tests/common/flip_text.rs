//! The npm package flip-text's table of letters drawn upside down, read from `node_modules`.

/// flip-text's own table (`node_modules/flip-text/lib/chars.js`): each `'x':'y'` line, and the
/// reverse of each that the package adds itself (`index.js`: a value not yet a key maps back).
pub fn flip_table() -> Option<std::collections::HashMap<char, String>> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/flip-text/lib/chars.js");
    let text = std::fs::read_to_string(path).ok()?;
    let mut table = std::collections::HashMap::new();
    let mut pairs = Vec::new();
    for line in text.lines() {
        let line = line.trim().trim_end_matches(',');
        let Some((key, value)) = line.split_once(':') else { continue };
        let unquote = |s: &str| s.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')).map(str::to_owned);
        if let (Some(key), Some(value)) = (unquote(key), unquote(value)) {
            let mut chars = key.chars();
            if let (Some(k), None) = (chars.next(), chars.next()) {
                pairs.push((k, value));
            }
        }
    }
    for (k, v) in &pairs {
        table.insert(*k, v.clone());
    }
    for (k, v) in &pairs {
        let mut chars = v.chars();
        if let (Some(back), None) = (chars.next(), chars.next()) {
            table.entry(back).or_insert_with(|| k.to_string());
        }
    }
    Some(table)
}

/// `text` as the package's function writes it upside down: backwards, each character drawn as
/// the table draws it, or else as it draws its lowercase (`K` as `ʞ`), or else as it is.
#[allow(dead_code)] // (not every test file that includes this module flips whole texts)
pub fn flip(table: &std::collections::HashMap<char, String>, text: &str) -> String {
    text.chars()
        .rev()
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            table.get(&c).or_else(|| table.get(&lower)).cloned().unwrap_or_else(|| c.to_string())
        })
        .collect()
}
