/**
 * Ranges for the gaps between Pagefind's word index chunks, so that a search word there loads
 * the one chunk that holds its stem. Pagefind's metadata gives each chunk the range of its
 * words, shortened to the fewest letters that tell chunks apart (`intel`–`intel` for
 * `intellectu`, `intellig`). It picks chunks before it stems a search word, and a word in no
 * range (`intelligence`) loads every chunk that may hold a prefix of it: those of `i` and
 * `in` as well, 342 KB at 10,000 articles beside the 118 KB it needs. Here the gap after each
 * chunk's range gets a range of its own, naming that chunk, so such a word falls in one range;
 * and only as far as that chunk holds the stem of every word of the collection that falls
 * there (`stemmed`: Pagefind's own stems), and no farther than a prefix of the next chunk's
 * first word (whose completions a prefix search needs from that chunk). Pagefind's own ranges
 * stay as they are, so a word left in a gap is looked up as before. Pure: ranges and words in,
 * ranges out.
 */

/** A chunk's range as Pagefind's metadata gives it. */
export interface ChunkRange {
  from: string;
  to: string;
}

/** The highest code point: a string ending in it is above every string it is a prefix of but for it. */
const TOP = String.fromCodePoint(0x10ffff);

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

/**
 * Strings in Pagefind's order: by their UTF-8 bytes, as Rust compares `&str`, which is the
 * order of their code points. JavaScript's own compares UTF-16 units, in which a character
 * above U+FFFF (a surrogate pair) sorts below U+E000–U+FFFF; here it sorts above every
 * other unit, as its code point does.
 */
export function compareBytes(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (isSurrogate(x) !== isSurrogate(y)) return isSurrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * The highest bound below `s` that every realistic string below it is at or under: `s` with
 * its last character one lower, then the highest code point (`inten` → `intem\u{10FFFF}`).
 */
export function justBelow(s: string): string {
  const chars = [...s];
  const last = chars.pop()!.codePointAt(0)!;
  if (last === 0) return chars.join('');
  // One below, stepping over the surrogates, which are no characters.
  const lower = last === 0xe000 ? 0xd7ff : last - 1;
  return `${chars.join('')}${String.fromCodePoint(lower)}${TOP}`;
}

/** The index of the chunk whose range begins at or below `word`: the chunk an indexed word is in. */
function chunkOf(ranges: readonly ChunkRange[], word: string): number {
  let low = 0;
  let high = ranges.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (compareBytes(ranges[mid]!.from, word) <= 0) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * A range for the gap after each of `ranges` (in Pagefind's order, each below the next), as
 * `[index of the chunk, range]`: from the chunk's `to` up to below the first word of `words`
 * (sorted in Pagefind's order) whose stem (`stemmed`) is in another chunk, and below the
 * shortest prefix of the next chunk's `from` that is above this chunk's `to`. A word without a
 * stem counts as one in another chunk. None for a gap with no room. Undefined if the ranges
 * are not in order (a format this does not know).
 */
export function gapRanges(
  ranges: readonly ChunkRange[],
  words: readonly string[],
  stemmed: ReadonlyMap<string, string>,
): [number, ChunkRange][] | undefined {
  for (let i = 0; i < ranges.length; i++) {
    const { from, to } = ranges[i]!;
    const next = ranges[i + 1];
    if (compareBytes(from, to) > 0 || (next && compareBytes(to, next.from) >= 0)) return undefined;
  }
  const gaps: [number, ChunkRange][] = [];
  let w = 0;
  for (const [i, { to }] of ranges.entries()) {
    const next = ranges[i + 1]?.from;
    let cap = TOP;
    if (next !== undefined) {
      const chars = [...next];
      let k = 1;
      while (compareBytes(chars.slice(0, k).join(''), to) <= 0) k++;
      cap = justBelow(chars.slice(0, k).join(''));
    }
    while (w < words.length && compareBytes(words[w]!, to) <= 0) w++;
    for (let v = w; v < words.length && compareBytes(words[v]!, cap) <= 0; v++) {
      const stem = stemmed.get(words[v]!);
      if (stem === undefined || chunkOf(ranges, stem) !== i) {
        cap = justBelow(words[v]!);
        break;
      }
    }
    if (compareBytes(cap, to) > 0) gaps.push([i, { from: to, to: cap }]);
  }
  return gaps;
}
