import { test as base, expect, type APIRequestContext } from '@playwright/test';
import type { Tally } from '../src/lib/reports/tally';
import { serve, type RunningSite } from '../tools/serve.ts';

/** One production server per worker, on a free port, with a fresh in-memory database. */
export const test = base.extend<object, { site: RunningSite }>({
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
  baseURL: async ({ site }, use) => use(site.url),
});

export { expect };

/** The public tally as the API gives it now, bypassing any cache. */
export const readTally = async (request: APIRequestContext): Promise<Tally> =>
  (await request.get('/api/tally', { headers: { 'cache-control': 'no-cache' } })).json() as Promise<Tally>;
