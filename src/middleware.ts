import { defineMiddleware } from 'astro:middleware';
import { parse } from 'smol-toml';
import netlifyToml from '../netlify.toml?raw';

interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/**
 * Netlify applies netlify.toml's headers only to files it serves, not to function responses; the
 * pages rendered on request (thanks, problems, the API) get the site-wide ones from the same file.
 */
const siteHeaders = ((parse(netlifyToml) as { headers?: HeaderRule[] }).headers ?? []).find((rule) => rule.for === '/*')?.values ?? {};

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (context.isPrerendered) return response;
  for (const [name, value] of Object.entries(siteHeaders)) if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
});
