/**
 * A query of several words asks Pagefind only for the words that narrow it (query-plan.ts):
 * it finds what the whole query finds, ranks the article a reader means first, fetches no
 * chunk for the common words on the way, says what it left out, and the landing marks the
 * reader's words that were searched.
 */
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { commonWords, planQuery } from '../../src/browser/search/query-plan';
import { SITE } from '../../src/config';
import { articlesFromSeed } from '../support/seed-truth';
import { test } from '../support/site';

const COMMON = commonWords(SITE.lang);
const ARTICLES = articlesFromSeed();
const titled = (start: string) => ARTICLES.find((article) => article.title.startsWith(start))!.title;

/** Natural queries, as readers type them, with the article a reader means, where one stands out. */
const NATURAL: readonly [query: string, first?: string][] = [
  ['the war on drugs', titled('Tackling the Illicit Drug Trade')],
  ['the threat of heroin to russia', titled('Tackling the Illicit Drug Trade')],
  ['private security companies in africa', titled('Chinese Private Security Companies')],
  ['chinese companies along the belt and road', titled('Chinese Private Security Companies')],
  ['the impact of cyber security on foreign policy', titled('The Role of Information and Cyber Security')],
  ['the role of intelligence in foreign policy', titled('The Role of Information and Cyber Security')],
  ['what do decision makers need from intelligence', titled('Evolutions of Strategic Intelligence')],
  ['security of the region'],
  ['role of the state'],
  ['what is the future of intelligence'],
  ['cyber attacks on the critical infrastructure'],
];

/** Each query's result titles, searched with the Pagefind API at `bundle` in `page`, a page of the site. */
function titlesOf(page: Page, bundle: string, queries: readonly string[]): Promise<string[][]> {
  return page.evaluate(
    async ({ bundle, queries }) => {
      interface Pagefind {
        options(o: object): Promise<void>;
        init(): Promise<void>;
        search(q: string): Promise<{ results: { data(): Promise<{ meta: { title: string } }> }[] }>;
      }
      const pagefind = (await import(`${bundle}pagefind.js`)) as Pagefind;
      await pagefind.options({ noWorker: true, basePath: bundle });
      await pagefind.init();
      const out: string[][] = [];
      for (const q of queries) {
        const { results } = await pagefind.search(q);
        out.push(await Promise.all(results.map(async (result) => (await result.data()).meta.title)));
      }
      return out;
    },
    { bundle, queries },
  );
}

test('the narrowing words find every article the whole query finds, and the one a reader means first', async ({
  page,
  site,
}) => {
  await page.goto(site.url);
  const trimmed = NATURAL.map(([q]) => planQuery(q, COMMON).search);
  assert.ok(
    trimmed.every((search, i) => search !== NATURAL[i]![0]),
    'every natural query has a common word to leave out',
  );
  const [whole, narrowed] = [
    await titlesOf(
      page,
      site.path('pagefind/'),
      NATURAL.map(([q]) => q),
    ),
    await titlesOf(page, site.path('pagefind/'), trimmed),
  ];
  NATURAL.forEach(([q, first], i) => {
    for (const title of whole[i]!)
      assert.ok(narrowed[i]!.includes(title), `"${trimmed[i]}" finds ${title}, as "${q}" does`);
    if (first) assert.equal(narrowed[i]![0], first, `"${trimmed[i]}" ranks first what "${q}" means`);
    if (first && whole[i]!.length > 0) assert.equal(whole[i]![0], first, `"${q}" ranks it first too`);
  });
});

test('typed letter by letter, "the war on drugs" fetches nothing for its common words, and says what it left out', async ({
  site,
  newContext,
}) => {
  const context = await newContext();
  /** The index chunks a page fetched, by path. */
  const chunksOf = async (page: Page, act: () => Promise<void>) => {
    const chunks = new Set<string>();
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/pagefind/index/')) chunks.add(path);
    });
    await act();
    return chunks;
  };
  const box = (page: Page) => page.getByLabel('Search the articles');
  const status = (page: Page) => page.getByRole('status');

  const pasted = await context.newPage();
  await pasted.goto(`${site.url}search/`);
  const needed = await chunksOf(pasted, async () => {
    await box(pasted).fill('war drugs');
    await status(pasted).filter({ hasText: '“war drugs”' }).waitFor();
  });

  const typed = await (await newContext()).newPage();
  await typed.goto(`${site.url}search/`);
  const fetched = await chunksOf(typed, async () => {
    await box(typed).pressSequentially('the war on drugs', { delay: 20 });
    await status(typed).filter({ hasText: '“war drugs”' }).waitFor();
  });
  assert.deepEqual([...fetched].sort(), [...needed].sort(), 'only the chunks "war drugs" needs');
  assert.equal(await status(typed).innerText(), '1 result for “war drugs” (common words left out: “the”, “on”).');

  // The landing marks the reader's words that were searched, not every "the" of the article.
  const link = typed.locator('#search-results [data-result-link]').first();
  assert.match((await link.getAttribute('href'))!, /\?highlight=war&highlight=drugs$/u);
});

test('an exact phrase in quotation marks keeps every word, and a query of common words only searches them all', async ({
  page,
  site,
}) => {
  await page.goto(`${site.url}search/?q=${encodeURIComponent('“the drug trade”')}`);
  const status = page.getByRole('status');
  await status.filter({ hasText: '“the drug trade”' }).waitFor();
  assert.doesNotMatch(await status.innerText(), /left out/u);
  await page.goto(`${site.url}search/?q=${encodeURIComponent('what is the')}`);
  await status.filter({ hasText: '“what is the”' }).waitFor();
  assert.match(await status.innerText(), /^\d+ results? for “what is the”\.$/u);
});
