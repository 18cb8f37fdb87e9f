import { existsSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { appealSchemaWith, letterSchema, targetSchema, updateSchema } from './lib/appeal/schema';
import { stringsSchema } from './lib/i18n/strings';

/**
 * Entries are named after their file: content/targets/minister.md has the id "minister",
 * content/strings/es.yaml "es", content/updates/2021-12-17-outcome/es.md "2021-12-17-outcome/es".
 */
const filesIn = (folder: string, pattern = '*.md') =>
  // The id is the file's own name, case kept: a language code such as "pt-BR" must not be slugified to "pt-br".
  glob({
    pattern,
    base: `./content/${folder}`,
    generateId: ({ entry }) => entry.replace(/\.(md|ya?ml)$/, ''),
  });

export const collections = {
  appeal: defineCollection({
    loader: filesIn('appeal'),
    schema: ({ image }) => appealSchemaWith(image()),
  }),
  targets: defineCollection({ loader: filesIn('targets'), schema: targetSchema }),
  letters: defineCollection({ loader: filesIn('letters'), schema: letterSchema }),
  // An appeal has no updates until something happens: no folder is as good as an empty one.
  updates: defineCollection({
    loader: existsSync('./content/updates') ? filesIn('updates', '*/*.md') : () => [],
    schema: updateSchema,
  }),
  strings: defineCollection({ loader: filesIn('strings', '*.yaml'), schema: stringsSchema }),
};
