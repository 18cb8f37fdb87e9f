import { defineMiddleware } from 'astro:middleware';
import { parse } from 'smol-toml';
import netlifyToml from '../netlify.toml?raw';
import { getCampaign } from './lib/appeal/campaign';
import { renderMoment } from './lib/appeal/clock';
import { problemResponse } from './lib/http/responses';
import { defaultLanguage, editionOfPath, languages } from './lib/i18n/editions';
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
const siteHeaders =
  ((parse(netlifyToml) as { headers?: HeaderRule[] }).headers ?? []).find(
    (rule) => rule.for === '/*',
  )?.values ?? {};

/**
 * What every page and route of a request needs, decided once (Astro.locals): the language (a page
 * speaks its edition's; the API answers in the one the request asks for), the campaign in that
 * language, the moment rendered for, and where the appeal stands then. Every answer rendered on
 * request carries the site's headers, and the API answers even its own failures as problem details.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const api = context.url.pathname.startsWith('/api/');
  // Not Astro.currentLocale: it reads any segment of the address as a language ("/letters/minister/es/").
  const lang = api
    ? (negotiateLanguage(context.request.headers.get('accept-language'), languages) ??
      defaultLanguage)
    : editionOfPath(context.url.pathname);
  context.locals.i18n = await i18nFor(lang);
  const campaign = await getCampaign(lang);
  const now = renderMoment();
  context.locals.campaign = campaign;
  context.locals.now = now;
  context.locals.state = campaign.stateAt(now);
  context.locals.updates = campaign.updatesAt(now);
  let response: Response;
  try {
    response = await next();
  } catch (error) {
    if (!api) throw error;
    console.error(error);
    response = problemResponse(500, context.locals.i18n.t.serverError);
  }
  if (context.isPrerendered) return response;
  for (const [name, value] of Object.entries(siteHeaders))
    if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
});
