/**
 * Where a reader can go from an article: the previous and next article in collection order
 * (newest first, `inCollectionOrder`), and up to three related articles chosen from the articles' own words
 * (`related.ts`, over the most used words the loader stores, `src/loaders/articles.ts`).
 * Worked out once a build, for every article at once.
 */
import { inCollectionOrder, type Article } from './articles';
import { relatedArticles, unpackTerms } from './related';

export interface NextReads {
  prev?: Article | undefined;
  next?: Article | undefined;
  related: Article[];
}

/** How many related articles an article lists. */
export const RELATED_COUNT = 3;

/** The words the loader stored for comparing. */
function terms(article: Article): Map<string, number> {
  const { terms } = article.data;
  // A content store from an older Dossier may hold another shape: say so rather than guess.
  if (typeof terms !== 'string') {
    const found = terms === undefined ? 'none' : typeof terms;
    throw new Error(`${article.id}: expected its most used words from the articles loader, found ${found}`);
  }
  return unpackTerms(terms, article.id);
}

let memo: { key: string; reads: Map<string, NextReads> } | undefined;

/** Every article's next reads, by id; worked out once for the same collection. */
export function nextReads(articles: readonly Article[]): Map<string, NextReads> {
  const ordered = inCollectionOrder(articles);
  const key = ordered.map((article) => `${article.id}@${article.digest}`).join('\n');
  if (memo?.key === key) return memo.reads;
  const byId = new Map(ordered.map((article) => [article.id, article]));
  const related = relatedArticles(
    ordered.map((article) => ({ id: article.id, counts: terms(article) })),
    RELATED_COUNT,
  );
  const reads = new Map<string, NextReads>(
    ordered.map((article, index) => [
      article.id,
      {
        prev: ordered[index - 1],
        next: ordered[index + 1],
        related: related.get(article.id)!.map((id) => byId.get(id)!),
      },
    ]),
  );
  memo = { key, reads };
  return reads;
}

/**
 * What an article's page shows besides the article itself, as one string for the page's
 * `cacheKey`: the incremental build then redraws a page when a neighbour or related article
 * changes (its digest), or when another takes its place.
 */
export const nextReadsKey = (article: Article, reads: NextReads): string =>
  [article, reads.prev, reads.next, ...reads.related].map((entry) => entry?.digest ?? '-').join(':');
