// Fault script: sends N after-send callbacks (default 10,000) at the built worker in workerd
// (Miniflare, real queues) while the origin is killed and restarted, then counts
// sent vs delivered vs dead-lettered and prints `lost: N`. Bounded in time.
//
//   node bench/fault-delivery.mjs [--events 10000] [--timeout 300] [--max-retries 20] [--down 2]
//                                 [--shards 4 --refuse-shard 2]
// A small --max-retries (DELIVERY_ATTEMPTS) with a longer --down (seconds the origin stays down)
// drives events into the dead-letter store; the script then replays them and counts again.
// --shards spreads events over that many queues; --refuse-shard N makes shard N refuse every
// send for the first half of the events: the worker runs without that shard's producer binding
// (what a deleted or unavailable queue gives `send()`: an error), then, once what was sent so far
// is delivered, the worker is started again with every binding (Miniflare keeps queued messages
// in memory, KV on disk here) and the second half is sent. Every refusal is a fallback to the
// next shard; the script prints how many.
import { fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { seedSample, startGate } from "../tests/integration/harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg("events", 10_000);
const TIMEOUT_S = arg("timeout", 300);
const MAX_RETRIES = arg("max-retries", 20);
const DOWN_S = arg("down", 2);
const SHARDS = arg("shards", 1);
const REFUSE = arg("refuse-shard", -1);
const ADMIN_TOKEN = "fault-script";
const started = Date.now();
const elapsed = () => ((Date.now() - started) / 1000).toFixed(1) + "s";

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const scratch = mkdtempSync(join(tmpdir(), "timgate-fault-"));
const ledger = join(scratch, "accepted.txt");
writeFileSync(ledger, "");

let originProcess = null;
async function originUp() {
  originProcess = fork(join(here, "recording-origin.mjs"), [String(port), ledger], { stdio: "ignore" });
  await new Promise((r) => originProcess.once("message", r));
}
function originDown() {
  originProcess?.kill("SIGKILL");
  originProcess = null;
}
const accepted = () => new Set(readFileSync(ledger, "utf8").split("\n").filter(Boolean));

await originUp();
const startWith = (without) =>
  startGate({
    origin: { url: `http://127.0.0.1:${port}/tencent` },
    queue: { maxRetries: MAX_RETRIES, maxBatchSize: 50, shards: SHARDS, without },
    kvPersist: join(scratch, "kv"),
    vars: {
      RETRY_DELAY_SECONDS: "1",
      RETRY_DELAY_MAX_SECONDS: "4",
      DELIVERY_ATTEMPTS: String(MAX_RETRIES),
      ADMIN_TOKEN,
      FORWARD_SECRET: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
    },
  });
let gate = await startWith(REFUSE >= 0 ? [REFUSE] : []);
// What the cron trigger does every minute in production: spilled events onto the queues.
let cron = true;
const cronLoop = (async () => {
  while (cron) {
    await new Promise((r) => setTimeout(r, 2000));
    await gate.mf.dispatchFetch("http://timgate.test/cdn-cgi/handler/scheduled?cron=*+*+*+*+*").catch(() => {});
  }
})();
let fallbacks = 0;
let spilled = 0;
let retriedBefore = 0;
const countRefusals = () => {
  const lines = gate.logLines().filter((l) => l.event === "delivery");
  return [lines.filter((l) => l.outcome === "fallback").length, lines.filter((l) => l.outcome === "spilled").length];
};

// Chaos: the origin is down for DOWN_S seconds after every 3 s up, until sending is over and a little after.
let chaos = true;
const chaosLoop = (async () => {
  let kills = 0;
  while (chaos) {
    await new Promise((r) => setTimeout(r, 3000));
    if (!chaos) break;
    originDown();
    kills++;
    await new Promise((r) => setTimeout(r, DOWN_S * 1000));
    await originUp();
  }
  return kills;
})();

const template = seedSample("after-group-message-sent").toString("utf8");
const MARK = "144115233406643804-1727580296-4026038328";
let sent = 0;
let refused = 0;
const CONCURRENCY = 16;
async function sender(worker, from, to) {
  for (let i = from + worker; i < to; i += CONCURRENCY) {
    // Each event is its own message: its own server sequence number (contract v2, "Event identity").
    const body = template.replace(MARK, `fault-${i}`).replace('"MsgSeq": 123', `"MsgSeq": ${1000 + i}`);
    const r = await gate.send("Group.CallbackAfterSendMsg", body);
    if (r.status === 200 && r.json?.ErrorCode === 0) sent++;
    else refused++;
  }
}
const half = REFUSE >= 0 ? Math.floor(EVENTS / 2) : EVENTS;
await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => sender(w, 0, half)));
if (REFUSE >= 0) {
  [fallbacks, spilled] = countRefusals();
  retriedBefore = gate.logLines().filter((l) => l.event === "delivery" && l.outcome === "retrying").length;
  console.log(`[${elapsed()}] sent ${sent} with shard ${REFUSE} refusing: ${fallbacks} fallbacks, ${spilled} spilled; waiting for them to be delivered`);
  // Miniflare keeps queued messages in memory: the worker is restarted only once they are out.
  const phaseDeadline = started + (TIMEOUT_S * 1000) / 2;
  while (Date.now() < phaseDeadline && accepted().size + (await deadLetters()) < sent) await new Promise((r) => setTimeout(r, 500));
  await gate.dispose();
  gate = await startWith([]);
  console.log(`[${elapsed()}] shard ${REFUSE} back; sending the rest`);
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => sender(w, half, EVENTS)));
}
console.log(`[${elapsed()}] sent ${sent} (refused ${refused}); origin still being killed and restarted`);
await new Promise((r) => setTimeout(r, 5000));
chaos = false;
const kills = await chaosLoop;
if (!originProcess) await originUp();
console.log(`[${elapsed()}] chaos over after ${kills} origin kills; waiting for the queue to drain`);

async function deadLetters() {
  const r = await gate.mf.dispatchFetch("http://timgate.test/__timgate/dead-letters", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return (await r.json()).count;
}
const deadline = started + TIMEOUT_S * 1000;
let delivered = 0;
let dead = 0;
while (Date.now() < deadline) {
  delivered = accepted().size;
  dead = await deadLetters();
  if (delivered + dead >= sent) break;
  await new Promise((r) => setTimeout(r, 1000));
}
const [moreFallbacks, moreSpilled] = countRefusals();
fallbacks += moreFallbacks;
spilled += moreSpilled;
let replayed = 0;
if (dead > 0) {
  const r = await gate.mf.dispatchFetch("http://timgate.test/__timgate/dead-letters/replay", { method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  replayed = (await r.json()).replayed;
  while (Date.now() < deadline && accepted().size < sent) await new Promise((r) => setTimeout(r, 500));
}
const ids = accepted();
const deliveries = readFileSync(ledger, "utf8").split("\n").filter(Boolean).length;
const retried = retriedBefore + gate.logLines().filter((l) => l.event === "delivery" && l.outcome === "retrying").length;
const lost = sent - ids.size;
console.log(
  [
    `events sent:            ${sent}`,
    `delivered (distinct):   ${ids.size}`,
    `deliveries (with dups): ${deliveries}`,
    `failed attempts retried: ${retried}`,
    `dead-lettered:          ${dead} (replayed ${replayed})`,
    `origin kills:           ${kills}`,
    `shards:                 ${SHARDS}${REFUSE >= 0 ? ` (shard ${REFUSE} refusing for the first ${half})` : ""}`,
    `fallbacks:              ${fallbacks} (spilled ${spilled})`,
    `time:                   ${elapsed()}`,
    `lost: ${lost}`,
  ].join("\n"),
);
originDown();
cron = false;
await cronLoop;
await gate.dispose();
rmSync(scratch, { recursive: true, force: true });
process.exit(lost === 0 && sent === EVENTS ? 0 : 1);
