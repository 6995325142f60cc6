import { beforeEach, describe, expect, it, vi } from "vitest";
import { bootDashboard, contactHref, parseRoute } from "../src/dashboard/app";
import { Clock } from "../src/lib/time";
import { AS_OF, contact, fakeFetch, followUp, loadPage, page, person, text, waitForState } from "./helpers";

const clock = () => new Clock(() => Date.parse(AS_OF));
const ME = { mailbox: { id: "m1", mail: "dana@contoso.example", displayName: "Dana Whitfield" }, mode: "local", asOf: AS_OF };

function months(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2024, 6 + i, 1));
    return { month: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`, sent: i % 3, received: i % 4, meetings: i % 2, warmth: 10 + i * 3 };
  });
}

const HOME = {
  "GET /api/me": { body: ME },
  "GET /api/contacts?filter=warmest&limit=10": { body: page([contact(), contact({ address: "bo@x.example", displayName: "Bo Berg", warmth: 55, tier: "warm" })]) },
  "GET /api/contacts?filter=cooling&limit=10": { body: page([contact({ address: "cy@x.example", displayName: "Cy", warmth: 30, tier: "cool", cooling: true })]) },
  "GET /api/contacts?filter=dormant&limit=10": { body: page([contact({ address: "dee@x.example", displayName: "Dee", warmth: 5, tier: "cold", dormant: true, lastContact: "2025-09-01T00:00:00Z" })]) },
  "GET /api/followups": { body: [followUp(), followUp({ id: "fu_2", title: "Reconnect with Dee", kind: "reconnect", meeting: null })] },
};

beforeEach(() => {
  loadPage("index.html");
  history.replaceState(null, "", "/");
});

describe("routes", () => {
  it("parses the hash", () => {
    expect(parseRoute("")).toEqual({ name: "home" });
    expect(parseRoute("#/")).toEqual({ name: "home" });
    expect(parseRoute("#/contact/Ana.Abe%40contoso.example")).toEqual({ name: "contact", address: "ana.abe@contoso.example" });
    expect(parseRoute("#/contact/ana@contoso.example")).toEqual({ name: "contact", address: "ana@contoso.example" });
    expect(parseRoute("#/search/ana%20abe")).toEqual({ name: "search", query: "ana abe" });
    expect(parseRoute("#ns-main")).toEqual({ name: "other" });
    expect(contactHref("a+b@x.example")).toBe("#/contact/a%2Bb%40x.example");
  });
});

describe("dashboard home", () => {
  it("shows warmest, cooling, dormant and the follow-up queue, with no key on any call (the session cookie signs the browser in)", async () => {
    const { calls } = fakeFetch(HOME);
    await bootDashboard({ clock: clock() });
    await waitForState("ready");
    expect(calls.map((c) => c.path).sort()).toEqual([
      "/api/contacts?filter=cooling&limit=10",
      "/api/contacts?filter=dormant&limit=10",
      "/api/contacts?filter=warmest&limit=10",
      "/api/followups",
      "/api/me",
    ]);
    expect(calls.every((c) => c.headers["x-networksync-key"] === undefined)).toBe(true);
    expect(text(document.querySelector("h1"))).toBe("Your network at a glance");
    expect(Array.from(document.querySelectorAll(".ns-panel h2")).map(text)).toEqual(["Warmest relationships", "Cooling", "Dormant", "Follow-up queue (2)"]);
    expect(Array.from(document.querySelectorAll(".ns-warmest .ns-contact-name")).map(text)).toEqual(["Ana Abe", "Bo Berg"]);
    expect(document.querySelector(".ns-warmest a")!.getAttribute("href")).toBe("#/contact/ana.abe%40contoso.example");
    expect(Array.from(document.querySelectorAll(".ns-dormant .ns-badge")).map(text)).toEqual(["Dormant"]);
    expect(text(document.querySelector(".ns-dormant .ns-last"))).toBe("Last spoke 9 months ago");
    await vi.waitFor(() => expect(text(document.getElementById("ns-me"))).toBe("Dana Whitfield"));
    expect((document.getElementById("ns-permissions") as HTMLElement).hidden).toBe(true);
  });

  it("says which Graph permission an optional feature was refused, and that syncing goes on", async () => {
    const missing = "Calendars.Read (needed for events change notifications; Graph answered 403)";
    fakeFetch({ ...HOME, "GET /api/me": { body: { ...ME, missingPermissions: [missing] } } });
    await bootDashboard({ clock: clock() });
    await waitForState("ready");
    const notice = document.getElementById("ns-permissions") as HTMLElement;
    await vi.waitFor(() => expect(notice.hidden).toBe(false));
    expect(text(notice)).toBe(`Missing Graph permission: ${missing}. Syncing continues on the schedule.`);
  });

  it("says what to do while the mailbox's sync is failing", async () => {
    const problem = "Grant Mail.ReadBasic.All and Calendars.ReadBasic.All and give admin consent for the tenant.";
    fakeFetch({ ...HOME, "GET /api/me": { body: { ...ME, syncProblem: problem } } });
    await bootDashboard({ clock: clock() });
    await waitForState("ready");
    const notice = document.getElementById("ns-permissions") as HTMLElement;
    await vi.waitFor(() => expect(notice.hidden).toBe(false));
    expect(text(notice)).toBe(`Syncing failed: ${problem}`);
  });

  it("acts on the follow-up queue", async () => {
    const { calls } = fakeFetch({ ...HOME, "POST /api/followups/fu_2/dismiss": { body: followUp({ id: "fu_2", status: "dismissed" }) } });
    await bootDashboard({ clock: clock() });
    await waitForState("ready");
    const item = document.querySelector<HTMLElement>('.ns-queue .ns-fu[data-fu-id="fu_2"]')!;
    Array.from(item.querySelectorAll("button")).find((b) => text(b) === "Dismiss")!.click();
    await vi.waitFor(() => expect(document.querySelector('.ns-fu[data-fu-id="fu_2"]')).toBeNull());
    expect(calls.some((c) => c.method === "POST" && c.path === "/api/followups/fu_2/dismiss")).toBe(true);
    expect(text(document.querySelector(".ns-queue h2"))).toBe("Follow-up queue (1)");
  });

  it("searches through GET /api/contacts?search=", async () => {
    const { calls } = fakeFetch({
      ...HOME,
      "GET /api/contacts?search=ana+abe&limit=50": { body: { total: 1, offset: 0, limit: 50, items: [contact()] } },
    });
    await bootDashboard({ clock: clock() });
    await waitForState("ready");
    const input = document.getElementById("ns-search-input") as HTMLInputElement;
    input.value = "ana abe";
    document.getElementById("ns-search")!.dispatchEvent(new Event("submit", { cancelable: true, bubbles: true }));
    await vi.waitFor(() => expect(text(document.querySelector("h1"))).toBe("Contacts matching “ana abe”"));
    expect(location.hash).toBe("#/search/ana%20abe");
    expect(calls.some((c) => c.path === "/api/contacts?search=ana+abe&limit=50")).toBe(true);
    expect(Array.from(document.querySelectorAll(".ns-contact-name")).map(text)).toEqual(["Ana Abe"]);
    expect(document.activeElement).toBe(document.querySelector("h1"));
  });
});

describe("dashboard contact page", () => {
  it("shows the person, a stacked bar chart, a warmth line and the data table", async () => {
    history.replaceState(null, "", "/#/contact/ana.abe%40contoso.example");
    const history24 = months(24);
    const { calls } = fakeFetch({
      "GET /api/me": { body: ME },
      "GET /api/context/ana.abe%40contoso.example": { body: person({ followUps: [followUp()] }) },
      "GET /api/contacts/ana.abe%40contoso.example/history": { body: { months: history24 } },
    });
    await bootDashboard({ clock: clock() });
    await waitForState("ready");
    expect(calls.map((c) => c.path)).toContain("/api/contacts/ana.abe%40contoso.example/history");
    expect(text(document.querySelector("h1"))).toBe("Ana Abe");
    expect(document.title).toBe("Ana Abe – NetworkSync");

    const bars = document.querySelector("svg.ns-chart-bars")!;
    expect(bars.getAttribute("role")).toBe("img");
    const [titleId, descId] = bars.getAttribute("aria-labelledby")!.split(" ");
    expect(text(document.getElementById(titleId!))).toBe("Monthly interactions with Ana Abe");
    expect(text(document.getElementById(descId!))).toMatch(/^Stacked bars per month, Jul 2024 to Jun 2026\./);
    const expectedRects = history24.reduce((n, m) => n + [m.sent, m.received, m.meetings].filter((v) => v > 0).length, 0);
    expect(bars.querySelectorAll("rect")).toHaveLength(expectedRects);
    expect(bars.querySelectorAll("g[data-month]")).toHaveLength(24);

    const line = document.querySelector("svg.ns-chart-line")!;
    expect(line.querySelectorAll("circle")).toHaveLength(24);
    expect(line.querySelector("path.ns-line")!.getAttribute("d")!.match(/[ML]/g)).toHaveLength(24);

    const table = document.querySelector("table.ns-table")!;
    expect(table.querySelectorAll("tbody tr")).toHaveLength(24);
    expect(Array.from(table.querySelectorAll("thead th")).map(text)).toEqual(["Month", "You wrote", "They wrote", "Meetings", "Warmth"]);
    expect(Array.from(table.querySelectorAll("tbody tr")[1]!.children).map(text)).toEqual(["Aug 2024", "1", "1", "1", "13"]);
    expect(document.querySelectorAll(".ns-fu")).toHaveLength(1);
  });

  it("renders hostile data as text on the dashboard too", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    history.replaceState(null, "", "/#/contact/evil%40x.example");
    fakeFetch({
      "GET /api/me": { body: { ...ME, mailbox: { ...ME.mailbox, displayName: evil } } },
      "GET /api/context/evil%40x.example": { body: person({ address: "evil@x.example", displayName: evil, reasons: [evil] }) },
      "GET /api/contacts/evil%40x.example/history": { body: { months: months(3) } },
    });
    await bootDashboard({ clock: clock() });
    await waitForState("ready");
    await vi.waitFor(() => expect(text(document.getElementById("ns-me"))).toBe(evil));
    const content = document.getElementById("ns-content")!;
    expect(content.querySelectorAll("img")).toHaveLength(0);
    expect(document.querySelectorAll("img")).toHaveLength(1); // only the logo in the top bar
    expect(text(document.querySelector("h1"))).toBe(evil);
    expect(text(document.querySelector("svg title"))).toBe(`Monthly interactions with ${evil}`);
  });

  it("shows a 404 Problem Details title and offers to try again", async () => {
    history.replaceState(null, "", "/#/contact/nobody%40x.example");
    fakeFetch({
      "GET /api/me": { body: ME },
      "GET /api/context/nobody%40x.example": { status: 404, body: { title: "No such contact", status: 404 } },
      "GET /api/contacts/nobody%40x.example/history": { body: { months: [] } },
    });
    await bootDashboard({ clock: clock() });
    await waitForState("error");
    expect(text(document.querySelector("[role=alert] .ns-error-message"))).toBe("No such contact");
    expect(Array.from(document.querySelectorAll("[role=alert] button")).map(text)).toEqual(["Try again"]);
  });
});
