// The MSAL redirect page (popup and silent flows land here and hand the response back to the opener).
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

broadcastResponseToMainFrame().catch((e: unknown) => {
  console.error("NetworkSync sign-in: could not hand the response back", e);
});
