import { stringsOf } from '../tests/support/content';
import { expect, readTally, test } from './fixtures';

const en = stringsOf('en');
const es = stringsOf('es');
/** Every text of a strings table, plural forms and problem messages included. */
const texts = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(texts)
      : [];
/** English interface strings that are not also Spanish (brand names, "Fax"), long enough to be telling. */
const spanishTexts = new Set(texts(es));
const englishOnly = texts(en)
  .filter((text) => !spanishTexts.has(text))
  .flatMap((text) => text.split(/\{\w+\}/))
  .map((part) => part.trim())
  .filter((part) => part.length >= 8);

test.describe('the Spanish edition', () => {
  test.use({ locale: 'es-PE' });

  test('is the whole appeal in Spanish: the outcome first, then the appeal as published', async ({
    page,
  }) => {
    await page.goto('/es/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Niñas, niños y adolescentes refugiados reciben la calidad migratoria humanitaria',
    );
    await expect(
      page.getByRole('heading', {
        level: 2,
        name: 'El llamamiento tal como se publicó, con fecha límite del 3 de enero de 2022',
      }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', {
        level: 3,
        name: 'Niñas, niños y adolescentes refugiados en riesgo en el Perú',
      }),
    ).toBeVisible();
    await expect(page.getByText('Traducción fiel del llamamiento')).toBeVisible();
    for (const figure of [/500\.000/, /59\s%/, /22,6\s%/, /207-2021-RE/, /20 casos/, /4244/])
      await expect(page.getByText(figure).first()).toBeVisible();
  });

  test('links each page to its other edition, and the switch keeps the reader on the same page', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute(
      'href',
      /\/es\/$/,
    );
    await page.getByRole('link', { name: 'Lee en español' }).click();
    await expect(page).toHaveURL(/\/es\/$/);
    await page.getByRole('link', { name: 'Read in English' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('does not redirect by browser language', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/:\d+\/$/);
  });

  test('opens the Spanish letter and copies it', async ({ page, context, site }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.goto('/es/');
    await expect(page.locator('#letter-es')).toBeVisible();
    await expect(page.locator('#letter-en')).toBeHidden();
    await page.getByRole('button', { name: 'Copia la carta' }).first().click();
    await expect(page.locator('#letter-es [role="status"]')).toHaveText('Copiado al portapapeles.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^Señor Ministro:\n\nLe escribo/,
    );
    const languages = page.getByRole('group', { name: 'Idioma de la carta' });
    await languages.getByRole('radio', { name: 'English' }).check();
    await expect(page.locator('#letter-en')).toBeVisible();
  });

  test('reports with JavaScript: problems and thanks in Spanish, the tally in Spanish numbers', async ({
    page,
    request,
  }) => {
    await page.clock.setFixedTime(Date.now() - 60_000);
    const before = await readTally(request);
    await page.goto('/es/');
    const form = page.locator('form[data-report]');
    await form.getByRole('button', { name: 'Envía mi reporte' }).click();
    await expect(page.locator('#report-error-targets')).toHaveText(
      'Elige la autoridad o las autoridades a las que escribiste.',
    );
    await form.getByRole('checkbox', { name: /Oswaldo de Rivero/ }).check();
    await form.getByLabel('Llamadas telefónicas').fill('1');
    await form.getByLabel('Publicaciones en redes sociales').fill('2');
    await form.getByRole('radio', { name: 'Español' }).check();
    await form.getByRole('button', { name: 'Envía mi reporte' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Gracias: tu reporte ya se contó.' }),
    ).toBeVisible();
    const after = await readTally(request);
    expect(after.actions).toBe(before.actions + 3);
    await expect(page.locator('[data-tally]').first()).toHaveText(
      es.format(es.closedTally, {
        actions: es.format(es.tallyActions, { count: after.actions }),
        reports: es.format(es.tallyReports, { count: after.reports }),
      }),
    );
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('reports and lands on the Spanish thank-you page; problems come back in Spanish', async ({
      page,
      request,
    }) => {
      await page.goto('/es/');
      await page.getByRole('button', { name: 'Envía mi reporte' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tu reporte no se envió');
      await expect(page.getByText('Cuéntanos qué hiciste: escribe 1 o más').first()).toBeVisible();
      await expect(page).toHaveURL(/\/es\/report\/$/);
      const before = await readTally(request);
      await page.getByRole('checkbox', { name: /Oscar Maúrtua De Romaña/ }).check();
      await page.getByLabel('Cartas enviadas por correo postal').fill('1');
      await page.getByRole('radio', { name: 'Inglés' }).check();
      await page.getByRole('button', { name: 'Envía mi reporte' }).click();
      await expect(page).toHaveURL(/\/es\/thanks\/\?report=/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gracias por actuar');
      expect((await readTally(request)).reports).toBe(before.reports + 1);
    });

    test('no Spanish page shows an English interface string outside text marked as English', async ({
      page,
      request,
    }) => {
      const index = await (await request.get('/sitemap-0.xml')).text();
      const spanishPages = [...index.matchAll(/<loc>[^<]*?(\/es\/[^<]*)<\/loc>/g)].map(
        ([, path]) => path ?? '',
      );
      expect(spanishPages.length).toBeGreaterThanOrEqual(5);
      for (const path of [
        ...spanishPages,
        '/es/thanks/',
        '/es/tally/',
        '/es/report/',
        '/es/no-such-page/',
      ]) {
        await page.goto(path);
        const spanishText = await page.evaluate(() => {
          const texts = [document.title];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement?.closest('[lang]')?.getAttribute('lang') === 'es')
              texts.push(node.textContent ?? '');
          }
          for (const element of document.querySelectorAll(
            '[aria-label], [data-copied], [data-fallback], [data-strings]',
          )) {
            if (element.closest('[lang]')?.getAttribute('lang') !== 'es') continue;
            for (const attribute of element.getAttributeNames())
              if (attribute === 'aria-label' || attribute.startsWith('data-'))
                texts.push(element.getAttribute(attribute) ?? '');
          }
          return texts.join('\n');
        });
        expect(
          englishOnly.filter((english) => spanishText.includes(english)),
          path,
        ).toEqual([]);
      }
    });
  });

  test('a missing page under /es/ answers in Spanish', async ({ page }) => {
    const response = await page.goto('/es/no-existe/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página no encontrada');
    await page.getByRole('link', { name: /Ve al llamamiento/ }).click();
    await expect(page).toHaveURL(/\/es\/$/);
  });

  test('printable letters exist from the Spanish edition too, with Spanish tools around the letter', async ({
    page,
  }) => {
    await page.goto('/es/letters/ambassador/en/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator('.printed-letter')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: 'Vuelve al llamamiento' })).toHaveAttribute(
      'href',
      '/es/',
    );
    await expect(page.locator('.salutation')).toHaveText('Dear Ambassador Oswaldo de Rivero,');
  });
});
