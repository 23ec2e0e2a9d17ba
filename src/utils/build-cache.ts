/**
 * The build cache: work a build may skip because an earlier build did it on the same input
 * (zopfli's gzip, social images), kept in `BUILD_CACHE_DIR` under a hash of everything that
 * went into it. A hit returns the very bytes the work would make, so the cache can only save
 * time, never change output; a missing or unwritable cache costs only time. Server-only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
    return readFileSync(path);
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
