/**
 * Reading offline, tested by stopping the server (not only by emulating offline): a page the
 * reader opened reads in full, a page never opened shows the offline page listing what is
 * saved, the search page says it is offline, and a new build served afterwards is seen on the
 * next visit (pages are network-first). The site is also installable: its manifest.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../tools/lib/static-server';
import { articlesFromSeed } from '../support/seed-truth';
import { test } from '../support/site';

const [OPENED, NEVER] = articlesFromSeed();

/** A copy of the build (the test changes it), served on a port of its own that it can stop and take again. */
let scratch: string;
let server: StaticServer | undefined;
let port: number;
let base: string;

test.beforeAll(async ({ site }) => {
  base = site.base;
  scratch = mkdtempSync(join(tmpdir(), 'dossier-offline-'));
  cpSync(site.dist, join(scratch, 'dist'), { recursive: true });
  server = await serveStatic({ root: join(scratch, 'dist'), base });
  port = Number(new URL(server.url).port);
});
test.afterAll(async () => {
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The page's worker in control: it registers after load, and claims the page once active. */
async function workerInControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });
}

test('opened pages read offline, the first one too; a page never opened shows the offline page; search says it is offline; a new build is seen next visit', async ({
  newContext,
}) => {
  const context = await newContext({ baseURL: server!.url });
  const page = await context.newPage();
  await page.goto('');
  await workerInControl(page);
  await page.goto(`articles/${OPENED!.slug}/`);
  await page.locator('#article-body').waitFor();

  // The host goes away.
  await server!.close();
  server = undefined;

  const response = await page.goto(`articles/${OPENED!.slug}/`);
  assert.equal(response?.status(), 200);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), OPENED!.title);
  assert.ok((await page.locator('#article-body > p').count()) > 3, 'the whole article');
  const styled = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.notEqual(styled, '', 'with its stylesheet');

  // The first page, opened before the worker was there to keep it: kept when it took over.
  assert.equal((await page.goto(''))?.status(), 200);
  await page.getByRole('link', { name: NEVER!.title, exact: true }).waitFor();

  await page.goto(`articles/${NEVER!.slug}/`);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'You are offline');
  const saved = page.locator('[data-saved-pages] a');
  await saved.first().waitFor();
  assert.ok(
    (await saved.allInnerTexts()).some((title) => title.startsWith(OPENED!.title)),
    'lists what is saved',
  );

  await page.goto('search/?q=heroin');
  await page.getByRole('status').filter({ hasText: 'Search is offline' }).waitFor();

  // A new build on the same host: the next visit shows it, not the copy kept offline.
  const file = join(scratch, 'dist', 'articles', OPENED!.slug, 'index.html');
  writeFileSync(file, readFileSync(file, 'utf8').replace(`>${OPENED!.title}</h1>`, '>A New Title</h1>'));
  server = await serveStatic({ root: join(scratch, 'dist'), base, port });
  await page.goto(`articles/${OPENED!.slug}/`);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'A New Title');
});

test('a new build’s worker clears the caches of the last one', async ({ newContext }) => {
  server ??= await serveStatic({ root: join(scratch, 'dist'), base, port });
  const context = await newContext({ baseURL: server!.url });
  const page = await context.newPage();
  await page.goto('');
  await workerInControl(page);
  const names = () => page.evaluate(() => caches.keys());
  const before = await names();
  assert.ok(before.length >= 1 && before.every((name) => name.startsWith('dossier-')), before.join());
  // The next build: its worker's caches have another version in their names.
  const worker = join(scratch, 'dist', 'sw.js');
  const source = readFileSync(worker, 'utf8');
  const version = /dossier-pages-(\w+)/u.exec(source)![1]!;
  writeFileSync(worker, source.replaceAll(version, 'nextbuild000'));
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration!.update();
  });
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    return keys.length > 0 && keys.every((name) => name.endsWith('-nextbuild000'));
  });
  writeFileSync(worker, source);
});

test('the site is installable: a manifest with its name, icon, colours and scope', async ({ page, site }) => {
  await page.goto('');
  // Linked once the page has been seen, with the worker: its fetch takes nothing from the first paint.
  const href = await page.locator('link[rel="manifest"]').getAttribute('href', { timeout: 20_000 });
  assert.equal(href, site.path('manifest.webmanifest'));
  const manifest = await (await fetch(new URL(href!, page.url()))).json();
  assert.equal(manifest.name, 'Dossier');
  assert.equal(manifest.start_url, site.path());
  assert.equal(manifest.scope, site.path());
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/iu);
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const response = await fetch(new URL(icon.src, page.url()));
    assert.equal(response.status, 200, icon.src);
    assert.equal(response.headers.get('content-type')?.split(';')[0], icon.type);
  }
});
