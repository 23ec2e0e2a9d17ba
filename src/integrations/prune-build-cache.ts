import type { AstroIntegration } from 'astro';
import { BUILD_CACHE_DIR } from '../config';
import { pruneCache } from '../utils/build-cache';

/**
 * After each build, remove from the build cache what no build has used for a month
 * (`pruneCache`): without it, every edited article leaves its old social image and fragment
 * behind for good (48 KB and a few KB each).
 */
export function pruneBuildCache(): AstroIntegration {
  return {
    name: 'dossier:prune-build-cache',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const { files, bytes } = pruneCache(BUILD_CACHE_DIR);
        if (files > 0) logger.info(`removed ${files} cached files unused for a month (${(bytes / 1e6).toFixed(1)} MB)`);
      },
    },
  };
}
