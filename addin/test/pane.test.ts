import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bootPane, LOADING_TEXT } from "../src/pane/pane";
import { Clock } from "../src/lib/time";
import {
  AS_OF,
  contact,
  deferred,
  fakeFetch,
  followUp,
  KEY,
  loadPage,
  officeWith,
  ORIGIN,
  page,
  person,
  text,
  unknownPerson,
  waitForState,
  type FakeItem,
} from "./helpers";

const MESSAGE: FakeItem = {
  subject: "Re: proposal",
  from: { emailAddress: "Ana.Abe@Contoso.example", displayName: "Ana Abe" },
  to: [
    { emailAddress: "me@contoso.example", displayName: "Me" },
    { emailAddress: "bo.berg@fabrikam.example", displayName: "Bo Berg" },
  ],
  cc: [
    { emailAddress: "BO.BERG@fabrikam.example", displayName: "Bo Berg" },
    { emailAddress: "cy.cole@contoso.example", displayName: "Cy Cole" },
  ],
};

const BATCH = {
  asOf: AS_OF,
  // deliberately not warmest first: the pane sorts too
  people: [
    person({ address: "bo.berg@fabrikam.example", displayName: "Bo Berg", warmth: 22, tier: "cool", lastContact: "2025-10-20T10:00:00Z", flags: { cooling: true } }),
    person({ followUps: [followUp()] }),
    unknownPerson("cy.cole@contoso.example"),
  ],
};

const fixedClock = () => new Clock(() => Date.parse("2026-06-01T11:00:00Z"));

function cards(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>("article.ns-card"));
}
function card(address: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`article.ns-card[data-address="${address}"]`);
  if (!el) throw new Error(`no card for ${address}`);
  return el;
}
function button(scope: ParentNode, label: string): HTMLButtonElement {
  const b = Array.from(scope.querySelectorAll("button")).find((x) => text(x) === label);
  if (!b) throw new Error(`no button "${label}"`);
  return b;
}

beforeEach(() => {
  loadPage("taskpane.html");
  performance.clearMarks();
  performance.clearMeasures();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("task pane: the open message", () => {
  it("requests the batch once with the sender, To and Cc addresses, lower-cased and deduplicated, with the key header", async () => {
    const { calls } = fakeFetch({ "POST /api/context/batch": { body: BATCH } });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/context/batch`);
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.body).toEqual({
      addresses: ["ana.abe@contoso.example", "me@contoso.example", "bo.berg@fabrikam.example", "cy.cole@contoso.example"],
    });
    expect(calls[0]!.headers["x-networksync-key"]).toBe(KEY);
    expect(calls[0]!.headers["content-type"]).toBe("application/json");
  });

  it("renders one card per person, warmest first, with the tier in words and a meter", async () => {
    fakeFetch({ "POST /api/context/batch": { body: BATCH } });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    expect(cards().map((c) => c.dataset.address)).toEqual(["ana.abe@contoso.example", "bo.berg@fabrikam.example", "cy.cole@contoso.example"]);
    const ana = card("ana.abe@contoso.example");
    expect(text(ana.querySelector(".ns-tier"))).toBe("Hot");
    expect(text(card("bo.berg@fabrikam.example").querySelector(".ns-tier"))).toBe("Cool");
    expect(text(card("cy.cole@contoso.example").querySelector(".ns-tier"))).toBe("Cold");
    const meter = ana.querySelector('[role="meter"]')!;
    expect(meter.getAttribute("aria-valuenow")).toBe("74");
    expect(meter.getAttribute("aria-valuemin")).toBe("0");
    expect(meter.getAttribute("aria-valuemax")).toBe("100");
    expect(meter.getAttribute("aria-valuetext")).toBe("74 of 100, Hot");
    expect(meter.getAttribute("aria-label")).toBe("Warmth with Ana Abe");
    expect(document.documentElement.getAttribute("data-ns-state")).toBe("ready");
  });

  it("shows names, roles, last contact, flags, reasons, interactions and meetings", async () => {
    fakeFetch({ "POST /api/context/batch": { body: BATCH } });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    const ana = card("ana.abe@contoso.example");
    expect(text(ana.querySelector(".ns-name"))).toContain("Ana Abe");
    expect(text(ana.querySelector(".ns-role"))).toBe("From");
    expect(text(ana.querySelector(".ns-last"))).toMatch(/^Last spoke 2 days ago/);
    expect(Array.from(ana.querySelectorAll(".ns-reasons li")).map(text)).toEqual(["you meet often", "16 two-way threads in the last 90 days"]);
    expect(text(ana.querySelector(".ns-counts"))).toBe("12 sent · 9 received · 2 meetings");
    const summaries = Array.from(ana.querySelectorAll("details > summary")).map(text);
    expect(summaries).toEqual(["Recent interactions (2)", "Meetings (1 upcoming, 0 recent)"]);
    expect(Array.from(ana.querySelectorAll(".ns-tl-subject")).map(text)).toContain("Re: proposal");

    const bo = card("bo.berg@fabrikam.example");
    expect(text(bo.querySelector(".ns-role"))).toBe("To");
    expect(text(bo.querySelector(".ns-last"))).toMatch(/^Last spoke 7 months ago/);
    expect(Array.from(bo.querySelectorAll(".ns-badge")).map(text)).toEqual(["Cooling"]);

    const cy = card("cy.cole@contoso.example");
    expect(text(cy.querySelector(".ns-role"))).toBe("Cc");
    // the API has no name for an unknown address: the message's display name is used
    expect(text(cy.querySelector(".ns-name"))).toContain("Cy Cole");
    expect(text(cy.querySelector(".ns-last"))).toBe("Last spoke: never");
    expect(Array.from(cy.querySelectorAll(".ns-badge")).map(text)).toEqual(["First contact"]);
  });

  it("shows the warm path to a cold person, and none when the service offers none", async () => {
    const cold = person({
      address: "bo.berg@fabrikam.example",
      displayName: "Bo Berg",
      tier: "cold",
      warmth: 4,
      warmPath: { address: "ana.abe@contoso.example", displayName: "Ana Abe", tier: "hot", explanation: "Ana Abe (hot) has copied them on 5 messages since March 2026" },
    });
    fakeFetch({ "POST /api/context/batch": { body: { asOf: AS_OF, people: [cold, person()] } } });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    const bo = card("bo.berg@fabrikam.example");
    expect(text(bo.querySelector(".ns-warm-path"))).toBe("Warm path: Ana Abe");
    expect(text(bo.querySelector(".ns-why"))).toBe("Ana Abe (hot) has copied them on 5 messages since March 2026");
    expect(card("ana.abe@contoso.example").querySelector(".ns-warm-path")).toBeNull();
  });

  it("names the colleagues who know a stranger when there is no warm path of the user's own, and only then", async () => {
    const stranger = person({
      address: "cy.cole@contoso.example",
      displayName: null,
      known: false,
      tier: "cold",
      warmth: 0,
      flags: { firstContact: true },
      organisation: [
        { displayName: "Eva Eng", tier: "warm" },
        { displayName: "Finn Fox", tier: "cool" },
      ],
    });
    const withPath = person({
      address: "bo.berg@fabrikam.example",
      displayName: "Bo Berg",
      tier: "cold",
      warmth: 4,
      warmPath: { address: "ana.abe@contoso.example", displayName: "Ana Abe", tier: "hot", explanation: "Ana Abe (hot) has copied them on 5 messages since March 2026" },
      organisation: [{ displayName: "Finn Fox", tier: "cool" }],
    });
    fakeFetch({ "POST /api/context/batch": { body: { asOf: AS_OF, people: [stranger, withPath, person()] } } });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    expect(text(card("cy.cole@contoso.example").querySelector(".ns-org-path"))).toBe("Someone in your organisation knows them: Eva Eng (warm), Finn Fox (cool)");
    expect(card("bo.berg@fabrikam.example").querySelector(".ns-org-path")).toBeNull();
    expect(card("ana.abe@contoso.example").querySelector(".ns-org-path")).toBeNull();
  });

  it("labels every flag as text", async () => {
    const flagged = person({ flags: { dormant: true, cooling: true, firstContact: true, owesReply: true, muted: true } });
    fakeFetch({ "POST /api/context/batch": { body: { asOf: AS_OF, people: [flagged] } } });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    expect(Array.from(card("ana.abe@contoso.example").querySelectorAll(".ns-badge")).map(text)).toEqual([
      "First contact",
      "You owe a reply",
      "Cooling",
      "Dormant",
      "Muted",
    ]);
  });

  it("shows the loading state in the live region while the request is pending", async () => {
    const gate = deferred<{ body: unknown }>();
    fakeFetch({ "POST /api/context/batch": () => gate.promise });
    const booting = bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    await vi.waitFor(() => expect(document.documentElement.getAttribute("data-ns-view")).toBe("item"));
    const status = document.getElementById("ns-status")!;
    expect(status.getAttribute("role")).toBe("status");
    expect(text(status)).toBe(LOADING_TEXT);
    expect(document.getElementById("ns-content")!.getAttribute("aria-busy")).toBe("true");
    expect(document.documentElement.getAttribute("data-ns-state")).toBe("loading");
    gate.resolve({ body: BATCH });
    await booting;
    expect(cards()).toHaveLength(3);
    expect(text(status)).toBe("Relationship context for 3 people.");
  });

  it("renders a hostile display name as text and creates no element from it", async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const item: FakeItem = { subject: "<b>subject</b>", from: { emailAddress: "evil@x.example", displayName: evil }, to: [], cc: [] };
    const p = person({ address: "evil@x.example", displayName: evil, reasons: ["<script>alert(1)</script>"], timeline: [{ at: AS_OF, kind: "received", subject: "<svg onload=alert(1)>" }] });
    fakeFetch({ "POST /api/context/batch": { body: { asOf: AS_OF, people: [p] } } });
    await bootPane({ office: officeWith(item).office, clock: fixedClock() });
    const content = document.getElementById("ns-content")!;
    expect(content.querySelector("img")).toBeNull();
    expect(content.querySelector("script")).toBeNull();
    expect(content.querySelector("svg")).toBeNull();
    expect(content.querySelector("b")).toBeNull();
    expect(content.querySelectorAll("[onerror], [onload]")).toHaveLength(0);
    expect(text(card("evil@x.example").querySelector(".ns-name"))).toContain(evil);
    expect(text(content.querySelector(".ns-subject"))).toBe("<b>subject</b>");
    expect(text(content.querySelector(".ns-reasons"))).toBe("<script>alert(1)</script>");
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("says so when nobody else is on the item, without calling the API", async () => {
    const { calls } = fakeFetch({});
    await bootPane({ office: officeWith({ subject: "Note to self", from: { emailAddress: "", displayName: "" }, to: [], cc: [] }).office, clock: fixedClock() });
    expect(calls).toHaveLength(0);
    expect(text(document.querySelector(".ns-empty"))).toMatch(/Nobody else is on this item/);
  });
});

describe("task pane: following the selection", () => {
  it("registers ItemChanged and re-renders for the new item, marking performance", async () => {
    const { calls } = fakeFetch({
      "POST /api/context/batch": () => {
        const addresses = (calls[calls.length - 1]!.body as { addresses: string[] }).addresses;
        return addresses.includes("dee.dunn@contoso.example")
          ? { body: { asOf: AS_OF, people: [person({ address: "dee.dunn@contoso.example", displayName: "Dee Dunn", warmth: 45, tier: "warm" })] } }
          : { body: BATCH };
      },
    });
    const harness = officeWith(MESSAGE);
    await bootPane({ office: harness.office, clock: fixedClock() });
    expect(harness.handlers.has("olkItemSelectedChanged")).toBe(true);
    expect(cards()).toHaveLength(3);

    harness.setItem({ subject: "Lunch?", from: { emailAddress: "Dee.Dunn@contoso.example", displayName: "Dee Dunn" }, to: [], cc: [] });
    harness.handlers.get("olkItemSelectedChanged")!({ type: "olkItemSelectedChanged" });
    expect(document.documentElement.getAttribute("data-ns-state")).toBe("loading");
    await waitForState("ready");

    expect(calls).toHaveLength(2);
    expect(calls[1]!.body).toEqual({ addresses: ["dee.dunn@contoso.example"] });
    expect(cards().map((c) => c.dataset.address)).toEqual(["dee.dunn@contoso.example"]);
    expect(text(document.querySelector(".ns-subject"))).toBe("Lunch?");
    expect(text(document.querySelector(".ns-tier"))).toBe("Warm");
    expect(performance.getEntriesByName("ns:item-changed", "mark")).toHaveLength(1);
    expect(performance.getEntriesByName("ns:rendered", "mark").length).toBeGreaterThanOrEqual(2);
    const measure = performance.getEntriesByName("ns:item-to-render", "measure");
    expect(measure).toHaveLength(1);
    expect(measure[0]!.duration).toBeGreaterThanOrEqual(0);
  });

  it("ignores a slow answer for an item that is no longer selected", async () => {
    const slow = deferred<{ body: unknown }>();
    let n = 0;
    fakeFetch({
      "POST /api/context/batch": () => {
        n += 1;
        return n === 1 ? slow.promise : { body: { asOf: AS_OF, people: [person({ address: "dee.dunn@contoso.example", displayName: "Dee Dunn" })] } };
      },
    });
    const harness = officeWith(MESSAGE);
    const booting = bootPane({ office: harness.office, clock: fixedClock() });
    await vi.waitFor(() => expect(harness.handlers.has("olkItemSelectedChanged")).toBe(true));
    harness.setItem({ from: { emailAddress: "dee.dunn@contoso.example", displayName: "Dee Dunn" }, to: [], cc: [] });
    harness.handlers.get("olkItemSelectedChanged")!();
    await waitForState("ready");
    slow.resolve({ body: BATCH });
    await booting;
    expect(cards().map((c) => c.dataset.address)).toEqual(["dee.dunn@contoso.example"]);
  });

  it("shows the network overview when no item is selected", async () => {
    const { calls } = fakeFetch({
      "GET /api/contacts?filter=warmest&limit=5": { body: page([contact(), contact({ address: "bo@x.example", displayName: "Bo", warmth: 50, tier: "warm" })]) },
      "GET /api/contacts?filter=cooling&limit=5": { body: page([contact({ address: "cy@x.example", displayName: "Cy", warmth: 30, tier: "cool", cooling: true })]) },
      "GET /api/followups": { body: [followUp()] },
    });
    const harness = officeWith(null);
    await bootPane({ office: harness.office, clock: fixedClock() });
    expect(calls.map((c) => `${c.method} ${c.path}`).sort()).toEqual([
      "GET /api/contacts?filter=cooling&limit=5",
      "GET /api/contacts?filter=warmest&limit=5",
      "GET /api/followups",
    ]);
    expect(calls.every((c) => c.headers["x-networksync-key"] === KEY)).toBe(true);
    expect(text(document.querySelector("h1"))).toBe("Your network");
    const headings = Array.from(document.querySelectorAll(".ns-section-title")).map(text);
    expect(headings).toEqual(["Warmest", "Cooling", "Follow-ups (1)"]);
    const sections = document.querySelectorAll(".ns-section");
    expect(Array.from(sections[0]!.querySelectorAll(".ns-contact-name")).map(text)).toEqual(["Ana Abe (opens in a new window)", "Bo (opens in a new window)"]);
    expect(Array.from(sections[1]!.querySelectorAll(".ns-badge")).map(text)).toEqual(["Cooling"]);
    const link = sections[0]!.querySelector("a")!;
    expect(link.getAttribute("href")).toBe(`${ORIGIN}/#/contact/ana.abe%40contoso.example`);
    expect(link.getAttribute("target")).toBe("_blank");
    expect(document.documentElement.getAttribute("data-ns-view")).toBe("overview");
  });

  it("switches from a message to the overview when the selection is cleared", async () => {
    fakeFetch({
      "POST /api/context/batch": { body: BATCH },
      "GET /api/contacts?filter=warmest&limit=5": { body: page([contact()]) },
      "GET /api/contacts?filter=cooling&limit=5": { body: page([]) },
      "GET /api/followups": { body: [] },
    });
    const harness = officeWith(MESSAGE);
    await bootPane({ office: harness.office, clock: fixedClock() });
    harness.setItem(null);
    harness.handlers.get("olkItemSelectedChanged")!();
    await waitForState("ready");
    expect(cards()).toHaveLength(0);
    expect(text(document.querySelector("h1"))).toBe("Your network");
    expect(text(document.querySelector(".ns-section:nth-of-type(2) .ns-empty"))).toBe("Nothing is cooling right now.");
  });
});

describe("task pane: errors", () => {
  it("401 in local mode: says the pane is not signed in and offers to pair it with the dashboard's code", async () => {
    fakeFetch({ "POST /api/context/batch": { status: 401, body: { title: "Unauthorized", status: 401 } } });
    await bootPane({ office: officeWith(MESSAGE, undefined, null).office, clock: fixedClock() });
    const alert = document.querySelector("#ns-content [role=alert]");
    expect(text(alert?.querySelector(".ns-error-message"))).toBe("Not signed in to NetworkSync. Open the sign-in link it printed when it started.");
    expect(document.documentElement.getAttribute("data-ns-state")).toBe("error");
    const input = document.querySelector<HTMLInputElement>("#ns-content form.ns-pairing input")!;
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe("Pairing code");
  });

  it("pairing: the code entered is kept in Outlook's roaming settings and sent on every later call", async () => {
    let paired = false;
    const { calls } = fakeFetch({
      "POST /api/context/batch": () => (paired ? { body: BATCH } : { status: 401, body: { title: "Unauthorized", status: 401 } }),
    });
    const harness = officeWith(MESSAGE, undefined, null);
    await bootPane({ office: harness.office, clock: fixedClock() });
    expect(calls[0]!.headers["x-networksync-key"]).toBeUndefined();
    paired = true;
    document.querySelector<HTMLInputElement>("#ns-content form.ns-pairing input")!.value = " pair1-code2 ";
    document.querySelector<HTMLFormElement>("#ns-content form.ns-pairing")!.requestSubmit();
    await waitForState("ready");
    expect(harness.roaming["networksync-pairing-code"]).toBe("PAIR1-CODE2");
    expect(calls.at(-1)!.headers["x-networksync-key"]).toBe("PAIR1-CODE2");
  });

  it("network failure: names the origin it could not reach", async () => {
    fakeFetch({ "POST /api/context/batch": new TypeError("Failed to fetch") });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    expect(text(document.querySelector("#ns-content [role=alert] .ns-error-message"))).toBe(`Can't reach NetworkSync at ${ORIGIN}. Is the service running?`);
  });

  it("500: shows the Problem Details title and detail, and Try again reloads", async () => {
    let fail = true;
    const { calls } = fakeFetch({
      "POST /api/context/batch": () =>
        fail ? { status: 500, body: { title: "The score cache is rebuilding", detail: "Try again in a minute.", status: 500 } } : { body: BATCH },
    });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    const alert = document.querySelector("#ns-content [role=alert]")!;
    expect(text(alert.querySelector(".ns-error-message"))).toBe("The score cache is rebuilding");
    expect(text(alert.querySelector(".ns-error-detail"))).toBe("Try again in a minute.");
    fail = false;
    button(alert, "Try again").click();
    await waitForState("ready");
    expect(calls).toHaveLength(2);
    expect(cards()).toHaveLength(3);
  });

  it("500 without Problem Details: a generic message with the status", async () => {
    fakeFetch({ "POST /api/context/batch": { status: 503, body: undefined } });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    expect(text(document.querySelector("#ns-content [role=alert] .ns-error-message"))).toBe("NetworkSync failed (HTTP 503). Try again in a moment.");
  });
});

describe("task pane: actions", () => {
  async function bootWithFollowUp(extra: Record<string, unknown> = {}) {
    const harness = fakeFetch({ "POST /api/context/batch": { body: BATCH }, ...extra });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    return harness;
  }

  it("Done posts to /api/followups/{id}/done, removes the follow-up and announces it", async () => {
    const { calls } = await bootWithFollowUp({ "POST /api/followups/fu_1/done": { body: followUp({ status: "done", completedAt: AS_OF }) } });
    const ana = card("ana.abe@contoso.example");
    expect(ana.querySelectorAll(".ns-fu")).toHaveLength(1);
    button(ana, "Done").click();
    await vi.waitFor(() => expect(card("ana.abe@contoso.example").querySelectorAll(".ns-fu")).toHaveLength(0));
    const call = calls.find((c) => c.path === "/api/followups/fu_1/done")!;
    expect(call.method).toBe("POST");
    expect(call.headers["x-networksync-key"]).toBe(KEY);
    expect(text(document.getElementById("ns-status"))).toBe("Marked done: Follow up with Ana Abe after 'Proposal review'");
    // focus stays in the card rather than being lost
    expect(document.activeElement?.getAttribute("data-focus-key")).toBe("person:ana.abe@contoso.example:create");
  });

  it("Snooze posts one week ahead and shows the snoozed state", async () => {
    const { calls } = await bootWithFollowUp({
      "POST /api/followups/fu_1/snooze": { body: followUp({ status: "snoozed", snoozedUntil: "2026-06-08T11:00:00Z" }) },
    });
    button(card("ana.abe@contoso.example"), "Snooze 1 week").click();
    await vi.waitFor(() => expect(card("ana.abe@contoso.example").querySelector(".ns-fu-snoozed")).not.toBeNull());
    const call = calls.find((c) => c.path === "/api/followups/fu_1/snooze")!;
    // one week after the service's clock (asOf 12:00 in the batch answer), not the browser's 11:00
    expect(call.body).toEqual({ until: "2026-06-08T12:00:00.000Z" });
    expect(text(card("ana.abe@contoso.example").querySelector(".ns-fu-when"))).toMatch(/^Snoozed until /);
  });

  it("Dismiss posts to /dismiss", async () => {
    const { calls } = await bootWithFollowUp({ "POST /api/followups/fu_1/dismiss": { body: followUp({ status: "dismissed" }) } });
    button(card("ana.abe@contoso.example"), "Dismiss").click();
    await vi.waitFor(() => expect(calls.some((c) => c.method === "POST" && c.path === "/api/followups/fu_1/dismiss")).toBe(true));
    await vi.waitFor(() => expect(card("ana.abe@contoso.example").querySelector(".ns-followups")).toBeNull());
  });

  it("a failed action keeps the follow-up and says why", async () => {
    await bootWithFollowUp({ "POST /api/followups/fu_1/done": { status: 409, body: { title: "That follow-up is already closed.", status: 409 } } });
    button(card("ana.abe@contoso.example"), "Done").click();
    await vi.waitFor(() => expect(text(document.getElementById("ns-alert"))).toBe("That follow-up is already closed."));
    expect(card("ana.abe@contoso.example").querySelectorAll(".ns-fu")).toHaveLength(1);
  });

  it("Create follow-up posts the contact, title and the next working day at 09:00 local", async () => {
    const { calls } = await bootWithFollowUp({
      "POST /api/followups": { status: 201, body: followUp({ id: "fu_new", kind: "manual", contacts: ["bo.berg@fabrikam.example"], title: "Follow up with Bo Berg", due: "2026-06-02T09:00:00Z", meeting: null }) },
    });
    const bo = card("bo.berg@fabrikam.example");
    button(bo, "Create follow-up").click();
    await vi.waitFor(() => expect(card("bo.berg@fabrikam.example").querySelectorAll(".ns-fu")).toHaveLength(1));
    const call = calls.find((c) => c.method === "POST" && c.path === "/api/followups")!;
    const body = call.body as { contacts: string[]; title: string; due: string };
    expect(body.contacts).toEqual(["bo.berg@fabrikam.example"]);
    expect(body.title).toBe("Follow up with Bo Berg");
    const due = new Date(body.due);
    // the clock says Monday 1 June 2026 11:00 UTC: next working day is Tuesday 2 June, 09:00 local
    expect([due.getFullYear(), due.getMonth(), due.getDate(), due.getHours(), due.getMinutes()]).toEqual([2026, 5, 2, 9, 0]);
    expect(text(card("bo.berg@fabrikam.example").querySelector(".ns-fu-title"))).toBe("Follow up with Bo Berg");
    expect(text(document.getElementById("ns-status"))).toMatch(/^Follow-up created: Follow up with Bo Berg/);
  });

  it("Mute sender puts /api/contacts/{address}/muted, then Unmute deletes it", async () => {
    const { calls } = await bootWithFollowUp({
      "PUT /api/contacts/ana.abe%40contoso.example/muted": { status: 204 },
      "DELETE /api/contacts/ana.abe%40contoso.example/muted": { status: 204 },
    });
    button(card("ana.abe@contoso.example"), "Mute sender").click();
    await vi.waitFor(() => expect(Array.from(card("ana.abe@contoso.example").querySelectorAll(".ns-badge")).map(text)).toContain("Muted"));
    expect(calls.some((c) => c.method === "PUT" && c.path === "/api/contacts/ana.abe%40contoso.example/muted")).toBe(true);
    const unmute = button(card("ana.abe@contoso.example"), "Unmute");
    expect(unmute.getAttribute("aria-pressed")).toBe("true");
    unmute.click();
    await vi.waitFor(() => expect(calls.some((c) => c.method === "DELETE")).toBe(true));
    await vi.waitFor(() => expect(button(card("ana.abe@contoso.example"), "Mute sender").getAttribute("aria-pressed")).toBe("false"));
  });

  it("keeps expanded sections open across a re-render", async () => {
    await bootWithFollowUp({ "POST /api/followups/fu_1/done": { body: followUp({ status: "done" }) } });
    const details = card("ana.abe@contoso.example").querySelector("details")!;
    details.setAttribute("open", "");
    button(card("ana.abe@contoso.example"), "Done").click();
    await vi.waitFor(() => expect(card("ana.abe@contoso.example").querySelectorAll(".ns-fu")).toHaveLength(0));
    expect(card("ana.abe@contoso.example").querySelector("details")!.hasAttribute("open")).toBe(true);
  });

  it("overview follow-up actions call the API and update the list", async () => {
    const { calls } = fakeFetch({
      "GET /api/contacts?filter=warmest&limit=5": { body: page([]) },
      "GET /api/contacts?filter=cooling&limit=5": { body: page([]) },
      "GET /api/followups": { body: [followUp(), followUp({ id: "fu_2", title: "Reconnect with Bo", kind: "reconnect", meeting: null, due: "2026-06-05T09:00:00Z" })] },
      "POST /api/followups/fu_2/done": { body: followUp({ id: "fu_2", status: "done" }) },
    });
    await bootPane({ office: officeWith(null).office, clock: fixedClock() });
    const second = document.querySelector<HTMLElement>('.ns-fu[data-fu-id="fu_2"]')!;
    button(second, "Done").click();
    await vi.waitFor(() => expect(document.querySelector('.ns-fu[data-fu-id="fu_2"]')).toBeNull());
    expect(calls.at(-1)!.path).toBe("/api/followups/fu_2/done");
    expect(Array.from(document.querySelectorAll(".ns-section-title")).map(text)).toContain("Follow-ups (1)");
  });
});

describe("task pane: accessibility basics", () => {
  it("uses landmarks, headings, real buttons with descriptions, and a polite live region", async () => {
    fakeFetch({ "POST /api/context/batch": { body: BATCH } });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    expect(document.querySelector("main#ns-main")).not.toBeNull();
    expect(document.querySelector("body > header")).not.toBeNull();
    expect(document.getElementById("ns-status")!.getAttribute("aria-live")).toBe("polite");
    expect(text(document.querySelector("h1"))).toBe("People on this message");
    expect(document.querySelectorAll("h1")).toHaveLength(1);
    expect(Array.from(document.querySelectorAll("article h2")).map(text)).toEqual([
      "Ana Abe (opens NetworkSync in a new window)",
      "Bo Berg (opens NetworkSync in a new window)",
      "Cy Cole (opens NetworkSync in a new window)",
    ]);
    // each card's follow-up section has its own name
    expect(document.querySelector(".ns-followups")!.getAttribute("aria-labelledby")!.split(" ")).toHaveLength(2);
    for (const b of Array.from(document.querySelectorAll("#ns-content button"))) {
      expect(b.getAttribute("type")).toBe("button");
      expect(text(b).length).toBeGreaterThan(0);
      const describedBy = b.getAttribute("aria-describedby");
      expect(describedBy && document.getElementById(describedBy)).toBeTruthy();
    }
    for (const a of Array.from(document.querySelectorAll("article[aria-labelledby]"))) {
      expect(document.getElementById(a.getAttribute("aria-labelledby")!)).not.toBeNull();
    }
  });
});
