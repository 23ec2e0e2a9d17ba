import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';

/**
 * An article body's HTML made fit for a feed reader: the links of paragraphs and headings to
 * themselves, which mean nothing outside the page, dropped (a heading keeps its text), and
 * every other relative link made absolute against `pageUrl`.
 */
export function feedHtml(html: string, pageUrl: string): string {
  const clean = () => (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const classes = (node.properties.className as string[] | undefined) ?? [];
      if (parent && index !== undefined && classes.includes('paragraph-link')) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (parent && index !== undefined && classes.includes('heading-link')) {
        parent.children.splice(index, 1, ...node.children);
        return [SKIP, index];
      }
      if (typeof node.properties.href === 'string') node.properties.href = new URL(node.properties.href, pageUrl).href;
      return undefined;
    });
  };
  return String(unified().use(rehypeParse, { fragment: true }).use(clean).use(rehypeStringify).processSync(html));
}
