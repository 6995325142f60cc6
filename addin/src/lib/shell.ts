// The page skeleton both views render into, plus the live regions.
import { h, replace } from "./dom";

export interface Shell {
  main: HTMLElement;
  status: HTMLElement;
  alert: HTMLElement;
  content: HTMLElement;
}

/** Finds the skeleton in the page (taskpane.html / index.html), creating whatever is missing. */
export function ensureShell(doc: Document = document): Shell {
  let main = doc.getElementById("ns-main");
  if (!main) {
    main = h("main", { id: "ns-main", tabindex: -1 });
    doc.body.appendChild(main);
  }
  const get = (id: string, make: () => HTMLElement): HTMLElement => {
    const found = doc.getElementById(id);
    if (found) return found;
    const el = make();
    main.appendChild(el);
    return el;
  };
  const status = get("ns-status", () => h("p", { id: "ns-status", class: "ns-status", role: "status", "aria-live": "polite" }));
  const alert = get("ns-alert", () => h("div", { id: "ns-alert", class: "ns-alert", role: "alert" }));
  const content = get("ns-content", () => h("div", { id: "ns-content" }));
  return { main, status, alert, content };
}

/** Polite announcement (also visible as the status line). */
export function announce(shell: Shell, text: string): void {
  shell.status.textContent = text;
}

/** Assertive announcement for a failed action; cleared by `clearAlert`. */
export function alertText(shell: Shell, message: string, detail?: string | null): void {
  replace(shell.alert, h("p", { class: "ns-error-message" }, message), detail ? h("p", { class: "ns-error-detail" }, detail) : null);
}

export function clearAlert(shell: Shell): void {
  shell.alert.replaceChildren();
}

export type PageState = "loading" | "ready" | "error";

/** Exposes the page state for end-to-end tests: <html data-ns-state="loading|ready|error">. */
export function setPageState(doc: Document, state: PageState, view?: string): void {
  doc.documentElement.setAttribute("data-ns-state", state);
  if (view) doc.documentElement.setAttribute("data-ns-view", view);
}

export function perfMark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // performance API missing: nothing to record
  }
}

export function perfMeasure(name: string, start: string, end: string): void {
  try {
    performance.measure(name, start, end);
  } catch {
    // start mark missing
  }
}
