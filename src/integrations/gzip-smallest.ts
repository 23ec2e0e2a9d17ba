/**
 * Gzip as small as a static host can serve it: zopfli writes ordinary gzip, which any gunzip
 * (Pagefind's own in the browser included) reads, 3–5 % smaller than zlib at its best level,
 * at about a hundred times the time. So results are kept on disk under the SHA-256 of what
 * went in, and a rebuild pays only for the files that changed.
 */
import { gzipAsync } from '@gfx/zopfli';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Zopfli's passes per block: past 5 the files here shrink by a few bytes for twice the time. */
const ITERATIONS = 5;

/** Where results are kept between builds; losing it costs only time. */
export const GZIP_CACHE_DIR = join('node_modules', '.cache', 'dossier-gzip');

export async function gzipSmallest(raw: Uint8Array, cacheDir: string = GZIP_CACHE_DIR): Promise<Buffer> {
  const key = createHash('sha256').update(raw).update(`zopfli:${ITERATIONS}`).digest('hex');
  const cached = join(cacheDir, `${key}.gz`);
  try {
    return readFileSync(cached);
  } catch {
    // not computed yet
  }
  const gz = Buffer.from(await gzipAsync(raw, { numiterations: ITERATIONS }));
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${cached}.${process.pid}.partial`;
    writeFileSync(partial, gz);
    renameSync(partial, cached); // whole or not at all, even with two builds at once
  } catch {
    // an unwritable cache only costs time
  }
  return gz;
}
