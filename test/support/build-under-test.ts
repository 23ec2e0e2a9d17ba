/**
 * The build the checks of built files (test/build) read: `dist/` at `/` by default, or another
 * build under a base path (`E2E_DIST=dist-reader E2E_BASE=/reader/`), so every check also runs
 * under a base. The browser tests get theirs from their Playwright project (test/support/site.ts).
 */
import { articlesFromSeed } from './seed-truth';

/** Base path the build under test was made with, e.g. `/` or `/reader/`. */
export const BASE = process.env.E2E_BASE ?? '/';

/** Folder of the build under test. */
export const DIST = process.env.E2E_DIST ?? 'dist';

/** A page of each type, and every article: what the tests that go over the whole site visit. */
export const EVERY_PAGE_TYPE: readonly string[] = [
  '',
  'tags/',
  'tags/drugs/',
  'search/',
  '404.html',
  'highlights/',
  'offline/',
  ...articlesFromSeed().map((article) => `articles/${article.slug}/`),
];
