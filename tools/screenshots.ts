/**
 * Every page of every edition at a phone's width and a desktop's, in light and dark, the whole
 * page and its first screen, saved to screenshots/ for people to look at:
 *
 *   npm run screenshots
 *   PREVIEW_AT=2021-12-01T15:00:00Z npm run screenshots     the site as it stood then
 */
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { editionsIn } from '../src/integrations/editions.ts';
import { chromiumArgs, chromiumBinary } from './chromium.ts';
import { serve } from './serve.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}screenshots/`;
const { languages, defaultLanguage } = editionsIn(`${root}content/`);
const at = (lang: string, page: string) => (lang === defaultLanguage ? page : `/${lang}${page}`);

const site = await serve({ port: 0, memory: true, quiet: true });
const executablePath = chromiumBinary();
const browser = await chromium.launch({
  args: chromiumArgs,
  ...(executablePath ? { executablePath } : {}),
});
try {
  // The static pages from the sitemap (each appeal and printable letter), and those rendered on request.
  const sitemap = await (await fetch(`${site.url}/sitemap-0.xml`)).text();
  const pages = [
    ...[...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc ?? '').pathname),
    ...languages.flatMap((lang) =>
      ['/report/', '/thanks/', '/tally/', '/no-such-page/'].map((page) => at(lang, page)),
    ),
  ];
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [360, 1280]) {
      const page = await browser.newPage({
        colorScheme,
        viewport: { width, height: width === 360 ? 740 : 900 },
      });
      for (const path of pages) {
        await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
        const name = `${path.replace(/^\/|\/$/g, '').replaceAll('/', '-') || 'appeal'}-${width}-${colorScheme}`;
        await page.screenshot({ path: `${out}${name}.png`, fullPage: true });
        await page.screenshot({ path: `${out}${name}-first-screen.png` });
      }
      await page.close();
    }
  }
  console.log(`${pages.length} pages × 2 widths × 2 themes, whole and first screen, in ${out}`);
} finally {
  await browser.close();
  await site.stop();
}
// The Netlify emulation keeps handles open after stop(); the run is over.
process.exit(0);
