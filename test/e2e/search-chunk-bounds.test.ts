/**
 * A range for each gap between the word index's chunk ranges (`boundChunks`,
 * src/integrations/pagefind/format.ts), on an index of many chunks whose common words each
 * end one, as a large collection's do: the seed's articles indexed by Pagefind in chunks of
 * 60 word locations, shipped once as Pagefind wrote them and once with the gaps' ranges.
 * Words of the articles, and other forms of them, each searched in a Pagefind of its own in
 * each: the same pages in the same order, and never more chunks fetched; words that begin
 * with a common word (`another`, `initiatives`) fetch fewer.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex, type IndexFile } from 'pagefind';
import { ARTICLES_DIR } from '../../src/config';
import { syncFolder } from '../../src/integrations/output-files';
import { boundChunks } from '../../src/integrations/pagefind/format';
import { vocabularyWithStems } from '../../src/integrations/pagefind/integration';
import { test } from '../support/site';

const PLAIN = 'pagefind-ranges-plain';
const MET = 'pagefind-ranges-met';

/** The seed's articles' Markdown bodies, each a page of the test index. */
const BODIES = readdirSync(ARTICLES_DIR).map((name) => ({
  url: `/articles/${name.replace(/\.md$/, '')}/`,
  content: readFileSync(join(ARTICLES_DIR, name), 'utf8').replace(/^---[\s\S]*?---/, ''),
}));

test.beforeAll(async ({ site }) => {
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '60';
  let files: IndexFile[];
  try {
    const { index } = await createIndex({ forceLanguage: 'en' });
    for (const page of BODIES) await index!.addCustomRecord({ ...page, language: 'en' });
    ({ files } = await index!.getFiles());
  } finally {
    delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    await close();
  }
  syncFolder(join(site.dist, PLAIN), files);
  const warnings: string[] = [];
  const vocabulary = await vocabularyWithStems(
    BODIES.map(({ content }) => content),
    'en',
  );
  syncFolder(
    join(site.dist, MET),
    boundChunks(files, vocabulary, (message) => warnings.push(message)),
  );
  assert.deepEqual(warnings, []);
});
test.afterAll(({ site }) => {
  for (const dir of [PLAIN, MET]) rmSync(join(site.dist, dir), { recursive: true, force: true });
});

test('ranges for the gaps find the same pages and fetch no more chunks; a word between ranges fetches fewer', async ({
  page,
  site,
}) => {
  assert.ok(readdirSync(join(site.dist, MET, 'index')).length > 20, 'an index of many chunks');
  const words = [...new Set(BODIES.flatMap(({ content }) => content.toLowerCase().match(/\p{L}{4,}/gu) ?? []))].sort();
  // Words that begin with a short common word, which may end a chunk (`intelligence`, `another`),
  // every 40th word, and other forms of each, which Pagefind stems to the same stem.
  const sample = words.filter((w, i) => (/^(?:in|on|of|to|a|i|the|is|at|be)./.test(w) ? i % 6 === 0 : i % 40 === 0));
  const queries = sample.flatMap((w) => [w, `${w}s`, `${w}ing`]);
  const bundles = [site.path(`${PLAIN}/`), site.path(`${MET}/`)];
  const runs: [string, number, string][][] = [[], []];
  for (const q of queries) {
    // A page of its own for each query, and a Pagefind of its own in it for each bundle: none
    // of the chunks an earlier search fetched.
    await page.goto(site.url);
    const rows = await page.evaluate(
      async ({ bundles, q }) => {
        const out: [string, number, string][] = [];
        for (const bundle of bundles) {
          const pagefind = await import(`${bundle}pagefind.js`);
          await pagefind.options({ noWorker: true, basePath: bundle });
          await pagefind.init();
          const chunks = () =>
            performance.getEntriesByType('resource').filter((e) => e.name.includes(`${bundle}index/`));
          const ids = (await pagefind.search(q)).results.map((r: { id: string }) => r.id).join(' ');
          out.push([q, chunks().length, ids]);
        }
        return out;
      },
      { bundles, q },
    );
    rows.forEach((row, b) => runs[b]!.push(row));
  }
  const [plain, met] = runs as [[string, number, string][], [string, number, string][]];
  const differ = met.filter(([, , ids], i) => ids !== plain[i]![2]).map(([q]) => q);
  assert.deepEqual(differ, [], 'the same pages in the same order');
  const more = met.filter(([, n], i) => n > plain[i]![1]).map(([q]) => q);
  assert.deepEqual(more, [], 'no word fetches more chunks');
  const fewer = met.filter(([, n], i) => n < plain[i]![1]);
  assert.ok(fewer.length > 0, `some words fetch fewer chunks (${queries.length} queries)`);
  const total = (rows: [string, number, string][]) => rows.reduce((sum, [, n]) => sum + n, 0);
  assert.ok(total(met) < total(plain), `${total(met)} chunks fetched against ${total(plain)}`);
});
