/**
 * The editions of the site as Astro was configured from the content (tools/editions.ts reads
 * content/appeal/): which languages, which one is at the root, and the address of a page in each.
 */
import { i18n } from 'astro:config/server';
import { getRelativeLocaleUrl } from 'astro:i18n';
import type { Language } from './languages';

if (!i18n) throw new Error('Astro i18n is not configured: astro.config.mjs reads the languages from content/appeal/.');

/** Every language the site publishes, the root edition first. */
export const languages: readonly Language[] = i18n.locales.map((locale) => (typeof locale === 'string' ? locale : locale.codes[0] ?? locale.path));
/** The edition at "/"; the others live under "/<language>/". */
export const defaultLanguage: Language = i18n.defaultLocale;

/** The address of a page in an edition: localePath('es', '/thanks/') is "/es/thanks/"; a "#part" is kept. */
export function localePath(lang: Language, path = '/'): string {
  const [pathname = '/', hash] = path.split('#');
  const address = getRelativeLocaleUrl(lang, pathname.replace(/^\//, ''));
  return hash === undefined ? address : `${address}#${hash}`;
}

/** Route parameters of the editions for pages under src/pages/[...locale]/: none for the root edition. */
export function editionParams(): { params: { locale: string | undefined }; props: { lang: Language } }[] {
  return languages.map((lang) => ({ params: { locale: lang === defaultLanguage ? undefined : lang }, props: { lang } }));
}

/** The edition a [...locale] parameter names, or undefined for an address that is no edition. */
export function editionOf(locale: string | undefined): Language | undefined {
  if (locale === undefined) return defaultLanguage;
  return languages.find((lang) => lang !== defaultLanguage && lang === locale);
}
