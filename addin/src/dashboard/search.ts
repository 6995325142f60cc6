// The search view (#/search/<query>): the contacts whose name or address matches.
import { contactList } from "../lib/components";
import { h, replace } from "../lib/dom";
import { announce } from "../lib/shell";
import type { ContactPage } from "../lib/types";
import type { DashboardContext } from "./context";
import { contactHref } from "./router";

export interface SearchState {
  kind: "search";
  query: string;
  page: ContactPage;
}

export async function loadSearch(ctx: DashboardContext, query: string): Promise<SearchState> {
  announce(ctx.shell, `Searching for ${query}…`);
  const page = await ctx.api.contacts({ search: query, limit: 50 });
  return { kind: "search", query, page };
}

export const searchSummary = (s: SearchState): string => `${s.page.total} ${s.page.total === 1 ? "contact matches" : "contacts match"} “${s.query}”.`;

export function renderSearch(ctx: DashboardContext, state: SearchState): void {
  ctx.doc.title = `Search: ${state.query} – NetworkSync`;
  const { total, items } = state.page;
  replace(
    ctx.shell.content,
    h("h1", { class: "ns-view-title", tabindex: -1 }, `Contacts matching “${state.query}”`),
    h("p", { class: "ns-subject" }, total > items.length ? `Showing ${items.length} of ${total}.` : `${total} ${total === 1 ? "contact" : "contacts"}.`),
    contactList(items, { now: ctx.clock.now(), href: contactHref, emptyText: "No contact matches that search." }),
  );
}
