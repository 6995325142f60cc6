// The add-in's API types (src/lib/types.ts, the query types of src/lib/api.ts) against the OpenAPI
// document the service serves, committed as test/openapi.v1.json (a .NET test, OpenApiDocumentTests,
// fails when that copy is stale; scripts/update-openapi.sh rewrites it).
//
// Each type has a field table the compiler holds to the type: every field, and only those, with its
// kind and whether it may be null. The test then holds each table to the schema: the field exists,
// its kind matches, a field the service may leave out or send as null is nullable here (or has a
// stated default from its normaliser), every field the add-in does not read is named, and the
// string unions equal the document's enums.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ContactFilter, FollowUpAction, FollowUpQuery, MergeAnswer } from "../src/lib/api";
import type {
  IntroducerConsent,
  BatchResponse,
  BriefingEntry,
  ContactListItem,
  ContactPage,
  Flags,
  FollowUp,
  FollowUpStatus,
  HistoryMonth,
  InteractionCounts,
  InteractionKind,
  Me,
  MeetingRef,
  MergeSuggestion,
  NetworkKnowledge,
  NetworkMonth,
  NetworkOverview,
  NetworkPerson,
  Organisation,
  PersonContext,
  Tier,
  TimelineEntry,
  WaitingSetting,
} from "../src/lib/types";

// ---- the OpenAPI document -------------------------------------------------------------------

interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  $ref?: string;
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}
interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const doc = JSON.parse(readFileSync(path.join(here, "openapi.v1.json"), "utf8")) as OpenApiDocument;

const refName = (s: Schema | undefined): string | null => {
  const ref = s?.$ref ?? s?.oneOf?.find((o) => o.$ref)?.$ref;
  return ref ? ref.replace("#/components/schemas/", "") : null;
};
const types = (s: Schema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

type Kind = "string" | "number" | "boolean" | "array" | "object";
function kindOf(s: Schema): Kind | null {
  if (refName(s)) return "object";
  const t = types(s);
  if (t.includes("array")) return "array";
  if (t.includes("integer") || t.includes("number")) return "number"; // also ["number", "string"]: numbers may be read from strings
  if (t.includes("boolean")) return "boolean";
  if (t.includes("object")) return "object";
  if (t.includes("string") || s.format === "date-time") return "string";
  return null;
}
const mayBeNull = (s: Schema): boolean => types(s).includes("null") || (s.oneOf ?? []).some((o) => types(o).includes("null"));

function schema(name: string): Schema {
  const s = doc.components.schemas[name];
  if (!s) throw new Error(`${name} is not a schema of the OpenAPI document`);
  return s;
}

// ---- field tables the compiler holds to the types ---------------------------------------------

type KindOf<V> = [V] extends [string | null] ? "string" : [V] extends [number | null] ? "number" : [V] extends [boolean | null] ? "boolean" : [V] extends [readonly unknown[] | null] ? "array" : "object";

interface FieldSpec<V> {
  kind: KindOf<V>;
  nullable: null extends V ? true : false;
  /** The schema of the object (or of the array's items), checked with its own table. */
  of?: string;
  /** A string union's values, equal to the schema's enum. */
  values?: readonly string[];
  /** The service may send null or leave the field out; the normaliser puts this in instead. */
  defaulted?: string;
}
type Fields<T> = { [K in keyof T]-?: FieldSpec<T[K]> };
type AnyField = Omit<FieldSpec<never>, "kind" | "nullable"> & { kind: Kind; nullable: boolean };

/** Every value of a string union, once: the compiler rejects a missing or an extra one. */
const valuesOf = <U extends string>(all: Record<U, true>): U[] => Object.keys(all) as U[];

const TIERS = valuesOf<Tier>({ hot: true, warm: true, cool: true, cold: true });
const STATUSES = valuesOf<FollowUpStatus>({ open: true, snoozed: true, done: true, dismissed: true });
const KINDS = valuesOf<InteractionKind>({ sent: true, received: true, meeting: true });
const MODES = valuesOf<Me["mode"]>({ local: true, entra: true });
const FOLLOW_UP_QUERIES = valuesOf<FollowUpQuery>({ active: true, open: true, snoozed: true, done: true, dismissed: true, all: true });
const CONTACT_FILTERS = valuesOf<ContactFilter>({ warmest: true, cooling: true, dormant: true, muted: true });
const FOLLOW_UP_ACTIONS = valuesOf<FollowUpAction>({ done: true, dismiss: true, reopen: true });
const MERGE_ANSWERS = valuesOf<MergeAnswer>({ same: true, apart: true });

const counts: Fields<InteractionCounts> = { sent: { kind: "number", nullable: false }, received: { kind: "number", nullable: false }, meetings: { kind: "number", nullable: false } };

const meeting: Fields<NonNullable<FollowUp["meeting"]>> = {
  subject: { kind: "string", nullable: true },
  start: { kind: "string", nullable: true },
  end: { kind: "string", nullable: true },
};

const briefing: Fields<BriefingEntry> = {
  address: { kind: "string", nullable: false },
  displayName: { kind: "string", nullable: true },
  lastContact: { kind: "string", nullable: true },
  warmth: { kind: "number", nullable: false },
  tier: { kind: "string", nullable: false, values: TIERS },
  lastSubject: { kind: "string", nullable: true },
  introducedBy: { kind: "string", nullable: true },
};

const followUp: Fields<FollowUp> = {
  id: { kind: "string", nullable: false },
  kind: { kind: "string", nullable: false },
  eventId: { kind: "string", nullable: true },
  contacts: { kind: "array", nullable: false },
  title: { kind: "string", nullable: false },
  due: { kind: "string", nullable: true },
  status: { kind: "string", nullable: false, values: STATUSES },
  snoozedUntil: { kind: "string", nullable: true },
  createdAt: { kind: "string", nullable: true },
  completedAt: { kind: "string", nullable: true },
  resolution: { kind: "string", nullable: true },
  meeting: { kind: "object", nullable: true, of: "MeetingView" },
  briefing: { kind: "array", nullable: false, of: "BriefingView", defaulted: "[] (a follow-up without a meeting has no briefing)" },
};

const flags: Fields<Flags> = {
  dormant: { kind: "boolean", nullable: false },
  cooling: { kind: "boolean", nullable: false },
  firstContact: { kind: "boolean", nullable: false },
  owesReply: { kind: "boolean", nullable: false },
  muted: { kind: "boolean", nullable: false },
  automated: { kind: "boolean", nullable: false },
};

const timelineEntry: Fields<TimelineEntry> = {
  at: { kind: "string", nullable: false },
  kind: { kind: "string", nullable: false, values: KINDS },
  subject: { kind: "string", nullable: true },
};

const meetingRef: Fields<MeetingRef> = {
  id: { kind: "string", nullable: false },
  subject: { kind: "string", nullable: true },
  start: { kind: "string", nullable: false },
  end: { kind: "string", nullable: true },
};

const personMeetings: Fields<PersonContext["meetings"]> = {
  upcoming: { kind: "array", nullable: false, of: "PersonMeeting" },
  recent: { kind: "array", nullable: false, of: "PersonMeeting" },
};

const person: Fields<PersonContext> = {
  address: { kind: "string", nullable: false },
  displayName: { kind: "string", nullable: true },
  known: { kind: "boolean", nullable: false },
  warmth: { kind: "number", nullable: false },
  tier: { kind: "string", nullable: false, values: TIERS },
  reasons: { kind: "array", nullable: false },
  lastContact: { kind: "string", nullable: true },
  lastInbound: { kind: "string", nullable: true },
  lastOutbound: { kind: "string", nullable: true },
  lastMeeting: { kind: "string", nullable: true },
  flags: { kind: "object", nullable: false, of: "PersonFlags" },
  interactions: { kind: "object", nullable: false, of: "InteractionCounts" },
  timeline: { kind: "array", nullable: false, of: "TimelineEntry" },
  meetings: { kind: "object", nullable: false, of: "PersonMeetings" },
  followUps: { kind: "array", nullable: false, of: "FollowUpView" },
  otherAddresses: { kind: "array", nullable: false },
  warmPath: { kind: "object", nullable: true, of: "PersonWarmPath" },
  organisation: { kind: "array", nullable: false, of: "OrganisationIntroducerView" },
  jobChange: { kind: "object", nullable: true, of: "PersonJobChange" },
};

const jobChange: Fields<NonNullable<PersonContext["jobChange"]>> = {
  from: { kind: "string", nullable: false },
  fromDomain: { kind: "string", nullable: false },
  to: { kind: "string", nullable: false },
  toDomain: { kind: "string", nullable: false },
  since: { kind: "string", nullable: false },
};

const organisationIntroducer: Fields<PersonContext["organisation"][number]> = {
  displayName: { kind: "string", nullable: false },
  tier: { kind: "string", nullable: false, values: TIERS },
};

const introducerConsent: Fields<IntroducerConsent> = {
  suggestAsIntroducer: { kind: "boolean", nullable: false },
  organisationIntroductions: { kind: "boolean", nullable: false },
};

const warmPath: Fields<NonNullable<PersonContext["warmPath"]>> = {
  address: { kind: "string", nullable: false },
  displayName: { kind: "string", nullable: true },
  tier: { kind: "string", nullable: false, values: TIERS },
  explanation: { kind: "string", nullable: false },
};

const batch: Fields<BatchResponse> = {
  asOf: { kind: "string", nullable: true },
  people: { kind: "array", nullable: false, of: "PersonContext" },
};

const contact: Fields<ContactListItem> = {
  address: { kind: "string", nullable: false },
  displayName: { kind: "string", nullable: true },
  warmth: { kind: "number", nullable: false },
  tier: { kind: "string", nullable: false, values: TIERS },
  reasons: { kind: "array", nullable: false },
  lastContact: { kind: "string", nullable: true },
  dormant: { kind: "boolean", nullable: false },
  cooling: { kind: "boolean", nullable: false },
  muted: { kind: "boolean", nullable: false, defaulted: "false (the listing leaves it out unless the contact is muted)" },
  automated: { kind: "boolean", nullable: false },
  interactions: { kind: "object", nullable: false, of: "InteractionCounts" },
  otherAddresses: { kind: "array", nullable: false },
  mergeReasons: { kind: "array", nullable: false, defaulted: "[] (only a merged person has reasons)" },
};

const contactPage: Fields<ContactPage> = {
  total: { kind: "number", nullable: false },
  offset: { kind: "number", nullable: false },
  limit: { kind: "number", nullable: false },
  items: { kind: "array", nullable: false, of: "ContactView" },
};

const historyMonth: Fields<HistoryMonth> = {
  month: { kind: "string", nullable: false },
  sent: { kind: "number", nullable: false },
  received: { kind: "number", nullable: false },
  meetings: { kind: "number", nullable: false },
  warmth: { kind: "number", nullable: false },
};

const meMailbox: Fields<Me["mailbox"]> = {
  id: { kind: "string", nullable: false },
  mail: { kind: "string", nullable: true },
  displayName: { kind: "string", nullable: true },
};

const me: Fields<Me> = {
  mailbox: { kind: "object", nullable: false, of: "MeMailbox" },
  mode: { kind: "string", nullable: false, values: MODES },
  asOf: { kind: "string", nullable: true },
  missingPermissions: { kind: "array", nullable: false },
  syncProblem: { kind: "string", nullable: true },
};

const baselines: Fields<NetworkKnowledge["backtest"]["baselines"]> = {
  recency: { kind: "number", nullable: true },
  frequency365: { kind: "number", nullable: true },
  decayedCount: { kind: "number", nullable: true },
};

const backtest: Fields<NetworkKnowledge["backtest"]> = {
  candidates: { kind: "number", nullable: false },
  positives: { kind: "number", nullable: false },
  cutoffs: { kind: "array", nullable: false },
  auc: { kind: "number", nullable: true },
  averagePrecision: { kind: "number", nullable: true },
  baselines: { kind: "object", nullable: false, of: "BaselineView" },
  reason: { kind: "string", nullable: true },
};

const knowledge: Fields<NetworkKnowledge> = {
  model: { kind: "string", nullable: false },
  modelReason: { kind: "string", nullable: true },
  measuredAt: { kind: "string", nullable: true },
  backtest: { kind: "object", nullable: false, of: "BacktestView" },
};

const suggestion: Fields<MergeSuggestion> = {
  address: { kind: "string", nullable: false },
  otherAddress: { kind: "string", nullable: false },
  displayName: { kind: "string", nullable: true },
  reason: { kind: "string", nullable: true },
  lastContact: { kind: "string", nullable: true },
  otherLastContact: { kind: "string", nullable: true },
};

const networkPerson: Fields<NetworkPerson> = {
  address: { kind: "string", nullable: false },
  displayName: { kind: "string", nullable: true },
  warmth: { kind: "number", nullable: false },
  tier: { kind: "string", nullable: false, values: TIERS },
  lastContact: { kind: "string", nullable: true },
  since: { kind: "string", nullable: true },
};

const networkMonth: Fields<NetworkMonth> = {
  month: { kind: "string", nullable: false },
  hot: { kind: "number", nullable: false },
  warm: { kind: "number", nullable: false },
  cool: { kind: "number", nullable: false },
  gained: { kind: "number", nullable: false },
  lost: { kind: "number", nullable: false },
};

const organisation: Fields<Organisation> = {
  domain: { kind: "string", nullable: false },
  warmest: { kind: "object", nullable: false, of: "NetworkPersonView" },
  warmTies: { kind: "number", nullable: false },
  people: { kind: "number", nullable: false },
  hangsOnOneTie: { kind: "boolean", nullable: false },
};

const overview: Fields<NetworkOverview> = {
  asOf: { kind: "string", nullable: true },
  months: { kind: "array", nullable: false },
  organisations: { kind: "array", nullable: false },
  weakTies: { kind: "array", nullable: false },
  owesReply: { kind: "array", nullable: false },
  waitingOnThem: { kind: "array", nullable: false },
  waitingDays: { kind: "number", nullable: false },
};

const waitingSetting: Fields<WaitingSetting> = {
  waitingDays: { kind: "number", nullable: false },
};

/** Each schema the add-in reads: its field table, and the schema's fields the add-in leaves unread. */
const CONTRACT: Record<string, { fields: Record<string, AnyField>; unread?: string[] }> = {
  InteractionCounts: { fields: counts },
  MeetingView: { fields: meeting },
  BriefingView: { fields: briefing },
  FollowUpView: { fields: followUp },
  PersonFlags: { fields: flags },
  TimelineEntry: { fields: timelineEntry },
  PersonMeeting: { fields: meetingRef },
  PersonMeetings: { fields: personMeetings },
  PersonContext: { fields: person },
  PersonWarmPath: { fields: warmPath },
  OrganisationIntroducerView: { fields: organisationIntroducer },
  PersonJobChange: { fields: jobChange },
  PersonContextBatch: { fields: batch },
  ContactView: { fields: contact, unread: ["lastInbound", "lastOutbound", "lastMeeting"] },
  ContactPage: { fields: contactPage },
  HistoryMonth: { fields: historyMonth },
  MeMailbox: { fields: meMailbox },
  MeView: { fields: me },
  BaselineView: { fields: baselines },
  BacktestView: { fields: backtest, unread: ["mailbox", "horizonDays", "models"] },
  NetworkKnowledgeView: { fields: knowledge },
  MergeSuggestionView: { fields: suggestion },
  NetworkPersonView: { fields: networkPerson },
  NetworkMonthView: { fields: networkMonth },
  OrganisationView: { fields: organisation },
  NetworkOverview: { fields: overview },
  SettingsView: { fields: { ...introducerConsent, ...waitingSetting }, unread: ["dormantDays", "workingHours", "todoEnabled", "muted", "markedAsPerson"] },
};

const enumOf = (s: Schema | undefined): string[] => [...(s?.enum ?? [])].map(String).sort();

describe("the add-in's types against the service's OpenAPI document", () => {
  for (const [name, { fields, unread = [] }] of Object.entries(CONTRACT)) {
    it(`${name}: every field, its kind, whether it may be null, its values`, () => {
      const s = schema(name);
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const problems: string[] = [];
      for (const [field, spec] of Object.entries(fields)) {
        const prop = props[field];
        if (!prop) {
          problems.push(`${field}: not in the schema`);
          continue;
        }
        const kind = kindOf(prop);
        if (kind !== spec.kind) problems.push(`${field}: ${spec.kind} here, ${kind ?? JSON.stringify(prop)} in the schema`);
        const optional = !required.has(field) || mayBeNull(prop);
        if (optional && !spec.nullable && !spec.defaulted) problems.push(`${field}: the service may send null or leave it out, but the type says it never is null`);
        if (spec.of) {
          const target = spec.kind === "array" ? refName(prop.items) : refName(prop);
          if (target !== spec.of) problems.push(`${field}: ${spec.of} here, ${target ?? "no schema"} in the document`);
          else if (!CONTRACT[spec.of]) problems.push(`${field}: ${spec.of} has no field table here`);
        }
        if (spec.values) {
          const want = [...spec.values].sort();
          if (JSON.stringify(enumOf(prop)) !== JSON.stringify(want)) problems.push(`${field}: values ${want.join("|")} here, ${enumOf(prop).join("|") || "no enum"} in the schema`);
        } else if (prop.enum) problems.push(`${field}: the schema has values (${enumOf(prop).join("|")}): give the type the same union`);
      }
      for (const field of Object.keys(props)) {
        if (!(field in fields) && !unread.includes(field)) problems.push(`${field}: in the schema, neither in the type nor named as unread`);
      }
      for (const field of unread) if (!(field in props)) problems.push(`${field}: named as unread but not in the schema`);
      expect(problems).toEqual([]);
    });
  }

  const operation = (method: string, route: string): Operation => {
    const op = doc.paths[route]?.[method];
    if (!op) throw new Error(`${method.toUpperCase()} ${route} is not in the OpenAPI document`);
    return op;
  };
  const queryEnum = (method: string, route: string, name: string): string[] => enumOf(operation(method, route).parameters?.find((p) => p.in === "query" && p.name === name)?.schema);

  it("the query values the client can send are the ones the service accepts", () => {
    expect(queryEnum("get", "/api/followups", "status")).toEqual([...FOLLOW_UP_QUERIES].sort());
    expect(queryEnum("get", "/api/contacts", "filter")).toEqual([...CONTACT_FILTERS].sort());
  });

  it("every call of lib/api.ts is an operation of the service, answering the schema its normaliser reads", () => {
    const okSchema = (op: Operation): Schema | undefined => op.responses?.["200"]?.content?.["application/json"]?.schema;
    const calls: [string, string, string | null][] = [
      ["get", "/api/me", "MeView"],
      ["get", "/api/context/{address}", "PersonContext"],
      ["post", "/api/context/batch", "PersonContextBatch"],
      ["get", "/api/contacts", "ContactPage"],
      ["get", "/api/contacts/{address}/history", "ContactHistory"],
      ["put", "/api/contacts/{address}/muted", null],
      ["delete", "/api/contacts/{address}/muted", null],
      ["get", "/api/followups", "FollowUpView"],
      ["post", "/api/followups", null],
      ...[...FOLLOW_UP_ACTIONS, "snooze"].map((a): [string, string, string] => ["post", `/api/followups/{id}/${a}`, "FollowUpView"]),
      ["get", "/api/network-knowledge", "NetworkKnowledgeView"],
      ["get", "/api/merge-suggestions", "MergeSuggestionView"],
      ["get", "/api/network-overview", "NetworkOverview"],
      ["put", "/api/settings", "SettingsView"],
      ...MERGE_ANSWERS.flatMap((a): [string, string, null][] => [
        ["put", `/api/contacts/{address}/${a}/{other}`, null],
        ["delete", `/api/contacts/{address}/${a}/{other}`, null],
      ]),
      ["delete", "/api/contacts/{address}", null],
      ["get", "/api/me/export", null],
      ["delete", "/api/me/data", null],
      ["get", "/api/settings", "SettingsView"],
      ["put", "/api/settings", "SettingsView"],
      ["post", "/api/me/resume-sync", null],
      ["get", "/api/local/pairing-code", "PairingCodeView"],
    ];
    const problems: string[] = [];
    for (const [method, route, answer] of calls) {
      const op = doc.paths[route]?.[method];
      if (!op) {
        problems.push(`${method.toUpperCase()} ${route}: not in the document`);
        continue;
      }
      if (answer === null) continue;
      const s = okSchema(op);
      const got = refName(s) ?? refName(s?.items);
      if (got !== answer) problems.push(`${method.toUpperCase()} ${route}: answers ${got ?? "no schema"}, the client reads ${answer}`);
    }
    expect(problems).toEqual([]);
    // The history answer wraps its months; the pairing answer is { code }.
    expect(refName(schema("ContactHistory").properties?.months?.items)).toBe("HistoryMonth");
    expect(Object.keys(schema("PairingCodeView").properties ?? {})).toContain("code");
  });

  it("the bodies the client sends have the fields the service reads", () => {
    const body = (route: string, op = "post"): string[] => Object.keys(schema(refName(operation(op, route).requestBody?.content?.["application/json"]?.schema) ?? "?").properties ?? {});
    expect(body("/api/context/batch")).toContain("addresses");
    expect(body("/api/followups")).toEqual(expect.arrayContaining(["contacts", "title", "due"]));
    expect(body("/api/followups/{id}/snooze")).toContain("until");
  });
});
