import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';

/** Classes of the in-page `#` and `¶` links, which mean nothing outside the page. */
const PAGE_ONLY = new Set(['heading-link', 'paragraph-link']);

/**
 * An article body's HTML made fit for a feed reader: the `#` and `¶` links dropped, the
 * heading wrappers unwrapped, and every relative link made absolute against `pageUrl`.
 */
export function feedHtml(html: string, pageUrl: string): string {
  const clean = () => (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const classes = (node.properties.className as string[] | undefined) ?? [];
      if (parent && index !== undefined && classes.some((c) => PAGE_ONLY.has(c))) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (parent && index !== undefined && classes.includes('heading-block')) {
        parent.children.splice(index, 1, ...node.children);
        return [SKIP, index];
      }
      if (typeof node.properties.href === 'string') node.properties.href = new URL(node.properties.href, pageUrl).href;
      return undefined;
    });
  };
  return String(unified().use(rehypeParse, { fragment: true }).use(clean).use(rehypeStringify).processSync(html));
}
