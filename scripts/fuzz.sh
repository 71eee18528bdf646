#!/usr/bin/env bash
# Runs one fuzz target for a given time, on one core:
#
#   scripts/fuzz.sh TARGET SECONDS        (or: npm run fuzz -- TARGET SECONDS)
#   scripts/fuzz.sh list                  the targets
#
# Targets (fuzz/fuzz_targets/): callback (admission + the lenient body reader + visible text +
# masking + the one decide entry point), matcher (MatcherBuilder/find_iter/blob on arbitrary
# Unicode), rules (RuleSet::from_json + decide), linear (the text pipeline on inputs up to 64 KB
# with a 1-second per-input limit: any slower input is a failure), other (the commands besides
# messages: any body of any of them, answered in its shape).
#
# Works on the stable toolchain: cargo-fuzz builds with `--sanitizer none` (the sanitizers need
# nightly's -Z flags, and cargo-fuzz adds -Zsanitizer=address by default). The coverage
# instrumentation libFuzzer needs (-Cpasses=sancov-module, -Cllvm-args=...) is stable, and the
# build keeps debug assertions and overflow checks on. The engine has no `unsafe`, so what
# AddressSanitizer would add is a watch on the dependencies' unsafe code: SANITIZER=address runs
# that build through plain cargo with RUSTC_BOOTSTRAP=1 (cargo-fuzz itself refuses it on
# stable). Installs cargo-fuzz from crates.io when it is missing.
#
# One process, one worker (libFuzzer's default; the same as -jobs=1 -workers=1, with the output
# on this terminal instead of fuzz-0.log). New inputs go to fuzz/corpus/TARGET (not committed);
# the committed seeds in fuzz/seeds/TARGET are read as a second corpus. A crash is written to
# fuzz/artifacts/TARGET/ and the script exits non-zero: turn it into a named test in
# tests/regression.rs, fix, and run again.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(callback matcher rules linear other)
if [[ "${1:-}" == "list" || $# -lt 2 ]]; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS   (targets: ${targets[*]})" >&2
  [[ "${1:-}" == "list" ]] && exit 0 || exit 2
fi
target="$1"
seconds="$2"
[[ " ${targets[*]} " == *" $target "* ]] || { echo "unknown target $target (${targets[*]})" >&2; exit 2; }
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number" >&2; exit 2; }

# Largest input per target: callback bodies go up to the 64 KB limit (plus a query line).
case "$target" in
  callback) max_len=66000 ;;
  matcher) max_len=4096 ;;
  rules) max_len=16384 ;;
  linear) max_len=65536 ;;
  other) max_len=16384 ;;
esac
# Seconds an input may take before libFuzzer reports it as a timeout (a failure): generous for
# the targets that compile rule documents, tight for the one that measures the text pipeline.
timeout=25
[[ "$target" == "linear" ]] && timeout=1

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
libfuzzer_args=(
  -max_total_time="$seconds"
  -max_len="$max_len"
  -timeout="$timeout"
  -rss_limit_mb=2048
  -artifact_prefix="fuzz/artifacts/$target/"
  -print_final_stats=1
)
# The time target tries inputs of every length up to 64 KB from the start (libFuzzer otherwise
# grows its length limit slowly from a few bytes, and a slow input needs length to show).
[[ "$target" == "linear" ]] && libfuzzer_args+=(-len_control=0)
# JSON and callback tokens help the body and rule-document targets past the parser.
[[ "$target" == "matcher" || "$target" == "linear" ]] || libfuzzer_args+=(-dict=fuzz/dict/json.dict)
corpora=("fuzz/corpus/$target")
[[ -d "fuzz/seeds/$target" ]] && corpora+=("fuzz/seeds/$target")

if [[ "${SANITIZER:-none}" == "address" ]]; then
  triple="$(rustc -vV | sed -n 's/^host: //p')"
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Zsanitizer=address \
-Cllvm-args=-sanitizer-coverage-stack-depth -Cdebug-assertions -Ccodegen-units=1" \
    cargo build --manifest-path fuzz/Cargo.toml --target "$triple" --release --bin "$target" \
    --target-dir fuzz/target/asan
  exec "fuzz/target/asan/$triple/release/$target" "${libfuzzer_args[@]}" "${corpora[@]}"
fi

exec cargo fuzz run --sanitizer none "$target" "${corpora[@]}" -- "${libfuzzer_args[@]}"
