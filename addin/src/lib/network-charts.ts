// The network page's charts (inline SVG, no chart library), built on lib/chart.ts's frame: active
// relationships by tier as stacked bars, and ties gained (above the line) and lost (below it) per month.
// Each chart has a title and a description for screen readers, axis titles, and the same numbers as a table.
import { h, s } from "./dom";
import { PAD as CHART_PAD, frame, monthLabel, niceCeiling, stackedBars, xLabels, type ChartSize } from "./chart";
import type { NetworkMonth } from "./types";

// The contact page's padding, with room under the month labels for the axis title.
const PAD = { ...CHART_PAD, bottom: 44 };

export const TIER_SERIES = [
  { key: "cool", label: "Cool" },
  { key: "warm", label: "Warm" },
  { key: "hot", label: "Hot" },
] as const;

export const TIE_SERIES = [
  { key: "gained", label: "Ties gained" },
  { key: "lost", label: "Ties lost" },
] as const;

const active = (m: NetworkMonth): number => m.hot + m.warm + m.cool;
const range = (months: NetworkMonth[]): string =>
  months.length ? `${monthLabel(months[0]!.month)} to ${monthLabel(months[months.length - 1]!.month)}` : "no months";

function axisTitles(size: ChartSize, y: string): SVGGElement {
  const plotH = size.height - PAD.top - PAD.bottom;
  const cy = PAD.top + plotH / 2;
  return s(
    "g",
    { class: "ns-axis-titles", "aria-hidden": "true" },
    s("text", { class: "ns-axis-title", x: 10, y: cy.toFixed(1), "text-anchor": "middle", transform: `rotate(-90 10 ${cy.toFixed(1)})` }, y),
    s("text", { class: "ns-axis-title", x: (PAD.left + (size.width - PAD.left - PAD.right) / 2).toFixed(1), y: size.height - 4, "text-anchor": "middle" }, "Month"),
  );
}

function gridlines(ticks: number[], y: (v: number) => number, size: ChartSize): SVGGElement {
  return s(
    "g",
    { class: "ns-gridlines", "aria-hidden": "true" },
    ticks.map((t) =>
      s(
        "g",
        null,
        s("line", { x1: PAD.left, x2: size.width - PAD.right, y1: y(t).toFixed(1), y2: y(t).toFixed(1) }),
        s("text", { x: PAD.left - 6, y: (y(t) + 4).toFixed(1), "text-anchor": "end" }, Number.isInteger(t) ? String(t) : t.toFixed(1)),
      ),
    ),
  );
}

/** What the tier chart says in words: the first and last month, and the busiest. */
export function tierSummary(months: NetworkMonth[]): string {
  if (months.length === 0) return "No months yet.";
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const each = (m: NetworkMonth): string => `${active(m)} active (${m.hot} hot, ${m.warm} warm, ${m.cool} cool)`;
  const peak = months.reduce((best, m) => (active(m) > active(best) ? m : best), first);
  return `Stacked bars per month, ${range(months)}: ${monthLabel(first.month)} ${each(first)}; ${monthLabel(last.month)} ${each(last)}. Most active relationships in ${monthLabel(peak.month)} with ${active(peak)}.`;
}

/** Active relationships (cool, warm, hot) at each month's end, stacked coolest first. */
export function tierChart(months: NetworkMonth[], size: ChartSize = { width: 720, height: 260 }): SVGSVGElement {
  const { svg } = frame("Active relationships by tier, month by month", tierSummary(months), size, "ns-chart-bars ns-chart-tiers");
  const plotW = size.width - PAD.left - PAD.right;
  const plotH = size.height - PAD.top - PAD.bottom;
  const baseY = PAD.top + plotH;
  const max = niceCeiling(Math.max(0, ...months.map(active)));
  const y = (v: number): number => baseY - (v / max) * plotH;
  const slot = months.length ? plotW / months.length : plotW;
  const barW = Math.max(2, slot * 0.7);
  const x = (i: number): number => PAD.left + slot * i + slot / 2;
  svg.appendChild(gridlines([0, max / 2, max], y, size));
  svg.appendChild(stackedBars(months, TIER_SERIES, "ns-t", x, y, barW));
  svg.appendChild(s("line", { class: "ns-baseline", x1: PAD.left, x2: size.width - PAD.right, y1: baseY, y2: baseY, "aria-hidden": "true" }));
  svg.appendChild(xLabels(months, x, baseY));
  svg.appendChild(axisTitles(size, "Relationships"));
  return svg;
}

/** What the ties chart says in words: the totals and the month with the most gained. */
export function tiesSummary(months: NetworkMonth[]): string {
  if (months.length === 0) return "No months yet.";
  const gained = months.reduce((a, m) => a + m.gained, 0);
  const lost = months.reduce((a, m) => a + m.lost, 0);
  const most = months.reduce((best, m) => (m.gained > best.gained ? m : best), months[0]!);
  return (
    `Bars per month, ${range(months)}: ties gained above the line, ties lost below it. In all, ${gained} gained and ${lost} lost.` +
    (most.gained > 0 ? ` Most gained in ${monthLabel(most.month)} (${most.gained}).` : "")
  );
}

/** Ties gained (up from the zero line) and lost (down from it) per month. */
export function tiesChart(months: NetworkMonth[], size: ChartSize = { width: 720, height: 220 }): SVGSVGElement {
  const { svg } = frame("Ties gained and lost per month", tiesSummary(months), size, "ns-chart-bars ns-chart-ties");
  const plotW = size.width - PAD.left - PAD.right;
  const plotH = size.height - PAD.top - PAD.bottom;
  const max = niceCeiling(Math.max(0, ...months.map((m) => Math.max(m.gained, m.lost))));
  const zeroY = PAD.top + plotH / 2;
  const y = (v: number): number => zeroY - (v / max) * (plotH / 2);
  const slot = months.length ? plotW / months.length : plotW;
  const barW = Math.max(2, slot * 0.6);
  const x = (i: number): number => PAD.left + slot * i + slot / 2;
  svg.appendChild(gridlines([max, 0, -max], y, size));
  svg.appendChild(
    s(
      "g",
      { class: "ns-bars" },
      months.map((m, i) =>
        s(
          "g",
          { "data-month": m.month },
          m.gained > 0
            ? s("rect", { class: "ns-t-gained", x: (x(i) - barW / 2).toFixed(1), y: y(m.gained).toFixed(1), width: barW.toFixed(1), height: (zeroY - y(m.gained)).toFixed(1), "data-value": m.gained }, s("title", null, `${monthLabel(m.month)}: ${m.gained} gained`))
            : null,
          m.lost > 0
            ? s("rect", { class: "ns-t-lost", x: (x(i) - barW / 2).toFixed(1), y: zeroY.toFixed(1), width: barW.toFixed(1), height: (y(-m.lost) - zeroY).toFixed(1), "data-value": m.lost }, s("title", null, `${monthLabel(m.month)}: ${m.lost} lost`))
            : null,
        ),
      ),
    ),
  );
  svg.appendChild(s("line", { class: "ns-baseline", x1: PAD.left, x2: size.width - PAD.right, y1: zeroY, y2: zeroY, "aria-hidden": "true" }));
  svg.appendChild(xLabels(months, x, PAD.top + plotH));
  svg.appendChild(axisTitles(size, "Ties"));
  return svg;
}

/** A legend for either chart (the swatches repeat the bars' classes). */
export function networkLegend(series: readonly { key: string; label: string }[]): HTMLElement {
  return h(
    "ul",
    { class: "ns-legend" },
    series.map((item) => h("li", null, h("span", { class: `ns-swatch ns-t-${item.key}`, "aria-hidden": "true" }), item.label)),
  );
}

/** The numbers of both charts as one table: the accessible alternative. */
export function networkTable(months: NetworkMonth[]): HTMLTableElement {
  return h(
    "table",
    { class: "ns-table ns-network-table" },
    h("caption", null, "Active relationships by tier at each month's end, and ties gained and lost in the month"),
    h("thead", null, h("tr", null, ["Month", "Hot", "Warm", "Cool", "Ties gained", "Ties lost"].map((c) => h("th", { scope: "col" }, c)))),
    h(
      "tbody",
      null,
      months.map((m) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, monthLabel(m.month)),
          [m.hot, m.warm, m.cool, m.gained, m.lost].map((v) => h("td", null, String(v))),
        ),
      ),
    ),
  );
}
