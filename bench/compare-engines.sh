#!/usr/bin/env bash
# The new engine against the old one on the same inputs, in one run (issue 12: no speed regression
# at 200 B and 12 KB for 1k/10k/100k terms).
#
#   bash bench/compare-engines.sh [SIZES] [ROUNDS] [SECONDS]     # defaults: 1000,10000,100000 5 1
#
# - The old engine is commit c02ffc1 (OLD_REV), checked out in a git worktree at ../wt-old
#   (OLD_DIR), created here when missing. Its RuleSet::find is what its own benches/matcher.rs
#   times.
# - The inputs are this tree's benches/common/corpus.rs (deterministic), written afresh to
#   target/compare-engines/corpus by examples/bench_corpus.rs and read by both engines: the corpus
#   depends on the normaliser (its CJK pools and term filters), so generating it once, with this
#   tree, is what makes the inputs the same (and files left by another tree are never reused).
# - examples/engine_timing.rs is built against each engine (copied into the old worktree as an
#   untracked file) and the two binaries run in turns, ROUNDS times, the order flipped every
#   round (old new, new old, ...), each timing the message mix of benches/matcher.rs for at
#   least SECONDS per term count and message size. The table gives each engine's median over the
#   rounds with its range, and new ÷ old (below 1: the new engine is faster).
#
# Raw results: target/compare-engines/results.tsv; the table: target/compare-engines/report.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${1:-1000,10000,100000}
rounds=${2:-5}
seconds=${3:-1}
old_rev=${OLD_REV:-c02ffc1}
old_dir=${OLD_DIR:-$root/../wt-old}
out=$root/target/compare-engines
corpus=$out/corpus

if [ ! -d "$old_dir" ]; then
  git -C "$root" worktree add --detach "$old_dir" "$old_rev" >&2
fi
old_dir=$(cd "$old_dir" && pwd)
if [ "$(git -C "$old_dir" rev-parse HEAD)" != "$(git -C "$root" rev-parse "$old_rev^{commit}")" ]; then
  echo "$old_dir is not at $old_rev: move it or set OLD_DIR" >&2
  exit 1
fi

echo "[compare-engines] building the new engine's harness and writing the inputs" >&2
(cd "$root" && cargo build --quiet --release --example bench_corpus --example engine_timing)
rm -rf "$corpus"
(cd "$root" && target/release/examples/bench_corpus "$corpus" "$sizes")
echo "[compare-engines] building the old engine's harness in $old_dir" >&2
# The old engine lived inside the top crate (`timgate::engine`), not in `timgate-engine`.
sed 's/\btimgate_engine::/timgate::engine::/g' "$root/examples/engine_timing.rs" >"$old_dir/examples/engine_timing.rs"
(cd "$old_dir" && cargo build --quiet --release --example engine_timing)

mkdir -p "$out"
new_bin=$root/target/release/examples/engine_timing
old_bin=$old_dir/target/release/examples/engine_timing
results=$out/results.tsv
: >"$results"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
  for label in $order; do
    bin=$old_bin
    [ "$label" = new ] && bin=$new_bin
    echo "[compare-engines] round $round/$rounds: $label" >&2
    "$bin" measure "$corpus" "$label" "$sizes" "$seconds" >>"$results"
  done
done

{
  echo "Engines compared $(date -u +%Y-%m-%d): old = $old_rev ($(git -C "$old_dir" log -1 --format=%h)), new = $(git -C "$root" log -1 --format=%h)$(git -C "$root" diff --quiet HEAD -- src crates || echo ' + uncommitted changes');"
  echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(rustc --version);"
  echo "$rounds rounds of at least ${seconds} s per mix and engine, the order flipped every round."
  echo
  "$new_bin" report "$results"
} | tee "$out/report.md"
