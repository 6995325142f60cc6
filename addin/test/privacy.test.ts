// The user's privacy controls: the API calls, the confirmation dialog, the Blob download, "Forget this
// person" on the contact page and the "Your data" view (export, delete all, resume syncing).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Api, ApiError } from "../src/lib/api";
import { createAuth } from "../src/lib/auth";
import { confirmDialog } from "../src/lib/dialog";
import { saveBlob } from "../src/lib/download";
import { bootDashboard as boot, parseRoute, type Dashboard } from "../src/dashboard/app";
import { Clock } from "../src/lib/time";
import { AS_OF, type Call, contact, deferred, fakeFetch, followUp, KEY, loadPage, pairedWith, ORIGIN, page, person, text, waitForState } from "./helpers";

const clock = () => new Clock(() => Date.parse(AS_OF));
const ME = { mailbox: { id: "m1", mail: "dana@contoso.example", displayName: "Dana Whitfield" }, mode: "local", asOf: AS_OF };
const NO_MAILBOX = { status: 503, body: { title: "No mailbox yet", status: 503, detail: "No synced mailbox belongs to you yet: the first sync may not have finished (see /healthz), or this NetworkSync does not sync your mailbox." } };
const ANA = "ana.abe%40contoso.example";
const HOME = {
  "GET /api/me": { body: ME },
  "GET /api/contacts?filter=warmest&limit=10": { body: page([contact({ address: "bo@x.example", displayName: "Bo Berg" })]) },
  "GET /api/contacts?filter=cooling&limit=10": { body: page([]) },
  "GET /api/contacts?filter=dormant&limit=10": { body: page([]) },
  "GET /api/followups": { body: [] },
};
const CONTACT = {
  ...HOME,
  [`GET /api/context/${ANA}`]: { body: person({ followUps: [followUp()] }) },
  [`GET /api/contacts/${ANA}/history`]: { body: { months: [] } },
};
const EXPORT = { exportedAt: AS_OF, mailbox: { id: "m1", mail: "dana@contoso.example" }, settings: {}, overrides: [], followUps: [], contacts: [], messages: [], events: [] };

const localApi = () => new Api(ORIGIN, createAuth({ mode: "local", apiBase: ORIGIN, clientId: null, scope: null, authority: null, redirectUri: "" }, undefined, pairedWith(KEY)));
const dialog = () => document.querySelector<HTMLDialogElement>("dialog.ns-dialog");
const button = (root: ParentNode | null, label: string | RegExp): HTMLButtonElement => {
  const found = Array.from(root?.querySelectorAll<HTMLButtonElement>("button") ?? []).find((b) => (typeof label === "string" ? text(b) === label : label.test(text(b))));
  if (!found) throw new Error(`no button ${String(label)}`);
  return found;
};
const status = () => text(document.getElementById("ns-status"));
const alert = () => text(document.getElementById("ns-alert"));
const alertParts = () => Array.from(document.querySelectorAll("#ns-alert p")).map(text);
const escape = (el: Element) => el.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));

// happy-dom raises "hashchange" a moment after history.replaceState: let it pass before a dashboard
// starts, and stop each dashboard after its test so only one follows the hash.
const settle = () => new Promise((r) => setTimeout(r, 20));
const booted: Dashboard[] = [];
async function bootDashboard(opts: Parameters<typeof boot>[0]) {
  await settle();
  const d = await boot(opts);
  booted.push(d);
  return d;
}
async function go(hash: string) {
  history.replaceState(null, "", `/${hash}`);
  await settle();
}

beforeEach(async () => {
  loadPage("index.html");
  await go("");
});
afterEach(() => {
  dialog()?.remove();
  booted.splice(0).forEach((d) => d.stop());
});

describe("privacy API calls", () => {
  it("forget, delete all and resume send the right method and path with the key, and accept 204", async () => {
    const { calls } = fakeFetch({
      "DELETE /api/contacts/o'neil%2Bx%40contoso.example": { status: 204 },
      "DELETE /api/me/data": { status: 204 },
      "POST /api/me/resume-sync": { status: 204 },
    });
    const api = localApi();
    await expect(api.forgetContact("o'neil+x@contoso.example")).resolves.toBeUndefined();
    await expect(api.deleteMyData()).resolves.toBeUndefined();
    await expect(api.resumeSync()).resolves.toBeUndefined();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["DELETE /api/contacts/o'neil%2Bx%40contoso.example", "DELETE /api/me/data", "POST /api/me/resume-sync"]);
    expect(calls.every((c) => c.headers["x-networksync-key"] === KEY && c.body === undefined)).toBe(true);
  });

  it("exports as a JSON Blob fetched with the key; a failed export is an ApiError", async () => {
    const { calls } = fakeFetch({ "GET /api/me/export": { body: EXPORT } });
    const blob = await localApi().exportMyData();
    expect(blob.type).toMatch(/^application\/json/);
    expect(JSON.parse(await blob.text())).toEqual(EXPORT);
    expect(calls[0]!.headers["x-networksync-key"]).toBe(KEY);

    fakeFetch({ "GET /api/me/export": NO_MAILBOX, "DELETE /api/contacts/me%40x.example": { status: 400, body: { title: "That address is yours", status: 400 } } });
    const err = await localApi().exportMyData().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(503);
    expect((err as ApiError).problem?.title).toBe("No mailbox yet");
    const own = await localApi().forgetContact("me@x.example").catch((e: unknown) => e);
    expect((own as ApiError).problem?.title).toBe("That address is yours");
  });
});

describe("confirmDialog", () => {
  function opener(): HTMLButtonElement {
    const b = document.createElement("button");
    b.textContent = "Open";
    document.body.appendChild(b);
    b.focus();
    return b;
  }

  it("is a labelled, described modal dialog with focus on Cancel; Cancel answers false and gives focus back", async () => {
    const b = opener();
    const answer = confirmDialog(document, { title: "Forget Ana?", body: "It cannot be undone.", confirmLabel: "Forget Ana" });
    const d = dialog()!;
    expect(d.open).toBe(true);
    expect(d.getAttribute("role")).toBe("alertdialog");
    expect(text(document.getElementById(d.getAttribute("aria-labelledby")!))).toBe("Forget Ana?");
    expect(text(document.getElementById(d.getAttribute("aria-describedby")!))).toBe("It cannot be undone.");
    expect(document.activeElement).toBe(button(d, "Cancel"));
    button(d, "Cancel").click();
    await expect(answer).resolves.toBe(false);
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(b);
  });

  it("Escape cancels; the confirm button answers true", async () => {
    const b = opener();
    const first = confirmDialog(document, { title: "Sure?", body: "x", confirmLabel: "Yes" });
    escape(document.activeElement!);
    await expect(first).resolves.toBe(false);
    expect(document.activeElement).toBe(b);
    const second = confirmDialog(document, { title: "Sure?", body: "x", confirmLabel: "Yes" });
    button(dialog(), "Yes").click();
    await expect(second).resolves.toBe(true);
    expect(dialog()).toBeNull();
  });

  it("with typeToConfirm, confirms only once the word is typed, and says so otherwise", async () => {
    opener();
    const answer = confirmDialog(document, { title: "Delete?", body: "x", confirmLabel: "Delete", typeToConfirm: "DELETE" });
    const d = dialog()!;
    const input = d.querySelector("input")!;
    expect(document.activeElement).toBe(input);
    expect(text(d.querySelector(`label[for="${input.id}"]`))).toBe("To confirm, type DELETE");
    input.value = "delete";
    button(d, "Delete").click();
    expect(d.open).toBe(true);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(text(document.getElementById(input.getAttribute("aria-describedby")!))).toBe("Type DELETE in capital letters to confirm, or choose Cancel.");
    expect(document.activeElement).toBe(input);
    input.value = "DELETE";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    button(d, "Delete").click();
    await expect(answer).resolves.toBe(true);
  });
});

describe("saveBlob", () => {
  it("clicks a temporary <a download> on an object URL and revokes it later", () => {
    vi.useFakeTimers();
    try {
      const create = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:https://localhost:5180/abc");
      const revoke = vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
      const clicked: { href: string; download: string; hidden: unknown }[] = [];
      const listener = (e: Event) => {
        const a = e.target as HTMLAnchorElement;
        clicked.push({ href: a.href, download: a.download, hidden: a.hidden });
        e.preventDefault(); // no navigation in the test
      };
      document.addEventListener("click", listener);
      const blob = new Blob(["{}"], { type: "application/json" });
      saveBlob(document, blob, "networksync-export.json");
      document.removeEventListener("click", listener);
      expect(create).toHaveBeenCalledWith(blob);
      expect(clicked).toEqual([{ href: "blob:https://localhost:5180/abc", download: "networksync-export.json", hidden: true }]);
      expect(document.querySelector("a[download]")).toBeNull();
      expect(revoke).not.toHaveBeenCalled();
      vi.advanceTimersByTime(60_000);
      expect(revoke).toHaveBeenCalledWith("blob:https://localhost:5180/abc");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("Forget this person (contact page)", () => {
  async function openContact(routes: Record<string, unknown>) {
    await go(`#/contact/${ANA}`);
    const fetch = fakeFetch(routes as never);
    await bootDashboard({ clock: clock() });
    await waitForState("ready");
    const forget = button(document.querySelector(".ns-privacy"), "Forget this person…");
    return { ...fetch, forget };
  }
  const deletes = (calls: Call[]) => calls.filter((c) => c.method === "DELETE");

  it("asks first; Cancel and Escape forget nothing and give focus back to the button", async () => {
    const { calls, forget } = await openContact(CONTACT);
    expect(text(document.querySelector(".ns-privacy h2"))).toBe("Privacy");
    forget.focus();
    forget.click();
    const d = dialog()!;
    expect(text(d.querySelector("h2"))).toBe("Forget Ana Abe?");
    expect(text(d.querySelector(".ns-dialog-body"))).toContain("never stores them again");
    expect(text(d.querySelector(".ns-dialog-body"))).toContain("This cannot be undone.");
    expect(text(button(d, /^Forget/))).toBe("Forget Ana Abe");
    button(d, "Cancel").click();
    await vi.waitFor(() => expect(status()).toBe("Cancelled: Ana Abe was not forgotten."));
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(forget);

    forget.click();
    escape(dialog()!);
    await vi.waitFor(() => expect(dialog()).toBeNull());
    expect(document.activeElement).toBe(forget);
    expect(deletes(calls)).toEqual([]);
    expect(location.hash).toBe(`#/contact/${ANA}`);
  });

  it("on confirm calls DELETE /api/contacts/{address}, then shows the overview with a polite status", async () => {
    const { calls, forget } = await openContact({ ...CONTACT, [`DELETE /api/contacts/${ANA}`]: { status: 204 } });
    forget.click();
    button(dialog(), "Forget Ana Abe").click();
    await vi.waitFor(() => expect(text(document.querySelector("h1"))).toBe("Your network at a glance"));
    await waitForState("ready");
    expect(deletes(calls).map((c) => c.path)).toEqual([`/api/contacts/${ANA}`]);
    expect(deletes(calls)[0]!.headers["x-networksync-key"]).toBeUndefined(); // the dashboard's session cookie signs it in
    expect(location.hash).toBe("#/");
    expect(document.getElementById("ns-status")!.getAttribute("aria-live")).toBe("polite");
    expect(status()).toBe("Forgotten: Ana Abe (ana.abe@contoso.example) will not be stored again.");
    expect(alert()).toBe("");
    expect(document.activeElement).toBe(document.querySelector("h1"));
  });

  it("a failure says what went wrong and what to do, and stays on the page", async () => {
    const { forget } = await openContact({ ...CONTACT, [`DELETE /api/contacts/${ANA}`]: { status: 400, body: { title: "That address is yours", detail: "You cannot forget yourself.", status: 400 } } });
    forget.click();
    button(dialog(), "Forget Ana Abe").click();
    await vi.waitFor(() => expect(alert()).toContain("Ana Abe was not forgotten. That address is yours"));
    expect(alert()).toContain("You cannot forget yourself. Nothing was changed: try again, or reload the page if it keeps failing.");
    expect(location.hash).toBe(`#/contact/${ANA}`);
    expect(text(document.querySelector("h1"))).toBe("Ana Abe");
    expect(forget.getAttribute("aria-disabled")).toBeNull();
    expect(document.activeElement).toBe(forget);
  });

  it("an unreachable service is reported with what to check", async () => {
    const { forget } = await openContact({ ...CONTACT, [`DELETE /api/contacts/${ANA}`]: new TypeError("Failed to fetch") });
    forget.click();
    button(dialog(), "Forget Ana Abe").click();
    await vi.waitFor(() => expect(alert()).toContain(`Ana Abe was not forgotten. Can't reach NetworkSync at ${ORIGIN}. Is the service running?`));
    expect(alert()).toContain("Nothing was changed");
  });
});

describe("Your data view", () => {
  async function openYourData(routes: Record<string, unknown>, save = vi.fn()) {
    await go("#/your-data");
    const fetch = fakeFetch(routes as never);
    await bootDashboard({ clock: clock(), save });
    await waitForState("ready");
    return { ...fetch, save };
  }

  it("the user's own consent to be suggested to colleagues: off by default, changed with PUT /api/settings, said in plain words", async () => {
    const settings = { dormantDays: 180, todoEnabled: true, muted: [], markedAsPerson: [], suggestAsIntroducer: false, organisationIntroductions: true };
    const { calls } = await openYourData({
      "GET /api/me": { body: ME },
      "GET /api/settings": { body: settings },
      "PUT /api/settings": { body: { ...settings, suggestAsIntroducer: true } },
    });
    const consent = document.querySelector(".ns-data-consent")!;
    expect(text(consent.querySelector("h2"))).toBe("Suggest me to colleagues");
    expect(text(consent)).toContain("never a subject, a date, a message");
    const box = consent.querySelector<HTMLInputElement>("input[type=checkbox]")!;
    expect(box.checked).toBe(false);
    expect(text(consent.querySelector(`label[for="${box.id}"]`))).toBe("Colleagues may be told that I know someone");
    box.checked = true;
    box.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(status()).toBe("Colleagues may now be told that you know someone (your name and how well only)."));
    const put = calls.find((c) => c.method === "PUT" && c.path === "/api/settings")!;
    expect(put.body).toEqual({ suggestAsIntroducer: true });
    expect(box.checked).toBe(true);
  });

  it("says so, and offers no choice, when the administrator turned suggestions between colleagues off", async () => {
    await openYourData({ "GET /api/me": { body: ME }, "GET /api/settings": { body: { suggestAsIntroducer: true, organisationIntroductions: false } } });
    const consent = document.querySelector(".ns-data-consent")!;
    expect(text(consent)).toContain("Your administrator has turned off suggestions between colleagues");
    expect(consent.querySelector("input")).toBeNull();
  });

  it("local mode: shows the code that pairs the Outlook task pane, fetched from /api/local/pairing-code", async () => {
    await openYourData({ "GET /api/me": { body: ME }, "GET /api/local/pairing-code": { body: { code: "ABCDE-12345-FGHIJ" } } });
    expect(text(document.querySelector(".ns-data-pairing h2"))).toBe("Pair the Outlook task pane");
    expect(text(document.querySelector("[data-ns-pairing-code]"))).toBe("ABCDE-12345-FGHIJ");
  });

  it("is a route, reachable from the navigation, with a plain explanation and no external link", async () => {
    expect(parseRoute("#/your-data")).toEqual({ name: "your-data" });
    const nav = document.querySelector('nav[aria-label="Dashboard"]')!;
    expect(Array.from(nav.querySelectorAll("a")).map((a) => [text(a), a.getAttribute("href")])).toEqual([
      ["Your network", "#/"],
      ["How well we know you", "#/network"],
      ["Your data", "#/your-data"],
    ]);
    await openYourData({ "GET /api/me": { body: ME } });
    expect(document.documentElement.getAttribute("data-ns-view")).toBe("your-data");
    expect(text(document.querySelector("h1"))).toBe("Your data");
    expect(document.title).toBe("Your data – NetworkSync");
    expect(nav.querySelector('[aria-current="page"]')?.getAttribute("href")).toBe("#/your-data");
    const what = text(document.querySelector(".ns-data-what"));
    expect(what).toContain("Metadata only");
    expect(what).toContain("Never the body of a message");
    expect(what).toContain("3 years");
    expect(Array.from(document.querySelectorAll(".ns-data-section h2")).map(text)).toEqual(["What NetworkSync keeps", "Export my data", "Delete all my data"]);
    expect(text(document.querySelector(".ns-data-export"))).toContain("dana@contoso.example");
    expect(Array.from(document.querySelectorAll("#ns-content a")).every((a) => a.getAttribute("href")!.startsWith("#"))).toBe(true);
  });

  it("Export my data fetches the export (signed in by the session cookie) and saves it as networksync-export.json", async () => {
    const { calls, save } = await openYourData({ "GET /api/me": { body: ME }, "GET /api/me/export": { body: EXPORT } });
    const exportBtn = button(document.querySelector(".ns-data-export"), "Export my data");
    exportBtn.click();
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const [blob, filename] = save.mock.calls[0]! as [Blob, string];
    expect(filename).toBe("networksync-export.json");
    expect(JSON.parse(await blob.text())).toEqual(EXPORT);
    expect(calls.find((c) => c.path === "/api/me/export")!.headers["x-networksync-key"]).toBeUndefined();
    await vi.waitFor(() => expect(status()).toBe("Export saved as networksync-export.json (1 KB) in your downloads."));
    expect(alert()).toBe("");
  });

  it("a failed export says so and what to do", async () => {
    const { save } = await openYourData({ "GET /api/me": { body: ME }, "GET /api/me/export": { status: 500, body: { title: "Database is locked", status: 500 } } });
    button(document.querySelector(".ns-data-export"), "Export my data").click();
    await vi.waitFor(() => expect(alertParts()).toEqual(["The export failed. Database is locked", "Nothing was downloaded: try again in a moment."]));
    expect(save).not.toHaveBeenCalled();
  });

  it("Delete all my data needs the typed confirmation; cancelling deletes nothing", async () => {
    const { calls } = await openYourData({ "GET /api/me": { body: ME }, "DELETE /api/me/data": { status: 204 } });
    const del = button(document.querySelector(".ns-data-delete"), "Delete all my data…");
    del.focus();
    del.click();
    const d = dialog()!;
    expect(text(d.querySelector("h2"))).toBe("Delete all your data?");
    expect(text(d.querySelector(".ns-dialog-body"))).toContain("stops syncing your mailbox");
    d.querySelector("input")!.value = "yes";
    button(d, "Delete all my data").click();
    expect(d.open).toBe(true);
    button(d, "Cancel").click();
    await vi.waitFor(() => expect(status()).toBe("Cancelled: nothing was deleted."));
    expect(document.activeElement).toBe(del);
    del.click();
    escape(dialog()!.querySelector("input")!);
    await vi.waitFor(() => expect(dialog()).toBeNull());
    expect(calls.filter((c) => c.method === "DELETE")).toEqual([]);
    expect(document.querySelector(".ns-data-delete")).not.toBeNull();
  });

  it("after DELETE the view says the data is deleted and syncing stopped, and offers Resume syncing", async () => {
    const hold = deferred<{ status: number }>();
    const { calls } = await openYourData({ "GET /api/me": { body: ME }, "DELETE /api/me/data": { status: 204 }, "POST /api/me/resume-sync": () => hold.promise });
    button(document.querySelector(".ns-data-delete"), "Delete all my data…").click();
    dialog()!.querySelector("input")!.value = "DELETE";
    button(dialog(), "Delete all my data").click();
    await vi.waitFor(() => expect(text(document.querySelector(".ns-data-done h2"))).toBe("Your data is deleted"));
    expect(calls.filter((c) => c.method === "DELETE").map((c) => c.path)).toEqual(["/api/me/data"]);
    expect(text(document.querySelector(".ns-data-done"))).toContain("stopped syncing your mailbox");
    expect(status()).toBe("All your data is deleted and syncing is stopped.");
    expect(document.activeElement).toBe(document.querySelector(".ns-data-done h2"));
    expect(document.querySelector(".ns-data-export")).toBeNull();
    expect(text(document.getElementById("ns-me"))).toBe("");

    const resume = button(document.querySelector(".ns-data-done"), "Resume syncing");
    resume.click();
    await vi.waitFor(() => expect(resume.getAttribute("aria-disabled")).toBe("true"));
    hold.resolve({ status: 204 });
    await vi.waitFor(() => expect(text(document.querySelector(".ns-data-done h2"))).toBe("Syncing resumed"));
    expect(calls.filter((c) => c.method === "POST").map((c) => c.path)).toEqual(["/api/me/resume-sync"]);
    expect(text(document.querySelector(".ns-data-done"))).toContain("Your mailbox will sync again shortly");
    expect(status()).toBe("Syncing resumed: your mailbox will sync again shortly.");
    expect(document.activeElement).toBe(document.querySelector(".ns-data-done h2"));
  });

  it("a failed delete or resume says so and keeps the view", async () => {
    await openYourData({ "GET /api/me": { body: ME }, "DELETE /api/me/data": new TypeError("Failed to fetch") });
    button(document.querySelector(".ns-data-delete"), "Delete all my data…").click();
    dialog()!.querySelector("input")!.value = "DELETE";
    button(dialog(), "Delete all my data").click();
    await vi.waitFor(() => expect(alertParts()).toEqual([`Your data was not deleted. Can't reach NetworkSync at ${ORIGIN}. Is the service running?`, "Nothing was changed: try again in a moment."]));
    expect(document.querySelector(".ns-data-delete")).not.toBeNull();

    booted.splice(0).forEach((d) => d.stop());
    loadPage("index.html");
    await openYourData({ "GET /api/me": NO_MAILBOX, "POST /api/me/resume-sync": { status: 403, body: { title: "No signed-in user", status: 403 } } });
    button(document.querySelector(".ns-data-none"), "Resume syncing").click();
    await vi.waitFor(() => expect(alertParts()).toEqual(["Syncing did not resume. No signed-in user", "Try again in a moment."]));
    expect(document.querySelector(".ns-data-none")).not.toBeNull();
  });

  it("with no mailbox (503) it says nothing is stored and offers Resume syncing; delete then 503 too", async () => {
    const { calls } = await openYourData({ "GET /api/me": NO_MAILBOX, "POST /api/me/resume-sync": { status: 204 } });
    expect(text(document.querySelector(".ns-data-none h2"))).toBe("No data stored for you");
    expect(status()).toBe("NetworkSync holds no data for you right now.");
    button(document.querySelector(".ns-data-none"), "Resume syncing").click();
    await vi.waitFor(() => expect(text(document.querySelector(".ns-data-done h2"))).toBe("Syncing resumed"));
    expect(calls.some((c) => c.method === "POST" && c.path === "/api/me/resume-sync")).toBe(true);

    booted.splice(0).forEach((d) => d.stop());
    loadPage("index.html");
    await openYourData({ "GET /api/me": { body: ME }, "DELETE /api/me/data": NO_MAILBOX });
    button(document.querySelector(".ns-data-delete"), "Delete all my data…").click();
    dialog()!.querySelector("input")!.value = "DELETE";
    button(dialog(), "Delete all my data").click();
    await vi.waitFor(() => expect(document.querySelector(".ns-data-none")).not.toBeNull());
    expect(status()).toBe("NetworkSync holds no data for you: nothing to delete.");
    expect(alert()).toBe("");
  });

  it("elsewhere, 503 No mailbox yet shows the error with Try again and a way to resume syncing", async () => {
    fakeFetch({ "GET /api/me": NO_MAILBOX, "GET /api/contacts": NO_MAILBOX, "GET /api/followups": NO_MAILBOX });
    await bootDashboard({ clock: clock() });
    await waitForState("error");
    const box = document.querySelector("#ns-content [role=alert]")!;
    expect(text(box.querySelector(".ns-error-message"))).toBe("No mailbox yet");
    expect(text(box.querySelector(".ns-error-hint"))).toBe("If you deleted your data, syncing is stopped: resume syncing from Your data. Otherwise the first sync may still be running: try again in a minute.");
    expect(box.querySelector(".ns-error-hint a")!.getAttribute("href")).toBe("#/your-data");
    expect(Array.from(box.querySelectorAll("button")).map(text)).toEqual(["Try again"]);
  });
});
