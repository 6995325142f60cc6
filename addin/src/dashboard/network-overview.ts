// The wider network on the network page (#/network): the two charts (with their table), organisations
// by domain, people you already kind of know, "you owe a reply" and "waiting on them" with its setting.
// Views only: network.ts loads the overview, renders these panels and saves the setting.
import { h, uid, type Child } from "../lib/dom";
import { TIER_LABEL, displayName } from "../components/warmth";
import { TIE_SERIES, TIER_SERIES, networkLegend, networkTable, tierChart, tiesChart } from "../lib/network-charts";
import { relativeTime } from "../lib/time";
import type { NetworkOverview, NetworkPerson, Organisation } from "../lib/types";
import { contactHref } from "./router";

/** The smallest and largest "waiting on them" threshold the service accepts (PUT /api/settings). */
export const WAITING_MIN = 1;
export const WAITING_MAX = 60;

export interface OverviewHandlers {
  now: number;
  onWaitingDays(days: number, button: HTMLButtonElement): void;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function personLink(p: NetworkPerson): HTMLAnchorElement {
  return h("a", { href: contactHref(p.address), class: "ns-network-person" }, displayName(p.displayName, p.address));
}

function tierText(p: NetworkPerson): HTMLElement {
  return h("span", { class: `ns-network-tier ns-tier-${p.tier}` }, TIER_LABEL[p.tier]);
}

/** A focusable figure around a chart, so keyboard users reach it and hear its title and description. */
function chartFigure(chart: SVGSVGElement, legend: HTMLElement, key: string): HTMLElement {
  return h("figure", { class: "ns-figure ns-network-figure", tabindex: 0, "data-focus-key": key, "aria-labelledby": chart.getAttribute("aria-labelledby") }, chart, h("figcaption", null, legend));
}

/** The charts panel's body: both charts, then the same numbers as a table. */
export function chartsView(o: NetworkOverview): Child[] {
  if (o.months.length === 0) return [h("p", { class: "ns-empty" }, "No history yet: the charts appear after the first sync.")];
  return [
    h("p", null, "An active relationship is one at least cool at the month's end. A tie is gained the month someone becomes warm, and lost the month they go cold again."),
    chartFigure(tierChart(o.months), networkLegend([...TIER_SERIES].reverse()), "chart:tiers"),
    chartFigure(tiesChart(o.months), networkLegend(TIE_SERIES), "chart:ties"),
    h("details", { class: "ns-more ns-table-wrap", "data-open-key": "network-table" }, h("summary", null, "Show the charts as a table"), networkTable(o.months)),
  ];
}

function organisationRow(org: Organisation): HTMLTableRowElement {
  return h(
    "tr",
    { "data-domain": org.domain, class: org.hangsOnOneTie ? "ns-org-single" : null },
    h("th", { scope: "row" }, org.domain),
    h("td", null, personLink(org.warmest), " ", tierText(org.warmest)),
    h("td", null, String(org.warmTies)),
    h("td", null, String(org.people)),
    h("td", { class: "ns-org-flag" }, org.hangsOnOneTie ? "Hangs on a single warm tie" : ""),
  );
}

export function organisationsView(o: NetworkOverview): Child[] {
  if (o.organisations.length === 0) return [h("p", { class: "ns-empty" }, "No organisations yet: nobody outside your own domain is at least cool.")];
  const single = o.organisations.filter((g) => g.hangsOnOneTie).length;
  return [
    h("p", null, `By email domain, leaving out your own and personal mail providers. ${plural(single, "organisation hangs", "organisations hang")} on a single warm tie.`),
    h(
      "div",
      { class: "ns-table-wrap" },
      h(
        "table",
        { class: "ns-table ns-org-table" },
        h("caption", null, "Organisations, warmest contact first"),
        h("thead", null, h("tr", null, ["Organisation", "Your warmest contact", "Warm ties", "People", "Note"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", null, o.organisations.map(organisationRow)),
      ),
    ),
  ];
}

function peopleList(list: NetworkPerson[], cls: string, line: (p: NetworkPerson) => string): HTMLUListElement {
  return h(
    "ul",
    { class: `ns-network-people ${cls}` },
    list.map((p) => h("li", { "data-address": p.address }, personLink(p), " ", tierText(p), h("span", { class: "ns-network-when" }, ` · ${line(p)}`))),
  );
}

export function weakTiesView(o: NetworkOverview, now: number): Child[] {
  if (o.weakTies.length === 0) return [h("p", { class: "ns-empty" }, "Nobody right now: no two-way tie below warm has been in touch in the last three months.")];
  return [
    h("p", null, "You have written to each other, and recently, but the tie is still cool or cold: worth strengthening."),
    peopleList(o.weakTies, "ns-weak-ties", (p) => `last in touch ${relativeTime(p.lastContact, now)}`),
  ];
}

export function owesReplyView(o: NetworkOverview, now: number): Child[] {
  if (o.owesReply.length === 0) return [h("p", { class: "ns-empty" }, "Nobody is waiting on you.")];
  return [peopleList(o.owesReply, "ns-owes-reply", (p) => `wrote ${relativeTime(p.since, now)}`)];
}

export function waitingView(o: NetworkOverview, on: OverviewHandlers): Child[] {
  const inputId = uid("waiting");
  const hintId = uid("waitinghint");
  const input = h("input", {
    id: inputId,
    class: "ns-input ns-waiting-days",
    type: "number",
    inputmode: "numeric",
    min: WAITING_MIN,
    max: WAITING_MAX,
    step: 1,
    required: true,
    value: String(o.waitingDays),
    "aria-describedby": hintId,
    "data-focus-key": "waiting:days",
  });
  const save = h("button", { type: "submit", class: "ns-btn", "data-focus-key": "waiting:save" }, "Save");
  const form = h(
    "form",
    { class: "ns-waiting-form", novalidate: true },
    h("label", { for: inputId }, "Show my mail unanswered after"),
    " ",
    input,
    " days ",
    save,
    h("p", { id: hintId, class: "ns-hint" }, `From ${WAITING_MIN} to ${WAITING_MAX} days. Automated senders and lists are never listed.`),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    on.onWaitingDays(Number(input.value), save);
  });
  const list =
    o.waitingOnThem.length === 0
      ? h("p", { class: "ns-empty ns-waiting-none" }, `Nobody: everyone you wrote to more than ${plural(o.waitingDays, "day", "days")} ago has answered.`)
      : peopleList(o.waitingOnThem, "ns-waiting", (p) => `you wrote ${relativeTime(p.since, on.now)}`);
  return [form, list];
}
