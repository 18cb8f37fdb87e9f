/**
 * What a supporter's phone downloads and how fast the page comes up: Lighthouse's own figures
 * (mobile config: simulated slow 4G, 4x slower CPU), the median of several runs per page.
 */
import lighthouse, { type Result } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { gzipSync } from 'node:zlib';
import { chromiumArgs } from '../chromium.ts';
import { kb, ms, table, type Goal } from './format.ts';

/** The pages measured; the first-view targets apply to the appeal in each edition. */
const benchPages = [
  { path: '/', label: 'appeal /', appeal: true },
  { path: '/es/', label: 'appeal /es/', appeal: true },
  { path: '/letters/minister/es/', label: 'printable letter', appeal: false },
] as const;

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const metrics = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
} as const;
const types = ['document', 'stylesheet', 'script', 'font', 'image', 'other'] as const;

/** Limits a first view must stay within (bytes as Lighthouse counts them: bodies and headers). */
const pageTargets = { firstViewBytes: 30_000, scriptBytes: 5_000, score: 100 };

interface PageFigures {
  path: string;
  scores: Record<(typeof categories)[number], number | null>;
  metrics: Record<keyof typeof metrics, number>;
  /** Bytes transferred by resource type, and in all ("total"), with the number of requests. */
  transfer: Record<(typeof types)[number] | 'total', { bytes: number; requests: number }>;
  performanceRuns: (number | null)[];
}

function figures(lhr: Result, path: string, performanceRuns: (number | null)[]): PageFigures {
  const score = (category: (typeof categories)[number]) => {
    const value = lhr.categories[category]?.score;
    return value === null || value === undefined ? null : Math.round(value * 100);
  };
  const rows =
    (
      lhr.audits['resource-summary']?.details as
        | { items?: { resourceType: string; requestCount: number; transferSize: number }[] }
        | undefined
    )?.items ?? [];
  const row = (type: string) => rows.find((item) => item.resourceType === type);
  return {
    path,
    scores: Object.fromEntries(
      categories.map((category) => [category, score(category)]),
    ) as PageFigures['scores'],
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([name, id]) => [
        name,
        lhr.audits[id]?.numericValue ?? Number.NaN,
      ]),
    ) as PageFigures['metrics'],
    transfer: Object.fromEntries(
      ['total', ...types].map((type) => [
        type,
        { bytes: row(type)?.transferSize ?? 0, requests: row(type)?.requestCount ?? 0 },
      ]),
    ) as PageFigures['transfer'],
    performanceRuns,
  };
}

/** What the page fetches later, on demand (the report form's code and its rules): not part of the first view. */
async function onDemandBytes(baseUrl: string): Promise<number> {
  const html = await (await fetch(baseUrl)).text();
  const entry = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
  if (!entry) return 0;
  const imports = async (url: URL) => {
    const code = await (await fetch(url)).text();
    const at = (pattern: RegExp) =>
      [...code.matchAll(pattern)].map((match) => new URL(match[2] ?? match[1] ?? '', url));
    return {
      now: at(/(?:from|import)\s*(["'])(\.\/[^"']+\.js)\1/g),
      later: at(/import\(\s*([`'"])(\.\/[^`'"]+\.js)\1\s*\)/g),
    };
  };
  // The first view: the entry and what it imports statically. Everything reached only through import() comes later.
  const firstView = new Set<string>();
  const later = new Set<string>();
  const walk = async (url: URL, deferred: boolean): Promise<void> => {
    if (firstView.has(url.href) || later.has(url.href)) return;
    (deferred ? later : firstView).add(url.href);
    const { now, later: dynamic } = await imports(url);
    for (const next of now) await walk(next, deferred);
    for (const next of dynamic) await walk(next, true);
  };
  await walk(new URL(entry, baseUrl), false);
  const sizes = await Promise.all(
    [...later]
      .filter((url) => !firstView.has(url))
      .map(async (url) => gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).byteLength),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

export async function measurePages(baseUrl: string, chromiumPath: string, runs: number) {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: [...chromiumArgs, '--headless=new'],
    logLevel: 'silent',
  });
  const pages: PageFigures[] = [];
  try {
    for (const page of benchPages) {
      const results: Result[] = [];
      for (let attempt = 0; results.length < runs && attempt < runs * 2; attempt += 1) {
        const answer = await lighthouse(new URL(page.path, baseUrl).href, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...categories],
        });
        if (answer && !answer.lhr.runtimeError) results.push(answer.lhr);
      }
      const byPerformance = [...results].sort(
        (a, b) =>
          (a.categories['performance']?.score ?? 0) - (b.categories['performance']?.score ?? 0),
      );
      const median = byPerformance[Math.floor(byPerformance.length / 2)];
      if (!median) throw new Error(`Lighthouse could not audit ${page.path}`);
      pages.push(
        figures(
          median,
          page.path,
          results.map((lhr) => Math.round((lhr.categories['performance']?.score ?? 0) * 100)),
        ),
      );
    }
  } finally {
    chrome.kill();
  }
  const formRules = await onDemandBytes(baseUrl);
  const targets: Goal[] = pages
    .filter((page) => benchPages.find((spec) => spec.path === page.path)?.appeal)
    .flatMap((page) => [
      {
        figure: `${page.path} first view`,
        measured: kb(page.transfer.total.bytes),
        target: `< ${kb(pageTargets.firstViewBytes)}`,
        met: page.transfer.total.bytes < pageTargets.firstViewBytes,
      },
      {
        figure: `${page.path} JavaScript`,
        measured: kb(page.transfer.script.bytes),
        target: `< ${kb(pageTargets.scriptBytes)}`,
        met: page.transfer.script.bytes < pageTargets.scriptBytes,
      },
      ...categories.map((category) => ({
        figure: `${page.path} Lighthouse ${category}`,
        measured: String(page.scores[category]),
        target: '100',
        met: page.scores[category] === pageTargets.score,
      })),
    ]);
  const lines = [
    ...table([
      ['', ...pages.map((page) => page.path)],
      ...categories.map((category) => [
        category,
        ...pages.map((page) => String(page.scores[category])),
      ]),
      ...(Object.keys(metrics) as (keyof typeof metrics)[]).map((metric) => [
        metric,
        ...pages.map((page) =>
          metric === 'CLS' ? page.metrics[metric].toFixed(3) : ms(page.metrics[metric]),
        ),
      ]),
      ...(['total', ...types] as const).map((type) => [
        `${type === 'total' ? 'first view' : type} (requests)`,
        ...pages.map(
          (page) => `${kb(page.transfer[type].bytes)} (${page.transfer[type].requests})`,
        ),
      ]),
      ['performance, each run', ...pages.map((page) => page.performanceRuns.join(' / '))],
    ]),
    '',
    `The report form's code and rules, fetched when the form comes into view: ${kb(formRules)} gzip (bodies).`,
    `Lighthouse ${runs} run(s) per page, median by performance; bytes include response headers.`,
  ];
  return { lines, data: { runs, pages, formRulesBytes: formRules }, targets };
}
