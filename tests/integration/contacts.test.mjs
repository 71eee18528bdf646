// The `contacts` check (contract v2) in workerd: phone numbers however spelled, ids after a cue,
// e-mail addresses masked, review events that name the detector, log lines without the number.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { beforeSend, gateForSuite } from "./harness.mjs";

const BEFORE = "Group.CallbackBeforeSendMsg";

describe("contacts", () => {
  const suite = gateForSuite({ vars: { FAIL_MODE: "closed" }, rules: { contacts: { action: "block", code: 10130, info: "No contact details" } } });

  const send = async (text) => (await suite.gate.send(BEFORE, beforeSend({ text }))).json;

  it("blocks a phone number spelled with Chinese numerals, and every other spelling", async () => {
    for (const text of ["打我 一三八 零零一三 八零零零", "壹叁捌零零壹叁捌零零零", "138-0013-8000", "１３８００１３８０００", "+86 138 0013 8000"]) {
      assert.deepEqual(await send(text), { ActionStatus: "OK", ErrorInfo: "No contact details", ErrorCode: 10130 }, text);
    }
    const line = suite.gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.ok(line.matched.includes("global/block:contacts:phone"), JSON.stringify(line.matched));
    assert.ok(!JSON.stringify(line).includes("13800138000"), "the log line holds no number");
  });

  it("leaves prices, dates, times and order numbers alone", async () => {
    for (const text of ["¥1380.00 包邮", "2024-11-30 13:45 见", "订单号 20241130123456789", "一二三四五", "第3:1局"]) {
      assert.equal((await send(text)).ErrorCode, 0, text);
    }
  });

  it("masks an e-mail address and reports a WeChat id after its cue by name", async () => {
    await suite.gate.kv.put("rules", JSON.stringify({ contacts: { action: "mask", kinds: ["email"] }, mask_char: "#" }));
    const masked = await send("write to spam_king99 at example dot com!");
    assert.equal(masked.ErrorCode, 0);
    assert.equal(masked.MsgBody[0].MsgContent.Text, "write to ##############################!");
    await suite.gate.kv.put("rules", JSON.stringify({ contacts: { action: "review", kinds: ["wechat", "qq"] } }));
    assert.equal((await send("加我微信: wxid_abc123")).ErrorCode, 0);
    const event = await suite.origin.next((req) => req.url.includes("CallbackCommand=Timgate.Review"));
    const body = JSON.parse(event.body);
    assert.deepEqual(body.matches.map((m) => [m.check, m.term, m.action]), [["contacts:wechat", "wxid_abc123", "review"]]);
  });
});
