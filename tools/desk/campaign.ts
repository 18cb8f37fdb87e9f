/** What the campaign's content says a report may name, read from the checkout's content/ as the site reads it, so the desk lists the same officials, channels and languages. */
import { join } from 'node:path';
import { readContentFolder } from '../../src/integrations/content-files.ts';
import { editionsIn } from '../../src/integrations/editions.ts';
import { reportChoices, type ReportChoices } from '../../src/lib/reports/choices.ts';

export function campaignChoices(projectRoot: string): ReportChoices {
  const content = join(projectRoot, 'content');
  // The content check has passed on this content (the site is built from it): read it as it stands.
  const targets = readContentFolder(content, 'targets').map(({ id, data }) => ({
    ...(data as { order: number }),
    id,
  }));
  return reportChoices(targets, editionsIn(content).languages);
}
