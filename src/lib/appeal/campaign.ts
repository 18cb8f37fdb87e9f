/**
 * The campaign as the pages and the report function need it, loaded from content/ once per
 * language: the appeal, the officials, the letters, the updates, and what a report may name. The
 * content was checked before the build began (src/integrations/content-check.ts), so this only
 * puts it together.
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
  /** What a report may name: the officials, the channels they can be reached by, the languages. */
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

/** The file of a per-language collection for one language. */
async function entryIn<C extends 'appeal' | 'letters'>(collection: C, lang: Language) {
  const entry = await getEntry(collection, lang);
  if (!entry) throw new Error(`content/${collection}/${lang}.md is missing.`);
  return entry;
}

declare const __HAS_UPDATES__: boolean | undefined;
/** Whether content/updates/ holds any update: Astro warns of an empty collection when asked for it. */
const hasUpdates = typeof __HAS_UPDATES__ !== 'boolean' || __HAS_UPDATES__;

/** The updates in one language, newest first. */
async function updatesIn(lang: Language): Promise<Update[]> {
  if (!hasUpdates) return [];
  const updates = (await getCollection('updates'))
    .filter((entry) => entry.id.endsWith(`/${lang}`))
    .map((entry) => ({
      ...entry.data,
      id: entry.id.split('/')[0] ?? '',
      html: entry.rendered?.html ?? '',
    }));
  return updates.sort((a, b) => b.date.localeCompare(a.date));
}

let shared: Promise<{ targets: Target[]; letters: Letter[] }> | undefined;

/** What every edition shares: the officials and the letters (each letter is in its own language). */
function sharedContent() {
  shared ??= (async () => {
    const targets = (await getCollection('targets'))
      .map((entry) => ({ ...entry.data, id: entry.id }))
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
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
