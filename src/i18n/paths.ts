import { languages, type Language } from '../lib/appeal/vocabulary';

/** The edition at the site's root; every other edition lives under /<lang>/. */
export const defaultLanguage: Language = 'en';

/** The address of a page in an edition: localePath('es', '/thanks/') is "/es/thanks/". */
export function localePath(lang: Language, path = '/'): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return lang === defaultLanguage ? clean : `/${lang}${clean}`;
}

/** The edition an address belongs to, and the address without its language prefix. */
export function splitLocalePath(pathname: string): { lang: Language; path: string } {
  const [, first = '', ...rest] = pathname.split('/');
  const lang = editionOf(first);
  return lang ? { lang, path: `/${rest.join('/')}` } : { lang: defaultLanguage, path: pathname || '/' };
}

/**
 * The edition an Accept-Language header asks for, by its q-values ("es-PE,es;q=0.9,en;q=0.8" is
 * Spanish), or undefined when it names none the site publishes.
 */
export function negotiateLanguage(header: string | null | undefined): Language | undefined {
  const asked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, index };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return asked.map(({ primary }) => languages.find((lang) => lang === primary)).find((lang) => lang !== undefined);
}

/** Route parameters of the editions for pages under src/pages/[...locale]/: none for English. */
export function editionParams(): { params: { locale: string | undefined }; props: { lang: Language } }[] {
  return languages.map((lang) => ({ params: { locale: lang === defaultLanguage ? undefined : lang }, props: { lang } }));
}

/** The edition a [...locale] parameter names, or undefined for an address that is no edition. */
export function editionOf(locale: string | undefined): Language | undefined {
  if (locale === undefined) return defaultLanguage;
  return languages.find((lang) => lang !== defaultLanguage && lang === locale);
}
