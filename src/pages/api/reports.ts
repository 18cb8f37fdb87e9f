/**
 * POST /api/reports: a supporter reports what they did. JSON from the enhanced form (answers in
 * JSON), or a plain form post without JavaScript (answers with a redirect or an HTML page).
 */
import type { APIContext, APIRoute } from 'astro';
import { getTargets } from '../../lib/appeal/entries';
import { strings } from '../../i18n/ui';
import { localePath, negotiateLanguage, defaultLanguage } from '../../i18n/paths';
import { language as languageSchema, type Language } from '../../lib/appeal/schema';
import { checkReport, reportFields, reportFromForm, reviewReasons, type ReportProblem } from '../../lib/reports/schema';
import { reportMessage } from '../../lib/reports/messages';
import { countClientReport, formReportId, recordReport, StorageUnavailableError } from '../../lib/reports/store';
import {
  BodyTooLargeError,
  jsonResponse,
  mediaType,
  problemResponse,
  readBodyWithLimit,
  reportAnswer,
  reportBodyLimit,
  type ReportProblemPage,
} from '../../lib/reports/http';

export const prerender = false;

const formType = 'application/x-www-form-urlencoded';
const jsonType = 'application/json';

/** The address Netlify saw; locally it may be missing, and then every client shares one limit. */
function clientAddressOf(context: APIContext): string {
  try {
    return context.clientAddress || 'unknown';
  } catch {
    return 'unknown';
  }
}

export const POST: APIRoute = async (context) => {
  const receivedAt = Date.now();
  const { request } = context;
  const type = mediaType(request);
  if (type !== jsonType && type !== formType) {
    return problemResponse(415, 'Unsupported Media Type', `Send the report as ${jsonType} or ${formType}.`, { headers: { accept: `${jsonType}, ${formType}` } });
  }
  // A browser without JavaScript posts the form and reads the answer as a page.
  const fromPage = type === formType && !(request.headers.get('accept') ?? '').includes(jsonType);
  // Answers speak the language of the page the form was on, else the one the request asks for.
  let lang: Language = negotiateLanguage(request.headers.get('accept-language')) ?? defaultLanguage;
  const t = () => strings(lang);
  const fail = (page: ReportProblemPage, title: string, errors?: readonly ReportProblem[]): Response | Promise<Response> => {
    const headers: Record<string, string> = page.retryAfterSeconds ? { 'retry-after': String(page.retryAfterSeconds) } : {};
    if (fromPage) {
      context.locals.reportProblemPage = page;
      return context.rewrite(localePath(lang, '/report-problem'));
    }
    return problemResponse(page.status, title, page.problems.join(' '), { ...(errors ? { errors } : {}), headers });
  };

  const unreadable = (): ReportProblem[] => [{ field: 'report', code: 'body-unreadable', message: reportMessage('body-unreadable', lang) }];

  let text: string;
  // A clone is read so the body stays unread for the rewrite to the problem page.
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readBodyWithLimit(request.clone(), reportBodyLimit));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return fail({ status: 413, problems: [t().reportTooLarge] }, 'Content Too Large');
    const problems = unreadable();
    return fail({ status: 422, problems: problems.map((problem) => problem.message) }, 'Unprocessable Content', problems);
  }

  let input: unknown;
  if (type === jsonType) {
    try {
      input = JSON.parse(text);
    } catch {
      input = undefined;
    }
  } else {
    const form = new URLSearchParams(text);
    const pageLanguage = languageSchema.safeParse(form.get(reportFields.pageLanguage));
    if (pageLanguage.success) lang = pageLanguage.data;
    input = reportFromForm(form, () => formReportId(text, clientAddressOf(context), receivedAt));
  }

  const targetIds = (await getTargets()).map((target) => target.id);
  const checked = input === undefined
    ? { success: false as const, problems: unreadable() }
    : checkReport(input, targetIds, lang);
  if (!checked.success) {
    return fail({ status: 422, problems: checked.problems.map((problem) => problem.message) }, 'Unprocessable Content', checked.problems);
  }

  try {
    const limit = await countClientReport(clientAddressOf(context), receivedAt);
    if (!limit.allowed) {
      const message = t().reportTooMany.replace('{minutes}', String(Math.ceil(limit.retryAfterSeconds / 60)));
      return fail({ status: 429, problems: [message], retryAfterSeconds: limit.retryAfterSeconds }, 'Too Many Requests');
    }
    // A bot that filled the honeypot or sent the form too fast gets the same answer as a person.
    const recorded = await recordReport(checked.report, reviewReasons(checked.report, receivedAt), targetIds);
    if (fromPage) return context.redirect(localePath(lang, '/thanks/'), 303);
    return jsonResponse(recorded.created ? 201 : 200, reportAnswer(recorded.created, checked.report.id, recorded.tally));
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    console.error(error.message, error.cause instanceof Error ? error.cause.message : error.cause);
    return fail({ status: 503, problems: [t().reportUnavailable], retryAfterSeconds: error.retryAfterSeconds }, 'Service Unavailable');
  }
};

/** Anything but POST: say which method works. */
export const ALL: APIRoute = () =>
  problemResponse(405, 'Method Not Allowed', 'Send reports with POST.', { headers: { allow: 'POST' } });
