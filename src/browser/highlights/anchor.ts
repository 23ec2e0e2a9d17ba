/**
 * Where a highlight is, kept so that it is found again after a reload or a rebuild that
 * leaves its passage alone: its paragraph's id, and its text with a little of the text before
 * and after it (the W3C Web Annotation model's TextQuoteSelector). It is looked for in its
 * paragraph first, then anywhere in the article; not found, it is reported, never dropped.
 */
import { rangeOfText, textNodes } from '../text-fragment';

/** A highlight's place: its paragraph, and its text with some context on each side. */
export interface Anchor {
  /** Id of the paragraph (or heading) it was made in; empty for a block without one (a list item). */
  paragraph: string;
  /** The highlighted text, as the page has it. */
  exact: string;
  /** Up to `CONTEXT` characters before it in its block. */
  prefix: string;
  /** Up to `CONTEXT` characters after it in its block. */
  suffix: string;
}

/** Characters of context kept on each side of a highlight. */
export const CONTEXT = 32;

/** Blocks a highlight lies within: it never spans two. */
const BLOCKS = 'p, h2, h3, li, blockquote, td, th';

/** The block of the article body `node` is in, or undefined. */
function blockOf(body: HTMLElement, node: Node): HTMLElement | undefined {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  const block = element?.closest<HTMLElement>(BLOCKS);
  return block && body.contains(block) ? block : undefined;
}

/** The offset in `block`'s text content of a point (node and offset) inside it. */
function offsetIn(block: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The anchor of the selected `range` in the article `body`: undefined when it is empty, outside
 * the body, or spans blocks.
 */
export function anchorOf(body: HTMLElement, range: Range): Anchor | undefined {
  if (range.collapsed) return undefined;
  const block = blockOf(body, range.startContainer);
  if (!block || block !== blockOf(body, range.endContainer)) return undefined;
  const paragraph = block.closest<HTMLElement>('[id]');
  const text = block.textContent ?? '';
  let from = offsetIn(block, range.startContainer, range.startOffset);
  let to = offsetIn(block, range.endContainer, range.endOffset);
  // White space at either end of a selection is not part of what was meant.
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  if (from === to) return undefined;
  return {
    paragraph: paragraph && paragraph !== body && body.contains(paragraph) ? paragraph.id : '',
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - CONTEXT), from),
    suffix: text.slice(to, to + CONTEXT),
  };
}

/**
 * The anchors of a selection that may cross blocks: one per block it covers text of, in the
 * order of the text, each the part of the selection within its block (a selection from the
 * end of one paragraph into the next is two highlights, each anchored in its paragraph).
 * Empty when nothing in the body but white space is selected.
 */
export function anchorsOf(body: HTMLElement, range: Range): Anchor[] {
  const blocks: HTMLElement[] = [];
  for (const node of textNodes(body)) {
    if (!range.intersectsNode(node)) continue;
    const block = blockOf(body, node);
    if (block && !blocks.includes(block)) blocks.push(block);
  }
  return blocks.flatMap((block) => {
    const part = document.createRange();
    part.selectNodeContents(block);
    if (block.contains(range.startContainer)) part.setStart(range.startContainer, range.startOffset);
    if (block.contains(range.endContainer)) part.setEnd(range.endContainer, range.endOffset);
    return anchorOf(body, part) ?? [];
  });
}

/** Where `anchor`'s text is in `text`: the occurrence whose context matches best, or -1. */
function bestMatch(text: string, anchor: Anchor): number {
  let best = -1;
  let bestScore = -1;
  for (let at = text.indexOf(anchor.exact); at >= 0; at = text.indexOf(anchor.exact, at + 1)) {
    const before = text.slice(Math.max(0, at - anchor.prefix.length), at);
    const after = text.slice(at + anchor.exact.length, at + anchor.exact.length + anchor.suffix.length);
    const score = commonSuffix(before, anchor.prefix) + commonPrefix(after, anchor.suffix);
    if (score > bestScore) [best, bestScore] = [at, score];
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** The range of `block`'s text from `from` to `to`. */
function rangeIn(block: HTMLElement, from: number, to: number): Range {
  let at = 0;
  const nodes = textNodes(block).map((node) => {
    const entry = { node, at };
    at += node.data.length;
    return entry;
  });
  return rangeOfText(nodes, from, to);
}

/**
 * Find `anchor` in the article `body`: in its paragraph, then in every block of the body (the
 * paragraph's words changed its id, or it moved). Undefined when its text is gone.
 */
export function findAnchor(body: HTMLElement, anchor: Anchor): Range | undefined {
  const own = anchor.paragraph ? body.querySelector<HTMLElement>(`[id="${CSS.escape(anchor.paragraph)}"]`) : null;
  const blocks = [...(own ? [own] : []), ...body.querySelectorAll<HTMLElement>(BLOCKS)];
  for (const block of blocks) {
    const at = bestMatch(block.textContent ?? '', anchor);
    if (at >= 0) return rangeIn(block, at, at + anchor.exact.length);
  }
  return undefined;
}

/** Wrap `range` (inside one block) in `<mark>` elements, one per text node it covers; return them. */
export function markRange(range: Range, attributes: Readonly<Record<string, string>>): HTMLElement[] {
  const root = range.commonAncestorContainer;
  const walker = document.createTreeWalker(
    root.nodeType === Node.TEXT_NODE ? root.parentNode! : root,
    NodeFilter.SHOW_TEXT,
  );
  const pieces: { node: Text; from: number; to: number }[] = [];
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (!range.intersectsNode(node)) continue;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to > from) pieces.push({ node, from, to });
  }
  return pieces.map(({ node, from, to }) => {
    const piece = document.createRange();
    piece.setStart(node, from);
    piece.setEnd(node, to);
    const mark = document.createElement('mark');
    for (const [name, value] of Object.entries(attributes)) mark.setAttribute(name, value);
    piece.surroundContents(mark);
    return mark;
  });
}
