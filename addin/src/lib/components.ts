// Rendering shared by the task pane and the dashboard. Every function returns DOM built with h(),
// so names, subjects and reasons from the API are always text.
import { h, srOnly, uid, type Child } from "./dom";
import { formatDate, formatDateTime, lastSpoke, relativeTime } from "./time";
import type { ContactListItem, FollowUp, MeetingRef, PersonContext, Tier, TimelineEntry } from "./types";

export const TIER_LABEL: Record<Tier, string> = { hot: "Hot", warm: "Warm", cool: "Cool", cold: "Cold" };

export type FollowUpVerb = "done" | "snooze" | "dismiss";

export function displayName(name: string | null | undefined, address: string): string {
  const n = name?.trim();
  return n ? n : address;
}

/** Warmth as a meter (role=meter with its value in words) plus the tier as visible text. */
export function warmthMeter(warmth: number, tier: Tier, name: string): HTMLElement {
  const value = Math.round(Math.min(100, Math.max(0, warmth)));
  const fill = h("span", { class: "ns-meter-fill" });
  fill.style.width = `${value}%`; // CSSOM, not a style attribute: allowed under a strict CSP
  return h(
    "div",
    { class: `ns-warmth ns-tier-${tier}` },
    h(
      "span",
      {
        class: "ns-meter",
        role: "meter",
        "aria-label": `Warmth with ${name}`,
        "aria-valuemin": 0,
        "aria-valuemax": 100,
        "aria-valuenow": value,
        "aria-valuetext": `${value} of 100, ${TIER_LABEL[tier]}`,
      },
      fill,
    ),
    h("span", { class: "ns-tier", "aria-hidden": "true" }, h("span", { class: "ns-tier-dot" }), TIER_LABEL[tier]),
    h("span", { class: "ns-score", "aria-hidden": "true" }, String(value)),
  );
}

export interface BadgeFlags {
  dormant?: boolean;
  cooling?: boolean;
  firstContact?: boolean;
  owesReply?: boolean;
  muted?: boolean;
  automated?: boolean;
}

export function badges(flags: BadgeFlags): HTMLElement | null {
  const list: [string, string][] = [];
  if (flags.firstContact) list.push(["first", "First contact"]);
  if (flags.owesReply) list.push(["owe", "You owe a reply"]);
  if (flags.cooling) list.push(["cooling", "Cooling"]);
  if (flags.dormant) list.push(["dormant", "Dormant"]);
  if (flags.muted) list.push(["muted", "Muted"]);
  if (flags.automated) list.push(["automated", "Automated"]);
  if (list.length === 0) return null;
  return h("ul", { class: "ns-badges", "aria-label": "Flags" }, list.map(([k, label]) => h("li", { class: `ns-badge ns-badge-${k}` }, label)));
}

function heading(level: number, attrs: Record<string, string | number>, ...children: Child[]): HTMLElement {
  const tag = `h${Math.min(6, Math.max(1, level))}` as "h2";
  return h(tag, attrs, ...children);
}

// ---- follow-ups ------------------------------------------------------------------------------

export function followUpWhen(fu: FollowUp, now: number): string {
  if (fu.status === "snoozed" && fu.snoozedUntil) return `Snoozed until ${formatDateTime(fu.snoozedUntil)}`;
  if (!fu.due) return "No due date";
  const due = Date.parse(fu.due);
  const rel = relativeTime(fu.due, now);
  return due < now ? `Overdue: due ${rel}` : `Due ${rel} (${formatDateTime(fu.due)})`;
}

export interface FollowUpHandlers {
  onAction(verb: FollowUpVerb, fu: FollowUp, button: HTMLButtonElement): void;
}

export function followUpItem(fu: FollowUp, now: number, handlers: FollowUpHandlers, scope = ""): HTMLLIElement {
  const titleId = uid("fu");
  const key = `fu:${scope}:${fu.id}`;
  const button = (verb: FollowUpVerb, label: string): HTMLButtonElement => {
    const b = h("button", { type: "button", class: `ns-btn ns-btn-${verb}`, "aria-describedby": titleId, "data-action": verb, "data-focus-key": `${key}:${verb}` }, label);
    b.addEventListener("click", () => handlers.onAction(verb, fu, b));
    return b;
  };
  const overdue = fu.status === "open" && fu.due !== null && Date.parse(fu.due) < now;
  return h(
    "li",
    { class: `ns-fu${overdue ? " ns-fu-overdue" : ""}${fu.status === "snoozed" ? " ns-fu-snoozed" : ""}`, "data-fu-id": fu.id },
    h("p", { class: "ns-fu-title", id: titleId }, fu.title),
    h("p", { class: "ns-fu-when" }, followUpWhen(fu, now)),
    fu.meeting?.subject ? h("p", { class: "ns-fu-meeting" }, `Meeting: ${fu.meeting.subject}`) : null,
    h("div", { class: "ns-fu-actions" }, button("done", "Done"), button("snooze", "Snooze 1 week"), button("dismiss", "Dismiss")),
  );
}

export function followUpList(items: FollowUp[], now: number, handlers: FollowUpHandlers, scope = "", emptyText = "No open follow-ups."): HTMLElement {
  if (items.length === 0) return h("p", { class: "ns-empty" }, emptyText);
  return h("ul", { class: "ns-fu-list" }, items.map((fu) => followUpItem(fu, now, handlers, scope)));
}

// ---- people ----------------------------------------------------------------------------------

const KIND_LABEL: Record<TimelineEntry["kind"], string> = { sent: "You wrote", received: "They wrote", meeting: "Meeting" };

function timeline(entries: TimelineEntry[], now: number): HTMLElement {
  if (entries.length === 0) return h("p", { class: "ns-empty" }, "No interactions yet.");
  return h(
    "ol",
    { class: "ns-timeline" },
    entries.map((e) =>
      h(
        "li",
        { class: `ns-tl ns-tl-${e.kind}` },
        h("span", { class: "ns-tl-kind" }, KIND_LABEL[e.kind]),
        h("span", { class: "ns-tl-subject" }, e.subject ?? "(no subject)"),
        h("time", { class: "ns-tl-at", datetime: e.at, title: formatDateTime(e.at) }, relativeTime(e.at, now)),
      ),
    ),
  );
}

function meetingList(title: string, items: MeetingRef[], now: number, level: number): HTMLElement[] {
  if (items.length === 0) return [];
  return [
    heading(level, { class: "ns-subhead" }, title),
    h(
      "ul",
      { class: "ns-meetings" },
      items.map((m) =>
        h(
          "li",
          null,
          h("span", { class: "ns-tl-subject" }, m.subject ?? "(no subject)"),
          h("time", { class: "ns-tl-at", datetime: m.start, title: formatDateTime(m.start) }, `${formatDateTime(m.start)} (${relativeTime(m.start, now)})`),
        ),
      ),
    ),
  ];
}

export type PersonRole = "from" | "to" | "cc" | "organizer" | "attendee";
const ROLE_LABEL: Record<PersonRole, string> = { from: "From", to: "To", cc: "Cc", organizer: "Organiser", attendee: "Attendee" };

export interface PersonCardOptions {
  now: number;
  headingLevel: number;
  /** Where this person appears on the open message. */
  role?: PersonRole | null;
  /** The name the message gives, when the API has none. */
  nameHint?: string | null;
  /** Link for the name (the dashboard's contact page). */
  href?: string | null;
  hrefTarget?: string | null;
  onFollowUp: FollowUpHandlers["onAction"];
  onCreateFollowUp(person: PersonContext, button: HTMLButtonElement): void;
  onMute(person: PersonContext, muted: boolean, button: HTMLButtonElement): void;
}

export function personName(p: PersonContext, hint?: string | null): string {
  return displayName(p.displayName ?? hint ?? null, p.address);
}

export function personCard(p: PersonContext, o: PersonCardOptions): HTMLElement {
  const name = personName(p, o.nameHint);
  const nameId = uid("person");
  const fuHeadId = uid("fuh");
  const key = `person:${p.address}`;
  const L = o.headingLevel;
  const nameNode: Child = o.href
    ? h("a", { href: o.href, target: o.hrefTarget ?? null, rel: o.hrefTarget ? "noopener" : null, class: "ns-name-link" }, name, o.hrefTarget === "_blank" ? srOnly(" (opens NetworkSync in a new window)") : null)
    : name;

  const createBtn = h("button", { type: "button", class: "ns-btn ns-btn-primary", "aria-describedby": nameId, "data-focus-key": `${key}:create` }, "Create follow-up");
  createBtn.addEventListener("click", () => o.onCreateFollowUp(p, createBtn));
  const muteLabel = p.flags.muted ? "Unmute" : o.role === "from" ? "Mute sender" : "Mute";
  const muteBtn = h("button", { type: "button", class: "ns-btn", "aria-describedby": nameId, "aria-pressed": p.flags.muted ? "true" : "false", "data-focus-key": `${key}:mute` }, muteLabel);
  muteBtn.addEventListener("click", () => o.onMute(p, !p.flags.muted, muteBtn));

  const c = p.interactions;
  const counts = `${c.sent} sent · ${c.received} received · ${c.meetings} ${c.meetings === 1 ? "meeting" : "meetings"}`;
  const upcoming = p.meetings.upcoming.length;
  const recent = p.meetings.recent.length;

  return h(
    "article",
    { class: `ns-card ns-tier-${p.tier}`, "aria-labelledby": nameId, "data-address": p.address },
    h(
      "header",
      { class: "ns-card-head" },
      heading(L, { id: nameId, class: "ns-name", tabindex: -1, "data-focus-key": key }, nameNode),
      o.role ? h("span", { class: "ns-role" }, ROLE_LABEL[o.role]) : null,
    ),
    name !== p.address ? h("p", { class: "ns-address" }, p.address) : null,
    warmthMeter(p.warmth, p.tier, name),
    h("p", { class: "ns-last" }, lastSpoke(p.lastContact, o.now), p.lastContact ? h("span", { class: "ns-date" }, ` (${formatDate(p.lastContact)})`) : null),
    badges(p.flags),
    !p.known ? h("p", { class: "ns-note" }, "First contact: NetworkSync has no history with this address yet.") : null,
    p.reasons.length > 0 ? h("ul", { class: "ns-reasons", "aria-label": `Why ${TIER_LABEL[p.tier].toLowerCase()}` }, p.reasons.slice(0, 3).map((r) => h("li", null, r))) : null,
    p.known ? h("p", { class: "ns-counts" }, counts) : null,
    p.known
      ? h(
          "details",
          { class: "ns-more", "data-open-key": `${key}:timeline` },
          h("summary", null, `Recent interactions (${p.timeline.length})`),
          timeline(p.timeline, o.now),
        )
      : null,
    upcoming + recent > 0
      ? h(
          "details",
          { class: "ns-more", "data-open-key": `${key}:meetings` },
          h("summary", null, `Meetings (${upcoming} upcoming, ${recent} recent)`),
          meetingList("Upcoming", p.meetings.upcoming, o.now, L + 1),
          meetingList("Recent", p.meetings.recent, o.now, L + 1),
        )
      : null,
    p.followUps.length > 0
      ? h(
          "section",
          { class: "ns-followups", "aria-labelledby": `${fuHeadId} ${nameId}` },
          heading(L + 1, { id: fuHeadId, class: "ns-subhead", tabindex: -1, "data-focus-key": `${key}:followups` }, `Follow-ups (${p.followUps.length})`),
          followUpList(p.followUps, o.now, { onAction: o.onFollowUp }, p.address),
        )
      : null,
    h("div", { class: "ns-card-actions" }, createBtn, muteBtn),
  );
}

// ---- contact lists ---------------------------------------------------------------------------

export interface ContactListOptions {
  now: number;
  href?: (address: string) => string | null;
  hrefTarget?: string | null;
  emptyText?: string;
}

export function contactList(items: ContactListItem[], o: ContactListOptions): HTMLElement {
  if (items.length === 0) return h("p", { class: "ns-empty" }, o.emptyText ?? "Nobody here yet.");
  return h(
    "ul",
    { class: "ns-contacts" },
    items.map((c) => {
      const name = displayName(c.displayName, c.address);
      const href = o.href?.(c.address) ?? null;
      return h(
        "li",
        { class: `ns-contact ns-tier-${c.tier}`, "data-address": c.address },
        h(
          "div",
          { class: "ns-contact-head" },
          href
            ? h("a", { href, target: o.hrefTarget ?? null, rel: o.hrefTarget ? "noopener" : null, class: "ns-contact-name" }, name, o.hrefTarget === "_blank" ? srOnly(" (opens in a new window)") : null)
            : h("span", { class: "ns-contact-name" }, name),
          name !== c.address ? h("span", { class: "ns-address" }, c.address) : null,
        ),
        warmthMeter(c.warmth, c.tier, name),
        h("p", { class: "ns-last" }, lastSpoke(c.lastContact, o.now)),
        badges({ dormant: c.dormant, cooling: c.cooling, muted: c.muted, automated: c.automated }),
      );
    }),
  );
}

// ---- errors, status and UI preservation ---------------------------------------------------------

export function errorBox(message: string, detail: string | null, actions: HTMLButtonElement[]): HTMLElement {
  return h(
    "div",
    { class: "ns-error", role: "alert" },
    h("p", { class: "ns-error-message" }, message),
    detail ? h("p", { class: "ns-error-detail" }, detail) : null,
    actions.length ? h("div", { class: "ns-error-actions" }, actions) : null,
  );
}

/**
 * Re-renders `root` through `render` while keeping what the user had: which <details> were open
 * and which control had focus (by data-focus-key; `fallbackFocus` when that control is gone).
 */
export function preserveUi(root: Element, render: () => void, fallbackFocus?: string | null): void {
  // Focus is restored only when it was inside root (or on nothing); never stolen from elsewhere.
  const open = new Set<string>();
  root.querySelectorAll("details[open][data-open-key]").forEach((d) => open.add(d.getAttribute("data-open-key") ?? ""));
  const active = root.ownerDocument.activeElement;
  const focusKey = active && root.contains(active) ? active.getAttribute("data-focus-key") : null;
  render();
  root.querySelectorAll("details[data-open-key]").forEach((d) => {
    if (open.has(d.getAttribute("data-open-key") ?? "")) d.setAttribute("open", "");
  });
  const find = (key: string | null | undefined): HTMLElement | null => {
    if (!key) return null;
    for (const el of Array.from(root.querySelectorAll<HTMLElement>("[data-focus-key]"))) {
      if (el.getAttribute("data-focus-key") === key) return el;
    }
    return null;
  };
  const hadFocus = focusKey !== null || !active || active === root.ownerDocument.body;
  if (hadFocus) (find(focusKey) ?? find(fallbackFocus))?.focus();
}

/**
 * Runs a button's action once at a time: the button says it is busy (aria-disabled keeps it
 * focusable, unlike `disabled`), errors go to `onError`.
 */
export async function runAction(button: HTMLButtonElement, work: () => Promise<void>, onError: (e: unknown) => void): Promise<void> {
  if (button.getAttribute("aria-disabled") === "true") return;
  button.setAttribute("aria-disabled", "true");
  button.classList.add("ns-busy");
  try {
    await work();
  } catch (e) {
    onError(e);
  } finally {
    button.removeAttribute("aria-disabled");
    button.classList.remove("ns-busy");
  }
}
