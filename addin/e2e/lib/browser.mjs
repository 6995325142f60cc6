// Shared helpers for the browser tests: headless Debian Chromium through playwright-core, a network
// guard (office.js from test/fake-office.js, loopback allowed, everything else blocked and reported),
// sign-in through the URL the service printed, a small API client, and page-state waits.
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_MISSING } from "./env.mjs";
import { addinRoot } from "./service.mjs";

export const BASE = process.env.NS_E2E_BASE ?? "";
if (!BASE) throw new Error("NS_E2E_BASE is not set: run the browser tests with `npm run e2e` (e2e/run.mjs starts the service)");
export const AS_OF = process.env.NS_E2E_AS_OF ?? null;
export const ARTIFACTS = process.env.NS_E2E_ARTIFACTS ?? path.join(addinRoot, "e2e", "artifacts");
export const TIMEZONE = process.env.TZ || "UTC";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const FAKE_OFFICE = path.join(addinRoot, "test", "fake-office.js");
export const OWNER = "dana.whitfield@contoso.example"; // the demo fixture's mailbox
export const TIER_WORD = { hot: "Hot", warm: "Warm", cool: "Cool", cold: "Cold" };
/** Office themes as the host reports them (fake-office.js hands them to the pane). */
export const OFFICE_THEME = {
  light: { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#242424", controlBackgroundColor: "#ffffff", controlForegroundColor: "#242424" },
  dark: { bodyBackgroundColor: "#1f1f1f", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#292929", controlForegroundColor: "#ffffff" },
};

mkdirSync(ARTIFACTS, { recursive: true });

export function artifact(name) {
  return path.join(ARTIFACTS, name);
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: 30_000 });
}

// ---- signing in and the API, as a client outside the browser ----------------------------------

/** The URL the service printed at start: it carries this run's sign-in token. */
export const SIGN_IN_URL = process.env.NS_E2E_SIGN_IN ?? "";
if (!SIGN_IN_URL) throw new Error("NS_E2E_SIGN_IN is not set: run the browser tests with `npm run e2e` (e2e/run.mjs starts the service)");
export const SESSION_COOKIE = "NetworkSync.Session";

let sessionPromise = null;
/** A session cookie for the outside client, got the way a user gets one: by opening the printed URL. */
export function session() {
  sessionPromise ??= (async () => {
    const res = await fetch(SIGN_IN_URL, { redirect: "manual" });
    assert.equal(res.status, 303, `opening the printed URL answered ${res.status}`);
    const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    assert.ok(cookie, "opening the printed URL set no session cookie");
    return cookie;
  })();
  return sessionPromise;
}

/**
 * Calls the API signed in with the session cookie (and the Origin a browser's own page would send);
 * throws with the Problem Details (and says so when an endpoint is missing).
 */
export async function api(method, apiPath, body) {
  const headers = { Accept: "application/json", Cookie: await session(), Origin: BASE };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${BASE}${apiPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) {
    const gap = res.status === 404 || res.status === 405 ? " (API gap: the service does not answer this endpoint of docs/api.md)" : "";
    throw new Error(`${method} ${apiPath} answered ${res.status}${gap}: ${text.slice(0, 500)}`);
  }
  return text ? JSON.parse(text) : undefined;
}

export const contacts = (filter, limit) => api("GET", `/api/contacts?filter=${filter}&limit=${limit}`);
export const batch = (addresses) => api("POST", "/api/context/batch", { addresses });
export const followUps = (status) => api("GET", `/api/followups${status ? `?status=${status}` : ""}`);

// ---- browser contexts with the network guard ----------------------------------------------------

const isLoopback = (host) => host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * A browser context whose every request goes through the guard: office.js is answered with
 * test/fake-office.js, loopback requests go on, anything else is aborted and recorded. Pages opened
 * with openPage() also record page errors, console errors and dialogs; call ctx.assertClean() at the end.
 */
export async function newContext(browser, { width = 320, height = 800, colorScheme = "light", signedIn = true } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme,
    timezoneId: TIMEZONE,
    locale: "en-US",
    reducedMotion: "reduce",
    serviceWorkers: "block",
  });
  context.setDefaultTimeout(15_000);
  const record = { blocked: [], pageErrors: [], consoleErrors: [], dialogs: [], requests: [] };
  await context.route("**/*", async (route) => {
    const req = route.request();
    const url = req.url();
    if (url === OFFICE_JS || url.startsWith(`${OFFICE_JS}?`)) {
      await route.fulfill({ status: 200, path: FAKE_OFFICE, contentType: "text/javascript; charset=utf-8" });
      return;
    }
    let parsed = null;
    try {
      parsed = new URL(url);
    } catch {
      // not a URL we know how to judge: block it
    }
    if (parsed && (parsed.protocol === "http:" || parsed.protocol === "https:") && isLoopback(parsed.hostname)) {
      await route.continue();
      return;
    }
    record.blocked.push(`${req.method()} ${url}`);
    await route.abort("blockedbyclient");
  });
  if (signedIn) {
    // The printed URL, opened with the context's own cookie jar: the session cookie lands in the browser.
    const res = await context.request.get(SIGN_IN_URL, { maxRedirects: 0 });
    assert.equal(res.status(), 303, `opening the printed URL answered ${res.status()}`);
  }

  async function openPage() {
    const page = await context.newPage();
    page.on("pageerror", (e) => record.pageErrors.push(String(e?.stack ?? e)));
    page.on("console", (m) => {
      if (m.type() === "error") record.consoleErrors.push(`${m.text()} (${m.location()?.url ?? "?"})`);
    });
    page.on("dialog", (d) => {
      record.dialogs.push(`${d.type()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
    page.on("request", (r) => record.requests.push(r));
    return page;
  }

  function assertClean() {
    assert.deepEqual(record.blocked, [], `requests that would have left the machine (blocked): ${record.blocked.join(", ")}`);
    assert.deepEqual(record.dialogs, [], `dialogs opened: ${record.dialogs.join(", ")}`);
    assert.deepEqual(record.pageErrors, [], `uncaught page errors:\n${record.pageErrors.join("\n")}`);
    assert.deepEqual(record.consoleErrors, [], `console errors:\n${record.consoleErrors.join("\n")}`);
  }

  return { context, record, openPage, assertClean, close: () => context.close() };
}

// ---- pages ---------------------------------------------------------------------------------------

/** A fake Outlook message for window.__nsFakeItem. */
export function message(from, { to = [], cc = [], subject = "Quarterly review" } = {}) {
  const who = (c) => (typeof c === "string" ? { emailAddress: c, displayName: c } : { emailAddress: c.address ?? c.emailAddress, displayName: c.displayName ?? c.address ?? c.emailAddress });
  return { subject, from: who(from), to: to.map(who), cc: cc.map(who) };
}

/** Waits for <html data-ns-state> to settle on ready (or fails with the error the page shows). */
export async function waitReady(page, view) {
  await page.waitForFunction(
    (v) => {
      const el = document.documentElement;
      const state = el.getAttribute("data-ns-state");
      return state === "error" || (state === "ready" && (!v || el.getAttribute("data-ns-view") === v));
    },
    view ?? null,
    { timeout: 15_000 },
  );
  const state = await page.evaluate(() => document.documentElement.getAttribute("data-ns-state"));
  if (state === "error") {
    const text = (await page.locator("#ns-content").innerText()).replace(/\s+/g, " ");
    throw new Error(`the page shows an error instead of ${view ? `its ${view} view` : "its content"}: ${text}`);
  }
}

/** Opens the task pane with a fake Outlook item (null: no item) and the given Office theme. */
export async function openPane(ctx, item, { theme = "light" } = {}) {
  const page = await ctx.openPage();
  await page.addInitScript(
    ({ item, theme }) => {
      window.__nsFakeItem = item;
      window.__nsFakeTheme = theme;
    },
    { item, theme: OFFICE_THEME[theme] },
  );
  await page.goto(`${BASE}/addin/taskpane.html`);
  await waitReady(page, item ? "item" : "overview");
  return page;
}

export async function openDashboard(ctx, hash = "") {
  const page = await ctx.openPage();
  await page.goto(`${BASE}/${hash}`);
  await waitReady(page);
  return page;
}

/** Raises ItemChanged in the fake host; fails when the pane registered no handler. */
export async function changeItem(page, item) {
  const handled = await page.evaluate((i) => window.__nsFakeOffice.changeItem(i), item);
  assert.equal(handled, true, "the pane did not register an ItemChanged handler");
}

/** Relative luminance of the <body> background (0 black … 1 white). */
export function bodyLuminance(page) {
  return page.evaluate(() => {
    const probe = document.createElement("canvas").getContext("2d");
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    const lin = [r, g, b].map((c) => {
      const x = c / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  });
}

// ---- accessibility -----------------------------------------------------------------------------

/** axe-core over the whole page; returns all violations and the serious/critical ones. */
export async function axeScan(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return { violations: results.violations, blocking, passes: results.passes.length };
}

export function describeViolations(list) {
  return list
    .map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`)
          .join("\n") +
        (v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : ""),
    )
    .join("\n");
}
