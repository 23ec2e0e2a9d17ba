/**
 * Renaming and recolouring the site is one file: a copy of the project whose `src/config.ts`
 * gives another name, tagline, description and accent builds a site where every page, the
 * feed, the favicon, the logo, the social images and the theme's colours follow it, and the
 * old name is nowhere.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { SITE } from '../../src/config';
import { BASE } from '../support/build-under-test';

const RENAMED = {
  title: 'Meridian',
  tagline: 'Field notes',
  description: 'Field notes on energy and trade, set for reading.',
  accent: { light: '#1f6f4a', dark: '#7fd3a8' },
};

const scratch = mkdtempSync(join(tmpdir(), 'dossier-renamed-'));
const dist = join(scratch, 'dist');
let output = '';

before(() => {
  for (const entry of ['astro.config.ts', 'package.json', 'tsconfig.json', 'src', 'public', 'content']) {
    cpSync(entry, join(scratch, entry), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(scratch, 'node_modules'), 'dir');
  const config = join(scratch, 'src/config.ts');
  let source = readFileSync(config, 'utf8');
  for (const field of ['title', 'tagline', 'description'] as const) {
    source = source.replace(`${field}: '${SITE[field]}'`, `${field}: '${RENAMED[field]}'`);
  }
  source = source.replace(
    `accent: { light: '${SITE.accent.light}', dark: '${SITE.accent.dark}' }`,
    `accent: { light: '${RENAMED.accent.light}', dark: '${RENAMED.accent.dark}' }`,
  );
  assert.notEqual(source, readFileSync(config, 'utf8'));
  writeFileSync(config, source);
  const build = spawnSync('node_modules/.bin/astro', ['build', '--outDir', dist], {
    cwd: scratch,
    env: { ...process.env, BASE_PATH: BASE, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  output = `${build.stdout}${build.stderr}`;
  assert.equal(build.status, 0, output);
});
after(() => rmSync(scratch, { recursive: true, force: true }));

const files = () =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) =>
    /\.(html|xml|txt|css|js|json)$/u.test(name),
  );
const read = (name: string) => readFileSync(join(dist, name), 'utf8');

test('the old name is on no page, in no feed, sitemap or script; the new one heads every page', () => {
  for (const name of files()) assert.ok(!read(name).includes(SITE.title), `${name} still says ${SITE.title}`);
  const home = read('index.html');
  assert.match(home, /<title>Meridian — Field notes on energy and trade, set for reading\.<\/title>/u);
  assert.match(read('search/index.html'), /content="Search every article of Meridian by keyword/u);
  assert.match(read('tags/index.html'), /content="Every tag of Meridian,/u);
  assert.match(read('rss.xml'), /<title>Meridian<\/title>/u);
});

test('the favicon is the new name’s letter on the new accent, and the page’s colours follow the accent', () => {
  const icon = decodeURIComponent(
    /<link rel="icon" href="data:image\/svg\+xml,([^"]+)"/u.exec(read('index.html'))![1]!,
  );
  assert.match(icon, /fill="#1f6f4a"/u);
  assert.match(icon, />M<\/text>/u);
  const css = files()
    .filter((name) => name.endsWith('.css'))
    .map(read)
    .join('');
  assert.match(css, /--accent:light-dark\(#1f6f4a,#7fd3a8\)/u);
  assert.ok(!css.includes(SITE.accent.light), 'the old accent is gone from the stylesheet');
});

/** How many pixels of a PNG have exactly this colour. */
async function pixelsOf(file: string, hex: string): Promise<number> {
  const { data, info } = await sharp(join(dist, file)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < info.width * info.height * 3; i += 3) {
    if (data[i] === r && data[i + 1] === g && data[i + 2] === b) count++;
  }
  return count;
}

test('the logo and the social images are drawn in the new accent, not the old', async () => {
  for (const image of ['logo.png', 'og/home.png', 'og/evolutions-of-strategic-intelligence.png']) {
    assert.ok((await pixelsOf(image, RENAMED.accent.light)) > 0, `${image} has the new accent`);
    assert.equal(await pixelsOf(image, SITE.accent.light), 0, `${image} has none of the old`);
  }
});

test('the build prints no warning', () => {
  assert.doesNotMatch(output, /warn/iu);
});
