/**
 * A supporter telling the campaign what they did, in every way the report form can be used: with
 * JavaScript (on a flaky connection too), without it, in every edition; what they read back.
 */
import AxeBuilder from '@axe-core/playwright';
import { appeal, expect, fillReport, readTally, test } from './fixtures';

const lang = appeal.defaultLanguage;
const t = appeal.strings(lang);
const closed = appeal.stateAt(new Date()).kind === 'closed';
const send = { name: t.reportSubmit };
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.describe('reporting with JavaScript', () => {
  // A person takes longer than the 3 s a bot does: the page's clock says the form was shown a minute ago.
  test.beforeEach(async ({ page }) => page.clock.setFixedTime(Date.now() - 60_000));

  test('counts the report, stays on the page and shows the new tally', async ({
    page,
    request,
  }) => {
    const before = await readTally(request);
    await page.goto('/');
    const filled = await fillReport(page);
    await page.getByRole('button', send).click();
    await expect(page.getByRole('status').filter({ hasText: t.reportSent })).toBeVisible();
    const after = await readTally(request);
    expect(after.reports).toBe(before.reports + 1);
    expect(after.actions).toBe(before.actions + filled.count);
    expect(after.byChannel.letter).toBe((before.byChannel.letter ?? 0) + filled.count);
    expect(after.byTarget[filled.target]).toBe((before.byTarget[filled.target] ?? 0) + 1);
    expect(after.byLanguage[filled.language]?.reports).toBe(
      (before.byLanguage[filled.language]?.reports ?? 0) + 1,
    );
    const line = t.format(closed ? t.closedTally : t.tallyLine, {
      actions: t.format(t.tallyActions, { count: after.actions }),
      reports: t.format(t.tallyReports, { count: after.reports }),
    });
    await expect(page.locator('[data-tally]').first()).toHaveText(line);
    await expect(page).toHaveURL(/\/$/);
  });

  test('shows each problem beside its field and in a summary, announced, and sends nothing', async ({
    page,
    request,
  }) => {
    const before = await readTally(request);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
    await page.goto('/');
    await page.locator('input[name="counts.letter"]').fill('-1');
    await page.getByRole('button', send).click();
    const summary = page.locator('[data-problems]');
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(t.problems['targets-missing']);
    await expect(page.locator('#report-error-targets')).toHaveText(t.problems['targets-missing']);
    await expect(page.locator('#report-error-counts-letter')).toHaveText(
      t.problems['count-negative'],
    );
    await expect(page.locator('input[name="counts.letter"]')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    const { violations } = await new AxeBuilder({ page }).include('form[data-report]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(posts).toEqual([]);
    expect((await readTally(request)).reports).toBe(before.reports);
  });

  test('a double click counts once', async ({ page, request }) => {
    const before = await readTally(request);
    await page.goto('/');
    await fillReport(page);
    await page.getByRole('button', send).dblclick();
    await expect(page.getByRole('status').filter({ hasText: t.reportSent })).toBeVisible();
    expect((await readTally(request)).reports).toBe(before.reports + 1);
  });

  test('a lost answer is retried with the same id and counted once', async ({ page, request }) => {
    const before = await readTally(request);
    const sentIds: string[] = [];
    let lost = false;
    await page.route('**/api/reports', async (route) => {
      sentIds.push((route.request().postDataJSON() as { id: string }).id);
      if (lost) return route.continue();
      lost = true;
      // The report reaches the server and is stored; the answer never reaches the browser.
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.goto('/');
    await fillReport(page);
    await page.getByRole('button', send).click();
    await expect(page.getByRole('status').filter({ hasText: t.reportAlreadySent })).toBeVisible({
      timeout: 15_000,
    });
    expect(sentIds).toHaveLength(2);
    expect(sentIds[1]).toBe(sentIds[0]);
    expect((await readTally(request)).reports).toBe(before.reports + 1);
  });

  test('storage down at first: the form waits, retries and the report counts once', async ({
    page,
    request,
  }) => {
    const before = await readTally(request);
    let answered = 0;
    await page.route('**/api/reports', async (route) => {
      answered++;
      if (answered === 1)
        return route.fulfill({
          status: 503,
          headers: { 'retry-after': '1' },
          contentType: 'application/problem+json',
          body: '{}',
        });
      return route.continue();
    });
    await page.goto('/');
    await fillReport(page);
    await page.getByRole('button', send).click();
    await expect(page.getByRole('status').filter({ hasText: t.reportSent })).toBeVisible({
      timeout: 15_000,
    });
    expect(answered).toBe(2);
    expect((await readTally(request)).reports).toBe(before.reports + 1);
  });

  test('a new report after a counted one gets a new id and counts again', async ({
    page,
    request,
  }) => {
    const before = await readTally(request);
    await page.goto('/');
    const ids: string[] = [];
    for (let report = 0; report < 2; report++) {
      await fillReport(page);
      const [sent] = await Promise.all([
        page.waitForResponse('**/api/reports'),
        page.getByRole('button', send).click(),
      ]);
      expect(sent.status()).toBe(201);
      ids.push((sent.request().postDataJSON() as { id: string }).id);
    }
    expect(ids[1]).not.toBe(ids[0]);
    expect((await readTally(request)).reports).toBe(before.reports + 2);
  });

  test('keeps focus on the button while sending and after, and announces the result', async ({
    page,
  }) => {
    await page.goto(appeal.path(lang, '/report/'));
    await fillReport(page);
    const button = page.getByRole('button', send);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: t.reportSent })).toBeVisible();
    await expect(button).toBeFocused();
  });
});

test.describe('on a flaky or slow connection', () => {
  test('when its rules fail to load, pressing Send says so, and a press once the connection is back works', async ({
    page,
    request,
  }) => {
    await page.clock.setFixedTime(Date.now() - 60_000);
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
    await page.getByRole('button', send).click();
    await expect(page.getByRole('status').filter({ hasText: t.reportFailed })).toBeVisible();
    expect(refused).toBeGreaterThan(0);
    online = true;
    await page.getByRole('button', send).click();
    await expect(page.getByRole('status').filter({ hasText: t.reportSent })).toBeVisible();
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
    [403, t.reportCrossSite],
    [413, t.reportTooLarge],
    [415, t.reportWrongType],
  ] as const) {
    test(`does not send again an answer that cannot change (${status}), and shows its reason`, async ({
      page,
    }) => {
      await page.clock.setFixedTime(Date.now() - 60_000);
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
      await page.getByRole('button', send).click();
      await expect(page.getByRole('status').filter({ hasText: reason })).toBeVisible();
      expect(posts).toHaveLength(1);
      await expect(page.getByRole('status')).not.toContainText(t.reportRetrying);
    });
  }

  test("is not held as too fast when the form's code arrives late: the time to fill counts from when the form could be seen", async ({
    page,
    request,
  }) => {
    const before = await readTally(request);
    // The form's code takes longer to arrive than the fastest a person fills the form in.
    await page.route(/\/_astro\/report-form\.[^/]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await route.continue();
    });
    await page.goto('/report/');
    await fillReport(page);
    await page.getByRole('button', send).click();
    await expect(page.getByRole('status').filter({ hasText: t.reportSent })).toBeVisible({
      timeout: 15_000,
    });
    // Held reports are stored but not counted: this one is counted.
    expect((await readTally(request)).reports).toBe(before.reports + 1);
  });
});

test.describe('reporting without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const edition of appeal.languages) {
    const et = appeal.strings(edition);
    test(`${edition}: posts the form and lands on the edition's thank-you page, with the tally`, async ({
      page,
      request,
    }) => {
      const before = await readTally(request);
      await page.goto(appeal.path(edition, '/'));
      await fillReport(page, appeal, edition);
      await page.getByRole('button', { name: et.reportSubmit }).click();
      await expect(page).toHaveURL(
        new RegExp(`${appeal.path(edition, '/thanks/')}\\?report=[0-9a-f-]+$`),
      );
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(et.thanksTitle);
      const after = await readTally(request);
      expect(after.reports).toBe(before.reports + 1);
      await expect(page.locator('.figures dd').first()).toHaveText(
        new Intl.NumberFormat(edition).format(after.actions),
      );
    });
  }

  test('a form with problems comes back with every answer kept and each problem beside its field, and is counted once put right', async ({
    page,
    request,
  }) => {
    const before = await readTally(request);
    await page.goto('/');
    const form = page.locator('form[data-report]');
    // Answers the browser lets through but the rules do not: no official chosen.
    await form.locator('input[name="counts.letter"]').fill('50');
    await form.getByLabel(t.reportCountry).selectOption('PE');
    await page.getByRole('button', send).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.reportProblemTitle);
    await expect(page).toHaveURL(/\/report\/$/);
    await expect(page.locator('#report-error-targets')).toHaveText(t.problems['targets-missing']);
    await expect(form.locator('input[name="counts.letter"]')).toHaveValue('50');
    await expect(form.getByLabel(t.reportCountry)).toHaveValue('PE');
    expect((await readTally(request)).reports).toBe(before.reports);
    // Put right and sent again from the same page, it is counted.
    await fillReport(page);
    for (const channel of appeal.choices.channels.filter((one) => one !== 'letter'))
      await form.locator(`input[name="counts.${channel}"]`).fill('0');
    await page.getByRole('button', send).click();
    await expect(page).toHaveURL(/\/thanks\/\?report=/);
    expect((await readTally(request)).reports).toBe(before.reports + 1);
  });

  test("the report form's problem page reflows at 200 % on a 320 px screen, its problems inside their border", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/report/');
    await page.getByRole('button', send).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.reportProblemTitle);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
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

test('the thank-you page after a report and the problem page pass axe', async ({ page }) => {
  for (const submit of [true, false]) {
    await page.goto('/');
    if (submit) await page.clock.setFixedTime(Date.now() - 60_000);
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.reload();
    if (submit) await fillReport(page);
    await page.getByRole('button', send).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      submit ? t.thanksTitle : t.reportProblemTitle,
    );
    const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
});

for (const edition of appeal.translations) {
  const et = appeal.strings(edition);
  test(`${edition}: reports with JavaScript, problems and thanks in the edition's words`, async ({
    page,
    request,
  }) => {
    await page.clock.setFixedTime(Date.now() - 60_000);
    const before = await readTally(request);
    await page.goto(appeal.path(edition, '/'));
    const form = page.locator('form[data-report]');
    await form.getByRole('button', { name: et.reportSubmit }).click();
    await expect(page.locator('#report-error-targets')).toHaveText(et.problems['targets-missing']);
    await fillReport(page, appeal, edition, 3);
    await form.getByRole('button', { name: et.reportSubmit }).click();
    await expect(page.getByRole('status').filter({ hasText: et.reportSent })).toBeVisible();
    const after = await readTally(request);
    expect(after.actions).toBe(before.actions + 3);
  });
}
