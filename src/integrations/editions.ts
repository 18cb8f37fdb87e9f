/**
 * The site's languages, read from the content when Astro loads its configuration: one edition per
 * file in content/appeal/ (named by its language code), and the appeal as Amnesty wrote it (the
 * file that is not a translation) at the site's root. Nothing else in the project lists them.
 */
import { editionsOf } from '../lib/appeal/check.ts';
import { readContentFolder } from './content-files.ts';

export interface Editions {
  /** Every language the site publishes, the root edition first. */
  languages: string[];
  /** The edition served at "/"; the others live under "/<language>/". */
  defaultLanguage: string;
}

/** The editions of the content at `contentDirectory`; the content check has said what is wrong if there are none. */
export function editionsIn(contentDirectory: string | URL): Editions {
  const editions = editionsOf(readContentFolder(contentDirectory, 'appeal'));
  if (!editions)
    throw new Error('content/appeal/ needs exactly one appeal that is not a translation.');
  return editions;
}
