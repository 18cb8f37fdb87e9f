/**
 * A supporter's path on a phone, each defect a tester found from outside: a form that survives a
 * flaky connection, answers that say why, text that reflows at 200 %, focus that stays put, plain
 * words in both languages, and one country list.
 */
import AxeBuilder from '@axe-core/playwright';
import { stringsOf } from '../tests/support/content';
import { expect, fillReport, readTally, test } from './fixtures';

const en = stringsOf('en');
const es = stringsOf('es');

test.describe('the report form on a flaky connection', () => {
  test.beforeEach(async ({ page }) => page.clock.setFixedTime(Date.now() - 60_000));

  test('when its rules fail to load, pressing Send says so, and a press once the connection is back works', async ({
    page,
    request,
  }) => {
    const before = await readTally(request);
    let online = false;
    let refused = 0;
    await page.route(/\/_astro\/report-rules\.[^/]+\.js/, async (route) => {
      if (online) return route.continue();
      refused += 1;
      return route.abort('internetdisconnected');
    });
    await page.goto('/report/');
    await fillReport(page);
    await page.getByRole('button', { name: en.reportSubmit }).click();
    await expect(page.getByRole('status').filter({ hasText: en.reportFailed })).toBeVisible();
    expect(refused).toBeGreaterThan(0);
    online = true;
    await page.getByRole('button', { name: en.reportSubmit }).click();
    await expect(page.getByRole('status').filter({ hasText: en.reportSent })).toBeVisible();
    expect((await readTally(request)).reports).toBe(before.reports + 1);
  });

  test('fetches its rules before the first press, as soon as the form comes into view', async ({
    page,
  }) => {
    const rules: string[] = [];
    page.on('request', (request) => {
      if (/\/_astro\/report-rules\./.test(request.url())) rules.push(request.url());
    });
    await page.goto('/');
    await page.locator('form[data-report]').scrollIntoViewIfNeeded();
    await expect.poll(() => rules.length).toBeGreaterThan(0);
  });

  for (const [status, reason] of [
    [403, en.reportCrossSite],
    [413, en.reportTooLarge],
    [415, en.reportWrongType],
  ] as const) {
    test(`does not send again an answer that cannot change (${status}), and shows its reason`, async ({
      page,
    }) => {
      const posts: string[] = [];
      await page.route('**/api/reports', async (route) => {
        posts.push(route.request().url());
        await route.fulfill({
          status,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', status, title: 'x', detail: reason }),
        });
      });
      await page.goto('/report/');
      await fillReport(page);
      await page.getByRole('button', { name: en.reportSubmit }).click();
      await expect(page.getByRole('status').filter({ hasText: reason })).toBeVisible();
      expect(posts).toHaveLength(1);
      await expect(page.getByRole('status')).not.toContainText(en.reportRetrying);
    });
  }

  test('keeps focus on the button while sending and after, and announces the result', async ({
    page,
  }) => {
    await page.goto('/report/');
    await fillReport(page);
    const button = page.getByRole('button', { name: en.reportSubmit });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: en.reportSent })).toBeVisible();
    await expect(button).toBeFocused();
  });
});

test.describe('reading at 200 % on a 320 px screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  const pages = [
    '/',
    '/es/',
    '/report/',
    '/es/report/',
    '/thanks/',
    '/es/thanks/',
    '/tally/',
    '/es/tally/',
    '/no-such-page/',
    '/es/no-such-page/',
    '/letters/ambassador/es/',
  ];
  test('no page scrolls sideways and no word is cut in two, in either language', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    for (const path of pages) {
      await page.goto(path);
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      // What sticks out, named, so a failure says where to look.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main *, header *, footer *')]
          .filter(
            (element) =>
              element.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
          )
          .slice(0, 5)
          .map(
            (element) =>
              `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? '').trim().slice(0, 40)}`,
          ),
      );
      expect(overflow, `${path}: ${wide.join(' | ')}`).toBeLessThanOrEqual(0);
      // A word laid out on two lines has two boxes: headings, labels and buttons keep their words whole.
      // (An email address at twice the size on a 320 px phone may break after its "@", and inside a word if it must.)
      const broken = await page.evaluate(() => {
        const cut: string[] = [];
        for (const element of document.querySelectorAll<HTMLElement>(
          'h1, h2, h3, label, legend, .kicker, .button',
        )) {
          if (element.offsetParent === null || element.closest('.hp')) continue;
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            for (const match of text.matchAll(/[^\s@./-]+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const lines = new Set(
                [...range.getClientRects()].map((rect) => Math.round(rect.top)),
              );
              if (lines.size > 1) cut.push(`${element.tagName.toLowerCase()}: ${match[0]}`);
            }
          }
        }
        return cut;
      });
      expect(broken, path).toEqual([]);
    }
  });

  test("the report form's problem page reflows too, with its answers", async ({ page }) => {
    await page.goto('/es/report/');
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.reload();
    await page.getByRole('button', { name: es.reportSubmit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(es.reportProblemTitle);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    // The list of problems keeps its bullets inside its border.
    const inset = await page
      .locator('.problems ul')
      .evaluate(
        (list) =>
          list.getBoundingClientRect().left -
          (list.closest('.problems')?.getBoundingClientRect().left ?? 0),
      );
    expect(inset).toBeGreaterThan(16);
  });
});

test('on a desktop the officials sit side by side, of equal height, with no email address broken', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const cards = await page
    .locator('.card.target')
    .evaluateAll((elements) =>
      elements
        .map((element) => element.getBoundingClientRect())
        .map(({ top, height }) => ({ top, height })),
    );
  expect(cards).toHaveLength(2);
  expect(cards[0]?.top).toBe(cards[1]?.top);
  expect(cards[0]?.height).toBe(cards[1]?.height);
  for (const address of await page.locator('[data-channel="email"] .value').all()) {
    const lines = await address.evaluate(
      (element) => new Set([...element.getClientRects()].map((rect) => Math.round(rect.top))).size,
    );
    expect(lines).toBe(1);
  }
});

test.describe('words a supporter reads', () => {
  test('counts actions and reports with their plural forms, and shows no "0 actions" as encouragement', async ({
    page,
  }) => {
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\b1 actions\b|\b1 reports\b|\b0 actions\b|supporters so far/);
  });

  for (const [path, radio] of [
    ['/', 'Spanish'],
    ['/es/', 'Español'],
  ] as const) {
    test(`${path}: nothing is chosen for the supporter in "Which language did you write in?"`, async ({
      page,
    }) => {
      await page.goto(path);
      await expect(page.locator('input[name="language"]:checked')).toHaveCount(0);
      await expect(
        page.locator('form[data-report]').getByRole('radio', { name: radio }),
      ).toBeVisible();
    });
  }

  test("the English page names the preferred language in English, with a space before the appeal's note", async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('.language-note')).toHaveText(
      /^Preferred language: Spanish\. Spanish is the preferred language/,
    );
  });

  test("the country menu names each country once, in the page's language, with Latin American wording on the Spanish page", async ({
    page,
  }) => {
    for (const [path, expected] of [
      ['/', 'Saudi Arabia'],
      ['/es/', 'Arabia Saudita'],
    ] as const) {
      await page.goto(path);
      const names = await page.locator('select[name="country"] option').allInnerTexts();
      expect(new Set(names).size, path).toBe(names.length);
      expect(names, path).toContain(expected);
      expect(
        names.filter((name) => /Germany|Alemania|Russia|Rusia|Serbia/.test(name)),
      ).toHaveLength(3);
    }
  });

  test('the Spanish edition speaks as a Peruvian editor would', async ({ page, unclosed }) => {
    await page.goto(`${unclosed.url}/es/`);
    await expect(page.locator('[data-deadline-label]')).toHaveText('Fecha límite:');
    const text = await page.locator('body').innerText();
    for (const wrong of [
      /Actúa antes del/,
      /\bpulsa\b/i,
      /\brellena\b/i,
      /\binforme\b/i,
      /\bAU\b/,
      /procesos de tránsito/,
      /llamarles/,
      /por la Acción Urgente/,
      /en riesgo en Perú/,
      /Traducción: Traducción/,
    ]) {
      expect(text, String(wrong)).not.toMatch(wrong);
    }
    await expect(
      page.getByRole('link', { name: /^Publica en X mencionando a @PeruInTheUSA/ }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Envía mi reporte' })).toBeVisible();
    await expect(page.locator('#letter-es [data-part="salutation"]')).toHaveText('Señor Ministro:');
  });

  test("the English page gives the Spanish letter's translation note in English", async ({
    page,
    unclosed,
  }) => {
    await page.goto(`${unclosed.url}/`);
    await expect(page.locator('#letter-es .translation-note')).toHaveText(
      en.format(en.translatedLetter, { language: 'English' }),
    );
  });
});

test.describe('the details around writing', () => {
  test('a printable letter has its own heading, and with JavaScript its hint no longer asks for the date it filled in', async ({
    page,
  }) => {
    await page.goto('/letters/minister/es/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'A letter to Oscar Maúrtua De Romaña',
    );
    await expect(page.locator('.print-tools .hint')).toHaveText(en.printHintDated);
    await expect(page.locator('[data-today]')).not.toBeEmpty();
  });

  test('the thank-you page opened without a report does not say one is in', async ({ page }) => {
    await page.goto('/thanks/');
    await expect(page.getByText(en.thanksText)).toHaveCount(0);
    await expect(page.getByText(en.thanksDirect)).toBeVisible();
  });

  test("email links open Outlook for work and school accounts too, and the copied address starts with the official's title", async ({
    page,
    context,
    site,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.goto('/');
    const card = page.locator('[data-target="minister"]');
    await expect(card.locator('a[data-compose="outlook-work"]').first()).toHaveAttribute(
      'href',
      /^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=webmaster%40rree\.gob\.pe/,
    );
    await card.getByRole('button', { name: en.copyAddress }).click();
    expect(
      (await page.evaluate(() => navigator.clipboard.readText())).split('\n').slice(0, 2),
    ).toEqual(['Oscar Maúrtua De Romaña', 'Minister of Foreign Affairs']);
  });

  test("the footer shows what a supporter can use, not the appeal's internal fields", async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('.site-footer')).not.toContainText('Name and pronoun');
    await expect(page.locator('.site-footer')).not.toContainText('The refugee child matter');
  });
});

test('every page passes axe in the dark theme too', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const path of [
    '/',
    '/es/',
    '/report/',
    '/thanks/',
    '/tally/',
    '/es/tally/',
    '/letters/minister/es/',
    '/no-such-page/',
  ]) {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  }
});
