/**
 * GET /api/tally: the public totals. The CDN serves it for a short window and revalidates in the
 * background, so a busy day costs one query per window instead of one per visitor.
 */
import type { APIRoute } from 'astro';
import { getTargets } from '../../lib/appeal/entries';
import { readTally, StorageUnavailableError } from '../../lib/reports/store';
import { etagMatches, problemResponse, tallyCacheHeaders, tallyEtag } from '../../lib/reports/http';

export const prerender = false;

export const GET: APIRoute = async ({ request }) => {
  let body: string;
  try {
    body = JSON.stringify(await readTally((await getTargets()).map((target) => target.id)));
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    console.error(error.message, error.cause instanceof Error ? error.cause.message : error.cause);
    return problemResponse(503, 'Service Unavailable', 'The tally cannot be read just now.', { headers: { 'retry-after': String(error.retryAfterSeconds) } });
  }
  const etag = await tallyEtag(body);
  const headers = { etag, ...tallyCacheHeaders };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
};

export const HEAD: APIRoute = (context) => GET(context);

/** Anything but GET or HEAD: say which methods work. */
export const ALL: APIRoute = () =>
  problemResponse(405, 'Method Not Allowed', 'Read the tally with GET.', { headers: { allow: 'GET, HEAD' } });
