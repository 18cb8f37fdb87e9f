/**
 * Every interface string, one table per language in content/strings/<lang>.yaml: pages, the report
 * form and the report API's messages. This schema names every key once, with the placeholders its
 * text must keep, so a table that misses a key, has one the site does not use, or drops a
 * placeholder stops the build with a message naming it.
 */
import { z } from 'astro/zod';
import { fields } from '../appeal/schema';
import { reportProblemCodes, type ReportProblemCode } from '../reports/problems';
import { placeholdersOf, type Message } from './format';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name) => b.includes(name));

function keepsPlaceholders<T extends Message>(placeholders: readonly string[]) {
  const expected = placeholders.map((name) => `{${name}}`).join(', ') || 'no placeholders';
  return (message: T) => sameSet(placeholdersOf(message), placeholders) || `This text must use exactly ${expected}.`;
}

/** A text; `placeholders` are the "{names}" the site fills in, which every language keeps. */
function text(...placeholders: string[]) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'This text is missing: every language needs it.' : 'Write this as text.') })
    .trim()
    .min(1, 'This text is empty.')
    .refine((value) => keepsPlaceholders(placeholders)(value) === true, { error: (issue) => String(keepsPlaceholders(placeholders)(issue.input as string)) });
}

/**
 * A text that depends on a number: one form per plural category the language has ("one", "other";
 * Arabic also "zero", "two", "few", "many"), each with "{count}" where the number goes.
 */
function plural(...placeholders: string[]) {
  const all = ['count', ...placeholders];
  const form = z.string().trim().min(1);
  return z
    .strictObject(
      { zero: form.optional(), one: form.optional(), two: form.optional(), few: form.optional(), many: form.optional(), other: form },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? 'Plural forms are named zero, one, two, few, many and other.' : 'Give this text as plural forms: one: … and other: …, each with {count}.') },
    )
    .refine((message) => Object.values(message).every((value) => value === undefined || placeholdersOf(value).every((name) => all.includes(name))), {
      error: `Each form may use only ${all.map((name) => `{${name}}`).join(', ')}.`,
    });
}

const problems = fields(
  Object.fromEntries(reportProblemCodes.map((code) => [code, code === 'count-too-many' || code === 'counts-too-many' ? text('max') : text()])) as Record<
    ReportProblemCode,
    ReturnType<typeof text>
  >,
);

export const stringsSchema = fields({
  // The frame of every page
  switchTo: text().describe('Link to this edition, written in its own language, shown on the other editions.'),
  siteName: text().describe('Kicker above every page, before the Urgent Action number.'),
  skipToContent: text(),
  urgentAction: text(),
  aboutHeading: text(),
  uaNumber: text(),
  nameAndPronoun: text(),
  previousUa: text(),
  source: text(),
  tallyLink: text(),
  // The appeal page
  deadlineLabel: text(),
  deadlinePassed: text(),
  takeAction: text(),
  officialsHeading: text(),
  officialsIntro: text(),
  preferredLanguage: text(),
  moreInfoHeading: text(),
  // Ways to reach an official
  email: text(),
  emailIn: text(),
  mailApp: text(),
  gmail: text(),
  outlook: text(),
  phone: text(),
  fax: text(),
  postalAddress: text(),
  printLetter: text(),
  social: text(),
  postOnX: text(),
  instagram: text(),
  contactForm: text(),
  contactFormLink: text(),
  copyAddress: text(),
  copyFax: text(),
  copyEmail: text(),
  copyLetter: text(),
  copied: text(),
  copyFallback: text(),
  // The sample letter
  letterHeading: text(),
  letterIntro: text(),
  letterLanguages: text(),
  letterTo: text(),
  personalize: text(),
  personalizeNote: text(),
  yourName: text(),
  yourPlace: text(),
  translationOf: text(),
  // The printable letter
  printHeading: text(),
  printButton: text(),
  printBack: text(),
  printHint: text(),
  senderName: text(),
  senderAddress: text(),
  date: text(),
  // The report form
  reportHeading: text(),
  reportIntro: text(),
  reportTargets: text(),
  reportChannels: text(),
  reportChannelsHint: text(),
  reportLanguage: text(),
  reportLanguageOther: text(),
  reportCountry: text(),
  reportCountryNone: text(),
  reportHoneypot: text(),
  reportSubmit: text(),
  reportSending: text(),
  reportProblemsHeading: text(),
  reportSent: text(),
  reportAlreadySent: text(),
  reportRetrying: text(),
  reportFailed: text(),
  reportRateLimited: text(),
  tallyActions: plural().describe('"12 actions reported": the tally\'s actions, counted.'),
  tallyReports: plural().describe('"5 reports": the tally\'s reports, counted.'),
  tallyLine: text('actions', 'reports').describe('The running tally under the form: {actions} and {reports} are the two texts above.'),
  // Answers to a report sent without JavaScript
  reportProblemTitle: text(),
  reportProblemIntro: text(),
  reportProblemBack: text(),
  reportTooLarge: text(),
  reportTooMany: text('minutes'),
  reportUnavailable: text(),
  reportCrossSite: text().describe('The answer to a report posted from another site\'s page.'),
  reportWrongType: text().describe('The API\'s answer to a request that is neither JSON nor a form.'),
  reportWrongMethod: text().describe('The API\'s answer to anything but POST on /api/reports.'),
  tallyWrongMethod: text().describe('The API\'s answer to anything but GET on /api/tally.'),
  serverError: text().describe('The API\'s answer when something unexpected went wrong on the server.'),
  problems: problems.describe('What the report form says about each problem, by its code.'),
  // Thanks, tally and missing pages
  notFoundTitle: text(),
  notFoundText: text(),
  notFoundLink: text(),
  thanksTitle: text(),
  thanksText: text(),
  thanksTally: text(),
  thanksActions: text(),
  thanksReports: text(),
  thanksByChannel: text(),
  thanksByTarget: text(),
  thanksTallyUnavailable: text(),
  thanksBack: text(),
  tallyTitle: text(),
  tallyIntro: text('ua'),
  tallyHow: text(),
  tallyUpdated: text(),
});

export type Strings = z.infer<typeof stringsSchema>;
