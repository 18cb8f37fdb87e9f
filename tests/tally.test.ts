/**
 * The tally is one set of figures wherever it is read: the API's JSON and CSV and the organizers'
 * desk export give the same figures, byte for byte, for the same rows and the same content, with
 * every official and language of the appeal listed even before anyone names them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choices } from './support/campaign';
import { testDatabases } from './support/databases';
import { desk } from './support/desk';
import { clientNumber, startSiteOn, type ReportSite } from './support/site';

const [first = ''] = choices.targets;
const [lang = ''] = choices.languages;

for (const database of testDatabases()) {
  describe.skipIf(database.skip !== undefined)(`on ${database.name}`, () => {
    let site: ReportSite;
    beforeAll(async () => {
      site = await startSiteOn(database);
      // Reports that name only the first official and the original's language: the others must still be listed.
      for (const [n, country] of ['PE', 'PE', 'ES', undefined].entries()) {
        const report = {
          id: crypto.randomUUID(),
          targets: [first],
          counts: { letter: 1 + n },
          language: lang,
          startedAt: Date.now() - 60_000,
          ...(country ? { country } : {}),
        };
        expect((await site.postReport(report, { client: clientNumber(n + 1) })).status).toBe(201);
      }
    });
    afterAll(async () => {
      await site?.stop();
    });

    it('the desk exports the tally exactly as /api/tally.csv gives it', async () => {
      const api = await (await fetch(`${site.url}/api/tally.csv`)).text();
      const exported = await desk(site.databaseUrl, ['export', '--what', 'tally']);
      expect(exported.code).toBe(0);
      expect(exported.stdout).toBe(api);
      for (const target of choices.targets) expect(api).toContain(`\r\ntarget,${target},,`);
      for (const language of choices.languages) expect(api).toContain(`\r\nlanguage,${language},`);
    });

    it('and as JSON, the same figures as /api/tally', async () => {
      const api: unknown = await (await fetch(`${site.url}/api/tally`)).json();
      const exported = await desk(site.databaseUrl, ['export', '--what', 'tally', '--json']);
      expect(JSON.parse(exported.stdout)).toEqual(api);
    });
  });
}
