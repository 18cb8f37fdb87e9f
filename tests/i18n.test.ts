import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { format, placeholdersOf } from '../src/lib/i18n/format';
import { negotiateLanguage } from '../src/lib/i18n/languages';
import { stringsSchema } from '../src/lib/i18n/strings';
import { appeal } from './support/appeal';

const original = appeal.strings(appeal.defaultLanguage);

describe('interface strings', () => {
  it('a table missing a string, with one the site does not use, or dropping a placeholder fails with a message naming it', () => {
    const { reportSubmit: _dropped, format: _f, labelled: _l, ...missing } = original;
    expect(z.prettifyError(stringsSchema.safeParse(missing).error!)).toContain(
      'This text is missing: every language needs it.\n  → at reportSubmit',
    );
    const { format: _format, labelled: _labelled, ...table } = original;
    expect(
      z.prettifyError(stringsSchema.safeParse({ ...table, reportSubmitt: 'Send' }).error!),
    ).toContain('Unknown field "reportSubmitt"');
    expect(
      z.prettifyError(stringsSchema.safeParse({ ...table, tallyLine: '{actions} so far.' }).error!),
    ).toContain('This text must use exactly {actions}, {reports}.');
    expect(
      z.prettifyError(
        stringsSchema.safeParse({ ...table, tallyReports: '{count} reports' }).error!,
      ),
    ).toContain('Give this text as plural forms');
  });

  it.skipIf(appeal.translations.length === 0)(
    'each translation is a translation, not a copy of the original table: only names and punctuation stay the same',
    () => {
      for (const lang of appeal.translations) {
        const translated = appeal.strings(lang);
        const same = (Object.keys(stringsSchema.shape) as (keyof typeof original)[]).filter(
          (key) => JSON.stringify(original[key]) === JSON.stringify(translated[key]),
        );
        expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThanOrEqual(8);
        for (const key of same)
          expect(String(original[key]).length, `${lang}: ${key}`).toBeLessThanOrEqual(12);
      }
    },
  );
});

describe('writing a string', () => {
  const actions = { one: '{count} action', other: '{count} actions' };
  it.each([
    ['en', actions, { count: 1 }, '1 action'],
    ['en', actions, { count: 0 }, '0 actions'],
    ['en', actions, { count: 4244 }, '4,244 actions'],
    ['es', { one: '{count} acción', other: '{count} acciones' }, { count: 1 }, '1 acción'],
    ['es', { one: '{count} acción', other: '{count} acciones' }, { count: 4244 }, '4244 acciones'],
    [
      'es',
      { one: '{count} acción', other: '{count} acciones' },
      { count: 12345 },
      '12.345 acciones',
    ],
    [
      'ar',
      {
        zero: 'لا شيء',
        one: 'واحد',
        two: 'اثنان',
        few: '{count} قليل',
        many: '{count} كثير',
        other: '{count}',
      },
      { count: 2 },
      'اثنان',
    ],
    ['en', 'Send it again in {minutes} min.', { minutes: 7 }, 'Send it again in 7 min.'],
    ['en', 'A {missing} placeholder stays visible.', {}, 'A {missing} placeholder stays visible.'],
  ] as const)('%s: %j with %j is "%s"', (lang, message, values, text) => {
    expect(format(lang, message, values)).toBe(text);
  });

  it('knows the placeholders of plain and plural texts', () => {
    expect(placeholdersOf('{actions} in {reports} so far, {actions}')).toEqual([
      'actions',
      'reports',
    ]);
    expect(placeholdersOf({ one: '{count} action', other: '{count} actions in {place}' })).toEqual([
      'count',
      'place',
    ]);
  });
});

describe('the language a request asks for', () => {
  it.each([
    ['es-PE,es;q=0.9,en;q=0.8', 'es'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4', 'es'],
    ['en;q=0.2, es;q=0.7', 'es'],
    ['es;q=0, en', 'en'],
    ['de, fr', undefined],
    ['', undefined],
    [null, undefined],
  ])('%s asks for %s', (header, lang) => {
    expect(negotiateLanguage(header, ['en', 'es'])).toBe(lang);
  });

  it('prefers an exact regional match among the site’s languages', () => {
    expect(negotiateLanguage('pt-PT, pt;q=0.9', ['pt-BR', 'pt-PT'])).toBe('pt-PT');
    expect(negotiateLanguage('pt', ['en', 'pt-BR'])).toBe('pt-BR');
  });
});
