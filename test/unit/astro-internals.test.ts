import { describe, expect, test } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { installedAstroVersion, isKnownAstro, knownAstro, slimStore } from '../../src/astro-internals';

describe('isKnownAstro', () => {
  test('the installed Astro is a version this module knows, and nothing is said', () => {
    const warnings: string[] = [];
    expect(isKnownAstro(installedAstroVersion(), (w) => warnings.push(w))).toBe(true);
    expect(warnings).toEqual([]);
  });

  test('the installed Astro is known, and asking again gives the same answer', () => {
    expect(knownAstro()).toBe(true);
    expect(knownAstro()).toBe(true);
  });

  test('another minor or major is not, said in one warning naming the plain path', () => {
    for (const version of ['7.4.0', '8.0.0', '7.30.1']) {
      const warnings: string[] = [];
      expect(isKnownAstro(version, (w) => warnings.push(w))).toBe(false);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`Astro ${version}: expected a version matching`);
      expect(warnings[0]).toContain('the content store is kept whole and the output folder emptied');
    }
  });
});

describe('slimStore', () => {
  type Store = LoaderContext['store'];
  const storeOf = () => {
    const entries = new Map<string, unknown>();
    const imports: string[] = [];
    const store = {
      entries,
      set: (entry: { id: string }) => (entries.set(entry.id, entry), true),
      // A method that needs its store as `this`, as the store's own do.
      get(this: { entries: Map<string, unknown> }, id: string) {
        return this.entries.get(id);
      },
      addModuleImport: (path: string) => void imports.push(path),
    };
    return { store: store as unknown as Store, entries, imports };
  };

  test('stores an entry without its body or deferred render, and registers no content module', () => {
    const { store, entries, imports } = storeOf();
    const slim = slimStore(store);
    slim.set({ id: 'a', data: { title: 'A' }, body: '# A\n\nText', deferredRender: true, digest: 'd' } as never);
    slim.addModuleImport('/content/a.md');
    expect(entries.get('a')).toEqual({ id: 'a', data: { title: 'A' }, digest: 'd' });
    expect(imports).toEqual([]);
  });

  test('passes everything else to the store: its methods bound to it, its other values as they are', () => {
    const { store } = storeOf();
    Object.assign(store, { size: 3 });
    const slim = slimStore(store);
    expect((slim as unknown as { size: number }).size).toBe(3);
    slim.set({ id: 'b', data: {} } as never);
    const { get } = slim;
    expect(get('b')).toEqual({ id: 'b', data: {} });
  });
});
