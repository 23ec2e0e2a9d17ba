/**
 * The browser tests' `test`: Playwright Test's, with the build under test as a fixture. Each
 * project of playwright.config.ts serves one build (`dist/` at `/`, `dist-reader/` under
 * `/reader/`) and names it in `use.build`, so every browser test runs under both base paths.
 */
import { test as playwright, type BrowserContext, type BrowserContextOptions } from '@playwright/test';

/** A build and where it is served. */
export interface BuildOption {
  /** Base path the build was made with, e.g. `/` or `/reader/`. */
  base: string;
  /** Its folder. */
  dist: string;
  /** Where it is served: origin plus base path, ending in `/`. */
  url: string;
}

/** The build under test, as the tests use it. */
export interface Site extends BuildOption {
  /** A site path as it appears in the build's links: `path('tags/')` → `/reader/tags/`. */
  path(path?: string): string;
}

/** A browser context of its own (another reader, a phone, no JavaScript), closed after the test. */
export type NewContext = (options?: BrowserContextOptions) => Promise<BrowserContext>;

export const test = playwright.extend<{ site: Site; newContext: NewContext }, { build: BuildOption }>({
  build: [
    { base: '/', dist: 'dist', url: 'http://127.0.0.1:4321/' },
    { option: true, scope: 'worker' },
  ],
  site: async ({ build }, use) => {
    await use({ ...build, path: (path = '') => `${build.base}${path.replace(/^\//, '')}` });
  },
  newContext: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext({ baseURL, ...options });
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { EVERY_PAGE_TYPE } from './build-under-test';
