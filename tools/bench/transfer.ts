/**
 * First-view transfer: loads each page once in a fresh (cold-cache) mobile Chromium context and adds
 * up, per request, the bytes on the wire that the Chrome DevTools Protocol reports.
 *
 * Byte counts are CDP `Network.loadingFinished.encodedDataLength`: the response as received, i.e.
 * HTTP/1.1 response headers plus the (gzip-encoded where the server compressed it) body. Request
 * headers sent upstream are not included. The header part is also reported on its own.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type CDPSession } from '@playwright/test';
import { chromiumArgs } from '../chromium.ts';
import { bytes, bytesAndKb, kb, table } from './format.ts';
import type { BenchContext, BenchPage, Section, SectionResult, TargetCheck } from './types.ts';

export const kinds = ['html', 'css', 'js', 'fonts', 'images', 'other'] as const;
export type Kind = (typeof kinds)[number];

/** Lighthouse's mobile device (Moto G Power), so these bytes and Lighthouse's load the same assets. */
export const mobileDevice = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36',
};

export const targets = { firstViewBytes: 30_000, jsBytes: 5_000 };

export interface Transfer {
  url: string;
  kind: Kind;
  status: number;
  mimeType: string;
  contentEncoding: string;
  /** Everything received for the response: headers + encoded body. */
  transferred: number;
  headerBytes: number;
  bodyBytes: number;
  /** Fetched by the bench itself because the browser did not ask for it (the favicon in headless mode). */
  addedByBench: boolean;
  /** Position in the order the requests were sent. */
  order: number;
}

export interface PageTransfer {
  path: string;
  label: string;
  status: number;
  built: boolean;
  requests: Transfer[];
  total: number;
  totalHeaders: number;
  byKind: Record<Kind, number>;
  /** The same without response headers: the gzip bodies alone (what HTTP/2 header compression tends towards). */
  bodyByKind: Record<Kind, number>;
  totalBody: number;
  /** Bytes fetched when a supporter first touches the report form (its lazily loaded rules), not part of the first view. */
  formUse: { transferred: number; bodyBytes: number; requests: number } | undefined;
  /** Characters of the collapsed text content of <main>. */
  mainTextChars: number;
  /** That text gzipped with node:zlib at its default level (the level the server uses). */
  mainTextGzip: number;
  /** total / mainTextGzip: bytes shipped per byte of the appeal's own compressed words. */
  overheadRatio: number;
}

export function kindOf(mimeType: string, url: string): Kind {
  const mime = mimeType.toLowerCase();
  if (mime.startsWith('text/html')) return 'html';
  if (mime === 'text/css') return 'css';
  if (mime.includes('javascript') || mime === 'application/wasm') return 'js';
  if (mime.startsWith('font/') || /\.(woff2?|ttf|otf)$/.test(new URL(url).pathname)) return 'fonts';
  if (mime.startsWith('image/')) return 'images';
  return 'other';
}

interface Pending {
  url: string;
  status: number;
  mimeType: string;
  contentEncoding: string;
  headerBytes: number;
  addedByBench: boolean;
  order: number;
}

/** Records every response the page receives on its CDP session; `settle` waits for the stragglers. */
function recordNetwork(cdp: CDPSession, benchFetches: Set<string>) {
  const pending = new Map<string, Pending>();
  const done: Transfer[] = [];
  const failures: string[] = [];
  let inFlight = 0;
  let sent = 0;
  cdp.on('Network.requestWillBeSent', (event) => {
    // A redirect reuses the request id: close the hop that just ended as its own transfer.
    const hop = pending.get(event.requestId);
    if (event.redirectResponse && hop) {
      const size = event.redirectResponse.encodedDataLength;
      done.push({ ...hop, kind: 'other', status: event.redirectResponse.status, transferred: size, bodyBytes: 0, headerBytes: size });
    } else {
      inFlight++;
    }
    pending.set(event.requestId, {
      url: event.request.url,
      status: 0,
      mimeType: '',
      contentEncoding: '',
      headerBytes: 0,
      addedByBench: benchFetches.has(event.request.url) && event.type === 'Fetch',
      order: sent++,
    });
  });
  cdp.on('Network.responseReceived', (event) => {
    const entry = pending.get(event.requestId);
    if (!entry) return;
    const encoding = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding');
    Object.assign(entry, {
      status: event.response.status,
      mimeType: event.response.mimeType,
      contentEncoding: encoding ? String(encoding[1]) : '',
      // At response time the count so far is the status line and headers.
      headerBytes: event.response.encodedDataLength,
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const entry = pending.get(event.requestId);
    if (!entry) return;
    pending.delete(event.requestId);
    inFlight--;
    const transferred = event.encodedDataLength;
    done.push({ ...entry, kind: kindOf(entry.mimeType, entry.url), transferred, bodyBytes: transferred - entry.headerBytes });
  });
  cdp.on('Network.loadingFailed', (event) => {
    const entry = pending.get(event.requestId);
    if (!entry) return;
    pending.delete(event.requestId);
    inFlight--;
    failures.push(`${entry.url}: ${event.errorText}`);
  });
  return {
    done,
    failures,
    async settle(timeoutMs = 5_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

async function measurePage(context: BenchContext, spec: BenchPage): Promise<PageTransfer> {
  const browser = await chromium.launch({ executablePath: context.chromiumPath, args: chromiumArgs });
  try {
    // A new browser and context per page: nothing cached, no connection reused from another page.
    const browserContext = await browser.newContext(mobileDevice);
    const page = await browserContext.newPage();
    const cdp = await browserContext.newCDPSession(page);
    const benchFetches = new Set<string>();
    const network = recordNetwork(cdp, benchFetches);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const url = new URL(spec.path, context.baseUrl).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    const status = response?.status() ?? 0;
    await page.waitForLoadState('networkidle');
    await network.settle();

    // Headless Chromium does not fetch the icon a real browser tab would show; fetch each declared one.
    const seen = new Set(network.done.map((transfer) => transfer.url));
    const icons = await page.$$eval('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]', (links) =>
      links.map((link) => (link as HTMLLinkElement).href),
    );
    const missing = [...new Set(icons)].filter((href) => !seen.has(href));
    for (const href of missing) benchFetches.add(href);
    if (missing.length > 0) {
      await page.evaluate(async (hrefs) => {
        await Promise.all(hrefs.map((href) => fetch(href, { cache: 'no-store' }).then((answer) => answer.arrayBuffer())));
      }, missing);
      await network.settle();
    }
    if (network.failures.length > 0) throw new Error(`requests failed on ${spec.path}:\n  ${network.failures.join('\n  ')}`);

    const mainText = await page.evaluate(() => (document.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ').trim());

    // loadingFinished fires in completion order; list requests in the order the page made them.
    const requests = [...network.done].sort((a, b) => a.order - b.order);
    // Then what a supporter's first touch of the report form costs on top.
    let formUse: PageTransfer['formUse'];
    const formField = page.locator('form[data-report] input:not([type="hidden"])').first();
    if ((await formField.count()) > 0) {
      // The rules load asynchronously after the focus; wait for them (or for nothing, after 5 s).
      await Promise.all([page.waitForResponse((answer) => answer.url().endsWith('.js'), { timeout: 5_000 }).catch(() => undefined), formField.focus()]);
      await network.settle();
      const extra = network.done.slice(requests.length);
      formUse = {
        transferred: extra.reduce((sum, transfer) => sum + transfer.transferred, 0),
        bodyBytes: extra.reduce((sum, transfer) => sum + transfer.bodyBytes, 0),
        requests: extra.length,
      };
    }
    await browserContext.close();

    const byKind = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<Kind, number>;
    const bodyByKind = { ...byKind };
    for (const request of requests) {
      byKind[request.kind] += request.transferred;
      bodyByKind[request.kind] += request.bodyBytes;
    }
    const total = requests.reduce((sum, request) => sum + request.transferred, 0);
    const mainTextGzip = gzipSync(Buffer.from(mainText, 'utf8')).length;
    return {
      path: spec.path,
      label: spec.label,
      status,
      built: status !== 404,
      requests,
      total,
      totalHeaders: requests.reduce((sum, request) => sum + request.headerBytes, 0),
      byKind,
      bodyByKind,
      totalBody: requests.reduce((sum, request) => sum + request.bodyBytes, 0),
      formUse,
      mainTextChars: mainText.length,
      mainTextGzip,
      overheadRatio: mainTextGzip > 0 ? total / mainTextGzip : Number.NaN,
    };
  } finally {
    await browser.close();
  }
}

function render(results: readonly PageTransfer[]): string[] {
  const measured = results.filter((result) => result.built);
  const skipped = results.filter((result) => !result.built);
  const lines: string[] = [];
  // Two columns per page: on the wire (headers included) and the gzip bodies alone.
  const row = (name: string, wire: (result: PageTransfer) => string, body: (result: PageTransfer) => string = () => '') => [
    name,
    ...measured.flatMap((result) => [wire(result), body(result)]),
  ];
  const kindName = (kind: Kind) => (kind === 'html' || kind === 'css' || kind === 'js' ? kind.toUpperCase() : kind);
  lines.push(
    ...table([
      ['', ...measured.flatMap((result) => [result.label, 'bodies only'])],
      ...kinds.map((kind) => row(kindName(kind), (result) => bytes(result.byKind[kind]), (result) => bytes(result.bodyByKind[kind]))),
      row('total', (result) => bytesAndKb(result.total), (result) => bytesAndKb(result.totalBody)),
      row('  of which headers', (result) => bytes(result.totalHeaders)),
      row('requests', (result) => String(result.requests.length)),
      row(
        'report form, on first use',
        (result) => (result.formUse ? `+${bytes(result.formUse.transferred)}` : '-'),
        (result) => (result.formUse ? `+${bytes(result.formUse.bodyBytes)}` : '-'),
      ),
      row('<main> text, chars', (result) => result.mainTextChars.toLocaleString('en-US')),
      row('<main> text, gzip', (result) => bytes(result.mainTextGzip)),
      row('total / gzip text', (result) => `${result.overheadRatio.toFixed(2)}×`, (result) => `${(result.totalBody / result.mainTextGzip).toFixed(2)}×`),
    ]),
  );
  for (const result of measured) {
    lines.push('', `Requests for ${result.path}:`);
    lines.push(
      ...table(
        [
          ['  URL', 'kind', 'status', 'encoding', 'headers', 'body', 'transferred'],
          ...result.requests.map((request) => [
            `  ${new URL(request.url).pathname}${request.addedByBench ? ' (icon, fetched by the bench)' : ''}`,
            request.kind,
            String(request.status),
            request.contentEncoding || '-',
            bytes(request.headerBytes),
            bytes(request.bodyBytes),
            bytes(request.transferred),
          ]),
        ],
        ['left', 'left'],
      ),
    );
  }
  for (const result of skipped) lines.push('', `${result.label}: answered ${result.status}, not built yet: skipped.`);
  lines.push(
    '',
    'Bytes: CDP Network.loadingFinished encodedDataLength = HTTP/1.1 response headers + body as sent (gzip where served so);',
    '"bodies only" leaves the headers out (HTTP/2 on Netlify compresses repeated headers to a few bytes each).',
    'Fresh mobile context (412×823 @1.75x, Lighthouse\'s Moto G Power), cache disabled. 1 KB = 1,000 B.',
  );
  return lines;
}

export const transferSection: Section = {
  id: 'transfer',
  title: 'First view: bytes transferred (cold cache, gzip)',
  async run(context): Promise<SectionResult> {
    const results: PageTransfer[] = [];
    for (const spec of context.pages) {
      const result = await measurePage(context, spec);
      if (!result.built && !spec.optional) throw new Error(`${spec.path} answered ${result.status}`);
      results.push(result);
    }
    const checks: TargetCheck[] = results
      .filter((result) => result.built && context.pages.find((spec) => spec.path === result.path)?.appeal)
      .flatMap((result) => [
        {
          page: result.path,
          figure: 'first view, total transferred',
          measured: kb(result.total),
          target: `< ${kb(targets.firstViewBytes)}`,
          met: result.total < targets.firstViewBytes,
        },
        {
          page: result.path,
          figure: 'first view, bodies only',
          measured: kb(result.totalBody),
          target: `< ${kb(targets.firstViewBytes)}`,
          met: result.totalBody < targets.firstViewBytes,
        },
        {
          page: result.path,
          figure: 'JS transferred',
          measured: kb(result.byKind.js),
          target: `< ${kb(targets.jsBytes)}`,
          met: result.byKind.js < targets.jsBytes,
        },
        {
          page: result.path,
          figure: 'JS, bodies only',
          measured: kb(result.bodyByKind.js),
          target: `< ${kb(targets.jsBytes)}`,
          met: result.bodyByKind.js < targets.jsBytes,
        },
      ]);
    return { lines: render(results), data: { method: 'cdp-encodedDataLength-incl-headers', device: mobileDevice, pages: results }, targets: checks };
  },
};
