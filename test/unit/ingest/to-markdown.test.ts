import { describe, expect, test } from 'vitest';
import { bodyToMarkdown, bodyToMdast, bodyToPlainText } from '../../../src/ingest/to-markdown';

describe('bodyToMdast', () => {
  test('holds seed text only in text nodes, headings at depth 2, lists ordered from their first number', () => {
    const tree = bodyToMdast([
      { type: 'heading', text: 'Conclusion' },
      { type: 'list', ordered: true, start: 4, items: ['Four', 'Five'] },
      { type: 'list', ordered: false, items: ['- a dash', '1. a number'] },
    ]);
    expect(tree.children[0]).toMatchObject({
      type: 'heading',
      depth: 2,
      children: [{ type: 'text', value: 'Conclusion' }],
    });
    expect(tree.children[1]).toMatchObject({ type: 'list', ordered: true, start: 4 });
    expect(tree.children[2]).toMatchObject({ type: 'list', ordered: false });
    expect(tree.children[2]).not.toHaveProperty('start');
  });
});

describe('bodyToMarkdown', () => {
  test.each([
    ['#1 on the agenda', '\\#1 on the agenda'],
    ['1999. That year', '1999\\. That year'],
    ['*not*', '\\*not\\*'],
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['[x](javascript:alert(1))', '\\[x]\\(javascript:alert(1))'],
    ['&copy;', '\\&copy;'],
  ])('escapes %j so it renders as written', (text, markdown) => {
    expect(bodyToMarkdown([{ type: 'paragraph', text }])).toBe(`${markdown}\n`);
  });

  test('ends with one newline and separates blocks with one blank line', () => {
    expect(
      bodyToMarkdown([
        { type: 'paragraph', text: 'A.' },
        { type: 'heading', text: 'B' },
      ]),
    ).toBe('A.\n\n## B\n');
  });

  test('writes bulleted items with `-`, and escapes item text that looks like a marker', () => {
    expect(bodyToMarkdown([{ type: 'list', ordered: false, items: ['- a dash', '1. a number', 'plain'] }])).toBe(
      '- \\- a dash\n- 1\\. a number\n- plain\n',
    );
  });
});

describe('bodyToPlainText', () => {
  test('keeps every block and list item apart, so no two words run together for the tag rules', () => {
    expect(
      bodyToPlainText([
        { type: 'paragraph', text: 'Opium poppies.' },
        { type: 'list', ordered: true, start: 1, items: ['heroin', 'drug routes'] },
        { type: 'heading', text: 'Conclusion' },
      ]),
    ).toBe('Opium poppies.\n\nheroin\ndrug routes\n\nConclusion');
  });
});
