import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import type { Page } from '@playwright/test';
import { SITE, SITE_URL } from '../../src/config';
import { articlesFromSeed } from '../support/seed-truth';
import { test, type NewContext, type Site } from '../support/site';

const ARTICLES = articlesFromSeed();
/** A site path as the published site spells it, whole. */
const absolute = (site: Site, path: string) => new URL(site.path(path), SITE_URL).href;

/** The local address of an absolute site URL, so the test can open what a reader was sent. */
const local = (site: Site, url: string) => {
  const { pathname, search, hash } = new URL(url);
  return `${new URL(site.url).origin}${pathname}${search}${hash}`;
};

const meta = (page: Page, key: string) =>
  page
    .locator(`meta[property="${key}"], meta[name="${key}"]`)
    .evaluateAll((els) => els.map((el) => el.getAttribute('content')));

for (const article of ARTICLES) {
  test(`${article.title}: meta tags and JSON-LD match its frontmatter`, async ({ page, site }) => {
    await page.goto(`${site.url}articles/${article.slug}/`);
    const url = absolute(site, `articles/${article.slug}/`);
    const image = absolute(site, `og/${article.slug}.png`);
    assert.equal(await page.title(), `${article.title} — ${SITE.title}`);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), url);
    assert.deepEqual(await meta(page, 'description'), [article.description]);
    assert.deepEqual(await meta(page, 'og:type'), ['article']);
    assert.deepEqual(await meta(page, 'og:title'), [article.title]);
    assert.deepEqual(await meta(page, 'og:description'), [article.description]);
    assert.deepEqual(await meta(page, 'og:url'), [url]);
    assert.deepEqual(await meta(page, 'og:site_name'), [SITE.title]);
    assert.deepEqual(await meta(page, 'og:locale'), ['en_US']);
    assert.deepEqual(await meta(page, 'og:image'), [image]);
    assert.deepEqual(await meta(page, 'og:image:width'), ['1200']);
    assert.deepEqual(await meta(page, 'og:image:height'), ['630']);
    assert.match(
      (await meta(page, 'og:image:alt'))[0]!,
      new RegExp(article.title.slice(0, 20).replace(/[?()]/g, '\\$&')),
    );
    assert.deepEqual(await meta(page, 'article:section'), [article.section]);
    assert.deepEqual(await meta(page, 'article:tag'), article.tags);
    assert.deepEqual(await meta(page, 'article:author'), article.author ? [article.author] : []);
    assert.deepEqual(await meta(page, 'twitter:card'), ['summary_large_image']);
    assert.deepEqual(await meta(page, 'twitter:image'), [image]);
    assert.deepEqual(await meta(page, 'article:published_time'), [], 'no invented date');

    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    assert.equal(ld['@type'], 'Article');
    assert.equal(ld.headline, article.title);
    assert.equal(ld.description, article.description);
    assert.deepEqual(ld.author, article.author ? { '@type': 'Person', name: article.author } : undefined);
    assert.equal(ld.articleSection, article.section);
    assert.equal(ld.keywords, article.tags.join(', '));
    assert.equal(ld.url, url);
    assert.equal(ld.image.url, image);
    const words = article.blocks.join(' ').split(/\s+/).length;
    assert.ok(Math.abs(ld.wordCount - words) / words < 0.02, `wordCount ${ld.wordCount} ≈ ${words}`);
    assert.equal(ld.publisher.name, SITE.title);
    assert.equal(ld.publisher.logo.url, absolute(site, 'logo.png'));
    assert.equal(ld.inLanguage, 'en');
    assert.deepEqual(
      ld.sourceOrganization,
      article.partner ? { '@type': 'Organization', name: article.partner } : undefined,
      'the partner, when the seed credits one',
    );
    assert.equal(ld.isPartOf.url, absolute(site, ''));
    assert.doesNotMatch(JSON.stringify(ld), /date/i, 'no invented date');
  });
}

test('every page has a canonical link, a description, the feed link and a social image', async ({ page, site }) => {
  for (const path of ['', 'tags/', 'tags/drugs/', 'search/']) {
    await page.goto(`${site.url}${path}`);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), absolute(site, path));
    assert.ok((await meta(page, 'description'))[0]);
    assert.equal(
      await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href'),
      site.path('rss.xml'),
    );
    assert.deepEqual(await meta(page, 'og:image'), [absolute(site, 'og/home.png')]);
    assert.deepEqual(await meta(page, 'og:type'), ['website']);
  }
});

test('social images are 1200×630 PNGs, and the logo JSON-LD names is a 512×512 PNG', async ({ site }) => {
  for (const name of ['home', ...ARTICLES.map((a) => a.slug), 'logo']) {
    const response = await fetch(`${site.url}${name === 'logo' ? 'logo' : `og/${name}`}.png`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    const png = Buffer.from(await response.arrayBuffer());
    assert.deepEqual(
      [...png.subarray(0, 8)],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      `${name}: PNG signature`,
    );
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    const size = name === 'logo' ? [512, 512] : [1200, 630];
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], size, `${name}: size`);
  }
});

test('the feed is valid RSS naming itself, with one item per article, absolute links, the full text and the partner credit', async ({
  site,
}) => {
  const xml = await (await fetch(`${site.url}rss.xml`)).text();
  assert.equal(SyntaxValidator.validate(xml), true, 'well-formed XML');
  const feed = new XMLParser({ ignoreAttributes: false }).parse(xml);
  const self = feed.rss.channel['atom:link'];
  assert.deepEqual(
    [self['@_rel'], self['@_href'], self['@_type']],
    ['self', absolute(site, 'rss.xml'), 'application/rss+xml'],
    'atom:link rel="self"',
  );
  assert.equal(feed.rss['@_xmlns:atom'], 'http://www.w3.org/2005/Atom');
  const items = feed.rss.channel.item as Array<Record<string, string>>;
  assert.equal(items.length, ARTICLES.length);
  for (const [i, article] of ARTICLES.entries()) {
    const item = items[i]!;
    assert.equal(item.title, article.title);
    assert.equal(item.link, absolute(site, `articles/${article.slug}/`));
    const content = item['content:encoded']!;
    assert.ok(
      content.includes(article.blocks.at(-1)!.replace(/&/g, '&amp;').slice(0, 60)),
      'full text, to the last block',
    );
    for (const href of content.matchAll(/href="([^"]*)"/g))
      assert.match(href[1]!, /^https?:\/\//, 'absolute links only');
    assert.doesNotMatch(content, /¶/);
    const credit = /<p>From our partner ([^<]*)<\/p>$/.exec(content.trim())?.[1];
    assert.equal(credit, article.partner, 'the partner credit ends the text, when there is one');
  }
});

test('without JavaScript no page shows a control that needs it: the share bar is its e-mail link', async ({
  site,
  newContext,
}) => {
  const page = await (await newContext({ javaScriptEnabled: false })).newPage();
  for (const path of ['', 'tags/', 'tags/drugs/', 'search/', ...ARTICLES.map((a) => `articles/${a.slug}/`)]) {
    await page.goto(`${site.url}${path}`);
    assert.equal(await page.locator('button:visible, [role="button"]:visible').count(), 0, `${path}: no button`);
  }
  const bar = page.getByRole('region', { name: 'Share this article' });
  assert.deepEqual(await bar.getByRole('link').allInnerTexts(), ['E-mail']);

  const scripted = await (await newContext()).newPage();
  await scripted.goto(`${site.url}articles/${ARTICLES[0]!.slug}/`);
  // The script loads once the page has been seen, and then adds the button.
  await scripted
    .getByRole('region', { name: 'Share this article' })
    .getByRole('button', { name: 'Copy link' })
    .waitFor();
});

test('the sitemap lists every page search engines may index, and robots.txt points to it', async ({ site }) => {
  const index = await (await fetch(`${site.url}sitemap-index.xml`)).text();
  assert.equal(SyntaxValidator.validate(index), true, 'well-formed XML');
  const parser = new XMLParser();
  const sitemaps = [parser.parse(index).sitemapindex.sitemap].flat().map((s: { loc: string }) => s.loc);
  const listed = new Set<string>();
  for (const loc of sitemaps) {
    const xml = await (await fetch(local(site, loc))).text();
    for (const url of [parser.parse(xml).urlset.url].flat()) listed.add(url.loc);
  }
  const pages = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      // The reader's own pages (highlights, offline) ask not to be indexed: no sitemap lists them.
      return name === 'index.html' && !readFileSync(path, 'utf8').includes('<meta name="robots" content="noindex">')
        ? [absolute(site, relative(site.dist, dir).split('\\').join('/').replace(/(.)$/, '$1/'))]
        : [];
    });
  })(site.dist);
  assert.deepEqual([...listed].sort(), pages.sort());
  assert.equal(pages.length, 1 + 1 + 1 + 4 + ARTICLES.length, 'home, search, tags, four tag pages and the articles');
  const robots = await (await fetch(`${site.url}robots.txt`)).text();
  assert.match(robots, new RegExp(`^Sitemap: ${absolute(site, 'sitemap-index.xml').replace(/[.?]/g, '\\$&')}$`, 'm'));
});

test('"Copy link" puts the canonical URL on the clipboard and says so', async ({ site, newContext }) => {
  const page = await clipboardPage(newContext, site);
  const article = ARTICLES[0]!;
  await page.goto(`${site.url}articles/${article.slug}/`);
  const bar = page.getByRole('region', { name: 'Share this article' });
  await bar.getByRole('button', { name: 'Copy link' }).click();
  await bar.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), absolute(site, `articles/${article.slug}/`));
  const mail = await bar.getByRole('link', { name: 'E-mail' }).getAttribute('href');
  assert.ok(
    mail!.startsWith('mailto:?subject=') &&
      decodeURIComponent(mail!).includes(absolute(site, `articles/${article.slug}/`)),
  );
});

/** A page allowed to write and read the clipboard, as a reader's click allows. */
async function clipboardPage(newContext: NewContext, site: Site): Promise<Page> {
  const context = await newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  return context.newPage();
}

/** Wait until the element's mark, drawn by CSS as `pseudo`, has faded fully in (a short transition). */
async function visible(
  page: Page,
  locator: ReturnType<Page['locator']>,
  pseudo: '::before' | '::after',
): Promise<void> {
  await page.waitForFunction(([el, p]) => getComputedStyle(el as Element, p as string).opacity === '1', [
    await locator.elementHandle(),
    pseudo,
  ] as const);
}

/** Whether the element is inside the viewport once scrolling has settled. */
/**
 * Whether the element `selector` names has its top inside the viewport, once the page has
 * loaded and any scrolling (smooth, where the reader allows motion) has come to rest: the
 * same position for a quarter of a second.
 */
async function inView(page: Page, selector: string): Promise<boolean> {
  await page.locator(selector).waitFor({ state: 'attached' });
  await page.waitForLoadState('load');
  const scrolled = () =>
    page.evaluate(() => new Promise<number>((resolve) => setTimeout(() => resolve(window.scrollY), 250)));
  for (let [before, after] = [NaN, await scrolled()]; before !== after; [before, after] = [after, await scrolled()]);
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight;
  });
}

test('a heading links to itself, focusable, showing its # on focus, and takes the reader to the marked section', async ({
  page,
  site,
}) => {
  const article = ARTICLES.find((a) => a.tags.includes('PSCs'))!;
  await page.goto(`${site.url}articles/${article.slug}/`);
  const heading = page.getByRole('heading', { level: 2, name: 'Conclusion', exact: true });
  const link = heading.getByRole('link', { name: 'Conclusion', exact: true });
  assert.equal(await link.getAttribute('href'), '#conclusion');
  await link.focus();
  await visible(page, link, '::after'); // on focus
  await page.keyboard.press('Enter');
  await page.waitForURL(/#conclusion$/);
  assert.ok(await inView(page, '#conclusion'));
  assert.ok(await page.locator('#conclusion').evaluate((el) => el.matches(':target')));
  const marked = await page.locator('#conclusion').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(marked, 'rgba(0, 0, 0, 0)', 'the section is marked');
});

test('every paragraph has an id from its own text, and its ¶ link takes the reader to it', async ({
  page,
  site,
  newContext,
}) => {
  const article = ARTICLES[1]!;
  await page.goto(`${site.url}articles/${article.slug}/`);
  const paragraphs = page.locator('#article-body > p');
  const ids = await paragraphs.evaluateAll((ps) => ps.map((p) => p.id));
  const texts = article.blocks; // this article has only paragraphs
  assert.equal(ids.length, texts.length);
  ids.forEach((id, i) => {
    const hash = createHash('sha256').update(texts[i]!).digest('hex').slice(0, 8);
    assert.ok(id === `p-${hash}` || id.startsWith(`p-${hash}-`), `paragraph ${i + 1} id ${id} comes from its text`);
  });

  const target = paragraphs.nth(20);
  const id = ids[20]!;
  await target.hover();
  const pilcrow = target.getByRole('link', { name: 'Link to this paragraph' });
  await visible(page, pilcrow, '::before'); // on hover
  await pilcrow.click();
  await page.waitForURL(new RegExp(`#${id}$`));
  assert.ok(await inView(page, `#${id}`));
  assert.ok(await target.evaluate((el) => el.matches(':target')));
  assert.notEqual(await target.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgba(0, 0, 0, 0)');

  const fresh = await (await newContext()).newPage();
  await fresh.goto(`${site.url}articles/${article.slug}/#${id}`);
  assert.ok(await inView(fresh, `#${id}`), 'a shared paragraph link lands on the paragraph');
});

/**
 * Select `quote` in the paragraph of the article page that starts with `paragraph` (its first
 * occurrence there), press "Copy link to quote" and return the link copied.
 */
async function copyQuoteLink(page: Page, quote: string, paragraph: string = quote): Promise<string> {
  await page.evaluate(
    ({ quote, paragraph }) => {
      const p = [...document.querySelectorAll('#article-body p')].find((el) =>
        el.textContent!.trimStart().startsWith(paragraph),
      )!;
      p.scrollIntoView();
      const node = [...p.childNodes].find((n): n is Text => n instanceof Text && n.data.includes(quote))!;
      const start = node.data.indexOf(quote);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + quote.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    { quote, paragraph },
  );
  await page.getByRole('button', { name: 'Copy link to quote' }).click();
  await page.getByText('Link to quote copied').waitFor({ state: 'attached' });
  return page.evaluate(() => navigator.clipboard.readText());
}

test('"Copy link to quote" copies a text-fragment link that lands on the marked quote', async ({
  site,
  newContext,
}) => {
  const page = await clipboardPage(newContext, site);
  const article = ARTICLES[1]!;
  await page.goto(`${site.url}articles/${article.slug}/`);
  const quote = 'Serendipity is the possibility of making accidental discoveries.';
  const link = await copyQuoteLink(page, quote, 'Serendipity');
  assert.ok(link.startsWith(`${absolute(site, `articles/${article.slug}/`)}#:~:text=`), link);

  const reader = await (await newContext()).newPage();
  await reader.goto(local(site, link));
  const mark = reader.locator('#article-body mark.quote-target');
  await mark.waitFor();
  assert.equal((await mark.innerText()).replace(/\s+/g, ' '), quote);
  assert.ok(await inView(reader, '#article-body mark.quote-target'));
});

test('a link to a quote whose words occur earlier too lands on the one the reader selected', async ({
  site,
  newContext,
}) => {
  const page = await clipboardPage(newContext, site);
  const article = ARTICLES.find((a) => a.slug.startsWith('the-role-of-information'))!;
  await page.goto(`${site.url}articles/${article.slug}/`);
  const paragraph = 'In addition, Iran’s national security considerations';
  const link = await copyQuoteLink(page, 'national security', paragraph);
  assert.match(link, /#:~:text=[^,]+-,national%20security$/, 'the link names the words before the quote');

  const reader = await (await newContext()).newPage();
  await reader.goto(local(site, link));
  const mark = reader.locator('#article-body mark.quote-target');
  await mark.waitFor();
  const marked = await mark.evaluate((el) => el.closest('p')!.textContent!.trimStart());
  assert.ok(marked.startsWith(paragraph), `marked in: ${marked.slice(0, 60)}…`);
  assert.ok(await inView(reader, '#article-body mark.quote-target'));
});

test('without JavaScript the share bar offers e-mail, and no button that cannot work', async ({ site, newContext }) => {
  const page = await (await newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(`${site.url}articles/${ARTICLES[0]!.slug}/`);
  const bar = page.getByRole('region', { name: 'Share this article' });
  assert.equal(await bar.getByRole('link', { name: 'E-mail' }).isVisible(), true);
  assert.equal(await bar.getByRole('button').count(), 0);
});
