// The dead-letter store, from the command line:
//   npm run dead-letters -- list        [--url https://timgate.example.workers.dev]
//   npm run dead-letters -- show ID     [--url ...]   the stored event whole, and why it is here
//   npm run dead-letters -- delete ID   [--url ...]
//   npm run dead-letters -- replay      [--url ...]   every page of the store
// Needs ADMIN_TOKEN in the environment (the worker's ADMIN_TOKEN secret). The default URL is
// the local `npm start` worker.
const [command = "list", ...rest] = process.argv.slice(2);
const urlFlag = rest.indexOf("--url");
const base = urlFlag >= 0 ? rest[urlFlag + 1] : "http://127.0.0.1:8787";
const token = process.env.ADMIN_TOKEN;
if (!token) {
  console.error("ADMIN_TOKEN is not set (export the worker's ADMIN_TOKEN secret first)");
  process.exit(2);
}
const id = ["show", "delete"].includes(command) ? rest[0] : undefined;
if (["show", "delete"].includes(command) && (!id || id.startsWith("--"))) {
  console.error(`${command} needs the dead letter's id (the first column of \`list\`)`);
  process.exit(2);
}
const one = `__timgate/dead-letters/${encodeURIComponent(id ?? "")}`;
const routes = {
  list: ["GET", "__timgate/dead-letters"],
  replay: ["POST", "__timgate/dead-letters/replay"],
  show: ["GET", one],
  delete: ["DELETE", one],
};
if (!routes[command]) {
  console.error(`unknown command ${command}: use list, show ID, delete ID or replay`);
  process.exit(2);
}
const [method, path] = routes[command];
let url;
try {
  url = new URL(path, base.endsWith("/") ? base : base + "/");
} catch {
  console.error(`--url ${base} is not a URL (e.g. https://timgate.example.workers.dev)`);
  process.exit(2);
}
let total = 0;
for (;;) {
  let response;
  try {
    response = await fetch(url, { method, headers: { authorization: `Bearer ${token}` } });
  } catch (e) {
    // No stack trace: say what could not be reached and why.
    const why = e.cause?.code ?? e.cause?.message ?? e.message;
    console.error(`cannot reach ${url.origin}: ${why} (is the worker running there? --url sets where)`);
    process.exit(1);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    console.error(`HTTP ${response.status}: ${body.message ?? JSON.stringify(body)}`);
    process.exit(1);
  }
  if (command === "show") {
    console.log(`id        ${body.id}\nkind      ${body.kind}`);
    // An unreadable queue message was never received as a callback: it has its queue id instead.
    if (body.received_at !== undefined) console.log(`received  ${new Date(body.received_at * 1000).toISOString()}`);
    if (body.message_id !== undefined) console.log(`message   ${body.message_id} (queue message id)`);
    console.log(`dead      ${new Date(body.dead_at * 1000).toISOString()}\nreason    ${body.reason}`);
    if (body.query !== undefined) console.log(`query     ${body.query}`);
    console.log(`body      ${body.body.text ?? `(base64) ${body.body.base64}`}`);
    break;
  }
  if (command === "delete") {
    console.log(`deleted ${body.deleted}`);
    break;
  }
  if (command === "list") {
    for (const d of body.dead_letters) {
      console.log(`${d.id}  ${new Date(d.dead_at * 1000).toISOString()}  ${d.kind}  ${d.reason}  ${d.query}`);
    }
    console.log(`${body.count} dead letter(s)${body.more ? " (more not shown)" : ""}`);
    break;
  }
  total += body.replayed;
  if (body.failed) console.error(`${body.failed} could not be queued and stay in the store`);
  if (!body.more || body.replayed === 0) break;
}
if (command === "replay") console.log(`replayed ${total} dead letter(s)`);
