/**
 * Reports in Netlify Database. Two statements per report: an admission that decides, under locks,
 * what depends on other reports (a retry, the client's rate limit, the campaign's surge window),
 * then the insert, whose trigger adds the report to the tally in the same statement. Server only.
 */
import { withStorage } from '../database/pool';
import type { Headline } from '../tally/tally';
import { clientHash } from './client';
import type { ReviewReason } from './review';
import { totalActions, type Report } from './schema';
import type { ReportSettings } from './settings';

export type RecordOutcome =
  | {
      kind: 'recorded';
      /** False when a report with this id was already stored: a retry, counted once. */
      created: boolean;
      /** The public totals with this report in them, whether it was counted or held for review. */
      tally: Headline;
    }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

interface AdmissionRow {
  stored: boolean;
  held: boolean;
  rate_allowed: boolean;
  retry_after_seconds: number;
  admitted: boolean;
  tally_actions: string | number;
  tally_reports: string | number;
}

const hourMs = 3_600_000;

/**
 * The client's hashes for this hour and the last: the rate limit's window can span both, and rows
 * are keyed by the hour so they cannot be linked across hours without the salt.
 */
function clientHashes(address: string, now: number, salt: string): [string, string] {
  const hour = now - (now % hourMs);
  return [clientHash(address, hour, salt), clientHash(address, hour - hourMs, salt)];
}

/**
 * Stores a report once per id. Every answer about a report, to a supporter or to a report held for
 * review, first or retried, is formed by one rule: the public totals with this report in them. A
 * counted report is already in them; a held one is added as if it were, so nothing in the answer
 * tells a bot that it was held.
 */
export async function recordReport(
  report: Report,
  reasons: readonly ReviewReason[],
  client: string,
  receivedAt: number,
  timeZone: string,
  settings: ReportSettings,
): Promise<RecordOutcome> {
  return withStorage('record a report', async (pool) => {
    const admission = await pool.query<AdmissionRow>(
      'SELECT * FROM report_admission($1, $2, $3, $4, $5, $6)',
      [
        report.id,
        clientHashes(client, receivedAt, settings.salt),
        settings.rateLimit,
        settings.surgeLimit,
        reasons.length > 0,
        settings.windowMs / 1000,
      ],
    );
    const verdict = admission.rows[0];
    if (!verdict) throw new Error('report_admission returned no row');
    const before = {
      actions: Number(verdict.tally_actions),
      reports: Number(verdict.tally_reports),
    };
    const withThisReport = {
      actions: before.actions + totalActions(report.counts),
      reports: before.reports + 1,
    };
    if (verdict.stored)
      return { kind: 'recorded', created: false, tally: verdict.held ? withThisReport : before };
    if (!verdict.rate_allowed)
      return { kind: 'rate-limited', retryAfterSeconds: verdict.retry_after_seconds };
    // Reports already held as automated are not the surge guard's to hold: only admitted or refused people are.
    const held = verdict.admitted || reasons.length > 0 ? reasons : [...reasons, 'surge'];
    const inserted = await pool.query(
      `INSERT INTO reports (id, targets, counts, language, country, review_reasons, received_on)
       VALUES ($1, $2::text[], $3::jsonb, $4, $5, $6::text[], (now() AT TIME ZONE $7)::date)
       ON CONFLICT (id) DO NOTHING`,
      [
        report.id,
        report.targets,
        JSON.stringify(report.counts),
        report.language,
        report.country ?? null,
        held,
        timeZone,
      ],
    );
    // A twin of this request stored the same id after the admission read the totals: either way they lack it.
    return { kind: 'recorded', created: inserted.rowCount === 1, tally: withThisReport };
  });
}

/**
 * The public totals as a report's thank-you page shows them, by the same rule as the report's
 * answer: with this report in them, held or not. `found` is false for an id no report has.
 */
export async function headlineWithReport(id: string): Promise<{ found: boolean; tally: Headline }> {
  return withStorage('read the tally', async (pool) => {
    const { rows } = await pool.query<{
      actions: string;
      reports: string;
      report_actions: number | null;
      held: boolean | null;
    }>(
      `SELECT coalesce(sum(t.actions), 0) AS actions, coalesce(sum(t.reports), 0) AS reports,
         (SELECT r.actions FROM reports AS r WHERE r.id = $1) AS report_actions,
         (SELECT r.suspicious FROM reports AS r WHERE r.id = $1) AS held
       FROM tally AS t WHERE t.dimension = 'all'`,
      [id],
    );
    const row = rows[0];
    const tally = { actions: Number(row?.actions ?? 0), reports: Number(row?.reports ?? 0) };
    if (row?.held === null || row?.held === undefined) return { found: false, tally };
    if (!row.held) return { found: true, tally };
    return {
      found: true,
      tally: { actions: tally.actions + Number(row.report_actions), reports: tally.reports + 1 },
    };
  });
}
