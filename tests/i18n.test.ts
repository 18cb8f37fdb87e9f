import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { format, placeholdersOf } from '../src/lib/i18n/format';
import { negotiateLanguage, readerLocale } from '../src/lib/i18n/languages';
import { stringsSchema } from '../src/lib/i18n/strings';
import { editionsIn } from '../src/integrations/editions';
import { contentRoot, readStringTables } from './support/content';

const tables = readStringTables();
const english = stringsSchema.parse(tables['en']);

describe('interface strings', () => {
  it.each(Object.keys(tables))(
    'the %s table has every string the site uses, and no other',
    (lang) => {
      const result = stringsSchema.safeParse(tables[lang]);
      expect(result.success, result.error ? z.prettifyError(result.error) : '').toBe(true);
    },
  );

  it('a table missing a string, with one the site does not use, or dropping a placeholder fails with a message naming it', () => {
    const { reportSubmit: _dropped, ...missing } = english;
    expect(z.prettifyError(stringsSchema.safeParse(missing).error!)).toContain(
      'This text is missing: every language needs it.\n  → at reportSubmit',
    );
    expect(
      z.prettifyError(stringsSchema.safeParse({ ...english, reportSubmitt: 'Send' }).error!),
    ).toContain('Unknown field "reportSubmitt"');
    expect(
      z.prettifyError(
        stringsSchema.safeParse({ ...english, tallyLine: '{actions} so far.' }).error!,
      ),
    ).toContain('This text must use exactly {actions}, {reports}.');
    expect(
      z.prettifyError(
        stringsSchema.safeParse({ ...english, tallyReports: '{count} reports' }).error!,
      ),
    ).toContain('Give this text as plural forms');
  });

  it('Spanish is a translation, not a copy of the English', () => {
    const spanish = stringsSchema.parse(tables['es']);
    const same = (Object.keys(english) as (keyof typeof english)[]).filter(
      (key) => JSON.stringify(english[key]) === JSON.stringify(spanish[key]),
    );
    // Brand and product names stay as they are.
    expect(same.sort()).toEqual(['fax', 'gmail', 'instagram', 'outlook']);
  });
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

describe('the languages of the site', () => {
  it('come from content/appeal/: the original at the root, then the translations', () => {
    expect(editionsIn(pathToFileURL(`${contentRoot}/`))).toEqual({
      languages: ['en', 'es'],
      defaultLanguage: 'en',
    });
  });

  it.each([
    [
      'two originals',
      { 'en.md': '---\nlang: en\n---\n', 'es.md': '---\nlang: es\n---\n' },
      'exactly one appeal that is not a translation',
    ],
    [
      'no original',
      { 'es.md': '---\nlang: es\ntranslation: { from: en, note: x }\n---\n' },
      'Found 0: none',
    ],
    [
      'a file that is not named by a language',
      { 'spanish.md': '---\nlang: es\n---\n' },
      'name the file after a language code',
    ],
    ['no appeal at all', {}, 'has no appeal'],
  ])('a content folder with %s is refused with a message', (_, files, message) => {
    const root = mkdtempSync(join(tmpdir(), 'ua-editions-'));
    mkdirSync(join(root, 'appeal'));
    for (const [name, text] of Object.entries(files))
      writeFileSync(join(root, 'appeal', name), text);
    expect(() => editionsIn(pathToFileURL(`${root}/`))).toThrow(message);
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

describe('the locale dates are shown in', () => {
  it.each([
    ['es', ['es-PE', 'en-US'], 'es-PE'],
    ['es', ['en-GB', 'es-ES'], 'es-ES'],
    ['en', ['es-PE', 'en-GB'], 'en-GB'],
    ['en', ['es-PE'], 'en'],
    ['es', [], 'es'],
  ] as const)('a %s page read by %o uses %s', (page, reader, locale) => {
    expect(readerLocale(page, reader)).toBe(locale);
  });
});
