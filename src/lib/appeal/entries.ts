import { getCollection, getEntry, render } from 'astro:content';
import { languages, type Appeal, type Language, type Letter, type Target } from './schema';

/** The appeal in one language; a missing file is a content error worth stopping the build for. */
export async function getAppeal(lang: Language) {
  const entry = await getEntry('appeal', lang);
  if (!entry) throw new Error(`content/appeal/${lang}.md is missing: the site needs the appeal in this language.`);
  if (entry.data.lang !== lang) throw new Error(`content/appeal/${lang}.md says "lang: ${entry.data.lang}"; it must say "lang: ${lang}".`);
  const { Content } = await render(entry);
  return { ...entry.data, Content } satisfies Appeal & { Content: unknown };
}

/** The officials, in the order the content gives. */
export async function getTargets(): Promise<Target[]> {
  const entries = await getCollection('targets');
  return entries.map((entry) => ({ ...entry.data, id: entry.id })).sort((a, b) => a.order - b.order);
}

export async function getLetter(lang: Language): Promise<Letter> {
  const entry = await getEntry('letters', lang);
  if (!entry) throw new Error(`content/letters/${lang}.md is missing: the sample letter is needed in this language.`);
  if (entry.data.lang !== lang) throw new Error(`content/letters/${lang}.md says "lang: ${entry.data.lang}"; it must say "lang: ${lang}".`);
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
