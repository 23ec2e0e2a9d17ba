/**
 * Caches never change output. The committed articles are built twice from clean (empty
 * caches, in different time zones and locales), then an article is edited and built with
 * every cache warm, the edit undone and built once more: the first, second and last builds
 * are byte for byte the same, file for file, and the edited build differs where the edit is.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ARTICLES_DIR } from '../../src/config';
import { BASE } from '../support/site';

const scratch = mkdtempSync(join(tmpdir(), 'dossier-reproducible-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const content = join(scratch, 'content');
cpSync(ARTICLES_DIR, content, { recursive: true });

/** Build the scratch articles into `out` with the caches of `caches`, in a time zone and locale. */
function build(out: string, caches: string, zone: { TZ: string; LANG: string }) {
  execFileSync('node_modules/.bin/astro', ['build', '--outDir', join(scratch, out)], {
    env: {
      ...process.env,
      ...zone,
      LC_ALL: zone.LANG,
      ARTICLES_DIR: content,
      ASTRO_CACHE_DIR: join(scratch, caches, 'astro'),
      DOSSIER_CACHE_DIR: join(scratch, caches, 'dossier'),
      BASE_PATH: BASE,
    },
    stdio: 'ignore',
  });
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

test('two clean builds, and a warm build after an edit is undone, are identical byte for byte', () => {
  const first = digests(build('clean-1', 'caches-1', { TZ: 'UTC', LANG: 'C.UTF-8' }));
  const second = digests(build('clean-2', 'caches-2', { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8' }));
  assert.ok(first.size > 20, `the build wrote ${first.size} files`);
  assert.deepEqual(differences(first, second), [], 'a second clean build, elsewhere, differs');

  const [name] = readdirSync(content).sort();
  const file = join(content, name!);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original.trimEnd()} An edited closing sentence.\n`);
  const edited = digests(build('edited', 'caches-2', { TZ: 'UTC', LANG: 'C.UTF-8' }));
  const slug = name!.replace(/\.md$/, '');
  const changed = differences(first, edited);
  assert.ok(changed.includes(`articles/${slug}/index.html`), `the edit shows in its page: ${changed.join(', ')}`);

  writeFileSync(file, original);
  const undone = digests(build('undone', 'caches-2', { TZ: 'UTC', LANG: 'C.UTF-8' }));
  assert.deepEqual(differences(first, undone), [], 'a warm build after the edit is undone differs from a clean one');
});
