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
 * `pagefind-entry.json?ts=<indexTag>` (a URL the page can preload and a host may cache), and
 * no web worker (for four articles it costs more bytes and start-up time than it saves). The
 * tag filter is not loaded here (see `loadTagCounts`). A failed load is forgotten, so the
 * next search tries again.
 */
export function loadPagefind(base: string, indexTag: string, highlightParam: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await pagefind.options({ baseUrl: base, highlightParam, noWorker: true, metaCacheTag: indexTag });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined; // let a later attempt try again
  });
  return loading;
}

let counting: Promise<void> | undefined;

/**
 * Loads the tag filter, after which every search reports tag counts. It grows with the
 * collection (25 KB gzip at 10,000 articles), so a first search does not wait for it: the
 * search page asks for it once results are shown and the reader pauses. A failed load is
 * forgotten.
 */
export function loadTagCounts(pagefind: PagefindApi): Promise<void> {
  counting ??= pagefind.filters().then(() => undefined);
  counting.catch(() => {
    counting = undefined;
  });
  return counting;
}

/**
 * Where the build writes the page summaries beside Pagefind's bundle: in one file,
 * `dossier-pages.json`, for a small collection (the search page preloads it), and in shards,
 * `dossier-pages/<first hex digits of the result id>.json`, for a large one, so a first
 * search fetches a few small shards for the results it shows, never the whole list.
 */
export const PAGE_SUMMARIES_FILE = 'dossier-pages.json';

/** Pages a summary shard holds on average, at most: about 2 KB gzipped. */
export const PAGES_PER_SHARD = 64;

/**
 * Stands in the search page's HTML for the number of hex digits the summaries are sharded by
 * (0: one file), until the integration knows it (in `astro dev` it stays: then 0).
 */
export const SUMMARY_DIGITS_PLACEHOLDER = '__DOSSIER_SUMMARY_DIGITS__';

/** Hex digits to shard `pages` summaries by: 0 (one file) up to 64 pages, 1 up to 1,024, … */
export function summaryDigits(pages: number): number {
  let digits = 0;
  while (pages / 16 ** digits > PAGES_PER_SHARD) digits++;
  return digits;
}

/** The file, relative to the bundle, that holds the summary of result `id` (`en_8d2f…`). */
export function summaryPath(id: string, digits: number): string {
  if (digits === 0) return PAGE_SUMMARIES_FILE;
  return `dossier-pages/${id.slice(id.indexOf('_') + 1).slice(0, digits)}.json`;
}

/**
 * The page summaries of this build's index, fetched shard by shard as results need them: the
 * returned function gives the summaries of `ids` it could get. A shard that is missing gives
 * none; one whose fetch fails on the way gives none and is fetched again next time.
 */
export function pageSummaryLoader(
  base: string,
  indexTag: string,
  digits: number,
): (ids: readonly string[]) => Promise<Map<string, PageSummary>> {
  const shards = new Map<string, Promise<Record<string, PageSummary>>>();
  const shard = (path: string) => {
    let loading = shards.get(path);
    if (!loading) {
      loading = fetch(`${base}pagefind/${path}?ts=${indexTag}`).then((response) =>
        response.ok ? (response.json() as Promise<Record<string, PageSummary>>) : {},
      );
      loading.catch(() => shards.delete(path));
      shards.set(path, loading);
    }
    return loading.catch(() => ({}) as Record<string, PageSummary>);
  };
  return async (ids) => {
    const found = new Map<string, PageSummary>();
    const paths = [...new Set(ids.map((id) => summaryPath(id, digits)))];
    const loaded = await Promise.all(paths.map(shard));
    for (const summaries of loaded) {
      for (const id of ids) if (summaries[id]) found.set(id, summaries[id]);
    }
    return found;
  };
}
