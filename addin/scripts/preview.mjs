// A local preview of the built add-in and dashboard without the .NET service: serves dist/ the way
// the service will (dist/ at /addin/, index.html at /, the key meta tag injected), answers the
// API of docs/api.md from made-up demo data, and swaps office.js for test/fake-office.js.
//   npm run build && npm run preview     then open http://127.0.0.1:5181/ (dashboard) or
//   http://127.0.0.1:5181/addin/taskpane.html?item=demo|none|evil&theme=dark (task pane)
// Development aid only: not used by the tests, never shipped.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const port = Number(process.env.PORT ?? 5181);
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const now = Date.now();
const iso = (daysAgo) => new Date(now - daysAgo * 86400000).toISOString().replace(/\.\d+Z$/, "Z");

const tierFor = (w) => (w >= 70 ? "hot" : w >= 40 ? "warm" : w >= 15 ? "cool" : "cold");
const people = [
  ["ana.abe@contoso.example", "Ana Abe", 82, 2, { owesReply: true }],
  ["bo.berg@fabrikam.example", "Bo Berg", 54, 12, {}],
  ["cy.cole@contoso.example", "Cy Cole", 31, 64, { cooling: true }],
  ["dee.dunn@northwind.example", "Dee Dunn", 9, 220, { dormant: true }],
  ["eli.ek@contoso.example", "Eli Ek", 66, 5, {}],
  ["<img src=x onerror=alert(1)>@evil.example", "<img src=x onerror=alert(1)>", 20, 40, {}],
].map(([address, displayName, warmth, days, flags]) => ({
  address,
  displayName,
  known: true,
  warmth,
  tier: tierFor(warmth),
  reasons: days > 60 ? [`last spoke ${Math.round(days / 30)} months ago`, "you usually reply within a day"] : ["16 two-way threads in the last 90 days", "you are usually in touch every 2 weeks"],
  lastContact: iso(days),
  lastInbound: iso(days),
  lastOutbound: iso(days + 1),
  lastMeeting: null,
  flags: { dormant: false, cooling: false, firstContact: false, owesReply: false, muted: false, automated: false, ...flags },
  interactions: { sent: Math.round(warmth / 4), received: Math.round(warmth / 5), meetings: Math.round(warmth / 30) },
  timeline: [
    { at: iso(days), kind: "received", subject: "Re: Q3 proposal" },
    { at: iso(days + 1), kind: "sent", subject: "Q3 proposal" },
    { at: iso(days + 9), kind: "meeting", subject: "Proposal review" },
  ],
  meetings: { upcoming: warmth > 60 ? [{ id: "m1", subject: "Weekly sync", start: iso(-3), end: iso(-3) }] : [], recent: [{ id: "m0", subject: "Proposal review", start: iso(days + 9), end: iso(days + 9) }] },
}));
let followUps = [
  { id: "fu_1", kind: "after-meeting", eventId: "AAMk1", contacts: ["ana.abe@contoso.example"], title: "Follow up with Ana Abe after 'Proposal review'", due: iso(-1), status: "open", snoozedUntil: null, createdAt: iso(2), completedAt: null, resolution: null, meeting: { subject: "Proposal review", start: iso(2), end: iso(2) }, briefing: null },
  { id: "fu_2", kind: "reconnect", eventId: null, contacts: ["dee.dunn@northwind.example"], title: "Reconnect with Dee Dunn", due: iso(1), status: "open", snoozedUntil: null, createdAt: iso(5), completedAt: null, resolution: null, meeting: null, briefing: null },
];
let nextId = 3;
const muted = new Set();

const unknown = (address) => ({ address, displayName: null, known: false, warmth: 0, tier: "cold", reasons: [], lastContact: null, lastInbound: null, lastOutbound: null, lastMeeting: null, flags: { dormant: false, cooling: false, firstContact: true, owesReply: false, muted: false, automated: false }, interactions: { sent: 0, received: 0, meetings: 0 }, timeline: [], meetings: { upcoming: [], recent: [] } });
const context = (address) => {
  const p = people.find((x) => x.address === address) ?? unknown(address);
  return { ...p, flags: { ...p.flags, muted: muted.has(address) }, followUps: followUps.filter((f) => f.contacts.includes(address) && (f.status === "open" || f.status === "snoozed")) };
};
const listItem = (p) => ({ address: p.address, displayName: p.displayName, warmth: p.warmth, lastContact: p.lastContact, lastInbound: p.lastInbound, lastOutbound: p.lastOutbound, lastMeeting: null, dormant: p.flags.dormant, interactions: p.interactions, tier: p.tier, reasons: p.reasons, cooling: p.flags.cooling, muted: muted.has(p.address) });
const history = (address) => {
  const p = people.find((x) => x.address === address);
  const base = p ? p.warmth : 0;
  return Array.from({ length: 24 }, (_, i) => {
    const d = new Date(now);
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - 23 + i);
    const wave = Math.max(0, Math.round((Math.sin(i / 2.5) + 1) * (base / 20)));
    return { month: d.toISOString().slice(0, 7), sent: wave, received: Math.max(0, wave - 1), meetings: i % 3 === 0 && base > 30 ? 1 : 0, warmth: Math.max(0, Math.min(100, base - 20 + i * 1.2 + Math.sin(i) * 6)) };
  });
};

function api(method, url, body) {
  const parts = url.pathname.split("/").slice(2).map(decodeURIComponent); // after /api
  if (method === "GET" && parts[0] === "me") return [200, { mailbox: { id: "me", mail: "dana.whitfield@contoso.example", displayName: "Dana Whitfield" }, mode: "local", asOf: new Date(now).toISOString() }];
  if (method === "POST" && parts[0] === "context" && parts[1] === "batch") {
    const list = [...new Set((body?.addresses ?? []).map((a) => a.toLowerCase()))].filter((a) => a !== "dana.whitfield@contoso.example");
    return [200, { asOf: new Date(now).toISOString(), people: list.map(context).sort((a, b) => b.warmth - a.warmth) }];
  }
  if (method === "GET" && parts[0] === "context" && parts[1]) return [200, context(parts[1].toLowerCase())];
  if (parts[0] === "contacts" && parts.length === 1 && method === "GET") {
    const q = url.searchParams;
    const filter = q.get("filter") ?? "warmest";
    const search = (q.get("search") ?? "").toLowerCase();
    let items = people.map(listItem);
    if (search) items = items.filter((c) => c.address.includes(search) || (c.displayName ?? "").toLowerCase().includes(search));
    else if (filter === "cooling") items = items.filter((c) => c.cooling);
    else if (filter === "dormant") items = items.filter((c) => c.dormant);
    else if (filter === "muted") items = items.filter((c) => c.muted);
    else items = items.filter((c) => !c.muted);
    items.sort((a, b) => b.warmth - a.warmth);
    const offset = Number(q.get("offset") ?? 0);
    const limit = Number(q.get("limit") ?? 50);
    return [200, { total: items.length, offset, limit, items: items.slice(offset, offset + limit) }];
  }
  if (parts[0] === "contacts" && parts[2] === "history" && method === "GET") return [200, { months: history(parts[1].toLowerCase()) }];
  if (parts[0] === "contacts" && parts[2] === "muted") {
    if (method === "PUT") muted.add(parts[1].toLowerCase());
    else if (method === "DELETE") muted.delete(parts[1].toLowerCase());
    return [204, null];
  }
  if (parts[0] === "followups" && parts.length === 1 && method === "GET") {
    const status = url.searchParams.get("status");
    const list = followUps.filter((f) => (status === "all" ? true : status ? f.status === status : f.status === "open" || f.status === "snoozed"));
    return [200, list.sort((a, b) => a.due.localeCompare(b.due))];
  }
  if (parts[0] === "followups" && parts.length === 1 && method === "POST") {
    const f = { id: `fu_${nextId++}`, kind: "manual", eventId: null, contacts: body.contacts, title: body.title, due: body.due, status: "open", snoozedUntil: null, createdAt: new Date().toISOString(), completedAt: null, resolution: null, meeting: null, briefing: null };
    followUps.push(f);
    return [201, f];
  }
  if (parts[0] === "followups" && parts[1] && method === "POST") {
    const f = followUps.find((x) => x.id === parts[1]);
    if (!f) return [404, { title: "No such follow-up", status: 404 }];
    if (parts[2] === "done") Object.assign(f, { status: "done", completedAt: new Date().toISOString(), resolution: "user" });
    else if (parts[2] === "dismiss") Object.assign(f, { status: "dismissed", completedAt: new Date().toISOString(), resolution: "user" });
    else if (parts[2] === "reopen") Object.assign(f, { status: "open", completedAt: null, resolution: null });
    else if (parts[2] === "snooze") {
      if (!body?.until || Date.parse(body.until) <= Date.now()) return [400, { title: "until must be in the future", status: 400 }];
      Object.assign(f, { status: "snoozed", snoozedUntil: body.until });
    } else return [404, { title: "Not found", status: 404 }];
    return [200, f];
  }
  return [404, { title: "Not found", status: 404 }];
}

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".json": "application/json", ".xml": "application/xml", ".map": "application/json", ".txt": "text/plain" };

function page(file, url) {
  let html = readFileSync(path.join(dist, file), "utf8");
  const item = url.searchParams.get("item") ?? "demo";
  const theme = url.searchParams.get("theme") ?? "";
  // ?office=cdn keeps Microsoft's URL (a browser test routes it to test/fake-office.js itself)
  if (url.searchParams.get("office") !== "cdn") html = html.replace(`<script src="${OFFICE_CDN}"></script>`, `<script src="/dev/setup.js?item=${encodeURIComponent(item)}&theme=${encodeURIComponent(theme)}"></script><script src="/dev/fake-office.js"></script>`);
  return html;
}

function setupScript(url) {
  const items = {
    none: null,
    demo: { subject: "Re: Q3 proposal", from: { emailAddress: "Ana.Abe@contoso.example", displayName: "Ana Abe" }, to: [{ emailAddress: "dana.whitfield@contoso.example", displayName: "Dana Whitfield" }, { emailAddress: "bo.berg@fabrikam.example", displayName: "Bo Berg" }], cc: [{ emailAddress: "new.person@tailspin.example", displayName: "New Person" }, { emailAddress: "dee.dunn@northwind.example", displayName: "Dee Dunn" }] },
    evil: { subject: "<b>hi</b>", from: { emailAddress: "<img src=x onerror=alert(1)>@evil.example", displayName: "<img src=x onerror=alert(1)>" }, to: [], cc: [] },
  };
  const name = url.searchParams.get("item") ?? "demo";
  const item = name in items ? items[name] : items.demo;
  const theme = url.searchParams.get("theme") === "dark" ? { bodyBackgroundColor: "#292929", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#1f1f1f", controlForegroundColor: "#ffffff" } : url.searchParams.get("theme") === "light" ? { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#242424", controlBackgroundColor: "#ffffff", controlForegroundColor: "#242424" } : null;
  return `window.__nsFakeItem = ${JSON.stringify(item)};\n${theme ? `window.__nsFakeTheme = ${JSON.stringify(theme)};` : ""}\n`;
}

if (!existsSync(dist)) {
  console.error("preview: run `npm run build` first");
  process.exit(1);
}

createServer((req, res) => {
  const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
  const send = (status, body, type = "application/json") => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
    res.end(body);
  };
  if (url.pathname.startsWith("/api/")) {
    // Sample data only, and no credential: like a browser signed in to local mode (its cookie is implied).
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const [status, body] = api(req.method ?? "GET", url, raw ? JSON.parse(raw) : undefined);
      if (status === 204) return send(204, "");
      send(status, JSON.stringify(body), status >= 400 ? "application/problem+json" : "application/json");
    });
    return;
  }
  if (url.pathname === "/" || url.pathname === "/index.html") return send(200, page("index.html", url), types[".html"]);
  if (url.pathname === "/addin/taskpane.html" || url.pathname === "/addin/index.html") return send(200, page(path.basename(url.pathname), url), types[".html"]);
  if (url.pathname === "/dev/fake-office.js") return send(200, readFileSync(path.join(root, "test/fake-office.js")), types[".js"]);
  if (url.pathname === "/dev/setup.js") return send(200, setupScript(url), types[".js"]);
  if (url.pathname.startsWith("/addin/")) {
    const file = path.normalize(path.join(dist, url.pathname.slice("/addin/".length)));
    if (file.startsWith(dist) && existsSync(file) && statSync(file).isFile()) return send(200, readFileSync(file), types[path.extname(file)] ?? "application/octet-stream");
  }
  send(404, "not found", "text/plain");
}).listen(port, "127.0.0.1", () => console.log(`preview: http://127.0.0.1:${port}/ (dashboard), http://127.0.0.1:${port}/addin/taskpane.html?item=demo|none|evil&theme=light|dark`));
