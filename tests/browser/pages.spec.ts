/**
 * Every page of every edition, as the site is now and, for the appeal, while it is open: what any
 * reader, tool or auditor checks on any page. One visit per page and condition serves every check.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { sitePages } from '../support/pages';
import { appeal, expect, test } from './fixtures';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const pages = sitePages(appeal);

/** The page's axe violations, one line each. */
async function violations(page: Page, path: string): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).withTags(wcag).analyze();
  return found.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.help}`);
}

/** How far the page sticks out sideways, and what sticks out, so a failure says where to look. */
const overflow = (page: Page) =>
  page.evaluate(() => ({
    by: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    wide: [...document.querySelectorAll<HTMLElement>('main *, header *, footer *')]
      .filter(
        (element) =>
          element.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
      )
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  }));

/** Each page of each edition, and the appeal's own pages while it is open. */
const visits = [
  ...pages.map((one) => ({ ...one, open: false })),
  ...pages.filter((one) => one.kind === 'appeal').map((one) => ({ ...one, open: true })),
];

for (const javaScript of [true, false]) {
  test.describe(`with JavaScript ${javaScript ? 'on, in light' : 'off, in dark'}`, () => {
    test.use({ viewport: { width: 360, height: 740 }, colorScheme: javaScript ? 'light' : 'dark' });

    for (const visit of visits) {
      test(`${visit.open ? 'while open, ' : ''}${visit.path}: no WCAG 2.2 A/AA violation axe finds, nothing sideways on a 360 px phone, no request leaves the site, no cookie`, async ({
        page,
        context,
        site,
        openSite,
      }) => {
        // axe runs inside the page: to audit the page without JavaScript, refuse the site's own scripts instead.
        if (!javaScript) await page.route('**/_astro/*.js', (route) => route.abort());
        const origin = visit.open ? openSite.url : site.url;
        if (visit.open) await page.clock.setFixedTime(appeal.moments.open);
        const elsewhere: string[] = [];
        const cookies: string[] = [];
        page.on('request', (request) => {
          const url = new URL(request.url());
          if (url.protocol !== 'data:' && url.origin !== origin) elsewhere.push(request.url());
        });
        page.on('response', async (response) => {
          const cookie = await response.headerValue('set-cookie');
          if (cookie) cookies.push(`${response.url()}: ${cookie}`);
        });
        // With JavaScript, what the page fetches later (the form's code, the tally) is waited for too.
        await page.goto(`${origin}${visit.path}`, {
          waitUntil: javaScript ? 'networkidle' : 'load',
        });
        expect(await violations(page, visit.path)).toEqual([]);
        const { by, wide } = await overflow(page);
        expect(by, wide.join(', ')).toBeLessThanOrEqual(0);
        expect(elsewhere).toEqual([]);
        expect(cookies).toEqual([]);
        expect(await context.cookies()).toEqual([]);
      });
    }
  });
}

test.describe('reading at 200 % on a 320 px screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('no page scrolls sideways and no word of a heading, label or button is cut in two, in any edition', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    for (const { path } of pages) {
      await page.goto(path);
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      const { by, wide } = await overflow(page);
      expect(by, `${path}: ${wide.join(' | ')}`).toBeLessThanOrEqual(0);
      // A word laid out on two lines has two boxes. (An email address may break after its "@".)
      const broken = await page.evaluate(() => {
        const cut: string[] = [];
        for (const element of document.querySelectorAll<HTMLElement>(
          'h1, h2, h3, label, legend, .kicker, .button',
        )) {
          if (element.offsetParent === null || element.closest('.hp')) continue;
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of (node.textContent ?? '').matchAll(/[^\s@./-]+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1)
                cut.push(`${element.tagName.toLowerCase()}: ${match[0]}`);
            }
          }
        }
        return cut;
      });
      expect(broken, path).toEqual([]);
    }
  });
});

test('the sitemap lists the appeal and every printable letter, in every edition', async ({
  request,
}) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const listed: string[] = [];
  for (const [, sitemap] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const xml = await (await request.get(new URL(sitemap ?? '').pathname)).text();
    listed.push(
      ...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc ?? '').pathname),
    );
  }
  const expected = appeal.languages.flatMap((lang) => [
    appeal.path(lang, '/'),
    ...appeal.targets.flatMap((target) =>
      appeal.languages.map((letter) => appeal.path(lang, `/letters/${target.id}/${letter}/`)),
    ),
  ]);
  expect(listed.sort()).toEqual(expected.sort());
});

test('a keyboard user can skip to the appeal and reach every action of the open appeal', async ({
  page,
  openSite,
}) => {
  const t = appeal.strings(appeal.defaultLanguage);
  await page.clock.setFixedTime(appeal.moments.open);
  await page.goto(`${openSite.url}/`);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: t.skipToContent })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  const actions = page.locator(
    ':is(main a[href], main button, main input, main select):visible:not([tabindex="-1"])',
  );
  const all = await actions.evaluateAll((elements) =>
    elements.map((element) => element.outerHTML.slice(0, 160)),
  );
  const reached = new Set<string>();
  for (let press = 0; press < all.length + 5; press++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160) ?? ''));
  }
  // Radio buttons are one stop per group: the arrow keys move within it.
  const missed = all.filter((html) => !reached.has(html) && !/type="radio"/.test(html));
  expect(missed).toEqual([]);
});

test('text in another language than the page is marked as such for screen readers and translators', async ({
  page,
}) => {
  for (const lang of appeal.languages) {
    await page.goto(appeal.path(lang, '/'));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const letter of appeal.languages)
      await expect(page.locator(`#letter-${letter}`)).toHaveAttribute('lang', letter);
  }
  await page.goto(`/letters/${appeal.targets[0]?.id}/${appeal.languages.at(-1)}/`);
  await expect(page.locator('.printed-letter')).toHaveAttribute(
    'lang',
    appeal.languages.at(-1) ?? '',
  );
});

test('the served site sends the security headers netlify.toml sets, and caches hashed files for a year', async ({
  request,
}) => {
  const response = await request.get('/');
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['strict-transport-security']).toMatch(/max-age=\d{8,}/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  const asset = (await response.text()).match(/\/_astro\/[^"]+\.(css|js)/)?.[0];
  expect(asset).toBeTruthy();
  expect((await request.get(asset ?? '')).headers()['cache-control']).toBe(
    'public, max-age=31536000, immutable',
  );
});

test('an unknown address answers 404 in its edition, with a way back to the appeal', async ({
  page,
}) => {
  for (const lang of appeal.languages) {
    const t = appeal.strings(lang);
    const response = await page.goto(appeal.path(lang, '/no-such-page/'));
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFoundTitle);
    await page.getByRole('link', { name: t.labelled(t.notFoundLink) }).click();
    await expect(page).toHaveURL(new RegExp(`${appeal.path(lang, '/')}$`));
  }
});
