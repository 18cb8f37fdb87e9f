/** Finds a Chromium for Playwright and Lighthouse: Playwright's own download if present, else the system's. */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const systemChromiumPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** Flags that keep a headless Chromium quiet on a machine with no network but loopback. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface FoundChromium {
  /** undefined means Playwright's own managed browser. */
  executablePath: string | undefined;
  description: string;
}

export function findChromium(): FoundChromium | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv && existsSync(fromEnv))
    return { executablePath: fromEnv, description: `CHROMIUM_PATH (${fromEnv})` };
  try {
    const managed = chromium.executablePath();
    if (managed && existsSync(managed))
      return { executablePath: undefined, description: `Playwright's Chromium (${managed})` };
  } catch {
    // Playwright throws when it has no browser of its own; the system one may do.
  }
  const system = systemChromiumPaths.find((path) => existsSync(path));
  return system
    ? { executablePath: system, description: `system Chromium (${system})` }
    : undefined;
}

/** The binary itself, for tools such as Lighthouse that launch Chromium by path. */
export function chromiumBinary(): string | undefined {
  const found = findChromium();
  if (!found) return undefined;
  return found.executablePath ?? chromium.executablePath();
}
