import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/postgres-setup.ts'],
    // Test files run side by side, two at a time: most of their time is spent waiting on servers and databases.
    maxWorkers: 2,
    // Storage tests start real Postgres servers and databases; give them room on a two-core machine.
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
