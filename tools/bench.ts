/**
 * `npm run bench`: search speed and size, measured as a reader meets them.
 *
 * Builds the site, serves `dist/` on 127.0.0.1 with gzip as a static host would, and for each
 * run opens a fresh browser context (empty cache) and:
 * - cold: opens /search/, types the first query as soon as the page has loaded, one key
 *   every 100 ms (BENCH_KEY_DELAY) like a fast typist, so Pagefind is still starting while
 *   the reader types; times the last keystroke to the first frame that shows the result;
 * - warm: in the same page, types a second query and times it the same way;
 * - pasted: in another fresh context, opens /search/ and pastes the first query the moment
 *   the page has loaded; times the paste to the first frame that shows the result; and again
 *   on slow 4G;
 * - plain view: in another fresh context, opens an article page and counts what it loads;
 * - shared link: in another, on slow 4G, opens /search/?q=<first query> and times the start of
 *   navigation to the first frame that shows the result whole (title, excerpt or the page's
 *   opening words in its place, sections), and to the first that shows its words marked, and
 *   counts every byte it fetched by then;
 * - typed: BENCH_TYPED_RUNS times (3), each natural query of search-timing.ts typed letter by
 *   letter into a loaded /search/ in a fresh context: bytes from the first key until the
 *   results settle, and the last key to the first result, unthrottled and on slow 4G.
 * BENCH_COMPARE=dist-a,dist-b measures two builds (already built) side by side in one run.
 * Cold bytes are what crossed the wire (compressed bodies and headers) for search code and
 * data: the page's scripts and every Pagefind file, until the first query's results are in.
 * They are counted from DevTools' network events for the page, which hold nothing a web
 * worker fetches (Dossier searches without one; the shared link's bytes count a worker's too).
 * Warm bytes are everything fetched for the second query.
 * Then, for each page type (home, the longest article, a tag page, a search opened from a
 * link), BENCH_PAGE_RUNS cold loads (3): requests and gzip KB by kind, the article text's own
 * gzip size, and Lighthouse's mobile scores with LCP, TBT and CLS (tools/page-weight.ts).
 * Beside the first build, the same shared link is opened on Pagefind's own UI over the same
 * pages (tools/lib/pagefind-ui-reference.ts), the search page most Pagefind sites ship, and
 * Lighthouse is run on it as on the page types; and Lighthouse is run on both linked searches
 * again on a host that speaks HTTPS and HTTP/2 as public hosts do (Lighthouse models the two
 * protocols' connections differently).
 * Prints the median of the runs (min–max beside it). Timings are never asserted anywhere.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { REFERENCE_RESULTS, writePagefindUiReference } from './lib/pagefind-ui-reference';
import { selfSignedCertificate } from './lib/self-signed';
import { serveStatic } from './lib/static-server';
import { articleWithoutScripts, lighthouse, PAGE_TYPES, pageWeight, type Lighthouse, type Weight } from './page-weight';
import {
  freshPage,
  isSearchFile,
  median,
  SLOW_4G,
  timeQuery,
  trackBytes,
  typeNaturalQueries,
  type TypedRuns,
} from './search-timing';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Runs of each page type's weight and Lighthouse; BENCH_SKIP_LIGHTHOUSE=1 leaves Lighthouse out. */
const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 3);
const WITH_LIGHTHOUSE = !process.env.BENCH_SKIP_LIGHTHOUSE;
const COLD_QUERY = process.env.BENCH_COLD ?? 'heroin';
const WARM_QUERY = process.env.BENCH_WARM ?? 'serendipity';
const ARTICLE = 'articles/tackling-the-illicit-drug-trade-perspectives-from-russia/';
/** Milliseconds between keystrokes: a fast typist (about 120 words a minute). */
const KEY_DELAY = Number(process.env.BENCH_KEY_DELAY ?? 100);

/** Runs of each natural query typed letter by letter, unthrottled and on slow 4G. */
const TYPED_RUNS = Number(process.env.BENCH_TYPED_RUNS ?? 3);

/** Let requests still in flight for the query finish before counting its bytes. */
const quiet = (page: Page) => page.waitForTimeout(400);

/** What shows Dossier's results, and a result's excerpt. */
const RESULTS = { results: '#search-results', excerpt: '[data-result-excerpt]' };

/**
 * A search link a colleague sent, opened cold on slow 4G on the search page at `searchUrl`,
 * whose results and excerpts `shows` names: ms from the start of navigation to the first frame
 * that shows the first result with its excerpt, and to the first with its words marked; and
 * the bytes of every request by then, a web worker's too (what Playwright's network events
 * count, headers included, once requests still in flight have finished).
 */
async function sharedLink(
  browser: Browser,
  searchUrl: string,
  shows: typeof RESULTS,
): Promise<{ ms: number; markedMs: number; bytes: number }> {
  const { context, page, cdp } = await freshPage(browser);
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  const sizes: Promise<number>[] = [];
  context.on('requestfinished', (request) =>
    sizes.push(request.sizes().then((size) => size.responseBodySize + size.responseHeadersSize)),
  );
  // No named functions in here: tsx would wrap them in a helper the page does not have.
  await page.addInitScript(({ results, excerpt }) => {
    // The first frame after which the results hold the first excerpt's text, then a mark in it.
    const [shown, marked] = [excerpt, `${excerpt} mark`].map(
      (selector) =>
        new Promise<number>((resolve) => {
          addEventListener('DOMContentLoaded', () => {
            const list = document.querySelector(results)!;
            new MutationObserver((_, observer) => {
              if (!list.querySelector(selector)?.textContent) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now()));
            }).observe(list, { childList: true, subtree: true, characterData: true });
          });
        }),
    );
    Object.assign(window, { shown, marked });
  }, shows);
  await page.goto(`${searchUrl}?q=${encodeURIComponent(COLD_QUERY)}`);
  // A page that never shows its results (a UI whose markup has changed) stops the bench, named.
  let timer: NodeJS.Timeout | undefined;
  const never = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`bench: expected ${searchUrl} to show ${shows.excerpt} with a mark within 60 s, found none`));
    }, 60_000);
  });
  const times = await Promise.race([
    page.evaluate(async () => {
      const { shown, marked } = window as unknown as { shown: Promise<number>; marked: Promise<number> };
      return { ms: await shown, markedMs: await marked };
    }),
    never,
  ]).finally(() => clearTimeout(timer));
  await quiet(page);
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ...times, bytes };
}

/**
 * A query pasted into a search page, opened cold, the moment it has loaded (while Pagefind is
 * not yet there), on the given network or unthrottled: ms from the paste to the first result.
 */
async function pastedQuery(browser: Browser, base: string, network?: typeof SLOW_4G): Promise<number> {
  const { context, page, cdp } = await freshPage(browser);
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  await page.goto(`${base}search/`);
  const { result } = await timeQuery(page, COLD_QUERY, 'paste');
  await context.close();
  return result;
}

interface Run {
  /** Cold bytes file by file. */
  coldFiles: Map<string, number>;
  sharedMs: number;
  sharedMarkedMs: number;
  sharedBytes: number;
  coldMs: number;
  coldExcerptMs: number;
  coldBytes: number;
  pageBytes: number;
  warmMs: number;
  warmExcerptMs: number;
  warmBytes: number;
  pastedMs: number;
  pastedSlowMs: number;
  plainBytes: number;
  plainJsBytes: number;
  plainPagefindRequests: number;
}

async function oneRun(browser: Browser, base: string): Promise<Run> {
  const { context, page, cdp } = await freshPage(browser);
  const net = trackBytes(cdp);

  await page.goto(`${base}search/`);
  const cold = await timeQuery(page, COLD_QUERY, KEY_DELAY);
  await quiet(page);
  const coldBytes = net.total(isSearchFile);
  const coldFiles = net.byPath(isSearchFile);
  const pageBytes = net.total((path) => !isSearchFile(path));

  const beforeWarm = net.total();
  const warm = await timeQuery(page, WARM_QUERY, KEY_DELAY);
  await quiet(page);
  const warmBytes = net.total() - beforeWarm;
  await context.close();

  const pasted = await pastedQuery(browser, base);
  const pastedSlow = await pastedQuery(browser, base, SLOW_4G);

  const fresh = await freshPage(browser);
  const plainNet = trackBytes(fresh.cdp);
  await fresh.page.goto(`${base}${ARTICLE}`);
  await fresh.page.waitForLoadState('networkidle');
  await fresh.context.close();
  const shared = await sharedLink(browser, `${base}search/`, RESULTS);
  return {
    coldFiles,
    sharedMs: shared.ms,
    sharedMarkedMs: shared.markedMs,
    sharedBytes: shared.bytes,
    coldMs: cold.result,
    coldExcerptMs: cold.excerpt,
    coldBytes,
    pastedMs: pasted,
    pastedSlowMs: pastedSlow,
    pageBytes,
    warmMs: warm.result,
    warmExcerptMs: warm.excerpt,
    warmBytes,
    plainBytes: plainNet.total(),
    plainJsBytes: plainNet.total((path) => path.endsWith('.js')),
    plainPagefindRequests: plainNet.paths().filter((path) => path.includes('/pagefind/')).length,
  };
}

/** A figure in its unit: KB with one decimal, anything else whole. */
const fmt = (n: number, unit: string) => (unit === 'KB' ? (n / 1000).toFixed(1) : n.toFixed(0));

/** A table cell: the median of the runs' values, then their min–max. */
const CELL = 30;
function cell(values: readonly number[], unit: string): string {
  if (!values.length) return '—'.padStart(10).padEnd(CELL);
  const value = `${fmt(median(values), unit)} ${unit}`;
  const range = `(${fmt(Math.min(...values), unit)}–${fmt(Math.max(...values), unit)})`;
  return `${value.padStart(10)}   ${range}`.padEnd(CELL);
}

/** What the bench prints: label, measure, unit and the issue's target. */
const ROWS: [string, Exclude<keyof Run, 'coldFiles'>, 'ms' | 'KB' | '', string][] = [
  [`cold query "${COLD_QUERY}": keystroke → result`, 'coldMs', 'ms', '≤ 150 ms'],
  [`cold query "${COLD_QUERY}": keystroke → excerpt`, 'coldExcerptMs', 'ms', '—'],
  [`cold query "${COLD_QUERY}": bytes`, 'coldBytes', 'KB', '≤ 100 KB'],
  ['search page itself (HTML, CSS, icon)', 'pageBytes', 'KB', '—'],
  [`"${COLD_QUERY}" pasted on a fresh page: paste → result`, 'pastedMs', 'ms', '≤ 150 ms'],
  [`"${COLD_QUERY}" pasted, slow 4G: paste → result`, 'pastedSlowMs', 'ms', '—'],
  [`warm query "${WARM_QUERY}": keystroke → result`, 'warmMs', 'ms', '≤ 50 ms'],
  [`warm query "${WARM_QUERY}": keystroke → excerpt`, 'warmExcerptMs', 'ms', '—'],
  [`warm query "${WARM_QUERY}": bytes`, 'warmBytes', 'KB', '—'],
  [`shared link ?q=${COLD_QUERY}, slow 4G: open → results whole`, 'sharedMs', 'ms', '—'],
  [`shared link ?q=${COLD_QUERY}, slow 4G: open → words marked`, 'sharedMarkedMs', 'ms', '—'],
  [`shared link ?q=${COLD_QUERY}, slow 4G: bytes`, 'sharedBytes', 'KB', '—'],
  ['plain article view: all bytes', 'plainBytes', 'KB', '—'],
  ['plain article view: JavaScript bytes', 'plainJsBytes', 'KB', '—'],
  ['plain article view: Pagefind requests', 'plainPagefindRequests', '', '0'],
];

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
  const referenceRoot = writePagefindUiReference(DISTS[0]!);
  const reference = await serveStatic({ root: referenceRoot, gzip: true });
  const referenceRuns: Awaited<ReturnType<typeof sharedLink>>[] = [];
  const referenceLcp: number[] = [];
  // The linked search's Lighthouse again on a host that speaks HTTPS and HTTP/2, as public hosts
  // do, for each build and the reference (the reference last).
  const tls = WITH_LIGHTHOUSE ? selfSignedCertificate() : undefined;
  const secure = tls
    ? await Promise.all([...DISTS, referenceRoot].map((root) => serveStatic({ root, gzip: true, tls })))
    : [];
  const secureLcp: number[][] = [...DISTS, referenceRoot].map(() => []);
  const browser = await launchBrowser();
  const runs: Run[][] = DISTS.map(() => []);
  const pages = DISTS.map(() => new Map<string, { weights: Weight[]; scores: Lighthouse[] }>());
  const typed = DISTS.map(() => new Map<string, TypedRuns>());
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [d, server] of servers.entries()) runs[d]!.push(await oneRun(browser, server.url));
      referenceRuns.push(await sharedLink(browser, `${reference.url}${PAGE_TYPES.search}`, REFERENCE_RESULTS));
    }
    for (let i = 0; i < TYPED_RUNS; i++) {
      for (const [d, server] of servers.entries()) await typeNaturalQueries(browser, server.url, KEY_DELAY, typed[d]!);
    }
    for (let i = 0; i < PAGE_RUNS; i++) {
      for (const [d, server] of servers.entries()) {
        for (const [name, path] of Object.entries(PAGE_TYPES)) {
          const entry = pages[d]!.get(name) ?? { weights: [], scores: [] };
          pages[d]!.set(name, entry);
          entry.weights.push(await pageWeight(browser, `${server.url}${path}`));
          if (WITH_LIGHTHOUSE) entry.scores.push(await lighthouse(`${server.url}${path}`));
        }
      }
      if (WITH_LIGHTHOUSE) {
        referenceLcp.push((await lighthouse(`${reference.url}${PAGE_TYPES[LINKED_SEARCH]}`)).lcp);
        for (const [s, server] of secure.entries()) {
          secureLcp[s]!.push((await lighthouse(`${server.url}${PAGE_TYPES[LINKED_SEARCH]}`)).lcp);
        }
      }
    }
  } finally {
    await browser.close();
    await Promise.all([...servers, reference, ...secure].map((server) => server.close()));
    rmSync(referenceRoot, { recursive: true, force: true });
  }

  console.log(
    `\nSearch on 127.0.0.1, gzip, ${RUNS} runs in fresh browser contexts, ` +
      `a key every ${KEY_DELAY} ms (median, min–max)`,
  );
  console.log(`${''.padEnd(48)} ${DISTS.map((dist) => dist.padEnd(CELL)).join('')}target`);
  for (const [label, key, unit, target] of ROWS) {
    const cells = runs.map((distRuns) =>
      cell(
        distRuns.map((run) => run[key]),
        unit,
      ),
    );
    console.log(`${label.padEnd(48)} ${cells.join('')}${target}`);
  }
  console.log(
    `\nNatural queries typed a key every ${KEY_DELAY} ms into a loaded /search/, median of ${TYPED_RUNS} ` +
      '(bytes from the first key until the results settle; last key → first result)',
  );
  for (const [d, dist] of DISTS.entries()) {
    console.log(`${dist}:`);
    for (const [query, { bytes, ms, slowMs }] of typed[d]!) {
      const time = (xs: number[]) => `${median(xs).toFixed(0)} ms`.padStart(8);
      console.log(
        `  ${`"${query}"`.padEnd(48)} ${`${fmt(median(bytes), 'KB')} KB`.padStart(9)}  ${time(ms)}  slow 4G ${time(slowMs)}`,
      );
    }
  }
  for (const [d, dist] of DISTS.entries()) printPages(dist, pages[d]!);
  printBesideReference(
    DISTS.map((dist, d) => ({
      name: dist,
      runs: runs[d]!.map((run) => ({ ms: run.sharedMs, markedMs: run.sharedMarkedMs, bytes: run.sharedBytes })),
      lcp: (pages[d]!.get(LINKED_SEARCH)?.scores ?? []).map((score) => score.lcp),
      secureLcp: secureLcp[d]!,
    })).concat({ name: "Pagefind's UI", runs: referenceRuns, lcp: referenceLcp, secureLcp: secureLcp.at(-1)! }),
  );
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

/** The page type of a search opened from a link, in `PAGE_TYPES`. */
const LINKED_SEARCH: keyof typeof PAGE_TYPES = 'search ?q=heroin';

/**
 * A search opened from a link on each build beside the same on Pagefind's own UI over the same
 * pages (`tools/lib/pagefind-ui-reference.ts`): what a reader waits for on slow 4G, what it
 * fetches, and Lighthouse's simulated largest paint, medians of the runs.
 */
function printBesideReference(
  pages: {
    name: string;
    runs: { ms: number; markedMs: number; bytes: number }[];
    lcp: number[];
    secureLcp: number[];
  }[],
) {
  console.log(
    `\nA search opened from a link, ?q=${COLD_QUERY}, beside Pagefind's own UI on a bare page over the same pages ` +
      `(median, min–max; Lighthouse ${WITH_LIGHTHOUSE ? `of ${PAGE_RUNS} runs` : 'left out'})`,
  );
  console.log(`${''.padEnd(40)} ${pages.map(({ name }) => name.padEnd(CELL)).join('')}`);
  const rows: [string, (page: (typeof pages)[number]) => number[], 'ms' | 'KB'][] = [
    ['slow 4G: open → results whole', (page) => page.runs.map((run) => run.ms), 'ms'],
    ['slow 4G: open → words marked', (page) => page.runs.map((run) => run.markedMs), 'ms'],
    ['slow 4G: bytes, a web worker’s too', (page) => page.runs.map((run) => run.bytes), 'KB'],
    ['Lighthouse LCP, simulated mobile', (page) => page.lcp, 'ms'],
    ['  the same, host on HTTPS and HTTP/2', (page) => page.secureLcp, 'ms'],
  ];
  for (const [label, values, unit] of rows) {
    const cells = pages.map((page) => cell(values(page), unit));
    console.log(`${label.padEnd(40)} ${cells.join('')}`);
  }
  console.log(
    "Lighthouse simulates the requests of the page's own network record, which holds nothing a web worker fetches: " +
      "Pagefind's UI searches in one, so its figure counts none of Pagefind's WebAssembly, index or excerpts.",
  );
}

/** The page-type table: one row a page type, medians of the runs. */
function printPages(dist: string, pages: Map<string, { weights: Weight[]; scores: Lighthouse[] }>) {
  const kb = (n: number) => (n / 1000).toFixed(1);
  console.log(
    `\nPage types on ${dist}: cold loads, gzip, median of ${PAGE_RUNS}` +
      (WITH_LIGHTHOUSE ? '; Lighthouse 13 mobile, simulated throttling' : ''),
  );
  console.log(
    `${'page'.padEnd(20)} ${'req'.padStart(3)} ${'total'.padStart(6)} ${'HTML'.padStart(5)} ${'CSS'.padStart(5)} ${'JS'.padStart(5)} ${'img'.padStart(5)} ${'other'.padStart(6)} ${'text'.padStart(5)}   perf/a11y/bp/seo   LCP ms  TBT ms  CLS`,
  );
  for (const [name, { weights, scores }] of pages) {
    const m = (pick: (w: Weight) => number) => median(weights.map(pick));
    const total = m((w) => Object.values(w.bytes).reduce((a, b) => a + b, 0));
    const text = weights[0]!.articleText === undefined ? '—' : kb(m((w) => w.articleText ?? 0));
    const lh = (pick: (s: Lighthouse) => number) => (scores.length ? median(scores.map(pick)) : NaN);
    const lighthouseCells = scores.length
      ? `${[lh((s) => s.performance), lh((s) => s.accessibility), lh((s) => s.bestPractices), lh((s) => s.seo)].join('/').padEnd(16)}   ${lh(
          (s) => s.lcp,
        )
          .toFixed(0)
          .padStart(6)}  ${lh((s) => s.tbt)
          .toFixed(0)
          .padStart(6)}  ${lh((s) => s.cls).toFixed(3)}`
      : '—';
    console.log(
      `${name.padEnd(20)} ${String(m((w) => w.requests)).padStart(3)} ${kb(total).padStart(6)} ${kb(m((w) => w.bytes.html)).padStart(5)} ${kb(m((w) => w.bytes.css)).padStart(5)} ${kb(m((w) => w.bytes.js)).padStart(5)} ${kb(m((w) => w.bytes.images)).padStart(5)} ${kb(m((w) => w.bytes.other)).padStart(6)} ${text.padStart(5)}   ${lighthouseCells}`,
    );
  }
  const bare = articleWithoutScripts(dist);
  console.log(
    `The longest article with no script at all: HTML ${kb(bare.html)} + CSS ${kb(bare.css)} = ` +
      `${kb(bare.html + bare.css)} KB gzip, before headers.`,
  );
  console.log(
    'Budget: the longest article’s HTML in at most 14 KB, the article in at most 19 KB and 3 requests; ' +
      'every page type at Lighthouse 100 ×4, LCP ≤ 800 ms, TBT ≤ 50 ms, CLS 0.',
  );
}

await main();
