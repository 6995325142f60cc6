// What the serving NetworkSync instance tells the page, through <meta> tags in <head>:
//   local mode:  nothing (no page carries a credential: a browser signs in with the URL the service
//                printed, which sets a session cookie; the Outlook task pane is paired, lib/pairing.ts)
//   Entra mode:  <meta name="networksync-auth" content="entra">, networksync-client-id,
//                networksync-scope, networksync-authority (optional networksync-redirect-uri)
// The API base URL is always the page's own origin.

export type AuthMode = "local" | "entra";

export interface AppConfig {
  mode: AuthMode;
  apiBase: string;
  clientId: string | null;
  scope: string | null;
  authority: string | null;
  redirectUri: string;
}

export function meta(doc: Document, name: string): string | null {
  const el = doc.querySelector(`meta[name="${name}"]`);
  const value = el?.getAttribute("content")?.trim();
  return value ? value : null;
}

export function readConfig(doc: Document = document, loc: Location = location): AppConfig {
  const mode: AuthMode = meta(doc, "networksync-auth")?.toLowerCase() === "entra" ? "entra" : "local";
  return {
    mode,
    apiBase: loc.origin,
    clientId: meta(doc, "networksync-client-id"),
    scope: meta(doc, "networksync-scope"),
    authority: meta(doc, "networksync-authority"),
    // MSAL popups land on this page, which hands the response back (src/auth-redirect.ts).
    redirectUri: meta(doc, "networksync-redirect-uri") ?? `${loc.origin}/addin/auth-redirect.html`,
  };
}
