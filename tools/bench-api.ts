/**
 * The report API under load, on this machine, against the locally served production build:
 *   - POST /api/reports and GET /api/tally: throughput and p50/p99 latency (autocannon, loopback, ~10 s each)
 *   - end-to-end POST throughput as a share of bare INSERT throughput on the same database
 *   - tally read time with 1,000 and 100,000 stored reports (totals kept by the insert trigger)
 *
 *   npm run build && node scripts/bench-api.ts
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { getDatabase } from '@netlify/database';
import { serve } from './serve.ts';

/** The part of autocannon used here; it ships no types. */
interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface Options {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  requests?: { setupRequest(request: { body?: string; headers?: Record<string, string> }): object }[];
}
// Loaded through require so TypeScript does not look for the declarations autocannon lacks.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Options) => Promise<Result>;

/** The part of pg's Pool used here; pg ships no types of its own. */
interface Pool {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
  options: { max?: number };
}

const seconds = 10;
const connections = 16;
let clients = 0;

function report() {
  return JSON.stringify({ id: crypto.randomUUID(), targets: ['minister'], counts: { email: 1, letter: 1 }, language: 'en', startedAt: Date.now() - 60_000 });
}

const insert = `INSERT INTO reports (id, targets, counts, language, country, review_reasons)
  VALUES ($1, $2::text[], $3::jsonb, $4, $5, $6::text[]) ON CONFLICT (id) DO NOTHING RETURNING id`;

/** Bare inserts of a report row (the tally trigger included), from `connections` loops, for `seconds`. */
async function insertThroughput(pool: Pool): Promise<number> {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        await pool.query(insert, [crypto.randomUUID(), ['minister'], '{"email":1,"letter":1}', 'en', null, []]);
        done += 1;
      }
    }),
  );
  return done / seconds;
}

async function tallyReadMs(pool: Pool, runs = 200): Promise<number> {
  const times: number[] = [];
  for (let n = 0; n < runs; n += 1) {
    const started = performance.now();
    await pool.query('SELECT dimension, key, actions, reports, updated_at FROM tally');
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function tallyHttpMs(url: string, runs = 100): Promise<number> {
  const times: number[] = [];
  for (let n = 0; n < runs; n += 1) {
    const started = performance.now();
    await (await fetch(`${url}/api/tally`)).arrayBuffer();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/**
 * Fills the reports table to `total` rows in one statement. Past 10,000 rows the tally trigger is
 * switched off while filling (it takes about 6 ms a row on the embedded database): reading the
 * tally never touches the reports table, so how the rows got there does not change what is timed.
 */
async function fillReports(pool: Pool, total: number): Promise<void> {
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM reports');
  const missing = total - (rows[0] as { n: number }).n;
  if (missing <= 0) return;
  const bulk = total > 10_000;
  if (bulk) await pool.query('ALTER TABLE reports DISABLE TRIGGER reports_tally');
  try {
    await pool.query(
      `INSERT INTO reports (id, targets, counts, language)
       SELECT gen_random_uuid(), ARRAY[CASE WHEN n % 2 = 0 THEN 'minister' ELSE 'ambassador' END],
              jsonb_build_object('email', 1 + n % 3, 'letter', n % 2), 'en'
       FROM generate_series(1, $1::int) AS n`,
      [missing],
    );
  } finally {
    if (bulk) await pool.query('ALTER TABLE reports ENABLE TRIGGER reports_tally');
  }
}

const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

export async function benchApi(): Promise<void> {
  // The rate limit would answer 429 to a load test from one address; the bench measures the full path without it tripping.
  process.env['REPORTS_RATE_LIMIT'] = String(Number.MAX_SAFE_INTEGER);
  // Likewise the campaign-wide surge guard, which would hold the load test's reports for review.
  process.env['REPORTS_SURGE_LIMIT'] = String(Number.MAX_SAFE_INTEGER);
  const site = await serve({ port: 0, memory: true, quiet: true });
  const pool = getDatabase({ connectionString: site.databaseUrl }).pool as unknown as Pool;
  pool.options.max = 8;
  try {
    console.log(`\nReport API (loopback, ${connections} connections, ${seconds} s per run)`);
    const post = await autocannon({
      url: `${site.url}/api/reports`,
      connections,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: site.url },
      requests: [{ setupRequest: (request) => ({ ...request, body: report(), headers: { ...request.headers, 'x-forwarded-for': `198.18.${(++clients >> 8) & 255}.${clients & 255}` } }) }],
    });
    line('POST /api/reports', `${post.requests.average.toFixed(0)} req/s, p50 ${post.latency.p50} ms, p99 ${post.latency.p99} ms, non-2xx ${post.non2xx}, errors ${post.errors + post.timeouts}`);
    const tally = await autocannon({ url: `${site.url}/api/tally`, connections, duration: seconds });
    line('GET /api/tally', `${tally.requests.average.toFixed(0)} req/s, p50 ${tally.latency.p50} ms, p99 ${tally.latency.p99} ms, non-2xx ${tally.non2xx}`);
    const inserts = await insertThroughput(pool);
    line('bare INSERT (with the tally trigger)', `${inserts.toFixed(0)} rows/s`);
    line('end-to-end POST / bare INSERT', `${((post.requests.average / inserts) * 100).toFixed(1)} %`);
    for (const total of [1_000, 100_000]) {
      // Start from exactly `total` reports: the runs above stored some already.
      await pool.query('TRUNCATE reports');
      await pool.query(`UPDATE tally SET actions = 0, reports = 0`);
      const started = performance.now();
      await fillReports(pool, total);
      const filled = performance.now() - started;
      line(`tally read, ${total.toLocaleString('en')} reports`, `SQL ${(await tallyReadMs(pool)).toFixed(2)} ms, GET /api/tally ${(await tallyHttpMs(site.url)).toFixed(2)} ms (median; filled in ${(filled / 1000).toFixed(1)} s)`);
    }
  } finally {
    await pool.end();
    await site.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchApi();
