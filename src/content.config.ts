import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { appealSchema, letterSchema, targetSchema } from './lib/appeal/schema';

/** Entries are named after their file: content/targets/minister.md has the id "minister". */
const markdownIn = (folder: string) => glob({ pattern: '*.md', base: `./content/${folder}` });

export const collections = {
  appeal: defineCollection({ loader: markdownIn('appeal'), schema: appealSchema }),
  targets: defineCollection({ loader: markdownIn('targets'), schema: targetSchema }),
  letters: defineCollection({ loader: markdownIn('letters'), schema: letterSchema }),
};
