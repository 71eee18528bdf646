//! Reusing the matcher outside timgate: a line filter that masks the terms given as arguments.
//!
//! ```text
//! echo "no sc@mming, B U Y f0ll0wers" | cargo run -p timgate-matcher --example redact -- "buy followers" "scam*"
//! no ****ming, ***************
//! ```
//!
//! The terms are compiled once; each line is searched with `find_iter`, and every match (a byte
//! range of the line as written) is replaced by one `*` per character.

use std::io::{BufRead, Write};

use timgate_matcher::MatcherBuilder;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let terms: Vec<String> = std::env::args().skip(1).collect();
    if terms.is_empty() {
        eprintln!("usage: redact TERM... < text");
        std::process::exit(2);
    }
    let matcher = MatcherBuilder::new().terms(terms).build()?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let mut spans: Vec<(usize, usize)> = matcher.find_iter(&line).map(|m| (m.start, m.end)).collect();
        spans.sort_unstable();
        let mut masked = String::with_capacity(line.len());
        let mut at = 0;
        for (start, end) in spans {
            let start = start.max(at);
            if start >= end {
                continue; // inside a span already masked
            }
            masked.push_str(&line[at..start]);
            masked.extend(line[start..end].chars().map(|_| '*'));
            at = end;
        }
        masked.push_str(&line[at..]);
        if writeln!(out, "{masked}").is_err() {
            break; // a closed pipe ends the output
        }
    }
    Ok(())
}
