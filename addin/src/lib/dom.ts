// The only way the UI builds DOM: elements, attributes and text nodes. Strings always become text
// (never markup), event handlers are real listeners (never `on*` attributes), so data from the API
// or from a message can never inject HTML or script.

export type Child = Node | string | number | null | undefined | false | readonly Child[];
export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((ev: Event) => void)>;

const SVG_NS = "http://www.w3.org/2000/svg";

function isSafeUrl(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v.startsWith("#") || v.startsWith("/") || v.startsWith("./") || v.startsWith("?")) return true;
  return v.startsWith("https://") || v.startsWith("http://") || v.startsWith("mailto:");
}

function applyAttrs(el: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith("on")) {
      // Only functions become listeners; a string `on*` attribute is never written.
      if (typeof value === "function") el.addEventListener(key.slice(2).toLowerCase(), value);
      continue;
    }
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") continue;
    const text = value === true ? "" : String(value);
    if ((key === "href" || key === "src" || key === "action" || key === "xlink:href") && !isSafeUrl(text)) continue;
    if (key === "class") el.setAttribute("class", text);
    else el.setAttribute(key, text);
  }
}

function append(el: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child as readonly Child[]);
    else if (typeof child === "string" || typeof child === "number") el.appendChild(document.createTextNode(String(child)));
    else el.appendChild(child as Node);
  }
}

/** Creates an HTML element: `h("button", { type: "button", onclick: fn }, "Done")`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Creates an SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Replaces all children of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let idCounter = 0;
/** A document-unique id for aria-labelledby / aria-describedby pairs. */
export function uid(prefix = "ns"): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Visually hidden text for screen readers. */
export function srOnly(text: string): HTMLSpanElement {
  return h("span", { class: "ns-sr-only" }, text);
}
