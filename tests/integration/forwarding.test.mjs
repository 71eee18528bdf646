// What goes to the origin: after-send events byte for byte and signed, other commands
// passed on, and before-type commands the origin decides (relayed, or fail-open).
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { seedQuery, seedSample, startGate, startOrigin, verifyStandardWebhook } from "./harness.mjs";

const SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
const AFTER = "Group.CallbackAfterSendMsg";

describe("forwarding to the origin", () => {
  let origin, gate;
  before(async () => {
    origin = await startOrigin();
    gate = await startGate({ origin, vars: { FORWARD_SECRET: SECRET } });
  });
  after(async () => {
    await gate.dispose();
    await origin.close();
  });
  beforeEach(() => origin.clear());

  for (const seed of ["after-room-message-sent", "after-group-message-sent", "after-group-message-sent-2021"]) {
    it(`after-send seed ${seed}: answered 0, passed on with identical bytes, query and a valid signature`, async () => {
      const body = seedSample(seed);
      const query = seedQuery(AFTER);
      const r = await gate.send(AFTER, body, { query });
      assert.deepEqual(r.json, { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
      const got = await origin.next();
      assert.equal(got.method, "POST");
      assert.equal(got.url, `/tencent?${query}`);
      assert.ok(got.body.equals(body), "body bytes are unchanged");
      assert.match(got.headers["webhook-id"], /^evt_[0-9a-f]{32}$/);
      assert.ok(Math.abs(Number(got.headers["webhook-timestamp"]) - Date.now() / 1000) < 60);
      assert.ok(verifyStandardWebhook(SECRET, got.headers, got.body), "signature verifies");
      assert.ok(!verifyStandardWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", got.headers, got.body), "and not with another secret");
    });
  }

  it("the same event sent twice carries the same webhook-id", async () => {
    const body = seedSample("after-group-message-sent");
    await gate.send(AFTER, body);
    await gate.send(AFTER, body);
    await origin.next((_, i) => origin.received.length >= 2);
    const [a, b] = origin.received;
    assert.equal(a.headers["webhook-id"], b.headers["webhook-id"]);
  });

  it("C2C after-send is passed on too", async () => {
    const body = JSON.stringify({ CallbackCommand: "C2C.CallbackAfterSendMsg", From_Account: "a", To_Account: "b", MsgKey: "k1", MsgBody: [] });
    const r = await gate.send("C2C.CallbackAfterSendMsg", body);
    assert.equal(r.json.ErrorCode, 0);
    assert.equal((await origin.next()).body.toString(), body);
  });

  it("an unknown notification command is passed on unchanged", async () => {
    const body = '{"CallbackCommand":"State.StateChange","Info":{"Action":"Login","To_Account":"u1"}}';
    const r = await gate.send("State.StateChange", body);
    assert.equal(r.json.ErrorCode, 0);
    const got = await origin.next();
    assert.ok(got.url.includes("CallbackCommand=State.StateChange"));
    assert.equal(got.body.toString(), body);
  });

  it("a before-type command the origin decides: the origin's answer is relayed", async () => {
    origin.respond = () => ({ status: 200, body: '{"ActionStatus":"OK","ErrorInfo":"no new groups","ErrorCode":1}' });
    const body = '{"CallbackCommand":"Group.CallbackBeforeCreateGroup","Operator_Account":"leckie","Name":"test"}';
    const r = await gate.send("Group.CallbackBeforeCreateGroup", body);
    assert.deepEqual(r.json, { ActionStatus: "OK", ErrorInfo: "no new groups", ErrorCode: 1 });
    const got = await origin.next();
    assert.equal(got.body.toString(), body);
    assert.ok(verifyStandardWebhook(SECRET, got.headers, got.body));
  });

  for (const [name, respond] of [
    ["answers 500", () => ({ status: 500, body: "oops" })],
    ["answers 200 with something that is not a Tencent answer", () => ({ status: 200, body: "<html>" })],
    ["is slower than the 1.5 s budget", () => ({ status: 200, body: '{"ErrorCode":1}', delayMs: 2500 })],
  ]) {
    it(`a before-type command fails open when the origin ${name}`, async () => {
      origin.respond = respond;
      const r = await gate.send("Sns.CallbackPrevFriendAdd", '{"CallbackCommand":"Sns.CallbackPrevFriendAdd"}');
      assert.deepEqual(r.json, { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
    });
  }
});

describe("forwarding without an origin reachable", () => {
  it("a before-type command fails open when the origin is down", async () => {
    const gate = await startGate({ vars: { ORIGIN_URL: "http://127.0.0.1:9/down" } });
    try {
      const r = await gate.send("Group.CallbackBeforeApplyJoinGroup", "{}");
      assert.deepEqual(r.json, { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
    } finally {
      await gate.dispose();
    }
  });
});
