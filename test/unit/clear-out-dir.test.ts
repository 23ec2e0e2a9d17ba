import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, test } from 'vitest';
import { clearOutDir } from '../../src/integrations/clear-out-dir';

const scratch = mkdtempSync(join(tmpdir(), 'dossier-clear-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Run the integration's hooks as a build does, around `during` (the build itself). */
async function build(root: string, during: () => void = () => undefined) {
  const outDir = join(root, 'dist');
  const cacheDir = join(root, 'cache');
  const hooks = clearOutDir().hooks as Required<AstroIntegration['hooks']>;
  const dirUrl = (path: string) => pathToFileURL(`${path}/`);
  await (hooks['astro:config:done'] as (o: unknown) => unknown)({
    config: { outDir: dirUrl(outDir), cacheDir: dirUrl(cacheDir) },
  });
  await (hooks['astro:build:start'] as (o: unknown) => unknown)({});
  during();
  await (hooks['astro:build:done'] as (o: unknown) => unknown)({});
  return { outDir, cacheDir };
}

describe('clearOutDir', () => {
  test('a build starts with no output of the last one, and leaves nothing aside when done', async () => {
    const root = join(scratch, 'plain');
    mkdirSync(join(root, 'dist', 'articles', 'gone'), { recursive: true });
    writeFileSync(join(root, 'dist', 'articles', 'gone', 'index.html'), 'a deleted article');
    let seen: boolean | undefined;
    const { outDir, cacheDir } = await build(root, () => {
      seen = existsSync(join(root, 'dist'));
    });
    expect(seen).toBe(false); // Astro finds nothing to empty
    expect(existsSync(outDir)).toBe(false);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  test('deletes what a killed build left aside, and never touches other cache folders', async () => {
    const root = join(scratch, 'killed');
    mkdirSync(join(root, 'cache', 'old-output-123-456', 'articles'), { recursive: true });
    mkdirSync(join(root, 'cache', 'incremental'), { recursive: true });
    await build(root);
    expect(readdirSync(join(root, 'cache'))).toEqual(['incremental']);
  });

  test('leaves an output holding a .git for Astro to empty as before', async () => {
    const root = join(scratch, 'git');
    mkdirSync(join(root, 'dist', '.git'), { recursive: true });
    await build(root);
    expect(existsSync(join(root, 'dist', '.git'))).toBe(true);
  });
});
