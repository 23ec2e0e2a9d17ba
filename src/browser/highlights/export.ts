/** The reader's highlights as a Markdown file: by article, each quote with its note and address. */
import type { Highlight } from './store';

/** Highlights grouped by article, in the order their articles were first highlighted. */
export function byArticle(highlights: readonly Highlight[]): { path: string; title: string; items: Highlight[] }[] {
  const groups = new Map<string, { path: string; title: string; items: Highlight[] }>();
  for (const highlight of highlights) {
    const group = groups.get(highlight.path) ?? { path: highlight.path, title: highlight.title, items: [] };
    group.items.push(highlight);
    groups.set(highlight.path, group);
  }
  return [...groups.values()];
}

/** A Markdown block quote of `text`, each line quoted. */
const quoted = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');

/**
 * The Markdown export: a heading per article with its address (`origin` + path), then each
 * quote, its note under it, and a link to the passage (`passage(highlight)`).
 */
export function toMarkdown(
  highlights: readonly Highlight[],
  site: string,
  origin: string,
  passage: (highlight: Highlight) => string,
): string {
  const parts = [`# Highlights from ${site}`, ''];
  for (const group of byArticle(highlights)) {
    parts.push(`## ${group.title}`, '', `<${origin}${group.path}>`, '');
    for (const highlight of group.items) {
      parts.push(quoted(highlight.exact), '');
      if (highlight.note.trim()) parts.push(`Note: ${highlight.note.trim()}`, '');
      parts.push(
        `[The passage](${origin}${passage(highlight)})${highlight.lost ? ' (not found in the article as it is now)' : ''}`,
        '',
      );
    }
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
