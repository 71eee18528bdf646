// The bad-input matrix (issue 7): one row per hostile input, sent to the built worker in
// workerd. Each row gets the answer documented in the README ("Answers", "Bad input"); no row
// makes the worker panic (no "panic", "Critical" or wasm trap in its logs); no row forbids a
// message that carries no banned term (FAIL_MODE=open, a rule document with a block term); and
// every body row is also sent as an after-send event, which must reach the origin byte for byte.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { beforeSend, seedQuery, startGate, startOrigin, tencentSign } from "./harness.mjs";

const BEFORE = "Group.CallbackBeforeSendMsg";
const AFTER = "Group.CallbackAfterSendMsg";
const TOKEN = "xxxxyyyy";
const ADMIN_TOKEN = "matrix-admin matrix-admin-next";
const BANNED = "buy followers";
const LIMIT = 64 * 1024;
const OK = { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 };
/** What a panic or a wasm trap leaves in workerd's output. */
const CRASH = /panic|Critical|RuntimeError|unreachable|call stack|out of bounds/i;

const now = () => Math.floor(Date.now() / 1000);
/** A query string signed with TOKEN; `extra` adds or overrides parameters (null removes one). */
function signed(command = BEFORE, { time = now(), sign, extra = {} } = {}) {
  const params = new URLSearchParams(seedQuery(command));
  params.set("RequestTime", String(time));
  params.set("Sign", sign ?? tencentSign(TOKEN, time));
  for (const [k, v] of Object.entries(extra)) v === null ? params.delete(k) : params.set(k, v);
  return params.toString();
}
const appendParam = (query, name, value) => `${query}&${name}=${encodeURIComponent(value)}`;

const json = (value) => JSON.stringify(value);
const text = (t) => [{ MsgType: "TIMTextElem", MsgContent: { Text: t } }];
/** A before-send body (Live-room seed sample) with these fields replaced, as JSON text. */
const body = (fields) => json(beforeSend(fields));
/** The same with `raw` (JSON text) as the value of `field`, for what JSON.stringify cannot write. */
const bodyWithRaw = (field, raw, fields = {}) => body({ ...fields, [field]: "@@RAW@@" }).replace('"@@RAW@@"', raw);
function relay(depth, inner) {
  let element = inner;
  for (let i = 0; i < depth; i++) element = { MsgType: "TIMRelayElem", MsgContent: { Title: "History", MsgList: [{ From_Account: "a", MsgBody: [element] }] } };
  return element;
}
function manyElements(n, last) {
  return body({ MsgBody: [...Array(n - 1).fill({}), ...(last ? text(last) : [{}])] });
}
/** Raw bytes: a Text holding `t` plus an invalid UTF-8 sequence. */
function invalidUtf8(t) {
  const b = Buffer.from(body({ text: `${t} @@` }));
  const at = b.indexOf("@@");
  b[at] = 0xff;
  b[at + 1] = 0xc3;
  return b;
}
/** A body of exactly `size` bytes whose text is filler. */
function sized(size) {
  const filler = "a".repeat(size - Buffer.byteLength(body({ text: "" })));
  return body({ text: filler });
}

// Rows: `body` rows are also sent as after-send events. `expect` is either {code} (HTTP 200
// with that ErrorCode) or {status, error}. `banned` marks the rows that carry the block term.
const bodyRows = [
  { input: "empty body", body: "", expect: { code: 0 } },
  { input: "not JSON", body: "hello, world", expect: { code: 0 } },
  { input: "truncated JSON", body: '{"MsgBody": [ {"MsgType": "TIMTextElem", ', expect: { code: 0 } },
  { input: "JSON array", body: json([beforeSend({ text: "hi" })]), expect: { code: 0 } },
  { input: "JSON number", body: "42", expect: { code: 0 } },
  { input: "JSON string", body: json("a string"), expect: { code: 0 } },
  { input: "JSON null", body: "null", expect: { code: 0 } },
  { input: "duplicate MsgBody field", body: body({ text: "hi" }).replace('"MsgBody"', '"MsgBody":[],"MsgBody"'), expect: { code: 0 } },
  // The last of two fields counts, as in JavaScript's JSON.parse (what a client displays).
  { input: "duplicate MsgBody field, the last banned", body: body({ text: BANNED }).replace('"MsgBody"', '"MsgBody":[],"MsgBody"'), expect: { code: 1 }, banned: true },
  // What serde_json refuses and JavaScript clients send (issue 11): the text is still read.
  { input: "NaN, Infinity and 1e999 elsewhere, banned text", body: body({ text: BANNED }).replace("{", '{"Random":NaN,"X":[Infinity,-Infinity,1e999],'), expect: { code: 1 }, banned: true },
  { input: "NaN inside the banned element", body: body({ text: BANNED }).replace('"MsgContent"', '"N":NaN,"MsgContent"'), expect: { code: 1 }, banned: true },
  { input: "MsgBody is an object", body: body({ MsgBody: { Text: "hi" } }), expect: { code: 0 } },
  { input: "MsgBody is a string", body: body({ MsgBody: "hi" }), expect: { code: 0 } },
  { input: "MsgBody holds non-objects", body: body({ MsgBody: [1, "x", null, [], true] }), expect: { code: 0 } },
  { input: "Random negative", body: body({ text: "hi", Random: -1 }), expect: { code: 0 } },
  { input: "Random negative, banned text", body: body({ text: BANNED, Random: -1 }), expect: { code: 1 }, banned: true },
  { input: "Random > u32", body: body({ text: "hi", Random: 4294967296 }), expect: { code: 0 } },
  { input: "Random > u32, banned text", body: body({ text: BANNED, Random: 4294967296 }), expect: { code: 1 }, banned: true },
  { input: "Random a string", body: body({ text: "hi", Random: "lots" }), expect: { code: 0 } },
  { input: "EventTime garbage", body: body({ text: BANNED, EventTime: "yesterday" }), expect: { code: 1 }, banned: true },
  { input: "EventTime an object", body: body({ text: "hi", EventTime: { ms: 1 } }), expect: { code: 0 } },
  { input: "CallbackCommand in the body a number", body: body({ text: BANNED, CallbackCommand: 7 }), expect: { code: 1 }, banned: true },
  { input: "CloudCustomData nested 5,000 deep", body: bodyWithRaw("CloudCustomData", "[".repeat(5000) + "]".repeat(5000), { text: BANNED }), expect: { code: 1 }, banned: true },
  { input: "10,000 elements in MsgBody", body: manyElements(10_000), expect: { code: 0 } },
  { input: "10,000 elements, the last one banned", body: manyElements(10_000, BANNED), expect: { code: 1 }, banned: true },
  { input: "relay nested 100 deep", body: body({ MsgBody: [relay(100, text("hi")[0])] }), expect: { code: 0 } },
  { input: "relay nested 100 deep, banned at the bottom", body: body({ MsgBody: [relay(100, text(BANNED)[0])] }), expect: { code: 1 }, banned: true },
  { input: "invalid UTF-8 in the text", body: invalidUtf8("hi"), expect: { code: 0 } },
  { input: "invalid UTF-8 next to banned text", body: invalidUtf8(BANNED), expect: { code: 1 }, banned: true },
  { input: "lone surrogate \\ud800 in the text", body: body({ text: "hi @@" }).replace("@@", "\\ud800"), expect: { code: 0 } },
  { input: "lone surrogate next to banned text", body: body({ text: `${BANNED} @@` }).replace("@@", "\\ud800"), expect: { code: 1 }, banned: true },
  { input: "lone surrogate \\udc00 in CloudCustomData, banned text", body: bodyWithRaw("CloudCustomData", '"\\udc00"', { text: BANNED }), expect: { code: 1 }, banned: true },
  { input: "exactly 64 KB", body: sized(LIMIT), expect: { code: 0 } },
  { input: "64 KB + 1", body: sized(LIMIT + 1), expect: { status: 413, error: "body_too_large" }, notForwarded: true },
];

const requestRows = [
  { input: "no query string", query: () => "", expect: { status: 403, error: "wrong_sdkappid" } },
  { input: "SdkAppid missing", query: () => signed(BEFORE, { extra: { SdkAppid: null } }), expect: { status: 403, error: "wrong_sdkappid" } },
  { input: "SdkAppid empty", query: () => signed(BEFORE, { extra: { SdkAppid: "" } }), expect: { status: 403, error: "wrong_sdkappid" } },
  { input: "SdkAppid of another app", query: () => signed(BEFORE, { extra: { SdkAppid: "1400000001" } }), expect: { status: 403, error: "wrong_sdkappid" } },
  { input: "CallbackCommand missing", query: () => signed(BEFORE, { extra: { CallbackCommand: null } }), expect: { status: 400, error: "bad_command" } },
  { input: "CallbackCommand malformed", query: () => signed(BEFORE, { extra: { CallbackCommand: "Group.<script>" } }), expect: { status: 400, error: "bad_command" } },
  { input: "CallbackCommand of 65 characters", query: () => signed(BEFORE, { extra: { CallbackCommand: "G." + "x".repeat(63) } }), expect: { status: 400, error: "bad_command" } },
  { input: "Sign missing", query: () => signed(BEFORE, { extra: { Sign: null } }), expect: { status: 401, error: "bad_signature" } },
  { input: "RequestTime missing", query: () => signed(BEFORE, { extra: { RequestTime: null } }), expect: { status: 401, error: "bad_signature" } },
  { input: "contenttype, ClientIP, OptPlatform missing", query: () => signed(BEFORE, { extra: { contenttype: null, ClientIP: null, OptPlatform: null } }), expect: { code: 0 } },
  { input: "SdkAppid twice", query: () => appendParam(signed(), "SdkAppid", "1400000000"), expect: { status: 400, error: "duplicate_parameter" } },
  { input: "CallbackCommand twice", query: () => appendParam(signed(), "CallbackCommand", "Group.CallbackAfterSendMsg"), expect: { status: 400, error: "duplicate_parameter" } },
  { input: "Sign twice", query: () => appendParam(signed(), "Sign", tencentSign(TOKEN, now())), expect: { status: 400, error: "duplicate_parameter" } },
  { input: "RequestTime twice", query: () => appendParam(signed(), "RequestTime", String(now())), expect: { status: 400, error: "duplicate_parameter" } },
  { input: "ClientIP twice (not checked)", query: () => appendParam(signed(), "ClientIP", "10.0.0.1"), expect: { code: 0 } },
  { input: "SdkAppid percent-encoded (Sdk%41ppid)", query: () => signed().replace("SdkAppid=", "Sdk%41ppid="), expect: { code: 0 } },
  {
    input: "CallbackCommand differs between query and body",
    body: body({ text: "hi", CallbackCommand: "C2C.CallbackBeforeSendMsg" }),
    expect: { status: 400, error: "command_mismatch" },
  },
  {
    input: "after-send whose body names another command (body not read)",
    query: () => signed(AFTER),
    body: body({ text: BANNED, CallbackCommand: BEFORE }),
    expect: { code: 0 },
    forwarded: true,
  },
  { input: "unknown command", query: () => signed("Some.FutureCommand"), body: "{}", expect: { code: 0 }, forwarded: true },
  { input: "GET", method: "GET", expect: { status: 405, error: "method_not_allowed" } },
  { input: "PUT", method: "PUT", expect: { status: 405, error: "method_not_allowed" } },
  { input: "OPTIONS", method: "OPTIONS", expect: { status: 405, error: "method_not_allowed" } },
  { input: "DELETE", method: "DELETE", expect: { status: 405, error: "method_not_allowed" } },
  { input: "HEAD", method: "HEAD", expect: { status: 405 } },
  { input: "any path (not only /)", path: "/hooks/tencent", expect: { code: 0 } },
  { input: "Content-Type text/plain", headers: { "content-type": "text/plain" }, expect: { code: 0 } },
  { input: "64 KB + 1 streamed without Content-Length", stream: sized(LIMIT + 1), expect: { status: 413, error: "body_too_large" } },
  { input: "replayed Sign: RequestTime 61 s old", query: () => signed(BEFORE, { time: now() - 61 }), expect: { status: 401, error: "bad_signature" } },
  { input: "replayed Sign: RequestTime an hour old", query: () => signed(BEFORE, { time: now() - 3600 }), expect: { status: 401, error: "bad_signature" } },
  { input: "RequestTime 2 minutes ahead", query: () => signed(BEFORE, { time: now() + 120 }), expect: { status: 401, error: "bad_signature" } },
  { input: "RequestTime 30 s old (inside the window)", query: () => signed(BEFORE, { time: now() - 30 }), expect: { code: 0 } },
  { input: "old Sign with a fresh RequestTime", query: () => signed(BEFORE, { sign: tencentSign(TOKEN, now() - 3600) }), expect: { status: 401, error: "bad_signature" } },
  { input: "Sign of another token", query: () => signed(BEFORE, { sign: tencentSign("zzzz", now()) }), expect: { status: 401, error: "bad_signature" } },
  { input: "Sign 63 hex digits", query: () => signed(BEFORE, { sign: tencentSign(TOKEN, now()).slice(1) }), expect: { status: 401, error: "bad_signature" } },
  { input: "Sign 65 hex digits", query: () => signed(BEFORE, { sign: tencentSign(TOKEN, now()) + "0" }), expect: { status: 401, error: "bad_signature" } },
  { input: "Sign 40 hex digits", query: () => signed(BEFORE, { sign: tencentSign(TOKEN, now()).slice(0, 40) }), expect: { status: 401, error: "bad_signature" } },
  { input: "Sign empty", query: () => signed(BEFORE, { sign: "" }), expect: { status: 401, error: "bad_signature" } },
  { input: "Sign twice as long (two signs)", query: () => signed(BEFORE, { sign: tencentSign(TOKEN, now()).repeat(2) }), expect: { status: 401, error: "bad_signature" } },
  { input: "Sign not hex", query: () => signed(BEFORE, { sign: "z".repeat(64) }), expect: { status: 401, error: "bad_signature" } },
  { input: "Sign in upper case", query: () => signed(BEFORE, { sign: tencentSign(TOKEN, now()).toUpperCase() }), expect: { code: 0 } },
  { input: "RequestTime not a number", query: () => signed(BEFORE, { time: "yesterday" }), expect: { status: 401, error: "bad_signature" } },
  { input: "RequestTime beyond i64", query: () => signed(BEFORE, { time: "99999999999999999999" }), expect: { status: 401, error: "bad_signature" } },
  { input: "RequestTime negative", query: () => signed(BEFORE, { time: -1 }), expect: { status: 401, error: "bad_signature" } },
  { input: "admin path without Authorization", path: "/__timgate/dead-letters", method: "GET", expect: { status: 401, error: "unauthorized" } },
  { input: "admin path with a wrong token", path: "/__timgate/dead-letters", method: "GET", headers: { authorization: "Bearer nope" }, expect: { status: 401, error: "unauthorized" } },
  { input: "admin path with both rotation tokens as one", path: "/__timgate/x", method: "GET", headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, expect: { status: 401, error: "unauthorized" } },
  { input: "admin path with the second token of a rotation", path: "/__timgate/x", method: "GET", headers: { authorization: "Bearer matrix-admin-next" }, expect: { status: 404, error: "not_found" } },
];

describe("bad-input matrix (FAIL_MODE=open, CALLBACK_TOKEN set, a block term in the rules)", () => {
  let gate, origin;
  before(async () => {
    origin = await startOrigin();
    gate = await startGate({ origin, vars: { CALLBACK_TOKEN: TOKEN, FAIL_MODE: "open", ADMIN_TOKEN } });
    await gate.kv.put("rules", json({ block: [BANNED] }));
  });
  after(async () => {
    await gate.dispose();
    await origin.close();
  });

  /** Sends a row; checks the answer, the logs, and that a clean message is never forbidden. */
  async function check(row, { command = BEFORE, query = row.query?.() ?? signed(command) } = {}) {
    const logsBefore = gate.logs.length;
    let r;
    if (row.stream !== undefined) {
      const bytes = Buffer.from(row.stream);
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.subarray(i, i + 4096));
          controller.close();
        },
      });
      const response = await gate.mf.dispatchFetch(`http://timgate.test/?${query}`, { method: "POST", body: stream, duplex: "half", headers: row.headers });
      const t = await response.text();
      r = { status: response.status, text: t, json: JSON.parse(t), headers: response.headers };
    } else {
      const method = row.method ?? "POST";
      const payload = method === "GET" || method === "HEAD" ? undefined : (row.body ?? body({ text: "hi" }));
      r = await gate.send(command, payload, { query, method, headers: row.headers, path: row.path });
    }
    if ("code" in row.expect) {
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.ErrorCode, row.expect.code, r.text);
      if (row.expect.code === 0) assert.deepEqual(r.json, OK);
    } else {
      assert.equal(r.status, row.expect.status, r.text);
      if (row.expect.error) assert.equal(r.json.error, row.expect.error, r.text);
      if (row.expect.status === 405) assert.equal(r.headers.get("allow"), "POST");
    }
    if (!row.banned && r.status === 200) assert.equal(r.json.ErrorCode, 0, "a message without a banned term is never forbidden");
    // Log lines are written after the answer: give them a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const crashed = gate.logs.slice(logsBefore).filter((line) => CRASH.test(line));
    assert.deepEqual(crashed, [], "no panic or trap in the worker's logs");
    return r;
  }

  for (const row of bodyRows) {
    it(`before-send: ${row.input} → ${describeExpect(row.expect)}`, () => check(row));
    it(`after-send: ${row.input} → ${row.notForwarded ? describeExpect(row.expect) : "0, passed on byte for byte"}`, async () => {
      origin.clear();
      const expect = row.notForwarded ? row.expect : { code: 0 };
      await check({ ...row, expect, banned: false }, { command: AFTER });
      if (row.notForwarded) return;
      const bytes = Buffer.from(row.body);
      const got = await origin.next((req) => req.body.equals(bytes));
      assert.ok(got.url.includes("CallbackCommand=Group.CallbackAfterSendMsg"));
    });
  }

  for (const row of requestRows) {
    it(`${row.input} → ${describeExpect(row.expect)}`, async () => {
      origin.clear();
      await check(row);
      if (row.forwarded) {
        const bytes = Buffer.from(row.body);
        await origin.next((req) => req.body.equals(bytes));
      }
    });
  }

  it("no line of the worker's output, over the whole matrix, shows a panic or a trap", () => {
    assert.deepEqual(gate.logs.filter((line) => CRASH.test(line)), []);
    assert.ok(gate.logLines().filter((l) => l.event === "callback").length >= bodyRows.length * 2 + requestRows.length - 3);
  });
});

function describeExpect(expect) {
  return "code" in expect ? `ErrorCode ${expect.code}` : `${expect.status}${expect.error ? " " + expect.error : ""}`;
}
