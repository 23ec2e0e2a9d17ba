import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';

const ROOT = process.cwd();
const SEED = join(ROOT, 'seeds/000_4f47ba8be8894ef4.txt');

let work: string;

/** Run `npm run ingest -- <args>` in a scratch project folder that holds `seeds/`. */
function ingest(...args: string[]) {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/ingest/cli.ts'), ...args], {
    cwd: work,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file of a folder with its contents, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'dossier-ingest-'));
  cpSync(SEED, join(work, 'seeds/000_4f47ba8be8894ef4.txt'));
});

describe('npm run ingest', () => {
  test('writes one Markdown file per article, and a second run changes nothing', () => {
    const first = ingest();
    expect(first.status).toBe(0);
    expect(first.stdout.match(/^wrote /gm)).toHaveLength(4);
    const before = snapshot(join(work, 'content/articles'));
    expect(Object.keys(before)).toHaveLength(4);

    const second = ingest();
    expect(second.status).toBe(0);
    expect(second.stdout).not.toMatch(/^wrote /m);
    expect(snapshot(join(work, 'content/articles'))).toEqual(before);
  });

  test('reads --seeds and writes to --out', () => {
    cpSync(join(work, 'seeds'), join(work, 'elsewhere'), { recursive: true });
    expect(ingest('--seeds', 'elsewhere/000_4f47ba8be8894ef4.txt', '--out', 'out').status).toBe(0);
    expect(readdirSync(join(work, 'out'))).toHaveLength(4);
  });

  test('--check passes in sync, fails on an edited or stale file, and writes nothing', () => {
    ingest();
    const dir = join(work, 'content/articles');
    expect(ingest('--check').status).toBe(0);

    const [name] = readdirSync(dir);
    writeFileSync(join(dir, name!), readFileSync(join(dir, name!), 'utf8').replace('Published', 'Edited'));
    const stale = readFileSync(join(dir, name!), 'utf8').replace(/title: ".*"/, 'title: "Gone"');
    writeFileSync(join(dir, 'gone.md'), stale);
    const before = snapshot(dir);

    const check = ingest('--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('gone.md: no seed produces it any more');
    expect(snapshot(dir)).toEqual(before);
  });

  test('removes files it wrote that no seed produces any more, and keeps hand-written ones', () => {
    ingest();
    const dir = join(work, 'content/articles');
    const generated = readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8');
    writeFileSync(join(dir, 'retired-article.md'), generated);
    writeFileSync(join(dir, 'notes.md'), '---\ntitle: "Mine"\n---\n\nHand-written.\n');

    const run = ingest();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('removed   content/articles/retired-article.md');
    expect(readdirSync(dir)).toContain('notes.md');
    expect(readdirSync(dir)).not.toContain('retired-article.md');
  });

  test('refuses a truncated seed with file, line and expectation, and writes or deletes nothing', () => {
    ingest();
    const dir = join(work, 'content/articles');
    const before = snapshot(dir);
    const text = readFileSync(SEED, 'utf8');
    writeFileSync(join(work, 'seeds/001_truncated.txt'), text.slice(0, text.indexOf('Continue Reading')));

    const run = ingest();
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'seeds/001_truncated.txt:3: expected "Continue Reading" to end the article "The Role of Information and Cyber Security and the Impact o…", found the end of the file at line 26',
    );
    expect(snapshot(dir)).toEqual(before);
  });

  test('refuses a path that cannot be read', () => {
    const run = ingest('--seeds', 'seeds/missing.txt');
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'seeds/missing.txt: expected a readable seed file or folder, found no such file or folder',
    );
  });

  test('refuses bytes that are not UTF-8, naming the line', () => {
    writeFileSync(
      join(work, 'seeds/000_4f47ba8be8894ef4.txt'),
      Buffer.from('Connect with us\n\nIntel\xffligence\n', 'latin1'),
    );
    const run = ingest();
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'seeds/000_4f47ba8be8894ef4.txt:3: expected UTF-8 text, found bytes that are not UTF-8',
    );
  });

  test('refuses to overwrite a hand-written file that has an article slug', () => {
    const target = join(work, 'content/articles/evolutions-of-strategic-intelligence.md');
    cpSync(join(ROOT, 'test/fixtures/hand-written.md'), target);
    const run = ingest();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^content\/articles\/evolutions-of-strategic-intelligence\.md:1: expected a file written by ingest/,
    );
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(ROOT, 'test/fixtures/hand-written.md'), 'utf8'));
    expect(readdirSync(join(work, 'content/articles'))).toEqual(['evolutions-of-strategic-intelligence.md']);
  });

  test('rejects an unknown option with the usage line', () => {
    const run = ingest('--sedes', 'x');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run ingest -- [--seeds <file|dir>] [--out <dir>] [--check]');
  });
});
