import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Tally } from '../src/lib/tally/tally';
import { serve, type RunningSite } from '../tools/serve.ts';
import { buildVariant } from '../tests/support/variant';

export interface Sites {
  /** The site as shipped: this appeal, closed by its outcome. */
  site: RunningSite;
  /** The same appeal before its outcome was published (content/updates/ left out): open, then past its deadline by the browser's clock. */
  unclosed: RunningSite;
}

/** One production server per worker, on a free port, with a fresh in-memory database; the variant is built the first time a test asks for it. */
export const test = base.extend<object, Sites>({
  site: [
    async ({}, use) => {
      // Every browser test reports from 127.0.0.1; the per-client limit has its own API tests.
      process.env['REPORTS_RATE_LIMIT'] = '1000';
      const site = await serve({ port: 0, memory: true, quiet: true });
      await use(site);
      await site.stop();
    },
    { scope: 'worker' },
  ],
  unclosed: [
    async ({ site: shipped }, use) => {
      const variant = buildVariant('unclosed', {
        edit: (content) => rmSync(join(content, 'updates'), { recursive: true, force: true }),
      });
      // The same database as the shipped site: one process has one NETLIFY_DB_URL, which both functions read.
      const site = await serve({
        port: 0,
        quiet: true,
        root: variant.root,
        databaseUrl: shipped.databaseUrl,
      });
      await use(site);
      await site.stop();
      variant.remove();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ site }, use) => use(site.url),
});

export { expect };

/** The public tally as the API gives it now, bypassing any cache. */
export const readTally = async (request: APIRequestContext): Promise<Tally> =>
  (
    await request.get('/api/tally', { headers: { 'cache-control': 'no-cache' } })
  ).json() as Promise<Tally>;

/** Fills the form as a supporter who emailed the minister twice, in Spanish. */
export async function fillReport(page: Page): Promise<void> {
  const form = page.locator('form[data-report]');
  await form.getByRole('checkbox', { name: /Oscar Maúrtua De Romaña/ }).check();
  await form.getByLabel('Emails sent').fill('2');
  await form.getByRole('radio', { name: 'Spanish' }).check();
  await form.getByLabel(/Where are you/).selectOption({ label: 'Peru' });
}
