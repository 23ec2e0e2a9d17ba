/**
 * `npx tsx scripts/stemming.ts` (after `npm run build`): what Pagefind's English stemmer buys
 * and costs on these articles. Builds a second index of `dist/` without a stemmer, prints both
 * indexes' sizes, then searches every word of the articles in both, in Chromium, and counts
 * the words that find fewer articles without stemming.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { launchBrowser } from '../test/support/browser';
import { serveStatic } from '../test/support/static-server';
import { ARTICLES_DIR } from '../src/config';
import { gzipSmallest } from '../src/integrations/gzip-smallest';
import { gunzipPagefind } from '../src/integrations/pagefind-files';

const PLAIN = 'pagefind-unstemmed';
const out = join('dist', PLAIN);

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: unknown[] }>;
}

/**
 * Bytes of the WebAssembly and the word index as Dossier ships them: `dist/pagefind` is so
 * already; the unstemmed index is recompressed here the same way.
 */
async function shipped(dir: string, language: string) {
  const size = async (path: string) =>
    dir === out ? (await gzipSmallest(gunzipPagefind(path, readFileSync(path)))).length : statSync(path).size;
  const indexDir = join(dir, 'index');
  let index = 0;
  for (const name of readdirSync(indexDir)) index += await size(join(indexDir, name));
  return { wasm: await size(join(dir, `wasm.${language}.pagefind`)), index };
}

rmSync(out, { recursive: true, force: true });
try {
  const { index } = await createIndex({ forceLanguage: 'unknown' });
  await index!.addDirectory({ path: 'dist' });
  await index!.writeFiles({ outputPath: out });
  await close();

  const words = new Set<string>();
  for (const name of readdirSync(ARTICLES_DIR)) {
    const body = readFileSync(join(ARTICLES_DIR, name), 'utf8').replace(/^---[\s\S]*?---/, '');
    for (const word of body.toLowerCase().match(/\p{L}{3,}/gu) ?? []) words.add(word);
  }
  const queries = [...words].sort();

  const server = await serveStatic({ root: 'dist' });
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    const counts = await page.evaluate(
      async ({ queries, plain }) => {
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const [stemmed, unstemmed] = (await Promise.all(
          ['pagefind', plain].map((dir) => import(`/${dir}/pagefind.js`)),
        )) as Pagefind[];
        for (const [pagefind, dir] of [
          [stemmed!, 'pagefind'],
          [unstemmed!, plain],
        ] as const) {
          await pagefind.options({ noWorker: true, basePath: `/${dir}/` });
          await pagefind.init();
        }
        const out: [string, number, number][] = [];
        for (const q of queries) {
          out.push([q, (await stemmed!.search(q)).results.length, (await unstemmed!.search(q)).results.length]);
        }
        return out;
      },
      { queries, plain: PLAIN },
    );
    const fewer = counts.filter(([, a, b]) => b < a);
    const more = counts.filter(([, a, b]) => b > a);
    const en = await shipped(join('dist', 'pagefind'), 'en');
    const unknown = await shipped(out, 'unknown');
    console.log(`As shipped: WebAssembly ${en.wasm} B with the English stemmer, ${unknown.wasm} B without;`);
    console.log(`word index ${en.index} B stemmed, ${unknown.index} B not.`);
    console.log(
      `${queries.length} words of the articles searched: ${fewer.length} find fewer articles without stemming, ${more.length} more.`,
    );
    console.log(
      `fewer, e.g.: ${fewer
        .slice(0, 12)
        .map(([q, a, b]) => `${q} ${a}→${b}`)
        .join(', ')}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
