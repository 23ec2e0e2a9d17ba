/**
 * `npx tsx tools/stemming.ts` (after `npm run build`): what Pagefind's English stemmer buys
 * and costs on these articles. Builds a second index of `dist/` without a stemmer, prints both
 * indexes' sizes, then searches every word of the articles in both, in Chromium, and counts
 * the words that find fewer articles without stemming.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './lib/browser';
import { articleWords, searchBoth, writeOwnIndex } from './lib/pagefind-compare';
import { serveStatic } from './lib/static-server';

const PLAIN = 'pagefind-unstemmed';
const out = join('dist', PLAIN);

/** Bytes of the WebAssembly and the word index, as Pagefind wrote them and the site ships them. */
function shipped(dir: string, language: string) {
  const indexDir = join(dir, 'index');
  const index = readdirSync(indexDir).reduce((sum, name) => sum + statSync(join(indexDir, name)).size, 0);
  return { wasm: statSync(join(dir, `wasm.${language}.pagefind`)).size, index };
}

rmSync(out, { recursive: true, force: true });
try {
  await writeOwnIndex('dist', out, 'unknown');
  const queries = [...articleWords(3)].sort();

  const server = await serveStatic({ root: 'dist' });
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    const counts = (await searchBoth(page, ['/pagefind/', `/${PLAIN}/`], queries)).map(
      ([q, a, b]) => [q, a.length, b.length] as const,
    );
    const fewer = counts.filter(([, a, b]) => b < a);
    const more = counts.filter(([, a, b]) => b > a);
    const en = shipped(join('dist', 'pagefind'), 'en');
    const unknown = shipped(out, 'unknown');
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
