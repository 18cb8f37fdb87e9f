/**
 * GET /api/tally: the public totals. The CDN serves it for a short window and revalidates in the
 * background, so a busy day costs one query per window instead of one per visitor.
 */
import type { APIRoute } from 'astro';
import { getCampaign } from '../../lib/appeal/campaign';
import { readTally } from '../../lib/reports/storage/tally';
import { orOutage } from '../../lib/reports/storage/pool';
import { etagMatches, problemResponse, tallyCacheHeaders, tallyEtag } from '../../lib/reports/http';

export const prerender = false;

export const GET: APIRoute = async ({ request, locals }) => {
  const { choices } = await getCampaign();
  const read = await orOutage(() => readTally(choices));
  if (!read.ok) return problemResponse(503, locals.i18n.t.thanksTallyUnavailable, { headers: { 'retry-after': String(read.retryAfterSeconds) } });
  const body = JSON.stringify(read.value);
  const etag = await tallyEtag(body);
  const headers = { etag, ...tallyCacheHeaders };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
};

export const HEAD: APIRoute = (context) => GET(context);

/** Anything but GET or HEAD: say which methods work. */
export const ALL: APIRoute = ({ locals }) => problemResponse(405, locals.i18n.t.tallyWrongMethod, { headers: { allow: 'GET, HEAD' } });
