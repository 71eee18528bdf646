// Failure: nothing that fails turns into a forbid unless the operator chose FAIL_MODE=closed.
// Each refusal (status + JSON body) and each hostile input is a row of bad-input.test.mjs.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { beforeSend, emptyKv, startGate, startOrigin } from "./harness.mjs";

const BEFORE = "Group.CallbackBeforeSendMsg";

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
      await emptyKv(gate.kv);
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

    it(`a rule document broken after it was absent has no last good one → ErrorCode ${expected}`, async () => {
      // The first callback finds no document (cached as absent); "absent" is not a last good document.
      assert.equal((await gate.send(BEFORE, beforeSend({ text: "hello" }))).json.ErrorCode, 0);
      await gate.kv.put("rules", '{"block": [');
      const r = await gate.send(BEFORE, beforeSend({ text: "hello" }));
      assert.equal(r.json.ErrorCode, expected);
      const line = gate.logLines().filter((l) => l.event === "callback").at(-1);
      assert.equal(line.basis, "fail_mode");
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
  it("/__timgate/health lists every problem at once, even when the settings are unusable", async () => {
    const gate = await startGate({ vars: { ORIGIN_URL: "origin.example.com", FAIL_MODE: "shut", ADMIN_TOKEN: "health-token" } });
    try {
      const get = (headers = {}) => gate.mf.dispatchFetch("http://timgate.test/__timgate/health", { headers });
      assert.equal((await get()).status, 401, "the report needs the token");
      const r = await get({ authorization: "Bearer health-token" });
      assert.equal(r.status, 200);
      const report = await r.json();
      assert.equal(report.ok, false);
      assert.deepEqual(report.problems, ['ORIGIN_URL must start with http:// or https://', 'FAIL_MODE must be "open" or "closed", not "shut"']);
    } finally {
      await gate.dispose();
    }
    const healthy = await startGate({ vars: { ADMIN_TOKEN: "health-token" } });
    try {
      const r = await healthy.mf.dispatchFetch("http://timgate.test/__timgate/health", { headers: { authorization: "Bearer health-token" } });
      const report = await r.json();
      assert.equal(report.ok, true, JSON.stringify(report));
      assert.deepEqual(report.problems, []);
      assert.ok(report.notes.some((n) => n.startsWith("SDKAPPID is the demo's")), JSON.stringify(report.notes));
    } finally {
      await healthy.dispose();
    }
  });

  it("every bad setting is named in one answer, not only the first", async () => {
    const gate = await startGate({ vars: { ORIGIN_URL: "origin.example.com", FAIL_MODE: "shut" } });
    try {
      const r = await gate.send(BEFORE, beforeSend({ text: "hi" }));
      assert.equal(r.status, 500);
      assert.equal(r.json.error, "misconfigured");
      assert.match(r.json.message, /ORIGIN_URL must start with http:\/\/ or https:\/\/; FAIL_MODE must be "open" or "closed", not "shut"/);
    } finally {
      await gate.dispose();
    }
  });

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
