/**
 * The report API on a real PostgreSQL server, the kind production runs (a throwaway one from
 * tools/postgres.ts, fsync on), with the site served in its own process as Netlify would:
 *   - INSERT throughput with the tally trigger at 1, 8 and 32 connections, for the tally as first
 *     released (one row every report updates) and as it is now (sixteen shards);
 *   - POST /api/reports at 16 and 64 connections beside a bare INSERT of the same rows;
 *   - reading the tally with 1,000 and 100,000 reports stored.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgres } from '../postgres.ts';
import { migrate } from '../../src/integrations/migrations.ts';
import { ms, perSecond, table, type Goal } from './format.ts';

/** The part of autocannon used here; it ships no types. */
interface Cannon {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  requests?: {
    setupRequest(request: { body?: string; headers?: Record<string, string> }): object;
  }[];
}
// Loaded through require: autocannon has no type declarations for TypeScript to find.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: CannonOptions,
) => Promise<Cannon>;

/** The last migration of the first release, whose tally had one row every report updated. */
const hotRowTally = '20261130104500_release_held_reports';
const seconds = Number(process.env['BENCH_API_SECONDS'] ?? 10);
/** The POST answer and bare INSERTs aim for this share of the database's own throughput. */
const postShareTarget = 0.5;

const row = () => [crypto.randomUUID(), ['minister'], '{"email":1,"letter":1}', 'en', 'PE', []];
const insertThen = `INSERT INTO reports (id, targets, counts, language, country, review_reasons) VALUES ($1, $2, $3, $4, $5, $6)`;
const insertNow = `INSERT INTO reports (id, targets, counts, language, country, review_reasons, received_on)
  VALUES ($1, $2, $3, $4, $5, $6, (now() AT TIME ZONE 'America/Lima')::date)`;

async function freshDatabase(serverUrl: string, name: string, target?: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString(), target);
  return url.toString();
}

/** Rows stored per second by `connections` loops of one INSERT each, for `duration` seconds. */
async function insertThroughput(
  url: string,
  statement: string,
  connections: number,
  duration = seconds,
): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  let done = 0;
  const until = Date.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        await pool.query(statement, row());
        done += 1;
      }
    }),
  );
  await pool.end();
  return done / duration;
}

async function median(runs: number, time: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let n = 0; n < runs; n += 1) {
    const started = performance.now();
    await time();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** The production server in a process of its own, so the load generator does not share its thread. */
async function serveSite(databaseUrl: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('../serve.ts', import.meta.url)),
      '--port',
      '0',
      '--database',
      databaseUrl,
    ],
    {
      // The per-client and campaign limits would refuse a load test from one machine; the bench measures the path without them tripping.
      env: { ...process.env, REPORTS_RATE_LIMIT: '1000000000', REPORTS_SURGE_LIMIT: '1000000000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const served = /Serving the production build at (\S+)/.exec(chunk.toString())?.[1];
      if (served) resolve(served);
    });
    child.on('exit', (code) => reject(new Error(`tools/serve.ts exited with ${code}`)));
  });
  return { url, stop: () => void child.kill('SIGTERM') };
}

async function post(url: string, connections: number): Promise<Cannon> {
  let client = 0;
  return autocannon({
    url: `${url}/api/reports`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            id: crypto.randomUUID(),
            targets: ['minister'],
            counts: { email: 1, letter: 1 },
            language: 'en',
            country: 'PE',
            startedAt: Date.now() - 60_000,
          }),
          headers: {
            ...request.headers,
            'x-forwarded-for': `198.18.${(++client >> 8) & 255}.${client & 255}`,
          },
        }),
      },
    ],
  });
}

/** Fills the reports table to `total` rows in one statement, then recounts: the tally then holds every dimension a campaign would. */
async function fillReports(url: string, total: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await pool.query('TRUNCATE reports');
  await pool.query('ALTER TABLE reports DISABLE TRIGGER reports_tally');
  await pool.query(
    `INSERT INTO reports (id, targets, counts, language, country, received_on)
     SELECT gen_random_uuid(), ARRAY[CASE WHEN n % 2 = 0 THEN 'minister' ELSE 'ambassador' END],
            jsonb_build_object('email', 1 + n % 3, 'letter', n % 2), (ARRAY['en', 'es', 'other'])[1 + n % 3],
            (ARRAY['PE', 'ES', 'MX', 'AR', 'CL', 'US', 'DE', 'FR', 'GB', 'BR'])[1 + n % 10], DATE '2021-11-01' + (n % 60)
     FROM generate_series(1, $1::int) AS n`,
    [total],
  );
  await pool.query('ALTER TABLE reports ENABLE TRIGGER reports_tally');
  await pool.query('SELECT tally_recount()');
  await pool.end();
}

export async function measureApi() {
  const postgres = await startPostgres({ settings: { max_connections: '300' } });
  try {
    const triggerRuns: { tally: string; connections: number; rowsPerSecond: number }[] = [];
    for (const [tally, target, statement] of [
      ['one hot row (first release)', hotRowTally, insertThen],
      ['sixteen shards (now)', undefined, insertNow],
    ] as const) {
      for (const connections of [1, 8, 32]) {
        const url = await freshDatabase(postgres.url, 'bench_trigger', target);
        triggerRuns.push({
          tally,
          connections,
          rowsPerSecond: await insertThroughput(url, statement, connections),
        });
      }
    }

    const siteDatabase = await freshDatabase(postgres.url, 'bench_site');
    const site = await serveSite(siteDatabase);
    const postRuns: { connections: number; post: Cannon; insertRowsPerSecond: number }[] = [];
    const tallyReads: { reports: number; sqlMs: number; httpMs: number }[] = [];
    try {
      for (const connections of [16, 64]) {
        const result = await post(site.url, connections);
        postRuns.push({
          connections,
          post: result,
          insertRowsPerSecond: await insertThroughput(siteDatabase, insertNow, connections),
        });
      }
      const pool = new pg.Pool({ connectionString: siteDatabase, max: 1 });
      for (const reports of [1_000, 100_000]) {
        await fillReports(siteDatabase, reports);
        const sqlMs = await median(
          200,
          async () =>
            void (await pool.query(
              'SELECT dimension, key, sum(actions), sum(reports) FROM tally GROUP BY dimension, key',
            )),
        );
        const httpMs = await median(
          100,
          async () => void (await (await fetch(`${site.url}/api/tally`)).arrayBuffer()),
        );
        tallyReads.push({ reports, sqlMs, httpMs });
      }
      await pool.end();
    } finally {
      site.stop();
    }

    const share = (run: (typeof postRuns)[number]) =>
      run.post.requests.average / run.insertRowsPerSecond;
    const targets: Goal[] = postRuns.map((run) => ({
      figure: `POST ÷ bare INSERT, ${run.connections} connections`,
      measured: `${(share(run) * 100).toFixed(0)} %`,
      target: `≥ ${postShareTarget * 100} %`,
      met: share(run) >= postShareTarget,
    }));
    const lines = [
      `PostgreSQL ${postgres.version}, fsync on, loopback; ${seconds} s per run.`,
      '',
      ...table([
        [
          'INSERT with the tally trigger',
          ...[1, 8, 32].map((connections) => `${connections} conn.`),
        ],
        ...[...new Set(triggerRuns.map((run) => run.tally))].map((tally) => [
          tally,
          ...triggerRuns
            .filter((run) => run.tally === tally)
            .map((run) => perSecond(run.rowsPerSecond, 'rows')),
        ]),
      ]),
      '',
      ...table([
        [
          'connections',
          'POST /api/reports',
          'p50',
          'p99',
          'non-2xx',
          'errors',
          'bare INSERT',
          'POST ÷ INSERT',
        ],
        ...postRuns.map((run) => [
          String(run.connections),
          perSecond(run.post.requests.average, 'req'),
          ms(run.post.latency.p50),
          ms(run.post.latency.p99),
          String(run.post.non2xx),
          String(run.post.errors + run.post.timeouts),
          perSecond(run.insertRowsPerSecond, 'rows'),
          `${(share(run) * 100).toFixed(1)} %`,
        ]),
      ]),
      '',
      ...table([
        ['reports stored', 'tally read, SQL (median)', 'GET /api/tally (median)'],
        ...tallyReads.map((read) => [
          read.reports.toLocaleString('en-US'),
          ms(read.sqlMs),
          ms(read.httpMs),
        ]),
      ]),
    ];
    return {
      lines,
      data: { postgres: postgres.version, seconds, triggerRuns, postRuns, tallyReads },
      targets,
    };
  } finally {
    await postgres.stop();
  }
}
