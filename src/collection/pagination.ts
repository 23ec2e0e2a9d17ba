/**
 * Lists of articles come 50 to a page (home, tag pages, the search page's no-JavaScript
 * list), so no page grows with the collection. Pure: no `astro:*` imports.
 */

/** Articles per page of a list. */
export const PAGE_SIZE = 50;

/** A numbered page link, or a gap (`…`) between numbers that are not neighbours. */
export type PageLink = number | 'gap';

/**
 * The page numbers a pager shows for page `current` of `last`: the first and last pages,
 * and `radius` pages either side of the current one, with a gap where numbers are skipped
 * (a gap of one page shows that page instead). Every page is reachable by repeated steps.
 */
export function pageLinks(current: number, last: number, radius = 2): PageLink[] {
  const shown = new Set([1, last]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= last) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  for (const [i, n] of numbers.entries()) {
    const previous = numbers[i - 1];
    if (previous !== undefined && n - previous === 2) links.push(n - 1);
    else if (previous !== undefined && n - previous > 2) links.push('gap');
    links.push(n);
  }
  return links;
}

/** What a page of a list shows: where it stands among the pages, and the articles on it. */
interface ListPage {
  currentPage: number;
  lastPage: number;
  total: number;
  data: readonly { digest?: string | number | undefined }[];
}

/**
 * A page of a list as one string, for its `cacheKey` in getStaticPaths: the incremental
 * build then renders a page of a list again only when an article on it changes (its
 * digest), another takes its place, or the number of articles or pages changes.
 */
export const listPageKey = (page: ListPage): string =>
  [page.currentPage, page.lastPage, page.total, ...page.data.map((article) => article.digest ?? '-')].join(':');
