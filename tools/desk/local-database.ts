/**
 * Where a running `npm start` keeps its database: tools/serve.ts writes .netlify/database.json when
 * it starts its own and removes it on stop, so the organizers' desk finds it with no extra step.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalDatabase {
  /** Connection string, postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** The serving process; a file left by one that died names a process that is gone. */
  pid: number;
  startedAt: string;
}

const fileIn = (root: string) => join(root, '.netlify', 'database.json');

export function writeLocalDatabase(root: string, url: string): void {
  const entry: LocalDatabase = { url, pid: process.pid, startedAt: new Date().toISOString() };
  mkdirSync(join(root, '.netlify'), { recursive: true });
  writeFileSync(fileIn(root), `${JSON.stringify(entry, null, 2)}\n`);
}

export function removeLocalDatabase(root: string): void {
  rmSync(fileIn(root), { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The local database if a site is serving it now, else why not, in words for the organizer. */
export function readLocalDatabase(root: string): LocalDatabase | { missing: string } {
  let entry: Partial<LocalDatabase>;
  try {
    entry = JSON.parse(readFileSync(fileIn(root), 'utf8')) as Partial<LocalDatabase>;
  } catch {
    return { missing: 'no local site is running' };
  }
  if (
    typeof entry.url !== 'string' ||
    typeof entry.pid !== 'number' ||
    typeof entry.startedAt !== 'string'
  ) {
    return { missing: `${fileIn(root)} is not what npm start writes` };
  }
  if (!isRunning(entry.pid))
    return {
      missing: `the local site that was started ${entry.startedAt} (pid ${entry.pid}) is no longer running`,
    };
  return { url: entry.url, pid: entry.pid, startedAt: entry.startedAt };
}
