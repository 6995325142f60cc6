// Accessibility (axe-core: no serious or critical violations) and screenshots of the task pane (item
// view and overview) and the dashboard (home and a contact page), in the light and the dark theme.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import {
  artifact,
  axeScan,
  bodyLuminance,
  contacts,
  describeViolations,
  launchBrowser,
  message,
  newContext,
  openDashboard,
  openPane,
} from "../lib/browser.mjs";

let browser;
let warm;
const report = {};
before(async () => {
  browser = await launchBrowser();
  warm = (await contacts("warmest", 5)).items;
  assert.ok(warm.length >= 3, "the demo network should have at least 3 contacts");
});
after(async () => {
  writeFileSync(artifact("axe-report.json"), `${JSON.stringify(report, null, 2)}\n`);
  await browser?.close();
});

const THEMES = ["light", "dark"];
const SHOTS = [];

/** Opens every <details> so axe also sees the content behind them. */
const openAllDetails = (page) => page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));

async function check(page, name, theme) {
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-theme")), theme, `${name}: <html data-theme> is ${theme}`);
  const lum = await bodyLuminance(page);
  if (theme === "dark") assert.ok(lum < 0.2, `${name}: the dark theme has a dark background (luminance ${lum.toFixed(3)})`);
  else assert.ok(lum > 0.7, `${name}: the light theme has a light background (luminance ${lum.toFixed(3)})`);

  const file = artifact(`${name}-${theme}.png`);
  await page.screenshot({ path: file, fullPage: true });
  SHOTS.push({ name, theme, file });

  const { violations, blocking, passes } = await axeScan(page);
  report[`${name}-${theme}`] = { passes, violations: violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) })) };
  assert.ok(passes > 0, "axe ran its checks");
  assert.equal(blocking.length, 0, `${name} (${theme}): axe found serious or critical violations:\n${describeViolations(blocking)}`);
}

for (const theme of THEMES) {
  test(`e. axe + f. screenshot: pane item view, ${theme}`, { timeout: 60_000 }, async () => {
    const ctx = await newContext(browser, { width: 320, colorScheme: theme });
    try {
      const page = await openPane(ctx, message(warm[1], { to: [warm[0]], cc: [warm[2]] }), { theme });
      await openAllDetails(page);
      await check(page, "pane-item", theme);
      ctx.assertClean();
    } finally {
      await ctx.close();
    }
  });

  test(`e. axe + f. screenshot: pane overview (no item), ${theme}`, { timeout: 60_000 }, async () => {
    const ctx = await newContext(browser, { width: 320, colorScheme: theme });
    try {
      const page = await openPane(ctx, null, { theme });
      await check(page, "pane-overview", theme);
      ctx.assertClean();
    } finally {
      await ctx.close();
    }
  });

  test(`e. axe + f. screenshot: dashboard home, ${theme}`, { timeout: 60_000 }, async () => {
    const ctx = await newContext(browser, { width: 1280, height: 900, colorScheme: theme });
    try {
      const page = await openDashboard(ctx);
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-ns-view")), "home");
      await check(page, "dashboard-home", theme);
      ctx.assertClean();
    } finally {
      await ctx.close();
    }
  });

  test(`e. axe + f. screenshot: dashboard contact page, ${theme}`, { timeout: 60_000 }, async () => {
    const ctx = await newContext(browser, { width: 1280, height: 900, colorScheme: theme });
    try {
      const page = await openDashboard(ctx, `#/contact/${encodeURIComponent(warm[0].address)}`);
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-ns-view")), "contact");
      await openAllDetails(page);
      await check(page, "dashboard-contact", theme);
      ctx.assertClean();
    } finally {
      await ctx.close();
    }
  });
}

test("f. screenshots saved: light and dark of each page, as distinct PNG files", () => {
  const names = ["pane-item", "pane-overview", "dashboard-home", "dashboard-contact"];
  for (const name of names) {
    const files = THEMES.map((theme) => {
      const shot = SHOTS.find((s) => s.name === name && s.theme === theme);
      assert.ok(shot, `${name}-${theme}.png was taken in this run`);
      assert.ok(existsSync(shot.file), `${shot.file} was saved`);
      const png = readFileSync(shot.file);
      assert.ok(png.length > 2_000 && png.subarray(1, 4).toString() === "PNG", `${shot.file} is a PNG with content`);
      return png;
    });
    assert.ok(!files[0].equals(files[1]), `${name}: light and dark screenshots differ`);
  }
});
