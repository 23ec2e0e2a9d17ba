/**
 * Going from page to page of the site is a cross-document view transition (a cross-fade where
 * the browser has them), and with reduced motion there is none: the new page shows at once.
 */
import assert from 'node:assert/strict';
import { articlesFromSeed } from '../support/seed-truth';
import { test, type NewContext } from '../support/site';

const ARTICLE = articlesFromSeed()[0]!;

/** Follow the home page's link to an article; true when the new page was revealed with a view transition. */
async function transitioned(newContext: NewContext, reducedMotion: 'reduce' | 'no-preference'): Promise<boolean> {
  const context = await newContext({ reducedMotion });
  await context.addInitScript(() => {
    addEventListener('pagereveal', (event) => {
      (window as unknown as { transition: boolean }).transition = !!(event as Event & { viewTransition: unknown })
        .viewTransition;
    });
  });
  const page = await context.newPage();
  await page.goto('');
  await page.getByRole('link', { name: ARTICLE.title, exact: true }).click();
  await page.waitForURL(`**/articles/${ARTICLE.slug}/`);
  await page.waitForFunction(() => 'transition' in window);
  return page.evaluate(() => (window as unknown as { transition: boolean }).transition);
}

test('following a link within the site is a view transition', async ({ newContext }) => {
  assert.equal(await transitioned(newContext, 'no-preference'), true);
});

test('with reduced motion, following a link shows the new page at once, with no transition', async ({ newContext }) => {
  assert.equal(await transitioned(newContext, 'reduce'), false);
});
