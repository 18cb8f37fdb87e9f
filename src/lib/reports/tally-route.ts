/**
 * The tally's routes (/api/tally, /api/tally.csv): read once, rendered in one format, cached as
 * the API promises, 503 with Retry-After while storage is down, 405 for other methods.
 */
import type { APIRoute } from 'astro';
import { getCampaign } from '../appeal/campaign';
import { problemResponse, tallyResponse } from './http';
import { orOutage } from './storage/pool';
import { readTally } from './storage/tally';
import type { Tally } from './tally';

export interface TallyFormat {
  contentType: string;
  body(tally: Tally): string;
  /** Headers beyond caching, e.g. a download's file name. */
  headers?: Record<string, string>;
}

export function tallyRoute(format: TallyFormat): { GET: APIRoute; HEAD: APIRoute; ALL: APIRoute } {
  const GET: APIRoute = async ({ request, locals }) => {
    const { choices } = await getCampaign();
    const read = await orOutage(() => readTally(choices));
    if (!read.ok)
      return problemResponse(503, locals.i18n.t.thanksTallyUnavailable, {
        headers: { 'retry-after': String(read.retryAfterSeconds) },
      });
    const response = await tallyResponse(request, format.body(read.value), format.contentType);
    for (const [name, value] of Object.entries(format.headers ?? {}))
      response.headers.set(name, value);
    return response;
  };
  return {
    GET,
    HEAD: (context) => GET(context),
    // Anything but GET or HEAD: say which methods work.
    ALL: ({ locals }) =>
      problemResponse(405, locals.i18n.t.tallyWrongMethod, { headers: { allow: 'GET, HEAD' } }),
  };
}
