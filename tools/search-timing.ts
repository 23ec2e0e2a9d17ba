/**
 * Search as a reader meets it, timed in Chromium: what `npm run bench` and
 * `npm run bench:scale` share. Measures only; nothing here asserts a timing.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';

/** Bytes on the wire per URL (compressed body and headers), read from Chromium's network events. */
export function trackBytes(cdp: CDPSession) {
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
export const isSearchFile = (path: string) => path.includes('/pagefind/') || /\/_astro\/.*\.js$/.test(path);

/**
 * Type `words` into the search box, a key every `keyDelay` ms, or paste them at once when
 * `keyDelay` is 'paste'; resolve with ms from the last keydown (or the paste) to the first
 * frame showing a result, and to the first frame showing its excerpt; and the bytes on the
 * wire (bodies and headers, from Resource Timing) of the page and every file that had arrived
 * by the frame showing the result: what getting a first result took.
 */
export async function timeQuery(
  page: Page,
  words: string,
  keyDelay: number | 'paste',
): Promise<{ result: number; excerpt: number; resultBytes: number }> {
  await page.evaluate(
    ({ words, paste }) => {
      const results = document.getElementById('search-results')!;
      results.replaceChildren();
      const bench = { lastKey: 0, result: 0, excerpt: 0, done: Promise.resolve() };
      addEventListener(paste ? 'input' : 'keydown', (e) => (bench.lastKey = e.timeStamp), true);
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
    },
    { words, paste: keyDelay === 'paste' },
  );
  const box = page.getByLabel('Search the articles');
  if (keyDelay === 'paste') {
    await box.fill(words);
  } else {
    await box.fill('');
    await box.pressSequentially(words, { delay: keyDelay });
  }
  return page.evaluate(async () => {
    const { bench } = window as unknown as {
      bench: { lastKey: number; result: number; excerpt: number; done: Promise<void> };
    };
    await bench.done;
    const loaded = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const resultBytes = (loaded as PerformanceResourceTiming[])
      .filter((entry) => entry.responseEnd <= bench.result)
      .reduce((sum, entry) => sum + entry.transferSize, 0);
    return { result: bench.result - bench.lastKey, excerpt: bench.excerpt - bench.lastKey, resultBytes };
  });
}

/**
 * A page in a fresh browser context (empty cache), with Chromium's network events on. Service
 * workers are blocked: on a first visit the site's worker only passes requests on, but the
 * bytes it fetches would be counted as the worker's, not the page's.
 */
export async function freshPage(browser: Browser) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  return { context, page, cdp };
}

/** The median of some numbers. */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Queries as readers type them, phrases rather than single words: the rows of typed queries
 * in `npm run bench` and `npm run bench:scale`.
 */
export const NATURAL_QUERIES = [
  'the war on drugs',
  'role of the state',
  'what is the future of intelligence',
  'security of the region',
  'private security companies in africa',
  'cyber attacks on the critical infrastructure',
] as const;

/** Lighthouse's "slow 4G": 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up. */
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};

/**
 * `query` typed into `/search/` (at `base`) a key every `keyDelay` ms, in a fresh browser
 * context, once the page and Pagefind have loaded, on `network` or unthrottled: the bytes on
 * the wire from the first key until the results settle (the final query's results and the
 * excerpts of those near the view shown, nothing more in flight), and ms from the last key to
 * the first frame that shows the final query's results (or that it found none).
 */
export async function typedQuery(
  browser: Browser,
  base: string,
  query: string,
  keyDelay: number,
  network?: typeof SLOW_4G,
): Promise<{ bytes: number; ms: number }> {
  const { context, page, cdp } = await freshPage(browser);
  await page.goto(`${base}search/`);
  await page.waitForLoadState('networkidle');
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  const net = trackBytes(cdp);
  const before = net.total();
  await page.evaluate((words) => {
    const results = document.getElementById('search-results')!;
    const bench = { lastKey: 0, shown: 0, done: Promise.resolve() };
    addEventListener('keydown', (e) => (bench.lastKey = e.timeStamp), true);
    bench.done = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (results.dataset.query !== words) return;
        if (!bench.shown) requestAnimationFrame(() => (bench.shown = performance.now()));
        // Settled: every result near the view (on screen or within a screen below it, as the
        // page fetches excerpts: near-view.ts) shows its excerpt.
        const near = [...results.children].filter((item) => item.getBoundingClientRect().top < 2 * innerHeight);
        if (near.some((item) => !item.querySelector('[data-result-excerpt]')?.textContent)) return;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }).observe(results, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    (window as unknown as { bench: typeof bench }).bench = bench;
  }, query);
  await page.getByLabel('Search the articles').pressSequentially(query, { delay: keyDelay });
  const ms = await page.evaluate(async () => {
    const { bench } = window as unknown as { bench: { lastKey: number; shown: number; done: Promise<void> } };
    await bench.done;
    return bench.shown - bench.lastKey;
  });
  await page.waitForLoadState('networkidle');
  const bytes = net.total() - before;
  await context.close();
  return { bytes, ms };
}

/** What a natural query's typings measured, run by run. */
export interface TypedRuns {
  /** Bytes from the first key until the results settle, unthrottled. */
  bytes: number[];
  /** Last key → first result, unthrottled. */
  ms: number[];
  /** Last key → first result, on slow 4G. */
  slowMs: number[];
}

/**
 * One run of every natural query typed at `base`, unthrottled and on slow 4G, added to
 * `runs` (by query): what the typed-query rows of both benches are made of.
 */
export async function typeNaturalQueries(
  browser: Browser,
  base: string,
  keyDelay: number,
  runs: Map<string, TypedRuns>,
): Promise<void> {
  for (const query of NATURAL_QUERIES) {
    const entry = runs.get(query) ?? { bytes: [], ms: [], slowMs: [] };
    runs.set(query, entry);
    const fast = await typedQuery(browser, base, query, keyDelay);
    entry.bytes.push(fast.bytes);
    entry.ms.push(fast.ms);
    entry.slowMs.push((await typedQuery(browser, base, query, keyDelay, SLOW_4G)).ms);
  }
}
