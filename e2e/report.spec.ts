import AxeBuilder from '@axe-core/playwright';
import { stringsOf } from '../tests/support/content';
import { expect, fillReport, readTally, test } from './fixtures';

const en = stringsOf('en');

test.describe('reporting with JavaScript', () => {
  // The form is honest about fill time; a person takes longer than the 3 s a bot does.
  test.beforeEach(async ({ page }) => page.clock.setFixedTime(Date.now() - 60_000));

  test('counts the report, stays on the page and shows the new tally', async ({
    page,
    request,
  }) => {
    const before = await readTally(request);
    await page.goto('/');
    await fillReport(page);
    await page.getByRole('button', { name: 'Send my report' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'your report is counted' }),
    ).toBeVisible();
    const after = await readTally(request);
    expect(after.reports).toBe(before.reports + 1);
    expect(after.actions).toBe(before.actions + 2);
    expect(after.byChannel.email).toBe(before.byChannel.email + 2);
    expect(after.byTarget['minister']).toBe((before.byTarget['minister'] ?? 0) + 1);
    // The appeal has closed: its first screen gives the final tally, with this report in it.
    await expect(page.locator('[data-tally]').first()).toHaveText(
      en.format(en.closedTally, {
        actions: en.format(en.tallyActions, { count: after.actions }),
        reports: en.format(en.tallyReports, { count: after.reports }),
      }),
    );
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
    await page.getByLabel('Faxes sent').fill('-1');
    await page.getByRole('button', { name: 'Send my report' }).click();
    const summary = page.locator('[data-problems]');
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Choose the official or officials you wrote to.');
    await expect(page.locator('#report-error-targets')).toHaveText(
      'Choose the official or officials you wrote to.',
    );
    await expect(page.locator('#report-error-counts-fax')).toHaveText('Enter 0 or more.');
    await expect(page.getByLabel('Faxes sent')).toHaveAttribute('aria-invalid', 'true');
    const { violations } = await new AxeBuilder({ page }).include('form[data-report]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(posts).toEqual([]);
    expect((await readTally(request)).reports).toBe(before.reports);
  });

  test('a double click counts once', async ({ page, request }) => {
    const before = await readTally(request);
    await page.goto('/');
    await fillReport(page);
    await page.getByRole('button', { name: 'Send my report' }).dblclick();
    await expect(page.getByRole('status').filter({ hasText: 'counted' })).toBeVisible();
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
    await page.getByRole('button', { name: 'Send my report' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'already counted' })).toBeVisible({
      timeout: 10_000,
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
    await page.getByRole('button', { name: 'Send my report' }).click();
    await expect(page.getByRole('button', { name: 'Send my report' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(
      page.getByRole('status').filter({ hasText: 'your report is counted' }),
    ).toBeVisible({ timeout: 10_000 });
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
        page.getByRole('button', { name: 'Send my report' }).click(),
      ]);
      expect(sent.status()).toBe(201);
      ids.push((sent.request().postDataJSON() as { id: string }).id);
    }
    expect(ids[1]).not.toBe(ids[0]);
    expect((await readTally(request)).reports).toBe(before.reports + 2);
  });
});

test.describe('a supporter on a slow connection', () => {
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
    await page.getByRole('button', { name: en.reportSubmit }).click();
    await expect(page.getByRole('status').filter({ hasText: en.reportSent })).toBeVisible({
      timeout: 15_000,
    });
    // Held reports are stored but not counted: this one is counted.
    expect((await readTally(request)).reports).toBe(before.reports + 1);
  });
});

test.describe('reporting without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('posts the form and lands on a thank-you page with the tally', async ({ page, request }) => {
    const before = await readTally(request);
    await page.goto('/');
    await fillReport(page);
    await page.getByRole('button', { name: 'Send my report' }).click();
    await expect(page).toHaveURL(/\/thanks\/\?report=[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for taking action');
    const after = await readTally(request);
    expect(after.reports).toBe(before.reports + 1);
    await expect(page.getByText(String(after.actions), { exact: true }).first()).toBeVisible();
  });

  test('a form with problems comes back with every answer kept and each problem beside its field', async ({
    page,
    request,
  }) => {
    const before = await readTally(request);
    await page.goto('/');
    const form = page.locator('form[data-report]');
    // Answers the browser lets through but the rules do not: no official, and more actions than one report may count.
    await form.getByLabel('Emails sent').fill('50');
    await form.getByLabel('Letters posted').fill('50');
    await form.getByLabel('Faxes sent').fill('1');
    await form.getByLabel(/Where are you/).selectOption({ label: 'Peru' });
    await page.getByRole('button', { name: 'Send my report' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your report was not sent');
    await expect(page).toHaveURL(/\/report\/$/);
    await expect(page.locator('#report-error-targets')).toHaveText(en.problems['targets-missing']);
    await expect(page.locator('#report-error-counts')).toHaveText(
      en.format(en.problems['counts-too-many'], { max: 100 }),
    );
    await expect(form.getByLabel('Emails sent')).toHaveValue('50');
    await expect(form.getByLabel('Faxes sent')).toHaveValue('1');
    await expect(form.getByLabel(/Where are you/)).toHaveValue('PE');
    expect((await readTally(request)).reports).toBe(before.reports);
    // Put right and sent again from the same page, it is counted.
    await form.getByRole('checkbox', { name: /Oscar Maúrtua De Romaña/ }).check();
    await form.getByLabel('Letters posted').fill('0');
    await form.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: 'Send my report' }).click();
    await expect(page).toHaveURL(/\/thanks\/\?report=/);
    expect((await readTally(request)).reports).toBe(before.reports + 1);
  });
});

test('the thank-you and problem pages pass axe', async ({ page }) => {
  for (const submit of [true, false]) {
    await page.goto('/');
    if (submit) await page.clock.setFixedTime(Date.now() - 60_000);
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.reload();
    if (submit) await fillReport(page);
    await page.getByRole('button', { name: 'Send my report' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      submit ? 'Thank you for taking action' : 'Your report was not sent',
    );
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
});

test('organizers read the same tally on a page that the CDN may cache briefly', async ({
  page,
  request,
}) => {
  const counted = await readTally(request);
  const response = await page.goto('/tally/');
  expect(response?.headers()['netlify-cdn-cache-control']).toContain('stale-while-revalidate');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Actions reported: Urgent Action 119.21',
  );
  const number = new Intl.NumberFormat('en');
  const totals = page.locator('.figures');
  await expect(totals.locator('dd').nth(0)).toHaveText(number.format(counted.actions));
  await expect(totals.locator('dd').nth(1)).toHaveText(number.format(counted.reports));
  await expect(page.getByRole('row', { name: /^Emails sent/ }).getByRole('cell')).toHaveText(
    number.format(counted.byChannel.email),
  );
  await page.goto('/');
  await page.getByRole('link', { name: 'Report of actions taken' }).click();
  await expect(page).toHaveURL(/\/tally\/$/);
});
