/**
 * Excerpts built as DOM nodes from a Pagefind result's plain `content` and the word
 * `locations` that matched. Pagefind's own `excerpt` is an HTML string that escapes only
 * `<` and `>`; building text nodes ourselves shows `&copy;` or `<script>` exactly as written
 * and can never inject markup.
 */

/** Words shown around the first match. */
export const EXCERPT_WORDS = 32;

/** Words shown before the first match, so it sits near the start of the excerpt. */
const LEAD_WORDS = 8;

/** The excerpt of `content` around the first of `locations`, matched words in `<mark>`. */
export function buildExcerpt(
  doc: Document,
  content: string,
  locations: readonly number[],
  length = EXCERPT_WORDS,
): DocumentFragment {
  const words = content.split(/\s+/u).filter(Boolean);
  const first = locations.length > 0 ? Math.min(...locations) : 0;
  const start = Math.max(0, Math.min(first - LEAD_WORDS, words.length - length));
  const end = Math.min(words.length, start + length);
  const marked = new Set(locations);
  const fragment = doc.createDocumentFragment();
  let text = start > 0 ? '… ' : '';
  for (let i = start; i < end; i++) {
    const separator = i < end - 1 ? ' ' : '';
    if (marked.has(i)) {
      fragment.append(text);
      const mark = doc.createElement('mark');
      mark.textContent = words[i]!;
      fragment.append(mark);
      text = separator;
    } else {
      text += words[i]! + separator;
    }
  }
  fragment.append(end < words.length ? `${text} …` : text);
  return fragment;
}
