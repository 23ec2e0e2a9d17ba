import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../../src/ingest/ingest';
import { parseSeed, type BodyBlock } from '../../../src/ingest/parse-seed';
import { IngestError } from '../../../src/ingest/ingest-error';
import { renderedBlocks } from '../../support/markdown-blocks';

/**
 * One folder per case: `input.txt`, then either `error.txt` (folders named `error-*`) or
 * `articles.json` (what the parser reads) and `output/<slug>.md` (what ingest writes).
 * `npx vitest -u` rewrites the expected files; the fixture diff is the review.
 */
const FIXTURES = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
const at = (name: string, ...parts: string[]) => join(FIXTURES, name, ...parts);
const seedOf = (name: string) => ({ file: `seeds/${name}.txt`, text: readFileSync(at(name, 'input.txt'), 'utf8') });
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function sourceBlocks(body: readonly BodyBlock[]): string[] {
  return body.flatMap((block) => (block.type === 'list' ? block.items : [block.text]));
}

describe.each(readdirSync(FIXTURES).sort())('%s', (name) => {
  const seed = seedOf(name);

  if (name.startsWith('error-')) {
    test('is refused with the file, the line and what was expected', async () => {
      let error: unknown;
      try {
        ingest([seed], []);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(IngestError);
      expect((error as Error).name).toBe('IngestError');
      const message = (error as IngestError).message;
      expect(message).toMatch(/^seeds\/error-[\w-]+\.txt:\d+: expected .+, found .+$/);
      await expect(`${message}\n`).toMatchFileSnapshot(at(name, 'error.txt'));
    });
    return;
  }

  test('parses to the expected articles', async () => {
    await expect(json(parseSeed(seed.text, seed.file))).toMatchFileSnapshot(at(name, 'articles.json'));
  });

  test('writes the expected Markdown files', async () => {
    const files = ingest([seed], []);
    for (const file of files) {
      await expect(file.contents).toMatchFileSnapshot(at(name, 'output', `${file.slug}.md`));
    }
    const expected = readdirSync(at(name, 'output')).sort();
    expect(expected).toEqual(files.map((file) => `${file.slug}.md`).sort());
  });

  test('renders every block back to exactly the seed text', () => {
    const articles = parseSeed(seed.text, seed.file);
    const files = ingest([seed], []);
    files.forEach((file, i) => {
      expect(renderedBlocks(file.contents)).toEqual(sourceBlocks(articles[i]!.body));
    });
  });
});
