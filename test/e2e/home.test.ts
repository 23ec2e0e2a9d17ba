import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { articlesFromSeed } from '../support/seed-truth';
import { test } from '../support/site';

const ARTICLES = articlesFromSeed();

test('the home page lists the four articles in seed order with byline, tags, description and reading time', async ({
  page,
  site,
}) => {
  await page.goto(site.url);
  assert.equal(await page.title(), 'Dossier — Long-form analysis on international security, set for reading.');
  assert.equal(await page.locator('h1').count(), 1);

  const cards = page.locator('main article');
  assert.equal(await cards.count(), 4);
  assert.equal(ARTICLES.length, 4);
  for (const [i, article] of ARTICLES.entries()) {
    const card = cards.nth(i);
    const link = card.getByRole('link', { name: article.title, exact: true });
    assert.equal(await link.getAttribute('href'), site.path(`articles/${article.slug}/`));
    const text = await card.innerText();
    if (article.author) assert.match(text, new RegExp(`By ${article.author}`));
    else assert.doesNotMatch(text, /\bBy /);
    assert.match(text, /\d+ min read/);
    const tags = await card
      .getByRole('list', { name: `Tags of ${article.title}` })
      .getByRole('link')
      .allInnerTexts();
    assert.deepEqual(tags, article.tags);
  }
});

test('following a title opens the article', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('link', { name: ARTICLES[2]!.title, exact: true }).click();
  await page.waitForURL(`**/articles/${ARTICLES[2]!.slug}/`);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), ARTICLES[2]!.title);
});

test('an unknown address shows the 404 page with a way back', async ({ page, site }) => {
  const response = await page.goto(`${site.url}no/such/page/`);
  assert.equal(response?.status(), 404);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Page not found');
  assert.equal(await page.getByRole('link', { name: 'Browse every article' }).getAttribute('href'), site.path());
});

test('a list page costs two requests and an article three: the header’s script is in the page, the icon too', async ({
  newContext,
  site,
}) => {
  for (const [path, expected] of [
    ['', ['document', 'stylesheet']],
    ['tags/cyber/', ['document', 'stylesheet']],
    [`articles/${ARTICLES[0]!.slug}/`, ['document', 'script', 'stylesheet']],
  ] as const) {
    const page = await (await newContext()).newPage(); // a first visit: nothing cached
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.resourceType()));
    await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
    assert.deepEqual(requests.sort(), [...expected], `requests of /${path}`);
  }
});

test('no page asks another host for anything: no web fonts, scripts or images from elsewhere', async ({
  page,
  site,
}) => {
  const hosts = new Set<string>();
  page.on('request', (request) => hosts.add(new URL(request.url()).host));
  for (const path of ['', `articles/${ARTICLES[2]!.slug}/`, 'tags/', 'search/?q=heroin']) {
    await page.goto(`${site.url}${path}`);
    await page.waitForLoadState('networkidle');
  }
  assert.deepEqual([...hosts], [new URL(site.url).host]);
});

test('axe finds no violation on the home, article (its folded parts open), tag, offline and 404 pages, light and dark', async ({
  site,
  newContext,
}) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await (await newContext({ colorScheme })).newPage();
    for (const path of ['', `articles/${ARTICLES[2]!.slug}/`, 'tags/', 'tags/pscs/', 'offline/', 'no/such/page/']) {
      await page.goto(`${site.url}${path}`);
      // What a reader unfolds is checked too: the contents list, "Cite this article".
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      await page.waitForLoadState('networkidle'); // and what opening them loads (the cite section's copy buttons)
      const { violations } = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
        `${colorScheme} /${path}`,
      );
    }
  }
});

test('the site links mark the page a link leads to as the current page, and the section of any other page as current', async ({
  page,
  site,
}) => {
  const marks = async (path: string) => {
    await page.goto(`${site.url}${path}`);
    return page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => `${link.textContent?.trim()}: ${link.getAttribute('aria-current')}`));
  };
  assert.deepEqual(await marks(''), ['Articles: page', 'Tags: null', 'Search: null']);
  assert.deepEqual(await marks(`articles/${ARTICLES[0]!.slug}/`), ['Articles: true', 'Tags: null', 'Search: null']);
  assert.deepEqual(await marks('tags/'), ['Articles: null', 'Tags: page', 'Search: null']);
  assert.deepEqual(await marks('tags/cyber/'), ['Articles: null', 'Tags: true', 'Search: null']);
  assert.deepEqual(await marks('search/'), ['Articles: null', 'Tags: null', 'Search: page']);
  // Marked either way, the link looks the same: the section is where the reader is.
  await page.goto(`${site.url}articles/${ARTICLES[0]!.slug}/`);
  const articles = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Articles' });
  assert.equal(await articles.evaluate((link) => getComputedStyle(link).fontWeight), '600');
});
