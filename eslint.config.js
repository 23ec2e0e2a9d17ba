// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build output, generated content and verbatim sources are not ours to lint.
  {
    ignores: [
      'dist/',
      'dist-reader/',
      '.astro/',
      '.cache/',
      'content/',
      'seeds/',
      'test/fixtures/',
      'node_modules/',
      'reports/',
      'test-results/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  // Node for config, tools and tests; the browser for src/browser (and .astro <script>s).
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  // The command lines (ingest, the search index step, the tools) talk to a terminal; nothing else may.
  { rules: { 'no-console': 'error' } },
  { files: ['src/ingest/cli.ts', 'src/integrations/pagefind/cli.ts', 'tools/*.ts'], rules: { 'no-console': 'off' } },
  // Formatting is Prettier's job.
  prettier,
);
