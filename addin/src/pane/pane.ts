// The task pane: relationship context for everyone on the open message, following the selected
// item when pinned (ItemChanged), and the network overview when no item is selected.
import { Api } from "../lib/api";
import { createAuth } from "../lib/auth";
import { applyFollowUp, byDue, createFollowUp, followUpAction, setMuted, type ActionHost } from "../lib/actions";
import { contactList, followUpList, personRow, preserveUi, todosOf, whatToDoNow, type FollowUpVerb, type Todo } from "../lib/components";
import { readConfig } from "../lib/config";
import { roamingPairing, type RoamingSettingsLike } from "../lib/pairing";
import { h, replace, uid } from "../lib/dom";
import { announce, clearAlert, ensureShell, perfMark, perfMeasure, setPageState, type Shell } from "../lib/shell";
import { initTheme, type ThemeOffice } from "../lib/theme";
import { Clock } from "../lib/time";
import type { ContactListItem, FollowUp, PersonContext } from "../lib/types";
import { section, ViewController } from "../lib/view";
import { peopleOnItem, type ItemLike, type ItemPeople } from "./item";

export const LOADING_TEXT = "Loading relationship context…";
export const ITEM_CHANGED = "olkItemSelectedChanged"; // Office.EventType.ItemChanged's value

export interface MailboxLike {
  item?: ItemLike | null;
  addHandlerAsync?: (type: unknown, handler: (args?: unknown) => void, ...rest: unknown[]) => void;
}

export interface OfficeLike extends ThemeOffice {
  onReady?: (callback?: (info: unknown) => void) => unknown;
  context?: (NonNullable<ThemeOffice["context"]> & { mailbox?: MailboxLike | null }) | null;
  EventType?: Record<string, unknown>;
  AsyncResultStatus?: Record<string, unknown>;
}

export interface PaneDeps {
  office: OfficeLike | null;
  api: Api;
  clock?: Clock;
  doc?: Document;
  /** Base URL of the dashboard (links open it in a new window). */
  dashboardUrl?: string;
}

interface ItemState {
  kind: "item";
  people: PersonContext[];
  onItem: ItemPeople;
  subject: string | null;
  appointment: boolean;
  /** The addresses whose rows are open; a lone person's row starts open (there is room for it). */
  expanded: Set<string>;
}

interface OverviewState {
  kind: "overview";
  warmest: ContactListItem[];
  cooling: ContactListItem[];
  followUps: FollowUp[];
}

interface Measure {
  seq: number;
  name: string;
  start: string;
}

const byWarmth = (a: PersonContext, b: PersonContext): number => b.warmth - a.warmth;

export class Pane {
  readonly shell: Shell;
  private readonly doc: Document;
  private readonly clock: Clock;
  private readonly api: Api;
  private readonly office: OfficeLike | null;
  private readonly dashboardUrl: string;
  private readonly view: ViewController;
  private state: ItemState | OverviewState | null = null;
  private measure: Measure | null = null;

  constructor(deps: PaneDeps) {
    this.doc = deps.doc ?? document;
    this.office = deps.office;
    this.api = deps.api;
    this.clock = deps.clock ?? new Clock();
    this.dashboardUrl = deps.dashboardUrl ?? `${deps.api.base}/`;
    this.shell = ensureShell(this.doc);
    this.view = new ViewController({ doc: this.doc, shell: this.shell, api: this.api, reload: () => this.show(), pairing: true });
    this.host = this.makeHost();
  }

  private mailbox(): MailboxLike | null {
    return this.office?.context?.mailbox ?? null;
  }

  /** Registers for ItemChanged so a pinned pane follows the selection. */
  listen(): void {
    const mailbox = this.mailbox();
    if (typeof mailbox?.addHandlerAsync !== "function") return;
    const type = this.office?.EventType?.ItemChanged ?? ITEM_CHANGED;
    try {
      mailbox.addHandlerAsync(type, this.onItemChanged, (result: unknown) => {
        const r = result as { status?: unknown; error?: { message?: string } } | undefined;
        if (r?.status === (this.office?.AsyncResultStatus?.Failed ?? "failed")) {
          console.warn("NetworkSync: could not follow the selected item", r.error?.message);
        }
      });
    } catch (e) {
      console.warn("NetworkSync: could not follow the selected item", e);
    }
  }

  readonly onItemChanged = (): void => {
    perfMark("ns:item-changed");
    void this.show({ name: "ns:item-to-render", start: "ns:item-changed" });
  };

  /** Shows the open item (or the overview when none); resolves once rendered. */
  async show(measure?: { name: string; start: string }): Promise<void> {
    const seq = this.view.begin();
    this.measure = measure ? { seq, ...measure } : null;
    clearAlert(this.shell);
    const item = this.mailbox()?.item ?? null;
    if (!item) return this.showOverview(seq);
    return this.showItem(item, seq);
  }

  private rendered(seq: number): void {
    this.view.rendered();
    if (this.measure && this.measure.seq === seq) {
      perfMeasure(this.measure.name, this.measure.start, "ns:rendered");
      this.measure = null;
    }
  }

  // ---- the open item ----------------------------------------------------------------------

  private async showItem(item: ItemLike, seq: number): Promise<void> {
    const onItem = peopleOnItem(item);
    const subject = typeof item.subject === "string" ? item.subject : null;
    const appointment = item.from === undefined || item.from === null;
    this.view.loading("item", LOADING_TEXT, { clear: true });
    try {
      const people = onItem.addresses.length > 0 ? await this.api.batch(onItem.addresses) : { asOf: null, people: [] };
      if (!this.view.isCurrent(seq)) return; // a newer item was selected meanwhile
      this.clock.sync(people.asOf);
      const sorted = [...people.people].sort(byWarmth);
      const expanded = new Set(sorted.length === 1 ? [sorted[0]!.address] : []);
      this.state = { kind: "item", people: sorted, onItem, subject, appointment, expanded };
      this.renderItem();
      const n = this.state.people.length;
      announce(this.shell, n === 0 ? "Nobody else is on this item." : `Relationship context for ${n} ${n === 1 ? "person" : "people"}.`);
      this.rendered(seq);
    } catch (e) {
      if (this.view.isCurrent(seq)) this.view.showError(e);
    }
  }

  private renderItem(fallbackFocus?: string | null): void {
    const state = this.state;
    if (state?.kind !== "item") return;
    const now = this.clock.now();
    const headingId = uid("item");
    preserveUi(
      this.shell.content,
      () =>
        replace(
          this.shell.content,
          h(
            "section",
            { class: "ns-item", "aria-labelledby": headingId },
            h("h1", { id: headingId, class: "ns-view-title" }, state.appointment ? "People on this appointment" : "People on this message"),
            state.subject ? h("p", { class: "ns-subject" }, state.subject) : null,
            state.people.length === 0
              ? h("p", { class: "ns-empty" }, "Nobody else is on this item: there is no relationship to show.")
              : [
                  whatToDoNow(
                    todosOf(state.people, now, (a) => state.onItem.names.get(a) ?? null),
                    (todo) => this.showPerson(todo),
                  ),
                  h(
                    "ul",
                    { class: "ns-people ns-rows" },
                    state.people.map((p) =>
                      h(
                        "li",
                        null,
                        personRow(p, {
                          now,
                          headingLevel: 2,
                          role: state.onItem.roles.get(p.address) ?? null,
                          nameHint: state.onItem.names.get(p.address) ?? null,
                          href: `${this.dashboardUrl}#/contact/${encodeURIComponent(p.address)}`,
                          hrefTarget: "_blank",
                          expanded: state.expanded.has(p.address),
                          onToggle: (address, open) => {
                            if (open) state.expanded.add(address);
                            else state.expanded.delete(address);
                          },
                          onFollowUp: (verb, fu, button) => this.followUpAction(verb, fu, button, p.address),
                          onCreateFollowUp: (person, button) => this.createFollowUp(person, button),
                          onMute: (person, muted, button) => this.mute(person, muted, button),
                        }),
                      ),
                    ),
                  ),
                ],
          ),
        ),
      fallbackFocus,
    );
  }

  /** A "what to do now" entry: opens that person's row and moves focus to their name, in view. */
  private showPerson(todo: Todo): void {
    const state = this.state;
    if (state?.kind !== "item") return;
    state.expanded.add(todo.address);
    this.renderItem();
    const target = Array.from(this.shell.content.querySelectorAll<HTMLElement>("[data-focus-key]")).find((el) => el.getAttribute("data-focus-key") === `person:${todo.address}`);
    target?.focus();
  }

  private readonly host: ActionHost;

  private makeHost(): ActionHost {
    return {
      api: this.api,
      clock: this.clock,
      shell: this.shell,
      followUpChanged: (updated, removed, scope) => {
        const state = this.state;
        if (state?.kind === "item") {
          for (const p of state.people) p.followUps = applyFollowUp(p.followUps, updated, removed);
          const person = state.people.find((p) => p.address === scope);
          this.renderItem(person && person.followUps.length > 0 ? `person:${scope}:followups` : `person:${scope}:create`);
        } else if (state?.kind === "overview") {
          state.followUps = applyFollowUp(state.followUps, updated, removed);
          this.renderOverview("overview:followups");
        }
      },
      personChanged: () => this.renderItem(),
    };
  }

  private nameHint(address: string): string | null {
    return this.state?.kind === "item" ? (this.state.onItem.names.get(address) ?? null) : null;
  }

  private followUpAction(verb: FollowUpVerb, fu: FollowUp, button: HTMLButtonElement, scope: string | null): void {
    void followUpAction(this.host, verb, fu, button, scope);
  }

  private createFollowUp(person: PersonContext, button: HTMLButtonElement): void {
    void createFollowUp(this.host, person, this.nameHint(person.address), button);
  }

  private mute(person: PersonContext, muted: boolean, button: HTMLButtonElement): void {
    void setMuted(this.host, person, muted, this.nameHint(person.address), button);
  }

  // ---- no item: the network overview ----------------------------------------------------------

  private async showOverview(seq: number): Promise<void> {
    this.view.loading("overview", "Loading your network…", { clear: true });
    try {
      const [warmest, cooling, followUps] = await Promise.all([
        this.api.contacts({ filter: "warmest", limit: 5 }),
        this.api.contacts({ filter: "cooling", limit: 5 }),
        this.api.followUps(),
      ]);
      if (!this.view.isCurrent(seq)) return;
      this.state = { kind: "overview", warmest: warmest.items, cooling: cooling.items, followUps: [...followUps].sort(byDue) };
      this.renderOverview();
      announce(this.shell, "Your network overview.");
      this.rendered(seq);
    } catch (e) {
      if (this.view.isCurrent(seq)) this.view.showError(e);
    }
  }

  private renderOverview(fallbackFocus?: string | null): void {
    const state = this.state;
    if (state?.kind !== "overview") return;
    const now = this.clock.now();
    const href = (address: string): string => `${this.dashboardUrl}#/contact/${encodeURIComponent(address)}`;
    const panel = (title: string, body: HTMLElement, focusKey?: string): HTMLElement => section(title, body, { class: "ns-section", focusKey });
    const headingId = uid("ov");
    preserveUi(
      this.shell.content,
      () =>
        replace(
          this.shell.content,
          h(
            "section",
            { class: "ns-overview", "aria-labelledby": headingId },
            h("h1", { id: headingId, class: "ns-view-title" }, "Your network"),
            h("p", { class: "ns-subject" }, "Select a message to see who its people are to you."),
            panel("Warmest", contactList(state.warmest, { now, href, hrefTarget: "_blank", emptyText: "No relationships yet." })),
            panel("Cooling", contactList(state.cooling, { now, href, hrefTarget: "_blank", emptyText: "Nothing is cooling right now." })),
            panel(
              `Follow-ups (${state.followUps.length})`,
              followUpList(state.followUps, now, { onAction: (verb, fu, button) => this.followUpAction(verb, fu, button, null) }, "overview"),
              "overview:followups",
            ),
          ),
        ),
      fallbackFocus,
    );
  }
}

/** Resolves when Office is ready (callback or promise style, whichever the host offers). */
export function officeReady(office: OfficeLike): Promise<unknown> {
  return new Promise((resolve) => {
    if (typeof office.onReady !== "function") {
      resolve(null);
      return;
    }
    const result = office.onReady((info) => resolve(info));
    if (result && typeof (result as Promise<unknown>).then === "function") (result as Promise<unknown>).then(resolve, () => resolve(null));
  });
}

export interface BootOptions {
  office?: OfficeLike | null;
  api?: Api;
  clock?: Clock;
  win?: Window;
}

/** Starts the task pane: waits for Office, applies the theme, follows the selection, shows the item. */
export async function bootPane(opts: BootOptions = {}): Promise<Pane> {
  const win = opts.win ?? window;
  const doc = win.document;
  const office = opts.office !== undefined ? opts.office : ((globalThis as { Office?: OfficeLike }).Office ?? null);
  const config = readConfig(doc, win.location);
  const roaming = (office?.context as { roamingSettings?: RoamingSettingsLike } | null | undefined)?.roamingSettings;
  const api = opts.api ?? new Api(config.apiBase, createAuth(config, undefined, roamingPairing(roaming)));
  const shell = ensureShell(doc);
  setPageState(doc, "loading");
  announce(shell, LOADING_TEXT);
  if (office) {
    const slow = win.setTimeout(() => announce(shell, "Still waiting for Outlook… If this stays, close and reopen the NetworkSync pane."), 15000);
    await officeReady(office);
    win.clearTimeout(slow);
  }
  perfMark("ns:ready");
  initTheme(office, win);
  const pane = new Pane({ office, api, clock: opts.clock, doc });
  pane.listen();
  await pane.show({ name: "ns:ready-to-render", start: "ns:ready" });
  return pane;
}
