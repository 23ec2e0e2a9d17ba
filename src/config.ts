/**
 * Site identity and project paths: the only place they are spelled.
 * Plain TypeScript (no `astro:*` imports) so the ingest CLI, Vitest and astro.config.ts share it.
 */

/** The deployed origin, used for canonical links. `SITE_URL` overrides it for a deploy. */
const SITE_URL = process.env.SITE_URL ?? 'https://dossier.example.org';

/** Path the site is served under, e.g. `/reader/`; `BASE_PATH` sets it for a deploy. */
export const BASE_PATH = process.env.BASE_PATH ?? '/';

/** Site identity shown in the header, titles and meta descriptions. */
export const SITE = {
  url: SITE_URL,
  title: 'Dossier',
  description: 'Long-form analysis on international security, set for reading.',
  /** Language of every page and article (BCP 47), and its Open Graph locale. */
  lang: 'en',
  locale: 'en_US',
} as const;

/** Where `npm run ingest` reads seed text by default (a file or a folder of `.txt`). */
export const SEEDS_DIR = 'seeds';

/**
 * Where ingest writes one Markdown file per article; the content collection reads it.
 * `ARTICLES_DIR` points a build at other articles (the browser tests build the fixtures).
 */
export const ARTICLES_DIR = process.env.ARTICLES_DIR ?? 'content/articles';

/**
 * Where builds keep work cached by its content (zopfli's gzip, social images): outside
 * `node_modules`, so `npm ci` keeps it; deleting it costs only time, never changes output.
 * After each build, files no build has used for a month are removed (prune-build-cache.ts).
 * `DOSSIER_CACHE_DIR` moves it.
 */
export const BUILD_CACHE_DIR = process.env.DOSSIER_CACHE_DIR ?? '.cache/dossier';
