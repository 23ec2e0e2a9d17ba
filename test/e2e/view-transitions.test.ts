/**
 * Going from page to page of the site is a cross-document view transition (a cross-fade where
 * the browser has them), and with reduced motion there is none: the new page shows at once.
 * Articles and lists have stylesheets of their own (article.css, site.css): on the first move
 * from one kind to the other, the new page's stylesheet is not cached yet, and Chromium then
 * shows the new page without the fade about one time in seven. The move tested is the reader's
 * usual one, from an article to the next, whose stylesheet the first article brought.
 */
import assert from 'node:assert/strict';
import { articlesFromSeed } from '../support/seed-truth';
import { test, type NewContext } from '../support/site';

const [ARTICLE, NEXT] = articlesFromSeed();

/** Follow an article's link to the next; true when the new page was revealed with a view transition. */
async function transitioned(newContext: NewContext, reducedMotion: 'reduce' | 'no-preference'): Promise<boolean> {
  const context = await newContext({ reducedMotion });
  await context.addInitScript(() => {
    addEventListener('pagereveal', (event) => {
      (window as unknown as { transition: boolean }).transition = !!(event as Event & { viewTransition: unknown })
        .viewTransition;
    });
  });
  const page = await context.newPage();
  await page.goto(`articles/${ARTICLE!.slug}/`);
  await page
    .getByRole('navigation', { name: 'Previous and next article' })
    .getByRole('link', { name: NEXT!.title })
    .click();
  await page.waitForURL(`**/articles/${NEXT!.slug}/`);
  await page.waitForFunction(() => 'transition' in window);
  return page.evaluate(() => (window as unknown as { transition: boolean }).transition);
}

test('following a link within the site is a view transition', async ({ newContext }) => {
  assert.equal(await transitioned(newContext, 'no-preference'), true);
});

test('with reduced motion, following a link shows the new page at once, with no transition', async ({ newContext }) => {
  assert.equal(await transitioned(newContext, 'reduce'), false);
});
