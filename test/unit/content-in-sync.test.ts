import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ARTICLES_DIR, SEEDS_DIR } from '../../src/config';
import { ingest, isGenerated, readWritten } from '../../src/ingest/ingest';

test('the committed articles are exactly what ingest writes from the committed seeds', () => {
  const seeds = readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ file: `${SEEDS_DIR}/${name}`, text: readFileSync(join(SEEDS_DIR, name), 'utf8') }));
  const committed = Object.fromEntries(
    readdirSync(ARTICLES_DIR)
      .filter((name) => name.endsWith('.md'))
      .map((name) => [name, readFileSync(join(ARTICLES_DIR, name), 'utf8')]),
  );
  // Ingest keeps the slugs of the files it wrote before, so it reads them as the CLI does.
  const written = Object.entries(committed)
    .filter(([, contents]) => isGenerated(contents))
    .map(([name, contents]) => readWritten(name, name.replace(/\.md$/, ''), contents));
  const expected = Object.fromEntries(ingest(seeds, written).map((file) => [`${file.slug}.md`, file.contents]));
  expect(committed).toEqual(expected);
});
