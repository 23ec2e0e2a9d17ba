import {
  ARTICLE_END,
  ARTICLE_END_EXTRA,
  PUBLISHED,
  PUBLISHED_ON,
  TRAILING_CHROME,
  cleanText,
  isArticleEnd,
  isArticleEndExtra,
  bulletedItem,
  bylineName,
  isBylineShaped,
  isIndented,
  isLeadingChrome,
  isPlainName,
  isPublished,
  isPublishedOn,
  isQuestionHeading,
  isSectionHeading,
  isSectionLine,
  isStructural,
  isTrailingChrome,
  keyOf,
  numberedItem,
  partnerOf,
  readsAsTitle,
} from './heuristics';
import { Cursor, toBlocks, type Block } from './seed-cursor';
import { IngestError, quote } from './ingest-error';
import { seedLines } from './seed-text';

/** One block of an article body, in reading order. */
export type BodyBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'list'; ordered: true; start: number; items: string[] }
  | { type: 'list'; ordered: false; items: string[] };

/** One article as read from a seed page: metadata, body, and the lines it spans. */
export interface SeedArticle {
  /** The section line's key: format characters never make a new section. */
  section: string;
  title: string;
  /** The byline's name, without a leading `By `. */
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

/** What a byline must be, as errors say it. */
const A_BYLINE = 'a byline (one line of names, not a sentence)';

/**
 * The optional byline: the one line between the title and `Published`, whatever its
 * characters (`Jane “JD” O’Brien`, `Col. (Ret.) David Stone`), without a leading `By `.
 * Refused: a sentence (`isBylineShaped`), `By` alone, the title or the section again, and a
 * line that reads as a title under a title that is a plain name (the two swapped).
 */
function readByline(r: Reading, section: Block, title: Block): Block | undefined {
  const next = r.cursor.peek();
  if (!next) throw r.refuse(section.line, `${PUBLISHED_Q} after the title ${quote(title.text)}`, endOfFile(r));
  if (isPublished(next.key)) return undefined;
  const byline = oneLine(r, r.cursor.next()!);
  const refuse = (found: string) =>
    r.refuse(byline.line, `${A_BYLINE} or ${PUBLISHED_Q} after the title ${quote(title.text)}`, found);
  if (!isBylineShaped(byline.key) || isStructural(byline.key)) throw refuse(quote(byline.text));
  if (byline.key === title.key) throw refuse(`${quote(byline.text)} (the title again)`);
  if (byline.key === section.key) throw refuse(`${quote(byline.text)} (the section again)`);
  if (bylineName(byline.key) === '') throw refuse(`${quote(byline.text)} with no name after it`);
  if (isPlainName(title.key) && readsAsTitle(byline.key)) {
    throw refuse(`${quote(byline.text)}, which reads as a title under the name ${quote(title.text)} (swapped?)`);
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

/** A list item being read: its kind, its number (numbered items), and its raw lines. */
interface Item {
  ordered: boolean;
  number: number;
  lines: string[];
}

/** Lines read as one text: cleaned, joined by spaces. */
const joined = (lines: readonly string[]) => lines.map(cleanText).join(' ');

/**
 * A block that holds list items: the lines before its first item are a paragraph (`The main
 * risks are:`); each bulleted line (`• …`, `- …`) or indented numbered line (`  1. …`) opens
 * an item, an indented line after an item runs it on, and an unindented one opens a
 * paragraph. Each item is a list of its own here; `joinLists` makes lists of them.
 * Undefined for a block without an item.
 */
function listedBlocks(rawLines: readonly string[]): BodyBlock[] | undefined {
  if (!rawLines.some((line) => numberedItem(line) || bulletedItem(line) !== undefined)) return undefined;
  const blocks: BodyBlock[] = [];
  let paragraph: string[] = [];
  let item: Item | undefined;
  const close = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', text: joined(paragraph) });
    if (item?.ordered) blocks.push({ type: 'list', ordered: true, start: item.number, items: [joined(item.lines)] });
    else if (item) blocks.push({ type: 'list', ordered: false, items: [joined(item.lines)] });
    paragraph = [];
    item = undefined;
  };
  for (const line of rawLines) {
    const numbered = numberedItem(line);
    const bulleted = numbered ? undefined : bulletedItem(line);
    if (numbered || bulleted !== undefined) {
      close();
      item = numbered
        ? { ordered: true, ...numbered, lines: [numbered.text] }
        : { ordered: false, number: 0, lines: [bulleted!] };
    } else if (item && isIndented(line)) {
      item.lines.push(line);
    } else {
      if (item) close();
      paragraph.push(line);
    }
  }
  close();
  return blocks;
}

/**
 * One body block as a heading (one line that heads a block after it: a short capitalised
 * line, or a title-case question), lists with the paragraphs around them, or a paragraph.
 */
function toBodyBlocks(block: Block, last: boolean): BodyBlock[] {
  const listed = listedBlocks(block.lines);
  if (listed) return listed;
  const heads = block.lines.length === 1 && !last;
  if (heads && (isSectionHeading(block.key) || isQuestionHeading(block.key)))
    return [{ type: 'heading', text: block.text }];
  return [{ type: 'paragraph', text: block.text }];
}

/** Whether list `next` runs list `list` on: both bulleted, or both numbered with `next`'s number the one after. */
const runsOn = (list: Extract<BodyBlock, { type: 'list' }>, next: Extract<BodyBlock, { type: 'list' }>) =>
  list.ordered ? next.ordered && next.start === list.start + list.items.length : !next.ordered;

/**
 * Lists that follow each other, read as one: bulleted items, with blank lines between them or
 * not, and numbered items whose numbers run on (`1.`, `2.`). A numbered list is split where
 * its numbering jumps, since Markdown numbers a list from its first item: `1. 2. 10.` is a
 * list from 1 and a list from 10, so every number is kept.
 */
function joinLists(blocks: readonly BodyBlock[]): BodyBlock[] {
  const joined: BodyBlock[] = [];
  for (const block of blocks) {
    const before = joined.at(-1);
    if (before?.type === 'list' && block.type === 'list' && runsOn(before, block)) {
      joined[joined.length - 1] = { ...before, items: [...before.items, ...block.items] };
    } else {
      joined.push(block);
    }
  }
  return joined;
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
    author: byline && bylineName(byline.text),
    partner,
    body: joinLists(blocks.flatMap((block, i) => toBodyBlocks(block, i === blocks.length - 1))),
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
  const { lines, blockEnds } = seedLines(text, file);
  const lineCount = lines.at(-1) === '' ? lines.length - 1 : lines.length; // a final newline ends a line
  const r: Reading = {
    cursor: new Cursor(toBlocks(lines, blockEnds), lineCount),
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
