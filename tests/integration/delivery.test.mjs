// Durable delivery through Cloudflare Queues (Miniflare's real queue broker): retries with
// backoff, dead letters and replay, dedupe of Tencent's retries, batch mode, and an answer to
// Tencent that never waits on the origin.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { acceptedIds, emptyKv, eventually, seedSample, startGate, startOrigin, verifyStandardWebhook } from "./harness.mjs";

const SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
const ADMIN_TOKEN = "test-admin-token";
const AFTER = "Group.CallbackAfterSendMsg";

const SEED_MSG_ID = "144115233406643804-1727580296-4026038328";

/** An after-send body derived from the seed sample: message `n`, with its own MsgSeq (the server's
 * id of a group message) and, unless `msgId` is given, its own MsgId. */
function afterSend(n, { msgId = `msg-${n}`, text } = {}) {
  let body = seedSample("after-group-message-sent").toString("utf8").replace(SEED_MSG_ID, msgId).replace('"MsgSeq": 123', `"MsgSeq": ${1000 + n}`);
  if (text !== undefined) body = body.replace('"Text": "red packet"', `"Text": ${JSON.stringify(text)}`);
  return body;
}

/** A C2C after-send body (protocol.md field list): message `n` with its own MsgKey unless given. */
function c2cAfterSend(n, { msgKey = `2837546_${1490686222 + n}`, msgId = "shared-client-id", text = `hello ${n}` } = {}) {
  return JSON.stringify({
    CallbackCommand: "C2C.CallbackAfterSendMsg",
    From_Account: "jared",
    To_Account: "Jonh",
    MsgSeq: 48374 + n,
    MsgRandom: 2837546,
    MsgTime: 1490686222,
    MsgKey: msgKey,
    MsgId: msgId,
    OnlineOnlyFlag: 1,
    SendMsgResult: 0,
    ErrorInfo: "send msg succeed",
    UnreadMsgNum: 0,
    MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }],
    CloudCustomData: "your cloud custom data",
  });
}

describe("queued delivery", () => {
  let origin, gate;
  before(async () => {
    origin = await startOrigin();
    gate = await startGate({ origin, queue: { maxRetries: 3 }, vars: { FORWARD_SECRET: SECRET, ADMIN_TOKEN, DELIVERY_ATTEMPTS: "4" } });
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

  it("an origin answering 429 with Retry-After: 3 gets its next attempt no sooner than 3 s later", async () => {
    // RETRY_DELAY_SECONDS is 0 here: without Retry-After the retry would come at once (the 503).
    for (const [status, headersNow, atLeastMs, atMostMs] of [
      [429, () => ({ "retry-after": "3" }), 3000, 15000],
      // An HTTP date 4 s ahead (whole seconds: at least 3 s of it are left when it is read).
      [503, () => ({ "retry-after": new Date(Date.now() + 4000).toUTCString() }), 2000, 15000],
      [503, () => ({}), 0, 2500],
    ]) {
      origin.clear();
      let first = true;
      const headers = headersNow();
      origin.respond = () => {
        const answer = first ? { status, headers: headersNow() } : { status: 200 };
        first = false;
        return answer;
      };
      const body = afterSend(900 + status + Object.keys(headers).length);
      assert.equal((await gate.send(AFTER, body)).json.ErrorCode, 0);
      await eventually(() => origin.received.some((r) => r.status === 200), { what: "the retry accepted", timeoutMs: 20000 });
      const [a, b] = origin.received;
      const gap = b.at - a.at;
      assert.equal(a.headers["webhook-id"], b.headers["webhook-id"]);
      assert.ok(gap >= atLeastMs && gap <= atMostMs, `${status} ${JSON.stringify(headers)}: next attempt ${gap} ms later`);
    }
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
    for (const d of listing.dead_letters) {
      assert.equal(d.reason, "gave up after 4 attempts; the last: origin answered HTTP 503");
      assert.equal(d.kind, "callback");
    }
    assert.equal(acceptedIds(origin).size, 0);
    assert.equal(origin.received.length, 5 * 4, "DELIVERY_ATTEMPTS=4: four attempts of each event, no more");

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

    // The operator inspects it, then deletes it, with the dead-letters command.
    const run = (...args) =>
      spawnSync(process.execPath, ["scripts/dead-letters.mjs", ...args, "--url", gate.url.href], { env: { ...process.env, ADMIN_TOKEN }, encoding: "utf8" });
    const id = letter.envelope.id;
    const shown = run("show", id);
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, new RegExp(`^id        ${id}$`, "m"));
    assert.match(shown.stdout, /^reason    origin refused it with HTTP 400$/m);
    assert.ok(shown.stdout.includes(`body      ${afterSend(200)}`), shown.stdout);
    const deleted = run("delete", id);
    assert.equal(deleted.status, 0, deleted.stderr);
    assert.match(deleted.stdout, new RegExp(`deleted ${id}`));
    assert.equal((await gate.state.list({ prefix: "dead:" })).keys.length, 0);
    const gone = run("show", id);
    assert.equal(gone.status, 1);
    assert.match(gone.stderr, new RegExp(`HTTP 404: no dead letter ${id}`));
    assert.match(run("show").stderr, /show needs the dead letter's id/);
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

  it("a client reusing a MsgId for another group message does not hide it: both are delivered", async () => {
    const first = afterSend(700, { msgId: "reused", text: "first message" });
    const second = afterSend(701, { msgId: "reused", text: "second message" });
    for (const body of [first, second]) assert.equal((await gate.send(AFTER, body)).json.ErrorCode, 0);
    await eventually(() => acceptedIds(origin).size === 2, { what: "two events" });
    const bodies = origin.received.map((r) => r.body.toString());
    assert.deepEqual(bodies.sort(), [first, second].sort());
  });

  it("C2C: a new MsgKey with a reused MsgId is a new event; the same body again is Tencent's retry", async () => {
    const C2C_AFTER = "C2C.CallbackAfterSendMsg";
    const first = c2cAfterSend(1);
    const second = c2cAfterSend(2);
    for (const body of [first, first, second, second]) assert.equal((await gate.send(C2C_AFTER, body)).json.ErrorCode, 0);
    await eventually(() => acceptedIds(origin).size === 2, { what: "two C2C events" });
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(origin.received.map((r) => r.body.toString()).sort(), [first, second].sort(), "each once");
  });

  it("two review events from callbacks sharing a MsgId get two webhook-ids; a retried one keeps its id", async () => {
    await gate.kv.put("rules", JSON.stringify({ review: ["telegram"] }));
    const REVIEW = (r) => r.headers["timgate-event"] === "review";
    let failed = false;
    origin.respond = (req) => {
      // The first review delivery fails once: its retry must carry the same webhook-id.
      if (REVIEW(req) && !failed) {
        failed = true;
        return { status: 503 };
      }
      return { status: 200 };
    };
    const body = seedSample("before-room-message-sent").toString("utf8").replace('"red packet"', '"join my telegram"');
    for (let i = 0; i < 2; i++) assert.equal((await gate.send("Group.CallbackBeforeSendMsg", body)).json.ErrorCode, 0);
    await eventually(() => origin.received.filter((r) => REVIEW(r) && r.status === 200).length === 2, { what: "two review events" });
    const reviews = origin.received.filter(REVIEW);
    assert.equal(reviews.length, 3, "one failed attempt and two deliveries");
    const ids = reviews.map((r) => r.headers["webhook-id"]);
    const delivered = new Set(reviews.filter((r) => r.status === 200).map((r) => r.headers["webhook-id"]));
    assert.equal(delivered.size, 2, "two distinct ids for two review events");
    assert.ok(delivered.has(ids[0]), "the retried event kept the id of its failed attempt");
    for (const r of reviews) assert.equal(JSON.parse(r.body).MsgId, "144115233406643804-1727580296-4026038328");
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
    assert.equal((await none.json()).message, "Authorization: Bearer <ADMIN_TOKEN> required");
    const wrong = await gate.mf.dispatchFetch("http://timgate.test/__timgate/dead-letters", { headers: { authorization: "Bearer nope" } });
    assert.equal(wrong.status, 401);
    assert.equal((await wrong.json()).message, "the bearer token sent is not the worker's ADMIN_TOKEN", "a token was sent: say it is the wrong one");
  });

  it("the dead-letters command: a wrong token and an unreachable URL are one clear line, no stack trace", async () => {
    const run = (url, token) =>
      spawnSync(process.execPath, ["scripts/dead-letters.mjs", "list", "--url", url], {
        encoding: "utf8",
        env: { ...process.env, ADMIN_TOKEN: token },
      });
    const wrong = run(gate.url.href, "nope");
    assert.equal(wrong.status, 1);
    assert.equal(wrong.stderr.trim(), "HTTP 401: the bearer token sent is not the worker's ADMIN_TOKEN");
    // A port nothing listens on: one the system just gave out and took back.
    const probe = createServer().listen(0, "127.0.0.1");
    await once(probe, "listening");
    const { port } = probe.address();
    await new Promise((resolve) => probe.close(resolve));
    const down = run(`http://127.0.0.1:${port}`, "nope");
    assert.equal(down.status, 1);
    assert.match(down.stderr, new RegExp(`^cannot reach http://127\\.0\\.0\\.1:${port}: ECONNREFUSED`));
    assert.doesNotMatch(down.stderr, /\n\s+at /, "no stack trace");
    const bad = run("not a url", "nope");
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /is not a URL/);
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
