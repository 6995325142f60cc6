// Hand-written SVG charts for the dashboard's contact page (no chart library): monthly interactions
// as stacked bars and the warmth history as a line, each with a <title>/<desc> and a data table.
import { h, s, uid } from "./dom";
import type { HistoryMonth } from "./types";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-01" → "Jan 2026" (the text is kept as is when it is not YYYY-MM). */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const name = MONTHS[Number(m[2]) - 1];
  return name ? `${name} ${m[1]}` : month;
}

/** "2026-01" → "Jan ’26", for axis labels. */
export function shortMonthLabel(month: string): string {
  const label = monthLabel(month);
  const m = /^(\w{3}) \d{2}(\d{2})$/.exec(label);
  return m ? `${m[1]} ’${m[2]}` : label;
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1). */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const exp = Math.floor(Math.log10(value));
  const base = 10 ** exp;
  for (const f of [1, 2, 5, 10]) {
    if (f * base >= value - 1e-9) return Math.max(1, f * base);
  }
  return 10 * base;
}

export interface ChartSize {
  width: number;
  height: number;
}

export const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

export const SERIES = [
  { key: "sent", label: "You wrote" },
  { key: "received", label: "They wrote" },
  { key: "meetings", label: "Meetings" },
] as const;

export function frame(title: string, desc: string, size: ChartSize, className: string): { svg: SVGSVGElement; titleId: string } {
  const titleId = uid("chart");
  const descId = uid("chartdesc");
  const svg = s(
    "svg",
    {
      class: `ns-chart ${className}`,
      viewBox: `0 0 ${size.width} ${size.height}`,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      preserveAspectRatio: "xMidYMid meet",
      focusable: "false",
    },
    s("title", { id: titleId }, title),
    s("desc", { id: descId }, desc),
  );
  return { svg, titleId };
}

export function xLabels(months: readonly { month: string }[], x: (i: number) => number, baseY: number): SVGGElement {
  const every = months.length > 12 ? 3 : 1;
  return s(
    "g",
    { class: "ns-axis ns-axis-x", "aria-hidden": "true" },
    months.map((m, i) => (i % every === 0 ? s("text", { x: x(i).toFixed(1), y: baseY + 18, "text-anchor": "middle" }, shortMonthLabel(m.month)) : null)),
  );
}

/** Stacked bars per month: sent, received, meetings. */
/**
 * One stacked bar per month, a series' rectangle on top of the previous one (classes `${classPrefix}-${key}`,
 * each with its value as a tooltip): the contact page's interactions and the network page's tiers.
 */
export function stackedBars<K extends string, M extends { month: string } & Record<K, number>>(
  months: readonly M[],
  series: readonly { key: K; label: string }[],
  classPrefix: string,
  x: (i: number) => number,
  y: (v: number) => number,
  barW: number,
): SVGGElement {
  return s(
    "g",
    { class: "ns-bars" },
    months.map((m, i) => {
      let acc = 0;
      return s(
        "g",
        { "data-month": m.month },
        series.map((one) => {
          const v = m[one.key];
          if (v <= 0) return null;
          const top = y(acc + v);
          const bottom = y(acc);
          acc += v;
          return s(
            "rect",
            { class: `${classPrefix}-${one.key}`, x: (x(i) - barW / 2).toFixed(1), y: top.toFixed(1), width: barW.toFixed(1), height: Math.max(0, bottom - top).toFixed(1), "data-value": v },
            s("title", null, `${monthLabel(m.month)}: ${v} ${one.label.toLowerCase()}`),
          );
        }),
      );
    }),
  );
}

export function interactionsChart(months: HistoryMonth[], name: string, size: ChartSize = { width: 720, height: 240 }): SVGSVGElement {
  const totals = months.map((m) => m.sent + m.received + m.meetings);
  const max = niceCeiling(Math.max(0, ...totals));
  const sum = (k: "sent" | "received" | "meetings"): number => months.reduce((a, m) => a + m[k], 0);
  const busiest = totals.length ? totals.indexOf(Math.max(...totals)) : -1;
  const range = months.length ? `${monthLabel(months[0]!.month)} to ${monthLabel(months[months.length - 1]!.month)}` : "no months";
  const desc =
    `Stacked bars per month, ${range}. Totals: ${sum("sent")} you wrote, ${sum("received")} they wrote, ${sum("meetings")} meetings.` +
    (busiest >= 0 && totals[busiest]! > 0 ? ` Busiest month ${monthLabel(months[busiest]!.month)} with ${totals[busiest]}.` : "");
  const { svg } = frame(`Monthly interactions with ${name}`, desc, size, "ns-chart-bars");
  const plotW = size.width - PAD.left - PAD.right;
  const plotH = size.height - PAD.top - PAD.bottom;
  const baseY = PAD.top + plotH;
  const slot = months.length ? plotW / months.length : plotW;
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number): number => baseY - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  svg.appendChild(
    s(
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
    ),
  );
  const x = (i: number): number => PAD.left + slot * i + slot / 2;
  svg.appendChild(stackedBars(months, SERIES, "ns-s", x, y, barW));
  svg.appendChild(s("line", { class: "ns-baseline", x1: PAD.left, x2: size.width - PAD.right, y1: baseY, y2: baseY, "aria-hidden": "true" }));
  svg.appendChild(xLabels(months, x, baseY));
  return svg;
}

/** Warmth (0–100) per month as a line, over bands for the tiers. */
export function warmthChart(months: HistoryMonth[], name: string, size: ChartSize = { width: 720, height: 200 }): SVGSVGElement {
  const last = months[months.length - 1];
  const first = months[0];
  const desc = last && first ? `Warmth by month from ${monthLabel(first.month)} (${Math.round(first.warmth)}) to ${monthLabel(last.month)} (${Math.round(last.warmth)}), on a scale of 0 to 100.` : "No history yet.";
  const { svg } = frame(`Warmth history with ${name}`, desc, size, "ns-chart-line");
  const plotW = size.width - PAD.left - PAD.right;
  const plotH = size.height - PAD.top - PAD.bottom;
  const baseY = PAD.top + plotH;
  const y = (v: number): number => baseY - (Math.min(100, Math.max(0, v)) / 100) * plotH;
  const slot = months.length ? plotW / months.length : plotW;
  const x = (i: number): number => PAD.left + slot * i + slot / 2;
  const bands: [string, number, number][] = [
    ["cold", 0, 15],
    ["cool", 15, 40],
    ["warm", 40, 70],
    ["hot", 70, 100],
  ];
  svg.appendChild(
    s(
      "g",
      { class: "ns-bands", "aria-hidden": "true" },
      bands.map(([tier, lo, hi]) =>
        s(
          "g",
          null,
          s("rect", { class: `ns-band ns-band-${tier}`, x: PAD.left, width: plotW, y: y(hi).toFixed(1), height: (y(lo) - y(hi)).toFixed(1) }),
          s("text", { x: PAD.left - 6, y: (y(lo) + 4).toFixed(1), "text-anchor": "end" }, String(lo)),
          s("text", { class: "ns-band-label", x: size.width - PAD.right - 4, y: (y(hi) + 12).toFixed(1), "text-anchor": "end" }, tier[0]!.toUpperCase() + tier.slice(1)),
        ),
      ),
      s("text", { x: PAD.left - 6, y: (y(100) + 4).toFixed(1), "text-anchor": "end" }, "100"),
    ),
  );
  if (months.length > 0) {
    const d = months.map((m, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)} ${y(m.warmth).toFixed(1)}`).join(" ");
    svg.appendChild(s("path", { class: "ns-line", d, fill: "none" }));
    svg.appendChild(
      s(
        "g",
        { class: "ns-points" },
        months.map((m, i) => s("circle", { cx: x(i).toFixed(1), cy: y(m.warmth).toFixed(1), r: 3, "data-value": m.warmth }, s("title", null, `${monthLabel(m.month)}: warmth ${Math.round(m.warmth)}`))),
      ),
    );
  }
  svg.appendChild(xLabels(months, x, baseY));
  return svg;
}

export function legend(): HTMLElement {
  return h(
    "ul",
    { class: "ns-legend" },
    SERIES.map((series) => h("li", null, h("span", { class: `ns-swatch ns-s-${series.key}`, "aria-hidden": "true" }), series.label)),
  );
}

/** The same numbers as a table: the accessible alternative to both charts. */
export function historyTable(months: HistoryMonth[], name: string): HTMLTableElement {
  return h(
    "table",
    { class: "ns-table" },
    h("caption", null, `Monthly interactions and warmth with ${name}`),
    h(
      "thead",
      null,
      h("tr", null, ["Month", "You wrote", "They wrote", "Meetings", "Warmth"].map((c) => h("th", { scope: "col" }, c))),
    ),
    h(
      "tbody",
      null,
      months.map((m) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, monthLabel(m.month)),
          h("td", null, String(m.sent)),
          h("td", null, String(m.received)),
          h("td", null, String(m.meetings)),
          h("td", null, String(Math.round(m.warmth))),
        ),
      ),
    ),
  );
}
