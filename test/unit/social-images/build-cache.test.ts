import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CACHE_MAX_AGE_MS, cachedFile, pruneCache } from '../../../src/social-images/build-cache';

const scratch = mkdtempSync(join(tmpdir(), 'dossier-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DAY = 24 * 60 * 60 * 1000;
const age = (path: string, days: number) => {
  const then = new Date(Date.now() - days * DAY);
  utimesSync(path, then, then);
};

describe('cachedFile', () => {
  test('makes the bytes once, then gives the kept ones, and marks them used', async () => {
    const dir = join(scratch, 'made');
    let made = 0;
    const make = async () => (made++, Buffer.from('bytes'));
    expect((await cachedFile(dir, 'a.bin', make)).toString()).toBe('bytes');
    age(join(dir, 'a.bin'), 40);
    expect((await cachedFile(dir, 'a.bin', make)).toString()).toBe('bytes');
    expect(made).toBe(1);
    expect(pruneCache(dir).files).toBe(0); // used just now, though made 40 days ago
  });
});

describe('pruneCache', () => {
  test('removes what no build used for a month, at any depth, and keeps the rest', () => {
    const dir = join(scratch, 'prune');
    mkdirSync(join(dir, 'fragments'), { recursive: true });
    for (const [name, days] of [
      ['gzip-old.gz', 31],
      ['fragments/old.fragment', 45],
      ['fresh.png', 2],
      ['fragments/x.png.123.partial', 60],
    ] as const) {
      writeFileSync(join(dir, name), 'x'.repeat(10));
      age(join(dir, name), days);
    }
    expect(pruneCache(dir)).toEqual({ files: 3, bytes: 30 });
    expect(existsSync(join(dir, 'fresh.png'))).toBe(true);
    expect(existsSync(join(dir, 'gzip-old.gz'))).toBe(false);
    expect(existsSync(join(dir, 'fragments'))).toBe(true);
  });

  test('keeps a file used within the limit, and does nothing without a cache', () => {
    const dir = join(scratch, 'edge');
    mkdirSync(dir);
    writeFileSync(join(dir, 'f'), 'x');
    const now = Date.now();
    const used = new Date(now - CACHE_MAX_AGE_MS + 1000); // a second inside the limit
    utimesSync(join(dir, 'f'), used, used);
    expect(pruneCache(dir, CACHE_MAX_AGE_MS, now).files).toBe(0);
    expect(pruneCache(dir, CACHE_MAX_AGE_MS, now + 2000).files).toBe(1);
    expect(pruneCache(join(scratch, 'none'))).toEqual({ files: 0, bytes: 0 });
  });
});
