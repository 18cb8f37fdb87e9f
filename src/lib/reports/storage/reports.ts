/**
 * Reports in Netlify Database. Every write is one SQL statement, so a report and its share of the
 * tally are stored together or not at all (the tally trigger runs inside the insert), and nothing
 * relies on a transaction held open across round trips. Server only.
 */
import type { Report, ReviewReason } from '../schema';
import { clientHash } from '../client';
import type { ReportSettings } from '../settings';
import type { Headline } from '../tally';
import { withStorage } from './pool';
import { headlineQuery, headlineFromRow, type HeadlineRow } from './tally';

export interface RecordedReport {
  /** False when a report with this id was already stored: a retry, counted once. */
  created: boolean;
  tally: Headline;
}

/**
 * Stores a report once per id. The insert and its tally update are one statement; the tally is
 * read afterwards, so a failure there leaves a stored report that a retry finds (200, not 201).
 */
export async function recordReport(report: Report, reasons: readonly ReviewReason[], settings: ReportSettings): Promise<RecordedReport> {
  return withStorage('record a report', async (pool) => {
    // Past the surge limit the report is held for review ('surge'), decided in the same statement.
    const inserted = await pool.query(
      `INSERT INTO reports (id, targets, counts, language, country, review_reasons)
       SELECT $1, $2::text[], $3::jsonb, $4, $5, $6::text[] || CASE
         WHEN (SELECT count(*) FROM reports WHERE received_at > now() - interval '10 minutes') >= $7 THEN ARRAY['surge']
         ELSE '{}'::text[] END
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [report.id, report.targets, JSON.stringify(report.counts), report.language, report.country ?? null, reasons, settings.surgeLimit],
    );
    const headline = await pool.query<HeadlineRow>(headlineQuery);
    return { created: inserted.rows.length === 1, tally: headlineFromRow(headline.rows[0]) };
  });
}

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the window ends (Retry-After when not allowed). */
  retryAfterSeconds: number;
}

/** Counts one report from a client in the current window; windows that have ended are deleted. */
export async function countClientReport(address: string, now: number, settings: ReportSettings): Promise<RateLimitVerdict> {
  const windowStart = now - (now % settings.windowMs);
  const counted = await withStorage('check the rate limit', (pool) =>
    pool.query<{ reports: number | string }>(
      `WITH ended AS (DELETE FROM report_rate_limits WHERE window_start < to_timestamp($2 / 1000.0))
       INSERT INTO report_rate_limits (client_hash, window_start) VALUES ($1, to_timestamp($2 / 1000.0))
       ON CONFLICT (client_hash, window_start) DO UPDATE SET reports = report_rate_limits.reports + 1
       RETURNING reports`,
      [clientHash(address, windowStart, settings.salt), windowStart],
    ),
  );
  const reports = Number(counted.rows[0]?.reports ?? 0);
  return { allowed: reports <= settings.rateLimit, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + settings.windowMs - now) / 1000)) };
}
