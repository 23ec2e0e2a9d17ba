/**
 * An article file read back as a CommonMark/GFM reader reads it, with parsers other than the
 * one that wrote it: the frontmatter by `yaml`, the body by micromark. What tests compare
 * with the seed text.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { parse } from 'yaml';

/** Text of each block of a Markdown body: paragraphs and headings, and each list item (numbered, with `numbers`). */
export function renderedBlocks(markdown: string, { numbers = false } = {}): string[] {
  const body = markdown.slice(markdown.indexOf('\n---\n') + 5);
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return tree.children.flatMap((node) =>
    node.type === 'list'
      ? node.children.map((item, i) => `${numbers ? `${(node.start ?? 1) + i}. ` : ''}${toString(item)}`)
      : [toString(node)],
  );
}

/** The frontmatter of an article file as a YAML reader reads it. */
export function frontmatterOf(markdown: string): Record<string, unknown> {
  return parse(markdown.slice(4, markdown.indexOf('\n---\n'))) as Record<string, unknown>;
}
