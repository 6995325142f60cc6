// "What to do now" at the top of the pane: the people on the open item who await something from the user
// (a reply owed, a follow-up due, a warm path to ask for), each a button that opens that person's row.
import { h, uid } from "../lib/dom";
import type { PersonContext } from "../lib/types";
import { personName } from "./person-card";
import { dueFollowUp } from "./person-row";

export type TodoKind = "owe" | "follow-up" | "warm-path";

export interface Todo {
  address: string;
  kind: TodoKind;
  text: string;
}

/** Most shown; the rest are counted, so four people's rows still fit the first screen. */
export const MAX_TODOS = 3;

/** The things to act on, replies owed first, then follow-ups due, then warm paths; people in the given order within each. */
export function todosOf(people: PersonContext[], now: number, nameHint: (address: string) => string | null = () => null): Todo[] {
  const owe: Todo[] = [];
  const due: Todo[] = [];
  const paths: Todo[] = [];
  for (const p of people) {
    const name = personName(p, nameHint(p.address));
    if (p.flags.owesReply) owe.push({ address: p.address, kind: "owe", text: `Reply to ${name}` });
    const fu = dueFollowUp(p, now);
    if (fu) due.push({ address: p.address, kind: "follow-up", text: fu.title });
    if (p.warmPath) paths.push({ address: p.address, kind: "warm-path", text: `Ask ${p.warmPath.displayName ?? p.warmPath.address} to introduce ${name}` });
  }
  return [...owe, ...due, ...paths];
}

export function whatToDoNow(todos: Todo[], onShow: (todo: Todo) => void): HTMLElement | null {
  if (todos.length === 0) return null;
  const headingId = uid("todo");
  const shown = todos.slice(0, MAX_TODOS);
  const rest = todos.length - shown.length;
  return h(
    "section",
    { class: "ns-todo", "aria-labelledby": headingId },
    h("h2", { id: headingId, class: "ns-todo-title" }, "What to do now"),
    h(
      "ul",
      { class: "ns-todo-list" },
      shown.map((t) => {
        const button = h("button", { type: "button", class: `ns-todo-btn ns-todo-${t.kind}`, "data-focus-key": `todo:${t.kind}:${t.address}` }, t.text);
        button.addEventListener("click", () => onShow(t));
        return h("li", null, button);
      }),
    ),
    rest > 0 ? h("p", { class: "ns-todo-more" }, `and ${rest} more in the rows below`) : null,
  );
}
