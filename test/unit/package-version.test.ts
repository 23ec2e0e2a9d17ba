import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { packageVersion } from '../../src/package-version';

/** What npm installed, read straight from node_modules: the oracle. */
const installed = (name: string) =>
  (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;

describe('packageVersion', () => {
  test('reads the version of a package that exports no package.json, and of one that does', () => {
    expect(packageVersion('pagefind')).toBe(installed('pagefind'));
    expect(packageVersion('astro')).toBe(installed('astro'));
  });

  test('gives none for a package that is not installed', () => {
    expect(packageVersion('no-such-package-dossier')).toBeUndefined();
  });
});
