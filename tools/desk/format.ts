/** How the desk writes for people (aligned tables, short UTC times) and for spreadsheets (CSV). Pure. */
import type { Difference, StoredReport } from './queries.ts';

export type { CsvCell as Cell } from '../../src/lib/csv.ts';
import type { CsvCell as Cell } from '../../src/lib/csv.ts';

const numbers = new Intl.NumberFormat('en');

/** A figure for people: 1,234. */
export const figure = (value: number) => numbers.format(value);

/** A time for people, to the minute, in UTC: 2021-12-17 10:02. */
export const minute = (time: Date) => time.toISOString().slice(0, 16).replace('T', ' ');

/** "email 2 · phone 1": the channels a report used, in the order it gave them. */
export const channelCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([channel, n]) => `${channel} ${n}`)
    .join(' · ');

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = (cell: Cell) =>
    cell === null ? '' : typeof cell === 'number' ? figure(cell) : cell;
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => text(row[column] ?? null).length)),
  );
  const line = (cells: readonly Cell[]) =>
    widths
      .map((width, column) => {
        const cell = cells[column] ?? null;
        return typeof cell === 'number' ? text(cell).padStart(width) : text(cell).padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export { csv } from '../../src/lib/csv.ts';

/** Labelled lines: the labels in one column, the values beside them. */
export function fields(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`.trimEnd()).join('\n');
}

/** "1 figure", "16 figures". */
export const count = (n: number, noun: string) => `${figure(n)} ${noun}${n === 1 ? '' : 's'}`;

/** Headline figures: "57 actions in 12 reports". */
export const amount = ({ actions, reports }: { actions: number; reports: number }) =>
  `${figure(actions)} actions in ${figure(reports)} reports`;

/** A tally figure's name for people: `channel "email"`, or the totals. */
export const figureName = ({ dimension, key }: { dimension: string; key: string }) =>
  dimension === 'all' ? 'the totals' : `${dimension} "${key}"`;

/** Each changed figure of the tally, before → after. */
export function changesTable(changes: readonly Difference[]): string {
  const change = (before: number, after: number) =>
    before === after ? figure(after) : `${figure(before)} → ${figure(after)}`;
  return table(
    ['dimension', 'key', 'actions', 'reports'],
    changes.map(({ dimension, key, before, after }) => [
      dimension,
      key,
      change(before.actions, after.actions),
      change(before.reports, after.reports),
    ]),
  );
}

/** Reports for people, one a line, with everything a report holds (nothing about its sender: it has nothing). */
export function reportsTable(reports: readonly StoredReport[]): string {
  return table(
    ['id', 'received (UTC)', 'held for', 'officials', 'channels', 'actions', 'language', 'country'],
    reports.map((report) => [
      report.id,
      minute(report.receivedAt),
      report.reasons.join(', '),
      report.targets.join(', '),
      channelCounts(report.counts),
      report.actions,
      report.language,
      report.country,
    ]),
  );
}
