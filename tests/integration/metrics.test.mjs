// Verdict counters: with a METRICS binding, one Analytics Engine data point per callback; without
// one (every other test file), nothing; with a broken one, the answer is unchanged.
// Miniflare's own Analytics Engine simulator drops data points, so METRICS here is a wrapped
// binding whose writeDataPoint prints each point for the test to read.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { beforeSend, emptyKv, seedQuery, seedSample, startGate, startOrigin } from "./harness.mjs";

const GROUP = "@TGS#2J4SZEAEL";
const BEFORE = "Group.CallbackBeforeSendMsg";
const recorder = {
  name: "metrics-recorder",
  modules: true,
  script: `export default function () {
    return { writeDataPoint(point) { console.log("METRIC " + JSON.stringify(point)); } };
  }`,
};

/** A gate whose METRICS binding is the recorder above. */
function startRecordedGate(origin, vars = {}) {
  return startGate({
    origin,
    vars,
    workerOptions: { wrappedBindings: { METRICS: { scriptName: "metrics-recorder" } } },
    extraWorkers: [recorder],
  });
}

/** The data points `gate` has written, once there are `count` or after `tries` waits of 20 ms
 * (stdout arrives asynchronously). */
async function dataPoints(gate, count, tries = 50) {
  const recorded = () => gate.logs.filter((l) => l.startsWith("METRIC "));
  for (let i = 0; i < tries && recorded().length < count; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  return recorded().map((l) => JSON.parse(l.slice("METRIC ".length)));
}

describe("verdict counters (Analytics Engine)", () => {
  let origin, gate;
  before(async () => {
    origin = await startOrigin();
    gate = await startRecordedGate(origin);
  });
  after(async () => {
    await gate.dispose();
    await origin.close();
  });
  beforeEach(async () => {
    gate.logs.length = 0;
    await emptyKv(gate.kv);
    await gate.kv.put("rules", JSON.stringify({ block: ["buy followers"] }));
  });

  const points = (count) => dataPoints(gate, count);

  it("one data point per decided callback: command, outcome, basis, group; count, ms, status, code, matches", async () => {
    await gate.send(BEFORE, beforeSend({ text: "buy followers now" }));
    const [point] = await points(1);
    assert.deepEqual(point.indexes, [GROUP]);
    assert.deepEqual(point.blobs, [BEFORE, "block", "rules", "", GROUP, ""]);
    assert.equal(point.doubles.length, 5);
    assert.deepEqual([point.doubles[0], point.doubles[2], point.doubles[3], point.doubles[4]], [1, 200, 1, 1]);
    assert.ok(point.doubles[1] >= 0, "milliseconds");
  });

  it("monitor mode is counted as what would have happened", async () => {
    await gate.kv.put(`rules:group:${GROUP}`, JSON.stringify({ block: ["spoiler"], mode: "monitor" }));
    await gate.send(BEFORE, beforeSend({ text: "spoiler!" }));
    const [point] = await points(1);
    assert.deepEqual(point.blobs, [BEFORE, "allow", "rules", "block", GROUP, ""]);
    const line = gate.logLines().find((l) => l.event === "callback");
    assert.equal(line.would_be, "block", "the log line says it too");
  });

  it("forwarded and rejected callbacks are counted too", async () => {
    await gate.send("Group.CallbackAfterSendMsg", seedSample("after-group-message-sent"));
    await gate.send(BEFORE, beforeSend({ text: "hi" }), { query: seedQuery(BEFORE, { sdkAppId: "1400000001" }) });
    const [forwarded, rejected] = await points(2);
    assert.deepEqual(forwarded.blobs.slice(0, 3), ["Group.CallbackAfterSendMsg", "direct", ""], "no queue bound here: delivered directly");
    assert.equal(forwarded.doubles[3], -1, "no ErrorCode decided here");
    assert.deepEqual(rejected.blobs.slice(1, 2), ["rejected"]);
    assert.equal(rejected.doubles[2], 403);
  });
});

describe("a METRICS binding that is not a dataset", () => {
  it("never changes the answer; the write failure is logged", async () => {
    const gate = await startGate({ vars: { METRICS: "not a dataset" } });
    try {
      await gate.kv.put("rules", JSON.stringify({ block: ["buy followers"] }));
      const r = await gate.send(BEFORE, beforeSend({ text: "buy followers" }));
      assert.equal(r.json.ErrorCode, 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const line = gate.logLines().find((l) => l.event === "callback");
      assert.ok(line.problems.some((p) => p.startsWith("METRICS: ")), JSON.stringify(line));
    } finally {
      await gate.dispose();
    }
  });
});

describe("LOG_ROUTINE_SAMPLE=0.5: half the routine lines, every other line, every data point", () => {
  let origin, gate;
  before(async () => {
    origin = await startOrigin();
    gate = await startRecordedGate(origin, { LOG_ROUTINE_SAMPLE: "0.5" });
    await gate.kv.put("rules", JSON.stringify({ block: ["buy followers"] }));
  });
  after(async () => {
    await gate.dispose();
    await origin.close();
  });

  /** Callback lines and data points once `points` data points have arrived. */
  async function written(count) {
    await dataPoints(gate, count, 100);
    await new Promise((r) => setTimeout(r, 100));
    return { lines: gate.logLines().filter((l) => l.event === "callback"), points: await dataPoints(gate, count, 0) };
  }

  it("4 allowed messages and 2 events passed on: 3 lines; a block and a rejection: always; 8 data points", async () => {
    gate.logs.length = 0;
    for (let i = 0; i < 4; i++) assert.equal((await gate.send(BEFORE, beforeSend({ text: `hello ${i}` }))).json.ErrorCode, 0);
    for (let i = 0; i < 2; i++) await gate.send("Group.CallbackAfterSendMsg", seedSample("after-group-message-sent"));
    assert.equal((await gate.send(BEFORE, beforeSend({ text: "buy followers" }))).json.ErrorCode, 1);
    await gate.send(BEFORE, beforeSend({ text: "hi" }), { query: seedQuery(BEFORE, { sdkAppId: "1400000001" }) });
    const { lines, points } = await written(8);
    assert.equal(points.length, 8, "every callback is counted");
    const outcomes = lines.map((l) => l.outcome);
    assert.equal(outcomes.filter((o) => o === "allow").length, 2, JSON.stringify(outcomes));
    assert.equal(outcomes.filter((o) => o === "direct" || o === "duplicate").length, 1, JSON.stringify(outcomes));
    assert.equal(outcomes.filter((o) => o === "block").length, 1, JSON.stringify(outcomes));
    assert.equal(outcomes.filter((o) => o === "rejected").length, 1, JSON.stringify(outcomes));
  });
});

describe("LOG_ROUTINE_SAMPLE that is not a share", () => {
  it("is named in the misconfigured answer", async () => {
    const gate = await startGate({ vars: { LOG_ROUTINE_SAMPLE: "10%" } });
    try {
      const r = await gate.send(BEFORE, beforeSend({ text: "hi" }));
      assert.equal(r.status, 500);
      assert.match(r.text, /LOG_ROUTINE_SAMPLE must be a number from 0 to 1/);
    } finally {
      await gate.dispose();
    }
  });
});
