import { defineCollection } from 'astro:content';
import { ARTICLES_DIR } from './config';
import { articleLoader } from './loaders/articles';
import { StoredArticleSchema } from './schemas/article';

/**
 * The articles in `content/articles/`, those ingest writes and those a publisher writes by
 * hand: each file's frontmatter validated with the one schema, then stored with its tags,
 * description, word count and most used words, without its body or HTML (see
 * `src/loaders/articles.ts`).
 */
const articles = defineCollection({
  loader: articleLoader(ARTICLES_DIR),
  schema: StoredArticleSchema,
});

export const collections = { articles };
