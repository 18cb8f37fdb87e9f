/**
 * What the desk reads from the tables. The tally is read as the report function reads it (tallyQuery)
 * and recounted as tally_recount() rebuilds it (the tally_from_reports view), so neither is written twice.
 */
import type pg from 'pg';
import {
  tallyFromRows,
  tallyQuery,
  type Headline,
  type Tally,
  type TallyRow,
} from '../../src/lib/tally/tally.ts';
import type { ReportChoices } from '../../src/lib/reports/choices.ts';
import type { ReviewReason } from '../../src/lib/reports/review.ts';

/** One figure of the tally: a dimension ('all', 'channel', 'target', 'day', 'country', 'language') and key. */
export interface Figure extends Headline {
  dimension: string;
  key: string;
}

export interface Difference {
  dimension: string;
  key: string;
  before: Headline;
  after: Headline;
}

export async function readTally(client: pg.Client): Promise<TallyRow[]> {
  return (await client.query<TallyRow>(tallyQuery)).rows;
}

export const figures = (rows: readonly TallyRow[]): Figure[] =>
  rows.map(({ dimension, key, actions, reports }) => ({
    dimension,
    key,
    actions: Number(actions),
    reports: Number(reports),
  }));

/** The tally as the counted rows give it, computed now, changing nothing. */
export async function recount(client: pg.Client): Promise<Figure[]> {
  return figures(
    (
      await client.query<TallyRow>(
        'SELECT dimension, key, actions, reports FROM tally_from_reports',
      )
    ).rows,
  );
}

/** The tally as the public sees it, with the campaign's officials and languages as the site lists them. */
export const publicTally = (rows: readonly TallyRow[], choices: ReportChoices): Tally =>
  tallyFromRows(rows, choices);

/** The campaign's totals. */
export function headline(rows: readonly TallyRow[]): Headline {
  const all = figures(rows).find((figure) => figure.dimension === 'all');
  return { actions: all?.actions ?? 0, reports: all?.reports ?? 0 };
}

/** Every figure that is not the same in both, by dimension and key; a figure missing on one side is 0. */
export function differences(before: readonly Figure[], after: readonly Figure[]): Difference[] {
  const name = (figure: Figure) => JSON.stringify([figure.dimension, figure.key]);
  const found = new Map<string, Difference>();
  const zero = { actions: 0, reports: 0 };
  for (const figure of before)
    found.set(name(figure), {
      dimension: figure.dimension,
      key: figure.key,
      before: { actions: figure.actions, reports: figure.reports },
      after: zero,
    });
  for (const figure of after) {
    const known = found.get(name(figure));
    found.set(name(figure), {
      dimension: figure.dimension,
      key: figure.key,
      before: known?.before ?? zero,
      after: { actions: figure.actions, reports: figure.reports },
    });
  }
  return [...found.values()]
    .filter(({ before: b, after: a }) => b.actions !== a.actions || b.reports !== a.reports)
    .sort((x, y) => x.dimension.localeCompare(y.dimension) || x.key.localeCompare(y.key));
}

/** A report as the desk shows it. Reports hold nothing about the supporter; the rate-limit table is never read. */
export interface StoredReport {
  id: string;
  receivedAt: Date;
  /** The day in the appeal's time zone, YYYY-MM-DD. */
  receivedOn: string;
  reasons: string[];
  targets: string[];
  counts: Record<string, number>;
  actions: number;
  language: string;
  country: string | null;
  rejectedAt: Date | null;
}

interface ReportRow {
  id: string;
  received_at: Date;
  received_on: string;
  review_reasons: string[];
  targets: string[];
  counts: Record<string, number>;
  actions: number;
  language: string;
  country: string | null;
  rejected_at: Date | null;
}

const columns =
  'id, received_at, received_on::text, review_reasons, targets, counts, actions, language, country, rejected_at';

const reportOf = (row: ReportRow): StoredReport => ({
  id: row.id,
  receivedAt: row.received_at,
  receivedOn: row.received_on,
  reasons: row.review_reasons,
  targets: row.targets,
  counts: row.counts,
  actions: row.actions,
  language: row.language,
  country: row.country,
  rejectedAt: row.rejected_at,
});

/** Which held reports: those held for a reason, received from `since` (inclusive) until `until` (exclusive). */
export interface Selection {
  reason?: ReviewReason;
  since?: Date;
  until?: Date;
}

// Rows are locked in one order, the order they are listed in, so two organizers' commands cannot deadlock.
const order = (lock: boolean) => `ORDER BY received_at, id${lock ? ' FOR UPDATE' : ''}`;

/** Held reports (not rejected) in the selection; locked until the transaction ends when `lock`. */
export async function heldReports(
  client: pg.Client,
  { reason, since, until }: Selection,
  lock = false,
): Promise<StoredReport[]> {
  const { rows } = await client.query<ReportRow>(
    `SELECT ${columns} FROM reports
     WHERE suspicious AND rejected_at IS NULL AND ($1::text IS NULL OR $1::text = ANY (review_reasons))
       AND ($2::timestamptz IS NULL OR received_at >= $2) AND ($3::timestamptz IS NULL OR received_at < $3)
     ${order(lock)}`,
    [reason ?? null, since ?? null, until ?? null],
  );
  return rows.map(reportOf);
}

/** The reports with these ids, whatever their state, locked until the transaction ends. */
export async function lockReports(
  client: pg.Client,
  ids: readonly string[],
): Promise<StoredReport[]> {
  return (
    await client.query<ReportRow>(
      `SELECT ${columns} FROM reports WHERE id = ANY ($1::uuid[]) ${order(true)}`,
      [ids],
    )
  ).rows.map(reportOf);
}

export async function countedReports(client: pg.Client): Promise<StoredReport[]> {
  return (
    await client.query<ReportRow>(
      `SELECT ${columns} FROM reports WHERE NOT suspicious ${order(false)}`,
    )
  ).rows.map(reportOf);
}

/** Held reports awaiting review, per reason (a report can have two), and the rejected ones. */
export async function reviewQueue(
  client: pg.Client,
): Promise<{ held: number; rejected: number; byReason: Record<string, number> }> {
  const [totals, reasons] = await Promise.all([
    client.query<{ held: number; rejected: number }>(
      `SELECT count(*) FILTER (WHERE rejected_at IS NULL)::int AS held, count(*) FILTER (WHERE rejected_at IS NOT NULL)::int AS rejected
       FROM reports WHERE suspicious`,
    ),
    client.query<{ reason: string; reports: number }>(
      `SELECT reason, count(*)::int AS reports FROM reports, unnest(review_reasons) AS reason
       WHERE suspicious AND rejected_at IS NULL GROUP BY reason ORDER BY reason`,
    ),
  ]);
  return {
    held: totals.rows[0]?.held ?? 0,
    rejected: totals.rows[0]?.rejected ?? 0,
    byReason: Object.fromEntries(reasons.rows.map((row) => [row.reason, row.reports])),
  };
}

/** Reports received in the last `span` (an interval: '1 hour'), and how many of them count. */
export async function arrivals(
  client: pg.Client,
  span: string,
): Promise<{ received: number; counted: number }> {
  const { rows } = await client.query<{ received: number; counted: number }>(
    `SELECT count(*)::int AS received, count(*) FILTER (WHERE NOT suspicious)::int AS counted FROM reports WHERE received_at > now() - $1::interval`,
    [span],
  );
  return rows[0] ?? { received: 0, counted: 0 };
}
