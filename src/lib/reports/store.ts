/**
 * Reports and the tally in Netlify Database. Server only. Every write is one SQL statement, so a
 * report and its share of the tally are stored together or not at all (the tally trigger runs
 * inside the insert), and nothing relies on a transaction held open across round trips.
 */
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { getConnectionString, getDatabase } from '@netlify/database';
import { withUser } from '../database/connection';
import type { Report, ReviewReason } from './schema';
import { tallyFromRows, type Tally, type TallyRow } from './tally';

/** The database could not be reached or did not answer in time: the supporter should retry. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  /** Seconds the client should wait before retrying (Retry-After). */
  readonly retryAfterSeconds: number;
  constructor(operation: string, cause: unknown, retryAfterSeconds = 5) {
    super(`Storage unavailable while trying to ${operation}`, { cause });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The part of pg.Pool (and Neon's Pool, which extends it) used here; pg ships no types of its own. */
interface ReportsPool {
  query(text: string, values?: readonly unknown[]): Promise<{ rows: unknown[] }>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(): Promise<void>;
  options: {
    max?: number;
    connectionTimeoutMillis?: number;
    idleTimeoutMillis?: number;
    allowExitOnIdle?: boolean;
    query_timeout?: number;
  };
}

/** Most time one query may take before the supporter gets a 503 and retries. */
const queryTimeoutMs = 5_000;
/** Most time to wait for a connection (opening one, or a free one under load) before answering 503. */
const connectTimeoutMs = 5_000;

let current: { connectionString: string; pool: ReportsPool } | undefined;

function reportsPool(): ReportsPool {
  const connectionString = withUser(getConnectionString());
  if (current?.connectionString === connectionString) return current.pool;
  void current?.pool.end().catch(() => {});
  // getDatabase() takes no pool options, and pg reads these when it opens each connection.
  const pool = getDatabase({ connectionString }).pool as unknown as ReportsPool;
  Object.assign(pool.options, {
    // A function instance serves one request at a time; a few connections cover local serving.
    max: 8,
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: queryTimeoutMs,
    idleTimeoutMillis: 5_000,
    // Lets a finished local function worker exit instead of waiting for idle connections.
    allowExitOnIdle: true,
  });
  // An idle connection dropped by the server must not crash the function; the next query reconnects.
  pool.on('error', (error) => console.error('Reports database connection lost:', error.message));
  current = { connectionString, pool };
  return pool;
}

/** Closes the connections this process holds (scripts and tests; functions just exit). */
export async function closeReportsDatabase(): Promise<void> {
  const pool = current?.pool;
  current = undefined;
  await pool?.end();
}

/** SQLSTATE classes 22 (data) and 23 (constraint): the request, not the storage, is wrong. */
function isRejectedByDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

/** Runs one storage operation; a failure of the storage itself becomes StorageUnavailableError. */
async function withStorage<T>(operation: string, run: (pool: ReportsPool) => Promise<T>): Promise<T> {
  try {
    return await run(reportsPool());
  } catch (error) {
    if (isRejectedByDatabase(error)) throw error;
    throw new StorageUnavailableError(operation, error);
  }
}

const tallyQuery = 'SELECT dimension, key, actions, reports, updated_at FROM tally';

/** The public tally: a handful of rows kept current by the insert trigger, whatever the number of reports. */
export async function readTally(targetIds: readonly string[]): Promise<Tally> {
  return withStorage('read the tally', async (pool) => tallyFromRows((await pool.query(tallyQuery)).rows as TallyRow[], targetIds));
}

/** The tally for a page, or how long to wait when storage is down: the page still renders without it. */
export async function readTallyForPage(targetIds: readonly string[]): Promise<{ tally: Tally } | { tally: undefined; retryAfterSeconds: number }> {
  try {
    return { tally: await readTally(targetIds) };
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    console.error(error.message, error.cause instanceof Error ? error.cause.message : error.cause);
    return { tally: undefined, retryAfterSeconds: error.retryAfterSeconds };
  }
}

export interface RecordedReport {
  /** False when a report with this id was already stored: a retry, counted once. */
  created: boolean;
  tally: Tally;
}

/**
 * Stores a report once per id. The insert and its tally update are one statement; the tally is
 * read afterwards, so a failure there leaves a stored report that a retry finds (200, not 201).
 */
export async function recordReport(
  report: Report,
  reasons: readonly ReviewReason[],
  targetIds: readonly string[],
  surgeLimit = surgeSettings().limit,
): Promise<RecordedReport> {
  return withStorage('record a report', async (pool) => {
    // Past the surge limit the report is held for review ('surge'), decided in the same statement.
    const inserted = await pool.query(
      `INSERT INTO reports (id, targets, counts, language, country, review_reasons)
       SELECT $1, $2::text[], $3::jsonb, $4, $5, $6::text[] || CASE
         WHEN (SELECT count(*) FROM reports WHERE received_at > now() - interval '10 minutes') >= $7 THEN ARRAY['surge']
         ELSE '{}'::text[] END
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [report.id, report.targets, JSON.stringify(report.counts), report.language, report.country ?? null, reasons, surgeLimit],
    );
    const tally = tallyFromRows((await pool.query(tallyQuery)).rows as TallyRow[], targetIds);
    return { created: inserted.rows.length === 1, tally };
  });
}

/**
 * Reports the whole campaign takes in ten minutes before further ones are held for review:
 * REPORTS_SURGE_LIMIT, default 500 (an urgent action draws 3,500 to 5,000 responses in weeks).
 */
export function surgeSettings(env: Record<string, string | undefined> = process.env): { limit: number } {
  const limit = Number(env['REPORTS_SURGE_LIMIT'] ?? 500);
  return { limit: Number.isInteger(limit) && limit > 0 ? limit : 500 };
}

export interface RateLimitSettings {
  /** Reports accepted from one client per window. */
  limit: number;
  windowMs: number;
  /** Secret mixed into the client hash so stored hashes cannot be matched to addresses. */
  salt: string;
}

const localSalt = 'ua-119-21 local development salt: set REPORTS_HASH_SALT in production';
let warnedAboutSalt = false;

/** From the environment: REPORTS_RATE_LIMIT (reports per 10 minutes, default 20) and REPORTS_HASH_SALT. */
export function rateLimitSettings(env: Record<string, string | undefined> = process.env): RateLimitSettings {
  const limit = Number(env['REPORTS_RATE_LIMIT'] ?? 20);
  const salt = env['REPORTS_HASH_SALT'] ?? localSalt;
  if (salt === localSalt && env['NETLIFY'] === 'true' && !warnedAboutSalt) {
    warnedAboutSalt = true;
    console.warn('REPORTS_HASH_SALT is not set: rate-limit hashes use the public default salt.');
  }
  return { limit: Number.isInteger(limit) && limit > 0 ? limit : 20, windowMs: 10 * 60_000, salt };
}

/** Expands an IPv6 address to its eight groups ("2001:db8::1" -> ["2001", "db8", "0", ...]). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const toGroups = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [group];
          // An embedded IPv4 tail ("::ffff:192.0.2.1") fills the last two groups.
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const first = toGroups(head);
  const last = tail === undefined ? [] : toGroups(tail);
  return [...first, ...Array<string>(8 - first.length - last.length).fill('0'), ...last].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}

/** Who the limit applies to: an IPv4 address, or an IPv6 /64 (one household or phone gets a whole /64). */
export function clientKey(address: string): string {
  const bare = address.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped && isIP(mapped) === 4) return mapped;
  if (isIP(bare) === 4) return bare;
  if (isIP(bare) === 6) return `${ipv6Groups(bare).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}

/** A salted HMAC of the client and window: the stored key can be neither reversed nor linked across windows. */
export function clientHash(address: string, windowStart: number, salt: string): string {
  return createHmac('sha256', salt).update(`${windowStart}|${clientKey(address)}`).digest('hex');
}

/**
 * The id of a report sent without JavaScript, which cannot make one: the same form sent again from
 * the same client on the same day (a double click, a resubmitted page) gets the same id, counted once.
 */
export function formReportId(form: string, address: string, now: number, salt = rateLimitSettings().salt): string {
  const day = Math.floor(now / 86_400_000);
  const hex = createHmac('sha256', salt).update(`${day}|${clientKey(address)}|${form}`).digest('hex');
  // An RFC 9562 version 8 UUID: the hash, with the version and variant bits set.
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the window ends (Retry-After when not allowed). */
  retryAfterSeconds: number;
}

/** Counts one report from a client in the current window; windows that have ended are deleted. */
export async function countClientReport(address: string, now = Date.now(), settings = rateLimitSettings()): Promise<RateLimitVerdict> {
  const windowStart = now - (now % settings.windowMs);
  const counted = await withStorage('check the rate limit', (pool) =>
    pool.query(
      `WITH ended AS (DELETE FROM report_rate_limits WHERE window_start < to_timestamp($2 / 1000.0))
       INSERT INTO report_rate_limits (client_hash, window_start) VALUES ($1, to_timestamp($2 / 1000.0))
       ON CONFLICT (client_hash, window_start) DO UPDATE SET reports = report_rate_limits.reports + 1
       RETURNING reports`,
      [clientHash(address, windowStart, settings.salt), windowStart],
    ),
  );
  const reports = Number((counted.rows[0] as { reports: number | string } | undefined)?.reports ?? 0);
  return { allowed: reports <= settings.limit, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + settings.windowMs - now) / 1000)) };
}
