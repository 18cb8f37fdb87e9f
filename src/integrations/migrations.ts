/**
 * Applies netlify/database/migrations/ to a Postgres, the one way every local database gets its
 * tables (npm start, npm run dev, tests, the benchmark, the real-Postgres tests): each migration
 * once, in its own transaction, recorded where Netlify's tools record it
 * (@netlify/database-dev's applyMigrations). On Netlify the deploy applies the same folder.
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { applyMigrations, type SQLExecutor } from '@netlify/database-dev';

const migrationsDirectory = fileURLToPath(
  new URL('../../netlify/database/migrations/', import.meta.url),
);

function executor(on: pg.Pool | pg.PoolClient): Pick<SQLExecutor, 'exec' | 'query'> {
  return {
    exec: (sql) => on.query(sql),
    query: async <T>(sql: string, params?: unknown[]) => ({
      rows: (await on.query(sql, params)).rows as T[],
    }),
  };
}

/** Brings the database at `connectionString` up to date, or up to the migration named `target`; returns the migrations it applied. */
export async function migrate(connectionString: string, target?: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString, max: 1 });
  try {
    return await applyMigrations(
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
      migrationsDirectory,
      target,
    );
  } finally {
    await pool.end();
  }
}
