import { describe, expect, it, vi } from "vitest";
import { Api, ApiError, NetworkError } from "../src/lib/api";
import { createAuth, SignInRequiredError, type Auth } from "../src/lib/auth";
import { readConfig } from "../src/lib/config";
import { describeError, MESSAGE_401 } from "../src/lib/errors";
import { fakeFetch, followUp, ORIGIN, pairedWith } from "./helpers";

const localAuth: Auth = createAuth({ mode: "local", apiBase: ORIGIN, clientId: null, scope: null, authority: null, redirectUri: "" }, undefined, pairedWith("k1"));

describe("config", () => {
  it("reads local mode and the page's origin, and no credential from the page", () => {
    document.head.innerHTML = '<meta name="networksync-key" content=" abc ">';
    const c = readConfig(document, location);
    expect(c).toMatchObject({ mode: "local", apiBase: ORIGIN, redirectUri: `${ORIGIN}/addin/auth-redirect.html` });
    expect(JSON.stringify(c)).not.toContain("abc");
  });
  it("reads Entra mode settings", () => {
    document.head.innerHTML =
      '<meta name="networksync-auth" content="entra"><meta name="networksync-client-id" content="cid"><meta name="networksync-scope" content="api://ns/access"><meta name="networksync-authority" content="https://login.microsoftonline.com/tid">';
    expect(readConfig(document, location)).toMatchObject({ mode: "entra", clientId: "cid", scope: "api://ns/access", authority: "https://login.microsoftonline.com/tid" });
  });
});

describe("Api", () => {
  it("sends the pairing code on every call and builds query strings", async () => {
    const { calls } = fakeFetch({ "GET /api/contacts?search=ana+abe&filter=dormant&offset=10&limit=5": { body: { total: 0, offset: 10, limit: 5, items: [] } } });
    const api = new Api(ORIGIN, localAuth);
    const result = await api.contacts({ search: "ana abe", filter: "dormant", offset: 10, limit: 5 });
    expect(result.total).toBe(0);
    expect(calls[0]!.headers["x-networksync-key"]).toBe("k1");
    expect(calls[0]!.headers.accept).toBe("application/json");
  });

  it("encodes addresses and ids in paths", async () => {
    const { calls } = fakeFetch({
      "GET /api/context/o'neil%2Bx%40contoso.example": { body: { address: "o'neil+x@contoso.example", warmth: 12 } },
      "GET /api/contacts/a%40x.example/history": { body: { months: [{ month: "2026-01", sent: 1, received: 2, meetings: 0, warmth: 10 }] } },
      "POST /api/followups/fu%2F1/reopen": { body: followUp({ id: "fu/1" }) },
    });
    const api = new Api(ORIGIN, localAuth);
    const p = await api.context("o'neil+x@contoso.example");
    expect(p.tier).toBe("cold"); // derived from warmth when the API sends no tier
    expect(p.flags.firstContact).toBe(false);
    expect(await api.history("a@x.example")).toEqual([{ month: "2026-01", sent: 1, received: 2, meetings: 0, warmth: 10 }]);
    expect((await api.followUpAction("fu/1", "reopen")).id).toBe("fu/1");
    expect(calls.map((c) => c.path)).toEqual(["/api/context/o'neil%2Bx%40contoso.example", "/api/contacts/a%40x.example/history", "/api/followups/fu%2F1/reopen"]);
  });

  it("caps a batch at 100 addresses", async () => {
    const { calls } = fakeFetch({ "POST /api/context/batch": { body: { asOf: null, people: [] } } });
    await new Api(ORIGIN, localAuth).batch(Array.from({ length: 120 }, (_, i) => `p${i}@x.example`));
    expect((calls[0]!.body as { addresses: string[] }).addresses).toHaveLength(100);
  });

  it("turns Problem Details into ApiError and a failed fetch into NetworkError", async () => {
    fakeFetch({ "GET /api/me": { status: 500, body: { title: "Database is locked", detail: "SQLite busy", status: 500 } } });
    const api = new Api(ORIGIN, localAuth);
    const err = await api.me().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(500);
    expect((err as ApiError).problem).toEqual({ title: "Database is locked", detail: "SQLite busy", status: 500 });

    fakeFetch({ "GET /api/me": new TypeError("Failed to fetch") });
    const net = await api.me().catch((e: unknown) => e);
    expect(net).toBeInstanceOf(NetworkError);
    expect((net as NetworkError).origin).toBe(ORIGIN);
  });

  it("accepts 204 answers without a body", async () => {
    fakeFetch({ "PUT /api/contacts/a%40x.example/muted": { status: 204 } });
    await expect(new Api(ORIGIN, localAuth).setMuted("a@x.example", true)).resolves.toBeUndefined();
  });

  it("retries once with a fresh token after a 401 in Entra mode", async () => {
    const headers = vi.fn(async (force?: boolean) => ({ Authorization: `Bearer ${force ? "fresh" : "stale"}` }));
    const auth: Auth = { mode: "entra", headers, signInInteractive: async () => {} };
    const { calls } = fakeFetch({
      "GET /api/me": () => (calls.length === 1 ? { status: 401, body: { title: "Unauthorized" } } : { body: { mailbox: { id: "1", mail: "me@x", displayName: "Me" }, mode: "entra", asOf: null } }),
    });
    const me = await new Api(ORIGIN, auth).me();
    expect(me.mode).toBe("entra");
    expect(calls.map((c) => c.headers.authorization)).toEqual(["Bearer stale", "Bearer fresh"]);
  });
});

describe("describeError", () => {
  it("maps each failure to words that say what to do", () => {
    expect(describeError(new ApiError(401, null), ORIGIN).message).toBe(MESSAGE_401);
    expect(describeError(new NetworkError("http://127.0.0.1:5180"), ORIGIN).message).toBe("Can't reach NetworkSync at http://127.0.0.1:5180. Is the service running?");
    expect(describeError(new ApiError(502, { title: "Graph is throttling" }), ORIGIN)).toEqual({ message: "Graph is throttling", detail: null, signIn: false });
    expect(describeError(new ApiError(400, { title: "until must be in the future", detail: "x" }), ORIGIN)).toEqual({ message: "until must be in the future", detail: "x", signIn: false });
    expect(describeError(new SignInRequiredError(), ORIGIN).signIn).toBe(true);
  });
});
