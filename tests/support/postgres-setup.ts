/**
 * Vitest global setup: a throwaway real PostgreSQL server for the tests that need real concurrency
 * (the embedded database answers one statement at a time). Found on the machine, or installed from
 * Debian's package when running as root; when neither is possible those tests are skipped, and
 * this says so loudly rather than letting them pass unseen.
 */
import type { TestProject } from 'vitest/node';
import { ensurePostgres, startPostgres, type RealPostgres } from '../../tools/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the real PostgreSQL server, or '' when there is none. */
    postgresUrl: string;
    postgresVersion: string;
  }
}

let server: RealPostgres | undefined;

export async function setup(project: TestProject): Promise<void> {
  const found = ensurePostgres((line) => console.log(line));
  if ('unavailable' in found) {
    const banner = '!'.repeat(100);
    console.warn(
      `\n${banner}\nREAL-POSTGRES TESTS WILL BE SKIPPED: ${found.unavailable}\n${banner}\n`,
    );
    project.provide('postgresUrl', '');
    project.provide('postgresVersion', '');
    return;
  }
  server = await startPostgres({ settings: { max_connections: '300' } });
  console.log(
    `Real-Postgres tests use PostgreSQL ${server.version} at ${server.url} (a throwaway cluster).`,
  );
  project.provide('postgresUrl', server.url);
  project.provide('postgresVersion', server.version);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
