/**
 * Makes sure the browser tests have a Chromium: Playwright's download where the network allows it,
 * Debian's chromium package otherwise. Says what it found or did.
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.ts';

function run(command: string, args: string[]): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', timeout: 600_000 }).status === 0;
}

const present = findChromium();
if (present) {
  console.log(`Browser tests use ${present.description}.`);
  process.exit(0);
}

console.log("No Chromium found: trying Playwright's download.");
if (run('npx', ['playwright', 'install', 'chromium']) && findChromium()) {
  console.log(`Installed ${findChromium()?.description}.`);
  process.exit(0);
}

const isRoot = process.getuid?.() === 0;
if (isRoot && spawnSync('which', ['apt-get']).status === 0) {
  console.log("Playwright's download is out of reach: installing Debian's chromium package.");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env, timeout: 900_000 }).status === 0;
  if (apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'chromium']) && findChromium()) {
    console.log(`Installed ${findChromium()?.description}.`);
    process.exit(0);
  }
}

console.error(
  'No Chromium for the browser tests. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH to its binary.',
);
process.exit(1);
