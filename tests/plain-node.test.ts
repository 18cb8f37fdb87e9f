/**
 * The tools and the site's configuration run on plain Node, which strips TypeScript's types and
 * resolves imports as written: a relative import without its ".ts" suffix works in the bundled site
 * and in these tests, and fails only when an organizer runs the desk or someone runs `npm start`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const entries = [
  'astro.config.mjs',
  ...readdirSync(join(root, 'tools'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => `tools/${file}`),
];

/** Relative imports Node must resolve: not `import type`, which type stripping removes. */
function runtimeImports(source: string): string[] {
  const statements = source.match(/^(?:import|export)\b[^;]*?from\s+'(\.[^']+)'/gms) ?? [];
  const dynamic = [...source.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)].map(
    ([, path]) => path ?? '',
  );
  return [
    ...statements
      .filter((statement) => !/^(?:import|export)\s+type\b/.test(statement))
      .map((statement) => /'(\.[^']+)'$/.exec(statement)?.[1] ?? ''),
    ...dynamic,
  ];
}

describe('modules that plain Node runs', () => {
  it('name every relative import with its file suffix, in the tools, the configuration and what they import', () => {
    const seen = new Set<string>();
    const missing: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const path of runtimeImports(readFileSync(file, 'utf8'))) {
        if (!/\.(ts|mjs|js|json)$/.test(path)) missing.push(`${relative(root, file)}: '${path}'`);
        else if (/\.(ts|mjs)$/.test(path)) visit(resolve(dirname(file), path));
      }
    };
    for (const entry of entries) visit(join(root, entry));
    expect(seen.size).toBeGreaterThan(entries.length);
    expect(missing).toEqual([]);
  });
});
