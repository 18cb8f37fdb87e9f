import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getDatabase } from '@netlify/database';
import { applyMigrations, type SQLExecutor } from '@netlify/database-dev';
import { withUser } from '../lib/database/connection.ts';
import { migrationsDirectory } from '../lib/database/migrations.ts';

/** The part of pg's Pool and client used to run migrations; pg ships no types of its own. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}
interface Pool extends Queryable {
  connect(): Promise<Queryable & { release(): void }>;
  end(): Promise<void>;
}

function executor(on: Queryable): Pick<SQLExecutor, 'exec' | 'query'> {
  return {
    exec: (sql) => on.query(sql),
    query: <T>(sql: string, params?: unknown[]) => on.query(sql, params) as Promise<{ rows: T[] }>,
  };
}

/**
 * `astro dev` starts a local Netlify Database (data in .netlify/db) but leaves its tables to the
 * deploy; this applies netlify/database/migrations to it so the report form works while editing.
 */
export function localDatabaseMigrations(): AstroIntegration {
  return {
    name: 'local-database-migrations',
    hooks: {
      'astro:server:start': async ({ logger }) => {
        const url = process.env['NETLIFY_DB_URL'];
        if (!url) return logger.warn('No local Netlify Database is running: the report form will answer 503.');
        const pool = getDatabase({ connectionString: withUser(url) }).pool as unknown as Pool;
        try {
          const applied = await applyMigrations(
            {
              ...executor(pool),
              async transaction(work) {
                const client = await pool.connect();
                try {
                  await client.query('BEGIN');
                  const result = await work(executor(client));
                  await client.query('COMMIT');
                  return result;
                } catch (error) {
                  await client.query('ROLLBACK');
                  throw error;
                } finally {
                  client.release();
                }
              },
            },
            fileURLToPath(migrationsDirectory),
          );
          logger.info(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database migrations are up to date.');
        } finally {
          await pool.end();
        }
      },
    },
  };
}
