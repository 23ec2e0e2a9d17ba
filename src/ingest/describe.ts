import type { BodyBlock } from './parse-seed';

/** Longest description, in characters: what search results and link previews show whole. */
export const DESCRIPTION_MAX_CHARS = 160;

/** Closing punctuation dropped before the ellipsis of a shortened description. */
const DANGLING = /[\s,;:–—-]+$/u;

/**
 * A description from the opening of the body: the first paragraph whole when it fits in
 * `max` characters, else cut at the last word boundary that leaves room for `…`.
 */
export function describe(body: readonly BodyBlock[], max = DESCRIPTION_MAX_CHARS): string {
  const first = body.find((block) => block.type === 'paragraph')?.text ?? '';
  if (first.length <= max) return first;
  const room = first.slice(0, max); // max - 1 characters of text plus the space that ends a word
  const cut = room.lastIndexOf(' ');
  const words = (cut > 0 ? room.slice(0, cut) : room.slice(0, max - 1)).replace(DANGLING, '');
  return `${words}…`;
}
