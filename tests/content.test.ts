import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { appealSchema, letterSchema, targetSchema } from '../src/lib/appeal/schema';
import { readFolder } from './support/content';
import { buildVariant } from './support/variant';

const root = join(import.meta.dirname, '..');

const folders = { appeal: appealSchema, targets: targetSchema, letters: letterSchema } as const;

describe('the real content', () => {
  it.each(Object.entries(folders))(
    'every file in content/%s passes its schema',
    (folder, schema) => {
      const files = readFolder(folder);
      expect(Object.keys(files).length).toBeGreaterThan(0);
      for (const [file, { data }] of Object.entries(files)) {
        const result = schema.safeParse(data);
        expect(
          result.success,
          `${folder}/${file}.md: ${result.error ? z.prettifyError(result.error) : ''}`,
        ).toBe(true);
      }
    },
  );

  it('says every fact and figure of the appeal', () => {
    const appeal = readFolder('appeal')['en'];
    const text = JSON.stringify(appeal?.data) + appeal?.body;
    for (const fact of [
      '119.21',
      '500,000',
      '20 cases',
      '59%',
      '22.6%',
      '207-2021-RE',
      'June 2021',
      'UNHCR',
      'INEI',
      '2022-01-03',
      'America/Lima',
    ]) {
      expect(text).toContain(fact);
    }
  });

  it('says the same figures in the Spanish appeal as in the English one', () => {
    /** Every number in a text, whatever its separators: "500,000" and "500.000" are both 500000. */
    const figures = (text: string) =>
      [...text.matchAll(/\d+(?:[.,]\d+)*/g)]
        .map(([token]) => Number(token.replace(/[.,](?=\d{3}(?!\d))/g, '').replace(',', '.')))
        .sort((a, b) => a - b);
    const prose = (lang: string) => {
      const { data, body } = readFolder('appeal')[lang] ?? { data: {}, body: '' };
      const appeal = appealSchema.parse(data);
      return [appeal.summary, appeal.ask, ...appeal.steps, appeal.afterDeadline, body].join('\n');
    };
    expect(figures(prose('en')).length).toBeGreaterThanOrEqual(9);
    expect(figures(prose('es'))).toEqual(figures(prose('en')));
  });

  it('gives the English sample letter word for word from the appeal', () => {
    const source = readFileSync(
      join(root, 'content', 'source', 'ua-119-21-appeal.txt'),
      'utf8',
    ).replace(/\s+/g, ' ');
    const letter = readFolder('letters')['en']?.body.replace(/\s+/g, ' ').trim() ?? '';
    expect(letter.length).toBeGreaterThan(1000);
    expect(source).toContain(letter);
  });

  it('marks the Spanish letter as a translation of the English one', () => {
    const data = letterSchema.parse(readFolder('letters')['es']?.data);
    expect(data.translation?.from).toBe('en');
  });

  it('lists every channel the appeal gives for each official', () => {
    const targets = readFolder('targets');
    expect(targetSchema.parse(targets['minister']?.data).email).toBe('webmaster@rree.gob.pe');
    const ambassador = targetSchema.parse(targets['ambassador']?.data);
    expect(ambassador).toMatchObject({
      email: 'digitaldiplomacy@embassyofperu.us',
      phone: '+1 202 833 9860',
      fax: '+1 202 659 8124',
      x: 'PeruInTheUSA',
      instagram: 'peruintheusa',
      contactForm: 'https://bit.ly/2IoKk6P',
    });
  });
});

const minister = readFolder('targets')['minister']?.data as Record<string, unknown>;
const appeal = readFolder('appeal')['en']?.data as Record<string, unknown>;

describe('a broken edit fails with a message written for the person editing', () => {
  it.each([
    [
      'a misspelt field',
      targetSchema,
      { ...minister, emial: 'x@y.org' },
      'Unknown field "emial": check its spelling',
    ],
    [
      'an email without @',
      targetSchema,
      { ...minister, email: 'webmaster.rree.gob.pe' },
      'This is not an email address.\n  → at email',
    ],
    [
      'a phone without country code',
      targetSchema,
      { ...minister, phone: '202 833 9860' },
      'international form, starting with "+"',
    ],
    [
      'an X account written with @',
      targetSchema,
      { ...minister, x: '@PeruInTheUSA' },
      'without "@"',
    ],
    [
      'a salutation given as one text, not one per language',
      targetSchema,
      { ...minister, salutation: 'Dear Minister,' },
      'The salutation must list one text per language',
    ],
    [
      'a role under something that is not a language code',
      targetSchema,
      { ...minister, role: { es: 'Ministro', english: 'Minister' } },
      'The role is given under something that is not a language code',
    ],
    [
      'a contact form that is not a web address',
      targetSchema,
      { ...minister, contactForm: 'bit.ly/2IoKk6P' },
      'full web address starting with https://',
    ],
    [
      'a deadline in another date format',
      appealSchema,
      { ...appeal, deadline: '3 January 2022' },
      'Write the date as YYYY-MM-DD',
    ],
    [
      'a deadline that is not a date',
      appealSchema,
      { ...appeal, deadline: '2022-02-30' },
      'does not exist on the calendar',
    ],
    [
      'a made-up time zone',
      appealSchema,
      { ...appeal, deadlineTimeZone: 'Peru/Lima' },
      'IANA time zone',
    ],
    ['a wrong UA number', appealSchema, { ...appeal, ua: 'UA 119/21' }, 'looks like "119.21"'],
    [
      'an overlong social post',
      appealSchema,
      { ...appeal, socialPost: 'x'.repeat(201) },
      'under 200 characters',
    ],
  ])('%s', (_what, schema: z.ZodType, data, message) => {
    const result = schema.safeParse(data);
    expect(result.success).toBe(false);
    expect(z.prettifyError(result.error!)).toContain(message);
  });

  it.each([
    [
      'a fax number without its country code',
      ['fax: "+1 202 659 8124"', 'fax: "202 659 8124"'],
      ['content/targets/ambassador.md', 'fax', 'Write the fax number in international form'],
    ],
    [
      "a salutation missing one of the site's languages",
      ['es: "Señor Embajador', 'fr: "Señor Embajador'],
      [
        'content/targets/ambassador.md',
        '"salutation" needs one text for each language',
        'missing: es',
        'not published: fr',
      ],
    ],
  ])('the build stops and names the file and the field: %s', (_, [before, after], messages) => {
    const edit = (content: string) => {
      const file = join(content, 'targets', 'ambassador.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(before!, after!));
    };
    expect(() => buildVariant('broken-content', { edit })).toThrow();
    try {
      buildVariant('broken-content', { edit });
    } catch (error) {
      for (const message of messages) expect(String(error)).toContain(message);
    }
  });
});
