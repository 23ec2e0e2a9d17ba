import { z } from 'astro/zod';

/** Where an article came from: the seed file and its first and last line in it (1-based). */
export const ArticleSourceSchema = z
  .object({
    /** Seed path relative to the project root, e.g. `seeds/000_4f47ba8be8894ef4.txt`. */
    file: z.string().min(1),
    /** Line of the article's section line. */
    firstLine: z.number().int().positive(),
    /** Line of the article's closing `Continue Reading`. */
    lastLine: z.number().int().positive(),
  })
  .strict()
  .refine((s) => s.lastLine >= s.firstLine, { message: 'lastLine must not come before firstLine' });

/** Longest description, in characters: what search results and link previews show whole. */
export const DESCRIPTION_MAX_CHARS = 160;

/**
 * A publication date as frontmatter gives it: `2026-12-06` (that day, UTC), or a date and
 * time with its offset (`2026-12-06T09:30:00+01:00`); a day its month does not have is refused.
 */
const PublicationDateSchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .transform((value) => new Date(value));

/**
 * Frontmatter of one article, declared once: ingest validates what it writes with it, and
 * the `articles` collection validates every file in `content/articles/` with it, the ones a
 * publisher writes by hand among them. Only `title` is required.
 */
export const ArticleFrontmatterSchema = z
  .object({
    /** Headline, as readers see it. */
    title: z.string().min(1),
    /** Byline: one or more names, as printed (`Li Wei and Sofia Marquez`). */
    author: z.string().min(1).optional(),
    /** The site section the article is filed under, e.g. `Intelligence`, shown above its title. */
    section: z.string().min(1).optional(),
    /**
     * Tags, by label or slug from `content/tags.yml`. Without the field, the tags' words decide
     * (every article ingest writes); `tags: []` is no tag at all.
     */
    tags: z.array(z.string().min(1)).optional(),
    /** For cards, search results and link previews; without it, the opening of the body. */
    description: z.string().min(1).max(DESCRIPTION_MAX_CHARS).optional(),
    /** Publication date: shown, and used for order, the feed and link previews. Never invented. */
    date: PublicationDateSchema.optional(),
    /** `true`: built by `npm run dev`, never published. */
    draft: z.boolean().optional(),
    /** Partner credited at the end of the article (`From our partner RIAC` → `RIAC`). */
    partner: z.string().min(1).optional(),
    /** The seed lines ingest read the article from; absent in an article written by hand. */
    source: ArticleSourceSchema.optional(),
  })
  .strict();

/** A validated article frontmatter object. */
export type ArticleFrontmatter = z.infer<typeof ArticleFrontmatterSchema>;

/** The frontmatter's fields, in the order ingest writes them. */
export const ARTICLE_FIELDS = Object.keys(ArticleFrontmatterSchema.shape);

/** What each field takes, as an error says it. */
export const ARTICLE_FIELD_EXPECTS: Readonly<Record<string, string>> = {
  title: 'the title, as text',
  author: 'the byline, as text',
  section: 'a section name, as text',
  tags: 'a list of tags, such as [intelligence, cyber]',
  description: `text of at most ${DESCRIPTION_MAX_CHARS} characters`,
  date: 'a date such as 2026-12-06',
  draft: 'true or false',
  partner: 'the partner’s name, as text',
  source: 'the seed lines ingest read the article from (file, firstLine, lastLine)',
  file: 'a seed path, as text',
  firstLine: 'a line number',
  lastLine: 'a line number, not before firstLine',
};

/**
 * An article as the `articles` collection stores it: its frontmatter, with what the loader
 * works out of its file (`src/loaders/articles.ts`): tags as labels, a description, its word
 * count and most used words.
 */
export const StoredArticleSchema = ArticleFrontmatterSchema.extend({
  /** Tag labels, in vocabulary order. */
  tags: z.array(z.string()),
  description: z.string().min(1),
  date: z.date().optional(),
  draft: z.boolean(),
  /** Words in the body. */
  words: z.number().int().nonnegative(),
  /** Its most used words, `heroin:3 cartel:2` (packTerms in collection/related.ts). */
  terms: z.string(),
});
