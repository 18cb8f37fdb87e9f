/**
 * The content's schemas: one per kind of file in content/. Every message is written for the
 * campaigner editing the file, with an example that belongs to no real appeal; each field says
 * one thing when it is wrong. What crosses files (a language missing from an official's file) is
 * checked in check.ts. Runs on plain Node too (the content check at configuration time).
 */
import { z } from 'astro/zod';
import { isLanguageTag } from '../i18n/languages.ts';
import { channels, type Channel } from './vocabulary.ts';

/** A language code as BCP 47 writes it ("es", "en", "pt-BR"); which ones the site publishes comes from content/appeal/. */
const language = z
  .string({ error: 'Write a language code, such as "fr", "de" or "pt-BR".' })
  .refine(isLanguageTag, 'Write a language code, such as "fr", "de" or "pt-BR".');

/** A text that must say something; `what` names it in the message ("The title"). */
const text = (what: string) =>
  z
    // Left out, the content check says what the field is for; given as something else, this.
    .string({ error: (issue) => (issue.input === undefined ? undefined : `${what} must be text.`) })
    .trim()
    .min(1, `${what} is empty: write it, or leave the field out if it is optional.`);

/**
 * An object whose misspelt or unknown keys fail the build with a message that names them and lists
 * the fields that are allowed, since a campaigner editing frontmatter sees only this message.
 */
export function fields<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}: check its spelling. Allowed fields: ${allowed}.`
        : undefined,
  });
}

/**
 * A text given once per language, keyed by language code ("es: …", "en: …"). That every language
 * the site publishes has one is checked when the site loads the content (src/lib/appeal/campaign.ts).
 */
const translated = (what: string) =>
  z.record(language, z.string().trim().min(1, `${what} has an empty text.`), {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? `${what} is given under something that is not a language code: use codes such as "es:" and "en:".`
        : `${what} must list one text per language, each under its language code, such as "es:" and "en:".`,
  });

/** Marks a file as a translation: from which language, and the note readers see. */
const translation = fields({
  from: language.describe('Language of the original text.'),
  note: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      "Sentence shown to readers of this language saying the page is a translation (letters get one in the reader's language from content/strings/).",
    ),
}).optional();

const isoDate = z
  .string({ error: 'Write the date as YYYY-MM-DD, in quotes, for example "2031-05-20".' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: 'Write the date as YYYY-MM-DD, in quotes, for example "2031-05-20".',
    abort: true,
  })
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    // Date.parse accepts 2031-02-30 and rolls it over; a real date reads back unchanged.
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }, 'This date does not exist on the calendar: check the day and the month.');

/** A time zone by its IANA name. */
const timeZone = z
  .string({ error: 'Write a time zone by its IANA name, such as "Europe/Vienna".' })
  .refine((value) => {
    try {
      new Intl.DateTimeFormat(undefined, { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'Write a time zone by its IANA name, such as "Europe/Vienna" or "America/Bogota".');

const handle = z
  .string({ error: 'Write the account name as text.' })
  .regex(
    /^[A-Za-z0-9_.]{1,30}$/,
    'Write the account name without "@" or a web address, for example "AmnestyOnline".',
  );

/** A phone or fax number written so that it works from any country. */
const internationalNumber = (what: 'phone' | 'fax') =>
  z
    .string({ error: `Write the ${what} number in quotes, for example "+44 20 7946 0000".` })
    .regex(
      /^\+[0-9 ]{7,20}$/,
      `Write the ${what} number in international form, starting with "+" and the country code, for example "+44 20 7946 0000".`,
    );

/**
 * An optional picture for the appeal, given in each language's file (its alt text is in that
 * language): a file beside the Markdown, which Astro turns into AVIF and WebP at several widths.
 */
const heroImage = <Image extends z.ZodType>(image: Image) =>
  fields({
    src: image.describe('The picture, a file next to this one, for example "./hero.jpg".'),
    alt: z
      .string()
      .trim()
      .min(1, 'Describe the picture for people who cannot see it.')
      .describe("What the picture shows, in this file's language."),
    credit: z
      .string()
      .trim()
      .min(1, 'Credit the photographer or source.')
      .describe('Who made the picture, shown under it.'),
  });

/**
 * The appeal itself: one file per language in content/appeal/. The body is the additional
 * information. `image` is Astro's image() in the content config; elsewhere (tests) a path.
 */
export const appealSchemaWith = <Image extends z.ZodType>(image: Image) =>
  fields({
    ua: z
      .string({ error: 'Write the Urgent Action number in quotes, for example "123.45".' })
      .regex(
        /^\d{1,3}\.\d{2}$/,
        'Write the Urgent Action number as Amnesty prints it, in quotes: number, dot, two-digit year, for example "123.45".',
      )
      .describe('Urgent Action number as Amnesty publishes it, for example "123.45".'),
    title: text('The title')
      .max(90, 'Keep the title under 90 characters: it is the page title and the share title.')
      .describe('Headline of the appeal.'),
    summary: text('The summary')
      .max(900, 'Keep the summary under 900 characters: one short paragraph.')
      .describe('The case in a short paragraph.'),
    ask: text('The ask')
      .max(300, 'Keep the ask to one sentence under 300 characters.')
      .describe('The call to action in one sentence.'),
    steps: z
      .array(text('A step'), {
        error: 'List the steps under "steps:", one per line starting with "- ".',
      })
      .min(1, 'List at least one step under "steps".')
      .describe('The "take action" steps, in order.'),
    preferredLanguage: language.describe('Language the officials prefer letters in.'),
    preferredLanguageNote: text('The note on the language to write in').describe(
      'What the appeal says about the language to write in.',
    ),
    published: isoDate
      .optional()
      .describe(
        'Day Amnesty issued the appeal, as YYYY-MM-DD, when it is known; once the appeal closes, the page dates the record by it.',
      ),
    deadline: isoDate.describe('Last day to send appeals, as YYYY-MM-DD.'),
    deadlineTimeZone: timeZone.describe('Time zone whose end of day closes the deadline.'),
    afterDeadline: text('The guidance after the deadline').describe(
      'Guidance shown once the deadline has passed.',
    ),
    nameAndPronoun: text('The name and pronoun')
      .optional()
      .describe('How the appeal names the people it is about, kept for the record.'),
    previousUa: text('The previous Urgent Action')
      .optional()
      .describe('Previous Urgent Action on the case, or "none", kept for the record.'),
    siteUrl: z
      .url({
        protocol: /^https?$/,
        error:
          'Write the site\'s address in full, starting with https://, for example "https://act.example.org".',
      })
      .optional()
      .describe(
        "The site's public address, shown for sharing and in links to the site; Netlify's own address wins where the site is built by Netlify. Give it in the original's file only.",
      ),
    socialPost: text('The social post')
      .max(
        200,
        'Keep the social post under 200 characters so the account names and link still fit.',
      )
      .describe(
        "Short message prefilled in the X/Twitter post; the official's account is added in front.",
      ),
    channels: fields(
      Object.fromEntries(
        channels.map((channel) => [
          channel,
          text(`The label for ${channel}`)
            .max(60, 'Keep the label under 60 characters.')
            .optional(),
        ]),
      ) as Record<Channel, z.ZodOptional<z.ZodString>>,
    ).describe(
      `What the report form calls each way of acting: one label for each of ${channels.join(', ')} that an official can be reached by (letter always).`,
    ),
    hero: heroImage(image)
      .optional()
      .describe('An optional picture for the appeal, with its alt text and credit.'),
    lang: language.describe('Language this file is written in; must match the file name.'),
    translation: translation.describe(
      'Present when this file translates another language; the note is shown to readers.',
    ),
  });

export const appealSchema = appealSchemaWith(z.string());

/** One official to write to: one file per official in content/targets/. */
export const targetSchema = fields({
  order: z
    .number({
      error: 'Give the position as a whole number: 1 for the first official, 2 for the next.',
    })
    .int('Give the position as a whole number: 1 for the first official, 2 for the next.')
    .min(1, 'Give the position as a whole number: 1 for the first official, 2 for the next.')
    .describe('Position on the page, 1 first.'),
  name: text('The name').describe('Full name as the appeal gives it.'),
  role: translated('The role').describe('Title of the official.'),
  organization: translated('The organization')
    .optional()
    .describe('Institution, when it belongs in the address.'),
  address: z
    .array(text('An address line'), {
      error: 'List the postal address under "address:", one line per item starting with "- ".',
    })
    .min(1, 'Give at least one postal address line.')
    .describe('Postal address, one line per item.'),
  salutation: translated('The salutation').describe(
    'Greeting that opens a letter to this official.',
  ),
  email: z
    .email('Write one email address, such as "office@ministry.example.org".')
    .optional()
    .describe('Email address.'),
  phone: internationalNumber('phone').optional().describe('Phone number in international form.'),
  fax: internationalNumber('fax').optional().describe('Fax number in international form.'),
  x: handle.optional().describe('X/Twitter account name, without "@".'),
  instagram: handle.optional().describe('Instagram account name, without "@".'),
  contactForm: z
    .url('The contact form must be a full web address starting with https://.')
    .optional()
    .describe('Web address of the official contact form.'),
});

/** The sample letter: one file per language in content/letters/. The body is the letter text. */
export const letterSchema = fields({
  lang: language.describe('Language of this letter; must match the file name.'),
  subject: text('The subject')
    .max(120, 'Keep the subject under 120 characters: mail apps cut longer ones.')
    .describe('Subject line for emails.'),
  closing: text('The closing').describe('Closing before the signature, for example "Sincerely,".'),
  translation: translation.describe(
    'Present when this letter translates another; the note is shown beside the letter.',
  ),
});

/**
 * What happened after the appeal was issued: one folder per update in content/updates/, one file
 * per language in it (en.md, es.md). The body is the update's text.
 */
export const updateSchema = fields({
  lang: language.describe('Language this file is written in; must match the file name.'),
  date: isoDate.describe(
    "Day of the news, as YYYY-MM-DD; the update counts from that day in the appeal's time zone.",
  ),
  kind: z
    .enum(['further-information', 'outcome'], {
      error:
        'Say what the update is: "kind: further-information" (news, the appeal goes on) or "kind: outcome" (how the case ended).',
    })
    .describe('further-information: news while the case goes on; outcome: how it ended.'),
  title: text('The title')
    .max(90, 'Keep the title under 90 characters: it heads the update on the page and in the feed.')
    .describe('Headline of the update.'),
  summary: text('The summary')
    .max(
      220,
      'Keep the summary to one sentence under 220 characters: it leads the page once the appeal closes.',
    )
    .describe('The news in one sentence.'),
  source: fields({
    document: z
      .string()
      .regex(
        /^[A-Z]{3} \d{2}\/\d{4}\/\d{4}$/,
        'Write the document index as Amnesty prints it, for example "EUR 01/2345/2031".',
      )
      .describe("Amnesty International's document index."),
    url: z
      .url('Give the full web address of the published document, starting with https://.')
      .describe('Where the document is published.'),
  }).describe('The published document the update is based on.'),
  actionsRequested: z
    .boolean({
      error:
        'Say whether the campaign still asks people to act: "actionsRequested: true" or "actionsRequested: false".',
    })
    .describe(
      'false once the campaign asks for no further action: the appeal then shows as closed.',
    ),
  translation: translation.describe(
    'Present when this file translates another language; the note is shown to readers.',
  ),
});

export type Update = z.infer<typeof updateSchema> & { id: string; html: string };
export type Target = z.infer<typeof targetSchema> & { id: string };
export type Letter = z.infer<typeof letterSchema> & { body: string };
