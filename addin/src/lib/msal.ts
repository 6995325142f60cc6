// Entra ID sign-in with MSAL. Imported dynamically by auth.ts only in Entra mode (its own chunk).
// Inside Outlook it uses nested app authentication (the host signs in); elsewhere, or when the host
// lacks NestedAppAuth 1.1, the standard browser flow.
import {
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  InteractionRequiredAuthError,
  type Configuration,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import { SignInRequiredError, type TokenSource } from "./auth";
import type { AppConfig } from "./config";

interface OfficeRequirements {
  context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } };
}

export function nestedAppAuthSupported(): boolean {
  const office = (globalThis as { Office?: OfficeRequirements }).Office;
  try {
    return office?.context?.requirements?.isSetSupported?.("NestedAppAuth", "1.1") === true;
  } catch {
    return false;
  }
}

function needsInteraction(e: unknown): boolean {
  if (e instanceof InteractionRequiredAuthError) return true;
  const code = (e as { errorCode?: unknown } | null)?.errorCode;
  return code === "no_account_error" || code === "interaction_required" || code === "login_required" || code === "consent_required";
}

function isPopupBlocked(e: unknown): boolean {
  const code = (e as { errorCode?: unknown } | null)?.errorCode;
  return code === "popup_window_error" || code === "empty_window_error" || code === "user_cancelled";
}

export interface MsalFactories {
  nested: (c: Configuration) => Promise<IPublicClientApplication>;
  standard: (c: Configuration) => Promise<IPublicClientApplication>;
  nestedSupported: () => boolean;
}

const defaultFactories: MsalFactories = {
  nested: (c) => createNestablePublicClientApplication(c),
  standard: (c) => createStandardPublicClientApplication(c),
  nestedSupported: nestedAppAuthSupported,
};

export async function createTokenSource(config: AppConfig, factories: MsalFactories = defaultFactories): Promise<TokenSource> {
  const msalConfig: Configuration = {
    auth: {
      clientId: config.clientId ?? "",
      authority: config.authority ?? "https://login.microsoftonline.com/common",
      redirectUri: config.redirectUri,
    },
    cache: { cacheLocation: "localStorage" },
  };
  let pca: IPublicClientApplication | null = null;
  if (factories.nestedSupported()) {
    try {
      pca = await factories.nested(msalConfig);
    } catch (e) {
      console.warn("NetworkSync: nested app authentication unavailable, using the browser sign-in", e);
    }
  }
  if (!pca) pca = await factories.standard(msalConfig);
  const app = pca;
  const scopes = [config.scope ?? ""];

  const popup = async (): Promise<string> => {
    const result = await app.acquireTokenPopup({ scopes });
    if (result.account) app.setActiveAccount(result.account);
    return result.accessToken;
  };

  return {
    async getToken(forceRefresh = false) {
      const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
      try {
        const result = await app.acquireTokenSilent({ scopes, account: account ?? undefined, forceRefresh });
        if (result.account && !app.getActiveAccount()) app.setActiveAccount(result.account);
        return result.accessToken;
      } catch (e) {
        if (!needsInteraction(e)) throw e;
        try {
          return await popup();
        } catch (popupError) {
          // Browsers block popups that no click started: ask for one.
          if (isPopupBlocked(popupError)) throw new SignInRequiredError();
          throw popupError;
        }
      }
    },
    async signInInteractive() {
      await popup();
    },
  };
}
