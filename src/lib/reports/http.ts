/** The report pipeline's answers: a refusal in words, the API's problem details and JSON, tally caching. Server only. */
import type { I18n } from '../i18n/translator';
import { explainProblems, type ExplainedProblem } from './problems';
import { outcomeStatus, type ReportOutcome } from './intake';

const noStore = { 'cache-control': 'no-store' };

/** The HTTP status phrases RFC 9457 recommends as titles when the problem type is about:blank. */
const statusTitles: Record<number, string> = {
  403: 'Forbidden',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * RFC 9457 problem details: the detail in the request's language; `errors` names each invalid
 * field (with a JSON pointer) for the form to show beside it.
 */
export function problemResponse(
  status: number,
  detail: string,
  extra: { errors?: readonly object[]; headers?: Record<string, string> } = {},
): Response {
  const body = {
    type: 'about:blank',
    title: statusTitles[status] ?? 'Error',
    status,
    detail,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      ...noStore,
      ...extra.headers,
    },
  });
}

function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...noStore, ...headers },
  });
}

/** Any outcome but a counted report. */
export type Refusal = Exclude<ReportOutcome, { kind: 'recorded' }>;

/**
 * Why a report was not counted, in the reader's language: one line per problem, and for an invalid
 * report the fields the lines belong to. The API and the report page both say it this way.
 */
export function explainRefusal(
  outcome: Refusal,
  { t, format, lang }: I18n,
): { lines: string[]; fields: ExplainedProblem[] } {
  const line = (text: string) => ({ lines: [text], fields: [] });
  switch (outcome.kind) {
    case 'invalid': {
      const fields = explainProblems(outcome.problems, t.problems, lang);
      return { lines: fields.map((problem) => problem.message), fields };
    }
    case 'unsupported-type':
      return line(t.reportWrongType);
    case 'cross-site':
      return line(t.reportCrossSite);
    case 'too-large':
      return line(t.reportTooLarge);
    case 'rate-limited':
      return line(format(t.reportTooMany, { minutes: Math.ceil(outcome.retryAfterSeconds / 60) }));
    case 'unavailable':
      return line(t.reportUnavailable);
  }
}

/** Retry-After for an outcome that has one. */
const retryAfterOf = (outcome: ReportOutcome): Record<string, string> =>
  'retryAfterSeconds' in outcome ? { 'retry-after': String(outcome.retryAfterSeconds) } : {};

/** A report's outcome as the API answers it, in the request's language. */
export function outcomeAsJson(outcome: ReportOutcome, i18n: I18n): Response {
  const status = outcomeStatus(outcome);
  // The same shape for new and repeated ids, told apart by status.
  if (outcome.kind === 'recorded')
    return jsonResponse(status, {
      status: outcome.created ? 'recorded' : 'already-recorded',
      id: outcome.id,
      tally: outcome.tally,
    });
  const { lines, fields } = explainRefusal(outcome, i18n);
  const headers =
    outcome.kind === 'unsupported-type'
      ? { accept: 'application/json, application/x-www-form-urlencoded' }
      : retryAfterOf(outcome);
  if (outcome.kind !== 'invalid') return problemResponse(status, lines.join(' '), { headers });
  const errors = fields.map((problem) => ({
    ...problem,
    pointer: problem.field === 'report' ? '#' : `#/${problem.field.replaceAll('.', '/')}`,
  }));
  return problemResponse(status, lines.join(' '), { errors });
}

/** Browsers keep the tally briefly; Netlify's CDN serves it for a short window and refreshes it in the background. */
export const tallyCacheHeaders = {
  'cache-control': 'public, max-age=5, must-revalidate',
  'netlify-cdn-cache-control': 'public, durable, s-maxage=10, stale-while-revalidate=60',
} as const;

/** A strong ETag from the tally's content, so any change of a number changes it. */
async function tallyEtag(body: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)),
  );
  return `"${Array.from(digest.subarray(0, 12), (byte) => byte.toString(16).padStart(2, '0')).join('')}"`;
}

/**
 * The tally in one format, cacheable as the API promises: the CDN keeps it briefly and revalidates
 * in the background; a client that has these figures already gets 304.
 */
export async function tallyResponse(
  request: Request,
  body: string,
  contentType: string,
): Promise<Response> {
  const etag = await tallyEtag(body);
  const headers = { etag, ...tallyCacheHeaders };
  if (etagMatches(request.headers.get('if-none-match'), etag))
    return new Response(null, { status: 304, headers });
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { 'content-type': contentType, ...headers },
  });
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The address Netlify saw; locally it may be missing, and then every client shares one limit. */
export function clientAddressOf(context: { clientAddress: string }): string {
  try {
    return context.clientAddress || 'unknown';
  } catch {
    return 'unknown';
  }
}
