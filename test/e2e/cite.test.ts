/**
 * "Cite this article": the references on the page (without script too), the BibTeX and RIS
 * files parsed back by citation-js (what reference managers' tools build on), the Highwire
 * Press tags read as Zotero's "Embedded Metadata" translator reads them, and the copy buttons.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { articlesFromSeed } from '../support/seed-truth';
import { test } from '../support/site';

const ARTICLES = articlesFromSeed();
const BYLINED = ARTICLES.find((article) => article.author === 'Giancarlo Elia Valori')!;
const UNSIGNED = ARTICLES.find((article) => !article.author)!;

interface CslItem {
  type: string;
  title: string;
  author?: { given?: string; family?: string }[];
  issued?: unknown;
  URL: string;
}

/** The `citation_*` tags of the page, as Zotero reads them: name → every content, in order. */
const highwire = (page: Page) =>
  page.locator('meta[name^="citation_"]').evaluateAll((metas) => {
    const tags: Record<string, string[]> = {};
    for (const meta of metas as HTMLMetaElement[]) (tags[meta.name] ??= []).push(meta.content);
    return tags;
  });

/** The references the cite section shows, by style. */
const references = (page: Page) =>
  page
    .locator('[data-cite] [data-reference]')
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((item) => [
          item.querySelector('dt')!.firstChild!.textContent!.trim(),
          item.querySelector('dd')!.textContent!.replace(/\s+/gu, ' ').trim(),
        ]),
      ),
    );

test('without JavaScript, "Cite this article" opens to an APA and a Chicago reference, and links the files', async ({
  newContext,
  site,
}) => {
  const page = await (await newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(`articles/${BYLINED.slug}/`);
  const cite = page.getByRole('region', { name: 'Cite this article' });
  await cite.locator('summary').click();
  const url = await page.locator('link[rel="canonical"]').getAttribute('href');
  assert.deepEqual(await references(page), {
    APA: `Valori, G. E. (n.d.). ${BYLINED.title}. Dossier. ${url}`,
    Chicago: `Valori, Giancarlo Elia. “${BYLINED.title}.” Dossier, n.d. ${url}.`,
  });
  assert.equal(await cite.locator('i').innerText(), `${BYLINED.title}.`, 'APA sets the title in italics');
  assert.equal(await cite.getByRole('button').count(), 0, 'no copy button that cannot work');
  assert.deepEqual(await cite.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), [
    site.path(`articles/${BYLINED.slug}/cite.bib`),
    site.path(`articles/${BYLINED.slug}/cite.ris`),
  ]);
});

test('an article without a byline is cited by its title first, and undated as "n.d."', async ({ page }) => {
  await page.goto(`articles/${UNSIGNED.slug}/`);
  await page.locator('[data-cite] summary').click();
  const { APA, Chicago } = await references(page);
  assert.ok(APA!.startsWith(`${UNSIGNED.title} (n.d.). Dossier. `), APA);
  assert.ok(Chicago!.startsWith(`“${UNSIGNED.title}” Dossier, n.d. `), Chicago);
});

for (const file of ['cite.bib', 'cite.ris']) {
  test(`every article's ${file} is read back by citation-js as the article it cites`, async ({ page }) => {
    for (const article of ARTICLES) {
      await page.goto(`articles/${article.slug}/`);
      const link = page.locator(`[data-cite] a[href$="${file}"]`);
      const response = await fetch(new URL((await link.getAttribute('href'))!, page.url()));
      assert.equal(response.status, 200);
      const [item] = new Cite(await response.text()).data as CslItem[];
      assert.equal(item!.type, 'webpage');
      assert.equal(item!.title, article.title);
      assert.equal(item!.URL, await page.locator('link[rel="canonical"]').getAttribute('href'));
      assert.equal(item!.issued, undefined, 'no date is invented');
      const families = (item!.author ?? []).map((author) => author.family);
      assert.deepEqual(families, article.author ? [article.author.split(' ').at(-1)] : []);
    }
  });
}

test('the Highwire Press tags give the title, each author, the address and the language, as Zotero reads them', async ({
  page,
}) => {
  await page.goto(`articles/${BYLINED.slug}/`);
  const tags = await highwire(page);
  assert.deepEqual(tags, {
    citation_title: [BYLINED.title],
    citation_author: ['Valori, Giancarlo Elia'],
    citation_public_url: [(await page.locator('link[rel="canonical"]').getAttribute('href'))!],
    citation_language: [(await page.locator('html').getAttribute('lang'))!],
  });
  await page.goto(`articles/${UNSIGNED.slug}/`);
  assert.equal((await highwire(page)).citation_author, undefined, 'no author where the byline names none');
  await page.goto('');
  assert.deepEqual(await highwire(page), {}, 'only article pages cite');
});

test('with JavaScript, a copy button beside each reference copies it and says so', async ({ newContext, site }) => {
  const context = await newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  const page = await context.newPage();
  await page.goto(`articles/${BYLINED.slug}/`);
  const cite = page.getByRole('region', { name: 'Cite this article' });
  await cite.locator('summary').click();
  for (const style of ['APA', 'Chicago']) {
    await cite.getByRole('button', { name: `Copy ${style} reference`, exact: true }).click();
    await cite
      .getByRole('status')
      .filter({ hasText: `${style} reference copied` })
      .waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), (await references(page))[style]);
  }
});
