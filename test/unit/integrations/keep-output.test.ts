import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, test } from 'vitest';
import { codeFingerprint, keepOutput, missingBundle, removeUnmade } from '../../../src/integrations/keep-output';

const scratch = mkdtempSync(join(tmpdir(), 'dossier-keep-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Write `files` (path → text) under `dir`, each modified `at` (seconds since the epoch). */
function write(dir: string, files: Record<string, string>, at: number) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    utimesSync(join(dir, path), at, at);
  }
}

/** Every file under `dir`, relative, sorted. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();

/** What the build log says, line by line. */
let said: string[] = [];
const logger = { info: (line: string) => void said.push(line) };
const silent = { logger };

/** The integration's hooks for a build of `root` into its folder `out`, once Astro's config is done. */
async function hooksOf(root: string, out = 'dist', everyPage: string[] = []) {
  const hooks = keepOutput({ everyPage }).hooks as Required<AstroIntegration['hooks']>;
  const dirUrl = (path: string) => pathToFileURL(`${path}/`);
  await (hooks['astro:config:done'] as (o: unknown) => unknown)({
    config: {
      root: dirUrl(root),
      outDir: dirUrl(join(root, out)),
      cacheDir: dirUrl(join(root, 'cache')),
      build: { assets: '_astro' },
    },
  });
  return {
    start: () => (hooks['astro:build:start'] as (o: unknown) => unknown)(silent),
    done: (routeFiles: URL[]) =>
      (hooks['astro:build:done'] as (o: unknown) => unknown)({ ...silent, assets: new Map([['/x', routeFiles]]) }),
  };
}

/** A build of `root` into `out` that is killed once it has started. */
const killedBuild = async (root: string, out = 'dist') => (await hooksOf(root, out)).start();

/** The integration's hooks, as a build calls them, around `during` (Astro's own work). */
async function build(root: string, during: (outDir: string) => string[] = () => []) {
  said = [];
  const outDir = join(root, 'dist');
  const hooks = await hooksOf(root);
  await hooks.start();
  await hooks.done(during(outDir).map((path) => pathToFileURL(join(outDir, path))));
  return outDir;
}

const LONG_AGO = 1_000_000_000; // 2001

describe('removeUnmade', () => {
  test('deletes the files older than the build that no route kept, and the folders they leave empty', () => {
    const dir = join(scratch, 'unmade');
    write(
      dir,
      { 'articles/kept/index.html': 'kept', 'articles/gone/index.html': 'gone', 'og/gone.png': 'png' },
      LONG_AGO,
    );
    write(dir, { 'pagefind/new.pf_fragment': 'new' }, LONG_AGO + 100);
    const removed = removeUnmade(dir, (LONG_AGO + 50) * 1000, new Set([join(dir, 'articles/kept/index.html')]));
    expect(removed).toEqual(['articles/gone/index.html', 'og/gone.png']);
    expect(filesUnder(dir)).toEqual(['articles/kept/index.html', 'pagefind/new.pf_fragment']);
    expect(existsSync(join(dir, 'og'))).toBe(false);
    expect(existsSync(join(dir, 'articles/gone'))).toBe(false);
  });

  test('names what it deleted in order, and keeps a file modified the very moment the build started', () => {
    const dir = join(scratch, 'order');
    write(dir, { 'a.html': 'old', 'zz/long-name.html': 'old', 'at-start.html': 'new' }, LONG_AGO);
    expect(removeUnmade(dir, LONG_AGO * 1000, new Set())).toEqual([]);
    expect(removeUnmade(dir, LONG_AGO * 1000 + 1, new Set())).toEqual(['a.html', 'at-start.html', 'zz/long-name.html']);
  });

  test('never touches a .git inside the output, not even its empty folders', () => {
    const dir = join(scratch, 'git');
    write(dir, { '.git/HEAD': 'ref', 'old.html': 'old' }, LONG_AGO);
    mkdirSync(join(dir, '.git/refs/tags'), { recursive: true });
    expect(removeUnmade(dir, Date.now(), new Set())).toEqual(['old.html']);
    expect(filesUnder(dir)).toEqual(['.git/HEAD']);
    expect(existsSync(join(dir, '.git/refs/tags'))).toBe(true);
  });

  test('leaves the top folders another integration keeps (the search index) to it', () => {
    const dir = join(scratch, 'owned');
    write(
      dir,
      { 'pagefind/index/en_1.pf_index': 'old', 'pagefind-old.html': 'old', 'og/pagefind/x.png': 'old' },
      LONG_AGO,
    );
    expect(removeUnmade(dir, Date.now(), new Set(), ['pagefind'])).toEqual(['og/pagefind/x.png', 'pagefind-old.html']);
    expect(filesUnder(dir)).toEqual(['pagefind/index/en_1.pf_index']);
  });
});

describe('keepOutput', () => {
  test("keeps the pages Astro kept and what the build wrote, removes the rest (a deleted article's page)", async () => {
    const root = join(scratch, 'rebuild');
    write(
      join(root, 'dist'),
      { 'index.html': 'home', 'articles/a/index.html': 'a', 'articles/gone/index.html': 'gone' },
      LONG_AGO,
    );
    const outDir = await build(root, (dir) => {
      write(dir, { 'index.html': 'new home' }, Date.now() / 1000 + 1); // rendered again
      return ['index.html', 'articles/a/index.html']; // a: unchanged, left where it was
    });
    expect(filesUnder(outDir)).toEqual(['articles/a/index.html', 'index.html']);
    expect(readdirSync(join(root, 'cache'))).toEqual([]); // the marker is gone
    expect(said).toEqual(['removed 1 files Astro did not make in this build: articles/gone/index.html']);
  });

  test('names all five files it removed', async () => {
    const root = join(scratch, 'five');
    const old = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [`${name}.html`, name]));
    write(join(root, 'dist'), old, LONG_AGO);
    await build(root);
    expect(said).toEqual(['removed 5 files Astro did not make in this build: a.html, b.html, c.html, d.html, e.html']);
  });

  test('names the first five files it removed, and says there were more', async () => {
    const root = join(scratch, 'many');
    const old = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => [`${name}.html`, name]));
    write(join(root, 'dist'), old, LONG_AGO);
    await build(root);
    expect(said).toEqual([
      'removed 6 files Astro did not make in this build: a.html, b.html, c.html, d.html, e.html, …',
    ]);
  });

  test('says nothing when it removed nothing', async () => {
    await build(join(scratch, 'nothing'));
    expect(said).toEqual([]);
  });

  test('after a build that did not finish, the next starts from an empty output (a page may be half-written)', async () => {
    const root = join(scratch, 'killed');
    write(join(root, 'dist'), { 'articles/a/index.html': '<html><body><p>Half', '.git/HEAD': 'ref' }, LONG_AGO);
    await killedBuild(root);
    let seen: string[] = [];
    await build(root, (dir) => {
      seen = filesUnder(dir);
      return [];
    });
    expect(seen).toEqual(['.git/HEAD']);
    expect(said[0]).toMatch(/^the last build into .*dist\/? did not finish: emptying it$/);
  });

  test("a build that did not finish into one output folder leaves another's alone", async () => {
    const root = join(scratch, 'two-outputs');
    await killedBuild(root, 'other');
    write(join(root, 'dist'), { 'articles/a/index.html': 'a' }, LONG_AGO);
    let seen: string[] = [];
    await build(root, (dir) => {
      seen = filesUnder(dir);
      return ['articles/a/index.html'];
    });
    expect(seen).toEqual(['articles/a/index.html']);
  });

  test('a finished build leaves no marker, so the next keeps its output', async () => {
    const root = join(scratch, 'twice');
    write(join(root, 'dist'), { 'articles/a/index.html': 'a' }, LONG_AGO);
    await build(root, () => ['articles/a/index.html']);
    let seen: string[] = [];
    await build(root, (dir) => {
      seen = filesUnder(dir);
      return ['articles/a/index.html'];
    });
    expect(seen).toEqual(['articles/a/index.html']);
  });

  test('a kept page that loads a bundle this build did not write fails the build, and the next renders every page', async () => {
    const root = join(scratch, 'rebundled');
    const page = '<script type="module" src="/reader/_astro/start.OLD.js"></script>';
    write(join(root, 'dist'), { 'articles/a/index.html': page, '_astro/start.OLD.js': 'old' }, LONG_AGO);
    write(join(root, 'cache'), { 'incremental-build.json': '{}' }, LONG_AGO);
    const failed = build(root, (dir) => {
      write(dir, { '_astro/start.NEW.js': 'new' }, Date.now() / 1000 + 1); // the new bundle
      return ['articles/a/index.html']; // kept by Astro, still naming the old one
    });
    await expect(failed).rejects.toThrow(
      /articles\/a\/index\.html: expected every bundle a page kept from the last build loads, found _astro\/start\.OLD\.js missing/,
    );
    const left = readdirSync(join(root, 'cache'));
    expect(left.some((name) => name.startsWith('unfinished-build-'))).toBe(true); // the next build empties the output
    expect(left).not.toContain('incremental-build.json'); // and Astro keeps no page
  });

  test('the page read is one kept from the last build, not one this build wrote again', async () => {
    const root = join(scratch, 'rebundled-second');
    write(join(root, 'dist'), { 'articles/b/index.html': '<script src="/_astro/start.OLD.js"></script>' }, LONG_AGO);
    const failed = build(root, (dir) => {
      const now = Date.now() / 1000 + 1;
      write(dir, { '_astro/start.NEW.js': 'new', 'articles/a/index.html': '<script src="/_astro/start.NEW.js">' }, now);
      write(dir, { 'gone.html': '' }, now);
      rmSync(join(dir, 'gone.html')); // a route's file that is not there is passed over
      return ['gone.html', 'articles/a/index.html', 'articles/b/index.html'];
    });
    await expect(failed).rejects.toThrow(/articles\/b\/index\.html: .* found _astro\/start\.OLD\.js missing/);
  });

  test('a kept page whose bundles are all there passes', async () => {
    const root = join(scratch, 'same-bundles');
    const page = '<link rel="stylesheet" href="/_astro/a.css"><span data-load-after-paint="/_astro/b.js"></span>';
    write(join(root, 'dist'), { 'articles/a/index.html': page }, LONG_AGO);
    await build(root, (dir) => {
      write(dir, { '_astro/a.css': 'css', '_astro/b.js': 'js' }, Date.now() / 1000 + 1);
      return ['articles/a/index.html'];
    });
    expect(readdirSync(join(root, 'cache'))).toEqual([]);
  });
});

describe('missingBundle', () => {
  test('reads the assets folder by its name, not as a pattern: a "." in it matches only a "."', () => {
    const dir = join(scratch, 'dotted-assets');
    const page = join(dir, 'index.html');
    // `assets.v2` as a pattern would also match this folder, which holds no bundle of the site's.
    write(dir, { 'index.html': '<script src="/assetsXv2/gone.js"></script><link href="/assets.v2/a.css">' }, LONG_AGO);
    write(dir, { 'assets.v2/a.css': 'css' }, LONG_AGO);
    expect(missingBundle(dir, 'assets.v2', [[page]], Date.now())).toBeUndefined();
    rmSync(join(dir, 'assets.v2/a.css'));
    expect(missingBundle(dir, 'assets.v2', [[page]], Date.now())).toEqual({
      page: 'index.html',
      bundle: 'assets.v2/a.css',
    });
  });
});

describe('the code every page passes through', () => {
  const middleware = "import { cut } from './utils/cut';\nexport const onRequest = cut;\n";

  test('its fingerprint follows the entry and the local modules it imports, and nothing else', () => {
    const root = join(scratch, 'fingerprint');
    write(
      root,
      { 'src/middleware.ts': middleware, 'src/utils/cut.ts': 'export const cut = 1;', 'src/other.ts': 'a' },
      LONG_AGO,
    );
    const first = codeFingerprint(root, ['src/middleware.ts']);
    write(root, { 'src/other.ts': 'b' }, LONG_AGO);
    expect(codeFingerprint(root, ['src/middleware.ts'])).toBe(first);
    write(root, { 'src/utils/cut.ts': 'export const cut = 2;' }, LONG_AGO);
    expect(codeFingerprint(root, ['src/middleware.ts'])).not.toBe(first);
  });

  test('it follows imports from parent folders and of folders, through cycles, past what does not resolve', () => {
    const root = join(scratch, 'fingerprint-graph');
    write(
      root,
      {
        'src/middleware.ts': "import { a } from './lib';\nimport { gone } from './missing';\n",
        'src/lib/index.ts': "import { b } from '../b';\nexport const a = 1;\n",
        'src/b.ts': "import { a } from './lib';\nexport const b = 1;\n", // back to lib: a cycle
      },
      LONG_AGO,
    );
    const first = codeFingerprint(root, ['src/middleware.ts']);
    write(root, { 'src/b.ts': "import { a } from './lib';\nexport const b = 2;\n" }, LONG_AGO);
    expect(codeFingerprint(root, ['src/middleware.ts'])).not.toBe(first);
  });

  test('a first build, with no record of Astro yet, renders as it would and says nothing of it', async () => {
    const root = join(scratch, 'every-page-first');
    write(root, { 'src/middleware.ts': middleware, 'src/utils/cut.ts': 'export const cut = 1;' }, LONG_AGO);
    said = [];
    const hooks = await hooksOf(root, 'dist', ['src/middleware.ts']);
    await hooks.start();
    await hooks.done([]);
    expect(said).toEqual([]);
    expect(readdirSync(join(root, 'cache'))).toEqual(['every-page-code']);
  });

  test("when it changed since the last build, Astro's record is deleted before the pages render, once", async () => {
    const root = join(scratch, 'every-page');
    write(root, { 'src/middleware.ts': middleware, 'src/utils/cut.ts': 'export const cut = 1;' }, LONG_AGO);
    const recordAfter = async () => {
      write(join(root, 'cache'), { 'incremental-build.json': '{}' }, LONG_AGO); // as Astro leaves it
      said = [];
      const hooks = await hooksOf(root, 'dist', ['src/middleware.ts']);
      await hooks.start();
      const left = existsSync(join(root, 'cache', 'incremental-build.json'));
      await hooks.done([]);
      return left;
    };
    expect(await recordAfter()).toBe(false); // no fingerprint yet: the last build's code is unknown
    expect(said).toEqual(['src/middleware.ts or what it imports changed: rendering every page afresh']);
    expect(await recordAfter()).toBe(true); // the same code: Astro keeps what it may
    write(root, { 'src/utils/cut.ts': 'export const cut = 2;' }, LONG_AGO);
    expect(await recordAfter()).toBe(false);
    expect(await recordAfter()).toBe(true);
  });
});
