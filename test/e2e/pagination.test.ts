/**
 * A collection large enough to paginate: 230 synthetic articles (`tools/synthetic-seeds.ts`)
 * are ingested into a scratch folder and built into a scratch site. Every list shows at most
 * 50 articles a page, with numbered page links, `rel` links and a canonical and title of its
 * own, and every article can be reached page by page from the home page and from each of its
 * tags, with and without JavaScript.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { seedSample } from '../../tools/seed-sample';
import { syntheticSeeds } from '../../tools/synthetic-seeds';
import { PAGE_SIZE } from '../../src/collection/pagination';
import { TAGS } from '../../src/tags';
import { articlesFromSeed, type ArticleTruth } from '../support/seed-truth';
import { test } from '../support/site';
import { serveStatic, type StaticServer } from '../../tools/lib/static-server';

const ARTICLES = 230;
/** The scratch folder of seeds, content and build, made before the tests and removed after. */
let scratch: string;
let content: string;
let dist: string;
let articles: ArticleTruth[];
let server: StaticServer;
/** The base path the scratch site is built for: the project's. */
let base: string;

test.beforeAll(async ({ site }) => {
  base = site.base;
  scratch = mkdtempSync(join(tmpdir(), 'dossier-pages-'));
  content = join(scratch, 'content');
  dist = join(scratch, 'dist');
  const seeds = join(scratch, 'seeds');
  mkdirSync(seeds);
  for (const seed of syntheticSeeds(ARTICLES, seedSample())) writeFileSync(join(seeds, seed.name), seed.text);
  execFileSync('node_modules/.bin/tsx', ['src/ingest/cli.ts', '--seeds', seeds, '--out', content], { stdio: 'ignore' });
  execFileSync('node_modules/.bin/astro', ['build', '--outDir', dist], {
    env: {
      ...process.env,
      ARTICLES_DIR: content,
      ASTRO_CACHE_DIR: join(scratch, 'astro-cache'),
      DOSSIER_CACHE_DIR: join(scratch, 'build-cache'),
      BASE_PATH: base,
    },
    stdio: 'ignore',
  });
  articles = articlesFromSeed(content);
  server = await serveStatic({ root: dist, base });
});
test.afterAll(async () => {
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A site path under the base, as the built links spell it. */
const path = (rest = '') => `${base}${rest}`;

interface ListPage {
  path: string;
  title: string;
  canonical: string | null;
  prev: string | null;
  next: string | null;
  /** Article links of the list, in order. */
  articles: string[];
  /** The pager: link text and path, and which link is marked current. */
  pager: { text: string; href: string; current: boolean; rel: string | null }[];
}

async function readListPage(page: Page, at: string): Promise<ListPage> {
  await page.goto(new URL(at, server.url).href);
  /** An attribute of the first element matching `selector`, a URL resolved against the page. */
  const attr = (selector: string, name: string) =>
    page
      .locator(selector)
      .evaluateAll((els, name) => els[0]?.getAttribute(name) ?? null, name)
      .then((value) => (value === null ? null : new URL(value, page.url()).href));
  return {
    path: at,
    title: await page.title(),
    canonical: await attr('head link[rel="canonical"]', 'href'),
    prev: await attr('head link[rel="prev"]', 'href'),
    next: await attr('head link[rel="next"]', 'href'),
    articles: await page
      .locator('main article h2 a')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname)),
    pager: await page.locator('main nav a').evaluateAll((links) =>
      links.map((link) => ({
        text: (link.textContent ?? '').replace(/\s+/g, ' ').trim(),
        href: new URL((link as HTMLAnchorElement).href).pathname,
        current: link.getAttribute('aria-current') === 'page',
        rel: link.getAttribute('rel'),
      })),
    ),
  };
}

/** Every page of a list, followed from its first page by its `rel="next"` links. */
async function walkList(page: Page, first: string): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  for (let at: string | null = first; at; at = pages.at(-1)!.next && new URL(pages.at(-1)!.next!).pathname) {
    pages.push(await readListPage(page, at));
    assert.ok(pages.length <= 100, `${first}: the rel="next" links run on past 100 pages`);
  }
  return pages;
}

/** What every page of a paginated list must be, with the articles it must list in order. */
function assertPaginated(pages: ListPage[], expected: string[], name: string) {
  const last = Math.ceil(expected.length / PAGE_SIZE);
  assert.equal(pages.length, last, `${name}: ${last} pages of ${PAGE_SIZE}`);
  assert.deepEqual(
    pages.flatMap((page) => page.articles),
    expected,
    `${name}: every article once, in seed order, page after page`,
  );
  const origin = new URL(pages[0]!.canonical!).origin;
  pages.forEach((page, i) => {
    const n = i + 1;
    assert.ok(page.articles.length <= PAGE_SIZE, `${page.path}: at most ${PAGE_SIZE} articles`);
    assert.equal(page.path, n === 1 ? pages[0]!.path : `${pages[0]!.path}${n}/`);
    assert.equal(page.canonical, `${origin}${page.path}`, `${page.path}: its own canonical link`);
    assert.equal(page.prev && new URL(page.prev).pathname, pages[i - 1]?.path ?? null, `${page.path}: rel="prev"`);
    assert.equal(page.next && new URL(page.next).pathname, pages[i + 1]?.path ?? null, `${page.path}: rel="next"`);
    if (n > 1) assert.match(page.title, new RegExp(`page ${n} of ${last}`), `${page.path}: a title of its own`);
    // The pager: numbered links that include the first, last and current pages, the current marked.
    const numbers = page.pager.filter((link) => /^Page \d+$/.test(link.text));
    assert.deepEqual(
      numbers.filter((link) => link.current).map((link) => link.text),
      [`Page ${n}`],
    );
    for (const shown of [1, n, last]) {
      assert.equal(numbers.find((link) => link.text === `Page ${shown}`)?.href, pages[shown - 1]!.path);
    }
    assert.equal(page.pager.find((link) => link.rel === 'next')?.href ?? null, pages[i + 1]?.path ?? null);
    assert.equal(page.pager.find((link) => link.rel === 'prev')?.href ?? null, pages[i - 1]?.path ?? null);
  });
  assert.equal(new Set(pages.map((page) => page.title)).size, pages.length, `${name}: every page titled apart`);
}

const articlePath = (slug: string) => path(`articles/${encodeURI(slug)}/`);

test(`the home pages list all ${ARTICLES} articles, ${PAGE_SIZE} a page, linked in order`, async ({ page }) => {
  assert.equal(articles.length, ARTICLES);
  assertPaginated(
    await walkList(page, path()),
    articles.map((article) => articlePath(article.slug)),
    'home',
  );
});

test('each tag page lists exactly its articles, 50 a page, linked in order', async ({ page }) => {
  for (const tag of TAGS) {
    const expected = articles.filter((article) => article.tags.includes(tag.label));
    assert.ok(expected.length > PAGE_SIZE, `the collection has more than one page of ${tag.label}`);
    assertPaginated(
      await walkList(page, path(`tags/${tag.slug}/`)),
      expected.map((article) => articlePath(article.slug)),
      tag.label,
    );
  }
});

test('the tag index counts every article of each tag', async ({ newContext }) => {
  const page = await (await newContext()).newPage();
  await page.goto(new URL(path('tags/'), server.url).href);
  for (const tag of TAGS) {
    const count = articles.filter((article) => article.tags.includes(tag.label)).length;
    const heading = page.locator('main h2', { has: page.getByRole('link', { name: tag.label, exact: true }) });
    assert.match((await heading.textContent()) ?? '', new RegExp(`(?:^|\\D)${count} articles\\b`));
  }
  await page.context().close();
});

test('without JavaScript, the search page lists the first 50 articles and links the pages of the rest', async ({
  newContext,
}) => {
  const page = await (await newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(new URL(path('search/'), server.url).href);
  const fallback = page.locator('#search-fallback');
  const listed = await fallback
    .locator(':scope > ul a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  assert.deepEqual(
    listed,
    articles.slice(0, PAGE_SIZE).map((article) => articlePath(article.slug)),
  );
  const pager = await fallback
    .getByRole('navigation', { name: 'Pages of articles' })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  const last = Math.ceil(ARTICLES / PAGE_SIZE);
  assert.ok(pager.includes(path('2/')) && pager.includes(path(`${last}/`)), `links pages 2 and ${last}: ${pager}`);
  await page.context().close();
});

test('a search of the large collection shows titles from the summary shards its results need, not one list of all', async ({
  newContext,
}) => {
  const page = await (await newContext()).newPage();
  const fetched: string[] = [];
  page.on('response', (response) => {
    if (response.ok()) fetched.push(new URL(response.url()).pathname);
  });
  await page.goto(new URL(path('search/?q=security'), server.url).href);
  const titles = page.locator('#search-results [data-result-link]');
  await titles.first().waitFor();
  const shown = await titles.allTextContents();
  assert.equal(shown.length, 10);
  const known = new Set(articles.map((article) => article.title));
  for (const title of shown) assert.ok(known.has(title.trim()), `"${title.trim()}" is an article's title`);
  const summaries = fetched.filter((url) => url.includes('/pagefind/dossier-pages'));
  assert.ok(summaries.length > 0, 'summary shards found');
  assert.ok(
    summaries.every((url) => /\/pagefind\/dossier-pages\/[0-9a-f]+\.json$/.test(url)),
    `only shards named by hex digits: ${summaries.join(', ')}`,
  );
  assert.ok(summaries.length <= 10, 'at most a shard per result shown');
  await page.context().close();
});

test(`the feed carries the first ${PAGE_SIZE} articles of the home page, in its order, with their full text`, () => {
  const feed = readFileSync(join(dist, 'rss.xml'), 'utf8');
  const links = [...feed.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => new URL(match[1]!).pathname);
  assert.deepEqual(
    links,
    articles.slice(0, PAGE_SIZE).map((article) => articlePath(article.slug)),
  );
  const last = articles[PAGE_SIZE - 1]!;
  assert.ok(feed.includes(last.blocks.at(-1)!), 'the last item carries its last paragraph');
});
