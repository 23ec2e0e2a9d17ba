// @vitest-environment jsdom
/**
 * The DOM halves of sharing and search, in jsdom: marking a shared quote where the reader
 * selected it, reading the text before a selection, and drawing an excerpt as text nodes.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { buildExcerpt } from '../../../src/browser/search/excerpt';
import { markQuote, textAround } from '../../../src/browser/text-fragment';

let body: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = `<div id="b"><h2>National security</h2><p>First, the <em>national</em> security of Iran.</p><p>Then national security considerations, and national security again.</p></div>`;
  body = document.getElementById('b')!;
});

describe('markQuote', () => {
  test('marks the first match of the quote, across inline elements, and returns the mark', () => {
    const mark = markQuote(body, { start: 'national security' })!;
    expect(mark.className).toBe('quote-target');
    expect(mark.textContent).toBe('National security');
    expect(mark.closest('h2')).not.toBeNull();
  });

  test('with a prefix, marks the match the prefix names', () => {
    const mark = markQuote(body, { prefix: 'Then', start: 'national security' })!;
    expect(mark.closest('p')!.textContent).toMatch(/^Then national security considerations/);
    expect(mark.textContent).toBe('national security');
  });

  test('with a suffix, and a start and end, marks the whole span in one block', () => {
    const mark = markQuote(body, { start: 'national', end: 'again', suffix: undefined })!;
    expect(mark.textContent).toBe('national security considerations, and national security again');
    const bySuffix = markQuote(body, { start: 'national security', suffix: 'of Iran' })!;
    expect(bySuffix.textContent).toBe('national security');
    expect(bySuffix.closest('p')!.textContent).toMatch(/^First/);
  });

  test('never spans two blocks, and gives nothing when nothing matches', () => {
    expect(markQuote(body, { start: 'security', end: 'First' })).toBeUndefined();
    expect(markQuote(body, { start: 'no such words' })).toBeUndefined();
    expect(markQuote(body, { prefix: 'Nobody', start: 'national security' })).toBeUndefined();
  });

  test('matches whole words of the prefix only, case aside', () => {
    expect(markQuote(body, { prefix: 'hen', start: 'national security' })).toBeUndefined();
    expect(markQuote(body, { prefix: 'THEN', start: 'NATIONAL SECURITY' })?.textContent).toBe('national security');
  });
});

describe('textAround', () => {
  test('gives the text of the root, blocks apart, and the part before a selection', () => {
    const em = body.querySelector('em')!;
    const range = document.createRange();
    range.setStart(em.firstChild!, 2);
    range.setEnd(em.firstChild!, 5);
    const { text, before } = textAround(body, range);
    expect(text).toBe(
      'National security First, the national security of Iran. Then national security considerations, and national security again.',
    );
    expect(before).toBe('National security First, the na');
  });

  test('a selection that starts at an element, not in a text, starts before its first text', () => {
    const p = body.querySelectorAll('p')[1]!;
    const range = document.createRange();
    range.setStart(p, 0);
    range.setEnd(p, 1);
    expect(textAround(body, range).before).toBe('National security First, the national security of Iran. ');
  });
});

describe('buildExcerpt', () => {
  const html = (fragment: DocumentFragment) => {
    const div = document.createElement('div');
    div.append(fragment);
    return div.innerHTML;
  };

  test('marks the matched words, as text, with an ellipsis where the text goes on', () => {
    const content = 'one two three <b>four</b> five six seven eight nine ten';
    // A quarter of a short excerpt leads in before the match.
    expect(html(buildExcerpt(document, content, [3], 4))).toBe(
      '… three <mark>&lt;b&gt;four&lt;/b&gt;</mark> five six …',
    );
  });

  test('shows the start whole, and the end without an ellipsis', () => {
    expect(html(buildExcerpt(document, 'alpha beta gamma', [0], 10))).toBe('<mark>alpha</mark> beta gamma');
    expect(html(buildExcerpt(document, 'alpha beta gamma', [2], 10))).toBe('alpha beta <mark>gamma</mark>');
  });
});
