/**
 * Text fragments (`#:~:text=start,end`): links to a quote that browsers scroll to and
 * highlight. Building the link from a selection, and marking the quote ourselves, so the
 * target is marked the same way everywhere and still found where the browser lacks support.
 */

/** Words kept at each end of a long quote: `#:~:text=first words,last words`. */
const EDGE_WORDS = 4;

/** A text directive value, percent-encoded; `-`, `,` and `&` are syntax there, so encoded too. */
function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** The `#:~:text=` fragment for a quote: whole when short, else its first and last words. */
export function textFragment(quote: string): string {
  const words = quote.replace(/\s+/gu, ' ').trim().split(' ');
  if (words.length <= EDGE_WORDS * 2) return `#:~:text=${encodePart(words.join(' '))}`;
  const start = words.slice(0, EDGE_WORDS).join(' ');
  const end = words.slice(-EDGE_WORDS).join(' ');
  return `#:~:text=${encodePart(start)},${encodePart(end)}`;
}

/** The start and optional end of the first text directive in a URL, or undefined. */
export function parseTextFragment(url: string): { start: string; end?: string } | undefined {
  const directive = /:~:(?:.*&)?text=([^&]*)/.exec(url)?.[1];
  if (!directive) return undefined;
  const parts = directive.split(',').filter((part) => !part.endsWith('-') && !part.startsWith('-'));
  const [start, end] = parts.map((part) => decodeURIComponent(part));
  return start ? { start, ...(end ? { end } : {}) } : undefined;
}

/** Text nodes of `root` that readers see as text (the ¶ and # links aside). */
function textNodes(root: HTMLElement): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('.paragraph-link, .heading-link')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

/**
 * Wrap the quote a text fragment names in `<mark class="quote-target">`, within one block of
 * `root` (a paragraph, heading or list item), and return the mark, or undefined.
 */
export function markQuote(root: HTMLElement, quote: { start: string; end?: string }): HTMLElement | undefined {
  // White space and case are folded without collapsing anything, so offsets in the folded text
  // are offsets in the text nodes too (lower-casing keeps lengths for Latin script).
  const fold = (s: string) => s.replace(/\s/gu, ' ').toLowerCase();
  const start = fold(quote.start);
  const end = quote.end === undefined ? undefined : fold(quote.end);
  for (const block of root.querySelectorAll<HTMLElement>('p, h2, h3, li')) {
    const nodes = textNodes(block);
    const text = fold(nodes.map((n) => n.data).join(''));
    const from = text.indexOf(start);
    if (from < 0) continue;
    const endAt = end === undefined ? from : text.indexOf(end, from + start.length);
    if (endAt < 0) continue;
    const to = end === undefined ? from + start.length : endAt + end.length;
    const range = document.createRange();
    let offset = 0;
    for (const node of nodes) {
      const next = offset + node.data.length;
      if (from >= offset && from <= next) range.setStart(node, from - offset);
      if (to >= offset && to <= next) {
        range.setEnd(node, to - offset);
        break;
      }
      offset = next;
    }
    const mark = document.createElement('mark');
    mark.className = 'quote-target';
    mark.append(range.extractContents());
    range.insertNode(mark);
    return mark;
  }
  return undefined;
}
