// The plain-JS fake Office host (test/fake-office.js) that browser end-to-end tests serve at the
// office.js CDN URL: the real pane code must run against it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { bootPane, type OfficeLike } from "../src/pane/pane";
import { Clock } from "../src/lib/time";
import { AS_OF, fakeFetch, loadPage, page, person, root, text, waitForState } from "./helpers";

type FakeWindow = Omit<Window, "Office"> & {
  Office?: OfficeLike & { onReady(cb?: (i: unknown) => void): Promise<{ host: string }> };
  __nsFakeItem?: unknown;
  __nsFakeTheme?: unknown;
  __nsFakeOffice?: { changeItem(item: unknown): boolean; setTheme(t: unknown): boolean; handlers: Record<string, unknown> };
};
const w = window as unknown as FakeWindow;
const script = readFileSync(path.join(root, "test/fake-office.js"), "utf8");

function installFake(item: unknown, theme?: unknown): void {
  delete w.Office;
  delete w.__nsFakeOffice;
  w.__nsFakeItem = item;
  w.__nsFakeTheme = theme;
  // run the plain script as a browser would (test code only)
  new Function(script).call(window);
}

beforeEach(() => {
  loadPage("taskpane.html");
  performance.clearMarks();
  performance.clearMeasures();
});

describe("fake-office.js", () => {
  it("defines Office with onReady, EventType, AsyncResultStatus and the item from __nsFakeItem", async () => {
    installFake({ subject: "Hi", from: { emailAddress: "ana@x.example", displayName: "Ana" }, to: ["bo@x.example"], cc: [] });
    expect(await w.Office!.onReady()).toEqual({ host: "Outlook", platform: "OfficeOnline" });
    expect(w.Office!.EventType!.ItemChanged).toBe("olkItemSelectedChanged");
    expect(w.Office!.AsyncResultStatus!.Succeeded).toBe("succeeded");
    const item = w.Office!.context!.mailbox!.item!;
    expect(item.from).toMatchObject({ emailAddress: "ana@x.example", displayName: "Ana" });
    expect(item.to).toEqual([{ emailAddress: "bo@x.example", displayName: "bo@x.example", recipientType: "other" }]);
  });

  it("drives the real pane: initial render, changeItem, overview, and theme", async () => {
    installFake({ from: { emailAddress: "Ana@X.example", displayName: "Ana" }, to: [], cc: [] }, { bodyBackgroundColor: "#1b1a19" });
    const { calls } = fakeFetch({
      "POST /api/context/batch": () => {
        const addresses = (calls.at(-1)!.body as { addresses: string[] }).addresses;
        return { body: { asOf: AS_OF, people: addresses.map((a) => person({ address: a, displayName: a.split("@")[0] })) } };
      },
      "GET /api/contacts?filter=warmest&limit=5": { body: page([]) },
      "GET /api/contacts?filter=cooling&limit=5": { body: page([]) },
      "GET /api/followups": { body: [] },
    });
    await bootPane({ office: w.Office!, clock: new Clock(() => Date.parse(AS_OF)) });
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    expect(calls[0]!.body).toEqual({ addresses: ["ana@x.example"] });
    expect(text(document.querySelector(".ns-name"))).toContain("ana");

    await waitForHandler();
    expect(w.__nsFakeOffice!.changeItem({ from: "bo@x.example", to: ["cy@x.example"] })).toBe(true);
    await waitForState("ready");
    await settle(() => expect(document.querySelectorAll("article.ns-card")).toHaveLength(2));
    expect(calls.at(-1)!.body).toEqual({ addresses: ["bo@x.example", "cy@x.example"] });
    expect(performance.getEntriesByName("ns:item-to-render", "measure")).toHaveLength(1);

    w.__nsFakeOffice!.changeItem(null);
    await settle(() => expect(text(document.querySelector("h1"))).toBe("Your network"));

    expect(w.__nsFakeOffice!.setTheme({ bodyBackgroundColor: "#ffffff" })).toBe(true);
    expect(document.documentElement.getAttribute("data-theme")).toBe("light");
  });
});

async function waitForHandler(): Promise<void> {
  await settle(() => expect(Object.keys(w.__nsFakeOffice!.handlers)).toContain("olkItemSelectedChanged"));
}
function settle(fn: () => void): Promise<void> {
  return vi.waitFor(fn, { timeout: 2000, interval: 5 });
}
