/**
 * The content folder read as plain files, the one way code outside Astro's content layer reads
 * it (the configuration, the content check, the organizers' desk, the tests): each Markdown
 * file's frontmatter and body, each YAML file's data, named by its path inside its folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

export interface ContentFile {
  /** The entry's id as the site names it: the path inside its folder, without extension ("minister", "2021-12-17-outcome/es"). */
  id: string;
  /** The path from the content folder, for messages: "targets/minister.md". */
  file: string;
  /** The frontmatter of a Markdown file, or the whole of a YAML file. */
  data: unknown;
  /** The Markdown body; empty for YAML. */
  body: string;
}

/** A Markdown file's frontmatter (YAML between the first two `---` lines) and its body. */
function parseMarkdown(text: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!match) return { data: {}, body: text };
  return { data: yaml.load(match[1] ?? '') ?? {}, body: match[2] ?? '' };
}

const directory = (root: string | URL) => (typeof root === 'string' ? root : fileURLToPath(root));

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
      return name.endsWith('.md')
        ? { id, file, ...parseMarkdown(text) }
        : { id, file, data: yaml.load(text), body: '' };
    });
}
