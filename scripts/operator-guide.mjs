// Runs the README's operator walk-through ("Walk-through against `npm start`") as written, and
// prints a transcript: `npm start -- --var CACHE_SECONDS:0` in the background, then every
// command of the walk-through's later shell blocks in one bash session, each after "$ " with
// its output, then what the `npm start` terminal printed (the demo origin's review events).
//
//   node scripts/operator-guide.mjs > docs/operator-guide-transcript.txt
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./lib/toolchain.mjs";

const readme = readFileSync(join(root, "README.md"), "utf8");
const start = readme.indexOf("### Walk-through against `npm start`");
const section = readme.slice(start, readme.indexOf("\n## ", start));
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
const [startBlock, ...commandBlocks] = blocks;
const commands = commandBlocks.flatMap((b) => b.split("\n")).filter((l) => l.trim());

const quote = (s) => `'${s.replaceAll("'", `'\\''`)}'`;
const script = ["exec 2>&1", ...commands.flatMap((c) => [`printf '\\n$ %s\\n' ${quote(c)}`, c])].join("\n");

const server = spawn("bash", ["-c", startBlock.trim()], { cwd: root, detached: true });
let serverOutput = "";
server.stdout.on("data", (d) => (serverOutput += d));
server.stderr.on("data", (d) => (serverOutput += d));
const deadline = Date.now() + 600_000;
while (!serverOutput.includes("Ready on")) {
  if (Date.now() > deadline || server.exitCode !== null) {
    console.error(serverOutput);
    throw new Error("npm start did not get ready");
  }
  await new Promise((r) => setTimeout(r, 500));
}

const run = spawnSync("bash", ["-c", script], { cwd: root, encoding: "utf8" });
await new Promise((r) => setTimeout(r, 2000));
process.kill(-server.pid, "SIGTERM");

console.log(`Operator's guide (README, "Walk-through against \`npm start\`"), run by scripts/operator-guide.mjs`);
console.log(`in ${root} on ${new Date().toISOString()}.\n`);
console.log(`Terminal 1: ${startBlock.trim()}   (its output is at the end)\n`);
console.log("Terminal 2: every command of the walk-through, in order, in one bash session:");
console.log(run.stdout);
console.log("\n--- Terminal 1 (npm start): the demo origin's lines and the worker's log lines ---");
console.log(
  serverOutput
    .split("\n")
    .filter((l) => l.startsWith("[origin]") || l.startsWith("{\"event\""))
    .join("\n"),
);
