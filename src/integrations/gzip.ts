/**
 * Gzip for Pagefind's files, as small as each is worth. A few files every search fetches go
 * through zopfli (see `isWorthZopfli`): ordinary gzip, which any gunzip (Pagefind's own in
 * the browser included) reads, 3–7 % smaller than zlib at its best level, at a hundred times
 * the time, so results are kept in the build cache under the SHA-256 of what went in. The
 * rest (index, filter and fragment chunks, thousands at scale) get zlib's best level on
 * libuv's thread pool, every core at once: zopfli would save about 5 % of a few kilobytes per
 * search for some 300 ms of build per file (measured at 1,000 articles).
 */
import { gzipAsync } from '@gfx/zopfli';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { cacheKey, cachedFile } from '../utils/build-cache';

/** Zopfli's passes per block: past 5 the files here shrink by a few bytes for twice the time. */
const ITERATIONS = 5;

const zlibGzip = promisify(gzip);

/** Gzip at zlib's best level, off the main thread. */
export const gzipBest = async (raw: Uint8Array): Promise<Buffer> =>
  zlibGzip(raw, { level: constants.Z_BEST_COMPRESSION });

/** Zopfli's gzip of `raw`, kept in `cacheDir` for the next build. */
export const gzipSmallest = (raw: Uint8Array, cacheDir: string): Promise<Buffer> =>
  cachedFile(cacheDir, `${cacheKey(raw, `zopfli:${ITERATIONS}`)}.gz`, () =>
    gzipAsync(raw, { numiterations: ITERATIONS }),
  );
