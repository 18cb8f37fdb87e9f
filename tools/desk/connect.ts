/**
 * Which database the desk works on, and one transaction per command on one connection:
 * NETLIFY_DB_URL when set (production or a deploy preview), else the local site's while `npm start` runs.
 */
import pg from 'pg';
import { withUser } from '../../src/lib/database/connection.ts';
import { DeskError, exitCodes } from './errors.ts';
import { readLocalDatabase } from './local-database.ts';

export interface Database {
  url: string;
  /** Where it is, for people: never the password. */
  label: string;
}

function place(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}${port ? `:${port}` : ''}${pathname}`;
}

const noDatabase = (message: string) => new DeskError(message, exitCodes.noDatabase);

export function findDatabase(env: Record<string, string | undefined>, root: string): Database {
  const named = env['NETLIFY_DB_URL'];
  if (named) {
    try {
      return { url: withUser(named), label: `${place(named)} (NETLIFY_DB_URL)` };
    } catch {
      throw noDatabase(
        'NETLIFY_DB_URL is not a connection string: it should look like postgres://user:password@host/database.',
      );
    }
  }
  const local = readLocalDatabase(root);
  if ('missing' in local) {
    throw noDatabase(
      `No database to work on: NETLIFY_DB_URL is not set and ${local.missing}. Start the site with \`npm start\` in another terminal, or set NETLIFY_DB_URL.`,
    );
  }
  return {
    url: withUser(local.url),
    label: `${place(local.url)} (the local site, npm start, pid ${local.pid})`,
  };
}

export async function connect(database: Database): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: database.url,
    connectionTimeoutMillis: 10_000,
    application_name: 'organizers-desk',
  });
  // A connection the server drops shows up as the failing query's error, not as a crash.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw noDatabase(
      `Cannot reach the database at ${database.label}: ${(error as Error).message || (error as { code?: string }).code}.`,
    );
  }
  return client;
}

/** A database error that means the desk has no usable database, in words for the organizer; undefined for any other. */
export function unusableDatabase(database: Database, error: unknown): DeskError | undefined {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  // SQLSTATE 08 (connection), 28 (authorization), 3D (no such database), 57P (shut down); or the socket itself.
  if (/^(08|28|3D|57P)|^E[A-Z]+$/.test(code))
    return noDatabase(`Lost the database at ${database.label}: ${(error as Error).message}.`);
  // A table, column or function the migrations define is missing: the database is not this site's, or not up to date.
  if (['42P01', '42703', '42883'].includes(code)) {
    return noDatabase(
      `The database at ${database.label} lacks this site's tables as the migrations define them (${(error as Error).message}): deploy the site, or run \`npm start\` locally, to apply them.`,
    );
  }
  return undefined;
}

/**
 * Runs `work` in one transaction and commits it, or rolls it back when `keep` is false (a dry run).
 * Reads see one snapshot, so the tally and the rows they compare are of the same moment.
 */
export async function transaction<T>(
  client: pg.Client,
  kind: 'read' | 'write',
  work: () => Promise<T>,
  keep = true,
): Promise<T> {
  await client.query(kind === 'read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
  try {
    const result = await work();
    const end = await client.query(keep ? 'COMMIT' : 'ROLLBACK');
    // COMMIT answers ROLLBACK, not an error, when the transaction failed on the way.
    if (keep && end.command !== 'COMMIT')
      throw new Error('the database rolled the transaction back; nothing was changed');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
