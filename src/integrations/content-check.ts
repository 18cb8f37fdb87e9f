/**
 * The content, checked before Astro loads anything: with any mistake (a field, a gap left by the
 * template, a file missing for an edition, an address left from the appeal this site was copied
 * from), the command stops with the plain list of them and no stack trace. With none, what the
 * configuration needs: the editions and the site's address.
 */
import {
  checkContent,
  describeMistakes,
  editionsOf,
  type ContentMistake,
} from '../lib/appeal/check.ts';
import { siteAddress } from '../lib/appeal/site-address.ts';
import type { Editions } from './editions.ts';
import { readContent } from './content-files.ts';

export function checkedContent(
  contentDirectory: URL,
  env: Readonly<Record<string, string | undefined>>,
): Editions & { site: string; hasUpdates: boolean } {
  const content = readContent(contentDirectory);
  const mistakes: ContentMistake[] = checkContent(content);
  const editions = editionsOf(content.appeal);
  const original = content.appeal.find((file) => file.id === editions?.defaultLanguage);
  if (editions && original && mistakes.length === 0) {
    const { ua, siteUrl } = original.data as { ua: string; siteUrl?: string };
    const address = siteAddress(env, { ua, siteUrl });
    if ('address' in address) {
      return { ...editions, site: address.address, hasUpdates: content.updates.length > 0 };
    }
    mistakes.push(
      address.source === 'siteUrl'
        ? {
            file: `content/${original.file}`,
            field: 'siteUrl',
            message: `${address.refused} Write this appeal's own address, or leave siteUrl out.`,
          }
        : {
            file: 'the Netlify site',
            message: `${address.refused} Give the Netlify site a name of this appeal's own (Site configuration → Site details → Change site name).`,
          },
    );
  }
  process.stderr.write(describeMistakes(mistakes));
  process.exit(1);
}
