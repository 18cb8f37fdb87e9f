/**
 * Every page at a phone's width and a desktop's, in light and dark, saved for people to look at
 * (test-results/screenshots/, kept out of git). What is checked here is what a glance would catch:
 * the page renders and does not scroll sideways.
 */
import { expect, test } from './fixtures';

const pages = [
  '/',
  '/es/',
  '/letters/minister/es/',
  '/es/letters/ambassador/en/',
  '/report/',
  '/es/report/',
  '/thanks/',
  '/es/thanks/',
  '/tally/',
  '/es/tally/',
  '/no-such-page/',
  '/es/no-such-page/',
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every page at 360 and 1280 px, ${colorScheme}`, async ({ page, unclosed }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme });
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
      // The appeal before its outcome too: open by the browser's clock, on the variant built without content/updates/.
      for (const path of [...pages, `${unclosed.url}/`, `${unclosed.url}/es/`]) {
        const open = path.startsWith('http');
        if (open) await page.clock.setFixedTime(new Date('2021-12-01T15:00:00Z'));
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const name = `${open ? 'open-' : ''}${new URL(path, 'http://x').pathname.replace(/^\/|\/$/g, '').replaceAll('/', '-') || 'home'}-${width}-${colorScheme}`;
        await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
        await page.screenshot({ path: `test-results/screenshots/${name}-first-screen.png` });
        expect(
          await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          ),
          `${path} at ${width}`,
        ).toBeLessThanOrEqual(0);
      }
    }
  });
}
