import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';

/** Prefix of paragraph ids: `#p-3f9a1c2e`. */
export const PARAGRAPH_ID_PREFIX = 'p-';

/**
 * A paragraph's id, derived from its own text only, so it survives edits anywhere else in
 * the article: `p-` and the first 8 hex digits of the SHA-256 of the text, spaces collapsed.
 */
export function paragraphId(text: string): string {
  const hash = createHash('sha256').update(text.replace(/\s+/gu, ' ').trim()).digest('hex');
  return `${PARAGRAPH_ID_PREFIX}${hash.slice(0, 8)}`;
}

/**
 * Rehype plugin: give every top-level paragraph of an article a content-derived id and a
 * link to itself, shown on hover and focus. A repeated paragraph gets `-2`, `-3`… The link
 * has a name ("Link to this paragraph") but no text: its `¶` is drawn by CSS, so reader
 * modes, feeds, text browsers and copied text never carry a stray mark.
 */
export function rehypeParagraphLinks() {
  return (tree: Root) => {
    const seen = new Map<string, number>();
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      const base = paragraphId(toString(node));
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      const id = count === 1 ? base : `${base}-${count}`;
      node.properties.id = id;
      node.children.push(
        { type: 'text', value: ' ' },
        h('a.paragraph-link', {
          href: `#${id}`,
          'aria-label': 'Link to this paragraph',
          'data-pagefind-ignore': '',
        }) as Element,
      );
    }
  };
}
