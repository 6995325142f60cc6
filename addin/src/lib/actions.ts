// The user's actions on people and follow-ups, shared by the task pane and the dashboard. Each one
// calls the API, then hands the result to the view (which updates its state and re-renders) and
// says what happened in the live region.
import type { Api } from "./api";
import { personName, runAction, type FollowUpVerb } from "./components";
import { describeError } from "./errors";
import { alertText, announce, clearAlert, type Shell } from "./shell";
import { formatDateTime, nextWorkingDayAt9, oneWeekFrom, type Clock } from "./time";
import type { FollowUp, PersonContext } from "./types";

export interface ActionHost {
  api: Api;
  clock: Clock;
  shell: Shell;
  /** A follow-up changed: replace it (still open or snoozed) or drop it (done, dismissed). */
  followUpChanged(updated: FollowUp, removed: boolean, scope: string | null): void;
  /** A person changed (new follow-up, muted): re-render. */
  personChanged(person: PersonContext): void;
}

function failed(host: ActionHost, error: unknown): void {
  const view = describeError(error, host.api.base, host.api.auth.mode);
  alertText(host.shell, view.message, view.detail);
}

export const byDue = (a: FollowUp, b: FollowUp): number => (a.due ?? "9999").localeCompare(b.due ?? "9999");

export function applyFollowUp(list: FollowUp[], updated: FollowUp, removed: boolean): FollowUp[] {
  return removed ? list.filter((f) => f.id !== updated.id) : list.map((f) => (f.id === updated.id ? updated : f));
}

export function followUpAction(host: ActionHost, verb: FollowUpVerb, fu: FollowUp, button: HTMLButtonElement, scope: string | null): Promise<void> {
  return runAction(
    button,
    async () => {
      const updated = verb === "snooze" ? await host.api.snooze(fu.id, oneWeekFrom(host.clock.now())) : await host.api.followUpAction(fu.id, verb === "done" ? "done" : "dismiss");
      const removed = updated.status === "done" || updated.status === "dismissed";
      clearAlert(host.shell);
      host.followUpChanged({ ...updated, id: updated.id || fu.id }, removed, scope);
      const said = verb === "done" ? "Marked done" : verb === "dismiss" ? "Dismissed" : `Snoozed until ${formatDateTime(updated.snoozedUntil ?? oneWeekFrom(host.clock.now()))}`;
      announce(host.shell, `${said}: ${fu.title}`);
    },
    (e) => failed(host, e),
  );
}

export function createFollowUp(host: ActionHost, person: PersonContext, nameHint: string | null, button: HTMLButtonElement): Promise<void> {
  return runAction(
    button,
    async () => {
      const due = nextWorkingDayAt9(host.clock.now());
      const title = `Follow up with ${personName(person, nameHint)}`;
      const created = await host.api.createFollowUp({ contacts: [person.address], title, due: due.toISOString() });
      clearAlert(host.shell);
      person.followUps = [...person.followUps.filter((f) => f.id !== created.id), created].sort(byDue);
      host.personChanged(person);
      announce(host.shell, `Follow-up created: ${created.title}, due ${formatDateTime(created.due ?? due)}.`);
    },
    (e) => failed(host, e),
  );
}

export function setMuted(host: ActionHost, person: PersonContext, muted: boolean, nameHint: string | null, button: HTMLButtonElement): Promise<void> {
  return runAction(
    button,
    async () => {
      await host.api.setMuted(person.address, muted);
      clearAlert(host.shell);
      person.flags.muted = muted;
      host.personChanged(person);
      const name = personName(person, nameHint);
      announce(host.shell, muted ? `Muted ${name}: no more flags or follow-ups for them.` : `Unmuted ${name}.`);
    },
    (e) => failed(host, e),
  );
}
