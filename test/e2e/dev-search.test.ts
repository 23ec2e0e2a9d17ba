/**
 * `npm run dev` searches the last build's index, and without one the search page says exactly
 * how to get it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { devServer } from '../support/dev-server';
import { test, type Site } from '../support/site';

/** An output folder without a build. */
let empty: string;

test.beforeAll(() => {
  empty = mkdtempSync(join(tmpdir(), 'dossier-no-index-'));
});
test.afterAll(() => rmSync(empty, { recursive: true, force: true }));

/**
 * Open `/search/?q=heroin` in `page` on a dev server of `site`'s base path reading the index
 * from `outDir`; stop the server after.
 */
async function searchInDev(
  { page, site }: { page: Page; site: Site },
  outDir: string,
  check: (url: string) => Promise<void>,
): Promise<void> {
  const dev = await devServer(outDir, site.base);
  try {
    await page.goto(`${dev.url}search/?q=heroin`);
    await check(dev.url);
  } finally {
    await dev.stop();
  }
}

test('in npm run dev, search works against the last build', ({ page, site }) =>
  searchInDev({ page, site }, site.dist, async () => {
    await page.getByRole('status').filter({ hasText: '1 result for “heroin”' }).waitFor({ timeout: 20_000 });
    assert.match(await page.locator('#search-results [data-result-link]').first().innerText(), /Illicit Drug Trade/);
  }));

test('in npm run dev without a build, the search page says how to get an index', ({ page, site }) =>
  searchInDev({ page, site }, empty, async () => {
    await page.getByRole('status').filter({ hasText: 'No search index yet' }).waitFor({ timeout: 20_000 });
    assert.match(await page.getByRole('status').innerText(), /Run `npm run build` once and reload/);
  }));

test('in npm run dev, the index route serves only files inside the index folder, and 400 for a malformed path', ({
  page,
  site,
}) => {
  mkdirSync(join(empty, 'pagefind'), { recursive: true });
  writeFileSync(join(empty, 'pagefind', 'pagefind-entry.json'), '{"version":"test"}');
  writeFileSync(join(empty, 'pagefind-private.txt'), 'not for the browser');
  return searchInDev({ page, site }, empty, async (url) => {
    const entry = await fetch(`${url}pagefind/pagefind-entry.json`);
    assert.equal(await entry.text(), '{"version":"test"}');
    const sibling = await fetch(`${url}pagefind/..%2fpagefind-private.txt`);
    assert.doesNotMatch(await sibling.text(), /not for the browser/);
    const malformed = await fetch(`${url}pagefind/%E0%A4%A`);
    assert.equal(malformed.status, 400);
    assert.doesNotMatch(await malformed.text(), /URIError|at /);
  });
});
