import { test as base, expect } from '@playwright/test';
import { serve, type RunningSite } from '../scripts/serve.ts';

/** One production server per worker, on a free port, with a fresh in-memory database. */
export const test = base.extend<object, { site: RunningSite }>({
  site: [
    async ({}, use) => {
      const site = await serve({ port: 0, memory: true, quiet: true });
      await use(site);
      await site.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ site }, use) => use(site.url),
});

export { expect };
