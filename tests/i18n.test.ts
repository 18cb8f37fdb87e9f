import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { es } from '../src/i18n/es';
import { ui } from '../src/i18n/ui';
import { localePath, negotiateLanguage, splitLocalePath } from '../src/i18n/paths';
import { readerLocale } from '../src/i18n/languages';

describe('interface strings', () => {
  it('every string exists in every language, and no language has one the others lack', () => {
    const keys = Object.keys(en).sort();
    for (const table of Object.values(ui)) expect(Object.keys(table).sort()).toEqual(keys);
  });

  it.each(Object.keys(en) as (keyof typeof en)[])('"%s" keeps the same placeholders in every language', (key) => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const table of Object.values(ui)) expect(placeholders(table[key])).toEqual(placeholders(en[key]));
  });

  it('Spanish is a translation, not a copy of the English', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((key) => en[key] === es[key]);
    // Brand and product names stay as they are.
    expect(same.sort()).toEqual(['fax', 'gmail', 'instagram', 'outlook']);
  });
});

describe('addresses of the editions', () => {
  it.each([
    ['en', '/', '/'],
    ['en', '/thanks/', '/thanks/'],
    ['es', '/', '/es/'],
    ['es', '/letters/minister/es/', '/es/letters/minister/es/'],
  ] as const)('%s %s is at %s', (lang, path, address) => {
    expect(localePath(lang, path)).toBe(address);
    expect(splitLocalePath(address)).toEqual({ lang, path });
  });

  it('an address that only starts like an edition is English', () => {
    expect(splitLocalePath('/essay/')).toEqual({ lang: 'en', path: '/essay/' });
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
    expect(negotiateLanguage(header)).toBe(lang);
  });
});

describe('the locale dates and numbers are shown in', () => {
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
