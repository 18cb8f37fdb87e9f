/** The interface strings of one language with the helpers that write them, as pages and routes use them (Astro.locals.i18n). */
import { getEntry } from 'astro:content';
import { localePath } from './editions';
import { formatDay } from '../deadline/deadline';
import { format, formatNumber, type Message, type Values } from './format';
import type { Language } from './languages';
import type { Strings } from './strings';

export interface I18n {
  lang: Language;
  /** Every interface string of this language (content/strings/<lang>.yaml). */
  t: Strings;
  /** A string with its placeholders filled and its plural form chosen by `count`. */
  format(message: Message, values?: Values): string;
  /** A label as this language writes it before what it labels: "Deadline:", "Date limite :". */
  label(text: string): string;
  /** A number as this language writes it. */
  number(value: number): string;
  /** A calendar day (YYYY-MM-DD) as this edition writes it: "17 December 2021", "17 de diciembre de 2021". */
  day(date: string): string;
  /** The address of a page in this edition ("/es/thanks/" for "/thanks/"). */
  path(path?: string): string;
}

const tables = new Map<Language, Promise<I18n>>();

export function i18nFor(lang: Language): Promise<I18n> {
  let i18n = tables.get(lang);
  if (!i18n) {
    i18n = (async (): Promise<I18n> => {
      const entry = await getEntry('strings', lang);
      if (!entry)
        throw new Error(
          `content/strings/${lang}.yaml is missing: every language the site publishes needs its interface strings.`,
        );
      const t = entry.data;
      return {
        lang,
        t,
        format: (message, values) => format(lang, message, values),
        label: (text) => format(lang, t.label, { label: text }),
        number: (value) => formatNumber(lang, value),
        day: (date) => formatDay(date, t.locale),
        path: (path) => localePath(lang, path),
      };
    })();
    tables.set(lang, i18n);
  }
  return i18n;
}
