/**
 * Pagefind's files as Dossier ships them: files in, files out, nothing written. Pagefind's
 * own UIs dropped; a one-chunk word index re-cut (`rechunk`); the metadata and WebAssembly
 * recompressed (zopfli where worth it); each fragment trimmed of anchors it never shows, with
 * its page summary read out; the summaries in one file or in shards (`summaryPath`); and what
 * the search page must be told: the index's tag, the files a first search fetches and the
 * shard digits. The build cache (`cacheDir`) only saves time: a hit is the very bytes a miss
 * would make.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { IndexFile } from 'pagefind';
import { PAGE_SUMMARIES_FILE, summaryDigits, summaryPath } from '../facts';
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

/** What the search page is told of the index it searches (`nameIndex`). */
export interface IndexNames {
  /** The index's name: its metadata hashes (`pagefind-entry.json?ts=<tag>`). */
  tag: string;
  /** Files every first search fetches, for the page to preload, relative to the bundle. */
  preloads: string[];
  /** Hex digits the page summaries are sharded by (0: one file). */
  digits: number;
}

/** The shipped index: every file to write into the bundle, and what the search page needs to know. */
export interface ShippedIndex extends IndexNames {
  files: IndexFile[];
  /** For the build log. */
  report: { recompressed: number; fragments: number; shards: number; pagefindKb: string; shippedKb: string };
}

/** A file Pagefind built, with its payload unzipped when Pagefind gzipped it. */
const unzipped = (file: IndexFile): IndexFile =>
  isGzipped(file.path) ? { path: file.path, content: gunzipPagefind(file.path, file.content) } : file;

/**
 * A file as the site ships it. One this pipeline unzipped (`raw`) is gzipped again, with
 * zopfli where that is worth its time (`isWorthZopfli`), else with zlib's best; any other
 * keeps Pagefind's own bytes.
 */
async function zipped(file: IndexFile, raw: boolean, cacheDir: string): Promise<IndexFile> {
  if (!raw || !isGzipped(file.path)) return file;
  const content = isWorthZopfli(file.path, file.content.length)
    ? await gzipSmallest(file.content, join(cacheDir, 'gzip'))
    : await gzipBest(file.content);
  return { path: file.path, content };
}

/**
 * Pagefind's files other than fragments, unzipped where `isRaw` says this pipeline reads or
 * changes them. An index Pagefind wrote as one chunk (a small collection) is re-cut, every
 * file unzipped; an index it already cut in several is left as it is, and only the metadata
 * and the WebAssembly (for zopfli) are unzipped: at 10,000 articles the word index is 132
 * chunks of up to 760 KB.
 */
function prepared(others: readonly IndexFile[], warn: (message: string) => void) {
  const chunks = others.filter((file) => file.path.startsWith('index/')).length;
  if (chunks <= 1) return { files: rechunk(others.map(unzipped), { warn }), isRaw: isGzipped };
  const isRaw = (path: string) => isMeta(path) || isWasm(path);
  return { files: others.map((file) => (isRaw(file.path) ? unzipped(file) : file)), isRaw };
}

/** Kilobytes of the gzipped payloads among `files`. */
const gzippedKb = (files: readonly IndexFile[]) =>
  (files.filter((file) => isGzipped(file.path)).reduce((sum, file) => sum + file.content.length, 0) / 1000).toFixed(1);

/** Pagefind's files (`built`, as its Node API would return them) as the site ships them. */
export async function shipIndex(
  built: readonly IndexFile[],
  { cacheDir, warn }: { cacheDir: string; warn: (message: string) => void },
): Promise<ShippedIndex> {
  const ours = built.filter((file) => isShipped(file.path));
  const { files, isRaw } = prepared(
    ours.filter((file) => !isFragment(file.path)),
    warn,
  );
  // A few files at a time: each gzip holds about 300 KB of zlib state from the moment it is
  // asked for, so 10,000 fragments asked for at once held 2.5 GB. A few per core keep every
  // thread of libuv's pool busy all the same.
  const limit = pLimit(2 * availableParallelism());
  const pages = ours.filter((file) => isFragment(file.path));
  const digits = summaryDigits(pages.length);
  // A page's opening and sections serve a search opened from a link, which has one file of
  // summaries preloaded; in shards, fetched as results need them, they would only add bytes.
  const paintable = digits === 0;
  const [others, fragments] = await Promise.all([
    Promise.all(files.map((file) => limit(() => zipped(file, isRaw(file.path), cacheDir)))),
    Promise.all(pages.map((file) => limit(() => shippedFragment(file, join(cacheDir, 'fragments'), { paintable })))),
  ]);
  const summaries = summariesById(fragments);
  const shards = [...Map.groupBy(summaries, ([id]) => summaryPath(id, digits))].map(([path, entries]): IndexFile => ({
    path,
    content: Buffer.from(`${JSON.stringify(Object.fromEntries(entries))}\n`, 'utf8'),
  }));
  const tag = indexTag(files);
  // One file of summaries is preloaded with the index files; shards are fetched as results need them.
  const preloads = [...firstSearchFiles(files), ...(digits === 0 ? [`${PAGE_SUMMARIES_FILE}?ts=${tag}`] : [])];
  const shipped = [...others, ...fragments.map((fragment) => fragment.file)];
  return {
    files: [...shipped, ...shards],
    tag,
    preloads,
    digits,
    report: {
      recompressed: files.filter((file) => isRaw(file.path)).length,
      fragments: fragments.length,
      shards: shards.length,
      pagefindKb: gzippedKb(ours),
      shippedKb: gzippedKb(shipped),
    },
  };
}
