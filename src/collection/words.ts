/** Words, and the minutes they take to read. Pure: no `astro:*` imports. */

/** Words a reader gets through in a minute of careful reading. */
export const WORDS_PER_MINUTE = 230;

/** Words in a text: runs between spaces that hold a letter or a digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Minutes to read `words` words, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
