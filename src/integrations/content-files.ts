/**
 * The content folder read as plain files, the one way code outside Astro's content layer reads
 * it (the configuration and its content check, the organizers' desk, the tests): each Markdown
 * file's frontmatter and body, each YAML file's data, named by its path inside its folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import type { ContentFile, ContentFiles } from '../lib/appeal/check.ts';

const directory = (root: string | URL) => (typeof root === 'string' ? root : fileURLToPath(root));

/** YAML read for a person: on a mistake, which line and what is wrong, instead of a stack trace. */
function parseYaml(text: string): { data: unknown } | { unreadable: string } {
  try {
    return { data: yaml.load(text) ?? {} };
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line: number } };
    const where = mark ? ` on line ${mark.line + 1}` : '';
    return {
      unreadable: `The YAML cannot be read${where}: ${reason ?? String(error)}. Check its indentation, colons and quotes.`,
    };
  }
}

/** A Markdown file's frontmatter (YAML between the first two `---` lines) and its body. */
function parseMarkdown(text: string): Pick<ContentFile, 'data' | 'body' | 'unreadable'> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!match)
    return {
      data: {},
      body: text,
      unreadable: 'The file must start with its fields between two lines of "---".',
    };
  const frontmatter = parseYaml(match[1] ?? '');
  const body = match[2] ?? '';
  return 'data' in frontmatter
    ? { data: frontmatter.data, body }
    : { data: undefined, body, unreadable: frontmatter.unreadable };
}

/**
 * Every file of one content folder whose name ends with one of `extensions`, in subfolders too,
 * sorted by id; none when the folder does not exist (an appeal may have no updates yet).
 */
export function readContentFolder(
  root: string | URL,
  folder: string,
  extensions: readonly string[] = ['.md'],
): ContentFile[] {
  const base = join(directory(root), folder);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split('\\').join('/'))
    .filter((name) => extensions.some((extension) => name.endsWith(extension)))
    .sort()
    .map((name) => {
      const text = readFileSync(join(base, name), 'utf8');
      const id = name.replace(/\.[a-z]+$/, '');
      const file = `${folder}/${name}`;
      if (name.endsWith('.md')) return { id, file, ...parseMarkdown(text) };
      const parsed = parseYaml(text);
      return 'data' in parsed
        ? { id, file, data: parsed.data, body: '' }
        : { id, file, data: undefined, body: '', unreadable: parsed.unreadable };
    });
}

/** The whole content folder, as the content check reads it. */
export function readContent(root: string | URL): ContentFiles {
  const base = directory(root);
  const [facts] = readContentFolder(base, 'source', ['facts.yaml']);
  return {
    appeal: readContentFolder(base, 'appeal').filter((file) => !file.id.includes('/')),
    targets: readContentFolder(base, 'targets'),
    letters: readContentFolder(base, 'letters'),
    updates: readContentFolder(base, 'updates'),
    strings: readContentFolder(base, 'strings', ['.yaml', '.yml']),
    facts,
    exists: (path) => existsSync(join(base, path)),
  };
}
