/**
 * What a reader mode makes of each article: Mozilla Readability (Firefox Reader View's
 * engine) over the built page, in jsdom, as Firefox runs it. Every heading, paragraph and
 * list item of the seed must come out as such, in order, with the partner credit, and with
 * none of the page's own marks or controls (`¶`, `#`, the printed address, share buttons).
 * Reads the built files; no browser needed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { articlesFromSeed } from '../support/seed-truth';
import { DIST } from '../support/build-under-test';

const ARTICLES = articlesFromSeed();
const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

for (const article of ARTICLES) {
  test(`Readability extracts the whole of “${article.title}”`, () => {
    const html = readFileSync(join(DIST, 'articles', article.slug, 'index.html'), 'utf8');
    const page = new JSDOM(html, { url: 'https://reader.test/' });
    const extracted = new Readability(page.window.document).parse();
    assert.ok(extracted?.content, 'Readability finds an article');
    assert.equal(extracted.title, article.title);
    const body = new JSDOM(extracted.content).window.document.body;

    const blocks = [...body.querySelectorAll('h2, p, li')].map(text);
    const credit = article.partner ? [`From our partner ${article.partner}`] : [];
    assert.deepEqual(blocks, [...article.blocks, ...credit], 'every heading, paragraph and list item, then the credit');
    // Headings stay headings, list items stay in lists.
    const headings = new Set([...body.querySelectorAll('h2')].map(text));
    const items = new Set([...body.querySelectorAll('ol > li, ul > li')].map(text));
    assert.equal(headings.size + items.size, body.querySelectorAll('h2, li').length);

    const all = extracted.textContent ?? '';
    for (const stray of ['¶', 'Copy link', 'Share…', 'Dossier: http']) assert.ok(!all.includes(stray), `no “${stray}”`);
    assert.doesNotMatch(all, /(^|\s)#(\s|$)/, 'no lone #');
  });
}
