/** The appeal's life (open, past its deadline, closed by an update), its updates, and the tally as a report. */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { updateSchema } from '../src/lib/appeal/schema';
import { appealState, publishedUpdates } from '../src/lib/appeal/state';
import {
  countryThreshold,
  otherCountries,
  tallyCsv,
  tallyFromRows,
  type TallyRow,
} from '../src/lib/tally/tally';
import { contentRoot } from './support/content';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

const appeal = { deadline: '2022-01-03', deadlineTimeZone: 'America/Lima' };
const outcome = { date: '2021-12-17', actionsRequested: false, title: 'Outcome' };
const news = { date: '2021-12-01', actionsRequested: true, title: 'Further information' };
const at = (instant: string) => new Date(instant);

describe('where the appeal stands', () => {
  it.each([
    ['open: before the deadline, no update', [], '2021-12-10T12:00:00Z', 'open'],
    [
      'open: an update dated before the deadline that asks for more action does not close it',
      [news],
      '2021-12-10T12:00:00Z',
      'open',
    ],
    ['open: the last minute of the deadline day in Lima', [], '2022-01-04T04:59:59Z', 'open'],
    [
      'past the deadline: the first second after that day ends in Lima',
      [],
      '2022-01-04T05:00:00Z',
      'past-deadline',
    ],
    [
      'past the deadline: news that still asks for action does not close it',
      [news],
      '2026-12-01T00:00:00Z',
      'past-deadline',
    ],
    [
      'closed: an outcome asking for no further action, once its day has begun in Lima',
      [news, outcome],
      '2021-12-17T05:00:00Z',
      'closed',
    ],
    [
      "not yet closed: the evening before the outcome's day in Lima (already the 17th in UTC)",
      [news, outcome],
      '2021-12-17T04:59:59Z',
      'open',
    ],
    ['closed years later, whatever the deadline', [outcome], '2026-12-01T00:00:00Z', 'closed'],
    [
      'reopened: a newer update asks for action again',
      [outcome, { date: '2022-03-01', actionsRequested: true, title: 'Again' }],
      '2022-03-02T00:00:00Z',
      'past-deadline',
    ],
  ])('%s', (_, updates, now, kind) => {
    expect(appealState(appeal, updates, at(now)).kind).toBe(kind);
  });

  it('names the update that closed it, and lists published updates newest first', () => {
    const state = appealState(appeal, [news, outcome], at('2022-01-10T00:00:00Z'));
    expect(state).toEqual({ kind: 'closed', outcome });
    expect(
      publishedUpdates([news, outcome], at('2021-12-05T00:00:00Z'), appeal.deadlineTimeZone),
    ).toEqual([news]);
    expect(
      publishedUpdates([news, outcome], at('2021-12-20T00:00:00Z'), appeal.deadlineTimeZone),
    ).toEqual([outcome, news]);
  });
});

describe('an update, as content/updates/ gives it', () => {
  const files = readdirSync(join(contentRoot, 'updates'), {
    recursive: true,
    encoding: 'utf8',
  }).filter((file) => file.endsWith('.md'));
  const read = (file: string) =>
    yaml.load(
      readFileSync(join(contentRoot, 'updates', file), 'utf8').split(/^---\s*$/m)[1] ?? '',
    ) as Record<string, unknown>;

  it.each(files)('%s passes its schema', (file) => {
    const result = updateSchema.safeParse(read(file));
    expect(result.success, result.error ? z.prettifyError(result.error) : '').toBe(true);
  });

  it('ships the outcome of UA 119.21 in both languages: 17 December 2021, 4,244 children and adolescents, no further action', () => {
    const [en, es] = ['en', 'es'].map((lang) =>
      readFileSync(
        join(contentRoot, 'updates', '2021-12-17-children-granted-status', `${lang}.md`),
        'utf8',
      ),
    );
    for (const [text, figure] of [
      [en, '4,244'],
      [es, '4244'],
    ] as const) {
      expect(text).toContain('date: "2021-12-17"');
      expect(text).toContain('kind: outcome');
      expect(text).toContain('actionsRequested: false');
      expect(text).toContain('AMR 46/5182/2022');
      expect(text).toContain('207-2021-RE');
      expect(text).toContain(figure);
    }
    expect(es).toContain('translation:');
  });

  const valid = read('2021-12-17-children-granted-status/en.md');
  it.each([
    [
      'another kind',
      { ...valid, kind: 'good-news' },
      'Say what the update is: "kind: further-information"',
    ],
    [
      'no word on whether action is still asked',
      { ...valid, actionsRequested: undefined },
      'Say whether the campaign still asks people to act',
    ],
    [
      '"yes" instead of true or false',
      { ...valid, actionsRequested: 'no' },
      'Say whether the campaign still asks people to act',
    ],
    [
      'a document index written loosely',
      { ...valid, source: { document: 'AMR46/5182/2022', url: 'https://www.amnesty.org/' } },
      'Write the document index as Amnesty prints it',
    ],
    [
      'a source address without https://',
      { ...valid, source: { document: 'AMR 46/5182/2022', url: 'amnesty.org' } },
      'Give the full web address of the published document',
    ],
    [
      'a date that is not one',
      { ...valid, date: '2021-02-30' },
      'This date does not exist on the calendar',
    ],
    [
      'a summary that is a paragraph',
      { ...valid, summary: 'x'.repeat(221) },
      'Keep the summary to one sentence under 220 characters',
    ],
    ['a misspelt field', { ...valid, actionRequested: false }, 'Unknown field "actionRequested"'],
  ])('with %s fails with a message for the person editing', (_, data, message) => {
    const result = updateSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(z.prettifyError(result.error!)).toContain(message);
  });
});

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
  const tally = tallyFromRows(rows, {
    targets: ['minister', 'ambassador'],
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
      languages: [],
    });
    expect(tallyCsv(odd)).toContain('language,"x,""y""",1,1\r\n');
  });
});
