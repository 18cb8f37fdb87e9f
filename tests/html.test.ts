/**
 * Every page is valid HTML, as the Nu HTML Checker (vnu-jar) reads it: the static pages of the
 * build and the pages rendered on request, the report form's problem page included. Browsers
 * forgive invalid markup; validators, some readers and future parsers need not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appeal } from './support/appeal';
import { sitePages } from './support/pages';
import { startSite, type ReportSite } from './support/site';

const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const vnu = join(
  dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build',
  'dist',
  'vnu.jar',
);
if (java.status !== 0)
  console.warn(
    `\n${'!'.repeat(100)}\nTHE HTML CHECKER IS SKIPPED: no Java on this machine (java -version failed).\n${'!'.repeat(100)}\n`,
  );

describe.skipIf(java.status !== 0)('every page, checked by the Nu HTML Checker', () => {
  let site: ReportSite;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await site?.stop();
  });

  it(
    'finds no error in any static or on-demand page, in every edition',
    { timeout: 180_000 },
    async () => {
      const dist = join(import.meta.dirname, '..', 'dist');
      const built = readdirSync(dist, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.html'))
        .map((file) => join(dist, file));
      expect(built.length).toBeGreaterThanOrEqual(10);
      const onDemand = mkdtempSync(join(tmpdir(), 'ua-html-'));
      const [first] = appeal.languages;
      // Every page rendered on request, and the report page as it comes back with a problem.
      const requests: [string, RequestInit?][] = [
        ...sitePages(appeal)
          .filter((page) => page.rendered === 'on request')
          .map((page): [string] => [page.path]),
        [appeal.path(first ?? '', `/thanks/?report=${crypto.randomUUID()}`)],
        ...appeal.languages.map((lang): [string, RequestInit] => [
          appeal.path(lang, '/report/'),
          {
            method: 'POST',
            body: 'counts.letter=60',
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.url },
          },
        ]),
      ];
      try {
        const rendered = await Promise.all(
          requests.map(async ([path, init], index) => {
            const file = join(onDemand, `page-${index}.html`);
            writeFileSync(file, await (await fetch(`${site.url}${path}`, init)).text());
            return file;
          }),
        );
        const check = spawnSync(
          'java',
          ['-jar', vnu, '--errors-only', '--format', 'text', ...built, ...rendered],
          { encoding: 'utf8', timeout: 120_000 },
        );
        const report = `${check.stdout}${check.stderr}`;
        expect(
          report.split('\n').filter((line) => /error/i.test(line) && !/No errors found/.test(line)),
        ).toEqual([]);
        expect(check.status).toBe(0);
      } finally {
        rmSync(onDemand, { recursive: true, force: true });
      }
    },
  );
});
