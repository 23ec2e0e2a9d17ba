import {
  ARTICLE_END,
  ARTICLE_END_EXTRA,
  LIST_ITEM,
  PUBLISHED,
  PUBLISHED_ON,
  TRAILING_CHROME,
  cleanText,
  isArticleEnd,
  isArticleEndExtra,
  isByline,
  isLeadingChrome,
  isNumberedList,
  isPublished,
  isPublishedOn,
  isSectionHeading,
  isSectionLine,
  isStructural,
  isTrailingChrome,
  keyOf,
  partnerOf,
} from './heuristics';
import { Cursor, toBlocks, type Block } from './seed-cursor';
import { IngestError, quote } from './ingest-error';
import { seedLines } from './seed-text';

/** One block of an article body, in reading order. */
export type BodyBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'list'; start: number; items: string[] };

/** One article as read from a seed page: metadata, body, and the lines it spans. */
export interface SeedArticle {
  /** The section line's key: format characters never make a new section. */
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

/** A seed being read: where the cursor is, and how to refuse what it finds there. */
interface Reading {
  cursor: Cursor;
  refuse(line: number, expected: string, found: string): IngestError;
}

const PUBLISHED_Q = `"${PUBLISHED}"`;
const ARTICLE_END_Q = `"${ARTICLE_END}"`;
const AN_ARTICLE = `an article (a section line, a title, ${PUBLISHED_Q}, "${PUBLISHED_ON}")`;

/** What a reader finds when the file ends where it expected more. */
const endOfFile = (r: Reading) => `the end of the file at line ${r.cursor.lineCount}`;

/** Whether every line of a block is a line of page chrome by `is`. */
const allChrome = (block: Block, is: (key: string) => boolean) => block.lines.every((line) => is(keyOf(line)));

/** A header item is one line: two lines without a blank between them are refused at the second. */
function oneLine(r: Reading, block: Block): Block {
  if (block.lines.length > 1) {
    throw r.refuse(block.line + 1, 'a blank line between header lines', quote(cleanText(block.lines[1]!)));
  }
  return block;
}

/** Page chrome before the first article: `Connect with us`. */
function skipLeadingChrome(r: Reading): void {
  while (r.cursor.peek() && allChrome(r.cursor.peek()!, isLeadingChrome)) r.cursor.next();
}

/** The page chrome after the last article, as errors name it. */
const CLOSING_CHROME = TRAILING_CHROME.map((line) => `"${line}"`).join(', ');

/** The section line that opens an article: `Intelligence`. After an article, chrome may stand there instead. */
function readSection(r: Reading, first: boolean): Block {
  const section = oneLine(r, r.cursor.next()!);
  if (!isSectionLine(section.key)) {
    const or = first ? '' : `, or the page's closing chrome (${CLOSING_CHROME})`;
    throw r.refuse(
      section.line,
      `a section line (one to four capitalised words, such as "Intelligence") to open an article${or}`,
      quote(section.text),
    );
  }
  return section;
}

/** The title: any one line the format does not give another role. */
function readTitle(r: Reading, section: Block): Block {
  const title = r.cursor.next();
  const expected = `a title after the section line ${quote(section.text)}`;
  if (!title) throw r.refuse(section.line, expected, endOfFile(r));
  if (isStructural(title.key)) throw r.refuse(title.line, expected, quote(title.text));
  return oneLine(r, title);
}

/**
 * The optional byline, a name (`Giancarlo Elia Valori`) that is not the title or the section
 * again, then `Published`: absent when `Published` follows the title.
 */
function readByline(r: Reading, section: Block, title: Block): Block | undefined {
  const next = r.cursor.peek();
  if (!next) throw r.refuse(section.line, `${PUBLISHED_Q} after the title ${quote(title.text)}`, endOfFile(r));
  if (isPublished(next.key)) return undefined;
  const byline = oneLine(r, r.cursor.next()!);
  if (!isByline(byline.key) || byline.key === title.key || byline.key === section.key) {
    const again =
      byline.key === title.key ? ' (the title again)' : byline.key === section.key ? ' (the section again)' : '';
    throw r.refuse(
      byline.line,
      `a byline (a name such as "Giancarlo Elia Valori") or ${PUBLISHED_Q} after the title ${quote(title.text)}`,
      `${quote(byline.text)}${again}`,
    );
  }
  const published = r.cursor.peek();
  const expected = `${PUBLISHED_Q} after the byline ${quote(byline.text)}`;
  if (!published) throw r.refuse(section.line, expected, endOfFile(r));
  if (!isPublished(published.key)) throw r.refuse(published.line, expected, quote(published.text));
  return byline;
}

/** `Published` (the header readers have seen it), then `on`: the date between them was lost in the scrape. */
function readPublished(r: Reading): void {
  const published = r.cursor.next()!;
  const on = r.cursor.next();
  if (!on || !isPublishedOn(on.key)) {
    throw r.refuse(
      on?.line ?? published.line,
      `"${PUBLISHED_ON}" after ${PUBLISHED_Q}`,
      on ? quote(on.text) : endOfFile(r),
    );
  }
}

/** The body: every block up to `Continue Reading`; the next article's header is refused. */
function readBody(r: Reading, section: Block, title: Block): Block[] {
  const blocks: Block[] = [];
  const expected = `${ARTICLE_END_Q} to end the article ${quote(title.text)}`;
  for (let block = r.cursor.peek(); ; block = r.cursor.peek()) {
    if (!block) throw r.refuse(section.line, expected, endOfFile(r));
    if (isArticleEnd(keyOf(block.lines[0]!))) return blocks;
    const after = r.cursor.peek(1);
    if (isPublished(block.key) && after && isPublishedOn(after.key)) {
      throw r.refuse(section.line, expected, `the next article's ${PUBLISHED_Q} at line ${block.line}`);
    }
    blocks.push(r.cursor.next()!);
  }
}

/** `Continue Reading`, and the `Comments` that may follow it, on its next lines or after a blank. */
function readEnding(r: Reading): Block {
  const end = r.cursor.next()!;
  const stray = end.lines.findIndex((line, i) => i > 0 && !isArticleEndExtra(keyOf(line)));
  if (stray !== -1) {
    throw r.refuse(
      end.line + stray,
      `${ARTICLE_END_Q}, then "${ARTICLE_END_EXTRA}" or a blank line`,
      quote(cleanText(end.lines[stray]!)),
    );
  }
  while (r.cursor.peek() && allChrome(r.cursor.peek()!, isArticleEndExtra)) r.cursor.next();
  return end;
}

/** Whether a block (the next one) opens the page chrome after the last article: `Publications`… */
function opensTrailingChrome(block: Block): boolean {
  return isTrailingChrome(keyOf(block.lines[0]!));
}

/** Page chrome after the last article; any other text there is refused, never dropped. */
function readTrailingChrome(r: Reading): void {
  for (let block = r.cursor.next(); block; block = r.cursor.next()) {
    const stray = block.lines.findIndex((line) => !isTrailingChrome(keyOf(line)));
    if (stray !== -1) {
      throw r.refuse(
        block.line + stray,
        `only the page's closing chrome (${CLOSING_CHROME}) after the last article`,
        quote(cleanText(block.lines[stray]!)),
      );
    }
  }
}

/**
 * Numbered items split into lists of consecutive numbers: Markdown numbers a list from its
 * first item, so `1. 2. 10.` becomes a list from 1 and a list from 10 to keep every number.
 */
function toLists(rawLines: readonly string[]): BodyBlock[] {
  const lists: { type: 'list'; start: number; items: string[] }[] = [];
  for (const line of rawLines) {
    const { number, text } = LIST_ITEM.exec(line)!.groups! as { number: string; text: string };
    const current = lists.at(-1);
    if (current && Number(number) === current.start + current.items.length) current.items.push(cleanText(text));
    else lists.push({ type: 'list', start: Number(number), items: [cleanText(text)] });
  }
  return lists;
}

/** One body block as a paragraph, a heading (one that has a block after it) or numbered lists. */
function toBodyBlocks(block: Block, last: boolean): BodyBlock[] {
  if (isNumberedList(block.lines)) return toLists(block.lines);
  if (block.lines.length === 1 && !last && isSectionHeading(block.key)) return [{ type: 'heading', text: block.text }];
  return [{ type: 'paragraph', text: block.text }];
}

/** One article: header, `Published` `on`, body, ending; a closing partner credit becomes `partner`. */
function readArticle(r: Reading, first: boolean): SeedArticle {
  const section = readSection(r, first);
  const title = readTitle(r, section);
  const byline = readByline(r, section, title);
  readPublished(r);
  const blocks = readBody(r, section, title);
  const end = readEnding(r);

  const credit = blocks.at(-1);
  const partner = credit ? partnerOf(credit.key) : undefined;
  if (partner !== undefined) blocks.pop();
  if (blocks.length === 0) {
    throw r.refuse(
      end.line,
      `the body of ${quote(title.text)} after "${PUBLISHED_ON}"`,
      credit ? `only the credit ${quote(credit.text)}` : ARTICLE_END_Q,
    );
  }
  return {
    section: section.key,
    title: title.text,
    author: byline?.text,
    partner,
    body: blocks.flatMap((block, i) => toBodyBlocks(block, i === blocks.length - 1)),
    firstLine: section.line,
    lastLine: end.line,
  };
}

/**
 * Read every article of one scraped listing page, by the grammar of `heuristics.ts`.
 * Pure: `file` only names the seed in error messages. Every block is placed (in an article,
 * or as known page chrome) or refused: throws `IngestError` at the first line that does
 * not fit, never drops text.
 */
export function parseSeed(text: string, file: string): SeedArticle[] {
  const lines = seedLines(text, file);
  const lineCount = lines.at(-1) === '' ? lines.length - 1 : lines.length; // a final newline ends a line
  const r: Reading = {
    cursor: new Cursor(toBlocks(lines), lineCount),
    refuse: (line, expected, found) => new IngestError(file, line, expected, found),
  };
  if (r.cursor.atEnd()) throw r.refuse(1, 'an article', text.length === 0 ? 'an empty file' : 'only blank lines');
  skipLeadingChrome(r);
  if (r.cursor.atEnd() || opensTrailingChrome(r.cursor.peek()!)) {
    const next = r.cursor.peek();
    throw r.refuse(next?.line ?? 1, AN_ARTICLE, next ? `the closing chrome ${quote(next.text)}` : 'only page chrome');
  }
  const articles: SeedArticle[] = [];
  do articles.push(readArticle(r, articles.length === 0));
  while (!r.cursor.atEnd() && !opensTrailingChrome(r.cursor.peek()!));
  readTrailingChrome(r);
  return articles;
}
