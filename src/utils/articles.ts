import type { CollectionEntry } from 'astro:content';

/** An entry of the `articles` collection. */
export type Article = CollectionEntry<'articles'>;

/** Articles in the order the seeds print them: by seed file, then by line. */
export function inSeedOrder(articles: readonly Article[]): Article[] {
  return [...articles].sort(
    (a, b) => a.data.source.file.localeCompare(b.data.source.file) || a.data.source.firstLine - b.data.source.firstLine,
  );
}

/** Words in an article's Markdown body, counted by the collection's loader. */
export function articleWords(article: Article): number {
  const { words } = article.data;
  if (words === undefined) throw new Error(`${article.id}: expected a word count from the articles loader, found none`);
  return words;
}

/** Articles that carry the tag with this label, in seed order. */
export function withTag(articles: readonly Article[], label: string): Article[] {
  return inSeedOrder(
    articles.filter((article) => article.data.tags.includes(label as Article['data']['tags'][number])),
  );
}
