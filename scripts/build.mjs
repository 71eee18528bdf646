// Builds the worker (build/index.js + wasm) with worker-build, using only local tools.
// wrangler runs this as its [build] command; `npm run build` runs it by hand.
import { spawnSync } from "node:child_process";
import { buildEnv, cargoTool, root } from "./lib/toolchain.mjs";

const workerBuild = cargoTool("worker-build");
if (!workerBuild) {
  console.error("worker-build is not installed: run `npm run setup` first.");
  process.exit(1);
}
const args = process.argv.includes("--dev") ? ["--dev"] : ["--release"];
const result = spawnSync(workerBuild, args, { cwd: root, env: buildEnv(), stdio: "inherit" });
process.exit(result.status ?? 1);
