// The dashboard's routes: which view a location hash names, and the links between views.

export type Route = { name: "home" } | { name: "search"; query: string } | { name: "contact"; address: string } | { name: "your-data" } | { name: "network" } | { name: "other" };

/** "#/", "#/search/<q>", "#/contact/<address>", "#/your-data", "#/network"; any other hash (e.g. "#ns-main") is not a route. */
export function parseRoute(hash: string): Route {
  if (hash === "" || hash === "#" || hash === "#/") return { name: "home" };
  if (hash === "#/your-data" || hash === "#/your-data/") return { name: "your-data" };
  if (hash === "#/network" || hash === "#/network/") return { name: "network" };
  const decode = (v: string): string => {
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  };
  let m = /^#\/contact\/(.+)$/.exec(hash);
  if (m?.[1]) return { name: "contact", address: decode(m[1]).trim().toLowerCase() };
  m = /^#\/search\/(.*)$/.exec(hash);
  if (m) return { name: "search", query: decode(m[1] ?? "") };
  if (hash.startsWith("#/")) return { name: "home" };
  return { name: "other" };
}

export const contactHref = (address: string): string => `#/contact/${encodeURIComponent(address)}`;

export const searchHref = (query: string): string => (query ? `#/search/${encodeURIComponent(query)}` : "#/");

/** Marks the top bar's link for the current view with aria-current="page". */
export function markNav(doc: Document, route: Route["name"]): void {
  for (const a of Array.from(doc.querySelectorAll<HTMLAnchorElement>(".ns-nav a[data-nav]"))) {
    if (a.getAttribute("data-nav") === route) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}
