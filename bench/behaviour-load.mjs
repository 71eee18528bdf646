// Sender behaviour under load (issue 15): the built worker in workerd (Miniflare, the real
// GROUP_STATE Durable Object), the same before-send bodies sent to a group whose document turns
// on `flood` and `repeat` and to a group without them, in alternating runs of the same process,
// so the cost of the object's round trip is a ratio (p50 and p99). Then the object's state after
// 10,000 distinct senders, and again once their window has passed (the alarm forgets them).
//
//   node bench/behaviour-load.mjs [--seconds 10] [--rounds 3] [--connections 8] [--senders 10000]
//
// Limits are set high (1,000 messages a second, the 1,000th repeat) so that no message is
// refused: what is timed is the check, not a refusal. Speed is measured here, never asserted.
import http from "node:http";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { Miniflare } from "miniflare";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg("seconds", 10);
const ROUNDS = arg("rounds", 3);
const CONNECTIONS = arg("connections", 8);
const SENDERS = arg("senders", 10_000);
const SDKAPPID = "1400000000";
const QUERY = `SdkAppid=${SDKAPPID}&CallbackCommand=Group.CallbackBeforeSendMsg&contenttype=json&ClientIP=127.0.0.1&OptPlatform=iOS`;
if (!existsSync(join(root, "build", "index.js"))) {
  console.error("build/index.js is missing: run `npm run build` first.");
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });

const WORDS = "the a to and you we are is it that for on with this at see tonight party later game stream love great thanks hello what when where".split(" ");
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const text = () => Array.from({ length: 3 + Math.floor(random() * 12) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
const body = (group, i) =>
  JSON.stringify({
    CallbackCommand: "Group.CallbackBeforeSendMsg",
    GroupId: group,
    Type: "Public",
    From_Account: `user${i % SENDERS}`,
    Random: i,
    MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: text() } }],
  });
const ON = "@TGS#behaviour-on";
const OFF = "@TGS#behaviour-off";
const bodiesOn = Array.from({ length: 4000 }, (_, i) => body(ON, i));
const bodiesOff = bodiesOn.map((b) => b.replace(ON, OFF));

const mf = new Miniflare({
  modules: true,
  compatibilityDate: "2026-04-01",
  host: "127.0.0.1",
  port: await freePort(),
  scriptPath: join(root, "build", "index.js"),
  modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"], fallthrough: true }],
  kvNamespaces: ["RULES"],
  durableObjects: { GROUP_STATE: "GroupStateObject" },
  bindings: { SDKAPPID, CACHE_SECONDS: "30", FAIL_MODE: "open" },
  handleRuntimeStdio(stdout, stderr) {
    for (const s of [stdout, stderr]) s.resume();
  },
});
const url = `${(await mf.ready).origin}/?${QUERY}`;
const kv = await mf.getKVNamespace("RULES");
await kv.put("rules", JSON.stringify({ block: ["buy followers", "scam"] }));
await kv.put(`rules:group:${ON}`, JSON.stringify({ flood: { messages: 1000, seconds: 1 }, repeat: { messages: 1000, seconds: 1 } }));
const ns = await mf.getDurableObjectNamespace("GROUP_STATE");
const stats = async (group) => (await ns.get(ns.idFromName(`group:${group}`)).fetch("https://group-state/stats")).json();

async function run(bodies, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies = [];
  let bad = 0;
  let refused = 0;
  let n = 0;
  const deadline = performance.now() + seconds * 1000;
  const one = (b) =>
    new Promise((resolve) => {
      const started = performance.now();
      const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json" } }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          if (res.statusCode !== 200) bad++;
          else if (JSON.parse(Buffer.concat(chunks)).ErrorCode !== 0) refused++;
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      req.on("error", () => (bad++, resolve()));
      req.end(b);
    });
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (performance.now() < deadline) await one(bodies[n++ % bodies.length]);
  }));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { requests: latencies.length, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), bad, refused };
}

// Warm-up: both groups' documents cached, the object created.
await run(bodiesOn, 2);
await run(bodiesOff, 2);
const rows = [];
for (let round = 1; round <= ROUNDS; round++) {
  for (const [name, bodies] of [["without", bodiesOff], ["flood + repeat", bodiesOn]]) {
    const r = await run(bodies, SECONDS);
    rows.push({ round, name, ...r });
    console.log(`round ${round} ${name.padEnd(15)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  (${r.requests} requests, ${r.bad} not 200, ${r.refused} refused)`);
  }
}

// State after SENDERS distinct senders (one message each, all at once in batches), then after
// the 1 s window and the alarm.
const ONCE = "@TGS#behaviour-senders";
await kv.put(`rules:group:${ONCE}`, JSON.stringify({ flood: { messages: 5, seconds: 1 }, repeat: { messages: 3, seconds: 1 } }));
for (let i = 0; i < SENDERS; i += 100) {
  await Promise.all(Array.from({ length: 100 }, (_, k) => fetch(url, { method: "POST", body: body(ONCE, i + k) }).then((r) => r.text())));
}
const full = await stats(ONCE);
const t0 = Date.now();
let later = full;
while (Date.now() - t0 < 15_000 && later.senders > 0) {
  await new Promise((r) => setTimeout(r, 500));
  later = await stats(ONCE);
}

console.log(`\n## Sender behaviour under load, ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds (${new Date().toISOString()})\n`);
console.log("| round | without p50 / p99 ms | flood + repeat p50 / p99 ms | ratio p50 | ratio p99 |");
console.log("|---|---|---|---|---|");
for (let round = 1; round <= ROUNDS; round++) {
  const off = rows.find((r) => r.round === round && r.name === "without");
  const on = rows.find((r) => r.round === round && r.name !== "without");
  console.log(`| ${round} | ${off.p50.toFixed(2)} / ${off.p99.toFixed(2)} | ${on.p50.toFixed(2)} / ${on.p99.toFixed(2)} | ${(on.p50 / off.p50).toFixed(2)} | ${(on.p99 / off.p99).toFixed(2)} |`);
}
console.log(`\nthe object after ${SENDERS} senders: ${full.senders} senders in memory, ${full.stored} keys stored, ${(full.bytes / 1024).toFixed(0)} KB of state (JSON)`);
console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s later (window 1 s, then the alarm): ${later.senders} senders, ${later.stored} keys, ${(later.bytes / 1024).toFixed(1)} KB`);
await mf.dispose();
process.exit(0);
