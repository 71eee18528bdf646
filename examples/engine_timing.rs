//! Times `RuleSet::find` on the inputs of `benches/matcher.rs` as written to files by
//! `examples/bench_corpus.rs`, for `bench/compare-engines.sh`, which builds this same file against
//! two versions of the engine (this tree and an older commit) and runs them in turns. It uses only
//! what both versions have: `RuleSet::from_json`, `RuleSet::find` and a match's `term`.
//!
//! ```sh
//! engine_timing measure CORPUS_DIR LABEL SIZES SECONDS   # appends tab-separated results to stdout
//! engine_timing report RESULTS.tsv                        # the table of bench/compare-engines.sh
//! ```
//!
//! `measure` times, per term count, the message mix of `benches/matcher.rs` (200 B: the first 200
//! clean messages and 100 with a hidden term; 12 KB: 20 clean and 10 with a hidden term), one
//! message after the other, for at least SECONDS per mix, after one pass to warm up. It also
//! counts the clean messages flagged (2,000 of 200 B, 20 of 12 KB) and the hidden terms found
//! (1,000 of 200 B).

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use timgate_engine::rule_set::RuleSet;

fn read<T: serde::de::DeserializeOwned>(dir: &Path, name: &str) -> Result<T, String> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Mean time per message over the mix, in nanoseconds.
fn time_mix(set: &RuleSet, messages: &[&str], at_least: Duration) -> f64 {
    for m in messages {
        black_box(set.find(black_box(m)));
    }
    let started = Instant::now();
    let mut done = 0u64;
    while started.elapsed() < at_least {
        for m in messages {
            black_box(set.find(black_box(m)));
        }
        done += messages.len() as u64;
    }
    started.elapsed().as_nanos() as f64 / done as f64
}

fn measure(dir: &Path, label: &str, sizes: &[usize], seconds: f64) -> Result<(), String> {
    let clean_short: Vec<String> = read(dir, "clean-200.json")?;
    let clean_long: Vec<String> = read(dir, "clean-12k.json")?;
    let at_least = Duration::from_secs_f64(seconds);
    for &n in sizes {
        let rules =
            std::fs::read_to_string(dir.join(format!("rules-{n}.json"))).map_err(|e| format!("rules-{n}: {e}"))?;
        let dirty_short: Vec<(String, usize)> = read(dir, &format!("dirty-200-{n}.json"))?;
        let dirty_long: Vec<(String, usize)> = read(dir, &format!("dirty-12k-{n}.json"))?;
        let started = Instant::now();
        let set = RuleSet::from_json(&rules).map_err(|e| format!("rules-{n}: {e}"))?;
        let compile_ms = started.elapsed().as_secs_f64() * 1e3;

        let short: Vec<&str> = clean_short[..200]
            .iter()
            .map(String::as_str)
            .chain(dirty_short[..100].iter().map(|(m, _)| m.as_str()))
            .collect();
        let long: Vec<&str> =
            clean_long.iter().map(String::as_str).chain(dirty_long.iter().map(|(m, _)| m.as_str())).collect();
        let ns_short = time_mix(&set, &short, at_least);
        let ns_long = time_mix(&set, &long, at_least);

        let flagged_short = clean_short.iter().filter(|m| !set.find(m).is_empty()).count();
        let flagged_long = clean_long.iter().filter(|m| !set.find(m).is_empty()).count();
        let found = dirty_short.iter().filter(|(m, t)| set.find(m).iter().any(|x| x.term == *t)).count();
        println!("{label}\t{n}\t200B\t{ns_short:.1}");
        println!("{label}\t{n}\t12KB\t{ns_long:.1}");
        println!("{label}\t{n}\tcompile_ms\t{compile_ms:.1}");
        println!("{label}\t{n}\tclean_200B_flagged\t{flagged_short}/{}", clean_short.len());
        println!("{label}\t{n}\tclean_12KB_flagged\t{flagged_long}/{}", clean_long.len());
        println!("{label}\t{n}\thidden_200B_found\t{found}/{}", dirty_short.len());
    }
    Ok(())
}

fn time(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// The table: per term count and message size, the median over the rounds of each engine, the
/// range, and new ÷ old.
fn report(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    // (n, what) → label → values
    let mut timings: BTreeMap<(usize, String), BTreeMap<String, Vec<f64>>> = BTreeMap::new();
    let mut counts: BTreeMap<(usize, String), BTreeMap<String, String>> = BTreeMap::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [label, n, what, value] = fields[..] else { continue };
        let Ok(n) = n.parse::<usize>() else { continue };
        match value.parse::<f64>() {
            Ok(v) => timings.entry((n, what.to_owned())).or_default().entry(label.to_owned()).or_default().push(v),
            Err(_) => {
                counts.entry((n, what.to_owned())).or_default().insert(label.to_owned(), value.to_owned());
            }
        }
    }
    println!("| terms | message | old engine (median, range) | new engine (median, range) | new ÷ old | rounds |");
    println!("|---|---|---|---|---|---|");
    for what in ["200B", "12KB", "compile_ms"] {
        for ((n, w), by_label) in &timings {
            if w != what {
                continue;
            }
            let stats = |label: &str| -> Option<(f64, f64, f64, usize)> {
                let mut v = by_label.get(label)?.clone();
                let (lo, hi) = (v.iter().copied().fold(f64::INFINITY, f64::min), v.iter().copied().fold(0.0, f64::max));
                Some((median(&mut v), lo, hi, v.len()))
            };
            let (Some(old), Some(new)) = (stats("old"), stats("new")) else { continue };
            let show = |(m, lo, hi, _): (f64, f64, f64, usize)| {
                if what == "compile_ms" {
                    format!("{m:.1} ms ({lo:.1}–{hi:.1})")
                } else {
                    format!("{} ({}–{})", time(m), time(lo), time(hi))
                }
            };
            let label = match what {
                "200B" => "200 B",
                "12KB" => "12 KB",
                _ => "compile",
            };
            println!(
                "| {} | {label} | {} | {} | **{:.2}** | {} / {} |",
                thousands(*n),
                show(old),
                show(new),
                new.0 / old.0,
                old.3,
                new.3
            );
        }
    }
    println!("\n| terms | clean 200 B flagged (old / new) | clean 12 KB flagged (old / new) | hidden terms found, 200 B (old / new) |");
    println!("|---|---|---|---|");
    let sizes: Vec<usize> =
        counts.keys().map(|(n, _)| *n).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    for n in sizes {
        let cell = |what: &str| {
            let by = counts.get(&(n, what.to_owned()));
            let get = |label: &str| by.and_then(|b| b.get(label)).map_or("n/a", String::as_str).to_owned();
            format!("{} / {}", get("old"), get("new"))
        };
        println!(
            "| {} | {} | {} | {} |",
            thousands(n),
            cell("clean_200B_flagged"),
            cell("clean_12KB_flagged"),
            cell("hidden_200B_found")
        );
    }
    Ok(())
}

fn thousands(n: usize) -> String {
    if n >= 1000 && n % 1000 == 0 {
        format!("{}k", n / 1000)
    } else {
        n.to_string()
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["measure", dir, label, sizes, seconds] => {
            let sizes: Vec<usize> = sizes.split(',').filter_map(|s| s.trim().parse().ok()).collect();
            match seconds.parse::<f64>() {
                Ok(seconds) => measure(Path::new(dir), label, &sizes, seconds),
                Err(e) => Err(format!("SECONDS: {e}")),
            }
        }
        ["report", path] => report(Path::new(path)),
        _ => {
            Err("usage: engine_timing measure CORPUS_DIR LABEL SIZES SECONDS | engine_timing report RESULTS.tsv".into())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
