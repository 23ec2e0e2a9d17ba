/**
 * `npm run bench:scale -- --articles N [--runs R] [--keep]`: Dossier at N articles.
 *
 * In a scratch folder (removed afterwards unless --keep): writes N synthetic articles as seed
 * files (`tools/synthetic-seeds.ts`), ingests them, builds them cold (empty caches), edits
 * one article and builds again (caches warm), then serves the build with gzip and times a
 * cold first search in Chromium R times (default 3). Prints:
 * - ingest time; cold build wall time, and by phase from the build's own log (content sync,
 *   bundling, pages, social images and citation files, search index, page summaries); peak memory of the whole
 *   process tree (RSS summed over the build and every process under it, sampled every 100 ms);
 * - `dist/`, `dist/pagefind/` and the citation files' size and file count; the rebuild's wall time;
 * - home page and largest tag page, gzipped;
 * - each natural query of search-timing.ts typed letter by letter (a key every 100 ms): bytes
 *   from the first key until its results settle, and the last key to the first result,
 *   unthrottled and on slow 4G (median of the runs, min–max);
 * - a cold first search for "security" (BENCH_COLD): bytes on the wire from opening /search/
 *   to the frame that shows the first result, and until its excerpts have come too (all of
 *   them, and the search code and data among them); and ms from the last keystroke to the
 *   frame that shows the result (median of the runs, min–max).
 * and the row to paste into the README's table. Figures only: nothing here is asserted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from './lib/browser';
import { serveStatic } from './lib/static-server';
import {
  freshPage,
  isSearchFile,
  median,
  timeQuery,
  trackBytes,
  typeNaturalQueries,
  type TypedRuns,
} from './search-timing';
import { relatedArticles, termVector } from '../src/collection/related';
import { seedSample } from './seed-sample';
import { syntheticSeeds } from './synthetic-seeds';

const { values } = parseArgs({
  options: { articles: { type: 'string' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean' } },
});
const ARTICLES = Number(values.articles);
if (!Number.isInteger(ARTICLES) || ARTICLES < 1) {
  console.error(`bench:scale: expected --articles <a whole number ≥ 1>, found ${values.articles ?? 'nothing'}`);
  process.exit(2);
}
const RUNS = Number(values.runs);
const QUERY = process.env.BENCH_COLD ?? 'security';

const scratch = mkdtempSync(join(tmpdir(), `dossier-scale-${ARTICLES}-`));
const seeds = join(scratch, 'seeds');
const content = join(scratch, 'content');
const dist = join(scratch, 'dist');

/** RSS in bytes of `root` and every process under it, read from /proc. */
function treeRss(root: number): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  let sum = 0;
  for (const pid of parent.keys()) {
    let up: number | undefined = pid;
    while (up !== undefined && up !== root && up > 1) up = parent.get(up);
    if (up !== root) continue;
    try {
      sum += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {
      // gone meanwhile
    }
  }
  return sum;
}

interface Build {
  seconds: number;
  peakBytes: number;
  /** Seconds since the start when the peak was sampled. */
  peakAt: number;
  /** The peak of each step's process tree, in bytes. */
  stepPeaks: number[];
  /** Build log lines, each with seconds since the start. */
  lines: { at: number; text: string }[];
}

/** One step of a build: a command, timed, its log read and its process tree sampled. */
function step(command: string, args: string[], env: NodeJS.ProcessEnv, started: number, into: Build): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let rest = '';
    const read = (chunk: Buffer) => {
      const text = rest + chunk.toString('utf8');
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      const at = (performance.now() - started) / 1000;
      for (const line of parts) into.lines.push({ at, text: stripVTControlCharacters(line) });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    const own = into.stepPeaks.push(0) - 1;
    const sampler = setInterval(() => {
      const bytes = treeRss(child.pid!);
      into.stepPeaks[own] = Math.max(into.stepPeaks[own]!, bytes);
      if (bytes > into.peakBytes) [into.peakBytes, into.peakAt] = [bytes, (performance.now() - started) / 1000];
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) {
        reject(new Error(`${command} exited with ${code}:\n${into.lines.map((line) => line.text).join('\n')}`));
        return;
      }
      resolve();
    });
  });
}

/**
 * The scratch articles built into the scratch dist as `npm run build` builds them (package.json):
 * `astro build`, then the search index in a process of its own. Timed and sampled.
 */
async function build(): Promise<Build> {
  const started = performance.now();
  const env = {
    ...process.env,
    ARTICLES_DIR: content,
    ASTRO_CACHE_DIR: join(scratch, 'astro-cache'),
    DOSSIER_CACHE_DIR: join(scratch, 'build-cache'),
    BASE_PATH: '/',
    ASTRO_TELEMETRY_DISABLED: '1',
    DOSSIER_INDEX_AFTER_BUILD: '1', // as `npm run build` runs it (package.json)
  };
  const run: Build = { seconds: 0, peakBytes: 0, peakAt: 0, stepPeaks: [], lines: [] };
  await step('node_modules/.bin/astro', ['build', '--outDir', dist], env, started, run);
  await step('node_modules/.bin/tsx', ['src/integrations/pagefind/cli.ts', dist], env, started, run);
  run.seconds = (performance.now() - started) / 1000;
  return run;
}

/** Pagefind's command line alone on the built site, as the index step runs it: its peak in bytes. */
async function pagefindAlone(): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'dossier-pagefind-alone-'));
  const run: Build = { seconds: 0, peakBytes: 0, peakAt: 0, stepPeaks: [], lines: [] };
  try {
    const cli = fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));
    const args = ['--site', dist, '--glob', 'articles/**/*.html', '--output-path', out, '--force-language', 'en'];
    await step(process.execPath, [cli, ...args], process.env, performance.now(), run);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return run.peakBytes;
}

/** When a build's memory peaked: seconds in, and the last log line before (what it was doing). */
function peakWhen(run: Build): string {
  const before = run.lines.filter(
    (line) => line.at <= run.peakAt && line.text.trim() && !/[├└]─|^\s*\(\+/.test(line.text),
  );
  const doing = before.at(-1)?.text.trim().slice(0, 70) ?? 'starting';
  return `${run.peakAt.toFixed(1)} s, after "${doing}"`;
}

/** Seconds between the first log lines matching `from` and `to` (or the end), or NaN. */
function between(run: Build, from: RegExp, to: RegExp): number {
  const start = run.lines.findIndex((line) => from.test(line.text));
  if (start < 0) return NaN;
  const end = run.lines.findIndex((line, i) => i > start && to.test(line.text));
  return (end < 0 ? run.seconds : run.lines[end]!.at) - run.lines[start]!.at;
}

/** Seconds a log line of our integration reports, e.g. `read 4 page summaries from 4 fragments in 0.1 s`. */
const reported = (run: Build, what: RegExp) =>
  Number(run.lines.map((line) => what.exec(line.text)?.[1]).find(Boolean) ?? NaN);

/** Seconds Astro reports per route (`├─ /og/x.png (+12ms)`), summed over the routes `keep` selects. */
function routeSeconds(run: Build, keep: (route: string) => boolean): number {
  let ms = 0;
  for (const { text } of run.lines) {
    const match = /[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/.exec(text);
    if (match && keep(match[1]!)) ms += Number(match[2]) * (match[3] === 's' ? 1000 : 1);
  }
  return ms / 1000;
}

/** An article's citation files' routes (`/articles/x/cite.bib`, `cite.ris`). */
const CITE_FILE = /\/cite\.(?:bib|ris)$/u;

/** Size in bytes and number of files under `dir`. */
function sizeOf(dir: string, only: (name: string) => boolean = () => true): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!only(name)) continue;
    const stat = statSync(join(dir, name));
    if (!stat.isFile()) continue;
    bytes += stat.size;
    files++;
  }
  return { bytes, files };
}

const gzipped = (path: string) => gzipSync(readFileSync(path)).length;

/** A cold first search, `RUNS` times, each in a fresh browser context. */
async function firstSearches() {
  const server = await serveStatic({ root: dist, gzip: true });
  const browser = await launchBrowser();
  const runs: { ms: number; resultBytes: number; bytes: number; searchBytes: number }[] = [];
  const typed = new Map<string, TypedRuns>();
  try {
    for (let i = 0; i < RUNS; i++) {
      const { context, page, cdp } = await freshPage(browser);
      const net = trackBytes(cdp);
      await page.goto(`${server.url}search/`);
      const { result, resultBytes } = await timeQuery(page, QUERY, 100);
      await page.waitForTimeout(400); // requests still in flight for the query
      runs.push({ ms: result, resultBytes, bytes: net.total(), searchBytes: net.total(isSearchFile) });
      await context.close();
    }
    for (let i = 0; i < RUNS; i++) await typeNaturalQueries(browser, server.url, 100, typed);
  } finally {
    await browser.close();
    await server.close();
  }
  return { runs, typed };
}

const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} KB`;
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
const spread = (xs: number[], unit: (n: number) => string) =>
  `${unit(median(xs))} (${unit(Math.min(...xs))}–${unit(Math.max(...xs))})`;

try {
  console.log(`Scratch folder: ${scratch}`);
  mkdirSync(seeds);
  for (const seed of syntheticSeeds(ARTICLES, seedSample())) writeFileSync(join(seeds, seed.name), seed.text);

  let started = performance.now();
  // Its report (a line per file) is not read: at 10,000 articles it would overflow spawnSync's buffer.
  const ingest = spawnSync('node_modules/.bin/tsx', ['src/ingest/cli.ts', '--seeds', seeds, '--out', content], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (ingest.status !== 0) throw new Error(`ingest exited with ${ingest.status}:\n${ingest.stderr}`);
  const ingestSeconds = (performance.now() - started) / 1000;

  // Related articles as the build chooses them: the loader stores each changed file's most used
  // words (src/loaders/articles.ts), and every build compares all of them (src/collection/next-reads.ts).
  started = performance.now();
  const vectors = readdirSync(content)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({
      id: name,
      counts: new Map(Object.entries(termVector(readFileSync(join(content, name), 'utf8')))),
    }));
  const termsSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  relatedArticles(vectors);
  const relatedSeconds = (performance.now() - started) / 1000;
  console.log(`Ingested ${ARTICLES} articles in ${s(ingestSeconds)}; building cold…`);

  const cold = await build();
  const alone = await pagefindAlone();
  const site = sizeOf(dist);
  const index = sizeOf(join(dist, 'pagefind'));
  const citations = sizeOf(join(dist, 'articles'), (name) => CITE_FILE.test(`/${name}`));
  const tagPages = readdirSync(join(dist, 'tags'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('index.html') && name !== 'index.html')
    .map((name) => gzipped(join(dist, 'tags', name)));
  const homeGzip = gzipped(join(dist, 'index.html'));
  const chunks = readdirSync(join(dist, 'pagefind', 'index')).map(
    (name) => statSync(join(dist, 'pagefind', 'index', name)).size,
  );

  // One article edited: a sentence added to its last line, then a rebuild with every cache warm.
  const [first] = readdirSync(content).sort();
  const edited = join(content, first!);
  writeFileSync(edited, `${readFileSync(edited, 'utf8').trimEnd()} Edited for the bench.\n`);
  console.log(`Built cold in ${s(cold.seconds)}; rebuilding after editing ${first}…`);
  started = performance.now();
  const warm = await build();

  console.log(`Rebuilt in ${s(warm.seconds)}; timing ${RUNS} cold first searches for "${QUERY}"…`);
  const { runs: searches, typed } = await firstSearches();
  /** One figure of every first search: median (least–most). */
  const ofSearches = (figure: (run: (typeof searches)[number]) => number, unit: (n: number) => string) =>
    spread(searches.map(figure), unit);

  /** What the indexing process held while Pagefind ran beside it, as its log says. */
  const besidePagefind = (run: Build): string =>
    run.lines
      .map(({ text }) => /this process holds (\d+) MB beside it: V8's heap (\d+), buffers (\d+)/.exec(text))
      .filter((match) => match !== null)
      .map(([, rss, heap, buffers]) => `${rss} MB (V8's heap ${heap}, buffers ${buffers}, native the rest)`)[0] ?? '–';
  /** Wall time of a build and of its phases, as its log tells them. */
  const phases = (run: Build): [string, string][] => [
    ['  content sync', s(between(run, /\[content\] Syncing content/, /\[content\] Synced content/))],
    ['  bundling', s(between(run, /Building static entrypoints/, /generating static routes/))],
    ['  pages and social images, wall', s(between(run, /generating static routes/, /✓ Completed in/))],
    [
      '    in page routes (summed)',
      s(routeSeconds(run, (route) => !route.startsWith('/og/') && !CITE_FILE.test(route))),
    ],
    ['    in social image routes (summed)', s(routeSeconds(run, (route) => route.startsWith('/og/')))],
    ['    in citation files (summed)', s(routeSeconds(run, (route) => CITE_FILE.test(route)))],
    ['  search index', s(reported(run, /indexed \d+ HTML files in ([\d.]+) s/))],
    ['  page summaries', s(reported(run, /page summaries from \d+ fragments in ([\d.]+) s/))],
  ];
  const rows: [string, string][] = [
    ['articles', String(ARTICLES)],
    ['ingest', s(ingestSeconds)],
    ['words of every article (cold sync)', s(termsSeconds)],
    ['related articles of all (every build)', s(relatedSeconds)],
    ['cold build, wall', s(cold.seconds)],
    ...phases(cold),
    ['peak memory, process tree (cold)', gb(cold.peakBytes)],
    ['  astro build, then the index step', cold.stepPeaks.map(gb).join(', then ')],
    ['  Pagefind alone on the built site', gb(alone)],
    ['  when', peakWhen(cold)],
    ['  the indexing process beside Pagefind', besidePagefind(cold)],
    ['rebuild after one edit, wall', s(warm.seconds)],
    ...phases(warm),
    ['peak memory, process tree (rebuild)', gb(warm.peakBytes)],
    ['  astro build, then the index step', warm.stepPeaks.map(gb).join(', then ')],
    ['  when', peakWhen(warm)],
    ['  the indexing process beside Pagefind', besidePagefind(warm)],
    ['dist/', `${mb(site.bytes)} in ${site.files} files`],
    ['dist/pagefind/', `${mb(index.bytes)} in ${index.files} files`],
    ['citation files (.bib, .ris)', `${mb(citations.bytes)} in ${citations.files} files`],
    ['  word index chunks, gzip', `${chunks.length}, the largest ${kb(Math.max(...chunks))}`],
    ['home page, gzip', kb(homeGzip)],
    ['largest tag page, gzip', kb(Math.max(...tagPages))],
    [`first search "${QUERY}": bytes to the result`, ofSearches((run) => run.resultBytes, kb)],
    ['  all bytes, excerpts included', ofSearches((run) => run.bytes, kb)],
    ['  of which search code and data', ofSearches((run) => run.searchBytes, kb)],
    [
      '  last keystroke → result',
      ofSearches(
        (run) => run.ms,
        (ms) => `${ms.toFixed(0)} ms`,
      ),
    ],
  ];
  for (const [query, { bytes, ms, slowMs }] of typed) {
    const time = (t: number) => `${t.toFixed(0)} ms`;
    rows.push([
      `typed "${query}"`,
      `${spread(bytes, kb)}; last key → result ${spread(ms, time)}, slow 4G ${spread(slowMs, time)}`,
    ]);
  }
  console.log();
  for (const [label, value] of rows) console.log(`${label.padEnd(40)} ${value}`);
  const cell = (label: string) => rows.find(([l]) => l === label)![1];
  console.log('\nREADME row:');
  console.log(
    `| ${ARTICLES.toLocaleString('en')} | ${cell('ingest')} | ${cell('cold build, wall')} | ${cell('rebuild after one edit, wall')} | ` +
      `${gb(Math.max(cold.peakBytes, warm.peakBytes))} | ${mb(site.bytes)} | ${kb(median(searches.map((run) => run.resultBytes)))} | ` +
      `${median(searches.map((run) => run.ms)).toFixed(0)} ms | ${kb(homeGzip)} |`,
  );
} finally {
  if (values.keep) console.log(`Kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
