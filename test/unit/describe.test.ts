import { describe as suite, expect, test } from 'vitest';
import { DESCRIPTION_MAX_CHARS, describe } from '../../src/ingest/describe';

const paragraph = (text: string) => ({ type: 'paragraph', text }) as const;

suite('describe', () => {
  test('keeps a short first paragraph whole', () => {
    expect(describe([{ type: 'heading', text: 'Intro' }, paragraph('Short and whole.'), paragraph('Next.')])).toBe(
      'Short and whole.',
    );
  });

  test('cuts a long paragraph at a word boundary within 160 characters and marks the cut', () => {
    const text =
      'The emergence of the most advanced day-to-day technologies in the military centers of the world has transformed the methods of conflict among the nations before and more than anywhere.';
    const result = describe([paragraph(text)]);
    expect(result.length).toBeLessThanOrEqual(DESCRIPTION_MAX_CHARS);
    expect(result.endsWith('…')).toBe(true);
    expect(text.startsWith(result.slice(0, -1))).toBe(true);
    expect(text[result.length - 1]).toBe(' '); // the cut falls between words
  });

  test('drops punctuation left dangling before the ellipsis', () => {
    const text = `${'word '.repeat(30)}clause, ${'more '.repeat(20)}`;
    const cutAtComma = describe([paragraph(text)], 'word '.repeat(30).length + 'clause,'.length + 1);
    expect(cutAtComma).toBe(`${'word '.repeat(30)}clause…`);
  });
});
