// Adds credentials to every API call. Local mode: the session cookie goes by itself (same-origin); a
// paired task pane adds its pairing code. Entra mode: a bearer token from MSAL, loaded on first use
// (a separate chunk), so local mode never downloads it.
import type { AppConfig } from "./config";
import type { PairingStore } from "./pairing";

export interface TokenSource {
  /** An access token for the API scope; `forceRefresh` after the API rejected the last one. */
  getToken(forceRefresh?: boolean): Promise<string>;
  /** Interactive sign-in, started from a user gesture (a "Sign in" button). */
  signInInteractive(): Promise<void>;
}

export interface Auth {
  readonly mode: AppConfig["mode"];
  /** Local mode inside Outlook: where the pairing code is kept (null in a browser). */
  readonly pairing?: PairingStore | null;
  headers(forceRefresh?: boolean): Promise<Record<string, string>>;
  signInInteractive(): Promise<void>;
}

/** Raised when only an interactive sign-in (a click) can get a token. */
export class SignInRequiredError extends Error {
  constructor(message = "Sign in to NetworkSync to continue.") {
    super(message);
    this.name = "SignInRequiredError";
  }
}

export class AuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthConfigError";
  }
}

export type MsalLoader = (config: AppConfig) => Promise<TokenSource>;

const defaultLoader: MsalLoader = async (config) => {
  const mod = await import("./msal");
  return mod.createTokenSource(config);
};

export function createAuth(config: AppConfig, loadMsal: MsalLoader = defaultLoader, pairing: PairingStore | null = null): Auth {
  if (config.mode === "local") {
    return {
      mode: "local",
      pairing,
      headers: async (): Promise<Record<string, string>> => {
        const code = pairing?.get();
        return code ? { "X-NetworkSync-Key": code } : {};
      },
      signInInteractive: async () => {},
    };
  }
  let source: Promise<TokenSource> | null = null;
  const getSource = (): Promise<TokenSource> => {
    if (!config.clientId || !config.scope) {
      return Promise.reject(new AuthConfigError("This NetworkSync page is missing its sign-in settings (client id and scope)."));
    }
    if (!source) {
      source = loadMsal(config);
      source.catch(() => {
        source = null; // let a later call try again
      });
    }
    return source;
  };
  return {
    mode: "entra",
    headers: async (forceRefresh = false) => {
      const token = await (await getSource()).getToken(forceRefresh);
      return { Authorization: `Bearer ${token}` };
    },
    signInInteractive: async () => (await getSource()).signInInteractive(),
  };
}
