// Turns any failure into words that say what happened and what to do.
import { ApiError, NetworkError } from "./api";
import { AuthConfigError, SignInRequiredError } from "./auth";

export interface ErrorView {
  /** The main sentence. */
  message: string;
  /** A second line (the Problem Details `detail`), when there is one. */
  detail: string | null;
  /** Whether a "Sign in" button can fix it. */
  signIn: boolean;
}

export const MESSAGE_401 = "NetworkSync rejected the sign-in. Reopen the add-in from a running NetworkSync instance.";
export const MESSAGE_401_LOCAL = "Not signed in to NetworkSync. Open the sign-in link it printed when it started.";

export function unreachableMessage(origin: string): string {
  return `Can't reach NetworkSync at ${origin}. Is the service running?`;
}

export function describeError(error: unknown, origin: string, mode: "local" | "entra" = "entra"): ErrorView {
  if (error instanceof SignInRequiredError) return { message: error.message, detail: null, signIn: true };
  if (error instanceof AuthConfigError) return { message: error.message, detail: null, signIn: false };
  if (error instanceof NetworkError) return { message: unreachableMessage(error.origin || origin), detail: null, signIn: false };
  if (error instanceof ApiError) {
    if (error.status === 401) return { message: mode === "local" ? MESSAGE_401_LOCAL : MESSAGE_401, detail: null, signIn: false };
    if (error.status === 403) {
      return { message: error.problem?.title ?? "NetworkSync refused this request (403).", detail: error.problem?.detail ?? null, signIn: false };
    }
    const title = error.problem?.title;
    const fallback = error.status >= 500 ? `NetworkSync failed (HTTP ${error.status}). Try again in a moment.` : `NetworkSync could not do that (HTTP ${error.status}).`;
    return { message: title ?? fallback, detail: error.problem?.detail ?? null, signIn: false };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { message: `Something went wrong: ${text}`, detail: null, signIn: false };
}
