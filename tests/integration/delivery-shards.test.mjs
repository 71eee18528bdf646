// Delivery at scale (issue 19): events spread over DELIVERY_SHARDS queues, a shard that refuses
// hands its events to the next, every shard refusing puts them in the spill store that the cron
// trigger drains, one jittered retry schedule by attempt number, and queue messages that are no
// event kept with their bytes. Miniflare's real queue broker and KV throughout; a "refusing"
// shard is one whose producer binding the worker does not have (what a deleted queue gives).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { acceptedIds, eventually, gateForSuite, seedSample, shardQueue, startGate, startOrigin } from "./harness.mjs";

const AFTER = "Group.CallbackAfterSendMsg";
const ADMIN_TOKEN = "shards-admin";
const SEED_MSG_ID = "144115233406643804-1727580296-4026038328";

/** After-send callback `n` of this file (`tag` keeps the describes' events apart). */
function afterSend(n, tag) {
  return seedSample("after-group-message-sent")
    .toString("utf8")
    .replace(SEED_MSG_ID, `${tag}-${n}`)
    .replace('"MsgSeq": 123', `"MsgSeq": ${10_000 + n}`);
}

async function sendAll(gate, count, tag, concurrency = 16) {
  const answers = [];
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let i = w; i < count; i += concurrency) answers[i] = await gate.send(AFTER, afterSend(i, tag));
    }),
  );
  return answers;
}

const admin = (gate, path, method = "GET") =>
  gate.mf.dispatchFetch(`http://timgate.test/__timgate/${path}`, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }).then((r) => r.json());

describe("four delivery shards", () => {
  const suite = gateForSuite({ queue: { shards: 4, maxBatchSize: 50 }, vars: { ADMIN_TOKEN } });

  it("2,000 events are spread over every shard and each is delivered once", async () => {
    const { gate, origin } = suite;
    const answers = await sendAll(gate, 2000, "spread");
    assert.ok(answers.every((a) => a.status === 200 && a.json.ErrorCode === 0));
    await eventually(() => acceptedIds(origin).size === 2000, { what: "2,000 delivered", timeoutMs: 120_000 });
    const accepted = origin.received.filter((r) => r.status === 200);
    assert.equal(accepted.length, 2000, "none delivered twice");
    // Every batch names the queue it came from: each shard carried a fair share.
    const perQueue = new Map();
    for (const l of gate.logLines().filter((l) => l.event === "queue_batch")) perQueue.set(l.queue, (perQueue.get(l.queue) ?? 0) + l.messages);
    for (let n = 0; n < 4; n++) {
      const carried = perQueue.get(shardQueue(n)) ?? 0;
      assert.ok(carried >= 2000 / 4 / 2, `${shardQueue(n)} carried ${carried} of 2,000`);
    }
    assert.equal([...perQueue.values()].reduce((a, b) => a + b, 0), 2000);
    assert.equal(gate.logLines().filter((l) => l.outcome === "fallback").length, 0, "no shard refused");
    const health = await admin(gate, "health");
    assert.deepEqual(health.problems, []);
  });
});

describe("one retry schedule", () => {
  const suite = gateForSuite({ queue: { shards: 2 }, vars: { RETRY_DELAY_SECONDS: "2", RETRY_DELAY_MAX_SECONDS: "8" } });

  it("an origin answering 503 then 200 is retried with jittered delays inside the schedule's bounds", async () => {
    const { gate, origin } = suite;
    const seen = new Map();
    origin.respond = (req) => {
      const id = req.headers["webhook-id"];
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      return n <= 2 ? { status: 503 } : { status: 200 };
    };
    const events = 24;
    await sendAll(gate, events, "jitter", 8);
    await eventually(() => acceptedIds(origin).size === events, { what: "every event accepted", timeoutMs: 60_000 });
    const byId = new Map();
    for (const r of origin.received) byId.set(r.headers["webhook-id"], [...(byId.get(r.headers["webhook-id"]) ?? []), r.at]);
    const firstGaps = [];
    for (const [id, times] of byId) {
      assert.equal(times.length, 3, `${id}: two 503s, then the 200`);
      const [g1, g2] = [times[1] - times[0], times[2] - times[1]];
      // Ceilings 2 s then 4 s (RETRY_DELAY_SECONDS=2, doubling); the queue adds its batching.
      assert.ok(g1 <= 2000 + 1500, `${id}: first retry ${g1} ms after the first attempt`);
      assert.ok(g2 <= 4000 + 1500, `${id}: second retry ${g2} ms after the second`);
      firstGaps.push(g1);
    }
    const retries = gate.logLines().filter((l) => l.event === "delivery" && l.outcome === "retrying");
    assert.equal(retries.length, events * 2);
    for (const l of retries) assert.ok(l.delay_seconds >= 0 && l.delay_seconds <= (l.attempt === 1 ? 2 : 4), JSON.stringify(l));
    // Full jitter: the events that failed together do not come back together.
    const delays = new Set(retries.filter((l) => l.attempt === 2).map((l) => l.delay_seconds));
    assert.ok(delays.size >= 2, `second-retry delays drawn: ${[...delays]}`);
    assert.ok(Math.max(...firstGaps) - Math.min(...firstGaps) >= 500, `first retries spread over ${Math.min(...firstGaps)}..${Math.max(...firstGaps)} ms`);
  });
});

describe("unreadable queue messages", () => {
  const suite = gateForSuite({ queue: {}, vars: { ADMIN_TOKEN } });

  it("land in the dead-letter store with their bytes and why, and are not replayed", async () => {
    const { gate, origin } = suite;
    const queue = await gate.mf.getQueueProducer("DELIVERY", "timgate");
    const sent = ["not an event \u00ff", { hello: "world", attempt: "one" }];
    await queue.send(sent[0], { contentType: "text" });
    await queue.send(sent[1], { contentType: "json" });
    const listing = await eventually(
      async () => {
        const l = await admin(gate, "dead-letters");
        return l.count === 2 ? l : null;
      },
      { what: "2 dead letters" },
    );
    const shown = [];
    for (const d of listing.dead_letters) {
      assert.equal(d.kind, "unreadable");
      assert.match(d.reason, /^not a delivery message/);
      shown.push(await admin(gate, `dead-letters/${d.id}`));
    }
    const texts = shown.map((s) => s.body.text).sort();
    assert.deepEqual(texts, [JSON.stringify(sent[1]), sent[0]].sort());
    assert.ok(shown.every((s) => s.message_id && s.id === `unreadable-${s.message_id}`));
    // The operator's command shows one as it came, with its queue id.
    const textual = listing.dead_letters.find((d) => d.bytes === Buffer.byteLength(sent[0]));
    const shownByTool = spawnSync(process.execPath, ["scripts/dead-letters.mjs", "show", textual.id, "--url", gate.url.href], {
      env: { ...process.env, ADMIN_TOKEN },
      encoding: "utf8",
    });
    assert.equal(shownByTool.status, 0, shownByTool.stderr);
    assert.match(shownByTool.stdout, /kind\s+unreadable/);
    assert.ok(shownByTool.stdout.includes(`body      ${sent[0]}`), shownByTool.stdout);
    const replay = await admin(gate, "dead-letters/replay", "POST");
    assert.equal(replay.replayed, 0);
    assert.equal(origin.received.length, 0, "nothing that is no event reaches the origin");
  });
});

describe("shards that refuse", () => {
  let origin, gate, dir;
  before(async () => {
    origin = await startOrigin();
    dir = mkdtempSync(join(tmpdir(), "timgate-spill-"));
  });
  after(async () => {
    await gate?.dispose();
    await origin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a shard without its queue hands its events to the next one, and none is lost", async () => {
    gate = await startGate({ origin, queue: { shards: 4, without: [2] }, vars: { ADMIN_TOKEN } });
    const answers = await sendAll(gate, 200, "fallback");
    assert.ok(answers.every((a) => a.json?.ErrorCode === 0));
    await eventually(() => acceptedIds(origin).size === 200, { what: "200 delivered", timeoutMs: 60_000 });
    const fallbacks = gate.logLines().filter((l) => l.outcome === "fallback");
    assert.ok(fallbacks.length >= 20, `${fallbacks.length} fallbacks`);
    assert.ok(fallbacks.every((l) => l.shard === 2 && /DELIVERY_2/.test(l.problem)));
    const health = await admin(gate, "health");
    assert.match(health.problems.join("\n"), /DELIVERY_2/);
    await gate.dispose();
    gate = null;
  });

  it("with every shard refusing, events wait in the spill store and the cron trigger queues them", async () => {
    origin.clear();
    const options = { origin, vars: { ADMIN_TOKEN }, kvPersist: dir };
    gate = await startGate({ ...options, queue: { shards: 2, without: [0, 1] } });
    const answers = await sendAll(gate, 30, "spill", 6);
    assert.ok(answers.every((a) => a.json?.ErrorCode === 0), "each answered once it is kept");
    assert.equal(gate.logLines().filter((l) => l.event === "delivery" && l.outcome === "spilled").length, 30);
    const spilled = await gate.state.list({ prefix: "spill:" });
    assert.equal(spilled.keys.length, 30);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(origin.received.length, 0);
    // The queues come back (same KV on disk); the cron trigger moves the spilled events.
    await gate.dispose();
    gate = await startGate({ ...options, queue: { shards: 2 } });
    const cron = await gate.mf.dispatchFetch("http://timgate.test/cdn-cgi/handler/scheduled?cron=*+*+*+*+*");
    assert.equal(cron.status, 200);
    await eventually(() => acceptedIds(origin).size === 30, { what: "30 drained and delivered", timeoutMs: 30_000 });
    assert.equal((await gate.state.list({ prefix: "spill:" })).keys.length, 0);
    const drain = gate.logLines().find((l) => l.event === "drain");
    assert.equal(drain?.queued, 30);
  });
});

describe("settings that cannot be read", () => {
  // DELIVERY_SHARDS=0 is refused: every callback answers `misconfigured`, and the consumer
  // cannot read its settings either. A producer binding for the dead-letter queue lets the test
  // put a message there (wrangler.toml has none).
  const suite = gateForSuite({
    queue: { maxRetries: 3 },
    vars: { ADMIN_TOKEN, DELIVERY_SHARDS: "0" },
    workerOptions: { queueProducers: { DELIVERY: shardQueue(0), DEAD_LETTER_TEST: "timgate-dead-letters" } },
  });

  it("hold queued events back instead of using up their retries, and still keep dead letters", async () => {
    const { gate, origin } = suite;
    const event = (n) =>
      JSON.stringify({ v: 1, id: `evt_misconfigured_${n}`, kind: "callback", query: "a=b", body: Buffer.from(`{"n":${n}}`).toString("base64"), received_at: 1 });
    const delivery = await gate.mf.getQueueProducer("DELIVERY", "timgate");
    await delivery.send(event(1), { contentType: "text" });
    await delivery.send(event(2), { contentType: "text" });
    await eventually(() => gate.logLines().some((l) => l.event === "queue" && /settings/.test(l.problem ?? "")), { what: "the settings problem logged" });
    // With maxRetries 3 and no wait the runtime would move them to the dead-letter queue within
    // a second (and the dead-letter store would get them): they wait 10 minutes instead.
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(origin.received.length, 0);
    assert.equal((await gate.state.list({ prefix: "dead:" })).keys.length, 0, "nothing dead-lettered meanwhile");
    const deliveriesOfTheBatch = gate.logLines().filter((l) => l.event === "queue" && l.queue === shardQueue(0) && /settings/.test(l.problem ?? ""));
    assert.ok(deliveriesOfTheBatch.length <= 2, `the queue handed them over ${deliveriesOfTheBatch.length} times, not again and again`);
    // What reaches the dead-letter queue is kept all the same: it needs KV, not the settings.
    await (await gate.mf.getQueueProducer("DEAD_LETTER_TEST", "timgate")).send(event(3), { contentType: "text" });
    await eventually(async () => (await gate.state.get("dead:evt_misconfigured_3")) !== null, { what: "the dead letter stored" });
    const stored = JSON.parse(await gate.state.get("dead:evt_misconfigured_3"));
    assert.equal(stored.reason, "the queue's retries ran out");
  });
});
