import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareBytes, gapRanges, justBelow } from '../../../../src/integrations/pagefind/chunk-bounds';

const TOP = String.fromCodePoint(0x10ffff);
type Range = { from: string; to: string };
/** Pagefind's lookup: the chunk whose range holds `word` (`request_indexes`, strict), or -1. */
const strict = (ranges: Range[], word: string) =>
  ranges.findIndex(({ from, to }) => compareBytes(word, from) >= 0 && compareBytes(word, to) <= 0);
/** Which chunk a word falls in once the gaps have their ranges: its own range's, or its gap's. */
const met = (ranges: Range[], words: string[], stemmed: Map<string, string>) => {
  const gaps = gapRanges(ranges, words, stemmed)!;
  return (word: string) => {
    const own = strict(ranges, word);
    if (own >= 0) return own;
    const gap = gaps.find(([, range]) => strict([range], word) === 0);
    return gap ? gap[0] : -1;
  };
};

describe('justBelow', () => {
  test('is below the string and above every other string below it that a word can be', () => {
    expect(justBelow('inten')).toBe(`intem${TOP}`);
    for (const below of ['intem', 'intemperate', 'inte', 'intel', 'intellig', 'a']) {
      expect(compareBytes(below, justBelow('inten'))).toBeLessThanOrEqual(0);
    }
    expect(compareBytes(justBelow('inten'), 'inten')).toBeLessThan(0);
  });

  test('steps over the surrogates, and drops a last character that has none below it', () => {
    expect(justBelow('ab')).toBe(`aa${TOP}`);
    expect(justBelow('\uE000')).toBe(`\uD7FF${TOP}`);
    expect(justBelow('ab\0')).toBe('ab');
  });

  test('holds for any strings, in the UTF-8 order Pagefind compares in', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (s, other) => {
        fc.pre(!other.includes(TOP) && !s.endsWith('\0'));
        expect(compareBytes(justBelow(s), s)).toBeLessThan(0);
        if (compareBytes(other, s) < 0) expect(compareBytes(other, justBelow(s))).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('gapRanges', () => {
  // As Pagefind shortens them: `intel`–`intel` holds `intellectu` and `intellig`.
  const ranges = [
    { from: 'hxzai', to: 'i' },
    { from: 'impos', to: 'in' },
    { from: 'insu', to: 'integ' },
    { from: 'intel', to: 'intel' },
    { from: 'inten', to: 'inten' },
  ];
  const stems = new Map([
    ['in', 'in'],
    ['intelligence', 'intellig'],
    ['intelligent', 'intellig'],
    ['intellectual', 'intellectu'],
    ['intense', 'intens'],
    ['integrity', 'integr'],
  ]);
  const words = [...stems.keys()].sort(compareBytes);

  test('a word between two ranges falls in the chunk before the gap, which holds its stem', () => {
    expect(strict(ranges, 'intelligence')).toBe(-1); // Pagefind's ranges: every chunk with a prefix of it
    const chunkOf = met(ranges, words, stems);
    expect(chunkOf('intelligence')).toBe(3);
    expect(chunkOf('intellectual')).toBe(3);
    expect(chunkOf('integrity')).toBe(2);
    expect(chunkOf('in')).toBe(1);
  });

  test('each gap’s range begins where its chunk’s ends and ends before the next one’s begins', () => {
    const gaps = gapRanges(ranges, words, stems)!;
    expect(gaps.length).toBeGreaterThan(0);
    for (const [i, { from, to }] of gaps) {
      expect(from).toBe(ranges[i]!.to);
      if (ranges[i + 1]) expect(compareBytes(to, ranges[i + 1]!.from)).toBeLessThan(0);
    }
  });

  test('stops below a word of the collection whose stem is in another chunk', () => {
    // `intermediat` stems to `in` here: it must not be looked up in the chunk before it.
    const odd = new Map([...stems, ['intermediat', 'in']]);
    const chunkOf = met(ranges, [...odd.keys()].sort(compareBytes), odd);
    expect(chunkOf('intermediat')).toBe(-1);
    expect(chunkOf('intense')).toBe(4);
  });

  test('a word without a stem counts as one in another chunk', () => {
    const chunkOf = met(ranges, [...words, 'intelx'].sort(compareBytes), stems);
    expect(chunkOf('intelx')).toBe(-1);
    expect(chunkOf('intelligence')).toBe(3);
  });

  test('stops below a prefix of the next chunk’s first word, whose completions are in that chunk', () => {
    const next = [
      { from: 'secur', to: 'secur' },
      { from: 'securiti', to: 'seg' },
    ];
    const chunkOf = met(next, [], new Map());
    // `securi` and `securit`, typed on the way, need the next chunk's words, which they begin.
    expect(chunkOf('securh')).toBe(0);
    expect(chunkOf('securi')).toBe(-1);
    expect(chunkOf('securiti')).toBe(1);
  });

  test('the gap after the last chunk reaches to the end', () => {
    const chunkOf = met(ranges, words, stems);
    expect(chunkOf('intens')).toBe(4);
    expect(chunkOf('zebra')).toBe(4);
  });

  test('a stem at the very start of a chunk’s range is in that chunk; one below every range in none', () => {
    const odd = new Map([...stems, ['intelx', 'intel'], ['ink', 'a']]);
    const chunkOf = met(ranges, [...odd.keys()].sort(compareBytes), odd);
    expect(chunkOf('intelx')).toBe(3);
    expect(chunkOf('ink')).toBe(-1);
  });

  test('a word equal to a chunk’s bound is that chunk’s, whatever its stem, and the gap after it stays', () => {
    const odd = new Map([...stems, ['integ', 'in']]);
    const chunkOf = met(ranges, [...odd.keys()].sort(compareBytes), odd);
    expect(chunkOf('integrity')).toBe(2);
  });

  test('a gap’s range is never empty', () => {
    const gaps = gapRanges(ranges, [...words, 'intel\0'].sort(compareBytes), new Map([...stems, ['intel\0', 'x']]))!;
    for (const [, { from, to }] of gaps) expect(compareBytes(from, to)).toBeLessThan(0);
  });

  test('ranges that are not in order are a format it does not know', () => {
    for (const disordered of [
      [{ from: 'b', to: 'a' }],
      [
        { from: 'a', to: 'c' },
        { from: 'c', to: 'd' },
      ],
      [
        { from: 'a', to: 'c' },
        { from: 'b', to: 'd' },
      ],
    ]) {
      expect(gapRanges(disordered, [], new Map())).toBeUndefined();
    }
  });

  test('for any chunks and words: each word looked up in one chunk, the one of its stem, or left to Pagefind', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 2, maxLength: 30 }),
        fc.array(word, { maxLength: 30 }),
        (stemList, typed) => {
          // Chunks cut from sorted stems, each range as wide as its first and last stem.
          const sortedStems = [...stemList].sort(compareBytes);
          const cut = sortedStems.reduce<string[][]>((chunks, stem, i) => {
            if (i % 3 === 0) chunks.push([]);
            chunks.at(-1)!.push(stem);
            return chunks;
          }, []);
          const chunkRanges = cut.map((chunk) => ({ from: chunk[0]!, to: chunk.at(-1)! }));
          // Each typed word stems to the longest stem that begins it, or to itself.
          const stemmed = new Map(
            typed.map((t) => [t, sortedStems.filter((s) => t.startsWith(s)).at(-1) ?? t] as [string, string]),
          );
          const sortedWords = [...stemmed.keys()].sort(compareBytes);
          const gaps = gapRanges(chunkRanges, sortedWords, stemmed)!;
          const all = [...chunkRanges, ...gaps.map(([, range]) => range)].sort((a, b) => compareBytes(a.from, b.from));
          for (let i = 1; i < all.length; i++)
            expect(compareBytes(all[i - 1]!.to, all[i]!.from)).toBeLessThanOrEqual(0);
          const chunkOf = met(chunkRanges, sortedWords, stemmed);
          for (const t of sortedWords) {
            if (strict(chunkRanges, t) >= 0) continue; // in a range of Pagefind's own: as before
            const found = chunkOf(t);
            const holder = cut.findIndex((chunk) => chunk.includes(stemmed.get(t)!));
            if (found >= 0 && holder >= 0) expect(found).toBe(holder);
          }
        },
      ),
    );
  });
});

describe('compareBytes', () => {
  test('puts a character above U+FFFF after every other, as UTF-8 does, though JavaScript puts it before U+E000', () => {
    expect(compareBytes('\u{10000}', '\uE000')).toBeGreaterThan(0);
    expect(compareBytes('\uFFFF', '\u{1F600}')).toBeLessThan(0);
    expect(compareBytes('\uD7FF', '\u{10000}')).toBeLessThan(0);
    expect(compareBytes('a', '\uE000')).toBeLessThan(0);
    expect(compareBytes('ab', 'a')).toBeGreaterThan(0);
    expect(compareBytes('ab', 'ab')).toBe(0);
  });

  test('orders strings as their UTF-8 bytes do, characters above U+FFFF included', () => {
    const strings = fc.string({ unit: 'binary', maxLength: 6 });
    fc.assert(
      fc.property(strings, strings, (a, b) => {
        fc.pre(a.isWellFormed() && b.isWellFormed());
        expect(Math.sign(compareBytes(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
    );
  });
});
