/**
 * The campaign as the pages and the report function need it, loaded from content/ once per
 * language: the appeal, the officials, the letters, and what a report may name. Checks that
 * cross files (a language missing from an official's file) stop the build with a message
 * naming the file, as the schemas do for single fields.
 */
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { defaultLanguage, languages } from '../i18n/editions';
import type { Language } from '../i18n/languages';
import { reportChoices, type ReportChoices } from '../reports/choices';
import type { CampaignIntake } from '../reports/intake';
import type { Letter, Target, Update } from './schema';
import { appealState, publishedUpdates, type AppealState } from './state';

/** An appeal file's data as the content collection gives it (its picture, if any, ready for astro:assets). */
type AppealData = CollectionEntry<'appeal'>['data'];

export interface Campaign {
  /** The language of the edition this was loaded for. */
  lang: Language;
  appeal: AppealData & { Content: AstroComponentFactory };
  /** The officials, in the order the content gives. */
  targets: Target[];
  /** The sample letter in every language, the one the officials prefer first. */
  letters: Letter[];
  /** What a report may name: the officials' ids and the languages. */
  choices: ReportChoices;
  /** What storing a report needs: those choices, and the time zone the tally's days are counted in. */
  intake: CampaignIntake;
  /** Every update in this language, newest first, whether or not its day has come. */
  updates: Update[];
  /** Where the appeal stands at a moment: open, past its deadline, or closed by an update. */
  stateAt(now: Date): AppealState<Update>;
  /** The updates published by a moment, newest first. */
  updatesAt(now: Date): Update[];
}

/**
 * The file of a per-language collection for one language. A missing file, or one that says another
 * language than its name, is a content error worth stopping the build for.
 */
async function entryIn<C extends 'appeal' | 'letters'>(collection: C, lang: Language) {
  const entry = await getEntry(collection, lang);
  if (!entry)
    throw new Error(
      `content/${collection}/${lang}.md is missing: the site is published in ${languages.join(', ')} and needs it in each.`,
    );
  if (entry.data.lang !== lang)
    throw new Error(
      `content/${collection}/${lang}.md says "lang: ${entry.data.lang}"; it must say "lang: ${lang}".`,
    );
  return entry;
}

/** Every text an official's file gives per language must be given in each language the site publishes, and no other. */
function checkTranslated(target: Target): Target {
  for (const field of ['role', 'organization', 'salutation'] as const) {
    const texts = target[field];
    if (!texts) continue;
    const missing = languages.filter((lang) => !(lang in texts));
    const extra = Object.keys(texts).filter((lang) => !languages.includes(lang));
    if (missing.length > 0 || extra.length > 0) {
      throw new Error(
        `content/targets/${target.id}.md: "${field}" needs one text for each language the site publishes (${languages.join(', ')})` +
          `${missing.length ? `; missing: ${missing.join(', ')}` : ''}${extra.length ? `; not published: ${extra.join(', ')}` : ''}.`,
      );
    }
  }
  return target;
}

/** Facts that are the same in every language: an edition that says otherwise is a content error. */
const sameInEveryLanguage = [
  'ua',
  'published',
  'deadline',
  'deadlineTimeZone',
  'preferredLanguage',
] as const;

async function checkSameFacts(appeal: AppealData): Promise<void> {
  const original = (await entryIn('appeal', defaultLanguage)).data;
  for (const field of sameInEveryLanguage) {
    if (appeal[field] !== original[field]) {
      throw new Error(
        `content/appeal/${appeal.lang}.md says "${field}: ${appeal[field]}" but content/appeal/${defaultLanguage}.md says "${original[field]}": they must agree.`,
      );
    }
  }
}

/** Facts of an update that every language's file must give alike. */
const updateFacts = (update: Update) =>
  JSON.stringify([update.date, update.kind, update.actionsRequested, update.source]);

/** The updates in one language, each checked against its other languages, newest first. */
async function updatesIn(lang: Language): Promise<Update[]> {
  const folders = new Map<string, Map<string, Update>>();
  for (const entry of await getCollection('updates')) {
    const [folder = '', file = ''] = entry.id.split('/');
    if (entry.data.lang !== file)
      throw new Error(
        `content/updates/${entry.id}.md says "lang: ${entry.data.lang}"; it must say "lang: ${file}".`,
      );
    const files = folders.get(folder) ?? new Map<string, Update>();
    files.set(file, { ...entry.data, id: folder, html: entry.rendered?.html ?? '' });
    folders.set(folder, files);
  }
  const updates: Update[] = [];
  for (const [folder, files] of folders) {
    const missing = languages.filter((edition) => !files.has(edition));
    if (missing.length > 0)
      throw new Error(
        `content/updates/${folder}/ needs a file for each language the site publishes; missing: ${missing.map((edition) => `${edition}.md`).join(', ')}.`,
      );
    const original = files.get(defaultLanguage)!;
    for (const [file, update] of files) {
      if (updateFacts(update) !== updateFacts(original)) {
        throw new Error(
          `content/updates/${folder}/${file}.md must give the same date, kind, actionsRequested and source as ${defaultLanguage}.md.`,
        );
      }
    }
    updates.push(files.get(lang)!);
  }
  return updates.sort((a, b) => b.date.localeCompare(a.date));
}

let shared: Promise<{ targets: Target[]; letters: Letter[] }> | undefined;

/** What every edition shares: the officials and the letters (each letter is in its own language). */
function sharedContent() {
  shared ??= (async () => {
    const targets = (await getCollection('targets'))
      .map((entry) => checkTranslated({ ...entry.data, id: entry.id }))
      .sort((a, b) => a.order - b.order);
    if (targets.length === 0)
      throw new Error(
        'content/targets/ is empty: the appeal needs at least one official to write to.',
      );
    const letters = await Promise.all(
      languages.map(async (lang) => {
        const entry = await entryIn('letters', lang);
        return { ...entry.data, body: entry.body ?? '' };
      }),
    );
    return { targets, letters };
  })();
  return shared;
}

const campaigns = new Map<Language, Promise<Campaign>>();

/** The campaign in one edition's language. */
export function getCampaign(lang: Language = defaultLanguage): Promise<Campaign> {
  let campaign = campaigns.get(lang);
  if (!campaign) {
    campaign = (async () => {
      const entry = await entryIn('appeal', lang);
      const { Content } = await render(entry);
      const { targets, letters } = await sharedContent();
      const preferred = entry.data.preferredLanguage;
      await checkSameFacts(entry.data);
      if (!languages.includes(preferred)) {
        throw new Error(
          `content/appeal/${lang}.md: "preferredLanguage: ${preferred}" must be one of the site's languages (${languages.join(', ')}), since the letter is offered in it.`,
        );
      }
      const choices = reportChoices(targets, languages);
      const updates = await updatesIn(lang);
      return {
        lang,
        appeal: { ...entry.data, Content },
        targets,
        letters: [...letters].sort(
          (a, b) => Number(b.lang === preferred) - Number(a.lang === preferred),
        ),
        choices,
        intake: { choices, timeZone: entry.data.deadlineTimeZone },
        updates,
        stateAt: (now) => appealState(entry.data, updates, now),
        updatesAt: (now) => publishedUpdates(updates, now, entry.data.deadlineTimeZone),
      };
    })();
    campaigns.set(lang, campaign);
  }
  return campaign;
}

/** One printable letter per official and letter language, for getStaticPaths. */
export async function letterPages() {
  const { targets, letters } = await sharedContent();
  return targets.flatMap((target) =>
    letters.map((letter) => ({
      params: { target: target.id, lang: letter.lang },
      props: { target, letter },
    })),
  );
}
