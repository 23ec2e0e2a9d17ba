/**
 * `npm run dev` searches the last build's index, and without one the search page says exactly
 * how to get it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../tools/lib/browser';
import { devServer } from '../support/dev-server';
import { DIST } from '../support/site';

let browser: Browser;
const empty = mkdtempSync(join(tmpdir(), 'dossier-no-index-'));

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(empty, { recursive: true, force: true });
});

/** Open `/search/?q=heroin` on a dev server reading the index from `outDir`; stop the server after. */
async function searchInDev(outDir: string, check: (page: Page, url: string) => Promise<void>): Promise<void> {
  const dev = await devServer(outDir);
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${dev.url}search/?q=heroin`);
    await check(page, dev.url);
  } finally {
    await dev.stop();
  }
}

test('in npm run dev, search works against the last build', () =>
  searchInDev(DIST, async (page) => {
    await page.getByRole('status').filter({ hasText: '1 result for “heroin”' }).waitFor({ timeout: 20_000 });
    assert.match(await page.locator('#search-results [data-result-link]').first().innerText(), /Illicit Drug Trade/);
  }));

test('in npm run dev without a build, the search page says how to get an index', () =>
  searchInDev(empty, async (page) => {
    await page.getByRole('status').filter({ hasText: 'No search index yet' }).waitFor({ timeout: 20_000 });
    assert.match(await page.getByRole('status').innerText(), /Run `npm run build` once and reload/);
  }));

test('in npm run dev, the index route serves only files inside the index folder, and 400 for a malformed path', () => {
  mkdirSync(join(empty, 'pagefind'), { recursive: true });
  writeFileSync(join(empty, 'pagefind', 'pagefind-entry.json'), '{"version":"test"}');
  writeFileSync(join(empty, 'pagefind-private.txt'), 'not for the browser');
  return searchInDev(empty, async (_page, url) => {
    const entry = await fetch(`${url}pagefind/pagefind-entry.json`);
    assert.equal(await entry.text(), '{"version":"test"}');
    const sibling = await fetch(`${url}pagefind/..%2fpagefind-private.txt`);
    assert.doesNotMatch(await sibling.text(), /not for the browser/);
    const malformed = await fetch(`${url}pagefind/%E0%A4%A`);
    assert.equal(malformed.status, 400);
    assert.doesNotMatch(await malformed.text(), /URIError|at /);
  });
});
