import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './tools/chromium.ts';

const executablePath = findChromium()?.executablePath;

export default defineConfig({
  testDir: 'tests/browser',
  forbidOnly: !!process.env['CI'],
  retries: 0,
  // Two workers, each with its own servers and database: a browser test waits on pages more than it computes.
  workers: 2,
  fullyParallel: true,
  timeout: 30_000,
  reporter: 'list',
  use: {
    trace: 'retain-on-failure',
    launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
  },
  projects: [{ name: 'mobile', use: { ...devices['Pixel 7'], browserName: 'chromium' } }],
});
