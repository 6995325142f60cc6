// The home view (#/): the warmest, cooling and dormant relationships and the follow-up queue.
import { byDue, followUpAction } from "../lib/actions";
import { contactList, followUpList } from "../lib/components";
import { h, replace } from "../lib/dom";
import { announce } from "../lib/shell";
import type { ContactListItem, FollowUp } from "../lib/types";
import { panel, type DashboardContext } from "./context";
import { contactHref } from "./router";

export interface HomeState {
  kind: "home";
  warmest: ContactListItem[];
  cooling: ContactListItem[];
  dormant: ContactListItem[];
  followUps: FollowUp[];
}

export async function loadHome(ctx: DashboardContext): Promise<HomeState> {
  announce(ctx.shell, "Loading your network…");
  const [warmest, cooling, dormant, followUps] = await Promise.all([
    ctx.api.contacts({ filter: "warmest", limit: 10 }),
    ctx.api.contacts({ filter: "cooling", limit: 10 }),
    ctx.api.contacts({ filter: "dormant", limit: 10 }),
    ctx.api.followUps(),
  ]);
  return { kind: "home", warmest: warmest.items, cooling: cooling.items, dormant: dormant.items, followUps: [...followUps].sort(byDue) };
}

export const homeSummary = (s: HomeState): string => `Your network: ${s.followUps.length} open follow-ups.`;

export function renderHome(ctx: DashboardContext, state: HomeState): void {
  const now = ctx.clock.now();
  const opts = { now, href: contactHref };
  ctx.doc.title = "NetworkSync";
  replace(
    ctx.shell.content,
    h("h1", { class: "ns-view-title", tabindex: -1 }, "Your network at a glance"),
    h(
      "div",
      { class: "ns-grid" },
      panel("Warmest relationships", contactList(state.warmest, { ...opts, emptyText: "No relationships yet: the first sync may still be running." }), "ns-warmest"),
      panel("Cooling", contactList(state.cooling, { ...opts, emptyText: "Nothing is cooling right now." }), "ns-cooling"),
      panel("Dormant", contactList(state.dormant, { ...opts, emptyText: "No dormant relationships." }), "ns-dormant"),
      panel(
        `Follow-up queue (${state.followUps.length})`,
        followUpList(state.followUps, now, { onAction: (verb, fu, button) => void followUpAction(ctx.host, verb, fu, button, null) }, "queue"),
        "ns-queue",
        "queue",
      ),
    ),
  );
}
