// The console's data endpoints (contract.md "Operator endpoints"): `POST /__timgate/api/try`
// decides a message the way a callback would be decided now, in workerd with real KV.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { beforeSend, eventually, gateForSuite, seedQuery } from "./harness.mjs";

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

describe("GET /__timgate/api/verdicts", () => {
  const suite = gateForSuite({ vars: { ADMIN_TOKEN: TOKEN }, rules: { block: ["buy followers"], mask: ["damn"] } });
  const list = async (query = "") => {
    const r = await suite.gate.mf.dispatchFetch(`http://timgate.test/__timgate/api/verdicts?${query}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    return { status: r.status, json: await r.json() };
  };

  it("lists the decisions other than allow, newest first, filtered by verdict and group", async () => {
    const send = (text, GroupId) => suite.gate.send(BEFORE, beforeSend({ text, GroupId }), { query: seedQuery(BEFORE) });
    const unique = `@TGS#v${Date.now()}`;
    assert.equal((await send("buy followers here", unique)).json.ErrorCode, 1);
    assert.equal((await send("hello there", unique)).json.ErrorCode, 0);
    assert.equal((await send("oh damn", `${unique}-other`)).json.ErrorCode, 0);
    const all = await eventually(async () => {
      const { json } = await list();
      const mine = json.verdicts.filter((v) => v.group?.startsWith(unique));
      return mine.length >= 2 && { json, mine };
    }, { what: "two verdicts kept" });
    assert.equal(all.json.configured, true);
    assert.deepEqual(all.mine.map((v) => [v.verdict, v.group]), [["mask", `${unique}-other`], ["block", unique]], "newest first, the allow left out");
    assert.deepEqual(all.mine[1].hits.map((h) => [h.check, h.term, h.action]), [["term", "buy followers", "block"]]);
    assert.equal(all.mine[1].sender, beforeSend().From_Account);
    assert.ok(!JSON.stringify(all.json).includes("buy followers here"), "the text is not kept");
    const blocks = (await list(`verdict=block&group=${encodeURIComponent(unique)}`)).json.verdicts;
    assert.deepEqual(blocks.map((v) => v.verdict), ["block"]);
    assert.equal((await list("verdict=discard")).json.verdicts.filter((v) => v.group?.startsWith(unique)).length, 0);
    const refused = await suite.gate.mf.dispatchFetch("http://timgate.test/__timgate/api/verdicts");
    assert.equal(refused.status, 401);
  });

  it("keeps a contacts hit as its check alone, never the number the sender wrote", async () => {
    await suite.gate.kv.put("rules", JSON.stringify({ contacts: { action: "block" } }));
    const group = `@TGS#c${Date.now()}`;
    const r = await suite.gate.send(BEFORE, beforeSend({ text: "call me on 138 0013 8000", GroupId: group }), { query: seedQuery(BEFORE) });
    assert.equal(r.json.ErrorCode, 1);
    const entry = await eventually(async () => (await list(`group=${encodeURIComponent(group)}`)).json.verdicts[0], { what: "the contacts verdict" });
    assert.equal(entry.hits[0].check, "contacts:phone");
    assert.equal(entry.hits[0].term, "");
    // (Not the time and the group name, which are clock readings: `at` 1796567561384 holds a
    // `138` of its own, and made this test fail once in a fresh clone, 2026-12-06.)
    const { at: _at, group: _group, ...kept } = entry;
    assert.ok(!/138|0013|8000/.test(JSON.stringify(kept)), JSON.stringify(entry));
  });
});

describe("console writes: refusals and the write log", () => {
  const suite = gateForSuite({ vars: { ADMIN_TOKEN: TOKEN }, rules: { block: ["buy followers"] } });
  const call = async (method, path, body, headers = {}) => {
    const r = await suite.gate.mf.dispatchFetch(`http://timgate.test/__timgate/${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: r.status, json: await r.json(), headers: r.headers };
  };

  it("saves a group document only when it is valid, current, without patterns and without a blob", async () => {
    const key = encodeURIComponent("rules:group:@TGS#w");
    let r = await call("PUT", `api/rules/${key}`, { text: '{"blokc": ["x"]}', version: null });
    assert.equal(r.status, 422);
    assert.match(r.json.problems[0].message, /did you mean `block`/);
    r = await call("PUT", `api/rules/${key}`, { text: JSON.stringify({ block: ["x"], patterns: [{ pattern: "a+b", action: "block" }] }), version: null });
    assert.equal(r.status, 409);
    assert.match(r.json.message, /patterns.*rules tool/);
    r = await call("PUT", `api/rules/${key}`, { text: '{"block": ["spoiler"]}', version: null }, { "x-timgate-operator": encodeURIComponent("张伟") });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const version = r.json.version;
    r = await call("PUT", `api/rules/${key}`, { text: '{"block": ["spoilers"]}', version: "stale" });
    assert.equal(r.status, 409, "a save from an old version is refused");
    assert.match(r.json.message, /changed since it was opened/);
    r = await call("PUT", `api/rules/${key}`, { text: '{"block": ["spoilers"]}', version, key: "rules" });
    assert.equal(r.status, 400, "the body's key must be the path's");
    await suite.gate.kv.put("rules:group:@TGS#w:compiled", "blob bytes");
    r = await call("PUT", `api/rules/${key}`, { text: '{"block": ["spoilers"]}', version });
    assert.equal(r.status, 409);
    assert.match(r.json.message, /precompiled blob/);
    for (const bad of ["rules:group:", "rules:group:a:b", "rules:group:@TGS#w:compiled", "ban:x", encodeURIComponent("rules:group: padded")]) {
      r = await call("PUT", `api/rules/${encodeURIComponent(bad)}`, { text: "{}", version: null });
      assert.equal(r.status, 400, bad);
    }
    const line = suite.gate.logLines().find((l) => l.event === "operator_write" && l.status === 200 && l.path.startsWith("api/rules/"));
    assert.ok(line, "the save is logged");
    assert.equal(line.operator, "张伟", "a name outside Latin-1, decoded");
    assert.equal(line.detail.version, version);
    assert.equal(line.token.length, 12);
    assert.ok(!JSON.stringify(suite.gate.logLines()).includes(TOKEN), "the token is never logged");
    const refused = suite.gate.logLines().filter((l) => l.event === "operator_write" && l.status === 409);
    assert.ok(refused.length >= 3, "refused writes are logged too");
    assert.ok(!suite.gate.logLines().some((l) => l.event === "operator_write" && l.path === "api/try"), "a trial is no write");
  });

  it("does not replace a ban unless asked, and bounds what it stores", async () => {
    let r = await call("PUT", "api/bans", { user: "u1", seconds: null, reason: "abuse" });
    assert.equal(r.status, 200);
    r = await call("PUT", "api/bans", { user: "u1", seconds: 3600 });
    assert.equal(r.status, 409);
    assert.match(r.json.message, /already banned \(until lifted, abuse\)/);
    r = await call("PUT", "api/bans", { user: "u1", seconds: 3600, replace: true });
    assert.equal(r.status, 200);
    await suite.gate.kv.put("ban:u2", JSON.stringify({ until: Math.floor(Date.now() / 1000) - 10, reason: "old" }));
    r = await call("PUT", "api/bans", { user: "u2", seconds: 60 });
    assert.equal(r.status, 200, "an ended ban is simply replaced");
    const chunked = await suite.gate.mf.dispatchFetch("http://timgate.test/__timgate/api/bans", {
      method: "PUT",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: new ReadableStream({ start(c) { for (let i = 0; i < 300; i++) c.enqueue(new Uint8Array(1024).fill(32)); c.close(); } }),
      duplex: "half",
    });
    assert.equal(chunked.status, 413, "a streamed body is given up past the limit");
    assert.ok(r.json.until > Date.now() / 1000);
    const lines = suite.gate.logLines().filter((l) => l.event === "operator_write" && l.path === "api/bans");
    assert.deepEqual(lines.map((l) => [l.status, l.detail?.key ?? null]).slice(0, 3), [[200, "ban:u1"], [409, null], [200, "ban:u1"]], "each ban write, refused or not");
    for (const bad of [{ user: "a:b" }, { user: " a" }, { user: "x".repeat(201) }, { user: "a", seconds: 0 }, { user: "a", seconds: 1e13 }, { user: "a", group: "g\n" }]) {
      r = await call("PUT", "api/bans", bad);
      assert.equal(r.status, 400, JSON.stringify(bad));
    }
    await suite.gate.kv.put("ban:ban:x", JSON.stringify({ reason: "r" }));
    const listed = (await call("GET", "api/bans?q=ban%3Ax")).json.bans.find((b) => b.key === "ban:ban:x");
    assert.deepEqual([listed.group, listed.user], ["ban", "x"], "a mute in group `ban`, not a global ban");
    r = await call("DELETE", `api/bans/${encodeURIComponent("rules")}`);
    assert.equal(r.status, 400, "only ban keys are deleted");
    assert.ok(await suite.gate.kv.get("rules"));
  });

  it("refuses a declared body over the limit before reading it, and answers are not cached", async () => {
    const r = await call("POST", "api/try", "x".repeat(300 * 1024));
    assert.equal(r.status, 413);
    const ok = await call("GET", "api/rules");
    assert.equal(ok.headers.get("cache-control"), "no-store");
  });
});

