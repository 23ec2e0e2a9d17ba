/**
 * Every internal URL, built in one place so a base path (`/reader/`) applies everywhere.
 */
import { withTrailingSlash } from '../facts';

/**
 * Astro's `base`, which Vite writes into the code in place of `import.meta.env.BASE_URL`; `/`
 * outside Vite (tsx), where `import.meta.env.BASE_URL` cannot be read. Never the environment
 * object whole, not even in a comment (eslint.config.js says why).
 */
function baseUrl(): string {
  try {
    return import.meta.env.BASE_URL;
  } catch {
    return '/';
  }
}

const BASE = withTrailingSlash(baseUrl());

/** A site path under the base path: `withBase('tags/')` → `/reader/tags/`. */
export function withBase(path = ''): string {
  return `${BASE}${path.replace(/^\//, '')}`;
}

/** The home page. */
export function homeUrl(): string {
  return withBase();
}

/** An article page: `/articles/<id>/`. */
export function articleUrl(id: string): string {
  return withBase(`articles/${id}/`);
}

/** Page `n` of a paginated list whose first page is `first`: `/tags/cyber/` → `/tags/cyber/2/`. */
export function listPageUrl(first: string, n: number): string {
  return n <= 1 ? first : `${first}${n}/`;
}

/** The pages before and after page `current` of `last` of a list whose first page is `first`. */
export function listNeighbours(first: string, current: number, last: number) {
  return {
    prev: current > 1 ? listPageUrl(first, current - 1) : undefined,
    next: current < last ? listPageUrl(first, current + 1) : undefined,
  };
}

/** The tag index: `/tags/`. */
export function tagsUrl(): string {
  return withBase('tags/');
}

/** A tag page: `/tags/<slug>/`. */
export function tagUrl(slug: string): string {
  return withBase(`tags/${slug}/`);
}

/** The reader's highlights and notes: `/highlights/`. */
export function highlightsUrl(): string {
  return withBase('highlights/');
}

/** The search page: `/search/`. */
export function searchUrl(): string {
  return withBase('search/');
}

/** A social image: `/og/<slug>.png` for an article, `/og/home.png` for every other page. */
export function socialImageUrl(slug?: string): string {
  return withBase(`og/${slug ?? 'home'}.png`);
}

/** The RSS feed. */
export function feedUrl(): string {
  return withBase('rss.xml');
}

/** An absolute URL for a site path, for canonical links: `absoluteUrl('/tags/', site)`. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
