// Every KV command in the docs says which KV it means (issue 11).
//
// wrangler 4's `kv key put/get/delete/list` and `kv bulk put/get/delete` work on the *local*
// state (.wrangler/state) unless given `--remote`; they only mention it in a line of their output.
// An operator who copies a ban or a rule push from the docs to fix production would write
// nowhere that matters. So every docs line that runs one of them says `--remote` or `--local`.
//
// The rule, as checked below:
// - Scanned: what an operator reads or copies. README.md, ARCHITECTURE.md, SECURITY.md and every
//   other Markdown file; docs/, examples/, scripts/ and bench/; wrangler.toml; src/ and crates/ (the rules
//   tool's `--help` comes from its doc comments, and its messages are instructions too). Not
//   scanned: tests/ (they state facts about wrangler, and this file holds bad samples on purpose),
//   node_modules/, target/, build/, .wrangler/, and hidden folders.
// - A docs line runs a KV command when it contains `wrangler kv key` or `wrangler kv bulk`
//   (with `npx` or without; wrangler 3's `kv:key` too). A command continued with a trailing `\`
//   is one line. Each command on a line is checked on its own: from its `wrangler kv` to the
//   next one or the end of the line, it must contain `--remote` or `--local`.
// - Not a KV command: `wrangler kv namespace ...` (it creates or lists namespaces in the
//   account: there is no local copy, and wrangler has no `--remote`/`--local` for it), and a
//   mention of `wrangler kv` alone (prose about the tool, not a command to run).
// - Code that builds wrangler's arguments as a list (scripts/start.mjs spawns wrangler with
//   ["kv", "key", "put", ..., "--local", ...]; crates/cli/src/wrangler_kv.rs adds `--local` or
//   `--remote` to every call) does not contain the text `wrangler kv key`, so it is not a docs
//   line; what it runs is tested by running it (crates/cli/tests/cli.rs, rules-tool.test.mjs). A string such
//   code prints as an instruction does contain that text, and is checked.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

// Not from harness.mjs: this test needs neither the build nor node_modules.
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const KV_COMMAND = /\bwrangler\s+kv(?:\s+|:)(?:key|bulk)\b/g;
const NAMES_THE_KV = /(?:^|[^\w-])--(?:remote|local)(?![\w-])/;

/** The KV commands in `text` that name neither `--remote` nor `--local`: `{ line, command }`. */
export function unmarkedKvCommands(text) {
  const found = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let joined = lines[i];
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) joined = joined.replace(/\\\s*$/, " ") + lines[++i];
    const starts = [...joined.matchAll(KV_COMMAND)].map((m) => m.index);
    starts.forEach((start, n) => {
      const command = joined.slice(start, starts[n + 1] ?? joined.length);
      if (!NAMES_THE_KV.test(command)) found.push({ line, command: command.trim() });
    });
  }
  return found;
}

const SKIPPED = new Set(["node_modules", "target", "build", "tests"]);
const SCANNED_FOLDERS = ["docs", "examples", "scripts", "bench", "src", "crates"];

function filesUnder(dir, keep) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, keep));
    else if (entry.isFile() && keep(path)) out.push(path);
  }
  return out;
}

/** Every file the rule above scans. */
export function docsFiles() {
  const files = new Set([join(root, "wrangler.toml")]);
  for (const path of filesUnder(root, (p) => p.endsWith(".md"))) files.add(path);
  for (const folder of SCANNED_FOLDERS) for (const path of filesUnder(join(root, folder), () => true)) files.add(path);
  return [...files].sort();
}

describe("docs: every wrangler KV command names --remote or --local", () => {
  it("flags a command without either, and only that", () => {
    const sample = [
      'npx wrangler kv key put --binding RULES "ban:x" \'{"until":null}\'',
      "npx wrangler kv key put --binding RULES rules --path rules.json --remote",
      "wrangler kv bulk get keys.json --binding RULES --local --persist-to /tmp/kv",
      "npx wrangler kv namespace create RULES",
      "//! npx wrangler kv key put --binding RULES rules:compiled --path rules.bin",
      "wrangler kv:key get rules --binding RULES",
      "npx wrangler kv key put --binding RULES rules \\",
      "  --path rules.json --remote",
      "`wrangler kv key get --remote`, then `wrangler kv key put k v`",
      "a mention of `wrangler kv` in prose; --remote-ish and --locale are not flags: wrangler kv key list",
      "KV through `wrangler kv`: local or remote",
    ].join("\n");
    assert.deepEqual(unmarkedKvCommands(sample), [
      { line: 1, command: 'wrangler kv key put --binding RULES "ban:x" \'{"until":null}\'' },
      { line: 5, command: "wrangler kv key put --binding RULES rules:compiled --path rules.bin" },
      { line: 6, command: "wrangler kv:key get rules --binding RULES" },
      { line: 9, command: "wrangler kv key put k v`" },
      { line: 10, command: "wrangler kv key list" },
    ]);
  });

  it("scans the docs it says it scans", () => {
    const scanned = docsFiles().map((p) => relative(root, p));
    for (const expected of ["README.md", "ARCHITECTURE.md", "SECURITY.md", "wrangler.toml", "fuzz/README.md", "examples/compile_rules.rs", "scripts/start.mjs", "crates/cli/src/wrangler_kv.rs"]) {
      assert.ok(scanned.includes(expected), `${expected} is scanned`);
    }
    assert.ok(!scanned.some((p) => p.startsWith("tests/") || p.startsWith("node_modules/")), "tests and node_modules are not");
  });

  it("no docs line runs wrangler kv without --remote or --local", () => {
    const problems = docsFiles().flatMap((path) =>
      unmarkedKvCommands(readFileSync(path, "utf8")).map(({ line, command }) => `${relative(root, path)}:${line}: ${command}`),
    );
    assert.deepEqual(problems, [], `say --remote (the deployed namespace) or --local (npm start's state):\n${problems.join("\n")}`);
  });
});
