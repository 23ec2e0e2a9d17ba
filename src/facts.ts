/**
 * Facts the build and the browser share: URL parameters, storage keys, Pagefind's folder and
 * the files Dossier writes beside it, the placeholders the build fills in, and the base path's
 * one spelling. Plain values and pure functions: no `process.env`, no DOM, no `astro:*`.
 *
 * Page scripts get these facts from the page (data attributes the server writes from this
 * module), not by importing it: a module that two page scripts import becomes a file of its
 * own, one more request on every page (measured: list pages went from 2 requests to 4). Only
 * the search page's script imports it, for `summaryPath`, which it shares with the build.
 */

/** URL parameter that carries the searched words from a search result to the article, which marks them. */
export const HIGHLIGHT_PARAM = 'highlight';

/** Where the reader's theme is kept in the reader's own browser (localStorage). */
export const THEME_KEY = 'dossier:theme';

/** Where the reader's place in an article is kept (localStorage), before the article's path. */
export const PLACE_KEY_PREFIX = 'dossier:place:';

/** Where the reader's highlights and notes are kept (localStorage), every article's in one list. */
export const HIGHLIGHTS_KEY = 'dossier:highlights';

/** Pagefind's bundle, under the base path: `<base>pagefind/`. */
export const PAGEFIND_DIR = 'pagefind';

/**
 * Where the build writes the page summaries beside Pagefind's bundle: in one file,
 * `dossier-pages.json`, for a small collection (the search page preloads it), and in shards,
 * `dossier-pages/<first hex digits of the result id>.json`, for a large one, so a first
 * search fetches a few small shards for the results it shows, never the whole list.
 */
export const PAGE_SUMMARIES_FILE = 'dossier-pages.json';

/** Pages up to which the summaries are one file (about 2 KB gzipped), which the search page preloads. */
export const ONE_FILE_SUMMARIES = 64;

/**
 * Pages a summary shard holds on average, at most, once there are shards: a few hundred bytes,
 * so the results a search shows cost little more than their summaries, even as a search typed
 * letter by letter shows other results on the way (at 1,000 articles, shards of 62 pages made
 * a first search fetch 36 KB of summaries for 15 shards).
 */
export const PAGES_PER_SHARD = 4;

/** What a search result shows before its fragment arrives: a page summary. */
export interface PageSummary {
  /** Site path without the base, as Pagefind records it: `/articles/<slug>/`. */
  url: string;
  title: string;
  author?: string | undefined;
  tags: string[];
  /**
   * The page's opening words after its title, as long as an excerpt, and the sections a result
   * can list (`[anchor id, heading, word location]`, in order): what a search opened from a
   * link paints its results from before their fragments come, at the size they keep. Only in
   * summaries of one file, which the search page preloads; shards leave them out.
   */
  opening?: string;
  sections?: [string, string, number][];
}

/** What the build tells the search page in place of shard digits when it wrote no summaries. */
export const NO_SUMMARIES = -1;

/**
 * Hex digits to shard `pages` summaries by: 0 (one file) up to `ONE_FILE_SUMMARIES` pages, then
 * as many as keep at most `PAGES_PER_SHARD` pages a shard on average: 2 up to 1,024 pages, 3 up
 * to 16,384, …
 */
export function summaryDigits(pages: number): number {
  if (pages <= ONE_FILE_SUMMARIES) return 0;
  let digits = 1;
  while (pages / 16 ** digits > PAGES_PER_SHARD) digits++;
  return digits;
}

/** The file, relative to the bundle, that holds the summary of result `id` (`en_8d2f…`). */
export function summaryPath(id: string, digits: number): string {
  if (digits === 0) return PAGE_SUMMARIES_FILE;
  return `dossier-pages/${id.slice(id.indexOf('_') + 1).slice(0, digits)}.json`;
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

/**
 * Stands in the search page's HTML for the number of hex digits the summaries are sharded by
 * (0: one file), until the integration knows it (in `astro dev` it stays: then 0).
 */
export const SUMMARY_DIGITS_PLACEHOLDER = '__DOSSIER_SUMMARY_DIGITS__';

/** A base path as every URL is built from it: with one slash at the end (`/reader` → `/reader/`). */
export const withTrailingSlash = (base: string): string => base.replace(/\/*$/, '/');
