import { getCollection, getEntry, render } from 'astro:content';
import { languages, type Appeal, type Language, type Letter, type Target } from './schema';

/**
 * The file of a per-language collection for one language. A missing file, or one that says another
 * language than its name, is a content error worth stopping the build for.
 */
async function entryIn<C extends 'appeal' | 'letters'>(collection: C, lang: Language) {
  const entry = await getEntry(collection, lang);
  if (!entry) throw new Error(`content/${collection}/${lang}.md is missing: the site needs it in this language.`);
  if (entry.data.lang !== lang) throw new Error(`content/${collection}/${lang}.md says "lang: ${entry.data.lang}"; it must say "lang: ${lang}".`);
  return entry;
}

/** The appeal in one language, with its additional information ready to render. */
export async function getAppeal(lang: Language) {
  const entry = await entryIn('appeal', lang);
  const { Content } = await render(entry);
  return { ...entry.data, Content } satisfies Appeal & { Content: unknown };
}

/** The officials, in the order the content gives. */
export async function getTargets(): Promise<Target[]> {
  const entries = await getCollection('targets');
  return entries.map((entry) => ({ ...entry.data, id: entry.id })).sort((a, b) => a.order - b.order);
}

export async function getLetter(lang: Language): Promise<Letter> {
  const entry = await entryIn('letters', lang);
  return { ...entry.data, body: entry.body ?? '' };
}

/** One printable letter per official and letter language, for getStaticPaths. */
export async function letterPages() {
  const targets = await getTargets();
  const letters = await Promise.all(languages.map(getLetter));
  return targets.flatMap((target) =>
    letters.map((letter) => ({ params: { target: target.id, lang: letter.lang }, props: { target, letter } })),
  );
}
