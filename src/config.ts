/**
 * The site's identity and the project's paths: the one file to edit to rename or recolour
 * the site. Pages, the feed, the favicon and logo, the social images and the theme's colours
 * all follow from `SITE`, which is checked when it is read: a mistake stops the build with
 * one line naming the field.
 * Plain TypeScript (no `astro:*` imports) so the ingest CLI, Vitest and astro.config.ts share it.
 */
import { faviconSvg, initialOf } from './site/favicon';
import { sitePalette } from './site/palette';
import { checkSite } from './site/identity';

export const SITE = checkSite({
  /** The site's name: header, page titles, feed, link previews, the favicon's and logo's letter. */
  title: 'Dossier',
  /** A few words on what the site publishes: the home page's social image. */
  tagline: 'Long-form analysis',
  /** One sentence on the site: the home page, search engines, the feed, link previews. */
  description: 'Long-form analysis on international security, set for reading.',
  /** The language of every page and article (BCP 47). */
  lang: 'en',
  /** The same language for link previews, as Open Graph spells it. */
  locale: 'en_US',
  /** Links, tags, the favicon and the logo; each must read on its theme's page (4.5:1). */
  accent: { light: '#8c2f1b', dark: '#f0a58e' },
});

/** Every colour of the site, light and dark, its accent from `SITE`. */
export const PALETTE = sitePalette(SITE.accent);

/** The first letter of the site's name: the favicon's and the logo's. */
export const SITE_INITIAL = initialOf(SITE.title, SITE.lang);

/**
 * The site's icon, its initial on the accent, as an SVG `data:` URL: every page carries it
 * (a quarter of a KB), one request fewer on a first visit.
 */
export const FAVICON_URL = `data:image/svg+xml,${encodeURIComponent(faviconSvg(SITE_INITIAL, PALETTE))}`;

/** The deployed origin, used for canonical links. `SITE_URL` overrides it for a deploy. */
export const SITE_URL = process.env.SITE_URL ?? 'https://dossier.example.org';

/** Path the site is served under, e.g. `/reader/`; `BASE_PATH` sets it for a deploy. */
export const BASE_PATH = process.env.BASE_PATH ?? '/';

/** Where `npm run ingest` reads seed text by default (a file or a folder of `.txt`). */
export const SEEDS_DIR = 'seeds';

/**
 * Where ingest writes one Markdown file per article, beside the ones written by hand; the
 * content collection reads them all. `ARTICLES_DIR` points a build at other articles (the
 * browser tests build the fixtures).
 */
export const ARTICLES_DIR = process.env.ARTICLES_DIR ?? 'content/articles';

/** The tag vocabulary: each tag's slug, label, description and words (`TAGS_FILE` points a build at another). */
export const TAGS_FILE = process.env.TAGS_FILE ?? 'content/tags.yml';

/**
 * Where builds keep work cached by its content (social images): outside
 * `node_modules`, so `npm ci` keeps it; deleting it costs only time, never changes output.
 * After each build, files no build has used for a month are removed (prune-build-cache.ts).
 * `DOSSIER_CACHE_DIR` moves it.
 */
export const BUILD_CACHE_DIR = process.env.DOSSIER_CACHE_DIR ?? '.cache/dossier';
