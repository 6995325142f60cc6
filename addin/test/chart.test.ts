import { describe, expect, it } from "vitest";
import { historyTable, interactionsChart, monthLabel, niceCeiling, shortMonthLabel, warmthChart } from "../src/lib/chart";

const months = [
  { month: "2026-01", sent: 2, received: 3, meetings: 1, warmth: 20 },
  { month: "2026-02", sent: 0, received: 0, meetings: 0, warmth: 15 },
  { month: "2026-03", sent: 4, received: 4, meetings: 2, warmth: 80 },
];

describe("chart helpers", () => {
  it("labels months", () => {
    expect(monthLabel("2026-01")).toBe("Jan 2026");
    expect(shortMonthLabel("2026-12")).toBe("Dec ’26");
    expect(monthLabel("weird")).toBe("weird");
  });
  it("rounds the axis up to 1, 2 or 5 × 10ⁿ", () => {
    expect([0, 0.5, 1, 3, 7, 10, 11, 26, 140].map(niceCeiling)).toEqual([1, 1, 1, 5, 10, 10, 20, 50, 200]);
  });
});

describe("interactionsChart", () => {
  it("stacks bars proportionally to the counts", () => {
    const svg = interactionsChart(months, "Ana", { width: 300, height: 140 });
    const rects = Array.from(svg.querySelectorAll("rect"));
    expect(rects).toHaveLength(6); // an empty month draws nothing
    const h = (r: Element) => Number(r.getAttribute("height"));
    const march = Array.from(svg.querySelectorAll('g[data-month="2026-03"] rect'));
    expect(march.map((r) => r.getAttribute("class"))).toEqual(["ns-s-sent", "ns-s-received", "ns-s-meetings"]);
    // total 10 on a 0..10 axis: the stack fills the plot height (140 - 12 - 28 = 100)
    expect(march.reduce((a, r) => a + h(r), 0)).toBeCloseTo(100, 0);
    expect(h(march[0]!) / h(march[2]!)).toBeCloseTo(2, 1);
    // stacked: each segment sits on the one below
    expect(Number(march[1]!.getAttribute("y")) + h(march[1]!)).toBeCloseTo(Number(march[0]!.getAttribute("y")), 0);
    expect(svg.querySelector("title")!.textContent).toBe("Monthly interactions with Ana");
    expect(svg.querySelector("desc")!.textContent).toContain("Totals: 6 you wrote, 7 they wrote, 3 meetings. Busiest month Mar 2026 with 10.");
    expect(march[0]!.querySelector("title")!.textContent).toBe("Mar 2026: 4 you wrote");
  });
});

describe("warmthChart", () => {
  it("draws one point per month on a 0..100 scale", () => {
    const svg = warmthChart(months, "Ana", { width: 300, height: 140 });
    const cy = Array.from(svg.querySelectorAll("circle")).map((c) => Number(c.getAttribute("cy")));
    // plot from y=12 (100) to y=112 (0)
    expect(cy).toEqual([92, 97, 32]);
    expect(svg.querySelectorAll(".ns-band")).toHaveLength(4);
    expect(svg.querySelector("desc")!.textContent).toBe("Warmth by month from Jan 2026 (20) to Mar 2026 (80), on a scale of 0 to 100.");
  });
});

describe("historyTable", () => {
  it("has a caption, column headers and row headers", () => {
    const table = historyTable(months, "Ana");
    expect(table.querySelector("caption")!.textContent).toBe("Monthly interactions and warmth with Ana");
    expect(table.querySelectorAll('th[scope="col"]')).toHaveLength(5);
    expect(Array.from(table.querySelectorAll('th[scope="row"]')).map((t) => t.textContent)).toEqual(["Jan 2026", "Feb 2026", "Mar 2026"]);
  });
});
