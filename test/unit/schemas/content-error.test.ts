import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import {
  ContentError,
  describeValue,
  fieldName,
  issueError,
  lineOf,
  readYaml,
} from '../../../src/schemas/content-error';

const source = (text: string, firstLine = 1) => ({ text, firstLine });

describe('ContentError', () => {
  test('is one line, file:line: field: expected X, found Y, with no stack for Astro to print', () => {
    const error = new ContentError('content/a.md', 4, 'tags', 'one of x, y', '"z"');
    expect(error.message).toBe('content/a.md:4: tags: expected one of x, y, found "z"');
    expect(error.name).toBe('ContentError');
    expect(error.stack).toBe('');
    expect(new ContentError('src/config.ts', undefined, undefined, 'a', 'b').message).toBe(
      'src/config.ts: expected a, found b',
    );
  });
});

describe('describeValue', () => {
  test('names each kind of value as a reader would', () => {
    expect([undefined, null, '', 'astrology', 3, true, false, [], [1], { a: 1 }].map(describeValue)).toEqual([
      'nothing',
      'nothing',
      'an empty text',
      '"astrology"',
      'the number 3',
      'true',
      'false',
      'an empty list',
      'a list',
      'a group of fields',
    ]);
    expect(describeValue(new Date('2026-12-06T10:00:00Z'))).toBe('2026-12-06');
    expect(describeValue(new Date('nope'))).toBe('an invalid date');
  });
});

describe('fieldName', () => {
  test('joins a path as code spells it', () => {
    expect(fieldName(['tags'])).toBe('tags');
    expect(fieldName(['source', 'firstLine'])).toBe('source.firstLine');
    expect(fieldName(['words', 2])).toBe('words[2]');
    expect(fieldName([Symbol('x'), 'title'])).toBe('title');
    expect(fieldName([])).toBe('');
  });
});

describe('lineOf', () => {
  const yaml = 'title: T\ntags:\n  - a\n  - b\nsource:\n  file: x\n';
  test('finds the line of a field, an item of a list, a nested field, in the file', () => {
    expect(lineOf(source(yaml), ['title'])).toBe(1);
    expect(lineOf(source(yaml), ['tags', 1])).toBe(4);
    expect(lineOf(source(yaml), ['source', 'file'])).toBe(6);
    expect(lineOf(source(yaml, 2), ['tags', 1])).toBe(5);
  });

  test('finds the line of a key, and for a field that is not there, the line of what holds it', () => {
    expect(lineOf(source(yaml), [], 'source')).toBe(5);
    expect(lineOf(source(yaml), ['source'], 'file')).toBe(6);
    expect(lineOf(source(yaml), ['source', 'firstLine'])).toBe(6);
    expect(lineOf(source(yaml), ['missing'])).toBe(1);
    expect(lineOf(source(yaml), [], 'missing')).toBeUndefined();
  });
});

describe('readYaml', () => {
  test('reads YAML as YAML 1.2 does, dates as text', () => {
    expect(readYaml('a.md', source('date: 2026-12-06\nn: 3\n'), 'YAML')).toEqual({ date: '2026-12-06', n: 3 });
  });

  test('refuses text that is not YAML at its line in the file', () => {
    let error: ContentError | undefined;
    try {
      readYaml('a.md', source('a: 1\nb: [\n', 5), 'YAML frontmatter');
    } catch (caught) {
      error = caught as ContentError;
    }
    // yaml places the unclosed list at the line after it: line 3 of the YAML, line 7 of the file.
    expect(error?.message).toMatch(/^a\.md:7: expected YAML frontmatter, found "[^"\n]+"$/u);
  });
});

describe('issueError', () => {
  const schema = z.object({ title: z.string(), tags: z.array(z.string()).max(2) }).strict();
  const expects = { title: 'a title', tags: 'at most two tags' };
  const refuse = (yaml: string) => {
    const data = readYaml('a.md', source(yaml, 2), 'YAML');
    const parsed = schema.safeParse(data);
    return parsed.success
      ? 'accepted'
      : issueError('a.md', source(yaml, 2), data, parsed.error, expects, ['title', 'tags']).message;
  };

  test('names the field, what it takes and what the file holds, at its line', () => {
    expect(refuse('title: T\ntags: [a, b, c]\n')).toBe('a.md:3: tags: expected at most two tags, found a list');
    expect(refuse('tags: []\n')).toBe('a.md:2: title: expected a title, found nothing');
    expect(refuse('title: T\ntags: [a, 3]\n')).toBe('a.md:3: tags[1]: expected at most two tags, found the number 3');
  });

  test('names an unknown field and the fields there are', () => {
    expect(refuse('title: T\ntags: []\ncolour: red\n')).toBe(
      'a.md:4: expected only the fields title, tags, found "colour"',
    );
  });

  test('falls back on zod’s own message for a field it has no words for', () => {
    const data = { other: 1 };
    const parsed = z.object({ other: z.string() }).safeParse(data);
    expect(issueError('a.md', source('other: 1\n'), data, parsed.error!, {}, ['other']).message).toMatch(
      /^a\.md:1: other: expected .+, found the number 1$/u,
    );
  });
});
