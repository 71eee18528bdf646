// The console's data endpoints (contract.md "Operator endpoints"): `POST /__timgate/api/try`
// decides a message the way a callback would be decided now, in workerd with real KV.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { beforeSend, gateForSuite, seedQuery } from "./harness.mjs";

const TOKEN = "console-token";
const BEFORE = "Group.CallbackBeforeSendMsg";

describe("POST /__timgate/api/try", () => {
  const suite = gateForSuite({ vars: { ADMIN_TOKEN: TOKEN }, rules: { block: ["buy followers"], mask: ["damn"] } });
  const tryIt = async (request, { token = TOKEN, raw } = {}) => {
    const headers = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const r = await suite.gate.mf.dispatchFetch("http://timgate.test/__timgate/api/try", {
      method: "POST",
      headers,
      body: raw ?? JSON.stringify(request),
    });
    return { status: r.status, json: await r.json() };
  };

  it("answers what the worker answers a callback, with each hit's bytes in its text", async () => {
    const text = "hey B.U.Y   f0ll0wers now, damn";
    const r = await tryIt({ text, group_id: "@TGS#room" });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.verdict, "block");
    assert.equal(r.json.group_id, "@TGS#room");
    const segment = r.json.segments[r.json.hits[0].segment].text;
    const spans = r.json.hits.map((h) => [h.term, segment.slice(h.start, h.end)]);
    // Offsets are bytes; this text is ASCII, so they are also string offsets.
    assert.deepEqual(spans.sort(), [["buy followers", "B.U.Y   f0ll0wers"], ["damn", "damn"]]);
    assert.match(r.json.segments[0].normalized, /buy followers/);
    // The same message as a callback gets the same answer.
    const callback = await suite.gate.send(BEFORE, beforeSend({ text, GroupId: "@TGS#room" }), { query: seedQuery(BEFORE) });
    assert.equal(r.json.answer, callback.text);
  });

  it("reads the group's document and the bans as stored now", async () => {
    await suite.gate.kv.put("rules:group:@TGS#quiet", JSON.stringify({ mode: "monitor", block: ["spoiler"] }));
    let r = await tryIt({ text: "a sp0iler", group_id: "@TGS#quiet" });
    assert.equal(r.json.verdict, "allow");
    assert.equal(r.json.would_be, "block", JSON.stringify(r.json));
    assert.deepEqual(r.json.hits.map((h) => [h.term, h.scope, h.enforced]), [["spoiler", "group", false]]);
    r = await tryIt({ text: "a sp0iler", group_id: "@TGS#other" });
    assert.deepEqual(r.json.hits, [], "another group's document does not apply");
    await suite.gate.kv.put("ban:explain", JSON.stringify({ until: 4102444800, reason: "spam" }));
    r = await tryIt({ text: "hello", group_id: "@TGS#quiet" });
    assert.equal(r.json.verdict, "block");
    assert.equal(r.json.basis, "global_ban");
    assert.equal(r.json.ban.reason, "spam");
  });

  it("takes a whole callback body", async () => {
    const body = beforeSend({ text: "buy", GroupId: "@TGS#room" });
    body.MsgBody.push({ MsgType: "TIMTextElem", MsgContent: { Text: "followers" } });
    const r = await tryIt({ body });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.verdict, "block", "a term across two elements");
    assert.equal(r.json.hits[0].pieces.length, 2, JSON.stringify(r.json.hits[0]));
  });

  it("refuses without the token, and says what is wrong with a bad request", async () => {
    assert.equal((await tryIt({ text: "x" }, { token: null })).status, 401);
    assert.equal((await tryIt({ text: "x" }, { token: "wrong" })).status, 401);
    for (const [request, raw] of [[null, "not json"], [{ text: "x", body: {} }], [{}], [{ text: "x", extra: 1 }]]) {
      const r = await tryIt(request, { raw });
      assert.equal(r.status, 400, JSON.stringify([request, raw, r.json]));
      assert.equal(r.json.error, "bad_request");
    }
    const r = await tryIt({ body: { CallbackCommand: "Group.CallbackAfterSendMsg" } });
    assert.equal(r.status, 400);
    assert.equal(r.json.error, "undecidable", JSON.stringify(r.json));
  });
});
