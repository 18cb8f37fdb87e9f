/** The production build served with a fresh in-memory Netlify Database, and ways to talk to it. */
import { serve, type RunningSite } from '../../scripts/serve.ts';

export interface ReportSite extends RunningSite {
  /** POST /api/reports from a same-origin page; `client` becomes the client address Netlify reports. */
  postReport(body: string | object, options?: { type?: string; client?: string; accept?: string; headers?: Record<string, string> }): Promise<Response>;
  /** What is stored: reports, rate-limit rows and the tally table, to prove nothing else changed. */
  stored(): Promise<{ reports: number; rateLimitRows: number; tally: string }>;
}

export async function startSite(): Promise<ReportSite> {
  const site = await serve({ port: 0, memory: true, quiet: true });
  return {
    ...site,
    postReport(body, { type = 'application/json', client = '192.0.2.1', accept, headers = {} } = {}) {
      return fetch(`${site.url}/api/reports`, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        redirect: 'manual',
        headers: { 'content-type': type, origin: site.url, 'x-forwarded-for': client, ...(accept ? { accept } : {}), ...headers },
      });
    },
    async stored() {
      const [reports, rateLimitRows, tally] = await Promise.all([
        site.database.query<{ n: number }>('SELECT count(*)::int AS n FROM reports'),
        site.database.query<{ n: number }>('SELECT count(*)::int AS n FROM report_rate_limits'),
        site.database.query<{ t: string }>(`SELECT string_agg(dimension || ':' || key || '=' || actions || '/' || reports, ',' ORDER BY dimension, key) AS t FROM tally`),
      ]);
      return { reports: reports.rows[0]!.n, rateLimitRows: rateLimitRows.rows[0]!.n, tally: tally.rows[0]!.t };
    },
  };
}

/** A report a supporter could send: valid, with a fresh id, started long enough ago. */
export function validReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: crypto.randomUUID(), targets: ['minister'], counts: { email: 1 }, language: 'en', startedAt: Date.now() - 60_000, ...overrides };
}

/** A distinct documentation address (RFC 5737 / RFC 3849) per number, so tests do not share a rate limit. */
export function clientNumber(n: number): string {
  return `198.18.${(n >> 8) & 255}.${n & 255}`;
}
