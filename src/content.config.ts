import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ARTICLES_DIR } from './config';
import { ArticleFrontmatterSchema } from './schemas/article';

/**
 * The articles `npm run ingest` writes, validated by the schema ingest validated them with.
 * The store keeps each article's rendered HTML, not its Markdown body (`retainBody: false`):
 * every page build loads the whole store, and at 10,000 articles the bodies would be some
 * 40 % of it. Word counts come from `remarkWordCount` instead.
 */
const articles = defineCollection({
  loader: glob({ pattern: '*.md', base: ARTICLES_DIR, retainBody: false }),
  schema: ArticleFrontmatterSchema,
});

export const collections = { articles };
