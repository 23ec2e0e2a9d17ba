import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { assertShowsArticle } from '../support/article-page';
import { launchBrowser } from '../support/browser';
import { articlesFromSeed } from '../support/seed-truth';
import { serveSite } from '../support/site';
import type { StaticServer } from '../support/static-server';

const ARTICLES = articlesFromSeed();
let server: StaticServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([serveSite(), launchBrowser()]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

for (const article of ARTICLES) {
  test(`${article.title}: every paragraph, heading and list item of the seed, and no chrome`, async () => {
    const page = await (await browser.newContext()).newPage();
    await assertShowsArticle(page, `${server.url}articles/${article.slug}/`, article);
  });
}

test('the PSC article keeps its ten companies as a numbered list', async () => {
  const page = await (await browser.newContext()).newPage();
  const article = ARTICLES.find((a) => a.tags.includes('PSCs'))!;
  await page.goto(`${server.url}articles/${article.slug}/`);
  const list = page.locator('main article .prose ol');
  assert.equal(await list.count(), 1);
  assert.equal(await list.locator('li').count(), 10);
  assert.equal(await list.locator('li').first().innerText(), 'G4S');
});

test('the article reads well without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const article = ARTICLES[1]!;
  await assertShowsArticle(page, `${server.url}articles/${article.slug}/`, article);
});
