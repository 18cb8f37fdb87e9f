/**
 * Every translation of the appeal is an edition of its own: page for page, linked to the others,
 * with no word of another edition's interface, and no redirect by the browser's language.
 */
import { sitePages } from '../support/pages';
import { appeal, expect, test } from './fixtures';

/** Every text of a strings table, plural forms and problem messages included. */
const texts = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(texts)
      : [];

test("does not redirect by the browser's language", async ({ page }) => {
  const response = await page.goto('/', { waitUntil: 'commit' });
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/:\d+\/$/);
});

for (const lang of appeal.translations) {
  const t = appeal.strings(lang);
  const own = new Set(texts(t));
  /** Interface texts of the other editions that are not this one's too (names, punctuation), long enough to tell. */
  const foreign = appeal.languages
    .filter((other) => other !== lang)
    .flatMap((other) => texts(appeal.strings(other)))
    .filter((text) => !own.has(text))
    .flatMap((text) => text.split(/\{\w+\}/))
    .map((part) => part.trim())
    .filter((part) => part.length >= 8);

  test.describe(`the ${lang} edition`, () => {
    test.use({ locale: lang });

    test('links each page to every other edition, and the switch keeps the reader on the same page', async ({
      page,
    }) => {
      for (const path of ['/', '/report/', '/tally/']) {
        await page.goto(appeal.path(lang, path));
        for (const other of appeal.languages.filter((one) => one !== lang)) {
          await expect(page.locator(`link[rel="alternate"][hreflang="${other}"]`)).toHaveAttribute(
            'href',
            new RegExp(`${appeal.path(other, path)}$`),
          );
          const switchTo = appeal.strings(other).switchTo;
          await page.getByRole('link', { name: switchTo }).click();
          await expect(page).toHaveURL(
            new RegExp(`${appeal.path(other, path).replace(/\//g, '\\/')}$`),
          );
          await expect(page.locator('html')).toHaveAttribute('lang', other);
          await page.goto(appeal.path(lang, path));
        }
      }
    });

    test.describe('without JavaScript', () => {
      test.use({ javaScriptEnabled: false });

      test("no page shows another edition's interface words outside text marked as that edition's language", async ({
        page,
      }) => {
        test.setTimeout(60_000);
        for (const { path } of sitePages(appeal).filter((one) => one.lang === lang)) {
          await page.goto(path);
          const text = await page.evaluate((edition) => {
            const found = [document.title];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement?.closest('[lang]')?.getAttribute('lang') === edition)
                found.push(node.textContent ?? '');
            }
            for (const element of document.querySelectorAll(
              '[aria-label], [data-copied], [data-fallback], [data-strings]',
            )) {
              if (element.closest('[lang]')?.getAttribute('lang') !== edition) continue;
              for (const attribute of element.getAttributeNames())
                if (attribute === 'aria-label' || attribute.startsWith('data-'))
                  found.push(element.getAttribute(attribute) ?? '');
            }
            return found.join('\n');
          }, lang);
          expect(
            foreign.filter((words) => text.includes(words)),
            path,
          ).toEqual([]);
        }
      });
    });
  });
}
