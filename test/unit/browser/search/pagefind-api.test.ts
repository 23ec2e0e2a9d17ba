import { afterEach, describe, expect, test, vi } from 'vitest';
import { pageSummaryLoader } from '../../../../src/browser/search/pagefind-api';
import { NO_SUMMARIES } from '../../../../src/facts';

describe('pageSummaryLoader', () => {
  afterEach(() => vi.unstubAllGlobals());

  const fetching = (files: Record<string, unknown>) => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      asked.push(url);
      const path = url.replace(/\?.*$/, '');
      const found = files[path];
      return Promise.resolve({ ok: found !== undefined, json: () => Promise.resolve(found) });
    });
    return asked;
  };
  const summary = (title: string) => ({ url: `/articles/${title}/`, title, tags: [] });

  test('reads one file of summaries once, under the index’s tag, for every search', async () => {
    const asked = fetching({ '/pagefind/dossier-pages.json': { en_1: summary('a'), en_2: summary('b') } });
    const load = pageSummaryLoader('/', 'en_x', 0);
    expect([...(await load(['en_2', 'en_9'])).keys()]).toEqual(['en_2']);
    expect([...(await load(['en_1'])).values()]).toEqual([summary('a')]);
    expect(asked).toEqual(['/pagefind/dossier-pages.json?ts=en_x']);
  });

  test('reads the shards the results need, and a missing one gives none', async () => {
    const asked = fetching({ '/reader/pagefind/dossier-pages/8.json': { en_8a: summary('a') } });
    const load = pageSummaryLoader('/reader/', 't', 1);
    expect([...(await load(['en_8a', 'en_3b'])).keys()]).toEqual(['en_8a']);
    expect(asked.sort()).toEqual([
      '/reader/pagefind/dossier-pages/3.json?ts=t',
      '/reader/pagefind/dossier-pages/8.json?ts=t',
    ]);
  });

  test('fetches nothing for an index without summaries', async () => {
    const asked = fetching({});
    expect((await pageSummaryLoader('/', 't', NO_SUMMARIES)(['en_1'])).size).toBe(0);
    expect(asked).toEqual([]);
  });
});
