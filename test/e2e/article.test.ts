import assert from 'node:assert/strict';
import { assertShowsArticle } from '../support/article-page';
import { articlesFromSeed } from '../support/seed-truth';
import { test } from '../support/site';

const ARTICLES = articlesFromSeed();

for (const article of ARTICLES) {
  test(`${article.title}: every paragraph, heading and list item of the seed, and no chrome`, async ({
    page,
    site,
  }) => {
    await assertShowsArticle(page, `${site.url}articles/${article.slug}/`, article);
  });
}

test('the PSC article keeps its ten companies as a numbered list', async ({ page, site }) => {
  const article = ARTICLES.find((a) => a.tags.includes('PSCs'))!;
  await page.goto(`${site.url}articles/${article.slug}/`);
  const list = page.locator('#article-body ol');
  assert.equal(await list.count(), 1);
  assert.equal(await list.locator('li').count(), 10);
  assert.equal(await list.locator('li').first().innerText(), 'G4S');
});

test('the article reads well without JavaScript', async ({ site, newContext }) => {
  const context = await newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const article = ARTICLES[1]!;
  await assertShowsArticle(page, `${site.url}articles/${article.slug}/`, article);
});

test('an article of several sections lists them at the top, and each entry leads to its section', async ({
  page,
  site,
}) => {
  for (const article of ARTICLES) {
    await page.goto(`${site.url}articles/${article.slug}/`);
    const sections = await page
      .locator('#article-body h2')
      .evaluateAll((hs) => hs.map((h) => ({ id: h.id, text: h.textContent!.replace(/\s+/g, ' ').trim() })));
    const toc = page.getByRole('navigation', { name: 'In this article' });
    if (sections.length < 2) {
      assert.equal(await toc.count(), 0, `${article.slug} has no contents list`);
      continue;
    }
    const links = toc.getByRole('link');
    assert.deepEqual(
      await links.evaluateAll((as) =>
        as.map((a) => ({ id: a.getAttribute('href')!.slice(1), text: a.textContent!.trim() })),
      ),
      sections,
    );
    await links.last().click();
    await page.waitForURL(`**#${sections.at(-1)!.id}`);
    // Scrolling may be smooth: wait for the heading to arrive at the top of the screen.
    await page.waitForFunction((id) => {
      const top = document.getElementById(id)!.getBoundingClientRect().top;
      return top >= 0 && top < 200;
    }, sections.at(-1)!.id);
  }
});

test('printed, an article is dark text on white paper with its address, and no screen controls', async ({
  site,
  newContext,
}) => {
  const context = await newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  const article = ARTICLES.find((a) => a.tags.includes('drugs'))!;
  await page.goto(`${site.url}articles/${article.slug}/`);
  await page.emulateMedia({ media: 'print' });
  const paragraph = page.locator('#article-body p').first();
  assert.equal(await paragraph.evaluate((p) => getComputedStyle(p).color), 'rgb(0, 0, 0)');
  for (const hidden of [
    page.getByRole('navigation', { name: 'Site' }),
    page.getByRole('region', { name: 'Share this article' }),
    page.getByRole('navigation', { name: 'In this article' }),
    page.locator('footer'),
    paragraph.locator('.paragraph-link'),
  ]) {
    assert.equal(await hidden.isVisible(), false);
  }
  const printed = () =>
    page.locator('main article').evaluate((el) => {
      const line = getComputedStyle(el, '::after');
      return line.display === 'none' ? 'none' : line.content;
    });
  assert.match(
    await printed(),
    new RegExp(`^"Dossier: https?://\\S+/articles/${article.slug}/"$`),
    'the address is printed',
  );
  assert.ok((await page.pdf()).length > 10_000, 'Chromium prints it to a PDF');

  await page.emulateMedia({ media: 'screen' });
  assert.match(await printed(), /^(none|normal)$/, 'on screen the address bar says it');
});

test('on a phone the contents list starts folded, so the text starts on the first screen; it opens from the keyboard', async ({
  site,
  newContext,
}) => {
  const article = ARTICLES.find((a) => a.tags.includes('drugs'))!;
  const phone = { viewport: { width: 390, height: 844 } };
  const page = await (await newContext(phone)).newPage();
  await page.goto(`${site.url}articles/${article.slug}/`);
  const toc = page.getByRole('navigation', { name: 'In this article' });
  assert.equal(await toc.getByRole('link').first().isVisible(), false);
  const first = await page
    .locator('#article-body p')
    .first()
    .evaluate((p) => p.getBoundingClientRect().top);
  assert.ok(first < 844, `the first paragraph starts ${first}px down`);
  await toc.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await toc.getByRole('link').first().isVisible(), true);

  const noScript = await (await newContext({ ...phone, javaScriptEnabled: false })).newPage();
  await noScript.goto(`${site.url}articles/${article.slug}/`);
  assert.equal(
    await noScript.getByRole('navigation', { name: 'In this article' }).getByRole('link').first().isVisible(),
    true,
  );
});
