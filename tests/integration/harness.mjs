// Test harness: the built worker (build/index.js + wasm) in workerd via Miniflare, with real KV,
// and a real HTTP origin on 127.0.0.1 that records what it receives. No mocks.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, beforeEach } from "node:test";
import { Miniflare } from "miniflare";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
export const SDKAPPID = "1400000000";
/** The RULES namespace id in wrangler.toml: local KV state is stored under it. */
export const WRANGLER_KV_ID = "00000000000000000000000000000000";
export { root };

/** A seed document's sample request, byte for byte as Tencent's docs print it. */
export function seedSample(name) {
  return readFileSync(join(root, "tests", "fixtures", "seeds", `${name}.jsonc`));
}

/** A seed sample as an object (comments removed), to derive variants from. */
export function seedObject(name) {
  return JSON.parse(stripComments(seedSample(name).toString("utf8")));
}

function stripComments(text) {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else out += c;
  }
  return out;
}

/** The sample request URL's query string (protocol.md), placeholders filled in. */
export function seedQuery(command, { sdkAppId = SDKAPPID, extra = {} } = {}) {
  const params = new URLSearchParams({
    SdkAppid: sdkAppId,
    CallbackCommand: command,
    contenttype: "json",
    ClientIP: "127.0.0.1",
    OptPlatform: "iOS",
    ...extra,
  });
  return params.toString();
}

/** Tencent's Sign: hex SHA-256 of token + RequestTime. */
export function tencentSign(token, requestTime) {
  return createHash("sha256").update(token + String(requestTime)).digest("hex");
}

/** Standard Webhooks verification, written from the spec (independent of the Rust code). */
export function verifyStandardWebhook(secret, headers, body) {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const id = headers["webhook-id"];
  const ts = headers["webhook-timestamp"];
  const expected = createHmac("sha256", key).update(`${id}.${ts}.`).update(body).digest("base64");
  return (headers["webhook-signature"] ?? "").split(" ").some((s) => s === `v1,${expected}`);
}

/**
 * An origin server on 127.0.0.1 that records every request (and when: `at`). `respond` decides
 * each answer: `{status, body, delayMs, headers}`, or `{hold: true}` to keep the request open
 * until `release()`.
 */
export async function startOrigin() {
  const origin = {
    received: [],
    respond: () => ({ status: 200, body: "{}" }),
    waiters: [],
    held: [],
  };
  /** Lets every held request finish. */
  origin.release = () => {
    origin.held.splice(0).forEach((r) => r());
  };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const record = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) };
      origin.received.push(record);
      origin.waiters = origin.waiters.filter((w) => !w(record));
      const { status = 200, body = "{}", delayMs = 0, hold = false, headers = {} } = origin.respond(record) ?? {};
      record.at = Date.now();
      if (hold) await new Promise((r) => origin.held.push(r));
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      record.status = status;
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(body);
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin.url = `http://127.0.0.1:${server.address().port}/tencent`;
  origin.close = () => {
    origin.release();
    server.closeAllConnections?.();
    return new Promise((r) => server.close(r));
  };
  origin.clear = () => {
    origin.release();
    origin.received = [];
    origin.respond = () => ({ status: 200, body: "{}" });
  };
  /** Resolves with the first request (already received or coming) that matches. */
  origin.next = (predicate = () => true, timeoutMs = 5000) => {
    const seen = origin.received.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("origin received nothing matching")), timeoutMs);
      origin.waiters.push((record) => {
        if (!predicate(record)) return false;
        clearTimeout(timer);
        resolve(record);
        return true;
      });
    });
  };
  return origin;
}

export const DELIVERY_QUEUE = "timgate-delivery";
export const DEAD_LETTER_QUEUE = "timgate-dead-letters";

/** The queue of delivery shard `n` and its producer binding, as wrangler.toml names them. */
export const shardQueue = (n) => (n === 0 ? DELIVERY_QUEUE : `${DELIVERY_QUEUE}-${n}`);
export const shardBinding = (n) => (n === 0 ? "DELIVERY" : `DELIVERY_${n}`);

/** Queue bindings as wrangler.toml declares them (retries, batch size and shards adjustable for
 * tests; `without` leaves out the producer bindings of the shards it lists). */
export function queueOptions({ maxRetries = 3, maxBatchSize = 10, shards = 1, without = [] } = {}) {
  const queueProducers = {};
  const queueConsumers = {};
  for (let n = 0; n < shards; n++) {
    if (!without.includes(n)) queueProducers[shardBinding(n)] = shardQueue(n);
    queueConsumers[shardQueue(n)] = { maxBatchSize, maxBatchTimeout: 0.05, maxRetries, deadLetterQueue: DEAD_LETTER_QUEUE };
  }
  queueConsumers[DEAD_LETTER_QUEUE] = { maxBatchSize: 10, maxBatchTimeout: 0.05, maxRetries: 10 };
  return { queueProducers, queueConsumers };
}

/**
 * The built worker in workerd. `vars` override the defaults; `logs` collects its log lines.
 * `queue` (an object, possibly empty) adds the delivery queue, the dead-letter queue and the
 * DELIVERY_STATE namespace; without it, delivery is direct.
 * `kvPersistTo` reads KV from a wrangler `--persist-to` directory (what the rules tool wrote);
 * `kvPersist` keeps Miniflare's KV in a directory across instances (bench/cold-start.mjs);
 * `doPersist` the GROUP_STATE objects' storage.
 * `workerOptions` are added to the worker's Miniflare options (more bindings); `extraWorkers`
 * run beside it (e.g. a recorder behind a wrapped binding).
 */
export async function startGate({ origin, vars = {}, queue, kvPersistTo, kvPersist, doPersist, workerOptions = {}, extraWorkers = [] } = {}) {
  const logs = [];
  const stateKv = queue ? { DELIVERY_STATE: "DELIVERY_STATE" } : {};
  const kvOptions = kvPersistTo
    ? // wrangler keeps local KV under <dir>/v3/kv, keyed by the namespace id in wrangler.toml.
      { kvNamespaces: { RULES: WRANGLER_KV_ID, ...stateKv }, kvPersist: join(kvPersistTo, "v3", "kv") }
    : { kvNamespaces: { RULES: "RULES", ...stateKv } };
  const gate = {
    name: "timgate",
    scriptPath: join(root, "build", "index.js"),
    modules: true,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"], fallthrough: true }],
    compatibilityDate: "2026-04-01",
    ...kvOptions,
    ...(kvPersist && !kvPersistTo ? { kvPersist } : {}),
    ...(queue ? queueOptions(queue) : {}),
    // As wrangler.toml declares it; `doPersist` keeps the objects' storage in a directory.
    durableObjects: { GROUP_STATE: "GroupStateObject", VERDICT_LOG: "VerdictLogObject" },
    ...(doPersist ? { durableObjectsPersist: doPersist } : {}),
    bindings: {
      SDKAPPID,
      CACHE_SECONDS: "0",
      RETRY_DELAY_SECONDS: "0",
      RETRY_DELAY_MAX_SECONDS: "1",
      ...(queue?.shards ? { DELIVERY_SHARDS: String(queue.shards) } : {}),
      ...(origin ? { ORIGIN_URL: origin.url } : {}),
      ...vars,
    },
    ...workerOptions,
  };
  const mf = new Miniflare({
    ...(extraWorkers.length ? { workers: [gate, ...extraWorkers] } : gate),
    // `/cdn-cgi/handler/scheduled` runs the cron trigger's handler (the spill store's drain).
    unsafeTriggerHandlers: true,
    handleRuntimeStdio(stdout, stderr) {
      for (const stream of [stdout, stderr]) {
        stream.setEncoding("utf8");
        stream.on("data", (chunk) => logs.push(...chunk.split("\n").filter(Boolean)));
      }
    },
  });
  const kv = await mf.getKVNamespace("RULES", "timgate");
  return {
    mf,
    kv,
    url: await mf.ready,
    state: queue ? await mf.getKVNamespace("DELIVERY_STATE", "timgate") : null,
    logs,
    /** POSTs a callback; `body` is sent byte for byte. */
    async send(command, body, { query, method = "POST", headers, path = "/" } = {}) {
      const url = `http://timgate.test${path}?${query ?? seedQuery(command)}`;
      const init = { method, headers };
      if (body !== undefined && method !== "GET") init.body = typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body);
      const response = await mf.dispatchFetch(url, init);
      const text = await response.text();
      let json = null;
      try {
        json = JSON.parse(text);
      } catch {}
      return { status: response.status, text, json, headers: response.headers };
    },
    /** Log lines the worker wrote, parsed where they are JSON. */
    logLines() {
      return logs.map((l) => {
        try {
          return JSON.parse(l);
        } catch {
          return { raw: l };
        }
      });
    },
    dispose: () => mf.dispose(),
  };
}

/** A before-send body derived from the Live-room seed sample, with the text (or fields) replaced. */
export function beforeSend({ text, ...fields } = {}) {
  const body = seedObject("before-room-message-sent");
  if (text !== undefined) body.MsgBody = [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }];
  return { ...body, ...fields };
}

/** A C2C before-send body (protocol.md field list). */
export function c2cBeforeSend(text, fields = {}) {
  return {
    CallbackCommand: "C2C.CallbackBeforeSendMsg",
    From_Account: "jared",
    To_Account: "Jonh",
    MsgRandom: 2837546,
    MsgKey: "2837546_1490686222",
    MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }],
    CloudCustomData: "your cloud custom data",
    ...fields,
  };
}

/** Deletes every key of a KV namespace (tests start each case from an empty one). */
export async function emptyKv(namespace) {
  for (const { name } of (await namespace.list()).keys) await namespace.delete(name);
}

/** Polls `check` until it returns a truthy value (or fails after `timeoutMs`). */
export async function eventually(check, { timeoutMs = 15000, what = "condition" } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Distinct webhook-ids the origin accepted (answered 2xx), i.e. what the app saw after dedupe. */
export function acceptedIds(origin) {
  return new Set(origin.received.filter((r) => (r.status ?? 200) < 300).map((r) => r.headers["webhook-id"]));
}

/** The precompiled blob of a rule document, made by the engine (examples/compile_rules.rs). */
export function compileBlob(json) {
  const dir = mkdtempSync(join(tmpdir(), "timgate-blob-"));
  try {
    writeFileSync(join(dir, "rules.json"), json);
    const r = spawnSync("cargo", ["run", "-q", "--example", "compile_rules", "--", join(dir, "rules.json"), join(dir, "rules.bin")], {
      encoding: "utf8",
      cwd: root,
    });
    assert.equal(r.status, 0, r.stderr);
    const bytes = readFileSync(join(dir, "rules.bin"));
    // KV takes an ArrayBuffer (a Node Buffer may be a view into a shared pool).
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One gate and one origin for a `describe` block: started before its tests and stopped after
 * them; before each test the origin's record and the KV namespace are cleared and `rules`, when
 * given, is written. `queue` and `workerOptions` are `startGate`'s. Returns an object whose `gate`
 * and `origin` are there once the block has started.
 */
export function gateForSuite({ vars = {}, rules, queue, workerOptions }) {
  const suite = {};
  before(async () => {
    suite.origin = await startOrigin();
    suite.gate = await startGate({ origin: suite.origin, vars, queue, workerOptions });
  });
  after(async () => {
    await suite.gate.dispose();
    await suite.origin.close();
  });
  beforeEach(async () => {
    suite.origin.clear();
    await emptyKv(suite.gate.kv);
    if (rules !== undefined) await suite.gate.kv.put("rules", JSON.stringify(rules));
  });
  return suite;
}

/** A port nothing listens on now. */
export function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The rules tool's binary, built (debug) for the tests that run it. */
export const cliExe = join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "debug", process.platform === "win32" ? "timgate.exe" : "timgate");

/** Builds the rules tool and pushes `document` into wrangler's local KV under `persistTo`. */
export function pushWithTool(document, persistTo) {
  const build = spawnSync("cargo", ["build", "--quiet", "-p", "timgate-cli", "--bin", "timgate"], { cwd: root, stdio: "inherit" });
  assert.equal(build.status, 0, "cargo build -p timgate-cli --bin timgate");
  const pushed = spawnSync(cliExe, ["push", document, "--persist-to", persistTo], { cwd: root, encoding: "utf8" });
  assert.equal(pushed.status, 0, pushed.stdout + pushed.stderr);
}

/**
 * `wrangler dev` (workerd, the built worker) on a free port of 127.0.0.1, with local state in
 * `persistTo` and `vars` as `--var`s; resolves once it is ready. `stop()` ends it.
 */
export async function startWranglerDev({ persistTo, vars = {}, inspectorPort }) {
  const wrangler = join(root, "node_modules", ".bin", process.platform === "win32" ? "wrangler.cmd" : "wrangler");
  const port = await freePort();
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persistTo, "--show-interactive-dev-session=false"];
  if (inspectorPort) args.push("--inspector-port", String(inspectorPort));
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  const dev = spawn(wrangler, args, { cwd: root, detached: true, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
  let log = "";
  dev.stdout.on("data", (d) => (log += d));
  dev.stderr.on("data", (d) => (log += d));
  const deadline = Date.now() + 240_000;
  while (!log.includes("Ready on")) {
    assert.ok(Date.now() < deadline && dev.exitCode === null, `wrangler dev did not get ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port, url: `http://127.0.0.1:${port}`, stop: () => process.kill(-dev.pid, "SIGTERM") };
}

