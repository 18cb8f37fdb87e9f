/**
 * A supporter reading the appeal, in every edition: its facts, every official by every channel
 * the appeal gives, the letter in each language addressed to each official, the printable letters,
 * the words around them; with and without JavaScript.
 */
import { languageName } from '../../src/lib/i18n/languages';
import { telLink } from '../../src/lib/letter/links';
import { appeal, expect, test } from './fixtures';

const letterLanguages = appeal.languages;

for (const lang of appeal.languages) {
  const t = appeal.strings(lang);
  const at = (page: string) => appeal.path(lang, page);

  test.describe(`the ${lang} edition`, () => {
    test('states every fact and figure of the appeal (content/source/facts.yaml)', async ({
      page,
    }) => {
      await page.goto(at('/'));
      const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      const missing = (appeal.facts?.[lang] ?? []).filter(
        (fact) => !text.includes(fact.replace(/\s+/g, ' ')),
      );
      expect(missing).toEqual([]);
    });

    test('gives every official with every channel the appeal lists for them', async ({ page }) => {
      await page.goto(at('/'));
      for (const target of appeal.targets) {
        const card = page.locator(`[data-target="${target.id}"]`);
        await expect(card.getByRole('heading', { level: 3, name: target.name })).toBeVisible();
        await expect(card.locator('.role')).toContainText(target.role[lang] ?? '');
        await expect(card.locator('address')).toContainText(target.address[0] ?? '');
        if (target.email)
          await expect(card.locator('[data-channel="email"] .value')).toHaveText(target.email);
        if (target.phone)
          await expect(card.getByRole('link', { name: target.phone })).toHaveAttribute(
            'href',
            telLink(target.phone),
          );
        if (target.fax) await expect(card.getByText(target.fax)).toBeVisible();
        if (target.x)
          await expect(
            card.locator(`a[href^="https://x.com/intent/post?text=%40${target.x}"]`),
          ).toBeVisible();
        if (target.instagram)
          await expect(
            card.locator(`a[href="https://www.instagram.com/${target.instagram}/"]`),
          ).toBeVisible();
        if (target.contactForm)
          await expect(card.locator(`a[href="${target.contactForm}"]`)).toBeVisible();
        for (const channel of ['email', 'phone', 'fax', 'contact-form'] as const) {
          const given = {
            email: target.email,
            phone: target.phone,
            fax: target.fax,
            'contact-form': target.contactForm,
          }[channel];
          await expect(
            card.locator(`[data-channel="${channel}"]`),
            `${target.id} ${channel}`,
          ).toHaveCount(given ? 1 : 0);
        }
      }
    });

    test("names the preferred language in the page's language, labelled as the edition punctuates it", async ({
      page,
    }) => {
      await page.goto(at('/'));
      const { preferredLanguage } = appeal.appeal(lang);
      await expect(page.locator('.language-note')).toHaveText(
        new RegExp(
          `^${t.labelled(t.preferredLanguage).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s${languageName(preferredLanguage, lang)}\\.`,
        ),
      );
    });

    test("the report form's country menu names each country once, in the edition's language", async ({
      page,
    }) => {
      await page.goto(at('/report/'));
      const names = await page.locator('select[name="country"] option').allInnerTexts();
      expect(new Set(names).size).toBe(names.length);
      expect(names).toContain(new Intl.DisplayNames([t.locale, lang], { type: 'region' }).of('PE'));
      await expect(page.locator('input[name="language"]:checked')).toHaveCount(0);
    });

    test("offers a printable letter to each official in each language, on one A4 page, with the tools in the edition's language", async ({
      page,
    }) => {
      test.setTimeout(60_000);
      const [target] = appeal.targets;
      for (const letter of letterLanguages) {
        await page.goto(at(`/letters/${target?.id}/${letter}/`));
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          t.format(t.printTitle, { name: target?.name ?? '' }),
        );
        await expect(page.locator('.printed-letter')).toHaveAttribute('lang', letter);
        await expect(page.locator('.salutation')).toHaveText(target?.salutation[letter] ?? '');
        await expect(page.getByRole('link', { name: t.printBack })).toHaveAttribute(
          'href',
          at('/'),
        );
        // With JavaScript the date is filled in, and the hint no longer asks for it.
        await expect(page.locator('.print-tools .hint')).toHaveText(t.printHintDated);
        await expect(page.locator('[data-today]')).not.toBeEmpty();
        await page.emulateMedia({ media: 'print' });
        await expect(page.locator('.print-tools')).toBeHidden();
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [], letter).toHaveLength(1);
        await page.emulateMedia({ media: 'screen' });
      }
    });
  });
}

/** The tools to write: the open appeal's, by the browser's clock too. */
test.describe('the sample letter, while the appeal is open', () => {
  test.beforeEach(async ({ page }) => page.clock.setFixedTime(appeal.moments.open));
  const [first, second = first] = appeal.targets;
  const [preferred] = [appeal.appeal(appeal.defaultLanguage).preferredLanguage];

  test('opens in the language the officials prefer, switches to every other, and follows the official it is addressed to', async ({
    page,
    openSite,
  }) => {
    const t = appeal.strings(appeal.defaultLanguage);
    await page.goto(`${openSite.url}/`);
    await expect(page.locator(`#letter-${preferred}`)).toBeVisible();
    const languages = page.getByRole('group', { name: t.letterLanguages });
    for (const lang of letterLanguages) {
      await languages.getByRole('radio', { name: languageName(lang) }).check();
      await expect(page.locator(`#letter-${lang}`)).toBeVisible();
      for (const other of letterLanguages.filter((one) => one !== lang))
        await expect(page.locator(`#letter-${other}`)).toBeHidden();
      await page.getByRole('radio', { name: second?.role[appeal.defaultLanguage] ?? '' }).check();
      await expect(page.locator(`#letter-${lang} [data-part="salutation"]`)).toHaveText(
        second?.salutation[lang] ?? '',
      );
      await page.getByRole('radio', { name: first?.role[appeal.defaultLanguage] ?? '' }).check();
      await expect(page.locator(`#letter-${lang} [data-part="salutation"]`)).toHaveText(
        first?.salutation[lang] ?? '',
      );
    }
  });

  test('copies the whole letter, signed, and says so', async ({ page, context, openSite }) => {
    const t = appeal.strings(appeal.defaultLanguage);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: openSite.url });
    await page.goto(`${openSite.url}/`);
    await page.getByLabel(t.yourName).fill('Ana Pérez');
    await page.locator(`#letter-${preferred}`).getByRole('button', { name: t.copyLetter }).click();
    await expect(page.locator(`#letter-${preferred} [role="status"]`)).toHaveText(t.copied);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(`${first?.salutation[preferred]}\n\n`)).toBe(true);
    expect(copied.endsWith(`${appeal.letter(preferred).closing}\nAna Pérez`)).toBe(true);
  });

  test('selects the letter for copying by hand when the browser refuses the clipboard', async ({
    page,
    openSite,
  }) => {
    const t = appeal.strings(appeal.defaultLanguage);
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
      document.execCommand = () => false;
    });
    await page.goto(`${openSite.url}/`);
    await page.locator(`#letter-${preferred}`).getByRole('button', { name: t.copyLetter }).click();
    await expect(page.locator(`#letter-${preferred} [role="status"]`)).toHaveText(t.copyFallback);
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    expect(selected.replace(/\s+/g, ' ')).toContain(
      appeal.letter(preferred).body.trim().split(/\s+/).slice(0, 8).join(' '),
    );
  });

  test('each contact detail an official has is copied as it is written, the address starting with their name and role', async ({
    page,
    context,
    openSite,
  }) => {
    const t = appeal.strings(appeal.defaultLanguage);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: openSite.url });
    await page.goto(`${openSite.url}/`);
    for (const target of appeal.targets) {
      const card = page.locator(`[data-target="${target.id}"]`);
      await card.getByRole('button', { name: t.copyAddress }).click();
      expect(
        (await page.evaluate(() => navigator.clipboard.readText())).split('\n').slice(0, 2),
      ).toEqual([target.name, target.role[appeal.defaultLanguage]]);
      if (target.fax) {
        await card.getByRole('button', { name: t.copyFax }).click();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(target.fax);
      }
    }
  });
});

test.describe('without JavaScript, while the appeal is open', () => {
  test.use({ javaScriptEnabled: false });

  test('every letter is there to read, every official by every channel, and the printable letters', async ({
    page,
    openSite,
  }) => {
    await page.goto(`${openSite.url}/`);
    for (const lang of letterLanguages) await expect(page.locator(`#letter-${lang}`)).toBeVisible();
    const withEmail = appeal.targets.filter((target) => target.email);
    const withPhone = appeal.targets.filter((target) => target.phone);
    for (const target of withEmail)
      await expect(
        page.locator(`[data-target="${target.id}"] a[href^="mailto:"]`).first(),
      ).toBeVisible();
    await expect(page.locator('a[href^="tel:"]')).toHaveCount(withPhone.length);
    // Buttons that need JavaScript are not offered where they cannot work.
    await expect(
      page.getByRole('button', { name: appeal.strings(appeal.defaultLanguage).copyLetter }),
    ).toHaveCount(0);
    const [first] = appeal.targets;
    const last = letterLanguages.at(-1) ?? '';
    await page
      .locator(`[data-target="${first?.id}"] a[href$="/letters/${first?.id}/${last}/"]`)
      .click();
    await expect(page.locator('.salutation')).toHaveText(first?.salutation[last] ?? '');
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
  expect(cards).toHaveLength(appeal.targets.length);
  const row = cards.slice(0, 2);
  expect(new Set(row.map((card) => card.top)).size).toBe(1);
  expect(new Set(row.map((card) => card.height)).size).toBe(1);
  for (const address of await page.locator('[data-channel="email"] .value').all()) {
    expect(
      await address.evaluate(
        (element) =>
          new Set([...element.getClientRects()].map((rect) => Math.round(rect.top))).size,
      ),
    ).toBe(1);
  }
});

test('counts actions and reports with their plural forms, and shows no "0" as encouragement', async ({
  page,
  request,
  site,
}) => {
  const t = appeal.strings(appeal.defaultLanguage);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const tally = (await (await request.get(`${site.url}/api/tally`)).json()) as {
    actions: number;
    reports: number;
  };
  const line = await page.locator('[data-tally]').first().innerText();
  if (tally.reports === 0) expect(line).toBe('');
  else expect(line).toContain(t.format(t.tallyReports, { count: tally.reports }));
});
