import { execFileSync, spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { main, processIo } from '../../../src/ingest/cli';
import type { FileSystem } from '../../../src/ingest/file-system';

const ROOT = process.cwd();
const SEED_NAME = '000_4f47ba8be8894ef4.txt';
const SEED_TEXT = readFileSync(join(ROOT, 'seeds', SEED_NAME), 'utf8');
const ARTICLES = 'content/articles';

let work: string;

/** `npm run ingest -- <args>` in-process, in a scratch project folder that holds `seeds/`. */
function ingest(args: string[] = [], fs: FileSystem = nodeFs) {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(args, {
    fs,
    cwd: work,
    run: 'test',
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Every entry of a folder (hidden ones too) with its contents, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  if (!nodeFs.existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        nodeFs.statSync(join(dir, name)).isFile() ? readFileSync(join(dir, name), 'utf8') : '<dir>',
      ]),
  );
}

const at = (...parts: string[]) => join(work, ...parts);
const seed = (text: string, name = SEED_NAME) => writeFileSync(at('seeds', name), text);

/** The seed with one article's title replaced. */
const retitled = (from: string, to: string) => SEED_TEXT.replace(`\n${from}\n`, `\n${to}\n`);

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'dossier-ingest-'));
  mkdirSync(at('seeds'));
  seed(SEED_TEXT);
});

afterEach(() => nodeFs.rmSync(work, { recursive: true, force: true }));

describe('main', () => {
  test('writes one Markdown file per article, and a second run changes nothing', () => {
    const first = ingest();
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n')).toEqual([
      'wrote     content/articles/the-role-of-information-and-cyber-security-and-the-impact-on-foreign-policy.md',
      'wrote     content/articles/evolutions-of-strategic-intelligence.md',
      'wrote     content/articles/chinese-private-security-companies-along-the-bri-an-emerging-threat.md',
      'wrote     content/articles/tackling-the-illicit-drug-trade-perspectives-from-russia.md',
    ]);
    const before = snapshot(at(ARTICLES));
    expect(Object.keys(before)).toHaveLength(4);

    const second = ingest();
    expect(second).toEqual({ status: 0, stdout: 'unchanged 4 file(s) in content/articles', stderr: '' });
    expect(snapshot(at(ARTICLES))).toEqual(before);
  });

  test('reads --seeds and writes to --out, creating the folder', () => {
    cpSync(at('seeds'), at('elsewhere'), { recursive: true });
    expect(ingest(['--seeds', `elsewhere/${SEED_NAME}`, '--out', 'deep/out']).status).toBe(0);
    expect(readdirSync(at('deep/out'))).toHaveLength(4);
    expect(readFileSync(at('deep/out/evolutions-of-strategic-intelligence.md'), 'utf8')).toContain(
      `file: "elsewhere/${SEED_NAME}"`,
    );
  });

  test('--check passes in sync, fails on an edited, missing or stale file, and writes nothing', () => {
    ingest();
    const dir = at(ARTICLES);
    // A publisher's own articles are not ingest's to check: in sync all the same.
    writeFileSync(join(dir, 'my-note.md'), '---\ntitle: A Note\n---\n\nMine.\n');
    writeFileSync(join(dir, '_draft.md'), 'Not even frontmatter.\n');
    expect(ingest(['--check'])).toEqual({
      status: 0,
      stdout: `content/articles: 4 articles in sync with seeds`,
      stderr: '',
    });
    const edited = join(dir, 'evolutions-of-strategic-intelligence.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('strategic', 'tactical'));
    nodeFs.rmSync(join(dir, 'the-role-of-information-and-cyber-security-and-the-impact-on-foreign-policy.md'));
    writeFileSync(join(dir, 'gone.md'), readFileSync(edited, 'utf8').replace(/title: ".*"/, 'title: "Gone"'));
    const before = snapshot(dir);
    expect(before['my-note.md']).toBeDefined();

    const check = ingest(['--check']);
    expect(check.status).toBe(1);
    expect(check.stderr.split('\n')).toEqual([
      'content/articles/the-role-of-information-and-cyber-security-and-the-impact-on-foreign-policy.md: missing',
      'content/articles/evolutions-of-strategic-intelligence.md: differs from what ingest writes',
      'content/articles/gone.md: no seed produces it any more',
      '3 file(s) out of sync with seeds: run `npm run ingest`',
    ]);
    expect(check.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  test('lists a generated file no seed produces any more, removes it only with --prune, never a hand-written one', () => {
    ingest();
    const dir = at(ARTICLES);
    seed(
      retitled('Evolutions of Strategic Intelligence', 'Evolutions of Strategic Intelligence Retold').replace(
        'What is strategic intelligence currently used for?',
        'What is strategic intelligence used for today?',
      ),
    );
    writeFileSync(join(dir, 'notes.md'), '---\ntitle: "Mine"\n---\n\nHand-written.\n');
    const generated = readFileSync(join(dir, 'tackling-the-illicit-drug-trade-perspectives-from-russia.md'), 'utf8');
    writeFileSync(join(dir, 'zz-copy.md'), generated); // copies of a generated file: stale, listed in name order
    writeFileSync(join(dir, 'aa-copy.md'), generated);
    writeFileSync(join(dir, 'tackling.md.orig'), generated); // not an article file: never listed or removed

    const listed = ingest();
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(
      'stale     content/articles/evolutions-of-strategic-intelligence.md: no seed produces it any more; `npm run ingest -- --prune` removes it',
    );
    expect(listed.stdout).toContain('wrote     content/articles/evolutions-of-strategic-intelligence-retold.md');
    expect(listed.stdout.match(/^stale {5}\S+/gm)).toEqual([
      'stale     content/articles/aa-copy.md:',
      'stale     content/articles/evolutions-of-strategic-intelligence.md:',
      'stale     content/articles/zz-copy.md:',
    ]);
    expect(readdirSync(dir)).toContain('evolutions-of-strategic-intelligence.md');

    const pruned = ingest(['--prune']);
    expect(pruned.status).toBe(0);
    expect(pruned.stdout).toContain('removed   content/articles/evolutions-of-strategic-intelligence.md');
    expect(pruned.stdout).not.toContain('stale');
    expect(readdirSync(dir).sort()).toEqual([
      'chinese-private-security-companies-along-the-bri-an-emerging-threat.md',
      'evolutions-of-strategic-intelligence-retold.md',
      'notes.md',
      'tackling-the-illicit-drug-trade-perspectives-from-russia.md',
      'tackling.md.orig',
      'the-role-of-information-and-cyber-security-and-the-impact-on-foreign-policy.md',
    ]);
  });

  test('reads a folder’s .txt seeds in name order, and nothing else in it', () => {
    nodeFs.rmSync(at('seeds', SEED_NAME));
    const article = (title: string) =>
      `Intelligence\n\n${title}\n\nPublished\n\non\n\nBody of ${title}.\n\nContinue Reading\n`;
    for (const name of ['e', 'a', 'd', 'b', 'c']) seed(article(`Seed ${name.toUpperCase()}`), `${name}.txt`);
    writeFileSync(at('seeds', 'notes.md'), article('Not A Seed'));
    writeFileSync(at('seeds', 'f.txt.orig'), article('Not A Seed Either'));
    // Whatever order the file system lists them in.
    const unsorted = {
      ...nodeFs,
      readdirSync: (dir: string) => nodeFs.readdirSync(dir).sort().reverse(),
    } as unknown as FileSystem;
    const run = ingest([], unsorted);
    expect(run.stdout.split('\n')).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((n) => `wrote     content/articles/seed-${n}.md`),
    );
    nodeFs.copyFileSync(at(ARTICLES, 'seed-b.md'), at(ARTICLES, 'seed-y.md'));
    nodeFs.copyFileSync(at(ARTICLES, 'seed-c.md'), at(ARTICLES, 'seed-0.md'));
    expect(ingest(['--check'], unsorted).stderr.split('\n')).toEqual([
      'content/articles/seed-0.md: no seed produces it any more',
      'content/articles/seed-y.md: no seed produces it any more',
      '2 file(s) out of sync with seeds: run `npm run ingest`',
    ]);
  });

  test('keeps every article at its slug when a new seed that sorts first brings the same title', () => {
    ingest();
    const before = snapshot(at(ARTICLES));
    const other = SEED_TEXT.replace(
      'What is strategic intelligence currently used for?',
      'Another article, same title.',
    );
    seed(other, '-000_new.txt');

    const run = ingest();
    expect(run.status).toBe(0);
    const after = snapshot(at(ARTICLES));
    for (const [name, contents] of Object.entries(before)) expect(after[name]).toBe(contents);
    const added = Object.keys(after).filter((name) => !(name in before));
    expect(added).toHaveLength(4);
    expect(added.every((name) => /-[0-9a-f]{8}\.md$/.test(name))).toBe(true);
    expect(run.stdout.match(/^wrote /gm)).toHaveLength(4);
  });

  test('keeps an article at its slug when its title is edited in the seed', () => {
    ingest();
    seed(retitled('Evolutions of Strategic Intelligence', 'Evolutions of Strategic Intelligence, Revised'));
    expect(ingest().status).toBe(0);
    const file = readFileSync(at(ARTICLES, 'evolutions-of-strategic-intelligence.md'), 'utf8');
    expect(file).toContain('title: "Evolutions of Strategic Intelligence, Revised"');
    expect(readdirSync(at(ARTICLES))).toHaveLength(4);
  });

  test('writes a title of any length or script at a short slug', () => {
    const title = `${'Strategic Intelligence and Surprise '.repeat(12)}Again`;
    seed(retitled('Evolutions of Strategic Intelligence', title));
    expect(ingest().status).toBe(0);
    const names = readdirSync(at(ARTICLES));
    const long = names.find((name) => name.startsWith('strategic-intelligence'))!;
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(83);
    expect(readFileSync(at(ARTICLES, long), 'utf8')).toContain(`title: "${title}"`);
  });
});

describe('main refuses, with one line and exit 2, and changes nothing', () => {
  /** Run ingest expecting a refusal: exit 2, the one line, and the articles folder as it was. */
  function refused(args: string[], line: string | RegExp, fs?: FileSystem) {
    const before = snapshot(at(ARTICLES));
    const run = ingest(args, fs);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    if (typeof line === 'string') expect(run.stderr).toBe(line);
    else expect(run.stderr).toMatch(line);
    expect(run.stderr).not.toContain('\n    at ');
    expect(snapshot(at(ARTICLES))).toEqual(before);
  }

  test('a seed cut inside an article header: nothing written, no article removed', () => {
    ingest();
    seed(SEED_TEXT.slice(0, SEED_TEXT.indexOf('Evolutions of Strategic Intelligence') + 37));
    refused(
      [],
      `seeds/${SEED_NAME}:30: expected "Published" after the title "Evolutions of Strategic Intelligence", found the end of the file at line 32`,
    );
  });

  test('a second, truncated seed: the first seed writes nothing either', () => {
    seed(SEED_TEXT.slice(0, SEED_TEXT.indexOf('Continue Reading')), '001_truncated.txt');
    refused(
      [],
      'seeds/001_truncated.txt:3: expected "Continue Reading" to end the article "The Role of Information and Cyber Security and the Impact o…", found the end of the file at line 26',
    );
    expect(nodeFs.existsSync(at(ARTICLES))).toBe(false);
  });

  test('a path that is not there', () => {
    refused(
      ['--seeds', 'seeds/missing.txt'],
      'seeds/missing.txt: expected a readable seed file or folder, found no such file or folder',
    );
  });

  test('a FIFO as the seed, without opening it', () => {
    execFileSync('mkfifo', [at('seeds/pipe')]);
    refused(
      ['--seeds', 'seeds/pipe'],
      'seeds/pipe: expected a seed file or a folder of .txt seeds, found a FIFO (named pipe)',
    );
  });

  test('a device as the seed', () => {
    refused(
      ['--seeds', '/dev/null'],
      /^(\.\.\/)+dev\/null: expected a seed file or a folder of \.txt seeds, found a device or a socket$/,
    );
  });

  test('an output folder that cannot be read', () => {
    const denied = {
      ...nodeFs,
      statSync: (target: string) => {
        if (target === at(ARTICLES))
          throw Object.assign(new Error('denied'), { code: 'EACCES', path: target, syscall: 'stat' });
        return nodeFs.statSync(target);
      },
    } as unknown as FileSystem;
    refused([], 'content/articles: expected a path ingest can read, found no permission', denied);
  });

  test('a seed folder whose .txt entry is not a file', () => {
    mkdirSync(at('seeds/folder.txt'));
    refused([], 'seeds/folder.txt: expected a seed file, found a folder');
  });

  test('a seed folder without seeds', () => {
    mkdirSync(at('empty'));
    refused(['--seeds', 'empty'], 'empty: expected a folder with at least one .txt seed, found none');
    refused(['--seeds', '.'], '.: expected a folder with at least one .txt seed, found none');
  });

  test('an output path that is a file', () => {
    writeFileSync(at('out'), 'not a folder');
    refused(['--out', 'out'], 'out: expected a folder for the article files, found a file');
  });

  test('a folder named like an article file, or a hand-written file at an article slug', () => {
    mkdirSync(at(ARTICLES, 'evolutions-of-strategic-intelligence.md'), { recursive: true });
    refused(
      [],
      `content/articles/evolutions-of-strategic-intelligence.md: expected a file written by ingest (the article at seeds/${SEED_NAME}:30 is written there), found a folder; move or rename it`,
    );
    nodeFs.rmdirSync(at(ARTICLES, 'evolutions-of-strategic-intelligence.md'));
    cpSync(join(ROOT, 'test/fixtures/hand-written.md'), at(ARTICLES, 'evolutions-of-strategic-intelligence.md'));
    refused(
      [],
      /^content\/articles\/evolutions-of-strategic-intelligence\.md: expected a file written by ingest .*found a hand-written file; move or rename it$/,
    );
  });

  test('a folder entry named like an article file is left alone when no article is written there', () => {
    mkdirSync(at(ARTICLES, 'attachments.md'), { recursive: true });
    expect(ingest().status).toBe(0);
    expect(readdirSync(at(ARTICLES))).toHaveLength(5);
  });

  test('a generated file whose frontmatter was broken by hand', () => {
    ingest();
    const file = at(ARTICLES, 'evolutions-of-strategic-intelligence.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\ntitle: .*\n/, '\n'));
    refused(
      [],
      'content/articles/evolutions-of-strategic-intelligence.md:2: expected frontmatter as ingest writes it, with a title and source (delete the file to have ingest write it again), found title missing or wrong',
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {2}firstLine: .*\n/, '\n'));
    refused(
      [],
      /^content\/articles\/evolutions-of-strategic-intelligence\.md:2: .*, found title missing or wrong, source\.firstLine missing or wrong$/,
    );
    writeFileSync(file, '---\n# Written by `npm run ingest`: edit the seed, not this file.\ntitle: [\n---\n\nBody.\n');
    refused(
      [],
      /^content\/articles\/evolutions-of-strategic-intelligence\.md:2: expected frontmatter as ingest writes it, .*, found "\w[^"]{20,}"$/,
    );
    writeFileSync(file, '---\n# Written by `npm run ingest`: edit the seed, not this file.\ntitle: "No end"\n');
    refused([], /^content\/articles\/evolutions-of-strategic-intelligence\.md:2: .*, found no closing "---"$/);
  });

  test('bytes that are not UTF-8, naming the line', () => {
    writeFileSync(at('seeds', SEED_NAME), Buffer.from('Connect with us\n\nIntel\xffligence\n\nTitle\n', 'latin1'));
    refused([], `seeds/${SEED_NAME}:3: expected UTF-8 text, found bytes that are not UTF-8`);
    writeFileSync(at('seeds', SEED_NAME), Buffer.from('Connect with us\n\nIntelligence\xff', 'latin1'));
    refused([], `seeds/${SEED_NAME}:3: expected UTF-8 text, found bytes that are not UTF-8`);
  });

  test('an unknown option or an argument without one, with the usage line', () => {
    for (const args of [['--sedes', 'x'], ['--sedes'], ['seeds']]) {
      const run = ingest(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('usage: npm run ingest -- [--seeds <file|dir>] [--out <dir>] [--check] [--prune]');
      expect(nodeFs.existsSync(at(ARTICLES))).toBe(false);
    }
    expect(ingest(['--help'])).toEqual({ status: 0, stdout: expect.stringMatching(/^usage: /), stderr: '' });
  });
});

describe('main writes all or nothing', () => {
  /** A file system whose `call` fails the `n`th time, as a full disk or a lost mount would. */
  function failing(call: 'writeFileSync' | 'renameSync' | 'mkdirSync', n: number): FileSystem {
    let calls = 0;
    const fail = (target: unknown) => {
      if (++calls === n)
        throw Object.assign(new Error('injected'), { code: 'ENOSPC', path: String(target), syscall: 'write' });
    };
    return {
      ...nodeFs,
      [call]: (...args: unknown[]) => {
        fail(args[0]);
        return (nodeFs[call] as (...a: unknown[]) => unknown)(...args);
      },
    } as FileSystem;
  }

  test('a failure at any write or rename leaves the folder byte for byte as it was', () => {
    ingest();
    // A run that rewrites one article, adds one, and (with --prune) removes one.
    seed(
      retitled('Evolutions of Strategic Intelligence', 'A New Title for a New Body')
        .replace('What is strategic intelligence currently used for?', 'What is it for?')
        .replace('When documenting China’s security footprint', 'When documenting Beijing’s security footprint'),
    );
    writeFileSync(at(ARTICLES, 'notes.md'), 'Hand-written.\n');
    const before = snapshot(at(ARTICLES));
    let failures = 0;
    for (const call of ['writeFileSync', 'renameSync'] as const) {
      for (let n = 1; ; n++) {
        const run = ingest(['--prune'], failing(call, n));
        if (run.status === 0) break;
        failures++;
        expect(run.stderr).toMatch(
          /^content\/articles\/\.ingest-test-\d\.(tmp|old): expected a path ingest can write, found no space left on the device$|^content\/articles\/[\w-]+\.md: expected/,
        );
        expect(snapshot(at(ARTICLES))).toEqual(before);
      }
      // The run that did not fail wrote everything: put the folder back for the next call.
      nodeFs.rmSync(at(ARTICLES), { recursive: true });
      mkdirSync(at(ARTICLES));
      for (const [name, contents] of Object.entries(before)) writeFileSync(at(ARTICLES, name), contents);
    }
    expect(failures).toBe(2 + 4); // two files written; two set aside and two moved into place

    const done = ingest(['--prune']);
    expect(done.stdout.split('\n')).toEqual([
      'wrote     content/articles/a-new-title-for-a-new-body.md',
      'wrote     content/articles/chinese-private-security-companies-along-the-bri-an-emerging-threat.md',
      'removed   content/articles/evolutions-of-strategic-intelligence.md',
      'unchanged 2 file(s) in content/articles',
    ]);
    expect(readdirSync(at(ARTICLES)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  test('an undo that fails too is said, with where the old files are', () => {
    ingest();
    seed(
      retitled('Evolutions of Strategic Intelligence', 'A New Title').replace('What is strategic', 'What is tactical'),
    );
    let renames = 0;
    const broken = {
      ...nodeFs,
      renameSync: (from: string, to: string) => {
        renames++;
        if (renames === 2 || renames === 3)
          throw Object.assign(new Error('injected'), { code: 'EIO', path: from, syscall: 'rename' });
        nodeFs.renameSync(from, to);
      },
    } as FileSystem;
    const run = ingest(['--prune'], broken);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'content/articles: expected to put the folder back as it was after "injected", found 1 step(s) that could not be undone; the old files are in .ingest-test-*.old',
    );
    expect(readdirSync(at(ARTICLES))).toContain('.ingest-test-0.old');
  });

  test('a failure on the first run leaves no folder behind', () => {
    const run = ingest([], failing('writeFileSync', 3));
    expect(run.status).toBe(2);
    expect(nodeFs.existsSync(at('content'))).toBe(false);
  });

  test('an error that is not the file system’s is still one line', () => {
    const broken = {
      ...nodeFs,
      readdirSync: () => {
        throw new Error('something else');
      },
    } as unknown as FileSystem;
    expect(ingest([], broken)).toEqual({ status: 2, stdout: '', stderr: 'ingest: something else' });
  });
});

describe('processIo', () => {
  test('is the process’s own file system, folder, id and terminal', () => {
    const io = processIo();
    expect(io.fs).toBe(nodeFs);
    expect(io.cwd).toBe(process.cwd());
    expect(io.run).toBe(String(process.pid));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    io.out('to stdout');
    io.err('to stderr');
    expect(log).toHaveBeenCalledWith('to stdout');
    expect(error).toHaveBeenCalledWith('to stderr');
    vi.restoreAllMocks();
  });
});

describe('npm run ingest, as a program', () => {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const cli = join(ROOT, 'src/ingest/cli.ts');

  test('exits 0 having written the articles, and 2 with one line and no stack trace', () => {
    const done = spawnSync(tsx, [cli], { cwd: work, encoding: 'utf8' });
    expect(done.status).toBe(0);
    expect(readdirSync(at(ARTICLES))).toHaveLength(4);

    execFileSync('mkfifo', [at('pipe')]);
    const refused = spawnSync(tsx, [cli, '--seeds', 'pipe'], { cwd: work, encoding: 'utf8', timeout: 20_000 });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('pipe: expected a seed file or a folder of .txt seeds, found a FIFO (named pipe)\n');
  });
});
