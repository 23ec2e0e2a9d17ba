/**
 * The part of Pagefind's browser API that Dossier uses, loaded on demand from the bundle that
 * `astro build` writes to `<base>pagefind/`. Nothing here runs until a reader starts to search.
 */
import { NO_SUMMARIES, PAGEFIND_DIR, summaryPath, type PageSummary } from '../../facts';

/** A sub-result: a section of a page, reached by a heading anchor. */
export interface PagefindSubResult {
  title: string;
  url: string;
  anchor?: { id: string; element: string; text: string };
  locations: number[];
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
  /** The matched words' locations in the page, known before its data is fetched. */
  words: number[];
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

let loading: Promise<PagefindApi> | undefined;

/**
 * Pagefind, imported once from `<base>pagefind/pagefind.js` and set up for this site: result
 * URLs under the base path, `highlightParam` with the searched words on every result link,
 * `pagefind-entry.json?ts=<indexTag>` (a URL the page can preload and a host may cache), and
 * no web worker: its script comes before any search can start, and a search opened from a link
 * on slow 4G waited longer with it (docs/performance.md, "Where the page budget stops"). The
 * tag filter is not loaded here (see `loadTagCounts`). A failed load is forgotten, so the
 * next search tries again.
 */
export function loadPagefind(base: string, indexTag: string, highlightParam: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const url = `${base}${PAGEFIND_DIR}/pagefind.js`;
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
 * The page summaries of this build's index, fetched shard by shard as results need them: the
 * returned function gives the summaries of `ids` it could get. A shard that is missing gives
 * none; one whose fetch fails on the way gives none and is fetched again next time. An index
 * without summaries (`NO_SUMMARIES`) fetches nothing.
 */
export function pageSummaryLoader(
  base: string,
  indexTag: string,
  digits: number,
): (ids: readonly string[]) => Promise<Map<string, PageSummary>> {
  if (digits === NO_SUMMARIES) return () => Promise.resolve(new Map());
  const shards = new Map<string, Promise<Record<string, PageSummary>>>();
  const shard = (path: string) => {
    let loading = shards.get(path);
    if (!loading) {
      loading = fetch(`${base}${PAGEFIND_DIR}/${path}?ts=${indexTag}`).then((response) =>
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
