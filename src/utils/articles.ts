import type { CollectionEntry } from 'astro:content';

/** An entry of the `articles` collection. */
export type Article = CollectionEntry<'articles'>;

/** Articles in the order the seeds print them: by seed file, then by line. */
export function inSeedOrder(articles: readonly Article[]): Article[] {
  return [...articles].sort(
    (a, b) => a.data.source.file.localeCompare(b.data.source.file) || a.data.source.firstLine - b.data.source.firstLine,
  );
}

/**
 * Words in an article, counted in its text by `remarkWordCount` when Astro rendered it (the
 * content store keeps no Markdown body, see `content.config.ts`).
 */
export function articleWords(article: Article): number {
  const frontmatter: Record<string, unknown> | undefined = article.rendered?.metadata?.frontmatter;
  const words = frontmatter?.words;
  if (typeof words !== 'number')
    throw new Error(`${article.id}: expected a word count from remarkWordCount, found ${String(words)}`);
  return words;
}

/** Articles that carry the tag with this label, in seed order. */
export function withTag(articles: readonly Article[], label: string): Article[] {
  return inSeedOrder(
    articles.filter((article) => article.data.tags.includes(label as Article['data']['tags'][number])),
  );
}
