// Demo mode's Hangfire job dashboard against forged forms in headless Chromium: a page on another site,
// and one on another loopback port (the same site, so the SameSite=Strict cookie goes along), each try
// to remove the `directory` recurring job and to trigger `notification-subscriptions` (a text/plain form
// too). Every try is refused, the jobs stay, and the dashboard still opens for the signed-in browser.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE, launchBrowser, newContext } from "../lib/browser.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function forgedPage(action, enctype, field, value) {
  return `<!doctype html><html><body><form id="f" method="POST" action="${BASE}/hangfire/recurring/${action}" enctype="${enctype}"><input type="hidden" name="${field}" value="${value}"></form><script>document.getElementById("f").submit();</script></body></html>`;
}

test("l. cross-site and cross-port forms cannot remove or trigger Hangfire's recurring jobs", { timeout: 60_000 }, async () => {
  const ctx = await newContext(browser, { width: 1280, height: 900 });
  try {
    const otherPort = `http://127.0.0.1:${Number(new URL(BASE).port) + 1}`;
    const attacks = [
      ["http://evil.example/remove", "remove", "application/x-www-form-urlencoded", "jobs[]", "directory"],
      [`${otherPort}/remove`, "remove", "application/x-www-form-urlencoded", "jobs[]", "directory"],
      ["http://evil.example/trigger", "trigger", "text/plain", "jobs[]", "notification-subscriptions"],
      [`${otherPort}/trigger`, "trigger", "text/plain", "jobs[]", "notification-subscriptions"],
    ];
    // The attackers' pages (registered after the network guard, so they take precedence over it).
    for (const [url, action, enctype, field, value] of attacks) {
      await ctx.context.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html", body: forgedPage(action, enctype, field, value) }));
    }

    const page = await ctx.openPage();
    for (const [url, action] of attacks) {
      const posted = page.waitForResponse((r) => r.url() === `${BASE}/hangfire/recurring/${action}` && r.request().method() === "POST");
      await page.goto(url);
      const res = await posted;
      assert.ok([401, 403].includes(res.status()), `the forged ${action} from ${new URL(url).origin} answered ${res.status()}`);
      assert.doesNotMatch(await res.text(), /\bat [A-Z][\w.]+\(/, "no stack trace in the answer");
    }

    // The signed-in browser still sees the job dashboard, framed by nobody, with every recurring job in place.
    const res = await page.goto(`${BASE}/hangfire/recurring`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-security-policy"] ?? "", /frame-ancestors 'none'/);
    assert.equal(res.headers()["x-frame-options"], "DENY");
    const listing = await page.content();
    for (const job of ["directory", "privacy-retention", "notification-subscriptions"]) assert.ok(listing.includes(job), `the ${job} job is still there`);

    // A browser that never opened the printed URL gets no job dashboard at all.
    const stranger = await newContext(browser, { signedIn: false });
    try {
      const p = await stranger.openPage();
      const r = await p.goto(`${BASE}/hangfire`);
      assert.equal(r.status(), 401, "the job dashboard needs the sign-in");
    } finally {
      await stranger.close();
    }
  } finally {
    await ctx.close();
  }
});
