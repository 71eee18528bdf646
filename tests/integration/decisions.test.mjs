// Before-send decisions in workerd: every verdict of the contract, bans, C2C, and the seed
// samples sent verbatim.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, beforeEach, describe, it } from "node:test";
import { beforeSend, c2cBeforeSend, compileBlob, emptyKv, seedSample, startGate, startOrigin } from "./harness.mjs";

const GROUP = "@TGS#2J4SZEAEL";
const RULES = {
  block: [{ term: "buy followers" }, { term: "傻逼", code: 10101, info: "Watch your language" }],
  discard: [{ term: "free crypto" }],
  mask: [{ term: "damn" }, { term: "sex*" }],
  review: [{ term: "telegram" }],
  allow: ["sextant"],
};
const BEFORE = "Group.CallbackBeforeSendMsg";
const now = () => Math.floor(Date.now() / 1000);

describe("before-send decisions", () => {
  let origin, gate;
  before(async () => {
    origin = await startOrigin();
    // FAIL_MODE closed: an answer of 0 can only come from a real decision, never from a parse failure.
    gate = await startGate({ origin, vars: { FAIL_MODE: "closed" } });
  });
  after(async () => {
    await gate.dispose();
    await origin.close();
  });
  beforeEach(async () => {
    origin.clear();
    await emptyKv(gate.kv);
    await gate.kv.put("rules", JSON.stringify(RULES));
  });

  it("decides the seed sample exactly as Tencent's docs print it (comments included): allow", async () => {
    const r = await gate.send(BEFORE, seedSample("before-room-message-sent"));
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
  });

  it("forbids the verbatim seed sample once its text is a block term", async () => {
    await gate.kv.put("rules", JSON.stringify({ block: [{ term: "red packet" }] }));
    const r = await gate.send(BEFORE, seedSample("before-room-message-sent"));
    assert.deepEqual(r.json, { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 1 });
  });

  const verdicts = [
    { name: "clean text is allowed", text: "see you at the red packet party", code: 0 },
    { name: "block term forbids (1)", text: "want to BUY FOLLOWERS cheap?", code: 1 },
    { name: "custom code and ErrorInfo", text: "你这个傻逼", code: 10101, info: "Watch your language" },
    { name: "discard term discards silently (2)", text: "free crypto for all", code: 2 },
    { name: "review term delivers", text: "add me on telegram", code: 0 },
    { name: "allow-listed word is not a match (the masked prefix term sex* is left alone)", text: "look at my new sextant", code: 0 },
    { name: "Latin terms match whole words: Scunthorpe is not a match for anything", text: "greetings from scunthorpe", code: 0 },
    { name: "strongest action wins: block over mask", text: "damn, buy followers", code: 1 },
    { name: "strongest action wins: discard over mask", text: "damn, free crypto", code: 2 },
  ];
  for (const v of verdicts) {
    it(v.name, async () => {
      const r = await gate.send(BEFORE, beforeSend({ text: v.text }));
      assert.equal(r.status, 200);
      assert.equal(r.json.ErrorCode, v.code);
      assert.equal(r.json.ErrorInfo, v.info ?? "");
      assert.equal(r.json.MsgBody, undefined, "only masking returns a MsgBody");
    });
  }

  it("masks the matched span and returns the other elements and fields byte for byte", async () => {
    const body = beforeSend();
    body.MsgBody = [
      { MsgType: "TIMTextElem", MsgContent: { Text: "oh Damn it" } },
      { MsgType: "TIMCustomElem", MsgContent: { Desc: "CustomElement.MemberLevel", Data: "LV1" } },
    ];
    const r = await gate.send(BEFORE, body);
    assert.equal(r.json.ErrorCode, 0);
    assert.deepEqual(r.json.MsgBody, [
      { MsgType: "TIMTextElem", MsgContent: { Text: "oh **** it" } },
      { MsgType: "TIMCustomElem", MsgContent: { Desc: "CustomElement.MemberLevel", Data: "LV1" } },
    ]);
    assert.ok(r.text.includes(JSON.stringify(body.MsgBody[1])), "untouched element is byte-identical");
    assert.equal(r.json.CloudCustomData, undefined, "CloudCustomData unchanged, so not returned");
  });

  it("masks quoted text in CloudCustomData and text inside merged-forward messages", async () => {
    const body = beforeSend();
    body.CloudCustomData = JSON.stringify({ messageReply: { messageAbstract: "damn right", messageSender: "bob" } });
    body.MsgBody = [
      {
        MsgType: "TIMRelayElem",
        MsgContent: { Title: "History", MsgList: [{ MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "so damn" } }] }] },
      },
    ];
    const r = await gate.send(BEFORE, body);
    assert.equal(r.json.MsgBody[0].MsgContent.MsgList[0].MsgBody[0].MsgContent.Text, "so ****");
    assert.equal(JSON.parse(r.json.CloudCustomData).messageReply.messageAbstract, "**** right");
  });

  const evasions = [
    { name: "dotted letters", text: "oh d.a.m.n it", masked: "oh ******* it" },
    { name: "full-width", text: "oh ｄａｍｎ it", masked: "oh **** it" },
    { name: "zero-width space inside", text: "oh da\u200Bmn it", masked: "oh ***** it" },
    { name: "accents and capitals", text: "oh DÄMN it", masked: "oh **** it" },
    { name: "repeated letters", text: "oh daaaamn it", masked: "oh ******* it" },
    { name: "Cyrillic look-alike", text: "oh d\u0430mn it", masked: "oh **** it" },
  ];
  for (const e of evasions) {
    it(`masks an evasive spelling in the original text exactly: ${e.name}`, async () => {
      const r = await gate.send(BEFORE, beforeSend({ text: e.text }));
      assert.equal(r.json.ErrorCode, 0);
      assert.equal(r.json.MsgBody[0].MsgContent.Text, e.masked);
    });
  }

  // Issue 12: the whole message as the reader sees it.
  it("a term split across two adjacent text elements is forbidden", async () => {
    for (const [a, b] of [["buy fol", "lowers now"], ["你这个傻", "逼"], ["BUY", " FOLLOWERS"]]) {
      const body = beforeSend();
      body.MsgBody = [
        { MsgType: "TIMTextElem", MsgContent: { Text: a } },
        { MsgType: "TIMTextElem", MsgContent: { Text: b } },
      ];
      const r = await gate.send(BEFORE, JSON.stringify(body));
      assert.ok([1, 10101].includes(r.json.ErrorCode), `${a}|${b}: ${r.text}`);
    }
  });

  it("a face element between two text elements does not break the line (2026-12-05)", async () => {
    // A face is shown among the text around it: `kill`, a face, `yourself` reads as `kill`, an
    // image, `yourself` (an emoji between two words, as `kill🔥yourself` in one element).
    await gate.kv.put("rules", JSON.stringify({ block: ["buy followers", "kill yourself", "red packet", "傻逼"] }));
    for (const [a, b] of [["buy ", " followers"], ["kill", "yourself"], ["red", "packet"], ["你这个傻", "逼"]]) {
      const body = beforeSend();
      body.MsgBody = [
        { MsgType: "TIMTextElem", MsgContent: { Text: a } },
        { MsgType: "TIMFaceElem", MsgContent: { Index: 1, Data: "[TUIEmoji_Smile]" } },
        { MsgType: "TIMTextElem", MsgContent: { Text: b } },
      ];
      const r = await gate.send(BEFORE, JSON.stringify(body));
      assert.ok([1, 10101].includes(r.json.ErrorCode), `${a}|face|${b}: ${r.text}`);
    }
    // The face's own Data is still read, as a piece of its own.
    const body = beforeSend();
    body.MsgBody = [
      { MsgType: "TIMTextElem", MsgContent: { Text: "hello" } },
      { MsgType: "TIMFaceElem", MsgContent: { Index: 1, Data: "buy followers" } },
    ];
    assert.ok([1, 10101].includes((await gate.send(BEFORE, JSON.stringify(body))).json.ErrorCode));
  });

  it("an element that shows nothing between two text elements does not break the line (2026-12-07)", async () => {
    // An adversarial pass: `buy fol`, an empty custom element, `lowers` was allowed.
    await gate.kv.put("rules", JSON.stringify({ block: ["buy followers", "傻逼"] }));
    const nothing = [
      { MsgType: "TIMCustomElem", MsgContent: { Data: "", Desc: "", Ext: "" } },
      { MsgType: "TIMCustomElem", MsgContent: {} },
      { MsgType: "TIMTextElem", MsgContent: {} },
      { MsgType: "TIMNoSuchElem", MsgContent: { Text: "x" } },
    ];
    for (const middle of nothing) {
      for (const [a, b] of [["buy fol", "lowers now"], ["你这个傻", "逼"]]) {
        const body = beforeSend();
        body.MsgBody = [
          { MsgType: "TIMTextElem", MsgContent: { Text: a } },
          middle,
          { MsgType: "TIMTextElem", MsgContent: { Text: b } },
        ];
        const r = await gate.send(BEFORE, JSON.stringify(body));
        assert.ok([1, 10101].includes(r.json.ErrorCode), `${a}|${JSON.stringify(middle)}|${b}: ${r.text}`);
      }
    }
    // An image between them still ends the line: two pieces, no term across them.
    const body = beforeSend();
    body.MsgBody = [
      { MsgType: "TIMTextElem", MsgContent: { Text: "buy fol" } },
      { MsgType: "TIMImageElem", MsgContent: { UUID: "u", ImageInfoArray: [{ URL: "https://x/i" }] } },
      { MsgType: "TIMTextElem", MsgContent: { Text: "lowers now" } },
    ];
    assert.equal((await gate.send(BEFORE, JSON.stringify(body))).json.ErrorCode, 0);
  });

  it("escaped text in embedded JSON that serde_json refuses (a huge number, NaN) is forbidden", async () => {
    // TIMCustomElem.Data holds JSON with a number beyond f64 and NaN: a strict reader gives up on
    // it and reads the raw string, where \u escapes hide the term.
    const data = '{"businessID":"text","n":1e999,"m":NaN,"text":"\\u0062uy \\u0066ollowers"}';
    const body = beforeSend();
    body.MsgBody = [{ MsgType: "TIMCustomElem", MsgContent: { Data: data, Desc: "", Ext: "" } }];
    const raw = JSON.stringify(body);
    assert.ok(raw.includes("\\\\u0062uy"), "the escapes are inside the embedded JSON, not decoded by the body's reader");
    const r = await gate.send(BEFORE, raw);
    assert.equal(r.json.ErrorCode, 1, r.text);
    // The same inside the quoted text of a reply (CloudCustomData).
    const quoted = beforeSend({ text: "ok", CloudCustomData: '{"messageReply":{"messageAbstract":"\\u0062uy followers","v":-Infinity}}' });
    assert.equal((await gate.send(BEFORE, JSON.stringify(quoted))).json.ErrorCode, 1);
    // Data that is JSON after a byte order mark, or a JSON string literal (since 2026-12-07).
    for (const data of ['\uFEFF{"text":"\\u0062uy followers"}', '"\\u0062uy followers"']) {
      const b = beforeSend();
      b.MsgBody = [{ MsgType: "TIMCustomElem", MsgContent: { Data: data, Desc: "", Ext: "" } }];
      assert.equal((await gate.send(BEFORE, JSON.stringify(b))).json.ErrorCode, 1, data);
    }
  });

  it("a mask across two text elements rewrites only the matched bytes of each", async () => {
    await gate.kv.put("rules", JSON.stringify({ mask: ["damn it"] }));
    const body = beforeSend();
    body.MsgBody = [
      { MsgType: "TIMTextElem", MsgContent: { Text: "oh da" } },
      { MsgType: "TIMTextElem", MsgContent: { Text: "mn it, ok" } },
      { MsgType: "TIMFaceElem", MsgContent: { Index: 1, Data: "smile" } },
    ];
    const r = await gate.send(BEFORE, JSON.stringify(body));
    assert.equal(r.json.ErrorCode, 0, r.text);
    assert.deepEqual(r.json.MsgBody, [
      { MsgType: "TIMTextElem", MsgContent: { Text: "oh **" } },
      { MsgType: "TIMTextElem", MsgContent: { Text: "*****, ok" } },
      { MsgType: "TIMFaceElem", MsgContent: { Index: 1, Data: "smile" } },
    ]);
    // Across a face element: each text element's matched bytes, the face as it was.
    body.MsgBody = [
      { MsgType: "TIMTextElem", MsgContent: { Text: "oh damn" } },
      { MsgType: "TIMFaceElem", MsgContent: { Index: 1, Data: "smile" } },
      { MsgType: "TIMTextElem", MsgContent: { Text: " it, ok" } },
    ];
    const across = await gate.send(BEFORE, JSON.stringify(body));
    assert.equal(across.json.ErrorCode, 0, across.text);
    assert.deepEqual(across.json.MsgBody, [
      { MsgType: "TIMTextElem", MsgContent: { Text: "oh ****" } },
      { MsgType: "TIMFaceElem", MsgContent: { Index: 1, Data: "smile" } },
      { MsgType: "TIMTextElem", MsgContent: { Text: "***, ok" } },
    ]);
  });

  it("blocks a spaced-out CJK term and leaves words that merely contain a term alone", async () => {
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "你个傻 逼" }))).json.ErrorCode, 10101);
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "damnation and a classic" }))).json.MsgBody, undefined);
  });

  it("uses a precompiled blob made from the document, and ignores a stale one", async () => {
    const doc = JSON.stringify({ block: ["zorblax"], mask: ["heck"] });
    await gate.kv.put("rules", doc);
    await gate.kv.put("rules:compiled", compileBlob(doc));
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "z0rblax!" }))).json.ErrorCode, 1);
    const fresh = gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.equal(fresh.problems, undefined, "a matching blob is used without complaint");

    // The document changes but its blob does not: the document wins, and the stale blob is logged
    // by the callback that read the new document (later refreshes of the same bytes read no blob).
    await gate.kv.put("rules", JSON.stringify({ block: ["quuxly"] }));
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "zorblax" }))).json.ErrorCode, 0);
    const stale = gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.ok(stale.problems.some((p) => p.startsWith("rules:compiled: blob was made from rule document")), stale.problems);
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "QUUXLY" }))).json.ErrorCode, 1);
    const unchanged = gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.equal(unchanged.problems, undefined, "an unchanged document is neither recompiled nor its blob read again");

    // A damaged blob is refused the same way (read with the next new document).
    await gate.kv.put("rules:compiled", "not a blob");
    await gate.kv.put("rules", JSON.stringify({ block: ["quuxly", "frobnik"] }));
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "FROBNIK" }))).json.ErrorCode, 1);
    const damaged = gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.ok(damaged.problems.some((p) => p.startsWith("rules:compiled:")), damaged.problems);

    // A refresh keeps the compiled document only when the bytes are the same ones: a change of
    // one letter (same length, same terms count) is compiled and used.
    await gate.kv.put("rules", JSON.stringify({ block: ["quuxly", "frobniq"] }));
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "FROBNIQ" }))).json.ErrorCode, 1);
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "FROBNIK" }))).json.ErrorCode, 0);
  });

  it("a term that mixes emoji and text needs its emoji there; push spells a Chinese term with an emoji of its sound (sixteenth session)", async () => {
    // Before, the emoji were read as the gaps they are in text: `你好🐶` forbade every `你好`.
    await gate.kv.put("rules", JSON.stringify({ block: ["你好🐶"], mask: ["nice👍"] }));
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "你好，朋友" }))).json.ErrorCode, 0);
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "你好🐱" }))).json.ErrorCode, 0);
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "你好 🐶!" }))).json.ErrorCode, 1);
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "have a nice day" }))).json.MsgBody, undefined);
    const masked = await gate.send(BEFORE, beforeSend({ text: "so nice👍!" }));
    assert.equal(masked.json.MsgBody[0].MsgContent.Text, "so *****!", "the emoji is masked with the word");
    // As push stores it (the blob holds the spellings): `🐴` is named `马` (ma) in CLDR's Chinese.
    const doc = JSON.stringify({ block: ["操你妈"] });
    await gate.kv.put("rules", doc);
    await gate.kv.put("rules:compiled", compileBlob(doc));
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "我操你🐴" }))).json.ErrorCode, 1);
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "我操你🐶" }))).json.ErrorCode, 0);
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "体操你好" }))).json.ErrorCode, 0);
  });

  it("a group document adds terms and its mask character for that group only", async () => {
    await gate.kv.put(`rules:group:${GROUP}`, JSON.stringify({ block: ["spoiler"], mask: ["heck"], mask_char: "#" }));
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "spoiler alert" }))).json.ErrorCode, 1);
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "spoiler alert", GroupId: "@TGS#other" }))).json.ErrorCode, 0);
    const masked = await gate.send(BEFORE, beforeSend({ text: "heck and damn" }));
    assert.equal(masked.json.MsgBody[0].MsgContent.Text, "#### and ####");
  });

  it("global ban forbids with the record's code and reason", async () => {
    await gate.kv.put("ban:jared", JSON.stringify({ until: null, reason: "Spamming", code: 10110 }));
    const r = await gate.send(BEFORE, beforeSend({ text: "hello" }));
    assert.deepEqual(r.json, { ActionStatus: "OK", ErrorInfo: "Spamming", ErrorCode: 10110 });
  });

  it("group ban (mute) forbids in that group only", async () => {
    await gate.kv.put(`ban:${GROUP}:jared`, JSON.stringify({ until: now() + 600, reason: "Muted for 10 minutes" }));
    const r = await gate.send(BEFORE, beforeSend({ text: "hello" }));
    assert.deepEqual(r.json, { ActionStatus: "OK", ErrorInfo: "Muted for 10 minutes", ErrorCode: 1 });
    const elsewhere = await gate.send(BEFORE, beforeSend({ text: "hello", GroupId: "@TGS#other" }));
    assert.equal(elsewhere.json.ErrorCode, 0);
  });

  it("an expired ban is ignored even before KV expires it", async () => {
    await gate.kv.put("ban:jared", JSON.stringify({ until: now() - 5, reason: "old" }));
    const r = await gate.send(BEFORE, beforeSend({ text: "hello" }));
    assert.equal(r.json.ErrorCode, 0);
  });

  it("a ban record that is not valid JSON is still a ban", async () => {
    await gate.kv.put("ban:jared", "banned!");
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "hello" }))).json.ErrorCode, 1);
  });

  it("C2C: block term forbids; group-range custom codes fall back to 1; C2C codes pass", async () => {
    const C2C = "C2C.CallbackBeforeSendMsg";
    assert.equal((await gate.send(C2C, c2cBeforeSend("buy followers here"))).json.ErrorCode, 1);
    assert.equal((await gate.send(C2C, c2cBeforeSend("hi there"))).json.ErrorCode, 0);
    assert.equal((await gate.send(C2C, c2cBeforeSend("傻逼"))).json.ErrorCode, 1, "10101 is not a C2C code");
    await gate.kv.put("rules", JSON.stringify({ block: [{ term: "scam", code: 120005, info: "No scams" }] }));
    const custom = await gate.send(C2C, c2cBeforeSend("this is a scam"));
    assert.deepEqual([custom.json.ErrorCode, custom.json.ErrorInfo], [120005, "No scams"]);
    await gate.kv.put("ban:jared", JSON.stringify({ reason: "banned" }));
    assert.equal((await gate.send(C2C, c2cBeforeSend("hi there"))).json.ErrorCode, 1);
  });

  it("a review term delivers and sends a review event to the origin", async () => {
    const r = await gate.send(BEFORE, beforeSend({ text: "add me on telegram" }));
    assert.equal(r.json.ErrorCode, 0);
    const event = await origin.next((req) => req.url.includes("CallbackCommand=Timgate.Review"));
    assert.equal(event.headers["timgate-event"], "review");
    const body = JSON.parse(event.body);
    assert.equal(body.OriginalCommand, BEFORE);
    assert.equal(body.GroupId, GROUP);
    assert.equal(body.From_Account, "jared");
    assert.equal(body.MsgId, "144115233406643804-1727580296-4026038328");
    assert.equal(body.verdict, "allow");
    assert.equal(body.action, "review");
    assert.deepEqual(
      body.matches.map((m) => [m.term, m.action, m.location, m.start, m.end]),
      [["telegram", "review", "MsgBody[0].MsgContent.Text", 10, 18]],
    );
    assert.deepEqual(body.MsgBody, [{ MsgType: "TIMTextElem", MsgContent: { Text: "add me on telegram" } }]);
  });

  it("monitor mode delivers, and the review event says what would have happened, where, under which rules", async () => {
    const groupRules = JSON.stringify({ block: [{ term: "spoiler", code: 10102, info: "No spoilers" }], mode: "monitor" });
    await gate.kv.put(`rules:group:${GROUP}`, groupRules);
    const r = await gate.send(BEFORE, beforeSend({ text: "big spoiler: he dies, damn" }));
    assert.equal(r.json.ErrorCode, 0, "nothing the monitor document found is carried out");
    assert.equal(r.json.MsgBody[0].MsgContent.Text, "big spoiler: he dies, ****", "the enforced global document still masks");
    const event = await origin.next((req) => req.url.includes("Timgate.Review"));
    assert.equal(event.headers["timgate-event"], "review");
    const body = JSON.parse(event.body);
    assert.equal(body.OriginalCommand, BEFORE);
    assert.deepEqual([body.GroupId, body.From_Account, body.MsgId], [GROUP, "jared", "144115233406643804-1727580296-4026038328"]);
    assert.deepEqual([body.verdict, body.action, body.monitor], ["mask", "block", true]);
    const version = createHash("sha256").update(groupRules).digest("hex").slice(0, 12);
    assert.deepEqual(
      body.matches.map((m) => [m.term, m.action, m.enforced, m.scope, m.rules_version, m.location, m.start, m.end]),
      // In message order.
      [
        ["spoiler", "block", false, "group", version, "MsgBody[0].MsgContent.Text", 4, 11],
        ["damn", "mask", true, "global", body.matches[1].rules_version, "MsgBody[0].MsgContent.Text", 22, 26],
      ],
    );
    assert.equal(body.MsgBody[0].MsgContent.Text.slice(4, 11), "spoiler", "offsets resolve in the MsgBody sent along");
    const line = gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.equal(line.would_be, "block");
    assert.ok(line.matched.includes("group/block(monitor):spoiler"));
  });

  it("a global document in monitor mode reports C2C messages with To_Account and MsgKey", async () => {
    await gate.kv.put("rules", JSON.stringify({ discard: ["free crypto"], mode: "monitor" }));
    const r = await gate.send("C2C.CallbackBeforeSendMsg", c2cBeforeSend("free crypto here"));
    assert.equal(r.json.ErrorCode, 0);
    const body = JSON.parse((await origin.next((req) => req.url.includes("Timgate.Review"))).body);
    assert.equal(body.OriginalCommand, "C2C.CallbackBeforeSendMsg");
    assert.deepEqual([body.From_Account, body.To_Account, body.MsgKey, body.GroupId], ["jared", "Jonh", "2837546_1490686222", undefined]);
    assert.deepEqual([body.verdict, body.action, body.monitor], ["allow", "discard", true]);
    assert.deepEqual(body.matches.map((m) => [m.term, m.scope, m.start, m.end]), [["free crypto", "global", 0, 11]]);
  });

  it("writes one JSON log line per callback without message text", async () => {
    await gate.send(BEFORE, beforeSend({ text: "secret words and buy followers" }));
    const line = gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.equal(line.outcome, "block");
    assert.deepEqual(line.matched, ["global/block:buy followers"]);
    assert.ok(!JSON.stringify(gate.logs).includes("secret words"));
  });
});
