// `timgate tail` against a real `wrangler dev` (workerd, the built worker, local KV in a temporary
// --persist-to directory): callbacks sent with fetch, as curl would, show up in tail as one line
// each, filtered as asked; without a running wrangler dev, tail says what to do.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { beforeSend, c2cBeforeSend, cliExe as exe, freePort, pushWithTool, root, seedQuery, startWranglerDev } from "./harness.mjs";

const state = mkdtempSync(join(tmpdir(), "timgate-tail-"));
let dev;
let port;
let inspector;

/** Runs `timgate tail` in the background; resolves with what it printed when it exits. */
function tail(...args) {
  const child = spawn(exe, ["tail", ...args], { cwd: root });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  // A tail that waits for lines that never come is stopped, and fails its test (code null).
  const timer = setTimeout(() => child.kill(), 30_000);
  const done = new Promise((resolve) => child.on("exit", (code) => (clearTimeout(timer), resolve({ code, out, err }))));
  // Ready once it has connected (its first stderr line comes before it connects, so wait a bit).
  const started = new Promise((resolve) => child.stderr.once("data", () => setTimeout(resolve, 1500)));
  return { child, done, started };
}

async function send(body, command = "Group.CallbackBeforeSendMsg") {
  const res = await fetch(`http://127.0.0.1:${port}/?${seedQuery(command)}`, { method: "POST", body: JSON.stringify(body) });
  return res.json();
}

before(async () => {
  pushWithTool("examples/rules.json", state);
  inspector = await freePort();
  dev = await startWranglerDev({ persistTo: state, inspectorPort: inspector, vars: { CACHE_SECONDS: "0" } });
  port = dev.port;
});

after(() => {
  dev?.stop();
  rmSync(state, { recursive: true, force: true });
});

describe("timgate tail against wrangler dev", () => {
  it("prints the verdict of each callback sent, one line each; --json gives the worker's own lines", async () => {
    const every = tail("--inspector", `127.0.0.1:${inspector}`, "--json", "--limit", "3");
    await every.started;
    assert.equal((await send(beforeSend({ text: "see you at lunch" }))).ErrorCode, 0);
    assert.equal((await send(c2cBeforeSend("free crypto here"), "C2C.CallbackBeforeSendMsg")).ErrorCode, 2);
    assert.equal((await send(beforeSend({ text: "B.U.Y followers today" }))).ErrorCode, 1);
    const e = await every.done;
    assert.equal(e.code, 0, e.err);
    const lines = e.out.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.event, l.outcome, l.code, l.sender]), [
      ["callback", "allow", 0, "jared"],
      ["callback", "discard", 2, "jared"],
      ["callback", "block", 1, "jared"],
    ]);
    assert.ok(lines.every((l) => l.text === undefined), "no message text in the log lines");
  });

  it("--verdict block prints the blocked callback and not the allowed one before it", async () => {
    // Another group than the first test's, so that a line of that test (which the inspector
    // replays to a new client) cannot pass for this one.
    const blocks = tail("--inspector", `127.0.0.1:${inspector}`, "--verdict", "block", "--limit", "1");
    await blocks.started;
    assert.equal((await send(beforeSend({ text: "see you at lunch", GroupId: "@TGS#tail2" }))).ErrorCode, 0);
    assert.equal((await send(beforeSend({ text: "B.U.Y followers today", GroupId: "@TGS#tail2" }))).ErrorCode, 1);
    const b = await blocks.done;
    assert.equal(b.code, 0, b.err);
    assert.match(
      b.out,
      /^\d\d:\d\d:\d\d\.\d{3} {2}Group\.CallbackBeforeSendMsg {2}@TGS#tail2 {2}from jared {2}block 1 {2}global\/block:buy followers {2}[\d.]+ ms\n$/,
    );
  });

  it("--user prints the C2C messages to that user; a second tail at the same time is told the inspector is in use", async () => {
    const bob = tail("--inspector", `127.0.0.1:${inspector}`, "--user", "Jonh", "--limit", "1");
    await bob.started;
    const second = await tail("--inspector", `127.0.0.1:${inspector}`).done;
    assert.equal(second.code, 1);
    assert.match(second.err, /inspector at 127\.0\.0\.1:\d+ is in use: it takes one client at a time/);
    assert.equal((await send(beforeSend({ text: "free crypto here" }))).ErrorCode, 2);
    assert.equal((await send(c2cBeforeSend("free crypto here", { From_Account: "ann" }), "C2C.CallbackBeforeSendMsg")).ErrorCode, 2);
    const u = await bob.done;
    assert.equal(u.code, 0, u.err);
    assert.match(u.out, /^\S+ {2}C2C\.CallbackBeforeSendMsg {2}to Jonh {2}from ann {2}discard 2 {2}global\/discard:free crypto {2}[\d.]+ ms\n$/);
  });

  it("without wrangler dev running, says what to do", async () => {
    const { done } = tail("--inspector", `127.0.0.1:${await freePort()}`);
    const r = await done;
    assert.equal(r.code, 1);
    assert.match(r.err, /cannot read the worker's logs from wrangler dev's inspector at 127\.0\.0\.1:\d+/);
    assert.match(r.err, /what to do: start the worker locally \(`npm start`/);
  });

  it("an unknown --verdict is refused with the list", async () => {
    const r = await tail("--verdict", "blocked").done;
    assert.equal(r.code, 1);
    assert.match(r.err, /--verdict blocked: the outcomes are allow, mask, block, discard/);
  });
});
