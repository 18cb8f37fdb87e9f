import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './tools/chromium.ts';

const executablePath = findChromium()?.executablePath;

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env['CI'],
  retries: 0,
  // Two cores: one worker keeps the server, the database and Chromium from fighting for them.
  workers: 1,
  timeout: 30_000,
  reporter: 'list',
  use: {
    trace: 'retain-on-failure',
    launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
  },
  projects: [{ name: 'mobile', use: { ...devices['Pixel 7'], browserName: 'chromium' } }],
});
