// The user's privacy controls against the real service: "Your data" exports the mailbox's data as a
// JSON download (i), "Forget this person" on a contact page forgets them in the API (j), and the
// "Your data" view (and its delete confirmation dialog) passes axe in light and dark, with
// screenshots (k). "Delete all my data" and "Resume syncing" are not run here: the other test files
// share this service's data (they are covered by the unit tests in test/privacy.test.ts).
// This file sorts after the others, so forgetting a contact happens once they are done.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { OWNER, api, artifact, axeScan, bodyLuminance, contacts, describeViolations, followUps, launchBrowser, newContext, openDashboard, waitReady } from "../lib/browser.mjs";

let browser;
const report = {};
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  writeFileSync(artifact("axe-privacy-report.json"), `${JSON.stringify(report, null, 2)}\n`);
  await browser?.close();
});

const status = (page) => page.locator("#ns-status").textContent();

test("i. Your data: Export my data downloads networksync-export.json, the demo mailbox's data as JSON, signed in by the session cookie", { timeout: 60_000 }, async () => {
  const ctx = await newContext(browser, { width: 1280, height: 900 });
  try {
    const page = await openDashboard(ctx, "#/your-data");
    await waitReady(page, "your-data");
    // Reachable from the top bar, which marks it as the current page.
    assert.equal(await page.locator('nav[aria-label="Dashboard"] a[aria-current="page"]').textContent(), "Your data");
    assert.equal(await page.locator("h1").textContent(), "Your data");
    const what = await page.locator(".ns-data-what").innerText();
    assert.match(what, /Metadata only/);
    assert.match(what, /Never the body of a message/);
    assert.match(what, /3 years/);
    const external = await page.$$eval("#ns-content a", (as) => as.map((a) => a.getAttribute("href")).filter((h) => !h?.startsWith("#")));
    assert.deepEqual(external, [], "the view links to nothing outside the dashboard");

    const exportCall = page.waitForRequest((r) => new URL(r.url()).pathname === "/api/me/export");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export my data" }).click();
    const [req, file] = await Promise.all([exportCall, download]);
    assert.equal((await req.allHeaders())["x-networksync-key"], undefined, "the export is fetched with the session cookie, no key");
    assert.equal(file.suggestedFilename(), "networksync-export.json");
    const saved = artifact("networksync-export.json");
    await file.saveAs(saved);
    const data = JSON.parse(readFileSync(saved, "utf8"));
    const me = await api("GET", "/api/me");
    assert.equal(data.mailbox?.mail ?? data.mailbox?.address, OWNER, "the export is the demo mailbox's");
    assert.equal(me.mailbox.mail, OWNER);
    for (const key of ["exportedAt", "settings", "followUps", "contacts", "messages", "events"]) assert.ok(key in data, `the export has ${key}`);
    assert.ok(Array.isArray(data.contacts) && data.contacts.length > 0, "the export lists the scored contacts");
    assert.ok(Array.isArray(data.messages) && data.messages.length > 0, "the export lists the messages' metadata");
    assert.ok(!JSON.stringify(data.messages[0]).match(/"body"/i), "no message body in the export");
    await page.waitForFunction(() => document.getElementById("ns-status")?.textContent?.startsWith("Export saved as networksync-export.json"));
    assert.equal(await page.locator("#ns-alert").textContent(), "", "no error");
    ctx.assertClean();
  } finally {
    await ctx.close();
  }
});

/** A contact no other test relies on: not in the top 10 warmest, cooling or dormant, no follow-up. */
async function spareContact() {
  const [all, warmest, cooling, dormant, fus] = await Promise.all([
    api("GET", "/api/contacts?limit=200"),
    contacts("warmest", 10),
    contacts("cooling", 10),
    contacts("dormant", 10),
    followUps("all"),
  ]);
  const used = new Set([...warmest.items, ...cooling.items, ...dormant.items].map((c) => c.address));
  for (const f of fus) for (const a of f.contacts) used.add(a);
  const spare = all.items.filter((c) => !used.has(c.address) && c.address !== OWNER && c.displayName);
  assert.ok(spare.length > 0, "the demo network has a contact no other test uses");
  return spare.at(-1);
}

test("j. Forget this person: Escape cancels; confirming forgets the contact in the API and returns to the overview", { timeout: 60_000 }, async () => {
  const target = await spareContact();
  const before = await api("GET", `/api/context/${encodeURIComponent(target.address)}`);
  assert.equal(before.known, true, `${target.address} is known before`);
  const name = target.displayName ?? target.address;

  const ctx = await newContext(browser, { width: 1280, height: 900 });
  try {
    const page = await openDashboard(ctx, `#/contact/${encodeURIComponent(target.address)}`);
    await waitReady(page, "contact");
    const forget = page.getByRole("button", { name: "Forget this person…" });

    // Keyboard: focus the button, Enter opens the dialog, Escape cancels and gives focus back.
    await forget.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: `Forget ${name}?` });
    await dialog.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Cancel", "focus starts on Cancel");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Forget this person…", "focus is back on the button");
    assert.equal(await status(page), `Cancelled: ${name} was not forgotten.`);
    assert.equal((await api("GET", `/api/context/${encodeURIComponent(target.address)}`)).known, true, "Escape forgot nobody");

    await forget.click();
    await dialog.waitFor();
    const forgetCall = page.waitForResponse((r) => r.request().method() === "DELETE" && new URL(r.url()).pathname === `/api/contacts/${encodeURIComponent(target.address)}`);
    await dialog.getByRole("button", { name: `Forget ${name}` }).click();
    assert.equal((await forgetCall).status(), 204);
    await waitReady(page, "home");
    assert.equal(await page.evaluate(() => location.hash), "#/");
    assert.equal(await status(page), `Forgotten: ${name} (${target.address}) will not be stored again.`);

    const after = await api("GET", `/api/context/${encodeURIComponent(target.address)}`);
    assert.equal(after.known, false, `${target.address} is no longer known`);
    assert.deepEqual(after.timeline, []);
    const search = await api("GET", `/api/contacts?search=${encodeURIComponent(target.address)}`);
    assert.equal(search.total, 0, "the contact list no longer has them");
    assert.equal(await page.locator(`li.ns-contact[data-address="${target.address}"]`).count(), 0, "the overview does not list them");
    ctx.assertClean();
  } finally {
    await ctx.close();
  }
});

const SHOTS = [];
async function check(page, name, theme) {
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-theme")), theme, `${name}: <html data-theme> is ${theme}`);
  const lum = await bodyLuminance(page);
  if (theme === "dark") assert.ok(lum < 0.2, `${name}: dark background (luminance ${lum.toFixed(3)})`);
  else assert.ok(lum > 0.7, `${name}: light background (luminance ${lum.toFixed(3)})`);
  const file = artifact(`${name}-${theme}.png`);
  await page.screenshot({ path: file, fullPage: true });
  SHOTS.push(file);
  const { violations, blocking, passes } = await axeScan(page);
  report[`${name}-${theme}`] = { passes, violations: violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) })) };
  assert.ok(passes > 0, "axe ran its checks");
  assert.equal(blocking.length, 0, `${name} (${theme}): axe found serious or critical violations:\n${describeViolations(blocking)}`);
}

for (const theme of ["light", "dark"]) {
  test(`k. axe + screenshot: Your data view and its delete confirmation, ${theme}`, { timeout: 60_000 }, async () => {
    const ctx = await newContext(browser, { width: 1280, height: 900, colorScheme: theme });
    try {
      const page = await openDashboard(ctx, "#/your-data");
      await waitReady(page, "your-data");
      await check(page, "dashboard-your-data", theme);

      // The confirmation: a modal dialog asking to type DELETE; Escape closes it and nothing is deleted.
      await page.getByRole("button", { name: "Delete all my data…" }).click();
      const dialog = page.getByRole("alertdialog", { name: "Delete all your data?" });
      await dialog.waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), "INPUT", "focus starts in the confirmation field");
      await page.keyboard.type("nope");
      await page.keyboard.press("Enter");
      assert.match(await dialog.locator(".ns-field-error").textContent(), /Type DELETE in capital letters/);
      await check(page, "dashboard-your-data-dialog", theme);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      assert.equal(await status(page), "Cancelled: nothing was deleted.");
      assert.equal((await api("GET", "/api/me")).mailbox.mail, OWNER, "the mailbox is still there");
      ctx.assertClean();
    } finally {
      await ctx.close();
    }
  });
}

test("k. screenshots saved: Your data light and dark differ", () => {
  const shot = (n) => readFileSync(SHOTS.find((f) => f.endsWith(n)) ?? assert.fail(`${n} was taken`));
  for (const name of ["dashboard-your-data", "dashboard-your-data-dialog"]) {
    const [light, dark] = [shot(`${name}-light.png`), shot(`${name}-dark.png`)];
    for (const png of [light, dark]) assert.ok(png.length > 2_000 && png.subarray(1, 4).toString() === "PNG");
    assert.ok(!light.equals(dark), `${name}: light and dark differ`);
  }
});
