/**
 * What each article page must show, read straight from the seed lines its frontmatter points
 * to, by a reading much simpler than the parser's: every non-blank line between `on` and
 * `Continue Reading`, white space collapsed, an indented `  1. ` list number dropped (the page
 * shows it as the list marker), the partner credit aside. The browser tests compare the
 * rendered pages with it, so a parser or renderer slip shows up as a missing or altered line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

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
const CREDIT = /^From our partner /;

function readArticle(dir: string, name: string) {
  const text = readFileSync(join(dir, name), 'utf8');
  const data = parse(text.slice(4, text.indexOf('\n---\n')));
  const seed = readFileSync(data.source.file, 'utf8')
    .replace(/^\ufeff/, '')
    .normalize('NFC') // as ingest reads it: `e` + U+0301 is `é`
    .split(/\r\n|\r|\n/);
  const lines = seed.slice(data.source.firstLine - 1, data.source.lastLine - 1); // up to `Continue Reading`
  const body = lines.slice(lines.findIndex((line) => clean(line) === 'on') + 1);
  return {
    order: [data.source.file, data.source.firstLine] as const,
    truth: {
      slug: name.replace(/\.md$/, ''),
      title: data.title,
      author: data.author,
      tags: data.tags,
      section: data.section,
      description: data.description,
      partner: data.partner,
      blocks: body
        .filter((line) => clean(line) !== '' && !CREDIT.test(clean(line)))
        .map((line) => clean(line.replace(LIST_NUMBER, ''))),
    } satisfies ArticleTruth,
  };
}

/** The committed articles with the text of their seed lines, in seed order. */
export function articlesFromSeed(dir = 'content/articles'): ArticleTruth[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readArticle(dir, name))
    .sort((a, b) => a.order[0].localeCompare(b.order[0]) || a.order[1] - b.order[1])
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
