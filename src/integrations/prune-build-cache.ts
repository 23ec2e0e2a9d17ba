import type { AstroIntegration } from 'astro';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_CACHE_DIR } from '../config';
import { pruneCache } from '../social-images/build-cache';

/** When the cache was last pruned: its modification time. */
const STAMP = join(BUILD_CACHE_DIR, '.pruned');

/** Pruning reads every cached file's age (20,000 files at 10,000 articles): once a day is enough. */
const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * After a build, at most once a day, remove from the build cache what no build has used for a
 * month (`pruneCache`): without it, every edited article leaves its old social image and
 * fragment behind for good (48 KB and a few KB each).
 */
export function pruneBuildCache(): AstroIntegration {
  return {
    name: 'dossier:prune-build-cache',
    hooks: {
      'astro:build:done': ({ logger }) => {
        try {
          if (Date.now() - statSync(STAMP).mtimeMs < PRUNE_EVERY_MS) return;
        } catch {
          // never pruned here
        }
        const { files, bytes } = pruneCache(BUILD_CACHE_DIR);
        if (files > 0) logger.info(`removed ${files} cached files unused for a month (${(bytes / 1e6).toFixed(1)} MB)`);
        try {
          mkdirSync(BUILD_CACHE_DIR, { recursive: true });
          writeFileSync(STAMP, '');
        } catch {
          // an unwritable cache: pruned again next build
        }
      },
    },
  };
}
