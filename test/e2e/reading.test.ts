/**
 * The reading features as a reader meets them: the theme control, the contents list that
 * follows the reader on a wide screen, reading progress, previous / next and related
 * articles, and the offer to pick up where the reader left off. Each also without
 * JavaScript (absent, nothing broken), under reduced motion, and axe-clean in either theme.
 */
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { PLACE_KEY_PREFIX } from '../../src/facts';
import { holdRequests, paintAndRequests } from '../../tools/lib/browser';
import { articlesFromSeed } from '../support/seed-truth';
import { test } from '../support/site';

const ARTICLES = articlesFromSeed();
/** An article's address, relative to the build under test (the project's `baseURL`). */
const url = (slug: string) => `articles/${slug}/`;
/** An article of several sections: the PSC article, the longest. */
const SECTIONED = ARTICLES.find((a) => a.tags.includes('PSCs'))!;
const WIDE = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 } };

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
/** The `theme-color` the browser applies now (the first whose media matches), as `rgb(…)`. */
const browserColour = (page: Page) =>
  page.evaluate(() => {
    const metas = [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')];
    const hex = metas.find((meta) => matchMedia(meta.media || 'all').matches)?.content ?? '';
    const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
    return `rgb(${r}, ${g}, ${b})`;
  });
const LIGHT_PAPER = 'rgb(251, 250, 247)';
const DARK_PAPER = 'rgb(21, 23, 26)';

test('the theme button switches light, dark and system, is remembered, and applies before the first paint', async ({
  site,
  newContext,
}) => {
  const context = await newContext({ colorScheme: 'dark' });
  // Records the theme the page has when <body> first appears: before any paint.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? 'system';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(url(SECTIONED.slug));
  assert.equal(await background(page), DARK_PAPER, 'the system is dark, and followed');

  const button = page.getByRole('navigation', { name: 'Site' }).getByRole('button');
  assert.equal(await button.getAttribute('aria-label'), 'Use the light theme');
  assert.equal(await browserColour(page), DARK_PAPER);
  await button.click();
  assert.equal(await background(page), LIGHT_PAPER, 'light, though the system is dark');
  assert.equal(await browserColour(page), LIGHT_PAPER, "and the browser's own colour with it");
  assert.equal(await button.getAttribute('aria-label'), 'Use the dark theme');

  await page.reload();
  assert.equal(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody), 'light');
  assert.equal(await background(page), LIGHT_PAPER, 'remembered across visits');
  assert.equal(await browserColour(page), LIGHT_PAPER);

  await page.goto(site.url);
  assert.equal(await background(page), LIGHT_PAPER, 'and across pages');
  await button.click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await button.click();
  assert.equal(await button.getAttribute('aria-label'), 'Use the light theme');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined, 'back to the system');
  assert.equal(await browserColour(page), DARK_PAPER);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'and nothing kept');

  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'the keyboard works it too');
});

test('printed, a page chosen dark is still black on white', async ({ page }) => {
  await page.goto(url(SECTIONED.slug));
  await page.getByRole('button', { name: 'Use the light theme' }).click();
  await page.getByRole('button', { name: 'Use the dark theme' }).click();
  await page.emulateMedia({ media: 'print' });
  const paragraph = page.locator('#article-body p').first();
  assert.equal(await paragraph.evaluate((p) => getComputedStyle(p).color), 'rgb(0, 0, 0)');
  assert.equal(await page.locator('progress').isVisible(), false, 'no progress bar on paper');
});

test('on a wide screen the contents stay in view beside the text and mark the section being read', async ({
  newContext,
}) => {
  const page = await (await newContext({ ...WIDE, reducedMotion: 'reduce' })).newPage();
  await page.goto(url(SECTIONED.slug));
  const contents = page.getByRole('navigation', { name: 'In this article' });
  const links = contents.getByRole('link');
  const count = await links.count();
  assert.ok(count >= 3);
  const text = await page.locator('#article-body').boundingBox();
  const beside = await contents.boundingBox();
  assert.ok(beside!.x >= text!.x + text!.width, 'beside the text, not above it');

  for (const index of [2, count - 1]) {
    const id = decodeURIComponent((await links.nth(index).getAttribute('href'))!.slice(1));
    await page.locator(`[id="${id}"]`).evaluate((heading) => heading.scrollIntoView());
    await page.waitForFunction(
      (i) => document.querySelectorAll('[data-contents] a')[i]?.getAttribute('aria-current') === 'true',
      index,
    );
    assert.equal(await contents.locator('[aria-current="true"]').count(), 1, 'one section marked');
    const box = (await contents.boundingBox())!;
    assert.ok(box.y >= 0 && box.y + box.height <= 900, `in view after scrolling to section ${index + 1}`);
    const weight = (i: number) => links.nth(i).evaluate((link) => getComputedStyle(link).fontWeight);
    assert.notEqual(await weight(index), await weight(0), 'the marked link looks different');
  }
});

test('on a phone the contents stay the folded list above the text', async ({ newContext }) => {
  const page = await (await newContext(PHONE)).newPage();
  await page.goto(url(SECTIONED.slug));
  const contents = page.getByRole('navigation', { name: 'In this article' });
  const text = (await page.locator('#article-body').boundingBox())!;
  assert.ok((await contents.boundingBox())!.y < text.y, 'above the text');
  assert.equal(await contents.locator('details').evaluate((d) => (d as HTMLDetailsElement).open), false);
});

test('reading progress is a progress bar that grows as the article is read, and moves no text', async ({
  newContext,
}) => {
  const context = await newContext(PHONE);
  await context.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as unknown as { shifts: number }).shifts += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(url(SECTIONED.slug));
  const bar = page.getByRole('progressbar', { name: 'Reading progress' });
  const value = () => bar.evaluate((p) => (p as HTMLProgressElement).value);
  assert.equal(await value(), 0);
  await page.evaluate(() => {
    const article = document.querySelector('main article')!;
    scrollTo(0, article.getBoundingClientRect().top + scrollY + (article.scrollHeight - innerHeight) / 2);
  });
  await page.waitForFunction(() => (document.querySelector('progress') as HTMLProgressElement).value > 0.3);
  assert.ok((await value()) < 0.7, 'about halfway');
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => (document.querySelector('progress') as HTMLProgressElement).value === 1);
  assert.equal(await page.evaluate(() => (window as unknown as { shifts: number }).shifts), 0, 'CLS 0');
});

test('previous and next lead to the neighbours in collection order, as rel links', async ({ page, site }) => {
  for (const [index, article] of ARTICLES.entries()) {
    await page.goto(url(article.slug));
    const nav = page.getByRole('navigation', { name: 'Previous and next article' });
    for (const [rel, neighbour] of [
      ['prev', ARTICLES[index - 1]],
      ['next', ARTICLES[index + 1]],
    ] as const) {
      const link = nav.locator(`a[rel="${rel}"]`);
      if (!neighbour) {
        assert.equal(await link.count(), 0, `${article.slug}: no ${rel}`);
        continue;
      }
      assert.equal(new URL((await link.getAttribute('href'))!, page.url()).pathname, site.path(url(neighbour.slug)));
      assert.match(await link.innerText(), new RegExp(neighbour.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
  }
  await page.goto(url(ARTICLES[0]!.slug));
  await page.locator('a[rel="next"]').click();
  await page.waitForURL(url(ARTICLES[1]!.slug));
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), ARTICLES[1]!.title);
});

test('"Related" lists up to three other articles, never the article itself', async ({ page, site }) => {
  for (const article of ARTICLES) {
    await page.goto(url(article.slug));
    const related = page.getByRole('region', { name: 'Related' });
    await related.getByRole('heading', { name: 'Related' }).waitFor();
    const hrefs = await related
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    assert.ok(hrefs.length >= 1 && hrefs.length <= 3, `${article.slug}: ${hrefs.length} related`);
    assert.ok(!hrefs.includes(site.path(url(article.slug))), `${article.slug}: not itself`);
    const known = new Set(ARTICLES.map((a) => site.path(url(a.slug))));
    for (const href of hrefs) assert.ok(known.has(href), `${href} is an article`);
  }
});

test('coming back to a long article offers the paragraph the reader had reached, and forgets it at the end', async ({
  site,
  newContext,
}) => {
  const page = await (await newContext({ ...PHONE, reducedMotion: 'reduce' })).newPage();
  await page.goto(url(SECTIONED.slug));
  const paragraphs = page.locator('#article-body > p[id]');
  const reached = paragraphs.nth(6);
  const id = (await reached.getAttribute('id'))!;
  await reached.evaluate((p) => p.scrollIntoView());
  await page.waitForFunction(
    (key) => localStorage.getItem(key) !== null,
    `${PLACE_KEY_PREFIX}${new URL(page.url()).pathname}`,
  );

  await page.goto(site.url);
  await page.goto(url(SECTIONED.slug));
  const offer = page.getByRole('region', { name: 'Your place in this article' });
  await offer.waitFor();
  assert.equal(await page.evaluate(() => scrollY), 0, 'offered, not forced');
  await offer.getByRole('link', { name: 'Continue where you left off' }).click();
  await page.waitForFunction((pid) => location.hash === `#${pid}`, id);
  await page.waitForFunction((pid) => {
    const top = document.getElementById(pid)!.getBoundingClientRect().top;
    return top >= 0 && top < innerHeight / 2;
  }, id);
  assert.equal(await offer.count(), 0, 'the offer is gone once taken');

  // Read to the end: the place is forgotten, and the next visit starts at the top, with no offer.
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(
    (prefix) => Object.keys(localStorage).every((key) => !key.startsWith(prefix)),
    PLACE_KEY_PREFIX,
  );
  await page.goto(url(SECTIONED.slug));
  await page.waitForTimeout(200);
  assert.equal(await page.getByRole('region', { name: 'Your place in this article' }).count(), 0);
});

test('a place scrolled to before the reading script has arrived is kept when it does, with no further scroll', async ({
  newContext,
}) => {
  const context = await newContext({ ...PHONE, reducedMotion: 'reduce' }); // the scroll is done at once
  // The script is held back until the reader has scrolled, as on a slow connection.
  const release = await holdRequests(context, /\/_astro\/article-[^/]*\.js$/);
  const page = await context.newPage();
  await page.goto(url(SECTIONED.slug));
  const reached = page.locator('#article-body > p[id]').nth(6);
  await reached.evaluate((p) => p.scrollIntoView());
  release();
  await page.locator('[data-reading-progress]').waitFor(); // the script has run
  const key = `${PLACE_KEY_PREFIX}${new URL(page.url()).pathname}`;
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, key);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), key), await reached.getAttribute('id'));
  await context.close();
});

test('a link to a paragraph is followed, not interrupted by an offer', async ({ site, newContext }) => {
  const page = await (await newContext(PHONE)).newPage();
  await page.goto(url(SECTIONED.slug));
  await page
    .locator('#article-body > p[id]')
    .nth(7)
    .evaluate((p) => p.scrollIntoView());
  await page.waitForFunction(
    (prefix) => Object.keys(localStorage).some((key) => key.startsWith(prefix)),
    PLACE_KEY_PREFIX,
  );
  const target = (await page.locator('#article-body > p[id]').nth(3).getAttribute('id'))!;
  await page.goto(site.url);
  await page.goto(`${url(SECTIONED.slug)}#${target}`);
  await page.waitForTimeout(200);
  assert.equal(await page.getByRole('region', { name: 'Your place in this article' }).count(), 0);
});

test('without JavaScript none of it is there to do nothing: no theme button, no progress bar, no offer', async ({
  newContext,
}) => {
  const page = await (await newContext({ ...WIDE, javaScriptEnabled: false })).newPage();
  await page.goto(url(SECTIONED.slug));
  assert.equal(await page.getByRole('button').count(), 0, 'no button at all');
  assert.equal(await page.locator('progress').isVisible(), false);
  assert.ok(await page.getByRole('navigation', { name: 'In this article' }).isVisible(), 'the contents are there');
  assert.ok(await page.getByRole('heading', { name: 'Related' }).isVisible());
  assert.ok(await page.locator('a[rel="next"]').isVisible());
});

test('axe finds no violation with every feature showing, in a chosen light and a chosen dark theme', async ({
  newContext,
}) => {
  for (const [system, chosen] of [
    ['dark', 'light'],
    ['light', 'dark'],
  ] as const) {
    const context = await newContext({ ...WIDE, colorScheme: system });
    await context.addInitScript((theme) => localStorage.setItem('dossier:theme', theme), chosen);
    const page = await context.newPage();
    await page.goto(url(SECTIONED.slug));
    // A kept place, so the offer shows; then the contents mark a section.
    await page.evaluate(
      (key) => {
        const paragraph = document.querySelectorAll('#article-body > p[id]')[6]!;
        localStorage.setItem(key, paragraph.id);
      },
      `${PLACE_KEY_PREFIX}${new URL(page.url()).pathname}`,
    );
    await page.reload();
    await page.getByRole('region', { name: 'Your place in this article' }).waitFor();
    await page
      .locator('#article-body h2')
      .nth(1)
      .evaluate((h) => h.scrollIntoView());
    await page.locator('[data-contents] [aria-current="true"]').waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      `${chosen} chosen on a ${system} system`,
    );
  }
});

test('the reading features’ script is fetched only once the article has painted, and then works', async ({
  newContext,
}) => {
  const page = await (await newContext(PHONE)).newPage();
  await page.goto(url(SECTIONED.slug));
  // Reading progress is drawn by that script: once it shows, the script has run.
  await page.locator('[data-reading-progress]').waitFor();
  const { paint, starts } = await paintAndRequests(page, 'scripts');
  assert.ok(Number.isFinite(paint), 'the page painted');
  assert.equal(starts.length, 1, 'one script file');
  assert.ok(starts[0]! > paint, `script requested at ${starts[0]} ms, first paint at ${paint} ms`);
  await page.context().close();
});

test('the quote-link code is fetched only when the reader selects text in the article, and then offers the link', async ({
  newContext,
}) => {
  const page = await (await newContext(PHONE)).newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(url(SECTIONED.slug));
  await page.locator('[data-reading-progress]').waitFor(); // the reading features have run
  await page.locator('#related-heading').selectText(); // outside the article's text
  await page.waitForTimeout(300);
  assert.equal(
    scripts.length,
    1,
    `only the reading features' script, then a selection outside the text: ${scripts.join(', ')}`,
  );
  await page.locator('#article-body > p').nth(1).selectText();
  await page.getByRole('button', { name: 'Copy link to quote' }).waitFor();
  assert.equal(scripts.length, 2, `the quote code once text is selected: ${scripts.join(', ')}`);
  await page.context().close();
});
