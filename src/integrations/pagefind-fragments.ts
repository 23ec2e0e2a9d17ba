/**
 * Pagefind's fragments as the site ships them, with the page summaries read from them. A
 * fragment is one page's text and data; at 10,000 articles, unzipping, trimming and gzipping
 * again 10,000 of them was most of a rebuild's index post-processing (12 s), though one
 * article changed. So each fragment's result is kept in the build cache under the hash of the
 * bytes Pagefind wrote and of the code that reads them (`FRAGMENT_RECIPE`): a rebuild redoes
 * only the fragments of pages that changed, and a hit is the very bytes a miss would make.
 */
import type { IndexFile } from 'pagefind';
import type { PageSummary } from '../facts';
import { cacheKey, cachedFile } from '../utils/build-cache';
import { gzipBest } from './gzip';
import { FRAGMENT_RECIPE, gunzipPagefind, readFragment } from './pagefind-files';

/** A fragment as shipped, its result id (`en_8d3f2a1`) and the summary of its page. */
export interface ShippedFragment {
  file: IndexFile;
  id: string;
  summary: PageSummary;
}

/**
 * The fragment Pagefind wrote (gzipped) as the site ships it, from the cache in `cacheDir`
 * when it holds it; `paintable` as `readFragment` takes it. One cache file per fragment (10,000 small writes cost seconds here): the
 * summary as a line of JSON (which has no raw line break), then the shipped gzip bytes.
 */
export async function shippedFragment(
  file: IndexFile,
  cacheDir: string,
  { paintable = true }: { paintable?: boolean } = {},
): Promise<ShippedFragment> {
  const key = cacheKey(FRAGMENT_RECIPE, paintable ? 'paintable' : 'plain', file.content);
  const entry = await cachedFile(cacheDir, `${key}.fragment`, async () => {
    const { summary, trimmed } = readFragment(gunzipPagefind(file.path, file.content), { paintable });
    return Buffer.concat([Buffer.from(`${JSON.stringify(summary)}\n`, 'utf8'), await gzipBest(trimmed)]);
  });
  const newline = entry.indexOf(0x0a);
  return {
    file: { path: file.path, content: entry.subarray(newline + 1) },
    id: file.path.replace(/^.*\//, '').replace(/\.pf_fragment$/, ''),
    summary: JSON.parse(entry.toString('utf8', 0, newline)) as PageSummary,
  };
}

/** The page summaries of `fragments` by result id, in id order. */
export const summariesById = (fragments: readonly ShippedFragment[]): [string, PageSummary][] =>
  fragments
    .map((fragment): [string, PageSummary] => [fragment.id, fragment.summary])
    .sort(([a], [b]) => a.localeCompare(b));
