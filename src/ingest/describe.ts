import type { BodyBlock } from './parse-seed';

/** Longest description, in characters: what search results and link previews show whole. */
export const DESCRIPTION_MAX_CHARS = 160;

/** Closing punctuation dropped before the ellipsis of a shortened description. */
const DANGLING = /[\s,;:–—-]+$/u;

/**
 * The longest run of whole words (or, for one long word, whole characters) from the start of
 * a text written without spaces, such as Chinese, in at most `max` UTF-16 units: never half
 * a character, so no lone surrogate reaches the frontmatter.
 */
function wordsWithin(text: string, max: number): string {
  const within = (segmenter: Intl.Segmenter) => {
    let out = '';
    for (const { segment } of segmenter.segment(text)) {
      if (out.length + segment.length > max) break;
      out += segment;
    }
    return out;
  };
  return within(new Intl.Segmenter('und', { granularity: 'word' })) || within(new Intl.Segmenter('und'));
}

/** Text of a block as one line: a list's items joined by spaces. */
const textOf = (block: BodyBlock) => (block.type === 'list' ? block.items.join(' ') : block.text);

/**
 * A description from the opening of the body: the first paragraph (or, in a body without
 * one, the first block) whole when it fits in `max` characters, else cut at the last word
 * boundary that leaves room for `…`.
 */
export function describe(body: readonly BodyBlock[], max = DESCRIPTION_MAX_CHARS): string {
  const first = textOf(body.find((block) => block.type === 'paragraph') ?? body[0]!); // a body is never empty
  if (first.length <= max) return first;
  const room = first.slice(0, max); // max - 1 characters of text plus the space that ends a word
  const cut = room.lastIndexOf(' '); // never 0: paragraphs are trimmed
  const words = cut === -1 ? wordsWithin(first, max - 1) : room.slice(0, cut);
  return `${words.replace(DANGLING, '')}…`;
}
