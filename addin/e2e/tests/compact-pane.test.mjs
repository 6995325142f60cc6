// The task pane at a glance, in a real browser against the service: at 320×600 every participant of a
// four-person message is on the first screen; a row expands and collapses by keyboard with focus kept; axe is
// clean collapsed and expanded in light and dark; and the screenshots in docs/screenshots/ come from this run.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { axeScan, batch, contacts, describeViolations, launchBrowser, message, newContext, openPane } from "../lib/browser.mjs";
import { addinRoot } from "../lib/service.mjs";

const SHOTS = path.join(addinRoot, "..", "docs", "screenshots");
const VIEWPORT = { width: 320, height: 600 };

let browser;
let item;
let people;
let moved;
before(async () => {
  browser = await launchBrowser();
  const warm = (await contacts("warmest", 200)).items;
  assert.ok(warm.length >= 4, "the demo network should have at least 4 contacts");
  // A job changer (the demo's former colleagues) as the fourth, so the screenshots show "Moved to …".
  for (let i = 3; i < warm.length && !moved; i += 100) {
    moved = (await batch(warm.slice(i, i + 100).map((c) => c.address))).people.find((p) => p.jobChange);
  }
  const fourth = moved ? { address: moved.address, displayName: moved.displayName } : warm[3];
  item = message(warm[1], { to: [warm[0], warm[2]], cc: [fourth] });
  people = [warm[1], warm[0], warm[2], fourth].map((c) => c.address);
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

/** Each row's box and whether its details are shown. */
const rows = (page) =>
  page.$$eval("#ns-content article.ns-row", (list) =>
    list.map((r) => {
      const box = r.getBoundingClientRect();
      return { address: r.getAttribute("data-address"), top: box.top, bottom: box.bottom, left: box.left, right: box.right, open: !r.querySelector(".ns-row-details").hidden };
    }),
  );

async function axeClean(page, what) {
  const { blocking, passes } = await axeScan(page);
  assert.ok(passes > 0, "axe ran its checks");
  assert.equal(blocking.length, 0, `${what}: axe found serious or critical violations:\n${describeViolations(blocking)}`);
}

test("every participant of a four-person message is visible at 320×600 without scrolling", { timeout: 60_000 }, async () => {
  const ctx = await newContext(browser, VIEWPORT);
  try {
    const page = await openPane(ctx, item);
    const shown = await rows(page);
    assert.deepEqual([...shown.map((r) => r.address)].sort(), [...people].sort(), "one row per participant");
    for (const r of shown) {
      assert.ok(r.top >= 0 && r.bottom <= VIEWPORT.height && r.left >= 0 && r.right <= VIEWPORT.width, `${r.address}'s row (${r.top.toFixed(0)}–${r.bottom.toFixed(0)} px) is inside the 320×600 viewport`);
      assert.equal(r.open, false, `${r.address}'s details start collapsed`);
    }
    assert.equal(await page.evaluate(() => window.scrollY), 0, "nothing scrolled");
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`compact pane: four people end at ${Math.max(...shown.map((r) => r.bottom)).toFixed(0)} px; the page is ${height} px tall`);
    assert.ok(moved, "the demo mailbox has a job changer among its contacts");
    const change = await page.locator(`article.ns-row[data-address="${moved.address}"] .ns-job-change`).textContent();
    assert.match(change, new RegExp(`^Moved to ${moved.jobChange.to} \\(since [A-Z][a-z]+( \\d{4})?\\)`), "the job changer's details say where they moved");
    const todo = await page.locator(".ns-todo").count();
    if (todo > 0) {
      const [todoTop, firstRowTop] = await page.evaluate(() => [document.querySelector(".ns-todo").getBoundingClientRect().top, document.querySelector("article.ns-row").getBoundingClientRect().top]);
      assert.ok(todoTop < firstRowTop, "'What to do now' comes before the people");
    }
    ctx.assertClean();
  } finally {
    await ctx.close();
  }
});

test("a row expands and collapses by keyboard (Enter, Space) with focus staying on its button", { timeout: 60_000 }, async () => {
  const ctx = await newContext(browser, VIEWPORT);
  try {
    const page = await openPane(ctx, item);
    const first = page.locator("#ns-content article.ns-row").first();
    const toggle = first.locator("button.ns-expand");
    const address = await first.getAttribute("data-address");
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const here = await page.evaluate(() => ({ expand: document.activeElement?.classList.contains("ns-expand") ?? false, row: document.activeElement?.closest("article.ns-row")?.getAttribute("data-address") ?? null, visible: document.activeElement?.matches(":focus-visible") ?? false }));
      if (here.expand && here.row === address) {
        assert.ok(here.visible, "focus on the expand button is visible");
        break;
      }
      assert.ok(i < 39, "the first row's expand button is reachable with Tab");
    }
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    await page.keyboard.press("Enter");
    assert.equal(await toggle.getAttribute("aria-expanded"), "true", "Enter expands");
    assert.ok(await first.locator(".ns-row-details").isVisible(), "the details show");
    assert.ok(await first.locator(".ns-card-actions button", { hasText: "Create follow-up" }).isVisible(), "the card's buttons are in the details");
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("ns-expand")), true, "focus stays on the button");
    await page.keyboard.press("Space");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false", "Space collapses");
    assert.equal(await first.locator(".ns-row-details").isVisible(), false, "the details hide");
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("ns-expand")), true, "focus stays on the button");
    ctx.assertClean();
  } finally {
    await ctx.close();
  }
});

for (const theme of ["light", "dark"]) {
  test(`axe clean, collapsed and with one row expanded, ${theme}; screenshots saved`, { timeout: 60_000 }, async () => {
    const ctx = await newContext(browser, { ...VIEWPORT, colorScheme: theme });
    try {
      const page = await openPane(ctx, item, { theme });
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-theme")), theme);
      await axeClean(page, `collapsed, ${theme}`);
      await page.screenshot({ path: path.join(SHOTS, `pane-compact-${theme}.png`) });

      const expanded = page.locator("#ns-content article.ns-row").first();
      await expanded.locator("button.ns-expand").click();
      await expanded.locator(".ns-row-details").waitFor({ state: "visible" });
      await page.screenshot({ path: path.join(SHOTS, `pane-expanded-${theme}.png`) });
      // The details' own disclosures open too, so axe sees all that the expanded row can show.
      await page.evaluate(() => document.querySelectorAll("#ns-content details").forEach((d) => (d.open = true)));
      await axeClean(page, `one row expanded, ${theme}`);
      ctx.assertClean();
    } finally {
      await ctx.close();
    }
  });
}
