/**
 * The appeal's life as a reader meets it: open (the appeal under test built at a moment before its
 * deadline), past its deadline (the same page read later, by the browser's clock), and closed by
 * its outcome (a fixture appeal, and the appeal under test when its life has come to that). The
 * updates feed, the sharing image, and the report of actions an official would be handed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { dayStart, deadlineEnd, formatDay } from '../../src/lib/deadline/deadline';
import type { AppealUnderTest } from '../support/appeal';
import { appeal, closedAppeal, expect, readTally, test } from './fixtures';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Whether an element's box lies inside the first screen of the page. */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

const { deadline, deadlineTimeZone } = appeal.appeal(appeal.defaultLanguage);
const end = deadlineEnd(deadline, deadlineTimeZone).getTime();

test.describe('while the appeal is open', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const lang of appeal.languages) {
    const t = appeal.strings(lang);
    test(`${lang}: the first screen on a phone shows the headline, the ask, the deadline and the first action; each official has one main action`, async ({
      page,
      openSite,
    }) => {
      await page.clock.setFixedTime(appeal.moments.open);
      await page.goto(`${openSite.url}${appeal.path(lang, '/')}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(appeal.appeal(lang).title);
      const primary = page.getByRole('link', { name: t.writeToOfficials }).first();
      await expect(primary).toHaveClass(/primary/);
      for (const selector of ['h1', '.hero .ask', '.hero .button.primary'])
        expect(await onFirstScreen(page, selector), selector).toBe(true);
      await expect(page.locator('[data-deadline-label]')).toHaveText(t.labelled(t.deadlineLabel));
      await expect(page.locator('.hero time')).toHaveText(formatDay(deadline, t.locale));
      await expect(page.locator('.card .button.primary')).toHaveCount(appeal.targets.length);
      await expect(page.locator('[data-after-deadline]')).toBeHidden();
    });

    test(`${lang}: read half an hour before the deadline day ends where it is set, the page still asks to act by it`, async ({
      page,
      openSite,
    }) => {
      await page.clock.setFixedTime(new Date(end - 30 * 60_000));
      await page.goto(`${openSite.url}${appeal.path(lang, '/')}`);
      await expect(page.locator('[data-deadline-label]')).toHaveText(t.labelled(t.deadlineLabel));
      await expect(page.locator('[data-after-deadline]')).toBeHidden();
    });

    test(`${lang}: read once the deadline day has ended, the same page says so, with the appeal's guidance and a next step`, async ({
      page,
      openSite,
    }) => {
      await page.clock.setFixedTime(new Date(end + 60_000));
      await page.goto(`${openSite.url}${appeal.path(lang, '/')}`);
      await expect(page.locator('[data-deadline-label]')).toHaveText(
        t.labelled(t.deadlinePastLabel),
      );
      const notice = page.locator('[data-after-deadline]');
      await expect(notice).toContainText(t.deadlinePassed);
      await expect(notice).toContainText(appeal.appeal(lang).afterDeadline);
      await expect(notice).toContainText(t.pastDeadlineNext);
      // The date stays as the edition writes it, whatever the browser's language.
      await expect(page.locator('.hero time')).toHaveText(formatDay(deadline, t.locale));
    });
  }

  test.describe('in a browser set to another variant of the language', () => {
    test.use({ locale: 'en-US' });
    test('the deadline is written as the edition writes it', async ({ page, openSite }) => {
      const t = appeal.strings(appeal.defaultLanguage);
      await page.clock.setFixedTime(appeal.moments.open);
      await page.goto(`${openSite.url}/`);
      await expect(page.locator('.hero time')).toHaveText(formatDay(deadline, t.locale));
    });
  });
});

/** The closed appeals to read: the fixture always, and the appeal under test once its outcome has come. */
const closedOnes: { name: string; of: AppealUnderTest; site: 'site' | 'closedSite' }[] = [
  { name: 'the fixture appeal', of: closedAppeal, site: 'closedSite' },
  ...(appeal.stateAt(new Date()).kind === 'closed'
    ? [{ name: 'this appeal', of: appeal, site: 'site' as const }]
    : []),
];

for (const { name, of, site: which } of closedOnes) {
  const state = of.stateAt(new Date());
  if (state.kind !== 'closed') continue;
  test.describe(`${name}, closed by its outcome`, () => {
    test.use({ viewport: { width: 360, height: 740 } });

    for (const lang of of.languages) {
      const t = of.strings(lang);
      const [outcome] = of.updates(lang).filter((update) => !update.actionsRequested);
      test(`${lang}: the first screen leads with the outcome, its date, thanks and the final tally, and nothing asks to act now`, async ({
        page,
        request,
        site,
        closedSite,
      }) => {
        const url = (which === 'site' ? site : closedSite).url;
        // A report counted before the reader arrives, so the final tally has a figure to show.
        await request.post(`${url}/api/reports`, {
          headers: { origin: url },
          data: {
            id: crypto.randomUUID(),
            targets: [of.targets[0]?.id],
            counts: { letter: 1 },
            language: lang,
            startedAt: Date.now() - 60_000,
          },
        });
        await page.goto(`${url}${of.path(lang, '/')}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(outcome?.title ?? '');
        await expect(page.locator('.hero time')).toHaveText(
          formatDay(outcome?.date ?? '', t.locale),
        );
        await expect(page.getByText(t.outcomeThanks)).toBeVisible();
        const tally = await readTally(request, url);
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
        const text = await page.locator('main').innerText();
        for (const actNow of [
          t.writeToOfficials,
          t.labelled(t.deadlineLabel),
          t.takeAction,
          t.officialsHeading,
          ...of.targets.map((target) => t.format(t.emailOfficial, { name: target.name })),
        ]) {
          expect(text, actNow).not.toContain(actNow);
        }
        await expect(page.locator('.hero .button.primary')).toHaveText(t.readOutcome);
        // The appeal stays readable as the record, and the form is framed for those who acted before.
        await expect(page.locator('#record')).toBeVisible();
        await expect(page.locator('.card.target')).toHaveCount(of.targets.length);
        await expect(page.getByRole('heading', { name: t.reportClosedHeading })).toBeVisible();
      });

      test(`${lang}: lists every update with its date and source, links its feed, and every other page says the appeal is closed`, async ({
        page,
        site,
        closedSite,
      }) => {
        const url = (which === 'site' ? site : closedSite).url;
        await page.goto(`${url}${of.path(lang, '/')}`);
        for (const update of of.updates(lang)) {
          const item = page.locator(`#update-${update.id}`);
          await expect(item.getByRole('heading', { level: 3 })).toHaveText(update.title);
          await expect(item.locator('time')).toHaveAttribute('datetime', update.date);
          await expect(
            item.getByRole('link', {
              name: t.format(t.updateSource, { document: update.source.document }),
            }),
          ).toHaveAttribute('href', update.source.url);
        }
        await expect(
          page.locator('link[rel="alternate"][type="application/rss+xml"]'),
        ).toHaveAttribute('href', new RegExp(`${of.path(lang, '/updates.xml')}$`));
        for (const path of [
          `/letters/${of.targets[0]?.id}/${lang}/`,
          '/thanks/',
          '/tally/',
          '/report/',
          '/no-such-page/',
        ]) {
          await page.goto(`${url}${of.path(lang, path)}`);
          await expect(page.locator('.closed-banner'), path).toContainText(
            t.format(t.closedBanner, {
              title: outcome?.title ?? '',
              date: formatDay(outcome?.date ?? '', t.locale),
            }),
          );
        }
      });

      test(`${lang}: its updates feed is valid RSS in the edition's language, an item per update from the start of its day`, async ({
        page,
        request,
        site,
        closedSite,
      }) => {
        const url = (which === 'site' ? site : closedSite).url;
        const xml = await (await request.get(`${url}${of.path(lang, '/updates.xml')}`)).text();
        await page.goto(`${url}/`);
        const feed = await page.evaluate((source) => {
          const doc = new DOMParser().parseFromString(source, 'application/xml');
          return {
            error: doc.querySelector('parsererror')?.textContent ?? null,
            language: doc.querySelector('channel > language')?.textContent,
            items: [...doc.querySelectorAll('item')].map((item) => ({
              title: item.querySelector('title')?.textContent,
              link: item.querySelector('link')?.textContent,
              date: item.querySelector('pubDate')?.textContent,
            })),
          };
        }, xml);
        expect(feed.error).toBeNull();
        expect(feed.language).toBe(lang);
        const { deadlineTimeZone: zone } = of.appeal(lang);
        expect(feed.items).toEqual(
          of.updates(lang).map((update) => ({
            title: update.title,
            link: expect.stringMatching(new RegExp(`#update-${update.id}$`)),
            date: dayStart(update.date, zone).toUTCString(),
          })),
        );
      });
    }
  });
}

test('each edition shares its own image, made for the state the appeal is in', async ({
  page,
  request,
}) => {
  const images: string[] = [];
  for (const lang of appeal.languages) {
    await page.goto(appeal.path(lang, '/'));
    images.push(
      new URL((await page.locator('meta[property="og:image"]').getAttribute('content')) ?? '')
        .pathname,
    );
  }
  expect(images).toEqual(appeal.languages.map((lang) => appeal.path(lang, '/og.png')));
  const bodies = await Promise.all(
    images.map(async (path) => {
      const response = await request.get(path);
      expect(response.headers()['content-type']).toBe('image/png');
      return (await response.body()).toString('base64');
    }),
  );
  expect(new Set(bodies).size).toBe(bodies.length);
});

test.describe('the report of actions', () => {
  test('puts the headline figures first, dates them, and gives every chart a table of the same figures; no country of fewer than five reports is named; axe finds nothing', async ({
    page,
    request,
    site,
  }) => {
    for (const country of ['PE', 'PE', 'PE', 'PE', 'PE', 'IS']) {
      await request.post('/api/reports', {
        headers: { origin: site.url },
        data: {
          id: crypto.randomUUID(),
          targets: [appeal.targets[0]?.id],
          counts: { letter: 1 },
          language: appeal.defaultLanguage,
          country,
          startedAt: Date.now() - 60_000,
        },
      });
    }
    const tally = await readTally(request);
    for (const lang of appeal.languages) {
      const t = appeal.strings(lang);
      const countries = new Intl.DisplayNames([t.locale, lang], { type: 'region' });
      await page.goto(appeal.path(lang, '/tally/'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        t.format(t.tallyTitle, { ua: appeal.appeal(lang).ua }),
      );
      await expect(page.locator('.figures dd').first()).toHaveText(
        new Intl.NumberFormat(lang).format(tally.actions),
      );
      await expect(page.locator('.range')).toContainText(t.tallyAsOf.split('{time}')[0]!.trim());
      for (const chart of await page.locator('figure.chart').all()) {
        await expect(chart.locator('svg')).toHaveAttribute('aria-hidden', 'true');
        await expect(chart.locator('figcaption')).not.toBeEmpty();
        await expect(chart.locator('xpath=following-sibling::*[1]').locator('table')).toBeVisible();
      }
      await expect(
        page.getByRole('row', { name: new RegExp(`^${countries.of('PE')}`) }),
      ).toBeVisible();
      await expect(
        page.getByRole('row', { name: new RegExp(`^${countries.of('IS')}`) }),
      ).toHaveCount(0);
      await expect(
        page.getByRole('row', {
          name: new RegExp(
            `^${t.otherCountries.split('{min}')[0]!.trim().replace(/[()]/g, '\\$&')}`,
          ),
        }),
      ).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze();
      expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    }
  });

  test('prints on two A4 pages at most, in the edition of the language the officials prefer', async ({
    page,
  }) => {
    const preferred = appeal.appeal(appeal.defaultLanguage).preferredLanguage;
    await page.goto(
      appeal.path(
        appeal.languages.includes(preferred) ? preferred : appeal.defaultLanguage,
        '/tally/',
      ),
    );
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeLessThanOrEqual(
      2,
    );
  });

  test('its figures download as CSV, cached like the JSON', async ({ request }) => {
    const response = await request.get('/api/tally.csv');
    expect(response.headers()['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers()['etag']).toMatch(/^"[0-9a-f]+"$/);
    expect(response.headers()['netlify-cdn-cache-control']).toContain('stale-while-revalidate');
    expect((await response.text()).split('\r\n')[0]).toBe('dimension,key,actions,reports');
  });

  test('organizers reach it from every page, and it may be cached by the CDN briefly', async ({
    page,
  }) => {
    const t = appeal.strings(appeal.defaultLanguage);
    const response = await page.goto('/tally/');
    expect(response?.headers()['netlify-cdn-cache-control']).toContain('stale-while-revalidate');
    await page.goto('/');
    await page.getByRole('link', { name: t.tallyLink }).click();
    await expect(page).toHaveURL(/\/tally\/$/);
  });
});
