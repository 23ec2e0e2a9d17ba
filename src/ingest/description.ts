import { DESCRIPTION_MAX_CHARS } from '../schemas/article';
import type { BodyBlock } from './parse-seed';
import { startWithin } from './segments';

export { DESCRIPTION_MAX_CHARS };

/** Closing punctuation dropped before the ellipsis of a shortened description. */
const DANGLING = /[\s,;:–—-]+$/u;

/** Text of a block as one line: a list's items joined by spaces. */
const textOf = (block: BodyBlock) => (block.type === 'list' ? block.items.join(' ') : block.text);

/**
 * A description of at most `max` characters from a text: whole when it fits, else cut at the
 * last word boundary that leaves room for `…`.
 */
export function shorten(text: string, max = DESCRIPTION_MAX_CHARS): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max); // max - 1 characters of text plus the space that ends a word
  const cut = room.lastIndexOf(' '); // never 0: paragraphs are trimmed
  const words = cut === -1 ? startWithin(text, max - 1) : room.slice(0, cut); // no space: Chinese, a URL
  return `${words.replace(DANGLING, '')}…`;
}

/**
 * A description from the opening of the body: the first paragraph (or, in a body without
 * one, the first block), shortened to `max` characters.
 */
export function descriptionOf(body: readonly BodyBlock[], max = DESCRIPTION_MAX_CHARS): string {
  return shorten(textOf(body.find((block) => block.type === 'paragraph') ?? body[0]!), max); // a body is never empty
}
