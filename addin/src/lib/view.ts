// The view scaffold the task pane and the dashboard share: one load at a time (a stale answer never
// overwrites a newer view), the loading and rendered states the live regions and the e2e tests read,
// the error view (Try again, Sign in and, in the task pane, pairing), the panel section, re-rendering
// that keeps open details and focus, and busy buttons.
import { ApiError, type Api } from "./api";
import { errorBox } from "../components/error-box";
import { h, replace, uid, type Child } from "./dom";
import { describeError } from "./errors";
import type { PairingStore } from "./pairing";
import { announce, perfMark, setPageState, type Shell } from "./shell";

/** A titled panel: <section aria-labelledby> with a focusable h2 (data-focus-key keeps focus across re-renders). */
export function section(title: string, body: Child, o: { class: string; focusKey?: string | null }): HTMLElement {
  const id = uid("sec");
  return h("section", { class: o.class, "aria-labelledby": id }, h("h2", { id, class: "ns-section-title", tabindex: -1, "data-focus-key": o.focusKey ?? null }, title), body);
}

/** What an error view adds for one error, beside the message and its buttons. */
export interface ErrorExtras {
  /** Said in the status line instead of nothing (an action that succeeded before the view failed). */
  status?: string | null;
  /** Shown above the error box (the dashboard's page heading). */
  heading?: HTMLElement | null;
  /** A hint inside the box, above its buttons. */
  hint?: HTMLElement | null;
  /** The document title while the error shows. */
  title?: string | null;
}

export interface ViewControllerDeps {
  doc: Document;
  shell: Shell;
  api: Api;
  /** Loads the current view again: "Try again", and what follows a sign-in or a pairing. */
  reload(): Promise<void>;
  /** Offer the pairing form when a local-mode call answers 401 (the task pane: Outlook's browser has no cookie). */
  pairing?: boolean;
  /** What the error view adds for this error (default: nothing). */
  errorExtras?(error: unknown): ErrorExtras;
}

/**
 * One view's lifecycle: `begin()` starts a load and returns its ticket; only the newest ticket may
 * render (`isCurrent`); `loading`, `rendered` and `showError` set the page state, aria-busy and the
 * status line the same way in both views.
 */
export class ViewController {
  private seq = 0;

  constructor(private readonly deps: ViewControllerDeps) {}

  /** Starts a load; answers for any earlier ticket are dropped from now on. */
  begin(): number {
    return ++this.seq;
  }

  isCurrent(ticket: number): boolean {
    return ticket === this.seq;
  }

  /** Drops every answer still on its way. */
  cancel(): void {
    this.seq++;
  }

  /** The view is loading: page state, aria-busy, the status line; `clear` empties the content first. */
  loading(view: string, text: string | null, o: { clear?: boolean } = {}): void {
    const { doc, shell } = this.deps;
    setPageState(doc, "loading", view);
    shell.content.setAttribute("aria-busy", "true");
    if (o.clear) replace(shell.content);
    if (text !== null) announce(shell, text);
  }

  /** The view rendered: not busy, `status` said (when given), page state ready, the ns:rendered mark. */
  rendered(status?: string): void {
    const { doc, shell } = this.deps;
    shell.content.removeAttribute("aria-busy");
    if (status !== undefined) announce(shell, status);
    setPageState(doc, "ready");
    perfMark("ns:rendered");
  }

  /** Replaces the view with what went wrong and what to do: Try again, Sign in when that helps, pairing in the pane. */
  showError(error: unknown): void {
    const { doc, shell, api } = this.deps;
    const view = describeError(error, api.base, api.auth.mode);
    const extras = this.deps.errorExtras?.(error) ?? {};
    shell.content.removeAttribute("aria-busy");
    announce(shell, extras.status ?? "");
    const retry = h("button", { type: "button", class: "ns-btn" }, "Try again");
    retry.addEventListener("click", () => void this.deps.reload());
    const buttons = [retry];
    if (view.signIn) {
      const signIn = h("button", { type: "button", class: "ns-btn ns-btn-primary" }, "Sign in");
      signIn.addEventListener("click", () =>
        void runAction(signIn, async () => {
          await api.signIn();
          await this.deps.reload();
        }, (e) => this.showError(e)),
      );
      buttons.unshift(signIn);
    }
    const box = errorBox(view.message, view.detail, buttons);
    if (extras.hint) box.insertBefore(extras.hint, box.querySelector(".ns-error-actions"));
    const pairing = this.deps.pairing && api.auth.mode === "local" && error instanceof ApiError && error.status === 401 ? api.auth.pairing : null;
    replace(shell.content, extras.heading ?? null, box, pairing ? this.pairingForm(pairing) : null);
    setPageState(doc, "error");
    if (extras.title) doc.title = extras.title;
  }

  /** Outlook's own browser never sees the dashboard's cookie: the user pairs the pane once with the code the dashboard shows. */
  private pairingForm(pairing: PairingStore): HTMLElement {
    const inputId = uid("pair");
    const hintId = uid("pair-hint");
    const input = h("input", { id: inputId, class: "ns-input", type: "text", autocomplete: "off", spellcheck: "false", "aria-describedby": hintId, "data-ns-pairing": "code" }) as HTMLInputElement;
    const save = h("button", { type: "submit", class: "ns-btn ns-btn-primary" }, "Pair");
    const form = h(
      "form",
      { class: "ns-panel ns-pairing", "aria-label": "Pair this pane with NetworkSync" },
      h("label", { for: inputId }, "Pairing code"),
      h("p", { id: hintId, class: "ns-error-hint" }, "In Outlook, pair this pane once: open the NetworkSync dashboard with the link the service printed, copy the pairing code it shows under “Your data”, and enter it here."),
      input,
      save,
    ) as HTMLFormElement;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const code = input.value.trim();
      if (!code) return;
      void runAction(save, async () => {
        await pairing.save(code);
        await this.deps.reload();
      }, (err) => this.showError(err));
    });
    return form;
  }
}

/**
 * Re-renders `root` through `render` while keeping what the user had: which <details> were open
 * and which control had focus (by data-focus-key; `fallbackFocus` when that control is gone).
 */
export function preserveUi(root: Element, render: () => void, fallbackFocus?: string | null): void {
  // Focus is restored only when it was inside root (or on nothing); never stolen from elsewhere.
  const open = new Set<string>();
  root.querySelectorAll("details[open][data-open-key]").forEach((d) => open.add(d.getAttribute("data-open-key") ?? ""));
  const active = root.ownerDocument.activeElement;
  const focusKey = active && root.contains(active) ? active.getAttribute("data-focus-key") : null;
  render();
  root.querySelectorAll("details[data-open-key]").forEach((d) => {
    if (open.has(d.getAttribute("data-open-key") ?? "")) d.setAttribute("open", "");
  });
  const find = (key: string | null | undefined): HTMLElement | null => {
    if (!key) return null;
    for (const el of Array.from(root.querySelectorAll<HTMLElement>("[data-focus-key]"))) {
      if (el.getAttribute("data-focus-key") === key) return el;
    }
    return null;
  };
  const hadFocus = focusKey !== null || !active || active === root.ownerDocument.body;
  if (hadFocus) (find(focusKey) ?? find(fallbackFocus))?.focus();
}

/**
 * Runs a button's action once at a time: the button says it is busy (aria-disabled keeps it
 * focusable, unlike `disabled`), errors go to `onError`.
 */
export async function runAction(button: HTMLButtonElement, work: () => Promise<void>, onError: (e: unknown) => void): Promise<void> {
  if (button.getAttribute("aria-disabled") === "true") return;
  button.setAttribute("aria-disabled", "true");
  button.classList.add("ns-busy");
  try {
    await work();
  } catch (e) {
    onError(e);
  } finally {
    button.removeAttribute("aria-disabled");
    button.classList.remove("ns-busy");
  }
}
