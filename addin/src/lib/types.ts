// Shapes of the NetworkSync API (docs/api.md). Everything coming off the wire goes through the
// normalise* functions below, so a missing or null field never breaks rendering.

export type Tier = "hot" | "warm" | "cool" | "cold";
export type InteractionKind = "sent" | "received" | "meeting";
export type FollowUpStatus = "open" | "done" | "dismissed" | "snoozed";

export interface Flags {
  dormant: boolean;
  cooling: boolean;
  firstContact: boolean;
  owesReply: boolean;
  muted: boolean;
  automated: boolean;
}

export interface InteractionCounts {
  sent: number;
  received: number;
  meetings: number;
}

export interface TimelineEntry {
  at: string;
  kind: InteractionKind;
  subject: string | null;
}

export interface MeetingRef {
  id: string;
  subject: string | null;
  start: string;
  end: string | null;
}

export interface BriefingEntry {
  address: string;
  displayName: string | null;
  lastContact: string | null;
  warmth: number;
  tier: Tier;
  lastSubject: string | null;
  introducedBy: string | null;
}

export interface FollowUp {
  id: string;
  kind: string;
  eventId: string | null;
  contacts: string[];
  title: string;
  due: string | null;
  status: FollowUpStatus;
  snoozedUntil: string | null;
  createdAt: string | null;
  completedAt: string | null;
  resolution: string | null;
  meeting: { subject: string | null; start: string | null; end: string | null } | null;
  briefing: BriefingEntry[];
}

export interface PersonContext {
  address: string;
  displayName: string | null;
  known: boolean;
  warmth: number;
  tier: Tier;
  reasons: string[];
  lastContact: string | null;
  lastInbound: string | null;
  lastOutbound: string | null;
  lastMeeting: string | null;
  flags: Flags;
  interactions: InteractionCounts;
  timeline: TimelineEntry[];
  meetings: { upcoming: MeetingRef[]; recent: MeetingRef[] };
  followUps: FollowUp[];
  /** The person's other addresses (merged aliases), the one they are known under first. */
  otherAddresses: string[];
  /** For a first contact or a cold or dormant person: who can introduce the user, and why; null when nobody can. */
  warmPath: WarmPath | null;
  /** When no warm path exists: colleagues who opted in and know the person (name and their tier only); [] otherwise. */
  organisation: OrganisationIntroducer[];
  /** Their mail now comes from a new organisation ("moved to Adatum (since March)"); null otherwise. */
  jobChange: JobChange | null;
}

/** A person now writing from a new organisation; `since` is the month of their first mail from it ("2026-03"). */
export interface JobChange {
  from: string;
  fromDomain: string;
  to: string;
  toDomain: string;
  since: string;
}

/** "Someone in your organisation knows them: Bo Berg (warm)": a colleague's name and their own tier with the person. */
export interface OrganisationIntroducer {
  displayName: string;
  tier: Tier;
}

/** The caller's consent to be suggested to colleagues as an introducer, and whether the administrator allows it at all (from GET /api/settings). */
export interface IntroducerConsent {
  suggestAsIntroducer: boolean;
  organisationIntroductions: boolean;
}

/** The best introduction to someone ("Warm path: Ana Abe"): the introducer and, in plain words, why. */
export interface WarmPath {
  address: string;
  displayName: string | null;
  tier: Tier;
  explanation: string;
}

export interface BatchResponse {
  asOf: string | null;
  people: PersonContext[];
}

export interface ContactListItem {
  address: string;
  displayName: string | null;
  warmth: number;
  tier: Tier;
  reasons: string[];
  lastContact: string | null;
  dormant: boolean;
  cooling: boolean;
  muted: boolean;
  automated: boolean;
  interactions: InteractionCounts;
  otherAddresses: string[];
  /** Why each of otherAddresses is this person, as "address: reason". */
  mergeReasons: string[];
}

export interface ContactPage {
  total: number;
  offset: number;
  limit: number;
  items: ContactListItem[];
}

export interface HistoryMonth {
  month: string;
  sent: number;
  received: number;
  meetings: number;
  warmth: number;
}

export interface Me {
  mailbox: { id: string; mail: string | null; displayName: string | null };
  mode: "local" | "entra";
  asOf: string | null;
  /** Graph permissions an optional feature was refused, e.g. "Calendars.Read (needed for events change notifications; …)". */
  missingPermissions: string[];
  /** While the mailbox's sync is failing: what to do about it, e.g. "Grant Mail.ReadBasic.All … and give admin consent …"; null otherwise. */
  syncProblem: string | null;
}

/** "How well NetworkSync knows your network" (GET /api/network-knowledge). */
export interface NetworkKnowledge {
  /** "fitted": learned from the mailbox; "built-in": the built-in weights (modelReason says why). */
  model: "fitted" | "built-in";
  modelReason: string | null;
  measuredAt: string | null;
  backtest: {
    candidates: number;
    positives: number;
    cutoffs: string[];
    /** ROC AUC of the model's warmth; null when the history is too thin (reason says why). */
    auc: number | null;
    averagePrecision: number | null;
    baselines: { recency: number | null; frequency365: number | null; decayedCount: number | null };
    reason: string | null;
  };
}

/** One person in a list of the network overview; `since` is the unanswered mail the list is about (owes reply, waiting on them). */
export interface NetworkPerson {
  address: string;
  displayName: string | null;
  warmth: number;
  tier: Tier;
  lastContact: string | null;
  since: string | null;
}

/** One month ("2026-01") of the network: relationships by tier at its end, ties gained and lost in it. */
export interface NetworkMonth {
  month: string;
  hot: number;
  warm: number;
  cool: number;
  gained: number;
  lost: number;
}

/** One organisation (email domain): the warmest contact there and the warm ties. */
export interface Organisation {
  domain: string;
  warmest: NetworkPerson;
  warmTies: number;
  people: number;
  hangsOnOneTie: boolean;
}

/** The wider network (GET /api/network-overview). */
export interface NetworkOverview {
  asOf: string | null;
  months: NetworkMonth[];
  organisations: Organisation[];
  weakTies: NetworkPerson[];
  owesReply: NetworkPerson[];
  waitingOnThem: NetworkPerson[];
  /** After how many days the caller's unanswered mail is "waiting on them" (PUT /api/settings waitingDays). */
  waitingDays: number;
}

/** The part of GET/PUT /api/settings the dashboard reads. */
export interface WaitingSetting {
  waitingDays: number;
}

/** Two addresses under one name with no evidence they are one person (GET /api/merge-suggestions). */
export interface MergeSuggestion {
  address: string;
  otherAddress: string;
  displayName: string | null;
  reason: string | null;
  lastContact: string | null;
  otherLastContact: string | null;
}

// ---- normalisation -------------------------------------------------------------------------

type Raw = Record<string, unknown>;

function obj(v: unknown): Raw {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {};
}
function str(v: unknown): string | null {
  return typeof v === "string" && v.length > 0 ? v : null;
}
function num(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}
function bool(v: unknown): boolean {
  return v === true;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function strings(v: unknown): string[] {
  return arr(v).filter((s): s is string => typeof s === "string" && s.length > 0);
}
/** A figure from 0 to 1, or null (not measured, or not a number). */
function share(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1 ? v : null;
}

/** Tier from the warmth score, with the thresholds of docs/relationship-model.md. */
export function tierFor(warmth: number): Tier {
  if (warmth >= 70) return "hot";
  if (warmth >= 40) return "warm";
  if (warmth >= 15) return "cool";
  return "cold";
}

export function normaliseTier(v: unknown, warmth: number): Tier {
  return v === "hot" || v === "warm" || v === "cool" || v === "cold" ? v : tierFor(warmth);
}

function counts(v: unknown): InteractionCounts {
  const o = obj(v);
  return { sent: num(o.sent), received: num(o.received), meetings: num(o.meetings) };
}

function meeting(v: unknown): MeetingRef {
  const o = obj(v);
  return { id: str(o.id) ?? "", subject: str(o.subject), start: str(o.start) ?? "", end: str(o.end) };
}

export function normaliseFollowUp(v: unknown): FollowUp {
  const o = obj(v);
  const status = o.status;
  const m = o.meeting === null || o.meeting === undefined ? null : obj(o.meeting);
  return {
    id: str(o.id) ?? "",
    kind: str(o.kind) ?? "manual",
    eventId: str(o.eventId),
    contacts: arr(o.contacts).filter((c): c is string => typeof c === "string"),
    title: str(o.title) ?? "Follow-up",
    due: str(o.due),
    status: status === "done" || status === "dismissed" || status === "snoozed" ? status : "open",
    snoozedUntil: str(o.snoozedUntil),
    createdAt: str(o.createdAt),
    completedAt: str(o.completedAt),
    resolution: str(o.resolution),
    meeting: m ? { subject: str(m.subject), start: str(m.start), end: str(m.end) } : null,
    briefing: arr(o.briefing).map((b) => {
      const e = obj(b);
      const warmth = num(e.warmth);
      return {
        address: str(e.address) ?? "",
        displayName: str(e.displayName),
        lastContact: str(e.lastContact),
        warmth,
        tier: normaliseTier(e.tier, warmth),
        lastSubject: str(e.lastSubject),
        introducedBy: str(e.introducedBy),
      };
    }),
  };
}

export function normalisePerson(v: unknown): PersonContext {
  const o = obj(v);
  const f = obj(o.flags);
  const warmth = num(o.warmth);
  const meetings = obj(o.meetings);
  const known = o.known !== false;
  return {
    address: (str(o.address) ?? "").toLowerCase(),
    displayName: str(o.displayName),
    known,
    warmth,
    tier: normaliseTier(o.tier, warmth),
    reasons: arr(o.reasons).filter((r): r is string => typeof r === "string"),
    lastContact: str(o.lastContact),
    lastInbound: str(o.lastInbound),
    lastOutbound: str(o.lastOutbound),
    lastMeeting: str(o.lastMeeting),
    flags: {
      dormant: bool(f.dormant),
      cooling: bool(f.cooling),
      firstContact: bool(f.firstContact) || !known,
      owesReply: bool(f.owesReply),
      muted: bool(f.muted),
      automated: bool(f.automated),
    },
    interactions: counts(o.interactions),
    timeline: arr(o.timeline).map((t) => {
      const e = obj(t);
      const kind = e.kind === "sent" || e.kind === "received" || e.kind === "meeting" ? e.kind : "received";
      return { at: str(e.at) ?? "", kind, subject: str(e.subject) };
    }),
    meetings: { upcoming: arr(meetings.upcoming).map(meeting), recent: arr(meetings.recent).map(meeting) },
    followUps: arr(o.followUps).map(normaliseFollowUp),
    otherAddresses: strings(o.otherAddresses),
    warmPath: normaliseWarmPath(o.warmPath),
    organisation: arr(o.organisation).flatMap((raw) => {
      const c = obj(raw);
      const displayName = str(c.displayName);
      return displayName ? [{ displayName, tier: normaliseTier(c.tier, 0) }] : [];
    }),
    jobChange: normaliseJobChange(o.jobChange),
  };
}

function normaliseJobChange(raw: unknown): JobChange | null {
  const j = obj(raw);
  const to = str(j.to);
  const since = str(j.since);
  if (!to || !since || !/^\d{4}-\d{2}$/.test(since)) return null;
  return { from: str(j.from) ?? "", fromDomain: str(j.fromDomain) ?? "", to, toDomain: str(j.toDomain) ?? "", since };
}

export function normaliseIntroducerConsent(v: unknown): IntroducerConsent {
  const o = obj(v);
  return { suggestAsIntroducer: bool(o.suggestAsIntroducer), organisationIntroductions: bool(o.organisationIntroductions) };
}

function normaliseWarmPath(raw: unknown): WarmPath | null {
  const w = obj(raw);
  const address = str(w.address);
  const explanation = str(w.explanation);
  if (!address || !explanation) return null;
  return { address, displayName: str(w.displayName), tier: normaliseTier(w.tier, 0), explanation };
}

export function normaliseBatch(v: unknown): BatchResponse {
  const o = obj(v);
  return { asOf: str(o.asOf), people: arr(o.people).map(normalisePerson) };
}

export function normaliseContact(v: unknown): ContactListItem {
  const o = obj(v);
  const warmth = num(o.warmth);
  return {
    address: (str(o.address) ?? "").toLowerCase(),
    displayName: str(o.displayName),
    warmth,
    tier: normaliseTier(o.tier, warmth),
    reasons: arr(o.reasons).filter((r): r is string => typeof r === "string"),
    lastContact: str(o.lastContact),
    dormant: bool(o.dormant),
    cooling: bool(o.cooling),
    muted: bool(o.muted),
    automated: bool(o.automated),
    interactions: counts(o.interactions),
    otherAddresses: strings(o.otherAddresses),
    mergeReasons: strings(o.mergeReasons),
  };
}

export function normaliseContactPage(v: unknown): ContactPage {
  const o = obj(v);
  const items = arr(o.items).map(normaliseContact);
  return { total: typeof o.total === "number" ? o.total : items.length, offset: num(o.offset), limit: num(o.limit), items };
}

export function normaliseHistory(v: unknown): HistoryMonth[] {
  return arr(obj(v).months).map((m) => {
    const o = obj(m);
    return { month: str(o.month) ?? "", sent: num(o.sent), received: num(o.received), meetings: num(o.meetings), warmth: num(o.warmth) };
  });
}

export function normaliseMe(v: unknown): Me {
  const o = obj(v);
  const m = obj(o.mailbox);
  return {
    mailbox: { id: str(m.id) ?? "", mail: str(m.mail), displayName: str(m.displayName) },
    mode: o.mode === "entra" ? "entra" : "local",
    asOf: str(o.asOf),
    missingPermissions: Array.isArray(o.missingPermissions) ? o.missingPermissions.map(str).filter((p): p is string => !!p) : [],
    syncProblem: str(o.syncProblem),
  };
}

export function normaliseNetworkKnowledge(v: unknown): NetworkKnowledge {
  const o = obj(v);
  const b = obj(o.backtest);
  const base = obj(b.baselines);
  return {
    model: o.model === "Fitted" || o.model === "fitted" ? "fitted" : "built-in",
    modelReason: str(o.modelReason),
    measuredAt: str(o.measuredAt),
    backtest: {
      candidates: num(b.candidates),
      positives: num(b.positives),
      cutoffs: strings(b.cutoffs),
      auc: share(b.auc),
      averagePrecision: share(b.averagePrecision),
      baselines: { recency: share(base.recency), frequency365: share(base.frequency365), decayedCount: share(base.decayedCount) },
      reason: str(b.reason),
    },
  };
}

export function normaliseMergeSuggestions(v: unknown): MergeSuggestion[] {
  return arr(v)
    .map((item) => {
      const o = obj(item);
      return {
        address: (str(o.address) ?? "").toLowerCase(),
        otherAddress: (str(o.otherAddress) ?? "").toLowerCase(),
        displayName: str(o.displayName),
        reason: str(o.reason),
        lastContact: str(o.lastContact),
        otherLastContact: str(o.otherLastContact),
      };
    })
    .filter((m) => m.address !== "" && m.otherAddress !== "");
}

function networkPerson(v: unknown): NetworkPerson {
  const o = obj(v);
  const warmth = num(o.warmth);
  return {
    address: (str(o.address) ?? "").toLowerCase(),
    displayName: str(o.displayName),
    warmth,
    tier: normaliseTier(o.tier, warmth),
    lastContact: str(o.lastContact),
    since: str(o.since),
  };
}

const people = (v: unknown): NetworkPerson[] => arr(v).map(networkPerson).filter((p) => p.address !== "");

export function normaliseNetworkOverview(v: unknown): NetworkOverview {
  const o = obj(v);
  return {
    asOf: str(o.asOf),
    months: arr(o.months).map((item) => {
      const m = obj(item);
      return { month: str(m.month) ?? "", hot: num(m.hot), warm: num(m.warm), cool: num(m.cool), gained: num(m.gained), lost: num(m.lost) };
    }),
    organisations: arr(o.organisations)
      .map((item) => {
        const g = obj(item);
        return { domain: str(g.domain) ?? "", warmest: networkPerson(g.warmest), warmTies: num(g.warmTies), people: num(g.people), hangsOnOneTie: bool(g.hangsOnOneTie) };
      })
      .filter((g) => g.domain !== ""),
    weakTies: people(o.weakTies),
    owesReply: people(o.owesReply),
    waitingOnThem: people(o.waitingOnThem),
    waitingDays: num(o.waitingDays) || 7,
  };
}

export function normaliseWaitingSetting(v: unknown): WaitingSetting {
  return { waitingDays: num(obj(v).waitingDays) || 7 };
}
