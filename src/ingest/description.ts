import type { BodyBlock } from './parse-seed';
import { startWithin } from './segments';

/** Longest description, in characters: what search results and link previews show whole. */
export const DESCRIPTION_MAX_CHARS = 160;

/** Closing punctuation dropped before the ellipsis of a shortened description. */
const DANGLING = /[\s,;:–—-]+$/u;

/** Text of a block as one line: a list's items joined by spaces. */
const textOf = (block: BodyBlock) => (block.type === 'list' ? block.items.join(' ') : block.text);

/**
 * A description from the opening of the body: the first paragraph (or, in a body without
 * one, the first block) whole when it fits in `max` characters, else cut at the last word
 * boundary that leaves room for `…`.
 */
export function descriptionOf(body: readonly BodyBlock[], max = DESCRIPTION_MAX_CHARS): string {
  const first = textOf(body.find((block) => block.type === 'paragraph') ?? body[0]!); // a body is never empty
  if (first.length <= max) return first;
  const room = first.slice(0, max); // max - 1 characters of text plus the space that ends a word
  const cut = room.lastIndexOf(' '); // never 0: paragraphs are trimmed
  const words = cut === -1 ? startWithin(first, max - 1) : room.slice(0, cut); // no space: Chinese, a URL
  return `${words.replace(DANGLING, '')}…`;
}
