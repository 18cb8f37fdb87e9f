/**
 * The site function's connection to Netlify Database (reports and the tally), and what a failure of it means:
 * the supporter is told to retry (503), never that their report was wrong. Server only.
 */
import { getConnectionString, getDatabase } from '@netlify/database';
import type pg from 'pg';
import { withUser } from './connection';

/** The database could not be reached or did not answer in time: the supporter should retry. */
class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  /** Seconds the client should wait before retrying (Retry-After). */
  readonly retryAfterSeconds: number;
  constructor(operation: string, cause: unknown, retryAfterSeconds = 5) {
    super(`Storage unavailable while trying to ${operation}`, { cause });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * What the report function uses of a pool. Both of Netlify's drivers give one with pg's API (pg's
 * own Pool locally, Neon's in production, which bundles its own copy of pg's types).
 */
export type DatabasePool = Pick<pg.Pool, 'query' | 'end'>;

/** Most time one query may take before the supporter gets a 503 and retries. */
const queryTimeoutMs = 5_000;
/** Most time to wait for a connection (opening one, or a free one under load) before answering 503. */
const connectTimeoutMs = 5_000;

let current: { connectionString: string; pool: DatabasePool } | undefined;

function databasePool(): DatabasePool {
  const connectionString = withUser(getConnectionString());
  if (current?.connectionString === connectionString) return current.pool;
  void current?.pool.end().catch(() => {});
  const database = getDatabase({ connectionString });
  const pool: DatabasePool = database.pool;
  // getDatabase() takes no pool options, and pg reads these when it opens each connection.
  Object.assign(database.pool.options, {
    // A function instance serves one request at a time; a few connections cover local serving.
    max: 8,
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: queryTimeoutMs,
    idleTimeoutMillis: 5_000,
    // Lets a finished local function worker exit instead of waiting for idle connections.
    allowExitOnIdle: true,
  });
  // An idle connection dropped by the server must not crash the function; the next query reconnects.
  const lost = (error: Error) => console.error('Database connection lost:', error.message);
  database.pool.on('error', lost);
  current = { connectionString, pool };
  return pool;
}

/** SQLSTATE classes 22 (data) and 23 (constraint): the request, not the storage, is wrong. */
function isRejectedByDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

/** Runs one storage operation; a failure of the storage itself becomes StorageUnavailableError. */
export async function withStorage<T>(
  operation: string,
  run: (pool: DatabasePool) => Promise<T>,
): Promise<T> {
  try {
    return await run(databasePool());
  } catch (error) {
    if (isRejectedByDatabase(error)) throw error;
    throw new StorageUnavailableError(operation, error);
  }
}

/**
 * Runs an operation whose failure only means the storage is down: the outage goes to the log and
 * the caller gets the seconds to wait, to answer 503 or render a page without the figures.
 */
export async function orOutage<T>(
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; retryAfterSeconds: number }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    console.error(error.message, error.cause instanceof Error ? error.cause.message : error.cause);
    return { ok: false, retryAfterSeconds: error.retryAfterSeconds };
  }
}
