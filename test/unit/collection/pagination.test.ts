import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listPageKey, pageLinks } from '../../../src/collection/pagination';
import { ONE_FILE_SUMMARIES, PAGES_PER_SHARD, summaryDigits, summaryPath } from '../../../src/facts';
import { listNeighbours, listPageUrl } from '../../../src/site/urls';

describe('pageLinks', () => {
  test('shows every page of a short list', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('shows the ends and two pages either side of the current one, with gaps between', () => {
    expect(pageLinks(1, 200)).toEqual([1, 2, 3, 'gap', 200]);
    expect(pageLinks(100, 200)).toEqual([1, 'gap', 98, 99, 100, 101, 102, 'gap', 200]);
    expect(pageLinks(200, 200)).toEqual([1, 'gap', 198, 199, 200]);
  });

  test('shows a lone skipped page rather than a gap standing for one page', () => {
    expect(pageLinks(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('on any page of any list: numbers rise, include the current page and both ends, and no two gaps touch', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 500 })
          .chain((last) => fc.tuple(fc.integer({ min: 1, max: last }), fc.constant(last))),
        ([current, last]) => {
          const links = pageLinks(current, last);
          const numbers = links.filter((link) => link !== 'gap');
          expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
          expect(new Set(numbers).size).toBe(numbers.length);
          expect(numbers).toContain(current);
          expect(numbers[0]).toBe(1);
          expect(numbers.at(-1)).toBe(last);
          links.forEach((link, i) => {
            if (link === 'gap') expect(links[i + 1]).not.toBe('gap');
          });
        },
      ),
    );
  });
});

describe('list page URLs', () => {
  test('page 1 is the list itself, later pages a numbered folder under it', () => {
    expect(listPageUrl('/tags/cyber/', 1)).toBe('/tags/cyber/');
    expect(listPageUrl('/tags/cyber/', 2)).toBe('/tags/cyber/2/');
  });

  test('a page links its neighbours, and the ends link only one way', () => {
    expect(listNeighbours('/', 1, 3)).toEqual({ prev: undefined, next: '/2/' });
    expect(listNeighbours('/', 2, 3)).toEqual({ prev: '/', next: '/3/' });
    expect(listNeighbours('/', 3, 3)).toEqual({ prev: '/2/', next: undefined });
    expect(listNeighbours('/', 1, 1)).toEqual({ prev: undefined, next: undefined });
  });
});

describe('page summary shards', () => {
  test('one file up to 64 pages, then shards of at most 4 pages on average, one more hex digit each time the pages grow sixteen-fold', () => {
    expect(summaryDigits(4)).toBe(0);
    expect(summaryDigits(ONE_FILE_SUMMARIES)).toBe(0);
    expect(summaryDigits(ONE_FILE_SUMMARIES + 1)).toBe(2); // 16 shards would hold more than 4 each
    expect(summaryDigits(PAGES_PER_SHARD * 256)).toBe(2);
    expect(summaryDigits(PAGES_PER_SHARD * 256 + 1)).toBe(3);
    expect(summaryDigits(1_000)).toBe(2);
    expect(summaryDigits(10_000)).toBe(3);
  });

  test('a result is looked up in the shard named by the first digits of its hash, after the language', () => {
    expect(summaryPath('en_8d2f1a3', 0)).toBe('dossier-pages.json');
    expect(summaryPath('en_8d2f1a3', 1)).toBe('dossier-pages/8.json');
    expect(summaryPath('en_8d2f1a3', 2)).toBe('dossier-pages/8d.json');
  });
});

describe('listPageKey (when the incremental build renders a page of a list again)', () => {
  const page = (digests: string[], at = { currentPage: 2, lastPage: 3, total: 120 }) => ({
    ...at,
    data: digests.map((digest) => ({ digest })),
  });
  const key = listPageKey(page(['a1', 'b1']));

  test('is the same for the same articles on the same page', () => {
    expect(listPageKey(page(['a1', 'b1']))).toBe(key);
  });

  test.each([
    ['an article on it is edited', page(['a1', 'b2'])],
    ['another article takes a place on it', page(['a1', 'c1'])],
    ['its articles change order', page(['b1', 'a1'])],
    ['an article leaves it', page(['a1'])],
    ['the number of articles changes', page(['a1', 'b1'], { currentPage: 2, lastPage: 3, total: 119 })],
    ['the number of pages changes', page(['a1', 'b1'], { currentPage: 2, lastPage: 4, total: 151 })],
    ['it moves to another place in the list', page(['a1', 'b1'], { currentPage: 3, lastPage: 3, total: 120 })],
  ])('changes when %s', (_, changed) => {
    expect(listPageKey(changed)).not.toBe(key);
  });
});
