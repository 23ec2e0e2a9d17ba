import type { CollectionEntry } from 'astro:content';

/** An entry of the `articles` collection. */
export type Article = CollectionEntry<'articles'>;

/** Words a reader gets through in a minute of careful reading. */
export const WORDS_PER_MINUTE = 230;

/** Articles in the order the seeds print them: by seed file, then by line. */
export function inSeedOrder(articles: readonly Article[]): Article[] {
  return [...articles].sort(
    (a, b) => a.data.source.file.localeCompare(b.data.source.file) || a.data.source.firstLine - b.data.source.firstLine,
  );
}

/** Words in a Markdown body, escapes and markers aside. */
export function wordCount(markdown: string): number {
  return markdown.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Minutes to read a Markdown body, at least one. */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(wordCount(markdown) / WORDS_PER_MINUTE));
}

/** Articles that carry the tag with this label, in seed order. */
export function withTag(articles: readonly Article[], label: string): Article[] {
  return inSeedOrder(
    articles.filter((article) => article.data.tags.includes(label as Article['data']['tags'][number])),
  );
}
