/**
 * A publisher's own articles and tags: the two examples of docs/writing.md (the README shows
 * the first), a dated article with a tag
 * the vocabulary gains, a draft and a file named with `_`, built beside the seed's articles in
 * a scratch site; and articles with a mistake, which stop the build with one line.
 */
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { devServer } from '../support/dev-server';
import { htmlValidateProblems, vnuErrors } from '../support/html-checks';
import { buildScratchSite, type ScratchSite } from '../support/scratch-site';
import { articlesFromSeed } from '../support/seed-truth';
import { test, type NewContext } from '../support/site';
import { serveStatic, type StaticServer } from '../../tools/lib/static-server';

/** A document's examples of an article written by hand, as `file name → contents`. */
const examplesIn = (doc: string): Record<string, string> =>
  Object.fromEntries(
    [...readFileSync(doc, 'utf8').matchAll(/```markdown title="content\/articles\/([^"]+)"\n([\s\S]*?)\n```/gu)].map(
      ([, name, contents]) => [name!, `${contents}\n`],
    ),
  );

/** The publishers' guide's examples (docs/writing.md); the README shows the smallest of them. */
const EXAMPLES = examplesIn('docs/writing.md');

/** The site's vocabulary, and two tags more: one an article carries, one none does. */
const TAGS = `${readFileSync('content/tags.yml', 'utf8')}
- slug: energy
  label: energy
  description: Oil, gas and the power that flows with them.
  words: [energy, oil, gas pipeline*]

- slug: trade
  label: trade
  description: Goods, tariffs and the routes they take.
  words: [tariff*]
`;

const OWN = {
  'pipelines.md':
    '---\ntitle: Pipelines Under the Baltic\ndate: 2025-06-01\ntags: [energy]\n---\n\nTwo gas pipelines run under the Baltic Sea.\n',
  'draft-idea.md': '---\ntitle: An Idea Not Yet Written\ndraft: true\n---\n\nQuinquagintaquadringentilliard.\n',
  '_private.md': '---\ntitle: Private Notes\n---\n\nSesquipedalianism.\n',
};

const SEED_ARTICLES = readdirSync('content/articles').filter((name) => name.endsWith('.md'));
let scratch: ScratchSite;
let server: StaticServer;

test.beforeAll(async ({ site }) => {
  assert.deepEqual(Object.keys(EXAMPLES), ['my-note.md', 'caspian-route.md'], 'the guide shows both examples');
  assert.deepEqual(examplesIn('README.md'), { 'my-note.md': EXAMPLES['my-note.md'] }, 'the README shows the guide’s');
  scratch = buildScratchSite(
    {
      ...Object.fromEntries(SEED_ARTICLES.map((name) => [name, readFileSync(join('content/articles', name), 'utf8')])),
      ...EXAMPLES,
      ...OWN,
    },
    site.base,
    TAGS,
  );
  assert.equal(scratch.status, 0, scratch.output);
  server = await serveStatic({ root: scratch.dist, base: site.base });
});
test.afterAll(async () => {
  await server?.close();
  scratch?.remove();
});

/** Open `path` of the scratch site in a page of its own. */
const page = async (newContext: NewContext, path = '') => {
  const tab = await (await newContext()).newPage();
  const response = await tab.goto(`${server.url}${path}`);
  return { tab, status: response?.status() };
};
const text = async (path: string) => (await fetch(`${server.url}${path}`)).text();
const SEED_TITLES = articlesFromSeed().map((article) => article.title);

test('the build of a site with its own articles and tags prints no warning', () => {
  assert.doesNotMatch(scratch.output, /warn/iu);
});

test('new material comes first: dated newest first, then written by hand, then the seed’s in seed order', async ({
  newContext,
}) => {
  const { tab } = await page(newContext);
  assert.deepEqual(await tab.locator('main article h2').allInnerTexts(), [
    'The Caspian Route',
    'Pipelines Under the Baltic',
    'A Note on Method',
    ...SEED_TITLES,
  ]);
});

test('the smallest example is an article: its page, its paragraph as description, no byline', async ({
  newContext,
}) => {
  const { tab, status } = await page(newContext, 'articles/my-note/');
  assert.equal(status, 200);
  assert.equal(await tab.locator('h1').innerText(), 'A Note on Method');
  assert.deepEqual(
    (await tab.locator('#article-body > p').allInnerTexts()).map((p) => p.trim()),
    ['Every article on this site is kept word for word as its source printed it.'],
  );
  assert.doesNotMatch(await tab.locator('main article header').innerText(), /\bBy\b/u);
  assert.equal(
    await tab.locator('meta[name="description"]').getAttribute('content'),
    'Every article on this site is kept word for word as its source printed it.',
  );
});

test('the full example shows every field: section, byline, date, tags, partner, its Markdown as prose', async ({
  newContext,
}) => {
  const { tab } = await page(newContext, 'articles/caspian-route/');
  const header = tab.locator('main article header');
  assert.match(await header.innerText(), /^ANALYSIS\n/u);
  // The date as the site's language (`en`) writes it.
  assert.match(await header.innerText(), /By Ana Gómez and Li Wei · December 1, 2026 · 1 min read/u);
  assert.equal(await header.locator('time').getAttribute('datetime'), '2026-12-01');
  assert.deepEqual(await tab.getByRole('list', { name: 'Tags' }).getByRole('link').allInnerTexts(), ['drugs']);
  assert.equal(await tab.locator('#article-body h2').innerText(), 'Why the sea');
  assert.equal(await tab.locator('#article-body blockquote').count(), 1);
  assert.equal(await tab.locator('#article-body ul > li').count(), 3);
  assert.equal(await tab.getByText(/^From our partner /u).innerText(), 'From our partner RIAC');
  const quoteStyle = await tab
    .locator('#article-body blockquote')
    .evaluate((el) => getComputedStyle(el).borderInlineStartWidth);
  assert.equal(quoteStyle, '3px', 'a quotation is set off from the text');
  const ld = JSON.parse((await tab.locator('script[type="application/ld+json"]').textContent())!);
  assert.equal(ld.datePublished, '2026-12-01T00:00:00.000Z');
  assert.equal(
    await tab.locator('meta[property="article:published_time"]').getAttribute('content'),
    '2026-12-01T00:00:00.000Z',
  );
  // Cited with both of its authors and its date, in the references and for citation tools.
  const url = await tab.locator('link[rel="canonical"]').getAttribute('href');
  assert.equal(
    (await tab.locator('[data-cite] dd').first().textContent())!.replace(/\s+/gu, ' ').trim(),
    `Gómez, A., & Wei, L. (2026, December 1). The Caspian Route. Dossier. ${url}`,
  );
  assert.deepEqual(
    await tab
      .locator('meta[name="citation_author"]')
      .evaluateAll((metas) => metas.map((m) => m.getAttribute('content'))),
    ['Gómez, Ana', 'Wei, Li'],
  );
  assert.equal(await tab.locator('meta[name="citation_publication_date"]').getAttribute('content'), '2026/12/01');
});

test('the pages of hand-written Markdown are valid HTML, and axe finds nothing in either theme', async ({
  newContext,
}) => {
  assert.deepEqual(await htmlValidateProblems(scratch.dist), []);
  assert.deepEqual(await vnuErrors(scratch.dist), []);
  for (const colorScheme of ['light', 'dark'] as const) {
    const tab = await (await newContext({ colorScheme })).newPage();
    for (const path of ['', 'articles/caspian-route/', 'articles/my-note/', 'tags/energy/']) {
      await tab.goto(`${server.url}${path}`);
      const { violations } = await new AxeBuilder({ page: tab }).analyze();
      assert.deepEqual(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
        `${colorScheme} /${path}`,
      );
    }
  }
});

test('written by hand, an article is in the feed (dated where it gives a date), the sitemap, and has a social image', async () => {
  const feed = new XMLParser().parse(await text('rss.xml'));
  const items = feed.rss.channel.item as { title: string; pubDate?: string }[];
  assert.equal(items[0]!.title, 'The Caspian Route');
  assert.equal(items[0]!.pubDate, 'Tue, 01 Dec 2026 00:00:00 GMT');
  assert.equal(items.find((item) => item.title === 'A Note on Method')?.pubDate, undefined);
  const sitemap = await text('sitemap-0.xml');
  for (const slug of ['my-note', 'caspian-route', 'pipelines'])
    assert.match(sitemap, new RegExp(`/articles/${slug}/<`, 'u'));
  const image = await fetch(`${server.url}og/caspian-route.png`);
  assert.equal(image.headers.get('content-type'), 'image/png');
});

test('written by hand, an article is found by search, and leads to its neighbours and related articles', async ({
  site,
  newContext,
}) => {
  const { tab } = await page(newContext, 'search/?q=Turkmenbashi');
  await tab.locator('#search-results li').first().waitFor();
  assert.deepEqual(await tab.locator('#search-results h2').allInnerTexts(), ['The Caspian Route']);
  const article = (await page(newContext, 'articles/caspian-route/')).tab;
  assert.equal(await article.locator('a[rel="next"]').getAttribute('href'), `${site.base}articles/pipelines/`);
  const related = await article.getByRole('region', { name: 'Related' }).getByRole('link').allInnerTexts();
  assert.ok(related.includes('Tackling the Illicit Drug Trade: Perspectives From Russia'), related.join(' | '));
});

test('a draft and a file named with `_` are published nowhere: no page, card, feed item, sitemap entry or search result', async ({
  newContext,
}) => {
  for (const slug of ['draft-idea', '_private', 'private'])
    assert.equal((await page(newContext, `articles/${slug}/`)).status, 404);
  const everywhere = [await text(''), await text('rss.xml'), await text('sitemap-0.xml'), await text('search/')].join(
    '\n',
  );
  for (const title of ['An Idea Not Yet Written', 'Private Notes', 'draft-idea', '_private']) {
    assert.ok(!everywhere.includes(title), `${title} is not published`);
  }
  const { tab } = await page(newContext, 'search/?q=Quinquagintaquadringentilliard');
  await tab.locator('#search-status:not(:empty)').waitFor();
  assert.equal(await tab.locator('#search-results li').count(), 0);
});

test('in npm run dev, a draft is shown with the rest, and a `_` file still is not', async ({ site }) => {
  const dev = await devServer(scratch.dist, site.base, {
    ARTICLES_DIR: scratch.articles,
    TAGS_FILE: join(scratch.dir, 'tags.yml'),
    ASTRO_CACHE_DIR: join(scratch.dir, 'cache'),
  });
  try {
    assert.equal((await fetch(`${dev.url}articles/draft-idea/`)).status, 200);
    assert.match(await (await fetch(dev.url)).text(), /An Idea Not Yet Written/u);
    assert.equal((await fetch(`${dev.url}articles/_private/`)).status, 404);
  } finally {
    await dev.stop();
  }
});

test('a tag added to the vocabulary gets its page and search filter; a tag no article carries is not published', async ({
  newContext,
}) => {
  const energy = await page(newContext, 'tags/energy/');
  assert.equal(energy.status, 200);
  assert.deepEqual(await energy.tab.locator('main article h2').allInnerTexts(), ['Pipelines Under the Baltic']);
  assert.equal((await page(newContext, 'tags/trade/')).status, 404);
  const index = (await page(newContext, 'tags/')).tab;
  assert.deepEqual(await index.locator('main li h2 a').allInnerTexts(), [
    'intelligence',
    'cyber',
    'PSCs',
    'drugs',
    'energy',
  ]);
  const search = (await page(newContext, 'search/')).tab;
  assert.deepEqual(await search.locator('#search-tags label > span:first-of-type').allInnerTexts(), [
    'All tags',
    'intelligence',
    'cyber',
    'PSCs',
    'drugs',
    'energy',
  ]);
  assert.ok(!(await text('sitemap-0.xml')).includes('/tags/trade/'));
});

// Last of the tests of the scratch site: it builds the site again with another vocabulary.
// Astro's incremental build keeps a page whose cacheKey is unchanged: the vocabulary's digest
// in the keys is what brings the new label to pages whose articles did not change.
test('a tag renamed in the vocabulary reaches every page that shows it at the next build, over the last build’s cache', async ({
  newContext,
}) => {
  scratch.rebuild(TAGS.replace('  label: energy\n', '  label: power\n'));
  assert.equal(scratch.status, 0, scratch.output);
  const article = (await page(newContext, 'articles/pipelines/')).tab;
  assert.deepEqual(await article.getByRole('list', { name: 'Tags' }).getByRole('link').allInnerTexts(), ['power']);
  const home = (await page(newContext)).tab;
  assert.ok(
    (await home.locator('main article').filter({ hasText: 'Pipelines Under the Baltic' }).innerText()).includes(
      'power',
    ),
  );
  assert.equal(await (await page(newContext, 'tags/energy/')).tab.locator('h1').innerText(), 'power');
  const search = (await page(newContext, 'search/')).tab;
  assert.ok((await search.locator('#search-tags label > span:first-of-type').allInnerTexts()).includes('power'));
});

for (const [name, contents, error] of [
  [
    'an unknown tag',
    '---\ntitle: T\ntags: [cyber, astrology]\n---\n\nText.\n',
    'content/articles/bad.md:3: tags: expected one of intelligence, cyber, PSCs, drugs, found "astrology"',
  ],
  [
    'an unknown field',
    '---\ntitle: T\nsummary: A summary.\n---\n\nText.\n',
    'content/articles/bad.md:3: expected only the fields title, author, section, tags, description, date, draft, partner, source, found "summary"',
  ],
  [
    'an empty body',
    '---\ntitle: T\n---\n',
    'content/articles/bad.md:4: expected the article’s text after the frontmatter, found none',
  ],
  [
    'frontmatter that is not YAML',
    '---\ntitle: T\ntags: [cyber\n---\n\nText.\n',
    'content/articles/bad.md:4: expected YAML frontmatter, found "Flow sequence in block collection must be sufficiently inde…"',
  ],
] as const) {
  test(`an article with ${name} stops the build with one line naming the file, the line and the field`, ({ site }) => {
    const broken = buildScratchSite({ 'bad.md': contents }, site.base);
    try {
      assert.equal(broken.status, 1);
      const lines = broken.stderr.split('\n').filter((line) => line.trim() !== '');
      // The folder is a scratch one, outside the project: the message names it whole.
      assert.deepEqual(lines, [error.replace('content/articles/', `${broken.articles}/`)]);
      assert.doesNotMatch(broken.output, /Stack trace|^\s+at /mu);
    } finally {
      broken.remove();
    }
  });
}
