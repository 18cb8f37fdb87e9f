import type { Language } from '../lib/appeal/vocabulary';

/** A language's own name for itself ("español", "English"), capitalized for use as a label. */
export function languageName(lang: Language): string {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/**
 * Dates and numbers follow the page's language in the reader's own variant of it: es-PE or es-ES
 * on a Spanish page, en-GB on an English one; a reader whose browser names neither gets the page's.
 */
export function readerLocale(pageLang: string, readerLanguages: readonly string[]): string {
  return readerLanguages.find((tag) => tag.toLowerCase().split('-')[0] === pageLang) ?? pageLang;
}
