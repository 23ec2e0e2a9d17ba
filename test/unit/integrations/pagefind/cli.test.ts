import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const empty = mkdtempSync(join(tmpdir(), 'dossier-index-step-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

test('the search index step refuses a folder with no built site, in one line, writing nothing', () => {
  const run = spawnSync('node_modules/.bin/tsx', ['src/integrations/pagefind/cli.ts', empty], { encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stderr.trim()).toBe(
    `pagefind-cli: expected a built site in ${empty} (its index.html), found none; run astro build first`,
  );
  expect(readdirSync(empty)).toEqual([]);
});
