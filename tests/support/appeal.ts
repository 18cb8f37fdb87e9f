/**
 * The appeal under test, read from content/ (or a fixture's content folder) with the same reader,
 * check and schemas the build uses: its editions, officials, letters, updates, strings and facts,
 * what a report may name, and moments at which it is open, past its deadline or closed. Tests
 * name nothing of a particular appeal: they ask this.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { checkContent, describeMistakes, editionsOf } from '../../src/lib/appeal/check';
import {
  appealSchema,
  letterSchema,
  targetSchema,
  updateSchema,
} from '../../src/lib/appeal/schema';
import { appealState, type AppealState } from '../../src/lib/appeal/state';
import { dayStart, deadlineEnd } from '../../src/lib/deadline/deadline';
import { format, type Message, type Values } from '../../src/lib/i18n/format';
import { stringsSchema, type Strings } from '../../src/lib/i18n/strings';
import { reportChoices, type ReportChoices } from '../../src/lib/reports/choices';
import { readContent } from '../../src/integrations/content-files';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

type Appeal = z.infer<typeof appealSchema> & { body: string };
type Target = z.infer<typeof targetSchema> & { id: string };
type Letter = z.infer<typeof letterSchema> & { body: string };
type Update = z.infer<typeof updateSchema> & { id: string };
/** An edition's strings, with the helpers pages use to write them. */
type EditionStrings = Strings & {
  format(message: Message, values?: Values): string;
  labelled(text: string): string;
};

export interface AppealUnderTest {
  /** The content folder. */
  root: string;
  /** Every edition, the original first. */
  languages: string[];
  defaultLanguage: string;
  /** The editions that are translations. */
  translations: string[];
  appeal(lang: string): Appeal;
  /** The officials, in page order. */
  targets: Target[];
  letter(lang: string): Letter;
  /** Every update in one language, newest first. */
  updates(lang: string): Update[];
  strings(lang: string): EditionStrings;
  /** The facts and figures each edition's appeal page must state (content/source/facts.yaml). */
  facts: Record<string, string[]> | undefined;
  choices: ReportChoices;
  /** The address of a page in an edition: "/es/thanks/" for ("es", "/thanks/"). */
  path(lang: string, page?: string): string;
  stateAt(now: Date): AppealState<Update>;
  /** Moments at which the appeal stands in each state it has: open always, the others if its life has them. */
  moments: { open: Date; pastDeadline?: Date | undefined; closed?: Date | undefined };
}

const hour = 3_600_000;

export function appealIn(root: string): AppealUnderTest {
  const content = readContent(root);
  const mistakes = checkContent(content);
  if (mistakes.length > 0)
    throw new Error(
      `The appeal in ${root} does not pass the content check:${describeMistakes(mistakes)}`,
    );
  const { languages, defaultLanguage } = editionsOf(content.appeal)!;
  const byId = <T>(files: typeof content.appeal, schema: z.ZodType<T>) =>
    new Map(files.map((file) => [file.id, { ...schema.parse(file.data), body: file.body }]));
  const appeals = byId(content.appeal, appealSchema);
  const letters = byId(content.letters, letterSchema);
  const targets = content.targets
    .map((file) => ({ ...targetSchema.parse(file.data), id: file.id }))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const updates = content.updates.map((file) => {
    const [id = '', lang = ''] = file.id.split('/');
    return { ...updateSchema.parse(file.data), id, lang };
  });
  const tables = new Map(content.strings.map((file) => [file.id, stringsSchema.parse(file.data)]));
  const original = appeals.get(defaultLanguage)!;
  const { deadline, deadlineTimeZone: timeZone } = original;
  const originalUpdates = updates.filter((update) => update.lang === defaultLanguage);
  const stateAt = (now: Date) => appealState(original, originalUpdates, now);
  const closings = originalUpdates
    .filter((update) => !update.actionsRequested)
    .map((update) => dayStart(update.date, timeZone).getTime());
  const end = deadlineEnd(deadline, timeZone).getTime();
  const open = new Date(Math.min(end, ...closings) - 12 * hour);
  const past = new Date(end + 12 * hour);
  const closed = closings.length ? new Date(Math.max(...closings) + 12 * hour) : undefined;
  const get = <T>(map: Map<string, T>, key: string, what: string): T => {
    const found = map.get(key);
    if (!found) throw new Error(`${what} ${key} is not in ${root}`);
    return found;
  };
  return {
    root,
    languages,
    defaultLanguage,
    translations: languages.filter((lang) => lang !== defaultLanguage),
    appeal: (lang) => get(appeals, lang, 'The appeal in'),
    targets,
    letter: (lang) => get(letters, lang, 'The letter in'),
    updates: (lang) =>
      updates.filter((update) => update.lang === lang).sort((a, b) => b.date.localeCompare(a.date)),
    strings: (lang) => {
      const t = get(tables, lang, 'The strings table');
      return {
        ...t,
        format: (message, values) => format(lang, message, values),
        labelled: (text) => format(lang, t.label, { label: text }),
      };
    },
    facts: content.facts?.data as Record<string, string[]> | undefined,
    choices: reportChoices(targets, languages),
    path: (lang, page = '/') => (lang === defaultLanguage ? page : `/${lang}${page}`),
    stateAt,
    moments: {
      open,
      pastDeadline: stateAt(past).kind === 'past-deadline' ? past : undefined,
      closed: closed && stateAt(closed).kind === 'closed' ? closed : undefined,
    },
  };
}

/** The appeal in content/: whatever appeal this copy of the site carries. */
export const appeal = appealIn(join(projectRoot, 'content'));
