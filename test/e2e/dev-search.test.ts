/**
 * `npm run dev` searches the last build's index, and without one the search page says exactly
 * how to get it.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { BASE, DIST } from '../support/site';

let browser: Browser;
const empty = mkdtempSync(join(tmpdir(), 'dossier-no-index-'));

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(empty, { recursive: true, force: true });
});

/**
 * Start `astro dev` reading the index from `outDir`; resolve with its URL (base included)
 * and a `stop` that resolves once the server has exited: every test uses the same port, and
 * a server still shutting down would answer the next test's first request, then vanish.
 */
async function devServer(outDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = 5000 + (process.pid % 2000);
  const child: ChildProcess = spawn(
    'node_modules/.bin/astro',
    ['dev', '--host', '127.0.0.1', '--port', String(port), '--outDir', outDir, '--ignore-lock'],
    { env: { ...process.env, BASE_PATH: BASE, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = `http://127.0.0.1:${port}${BASE}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = () => {
    child.kill();
    return exited;
  };
  for (let tries = 0; tries < 120; tries++) {
    try {
      if ((await fetch(`${url}search/`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error('astro dev did not start within 30 s');
}

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
