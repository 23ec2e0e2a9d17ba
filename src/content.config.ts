import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { ARTICLES_DIR } from './config';
import { articleLoader } from './loaders/articles';
import { ArticleFrontmatterSchema } from './schemas/article';

/**
 * The articles `npm run ingest` writes, validated by the schema ingest validated them with,
 * and stored with their word count and most used words (which the loader adds after
 * validation) but without their
 * body or HTML: each article's page renders its file (see `src/loaders/articles.ts`).
 */
const articles = defineCollection({
  loader: articleLoader(ARTICLES_DIR),
  schema: ArticleFrontmatterSchema.extend({
    words: z.number().int().nonnegative().optional(),
    // `heroin:3 cartel:2`: one string, which the store reads fast (packTerms in utils/related.ts).
    terms: z.string().optional(),
  }),
});

export const collections = { articles };
