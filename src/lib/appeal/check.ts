/**
 * Everything that can be wrong with the content, found before Astro builds anything and told to
 * the campaigner as a plain list: the file, the field, what to write. Each file against its schema,
 * the gaps a template leaves ("[[…]]"), and what crosses files: every edition has its letter,
 * strings and updates, every official's role and salutation are given in every language, the
 * facts every edition must share agree. One mistake, one line. Pure: the files come in as data.
 */
import { z } from 'astro/zod';
import { stringsSchema } from '../i18n/strings.ts';
import { isLanguageTag } from '../i18n/languages.ts';
import { appealSchema, letterSchema, targetSchema, updateSchema } from './schema.ts';
import { channelsOf } from './vocabulary.ts';

/** A content file as read from disk (src/integrations/content-files.ts). */
export interface ContentFile {
  id: string;
  file: string;
  data: unknown;
  body: string;
  /** Why the file could not be read as YAML, if it could not. */
  unreadable?: string | undefined;
}

export interface ContentFiles {
  appeal: ContentFile[];
  targets: ContentFile[];
  letters: ContentFile[];
  updates: ContentFile[];
  strings: ContentFile[];
  /** content/source/facts.yaml, when the appeal has one. */
  facts?: ContentFile | undefined;
  /** Whether a file exists, by its path from the content folder (the appeal's picture). */
  exists(path: string): boolean;
}

export interface ContentMistake {
  /** The path from the project: "content/targets/minister.md". */
  file: string;
  /** The field, as a path through the file ("channels.phone"), or undefined for the whole file. */
  field?: string | undefined;
  message: string;
}

/** A gap a template left: "[[…]]", with what to write in it. */
const gap = /\[\[([^\]]*)\]\]/;

type Path = readonly (string | number)[];
const fieldName = (path: Path) => (path.length ? path.join('.') : undefined);

/** Every gap left in a file's data and body. */
function gapsIn(file: ContentFile): { path: Path; message: string }[] {
  const found: { path: Path; message: string }[] = [];
  const say = (inner: string) => {
    const translate = /^translate:\s*([\s\S]*)$/.exec(inner.trim());
    return translate
      ? `Translate this text: "${translate[1]}".`
      : `Fill in the gap: ${inner.trim()}.`;
  };
  const visit = (value: unknown, path: Path) => {
    if (typeof value === 'string') {
      const match = gap.exec(value);
      if (match) found.push({ path, message: say(match[1] ?? '') });
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(file.data, []);
  const inBody = gap.exec(file.body);
  if (inBody)
    found.push({ path: ['(the text under the frontmatter)'], message: say(inBody[1] ?? '') });
  return found;
}

/** The description a schema gives the field at a path, to say what to write where one is missing. */
function descriptionAt(schema: z.ZodType, path: Path): string | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    }
    if (current instanceof z.ZodObject)
      current = (current.shape as Record<string, z.ZodType>)[String(key)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return undefined;
  }
  return current?.description;
}

/** A file checked against its schema: one mistake per field, none where a gap stands. */
function checkFile(
  file: ContentFile,
  schema: z.ZodType,
): { mistakes: ContentMistake[]; data: unknown } {
  const at = `content/${file.file}`;
  if (file.unreadable)
    return { mistakes: [{ file: at, message: file.unreadable }], data: undefined };
  const gaps = gapsIn(file);
  const mistakes: ContentMistake[] = gaps.map(({ path, message }) => ({
    file: at,
    field: fieldName(path),
    message,
  }));
  const covered = (path: Path) =>
    gaps.some((found) => found.path.every((part, index) => String(path[index]) === String(part)));
  const result = schema.safeParse(file.data ?? {}, { reportInput: true });
  if (result.success) return { mistakes, data: gaps.length ? undefined : result.data };
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      // One mistake per unknown key, named by it: a misspelt field is the campaigner's mistake, not its object's.
      for (const key of issue.keys)
        mistakes.push({ file: at, field: fieldName([...path, key]), message: issue.message });
      continue;
    }
    const field = fieldName(path);
    if (covered(path) || seen.has(field ?? '')) continue;
    seen.add(field ?? '');
    // A field left out gets zod's own words unless its schema has some: say what the field is for instead.
    const missing =
      issue.code === 'invalid_type' &&
      issue.input === undefined &&
      issue.message.startsWith('Invalid input');
    const description = missing ? descriptionAt(schema, path) : undefined;
    mistakes.push({
      file: at,
      field,
      message: missing
        ? `Missing${description ? `: ${description.replace(/\.$/, '')}` : ''}.`
        : issue.message,
    });
  }
  return { mistakes, data: undefined };
}

/** A file that says it translates another ("translation: { from: … }"). */
const isTranslation = (file: ContentFile) =>
  typeof file.data === 'object' && file.data !== null && 'translation' in file.data;

/**
 * The editions: one per appeal file, named by its language, the original (the one that is not a
 * translation) first; undefined unless exactly one is the original.
 */
export function editionsOf(
  appealFiles: readonly ContentFile[],
): { languages: string[]; defaultLanguage: string } | undefined {
  const originals = appealFiles.filter((file) => !isTranslation(file));
  const [original] = originals;
  if (!original || originals.length !== 1) return undefined;
  const others = appealFiles.map((file) => file.id).filter((lang) => lang !== original.id);
  return { languages: [original.id, ...others], defaultLanguage: original.id };
}

type Appeal = z.infer<typeof appealSchema>;
type Target = z.infer<typeof targetSchema>;
type Update = z.infer<typeof updateSchema>;

/** Facts every edition's appeal must give alike. */
const sameInEveryEdition = [
  'ua',
  'published',
  'deadline',
  'deadlineTimeZone',
  'preferredLanguage',
] as const;
/** Facts every language's file of an update must give alike. */
const updateFacts = (update: Update) =>
  JSON.stringify([update.date, update.kind, update.actionsRequested, update.source]);

export function checkContent(content: ContentFiles): ContentMistake[] {
  const mistakes: ContentMistake[] = [];
  const say = (file: string, field: string | undefined, message: string) =>
    mistakes.push({ file, field, message });
  const checked = <T>(file: ContentFile, schema: z.ZodType<T>): T | undefined => {
    const result = checkFile(file, schema);
    mistakes.push(...result.mistakes);
    return result.data as T | undefined;
  };

  // The editions: one per appeal file, named by its language; exactly one original.
  const languages = content.appeal.map((file) => file.id);
  if (languages.length === 0) {
    say(
      'content/appeal/',
      undefined,
      'There is no appeal: add one Markdown file per language, named by its code, such as fr.md.',
    );
    return mistakes;
  }
  for (const file of content.appeal) {
    if (!isLanguageTag(file.id))
      say(
        `content/${file.file}`,
        undefined,
        'Name the file after its language code, such as fr.md, de.md or pt-BR.md.',
      );
  }
  const appeals = new Map<string, Appeal>();
  for (const file of content.appeal) {
    const appeal = checked(file, appealSchema);
    if (appeal) appeals.set(file.id, appeal);
    const lang = (file.data as { lang?: unknown } | null)?.lang;
    if (typeof lang === 'string' && lang !== file.id)
      say(
        `content/${file.file}`,
        'lang',
        `This file says "lang: ${lang}"; a file named ${file.id}.md says "lang: ${file.id}".`,
      );
  }
  const originals = content.appeal.filter((file) => !isTranslation(file));
  if (originals.length !== 1) {
    say(
      'content/appeal/',
      undefined,
      `Exactly one appeal is the original, published at the site's root; the others say "translation: { from: … }". Originals now: ${originals.map((file) => `${file.id}.md`).join(', ') || 'none'}.`,
    );
  }
  const originalLang = originals[0]?.id;
  const original = originalLang ? appeals.get(originalLang) : undefined;

  // The officials, and the channels they can be reached by.
  const targets = new Map<string, Target>();
  if (content.targets.length === 0)
    say(
      'content/targets/',
      undefined,
      'There is no official to write to: add one Markdown file per official, such as minister.md.',
    );
  for (const file of content.targets) {
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(file.id))
      say(
        `content/${file.file}`,
        undefined,
        'Name the file with lower-case letters, digits and hyphens, such as minister.md or chief-prosecutor.md.',
      );
    const target = checked(file, targetSchema);
    if (!target) continue;
    targets.set(file.id, target);
    for (const field of ['role', 'organization', 'salutation'] as const) {
      const texts = target[field];
      if (!texts) continue;
      for (const lang of languages)
        if (!(lang in texts))
          say(
            `content/${file.file}`,
            `${field}.${lang}`,
            `Missing: the ${field} in ${lang}, as letters in that language give it.`,
          );
      for (const lang of Object.keys(texts))
        if (!languages.includes(lang))
          say(
            `content/${file.file}`,
            `${field}.${lang}`,
            `The site is not published in "${lang}" (no content/appeal/${lang}.md): delete this line, or add that edition.`,
          );
    }
  }
  const inUse = new Set([...targets.values()].flatMap((target) => channelsOf(target)));

  // What every edition says alike, and the report form's label for each channel in use.
  for (const [lang, appeal] of appeals) {
    const file = `content/appeal/${lang}.md`;
    if (original && lang !== originalLang) {
      for (const field of sameInEveryEdition) {
        if (appeal[field] !== original[field])
          say(
            file,
            field,
            `This file says "${appeal[field] ?? ''}" but the original, content/appeal/${originalLang}.md, says "${original[field] ?? ''}": they must agree.`,
          );
      }
      if (appeal.siteUrl !== undefined && appeal.siteUrl !== original.siteUrl)
        say(
          file,
          'siteUrl',
          `Give the site's address in the original only (content/appeal/${originalLang}.md); every edition uses it.`,
        );
    }
    if (!languages.includes(appeal.preferredLanguage))
      say(
        file,
        'preferredLanguage',
        `The letter is offered in the preferred language, so it must be one the site is published in: ${languages.join(', ')}.`,
      );
    for (const channel of inUse) {
      if (!appeal.channels[channel])
        say(
          file,
          `channels.${channel}`,
          `Missing: what the report form calls the actions on "${channel}", in this file's language (an official can be reached that way).`,
        );
    }
    if (appeal.hero && !content.exists(`appeal/${appeal.hero.src.replace(/^\.\//, '')}`))
      say(
        file,
        'hero.src',
        `There is no picture at ${appeal.hero.src}: put the file next to this one, or correct its name.`,
      );
  }

  // One letter and one strings table per edition.
  const letters = new Map(content.letters.map((file) => [file.id, file]));
  const strings = new Map(content.strings.map((file) => [file.id, file]));
  for (const lang of languages) {
    const letter = letters.get(lang);
    if (!letter)
      say(
        `content/letters/${lang}.md`,
        undefined,
        `Missing: the site is published in ${lang}, so the sample letter is needed in ${lang} too.`,
      );
    else {
      checked(letter, letterSchema);
      const said = (letter.data as { lang?: unknown } | null)?.lang;
      if (typeof said === 'string' && said !== lang)
        say(
          `content/${letter.file}`,
          'lang',
          `This file says "lang: ${said}"; a file named ${lang}.md says "lang: ${lang}".`,
        );
    }
    const table = strings.get(lang);
    if (!table)
      say(
        `content/strings/${lang}.yaml`,
        undefined,
        `Missing: every word of the site's interface in ${lang}. Copy another table and translate it (npm run strings -- ${lang}).`,
      );
    else checked(table, stringsSchema);
  }

  // Updates: one folder each, one file per edition, the same facts in each.
  const folders = new Map<string, Map<string, Update>>();
  for (const file of content.updates) {
    const [folder = '', lang = ''] = file.id.split('/');
    if (!languages.includes(lang)) {
      say(
        `content/${file.file}`,
        undefined,
        `Name each file of an update after an edition's language: ${languages.map((edition) => `${edition}.md`).join(', ')}.`,
      );
      continue;
    }
    const update = checked(file, updateSchema);
    const said = (file.data as { lang?: unknown } | null)?.lang;
    if (typeof said === 'string' && said !== lang)
      say(
        `content/${file.file}`,
        'lang',
        `This file says "lang: ${said}"; a file named ${lang}.md says "lang: ${lang}".`,
      );
    if (update) folders.set(folder, (folders.get(folder) ?? new Map()).set(lang, update));
  }
  for (const folder of new Set(content.updates.map((file) => file.id.split('/')[0] ?? ''))) {
    const files = folders.get(folder) ?? new Map<string, Update>();
    for (const lang of languages) {
      if (!content.updates.some((file) => file.id === `${folder}/${lang}`))
        say(
          `content/updates/${folder}/${lang}.md`,
          undefined,
          `Missing: the update in ${lang}, since the site is published in it.`,
        );
    }
    const first = originalLang ? files.get(originalLang) : undefined;
    for (const [lang, update] of files) {
      if (first && updateFacts(update) !== updateFacts(first))
        say(
          `content/updates/${folder}/${lang}.md`,
          undefined,
          `Give the same date, kind, actionsRequested and source as ${originalLang}.md.`,
        );
    }
  }

  // The facts tests check on every edition's page.
  if (content.facts) {
    const file = `content/${content.facts.file}`;
    if (content.facts.unreadable) say(file, undefined, content.facts.unreadable);
    else {
      for (const { path, message } of gapsIn(content.facts)) say(file, fieldName(path), message);
      const facts = content.facts.data;
      const ok = z.record(z.string(), z.array(z.string())).safeParse(facts);
      if (!ok.success)
        say(
          file,
          undefined,
          'List the facts under each edition\'s language code, one per line: "fr:" then "- 12 500".',
        );
      else
        for (const lang of languages)
          if (!ok.data[lang]?.length)
            say(
              file,
              lang,
              `Missing: the facts and figures the ${lang} appeal page must state, as it writes them.`,
            );
    }
  }
  return mistakes;
}

/** The mistakes as the campaigner reads them: a plain list, one line each. */
export function describeMistakes(mistakes: readonly ContentMistake[]): string {
  const lines = mistakes.map(
    ({ file, field, message }) => `  ${file}${field ? `, ${field}` : ''}: ${message}`,
  );
  const count = mistakes.length === 1 ? 'one mistake' : `${mistakes.length} mistakes`;
  return `\nThe content has ${count}; the site is built once ${mistakes.length === 1 ? 'it is' : 'they are'} put right:\n\n${lines.join('\n')}\n\n`;
}
