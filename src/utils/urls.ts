/**
 * Every internal URL, built in one place so a base path (`/reader/`) applies everywhere.
 * `import.meta.env.BASE_URL` is Astro's `base`; outside Vite (tsx) it falls back to `/`.
 */
const BASE = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

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

/** The tag index: `/tags/`. */
export function tagsUrl(): string {
  return withBase('tags/');
}

/** A tag page: `/tags/<slug>/`. */
export function tagUrl(slug: string): string {
  return withBase(`tags/${slug}/`);
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
