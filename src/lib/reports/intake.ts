/**
 * The report pipeline, the same for every way in (the API's JSON and the report page's form post):
 * receiveReport reads the request once, checks the report and stores it, and gives one outcome;
 * the route answers it (answer.ts) as JSON or as a page. Nothing here depends on the language the
 * answer is written in.
 */
import { orOutage } from '../database/pool';
import type { Headline } from '../tally/tally';
import type { ReportChoices } from './choices';
import { formReportId } from './client';
import { reportFromForm } from './form';
import type { ReportProblem } from './problems';
import { automatedSignals } from './review';
import { checkReport } from './schema';
import { reportSettings, type ReportSettings } from './settings';
import { recordReport } from './storage';

/** Largest report body accepted; a filled form is a few hundred bytes. */
const reportBodyLimit = 4_096;

const formType = 'application/x-www-form-urlencoded';
const jsonType = 'application/json';

/** Everything that can come of a report request, whichever way it came in. */
export type ReportOutcome =
  | { kind: 'recorded'; created: boolean; id: string; tally: Headline }
  | { kind: 'invalid'; problems: ReportProblem[] }
  | { kind: 'unsupported-type' }
  | { kind: 'cross-site' }
  | { kind: 'too-large' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'unavailable'; retryAfterSeconds: number };

/** A request read once: either an outcome already (it cannot be a report) or the input to check. */
type ReadRequest =
  { outcome: ReportOutcome } | { input: unknown; form: URLSearchParams | undefined };

/** The media type of a request, lower case, without parameters. */
function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Reads at most `limit` bytes; Content-Length is only a shortcut, the count is of bytes received. */
async function readBodyWithLimit(request: Request, limit = reportBodyLimit): Promise<Uint8Array> {
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

const unreadable = (): ReportOutcome => ({
  kind: 'invalid',
  problems: [{ field: 'report', code: 'body-unreadable' }],
});

/**
 * Whether a browser sent the request from another site's page (a forged form post, say): its Origin
 * is not the site's, or, without an Origin, Sec-Fetch-Site says so. A request with neither is no
 * browser's, which could set both; the rate limit and the surge guard are what stop those.
 */
function isCrossSite(request: Request, siteOrigin: string): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null) return origin !== siteOrigin;
  const fetchSite = request.headers.get('sec-fetch-site');
  return fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none';
}

/**
 * Reads a report request: its type, where it comes from, its body within the limit, as JSON or as
 * a form. A form without an id (no JavaScript on the page) gets one derived from it, so a
 * resubmitted page counts once.
 */
async function readReportRequest(
  request: Request,
  client: string,
  receivedAt: number,
  settings: ReportSettings,
): Promise<ReadRequest> {
  const type = mediaType(request);
  if (type !== jsonType && type !== formType) return { outcome: { kind: 'unsupported-type' } };
  if (isCrossSite(request, new URL(request.url).origin)) return { outcome: { kind: 'cross-site' } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readBodyWithLimit(request));
  } catch (error) {
    return { outcome: error instanceof BodyTooLargeError ? { kind: 'too-large' } : unreadable() };
  }
  if (type === formType) {
    const form = new URLSearchParams(text);
    return {
      input: reportFromForm(form, () => formReportId(text, client, receivedAt, settings.salt)),
      form,
    };
  }
  try {
    return { input: JSON.parse(text), form: undefined };
  } catch {
    return { outcome: unreadable() };
  }
}

/** What handling a report needs to know of the campaign: what a report may name, and its time zone (for the tally's days). */
export interface CampaignIntake {
  choices: ReportChoices;
  timeZone: string;
}

/** Checks the report, then stores it under the per-client and campaign-wide limits. */
async function handleReport(
  input: unknown,
  client: string,
  receivedAt: number,
  intake: CampaignIntake,
  settings: ReportSettings,
): Promise<ReportOutcome> {
  const checked = checkReport(input, intake.choices);
  if (!checked.success) return { kind: 'invalid', problems: checked.problems };
  const { report } = checked;
  // A bot that filled the honeypot or sent the form too fast is stored, held, and answered like a person.
  const stored = await orOutage(() =>
    recordReport(
      report,
      automatedSignals(report, receivedAt, settings.minFillMs),
      client,
      receivedAt,
      intake.timeZone,
      settings,
    ),
  );
  if (!stored.ok) return { kind: 'unavailable', retryAfterSeconds: stored.retryAfterSeconds };
  const outcome = stored.value;
  return outcome.kind === 'recorded'
    ? { kind: 'recorded', created: outcome.created, id: report.id, tally: outcome.tally }
    : outcome;
}

/** The address Netlify saw; locally it may be missing, and then every client shares one limit. */
function clientAddressOf(context: { clientAddress: string }): string {
  try {
    return context.clientAddress || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * One report request from its bytes to its outcome, the same for every way in. `form` is what a
 * form post sent, for the page to show again when the report is not counted.
 */
export async function receiveReport(
  context: { request: Request; clientAddress: string },
  intake: CampaignIntake,
): Promise<{ outcome: ReportOutcome; form?: URLSearchParams | undefined }> {
  const receivedAt = Date.now();
  const settings = reportSettings();
  const client = clientAddressOf(context);
  const read = await readReportRequest(context.request, client, receivedAt, settings);
  if ('outcome' in read) return { outcome: read.outcome };
  return {
    outcome: await handleReport(read.input, client, receivedAt, intake, settings),
    form: read.form,
  };
}
