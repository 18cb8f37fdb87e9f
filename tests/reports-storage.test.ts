/**
 * Storing reports, on the embedded database and on a real PostgreSQL server: a report is counted
 * once however often it is sent, in every dimension of the tally; nothing about its sender is
 * kept; the database itself refuses to let the tally and the rows disagree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appeal } from './support/appeal';
import { testDatabases } from './support/databases';
import { clientNumber, startSiteOn, validReport, type ReportSite } from './support/site';

const channels = appeal.choices.channels;

for (const database of testDatabases()) {
  describe.skipIf(database.skip !== undefined)(`on ${database.name}`, () => {
    let site: ReportSite;
    let client = 0;
    const nextClient = () => clientNumber(++client);
    beforeAll(async () => {
      site = await startSiteOn(database);
    });
    afterAll(async () => {
      await site?.stop();
    });

    it('answers 201 with the tally raised by the report, then 200 with the same tally for the same id, counting it once', async () => {
      const before = await site.tally();
      const counts = Object.fromEntries(channels.map((channel, index) => [channel, index + 1]));
      const sent = channels.reduce((sum, _, index) => sum + index + 1, 0);
      const report = validReport({ targets: [...appeal.choices.targets], counts, country: 'pe' });
      const first = await site.postReport(report, { client: nextClient() });
      expect(first.status).toBe(201);
      const created = (await first.json()) as {
        status: string;
        id: string;
        tally: { actions: number; reports: number };
      };
      expect(created).toMatchObject({
        status: 'recorded',
        id: report['id'],
        tally: { actions: before.actions + sent, reports: before.reports + 1 },
      });
      const again = await site.postReport(report, { client: nextClient() });
      expect(again.status).toBe(200);
      expect((await again.json()) as object).toEqual({ ...created, status: 'already-recorded' });
      const after = await site.tally();
      expect(after.reports).toBe(before.reports + 1);
      for (const [index, channel] of channels.entries())
        expect(after.byChannel[channel], channel).toBe(
          (before.byChannel[channel] ?? 0) + index + 1,
        );
      for (const target of appeal.choices.targets)
        expect(after.byTarget[target], target).toBe((before.byTarget[target] ?? 0) + 1);
    });

    it('stores no address, name or email: only the report and a salted hash for the rate limit', async () => {
      const address = '203.0.113.99';
      expect((await site.postReport(validReport(), { client: address })).status).toBe(201);
      const dump = JSON.stringify([
        (await site.query('SELECT * FROM reports')).rows,
        (await site.query('SELECT * FROM report_rate_limits')).rows,
      ]);
      expect(dump).not.toContain(address);
      const columns = (
        await site.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'reports'`,
        )
      ).rows.map((row) => row.column_name);
      expect(columns.sort()).toEqual(
        [
          'actions',
          'counts',
          'country',
          'id',
          'language',
          'received_at',
          'received_on',
          'rejected_at',
          'review_reasons',
          'suspicious',
          'targets',
        ].sort(),
      );
    });

    it('counts a report written in a language the site does not publish, as appeals invite', async () => {
      const before = await site.tally();
      const report = validReport({ language: 'other' });
      expect((await site.postReport(report, { client: nextClient() })).status).toBe(201);
      expect((await site.tally()).byLanguage['other']?.reports).toBe(
        (before.byLanguage['other']?.reports ?? 0) + 1,
      );
    });

    it('counts a held report once an organizer releases it, and refuses to hold back a counted one', async () => {
      const held = validReport({ website: 'https://spam.example', counts: { letter: 3 } });
      expect((await site.postReport(held, { client: nextClient() })).status).toBe(201);
      const before = await site.tally();
      await site.query(`UPDATE reports SET review_reasons = '{}' WHERE id = $1`, [held['id']]);
      const after = await site.tally();
      expect(after.actions).toBe(before.actions + 3);
      expect(after.byChannel.letter).toBe((before.byChannel.letter ?? 0) + 3);
      await expect(
        site.query(`UPDATE reports SET review_reasons = '{honeypot}' WHERE id = $1`, [held['id']]),
      ).rejects.toThrow(/already in the tally/);
    });
  });
}
