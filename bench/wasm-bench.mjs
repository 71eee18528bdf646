// The engine's speed inside WebAssembly against native: examples/wasm_bench.rs built for
// wasm32 runs the same inputs and message mix as `cargo bench` (benches/matcher.rs), timed here
// around loops that run inside wasm, and compared with criterion's native means from the last
// `cargo bench` run (target/criterion).
//
//   cargo bench --bench matcher && node bench/wasm-bench.mjs [1000,10000,100000]
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sizes = (process.argv[2] ?? "1000,10000,100000").split(",").map(Number);
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const wasmPath = join(targetDir, "wasm32-unknown-unknown/release/examples/wasm_bench.wasm");

const build = spawnSync(
  "cargo",
  ["build", "--release", "--target", "wasm32-unknown-unknown", "--example", "wasm_bench"],
  { cwd: root, stdio: "inherit" },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const module = await WebAssembly.compile(readFileSync(wasmPath));
// The library's worker glue brings wasm-bindgen imports along; the benchmark never calls them.
const imports = {};
for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
  imports[from] ??= {};
  if (kind === "function") {
    imports[from][name] = () => {
      throw new Error(`${from}.${name} is not available in this benchmark`);
    };
  }
}
const { exports } = await WebAssembly.instantiate(module, imports);

/** ms per call of `fn(count)`, growing `count` until a run takes at least `minMs`. */
function perCall(fn, minMs = 1500) {
  fn(1);
  let count = 1;
  for (;;) {
    const start = performance.now();
    fn(count);
    const ms = performance.now() - start;
    if (ms >= minMs || count >= 1 << 24) return ms / count;
    count *= ms < 1 ? 16 : Math.min(16, Math.ceil((minMs * 1.2) / ms));
  }
}

/** ms per call of the async `fn`, awaited one after another for at least `minMs`. */
async function perCallAsync(fn, minMs = 1500) {
  await fn();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    await fn();
    count++;
  }
  return (performance.now() - start) / count;
}

function nativeNs(group, fn) {
  const path = join(targetDir, "criterion", group.replace("/", "_"), fn, "new/estimates.json");
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")).mean.point_estimate : null;
}

const fmt = (ms) => (ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(1)} µs`);
const lines = ["| terms | measure | wasm (V8) | native | wasm ÷ native |", "|---|---|---|---|---|"];
for (const n of sizes) {
  if (exports.prepare(n) === 0) throw new Error(`prepare(${n}) failed`);
  const rows = [
    ["200 B message", () => perCall((k) => exports.find_messages(0, k)), nativeNs(`find_200B/${n}`, "timgate")],
    ["12 KB message", () => perCall((k) => exports.find_messages(1, k)), nativeNs(`find_12KB/${n}`, "timgate")],
    ["compile", () => perCall((k) => exports.compile(k), 3000), nativeNs(`build/${n}`, "compile")],
    ["blob load", () => perCall((k) => exports.load_blob(k)), nativeNs(`build/${n}`, "blob_load")],
  ];
  // The document's version at a cold load: SHA-256 in wasm (the engine's) against the runtime's
  // Web Crypto on the same bytes (what the worker calls, src/edge/document_version.rs); the
  // "native" column holds Web Crypto's time here, not criterion's.
  const docBytes = new Uint8Array(exports.memory.buffer, exports.document_ptr(), exports.document_len()).slice();
  const webCrypto = await perCallAsync(() => crypto.subtle.digest("SHA-256", docBytes));
  const wasmHash = perCall((k) => exports.hash_document(k));
  if (docBytes.length === 0) throw new Error("no document bytes");
  rows.push([`document version, ${(docBytes.length / 1e6).toFixed(2)} MB (native: Web Crypto)`, () => wasmHash, webCrypto * 1e6]);
  for (const [label, measure, native] of rows) {
    const ms = measure();
    const nativeMs = native == null ? null : native / 1e6;
    lines.push(
      `| ${n} | ${label} | ${fmt(ms)} | ${nativeMs == null ? "n/a" : fmt(nativeMs)} | ${nativeMs == null ? "n/a" : `${(ms / nativeMs).toFixed(1)}×`} |`,
    );
    console.error(lines.at(-1));
  }
}
console.log(lines.join("\n"));
