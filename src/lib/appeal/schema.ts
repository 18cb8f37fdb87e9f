import { z } from 'astro/zod';
import { isLanguageTag } from '../i18n/languages';
import { channels, type Channel } from './vocabulary';

/** A language code as BCP 47 writes it ("es", "en", "pt-BR"); which ones the site publishes comes from content/appeal/. */
const language = z
  .string({ error: 'Write a language code, such as "es" or "en".' })
  .refine(isLanguageTag, 'Write a language code, such as "es", "en" or "pt-BR".');

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
  .string({ error: 'Write the date as YYYY-MM-DD, in quotes, for example "2022-01-03".' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD, for example "2022-01-03".')
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    // Date.parse accepts 2022-02-30 and rolls it over; a real date reads back unchanged.
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }, 'This date does not exist on the calendar.');

const timeZone = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'Use an IANA time zone name such as "America/Lima".');

const handle = z
  .string()
  .regex(
    /^[A-Za-z0-9_.]{1,30}$/,
    'Write the account name without "@" or a web address, for example "PeruInTheUSA".',
  );

/** A phone or fax number written so that it works from any country. */
const internationalNumber = (what: 'phone' | 'fax', example = '') =>
  z
    .string()
    .regex(
      /^\+[0-9 ]{7,20}$/,
      `Write the ${what} number in international form, starting with "+"${example}.`,
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
      .string()
      .regex(
        /^\d{1,3}\.\d{2}$/,
        'The Urgent Action number looks like "119.21" (number, dot, two-digit year).',
      )
      .describe('Urgent Action number as Amnesty publishes it, for example "119.21".'),
    title: z
      .string()
      .trim()
      .min(1)
      .max(90, 'Keep the title under 90 characters: it is the page title and the share title.')
      .describe('Headline of the appeal.'),
    summary: z.string().trim().min(1).max(900).describe('The case in a short paragraph.'),
    ask: z.string().trim().min(1).max(300).describe('The call to action in one sentence.'),
    steps: z
      .array(z.string().trim().min(1))
      .min(1, 'List at least one step under "steps".')
      .describe('The "take action" steps, in order.'),
    preferredLanguage: language.describe('Language the officials prefer letters in.'),
    preferredLanguageNote: z
      .string()
      .trim()
      .min(1)
      .describe('What the appeal says about the language to write in.'),
    published: isoDate
      .optional()
      .describe(
        'Day Amnesty issued the appeal, as YYYY-MM-DD, when it is known; once the appeal closes, the page dates the record by it.',
      ),
    deadline: isoDate.describe('Last day to send appeals, as YYYY-MM-DD.'),
    deadlineTimeZone: timeZone.describe('Time zone whose end of day closes the deadline.'),
    afterDeadline: z
      .string()
      .trim()
      .min(1)
      .describe('Guidance shown once the deadline has passed.'),
    nameAndPronoun: z
      .string()
      .trim()
      .min(1)
      .describe('How the appeal names the people it is about.'),
    previousUa: z.string().trim().min(1).describe('Previous Urgent Action on the case, or "none".'),
    socialPost: z
      .string()
      .trim()
      .min(1)
      .max(
        200,
        'Keep the social post under 200 characters so the account names and link still fit.',
      )
      .describe(
        "Short message prefilled in the X/Twitter post; the official's account is added in front.",
      ),
    channels: fields(
      Object.fromEntries(
        channels.map((channel) => [channel, z.string().trim().min(1).max(60)]),
      ) as Record<Channel, z.ZodString>,
    ).describe(
      `What the report form calls each way of acting, one label each for: ${channels.join(', ')}.`,
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
  order: z.number().int().min(1).describe('Position on the page, 1 first.'),
  name: z.string().trim().min(1).describe('Full name as the appeal gives it.'),
  role: translated('The role').describe('Title of the official.'),
  organization: translated('The organization')
    .optional()
    .describe('Institution, when it belongs in the address.'),
  address: z
    .array(z.string().trim().min(1))
    .min(1, 'Give at least one postal address line.')
    .describe('Postal address, one line per item.'),
  salutation: translated('The salutation').describe(
    'Greeting that opens a letter to this official.',
  ),
  email: z.email('This is not an email address.').optional().describe('Email address.'),
  phone: internationalNumber('phone', ', for example "+1 202 833 9860"')
    .optional()
    .describe('Phone number in international form.'),
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
  subject: z.string().trim().min(1).max(120).describe('Subject line for emails.'),
  closing: z
    .string()
    .trim()
    .min(1)
    .describe('Closing before the signature, for example "Sincerely,".'),
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
  title: z
    .string()
    .trim()
    .min(1)
    .max(90, 'Keep the title under 90 characters: it heads the update on the page and in the feed.')
    .describe('Headline of the update.'),
  summary: z
    .string()
    .trim()
    .min(1)
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
        'Write the document index as Amnesty prints it, for example "AMR 46/5182/2022".',
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
