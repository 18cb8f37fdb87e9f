/** How the desk writes for people: aligned tables, figures as 1,234, short UTC times. Pure. */
import { textTable, type Cell } from '../text-table.ts';
import type { Difference, StoredReport } from './queries.ts';

const numbers = new Intl.NumberFormat('en');

/** A figure for people: 1,234. */
export const figure = (value: number) => numbers.format(value);

/** A time for people, to the minute, in UTC: 2021-12-17 10:02. */
export const minute = (time: Date) => time.toISOString().slice(0, 16).replace('T', ' ');

/** "email 2 · phone 1": the channels a report used, in the order it gave them. */
const channelCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([channel, n]) => `${channel} ${n}`)
    .join(' · ');

/** A heading and rows, numbers to the right. */
const table = (header: readonly string[], rows: readonly (readonly Cell[])[]) =>
  textTable([header, ...rows]).join('\n');

/** Labelled lines: the labels in one column, the values beside them. */
export function labelledLines(rows: readonly (readonly [string, string])[]): string {
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
