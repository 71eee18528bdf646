// The moderator console in a real headless Chromium (Debian's package, driven by playwright-core)
// against `wrangler dev` with KV seeded by the rules tool: sign in, try a message and see the
// match highlighted, edit a group document with a typo and see the error at its line, save and
// see the verdict change, add and lift a ban, replay a dead letter, see the recent verdicts, use
// it with the keyboard alone and at 375 px; without the token every data call is refused and the
// page asks for it. Screenshots of each screen go to target/console-screenshots/, or with
// UPDATE_SCREENSHOTS=1 to docs/console/ (the ones README "Moderator console" shows).
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { pushWithTool, root, seedObject, seedQuery, startOrigin, startWranglerDev } from "./harness.mjs";

const CHROMIUM = process.env.TIMGATE_CHROMIUM ?? "/usr/bin/chromium";
const TOKEN = "console-test-token";
const shots = process.env.UPDATE_SCREENSHOTS === "1" ? join(root, "docs", "console") : join(root, "target", "console-screenshots");
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (scripts/setup.mjs installs Debian's chromium; set TIMGATE_CHROMIUM to another)`;
if (skip) console.log(`# console browser tests skipped: ${skip}`);

describe("moderator console in Chromium", { skip }, () => {
  const state = mkdtempSync(join(tmpdir(), "timgate-console-"));
  let dev;
  let base;
  let origin;
  let browser;
  let page;
  const seen = []; // every response to a data call: [status, path]

  before(async () => {
    pushWithTool("examples/rules.json", state);
    origin = await startOrigin();
    origin.respond = () => ({ status: 500, body: "down" }); // until the dead letter is replayed
    dev = await startWranglerDev({
      persistTo: state,
      vars: {
        CACHE_SECONDS: "0", ADMIN_TOKEN: TOKEN, ORIGIN_URL: origin.url, FORWARD_SECRET: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
        DELIVERY_ATTEMPTS: "1", DEDUPE_SECONDS: "0",
      },
    });
    base = dev.url;
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    // Lift, delete and replay ask first.
    page.on("dialog", (dialog) => dialog.accept());
    page.on("response", (r) => {
      const path = new URL(r.url()).pathname;
      if (!path.startsWith("/__timgate/console")) seen.push([r.status(), path]);
    });
    mkdirSync(shots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    dev?.stop();
    await origin?.close();
    rmSync(state, { recursive: true, force: true });
  });

  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  it("without the token, data calls are refused and the page asks for it", async () => {
    await page.goto(`${base}/__timgate/console`);
    await page.getByLabel("Operator token").waitFor();
    assert.equal(await page.locator("#view-try").isVisible(), false);
    // The page is served without the token, with a CSP that allows no inline script.
    const response = await page.request.get(`${base}/__timgate/console`);
    assert.match(response.headers()["content-security-policy"], /script-src 'self'; style-src 'self'/);
    for (const [method, path] of [["GET", "api/rules"], ["GET", "api/bans"], ["POST", "api/try"], ["GET", "dead-letters"], ["PUT", "api/bans"]]) {
      const r = await page.request.fetch(`${base}/__timgate/${path}`, { method, data: method === "GET" ? undefined : "{}" });
      assert.equal(r.status(), 401, `${method} ${path}`);
    }
    // A wrong token: the first data call is refused and the prompt comes back, saying why.
    await page.getByLabel("Operator token").fill("not-the-token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("Operator token").waitFor();
    await page.locator("#status", { hasText: "not the worker's ADMIN_TOKEN" }).waitFor();
    assert.ok(seen.some(([status]) => status === 401));
    await shot("sign-in");
  });

  it("tries a message and highlights what matched", async () => {
    await page.getByLabel("Operator token").fill(TOKEN);
    await page.getByLabel(/Your name/).fill("Ada (moderator)");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Try a message" }).click();
    await page.getByLabel(/Message text/).fill("hi, want to B.U.Y  f0ll0wers? damn");
    await page.getByLabel("Group id", { exact: true }).fill("@TGS#lobby");
    await page.getByRole("button", { name: "Decide" }).click();
    await page.locator("#try-verdict", { hasText: "block" }).waitFor();
    const marks = await page.locator("#try-segments mark").allTextContents();
    assert.deepEqual(marks, ["B.U.Y  f0ll0wers", "damn"]);
    assert.match(await page.locator("#try-hits").textContent(), /buy followers/);
    await shot("try");
  });

  it("shows a typo in a group document at its line, saves the fix, and the verdict changes", async () => {
    await page.getByRole("button", { name: "Rules" }).click();
    await page.locator("#rules-list", { hasText: "rules" }).waitFor();
    await page.getByLabel("New group document for group id").fill("@TGS#lobby");
    await page.getByRole("button", { name: "Create" }).click();
    const editor = page.getByLabel(/Document \(JSON/);
    await editor.fill('{\n  "mode": "enforce",\n  "blokc": ["spoiler"]\n}\n');
    const problem = page.locator("#rules-problems .problem").first();
    await problem.waitFor();
    assert.match(await problem.textContent(), /^line 3, column 3: .*blokc.*block/);
    await shot("rules-error");
    await editor.fill('{\n  "mode": "enforce",\n  "block": ["spoiler"]\n}\n');
    await page.locator("#rules-problems", { hasText: "No problems." }).waitFor();
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator("#status", { hasText: "Saved rules:group:@TGS#lobby" }).waitFor();
    await page.locator("#rules-list", { hasText: "rules:group:@TGS#lobby" }).waitFor();
    await shot("rules");
    // The worker decides a callback in that group by the new document.
    const body = seedObject("before-room-message-sent");
    body.GroupId = "@TGS#lobby";
    body.MsgBody = [{ MsgType: "TIMTextElem", MsgContent: { Text: "no sp0iler please" } }];
    const r = await fetch(`${base}/?${seedQuery("Group.CallbackBeforeSendMsg")}`, { method: "POST", body: JSON.stringify(body) });
    assert.equal((await r.json()).ErrorCode, 1, "blocked by the saved group document");
    await page.getByRole("button", { name: "Try a message" }).click();
    await page.getByLabel(/Message text/).fill("no sp0iler please");
    await page.getByLabel("Group id", { exact: true }).fill("@TGS#lobby");
    await page.getByRole("button", { name: "Decide" }).click();
    await page.locator("#try-verdict", { hasText: "block" }).waitFor();
  });

  it("adds a ban and lifts it", async () => {
    await page.getByRole("button", { name: "Bans" }).click();
    await page.getByLabel("User id").fill("troll42");
    await page.getByLabel(/^Group id \(empty/).fill("@TGS#lobby");
    await page.getByLabel("For", { exact: true }).selectOption({ label: "1 day" });
    await page.getByLabel(/Reason/).fill("spam links");
    await page.getByRole("button", { name: "Ban", exact: true }).click();
    const row = page.locator("#bans-list tr", { hasText: "troll42" });
    await row.waitFor();
    assert.match(await row.textContent(), /@TGS#lobby.*spam links/);
    await shot("bans");
    const body = seedObject("before-room-message-sent");
    body.GroupId = "@TGS#lobby";
    body.From_Account = "troll42";
    body.MsgBody = [{ MsgType: "TIMTextElem", MsgContent: { Text: "hello" } }];
    const send = async () => (await (await fetch(`${base}/?${seedQuery("Group.CallbackBeforeSendMsg")}`, { method: "POST", body: JSON.stringify(body) })).json()).ErrorCode;
    assert.notEqual(await send(), 0, "the ban applies");
    await page.getByRole("button", { name: "Lift the ban of troll42" }).click();
    await page.locator("#bans-list", { hasText: "No bans." }).waitFor();
    assert.equal(await send(), 0, "lifted");
  });

  it("replays a dead letter", async () => {
    const after = seedObject("after-room-message-sent");
    const r = await fetch(`${base}/?${seedQuery("Group.CallbackAfterSendMsg")}`, { method: "POST", body: JSON.stringify(after) });
    assert.equal(r.status, 200);
    await page.getByRole("button", { name: "Dead letters" }).click();
    const deadline = Date.now() + 60_000;
    while (!(await page.locator("#dead-list button", { hasText: "Inspect" }).count())) {
      assert.ok(Date.now() < deadline, "the event was dead-lettered");
      await new Promise((r) => setTimeout(r, 500));
      await page.getByRole("button", { name: "Refresh" }).click();
    }
    await page.locator("#dead-list button", { hasText: "Inspect" }).first().click();
    await page.locator("#dead-shown", { hasText: "CallbackAfterSendMsg" }).waitFor();
    await shot("dead-letters");
    origin.respond = () => ({ status: 200, body: "{}" });
    const before = origin.received.length;
    await page.getByRole("button", { name: "Replay all" }).click();
    await page.locator("#status", { hasText: "Replayed 1" }).waitFor();
    await origin.next((record) => origin.received.indexOf(record) >= before, 30_000);
    await page.locator("#dead-list", { hasText: "No dead letters." }).waitFor();
  });

  it("shows the recent verdicts, filtered", async () => {
    await page.getByRole("button", { name: "Recent verdicts" }).click();
    await page.getByLabel("Verdict", { exact: true }).selectOption({ label: "Block" });
    await page.getByLabel("Only in group").fill("@TGS#lobby");
    await page.getByRole("button", { name: "Show" }).click();
    const row = page.locator("#verdicts-list tr", { hasText: "spoiler" }).first();
    await row.waitFor();
    assert.match(await row.textContent(), /block.*@TGS#lobby/);
    const verdicts = await page.locator("#verdicts-list td.verdict").allTextContents();
    assert.ok(verdicts.length >= 2 && verdicts.every((v) => v === "block"), JSON.stringify(verdicts));
    await shot("verdicts");
  });

  it("is used with the keyboard alone", async () => {
    await page.getByRole("button", { name: "Try a message" }).focus();
    // Tab to the Bans button and press Enter: its screen opens with focus on its heading.
    for (let i = 0; i < 2; i++) await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Bans");
    await page.keyboard.press("Enter");
    await page.locator("#view-bans").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "bans-title");
    // Every form control has a label.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, textarea, select")].filter((e) => !e.labels?.length).map((e) => e.id));
    assert.deepEqual(unlabelled, []);
  });

  it("works at 375 px wide", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole("button", { name: "Try a message" }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px)`);
    await shot("narrow");
  });
});
