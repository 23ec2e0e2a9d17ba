import type { List, ListItem, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { BodyBlock } from './parse-seed';

/** Depth of body headings: the article title is the page's only `<h1>`. */
export const BODY_HEADING_DEPTH = 2;

function text(value: string) {
  return { type: 'text', value } as const;
}

function listItem(value: string): ListItem {
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(value)] }] };
}

function toNode(block: BodyBlock): RootContent {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', depth: BODY_HEADING_DEPTH, children: [text(block.text)] };
    case 'list':
      return {
        type: 'list',
        ordered: block.ordered,
        ...(block.ordered ? { start: block.start } : {}),
        spread: false,
        children: block.items.map(listItem),
      } satisfies List;
    case 'paragraph':
      return { type: 'paragraph', children: [text(block.text)] };
  }
}

/** The article body as an mdast tree: every seed character is a `text` node, never markup. */
export function bodyToMdast(body: readonly BodyBlock[]): Root {
  return { type: 'root', children: body.map(toNode) };
}

/**
 * The article body as GFM Markdown. Seed text that looks like Markdown or HTML
 * (`#1`, `1999. That`, `*not*`, `<script>`) comes out escaped, so it renders as written.
 */
export function bodyToMarkdown(body: readonly BodyBlock[]): string {
  return toMarkdown(bodyToMdast(body), {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    incrementListMarker: true,
    listItemIndent: 'one',
    rule: '-',
  });
}

/** The body's plain text, blocks separated by blank lines: what tag rules and counts read. */
export function bodyToPlainText(body: readonly BodyBlock[]): string {
  return body.map((block) => (block.type === 'list' ? block.items.join('\n') : block.text)).join('\n\n');
}
