/**
 * The site's languages, read from the content when Astro loads its configuration: one edition per
 * file in content/appeal/ (named by its language code), and the appeal as Amnesty wrote it (the
 * file that is not a translation) at the site's root. Nothing else in the project lists them.
 */
import { isLanguageTag } from '../lib/i18n/languages.ts';
import { readContentFolder } from './content-files.ts';

export interface Editions {
  /** Every language the site publishes, the root edition first. */
  languages: string[];
  /** The edition served at "/"; the others live under "/<language>/". */
  defaultLanguage: string;
}

export function editionsIn(contentDirectory: string | URL): Editions {
  const appeals = readContentFolder(contentDirectory, 'appeal');
  const languages = appeals.map((appeal) => appeal.id);
  if (languages.length === 0) {
    throw new Error(
      'content/appeal/ has no appeal: add one Markdown file per language, such as en.md.',
    );
  }
  for (const lang of languages) {
    if (!isLanguageTag(lang)) {
      throw new Error(
        `content/appeal/${lang}.md: name the file after a language code, such as en.md, es.md or pt-BR.md.`,
      );
    }
  }
  const isTranslation = (data: unknown) =>
    typeof data === 'object' && data !== null && 'translation' in data;
  const originals = appeals
    .filter((appeal) => !isTranslation(appeal.data))
    .map((appeal) => appeal.id);
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
