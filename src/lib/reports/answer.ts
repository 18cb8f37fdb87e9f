/**
 * A report's outcome in words and on the wire, the same for every way in: the status, the headers
 * (when to retry, which types are accepted), and why a report was not counted, in the reader's
 * language. The API answers it as JSON; the report page shows the same words. Server only.
 */
import type { I18n } from '../i18n/translator';
import { jsonResponse, problemResponse, retryAfter } from '../http/responses';
import { explainProblems, type ExplainedProblem } from './problems';
import type { ReportOutcome } from './intake';

/** Any outcome but a counted report. */
export type Refusal = Exclude<ReportOutcome, { kind: 'recorded' }>;

/** The HTTP status of each outcome. */
export function outcomeStatus(outcome: ReportOutcome): number {
  switch (outcome.kind) {
    case 'recorded':
      return outcome.created ? 201 : 200;
    case 'invalid':
      return 422;
    case 'unsupported-type':
      return 415;
    case 'cross-site':
      return 403;
    case 'too-large':
      return 413;
    case 'rate-limited':
      return 429;
    case 'unavailable':
      return 503;
  }
}

/** The headers an outcome's answer carries besides its body's type: when to retry, what to send. */
export function outcomeHeaders(outcome: ReportOutcome): Record<string, string> {
  if (outcome.kind === 'unsupported-type') {
    return { accept: 'application/json, application/x-www-form-urlencoded' };
  }
  return 'retryAfterSeconds' in outcome ? retryAfter(outcome.retryAfterSeconds) : {};
}

/**
 * Why a report was not counted, in the reader's language: one line per problem, and for an invalid
 * report the fields the lines belong to.
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

/** A report's outcome as the API answers it, in the request's language. */
export function outcomeAsJson(outcome: ReportOutcome, i18n: I18n): Response {
  const status = outcomeStatus(outcome);
  if (outcome.kind === 'recorded') {
    // The same shape for new and repeated ids, told apart by status.
    return jsonResponse(status, {
      status: outcome.created ? 'recorded' : 'already-recorded',
      id: outcome.id,
      tally: outcome.tally,
    });
  }
  const { lines, fields } = explainRefusal(outcome, i18n);
  const errors = fields.map((problem) => ({
    ...problem,
    pointer: problem.field === 'report' ? '#' : `#/${problem.field.replaceAll('.', '/')}`,
  }));
  return problemResponse(status, lines.join(' '), {
    headers: outcomeHeaders(outcome),
    ...(outcome.kind === 'invalid' ? { errors } : {}),
  });
}
