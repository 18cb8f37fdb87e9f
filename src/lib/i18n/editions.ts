/**
 * The editions of the site as Astro was configured from the content (src/integrations/editions.ts reads
 * content/appeal/): which languages, which one is at the root, and the address of a page in each.
 */
import { i18n } from 'astro:config/server';
import { getRelativeLocaleUrl } from 'astro:i18n';
import type { Language } from './languages';

if (!i18n)
  throw new Error(
    'Astro i18n is not configured: astro.config.mjs reads the languages from content/appeal/.',
  );

/** Every language the site publishes, the root edition first. */
export const languages: readonly Language[] = i18n.locales.map((locale) =>
  typeof locale === 'string' ? locale : (locale.codes[0] ?? locale.path),
);
/** The edition at "/"; the others live under "/<language>/". */
export const defaultLanguage: Language = i18n.defaultLocale;

/** The address of a page or file in an edition: localePath('es', '/thanks/') is "/es/thanks/"; a "#part" is kept. */
export function localePath(lang: Language, path = '/'): string {
  const [pathname = '/', hash] = path.split('#');
  const page = getRelativeLocaleUrl(lang, pathname.replace(/^\//, ''));
  // Astro ends page addresses with a slash; a file ("/updates.xml") keeps its name as it is.
  const address = /\.[a-z0-9]+$/i.test(pathname) ? page.replace(/\/$/, '') : page;
  return hash === undefined ? address : `${address}#${hash}`;
}

/** Route parameters of the editions for pages under src/pages/[...locale]/: none for the root edition. */
export function editionParams(): {
  params: { locale: string | undefined };
  props: { lang: Language };
}[] {
  return languages.map((lang) => ({
    params: { locale: lang === defaultLanguage ? undefined : lang },
    props: { lang },
  }));
}

/**
 * The edition an address belongs to: its first segment when that names an edition ("/es/…"), else
 * the root edition. Only the first segment counts: "/letters/minister/es/" is the root edition's
 * page for the Spanish letter.
 */
export function editionOfPath(pathname: string): Language {
  const [, first] = pathname.split('/');
  return editionOf(first) ?? defaultLanguage;
}

/** The edition a [...locale] parameter names, or undefined for an address that is no edition. */
export function editionOf(locale: string | undefined): Language | undefined {
  if (locale === undefined) return defaultLanguage;
  return languages.find((lang) => lang !== defaultLanguage && lang === locale);
}
