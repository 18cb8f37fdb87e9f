import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

/** Every page the sitemap lists, plus the 404 page: new pages are audited without editing this file. */
async function sitePages(request: APIRequestContext): Promise<string[]> {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    ([, loc]) => new URL(loc ?? '').pathname,
  );
  const pages: string[] = [];
  for (const sitemap of sitemaps) {
    const xml = await (await request.get(sitemap)).text();
    pages.push(
      ...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc ?? '').pathname),
    );
  }
  return [
    ...pages,
    '/thanks/',
    '/es/thanks/',
    '/tally/',
    '/es/tally/',
    '/report/',
    '/es/report/',
    '/no-such-page/',
    '/es/no-such-page/',
  ];
}

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

test('the sitemap lists the appeal and every printable letter, in both editions', async ({
  request,
}) => {
  const pages = await sitePages(request);
  expect(pages).toEqual(
    expect.arrayContaining([
      '/',
      '/letters/minister/es/',
      '/letters/ambassador/en/',
      '/es/',
      '/es/letters/minister/es/',
    ]),
  );
});

for (const javaScriptEnabled of [true, false]) {
  test(`every page has no WCAG 2.2 A/AA violation found by axe, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
    page,
    request,
  }) => {
    // One audit per page: a minute and more on a busy two-core machine.
    test.setTimeout(120_000);
    // axe runs inside the page: to audit the no-JavaScript page, refuse the site's own scripts instead.
    if (!javaScriptEnabled) await page.route('**/_astro/*.js', (route) => route.abort());
    for (const path of await sitePages(request)) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze();
      expect(violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
    }
  });

  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('no page scrolls sideways on a 360 px wide phone', async ({ page, request }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      for (const path of await sitePages(request)) {
        await page.goto(path);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    });

    test('no request leaves the site and no cookie is set', async ({
      page,
      context,
      request,
      baseURL,
    }) => {
      const elsewhere: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.protocol !== 'data:' && url.origin !== baseURL) elsewhere.push(r.url());
      });
      const setCookies: string[] = [];
      page.on('response', async (response) => {
        const cookie = await response.headerValue('set-cookie');
        if (cookie) setCookies.push(`${response.url()}: ${cookie}`);
      });
      for (const path of await sitePages(request))
        await page.goto(path, { waitUntil: 'networkidle' });
      expect(elsewhere).toEqual([]);
      expect(setCookies).toEqual([]);
      expect(await context.cookies()).toEqual([]);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole reading path still works: both letters, every channel, printable letters', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('#letter-es')).toBeVisible();
    await expect(page.locator('#letter-en')).toBeVisible();
    await expect(page.locator('#letter-es [data-part="salutation"]')).toHaveText('Señor Ministro:');
    await expect(page.locator('a[href^="mailto:"]')).toHaveCount(4);
    await expect(page.locator('a[href^="tel:"]')).toHaveCount(1);
    // Buttons that need JavaScript are not offered where they cannot work.
    await expect(page.getByRole('button', { name: /Copy/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'Español', exact: true }).first().click();
    await expect(page).toHaveURL(/\/letters\/minister\/es\/$/);
    await expect(page.locator('.salutation')).toHaveText('Señor Ministro:');
  });
});

test('a keyboard user can skip to the appeal and reach every action', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the appeal' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  const focusable = page.locator('main a[href], main button:visible, main input:visible');
  const count = await focusable.count();
  const reached = new Set<string>();
  for (let press = 0; press < count + 5; press++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? ''));
  }
  for (const name of ['Copy fax number', 'Copy the letter']) {
    const html = await page
      .getByRole('button', { name })
      .first()
      .evaluate((el) => el.outerHTML.slice(0, 120));
    expect(reached).toContain(html);
  }
  const tel = await page.locator('a[href^="tel:"]').evaluate((el) => el.outerHTML.slice(0, 120));
  expect(reached).toContain(tel);
});

test('Spanish text is marked as Spanish for screen readers and translators', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#letter-es')).toHaveAttribute('lang', 'es');
  await expect(page.locator('#letter-en')).toHaveAttribute('lang', 'en');
  await page.goto('/letters/minister/es/');
  await expect(page.locator('.printed-letter')).toHaveAttribute('lang', 'es');
});

test('the served site sends the security headers netlify.toml sets', async ({ request }) => {
  const page = await request.get('/');
  const headers = page.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['strict-transport-security']).toMatch(/max-age=\d{8,}/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  const html = await page.text();
  const asset = html.match(/\/_astro\/[^"]+\.(css|js)/)?.[0];
  expect(asset).toBeTruthy();
  const cached = await request.get(asset ?? '');
  expect(cached.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('an unknown address answers 404 with a way back to the appeal', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: /Go to the appeal/ }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: /The appeal as published/ }),
  ).toBeVisible();
});

test('shares with a title, description and image', async ({ page, request }) => {
  await page.goto('/');
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toContain(
    'Refugee children granted humanitarian immigration status',
  );
  expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe(
    'summary_large_image',
  );
  const png = await request.get(new URL(image ?? '').pathname);
  expect(png.headers()['content-type']).toBe('image/png');
  expect((await request.get('/favicon.svg')).ok()).toBe(true);
});
