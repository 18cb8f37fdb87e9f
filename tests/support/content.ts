/** The content as tests read it: the same files and schemas the build uses. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { stringsSchema, type Strings } from '../../src/lib/i18n/strings';
import { format, type Message, type Values } from '../../src/lib/i18n/format';

export const contentRoot = join(import.meta.dirname, '..', '..', 'content');

/** Frontmatter and body of every Markdown file in a content folder, keyed by file name. */
export function readFolder(
  folder: string,
  root = contentRoot,
): Record<string, { data: unknown; body: string }> {
  const dir = join(root, folder);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .map((file) => {
        const [, frontmatter = '', ...body] = readFileSync(join(dir, file), 'utf8').split(
          /^---\s*$/m,
        );
        return [
          file.replace(/\.md$/, ''),
          { data: yaml.load(frontmatter), body: body.join('---') },
        ];
      }),
  );
}

/** The raw strings tables, keyed by language. */
export function readStringTables(root = contentRoot): Record<string, unknown> {
  const dir = join(root, 'strings');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => [
        file.replace(/\.yaml$/, ''),
        yaml.load(readFileSync(join(dir, file), 'utf8')),
      ]),
  );
}

/** One language's interface strings, checked by the schema, with a formatter in that language. */
export function stringsOf(
  lang: string,
  root = contentRoot,
): Strings & { format(message: Message, values?: Values): string } {
  const table = stringsSchema.parse(readStringTables(root)[lang]);
  return { ...table, format: (message, values) => format(lang, message, values) };
}
