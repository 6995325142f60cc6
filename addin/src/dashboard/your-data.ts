// The "Your data" view (#/your-data): what NetworkSync keeps, Export my data, Delete all my data and,
// once deleted (or when the service holds no mailbox for the caller), Resume syncing.
import { runAction } from "../lib/components";
import { confirmDialog } from "../lib/dialog";
import { h, replace, type Child } from "../lib/dom";
import { announce, clearAlert } from "../lib/shell";
import type { IntroducerConsent, Me } from "../lib/types";
import { section as panel } from "../lib/view";
import { failed, isNoMailbox, type DashboardContext } from "./context";

export const EXPORT_FILENAME = "networksync-export.json";
export const DELETE_WORD = "DELETE";

/**
 * stored: the service has a mailbox for the caller; deleted: the user just deleted everything;
 * resumed: they asked to sync again; none: the API answers 503 "No mailbox yet" (deleted earlier,
 * or the first sync has not finished).
 */
export type YourDataPhase = "stored" | "deleted" | "resumed" | "none";

export interface YourDataState {
  kind: "your-data";
  mailbox: Me["mailbox"] | null;
  phase: YourDataPhase;
  /** Local mode: the code that pairs the Outlook task pane (null in Entra mode, where the pane signs in itself). */
  pairingCode?: string | null;
  /** Whether colleagues may be told the user knows someone (null when the settings could not be read). */
  consent?: IntroducerConsent | null;
}

export interface YourDataHandlers {
  onExport(button: HTMLButtonElement): void;
  onDelete(button: HTMLButtonElement): void;
  onResume(button: HTMLButtonElement): void;
  onConsent(box: HTMLInputElement): void;
}

function section(cls: string, title: string, focusKey: string, ...body: Child[]): HTMLElement {
  return panel(title, body, { class: `ns-panel ns-data-section ${cls}`, focusKey });
}

function button(label: string, cls: string, focusKey: string, onClick: (b: HTMLButtonElement) => void): HTMLButtonElement {
  const b = h("button", { type: "button", class: `ns-btn ${cls}`, "data-focus-key": focusKey }, label);
  b.addEventListener("click", () => onClick(b));
  return b;
}

export function mailboxName(m: Me["mailbox"] | null): string {
  return m?.mail ?? m?.displayName ?? "your mailbox";
}

/** "Suggest me to colleagues": the user's own consent, off unless they turn it on, or why it is not offered. */
function consentSection(consent: IntroducerConsent, on: YourDataHandlers): HTMLElement {
  if (!consent.organisationIntroductions) {
    return section("ns-data-consent", "Suggest me to colleagues", "consent", h("p", null, "Your administrator has turned off suggestions between colleagues: NetworkSync never tells anyone whom you know."));
  }
  const box = h("input", { type: "checkbox", id: "ns-consent", "data-focus-key": "consent-box", "aria-describedby": "ns-consent-what" });
  box.checked = consent.suggestAsIntroducer;
  box.addEventListener("change", () => on.onConsent(box));
  return section(
    "ns-data-consent",
    "Suggest me to colleagues",
    "consent",
    h("p", { class: "ns-check" }, box, h("label", { for: "ns-consent" }, " Colleagues may be told that I know someone")),
    h(
      "p",
      { id: "ns-consent-what" },
      "When a colleague looks at someone you know, NetworkSync may tell them “you in your organisation know them”: your name and how well you know them (hot, warm or cool), never a subject, a date, a message or how often you write. Off unless you turn it on; turning it off takes effect at once.",
    ),
  );
}

export function yourDataView(state: YourDataState, on: YourDataHandlers): Child[] {
  const who = mailboxName(state.mailbox);
  const explain = section(
    "ns-data-what",
    "What NetworkSync keeps",
    "what",
    h(
      "ul",
      { class: "ns-bullets" },
      h("li", null, "Metadata only: who wrote to whom and when, subjects, and meeting times and attendees. Never the body of a message or its attachments."),
      h("li", null, "From that, the warmth of each relationship, your follow-ups and your settings."),
      h("li", null, "Kept for 3 years by default: older messages and meetings are deleted every day."),
      h("li", null, "To remove one person, open their contact page and choose “Forget this person”."),
    ),
  );

  const resume = (): HTMLElement =>
    h("div", { class: "ns-data-actions" }, button("Resume syncing", "ns-btn-primary", "resume", on.onResume));

  let main: HTMLElement[];
  if (state.phase === "stored") {
    main = [
      section(
        "ns-data-export",
        "Export my data",
        "export",
        h("p", null, `Download everything NetworkSync stores for ${who} as one JSON file (${EXPORT_FILENAME}).`),
        h("div", { class: "ns-data-actions" }, button("Export my data", "ns-btn-primary", "export-btn", on.onExport)),
      ),
      section(
        "ns-data-delete",
        "Delete all my data",
        "delete",
        h(
          "p",
          null,
          `Deletes everything NetworkSync stores for ${who}: the metadata of your messages and meetings, relationships, follow-ups (and the To Do tasks it wrote) and settings. It also stops syncing your mailbox until you resume. This cannot be undone: export first if you want a copy.`,
        ),
        h("div", { class: "ns-data-actions" }, button("Delete all my data…", "ns-btn-danger", "delete-btn", on.onDelete)),
      ),
    ];
    if (state.consent) main.push(consentSection(state.consent, on));
  } else if (state.phase === "deleted") {
    main = [
      section(
        "ns-data-done",
        "Your data is deleted",
        "done",
        h("p", null, "NetworkSync deleted everything it stored for you and stopped syncing your mailbox: nothing new is stored until you resume syncing."),
        h("p", null, "Resuming syncs your mailbox again from scratch, as for a new user."),
        resume(),
      ),
    ];
  } else if (state.phase === "resumed") {
    main = [
      section(
        "ns-data-done",
        "Syncing resumed",
        "resumed",
        h("p", null, "Your mailbox will sync again shortly, from scratch. Your network fills in once that first sync finishes."),
        h("p", null, h("a", { href: "#/" }, "Back to your network")),
      ),
    ];
  } else {
    main = [
      section(
        "ns-data-none",
        "No data stored for you",
        "none",
        h("p", null, "NetworkSync holds no mailbox for you right now: you deleted your data and syncing is stopped, or the first sync has not finished yet."),
        h("p", null, "If you deleted your data, resume syncing to start again. If the first sync is still running, there is nothing to do: reload this page in a minute."),
        resume(),
      ),
    ];
  }
  if (state.pairingCode) {
    main.push(
      section(
        "ns-data-pairing",
        "Pair the Outlook task pane",
        "pairing",
        h("p", null, "Outlook runs the NetworkSync pane in its own browser, which this sign-in does not reach. The first time the pane asks, enter this code; it keeps it in your Outlook settings. Anyone with the code can read your NetworkSync data: do not share it."),
        h("p", null, h("code", { class: "ns-pairing-code", "data-ns-pairing-code": "" }, state.pairingCode)),
      ),
    );
  }
  return [h("h1", { class: "ns-view-title", tabindex: -1 }, "Your data"), h("div", { class: "ns-data" }, explain, main)];
}

// ---- loading, rendering and the actions -------------------------------------------------------

export async function loadYourData(ctx: DashboardContext): Promise<YourDataState> {
  announce(ctx.shell, "Loading your data…");
  let mailbox: YourDataState["mailbox"] = null;
  try {
    mailbox = (await ctx.api.me()).mailbox;
  } catch (e) {
    if (!isNoMailbox(e)) throw e; // no mailbox: the view offers to resume syncing
  }
  // The pairing code is a convenience on this page: without it the rest of the view still works.
  const pairingCode = ctx.api.auth.mode === "local" ? await ctx.api.pairingCode().catch(() => null) : null;
  // So is the consent: without it the section is left out.
  const consent = mailbox ? await ctx.api.introducerConsent().catch(() => null) : null;
  return { kind: "your-data", mailbox, phase: mailbox ? "stored" : "none", pairingCode, consent };
}

export const yourDataSummary = (s: YourDataState): string => (s.phase === "none" ? "NetworkSync holds no data for you right now." : "Your data: export it or delete it.");

export function renderYourData(ctx: DashboardContext, state: YourDataState): void {
  ctx.doc.title = "Your data – NetworkSync";
  replace(
    ctx.shell.content,
    ...yourDataView(state, {
      onExport: (b) => void exportData(ctx, b),
      onDelete: (b) => void deleteAll(ctx, state, b),
      onResume: (b) => void resume(ctx, state, b),
      onConsent: (box) => void setConsent(ctx, state, box),
    }),
  );
}

export async function exportData(ctx: DashboardContext, button: HTMLButtonElement): Promise<void> {
  await runAction(
    button,
    async () => {
      announce(ctx.shell, "Preparing your export…");
      const blob = await ctx.api.exportMyData();
      ctx.save(blob, EXPORT_FILENAME);
      clearAlert(ctx.shell);
      const kb = Math.max(1, Math.round(blob.size / 1024));
      announce(ctx.shell, `Export saved as ${EXPORT_FILENAME} (${kb} KB) in your downloads.`);
    },
    (e) => {
      announce(ctx.shell, "");
      failed(ctx, e, "The export failed.", "Nothing was downloaded: try again in a moment.");
    },
  );
}

export async function deleteAll(ctx: DashboardContext, state: YourDataState, button: HTMLButtonElement): Promise<void> {
  if (button.getAttribute("aria-disabled") === "true") return;
  const ok = await confirmDialog(ctx.doc, {
    title: "Delete all your data?",
    body: [
      h("p", null, `NetworkSync deletes everything it stores for ${mailboxName(state.mailbox)}, with the To Do tasks it wrote, and stops syncing your mailbox until you resume.`),
      h("p", null, "This cannot be undone."),
    ],
    confirmLabel: "Delete all my data",
    typeToConfirm: DELETE_WORD,
    returnFocus: button,
  });
  if (!ok) {
    announce(ctx.shell, "Cancelled: nothing was deleted.");
    return;
  }
  await runAction(
    button,
    async () => {
      announce(ctx.shell, "Deleting all your data…");
      try {
        await ctx.api.deleteMyData();
      } catch (e) {
        if (!isNoMailbox(e)) throw e;
        state.phase = "none"; // nothing stored (already deleted): say so and offer to resume
        clearAlert(ctx.shell);
        ctx.render("none");
        announce(ctx.shell, "NetworkSync holds no data for you: nothing to delete.");
        return;
      }
      state.phase = "deleted";
      clearAlert(ctx.shell);
      const me = ctx.doc.getElementById("ns-me");
      if (me) me.textContent = "";
      ctx.render("done");
      announce(ctx.shell, "All your data is deleted and syncing is stopped.");
    },
    (e) => {
      announce(ctx.shell, "");
      failed(ctx, e, "Your data was not deleted.", "Nothing was changed: try again in a moment.");
    },
  );
}

export async function resume(ctx: DashboardContext, state: YourDataState, button: HTMLButtonElement): Promise<void> {
  await runAction(
    button,
    async () => {
      announce(ctx.shell, "Resuming syncing…");
      await ctx.api.resumeSync();
      state.phase = "resumed";
      clearAlert(ctx.shell);
      ctx.render("resumed");
      announce(ctx.shell, "Syncing resumed: your mailbox will sync again shortly.");
    },
    (e) => {
      announce(ctx.shell, "");
      failed(ctx, e, "Syncing did not resume.", "Try again in a moment.");
    },
  );
}

export async function setConsent(ctx: DashboardContext, state: YourDataState, box: HTMLInputElement): Promise<void> {
  const wanted = box.checked;
  box.disabled = true;
  try {
    state.consent = await ctx.api.setIntroducerConsent(wanted);
    box.checked = state.consent.suggestAsIntroducer;
    clearAlert(ctx.shell);
    announce(ctx.shell, state.consent.suggestAsIntroducer ? "Colleagues may now be told that you know someone (your name and how well only)." : "You are no longer suggested to colleagues.");
  } catch (e) {
    box.checked = !wanted;
    announce(ctx.shell, "");
    failed(ctx, e, "Your choice was not saved.", "Nothing was changed: try again in a moment.");
  } finally {
    box.disabled = false;
  }
}
