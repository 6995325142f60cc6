// The compact pane: one row per person (name, tier with the meter, last spoke, the one flag that matters most),
// "What to do now" above the rows, and the card's details behind an expand button.
import { beforeEach, describe, expect, it } from "vitest";
import { rowFlags, topFlag } from "../src/components/person-row";
import { todosOf } from "../src/components/what-to-do";
import { jobChangeText, personCard } from "../src/components/person-card";
import { bootPane } from "../src/pane/pane";
import { Clock } from "../src/lib/time";
import { normalisePerson, type PersonContext } from "../src/lib/types";
import { AS_OF, fakeFetch, followUp, loadPage, officeWith, person, text, unknownPerson, type FakeItem } from "./helpers";

const NOW = Date.parse("2026-06-01T11:00:00Z");
const fixedClock = () => new Clock(() => NOW);

const MESSAGE: FakeItem = {
  subject: "Quarterly plan",
  from: { emailAddress: "ana.abe@contoso.example", displayName: "Ana Abe" },
  to: [
    { emailAddress: "me@contoso.example", displayName: "Me" },
    { emailAddress: "bo.berg@fabrikam.example", displayName: "Bo Berg" },
  ],
  cc: [
    { emailAddress: "cy.cole@contoso.example", displayName: "Cy Cole" },
    { emailAddress: "di.dahl@adatum.com", displayName: "Di Dahl" },
  ],
};

const dueSoon = () => followUp({ due: "2026-06-02T09:00:00Z" });
const MOVED = { from: "Contoso", fromDomain: "contoso.example", to: "Adatum", toDomain: "adatum.com", since: "2026-03" };
const PATH = { address: "ana.abe@contoso.example", displayName: "Ana Abe", tier: "hot", explanation: "Ana Abe (hot) has copied them on 5 messages since March 2026" };

const BATCH = {
  asOf: AS_OF,
  people: [
    person({ flags: { owesReply: true }, followUps: [dueSoon()] }),
    person({ address: "bo.berg@fabrikam.example", displayName: "Bo Berg", warmth: 4, tier: "cold", lastContact: "2025-10-20T10:00:00Z", flags: { dormant: true }, warmPath: PATH }),
    unknownPerson("cy.cole@contoso.example"),
    person({ address: "di.dahl@adatum.com", displayName: "Di Dahl", warmth: 30, tier: "cool", lastContact: "2026-04-01T10:00:00Z", jobChange: MOVED }),
  ],
};

const p = (over: Record<string, unknown> = {}): PersonContext => normalisePerson(person(over));

function row(address: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`article.ns-row[data-address="${address}"]`);
  if (!el) throw new Error(`no row for ${address}`);
  return el;
}
const toggleOf = (r: HTMLElement) => r.querySelector<HTMLButtonElement>("button.ns-expand")!;
const detailsOf = (r: HTMLElement) => r.querySelector<HTMLElement>(".ns-row-details")!;

beforeEach(() => loadPage("taskpane.html"));

describe("the one flag a row shows", () => {
  it("follows the documented precedence: reply owed > follow-up due > warm path > cooling or dormant > job change", () => {
    const everything = p({ flags: { owesReply: true, cooling: true, dormant: true }, followUps: [dueSoon()], warmPath: PATH, jobChange: MOVED });
    expect(rowFlags(everything, NOW).map((f) => f.kind)).toEqual(["owe", "follow-up", "warm-path", "cooling", "dormant", "job-change"]);
    expect(topFlag(everything, NOW)?.text).toBe("You owe a reply");
    expect(topFlag(p({ followUps: [dueSoon()], warmPath: PATH, jobChange: MOVED }), NOW)?.text).toBe("Follow-up due in 22 hours");
    expect(topFlag(p({ warmPath: PATH, flags: { dormant: true }, jobChange: MOVED }), NOW)?.text).toBe("Warm path: Ana Abe");
    expect(topFlag(p({ flags: { cooling: true }, jobChange: MOVED }), NOW)?.text).toBe("Cooling");
    expect(topFlag(p({ flags: { dormant: true }, jobChange: MOVED }), NOW)?.text).toBe("Dormant: no contact for 6 months");
    expect(topFlag(p({ jobChange: MOVED }), NOW)?.text).toBe("Moved to Adatum (since March)");
    expect(topFlag(p(), NOW)).toBeNull();
  });

  it("names a colleague who knows a person only when there is no warm path of the user's own", () => {
    const colleague = { organisation: [{ displayName: "Bo Berg", tier: "warm" }], flags: { cooling: true } };
    expect(topFlag(p(colleague), NOW)?.text).toBe("Known in your organisation: Bo Berg (warm)");
    expect(rowFlags(p({ ...colleague, warmPath: PATH }), NOW).map((f) => f.kind)).toEqual(["warm-path", "cooling"]);
  });

  it("counts a follow-up as due only when it is open and due within a day", () => {
    expect(topFlag(p({ followUps: [followUp({ due: "2026-06-05T09:00:00Z" })] }), NOW)).toBeNull();
    expect(topFlag(p({ followUps: [followUp({ due: "2026-06-02T16:00:00Z" })] }), NOW)).toBeNull();
    expect(topFlag(p({ followUps: [followUp({ due: "2026-06-02T09:00:00Z", status: "snoozed" })] }), NOW)).toBeNull();
    expect(topFlag(p({ followUps: [followUp({ due: "2026-05-30T09:00:00Z" })] }), NOW)?.text).toBe("Follow-up due 2 days ago");
  });

  it("says since when in words, with the year once the move is about a year old", () => {
    expect(jobChangeText(MOVED, NOW)).toBe("Moved to Adatum (since March)");
    expect(jobChangeText({ ...MOVED, since: "2025-03" }, NOW)).toBe("Moved to Adatum (since March 2025)");
  });

  it("shows the move on the full card too (the dashboard's contact page)", () => {
    const card = personCard(p({ jobChange: MOVED }), { now: NOW, headingLevel: 1, onFollowUp: () => {}, onCreateFollowUp: () => {}, onMute: () => {} });
    expect(text(card.querySelector(".ns-job-change"))).toBe("Moved to Adatum (since March) (was Contoso, contoso.example)");
    expect(personCard(p(), { now: NOW, headingLevel: 1, onFollowUp: () => {}, onCreateFollowUp: () => {}, onMute: () => {} }).querySelector(".ns-job-change")).toBeNull();
  });

  it("lists what to do now: replies owed, then follow-ups due, then warm paths", () => {
    const people = BATCH.people.map(normalisePerson);
    expect(todosOf(people, NOW).map((t) => [t.kind, t.text])).toEqual([
      ["owe", "Reply to Ana Abe"],
      ["follow-up", "Follow up with Ana Abe after 'Proposal review'"],
      ["warm-path", "Ask Ana Abe to introduce Bo Berg"],
    ]);
  });
});

describe("task pane: one compact row per person", () => {
  it("shows each row's name, role, tier in words with its meter, last spoke and top flag, details collapsed", async () => {
    fakeFetch({ "POST /api/context/batch": { body: BATCH } });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });

    const rows = Array.from(document.querySelectorAll<HTMLElement>("article.ns-row")).map((r) => r.dataset.address);
    expect(rows).toEqual(["ana.abe@contoso.example", "di.dahl@adatum.com", "bo.berg@fabrikam.example", "cy.cole@contoso.example"]);
    const summary = (address: string) => {
      const r = row(address);
      return [text(r.querySelector(".ns-name")), text(r.querySelector(".ns-role")), text(r.querySelector(".ns-row-line .ns-tier")), text(r.querySelector(".ns-row-line .ns-last")), text(r.querySelector(".ns-top-flag"))];
    };
    expect(summary("ana.abe@contoso.example")).toEqual(["Ana Abe (opens NetworkSync in a new window)", "From", "Hot", "Last spoke 2 days ago", "You owe a reply"]);
    expect(summary("bo.berg@fabrikam.example")).toEqual(["Bo Berg (opens NetworkSync in a new window)", "To", "Cold", "Last spoke 7 months ago", "Warm path: Ana Abe"]);
    expect(summary("cy.cole@contoso.example")).toEqual(["Cy Cole (opens NetworkSync in a new window)", "Cc", "Cold", "Last spoke: never", "First contact"]);
    expect(summary("di.dahl@adatum.com")).toEqual(["Di Dahl (opens NetworkSync in a new window)", "Cc", "Cool", "Last spoke 2 months ago", "Moved to Adatum (since March)"]);
    expect(row("ana.abe@contoso.example").querySelector('.ns-row-line [role="meter"]')?.getAttribute("aria-valuetext")).toBe("74 of 100, Hot");
    for (const r of document.querySelectorAll<HTMLElement>("article.ns-row")) {
      expect(toggleOf(r).getAttribute("aria-expanded")).toBe("false");
      expect(detailsOf(r).hidden).toBe(true);
      expect(toggleOf(r).getAttribute("aria-controls")).toBe(detailsOf(r).id);
    }
  });

  it("puts 'What to do now' before the people, and an entry opens that person's row with focus on their name", async () => {
    fakeFetch({ "POST /api/context/batch": { body: BATCH } });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });

    const todo = document.querySelector<HTMLElement>(".ns-todo")!;
    const people = document.querySelector<HTMLElement>(".ns-rows")!;
    expect(todo.compareDocumentPosition(people) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(text(todo.querySelector("h2"))).toBe("What to do now");
    const entries = Array.from(todo.querySelectorAll<HTMLButtonElement>("button"));
    expect(entries.map(text)).toEqual(["Reply to Ana Abe", "Follow up with Ana Abe after 'Proposal review'", "Ask Ana Abe to introduce Bo Berg"]);

    entries[2]!.click();
    const bo = row("bo.berg@fabrikam.example");
    expect(toggleOf(bo).getAttribute("aria-expanded")).toBe("true");
    expect(detailsOf(bo).hidden).toBe(false);
    expect(document.activeElement).toBe(bo.querySelector(".ns-name"));
  });

  it("expands and collapses in place with the button, keeps focus on it, and keeps a row open across a re-render", async () => {
    const { calls } = fakeFetch({ "POST /api/context/batch": { body: BATCH }, "PUT /api/contacts/di.dahl%40adatum.com/muted": { status: 204 } });
    await bootPane({ office: officeWith(MESSAGE).office, clock: fixedClock() });
    const di = row("di.dahl@adatum.com");
    const toggle = toggleOf(di);
    toggle.focus();
    toggle.click();
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(detailsOf(di).hidden).toBe(false);
    expect(document.activeElement).toBe(toggle);
    expect(text(di.querySelector(".ns-job-change"))).toBe("Moved to Adatum (since March) (was Contoso, contoso.example)");
    expect(text(di.querySelector(".ns-counts"))).toBe("12 sent · 9 received · 2 meetings");

    toggle.click();
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(detailsOf(di).hidden).toBe(true);
    expect(document.activeElement).toBe(toggle);

    toggle.click();
    Array.from(di.querySelectorAll("button")).find((b) => text(b) === "Mute")!.click();
    await expect.poll(() => calls.some((c) => c.method === "PUT")).toBe(true);
    await expect.poll(() => text(row("di.dahl@adatum.com").querySelector(".ns-card-actions button[aria-pressed]"))).toBe("Unmute");
    expect(toggleOf(row("di.dahl@adatum.com")).getAttribute("aria-expanded")).toBe("true");
  });

  it("opens a lone person's row: there is room for their details", async () => {
    fakeFetch({ "POST /api/context/batch": { body: { asOf: AS_OF, people: [person()] } } });
    await bootPane({ office: officeWith({ subject: "Hi", from: { emailAddress: "ana.abe@contoso.example", displayName: "Ana Abe" }, to: [], cc: [] }).office, clock: fixedClock() });
    const ana = row("ana.abe@contoso.example");
    expect(toggleOf(ana).getAttribute("aria-expanded")).toBe("true");
    expect(detailsOf(ana).hidden).toBe(false);
    expect(document.querySelector(".ns-todo")).toBeNull();
  });
});
