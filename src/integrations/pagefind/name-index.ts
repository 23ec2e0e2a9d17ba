/**
 * The search page names the index it searches: the build writes the index's tag, the shard
 * digits of the page summaries and a preload link per file every first search fetches in
 * place of the placeholders the page was rendered with (src/facts.ts). Pure: HTML in, HTML out.
 */
import { INDEX_FILES_PLACEHOLDER, INDEX_TAG_PLACEHOLDER, SUMMARY_DIGITS_PLACEHOLDER } from '../../facts';
import type { IndexNames } from './pipeline';

/** Whether a page has anything for `nameIndex` to fill in. */
export const namesIndex = (html: string): boolean =>
  html.includes(INDEX_TAG_PLACEHOLDER) || html.includes(INDEX_FILES_PLACEHOLDER);

/**
 * `html` with the placeholders filled in: the tag and the digits where they stand, and the one
 * element naming `INDEX_FILES_PLACEHOLDER` (a preload link) repeated once per file to preload.
 */
export function nameIndex(html: string, { tag, preloads, digits }: IndexNames): string {
  return html
    .replaceAll(INDEX_TAG_PLACEHOLDER, tag)
    .replaceAll(SUMMARY_DIGITS_PLACEHOLDER, String(digits))
    .replace(new RegExp(`<[^<>]*${INDEX_FILES_PLACEHOLDER}[^<>]*>`, 'g'), (element) =>
      preloads.map((path) => element.replace(INDEX_FILES_PLACEHOLDER, path)).join(''),
    );
}
