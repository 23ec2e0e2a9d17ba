/**
 * What the build refuses in a publisher's own files (an article's frontmatter, the tags in
 * `content/tags.yml`), as one line `file:line: field: expected X, found Y`: the line of the
 * field in the file, what the field takes, and what the file holds there.
 */
import { isMap, LineCounter, parse, parseDocument, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { quote } from '../ingest/ingest-error';

/** A file the build cannot use, as one line naming the file, the line and the field. */
export class ContentError extends Error {
  override name = 'ContentError';

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly field: string | undefined,
    readonly expected: string,
    readonly found: string,
  ) {
    super(
      `${file}${line === undefined ? '' : `:${line}`}: ${field ? `${field}: ` : ''}expected ${expected}, found ${found}`,
    );
    // Astro prints a thrown error's stack under its message; the mistake is in the file, not
    // in the code, so the message is the whole report (README, "Choices").
    this.stack = '';
  }
}

/** YAML as it stands in a file: its text, and the file's line its first line is on. */
export interface YamlSource {
  text: string;
  firstLine: number;
}

/**
 * The YAML of `source` (in `file`) read as YAML 1.2 reads it: dates stay text. Text that is not
 * YAML is refused at its line, as what `expected` says.
 */
export function readYaml(file: string, source: YamlSource, expected: string): unknown {
  try {
    return parse(source.text);
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    const at = line === undefined ? undefined : line + source.firstLine - 1;
    throw new ContentError(file, at, undefined, expected, quote((error as Error).message.split('\n')[0]!));
  }
}

/** A value as an error shows it: `"astrology"`, `the number 3`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return value === '' ? 'an empty text' : quote(value);
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  return 'a group of fields';
}

/** The 1-based line in the file of the node at `path` (or of the key `key` in it), if the YAML has it. */
export function lineOf(source: YamlSource, path: readonly PropertyKey[], key?: string): number | undefined {
  const counter = new LineCounter();
  const document = parseDocument(source.text, { lineCounter: counter });
  const at = (node: Node | null | undefined) =>
    node?.range ? counter.linePos(node.range[0]).line + source.firstLine - 1 : undefined;
  const parentPath = path.filter((part): part is string | number => typeof part !== 'symbol');
  const container = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true);
  if (key !== undefined && isMap(container)) {
    const pair = container.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
    return at(pair?.key as Node | undefined);
  }
  if (parentPath.length === 0) return at(document.contents);
  // A field that is not there at all: the line of what holds it.
  return at(container as Node | undefined) ?? lineOf(source, parentPath.slice(0, -1));
}

/** The value at `path` in `data`, if any. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, part) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined,
    data,
  );
}

/** How a field's path reads in an error: `tags`, `source.firstLine`, `words[2]`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .filter((part) => typeof part !== 'symbol')
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

/**
 * The first issue zod found in `data` (read from `source` in `file`) as a `ContentError`.
 * `expects` says, by field name, what each field takes (`a date such as 2026-12-06`); an
 * unknown field lists the fields there are (`fields`).
 */
export function issueError(
  file: string,
  source: YamlSource,
  data: unknown,
  error: z.ZodError,
  expects: Readonly<Record<string, string>>,
  fields: readonly string[],
  /** Path parts not shown in the field's name (a list file's index). */
  hidden = 0,
): ContentError {
  const issue = error.issues[0]!;
  const shown = issue.path.slice(hidden);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return new ContentError(
      file,
      lineOf(source, issue.path, key),
      undefined,
      `only the fields ${fields.join(', ')}`,
      quote(key),
    );
  }
  const value = valueAt(data, issue.path);
  const name = fieldName(shown);
  const last = [...shown].reverse().find((part): part is string => typeof part === 'string');
  const expected = (last && expects[last]) ?? issue.message;
  const length = typeof value === 'string' && issue.code === 'too_big' ? ` (${[...value].length} characters)` : '';
  return new ContentError(
    file,
    lineOf(source, issue.path),
    name || undefined,
    expected,
    `${describeValue(value)}${length}`,
  );
}
