/** Checks of one rendered article page against the text of its seed lines. */
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { SITE } from '../../src/config';
import { PAGE_CHROME, type ArticleTruth } from './seed-truth';

/** Text of every paragraph, heading and list item of the article body, in order (the partner credit aside). */
export function bodyBlocks(page: Page): Promise<string[]> {
  return page.locator('#article-body').evaluate((body) =>
    // The text a reader reads: the in-page marks (`¶`, `#`) are drawn by CSS, not text.
    [...body.querySelectorAll(':scope > p:not(.partner-credit), :scope > h2, :scope > ol > li, :scope > ul > li')].map(
      (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ),
  );
}

/** Open `url` and check it shows the article exactly as its seed lines read. */
export async function assertShowsArticle(page: Page, url: string, article: ArticleTruth): Promise<void> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(url);
  assert.equal(response?.status(), 200, `${url} answers 200`);

  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1, 'one <h1>');
  assert.equal(await h1.innerText(), article.title);
  assert.equal(await page.title(), `${article.title} — ${SITE.title}`);
  assert.equal(await page.locator('main article h1').count(), 1, 'the title heads the <article>');

  const header = await page.locator('main article header').innerText();
  if (article.author) assert.match(header, new RegExp(`By ${article.author.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.match(header, /\d+ min read/);
  const tagLinks = page.getByRole('list', { name: 'Tags' }).getByRole('link');
  assert.deepEqual(await tagLinks.allInnerTexts(), article.tags);

  assert.deepEqual(await bodyBlocks(page), article.blocks, 'every paragraph, heading and list item, in order');

  for (const heading of await page.locator('#article-body h2').all()) {
    assert.ok(await heading.getAttribute('id'), 'each heading has an id');
  }

  const credit = page.getByText(/^From our partner /);
  if (article.partner) assert.equal(await credit.innerText(), `From our partner ${article.partner}`);
  else assert.equal(await credit.count(), 0);

  const lines = (await page.locator('body').innerText()).split('\n').map((line) => line.trim());
  for (const chrome of PAGE_CHROME) assert.ok(!lines.includes(chrome), `no page chrome: ${chrome}`);

  assert.equal(await page.locator('#article-body script, #article-body a[href^="javascript:"]').count(), 0);
  assert.deepEqual(dialogs, [], 'nothing in the text ran as script');
}
