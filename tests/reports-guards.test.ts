/**
 * The guards that keep the tally honest, exact under concurrency, on the embedded database and on
 * a real PostgreSQL server: the campaign-wide surge limit and the per-client rate limit. Real HTTP
 * against the production build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientHash } from '../src/lib/reports/client';
import { reportSettings } from '../src/lib/reports/settings';
import { testDatabases } from './support/databases';
import { appeal } from './support/appeal';
import { inHtml } from './support/html';
import { clientNumber, startSiteOn, validForm, validReport, type ReportSite } from './support/site';

const t = appeal.strings(appeal.defaultLanguage);

for (const database of testDatabases()) {
  describe.skipIf(database.skip !== undefined)(`on ${database.name}`, () => {
    let site: ReportSite;
    let client = 0;
    const nextClient = () => clientNumber(++client);
    const counted = async () =>
      Number(
        (
          await site.query<{ n: string }>(
            `SELECT coalesce(sum(reports), 0) AS n FROM tally WHERE dimension = 'all'`,
          )
        ).rows[0]?.n,
      );
    const admitted = async () =>
      (await site.query<{ n: number }>(`SELECT count(*)::int AS n FROM report_surge_admissions`))
        .rows[0]!.n;

    beforeAll(async () => {
      site = await startSiteOn(database);
    });
    afterAll(async () => {
      delete process.env['REPORTS_SURGE_LIMIT'];
      await site?.stop();
    });

    describe('the surge guard', () => {
      it('counts exactly its limit when 100 reports arrive at once, and holds the other 80 for review', async () => {
        process.env['REPORTS_SURGE_LIMIT'] = String((await admitted()) + 20);
        const before = await counted();
        const statuses = await Promise.all(
          Array.from({ length: 100 }, () =>
            site
              .postReport(validReport(), { client: nextClient() })
              .then((response) => response.status),
          ),
        );
        expect(statuses.every((status) => status === 201)).toBe(true);
        expect((await counted()) - before).toBe(20);
        const held = await site.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM reports WHERE 'surge' = ANY (review_reasons)`,
        );
        expect(held.rows[0]!.n).toBe(80);
      });

      it('is not used up by reports already held as automated, so a bot cannot push people into review', async () => {
        process.env['REPORTS_SURGE_LIMIT'] = String((await admitted()) + 3);
        const before = await counted();
        for (let n = 0; n < 10; n += 1)
          await site.postReport(validReport({ website: 'https://spam.example' }), {
            client: nextClient(),
          });
        for (let n = 0; n < 10; n += 1)
          await site.postReport(validReport({ startedAt: Date.now() }), { client: nextClient() });
        for (let n = 0; n < 3; n += 1)
          expect((await site.postReport(validReport(), { client: nextClient() })).status).toBe(201);
        expect((await counted()) - before).toBe(3);
      });
    });

    describe('the per-client rate limit', () => {
      const settings = reportSettings({});
      const hour = () => Date.now() - (Date.now() % 3_600_000);
      const sentBefore = (address: string, reports: number, minutesAgo: number) =>
        site.query(
          `INSERT INTO report_rate_limits (client_hash, received_at) SELECT $1, now() - make_interval(mins => $2) FROM generate_series(1, $3)`,
          [clientHash(address, hour(), settings.salt), minutesAgo, reports],
        );

      it('counts the last ten minutes whatever the clock says, and lets the client in again as they pass', async () => {
        const address = '192.0.2.50';
        // Twenty reports nine minutes ago: an aligned window could have just started; a sliding one still counts them.
        await sentBefore(address, 20, 9);
        const refused = await site.postReport(validReport(), { client: address });
        expect(refused.status).toBe(429);
        const retryAfter = Number(refused.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(61);
        await site.query(
          `UPDATE report_rate_limits SET received_at = now() - interval '10 minutes 1 second' WHERE client_hash = $1`,
          [clientHash(address, hour(), settings.salt)],
        );
        expect((await site.postReport(validReport(), { client: address })).status).toBe(201);
      });

      it('does not count a retry of a report already stored against its sender', async () => {
        const address = '192.0.2.51';
        const reports = Array.from({ length: settings.rateLimit }, () => validReport());
        for (const report of reports)
          expect((await site.postReport(report, { client: address })).status).toBe(201);
        // At the limit, the same reports again (a lost answer, a double click) are still answered as counted.
        for (const report of reports.slice(0, 5))
          expect((await site.postReport(report, { client: address })).status).toBe(200);
        expect((await site.postReport(validReport(), { client: address })).status).toBe(429);
        // Another address is not affected.
        expect((await site.postReport(validReport(), { client: nextClient() })).status).toBe(201);
      });

      it('shows a form post over the limit a page saying when to try again, with the answers filled in', async () => {
        const address = '192.0.2.52';
        await sentBefore(address, settings.rateLimit, 1);
        const refused = await site.postForm(validForm(), { client: address });
        expect(refused.status).toBe(429);
        const retryAfter = Number(refused.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        const page = await refused.text();
        expect(page).toContain(
          inHtml(t.format(t.reportTooMany, { minutes: Math.ceil(retryAfter / 60) })),
        );
        expect(page).toMatch(
          new RegExp(`<input[^>]*value="${appeal.choices.targets[0]}"[^>]*checked`),
        );
      });
    });
  });
}
