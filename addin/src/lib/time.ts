// Time helpers. Every function takes "now" explicitly so tests (and a service running with a frozen
// --as-of clock) get deterministic output.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

function parse(value: string | Date | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isFinite(t) ? t : null;
}

/**
 * "just now", "5 minutes ago", "yesterday", "3 weeks ago", "7 months ago", "2 years ago",
 * or for future times "in 3 days", "tomorrow". `null` (or an unparsable date) gives "never".
 */
export function relativeTime(value: string | Date | null | undefined, now: number | Date): string {
  const t = parse(value);
  if (t === null) return "never";
  const nowMs = now instanceof Date ? now.getTime() : now;
  const diff = nowMs - t;
  const future = diff < 0;
  const abs = Math.abs(diff);
  const wrap = (s: string): string => (future ? `in ${s}` : `${s} ago`);
  if (abs < MINUTE) return "just now";
  if (abs < HOUR) return wrap(plural(Math.floor(abs / MINUTE), "minute"));
  if (abs < DAY) return wrap(plural(Math.floor(abs / HOUR), "hour"));
  // Past a day, count calendar days in local time: 46 hours ago on the day before yesterday is
  // "2 days ago", not "yesterday".
  const startOfDay = (ms: number): number => new Date(ms).setHours(0, 0, 0, 0);
  const calendarDays = Math.max(1, Math.round(Math.abs(startOfDay(nowMs) - startOfDay(t)) / DAY));
  if (calendarDays === 1) return future ? "tomorrow" : "yesterday";
  if (calendarDays < 14) return wrap(plural(calendarDays, "day"));
  const days = Math.floor(abs / DAY);
  if (days < 30) return wrap(plural(Math.floor(days / 7), "week"));
  // Whole calendar months between the two dates (1 September to 1 June is 9 months).
  const a = new Date(Math.min(t, nowMs));
  const b = new Date(Math.max(t, nowMs));
  let months = (b.getFullYear() - a.getFullYear()) * 12 + (b.getMonth() - a.getMonth());
  if (b.getDate() < a.getDate()) months -= 1;
  months = Math.max(1, months);
  if (months < 12) return wrap(plural(months, "month"));
  return wrap(plural(Math.floor(months / 12), "year"));
}

/** "last spoke 7 months ago" / "never spoken". */
export function lastSpoke(value: string | null | undefined, now: number): string {
  const rel = relativeTime(value, now);
  return rel === "never" ? "Last spoke: never" : `Last spoke ${rel}`;
}

/** The next working day (Monday to Friday) after `now`, at 09:00 local time. */
export function nextWorkingDayAt9(now: number | Date): Date {
  const d = new Date(now instanceof Date ? now.getTime() : now);
  d.setHours(9, 0, 0, 0);
  do {
    d.setDate(d.getDate() + 1);
  } while (d.getDay() === 0 || d.getDay() === 6);
  return d;
}

/** Snooze target: one week from now. */
export function oneWeekFrom(now: number | Date): Date {
  return new Date((now instanceof Date ? now.getTime() : now) + 7 * DAY);
}

const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const dateTimeFmt = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/** "30 May 2026" (local time), or "" for a missing date. */
export function formatDate(value: string | null | undefined): string {
  const t = parse(value);
  return t === null ? "" : dateFmt.format(t);
}

/** "Tue, 2 Jun, 09:00" (local time), or "" for a missing date. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const t = parse(value);
  return t === null ? "" : dateTimeFmt.format(t);
}

/**
 * A clock that follows the service's "now" (its `asOf`, which a demo instance may freeze) rather
 * than the browser's, so "7 months ago" and due dates agree with the server.
 */
export class Clock {
  private offset = 0;
  constructor(private readonly source: () => number = () => Date.now()) {}
  now(): number {
    return this.source() + this.offset;
  }
  /** Aligns the clock with a server timestamp (ignored when missing or unparsable). */
  sync(asOf: string | null | undefined): void {
    const t = parse(asOf);
    if (t !== null) this.offset = t - this.source();
  }
}
