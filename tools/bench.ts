/**
 * The project's benchmark: `npm run bench` builds, then this measures the pages a supporter loads
 * (Lighthouse) and the report API on a real PostgreSQL server, prints every figure beside its
 * target, and writes them all to bench-results/. It reports; it does not judge: a missed target
 * still exits 0, only a broken measurement exits 1.
 *
 *   npm run bench
 *   BENCH_LIGHTHOUSE_RUNS=1 BENCH_API_SECONDS=3 npm run bench     a quicker, noisier look
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.ts';
import { chromiumBinary } from './chromium.ts';
import { measurePages } from './bench/pages.ts';
import { measureApi } from './bench/api.ts';
import { table, type Goal } from './bench/format.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const heading = (text: string) => console.log(`\n${text}\n${'='.repeat(text.length)}`);

const chromiumPath = chromiumBinary();
if (!chromiumPath) throw new Error('No Chromium found: run `node tools/ensure-chromium.ts` first.');

const started = Date.now();
const sections: Record<string, unknown> = {};
const targets: Goal[] = [];
const failures: string[] = [];

async function section(
  id: string,
  title: string,
  run: () => Promise<{ lines: string[]; data: unknown; targets: Goal[] }>,
): Promise<void> {
  heading(title);
  try {
    const result = await run();
    for (const line of result.lines) console.log(line);
    sections[id] = result.data;
    targets.push(...result.targets);
  } catch (error) {
    // One broken section should not hide the other's figures.
    console.error(
      `This section failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    failures.push(id);
  }
}

const site = await serve({ port: 0, memory: true, quiet: true });
try {
  await section('pages', 'Pages (Lighthouse, mobile)', () =>
    measurePages(
      site.url,
      chromiumPath,
      Math.max(1, Number(process.env['BENCH_LIGHTHOUSE_RUNS'] ?? 3)),
    ),
  );
} finally {
  await site.stop();
}
await section('api', 'Report API on a real PostgreSQL', measureApi);

heading('Targets');
console.log(
  table([
    ['figure', 'measured', 'target', 'met'],
    ...targets.map((target) => [
      target.figure,
      target.measured,
      target.target,
      target.met ? 'yes' : 'NO',
    ]),
  ]).join('\n'),
);
console.log(`\n${targets.filter((target) => target.met).length} of ${targets.length} targets met.`);

const report = {
  date: new Date().toISOString(),
  commit: git('rev-parse', 'HEAD'),
  // Say whether the measured build matches the commit.
  dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
  node: process.version,
  chromium: chromiumPath,
  durationSeconds: Math.round((Date.now() - started) / 1000),
  targets,
  failures,
  sections,
};
await mkdir(`${root}bench-results`, { recursive: true });
const file = `${root}bench-results/bench-${report.date.replace(/[:.]/g, '-')}.json`;
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
await writeFile(`${root}bench-results/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Every figure above is in ${file} (and bench-results/latest.json).`);
// The Netlify emulation keeps handles open after stop(); the run is over.
process.exit(failures.length > 0 ? 1 : 0);
