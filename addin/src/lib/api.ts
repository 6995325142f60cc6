// The NetworkSync API client (docs/api.md). One request helper adds the auth headers, turns
// Problem Details into ApiError and a failed fetch into NetworkError.
import type { Auth } from "./auth";
import {
  normaliseBatch,
  normaliseContactPage,
  normaliseFollowUp,
  normaliseHistory,
  normaliseIntroducerConsent,
  normaliseMe,
  normaliseMergeSuggestions,
  normaliseNetworkKnowledge,
  normaliseNetworkOverview,
  normalisePerson,
  normaliseWaitingSetting,
  type BatchResponse,
  type ContactPage,
  type FollowUp,
  type HistoryMonth,
  type IntroducerConsent,
  type Me,
  type MergeSuggestion,
  type NetworkKnowledge,
  type NetworkOverview,
  type WaitingSetting,
  type PersonContext,
} from "./types";

export interface ProblemDetails {
  title?: string;
  detail?: string;
  status?: number;
  type?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | null,
  ) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = "ApiError";
  }
}

export class NetworkError extends Error {
  constructor(
    readonly origin: string,
    cause?: unknown,
  ) {
    super(`Can't reach NetworkSync at ${origin}`, { cause });
    this.name = "NetworkError";
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type ContactFilter = "warmest" | "cooling" | "dormant" | "muted";
/** GET /api/followups?status=: "active" (open and snoozed) is what the service answers without one. */
export type FollowUpQuery = "active" | "open" | "snoozed" | "done" | "dismissed" | "all";
export type FollowUpAction = "done" | "dismiss" | "reopen";
export type MergeAnswer = "same" | "apart";

/** At most this many addresses per batch request (docs/api.md). */
export const BATCH_LIMIT = 100;

const enc = encodeURIComponent;

export class Api {
  private readonly fetchImpl: FetchLike;

  constructor(
    readonly base: string,
    readonly auth: Auth,
    fetchImpl?: FetchLike,
  ) {
    // Resolve fetch at call time and call it unbound-safe (window.fetch needs `this === window`).
    this.fetchImpl = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Sends a call with the auth headers (once more after a 401 in Entra mode); a failed answer throws ApiError. */
  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const send = async (forceRefresh: boolean): Promise<Response> => {
      const headers: Record<string, string> = { Accept: "application/json", ...(await this.auth.headers(forceRefresh)) };
      const init: RequestInit = { method, headers, credentials: "same-origin" };
      if (body !== undefined) {
        headers["Content-Type"] = "application/json";
        init.body = JSON.stringify(body);
      }
      try {
        return await this.fetchImpl(this.base + path, init);
      } catch (e) {
        throw new NetworkError(this.base, e);
      }
    };
    let res = await send(false);
    if (res.status === 401 && this.auth.mode === "entra") res = await send(true); // a stale token: once more
    if (!res.ok) throw new ApiError(res.status, await readProblem(res));
    return res;
  }

  async request<T>(method: string, path: string, body?: unknown, parse?: (v: unknown) => T): Promise<T> {
    const res = await this.send(method, path, body);
    if (res.status === 204) return (parse ? parse(undefined) : undefined) as T;
    const text = await res.text();
    let data: unknown = undefined;
    if (text.length > 0) {
      try {
        data = JSON.parse(text);
      } catch {
        throw new ApiError(res.status, { title: "NetworkSync sent an answer that is not JSON." });
      }
    }
    return (parse ? parse(data) : data) as T;
  }

  /** Interactive sign-in (Entra mode), from a click. */
  signIn(): Promise<void> {
    return this.auth.signInInteractive();
  }

  /** Local mode: the code that pairs the Outlook task pane (shown on the signed-in dashboard). */
  async pairingCode(): Promise<string> {
    const v = await this.request<{ code?: unknown }>("GET", "/api/local/pairing-code");
    if (typeof v?.code !== "string" || !v.code) throw new ApiError(200, { title: "NetworkSync sent no pairing code." });
    return v.code;
  }

  me(): Promise<Me> {
    return this.request("GET", "/api/me", undefined, normaliseMe);
  }

  context(address: string): Promise<PersonContext> {
    return this.request("GET", `/api/context/${enc(address)}`, undefined, normalisePerson);
  }

  batch(addresses: string[]): Promise<BatchResponse> {
    return this.request("POST", "/api/context/batch", { addresses: addresses.slice(0, BATCH_LIMIT) }, normaliseBatch);
  }

  contacts(q: { search?: string; filter?: ContactFilter; offset?: number; limit?: number } = {}): Promise<ContactPage> {
    const params = new URLSearchParams();
    if (q.search) params.set("search", q.search);
    if (q.filter) params.set("filter", q.filter);
    if (q.offset !== undefined) params.set("offset", String(q.offset));
    if (q.limit !== undefined) params.set("limit", String(q.limit));
    const qs = params.toString();
    return this.request("GET", `/api/contacts${qs ? `?${qs}` : ""}`, undefined, normaliseContactPage);
  }

  history(address: string): Promise<HistoryMonth[]> {
    return this.request("GET", `/api/contacts/${enc(address)}/history`, undefined, normaliseHistory);
  }

  setMuted(address: string, muted: boolean): Promise<void> {
    return this.request(muted ? "PUT" : "DELETE", `/api/contacts/${enc(address)}/muted`);
  }

  followUps(status?: FollowUpQuery): Promise<FollowUp[]> {
    const qs = status ? `?status=${enc(status)}` : "";
    return this.request("GET", `/api/followups${qs}`, undefined, (v) => (Array.isArray(v) ? v.map(normaliseFollowUp) : []));
  }

  createFollowUp(body: { contacts: string[]; title: string; due: string }): Promise<FollowUp> {
    return this.request("POST", "/api/followups", body, normaliseFollowUp);
  }

  followUpAction(id: string, action: FollowUpAction): Promise<FollowUp> {
    return this.request("POST", `/api/followups/${enc(id)}/${action}`, undefined, normaliseFollowUp);
  }

  snooze(id: string, until: Date): Promise<FollowUp> {
    return this.request("POST", `/api/followups/${enc(id)}/snooze`, { until: until.toISOString() }, normaliseFollowUp);
  }

  // ---- the relationship model (docs/api.md, "Relationship model") ----

  /** How well the warmth model ranks whom the caller writes to next, beside three baselines (measured at most daily). */
  networkKnowledge(): Promise<NetworkKnowledge> {
    return this.request("GET", "/api/network-knowledge", undefined, normaliseNetworkKnowledge);
  }

  /** The wider network: tiers and ties by month, organisations, weak ties, owes reply and waiting on them. */
  networkOverview(): Promise<NetworkOverview> {
    return this.request("GET", "/api/network-overview", undefined, normaliseNetworkOverview);
  }

  /** Stores after how many days the caller's unanswered mail is "waiting on them" (1–60; 400 otherwise). */
  setWaitingDays(days: number): Promise<WaitingSetting> {
    return this.request("PUT", "/api/settings", { waitingDays: days }, normaliseWaitingSetting);
  }

  mergeSuggestions(): Promise<MergeSuggestion[]> {
    return this.request("GET", "/api/merge-suggestions", undefined, normaliseMergeSuggestions);
  }

  /** "same": the two addresses are one person; "apart": two people, never merged. `set` false withdraws the answer. */
  answerMerge(kind: MergeAnswer, address: string, other: string, set = true): Promise<void> {
    return this.request(set ? "PUT" : "DELETE", `/api/contacts/${enc(address)}/${kind}/${enc(other)}`);
  }

  // ---- privacy (docs/api.md, "Privacy") ----

  /** Whether the caller agreed to be suggested to colleagues as knowing someone (name and tier only). */
  introducerConsent(): Promise<IntroducerConsent> {
    return this.request("GET", "/api/settings", undefined, normaliseIntroducerConsent);
  }

  /** The caller's own consent, given or withdrawn; withdrawing takes them out of colleagues' answers at once. */
  setIntroducerConsent(suggest: boolean): Promise<IntroducerConsent> {
    return this.request("PUT", "/api/settings", { suggestAsIntroducer: suggest }, normaliseIntroducerConsent);
  }

  /** Forgets a person (every address merged into them): cut from stored data and never stored again. */
  forgetContact(address: string): Promise<void> {
    return this.request("DELETE", `/api/contacts/${enc(address)}`);
  }

  /** Everything stored for the caller, as the JSON document the service streams (kept as a Blob, not parsed). */
  async exportMyData(): Promise<Blob> {
    const res = await this.send("GET", "/api/me/export");
    let blob: Blob;
    try {
      blob = await res.blob();
    } catch (e) {
      throw new NetworkError(this.base, e); // the connection broke while the export streamed
    }
    return blob.type ? blob : new Blob([blob], { type: "application/json" });
  }

  /** Deletes everything stored for the caller and stops syncing their mailbox. */
  deleteMyData(): Promise<void> {
    return this.request("DELETE", "/api/me/data");
  }

  /** Lifts the opt-out of deleteMyData: the service syncs the mailbox again from scratch shortly after. */
  resumeSync(): Promise<void> {
    return this.request("POST", "/api/me/resume-sync");
  }
}

async function readProblem(res: Response): Promise<ProblemDetails | null> {
  try {
    const text = await res.text();
    if (!text) return null;
    const data = JSON.parse(text) as unknown;
    if (data && typeof data === "object") {
      const o = data as Record<string, unknown>;
      const problem: ProblemDetails = {};
      if (typeof o.title === "string") problem.title = o.title;
      if (typeof o.detail === "string") problem.detail = o.detail;
      if (typeof o.status === "number") problem.status = o.status;
      if (typeof o.type === "string") problem.type = o.type;
      return problem;
    }
  } catch {
    // not JSON: no details
  }
  return null;
}
