/**
 * `npm run compare-pages -- <distA> <distB>`: two builds as a reader sees them, compared
 * pixel by pixel: every article and a page of each other type, full-page screenshots in
 * Debian's Chromium, 390 and 1440 px wide, light and dark, reduced motion. Prints, for each,
 * "same" or how many pixels differ, and saves both screenshots of each difference in a
 * scratch folder to look at. A change meant to look the same (CSS cut smaller, markup
 * rearranged) is checked with it. Left over between identical builds, now and then: a pixel
 * of the focused search box's ring, drawn as the page's script focuses it.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchBrowser } from './lib/browser';
import { serveStatic } from './lib/static-server';

const [distA, distB] = process.argv.slice(2);
if (!distA || !distB) throw new Error('usage: npm run compare-pages -- <distA> <distB>');

/** Every page type, and every article the first build holds. */
const PATHS = [
  '',
  ...readdirSync(join(distA, 'articles')).map((slug) => `articles/${slug}/`),
  'tags/',
  'tags/cyber/',
  'search/',
  'search/?q=heroin',
  'search/?tag=cyber',
  '404.html',
];
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
];

/**
 * Levels (of 255) a channel may move and still count as the same: the search pages repaint as
 * their script fills in tag counts, and Chromium's software raster then draws a few edge pixels
 * of rounded corners one level off from run to run, with the same build on both sides.
 */
const TOLERANCE = 2;

/** Pixels whose colour differs by more than `TOLERANCE` between two PNGs of one size; -1 when their sizes differ. */
async function differing(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all(
    [a, b].map((png) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })),
  );
  if (x!.info.width !== y!.info.width || x!.info.height !== y!.info.height) return -1;
  let count = 0;
  for (let i = 0; i < x!.data.length; i += 3) {
    if ([0, 1, 2].some((c) => Math.abs(x!.data[i + c]! - y!.data[i + c]!) > TOLERANCE)) count++;
  }
  return count;
}

const servers = await Promise.all([distA, distB].map((root) => serveStatic({ root })));
const browser = await launchBrowser();
const out = mkdtempSync(join(tmpdir(), 'dossier-compare-'));
let differences = 0;
try {
  for (const path of PATHS) {
    for (const viewport of VIEWPORTS) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const shots: Buffer[] = [];
        for (const server of servers) {
          const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
          const page = await context.newPage();
          await page.goto(`${server.url}${path}`);
          await page.waitForLoadState('networkidle');
          shots.push(await page.screenshot({ fullPage: true, caret: 'hide', animations: 'disabled' }));
          await context.close();
        }
        const count = await differing(shots[0]!, shots[1]!);
        const name = `/${path} ${viewport.width} px ${colorScheme}`;
        if (count === 0) {
          console.log(`same            ${name}`);
          continue;
        }
        differences++;
        const file = join(out, `${differences}`);
        writeFileSync(`${file}-a.png`, shots[0]!);
        writeFileSync(`${file}-b.png`, shots[1]!);
        console.log(`${count < 0 ? 'other size' : `${count} px differ`.padEnd(15)} ${name}: ${file}-a.png, -b.png`);
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}
console.log(
  differences === 0
    ? 'Every page looks the same in both builds.'
    : `${differences} views differ; screenshots in ${out}`,
);
