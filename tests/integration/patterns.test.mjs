// The `patterns` check (contract v2) in workerd: patterns come compiled in the document's blob
// (the worker cannot compile one); applied with the document's code, masked in MsgBody, named
// `patterns[i]` in review events and log lines, monitor mode; a document without its blob follows
// FAIL_MODE and says why, except for the patterns an earlier version's blob holds.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { beforeSend, compileBlob, gateForSuite } from "./harness.mjs";

const GROUP = "@TGS#2J4SZEAEL";
const BEFORE = "Group.CallbackBeforeSendMsg";
const WECHAT_ID = "\\bv\\s*x\\s*[:：]?\\s*[a-z][a-z0-9_-]{5,19}\\b";
const DOC = JSON.stringify({
  patterns: [
    { pattern: WECHAT_ID, action: "block", code: 10130, info: "No contact details" },
    { pattern: "\\d{3}-\\d{4}", action: "mask" },
    { pattern: "(?:cheap|free)\\s+(?:likes|followers)", action: "review" },
    { pattern: "VIP", action: "discard", raw: true },
  ],
});

describe("patterns", () => {
  // FAIL_MODE closed: a document whose patterns are not compiled must not let anything through.
  const suite = gateForSuite({ vars: { FAIL_MODE: "closed" }, rules: { block: ["buy followers"] } });
  const send = async (text, fields = {}) => (await suite.gate.send(BEFORE, beforeSend({ text, ...fields }))).json;
  const withBlob = async (key, doc) => {
    await suite.gate.kv.put(key, doc);
    await suite.gate.kv.put(`${key}:compiled`, compileBlob(doc));
  };

  it("a pattern from the blob blocks with the document's code, however the text is spelled", async () => {
    await withBlob("rules", DOC);
    for (const text of ["加vx：alice_88", "VX alice88", "ＶＸ：ＡＬＩＣＥ８８ 聊", "v x: al\u200Bice88", "a\u0301dd vx:alice88"]) {
      assert.deepEqual(await send(text), { ActionStatus: "OK", ErrorInfo: "No contact details", ErrorCode: 10130 }, text);
    }
    for (const text of ["the vx is out", "avx: alice88", "vx: 88alice", "vx: abc"]) {
      assert.deepEqual(await send(text), { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 }, text);
    }
    const line = suite.gate.logLines().filter((l) => l.event === "callback" && l.matched?.length).at(-1);
    assert.deepEqual(line.matched, ["global/block:patterns[0]"]);
    assert.ok(!JSON.stringify(line).includes("alice"), "the log line holds no message text");
    assert.equal(line.problems, undefined, "the blob was used without complaint");
  });

  it("mask rewrites every match in the returned MsgBody, across elements", async () => {
    await withBlob("rules", DOC);
    const body = beforeSend();
    body.MsgBody = [
      { MsgType: "TIMTextElem", MsgContent: { Text: "call 555-12" } },
      { MsgType: "TIMTextElem", MsgContent: { Text: "34 or 666-9999" } },
    ];
    const r = (await suite.gate.send(BEFORE, JSON.stringify(body))).json;
    assert.equal(r.ErrorCode, 0, JSON.stringify(r));
    assert.deepEqual(r.MsgBody.map((e) => e.MsgContent.Text), ["call ******", "** or ********"]);
  });

  it("raw patterns read the text as sent; review events name the pattern", async () => {
    await withBlob("rules", DOC);
    assert.equal((await send("VIP room")).ErrorCode, 2, "discarded");
    assert.equal((await send("vip room")).ErrorCode, 0, "raw is case-sensitive");
    assert.equal((await send("ＶＩＰ room")).ErrorCode, 0, "raw is not folded");
    assert.equal((await send("get FREE   Likes")).ErrorCode, 0);
    const event = await suite.origin.next((req) => req.url.includes("Timgate.Review"));
    const matches = JSON.parse(event.body).matches.map((m) => [m.check, m.term, m.action, m.start, m.end]);
    assert.deepEqual(matches, [["patterns[2]", "(?:cheap|free)\\s+(?:likes|followers)", "review", 4, 16]]);
  });

  it("monitor mode reports a pattern without carrying it out", async () => {
    await withBlob(`rules:group:${GROUP}`, JSON.stringify({ patterns: [{ pattern: "spoiler", action: "block" }], mode: "monitor" }));
    assert.equal((await send("big SPOILER ahead")).ErrorCode, 0);
    const body = JSON.parse((await suite.origin.next((req) => req.url.includes("Timgate.Review"))).body);
    assert.deepEqual([body.action, body.monitor], ["block", true]);
    assert.deepEqual(body.matches.map((m) => [m.check, m.scope, m.enforced]), [["patterns[0]", "group", false]]);
  });

  it("a document with patterns but no blob follows FAIL_MODE (closed: forbidden) and logs why", async () => {
    await suite.gate.kv.put("rules", DOC);
    assert.equal((await send("hello there")).ErrorCode, 1, "fail closed");
    const line = suite.gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.equal(line.basis, "fail_mode");
    assert.match(JSON.stringify(line.problems), /4 pattern\(s\) not compiled .*push/);
    // Said at error level once per isolate, not on every callback.
    assert.equal((await send("hello once more")).ErrorCode, 1);
    const loud = suite.gate.logLines().filter((l) => l.event === "fail_mode");
    assert.equal(loud.length, 1, JSON.stringify(loud));
    assert.equal(loud[0].level, "error");
    assert.match(JSON.stringify(loud[0].problems), /not compiled/);
    // A blob made from another version with other patterns does not help.
    await suite.gate.kv.put("rules:compiled", compileBlob(JSON.stringify({ patterns: [{ pattern: "x+", action: "block" }] })));
    await suite.gate.kv.put("rules", DOC.replace("No contact details", "No contacts"));
    assert.equal((await send("hello again")).ErrorCode, 1);
  });

  it("a blob written after its document is used at the next refresh (not FAIL_MODE for good)", async () => {
    await suite.gate.kv.delete("rules:compiled");
    await suite.gate.kv.put("rules", DOC);
    assert.equal((await send("hello there")).ErrorCode, 1, "no blob yet: fail closed");
    // The tool's blob arrives after the document (or KV's edge cache served an older one); the
    // document's bytes do not change.
    await suite.gate.kv.put("rules:compiled", compileBlob(DOC));
    assert.equal((await send("hello there")).ErrorCode, 0, "decided by the rules, not FAIL_MODE");
    assert.equal((await send("vx: alice_88")).ErrorCode, 10130);
  });

  it("a document edited by hand after a push keeps the patterns it did not change", async () => {
    await withBlob("rules", DOC);
    assert.equal((await send("vx: alice_88")).ErrorCode, 10130);
    // Edited in KV without the tool: another info, and a term added; the patterns are the same.
    const edited = JSON.parse(DOC);
    edited.patterns[0].info = "No WeChat ids";
    edited.block = ["zorblax"];
    await suite.gate.kv.put("rules", JSON.stringify(edited));
    assert.deepEqual(await send("vx: alice_88"), { ActionStatus: "OK", ErrorInfo: "No WeChat ids", ErrorCode: 10130 });
    assert.equal((await send("hello there")).ErrorCode, 0, "decided by the rules, not FAIL_MODE");
    assert.equal((await send("so zorblax")).ErrorCode, 1);
    // A pattern added by hand cannot be compiled by the worker: FAIL_MODE (closed) again.
    edited.patterns.push({ pattern: "new+", action: "block" });
    await suite.gate.kv.put("rules", JSON.stringify(edited));
    assert.equal((await send("hello there")).ErrorCode, 1);
    const line = suite.gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.match(JSON.stringify(line.problems), /1 pattern\(s\) not compiled/);
  });
});
