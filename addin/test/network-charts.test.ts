import { describe, expect, it } from "vitest";
import { networkTable, tierChart, tierSummary, tiesChart, tiesSummary } from "../src/lib/network-charts";
import type { NetworkMonth } from "../src/lib/types";

const months: NetworkMonth[] = [
  { month: "2026-01", hot: 1, warm: 2, cool: 2, gained: 3, lost: 0 },
  { month: "2026-02", hot: 0, warm: 0, cool: 0, gained: 0, lost: 0 },
  { month: "2026-03", hot: 2, warm: 4, cool: 4, gained: 1, lost: 5 },
];

const height = (r: Element): number => Number(r.getAttribute("height"));
const y = (r: Element): number => Number(r.getAttribute("y"));

describe("tierChart", () => {
  it("stacks cool, warm and hot bars in proportion, with a title, a description and axis titles", () => {
    const svg = tierChart(months, { width: 300, height: 156 });
    // an empty month draws nothing
    expect(svg.querySelectorAll("rect")).toHaveLength(6);
    const march = Array.from(svg.querySelectorAll('g[data-month="2026-03"] rect'));
    expect(march.map((r) => r.getAttribute("class"))).toEqual(["ns-t-cool", "ns-t-warm", "ns-t-hot"]);
    // 10 on a 0..10 axis fills the plot (156 - 12 - 44 = 100 px)
    expect(march.reduce((a, r) => a + height(r), 0)).toBeCloseTo(100, 0);
    expect(height(march[0]!) / height(march[2]!)).toBeCloseTo(2, 1);
    expect(y(march[1]!) + height(march[1]!)).toBeCloseTo(y(march[0]!), 0);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.querySelector("title")!.textContent).toBe("Active relationships by tier, month by month");
    expect(svg.querySelector("desc")!.textContent).toBe(tierSummary(months));
    expect(tierSummary(months)).toBe(
      "Stacked bars per month, Jan 2026 to Mar 2026: Jan 2026 5 active (1 hot, 2 warm, 2 cool); Mar 2026 10 active (2 hot, 4 warm, 4 cool). Most active relationships in Mar 2026 with 10.",
    );
    expect(Array.from(svg.querySelectorAll(".ns-axis-title")).map((t) => t.textContent)).toEqual(["Relationships", "Month"]);
    expect(march[2]!.querySelector("title")!.textContent).toBe("Mar 2026: 2 hot");
  });

  it("says so when there are no months", () => {
    expect(tierChart([]).querySelector("desc")!.textContent).toBe("No months yet.");
    expect(tierChart([]).querySelectorAll("rect")).toHaveLength(0);
  });
});

describe("tiesChart", () => {
  it("draws gains above the zero line and losses below it, on one scale", () => {
    const svg = tiesChart(months, { width: 300, height: 156 });
    const zero = Number(svg.querySelector(".ns-baseline")!.getAttribute("y1"));
    // plot 12..112, zero in the middle
    expect(zero).toBe(62);
    const gained = svg.querySelector('g[data-month="2026-01"] .ns-t-gained')!;
    const lost = svg.querySelector('g[data-month="2026-03"] .ns-t-lost')!;
    expect(y(gained) + height(gained)).toBeCloseTo(zero, 0);
    expect(y(lost)).toBeCloseTo(zero, 0);
    // 5 lost is the largest value: a 5-unit half axis of 50 px; 3 gained is 30 px
    expect(height(lost)).toBeCloseTo(50, 0);
    expect(height(gained)).toBeCloseTo(30, 0);
    expect(svg.querySelectorAll(".ns-t-gained")).toHaveLength(2);
    expect(svg.querySelectorAll(".ns-t-lost")).toHaveLength(1);
    expect(tiesSummary(months)).toBe("Bars per month, Jan 2026 to Mar 2026: ties gained above the line, ties lost below it. In all, 4 gained and 5 lost. Most gained in Jan 2026 (3).");
    expect(lost.querySelector("title")!.textContent).toBe("Mar 2026: 5 lost");
  });
});

describe("networkTable", () => {
  it("gives every number of both charts with column and row headers", () => {
    const table = networkTable(months);
    expect(table.querySelectorAll('th[scope="col"]')).toHaveLength(6);
    expect(Array.from(table.querySelectorAll('th[scope="row"]')).map((t) => t.textContent)).toEqual(["Jan 2026", "Feb 2026", "Mar 2026"]);
    expect(Array.from(table.querySelectorAll("tbody tr:last-child td")).map((t) => t.textContent)).toEqual(["2", "4", "4", "1", "5"]);
  });
});
