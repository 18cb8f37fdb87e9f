/** Language tags and names, with no Astro or content import, so browser code and unit tests can use them. */

/** A BCP 47 language tag such as "es", "en" or "pt-BR"; the site's own come from content/appeal/. */
export type Language = Intl.UnicodeBCP47LocaleIdentifier;

/** Whether a text is a language code as BCP 47 writes it, with a two- or three-letter language: "es", "en", "pt-BR". */
export function isLanguageTag(tag: string): boolean {
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag)[0]?.toLowerCase() === tag.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * A language's name, in the language of the page ("Spanish" on an English page) or in its own
 * ("Español"). Capitalized to stand alone as a label; `inSentence` leaves it as the language
 * writes it mid-sentence ("la carta en español").
 */
export function languageName(
  lang: Language,
  inLanguage: Language = lang,
  { inSentence = false } = {},
): string {
  const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(lang) ?? lang;
  return inSentence ? name : name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
}

/** The primary subtag, lower case: "es-PE" is "es". */
const primary = (tag: string) => tag.trim().toLowerCase().split('-')[0] ?? '';

/**
 * The edition an Accept-Language header asks for, by its q-values ("es-PE,es;q=0.9,en;q=0.8" is
 * Spanish), or undefined when it names none of the languages given.
 */
export function negotiateLanguage(
  header: string | null | undefined,
  languages: readonly Language[],
): Language | undefined {
  const asked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((param) => param.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter(({ q, tag }) => q > 0 && tag !== '')
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of asked) {
    const match =
      languages.find((lang) => lang.toLowerCase() === tag) ??
      languages.find((lang) => primary(lang) === primary(tag));
    if (match) return match;
  }
  return undefined;
}
