// "How well NetworkSync knows your network" (#/network) against the real service: the figures are the
// API's, in plain words (m); a merge suggestion confirmed with the keyboard alone changes the contact
// listing, Undo takes it back, and the merged person's contact page says why (n); axe in light and
// dark, with screenshots (o); the wider network's charts and lists are the API's, and the "waiting on
// them" setting changed on the page changes the list (p).
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { api, artifact, axeScan, bodyLuminance, describeViolations, launchBrowser, newContext, openDashboard, waitReady } from "../lib/browser.mjs";

let browser;
const report = {};
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  writeFileSync(artifact("axe-network-report.json"), `${JSON.stringify(report, null, 2)}\n`);
  await browser?.close();
});

const figure = (v) => v.toFixed(2);
const clean = (s) => (s ?? "").replace(/\s+/g, " ").trim();

/** The sentence the page must show for the API's figures (docs: compared with sorting by last contact). */
function expectedHeadline(b) {
  if (b.auc === null) return "There is too little history in your mailbox to measure this yet.";
  const lead = "NetworkSync ranks the people you'll write to next";
  if (b.baselines.recency === null) return `${lead} with a score of ${figure(b.auc)} (1 is perfect, 0.5 is chance).`;
  const [ours, theirs] = [figure(b.auc), figure(b.baselines.recency)];
  const how = ours === theirs ? "about as well as" : b.auc > b.baselines.recency ? "better than" : "less well than";
  return `${lead} ${how} sorting by last contact: ${ours} vs ${theirs}`;
}

test("m. network knowledge: the model's figures beside the three baselines, as the API measured them", { timeout: 60_000 }, async () => {
  const ctx = await newContext(browser, { width: 1280, height: 900 });
  try {
    const page = await openDashboard(ctx, "#/network");
    await waitReady(page, "network");
    const knowledge = await api("GET", "/api/network-knowledge");
    const b = knowledge.backtest;
    assert.equal(await page.locator("h1").textContent(), "How well NetworkSync knows your network");
    assert.equal(await page.locator('nav[aria-label="Dashboard"] a[aria-current="page"]').textContent(), "How well we know you");
    assert.equal(clean(await page.locator(".ns-knowledge-headline").textContent()), expectedHeadline(b));
    assert.match(clean(await page.locator(".ns-knowledge-date").textContent()), /^Measured on \d{1,2} [A-Z][a-z]{2} \d{4};/);
    if (b.auc === null) {
      assert.equal(clean(await page.locator(".ns-knowledge-reason").textContent()), `Why: ${b.reason}.`);
    } else {
      const rows = await page.$$eval(".ns-knowledge-table tbody tr", (trs) => trs.map((tr) => [tr.querySelector("th")?.textContent, tr.querySelector(".ns-score-value")?.textContent]));
      const show = (v) => (v === null ? "not measured" : figure(v));
      assert.deepEqual(rows, [
        ["NetworkSync warmth", show(b.auc)],
        ["Sorting by last contact", show(b.baselines.recency)],
        ["Counting messages in the last year", show(b.baselines.frequency365)],
        ["Counting recent messages more (decayed count)", show(b.baselines.decayedCount)],
      ]);
      assert.match(clean(await page.locator(".ns-knowledge-ap").textContent()), new RegExp(`^Average precision ${figure(b.averagePrecision).replace(".", "\\.")}:`));
      assert.ok(clean(await page.locator(".ns-knowledge-how").textContent()).includes(`(${b.candidates} in all)`));
    }
    // The built-in weights are said plainly; a fitted model says it learned from the mailbox.
    const model = clean(await page.locator(".ns-knowledge-model").textContent());
    if (knowledge.model === "BuiltIn") assert.ok(model.includes("built-in weights"), model);
    else assert.ok(model.startsWith("Warmth is learned from your own mailbox"), model);
    ctx.assertClean();
  } finally {
    await ctx.close();
  }
});

/** Where focus is, and whether it is visibly marked (:focus-visible with an outline or a ring). */
function focusInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { none: true };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
    const ring = cs.boxShadow !== "none" && cs.boxShadow !== "";
    return {
      none: false,
      visible: el.matches(":focus-visible") && (outline || ring),
      describe: `<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").trim().slice(0, 40)}"`,
      pair: el.closest("[data-pair]")?.getAttribute("data-pair") ?? null,
      text: (el.textContent ?? "").trim(),
    };
  });
}

async function tabTo(page, found, what, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focusInfo(page);
    if (f.none) continue;
    assert.ok(f.visible, `focus is not visible on ${f.describe}`);
    if (found(f)) return f;
  }
  throw new Error(`${what} not reached with ${max} presses of Tab`);
}

/** The listing's entry for the person an address belongs to (their own address, or one of their others). */
async function personOf(address) {
  const page = await api("GET", `/api/contacts?search=${encodeURIComponent(address)}&limit=50`);
  return page.items.filter((c) => c.address === address || c.otherAddresses.includes(address));
}

test("n. merge suggestions, keyboard only: Same person changes the listing, Undo restores it, the contact page says why", { timeout: 60_000 }, async () => {
  const suggestions = await api("GET", "/api/merge-suggestions");
  assert.ok(suggestions.length > 0, "the demo network has namesakes without evidence");
  const s = suggestions[0];
  const pair = `${s.address}|${s.otherAddress}`;
  const ctx = await newContext(browser, { width: 1280, height: 900 });
  try {
    const page = await openDashboard(ctx, "#/network");
    await waitReady(page, "network");
    assert.deepEqual(await page.$$eval(".ns-merge[data-pair]", (els) => els.map((e) => e.getAttribute("data-pair"))), suggestions.map((x) => `${x.address}|${x.otherAddress}`), "the page lists the API's suggestions, in order");
    const item = page.locator(`.ns-merge[data-pair="${pair}"]`);
    assert.equal(clean(await item.locator(".ns-merge-why").textContent()), s.reason);
    assert.ok(clean(await item.locator(".ns-merge-addresses").textContent()).includes(s.otherAddress));
    assert.equal((await personOf(s.address)).length, 1);
    assert.notEqual((await personOf(s.address))[0].address, (await personOf(s.otherAddress))[0].address, "two people before the answer");

    // Keyboard only: Tab to "Same person", Enter.
    await tabTo(page, (f) => f.pair === pair && f.text === "Same person", "Same person");
    await page.keyboard.press("Enter");
    await item.locator(".ns-merge-result").waitFor();
    assert.equal(clean(await item.locator(".ns-merge-result").textContent()), `Merged: ${s.address} and ${s.otherAddress} are now one person.`);
    assert.equal(clean(await page.locator("#ns-status").textContent()), `Merged: ${s.address} and ${s.otherAddress} are now one person.`);
    const merged = await personOf(s.address);
    assert.equal(merged.length, 1);
    assert.deepEqual([merged[0].address, ...merged[0].otherAddresses].sort(), [s.address, s.otherAddress].sort(), "the listing has one person with both addresses");
    assert.ok(merged[0].mergeReasons.some((r) => r.endsWith("you said these are one person")), merged[0].mergeReasons.join("; "));
    assert.ok(!(await api("GET", "/api/merge-suggestions")).some((x) => x.address === s.address && x.otherAddress === s.otherAddress), "no longer suggested");
    let f = await focusInfo(page);
    assert.equal(f.text, "Undo", "focus stays on the pair, on Undo");
    assert.ok(f.visible);

    // Space on Undo: two people again, suggested again, focus back on "Same person".
    await page.keyboard.press("Space");
    await item.locator(".ns-merge-actions").waitFor();
    f = await focusInfo(page);
    assert.equal(f.text, "Same person");
    assert.notEqual((await personOf(s.address))[0].address, (await personOf(s.otherAddress))[0].address, "two people after Undo");
    assert.ok((await api("GET", "/api/merge-suggestions")).some((x) => x.address === s.address && x.otherAddress === s.otherAddress), "suggested again");

    // Confirmed once more, the merged person's contact page says why each other address is them.
    await page.keyboard.press("Enter");
    await item.locator(".ns-merge-result").waitFor();
    const person = (await personOf(s.address))[0];
    await page.goto(`${page.url().split("#")[0]}#/contact/${encodeURIComponent(person.address)}`);
    await waitReady(page, "contact");
    const other = person.otherAddresses[0];
    const alias = clean(await page.locator(`.ns-also-known li[data-address="${other}"]`).textContent());
    const reason = person.mergeReasons.find((r) => r.startsWith(`${other}:`));
    assert.equal(alias, reason, "the contact page shows the listing's merge reason");
    ctx.assertClean();
  } finally {
    // Leave the demo network as the other test files expect it: two people.
    await api("DELETE", `/api/contacts/${encodeURIComponent(s.address)}/same/${encodeURIComponent(s.otherAddress)}`);
    await ctx.close();
  }
});

test("p. the wider network: charts and lists from the real service, and the waiting setting changes the list", { timeout: 60_000 }, async () => {
  const before = await api("GET", "/api/network-overview");
  assert.equal(before.months.length, 24);
  assert.ok(before.months.some((m) => m.hot + m.warm + m.cool > 0), "the demo network has active relationships");
  const ctx = await newContext(browser, { width: 1280, height: 900 });
  const listed = (page) => page.$$eval(".ns-waiting li[data-address]", (els) => els.map((e) => e.getAttribute("data-address")));
  try {
    const page = await openDashboard(ctx, "#/network");
    await waitReady(page, "network");

    // Both charts, titled, described, drawn from the API's months.
    const titles = await page.$$eval(".ns-network-charts svg.ns-chart", (svgs) => svgs.map((svg) => svg.querySelector("title")?.textContent));
    assert.deepEqual(titles, ["Active relationships by tier, month by month", "Ties gained and lost per month"]);
    const last = before.months[23];
    const drawn = await page.$$eval(`.ns-chart-tiers g[data-month="${last.month}"] rect`, (rects) => rects.map((r) => [r.getAttribute("class"), Number(r.getAttribute("data-value"))]));
    assert.deepEqual(drawn, [["ns-t-cool", last.cool], ["ns-t-warm", last.warm], ["ns-t-hot", last.hot]].filter(([, v]) => v > 0));
    const gained = await page.$$eval(".ns-chart-ties .ns-t-gained", (rects) => rects.reduce((a, r) => a + Number(r.getAttribute("data-value")), 0));
    assert.equal(gained, before.months.reduce((a, m) => a + m.gained, 0));
    assert.equal(await page.locator(".ns-network-table tbody tr").count(), 24);
    const desc = clean(await page.locator(".ns-chart-ties desc").textContent());
    assert.ok(desc.includes(`In all, ${gained} gained and ${before.months.reduce((a, m) => a + m.lost, 0)} lost.`), desc);

    // The charts are reachable by keyboard.
    await tabTo(page, (f) => f.describe.startsWith("<figure>"), "the first chart", 200);

    // Organisations and the lists, in the API's order.
    assert.deepEqual(await page.$$eval(".ns-org-table tbody tr", (rows) => rows.map((r) => r.getAttribute("data-domain"))), before.organisations.map((o) => o.domain));
    assert.deepEqual(await page.$$eval(".ns-weak-ties li", (els) => els.map((e) => e.getAttribute("data-address"))), before.weakTies.map((p) => p.address));
    assert.deepEqual(await listed(page), before.waitingOnThem.map((p) => p.address));
    assert.equal(before.waitingDays, 7);

    // Change the waiting time on the page, keyboard only: each time the list is the service's for that number.
    const seen = [JSON.stringify(before.waitingOnThem.map((p) => p.address))];
    for (const days of [1, 30]) {
      await page.locator(".ns-waiting-days").focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.type(String(days));
      await page.keyboard.press("Enter");
      await page.waitForFunction((d) => document.querySelector("#ns-status")?.textContent?.startsWith(`Saved: waiting on them after ${d} `), days, { timeout: 15_000 });
      const now = await api("GET", "/api/network-overview");
      assert.equal(now.waitingDays, days);
      assert.equal((await api("GET", "/api/settings")).waitingDays, days);
      assert.deepEqual(await listed(page), now.waitingOnThem.map((p) => p.address));
      for (const p of now.waitingOnThem) assert.ok(Date.parse(now.asOf) - Date.parse(p.since) >= days * 86_400_000, `${p.address} was written to ${days} days ago at least`);
      seen.push(JSON.stringify(now.waitingOnThem.map((p) => p.address)));
    }
    assert.ok(new Set(seen).size > 1, `the list changed with the setting: ${seen.join(" / ")}`);
    ctx.assertClean();
  } finally {
    await api("PUT", "/api/settings", { waitingDays: 7 });
    await ctx.close();
  }
});

for (const theme of ["light", "dark"]) {
  test(`o. axe + screenshot: network knowledge and merge suggestions, ${theme}`, { timeout: 60_000 }, async () => {
    const ctx = await newContext(browser, { width: 1280, height: 900, colorScheme: theme });
    try {
      const page = await openDashboard(ctx, "#/network");
      await waitReady(page, "network");
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-theme")), theme);
      const lum = await bodyLuminance(page);
      assert.ok(theme === "dark" ? lum < 0.2 : lum > 0.7, `${theme} theme applied (luminance ${lum.toFixed(3)})`);
      await page.screenshot({ path: artifact(`dashboard-network-${theme}.png`), fullPage: true });
      const { violations, blocking, passes } = await axeScan(page);
      report[`dashboard-network-${theme}`] = { passes, violations: violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) })) };
      assert.ok(passes > 0, "axe ran its checks");
      assert.equal(blocking.length, 0, `network (${theme}): axe found serious or critical violations:\n${describeViolations(blocking)}`);
      ctx.assertClean();
    } finally {
      await ctx.close();
    }
  });
}
