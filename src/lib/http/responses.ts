/** The site's JSON answers from its on-demand routes: RFC 9457 problem details and plain JSON, never cached unless a route says so. Server only. */

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

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...noStore },
  });
}

/** Retry-After, in whole seconds. */
export const retryAfter = (seconds: number) => ({ 'retry-after': String(seconds) });
