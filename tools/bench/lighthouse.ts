/**
 * Lighthouse mobile scores (default config: Moto G Power emulation, simulated slow 4G and 4x CPU
 * slowdown) with the machine's Chromium. Several runs per page; the report is the run with the median
 * performance score, as Lighthouse's docs advise for a noisy machine.
 */
import { writeFile } from 'node:fs/promises';
import lighthouse, { generateReport, type Result } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumArgs } from '../chromium.ts';
import { ms, table } from './format.ts';
import type { BenchContext, BenchPage, Section, SectionResult, TargetCheck } from './types.ts';

export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof categories)[number];

const metricIds = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
} as const;
type Metric = keyof typeof metricIds;

/** Runs per page; BENCH_LIGHTHOUSE_RUNS overrides (1 for a quick look). */
const runs = Math.max(1, Number(process.env['BENCH_LIGHTHOUSE_RUNS'] ?? 3) || 3);

export interface LostPoints {
  category: Category;
  id: string;
  title: string;
  score: number;
  displayValue: string;
  /** Points of the category's 100 this audit costs. */
  pointsLost: number;
}

export interface PageLighthouse {
  path: string;
  label: string;
  scores: Record<Category, number | null>;
  metrics: Record<Metric, { value: number; display: string }>;
  /** Performance score of every run, in run order. */
  performanceRuns: (number | null)[];
  lostPoints: LostPoints[];
  /** Performance audits that fail but carry no weight of their own: where to look for lost milliseconds. */
  hints: { id: string; title: string; displayValue: string }[];
  runWarnings: string[];
  reportJson: string;
  reportHtml: string;
}

function score(lhr: Result, category: Category): number | null {
  const value = lhr.categories[category]?.score;
  return value === null || value === undefined ? null : Math.round(value * 100);
}

function summarise(lhr: Result, spec: BenchPage, performanceRuns: (number | null)[], files: { json: string; html: string }): PageLighthouse {
  const scores = Object.fromEntries(categories.map((category) => [category, score(lhr, category)])) as Record<Category, number | null>;
  const metrics = Object.fromEntries(
    Object.entries(metricIds).map(([name, id]) => {
      const audit = lhr.audits[id];
      return [name, { value: audit?.numericValue ?? Number.NaN, display: audit?.displayValue ?? 'n/a' }];
    }),
  ) as Record<Metric, { value: number; display: string }>;
  const lostPoints: LostPoints[] = [];
  for (const category of categories) {
    const refs = lhr.categories[category]?.auditRefs ?? [];
    const totalWeight = refs.reduce((sum, ref) => sum + ref.weight, 0);
    for (const ref of refs) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      lostPoints.push({
        category,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        displayValue: audit.displayValue ?? '',
        pointsLost: totalWeight > 0 ? ((1 - audit.score) * ref.weight * 100) / totalWeight : 0,
      });
    }
  }
  const hints = (lhr.categories['performance']?.auditRefs ?? [])
    .filter((ref) => ref.weight === 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative')
    .map((audit) => ({ id: audit?.id ?? '', title: audit?.title ?? '', displayValue: audit?.displayValue ?? '' }));
  return {
    path: spec.path,
    label: spec.label,
    scores,
    metrics,
    performanceRuns,
    lostPoints,
    hints,
    runWarnings: lhr.runWarnings,
    reportJson: files.json,
    reportHtml: files.html,
  };
}

async function auditPage(context: BenchContext, spec: BenchPage, port: number): Promise<PageLighthouse | undefined> {
  const url = new URL(spec.path, context.baseUrl).href;
  const results: Result[] = [];
  const errors: string[] = [];
  // A run can fail to record its trace (NO_NAVSTART, seen once here): retry, but not forever.
  while (results.length < runs && errors.length <= runs) {
    const answer = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
    const error = answer ? answer.lhr.runtimeError : { code: 'NO_RESULT', message: 'Lighthouse returned nothing' };
    if (answer && !error) results.push(answer.lhr);
    else errors.push(`${error?.code ?? ''} ${error?.message ?? ''}`);
  }
  if (results.length < runs) throw new Error(`Lighthouse on ${url} kept failing:\n  ${errors.join('\n  ')}`);
  for (const error of errors) console.warn(`Lighthouse on ${spec.path}: a run failed and was repeated: ${error}`);
  const ordered = [...results].sort((a, b) => (score(a, 'performance') ?? -1) - (score(b, 'performance') ?? -1));
  const median = ordered[Math.floor(ordered.length / 2)];
  if (!median) return undefined;
  const slug = spec.path.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'index';
  const files = { json: `${context.outputDir}/lighthouse-${slug}.json`, html: `${context.outputDir}/lighthouse-${slug}.html` };
  await writeFile(files.json, JSON.stringify(median, null, 2));
  await writeFile(files.html, generateReport(median, 'html'));
  return summarise(
    median,
    spec,
    results.map((lhr) => score(lhr, 'performance')),
    files,
  );
}

function render(results: readonly PageLighthouse[]): string[] {
  const lines = table([
    ['', ...results.map((result) => result.label)],
    ...categories.map((category) => [category, ...results.map((result) => String(result.scores[category] ?? 'n/a'))]),
    ...(Object.keys(metricIds) as Metric[]).map((metric) => [
      metric,
      ...results.map((result) => (metric === 'CLS' ? result.metrics[metric].value.toFixed(3) : ms(result.metrics[metric].value))),
    ]),
    ['performance, each run', ...results.map((result) => result.performanceRuns.join(' / '))],
  ]);
  for (const result of results) {
    lines.push('');
    if (result.lostPoints.length === 0) lines.push(`${result.path}: no audit costs points.`);
    else {
      lines.push(`${result.path}: audits that cost points (median run):`);
      for (const lost of result.lostPoints)
        lines.push(
          `  - [${lost.category}] ${lost.title}${lost.displayValue ? ` (${lost.displayValue})` : ''}: score ${lost.score.toFixed(2)}, -${lost.pointsLost.toFixed(1)} pts`,
        );
    }
    if (result.hints.length > 0) {
      lines.push(`${result.path}: performance hints (no weight of their own):`);
      for (const hint of result.hints) lines.push(`  - ${hint.title}${hint.displayValue ? ` (${hint.displayValue})` : ''}`);
    }
    for (const warning of result.runWarnings) lines.push(`${result.path}: Lighthouse warning: ${warning}`);
    lines.push(`${result.path}: full report ${result.reportHtml}`);
  }
  lines.push('', `Lighthouse default mobile config (simulated throttling); median of ${runs} run(s) by performance score.`);
  return lines;
}

async function isMissing(url: URL): Promise<boolean> {
  const probe = await fetch(url);
  await probe.body?.cancel();
  return probe.status === 404;
}

export const lighthouseSection: Section = {
  id: 'lighthouse',
  title: 'Lighthouse (mobile)',
  async run(context): Promise<SectionResult> {
    const chrome = await chromeLauncher.launch({
      chromePath: context.chromiumPath,
      chromeFlags: [...chromiumArgs, '--headless=new'],
      logLevel: 'silent',
    });
    const results: PageLighthouse[] = [];
    try {
      for (const spec of context.pages.filter((page) => page.lighthouse)) {
        // An optional page that is not built yet has nothing to audit.
        if (spec.optional && (await isMissing(new URL(spec.path, context.baseUrl)))) continue;
        const result = await auditPage(context, spec, chrome.port);
        if (result) results.push(result);
      }
    } finally {
      chrome.kill();
    }
    const checks: TargetCheck[] = results
      .filter((result) => context.pages.find((spec) => spec.path === result.path)?.appeal)
      .flatMap((result) =>
        categories.map((category) => ({
          page: result.path,
          figure: `Lighthouse ${category}`,
          measured: String(result.scores[category] ?? 'n/a'),
          target: '100',
          met: result.scores[category] === 100,
        })),
      );
    return { lines: render(results), data: { runsPerPage: runs, pages: results }, targets: checks };
  },
};
