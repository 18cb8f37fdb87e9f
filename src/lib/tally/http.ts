/**
 * The tally over HTTP: /api/tally and /api/tally.csv, and the pages that show it. Cached briefly by
 * browsers and Netlify's CDN, revalidated with an ETag, and while the database is down answered
 * the same way everywhere: the figures are unavailable, with when to try again. Server only.
 */
import type { APIRoute } from 'astro';
import { problemResponse, retryAfter } from '../http/responses';
import type { ReportChoices } from '../reports/choices';
import { readTallyOrOutage } from './read';
import type { Tally } from './tally';

/** Browsers keep the tally briefly; Netlify's CDN serves it for a short window and refreshes it in the background. */
const cacheHeaders = {
  'cache-control': 'public, max-age=5, must-revalidate',
  'netlify-cdn-cache-control': 'public, durable, s-maxage=10, stale-while-revalidate=60',
} as const;

/** A strong ETag from the tally's content, so any change of a number changes it. */
async function etagOf(body: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)),
  );
  return `"${Array.from(digest.subarray(0, 12), (byte) => byte.toString(16).padStart(2, '0')).join('')}"`;
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

interface TallyFormat {
  contentType: string;
  body(tally: Tally): string;
  /** Headers beyond caching, e.g. a download's file name. */
  headers?: Record<string, string>;
}

/** The routes of the tally in one format: GET and HEAD (304 when the client has these figures), 405 for anything else. */
export function tallyRoute(format: TallyFormat): { GET: APIRoute; HEAD: APIRoute; ALL: APIRoute } {
  const GET: APIRoute = async ({ request, locals }) => {
    const read = await readTallyOrOutage(locals.campaign.choices);
    if (!read.ok) {
      return problemResponse(503, locals.i18n.t.tallyUnavailable, {
        headers: retryAfter(read.retryAfterSeconds),
      });
    }
    const body = format.body(read.value);
    const etag = await etagOf(body);
    const headers = { etag, ...cacheHeaders, ...format.headers };
    if (etagMatches(request.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      headers: { 'content-type': format.contentType, ...headers },
    });
  };
  return {
    GET,
    HEAD: (context) => GET(context),
    // Anything but GET or HEAD: say which methods work.
    ALL: ({ locals }) =>
      problemResponse(405, locals.i18n.t.tallyWrongMethod, { headers: { allow: 'GET, HEAD' } }),
  };
}

/**
 * The tally for a page rendered on request, or undefined while the database is down (the page
 * then says the figures are unavailable). `cached`: the page may be kept as the API is; a page
 * whose subject is the tally answers 503 during an outage, with when to try again.
 */
export async function tallyForPage(
  response: ResponseInit & { headers: Headers },
  choices: ReportChoices,
  { cached, essential }: { cached: boolean; essential: boolean },
): Promise<Tally | undefined> {
  const read = await readTallyOrOutage(choices);
  const headers: Record<string, string> = read.ok
    ? cached
      ? cacheHeaders
      : { 'cache-control': 'no-store' }
    : { 'cache-control': 'no-store', ...retryAfter(read.retryAfterSeconds) };
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (!read.ok && essential) response.status = 503;
  return read.ok ? read.value : undefined;
}
