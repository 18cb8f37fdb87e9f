/**
 * A throwaway real PostgreSQL server for tests and benchmarks: the emulated database cannot show
 * real concurrency or the cost of a durable commit. Loopback only, fsync on, removed afterwards.
 */
import { execFile, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RealPostgres {
  url: string;
  version: string;
  stop(): Promise<void>;
}
type Found = { bin: string; version: string };

const serverBinaries = ['initdb', 'pg_ctl', 'postgres'];
const isRoot = process.getuid?.() === 0;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function onPath(name: string): string | undefined {
  return (process.env['PATH'] ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find(executable);
}
function serverIn(bin: string): Found | undefined {
  if (!serverBinaries.every((name) => executable(join(bin, name)))) return undefined;
  const out = spawnSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const version = /\(PostgreSQL\)\s+(\S+)/.exec(out)?.[1];
  return version ? { bin, version } : undefined;
}

/** Finds the server binaries (initdb, pg_ctl, postgres): PATH first, then /usr/lib/postgresql/<highest>/bin. */
function findPostgres(): Found | undefined {
  const initdb = onPath('initdb');
  // /usr/local/bin may hold symlinks to a few of them only; the real directory also has pg_isready and psql.
  const fromPath = initdb
    ? (serverIn(dirname(realpathSync(initdb))) ?? serverIn(dirname(initdb)))
    : undefined;
  if (fromPath) return fromPath;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)) : [];
  for (const v of versions.sort((a, b) => Number(b) - Number(a))) {
    const found = serverIn(join(root, v, 'bin'));
    if (found) return found;
  }
  return undefined;
}

/** Finds them or, as root on Debian, installs Debian's `postgresql` (as tools/ensure-chromium does for Chromium), so a fresh machine can run the real-Postgres tests; otherwise says why not. */
export function ensurePostgres(
  log: (line: string) => void = console.log,
): Found | { unavailable: string } {
  const present = findPostgres();
  if (present) return present;
  if (!isRoot || !onPath('apt-get')) {
    return {
      unavailable:
        "No PostgreSQL server (initdb, pg_ctl, postgres) on PATH or in /usr/lib/postgresql/*/bin; install Debian's postgresql package (apt-get install postgresql, as root).",
    };
  }
  log("No PostgreSQL server found: installing Debian's postgresql package.");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'postgresql'],
  ]) {
    const apt = spawnSync('apt-get', args, {
      env,
      encoding: 'utf8',
      timeout: 900_000,
      maxBuffer: 64 << 20,
    });
    if (apt.status !== 0)
      return {
        unavailable: `apt-get ${args.join(' ')} failed: ${`${apt.stdout}${apt.stderr}`.trim().split('\n').slice(-5).join('\n')}`,
      };
  }
  // The package creates and may start a default cluster on 5432; we only want our own throwaway servers.
  for (const v of existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : []) {
    if (!existsSync(`/etc/postgresql/${v}/main`)) continue;
    spawnSync('pg_ctlcluster', [v, 'main', 'stop'], { stdio: 'ignore' });
    writeFileSync(`/etc/postgresql/${v}/main/start.conf`, 'manual\n');
  }
  return (
    findPostgres() ?? {
      unavailable:
        "Installed Debian's postgresql package but still found no initdb/pg_ctl/postgres.",
    }
  );
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** initdb and pg_ctl refuse root, so as root they run as the postgres system user. */
function asOwner(file: string, args: string[]): [string, string[]] {
  if (!isRoot) return [file, args];
  const runuser = onPath('runuser') ?? ['/usr/sbin/runuser', '/sbin/runuser'].find(executable);
  if (runuser) return [runuser, ['-u', 'postgres', '--', file, ...args]];
  return ['su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map(quote).join(' ')]];
}

function run(file: string, args: string[], cwd: string): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout: 120_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      resolve({ ok: !error, out: `${stdout}${stderr}`.trim() }),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() =>
          typeof address === 'object' && address
            ? resolve(address.port)
            : reject(new Error('no port')),
        );
      });
  });
}

/** Starts a fresh server in its own temp directory on a free loopback port (see the module comment for why); stop() removes every trace. */
export async function startPostgres(
  options: { log?: (line: string) => void; settings?: Record<string, string> } = {},
): Promise<RealPostgres> {
  const found = ensurePostgres(options.log);
  if ('unavailable' in found) throw new Error(found.unavailable);
  const { bin, version } = found;
  const dir = mkdtempSync(join(tmpdir(), 'postgres-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const pgCtl = (...args: string[]) => asOwner(join(bin, 'pg_ctl'), ['-D', data, ...args]);
  let stopped = false;
  const killNow = () => {
    if (stopped) return;
    stopped = true;
    const [file, args] = pgCtl('stop', '-m', 'immediate', '-w');
    if (existsSync(join(data, 'postmaster.pid')))
      spawnSync(file, args, { cwd: dir, stdio: 'ignore', timeout: 30_000 });
    rmSync(dir, { recursive: true, force: true });
  };
  // A crashed or forgotten test run must not leave a server or its files behind.
  process.on('exit', killNow);
  const stop = async () => {
    if (stopped) return;
    process.off('exit', killNow);
    stopped = true;
    const [file, args] = pgCtl('stop', '-m', 'immediate', '-w');
    if (existsSync(join(data, 'postmaster.pid'))) await run(file, args, dir);
    rmSync(dir, { recursive: true, force: true });
  };
  const fail = async (what: string, out: string): Promise<never> => {
    const tail = existsSync(logFile)
      ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-20).join('\n')
      : '';
    await stop();
    throw new Error(
      `PostgreSQL ${version}: ${what} failed.\n${out}${tail ? `\n--- server log (tail) ---\n${tail}` : ''}`,
    );
  };
  try {
    if (isRoot) {
      const chown = await run('chown', ['postgres', dir], dir);
      if (!chown.ok)
        await fail(
          "chown to the postgres user (it exists once Debian's package is installed)",
          chown.out,
        );
    }
    // --no-sync only skips initdb's final flush of files we delete anyway; the server keeps fsync on.
    const [initdbFile, initdbArgs] = asOwner(join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    const initdb = await run(initdbFile, initdbArgs, dir);
    if (!initdb.ok) await fail('initdb', initdb.out);
    const port = await freePort();
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      max_connections: '200',
      ...options.settings,
    };
    // pg_ctl hands -o to /bin/sh, hence the quoting.
    const serverOptions = [
      '-p',
      String(port),
      '-k',
      dir,
      ...Object.entries(settings).map(([k, v]) => `-c ${quote(`${k}=${v}`)}`),
    ].join(' ');
    const started = await run(
      ...pgCtl('start', '-w', '-t', '60', '-l', logFile, '-o', serverOptions),
      dir,
    );
    if (!started.ok) await fail('pg_ctl start', started.out);
    const isready = executable(join(bin, 'pg_isready')) ? join(bin, 'pg_isready') : 'pg_isready';
    for (let attempt = 0; ; attempt++) {
      const ready = await run(
        isready,
        ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'],
        dir,
      );
      if (ready.ok) break;
      if (attempt >= 100) await fail('waiting for connections on 127.0.0.1', ready.out);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, version, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const server = await startPostgres();
  const t1 = performance.now();
  console.log(`PostgreSQL ${server.version} at ${server.url}`);
  const found = findPostgres();
  const psql = [found && join(found.bin, 'psql'), onPath('psql')].find(
    (p): p is string => !!p && executable(p),
  );
  if (psql) {
    const result = spawnSync(psql, [server.url, '-XAtc', 'SELECT version()'], { encoding: 'utf8' });
    console.log(
      result.status === 0 ? result.stdout.trim() : `psql failed: ${result.stderr.trim()}`,
    );
  } else console.log('psql not found; skipping SELECT version().');
  const t2 = performance.now();
  await server.stop();
  const t3 = performance.now();
  console.log(`start (initdb + start) ${Math.round(t1 - t0)} ms, stop ${Math.round(t3 - t2)} ms`);
}
