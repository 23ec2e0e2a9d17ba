import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Elements of an article body that hold a run of text in one direction. */
const TEXT_BLOCKS: ReadonlySet<string> = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote']);

/**
 * Rehype plugin: `dir="auto"` on every paragraph, heading and list item, so a block in a
 * right-to-left script (Arabic, Hebrew, Persian) reads right to left, and its neighbours in
 * English stay left to right: each takes the direction of its first strong character.
 */
export function rehypeTextDirection() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (TEXT_BLOCKS.has(node.tagName)) node.properties.dir = 'auto';
    });
  };
}
