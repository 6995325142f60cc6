// A follow-up (title, when it is due, Done / Snooze / Dismiss) and the list of them.
import { h, uid } from "../lib/dom";
import { formatDateTime, relativeTime } from "../lib/time";
import type { FollowUp } from "../lib/types";

export type FollowUpVerb = "done" | "snooze" | "dismiss";

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
