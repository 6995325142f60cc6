// The dashboard against the real service (g), and local-mode authentication (h).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE, SESSION_COOKIE, SIGN_IN_URL, TIER_WORD, api, batch, contacts, followUps, launchBrowser, message, newContext, openDashboard, openPane, session, waitReady } from "../lib/browser.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const warmthShown = (w) => String(Math.round(Math.min(100, Math.max(0, w))));

/** The contacts a dashboard section lists, in order. */
function listed(page, section) {
  return page.$$eval(`.${section} li.ns-contact`, (items) =>
    items.map((li) => ({
      address: li.getAttribute("data-address"),
      value: li.querySelector('[role="meter"]')?.getAttribute("aria-valuenow"),
      tier: li.querySelector(".ns-tier")?.textContent?.trim(),
    })),
  );
}

function sameList(shown, items, what) {
  assert.deepEqual(shown.map((c) => c.address), items.map((c) => c.address), `${what}: the dashboard lists what the API returns, in order`);
  for (const [i, c] of items.entries()) {
    assert.equal(shown[i].value, warmthShown(c.warmth), `${what}: warmth of ${c.address}`);
    assert.equal(shown[i].tier, TIER_WORD[c.tier], `${what}: tier of ${c.address}`);
  }
}

test("g. dashboard: warmest, cooling, dormant and the follow-up queue from the API; search; a contact page with its charts", { timeout: 60_000 }, async () => {
  const ctx = await newContext(browser, { width: 1280, height: 900 });
  try {
    const page = await openDashboard(ctx);
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-ns-view")), "home");
    const [warmest, cooling, dormant, queue, me] = await Promise.all([
      contacts("warmest", 10),
      contacts("cooling", 10),
      contacts("dormant", 10),
      followUps(),
      api("GET", "/api/me"),
    ]);
    assert.ok(warmest.items.length > 0, "the demo network has warm relationships");
    sameList(await listed(page, "ns-warmest"), warmest.items, "Warmest relationships");
    sameList(await listed(page, "ns-cooling"), cooling.items, "Cooling");
    sameList(await listed(page, "ns-dormant"), dormant.items, "Dormant");
    for (const [section, items] of [["ns-cooling", cooling.items], ["ns-dormant", dormant.items]]) {
      if (items.length === 0) assert.equal(await page.locator(`.${section} .ns-empty`).count(), 1, `${section}: says it is empty`);
    }
    // The queue: open and snoozed follow-ups, by due date.
    const byDue = [...queue].sort((a, b) => (a.due ?? "9999").localeCompare(b.due ?? "9999"));
    const shownQueue = await page.$$eval(".ns-queue li[data-fu-id]", (els) => els.map((el) => ({ id: el.getAttribute("data-fu-id"), title: el.querySelector(".ns-fu-title")?.textContent })));
    assert.deepEqual(shownQueue.map((f) => f.id), byDue.map((f) => f.id), "the follow-up queue is the API's, by due date");
    assert.deepEqual(shownQueue.map((f) => f.title), byDue.map((f) => f.title));
    assert.equal(await page.locator(".ns-queue h2").textContent(), `Follow-up queue (${queue.length})`);
    assert.equal(await page.locator("#ns-me").textContent(), me.mailbox.displayName ?? me.mailbox.mail, "the header names the mailbox");

    // Search by the warmest contact's surname.
    const target = warmest.items[0];
    const q = (target.displayName ?? target.address).split(/[\s@.]+/).filter(Boolean).at(-1);
    await page.locator("#ns-search-input").fill(q);
    await page.locator("#ns-search-input").press("Enter");
    await waitReady(page, "search");
    assert.equal(await page.evaluate(() => decodeURIComponent(location.hash)), `#/search/${q}`);
    const found = await api("GET", `/api/contacts?search=${encodeURIComponent(q)}&limit=50`);
    const results = await listed(page, "ns-contacts");
    assert.ok(results.some((r) => r.address === target.address), `searching "${q}" finds ${target.address}`);
    assert.deepEqual(results.map((r) => r.address).sort(), found.items.map((c) => c.address).sort(), "the results are the API's");

    // The contact page: person card, monthly interactions (SVG bars), warmth history (SVG line), table.
    await page.locator(`li.ns-contact[data-address="${target.address}"] a`).first().click();
    await waitReady(page, "contact");
    assert.equal(await page.evaluate(() => decodeURIComponent(location.hash)), `#/contact/${target.address}`);
    const [person, history] = await Promise.all([
      api("GET", `/api/context/${encodeURIComponent(target.address)}`),
      api("GET", `/api/contacts/${encodeURIComponent(target.address)}/history`),
    ]);
    const months = history.months;
    assert.equal(months.length, 24, "the history covers 24 months");
    assert.ok(months.some((m) => m.sent + m.received + m.meetings > 0), "the warmest contact has interactions in the last 24 months");
    const h1 = await page.locator("h1").textContent();
    assert.ok(h1.includes(person.displayName ?? person.address), `the page is about ${person.displayName}`);
    assert.equal(await page.locator('article.ns-card [role="meter"]').getAttribute("aria-valuenow"), warmthShown(person.warmth));

    const chart = await page.evaluate(() => {
      const bars = document.querySelector("svg.ns-chart-bars");
      const line = document.querySelector("svg.ns-chart-line");
      return {
        bars: bars ? [...bars.querySelectorAll(".ns-bars g[data-month]")].map((g) => ({ month: g.getAttribute("data-month"), values: [...g.querySelectorAll("rect")].map((r) => [r.getAttribute("class"), Number(r.getAttribute("data-value")), Number(r.getAttribute("height"))]) })) : null,
        barsTitle: bars?.querySelector("title")?.textContent ?? null,
        line: line ? { d: line.querySelector("path.ns-line")?.getAttribute("d") ?? "", points: [...line.querySelectorAll(".ns-points circle")].map((c) => Number(c.getAttribute("data-value"))) } : null,
        lineTitle: line?.querySelector("title")?.textContent ?? null,
        rows: document.querySelectorAll("table.ns-table tbody tr").length,
      };
    });
    assert.ok(chart.bars, "the monthly interactions chart is an SVG");
    assert.equal(chart.bars.length, months.length, "one bar group per month");
    for (const [i, m] of months.entries()) {
      const g = chart.bars[i];
      assert.equal(g.month, m.month);
      const expected = [["ns-s-sent", m.sent], ["ns-s-received", m.received], ["ns-s-meetings", m.meetings]].filter(([, v]) => v > 0);
      assert.deepEqual(g.values.map(([cls, v]) => [cls, v]), expected, `bars for ${m.month}`);
      for (const [, , height] of g.values) assert.ok(height > 0, `a drawn bar for ${m.month} has height`);
    }
    assert.ok(chart.barsTitle?.includes(person.displayName ?? person.address));
    assert.ok(chart.line, "the warmth history is an SVG");
    assert.deepEqual(chart.line.points, months.map((m) => m.warmth), "one point per month at the API's warmth");
    assert.equal((chart.line.d.match(/[ML]/g) ?? []).length, months.length, "the line goes through every month");
    assert.equal(chart.rows, months.length, "the table alternative has a row per month");
    ctx.assertClean();
  } finally {
    await ctx.close();
  }
});

test("h. no page hands out a credential; without sign-in the API answers 401; the printed URL signs a browser in and the pages' calls succeed", { timeout: 60_000 }, async () => {
  // What anyone who knows only the port gets: pages without a key, a pairing code or the token.
  const token = new URL(SIGN_IN_URL).searchParams.get("token");
  assert.ok(token && token.length >= 32, `the printed URL carries a sign-in token: ${SIGN_IN_URL.replace(token ?? "", "…")}`);
  for (const page of ["/", "/addin/taskpane.html", "/addin/auth-redirect.html", "/addin/manifest.xml"]) {
    const res = await fetch(`${BASE}${page}`);
    const html = await res.text();
    assert.doesNotMatch(html, /networksync-key/i, `${page} carries no key meta tag`);
    assert.ok(!html.includes(token), `${page} does not carry the sign-in token`);
    assert.equal(res.headers.get("set-cookie"), null, `${page} sets no cookie without the token`);
  }
  const wrongToken = await fetch(`${BASE}/?token=${token}x`, { redirect: "manual" });
  assert.equal(wrongToken.status, 403, "a wrong sign-in token is refused");
  assert.equal(wrongToken.headers.get("set-cookie"), null, "a wrong sign-in token sets no cookie");

  const calls = [
    ["GET", "/api/me"],
    ["GET", "/api/local/pairing-code"],
    ["GET", "/api/contacts?filter=warmest&limit=5"],
    ["POST", "/api/context/batch", { addresses: ["someone@contoso.example"] }],
    ["GET", "/api/context/someone%40contoso.example"],
    ["GET", "/api/followups"],
    ["POST", "/api/followups", { contacts: ["someone@contoso.example"], title: "should not be created", due: "2030-01-01T09:00:00Z" }],
  ];
  const cookie = await session();
  for (const [method, path, body] of calls) {
    for (const headers of [{}, { "X-NetworkSync-Key": token }, { "X-NetworkSync-Key": "" }, { Cookie: `${SESSION_COOKIE}=${token}` }, { Cookie: cookie, Origin: "http://evil.example" }]) {
      const res = await fetch(`${BASE}${path}`, {
        method,
        headers: { Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}), ...headers },
        body: body ? JSON.stringify(body) : undefined,
      });
      const label = JSON.stringify(headers).replace(token, "<token>").replace(cookie, "<session>");
      assert.equal(res.status, 401, `${method} ${path} with ${label} answered ${res.status}`);
      assert.match(res.headers.get("content-type") ?? "", /application\/problem\+json/, `${method} ${path}: the 401 is Problem Details`);
      await res.body?.cancel();
    }
  }
  assert.ok(!(await followUps("all")).some((f) => f.title === "should not be created"), "nothing was created without a sign-in");

  // A browser opens the printed URL, as the user does: it lands on the clean URL, signed in by an HttpOnly, SameSite=Strict cookie.
  const ctx = await newContext(browser, { width: 1280, height: 900, signedIn: false });
  try {
    const pending = [];
    const isApi = (req) => new URL(req.url()).pathname.startsWith("/api/");
    ctx.context.on("requestfinished", (req) => {
      if (!isApi(req)) return;
      pending.push(
        (async () => {
          const res = await req.response();
          return { page: new URL(req.frame().url()).pathname, method: req.method(), url: req.url(), status: res?.status() ?? 0, key: (await req.allHeaders())["x-networksync-key"] };
        })(),
      );
    });
    ctx.context.on("requestfailed", (req) => {
      if (isApi(req)) pending.push(Promise.resolve({ method: req.method(), url: req.url(), status: 0, failure: req.failure()?.errorText }));
    });

    const dash = await ctx.openPage();
    await dash.goto(SIGN_IN_URL);
    await waitReady(dash);
    assert.equal(dash.url(), `${BASE}/`, "the sign-in redirects to the URL without the token");
    const cookies = await ctx.context.cookies(BASE);
    const sessionCookie = cookies.find((c) => c.name === SESSION_COOKIE);
    assert.ok(sessionCookie, `the sign-in set the session cookie: ${cookies.map((c) => c.name).join(", ")}`);
    assert.equal(sessionCookie.httpOnly, true, "the session cookie is HttpOnly");
    assert.equal(sessionCookie.sameSite, "Strict", "the session cookie is SameSite=Strict");
    assert.equal(await dash.evaluate(() => document.cookie), "", "no script on the page can read the session");
    const warm = (await contacts("warmest", 2)).items;
    // The task pane page, opened in the same browser, is signed in by the same cookie.
    const pane = await openPane(ctx, message(warm[0], { to: [warm[1]] }));
    await pane.waitForLoadState("networkidle");
    await dash.waitForLoadState("networkidle");
    const apiCalls = await Promise.all(pending);

    const fromDashboard = apiCalls.filter((c) => c.page === "/");
    const fromPane = apiCalls.filter((c) => c.page === "/addin/taskpane.html");
    assert.ok(fromDashboard.length >= 5, `the dashboard made its API calls (me, 3 lists, follow-ups): ${JSON.stringify(fromDashboard)}`);
    assert.ok(fromPane.some((c) => c.method === "POST" && c.url.endsWith("/api/context/batch")), "the pane called /api/context/batch");
    for (const c of apiCalls) {
      assert.equal(c.key, undefined, `${c.method} ${c.url} carries no key (the cookie signs it in)`);
      assert.ok(c.status >= 200 && c.status < 300, `${c.method} ${c.url} answered ${c.status}${c.failure ? ` (${c.failure})` : ""}`);
    }

    // Your data shows the code that pairs Outlook's task pane; a pane that sends it is signed in without the cookie.
    await dash.goto(`${BASE}/#/your-data`);
    await waitReady(dash, "your-data");
    const code = (await dash.locator("[data-ns-pairing-code]").textContent())?.trim();
    assert.match(code ?? "", /^[0-9A-F]{5}(-[0-9A-F]{5}){5}$/, `the pairing code is shown: ${code}`);
    const paired = await fetch(`${BASE}/api/me`, { headers: { "X-NetworkSync-Key": code } });
    assert.equal(paired.status, 200, "the pairing code signs a pane in");
    await paired.body?.cancel();
    // Sanity: the session really is what the API wants (so the 401s above were about the credential).
    assert.ok((await batch([warm[0].address])).people.length === 1);
    ctx.assertClean();
  } finally {
    await ctx.close();
  }
});

