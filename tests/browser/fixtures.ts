/**
 * What every browser test runs against: the production build of the appeal under test, the same
 * appeal built at a moment it is open (PREVIEW_AT), and a fixture appeal closed by its outcome,
 * each served once per worker on a free port with one fresh in-memory database; and the ways a
 * supporter fills the report form, from the content.
 */
import { join } from 'node:path';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Tally } from '../../src/lib/tally/tally';
import { serve, type RunningSite } from '../../tools/serve.ts';
import { appeal, appealIn, projectRoot, type AppealUnderTest } from '../support/appeal';
import { buildVariant } from '../support/variant';

export interface Sites {
  /** The site as built for now. */
  site: RunningSite;
  /** The same appeal built at a moment it is open: before its deadline and before any outcome. */
  openSite: RunningSite;
  /** A fixture appeal closed by its outcome (tests/fixtures/closed). */
  closedSite: RunningSite;
}

/** The fixture appeal closed by its outcome. */
export const closedAppeal = appealIn(join(projectRoot, 'tests', 'fixtures', 'closed', 'content'));

export const test = base.extend<object, Sites>({
  site: [
    async ({}, use) => {
      // Every browser test reports from 127.0.0.1; the per-client limit has its own tests.
      process.env['REPORTS_RATE_LIMIT'] = '1000';
      const site = await serve({ port: 0, memory: true, quiet: true });
      await use(site);
      await site.stop();
    },
    { scope: 'worker' },
  ],
  // One process has one NETLIFY_DB_URL, which every served build's function reads: they share the site's database.
  openSite: [
    async ({ site }, use) => {
      const root = buildVariant('open', { previewAt: appeal.moments.open });
      const open = await serve({ port: 0, quiet: true, root, databaseUrl: site.databaseUrl });
      await use(open);
      await open.stop();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  closedSite: [
    async ({ site }, use) => {
      const root = buildVariant('closed', { content: closedAppeal.root });
      const closed = await serve({ port: 0, quiet: true, root, databaseUrl: site.databaseUrl });
      await use(closed);
      await closed.stop();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ site }, use) => use(site.url),
});

export { appeal, expect, type AppealUnderTest };

/** The public tally as the API gives it now, bypassing any cache. */
export const readTally = async (request: APIRequestContext, url = ''): Promise<Tally> =>
  (
    await request.get(`${url}/api/tally`, { headers: { 'cache-control': 'no-cache' } })
  ).json() as Promise<Tally>;

/** What a filled report says, for tests to compare with the tally. */
export interface FilledReport {
  target: string;
  channel: string;
  count: number;
  language: string;
}

/**
 * Fills the form as a supporter of `of` who wrote `count` letters to its first official, in its
 * original's language: every official has a postal address, whatever else the appeal gives.
 */
export async function fillReport(
  page: Page,
  of: AppealUnderTest = appeal,
  lang = of.defaultLanguage,
  count = 2,
): Promise<FilledReport> {
  const form = page.locator('form[data-report]');
  const [target] = of.targets;
  const written = of.defaultLanguage;
  const t = of.strings(lang);
  await form.locator(`input[data-report-target][value="${target?.id}"]`).check();
  await form
    .getByLabel(of.appeal(lang).channels.letter ?? 'letter', { exact: true })
    .fill(String(count));
  await form.locator(`input[name="language"][value="${written}"]`).check();
  await form.getByLabel(t.reportCountry).selectOption('PE');
  return { target: target?.id ?? '', channel: 'letter', count, language: written };
}
