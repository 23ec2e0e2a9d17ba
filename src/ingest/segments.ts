/** Words (by dictionary for Chinese, Japanese, Thai) and characters, as Unicode segments them. */
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });
const CHARACTERS = new Intl.Segmenter('und'); // grapheme clusters: 👩🏽‍💻 is one

/**
 * The longest start of `text` made of whole words whose `size` is at most `max` (`size`
 * defaults to UTF-16 units); when even the first word is longer, of whole characters, never
 * half of one (a surrogate pair, an emoji sequence). Scripts written without spaces are cut
 * between their words too.
 */
export function startWithin(text: string, max: number, size = (part: string) => part.length): string {
  const within = (segmenter: Intl.Segmenter) => {
    let out = '';
    for (const { segment } of segmenter.segment(text)) {
      if (size(out + segment) > max) break;
      out += segment;
    }
    return out;
  };
  return within(WORDS) || within(CHARACTERS);
}
