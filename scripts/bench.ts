/**
 * `npm run bench`: search speed and size, measured as a reader meets them.
 *
 * Builds the site, serves `dist/` on 127.0.0.1 with gzip as a static host would, and for each
 * run opens a fresh browser context (empty cache) and:
 * - cold: opens /search/, types the first query as soon as the page has loaded, one key
 *   every 100 ms (BENCH_KEY_DELAY) like a fast typist, so Pagefind is still starting while
 *   the reader types; times the last keystroke to the first frame that shows the result;
 * - warm: in the same page, types a second query and times it the same way;
 * - plain view: in another fresh context, opens an article page and counts what it loads;
 * - shared link: in another, on slow 4G, opens /search/?q=<first query> and times the start of
 *   navigation to the first frame that shows the result with its excerpt.
 * BENCH_COMPARE=dist-a,dist-b measures two builds (already built) side by side in one run.
 * Cold bytes are what crossed the wire (compressed bodies and headers) for search code and
 * data: the page's scripts and every Pagefind file, until the first query's results are in.
 * Warm bytes are everything fetched for the second query.
 * Prints the median of the runs (min–max beside it). Timings are never asserted anywhere.
 */
import { execFileSync } from 'node:child_process';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser';
import { serveStatic } from '../test/support/static-server';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const COLD_QUERY = process.env.BENCH_COLD ?? 'heroin';
const WARM_QUERY = process.env.BENCH_WARM ?? 'serendipity';
const ARTICLE = 'articles/tackling-the-illicit-drug-trade-perspectives-from-russia/';
/** Milliseconds between keystrokes: a fast typist (about 120 words a minute). */
const KEY_DELAY = Number(process.env.BENCH_KEY_DELAY ?? 100);

/** Bytes on the wire per URL (compressed body and headers), read from Chromium's network events. */
function trackBytes(cdp: CDPSession) {
  const urls = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId);
    if (url) bytes.set(url, (bytes.get(url) ?? 0) + e.encodedDataLength);
  });
  return {
    /** Bytes of the URLs loaded so far whose path `keep` selects. */
    total(keep: (path: string) => boolean = () => true): number {
      let sum = 0;
      for (const [url, n] of bytes) if (keep(new URL(url).pathname)) sum += n;
      return sum;
    },
    paths: () => [...bytes.keys()].map((url) => new URL(url).pathname),
    /** Bytes per path, for the paths `keep` selects. */
    byPath(keep: (path: string) => boolean): Map<string, number> {
      const out = new Map<string, number>();
      for (const [url, n] of bytes) {
        const path = new URL(url).pathname;
        if (keep(path)) out.set(path, (out.get(path) ?? 0) + n);
      }
      return out;
    },
  };
}

/** Search code and data: Pagefind's files and the page's bundled scripts. */
const isSearchFile = (path: string) => path.includes('/pagefind/') || /\/_astro\/.*\.js$/.test(path);

/**
 * Type `words` into the search box; resolve with ms from the last keydown to the first frame
 * showing a result, and to the first frame showing its excerpt.
 */
async function timeQuery(page: Page, words: string): Promise<{ result: number; excerpt: number }> {
  await page.evaluate((words) => {
    const results = document.getElementById('search-results')!;
    results.replaceChildren();
    const bench = { lastKey: 0, result: 0, excerpt: 0, done: Promise.resolve() };
    addEventListener('keydown', (e) => (bench.lastKey = e.timeStamp), true);
    // The first frame after the DOM shows the whole query's result, then its excerpt (not a
    // prefix's, typed on the way).
    bench.done = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (results.dataset.query !== words || !results.querySelector('[data-result-link]')) return;
        if (!bench.result) requestAnimationFrame(() => (bench.result = performance.now()));
        if (!results.querySelector('[data-result-excerpt]')?.textContent) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          bench.excerpt = performance.now();
          resolve();
        });
      }).observe(results, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    (window as unknown as { bench: typeof bench }).bench = bench;
  }, words);
  const box = page.getByLabel('Search the articles');
  await box.fill('');
  await box.pressSequentially(words, { delay: KEY_DELAY });
  return page.evaluate(async () => {
    const { bench } = window as unknown as {
      bench: { lastKey: number; result: number; excerpt: number; done: Promise<void> };
    };
    await bench.done;
    return { result: bench.result - bench.lastKey, excerpt: bench.excerpt - bench.lastKey };
  });
}

/** A page in a fresh browser context (empty cache), with Chromium's network events on. */
async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  return { context, page, cdp };
}

/** Lighthouse's "slow 4G": 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

/**
 * A search link a colleague sent, opened cold on slow 4G: ms from the start of navigation to
 * the first frame that shows the first result with its excerpt.
 */
async function sharedLink(browser: Browser, base: string): Promise<number> {
  const { context, page, cdp } = await freshPage(browser);
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await page.addInitScript(() => {
    const shown = new Promise<number>((resolve) => {
      addEventListener('DOMContentLoaded', () => {
        const results = document.getElementById('search-results')!;
        new MutationObserver((_, observer) => {
          if (!results.querySelector('[data-result-excerpt]')?.textContent) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        }).observe(results, { childList: true, subtree: true, characterData: true });
      });
    });
    (window as unknown as { shown: Promise<number> }).shown = shown;
  });
  await page.goto(`${base}search/?q=${encodeURIComponent(COLD_QUERY)}`);
  const ms = await page.evaluate(() => (window as unknown as { shown: Promise<number> }).shown);
  await context.close();
  return ms;
}

/** Let requests still in flight for the query finish before counting its bytes. */
const quiet = (page: Page) => page.waitForTimeout(400);

interface Run {
  /** Cold bytes file by file. */
  coldFiles: Map<string, number>;
  sharedMs: number;
  coldMs: number;
  coldExcerptMs: number;
  coldBytes: number;
  pageBytes: number;
  warmMs: number;
  warmExcerptMs: number;
  warmBytes: number;
  plainBytes: number;
  plainJsBytes: number;
  plainPagefindRequests: number;
}

async function oneRun(browser: Browser, base: string): Promise<Run> {
  const { context, page, cdp } = await freshPage(browser);
  const net = trackBytes(cdp);

  await page.goto(`${base}search/`);
  const cold = await timeQuery(page, COLD_QUERY);
  await quiet(page);
  const coldBytes = net.total(isSearchFile);
  const coldFiles = net.byPath(isSearchFile);
  const pageBytes = net.total((path) => !isSearchFile(path));

  const beforeWarm = net.total();
  const warm = await timeQuery(page, WARM_QUERY);
  await quiet(page);
  const warmBytes = net.total() - beforeWarm;
  await context.close();

  const fresh = await freshPage(browser);
  const plainNet = trackBytes(fresh.cdp);
  await fresh.page.goto(`${base}${ARTICLE}`);
  await fresh.page.waitForLoadState('networkidle');
  await fresh.context.close();
  return {
    coldFiles,
    sharedMs: await sharedLink(browser, base),
    coldMs: cold.result,
    coldExcerptMs: cold.excerpt,
    coldBytes,
    pageBytes,
    warmMs: warm.result,
    warmExcerptMs: warm.excerpt,
    warmBytes,
    plainBytes: plainNet.total(),
    plainJsBytes: plainNet.total((path) => path.endsWith('.js')),
    plainPagefindRequests: plainNet.paths().filter((path) => path.includes('/pagefind/')).length,
  };
}

/** What the bench prints: label, measure, unit and the target. */
const ROWS: [string, Exclude<keyof Run, 'coldFiles'>, 'ms' | 'KB' | '', string][] = [
  [`cold query "${COLD_QUERY}": keystroke → result`, 'coldMs', 'ms', '≤ 150 ms'],
  [`cold query "${COLD_QUERY}": keystroke → excerpt`, 'coldExcerptMs', 'ms', '—'],
  [`cold query "${COLD_QUERY}": bytes`, 'coldBytes', 'KB', '≤ 100 KB'],
  ['search page itself (HTML, CSS, icon)', 'pageBytes', 'KB', '—'],
  [`warm query "${WARM_QUERY}": keystroke → result`, 'warmMs', 'ms', '≤ 50 ms'],
  [`warm query "${WARM_QUERY}": keystroke → excerpt`, 'warmExcerptMs', 'ms', '—'],
  [`warm query "${WARM_QUERY}": bytes`, 'warmBytes', 'KB', '—'],
  [`shared link ?q=${COLD_QUERY}, slow 4G: open → excerpt`, 'sharedMs', 'ms', '—'],
  ['plain article view: all bytes', 'plainBytes', 'KB', '—'],
  ['plain article view: JavaScript bytes', 'plainJsBytes', 'KB', '—'],
  ['plain article view: Pagefind requests', 'plainPagefindRequests', '', '0'],
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Builds to measure: `dist` (built first), or the folders in BENCH_COMPARE (comma-separated,
 * already built), measured in turn within each run so that they meet the same machine.
 */
const DISTS = process.env.BENCH_COMPARE?.split(',').filter(Boolean) ?? ['dist'];

async function main() {
  if (!process.env.BENCH_SKIP_BUILD && !process.env.BENCH_COMPARE) {
    console.log('Building the site (astro build + Pagefind)…');
    execFileSync('node_modules/.bin/astro', ['build'], { stdio: 'ignore', env: { ...process.env, BASE_PATH: '/' } });
  }
  const servers = await Promise.all(DISTS.map((root) => serveStatic({ root, gzip: true })));
  const browser = await launchBrowser();
  const runs: Run[][] = DISTS.map(() => []);
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [d, server] of servers.entries()) runs[d]!.push(await oneRun(browser, server.url));
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
  }

  const fmt = (n: number, unit: string) => (unit === 'KB' ? (n / 1000).toFixed(1) : n.toFixed(0));
  console.log(
    `\nSearch on 127.0.0.1, gzip, ${RUNS} runs in fresh browser contexts, ` +
      `a key every ${KEY_DELAY} ms (median, min–max)`,
  );
  const column = 30;
  console.log(`${''.padEnd(48)} ${DISTS.map((dist) => dist.padEnd(column)).join('')}target`);
  for (const [label, key, unit, target] of ROWS) {
    const cells = runs.map((distRuns) => {
      const values = distRuns.map((run) => run[key]);
      const value = `${fmt(median(values), unit)} ${unit}`;
      const range = `(${fmt(Math.min(...values), unit)}–${fmt(Math.max(...values), unit)})`;
      return `${value.padStart(10)}   ${range}`.padEnd(column);
    });
    console.log(`${label.padEnd(48)} ${cells.join('')}${target}`);
  }
  for (const [d, dist] of DISTS.entries()) {
    console.log(`\nCold query "${COLD_QUERY}" on ${dist}, bytes file by file (median; headers included)`);
    const distRuns = runs[d]!;
    const paths = [...new Set(distRuns.flatMap((run) => [...run.coldFiles.keys()]))];
    const perFile = paths.map((path) => [path, median(distRuns.map((run) => run.coldFiles.get(path) ?? 0))] as const);
    for (const [path, bytes] of perFile.sort(([, a], [, b]) => b - a)) {
      console.log(`  ${path.padEnd(62)} ${fmt(bytes, 'KB').padStart(6)} KB`);
    }
  }
}

await main();
