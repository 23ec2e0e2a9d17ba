import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ARTICLES_DIR } from './config';
import { ArticleFrontmatterSchema } from './schemas/article';

/** The articles `npm run ingest` writes, validated by the schema ingest validated them with. */
const articles = defineCollection({
  loader: glob({ pattern: '*.md', base: ARTICLES_DIR }),
  schema: ArticleFrontmatterSchema,
});

export const collections = { articles };
