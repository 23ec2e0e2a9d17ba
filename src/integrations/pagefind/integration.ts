import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Connect, Plugin } from 'vite';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { close, createIndex, type IndexFile } from 'pagefind';
import sirv from 'sirv';
import { BUILD_CACHE_DIR } from '../../config';
import { PAGEFIND_DIR, withTrailingSlash } from '../../facts';
import { nameIndex, namesIndex } from './name-index';
import { entriesUnder, syncFolder } from '../output-files';
import {
  installedPagefindVersion,
  isWordChunk,
  pagefindFormat,
  pagesIndexed,
  stemsFromChunks,
  vocabularyOf,
  wordChunks,
  type Vocabulary,
} from './format';
import { shipIndex } from './pipeline';
import { WITHOUT } from '../../workarounds';

/** The folder of the article pages, in a finished site: the only pages the index is made of. */
const ARTICLES = 'articles';
const ARTICLE_PAGES = `${ARTICLES}/**/*.html`;

/** The language the index is made in: Pagefind's stemmer for it, and the stems the gaps are checked by. */
const INDEX_LANGUAGE = 'en';

const run = promisify(execFile);

/**
 * The HTML files of the finished site that may name the index (the search page), at any
 * depth: all but the article pages, which never do, and at 10,000 articles take seconds to read.
 */
const pagesNamingTheIndex = (dir: string): string[] =>
  entriesUnder(dir)
    .filter(
      ({ relativePath, isFile }) =>
        isFile && relativePath.endsWith('.html') && !relativePath.startsWith(`${ARTICLES}/`),
    )
    .map((entry) => entry.path);

/** Pagefind's command line (its npm package's wrapper, which runs the binary for this platform). */
const PAGEFIND_CLI = fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));

/** Every file under `dir`, as Pagefind's Node API would hand it over: path relative, with `/`. */
const filesUnder = (dir: string): IndexFile[] =>
  entriesUnder(dir)
    .filter((entry) => entry.isFile)
    .map((entry) => ({ path: entry.relativePath, content: readFileSync(entry.path) }));

/**
 * Pagefind's files for the article pages of the finished site in `site`. Made by its command
 * line into a scratch folder and read back, not by its Node API: the same files, byte for byte,
 * but the API hands them over as JSON (base64) through a pipe, which takes longer at scale
 * (docs/choices.md).
 */
async function indexSite(
  site: string,
  env: Record<string, string> = {},
): Promise<{ files: IndexFile[]; pages: number | undefined; warnings: string }> {
  const scratch = mkdtempSync(join(tmpdir(), 'dossier-pagefind-'));
  try {
    // Only article pages carry `data-pagefind-body`: the lists, search and 404 pages need not be read.
    const args = [
      '--site',
      site,
      '--glob',
      ARTICLE_PAGES,
      '--output-path',
      scratch,
      '--force-language',
      INDEX_LANGUAGE,
    ];
    const { stdout, stderr } = await run(process.execPath, [PAGEFIND_CLI, ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`Pagefind could not index ${site}: ${[error.message, error.stdout, error.stderr].join('\n')}`);
    });
    // Pagefind says what it skipped or merged on stderr (a page without `lang`, say).
    return { files: filesUnder(scratch), pages: pagesIndexed(stdout), warnings: stderr.trim() };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The chunks of an index Pagefind makes of `words` alone, one page of them in order: what its
 * indexer stems each word to. None if it cannot make one.
 */
async function stemIndex(words: readonly string[], language: string): Promise<Uint8Array[]> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: language });
    if (!index) throw new Error(errors.join('; '));
    await index.addCustomRecord({ url: '/', content: words.join(' '), language });
    const { files } = await index.getFiles();
    return files.filter((file) => isWordChunk(file.path)).map((file) => file.content);
  } catch {
    return [];
  } finally {
    await close();
  }
}

/**
 * Every word of `texts` with the stem Pagefind's indexer gives it in `language`, or undefined
 * if its stems cannot be read. Stems already read are kept in the build cache, by Pagefind's
 * version and the language: a rebuild asks Pagefind only for words it has not seen.
 */
export async function vocabularyWithStems(texts: Iterable<string>, language: string): Promise<Vocabulary | undefined> {
  const words = vocabularyOf(texts);
  const file = join(BUILD_CACHE_DIR, 'pagefind-stems', `${installedPagefindVersion()}-${language}.json`);
  let known = new Map<string, string>();
  try {
    known = new Map(JSON.parse(readFileSync(file, 'utf8')) as [string, string][]);
  } catch {
    // no stems kept yet, or unreadable: all are asked for
  }
  const missing = words.filter((word) => !known.has(word));
  if (missing.length > 0) {
    const stems = stemsFromChunks(await stemIndex(missing, language), missing);
    if (!stems) return undefined;
    for (const [word, stem] of stems) known.set(word, stem);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify([...known]));
    } catch {
      // an unwritable cache costs only time
    }
  }
  return { language, words, stems: new Map(words.map((word) => [word, known.get(word)!])) };
}

/**
 * The text of each article page's indexed part (from its `data-pagefind-body` element to the
 * end of its article), tags taken out: what Pagefind reads of it, and a little more, which
 * only adds words.
 */
function* articleTexts(site: string): Generator<string> {
  for (const entry of entriesUnder(join(site, ARTICLES))) {
    if (!entry.isFile || !entry.relativePath.endsWith('.html')) continue;
    const html = readFileSync(entry.path, 'utf8');
    const from = Math.max(0, html.indexOf('data-pagefind-body'));
    const to = html.indexOf('</article>', from);
    yield html.slice(from, to < 0 ? undefined : to).replace(/<[^>]*>/g, ' ');
  }
}

/** What `buildIndex` reports through: Astro's logger, or the console's (cli.ts). */
export type IndexLogger = Pick<AstroIntegrationLogger, 'info' | 'warn'>;

/**
 * Set by `npm run build`: `astro build` leaves the search index to the next step,
 * `src/integrations/pagefind/cli.ts`, run once Astro's process has ended. At 10,000 articles
 * Pagefind alone peaks at about 6 GB, and the build's process held 1.6–1.7 GB beside it.
 */
export const INDEX_AFTER_BUILD = 'DOSSIER_INDEX_AFTER_BUILD';

/**
 * Index the finished site in `site` with Pagefind, ship its files into `<site>/pagefind/`
 * (src/integrations/pagefind/pipeline.ts), then name the index in the pages that ask for it
 * (the search page preloads `pagefind-entry.json?ts=<tag>`), so a cached entry can never
 * outlive its index.
 */
export async function buildIndex(site: string, logger: IndexLogger): Promise<void> {
  const out = join(site, PAGEFIND_DIR);
  const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  // What this process holds while Pagefind runs beside it: the peak of the two.
  const { rss, heapTotal, external } = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1e6);
  const indexing = performance.now();
  const format = pagefindFormat(installedPagefindVersion(), (message) => logger.warn(message), WITHOUT);
  const indexed = indexSite(site);
  indexed.catch(() => undefined); // its failure is thrown below, once awaited
  // While Pagefind indexes (it keeps about one of two cores busy), the collection's words and
  // their stems, which its chunks' gaps are checked against.
  const vocabulary = format.chunkBounds ? await vocabularyWithStems(articleTexts(site), INDEX_LANGUAGE) : undefined;
  let { files: built, pages, warnings } = await indexed;
  // A small collection's index, which Pagefind writes as one chunk, is made again in smaller ones.
  const smaller = format.smallIndexEnv(built);
  if (smaller) ({ files: built, pages, warnings } = await indexSite(site, smaller));
  if (warnings) logger.warn(`Pagefind: ${warnings}`);
  logger.info(
    `indexed ${pages ?? 'the'} HTML files in ${seconds(indexing)} ` +
      `(this process holds ${mb(rss)} MB beside it: V8's heap ${mb(heapTotal)}, buffers ${mb(external)}, the rest native)`,
  );

  const bounding = performance.now();
  if (format.chunkBounds) built = format.chunkBounds(built, vocabulary);
  if (vocabulary) {
    logger.info(
      `gave the gaps between ${wordChunks(built)} word index chunks ranges of their own, ` +
        `checked against ${vocabulary.words.length} words, in ${seconds(bounding)}`,
    );
  }

  const shipping = performance.now();
  const index = shipIndex(built, format);
  const { report } = index;
  logger.info(`read ${report.summaries} page summaries from ${report.fragments} fragments in ${seconds(shipping)}`);
  // The index's folder is this integration's (keep-output.ts leaves it): most of its files are
  // the last build's, byte for byte, and stay; the others are written, and the stale removed.
  const synced = syncFolder(out, index.files);
  for (const html of pagesNamingTheIndex(site)) {
    const text = readFileSync(html, 'utf8');
    if (namesIndex(text)) writeFileSync(html, nameIndex(text, index));
  }
  logger.info(
    `wrote the index to ${out} (index ${index.tag}, ${report.shards} page-summary files): ` +
      `${synced.written} files written, ${synced.unchanged} unchanged, ${synced.removed.length} removed`,
  );
  logger.info(`the index as shipped: ${report.shippedKb} KB`);
}

/**
 * Build the Pagefind search index as the last step of `astro build`, and in `astro dev`
 * serve the index of the last build at `<base>pagefind/`, so search works while writing.
 * Without a build, those requests 404 and the search page says how to get an index.
 */
export function pagefind(): AstroIntegration {
  let bundle = '';
  let base = '/';
  return {
    name: 'dossier:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        bundle = join(fileURLToPath(config.outDir), PAGEFIND_DIR);
        base = withTrailingSlash(config.base);
      },
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        // Only files inside the bundle (sirv's path guard), read afresh at each request (`dev`).
        // Made at the first request: the bundle's folder is known once the config is done.
        let files: ReturnType<typeof sirv> | undefined;
        const serveIndex: Connect.NextHandleFunction = (request, response, next) => {
          // Vite may already have taken the base path off the URL; take it off if not.
          let path = new URL(request.url ?? '/', 'http://dev').pathname;
          if (base !== '/' && path.startsWith(base)) path = path.slice(base.length - 1);
          const prefix = `/${PAGEFIND_DIR}/`;
          if (!path.startsWith(prefix)) return next();
          try {
            decodeURIComponent(path);
          } catch {
            response.statusCode = 400; // malformed percent-encoding
            return response.end('Bad Request');
          }
          request.url = path.slice(prefix.length - 1);
          files ??= sirv(bundle, { dev: true });
          files(request, response, next);
        };
        // First in the chain, ahead of Astro's own dev middleware, which it puts first in a hook
        // that runs after the server is set up (and which answers a malformed path with a 500).
        const plugin: Plugin = {
          name: 'dossier:pagefind-dev',
          configureServer: (server) => () => {
            server.middlewares.stack.unshift({ route: '', handle: serveIndex });
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[INDEX_AFTER_BUILD] === '1') {
          logger.info('search index: left to the next step (src/integrations/pagefind/cli.ts)');
          return;
        }
        await buildIndex(fileURLToPath(dir), logger);
      },
    },
  };
}
