/**
 * Where an appeal stands in its life, from its content and the date: open, past its deadline, or
 * closed by an update that asks for no further action. Pure, so pages at build time and the
 * browser on the reader's clock decide it the same way.
 */
import { dayStart, isPastDeadline } from '../deadline/deadline.ts';

export interface DatedUpdate {
  /** Day of the news, YYYY-MM-DD. */
  date: string;
  actionsRequested: boolean;
}

export type AppealState<U extends DatedUpdate = DatedUpdate> =
  { kind: 'open' } | { kind: 'past-deadline' } | { kind: 'closed'; outcome: U };

/** Updates whose day has begun in the appeal's time zone, newest first. */
export function publishedUpdates<U extends DatedUpdate>(
  updates: readonly U[],
  now: Date,
  timeZone: string,
): U[] {
  return updates
    .filter((update) => now >= dayStart(update.date, timeZone))
    .sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * Closed when the newest update published so far asks for no further action (a later one may ask
 * again); otherwise open until the end of the deadline day in its time zone, and past it after.
 */
export function appealState<U extends DatedUpdate>(
  appeal: { deadline: string; deadlineTimeZone: string },
  updates: readonly U[],
  now: Date,
): AppealState<U> {
  const [latest] = publishedUpdates(updates, now, appeal.deadlineTimeZone);
  if (latest && !latest.actionsRequested) return { kind: 'closed', outcome: latest };
  return isPastDeadline(now, appeal.deadline, appeal.deadlineTimeZone)
    ? { kind: 'past-deadline' }
    : { kind: 'open' };
}
