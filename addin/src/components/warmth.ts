// The warmth meter, the flag badges and a contact's display name: the small pieces every card and list shows.
import { h } from "../lib/dom";
import type { Tier } from "../lib/types";

export const TIER_LABEL: Record<Tier, string> = { hot: "Hot", warm: "Warm", cool: "Cool", cold: "Cold" };

export function displayName(name: string | null | undefined, address: string): string {
  const n = name?.trim();
  return n ? n : address;
}

/** Warmth as a meter (role=meter with its value in words) plus the tier as visible text. */
export function warmthMeter(warmth: number, tier: Tier, name: string): HTMLElement {
  const value = Math.round(Math.min(100, Math.max(0, warmth)));
  const fill = h("span", { class: "ns-meter-fill" });
  fill.style.width = `${value}%`; // CSSOM, not a style attribute: allowed under a strict CSP
  return h(
    "div",
    { class: `ns-warmth ns-tier-${tier}` },
    h(
      "span",
      {
        class: "ns-meter",
        role: "meter",
        "aria-label": `Warmth with ${name}`,
        "aria-valuemin": 0,
        "aria-valuemax": 100,
        "aria-valuenow": value,
        "aria-valuetext": `${value} of 100, ${TIER_LABEL[tier]}`,
      },
      fill,
    ),
    h("span", { class: "ns-tier", "aria-hidden": "true" }, h("span", { class: "ns-tier-dot" }), TIER_LABEL[tier]),
    h("span", { class: "ns-score", "aria-hidden": "true" }, String(value)),
  );
}

export interface BadgeFlags {
  dormant?: boolean;
  cooling?: boolean;
  firstContact?: boolean;
  owesReply?: boolean;
  muted?: boolean;
  automated?: boolean;
}

export function badges(flags: BadgeFlags): HTMLElement | null {
  const list: [string, string][] = [];
  if (flags.firstContact) list.push(["first", "First contact"]);
  if (flags.owesReply) list.push(["owe", "You owe a reply"]);
  if (flags.cooling) list.push(["cooling", "Cooling"]);
  if (flags.dormant) list.push(["dormant", "Dormant"]);
  if (flags.muted) list.push(["muted", "Muted"]);
  if (flags.automated) list.push(["automated", "Automated"]);
  if (list.length === 0) return null;
  return h("ul", { class: "ns-badges", "aria-label": "Flags" }, list.map(([k, label]) => h("li", { class: `ns-badge ns-badge-${k}` }, label)));
}
