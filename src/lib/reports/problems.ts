/**
 * What can be wrong with a report, as stable codes. The rules raise codes, never sentences: each
 * language's table in content/strings/ says them in words (its "problems" section). Browser-safe.
 */
import { format, type Message } from '../i18n/format.ts';

export const reportProblemCodes = [
  'body-unreadable',
  'field-unknown',
  'field-invalid',
  'id-invalid',
  'targets-missing',
  'targets-unknown',
  'count-not-whole',
  'count-negative',
  'count-too-many',
  'counts-none',
  'counts-too-many',
  'language-invalid',
  'country-invalid',
  'started-invalid',
] as const;
export type ReportProblemCode = (typeof reportProblemCodes)[number];

export function isReportProblemCode(value: string): value is ReportProblemCode {
  return (reportProblemCodes as readonly string[]).includes(value);
}

/** One thing wrong with a report, keyed by form field name so it can be shown next to the field. */
export interface ReportProblem {
  /** Form field name ("targets", "counts.email"), or "report" for the report as a whole. */
  field: string;
  code: ReportProblemCode;
  /** The limit a "too many" problem refers to. */
  max?: number;
}

/** A problem explained to a supporter, from the "problems" section of their language's strings. */
export interface ExplainedProblem extends ReportProblem {
  message: string;
}

export function explainProblems(
  problems: readonly ReportProblem[],
  messages: Readonly<Record<ReportProblemCode, Message>>,
  lang: string,
): ExplainedProblem[] {
  return problems.map((problem) => ({
    ...problem,
    message: format(
      lang,
      messages[problem.code],
      problem.max === undefined ? {} : { max: problem.max },
    ),
  }));
}
