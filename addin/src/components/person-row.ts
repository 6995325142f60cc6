// One person on the open message as a compact row: name and role, the tier in words with a small meter,
// "Last spoke 7 months ago", and the one flag that matters most (topFlag); the full card's details on expand.
import { h, uid } from "../lib/dom";
import { formatDate, lastSpoke, relativeTime } from "../lib/time";
import type { FollowUp, PersonContext } from "../lib/types";
import { heading, jobChangeText, personDetails, personName, personNameNode, ROLE_LABEL, type PersonCardOptions } from "./person-card";
import { warmthMeter } from "./warmth";

export type RowFlagKind = "owe" | "follow-up" | "warm-path" | "org-path" | "cooling" | "dormant" | "job-change" | "first" | "muted" | "automated";

export interface RowFlag {
  kind: RowFlagKind;
  text: string;
}

const DAY = 24 * 3600 * 1000;

/** An open follow-up with this person that is overdue or due within a day, soonest first; null when none is. */
export function dueFollowUp(p: PersonContext, now: number): FollowUp | null {
  const due = p.followUps
    .filter((f) => f.status === "open" && f.due !== null && Date.parse(f.due) <= now + DAY)
    .sort((a, b) => Date.parse(a.due ?? "") - Date.parse(b.due ?? ""));
  return due[0] ?? null;
}

/**
 * Every flag a row could show, most important first. The precedence (docs/relationship-model.md, "The task pane at a glance"): you owe a
 * reply, then a follow-up due, then a warm path (else a colleague who knows them), then cooling or the 6-month (dormant) flag, then a job change;
 * after those, first contact, muted and automated, which are facts rather than things to act on.
 */
export function rowFlags(p: PersonContext, now: number): RowFlag[] {
  const flags: RowFlag[] = [];
  if (p.flags.owesReply) flags.push({ kind: "owe", text: "You owe a reply" });
  const fu = dueFollowUp(p, now);
  if (fu?.due) flags.push({ kind: "follow-up", text: `Follow-up due ${relativeTime(fu.due, now)}` });
  if (p.warmPath) flags.push({ kind: "warm-path", text: `Warm path: ${p.warmPath.displayName ?? p.warmPath.address}` });
  else if (p.organisation[0]) {
    const colleague = p.organisation[0];
    flags.push({ kind: "org-path", text: `Known in your organisation: ${colleague.displayName} (${colleague.tier})` });
  }
  if (p.flags.cooling) flags.push({ kind: "cooling", text: "Cooling" });
  if (p.flags.dormant) flags.push({ kind: "dormant", text: "Dormant: no contact for 6 months" });
  if (p.jobChange) flags.push({ kind: "job-change", text: jobChangeText(p.jobChange, now) });
  if (p.flags.firstContact) flags.push({ kind: "first", text: "First contact" });
  if (p.flags.muted) flags.push({ kind: "muted", text: "Muted" });
  if (p.flags.automated) flags.push({ kind: "automated", text: "Automated" });
  return flags;
}

/** The one flag or warm path the row shows; null when there is nothing to say. */
export function topFlag(p: PersonContext, now: number): RowFlag | null {
  return rowFlags(p, now)[0] ?? null;
}

export interface PersonRowOptions extends PersonCardOptions {
  expanded: boolean;
  /** Told when the user expands or collapses the row, so a re-render keeps it. */
  onToggle(address: string, expanded: boolean): void;
}

export function personRow(p: PersonContext, o: PersonRowOptions): HTMLElement {
  const name = personName(p, o.nameHint);
  const nameId = uid("person");
  const detailsId = uid("details");
  const key = `person:${p.address}`;
  const top = topFlag(p, o.now);

  const details = h(
    "div",
    { id: detailsId, class: "ns-row-details" },
    p.lastContact ? h("p", { class: "ns-last-date" }, `Last contact ${formatDate(p.lastContact)}`) : null,
    personDetails(p, o, nameId, true),
  );
  details.hidden = !o.expanded;
  // A native button: Enter and Space toggle it, and focus stays on it (the row is changed in place).
  const toggle = h(
    "button",
    { type: "button", class: "ns-expand", "aria-expanded": o.expanded ? "true" : "false", "aria-controls": detailsId, "aria-describedby": nameId, "data-focus-key": `${key}:expand` },
    h("span", { class: "ns-expand-icon", "aria-hidden": "true" }),
    "Details",
  );
  const row = h(
    "article",
    { class: `ns-card ns-row ns-tier-${p.tier}${o.expanded ? " ns-open" : ""}`, "aria-labelledby": nameId, "data-address": p.address },
    h(
      "div",
      { class: "ns-row-head" },
      heading(o.headingLevel, { id: nameId, class: "ns-name", tabindex: -1, "data-focus-key": key }, personNameNode(p, o)),
      o.role ? h("span", { class: "ns-role" }, ROLE_LABEL[o.role]) : null,
      toggle,
    ),
    h("div", { class: "ns-row-line" }, warmthMeter(p.warmth, p.tier, name), p.lastContact
        ? h("time", { class: "ns-last", datetime: p.lastContact, title: formatDate(p.lastContact) }, lastSpoke(p.lastContact, o.now))
        : h("span", { class: "ns-last" }, lastSpoke(p.lastContact, o.now))),
    top ? h("p", { class: `ns-top-flag ns-top-${top.kind}` }, top.text) : null,
    details,
  );
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    details.hidden = !open;
    row.classList.toggle("ns-open", open);
    o.onToggle(p.address, open);
  });
  return row;
}
