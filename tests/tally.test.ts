/**
 * The tally is one set of figures wherever it is read: the API's JSON and CSV and the organizers'
 * desk export give the same figures, byte for byte, for the same rows and the same content, with
 * every official and language of the appeal listed even before anyone names them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countryThreshold,
  otherCountries,
  tallyCsv,
  tallyFromRows,
  type TallyRow,
} from '../src/lib/tally/tally';
import { appeal } from './support/appeal';
import { testDatabases } from './support/databases';
import { desk } from './support/desk';
import { clientNumber, startSiteOn, type ReportSite } from './support/site';

const [first = ''] = appeal.choices.targets;
const [lang = ''] = appeal.choices.languages;

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
      for (const target of appeal.choices.targets) expect(api).toContain(`\r\ntarget,${target},,`);
      for (const language of appeal.choices.languages)
        expect(api).toContain(`\r\nlanguage,${language},`);
    });

    it('and as JSON, the same figures as /api/tally', async () => {
      const api: unknown = await (await fetch(`${site.url}/api/tally`)).json();
      const exported = await desk(site.databaseUrl, ['export', '--what', 'tally', '--json']);
      expect(JSON.parse(exported.stdout)).toEqual(api);
    });
  });
}

describe('the tally as a report', () => {
  const row = (dimension: string, key: string, actions: number, reports: number): TallyRow => ({
    dimension,
    key,
    actions,
    reports,
    first_at: '2021-11-20T15:00:00Z',
    updated_at: '2021-12-20T15:00:00Z',
  });
  const rows = [
    row('all', '', 40, 25),
    row('country', 'PE', 20, 12),
    row('country', 'ES', 8, 5),
    row('country', 'IS', 3, 2),
    row('country', 'NO', 4, 4),
    row('day', '2021-12-02', 10, 5),
    row('day', '2021-11-30', 30, 20),
    row('language', 'es', 30, 20),
  ];
  /** A campaign made up for these rows. */
  const tally = tallyFromRows(rows, {
    targets: ['minister', 'ambassador'],
    channels: ['email', 'letter'],
    languages: ['en', 'es'],
  });

  it(`never names a country with fewer than ${countryThreshold} reports: they are added into "other countries"`, () => {
    expect(tally.byCountry).toEqual({
      PE: { actions: 20, reports: 12 },
      ES: { actions: 8, reports: 5 },
      [otherCountries]: { actions: 7, reports: 6 },
    });
  });

  it('dates its range and lists the days in order', () => {
    expect(Object.keys(tally.byDay)).toEqual(['2021-11-30', '2021-12-02']);
    expect(tally.firstReportAt).toBe('2021-11-20T15:00:00.000Z');
    expect(tally.updatedAt).toBe('2021-12-20T15:00:00.000Z');
    expect(tally.byLanguage).toEqual({
      en: { actions: 0, reports: 0 },
      es: { actions: 30, reports: 20 },
      other: { actions: 0, reports: 0 },
    });
  });

  it('gives the same figures as CSV: a header row, one row per dimension and key, the small countries added up', () => {
    const csv = tallyCsv(tally);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(lines[0]).toEqual(['dimension', 'key', 'actions', 'reports']);
    expect(lines).toContainEqual(['all', '', '40', '25']);
    expect(lines).toContainEqual(['country', 'PE', '20', '12']);
    expect(lines).toContainEqual(['country', otherCountries, '7', '6']);
    expect(
      lines.some(([dimension, key]) => dimension === 'country' && (key === 'IS' || key === 'NO')),
    ).toBe(false);
    expect(lines).toContainEqual(['channel', 'email', '0', '']);
    expect(lines.every((line) => line.length === 4)).toBe(true);
  });

  it('quotes a field with a comma or a quote, as RFC 4180 asks', () => {
    const odd = tallyFromRows([row('all', '', 1, 1), row('language', 'x,"y"', 1, 1)], {
      targets: [],
      channels: [],
      languages: [],
    });
    expect(tallyCsv(odd)).toContain('language,"x,""y""",1,1\r\n');
  });
});
