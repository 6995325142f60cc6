// The web dashboard (index.html at the service's "/"): wiring only. The routes are in router.ts and
// each view in its own module: home (#/), search (#/search/<q>), contact (#/contact/<address>),
// your-data (#/your-data) and network (#/network); lib/view.ts holds the lifecycle they share.
import { Api } from "../lib/api";
import { applyFollowUp, type ActionHost } from "../lib/actions";
import { createAuth } from "../lib/auth";
import { preserveUi } from "../lib/components";
import { readConfig } from "../lib/config";
import { h } from "../lib/dom";
import { saveBlob } from "../lib/download";
import { clearAlert, ensureShell, type Shell } from "../lib/shell";
import { initTheme } from "../lib/theme";
import { Clock } from "../lib/time";
import { ViewController } from "../lib/view";
import { contactSummary, loadContact, renderContact, type ContactState } from "./contact";
import { isNoMailbox, type DashboardContext } from "./context";
import { homeSummary, loadHome, renderHome, type HomeState } from "./home";
import { loadNetwork, networkSummary, renderNetwork, type NetworkState } from "./network";
import { markNav, parseRoute, searchHref, type Route } from "./router";
import { loadSearch, renderSearch, searchSummary, type SearchState } from "./search";
import { loadYourData, renderYourData, yourDataSummary, type YourDataState } from "./your-data";

export { contactHref, parseRoute, type Route } from "./router";
export { isNoMailbox } from "./context";

type State = HomeState | SearchState | ContactState | YourDataState | NetworkState;

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
  private readonly win: Window;
  private readonly doc: Document;
  private readonly ctx: DashboardContext;
  private readonly view: ViewController;
  private state: State | null = null;
  private first = true;
  /** Said in the status line after the next route renders, instead of its summary ("Forgotten: …"). */
  private flash: string | null = null;

  constructor(deps: DashboardDeps) {
    this.api = deps.api;
    const clock = deps.clock ?? new Clock();
    this.win = deps.win ?? window;
    this.doc = this.win.document;
    this.shell = ensureShell(this.doc);
    const save = deps.save ?? ((blob: Blob, filename: string) => saveBlob(this.doc, blob, filename));
    const host: ActionHost = {
      api: this.api,
      clock,
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
    this.ctx = {
      api: this.api,
      clock,
      win: this.win,
      doc: this.doc,
      shell: this.shell,
      host,
      save,
      render: (fallbackFocus) => this.render(fallbackFocus),
      flashNext: (text) => {
        this.flash = text;
      },
    };
    this.view = new ViewController({ doc: this.doc, shell: this.shell, api: this.api, reload: () => this.route(), errorExtras: (e) => this.errorExtras(e) });
  }

  /** Wires the search form and the hash router, then shows the current route. */
  async start(): Promise<void> {
    const form = this.doc.getElementById("ns-search") as HTMLFormElement | null;
    const input = this.searchInput();
    form?.addEventListener("submit", (e) => {
      e.preventDefault();
      this.win.location.hash = searchHref(input?.value.trim() ?? "");
    });
    this.win.addEventListener("hashchange", this.onHashChange);
    void this.loadMe();
    await this.route();
  }

  private readonly onHashChange = (): void => void this.route();

  /** Stops following the hash (a test booting another dashboard in the same window). */
  stop(): void {
    this.win.removeEventListener("hashchange", this.onHashChange);
    this.view.cancel(); // answers still on their way are dropped
  }

  private searchInput(): HTMLInputElement | null {
    return this.doc.getElementById("ns-search-input") as HTMLInputElement | null;
  }

  private async loadMe(): Promise<void> {
    const slot = this.doc.getElementById("ns-me");
    try {
      const me = await this.api.me();
      this.ctx.clock.sync(me.asOf);
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
    const seq = this.view.begin();
    clearAlert(this.shell);
    this.view.loading(route.name, null);
    const input = this.searchInput();
    if (input) input.value = route.name === "search" ? route.query : "";
    markNav(this.doc, route.name);
    try {
      const state = await this.load(route);
      if (!this.view.isCurrent(seq)) return;
      this.state = state;
      this.render();
      this.view.rendered(this.flash ?? this.summary(state));
      this.flash = null;
      if (!this.first) (this.shell.content.querySelector("h1") as HTMLElement | null)?.focus();
      this.first = false;
    } catch (e) {
      if (this.view.isCurrent(seq)) this.view.showError(e);
    }
  }

  private load(route: Exclude<Route, { name: "other" }>): Promise<State> {
    switch (route.name) {
      case "home":
        return loadHome(this.ctx);
      case "search":
        return loadSearch(this.ctx, route.query);
      case "your-data":
        return loadYourData(this.ctx);
      case "network":
        return loadNetwork(this.ctx);
      case "contact":
        return loadContact(this.ctx, route.address);
    }
  }

  private summary(s: State): string {
    switch (s.kind) {
      case "home":
        return homeSummary(s);
      case "search":
        return searchSummary(s);
      case "your-data":
        return yourDataSummary(s);
      case "network":
        return networkSummary(s);
      case "contact":
        return contactSummary(s);
    }
  }

  /** The dashboard's error page: its heading and title, and where to resume when the caller has no mailbox. */
  private errorExtras(error: unknown): { status: string; heading: HTMLElement; hint: HTMLElement | null; title: string } {
    const status = this.flash ?? ""; // an action that succeeded before this view failed still says so
    this.flash = null;
    // After "Delete all my data" every call answers this until syncing resumes: say where to resume it.
    const hint = isNoMailbox(error)
      ? h("p", { class: "ns-error-hint" }, "If you deleted your data, syncing is stopped: ", h("a", { href: "#/your-data" }, "resume syncing from Your data"), ". Otherwise the first sync may still be running: try again in a minute.")
      : null;
    return { status, heading: h("h1", { class: "ns-view-title", tabindex: -1 }, "NetworkSync"), hint, title: "Error – NetworkSync" };
  }

  private render(fallbackFocus?: string | null): void {
    const state = this.state;
    if (!state) return;
    const ctx = this.ctx;
    preserveUi(
      this.shell.content,
      () => {
        if (state.kind === "home") renderHome(ctx, state);
        else if (state.kind === "search") renderSearch(ctx, state);
        else if (state.kind === "your-data") renderYourData(ctx, state);
        else if (state.kind === "network") renderNetwork(ctx, state);
        else renderContact(ctx, state);
      },
      fallbackFocus,
    );
  }
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
