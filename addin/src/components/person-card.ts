// The person card: who someone is to the user (warmth, last contact, flags, reasons, timeline,
// meetings, follow-ups) with Create follow-up and Mute.
import { h, srOnly, uid, type Child } from "../lib/dom";
import { formatDate, formatDateTime, lastSpoke, relativeTime } from "../lib/time";
import type { JobChange, MeetingRef, PersonContext, TimelineEntry } from "../lib/types";
import { followUpList, type FollowUpHandlers } from "./follow-ups";
import { badges, displayName, TIER_LABEL, warmthMeter } from "./warmth";

export function heading(level: number, attrs: Record<string, string | number>, ...children: Child[]): HTMLElement {
  const tag = `h${Math.min(6, Math.max(1, level))}` as "h2";
  return h(tag, attrs, ...children);
}

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
export const ROLE_LABEL: Record<PersonRole, string> = { from: "From", to: "To", cc: "Cc", organizer: "Organiser", attendee: "Attendee" };

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

/** "Moved to Adatum (since March)"; the year too when the move is more than about a year old. */
export function jobChangeText(change: JobChange, now: number): string {
  const [year, month] = change.since.split("-").map(Number) as [number, number];
  const since = new Date(Date.UTC(year, month - 1, 1));
  const monthName = since.toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  const recent = now - since.getTime() < 335 * 24 * 3600 * 1000;
  return `Moved to ${change.to} (since ${recent ? monthName : `${monthName} ${year}`})`;
}

/** What the card shows under its name, meter and last contact: flags, paths, reasons, counts, history, follow-ups and actions. */
export function personDetails(p: PersonContext, o: PersonCardOptions, nameId: string, withAddress: boolean): Child[] {
  const fuHeadId = uid("fuh");
  const key = `person:${p.address}`;
  const L = o.headingLevel;
  const name = personName(p, o.nameHint);
  const createBtn = h("button", { type: "button", class: "ns-btn ns-btn-primary", "aria-describedby": nameId, "data-focus-key": `${key}:create` }, "Create follow-up");
  createBtn.addEventListener("click", () => o.onCreateFollowUp(p, createBtn));
  const muteLabel = p.flags.muted ? "Unmute" : o.role === "from" ? "Mute sender" : "Mute";
  const muteBtn = h("button", { type: "button", class: "ns-btn", "aria-describedby": nameId, "aria-pressed": p.flags.muted ? "true" : "false", "data-focus-key": `${key}:mute` }, muteLabel);
  muteBtn.addEventListener("click", () => o.onMute(p, !p.flags.muted, muteBtn));

  const c = p.interactions;
  const counts = `${c.sent} sent · ${c.received} received · ${c.meetings} ${c.meetings === 1 ? "meeting" : "meetings"}`;
  const upcoming = p.meetings.upcoming.length;
  const recent = p.meetings.recent.length;
  return [
    withAddress ? addressLine(p, name) : null,
    badges(p.flags),
    !p.known ? h("p", { class: "ns-note" }, "First contact: NetworkSync has no history with this address yet.") : null,
    p.jobChange
      ? h("p", { class: "ns-job-change" }, jobChangeText(p.jobChange, o.now), p.jobChange.fromDomain ? h("span", { class: "ns-date" }, ` (was ${p.jobChange.from}, ${p.jobChange.fromDomain})`) : null)
      : null,
    p.warmPath ? h("p", { class: "ns-warm-path" }, h("strong", null, "Warm path: "), p.warmPath.displayName ?? p.warmPath.address) : null,
    p.warmPath ? h("p", { class: "ns-why" }, p.warmPath.explanation) : null,
    !p.warmPath && p.organisation.length > 0
      ? h("p", { class: "ns-org-path" }, h("strong", null, "Someone in your organisation knows them: "), p.organisation.map((c) => `${c.displayName} (${c.tier})`).join(", "))
      : null,
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
  ];
}

function addressLine(p: PersonContext, name: string): HTMLElement | null {
  return name !== p.address ? h("p", { class: "ns-address" }, p.address) : null;
}

/** The name, as a link to the dashboard's contact page when there is one. */
export function personNameNode(p: PersonContext, o: PersonCardOptions): Child {
  const name = personName(p, o.nameHint);
  return o.href
    ? h("a", { href: o.href, target: o.hrefTarget ?? null, rel: o.hrefTarget ? "noopener" : null, class: "ns-name-link" }, name, o.hrefTarget === "_blank" ? srOnly(" (opens NetworkSync in a new window)") : null)
    : name;
}

export function personCard(p: PersonContext, o: PersonCardOptions): HTMLElement {
  const name = personName(p, o.nameHint);
  const nameId = uid("person");
  const key = `person:${p.address}`;
  return h(
    "article",
    { class: `ns-card ns-tier-${p.tier}`, "aria-labelledby": nameId, "data-address": p.address },
    h(
      "header",
      { class: "ns-card-head" },
      heading(o.headingLevel, { id: nameId, class: "ns-name", tabindex: -1, "data-focus-key": key }, personNameNode(p, o)),
      o.role ? h("span", { class: "ns-role" }, ROLE_LABEL[o.role]) : null,
    ),
    addressLine(p, name),
    warmthMeter(p.warmth, p.tier, name),
    h("p", { class: "ns-last" }, lastSpoke(p.lastContact, o.now), p.lastContact ? h("span", { class: "ns-date" }, ` (${formatDate(p.lastContact)})`) : null),
    personDetails(p, o, nameId, false),
  );
}
