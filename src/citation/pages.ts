/** The citation files' routes: one `.bib` and one `.ris` per published article. */
import { getCollection } from 'astro:content';
import { isShown, type Article } from '../collection/articles';
import { absoluteUrl, articleUrl } from '../site/urls';
import { citedArticle } from './cited-article';
import type { CitedArticle } from './formats';

/** Every published article's route, with what its citation says. */
export async function citationPaths() {
  const articles: Article[] = await getCollection('articles', isShown);
  return articles.map((article) => ({ params: { slug: article.id }, props: { id: article.id, data: article.data } }));
}

/** What the citation of the route's article says, at its address on `site`. */
export function citedFor(props: Record<string, unknown>, site: URL | undefined): CitedArticle {
  const { id, data } = props as { id: string; data: Article['data'] };
  return citedArticle(id, data, absoluteUrl(articleUrl(id), site!));
}
