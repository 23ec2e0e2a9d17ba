/**
 * What each article page must show, read straight from the seed lines its frontmatter points
 * to, by a reading much simpler than the parser's: every non-blank line between `on` and
 * `Continue Reading`, white space collapsed, an indented `  1. ` list number or a bullet
 * dropped (the page shows it as the list marker) and an indented line after a bullet joined
 * to its item, the partner credit aside. The browser tests compare the rendered pages with
 * it, so a parser or renderer slip shows up as a missing or altered line. Tags, which the
 * build gives by the vocabulary's rules, are the rules applied to the seed's own text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TAG_RULES } from '../../src/tags';
import { assignTags } from '../../src/collection/tags';

export interface ArticleTruth {
  slug: string;
  title: string;
  author?: string;
  tags: string[];
  section: string;
  description: string;
  partner?: string;
  /** Every paragraph, heading and list item, in order. */
  blocks: string[];
}

const clean = (line: string) => line.replace(/\s+/gu, ' ').trim();
const LIST_NUMBER = /^\s+\d+\.\s+/;
const BULLET = /^\s*[•◦▪‣*\-–—]\s+(?=.*[^•◦▪‣*\-–—\s])/u;
const CREDIT = /^From our partner /;
/** Line breaks, Unicode's among them. */
const LINES = /\r\n|[\n\r\v\u0085\u2028\u2029]/u;

/** Body lines as blocks: markers dropped, an indented line after a bullet joined to its item. */
function blocksOf(lines: readonly string[]): string[] {
  const blocks: string[] = [];
  let inItem = false;
  for (const line of lines) {
    if (clean(line) === '' || CREDIT.test(clean(line))) {
      inItem = false;
    } else if (inItem && /^\s/u.test(line) && !LIST_NUMBER.test(line) && !BULLET.test(line)) {
      blocks[blocks.length - 1] = `${blocks.at(-1)} ${clean(line)}`;
    } else {
      inItem = BULLET.test(line);
      blocks.push(clean(line.replace(LIST_NUMBER, '').replace(BULLET, '')));
    }
  }
  return blocks;
}

function readArticle(dir: string, name: string) {
  const text = readFileSync(join(dir, name), 'utf8');
  const data = parse(text.slice(4, text.indexOf('\n---\n')));
  const seed = readFileSync(data.source.file, 'utf8')
    .replace(/^\ufeff/, '')
    .normalize('NFC') // as ingest reads it: `e` + U+0301 is `é`
    .split(LINES);
  const lines = seed.slice(data.source.firstLine - 1, data.source.lastLine - 1); // up to `Continue Reading`
  const blocks = blocksOf(lines.slice(lines.findIndex((line) => clean(line) === 'on') + 1));
  const keyed = (text: string) => text.replace(/\p{Cf}/gu, '');
  return {
    order: [data.source.file, data.source.firstLine] as const,
    truth: {
      slug: name.replace(/\.md$/, ''),
      title: data.title,
      author: data.author,
      tags: assignTags({ title: keyed(data.title), body: keyed(blocks.join('\n\n')) }, TAG_RULES),
      section: data.section,
      description: data.description,
      partner: data.partner,
      blocks,
    } satisfies ArticleTruth,
  };
}

/** The committed articles ingest wrote, with the text of their seed lines, in collection order: a later seed first. */
export function articlesFromSeed(dir = 'content/articles'): ArticleTruth[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
    .map((name) => readArticle(dir, name))
    .sort((a, b) => b.order[0].localeCompare(a.order[0]) || a.order[1] - b.order[1])
    .map((article) => article.truth);
}

/** Lines of the seed page that are chrome, not article: they must appear on no page. */
export const PAGE_CHROME = [
  'Connect with us',
  'Continue Reading',
  'Comments',
  'Publications',
  'Latest',
  'Trending',
  'Published',
];
