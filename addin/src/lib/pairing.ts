// Local mode's task pane inside Outlook runs in a browser that never sees the dashboard's session
// cookie, so it is paired once: the user types the code the signed-in dashboard shows, and the pane
// keeps it in the add-in's roaming settings (Outlook's per-user store), sending it on every call.
export const PAIRING_SETTING = "networksync-pairing-code";

export interface RoamingSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status?: unknown; error?: { message?: string } }) => void): void;
}

export interface PairingStore {
  get(): string | null;
  save(code: string): Promise<void>;
}

/** The roaming-settings store, or null outside Outlook (a browser signed in with the printed URL needs none). */
export function roamingPairing(settings: RoamingSettingsLike | null | undefined): PairingStore | null {
  if (!settings || typeof settings.get !== "function") return null;
  return {
    get: () => {
      const v = settings.get(PAIRING_SETTING);
      return typeof v === "string" && v.trim() ? v.trim() : null;
    },
    save: (code) =>
      new Promise((resolve, reject) => {
        settings.set(PAIRING_SETTING, code.trim().toUpperCase());
        settings.saveAsync((r) => (r?.status === "failed" ? reject(new Error(r.error?.message ?? "Outlook could not save the pairing code.")) : resolve()));
      }),
  };
}
