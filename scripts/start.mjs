// `npm start`: seeds local KV with the example rules and bans, starts the demo origin, and
// runs `wrangler dev` on http://127.0.0.1:8787. Ctrl-C stops both. Arguments after `--` go to
// wrangler dev (`npm start -- --var CACHE_SECONDS:0`), except `--fresh`, which first deletes the
// local state of earlier runs (`.wrangler/state`: KV, queues, Durable Objects), so that a
// walk-through's group documents, bans and dead letters do not change later results.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildEnv, npmBin, root } from "./lib/toolchain.mjs";

// Demo-only signing secret, so the demo origin can show a verified signature.
// Production secrets are set with `wrangler secret put FORWARD_SECRET`.
const DEMO_FORWARD_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
// Demo-only operator token: `ADMIN_TOKEN=local-admin npm run dead-letters -- list`.
const DEMO_ADMIN_TOKEN = "local-admin";
const env = { ...buildEnv(), FORWARD_SECRET: process.env.FORWARD_SECRET ?? DEMO_FORWARD_SECRET };
const wrangler = npmBin("wrangler");

const fresh = process.argv.includes("--fresh");
const wranglerArgs = process.argv.slice(2).filter((a) => a !== "--fresh");
if (fresh) {
  rmSync(join(root, ".wrangler", "state"), { recursive: true, force: true });
  console.log("[start] --fresh: deleted the local state of earlier runs (.wrangler/state)");
}

function kvPut(key, value) {
  const r = spawnSync(wrangler, ["kv", "key", "put", "--binding", "RULES", "--local", key, value], { cwd: root, env, encoding: "utf8" });
  if (r.status !== 0) {
    console.error(r.stderr || r.stdout);
    process.exit(1);
  }
  console.log(`[start] local KV: ${key}`);
}

kvPut("rules", readFileSync(join(root, "examples", "rules.json"), "utf8"));
for (const [key, record] of Object.entries(JSON.parse(readFileSync(join(root, "examples", "bans.json"), "utf8")))) {
  kvPut(key, JSON.stringify(record));
}

const children = [
  spawn(process.execPath, [join(root, "scripts", "demo-origin.mjs")], { cwd: root, env, stdio: "inherit" }),
  spawn(wrangler, ["dev", "--ip", "127.0.0.1", "--port", "8787", "--var", `FORWARD_SECRET:${env.FORWARD_SECRET}`, "--var", `ADMIN_TOKEN:${DEMO_ADMIN_TOKEN}`, ...wranglerArgs], { cwd: root, env, stdio: "inherit" }),
];
const stop = () => children.forEach((c) => c.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
children.forEach((c) => c.on("exit", (code) => { stop(); process.exitCode = code ?? 0; }));
