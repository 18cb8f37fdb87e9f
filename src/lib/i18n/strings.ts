/**
 * Every interface string, one table per language in content/strings/<lang>.yaml: pages, the report
 * form and the report API's messages. This schema names every key once, with the placeholders its
 * text must keep, so a table that misses a key, has one the site does not use, or drops a
 * placeholder stops the build with a message naming it.
 */
import { z } from 'astro/zod';
import { fields } from '../appeal/schema.ts';
import { reportProblemCodes, type ReportProblemCode } from '../reports/problems.ts';
import { placeholdersOf, type Message } from './format.ts';
import { isLanguageTag } from './languages.ts';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name) => b.includes(name));

function keepsPlaceholders<T extends Message>(placeholders: readonly string[]) {
  const expected = placeholders.map((name) => `{${name}}`).join(', ') || 'no placeholders';
  return (message: T) =>
    sameSet(placeholdersOf(message), placeholders) || `This text must use exactly ${expected}.`;
}

/** A text; `placeholders` are the "{names}" the site fills in, which every language keeps. */
function text(...placeholders: string[]) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'This text is missing: every language needs it.'
          : 'Write this as text.',
    })
    .trim()
    .min(1, 'This text is empty.')
    .refine((value) => keepsPlaceholders(placeholders)(value) === true, {
      error: (issue) => String(keepsPlaceholders(placeholders)(issue.input as string)),
    });
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
      {
        zero: form.optional(),
        one: form.optional(),
        two: form.optional(),
        few: form.optional(),
        many: form.optional(),
        other: form,
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? 'Plural forms are named zero, one, two, few, many and other.'
            : 'Give this text as plural forms: one: … and other: …, each with {count}.',
      },
    )
    .refine(
      (message) =>
        Object.values(message).every(
          (value) =>
            value === undefined || placeholdersOf(value).every((name) => all.includes(name)),
        ),
      {
        error: `Each form may use only ${all.map((name) => `{${name}}`).join(', ')}.`,
      },
    );
}

const problems = fields(
  Object.fromEntries(
    reportProblemCodes.map((code) => [
      code,
      code === 'count-too-many' || code === 'counts-too-many' ? text('max') : text(),
    ]),
  ) as Record<ReportProblemCode, ReturnType<typeof text>>,
);

export const stringsSchema = fields({
  locale: z
    .string({
      error:
        'Give the regional variant dates and country names follow, such as "en-GB" or "es-419".',
    })
    .refine(isLanguageTag, 'Write a language code with its region, such as "en-GB" or "es-419".')
    .describe(
      "The regional variant this edition's dates and country names follow; numbers follow the language itself.",
    ),
  label: text('label').describe(
    'How a label stands before what it labels, with the punctuation of this language: "{label}:" in English, "{label}\u00a0:" in French (a no-break space before the colon).',
  ),
  // The frame of every page
  switchTo: text().describe(
    'Link to this edition, written in its own language, shown on the other editions.',
  ),
  siteName: text().describe('Kicker at the top of every page, before the Urgent Action number.'),
  skipToContent: text(),
  urgentAction: text(),
  aboutHeading: text(),
  uaNumber: text(),
  source: text(),
  tallyLink: text(),
  updatesFeed: text(),
  // The appeal page
  deadlineLabel: text(),
  deadlinePastLabel: text(),
  deadlinePassed: text(),
  pastDeadlineNext: text().describe(
    "Next step shown with the appeal's own after-deadline guidance, once the deadline has passed.",
  ),
  writeToOfficials: text().describe("The first call to action on the appeal's first screen."),
  takeAction: text(),
  officialsHeading: text(),
  officialsIntro: text(),
  preferredLanguage: text(),
  moreInfoHeading: text(),
  // An official's card
  emailOfficial: text('name').describe(
    "The main action on an official's card when they have an email address.",
  ),
  callOfficial: text('name'),
  formOfficial: text('name'),
  printOfficial: text('name'),
  email: text(),
  letterIn: text('language').describe(
    "Before the ways of opening the letter in one language: {language} is its name in the page's language.",
  ),
  mailApp: text(),
  gmail: text(),
  outlook: text(),
  outlookWork: text(),
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
  translatedLetter: text('language').describe(
    "Beside a translated letter: {language} names the original's language.",
  ),
  // The printable letter
  printTitle: text('name'),
  printButton: text(),
  printBack: text(),
  printHint: text(),
  printHintDated: text(),
  senderName: text(),
  senderAddress: text(),
  date: text(),
  // The report form
  reportHeading: text(),
  reportIntro: text(),
  reportClosedHeading: text(),
  reportClosedIntro: text(),
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
  tallyLine: text('actions', 'reports').describe(
    'The running tally on the appeal: {actions} and {reports} are the two texts above.',
  ),
  // Answers to a report
  reportProblemTitle: text(),
  reportProblemIntro: text(),
  reportTooLarge: text(),
  reportTooMany: text('minutes'),
  reportUnavailable: text(),
  reportCrossSite: text(),
  reportWrongType: text(),
  reportWrongMethod: text(),
  tallyWrongMethod: text(),
  serverError: text(),
  problems: problems.describe('What the report form says about each problem, by its code.'),
  // The appeal's life: updates and its outcome
  updatesHeading: text(),
  updateFurtherInformation: text(),
  updateOutcome: text(),
  updateSource: text('document'),
  outcomeThanks: text(),
  closedTally: text('actions', 'reports').describe('The final tally, once the appeal has closed.'),
  readOutcome: text(),
  recordHeading: text('date'),
  recordHeadingUndated: text('date').describe(
    'Heads the appeal kept as the record when content/appeal gives no publication date; {date} is the deadline.',
  ),
  recordIntro: text(),
  closedBanner: text('title', 'date').describe(
    "Top of every other page once the appeal has closed: the outcome's title and date.",
  ),
  // Thanks, the report of actions, and missing pages
  officialsRecordHeading: text().describe(
    'Heads the officials once the appeal has closed, instead of a call to write.',
  ),
  officialsRecordIntro: text(),
  letterRecordIntro: text(),
  thanksTitle: text(),
  thanksText: text(),
  thanksDirect: text().describe(
    'On the thank-you page when it is opened without having sent a report.',
  ),
  thanksPlace: text('actions', 'reports'),
  thanksNext: text(),
  tallyUnavailable: text().describe('Where the figures would be while the database is down.'),
  thanksBack: text(),
  tallyTitle: text('ua'),
  tallyIntro: text('ua', 'title'),
  tallyRange: text('from', 'to'),
  tallyAsOf: text('time'),
  tallyNone: text(),
  tallyHeadlineActions: text(),
  tallyHeadlineReports: text(),
  tallyHeadlineCountries: text(),
  tallyByChannel: text(),
  tallyByDay: text(),
  tallyByTarget: text(),
  tallyByCountry: text(),
  tallyByLanguage: text(),
  tableChannel: text(),
  tableActions: text(),
  tableReports: text(),
  tableDay: text(),
  tableOfficial: text(),
  tableCountry: text(),
  tableLanguage: text(),
  chartByDay: text('from', 'to'),
  chartByChannel: text(),
  otherCountries: text('min').describe(
    'The row that adds up countries with too few reports to name.',
  ),
  countryNotGiven: text(),
  tallyMethodHeading: text(),
  tallyMethod: text('min'),
  tallyCsv: text(),
  tallyPrint: text(),
  notFoundTitle: text(),
  notFoundText: text(),
  notFoundLink: text(),
});

export type Strings = z.infer<typeof stringsSchema>;
