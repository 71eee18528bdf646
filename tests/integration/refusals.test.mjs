// Bad input and failure: every refusal has its documented status and JSON body; nothing that
// fails turns into a forbid unless the operator chose FAIL_MODE=closed.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { beforeSend, seedQuery, startGate, startOrigin, tencentSign } from "./harness.mjs";

const BEFORE = "Group.CallbackBeforeSendMsg";
const TOKEN = "xxxxyyyy";
const now = () => Math.floor(Date.now() / 1000);
const signedQuery = (time, sign = tencentSign(TOKEN, time)) => seedQuery(BEFORE, { extra: { RequestTime: String(time), Sign: sign } });

describe("requests refused before any decision", () => {
  let gate;
  before(async () => {
    gate = await startGate({ vars: { CALLBACK_TOKEN: TOKEN } });
  });
  after(() => gate.dispose());

  const cases = [
    { name: "another app's SdkAppid", query: () => seedQuery(BEFORE, { sdkAppId: "1400000001" }), status: 403, error: "wrong_sdkappid" },
    { name: "no SdkAppid", query: () => "CallbackCommand=" + BEFORE, status: 403, error: "wrong_sdkappid" },
    { name: "no Sign", query: () => seedQuery(BEFORE), status: 401, error: "bad_signature" },
    { name: "wrong Sign", query: () => signedQuery(now(), tencentSign("other", now())), status: 401, error: "bad_signature" },
    { name: "stale RequestTime (replay)", query: () => signedQuery(now() - 120), status: 401, error: "bad_signature" },
    { name: "future RequestTime", query: () => signedQuery(now() + 120), status: 401, error: "bad_signature" },
    { name: "wrong-length Sign", query: () => signedQuery(now(), tencentSign(TOKEN, now()).slice(0, 40)), status: 401, error: "bad_signature" },
    { name: "GET", query: () => signedQuery(now()), method: "GET", status: 405, error: "method_not_allowed" },
    { name: "PUT", query: () => signedQuery(now()), method: "PUT", status: 405, error: "method_not_allowed" },
    { name: "duplicate SdkAppid", query: () => signedQuery(now()) + "&SdkAppid=1", status: 400, error: "duplicate_parameter" },
    { name: "body over 64 KB", query: () => signedQuery(now()), body: "x".repeat(64 * 1024 + 1), status: 413, error: "body_too_large" },
    {
      name: "CallbackCommand differs between query and body",
      query: () => signedQuery(now()),
      body: beforeSend({ CallbackCommand: "C2C.CallbackBeforeSendMsg", text: "hi" }),
      status: 400,
      error: "command_mismatch",
    },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.error}`, async () => {
      const r = await gate.send(BEFORE, c.body ?? beforeSend({ text: "hi" }), { query: c.query(), method: c.method });
      assert.equal(r.status, c.status);
      assert.equal(r.json.error, c.error);
      assert.equal(typeof r.json.message, "string");
    });
  }

  it("a correctly signed request is decided", async () => {
    const r = await gate.send(BEFORE, beforeSend({ text: "hi" }), { query: signedQuery(now()) });
    assert.equal(r.status, 200);
    assert.equal(r.json.ErrorCode, 0);
  });

  it("exactly 64 KB is accepted", async () => {
    const filler = "a".repeat(64 * 1024 - JSON.stringify(beforeSend({ text: "" })).length);
    const body = JSON.stringify(beforeSend({ text: filler }));
    assert.equal(Buffer.byteLength(body), 64 * 1024);
    assert.equal((await gate.send(BEFORE, body, { query: signedQuery(now()) })).status, 200);
  });
});

for (const [mode, expected] of [["open", 0], ["closed", 1]]) {
  describe(`FAIL_MODE=${mode}: what timgate cannot read`, () => {
    let gate, origin;
    before(async () => {
      origin = await startOrigin();
      gate = await startGate({ origin, vars: { FAIL_MODE: mode } });
    });
    after(async () => {
      await gate.dispose();
      await origin.close();
    });
    beforeEach(async () => {
      for (const { name } of (await gate.kv.list()).keys) await gate.kv.delete(name);
    });

    for (const [name, body] of [
      ["malformed JSON", '{"MsgBody": [ {"MsgType": "TIMTextElem", '],
      ["an empty body", ""],
      ["a JSON array", "[]"],
      ["a JSON number", "42"],
      ["MsgBody as an object", JSON.stringify({ ...beforeSend(), MsgBody: { Text: "x" } })],
    ]) {
      it(`${name} → ErrorCode ${expected}`, async () => {
        const r = await gate.send(BEFORE, body);
        assert.equal(r.status, 200);
        assert.deepEqual(r.json, { ActionStatus: "OK", ErrorInfo: "", ErrorCode: expected });
      });
    }

    it(`a rule document that is not JSON, with no last good one → ErrorCode ${expected}`, async () => {
      await gate.kv.put("rules", "{ block: oops");
      const r = await gate.send(BEFORE, beforeSend({ text: "hello" }));
      assert.equal(r.json.ErrorCode, expected);
      const line = gate.logLines().filter((l) => l.event === "callback").at(-1);
      assert.equal(line.basis, "fail_mode");
      assert.ok(line.problems.some((p) => p.startsWith("rules:")), JSON.stringify(line));
    });

    it("a broken rule document keeps the last good rules", async () => {
      await gate.kv.put("rules", JSON.stringify({ block: ["buy followers"] }));
      assert.equal((await gate.send(BEFORE, beforeSend({ text: "buy followers" }))).json.ErrorCode, 1);
      await gate.kv.put("rules", '{"block": [{"term": ');
      assert.equal((await gate.send(BEFORE, beforeSend({ text: "buy followers" }))).json.ErrorCode, 1, "last good still blocks");
      assert.equal((await gate.send(BEFORE, beforeSend({ text: "hello" }))).json.ErrorCode, 0, "and still allows");
    });

    it("a message without From_Account is still checked against the rules", async () => {
      await gate.kv.put("rules", JSON.stringify({ block: ["buy followers"] }));
      const body = beforeSend({ text: "buy followers" });
      delete body.From_Account;
      assert.equal((await gate.send(BEFORE, body)).json.ErrorCode, 1);
    });

    it("after-send with a body that does not parse is still passed on, byte for byte", async () => {
      origin.clear();
      const body = Buffer.from([0x7b, 0xff, 0xfe, 0x22]);
      const r = await gate.send("Group.CallbackAfterSendMsg", body);
      assert.equal(r.json.ErrorCode, 0);
      assert.ok((await origin.next()).body.equals(body));
    });
  });
}

describe("misconfiguration", () => {
  it("a missing SDKAPPID is HTTP 500 with the setting's name", async () => {
    const gate = await startGate({ vars: { SDKAPPID: "" } });
    try {
      const r = await gate.send(BEFORE, beforeSend({ text: "hi" }));
      assert.equal(r.status, 500);
      assert.equal(r.json.error, "misconfigured");
      assert.match(r.json.message, /SDKAPPID/);
    } finally {
      await gate.dispose();
    }
  });
});
