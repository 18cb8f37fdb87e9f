import type { AstroIntegration } from 'astro';
import { withUser } from '../lib/database/connection.ts';
import { migrate } from './migrations.ts';

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
        if (!url)
          return logger.warn(
            'No local Netlify Database is running: the report form will answer 503.',
          );
        const applied = await migrate(withUser(url));
        logger.info(
          applied.length
            ? `Applied migrations: ${applied.join(', ')}`
            : 'Database migrations are up to date.',
        );
      },
    },
  };
}
