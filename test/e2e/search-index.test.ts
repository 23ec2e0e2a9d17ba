/**
 * Dossier cuts Pagefind's word index into smaller chunks (src/integrations/pagefind-chunks.ts).
 * This builds Pagefind's own index of the same site beside it and searches every word of the
 * articles, and the first letters of each, in both: the results must be the same pages in the
 * same order.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { close, createIndex } from 'pagefind';
import { ARTICLES_DIR } from '../../src/config';
import { DIST, sitePath, useSite } from '../support/site';

const REFERENCE = 'pagefind-reference';
const site = useSite();

before(async () => {
  rmSync(join(DIST, REFERENCE), { recursive: true, force: true });
  const { index } = await createIndex({ forceLanguage: 'en' });
  await index!.addDirectory({ path: DIST });
  await index!.writeFiles({ outputPath: join(DIST, REFERENCE) });
  await close();
});
after(() => rmSync(join(DIST, REFERENCE), { recursive: true, force: true }));

/** Every word of the articles, and its first one, two and three letters, as typed on the way. */
function queries(): string[] {
  const words = new Set<string>();
  for (const name of readdirSync(ARTICLES_DIR)) {
    const body = readFileSync(join(ARTICLES_DIR, name), 'utf8').replace(/^---[\s\S]*?---/, '');
    for (const word of body.toLowerCase().match(/\p{L}{2,}/gu) ?? []) {
      words.add(word).add(word.slice(0, 1)).add(word.slice(0, 2)).add(word.slice(0, 3));
    }
  }
  return [...words].sort();
}

test('the index in smaller chunks finds what Pagefind’s own finds, for every word of the articles', async () => {
  assert.ok(readdirSync(join(DIST, 'pagefind', 'index')).length > 1, 'the shipped index is in several chunks');
  const page = await (await site.browser.newContext()).newPage();
  await page.goto(site.server.url);
  const all = queries();
  const differ = await page.evaluate(
    async ({ all, bundles }) => {
      interface Pagefind {
        options(o: object): Promise<void>;
        init(): Promise<void>;
        search(q: string): Promise<{ results: { id: string }[] }>;
      }
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      const [ours, theirs] = (await Promise.all(bundles.map((b) => import(`${b}pagefind.js`)))) as Pagefind[];
      for (const [pagefind, bundle] of [
        [ours!, bundles[0]!],
        [theirs!, bundles[1]!],
      ] as const) {
        await pagefind.options({ noWorker: true, basePath: bundle });
        await pagefind.init();
      }
      const out: string[] = [];
      for (const q of all) {
        const a = (await ours!.search(q)).results.map((r) => r.id).join(' ');
        const b = (await theirs!.search(q)).results.map((r) => r.id).join(' ');
        if (a !== b) out.push(`${q}: ${a} ≠ ${b}`);
      }
      return out;
    },
    { all, bundles: [sitePath('pagefind/'), sitePath(`${REFERENCE}/`)] },
  );
  assert.ok(all.length > 2000, `${all.length} queries`);
  assert.deepEqual(differ, []);
});
