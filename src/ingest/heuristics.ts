/**
 * The named patterns and predicates that read the scraped page format.
 * Every decision the parser makes is one of these, with the seed line it targets.
 */

/** Lines of page chrome that may stand before the first article, e.g. `Connect with us`. */
export const LEADING_CHROME: readonly string[] = ['Connect with us'];

/** The line after the header that once held the date: `Published`. */
export const PUBLISHED = 'Published';

/** The line after `Published`; the date that followed it was lost in the scrape. */
export const PUBLISHED_ON = 'on';

/** The line that ends every article: `Continue Reading`. */
export const ARTICLE_END = 'Continue Reading';

/** A line that may follow `Continue Reading` on the listing page: `Comments`. */
export const ARTICLE_END_EXTRA = 'Comments';

/** The credit some articles end with, e.g. `From our partner RIAC`. */
export const PARTNER_CREDIT = /^From our partner (?<partner>\S.*)$/;

/** One item of a numbered list, always indented in the seed: `  1. G4S`. */
export const LIST_ITEM = /^\s+(?<number>\d{1,9})\.\s+(?<text>\S.*)$/;

/** Longest line, in characters, that can still be a section heading. */
export const HEADING_MAX_CHARS = 120;

/** Most words a section heading can have. */
export const HEADING_MAX_WORDS = 18;

/** Characters that close a sentence or a quotation: a line ending in one is a paragraph. */
const SENTENCE_END = /[.!?:;,…"'”’)\]]$/u;

/** A heading opens with a capital letter or a digit, as `Scope of Current PSC Tasks` does. */
const HEADING_START = /^[\p{Lu}\p{N}]/u;

/** Whether a block opens the article metadata: `Published` on a line of its own. */
export function isPublished(line: string): boolean {
  return line === PUBLISHED;
}

/** Whether a line closes an article: `Continue Reading`. */
export function isArticleEnd(line: string): boolean {
  return line === ARTICLE_END;
}

/** The partner named by a credit line (`From our partner RIAC` → `RIAC`), or undefined. */
export function partnerOf(line: string): string | undefined {
  return PARTNER_CREDIT.exec(line)?.groups?.partner;
}

/**
 * Whether a one-line block is a section heading: short, capitalised and without closing
 * punctuation. `Scope of Current PSC Tasks` and `Conclusion` are headings;
 * `This is a completely wrong criterion.` is a paragraph.
 */
export function isSectionHeading(line: string): boolean {
  return (
    line.length <= HEADING_MAX_CHARS &&
    line.split(' ').length <= HEADING_MAX_WORDS &&
    HEADING_START.test(line) &&
    !SENTENCE_END.test(line)
  );
}

/** Whether every raw line of a block is an indented numbered item (`  1. G4S`). */
export function isNumberedList(rawLines: readonly string[]): boolean {
  return rawLines.length > 0 && rawLines.every((line) => LIST_ITEM.test(line));
}

/**
 * Text of a line as it should read: runs of white space, no-break spaces among them
 * (`\s` covers U+00A0), collapse to one space, and the ends are trimmed. `\u00a0Finally, for…` → `Finally, for…`.
 */
export function cleanText(line: string): string {
  return line.replace(/\s+/gu, ' ').trim();
}
