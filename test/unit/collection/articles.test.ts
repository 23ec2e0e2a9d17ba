import { describe, expect, test } from 'vitest';
import { inCollectionOrder, isBuilt, withTag, type Article } from '../../../src/collection/articles';

/** An entry as the collection stores it, with what order reads. */
function article(id: string, data: { date?: string; file?: string; line?: number; draft?: boolean; tags?: string[] }) {
  return {
    id,
    data: {
      title: id,
      tags: data.tags ?? [],
      draft: data.draft ?? false,
      ...(data.date ? { date: new Date(data.date) } : {}),
      ...(data.file ? { source: { file: data.file, firstLine: data.line ?? 1, lastLine: (data.line ?? 1) + 10 } } : {}),
    },
  } as unknown as Article;
}

const ids = (articles: readonly Article[]) => articles.map((a) => a.id);

describe('inCollectionOrder', () => {
  // Names that do not sort the way the order does, so no test passes by file name alone.
  const collection = [
    article('old-seed-first', { file: 'seeds/000_a.txt', line: 3 }),
    article('bb-old-seed-second', { file: 'seeds/000_a.txt', line: 40 }),
    article('aa-new-seed-second', { file: 'seeds/001_b.txt', line: 90 }),
    article('new-seed-first', { file: 'seeds/001_b.txt', line: 5 }),
    article('my-note', {}),
    article('another-note', {}),
    article('a-dated-older', { date: '2026-01-15' }),
    article('dated-newer', { date: '2026-11-30' }),
    article('dated-same-b', { date: '2026-06-01' }),
    article('dated-same-a', { date: '2026-06-01' }),
  ];

  test('puts new material first: dated newest first, then hand-written, then a later seed before an earlier', () => {
    expect(ids(inCollectionOrder(collection))).toEqual([
      'dated-newer',
      'dated-same-a',
      'dated-same-b',
      'a-dated-older',
      'another-note',
      'my-note',
      'new-seed-first',
      'aa-new-seed-second',
      'old-seed-first',
      'bb-old-seed-second',
    ]);
  });

  test('is the same whatever order the articles come in', () => {
    const reversed = [...collection].reverse();
    expect(ids(inCollectionOrder(reversed))).toEqual(ids(inCollectionOrder(collection)));
  });

  test('a seed article given a date is ordered by it, among the dated', () => {
    const dated = article('z-seed-dated', { file: 'seeds/000_a.txt', line: 1, date: '2020-01-01' });
    const later = article('y-seed-dated', { file: 'seeds/000_a.txt', line: 50, date: '2021-01-01' });
    expect(ids(inCollectionOrder([collection[4]!, dated, collection[0]!, later]))).toEqual([
      'y-seed-dated',
      'z-seed-dated',
      'my-note',
      'old-seed-first',
    ]);
  });
});

describe('withTag', () => {
  test('lists the articles with the tag, in collection order', () => {
    const tagged = [
      article('seed', { file: 'seeds/000.txt', tags: ['drugs'] }),
      article('note', { tags: ['drugs', 'cyber'] }),
      article('other', { tags: ['cyber'] }),
    ];
    expect(ids(withTag(tagged, 'drugs'))).toEqual(['note', 'seed']);
  });
});

describe('isBuilt', () => {
  test('builds a draft only in development, every other article always', () => {
    const draft = article('draft', { draft: true });
    expect([isBuilt(draft, true), isBuilt(draft, false)]).toEqual([true, false]);
    const published = article('published', {});
    expect([isBuilt(published, true), isBuilt(published, false)]).toEqual([true, true]);
  });
});
