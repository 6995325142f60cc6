// The contact page (#/contact/<address>): the person card, the addresses merged into them and why,
// "Forget this person", and charts of the last 24 months.
import { createFollowUp, followUpAction, setMuted } from "../lib/actions";
import { historyTable, interactionsChart, legend, warmthChart } from "../lib/chart";
import { personCard, personName, runAction } from "../lib/components";
import { confirmDialog } from "../lib/dialog";
import { h, replace } from "../lib/dom";
import { announce, clearAlert } from "../lib/shell";
import type { HistoryMonth, PersonContext } from "../lib/types";
import { failed, panel, type DashboardContext } from "./context";

export interface ContactState {
  kind: "contact";
  person: PersonContext;
  months: HistoryMonth[];
  /** Why each of the person's other addresses is them ("address: reason"), from the contact listing. */
  mergeReasons: string[];
}

export async function loadContact(ctx: DashboardContext, address: string): Promise<ContactState> {
  announce(ctx.shell, "Loading relationship context…");
  const [person, months] = await Promise.all([ctx.api.context(address), ctx.api.history(address)]);
  const mergeReasons = person.otherAddresses.length > 0 ? await mergeReasonsOf(ctx, person.address) : [];
  return { kind: "contact", person, months, mergeReasons };
}

export const contactSummary = (s: ContactState): string => `Relationship with ${personName(s.person)}.`;

/** The listing's mergeReasons for the person known under `address` (the context answer carries none); [] when not found. */
async function mergeReasonsOf(ctx: DashboardContext, address: string): Promise<string[]> {
  try {
    const page = await ctx.api.contacts({ search: address, limit: 50 });
    return page.items.find((c) => c.address === address)?.mergeReasons ?? [];
  } catch {
    return []; // the addresses still show, without why
  }
}

export function renderContact(ctx: DashboardContext, state: ContactState): void {
  const p = state.person;
  const name = personName(p);
  ctx.doc.title = `${name} – NetworkSync`;
  const card = personCard(p, {
    now: ctx.clock.now(),
    headingLevel: 1,
    onFollowUp: (verb, fu, button) => void followUpAction(ctx.host, verb, fu, button, p.address),
    onCreateFollowUp: (person, button) => void createFollowUp(ctx.host, person, null, button),
    onMute: (person, muted, button) => void setMuted(ctx.host, person, muted, null, button),
  });
  const months = state.months;
  const hasData = months.some((m) => m.sent + m.received + m.meetings > 0 || m.warmth > 0);
  replace(
    ctx.shell.content,
    h("p", { class: "ns-back" }, h("a", { href: "#/" }, "← Back to your network")),
    h(
      "div",
      { class: "ns-contact-page" },
      h("div", { class: "ns-contact-side" }, card, alsoKnownAs(p, state.mergeReasons), forgetSection(ctx, p)),
      h(
        "div",
        { class: "ns-charts" },
        hasData
          ? [
              panel("Monthly interactions", h("figure", { class: "ns-figure" }, interactionsChart(months, name), h("figcaption", null, legend()))),
              panel("Warmth history", h("figure", { class: "ns-figure" }, warmthChart(months, name))),
              h("details", { class: "ns-more ns-table-wrap", "data-open-key": "history-table" }, h("summary", null, "Show the history as a table"), historyTable(months, name)),
            ]
          : panel("History", h("p", { class: "ns-empty" }, "No history with this address in the last 24 months.")),
      ),
    ),
  );
}

/** A merged person: each other address and why NetworkSync counts it as this person. */
function alsoKnownAs(p: PersonContext, reasons: string[]): HTMLElement | null {
  if (p.otherAddresses.length === 0) return null;
  const why = (address: string): string | null => {
    const r = reasons.find((x) => x.toLowerCase().startsWith(`${address}:`));
    return r ? r.slice(address.length + 1).trim() : null;
  };
  return panel(
    "Also known as",
    h(
      "ul",
      { class: "ns-aliases" },
      p.otherAddresses.map((a) => {
        const reason = why(a);
        return h("li", { "data-address": a }, h("span", { class: "ns-merge-address" }, a), reason ? h("span", { class: "ns-alias-why" }, `: ${reason}`) : null);
      }),
    ),
    "ns-also-known",
  );
}

function forgetSection(ctx: DashboardContext, p: PersonContext): HTMLElement {
  const name = personName(p);
  const button = h("button", { type: "button", class: "ns-btn ns-btn-danger-outline", "data-focus-key": `person:${p.address}:forget` }, "Forget this person…");
  button.addEventListener("click", () => void forget(ctx, p, button));
  return panel(
    "Privacy",
    [h("p", null, `Forgetting removes ${name} from everything NetworkSync stores for you, and NetworkSync never stores them again.`), h("div", { class: "ns-data-actions" }, button)],
    "ns-privacy",
  );
}

/** "Forget this person": confirmed in a dialog, then back home with what was forgotten in the status line. */
export async function forget(ctx: DashboardContext, p: PersonContext, button: HTMLButtonElement): Promise<void> {
  if (button.getAttribute("aria-disabled") === "true") return;
  const name = personName(p);
  const who = name === p.address ? name : `${name} (${p.address})`;
  const ok = await confirmDialog(ctx.doc, {
    title: `Forget ${name}?`,
    body: [
      h("p", null, `NetworkSync removes ${who} from every stored message and meeting (a message or meeting with no one else left is deleted), deletes your follow-ups with them, and never stores them again. Other addresses NetworkSync knows as the same person are forgotten too.`),
      h("p", null, "This cannot be undone."),
    ],
    confirmLabel: `Forget ${name}`,
    returnFocus: button,
  });
  if (!ok) {
    announce(ctx.shell, `Cancelled: ${name} was not forgotten.`);
    return;
  }
  await runAction(
    button,
    async () => {
      announce(ctx.shell, `Forgetting ${name}…`);
      await ctx.api.forgetContact(p.address);
      clearAlert(ctx.shell);
      ctx.flashNext(`Forgotten: ${who} will not be stored again.`);
      ctx.win.location.hash = "#/";
    },
    (e) => {
      announce(ctx.shell, "");
      failed(ctx, e, `${name} was not forgotten.`, "Nothing was changed: try again, or reload the page if it keeps failing.");
    },
  );
}
