/**
 * The last build's output, kept for the next. Astro's incremental build (astro.config.ts)
 * leaves a page whose inputs have not changed where it finds it in the output folder, so a
 * rebuild writes only what changed; Astro would otherwise empty the folder first and copy
 * every unchanged page back from its cache (at 10,000 articles, 30,000 files and 900 MB, most
 * of a rebuild's time). Astro's own emptying is off (`vite.build.emptyOutDir: false`); this
 * removes what the build did not make instead:
 *
 * - When Astro is done, before any other integration adds its files (this must be the first
 *   integration), every file is deleted that this build neither wrote (modified since it
 *   started) nor kept as the output of one of its routes: the page and image of a deleted
 *   article, old bundles, and the last build's sitemap and search index, which their
 *   integrations write afresh. Pagefind then never reads a deleted article's page.
 * - A build that did not get that far may have left a page half-written, which Astro would
 *   keep: a marker in the cache says so, and the next build empties the folder first.
 * - Astro decides to keep a page from the source of its code, not from the bundles its scripts
 *   end up in: a change to one script can rebundle another page's (a module shared or no
 *   longer shared becomes, or stops being, a file of its own), and a kept page would then load
 *   a bundle this build did not write. One kept page per route is read for its `_astro/`
 *   files; if one is missing, the build fails saying so, and Astro's record of what it can
 *   keep is deleted and the marker left, so the next build renders every page afresh.
 * - Astro does not look at the code every page passes through that is no page's own: the
 *   middleware (`everyPage`). When it, or a module it imports, has changed since the last
 *   build, Astro's record is deleted before the pages render, so none is kept as the old code
 *   made it.
 * - A `.git` inside the output is never touched, nor are the folders other integrations keep
 *   themselves (`owned`: the search index, whose integration writes only the files that changed
 *   and removes its own stale ones, where deleting them here made it write 10,000 files again).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INCREMENTAL_RECORD } from '../astro-internals';
import { removeFilesUnder } from './output-files';

/** Entries of the output folder no build touches. */
const UNTOUCHED = new Set(['.git']);

/** Empty `dir` but for the entries in `UNTOUCHED`. */
function empty(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!UNTOUCHED.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Delete every file under `dir` modified before `since` (milliseconds, as `stat` gives them)
 * that is not in `kept`, nor under `.git` or a top folder in `owned`, then the folders left
 * empty. Returns the files deleted, relative to `dir` (with `/`), sorted.
 */
export function removeUnmade(
  dir: string,
  since: number,
  kept: ReadonlySet<string>,
  owned: readonly string[] = [],
): string[] {
  const spared = new Set([...UNTOUCHED, ...owned]);
  return removeFilesUnder(
    dir,
    ({ path, relativePath, isFile }) =>
      spared.has(relativePath.split('/')[0]!) || (isFile && (kept.has(path) || statSync(path).mtimeMs >= since)),
  );
}

/**
 * The first bundle a kept page loads that is not in the output: for each route, its first
 * HTML file older than `since` (kept from an earlier build) is read for the files of
 * `assetsDir` it names. All pages of a route load the same bundles, so one is enough.
 */
export function missingBundle(
  dir: string,
  assetsDir: string,
  routes: Iterable<readonly string[]>,
  since: number,
): { page: string; bundle: string } | undefined {
  const named = new RegExp(`="[^"]*/${assetsDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^"?#]+)`, 'g');
  for (const files of routes) {
    const page = files.find((path) => path.endsWith('.html') && existsSync(path) && statSync(path).mtimeMs < since);
    if (!page) continue;
    for (const [, file] of readFileSync(page, 'utf8').matchAll(named)) {
      if (!existsSync(join(dir, assetsDir, file!))) {
        return { page: relative(dir, page), bundle: `${assetsDir}/${file}` };
      }
    }
  }
  return undefined;
}

/**
 * A fingerprint of the source files `entries` (relative to `root`) and of the local modules
 * they import (`from './…'`, `from '../…'`), read whole: it changes when any of them does.
 */
export function codeFingerprint(root: string, entries: readonly string[]): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    hash.update(`${relative(root, file)}\0${text}\0`);
    for (const [, specifier] of text.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = join(dirname(file), specifier!);
      const found = [base, `${base}.ts`, join(base, 'index.ts')].find(
        (path) => existsSync(path) && statSync(path).isFile(),
      );
      if (found) visit(found);
    }
  };
  for (const entry of entries) visit(join(root, entry));
  return hash.digest('hex');
}

/**
 * The output folder kept between builds. `owned`: top folders of the output that another
 * integration keeps itself (written afresh each build, its stale files removed by it).
 * `everyPage`: source files, relative to the project, that every page passes through and
 * Astro's record does not track (the middleware).
 */
export function keepOutput({
  owned = [],
  everyPage = [],
}: { owned?: readonly string[]; everyPage?: readonly string[] } = {}): AstroIntegration {
  let root = '';
  let fingerprint = '';
  let outDir = '';
  let assetsDir = '';
  let record = '';
  let marker = '';
  let since = Infinity;
  return {
    name: 'dossier:keep-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        assetsDir = config.build.assets;
        fingerprint = join(fileURLToPath(config.cacheDir), 'every-page-code');
        record = join(fileURLToPath(config.cacheDir), INCREMENTAL_RECORD);
        // One marker per output folder: builds of the site under two base paths share the cache.
        const id = createHash('sha256').update(outDir).digest('hex').slice(0, 16);
        marker = join(fileURLToPath(config.cacheDir), `unfinished-build-${id}`);
      },
      'astro:build:start': ({ logger }) => {
        if (existsSync(marker) && existsSync(outDir)) {
          logger.info(`the last build into ${outDir} did not finish: emptying it`);
          empty(outDir);
        }
        mkdirSync(join(marker, '..'), { recursive: true });
        if (everyPage.length > 0) {
          const now = codeFingerprint(root, everyPage);
          if (!existsSync(fingerprint) || readFileSync(fingerprint, 'utf8') !== now) {
            if (existsSync(record)) {
              rmSync(record);
              logger.info(`${everyPage.join(', ')} or what it imports changed: rendering every page afresh`);
            }
            writeFileSync(fingerprint, now);
          }
        }
        writeFileSync(marker, `${outDir}\n`);
        // The marker's own time, from the clock and at the grain the output's files will get.
        since = statSync(marker).mtimeMs;
      },
      'astro:build:done': ({ assets, logger }) => {
        const routes = [...assets.values()].map((urls) => urls.map((url) => fileURLToPath(url)));
        const removed = existsSync(outDir) ? removeUnmade(outDir, since, new Set(routes.flat()), owned) : [];
        const missing = missingBundle(outDir, assetsDir, routes, since);
        if (missing) {
          rmSync(record, { force: true });
          throw new Error(
            `${join(outDir, missing.page)}: expected every bundle a page kept from the last build loads, found ${missing.bundle} missing: Astro kept the page although its scripts are bundled differently now. Build again: the next build renders every page afresh.`,
          );
        }
        rmSync(marker, { force: true });
        if (removed.length > 0) {
          const named = removed.slice(0, 5).join(', ') + (removed.length > 5 ? ', …' : '');
          logger.info(`removed ${removed.length} files Astro did not make in this build: ${named}`);
        }
      },
    },
  };
}
