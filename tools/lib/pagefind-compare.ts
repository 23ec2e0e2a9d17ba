/**
 * Two Pagefind indexes of one build, searched side by side: the browser test of the re-cut
 * index and `tools/stemming.ts` both build a second index beside `pagefind/` and put every
 * word of the articles to both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import type { Page } from 'playwright-core';
import { ARTICLES_DIR } from '../../src/config';

/** Every word of the articles' bodies, lower-cased, of at least `min` letters. */
export function articleWords(min: number): Set<string> {
  const words = new Set<string>();
  for (const name of readdirSync(ARTICLES_DIR)) {
    const body = readFileSync(join(ARTICLES_DIR, name), 'utf8').replace(/^---[\s\S]*?---/, '');
    for (const word of body.toLowerCase().match(new RegExp(`\\p{L}{${min},}`, 'gu')) ?? []) words.add(word);
  }
  return words;
}

/** Write Pagefind's own index of the build in `site` to `outputPath`, as Pagefind cuts it. */
export async function writeOwnIndex(site: string, outputPath: string, forceLanguage: string): Promise<void> {
  const { index, errors } = await createIndex({ forceLanguage });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  await index.addDirectory({ path: site });
  await index.writeFiles({ outputPath });
  await close();
}

/**
 * Each query's result ids in the two bundles (URL paths ending in `/`), searched in `page`,
 * which must be a page of the site that serves them.
 */
export function searchBoth(
  page: Page,
  bundles: [string, string],
  queries: readonly string[],
): Promise<[query: string, first: string[], second: string[]][]> {
  return page.evaluate(
    async ({ bundles, queries }) => {
      interface Pagefind {
        options(o: object): Promise<void>;
        init(): Promise<void>;
        search(q: string): Promise<{ results: { id: string }[] }>;
      }
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      const loaded = (await Promise.all(bundles.map((b) => import(`${b}pagefind.js`)))) as Pagefind[];
      for (const [i, pagefind] of loaded.entries()) {
        await pagefind.options({ noWorker: true, basePath: bundles[i] });
        await pagefind.init();
      }
      const out: [string, string[], string[]][] = [];
      for (const q of queries) {
        const [a, b] = [(await loaded[0]!.search(q)).results, (await loaded[1]!.search(q)).results];
        out.push([q, a.map((r) => r.id), b.map((r) => r.id)]);
      }
      return out;
    },
    { bundles, queries },
  );
}
