/** HTTP pieces of the report routes: bounded body reading, problem details, tally caching. */
import type { ReportProblem } from './schema';
import type { Tally } from './tally';

/** Largest report body accepted; a filled form is a few hundred bytes. */
export const reportBodyLimit = 4_096;

/** What the on-demand problem page (src/pages/[...locale]/report-problem.astro) is asked to show. */
export interface ReportProblemPage {
  status: 413 | 422 | 429 | 503;
  problems: readonly string[];
  retryAfterSeconds?: number;
}

declare global {
  namespace App {
    interface Locals {
      /** Set by /api/reports before it rewrites a failed form post to the problem page. */
      reportProblemPage?: ReportProblemPage;
    }
  }
}

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Reads at most `limit` bytes; Content-Length is only a shortcut, the count is of bytes received. */
export async function readBodyWithLimit(request: Request, limit = reportBodyLimit): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The media type of a request, lower case, without parameters. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

const noStore = { 'cache-control': 'no-store' };

/** RFC 9457 problem details; `errors` names each invalid field for the form to show inline. */
export function problemResponse(
  status: number,
  title: string,
  detail: string,
  extra: { errors?: readonly ReportProblem[]; headers?: Record<string, string> } = {},
): Response {
  const errors = extra.errors?.map((problem) => ({ ...problem, pointer: problem.field === 'report' ? '#' : `#/${problem.field.replaceAll('.', '/')}` }));
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) }), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...noStore, ...extra.headers },
  });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...noStore, ...headers } });
}

/** Browsers keep the tally briefly; Netlify's CDN serves it for a short window and refreshes it in the background. */
export const tallyCacheHeaders = {
  'cache-control': 'public, max-age=5, must-revalidate',
  'netlify-cdn-cache-control': 'public, durable, s-maxage=10, stale-while-revalidate=60',
} as const;

/** A strong ETag from the tally's content, so any change of a number changes it. */
export async function tallyEtag(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  return `"${Array.from(digest.subarray(0, 12), (byte) => byte.toString(16).padStart(2, '0')).join('')}"`;
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The JSON answer to a report: the same shape for new and repeated ids, told apart by status. */
export function reportAnswer(created: boolean, id: string, tally: Tally) {
  return { status: created ? 'recorded' : 'already-recorded', id, tally } as const;
}
