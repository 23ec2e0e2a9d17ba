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

/** A word as the reader would count it distinct: case and punctuation aside. */
const normal = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Where an excerpt of `length` words starts. Of the windows that show a match after a few
 * words of lead-in (LEAD_WORDS, or a quarter of a short excerpt), the one with the most different matched words, then the most
 * matches, then the earliest: so "national security" shows a passage with both words rather
 * than the first place either occurs. Matches before `from` (the title, which a result shows
 * already) count only when there are no others.
 */
export function excerptStart(words: readonly string[], locations: readonly number[], length: number, from = 0): number {
  const inBody = locations.filter((at) => at >= from && at < words.length);
  const matches = [...new Set(inBody.length > 0 ? inBody : locations)].sort((a, b) => a - b);
  const latest = Math.max(0, words.length - length);
  if (matches.length === 0) return Math.min(from, latest); // nothing searched: the opening words
  const lead = Math.min(LEAD_WORDS, Math.floor(length / 4));
  let best = { start: 0, distinct: -1, count: -1 };
  for (const at of matches) {
    const start = Math.max(0, Math.min(at - lead, latest));
    const shown = matches.filter((m) => m >= start && m < start + length);
    const distinct = new Set(shown.map((m) => normal(words[m] ?? ''))).size;
    if (distinct > best.distinct || (distinct === best.distinct && shown.length > best.count)) {
      best = { start, distinct, count: shown.length };
    }
  }
  return best.start;
}

/** How many words of `content` its result shows already: the title, when it leads the content. */
export function titleWords(content: string, title: string | undefined): number {
  const head = (title ?? '').split(/\s+/u).filter(Boolean).map(normal);
  const lead = content.split(/\s+/u).filter(Boolean).slice(0, head.length).map(normal);
  return head.length > 0 && head.every((word, i) => word === lead[i]) ? head.length : 0;
}

/** The excerpt of `content` at `excerptStart`, matched words in `<mark>`. */
export function buildExcerpt(
  doc: Document,
  content: string,
  locations: readonly number[],
  length = EXCERPT_WORDS,
  from = 0,
): DocumentFragment {
  const words = content.split(/\s+/u).filter(Boolean);
  const start = excerptStart(words, locations, length, from);
  const end = Math.min(words.length, start + length);
  const marked = new Set(locations);
  const fragment = doc.createDocumentFragment();
  let text = start > from ? '… ' : ''; // the body's first words follow the title uncut
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
