/**
 * Caches never change output. The committed articles are built twice from clean (empty
 * caches, in different time zones and locales); then an article is edited and another
 * deleted, and built with every cache warm over the second build's output; the edit and the
 * deletion are undone and built once more over it: the first, second and last builds are
 * byte for byte the same, file for file, the edited build differs where the edit is, and has
 * nothing left of the deleted article. And a build with nothing changed keeps every article
 * page, however it is started.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ARTICLES_DIR } from '../../src/config';
import { PAGE_SUMMARIES_FILE, PAGEFIND_DIR } from '../../src/facts';
import { BASE } from '../support/build-under-test';

const scratch = mkdtempSync(join(tmpdir(), 'dossier-reproducible-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const content = join(scratch, 'content');
cpSync(ARTICLES_DIR, content, { recursive: true });

/**
 * Build the scratch articles into `out` with the caches of `caches` and `env` added: Astro's
 * log, as plain text (a terminal, or FORCE_COLOR, colours it).
 */
function astroBuild(out: string, caches: string, env: NodeJS.ProcessEnv): string {
  const log = execFileSync('node_modules/.bin/astro', ['build', '--outDir', join(scratch, out)], {
    env: {
      ...process.env,
      ARTICLES_DIR: content,
      ASTRO_CACHE_DIR: join(scratch, caches, 'astro'),
      DOSSIER_CACHE_DIR: join(scratch, caches, 'dossier'),
      BASE_PATH: BASE,
      ...env,
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return stripVTControlCharacters(log);
}

/** Build the scratch articles into `out` with the caches of `caches`, in a time zone and locale. */
function build(out: string, caches: string, zone: { TZ: string; LANG: string }) {
  astroBuild(out, caches, { ...zone, LC_ALL: zone.LANG });
  return join(scratch, out);
}

/** Every file under `dir` with the SHA-256 of its bytes. */
function digests(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
  return new Map(
    files.map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex'),
    ]),
  );
}

/** The files of `b` that are missing from `a`, extra, or have other bytes. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((name) => a.get(name) !== b.get(name));
}

test('two clean builds, and a warm build over the last output after an edit and a deletion are undone, are identical byte for byte', () => {
  const first = digests(build('clean-1', 'caches-1', { TZ: 'UTC', LANG: 'C.UTF-8' }));
  const second = digests(build('clean-2', 'caches-2', { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8' }));
  assert.ok(first.size > 20, `the build wrote ${first.size} files`);
  assert.deepEqual(differences(first, second), [], 'a second clean build, elsewhere, differs');

  // The warm builds write over the second clean build's output, as a rebuild does (keep-output.ts).
  const names = readdirSync(content).sort();
  const [name, goneName] = [names[0]!, names.at(-1)!];
  const file = join(content, name);
  const original = readFileSync(file, 'utf8');
  const goneFile = join(content, goneName);
  const goneText = readFileSync(goneFile, 'utf8');
  writeFileSync(file, `${original.trimEnd()} An edited closing sentence.\n`);
  rmSync(goneFile);
  const edited = digests(build('clean-2', 'caches-2', { TZ: 'UTC', LANG: 'C.UTF-8' }));
  const [slug, gone] = [name, goneName].map((n) => n.replace(/\.md$/, ''));
  const changed = differences(first, edited);
  assert.ok(changed.includes(`articles/${slug}/index.html`), `the edit shows in its page: ${changed.join(', ')}`);
  const leftOver = [`articles/${gone}/index.html`, `og/${gone}.png`].filter((path) => edited.has(path));
  assert.deepEqual(leftOver, [], 'a deleted article leaves nothing in the output');
  const summaries = readFileSync(join(scratch, 'clean-2', PAGEFIND_DIR, PAGE_SUMMARIES_FILE), 'utf8');
  assert.ok(summaries.includes(`/articles/${slug}/`), 'the search index holds the edited article');
  assert.ok(!summaries.includes(`/articles/${gone}/`), 'the search index holds no deleted article');

  writeFileSync(file, original);
  writeFileSync(goneFile, goneText);
  const undone = digests(build('clean-2', 'caches-2', { TZ: 'UTC', LANG: 'C.UTF-8' }));
  assert.deepEqual(
    differences(first, undone),
    [],
    'a warm build over the last output, after the edit is undone, differs from a clean one',
  );
});

test('a build with nothing changed keeps every article page, however it is started', () => {
  // The shell tells a program the command it ran in `_`: a build started through npm, then by
  // hand, differs in that alone. Astro writes such variables into a module that reads
  // `import.meta.env` whole, and a page whose code changed is rendered again.
  astroBuild('kept', 'caches-3', { _: '/usr/bin/npm' });
  const log = astroBuild('kept', 'caches-3', { _: '/usr/local/bin/astro' });
  const pages = log.split('\n').filter((line) => /\/articles\/[^/]+\/index\.html/.test(line));
  assert.equal(pages.length, readdirSync(content).length, `Astro logged a line for each article page:\n${log}`);
  const rendered = pages.filter((line) => !line.trimEnd().endsWith('(cached)'));
  assert.deepEqual(rendered, [], 'article pages rendered again, though nothing changed');
});
