fn main() {
    let mut terms: Vec<String> = Vec::new();
    for l in ["en", "zh"] {
        let list: Vec<String> =
            serde_json::from_str(&std::fs::read_to_string(format!("node_modules/naughty-words/{l}.json")).unwrap())
                .unwrap();
        terms.extend(list);
    }
    let doc = serde_json::json!({ "block": terms }).to_string();
    let set = timgate_cli::push_compile::compile(&doc).unwrap();
    let plain = timgate_engine::rule_set::RuleSet::from_json(&doc).unwrap();
    let words: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string("node_modules/an-array-of-english-words/index.json").unwrap())
            .unwrap();
    let mut prose = String::new();
    let mut i = 0usize;
    while prose.len() < 65536 {
        prose.push_str(&words[(i * 7919) % words.len()]);
        prose.push(' ');
        i += 1;
    }
    let zh: Vec<&String> =
        terms.iter().filter(|t| t.chars().count() >= 2 && t.chars().all(|c| c as u32 >= 0x4E00)).collect();
    let mut back = String::new();
    i = 0;
    while back.len() < 65536 {
        back.push_str(zh[i % zh.len()]);
        i += 1;
    }
    let mut spaced = String::new();
    i = 0;
    while spaced.len() < 65536 {
        spaced.push_str(zh[i % zh.len()]);
        spaced.push(if i % 2 == 0 { ' ' } else { '，' });
        i += 1;
    }
    let mut mixed = String::new();
    i = 0;
    while mixed.len() < 65536 {
        mixed.push_str(zh[i % zh.len()]);
        mixed.push_str(["@", "!", "1", "a", "$"][i % 5]);
        i += 1;
    }
    let _ = (&spaced, &mixed);
    for (name, s, cap) in [
        ("prose", &prose, 65536usize),
        ("zh back 16k", &back, 16384),
        ("zh back 32k", &back, 32768),
        ("zh back 64k", &back, 65536),
    ] {
        let s = &s[..s.char_indices().take_while(|(b, _)| *b < cap).last().map(|(b, c)| b + c.len_utf8()).unwrap()];
        for (label, rs) in [("push", &set), ("plain", &plain)] {
            let t = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(10usize) {
                n += rs.find(s).len();
            }
            println!("{name:24} {label:5} {:?} matches {}", t.elapsed() / 10, n / 10);
        }
    }
}
