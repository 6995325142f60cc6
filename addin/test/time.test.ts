import { describe, expect, it } from "vitest";
import { Clock, formatDate, lastSpoke, nextWorkingDayAt9, oneWeekFrom, relativeTime } from "../src/lib/time";

const NOW = Date.parse("2026-06-01T12:00:00Z"); // a Monday
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("relativeTime", () => {
  it.each([
    [ago(10_000), "just now"],
    [ago(1 * MIN), "1 minute ago"],
    [ago(5 * MIN), "5 minutes ago"],
    [ago(1 * HOUR), "1 hour ago"],
    [ago(23 * HOUR), "23 hours ago"],
    ["2026-05-31T09:00:00Z", "yesterday"],
    ["2026-05-30T14:02:00Z", "2 days ago"],
    [ago(6 * DAY), "6 days ago"],
    [ago(13 * DAY), "13 days ago"],
    [ago(14 * DAY), "2 weeks ago"],
    [ago(29 * DAY), "4 weeks ago"],
    [ago(30 * DAY), "1 month ago"],
    [ago(61 * DAY), "2 months ago"],
    ["2025-10-20T10:00:00Z", "7 months ago"],
    [ago(364 * DAY), "11 months ago"],
    [ago(365 * DAY), "1 year ago"],
    [ago(3 * 365 * DAY), "2 years ago"],
  ])("%s → %s", (when, expected) => {
    expect(relativeTime(when, NOW)).toBe(expected);
  });

  it("handles the future", () => {
    expect(relativeTime(new Date(NOW + 2 * HOUR), NOW)).toBe("in 2 hours");
    expect(relativeTime("2026-06-02T09:00:00Z", NOW)).toBe("in 21 hours");
    expect(relativeTime("2026-06-02T18:00:00Z", NOW)).toBe("tomorrow");
    expect(relativeTime(new Date(NOW + 3 * DAY), NOW)).toBe("in 3 days");
    expect(relativeTime(new Date(NOW + 100 * DAY), NOW)).toBe("in 3 months");
  });

  it("says never for null, undefined or an unparsable date", () => {
    expect(relativeTime(null, NOW)).toBe("never");
    expect(relativeTime(undefined, NOW)).toBe("never");
    expect(relativeTime("not a date", NOW)).toBe("never");
  });

  it("reads as a sentence with lastSpoke", () => {
    expect(lastSpoke("2025-10-20T10:00:00Z", NOW)).toBe("Last spoke 7 months ago");
    expect(lastSpoke(null, NOW)).toBe("Last spoke: never");
  });
});

describe("nextWorkingDayAt9", () => {
  const local = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  it("is the next day at 09:00 local from Monday to Thursday", () => {
    expect(local(nextWorkingDayAt9(new Date(2026, 5, 1, 15, 30)))).toEqual([2026, 6, 2, 9, 0, 0]); // Mon → Tue
    expect(local(nextWorkingDayAt9(new Date(2026, 5, 4, 7, 0)))).toEqual([2026, 6, 5, 9, 0, 0]); // Thu → Fri, even before 09:00
  });
  it("skips the weekend", () => {
    expect(local(nextWorkingDayAt9(new Date(2026, 5, 5, 16, 0)))).toEqual([2026, 6, 8, 9, 0, 0]); // Fri → Mon
    expect(local(nextWorkingDayAt9(new Date(2026, 5, 6, 10, 0)))).toEqual([2026, 6, 8, 9, 0, 0]); // Sat → Mon
    expect(local(nextWorkingDayAt9(new Date(2026, 5, 7, 23, 59)))).toEqual([2026, 6, 8, 9, 0, 0]); // Sun → Mon
  });
  it("crosses month and year ends", () => {
    expect(local(nextWorkingDayAt9(new Date(2026, 11, 31, 12, 0)))).toEqual([2027, 1, 1, 9, 0, 0]); // Thu 31 Dec → Fri 1 Jan
    expect(local(nextWorkingDayAt9(new Date(2026, 6, 31, 12, 0)))).toEqual([2026, 8, 3, 9, 0, 0]); // Fri 31 Jul → Mon 3 Aug
  });
});

describe("clock and formatting", () => {
  it("oneWeekFrom adds seven days", () => {
    expect(oneWeekFrom(NOW).toISOString()).toBe("2026-06-08T12:00:00.000Z");
  });
  it("Clock follows the service's asOf and ignores bad values", () => {
    let browser = Date.parse("2030-01-01T00:00:00Z");
    const clock = new Clock(() => browser);
    expect(clock.now()).toBe(browser);
    clock.sync("2026-06-01T12:00:00Z");
    expect(new Date(clock.now()).toISOString()).toBe("2026-06-01T12:00:00.000Z");
    browser += 5000;
    expect(new Date(clock.now()).toISOString()).toBe("2026-06-01T12:00:05.000Z");
    clock.sync(null);
    clock.sync("garbage");
    expect(new Date(clock.now()).toISOString()).toBe("2026-06-01T12:00:05.000Z");
  });
  it("formatDate is empty for missing dates", () => {
    expect(formatDate("2026-05-30T14:02:00Z")).toBe("30 May 2026");
    expect(formatDate(null)).toBe("");
  });
});
