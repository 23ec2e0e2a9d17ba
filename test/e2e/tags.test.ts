import assert from 'node:assert/strict';
import { TAGS } from '../../src/tags';
import { articlesFromSeed } from '../support/seed-truth';
import { test } from '../support/site';

const ARTICLES = articlesFromSeed();

test('the tag index shows every tag with its description and article count', async ({ page, site }) => {
  await page.goto(`${site.url}tags/`);
  const items = page.locator('main li');
  assert.equal(await items.count(), TAGS.length);
  for (const [i, tag] of TAGS.entries()) {
    const item = items.nth(i);
    const count = ARTICLES.filter((a) => a.tags.includes(tag.label)).length;
    assert.equal(await item.getByRole('link').innerText(), tag.label);
    assert.equal(await item.getByRole('link').getAttribute('href'), site.path(`tags/${tag.slug}/`));
    assert.match(await item.innerText(), new RegExp(`${count} articles?\\b`));
    assert.match(await item.locator('p').innerText(), /^[A-Z].+\.$/);
  }
});

for (const tag of TAGS) {
  test(`the ${tag.label} tag page lists exactly its articles`, async ({ page, site }) => {
    await page.goto(`${site.url}tags/${tag.slug}/`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), tag.label);
    const listed = await page.locator('main article h2 a').allInnerTexts();
    const expected = ARTICLES.filter((a) => a.tags.includes(tag.label)).map((a) => a.title);
    assert.ok(expected.length > 0, `the seed has an article tagged ${tag.label}`);
    assert.deepEqual(listed, expected);
  });
}

test('a tag on an article page leads to that tag page', async ({ page, site }) => {
  const article = ARTICLES[3]!;
  await page.goto(`${site.url}articles/${article.slug}/`);
  await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: article.tags[0] }).click();
  await page.waitForURL(`**/tags/${article.tags[0]!.toLowerCase()}/`);
  assert.ok((await page.locator('main article h2 a').allInnerTexts()).includes(article.title));
});
