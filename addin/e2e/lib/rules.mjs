// What the pane should show, computed here from the API's data with the rules README.md and
// src/lib/time.ts describe (written out again on purpose: the test must not borrow the code it checks).
// Local time is the TZ the runner sets, the same zone the browser contexts use.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const plural = (n, unit) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** "just now", "5 minutes ago", "yesterday", "3 days ago", "2 weeks ago", "7 months ago", "2 years ago" (or "in …"). */
export function relative(iso, now) {
  if (!iso) return "never";
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return "never";
  const diff = now - t;
  const future = diff < 0;
  const abs = Math.abs(diff);
  const say = (s) => (future ? `in ${s}` : `${s} ago`);
  if (abs < MINUTE) return "just now";
  if (abs < HOUR) return say(plural(Math.floor(abs / MINUTE), "minute"));
  if (abs < DAY) return say(plural(Math.floor(abs / HOUR), "hour"));
  const midnight = (ms) => new Date(ms).setHours(0, 0, 0, 0);
  const calendarDays = Math.max(1, Math.round(Math.abs(midnight(now) - midnight(t)) / DAY));
  if (calendarDays === 1) return future ? "tomorrow" : "yesterday";
  if (calendarDays < 14) return say(plural(calendarDays, "day"));
  const days = Math.floor(abs / DAY);
  if (days < 30) return say(plural(Math.floor(days / 7), "week"));
  const [a, b] = [new Date(Math.min(t, now)), new Date(Math.max(t, now))];
  let months = (b.getFullYear() - a.getFullYear()) * 12 + (b.getMonth() - a.getMonth());
  if (b.getDate() < a.getDate()) months -= 1;
  months = Math.max(1, months);
  return months < 12 ? say(plural(months, "month")) : say(plural(Math.floor(months / 12), "year"));
}

export function lastSpoke(iso, now) {
  const rel = relative(iso, now);
  return rel === "never" ? "Last spoke: never" : `Last spoke ${rel}`;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Parses "30 May 2026" (any English month spelling) to the local calendar date [y, m (0-11), d], or null. */
export function parseShownDate(text) {
  const m = /(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})/.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
  return month < 0 ? null : [Number(m[3]), month, Number(m[1])];
}

export function localDate(iso) {
  const d = new Date(Date.parse(iso));
  return [d.getFullYear(), d.getMonth(), d.getDate()];
}

/** The next Monday-to-Friday after `now`, at 09:00 local time (a new follow-up's due date). */
export function nextWorkingDayAt9(now) {
  const d = new Date(now);
  d.setHours(9, 0, 0, 0);
  do d.setDate(d.getDate() + 1);
  while (d.getDay() === 0 || d.getDay() === 6);
  return d;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
