import { beforeEach, describe, expect, it, vi } from "vitest";
import { Api, ApiError } from "../src/lib/api";
import { createAuth } from "../src/lib/auth";
import { h } from "../src/lib/dom";
import { ensureShell } from "../src/lib/shell";
import { section, ViewController } from "../src/lib/view";
import { ORIGIN, pairedWith } from "./helpers";

const local = (): Api => new Api(ORIGIN, createAuth({ mode: "local", apiBase: ORIGIN, clientId: null, scope: null, authority: null, redirectUri: "" }, undefined, pairedWith(null)));
const state = (): string | null => document.documentElement.getAttribute("data-ns-state");

beforeEach(() => {
  document.body.replaceChildren();
  document.title = "";
});

describe("ViewController", () => {
  it("lets only the newest load render: an earlier ticket, or any after cancel(), is stale", () => {
    const view = new ViewController({ doc: document, shell: ensureShell(document), api: local(), reload: async () => {} });
    const first = view.begin();
    const second = view.begin();
    expect([view.isCurrent(first), view.isCurrent(second)]).toEqual([false, true]);
    view.cancel();
    expect(view.isCurrent(second)).toBe(false);
  });

  it("marks loading (busy, the view's name, the status line) and rendered (not busy, ready)", () => {
    const shell = ensureShell(document);
    const view = new ViewController({ doc: document, shell, api: local(), reload: async () => {} });
    shell.content.append(h("p", null, "old"));
    view.loading("overview", "Loading your network…", { clear: true });
    expect([state(), document.documentElement.getAttribute("data-ns-view"), shell.content.getAttribute("aria-busy"), shell.content.textContent, shell.status.textContent]).toEqual([
      "loading",
      "overview",
      "true",
      "",
      "Loading your network…",
    ]);
    view.rendered("Your network overview.");
    expect([state(), shell.content.hasAttribute("aria-busy"), shell.status.textContent]).toEqual(["ready", false, "Your network overview."]);
  });

  it("shows the error with Try again, the view's heading, hint and title, and the pairing form only where asked", async () => {
    const shell = ensureShell(document);
    const reload = vi.fn(async () => {});
    const unauthorised = new ApiError(401, { title: "Unauthorized" });
    const dashboard = new ViewController({
      doc: document,
      shell,
      api: local(),
      reload,
      errorExtras: () => ({ status: "Forgotten: Ana.", heading: h("h1", null, "NetworkSync"), hint: h("p", { class: "ns-error-hint" }, "Resume syncing."), title: "Error – NetworkSync" }),
    });
    dashboard.showError(unauthorised);
    expect(state()).toBe("error");
    expect(document.title).toBe("Error – NetworkSync");
    expect(shell.status.textContent).toBe("Forgotten: Ana.");
    expect(shell.content.querySelector("h1")?.textContent).toBe("NetworkSync");
    expect(shell.content.querySelector(".ns-error .ns-error-hint + .ns-error-actions")).not.toBeNull();
    expect(shell.content.querySelector("form.ns-pairing")).toBeNull();
    shell.content.querySelector<HTMLButtonElement>(".ns-error-actions button")!.click();
    expect(reload).toHaveBeenCalledOnce();

    const pane = new ViewController({ doc: document, shell, api: local(), reload, pairing: true });
    pane.showError(unauthorised);
    expect(shell.status.textContent).toBe("");
    expect(shell.content.querySelector("form.ns-pairing input[data-ns-pairing='code']")).not.toBeNull();
    pane.showError(new ApiError(500, null));
    expect(shell.content.querySelector("form.ns-pairing")).toBeNull();
  });
});

describe("section", () => {
  it("is a section labelled by its focusable h2", () => {
    const s = section("Cooling", h("p", null, "body"), { class: "ns-panel ns-cooling", focusKey: "cooling" });
    const title = s.querySelector("h2")!;
    expect([s.className, s.getAttribute("aria-labelledby"), title.getAttribute("tabindex"), title.getAttribute("data-focus-key")]).toEqual(["ns-panel ns-cooling", title.id, "-1", "cooling"]);
  });
});
