/**
 * Many supporters at once: every report counted exactly once, in every dimension of the tally, and
 * the tally agrees with a recount of the rows. Real HTTP; the embedded database and a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appeal } from './support/appeal';
import { testDatabases } from './support/databases';
import { clientNumber, startSiteOn, validReport, type ReportSite } from './support/site';

/** Every (dimension, key) of the tally with its actions and reports, from the tally or from the rows. */
const tallyByKey = `SELECT dimension || ':' || key AS key, sum(actions)::int AS actions, sum(reports)::int AS reports FROM tally WHERE reports > 0 GROUP BY dimension, key ORDER BY 1`;
const recountByKey = `SELECT c.dimension || ':' || c.key AS key, sum(c.actions)::int AS actions, count(*)::int AS reports
  FROM reports AS r, report_contributions(r) AS c WHERE NOT r.suspicious GROUP BY c.dimension, c.key ORDER BY 1`;

for (const database of testDatabases()) {
  describe.skipIf(database.skip !== undefined)(`on ${database.name}`, () => {
    let site: ReportSite;
    // The embedded database takes one statement at a time: a real server takes the load the campaign plans for.
    const many = database.name.startsWith('PostgreSQL') ? 2_000 : 500;

    /** Sends a report the way the page does: the same id again after a 503, until it is stored. */
    async function sendUntilStored(report: object, client: string): Promise<number> {
      for (let attempt = 1; ; attempt += 1) {
        const response = await site.postReport(report, { client });
        await response.arrayBuffer();
        if (response.status !== 503 || attempt === 20) return response.status;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }

    beforeAll(async () => {
      // Thousands of reports in seconds is a surge by the campaign's default; here it is the load under test.
      process.env['REPORTS_SURGE_LIMIT'] = '100000';
      site = await startSiteOn(database);
    });
    afterAll(async () => {
      delete process.env['REPORTS_SURGE_LIMIT'];
      await site?.stop();
    });

    const tally = () => site.tally();
    const { targets, channels, languages } = appeal.choices;

    it(`raises the tally by exactly ${many} for ${many} different reports sent at once, in every dimension, and a recount agrees`, async () => {
      const before = await tally();
      const countries = ['PE', 'ES', 'MX', 'AR', 'CL'];
      const reports = Array.from({ length: many }, (_, n) =>
        validReport({
          // Every official, or one of them in turn.
          targets: n % 3 === 0 ? [...targets] : [targets[n % targets.length]],
          counts: {
            [channels[n % channels.length]!]: 1 + (n % 3),
            ...(n % 5 === 0 ? { letter: 1 } : {}),
          },
          language: [...languages, 'other'][n % (languages.length + 1)],
          ...(n % 4 === 0 ? {} : { country: countries[n % countries.length] }),
        }),
      );
      // All leave at once; any the database cannot take in time get 503 and are re-sent with the same id.
      const statuses = await Promise.all(
        reports.map((report, n) => sendUntilStored(report, clientNumber(n))),
      );
      expect(statuses.every((status) => status === 201 || status === 200)).toBe(true);

      const after = await tally();
      const actionsOf = (report: Record<string, unknown>) =>
        Object.values(report['counts'] as Record<string, number>).reduce(
          (sum, count) => sum + count,
          0,
        );
      const sum = (selected: Record<string, unknown>[]) => ({
        actions: selected.reduce((total, report) => total + actionsOf(report), 0),
        reports: selected.length,
      });
      expect(after.reports - before.reports).toBe(many);
      expect(after.actions - before.actions).toBe(sum(reports).actions);
      for (const channel of channels) {
        const sent = reports.reduce(
          (total, report) => total + ((report['counts'] as Record<string, number>)[channel] ?? 0),
          0,
        );
        expect((after.byChannel[channel] ?? 0) - (before.byChannel[channel] ?? 0), channel).toBe(
          sent,
        );
      }
      for (const target of targets) {
        expect(after.byTarget[target]! - before.byTarget[target]!).toBe(
          reports.filter((report) => (report['targets'] as string[]).includes(target)).length,
        );
      }
      for (const language of [...languages, 'other']) {
        const delta = after.byLanguage[language]!.reports - before.byLanguage[language]!.reports;
        expect(delta).toBe(reports.filter((report) => report['language'] === language).length);
      }
      for (const country of countries) {
        const delta =
          (after.byCountry[country]?.reports ?? 0) - (before.byCountry[country]?.reports ?? 0);
        expect(delta).toBe(reports.filter((report) => report['country'] === country).length);
      }
      const days =
        Object.values(after.byDay).reduce((total, day) => total + day.reports, 0) -
        Object.values(before.byDay).reduce((total, day) => total + day.reports, 0);
      expect(days).toBe(many);
      // The tally, row for row, is what a recount of the stored reports gives.
      expect((await site.query(tallyByKey)).rows).toEqual((await site.query(recountByKey)).rows);
    });

    it('counts a report once when the same id arrives 50 times at once (double clicks, retries)', async () => {
      const before = await tally();
      const report = validReport({ counts: { letter: 2 } });
      const statuses = await Promise.all(
        Array.from({ length: 50 }, (_, n) => sendUntilStored(report, clientNumber(3000 + n))),
      );
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 200)).toHaveLength(49);
      const after = await tally();
      expect(after.reports - before.reports).toBe(1);
      expect((after.byChannel.letter ?? 0) - (before.byChannel.letter ?? 0)).toBe(2);
    });
  });
}
