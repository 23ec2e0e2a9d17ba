import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeFilesUnder, syncFolder } from '../../../src/integrations/output-files';

const scratch = mkdtempSync(join(tmpdir(), 'dossier-output-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LONG_AGO = 1_000_000_000; // 2001

/** Write `files` (path → text) under `dir`, each modified long ago. */
function write(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    utimesSync(join(dir, path), LONG_AGO, LONG_AGO);
  }
}

/** Every file under `dir` with its text. */
const contents = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .map((path) => [path.slice(dir.length + 1), readFileSync(path, 'utf8')])
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );

const file = (path: string, text: string) => ({ path, content: Buffer.from(text) });

describe('syncFolder', () => {
  test('leaves the folder holding exactly the files given: new ones written, changed ones rewritten, stale ones gone', () => {
    const dir = join(scratch, 'sync');
    write(dir, { 'same.json': 'same', 'changed.json': 'old', 'longer.json': 'abc', 'stale/gone.pf_fragment': 'gone' });
    const result = syncFolder(dir, [
      file('same.json', 'same'),
      file('changed.json', 'new'),
      file('longer.json', 'abcd'),
      file('fragment/new.pf_fragment', 'fresh'),
    ]);
    expect(contents(dir)).toEqual({
      'changed.json': 'new',
      'fragment/new.pf_fragment': 'fresh',
      'longer.json': 'abcd',
      'same.json': 'same',
    });
    expect(result).toEqual({ written: 3, unchanged: 1, removed: ['stale/gone.pf_fragment'] });
    expect(readdirSync(dir)).not.toContain('stale'); // the folder it left empty
  });

  test('does not write a file whose bytes are already there', () => {
    const dir = join(scratch, 'unchanged');
    write(dir, { 'index/en_1.pf_index': 'chunk' });
    syncFolder(dir, [file('index/en_1.pf_index', 'chunk')]);
    expect(statSync(join(dir, 'index/en_1.pf_index')).mtimeMs).toBe(LONG_AGO * 1000);
  });

  test('makes the folder when there is none', () => {
    const dir = join(scratch, 'none/pagefind');
    expect(syncFolder(dir, [file('pagefind.js', 'js')])).toEqual({ written: 1, unchanged: 0, removed: [] });
    expect(contents(dir)).toEqual({ 'pagefind.js': 'js' });
  });
});

describe('removeFilesUnder', () => {
  test('keeps what it is told to, files and folders, and removes the folders it leaves empty', () => {
    const dir = join(scratch, 'remove');
    write(dir, { 'a/b/old.html': 'old', 'a/kept.html': 'kept', 'c/old.html': 'old' });
    mkdirSync(join(dir, 'empty-kept'));
    const removed = removeFilesUnder(
      dir,
      (entry) => entry.relativePath === 'a/kept.html' || entry.relativePath === 'empty-kept',
    );
    expect(removed).toEqual(['a/b/old.html', 'c/old.html']);
    expect(readdirSync(dir).sort()).toEqual(['a', 'empty-kept']);
    expect(contents(dir)).toEqual({ 'a/kept.html': 'kept' });
  });
});
