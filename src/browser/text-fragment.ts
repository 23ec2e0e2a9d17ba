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

/** A quote as a text directive names it: where it starts and ends, and the words around it. */
export interface TextDirective {
  /** Words just before the quote, when its start occurs more than once. */
  prefix?: string;
  start: string;
  end?: string;
  /** Words just after the quote. */
  suffix?: string;
}

/** White space collapsed and case folded, as text directives match. */
const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim().toLowerCase();

/** How many times `needle` occurs in `haystack`, overlaps included. */
function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/** Words of prefix tried, one more at a time, before a quote's start is given up as ambiguous. */
const MAX_PREFIX_WORDS = 5;

/**
 * The fewest words of `before` (the text that precedes a selection) that, put before the
 * quote's start, occur once in `text`: so a link to the second "national security" lands on
 * the second. Undefined when the start is unique already, or no prefix makes it so.
 */
export function uniquePrefix(before: string, start: string, text: string): string | undefined {
  const all = collapse(text);
  const first = collapse(start);
  if (occurrences(all, first) <= 1) return undefined;
  const words = before.replace(/\s+/gu, ' ').trim().split(' ').filter(Boolean);
  for (let n = 1; n <= Math.min(MAX_PREFIX_WORDS, words.length); n++) {
    const prefix = words.slice(-n).join(' ');
    if (occurrences(all, `${collapse(prefix)} ${first}`) === 1) return prefix;
  }
  return undefined;
}

/** The start and end of a quote's directive: whole when short, else its first and last words. */
export function quoteEdges(quote: string): { start: string; end?: string } {
  const words = quote.replace(/\s+/gu, ' ').trim().split(' ');
  if (words.length <= EDGE_WORDS * 2) return { start: words.join(' ') };
  return { start: words.slice(0, EDGE_WORDS).join(' '), end: words.slice(-EDGE_WORDS).join(' ') };
}

/** The `#:~:text=` fragment for a directive: `prefix-,start,end,-suffix`, parts percent-encoded. */
export function textFragment({ prefix, start, end, suffix }: TextDirective): string {
  const parts = [
    ...(prefix ? [`${encodePart(prefix)}-`] : []),
    encodePart(start),
    ...(end ? [encodePart(end)] : []),
    ...(suffix ? [`-${encodePart(suffix)}`] : []),
  ];
  return `#:~:text=${parts.join(',')}`;
}

/** The first text directive in a URL, or undefined. */
export function parseTextFragment(url: string): TextDirective | undefined {
  const directive = /:~:(?:.*&)?text=([^&]*)/.exec(url)?.[1];
  if (!directive) return undefined;
  const parts = directive.split(',');
  const decode = (part: string) => decodeURIComponent(part);
  const prefix = parts[0]?.endsWith('-') ? decode(parts.shift()!.slice(0, -1)) : undefined;
  const suffix = parts.at(-1)?.startsWith('-') ? decode(parts.pop()!.slice(1)) : undefined;
  const [start, end] = parts.map(decode);
  if (!start || parts.length > 2) return undefined;
  return { ...(prefix ? { prefix } : {}), start, ...(end ? { end } : {}), ...(suffix ? { suffix } : {}) };
}

/** Blocks a quote is marked within: a quote never spans two. */
const BLOCKS = 'p, h2, h3, li';

/** Text nodes of `root` (the `¶` and `#` marks are drawn by CSS: no text of theirs is here). */
export function textNodes(root: HTMLElement): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

/**
 * The text of `root` as a reader sees it, with a space wherever one block ends and the next
 * begins, and where each text node starts in it.
 */
function readText(root: HTMLElement): { text: string; nodes: { node: Text; at: number; block: Element | null }[] } {
  let text = '';
  let block: Element | null | undefined;
  const nodes = textNodes(root).map((node) => {
    const own = node.parentElement?.closest(BLOCKS) ?? null;
    if (block !== undefined && own !== block) text += ' ';
    block = own;
    const at = text.length;
    text += node.data;
    return { node, at, block: own };
  });
  return { text, nodes };
}

/** The whole text of `root`, as `readText` reads it, and the part before a range's start. */
export function textAround(root: HTMLElement, range: Range): { text: string; before: string } {
  const { text, nodes } = readText(root);
  for (const { node, at } of nodes) {
    if (node === range.startContainer) return { text, before: text.slice(0, at + range.startOffset) };
    // A node that does not end before the range holds or follows its start.
    if (range.comparePoint(node, node.data.length) >= 0) return { text, before: text.slice(0, at) };
  }
  return { text, before: text };
}

/** Whether `text` starts (or, `atEnd`, ends) with `words` as whole words, white space and case aside. */
function hasWordsAt(text: string, words: string, atEnd: boolean): boolean {
  const all = collapse(text);
  const part = collapse(words);
  const found = atEnd ? all.endsWith(part) : all.startsWith(part);
  const beyond = atEnd ? all.at(-part.length - 1) : all.at(part.length);
  return found && !/[\p{L}\p{N}]/u.test(beyond ?? '');
}

/** Text around a match that a prefix or suffix is compared with: ample for five words. */
const CONTEXT = 200;

/**
 * Wrap the quote a text directive names in `<mark class="quote-target">` and return the mark,
 * or undefined. The quote is the first whose prefix and suffix (when given) match, within one
 * block of `root` (a paragraph, heading or list item).
 */
export function markQuote(root: HTMLElement, quote: TextDirective): HTMLElement | undefined {
  const { text, nodes } = readText(root);
  // White space and case are folded without collapsing anything, so offsets in the folded text
  // are offsets in the text too (lower-casing keeps lengths for Latin script).
  const fold = (s: string) => s.replace(/\s/gu, ' ').toLowerCase();
  const folded = fold(text);
  const start = fold(quote.start);
  const end = quote.end === undefined ? undefined : fold(quote.end);
  const blockAt = (offset: number) => nodes.findLast((entry) => entry.at <= offset)?.block;
  for (let from = folded.indexOf(start); from >= 0; from = folded.indexOf(start, from + 1)) {
    if (quote.prefix && !hasWordsAt(folded.slice(Math.max(0, from - CONTEXT), from), quote.prefix, true)) continue;
    const endAt = end === undefined ? from : folded.indexOf(end, from + start.length);
    if (endAt < 0) continue;
    const to = end === undefined ? from + start.length : endAt + end.length;
    if (blockAt(from) !== blockAt(to - 1)) continue;
    if (quote.suffix && !hasWordsAt(folded.slice(to, to + CONTEXT), quote.suffix, false)) continue;
    return wrap(nodes, from, to);
  }
  return undefined;
}

/** The range of text from `from` to `to`, offsets in a text made of `nodes`, each starting `at`. */
export function rangeOfText(nodes: readonly { node: Text; at: number }[], from: number, to: number): Range {
  const range = document.createRange();
  for (const { node, at } of nodes) {
    const next = at + node.data.length;
    if (from >= at && from < next) range.setStart(node, from - at);
    if (to > at && to <= next) {
      range.setEnd(node, to - at);
      break;
    }
  }
  return range;
}

/** Wrap the text from `from` to `to` (offsets in `readText`'s text) in a quote mark. */
function wrap(nodes: readonly { node: Text; at: number }[], from: number, to: number): HTMLElement {
  const range = rangeOfText(nodes, from, to);
  const mark = document.createElement('mark');
  mark.className = 'quote-target';
  mark.append(range.extractContents());
  range.insertNode(mark);
  return mark;
}
