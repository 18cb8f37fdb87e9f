import { describe, expect, it } from 'vitest';
import { channels } from '../src/lib/appeal/vocabulary';
import { countryCodes } from '../src/lib/reports/countries';
import { reportFromForm } from '../src/lib/reports/form';
import { explainProblems, reportProblemCodes } from '../src/lib/reports/problems';
import { automatedSignals } from '../src/lib/reports/review';
import { checkReport, reportLimits, type Report } from '../src/lib/reports/schema';
import { clientKey, clientHash } from '../src/lib/reports/client';
import { appeal } from './support/appeal';

/** A campaign made up for these tables: two officials, every channel, two languages. The rules take whatever the content gives. */
const targets = {
  targets: ['minister', 'ambassador'],
  channels: [...channels],
  languages: ['en', 'es'],
};
const id = '0b6f4c1e-6c55-4a8e-9d0e-2f1f0c8a7b11';
const valid = {
  id,
  targets: ['minister'],
  counts: { email: 2 },
  language: 'en',
  startedAt: 1_700_000_000_000,
};
/** The messages of the appeal under test, in its original's language. */
const english = appeal.strings(appeal.defaultLanguage);

describe('a report the supporter filled in correctly', () => {
  it.each([
    ['one official, one email', valid],
    [
      'both officials and several channels',
      { ...valid, targets: ['minister', 'ambassador'], counts: { email: 1, letter: 1, phone: 2 } },
    ],
    ['a country in lower case', { ...valid, country: 'pe' }],
    ['an empty country', { ...valid, country: '' }],
    ['an empty honeypot', { ...valid, website: '' }],
    [
      'every channel at its cap while the report stays under its cap',
      { ...valid, counts: { email: reportLimits.perChannel, letter: reportLimits.perChannel } },
    ],
    ['an id in capitals', { ...valid, id: id.toUpperCase() }],
  ])('is accepted: %s', (_, input) => {
    expect(checkReport(input, targets).success).toBe(true);
  });

  it('counts every channel, with 0 where the supporter entered nothing', () => {
    const checked = checkReport({ ...valid, id: id.toUpperCase(), country: 'pe' }, targets);
    if (!checked.success) throw new Error('expected a valid report');
    expect(checked.report.counts).toEqual(
      Object.fromEntries(channels.map((channel) => [channel, channel === 'email' ? 2 : 0])),
    );
    expect(checked.report.id).toBe(id);
    expect(checked.report.country).toBe('PE');
  });
});

describe('a report with a mistake names the field and says what to do', () => {
  it.each([
    ['no official chosen', { ...valid, targets: [] }, 'targets', 'targets-missing'],
    ['officials left out', { ...valid, targets: undefined }, 'targets', 'targets-missing'],
    [
      'an official not on the page',
      { ...valid, targets: ['president'] },
      'targets',
      'targets-unknown',
    ],
    [
      'the same official twice',
      { ...valid, targets: ['minister', 'minister'] },
      'targets',
      'targets-unknown',
    ],
    ['nothing done', { ...valid, counts: {} }, 'counts', 'counts-none'],
    ['only zeros', { ...valid, counts: { email: 0, fax: 0 } }, 'counts', 'counts-none'],
    ['counts left out', { ...valid, counts: undefined }, 'counts', 'counts-none'],
    ['a negative count', { ...valid, counts: { email: -1 } }, 'counts.email', 'count-negative'],
    ['a fractional count', { ...valid, counts: { email: 1.5 } }, 'counts.email', 'count-not-whole'],
    ['a count as text', { ...valid, counts: { email: 'two' } }, 'counts.email', 'count-not-whole'],
    [
      'a count over the cap',
      { ...valid, counts: { letter: reportLimits.perChannel + 1 } },
      'counts.letter',
      'count-too-many',
    ],
    [
      'a report over the total cap',
      { ...valid, counts: { email: 50, letter: 50, fax: 1 } },
      'counts',
      'counts-too-many',
    ],
    [
      'an unknown channel',
      { ...valid, counts: { email: 1, sms: 1 } },
      'counts.sms',
      'field-unknown',
    ],
    [
      'a language the site does not publish',
      { ...valid, language: 'fr' },
      'language',
      'language-invalid',
    ],
    ['a country that is not a code', { ...valid, country: 'Peru' }, 'country', 'country-invalid'],
    ['a private-use country code', { ...valid, country: 'XX' }, 'country', 'country-invalid'],
    ['an id that is not a UUID', { ...valid, id: 'report-1' }, 'id', 'id-invalid'],
    ['no start time', { ...valid, startedAt: undefined }, 'startedAt', 'started-invalid'],
    ['a start time as text', { ...valid, startedAt: 'yesterday' }, 'startedAt', 'started-invalid'],
    ['an extra field', { ...valid, email: 'someone@example.org' }, 'email', 'field-unknown'],
    [
      'a __proto__ key',
      JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(valid).slice(1)}`),
      '__proto__',
      'field-unknown',
    ],
    ['a honeypot that is not text', { ...valid, website: ['x'] }, 'website', 'field-invalid'],
    [
      'a honeypot that is an object',
      { ...valid, website: { url: 'x' } },
      'website',
      'field-invalid',
    ],
    ['an array instead of a report', [valid], 'report', 'body-unreadable'],
    ['null instead of a report', null, 'report', 'body-unreadable'],
    ['a string instead of a report', 'report', 'report', 'body-unreadable'],
    ['a number instead of a report', 42, 'report', 'body-unreadable'],
    ['an id with markup', { ...valid, id: '<script>alert(1)</script>' }, 'id', 'id-invalid'],
    ['an id as a number', { ...valid, id: 7 }, 'id', 'id-invalid'],
    [
      'an official as a string, not a list',
      { ...valid, targets: 'minister' },
      'targets',
      'field-invalid',
    ],
    [
      'an official with control characters',
      { ...valid, targets: ['minister\u0000'] },
      'targets',
      'targets-unknown',
    ],
    ['a huge count', { ...valid, counts: { email: 1e12 } }, 'counts.email', 'count-too-many'],
    ['a count as true', { ...valid, counts: { email: true } }, 'counts.email', 'count-not-whole'],
    [
      'an exponent that is not whole',
      { ...valid, counts: { email: 1e-3 } },
      'counts.email',
      'count-not-whole',
    ],
    ['counts as a list', { ...valid, counts: [1, 2] }, 'counts', 'field-invalid'],
    [
      'a __proto__ key in counts',
      JSON.parse('{"counts":{"__proto__":{"email":1}}}'),
      'counts.__proto__',
      'field-unknown',
    ],
    [
      'a constructor key',
      { ...valid, constructor: { prototype: {} } },
      'constructor',
      'field-unknown',
    ],
    ['no language', { ...valid, language: undefined }, 'language', 'language-invalid'],
    ['a country with markup', { ...valid, country: '<b>' }, 'country', 'country-invalid'],
    [
      'a country with control characters',
      { ...valid, country: 'P\u0007' },
      'country',
      'country-invalid',
    ],
    ['a very long country', { ...valid, country: 'P'.repeat(500) }, 'country', 'country-invalid'],
    ['a negative start time', { ...valid, startedAt: -5 }, 'startedAt', 'started-invalid'],
  ])('%s', (_, input, field, code) => {
    const checked = checkReport(input, targets);
    expect(checked.success).toBe(false);
    if (checked.success) return;
    const problem = checked.problems.find((found) => found.field === field);
    expect(problem?.code).toBe(code);
    const [explained] = explainProblems(
      problem ? [problem] : [],
      english.problems,
      appeal.defaultLanguage,
    );
    const limits: Record<string, number> = {
      'count-too-many': reportLimits.perChannel,
      'counts-too-many': reportLimits.perReport,
    };
    expect(explained?.message).toBe(
      english.format(
        english.problems[code as (typeof reportProblemCodes)[number]],
        code in limits ? { max: limits[code]! } : {},
      ),
    );
    expect(explained?.message).not.toMatch(/\{max\}|expected|received|zod/i);
  });

  it.each(appeal.languages)(
    "explains the same problems in %s, the edition's own words for each code",
    (lang) => {
      const t = appeal.strings(lang);
      const checked = checkReport(
        { id, targets: [], counts: { fax: 51 }, language: 'en', startedAt: 1 },
        targets,
      );
      expect(checked.success).toBe(false);
      if (checked.success) return;
      expect(
        explainProblems(checked.problems, t.problems, lang).map((problem) => problem.message),
      ).toEqual([
        t.problems['targets-missing'],
        t.format(t.problems['count-too-many'], { max: reportLimits.perChannel }),
      ]);
      for (const code of reportProblemCodes) expect(t.problems[code].length).toBeGreaterThan(10);
    },
  );
});

describe('a campaign whose officials cannot be reached on every channel', () => {
  const letterOnly = { ...targets, channels: ['email', 'letter'] as const };
  it('refuses counts on a channel no official has, and counts every other channel as 0', () => {
    const faxed = checkReport({ ...valid, counts: { email: 1, fax: 1 } }, letterOnly);
    expect(faxed.success).toBe(false);
    if (!faxed.success)
      expect(faxed.problems).toContainEqual({ field: 'counts.fax', code: 'field-unknown' });
    const mailed = checkReport({ ...valid, counts: { letter: 2 } }, letterOnly);
    if (!mailed.success) throw new Error('expected a valid report');
    expect(mailed.report.counts).toEqual(
      Object.fromEntries(channels.map((channel) => [channel, channel === 'letter' ? 2 : 0])),
    );
  });
});

describe('a form posted without JavaScript', () => {
  const form = (text: string) =>
    checkReport(
      reportFromForm(new URLSearchParams(text), () => id),
      targets,
    );

  it.each([
    [
      'checkboxes, number boxes and menus',
      `id=${id}&targets=minister&targets=ambassador&counts.email=2&counts.fax=&language=en&country=&website=&startedAt=1700000000000`,
    ],
    [
      'no id (the page could not make one)',
      'targets=minister&counts.letter=1&language=es&startedAt=1700000000000',
    ],
    ['an empty id', 'id=&targets=minister&counts.letter=1&language=es&startedAt=1700000000000'],
  ])('is read like JSON: %s', (_, text) => {
    expect(form(text).success).toBe(true);
  });

  it.each([
    [
      'a fractional number',
      'targets=minister&counts.email=1.5&language=en&startedAt=1',
      'counts.email',
      'count-not-whole',
    ],
    [
      'words in a number box',
      'targets=minister&counts.email=two&language=en&startedAt=1',
      'counts.email',
      'count-not-whole',
    ],
    [
      'a field sent twice',
      'targets=minister&counts.email=1&language=en&language=es&startedAt=1',
      'language',
      'language-invalid',
    ],
    [
      'a __proto__ field',
      'targets=minister&counts.email=1&language=en&startedAt=1&__proto__=x',
      '__proto__',
      'field-unknown',
    ],
    [
      'a counts.__proto__ field',
      'targets=minister&counts.email=1&counts.__proto__=1&language=en&startedAt=1',
      'counts.__proto__',
      'field-unknown',
    ],
    ['no official ticked', 'counts.email=1&language=en&startedAt=1', 'targets', 'targets-missing'],
  ])('is refused with the same message as JSON: %s', (_, text, field, code) => {
    const checked = form(text);
    expect(checked.success).toBe(false);
    if (!checked.success)
      expect(checked.problems.find((problem) => problem.field === field)?.code).toBe(code);
  });

  it('does not pollute Object.prototype', () => {
    reportFromForm(new URLSearchParams('__proto__=polluted&counts.__proto__=1'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('reports held for review instead of counted', () => {
  const report = (overrides: Partial<Report> = {}): Report => ({
    ...(checkReport(valid, targets) as { report: Report }).report,
    ...overrides,
  });
  it.each([
    ['a person who took a minute', report(), valid.startedAt + 60_000, []],
    [
      'a filled honeypot',
      report({ website: 'http://spam.example' }),
      valid.startedAt + 60_000,
      ['honeypot'],
    ],
    ['a form sent a second after it was shown', report(), valid.startedAt + 1_000, ['too-fast']],
    ['a browser clock running ahead (negative fill time)', report(), valid.startedAt - 30_000, []],
    ['both signs at once', report({ website: 'x' }), valid.startedAt, ['honeypot', 'too-fast']],
  ])('%s', (_, input, receivedAt, reasons) => {
    expect(automatedSignals(input, receivedAt, 3_000)).toEqual(reasons);
  });
});

describe('countries and client keys', () => {
  it('offers each current country once, by its ISO 3166-1 code, and no withdrawn or unassigned code', () => {
    expect(countryCodes).toHaveLength(250);
    expect(new Set(countryCodes).size).toBe(countryCodes.length);
    expect(countryCodes).toEqual(expect.arrayContaining(['PE', 'VE', 'ES', 'US', 'SS', 'XK']));
    for (const gone of ['DD', 'SU', 'YU', 'ZR', 'BU', 'TP', 'AN', 'CS', 'ZZ', 'EU', 'JJ', 'AB'])
      expect(countryCodes).not.toContain(gone);
    // Every one has a name in both editions' languages, and no two share a name.
    for (const locale of ['en-GB', 'es-419']) {
      const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
      const named = countryCodes.map((code) => names.of(code));
      expect(named.every((name) => name !== undefined)).toBe(true);
      expect(new Set(named).size).toBe(named.length);
    }
    expect(new Intl.DisplayNames(['es-419'], { type: 'region' }).of('SA')).toBe('Arabia Saudita');
  });

  it.each([['JJ'], ['AB'], ['ß'], ['SU'], ['DD']])('refuses %j as a country', (country) => {
    const checked = checkReport({ ...valid, country }, targets);
    expect(checked.success).toBe(false);
  });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aaaa::1', '2001:db8:1:2::/64'],
    ['[2001:0DB8:0001:0002:ffff:0:0:9]', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['', 'unknown'],
    ['not an address', 'unknown'],
  ])('limits %j as %j', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });

  it('stores a salted hash that changes with the window and never contains the address', () => {
    const first = clientHash('203.0.113.7', 0, 'salt');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(first).not.toContain('203');
    expect(clientHash('203.0.113.7', 600_000, 'salt')).not.toBe(first);
    expect(clientHash('203.0.113.7', 0, 'other salt')).not.toBe(first);
  });
});
