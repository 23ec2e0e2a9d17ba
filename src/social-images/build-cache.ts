/**
 * The build cache: work a build may skip because an earlier build did it on the same input
 * (social images), kept in `BUILD_CACHE_DIR` under a hash of everything that
 * went into it. A hit returns the very bytes the work would make, so the cache can only save
 * time, never change output; a missing or unwritable cache costs only time. Each hit marks
 * its file as used (its modification time), and `pruneCache` removes what no build has used
 * for a while, so the cache does not grow with every edit ever made. Server-only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How long a cached file no build has used is kept: a month of builds. */
export const CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** The SHA-256, in hex, of `parts` in order. */
export function cacheKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** The file `name` in `dir` if an earlier build made it, else `make()`'s bytes, kept there for the next. */
export async function cachedFile(dir: string, name: string, make: () => Promise<Uint8Array>): Promise<Buffer> {
  const path = join(dir, name);
  try {
    const bytes = readFileSync(path);
    try {
      const now = new Date();
      utimesSync(path, now, now); // used: kept by `pruneCache`
    } catch {
      // a read-only cache is still a cache
    }
    return bytes;
  } catch {
    // not made yet
  }
  const bytes = Buffer.from(await make());
  try {
    mkdirSync(dir, { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, path); // whole or not at all, even with two builds at once
  } catch {
    // an unwritable cache only costs time
  }
  return bytes;
}

/**
 * Remove the files under `dir` that no build has used for `maxAgeMs` (their modification
 * time; a `.partial` file left by a build that died while writing is one of them). Returns how many files
 * and bytes went. A file removed too soon is only made again by the next build that needs it.
 */
export function pruneCache(
  dir: string,
  maxAgeMs = CACHE_MAX_AGE_MS,
  now = Date.now(),
): { files: number; bytes: number } {
  const removed = { files: 0, bytes: 0 };
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return removed; // no cache yet
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const stats = statSync(path);
      if (!stats.isFile() || now - stats.mtimeMs <= maxAgeMs) continue;
      rmSync(path);
      removed.files++;
      removed.bytes += stats.size;
    } catch {
      // gone already, or not ours to remove: only time is at stake
    }
  }
  return removed;
}
