//! `cargo bench`: the matching engine against three baselines on the same generated inputs, in the
//! same run (a lowercase-substring loop, a `regex` alternation and a bare daachorse charwise
//! automaton with ASCII case folding, the speed limit of an automaton without normalisation), at
//! 1k, 10k and 100k terms.
//!
//! The document is compiled as `npm run rules -- push` compiles it (with the tool's English words
//! and Chinese segmentation words: what the worker loads from the blob the tool stores); the
//! `compile` time is the worker's own compilation of a document pushed without a blob.
//!
//! Measured: time per message (200 B and 12 KB messages, clean and with a hidden term), the same
//! with a group document and allowed words searched in the same pass, compile time,
//! precompiled-blob load time, heap size of the compiled matcher, blob size, clean messages
//! flagged (false positives, also without the tool's word lists) and hidden terms found (recall).
//! Criterion measures the timings; at the end a Markdown table with ratios is printed (and written
//! to `target/criterion/timgate-report.md`).
//!
//! `TIMGATE_BENCH_SIZES=1000,10000 cargo bench` limits the sizes; `TIMGATE_BENCH_BASELINES=0`
//! leaves the baselines out (a quicker run while working on the engine).

#[path = "common/corpus.rs"]
mod corpus;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{black_box, Criterion};
use daachorse::CharwiseDoubleArrayAhoCorasick;
use regex::{Regex, RegexBuilder};
use timgate_cli::push_compile;
use timgate_engine::contacts::ContactFinder;
use timgate_engine::links::LinkFinder;
use timgate_engine::patterns::{CompiledPattern, PatternText, Prefilter};
use timgate_engine::rule_set::{document_version, RuleSet};
use timgate_matcher::normalize::Normalizer;
use timgate_matcher::{Matcher, Scan};

/// The bare automaton: the terms lowercased, searched with ASCII case folding and nothing else
/// (no normalisation, no word edges, no confirmation), counting overlapping hits.
struct Bare {
    ac: CharwiseDoubleArrayAhoCorasick<u32>,
}

impl Bare {
    fn new(terms: &[String]) -> Self {
        let mut lowered: Vec<String> = terms.iter().map(|t| t.trim_end_matches('*').to_ascii_lowercase()).collect();
        lowered.sort();
        lowered.dedup();
        Self { ac: CharwiseDoubleArrayAhoCorasick::new(&lowered).expect("distinct non-empty terms") }
    }

    fn count(&self, text: &str) -> usize {
        let mut stepper = self.ac.find_overlapping_stepper();
        let mut hits = 0;
        for c in text.chars() {
            stepper.consume(c.to_ascii_lowercase());
            hits += stepper.matches().count();
        }
        hits
    }
}

/// The first baseline: lowercase the text, then `contains` for every term.
struct Naive {
    terms: Vec<String>,
}

impl Naive {
    fn new(terms: &[String]) -> Self {
        Self { terms: terms.iter().map(|t| t.trim_end_matches('*').to_lowercase()).collect() }
    }

    fn find(&self, text: &str) -> Vec<usize> {
        let lower = text.to_lowercase();
        self.terms.iter().enumerate().filter(|(_, t)| lower.contains(t.as_str())).map(|(i, _)| i).collect()
    }
}

/// The second baseline: one case-insensitive alternation of every term.
struct RegexUnion {
    regex: Regex,
}

impl RegexUnion {
    fn new(terms: &[String]) -> Result<Self, regex::Error> {
        let pattern = terms.iter().map(|t| regex::escape(t.trim_end_matches('*'))).collect::<Vec<_>>().join("|");
        let regex =
            RegexBuilder::new(&pattern).case_insensitive(true).size_limit(1 << 34).dfa_size_limit(1 << 30).build()?;
        Ok(Self { regex })
    }

    fn find(&self, text: &str) -> Vec<String> {
        self.regex.find_iter(text).map(|m| m.as_str().to_lowercase()).collect()
    }
}

struct Row {
    terms: usize,
    compile_ms: f64,
    regex_compile_ms: Option<f64>,
    blob_bytes: usize,
    heap_bytes: usize,
    load_ms: f64,
    flagged: [Option<usize>; 3],
    /// Clean messages flagged by the worker's own compilation (no word lists).
    flagged_plain: usize,
    recall: [Option<usize>; 3],
    dirty: usize,
}

/// 100 patterns as an operator writes them, around generated terms (escaped): a cue and an id
/// after it, two-word alternations, a word and a number, a number and a word. Compiled as `push`
/// compiles them; a quarter read the raw text.
fn patterns() -> (Vec<(CompiledPattern, bool)>, Prefilter) {
    let terms: Vec<String> = corpus::terms(400, 0x9A77)
        .into_iter()
        .filter(|t| t.chars().all(|c| c.is_ascii_alphanumeric()) && t.len() >= 3)
        .map(|t| regex_syntax::escape(&t))
        .collect();
    let term = |i: usize| terms[i % terms.len()].as_str();
    let compiled = (0..100)
        .map(|i| {
            let pattern = match i % 4 {
                0 => format!(r"\b{}\s*[:：]?\s*[a-z][a-z0-9_-]{{5,19}}\b", term(i)),
                1 => format!(r"(?:{}|{})\s+(?:{}|{})", term(i), term(i + 101), term(i + 202), term(i + 303)),
                2 => format!(r"\b{}\s*\d{{2,6}}\b", term(i)),
                _ => format!(r"\d{{3}}[- ]?\d{{4}}\s*{}", term(i)),
            };
            let raw = i % 4 == 3;
            (CompiledPattern::compile(&pattern, !raw).unwrap_or_else(|e| panic!("{pattern}: {e}")), raw)
        })
        .collect::<Vec<_>>();
    let prefilter = Prefilter::new(compiled.iter().map(|(c, raw)| (Some(c), *raw)));
    (compiled, prefilter)
}

/// Every match of every pattern the prefilter leaves in, the text folded once (as `decision.rs`
/// does).
fn find_patterns((patterns, prefilter): &(Vec<(CompiledPattern, bool)>, Prefilter), text: &str) -> usize {
    let found = PatternText::new(text).find_all(prefilter, patterns.iter().map(|(p, raw)| (Some(p), *raw)));
    found.iter().map(|m| m.ranges.len()).sum()
}

fn sizes() -> Vec<usize> {
    std::env::var("TIMGATE_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let clean = corpus::clean_messages(2000, 20);
    let links = LinkFinder::new(&["example.com"], &[]);
    let links_flagged = clean.short.iter().filter(|m| !links.find(m).is_empty()).count();
    let contacts = ContactFinder::new(&[]);
    let contacts_flagged = clean.short.iter().filter(|m| !contacts.find(m).is_empty()).count();
    let patterns = patterns();
    let patterns_flagged = clean.short.iter().filter(|m| find_patterns(&patterns, m) > 0).count();
    let mut rows = Vec::new();
    for n in sizes() {
        let inputs = corpus::inputs(n, 1000, 10);
        let version = document_version(&inputs.rules_json);

        let started = Instant::now();
        let plain = RuleSet::from_json(&inputs.rules_json).expect("generated rules compile");
        let compile_ms = millis(started.elapsed());
        let set = push_compile::compile(&inputs.rules_json).expect("generated rules compile");
        let blob = set.to_blob();
        let bare = Bare::new(&inputs.terms);
        // A group document (other generated terms) and allowed words in both, searched in the
        // same pass as the worker does (engine/decision.rs): the text is normalised once.
        let group_terms = corpus::terms(1000, 0x6_0000 + n as u64);
        let allow: Vec<&str> = corpus::CLEAN_WORDS.iter().copied().step_by(7).collect();
        let with_allow = |terms: &[String]| serde_json::json!({ "block": terms, "allow": allow }).to_string();
        let global = push_compile::compile(&with_allow(&inputs.terms)).expect("global document compiles");
        let group = push_compile::compile(&with_allow(&group_terms)).expect("group document compiles");
        let matchers: Vec<Matcher> =
            [&global, &group].iter().flat_map(|set| [set.matcher().clone(), set.allow_matcher().clone()]).collect();
        let started = Instant::now();
        let loaded = RuleSet::from_blob(&blob, &version).expect("blob loads");
        let load_ms = millis(started.elapsed());
        assert_eq!(loaded.len(), set.len());
        let baselines = std::env::var("TIMGATE_BENCH_BASELINES").map_or(true, |v| v != "0");
        let naive = Naive::new(if baselines { &inputs.terms } else { &[] });
        let started = Instant::now();
        let regex = baselines
            .then(|| RegexUnion::new(&inputs.terms).map_err(|e| eprintln!("regex at {n} terms: {e}")).ok())
            .flatten();
        let regex_compile_ms = regex.as_ref().map(|_| millis(started.elapsed()));

        // Quality: clean 200 B messages flagged, hidden terms found.
        let lowered: Vec<String> = inputs.terms.iter().map(|t| t.trim_end_matches('*').to_lowercase()).collect();
        let naive_count = |count: usize| baselines.then_some(count);
        let flagged = [
            Some(clean.short.iter().filter(|m| !set.find(m).is_empty()).count()),
            naive_count(clean.short.iter().filter(|m| !naive.find(m).is_empty()).count()),
            regex.as_ref().map(|r| clean.short.iter().filter(|m| !r.find(m).is_empty()).count()),
        ];
        let recall = [
            Some(inputs.dirty_200.iter().filter(|(m, t)| set.find(m).iter().any(|x| x.term == *t)).count()),
            naive_count(inputs.dirty_200.iter().filter(|(m, t)| naive.find(m).contains(t)).count()),
            regex.as_ref().map(|r| {
                inputs
                    .dirty_200
                    .iter()
                    .filter(|(m, t)| r.find(m).iter().collect::<HashSet<_>>().contains(&lowered[*t]))
                    .count()
            }),
        ];
        let flagged_plain = clean.short.iter().filter(|m| !plain.find(m).is_empty()).count();
        if let Some(example) = clean.short.iter().find(|m| !set.find(m).is_empty()) {
            eprintln!("clean message flagged at {n} terms: {example:?} {:?}", set.find(example));
        }
        rows.push(Row {
            terms: n,
            compile_ms,
            regex_compile_ms,
            blob_bytes: blob.len(),
            heap_bytes: set.matcher_heap_bytes(),
            load_ms,
            flagged,
            flagged_plain,
            recall,
            dirty: inputs.dirty_200.len(),
        });

        // Timings: a mix of clean messages and messages with a hidden term, one message per iteration.
        let short: Vec<&str> = clean.short[..200]
            .iter()
            .map(String::as_str)
            .chain(inputs.dirty_200[..100].iter().map(|(m, _)| m.as_str()))
            .collect();
        let long: Vec<&str> =
            clean.long.iter().map(String::as_str).chain(inputs.dirty_12k.iter().map(|(m, _)| m.as_str())).collect();
        for (label, messages) in [("200B", &short), ("12KB", &long)] {
            let mut group = c.benchmark_group(format!("find_{label}/{n}"));
            let mut i = 0;
            group.bench_function("timgate", |b| {
                b.iter(|| {
                    i = (i + 1) % messages.len();
                    black_box(set.find(messages[i]))
                })
            });
            // The worker's pass with a group document and allowed words (4 matchers, one pass;
            // the allowed words read only around candidates, as `decision.rs` reads them).
            group.bench_function("timgate_group_allow", |b| {
                b.iter(|| {
                    i = (i + 1) % messages.len();
                    black_box(Scan::with_dependents(&matchers, messages[i], |k| k % 2 == 1).count())
                })
            });
            // The links check alone (crates/engine/src/links.rs), on the same messages.
            group.bench_function("links", |b| {
                b.iter(|| {
                    i = (i + 1) % messages.len();
                    black_box(links.find(messages[i]))
                })
            });
            // The contacts check alone (crates/engine/src/contacts.rs), every detector.
            group.bench_function("contacts", |b| {
                b.iter(|| {
                    i = (i + 1) % messages.len();
                    black_box(contacts.find(messages[i]))
                })
            });
            // 100 patterns (above), the message folded once for them.
            group.bench_function("patterns", |b| {
                b.iter(|| {
                    i = (i + 1) % messages.len();
                    black_box(find_patterns(&patterns, messages[i]))
                })
            });
            // Every check but the terms: links, contacts and 100 patterns, as one document with
            // all three costs on top of its terms.
            group.bench_function("checks", |b| {
                b.iter(|| {
                    i = (i + 1) % messages.len();
                    let m = messages[i];
                    black_box((links.find(m).len(), contacts.find(m).len(), find_patterns(&patterns, m)))
                })
            });
            group.bench_function("bare_daachorse", |b| {
                b.iter(|| {
                    i = (i + 1) % messages.len();
                    black_box(bare.count(messages[i]))
                })
            });
            // The normalisation alone, to show its share of timgate's time.
            group.bench_function("normalize", |b| {
                b.iter(|| {
                    i = (i + 1) % messages.len();
                    black_box(Normalizer::new(messages[i]).count())
                })
            });
            if baselines {
                group.bench_function("naive", |b| {
                    b.iter(|| {
                        i = (i + 1) % messages.len();
                        black_box(naive.find(messages[i]))
                    })
                });
            }
            if let Some(regex) = &regex {
                group.bench_function("regex", |b| {
                    b.iter(|| {
                        i = (i + 1) % messages.len();
                        black_box(regex.find(messages[i]))
                    })
                });
            }
            group.finish();
        }
        let mut group = c.benchmark_group(format!("build/{n}"));
        group.bench_function("compile", |b| b.iter(|| black_box(RuleSet::from_json(&inputs.rules_json))));
        group.bench_function("blob_load", |b| b.iter(|| black_box(RuleSet::from_blob(&blob, &version))));
        group.finish();
    }
    c.final_summary();
    let mut report = report(&rows);
    let _ = writeln!(
        report,
        "\nlinks check: {links_flagged} of {n} clean 200 B messages with a link found; contacts check: {contacts_flagged} of {n} with a contact detail found; 100 patterns: {patterns_flagged} of {n} with a match",
        n = clean.short.len()
    );
    println!("\n{report}");
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let _ = std::fs::write(Path::new(&target).join("criterion/timgate-report.md"), &report);
}

/// Criterion's mean estimate for a benchmark, in nanoseconds.
fn mean_ns(group: &str, function: &str) -> Option<f64> {
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let path = format!("{target}/criterion/{}/{function}/new/estimates.json", group.replace('/', "_"));
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

fn time(ns: Option<f64>) -> String {
    match ns {
        None => "n/a".into(),
        Some(ns) if ns >= 1e6 => format!("{:.1} ms", ns / 1e6),
        Some(ns) if ns >= 1e3 => format!("{:.1} µs", ns / 1e3),
        Some(ns) => format!("{ns:.0} ns"),
    }
}

/// How many times longer the baseline takes (below 1: timgate takes longer).
fn ratio(baseline: Option<f64>, ours: Option<f64>) -> String {
    match (baseline, ours) {
        (Some(b), Some(o)) if o > 0.0 && b / o >= 10.0 => format!("{:.0}×", b / o),
        (Some(b), Some(o)) if o > 0.0 => format!("{:.1}×", b / o),
        _ => "n/a".into(),
    }
}

fn count(n: Option<usize>) -> String {
    n.map_or("n/a".into(), |n| n.to_string())
}

fn report(rows: &[Row]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| terms | message | timgate | (of which normalising) | with group + allowed words | bare daachorse | naive substring | regex union | timgate ÷ bare | group+allow ÷ timgate | naive ÷ timgate | regex ÷ timgate | links check | links ÷ timgate | contacts check | contacts ÷ timgate | 100 patterns | patterns ÷ timgate | links + contacts + patterns | all three ÷ timgate |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for row in rows {
        for label in ["200B", "12KB"] {
            let group = format!("find_{label}/{}", row.terms);
            let [t, z, g, d, n, r, l, c, p, a] = [
                "timgate",
                "normalize",
                "timgate_group_allow",
                "bare_daachorse",
                "naive",
                "regex",
                "links",
                "contacts",
                "patterns",
                "checks",
            ]
            .map(|f| mean_ns(&group, f));
            let _ = writeln!(
                out,
                "| {} | {label} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                row.terms,
                time(t),
                time(z),
                time(g),
                time(d),
                time(n),
                time(r),
                ratio(t, d),
                ratio(g, t),
                ratio(n, t),
                ratio(r, t),
                time(l),
                ratio(l, t),
                time(c),
                ratio(c, t),
                time(p),
                ratio(p, t),
                time(a),
                ratio(a, t)
            );
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| terms | compile | regex compile | blob size | blob load | matcher heap | clean 200 B flagged (timgate / without word lists / naive / regex) | hidden terms found (timgate / naive / regex) |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    for row in rows {
        let group = format!("build/{}", row.terms);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.1} MB | {} | {:.1} MB | {} / {} / {} / {} of 2000 | {} / {} / {} of {} |",
            row.terms,
            time(mean_ns(&group, "compile").or(Some(row.compile_ms * 1e6))),
            row.regex_compile_ms.map_or("n/a".into(), |ms| format!("{ms:.0} ms")),
            row.blob_bytes as f64 / 1e6,
            time(mean_ns(&group, "blob_load").or(Some(row.load_ms * 1e6))),
            row.heap_bytes as f64 / 1e6,
            count(row.flagged[0]),
            row.flagged_plain,
            count(row.flagged[1]),
            count(row.flagged[2]),
            count(row.recall[0]),
            count(row.recall[1]),
            count(row.recall[2]),
            row.dirty,
        );
    }
    out
}
