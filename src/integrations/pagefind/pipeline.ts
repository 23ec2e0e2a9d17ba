/**
 * Pagefind's files as Dossier ships them: files in, files out, nothing written. Pagefind's own
 * UIs dropped; every other file as Pagefind wrote it; the page summaries read from its
 * fragments, in one file or in shards (`summaryPath`); and what the search page must be told:
 * the index's tag, the files a first search fetches and the shard digits. What is read of
 * Pagefind's files is `pagefind/format.ts`'s to know.
 */
import type { IndexFile } from 'pagefind';
import { NO_SUMMARIES, PAGE_SUMMARIES_FILE, summaryDigits, summaryPath, type PageSummary } from '../../facts';
import { isFragment, isShipped, resultId, type PagefindFormat } from './format';

/** What the search page is told of the index it searches (`nameIndex`). */
export interface IndexNames {
  /** The index's name: it changes whenever the index does (`pagefind-entry.json?ts=<tag>`). */
  tag: string;
  /** Files every first search fetches, for the page to preload, relative to the bundle. */
  preloads: string[];
  /** Hex digits the page summaries are sharded by (0: one file), or `NO_SUMMARIES`. */
  digits: number;
}

/** The shipped index: every file to write into the bundle, and what the search page needs to know. */
export interface ShippedIndex extends IndexNames {
  files: IndexFile[];
  /** For the build log. */
  report: { fragments: number; summaries: number; shards: number; shippedKb: string };
}

/** Kilobytes of `files`. */
const kb = (files: readonly IndexFile[]) =>
  (files.reduce((sum, file) => sum + file.content.length, 0) / 1000).toFixed(1);

/** Pagefind's files (`built`, as its Node API would return them) as the site ships them. */
export function shipIndex(built: readonly IndexFile[], format: PagefindFormat): ShippedIndex {
  const ours = built.filter((file) => isShipped(file.path));
  const pages = ours.filter((file) => isFragment(file.path));
  const digits = summaryDigits(pages.length);
  // A page's opening and sections serve a search opened from a link, which has one file of
  // summaries preloaded; in shards, fetched as results need them, they would only add bytes.
  const paintable = digits === 0;
  const summaries = pages
    .flatMap((file): [string, PageSummary][] => {
      const summary = format.summary(file.path, file.content, { paintable });
      return summary ? [[resultId(file.path), summary]] : [];
    })
    .sort(([a], [b]) => a.localeCompare(b));
  const shards = [...Map.groupBy(summaries, ([id]) => summaryPath(id, digits))].map(([path, entries]): IndexFile => ({
    path,
    content: Buffer.from(`${JSON.stringify(Object.fromEntries(entries))}\n`, 'utf8'),
  }));
  const tag = format.tag(ours);
  // One file of summaries is preloaded with the index files; shards are fetched as results need them.
  const summaryFile = digits === 0 && shards.length > 0 ? [`${PAGE_SUMMARIES_FILE}?ts=${tag}`] : [];
  const files = [...ours, ...shards];
  return {
    files,
    tag,
    preloads: [...format.preloads(ours), ...summaryFile],
    digits: summaries.length > 0 ? digits : NO_SUMMARIES,
    report: { fragments: pages.length, summaries: summaries.length, shards: shards.length, shippedKb: kb(files) },
  };
}
