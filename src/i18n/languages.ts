import type { Language } from '../lib/appeal/schema';

/** A language's own name for itself ("español", "English"), capitalized for use as a label. */
export function languageName(lang: Language): string {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}
