/** The appeal's own content, as a reader would check a translation against its original. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appeal } from './support/appeal';

/** Every number in a text, whatever its separators: "500,000", "500.000" and "500 000" are all 500000. */
const figures = (text: string) =>
  [...text.replace(/(\d)[\s\u00a0\u202f](?=\d{3}(?!\d))/g, '$1').matchAll(/\d+(?:[.,]\d+)*/g)]
    .map(([token]) => Number(token.replace(/[.,](?=\d{3}(?!\d))/g, '').replace(',', '.')))
    .sort((a, b) => a - b);
const prose = (lang: string) => {
  const { summary, ask, steps, afterDeadline, body } = appeal.appeal(lang);
  return [summary, ask, ...steps, afterDeadline, body].join('\n');
};
const sources = readdirSync(join(appeal.root, 'source')).filter((file) => file.endsWith('.txt'));

describe('the translations', () => {
  it.skipIf(appeal.translations.length === 0)(
    'give the same figures as the original appeal',
    () => {
      for (const lang of appeal.translations)
        expect(figures(prose(lang)), lang).toEqual(figures(prose(appeal.defaultLanguage)));
    },
  );

  it.skipIf(appeal.translations.length === 0)(
    'of the letter say they are translations, from the original',
    () => {
      for (const lang of appeal.translations)
        expect(appeal.letter(lang).translation?.from, lang).toBe(appeal.defaultLanguage);
    },
  );
});

describe('the sample letter', () => {
  it.skipIf(sources.length === 0)(
    'is, in the original language, word for word the one in the appeal as the campaign team wrote it (content/source/)',
    () => {
      const source = sources
        .map((file) => readFileSync(join(appeal.root, 'source', file), 'utf8'))
        .join('\n')
        .replace(/\s+/g, ' ');
      const letter = appeal.letter(appeal.defaultLanguage).body.replace(/\s+/g, ' ').trim();
      expect(letter.length).toBeGreaterThan(200);
      expect(source).toContain(letter);
    },
  );
});
