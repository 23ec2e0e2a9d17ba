/**
 * Everything Dossier relies on of Astro that Astro does not document, in one place, for the
 * versions it was written against (`KNOWN_ASTRO`). On any other version the build takes the
 * plain path, and says so in one warning: the content store as Astro keeps it, and the output
 * folder emptied by Astro before each build. Both only cost time; the site is the same.
 *
 * What each part answers upstream, so it can go when Astro moves:
 * - `slimStore`: Astro's glob loader stores every article's Markdown body in the content
 *   store, and with `deferRender` registers a content module per entry; Astro loads the whole
 *   store into every build of every page. Wrapping the store's `set` and `addModuleImport`
 *   keeps frontmatter and what the loader worked out, nothing else (each page renders its own
 *   file). Without it, 1,000 articles build in a third more time and rebuild after one edit in
 *   three times as long (docs/choices.md).
 * - `INCREMENTAL_RECORD`: the experimental incremental build keeps a page from the source of
 *   its code, not from the bundles its scripts end up in. When a kept page names a bundle this
 *   build did not write, keep-output.ts deletes Astro's record so the next build renders every
 *   page afresh.
 */
import type { LoaderContext } from 'astro/loaders';
import { packageVersion } from './package-version';

/** The Astro versions whose content store and incremental build this module was written against. */
export const KNOWN_ASTRO = /^7\.3\./;

/** The installed Astro's version ("unreadable" if its package.json cannot be read). */
export const installedAstroVersion = (): string => packageVersion('astro') ?? 'unreadable';

/** Whether Astro `version` is one this module knows; if not, `warn` says so. */
export function isKnownAstro(version: string, warn: (message: string) => void): boolean {
  if (KNOWN_ASTRO.test(version)) return true;
  warn(
    `Astro ${version}: expected a version matching ${String(KNOWN_ASTRO)}, found another; ` +
      `the content store is kept whole and the output folder emptied before each build (src/astro-internals.ts)`,
  );
  return false;
}

/**
 * Where the answer is kept: on `globalThis`, since astro.config.ts and the content loader each
 * load this module in a module graph of their own, within one process.
 */
const KNOWN = Symbol.for('dossier:known-astro');

/** Whether the installed Astro is one this module knows: checked once, warned once. */
export function knownAstro(): boolean {
  const kept = globalThis as unknown as Record<symbol, boolean | undefined>;
  // Read by astro.config.ts too, before Astro's logger exists.
  // eslint-disable-next-line no-console
  kept[KNOWN] ??= isKnownAstro(installedAstroVersion(), (message) => console.warn(`[dossier] ${message}`));
  return kept[KNOWN];
}

type DataStore = LoaderContext['store'];
type StoredEntry = Parameters<DataStore['set']>[0];

/** The store, with every entry's body left out on its way in and no content module registered. */
export function slimStore(store: DataStore): DataStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'set') {
        return (entry: StoredEntry) => {
          const kept = { ...entry };
          delete kept.body; // read by the page from its file, never stored
          delete kept.deferredRender; // nothing for Astro to render later
          return target.set(kept);
        };
      }
      if (property === 'addModuleImport') return () => undefined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Astro's record of the pages its incremental build may keep, in its cache folder. */
export const INCREMENTAL_RECORD = 'incremental-build.json';
