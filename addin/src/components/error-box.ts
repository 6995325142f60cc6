// The error box: what went wrong, the detail when there is one, and the buttons that can fix it.
import { h } from "../lib/dom";

export function errorBox(message: string, detail: string | null, actions: HTMLButtonElement[]): HTMLElement {
  return h(
    "div",
    { class: "ns-error", role: "alert" },
    h("p", { class: "ns-error-message" }, message),
    detail ? h("p", { class: "ns-error-detail" }, detail) : null,
    actions.length ? h("div", { class: "ns-error-actions" }, actions) : null,
  );
}
