// The JavaScript baselines of `cargo bench` (benches/matcher.rs), on the same generated inputs:
// obscenity 0.4.6 (its recommended English transformers, word boundaries for Latin terms as its
// README recommends against the Scunthorpe problem) and a plain RegExp union. Reports compile time,
// time per message, clean 200 B messages flagged, hidden terms found, and obscenity's result on
// the dictionary check of examples/dictionary_check.rs.
//
//   node bench/js-baseline.mjs [1000,10000,100000]
//
// The inputs are written by `cargo run --release --example bench_corpus` (run here when missing).
// Each timing runs the messages in turn for at most BUDGET_MS; slow configurations are measured on
// fewer messages, and the table says how many.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { englishRecommendedTransformers, parseRawPattern, RegExpMatcher } from "obscenity";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "target", "bench-corpus");
const sizes = (process.argv[2] ?? "1000,10000,100000").split(",").map(Number);
const BUDGET_MS = Number(process.env.BUDGET_MS ?? 4000);

if (!sizes.every((n) => existsSync(join(dir, `terms-${n}.json`)))) {
  console.error("[js-baseline] writing inputs: cargo run --release --example bench_corpus");
  const r = spawnSync("cargo", ["run", "--release", "--example", "bench_corpus", "--", dir, sizes.join(",")], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const read = (name) => JSON.parse(readFileSync(join(dir, name), "utf8"));

const isCjk = (c) => /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{323af}]/u.test(c);
const escapePattern = (s) => s.replace(/[\\[\]?|]/g, (c) => `\\${c}`);

/** obscenity pattern for one of our terms: `|word|` for Latin edges, nothing for CJK, `*` = prefix. */
function obscenityPattern(term) {
  const prefix = term.endsWith("*");
  const body = prefix ? term.slice(0, -1) : term;
  const chars = [...body];
  const start = isCjk(chars[0]) ? "" : "|";
  const end = prefix || isCjk(chars.at(-1)) ? "" : "|";
  return parseRawPattern(`${start}${escapePattern(body)}${end}`);
}

function obscenity(terms) {
  const matcher = new RegExpMatcher({
    blacklistedTerms: terms.map((t, id) => ({ id, pattern: obscenityPattern(t) })),
    ...englishRecommendedTransformers,
  });
  return { found: (text) => matcher.getAllMatches(text).map((m) => m.termId) };
}

function regexpUnion(terms) {
  const lowered = terms.map((t) => t.replace(/\*$/, "").toLowerCase());
  const index = new Map(lowered.map((t, i) => [t, i]));
  const re = new RegExp(lowered.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "giu");
  return { found: (text) => [...text.matchAll(re)].map((m) => index.get(m[0].toLowerCase()) ?? -1) };
}

function timed(fn) {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

/** Mean ms per message over the messages in turn, within the time budget. */
function perMessage(engine, messages) {
  let done = 0;
  const start = performance.now();
  while (done < messages.length * 3 && performance.now() - start < BUDGET_MS) {
    engine.found(messages[done % messages.length]);
    done++;
  }
  return { ms: (performance.now() - start) / done, n: done };
}

/** Counts over at most as many messages as fit in the budget. */
function counted(engine, items, hit) {
  let hits = 0;
  let n = 0;
  const start = performance.now();
  for (const item of items) {
    if (performance.now() - start > BUDGET_MS * 5) break;
    if (hit(engine, item)) hits++;
    n++;
  }
  return { hits, n };
}

const fmt = (ms) => (ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(1)} µs`);
const cleanShort = read("clean-200.json");
const cleanLong = read("clean-12k.json");
const lines = [
  "| terms | engine | compile | 200 B message | 12 KB message | clean 200 B flagged | hidden terms found |",
  "|---|---|---|---|---|---|---|",
];
for (const n of sizes) {
  const terms = read(`terms-${n}.json`);
  const dirtyShort = read(`dirty-200-${n}.json`);
  const dirtyLong = read(`dirty-12k-${n}.json`);
  const short = [...cleanShort.slice(0, 200), ...dirtyShort.slice(0, 100).map(([m]) => m)];
  const long = [...cleanLong, ...dirtyLong.map(([m]) => m)];
  for (const [name, make] of [
    ["obscenity", obscenity],
    ["RegExp union", regexpUnion],
  ]) {
    let engine, compileMs;
    try {
      [engine, compileMs] = timed(() => make(terms));
    } catch (e) {
      lines.push(`| ${n} | ${name} | failed: ${String(e.message).slice(0, 60)} | | | | |`);
      continue;
    }
    const s = perMessage(engine, short);
    const l = perMessage(engine, long);
    const fp = counted(engine, cleanShort, (e, m) => e.found(m).length > 0);
    const recall = counted(engine, dirtyShort, (e, [m, t]) => e.found(m).includes(t));
    lines.push(
      `| ${n} | ${name} | ${fmt(compileMs)} | ${fmt(s.ms)} (${s.n} runs) | ${fmt(l.ms)} (${l.n} runs) | ${fp.hits} of ${fp.n} | ${recall.hits} of ${recall.n} |`,
    );
    console.error(lines.at(-1));
  }
}

// The dictionary check with obscenity and the same English list.
const words = JSON.parse(readFileSync(join(root, "node_modules/an-array-of-english-words/index.json"), "utf8"));
const naughty = JSON.parse(readFileSync(join(root, "node_modules/naughty-words/en.json"), "utf8"));
const listed = new Set(naughty.map((t) => t.toLowerCase()));
const dictionary = obscenity(naughty.filter((t) => [...t].some((c) => /\p{L}|\p{N}/u.test(c))));
const flagged = words.filter((w) => dictionary.found(w).length > 0);
const exact = flagged.filter((w) => listed.has(w.toLowerCase())).length;
const pct = (k) => `${((k * 100) / words.length).toFixed(4)}%`;
lines.push(
  "",
  `obscenity on the dictionary check (${words.length} words, naughty-words/en, ${naughty.length} terms): ` +
    `${flagged.length} flagged (${pct(flagged.length)}); ${exact} are listed terms themselves; ` +
    `${flagged.length - exact} false positives (${pct(flagged.length - exact)}).`,
);
const report = lines.join("\n");
console.log(`\n${report}`);
writeFileSync(join(dir, "js-report.md"), `${report}\n`);
