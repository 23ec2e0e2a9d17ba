/**
 * Plain text out of an article's Markdown, for what reads words rather than structure (the
 * tags' rules, a description). Pure: no `astro:*` imports.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { cleanText } from '../ingest/heuristics';

const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * The words of a Markdown text without its markup, fast enough to run on every article of
 * ten thousand: block markers (`## `, `> `, `- `, `1. `), a link's or image's address, backslash
 * escapes and character references go; the words stay, in order. For a body ingest wrote,
 * the words are exactly the seed's (test/unit/collection/markdown-text.test.ts); for hand-written
 * Markdown, a close reading, not a parse.
 */
export function markdownText(markdown: string): string {
  return (
    markdown
      .replace(/^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)/gmu, '')
      .replace(/!?\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/gu, '$1')
      // One pass, left to right, so an escaped `\&amp;` stays the text `&amp;`.
      .replace(
        /\\([!-/:-@[-`{-~])|&(?:#x([\da-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos|nbsp));/giu,
        (reference: string, escaped?: string, hex?: string, decimal?: string, name?: string) => {
          if (escaped !== undefined) return escaped;
          if (name !== undefined) return NAMED_REFERENCES[name.toLowerCase()] ?? reference;
          const code = Number.parseInt((hex ?? decimal)!, hex ? 16 : 10);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
        },
      )
  );
}

/**
 * The text of a Markdown body's first paragraph (or, without one, of its first block), as a
 * reader sees it: links as their text, emphasis and escapes gone. Empty for an empty body.
 * A full parse: for the few articles that give no description.
 */
export function openingText(markdown: string): string {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const first = tree.children.find((node) => node.type === 'paragraph') ?? tree.children[0];
  return first ? cleanText(toString(first)) : '';
}
