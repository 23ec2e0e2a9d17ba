/**
 * What each page type costs a reader, for `npm run bench`: requests and gzip bytes by kind
 * (HTML, CSS, JS, images, other) on a cold load, beside the article text's own gzip size; and
 * Lighthouse's mobile scores with LCP, TBT and CLS (simulated throttling, as Lighthouse
 * reports them). Measures only; nothing here asserts a figure.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { CHROMIUM, chromiumArgsFor } from './lib/browser';
import { freshPage } from './search-timing';

export const PAGE_TYPES = {
  home: '',
  'article (longest)': 'articles/chinese-private-security-companies-along-the-bri-an-emerging-threat/',
  'tag page': 'tags/cyber/',
  search: 'search/',
  'search ?q=heroin': 'search/?q=heroin',
} as const;

export type Kind = 'html' | 'css' | 'js' | 'images' | 'other';
const KINDS: readonly Kind[] = ['html', 'css', 'js', 'images', 'other'];

function kindOf(type: string | undefined, mime: string): Kind {
  if (type === 'Document') return 'html';
  if (type === 'Stylesheet' || mime.includes('css')) return 'css';
  if (type === 'Script' || mime.includes('javascript')) return 'js';
  if (type === 'Image' || mime.startsWith('image/')) return 'images';
  return 'other';
}

export interface Weight {
  requests: number;
  bytes: Record<Kind, number>;
  /** gzip bytes of the article's own text (articles only). */
  articleText?: number;
}

/** A cold load of `url` in a fresh context: requests and bytes on the wire by kind. */
export async function pageWeight(browser: Browser, url: string): Promise<Weight> {
  const { context, page, cdp } = await freshPage(browser);
  const kinds = new Map<string, Kind>();
  const bytes = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
  let requests = 0;
  cdp.on('Network.responseReceived', (e) => kinds.set(e.requestId, kindOf(e.type, e.response.mimeType)));
  cdp.on('Network.loadingFinished', (e) => {
    requests += 1;
    bytes[kinds.get(e.requestId) ?? 'other'] += e.encodedDataLength;
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  const text = await page.evaluate(() => document.getElementById('article-body')?.textContent ?? '');
  await context.close();
  return { requests, bytes, ...(text ? { articleText: gzipSync(text, { level: 9 }).length } : {}) };
}

/**
 * The longest article's page with every script taken out (each inline one and the marker
 * that loads the reading features; JSON-LD is data and stays) and its stylesheet: gzip bytes
 * of each as the bench's server sends them (zlib's default level), before headers. What the
 * page costs before any of the features its scripts add.
 */
export function articleWithoutScripts(dist: string): { html: number; css: number } {
  const html = readFileSync(join(dist, PAGE_TYPES['article (longest)'], 'index.html'), 'utf8');
  const stripped = html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<span hidden data-load-after-paint=[^>]*><\/span>/g, '');
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map(([, path]) =>
    readFileSync(join(dist, path!)),
  );
  return {
    html: gzipSync(stripped).length,
    css: sheets.reduce((sum, sheet) => sum + gzipSync(sheet).length, 0),
  };
}

export interface Lighthouse {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcp: number;
  tbt: number;
  cls: number;
}

/** Lighthouse (its mobile preset) on `url`, through its CLI and Debian's Chromium. */
export async function lighthouse(url: string): Promise<Lighthouse> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-lighthouse-'));
  try {
    const output = join(dir, 'report.json');
    await promisify(execFile)(
      'node_modules/.bin/lighthouse',
      [
        url,
        '--quiet',
        '--output=json',
        `--output-path=${output}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        `--chrome-flags=${chromiumArgsFor(url).join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM } },
    );
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      categories: Record<string, { score: number }>;
      audits: Record<string, { numericValue: number }>;
    };
    const score = (name: string) => Math.round(report.categories[name]!.score * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcp: report.audits['largest-contentful-paint']!.numericValue,
      tbt: report.audits['total-blocking-time']!.numericValue,
      cls: report.audits['cumulative-layout-shift']!.numericValue,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
