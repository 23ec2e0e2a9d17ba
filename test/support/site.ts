/**
 * The build the browser tests run against: `dist/` at `/` by default, or another build under a
 * base path (`E2E_DIST=dist-reader E2E_BASE=/reader/`), so every test also runs under a base.
 */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tools/lib/browser';
import { articlesFromSeed } from './seed-truth';
import { serveStatic, type StaticServer } from '../../tools/lib/static-server';

/** Base path the build under test was made with, e.g. `/` or `/reader/`. */
export const BASE = process.env.E2E_BASE ?? '/';

/** Folder of the build under test. */
export const DIST = process.env.E2E_DIST ?? 'dist';

/** A site path as it appears in the build's links: `path('tags/')` → `/reader/tags/`. */
export function sitePath(path = ''): string {
  return `${BASE}${path.replace(/^\//, '')}`;
}

/** A page of each type, and every article: what the tests that go over the whole site visit. */
export const EVERY_PAGE_TYPE: readonly string[] = [
  '',
  'tags/',
  'tags/drugs/',
  'search/',
  '404.html',
  ...articlesFromSeed().map((article) => `articles/${article.slug}/`),
];

/** Serve the build under test on 127.0.0.1. */
export function serveSite(): Promise<StaticServer> {
  return serveStatic({ root: DIST, base: BASE });
}

/** The served build and a browser, started before a test file's tests and stopped after them. */
export interface SiteUnderTest {
  server: StaticServer;
  browser: Browser;
}

/** Start the build's server and Chromium around the tests of the calling file. */
export function useSite(): SiteUnderTest {
  const site = {} as SiteUnderTest;
  before(async () => {
    [site.server, site.browser] = await Promise.all([serveSite(), launchBrowser()]);
  });
  after(async () => {
    await Promise.all([site.browser?.close(), site.server?.close()]);
  });
  return site;
}
