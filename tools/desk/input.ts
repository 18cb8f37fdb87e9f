/** What an organizer types, checked: report ids, review reasons, times. Pure, so each is tested alone. */
import { reviewReasons, type ReviewReason } from '../../src/lib/reports/review.ts';
import { badInput } from './errors.ts';
import type { Selection } from './queries.ts';

function parseReason(text: string): ReviewReason {
  const reason = reviewReasons.find((known) => known === text);
  if (!reason)
    throw badInput(`Unknown reason "${text}": the reasons are ${reviewReasons.join(', ')}.`);
  return reason;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Report ids as `held` lists them, each once, in lower case. */
export function parseIds(texts: readonly string[]): string[] {
  for (const text of texts)
    if (!uuid.test(text))
      throw badInput(
        `"${text}" is not a report id: ids look like 0b7f3c1e-5d2a-4c8e-9f10-2b3c4d5e6f70 (see \`held\`).`,
      );
  return [...new Set(texts.map((text) => text.toLowerCase()))];
}

const relative = /^(\d{1,5})([mhd])$/;
const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const isoTime =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(:\d{2}(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A time given to --since or --until: an ISO 8601 date (the day from 00:00 UTC), a date and time
 * (UTC unless it names a zone), or a time ago: 30m, 2h, 3d.
 */
export function parseTime(option: string, text: string, now = Date.now()): Date {
  const ago = relative.exec(text);
  if (ago) return new Date(now - Number(ago[1]) * unitMs[ago[2] as keyof typeof unitMs]);
  const [, year, month, day, hour = '00', minute = '00', seconds = '', zone = 'Z'] =
    isoTime.exec(text) ?? [];
  // Date itself would read 2021-02-30 as 2 March: check the day exists.
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    year &&
    calendar.getUTCMonth() === Number(month) - 1 &&
    calendar.getUTCDate() === Number(day) &&
    Number(hour) < 24 &&
    Number(minute) < 60
  ) {
    const time = new Date(
      `${year}-${month}-${day}T${hour}:${minute}${seconds}${zone.toUpperCase()}`,
    );
    if (!Number.isNaN(time.getTime())) return time;
  }
  throw badInput(
    `--${option} "${text}" is not a time: write a date (2021-12-17), a date and time (2021-12-17T10:00Z), or a time ago (30m, 2h, 3d).`,
  );
}

/** --reason, --since and --until, checked. */
export function selectionFrom(
  values: { reason?: string; since?: string; until?: string },
  now = Date.now(),
): Selection {
  const selection: Selection = {};
  if (values.reason !== undefined) selection.reason = parseReason(values.reason);
  if (values.since !== undefined) selection.since = parseTime('since', values.since, now);
  if (values.until !== undefined) selection.until = parseTime('until', values.until, now);
  if (selection.since && selection.until && selection.since >= selection.until)
    throw badInput('--since must be earlier than --until.');
  return selection;
}
