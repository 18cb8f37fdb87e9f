import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Storage tests start real embedded Postgres instances; give them room on a two-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
