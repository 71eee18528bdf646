// The rules tool (`timgate` binary) against wrangler's local KV, in a temporary --persist-to
// directory (so the `npm start` state is never touched), and then the built worker reading
// that same KV: what the tool writes is what the worker decides by.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { beforeSend, root, startGate, startOrigin } from "./harness.mjs";

const GROUP = "@TGS#2J4SZEAEL";
const BEFORE = "Group.CallbackBeforeSendMsg";
const wrangler = join(root, "node_modules", ".bin", process.platform === "win32" ? "wrangler.cmd" : "wrangler");
const exe = join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "debug", process.platform === "win32" ? "timgate.exe" : "timgate");
const now = () => Math.floor(Date.now() / 1000);

// One temporary KV state for the whole file: the worker below reads what the tool wrote above.
const state = mkdtempSync(join(tmpdir(), "timgate-kv-"));

before(() => {
  const build = spawnSync("cargo", ["build", "--quiet", "-p", "timgate-cli", "--bin", "timgate"], { cwd: root, stdio: "inherit" });
  assert.equal(build.status, 0, "cargo build -p timgate-cli --bin timgate");
});
after(() => rmSync(state, { recursive: true, force: true }));

/** Runs the tool; KV commands get the temporary state directory. */
function tool(...args) {
  const kvCommand = ["push", "pull", "diff", "ban", "unban", "bans", "import", "ls", "rm"].includes(args[0]);
  const r = spawnSync(exe, kvCommand ? [...args, "--persist-to", state] : args, { cwd: root, encoding: "utf8", env: { ...process.env, INIT_CWD: "" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** wrangler itself, to check what the tool wrote independently of the tool. */
function kv(...args) {
  const r = spawnSync(wrangler, ["kv", ...args, "--binding", "RULES", "--local", "--persist-to", state], { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function tempFile(name, text) {
  const path = join(state, name);
  writeFileSync(path, text);
  return path;
}

describe("rules tool against local KV", () => {
  it("push writes the file's bytes; pull returns them; wrangler sees the same", () => {
    const text = readFileSync(join(root, "examples", "rules.json"), "utf8");
    const pushed = tool("push", "examples/rules.json");
    assert.equal(pushed.code, 0, pushed.out + pushed.err);
    assert.match(pushed.out, /^pushed examples\/rules.json to rules in local KV \(.*\)\n  version [0-9a-f]{12} \(new\), 6 terms, enforce\n/);
    assert.equal(tool("pull").out, text);
    // `wrangler kv key get` prints a newline after a value that ends with one.
    assert.ok([text, `${text}\n`].includes(kv("key", "get", "rules", "--text")), "wrangler reads the same bytes");
    // Unchanged: the document is not written again; its blob is (a newer tool may compile it differently).
    assert.match(
      tool("push", "examples/rules.json").out,
      /^rules in local KV .* is already version [0-9a-f]{12}: the document is unchanged; its precompiled blob written again \(\d+ bytes/,
    );
  });

  it("push refuses a broken document and writes nothing", () => {
    const r = tool("push", "tests/fixtures/rules/broken.json", "--group", "@TGS#broken");
    assert.equal(r.code, 1);
    assert.match(r.out, /broken.json:4:40: block\[0\].code: code 10016 is outside/);
    // 10, not the 11 `validate` finds: a group document's allow entries are checked against the
    // global document in KV too, and "sex*" (examples/rules.json, pushed above) would catch "sextant".
    assert.match(r.out, /nothing pushed: 10 problem\(s\)/);
    const pulled = tool("pull", "--group", "@TGS#broken");
    assert.equal(pulled.code, 1);
    assert.match(pulled.err, /KV has nothing at `rules:group:@TGS#broken`/);
  });

  it("a group document: push in monitor mode, diff, switch to enforce", () => {
    const pilot = readFileSync(join(root, "examples", "group-rules.json"), "utf8");
    assert.match(tool("diff", "examples/group-rules.json", "--group", GROUP).out, /KV has no document; pushing would create it/);
    const first = tool("push", "examples/group-rules.json", "--group", GROUP);
    assert.equal(first.code, 0, first.out + first.err);
    assert.match(first.out, /to rules:group:@TGS#2J4SZEAEL in local KV/);
    assert.match(first.out, /2 terms, monitor/);

    const enforce = tempFile("enforce.json", pilot.replace('"monitor"', '"enforce"'));
    const diff = tool("diff", enforce, "--group", GROUP, "--exit-code");
    assert.equal(diff.code, 1, "--exit-code: they differ");
    assert.match(diff.out, /^rules:group:@TGS#2J4SZEAEL: KV version [0-9a-f]{12} → file version [0-9a-f]{12}\n  ~ mode: monitor → enforce\n$/);
    const second = tool("push", enforce, "--group", GROUP);
    // The blob: the English words decide readings of `spoiler` and `heck` (one extra repeat inside).
    assert.match(second.out, /\(was [0-9a-f]{12}\), 2 terms, enforce\n  precompiled: [^\n]+\n  ~ mode: monitor → enforce\n/);
    assert.equal(tool("diff", enforce, "--group", GROUP, "--exit-code").code, 0);
  });

  it("ban for 10 minutes: record with until, KV expiration and metadata; bans lists it; unban lifts it", () => {
    const started = now();
    const r = tool("ban", "jared", "--group", GROUP, "--for", "10m", "--reason", "Cool down");
    const finished = now();
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /^banned jared in @TGS#2J4SZEAEL for 10m, until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n/);

    const key = `ban:${GROUP}:jared`;
    const record = JSON.parse(kv("key", "get", key, "--text"));
    assert.deepEqual(Object.keys(record), ["until", "reason"]);
    assert.ok(started + 600 <= record.until && record.until <= finished + 600, `until = now + 600: ${record.until}`);
    assert.equal(record.reason, "Cool down");
    const [listed] = JSON.parse(kv("key", "list", "--prefix", key));
    assert.equal(listed.expiration, record.until + 60, "KV expiration: a minute after until");
    assert.deepEqual(listed.metadata, record);

    const everywhere = tool("ban", "spammer42", "--reason", "Spamming", "--code", "10110");
    assert.match(everywhere.out, /banned spammer42 everywhere until lifted\n/);
    assert.match(everywhere.out, /note: code 10110 is a group code: C2C messages are answered with 1/);
    assert.deepEqual(JSON.parse(kv("key", "get", "ban:spammer42", "--text")), { until: null, reason: "Spamming", code: 10110 });

    const table = tool("bans").out.split("\n");
    assert.match(table[0], /^USER +WHERE +UNTIL +CODE +REASON$/);
    assert.match(table[1], /^jared +@TGS#2J4SZEAEL +\S+ \(in (10m|9m\d+s)\) +1 +"Cool down"$/);
    assert.match(table[2], /^spammer42 +\(everywhere\) +until lifted +10110 +"Spamming"$/);
    assert.equal(tool("bans", "--group", GROUP).out.split("\n").length, 3, "header, one ban, final newline");

    assert.match(tool("unban", "jared", "--group", GROUP).out, /^lifted ban:@TGS#2J4SZEAEL:jared \(was \{"until":\d+,"reason":"Cool down"\}\)/);
    assert.match(tool("unban", "jared", "--group", GROUP).out, /^no ban at ban:@TGS#2J4SZEAEL:jared/);
    assert.equal(tool("unban", "spammer42").code, 0);
    assert.equal(tool("bans").out, "no bans\n");
  });

  it("ban for 1 minute: wrangler accepts the KV expiration; until is exact (issue 11)", () => {
    const started = now();
    const r = tool("ban", "brief", "--for", "1m");
    const finished = now();
    assert.equal(r.code, 0, r.out + r.err);
    const record = JSON.parse(kv("key", "get", "ban:brief", "--text"));
    assert.ok(started + 60 <= record.until && record.until <= finished + 60, `until = now + 60: ${record.until}`);
    const [listed] = JSON.parse(kv("key", "list", "--prefix", "ban:brief"));
    assert.equal(listed.expiration, record.until + 60, "KV expiration: two minutes away");
    assert.equal(tool("ban", "brief", "--for", "1s").code, 0, "the shortest ban too");
    const zero = tool("ban", "brief", "--for", "0s");
    assert.equal(zero.code, 1);
    assert.match(zero.err, /"0s" is no time: a duration is at least 1s/);
    assert.equal(tool("unban", "brief").code, 0);
  });

  it("bans written by hand (no metadata, not even JSON) are listed from their values", () => {
    kv("key", "put", "ban:typo", "banned!");
    const table = tool("bans").out;
    assert.match(table, /typo +\(everywhere\) +until lifted +1 +\(record is not valid JSON: bans until lifted\)/);
    kv("key", "delete", "ban:typo");
  });
});

describe("the worker decides by what the tool wrote", () => {
  let origin, gate;
  before(async () => {
    origin = await startOrigin();
    gate = await startGate({ origin, kvPersistTo: state });
  });
  after(async () => {
    await gate?.dispose();
    await origin?.close();
  });

  it("monitor mode, then enforce, then a ban, then unban", async () => {
    assert.equal(tool("push", "examples/group-rules.json", "--group", GROUP).code, 0);
    const monitored = await gate.send(BEFORE, beforeSend({ text: "big spoiler: he dies" }));
    assert.equal(monitored.json.ErrorCode, 0, "monitor mode delivers");
    const review = JSON.parse((await origin.next((r) => r.url.includes("Timgate.Review"))).body);
    assert.equal(review.action, "block");
    assert.equal(review.monitor, true);

    const enforce = tempFile("enforce.json", readFileSync(join(root, "examples", "group-rules.json"), "utf8").replace('"monitor"', '"enforce"'));
    assert.equal(tool("push", enforce, "--group", GROUP).code, 0);
    const blocked = await gate.send(BEFORE, beforeSend({ text: "big spoiler: he dies" }));
    assert.deepEqual(blocked.json, { ActionStatus: "OK", ErrorInfo: "No spoilers in this room", ErrorCode: 10102 });

    assert.equal(tool("ban", "jared", "--group", GROUP, "--for", "10m", "--reason", "Cool down").code, 0);
    const banned = await gate.send(BEFORE, beforeSend({ text: "hello" }));
    assert.deepEqual(banned.json, { ActionStatus: "OK", ErrorInfo: "Cool down", ErrorCode: 1 });
    assert.equal(tool("unban", "jared", "--group", GROUP).code, 0);
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "hello" }))).json.ErrorCode, 0);
  });

  it("a document with comments and a byte order mark (JSONC): validated, pushed and enforced", async () => {
    const group = "@TGS#jsonc";
    const text = '\uFEFF// a group with its own words\n{\n  "block": [\n    /* spam */ "cheap followers" // from the import\n  ],\n  "mode": "enforce"\n}\n';
    const file = tempFile("commented.jsonc", text);
    const checked = tool("validate", file);
    assert.equal(checked.code, 0, checked.out + checked.err);
    const pushed = tool("push", file, "--group", group);
    assert.equal(pushed.code, 0, pushed.out + pushed.err);
    assert.equal(tool("pull", "--group", group).out, text, "stored byte for byte, comments and BOM included");
    const blocked = await gate.send(BEFORE, beforeSend({ GroupId: group, text: "c.h.e.a.p followers here" }));
    assert.equal(blocked.json.ErrorCode, 1, JSON.stringify(blocked.json));
    const clean = await gate.send(BEFORE, beforeSend({ GroupId: group, text: "cheap flights" }));
    assert.equal(clean.json.ErrorCode, 0);
  });

  it("one extra repeat inside a word, a 1 for an l, asterisks for letters, split words, edge digits, a symbol, v or q for a letter, katakana for Han: push stores what the English words decide in the blob, and the worker enforces it", async () => {
    const group = "@TGS#repeats";
    const file = tempFile("repeats.json", JSON.stringify({ block: ["porn", "raping", "slut", "fuck", "kill", "shit", "口交", "faggot", "guilt"], mode: "enforce" }));
    const pushed = tool("push", file, "--group", group);
    assert.equal(pushed.code, 0, pushed.out + pushed.err);
    assert.ok(kv("key", "list").includes(`rules:group:${group}:compiled`), "the blob is written: the worker alone would not read `poorn`");
    // And a `1` or a `|` for the `l` of a known word (`s1ut`), which the worker alone reads as `i`.
    // And asterisks for inner letters of a known word (`sl*t`, `r**ing`).
    // And a known word split in two where neither piece is a word (`fu ck`), an asterisk drawn
    // otherwise (`f✱ck`), digits at the edges of a short word (`ki11`, `5h17`), one symbol for a
    // letter (`f#ck`, `sh.t`), `v` for `u` (`fvck`), `q` for `g` (`faqqot`), two asterisks added
    // (`f**uck`), katakana for a Han character (`ロ交`).
    for (const text of ["poorn", "p o o r n", "rapiing", "s1ut", "s|ut", "sl*t", "r**ing", "ｐ＊ｒｎ", "fu ck", "f✱ck", "ki11", "5h17", "f#ck", "sh.t", "fvck", "faqqot", "f**uck", "sh**it", "ロ交"]) {
      const r = await gate.send(BEFORE, beforeSend({ GroupId: group, text }));
      assert.equal(r.json.ErrorCode, 1, `${text}: ${JSON.stringify(r.json)}`);
    }
    for (const text of ["rapping", "popcorn", "siut", "*lut", "s****", "**popcorn**", "let's hit it", "po rn", "kiii", "see you at 10am", "1st 5th", "f'ck", "f ck", "a warm quilt", "日ロ交渉が続く", "ところ交差点"]) {
      const r = await gate.send(BEFORE, beforeSend({ GroupId: group, text }));
      assert.equal(r.json.ErrorCode, 0, `${text}: an ordinary word`);
    }
  });

  it("Chinese word boundaries: push stores the words around the CJK terms in the blob, and the worker reports no term that straddles two words or follows a date's number", async () => {
    const group = "@TGS#segmented";
    const file = tempFile("segmented.json", JSON.stringify({ block: ["他妈", "口交", "日你"], mode: "enforce" }));
    const pushed = tool("push", file, "--group", group);
    assert.equal(pushed.code, 0, pushed.out + pushed.err);
    // `其他|妈妈` (other mothers), `出口|交易` (export trade), `5日|你` (on the 5th, you...).
    for (const text of ["其他妈妈都来了", "扩大出口交易额", "3月5日你有空吗", "12月25日，你在哪"]) {
      const r = await gate.send(BEFORE, beforeSend({ GroupId: group, text }));
      assert.equal(r.json.ErrorCode, 0, `${text}: ${JSON.stringify(r.json)}`);
    }
    for (const text of ["你他妈的", "不要口交", "日你", "我日你", "5 日你"]) {
      const r = await gate.send(BEFORE, beforeSend({ GroupId: group, text }));
      assert.equal(r.json.ErrorCode, 1, `${text}: ${JSON.stringify(r.json)}`);
    }
  });

  it("import: a text list, a CSV and a JSON array merged into a group document, round-tripped through KV and enforced", async () => {
    const group = "@TGS#import";
    const into = ["--into", `group:${group}`];
    const txt = tempFile("words.txt", "\uFEFF# our list\r\nbuy followers\r\n\r\n  cheap likes  \r\n");
    const shown = tool("import", txt, "--action", "block", ...into);
    assert.equal(shown.code, 0, shown.out + shown.err);
    assert.match(shown.out, /2 terms \(one term per line\); 2 new/);
    assert.match(shown.out, /not written: run again with --yes/);
    assert.equal(tool("pull", "--group", group).code, 1, "nothing written without --yes");

    assert.equal(tool("import", txt, "--action", "block", ...into, "--yes").code, 0);
    const csv = tempFile("words.csv", 'term,action,code,info\n"free crypto",discard,,\nzorblax,block,10101,"No, thanks"\ncheap likes,block,,\n');
    const csvRun = tool("import", csv, "--action", "review", ...into, "--yes");
    assert.equal(csvRun.code, 0, csvRun.out + csvRun.err);
    assert.match(csvRun.out, /3 terms \(CSV\); 2 new, 1 already/);
    const json = tempFile("en.json", '["spoiler alert", "buy  followers"]');
    assert.match(tool("import", json, "--action", "mask", ...into, "--yes").out, /2 terms \(a JSON array\); 1 new, 1 already/);

    assert.deepEqual(JSON.parse(tool("pull", "--group", group).out), {
      block: ["buy followers", "cheap likes", { term: "zorblax", code: 10101, info: "No, thanks" }],
      discard: ["free crypto"],
      mask: ["spoiler alert"],
    });
    assert.equal((await gate.send(BEFORE, beforeSend({ GroupId: group, text: "b.u.y followers now" }))).json.ErrorCode, 1);
    assert.deepEqual((await gate.send(BEFORE, beforeSend({ GroupId: group, text: "zorblax" }))).json, { ActionStatus: "OK", ErrorInfo: "No, thanks", ErrorCode: 10101 });
    assert.equal((await gate.send(BEFORE, beforeSend({ GroupId: group, text: "free crypto here" }))).json.ErrorCode, 2);
    const masked = await gate.send(BEFORE, beforeSend({ GroupId: group, text: "spoiler alert: he dies" }));
    const text = masked.json.MsgBody[0].MsgContent.Text;
    assert.ok(!text.includes("spoiler") && text.endsWith(": he dies"), text);

    const bad = tool("import", tempFile("bad.csv", "term,action\nx,ban\n"), "--action", "block", ...into);
    assert.equal(bad.code, 1);
    assert.match(bad.err + bad.out, /line 2: action must be block, discard, mask or review, not "ban"/);
  });

  it("ls lists every rule document with its counts; rm deletes one with its blob, only when told", async () => {
    const group = "@TGS#ls";
    const doc = tempFile("ls.json", JSON.stringify({ block: ["a1", "b1"], review: ["c1"], patterns: [{ pattern: "zz+", action: "block" }], mode: "monitor" }));
    assert.equal(tool("push", doc, "--group", group).code, 0);
    const listed = tool("ls");
    assert.equal(listed.code, 0, listed.err);
    const line = listed.out.split("\n").find((l) => l.startsWith(`rules:group:${group} `));
    assert.ok(line, listed.out);
    assert.match(line, /^rules:group:@TGS#ls\s+[0-9a-f]{12}\s+\d+\s+monitor\s+2\/0\/0\/1 patterns 1\s+yes$/);
    assert.ok(listed.out.split("\n")[1].startsWith("rules "), "the global document first");

    const asked = tool("rm", `group:${group}`);
    assert.equal(asked.code, 1);
    assert.match(asked.out, /nothing deleted \(give --yes/);
    assert.equal(tool("pull", "--group", group).code, 0, "still there");
    const removed = tool("rm", `group:${group}`, "--yes");
    assert.equal(removed.code, 0, removed.err);
    assert.match(removed.out, /deleted rules:group:@TGS#ls/);
    assert.equal(tool("pull", "--group", group).code, 1);
    assert.ok(!kv("key", "list", "--prefix", `rules:group:${group}`).includes("compiled"), "the blob went too");
    assert.match(tool("rm", "grp:x", "--yes").err, /the document is `rules` or `group:<GROUP_ID>`/);
  });

  it("patterns: push compiles them into the blob and the worker applies them; a bad pattern is refused with its position", async () => {
    const group = "@TGS#patterns";
    const bad = tempFile(
      "bad-pattern.json",
      '{\n  "patterns": [\n    {"pattern": "v\\\\s*x(?=[a-z])", "action": "block"}\n  ]\n}\n',
    );
    const refused = tool("push", bad, "--group", group);
    assert.equal(refused.code, 1, refused.out + refused.err);
    // Column 24 is the `(` of `(?=` in the file: the pattern's backslash is written twice in JSON.
    assert.match(refused.out, /bad-pattern.json:3:24: patterns\[0\]\.pattern: look-around, including look-ahead and look-behind, is not supported/);
    assert.match(refused.out, /nothing pushed/);
    assert.equal(tool("pull", "--group", group).code, 1, "nothing was written");

    const good = tempFile(
      "patterns.json",
      JSON.stringify({
        patterns: [
          { pattern: "\\bv\\s*x\\s*[:：]?\\s*[a-z][a-z0-9_-]{5,19}\\b", action: "block", code: 10130, info: "No contact details" },
          { pattern: "\\d{3}-\\d{4}", action: "mask" },
        ],
      }),
    );
    const pushed = tool("push", good, "--group", group);
    assert.equal(pushed.code, 0, pushed.out + pushed.err);
    const blocked = await gate.send(BEFORE, beforeSend({ GroupId: group, text: "加ＶＸ：Ａｌｉｃｅ_88 聊" }));
    assert.deepEqual(blocked.json, { ActionStatus: "OK", ErrorInfo: "No contact details", ErrorCode: 10130 });
    const line = gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.ok(line.matched.includes("group/block:patterns[0]"), JSON.stringify(line.matched));
    const masked = await gate.send(BEFORE, beforeSend({ GroupId: group, text: "call 555-1234 now" }));
    assert.equal(masked.json.ErrorCode, 0);
    assert.equal(masked.json.MsgBody[0].MsgContent.Text, "call ******** now");
    const clean = await gate.send(BEFORE, beforeSend({ GroupId: group, text: "the vx is out, see you" }));
    assert.deepEqual(clean.json, { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
  });
});
