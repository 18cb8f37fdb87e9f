import { expect, test } from './fixtures';

test.describe('a supporter reading the appeal', () => {
  test('sees the outcome first, then the appeal as published: the case, the ask and both officials', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Refugee children granted humanitarian immigration status',
    );
    await expect(
      page.getByRole('heading', {
        level: 2,
        name: 'The appeal as published, with its deadline of 3 January 2022',
      }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 3, name: 'Refugee children at risk in Peru' }),
    ).toBeVisible();
    await expect(page.getByText('humanitarian immigration status').first()).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 3, name: 'Oscar Maúrtua De Romaña' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Oswaldo de Rivero' })).toBeVisible();
    for (const figure of ['500,000', '59%', '22.6%', '207-2021-RE'])
      await expect(page.getByText(figure).first()).toBeVisible();
  });

  test.describe('before the outcome was published', () => {
    test('is told to check with the local Amnesty office, and where to go next, once the deadline has passed', async ({
      page,
      unclosed,
    }) => {
      await page.goto(`${unclosed.url}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Refugee children at risk in Peru',
      );
      await expect(
        page.getByText('Please check with the Amnesty office in your country'),
      ).toBeVisible();
      await expect(
        page.getByText('What next: follow this case in the updates on this page'),
      ).toBeVisible();
      await expect(page.locator('[data-deadline-label]')).toHaveText('Deadline:');
    });

    test('is asked to act by the deadline, with no deadline notice, until the end of the deadline day in Lima', async ({
      page,
      unclosed,
    }) => {
      // 23:30 on 3 January in Lima is already 4 January in UTC: the appeal is still open.
      await page.clock.setFixedTime(new Date('2022-01-04T04:30:00Z'));
      await page.goto(`${unclosed.url}/`);
      await expect(page.locator('[data-deadline-label]')).toHaveText('Act by:');
      await expect(
        page.getByText('Please check with the Amnesty office in your country'),
      ).toBeHidden();
      await expect(page.getByRole('link', { name: 'Write to the officials' })).toBeVisible();
    });

    test.describe('in an American browser', () => {
      test.use({ locale: 'en-US' });
      test('reads the deadline in their own variant of English', async ({ page, unclosed }) => {
        await page.goto(`${unclosed.url}/`);
        await expect(page.locator('time[datetime="2022-01-03"]')).toHaveText('January 3, 2022');
      });
    });
  });

  test('reaches the ambassador by every channel the appeal lists', async ({ page }) => {
    await page.goto('/');
    const card = page.locator('[data-target="ambassador"]');
    await expect(card.getByRole('link', { name: '+1 202 833 9860' })).toHaveAttribute(
      'href',
      'tel:+12028339860',
    );
    await expect(card.getByText('+1 202 659 8124')).toBeVisible();
    await expect(card.getByRole('link', { name: /Post on X to @PeruInTheUSA/ })).toHaveAttribute(
      'href',
      /^https:\/\/x\.com\/intent\/post\?text=%40PeruInTheUSA/,
    );
    await expect(card.getByRole('link', { name: /@peruintheusa/ })).toHaveAttribute(
      'href',
      'https://www.instagram.com/peruintheusa/',
    );
    await expect(card.getByRole('link', { name: /contact form/ })).toHaveAttribute(
      'href',
      'https://bit.ly/2IoKk6P',
    );
    await expect(card.getByText('1700 Massachusetts Ave. NW')).toBeVisible();
    const mail = card.getByRole('link', { name: 'Mail app' }).first();
    const href = new URL((await mail.getAttribute('href')) ?? '');
    expect(href.pathname).toBe('digitaldiplomacy@embassyofperu.us');
    expect(href.searchParams.get('body')).toMatch(/^Señor Embajador:\r\n\r\nLe escribo/);
  });

  test('writes to the minister with his own salutation in both languages', async ({ page }) => {
    await page.goto('/');
    const links = page.locator('[data-target="minister"] a[data-compose="mailto"]');
    await expect(links).toHaveCount(2);
    const bodies = await links.evaluateAll((anchors) =>
      anchors.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('body')),
    );
    expect(bodies[0]).toMatch(/^Señor Ministro:/);
    expect(bodies[1]).toMatch(/^Dear Minister Oscar Maúrtua De Romaña,/);
  });
});

test.describe('the sample letter', () => {
  test('opens in Spanish, switches to English and back', async ({ page }) => {
    await page.goto('/');
    const spanish = page.locator('#letter-es');
    const english = page.locator('#letter-en');
    await expect(spanish).toBeVisible();
    await expect(spanish).toHaveAttribute('lang', 'es');
    await expect(english).toBeHidden();
    const languages = page.getByRole('group', { name: 'Language of the letter' });
    await languages.getByRole('radio', { name: 'English' }).check();
    await expect(english).toBeVisible();
    await expect(spanish).toBeHidden();
    await languages.getByRole('radio', { name: 'Español' }).check();
    await expect(spanish).toBeVisible();
  });

  test('follows the official it is addressed to', async ({ page }) => {
    await page.goto('/');
    const salutation = page.locator('#letter-es [data-part="salutation"]');
    await expect(salutation).toHaveText('Señor Ministro:');
    await page.getByRole('radio', { name: 'Ambassador of Peru to the United States' }).check();
    await expect(salutation).toHaveText('Señor Embajador:');
  });

  test('is signed with the name and place typed, in the letter and in every email link, and nothing is sent', async ({
    page,
  }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.url()} ${request.postData() ?? ''}`));
    await page.goto('/');
    await page.getByLabel('Your name').fill('Ana Pérez');
    await page.getByLabel('Your city and country').fill('Quito, Ecuador');
    await expect(page.locator('#letter-es [data-part="signature"]')).toHaveText(
      'Ana PérezQuito, Ecuador',
    );
    const gmail = page.locator(
      '[data-target="ambassador"] a[data-compose="gmail"][data-lang="en"]',
    );
    const body = new URL((await gmail.getAttribute('href')) ?? '').searchParams.get('body') ?? '';
    expect(body.startsWith('Dear Ambassador Oswaldo de Rivero,\n\nI am writing')).toBe(true);
    expect(body.endsWith('Sincerely,\nAna Pérez\nQuito, Ecuador')).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((request) => /Ana|P%C3%A9rez|Quito/.test(request))).toEqual([]);
  });

  test('copies the whole letter and says so', async ({ page, context, site }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.goto('/');
    await page.getByLabel('Your name').fill('Ana Pérez');
    await page.getByRole('button', { name: 'Copy the letter' }).first().click();
    await expect(page.locator('#letter-es [role="status"]')).toHaveText('Copied to the clipboard.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('Señor Ministro:\n\nLe escribo para expresar')).toBe(true);
    expect(copied.endsWith('Atentamente,\nAna Pérez')).toBe(true);
  });

  test('selects the letter for copying by hand when the browser refuses the clipboard', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
      document.execCommand = () => false;
    });
    await page.goto('/');
    await page.getByRole('button', { name: 'Copy the letter' }).first().click();
    await expect(page.locator('#letter-es [role="status"]')).toContainText('press Ctrl+C');
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    expect(selected).toContain('Le escribo para expresar mi preocupación');
  });

  test('copies the fax number', async ({ page, context, site }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.goto('/');
    await page.getByRole('button', { name: 'Copy fax number' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('+1 202 659 8124');
  });
});

test.describe('printable letters', () => {
  for (const [target, lang, salutation] of [
    ['minister', 'es', 'Señor Ministro:'],
    ['minister', 'en', 'Dear Minister Oscar Maúrtua De Romaña,'],
    ['ambassador', 'es', 'Señor Embajador:'],
    ['ambassador', 'en', 'Dear Ambassador Oswaldo de Rivero,'],
  ] as const) {
    test(`${target} in ${lang}: recipient, salutation and body fit on one printed page`, async ({
      page,
    }) => {
      await page.goto(`/letters/${target}/${lang}/`);
      await expect(page.locator('.printed-letter')).toHaveAttribute('lang', lang);
      await expect(page.locator('.salutation')).toHaveText(salutation);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.print-tools')).toBeHidden();
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages).toHaveLength(1);
    });
  }
});
