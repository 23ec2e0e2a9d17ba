/**
 * Every page under a strict Content-Security-Policy. Each page carries its policy in a
 * `<meta http-equiv>`, which Chromium enforces as it would the header, so these tests load
 * the pages as a host sending the policy would serve them: search (Pagefind's WebAssembly),
 * sharing, the `/` shortcut, the contents list folding on a phone and the highlight of a
 * search landing all work, with no violation and no console error. `_headers` carries the
 * same policy, and the other security headers, for static hosts.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { articlesFromSeed } from '../support/seed-truth';
import { EVERY_PAGE_TYPE, test } from '../support/site';

const ARTICLES = articlesFromSeed();

/** A policy as directive → sources. */
const parse = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );

function assertStrict(policy: string, where: string) {
  const directives = parse(policy);
  const sources = (name: string) => directives.get(name) ?? directives.get('default-src') ?? [];
  assert.ok(sources('script-src').includes("'self'"), `${where}: scripts from the site`);
  assert.ok(sources('script-src').includes("'wasm-unsafe-eval'"), `${where}: Pagefind's WebAssembly`);
  for (const name of ['script-src', 'style-src']) {
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'https:', 'http:']) {
      assert.ok(!sources(name).includes(unsafe), `${where}: no ${unsafe} in ${name}`);
    }
  }
  assert.deepEqual(directives.get('object-src'), ["'none'"], `${where}: object-src 'none'`);
  assert.ok(["'none'", "'self'"].includes(directives.get('base-uri')?.join(' ') ?? ''), `${where}: base-uri`);
  assert.deepEqual(directives.get('form-action'), ["'self'"], `${where}: form-action 'self'`);
  assert.doesNotMatch(policy, /https?:\/\//, `${where}: no other origin`);
}

test('every page carries a strict policy, and _headers carries it with the other security headers', async ({
  page,
  site,
}) => {
  for (const path of EVERY_PAGE_TYPE) {
    await page.goto(`${site.url}${path}`);
    const policies = await page
      .locator('meta[http-equiv="content-security-policy" i]')
      .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content') ?? ''));
    assert.equal(policies.length, 1, `${path}: one policy`);
    assertStrict(policies[0]!, path || 'home');
  }
  const headers = readFileSync(join(site.dist, '_headers'), 'utf8');
  const policy = /^\s+Content-Security-Policy: (.+)$/m.exec(headers)?.[1];
  assert.ok(policy, '_headers names a policy');
  assertStrict(policy, '_headers');
  assert.match(policy, /frame-ancestors 'none'/);
  assert.match(headers, /^\s+Referrer-Policy: strict-origin-when-cross-origin$/m);
  assert.match(headers, /^\s+X-Content-Type-Options: nosniff$/m);
  assert.match(headers, /^\s+Permissions-Policy: .+/m);
});

test("each page allows exactly the inline code it carries, no hash of another page's or of code no page carries", async ({
  site,
  newContext,
}) => {
  const page = await (await newContext({ javaScriptEnabled: false })).newPage();
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  for (const path of EVERY_PAGE_TYPE) {
    await page.goto(`${site.url}${path}`);
    // What the browser parsed, not what a pattern finds: inline scripts it would run, inline styles.
    const code = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script:not([src])')]
        .filter((script) => ['', 'module', 'text/javascript'].includes(script.getAttribute('type') ?? ''))
        .map((script) => script.textContent ?? ''),
      styles: [...document.querySelectorAll('style')].map((style) => style.textContent ?? ''),
      policy: document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? '',
    }));
    const directives = parse(code.policy);
    const hashes = (name: string) => (directives.get(name) ?? []).filter((source) => source.startsWith("'sha"));
    assert.deepEqual(new Set(hashes('script-src')), new Set(code.scripts.map(hash)), `${path || 'home'}: script-src`);
    assert.deepEqual(new Set(hashes('style-src')), new Set(code.styles.map(hash)), `${path || 'home'}: style-src`);
  }
});

/** A page that records every policy violation, uncaught error and console error. */
async function watched(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  await context.exposeFunction('reportViolation', (text: string) => problems.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${location.pathname}`,
      );
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { page, problems };
}

test('under the policy every page works: search, sharing, the / shortcut, a highlight landing', async ({
  site,
  newContext,
}) => {
  const context = await newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  const { page, problems } = await watched(context);

  for (const path of ['', 'tags/', 'tags/drugs/', ...ARTICLES.map((a) => `articles/${a.slug}/`)]) {
    await page.goto(`${site.url}${path}`);
  }
  await page.goto(site.url);
  await page.keyboard.press('/');
  await page.waitForURL(/\/search\/$/);
  await page.getByLabel('Search the articles').fill('heroin');
  await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();

  const drugs = ARTICLES.find((a) => a.tags.includes('drugs'))!;
  await page.goto(`${site.url}articles/${drugs.slug}/?highlight=heroin`);
  await page.locator('mark').first().waitFor();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied').waitFor();

  await page.waitForTimeout(200); // a late violation report still arrives
  assert.deepEqual(problems, []);
});

test('under the policy the contents list folds on a phone, before the first paint', async ({ site, newContext }) => {
  const context = await newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watched(context);
  const sectioned = ARTICLES.find((a) => a.tags.includes('drugs'))!;
  await page.goto(`${site.url}articles/${sectioned.slug}/`);
  const details = page.getByRole('navigation', { name: 'In this article' }).locator('details');
  assert.equal(await details.evaluate((el) => (el as HTMLDetailsElement).open), false, 'folded');
  assert.deepEqual(problems, []);
});

test('under the policy the kept theme applies before the first paint, and the reading features work', async ({
  site,
  newContext,
}) => {
  const context = await newContext({ viewport: { width: 1440, height: 900 } });
  const { page, problems } = await watched(context);
  const sectioned = ARTICLES.find((a) => a.tags.includes('PSCs'))!;
  await page.goto(`${site.url}articles/${sectioned.slug}/`);
  await page.getByRole('button', { name: 'Use the light theme' }).click();
  await page.getByRole('button', { name: 'Use the dark theme' }).click();
  await page.reload();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the inline script ran');
  await page
    .locator('#article-body h2')
    .nth(1)
    .evaluate((heading) => heading.scrollIntoView());
  await page.locator('[data-contents] [aria-current="true"]').waitFor();
  await page.waitForFunction(() => (document.querySelector('progress') as HTMLProgressElement).value > 0);
  await page.waitForTimeout(200);
  assert.deepEqual(problems, []);
});
