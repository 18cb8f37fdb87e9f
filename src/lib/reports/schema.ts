/**
 * The action report: one schema for the browser and the server, the same rules and the same
 * messages on both sides. Browser-safe: no Node or Astro imports, and zod's tree-shakable "mini"
 * build, so the browser fetches a few kilobytes of rules rather than all of zod.
 */
import * as z from 'zod/mini';
import { channels, otherLanguage, type Channel } from '../appeal/vocabulary';
import type { Language } from '../i18n/languages';
import type { ReportChoices } from './choices';
import { isCountryCode } from './countries';
import { isReportProblemCode, type ReportProblem, type ReportProblemCode } from './problems';

/** Caps per report; netlify/database/migrations mirror them in CHECK constraints. */
export const reportLimits = {
  /** Most actions one report may count on one channel. */
  perChannel: 50,
  /** Most actions one report may count in all. */
  perReport: 100,
  /** Longest value accepted in the honeypot field before the report is refused outright. */
  honeypotLength: 1_000,
} as const;

/** Languages a supporter may say they wrote in: the site's own, or another one. */
export function reportLanguages(languages: readonly Language[]): string[] {
  return [...languages, otherLanguage];
}

/** Form field names; the same names are the JSON keys and the keys of per-field problems. */
export const reportFields = {
  id: 'id',
  targets: 'targets',
  counts: 'counts',
  count: (channel: Channel) => `counts.${channel}` as const,
  language: 'language',
  country: 'country',
  /** Honeypot: hidden from people, left empty by them, filled in by bots. */
  honeypot: 'website',
  startedAt: 'startedAt',
} as const;

const count = z.optional(
  z
    .int({ error: 'count-not-whole' })
    .check(
      z.minimum(0, { error: 'count-negative' }),
      z.maximum(reportLimits.perChannel, { error: 'count-too-many' }),
    ),
);

/**
 * Actions per channel: only the campaign's channels may be named, and one left out counts 0. The
 * result names every channel, so stored reports all have the same shape.
 */
function countsOf(campaignChannels: readonly Channel[]) {
  const shape = Object.fromEntries(campaignChannels.map((channel) => [channel, count])) as {
    [channel in Channel]?: typeof count;
  };
  return z
    .pipe(
      z.strictObject(shape, {
        error: (issue) =>
          issue.input === undefined
            ? 'counts-none'
            : issue.code === 'unrecognized_keys'
              ? 'field-unknown'
              : 'field-invalid',
      }),
      z.transform(
        (given: Partial<Record<Channel, number | undefined>>) =>
          Object.fromEntries(channels.map((channel) => [channel, given[channel] ?? 0])) as Record<
            Channel,
            number
          >,
      ),
    )
    .check((context) => {
      const total = totalActions(context.value);
      if (total === 0)
        context.issues.push({ code: 'custom', input: context.value, message: 'counts-none' });
      if (total > reportLimits.perReport)
        context.issues.push({ code: 'custom', input: context.value, message: 'counts-too-many' });
    });
}

/** Schemas are built per campaign; the server asks for the same one on every request. */
const schemas = new Map<string, ReturnType<typeof buildReportSchema>>();

/**
 * The report schema for the officials, channels and languages the content names (content/targets/,
 * content/appeal/). They are passed in so this module never repeats who or what they are.
 */
function reportSchema(choices: ReportChoices) {
  const key = [choices.targets, choices.channels, choices.languages]
    .map((list) => list.join(','))
    .join('|');
  let schema = schemas.get(key);
  if (!schema) schemas.set(key, (schema = buildReportSchema(choices)));
  return schema;
}

function buildReportSchema({
  targets: targetIds,
  channels: campaignChannels,
  languages,
}: ReportChoices) {
  if (targetIds.length === 0)
    throw new Error('A report needs at least one official to name: content/targets/ is empty.');
  const target = z.enum(targetIds as [string, ...string[]], { error: 'targets-unknown' });
  return z.strictObject(
    {
      /** Made once per filled form by the browser (crypto.randomUUID()) and re-sent on every retry. */
      id: z.pipe(
        z.uuid({ error: 'id-invalid' }),
        z.transform((id) => id.toLowerCase()),
      ),
      /** The officials the supporter wrote to, by their content id. */
      targets: z
        .array(target, {
          error: (issue) => (issue.input === undefined ? 'targets-missing' : 'field-invalid'),
        })
        .check(
          z.minLength(1, { error: 'targets-missing' }),
          z.maxLength(targetIds.length, { error: 'targets-unknown' }),
          z.refine((chosen) => new Set(chosen).size === chosen.length, {
            error: 'targets-unknown',
          }),
        ),
      /** How many actions on each channel. */
      counts: countsOf(campaignChannels),
      /** Language the supporter wrote in, or "other". */
      language: z.enum(reportLanguages(languages) as [string, ...string[]], {
        error: 'language-invalid',
      }),
      /** Optional ISO 3166-1 alpha-2 code of where the supporter is. */
      country: z.optional(
        z.pipe(
          z
            .pipe(
              z
                .string({ error: 'country-invalid' })
                .check(z.maxLength(8, { error: 'country-invalid' })),
              // Only ASCII letters are upper-cased: "ß" must not become "SS".
              z.transform((code: string) =>
                code.trim().replace(/[a-z]/g, (letter) => letter.toUpperCase()),
              ),
            )
            .check(
              z.refine((code) => code === '' || isCountryCode(code), { error: 'country-invalid' }),
            ),
          z.transform((code: string) => (code === '' ? undefined : code)),
        ),
      ),
      /** Honeypot: people leave it empty; a filled one keeps the report out of the tally. */
      website: z.optional(
        z
          .string({ error: 'field-invalid' })
          .check(z.maxLength(reportLimits.honeypotLength, { error: 'field-invalid' })),
      ),
      /** When the form was shown, in milliseconds since 1970 (Date.now()). */
      startedAt: z
        .int({ error: 'started-invalid' })
        .check(
          z.minimum(0, { error: 'started-invalid' }),
          z.maximum(Number.MAX_SAFE_INTEGER, { error: 'started-invalid' }),
        ),
    },
    {
      error: (issue) => (issue.code === 'unrecognized_keys' ? 'field-unknown' : 'body-unreadable'),
    },
  );
}

type ReportSchema = ReturnType<typeof reportSchema>;
/** A report that passed the schema: every channel has a count, the id is lower case. */
export type Report = z.output<ReportSchema>;

export function totalActions(counts: Readonly<Record<Channel, number>>): number {
  return channels.reduce((sum, channel) => sum + counts[channel], 0);
}

const limitOf: Partial<Record<ReportProblemCode, number>> = {
  'count-too-many': reportLimits.perChannel,
  'counts-too-many': reportLimits.perReport,
};

/** Zod's issues as problem codes: one per field. */
function reportProblems(error: z.core.$ZodError): ReportProblem[] {
  const problems = new Map<string, ReportProblem>();
  const add = (path: readonly PropertyKey[], message: string) => {
    // Array positions ("targets.0") belong to the group of checkboxes, not to one box.
    const field = path.filter((part) => typeof part === 'string').join('.') || 'report';
    const code = isReportProblemCode(message) ? message : 'field-invalid';
    const max = limitOf[code];
    if (!problems.has(field))
      problems.set(field, max === undefined ? { field, code } : { field, code, max });
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys')
      for (const key of issue.keys) add([...issue.path, key], issue.message);
    else add(issue.path, issue.message);
  }
  return [...problems.values()];
}

export type ReportCheck =
  { success: true; report: Report } | { success: false; problems: ReportProblem[] };

/** Validates a parsed body (JSON, or reportFromForm's result) against the report schema. */
export function checkReport(input: unknown, choices: ReportChoices): ReportCheck {
  const result = reportSchema(choices).safeParse(input);
  return result.success
    ? { success: true, report: result.data }
    : { success: false, problems: reportProblems(result.error) };
}
