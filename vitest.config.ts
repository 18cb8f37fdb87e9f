import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/postgres-setup.ts'],
    // Storage tests start real Postgres servers and databases; give them room on a two-core machine.
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
