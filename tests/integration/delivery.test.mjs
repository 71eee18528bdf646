// Durable delivery through Cloudflare Queues (Miniflare's real queue broker): retries with
// backoff, dead letters and replay, dedupe of Tencent's retries, batch mode, and an answer to
// Tencent that never waits on the origin.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, beforeEach, describe, it } from "node:test";
import { acceptedIds, emptyKv, eventually, seedSample, startGate, startOrigin, verifyStandardWebhook } from "./harness.mjs";

const SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
const ADMIN_TOKEN = "test-admin-token";
const AFTER = "Group.CallbackAfterSendMsg";

/** An after-send body derived from the seed sample, with its own MsgId. */
function afterSend(n) {
  return seedSample("after-group-message-sent").toString("utf8").replace("144115233406643804-1727580296-4026038328", `msg-${n}`);
}

describe("queued delivery", () => {
  let origin, gate;
  before(async () => {
    origin = await startOrigin();
    gate = await startGate({ origin, queue: { maxRetries: 3 }, vars: { FORWARD_SECRET: SECRET, ADMIN_TOKEN } });
  });
  after(async () => {
    await gate.dispose();
    await origin.close();
  });
  beforeEach(async () => {
    origin.clear();
    await emptyKv(gate.state);
  });

  it("an origin that fails the first attempts still gets every event, signed, once per webhook-id", async () => {
    const failuresLeft = new Map();
    origin.respond = (req) => {
      const id = req.headers["webhook-id"];
      const left = failuresLeft.get(id) ?? 2;
      failuresLeft.set(id, left - 1);
      return left > 0 ? { status: 500 } : { status: 200 };
    };
    const sent = 20;
    for (let i = 0; i < sent; i++) assert.equal((await gate.send(AFTER, afterSend(i))).json.ErrorCode, 0);
    await eventually(() => acceptedIds(origin).size === sent, { what: `${sent} accepted events` });
    const accepted = origin.received.filter((r) => r.status === 200);
    assert.equal(accepted.length, sent, "no event accepted twice");
    assert.equal(origin.received.length, sent * 3, "two failures, then success, for each");
    for (const r of accepted) assert.ok(verifyStandardWebhook(SECRET, r.headers, r.body));
    const bodies = new Set(accepted.map((r) => r.body.toString()));
    for (let i = 0; i < sent; i++) assert.ok(bodies.has(afterSend(i)), `event ${i} delivered byte for byte`);
  });

  it("an origin down longer than the retry limit: dead letters, then replayed with one command", async () => {
    origin.respond = () => ({ status: 503 });
    for (let i = 0; i < 5; i++) await gate.send(AFTER, afterSend(100 + i));
    const listing = await eventually(
      async () => {
        const r = await gate.mf.dispatchFetch("http://timgate.test/__timgate/dead-letters", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        const body = await r.json();
        return body.count === 5 ? body : null;
      },
      { what: "5 dead letters" },
    );
    assert.ok(listing.dead_letters.every((d) => d.reason === "retries exhausted" && d.kind === "callback"));
    assert.equal(acceptedIds(origin).size, 0);

    origin.respond = () => ({ status: 200 });
    const replay = spawnSync(process.execPath, ["scripts/dead-letters.mjs", "replay", "--url", gate.url.href], {
      env: { ...process.env, ADMIN_TOKEN },
      encoding: "utf8",
    });
    assert.equal(replay.status, 0, replay.stderr);
    assert.match(replay.stdout, /replayed 5/);
    await eventually(() => acceptedIds(origin).size === 5, { what: "5 replayed events" });
    const bodies = new Set(origin.received.filter((r) => r.status === 200).map((r) => r.body.toString()));
    for (let i = 0; i < 5; i++) assert.ok(bodies.has(afterSend(100 + i)));
    const after = await (await gate.mf.dispatchFetch("http://timgate.test/__timgate/dead-letters", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
    assert.equal(after.count, 0, "the store is empty after replay");
  });

  it("a 4xx refusal is not retried: it goes straight to the dead-letter store", async () => {
    origin.respond = () => ({ status: 400 });
    await gate.send(AFTER, afterSend(200));
    const keys = await eventually(async () => {
      const { keys } = await gate.state.list({ prefix: "dead:" });
      return keys.length === 1 ? keys : null;
    });
    const letter = JSON.parse(await gate.state.get(keys[0].name));
    assert.equal(letter.reason, "origin refused it with HTTP 400");
    assert.equal(origin.received.length, 1, "one attempt only");
  });

  it("Tencent retrying the same after-send callback gives one delivery", async () => {
    const body = afterSend(300);
    for (let i = 0; i < 3; i++) assert.equal((await gate.send(AFTER, body)).json.ErrorCode, 0);
    await origin.next();
    await gate.send(AFTER, afterSend(301));
    await eventually(() => acceptedIds(origin).size === 2, { what: "the next event" });
    assert.equal(origin.received.filter((r) => r.body.toString() === body).length, 1);
    const lines = gate.logLines().filter((l) => l.event === "callback" && l.outcome === "duplicate");
    assert.equal(lines.length, 2);
  });

  it("the answer to Tencent does not wait for a slow origin", async () => {
    origin.respond = () => ({ hold: true });
    const r = await gate.send(AFTER, afterSend(400));
    assert.equal(r.json.ErrorCode, 0);
    await origin.next();
    assert.equal(origin.held.length, 1, "the origin is still holding its request while Tencent has its answer");
    origin.release();
  });

  it("operator endpoints need the admin token", async () => {
    const none = await gate.mf.dispatchFetch("http://timgate.test/__timgate/dead-letters");
    assert.equal(none.status, 401);
    const wrong = await gate.mf.dispatchFetch("http://timgate.test/__timgate/dead-letters", { headers: { authorization: "Bearer nope" } });
    assert.equal(wrong.status, 401);
  });
});

describe("batch delivery mode", () => {
  it("posts a whole queue batch as one JSON array with timgate-batch", async () => {
    const origin = await startOrigin();
    const gate = await startGate({ origin, queue: { maxBatchSize: 5 }, vars: { DELIVERY_MODE: "batch", FORWARD_SECRET: SECRET } });
    try {
      for (let i = 0; i < 5; i++) await gate.send(AFTER, afterSend(500 + i));
      const items = await eventually(() => {
        const all = origin.received.flatMap((r) => JSON.parse(r.body));
        return all.length === 5 ? all : null;
      });
      const first = origin.received[0];
      assert.ok(Number(first.headers["timgate-batch"]) >= 1);
      assert.ok(first.url.includes("CallbackCommand=Timgate.Batch"));
      assert.ok(verifyStandardWebhook(SECRET, first.headers, first.body));
      assert.deepEqual(new Set(items.map((i) => i.body)), new Set([0, 1, 2, 3, 4].map((i) => afterSend(500 + i))));
      assert.ok(items.every((i) => i.kind === "callback" && i.query.includes("CallbackCommand=Group.CallbackAfterSendMsg")));
    } finally {
      await gate.dispose();
      await origin.close();
    }
  });
});

describe("without a queue binding", () => {
  it("delivers directly and says so once in the logs", async () => {
    const origin = await startOrigin();
    const gate = await startGate({ origin });
    try {
      await gate.send(AFTER, afterSend(600));
      await gate.send(AFTER, afterSend(601));
      await eventually(() => acceptedIds(origin).size === 2);
      const startup = gate.logLines().filter((l) => l.event === "startup");
      assert.equal(startup.length, 1);
      assert.equal(startup[0].delivery, "direct");
      assert.match(startup[0].warning, /not durable/);
    } finally {
      await gate.dispose();
      await origin.close();
    }
  });
});
