// Installs what is missing, and nothing that is already there at the right version:
// the wasm32 target, worker-build and wasm-bindgen-cli matching Cargo.lock, and npm packages.
// Safe to run on every `npm start` / `npm test`.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cargoTool, lockedVersion, root, versionOf } from "./lib/toolchain.mjs";

// --quiet (used by `npm run rules`): say nothing when there is nothing to install.
const quiet = process.argv.includes("--quiet");

function run(cmd, args) {
  console.log(`[setup] ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`[setup] failed: ${cmd} ${args.join(" ")}`);
    process.exit(r.status ?? 1);
  }
}

// 1. Rust target for Workers.
const targets = execFileSync("rustup", ["target", "list", "--installed"], { encoding: "utf8" });
if (!targets.split("\n").includes("wasm32-unknown-unknown")) run("rustup", ["target", "add", "wasm32-unknown-unknown"]);

// 2. Cargo-installed tools, pinned to what Cargo.lock says (a mismatched wasm-bindgen CLI
//    refuses to run; without one, worker-build would try to download it).
const tools = [
  { bin: "worker-build", crate: "worker-build", version: lockedVersion("worker") },
  { bin: "wasm-bindgen", crate: "wasm-bindgen-cli", version: lockedVersion("wasm-bindgen") },
];
for (const tool of tools) {
  const have = versionOf(cargoTool(tool.bin));
  if (have && have.split(/\s+/).includes(tool.version)) continue;
  console.log(`[setup] ${tool.bin} ${tool.version} needed (found: ${have ?? "none"}); this takes a few minutes once.`);
  run("cargo", ["install", tool.crate, "--version", tool.version]);
}

// 3. npm packages, exactly as locked. Re-installed only when package-lock.json changes.
const lockHash = createHash("sha256").update(readFileSync(join(root, "package-lock.json"))).digest("hex");
const stamp = join(root, "node_modules", ".timgate-lock-hash");
const installed = existsSync(stamp) && readFileSync(stamp, "utf8") === lockHash;
if (!installed) {
  run("npm", ["ci", "--no-audit", "--no-fund"]);
  writeFileSync(stamp, lockHash);
}
// 4. Chromium for the console's browser tests: Debian's package (never a browser download),
//    driven by playwright-core. Installed when missing and apt-get can (as root); otherwise those
//    tests are skipped and say why.
const chromium = "/usr/bin/chromium";
if (!quiet && !existsSync(chromium) && process.env.TIMGATE_NO_CHROMIUM !== "1") {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { encoding: "utf8" }).status === 0;
  if (root && hasApt) {
    console.log("[setup] installing Debian's chromium for the console's browser tests (once)");
    const apt = (...args) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
    const install = () => apt("install", "-y", "--no-install-recommends", "chromium");
    // A fresh machine may have no package lists yet.
    if (!install() && !(apt("update") && install())) console.log("[setup] could not install chromium: the browser tests will be skipped");
  } else {
    console.log("[setup] no /usr/bin/chromium (install Debian's chromium package): the browser tests will be skipped");
  }
}
if (!quiet) console.log("[setup] toolchain ready");
