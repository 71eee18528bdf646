//! Writes the benchmark inputs of `benches/matcher.rs` to files, for the JavaScript baseline
//! (`bench/js-baseline.mjs`) and the cold-start measurement (`bench/cold-start.mjs`):
//!
//! ```sh
//! cargo run --release --example bench_corpus -- target/bench-corpus [1000,10000,100000]
//! ```
//!
//! Writes `clean-200.json` and `clean-12k.json` (arrays of messages), and per term count `n`:
//! `terms-n.json` (array), `rules-n.json` (the rule document), `rules-n.bin` (its precompiled
//! blob), `dirty-200-n.json` and `dirty-12k-n.json` (arrays of `[message, hidden term index]`).

#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::path::Path;
use std::process::ExitCode;

use timgate_engine::rule_set::RuleSet;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(dir.join(name), bytes).map_err(|e| format!("{name}: {e}"))
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

fn run(dir: &Path, sizes: &[usize]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let clean = corpus::clean_messages(2000, 20);
    write(dir, "clean-200.json", json(&clean.short)?.as_bytes())?;
    write(dir, "clean-12k.json", json(&clean.long)?.as_bytes())?;
    for &n in sizes {
        let inputs = corpus::inputs(n, 1000, 10);
        write(dir, &format!("terms-{n}.json"), json(&inputs.terms)?.as_bytes())?;
        write(dir, &format!("rules-{n}.json"), inputs.rules_json.as_bytes())?;
        let set = RuleSet::from_json(&inputs.rules_json).map_err(|e| e.to_string())?;
        write(dir, &format!("rules-{n}.bin"), &set.to_blob())?;
        write(dir, &format!("dirty-200-{n}.json"), json(&inputs.dirty_200)?.as_bytes())?;
        write(dir, &format!("dirty-12k-{n}.json"), json(&inputs.dirty_12k)?.as_bytes())?;
        eprintln!("{n} terms written to {}", dir.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map_or("target/bench-corpus", String::as_str);
    let sizes: Vec<usize> = args
        .get(1)
        .map_or("1000,10000,100000", String::as_str)
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    match run(Path::new(dir), &sizes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
