// Load: before-send decisions by timgate against a rule document of 10,000 generated terms,
// and in the same run the same load on an empty worker that answers a fixed ErrorCode 0
// (bench/empty-worker.mjs), so that timgate's cost is a ratio. Both run in workerd through
// Miniflare with `port` set, the same options, on loopback. The load comes from a closed-loop
// Node client (keep-alive connections, each request timed on its own); `--client wrk` uses
// `wrk` (`apt-get install wrk`) instead, but Debian's wrk 4.1.0 reported latency percentiles
// here that its own request count rules out (a 2.5 ms mean at 3,100 requests/s on one
// connection), so its throughput is usable and its latencies are not. Then the memory of
// timgate's isolate before and after 100,000 more requests (and another 100,000).
//
//   node bench/load.mjs [--terms 10000] [--connections 1,32] [--seconds 15] [--rounds 2]
//                       [--memory-requests 100000] [--client wrk|node] [--profile SECONDS]
//                       [--rust-empty] [--log-routine-sample 0..1]
//
// --rust-empty: a third worker in every round, bench/rust-empty-worker (built here with
// worker-build): workers-rs reading the body and answering the fixed allow. Against the JS empty
// worker it is what any Rust worker pays for the wasm glue; against timgate, timgate's own work.
//
// --log-routine-sample SHARE: timgate's LOG_ROUTINE_SAMPLE (default: unset, every line written);
// 0 writes no line for the allowed messages, which are most of the mix.
//
// --profile SECONDS: after the rounds, V8's CPU profile of timgate's isolate under one
// connection, summed by function (self time), and saved as a .cpuprofile for DevTools. It says
// where a request's CPU goes: the wasm (engine and glue), wasm-bindgen's JS shim, the runtime.
//
// Memory is read through the inspector (Miniflare's `inspectorPort`), the way DevTools does:
// Runtime.queryObjects on WebAssembly.Memory.prototype (which runs a full GC first) gives the
// Rust heap as the size of the wasm linear memory, which only grows, so any leak shows as
// growth; Runtime.getHeapUsage right after gives the V8 heap; /proc gives workerd's RSS (the
// whole process: both workers' runtime, KV, queues). Speed is measured here, never asserted.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { Miniflare } from "miniflare";
import WebSocket from "ws";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const TERMS = Number(arg("terms", 10_000));
const CONNECTIONS = String(arg("connections", "1,32")).split(",").map(Number);
const SECONDS = Number(arg("seconds", 15));
const ROUNDS = Number(arg("rounds", 2));
const MEMORY_REQUESTS = Number(arg("memory-requests", 100_000));
const PROFILE_SECONDS = Number(arg("profile", 0));
const RUST_EMPTY = process.argv.includes("--rust-empty");
const LOG_ROUTINE_SAMPLE = arg("log-routine-sample", null);
const SDKAPPID = "1400000000";
const QUERY = `SdkAppid=${SDKAPPID}&CallbackCommand=Group.CallbackBeforeSendMsg&contenttype=json&ClientIP=127.0.0.1&OptPlatform=iOS`;
const CLIENT = arg("client", "node");
if (CLIENT === "wrk" && !["/usr/bin/wrk", "/usr/local/bin/wrk"].some(existsSync)) {
  console.error("wrk is not installed (apt-get install wrk), or use the default --client node.");
  process.exit(1);
}

if (!existsSync(join(root, "build", "index.js"))) {
  console.error("build/index.js is missing: run `npm run build` first.");
  process.exit(1);
}

// ---- Deterministic test data -------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so every run uses the same terms and messages. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Two streams: the rule document (its size varies with --terms) must not change the messages.
let random = prng(7);
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

const SYLLABLES = "ka lo mi ra ze tu vo shi qua bre nix dor fel gam hup jol kev lum mor nep ost pra quin rud sav tek ulm vex wab yor zim".split(" ");
const latinWord = () => Array.from({ length: between(2, 4) }, () => pick(SYLLABLES)).join("");
// Terms use CJK code points from U+4E00..U+62FF, the chat text below uses common words only.
const cjkWord = () => Array.from({ length: between(2, 4) }, () => String.fromCodePoint(0x4e00 + Math.floor(random() * 0x1500))).join("");

/** A rule document with `count` terms, half Latin (one or two words), half CJK. */
function ruleDocument(count) {
  random = prng(7);
  const terms = new Set();
  while (terms.size < count) terms.add(terms.size % 2 ? cjkWord() : random() < 0.7 ? latinWord() : `${latinWord()} ${latinWord()}`);
  const list = [...terms];
  const doc = { block: [], discard: [], mask: [], review: [], allow: [] };
  list.forEach((term, i) => {
    const share = i / count;
    if (share < 0.6) doc.block.push(i % 10 === 0 ? { term, code: 10100 + (i % 100), info: "Not here" } : { term });
    else if (share < 0.7) doc.discard.push(term);
    else if (share < 0.9) doc.mask.push(term);
    else doc.review.push(term);
  });
  doc.allow = Array.from({ length: 50 }, () => latinWord() + latinWord());
  return doc;
}

const ENGLISH = "the a to and you we are is it that for on with this at see tonight party later game stream love great thanks hello what when where who how lol nice good morning everyone going come join watch play win team song live chat room".split(" ");
const CHINESE = ["你好", "大家好", "今天", "晚上", "一起", "吃饭", "明天见", "谢谢", "主播", "好看", "加油", "哈哈哈", "什么时候", "开始", "直播", "唱歌", "厉害", "喜欢", "我们", "真的"];
const chatText = () =>
  random() < 0.5
    ? Array.from({ length: between(3, 20) }, () => pick(ENGLISH)).join(" ")
    : Array.from({ length: between(2, 12) }, () => pick(CHINESE)).join(random() < 0.3 ? "，" : "");

/** 2,000 before-send bodies: 96% clean, 2% a block term, 1% a mask term, 1% a review term
 * (terms of the 10,000-term document, whatever --terms says, so every run sends the same). */
function bodies(doc) {
  random = prng(11);
  const term = (entry) => (typeof entry === "string" ? entry : entry.term);
  return Array.from({ length: 2000 }, (_, i) => {
    const user = i % 1000;
    const group = i < 1000 ? user % 20 : (user * 7) % 20;
    let text = chatText();
    const roll = random();
    if (roll < 0.02) text += " " + term(pick(doc.block));
    else if (roll < 0.03) text += " " + term(pick(doc.mask));
    else if (roll < 0.04) text += " " + term(pick(doc.review));
    return JSON.stringify({
      CallbackCommand: "Group.CallbackBeforeSendMsg",
      GroupId: `@TGS#load${group}`,
      Type: "Public",
      From_Account: `user${user}`,
      Operator_Account: `user${user}`,
      Random: between(1, 2 ** 31),
      MsgId: `144115233406643804-1727580296-${4026038328 + i}`,
      MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }],
      CloudCustomData: "",
      EventTime: String(1670574414123 + i),
    });
  });
}

// ---- Workers ------------------------------------------------------------------------------

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });

/** workerd processes started by this process (Miniflare spawns one per instance). */
function workerdPids() {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return stat.includes("(workerd)") && Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === process.pid;
      } catch {
        return false;
      }
    });
}
const rssMb = (pid) => Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)[1]) / 1024;

let logLines = 0;
/** Same options for both workers: loopback port, inspector, compatibility date, logs drained. */
async function serve(name, options) {
  const before = new Set(workerdPids());
  const inspectorPort = await freePort();
  const mf = new Miniflare({
    modules: true,
    compatibilityDate: "2026-04-01",
    host: "127.0.0.1",
    port: await freePort(),
    inspectorPort,
    handleRuntimeStdio(stdout, stderr) {
      for (const stream of [stdout, stderr]) stream.on("data", (chunk) => (logLines += String(chunk).split("\n").length - 1));
    },
    ...options,
  });
  const url = await mf.ready;
  const pid = workerdPids().find((p) => !before.has(p));
  return { name, mf, url: `${url.origin}/?${QUERY}`, inspectorPort, pid, requests: 0 };
}

/** Runs `use(call, context)` in an inspector session with the worker's isolate (as DevTools
 * does). `runtime`: enable the Runtime domain (for evaluating); it also makes every console.log
 * of the isolate an event sent to this session, which a CPU profile must not pay for. */
async function inspect(worker, use, { runtime = true } = {}) {
  const ws = new WebSocket(`ws://127.0.0.1:${worker.inspectorPort}/core:user:`);
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  let next = 0;
  let context;
  const pending = new Map();
  ws.on("message", (data) => {
    const message = JSON.parse(data);
    if (message.method === "Runtime.executionContextCreated") context ??= message.params.context.uniqueId;
    if (message.id) pending.get(message.id)?.(message);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      // workerd's inspector now and then leaves a new session's first call unanswered after a
      // load run (seen 2026-12-01 with Runtime.enable): a call fails after 20 s instead of
      // hanging the bench.
      const timer = setTimeout(() => reject(new Error(`${method}: no answer from the inspector in 20 s`)), 20_000);
      pending.set(id, (m) => {
        clearTimeout(timer);
        m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result);
      });
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    if (runtime) await call("Runtime.enable");
    return await use(call, () => context);
  } finally {
    ws.close();
  }
}

/** Wasm linear memory (bytes), V8 heap used after a full GC (bytes), and workerd RSS (MB); the
 * first two NaN (printed n/a) when the inspector does not answer. */
function memory(worker) {
  return readMemory(worker).catch((e) => {
    console.error(`[${elapsed()}] ${worker.name}: memory not read (${e.message})`);
    return { wasm: NaN, heap: NaN, rss: rssMb(worker.pid) };
  });
}

function readMemory(worker) {
  return inspect(worker, async (call, context) => {
    const prototype = await call("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype", uniqueContextId: context() });
    const memories = await call("Runtime.queryObjects", { prototypeObjectId: prototype.result.objectId });
    const sizes = await call("Runtime.callFunctionOn", {
      objectId: memories.objects.objectId,
      functionDeclaration: "function () { return this.map((m) => m.buffer.byteLength); }",
      returnByValue: true,
    });
    const heap = await call("Runtime.getHeapUsage");
    await call("Runtime.disable");
    return { wasm: sizes.result.value.reduce((a, b) => a + b, 0), heap: heap.usedSize, rss: rssMb(worker.pid) };
  });
}

/** V8's CPU profile of the isolate while `load()` runs. */
function cpuProfile(worker, load) {
  return inspect(worker, async (call) => {
    await call("Profiler.enable");
    await call("Profiler.setSamplingInterval", { interval: 100 });
    await call("Profiler.start");
    await load();
    const { profile } = await call("Profiler.stop");
    return profile;
  }, { runtime: false });
}

/** Self time by function, in shares of the profile's samples, biggest first. */
function selfTimes(profile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of profile.samples) {
    const { functionName, url } = byNode.get(id).callFrame;
    const where = url.startsWith("wasm://") ? "wasm" : url ? url.split("/").pop() : "";
    const key = `${functionName || "(anonymous)"}${where ? ` [${where}]` : ""}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length;
  return [...counts].map(([name, n]) => ({ name, share: n / total })).sort((a, b) => b.share - a.share);
}

// ---- Load clients -------------------------------------------------------------------------

function runWrk(worker, connections, seconds, bodiesFile) {
  return new Promise((resolve, reject) => {
    const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", "-s", join(root, "bench", "load.lua"), worker.url, "--", bodiesFile];
    const child = spawn("wrk", args);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", () => {
      const ms = (label) => {
        const m = out.match(new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)\\b`));
        return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]] : NaN;
      };
      const requests = Number(out.match(/(\d+) requests in/)?.[1] ?? 0);
      const socketErrors = (out.match(/Socket errors: (.*)/)?.[1].match(/\d+/g) ?? []).reduce((a, b) => a + Number(b), 0);
      const bad = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0) + socketErrors;
      resolve({ requests, rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1]), p50: ms("50%"), p99: ms("99%"), bad, raw: out });
    });
  });
}

/** Closed-loop Node client (when wrk is missing): `connections` loops on keep-alive sockets. */
async function runNode(worker, connections, seconds, bodyList) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let bad = 0;
  let n = 0;
  const deadline = performance.now() + seconds * 1000;
  const one = (body) =>
    new Promise((resolve) => {
      const started = performance.now();
      const req = http.request(worker.url, { method: "POST", agent, headers: { "content-type": "application/json" } }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode !== 200) bad++;
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      req.on("error", () => (bad++, resolve()));
      req.end(body);
    });
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) await one(bodyList[n++ % bodyList.length]);
  }));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { requests: latencies.length, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), bad };
}

// ---- The run ------------------------------------------------------------------------------

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;
const bodyList = bodies(ruleDocument(10_000));
const doc = ruleDocument(TERMS);
const dir = mkdtempSync(join(tmpdir(), "timgate-load-"));
const bodiesFile = join(dir, "bodies.txt");
writeFileSync(bodiesFile, bodyList.join("\n") + "\n");
const ruleText = JSON.stringify(doc);

const origin = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
});
await new Promise((r) => origin.listen(0, "127.0.0.1", r));

const empty = await serve("empty", { scriptPath: join(root, "bench", "empty-worker.mjs") });
let emptyRust;
if (RUST_EMPTY) {
  const { buildEnv, cargoTool } = await import("../scripts/lib/toolchain.mjs");
  const crate = join(root, "bench", "rust-empty-worker");
  const built = spawnSync(cargoTool("worker-build"), ["--release"], { cwd: crate, env: buildEnv(), stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
  emptyRust = await serve("empty-rs", {
    scriptPath: join(crate, "build", "index.js"),
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"], fallthrough: true }],
  });
}
const baselines = [empty, ...(emptyRust ? [emptyRust] : [])];
const timgate = await serve("timgate", {
  scriptPath: join(root, "build", "index.js"),
  modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"], fallthrough: true }],
  kvNamespaces: ["RULES", "DELIVERY_STATE"],
  queueProducers: { DELIVERY: "timgate-delivery" },
  queueConsumers: { "timgate-delivery": { maxBatchSize: 20, maxBatchTimeout: 1, maxRetries: 20 } },
  bindings: {
    SDKAPPID,
    ORIGIN_URL: `http://127.0.0.1:${origin.address().port}/tencent`,
    CACHE_SECONDS: "30",
    FAIL_MODE: "open",
    ...(LOG_ROUTINE_SAMPLE === null ? {} : { LOG_ROUTINE_SAMPLE }),
  },
});
const kv = await timgate.mf.getKVNamespace("RULES");
await kv.put("rules", ruleText);
await kv.put("rules:group:@TGS#load3", JSON.stringify({ block: [latinWord()], mask: [cjkWord()] }));
for (let u = 0; u < 1000; u += 50) await kv.put(`ban:user${u}`, JSON.stringify({ until: null, reason: "Spamming" }));
const terms = doc.block.length + doc.discard.length + doc.mask.length + doc.review.length;
console.log(`[${elapsed()}] rule document: ${terms} terms (${(ruleText.length / 1024).toFixed(0)} KB), ${bodyList.length} distinct bodies; client: ${CLIENT}`);

// Warm-up: every body twice, so that rules and every ban key are cached in the isolate.
const answers = {};
for (const worker of [...baselines, timgate]) {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < bodyList.length; i += 50) {
      await Promise.all(
        bodyList.slice(i, i + 50).map(async (body) => {
          const r = await fetch(worker.url, { method: "POST", body });
          const json = await r.json();
          if (worker === timgate && pass === 1) answers[json.ErrorCode] = (answers[json.ErrorCode] ?? 0) + 1;
        }),
      );
    }
  }
}
console.log(`[${elapsed()}] warmed up; timgate's answers to the 2,000 bodies by ErrorCode: ${JSON.stringify(answers)}`);

// The largest message Tencent sends (12 KB of text), clean, one at a time: matching cost grows
// with the text's length times the number of terms.
const largest = JSON.stringify({ ...JSON.parse(bodyList[1]), From_Account: "user1", MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "see you at the party ".repeat(600).slice(0, 12 * 1024) } }] });
const largestMs = {};
for (const worker of [empty, timgate]) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await (await fetch(worker.url, { method: "POST", body: largest })).text();
    times.push(performance.now() - t0);
  }
  largestMs[worker.name] = times.sort((a, b) => a - b)[2];
}
console.log(`[${elapsed()}] one 12 KB message (median of 5): empty ${largestMs.empty.toFixed(1)} ms, timgate ${largestMs.timgate.toFixed(1)} ms`);

const run = (worker, connections, seconds) =>
  (CLIENT === "wrk" ? runWrk(worker, connections, seconds, bodiesFile) : runNode(worker, connections, seconds, bodyList)).then((r) => {
    worker.requests += r.requests;
    return r;
  });

const memoryBefore = { timgate: await memory(timgate), empty: await memory(empty) };
timgate.requests = 0;
const results = [];
for (let round = 1; round <= ROUNDS; round++) {
  for (const connections of CONNECTIONS) {
    for (const worker of [...baselines, timgate]) {
      const r = await run(worker, connections, SECONDS);
      results.push({ round, connections, worker: worker.name, ...r });
      console.log(
        `[${elapsed()}] round ${round} ${worker.name.padEnd(7)} c=${String(connections).padEnd(3)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  (${r.requests} requests, ${r.bad} not 200)`,
      );
    }
  }
}

let profileReport = [];
if (PROFILE_SECONDS > 0) {
  const profile = await cpuProfile(timgate, () => run(timgate, 1, PROFILE_SECONDS));
  const file = join(dir, "timgate.cpuprofile");
  writeFileSync(file, JSON.stringify(profile));
  const times = selfTimes(profile);
  const share = (test) => times.filter((t) => test(t.name)).reduce((a, t) => a + t.share, 0);
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  profileReport = [
    `\n## CPU profile of timgate's isolate, one connection, ${PROFILE_SECONDS} s (${file})\n`,
    `idle ${pct(share((n) => n.startsWith("(idle)")))}, wasm ${pct(share((n) => n.endsWith("[wasm]")))}, ` +
      `JS ${pct(share((n) => /\[[^\]]+\.m?js\]$/.test(n)))}, garbage collector ${pct(share((n) => n.startsWith("(garbage")))}, ` +
      `runtime (program) ${pct(share((n) => n.startsWith("(program)")))}`,
    "",
    "| self time | function |",
    "|---|---|",
    ...times.filter((t) => !t.name.startsWith("(idle)")).slice(0, 20).map((t) => `| ${pct(t.share)} | ${t.name} |`),
  ];
}

// Memory: top up to MEMORY_REQUESTS requests since the baseline, measure; again for a second lot.
const soak = async (target) => {
  while (timgate.requests < target) {
    const rate = results.filter((r) => r.worker === "timgate").at(-1)?.rps || 1000;
    await run(timgate, Math.max(...CONNECTIONS), Math.max(2, Math.ceil((target - timgate.requests) / rate) + 1));
  }
  return timgate.requests;
};
const after1 = await soak(MEMORY_REQUESTS);
const memory1 = await memory(timgate);
const after2 = await soak(after1 + MEMORY_REQUESTS);
const memory2 = await memory(timgate);
const emptyAfter = await memory(empty);

// ---- Report -------------------------------------------------------------------------------

const mb = (bytes) => (Number.isNaN(bytes) ? "n/a" : `${(bytes / 1024 / 1024).toFixed(2)} MB`);
console.log(`\n## Before-send load, ${terms} terms, ${SECONDS} s per run, ${ROUNDS} rounds (${new Date().toISOString()})\n`);
console.log("| connections | worker | req/s | p50 ms | p99 ms | timgate/this p50 | timgate/this p99 |");
console.log("|---|---|---|---|---|---|---|");
for (const connections of CONNECTIONS) {
  for (let round = 1; round <= ROUNDS; round++) {
    const of = (name) => results.find((r) => r.round === round && r.connections === connections && r.worker === name);
    const t = of("timgate");
    for (const { name } of baselines) {
      const e = of(name);
      console.log(
        `| ${connections} | ${name} (round ${round}) | ${e.rps.toFixed(0)} | ${e.p50.toFixed(2)} | ${e.p99.toFixed(2)} | ${(t.p50 / e.p50).toFixed(2)} | ${(t.p99 / e.p99).toFixed(2)} |`,
      );
    }
    console.log(`| ${connections} | timgate (round ${round}) | ${t.rps.toFixed(0)} | ${t.p50.toFixed(2)} | ${t.p99.toFixed(2)} | | |`);
  }
}
console.log("\n| timgate isolate | requests since baseline | wasm linear memory | V8 heap used (after GC) | workerd RSS |");
console.log("|---|---|---|---|---|");
console.log(`| after warm-up | 0 | ${mb(memoryBefore.timgate.wasm)} | ${mb(memoryBefore.timgate.heap)} | ${memoryBefore.timgate.rss.toFixed(0)} MB |`);
console.log(`| after | ${after1} | ${mb(memory1.wasm)} | ${mb(memory1.heap)} | ${memory1.rss.toFixed(0)} MB |`);
console.log(`| after | ${after2} | ${mb(memory2.wasm)} | ${mb(memory2.heap)} | ${memory2.rss.toFixed(0)} MB |`);
console.log(`| (empty worker, before / after) | | | ${mb(memoryBefore.empty.heap)} / ${mb(emptyAfter.heap)} | ${memoryBefore.empty.rss.toFixed(0)} / ${emptyAfter.rss.toFixed(0)} MB |`);
const bad = results.reduce((n, r) => n + r.bad, 0);
console.log(`\none 12 KB message (median of 5): empty ${largestMs.empty.toFixed(1)} ms, timgate ${largestMs.timgate.toFixed(1)} ms`);
console.log(`not 200: ${bad}; worker log lines drained: ${logLines}; time: ${elapsed()}`);
if (profileReport.length) console.log(profileReport.join("\n"));

await Promise.all([...baselines, timgate].map((w) => w.mf.dispose()));
origin.close();
process.exit(0);
