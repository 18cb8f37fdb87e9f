/**
 * For the organizers' desk: a bare database with the migrations applied and no site, reports put in
 * by hand as the function would store them (the triggers do the rest), and the desk run as an
 * organizer runs it, in this process or as `node tools/desk.ts`.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { NetlifyDB } from '@netlify/database-dev';
import { withUser } from '../../src/lib/database/connection';
import type { ReviewReason } from '../../src/lib/reports/review';
import { migrate } from '../../src/integrations/migrations.ts';
import { runDesk } from '../../tools/desk/cli.ts';
import { appeal } from './appeal';
import type { TestDatabase } from './databases';

const timeZone = appeal.appeal(appeal.defaultLanguage).deadlineTimeZone;
const [firstTarget = ''] = appeal.choices.targets;

export interface BareDatabase {
  url: string;
  query<Row extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<Row>>;
  stop(): Promise<void>;
}

/** A fresh database of the kind given, with this project's migrations (up to `target`) and nothing else. */
export async function bareDatabase(database: TestDatabase, target?: string): Promise<BareDatabase> {
  const given = await database.fresh();
  const embedded = given ? undefined : new NetlifyDB({ logger: () => {} });
  const url = given ?? withUser(await embedded!.start());
  await migrate(url, target);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    url,
    query: (sql, values) => pool.query(sql, values),
    async stop() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

export interface ReportFixture {
  counts: Record<string, number>;
  targets?: string[];
  language?: string;
  country?: string | null;
  /** Held for review when given. */
  reasons?: ReviewReason[];
  minutesAgo: number;
  /** Rejected by an organizer this long ago. */
  rejectedMinutesAgo?: number;
}

/** Stores a report as the function does, the day taken in the appeal's time zone; returns its id. */
export async function insertReport(db: BareDatabase, report: ReportFixture): Promise<string> {
  const id = crypto.randomUUID();
  await db.query(
    `INSERT INTO reports (id, targets, counts, language, country, review_reasons, received_at, received_on, rejected_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(mins => $7), ((now() - make_interval(mins => $7)) AT TIME ZONE $9)::date,
             CASE WHEN $8::int IS NULL THEN NULL ELSE now() - make_interval(mins => $8::int) END)`,
    [
      id,
      report.targets ?? [firstTarget],
      JSON.stringify(report.counts),
      report.language ?? appeal.defaultLanguage,
      report.country ?? null,
      report.reasons ?? [],
      report.minutesAgo,
      report.rejectedMinutesAgo ?? null,
      timeZone,
    ],
  );
  return id;
}

/** Empties reports and the tally, as after the migrations. */
export async function emptyDatabase(db: BareDatabase): Promise<void> {
  await db.query(
    `DELETE FROM reports; DELETE FROM tally; INSERT INTO tally (dimension, key) VALUES ('all', '')`,
  );
}

/** The tally, shards added: "dimension key" → actions and reports. */
export async function tallyFigures(
  db: BareDatabase,
): Promise<Record<string, { actions: number; reports: number }>> {
  const { rows } = await db.query<{ name: string; actions: number; reports: number }>(
    `SELECT dimension || ' ' || key AS name, sum(actions)::int AS actions, sum(reports)::int AS reports FROM tally GROUP BY dimension, key`,
  );
  return Object.fromEntries(
    rows.map(({ name, actions, reports }) => [name.trimEnd(), { actions, reports }]),
  );
}

/** Everything the desk could change: the tally and each report's state, to prove a command changed nothing. */
export async function stored(db: BareDatabase): Promise<unknown> {
  const reports = await db.query(`SELECT id, review_reasons, rejected_at FROM reports ORDER BY id`);
  return { tally: await tallyFigures(db), reports: reports.rows };
}

/** What a report adds to the tally, worked out here by hand from what it says. */
export function contributions(
  report: ReportFixture & { receivedOn: string },
): Record<string, { actions: number; reports: number }> {
  const actions = Object.values(report.counts).reduce((sum, n) => sum + n, 0);
  const added: Record<string, { actions: number; reports: number }> = {
    all: { actions, reports: 1 },
  };
  for (const [channel, n] of Object.entries(report.counts))
    if (n > 0) added[`channel ${channel}`] = { actions: n, reports: 1 };
  for (const target of report.targets ?? [firstTarget])
    added[`target ${target}`] = { actions, reports: 1 };
  added[`day ${report.receivedOn}`] = { actions, reports: 1 };
  if (report.country) added[`country ${report.country}`] = { actions, reports: 1 };
  added[`language ${report.language ?? appeal.defaultLanguage}`] = { actions, reports: 1 };
  return added;
}

/** How each figure changed between two readings of the tally; figures that did not change are left out. */
export function tallyChange(
  before: Record<string, { actions: number; reports: number }>,
  after: Record<string, { actions: number; reports: number }>,
): Record<string, { actions: number; reports: number }> {
  const change: Record<string, { actions: number; reports: number }> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const actions = (after[name]?.actions ?? 0) - (before[name]?.actions ?? 0);
    const reports = (after[name]?.reports ?? 0) - (before[name]?.reports ?? 0);
    if (actions !== 0 || reports !== 0) change[name] = { actions, reports };
  }
  return change;
}

export interface DeskRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The desk in this process, on the database at `url`, with only the environment given. */
export async function desk(
  url: string,
  args: string[],
  env: Record<string, string> = {},
  root?: string,
): Promise<DeskRun> {
  let stdout = '';
  let stderr = '';
  const code = await runDesk(args, {
    env: { NETLIFY_DB_URL: url, ...env },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    ...(root ? { root } : {}),
  });
  return { code, stdout, stderr };
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** `node tools/desk.ts …` as an organizer's shell runs it (npm run desk adds nothing but the script). */
export function deskProcess(args: string[], env: Record<string, string>): Promise<DeskRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['tools/desk.ts', ...args],
      { cwd: projectRoot, env: { PATH: process.env['PATH'] ?? '', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
