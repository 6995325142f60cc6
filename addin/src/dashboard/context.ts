// What every dashboard view gets from the dashboard: the API, the clock, the page, the shared action
// host, and the few things only the dashboard can do (re-render the current view, say something after
// the next route renders, report a failed action).
import { ApiError, type Api } from "../lib/api";
import type { ActionHost } from "../lib/actions";
import type { Child } from "../lib/dom";
import { describeError } from "../lib/errors";
import { alertText, type Shell } from "../lib/shell";
import type { Clock } from "../lib/time";
import { section } from "../lib/view";

export interface DashboardContext {
  readonly api: Api;
  readonly clock: Clock;
  readonly win: Window;
  readonly doc: Document;
  readonly shell: Shell;
  readonly host: ActionHost;
  /** Saves a fetched file (a Blob download through <a download> unless a test says otherwise). */
  save(blob: Blob, filename: string): void;
  /** Re-renders the current view, keeping open details and focus (`fallbackFocus` when the focused control is gone). */
  render(fallbackFocus?: string | null): void;
  /** Said in the status line after the next route renders, instead of its summary ("Forgotten: …"). */
  flashNext(text: string): void;
}

/** The 503 the API answers while it holds no mailbox for the caller (also after "Delete all my data"). */
export const isNoMailbox = (e: unknown): boolean => e instanceof ApiError && e.status === 503 && e.problem?.title === "No mailbox yet";

/** A dashboard panel (class ns-panel plus `cls`). */
export function panel(title: string, body: Child, cls = "", focusKey?: string): HTMLElement {
  return section(title, body, { class: cls ? `ns-panel ${cls}` : "ns-panel", focusKey });
}

/** Says what failed and what to do, in the alert region. */
export function failed(ctx: DashboardContext, error: unknown, what: string, otherwise: string): void {
  const view = describeError(error, ctx.api.base, ctx.api.auth.mode);
  alertText(ctx.shell, `${what} ${view.message}`, view.detail ? `${view.detail} ${otherwise}` : otherwise);
}
