/**
 * `npm run dev` searches the last build's index, and without one the search page says exactly
 * how to get it.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
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

/** A port nothing listens on now: the OS picks it, so two runs on one machine never share one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Start `astro dev` reading the index from `outDir`; resolve with its URL (base included)
 * and a `stop` that resolves once the server has exited. The URL is the one Astro prints:
 * if the port asked for was taken in the meantime, Astro moves to the next one without failing.
 */
async function devServer(outDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    'node_modules/.bin/astro',
    ['dev', '--host', '127.0.0.1', '--port', String(await freePort()), '--outDir', outDir, '--ignore-lock'],
    { env: { ...process.env, BASE_PATH: BASE, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = () => {
    child.kill();
    return exited;
  };
  for (let tries = 0; tries < 240; tries++) {
    // Astro prints "Local    http://127.0.0.1:PORT/base/" once it listens (colours stripped).
    const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(stripVTControlCharacters(output))?.[1];
    if (port) {
      const url = `http://127.0.0.1:${port}${BASE}`;
      try {
        if ((await fetch(`${url}search/`)).ok) return { url, stop };
      } catch {
        // printed, not answering yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`astro dev did not answer within 60 s; it printed:\n${output}`);
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
