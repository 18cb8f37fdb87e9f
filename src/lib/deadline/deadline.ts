/** Minutes a time zone is ahead of UTC at a given instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant the deadline day ends in its time zone: midnight at the start of the next day there. */
export function deadlineEnd(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const nextMidnightAsUtc = Date.UTC(year, month - 1, day + 1);
  // Two passes settle the offset even when the zone changes its clock that night.
  let instant = nextMidnightAsUtc - offsetMinutes(new Date(nextMidnightAsUtc), timeZone) * 60_000;
  instant = nextMidnightAsUtc - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/** The instant a calendar day begins in a time zone: the end of the day before. */
export function dayStart(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return deadlineEnd(
    new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10),
    timeZone,
  );
}

/** True once the whole deadline day has passed where the deadline is set. */
export function isPastDeadline(now: Date, date: string, timeZone: string): boolean {
  return now.getTime() >= deadlineEnd(date, timeZone).getTime();
}

/** A calendar day (YYYY-MM-DD) in a reader's locale, e.g. "January 3, 2022" or "3 de enero de 2022", never a day off by the time zone. */
export function formatDay(date: string, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}
