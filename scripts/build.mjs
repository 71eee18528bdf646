// Builds the worker (build/index.js + wasm) with worker-build, using only local tools.
// wrangler runs this as its [build] command; `npm run build` runs it by hand.
//
// A release build then drops the wasm's debug sections (the `name` section of function names:
// about 97 KB raw, 27 KB gzipped) with the same wasm-opt worker-build used. A panic still says
// what and where (its message carries the source file and line); only the function names of a
// wasm stack trace are lost.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildEnv, cargoTool, npmBin, root } from "./lib/toolchain.mjs";

const workerBuild = cargoTool("worker-build");
if (!workerBuild) {
  console.error("worker-build is not installed: run `npm run setup` first.");
  process.exit(1);
}
const dev = process.argv.includes("--dev");
const result = spawnSync(workerBuild, [dev ? "--dev" : "--release"], { cwd: root, env: buildEnv(), stdio: "inherit" });
if (result.status !== 0 || dev) process.exit(result.status ?? 1);
const wasm = join(root, "build", "index_bg.wasm");
const strip = spawnSync(npmBin("wasm-opt"), [wasm, "--strip-debug", "-o", wasm], { cwd: root, stdio: "inherit" });
process.exit(strip.status ?? 1);
