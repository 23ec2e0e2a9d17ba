import { z } from 'astro/zod';
import { TAG_LABELS } from '../utils/tags';

/** Where an article came from: the seed file and its first and last line in it (1-based). */
export const ArticleSourceSchema = z.object({
  /** Seed path relative to the project root, e.g. `seeds/000_4f47ba8be8894ef4.txt`. */
  file: z.string().min(1),
  /** Line of the article's section line. */
  firstLine: z.number().int().positive(),
  /** Line of the article's closing `Continue Reading`. */
  lastLine: z.number().int().positive(),
});

/**
 * Frontmatter of one article, declared once: ingest validates what it writes with it,
 * and the `articles` content collection validates what it reads with it.
 */
export const ArticleFrontmatterSchema = z
  .object({
    /** Headline as printed in the seed. */
    title: z.string().min(1),
    /** Byline as printed under the title; absent when the seed has none. */
    author: z.string().min(1).optional(),
    /** The site section the seed files the article under, e.g. `Intelligence`. */
    section: z.string().min(1),
    /** Tag labels from the vocabulary in `utils/tags.ts`, in vocabulary order; slugs are derived. */
    tags: z.array(z.enum(TAG_LABELS)).default([]),
    /** Opening of the body, at most 160 characters, cut at a word boundary. */
    description: z.string().min(1).max(160),
    /** Partner credited at the end of the article (`From our partner RIAC` → `RIAC`). */
    partner: z.string().min(1).optional(),
    /** The seed lines the article was read from. */
    source: ArticleSourceSchema.refine((s) => s.lastLine >= s.firstLine, {
      message: 'lastLine must not come before firstLine',
    }),
  })
  .strict();

/** A validated article frontmatter object. */
export type ArticleFrontmatter = z.infer<typeof ArticleFrontmatterSchema>;
