/**
 * Every link in the build leads somewhere: each page, asset and `#anchor` that a page names
 * exists in the build, under its base path. Reads the built files; no browser needed.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { SITE_URL } from '../../src/config';
import { BASE, DIST } from '../support/build-under-test';

/** The site URL the build was made with. */
const SITE = new URL(SITE_URL);

/** Attributes that name another resource, by element. */
const LINKING: Record<string, string> = { a: 'href', link: 'href', img: 'src', script: 'src', source: 'src' };

interface Page {
  ids: Set<string>;
  links: string[];
}

function readPage(file: string): Page {
  const tree = unified().use(rehypeParse).parse(readFileSync(file, 'utf8')) as Root;
  const page: Page = { ids: new Set(), links: [] };
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') page.ids.add(node.properties.id);
    const attribute = LINKING[node.tagName];
    const value = attribute ? node.properties[attribute === 'href' ? 'href' : 'src'] : undefined;
    if (typeof value === 'string') page.links.push(value);
  });
  return page;
}

/** The HTML files of the build, by the site path that serves each (`/reader/tags/`). */
function pages(): Map<string, Page> {
  const out = new Map<string, Page>();
  for (const name of readdirSync(DIST, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.html')) continue;
    const path = `${BASE}${name.replace(/(^|\/)index\.html$/, '$1')}`;
    out.set(path, readPage(join(DIST, name)));
  }
  return out;
}

/** The built file a site path is served from, if any. */
function fileFor(path: string): string | undefined {
  if (!path.startsWith(BASE)) return undefined;
  const local = join(DIST, decodeURIComponent(path.slice(BASE.length)));
  if (existsSync(local) && statSync(local).isFile()) return local;
  const index = join(local, 'index.html');
  return existsSync(index) ? index : undefined;
}

test('every page, asset and #anchor a page links to exists in the build, under the base path', () => {
  const site = pages();
  assert.ok(site.size >= 10, `read ${site.size} pages`);
  const broken: string[] = [];
  for (const [from, page] of site) {
    for (const link of page.links) {
      if (/^(mailto|tel|data):/.test(link)) continue;
      const url = new URL(link, new URL(from, SITE));
      if (url.origin !== SITE.origin) {
        broken.push(`${from}: ${link} (another host)`);
        continue;
      }
      const file = fileFor(url.pathname);
      if (!file) {
        broken.push(`${from}: ${link} (no such file)`);
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && !id.startsWith(':~:') && file.endsWith('.html')) {
        const target =
          site.get(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`) ?? site.get(url.pathname);
        if (!target?.ids.has(id)) broken.push(`${from}: ${link} (no element #${id})`);
      }
    }
  }
  assert.deepEqual(broken, []);
});

test('every address in the sitemap is a page of the build, and the 404 page is not one', () => {
  const sitemaps = readdirSync(DIST).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  const locs = sitemaps.flatMap((name) =>
    [...readFileSync(join(DIST, name), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!)),
  );
  assert.ok(locs.length >= 10, `${locs.length} addresses`);
  for (const loc of locs) assert.ok(fileFor(loc.pathname)?.endsWith('.html'), loc.href);
  assert.ok(!locs.some((loc) => loc.pathname.includes('404')));
});

test('the 404 page names no address of its own: no canonical link, no preview, not indexed', () => {
  const html = readFileSync(join(DIST, '404.html'), 'utf8');
  assert.doesNotMatch(html, /rel="canonical"|property="og:url"/);
  assert.match(html, /<meta name="robots" content="noindex">/);
});
