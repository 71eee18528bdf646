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
  // A header value must be Latin-1: the name goes percent-encoded (the worker decodes it).
  if (operator) headers["x-timgate-operator"] = encodeURIComponent(operator);
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

const VIEWS = ["login", "try", "rules", "bans", "dead", "verdicts"];
const LOADERS = { rules: loadRules, bans: loadBans, dead: loadDeadLetters, verdicts: loadVerdicts };

function show(view) {
  if (view !== "login") say(""); // a message belongs to the screen it came from
  for (const name of VIEWS) $(`view-${name}`).hidden = name !== view;
  // Focus moves to the screen's heading, so a keyboard or screen-reader user lands on it.
  const heading = document.querySelector(`#view-${view} h2`);
  heading?.setAttribute("tabindex", "-1");
  if (view !== "login") heading?.focus();
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
  const encoder = new TextEncoder();
  for (const ch of text) {
    const length = encoder.encode(ch).length;
    // An offset inside a character (none should come) counts as its start.
    for (let k = 0; k < length; k++) index.set(bytes + k, units);
    bytes += length;
    units += ch.length;
  }
  index.set(bytes, units);
  return (offset) => index.get(offset) ?? units;
}

/** The text with each matched stretch marked; overlapping matches are merged into one mark that
 *  names every term (enforced wins over monitor for its colour). */
function highlighted(text, spans) {
  const at = byteIndex(text);
  const ranges = spans
    .map((s) => ({ from: at(s.start), to: at(s.end), hits: [s.hit] }))
    .filter((r) => r.to > r.from)
    .sort((a, b) => a.from - b.from);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.from < last.to) {
      last.to = Math.max(last.to, r.to);
      last.hits.push(...r.hits);
    } else merged.push(r);
  }
  const out = el("pre", { class: "segment" });
  let cursor = 0;
  for (const r of merged) {
    out.append(text.slice(cursor, r.from));
    const names = r.hits.map((h) => `${h.term} (${h.check}, ${h.action}${h.enforced ? "" : ", monitor"})`).join("; ");
    const enforced = r.hits.some((h) => h.enforced);
    out.append(el("mark", { title: names, class: enforced ? "" : "monitor" }, text.slice(r.from, r.to)));
    cursor = r.to;
  }
  out.append(text.slice(cursor));
  return out;
}

async function tryMessage(event) {
  event.preventDefault();
  const text = $("try-text").value;
  // A whole callback body goes as it is, byte for byte (the worker reads it as a callback).
  const request = $("try-body").checked ? { raw: text } : { text, group_id: $("try-group").value.trim() || null, c2c: $("try-c2c").checked };
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
  const { status, json } = await call("GET", "api/rules");
  if (status !== 200) return say(json?.message ?? `The worker answered ${status}.`);
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
  const { status, json } = await call("POST", "api/rules/validate", { key: editing.key, text });
  if (ticket !== validating) return; // a newer check is on its way
  if (status !== 200) {
    $("rules-problems").replaceChildren(el("li", { class: "problem" }, `Not checked: ${json?.message ?? `the worker answered ${status}`}`));
    $("rules-count").textContent = "The document could not be checked.";
    return;
  }
  const items = (json?.problems ?? []).map((p) =>
    el("li", { class: p.warning ? "warning" : "problem" }, `${p.line ? `line ${p.line}, column ${p.column}` : "document"}: ${p.path ? `${p.path}: ` : ""}${p.message}`));
  $("rules-problems").replaceChildren(...(items.length ? items : [el("li", {}, "No problems.")]));
  const errors = (json?.problems ?? []).filter((p) => !p.warning).length;
  $("rules-count").textContent = errors ? `${errors} problem(s).` : "No problems.";
  $("rules-diff").replaceChildren(...diff(editing.stored, text));
}

/** Lines removed and added, from a longest common subsequence (small documents) or a plain
 *  before/after for large ones. */
function diff(before, after) {
  before = before.replace(/\r\n/g, "\n"); // the editor has \n line ends
  if (before === after) return [document.createTextNode("No changes.")];
  let a = before.split("\n");
  let b = after.split("\n");
  // Common lines at both ends are left out of the comparison (an edit is usually local).
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  a = a.slice(head, a.length - tail);
  b = b.slice(head, b.length - tail);
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
  const button = $("rules-save");
  button.disabled = true; // one save at a time (a second would carry the old version)
  const { status, json } = await call("PUT", `api/rules/${encodeURIComponent(editing.key)}`, { text, version: editing.version }).finally(() => (button.disabled = false));
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
  } catch {}
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
    return say("The document is not a plain JSON object (comments?): change \"mode\" in the text instead.");
  }
  doc.mode = doc.mode === "monitor" ? "enforce" : "monitor";
  $("rules-text").value = `${JSON.stringify(doc, null, 2)}\n`;
  say(`Mode set to ${doc.mode} in the editor: save to apply it.`);
  validateDocument().catch(report);
}

// ---- bans ----------------------------------------------------------------------------------

function when(seconds) {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString().replace(".000Z", "Z");
}

async function loadBans() {
  const q = $("bans-q").value.trim();
  const { status, json } = await call("GET", `api/bans?q=${encodeURIComponent(q)}`);
  if (status !== 200) return say(json?.message ?? `The worker answered ${status}.`);
  $("bans-more").textContent = json.more ? "Only the first bans found are shown: search for a user or group to narrow them." : "";
  const rows = (json?.bans ?? []).map((b) =>
    el("tr", {}, el("td", {}, b.user), el("td", {}, b.group ?? "everywhere"),
      el("td", {}, b.until ? `${when(b.until)}${b.active ? "" : " (ended)"}` : "until lifted"),
      el("td", {}, `${b.by === "strikes" ? "auto-mute (strikes): " : ""}${b.reason ?? ""}`),
      el("td", {}, el("button", { type: "button", "aria-label": `Lift the ban of ${b.user}`, onclick: () => liftBan(b.key).catch(report) }, "Lift"))));
  $("bans-list").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "5" }, "No bans."))]));
}

async function addBan(event) {
  event.preventDefault();
  const seconds = $("ban-duration").value;
  const request = { user: $("ban-user").value.trim(), group: $("ban-group").value.trim() || null, seconds: seconds ? Number(seconds) : null, reason: $("ban-reason").value.trim() || null };
  let { status, json } = await call("PUT", "api/bans", request);
  if (status === 409 && window.confirm(`${json.message}\n\nReplace it with this ban?`)) {
    ({ status, json } = await call("PUT", "api/bans", { ...request, replace: true }));
  }
  say(status === 200 ? `Banned ${request.user}${request.group ? ` in ${request.group}` : ""}.` : json?.message ?? `The worker answered ${status}.`);
  await loadBans();
}

async function liftBan(key) {
  if (!window.confirm(`Lift ${key}?`)) return;
  const { status, json } = await call("DELETE", `api/bans/${encodeURIComponent(key)}`);
  say(status === 200 ? `Lifted ${key}.` : json?.message ?? `The worker answered ${status}.`);
  await loadBans();
}

// ---- dead letters --------------------------------------------------------------------------

async function loadDeadLetters() {
  const { status, json } = await call("GET", "dead-letters");
  if (status !== 200) return say(json?.message ?? `The worker answered ${status}.`);
  const rows = (json.dead_letters ?? []).map((d) =>
    el("tr", {}, el("td", {}, el("code", {}, d.id)), el("td", {}, d.kind), el("td", {}, d.reason), el("td", {}, when(d.dead_at)),
      el("td", {}, el("button", { type: "button", "aria-label": `Inspect ${d.id}`, onclick: () => inspect(d.id).catch(report) }, "Inspect"), " ",
        el("button", { type: "button", "aria-label": `Delete ${d.id}`, onclick: () => deleteLetter(d.id).catch(report) }, "Delete"))));
  $("dead-list").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "5" }, "No dead letters."))]));
}

async function inspect(id) {
  const { status, json } = await call("GET", `dead-letters/${encodeURIComponent(id)}`);
  if (status !== 200) return say(json?.message ?? `The worker answered ${status}.`);
  $("dead-shown").hidden = false;
  $("dead-shown").textContent = JSON.stringify(json, null, 2);
}

async function deleteLetter(id) {
  if (!window.confirm(`Delete dead letter ${id}? Its event is lost.`)) return;
  const { status, json } = await call("DELETE", `dead-letters/${encodeURIComponent(id)}`);
  say(status === 200 ? `Deleted ${id}.` : json?.message ?? `The worker answered ${status}.`);
  await loadDeadLetters();
}

async function replayAll() {
  if (!window.confirm("Put every dead letter back on the delivery queue?")) return;
  const { status, json } = await call("POST", "dead-letters/replay");
  say(status === 200 ? `Replayed ${json.replayed} (${json.failed ?? 0} could not be queued).` : json?.message ?? `The worker answered ${status}.`);
  await loadDeadLetters();
}

// ---- recent verdicts ------------------------------------------------------------------------

async function loadVerdicts() {
  const params = new URLSearchParams({ verdict: $("verdicts-verdict").value, group: $("verdicts-group").value.trim(), limit: "200" });
  const { status, json } = await call("GET", `api/verdicts?${params}`);
  if (status !== 200) return say(json?.message ?? `The worker answered ${status}.`);
  if (!json.configured) {
    $("verdicts-list").replaceChildren(el("tr", {}, el("td", { colspan: "5" }, "Not kept: the worker has no VERDICT_LOG binding (wrangler.toml).")));
    return;
  }
  const rows = json.verdicts.map((v) => {
    const why = v.hits.map((h) => `${h.check}${h.term ? ` "${h.term}"` : ""} (${h.scope}${h.enforced ? "" : ", monitor"})`).join("; ") || v.basis;
    const verdict = v.verdict === "allow" && v.would_be ? `allow (monitor: would ${v.would_be})` : v.verdict;
    return el("tr", {}, el("td", {}, new Date(v.at).toISOString().replace(/\.\d+Z$/, "Z")), el("td", { class: `verdict ${v.verdict}` }, verdict), el("td", {}, v.group ?? "C2C"), el("td", {}, v.sender ?? ""), el("td", {}, why));
  });
  $("verdicts-list").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "5" }, "None."))]));
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
    // A fresh page: nothing shown before stays in the document.
    window.location.reload();
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
  $("verdicts-filter").addEventListener("submit", guard(async (event) => {
    event.preventDefault();
    await loadVerdicts();
  }));
  $("dead-refresh").addEventListener("click", guard(loadDeadLetters));
  $("dead-replay").addEventListener("click", guard(replayAll));
  if (store.getItem("timgate-token")) show(store.getItem("timgate-view") ?? "try");
  else showLogin();
});
