/**
 * The part of Pagefind's browser API that Dossier uses, loaded on demand from the bundle that
 * `astro build` writes to `<base>pagefind/`. Nothing here runs until a reader starts to search.
 */

/** A sub-result: a section of a page, reached by a heading anchor. */
export interface PagefindSubResult {
  title: string;
  url: string;
  anchor?: { id: string; element: string; text: string };
  locations: number[];
}

/** What a result shows before its fragment arrives: from `pagefind/dossier-pages.json`. */
export interface PageSummary {
  /** Site path without the base, as Pagefind records it: `/articles/<slug>/`. */
  url: string;
  title: string;
  author?: string | undefined;
  tags: string[];
}

/** One page's search data, fetched by `result.data()`. */
export interface PagefindResultData {
  url: string;
  content: string;
  meta: { title?: string; author?: string; section?: string };
  filters: { tag?: string[] };
  locations: number[];
  sub_results: PagefindSubResult[];
}

/** One result of a search; its data is fetched only when asked for. */
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

/** Counts of each filter value, e.g. `{ tag: { drugs: 1 } }`. */
export type PagefindFilterCounts = Record<string, Record<string, number>>;

/** What a search returns. */
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Counts within the current filters. */
  filters: PagefindFilterCounts;
  /** Counts if no filter were applied. */
  totalFilters: PagefindFilterCounts;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, string | string[]> },
  ): Promise<PagefindSearch | null>;
  filters(): Promise<PagefindFilterCounts>;
}

/**
 * Stands in the search page's HTML for the index's name until the build has one: the Pagefind
 * integration replaces it with the hash of the index it wrote (in `astro dev` it stays).
 */
export const INDEX_TAG_PLACEHOLDER = '__DOSSIER_INDEX_TAG__';

/**
 * Stands in the search page's HTML, in a preload link, for the index files every first search
 * needs: the integration writes one such link per file (in `astro dev` it stays).
 */
export const INDEX_FILES_PLACEHOLDER = '__DOSSIER_INDEX_FILES__';

let loading: Promise<PagefindApi> | undefined;

/**
 * Pagefind, imported once from `<base>pagefind/pagefind.js` and set up for this site: result
 * URLs under the base path, `highlightParam` with the searched words on every result link,
 * `pagefind-entry.json?ts=<indexTag>` (a URL the page can preload and a host may cache), tag
 * counts on every search, and no web worker (for four articles it costs more bytes and
 * start-up time than it saves). A failed load is forgotten, so the next search tries again.
 */
export function loadPagefind(base: string, indexTag: string, highlightParam: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await pagefind.options({ baseUrl: base, highlightParam, noWorker: true, metaCacheTag: indexTag });
    await pagefind.init();
    await pagefind.filters(); // loads the tag filter chunk, so every search reports tag counts
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined; // let a later attempt try again
  });
  return loading;
}

/** File the build writes beside Pagefind's bundle: result id → page summary. */
export const PAGE_SUMMARIES_FILE = 'dossier-pages.json';

/** The page summaries of this build's index, or an empty map when they cannot be had. */
export async function loadPageSummaries(base: string, indexTag: string): Promise<Map<string, PageSummary>> {
  try {
    const response = await fetch(`${base}pagefind/${PAGE_SUMMARIES_FILE}?ts=${indexTag}`);
    if (!response.ok) return new Map();
    return new Map(Object.entries((await response.json()) as Record<string, PageSummary>));
  } catch {
    return new Map();
  }
}
