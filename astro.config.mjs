// @ts-check
import { defineConfig } from 'astro/config';
import netlify from '@astrojs/netlify';
import sitemap from '@astrojs/sitemap';
import { localDatabaseMigrations } from './src/integrations/local-database.ts';
import { languages } from './src/lib/appeal/vocabulary.ts';
import { defaultLanguage } from './src/i18n/paths.ts';

export default defineConfig({
  // Netlify sets URL to the site's primary address during its builds.
  site: process.env.URL ?? 'https://ua-119-21.netlify.app',
  trailingSlash: 'ignore',
  // English at the root, Spanish under /es/; pages live once in src/pages/[...locale]/.
  i18n: {
    locales: [...languages],
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
      filter: (page) => !/\/(404|thanks|report-problem)\/?$/.test(new URL(page).pathname),
      // hreflang alternates between the English pages and their Spanish editions under /es/.
      i18n: { defaultLocale: defaultLanguage, locales: Object.fromEntries(languages.map((lang) => [lang, lang])) },
    }),
    localDatabaseMigrations(),
  ],
  build: {
    // One small stylesheet file: cacheable for a year, allowed by a strict CSP without inline styles.
    inlineStylesheets: 'never',
  },
  vite: {
    // Scripts stay external files so the CSP needs no 'unsafe-inline' and browsers cache them.
    build: { assetsInlineLimit: 0 },
  },
});
