// Where the build tools are, and which versions this checkout needs. Shared by setup and build.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const cargoBin = join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "bin");
const exe = process.platform === "win32" ? ".exe" : "";

/** The version of `name` in Cargo.lock (the locked wasm-bindgen, worker...). */
export function lockedVersion(name) {
  const lock = readFileSync(join(root, "Cargo.lock"), "utf8");
  const match = lock.match(new RegExp(`\\[\\[package\\]\\]\\nname = "${name}"\\nversion = "([^"]+)"`));
  if (!match) throw new Error(`${name} is not in Cargo.lock`);
  return match[1];
}

/** Path of a cargo-installed binary (PATH first, then ~/.cargo/bin). */
export function cargoTool(name) {
  const inCargoBin = join(cargoBin, name + exe);
  try {
    const found = execFileSync(process.platform === "win32" ? "where" : "which", [name], { encoding: "utf8" }).split("\n")[0].trim();
    if (found) return found;
  } catch {}
  return existsSync(inCargoBin) ? inCargoBin : null;
}

/** `<tool> --version` output, or null. */
export function versionOf(path) {
  if (!path) return null;
  try {
    return execFileSync(path, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

/** Binaries from node_modules that worker-build would otherwise download. */
export function npmBin(name) {
  return join(root, "node_modules", ".bin", name + (process.platform === "win32" ? ".cmd" : ""));
}

/** Environment for worker-build: every tool it needs, local, so no download is attempted. */
export function buildEnv() {
  return {
    ...process.env,
    PATH: `${cargoBin}${process.platform === "win32" ? ";" : ":"}${process.env.PATH}`,
    WASM_BINDGEN_BIN: cargoTool("wasm-bindgen") ?? "wasm-bindgen",
    ESBUILD_BIN: npmBin("esbuild"),
    WASM_OPT_BIN: npmBin("wasm-opt"),
  };
}
