// The task pane against the real service: relationship context for a demo contact (a), following the
// selection with ItemChanged and its timing (b), hostile display names (c), keyboard-only actions (d).
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import {
  AS_OF,
  BASE,
  OWNER,
  TIER_WORD,
  artifact,
  batch,
  changeItem,
  contacts,
  followUps,
  launchBrowser,
  message,
  newContext,
  openPane,
  waitReady,
} from "../lib/browser.mjs";
import { lastSpoke, localDate, median, nextWorkingDayAt9, parseShownDate } from "../lib/rules.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** What each card of the pane shows, in page order. */
function readCards(page) {
  return page.$$eval("#ns-content article.ns-card", (cards) =>
    cards.map((card) => {
      const meter = card.querySelector('[role="meter"]');
      return {
        address: card.getAttribute("data-address"),
        name: card.querySelector(".ns-name")?.textContent ?? null,
        role: card.querySelector(".ns-role")?.textContent ?? null,
        valueNow: meter?.getAttribute("aria-valuenow") ?? null,
        valueText: meter?.getAttribute("aria-valuetext") ?? null,
        score: card.querySelector(".ns-score")?.textContent ?? null,
        tier: card.querySelector(".ns-tier")?.textContent?.trim() ?? null,
        last: card.querySelector(".ns-last")?.textContent ?? null,
        // The compact row shows "Last spoke 7 hours ago" with the date as its title (and in the details).
        lastDate: card.querySelector(".ns-last")?.getAttribute("title") ?? card.querySelector(".ns-last-date")?.textContent ?? null,
        badges: [...card.querySelectorAll(".ns-badge")].map((b) => b.textContent),
      };
    }),
  );
}

const warmthShown = (w) => String(Math.round(Math.min(100, Math.max(0, w))));

test("a. pane for a message from a warm demo contact: warmth, last spoke, tier in words, warmest first", { timeout: 60_000 }, async () => {
  const warmest = await contacts("warmest", 5);
  assert.ok(warmest.items.length >= 4, `the demo network should have at least 4 contacts, got ${warmest.items.length}`);
  // The sender is a warm contact but not the warmest, so "warmest first" has something to reorder.
  const [w0, w1, , w3] = warmest.items;
  assert.match(w1.tier, /^(warm|hot)$/, `the second warmest demo contact should be warm or hot, is ${w1.tier}`);
  const item = message(w1, { to: [w0, { address: OWNER, displayName: "Dana Whitfield" }], cc: [w3] });
  const addresses = [w1.address, w0.address, OWNER, w3.address];

  const ctx = await newContext(browser, { width: 320 });
  try {
    const page = await openPane(ctx, item);
    const expected = await batch(addresses);
    assert.ok(expected.asOf, "the batch answer has no asOf");
    if (AS_OF) assert.equal(Date.parse(expected.asOf), Date.parse(AS_OF), "the batch asOf should be the service's frozen clock");
    const now = Date.parse(expected.asOf);
    const people = expected.people;
    assert.ok(!people.some((p) => p.address === OWNER), "the batch answer should leave out the caller's own address");
    assert.deepEqual(people.map((p) => p.address).sort(), [w1.address, w0.address, w3.address].sort(), "the batch answers for everyone else on the item");

    const cards = await readCards(page);
    assert.deepEqual(
      cards.map((c) => c.address),
      [...people].sort((a, b) => b.warmth - a.warmth).map((p) => p.address),
      "cards are ordered warmest first",
    );
    for (let i = 1; i < cards.length; i++) assert.ok(Number(cards[i - 1].valueNow) >= Number(cards[i].valueNow), "meters are non-increasing");

    const roles = { [w1.address]: "From", [w0.address]: "To", [w3.address]: "Cc" };
    for (const card of cards) {
      const p = people.find((x) => x.address === card.address);
      const who = `card for ${card.address}`;
      assert.equal(card.valueNow, warmthShown(p.warmth), `${who}: meter aria-valuenow is the API warmth`);
      assert.equal(card.score, warmthShown(p.warmth), `${who}: the number shown is the API warmth`);
      assert.equal(card.tier, TIER_WORD[p.tier], `${who}: the tier is written in words`);
      assert.match(card.tier, /^(Hot|Warm|Cool|Cold)$/);
      assert.ok(card.valueText?.includes(TIER_WORD[p.tier]), `${who}: the meter's value text names the tier (${card.valueText})`);
      assert.equal(card.role, roles[card.address], `${who}: where the person is on the message`);
      assert.ok(card.name?.includes(p.displayName ?? p.address), `${who}: shows the name ${p.displayName}`);

      const spoke = lastSpoke(p.lastContact, now);
      assert.ok(card.last?.startsWith(spoke), `${who}: expected "${spoke}…", the pane shows "${card.last}"`);
      if (p.lastContact) {
        assert.deepEqual(parseShownDate(card.lastDate), localDate(p.lastContact), `${who}: the date in "${card.lastDate}" is the last contact ${p.lastContact}`);
      }
    }
    // 320 px wide: nothing may force horizontal scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the pane overflows 320 px by ${overflow} px`);
    ctx.assertClean();
  } finally {
    await ctx.close();
  }
});

const LIMIT_MS = 300;
const round1 = (v) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);

/** Raises ItemChanged for a message from `c`, checks the pane shows them, returns the measure (and the API call's share). */
async function switchTo(page, c) {
  const before = await page.evaluate(() => performance.getEntriesByName("ns:item-to-render", "measure").length);
  await changeItem(page, message(c, { subject: `From ${c.displayName ?? c.address}` }));
  await waitReady(page, "item");
  await page.waitForFunction((n) => performance.getEntriesByName("ns:item-to-render", "measure").length > n, before);
  const { ms, apiMs } = await page.evaluate(() => {
    const measure = performance.getEntriesByName("ns:item-to-render", "measure").at(-1);
    const call = performance.getEntriesByType("resource").filter((r) => r.name.endsWith("/api/context/batch")).at(-1);
    return { ms: measure.duration, apiMs: call ? call.duration : null };
  });
  const cards = await page.$$eval("#ns-content article.ns-card", (els) =>
    els.map((el) => ({ address: el.getAttribute("data-address"), role: el.querySelector(".ns-role")?.textContent, name: el.querySelector(".ns-name")?.textContent })),
  );
  assert.deepEqual(cards.map((x) => x.address), [c.address], `after ItemChanged the pane shows only ${c.address}`);
  assert.equal(cards[0].role, "From");
  if (c.displayName) assert.ok(cards[0].name.includes(c.displayName), `the card names ${c.displayName}`);
  assert.equal(await page.locator(".ns-subject").textContent(), `From ${c.displayName ?? c.address}`, "the subject of the new item");
  return { ms: round1(ms), apiMs: round1(apiMs) };
}

test(`b. ItemChanged: the pane follows the selection within ${LIMIT_MS} ms (timings.json)`, { timeout: 60_000 }, async () => {
  const list = (await contacts("warmest", 8)).items;
  assert.ok(list.length >= 5, "the demo network should have at least 5 contacts");
  const ctx = await newContext(browser, { width: 320 });
  const timings = [];
  try {
    const page = await openPane(ctx, message(list[0]));
    const order = [1, 2, 3, 4, 1, 2, 3, 4, 0, 2].map((i) => list[i % list.length]);
    for (const c of order) {
      const t = { to: c.address, ...(await switchTo(page, c)) };
      // A single switch over the limit is measured again (twice at most) before it fails: on a busy
      // 2-core machine one request can stall behind other work; a slow pane or API stays slow.
      if (t.ms > LIMIT_MS) {
        t.again = [];
        while (t.again.length < 2 && (t.again.at(-1)?.ms ?? t.ms) > LIMIT_MS) t.again.push(await switchTo(page, c));
      }
      timings.push(t);
    }

    // Two changes in a row: the answer for the first (no longer selected) must not win.
    const [x, y] = [list[3], list[0]];
    await page.evaluate(([a, b]) => {
      window.__nsFakeOffice.changeItem(a);
      window.__nsFakeOffice.changeItem(b);
    }, [message(x), message(y)]);
    await waitReady(page, "item");
    await page.waitForTimeout(400);
    const shown = await page.$$eval("#ns-content article.ns-card", (els) => els.map((el) => el.getAttribute("data-address")));
    assert.deepEqual(shown, [y.address], "after two quick changes the pane shows the item selected last");
    ctx.assertClean();
  } finally {
    const values = timings.map((t) => t.ms);
    const best = timings.map((t) => Math.min(t.ms, ...(t.again ?? []).map((a) => a.ms)));
    const summary = {
      limitMs: LIMIT_MS,
      switches: timings.length,
      medianMs: round1(median(values)),
      maxMs: values.length ? Math.max(...values) : null,
      remeasured: timings.filter((t) => t.again).length,
      maxAfterRemeasureMs: best.length ? Math.max(...best) : null,
      timings,
      base: BASE,
      measuredAt: new Date().toISOString(),
    };
    writeFileSync(artifact("timings.json"), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(
      `ItemChanged → render: median ${summary.medianMs} ms, max ${summary.maxMs} ms over ${summary.switches} switches` +
        (summary.remeasured ? ` (${summary.remeasured} over ${LIMIT_MS} ms measured again: max then ${summary.maxAfterRemeasureMs} ms)` : ""),
    );
    await ctx.close();
  }
  assert.ok(timings.length >= 8, "at least 8 switches measured");
  for (const t of timings) {
    const all = [t.ms, ...(t.again ?? []).map((a) => a.ms)];
    assert.ok(Math.min(...all) <= LIMIT_MS, `ItemChanged → render for ${t.to} took ${all.join(" ms, then ")} ms (limit ${LIMIT_MS} ms)`);
  }
});

test("c. a hostile display name renders as text: no <img>, no dialog, no console error", { timeout: 60_000 }, async () => {
  const evil = "<img src=x onerror=alert(1)>";
  const address = "stranger.xss@unknown-sender.example";
  const ctx = await newContext(browser, { width: 320 });
  try {
    const page = await openPane(ctx, { subject: "<script>alert(2)</script>", from: { emailAddress: address, displayName: evil }, to: [], cc: [] });
    await page.waitForTimeout(500); // time for an injected onerror to fire
    const card = page.locator(`article.ns-card[data-address="${address}"]`);
    assert.equal(await card.count(), 1, "one card for the unknown sender");
    assert.ok((await card.locator(".ns-name").textContent()).includes(evil), "the display name is shown literally, as text");
    assert.equal(await page.locator(".ns-subject").textContent(), "<script>alert(2)</script>", "the subject is shown literally");
    const dom = await page.evaluate(() => ({
      imgX: document.querySelectorAll('img[src="x"]').length,
      imgs: [...document.images].map((i) => i.getAttribute("src")),
      handlers: document.querySelectorAll("[onerror], [onload], [onclick]").length,
      scripts: [...document.scripts].map((s) => s.getAttribute("src")),
    }));
    assert.equal(dom.imgX, 0, "no <img src=x> exists");
    assert.deepEqual(dom.imgs, ["assets/icon-32.png"], "the only image is the NetworkSync icon");
    assert.equal(dom.handlers, 0, "no element carries an event-handler attribute");
    assert.ok(dom.scripts.every((s) => s !== null), "no inline script was added");
    const xRequests = ctx.record.requests.filter((r) => /\/x$/.test(new URL(r.url()).pathname));
    assert.deepEqual(xRequests.map((r) => r.url()), [], "nothing tried to load src=x");
    // An address NetworkSync has never seen: first contact, cold, never spoken.
    const info = await card.evaluate((el) => ({
      badges: [...el.querySelectorAll(".ns-badge")].map((b) => b.textContent),
      tier: el.querySelector(".ns-tier")?.textContent?.trim(),
      value: el.querySelector('[role="meter"]')?.getAttribute("aria-valuenow"),
      last: el.querySelector(".ns-last")?.textContent,
    }));
    assert.ok(info.badges.includes("First contact"), `badges: ${info.badges}`);
    assert.equal(info.tier, "Cold");
    assert.equal(info.value, "0");
    assert.equal(info.last, "Last spoke: never");
    ctx.assertClean(); // no dialog, no page error, no console error, nothing blocked
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
      describe: `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ""}> "${(el.textContent ?? "").trim().slice(0, 40)}" outline: ${cs.outlineStyle} ${cs.outlineWidth}`,
      action: el.getAttribute("data-action"),
      fu: el.closest("[data-fu-id]")?.getAttribute("data-fu-id") ?? null,
      card: el.closest("article.ns-card")?.getAttribute("data-address") ?? null,
      text: (el.textContent ?? "").trim(),
    };
  });
}

/** Presses `key` until `found(focus)` holds; every focus stop on the way must be visible. */
async function tabTo(page, key, found, what, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focusInfo(page);
    if (f.none) continue; // focus left the page content (e.g. to the browser UI) and comes back on the next press
    assert.ok(f.visible, `focus is not visible on ${f.describe}`);
    if (found(f)) return f;
  }
  throw new Error(`${what} not reached with ${max} presses of ${key}`);
}

test("d. keyboard only: Create follow-up, then Done, with visible focus, checked through the API", { timeout: 60_000 }, async () => {
  const list = (await contacts("warmest", 10)).items;
  const open = await followUps("open");
  // A warm contact without open follow-ups, so the card's follow-up list is the one we create.
  const person = list.find((c) => !open.some((f) => f.contacts.includes(c.address))) ?? list[2];
  const name = person.displayName ?? person.address;
  const before = new Set((await followUps("all")).map((f) => f.id));

  const ctx = await newContext(browser, { width: 320 });
  try {
    const page = await openPane(ctx, message(person));
    const me = await batch([person.address]);
    const now = Date.parse(me.asOf);

    await tabTo(page, "Tab", (f) => f.card === person.address && f.text === "Create follow-up", "Create follow-up");
    await page.keyboard.press("Enter");
    await page.locator("#ns-status", { hasText: "Follow-up created" }).waitFor();
    // (the service's own follow-up passes may add others meanwhile: only a manual one for this person counts)
    const created = (await followUps("all")).filter((f) => !before.has(f.id) && f.kind === "manual" && f.contacts.includes(person.address));
    assert.equal(created.length, 1, `exactly one follow-up was created, got ${JSON.stringify(created)}`);
    const fu = created[0];
    assert.equal(fu.status, "open");
    assert.equal(fu.kind, "manual");
    assert.deepEqual(fu.contacts, [person.address]);
    assert.equal(fu.title, `Follow up with ${name}`);
    assert.equal(Date.parse(fu.due), nextWorkingDayAt9(now).getTime(), `due the next working day at 09:00 local, got ${fu.due}`);
    await page.locator(`li[data-fu-id="${fu.id}"]`).waitFor();

    const f = await tabTo(page, "Shift+Tab", (x) => x.fu === fu.id && x.action === "done", `Done on ${fu.id}`);
    assert.equal(f.text, "Done");
    await page.keyboard.press("Space");
    await page.locator("#ns-status", { hasText: "Marked done" }).waitFor();
    const after = (await followUps("all")).find((x) => x.id === fu.id);
    assert.equal(after?.status, "done", "the API has the follow-up done");
    assert.equal(await page.locator(`li[data-fu-id="${fu.id}"]`).count(), 0, "the follow-up left the card");
    const focus = await focusInfo(page);
    assert.ok(!focus.none && focus.card === person.address, `focus stays on the card after Done (on ${focus.describe ?? "nothing"})`);
    ctx.assertClean();
  } finally {
    await ctx.close();
  }
});
