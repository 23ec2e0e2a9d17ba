import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SITE } from '../../src/config';
import { holdRequests, paintAndRequests } from '../../tools/lib/browser';
import { articlesFromSeed } from '../support/seed-truth';
import { test } from '../support/site';

const ARTICLES = articlesFromSeed();
const byTag = (tag: string) => ARTICLES.find((a) => a.tags.includes(tag))!;

/** Open the search page in `page`, with `query` (`?q=…`) if given. */
async function openSearch(page: Page, query = ''): Promise<Page> {
  await page.goto(`search/${query}`);
  return page;
}

/** Type a query the way a reader does and wait for the announced result count. */
async function search(page: Page, words: string): Promise<string[]> {
  await page.getByLabel('Search the articles').fill('');
  await page.getByLabel('Search the articles').pressSequentially(words);
  await page.getByRole('status').filter({ hasText: words }).waitFor();
  return page.locator('#search-results [data-result-link]').allInnerTexts();
}

for (const [words, tag] of [
  ['heroin', 'drugs'],
  ['Tsinghua', 'PSCs'],
  ['serendipity', 'intelligence'],
  ['cyberspace', 'cyber'],
] as const) {
  test(`"${words}" finds the ${tag} article first`, async ({ page }) => {
    await openSearch(page);
    const titles = await search(page, words);
    assert.equal(titles[0], byTag(tag).title);
  });
}

test('typing on, the first letters are not searched on the way; a short query stopped at is, after a pause', async ({
  page,
}) => {
  await openSearch(page);
  await search(page, 'heroin'); // Pagefind loaded
  const box = page.getByLabel('Search the articles');
  await box.fill('');
  // Every query whose results the list showed, in order.
  await page.evaluate(() => {
    const shown: string[] = [];
    (window as unknown as { shown: string[] }).shown = shown;
    const list = document.getElementById('search-results')!;
    new MutationObserver(() => {
      const query = list.dataset.query;
      if (query && shown.at(-1) !== query) shown.push(query);
    }).observe(list, { attributes: true, attributeFilter: ['data-query'] });
  });
  const shown = () => page.evaluate(() => (window as unknown as { shown: string[] }).shown);
  await box.pressSequentially('secu', { delay: 30 });
  await page.getByRole('status').filter({ hasText: '“secu”' }).waitFor();
  assert.deepEqual(await shown(), ['secu'], 'not `s`, `se` or `sec` on the way');
  await box.fill('');
  await box.pressSequentially('war', { delay: 30 });
  await page.getByRole('status').filter({ hasText: '“war”' }).waitFor();
  assert.deepEqual(await shown(), ['secu', 'war']);
});

test('results show title, excerpt with the matched words marked, tags, and sections', async ({ page }) => {
  await openSearch(page);
  await search(page, 'heroin');
  const result = page.locator('#search-results > li').first();
  assert.match(await result.innerText(), /drugs/);
  await result.locator('[data-result-excerpt] mark').first().waitFor(); // excerpts follow the titles
  const marks = await result.locator('[data-result-excerpt] mark').allInnerTexts();
  assert.ok(marks.length > 0 && marks.every((m) => /heroin/i.test(m)), `marked: ${marks.join(', ')}`);
  const sections = result.getByRole('list', { name: `Sections of ${byTag('drugs').title}` }).getByRole('link');
  assert.ok((await sections.count()) > 0, 'sub-results link to sections');
  assert.match((await sections.first().getAttribute('href'))!, /\?highlight=heroin#[\w-]+$/);
});

test('an excerpt shows the passage where the searched words meet, not the title', async ({ page }) => {
  await openSearch(page);
  await search(page, 'national security');
  const excerpt = page.locator('#search-results > li').first().locator('[data-result-excerpt]');
  await excerpt.locator('mark').first().waitFor();
  const marks = (await excerpt.locator('mark').allInnerTexts()).map((m) => m.toLowerCase().replace(/\W/g, ''));
  assert.ok(marks.includes('national') && marks.includes('security'), `marked: ${marks.join(', ')}`);
  const title = await page.locator('#search-results [data-result-link]').first().innerText();
  assert.ok(!(await excerpt.innerText()).startsWith(title), 'the excerpt does not repeat the title');
});

test('a shared search link opens on a phone without moving what the reader sees', async ({ site, newContext }) => {
  const context = await newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${site.url}search/?q=heroin`);
  await page.locator('#search-results [data-result-excerpt] mark').first().waitFor();
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
  const score = shifts.reduce((sum, value) => sum + value, 0);
  assert.ok(score < 0.01, `layout shift score ${score.toFixed(3)} from ${shifts.length} shifts`);
});

test('the tag filter narrows the results and shows counts', async ({ page }) => {
  await openSearch(page);
  const all = await search(page, 'intelligence');
  assert.ok(all.length > 1);
  const drugs = page.locator('#search-tags label', { hasText: 'drugs' });
  assert.equal(await drugs.locator('[data-tag-count]').innerText(), '1');
  await drugs.click();
  await page.getByRole('status').filter({ hasText: 'tagged drugs' }).waitFor();
  assert.deepEqual(await page.locator('#search-results [data-result-link]').allInnerTexts(), [byTag('drugs').title]);
});

test('a tag without words lists that tag’s articles, and the URL shares it', async ({ page, site }) => {
  await openSearch(page, '?tag=drugs');
  await page.getByRole('status').filter({ hasText: '1 article tagged drugs.' }).waitFor();
  assert.deepEqual(await page.locator('#search-results [data-result-link]').allInnerTexts(), [byTag('drugs').title]);
  const link = page.locator('#search-results [data-result-link]').first();
  assert.equal(await link.getAttribute('href'), site.path(`articles/${byTag('drugs').slug}/`));
  const excerpt = page.locator('#search-results [data-result-excerpt]').first();
  assert.ok((await excerpt.innerText()).length > 0 && !(await excerpt.innerText()).startsWith(byTag('drugs').title));
  const chip = (name: string) => page.locator('#search-tags label', { hasText: name }).locator('[data-tag-count]');
  assert.equal(await chip('drugs').innerText(), '1');
  assert.equal(await chip('All tags').innerText(), String(ARTICLES.length));

  await page.locator('#search-tags label', { hasText: 'All tags' }).click();
  await page.waitForURL((url) => !url.search.includes('tag='));
  assert.equal(await page.locator('#search-results [data-result-link]').count(), 0);
});

test('the tab title says what was searched, so history and tabs tell searches apart', async ({ page }) => {
  await openSearch(page, '?q=heroin&tag=drugs');
  await page.getByRole('status').filter({ hasText: 'heroin' }).waitFor();
  assert.equal(await page.title(), `“heroin” in drugs — Search — ${SITE.title}`);
  await search(page, 'opium');
  assert.equal(await page.title(), `“opium” in drugs — Search — ${SITE.title}`);
  await page.getByLabel('Search the articles').fill('');
  await page.locator('#search-tags label', { hasText: 'All tags' }).click();
  await page.waitForFunction((title) => document.title === title, `Search — ${SITE.title}`);
});

test('the URL carries the search: typing updates it, loading it restores it, back and forward behave', async ({
  page,
  newContext,
}) => {
  await openSearch(page);
  await search(page, 'heroin');
  await page.locator('#search-tags label', { hasText: 'drugs' }).click();
  await page.getByRole('status').filter({ hasText: 'tagged drugs' }).waitFor();
  assert.equal(new URL(page.url()).search, '?q=heroin&tag=drugs');

  const shared = await openSearch(await (await newContext()).newPage(), '?q=heroin&tag=drugs');
  await shared.getByRole('status').filter({ hasText: '1 result for “heroin” tagged drugs' }).waitFor();
  assert.equal(await shared.getByLabel('Search the articles').inputValue(), 'heroin');
  assert.ok(await shared.getByRole('radio', { name: /drugs/ }).isChecked());

  await shared.locator('#search-results [data-result-link]').first().click();
  await shared.waitForURL(/\/articles\//);
  await shared.goBack();
  await shared.getByRole('status').filter({ hasText: '1 result for “heroin” tagged drugs' }).waitFor();
  assert.equal(await shared.getByLabel('Search the articles').inputValue(), 'heroin');
  await shared.goForward();
  await shared.waitForURL(/\/articles\//);
});

test('following a result highlights the searched words and scrolls the first match into view', async ({ page }) => {
  await openSearch(page);
  await search(page, 'heroin');
  await page.locator('#search-results [data-result-link]').first().click();
  await page.waitForURL(/\/articles\/.*\?highlight=heroin/);
  const first = page.locator('#article-body mark.search-highlight[data-first-match]');
  await first.waitFor();
  assert.match(await first.innerText(), /heroin/i);
  await page.waitForFunction(() => {
    const box = document.querySelector('[data-first-match]')!.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
  assert.ok((await page.locator('#article-body mark.search-highlight').count()) > 0);
});

test('arriving at an article any other way highlights nothing and loads no search code', async ({ page, site }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${site.url}articles/${byTag('drugs').slug}/`);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('mark').count(), 0);
  assert.deepEqual(
    requests.filter((path) => path.includes('/pagefind/') || /search/.test(path)),
    [],
    'no Pagefind file and no search script on a plain page view',
  );
});

test('a query that looks like HTML is shown as text and runs nothing', async ({ page, site }) => {
  await openSearch(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const query = '<img src=x onerror=alert(1)>';
  await search(page, query);
  assert.match(await page.getByRole('status').innerText(), /for “<img src=x onerror=alert\(1\)>”/);
  assert.equal(await page.locator('main img').count(), 0);
  await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
  await page.getByRole('status').filter({ hasText: query }).waitFor();
  assert.equal(await page.locator('main img').count(), 0);
  assert.deepEqual(dialogs, []);
});

test('an empty result says so and links to the tag pages', async ({ page, site }) => {
  await openSearch(page);
  await search(page, 'zeppelin');
  assert.equal(await page.getByRole('status').innerText(), 'No results for “zeppelin”.');
  const tagLinks = page.locator('#search-empty').getByRole('link');
  assert.deepEqual(await tagLinks.evaluateAll((links) => links.map((l) => l.getAttribute('href'))), [
    site.path('tags/intelligence/'),
    site.path('tags/cyber/'),
    site.path('tags/pscs/'),
    site.path('tags/drugs/'),
  ]);
});

test('results are reachable from the keyboard and the count is announced', async ({ page }) => {
  await openSearch(page);
  await search(page, 'heroin');
  assert.equal(await page.getByRole('status').innerText(), '1 result for “heroin”.');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), byTag('drugs').title);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
});

test('"/" and Ctrl+K open search from any page', async ({ page, site }) => {
  await page.goto(site.url);
  await page.keyboard.press('/');
  await page.waitForURL(/\/search\/$/);
  await page.waitForFunction(() => document.activeElement?.id === 'search-input');
  await page.goto(`${site.url}tags/`);
  await page.keyboard.press('Control+k');
  await page.waitForURL(/\/search\/$/);
});

test('axe finds no violation on the search page with results shown', async ({ site, newContext }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await (await newContext({ colorScheme })).newPage();
    await page.goto(`${site.url}search/?q=intelligence`);
    await page.getByRole('status').filter({ hasText: 'results for' }).waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      colorScheme,
    );
  }
});

test('without JavaScript the search page says so and links to every article and tag page', async ({
  site,
  newContext,
}) => {
  const page = await (await newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(`${site.url}search/`);
  assert.match(await page.locator('main').innerText(), /Search needs JavaScript/);
  for (const article of ARTICLES) {
    assert.equal(
      await page.getByRole('link', { name: article.title, exact: true }).getAttribute('href'),
      site.path(`articles/${article.slug}/`),
    );
  }
  assert.equal(
    await page.getByRole('link', { name: 'all tags', exact: true }).getAttribute('href'),
    site.path('tags/'),
  );
  assert.equal(await page.getByRole('searchbox').isVisible(), false);
});

test('during a search each tag chip counts its results, once the tag filter has come', async ({ page }) => {
  await openSearch(page);
  const titles = await search(page, 'serendipity');
  const chip = (name: string) => page.locator('#search-tags label', { hasText: name }).locator('[data-tag-count]');
  const tags = [...new Set(ARTICLES.flatMap((article) => article.tags))];
  const found = (tag: string) => ARTICLES.filter((a) => a.tags.includes(tag) && titles.includes(a.title)).length;
  // Before a search the chips count every article: some tag must count differently now.
  assert.ok(tags.some((tag) => found(tag) !== ARTICLES.filter((a) => a.tags.includes(tag)).length));
  for (const [name, n] of [['All tags', titles.length] as const, ...tags.map((tag) => [tag, found(tag)] as const)]) {
    await chip(name)
      .filter({ hasText: new RegExp(`^${n}$`) })
      .waitFor({ timeout: 5000 });
  }
});

test('a plain search page paints before it fetches its script or any of Pagefind’s files', async ({ page }) => {
  await openSearch(page);
  // The page's script and a file of Pagefind's have both come (side by side, since Pagefind's
  // files are preloaded with the script).
  await page.waitForFunction(() => {
    const names = performance.getEntriesByType('resource').map((entry) => entry.name);
    return names.some((name) => /\/_astro\/[^/]*\.js$/.test(name)) && names.some((name) => name.includes('/pagefind/'));
  });
  const { paint, starts } = await paintAndRequests(page, 'scripts and Pagefind');
  assert.ok(Number.isFinite(paint), 'the page painted');
  assert.ok(starts.length >= 2, 'the script and Pagefind were fetched');
  assert.ok(
    Math.min(...starts) > paint,
    `first script or Pagefind request at ${Math.min(...starts)} ms, first paint ${paint} ms`,
  );
});

test('a plain search page, once painted, asks for Pagefind’s files side by side with its script, and each once', async ({
  site,
  newContext,
}) => {
  const context = await newContext();
  // The page's script is held back: the files it and Pagefind would ask for once they run are asked for anyway.
  const release = await holdRequests(context, /\/_astro\/start-[^/]*\.js$/);
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${site.url}search/`);
  await page.waitForFunction(
    () =>
      ['wasm.en.pagefind', '.pf_meta', 'pagefind-entry.json'].every((file) =>
        performance.getEntriesByType('resource').some((entry) => entry.name.includes(file)),
      ),
    undefined,
    { timeout: 10_000 },
  );
  release();
  assert.equal((await search(page, 'heroin'))[0], byTag('drugs').title);
  const pagefind = fetched.filter((path) => path.includes('/pagefind/'));
  assert.equal(new Set(pagefind).size, pagefind.length, `each fetched once: ${pagefind.join(', ')}`);
  await context.close();
});

test('a query typed before the search page’s script has arrived is searched when it does', async ({
  site,
  newContext,
}) => {
  const context = await newContext();
  // The script is held back until the reader has typed, as on a slow connection.
  const release = await holdRequests(context, /\/_astro\/start-[^/]*\.js$/);
  const page = await context.newPage();
  await page.goto(`${site.url}search/`);
  await page.getByLabel('Search the articles').fill('heroin');
  release();
  await page.getByRole('status').filter({ hasText: 'heroin' }).waitFor();
  assert.ok((await page.locator('#search-results [data-result-link]').count()) > 0);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'heroin', 'the search is in the URL');
  await context.close();
});

test('a search opened from a link preloads the files every first search needs, and fetches each of them once', async ({
  page,
  site,
}) => {
  // The word index is preloaded only while it is one chunk, which every search needs; of an
  // index cut in several (the shipped build's), the chunk depends on the words: none is preloaded.
  const chunks = readdirSync(join(site.dist, 'pagefind', 'index'));
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname + new URL(request.url()).search));
  await page.goto(`${site.url}search/?q=heroin`);
  const preloads = await page
    .locator('link[rel="preload"]')
    .evaluateAll((links) =>
      links.map((l) => new URL((l as HTMLLinkElement).href).pathname + new URL((l as HTMLLinkElement).href).search),
    );
  for (const kind of ['.pf_meta', 'wasm.en.pagefind']) {
    assert.ok(
      preloads.some((href) => href.includes(kind)),
      `preloads ${kind}: ${preloads.join(', ')}`,
    );
  }
  assert.equal(
    preloads.filter((href) => href.includes('.pf_index')).length,
    chunks.length === 1 ? 1 : 0,
    `${chunks.length} word-index chunk(s), preloads: ${preloads.join(', ')}`,
  );
  await page.locator('#search-results [data-result-excerpt] mark').first().waitFor();
  for (const href of preloads) {
    assert.equal(fetched.filter((url) => url === href).length, 1, `${href} fetched once`);
  }
  const words = fetched.filter((url) => url.includes('.pf_index'));
  assert.equal(new Set(words).size, words.length, `no word chunk fetched twice: ${words.join(', ')}`);
});

test("a search link preloads the entry file of exactly this build's index", async ({ page, site }) => {
  await openSearch(page, '?q=heroin');
  const entry = await (await fetch(`${site.url}pagefind/pagefind-entry.json`)).json();
  const hash = (Object.values(entry.languages) as { hash: string }[]).map((language) => language.hash).join('.');
  assert.equal(await page.locator('#search-form').getAttribute('data-index-tag'), hash);
  const preloads = await page
    .locator('link[rel="preload"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
  assert.ok(preloads.includes(site.path(`pagefind/pagefind-entry.json?ts=${hash}`)), preloads.join(', '));
});

test('a search opened from a link shows its results whole before their excerpts come, and nothing moves when they do', async ({
  site,
  newContext,
}) => {
  const context = await newContext();
  // The fragments (each result's text) are held back, as on a slow connection.
  const release = await holdRequests(context, /\/pagefind\/fragment\//);
  const page = await context.newPage();
  await page.goto(`${site.url}search/?q=heroin`);
  await page.getByRole('status').filter({ hasText: 'heroin' }).waitFor();
  const first = page.locator('#search-results > li').first();
  assert.equal(await first.locator('[data-result-link]').innerText(), byTag('drugs').title);
  // The opening words stand where the excerpt will be, and the sections the word is in are listed.
  const opening = await first.locator('[data-result-excerpt]').innerText();
  assert.ok(opening.length > 40, `an opening where the excerpt goes: "${opening}"`);
  assert.equal(await first.locator('[data-result-excerpt] mark').count(), 0, 'no excerpt yet');
  const sections = await first.locator('[data-result-subs] a').allInnerTexts();
  assert.ok(sections.length > 0, 'the sections that hold the word are listed at once');
  const boxes = () =>
    page
      .locator('#search-results li')
      .evaluateAll((items) => items.map((item) => JSON.stringify(item.getBoundingClientRect())));
  const before = await boxes();
  release();
  await first.locator('[data-result-excerpt] mark').first().waitFor();
  await page.locator('[data-sub-excerpt] mark').first().waitFor();
  assert.deepEqual(await first.locator('[data-result-subs] a').allInnerTexts(), sections, 'the same sections');
  assert.deepEqual(await boxes(), before, 'every result and section where it was');
  await context.close();
});

test('the sections a linked search lists before its excerpts come are those Pagefind gives with them', async ({
  site,
  newContext,
}) => {
  for (const words of ['heroin', 'security', 'intelligence', 'drug trade']) {
    const context = await newContext();
    // Held until the painted sections are read: those come from the summaries alone.
    const release = await holdRequests(context, /\/pagefind\/fragment\//);
    const page = await context.newPage();
    await page.goto(`${site.url}search/?q=${encodeURIComponent(words)}`);
    await page.getByRole('status').filter({ hasText: words }).waitFor();
    const painted = await page
      .locator('#search-results > li')
      .evaluateAll((items) =>
        items.map((item) => [...item.querySelectorAll('[data-result-subs] a')].map((a) => a.textContent)),
      );
    release();
    const pagefind = site.path('pagefind/pagefind.js');
    const given = await page.evaluate(
      async ([bundle, query]) => {
        type Sub = { title: string; anchor?: { element: string }; locations: number[] };
        const api = (await import(bundle!)) as {
          search(q: string): Promise<{ results: { data(): Promise<{ sub_results: Sub[] }> }[] }>;
        };
        const found = await api.search(query!);
        const data = await Promise.all(found.results.slice(0, 10).map((result) => result.data()));
        return data.map((page) =>
          page.sub_results
            .filter((sub) => sub.anchor && sub.anchor.element !== 'h1' && sub.locations.length > 0)
            .slice(0, 3)
            .map((sub) => sub.title),
        );
      },
      [pagefind, words],
    );
    assert.deepEqual(painted, given, `"${words}"`);
    await context.close();
  }
});

test('excerpts are fetched for the results near the view, and for the others as the reader scrolls to them', async ({
  site,
  newContext,
}) => {
  for (const opened of ['typed', 'from a link'] as const) {
    // A short phone screen: the first results are near it, the last far below.
    const context = await newContext({ viewport: { width: 360, height: 360 } });
    const page = await context.newPage();
    const fragments: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/fragment/')) fragments.push(request.url());
    });
    if (opened === 'typed') {
      await page.goto(`${site.url}search/`);
      await search(page, 'security');
    } else {
      await page.goto(`${site.url}search/?q=security`);
      await page.getByRole('status').filter({ hasText: 'security' }).waitFor();
    }
    const results = page.locator('#search-results > li');
    const count = await results.count();
    assert.ok(count >= 3, `${opened}: "security" finds three articles or more (${count})`);
    const last = results.last().locator('[data-result-excerpt]');
    await results.first().locator('[data-result-excerpt] mark').first().waitFor();
    await page.waitForTimeout(400); // the reader's pause is over; nothing else is on its way
    const near = fragments.length;
    assert.ok(near >= 1 && near < count, `${opened}: ${near} of ${count} excerpts fetched before any scrolling`);
    assert.equal(await last.locator('mark').count(), 0, `${opened}: the last result has no excerpt yet`);
    // The reader scrolls down through the results.
    for (let i = 0; i < count; i++) await results.nth(i).scrollIntoViewIfNeeded();
    await last.locator('mark').first().waitFor();
    assert.equal(fragments.length, count, `${opened}: every excerpt fetched once the reader has scrolled down`);
    assert.equal(new Set(fragments).size, fragments.length, `${opened}: each fragment fetched once`);
    await context.close();
  }
});
