import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseSeed } from '../../../src/ingest/parse-seed';
import { bodyToMarkdown, bodyToPlainText } from '../../../src/ingest/to-markdown';
import { markdownText, openingText } from '../../../src/collection/markdown-text';
import { seedArbitrary } from '../../support/seed-arbitrary';

const words = (text: string) => text.split(/\s+/u).filter(Boolean);

describe('markdownText', () => {
  test('gives back exactly the words of the seed for every body ingest writes', () => {
    fc.assert(
      fc.property(seedArbitrary, ({ text }) => {
        for (const { body } of parseSeed(text, 'seeds/page.txt')) {
          expect(words(markdownText(bodyToMarkdown(body)))).toEqual(words(bodyToPlainText(body)));
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  test('drops block markers, link addresses, escapes and character references from hand-written Markdown', () => {
    const markdown =
      '## Routes\n\n> A [drug route](https://example.org/drugs "title") runs 1\\. west &amp; east.\n\n- one\n2) two\n';
    expect(words(markdownText(markdown))).toEqual([
      'Routes',
      'A',
      'drug',
      'route',
      'runs',
      '1.',
      'west',
      '&',
      'east.',
      'one',
      'two',
    ]);
    expect(markdownText('&#x4E2D;&#22269; &bogus; &#0; &#x110000; &#x10FFFF;')).toBe(
      '中国 &bogus; &#0; &#x110000; \u{10ffff}',
    );
    expect(words(markdownText('##   Spaced\n>Quoted\n-   item\n3)\tthree\n[a link](/x  "its title")'))).toEqual([
      'Spaced',
      'Quoted',
      'item',
      'three',
      'a',
      'link',
    ]);
    expect(markdownText('#hashtag')).toBe('#hashtag');
  });
});

describe('openingText', () => {
  test('is the first paragraph as a reader sees it, links as their text', () => {
    expect(openingText('## Heading\n\nA *first* [link](https://x.org) and `code`.\n\nSecond.')).toBe(
      'A first link and code.',
    );
  });

  test('is the first block when there is no paragraph, and empty for no body', () => {
    expect(openingText('- one\n- two\n')).toBe('one\ntwo'.replace('\n', ''));
    expect(openingText('')).toBe('');
  });
});
