import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Connect, Plugin } from 'vite';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import sirv from 'sirv';
import { close, createIndex, type IndexFile } from 'pagefind';
import {
  INDEX_FILES_PLACEHOLDER,
  INDEX_TAG_PLACEHOLDER,
  PAGEFIND_DIR,
  PAGE_SUMMARIES_FILE,
  SUMMARY_DIGITS_PLACEHOLDER,
  summaryDigits,
  summaryPath,
  withTrailingSlash,
} from '../facts';
import { BUILD_CACHE_DIR } from '../config';
import { gzipBest, gzipSmallest } from './gzip';
import { rechunk } from './pagefind-chunks';
import {
  firstSearchFiles,
  gunzipPagefind,
  indexTag,
  isFragment,
  isGzipped,
  isMeta,
  isShipped,
  isWasm,
  isWorthZopfli,
} from './pagefind-files';
import { shippedFragment, summariesById } from './pagefind-fragments';

/** A file Pagefind built, with its payload unzipped when Pagefind gzipped it. */
const unzipped = (file: IndexFile): IndexFile =>
  isGzipped(file.path) ? { path: file.path, content: gunzipPagefind(file.path, file.content) } : file;

/**
 * A file as the site ships it. One this integration unzipped (`raw`) is gzipped again, with
 * zopfli where that is worth its time (`isWorthZopfli`), else with zlib's best; any other
 * keeps Pagefind's own bytes.
 */
async function zipped(file: IndexFile, raw: boolean): Promise<IndexFile> {
  if (!raw || !isGzipped(file.path)) return file;
  const content = isWorthZopfli(file.path, file.content.length)
    ? await gzipSmallest(file.content, join(BUILD_CACHE_DIR, 'gzip'))
    : await gzipBest(file.content);
  return { path: file.path, content };
}

/**
 * Pagefind's files other than fragments, as the site ships them (`files`, unzipped where
 * `isRaw` says this integration reads or changes them). An index Pagefind wrote as one chunk
 * (a small collection) is re-cut, every file unzipped (`rechunk`); an index it already cut in
 * several is left as it is, and only the metadata and the WebAssembly (for zopfli) are
 * unzipped: at 10,000 articles the word index is 132 chunks of up to 760 KB.
 */
function prepared(ours: readonly IndexFile[], warn: (message: string) => void) {
  const chunks = ours.filter((file) => file.path.startsWith('index/')).length;
  if (chunks <= 1) return { files: rechunk(ours.map(unzipped), undefined, warn), isRaw: isGzipped };
  const isRaw = (path: string) => isMeta(path) || isWasm(path);
  return { files: ours.map((file) => (isRaw(file.path) ? unzipped(file) : file)), isRaw };
}

/** Kilobytes of the gzipped payloads among `files`. */
const gzippedKb = (files: readonly IndexFile[]) =>
  (files.filter((file) => isGzipped(file.path)).reduce((sum, file) => sum + file.content.length, 0) / 1000).toFixed(1);

/** The article pages of a finished site, relative to it: the only pages the index is made of. */
const ARTICLE_PAGES = 'articles/**/*.html';

/**
 * The HTML files of the finished site that may name the index (the search page), at any
 * depth: all but the article pages, which never do, and at 10,000 articles take seconds to read.
 */
function pagesNamingTheIndex(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html') && !name.startsWith(`articles${sep}`))
    .map((name) => join(dir, name));
}

/**
 * Index the finished site in `dir` with Pagefind, writing `<dir>/pagefind/` and the page list
 * beside it, then name the index in the pages that ask for it (the search page preloads
 * `pagefind-entry.json?ts=<tag>`), so a cached entry can never outlive its index.
 */
async function buildIndex(dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const site = fileURLToPath(dir);
  const out = join(site, PAGEFIND_DIR);
  const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  const indexing = performance.now();
  let built: IndexFile[];
  let pages: number;
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    // Only article pages carry `data-pagefind-body`: the lists, search and 404 pages need not be read.
    const added = await index.addDirectory({ path: site, glob: ARTICLE_PAGES });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
    // Built once in memory, then written here: the page list and the tag are read from the same files.
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`Pagefind could not build its files: ${fileErrors.join('; ')}`);
    [built, pages] = [files, added.page_count];
  } finally {
    await close(); // Pagefind's process holds the whole index in memory (1.7 GB at 10,000 articles)
  }
  logger.info(`indexed ${pages} HTML files in ${seconds(indexing)}`);

  const compressing = performance.now();
  const ours = built.filter((file) => isShipped(file.path));
  const { files, isRaw } = prepared(
    ours.filter((file) => !isFragment(file.path)),
    (message) => logger.warn(message),
  );
  const fragmentCache = join(BUILD_CACHE_DIR, 'fragments');
  // A few files at a time: each gzip holds about 300 KB of zlib state from the moment it is
  // asked for, so 10,000 fragments asked for at once held 2.5 GB. A few per core keep every
  // thread of libuv's pool busy all the same.
  const limit = pLimit(2 * availableParallelism());
  const [others, fragments] = await Promise.all([
    Promise.all(files.map((file) => limit(() => zipped(file, isRaw(file.path))))),
    Promise.all(
      ours.filter((file) => isFragment(file.path)).map((file) => limit(() => shippedFragment(file, fragmentCache))),
    ),
  ]);
  const shipped = [...others, ...fragments.map((fragment) => fragment.file)];
  logger.info(
    `compressed ${files.filter((file) => isRaw(file.path)).length} files and prepared ${fragments.length} fragments in ${seconds(compressing)}`,
  );
  for (const file of shipped) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.content);
  }
  const summaries = summariesById(fragments);
  const digits = summaryDigits(summaries.length);
  const shards = Map.groupBy(summaries, ([id]) => summaryPath(id, digits));
  for (const [path, entries] of shards) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), `${JSON.stringify(Object.fromEntries(entries))}\n`);
  }
  const tag = indexTag(files);
  const preloads = firstSearchFiles(files);
  // One file of summaries is preloaded with the index files; shards are fetched as results need them.
  if (digits === 0) preloads.push(`${PAGE_SUMMARIES_FILE}?ts=${tag}`);
  for (const html of pagesNamingTheIndex(site)) {
    const text = readFileSync(html, 'utf8');
    if (!text.includes(INDEX_TAG_PLACEHOLDER) && !text.includes(INDEX_FILES_PLACEHOLDER)) continue;
    const named = text
      .replaceAll(INDEX_TAG_PLACEHOLDER, tag)
      .replaceAll(SUMMARY_DIGITS_PLACEHOLDER, String(digits))
      // One copy of the placeholder's element per file, or none.
      .replace(new RegExp(`<[^<>]*${INDEX_FILES_PLACEHOLDER}[^<>]*>`, 'g'), (element) =>
        preloads.map((path) => element.replace(INDEX_FILES_PLACEHOLDER, path)).join(''),
      );
    writeFileSync(html, named);
  }
  logger.info(`wrote the index to ${out} (index ${tag}, ${shards.size} page-summary files)`);
  logger.info(`Pagefind's gzipped files: ${gzippedKb(ours)} KB as it wrote them, ${gzippedKb(shipped)} KB as shipped`);
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
      'astro:build:done': ({ dir, logger }) => buildIndex(dir, logger),
    },
  };
}
