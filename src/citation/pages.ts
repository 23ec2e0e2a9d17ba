/** The citation files' routes: one `.bib` and one `.ris` per published article. */
import { getCollection } from 'astro:content';
import { isShown, type Article } from '../collection/articles';
import { absoluteUrl, articleUrl } from '../site/urls';
import { citedArticle } from './cited-article';
import type { CitedArticle } from './formats';

/**
 * Every published article's route, with what its citation says. A citation is the article's
 * alone: its `cacheKey`, the digest of its file, lets the incremental build keep both files of
 * every article that did not change (at 1,000 articles, 3 s of every rebuild otherwise).
 */
export async function citationPaths() {
  const articles: Article[] = await getCollection('articles', isShown);
  return articles.map((article) => ({
    params: { slug: article.id },
    props: { id: article.id, data: article.data },
    cacheKey: article.digest,
  }));
}

/** What the citation of the route's article says, at its address on `site`. */
export function citedFor(props: Record<string, unknown>, site: URL | undefined): CitedArticle {
  const { id, data } = props as { id: string; data: Article['data'] };
  return citedArticle(id, data, absoluteUrl(articleUrl(id), site!));
}
