/**
 * Dossier ships Pagefind's index with two changes to its word index (src/integrations/pagefind/
 * format.ts): a small collection's cut in smaller chunks than Pagefind's default, and the
 * chunks' ranges made to meet, so that a word between two ranges loads one chunk, not every
 * chunk that may hold a prefix of it. This builds Pagefind's index of the same site with its
 * default, one chunk for these articles, beside it, and searches in both every word of the
 * articles, its first letters, and forms of it the articles may not hold (`-s`, `-ed`, `-ing`,
 * which Pagefind stems to the word's stem, and which fall between ranges): every word and form,
 * and every prefix of three letters, must find the same pages in the same order. A prefix of
 * one or two letters finds the same pages, but Pagefind looks a prefix up in the chunks whose
 * range holds it, so where a cut falls among the words it begins, their scores, and so the
 * order, may differ.
 */
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { articleWords, searchBoth, writeOwnIndex } from '../../tools/lib/pagefind-compare';
import { test } from '../support/site';

const REFERENCE = 'pagefind-reference';

test.beforeAll(async ({ site }) => {
  rmSync(join(site.dist, REFERENCE), { recursive: true, force: true });
  await writeOwnIndex(site.dist, join(site.dist, REFERENCE), 'en');
});
test.afterAll(({ site }) => rmSync(join(site.dist, REFERENCE), { recursive: true, force: true }));

/** Every word of the articles, its first one, two and three letters (typed on the way) and other forms of it. */
function queries(): string[] {
  const words = new Set<string>();
  for (const word of articleWords(2)) {
    words.add(word).add(word.slice(0, 1)).add(word.slice(0, 2)).add(word.slice(0, 3));
    if (word.length > 3) words.add(`${word}s`).add(`${word}ed`).add(`${word}ing`);
  }
  return [...words].sort();
}

test('the index as shipped finds what Pagefind’s default finds, for every word of the articles and other forms of it', async ({
  page,
  site,
}) => {
  assert.ok(readdirSync(join(site.dist, 'pagefind', 'index')).length > 1, 'the shipped index is in several chunks');
  await page.goto(site.url);
  const all = queries();
  const results = await searchBoth(page, [site.path('pagefind/'), site.path(`${REFERENCE}/`)], all);
  const differ = results
    .map(([q, a, b]) =>
      q.length > 2 ? [q, a.join(' '), b.join(' ')] : [q, [...a].sort().join(' '), [...b].sort().join(' ')],
    )
    .filter(([, a, b]) => a !== b)
    .map(([q, a, b]) => `${q}: ${a} ≠ ${b}`);
  assert.ok(all.length > 2000, `${all.length} queries`);
  assert.deepEqual(differ, []);
});
