// The `links` check (contract v2) in workerd: blocked with the document's code, allowed domains,
// masked links rewritten in MsgBody, review events and log lines that name the check, monitor
// mode, group documents and precompiled blobs.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { beforeSend, compileBlob, gateForSuite } from "./harness.mjs";

const GROUP = "@TGS#2J4SZEAEL";
const BEFORE = "Group.CallbackBeforeSendMsg";
const LINKS = { action: "block", allow_domains: ["example.com", "*.example.org"], code: 10120, info: "Links are not allowed" };

describe("links", () => {
  const suite = gateForSuite({ vars: { FAIL_MODE: "closed" }, rules: { block: ["buy followers"], links: LINKS } });

  const send = async (text, fields = {}) => (await suite.gate.send(BEFORE, beforeSend({ text, ...fields }))).json;

  it("blocks a link with the document's code and info, however it is spelled", async () => {
    for (const text of [
      "join cheap-likes.net today",
      "https://t.me/spamchannel",
      "cheap-likes dot net",
      "ｃｈｅａｐ－ｌｉｋｅｓ．ｎｅｔ",
      "cheap-likes。net",
      "cheap-likes[.]net",
      "see 45.33.12.9",
    ]) {
      assert.deepEqual(await send(text), { ActionStatus: "OK", ErrorInfo: "Links are not allowed", ErrorCode: 10120 }, text);
    }
    const line = suite.gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.ok(line.matched.includes("global/block:links"), JSON.stringify(line.matched));
    assert.ok(!JSON.stringify(line).includes("45.33"), "the log line holds no message text");
  });

  it("a link split across two adjacent text elements is one link", async () => {
    const body = beforeSend();
    body.MsgBody = [
      { MsgType: "TIMTextElem", MsgContent: { Text: "go to cheap-likes" } },
      { MsgType: "TIMTextElem", MsgContent: { Text: ".net now" } },
    ];
    assert.equal((await suite.gate.send(BEFORE, JSON.stringify(body))).json.ErrorCode, 10120);
  });

  it("an allowed domain passes, its subdomains only where the entry says so", async () => {
    for (const text of ["see example.com", "https://www.example.com/help", "docs.example.org/x", "EXAMPLE dot COM"]) {
      assert.deepEqual(await send(text), { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 }, text);
    }
    for (const text of ["shop.example.com", "example.com.evil.net", "exаmple.com"]) {
      assert.equal((await send(text)).ErrorCode, 10120, text);
    }
  });

  it("ordinary text with dots is not a link", async () => {
    for (const text of ["e.g. this", "pi is 3.14", "ok.so what", "see readme.md", "the end.Next time", "mail a@b.com"]) {
      assert.equal((await send(text)).ErrorCode, 0, text);
    }
  });

  it("mask rewrites the whole link in the returned MsgBody and nothing else", async () => {
    await suite.gate.kv.put("rules", JSON.stringify({ links: { action: "mask" }, mask_char: "#" }));
    const body = beforeSend();
    body.MsgBody = [
      { MsgType: "TIMTextElem", MsgContent: { Text: "join t.me/spam or cheap dot net!" } },
      { MsgType: "TIMFaceElem", MsgContent: { Index: 1, Data: "smile" } },
    ];
    const r = (await suite.gate.send(BEFORE, JSON.stringify(body))).json;
    assert.equal(r.ErrorCode, 0);
    assert.deepEqual(r.MsgBody, [
      { MsgType: "TIMTextElem", MsgContent: { Text: "join ######### or #############!" } },
      { MsgType: "TIMFaceElem", MsgContent: { Index: 1, Data: "smile" } },
    ]);
  });

  it("a review link is delivered and the review event names the check and the host", async () => {
    await suite.gate.kv.put("rules", JSON.stringify({ links: { action: "review" } }));
    assert.deepEqual(await send("add me: wa.me/8613800138000"), { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
    const event = await suite.origin.next((req) => req.url.includes("CallbackCommand=Timgate.Review"));
    const body = JSON.parse(event.body);
    assert.deepEqual(
      body.matches.map((m) => [m.check, m.term, m.action, m.location, m.start, m.end]),
      [["links", "wa.me", "review", "MsgBody[0].MsgContent.Text", 8, 27]],
    );
  });

  it("monitor mode reports a link without blocking it", async () => {
    await suite.gate.kv.put(`rules:group:${GROUP}`, JSON.stringify({ links: { action: "block" }, mode: "monitor" }));
    await suite.gate.kv.put("rules", JSON.stringify({ block: ["buy followers"] }));
    assert.equal((await send("visit cheap-likes.net")).ErrorCode, 0);
    const event = await suite.origin.next((req) => req.url.includes("Timgate.Review"));
    const body = JSON.parse(event.body);
    assert.deepEqual([body.verdict, body.action, body.monitor], ["allow", "block", true]);
    assert.deepEqual(body.matches.map((m) => [m.check, m.term, m.scope, m.enforced]), [["links", "cheap-likes.net", "group", false]]);
  });

  it("a group document's links check applies to that group only", async () => {
    await suite.gate.kv.put("rules", JSON.stringify({ block: ["buy followers"] }));
    await suite.gate.kv.put(`rules:group:${GROUP}`, JSON.stringify({ links: { action: "discard" } }));
    assert.equal((await send("visit cheap-likes.net")).ErrorCode, 2);
    assert.equal((await send("visit cheap-likes.net", { GroupId: "@TGS#other" })).ErrorCode, 0);
  });

  it("a precompiled blob carries the links check", async () => {
    const doc = JSON.stringify({ block: ["zorblax"], links: { action: "block", allow_domains: ["example.com"], code: 10121 } });
    await suite.gate.kv.put("rules", doc);
    await suite.gate.kv.put("rules:compiled", compileBlob(doc));
    assert.equal((await send("visit cheap-likes.net")).ErrorCode, 10121);
    assert.equal((await send("visit example.com")).ErrorCode, 0);
    const line = suite.gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.equal(line.problems, undefined, "the blob was used without complaint");
  });
});
