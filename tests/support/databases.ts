/** The databases the storage tests run against: the embedded one, and a real PostgreSQL server. */
import { inject } from 'vitest';
import pg from 'pg';

export interface TestDatabase {
  name: string;
  /** Why this database cannot be used here; the tests on it are skipped. */
  skip?: string;
  /** A fresh, empty database: a connection string, or undefined for the site's own embedded one. */
  fresh(): Promise<string | undefined>;
}

/** A new database on the real server, named for the test file, so test files never share rows. */
async function freshOnServer(serverUrl: string): Promise<string> {
  const name = `test_${crypto.randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function testDatabases(): TestDatabase[] {
  const serverUrl = inject('postgresUrl');
  return [
    { name: 'the embedded database', fresh: async () => undefined },
    {
      name: `PostgreSQL ${inject('postgresVersion') || '(not available)'}`,
      ...(serverUrl ? {} : { skip: 'no PostgreSQL server on this machine' }),
      fresh: () => freshOnServer(serverUrl),
    },
  ];
}
