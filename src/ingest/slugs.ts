import { createHash } from 'node:crypto';
import { slug as githubSlug } from 'github-slugger';
import { keyOf } from './heuristics';
import { startWithin } from './segments';

/** Longest slug, in UTF-8 bytes, so that `<slug>.md` and `<slug>.png` fit any file system. */
export const SLUG_MAX_BYTES = 80;

/** Hex digits of the content hash that tells apart articles whose titles slug alike. */
export const SLUG_HASH_DIGITS = 8;

/** What slugs know of an article ingest is about to write. */
export interface SlugRequest {
  title: string;
  /** The seed file it comes from and its first line there. */
  file: string;
  line: number;
  /** Its Markdown body, as written. */
  body: string;
}

/** An article file an earlier run wrote, with the slug it was written at. */
export interface WrittenArticle extends SlugRequest {
  slug: string;
}

const utf8 = new TextEncoder();
const byteLength = (text: string) => utf8.encode(text).length;

/** Hex SHA-256 of a text. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A slug cut to at most `max` UTF-8 bytes at a word boundary (`evolutions-of-strategic`),
 * between words of a script written without spaces (`中国私营安保` → `中国私营`), or, for
 * one word longer than that, between characters; never ending in a hyphen.
 */
export function cutSlug(slug: string, max = SLUG_MAX_BYTES): string {
  return startWithin(slug, max, byteLength).replace(/-+$/u, '');
}

/**
 * The slug a title asks for: GitHub's slug of its key (format characters out), without
 * leading or trailing hyphens, at most `SLUG_MAX_BYTES`. A title with no letter or digit
 * (`?!… — ***`) gets `article-` and a hash of the title, the same on every run.
 */
export function titleSlug(title: string): string {
  const key = keyOf(title);
  const slug = cutSlug(githubSlug(key).replace(/^-+|-+$/gu, ''));
  return slug === '' ? `article-${sha256(key).slice(0, SLUG_HASH_DIGITS)}` : slug;
}

/** Seed order: by file, then line. */
const bySource = (a: SlugRequest, b: SlugRequest) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);

/**
 * The ways an earlier file is the same article, surest first: same seed file and text; same
 * text (the seed was renamed); same seed file and title (the body was edited); same seed file
 * and body (the title was edited).
 */
const IDENTITIES: readonly ((a: SlugRequest) => string)[] = [
  (a) => `${a.file}\u0000${a.title}\u0000${a.body}`,
  (a) => `${a.title}\u0000${a.body}`,
  (a) => `${a.file}\u0000${a.title}`,
  (a) => `${a.file}\u0000${a.body}`,
];

/** Group values by a key, each group in `order`. */
function groupBy<T>(items: readonly T[], key: (item: T) => string, order: (a: T, b: T) => number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort(order)) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * A slug for each article, in order. An article an earlier run wrote keeps the slug it was
 * written at (`written`: the files in the output folder), whatever else changed in the
 * seeds. A new article gets its title's slug; when that is taken, by an earlier file or by
 * another new article whose content hash is smaller, it gets the slug, cut to make room,
 * plus `-` and 8 hex digits of its content hash. Seed file order never decides a slug.
 */
export function assignSlugs(articles: readonly SlugRequest[], written: readonly WrittenArticle[]): string[] {
  const slugs = new Map<SlugRequest, string>();
  // Earlier files in seed order; of two from the same place (a copy), the one at its title's
  // own slug first, so a copy never takes the article's slug.
  const copies = new Set(written.filter((file) => file.slug !== titleSlug(file.title)));
  const byPreference = (a: WrittenArticle, b: WrittenArticle) =>
    bySource(a, b) || Number(copies.has(a)) - Number(copies.has(b)) || (a.slug < b.slug ? -1 : 1);
  let unmatched = [...written];
  for (const identity of IDENTITIES) {
    const earlier = groupBy(unmatched, identity, byPreference);
    const fresh = articles.filter((article) => !slugs.has(article));
    const used = new Set<WrittenArticle>();
    for (const [key, group] of groupBy(fresh, identity, bySource)) {
      const files = earlier.get(key) ?? [];
      group.slice(0, files.length).forEach((article, i) => {
        slugs.set(article, files[i]!.slug);
        used.add(files[i]!);
      });
    }
    unmatched = unmatched.filter((file) => !used.has(file));
  }

  const taken = new Set(written.map((file) => file.slug));
  const digest = (article: SlugRequest) => sha256(`${article.title}\n${article.body}`);
  const fresh = articles
    .filter((article) => !slugs.has(article))
    .map((article) => ({ article, digest: digest(article) }))
    .sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : bySource(a.article, b.article)));
  for (const { article, digest } of fresh) {
    const base = titleSlug(article.title);
    const withSuffix = (suffix: string) => `${cutSlug(base, SLUG_MAX_BYTES - suffix.length)}${suffix}`;
    const hash = `-${digest.slice(0, SLUG_HASH_DIGITS)}`;
    let slug = taken.has(base) ? withSuffix(hash) : base;
    for (let n = 2; taken.has(slug); n++) slug = withSuffix(`${hash}-${n}`); // the same text twice
    taken.add(slug);
    slugs.set(article, slug);
  }
  return articles.map((article) => slugs.get(article)!);
}
