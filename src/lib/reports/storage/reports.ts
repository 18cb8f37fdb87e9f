/**
 * Reports in Netlify Database. Two statements per report: an admission that decides, under locks,
 * what depends on other reports (a retry, the client's rate limit, the campaign's surge window),
 * then the insert, whose trigger adds the report to the tally in the same statement. Server only.
 */
import { totalActions, type Report, type ReviewReason } from '../schema';
import { clientHash } from '../client';
import type { ReportSettings } from '../settings';
import type { Headline } from '../tally';
import { withStorage } from './pool';

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
export function clientHashes(address: string, now: number, salt: string): [string, string] {
  const hour = now - (now % hourMs);
  return [clientHash(address, hour, salt), clientHash(address, hour - hourMs, salt)];
}

/**
 * Stores a report once per id. A supporter and a report held for review get the same answer: the
 * totals as they stood plus this report, so nothing in it tells a bot that it was held.
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
