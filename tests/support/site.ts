/** The production build served with a fresh database, and ways to talk to it. */
import pg from 'pg';
import type { Tally } from '../../src/lib/tally/tally';
import { serve, type RunningSite } from '../../tools/serve.ts';
import { appeal } from './appeal';
import type { TestDatabase } from './databases';

export interface ReportSite extends RunningSite {
  /** POST /api/reports as the page's script does; `client` becomes the client address Netlify reports. */
  postReport(
    body: string | object,
    options?: { type?: string; client?: string; accept?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  /** A form posted without JavaScript to an edition's report page ("/report/", "/es/report/"). */
  postForm(
    body: string,
    options?: { page?: string; client?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Runs SQL on the site's database. */
  query<Row extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<Row>>;
  /** What is stored: reports, rate-limit rows and the tally table, to prove nothing else changed. */
  stored(): Promise<{ reports: number; rateLimitRows: number; tally: string }>;
  /** The public tally as /api/tally gives it now. */
  tally(): Promise<Tally>;
}

export async function startSite(
  options: { databaseUrl?: string; root?: string } = {},
): Promise<ReportSite> {
  const site = await serve({ port: 0, memory: true, quiet: true, ...options });
  const pool = new pg.Pool({ connectionString: site.databaseUrl, max: 2 });
  const query: ReportSite['query'] = (sql, values) => pool.query(sql, values);
  return {
    ...site,
    postReport(
      body,
      { type = 'application/json', client = '192.0.2.1', accept, headers = {} } = {},
    ) {
      return fetch(`${site.url}/api/reports`, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        redirect: 'manual',
        headers: {
          'content-type': type,
          origin: site.url,
          'x-forwarded-for': client,
          ...(accept ? { accept } : {}),
          ...headers,
        },
      });
    },
    postForm(body, { page = '/report/', client = '192.0.2.1', headers = {} } = {}) {
      return fetch(`${site.url}${page}`, {
        method: 'POST',
        body,
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: site.url,
          'x-forwarded-for': client,
          ...headers,
        },
      });
    },
    query,
    tally: async () => (await (await fetch(`${site.url}/api/tally`)).json()) as Tally,
    async stored() {
      const [reports, rateLimitRows, tally] = await Promise.all([
        query<{ n: number }>('SELECT count(*)::int AS n FROM reports'),
        query<{ n: number }>('SELECT count(*)::int AS n FROM report_rate_limits'),
        query<{ t: string }>(
          `SELECT string_agg(dimension || ':' || key || '=' || actions || '/' || reports, ',' ORDER BY dimension, key) AS t
           FROM (SELECT dimension, key, sum(actions) AS actions, sum(reports) AS reports FROM tally GROUP BY dimension, key) AS shards_added`,
        ),
      ]);
      return {
        reports: reports.rows[0]!.n,
        rateLimitRows: rateLimitRows.rows[0]!.n,
        tally: tally.rows[0]!.t,
      };
    },
    async stop() {
      await pool.end();
      await site.stop();
    },
  };
}

/** The site on a fresh database of the kind given. */
export async function startSiteOn(database: TestDatabase): Promise<ReportSite> {
  const databaseUrl = await database.fresh();
  return startSite(databaseUrl ? { databaseUrl } : {});
}

const [firstTarget = ''] = appeal.choices.targets;

/**
 * A report a supporter of the appeal under test could send: valid, with a fresh id, naming its
 * first official, one letter (every official has a postal address), in its original's language,
 * started an hour ago (longer than any fill time a test holds as too fast).
 */
export function validReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    targets: [firstTarget],
    counts: { letter: 1 },
    language: appeal.defaultLanguage,
    startedAt: Date.now() - 3_600_000,
    ...overrides,
  };
}

/** The same report as a form without JavaScript sends it; `fields` adds or replaces fields. */
export function validForm(fields: Record<string, string> = {}): string {
  return new URLSearchParams({
    targets: firstTarget,
    'counts.letter': '1',
    language: appeal.defaultLanguage,
    startedAt: String(Date.now() - 3_600_000),
    ...fields,
  }).toString();
}

/** A distinct address from the benchmarking range 198.18.0.0/15 (RFC 2544) per number, so tests do not share a rate limit. */
export function clientNumber(n: number): string {
  return `198.18.${(n >> 8) & 255}.${n & 255}`;
}
