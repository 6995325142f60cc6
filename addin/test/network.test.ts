import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bootDashboard, type Dashboard } from "../src/dashboard/app";
import { headline, modelNote } from "../src/dashboard/network";
import { Clock } from "../src/lib/time";
import { normaliseNetworkKnowledge } from "../src/lib/types";
import { AS_OF, contact, fakeFetch, loadPage, person, text, waitForState } from "./helpers";

const clock = () => new Clock(() => Date.parse(AS_OF));
const ME = { mailbox: { id: "m1", mail: "dana@contoso.example", displayName: "Dana Whitfield" }, mode: "local", asOf: AS_OF };

function knowledge(over: Record<string, unknown> = {}, backtest: Record<string, unknown> = {}) {
  return {
    model: "Fitted",
    modelReason: "fitted on this mailbox: 6 cutoffs, 412 examples, 97 contacted afterwards",
    measuredAt: "2026-06-01T03:30:00Z",
    backtest: {
      mailbox: "dana@contoso.example",
      horizonDays: 90,
      cutoffs: ["2026-03-03T09:00:00Z", "2025-12-03T09:00:00Z"],
      candidates: 412,
      positives: 97,
      auc: 0.8712,
      averagePrecision: 0.6134,
      baselines: { recency: 0.8201, frequency365: 0.8333, decayedCount: 0.8421 },
      models: [],
      ...backtest,
    },
    ...over,
  };
}

const THIN = knowledge(
  { model: "BuiltIn", modelReason: "built-in weights: too little history to learn from (3 people contacted after 1 of 2 cutoffs; needs 30 over 2)" },
  { auc: null, averagePrecision: null, baselines: { recency: null, frequency365: null, decayedCount: null }, candidates: 0, positives: 0, cutoffs: [], reason: "too little history: 1 of 4 cutoffs had 30 days of mail before it" },
);

const SAM = {
  address: "sam.lee@alpha.example",
  otherAddress: "slee@beta.example",
  displayName: "Sam Lee",
  reason: "Both addresses go by the name Sam Lee, and nothing else says they are one person.",
  lastContact: "2026-05-03T10:00:00Z",
  otherLastContact: null,
};

let dashboard: Dashboard | null = null;
const boot = async (): Promise<Dashboard> => (dashboard = await bootDashboard({ clock: clock() }));

beforeEach(async () => {
  loadPage("index.html");
  history.replaceState(null, "", "/#/network");
  // happy-dom raises hashchange for replaceState a moment later: let it pass before a dashboard listens.
  await new Promise((r) => setTimeout(r, 20));
});

afterEach(() => {
  dashboard?.stop();
  dashboard = null;
});

describe("the figures in plain words", () => {
  it("compares the model with sorting by last contact, two decimals, better / about as well / less well", () => {
    expect(headline(normaliseNetworkKnowledge(knowledge()))).toBe("NetworkSync ranks the people you'll write to next better than sorting by last contact: 0.87 vs 0.82");
    expect(headline(normaliseNetworkKnowledge(knowledge({}, { auc: 0.8221 })))).toBe("NetworkSync ranks the people you'll write to next about as well as sorting by last contact: 0.82 vs 0.82");
    expect(headline(normaliseNetworkKnowledge(knowledge({}, { auc: 0.7 })))).toBe("NetworkSync ranks the people you'll write to next less well than sorting by last contact: 0.70 vs 0.82");
    expect(headline(normaliseNetworkKnowledge(THIN))).toBeNull();
  });

  it("says when the built-in weights are in use, with the service's reason", () => {
    const note = modelNote(normaliseNetworkKnowledge(THIN));
    expect(note.builtIn).toBe(true);
    expect(note.text).toContain("built-in weights, not weights learned from your mailbox");
    expect(note.text).toContain("(built-in weights: too little history to learn from (3 people");
    expect(modelNote(normaliseNetworkKnowledge(knowledge())).builtIn).toBe(false);
  });

  it("treats figures that are not numbers from 0 to 1 as not measured", () => {
    const k = normaliseNetworkKnowledge(knowledge({}, { auc: "0.9", baselines: { recency: 7, frequency365: null, decayedCount: 0.5 } }));
    expect(k.backtest.auc).toBeNull();
    expect(k.backtest.baselines).toEqual({ recency: null, frequency365: null, decayedCount: 0.5 });
  });
});

describe("#/network", () => {
  it("shows the model beside the three baselines, the date and how it was measured", async () => {
    const { calls } = fakeFetch({ "GET /api/me": { body: ME }, "GET /api/network-knowledge": { body: knowledge() }, "GET /api/merge-suggestions": { body: [] } });
    await boot();
    await waitForState("ready");
    expect(calls.map((c) => c.path).sort()).toEqual(["/api/me", "/api/merge-suggestions", "/api/network-knowledge", "/api/network-overview"]);
    expect(document.documentElement.getAttribute("data-ns-view")).toBe("network");
    expect(text(document.querySelector("h1"))).toBe("How well NetworkSync knows your network");
    expect(document.querySelector('.ns-nav a[data-nav="network"]')!.getAttribute("aria-current")).toBe("page");
    expect(text(document.querySelector(".ns-knowledge-headline"))).toBe("NetworkSync ranks the people you'll write to next better than sorting by last contact: 0.87 vs 0.82");
    const rows = Array.from(document.querySelectorAll(".ns-knowledge-table tbody tr")).map((r) => [text(r.querySelector("th")), text(r.querySelector(".ns-score-value"))]);
    expect(rows).toEqual([
      ["NetworkSync warmth", "0.87"],
      ["Sorting by last contact", "0.82"],
      ["Counting messages in the last year", "0.83"],
      ["Counting recent messages more (decayed count)", "0.84"],
    ]);
    expect(text(document.querySelector(".ns-knowledge-ap"))).toMatch(/^Average precision 0\.61:/);
    expect(text(document.querySelector(".ns-knowledge-date"))).toBe("Measured on 1 Jun 2026; NetworkSync measures again once a day.");
    expect(text(document.querySelector(".ns-knowledge-how"))).toContain("at 2 dates in your past");
    expect(text(document.querySelector(".ns-knowledge-model"))).toContain("learned from your own mailbox");
    expect(document.querySelector(".ns-notice-inline")).toBeNull();
    expect(text(document.querySelector(".ns-suggestions .ns-empty"))).toMatch(/^No suggestions/);
  });

  it("says plainly when there is too little history and the built-in weights are in use", async () => {
    fakeFetch({ "GET /api/me": { body: ME }, "GET /api/network-knowledge": { body: THIN }, "GET /api/merge-suggestions": { body: [] } });
    await boot();
    await waitForState("ready");
    expect(text(document.querySelector(".ns-knowledge-headline"))).toBe("There is too little history in your mailbox to measure this yet.");
    expect(text(document.querySelector(".ns-knowledge-reason"))).toBe("Why: too little history: 1 of 4 cutoffs had 30 days of mail before it.");
    expect(text(document.querySelector(".ns-notice-inline"))).toContain("built-in weights");
    expect(document.querySelector(".ns-knowledge-table")).toBeNull();
  });

  it("lists a suggestion with both addresses and why; Same person stores it, shows the result with Undo and keeps focus on the pair", async () => {
    const { calls } = fakeFetch({
      "GET /api/me": { body: ME },
      "GET /api/network-knowledge": { body: knowledge() },
      "GET /api/merge-suggestions": { body: [SAM] },
      "PUT /api/contacts/sam.lee%40alpha.example/same/slee%40beta.example": { status: 204 },
      "DELETE /api/contacts/sam.lee%40alpha.example/same/slee%40beta.example": { status: 204 },
    });
    await boot();
    await waitForState("ready");
    const item = () => document.querySelector<HTMLElement>('.ns-merge[data-pair="sam.lee@alpha.example|slee@beta.example"]')!;
    expect(text(item().querySelector("h3"))).toBe("Sam Lee");
    expect(Array.from(item().querySelectorAll(".ns-merge-addresses li")).map(text)).toEqual([
      "sam.lee@alpha.example · last in touch 4 weeks ago",
      "slee@beta.example · never in direct touch",
    ]);
    expect(text(item().querySelector(".ns-merge-why"))).toBe(SAM.reason);
    const buttons = Array.from(item().querySelectorAll("button"));
    expect(buttons.map(text)).toEqual(["Same person", "Keep apart"]);
    expect(buttons.every((b) => b.getAttribute("type") === "button" && b.getAttribute("aria-describedby") === item().querySelector("h3")!.id)).toBe(true);

    buttons[0]!.focus();
    buttons[0]!.click();
    await vi.waitFor(() => expect(item().querySelector(".ns-merge-result")).not.toBeNull());
    expect(calls.some((c) => c.method === "PUT" && c.path === "/api/contacts/sam.lee%40alpha.example/same/slee%40beta.example")).toBe(true);
    expect(text(item().querySelector(".ns-merge-result"))).toBe("Merged: sam.lee@alpha.example and slee@beta.example are now one person.");
    expect(text(document.getElementById("ns-status"))).toBe("Merged: sam.lee@alpha.example and slee@beta.example are now one person.");
    expect(document.activeElement).toBe(item().querySelector("button"));
    expect(text(document.activeElement)).toBe("Undo");

    (document.activeElement as HTMLButtonElement).click();
    await vi.waitFor(() => expect(item().querySelector(".ns-merge-actions")).not.toBeNull());
    expect(calls.some((c) => c.method === "DELETE" && c.path === "/api/contacts/sam.lee%40alpha.example/same/slee%40beta.example")).toBe(true);
    expect(text(document.activeElement)).toBe("Same person");
  });

  it("Keep apart that fails says why in the alert and leaves the choice open", async () => {
    fakeFetch({
      "GET /api/me": { body: ME },
      "GET /api/network-knowledge": { body: knowledge() },
      "GET /api/merge-suggestions": { body: [SAM] },
      "PUT /api/contacts/sam.lee%40alpha.example/apart/slee%40beta.example": { status: 400, body: { title: "That address is yours", status: 400 } },
    });
    await boot();
    await waitForState("ready");
    const apart = Array.from(document.querySelectorAll<HTMLButtonElement>(".ns-merge button")).find((b) => text(b) === "Keep apart")!;
    apart.click();
    await vi.waitFor(() => expect(text(document.getElementById("ns-alert"))).toContain("Your answer about Sam Lee was not saved."));
    expect(text(document.getElementById("ns-alert"))).toContain("That address is yours");
    expect(document.querySelector(".ns-merge-result")).toBeNull();
    expect(apart.getAttribute("aria-disabled")).toBeNull();
  });

  it("shows the API's error with Try again when the figures cannot be read", async () => {
    fakeFetch({ "GET /api/me": { body: ME }, "GET /api/network-knowledge": { status: 503, body: { title: "No mailbox yet", status: 503 } }, "GET /api/merge-suggestions": { body: [] } });
    await boot();
    await waitForState("error");
    expect(text(document.querySelector("[role=alert] .ns-error-message"))).toBe("No mailbox yet");
  });

  it("renders hostile names and reasons as text", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    fakeFetch({
      "GET /api/me": { body: ME },
      "GET /api/network-knowledge": { body: knowledge({ modelReason: evil }) },
      "GET /api/merge-suggestions": { body: [{ ...SAM, displayName: evil, reason: evil }] },
    });
    await boot();
    await waitForState("ready");
    expect(document.getElementById("ns-content")!.querySelectorAll("img")).toHaveLength(0);
    expect(text(document.querySelector(".ns-merge h3"))).toBe(evil);
  });
});

describe("a merged person's contact page", () => {
  it("lists the other addresses with why each is this person, from the listing's mergeReasons", async () => {
    location.hash = "#/contact/erin%40new.example";
    await new Promise((r) => setTimeout(r, 20));
    const { calls } = fakeFetch({
      "GET /api/me": { body: ME },
      "GET /api/context/erin%40new.example": { body: person({ address: "erin@new.example", displayName: "Erin Example", otherAddresses: ["erin@old.example"] }) },
      "GET /api/contacts/erin%40new.example/history": { body: { months: [] } },
      "GET /api/contacts?search=erin%40new.example&limit=50": {
        body: {
          total: 2,
          offset: 0,
          limit: 50,
          items: [
            contact({ address: "erin.other@new.example", displayName: "Erin Other" }),
            contact({ address: "erin@new.example", displayName: "Erin Example", otherAddresses: ["erin@old.example"], mergeReasons: ["erin@old.example: same name and address erin@ at old.example and new.example"] }),
          ],
        },
      },
    });
    await boot();
    await waitForState("ready");
    expect(calls.some((c) => c.path === "/api/contacts?search=erin%40new.example&limit=50")).toBe(true);
    expect(text(document.querySelector(".ns-also-known h2"))).toBe("Also known as");
    expect(text(document.querySelector('.ns-also-known li[data-address="erin@old.example"]'))).toBe("erin@old.example: same name and address erin@ at old.example and new.example");
  });

  it("asks for no listing when the person has no other address", async () => {
    location.hash = "#/contact/ana.abe%40contoso.example";
    await new Promise((r) => setTimeout(r, 20));
    const { calls } = fakeFetch({
      "GET /api/me": { body: ME },
      "GET /api/context/ana.abe%40contoso.example": { body: person() },
      "GET /api/contacts/ana.abe%40contoso.example/history": { body: { months: [] } },
    });
    await boot();
    await waitForState("ready");
    expect(calls.some((c) => c.path.startsWith("/api/contacts?"))).toBe(false);
    expect(document.querySelector(".ns-also-known")).toBeNull();
  });
});

// ---- the wider network ---------------------------------------------------------------------

const ANA = { address: "ana@fabrikam.example", displayName: "Ana Abe", warmth: 81, tier: "hot", lastContact: "2026-06-01T10:00:00Z", since: null };
const BEN = { address: "ben@tailspin.example", displayName: "Ben Bo", warmth: 22, tier: "cool", lastContact: "2026-05-20T10:00:00Z", since: null };

function overview(over: Record<string, unknown> = {}) {
  return {
    asOf: AS_OF,
    months: [
      { month: "2026-05", hot: 1, warm: 2, cool: 3, gained: 2, lost: 0 },
      { month: "2026-06", hot: 2, warm: 2, cool: 1, gained: 1, lost: 1 },
    ],
    organisations: [
      { domain: "fabrikam.example", warmest: ANA, warmTies: 1, people: 3, hangsOnOneTie: true },
      { domain: "tailspin.example", warmest: BEN, warmTies: 0, people: 1, hangsOnOneTie: false },
    ],
    weakTies: [BEN],
    owesReply: [{ ...ANA, since: "2026-06-01T09:00:00Z" }],
    waitingOnThem: [{ ...BEN, since: "2026-05-20T10:00:00Z" }],
    waitingDays: 7,
    ...over,
  };
}

describe("#/network: the wider network", () => {
  it("shows both charts with their descriptions, the table, organisations, weak ties, owes reply and waiting on them", async () => {
    fakeFetch({ "GET /api/me": { body: ME }, "GET /api/network-knowledge": { body: knowledge() }, "GET /api/merge-suggestions": { body: [] }, "GET /api/network-overview": { body: overview() } });
    await boot();
    await waitForState("ready");
    const charts = Array.from(document.querySelectorAll(".ns-network-charts svg.ns-chart"));
    expect(charts.map((c) => text(c.querySelector("title")))).toEqual(["Active relationships by tier, month by month", "Ties gained and lost per month"]);
    // each chart is reachable by keyboard and labelled by its title and description
    for (const chart of charts) {
      const figure = chart.closest("figure")!;
      expect(figure.getAttribute("tabindex")).toBe("0");
      expect(figure.getAttribute("aria-labelledby")).toBe(chart.getAttribute("aria-labelledby"));
    }
    expect(document.querySelectorAll('.ns-network-table tbody th[scope="row"]')).toHaveLength(2);
    const orgs = Array.from(document.querySelectorAll(".ns-org-table tbody tr")).map((r) => [r.getAttribute("data-domain"), text(r.querySelector(".ns-org-flag"))]);
    expect(orgs).toEqual([
      ["fabrikam.example", "Hangs on a single warm tie"],
      ["tailspin.example", ""],
    ]);
    expect(text(document.querySelector(".ns-organisations p"))).toContain("1 organisation hangs on a single warm tie");
    expect(document.querySelector(".ns-weak-ties a")!.getAttribute("href")).toBe("#/contact/ben%40tailspin.example");
    expect(text(document.querySelector(".ns-owes-reply li"))).toContain("Ana Abe");
    expect(text(document.querySelector(".ns-waiting li"))).toContain("Ben Bo");
    expect((document.querySelector(".ns-waiting-days") as HTMLInputElement).value).toBe("7");
  });

  it("saves the waiting time, reloads the list and keeps focus on Save; a value out of range is refused before sending", async () => {
    let days = 7;
    const { calls } = fakeFetch({
      "GET /api/me": { body: ME },
      "GET /api/network-knowledge": { body: knowledge() },
      "GET /api/merge-suggestions": { body: [] },
      "GET /api/network-overview": () => ({ body: overview(days === 7 ? {} : { waitingDays: days, waitingOnThem: [] }) }),
      "PUT /api/settings": () => {
        days = 30;
        return { body: { waitingDays: 30 } };
      },
    });
    await boot();
    await waitForState("ready");
    const input = () => document.querySelector(".ns-waiting-days") as HTMLInputElement;
    const save = () => document.querySelector('.ns-waiting-form button[type="submit"]') as HTMLButtonElement;

    input().value = "0";
    save().click();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.some((c) => c.method === "PUT")).toBe(false);
    expect(text(document.querySelector(".ns-error-message"))).toBe("Give a whole number of days from 1 to 60.");

    input().value = "30";
    save().focus();
    save().click();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({ waitingDays: 30 });
    expect(input().value).toBe("30");
    expect(text(document.querySelector(".ns-waiting-none"))).toBe("Nobody: everyone you wrote to more than 30 days ago has answered.");
    expect(document.activeElement).toBe(save());
    expect(text(document.querySelector(".ns-waiting-panel h2"))).toBe("Waiting on them (0)");
  });

  it("still shows the rest of the page when the overview fails", async () => {
    fakeFetch({ "GET /api/me": { body: ME }, "GET /api/network-knowledge": { body: knowledge() }, "GET /api/merge-suggestions": { body: [] }, "GET /api/network-overview": { status: 500, body: { title: "Boom", status: 500 } } });
    await boot();
    await waitForState("ready");
    expect(text(document.querySelector(".ns-overview-error"))).toMatch(/^The wider network could not be loaded\./);
    expect(document.querySelector(".ns-knowledge-headline")).not.toBeNull();
  });
});

