// A modal confirmation for destructive actions: a native <dialog> (focus stays inside while it is
// open, the page behind is inert), labelled by its title and described by its text. Focus starts on
// Cancel (or the typed-confirmation field), Escape and Cancel answer false, and focus goes back to
// the control that opened it. Built with h(): the text is always text.
import { h, uid, type Child } from "./dom";

export interface ConfirmOptions {
  title: string;
  /** What will happen, in plain words (the dialog's description). */
  body: Child;
  /** The confirming button's label, saying what it does ("Forget Ana Abe"). */
  confirmLabel: string;
  cancelLabel?: string;
  /** An explicit second step: the user must type this word (e.g. "DELETE") before confirming. */
  typeToConfirm?: string;
  /** Where focus returns when the dialog closes; default the element focused when it opened. */
  returnFocus?: HTMLElement | null;
}

/** Opens the dialog; resolves true when the user confirmed, false when they cancelled. */
export function confirmDialog(doc: Document, o: ConfirmOptions): Promise<boolean> {
  const titleId = uid("dlg");
  const descId = uid("dlg-desc");
  const opener = o.returnFocus ?? (doc.activeElement instanceof HTMLElement ? doc.activeElement : null);

  const cancel = h("button", { type: "button", class: "ns-btn", "data-action": "cancel" }, o.cancelLabel ?? "Cancel");
  const confirm = h("button", { type: "submit", class: "ns-btn ns-btn-danger", "data-action": "confirm" }, o.confirmLabel);

  let input: HTMLInputElement | null = null;
  let error: HTMLElement | null = null;
  let field: HTMLElement | null = null;
  const word = o.typeToConfirm;
  if (word) {
    const inputId = uid("dlg-input");
    const errorId = uid("dlg-err");
    input = h("input", { id: inputId, type: "text", class: "ns-input", autocomplete: "off", spellcheck: "false", autocapitalize: "characters", "aria-describedby": errorId });
    error = h("p", { id: errorId, class: "ns-field-error" });
    field = h("div", { class: "ns-field" }, h("label", { for: inputId }, `To confirm, type ${word}`), input, error);
  }

  const form = h(
    "form",
    { class: "ns-dialog-form", novalidate: true },
    h("h2", { id: titleId, class: "ns-dialog-title" }, o.title),
    h("div", { id: descId, class: "ns-dialog-body" }, o.body),
    field,
    h("div", { class: "ns-dialog-actions" }, confirm, cancel),
  );
  const dialog = h("dialog", { class: "ns-dialog", role: "alertdialog", "aria-modal": "true", "aria-labelledby": titleId, "aria-describedby": descId }, form);

  return new Promise<boolean>((resolve) => {
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      done = true;
      if (dialog.open) dialog.close(ok ? "confirm" : "cancel");
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(ok);
    };
    cancel.addEventListener("click", () => finish(false));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (word && input && error && input.value.trim() !== word) {
        error.textContent = `Type ${word} in capital letters to confirm, or choose ${o.cancelLabel ?? "Cancel"}.`;
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      finish(true);
    });
    input?.addEventListener("input", () => {
      if (input?.getAttribute("aria-invalid") === "true" && input.value.trim() === word) {
        input.removeAttribute("aria-invalid");
        if (error) error.textContent = "";
      }
    });
    // Escape: the browser raises "cancel" on a modal dialog; the keydown covers engines that do not.
    dialog.addEventListener("cancel", (e) => {
      e.preventDefault();
      finish(false);
    });
    dialog.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        finish(false);
      }
    });
    dialog.addEventListener("close", () => finish(dialog.returnValue === "confirm"));

    doc.body.appendChild(dialog);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    (input ?? cancel).focus();
  });
}
