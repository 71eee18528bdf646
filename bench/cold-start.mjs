// Cold start with a large rule set: the time from starting a fresh workerd instance (Miniflare,
// the built worker) whose KV already holds a 100k-term rule document to its first before-send
// answer, with and without the document's precompiled blob (`rules:compiled`). Also the first
// answer's own latency and a warm answer's, for comparison.
//
//   npm run build && node bench/cold-start.mjs [100000] [runs]
//
// Inputs come from `cargo run --release --example bench_corpus` (run here when missing).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeSend, startGate } from "../tests/integration/harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "target", "bench-corpus");
const n = Number(process.argv[2] ?? 100000);
const runs = Number(process.argv[3] ?? 3);
const BEFORE = "Group.CallbackBeforeSendMsg";

if (!existsSync(join(root, "build", "index.js"))) {
  console.error("build/ is missing: run `npm run build` first");
  process.exit(1);
}
if (!existsSync(join(dir, `rules-${n}.bin`))) {
  const r = spawnSync("cargo", ["run", "--release", "--example", "bench_corpus", "--", dir, String(n)], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const rules = readFileSync(join(dir, `rules-${n}.json`), "utf8");
const blobBytes = readFileSync(join(dir, `rules-${n}.bin`));
// KV takes an ArrayBuffer (a Node Buffer may be a view into a shared pool).
const blob = blobBytes.buffer.slice(blobBytes.byteOffset, blobBytes.byteOffset + blobBytes.byteLength);
const terms = JSON.parse(rules).block;
// A message with a term of the list, so the answer proves the rules were applied.
const text = `hello ${terms.find((t) => /^[a-z]+$/.test(t))} there`;

async function measure(withBlob) {
  const persist = mkdtempSync(join(tmpdir(), "timgate-cold-"));
  try {
    // Seed KV through a first instance, then measure fresh instances over the same storage.
    const seed = await startGate({ kvPersist: persist });
    await seed.kv.put("rules", rules);
    if (withBlob) await seed.kv.put("rules:compiled", blob);
    await seed.dispose();
    const results = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const gate = await startGate({ kvPersist: persist, vars: { CACHE_SECONDS: "60" } });
      const ready = performance.now();
      const first = await gate.send(BEFORE, beforeSend({ text }));
      const answered = performance.now();
      assert.equal(first.json?.ErrorCode, 1, `the term is blocked: ${first.text}`);
      const warmStart = performance.now();
      await gate.send(BEFORE, beforeSend({ text }));
      const warm = performance.now() - warmStart;
      const problems = gate.logLines().flatMap((l) => l.problems ?? []);
      await gate.dispose();
      results.push({ total: answered - started, start: ready - started, first: answered - ready, warm, problems });
    }
    return results;
  } finally {
    rmSync(persist, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const lines = [
  `Cold start, ${terms.length} terms (rules ${(Buffer.byteLength(rules) / 1e6).toFixed(1)} MB, rules:compiled ${(blob.byteLength / 1e6).toFixed(1)} MB), median of ${runs}:`,
  "",
  "| KV holds | instance start → first answer | of which workerd start | first answer (cold isolate) | warm answer |",
  "|---|---|---|---|---|",
];
for (const withBlob of [false, true]) {
  const r = await measure(withBlob);
  const problems = [...new Set(r.flatMap((x) => x.problems))];
  if (problems.length) console.error(`problems logged: ${problems.join("; ")}`);
  lines.push(
    `| ${withBlob ? "rules + rules:compiled" : "rules only"} | ${median(r.map((x) => x.total)).toFixed(0)} ms | ${median(r.map((x) => x.start)).toFixed(0)} ms | ${median(r.map((x) => x.first)).toFixed(0)} ms | ${median(r.map((x) => x.warm)).toFixed(1)} ms |`,
  );
}
console.log(lines.join("\n"));
