// "How well NetworkSync knows your network" (#/network): the warmth model's backtest on the user's own
// history beside the three baselines, in plain words, the merge suggestions (two addresses under
// one name with no evidence they are one person) with "Same person" / "Keep apart", and the wider
// network (network-overview.ts): charts by month, organisations, weak ties, owes reply, waiting on them.
import type { MergeAnswer } from "../lib/api";
import { runAction } from "../lib/components";
import { h, replace, uid, type Child } from "../lib/dom";
import { describeError } from "../lib/errors";
import { alertText, announce, clearAlert } from "../lib/shell";
import { formatDate, relativeTime } from "../lib/time";
import type { MergeSuggestion, NetworkKnowledge, NetworkOverview } from "../lib/types";
import { failed, panel, type DashboardContext } from "./context";
import { WAITING_MAX, WAITING_MIN, chartsView, organisationsView, owesReplyView, waitingView, weakTiesView } from "./network-overview";

export interface NetworkState {
  kind: "network";
  knowledge: NetworkKnowledge;
  suggestions: MergeSuggestion[];
  /** The answers given on this page, by pairKey (shown with Undo until the page is reloaded). */
  answered: Record<string, MergeAnswer>;
  /** The wider network; null when it could not be loaded (overviewError says why), the rest of the page still shows. */
  overview: NetworkOverview | null;
  overviewError: string | null;
}

export interface NetworkHandlers {
  now: number;
  onAnswer(s: MergeSuggestion, answer: MergeAnswer, button: HTMLButtonElement): void;
  onUndo(s: MergeSuggestion, answer: MergeAnswer, button: HTMLButtonElement): void;
}

export const NETWORK_TITLE = "How well NetworkSync knows your network";

export const pairKey = (s: MergeSuggestion): string => `${s.address}|${s.otherAddress}`;

/** A figure as the page shows it: two decimals ("0.87"). */
export const figure = (v: number): string => v.toFixed(2);

/**
 * The headline in plain words, against the baseline people understand best (sorting by last contact):
 * "NetworkSync ranks the people you'll write to next better than sorting by last contact: 0.87 vs 0.82".
 * Null when nothing was measured.
 */
export function headline(k: NetworkKnowledge): string | null {
  const { auc, baselines } = k.backtest;
  if (auc === null) return null;
  const lead = "NetworkSync ranks the people you'll write to next";
  if (baselines.recency === null) return `${lead} with a score of ${figure(auc)} (1 is perfect, 0.5 is chance).`;
  const ours = figure(auc);
  const theirs = figure(baselines.recency);
  const how = ours === theirs ? "about as well as" : auc > baselines.recency ? "better than" : "less well than";
  return `${lead} ${how} sorting by last contact: ${ours} vs ${theirs}`;
}

/** What the model in use is, and why: the built-in weights are said plainly, with the service's reason. */
export function modelNote(k: NetworkKnowledge): { builtIn: boolean; text: string } {
  if (k.model === "built-in") {
    return {
      builtIn: true,
      text: `Warmth uses NetworkSync's built-in weights, not weights learned from your mailbox: there is too little history to learn from yet.${k.modelReason ? ` (${k.modelReason})` : ""}`,
    };
  }
  return { builtIn: false, text: `Warmth is learned from your own mailbox${k.modelReason ? ` (${k.modelReason})` : ""}.` };
}

const ROWS: { label: string; pick: (k: NetworkKnowledge) => number | null; ours?: boolean }[] = [
  { label: "NetworkSync warmth", pick: (k) => k.backtest.auc, ours: true },
  { label: "Sorting by last contact", pick: (k) => k.backtest.baselines.recency },
  { label: "Counting messages in the last year", pick: (k) => k.backtest.baselines.frequency365 },
  { label: "Counting recent messages more (decayed count)", pick: (k) => k.backtest.baselines.decayedCount },
];

function scoreTable(k: NetworkKnowledge): HTMLElement {
  return h(
    "table",
    { class: "ns-table ns-knowledge-table" },
    h("caption", null, "Ranking score on your own history (ROC AUC): 1 is perfect, 0.5 is no better than chance"),
    h("thead", null, h("tr", null, h("th", { scope: "col" }, "Way of ranking"), h("th", { scope: "col" }, "Score"))),
    h(
      "tbody",
      null,
      ROWS.map((row) => {
        const v = row.pick(k);
        const bar = h("span", { class: "ns-score-bar-fill" });
        // Width through CSSOM (allowed under the strict CSP); from chance (0.5) to perfect (1).
        bar.style.width = `${v === null ? 0 : Math.round(Math.max(0, Math.min(1, (v - 0.5) / 0.5)) * 100)}%`;
        return h(
          "tr",
          { class: row.ours ? "ns-knowledge-ours" : null, "data-row": row.label },
          h("th", { scope: "row" }, row.label),
          h("td", null, h("span", { class: "ns-score-value" }, v === null ? "not measured" : figure(v)), h("span", { class: "ns-score-bar", "aria-hidden": "true" }, bar)),
        );
      }),
    ),
  );
}

/** The figures panel's body: headline, model note, date, table, average precision and how it was measured. */
export function knowledgeView(k: NetworkKnowledge): Child[] {
  const note = modelNote(k);
  const measured = k.measuredAt ? `Measured on ${formatDate(k.measuredAt)}; NetworkSync measures again once a day.` : null;
  const modelP = h("p", { class: `ns-knowledge-model${note.builtIn ? " ns-notice-inline" : ""}` }, note.text);
  const line = headline(k);
  if (line === null) {
    return [
      h("p", { class: "ns-knowledge-headline ns-knowledge-none" }, "There is too little history in your mailbox to measure this yet."),
      k.backtest.reason ? h("p", { class: "ns-knowledge-reason" }, `Why: ${k.backtest.reason}.`) : null,
      modelP,
      measured ? h("p", { class: "ns-knowledge-date" }, measured) : null,
    ];
  }
  const b = k.backtest;
  return [
    h("p", { class: "ns-knowledge-headline" }, line),
    modelP,
    measured ? h("p", { class: "ns-knowledge-date" }, measured) : null,
    scoreTable(k),
    b.averagePrecision !== null
      ? h("p", { class: "ns-knowledge-ap" }, `Average precision ${figure(b.averagePrecision)}: how often the people NetworkSync puts first are the ones you really wrote to next (1 is perfect).`)
      : null,
    h(
      "p",
      { class: "ns-knowledge-how" },
      `How: at ${b.cutoffs.length} ${b.cutoffs.length === 1 ? "date" : "dates"} in your past, NetworkSync looked only at the mail before that date, ranked everyone you had been in touch with (${b.candidates} in all) and checked whom you wrote to in the following 90 days (${b.positives}).`,
    ),
  ];
}

function lastInTouch(value: string | null, now: number): string {
  const rel = relativeTime(value, now);
  return rel === "never" ? "never in direct touch" : `last in touch ${rel}`;
}

function suggestionItem(s: MergeSuggestion, answer: MergeAnswer | undefined, on: NetworkHandlers): HTMLLIElement {
  const key = pairKey(s);
  const nameId = uid("merge");
  const name = s.displayName ?? s.address;
  const button = (label: string, cls: string, focusKey: string, onClick: (b: HTMLButtonElement) => void): HTMLButtonElement => {
    const b = h("button", { type: "button", class: `ns-btn ${cls}`, "aria-describedby": nameId, "data-focus-key": focusKey }, label);
    b.addEventListener("click", () => onClick(b));
    return b;
  };
  const addresses = h(
    "ul",
    { class: "ns-merge-addresses" },
    h("li", null, h("span", { class: "ns-merge-address" }, s.address), ` · ${lastInTouch(s.lastContact, on.now)}`),
    h("li", null, h("span", { class: "ns-merge-address" }, s.otherAddress), ` · ${lastInTouch(s.otherLastContact, on.now)}`),
  );
  const actions = answer
    ? h(
        "div",
        { class: "ns-merge-done" },
        h(
          "p",
          { class: "ns-merge-result", "data-answer": answer },
          answer === "same" ? `Merged: ${s.address} and ${s.otherAddress} are now one person.` : `Kept apart: ${s.address} and ${s.otherAddress} stay two people.`,
        ),
        button("Undo", "", `merge:${key}:undo`, (b) => on.onUndo(s, answer, b)),
      )
    : h(
        "div",
        { class: "ns-merge-actions" },
        button("Same person", "ns-btn-primary", `merge:${key}:same`, (b) => on.onAnswer(s, "same", b)),
        button("Keep apart", "", `merge:${key}:apart`, (b) => on.onAnswer(s, "apart", b)),
      );
  return h(
    "li",
    { class: `ns-merge${answer ? " ns-merge-answered" : ""}`, "data-pair": key },
    h("h3", { id: nameId, class: "ns-merge-name" }, name),
    addresses,
    s.reason ? h("p", { class: "ns-merge-why" }, s.reason) : null,
    actions,
  );
}

/** The merge suggestions panel's body. */
export function suggestionsView(state: NetworkState, on: NetworkHandlers): Child[] {
  if (state.suggestions.length === 0) {
    return [h("p", { class: "ns-empty" }, "No suggestions: every pair of addresses under one name is already settled by evidence or by you.")];
  }
  return [
    h("p", null, "These addresses share a name, but nothing shows they are one person. Tell NetworkSync, and it remembers your answer across syncs."),
    h("ul", { class: "ns-merges" }, state.suggestions.map((s) => suggestionItem(s, state.answered[pairKey(s)], on))),
  ];
}

// ---- loading, rendering and answering --------------------------------------------------------

export async function loadNetwork(ctx: DashboardContext): Promise<NetworkState> {
  announce(ctx.shell, "Loading how well NetworkSync knows your network…");
  const overview = ctx.api.networkOverview().then(
    (o) => ({ overview: o, overviewError: null }),
    (e: unknown) => ({ overview: null, overviewError: describeError(e, ctx.api.base, ctx.api.auth.mode).message }),
  );
  const [knowledge, suggestions, wider] = await Promise.all([ctx.api.networkKnowledge(), ctx.api.mergeSuggestions(), overview]);
  return { kind: "network", knowledge, suggestions, answered: {}, ...wider };
}

/** The wider network's panels, or one panel saying it could not be loaded. */
function overviewPanels(ctx: DashboardContext, state: NetworkState): HTMLElement[] {
  const o = state.overview;
  if (o === null) {
    return [panel("Your wider network", h("p", { class: "ns-error-message ns-overview-error" }, `The wider network could not be loaded. ${state.overviewError ?? ""}`.trim()), "ns-network-overview")];
  }
  const now = ctx.clock.now();
  const on = { now, onWaitingDays: (days: number, b: HTMLButtonElement) => void saveWaitingDays(ctx, state, days, b) };
  return [
    panel("Your network, month by month", chartsView(o), "ns-network-charts"),
    panel(`Organisations (${o.organisations.length})`, organisationsView(o), "ns-organisations"),
    panel(`People you already kind of know (${o.weakTies.length})`, weakTiesView(o, now), "ns-weak"),
    panel(`You owe a reply (${o.owesReply.length})`, owesReplyView(o, now), "ns-owes"),
    panel(`Waiting on them (${o.waitingOnThem.length})`, waitingView(o, on), "ns-waiting-panel", "waiting"),
  ];
}

/** Stores the "waiting on them" threshold, then reloads the overview so the list follows it. */
export async function saveWaitingDays(ctx: DashboardContext, state: NetworkState, days: number, button: HTMLButtonElement): Promise<void> {
  if (!Number.isInteger(days) || days < WAITING_MIN || days > WAITING_MAX) {
    alertText(ctx.shell, `Give a whole number of days from ${WAITING_MIN} to ${WAITING_MAX}.`, "Nothing was changed.");
    return;
  }
  await runAction(
    button,
    async () => {
      await ctx.api.setWaitingDays(days);
      state.overview = await ctx.api.networkOverview();
      state.overviewError = null;
      clearAlert(ctx.shell);
      ctx.render("waiting:save");
      const n = state.overview.waitingOnThem.length;
      announce(ctx.shell, `Saved: waiting on them after ${days} ${days === 1 ? "day" : "days"}; ${n} ${n === 1 ? "person" : "people"}.`);
    },
    (e) => {
      announce(ctx.shell, "");
      failed(ctx, e, "The waiting time was not saved.", "Nothing was changed: try again in a moment.");
    },
  );
}

export const networkSummary = (s: NetworkState): string => `${NETWORK_TITLE}: ${s.suggestions.length} ${s.suggestions.length === 1 ? "merge suggestion" : "merge suggestions"}.`;

export function renderNetwork(ctx: DashboardContext, state: NetworkState): void {
  ctx.doc.title = `${NETWORK_TITLE} – NetworkSync`;
  const on = {
    now: ctx.clock.now(),
    onAnswer: (s: MergeSuggestion, answer: MergeAnswer, b: HTMLButtonElement) => void answerMerge(ctx, state, s, answer, b, true),
    onUndo: (s: MergeSuggestion, answer: MergeAnswer, b: HTMLButtonElement) => void answerMerge(ctx, state, s, answer, b, false),
  };
  replace(
    ctx.shell.content,
    h("h1", { class: "ns-view-title", tabindex: -1 }, NETWORK_TITLE),
    h(
      "div",
      { class: "ns-data ns-network" },
      panel("Ranking the people you'll write to next", knowledgeView(state.knowledge), "ns-knowledge"),
      panel(`Same name, maybe the same person (${state.suggestions.length})`, suggestionsView(state, on), "ns-suggestions", "suggestions"),
      ...overviewPanels(ctx, state),
    ),
  );
}

/** "Same person" / "Keep apart" (set), or Undo (withdraw): stored at once, said in the status line, focus kept on the pair. */
export async function answerMerge(ctx: DashboardContext, state: NetworkState, s: MergeSuggestion, answer: MergeAnswer, button: HTMLButtonElement, set: boolean): Promise<void> {
  const name = s.displayName ?? s.address;
  const key = pairKey(s);
  await runAction(
    button,
    async () => {
      await ctx.api.answerMerge(answer, s.address, s.otherAddress, set);
      if (set) state.answered[key] = answer;
      else delete state.answered[key];
      clearAlert(ctx.shell);
      ctx.render(set ? `merge:${key}:undo` : `merge:${key}:${answer}`);
      announce(
        ctx.shell,
        !set ? `Undone: NetworkSync asks again about ${name}.` : answer === "same" ? `Merged: ${s.address} and ${s.otherAddress} are now one person.` : `Kept apart: ${s.address} and ${s.otherAddress} stay two people.`,
      );
    },
    (e) => {
      announce(ctx.shell, "");
      failed(ctx, e, set ? `Your answer about ${name} was not saved.` : `Your answer about ${name} was not undone.`, "Nothing was changed: try again in a moment.");
    },
  );
}
