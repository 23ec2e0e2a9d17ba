/**
 * Other pages of the same format build just as faithfully: the fixture seeds with other
 * sections, bylines and partners, and text that looks like Markdown or HTML, are ingested
 * into a scratch folder, built into a scratch site, and every article page is checked
 * against its seed lines.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { assertShowsArticle } from '../support/article-page';
import { articlesFromSeed } from '../support/seed-truth';
import { test } from '../support/site';
import { serveStatic, type StaticServer } from '../../tools/lib/static-server';

const CASES = [
  'markdown-lookalikes',
  'other-section-byline-partner',
  'numbered-list',
  'no-break-spaces',
  'long-title',
  'long-chinese-title',
  'punctuation-only-title',
  'format-characters',
  'nfc-normalisation',
  'right-to-left',
];
/** The scratch folder of seeds, content and build, made before the tests and removed after. */
let scratch: string;
let content: string;
let server: StaticServer;
/** The base path the scratch site is built for: the project's. */
let base: string;

test.beforeAll(async ({ site }) => {
  base = site.base;
  scratch = mkdtempSync(join(tmpdir(), 'dossier-fixtures-'));
  content = join(scratch, 'content');
  const seeds = join(scratch, 'seeds');
  mkdirSync(seeds);
  for (const name of CASES) copyFileSync(`test/fixtures/seeds/${name}/input.txt`, join(seeds, `${name}.txt`));
  execFileSync('node_modules/.bin/tsx', ['src/ingest/cli.ts', '--seeds', seeds, '--out', content]);
  execFileSync('node_modules/.bin/astro', ['build', '--outDir', join(scratch, 'dist')], {
    env: { ...process.env, ARTICLES_DIR: content, ASTRO_CACHE_DIR: join(scratch, 'cache'), BASE_PATH: base },
    stdio: 'ignore',
  });
  server = await serveStatic({ root: join(scratch, 'dist'), base });
});
test.afterAll(async () => {
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test(`the fixture pages (${CASES.join(', ')}) show their seed text exactly, run nothing, show no chrome`, async ({
  newContext,
}) => {
  const articles = articlesFromSeed(content);
  assert.ok(articles.length >= CASES.length + 1);
  for (const article of articles) {
    const page = await (await newContext()).newPage();
    await assertShowsArticle(page, `${server.url}articles/${article.slug}/`, article);
  }
});

test('a right-to-left article reads right to left, block by block, and its English neighbours left to right', async ({
  newContext,
}) => {
  const [rtl] = articlesFromSeed(content).filter((article) => /^\p{Script=Arabic}/u.test(article.title));
  const page = await (await newContext()).newPage();
  await page.goto(`${server.url}articles/${encodeURIComponent(rtl!.slug)}/`);
  // The direction the browser resolved for each element, `dir="auto"` included.
  const direction = (selector: string) =>
    page.locator(selector).evaluateAll((els) => els.map((el) => (el.matches(':dir(rtl)') ? 'rtl' : 'ltr')));
  assert.deepEqual(await direction('main article h1'), ['rtl']);
  assert.deepEqual(await direction('#article-body > p'), ['rtl', 'rtl']);
  await page.goto(server.url);
  const cards = page.locator('main article');
  const rtlCard = cards.filter({ hasText: rtl!.title });
  assert.equal(await rtlCard.locator('h2').evaluate((el) => el.matches(':dir(rtl)')), true);
  const ltrCard = cards.filter({ hasText: 'Café Diplomacy' });
  assert.equal(await ltrCard.locator('h2').evaluate((el) => el.matches(':dir(rtl)')), false);
});

test('articles whose titles are long, Chinese or punctuation only have short, working addresses', async ({
  newContext,
}) => {
  const slugs = articlesFromSeed(content).map((article) => article.slug);
  for (const slug of slugs) assert.ok(Buffer.byteLength(slug) <= 80, `${slug} is at most 80 bytes`);
  assert.ok(
    slugs.some((slug) => /^article-[0-9a-f]{8}$/.test(slug)),
    'a title of punctuation only gets article-<hash>',
  );
  assert.ok(
    slugs.some((slug) => /^情报/.test(slug)),
    'a Chinese title keeps its characters',
  );
  const page = await (await newContext()).newPage();
  await page.goto(server.url);
  const hrefs = await page
    .locator('main article h2 a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const slug of slugs) assert.ok(hrefs.includes(`${base}articles/${slug}/`), `the home page links ${slug}`);
});
