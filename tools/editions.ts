/**
 * The site's languages, read from the content when Astro loads its configuration: one edition per
 * file in content/appeal/ (named by its language code), and the appeal as Amnesty wrote it (the
 * file that is not a translation) at the site's root. Nothing else in the project lists them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { isLanguageTag } from '../src/lib/i18n/languages.ts';

export interface Editions {
  /** Every language the site publishes, the root edition first. */
  languages: string[];
  /** The edition served at "/"; the others live under "/<language>/". */
  defaultLanguage: string;
}

function frontmatter(file: URL): Record<string, unknown> {
  const [, head = ''] = readFileSync(file, 'utf8').split(/^---\s*$/m);
  const data = yaml.load(head);
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

export function editionsIn(contentDirectory: URL): Editions {
  const folder = new URL('appeal/', contentDirectory);
  const languages = readdirSync(folder)
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.slice(0, -'.md'.length))
    .sort();
  if (languages.length === 0)
    throw new Error(
      `${folder.pathname} has no appeal: add one Markdown file per language, such as en.md.`,
    );
  for (const lang of languages) {
    if (!isLanguageTag(lang)) {
      throw new Error(
        `content/appeal/${lang}.md: name the file after a language code, such as en.md, es.md or pt-BR.md.`,
      );
    }
  }
  const originals = languages.filter(
    (lang) => frontmatter(new URL(`${lang}.md`, folder))['translation'] === undefined,
  );
  if (originals.length !== 1) {
    throw new Error(
      `content/appeal/ needs exactly one appeal that is not a translation (it is published at the site's root); the others say "translation:". Found ${originals.length}: ${originals.join(', ') || 'none'}.`,
    );
  }
  const [defaultLanguage] = originals as [string];
  return {
    languages: [defaultLanguage, ...languages.filter((lang) => lang !== defaultLanguage)],
    defaultLanguage,
  };
}
