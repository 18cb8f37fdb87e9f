/**
 * The site built again with other content, or pinned to another moment (PREVIEW_AT): a copy of the
 * project (its code unchanged, its node_modules shared) whose content/ is replaced or edited, built
 * with `astro build` and served with tools/serve.ts's `root` option, like the real build.
 *
 * A build is kept under node_modules/.cache/site-variants/, named by a hash of everything it is
 * built from (the code, the content, the moment), so the vitest and browser runs of one `npm test`
 * build each variant once; a build that is meant to fail is made in a temporary folder and removed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './appeal';

const codeEntries = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'netlify.toml',
  'src',
  'public',
  'netlify',
];
const cache = join(projectRoot, 'node_modules', '.cache', 'site-variants');

export interface VariantOptions {
  /** The content folder to build (default: the project's own). */
  content?: string;
  /** Changes the copy's content before the build. */
  edit?: (contentDir: string) => void;
  /** Builds the site as it stands at that moment. */
  previewAt?: Date;
  /** More of the build's environment (Netlify's URL, say). */
  env?: Record<string, string>;
}

/** Every file under a path, in order, with its contents, for the hash of a build's inputs. */
function hashTree(hash: ReturnType<typeof createHash>, path: string): void {
  if (!existsSync(path)) return;
  const files = statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .sort()
    : [path];
  for (const file of files) hash.update(file.slice(path.length)).update(readFileSync(file));
}

/** A copy of the project with `content` as its content, edited; returns its root. */
function copyProject(
  into: string,
  { content = join(projectRoot, 'content'), edit }: VariantOptions,
): void {
  for (const entry of codeEntries)
    cpSync(join(projectRoot, entry), join(into, entry), { recursive: true });
  cpSync(content, join(into, 'content'), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(into, 'node_modules'));
  edit?.(join(into, 'content'));
}

function build(root: string, options: VariantOptions): { ok: boolean; output: string } {
  const env = {
    ...process.env,
    ...options.env,
    PREVIEW_AT: options.previewAt?.toISOString() ?? '',
  };
  const result = spawnSync('npm', ['exec', '--', 'astro', 'build'], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** The built copy's root, to pass to serve({ root }); built once for the same inputs. */
export function buildVariant(name: string, options: VariantOptions = {}): string {
  const staging = mkdtempSync(join(tmpdir(), `site-${name}-`));
  try {
    copyProject(staging, options);
    const hash = createHash('sha256').update(JSON.stringify([options.previewAt, options.env]));
    for (const entry of [...codeEntries, 'content']) hashTree(hash, join(staging, entry));
    const key = `${name}-${hash.digest('hex').slice(0, 16)}`;
    const kept = join(cache, key);
    if (existsSync(join(kept, 'dist'))) return kept;
    const { ok, output } = build(staging, options);
    if (!ok) throw new Error(`The ${name} build failed:\n${output.slice(-4000)}`);
    mkdirSync(cache, { recursive: true });
    // Builds of this variant from other code or content are of no more use.
    for (const old of readdirSync(cache))
      if (old.startsWith(`${name}-`) && old !== key)
        rmSync(join(cache, old), { recursive: true, force: true });
    try {
      renameSync(staging, kept);
    } catch {
      // Another test file built the same variant meanwhile: theirs is as good.
    }
    return kept;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** What `astro build` says of content it refuses; the copy is removed afterwards. */
export function failedBuild(name: string, options: VariantOptions): string {
  const staging = mkdtempSync(join(tmpdir(), `site-${name}-`));
  try {
    copyProject(staging, options);
    const { ok, output } = build(staging, options);
    if (ok) throw new Error(`The ${name} build was expected to fail, and it succeeded.`);
    return output;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
