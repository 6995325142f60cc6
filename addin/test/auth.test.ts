import { describe, expect, it, vi } from "vitest";
import { InteractionRequiredAuthError, type IPublicClientApplication } from "@azure/msal-browser";
import { Api } from "../src/lib/api";
import { createAuth, SignInRequiredError, type TokenSource } from "../src/lib/auth";
import type { AppConfig } from "../src/lib/config";
import { createTokenSource, type MsalFactories } from "../src/lib/msal";
import { fakeFetch, ORIGIN, pairedWith } from "./helpers";

const entra: AppConfig = {
  mode: "entra",
  apiBase: ORIGIN,
  clientId: "11111111-2222-3333-4444-555555555555",
  scope: "api://networksync/access_as_user",
  authority: "https://login.microsoftonline.com/contoso.example",
  redirectUri: `${ORIGIN}/addin/auth-redirect.html`,
};

function fakePca(over: Partial<Record<keyof IPublicClientApplication, unknown>> = {}): IPublicClientApplication {
  let active: unknown = null;
  return {
    getActiveAccount: () => active,
    setActiveAccount: (a: unknown) => {
      active = a;
    },
    getAllAccounts: () => [],
    acquireTokenSilent: vi.fn(async () => ({ accessToken: "silent-token", account: { homeAccountId: "a" } })),
    acquireTokenPopup: vi.fn(async () => ({ accessToken: "popup-token", account: { homeAccountId: "a" } })),
    ...over,
  } as unknown as IPublicClientApplication;
}

describe("local mode", () => {
  it("a paired pane sends its code in X-NetworkSync-Key and never loads MSAL", async () => {
    const loader = vi.fn();
    const auth = createAuth({ ...entra, mode: "local" }, loader, pairedWith("PAIR1-CODE2"));
    const { calls } = fakeFetch({ "GET /api/followups": { body: [] } });
    await new Api(ORIGIN, auth).followUps();
    expect(calls[0]!.headers["x-networksync-key"]).toBe("PAIR1-CODE2");
    expect(calls[0]!.headers.authorization).toBeUndefined();
    expect(loader).not.toHaveBeenCalled();
  });

  it("a browser signed in with the printed URL sends no key: its session cookie goes with same-origin calls", async () => {
    const { calls, fn } = fakeFetch({ "GET /api/followups": { body: [] } });
    await new Api(ORIGIN, createAuth({ ...entra, mode: "local" }, vi.fn())).followUps();
    expect(calls[0]!.headers["x-networksync-key"]).toBeUndefined();
    expect((fn.mock.calls[0]![1] as RequestInit).credentials).toBe("same-origin");
  });
});

describe("Entra mode", () => {
  it("loads MSAL lazily, once, and sends a bearer token", async () => {
    const source: TokenSource = { getToken: vi.fn(async () => "tok-1"), signInInteractive: vi.fn(async () => {}) };
    const loader = vi.fn(async () => source);
    const auth = createAuth(entra, loader);
    expect(loader).not.toHaveBeenCalled();
    const { calls } = fakeFetch({ "GET /api/followups": { body: [] } });
    const api = new Api(ORIGIN, auth);
    await api.followUps();
    await api.followUps();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => c.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-1"]);
    expect(calls[0]!.headers["x-networksync-key"]).toBeUndefined();
  });

  it("refuses to start without a client id and scope", async () => {
    const auth = createAuth({ ...entra, clientId: null }, vi.fn());
    await expect(auth.headers()).rejects.toThrow(/missing its sign-in settings/);
  });

  it("uses nested app authentication when the host supports it", async () => {
    const pca = fakePca();
    const factories: MsalFactories = { nested: vi.fn(async () => pca), standard: vi.fn(async () => fakePca()), nestedSupported: () => true };
    const source = await createTokenSource(entra, factories);
    expect(await source.getToken()).toBe("silent-token");
    expect(factories.nested).toHaveBeenCalledTimes(1);
    expect(factories.standard).not.toHaveBeenCalled();
    const config = (factories.nested as ReturnType<typeof vi.fn>).mock.calls[0]![0];
    expect(config.auth).toMatchObject({ clientId: entra.clientId, authority: entra.authority, redirectUri: entra.redirectUri });
    expect((pca.acquireTokenSilent as ReturnType<typeof vi.fn>).mock.calls[0]![0]).toMatchObject({ scopes: [entra.scope] });
  });

  it("falls back to the standard application when nested auth is unsupported or fails", async () => {
    const standard = vi.fn(async () => fakePca());
    await createTokenSource(entra, { nested: vi.fn(), standard, nestedSupported: () => false });
    expect(standard).toHaveBeenCalledTimes(1);
    const nested = vi.fn(async () => {
      throw new Error("bridge unavailable");
    });
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const source = await createTokenSource(entra, { nested, standard, nestedSupported: () => true });
    expect(nested).toHaveBeenCalledTimes(1);
    expect(standard).toHaveBeenCalledTimes(2);
    expect(await source.getToken()).toBe("silent-token");
  });

  it("goes interactive (popup) when the silent call needs interaction", async () => {
    const pca = fakePca({
      acquireTokenSilent: vi.fn(async () => {
        throw new InteractionRequiredAuthError("interaction_required", "consent needed");
      }),
    });
    const source = await createTokenSource(entra, { nested: async () => pca, standard: async () => pca, nestedSupported: () => true });
    expect(await source.getToken()).toBe("popup-token");
    expect(pca.acquireTokenPopup).toHaveBeenCalledWith({ scopes: [entra.scope] });
    expect(pca.getActiveAccount()).toEqual({ homeAccountId: "a" });
  });

  it("asks for a click when the browser blocks the popup", async () => {
    const pca = fakePca({
      acquireTokenSilent: vi.fn(async () => {
        throw new InteractionRequiredAuthError("interaction_required", "consent needed");
      }),
      acquireTokenPopup: vi.fn(async () => {
        throw Object.assign(new Error("popup blocked"), { errorCode: "popup_window_error" });
      }),
    });
    const source = await createTokenSource(entra, { nested: async () => pca, standard: async () => pca, nestedSupported: () => false });
    await expect(source.getToken()).rejects.toBeInstanceOf(SignInRequiredError);
  });

  it("does not hide other MSAL failures", async () => {
    const pca = fakePca({
      acquireTokenSilent: vi.fn(async () => {
        throw Object.assign(new Error("network down"), { errorCode: "endpoints_resolution_error" });
      }),
    });
    const source = await createTokenSource(entra, { nested: async () => pca, standard: async () => pca, nestedSupported: () => true });
    await expect(source.getToken()).rejects.toThrow("network down");
    expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
  });
});
