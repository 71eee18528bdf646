// The whole test suite, as CI runs it: formatting, lints (host: every crate; wasm: the worker's
// crates), every crate's Rust tests,
// the release wasm build, and the integration tests against that build in workerd.
import { spawnSync } from "node:child_process";
import { buildEnv, root } from "./lib/toolchain.mjs";

const steps = [
  ["cargo", ["fmt", "--check"]],
  ["cargo", ["clippy", "--workspace", "--exclude", "timgate-unicode-gen", "--all-targets", "--", "-D", "warnings"]],
  // The worker's code (its crates, tests aside) holds no unwrap() or expect(): a panic resets
  // the wasm instance.
  ["cargo", ["clippy", "--lib", "--target", "wasm32-unknown-unknown", "--", "-D", "warnings", "-D", "clippy::unwrap_used", "-D", "clippy::expect_used"]],
  ["cargo", ["test", "--workspace", "--exclude", "timgate-unicode-gen"]],
  // The library crates' documentation, with broken links as errors.
  ["cargo", ["doc", "--no-deps", "-p", "timgate-matcher", "-p", "timgate-engine", "-p", "timgate-cli"], { RUSTDOCFLAGS: "-D warnings" }],
  ["node", ["scripts/build.mjs"]],
  ["node", ["--test", "--test-concurrency=1", "--test-reporter=spec", "tests/integration/"]],
];
for (const [cmd, args, env = {}] of steps) {
  console.log(`\n[test] ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, env: { ...buildEnv(), ...env }, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`[test] FAILED: ${cmd} ${args.join(" ")}`);
    process.exit(r.status ?? 1);
  }
}
console.log("\n[test] all green");
