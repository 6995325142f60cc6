// Test helpers: the real HTML pages in happy-dom, a recording fake fetch, an Office mock built
// with office-addin-mock, and sample API data.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OfficeMockObject } from "office-addin-mock";
import { expect, vi } from "vitest";
import { Api } from "../src/lib/api";
import { createAuth } from "../src/lib/auth";
import { readConfig } from "../src/lib/config";
import type { PairingStore } from "../src/lib/pairing";
import type { OfficeLike } from "../src/pane/pane";

export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ORIGIN = "https://localhost:5180";
/** The paired task pane's code (local mode): kept in the fake Outlook's roaming settings. */
export const KEY = "TEST1-KEY7F-3A000";

/** A pairing store holding `code` (what the pane keeps in Outlook's roaming settings). */
export function pairedWith(code: string | null): PairingStore {
  let held = code;
  return {
    get: () => held,
    save: async (c) => {
      held = c;
    },
  };
}

/** Puts a page's <body> (src/<file>) into the test document, with the given meta tags (local mode: none). */
export function loadPage(file: "taskpane.html" | "index.html", metas: Record<string, string> = {}): void {
  const html = readFileSync(path.join(root, "src", file), "utf8");
  const parsed = new DOMParser().parseFromString(html, "text/html");
  document.head.replaceChildren();
  for (const [name, content] of Object.entries(metas)) {
    const m = document.createElement("meta");
    m.setAttribute("name", name);
    m.setAttribute("content", content);
    document.head.appendChild(m);
  }
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
  document.documentElement.removeAttribute("data-ns-state");
  document.documentElement.removeAttribute("data-ns-view");
  document.documentElement.setAttribute("data-theme", "light");
}

export interface Call {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Reply = { status?: number; body?: unknown; problem?: boolean } | Error | (() => Promise<Reply> | Reply);

/**
 * A fake fetch answering "METHOD /path?query" routes (exact match first, then without the query).
 * Unknown routes answer 404 Problem Details. Every call is recorded.
 */
export function fakeFetch(routes: Record<string, Reply>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    const method = (init.method ?? "GET").toUpperCase();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((init.headers ?? {}) as Record<string, string>)) headers[k.toLowerCase()] = v;
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const pathWithQuery = url.pathname + url.search;
    calls.push({ method, url: input, path: pathWithQuery, headers, body });
    let reply: Reply | undefined = routes[`${method} ${pathWithQuery}`] ?? routes[`${method} ${url.pathname}`];
    while (typeof reply === "function") reply = await reply();
    if (reply instanceof Error) throw reply;
    if (!reply) return json(404, { title: "Not found", status: 404 }, true);
    if (reply.status === 204) return new Response(null, { status: 204 });
    return json(reply.status ?? 200, reply.body, reply.problem ?? (reply.status ?? 200) >= 400);
  });
  vi.stubGlobal("fetch", fn);
  return { fn, calls };
}

function json(status: number, body: unknown, problem: boolean): Response {
  return new Response(body === undefined ? "" : JSON.stringify(body), {
    status,
    headers: { "content-type": problem ? "application/problem+json" : "application/json" },
  });
}

/** A promise with its resolver, to hold a request open. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export function apiFromPage(): Api {
  const config = readConfig(document, location);
  return new Api(config.apiBase, createAuth(config));
}

export interface FakeItem {
  subject?: string;
  from?: { emailAddress: string; displayName: string };
  to?: { emailAddress: string; displayName: string }[];
  cc?: { emailAddress: string; displayName: string }[];
}

export interface OfficeHarness {
  office: OfficeLike;
  mock: OfficeMockObject;
  handlers: Map<unknown, (args?: unknown) => void>;
  setItem(item: FakeItem | null): void;
  roaming: Record<string, unknown>;
}

/** Office.context.mailbox with an item (and roaming settings holding the pairing code), built with office-addin-mock's OfficeMockObject. */
export function officeWith(item: FakeItem | null, theme?: { bodyBackgroundColor: string }, pairingCode: string | null = KEY): OfficeHarness {
  const handlers = new Map<unknown, (args?: unknown) => void>();
  const roaming: Record<string, unknown> = pairingCode ? { "networksync-pairing-code": pairingCode } : {};
  const data: Record<string, unknown> = {
    host: "outlook",
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: "Outlook", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    EventType: { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      mailbox: {
        item: { subject: "placeholder" },
        addHandlerAsync: (type: unknown, handler: (args?: unknown) => void, callback?: (r: unknown) => void) => {
          handlers.set(type, handler);
          callback?.({ status: "succeeded" });
        },
      },
      roamingSettings: {
        get: (name: string) => roaming[name],
        set: (name: string, value: unknown) => {
          roaming[name] = value;
        },
        saveAsync: (cb?: (r: unknown) => void) => cb?.({ status: "succeeded" }),
      },
      ...(theme ? { officeTheme: theme } : {}),
    },
  };
  const mock = new OfficeMockObject(data);
  const mailbox = (mock as unknown as { context: { mailbox: Record<string, unknown> } }).context.mailbox;
  const setItem = (next: FakeItem | null): void => {
    mailbox.item = next === null ? null : new OfficeMockObject(next as Record<string, unknown>, "outlook" as never);
  };
  setItem(item);
  return { office: mock as unknown as OfficeLike, mock, handlers, setItem, roaming };
}

export async function waitForState(state: "ready" | "error"): Promise<void> {
  await vi.waitFor(() => expect(document.documentElement.getAttribute("data-ns-state")).toBe(state), { timeout: 2000, interval: 5 });
}

// ---- sample data -----------------------------------------------------------------------------

export const AS_OF = "2026-06-01T12:00:00Z";

export function followUp(over: Record<string, unknown> = {}) {
  return {
    id: "fu_1",
    kind: "after-meeting",
    eventId: "AAMk1",
    contacts: ["ana.abe@contoso.example"],
    title: "Follow up with Ana Abe after 'Proposal review'",
    due: "2026-06-02T16:00:00Z",
    status: "open",
    snoozedUntil: null,
    createdAt: "2026-05-30T10:00:00Z",
    completedAt: null,
    resolution: null,
    meeting: { subject: "Proposal review", start: "2026-05-30T14:00:00Z", end: "2026-05-30T15:00:00Z" },
    briefing: null,
    ...over,
  };
}

export function person(over: Record<string, unknown> = {}) {
  const flags = { dormant: false, cooling: false, firstContact: false, owesReply: false, muted: false, automated: false, ...((over.flags as object) ?? {}) };
  return {
    address: "ana.abe@contoso.example",
    displayName: "Ana Abe",
    known: true,
    warmth: 73.5,
    tier: "hot",
    reasons: ["you meet often", "16 two-way threads in the last 90 days"],
    lastContact: "2026-05-30T14:02:00Z",
    lastInbound: "2026-05-30T14:02:00Z",
    lastOutbound: "2026-05-29T09:00:00Z",
    lastMeeting: null,
    interactions: { sent: 12, received: 9, meetings: 2 },
    timeline: [
      { at: "2026-05-30T14:02:00Z", kind: "received", subject: "Re: proposal" },
      { at: "2026-05-29T09:00:00Z", kind: "sent", subject: "Proposal" },
    ],
    meetings: { upcoming: [{ id: "m1", subject: "Kick-off", start: "2026-06-03T09:00:00Z", end: "2026-06-03T10:00:00Z" }], recent: [] },
    followUps: [],
    ...over,
    flags,
  };
}

export function unknownPerson(address: string) {
  return person({
    address,
    displayName: null,
    known: false,
    warmth: 0,
    tier: "cold",
    reasons: [],
    lastContact: null,
    lastInbound: null,
    lastOutbound: null,
    interactions: { sent: 0, received: 0, meetings: 0 },
    timeline: [],
    meetings: { upcoming: [], recent: [] },
    flags: { firstContact: true },
  });
}

export function contact(over: Record<string, unknown> = {}) {
  return {
    address: "ana.abe@contoso.example",
    displayName: "Ana Abe",
    warmth: 73.5,
    tier: "hot",
    reasons: ["you meet often"],
    lastContact: "2026-05-30T14:02:00Z",
    lastInbound: null,
    lastOutbound: null,
    lastMeeting: null,
    dormant: false,
    cooling: false,
    muted: false,
    interactions: { sent: 12, received: 9, meetings: 2 },
    ...over,
  };
}

export function page(items: unknown[]) {
  return { total: items.length, offset: 0, limit: 5, items };
}

/** Text of an element with whitespace collapsed. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? "").replace(/\s+/g, " ").trim();
}
