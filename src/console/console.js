// The timgate moderator console. Plain DOM, no framework, no inline script (the page's CSP
// forbids it). Every data call carries the operator token from this tab's session storage; a
// 401 answer brings back the sign-in form. Text from the server is always put in as text
// (textContent), never as HTML: rule documents and messages are written by adversaries.
"use strict";

const $ = (id) => document.getElementById(id);
const BASE = "/__timgate/";
const store = window.sessionStorage;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : String(child ?? ""));
  return node;
}

function say(message) {
  $("status").textContent = message;
}

class Unauthorized extends Error {}

/** A JSON call to the worker; throws Unauthorized on 401 (after showing the sign-in form). */
async function call(method, path, body) {
  const headers = { authorization: `Bearer ${store.getItem("timgate-token") ?? ""}` };
  const operator = store.getItem("timgate-operator");
  if (operator) headers["x-timgate-operator"] = operator;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let json = null;
  try {
    json = await response.json();
  } catch {}
  if (response.status === 401) {
    store.removeItem("timgate-token");
    showLogin(json?.message ?? "Sign in again.");
    throw new Unauthorized();
  }
  return { status: response.status, json };
}

// ---- screens -------------------------------------------------------------------------------

const VIEWS = ["login", "try", "rules", "bans", "dead"];
const LOADERS = { rules: loadRules, bans: loadBans, dead: loadDeadLetters };

function show(view) {
  for (const name of VIEWS) $(`view-${name}`).hidden = name !== view;
  $("nav").hidden = view === "login";
  for (const button of document.querySelectorAll("nav [data-view]")) {
    if (button.dataset.view === view) button.setAttribute("aria-current", "page");
    else button.removeAttribute("aria-current");
  }
  if (view !== "login") store.setItem("timgate-view", view);
  LOADERS[view]?.().catch(report);
}

function showLogin(message) {
  show("login");
  say(message ?? "");
  $("login-token").focus();
}

function report(error) {
  if (!(error instanceof Unauthorized)) say(`Something went wrong: ${error.message}`);
}

// ---- try a message -------------------------------------------------------------------------

/** UTF-16 index of each UTF-8 byte offset of `text` (the API's offsets are bytes). */
function byteIndex(text) {
  const index = new Map();
  let bytes = 0;
  let units = 0;
  for (const ch of text) {
    index.set(bytes, units);
    bytes += new TextEncoder().encode(ch).length;
    units += ch.length;
  }
  index.set(bytes, units);
  return (offset) => index.get(offset) ?? units;
}

function highlighted(text, spans) {
  const at = byteIndex(text);
  const ranges = spans.map((s) => ({ from: at(s.start), to: at(s.end), hit: s.hit })).sort((a, b) => a.from - b.from);
  const out = el("pre", { class: "segment" });
  let cursor = 0;
  for (const r of ranges) {
    if (r.from < cursor) continue; // overlapping: the first is shown
    out.append(text.slice(cursor, r.from));
    const mark = el("mark", { title: `${r.hit.term} (${r.hit.check}, ${r.hit.action})`, class: r.hit.enforced ? "" : "monitor" }, text.slice(r.from, r.to));
    out.append(mark);
    cursor = r.to;
  }
  out.append(text.slice(cursor));
  return out;
}

async function tryMessage(event) {
  event.preventDefault();
  const text = $("try-text").value;
  let request = { text, group_id: $("try-group").value.trim() || null, c2c: $("try-c2c").checked };
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    try {
      request = { body: JSON.parse(trimmed) };
    } catch {}
  }
  const { status, json } = await call("POST", "api/try", request);
  if (status !== 200) {
    $("try-result").hidden = true;
    say(json?.message ?? `The worker answered ${status}.`);
    return;
  }
  say("");
  $("try-result").hidden = false;
  const verdict = $("try-verdict");
  verdict.textContent = json.verdict;
  verdict.className = `verdict ${json.verdict}`;
  $("try-basis").textContent = `(${json.basis}${json.would_be ? `; a monitor-mode document would ${json.would_be}` : ""})`;
  const segments = $("try-segments");
  segments.replaceChildren();
  json.segments.forEach((segment, index) => {
    const spans = [];
    for (const hit of json.hits) {
      if (hit.pieces?.length) {
        for (const piece of hit.pieces) if (piece.segment === index) spans.push({ start: piece.start, end: piece.end, hit });
      } else if (hit.segment === index) spans.push({ start: hit.start, end: hit.end, hit });
    }
    segments.append(el("p", {}, el("small", {}, segment.location)), highlighted(segment.text, spans), el("p", {}, el("small", {}, "normalised: "), el("code", {}, segment.normalized)));
  });
  const rows = json.hits.map((hit) => {
    const text = json.segments[hit.segment]?.text ?? "";
    const at = byteIndex(text);
    return el("tr", {}, el("td", {}, hit.check), el("td", {}, hit.term), el("td", {}, hit.enforced ? hit.action : `${hit.action} (monitor)`), el("td", {}, hit.scope), el("td", {}, text.slice(at(hit.start), at(hit.end))));
  });
  $("try-hits").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "5" }, "None: nothing matched."))]));
  $("try-notes").replaceChildren(...[...json.notes, ...json.problems].map((n) => el("li", {}, n)));
  $("try-answer").textContent = json.answer;
}

// ---- rules ---------------------------------------------------------------------------------

let editing = null; // { key, version, stored }

async function loadRules() {
  const { json } = await call("GET", "api/rules");
  const rows = (json?.documents ?? []).map((d) =>
    el("tr", {}, el("td", {}, el("code", {}, d.key)), el("td", {}, d.mode), el("td", {}, d.terms), el("td", {}, el("code", {}, d.version.slice(0, 12))),
      el("td", {}, el("button", { type: "button", onclick: () => openDocument(d.key).catch(report), "aria-label": `Open ${d.key}` }, "Open"))));
  $("rules-list").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "5" }, "No documents yet."))]));
}

async function openDocument(key) {
  const { status, json } = await call("GET", `api/rules/${encodeURIComponent(key)}`);
  if (status === 404) editing = { key, version: null, stored: "" };
  else if (status === 200) editing = { key, version: json.version, stored: json.text };
  else return say(json?.message ?? `The worker answered ${status}.`);
  $("rules-editor").hidden = false;
  $("rules-key").textContent = key;
  $("rules-text").value = editing.stored || '{\n  "mode": "enforce",\n  "block": []\n}\n';
  await validateDocument();
  $("rules-text").focus();
}

let validating = 0;
async function validateDocument() {
  if (!editing) return;
  const text = $("rules-text").value;
  const ticket = ++validating;
  const { json } = await call("POST", "api/rules/validate", { key: editing.key, text });
  if (ticket !== validating) return; // a newer check is on its way
  const items = (json?.problems ?? []).map((p) =>
    el("li", { class: p.warning ? "warning" : "problem" }, `${p.line ? `line ${p.line}, column ${p.column}` : "document"}: ${p.path ? `${p.path}: ` : ""}${p.message}`));
  $("rules-problems").replaceChildren(...(items.length ? items : [el("li", {}, "No problems.")]));
  $("rules-diff").replaceChildren(...diff(editing.stored, text));
}

/** Lines removed and added, from a longest common subsequence (small documents) or a plain
 *  before/after for large ones. */
function diff(before, after) {
  const a = before.split("\n");
  const b = after.split("\n");
  if (before === after) return [document.createTextNode("No changes.")];
  if (a.length * b.length > 4_000_000) return [el("span", { class: "del" }, `- ${a.length} lines\n`), el("span", { class: "add" }, `+ ${b.length} lines\n`)];
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { i++; j++; }
    else if (j < b.length && (i === a.length || table[i][j + 1] >= table[i + 1][j])) out.push(el("span", { class: "add" }, `+ ${b[j++]}\n`));
    else out.push(el("span", { class: "del" }, `- ${a[i++]}\n`));
  }
  return out;
}

async function saveDocument() {
  if (!editing) return;
  const text = $("rules-text").value;
  const { status, json } = await call("PUT", `api/rules/${encodeURIComponent(editing.key)}`, { text, version: editing.version });
  if (status === 200) {
    editing = { key: editing.key, version: json.version, stored: text };
    say(`Saved ${editing.key}. The worker uses it from its next cache refresh.`);
    await validateDocument();
    await loadRules();
  } else {
    say(json?.message ?? `The worker answered ${status}.`);
  }
}

function switchMode() {
  let doc;
  try {
    doc = JSON.parse($("rules-text").value);
  } catch {
    return say("The document is not plain JSON (comments?): change \"mode\" in the text instead.");
  }
  doc.mode = doc.mode === "monitor" ? "enforce" : "monitor";
  $("rules-text").value = `${JSON.stringify(doc, null, 2)}\n`;
  say(`Mode set to ${doc.mode} in the editor: save to apply it.`);
  validateDocument().catch(report);
}

// ---- bans ----------------------------------------------------------------------------------

async function loadBans() {
  const q = $("bans-q").value.trim();
  const { json } = await call("GET", `api/bans?q=${encodeURIComponent(q)}`);
  const rows = (json?.bans ?? []).map((b) =>
    el("tr", {}, el("td", {}, b.user), el("td", {}, b.group ?? "everywhere"),
      el("td", {}, b.until ? new Date(b.until * 1000).toISOString().replace(".000Z", "Z") : "until lifted"),
      el("td", {}, `${b.by === "strikes" ? "auto-mute (strikes): " : ""}${b.reason ?? ""}`),
      el("td", {}, el("button", { type: "button", "aria-label": `Lift the ban of ${b.user}`, onclick: () => liftBan(b.key).catch(report) }, "Lift"))));
  $("bans-list").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "5" }, "No bans."))]));
}

async function addBan(event) {
  event.preventDefault();
  const seconds = $("ban-duration").value;
  const request = { user: $("ban-user").value.trim(), group: $("ban-group").value.trim() || null, seconds: seconds ? Number(seconds) : null, reason: $("ban-reason").value.trim() || null };
  const { status, json } = await call("PUT", "api/bans", request);
  say(status === 200 ? `Banned ${request.user}${request.group ? ` in ${request.group}` : ""}.` : json?.message ?? `The worker answered ${status}.`);
  await loadBans();
}

async function liftBan(key) {
  const { status, json } = await call("DELETE", `api/bans/${encodeURIComponent(key)}`);
  say(status === 200 ? `Lifted ${key}.` : json?.message ?? `The worker answered ${status}.`);
  await loadBans();
}

// ---- dead letters --------------------------------------------------------------------------

async function loadDeadLetters() {
  const { status, json } = await call("GET", "dead-letters");
  if (status !== 200) return say(json?.message ?? `The worker answered ${status}.`);
  const rows = (json.dead_letters ?? []).map((d) =>
    el("tr", {}, el("td", {}, el("code", {}, d.id)), el("td", {}, d.kind), el("td", {}, d.reason), el("td", {}, new Date(d.dead_at * 1000).toISOString().replace(".000Z", "Z")),
      el("td", {}, el("button", { type: "button", "aria-label": `Inspect ${d.id}`, onclick: () => inspect(d.id).catch(report) }, "Inspect"), " ",
        el("button", { type: "button", "aria-label": `Delete ${d.id}`, onclick: () => deleteLetter(d.id).catch(report) }, "Delete"))));
  $("dead-list").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "5" }, "No dead letters."))]));
}

async function inspect(id) {
  const { json } = await call("GET", `dead-letters/${encodeURIComponent(id)}`);
  $("dead-shown").hidden = false;
  $("dead-shown").textContent = JSON.stringify(json, null, 2);
}

async function deleteLetter(id) {
  const { status, json } = await call("DELETE", `dead-letters/${encodeURIComponent(id)}`);
  say(status === 200 ? `Deleted ${id}.` : json?.message ?? `The worker answered ${status}.`);
  await loadDeadLetters();
}

async function replayAll() {
  const { status, json } = await call("POST", "dead-letters/replay");
  say(status === 200 ? `Replayed ${json.replayed} (${json.failed ?? 0} could not be queued).` : json?.message ?? `The worker answered ${status}.`);
  await loadDeadLetters();
}

// ---- wiring --------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  const guard = (f) => (event) => f(event).catch(report);
  $("login-form").addEventListener("submit", (event) => {
    event.preventDefault();
    store.setItem("timgate-token", $("login-token").value.trim());
    const name = $("login-name").value.trim();
    if (name) store.setItem("timgate-operator", name);
    $("login-token").value = "";
    say("");
    // A first data call checks the token: a refused one brings the prompt back, saying why.
    call("GET", "api/rules")
      .then(() => show(store.getItem("timgate-view") ?? "try"))
      .catch(report);
  });
  $("sign-out").addEventListener("click", () => {
    store.clear();
    showLogin("Signed out.");
  });
  for (const button of document.querySelectorAll("nav [data-view]")) button.addEventListener("click", () => show(button.dataset.view));
  $("try-form").addEventListener("submit", guard(tryMessage));
  let timer;
  $("rules-text").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => validateDocument().catch(report), 300);
  });
  $("rules-save").addEventListener("click", guard(saveDocument));
  $("rules-mode").addEventListener("click", switchMode);
  $("rules-close").addEventListener("click", () => {
    editing = null;
    $("rules-editor").hidden = true;
  });
  $("rules-new").addEventListener("submit", guard(async (event) => {
    event.preventDefault();
    await openDocument(`rules:group:${$("rules-new-group").value.trim()}`);
  }));
  $("bans-add").addEventListener("submit", guard(addBan));
  $("bans-search").addEventListener("submit", guard(async (event) => {
    event.preventDefault();
    await loadBans();
  }));
  $("dead-refresh").addEventListener("click", guard(loadDeadLetters));
  $("dead-replay").addEventListener("click", guard(replayAll));
  if (store.getItem("timgate-token")) show(store.getItem("timgate-view") ?? "try");
  else showLogin();
});
