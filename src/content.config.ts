import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { appealSchema, letterSchema, targetSchema } from './lib/appeal/schema';
import { stringsSchema } from './lib/i18n/strings';

/** Entries are named after their file: content/targets/minister.md has the id "minister", content/strings/es.yaml "es". */
const filesIn = (folder: string, pattern = '*.md') => glob({ pattern, base: `./content/${folder}` });

export const collections = {
  appeal: defineCollection({ loader: filesIn('appeal'), schema: appealSchema }),
  targets: defineCollection({ loader: filesIn('targets'), schema: targetSchema }),
  letters: defineCollection({ loader: filesIn('letters'), schema: letterSchema }),
  strings: defineCollection({ loader: filesIn('strings', '*.yaml'), schema: stringsSchema }),
};
