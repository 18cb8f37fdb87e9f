/**
 * The site built again with other content: a copy of the project (its code unchanged, its
 * node_modules shared) whose content/ is replaced or edited, built with `astro build`. Tests serve
 * it with tools/serve.ts's `root` option, like the real build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const projectRoot = join(import.meta.dirname, '..', '..');
const projectFiles = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'netlify.toml',
  'src',
  'public',
  'tools',
  'netlify',
];

export interface Variant {
  /** The copy's root, to pass to serve({ root }). */
  root: string;
  /** The build's output, for a test to show when a build fails. */
  output: string;
  remove(): void;
}

/**
 * Builds the site with `content` as its content folder (default: the real one), after `edit` has
 * changed the copy's content. Throws with the build's output when the build fails.
 */
export function buildVariant(
  name: string,
  {
    content = join(projectRoot, 'content'),
    edit,
  }: { content?: string; edit?: (contentDir: string) => void } = {},
): Variant {
  const root = mkdtempSync(join(tmpdir(), `ua-${name}-`));
  for (const entry of projectFiles)
    if (existsSync(join(projectRoot, entry)))
      cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  cpSync(content, join(root, 'content'), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
  edit?.(join(root, 'content'));
  const build = spawnSync('npm', ['exec', '--', 'astro', 'build'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 240_000,
  });
  const output = `${build.stdout}${build.stderr}`;
  if (build.status !== 0) throw new Error(`The ${name} build failed:\n${output.slice(-4000)}`);
  return { root, output, remove: () => rmSync(root, { recursive: true, force: true }) };
}
