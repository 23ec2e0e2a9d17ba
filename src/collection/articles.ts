import type { CollectionEntry } from 'astro:content';

/** An entry of the `articles` collection. */
export type Article = CollectionEntry<'articles'>;

/** Whether an article is built: every one in development (`dev`), all but drafts (`draft: true`) otherwise. */
export const isBuilt = (article: Article, dev: boolean): boolean => dev || !article.data.draft;

/**
 * Whether an article is built here: in `astro dev`, drafts too. Every page passes it to
 * `getCollection`, so a draft has no page, card, feed item, search entry, sitemap entry or
 * social image in a build.
 */
export const isShown = (article: Article): boolean => isBuilt(article, import.meta.env.DEV);

/** Which group of the order an article falls in: dated, hand-written without a date, from a seed. */
const rank = (article: Article) => (article.data.date ? 0 : article.data.source ? 2 : 1);

/** Whole-string comparison that does not depend on the machine's locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The collection's order, newest material first, the same on every build:
 * 1. articles with a `date`, newest first;
 * 2. articles written by hand without a date, by file name;
 * 3. articles from seeds: a later seed's (by file name) before an earlier one's, and within a
 *    seed, in the order it prints them.
 * Ties (two articles of the same date) go by file name.
 */
export function inCollectionOrder(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    const [da, db] = [a.data.date, b.data.date];
    if (da && db && da.getTime() !== db.getTime()) return db.getTime() - da.getTime();
    const [sa, sb] = [a.data.source, b.data.source];
    if (!da && sa && sb) return compare(sb.file, sa.file) || sa.firstLine - sb.firstLine;
    return compare(a.id, b.id);
  });
}

/** Words in an article's Markdown body, counted by the collection's loader. */
export function articleWords(article: Article): number {
  return article.data.words;
}

/** Articles that carry the tag with this label, in collection order. */
export function withTag(articles: readonly Article[], label: string): Article[] {
  return inCollectionOrder(articles.filter((article) => article.data.tags.includes(label)));
}
