// The web dashboard (index.html at the service's "/"): the network at a glance, the follow-up
// queue, search, a page per contact (#/contact/<address>) with charts of its history and
// "Forget this person", and the user's privacy controls (#/your-data).
import { Api, ApiError, type MergeAnswer } from "../lib/api";
import { applyFollowUp, byDue, createFollowUp, followUpAction, setMuted, type ActionHost } from "../lib/actions";
import { createAuth } from "../lib/auth";
import { historyTable, interactionsChart, legend, warmthChart } from "../lib/chart";
import { contactList, errorBox, followUpList, personCard, personName, preserveUi, runAction } from "../lib/components";
import { readConfig } from "../lib/config";
import { confirmDialog } from "../lib/dialog";
import { h, replace, uid, type Child } from "../lib/dom";
import { saveBlob } from "../lib/download";
import { describeError } from "../lib/errors";
import { alertText, announce, clearAlert, ensureShell, perfMark, setPageState, type Shell } from "../lib/shell";
import { initTheme } from "../lib/theme";
import { Clock } from "../lib/time";
import type { ContactListItem, ContactPage, FollowUp, HistoryMonth, MergeSuggestion, PersonContext } from "../lib/types";
import { knowledgeView, NETWORK_TITLE, pairKey, suggestionsView, type NetworkState } from "./network";
import { DELETE_WORD, EXPORT_FILENAME, mailboxName, yourDataView, type YourDataState } from "./your-data";

export type Route = { name: "home" } | { name: "search"; query: string } | { name: "contact"; address: string } | { name: "your-data" } | { name: "network" } | { name: "other" };

/** "#/", "#/search/<q>", "#/contact/<address>", "#/your-data", "#/network"; any other hash (e.g. "#ns-main") is not a route. */
export function parseRoute(hash: string): Route {
  if (hash === "" || hash === "#" || hash === "#/") return { name: "home" };
  if (hash === "#/your-data" || hash === "#/your-data/") return { name: "your-data" };
  if (hash === "#/network" || hash === "#/network/") return { name: "network" };
  const decode = (v: string): string => {
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  };
  let m = /^#\/contact\/(.+)$/.exec(hash);
  if (m?.[1]) return { name: "contact", address: decode(m[1]).trim().toLowerCase() };
  m = /^#\/search\/(.*)$/.exec(hash);
  if (m) return { name: "search", query: decode(m[1] ?? "") };
  if (hash.startsWith("#/")) return { name: "home" };
  return { name: "other" };
}

export const contactHref = (address: string): string => `#/contact/${encodeURIComponent(address)}`;

interface HomeState {
  kind: "home";
  warmest: ContactListItem[];
  cooling: ContactListItem[];
  dormant: ContactListItem[];
  followUps: FollowUp[];
}
interface SearchState {
  kind: "search";
  query: string;
  page: ContactPage;
}
interface ContactState {
  kind: "contact";
  person: PersonContext;
  months: HistoryMonth[];
  /** Why each of the person's other addresses is them ("address: reason"), from the contact listing. */
  mergeReasons: string[];
}
type State = HomeState | SearchState | ContactState | YourDataState | NetworkState;

/** The 503 the API answers while it holds no mailbox for the caller (also after "Delete all my data"). */
export const isNoMailbox = (e: unknown): boolean => e instanceof ApiError && e.status === 503 && e.problem?.title === "No mailbox yet";

export interface DashboardDeps {
  api: Api;
  clock?: Clock;
  win?: Window;
  /** Saves a fetched file (default: a Blob download through <a download>). */
  save?: (blob: Blob, filename: string) => void;
}

export class Dashboard {
  readonly shell: Shell;
  private readonly api: Api;
  private readonly clock: Clock;
  private readonly win: Window;
  private readonly doc: Document;
  private readonly host: ActionHost;
  private readonly save: (blob: Blob, filename: string) => void;
  private seq = 0;
  private state: State | null = null;
  private first = true;
  /** Said in the status line after the next route renders, instead of its summary ("Forgotten: …"). */
  private flash: string | null = null;

  constructor(deps: DashboardDeps) {
    this.api = deps.api;
    this.clock = deps.clock ?? new Clock();
    this.win = deps.win ?? window;
    this.doc = this.win.document;
    this.save = deps.save ?? ((blob, filename) => saveBlob(this.doc, blob, filename));
    this.shell = ensureShell(this.doc);
    this.host = {
      api: this.api,
      clock: this.clock,
      shell: this.shell,
      followUpChanged: (updated, removed) => {
        const state = this.state;
        if (state?.kind === "home") state.followUps = applyFollowUp(state.followUps, updated, removed);
        if (state?.kind === "contact") state.person.followUps = applyFollowUp(state.person.followUps, updated, removed);
        if (state?.kind === "contact") {
          const key = `person:${state.person.address}`;
          this.render(state.person.followUps.length > 0 ? `${key}:followups` : `${key}:create`);
        } else this.render("queue");
      },
      personChanged: () => this.render(),
    };
  }

  /** Wires the search form and the hash router, then shows the current route. */
  async start(): Promise<void> {
    const form = this.doc.getElementById("ns-search") as HTMLFormElement | null;
    const input = this.doc.getElementById("ns-search-input") as HTMLInputElement | null;
    form?.addEventListener("submit", (e) => {
      e.preventDefault();
      const q = input?.value.trim() ?? "";
      this.win.location.hash = q ? `#/search/${encodeURIComponent(q)}` : "#/";
    });
    this.win.addEventListener("hashchange", this.onHashChange);
    void this.loadMe();
    await this.route();
  }

  private readonly onHashChange = (): void => void this.route();

  /** Stops following the hash (a test booting another dashboard in the same window). */
  stop(): void {
    this.win.removeEventListener("hashchange", this.onHashChange);
    this.seq++; // answers still on their way are dropped
  }

  private async loadMe(): Promise<void> {
    const slot = this.doc.getElementById("ns-me");
    try {
      const me = await this.api.me();
      this.clock.sync(me.asOf);
      if (slot) slot.textContent = me.mailbox.displayName ?? me.mailbox.mail ?? "";
      this.showMissingPermissions(me.missingPermissions, me.syncProblem);
    } catch {
      // the views report errors themselves
    }
  }

  /**
   * Graph refused a permission an optional feature needs: say which, so an admin knows what to grant; and
   * while the sync itself is failing, say what to do about it.
   */
  private showMissingPermissions(missing: string[], syncProblem: string | null): void {
    const notice = this.doc.getElementById("ns-permissions");
    if (!notice) return;
    const lines = [
      ...(syncProblem ? [`Syncing failed: ${syncProblem}`] : []),
      ...(missing.length === 0 ? [] : [`Missing Graph permission: ${missing.join("; ")}. Syncing continues on the schedule.`]),
    ];
    notice.hidden = lines.length === 0;
    notice.textContent = lines.join(" ");
  }

  async route(): Promise<void> {
    const route = parseRoute(this.win.location.hash);
    if (route.name === "other") return; // an in-page anchor such as the skip link
    const seq = ++this.seq;
    clearAlert(this.shell);
    setPageState(this.doc, "loading", route.name);
    this.shell.content.setAttribute("aria-busy", "true");
    const input = this.doc.getElementById("ns-search-input") as HTMLInputElement | null;
    if (input && route.name !== "search") input.value = "";
    this.markNav(route.name);
    try {
      if (route.name === "home") {
        announce(this.shell, "Loading your network…");
        const [warmest, cooling, dormant, followUps] = await Promise.all([
          this.api.contacts({ filter: "warmest", limit: 10 }),
          this.api.contacts({ filter: "cooling", limit: 10 }),
          this.api.contacts({ filter: "dormant", limit: 10 }),
          this.api.followUps(),
        ]);
        if (seq !== this.seq) return;
        this.state = { kind: "home", warmest: warmest.items, cooling: cooling.items, dormant: dormant.items, followUps: [...followUps].sort(byDue) };
      } else if (route.name === "search") {
        if (input) input.value = route.query;
        announce(this.shell, `Searching for ${route.query}…`);
        const page = await this.api.contacts({ search: route.query, limit: 50 });
        if (seq !== this.seq) return;
        this.state = { kind: "search", query: route.query, page };
      } else if (route.name === "your-data") {
        announce(this.shell, "Loading your data…");
        let mailbox: YourDataState["mailbox"] = null;
        try {
          mailbox = (await this.api.me()).mailbox;
        } catch (e) {
          if (!isNoMailbox(e)) throw e; // no mailbox: the view offers to resume syncing
        }
        // The pairing code is a convenience on this page: without it the rest of the view still works.
        const pairingCode = this.api.auth.mode === "local" ? await this.api.pairingCode().catch(() => null) : null;
        if (seq !== this.seq) return;
        this.state = { kind: "your-data", mailbox, phase: mailbox ? "stored" : "none", pairingCode };
      } else if (route.name === "network") {
        announce(this.shell, "Loading how well NetworkSync knows your network…");
        const [knowledge, suggestions] = await Promise.all([this.api.networkKnowledge(), this.api.mergeSuggestions()]);
        if (seq !== this.seq) return;
        this.state = { kind: "network", knowledge, suggestions, answered: {} };
      } else {
        announce(this.shell, "Loading relationship context…");
        const [person, months] = await Promise.all([this.api.context(route.address), this.api.history(route.address)]);
        const mergeReasons = person.otherAddresses.length > 0 ? await this.mergeReasonsOf(person.address) : [];
        if (seq !== this.seq) return;
        this.state = { kind: "contact", person, months, mergeReasons };
      }
      this.render();
      this.shell.content.removeAttribute("aria-busy");
      announce(this.shell, this.flash ?? this.summary());
      this.flash = null;
      setPageState(this.doc, "ready");
      perfMark("ns:rendered");
      if (!this.first) (this.shell.content.querySelector("h1") as HTMLElement | null)?.focus();
      this.first = false;
    } catch (e) {
      if (seq !== this.seq) return;
      this.showError(e);
    }
  }

  private summary(): string {
    const s = this.state;
    if (!s) return "";
    if (s.kind === "home") return `Your network: ${s.followUps.length} open follow-ups.`;
    if (s.kind === "search") return `${s.page.total} ${s.page.total === 1 ? "contact matches" : "contacts match"} “${s.query}”.`;
    if (s.kind === "your-data") return s.phase === "none" ? "NetworkSync holds no data for you right now." : "Your data: export it or delete it.";
    if (s.kind === "network") return `${NETWORK_TITLE}: ${s.suggestions.length} ${s.suggestions.length === 1 ? "merge suggestion" : "merge suggestions"}.`;
    return `Relationship with ${personName(s.person)}.`;
  }

  private showError(error: unknown): void {
    const view = describeError(error, this.api.base, this.api.auth.mode);
    this.shell.content.removeAttribute("aria-busy");
    announce(this.shell, this.flash ?? ""); // an action that succeeded before this view failed still says so
    this.flash = null;
    const retry = h("button", { type: "button", class: "ns-btn" }, "Try again");
    retry.addEventListener("click", () => void this.route());
    const buttons = [retry];
    if (view.signIn) {
      const signIn = h("button", { type: "button", class: "ns-btn ns-btn-primary" }, "Sign in");
      signIn.addEventListener("click", () =>
        void runAction(signIn, async () => {
          await this.api.signIn();
          await this.route();
        }, (e) => this.showError(e)),
      );
      buttons.unshift(signIn);
    }
    const box = errorBox(view.message, view.detail, buttons);
    if (isNoMailbox(error)) {
      // After "Delete all my data" every call answers this until syncing resumes: say where to resume it.
      box.insertBefore(
        h("p", { class: "ns-error-hint" }, "If you deleted your data, syncing is stopped: ", h("a", { href: "#/your-data" }, "resume syncing from Your data"), ". Otherwise the first sync may still be running: try again in a minute."),
        box.querySelector(".ns-error-actions"),
      );
    }
    replace(this.shell.content, h("h1", { class: "ns-view-title", tabindex: -1 }, "NetworkSync"), box);
    setPageState(this.doc, "error");
    this.doc.title = "Error – NetworkSync";
  }

  private render(fallbackFocus?: string | null): void {
    const state = this.state;
    if (!state) return;
    preserveUi(
      this.shell.content,
      () => {
        if (state.kind === "home") this.renderHome(state);
        else if (state.kind === "search") this.renderSearch(state);
        else if (state.kind === "your-data") this.renderYourData(state);
        else if (state.kind === "network") this.renderNetwork(state);
        else this.renderContact(state);
      },
      fallbackFocus,
    );
  }

  private section(title: string, body: Child, cls = "", focusKey?: string): HTMLElement {
    const id = uid("sec");
    return h("section", { class: `ns-panel ${cls}`, "aria-labelledby": id }, h("h2", { id, class: "ns-section-title", tabindex: -1, "data-focus-key": focusKey ?? null }, title), body);
  }

  private renderHome(state: HomeState): void {
    const now = this.clock.now();
    const opts = { now, href: contactHref };
    this.doc.title = "NetworkSync";
    replace(
      this.shell.content,
      h("h1", { class: "ns-view-title", tabindex: -1 }, "Your network at a glance"),
      h(
        "div",
        { class: "ns-grid" },
        this.section("Warmest relationships", contactList(state.warmest, { ...opts, emptyText: "No relationships yet: the first sync may still be running." }), "ns-warmest"),
        this.section("Cooling", contactList(state.cooling, { ...opts, emptyText: "Nothing is cooling right now." }), "ns-cooling"),
        this.section("Dormant", contactList(state.dormant, { ...opts, emptyText: "No dormant relationships." }), "ns-dormant"),
        this.section(
          `Follow-up queue (${state.followUps.length})`,
          followUpList(state.followUps, now, { onAction: (verb, fu, button) => void followUpAction(this.host, verb, fu, button, null) }, "queue"),
          "ns-queue",
          "queue",
        ),
      ),
    );
  }

  private renderSearch(state: SearchState): void {
    this.doc.title = `Search: ${state.query} – NetworkSync`;
    const { total, items } = state.page;
    replace(
      this.shell.content,
      h("h1", { class: "ns-view-title", tabindex: -1 }, `Contacts matching “${state.query}”`),
      h("p", { class: "ns-subject" }, total > items.length ? `Showing ${items.length} of ${total}.` : `${total} ${total === 1 ? "contact" : "contacts"}.`),
      contactList(items, { now: this.clock.now(), href: contactHref, emptyText: "No contact matches that search." }),
    );
  }

  private renderContact(state: ContactState): void {
    const p = state.person;
    const name = personName(p);
    this.doc.title = `${name} – NetworkSync`;
    const card = personCard(p, {
      now: this.clock.now(),
      headingLevel: 1,
      onFollowUp: (verb, fu, button) => void followUpAction(this.host, verb, fu, button, p.address),
      onCreateFollowUp: (person, button) => void createFollowUp(this.host, person, null, button),
      onMute: (person, muted, button) => void setMuted(this.host, person, muted, null, button),
    });
    const months = state.months;
    const hasData = months.some((m) => m.sent + m.received + m.meetings > 0 || m.warmth > 0);
    replace(
      this.shell.content,
      h("p", { class: "ns-back" }, h("a", { href: "#/" }, "← Back to your network")),
      h(
        "div",
        { class: "ns-contact-page" },
        h("div", { class: "ns-contact-side" }, card, this.alsoKnownAs(p, state.mergeReasons), this.forgetSection(p)),
        h(
          "div",
          { class: "ns-charts" },
          hasData
            ? [
                this.section("Monthly interactions", h("figure", { class: "ns-figure" }, interactionsChart(months, name), h("figcaption", null, legend()))),
                this.section("Warmth history", h("figure", { class: "ns-figure" }, warmthChart(months, name))),
                h("details", { class: "ns-more ns-table-wrap", "data-open-key": "history-table" }, h("summary", null, "Show the history as a table"), historyTable(months, name)),
              ]
            : this.section("History", h("p", { class: "ns-empty" }, "No history with this address in the last 24 months.")),
        ),
      ),
    );
  }

  private markNav(route: string): void {
    for (const a of navLinks(this.doc)) {
      if (a.getAttribute("data-nav") === route) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
  }

  /** Says what failed and what to do, in the alert region. */
  private failed(error: unknown, what: string, otherwise: string): void {
    const view = describeError(error, this.api.base, this.api.auth.mode);
    alertText(this.shell, `${what} ${view.message}`, view.detail ? `${view.detail} ${otherwise}` : otherwise);
  }

  // ---- merged addresses (contact page) ----

  /** The listing's mergeReasons for the person known under `address` (the context answer carries none); [] when not found. */
  private async mergeReasonsOf(address: string): Promise<string[]> {
    try {
      const page = await this.api.contacts({ search: address, limit: 50 });
      return page.items.find((c) => c.address === address)?.mergeReasons ?? [];
    } catch {
      return []; // the addresses still show, without why
    }
  }

  /** A merged person: each other address and why NetworkSync counts it as this person. */
  private alsoKnownAs(p: PersonContext, reasons: string[]): HTMLElement | null {
    if (p.otherAddresses.length === 0) return null;
    const why = (address: string): string | null => {
      const r = reasons.find((x) => x.toLowerCase().startsWith(`${address}:`));
      return r ? r.slice(address.length + 1).trim() : null;
    };
    return this.section(
      "Also known as",
      h(
        "ul",
        { class: "ns-aliases" },
        p.otherAddresses.map((a) => {
          const reason = why(a);
          return h("li", { "data-address": a }, h("span", { class: "ns-merge-address" }, a), reason ? h("span", { class: "ns-alias-why" }, `: ${reason}`) : null);
        }),
      ),
      "ns-also-known",
    );
  }

  // ---- how well NetworkSync knows your network ----

  private renderNetwork(state: NetworkState): void {
    this.doc.title = `${NETWORK_TITLE} – NetworkSync`;
    const on = {
      now: this.clock.now(),
      onAnswer: (s: MergeSuggestion, answer: MergeAnswer, b: HTMLButtonElement) => void this.answerMerge(state, s, answer, b, true),
      onUndo: (s: MergeSuggestion, answer: MergeAnswer, b: HTMLButtonElement) => void this.answerMerge(state, s, answer, b, false),
    };
    replace(
      this.shell.content,
      h("h1", { class: "ns-view-title", tabindex: -1 }, NETWORK_TITLE),
      h(
        "div",
        { class: "ns-data ns-network" },
        this.section("Ranking the people you'll write to next", knowledgeView(state.knowledge), "ns-knowledge"),
        this.section(`Same name, maybe the same person (${state.suggestions.length})`, suggestionsView(state, on), "ns-suggestions", "suggestions"),
      ),
    );
  }

  /** "Same person" / "Keep apart" (set), or Undo (withdraw): stored at once, said in the status line, focus kept on the pair. */
  async answerMerge(state: NetworkState, s: MergeSuggestion, answer: MergeAnswer, button: HTMLButtonElement, set: boolean): Promise<void> {
    const name = s.displayName ?? s.address;
    const key = pairKey(s);
    await runAction(
      button,
      async () => {
        await this.api.answerMerge(answer, s.address, s.otherAddress, set);
        if (set) state.answered[key] = answer;
        else delete state.answered[key];
        clearAlert(this.shell);
        this.render(set ? `merge:${key}:undo` : `merge:${key}:${answer}`);
        announce(
          this.shell,
          !set ? `Undone: NetworkSync asks again about ${name}.` : answer === "same" ? `Merged: ${s.address} and ${s.otherAddress} are now one person.` : `Kept apart: ${s.address} and ${s.otherAddress} stay two people.`,
        );
      },
      (e) => {
        announce(this.shell, "");
        this.failed(e, set ? `Your answer about ${name} was not saved.` : `Your answer about ${name} was not undone.`, "Nothing was changed: try again in a moment.");
      },
    );
  }

  // ---- forget a person (contact page) ----

  private forgetSection(p: PersonContext): HTMLElement {
    const name = personName(p);
    const button = h("button", { type: "button", class: "ns-btn ns-btn-danger-outline", "data-focus-key": `person:${p.address}:forget` }, "Forget this person…");
    button.addEventListener("click", () => void this.forget(p, button));
    return this.section(
      "Privacy",
      [h("p", null, `Forgetting removes ${name} from everything NetworkSync stores for you, and NetworkSync never stores them again.`), h("div", { class: "ns-data-actions" }, button)],
      "ns-privacy",
    );
  }

  async forget(p: PersonContext, button: HTMLButtonElement): Promise<void> {
    if (button.getAttribute("aria-disabled") === "true") return;
    const name = personName(p);
    const who = name === p.address ? name : `${name} (${p.address})`;
    const ok = await confirmDialog(this.doc, {
      title: `Forget ${name}?`,
      body: [
        h("p", null, `NetworkSync removes ${who} from every stored message and meeting (a message or meeting with no one else left is deleted), deletes your follow-ups with them, and never stores them again. Other addresses NetworkSync knows as the same person are forgotten too.`),
        h("p", null, "This cannot be undone."),
      ],
      confirmLabel: `Forget ${name}`,
      returnFocus: button,
    });
    if (!ok) {
      announce(this.shell, `Cancelled: ${name} was not forgotten.`);
      return;
    }
    await runAction(
      button,
      async () => {
        announce(this.shell, `Forgetting ${name}…`);
        await this.api.forgetContact(p.address);
        clearAlert(this.shell);
        this.flash = `Forgotten: ${who} will not be stored again.`;
        this.win.location.hash = "#/";
      },
      (e) => {
        announce(this.shell, "");
        this.failed(e, `${name} was not forgotten.`, "Nothing was changed: try again, or reload the page if it keeps failing.");
      },
    );
  }

  // ---- your data ----

  private renderYourData(state: YourDataState): void {
    this.doc.title = "Your data – NetworkSync";
    replace(
      this.shell.content,
      ...yourDataView(state, {
        onExport: (b) => void this.exportData(b),
        onDelete: (b) => void this.deleteAll(state, b),
        onResume: (b) => void this.resume(state, b),
      }),
    );
  }

  async exportData(button: HTMLButtonElement): Promise<void> {
    await runAction(
      button,
      async () => {
        announce(this.shell, "Preparing your export…");
        const blob = await this.api.exportMyData();
        this.save(blob, EXPORT_FILENAME);
        clearAlert(this.shell);
        const kb = Math.max(1, Math.round(blob.size / 1024));
        announce(this.shell, `Export saved as ${EXPORT_FILENAME} (${kb} KB) in your downloads.`);
      },
      (e) => {
        announce(this.shell, "");
        this.failed(e, "The export failed.", "Nothing was downloaded: try again in a moment.");
      },
    );
  }

  async deleteAll(state: YourDataState, button: HTMLButtonElement): Promise<void> {
    if (button.getAttribute("aria-disabled") === "true") return;
    const ok = await confirmDialog(this.doc, {
      title: "Delete all your data?",
      body: [
        h("p", null, `NetworkSync deletes everything it stores for ${mailboxName(state.mailbox)}, with the To Do tasks it wrote, and stops syncing your mailbox until you resume.`),
        h("p", null, "This cannot be undone."),
      ],
      confirmLabel: "Delete all my data",
      typeToConfirm: DELETE_WORD,
      returnFocus: button,
    });
    if (!ok) {
      announce(this.shell, "Cancelled: nothing was deleted.");
      return;
    }
    await runAction(
      button,
      async () => {
        announce(this.shell, "Deleting all your data…");
        try {
          await this.api.deleteMyData();
        } catch (e) {
          if (!isNoMailbox(e)) throw e;
          state.phase = "none"; // nothing stored (already deleted): say so and offer to resume
          clearAlert(this.shell);
          this.render("none");
          announce(this.shell, "NetworkSync holds no data for you: nothing to delete.");
          return;
        }
        state.phase = "deleted";
        clearAlert(this.shell);
        const me = this.doc.getElementById("ns-me");
        if (me) me.textContent = "";
        this.render("done");
        announce(this.shell, "All your data is deleted and syncing is stopped.");
      },
      (e) => {
        announce(this.shell, "");
        this.failed(e, "Your data was not deleted.", "Nothing was changed: try again in a moment.");
      },
    );
  }

  async resume(state: YourDataState, button: HTMLButtonElement): Promise<void> {
    await runAction(
      button,
      async () => {
        announce(this.shell, "Resuming syncing…");
        await this.api.resumeSync();
        state.phase = "resumed";
        clearAlert(this.shell);
        this.render("resumed");
        announce(this.shell, "Syncing resumed: your mailbox will sync again shortly.");
      },
      (e) => {
        announce(this.shell, "");
        this.failed(e, "Syncing did not resume.", "Try again in a moment.");
      },
    );
  }
}

/** Marks the top bar's link for the current view with aria-current="page". */
function navLinks(doc: Document): HTMLAnchorElement[] {
  return Array.from(doc.querySelectorAll<HTMLAnchorElement>(".ns-nav a[data-nav]"));
}

export async function bootDashboard(opts: { api?: Api; clock?: Clock; win?: Window; save?: DashboardDeps["save"] } = {}): Promise<Dashboard> {
  const win = opts.win ?? window;
  const config = readConfig(win.document, win.location);
  const api = opts.api ?? new Api(config.apiBase, createAuth(config));
  initTheme(null, win);
  const dashboard = new Dashboard({ api, clock: opts.clock, win, save: opts.save });
  await dashboard.start();
  return dashboard;
}
