//! Compiles a rule document into the precompiled blob that a cold isolate loads instead of
//! compiling the document itself (worth it from about 10,000 terms). The rules tool's `push`
//! writes the same blob through `RuleSet::to_blob`, after validating the document: prefer
//! `npm run rules -- push rules.json --remote`. By hand, for the deployed namespace:
//!
//! ```sh
//! cargo run --release --example compile_rules -- rules.json rules.bin
//! npx wrangler kv key put --binding RULES rules          --path rules.json --remote
//! npx wrangler kv key put --binding RULES rules:compiled --path rules.bin  --remote
//! ```
//!
//! (`--local` instead writes the local state `npm start` uses; without either, wrangler 4 writes
//! the local state.) Upload the document and its blob together: the blob names the version of the
//! document it was compiled from, and the worker ignores (and logs) a blob that does not match the
//! document.

use std::process::ExitCode;
use std::time::Instant;

use timgate_cli::push_compile;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: compile_rules <rules.json> <rules.bin>");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(input) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    // As `push` compiles it: with the tool's dictionaries (CJK words, English words).
    let set = match push_compile::compile(&text) {
        Ok(set) => set,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let compiled = started.elapsed();
    let blob = set.to_blob();
    if let Err(e) = std::fs::write(output, &blob) {
        eprintln!("{output}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "{input}: {} terms, version {}, compiled in {:.1} ms; {output}: {} bytes",
        set.len(),
        set.version(),
        compiled.as_secs_f64() * 1e3,
        blob.len()
    );
    ExitCode::SUCCESS
}
