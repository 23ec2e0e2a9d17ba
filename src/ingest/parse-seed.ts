import {
  ARTICLE_END,
  ARTICLE_END_EXTRA,
  LEADING_CHROME,
  LIST_ITEM,
  PUBLISHED,
  PUBLISHED_ON,
  cleanText,
  isArticleEnd,
  isNumberedList,
  isPublished,
  isSectionHeading,
  partnerOf,
} from './heuristics';
import { SeedFormatError, quote } from './seed-error';

/** One block of an article body, in reading order. */
export type BodyBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'list'; start: number; items: string[] };

/** One article as read from a seed page: metadata, body, and the lines it spans. */
export interface SeedArticle {
  section: string;
  title: string;
  author?: string;
  partner?: string;
  body: BodyBlock[];
  /** 1-based line of the section line. */
  firstLine: number;
  /** 1-based line of the closing `Continue Reading`. */
  lastLine: number;
}

/** Consecutive non-blank lines of the seed, with the 1-based number of the first. */
interface RawBlock {
  line: number;
  lines: string[];
  /** The block's lines cleaned and joined with spaces. */
  text: string;
}

/** Lines of seed text without a byte-order mark, whatever the line endings. */
function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

/** Group lines into blocks separated by blank lines (a line of only no-break spaces is blank). */
function toBlocks(lines: readonly string[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  let current: RawBlock | undefined;
  lines.forEach((line, index) => {
    if (cleanText(line) === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { line: index + 1, lines: [], text: '' };
      blocks.push(current);
    }
    current.lines.push(line);
    current.text = current.text ? `${current.text} ${cleanText(line)}` : cleanText(line);
  });
  return blocks;
}

/** Whether the block at `i` starts an article's metadata: `Published`, then `on`. */
function startsMetadata(blocks: readonly RawBlock[], i: number): boolean {
  return isPublished(blocks[i]?.text ?? '') && blocks[i + 1]?.text === PUBLISHED_ON;
}

/**
 * Numbered items split into lists of consecutive numbers: Markdown numbers a list from its
 * first item, so `1. 2. 10.` becomes a list from 1 and a list from 10 to keep every number.
 */
function toLists(rawLines: readonly string[]): BodyBlock[] {
  const lists: { type: 'list'; start: number; items: string[] }[] = [];
  let next = Number.NaN;
  for (const line of rawLines) {
    const { number = '', text = '' } = LIST_ITEM.exec(line)?.groups ?? {};
    const current = lists.at(-1);
    if (current && Number(number) === next) current.items.push(cleanText(text));
    else lists.push({ type: 'list', start: Number(number), items: [cleanText(text)] });
    next = Number(number) + 1;
  }
  return lists;
}

/** Turn one body block into a paragraph, a heading or numbered lists. */
function toBodyBlocks(block: RawBlock): BodyBlock[] {
  if (isNumberedList(block.lines)) return toLists(block.lines);
  if (block.lines.length === 1 && isSectionHeading(block.text)) return [{ type: 'heading', text: block.text }];
  return [{ type: 'paragraph', text: block.text }];
}

/**
 * Read every article of one scraped listing page.
 * Pure: `file` only names the seed in error messages. Throws `SeedFormatError` at the first
 * line that does not fit the format.
 */
export function parseSeed(text: string, file: string): SeedArticle[] {
  const lines = splitLines(text);
  const blocks = toBlocks(lines);
  const lineCount = lines.at(-1) === '' ? lines.length - 1 : lines.length; // a final newline ends a line
  const error = (line: number | undefined, expected: string, found: string) =>
    new SeedFormatError(file, line, expected, found);

  if (blocks.length === 0) {
    throw error(1, 'an article', text.length === 0 ? 'an empty file' : 'only blank lines');
  }

  const articles: SeedArticle[] = [];
  let i = 0;
  while (i < blocks.length && LEADING_CHROME.includes(blocks[i]!.text)) i++;

  while (i < blocks.length) {
    // The header: the section line, the title and an optional byline, up to `Published`.
    const header: RawBlock[] = [];
    while (i < blocks.length && !isPublished(blocks[i]!.text)) header.push(blocks[i++]!);
    if (i >= blocks.length) {
      if (articles.length > 0) break; // what follows the last article is page chrome
      throw error(
        1,
        `an article (a section line, a title, "${PUBLISHED}", "${PUBLISHED_ON}")`,
        `no "${PUBLISHED}" line in ${lineCount} lines`,
      );
    }
    const published = blocks[i]!;
    const on = blocks[i + 1];
    if (on?.text !== PUBLISHED_ON) {
      throw error(
        on?.line ?? published.line,
        `"${PUBLISHED_ON}" after "${PUBLISHED}"`,
        on ? quote(on.text) : 'the end of the file',
      );
    }
    if (header.length === 0) {
      throw error(published.line, `a section line and a title before "${PUBLISHED}"`, 'none');
    }
    if (header.length === 1) {
      throw error(published.line, `a title after the section line ${quote(header[0]!.text)}`, `"${PUBLISHED}"`);
    }
    if (header.length > 3) {
      throw error(
        header[0]!.line,
        `a section line, a title and an optional byline before "${PUBLISHED}"`,
        `${header.length} blocks (${header.map((b) => quote(b.text, 24)).join(', ')})`,
      );
    }
    const multiLine = header.find((b) => b.lines.length > 1);
    if (multiLine) {
      throw error(multiLine.line + 1, 'a blank line between header lines', quote(cleanText(multiLine.lines[1]!)));
    }
    const [section, title, byline] = header;
    i += 2; // `Published`, `on`

    // The body, up to `Continue Reading`.
    const bodyStart = i;
    while (i < blocks.length && !isArticleEnd(cleanText(blocks[i]!.lines[0]!))) {
      if (startsMetadata(blocks, i)) {
        throw error(
          section!.line,
          `"${ARTICLE_END}" to end the article ${quote(title!.text)}`,
          `the next article's "${PUBLISHED}" at line ${blocks[i]!.line}`,
        );
      }
      i++;
    }
    if (i >= blocks.length) {
      throw error(
        section!.line,
        `"${ARTICLE_END}" to end the article ${quote(title!.text)}`,
        `the end of the file at line ${lineCount}`,
      );
    }
    const end = blocks[i]!;
    const extra = end.lines.slice(1).find((line) => cleanText(line) !== ARTICLE_END_EXTRA);
    if (extra !== undefined) {
      throw error(
        end.line + end.lines.indexOf(extra),
        `"${ARTICLE_END_EXTRA}" or a blank line after "${ARTICLE_END}"`,
        quote(cleanText(extra)),
      );
    }
    const bodyBlocks = blocks.slice(bodyStart, i);
    i++;
    if (blocks[i]?.text === ARTICLE_END_EXTRA) i++;

    const partner = bodyBlocks.length > 0 ? partnerOf(bodyBlocks.at(-1)!.text) : undefined;
    if (partner !== undefined) bodyBlocks.pop();
    if (bodyBlocks.length === 0) {
      throw error(end.line, `the body of ${quote(title!.text)} after "${PUBLISHED_ON}"`, `"${ARTICLE_END}"`);
    }

    articles.push({
      section: section!.text,
      title: title!.text,
      ...(byline ? { author: byline.text } : {}),
      ...(partner !== undefined ? { partner } : {}),
      body: bodyBlocks.flatMap(toBodyBlocks),
      firstLine: section!.line,
      lastLine: end.line,
    });
  }
  return articles;
}
