/**
 * Highlights and notes, kept on the reader's device: made from a selection, marked again after
 * a reload, listed by article on /highlights/ with a note, followed back to the passage,
 * exported as Markdown and removed; found again after their paragraph changed, reported when
 * their text is gone, and a clear message when the storage cannot be read.
 */
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { HIGHLIGHTS_KEY } from '../../src/facts';
import type { Highlight } from '../../src/browser/highlights/store';
import { articlesFromSeed } from '../support/seed-truth';
import { test } from '../support/site';

const ARTICLES = articlesFromSeed();
const ARTICLE = ARTICLES.find((article) => article.author === 'Giancarlo Elia Valori')!;

/** Select `words` inside the article's `n`th paragraph, as a reader drags over them. */
async function selectWords(page: Page, n: number, words: string): Promise<void> {
  await page
    .locator('#article-body > p')
    .nth(n)
    .evaluate((p, words) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const at = node.data.indexOf(words);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`no "${words}" in the paragraph`);
    }, words);
}

/** The words of the article's `n`th paragraph from the `from`th to the `to`th. */
async function wordsOf(page: Page, n: number, from: number, to: number): Promise<string> {
  const text = await page.locator('#article-body > p').nth(n).innerText();
  return text.split(' ').slice(from, to).join(' ');
}

/** Highlight `words` of paragraph `n` on the open article page, by the floating button. */
async function highlight(page: Page, n: number, words: string): Promise<void> {
  await selectWords(page, n, words);
  await page.getByRole('button', { name: 'Highlight' }).click();
  await page
    .locator('mark.reader-highlight')
    .filter({ hasText: words.split(' ')[0]! })
    .first()
    .waitFor();
}

const stored = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as Highlight[], HIGHLIGHTS_KEY);

test('a selection is highlighted in a <mark>, and marked again after a reload', async ({ page }) => {
  await page.goto(`articles/${ARTICLE.slug}/`);
  const words = await wordsOf(page, 2, 2, 9);
  await highlight(page, 2, words);
  assert.equal((await page.locator('mark.reader-highlight').allTextContents()).join(''), words);
  const [kept] = await stored(page);
  assert.equal(kept!.exact, words);
  assert.match(kept!.paragraph, /\S/u, 'anchored by its paragraph’s id');
  assert.equal(kept!.title, ARTICLE.title);
  await page.reload();
  await page.locator('mark.reader-highlight').first().waitFor();
  assert.equal((await page.locator('mark.reader-highlight').allTextContents()).join(''), words);
});

test('a selection across paragraphs is a highlight in each, marked again after a reload and listed in order', async ({
  page,
}) => {
  await page.goto(`articles/${ARTICLE.slug}/`);
  const paragraphs = page.locator('#article-body > p');
  // From the last words of paragraph 2 to the first words of paragraph 3, as a reader drags.
  const end = (await paragraphs.nth(2).innerText()).trim().split(' ').slice(-3).join(' ');
  const start = (await paragraphs.nth(3).innerText()).trim().split(' ').slice(0, 4).join(' ');
  await paragraphs.nth(2).evaluate(
    (from, [end, start]) => {
      const to = from.nextElementSibling!;
      const textOf = (block: Element, words: string, atEnd: boolean): [Text, number] => {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        while (walker.nextNode()) nodes.push(walker.currentNode as Text);
        for (const node of atEnd ? nodes.reverse() : nodes) {
          const at = atEnd ? node.data.lastIndexOf(words) : node.data.indexOf(words);
          if (at >= 0) return [node, atEnd ? at : at + words.length];
        }
        throw new Error(`no "${words}"`);
      };
      const range = document.createRange();
      range.setStart(...textOf(from, end!, true));
      range.setEnd(...textOf(to, start!, false));
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    },
    [end, start],
  );
  await page.getByRole('button', { name: 'Highlight' }).click();
  await page.getByText('Highlighted, as 2 passages, one for each paragraph.').waitFor();
  const kept = await stored(page);
  assert.deepEqual(
    kept.map((highlight) => highlight.exact),
    [end, start],
  );
  const ids = await Promise.all([2, 3].map((n) => paragraphs.nth(n).getAttribute('id')));
  assert.deepEqual(
    kept.map((highlight) => highlight.paragraph),
    ids,
    'each anchored in its own paragraph',
  );
  await page.reload();
  await page.locator('mark.reader-highlight').first().waitFor();
  assert.equal((await paragraphs.nth(2).locator('mark.reader-highlight').allTextContents()).join(''), end);
  assert.equal((await paragraphs.nth(3).locator('mark.reader-highlight').allTextContents()).join(''), start);
  await page.goto('highlights/');
  await page.locator('blockquote').first().waitFor();
  assert.deepEqual(await page.locator('blockquote').allInnerTexts(), [end, start]);
});

test('the list shows each highlight by article with its note, lands on the passage marked, exports, removes', async ({
  page,
  site,
}) => {
  await page.goto(`articles/${ARTICLE.slug}/`);
  const first = await wordsOf(page, 1, 0, 6);
  const second = await wordsOf(page, 4, 3, 8);
  await highlight(page, 1, first);
  await highlight(page, 4, second);
  await page.goto('highlights/');
  const group = page.locator('section').filter({ has: page.getByRole('heading', { name: ARTICLE.title }) });
  await group.locator('blockquote').first().waitFor();
  assert.deepEqual(await group.locator('blockquote').allInnerTexts(), [first, second]);

  // A note, kept across a reload.
  await group.getByRole('textbox', { name: 'Note' }).first().fill('Compare with the 2019 doctrine.');
  await group.getByRole('button', { name: 'Save note' }).first().click();
  await page.getByRole('status').filter({ hasText: 'Note saved' }).waitFor();
  await page.reload();
  await group.locator('blockquote').first().waitFor();
  assert.equal(
    await group.getByRole('textbox', { name: 'Note' }).first().inputValue(),
    'Compare with the 2019 doctrine.',
  );
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      violations.map((v) => v.id),
      [],
      `axe, ${colorScheme}`,
    );
  }

  // Export: a Markdown file with each quote, note, article title and address.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Export/u }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'highlights.md');
  const markdown = readFileSync((await download.path())!, 'utf8');
  const origin = new URL(site.url).origin;
  assert.ok(markdown.includes(`## ${ARTICLE.title}`), markdown);
  assert.ok(markdown.includes(`<${origin}${site.path(`articles/${ARTICLE.slug}/`)}>`), markdown);
  assert.ok(markdown.includes(`> ${first}\n`) && markdown.includes(`> ${second}\n`), markdown);
  assert.ok(markdown.includes('Note: Compare with the 2019 doctrine.'), markdown);

  // Following a highlight lands on its passage, marked as a shared quote is.
  await group.getByRole('link', { name: 'Go to the passage' }).nth(1).click();
  await page.waitForURL(`**/articles/${ARTICLE.slug}/**`);
  await page.locator('mark.quote-target').waitFor();
  assert.ok(second.startsWith(await page.locator('mark.quote-target').innerText()));

  // Removed from the list, and from the article.
  await page.goto('highlights/');
  await group.locator('blockquote').first().waitFor();
  await group
    .getByRole('button', { name: /^Remove the highlight/u })
    .first()
    .click();
  await page.getByRole('status').filter({ hasText: 'Highlight removed' }).waitFor();
  assert.deepEqual(await group.locator('blockquote').allInnerTexts(), [second]);
  await page.goto(`articles/${ARTICLE.slug}/`);
  await page.locator('mark.reader-highlight').first().waitFor();
  assert.equal((await page.locator('mark.reader-highlight').allTextContents()).join(''), second);
});

test('a highlight whose paragraph changed is found where its text is; one whose text is gone is reported, not dropped', async ({
  page,
}) => {
  await page.goto(`articles/${ARTICLE.slug}/`);
  const words = await wordsOf(page, 3, 1, 7);
  const path = new URL(page.url()).pathname;
  const base = { path, title: ARTICLE.title, note: '', created: '2026-12-01T00:00:00.000Z', prefix: '', suffix: '' };
  await page.evaluate(([key, highlights]) => localStorage.setItem(key, JSON.stringify(highlights)), [
    HIGHLIGHTS_KEY,
    [
      { ...base, id: 'moved', paragraph: 'a-paragraph-whose-words-changed', exact: words },
      { ...base, id: 'gone', paragraph: 'another', exact: 'words this article never had', note: 'Keep me.' },
    ],
  ] as const);
  await page.reload();
  await page.locator('mark[data-highlight="moved"]').first().waitFor();
  assert.equal((await page.locator('mark[data-highlight="moved"]').allTextContents()).join(''), words);
  await page
    .getByRole('status')
    .filter({ hasText: 'One of your highlights on this article could not be found' })
    .waitFor();
  await page.goto('highlights/');
  await page.locator('blockquote').first().waitFor();
  const lost = page.locator('li').filter({ hasText: 'words this article never had' });
  assert.match(await lost.innerText(), /Not found in the article as it is now/u);
  assert.equal(await lost.getByRole('textbox', { name: 'Note' }).inputValue(), 'Keep me.');
});

test('damaged storage gets a clear message, on the list and the article, and is not written over', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('highlights/');
  await page.evaluate((key) => localStorage.setItem(key, '{"not": "a list"'), HIGHLIGHTS_KEY);
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'could not be read' }).waitFor();
  await page.goto(`articles/${ARTICLE.slug}/`);
  const words = await wordsOf(page, 2, 0, 5);
  await selectWords(page, 2, words);
  await page.getByRole('button', { name: 'Highlight' }).click();
  await page.locator('[data-quote-status]').filter({ hasText: 'could not be read' }).waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), HIGHLIGHTS_KEY), '{"not": "a list"');
  assert.deepEqual(errors, []);
});

test('a thousand highlights list at once', async ({ page }) => {
  await page.goto('highlights/');
  const path = new URL(page.url()).pathname.replace(/highlights\/$/u, `articles/${ARTICLE.slug}/`);
  await page.evaluate(
    ([key, path, title]) =>
      localStorage.setItem(
        key,
        JSON.stringify(
          Array.from({ length: 1000 }, (_, i) => ({
            id: `h${i}`,
            path,
            title,
            note: i % 2 ? `Note ${i}` : '',
            created: '2026-12-01T00:00:00.000Z',
            paragraph: 'p',
            exact: `Passage number ${i}`,
            prefix: '',
            suffix: '',
          })),
        ),
      ),
    [HIGHLIGHTS_KEY, path, ARTICLE.title] as const,
  );
  await page.reload();
  await page.getByText('1000 highlights').waitFor();
  assert.equal(await page.locator('blockquote').count(), 1000);
});

test('without JavaScript, the list page says highlights need it', async ({ newContext }) => {
  const page = await (await newContext({ javaScriptEnabled: false })).newPage();
  await page.goto('highlights/');
  assert.match(await page.locator('main').innerText(), /Highlights are made and listed by JavaScript, which is off/u);
});

test('the Highlight, Save note and Remove buttons work from the keyboard', async ({ page }) => {
  await page.goto(`articles/${ARTICLE.slug}/`);
  // A selection as caret browsing (F7) makes it; then only keys.
  const words = await wordsOf(page, 2, 0, 4);
  await selectWords(page, 2, words);
  const highlightButton = page.getByRole('button', { name: 'Highlight' });
  await highlightButton.waitFor();
  await highlightButton.focus();
  await page.keyboard.press('Enter');
  await page.locator('mark.reader-highlight').first().waitFor();
  assert.equal((await page.locator('mark.reader-highlight').allTextContents()).join(''), words);
  await page.goto('highlights/');
  await page.getByRole('textbox', { name: 'Note' }).focus();
  await page.keyboard.type('Read again.');
  await page.keyboard.press('Tab'); // the passage's link
  await page.keyboard.press('Tab'); // Save note
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Note saved' }).waitFor();
  await page.keyboard.press('Tab'); // Remove
  await page.keyboard.press('Enter');
  await page.getByText('You have no highlights yet.').waitFor();
});
