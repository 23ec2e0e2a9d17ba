import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { articleData, readArticleFile } from '../../../src/loaders/article-data';

const root = mkdtempSync(join(tmpdir(), 'dossier-loader-'));
mkdirSync(join(root, 'content/articles'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The stored data of a hand-written file `name` with these contents, as the loader works it out. */
function load(contents: string, name = 'my-note.md'): Record<string, unknown> {
  const path = join(root, 'content/articles', name);
  writeFileSync(path, contents);
  return articleData(readArticleFile(path, root));
}

/** The one-line error the loader stops the build with, or `accepted`. */
function refusal(contents: string): string {
  try {
    load(contents);
  } catch (error) {
    expect((error as Error).stack).toBe('');
    return (error as Error).message;
  }
  return 'accepted';
}

describe('articleData, for an article written by hand', () => {
  test('a title and a paragraph are an article: the description is the paragraph, tags come from the rules', () => {
    const data = load('---\ntitle: My note\n---\n\nA first paragraph about *heroin* routes.\n\nA second one.\n');
    expect(data).toMatchObject({
      title: 'My note',
      description: 'A first paragraph about heroin routes.',
      tags: [],
      draft: false,
      words: 9,
    });
    expect(data).not.toHaveProperty('source');
    expect(data).not.toHaveProperty('date');
  });

  test('the rules tag it like a seed article when it lists no tags, and `tags: []` is no tag', () => {
    const text = 'Heroin and opium flow west. The drug trade grows, and drugs reach Europe.\n';
    expect(load(`---\ntitle: Routes\n---\n\n${text}`).tags).toEqual(['drugs']);
    expect(load(`---\ntitle: Routes\ntags: []\n---\n\n${text}`).tags).toEqual([]);
  });

  test('every field: tags by label or slug in vocabulary order, a date, a description of its own', () => {
    const data = load(
      [
        '---',
        'title: "Shadow Fleets: Who Insures the Tankers?"',
        'author: Li Wei and Sofia Marquez',
        'section: Maritime',
        'tags: [drugs, pscs, cyber]',
        'description: Sanctioned oil moves on old tankers.',
        'date: 2026-11-30',
        'draft: false',
        'partner: RIAC',
        '---',
        '',
        'Text.',
        '',
      ].join('\n'),
    );
    expect(data).toMatchObject({
      title: 'Shadow Fleets: Who Insures the Tankers?',
      author: 'Li Wei and Sofia Marquez',
      section: 'Maritime',
      tags: ['cyber', 'PSCs', 'drugs'],
      description: 'Sanctioned oil moves on old tankers.',
      draft: false,
      partner: 'RIAC',
    });
    expect((data.date as Date).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  test('a byline written with its `By ` is stored without it, as a seed’s is', () => {
    expect(load('---\ntitle: T\nauthor: By Jane Doe\n---\n\nText.\n').author).toBe('Jane Doe');
    expect(load('---\ntitle: T\nauthor: Byron Hale\n---\n\nText.\n').author).toBe('Byron Hale');
  });

  test('a date with a time and offset is that moment', () => {
    const data = load('---\ntitle: T\ndate: 2026-11-30T09:30:00+01:00\n---\n\nText.\n');
    expect((data.date as Date).toISOString()).toBe('2026-11-30T08:30:00.000Z');
  });

  test('a long first paragraph is cut at a word for the description; a body of a heading only describes by it', () => {
    const long = `${'word '.repeat(60).trim()}.`;
    expect(load(`---\ntitle: T\n---\n\n${long}\n`).description).toMatch(/^(word ){30,}word…$/u);
    expect(load('---\ntitle: T\n---\n\n## Only a heading\n').description).toBe('Only a heading');
  });

  test('a draft may be empty, and is stored as one', () => {
    expect(load('---\ntitle: Later\ndraft: true\n---\n')).toMatchObject({
      draft: true,
      description: 'Later',
      words: 0,
    });
  });
});

describe('articleData refuses, with one line naming the file, the line and the field', () => {
  test('an unknown tag, listing the tags there are', () => {
    expect(refusal('---\ntitle: T\ntags:\n  - cyber\n  - astrology\n---\n\nText.\n')).toBe(
      'content/articles/my-note.md:5: tags: expected one of intelligence, cyber, PSCs, drugs, found "astrology"',
    );
  });

  test('an unknown field, listing the fields there are', () => {
    expect(refusal('---\ntitle: T\nsummary: A summary.\n---\n\nText.\n')).toBe(
      'content/articles/my-note.md:3: expected only the fields title, author, section, tags, description, date, draft, partner, source, found "summary"',
    );
  });

  test('an empty body, at the line it should start on', () => {
    expect(refusal('---\ntitle: T\n---\n\n')).toBe(
      'content/articles/my-note.md:4: expected the article’s text after the frontmatter, found none',
    );
  });

  test('no title, a wrong date, a description too long, a draft that is not true or false', () => {
    expect(refusal('---\nauthor: A\n---\n\nText.\n')).toBe(
      'content/articles/my-note.md:2: title: expected the title, as text, found nothing',
    );
    expect(refusal('---\ntitle: T\ndate: yesterday\n---\n\nText.\n')).toBe(
      'content/articles/my-note.md:3: date: expected a date such as 2026-12-06, found "yesterday"',
    );
    expect(refusal('---\ntitle: T\ndate: 2026-02-30\n---\n\nText.\n')).toMatch(
      /^content\/articles\/my-note\.md:3: date: expected a date such as 2026-12-06, found /u,
    );
    expect(refusal(`---\ntitle: T\ndescription: ${'x'.repeat(161)}\n---\n\nText.\n`)).toMatch(
      /^content\/articles\/my-note\.md:3: description: expected text of at most 160 characters, found "x+…" \(161 characters\)$/u,
    );
    expect(refusal('---\ntitle: T\ndraft: yes please\n---\n\nText.\n')).toBe(
      'content/articles/my-note.md:3: draft: expected true or false, found "yes please"',
    );
  });

  test('frontmatter that is not YAML, at its line', () => {
    expect(refusal('---\ntitle: T\ntags: [cyber\n---\n\nText.\n')).toMatch(
      /^content\/articles\/my-note\.md:\d: expected YAML frontmatter, found ".+"$/u,
    );
  });

  test('a field of the wrong kind', () => {
    expect(refusal('---\ntitle: [a, b]\n---\n\nText.\n')).toBe(
      'content/articles/my-note.md:2: title: expected the title, as text, found a list',
    );
    expect(refusal('---\ntitle: T\ntags: cyber\n---\n\nText.\n')).toBe(
      'content/articles/my-note.md:3: tags: expected a list of tags, such as [intelligence, cyber], found "cyber"',
    );
  });
});
