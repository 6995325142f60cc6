// A list of contacts with their warmth, last contact and flags, each linking to its contact page.
import { h, srOnly } from "../lib/dom";
import { lastSpoke } from "../lib/time";
import type { ContactListItem } from "../lib/types";
import { badges, displayName, warmthMeter } from "./warmth";

export interface ContactListOptions {
  now: number;
  href?: (address: string) => string | null;
  hrefTarget?: string | null;
  emptyText?: string;
}

export function contactList(items: ContactListItem[], o: ContactListOptions): HTMLElement {
  if (items.length === 0) return h("p", { class: "ns-empty" }, o.emptyText ?? "Nobody here yet.");
  return h(
    "ul",
    { class: "ns-contacts" },
    items.map((c) => {
      const name = displayName(c.displayName, c.address);
      const href = o.href?.(c.address) ?? null;
      return h(
        "li",
        { class: `ns-contact ns-tier-${c.tier}`, "data-address": c.address },
        h(
          "div",
          { class: "ns-contact-head" },
          href
            ? h("a", { href, target: o.hrefTarget ?? null, rel: o.hrefTarget ? "noopener" : null, class: "ns-contact-name" }, name, o.hrefTarget === "_blank" ? srOnly(" (opens in a new window)") : null)
            : h("span", { class: "ns-contact-name" }, name),
          name !== c.address ? h("span", { class: "ns-address" }, c.address) : null,
        ),
        warmthMeter(c.warmth, c.tier, name),
        h("p", { class: "ns-last" }, lastSpoke(c.lastContact, o.now)),
        badges({ dormant: c.dormant, cooling: c.cooling, muted: c.muted, automated: c.automated }),
      );
    }),
  );
}
