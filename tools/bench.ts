/**
 * The project's benchmark: builds are done by `npm run bench`; this starts the production server
 * (Netlify emulation, in-memory database), runs each section in order, prints the figures beside
 * their targets, writes them to bench-results/, stops the server and exits 0. It reports; it does not
 * judge: a missed target still exits 0, only a broken measurement exits 1.
 *
 *   npm run bench                       build, then measure
 *   BENCH_LIGHTHOUSE_RUNS=1 npm run bench   one Lighthouse run per page (quicker, noisier)
 *
 * To add a section, append an object of type Section (scripts/bench/types.ts) to `sections`.
 * To measure another page, add it to scripts/bench/pages.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.ts';
import { chromiumBinary } from './chromium.ts';
import { pages } from './bench/pages.ts';
import { table } from './bench/format.ts';
import { transferSection } from './bench/transfer.ts';
import { lighthouseSection } from './bench/lighthouse.ts';
import { benchApi } from './bench-api.ts';
import type { BenchContext, Section, TargetCheck } from './bench/types.ts';

/**
 * Run in this order; each gets the same running server. The API section (scripts/bench-api.ts,
 * `benchApi()`) goes last: wrap it as `{ id: 'api', title: 'API', run: (context) => ... }`.
 */
const sections: Section[] = [transferSection, lighthouseSection];

const root = fileURLToPath(new URL('..', import.meta.url));
const outputDir = `${root}bench-results`;

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function heading(text: string): void {
  console.log(`\n${text}\n${'='.repeat(text.length)}`);
}

const chromiumPath = chromiumBinary();
if (!chromiumPath) {
  console.error('No Chromium found: run `npm exec -- node scripts/ensure-chromium.ts` first.');
  process.exit(1);
}

// astro dev/check/sync delete the server function a build wrote: dynamic routes would 404 and skew every figure.
const functionDir = `${root}.netlify/v1/functions/ssr`;
if (!existsSync(`${root}dist/index.html`) || !existsSync(functionDir) || readdirSync(functionDir).length === 0) {
  console.error('The production build is missing or incomplete (dist/ or .netlify/v1/functions/ssr): run `npm run bench`, which builds first.');
  process.exit(1);
}

await mkdir(outputDir, { recursive: true });
const site = await serve({ port: 0, memory: true, quiet: true });
const context: BenchContext = { baseUrl: site.url, pages, chromiumPath, outputDir };
const figures: Record<string, unknown> = {};
const checks: TargetCheck[] = [];
const failures: string[] = [];
const started = Date.now();
console.log(`Benchmarking the production build served at ${site.url} with ${chromiumPath}.`);

try {
  for (const section of sections) {
    heading(section.title);
    try {
      const result = await section.run(context);
      for (const line of result.lines) console.log(line);
      figures[section.id] = result.data;
      checks.push(...(result.targets ?? []));
    } catch (error) {
      // One broken section should not hide the others' figures.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`Section "${section.title}" failed: ${message}`);
      failures.push(`${section.id}: ${message}`);
    }
  }
} finally {
  await site.stop();
}

heading('Targets');
console.log(
  table(
    [
      ['page', 'figure', 'measured', 'target', 'met'],
      ...checks.map((check) => [check.page, check.figure, check.measured, check.target, check.met ? 'yes' : 'NO']),
    ],
    ['left', 'left', 'right', 'right', 'left'],
  ).join('\n'),
);
console.log(`\n${checks.filter((check) => check.met).length} of ${checks.length} targets met.`);

const stamp = new Date().toISOString();
const report = {
  date: stamp,
  commit: git('rev-parse', 'HEAD'),
  // Others edit the tree too: say whether the measured build matches the commit.
  dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
  node: process.version,
  chromium: chromiumPath,
  durationSeconds: Math.round((Date.now() - started) / 1000),
  targets: checks,
  failures,
  sections: figures,
};
const file = `${outputDir}/bench-${stamp.replace(/[:.]/g, '-')}.json`;
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
await writeFile(`${outputDir}/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Figures written to ${file} (and bench-results/latest.json).`);
await benchApi();
if (failures.length > 0) console.error(`${failures.length} section(s) failed: see above.`);
// The Netlify emulation keeps handles open after stop(); the run is over.
process.exit(failures.length > 0 ? 1 : 0);
