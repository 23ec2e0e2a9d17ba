import { describe, expect, test } from 'vitest';
import { DESCRIPTION_MAX_CHARS, descriptionOf } from '../../../src/ingest/description';

const paragraph = (text: string) => ({ type: 'paragraph', text }) as const;

describe('descriptionOf', () => {
  test('keeps a short first paragraph whole', () => {
    expect(descriptionOf([{ type: 'heading', text: 'Intro' }, paragraph('Short and whole.'), paragraph('Next.')])).toBe(
      'Short and whole.',
    );
  });

  test('cuts a long paragraph at a word boundary within 160 characters and marks the cut', () => {
    const text =
      'The emergence of the most advanced day-to-day technologies in the military centers of the world has transformed the methods of conflict among the nations before and more than anywhere.';
    const result = descriptionOf([paragraph(text)]);
    expect(result.length).toBeLessThanOrEqual(DESCRIPTION_MAX_CHARS);
    expect(result.endsWith('…')).toBe(true);
    expect(text.startsWith(result.slice(0, -1))).toBe(true);
    expect(text[result.length - 1]).toBe(' '); // the cut falls between words
  });

  test('drops punctuation left dangling before the ellipsis', () => {
    const text = `${'word '.repeat(30)}clause, ${'more '.repeat(20)}`;
    const cutAtComma = descriptionOf([paragraph(text)], 'word '.repeat(30).length + 'clause,'.length + 1);
    expect(cutAtComma).toBe(`${'word '.repeat(30)}clause…`);
  });

  test('cuts a paragraph with spaces at a space, never inside a hyphenated word', () => {
    const text = `${'word '.repeat(30)}day-to-day-to-day more`;
    expect(descriptionOf([paragraph(text)])).toBe(`${'word '.repeat(30).trimEnd()}…`);
  });

  test('keeps a paragraph of exactly 160 characters whole, and cuts one of 161', () => {
    const exact = `${'abcd '.repeat(31)}abcd.`;
    expect(exact).toHaveLength(DESCRIPTION_MAX_CHARS);
    expect(descriptionOf([paragraph(exact)])).toBe(exact);
    expect(descriptionOf([paragraph(`${exact}x`)])).toBe(`${'abcd '.repeat(31).trimEnd()}…`);
  });

  test('describes a body without a paragraph by its first block: a list’s items joined by spaces', () => {
    expect(descriptionOf([{ type: 'list', ordered: true, start: 1, items: ['G4S', 'Control Risks'] }])).toBe(
      'G4S Control Risks',
    );
  });

  test('cuts text written without spaces between words, and never inside a character', () => {
    const chinese = '中国私营安保公司在一带一路沿线的发展'.repeat(12);
    const result = descriptionOf([paragraph(chinese)]);
    expect(result.length).toBeLessThanOrEqual(DESCRIPTION_MAX_CHARS);
    expect(chinese.startsWith(result.slice(0, -1))).toBe(true);
    expect(result.length).toBeGreaterThan(140);

    const words = '中华人民共和国'.repeat(30); // 中华 · 人民 · 共和国: the 159th character is inside a word
    expect(descriptionOf([paragraph(words)])).toBe(`${'中华人民共和国'.repeat(22)}中华人民…`);

    const emoji = '🙂'.repeat(100); // two UTF-16 units each: a cut in between would leave half a character
    expect(descriptionOf([paragraph(emoji)])).toBe(`${'🙂'.repeat(79)}…`);
    const word = 'x'.repeat(300);
    expect(descriptionOf([paragraph(word)])).toBe(`${'x'.repeat(159)}…`);
  });
});
