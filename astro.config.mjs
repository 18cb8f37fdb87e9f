// @ts-check
import { defineConfig } from 'astro/config';
import netlify from '@astrojs/netlify';
import sitemap from '@astrojs/sitemap';
import { checkedContent } from './src/integrations/content-check.ts';
import { localDatabaseMigrations } from './src/integrations/local-database.ts';
import { headlineFont } from './src/integrations/headline-font.ts';

// The content is checked first: a mistake stops here with a plain list. The languages come from it
// (one edition per file in content/appeal/, the original at "/"), and so does the site's address.
const { languages, defaultLanguage, site, hasUpdates } = checkedContent(
  new URL('./content/', import.meta.url),
  process.env,
);

// PREVIEW_AT=2022-01-05T12:00:00Z builds the site as it stands at that moment (src/lib/appeal/clock.ts).
const previewAt = process.env.PREVIEW_AT ?? '';
if (previewAt && Number.isNaN(Date.parse(previewAt))) {
  throw new Error(`PREVIEW_AT="${previewAt}" is not a moment: write it as 2022-01-05T12:00:00Z.`);
}

export default defineConfig({
  site,
  trailingSlash: 'ignore',
  // Pages live once in src/pages/[...locale]/: the original edition at the root, the others under /<language>/.
  i18n: {
    locales: languages,
    defaultLocale: defaultLanguage,
    routing: { prefixDefaultLocale: false, redirectToDefaultLocale: false },
  },
  adapter: netlify({
    // Edge Functions emulation would download Deno; this site has none.
    devFeatures: { edgeFunctions: false, images: true, environmentVariables: false },
    imageCDN: false,
  }),
  integrations: [
    // Only pages worth landing on: not the 404, nor the pages that answer a report.
    sitemap({
      filter: (page) => !/\/(404|thanks|report)\/?$/.test(new URL(page).pathname),
      // hreflang alternates between the editions of each page.
      i18n: {
        defaultLocale: defaultLanguage,
        locales: Object.fromEntries(languages.map((lang) => [lang, lang])),
      },
    }),
    localDatabaseMigrations(),
    // The headline face (Anton), subset to the characters the content uses, as a hashed /_astro/*.woff2.
    headlineFont({
      package: '@fontsource/anton',
      family: 'Anton',
      textFrom: ['content'],
      uppercase: true,
    }),
  ],
  security: {
    // The report routes check where a post comes from themselves, so that a refusal is an answer in
    // the reader's language with the site's headers, not a bare 403 from the framework.
    checkOrigin: false,
  },
  build: {
    // One small stylesheet file: cacheable for a year, allowed by a strict CSP without inline styles.
    inlineStylesheets: 'never',
  },
  vite: {
    // Scripts stay external files so the CSP needs no 'unsafe-inline' and browsers cache them.
    build: { assetsInlineLimit: 0 },
    define: {
      __PREVIEW_AT__: JSON.stringify(previewAt),
      // An appeal without updates yet has no updates collection to ask for (src/lib/appeal/campaign.ts).
      __HAS_UPDATES__: JSON.stringify(hasUpdates),
    },
  },
});
