/**
 * The appeal's life as a reader meets it: closed by its outcome (the site as shipped), and, with
 * the outcome left out of the content, open and then past its deadline. The updates feed, the
 * sharing image, and the report of actions an official would be handed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { stringsOf } from '../tests/support/content';
import { expect, readTally, test } from './fixtures';

const editions = [
  {
    path: '/',
    lang: 'en',
    t: stringsOf('en'),
    outcome: 'Refugee children granted humanitarian immigration status',
    date: '17 December 2021',
  },
  {
    path: '/es/',
    lang: 'es',
    t: stringsOf('es'),
    outcome: 'Niñas, niños y adolescentes refugiados reciben la calidad migratoria humanitaria',
    date: '17 de diciembre de 2021',
  },
] as const;

/** The visible text of the page's main content. */
const mainText = (page: Page) => page.locator('main').innerText();

/** Whether an element's box lies inside the first screen of the page. */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

test.describe('the appeal as shipped: closed by its outcome', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const { path, t, outcome, date } of editions) {
    test(`${path}: the first screen leads with the outcome, its date, thanks and the final tally, and nothing asks to act now`, async ({
      page,
      request,
      site,
    }) => {
      // A report counted before the reader arrives, so the final tally has a figure to show.
      await request.post('/api/reports', {
        headers: { origin: site.url },
        data: {
          id: crypto.randomUUID(),
          targets: ['minister'],
          counts: { email: 1 },
          language: 'es',
          startedAt: Date.now() - 60_000,
        },
      });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(outcome);
      await expect(page.locator('.hero time')).toHaveText(date);
      await expect(page.getByText(t.outcomeThanks)).toBeVisible();
      const tally = await readTally(request);
      await expect(page.locator('.hero [data-tally]')).toHaveText(
        t.format(t.closedTally, {
          actions: t.format(t.tallyActions, { count: tally.actions }),
          reports: t.format(t.tallyReports, { count: tally.reports }),
        }),
      );
      for (const selector of [
        'h1',
        '.hero time',
        '.hero .summary',
        '.hero .thanks',
        '.hero [data-tally]',
      ])
        expect(await onFirstScreen(page, selector), selector).toBe(true);
      const text = await mainText(page);
      for (const actNow of [
        t.writeToOfficials,
        t.deadlineLabel,
        t.takeAction,
        t.officialsHeading,
        t.format(t.emailOfficial, { name: 'Oscar Maúrtua De Romaña' }),
      ]) {
        expect(text, actNow).not.toContain(actNow);
      }
      await expect(page.locator('.button.primary')).toHaveCount(2);
      await expect(page.locator('.hero .button.primary')).toHaveText(t.readOutcome);
      // The appeal stays readable as the record, every channel included, and the form is framed for those who acted before.
      await expect(
        page.getByRole('heading', {
          level: 2,
          name: new RegExp(t.recordHeadingUndated.split('{date}')[0]!),
        }),
      ).toBeVisible();
      await expect(page.locator('[data-channel="fax"]')).toHaveCount(1);
      await expect(page.getByRole('heading', { name: t.reportClosedHeading })).toBeVisible();
    });
  }

  test('lists every update with its date and source, links its feeds, and every other page says the appeal is closed', async ({
    page,
  }) => {
    await page.goto('/');
    const update = page.locator('#update-2021-12-17-children-granted-status');
    await expect(update.getByRole('heading', { level: 3 })).toHaveText(editions[0].outcome);
    await expect(update.locator('time')).toHaveAttribute('datetime', '2021-12-17');
    await expect(
      update.getByRole('link', {
        name: 'Source: Amnesty International, document AMR 46/5182/2022',
      }),
    ).toHaveAttribute('href', 'https://www.amnesty.org/en/documents/amr46/5182/2022/en/');
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      /\/updates\.xml$/,
    );
    for (const [path, t] of [
      ['/letters/minister/es/', editions[0].t],
      ['/thanks/', editions[0].t],
      ['/tally/', editions[0].t],
      ['/report/', editions[0].t],
      ['/no-such-page/', editions[0].t],
      ['/es/tally/', editions[1].t],
      ['/es/no-existe/', editions[1].t],
    ] as const) {
      await page.goto(path);
      await expect(page.locator('.closed-banner'), path).toContainText(
        t.closedBanner.split(':')[0]!,
      );
      expect(await page.locator('body').innerText(), path).not.toMatch(/still open|sigue abierto/i);
    }
  });

  for (const { path, lang, outcome } of editions) {
    test(`${path}updates.xml is a valid RSS feed in ${lang} with the outcome as its item`, async ({
      page,
      request,
    }) => {
      const response = await request.get(`${path}updates.xml`);
      expect(response.headers()['content-type']).toMatch(/xml/);
      const xml = await response.text();
      await page.goto('/');
      const feed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        const items = [...doc.querySelectorAll('item')];
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.nodeName,
          language: doc.querySelector('channel > language')?.textContent,
          items: items.map((item) => ({
            title: item.querySelector('title')?.textContent,
            link: item.querySelector('link')?.textContent,
            date: item.querySelector('pubDate')?.textContent,
          })),
        };
      }, xml);
      expect(feed.error).toBeNull();
      expect(feed.root).toBe('rss');
      expect(feed.language).toBe(lang);
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0]?.title).toBe(outcome);
      expect(feed.items[0]?.link).toMatch(
        new RegExp(`${path.replace(/\//g, '\\/')}#update-2021-12-17-children-granted-status$`),
      );
      // Midnight at the start of 17 December in Lima.
      expect(new Date(feed.items[0]?.date ?? '').toISOString()).toBe('2021-12-17T05:00:00.000Z');
    });
  }

  test("each edition shares its own image, made for the appeal's state: the English image is not on Spanish pages", async ({
    page,
    request,
  }) => {
    const images: string[] = [];
    for (const path of ['/', '/es/', '/es/tally/']) {
      await page.goto(path);
      images.push(
        new URL((await page.locator('meta[property="og:image"]').getAttribute('content')) ?? '')
          .pathname,
      );
      // The appeal's own description follows its state: closed, it is the outcome.
      if (!path.includes('tally'))
        await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
          'content',
          /4,?244/,
        );
    }
    expect(images).toEqual(['/og.png', '/es/og.png', '/es/og.png']);
    const [english, spanish] = await Promise.all(
      ['/og.png', '/es/og.png'].map(async (path) => {
        const response = await request.get(path);
        expect(response.headers()['content-type']).toBe('image/png');
        return response.body();
      }),
    );
    expect(english?.equals(spanish!)).toBe(false);
  });
});

test.describe('before the outcome: open, then past the deadline', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const { path, t } of editions) {
    test(`${path}: while open, the first screen on a phone shows the headline, the ask and the first primary action`, async ({
      page,
      unclosed,
    }) => {
      await page.clock.setFixedTime(new Date('2021-12-01T15:00:00Z'));
      await page.goto(`${unclosed.url}${path}`);
      const primary = page.getByRole('link', { name: t.writeToOfficials }).first();
      await expect(primary).toHaveClass(/primary/);
      for (const selector of ['h1', '.hero .ask', '.hero .button.primary'])
        expect(await onFirstScreen(page, selector), selector).toBe(true);
      const box = await primary.boundingBox();
      console.log(
        `${path} at 360 × 740: the first primary action ends ${Math.round((box?.y ?? 0) + (box?.height ?? 0))} px from the top`,
      );
      await expect(page.locator('[data-deadline-label]')).toHaveText(`${t.deadlineLabel}:`);
      // One filled button per official; every other way to act is outlined or a plain link.
      await expect(page.locator('.card .button.primary')).toHaveCount(2);
      await expect(page.locator('.card .button.secondary').first()).toBeVisible();
    });

    test(`${path}: past the deadline, the label says so and the notice gives the appeal's guidance and a next step`, async ({
      page,
      unclosed,
    }) => {
      await page.goto(`${unclosed.url}${path}`);
      await expect(page.locator('[data-deadline-label]')).toHaveText(`${t.deadlinePastLabel}:`);
      await expect(page.locator('[data-after-deadline]')).toContainText(t.deadlinePassed);
      await expect(page.locator('[data-after-deadline]')).toContainText(t.pastDeadlineNext);
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/granted|reciben/);
    });
  }
});

test.describe('the report of actions', () => {
  test('puts the headline figures first, dates them, and gives every chart a table of the same figures; axe finds nothing', async ({
    page,
    request,
    site,
  }) => {
    for (const country of ['PE', 'PE', 'PE', 'PE', 'PE', 'IS']) {
      await request.post('/api/reports', {
        headers: { origin: site.url },
        data: {
          id: crypto.randomUUID(),
          targets: ['ambassador'],
          counts: { letter: 1, phone: 1 },
          language: 'es',
          country,
          startedAt: Date.now() - 60_000,
        },
      });
    }
    const tally = await readTally(request);
    await page.goto('/es/tally/');
    const t = editions[1].t;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Acciones reportadas: Acción Urgente 119.21',
    );
    await expect(page.locator('.figures dd').first()).toHaveText(
      new Intl.NumberFormat('es').format(tally.actions),
    );
    await expect(page.locator('.range')).toContainText(t.tallyAsOf.split('{time}')[0]!.trim());
    for (const chart of await page.locator('figure.chart').all()) {
      await expect(chart.locator('svg')).toHaveAttribute('aria-hidden', 'true');
      await expect(chart.locator('figcaption')).not.toBeEmpty();
      await expect(chart.locator('xpath=following-sibling::*[1]').locator('table')).toBeVisible();
    }
    await expect(page.getByRole('row', { name: /^Perú/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /^Islandia/ })).toHaveCount(0);
    await expect(page.getByRole('row', { name: /^Otros países/ })).toBeVisible();
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('prints on two A4 pages at most, in Spanish for the officials', async ({ page }) => {
    await page.goto('/es/tally/');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeLessThanOrEqual(2);
  });

  test('its figures download as CSV, cached like the JSON', async ({ request }) => {
    const response = await request.get('/api/tally.csv');
    expect(response.headers()['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers()['etag']).toMatch(/^"[0-9a-f]+"$/);
    expect(response.headers()['netlify-cdn-cache-control']).toContain('stale-while-revalidate');
    const [header] = (await response.text()).split('\r\n');
    expect(header).toBe('dimension,key,actions,reports');
  });
});
