import { defineMiddleware } from 'astro:middleware';
import { parse } from 'smol-toml';
import netlifyToml from '../netlify.toml?raw';
import { defaultLanguage, languages } from './lib/i18n/editions';
import { negotiateLanguage } from './lib/i18n/languages';
import { i18nFor } from './lib/i18n/translator';

interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/**
 * Netlify applies netlify.toml's headers only to files it serves, not to function responses; the
 * pages rendered on request (thanks, problems, the API) get the site-wide ones from the same file.
 */
const siteHeaders = ((parse(netlifyToml) as { headers?: HeaderRule[] }).headers ?? []).find((rule) => rule.for === '/*')?.values ?? {};

/** The request's language, decided once: a page speaks its edition's; the API answers in the one the request asks for. */
export const onRequest = defineMiddleware(async (context, next) => {
  const lang = context.url.pathname.startsWith('/api/')
    ? (negotiateLanguage(context.request.headers.get('accept-language'), languages) ?? defaultLanguage)
    : (context.currentLocale ?? defaultLanguage);
  context.locals.i18n = await i18nFor(lang);
  const response = await next();
  if (context.isPrerendered) return response;
  for (const [name, value] of Object.entries(siteHeaders)) if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
});
